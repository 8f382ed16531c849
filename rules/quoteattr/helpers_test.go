package quoteattr

import (
	"strings"
	"testing"
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
	}
	for _, w := range words {
		if got, want := lookupLower(m, w), m[strings.ToLower(w)]; got != want {
			t.Errorf("lookupLower(%q) = %v, want %v", w, got, want)
		}
	}
}
