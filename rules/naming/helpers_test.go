package naming

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/artlint/artlint/internal/lang"
)

// TestArabicArticleAsDefined: the hand-written hyphen search answers as
// the definition with strings.IndexAny does.
func TestArabicArticleAsDefined(t *testing.T) {
	def := func(w string) bool {
		h := strings.IndexAny(w, "-\u2010\u2011")
		if h <= 0 || h > 3 {
			return false
		}
		switch w[:h] {
		case "al", "el", "ad", "as", "ash", "at", "az", "ar", "an", "bin", "ben", "ibn", "abu", "abd":
			_, n := utf8.DecodeRuneInString(w[h:])
			r, _ := utf8.DecodeRuneInString(w[h+n:])
			return unicode.IsUpper(r)
		}
		return false
	}
	for _, w := range []string{"al-Assad", "al\u2010Assad", "el\u2011Sissi", "ash-Sharaa", "abu-Bakr", "Abu-Bakr", "al-assad",
		"bin-Laden", "ibn-Saud", "al", "al-", "a-Z", "alors-que", "Al-Qaida", "abd\u2011Allah", "abdu-Allah", "\xe2\x80al-X",
		"as-\xe2\x80\x90Z", "ben‐Gourion", "", "é-X", "an-Nahar"} {
		if got, want := arabicArticle(w), def(w); got != want {
			t.Errorf("arabicArticle(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestStripAsDefined: the table-driven strip answers as
// lang.StripDiacritics and then stroke, letters, marks and invalid bytes
// alike.
func TestStripAsDefined(t *testing.T) {
	words := []string{"Herzégovine", "Pogačar", "Ødegaard", "Łódź", "Dvořák", "Ærø", "Straße", "Citroën", "Škoda",
		"e\u0301lan", "Mu\u0308ller", "Ἀθῆναι", "Москва", "İstanbul", "Đoković", "\xc3", "a\xffb", "Ǆemal", "ÉTATS-UNIS", ""}
	for r := rune(0xa0); r < 0x300; r++ {
		words = append(words, "X"+string(r)+"y")
	}
	for w, want := range map[string]string{"Ødegaard": "Odegaard", "Łódź": "Lodz", "Đoković": "Dokovic", "Kırklareli": "Kirklareli"} {
		if got := strip(w); got != want {
			t.Errorf("strip(%q) = %q, want %q", w, got, want)
		}
	}
	for _, w := range words {
		if got, want := strip(w), strings.Map(stroke, lang.StripDiacritics(w)); got != want {
			t.Errorf("strip(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestIsParticleAsDefined: the ASCII shortcut answers as the folded
// look-up does.
func TestIsParticleAsDefined(t *testing.T) {
	words := []string{"de", "De", "DE", "d'", "d’", "D’", "della", "Della", "dellas", "von", "Van", "al", "el", "y", "Y", "of",
		"for", "For", "fort", "", "é", "dé", "de\u0301", "ibn", "IBN", "Bin", "binary", "ten", "tenth", "delladella", "d\u2019", "\xff"}
	for p := range particles {
		words = append(words, p, strings.ToUpper(p), p+"x")
	}
	// particleStart's shortcut, first byte by first byte.
	for c := range utf8.RuneSelf {
		words = append(words, string(rune(c))+"e", string(rune(c))+"\u0301", string(rune(c))+"’")
	}
	// mayFoldToParticle's shortcut, for the runes below U+0300 and some
	// beyond.
	for r := rune(0x80); r < 0x400; r++ {
		words = append(words, string(r)+"bn", string(r)+"n", string(r), string(r)+"\u0301n", string(r)+"\xff")
	}
	words = append(words, "\u212a", "\u212aen", "İbn", "İBN", "\u00a0de")
	for _, w := range words {
		want, _ := lang.LookupFold(particles, w)
		if got := isParticle(w); got != want {
			t.Errorf("isParticle(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestKeysAsDefined: folded and keysOf answer as lang.Fold,
// lang.LowerFold and strip by their definition.
func TestKeysAsDefined(t *testing.T) {
	words := []string{"Herzégovine", "OTAN", "Ødegaard", "Łódź", "e\u0301lan", "l’OTAN", "Bosnie\u2011Herzégovine", "a\u00a0b",
		"ʼAli", "Ἀθῆναι", "Москва", "İstanbul", "ǅemal", "\xc3", "a\xffb", "ÉTATS-UNIS", "Straße", "", "K\u212a"}
	for r := rune(0xa0); r < 0x400; r++ {
		words = append(words, "X"+string(r)+"y", string(r)+"ÉÀ")
	}
	// One builder for all, as for a record: the keys written first stay
	// valid as it grows.
	var b strings.Builder
	got := make([][3]string, len(words))
	for i, w := range words {
		key := lang.Fold(w)
		if folded(w) && key != w {
			t.Errorf("folded(%q), but lang.Fold is %q", w, key)
		}
		got[i][0], got[i][1], got[i][2] = keysOf(&b, key)
	}
	for i, w := range words {
		key := lang.Fold(w)
		wantStrip := strings.Map(stroke, lang.StripDiacritics(key))
		if want := [3]string{lang.LowerFold(w), wantStrip, strings.ToLower(wantStrip)}; got[i] != want {
			t.Errorf("keysOf(%q) = %q, want %q", key, got[i], want)
		}
	}
}

// TestHonorificsStartWithCapital: extract looks up honorifics only at
// words that start with an ASCII capital or beyond ASCII, which misses
// none if every honorific of every pack starts with an ASCII capital.
func TestHonorificsStartWithCapital(t *testing.T) {
	for f, honorifics := range packHonorifics(t) {
		for _, h := range honorifics {
			if h == "" || h[0] < 'A' || h[0] > 'Z' {
				t.Errorf("%s: honorific %q does not start with an ASCII capital", f, h)
			}
		}
	}
}

// packHonorifics reads the honorifics of every language pack's data, by
// data file, trimmed.
func packHonorifics(t *testing.T) map[string][]string {
	t.Helper()
	files, err := filepath.Glob("../../internal/lang/data/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no pack data: %v", err)
	}
	honorifics := map[string][]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var d struct{ Honorifics []string }
		if err := json.Unmarshal(data, &d); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, h := range d.Honorifics {
			honorifics[f] = append(honorifics[f], strings.TrimSpace(h))
		}
	}
	return honorifics
}
