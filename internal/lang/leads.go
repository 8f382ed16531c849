package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// leadSet is a cheap pre-check before phraseSet.match, which the rules
// call at nearly every word: which ASCII pairs of first keys the phrases
// of one or more sets start with, compared without case (the trie's first
// key is lower-cased, and a lower-cased text rune equals the lower-cased
// phrase rune whenever the two match in any case mode).
//
// The tables are indexed by the text's bytes as they are: a key's bits are
// set for every byte that reads as it (both cases of a letter; any ASCII
// white space for " "), so that most words need no lowering; indexed by
// keys, they answer as for keys alone, since those bytes are no other key.
type leadSet struct {
	one  [128]bool      // a phrase of one rune, or whose second rune is not ASCII, starts with this key
	pair [128][2]uint64 // pair[a] bit b: a phrase starts with keys a, b (all bits when one[a])
}

func (l *leadSet) add(phrase string) { l.addFolded(Fold(strings.TrimSpace(phrase))) }

// addFolded is add for a phrase already trimmed and folded.
func (l *leadSet) addFolded(f string) {
	r0, n := utf8.DecodeRuneInString(f)
	k0 := unicode.ToLower(foldMatch(r0))
	if k0 < 0 || k0 >= utf8.RuneSelf {
		return // no ASCII text can match its first rune
	}
	r1, _ := utf8.DecodeRuneInString(f[n:])
	k1 := unicode.ToLower(foldMatch(r1))
	for _, c0 := range textBytes(k0) {
		if n == len(f) || k1 < 0 || k1 >= utf8.RuneSelf {
			l.one[c0] = true
			l.pair[c0] = [2]uint64{^uint64(0), ^uint64(0)}
			continue
		}
		for _, c1 := range textBytes(k1) {
			l.pair[c0][c1/64] |= 1 << (c1 % 64)
		}
	}
}

// textBytes are the ASCII bytes that may reads as key k: k, its capital,
// and for " " any ASCII white space (readFolded).
func textBytes(k rune) []byte {
	switch {
	case 'a' <= k && k <= 'z':
		return []byte{byte(k), byte(k) - 'a' + 'A'}
	case k == ' ':
		return []byte{' ', '\t', '\n', '\v', '\f', '\r'}
	}
	return []byte{byte(k)}
}

// may is false only when no phrase of the set can start at s[i]. It
// answers true (let the matcher decide) unless s[i] and s[i+1] are ASCII
// and no combining mark follows them, which readFolded would compose
// (marks are U+0300 and above: lead bytes 0xCC and above).
func (l *leadSet) may(s string, i int) bool {
	if i >= 0 && i+2 < len(s) && s[i]|s[i+1] < utf8.RuneSelf && s[i+2] < 0xCC {
		// Most words: two ASCII bytes, no mark after them (the masks
		// change nothing but spare bounds checks).
		c0, c1 := s[i]&0x7F, s[i+1]&0x7F
		return l.pair[c0][c1>>6&1]&(1<<(c1&63)) != 0
	}
	return l.mayByKeys(s, i)
}

// mayByKeys is may for the other texts, read key by key.
func (l *leadSet) mayByKeys(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return true
	}
	c0 := asciiLower(s[i])
	if c0 >= utf8.RuneSelf || i+1 < len(s) && s[i+1] >= 0xCC {
		return true
	}
	if l.one[c0] {
		return true
	}
	if i+1 >= len(s) {
		return false // a phrase of two runes or more cannot fit
	}
	c1 := asciiLower(s[i+1])
	if c1 >= utf8.RuneSelf || i+2 < len(s) && s[i+2] >= 0xCC {
		return true
	}
	switch c1 { // readFolded: any white space is " "
	case '\t', '\n', '\v', '\f', '\r':
		c1 = ' '
	}
	return l.pair[c0][c1/64]&(1<<(c1%64)) != 0
}

func asciiLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
