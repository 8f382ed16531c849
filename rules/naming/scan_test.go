package naming

import (
	"fmt"
	"math/bits"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/artlint/artlint/internal/lang"
)

// scanTexts are the seed record and words that exercise the shortcuts
// extract and addSequence take on tokens' flags.
func scanTexts(t *testing.T) []string {
	t.Helper()
	seed, err := os.ReadFile("../../testdata/records/nato-chicago-partners-2012.fr.json")
	if err != nil {
		t.Fatal(err)
	}
	return []string{string(seed),
		"al-Assad ibn-Saud el-Baradei euro-atlantique NATO's OTAN’s l’OTAN « Nous » — M. Rasmussen, Mme Dupont et Dr Who. \n\n Les Alliés",
		"« NATO »\n\nBANJUL — President Adama Barrow's visit: al-Assad; an-Nahda, abu-Bakr ben-Ali",
		"  \u00a0 NO TO NATO", "x-Ray y-Axe al- al-assad"}
}

// TestNameFromAsDefined: nameFrom's runs of four tokens find the first
// name word (isNameWord) at k or after, as a look at every token does.
func TestNameFromAsDefined(t *testing.T) {
	for _, tag := range []string{"fr", "en"} {
		pack, _ := lang.For(tag)
		for _, s := range scanTexts(t) {
			toks := pack.Tokens(s)
			for k := 0; k <= len(toks); k++ {
				want := k
				for want < len(toks) && !isNameWord(s, &toks[want]) {
					want++
				}
				if got := nameFrom(s, toks, k); got != want {
					t.Errorf("%s: nameFrom(%q…, %d) = %d, want %d", tag, s[:min(len(s), 20)], k, got, want)
				}
			}
		}
	}
}

// TestPossessiveAndInitialAsDefined: possessiveEnd is asked only of
// words with an apostrophe, which every possessive holds; initial answers
// as its first definition did, with a sentence starting at the word looked
// for first.
func TestPossessiveAndInitialAsDefined(t *testing.T) {
	initialDef := func(s string, toks []lang.Token, k int, sentences []lang.Span) bool {
		for _, sp := range sentences {
			if sp.Start == toks[k].Start {
				return true
			}
		}
		j := k - 1
		for j >= 0 && toks[j].Kind == lang.Space {
			j--
		}
		if j < 0 {
			return true
		}
		if toks[j].Kind == lang.Punct && strings.Contains(openers, toks[j].Text(s)) {
			return true
		}
		for _, sp := range sentences {
			if sp.Start > toks[j].Start && sp.Start <= toks[k].Start {
				return true
			}
		}
		return false
	}
	for _, tag := range []string{"fr", "en"} {
		pack, _ := lang.For(tag)
		for _, s := range scanTexts(t) {
			toks := pack.Tokens(s)
			sentences := pack.Sentences(s)
			for k := range toks {
				tk := &toks[k]
				if tk.Kind != lang.Word {
					continue
				}
				if tk.Flags&lang.Apostrophe == 0 && possessiveEnd(s, tk.Start, tk.End) != tk.End {
					t.Errorf("%q: a possessive, and no apostrophe flag", tk.Text(s))
				}
				if got, want := initial(s, toks, k, sentences), initialDef(s, toks, k, sentences); got != want {
					t.Errorf("initial at %q = %v, want %v", s[tk.Start:], got, want)
				}
			}
		}
	}
}

