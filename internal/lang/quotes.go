package lang

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quote is one pair of quotation marks found in a paragraph.
type Quote struct {
	Open, Close Span // the marks themselves; Close is {-1, -1} when unclosed
	Inner       Span // text between the marks, trimmed of (no-break) spaces
	Depth       int  // 0 for an outermost quotation
	Style       string
}

// QuoteProblem is a mark that could not be paired.
type QuoteProblem struct {
	At   Span
	Kind string // "unclosed" or "stray-close"
}

// Quote styles.
const (
	StyleGuillemets     = "guillemets"      // « »
	StyleCurlyDouble    = "curly-double"    // “ ”
	StyleCurlySingle    = "curly-single"    // ‘ ’
	StyleStraightDouble = "straight-double" // " "
	StyleStraightSingle = "straight-single" // ' '
	StyleChevronsSingle = "chevrons-single" // ‹ ›
)

// Quotations finds quotation marks in one paragraph and pairs them with a
// stack, so « … “ … ” … » yields depths 0 and 1.
//
// ’ and ' are apostrophes, never quotes, between letters (l’OTAN, qu'a,
// don't) or before a digit ('90s); a trailing ’ or ' (Jones') closes a quote
// only when a matching opener is pending, so neither is ever a stray close.
// An opening ' that is never closed is taken for an apostrophe and dropped.
// Straight " pairs by alternation, using the preceding character to tell an
// opener from a closer. A closing mark whose opener is buried under other
// open marks closes it, and those in between are reported unclosed. A
// paragraph that opens a quotation and does not close it (the French
// multi-paragraph convention) gets an "unclosed" problem; callers decide by
// looking at the next paragraph.
func (p *Pack) Quotations(s string) ([]Quote, []QuoteProblem) { return p.AppendQuotations(nil, s) }

// AppendQuotations appends the quotations of s (see Quotations) to dst
// and returns the extended slice with the problems of s, so that a caller
// can gather the quotations of several texts in one buffer.
func (p *Pack) AppendQuotations(dst []Quote, s string) ([]Quote, []QuoteProblem) {
	type pending struct {
		style string
		q     int // index into quotes, dst's included
	}
	var (
		quotes   = dst
		problems []QuoteProblem
		stackBuf [8]pending // deeper nesting is rare
		stack    = stackBuf[:0]
		dropped  map[int]bool // quotes taken for apostrophes after all
	)
	drop := func(q int) {
		if dropped == nil {
			dropped = map[int]bool{}
		}
		dropped[q] = true
	}
	push := func(style string, at Span) {
		quotes = append(quotes, Quote{Open: at, Close: Span{-1, -1}, Depth: len(stack), Style: style})
		stack = append(stack, pending{style, len(quotes) - 1})
	}
	find := func(style string) int {
		for k := len(stack) - 1; k >= 0; k-- {
			if stack[k].style == style {
				return k
			}
		}
		return -1
	}
	closeAt := func(k int, at Span) {
		for _, pd := range stack[k+1:] {
			if pd.style == StyleStraightSingle {
				drop(pd.q)
				continue
			}
			inner := &quotes[pd.q]
			inner.Inner = trimSpaceSpan(s, inner.Open.End, at.Start)
			problems = append(problems, QuoteProblem{At: inner.Open, Kind: "unclosed"})
		}
		q := &quotes[stack[k].q]
		q.Close = at
		q.Inner = trimSpaceSpan(s, q.Open.End, at.Start)
		stack = stack[:k]
	}
	closeStyle := func(style string, at Span, strayOK bool) {
		if k := find(style); k >= 0 {
			closeAt(k, at)
		} else if strayOK {
			problems = append(problems, QuoteProblem{At: at, Kind: "stray-close"})
		}
	}
	// Every mark below is ' or " or starts with byte 0xC2 (« ») or 0xE2
	// (‘ ’ “ ” ‹ ›); none of these bytes occurs inside another rune, so
	// the scan skips to them without decoding.
	marks := NewByteFinder(s, []byte("\"'\xc2\xe2"))
	for j := 0; j < len(s); {
		if j = marks.Next(j); j < 0 {
			break
		}
		if !mayBeQuoteMark(s, j) {
			j++ // the lead byte of another rune: its other bytes are none of the finder's
			continue
		}
		if apostropheInASCIIWord(s, j) {
			j += len("’")
			continue
		}
		r, n := runeAt(s, j)
		at := Span{j, j + n}
		prev, _ := runeBefore(s, j)
		next, _ := runeAt(s, j+n)
		switch r {
		case '«':
			push(StyleGuillemets, at)
		case '»':
			closeStyle(StyleGuillemets, at, true)
		case '“':
			push(StyleCurlyDouble, at)
		case '”':
			closeStyle(StyleCurlyDouble, at, true)
		case '‹':
			push(StyleChevronsSingle, at)
		case '›':
			closeStyle(StyleChevronsSingle, at, true)
		case '‘':
			// A mistyped apostrophe ("‘90s", "l‘OTAN") is not an opener.
			if !unicode.IsDigit(next) && !between(prev, next) {
				push(StyleCurlySingle, at)
			}
		case '’':
			if !between(prev, next) {
				closeStyle(StyleCurlySingle, at, false)
			}
		case '"':
			switch {
			case find(StyleStraightDouble) >= 0:
				closeStyle(StyleStraightDouble, at, false)
			case opensQuote(prev, j) || isWordRuneQuick(next):
				push(StyleStraightDouble, at)
			default:
				problems = append(problems, QuoteProblem{At: at, Kind: "stray-close"})
			}
		case '\'':
			switch {
			case isLetterOrMarkQuick(prev) && isLetterOrMarkQuick(next): // don't, l'OTAN
			case unicode.IsDigit(next): // '90s
			case opensQuote(prev, j) && isLetterOrMarkQuick(next):
				push(StyleStraightSingle, at)
			case find(StyleStraightSingle) >= 0 && !isLetterOrMarkQuick(next):
				k := find(StyleStraightSingle)
				if o := quotes[stack[k].q].Open; utf8.RuneCountInString(s[o.End:j]) <= 1 {
					// "rock 'n' roll": one letter between is elision, not a quote.
					drop(stack[k].q)
					stack = append(stack[:k], stack[k+1:]...)
					break
				}
				closeStyle(StyleStraightSingle, at, false)
			}
		}
		j += n
	}
	for _, pd := range stack {
		if pd.style == StyleStraightSingle {
			drop(pd.q)
			continue
		}
		q := &quotes[pd.q]
		q.Inner = trimSpaceSpan(s, q.Open.End, len(s))
		problems = append(problems, QuoteProblem{At: q.Open, Kind: "unclosed"})
	}
	if len(dropped) > 0 {
		kept := quotes[:len(dst)]
		for k := len(dst); k < len(quotes); k++ {
			if !dropped[k] {
				kept = append(kept, quotes[k])
			}
		}
		quotes = kept
	}
	slices.SortStableFunc(problems, func(a, b QuoteProblem) int { return cmp.Compare(a.At.Start, b.At.Start) })
	return quotes, problems
}

