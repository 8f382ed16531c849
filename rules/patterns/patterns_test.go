package patterns

import (
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/artlint/artlint/internal/fix"
	"github.com/artlint/artlint/internal/load"
	"github.com/artlint/artlint/rules"
)

// found is a diagnostic as the tests compare it: pointer, the exact file
// bytes it covers, its message and the fix's new text (if any).
type found struct{ ptr, at, msg, fix string }

func run(t *testing.T, s Spec, name, content string) ([]found, []rules.Diagnostic, *rules.File) {
	t.Helper()
	r, err := Compile(s)
	if err != nil {
		t.Fatal(err)
	}
	format, _ := load.FormatOf(name)
	f := rules.NewFile(name, []byte(content), format)
	res := load.Parse(f, load.Limits{})
	if len(res.Errors) > 0 || len(res.Records) != 1 {
		t.Fatalf("parse: %v", res.Errors)
	}
	var diags []rules.Diagnostic
	if _, err := r.Run(rules.NewPass(r, res.Records[0], nil, nil, func(d rules.Diagnostic) { diags = append(diags, d) })); err != nil {
		t.Fatal(err)
	}
	var out []found
	for _, d := range diags {
		fd := found{ptr: d.Pointer, at: content[d.Span.Start:d.Span.End], msg: d.Message}
		if len(d.Fixes) > 0 {
			fd.fix = d.Fixes[0].Edits[0].NewText
		}
		out = append(out, fd)
	}
	return out, diags, f
}

func check(t *testing.T, got, want []found) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

const frRecord = `{
  "id": "otan-partenaires",
  "lang": "fr",
  "title": "L’OTAN et l’ex-Yougoslavie",
  "body": [
    "Les ministres ont rencontré leurs homologues de l’ex\u2011République yougoslave de Macédoine¹ et de Bosnie-Herzégovine.",
    "Plus tard, l’ex\u2011République yougoslave de Macédoine a été citée sans note ; on parle aussi de l'ex-Yougoslavie et de l’ex-yougoslavie.",
    {"type": "quote", "text": "Le Secrétaire général Fogh-Rasmussen a salué les partenaires.", "speaker": "Anders Fogh Rasmussen"}
  ],
  "footnotes": [{"id": "1", "text": "La Turquie reconnaît la République de Macédoine sous son nom constitutionnel."}]
}`

func TestExistenceFrench(t *testing.T) {
	s := Spec{ID: "ex-yougoslavie", Kind: Existence, Message: "« %s » : préférer le nom précis du pays", Level: rules.LevelWarning,
		Tokens: []string{"ex-Yougoslavie"}, WordBoundary: true}
	got, _, _ := run(t, s, "a.json", frRecord)
	// Case-sensitive by default: "ex-yougoslavie" is left alone; the
	// straight and the curly apostrophe both precede a match.
	check(t, got, []found{
		{"/title", "ex-Yougoslavie", "« ex-Yougoslavie » : préférer le nom précis du pays", ""},
		{"/body/1", "ex-Yougoslavie", "« ex-Yougoslavie » : préférer le nom précis du pays", ""},
	})
	s.CaseInsensitive = true
	s.Fields = []string{"/body/*"}
	got, _, _ = run(t, s, "a.json", frRecord)
	check(t, got, []found{
		{"/body/1", "ex-Yougoslavie", "« ex-Yougoslavie » : préférer le nom précis du pays", ""},
		{"/body/1", "ex-yougoslavie", "« ex-yougoslavie » : préférer le nom précis du pays", ""},
	})
}

func TestExistenceWordBoundaryAndCompounds(t *testing.T) {
	s := Spec{ID: "yougoslavie", Kind: Existence, Message: "%s", Tokens: []string{"Yougoslavie"}, WordBoundary: true, CaseInsensitive: true}
	got, _, _ := run(t, s, "a.json", frRecord)
	check(t, got, nil) // only inside "ex-Yougoslavie" and "yougoslave"
	s.WordBoundary = false
	got, _, _ = run(t, s, "a.json", frRecord)
	if len(got) != 3 {
		t.Errorf("without word boundaries: %d matches, want 3: %q", len(got), got)
	}
}

// A term written with a plain hyphen and space matches the non-breaking
// hyphen (U+2011) of the text, and the span covers its three bytes.
func TestRequiredAfterFootnote(t *testing.T) {
	s := Spec{ID: "arym-note", Kind: Required, Message: "« %s » doit être suivi de l’appel de note sur la Turquie", Level: rules.LevelError,
		When: []string{"ex-République yougoslave de Macédoine"}, Require: []string{`[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\^[^\]]+\]`}, Regex: true, After: true, WordBoundary: true}
	got, _, _ := run(t, s, "a.json", frRecord)
	check(t, got, []found{
		{"/body/1", `ex\u2011République yougoslave de Macédoine`, "« ex\u2011République yougoslave de Macédoine » doit être suivi de l’appel de note sur la Turquie", ""},
	})
}

func TestRequiredInRecordEnglish(t *testing.T) {
	const en = `id: lisbon
lang: en
title: NATO leaders meet in Lisbon
body:
  - >-
    The leaders of NATO agreed a new Strategic
    Concept.
  - NATO's partners joined them.
`
	s := Spec{ID: "nato-spelled-out", Kind: Required, Message: "spell out %s once: North Atlantic Treaty Organization",
		When: []string{"NATO"}, Require: []string{"North Atlantic Treaty Organization"}, WordBoundary: true}
	got, _, _ := run(t, s, "a.yaml", en)
	// One finding per record, at the first occurrence.
	check(t, got, []found{{"/title", "NATO", "spell out NATO once: North Atlantic Treaty Organization", ""}})
	fixed := en[:len("id: lisbon\nlang: en\ntitle: ")] + "North Atlantic Treaty Organization (NATO) leaders meet in Lisbon" + en[len("id: lisbon\nlang: en\ntitle: NATO leaders meet in Lisbon"):]
	got, _, _ = run(t, s, "a.yaml", fixed)
	check(t, got, nil)
}

