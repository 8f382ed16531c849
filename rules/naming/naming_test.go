package naming

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/rules/ruletest"
)

// item is a diagnostic as the tests compare it: message, the file text
// it covers and the related location's text.
type item struct {
	msg, at, related string
}

func (f item) String() string { return fmt.Sprintf("%q at %q (related %q)", f.msg, f.at, f.related) }

func parse(t testing.TB, data []byte) *rules.Record {
	t.Helper()
	return ruletest.ParseOne(t, data)
}

func lint(t testing.TB, rec *rules.Record) ([]item, []rules.Diagnostic) {
	t.Helper()
	var out []item
	content := rec.File.Content
	all := ruletest.Run(t, Rule, rec, nil)
	for _, d := range all {
		f := item{msg: d.Message, at: string(content[d.Span.Start:d.Span.End])}
		if len(d.Related) > 0 {
			f.related = string(content[d.Related[0].Span.Start:d.Related[0].Span.End])
		}
		out = append(out, f)
	}
	return out, all
}

type person struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
}

func record(t testing.TB, lang, title string, body []string, people ...person) *rules.Record {
	t.Helper()
	r := struct {
		ID     string   `json:"id"`
		Lang   string   `json:"lang"`
		Title  string   `json:"title"`
		Body   []string `json:"body"`
		People []person `json:"people,omitempty"`
	}{ID: "t", Lang: lang, Title: title, Body: body, People: people}
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return parse(t, data)
}

const (
	frTitle = "Les dirigeants des pays de l’OTAN rencontrent les partenaires à Chicago"
	frSaid  = "« Nos partenaires partagent tous le souhait qu'a l'OTAN de bâtir la sécurité », a déclaré le secrétaire général, M. Anders Fogh Rasmussen."
	enTitle = "NATO Leaders Meet Partners in Chicago"
)

