package statedcount

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/artlint/artlint/internal/lang"
	"github.com/artlint/artlint/internal/load"
	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/rules/ruletest"
)

// finding is a diagnostic reduced to what the tests compare: the message,
// the reported text, and the related text and message.
type finding struct {
	msg, at, rel, relMsg string
}

// lint runs the rule and the analyses it requires on the one record of f.
func lint(t testing.TB, f *rules.File) []rules.Diagnostic {
	t.Helper()
	recs := ruletest.Parse(t, f)
	if len(recs) != 1 {
		t.Fatalf("%d records, want 1", len(recs))
	}
	return ruletest.Run(t, Rule, recs[0], nil)
}

func runOn(t testing.TB, f *rules.File) []finding {
	t.Helper()
	var got []finding
	for _, d := range lint(t, f) {
		fd := finding{msg: d.Message, at: string(f.Content[d.Span.Start:d.Span.End])}
		if len(d.Related) > 0 {
			fd.rel = string(f.Content[d.Related[0].Span.Start:d.Related[0].Span.End])
			fd.relMsg = d.Related[0].Message
		}
		got = append(got, fd)
	}
	return got
}

// article builds a JSON record; a body entry starting with "- " is a list
// block whose items are separated by " | ".
func article(t testing.TB, lang string, body ...string) *rules.File {
	t.Helper()
	var blocks []any
	for _, b := range body {
		if rest, ok := strings.CutPrefix(b, "- "); ok {
			blocks = append(blocks, map[string]any{"type": "list", "items": strings.Split(rest, " | ")})
			continue
		}
		if rest, ok := strings.CutPrefix(b, "> "); ok {
			blocks = append(blocks, map[string]any{"type": "quote", "text": rest})
			continue
		}
		blocks = append(blocks, b)
	}
	data, err := json.MarshalIndent(map[string]any{"id": "t", "lang": lang, "title": "Titre", "body": blocks}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return rules.NewFile("t.json", data, rules.FormatJSON)
}

func TestSeed(t *testing.T) {
	for _, path := range []string{"nato-chicago-partners-2012.fr.json", "nato-chicago-partners-2012.fr.yaml"} {
		data, err := os.ReadFile("../../testdata/records/" + path)
		if err != nil {
			t.Fatal(err)
		}
		format := rules.FormatJSON
		if strings.HasSuffix(path, ".yaml") {
			format = rules.FormatYAML
		}
		if got := runOn(t, rules.NewFile(path, data, format)); len(got) != 0 {
			t.Errorf("%s: %+v", path, got)
		}
	}
}

const (
	seedAnnounce = "Les chefs d’État et de gouvernement des pays de l’OTAN ont rencontré les dirigeants d’un groupe de treize pays partenaires du monde entier qui ont récemment apporté des contributions politiques, opérationnelles et financières spécifiques aux opérations dirigées par l’OTAN."
	seedMiddle   = "Cette rencontre a été une occasion unique de discuter des enseignements tirés de la coopération mutuelle et d’échanger des vues sur les défis de sécurité communs."
	seedList     = "Participaient à cette réunion les dirigeants de l’Australie, de l’Autriche, de la Finlande, de la Géorgie, du Japon, de la Jordanie, de la République de Corée, du Maroc, de la Nouvelle‑Zélande, du Qatar, de la Suède, de la Suisse et des Émirats arabes unis."
	seedFour     = "Au cours d’une deuxième réunion, consacrée aux partenariats, les ministres des Affaires étrangères de l’Alliance ont rencontré leurs homologues de Bosnie‑Herzégovine, de Géorgie, du Monténégro et de l’ex‑République yougoslave de Macédoine¹. Cette réunion, présidée par le secrétaire général délégué, Alexander Vershbow, a mis en évidence le lien fort qui existe entre ces quatre pays et l’Alliance."
	seedList12   = "Participaient à cette réunion les dirigeants de l’Australie, de l’Autriche, de la Finlande, de la Géorgie, du Japon, de la Jordanie, de la République de Corée, du Maroc, de la Nouvelle‑Zélande, du Qatar, de la Suède et des Émirats arabes unis."
	list13Names  = "Australie, de l’Autriche, de la Finlande, de la Géorgie, du Japon, de la Jordanie, de la République de Corée, du Maroc, de la Nouvelle‑Zélande, du Qatar, de la Suède, de la Suisse et des Émirats arabes unis"
	list12Names  = "Australie, de l’Autriche, de la Finlande, de la Géorgie, du Japon, de la Jordanie, de la République de Corée, du Maroc, de la Nouvelle‑Zélande, du Qatar, de la Suède et des Émirats arabes unis"
	fourNames    = "Bosnie‑Herzégovine, de Géorgie, du Monténégro et de l’ex‑République yougoslave de Macédoine"
)

func TestFindings(t *testing.T) {
	for _, tc := range []struct {
		name string
		lang string
		body []string
		want []finding
	}{
		{"seed treize→douze", "fr", []string{strings.Replace(seedAnnounce, "treize", "douze", 1), seedMiddle, seedList, seedFour},
			[]finding{{"states 12 (« douze ») countries but lists 13", "douze", list13Names, "the list of 13 countries"}}},
		{"seed list minus one", "fr", []string{seedAnnounce, seedMiddle, seedList12, seedFour},
			[]finding{{"states 13 (« treize ») countries but lists 12", "treize", list12Names, "the list of 12 countries"}}},
		{"ces cinq pays", "fr", []string{seedAnnounce, seedList, strings.Replace(seedFour, "ces quatre pays", "ces cinq pays", 1)},
			[]finding{{"states 5 (« cinq ») countries but lists 4", "cinq", fourNames, "the list of 4 countries"}}},
		{"same sentence colon fr", "fr", []string{"Les dirigeants de trois pays ont signé l’accord : la France, l’Allemagne, l’Italie et l’Espagne."},
			[]finding{{"states 3 (« trois ») countries but lists 4", "trois", "France, l’Allemagne, l’Italie et l’Espagne", "the list of 4 countries"}}},
		{"apposition after list fr", "fr", []string{"Le Japon, la Corée du Sud et l’Australie, quatre pays du Pacifique, ont participé."},
			[]finding{{"states 4 (« quatre ») countries but lists 3", "quatre", "Japon, la Corée du Sud et l’Australie", "the list of 3 countries"}}},
		{"names with roles en", "en", []string{"Three ministers took questions in the Dáil: Paschal Donohoe, the Minister for Finance, and Jack Chambers, the Minister for Public Expenditure."},
			[]finding{{"states 3 (“Three”) ministers but lists 2", "Three", "Paschal Donohoe, the Minister for Finance, and Jack Chambers", "the list of 2 ministers"}}},
		{"names with bare roles en", "en", []string{"Three ministers presented the package: Paschal Donohoe, Minister for Finance, and Jack Chambers, Minister for Public Expenditure."},
			[]finding{{"states 3 (“Three”) ministers but lists 2", "Three", "Paschal Donohoe, Minister for Finance, and Jack Chambers", "the list of 2 ministers"}}},
		{"names with roles fr", "fr", []string{"Trois ministres étaient présents : Paschal Donohoe, ministre des Finances, et Jack Chambers, ministre de la Dépense publique."},
			[]finding{{"states 3 (« Trois ») ministers but lists 2", "Trois", "Paschal Donohoe, ministre des Finances, et Jack Chambers", "the list of 2 ministers"}}},
		{"english forward", "en", []string{
			"NATO heads of state and government met the leaders of thirteen partner countries from around the world.",
			"The meeting was a chance to discuss lessons learned from operations.",
			"Taking part were the leaders of Australia, Austria, Finland, Georgia, Japan, Jordan, the Republic of Korea, Morocco, New Zealand, Qatar, Sweden and the United Arab Emirates."},
			[]finding{{"states 13 (“thirteen”) countries but lists 12", "thirteen", "Australia, Austria, Finland, Georgia, Japan, Jordan, the Republic of Korea, Morocco, New Zealand, Qatar, Sweden and the United Arab Emirates", "the list of 12 countries"}}},
		{"english the four", "en", []string{"Foreign ministers met their counterparts from Bosnia and Herzegovina, Georgia and Montenegro. The meeting underlined the strong ties between the four countries and the Alliance."},
			[]finding{{"states 4 (“four”) countries but lists 3", "four", "Bosnia and Herzegovina, Georgia and Montenegro", "the list of 3 countries"}}},
		{"french les quatre pays", "fr", []string{"La France, l’Allemagne et l’Italie ont signé. Les quatre pays s’engagent à ratifier."},
			[]finding{{"states 4 (« quatre ») countries but lists 3", "quatre", "France, l’Allemagne et l’Italie", "the list of 3 countries"}}},
		{"french des quatre pays", "fr", []string{"La France, l’Allemagne et l’Italie ont signé. Les dirigeants des quatre pays se retrouveront en juin."},
			[]finding{{"states 4 (« quatre ») countries but lists 3", "quatre", "France, l’Allemagne et l’Italie", "the list of 3 countries"}}},
		{"ces trois pays", "fr", []string{seedAnnounce, seedList, strings.Replace(seedFour, "ces quatre pays", "ces trois pays", 1)},
			[]finding{{"states 3 (« trois ») countries but lists 4", "trois", fourNames, "the list of 4 countries"}}},
		{"seed list plus one", "fr", []string{seedAnnounce, strings.Replace(seedList, "de la Suisse", "de la Suisse, de l’Irlande", 1), seedFour},
			[]finding{{"states 13 (« treize ») countries but lists 14", "treize", strings.Replace(list13Names, "de la Suisse", "de la Suisse, de l’Irlande", 1), "the list of 14 countries"}}},
		{"family fr", "fr", []string{"Il laisse sa femme, Hélène, et leurs trois filles, Éléonore et Adeline, qui reprennent la maison."},
			[]finding{{"states 3 (« trois ») filles but lists 2", "trois", "Éléonore et Adeline", "the list of 2 filles"}}},
		{"family en", "en", []string{"She is survived by her four children, Tom, Alice and Maya, and by her husband."},
			[]finding{{"states 4 (“four”) children but lists 3", "four", "Tom, Alice and Maya", "the list of 3 children"}}},
		{"communities en", "en", []string{"Evacuation orders were issued for three communities: Somis and Camarillo Heights."},
			[]finding{{"states 3 (“three”) communities but lists 2", "three", "Somis and Camarillo Heights", "the list of 2 communities"}}},
		{"definite forward", "en", []string{"NATO leaders met the leaders of the five partner countries.", "Taking part were the leaders of Australia, Japan, New Zealand and the Republic of Korea."},
			[]finding{{"states 5 (“five”) countries but lists 4", "five", "Australia, Japan, New Zealand and the Republic of Korea", "the list of 4 countries"}}},
		{"spaced hyphen fr", "fr", []string{"Quatre pays - l’Argentine, l’Égypte, l’Éthiopie, l’Iran et les Émirats arabes unis - ont été invités à rejoindre le groupe."},
			[]finding{{"states 4 (« Quatre ») countries but lists 5", "Quatre", "Argentine, l’Égypte, l’Éthiopie, l’Iran et les Émirats arabes unis", "the list of 5 countries"}}},
		{"à savoir", "fr", []string{"Les trois pays baltes, à savoir l’Estonie, la Lettonie, la Lituanie et la Pologne, ont demandé des renforts."},
			[]finding{{"states 3 (« trois ») countries but lists 4", "trois", "Estonie, la Lettonie, la Lituanie et la Pologne", "the list of 4 countries"}}},
		{"namely", "en", []string{"Two countries, namely Hungary, Slovakia and Turkey, abstained."},
			[]finding{{"states 2 (“Two”) countries but lists 3", "Two", "Hungary, Slovakia and Turkey", "the list of 3 countries"}}},
		{"brackets without coordinator", "fr", []string{"Les dirigeants de quatre pays (France, Allemagne, Italie) se sont réunis à Ventotene."},
			[]finding{{"states 4 (« quatre ») countries but lists 3", "quatre", "France, Allemagne, Italie", "the list of 3 countries"}}},
		{"english bare apposition", "en", []string{"The leaders of three countries, Estonia, Latvia, Lithuania and Poland, asked for more troops."},
			[]finding{{"states 3 (“three”) countries but lists 4", "three", "Estonia, Latvia, Lithuania and Poland", "the list of 4 countries"}}},
		{"french forward short list same governor", "fr", []string{"Les dirigeants de l’OTAN ont rencontré les dirigeants de cinq pays partenaires.", "Cette rencontre a été utile.", "Participaient les dirigeants de l’Australie, du Japon, de la Nouvelle-Zélande et de la République de Corée."},
			[]finding{{"states 5 (« cinq ») countries but lists 4", "cinq", "Australie, du Japon, de la Nouvelle-Zélande et de la République de Corée", "the list of 4 countries"}}},
		{"same sentence clause", "en", []string{"Turkey and Hungary had yet to ratify the protocols, and the three countries came under pressure."},
			[]finding{{"states 3 (“three”) countries but lists 2", "three", "Turkey and Hungary", "the list of 2 countries"}}},
		{"english digits colon", "en", []string{"Leaders from 3 countries signed the accord: France, Germany and Italy, and Spain."},
			[]finding{{"states 3 countries but lists 4", "3", "France, Germany and Italy, and Spain", "the list of 4 countries"}}},
		{"english ministers colon", "en", []string{"Three ministers spoke at the opening session: Hillary Clinton, William Hague, Laurent Fabius and Guido Westerwelle."},
			[]finding{{"states 3 (“Three”) ministers but lists 4", "Three", "Hillary Clinton, William Hague, Laurent Fabius and Guido Westerwelle", "the list of 4 ministers"}}},
		{"french list block", "fr", []string{"Trois pays ont annoncé de nouvelles contributions :", "- l’Australie | le Japon | la Suède | la Finlande"},
			[]finding{{"states 3 (« Trois ») countries but lists 4", "Trois", `l’Australie",
        "le Japon",
        "la Suède",
        "la Finlande`, "the list of 4 countries"}}},
		{"french people list block", "fr", []string{"Cinq dirigeants ont pris la parole :", "- Anders Fogh Rasmussen | Barack Obama | François Hollande | Angela Merkel"},
			[]finding{{"states 5 (« Cinq ») leaders but lists 4", "Cinq", `Anders Fogh Rasmussen",
        "Barack Obama",
        "François Hollande",
        "Angela Merkel`, "the list of 4 leaders"}}},
		{"coaches in apposition", "fr", []string{"Trois entraîneurs, Franck Haise et Gennaro Gattuso, ont toutefois regretté un calendrier trop chargé."},
			[]finding{{"states 3 (« Trois ») entraîneurs but lists 2", "Trois", "Franck Haise et Gennaro Gattuso", "the list of 2 entraîneurs"}}},
		{"ministers with their posts", "fr", []string{"Le président de la République a nommé lundi six nouveaux ministres : Rachida Dati à la Culture, Catherine Vautrin au Travail, Stéphane Séjourné aux Affaires étrangères, Amélie Oudéa-Castéra à l’Éducation et Frédéric Valletoux à la Santé."},
			[]finding{{"states 6 (« six ») ministers but lists 5", "six", "Rachida Dati à la Culture, Catherine Vautrin au Travail, Stéphane Séjourné aux Affaires étrangères, Amélie Oudéa-Castéra à l’Éducation et Frédéric Valletoux à la Santé", "the list of 5 ministers"}}},
		{"companies after a late colon", "en", []string{"Two companies unveiled new artificial intelligence chips at the Computex trade show in Taipei on Tuesday: Nvidia, AMD and Intel."},
			[]finding{{"states 2 (“Two”) companies but lists 3", "Two", "Nvidia, AMD and Intel", "the list of 3 companies"}}},
		{"ministers in apposition with possessives", "en", []string{"The signing was attended by three ministers, France's Philippe Baptiste and Germany's Dorothee Bär, and by the heads of the four agencies."},
			[]finding{{"states 3 (“three”) ministers but lists 2", "three", "France's Philippe Baptiste and Germany's Dorothee Bär", "the list of 2 ministers"}}},
		{"cities in apposition", "en", []string{"Four cities, Amsterdam, Rotterdam and Utrecht, have warned that cuts to municipal funds would hit public transport."},
			[]finding{{"states 4 (“Four”) cities but lists 3", "Four", "Amsterdam, Rotterdam and Utrecht", "the list of 3 cities"}}},
		{"model numbers in names", "fr", []string{"Trois modèles, la Renault 5 et la Peugeot e-3008, seront lancés au printemps."},
			[]finding{{"states 3 (« Trois ») modèles but lists 2", "Trois", "la Renault 5 et la Peugeot e-3008", "the list of 2 modèles"}}},
		{"adjective before the noun in apposition", "en", []string{"The three chief executives, Jensen Huang and Lisa Su, were both born in Tainan."},
			[]finding{{"states 3 (“three”) executives but lists 2", "three", "Jensen Huang and Lisa Su", "the list of 2 executives"}}},
		{"country names with and inside", "en", []string{"Small island states stepped up pressure on Tuesday, with four Caribbean countries — Antigua and Barbuda, Saint Vincent and the Grenadines, and Trinidad and Tobago — tabling a joint proposal."},
			[]finding{{"states 4 (“four”) countries but lists 3", "four", "Antigua and Barbuda, Saint Vincent and the Grenadines, and Trinidad and Tobago", "the list of 3 countries"}}},
		{"directors with honorifics and of", "en", []string{"The company also named five new independent directors: Dr Amelia Hart, Professor Kenji Sato, Lord Patel of Bradford, and Ms Claire Dubois."},
			[]finding{{"states 5 (“five”) directors but lists 4", "five", "Dr Amelia Hart, Professor Kenji Sato, Lord Patel of Bradford, and Ms Claire Dubois", "the list of 4 directors"}}},
		{"only the restating count when it differs", "fr", []string{"La Serbie, le Monténégro et l’Albanie, quatre pays des Balkans, attendent. Ces quatre pays ont reçu une promesse."},
			[]finding{{"states 4 (« quatre ») countries but lists 3", "quatre", "Serbie, le Monténégro et l’Albanie", "the list of 3 countries"}}},
		{"anaphora past a count that restates the list", "fr", []string{"La Bosnie-Herzégovine, la Serbie, le Monténégro, l’Albanie et la Macédoine du Nord, cinq pays des Balkans occidentaux, attendent depuis des années. Ces quatre pays ont reçu la promesse d’un nouveau plan de croissance."},
			[]finding{{"states 4 (« quatre ») countries but lists 5", "quatre", "Bosnie-Herzégovine, la Serbie, le Monténégro, l’Albanie et la Macédoine du Nord", "the list of 5 countries"}}},
		{"en dash inside a place name", "fr", []string{"Le stationnement sera interdit la nuit dans les six arrondissements : La Cité-Limoilou, Les Rivières, Sainte-Foy–Sillery–Cap-Rouge, Charlesbourg et La Haute-Saint-Charles."},
			[]finding{{"states 6 (« six ») arrondissements but lists 5", "six", "La Cité-Limoilou, Les Rivières, Sainte-Foy–Sillery–Cap-Rouge, Charlesbourg et La Haute-Saint-Charles", "the list of 5 arrondissements"}}},
		{"en dash inside a place name, dash list", "fr", []string{"Quatre régions – Saguenay–Lac-Saint-Jean, Abitibi-Témiscamingue et la Côte-Nord – restent en alerte."},
			[]finding{{"states 4 (« Quatre ») regions but lists 3", "Quatre", "Saguenay–Lac-Saint-Jean, Abitibi-Témiscamingue et la Côte-Nord", "the list of 3 regions"}}},
		{"quoted titles en", "en", []string{"Three films have stood out from the pack: “Anora”, “Saints and Sinners”, “Love, Actually” and “Conclave”."},
			[]finding{{"states 3 (“Three”) films but lists 4", "Three", "“Anora”, “Saints and Sinners”, “Love, Actually” and “Conclave”", "the list of 4 films"}}},
		{"quoted titles fr", "fr", []string{"Trois films se sont détachés : « Anora » et « L’Histoire de Souleymane »."},
			[]finding{{"states 3 (« Trois ») films but lists 2", "Trois", "« Anora » et « L’Histoire de Souleymane »", "the list of 2 films"}}},
		{"titles after their director, with semicolons", "en", []string{"Three films have stood out from the pack: Kleber Mendonça Filho’s “The Night Shift”, a Recife-set thriller about a hospital porter; and Yorgos Lanthimos’ “Saints and Sinners”, which is exactly as strange as you would expect."},
			[]finding{{"states 3 (“Three”) films but lists 2", "Three", "Kleber Mendonça Filho’s “The Night Shift”, a Recife-set thriller about a hospital porter; and Yorgos Lanthimos’ “Saints and Sinners”", "the list of 2 films"}}},
		{"names with semicolons fr", "fr", []string{"Trois ministres quittent le gouvernement : Rachida Dati, ministre de la Culture ; et Bruno Retailleau, ministre de l’Intérieur."},
			[]finding{{"states 3 (« Trois ») ministers but lists 2", "Trois", "Rachida Dati, ministre de la Culture ; et Bruno Retailleau", "the list of 2 ministers"}}},
		{"list then a relative clause fr", "fr", []string{"Trois régions sont particulièrement touchées : l’Occitanie et les Hauts-de-France, où moins d’un train régional sur trois circulera."},
			[]finding{{"states 3 (« Trois ») regions but lists 2", "Trois", "l’Occitanie et les Hauts-de-France", "the list of 2 regions"}}},
		{"list then a relative clause en", "en", []string{"Four cities were hit hardest: Leeds, York and Hull, where most trains were cancelled."},
			[]finding{{"states 4 (“Four”) cities but lists 3", "Four", "Leeds, York and Hull", "the list of 3 cities"}}},
		{"titled names en", "en", []string{"The seven leaders, Macron, U.S. President Donald Trump, German Chancellor Friedrich Merz, British Prime Minister Keir Starmer, Canadian Prime Minister Mark Carney and Japanese Prime Minister Sanae Takaichi, posed for the family photo."},
			[]finding{{"states 7 (“seven”) leaders but lists 6", "seven", "Macron, U.S. President Donald Trump, German Chancellor Friedrich Merz, British Prime Minister Keir Starmer, Canadian Prime Minister Mark Carney and Japanese Prime Minister Sanae Takaichi", "the list of 6 leaders"}}},
		{"titled names fr", "fr", []string{"Trois dirigeants ont pris la parole : le président américain Donald Trump, le chancelier allemand Friedrich Merz, la présidente de la Commission européenne Ursula von der Leyen et la Première ministre italienne Giorgia Meloni."},
			[]finding{{"states 3 (« Trois ») leaders but lists 4", "Trois", "le président américain Donald Trump, le chancelier allemand Friedrich Merz, la présidente de la Commission européenne Ursula von der Leyen et la Première ministre italienne Giorgia Meloni", "the list of 4 leaders"}}},
		{"relative dont after a country list", "fr", []string{"Rabat a pour l’instant accepté les offres de 5 pays : l’Espagne, le Royaume-Uni, le Qatar et les Émirats arabes unis, dont les équipes de sauvetage sont arrivées dimanche."},
			[]finding{{"states 5 countries but lists 4", "5", "Espagne, le Royaume-Uni, le Qatar et les Émirats arabes unis", "the list of 4 countries"}}},
		{"relative dont, a country after a preposition and et", "fr", []string{"Rabat a accepté les offres de cinq pays : l’Espagne, le Royaume-Uni, le Qatar et les Émirats arabes unis, dont les équipes sont arrivées dimanche au Maroc et ont commencé les recherches."},
			[]finding{{"states 5 (« cinq ») countries but lists 4", "cinq", "Espagne, le Royaume-Uni, le Qatar et les Émirats arabes unis", "the list of 4 countries"}}},
		{"relative dont with a clitic", "fr", []string{"Quatre pays ont signé la déclaration : la France, l’Allemagne et l’Italie, dont les dirigeants se sont retrouvés à Rome."},
			[]finding{{"states 4 (« Quatre ») countries but lists 3", "Quatre", "France, l’Allemagne et l’Italie", "the list of 3 countries"}}},
		{"relative dont with a verb in -ent", "fr", []string{"Les ministres de cinq pays ont fait le déplacement : la Pologne, la Suède, la Finlande et le Danemark, dont les armées participent à l’exercice."},
			[]finding{{"states 5 (« cinq ») countries but lists 4", "cinq", "Pologne, la Suède, la Finlande et le Danemark", "the list of 4 countries"}}},
		{"relative dont after a list of names", "fr", []string{"Trois ministres ont été entendus par la commission : Rachida Dati et Bruno Retailleau, dont les cabinets avaient transmis des notes."},
			[]finding{{"states 3 (« Trois ») ministers but lists 2", "Trois", "Rachida Dati et Bruno Retailleau", "the list of 2 ministers"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := runOn(t, article(t, tc.lang, tc.body...))
			if len(got) != len(tc.want) {
				t.Fatalf("got %d findings %+v, want %+v", len(got), got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("finding %d\n got %+v\nwant %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestTraps(t *testing.T) {
	for _, tc := range []struct {
		name string
		lang string
		body []string
	}{
		{"seed paragraphs", "fr", []string{seedAnnounce, seedMiddle, seedList, seedFour}},
		{"family right count fr", "fr", []string{"Il laisse ses deux fils, Pierre et Jean, et sa sœur Claire."}},
		{"title alone then its name en", "en", []string{"The two leaders, the host, Italian Prime Minister Giorgia Meloni, and Canadian Prime Minister Mark Carney, held a working lunch."}},
		{"role then name in apposition en", "en", []string{"Two officials stayed behind: the Italian Prime Minister, Giorgia Meloni, and NATO Secretary General Mark Rutte."}},
		{"title alone then its name fr", "fr", []string{"Deux dirigeants, le président américain, Donald Trump, et le chancelier allemand Friedrich Merz, ont déjeuné ensemble."}},
		{"title with complement alone fr", "fr", []string{"Deux ministres étaient présents : le ministre de l’Intérieur, Laurent Nuñez, et la ministre des Armées Catherine Vautrin."}},
		{"names with roles right count en", "en", []string{"Two ministers took questions in the Dáil: Paschal Donohoe, the Minister for Finance, and Jack Chambers, the Minister for Public Expenditure."}},
		{"names with roles right count fr", "fr", []string{"Deux ministres ont présenté le budget : Paschal Donohoe, ministre des Finances, et Jack Chambers, ministre de la Dépense publique."}},
		{"role-only item among names en", "en", []string{"Three people spoke at the launch: Paschal Donohoe, the Minister for Finance, the host, and Jack Chambers, the Minister for Public Expenditure."}},
		{"one name without its role en", "en", []string{"Three people spoke at the launch: Paschal Donohoe, the Minister for Finance, and Jack Chambers."}},
		{"count of every part en", "en", []string{"Four people sat on the panel: Mary Byrne, the spokesperson, and John Kelly, the president."}},
		{"roles of companies en", "en", []string{"Three companies signed the deal: Ryanair, the chief executive of which was absent, and Aer Lingus, the national carrier."}},
		{"announced then partial en", "en", []string{"Ministers from twelve countries met in Warsaw on Monday to discuss air defence.",
			"The talks opened with speeches by the foreign ministers of Poland, Germany, France, Italy, Spain, Sweden, Finland, Denmark, Estonia and Latvia."}},
		{"announced then partial fr", "fr", []string{"Les ministres de douze pays se sont réunis lundi à Varsovie.",
			"La séance a été ouverte par les ministres de la Pologne, de l’Allemagne, de la France, de l’Italie, de l’Espagne, de la Suède, de la Finlande, du Danemark, de l’Estonie et de la Lettonie."}},
		{"family no list fr", "fr", []string{"Les trois enfants de la famille Martin ont été hospitalisés à Lyon."}},
		{"family dont fr", "fr", []string{"Il laisse quatre enfants, dont Pierre et Jean."}},
		{"dont and a number after a closed list", "fr", []string{"Sept pays ont proposé leur aide : l’Espagne, le Royaume-Uni et le Qatar, dont deux avaient déjà envoyé des secouristes."}},
		{"dont and a share after a closed list", "fr", []string{"Sept pays ont proposé leur aide : l’Espagne, le Royaume-Uni et le Qatar, dont la plupart avaient déjà envoyé des secouristes."}},
		{"dont les trois premiers after a closed list", "fr", []string{"Sept pays ont proposé leur aide : l’Espagne, le Royaume-Uni et le Qatar, dont les trois premiers ont déjà envoyé des secouristes."}},
		{"dont and a noun phrase without a verb", "fr", []string{"Onze pays ont soutenu le texte : la Pologne, la Suède et la Finlande, dont les voisins nordiques et baltes de la Russie."}},
		{"dont and a name after a closed list", "fr", []string{"Huit pays ont soutenu le texte : la Pologne, la Suède et la Finlande, dont la Lituanie a pris la tête."}},
		{"dont then a comma", "fr", []string{"Huit pays ont soutenu le texte : la Pologne, la Suède et la Finlande, dont les voisins baltes, qui ont signé mardi."}},
		{"relative qui then more countries", "fr", []string{"Cinq pays ont été touchés : la Turquie et la Syrie, qui comptent le plus de victimes, mais aussi le Liban, l’Irak et Israël."}},
		{"relative which then more countries", "en", []string{"Five countries were hit: Turkey and Syria, which count the most victims, but also Lebanon, Iraq and Israel."}},
		{"relative dont then more countries", "fr", []string{"Cinq pays ont été touchés : la Turquie et la Syrie, dont les bilans s’alourdissent d’heure en heure, mais aussi le Liban, l’Irak et Israël."}},
		{"relative dont then ainsi que", "fr", []string{"Cinq pays ont été touchés : la Turquie et la Syrie, dont les bilans s’alourdissent, ainsi que le Liban, l’Irak et Israël."}},
		{"relative dont then a bare country list", "fr", []string{"Cinq pays ont été touchés : la Turquie et la Syrie, dont les bilans s’alourdissent, le Liban, l’Irak et Israël."}},
		{"relative dont then more names", "fr", []string{"Quatre ministres ont été entendus : Rachida Dati et Bruno Retailleau, dont les cabinets ont transmis des notes, puis Gérald Darmanin et Élisabeth Borne."}},
		{"relative dont, right count", "fr", []string{"Rabat a pour l’instant accepté les offres de quatre pays : l’Espagne, le Royaume-Uni, le Qatar et les Émirats arabes unis, dont les équipes de sauvetage sont arrivées dimanche."}},
		{"family right count en", "en", []string{"He leaves two daughters, Anna and Beth, and a son, Carl."}},
		{"family no list en", "en", []string{"The three children were taken to hospital in Leeds on Sunday."}},
		{"deux de ces pays", "fr", []string{"La France, l’Allemagne et l’Italie ont signé. Deux de ces pays ont aussi ratifié le traité."}},
		{"les deux pays after longer list", "fr", []string{"La France, l’Allemagne, l’Italie et l’Espagne ont signé. Les deux pays les plus peuplés ont ratifié."}},
		{"trois des quatre", "fr", []string{"La France, l’Allemagne, l’Italie et l’Espagne ont signé. Trois des quatre pays ont ratifié."}},
		{"29 pays membres", "fr", []string{"La France, l’Allemagne et l’Italie ont proposé un texte. Les 29 pays membres l’ont adopté."}},
		{"two of the three", "en", []string{"France, Germany and Italy signed the accord. Two of the three countries have ratified it."}},
		{"non-exhaustive notamment", "fr", []string{"Treize pays ont contribué, notamment l’Australie, le Japon et la Suède."}},
		{"non-exhaustive colon dont", "fr", []string{"Treize pays partenaires étaient présents : dont l’Australie, le Japon et la Suède."}},
		{"including", "en", []string{"Thirteen partner countries attended, including Australia, Japan and Sweden."}},
		{"such as forward", "en", []string{"Thirteen partner countries attended.", "Leaders from countries such as Australia, Austria, Finland, Georgia and Japan spoke."}},
		{"ordinal date", "fr", []string{"Le 1er juin, la France, l’Allemagne et l’Italie ont signé."}},
		{"year", "en", []string{"In 2012 France, Germany and Italy signed."}},
		{"people count near country list", "fr", []string{"Douze ministres ont assisté à la réunion avec leurs homologues de France, d’Allemagne et d’Italie."}},
		{"people count forward", "fr", []string{"Douze ministres étaient présents.", "Participaient les dirigeants de l’Australie, de l’Autriche, de la Finlande, de la Géorgie et du Japon."}},
		{"not nearest list", "fr", []string{
			"Les dirigeants de treize pays partenaires ont été reçus.",
			"Lors d’une autre réunion, les ministres de la Bosnie-Herzégovine, de la Géorgie, du Monténégro et de la Serbie étaient présents.",
			"Participaient à cette réunion les dirigeants de l’Australie, de l’Autriche, de la Finlande, de la Géorgie, du Japon, de la Jordanie, de la République de Corée, du Maroc, de la Nouvelle‑Zélande, du Qatar, de la Suède et des Émirats arabes unis."}},
		{"quotation", "fr", []string{"« Nous avons travaillé avec treize pays : la France, l’Allemagne et l’Italie », a dit le ministre."}},
		{"quote block", "en", []string{"> We worked with four countries: France, Germany and Italy."}},
		{"autres", "fr", []string{"La France et l’Allemagne ont signé ; trois autres pays, l’Italie, l’Espagne et le Portugal, suivront."}},
		{"approximate", "en", []string{"More than three countries signed: France, Germany, Italy and Spain."}},
		{"non-country in list", "fr", []string{"Quatre pays étaient représentés : la France, l’Allemagne, la Commission européenne et l’Italie."}},
		{"host before list", "fr", []string{"La France a reçu l’Allemagne, l’Italie et l’Espagne. Les quatre pays ont signé."}},
		{"disjunction", "fr", []string{"Deux pays pourraient accueillir le sommet : la France, l’Allemagne ou l’Italie."}},
		{"un groupe", "fr", []string{"Un pays, la France, et ses partenaires ont signé."}},
		{"matching counts", "en", []string{"Four countries signed: France, Germany, Italy and Spain. The four countries will meet again."}},
		{"ainsi que", "fr", []string{"Trois pays : la France, l’Allemagne et l’Italie, ainsi que l’Espagne, ont signé."}},
		{"same sentence other group", "fr", []string{"La France, l’Allemagne et l’Italie ont rejoint les quatre pays fondateurs."}},
		{"definite restricted", "fr", []string{"La France, l’Allemagne et l’Italie ont signé. Les quatre pays fondateurs ont salué l’accord."}},
		{"definite of", "en", []string{"France, Germany and Italy signed. The four countries of the Visegrad group did not."}},
		{"des 29", "fr", []string{"La France, l’Allemagne et l’Italie ont proposé un texte. Les ministres des 29 pays de l’Alliance l’ont adopté."}},
		{"earlier list matches", "fr", []string{"La Pologne, la Roumanie, la Lituanie et la Lettonie ont signé. La France et l’Allemagne ont salué l’accord. Ces quatre pays recevront des renforts."}},
		{"weimar", "fr", []string{"Les dirigeants de la France, de l’Allemagne et de la Pologne – le triangle de Weimar – se sont retrouvés. Les trois pays ont appelé à l’unité."}},
		{"g7", "en", []string{"Leaders of the G7 – Canada, France, Germany, Italy, Japan, the United Kingdom and the United States – met in Apulia. The seven countries agreed on a loan."}},
		{"us canada and 30", "en", []string{"The United States, Canada and 30 European countries make up the Alliance."}},
		{"parmi les quatre pays candidats", "fr", []string{"Parmi les quatre pays candidats, seuls la Géorgie et l’Ukraine ont été cités."}},
		{"deux pays apposition", "fr", []string{"Deux pays, la Hongrie et la Turquie, ont bloqué la décision, tandis que la Slovaquie s’est abstenue."}},
		{"of the 32 allies", "en", []string{"Of the 32 Allies, 23 now meet the target: Poland, Estonia and Greece lead."}},
		{"among six", "en", []string{"Iran and Saudi Arabia were among six countries invited on Thursday to join the bloc."}},
		{"hyphenated nation", "en", []string{"Egypt and Ethiopia will join Brazil, Russia, India, China and South Africa to form an 11-nation bloc."}},
		{"ten countries then five", "en", []string{"The group now has ten countries. At first it included Brazil, Russia, India, China and South Africa. It invited six other countries to join."}},
		{"possessive forward", "fr", []string{"« Nos quatre pays sont unis », a dit le ministre. Nos quatre pays partagent les mêmes valeurs.", "Plus tard, les dirigeants de l’Australie, de l’Autriche, de la Finlande, de la Géorgie et du Japon sont arrivés."}},
		{"forward different group", "en", []string{"Five countries have yet to ratify the treaty.", "The foreign ministers of France, Germany, Italy and Spain met in Rome on Monday."}},
		{"role apposition in name list", "en", []string{"Three leaders spoke to the press: Jens Stoltenberg, NATO Secretary General, Volodymyr Zelenskyy and Gitanas Nausėda."}},
		{"coordination after count", "fr", []string{"Le texte a été signé par les 27 États membres, la Norvège et la Suisse."}},
		{"coordination after count 2", "fr", []string{"Les 27 États membres, la Norvège et la Suisse ont signé le texte."}},
		{"coordination before count", "en", []string{"Norway and Switzerland, the 27 member states and the United Kingdom signed."}},
		{"baltic coordination at end", "fr", []string{"Le texte a été signé par les trois pays baltes, la Pologne et la Finlande."}},
		{"coordination after apposed count", "fr", []string{"La Pologne et la Finlande, les trois pays baltes et l’Allemagne ont signé."}},
		{"qualified apposition", "en", []string{"The leaders of the three Baltic countries, Poland and Finland, asked for more troops."}},
		{"non-ASCII digits", "fr", []string{"Les ３ pays et les ٣ pays ߈ : la France et l’Allemagne."}},
		{"heads of state count forward small", "en", []string{"Three countries refused.", "Later France and Germany proposed a compromise."}},
		{"both after a longer list", "en", []string{"France, Germany and Italy signed the accord on Monday. Both countries had pushed for a faster timetable."}},
		{"the two leaders after three names", "en", []string{"Three leaders spoke at the summit: Emmanuel Macron, Olaf Scholz and Giorgia Meloni. The two leaders who had clashed in June shook hands."}},
		{"dates, ages and scores", "fr", []string{"Le 14 juillet 2024, à 25 ans, Mbappé a marqué deux buts (3-1) face aux Pays-Bas, à la Belgique et à l’Italie, les 27 pays membres saluant les Vingt-Sept."}},
		{"proper adjective before the noun", "en", []string{"The three Baltic presidents, Andrzej Duda and Alexander Stubb, met in Vilnius."}},
		{"non-exhaustive apposition fr", "fr", []string{"Trois joueurs, dont Kylian Mbappé et Ousmane Dembélé, ont été blessés. Cinq entraîneurs, notamment Franck Haise et Will Still, ont protesté."}},
		{"non-exhaustive apposition en", "en", []string{"Three players, including Bukayo Saka and Martin Ødegaard, were injured. Four firms, among them Apple and Google, declined to comment."}},
		{"apposition in a quotation", "en", []string{"“Three players, Saka and Ødegaard, were injured,” the manager said."}},
		{"list split across two sentences", "fr", []string{
			"Les dirigeants de l’OTAN ont rencontré mardi ceux de treize pays partenaires.",
			"Les dirigeants de l’Australie, de l’Autriche, de la Finlande, de la Géorgie, du Japon, de la Jordanie, de la République de Corée, de la Nouvelle-Zélande, de la Suède, de la Suisse et des Émirats arabes unis ont pris la parole en premier. Ceux du Maroc et du Qatar ont suivi."}},
		{"pairs of players", "fr", []string{"Quatre joueurs sont incertains : Mbappé et Griezmann en attaque, Tchouaméni et Rabiot au milieu."}},
		{"names with and inside", "en", []string{"Three partners signed the declaration: Trinidad and Tobago, Antigua and Barbuda and Saint Kitts and Nevis."}},
		{"names list at the end of the sentence", "en", []string{"The summit was attended by three presidents, Andrzej Duda and Alexander Stubb."}},
		{"names apposition with a gloss", "fr", []string{"Deux joueurs, Kylian Mbappé (blessé) et Ousmane Dembélé, manqueront le match de mercredi."}},
		{"film titles", "fr", []string{"Cinq films concourent : Anatomie d’une chute, Le Règne animal, L’Enlèvement, Chien de la casse et Les Trois Mousquetaires."}},
		{"en dash inside a place name, right count", "fr", []string{"Le stationnement sera interdit dans cinq arrondissements : La Cité-Limoilou, Les Rivières, Sainte-Foy–Sillery–Cap-Rouge, Charlesbourg et La Haute-Saint-Charles."}},
		{"quoted words, not titles", "en", []string{"Three films dominated the talk: “slow”, “long” and “brilliant” were the words critics used."}},
		{"titles, right count", "en", []string{"Three films have stood out from the pack: Kleber Mendonça Filho’s “The Night Shift”, a Recife-set thriller; Mia Hansen-Løve’s “Summer Hours in Sils”, gentle to a fault; and Yorgos Lanthimos’ “Saints and Sinners”, which is exactly as strange as you would expect."}},
		{"groups separated by semicolons", "en", []string{"Six players were called up: Saka, Foden and Palmer in attack; and Rice, Bellingham and Mainoo in midfield."}},
		{"relative clause naming one more", "fr", []string{"Trois candidats restent en lice : Jean Dupont et Marie Durand, qui affronteront Paul Martin au second tour."}},
		{"relative clause then more items", "en", []string{"Three candidates remain: Jane Doe and John Smith, who qualified on Sunday, as well as the outgoing mayor."}},
		{"relative clause, right count", "fr", []string{"Trois régions sont particulièrement touchées : l’Occitanie, la Nouvelle-Aquitaine et les Hauts-de-France, où moins d’un train régional sur trois circulera."}},
		{"adjective after a noun", "fr", []string{"Les deux accords internationaux et les trois projets pilotes : la France, l’Allemagne et l’Italie ont signé."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := runOn(t, article(t, tc.lang, tc.body...)); len(got) != 0 {
				t.Errorf("want no finding, got %+v", got)
			}
		})
	}
}

func BenchmarkStatedCountSeed(b *testing.B) {
	data, err := os.ReadFile("../../testdata/records/nato-chicago-partners-2012.fr.json")
	if err != nil {
		b.Fatal(err)
	}
	rec := ruletest.ParseOne(b, data)
	ruletest.Bench(b, Rule, rec, 0)
}

// FuzzRun checks that no paragraph makes the rule panic or report outside
// the text.
func FuzzRun(f *testing.F) {
	f.Add("fr", "Les dirigeants de trois pays : la France, l’Allemagne et l’Italie. Ces quatre pays ont signé.")
	f.Add("en", "Leaders of thirteen partner countries met. Australia, Japan, Sweden and the United Arab Emirates - the four countries - agreed.")
	f.Add("fr", "Trois ministres – M. Fabius, Mme Merkel et M. Renzi – ont parlé :")
	f.Fuzz(func(t *testing.T, lang, text string) {
		if lang != "fr" && lang != "en" {
			return
		}
		file := article(t, lang, text, "- "+text+" | la France | le Japon", "> "+text)
		res := load.Parse(file, load.Limits{})
		if len(res.Records) != 1 {
			return
		}
		for _, d := range lint(t, file) {
			if d.Span.Start < 0 || d.Span.End > len(file.Content) || d.Span.Start > d.Span.End {
				t.Errorf("bad span %+v", d.Span)
			}
		}
	})
}

// TestSpans checks the byte offsets themselves on a file with an escape
// before the count, so a decoded offset would be off by five.
func TestSpans(t *testing.T) {
	src := `{"id":"t","lang":"fr","title":"T","body":["L\u2019OTAN a reçu trois pays : la France, l’Allemagne, l’Italie et l’Espagne."]}`
	got := lint(t, rules.NewFile("t.json", []byte(src), rules.FormatJSON))
	if len(got) != 1 {
		t.Fatalf("got %+v", got)
	}
	d := got[0]
	start := strings.Index(src, "trois")
	rel := strings.Index(src, "France")
	relEnd := strings.Index(src, "Espagne") + len("Espagne")
	if d.Span != (rules.Span{Start: start, End: start + len("trois")}) || d.Pointer != "/body/0" {
		t.Errorf("span %+v pointer %s, want %d..%d", d.Span, d.Pointer, start, start+5)
	}
	if len(d.Related) != 1 || d.Related[0].Span != (rules.Span{Start: rel, End: relEnd}) || d.Related[0].Pointer != "/body/0" {
		t.Errorf("related %+v, want %d..%d", d.Related, rel, relEnd)
	}
	if d.Message != "states 3 (« trois ») countries but lists 4" {
		t.Errorf("message %q", d.Message)
	}
}

// TestCountryClass checks countryClass's shortcuts against the plain
// lookup they stand for.
func TestCountryClass(t *testing.T) {
	words := []string{"dirigeants", "leur", "a", "et", "été", "dans", "deux", "exemple", "thé", "fOrmer", "lA", "d’", "l’", "ex‑République", "Ex", "former", "ancienne", "à", "À"}
	for w := range countryWordClass {
		words = append(words, w, strings.ReplaceAll(w, "'", "’"), strings.ToUpper(w[len(w)-1:])+w)
	}
	for _, w := range words {
		want := uint8(countryStart)
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			want, _ = lang.LookupFold(countryWordClass, w)
		}
		if got := countryClass(w); got != want {
			t.Errorf("countryClass(%q) = %d, want %d", w, got, want)
		}
	}
}

// TestMayBeCountryStart: the bound countMaxItems counts every word of class
// countryStart.
func TestMayBeCountryStart(t *testing.T) {
	words := []string{"", "a", "E", "ex", "eX", "Ex", "exemple", "an", "anglais", "fo", "fOrmer", "former", "ancienne",
		"ex‑République", "ex-république", "État", "été", "\u212aosovo", "2012", "de", "l’", "Chicago"}
	for w := range countryWordClass {
		words = append(words, w, strings.ToUpper(w[:1])+w[1:])
	}
	for _, w := range words {
		if countryClass(w) == countryStart && !mayBeCountryStart(w) {
			t.Errorf("mayBeCountryStart(%q) is false, but it is of class countryStart", w)
		}
	}
	for _, w := range []string{"de", "la", "l’", "et", "2012", "dirigeants"} {
		if mayBeCountryStart(w) {
			t.Errorf("mayBeCountryStart(%q) is true", w)
		}
	}
}
