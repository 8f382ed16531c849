package lang

import (
	"strings"
	"sync"
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
// as slow). Flags, which fill padding after Kind, are what the tokenizer
// learnt of a Word's runes while scanning it: rules test them rather than
// read the word's bytes again.
type Token struct {
	Kind       TokenKind
	Flags      TokenFlags
	Start, End int
}

// TokenFlags describe the runes of a Word token; other tokens have none.
type TokenFlags uint16

// Token flags, each true of a Word token whose text w is as said.
const (
	StartsUpper TokenFlags = 1 << iota // w's first rune is upper case (unicode.IsUpper)
	StartsLower                        // w's first rune is lower case (unicode.IsLower)
	HasUpper                           // some rune of w is upper case
	HasLower                           // some rune of w is lower case
	NonASCII                           // some byte of w is not ASCII
	Hyphenated                         // w holds a hyphen: - U+2010 U+2011
	Apostrophe                         // w holds an apostrophe: ' U+2019 U+02BC
	NonLatin1                          // some rune of w is neither ASCII nor a letter of U+00C0–U+00FF (À–ÿ)
)

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
//
// The slice returned has exactly its length as capacity.
func (p *Pack) Tokens(s string) []Token {
	// Tokenize into a reused buffer and copy out exactly what was found:
	// no estimate of the count can be both tight and safe, and the spare
	// capacity of a generous one was a fifth of the bytes allocated.
	buf := tokenBufs.Get().(*[]Token)
	toks := p.AppendTokens((*buf)[:0], s)
	out := make([]Token, len(toks))
	copy(out, toks)
	if cap(toks) <= maxPooledTokens {
		*buf = toks
		tokenBufs.Put(buf)
	}
	return out
}

// tokenBufs holds the buffers Tokens tokenizes into.
var tokenBufs = sync.Pool{New: func() any { return new([]Token) }}

// maxPooledTokens bounds the buffers kept for reuse: a huge text (an
// editor buffer of several MB) must not keep its token buffer alive.
const maxPooledTokens = 1 << 16

// AppendTokens appends the tokens of s (see Tokens) to dst and returns the
// extended slice, so that a caller can gather the tokens of several texts
// in one buffer.
func (p *Pack) AppendTokens(toks []Token, s string) []Token {
	eager := p.eagerElision()
	for i := 0; i < len(s); {
		cls := tokenBytes[s[i]]
		if cls == letterByte && !eager {
			// Most tokens: a word of ASCII letters that ends at a space
			// or punctuation, with nothing more to decide,
			j, f := asciiWordRunEnd(s, i)
			if j < len(s) && tokenBytes[s[j]] > spaceByte {
				toks, i = p.scanWordFrom(toks, s, i, j, f)
				continue
			}
			toks = append(toks, Token{Kind: Word, Flags: f | startCase[s[i]], Start: i, End: j})
			i = j
			// and most often one space before the next word.
			if i < len(s) && s[i] == ' ' && !spaceGoesOn(s, i+1) {
				toks = append(toks, Token{Kind: Space, Start: i, End: i + 1})
				i++
			}
			continue
		}
		switch cls {
		case letterByte: // in a pack that tries elision exceptions at every word
			toks, i = p.scanWord(toks, s, i)
		case spaceByte:
			j := i + 1
			if spaceGoesOn(s, j) {
				j = spaceRunEnd(s, j)
			}
			toks = append(toks, Token{Kind: Space, Start: i, End: j})
			i = j
		case digitByte:
			toks, i = p.number(toks, s, i)
		case punctByte, joinerByte:
			toks = append(toks, Token{Kind: Punct, Start: i, End: i + 1})
			i++
		default: // a byte of a multi-byte rune (or an invalid one): decode
			r, n := runeAt(s, i)
			switch {
			case unicode.IsSpace(r):
				j := spaceRunEnd(s, i)
				toks = append(toks, Token{Kind: Space, Start: i, End: j})
				i = j
			case isLetterOrMarkQuick(r):
				toks, i = p.scanWord(toks, s, i)
			default:
				// Only ASCII digits make numbers; other decimal digits (N'Ko,
				// Arabic-Indic, fullwidth) are punctuation here, and must not
				// reach scanNumber, which would not advance over them.
				toks = append(toks, Token{Kind: Punct, Start: i, End: i + n})
				i += n
			}
		}
	}
	return toks
}

// spaceGoesOn reports whether the white space before j may go on at j:
// most spaces are one byte between two words, told with one look-up.
func spaceGoesOn(s string, j int) bool {
	return j < len(s) && (tokenBytes[s[j]] == spaceByte || tokenBytes[s[j]] == multiByte)
}

// eagerElision reports whether scanWord must try the elision exceptions
// at the start of every word (see lettersApostropheLetters).
func (p *Pack) eagerElision() bool { return len(p.elisionParticles) > 0 && !p.lazyElision }

// tokenByte is what an ASCII byte starts for Tokens; every byte >= 0x80
// is multiByte (a rune to decode). The order matters: a word ends, with
// nothing more to decide, at a byte up to spaceByte.
type tokenByte uint8

const (
	punctByte  tokenByte = iota
	spaceByte            // white space
	joinerByte           // - ' . : punctuation, or inside a word ("a-t-il", "don't", "U.S.")
	digitByte
	letterByte
	multiByte
)

// tokenBytes classifies bytes with one lookup instead of a chain of
// comparisons, on every byte of every text.
var tokenBytes = func() (t [256]tokenByte) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = multiByte
		case c == ' ' || '\t' <= c && c <= '\r':
			t[c] = spaceByte
		case c == '-' || c == '\'' || c == '.':
			t[c] = joinerByte
		case '0' <= c && c <= '9':
			t[c] = digitByte
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			t[c] = letterByte
		}
	}
	return t
}()

