package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TokenKind classifies a Token.
type TokenKind uint8

// Token kinds.
const (
	Word   TokenKind = iota // letters (with internal hyphens/apostrophes), or alphanumerics such as "1er", "90s", "G20"
	Number                  // digits, possibly with thousands/decimal separators ("1 000", "1,000", "3,5")
	Punct                   // any other single rune, superscript digits included
	Space                   // a run of white space
)

func (k TokenKind) String() string {
	switch k {
	case Word:
		return "Word"
	case Number:
		return "Number"
	case Punct:
		return "Punct"
	case Space:
		return "Space"
	}
	return "TokenKind(?)"
}

// Token is one lexical unit of a text s: s[Start:End]. It holds no
// pointer, so that the thousands of tokens of a record cost the garbage
// collector nothing to scan (with the text in each, tokenizing was twice
// as slow).
type Token struct {
	Kind       TokenKind
	Start, End int
}

// Text returns the token's text in s, the text it was read from.
func (t Token) Text(s string) string { return s[t.Start:t.End] }

// Span is a half-open byte range [Start, End).
type Span struct{ Start, End int }

// Tokens splits s into tokens covering it entirely.
//
// Word tokens keep internal hyphens of any form ("vingt-et-un",
// "Bosnie‑Herzégovine", "a-t-il") and internal apostrophes ("don't",
// "Lindqvist's", "O'Neill"). In French an elided particle listed in the data
// (l’, d’, qu’, s’…) becomes its own Word token including the apostrophe, so
// "l’Australie" gives "l’" and "Australie"; listed exceptions ("aujourd’hui",
// "presqu’île") stay whole. Dotted initialisms ("U.S.", "e.g.") are one Word
// including the final period. Superscript digits are Punct: they are
// footnote markers or exponents, never numbers in running text.
func (p *Pack) Tokens(s string) []Token {
	// Prose has about one token per three bytes (a word, its space,
	// punctuation): size for that so the slice is usually allocated once.
	t := tokenizer{toks: make([]Token, 0, len(s)/3+16), s: s}
	for i := 0; i < len(s); {
		// ASCII first: most bytes of French and English prose are ASCII,
		// and the unicode tables cost more than the comparisons.
		if c := s[i]; c < utf8.RuneSelf {
			switch {
			case c == ' ' || '\t' <= c && c <= '\r':
				i = t.space(i)
			case '0' <= c && c <= '9':
				i = p.number(&t, i)
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
				j := p.scanWord(&t, i)
				t.emit(Word, t.lastEnd(i), j)
				i = j
			default:
				t.emit(Punct, i, i+1)
				i++
			}
			continue
		}
		r, n := runeAt(s, i)
		switch {
		case unicode.IsSpace(r):
			i = t.space(i)
		case isLetterOrMark(r):
			j := p.scanWord(&t, i)
			t.emit(Word, t.lastEnd(i), j)
			i = j
		default:
			// Only ASCII digits make numbers; other decimal digits (N'Ko,
			// Arabic-Indic, fullwidth) are punctuation here, and must not
			// reach scanNumber, which would not advance over them.
			t.emit(Punct, i, i+n)
			i += n
		}
	}
	return t.toks
}

// tokenizer is the output of Tokens under construction.
type tokenizer struct {
	toks []Token
	s    string
}

func (t *tokenizer) emit(k TokenKind, a, b int) {
	t.toks = append(t.toks, Token{Kind: k, Start: a, End: b})
}

// space emits the run of white space starting at i and returns its end.
func (t *tokenizer) space(i int) int {
	s := t.s
	j := i
	for j < len(s) {
		if c := s[j]; c < utf8.RuneSelf {
			if c == ' ' || '\t' <= c && c <= '\r' {
				j++
				continue
			}
			break
		}
		r, n := runeAt(s, j)
		if !unicode.IsSpace(r) {
			break
		}
		j += n
	}
	t.emit(Space, i, j)
	return j
}

// number emits the number, or the alphanumeric word ("1er", "21st",
// "90s"), starting with the ASCII digit at i, and returns its end.
func (p *Pack) number(t *tokenizer, i int) int {
	s := t.s
	j := p.scanNumber(s, i)
	if r2, _ := runeAt(s, j); isLetterOrMark(r2) && allDigits(s[i:j]) {
		j = p.scanWord(t, i)
		t.emit(Word, t.lastEnd(i), j)
	} else {
		t.emit(Number, i, j)
	}
	return j
}

// lastEnd is where the current word starts: after any elided particle that
// scanWord already emitted, else at i.
func (t *tokenizer) lastEnd(i int) int {
	if n := len(t.toks); n > 0 && t.toks[n-1].End > i {
		return t.toks[n-1].End
	}
	return i
}

