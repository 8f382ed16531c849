package textan

import (
	"slices"
	"strings"
	"sync/atomic"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/artlint/artlint/internal/lang"
)

// The language server lints the whole record on every keystroke although
// only one paragraph changed; the memo lets the other texts' sentences,
// quotations and tokens be reused. The CLI leaves it off: its texts rarely
// repeat, and the memo would only cost memory.

// memoKey is one text under one language pack: the analyses are pure
// functions of the two.
type memoKey struct {
	pack *lang.Pack
	text string
}

type quotations struct {
	quotes   []lang.Quote
	problems []lang.QuoteProblem
}

type memoCaches struct {
	sentences  *lru.Cache[memoKey, []lang.Span]
	quotations *lru.Cache[memoKey, quotations]
	tokens     *lru.Cache[memoKey, []lang.Token]
}

var memo atomic.Pointer[memoCaches]

// maxMemoText is the longest text memoized: an editor buffer of several MB
// with one huge text would otherwise keep a copy of every version typed
// (news paragraphs are well under this).
const maxMemoText = 4 << 10

// EnableMemo keeps the per-text analyses of the last entries texts (least
// recently used evicted) and reuses them while the same text is analysed
// again under the same language pack; entries <= 0 turns the memo off and
// drops what it held. Safe for concurrent use with linting: results are
// shared between records and goroutines, so every rule must treat them as
// read-only (they are clipped, so an append copies).
func EnableMemo(entries int) {
	if entries <= 0 {
		memo.Store(nil)
		return
	}
	// lru.New fails only for a size <= 0.
	s, _ := lru.New[memoKey, []lang.Span](entries)
	q, _ := lru.New[memoKey, quotations](entries)
	t, _ := lru.New[memoKey, []lang.Token](entries)
	memo.Store(&memoCaches{sentences: s, quotations: q, tokens: t})
}

// memoized returns f(text), from c when it holds it.
func memoized[V any](c *lru.Cache[memoKey, V], p *lang.Pack, text string, f func(string) V) V {
	if len(text) > maxMemoText {
		return f(text)
	}
	k := memoKey{p, text}
	if v, ok := c.Get(k); ok {
		return v
	}
	// The text may be a slice of the whole document, and tokens slice
	// their text: a copy keeps only this text alive in the memo.
	k.text = strings.Clone(text)
	v := f(k.text)
	c.Add(k, v)
	return v
}

func sentencesOf(p *lang.Pack, text string) []lang.Span {
	m := memo.Load()
	if m == nil {
		return p.Sentences(text)
	}
	return memoized(m.sentences, p, text, func(s string) []lang.Span { return slices.Clip(p.Sentences(s)) })
}

func quotationsOf(p *lang.Pack, text string) ([]lang.Quote, []lang.QuoteProblem) {
	m := memo.Load()
	if m == nil {
		return p.Quotations(text)
	}
	q := memoized(m.quotations, p, text, func(s string) quotations {
		q, probs := p.Quotations(s)
		return quotations{slices.Clip(q), slices.Clip(probs)}
	})
	return q.quotes, q.problems
}

func tokensOf(p *lang.Pack, text string) []lang.Token {
	m := memo.Load()
	if m == nil {
		return p.Tokens(text)
	}
	return memoized(m.tokens, p, text, func(s string) []lang.Token { return slices.Clip(p.Tokens(s)) })
}
