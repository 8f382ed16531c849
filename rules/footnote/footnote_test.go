package footnote

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/artlint/artlint/internal/lang"
	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/rules/ruletest"
)

// finding is a diagnostic as the tests compare it: message and the file
// text it covers, plus the related location's text.
type finding struct {
	msg, at, related string
}

func (f finding) String() string { return fmt.Sprintf("%q at %q (related %q)", f.msg, f.at, f.related) }

func parse(t testing.TB, data []byte) *rules.Record {
	t.Helper()
	return ruletest.ParseOne(t, data)
}

func run(t testing.TB, rule *rules.Rule, rec *rules.Record) []finding {
	t.Helper()
	var out []finding
	content := rec.File.Content
	for _, d := range ruletest.Run(t, rule, rec, nil) {
		f := finding{msg: d.Message, at: string(content[d.Span.Start:d.Span.End])}
		if len(d.Related) > 0 {
			f.related = string(content[d.Related[0].Span.Start:d.Related[0].Span.End])
		}
		out = append(out, f)
	}
	return out
}

// record builds a JSON record from paragraphs and footnotes ("id=text").
func record(t testing.TB, lang string, body []string, notes ...string) *rules.Record {
	t.Helper()
	type note struct {
		ID   string `json:"id"`
		Text string `json:"text"`
	}
	r := struct {
		ID        string   `json:"id"`
		Lang      string   `json:"lang"`
		Title     string   `json:"title"`
		Body      []string `json:"body"`
		Footnotes []note   `json:"footnotes,omitempty"`
	}{ID: "t", Lang: lang, Title: "Titre", Body: body}
	for _, n := range notes {
		id, text, _ := strings.Cut(n, "=")
		r.Footnotes = append(r.Footnotes, note{id, text})
	}
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return parse(t, data)
}

const turquie = "La Turquie reconnaît la République de Macédoine sous son nom constitutionnel."

