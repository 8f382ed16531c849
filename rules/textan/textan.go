// Package textan holds the shared text analyses that editorial rules
// require: the record's language pack, its sentences, quotations and tokens.
// Each is computed once per record and handed on through Pass.ResultOf.
package textan

import (
	"reflect"
	"sync"

	"github.com/artlint/artlint/internal/lang"
	"github.com/artlint/artlint/rules"
)

// Language is the record's language pack; its result is a *lang.Pack, nil
// when the record's lang has none (rules then say nothing).
var Language = &rules.Rule{
	ID:         "language",
	Analysis:   true,
	ResultType: reflect.TypeFor[*lang.Pack](),
	Run: func(pass *rules.Pass) (any, error) {
		p, ok := lang.For(pass.Record.Lang())
		if !ok {
			return (*lang.Pack)(nil), nil
		}
		return p, nil
	},
}

// Pack returns the record's language pack from a pass whose rule requires
// Language.
func Pack(pass *rules.Pass) *lang.Pack {
	p, _ := pass.ResultOf[Language].(*lang.Pack)
	return p
}

// TextSentences is one text and its sentences.
type TextSentences struct {
	Text      rules.Text
	Sentences []lang.Span // byte spans in Text.Value()
}

// Sentences splits every text of the record into sentences; its result is
// a []TextSentences in reading order (empty when the language is unknown).
var Sentences = &rules.Rule{
	ID:         "sentences",
	Analysis:   true,
	Requires:   []*rules.Rule{Language},
	ResultType: reflect.TypeFor[[]TextSentences](),
	Run: func(pass *rules.Pass) (any, error) {
		p := Pack(pass)
		if p == nil {
			return []TextSentences{}, nil
		}
		return sentencesOfTexts(p, pass.Record.Texts()), nil
	},
}

// SentencesOf returns the Sentences result.
func SentencesOf(pass *rules.Pass) []TextSentences {
	s, _ := pass.ResultOf[Sentences].([]TextSentences)
	return s
}

// TextQuotes is one text and its quotations.
type TextQuotes struct {
	Text     rules.Text
	Quotes   []lang.Quote
	Problems []lang.QuoteProblem
}

// Quotations pairs the quotation marks of every text; its result is a
// []TextQuotes in reading order.
var Quotations = &rules.Rule{
	ID:         "quotations",
	Analysis:   true,
	Requires:   []*rules.Rule{Language},
	ResultType: reflect.TypeFor[[]TextQuotes](),
	Run: func(pass *rules.Pass) (any, error) {
		p := Pack(pass)
		if p == nil {
			return []TextQuotes{}, nil
		}
		texts := pass.Record.Texts()
		out := make([]TextQuotes, 0, len(texts))
		for _, t := range texts {
			q, probs := quotationsOf(p, t.Value())
			out = append(out, TextQuotes{Text: t, Quotes: q, Problems: probs})
		}
		return out, nil
	},
}

// QuotationsOf returns the Quotations result.
func QuotationsOf(pass *rules.Pass) []TextQuotes {
	q, _ := pass.ResultOf[Quotations].([]TextQuotes)
	return q
}

// TextTokens is one text and its tokens (lang.Pack.Tokens). The slice is
// shared by every rule: read it, never modify it.
type TextTokens struct {
	Text   rules.Text
	Tokens []lang.Token
}

// Tokens tokenizes every text of the record once for all the rules that
// need words (tokenizing was a third of each editorial rule's time); its
// result is a []TextTokens in reading order (empty when the language is
// unknown).
var Tokens = &rules.Rule{
	ID:         "tokens",
	Analysis:   true,
	Requires:   []*rules.Rule{Language},
	ResultType: reflect.TypeFor[[]TextTokens](),
	Run: func(pass *rules.Pass) (any, error) {
		p := Pack(pass)
		if p == nil {
			return []TextTokens{}, nil
		}
		return tokensOfTexts(p, pass.Record.Texts()), nil
	},
}

// TokensOf returns the Tokens result.
func TokensOf(pass *rules.Pass) []TextTokens {
	t, _ := pass.ResultOf[Tokens].([]TextTokens)
	return t
}

// tokensOfTexts tokenizes every text, through the memo when it is on.
func tokensOfTexts(p *lang.Pack, texts []rules.Text) []TextTokens {
	out := make([]TextTokens, len(texts))
	if memo.Load() != nil {
		for k, t := range texts {
			out[k] = TextTokens{Text: t, Tokens: tokensOf(p, t.Value())}
		}
		return out
	}
	appendEach(&tokenBufs, texts, p.AppendTokens, func(k int, toks []lang.Token) {
		out[k] = TextTokens{Text: texts[k], Tokens: toks}
	})
	return out
}

// sentencesOfTexts splits every text into sentences, through the memo when
// it is on.
func sentencesOfTexts(p *lang.Pack, texts []rules.Text) []TextSentences {
	out := make([]TextSentences, len(texts))
	if memo.Load() != nil {
		for k, t := range texts {
			out[k] = TextSentences{Text: t, Sentences: sentencesOf(p, t.Value())}
		}
		return out
	}
	appendEach(&spanBufs, texts, p.AppendSentences, func(k int, sents []lang.Span) {
		if len(sents) == 0 {
			sents = nil // as Sentences says "none"
		}
		out[k] = TextSentences{Text: texts[k], Sentences: sents}
	})
	return out
}

// appendEach appends the results of every text to one reused buffer from
// bufs, copies them out into a few arrays of exactly their size, and hands
// each text its part, clipped so that an append by a rule cannot write into
// the next text's: a couple of allocations per record instead of one, with
// spare capacity, per text (tokens are a large share of the bytes the
// rules allocate).
func appendEach[T any](bufs *sync.Pool, texts []rules.Text, appendText func([]T, string) []T, use func(k int, part []T)) {
	buf, _ := bufs.Get().(*[]T)
	if buf == nil {
		buf = new([]T)
	}
	items := (*buf)[:0]
	var endsBuf [64]int
	ends := endsBuf[:0]
	for _, t := range texts {
		items = appendText(items, t.Value())
		ends = append(ends, len(items))
	}
	startOf := func(k int) int {
		if k == 0 {
			return 0
		}
		return ends[k-1]
	}
	// Each array holds the parts of consecutive texts up to maxSmallObject
	// bytes: an array above that takes whole pages (a record's 41 KB of
	// tokens took 48 KB), and the allocator serves it more slowly.
	chunkLen := max(1, maxSmallObject/int(reflect.TypeFor[T]().Size()))
	for k := 0; k < len(ends); {
		from, m := startOf(k), k+1
		for m < len(ends) && ends[m]-from <= chunkLen {
			m++
		}
		part := items[from:ends[m-1]]
		chunk := make([]T, len(part)) // with the copy: not zeroed first
		copy(chunk, part)
		for ; k < m; k++ {
			a, b := startOf(k)-from, ends[k]-from
			use(k, chunk[a:b:b])
		}
	}
	if cap(items) <= maxPooled {
		*buf = items
		bufs.Put(buf)
	}
}

// maxSmallObject is the size of the Go allocator's largest size class.
const maxSmallObject = 32 << 10

// The buffers appendEach gathers results in, by type.
var tokenBufs, spanBufs sync.Pool

// maxPooled bounds the buffers kept for reuse (a record of several MB
// must not keep its buffer alive).
const maxPooled = 1 << 16

func init() { rules.Register(Language, Sentences, Quotations, Tokens) }
