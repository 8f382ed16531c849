// Package ruletest runs one rule on records in tests and benchmarks, the
// way the engine does: the analyses the rule requires first, in the
// engine's order, then the rule. Each rule package's tests use it instead
// of repeating that loop.
package ruletest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/artlint/artlint/internal/load"
	"github.com/artlint/artlint/rules"
)

// Parse reads every record of f, failing the test if the file does not
// parse: rule tests are about rules, not about the loader.
func Parse(tb testing.TB, f *rules.File) []*rules.Record {
	tb.Helper()
	res := load.Parse(f, load.Limits{})
	if len(res.Errors) > 0 || len(res.Records) == 0 {
		tb.Fatalf("%s does not parse: %v", f.Path, res.Errors)
	}
	return res.Records
}

// Files reads every file matching the globs whose name gives a record
// format (the test articles, say), failing the test if none does.
func Files(tb testing.TB, globs ...string) []*rules.File {
	tb.Helper()
	var files []*rules.File
	for _, glob := range globs {
		paths, err := filepath.Glob(glob)
		if err != nil {
			tb.Fatal(err)
		}
		for _, path := range paths {
			format, ok := load.FormatOf(path)
			if !ok {
				continue
			}
			data, err := os.ReadFile(path)
			if err != nil {
				tb.Fatal(err)
			}
			files = append(files, rules.NewFile(path, data, format))
		}
	}
	if len(files) == 0 {
		tb.Fatalf("no record files in %v", globs)
	}
	return files
}

// ParseOne reads a JSON document that holds exactly one record.
func ParseOne(tb testing.TB, data []byte) *rules.Record {
	tb.Helper()
	recs := Parse(tb, rules.NewFile("t.json", data, rules.FormatJSON))
	if len(recs) != 1 {
		tb.Fatalf("%d records, want 1", len(recs))
	}
	return recs[0]
}

// Prepare runs the analyses rule requires on rec and returns their
// results, ready for a pass of the rule itself.
func Prepare(tb testing.TB, rule *rules.Rule, rec *rules.Record) map[*rules.Rule]any {
	tb.Helper()
	results := map[*rules.Rule]any{}
	for _, r := range rules.Order([]*rules.Rule{rule}) {
		if r == rule {
			break
		}
		out, err := r.Run(rules.NewPass(r, rec, results, nil, nil))
		if err != nil {
			tb.Fatalf("analysis %s: %v", r.ID, err)
		}
		results[r] = out
	}
	return results
}

// Run runs rule on rec with options, after its analyses, and returns what
// it reports.
func Run(tb testing.TB, rule *rules.Rule, rec *rules.Record, options map[string]any) []rules.Diagnostic {
	tb.Helper()
	results := Prepare(tb, rule, rec)
	var diags []rules.Diagnostic
	if _, err := rule.Run(rules.NewPass(rule, rec, results, options, func(d rules.Diagnostic) { diags = append(diags, d) })); err != nil {
		tb.Fatalf("rule %s: %v", rule.ID, err)
	}
	return diags
}

// Bench times rule alone on rec (its analyses run once, outside the
// timer, as they are shared with other rules) and reports ns/record. It
// fails if the rule does not report want findings per run.
func Bench(b *testing.B, rule *rules.Rule, rec *rules.Record, want int) {
	b.Helper()
	results := Prepare(b, rule, rec)
	n := 0
	report := func(rules.Diagnostic) { n++ }
	b.ResetTimer()
	for range b.N {
		if _, err := rule.Run(rules.NewPass(rule, rec, results, nil, report)); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/record")
	if n != want*b.N {
		b.Errorf("%d findings per run, want %d", n/max(b.N, 1), want)
	}
}
