package naming

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
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