// spaceRunEnd is the end of the run of white space at i.
func spaceRunEnd(s string, i int) int {
	j := i
	for j < len(s) {
		switch tokenBytes[s[j]] {
		case spaceByte:
			j++
			continue
		case multiByte:
			if r, n := runeAt(s, j); unicode.IsSpace(r) {
				j += n
				continue
			}
		}
		break
	}
	return j
}

// number appends the number, or the alphanumeric word ("1er", "21st",
// "90s"), starting with the ASCII digit at i, and returns its end.
func (p *Pack) number(toks []Token, s string, i int) ([]Token, int) {
	j := p.scanNumber(s, i)
	if r2, _ := runeAt(s, j); isLetterOrMarkQuick(r2) && allDigits(s[i:j]) {
		return p.scanWord(toks, s, i)
	}
	return append(toks, Token{Kind: Number, Start: i, End: j}), j
}

// scanWord appends the word starting at i and returns its end. French
// elided particles met at the start of a word are words of their own, and
// the word continues after them.
func (p *Pack) scanWord(toks []Token, s string, i int) ([]Token, int) {
	j, f := p.elisionException(s, i)
	return p.scanWordFrom(toks, s, i, j, f)
}

// elisionException is the end and the flags of the listed elision
// exception at i when the pack tries them at the start of every word, or
// i and no flags.
func (p *Pack) elisionException(s string, i int) (int, TokenFlags) {
	if p.eagerElision() {
		if _, e, ok := p.elisionExcept.match(s, i); ok {
			return e, flagsOf(s[i:e])
		}
	}
	return i, 0
}

// scanWordFrom is scanWord once s[start:j], the start of the word's first
// run of word runes, is scanned with flags f (but StartsUpper and
// StartsLower): it goes on to the end of the run, then over hyphens,
// apostrophes and initialisms.
func (p *Pack) scanWordFrom(toks []Token, s string, start, j int, f TokenFlags) ([]Token, int) {
	for {
		var run TokenFlags
		j, run = wordRunEnd(s, j)
		f |= run
		if j == len(s) || tokenBytes[s[j]] <= spaceByte {
			break // the usual end of a word: a space or punctuation
		}
		r, n := runeAt(s, j)
		next, _ := runeAt(s, j+n)
		switch {
		case isHyphen(r) && isWordRuneQuick(next):
			f |= Hyphenated | multiByteFlags(n)
			j += n
			continue
		case isApostrophe(r) && isLetterOrMarkQuick(next):
			f |= Apostrophe | multiByteFlags(n)
			particle, excepted := p.elided(s[start:j])
			if !particle {
				j += n
				continue
			}
			if p.lazyElision && excepted {
				if _, e, ok := p.elisionExcept.match(s, start); ok && e > j {
					f |= flagsOf(s[j:e])
					j = e // "presqu’île", "N’Djamena": one word
					continue
				}
			}
			toks = append(toks, Token{Kind: Word, Flags: f | startFlags(s, start), Start: start, End: j + n})
			start = j + n
			j, f = p.elisionException(s, start)
			continue
		case r == '.' && isInitialism(s, start, j):
			e := scanInitialism(s, j)
			f |= flagsOf(s[j:e])
			j = e
		}
		break
	}
	return append(toks, Token{Kind: Word, Flags: f | startFlags(s, start), Start: start, End: j}), j
}