func TestNaming(t *testing.T) {
	tests := []struct {
		name   string
		lang   string
		title  string
		body   []string
		people []person
		want   []item
	}{
		{
			name:  "one letter added",
			lang:  "fr",
			title: frTitle,
			body:  []string{frSaid, "M. Rassmussen a ensuite remercié les partenaires pour leur soutien."},
			want:  []item{{msg: `"Rassmussen" is spelled "Rasmussen" earlier in this article`, at: "Rassmussen", related: "Rasmussen"}},
		},
		{
			name:  "hyphen instead of a space",
			lang:  "fr",
			title: frTitle,
			body:  []string{frSaid, "Anders Fogh-Rasmussen a ensuite remercié les partenaires."},
			want:  []item{{msg: `"Fogh-Rasmussen" differs from "Fogh Rasmussen" only by a hyphen`, at: "Fogh-Rasmussen", related: "Fogh Rasmussen"}},
		},
		{
			name:  "space instead of a hyphen, and diacritics",
			lang:  "fr",
			title: frTitle,
			body: []string{
				"Les ministres ont rencontré leurs homologues de Bosnie‑Herzégovine, de Géorgie et du Monténégro.",
				"Le dialogue avec la Bosnie Herzégovine se poursuivra.",
				"La Bosnie-Herzegovine a salué cette décision.",
			},
			want: []item{
				{msg: `"Bosnie Herzégovine" differs from "Bosnie‑Herzégovine" only by a hyphen`, at: "Bosnie Herzégovine", related: "Bosnie‑Herzégovine"},
				{msg: `"Herzegovine" differs from "Herzégovine" only by diacritics`, at: "Herzegovine", related: "Herzégovine"},
			},
		},
		{
			name:  "case inside the word",
			lang:  "fr",
			title: frTitle,
			body:  []string{"Les pays membres de l’OTAN ont accueilli les partenaires.", "Les dirigeants de l’Otan ont aussi parlé de l’Afghanistan."},
			want:  []item{{msg: `"Otan" differs from "OTAN" only by case`, at: "Otan", related: "OTAN"}},
		},
		{
			name:  "English substitution",
			lang:  "en",
			title: enTitle,
			body: []string{
				"Foreign ministers met Ann Linde and Peter Hultqvist in Brussels, said Jens Stoltenberg.",
				"Mr Stoltenburg thanked Sweden and Finland for their support, and Hultquist welcomed the decision.",
			},
			want: []item{
				{msg: `"Stoltenburg" is spelled "Stoltenberg" earlier in this article`, at: "Stoltenburg", related: "Stoltenberg"},
				{msg: `"Hultquist" is spelled "Hultqvist" earlier in this article`, at: "Hultquist", related: "Hultqvist"},
			},
		},
		{
			name:   "people list is the reference",
			lang:   "en",
			title:  enTitle,
			body:   []string{"Secretary General Anders Fogh Rassmussen opened the meeting.", "Rasmussen thanked partners."},
			people: []person{{Name: "Anders Fogh Rasmussen"}},
			want:   []item{{msg: `"Rassmussen" is spelled "Rasmussen" in the people list`, at: "Rassmussen", related: "Rasmussen"}},
		},
		{
			name:   "aliases are accepted spellings",
			lang:   "fr",
			title:  frTitle,
			body:   []string{"Anders Fogh Rasmussen a ouvert la réunion.", "Anders Fogh-Rasmussen a remercié les partenaires."},
			people: []person{{Name: "Anders Fogh Rasmussen", Aliases: []string{"Anders Fogh-Rasmussen"}}},
		},
		{
			name:  "majority wins over the first spelling",
			lang:  "en",
			title: enTitle,
			body: []string{
				"Deputy Secretary General Alexander Vesrhbow chaired the meeting.",
				"Vershbow said the partners were essential. Mr Vershbow added that the Alliance would help.",
			},
			want: []item{{msg: `"Vesrhbow" is spelled "Vershbow" later in this article`, at: "Vesrhbow", related: "Vershbow"}},
		},
		{
			name:  "apostrophe forms are typography",
			lang:  "fr",
			title: frTitle,
			body:  []string{"Les pays de l’OTAN et de l'OTAN, Jeanne d’Arc et Jeanne d'Arc."},
		},
		{
			name:  "two countries",
			lang:  "en",
			title: enTitle,
			body:  []string{"Ministers from Gambia and Zambia, Iceland and Ireland, Slovakia and Slovenia, Niger and Nigeria attended."},
		},
		{
			name:  "two countries in French",
			lang:  "fr",
			title: frTitle,
			body:  []string{"Les dirigeants de l’Islande, de l’Irlande, de la Gambie, de la Zambie, de l’Autriche et de l’Australie étaient présents."},
		},
		{
			name:  "short form",
			lang:  "fr",
			title: frTitle,
			body:  []string{frSaid, "M. Rasmussen a ensuite remercié les partenaires. Fogh Rasmussen a conclu."},
		},
		{
			name:  "two people with different first names",
			lang:  "en",
			title: enTitle,
			body:  []string{"Boris Johnson met Robert Johnston in London.", "Later, Robert Johnston said the talks went well."},
		},
		{
			name:  "OTAN and NATO",
			lang:  "fr",
			title: frTitle,
			body:  []string{"Les pays de l’OTAN (NATO en anglais) se sont réunis."},
		},
		{
			name:  "sentence-initial common words",
			lang:  "fr",
			title: frTitle,
			body: []string{
				"Les Alliés ont remercié les partenaires. Les alliés ont aussi parlé de l’Alliance et de la sécurité de l’alliance.",
				"Durant la réunion, M. Durand a parlé. Pendant ce temps, les Américains et un Américain discutaient.",
			},
		},
		{
			name:  "English title case and plurals",
			lang:  "en",
			title: "Allies Thank Partners at the Chicago Summit",
			body: []string{
				"The Allies thanked partners. Allied leaders said the Summit was a success.",
				"The Minister and other Ministers met the President and two Presidents.",
			},
		},
		{
			name:  "a surname alone cannot be told apart",
			lang:  "en",
			title: enTitle,
			body:  []string{"Boris Johnson arrived late.", "Johnston said the talks went well."},
			want:  []item{{msg: `"Johnston" is spelled "Johnson" earlier in this article`, at: "Johnston", related: "Johnson"}},
		},
		{
			name:  "different first names, accents aside",
			lang:  "fr",
			title: frTitle,
			body:  []string{"Frédéric Oudéa dirigeait la banque.", "Frederic Wehrey, chercheur, a commenté."},
		},
		{
			name:  "British and American official names",
			lang:  "en",
			title: enTitle,
			body: []string{
				"The UK Ministry of Defence and the US Department of Defense issued statements.",
				"The World Health Organization and the Organisation for Security and Co-operation in Europe were consulted.",
			},
		},
		{
			name:  "capitals in a chant",
			lang:  "en",
			title: enTitle,
			body:  []string{"Protesters chanted NO TO NATO outside, while Nato officials met inside."},
		},
		{
			name:  "case after the first letter, at a sentence start",
			lang:  "en",
			title: "Leaders Meet Partners in Chicago",
			body:  []string{"Leaders of NATO countries met partners.", "Nato officials said the meeting went well. De Gaulle, not de Gaulle."},
			want:  []item{{msg: `"Nato" differs from "NATO" only by case`, at: "Nato", related: "NATO"}},
		},
		{
			name:  "a dateline in capitals",
			lang:  "en",
			title: "West African Leaders Meet in Banjul",
			body:  []string{"BANJUL — President Adama Barrow welcomed the leaders to Banjul on Saturday.", "NATO sent observers. Nato officials said little."},
		},
		{
			name:  "case after the first letter, in a title",
			lang:  "fr",
			title: "Les dirigeants de l’Otan à Chicago",
			body:  []string{"Les pays membres de l’OTAN ont accueilli les partenaires."},
			want:  []item{{msg: `"Otan" differs from "OTAN" only by case`, at: "Otan", related: "OTAN"}},
		},
		{
			name:  "hyphen in a title",
			lang:  "en",
			title: "Leaders Discuss Bosnia-Herzegovina",
			body:  []string{"Ministers met their counterparts from Bosnia Herzegovina and Georgia."},
			want:  []item{{msg: `"Bosnia Herzegovina" differs from "Bosnia-Herzegovina" only by a hyphen`, at: "Bosnia Herzegovina", related: "Bosnia-Herzegovina"}},
		},
		{
			name:  "last letter, confirmed by the full name",
			lang:  "en",
			title: enTitle,
			body:  []string{"Deputy Secretary General Alexander Vershbow chaired the meeting.", "Alexander Vershbov said partners were essential."},
			want:  []item{{msg: `"Vershbov" is spelled "Vershbow" earlier in this article`, at: "Vershbov", related: "Vershbow"}},
		},
		{
			name:  "last letter of a surname alone",
			lang:  "en",
			title: enTitle,
			body:  []string{"Alexander Vershbow chaired the meeting.", "Vershbov said partners were essential."},
			want:  []item{{msg: `"Vershbov" is spelled "Vershbow" earlier in this article`, at: "Vershbov", related: "Vershbow"}},
		},
		{
			name:   "a transliteration one letter short",
			lang:   "en",
			title:  "Ukraine Welcomes the Decision",
			body:   []string{"President Volodymyr Zelenskyy thanked the leaders.", "\"This is a victory for Ukraine,\" Zelensky wrote on X."},
			people: []person{{Name: "Volodymyr Zelenskyy"}},
			want:   []item{{msg: `"Zelensky" is spelled "Zelenskyy" in the people list`, at: "Zelensky", related: "Zelenskyy"}},
		},
		{
			name:  "a doubled letter in a five-letter name",
			lang:  "fr",
			title: "Airbus maintient ses objectifs",
			body:  []string{"« Nous avons fait face à des difficultés », a déclaré Guillaume Faury.", "M. Faurry a précisé que les retards concernaient les moteurs."},
			want:  []item{{msg: `"Faurry" is spelled "Faury" earlier in this article`, at: "Faurry", related: "Faury"}},
		},
		{
			name:  "a letter doubled at the end of a surname alone",
			lang:  "en",
			title: "Koeman Defends His Striker",
			body:  []string{"Dutch coach Ronald Koeman defended his striker.", "Koemann said the team deserved a draw."},
			want:  []item{{msg: `"Koemann" is spelled "Koeman" earlier in this article`, at: "Koemann", related: "Koeman"}},
		},
		{
			name:  "a name after a lower-case article",
			lang:  "en",
			title: "Syria's New Leaders Promise a Peaceful Transition",
			body:  []string{"Rebel leader Abu Mohammed al-Jolani entered Damascus on Sunday.", "Jolanni said the transition would be peaceful."},
			want:  []item{{msg: `"Jolanni" is spelled "Jolani" earlier in this article`, at: "Jolanni", related: "Jolani"}},
		},
		{
			name:  "five letters, not a doubled letter",
			lang:  "en",
			title: "Davis Cup Draw",
			body:  []string{"Tennis fans met Mark Davies at the Davis Cup draw.", "Davis was not there."},
		},
		{
			name:  "inflected forms and first letters of a surname alone",
			lang:  "en",
			title: enTitle,
			body: []string{
				"Coach Hervé Martin, striker Erik Hansen, Sergei Ivanov and Julia Robert attended.",
				"Martine spoke first. Jansen scored twice. Ivanova and Roberts commented later.",
				"Firms from North America and West Bengal came; American and Bengali investors were cautious.",
				"Saudi Arabia sent a delegation; its statement was in Arabic. AI experts met Ai Weiwei.",
			},
		},
		{
			name:  "nationalities",
			lang:  "fr",
			title: frTitle,
			body:  []string{"Les Iraniens et les Irakiens ont négocié ; les Nigérians et les Nigériens aussi."},
		},
		{
			name:  "English nationalities",
			lang:  "en",
			title: enTitle,
			body:  []string{"Iranians, Iraqis, Nigerians and Nigeriens attended, as did Austrians and Australians."},
		},
		{
			name:  "inflections are other words",
			lang:  "fr",
			title: frTitle,
			body:  []string{"La Géorgie et le peuple Géorgien, les Islandais et les Irlandais."},
		},
		{
			name:  "a party and its members: plural and singular in full names",
			lang:  "en",
			title: "Prime Minister Faces Questions on Housing",
			body: []string{
				"The Liberal Democrats pressed the government on Wednesday, and House Republicans blocked the bill.",
				"The Liberal Democrat leader, Sir Ed Davey, raised a care home; the House Republican leader, Mike Johnson, called the vote final.",
				"The Scottish Conservatives abstained, though the Scottish Conservative leader, Russell Findlay, backed the motion.",
			},
		},
		{
			name:  "a letter off at the end of a full name, a doubled s too",
			lang:  "en",
			title: enTitle,
			body: []string{
				"Ambassador Alexander Vershbow met Ruth Davis in Brussels.",
				"Alexander Vershbov thanked the allies, and Ruth Daviss agreed.",
			},
			want: []item{
				{msg: `"Vershbov" is spelled "Vershbow" earlier in this article`, at: "Vershbov", related: "Vershbow"},
				{msg: `"Daviss" is spelled "Davis" earlier in this article`, at: "Daviss", related: "Davis"},
			},
		},
		{
			name:  "French parties and their members",
			lang:  "fr",
			title: "Régionales : la gauche se rassemble",
			body: []string{
				"Europe Écologie-Les Verts et les Jeunes Écologistes ont signé l’accord.",
				"Un élu Vert a salué le texte, comme le candidat Écologiste de la circonscription.",
			},
		},
		{
			name:  "an acronym in a hyphenated name and a capitalised word",
			lang:  "fr",
			title: "Grève à la SNCF",
			body: []string{
				"Les TGV circuleront presque normalement sur l’axe Sud-Est, mais pas dans le Sud.",
				"Le syndicat SUD-Rail appelle à la grève. Pour SUD-Rail, la mobilisation est forte ; SUD-Santé soutient.",
			},
		},
		{
			name:  "an acronym and a capitalised word, whole or in one name",
			lang:  "fr",
			title: "Grève à la SNCF",
			body: []string{
				"Les pays de l’OTAN et le syndicat SUD-Rail sont cités.",
				"L’Otan a répondu. Sud-Rail aussi.",
			},
			want: []item{
				{msg: `"Otan" differs from "OTAN" only by case`, at: "Otan", related: "OTAN"},
				{msg: `"Sud" differs from "SUD" only by case`, at: "Sud", related: "SUD"},
			},
		},
		{
			name:  "places named after people after a kind of place with complements",
			lang:  "fr",
			title: "Dakar accueille les ministres",
			body: []string{
				"Les ministres se sont réunis au Centre international de conférences Abdou-Diouf (CICAD), baptisé du nom de l’ancien président Abdou Diouf.",
				"Ils sont repartis par l’aéroport international Blaise-Diagne, du nom du député Blaise Diagne.",
				"Le gala aura lieu au palais des sports Marcel-Cerdan, puis au complexe sportif Jean-Bouin ; Marcel Cerdan et Jean Bouin y sont honorés.",
			},
		},
		{
			name:  "a person's hyphenated name after a place and a verb",
			lang:  "fr",
			title: "Meeting à Marseille",
			body: []string{
				"La salle a accueilli Jean-Luc Mélenchon samedi.",
				"Jean Luc Mélenchon a ensuite rejoint le centre de presse Jean Moulin.",
			},
			want: []item{{msg: `"Jean Luc" differs from "Jean-Luc" only by a hyphen`, at: "Jean Luc", related: "Jean-Luc"}},
		},
		{
			name:  "a town after a place and a preposition",
			lang:  "fr",
			title: "Trafic perturbé",
			body: []string{
				"Les trains partiront de la gare routière de Saint-Étienne, près du centre hospitalier de Villeneuve-Saint-Georges.",
				"À Saint Étienne, le trafic reprend lundi.",
			},
			want: []item{{msg: `"Saint Étienne" differs from "Saint-Étienne" only by a hyphen`, at: "Saint Étienne", related: "Saint-Étienne"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := lint(t, record(t, tt.lang, tt.title, tt.body, tt.people...))
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
		})
	}
}

// TestSpanAndFix checks byte offsets and the suggested edit.
func TestSpanAndFix(t *testing.T) {
	data := []byte(`{"id":"t","lang":"fr","title":"T","body":["M. Anders Fogh Rasmussen a parlé.","Puis M. Rassmussen a conclu."]}`)
	_, diags := lint(t, parse(t, data))
	if len(diags) != 1 {
		t.Fatalf("got %d findings", len(diags))
	}
	d := diags[0]
	start := len(`{"id":"t","lang":"fr","title":"T","body":["M. Anders Fogh Rasmussen a parlé.","Puis M. `)
	if want := (rules.Span{Start: start, End: start + len("Rassmussen")}); d.Span != want {
		t.Errorf("span %v, want %v", d.Span, want)
	}
	if len(d.Fixes) != 1 || len(d.Fixes[0].Edits) != 1 || d.Fixes[0].Edits[0].NewText != "Rasmussen" || d.Fixes[0].Edits[0].Span != d.Span {
		t.Errorf("fix %+v", d.Fixes)
	}
}

func TestSpeaker(t *testing.T) {
	data := []byte(`{"id":"t","lang":"fr","title":"T","body":["M. Anders Fogh Rasmussen a parlé.",` +
		`{"type":"quote","text":"Nous sommes prêts.","speaker":"Anders Fogh-Rasmussen"}]}`)
	got, _ := lint(t, parse(t, data))
	want := `["\"Fogh-Rasmussen\" differs from \"Fogh Rasmussen\" only by a hyphen" at "Fogh-Rasmussen" (related "Fogh Rasmussen")]`
	if fmt.Sprint(got) != want {
		t.Errorf("got  %v\nwant %s", got, want)
	}
}

func TestDoubled(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"faury", "faurry", true},
		{"gaulle", "gaule", true},
		{"triet", "triett", true},
		{"davis", "davies", false},
		{"marin", "martin", false},
		{"faury", "faury", false},
		{"aaaa", "aaaaa", true},
		{"bardet", "bardets", false},
	} {
		if got := doubled([]rune(tt.a), []rune(tt.b)); got != tt.want {
			t.Errorf("doubled(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

func TestOneEdit(t *testing.T) {
	for _, tt := range []struct {
		a, b      string
		ok, inner bool
	}{
		{"rasmussen", "rassmussen", true, true},
		{"rasmussen", "rasmusen", true, true},
		{"lindqvist", "lindquist", true, true},
		{"stoltenberg", "stoltneberg", true, true},
		{"rasmussen", "rasmussenn", true, false}, // last letter
		{"hansen", "jansen", true, false},        // first letter
		{"islandais", "irlandais", true, false},  // second letter
		{"allies", "allied", true, false},
		{"vershbow", "vershbwo", true, false},
		{"rasmussen", "rasmussen", false, false},
		{"slovakia", "slovenia", false, false},
		{"austria", "australia", false, false},
	} {
		if ok, inner := oneEdit([]rune(tt.a), []rune(tt.b)); ok != tt.ok || inner != tt.inner {
			t.Errorf("oneEdit(%q, %q) = %v, %v", tt.a, tt.b, ok, inner)
		}
	}
}

func seed(t testing.TB) *rules.Record {
	data, err := os.ReadFile("../../testdata/records/nato-chicago-partners-2012.fr.json")
	if err != nil {
		t.Fatal(err)
	}
	return parse(t, data)
}

func TestSeed(t *testing.T) {
	if got, _ := lint(t, seed(t)); len(got) > 0 {
		t.Errorf("findings on the seed: %v", got)
	}
}

func BenchmarkConsistentNamingSeed(b *testing.B) {
	ruletest.Bench(b, Rule, seed(b), 0)
}
