package lang

import (
	"slices"
	"strings"
	"testing"
	"unicode"
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
