package quoteattr

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestFastHelpersMatchDefinitions: the allocation-free helpers answer as
// the expressions they replace.
func TestFastHelpersMatchDefinitions(t *testing.T) {
	m := map[string]bool{"à": true, "dans": true, "in": true, "of": true, "straße": true}
	gaps := []string{"", " ", "  ", ", ", " ; ", " : ", ". ", " « ", " » ", "“", "”", "\"", " notamment ", "\u00a0", "\xff", "’", "…"}
	words := []string{"À", "à", "DANS", "Dans", "dans", "In", "OF", "Straße", "STRASSE", "x", "", strings.Repeat("D", 40), "dAns\xff"}
	for _, g := range gaps {
		if got, want := stopsProbe(g), strings.ContainsAny(g, ",;:.«»“”\""); got != want {
			t.Errorf("stopsProbe(%q) = %v, want %v", g, got, want)
		}
		for _, s := range []string{g, "a déclaré" + g + "le ministre" + g, "\xff" + g + "—", "dit (" + g} {
			if got, want := clauseStop(s), strings.IndexAny(s, ":;«»“”\"()—–"); got != want {
				t.Errorf("clauseStop(%q) = %d, want %d", s, got, want)
			}
		}
	}
	for _, w := range words {
		if got, want := lookupLower(m, w), m[strings.ToLower(w)]; got != want {
			t.Errorf("lookupLower(%q) = %v, want %v", w, got, want)
		}
	}
	for r := rune(0); r < 0x250; r++ {
		w := string(r) + "x"
		first, _ := utf8.DecodeRuneInString(w)
		if got, want := isCap(w), unicode.IsUpper(first); got != want {
			t.Errorf("isCap(%q) = %v, want %v", w, got, want)
		}
		if got, want := isLower(w), unicode.IsLower(first); got != want {
			t.Errorf("isLower(%q) = %v, want %v", w, got, want)
		}
	}
	if isCap("") || isLower("") {
		t.Error("the empty word has a case")
	}
}
