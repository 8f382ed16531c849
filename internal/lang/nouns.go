package lang

import "fmt"

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
	lenLast  [64][128]bool  // a noun of this byte length ends with this ASCII byte
	prevLast [129][128]bool // a noun's last two bytes (non-ASCII before the last as 0x80)
	all      bool           // a noun the filter cannot describe: let every word through
}

func (s *nounShapes) add(folded string) {
	n := len(folded)
	if n < 2 || n >= len(s.lenLast) || folded[n-1] >= 0x80 {
		s.all = true // the filter would wrongly reject such a noun
		return
	}
	s.lenLast[n][folded[n-1]] = true
	s.prevLast[min(folded[n-2], 0x80)][folded[n-1]] = true
}

func (s *nounShapes) may(w string) bool {
	n := len(w)
	if s.all {
		return true
	}
	if n < 2 {
		return false
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
	return s.lenLast[n][last] && s.prevLast[min(prev, 0x80)][last]
}
