package suppress

import (
	"fmt"
	"strings"
	"testing"

	"github.com/artlint/artlint/internal/load"
	"github.com/artlint/artlint/internal/report"
	"github.com/artlint/artlint/rules"
	_ "github.com/artlint/artlint/rules/builtin" // rule ids the suppressions name
)

func TestBelow(t *testing.T) {
	for _, c := range []struct {
		pointer, pattern string
		want             bool
	}{
		{"/body/1", "/body/1", true},
		{"/body/1/text", "/body/1", true},
		{"/body/10", "/body/1", false}, // tokens, not string prefixes
		{"/body", "/body/1", false},
		{"/body/4/text", "/body/*/text", true},
		{"/body/4/speaker", "/body/*/text", false},
		{"/title", "", true},
		{"/a~1b/0", "/a~1b", true},
	} {
		if got := below(c.pointer, tokens(c.pattern)); got != c.want {
			t.Errorf("below(%q, %q) = %v, want %v", c.pointer, c.pattern, got, c.want)
		}
	}
}

// finding makes a finding of rule at the first occurrence of at in f.
func finding(t *testing.T, f *rules.File, rule, at, pointer string) report.Finding {
	t.Helper()
	off := strings.Index(string(f.Content), at)
	if off < 0 {
		t.Fatalf("%q not in the file", at)
	}
	line, col := f.Position(off)
	return report.Finding{RuleID: rule, Message: "m", Location: report.Location{Path: f.Path, Line: line, Column: col, Span: rules.Span{Start: off, End: off + len(at)}, Pointer: pointer}}
}

func apply(t *testing.T, name, content string, at [][3]string) ([]report.Finding, []string) {
	t.Helper()
	format, _ := load.FormatOf(name)
	f := rules.NewFile(name, []byte(content), format)
	parsed := load.Parse(f, load.Limits{})
	if len(parsed.Errors) > 0 {
		t.Fatalf("parse: %v", parsed.Errors[0])
	}
	var fs []report.Finding
	for _, a := range at {
		fs = append(fs, finding(t, f, a[0], a[1], a[2]))
	}
	probs := Apply(f, parsed.Records, fs, func(*rules.Record, string) bool { return true })
	var ps []string
	for _, p := range probs {
		line, col := f.Position(p.Diag.Span.Start)
		ps = append(ps, fmt.Sprintf("%d:%d %s", line, col, p.Diag.Message))
	}
	return fs, ps
}

// TestCommentsCRLFAndHashInText: comments are found in a CRLF file; a "#"
// inside a quoted scalar or glued to a word is text.
func TestCommentsCRLFAndHashInText(t *testing.T) {
	yaml := strings.ReplaceAll(`id: depeche-2012-05-21
lang: fr
title: "Sommet #2 # artlint-disable-line typography"
body:
  # artlint-disable-next-line typography -- dépêche d’agence
  - Attention! Le sommet se termine.
  - Nº#1 des ventes# artlint-disable-line typography
  - Fin du sommet; les délégations repartent. # artlint-disable-line empty-text
`, "\n", "\r\n")
	fs, probs := apply(t, "d.yaml", yaml, [][3]string{
		{"typography", "Sommet #2", "/title"},
		{"typography", "Attention!", "/body/0"},
		{"typography", "Nº#1", "/body/1"},
		{"typography", "sommet;", "/body/2"},
	})
	var sup []string
	for _, f := range fs {
		sup = append(sup, fmt.Sprint(len(f.Suppressions)))
	}
	if got := strings.Join(sup, ","); got != "0,1,0,0" {
		t.Errorf("suppressions per finding: %s, want 0,1,0,0", got)
	}
	if len(fs[1].Suppressions) == 1 && fs[1].Suppressions[0] != (report.Suppression{Kind: "inSource", Justification: "dépêche d’agence"}) {
		t.Errorf("suppression: %+v", fs[1].Suppressions[0])
	}
	want := "8:70 artlint-disable-line: empty-text reports nothing on line 8; remove the suppression"
	if strings.Join(probs, "\n") != want {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(probs, "\n"), want)
	}
}

// TestDirectiveWithoutRuleAndAtEnd: a directive that names no rule, and
// one with no line after it, are reported.
func TestDirectiveWithoutRuleAndAtEnd(t *testing.T) {
	_, probs := apply(t, "d.yaml", `id: breve
lang: fr
title: Brève
body:
  # artlint-disable-next-line -- sans règle
  - Le conseil a voté le budget.
# artlint-disable-next-line typography
`, nil)
	want := []string{
		`5:5 artlint-disable-next-line names no rule: write "# artlint-disable-next-line rule-id -- reason"`,
		"7:29 artlint-disable-next-line: no line follows the comment",
	}
	if strings.Join(probs, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(probs, "\n"), strings.Join(want, "\n"))
	}
}

// TestJSONHasNoComments: in JSON, text that looks like a directive is a
// string like any other.
func TestJSONHasNoComments(t *testing.T) {
	fs, probs := apply(t, "a.json", `{"id": "a", "lang": "fr", "title": "Titre",
 "body": ["# artlint-disable-line typography", "Attention! Fin."]}`, [][3]string{{"typography", "Attention!", "/body/1"}})
	if len(probs) != 0 || len(fs[0].Suppressions) != 0 {
		t.Errorf("problems %v, suppressions %v", probs, fs[0].Suppressions)
	}
}

// TestRuleThatDidNotRun: a suppression of a rule that did not run on the
// record is not reported as unused; an unknown rule always is.
func TestRuleThatDidNotRun(t *testing.T) {
	f := rules.NewFile("a.json", []byte(`{"id": "a", "lang": "de", "title": "Titel", "body": ["Text."],
 "x": {"artlint": {"disable": ["typography", "typografie"]}}}`), rules.FormatJSON)
	parsed := load.Parse(f, load.Limits{})
	ran := func(rec *rules.Record, id string) bool { return rec.Lang() != "de" }
	probs := Apply(f, parsed.Records, nil, ran)
	if len(probs) != 1 || probs[0].Diag.Message != `x.artlint.disable: unknown rule "typografie"` {
		t.Errorf("problems: %+v", probs)
	}
}
