package naming

import (
	"strings"
	"testing"

	"github.com/artlint/artlint/internal/lang"
)

// TestOwnKey checks the shortcut markCommon takes: a word that ownKey
// accepts is its own key (lang.LowerFold), and the hyphen it reports is there.
func TestOwnKey(t *testing.T) {
	var words []string
	for r := rune(0); r < 0x250; r++ {
		words = append(words, "a"+string(r)+"b", string(r)+"té", "é"+string(r))
	}
	words = append(words, "sécurité", "cœur", "euro-atlantique", "aujourd’hui", "l'OTAN", "naïve", "\xc3", "e\u0301t\u00e9", "dé\u2011faire", "grüße", "")
	accepted := 0
	for _, w := range words {
		own, hyphen := ownKey(w)
		if !own {
			continue
		}
		accepted++
		if k := lang.LowerFold(w); k != w {
			t.Errorf("ownKey(%q) accepted, but lang.LowerFold gives %q", w, k)
		}
		if hyphen != strings.Contains(w, "-") {
			t.Errorf("ownKey(%q): hyphen %v", w, hyphen)
		}
	}
	for _, w := range []string{"sécurité", "cœur", "euro-atlantique", "naïve", "grüße"} {
		if own, _ := ownKey(w); !own {
			t.Errorf("ownKey(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"l'OTAN", "aujourd’hui", "e\u0301t\u00e9", "dé\u2011faire", "\xc3", "Paris"} {
		if own, _ := ownKey(w); own {
			t.Errorf("ownKey(%q) = true, want false", w)
		}
	}
	if accepted < 200 {
		t.Errorf("only %d words accepted", accepted)
	}
}

// TestElisionKey checks markCommon's other shortcut: a plain word
// followed by ’ is keyed with ' instead.
func TestElisionKey(t *testing.T) {
	for _, w := range []string{"l’", "d’", "qu’", "jusqu’", "lorsqu’", "s’", "aujourd’"} {
		if k, want := lang.LowerFold(w), strings.TrimSuffix(w, "’")+"'"; k != want {
			t.Errorf("lang.LowerFold(%q) = %q, want %q", w, k, want)
		}
	}
}
