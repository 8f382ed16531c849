package lang

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// refTokens is Tokens as it was before the byte tables and the pooled
// buffer: the plain definition the fast tokenizer is tested against.
func (p *Pack) refTokens(s string) []Token {
	t := refTokenizer{s: s}
	for i := 0; i < len(s); {
		r, n := runeAt(s, i)
		switch {
		case unicode.IsSpace(r):
			i = t.space(i)
		case '0' <= r && r <= '9':
			i = p.refNumber(&t, i)
		case isLetterOrMark(r):
			j := p.refScanWord(&t, i)
			t.emit(Word, t.lastEnd(i), j)
			i = j
		default:
			t.emit(Punct, i, i+n)
			i += n
		}
	}
	return t.toks
}

type refTokenizer struct {
	toks []Token
	s    string
}

func (t *refTokenizer) emit(k TokenKind, a, b int) {
	var f TokenFlags
	if k == Word {
		f = refFlags(t.s[a:b])
	}
	t.toks = append(t.toks, Token{Kind: k, Flags: f, Start: a, End: b})
}

// refFlags are the flags of a Word token w, as documented.
func refFlags(w string) TokenFlags {
	var f TokenFlags
	set := func(flag TokenFlags, ok bool) {
		if ok {
			f |= flag
		}
	}
	first, _ := utf8.DecodeRuneInString(w)
	set(StartsUpper, unicode.IsUpper(first))
	set(StartsLower, unicode.IsLower(first))
	set(HasUpper, strings.IndexFunc(w, unicode.IsUpper) >= 0)
	set(HasLower, strings.IndexFunc(w, unicode.IsLower) >= 0)
	set(NonASCII, strings.IndexFunc(w, func(r rune) bool { return r >= utf8.RuneSelf }) >= 0)
	set(Hyphenated, strings.IndexFunc(w, isHyphen) >= 0)
	set(Apostrophe, strings.IndexFunc(w, isApostrophe) >= 0)
	set(NonLatin1, strings.IndexFunc(w, func(r rune) bool {
		return r >= utf8.RuneSelf && !(0xC0 <= r && r <= 0xFF && unicode.IsLetter(r))
	}) >= 0)
	return f
}

func (t *refTokenizer) space(i int) int {
	j := i
	for j < len(t.s) {
		r, n := runeAt(t.s, j)
		if !unicode.IsSpace(r) {
			break
		}
		j += n
	}
	t.emit(Space, i, j)
	return j
}

func (p *Pack) refNumber(t *refTokenizer, i int) int {
	s := t.s
	j := p.scanNumber(s, i)
	if r2, _ := runeAt(s, j); isLetterOrMark(r2) && allDigits(s[i:j]) {
		j = p.refScanWord(t, i)
		t.emit(Word, t.lastEnd(i), j)
	} else {
		t.emit(Number, i, j)
	}
	return j
}

func (t *refTokenizer) lastEnd(i int) int {
	if n := len(t.toks); n > 0 && t.toks[n-1].End > i {
		return t.toks[n-1].End
	}
	return i
}

func (p *Pack) refScanWord(t *refTokenizer, i int) int {
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
						j = e
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

// tokenTexts are texts that exercise every path of the tokenizer.
func tokenTexts(tb testing.TB) []string {
	texts := append(seedProse(tb), fuzzSeeds...)
	return append(texts,
		"Aujourd’hui, quelqu’un a dit qu’il irait presqu’à N’Djamena ; QUOİQU’il, LORSQU'elle, Jusqu\u02bcau bout.",
		"Ça × 3 ÷ 2 : àéïôùÿ ÀÉÎÕÜ ß æœ Œuvre ÿ× é÷ e\u0301te\u0301 naïve‐ment l\u2011autre",
		"U.S.A. e.g. U.S.based 1er 21st 90s G20 1\u00a0000 1\u202f000,5 3.5 ١٢٣ ５ x²¹ \u2003\u3000\u0085 \xc3 \xc3\x28 \xe2\x80",
		"Tab\tnew\nline\r\n\v\f end'  'quote' don't O'Neill Lindqvist's rock 'n' roll -a- -- a--b",
	)
}

// TestTokensEqualReference: the byte-table tokenizer gives the reference
// tokens, and AppendTokens onto other texts' tokens appends the same.
func TestTokensEqualReference(t *testing.T) {
	for _, tag := range []string{"fr", "en"} {
		p := mustPack(t, tag)
		eager := *p
		eager.lazyElision = false
		var all []Token
		for _, s := range tokenTexts(t) {
			want := p.refTokens(s)
			if got := p.Tokens(s); !slices.Equal(got, want) || cap(got) != len(got) {
				t.Errorf("%s Tokens(%q)\n got %v\nwant %v", tag, s, got, want)
			}
			if got := eager.Tokens(s); !slices.Equal(got, eager.refTokens(s)) {
				t.Errorf("%s eager Tokens(%q) differs from the reference", tag, s)
			}
			n := len(all)
			if all = p.AppendTokens(all, s); !slices.Equal(all[n:], want) {
				t.Errorf("%s AppendTokens(…, %q) appended %v, want %v", tag, s, all[n:], want)
			}
		}
	}
}

func FuzzTokensEqualReference(f *testing.F) {
	for _, s := range tokenTexts(f) {
		f.Add(s)
	}
	fr, en := mustPack(f, "fr"), mustPack(f, "en")
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range []*Pack{fr, en} {
			if got, want := p.Tokens(s), p.refTokens(s); !slices.Equal(got, want) {
				t.Fatalf("%s Tokens(%q)\n got %v\nwant %v", p.Tag, s, got, want)
			}
		}
	})
}

