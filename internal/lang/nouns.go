package lang

import (
	"fmt"
	"strings"
)

// buildNouns indexes the count nouns and name nouns of the data by their
// case-folded form; a noun listed twice, in one class or two, is a data
// error (which class would it be?).
func buildNouns(count, name map[string][]string, shapes *nounShapes) (countNouns, nameNouns map[string]string, err error) {
	seen := map[string]string{}
	index := func(classes map[string][]string) (map[string]string, error) {
		out := map[string]string{}
		for class, words := range classes {
			for _, w := range words {
				k := lowerKey(w)
				if other, dup := seen[k]; dup && other != class {
					return nil, fmt.Errorf("noun %q listed in classes %q and %q", w, other, class)
				}
				seen[k] = class
				out[k] = class
				shapes.add(k)
			}
		}
		return out, nil
	}
	if countNouns, err = index(count); err != nil {
		return nil, nil, err
	}
	if nameNouns, err = index(name); err != nil {
		return nil, nil, err
	}
	return countNouns, nameNouns, nil
}

// nounShapes is a filter before the noun lookups, which rules make at
// nearly every word and which fold case and hash: the byte lengths and
// last two bytes of the folded nouns. may is false only for a word that
// cannot fold to one of them.
type nounShapes struct {
	// Sets of ASCII bytes, as bits: few cache lines for a filter that
	// rules read at nearly every word.
	last       asciiSet      // the last bytes of the nouns
	lenLast    [64]asciiSet  // the last bytes of the nouns of this byte length
	prevLast   [129]asciiSet // a noun's last two bytes (non-ASCII before the last as 0x80)
	apostrophe bool          // a noun ends with an apostrophe
	all        bool          // a noun the filter cannot describe: let every word through
}

// asciiSet is a set of ASCII bytes.
type asciiSet [2]uint64

func (a *asciiSet) add(b byte)      { a[b/64] |= 1 << (b % 64) }
func (a *asciiSet) has(b byte) bool { return a[b/64]&(1<<(b%64)) != 0 }

func (s *nounShapes) add(folded string) {
	n := len(folded)
	if n < 2 || n >= len(s.lenLast) || folded[n-1] >= 0x80 {
		s.all = true // the filter would wrongly reject such a noun
		return
	}
	s.last.add(folded[n-1])
	s.lenLast[n].add(folded[n-1])
	s.apostrophe = s.apostrophe || folded[n-1] == '\''
	s.prevLast[min(folded[n-2], 0x80)].add(folded[n-1])
}

func (s *nounShapes) may(w string) bool {
	n := len(w)
	if s.all {
		return true
	}
	if n < 2 {
		return false
	}
	if b := w[n-1]; b < 0x80 && !s.last.has(asciiLower(b)) {
		return false // folded, the word ends with the same byte, lower-cased
	}
	if strings.HasSuffix(w, "’") || strings.HasSuffix(w, "ʼ") {
		return s.apostrophe // folded, an elided article: "d’", "l’"
	}
	// Lower-casing keeps the byte length of every letter below U+0180
	// except İ (U+0130, two bytes to three); no-break spaces fold to one
	// byte. Words with any of those are always looked up.
	for i := 0; i < n; i++ {
		switch b := w[i]; {
		case b >= 0xC6, b == 0xC4 && i+1 < n && w[i+1] == 0xB0, b == 0xC2 && i+1 < n && w[i+1] == 0xA0:
			return true
		}
	}
	last, prev := asciiLower(w[n-1]), asciiLower(w[n-2])
	if last >= 0x80 || n >= len(s.lenLast) {
		return false
	}
	return s.lenLast[n].has(last) && s.prevLast[min(prev, 0x80)].has(last)
}
