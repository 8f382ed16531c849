// Package emptytext defines the empty-text rule.
package emptytext

import (
	"strings"
	"unicode"

	"github.com/artlint/artlint/rules"
)

// Rule reports prose that is only white space.
var Rule = &rules.Rule{
	ID:    "empty-text",
	Title: "Titles, paragraphs and other texts are not blank",
	Doc: "A title, summary, paragraph, heading, caption, quote, list item or footnote whose text is empty or only white space " +
		"(spaces, no-break spaces, line breaks) shows as a hole in the published article. " +
		"The schema cannot say it: `minLength` counts white space as text.",
	Bad:   "body:\n  - \"Les dirigeants se sont réunis à Chicago.\"\n  - \"\\u00a0 \"",
	Good:  "body:\n  - \"Les dirigeants se sont réunis à Chicago.\"",
	Level: rules.LevelWarning,
	Tags:  []string{"content"},
	Since: "0.1.0",
	Run:   run,
}

func run(pass *rules.Pass) (any, error) {
	for _, t := range pass.Record.Texts() {
		if strings.TrimFunc(t.Value(), unicode.IsSpace) != "" {
			continue
		}
		what := string(t.Kind)
		if t.Value() == "" && t.Kind == rules.KindTitle {
			continue // the schema's minLength already reports an empty title
		}
		if t.Value() == "" {
			pass.Report(rules.Diagnostic{Span: t.Node.Span, Pointer: t.Pointer(), Message: what + " is empty"})
		} else {
			pass.Report(rules.Diagnostic{Span: t.Node.Span, Pointer: t.Pointer(), Message: what + " is only white space"})
		}
	}
	return nil, nil
}