// TestOnlySpace: onlySpace(s) is strings.TrimSpace(s) == "".
func TestOnlySpace(t *testing.T) {
	for _, s := range []string{"", " ", " \t\n", "\u00a0\u2009", " a", "a ", "\xff", " \xff ", "—", "\u0085", "\u200b"} {
		if got, want := onlySpace(s), strings.TrimSpace(s) == ""; got != want {
			t.Errorf("onlySpace(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestNoHonorificAtLowerCase: extract looks for honorifics only at words
// that start with a capital. Those of the packs start with an ASCII
// capital (TestHonorificsStartWithCapital) and match case-sensitively:
// no rune that is not upper case starts one either, even followed by the
// rest of one.
func TestNoHonorificAtLowerCase(t *testing.T) {
	for f, honorifics := range packHonorifics(t) {
		pack, ok := lang.For(strings.TrimSuffix(filepath.Base(f), ".json"))
		if !ok {
			continue
		}
		matched := false
		for _, h := range honorifics {
			_, ok := pack.Honorific(h+" Dupont", 0)
			matched = matched || ok
			_, n := utf8.DecodeRuneInString(h)
			for r := rune(0); r < 0x3000; r++ {
				if unicode.IsUpper(r) || !utf8.ValidRune(r) {
					continue
				}
				s := string(r) + h[n:] + " Dupont"
				if _, ok := pack.Honorific(s, 0); ok {
					t.Errorf("%s: honorific at %q", f, s)
				}
			}
		}
		if !matched {
			t.Errorf("%s: no honorific matched as written", f)
		}
	}
}

// TestKeyTable: a key is in the table once added, and no other.
func TestKeyTable(t *testing.T) {
	var tb keyTable
	for k := uint64(1); k <= 40; k++ {
		tb.add(k * 1000003)
	}
	tb.add(1000003) // twice: once in the table
	n := 0
	for _, k := range tb {
		if k != 0 {
			n++
		}
	}
	if n != 40 {
		t.Errorf("%d keys in the table, want 40", n)
	}
	for m := uint64(0); m <= 41; m++ {
		for _, k := range []uint64{m * 1000003, m*1000003 + 1, m*1000003 - 1} {
			if want := k != 0 && k%1000003 == 0 && k <= 40*1000003; tb.has(k) != want {
				t.Errorf("has(%d) = %v, want %v", k, !want, want)
			}
		}
	}
}

// TestWordOfSpelling: wordOf returns the one word of a spelling as
// written, whether its pack's recent words hold it or another spelling of
// the same key (a composed and a decomposed accent), record after record.
func TestWordOfSpelling(t *testing.T) {
	pack, _ := lang.For("fr")
	st := newState()
	st.usePack(pack)
	spellings := []string{"Herzégovine", "Herze\u0301govine", "OTAN", "Otan", "OTAN", "Herzégovine", "Herze\u0301govine"}
	for gen := uint32(1); gen <= 3; gen++ {
		st.gen = gen
		for _, s := range spellings {
			w := st.wordOf(s)
			if w != st.words.byText[s] {
				t.Errorf("wordOf(%q) is not the word of that spelling", s)
			}
			if w.gen != gen {
				t.Errorf("wordOf(%q) of generation %d, want %d", s, w.gen, gen)
			}
		}
	}
	if st.words.byText["Herzégovine"] == st.words.byText["Herze\u0301govine"] {
		t.Error("two spellings share a word")
	}
	for _, w := range st.words.recent {
		if w != nil && st.words.byText[w.key] != w {
			t.Errorf("recent holds %q, not the word of that spelling", w.key)
		}
	}
}

// TestNearFormsAsDefined: nearForms marks the spellings that pass
// classify's first two tests with another one, as testing every pair
// does.
func TestNearFormsAsDefined(t *testing.T) {
	pack, _ := lang.For("fr")
	spellings := []string{"Rasmussen", "Rassmussen", "Rasmusen", "OTAN", "Otan", "NATO", "Herzégovine", "Herzegovine",
		"Gambie", "Zambie", "Islande", "Irlande", "Iraniens", "Irakiens", "A", "B", "Ab", "Ba", "Kosovo", "Chicago",
		"Alexander", "Vershbow", "Vershbov", "Ødegaard", "Odegaard", "Lisbonne", "Strasbourg", "Kehl", "X1234", "X1235", "X12345"}
	var list []*form
	for _, sp := range spellings {
		keys, _ := newWordKeys(pack, sp)
		list = append(list, &form{word: &word{wordKeys: keys}})
	}
	st := newState()
	for round := range 2 { // the second with the arrays of the first
		got := st.nearForms(list[round:])
		for i, x := range list[round:] {
			want := false
			for j, y := range list[round:] {
				if d := len(x.runes) - len(y.runes); i != j && d <= 1 && d >= -1 &&
					(x.lowerSet == y.lowerSet || bits.OnesCount64(x.runeSet^y.runeSet) <= 2) {
					want = true
				}
			}
			if got[i] != want {
				t.Errorf("nearForms: %q %v, want %v", x.key, got[i], want)
			}
			// bestRef's shortcut: classify finds nothing in the pairs
			// that mayClassify rules out.
			for j, y := range list[round:] {
				if !st.sets[i].mayClassify(&st.sets[j]) && classify(x, y) != kindNone {
					t.Errorf("mayClassify(%q, %q) false, but classify finds %v", x.key, y.key, classify(x, y))
				}
			}
		}
	}
}

// TestGroupOf: groupOf finds each pair's group, compared in turn up to
// fewPairs groups and indexed beyond, and addPair chains every
// occurrence to its group.
func TestGroupOf(t *testing.T) {
	st := newState()
	src := &source{}
	const groups = 3 * fewPairs
	for round := range 2 {
		for i := range groups {
			st.addPair(pairKey{fmt.Sprint("A", i), "B"}, pair{src: src, order: round*groups + i, hyphen: round == 1})
		}
	}
	if len(st.pairGroups) != groups {
		t.Fatalf("%d groups, want %d", len(st.pairGroups), groups)
	}
	for i := range groups {
		key := pairKey{fmt.Sprint("A", i), "B"}
		gi := st.groupOf(key)
		if gi < 0 || st.pairGroups[gi].key != key {
			t.Fatalf("groupOf(%v) = %d", key, gi)
		}
		g := &st.pairGroups[gi]
		if ps := st.pairsOf(g); len(ps) != 2 || ps[0].order != i || ps[1].order != groups+i || !g.mixed() {
			t.Errorf("group %v: %d occurrences, mixed %v", key, len(ps), g.mixed())
		}
	}
	if gi := st.groupOf(pairKey{"A", "C"}); gi >= 0 {
		t.Errorf("groupOf of a new pair = %d, want -1", gi)
	}
}

// TestWordsOfEachPack: each pack keeps its words, whose keys depend on
// it, from record to record as articles of two languages alternate.
func TestWordsOfEachPack(t *testing.T) {
	fr, _ := lang.For("fr")
	en, _ := lang.For("en")
	st := newState()
	st.usePack(fr)
	frWord := st.wordOf("Millions")
	st.usePack(en)
	enWord := st.wordOf("Millions")
	if frWord == enWord {
		t.Fatal("two packs share a word")
	}
	if _, noun := en.CountNoun("Millions"); enWord.lexical != noun {
		t.Errorf("en word lexical %v, want %v", enWord.lexical, noun)
	}
	st.usePack(fr)
	if st.wordOf("Millions") != frWord {
		t.Error("the fr word is not kept after an en record")
	}
}