func TestIntegrity(t *testing.T) {
	tests := []struct {
		name  string
		lang  string
		body  []string
		notes []string
		want  []finding
	}{
		{
			name:  "seed marker",
			lang:  "fr",
			body:  []string{"Les ministres ont rencontré leurs homologues de l’ex‑République yougoslave de Macédoine¹. Cette réunion a mis en évidence le lien fort."},
			notes: []string{"1=" + turquie},
		},
		{
			name:  "marker without definition",
			lang:  "fr",
			body:  []string{"Les ministres ont rencontré leurs homologues de l’ex‑République yougoslave de Macédoine². Cette réunion a mis en évidence le lien fort."},
			notes: []string{"1=" + turquie},
			want: []finding{
				{msg: "footnote marker ² has no definition in footnotes", at: "²"},
				{msg: `footnote "1" is never referenced in the text`, at: `"1"`},
			},
		},
		{
			name: "no footnotes at all",
			lang: "en",
			body: []string{"The allies met in Chicago.¹⁰"},
			want: []finding{{msg: "footnote marker ¹⁰ has no definition in footnotes", at: "¹⁰"}},
		},
		{
			name:  "definition never used",
			lang:  "fr",
			body:  []string{"Les ministres ont rencontré leurs homologues de Macédoine¹."},
			notes: []string{"1=" + turquie, "2=Sommet de Chicago, 20-21 mai 2012."},
			want:  []finding{{msg: `footnote "2" is never referenced in the text`, at: `"2"`}},
		},
		{
			name:  "duplicate id",
			lang:  "fr",
			body:  []string{"Les ministres ont rencontré leurs homologues de Macédoine¹."},
			notes: []string{"1=" + turquie, "1=Sommet de Chicago, 20-21 mai 2012."},
			want:  []finding{{msg: `footnote id "1" is defined twice`, at: `"1"`, related: `"1"`}},
		},
		{
			name:  "bracket markers",
			lang:  "en",
			body:  []string{"Allies met their partners in Chicago[^summit], among them Jordan and Qatar[^list]."},
			notes: []string{"summit=The NATO summit of 20–21 May 2012.", "partners=Thirteen partner countries attended."},
			want: []finding{
				{msg: "footnote marker [^list] has no definition in footnotes", at: "[^list]"},
				{msg: `footnote "partners" is never referenced in the text`, at: `"partners"`},
			},
		},
		{
			name: "exponents are not markers",
			lang: "fr",
			body: []string{
				"Le site couvre 12 km², soit 12 000 000 m², et le bassin contient 500 m³ d’eau, pour une densité de 1 000 kg/m³.",
				"Comme x² + y² = z², on a aussi a² + b² = c², et E=mc² selon Einstein ; 10⁶ personnes et une accélération de 9,8 m/s² ou m⁻¹.",
			},
		},
		{
			name: "exponents in a language without a pack",
			lang: "de",
			body: []string{"Die Fläche beträgt 12 km² und das Volumen 500 m³; es gilt x² + y² = z².", "Siehe Mazedonien¹."},
			want: []finding{{msg: "footnote marker ¹ has no definition in footnotes", at: "¹"}},
		},
		{
			name:  "marker inside a footnote references another footnote",
			lang:  "fr",
			body:  []string{"Les ministres ont rencontré leurs homologues de Macédoine¹."},
			notes: []string{"1=" + turquie + " Voir aussi la résolution de l’ONU².", "2=Résolution 817 (1993) du Conseil de sécurité."},
		},
		{
			name:  "a footnote referring to itself is not referenced",
			lang:  "fr",
			body:  []string{"Les ministres ont rencontré leurs homologues de Macédoine¹."},
			notes: []string{"1=" + turquie, "2=Résolution 817 (1993)², citée plus haut."},
			want:  []finding{{msg: `footnote "2" is never referenced in the text`, at: `"2"`}},
		},
		{
			name:  "a footnote text starting with its own number",
			lang:  "fr",
			body:  []string{"Les ministres ont rencontré leurs homologues de Macédoine¹."},
			notes: []string{"1=¹ " + turquie},
		},
		{
			name:  "symbol ids",
			lang:  "fr",
			body:  []string{"Karim* a témoigné devant le tribunal."},
			notes: []string{"*=Le prénom a été modifié.", "†=Note orpheline."},
			want:  []finding{{msg: `footnote "†" is never referenced in the text`, at: `"†"`}},
		},
		{
			name:  "marker after a closing quote and a year",
			lang:  "fr",
			body:  []string{"Il a parlé d’un « partenariat unique »¹, signé en 2012²."},
			notes: []string{"1=Discours du 20 mai.", "2=Déclaration de Chicago."},
		},
		{
			name: "powers of numbers are not markers",
			lang: "fr",
			body: []string{
				"On rappelle que 2³ = 8, que 12² = 144 et qu’une mémoire de 2¹⁰ octets vaut un kibioctet.",
				"La population a été multipliée par 10² en un siècle, et 3² + 4² = 5².",
				"Les réserves ont perdu 120 Mm³ ; la vis mesure 1³⁄₄ pouce.",
			},
		},
		{
			name:  "a note after a number is a marker",
			lang:  "fr",
			body:  []string{"L’Alliance invoque l’article 5¹ et compte 4,5 millions de soldats en 2012²."},
			notes: []string{"1=Traité de l’Atlantique Nord, 1949."},
			want:  []finding{{msg: "footnote marker ² has no definition in footnotes", at: "²"}},
		},
		{
			name: "charges, astronomy units, subscripted variables and formula terms are not markers",
			lang: "en",
			body: []string{
				"Calcium (Ca²⁺) and iron (Fe³⁺) ions, and sulphate (SO₄²⁻), were measured.",
				"The survey covers 14,000 deg² of sky, about 20 Gpc³, or 50 Mpc³ per cluster; the plant makes 300 Nm³ of gas.",
				"The Hubble constant H₀² enters as (1 + z)³, and ax² + bx + c = 0 has two roots, as the team noted¹.",
			},
			notes: []string{"1=Planck Collaboration, 2020."},
		},
		{
			name:  "a note after a chemical formula written with subscripts is a marker",
			lang:  "fr",
			body:  []string{"Les émissions ont atteint 10 millions de tonnes de CO₂¹, celles de CH₄ ont baissé² ; le sulfate (SO₄²⁻) et la constante H₀² restent des exposants."},
			notes: []string{"1=Inventaire national, 2025."},
			want:  []finding{{msg: "footnote marker ² has no definition in footnotes", at: "²"}},
		},
		{
			name:  "a note after a parenthesis that is no formula is a marker",
			lang:  "fr",
			body:  []string{"Le traité (signé en 1949)¹ fonde l’Alliance ; sa révision (voir l’annexe)² est en cours."},
			notes: []string{"1=Traité de Washington."},
			want:  []finding{{msg: "footnote marker ² has no definition in footnotes", at: "²"}},
		},
		{
			name:  "formulas mistyped with superscripts are not markers",
			lang:  "fr",
			body:  []string{"Les émissions de CO² ont baissé, tout comme celles de SO² ; l’eau (H²O) reste abondante. L’UE¹ s’en félicite."},
			notes: []string{"1=Union européenne."},
		},
		{
			name: "ordinals and titles written with superscript letters",
			lang: "fr",
			body: []string{"Le 1ᵉʳ mai, lors de la 2ᵉ édition, Mᵐᵉ Dupont a évoqué le XIXᵉ siècle."},
		},
		{
			name:  "markers before and after punctuation, in the title, with alphanumeric ids",
			lang:  "en",
			body:  []string{"NATO thanked its partners.¹ The allies¹, in turn, praised Jordan[^note-1]."},
			notes: []string{"1=Thirteen partner countries attended.", "note-1=Jordan contributed to ISAF.", "2=Chicago, 20–21 May 2012."},
			want:  []finding{{msg: `footnote "2" is never referenced in the text`, at: `"2"`}},
		},
		{
			name:  "a note referenced only from another note",
			lang:  "en",
			body:  []string{"NATO thanked its partners¹."},
			notes: []string{"1=Thirteen partner countries attended; see the list².", "2=Australia, Austria, Finland and ten others."},
		},
		{
			name:  "footnotes and no marker at all: one finding per footnote",
			lang:  "fr",
			body:  []string{"Les Alliés ont remercié les partenaires.", "Le sommet s’est tenu à Chicago."},
			notes: []string{"1=" + turquie, "2=Sommet de Chicago, 20-21 mai 2012.", "3=Déclaration finale."},
			want: []finding{
				{msg: `footnote "1" is never referenced in the text`, at: `"1"`},
				{msg: `footnote "2" is never referenced in the text`, at: `"2"`},
				{msg: `footnote "3" is never referenced in the text`, at: `"3"`},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := run(t, Rule, record(t, tt.lang, tt.body, tt.notes...))
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestOrder(t *testing.T) {
	tests := []struct {
		name  string
		lang  string
		body  []string
		notes []string
		want  []finding
	}{
		{
			name:  "in order",
			lang:  "fr",
			body:  []string{"Le sommet de Chicago¹ a réuni les Alliés¹ et leurs partenaires². Puis Lisbonne³."},
			notes: []string{"1=a", "2=b", "3=c"},
		},
		{
			name:  "out of order",
			lang:  "fr",
			body:  []string{"Le sommet de Chicago¹ a réuni les Alliés et leurs partenaires³.", "Les ministres ont rencontré leurs homologues de Macédoine²."},
			notes: []string{"1=a", "2=b", "3=c"},
			want:  []finding{{msg: "footnote ³ is referenced before footnote ²", at: "³", related: "²"}},
		},
		{
			name:  "reported once",
			lang:  "en",
			body:  []string{"Leaders met in Chicago³, with partners² and allies¹."},
			notes: []string{"1=a", "2=b", "3=c"},
			want:  []finding{{msg: "footnote ³ is referenced before footnote ¹", at: "³", related: "¹"}},
		},
		{
			name:  "bracket numeric",
			lang:  "en",
			body:  []string{"Leaders met in Chicago[^2] and in Lisbon[^1]."},
			notes: []string{"1=a", "2=b"},
			want:  []finding{{msg: "footnote [^2] is referenced before footnote [^1]", at: "[^2]", related: "[^1]"}},
		},
		{
			name:  "gaps are fine",
			lang:  "fr",
			body:  []string{"Le sommet de Chicago¹ a réuni les Alliés³."},
			notes: []string{"1=a", "3=c"},
		},
		{
			name:  "non-numeric ids are left alone",
			lang:  "en",
			body:  []string{"Leaders met in Chicago[^b] and in Lisbon[^a]."},
			notes: []string{"a=x", "b=y"},
		},
		{
			name:  "references inside footnotes do not count",
			lang:  "fr",
			body:  []string{"Le sommet de Chicago¹ a réuni les Alliés³."},
			notes: []string{"1=Voir la note².", "2=b", "3=c"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := run(t, Order, record(t, tt.lang, tt.body, tt.notes...))
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
		})
	}
}

// TestSpan checks byte offsets, not only the covered text.
func TestSpan(t *testing.T) {
	data := []byte(`{"id":"t","lang":"fr","title":"T","body":["Macédoine\u00b2 et Chicago²."],"footnotes":[{"id":"2","text":"x"}]}`)
	rec := parse(t, data)
	var spans []rules.Span
	pass := rules.NewPass(Rule, rec, ruletest.Prepare(t, Rule, rec), nil, func(d rules.Diagnostic) { spans = append(spans, d.Span) })
	if _, err := Rule.Run(pass); err != nil {
		t.Fatal(err)
	}
	if len(spans) != 0 {
		t.Fatalf("unexpected findings %v", spans)
	}
	data = []byte(`{"id":"t","lang":"fr","title":"T","body":["Macédoine\u00b3 et Chicago²."],"footnotes":[{"id":"2","text":"x"}]}`)
	rec = parse(t, data)
	pass = rules.NewPass(Rule, rec, ruletest.Prepare(t, Rule, rec), nil, func(d rules.Diagnostic) { spans = append(spans, d.Span) })
	if _, err := Rule.Run(pass); err != nil {
		t.Fatal(err)
	}
	start := strings.Index(string(data), `\u00b3`)
	if want := []rules.Span{{Start: start, End: start + 6}}; fmt.Sprint(spans) != fmt.Sprint(want) {
		t.Errorf("spans %v, want %v", spans, want)
	}
}

func TestNoteWithoutText(t *testing.T) {
	rec := parse(t, []byte(`{"id":"t","lang":"fr","title":"T","body":["Chicago."],"footnotes":[{"id":"1"}]}`))
	if got := run(t, Rule, rec); len(got) > 0 {
		t.Errorf("a note without text is the schema's: %v", got)
	}
}

func TestSeed(t *testing.T) {
	for _, r := range []*rules.Rule{Rule, Order} {
		if got := run(t, r, seed(t)); len(got) > 0 {
			t.Errorf("%s on the seed: %v", r.ID, got)
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

func BenchmarkFootnoteIntegritySeed(b *testing.B) {
	ruletest.Bench(b, Rule, seed(b), 0)
}

func TestMarkerInTitle(t *testing.T) {
	rec := parse(t, []byte(`{"id":"t","lang":"fr","title":"Le sommet de Chicago¹ et ses partenaires²","body":["Les Alliés ont remercié les partenaires."],"footnotes":[{"id":"1","text":"Sommet de l’OTAN, 20-21 mai 2012."}]}`))
	want := []finding{{msg: "footnote marker ² has no definition in footnotes", at: "²"}}
	if got := run(t, Rule, rec); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}

// TestScanShared: the two rules share one scan of the texts when they run
// together, as they do by default.
func TestScanShared(t *testing.T) {
	order := rules.Order([]*rules.Rule{Rule, Order})
	n := 0
	for _, r := range order {
		if r == notesAnalysis {
			n++
		}
	}
	if n != 1 || len(Rule.Requires) != 1 || Rule.Requires[0] != notesAnalysis || Order.Requires[0] != notesAnalysis {
		t.Errorf("the footnote rules do not share one analysis: %v", order)
	}
}

// TestSuperDigitAtDecodes: superDigitAt reads the bytes as decoding the
// rune and asking superDigit does, for every rune and cut-off bytes.
func TestSuperDigitAtDecodes(t *testing.T) {
	var texts []string
	for r := rune(0); r < 0x2100; r++ {
		texts = append(texts, string(r), string(r)+"x")
	}
	texts = append(texts, "\xc2", "\xe2", "\xe2\x81", "\xc2\xb9"[:1], "\xe2\x81\xb4"[:2], "\xe2\x81\xff", "\xc2\xff")
	for _, s := range texts {
		r, n := utf8.DecodeRuneInString(s)
		want := superDigit(r)
		if got, gn := superDigitAt(s, 0); got != want || (want >= 0 && gn != n) {
			t.Errorf("superDigitAt(%q) = %d, %d; want %d, %d", s, got, gn, want, n)
		}
	}
}

// TestNextMarkerStartAsEveryByte: nextMarkerStart, skipping to
// markerBytes, finds the '[' and superscript digits that asking at every
// byte finds, for every rune up to U+2100 around others and cut short.
func TestNextMarkerStartAsEveryByte(t *testing.T) {
	plain := func(s string, i int) int {
		for ; i < len(s); i++ {
			if s[i] == '[' || isSuperDigitAt(s, i) {
				return i
			}
		}
		return -1
	}
	var texts []string
	for r := rune(0); r < 0x2100; r++ {
		c := string(r)
		texts = append(texts, c, "a"+c+"¹", "ù"+c+c+"⁴²[^x]", c[:len(c)-1]+"\xb9"+c, "\x81"+c+"\xe2")
	}
	texts = append(texts, "\xb9", "\xc2", "\xc2\xb9\xb9", "\xe2\x81\xb4\x81", "où¹ CO₂² [^1]", "\xe2\xc2\xb2")
	for _, s := range texts {
		find := lang.NewByteFinder(s, markerBytes)
		for i := 0; i <= len(s); {
			got, want := nextMarkerStart(&find, s, i), plain(s, i)
			if got != want {
				t.Fatalf("nextMarkerStart(%q, %d) = %d, want %d", s, i, got, want)
			}
			if got < 0 {
				break
			}
			i = got + 1
		}
	}
}