// elidedParticles are a pack's elided particles (l’, qu’, jusqu’…) as
// integer keys (PackASCIILower): scanWord looks up the letters before
// every apostrophe in a word, and comparing a few integers costs less
// than hashing their lower case.
type elidedParticles struct {
	keys []uint64
	// excepted is true of a particle that a listed exception starts with
	// ("n" of "N’Djamena"): only there can a lazy pack's exception match.
	excepted []bool
	packed   bool // every particle has a key
}

// newElidedParticles builds the keys of the particles (lowerSet keys)
// and marks those that the exceptions start with.
func newElidedParticles(particles map[string]bool, exceptions []string) elidedParticles {
	ep := elidedParticles{packed: true}
	for w := range particles {
		key, ok := PackASCIILower(w)
		if !ok {
			return elidedParticles{}
		}
		ep.keys = append(ep.keys, key)
		ep.excepted = append(ep.excepted, false)
	}
	for _, w := range exceptions {
		// As the phrase set folds them; the text's letters before an
		// apostrophe match an exception only if they lower-case to its
		// letters before its apostrophe.
		f := strings.ToLower(Fold(strings.TrimSpace(w)))
		prefix, _, _ := strings.Cut(f, "'")
		if key, ok := PackASCIILower(prefix); ok {
			for k := range ep.keys {
				ep.excepted[k] = ep.excepted[k] || ep.keys[k] == key
			}
		}
	}
	return ep
}

// elided reports whether w, the letters before an apostrophe, is an elided
// particle, and whether an elision exception may start with it.
func (p *Pack) elided(w string) (particle, excepted bool) {
	if key, ok := PackASCIILower(w); ok && p.elidedParticles.packed {
		for k, pk := range p.elidedParticles.keys {
			if pk == key {
				return true, p.elidedParticles.excepted[k]
			}
		}
		return false, false
	}
	return p.elisionParticles[strings.ToLower(w)], true
}

// wordRunEnd is the end of the run of word runes (isWordRune) at j, and
// the flags of the run but StartsUpper and StartsLower.
func wordRunEnd(s string, j int) (int, TokenFlags) {
	var f TokenFlags
	for {
		var ascii TokenFlags
		j, ascii = asciiWordRunEnd(s, j)
		f |= ascii
		if j == len(s) || s[j] < utf8.RuneSelf {
			return j, f
		}
		if s[j] == 0xE2 && j+1 < len(s) && s[j+1] == 0x80 {
			return j, f // U+2000–U+203F (’, dashes, spaces): no word rune there
		}
		// The Latin-1 letters of French prose (é, à, ç…) with one look-up,
		// other runes decoded.
		if s[j] == 0xC3 && j+1 < len(s) && latin1LetterTails[s[j+1]] != 0 {
			f |= latin1LetterTails[s[j+1]]
			j += 2
			continue
		}
		r, n := runeAt(s, j)
		if !isWordRuneQuick(r) {
			return j, f
		}
		f |= runeFlags(r)
		j += n
	}
}

// asciiWordRunEnd is the end of the run of ASCII letters and digits at j,
// and their flags: one look-up a byte, in a loop small enough to inline
// where words are scanned.
func asciiWordRunEnd(s string, j int) (int, TokenFlags) {
	var f TokenFlags
	for ; j < len(s); j++ {
		b := asciiWordBytes[s[j]]
		if b == 0 {
			break
		}
		f |= b
	}
	return j, f &^ asciiWordByte
}

