// Package builtin registers artlint's own rules. Importing it is what makes
// them available; a custom binary imports it too, then registers its own.
package builtin

import (
	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/rules/emptytext"
	"github.com/artlint/artlint/rules/typography"
)

func init() {
	rules.Register(
		emptytext.Rule,
		typography.Rule,
	)
}