// BenchmarkAppendTokensSeed is the tokenizer without the allocation of
// its result: the seed's texts into one reused buffer, as textan does.
func BenchmarkAppendTokensSeed(b *testing.B) {
	p := mustPack(b, "fr")
	texts := seedProse(b)
	var buf []Token
	for b.Loop() {
		buf = buf[:0]
		for _, s := range texts {
			buf = p.AppendTokens(buf, s)
		}
	}
}

// BenchmarkTokensSeedReference is BenchmarkTokensSeed for the reference
// tokenizer, to compare the fast paths with on the same machine.
func BenchmarkTokensSeedReference(b *testing.B) {
	p := mustPack(b, "fr")
	texts := seedProse(b)
	for b.Loop() {
		for _, s := range texts {
			p.refTokens(s)
		}
	}
}

// TestTokenFlags shows the flags of a few first words; TestTokensEqualReference
// checks them on every token of the test texts.
func TestTokenFlags(t *testing.T) {
	p := mustPack(t, "fr")
	want := map[string]TokenFlags{
		"Bosnie‑Herzégovine": StartsUpper | HasUpper | HasLower | NonASCII | Hyphenated | NonLatin1,
		"l’OTAN":             StartsLower | HasLower | NonASCII | Apostrophe | NonLatin1, // "l’", then "OTAN"
		"Œuvre":              StartsUpper | HasUpper | HasLower | NonASCII | NonLatin1,
		"OTAN":               StartsUpper | HasUpper,
		"à":                  StartsLower | HasLower | NonASCII,
		"euro-atlantique":    StartsLower | HasLower | Hyphenated,
		"1er":                HasLower,
		"U.S.":               StartsUpper | HasUpper,
	}
	for w, f := range want {
		toks := p.Tokens(w)
		if got := toks[0]; got.Kind != Word || got.Flags != f {
			t.Errorf("Tokens(%q) starts with %+v, want flags %09b", w, got, f)
		}
	}
	if toks := p.Tokens("3 000 ,"); toks[0].Flags|toks[1].Flags|toks[2].Flags != 0 {
		t.Errorf("flags on other tokens than words: %+v", toks)
	}
}

// TestLatin1LetterTails: the table wordRunEnd reads the accented letters
// from holds their runeFlags, and nothing for the other runes C3 leads.
func TestLatin1LetterTails(t *testing.T) {
	for b := range 256 {
		want := TokenFlags(0)
		if r, n := utf8.DecodeRuneInString(string([]byte{0xC3, byte(b)})); n == 2 && unicode.IsLetter(r) {
			want = runeFlags(r)
		}
		if got := latin1LetterTails[b]; got != want {
			t.Errorf("latin1LetterTails[%#x] = %09b, want %09b", b, got, want)
		}
	}
}

// TestElidedEqualsLookup: elided answers as the lower-cased map lookup it
// replaces, and marks every particle that an exception can start with.
func TestElidedEqualsLookup(t *testing.T) {
	words := []string{"l", "L", "qu", "QU", "Qu", "jusqu", "lorsqu", "quoiqu", "QUOİQU", "n", "N", "d",
		"aujourd", "presqu", "quelqu", "prud", "entr", "x", "", "l\u0301", "\u212a", "abcdefghij", "é"}
	for _, tag := range []string{"fr", "en"} {
		p := mustPack(t, tag)
		for _, w := range words {
			particle, excepted := p.elided(w)
			if want := p.elisionParticles[strings.ToLower(w)]; particle != want {
				t.Errorf("%s elided(%q) = %v, want %v", tag, w, particle, want)
			}
			for _, e := range p.d.ElisionExceptions {
				_, rest, _ := strings.Cut(Fold(e), "'")
				s := w + "’" + rest
				if _, end, ok := p.elisionExcept.match(s, 0); ok && end > len(w) && particle && !excepted {
					t.Errorf("%s elided(%q): not excepted, but %q matches exception %q", tag, w, s, e)
				}
			}
		}
	}
}
