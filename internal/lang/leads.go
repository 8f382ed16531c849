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
type leadSet struct {
	one  [128]bool      // a phrase of one rune, or whose second rune is not ASCII, starts with this key
	pair [128][2]uint64 // pair[a] bit b: a phrase starts with keys a, b
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
	if n == len(f) || k1 < 0 || k1 >= utf8.RuneSelf {
		l.one[k0] = true
		return
	}
	l.pair[k0][k1/64] |= 1 << (k1 % 64)
}

// may is false only when no phrase of the set can start at s[i]. It
// answers true (let the matcher decide) unless s[i] and s[i+1] are ASCII
// and no combining mark follows them, which readFolded would compose
// (marks are U+0300 and above: lead bytes 0xCC and above).
func (l *leadSet) may(s string, i int) bool {
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
