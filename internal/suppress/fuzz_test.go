package suppress

import (
	"testing"

	"github.com/artlint/artlint/internal/load"
	"github.com/artlint/artlint/internal/report"
	"github.com/artlint/artlint/rules"
)

// FuzzApply: any file, with a finding at every line start, never makes
// Apply panic, and every problem lies inside the file.
func FuzzApply(f *testing.F) {
	f.Add("id: a\nbody:\n  # artlint-disable-next-line typography -- r\n  - Attention!\n", true)
	f.Add("a: |\n  # artlint-disable-line x\n# artlint-\n#artlint-disable-line\n", true)
	f.Add(`{"x": {"artlint": {"disable": [1, "a -- b"], "ignore": [{"rule": "typography", "pointer": "/x/*"}, 3]}}}`, false)
	f.Fuzz(func(t *testing.T, content string, yaml bool) {
		format := rules.FormatJSON
		if yaml {
			format = rules.FormatYAML
		}
		file := rules.NewFile("f", []byte(content), format)
		parsed := load.Parse(file, load.Limits{})
		var fs []report.Finding
		for line := 1; line <= file.LineCount(); line++ {
			off := file.LineStart(line)
			fs = append(fs, report.Finding{RuleID: "typography", Location: report.Location{Line: line, Span: rules.Span{Start: off, End: off}, Pointer: "/body/0"}})
		}
		for _, p := range Apply(file, parsed.Records, fs, func(*rules.Record, string) bool { return true }) {
			if p.Diag.Span.Start < 0 || p.Diag.Span.End > len(content) || p.Diag.Span.Start > p.Diag.Span.End {
				t.Fatalf("problem outside the file: %+v", p.Diag)
			}
		}
	})
}