func TestSubstitutionFixes(t *testing.T) {
	s := Spec{ID: "fogh-rasmussen", Kind: Substitution, Message: "écrire « %s » et non « %s »", Level: rules.LevelWarning,
		Swap: []Swap{{"Fogh-Rasmussen", "Fogh Rasmussen"}, {"Secrétaire général", "secrétaire général"}}, WordBoundary: true}
	got, diags, f := run(t, s, "a.json", frRecord)
	check(t, got, []found{
		{"/body/2/text", "Secrétaire général", "écrire « secrétaire général » et non « Secrétaire général »", "secrétaire général"},
		{"/body/2/text", "Fogh-Rasmussen", "écrire « Fogh Rasmussen » et non « Fogh-Rasmussen »", "Fogh Rasmussen"},
	})
	var edits []fix.Edit
	for _, d := range diags {
		e := d.Fixes[0].Edits[0]
		edits = append(edits, fix.Edit{Start: e.Span.Start, End: e.Span.End, NewText: e.NewText})
	}
	out, err := fix.Apply(f.Content, edits)
	if err != nil {
		t.Fatal(err)
	}
	got2, _, _ := run(t, s, "a.json", string(out))
	check(t, got2, nil)
}

// An apostrophe swap: the folded match finds both forms, and the text
// already right is not reported.
func TestSubstitutionApostropheAndCase(t *testing.T) {
	const en = `{"id": "a", "lang": "en", "title": "Allies' summit", "body": ["E-mail the press office; today’s e-mail said \"NATO's\" twice."]}`
	s := Spec{ID: "email", Kind: Substitution, Message: "use %s, not %s", CaseInsensitive: true, WordBoundary: true,
		Swap: []Swap{{"e-mail", "email"}, {"NATO's", "NATO’s"}}}
	got, _, _ := run(t, s, "a.json", en)
	check(t, got, []found{
		{"/body/0", "E-mail", "use Email, not E-mail", "Email"},
		{"/body/0", "e-mail", "use email, not e-mail", "email"},
		{"/body/0", "NATO's", "use NATO’s, not NATO's", "NATO’s"},
	})
}

// Text in a YAML folded scalar: the match crosses a line break, and a
// no-break space in the text matches a space in the term.
func TestMatchAcrossLineAndNoBreakSpace(t *testing.T) {
	const y = "id: a\nlang: fr\ntitle: Sommet\nbody:\n  - >-\n    Le secrétaire général, M. Anders Fogh\n    Rasmussen, a parlé ; M.\u00a0Fogh-Rasmussen aussi.\n"
	s := Spec{ID: "afr", Kind: Existence, Message: "%s", Tokens: []string{"Fogh Rasmussen", "M. Fogh-Rasmussen"}, WordBoundary: true}
	got, _, _ := run(t, s, "a.yaml", y)
	check(t, got, []found{
		{"/body/0", "Fogh\n    Rasmussen", "Fogh Rasmussen", ""},
		{"/body/0", "M.\u00a0Fogh-Rasmussen", "M.\u00a0Fogh-Rasmussen", ""},
	})
}

// Decomposed text (NFD) still matches a composed term, and the span covers
// the combining mark.
func TestDecomposedText(t *testing.T) {
	const j = "{\"id\": \"a\", \"lang\": \"fr\", \"title\": \"Mace\u0301doine\", \"body\": [\"x\"]}"
	s := Spec{ID: "m", Kind: Existence, Message: "%s", Tokens: []string{"Macédoine"}, WordBoundary: true}
	got, _, _ := run(t, s, "a.json", j)
	check(t, got, []found{{"/title", "Mace\u0301doine", "Mace\u0301doine", ""}})
}

func TestCompileErrors(t *testing.T) {
	_, err := Compile(Spec{ID: "x", Kind: Existence, Message: "m", Tokens: []string{"ok", "(unclosed"}, Regex: true})
	var te *TermError
	if !errors.As(err, &te) || te.List != "tokens" || te.Index != 1 {
		t.Fatalf("got %v, want a TermError on tokens[1]", err)
	}
	if _, err := Compile(Spec{ID: "x", Kind: "nope", Message: "m"}); err == nil {
		t.Error("unknown kind compiled")
	}
}

func TestFormat(t *testing.T) {
	for _, c := range []struct{ msg, want string }{
		{"use %s, not %s", "use a, not b"},
		{"100%% sure about %s", "100% sure about a"},
		{"no verb", "no verb"},
		{"%s %s %s", "a b "},
	} {
		if got := format(c.msg, "a", "b"); got != c.want {
			t.Errorf("format(%q) = %q, want %q", c.msg, got, c.want)
		}
	}
}

func ExampleCompile() {
	r, _ := Compile(Spec{ID: "ex-yougoslavie", Kind: Existence, Message: "préférer le nom précis du pays à « %s »", Tokens: []string{"ex-Yougoslavie"}, Source: ".artlint.yaml"})
	fmt.Println(r.Title)
	fmt.Println(r.Doc)
	// Output:
	// préférer le nom précis du pays à « … »
	// Flags `ex-Yougoslavie`. Pattern rule (existence) defined in .artlint.yaml.
}
