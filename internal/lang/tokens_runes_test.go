package lang

import (
	"testing"
	"unicode/utf8"
)

// TestQuickRunePredicates: the table-backed predicates agree with the
// plain ones on every rune, in and beyond the tables.
func TestQuickRunePredicates(t *testing.T) {
	for r := rune(-1); r <= utf8.MaxRune+1; r++ {
		if got, want := isWordRuneQuick(r), isWordRune(r); got != want {
			t.Fatalf("isWordRuneQuick(%U) = %v, want %v", r, got, want)
		}
		if got, want := isLetterOrMarkQuick(r), isLetterOrMark(r); got != want {
			t.Fatalf("isLetterOrMarkQuick(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestNoWordRuneInGeneralPunctuation: wordRunEnd ends a word at any rune
// of U+2000–U+203F (E2 80 xx) without decoding it.
func TestNoWordRuneInGeneralPunctuation(t *testing.T) {
	for r := rune(0x2000); r <= 0x203F; r++ {
		if isWordRune(r) {
			t.Errorf("%U is a word rune", r)
		}
	}
}
