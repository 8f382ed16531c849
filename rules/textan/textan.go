// Package textan holds the shared text analyses that editorial rules
// require: the record's language pack, its sentences, quotations and tokens.
// Each is computed once per record and handed on through Pass.ResultOf.
package textan

import (
	"reflect"

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
		out := []TextSentences{}
		if p == nil {
			return out, nil
		}
		for _, t := range pass.Record.Texts() {
			out = append(out, TextSentences{Text: t, Sentences: sentencesOf(p, t.Value())})
		}
		return out, nil
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
		out := []TextQuotes{}
		if p == nil {
			return out, nil
		}
		for _, t := range pass.Record.Texts() {
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
		out := []TextTokens{}
		if p == nil {
			return out, nil
		}
		for _, t := range pass.Record.Texts() {
			out = append(out, TextTokens{Text: t, Tokens: tokensOf(p, t.Value())})
		}
		return out, nil
	},
}

// TokensOf returns the Tokens result.
func TokensOf(pass *rules.Pass) []TextTokens {
	t, _ := pass.ResultOf[Tokens].([]TextTokens)
	return t
}

func init() { rules.Register(Language, Sentences, Quotations, Tokens) }