// mayBeQuoteMark reports whether the byte at j, one the finder stops at,
// may start a mark Quotations handles: most of the runes led by 0xC2 and
// 0xE2 are not (no-break spaces, dashes, ellipses), and are skipped
// without decoding them and their neighbours.
func mayBeQuoteMark(s string, j int) bool {
	switch s[j] {
	case 0xC2: // « »: C2 AB, C2 BB
		return j+1 < len(s) && (s[j+1] == 0xAB || s[j+1] == 0xBB)
	case 0xE2: // ‘ ’ “ ” ‹ ›: E2 80 98, 99, 9C, 9D, B9, BA
		if j+2 >= len(s) || s[j+1] != 0x80 {
			return false
		}
		switch s[j+2] {
		case 0x98, 0x99, 0x9C, 0x9D, 0xB9, 0xBA:
			return true
		}
		return false
	}
	return true
}

// apostropheInASCIIWord reports a ’ at j between two ASCII letters
// (l’OTAN, d’un): an apostrophe (between), the commonest mark of French
// text, told without decoding it and its neighbours.
func apostropheInASCIIWord(s string, j int) bool {
	return j > 0 && j+len("’") < len(s) && strings.HasPrefix(s[j:], "’") &&
		tokenBytes[s[j-1]] == letterByte && tokenBytes[s[j+len("’")]] == letterByte
}

// opensQuote: a straight quote at j opens when it starts the text or
// follows white space or opening punctuation.
func opensQuote(prev rune, j int) bool {
	return j == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{«“‘‹—–/-\u2010\u2011", prev)
}

func trimSpaceSpan(s string, a, b int) Span {
	for a < b {
		if c := s[a]; c < utf8.RuneSelf { // ASCII, most ends: white space is spaceByte
			if tokenBytes[c] != spaceByte {
				break
			}
			a++
			continue
		}
		r, n := runeAt(s, a)
		if !unicode.IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		if c := s[b-1]; c < utf8.RuneSelf {
			if tokenBytes[c] != spaceByte {
				break
			}
			b--
			continue
		}
		r, n := runeBefore(s, b)
		if !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	return Span{a, b}
}

// between reports a mark inside a word (an apostrophe: l’OTAN, don’t).
func between(prev, next rune) bool { return isLetterOrMarkQuick(prev) && isLetterOrMarkQuick(next) }
