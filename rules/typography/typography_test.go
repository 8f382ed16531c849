package typography

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/artlint/artlint/internal/fix"
	"github.com/artlint/artlint/internal/load"
	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/rules/ruletest"
)

// lint runs the rule (and the analyses it requires) on every record of a
// file and returns its diagnostics.
func lint(t testing.TB, f *rules.File) []rules.Diagnostic {
	t.Helper()
	var diags []rules.Diagnostic
	for _, rec := range ruletest.Parse(t, f) {
		diags = append(diags, ruletest.Run(t, Rule, rec, nil)...)
	}
	return diags
}

// record writes a JSON record whose body is the given paragraphs.
func record(t testing.TB, lang, title string, body ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(map[string]any{"id": "a", "lang": lang, "title": title, "body": body}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// applyFixes applies every diagnostic's fix with the fix package.
func applyFixes(t testing.TB, content []byte, diags []rules.Diagnostic) []byte {
	t.Helper()
	var edits []fix.Edit
	for _, d := range diags {
		if len(d.Fixes) != 1 {
			t.Fatalf("%q has %d fixes, want 1", d.Message, len(d.Fixes))
		}
		for _, e := range d.Fixes[0].Edits {
			edits = append(edits, fix.Edit{Start: e.Span.Start, End: e.Span.End, NewText: e.NewText})
		}
	}
	out, err := fix.Apply(content, edits)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// find is a wanted finding: the message, and the span as the text it
// covers in the file (span) right after the text before it (before).
type find struct{ msg, before, span string }

func TestRule(t *testing.T) {
	tests := []struct {
		name, lang, title string
		body              []string
		want              []find
		fixed             string // the first paragraph after all fixes; "" when no finding
	}{
		// French spacing: missing spaces.
		{name: "exclamation glued", lang: "fr", title: "Alerte",
			body:  []string{"Attention! Les partenaires arrivent à Chicago."},
			want:  []find{{`missing narrow no-break space before "!"`, "Attention", "!"}},
			fixed: "Attention\u202f! Les partenaires arrivent à Chicago."},
		{name: "closing guillemet glued", lang: "fr", title: "Déclaration",
			body:  []string{"«\u00a0Il faut agir sans espace» a-t-il dit."},
			want:  []find{{"missing no-break space before »", "sans espace", "»"}},
			fixed: "«\u00a0Il faut agir sans espace\u00a0» a-t-il dit."},
		{name: "seed comma before guillemet", lang: "fr", title: "Déclaration",
			body:  []string{"«\u00a0Chacun contribue d’une manière bien différente,» a déclaré le secrétaire général."},
			want:  []find{{"missing no-break space before »", "différente,", "»"}},
			fixed: "«\u00a0Chacun contribue d’une manière bien différente,\u00a0» a déclaré le secrétaire général."},
		{name: "opening guillemet glued", lang: "fr", title: "Déclaration",
			body:  []string{"Il a déclaré\u00a0: «Nous partons\u00a0»."},
			want:  []find{{"missing no-break space after «", "déclaré\u00a0: ", "«"}},
			fixed: "Il a déclaré\u00a0: «\u00a0Nous partons\u00a0»."},
		{name: "colon glued after a word and after a year", lang: "fr", title: "Bilan",
			body: []string{"Le bilan: trois blessés.", "En 2010: le sommet de Lisbonne."},
			want: []find{
				{`missing no-break space before ":"`, "Le bilan", ":"},
				{`missing no-break space before ":"`, "En 2010", ":"},
			},
			fixed: "Le bilan\u00a0: trois blessés."},
		{name: "question in parentheses and before a guillemet", lang: "fr", title: "Question",
			body: []string{"«\u00a0Pourquoi?» a demandé un journaliste (en vain?)."},
			want: []find{
				{`missing narrow no-break space before "?"`, "Pourquoi", "?"},
				{"missing no-break space before »", "Pourquoi?", "»"},
				{`missing narrow no-break space before "?"`, "(en vain", "?"},
			},
			fixed: "«\u00a0Pourquoi\u202f?\u00a0» a demandé un journaliste (en vain\u202f?)."},
		{name: "cluster: only the first mark", lang: "fr", title: "Surprise",
			body:  []string{"Vraiment?! Personne ne l’attendait."},
			want:  []find{{`missing narrow no-break space before "?"`, "Vraiment", "?"}},
			fixed: "Vraiment\u202f?! Personne ne l’attendait."},

		// French spacing: ordinary spaces.
		{name: "seed semicolon", lang: "fr", title: "Remerciements",
			body:  []string{"«\u00a0Nous adressons nos remerciements à tous nos partenaires ; la réunion était une étape\u00a0»."},
			want:  []find{{`ordinary space before ";" should be a narrow no-break space (U+202F)`, "partenaires", " "}},
			fixed: "«\u00a0Nous adressons nos remerciements à tous nos partenaires\u202f; la réunion était une étape\u00a0»."},
		{name: "ordinary spaces inside guillemets", lang: "fr", title: "Déclaration",
			body: []string{"« Nous partons », a-t-il dit."},
			want: []find{
				{"ordinary space after « should be a no-break space (U+00A0)", "«", " "},
				{"ordinary space before » should be a no-break space (U+00A0)", "partons", " "},
			},
			fixed: "«\u00a0Nous partons\u00a0», a-t-il dit."},
		{name: "ordinary space before colon and question mark", lang: "fr", title: "Question",
			body: []string{"Il a posé une question : qui paiera ?"},
			want: []find{
				{`ordinary space before ":" should be a no-break space (U+00A0)`, "question", " "},
				{`ordinary space before "?" should be a narrow no-break space (U+202F)`, "paiera", " "},
			},
			fixed: "Il a posé une question\u00a0: qui paiera\u202f?"},
		{name: "a run of spaces is replaced whole", lang: "fr", title: "Remerciements",
			body:  []string{"Merci à nos partenaires  ; la réunion continue."},
			want:  []find{{`ordinary space before ";" should be a narrow no-break space (U+202F)`, "partenaires", "  "}},
			fixed: "Merci à nos partenaires\u202f; la réunion continue."},

		// French traps.
		{name: "times, scores and ratios", lang: "fr", title: "Horaires",
			body: []string{"La réunion a commencé à 17:06 et le match s’est terminé sur le score de 1:0, soit un rapport de 3:1."}},
		{name: "URL", lang: "fr", title: "Lien",
			body: []string{"Le communiqué est en ligne sur https://www.nato.int/cps/fr/natohq/news.htm?selectedLocale=fr et sur www.otan.int!"}},
		{name: "HTML entity", lang: "fr", title: "Entreprises",
			body: []string{"Des entreprises comme Procter &amp; Gamble ont participé."}},
		{name: "closing guillemet at the start of a text", lang: "fr", title: "Suite",
			body: []string{"» a ajouté le secrétaire général."}},
		{name: "proper spaces", lang: "fr", title: "Invités",
			body: []string{"Les «\u00a0invités\u00a0» ont dit\u202f: «\u00a0Merci\u202f! Et maintenant\u202f?\u00a0» Puis\u00a0; enfin\u202f!"}},
		{name: "English caption in a French record", lang: "fr", title: "Sommet",
			body: []string{"View of the room: the leaders of the Alliance and its partners!"}},
		{name: "quoted English keeps its typography, not the guillemets", lang: "fr", title: "Slogan",
			body:  []string{"Le slogan « Yes we can!» a été repris: il a plu."},
			want:  []find{{"missing no-break space before »", "can!", "»"}, {`missing no-break space before ":"`, "repris", ":"}},
			fixed: "Le slogan « Yes we can! » a été repris : il a plu."},
		{name: "a long English quotation does not make the text English", lang: "fr", title: "Déclaration",
			body:  []string{"«\u00a0We will stand by our partners, and we will not abandon them!» a-t-il dit."},
			want:  []find{{"missing no-break space before »", "them!", "»"}},
			fixed: "«\u00a0We will stand by our partners, and we will not abandon them!\u00a0» a-t-il dit."},
		{name: "question mark in parentheses", lang: "fr", title: "Chiffres",
			body: []string{"Le chiffre (?) reste incertain [!]."}},
		{name: "a mark right after an ellipsis", lang: "fr", title: "Surprise",
			body: []string{"Vraiment…? Personne ne l’attendait… Et pourtant...! Il est revenu."}},
		{name: "smileys", lang: "fr", title: "Réseaux sociaux",
			body: []string{"« Enfin une bonne nouvelle :-) », « Quelle tristesse :'( », « Bien joué ;) »."}},
		{name: "code is not prose", lang: "fr", title: "Outil",
			body: []string{
				"Le code d’analyse s’appelle exo_fit.run(config: dict) et l’option `strict: true` le rend plus sévère.",
				"La boucle for (i=0; i<n; i++) parcourt les candidat(e)s: tous.",
			},
			want:  []find{{`missing no-break space before ":"`, "candidat(e)s", ":"}},
			fixed: "Le code d’analyse s’appelle exo_fit.run(config: dict) et l’option `strict: true` le rend plus sévère."},
		{name: "English slogan in guillemets", lang: "fr", title: "Campagne",
			body:  []string{"Il a repris le slogan « Make America great again! » puis « Bravo! »."},
			want:  []find{{`missing narrow no-break space before "!"`, "Bravo", "!"}},
			fixed: "Il a repris le slogan « Make America great again! » puis « Bravo ! »."},
		{name: "Swiss French: no space before ; ! ? is the usual practice", lang: "fr-CH", title: "Votations",
			body: []string{"Le oui l’emporte; la participation atteint 47%! Qui l’eût cru? Le Conseil fédéral: satisfait. «Oui»."},
			want: []find{
				{`missing no-break space before ":"`, "Le Conseil fédéral", ":"},
				{"missing no-break space after «", "satisfait. ", "«"},
				{"missing no-break space before »", "«Oui", "»"},
			},
			fixed: "Le oui l’emporte; la participation atteint 47%! Qui l’eût cru? Le Conseil fédéral : satisfait. « Oui »."},
		{name: "Swiss French: an ordinary space still breaks", lang: "fr-CH", title: "Votations",
			body:  []string{"Le oui l’emporte ; la participation est forte."},
			want:  []find{{`ordinary space before ";" should be a narrow no-break space (U+202F)`, "emporte", " "}},
			fixed: "Le oui l’emporte ; la participation est forte."},
		{name: "no-break space as an HTML entity", lang: "fr", title: "Note",
			body: []string{"Note&nbsp;: le texte vient d’un CMS. Vraiment&#8239;?"}},
		{name: "English titles and brand names", lang: "fr", title: "Cinéma",
			body: []string{"Après « Star Wars: The Last Jedi » et « Mission: Impossible », Yahoo! a publié le classement. Le Comte de Monte-Cristo! Attention! Les fans arrivent."},
			want: []find{
				{`missing narrow no-break space before "!"`, "Monte-Cristo", "!"},
				{`missing narrow no-break space before "!"`, "Attention", "!"},
			},
			fixed: "Après « Star Wars: The Last Jedi » et « Mission: Impossible », Yahoo! a publié le classement. Le Comte de Monte-Cristo ! Attention ! Les fans arrivent."},
		{name: "an elided word before a quotation has an apostrophe", lang: "fr", title: "Sommet de l’OTAN",
			body: []string{"Le ministre a estimé qu'«\u00a0aucun pays ne doit rester seul\u00a0» et parlé d’«\u00a0étape\u00a0» à l’issue du sommet."},
			want: []find{
				{"straight apostrophe in a record that uses ’ (1 straight, 3 typographic)", "estimé qu", "'"},
			},
			fixed: "Le ministre a estimé qu’«\u00a0aucun pays ne doit rester seul\u00a0» et parlé d’«\u00a0étape\u00a0» à l’issue du sommet."},
		{name: "English title in title case without quotation marks", lang: "fr", title: "Cinéma",
			body: []string{"La comédie musicale Mamma Mia! Here We Go Again sort mercredi. Quelle surprise! Le public suit. Incroyable! Emmanuel Macron y était."},
			want: []find{
				{`missing narrow no-break space before "!"`, "surprise", "!"},
				{`missing narrow no-break space before "!"`, "Incroyable", "!"},
			},
			fixed: "La comédie musicale Mamma Mia! Here We Go Again sort mercredi. Quelle surprise\u202f! Le public suit. Incroyable\u202f! Emmanuel Macron y était."},
		{name: "French titles in guillemets keep French spacing", lang: "fr", title: "Cinéma",
			body:  []string{"Le film « Astérix: le secret de la potion magique » sort mercredi."},
			want:  []find{{`missing no-break space before ":"`, "Astérix", ":"}},
			fixed: "Le film « Astérix : le secret de la potion magique » sort mercredi."},
		{name: "English record needs no spaces", lang: "en", title: "Note",
			body: []string{"Note: this applies to all partners; see below! Why? Because \u201cwe said so.\u201d",
				"Paris called it «une étape majeure» and « a major step »: a 3:1 vote at 10:00."}},

		// Apostrophes.
		{name: "straight apostrophe in a curly record", lang: "fr", title: "Les dirigeants de l’OTAN",
			body:  []string{"Les chefs d’État ont rencontré ceux de l'OTAN et d’autres pays."},
			want:  []find{{"straight apostrophe in a record that uses ’ (1 straight, 3 typographic)", "de l", "'"}},
			fixed: "Les chefs d’État ont rencontré ceux de l’OTAN et d’autres pays."},
		{name: "typographic apostrophe in a straight record", lang: "fr", title: "Les dirigeants de l'OTAN",
			body:  []string{"Les chefs d'État ont rencontré ceux de l’OTAN et d'autres pays."},
			want:  []find{{"typographic apostrophe in a record that uses ' (3 straight, 1 typographic)", "ceux de l", "’"}},
			fixed: "Les chefs d'État ont rencontré ceux de l'OTAN et d'autres pays."},
		{name: "tie: the straight ones", lang: "en", title: "Partners",
			body:  []string{"The Alliance’s partners don't all agree."},
			want:  []find{{"straight apostrophe in a record that uses ’ (1 straight, 1 typographic)", "don", "'"}},
			fixed: "The Alliance’s partners don’t all agree."},
		{name: "only straight apostrophes", lang: "fr", title: "Les dirigeants de l'OTAN",
			body: []string{"Aujourd'hui, les chefs d'État ont rencontré ceux de l'OTAN."}},
		{name: "an apostrophe in a URL is not counted", lang: "fr", title: "La Côte d’Ivoire",
			body: []string{"Voir https://fr.wikipedia.org/wiki/Côte_d'Ivoire pour l’histoire du pays."}},
		{name: "straight quotation marks are not apostrophes", lang: "en", title: "Partners’ day",
			body: []string{"The word 'partner' isn’t new, and the partners' view is clear."}},

		// English double quotes.
		{name: "straight quotes in a curly record", lang: "en", title: "Summit",
			body: []string{
				"\u201cWe thank our partners,\u201d the Secretary General said. \u201cThey help.\u201d",
				"He added: \"We can do more.\"",
			},
			want: []find{
				{"straight double quote in a record that uses “ ” (2 straight, 4 curly)", "added: ", `\"`},
				{"straight double quote in a record that uses “ ” (2 straight, 4 curly)", "more.", `\"`},
			}},
		{name: "curly quotes in a straight record", lang: "en", title: "Summit",
			body: []string{
				"\"We thank our partners,\" the Secretary General said. \"They help.\"",
				"He added: \u201cWe can do more.\u201d",
			},
			want: []find{
				{"curly double quote in a record that uses straight ones (4 straight, 2 curly)", "added: ", "\u201c"},
				{"curly double quote in a record that uses straight ones (4 straight, 2 curly)", "more.", "\u201d"},
			}},
		{name: "inch marks are not quotes", lang: "en", title: "Screens",
			body: []string{"The \u201csmart\u201d room had a 12\" screen and a 5'10\" lectern."}},
		{name: "markup quotes are not quotes", lang: "en", title: "Links",
			body: []string{"The \u201cfull text\u201d is <a href=\"https://www.nato.int/\">online</a>."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			content := record(t, tt.lang, tt.title, tt.body...)
			diags := lint(t, rules.NewFile("a.json", content, rules.FormatJSON))
			if len(diags) != len(tt.want) {
				for _, d := range diags {
					t.Logf("got %q at %q", d.Message, content[d.Span.Start:d.Span.End])
				}
				t.Fatalf("%d findings, want %d", len(diags), len(tt.want))
			}
			for k, w := range tt.want {
				d := diags[k]
				ctx := w.before + w.span
				at := bytes.Index(content, []byte(ctx))
				if at < 0 {
					t.Fatalf("test bug: %q not in the record", ctx)
				}
				want := rules.Span{Start: at + len(w.before), End: at + len(ctx)}
				if d.Message != w.msg || d.Span != want {
					t.Errorf("finding %d: %q at %v (%q)\nwant      %q at %v", k, d.Message, d.Span, content[d.Span.Start:d.Span.End], w.msg, want)
				}
			}
			fixed := applyFixes(t, content, diags)
			var rec struct{ Body []string }
			if err := json.Unmarshal(fixed, &rec); err != nil {
				t.Fatalf("fixed record is not JSON: %v\n%s", err, fixed)
			}
			if tt.fixed != "" && rec.Body[0] != tt.fixed {
				t.Errorf("fixed paragraph\n got %q\nwant %q", rec.Body[0], tt.fixed)
			}
			if again := lint(t, rules.NewFile("a.json", fixed, rules.FormatJSON)); len(again) != 0 {
				t.Errorf("after the fixes, %d findings remain: %q", len(again), again[0].Message)
			}
		})
	}
}

// TestSeed pins the seed's findings, in both of its forms, and checks that
// applying their fixes leaves a record that parses and has none.
func TestSeed(t *testing.T) {
	want := []string{ // spacing findings first, then the apostrophes
		"missing no-break space before » in: action d'une manière bien différente,|»| a déclaré",
		`ordinary space before ";" should be a narrow no-break space (U+202F) in: nos remerciements à tous nos partenaires| |; la réunion`,
		"straight apostrophe ' in: Nos partenaires partagent tous le souhait qu|'|a l'OTAN",
		"straight apostrophe ' in: partagent tous le souhait qu'a l|'|OTAN de bâtir",
		"straight apostrophe ' in: contribue à notre action d|'|une manière",
		"straight apostrophe ' in: partenaires ; la réunion d|'|aujourd'hui",
		"straight apostrophe ' in: la réunion d'aujourd|'|hui était",
		"straight apostrophe ' in: une étape vers l|'|amélioration",
		"straight apostrophe ' in: unique en son genre qu|'|est le nôtre",
		"straight apostrophe ' in: défis à relever ne connaissent pas de frontières, c|'|est ensemble",
	}
	for _, tc := range []struct {
		path   string
		format rules.Format
	}{
		{"../../testdata/records/nato-chicago-partners-2012.fr.json", rules.FormatJSON},
		{"../../testdata/records/nato-chicago-partners-2012.fr.yaml", rules.FormatYAML},
	} {
		t.Run(tc.path[strings.LastIndex(tc.path, ".")+1:], func(t *testing.T) {
			content, err := os.ReadFile(tc.path)
			if err != nil {
				t.Fatal(err)
			}
			diags := lint(t, rules.NewFile(tc.path, content, tc.format))
			if len(diags) != len(want) {
				for _, d := range diags {
					t.Logf("got %q", d.Message)
				}
				t.Fatalf("%d findings, want %d", len(diags), len(want))
			}
			// The record's decoded texts, to check each span in context.
			res := load.Parse(rules.NewFile(tc.path, content, tc.format), load.Limits{})
			for k, d := range diags {
				var ctx string
				for _, txt := range res.Records[0].Texts() {
					if txt.Pointer() != d.Pointer {
						continue
					}
					s := txt.Value()
					for i := 0; i <= len(s); i++ {
						for j := i; j <= len(s) && j <= i+3; j++ {
							if txt.Span(i, j) == d.Span && j > i {
								ctx = contextOf(s, i, j, want[k])
							}
						}
					}
				}
				msg := d.Message
				if strings.HasPrefix(msg, "straight apostrophe in a record that uses ’ (8 straight, 29 typographic)") {
					msg = "straight apostrophe '"
				}
				if got := msg + " in: " + ctx; got != want[k] {
					t.Errorf("finding %d:\n got %s\nwant %s", k, got, want[k])
				}
			}
			fixed := applyFixes(t, content, diags)
			if again := lint(t, rules.NewFile(tc.path, fixed, tc.format)); len(again) != 0 {
				t.Errorf("after the fixes, %d findings remain: %q", len(again), again[0].Message)
			}
		})
	}
}

// contextOf shows s[i:j] between bars with as much context as want has.
func contextOf(s string, i, j int, want string) string {
	w := want[strings.Index(want, " in: ")+len(" in: "):]
	bar := strings.Index(w, "|")
	end := strings.LastIndex(w, "|")
	a, b := i-bar, j+len(w)-end-1
	if a < 0 || b > len(s) {
		return fmt.Sprintf("[%d:%d]", i, j)
	}
	return s[a:i] + "|" + s[i:j] + "|" + s[j:b]
}

func BenchmarkTypographySeed(b *testing.B) {
	data, err := os.ReadFile("../../testdata/records/nato-chicago-partners-2012.fr.json")
	if err != nil {
		b.Fatal(err)
	}
	rec := ruletest.ParseOne(b, data)
	ruletest.Bench(b, Rule, rec, 10)
}

// TestYAMLFixes checks fixes in YAML styles: a space that is a line fold,
// a single-quoted apostrophe, and a quote at the start of a plain scalar,
// which gets no fix since the scalar would turn into a quoted one.
func TestYAMLFixes(t *testing.T) {
	content := []byte("id: a\nlang: fr\ntitle: 'Le sommet de l’OTAN'\nbody:\n" +
		"  - >-\n    Le maire a résumé l’enjeu en une phrase\n    : « Nous investissons. »\n" +
		"  - 'L''OTAN s’est réunie et l’Alliance a remercié ses partenaires.'\n")
	diags := lint(t, rules.NewFile("a.yaml", content, rules.FormatYAML))
	var got []string
	for _, d := range diags {
		got = append(got, fmt.Sprintf("%s %q", d.Message, content[d.Span.Start:d.Span.End]))
	}
	want := []string{
		`ordinary space before ":" should be a no-break space (U+00A0) "\n    "`,
		`ordinary space after « should be a no-break space (U+00A0) " "`,
		`ordinary space before » should be a no-break space (U+00A0) " "`,
		`straight apostrophe in a record that uses ’ (1 straight, 4 typographic) "''"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	fixed := applyFixes(t, content, diags)
	if again := lint(t, rules.NewFile("a.yaml", fixed, rules.FormatYAML)); len(again) != 0 {
		t.Errorf("after the fixes, %d findings remain: %q\n%s", len(again), again[0].Message, fixed)
	}

	plain := []byte("id: a\nlang: en\ntitle: The \"plan\" is \"balanced\"\nbody:\n  - “We will see” said a councillor.\n")
	diags = lint(t, rules.NewFile("b.yaml", plain, rules.FormatYAML))
	if len(diags) != 2 {
		t.Fatalf("%d findings, want 2", len(diags))
	}
	if len(diags[0].Fixes) != 0 || len(diags[1].Fixes) != 1 {
		t.Errorf("fixes: %d and %d, want none for the quote that starts the plain scalar and one for the other", len(diags[0].Fixes), len(diags[1].Fixes))
	}
}

func TestUnspacedRegion(t *testing.T) {
	for tag, want := range map[string]bool{
		"fr-CH": true, "fr_ch": true, "fr-Latn-CH": true, "fr-CA": true,
		"fr": false, "fr-FR": false, "fr-BE": false, "en-CA": false, "de-CH": false, "fr-CHE": false,
	} {
		if got := unspacedRegion(tag); got != want {
			t.Errorf("unspacedRegion(%q) = %v, want %v", tag, got, want)
		}
	}
}

// TestApostrophesOption: "typographic" reports every straight apostrophe,
// even in a record that uses no other form; "consistent" (the default)
// reports none there; anything else is an error.
func TestApostrophesOption(t *testing.T) {
	content := `{"id": "a", "lang": "fr", "title": "Sommet de l'OTAN",
  "body": ["Le secrétaire général s'est félicité de l'accord."]}`
	rec := ruletest.ParseOne(t, []byte(content))
	if got := ruletest.Run(t, Rule, rec, nil); len(got) != 0 {
		t.Errorf("default: %d findings in a record of straight apostrophes only, want 0", len(got))
	}
	got := ruletest.Run(t, Rule, rec, map[string]any{"apostrophes": "typographic"})
	want := []string{"l'OTAN", "s'est", "l'accord"}
	if len(got) != len(want) {
		t.Fatalf("typographic: %d findings, want %d", len(got), len(want))
	}
	for k, d := range got {
		at := strings.Index(content, want[k]) + 1
		if d.Span != (rules.Span{Start: at, End: at + 1}) {
			t.Errorf("finding %d at %v, want the apostrophe of %q at %d", k, d.Span, want[k], at)
		}
		if d.Message != "straight apostrophe: the typographic form is ’ (3 straight, 0 typographic in this record)" {
			t.Errorf("finding %d: message %q", k, d.Message)
		}
		if len(d.Fixes) != 1 || d.Fixes[0].Edits[0].NewText != "’" {
			t.Errorf("finding %d (%s): fixes %+v, want one to ’", k, want[k], d.Fixes)
		}
	}
	pass := rules.NewPass(Rule, rec, ruletest.Prepare(t, Rule, rec), map[string]any{"apostrophes": "curly"}, func(rules.Diagnostic) {})
	if _, err := Rule.Run(pass); err == nil || err.Error() != `option apostrophes: "curly" is neither "consistent" nor "typographic"` {
		t.Errorf("apostrophes: curly gave error %v", err)
	}
}

// TestNextApostropheCandidate: the first ' or 0xE2 at or after i, as a
// loop over every byte finds it, whatever the text.
func TestNextApostropheCandidate(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alphabet := []string{"a", "'", "’", "—", " ", "é", "\u202f"}
	for range 2000 {
		var b strings.Builder
		for range rng.Intn(30) {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		s := b.String()
		for i := 0; i < len(s); i++ {
			want := -1
			for j := i; j < len(s); j++ {
				if s[j] == '\'' || s[j] == 0xE2 {
					want = j
					break
				}
			}
			if got := nextApostropheCandidate(s, i); got != want {
				t.Fatalf("nextApostropheCandidate(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}

// TestAfterURLCharEqualsRuneLoop: afterURLChar's ASCII look-ups answer as
// decoding every letter back did.
func TestAfterURLCharEqualsRuneLoop(t *testing.T) {
	ref := func(s string, i int) bool {
		k := i
		for k > 0 {
			r, n := utf8.DecodeLastRuneInString(s[:k])
			if !unicode.IsLetter(r) {
				break
			}
			k -= n
		}
		return k > 0 && strings.IndexByte("/_.-=?&#%+:~", s[k-1]) >= 0
	}
	rng := rand.New(rand.NewSource(1))
	alphabet := []string{"a", "Z", "é", "’", "/", "_", "@", "[", "`", "{", " ", ".", "\xc3"}
	for range 5000 {
		var b strings.Builder
		for range rng.Intn(12) {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		s := b.String()
		for i := range len(s) + 1 {
			if got, want := afterURLChar(s, i), ref(s, i); got != want {
				t.Fatalf("afterURLChar(%q, %d) = %v, want %v", s, i, got, want)
			}
		}
	}
}
