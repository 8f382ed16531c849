// Package builtin registers artlint's own rules. Importing it is what makes
// them available; a custom binary imports it too, then registers its own.
package builtin

import (
	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/rules/emptytext"
	"github.com/artlint/artlint/rules/footnote"
	"github.com/artlint/artlint/rules/naming"
	"github.com/artlint/artlint/rules/quoteattr"
	"github.com/artlint/artlint/rules/statedcount"
	"github.com/artlint/artlint/rules/typography"
)

func init() {
	rules.Register(
		emptytext.Rule,
		footnote.Rule, footnote.Order,
		naming.Rule,
		quoteattr.Rule,
		statedcount.Rule,
		typography.Rule,
	)
}
