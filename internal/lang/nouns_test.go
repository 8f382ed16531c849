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
						checkCountOrNameNoun(t, p, form)
					}
				}
			}
		}
	}
	fr := mustPack(t, "fr")
	for w, want := range map[string]bool{"ÉTATS": true, "E\u0301tats": true, "entraîneurs": true, "OTAN": false, "réunion": false,
		"x": false, "": false, "d’": false, "l'": false, "L’": false, "aujourd’": false} {
		_, ok1 := fr.CountNoun(w)
		_, ok2 := fr.NameNoun(w)
		if got := ok1 || ok2; got != want {
			t.Errorf("fr noun %q: %v, want %v", w, got, want)
		}
		checkCountOrNameNoun(t, fr, w)
	}
}

// checkCountOrNameNoun: CountOrNameNoun answers as CountNoun, then NameNoun.
func checkCountOrNameNoun(t *testing.T, p *Pack, w string) {
	t.Helper()
	class, ok := p.CountNoun(w)
	name := false
	if !ok {
		class, ok = p.NameNoun(w)
		name = ok
	}
	if c, n, k := p.CountOrNameNoun(w); c != class || n != name || k != ok {
		t.Errorf("%s CountOrNameNoun(%q) = %q, %v, %v; want %q, %v, %v", p.Tag, w, c, n, k, class, name, ok)
	}
}

// TestNounsListedOnce: a noun in two classes is a data error.
func TestNounsListedOnce(t *testing.T) {
	var s nounShapes
	if _, _, err := buildNouns(map[string][]string{"country": {"pays"}}, map[string][]string{"team": {"Pays"}}, &s); err == nil {
		t.Error("a noun in two classes was accepted")
	}
}

// TestRank: a rank with its article, before a name; not a rank inside
// another word or without its own word boundary.
func TestRank(t *testing.T) {
	fr, en := mustPack(t, "fr"), mustPack(t, "en")
	for _, tc := range []struct {
		p    *Pack
		s    string
		want string // the text up to the rank's end; "" for none
	}{
		{fr, "l’amiral Nicolas Vaujour", "l’amiral"},
		{fr, "le général de corps d’armée Pierre Schill", "le général de corps d’armée"},
		{fr, "la capitaine de frégate Anne Martin", "la capitaine de frégate"},
		{fr, "colonel Dupont", "colonel"},
		{fr, "l’amirauté britannique", ""},
		{fr, "le ministre", ""},
		{en, "Admiral Sir Tony Radakin", "Admiral"},
		{en, "the rear admiral, John Smith", "the rear admiral"},
		{en, "majority", ""},
	} {
		end, ok := tc.p.Rank(tc.s, 0)
		got := ""
		if ok {
			got = tc.s[:end]
		}
		if got != tc.want {
			t.Errorf("%s Rank(%q) = %q, want %q", tc.p.Tag, tc.s, got, tc.want)
		}
	}
}
