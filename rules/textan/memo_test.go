package textan

import (
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/artlint/artlint/internal/lang"
)

func packs(t *testing.T) (fr, en *lang.Pack) {
	t.Helper()
	fr, okf := lang.For("fr")
	en, oke := lang.For("en")
	if !okf || !oke {
		t.Fatal("no fr or en language pack")
	}
	return fr, en
}

var memoTexts = []string{
	"« Nos partenaires partagent tous le souhait qu’a l’OTAN de bâtir la sécurité », a déclaré M. Rasmussen.",
	"Les chefs d’État ont rencontré les dirigeants d’un groupe de treize pays partenaires. Ils les ont remerciés.",
	"“We have a partnership that is unique,” the Secretary General said. Allies met in Lisbon in November 2010.",
	"l’Australie",
}

// fresh is what the analyses give without the memo.
type fresh struct {
	sentences []lang.Span
	quotes    []lang.Quote
	problems  []lang.QuoteProblem
	tokens    []lang.Token
}

func analyse(p *lang.Pack, s string) fresh {
	q, probs := quotationsOf(p, s)
	return fresh{sentencesOf(p, s), q, probs, tokensOf(p, s)}
}

func TestMemoSameResultsPerPack(t *testing.T) {
	fr, en := packs(t)
	EnableMemo(0)
	var want []fresh
	for _, p := range []*lang.Pack{fr, en} {
		for _, s := range memoTexts {
			want = append(want, analyse(p, s))
		}
	}
	// The key must hold the pack: French splits the elided article off.
	if reflect.DeepEqual(want[3].tokens, want[len(memoTexts)+3].tokens) {
		t.Fatalf("l’Australie tokenizes the same in fr and en: %v", want[3].tokens)
	}
	EnableMemo(16)
	t.Cleanup(func() { EnableMemo(0) })
	for round := range 2 { // the second round is served by the memo
		i := 0
		for _, p := range []*lang.Pack{fr, en} {
			for _, s := range memoTexts {
				if got := analyse(p, s); !reflect.DeepEqual(got, want[i]) {
					t.Errorf("round %d, %s %q:\ngot  %+v\nwant %+v", round, p.Tag, s, got, want[i])
				}
				i++
			}
		}
	}
}

func TestMemoReusesAndEvicts(t *testing.T) {
	fr, _ := packs(t)
	EnableMemo(2)
	t.Cleanup(func() { EnableMemo(0) })
	first := tokensOf(fr, memoTexts[0])
	if again := tokensOf(fr, memoTexts[0]); &again[0] != &first[0] {
		t.Error("the same text was tokenized again instead of reused")
	}
	if cap(first) != len(first) {
		t.Errorf("shared tokens have room to append in place: len %d cap %d", len(first), cap(first))
	}
	tokensOf(fr, memoTexts[1])
	tokensOf(fr, memoTexts[2]) // evicts memoTexts[0], the least recently used
	if again := tokensOf(fr, memoTexts[0]); &again[0] == &first[0] {
		t.Error("a memo of 2 entries still held the first of 3 texts")
	}
	long := strings.Repeat(memoTexts[1]+" ", maxMemoText/len(memoTexts[1])+1)
	if a, b := tokensOf(fr, long), tokensOf(fr, long); &a[0] == &b[0] {
		t.Error("a text over maxMemoText was memoized")
	}
}

// TestMemoConcurrent reads and fills the memo from many goroutines; run
// with -race.
func TestMemoConcurrent(t *testing.T) {
	fr, en := packs(t)
	EnableMemo(0)
	want := map[*lang.Pack][]fresh{}
	for _, p := range []*lang.Pack{fr, en} {
		for _, s := range memoTexts {
			want[p] = append(want[p], analyse(p, s))
		}
	}
	EnableMemo(3) // smaller than the texts, so entries are also evicted
	t.Cleanup(func() { EnableMemo(0) })
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			p := []*lang.Pack{fr, en}[g%2]
			for n := range 50 {
				i := (n + g) % len(memoTexts)
				if got := analyse(p, memoTexts[i]); !reflect.DeepEqual(got, want[p][i]) {
					t.Errorf("goroutine %d, %s %q: got %+v, want %+v", g, p.Tag, memoTexts[i], got, want[p][i])
					return
				}
			}
		})
	}
	wg.Wait()
}