// latin1LetterTails holds the flags of the letters U+00C0–U+00FF by the
// second byte of their UTF-8 form (after 0xC3), 0 for other bytes:
// lower case from U+00DF (C3 9F) on.
var latin1LetterTails = func() (t [256]TokenFlags) {
	for b := range len(t) {
		switch {
		case !isLatin1LetterTail(byte(b)):
		case b >= 0x9F:
			t[b] = NonASCII | HasLower
		default:
			t[b] = NonASCII | HasUpper
		}
	}
	return t
}()

// asciiWordByte marks the ASCII letters and digits in asciiWordBytes, so
// that asciiWordRunEnd tells them and gathers their flags with one look-up.
const asciiWordByte TokenFlags = 1 << 15

// asciiWordBytes holds the flags of the ASCII letters and digits, with
// asciiWordByte: 0 for every other byte.
var asciiWordBytes = func() (t [256]TokenFlags) {
	for c := range utf8.RuneSelf {
		if tokenBytes[c] == letterByte || tokenBytes[c] == digitByte {
			t[c] = asciiWordByte | asciiFlags[c]
		}
	}
	return t
}()

// asciiFlags are the flags of the ASCII runes of words.
var asciiFlags = func() (t [utf8.RuneSelf]TokenFlags) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c], t[c+'a'-'A'] = HasUpper, HasLower
	}
	t['-'], t['\''] = Hyphenated, Apostrophe
	return t
}()

// runeFlags are the flags of a rune in a word, but StartsUpper and
// StartsLower.
func runeFlags(r rune) TokenFlags {
	if r < utf8.RuneSelf {
		return asciiFlags[r]
	}
	f := NonASCII
	if r < 0xC0 || r > 0xFF || !unicode.IsLetter(r) {
		f |= NonLatin1
	}
	switch {
	case unicode.IsUpper(r):
		f |= HasUpper
	case unicode.IsLower(r):
		f |= HasLower
	}
	if isHyphen(r) {
		f |= Hyphenated
	}
	if isApostrophe(r) {
		f |= Apostrophe
	}
	return f
}

// flagsOf are the flags of the runes of w, but StartsUpper and
// StartsLower: for the rare parts of words that wordRunEnd does not scan
// (listed exceptions, initialisms).
func flagsOf(w string) TokenFlags {
	var f TokenFlags
	for _, r := range w {
		f |= runeFlags(r)
	}
	return f
}

// multiByteFlags are the flags of a hyphen or an apostrophe of n bytes
// in UTF-8 but Hyphenated and Apostrophe: none is a Latin-1 letter.
func multiByteFlags(n int) TokenFlags {
	if n > 1 {
		return NonASCII | NonLatin1
	}
	return 0
}

// startFlags is StartsUpper or StartsLower, as the rune at i is.
func startFlags(s string, i int) TokenFlags {
	if c := s[i]; c < utf8.RuneSelf {
		return startCase[c] // most words, with one look-up
	}
	return multiByteStartFlags(s, i)
}

// multiByteStartFlags is startFlags for a rune of several bytes, told
// from its bytes if a Latin-1 letter.
func multiByteStartFlags(s string, i int) TokenFlags {
	if s[i] == 0xC3 && i+1 < len(s) && isLatin1LetterTail(s[i+1]) {
		return startCase[s[i+1]+0x40] // C3 80 is U+00C0
	}
	r, _ := runeAt(s, i)
	return runeStartFlags(r)
}

// startCase holds the start flags of the runes below U+0100.
var startCase = func() (t [256]TokenFlags) {
	for r := range rune(len(t)) {
		t[r] = runeStartFlags(r)
	}
	return t
}()

// runeStartFlags is StartsUpper or StartsLower, as r is.
func runeStartFlags(r rune) TokenFlags {
	switch {
	case unicode.IsUpper(r):
		return StartsUpper
	case unicode.IsLower(r):
		return StartsLower
	}
	return 0
}

// isLatin1LetterTail reports whether 0xC3 followed by b encodes a letter:
// U+00C0–U+00FF are all letters but × (C3 97) and ÷ (C3 B7).
func isLatin1LetterTail(b byte) bool {
	return 0x80 <= b && b <= 0xBF && b != 0x97 && b != 0xB7
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
		if isWordRuneQuick(after) {
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
