package naming

import (
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/artlint/artlint/internal/lang"
)

// TestOwnKey checks the shortcut markCommon takes: a word that ownKey
// accepts is its own key (lang.LowerFold), and the hyphen it reports is there.
func TestOwnKey(t *testing.T) {
	var words []string
	for r := rune(0); r < 0x250; r++ {
		words = append(words, "a"+string(r)+"b", string(r)+"té", "é"+string(r))
	}
	words = append(words, "sécurité", "cœur", "euro-atlantique", "aujourd’hui", "l'OTAN", "naïve", "\xc3", "e\u0301t\u00e9", "dé\u2011faire", "grüße", "")
	accepted := 0
	for _, w := range words {
		own, hyphen := ownKey(w)
		if !own {
			continue
		}
		accepted++
		if k := lang.LowerFold(w); k != w {
			t.Errorf("ownKey(%q) accepted, but lang.LowerFold gives %q", w, k)
		}
		if hyphen != strings.Contains(w, "-") {
			t.Errorf("ownKey(%q): hyphen %v", w, hyphen)
		}
	}
	for _, w := range []string{"sécurité", "cœur", "euro-atlantique", "naïve", "grüße"} {
		if own, _ := ownKey(w); !own {
			t.Errorf("ownKey(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"l'OTAN", "aujourd’hui", "e\u0301t\u00e9", "dé\u2011faire", "\xc3", "Paris"} {
		if own, _ := ownKey(w); own {
			t.Errorf("ownKey(%q) = true, want false", w)
		}
	}
	if accepted < 200 {
		t.Errorf("only %d words accepted", accepted)
	}
}

// TestElisionKey checks markCommon's other shortcut: a plain word
// followed by ’ is keyed with ' instead.
func TestElisionKey(t *testing.T) {
	for _, w := range []string{"l’", "d’", "qu’", "jusqu’", "lorsqu’", "s’", "aujourd’"} {
		if k, want := lang.LowerFold(w), strings.TrimSuffix(w, "’")+"'"; k != want {
			t.Errorf("lang.LowerFold(%q) = %q, want %q", w, k, want)
		}
	}
}

// TestFlagTestsAsDefined: on every word of TestOwnKey's words and of the
// seed record, the tests of the token's flags tell what reading its bytes
// tells: ownKeyOf as ownKey, markCommon's first test (ASCII, no capital,
// no hyphen) only of words that ownKey accepts with no hyphen, inCaps as
// allCaps, isNameWord and upperAt as their definitions.
func TestFlagTestsAsDefined(t *testing.T) {
	seed, err := os.ReadFile("../../testdata/records/nato-chicago-partners-2012.fr.json")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{string(seed), "al-Assad ibn-Saud el-Baradei NATO OTAN-UE É ÉU U.S. sécurité cœur euro-atlantique aujourd’hui l'OTAN naïve grüße dé\u2011faire e\u0301t\u00e9 µs ªb Œuvre ÿ"}
	for r := rune(0x80); r < 0x250; r++ {
		texts = append(texts, "a"+string(r)+"b "+string(r)+"té é"+string(r))
	}
	words := 0
	for _, tag := range []string{"fr", "en"} {
		pack, _ := lang.For(tag)
		for _, s := range texts {
			for _, tk := range pack.Tokens(s) {
				if tk.Kind != lang.Word {
					continue
				}
				words++
				w := tk.Text(s)
				own, hyphen := ownKey(w)
				if gotOwn, gotHyphen := ownKeyOf(w, tk.Flags); gotOwn != own || gotHyphen != hyphen {
					t.Errorf("ownKeyOf(%q, %b) = %v, %v; ownKey: %v, %v", w, tk.Flags, gotOwn, gotHyphen, own, hyphen)
				}
				if tk.Flags&(lang.NonASCII|lang.HasUpper|lang.Hyphenated) == 0 && (!own || hyphen) {
					t.Errorf("%q (flags %b) taken for plain ASCII in lower case", w, tk.Flags)
				}
				if got, want := inCaps(s, &tk), allCaps(w); got != want {
					t.Errorf("inCaps(%q) = %v, allCaps: %v", w, got, want)
				}
				first, _ := utf8.DecodeRuneInString(w)
				if got, want := isNameWord(s, &tk), unicode.IsUpper(first) || arabicArticle(w); got != want {
					t.Errorf("isNameWord(%q) = %v, want %v", w, got, want)
				}
				if got, want := upperAt(s, &tk, tk.Start), unicode.IsUpper(first); got != want {
					t.Errorf("upperAt(%q, start) = %v, want %v", w, got, want)
				}
			}
		}
	}
	if words < 1000 {
		t.Errorf("only %d words", words)
	}
}
