package lang

import "unicode"

// The scanners ask of every non-ASCII rune whether it is a letter (or a
// word rune); above Latin-1 the unicode package answers with binary
// searches in its range tables, several per question (isWordRune asks
// for letters, digits and two kinds of marks). Bit sets computed once for
// the runes below runeSetLimit — Latin, Greek, Cyrillic and the other
// alphabets, general punctuation (’ “ ” …), letterlike symbols — answer
// for nearly every rune of news text with one lookup.

// runeSetLimit bounds the runes the sets cover (U+3000, before CJK).
const runeSetLimit = 0x3000

// runeSet is a set of runes below runeSetLimit.
type runeSet [runeSetLimit / 64]uint64

func (rs *runeSet) contains(r rune) bool { return rs[r>>6]&(1<<(r&63)) != 0 }

// addTable adds the runes of t at or above from and below runeSetLimit.
func (rs *runeSet) addTable(t *unicode.RangeTable, from rune) {
	add := func(lo, hi, stride rune) {
		for r := lo; r <= hi && r < runeSetLimit; r += stride {
			if r >= from {
				rs[r>>6] |= 1 << (r & 63)
			}
		}
	}
	for _, rg := range t.R16 {
		add(rune(rg.Lo), rune(rg.Hi), rune(rg.Stride))
	}
	for _, rg := range t.R32 {
		add(rune(rg.Lo), rune(rg.Hi), rune(rg.Stride))
	}
}

var letterOrMarkRunes, wordRunes = func() (lm, w *runeSet) {
	lm = new(runeSet)
	lm.addTable(unicode.Letter, 0)
	lm.addTable(unicode.Mn, 0x300) // as isLetterOrMark: marks from U+0300
	lm.addTable(unicode.Mc, 0x300)
	w = new(runeSet)
	*w = *lm
	w.addTable(unicode.Digit, 0)
	return lm, w
}()

// isWordRuneQuick is isWordRune, from a table for the common runes.
func isWordRuneQuick(r rune) bool {
	if uint32(r) < runeSetLimit {
		return wordRunes.contains(r)
	}
	return isWordRune(r)
}

// isLetterOrMarkQuick is isLetterOrMark, from a table for the common runes.
func isLetterOrMarkQuick(r rune) bool {
	if uint32(r) < runeSetLimit {
		return letterOrMarkRunes.contains(r)
	}
	return isLetterOrMark(r)
}
