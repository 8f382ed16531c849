package quoteattr

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/rules/ruletest"
)

// lint runs the rule on one JSON record and returns its diagnostics.
func lint(t testing.TB, src []byte) []rules.Diagnostic {
	t.Helper()
	return ruletest.Run(t, Rule, ruletest.ParseOne(t, src), nil)
}

// record builds a JSON record whose body is the given blocks (strings are
// paragraphs).
func record(t testing.TB, lang string, body []any, people []map[string]string) []byte {
	t.Helper()
	rec := map[string]any{"id": "t", "lang": lang, "title": "Titre", "body": body}
	if people != nil {
		rec["people"] = people
	}
	src, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// want is one expected finding: its message, the JSON pointer, and the
// text its span covers, which starts at the first occurrence of at in the
// source that follows after (both in the file's syntax).
type want struct {
	pointer, after, at, span, msg string
}

func quote(text string, speaker ...string) map[string]string {
	q := map[string]string{"type": "quote", "text": text}
	if len(speaker) > 0 {
		q["speaker"] = speaker[0]
	}
	return q
}

const noSpeaker = "quotation has no identifiable speaker: no speech verb with a speaker in its sentence or paragraph"

func TestRule(t *testing.T) {
	tests := []struct {
		name   string
		lang   string
		body   []any
		people []map[string]string
		want   []want
	}{
		{
			name: "fr attributed after the quote, then continued",
			lang: "fr",
			body: []any{"« Nos partenaires partagent tous le souhait qu'a l'OTAN de bâtir la sécurité, mais chacun contribue d'une manière bien différente,» a déclaré le secrétaire général, M.\u00a0Anders Fogh Rasmussen. «\u00a0Ils participent à nos opérations. Ils apportent un soutien politique à nos missions ».",
				"« Notre réunion a montré tout ce que nous avons déjà gagné à travailler ensemble, » a ajouté le secrétaire général."},
		},
		{
			name: "fr attribution removed",
			lang: "fr",
			body: []any{"Cette rencontre a été une occasion unique de discuter des enseignements tirés de la coopération.",
				"« Nos partenaires partagent tous le souhait de bâtir la sécurité. » « Ils participent à nos opérations. »"},
			want: []want{{"/body/1", `"« Nos`, "«", "«", noSpeaker}},
		},
		{
			name: "fr role never tied to a name",
			lang: "fr",
			body: []any{"« Nous avons en partage le même ensemble de valeurs, » a déclaré le secrétaire général délégué."},
			want: []want{{"/body/0", "", "«", "«", `quotation has no identifiable speaker: the role "le secrétaire général délégué" is never tied to a name in the article`}},
		},
		{
			name: "fr role tied earlier, the deputy is another person",
			lang: "fr",
			body: []any{"Cette réunion, présidée par le secrétaire général délégué, Alexander Vershbow, a mis en évidence un lien fort.",
				"« Nous avons en partage le même ensemble de valeurs, » a déclaré le secrétaire général délégué.",
				"« Nous travaillons ensemble au quotidien avec nos partenaires, » a ajouté le secrétaire général."},
			want: []want{{"/body/2", "", "« Nous travaillons", "«", `quotation has no identifiable speaker: the role "le secrétaire général" is never tied to a name in the article`}},
		},
		{
			name:   "fr role listed in people",
			lang:   "fr",
			people: []map[string]string{{"name": "Anders Fogh Rasmussen", "role": "secrétaire général de l'OTAN"}},
			body:   []any{"« Nous travaillons ensemble au quotidien avec nos partenaires, » a ajouté le secrétaire général."},
		},
		{
			name: "fr anonymous source",
			lang: "fr",
			body: []any{"« La réunion s'est déroulée dans un excellent climat », a indiqué un responsable de l'OTAN."},
			want: []want{{"/body/0", "", "«", "«", `quotation has no identifiable speaker: "un responsable" names no one`}},
		},
		{
			name: "fr anonymity granted on purpose",
			lang: "fr",
			body: []any{"« La réunion s'est déroulée dans un excellent climat », a indiqué un diplomate sous couvert d'anonymat."},
		},
		{
			name: "fr unlisted verb after the quote",
			lang: "fr",
			body: []any{"« Personne ne veut quitter cette salle sans accord », s'est félicité le président du Conseil européen, Charles Michel."},
		},
		{
			name: "fr incise inside the quotation, pronoun after a named person",
			lang: "fr",
			body: []any{"Mme Stefanie Babst a ouvert la séance.", "« Nous sommes prêts, a-t-elle ajouté, à travailler avec chacun de nos partenaires. »"},
		},
		{
			name: "fr pronoun with nobody named before",
			lang: "fr",
			body: []any{"« Nous sommes prêts à travailler avec chacun de nos partenaires », a-t-il ajouté."},
			want: []want{{"/body/0", "", "«", "«", `quotation has no identifiable speaker: "il" refers to no person named earlier in the article`}},
		},
		{
			name: "fr terms and partial quotations",
			lang: "fr",
			body: []any{"Les pays « invités » ont participé aux débats d'aujourd'hui sur l'avenir de l'OTAN.",
				"Le ministre a qualifié la réunion d'« étape vers un partenariat plus étroit et plus efficace »."},
		},
		{
			name: "fr multi-paragraph quotation",
			lang: "fr",
			body: []any{"Le chancelier allemand, Olaf Scholz, a prévenu les partenaires.",
				"« Nous ne céderons pas au chantage énergétique. Nous avons les moyens de passer l'hiver.",
				"« Mais cela suppose que chacun fasse des efforts, dans chaque pays et dans chaque foyer », a-t-il conclu."},
		},
		{
			name: "fr unclosed and stray marks",
			lang: "fr",
			body: []any{"« Nous ne céderons pas au chantage énergétique, a déclaré M. Scholz.",
				"Mais cela suppose que chacun fasse des efforts. »"},
			want: []want{
				{"/body/0", "", "«", "«", "« is never closed in this paragraph and the next paragraph does not continue the quotation"},
				{"/body/1", "", "»", "»", "stray closing mark »: no quotation is open"},
			},
		},
		{
			name: "fr quote block introduced, then one without speaker",
			lang: "fr",
			body: []any{"Mme Babst a ouvert la séance. Elle a déclaré :",
				quote("Nous devons mieux expliquer à nos opinions publiques pourquoi la sécurité se construit ensemble."),
				"La séance a ensuite été levée.",
				quote("La sécurité se construit ensemble, avec tous nos partenaires."),
				quote("L'Europe s'est toujours construite dans les crises.", "Jean Monnet")},
			want: []want{{"/body/3/text", "", "La sécurité se", "La sécurité se construit ensemble, avec tous nos partenaires.", "quote block has no speaker and the paragraph before does not introduce one"}},
		},
		{
			name: "en attributed after, according to, pronoun",
			lang: "en",
			body: []any{"Foreign ministers met in Stockholm on Tuesday under the alliance's “smart defence” initiative. It's the third meeting this year.",
				"“We cannot afford to wait for the next crisis before we act together,” said Ms Lindqvist.",
				"According to the minister, Ms Lindqvist, the agreement “does not replace national plans but makes them cheaper”.",
				"“This is not about symbolism. It is about radar coverage and money well spent,” she said. “We don't want promises.”"},
		},
		{
			name: "en quoted sentence with no attribution",
			lang: "en",
			body: []any{"Foreign ministers met in Stockholm on Tuesday.", "“We cannot afford to wait for the next crisis before we act together.”"},
			want: []want{{"/body/1", "", `“We`, "“", noSpeaker}},
		},
		{
			name: "en spokesman never named",
			lang: "en",
			body: []any{"“Our cables and pipelines are the arteries of our economies,” said the spokesman."},
			want: []want{{"/body/0", "", "“", "“", `quotation has no identifiable speaker: the role "the spokesman" is never tied to a name in the article`}},
		},
		{
			name: "en role tied by apposition before, shorter mention later",
			lang: "en",
			body: []any{"Sweden's foreign minister, Ann Lindqvist, chaired the talks.",
				"“Our cables and pipelines are the arteries of our economies,” the minister told reporters."},
		},
		{
			name: "en an official",
			lang: "en",
			body: []any{"“This is a turning point for regional security,” an official said."},
			want: []want{{"/body/0", "", "“", "“", `quotation has no identifiable speaker: "an official" names no one`}},
		},
		{
			name: "fr adverb between auxiliary and participle",
			lang: "fr",
			body: []any{"« Nous ne céderons pas au chantage énergétique de Moscou », a notamment déclaré un diplomate européen."},
			want: []want{{"/body/0", "", "«", "«", `quotation has no identifiable speaker: "un diplomate européen" names no one`}},
		},
		{
			name: "fr anonymous role named by apposition",
			lang: "fr",
			body: []any{"« La réunion s'est déroulée dans un excellent climat », a déclaré un porte-parole de l'OTAN, Oana Lungescu.",
				"Un porte-parole de l'Alliance, Oana Lungescu, a déclaré : « Les discussions ont été franches et utiles. »"},
		},
		{
			name: "fr summary in headline style, signature in a list",
			lang: "fr",
			body: []any{map[string]any{"type": "list", "items": []string{"« Nous irons jusqu'au bout de cette réforme » — Élisabeth Borne", "« Le dialogue social, ce n'est pas le blocage » (Élisabeth Borne)"}}},
		},
		{
			name: "en named subject introduces the quotation, anonymity disclosed",
			lang: "en",
			body: []any{"Ms Lindqvist was blunt. “We will not accept threats against our infrastructure.”",
				"“Nobody wants to leave this room without a deal,” a senior EU diplomat said, speaking on condition of anonymity."},
		},
		{
			name: "en nested quotation never closed, title mark never closed",
			lang: "en",
			body: []any{"“She told me ‘we are ready to sign the agreement today,” said Ms Lindqvist."},
			want: []want{{"/body/0", "", "‘", "‘", "‘ is never closed inside the enclosing quotation"}},
		},
		{
			name: "fr qualified role as a second reference to a named person",
			lang: "fr",
			body: []any{"Vladimir Poutine a de nouveau menacé les pays occidentaux mardi.",
				"« Nous utiliserons tous les moyens à notre disposition », a déclaré le président russe.",
				"Emmanuel Macron s'est rendu à Kiev. « La France restera aux côtés de l'Ukraine aussi longtemps qu'il le faudra », a affirmé le chef de l'État."},
		},
		{
			name: "en qualified role, and a bare role with only tied names",
			lang: "en",
			body: []any{"Joe Biden arrived in Vilnius on Tuesday, where NATO Secretary General Jens Stoltenberg welcomed him.",
				"“We will not waver in our support for Ukraine,” the US president said.",
				"“Our cables and pipelines are the arteries of our economies,” the spokesman said."},
			want: []want{{"/body/2", "", "“Our", "“", `quotation has no identifiable speaker: the role "the spokesman" is never tied to a name in the article`}},
		},
		{
			name: "fr list of quotations introduced by a colon",
			lang: "fr",
			body: []any{"Le secrétaire général de l'OTAN, Jens Stoltenberg, a fixé trois priorités :",
				map[string]any{"type": "list", "items": []string{"« Nous devons investir davantage dans notre défense commune. »", "« Nous devons soutenir l'Ukraine aussi longtemps qu'il le faudra. »"}}},
		},
		{
			name: "en the audience is no speaker",
			lang: "en",
			body: []any{"The inquiry into the fire resumed in London on Monday.",
				"“We were never told that the cladding was flammable, not once in ten years,” the inquiry heard.",
				"“The council knew about the risk and did nothing about it,” the committee was told on Tuesday.",
				"“We asked for sprinklers three times and were refused each time,” the hearing was told by Sarah Jones, a resident of the tower."},
			want: []want{
				{"/body/1", "", "“", "“", `quotation has no identifiable speaker: "the inquiry heard" says who heard it, not who said it`},
				{"/body/2", "", "“The council", "“", `quotation has no identifiable speaker: "the committee was told" says who heard it, not who said it`},
			},
		},
		{
			name: "en multi-paragraph quotation after an attributed one",
			lang: "en",
			body: []any{"Keir Starmer closed the conference on Wednesday. “Britain's best days lie ahead of us,” he said. “But we will only reach them if we are honest about the scale of the challenge.",
				"“That is what this government is about: honesty, hard work, and never taking the voters for granted.”"},
		},
		{
			name: "en a former office holder, a pronoun subject before the quotation",
			lang: "en",
			body: []any{"Boris Johnson spoke at an energy conference in Houston on Monday.",
				"“We got Brexit done and nobody can take that away from us,” the former prime minister said.",
				"He was defiant about his record. “History will judge us on the vaccine rollout, not on the parties.”"},
		},
		{
			name: "en a pronoun subject before the quotation with nobody named",
			lang: "en",
			body: []any{"He was defiant about his record. “History will judge us on the vaccine rollout, not on the parties.”"},
			want: []want{{"/body/0", "", "“", "“", noSpeaker}},
		},
		{
			name: "fr multi-paragraph quotation in the older style, continued by »",
			lang: "fr",
			body: []any{"Marie Dupont, infirmière au centre hospitalier, a témoigné mardi devant la commission.",
				"« Nous n'avons jamais été informés que le bardage était inflammable.",
				"» Personne n'a rien vérifié, jamais, pas une seule fois en dix ans.",
				"» Et aujourd'hui des gens sont morts », a-t-elle ajouté."},
		},
		{
			name: "fr older style continuation never closed",
			lang: "fr",
			body: []any{"Marie Dupont, infirmière au centre hospitalier, a témoigné mardi devant la commission.",
				"« Nous n'avons jamais été informés que le bardage était inflammable, a-t-elle déclaré.",
				"» Personne n'a rien vérifié, jamais, pas une seule fois en dix ans."},
			want: []want{{"/body/2", "", "»", "»", "» is never closed in this paragraph and no paragraph follows to continue the quotation"}},
		},
		{
			name: "fr a quotation as the subject of its sentence is a mention",
			lang: "fr",
			body: []any{"« Connexion refusée par l'hôte distant » signifie qu'aucun service n'écoute sur ce port.",
				"« Autant en emporte le vent » et « Le Seigneur des anneaux » arrivent en tête du classement.",
				"« Nous ne céderons rien sur l'essentiel, ni aujourd'hui ni demain. » La séance a ensuite été levée."},
			want: []want{{"/body/2", `"« Nous ne`, "«", "«", noSpeaker}},
		},
		{
			name: "en role tied through a possessive",
			lang: "en",
			body: []any{"Jens Stoltenberg, NATO's secretary general, opened the meeting in Brussels.",
				"“We must invest more in our common defence, and we must do it now,” the secretary general said."},
		},
		{
			name: "fr role tied to a name after its complement, without a comma",
			lang: "fr",
			body: []any{"La ministre de la Culture Rachida Dati a inauguré l'exposition mardi.",
				"« Ce musée est un trésor national qu'il faut protéger et faire connaître », a déclaré la ministre."},
		},
		{
			name: "fr a passive speech verb has no speaker",
			lang: "fr",
			body: []any{"Le plan de reconstruction a été annoncé mardi. « Nous ne céderons rien sur l'essentiel, ni aujourd'hui ni demain. »"},
			want: []want{{"/body/0", "", "«", "«", noSpeaker}},
		},
		{
			name: "fr anonymous speaker after whom it was said to",
			lang: "fr",
			body: []any{"« Le président n'a pas l'intention de changer de Premier ministre avant l'été », a indiqué à l'AFP un responsable de la majorité.",
				"« Le président ne changera pas de cap avant les élections européennes », a confié à un journaliste le ministre de l'Intérieur, Gérald Darmanin."},
			want: []want{{"/body/0", "", "«", "«", `quotation has no identifiable speaker: "un responsable" names no one`}},
		},
		{
			name: "en the surname alone opens the sentence before, who was asked answers",
			lang: "en",
			body: []any{"John Smith, the club's owner, arrived at the ground on Monday.",
				"Smith was defiant. “I have a job to do here and I intend to finish it.”",
				"Smith was asked whether he would sell. “Absolutely not. This club is not for sale, whatever the fans think.”"},
		},
		{
			name: "en documentation: a quoted message as the subject of its sentence",
			lang: "en",
			body: []any{"\"Connection refused by the remote host\" means that nothing is listening on that port.",
				"“Gone with the Wind” and “The Lord of the Rings” topped the poll of British viewers."},
		},
		{
			name: "en as X put it",
			lang: "en",
			body: []any{"The final scene is devastating. As Konstantin puts it, “The sea is calm and the lake is frozen, and nothing moves any more.”",
				"The market fell again on Friday. As one analyst put it, “Nobody wants to be the last one holding these shares.”"},
			want: []want{{"/body/1", "one analyst", "“", "“", `quotation has no identifiable speaker: "one analyst" names no one`}},
		},
		{
			name: "fr an incise between the verb and its subject",
			lang: "fr",
			body: []any{"« On ne peut pas continuer comme ça, ce n'est plus possible », lâche, amère, une infirmière de l'hôpital Nord.",
				"« On ne peut plus soigner les patients dans ces conditions », soupire, épuisée, Claire Martin, infirmière à l'hôpital Nord."},
			want: []want{{"/body/0", "", "«", "«", `quotation has no identifiable speaker: "une infirmière" names no one`}},
		},
		{
			name: "fr a name with a particle is no role",
			lang: "fr",
			body: []any{"« Nous ne céderons rien sur l'essentiel, ni aujourd'hui ni demain », a dit Bruno Le Maire."},
		},
		{
			name: "en the sentence before opens with an adverbial, then its subject",
			lang: "en",
			body: []any{"In 2009 Mr Mercer gave a long interview to DownBeat magazine.",
				"In that interview he described the night he first played with Blakey. “I was so scared I could not feel my fingers, and Art was grinning at me.”",
				"In the same interview, Mr Mercer described his first tour of Japan. “We played every night for six weeks and I never once felt tired.”",
				"In Paris the audience stood for ten minutes. “I had never heard a crowd make that much noise for a piano trio.”"},
			want: []want{{"/body/3", "ten minutes", "“", "“", noSpeaker}},
		},
		{
			name: "fr the sentence before opens with an adverbial and a comma, then its subject",
			lang: "fr",
			body: []any{"En 2009, Jean Mercier a accordé un long entretien au magazine Jazz Hot.",
				"Dans cet entretien, il a décrit la nuit où il a joué pour la première fois avec Blakey. « J’avais tellement peur que je ne sentais plus mes doigts. »",
				"Dans cet entretien, les critiques ont décrit une soirée mémorable. « Personne n’avait jamais entendu un trio jouer avec une telle énergie. »"},
			want: []want{{"/body/2", "mémorable", "«", "«", noSpeaker}},
		},
		{
			name:   "fr a pronoun for the document of the sentence before is no speaker",
			lang:   "fr",
			people: []map[string]string{{"name": "Anne Vignot"}, {"name": "Karima Rochdi"}},
			body: []any{"Le budget a été adopté par 37 voix contre 14.",
				"Le document prévoit 248 millions d’euros de dépenses. Il s’accompagne surtout d’une hausse de 3 % de la taxe foncière. « Nous avons tout fait pour l’éviter. Mais nous n’avions plus de marge. »",
				"Le rapport a été publié mardi. Elle l’a défendu devant le conseil. « Nous n’avions pas d’autre choix que d’augmenter les impôts. »"},
			want: []want{{"/body/1", "taxe foncière", "«", "«", noSpeaker}},
		},
		{
			name: "en a figure after the verb is no speech",
			lang: "en",
			body: []any{"Only Washington Sundar offered prolonged resistance on a pitch that gave the seamers steep bounce all day.",
				"Sundar added 72 for the eighth wicket to take India past the follow-on mark.",
				"“We want to give our bowlers a rest and bat the Indians out of the game.” “Two good sessions tomorrow and we are in a very good spot.”"},
			want: []want{{"/body/2", "", "“We want", "“", noSpeaker}},
		},
		{
			name: "fr a relative pronoun takes up an anonymous antecedent",
			lang: "fr",
			body: []any{"Les éléments à charge étaient nombreux : l’ADN de l’accusé et le témoignage d’une voisine, qui l’a formellement reconnu. « Ce dossier ne repose pas sur une intime conviction fragile. »",
				"Les éléments à charge étaient nombreux : l’ADN de l’accusé et le témoignage de Jeanne Martin, qui l’a formellement reconnu. « Ce dossier ne repose pas sur une intime conviction fragile. »"},
			want: []want{{"/body/0", "", "«", "«", noSpeaker}},
		},
		{
			name: "en the spokesperson of a named organisation is the organisation speaking",
			lang: "en",
			body: []any{"Halden had declined to comment when reports of the talks first surfaced in August.",
				"“We do not comment on market rumors,” a Halden spokeswoman said at the time.",
				"“We will review the findings of the report carefully,” an FAA spokesman said.",
				"“We will review the findings of the report carefully,” said a spokesperson for Airbus.",
				"“We are confident the deal will close before the end of the year,” a spokeswoman for the company said.",
				"“We do not comment on rumors about our clients or partners,” a spokeswoman said."},
			want: []want{{"/body/5", "", "“We do not comment on rumors", "“", `quotation has no identifiable speaker: "a spokeswoman" names no one`}},
		},
		{
			name: "fr the spokesperson of a named organisation is the organisation speaking",
			lang: "fr",
			body: []any{"« Le trafic reprendra progressivement dans la soirée », a indiqué un porte-parole de la SNCF.",
				"« Aucune décision n’a encore été prise sur ce dossier », a précisé une porte-parole du ministère.",
				"Un porte-parole d’Airbus a déclaré : « Nous examinerons le rapport avec la plus grande attention. »",
				"« Le trafic reprendra progressivement dans la soirée », a indiqué un porte-parole d’une association d’usagers."},
			want: []want{{"/body/3", "grande attention", "«", "«", `quotation has no identifiable speaker: "un porte-parole" names no one`}},
		},
		{
			name: "en the spokesperson refers back to an organisation's spokesperson",
			lang: "en",
			body: []any{"A spokesperson said the delivery of the first A350 had been postponed. “We are working with the airline to find a new date,” the spokesperson said.",
				"A spokesperson for the Ciattarelli campaign said he had called Sherrill to concede. “The voters have spoken, and we respect their decision,” the spokesperson said.",
				"“We will not contest the result in any county,” the spokeswoman added, before the campaign closed its headquarters in Bedminster."},
			want: []want{{"/body/0", "", "“We are working", "“", `quotation has no identifiable speaker: the role "the spokesperson" is never tied to a name in the article`}},
		},
		{
			name: "fr le porte-parole refers back to an organisation's spokesperson",
			lang: "fr",
			body: []any{"Un porte-parole a confirmé le mouvement. « Le trafic reprendra progressivement dans la soirée », a ajouté le porte-parole.",
				"Une porte-parole de la SNCF a confirmé que la grève serait reconduite mardi. « Les voyageurs seront intégralement remboursés », a ajouté la porte-parole.",
				"« Nous appelons les usagers à reporter leurs déplacements non urgents », a précisé le porte-parole."},
			want: []want{{"/body/0", "", "« Le trafic", "«", `quotation has no identifiable speaker: the role "le porte-parole" is never tied to a name in the article`}},
		},
		{
			name: "en a role before the name, then a second role in apposition",
			lang: "en",
			body: []any{"COP31 president-designate Murat Kurum, Türkiye’s environment minister, said he would convene ministers in Istanbul in September to “turn technical progress into political agreement”.",
				"Prime minister-designate Anna Berg, the party’s deputy leader, said: “We will form a government within a fortnight.”",
				"After meeting Jane Doe, a spokesman said: “We will not comment on the negotiations until they are over.”"},
			want: []want{{"/body/2", "After meeting", "“", "“", `quotation has no identifiable speaker: "a spokesman" names no one`}},
		},
		{
			name: "fr a role before the name, then a second role in apposition",
			lang: "fr",
			body: []any{"La présidente désignée Jane Doe, ministre de l’Environnement, a déclaré qu’elle réunirait les ministres en septembre pour « transformer les progrès techniques en accord politique ».",
				"« Nous devons transformer les progrès techniques en accord politique », a répété la présidente désignée Jane Doe, ministre de l’Environnement.",
				"Le président sortant Joe Biden a dénoncé une campagne « indigne de notre démocratie ». « Nous ne laisserons pas faire », a ajouté le président.",
				"Lors de la visite du président Emmanuel Macron, un conseiller a déclaré : « Nous ne céderons rien aux casseurs. »"},
			want: []want{{"/body/3", "", "« Nous ne céderons", "«", `quotation has no identifiable speaker: "un conseiller" names no one`}},
		},
		{
			name: "fr the sentence before opens with a role tied to a name before",
			lang: "fr",
			body: []any{"La ministre de la transition écologique, Monique Barbut, s’est rendue sur place mardi. La ministre était catégorique. « Nous indemniserons chaque foyer touché, sans exception. »",
				"Le maire de Chessy, Jean-Paul Pillet, a passé la nuit dans sa commune.",
				"Le maire était catégorique. « On a sorti les registres d’état civil à la main. »"},
		},
		{
			name: "fr the sentence before opens with a role never tied to a name",
			lang: "fr",
			body: []any{"La crue de l’Azergues a atteint son pic dans la nuit de lundi à mardi.",
				"Le préfet était catégorique. « Aucune victime n’est à déplorer à cette heure. »"},
			want: []want{{"/body/1", "", "«", "«", noSpeaker}},
		},
		{
			name: "fr the sentence before opens with a pronoun form for a person named before",
			lang: "fr",
			body: []any{"Le maire de Chessy, Jean-Paul Pillet, a passé la nuit dans sa commune.",
				"Ce dernier était catégorique. « On a sorti les registres d’état civil à la main. »",
				"Lui-même a dû évacuer sa mairie. « L’eau est montée jusqu’aux genoux en une heure. »",
				"Celui-ci n’a pas dormi de la nuit. « Il nous faut maintenant des bras et des pompes. »",
				"Lui, pourtant, ne se plaint pas. « Nous avons vu pire en 1983. »",
				"La préfète du Rhône, Fabienne Buccio, est arrivée mardi matin.",
				"Cette dernière a salué la mobilisation des pompiers. « Ils ont fait un travail remarquable. »",
				"Elle-même était sur le terrain dès l’aube. « Nous rouvrirons les routes dans la journée. »"},
		},
		{
			name: "fr a pronoun form for a thing or for no one introduces nothing",
			lang: "fr",
			body: []any{"La crue de l’Azergues a atteint son pic dans la nuit de lundi à mardi.",
				"Celui-ci était catégorique. « Aucune victime n’est à déplorer à cette heure. »",
				"Le maire de Chessy, Jean-Paul Pillet, a passé la nuit dans sa commune.",
				"Ce dernier rapport de la préfecture est sévère. « Les digues n’ont pas tenu. »",
				"La loi a été votée mardi. Celle-ci reste contestée. « Elle ne protège pas les riverains. »",
				"Le rapport a été publié mardi. Ce dernier est sévère. « Les digues n’ont pas tenu. »"},
			want: []want{{"/body/1", "", "«", "«", noSpeaker}, {"/body/3", "Ce dernier rapport", "«", "«", noSpeaker}, {"/body/4", "Celle-ci reste", "«", "«", noSpeaker}, {"/body/5", "Ce dernier est", "«", "«", noSpeaker}},
		},
		{
			name: "en the sentence before opens with a role tied to a name before",
			lang: "en",
			body: []any{"The environment minister, Jane Doe, visited the flooded villages on Tuesday.",
				"The minister was adamant. “We will compensate every household affected, without exception.”"},
		},
		{
			name: "en the sentence before opens with a role never tied to a name",
			lang: "en",
			body: []any{"The river burst its banks overnight, flooding hundreds of homes.",
				"The minister was adamant. “We will compensate every household affected, without exception.”"},
			want: []want{{"/body/1", "", "“", "“", noSpeaker}},
		},
		{
			name: "fr the newsroom's own sources are no speaker for the next paragraph",
			lang: "fr",
			body: []any{"La répartition des portefeuilles doit encore être finalisée. Selon nos informations, la N-VA obtiendrait l’Intérieur et les Finances.",
				"« Nous connaîtrons la composition exacte lundi au plus tard. »",
				"Le calendrier reste serré. D’après nos sources, le texte sera présenté mercredi en Conseil des ministres.",
				"« Le texte sera prêt à temps, quoi qu’en dise l’opposition. »",
				"Le calendrier reste serré. Selon nos confrères du Soir, le Premier ministre présentera le texte mercredi.",
				"« Le texte sera prêt à temps, quoi qu’en dise l’opposition. »"},
			want: []want{{"/body/1", "", "«", "«", noSpeaker}, {"/body/3", "D’après nos sources", "«", "«", noSpeaker}},
		},
		{
			name: "en the newsroom's own sources are no speaker for the next paragraph",
			lang: "en",
			body: []any{"The timetable is tight. According to our sources, the bill will be tabled on Wednesday.",
				"“We will know the exact line-up by Monday at the latest.”"},
			want: []want{{"/body/1", "", "“", "“", noSpeaker}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := record(t, tc.lang, tc.body, tc.people)
			got := lint(t, src)
			if len(got) != len(tc.want) {
				for _, d := range got {
					t.Logf("got %s %q: %s", d.Pointer, src[d.Span.Start:d.Span.End], d.Message)
				}
				t.Fatalf("%d findings, want %d", len(got), len(tc.want))
			}
			for i, w := range tc.want {
				d := got[i]
				base := strings.Index(string(src), w.after)
				at := strings.Index(string(src[base:]), w.at)
				if base < 0 || at < 0 {
					t.Fatalf("bad test: %q not in source", w.at)
				}
				at += base
				if d.Pointer != w.pointer || d.Message != w.msg || d.Span.Start != at || string(src[d.Span.Start:d.Span.End]) != w.span {
					t.Errorf("finding %d:\n got %s @%d %q: %s\nwant %s @%d %q: %s", i, d.Pointer, d.Span.Start, src[d.Span.Start:d.Span.End], d.Message, w.pointer, at, w.span, w.msg)
				}
			}
		})
	}
}

func TestSeed(t *testing.T) {
	src, err := os.ReadFile("../../testdata/records/nato-chicago-partners-2012.fr.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range lint(t, src) {
		t.Errorf("seed: %s: %s", d.Pointer, d.Message)
	}
}

func BenchmarkQuoteAttributionSeed(b *testing.B) {
	data, err := os.ReadFile("../../testdata/records/nato-chicago-partners-2012.fr.json")
	if err != nil {
		b.Fatal(err)
	}
	rec := ruletest.ParseOne(b, data)
	ruletest.Bench(b, Rule, rec, 0)
}

// FuzzRule checks the rule never panics on arbitrary paragraphs.
func FuzzRule(f *testing.F) {
	f.Add("fr", "« Nos partenaires partagent tous le souhait, » a déclaré le secrétaire général, M. Anders Fogh Rasmussen. « Ils participent ».", "« Nous sommes prêts, a-t-il dit, à agir")
	f.Add("en", "“We cannot afford to wait,” said the spokesman — “or the minister” (Ann Linde).", "“Our cables”, an official said.»")
	f.Add("fr", "» Personne n'a rien vérifié, pas une fois », a-t-elle ajouté. »", "« Nous n'avons jamais été informés, a indiqué à l'AFP un responsable")
	f.Add("en", "Smith was asked. “It was, the court heard", "“They were told by Mr Smith, NATO's secretary general,")
	f.Fuzz(func(t *testing.T, lang, a, b string) {
		if lang != "fr" && lang != "en" {
			return
		}
		src := record(t, lang, []any{a, quote(b), b, a}, nil)
		lint(t, src)
	})
}
