// Package textan holds the shared text analyses that editorial rules
// require: the record's language pack, its sentences, quotations and tokens.
// Each is computed once per record and handed on through Pass.ResultOf.
package textan

import (
	"reflect"
	"slices"
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

// TextSentences is one text and its sentences; as with TextTokens, keep
// nothing of them beyond the record.
type TextSentences struct {
	Text      rules.Text
	Sentences []lang.Span // byte spans in Text.Value()
}

// Sentences splits every text of the record into sentences; SentencesOf
// reads its result, a []TextSentences in reading order (empty when the
// language is unknown).
var Sentences = &rules.Rule{
	ID:         "sentences",
	Analysis:   true,
	Requires:   []*rules.Rule{Language},
	ResultType: reflect.TypeFor[*perText[TextSentences, lang.Span]](),
	Run: func(pass *rules.Pass) (any, error) {
		return ofTexts(&sentenceResults, Pack(pass), pass.Record.Texts(), sentencesOf, (*lang.Pack).AppendSentences, sentencesEntry), nil
	},
	Release: sentenceResults.release,
}

// SentencesOf returns the Sentences result.
func SentencesOf(pass *rules.Pass) []TextSentences {
	return partsOf[TextSentences, lang.Span](pass, Sentences)
}

// TextQuotes is one text and its quotations.
type TextQuotes struct {
	Text     rules.Text
	Quotes   []lang.Quote
	Problems []lang.QuoteProblem
}

// Quotations pairs the quotation marks of every text; QuotationsOf reads
// its result, a []TextQuotes in reading order.
var Quotations = &rules.Rule{
	ID:         "quotations",
	Analysis:   true,
	Requires:   []*rules.Rule{Language},
	ResultType: reflect.TypeFor[*perText[TextQuotes, lang.Quote]](),
	Run: func(pass *rules.Pass) (any, error) {
		p := Pack(pass)
		if p == nil {
			return quotationResults.get(0), nil
		}
		texts := pass.Record.Texts()
		r := quotationResults.get(len(texts))
		if memo.Load() != nil {
			for k, t := range texts {
				q, probs := quotationsOf(p, t.Value())
				r.texts[k] = TextQuotes{Text: t, Quotes: q, Problems: probs}
			}
			return r, nil
		}
		// The quotations of all texts in the result's one buffer, which
		// the next record reuses, as ofTexts does for tokens; the rare
		// problems are the texts' own.
		next := 0 // the text appended now: appendEach reads them in order
		r.items = appendEach(r.items, texts, func(dst []lang.Quote, s string) []lang.Quote {
			q, probs := p.AppendQuotations(dst, s)
			r.texts[next].Problems = probs
			next++
			return q
		}, func(k int, part []lang.Quote) {
			if len(part) == 0 {
				part = nil // as Quotations says "none"
			}
			r.texts[k].Text, r.texts[k].Quotes = texts[k], part
		})
		return r, nil
	},
	Release: quotationResults.release,
}

// QuotationsOf returns the Quotations result.
func QuotationsOf(pass *rules.Pass) []TextQuotes {
	return partsOf[TextQuotes, lang.Quote](pass, Quotations)
}

// TextTokens is one text and its tokens (lang.Pack.Tokens). The slice is
// shared by every rule: read it, never modify it, and keep nothing of it
// beyond the record (the engine releases it for the next record).
type TextTokens struct {
	Text   rules.Text
	Tokens []lang.Token
}

// Tokens tokenizes every text of the record once for all the rules that
// need words (tokenizing was a third of each editorial rule's time);
// TokensOf reads its result, a []TextTokens in reading order (empty when
// the language is unknown).
var Tokens = &rules.Rule{
	ID:         "tokens",
	Analysis:   true,
	Requires:   []*rules.Rule{Language},
	ResultType: reflect.TypeFor[*perText[TextTokens, lang.Token]](),
	Run: func(pass *rules.Pass) (any, error) {
		return ofTexts(&tokenResults, Pack(pass), pass.Record.Texts(), tokensOf, (*lang.Pack).AppendTokens, tokensEntry), nil
	},
	Release: tokenResults.release,
}

// TokensOf returns the Tokens result.
func TokensOf(pass *rules.Pass) []TextTokens {
	return partsOf[TextTokens, lang.Token](pass, Tokens)
}

// perText is the result of an analysis: an entry per text, whose part is
// a slice of items, one buffer for the whole record. The engine releases
// it once the record is done, and the next record reuses both arrays:
// tokens were the largest share of the bytes the rules allocated. With
// the memo on, the parts are the memo's own slices, shared between
// records, and items stays unused: releasing the result then only
// forgets them.
type perText[E, T any] struct {
	texts []E
	items []T
}

// resultPool holds the released results of one analysis, with their
// arrays.
type resultPool[E, T any] struct{ sync.Pool }

var (
	tokenResults     resultPool[TextTokens, lang.Token]
	sentenceResults  resultPool[TextSentences, lang.Span]
	quotationResults resultPool[TextQuotes, lang.Quote]
)

// get returns an empty result for that many texts, a released one when
// there is one.
func (p *resultPool[E, T]) get(texts int) *perText[E, T] {
	r, _ := p.Get().(*perText[E, T])
	if r == nil {
		r = new(perText[E, T])
	}
	r.texts = slices.Grow(r.texts[:0], texts)[:texts]
	r.items = r.items[:0]
	return r
}

// release hands a result back for reuse: its parts must not be read
// after. A record far longer than most keeps its arrays to itself.
func (p *resultPool[E, T]) release(result any) {
	r, ok := result.(*perText[E, T])
	if !ok || cap(r.items) > maxPooled || cap(r.texts) > maxPooledTexts {
		return
	}
	clear(r.texts) // the pool keeps no record alive, nor the memo's slices
	p.Put(r)
}

// partsOf returns the entries of analysis a's result.
func partsOf[E, T any](pass *rules.Pass, a *rules.Rule) []E {
	r, _ := pass.ResultOf[a].(*perText[E, T])
	if r == nil {
		return nil
	}
	return r.texts
}

// ofTexts runs one analysis on every text into a result from pool. With
// the memo on, each text's part is the memo's (memoized); otherwise every
// text appends its items to the result's one buffer (appendText). entry
// makes a text's entry of its part.
func ofTexts[E, T any](pool *resultPool[E, T], p *lang.Pack, texts []rules.Text,
	memoized func(*lang.Pack, string) []T, appendText func(*lang.Pack, []T, string) []T,
	entry func(rules.Text, []T) E) *perText[E, T] {
	if p == nil {
		return pool.get(0)
	}
	r := pool.get(len(texts))
	if memo.Load() != nil {
		for k, t := range texts {
			r.texts[k] = entry(t, memoized(p, t.Value()))
		}
		return r
	}
	appendOne := func(dst []T, s string) []T { return appendText(p, dst, s) }
	r.items = appendEach(r.items, texts, appendOne, func(k int, part []T) {
		r.texts[k] = entry(texts[k], part)
	})
	return r
}

func tokensEntry(t rules.Text, toks []lang.Token) TextTokens {
	return TextTokens{Text: t, Tokens: toks}
}

func sentencesEntry(t rules.Text, sents []lang.Span) TextSentences {
	if len(sents) == 0 {
		sents = nil // as Sentences says "none"
	}
	return TextSentences{Text: t, Sentences: sents}
}

// appendEach appends the results of every text to items and hands each
// text its part, clipped so that an append by a rule cannot write into
// the next text's. The parts are handed out once every text is done, as
// items may move while it grows.
func appendEach[T any](items []T, texts []rules.Text, appendText func([]T, string) []T, use func(k int, part []T)) []T {
	if items == nil {
		// Not nil even when no text has any: an empty text has empty,
		// not nil, tokens.
		items = make([]T, 0, 256)
	}
	var endsBuf [64]int
	ends := endsBuf[:0]
	for _, t := range texts {
		items = appendText(items, t.Value())
		ends = append(ends, len(items))
	}
	from := 0
	for k, end := range ends {
		use(k, items[from:end:end])
		from = end
	}
	return items
}

// maxPooled and maxPooledTexts bound the arrays kept for reuse (a record
// of several MB must not keep its buffers alive).
const (
	maxPooled      = 1 << 16
	maxPooledTexts = 1 << 10
)

func init() { rules.Register(Language, Sentences, Quotations, Tokens) }