// scanWord scans a word starting at i and returns its end. French elided
// particles met at the start of a word are emitted as words and the word
// continues after them.
func (p *Pack) scanWord(t *tokenizer, i int) int {
	s := t.s
	start := i
	j := i
	for {
		if j == start && len(p.elisionParticles) > 0 && !p.lazyElision {
			if _, e, ok := p.elisionExcept.match(s, j); ok {
				j = e
			}
		}
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				// ASCII fast path: isWordRune is letters and digits.
				if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
					j++
					continue
				}
				break
			}
			r, n := runeAt(s, j)
			if !isWordRune(r) {
				break
			}
			j += n
		}
		r, n := runeAt(s, j)
		next, _ := runeAt(s, j+n)
		switch {
		case n == 0:
			return j
		case isHyphen(r) && isWordRune(next):
			j += n
			continue
		case isApostrophe(r) && isLetterOrMark(next):
			if len(p.elisionParticles) > 0 && p.elisionParticles[strings.ToLower(s[start:j])] {
				if p.lazyElision {
					if _, e, ok := p.elisionExcept.match(s, start); ok && e > j {
						j = e // "presqu’île", "N’Djamena": one word
						continue
					}
				}
				t.emit(Word, start, j+n)
				start = j + n
				j = start
				continue
			}
			j += n
			continue
		case r == '.' && isInitialism(s, start, j):
			return scanInitialism(s, j)
		}
		return j
	}
}

// lettersApostropheLetters reports whether every phrase is letters, one
// apostrophe, letters ("aujourd’hui", "N’Djamena"). Then scanWord need not
// try the elision exceptions at every word: without the exception, the
// scan stops at that apostrophe anyway, and only there, when the letters
// before it are an elided particle, does the exception change the result;
// elsewhere the scan runs on to where the exception ends.
func lettersApostropheLetters(phrases []string) bool {
	for _, w := range phrases {
		f := Fold(strings.TrimSpace(w))
		k := strings.IndexByte(f, '\'')
		if k <= 0 || k == len(f)-1 {
			return false
		}
		for _, part := range []string{f[:k], f[k+1:]} {
			for _, r := range part {
				if !unicode.IsLetter(r) {
					return false
				}
			}
		}
	}
	return true
}

// isInitialism: the word so far is one letter, followed by ".X." ("U.S.").
func isInitialism(s string, start, j int) bool {
	r, n := runeAt(s, start)
	if start+n != j || !unicode.IsLetter(r) {
		return false
	}
	r2, n2 := runeAt(s, j+1)
	r3, _ := runeAt(s, j+1+n2)
	return unicode.IsLetter(r2) && r3 == '.'
}

// scanInitialism consumes ".X" pairs from the first period at j and the
// final period: "U.S.A." → end after the last ".".
func scanInitialism(s string, j int) int {
	for {
		// s[j] == '.'
		r, n := runeAt(s, j+1)
		r2, _ := runeAt(s, j+1+n)
		if !unicode.IsLetter(r) || r2 != '.' {
			return j + 1
		}
		after, _ := runeAt(s, j+1+n+1)
		if isWordRune(after) {
			return j + 1 // "U.S.based": stop before a glued word
		}
		j = j + 1 + n
	}
}

// scanNumber scans digits with separators from i. Thousands groups (space
// forms in French, "," in English) need exactly three digits; a "." or ","
// between digits is kept in the token (decimal, or a foreign grouping).
func (p *Pack) scanNumber(s string, i int) int {
	j, _ := p.scanNumberGrouped(s, i)
	return j
}

// scanNumberGrouped is scanNumber that also reports whether the number is an
// integer written only with valid thousands groups.
func (p *Pack) scanNumberGrouped(s string, i int) (end int, integer bool) {
	integer = true
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	groupOK := j-i <= 3
	for j < len(s) {
		r, n := runeAt(s, j)
		if strings.ContainsRune(p.num.groupSeps, r) && groupOK && threeDigits(s, j+n) {
			j += n + 3
			continue
		}
		if (r == '.' || r == ',') && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
			j++
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			groupOK, integer = false, false
			continue
		}
		break
	}
	return j, integer
}

// threeDigits: exactly three ASCII digits at k, then not a digit.
func threeDigits(s string, k int) bool {
	if k+3 > len(s) {
		return false
	}
	for x := k; x < k+3; x++ {
		if s[x] < '0' || s[x] > '9' {
			return false
		}
	}
	return k+3 == len(s) || s[k+3] < '0' || s[k+3] > '9'
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
