package lang

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestMayBeQuoteMarkKeepsMarks: the pre-check lets through every rune
// Quotations handles, so that skipping the others changes nothing.
func TestMayBeQuoteMarkKeepsMarks(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !strings.ContainsRune("«»“”‘’‹›\"'", r) {
			continue
		}
		s := string(r) + "x"
		if !mayBeQuoteMark(s, 0) {
			t.Errorf("mayBeQuoteMark(%q, 0) = false for a mark", s)
		}
	}
	for _, s := range []string{"\u00a0", "\u2014", "…", "\u202f", "\xc2", "\xe2\x80"} {
		if mayBeQuoteMark(s, 0) {
			t.Errorf("mayBeQuoteMark(%q, 0) = true, want false", s)
		}
	}
}

// TestApostropheInASCIIWordIsBetween: what the fast check lets Quotations
// skip is a ’ that between tells an apostrophe.
func TestApostropheInASCIIWordIsBetween(t *testing.T) {
	for _, s := range append(tokenTexts(t), "l’OTAN", "’a", "a’", "1’2", "é’a", "a’é", "a’’b") {
		for j := range len(s) {
			if !apostropheInASCIIWord(s, j) {
				continue
			}
			prev, _ := runeBefore(s, j)
			r, n := runeAt(s, j)
			next, _ := runeAt(s, j+n)
			if r != '’' || !between(prev, next) {
				t.Errorf("apostropheInASCIIWord(%q, %d), but %q between %q and %q", s, j, r, prev, next)
			}
		}
	}
	if !apostropheInASCIIWord("l’OTAN", 1) {
		t.Error("apostropheInASCIIWord(\"l’OTAN\", 1) = false")
	}
}

// TestTrimSpaceSpanEqualsRuneLoop: the ASCII look-ups of trimSpaceSpan
// trim what decoding every rune trims.
func TestTrimSpaceSpanEqualsRuneLoop(t *testing.T) {
	ref := func(s string, a, b int) Span {
		for a < b {
			r, n := runeAt(s, a)
			if !unicode.IsSpace(r) {
				break
			}
			a += n
		}
		for b > a {
			r, n := runeBefore(s, b)
			if !unicode.IsSpace(r) {
				break
			}
			b -= n
		}
		return Span{a, b}
	}
	for _, s := range append(tokenTexts(t), " \t\n\u00a0a\u2003 \r", "\u0085x\u0085", " \xc2 ") {
		for a := range len(s) + 1 {
			for b := a; b <= len(s); b++ {
				if got, want := trimSpaceSpan(s, a, b), ref(s, a, b); got != want {
					t.Fatalf("trimSpaceSpan(%q, %d, %d) = %v, want %v", s, a, b, got, want)
				}
			}
		}
	}
}

// TestAppendQuotations: appending to the quotations of other texts
// appends the quotations of the text alone, with its problems, also when
// some marks are dropped as apostrophes after all.
func TestAppendQuotations(t *testing.T) {
	texts := append(tokenTexts(t), "rock 'n' roll", "« A » et 'n' puis « B", "'open and “x” 'a' b", "« a “ b » c ”", "")
	for _, tag := range []string{"fr", "en"} {
		p := mustPack(t, tag)
		var all []Quote
		for _, s := range texts {
			want, wantProbs := p.Quotations(s)
			n := len(all)
			var probs []QuoteProblem
			if all, probs = p.AppendQuotations(all, s); !slices.Equal(all[n:], want) || !slices.Equal(probs, wantProbs) {
				t.Errorf("%s AppendQuotations(…, %q) appended %v, %v; want %v, %v", tag, s, all[n:], probs, want, wantProbs)
			}
		}
	}
}
