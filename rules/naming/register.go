package naming

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/artlint/artlint/rules"
)

// registerFindings reports the spellings that the configuration's names
// register lists as variants (option "names": canonical spelling →
// variants), wherever they occur as whole words. The register is the
// team's decision, so these come before the rule's own comparisons and win
// any overlap. No fix is offered: a variant may be a short form ("M.
// Fogh-Rasmussen") that the canonical full name would not replace well.
func registerFindings(pass *rules.Pass) []finding {
	names, _ := pass.Options["names"].(map[string][]string)
	if len(names) == 0 {
		return nil
	}
	canonical := make([]string, 0, len(names))
	for c := range names {
		canonical = append(canonical, c)
	}
	sort.Strings(canonical)
	var out []finding
	for _, t := range pass.Record.Texts() {
		src := &source{node: t.Node}
		v := t.Value()
		for _, c := range canonical {
			for _, variant := range names[c] {
				if variant == "" || variant == c {
					continue
				}
				for from := 0; ; {
					k := strings.Index(v[from:], variant)
					if k < 0 {
						break
					}
					i, j := from+k, from+k+len(variant)
					from = j
					if !wordEdge(v, i, j) {
						continue
					}
					out = append(out, finding{
						src: src, i: i, j: j,
						msg:   fmt.Sprintf("%q is a variant of %q in the names register of the configuration", variant, c),
						order: -1_000_000 + len(out),
					})
				}
			}
		}
	}
	return out
}

// wordEdge reports whether s[i:j] is not part of a longer word.
func wordEdge(s string, i, j int) bool {
	if r, _ := utf8.DecodeLastRuneInString(s[:i]); i > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\u2011') {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s[j:]); j < len(s) && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\u2011') {
		return false
	}
	return true
}
