package lang

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// refInitialSegments is initialSegments as first written, splitting w: the
// definition the one-pass version is tested against.
func refInitialSegments(w string) (segs int, dotted bool) {
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == '.' || r == '-' })
	for _, part := range parts {
		rs := []rune(part)
		if len(rs) != 1 || !unicode.IsLetter(rs[0]) {
			return 0, false
		}
	}
	if len(parts) == 1 && !unicode.IsUpper([]rune(parts[0])[0]) {
		return 0, false
	}
	return len(parts), strings.Contains(w, ".")
}

var initialWords = []string{"", ".", "-", "..", "K", "k", "U.S", "U.S.A", "J.-P", "J-P", "J..K", "M", "Mme", "x", "É", "é.É",
	"É-Ü", "a.b", "AB.C", "A.BC", "1", "A.1", "e\u0301", "\xff", "A.\xff", "A-", "-A", ".A.", "ǅ", "ß.Σ"}

func TestInitialSegmentsEqualReference(t *testing.T) {
	for _, w := range initialWords {
		gs, gd := initialSegments(w)
		ws, wd := refInitialSegments(w)
		if gs != ws || gd != wd {
			t.Errorf("initialSegments(%q) = %d, %v; want %d, %v", w, gs, gd, ws, wd)
		}
	}
}

func FuzzInitialSegmentsEqualReference(f *testing.F) {
	for _, w := range initialWords {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		gs, gd := initialSegments(w)
		ws, wd := refInitialSegments(w)
		if gs != ws || gd != wd {
			t.Fatalf("initialSegments(%q) = %d, %v; want %d, %v", w, gs, gd, ws, wd)
		}
	})
}

// TestAppendSentences: appending to the sentences of other texts appends
// the sentences of the text alone, and Sentences gives nil for none.
func TestAppendSentences(t *testing.T) {
	for _, tag := range []string{"fr", "en"} {
		p := mustPack(t, tag)
		var all []Span
		for _, s := range tokenTexts(t) {
			want := p.Sentences(s)
			n := len(all)
			if all = p.AppendSentences(all, s); !slices.Equal(all[n:], want) {
				t.Errorf("%s AppendSentences(…, %q) appended %v, want %v", tag, s, all[n:], want)
			}
		}
		if got := p.Sentences(" \n "); got != nil {
			t.Errorf("%s Sentences of white space = %#v, want nil", tag, got)
		}
	}
}

// TestWordBeforeEqualsRuneLoop: wordBefore's byte look-ups for ASCII
// find what a loop decoding every rune back finds.
func TestWordBeforeEqualsRuneLoop(t *testing.T) {
	ref := func(s string, j int) string {
		k := j
		for k > 0 {
			r, n := runeBefore(s, k)
			if !isLetterOrMarkQuick(r) && r != '.' && !isHyphen(r) {
				break
			}
			k -= n
		}
		return strings.TrimLeft(s[k:j], ".-\u2010\u2011")
	}
	for _, s := range append(tokenTexts(t), "J.-P. Sartre", "U.S.", "a\u0301b.", "x‑y.", "1a.") {
		for j := range len(s) + 1 {
			if j < len(s) && !utf8.RuneStart(s[j]) {
				continue
			}
			if got, want := wordBefore(s, j), ref(s, j); got != want {
				t.Fatalf("wordBefore(%q, %d) = %q, want %q", s, j, got, want)
			}
		}
	}
}

// TestAsciiOrLatin1IsOwnFold: a word asciiOrLatin1 lets through is its
// own Fold, so endsSentence may skip folding it.
func TestAsciiOrLatin1IsOwnFold(t *testing.T) {
	for _, s := range append(tokenTexts(t), "sécurité", "Œuvre", "e\u0301te\u0301", "×÷", "\xc3", "\xc3(", "l’É") {
		for i := range len(s) + 1 {
			for j := i; j <= len(s) && j <= i+12; j++ {
				if w := s[i:j]; asciiOrLatin1(w) && Fold(w) != w {
					t.Fatalf("asciiOrLatin1(%q), but Fold gives %q", w, Fold(w))
				}
			}
		}
	}
}
