package rules_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/artlint/artlint/internal/engine"
	"github.com/artlint/artlint/internal/fix"
	"github.com/artlint/artlint/internal/load"
	"github.com/artlint/artlint/internal/report"
	"github.com/artlint/artlint/internal/schemas"
	"github.com/artlint/artlint/rules"
	_ "github.com/artlint/artlint/rules/builtin"
)

// FuzzRules runs every registered rule (rules.All(), so rules added later
// are fuzzed too) on fuzzed text placed in every text field of an
// otherwise valid record, written as JSON or YAML, in French or English.
// It fails when a rule panics or errs (the engine turns that into a
// notification), when a finding, related location or fix edit lies
// outside the file or outside the value its pointer names, and when
// applying the fixes would give a file that no longer parses.
func FuzzRules(f *testing.F) {
	for _, s := range []string{
		"Les chefs d’État de treize pays partenaires ont rencontré M. Anders Fogh Rasmussen à Chicago.",
		"« Nos partenaires partagent tous le souhait qu'a l'OTAN de bâtir la sécurité », a déclaré le secrétaire général.",
		"Ces cinq pays : l’Australie, le Japon, la Suède, la Suisse et le Qatar.",
		"Macédoine¹ et[^note] l’ex-République yougoslave ; Bosnie‑Herzégovine !",
		"\"We will stay,\" said Rasmussen. The four leaders — Obama, Cameron, Merkel, Hollande — met 12 partners.",
		"vingt-et-un, quatre-vingt-dix-sept, 1 000, 1,5 ; « “ ‘ ’ ” » ‹ › ' …",
		"",
		"\u00a0 \t\n\n  ",
		"\xff\xfe«",
		"¹²³⁴⁵⁶⁷⁸⁹⁰ [^1] [^] [^^]",
	} {
		f.Add(s, "Anders Fogh Rasmussen", uint8(0))
		f.Add(s, "Rasmussen", uint8(3))
	}
	enabled := make([]engine.Enabled, 0, len(rules.All()))
	for _, r := range rules.All() {
		lvl := r.Level
		if lvl == rules.LevelNone {
			lvl = rules.LevelWarning
		}
		enabled = append(enabled, engine.Enabled{Rule: r, Level: lvl})
	}
	set := schemas.New(schemas.Options{}) // compiled once, shared
	f.Fuzz(func(t *testing.T, text, name string, variant uint8) {
		lang := [...]string{"fr", "en"}[variant%2]
		rec := map[string]any{
			"id":      "fuzz-1",
			"lang":    lang,
			"title":   text,
			"summary": text,
			"body": []any{
				text,
				map[string]any{"type": "heading", "text": text},
				map[string]any{"type": "quote", "text": text, "speaker": name},
				map[string]any{"type": "list", "items": []string{text, name}},
				map[string]any{"type": "caption", "text": text + " " + name},
			},
			"footnotes": []any{map[string]any{"id": "1", "text": text}},
			"people":    []any{map[string]any{"name": name, "role": text, "aliases": []string{text}}},
		}
		var content []byte
		var err error
		path := "fuzz.json"
		if variant&2 != 0 {
			path = "fuzz.yaml"
			content, err = yaml.Marshal(rec)
		} else {
			content, err = json.MarshalIndent(rec, "", "  ")
		}
		if err != nil {
			t.Skip(err)
		}
		run := engine.Lint([]engine.Input{{Path: path, Content: content, Stdin: true}}, engine.Options{
			Rules: enabled, Schemas: set, Jobs: 1,
		})
		for _, n := range run.Notifications {
			t.Fatalf("%s: %s\n%s", n.RuleID, n.Message, content)
		}
		format, _ := load.FormatOf(path)
		file := rules.NewFile(path, content, format)
		parsed := load.Parse(file, load.Limits{})
		if len(parsed.Records) != 1 {
			return // a YAML encoding the loader refuses: FuzzYAML's business
		}
		root := parsed.Records[0].Root
		var edits []fix.Edit
		for _, fd := range run.Findings {
			what := fmt.Sprintf("%s %q at %s", fd.RuleID, fd.Message, fd.Location.Pointer)
			within := checkLocation(t, content, root, fd.Location, rules.Span{Start: 0, End: len(content)}, what)
			for _, rel := range fd.Related {
				checkLocation(t, content, root, rel, rules.Span{Start: 0, End: len(content)}, what+" (related)")
			}
			for i, fx := range fd.Fixes {
				for _, e := range fx.Edits {
					checkLocation(t, content, root, e.Location, within, what+" (fix edit)")
					if i == 0 {
						edits = append(edits, fix.Edit{Start: e.Location.Span.Start, End: e.Location.Span.End, NewText: e.NewText})
					}
				}
			}
		}
		fixed, err := fix.Apply(content, edits)
		var conflict *fix.ConflictError
		if err != nil && !errors.As(err, &conflict) {
			t.Fatalf("fixes do not apply: %v", err)
		}
		if res := load.Parse(rules.NewFile(path, fixed, format), load.Limits{}); len(res.Errors) > 0 {
			t.Fatalf("the fixed file does not parse: %s\nbefore:\n%s\nafter:\n%s", res.Errors[0].Msg, content, fixed)
		}
	})
}

// checkLocation checks that a location lies inside the file, inside the
// value its pointer names and inside within; it returns the value's span
// (or within, for a location without a pointer).
func checkLocation(t *testing.T, content []byte, root *rules.Node, loc report.Location, within rules.Span, what string) rules.Span {
	t.Helper()
	sp := loc.Span
	if sp.Start < within.Start || sp.End > within.End || sp.Start > sp.End {
		t.Fatalf("%s: span [%d,%d) outside [%d,%d)\n%s", what, sp.Start, sp.End, within.Start, within.End, content)
	}
	if loc.Line < 1 || loc.Column < 1 || loc.EndLine < loc.Line || (loc.EndLine == loc.Line && loc.EndColumn < loc.Column) {
		t.Fatalf("%s: bad region %d:%d-%d:%d", what, loc.Line, loc.Column, loc.EndLine, loc.EndColumn)
	}
	if loc.Pointer == "" {
		return within
	}
	n := root.Lookup(loc.Pointer)
	if n == nil {
		t.Fatalf("%s: pointer %s names no value\n%s", what, loc.Pointer, content)
	}
	if sp.Start < n.Span.Start || sp.End > n.Span.End {
		t.Fatalf("%s: span [%d,%d) %q outside the value %s [%d,%d) %q", what, sp.Start, sp.End, content[sp.Start:sp.End], loc.Pointer, n.Span.Start, n.Span.End, content[n.Span.Start:n.Span.End])
	}
	return n.Span
}
