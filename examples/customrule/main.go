// Command customrule shows how a team adds its own Go rules to artlint
// without forking it: register the rules, then hand over to artlint's CLI.
// The binary has every built-in rule, flag and format, plus "byline".
//
//	go build -o artlint-newsroom ./examples/customrule
//	./artlint-newsroom lint articles/
package main

import (
	"os"

	"github.com/artlint/artlint"
	"github.com/artlint/artlint/rules"
)

// Byline requires the newsroom's extension member x.byline on every
// article: a house rule that has no place in artlint itself.
var Byline = &rules.Rule{
	ID:    "byline",
	Title: "Every article names its author in x.byline",
	Doc: "The newsroom's publishing system prints the byline from `x.byline`; " +
		"an article without it is published unsigned.",
	Bad:   "{\"id\": \"a\", \"lang\": \"fr\", \"title\": \"Titre\", \"body\": [\"Texte.\"]}",
	Good:  "{\"id\": \"a\", \"lang\": \"fr\", \"title\": \"Titre\", \"body\": [\"Texte.\"], \"x\": {\"byline\": \"Service de presse\"}}",
	Level: rules.LevelError,
	Tags:  []string{"house-style"},
	Since: "0.1.0",
	Run: func(pass *rules.Pass) (any, error) {
		root := pass.Record.Root
		if by := root.Lookup("/x/byline"); by != nil && by.Kind == rules.String && by.Str != "" {
			return nil, nil
		}
		at := root
		if title := root.Get("title"); title != nil {
			at = title
		}
		pass.Report(rules.Diagnostic{Span: at.Span, Pointer: at.Pointer, Message: "article has no byline: add x.byline with the author's name"})
		return nil, nil
	},
}

func main() {
	rules.Register(Byline)
	os.Exit(artlint.Main(os.Args[1:]))
}
