package lang

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestNounShapes: the filter before the noun lookups lets every listed
// noun through, in any case, and stops ordinary words.
func TestNounShapes(t *testing.T) {
	for _, tag := range []string{"fr", "en"} {
		p := mustPack(t, tag)
		for _, classes := range []map[string][]string{p.d.CountNouns, p.d.NameNouns} {
			for class, words := range classes {
				for _, w := range words {
					r, n := utf8.DecodeRuneInString(w)
					for _, form := range []string{w, strings.ToUpper(w), string(unicode.ToUpper(r)) + w[n:]} {
						c1, ok1 := p.CountNoun(form)
						c2, ok2 := p.NameNoun(form)
						if (!ok1 || c1 != class) && (!ok2 || c2 != class) {
							t.Errorf("%s: %q (%s) is not found as a %s noun", tag, form, w, class)
						}
					}
				}
			}
		}
	}
	fr := mustPack(t, "fr")
	for w, want := range map[string]bool{"ÉTATS": true, "E\u0301tats": true, "entraîneurs": true, "OTAN": false, "réunion": false, "x": false, "": false} {
		_, ok1 := fr.CountNoun(w)
		_, ok2 := fr.NameNoun(w)
		if got := ok1 || ok2; got != want {
			t.Errorf("fr noun %q: %v, want %v", w, got, want)
		}
	}
}

// TestNounsListedOnce: a noun in two classes is a data error.
func TestNounsListedOnce(t *testing.T) {
	var s nounShapes
	if _, _, err := buildNouns(map[string][]string{"country": {"pays"}}, map[string][]string{"team": {"Pays"}}, &s); err == nil {
		t.Error("a noun in two classes was accepted")
	}
}
