package statedcount

import (
	"encoding/json"
	"os"
	"sort"
	"testing"

	"github.com/artlint/artlint/internal/lang"
)

// wordTexts returns texts to try the rule's word-level shortcuts on: the
// French seed's paragraphs and words of every shape they test.
func wordTexts(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("../../testdata/records/nato-chicago-partners-2012.fr.json")
	if err != nil {
		t.Fatal(err)
	}
	var rec struct{ Body []any }
	if err := json.Unmarshal(data, &rec); err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"L’ex‑République yougoslave de Macédoine, l’ex-URSS, ex, eX, ancienne Yougoslavie, an, fo, former Yugoslavia.",
		"États-Unis, Émirats, été, à, À, \u212aosovo, İran, ıran, e\u0301te\u0301, E\u0301tats. 2012 1er 90s G20 1 000 3,5",
		"Trois pays : la France. Deux autres ! Et quatre ? « Cinq » – six… sept\u00a0pays\n\nHuit.",
		"abc\xffdef \xc3 A\xcc\x81b x",
	}
	for _, b := range rec.Body {
		if s, ok := b.(string); ok {
			texts = append(texts, s)
		}
	}
	return texts
}

func mustPack(t *testing.T, tag string) *lang.Pack {
	t.Helper()
	p, ok := lang.For(tag)
	if !ok {
		t.Fatalf("no %s pack", tag)
	}
	return p
}

// TestMayBeCountryStartAt: read from a word's flags, the class tests give
// what they give reading the word.
func TestMayBeCountryStartAt(t *testing.T) {
	for _, tag := range []string{"fr", "en"} {
		p := mustPack(t, tag)
		for _, v := range wordTexts(t) {
			for _, w := range p.Tokens(v) {
				if w.Kind != lang.Word && w.Kind != lang.Number {
					continue
				}
				text := w.Text(v)
				want := mayBeCountryStart(text)
				if got := mayBeCountryStartAt(v, w); got != want {
					t.Errorf("%s mayBeCountryStartAt(%q) = %v, want %v", tag, text, got, want)
				}
				// countMaxItems's pre-check, and classes' shortcut.
				if w.Flags&lang.StartsUpper == 0 && w.Kind == lang.Word && !headFirst[v[w.Start]] && want {
					t.Errorf("%s: %q skipped by countMaxItems, but mayBeCountryStart", tag, text)
				}
				if w.Flags&lang.StartsUpper != 0 && countryClass(text) != countryStart {
					t.Errorf("%s: %q starts upper, but countryClass = %d", tag, text, countryClass(text))
				}
			}
		}
	}
}

// TestSentenceWords: a sentence's words are those words finds in its span.
func TestSentenceWords(t *testing.T) {
	p := mustPack(t, "fr")
	for _, v := range wordTexts(t) {
		var ws []lang.Token
		for _, w := range p.Tokens(v) {
			if w.Kind == lang.Word || w.Kind == lang.Number {
				ws = append(ws, w)
			}
		}
		spans := p.Sentences(v)
		// In order as run reads them, and out of order (from word 0).
		for _, from := range []bool{false, true} {
			k := 0
			for _, sp := range spans {
				if from {
					k = 0
				}
				a, b := sentenceWords(ws, k, sp)
				k = a
				i := sort.Search(len(ws), func(k int) bool { return ws[k].Start >= sp.Start })
				j := max(i, sort.Search(len(ws), func(k int) bool { return ws[k].End > sp.End }))
				if a != i || b != j {
					t.Errorf("sentenceWords(%q) = [%d, %d), want [%d, %d)", v[sp.Start:sp.End], a, b, i, j)
				}
			}
		}
	}
}

// TestGapShortcuts: gap answers as reading the gap would.
func TestGapShortcuts(t *testing.T) {
	for _, g := range []string{", ", " et ", " and ", ",  ", " et", "et ", " ou ", "; ", " ,", ", et ", " Et "} {
		ok, coord := gap(g)
		wok, wcoord := readGap(g)
		if ok != wok || coord != wcoord {
			t.Errorf("gap(%q) = %v %v, reading it %v %v", g, ok, coord, wok, wcoord)
		}
	}
}
