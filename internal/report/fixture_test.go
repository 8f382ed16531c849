package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/artlint/artlint/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test -update to accept)\n--- got:\n%s\n--- want:\n%s", path, got, want)
	}
}

var testTool = Tool{
	Name:           "artlint",
	Version:        "v0.4.0",
	InformationURI: "https://github.com/artlint/artlint",
	RuleURI:        func(id string) string { return "https://github.com/artlint/artlint/blob/main/docs/rules.md#" + id },
}

var (
	statedCount = &rules.Rule{
		ID:    "stated-count",
		Title: "A stated count matches the list that follows",
		Doc: "Checks that a number written out in the text (« treize pays ») matches the\n" +
			"number of items the article then lists.\n\n" +
			"## Why\n\n" +
			"Readers **count**. A list of 12 after *« treize »* is a correction waiting to\n" +
			"happen. See [the style guide](https://example.org/style#nombres).\n\n" +
			"Numbers inside quotations (`« … »`) are left alone: a speaker may be wrong.",
		Bad:       "un groupe de treize pays partenaires : l’Australie, l’Autriche, …, la Suisse (12 noms)",
		Good:      "un groupe de douze pays partenaires : l’Australie, l’Autriche, …, la Suisse (12 noms)",
		Level:     rules.LevelError,
		Tags:      []string{"editorial", "numbers", "editorial"},
		Languages: []string{"fr", "en"},
		Since:     "0.2.0",
	}
	nbspPunct = &rules.Rule{
		ID:        "nbsp-high-punctuation",
		Title:     "High punctuation is preceded by a narrow no-break space",
		Doc:       "French typography puts a narrow no-break space (U+202F) before `;`, `:`, `!`, `?` and inside « guillemets ».",
		Bad:       "a déclaré : « oui »",
		Good:      "a déclaré\u202f: «\u202foui\u202f»",
		Level:     rules.LevelWarning,
		Tags:      []string{"typography"},
		Languages: []string{"fr"},
		Since:     "0.1.0",
	}
	quoteBalance = &rules.Rule{
		ID:    "quote-balance",
		Title: "Quotation marks are balanced",
		Doc:   "Every « opens and closes.",
		Level: rules.LevelNote,
		Tags:  []string{"typography"},
	}
)

const natoPath = "testdata/nato chicago é.json"

// testRun is a run with every part a format can show: related locations,
// fixes (a replacement and an insertion), an in-source suppression, every
// baseline state, a finding from a rule the run does not list, and
// notifications with and without a file and a rule.
func testRun() *Run {
	run := &Run{
		Rules:   []*rules.Rule{nbspPunct, quoteBalance, statedCount},
		Success: false,
		Files:   3,
		Records: 14,
		Findings: []Finding{
			{
				RuleID:  "stated-count",
				Level:   rules.LevelError,
				Message: "states 13 (« treize ») countries but lists 12",
				Location: Location{
					Path: natoPath, Line: 9, Column: 101, EndLine: 9, EndColumn: 107,
					Span: rules.Span{Start: 812, End: 818}, Pointer: "/body/2", Snippet: "treize",
				},
				Related: []Location{{
					Path: natoPath, Line: 21, Column: 6, EndLine: 21, EndColumn: 17,
					Span: rules.Span{Start: 2210, End: 2222}, Pointer: "/body/8", Snippet: "l’Australie",
					Message: "the list of 12 countries starts here",
				}},
				Fixes: []Fix{{
					Description: "Replace « treize » with « douze »",
					Edits: []Edit{{
						Location: Location{Path: natoPath, Line: 9, Column: 101, EndLine: 9, EndColumn: 107, Span: rules.Span{Start: 812, End: 818}},
						NewText:  "douze",
					}},
				}},
				Fingerprint:   "stated-count:0c5a7e1f9b2d4863",
				BaselineState: "new",
			},
			{
				RuleID:  "nbsp-high-punctuation",
				Level:   rules.LevelWarning,
				Message: "no narrow no-break space before « : »",
				Location: Location{
					Path: natoPath, Line: 12, Column: 48, EndLine: 12, EndColumn: 49,
					Span: rules.Span{Start: 1300, End: 1301}, Pointer: "/body/4", Snippet: ":",
				},
				Fixes: []Fix{{
					Description: "Insert U+202F NARROW NO-BREAK SPACE",
					Edits: []Edit{{
						Location: Location{Path: natoPath, Line: 12, Column: 48, EndLine: 12, EndColumn: 48, Span: rules.Span{Start: 1300, End: 1300}},
						NewText:  "\u202f",
					}},
				}},
				Fingerprint: "nbsp-high-punctuation:77e0c2aa01b3f5d9",
			},
			{
				RuleID:  "nbsp-high-punctuation",
				Level:   rules.LevelWarning,
				Message: "no narrow no-break space before « ? »",
				Location: Location{
					Path: "testdata/records/lisbonne 2010.yaml", Line: 4, Column: 30, EndLine: 4, EndColumn: 31,
					Span: rules.Span{Start: 96, End: 97}, Pointer: "/title", Snippet: "?",
				},
				Fingerprint:  "nbsp-high-punctuation:1b9d0e44c2a87f30",
				Suppressions: []Suppression{{Kind: "inSource", Justification: "title quoted verbatim from the English original"}},
			},
			{
				RuleID:  "quote-balance",
				Level:   rules.LevelNote,
				Message: "« opened here is never closed",
				Location: Location{
					Path: "testdata/records/lisbonne 2010.yaml", Line: 7, Column: 3, EndLine: 7, EndColumn: 4,
					Span: rules.Span{Start: 180, End: 181}, Pointer: "/body/0", Snippet: "«",
				},
				Fingerprint:   "quote-balance:5e2f9a61d0c4b873",
				BaselineState: "unchanged",
			},
			{
				RuleID:        "quote-balance",
				Level:         rules.LevelNote,
				Message:       "« opened here is never closed",
				Location:      Location{Path: "testdata/records/lisbonne 2010.yaml", Line: 9, Column: 3, EndLine: 9, EndColumn: 4, Pointer: "/body/1", Snippet: "«"},
				Fingerprint:   "quote-balance:a04c7d3e9f1b2865",
				BaselineState: "absent",
			},
			{
				// A rule the run does not list, on a whole file.
				RuleID:      "schema",
				Level:       rules.LevelError,
				Message:     "missing required property \"lang\"",
				Location:    Location{Path: "testdata/records/sans-langue.json"},
				Fingerprint: "schema:9c1e0f7a3b5d2468",
			},
		},
		Notifications: []Notification{
			{Level: rules.LevelWarning, Message: `unknown rule "nbsp" in --disable`},
			{Level: rules.LevelError, Message: "open testdata/illisible.json: permission denied", Path: "testdata/illisible.json"},
			{
				Level:   rules.LevelError,
				Message: `rule "stated-count" panicked: runtime error: index out of range [12] with length 12`,
				Path:    natoPath, RuleID: "stated-count", Line: 9, Column: 101,
			},
		},
	}
	run.Sort()
	return run
}

func emptyRun() *Run { return &Run{Success: true} }
