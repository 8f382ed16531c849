// Package patterns turns the declarative rules of .artlint.yaml (in the
// manner of Vale: existence, substitution, required) into ordinary
// *rules.Rule values, so that they run, list and report like built-in
// rules.
//
// Matching is done on a folded copy of each text (NFC, every white space
// and no-break space as " ", ’ and ʼ as ', ‐ and ‑ as -), so that a term
// written with a straight apostrophe and a plain space matches the
// typographically correct text; findings and fixes point at the original
// bytes.
package patterns

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/artlint/artlint/internal/lang"
	"github.com/artlint/artlint/rules"
)

// Kinds of pattern rules.
const (
	Existence    = "existence"    // terms that must not appear
	Substitution = "substitution" // prefer one term to another, with a fix
	Required     = "required"     // a term that must appear when another does
)

// Spec is one pattern rule as configured.
type Spec struct {
	ID, Kind, Title, Doc, Message string
	Level                         rules.Level
	Languages                     []string
	CaseInsensitive               bool
	WordBoundary                  bool
	Regex                         bool
	// Fields are JSON Pointer patterns of the texts to check; nil means
	// every text of the record.
	Fields []string
	Tokens []string // existence
	Swap   []Swap   // substitution, in the order written
	When   []string // required
	// Require lists the terms one of which must appear; After says it must
	// follow each When match immediately, otherwise anywhere in the checked
	// texts of the record.
	Require []string
	After   bool
	// Source names where the rule was defined, for its documentation.
	Source string
}

// Swap is one substitution: text to flag, and its replacement.
type Swap struct{ From, To string }

// TermError is a term that does not compile; List and Index say which
// ("tokens", "swap", "when" or "require").
type TermError struct {
	List  string
	Index int
	Err   error
}

func (e *TermError) Error() string { return e.Err.Error() }

// Compile checks a spec and builds its rule.
func Compile(s Spec) (*rules.Rule, error) {
	p := &pattern{spec: s}
	var err error
	switch s.Kind {
	case Existence:
		p.find, err = compile(s, "tokens", s.Tokens, false)
	case Substitution:
		from := make([]string, len(s.Swap))
		for i, sw := range s.Swap {
			from[i] = sw.From
		}
		p.find, err = compile(s, "swap", from, false)
	case Required:
		p.find, err = compile(s, "when", s.When, false)
		if err == nil {
			p.require, err = compile(s, "require", s.Require, s.After)
		}
	default:
		return nil, fmt.Errorf("unknown kind %q (want existence, substitution or required)", s.Kind)
	}
	if err != nil {
		return nil, err
	}
	for _, f := range s.Fields {
		if _, err := path.Match(f, ""); err != nil {
			return nil, fmt.Errorf("field pattern %q: %w", f, err)
		}
	}
	title := s.Title
	if title == "" {
		title = strings.TrimSuffix(strings.ReplaceAll(s.Message, "%s", "…"), ".")
	}
	r := &rules.Rule{
		ID:        s.ID,
		Title:     title,
		Doc:       p.doc(),
		Level:     s.Level,
		Tags:      []string{"pattern", s.Kind},
		Languages: s.Languages,
		Run:       p.run,
	}
	switch s.Kind {
	case Existence:
		r.Bad = s.Tokens[0]
	case Substitution:
		r.Bad, r.Good = s.Swap[0].From, s.Swap[0].To
	}
	if s.Regex {
		r.Bad, r.Good = "", ""
	}
	return r, nil
}

type pattern struct {
	spec    Spec
	find    *matcher
	require *matcher
}

func (p *pattern) doc() string {
	s := p.spec
	var b strings.Builder
	if s.Doc != "" {
		b.WriteString(strings.TrimSpace(s.Doc))
		b.WriteString("\n\n")
	}
	quote := func(ts []string) string {
		q := make([]string, len(ts))
		for i, t := range ts {
			q[i] = "`" + t + "`"
		}
		return strings.Join(q, ", ")
	}
	switch s.Kind {
	case Existence:
		fmt.Fprintf(&b, "Flags %s.", quote(s.Tokens))
	case Substitution:
		parts := make([]string, len(s.Swap))
		for i, sw := range s.Swap {
			parts[i] = "`" + sw.From + "` → `" + sw.To + "`"
		}
		fmt.Fprintf(&b, "Replaces %s (with a fix).", strings.Join(parts, ", "))
	case Required:
		where := "somewhere in the checked texts"
		if s.After {
			where = "right after it"
		}
		fmt.Fprintf(&b, "Where %s appears, %s must appear %s.", quote(s.When), quote(s.Require), where)
	}
	if s.Fields != nil {
		fmt.Fprintf(&b, " Checks %s.", quote(s.Fields))
	}
	if s.Source != "" {
		fmt.Fprintf(&b, " Pattern rule (%s) defined in %s.", s.Kind, s.Source)
	}
	return b.String()
}

func (p *pattern) texts(rec *rules.Record) []rules.Text {
	all := rec.Texts()
	if p.spec.Fields == nil {
		return all
	}
	var out []rules.Text
	for _, t := range all {
		if pointerMatches(p.spec.Fields, t.Pointer()) {
			out = append(out, t)
		}
	}
	return out
}

// pointerMatches reports whether ptr, or a value above it, matches one of
// the patterns: "/body/*" covers /body/3 and /body/3/text alike.
func pointerMatches(patterns []string, ptr string) bool {
	for _, pat := range patterns {
		for end := len(ptr); end > 0; end = strings.LastIndexByte(ptr[:end], '/') {
			if ok, _ := path.Match(pat, ptr[:end]); ok {
				return true
			}
		}
	}
	return false
}

func (p *pattern) run(pass *rules.Pass) (any, error) {
	s := p.spec
	texts := p.texts(pass.Record)
	switch s.Kind {
	case Existence:
		for _, t := range texts {
			ft := foldText(t.Value())
			for _, m := range p.find.all(ft) {
				i, j := ft.orig[m.start], ft.orig[m.end]
				pass.Report(rules.Diagnostic{Span: t.Span(i, j), Pointer: t.Pointer(), Message: format(s.Message, t.Value()[i:j])})
			}
		}
	case Substitution:
		for _, t := range texts {
			ft := foldText(t.Value())
			for _, m := range p.find.all(ft) {
				i, j := ft.orig[m.start], ft.orig[m.end]
				got := t.Value()[i:j]
				want := matchCase(got, s.Swap[m.term], s.CaseInsensitive)
				if got == want {
					continue // already right, down to the apostrophe
				}
				pass.Report(rules.Diagnostic{
					Span: t.Span(i, j), Pointer: t.Pointer(),
					Message: format(s.Message, want, got),
					Fixes:   []rules.Fix{{Description: fmt.Sprintf("Replace “%s” with “%s”", got, want), Edits: []rules.Edit{t.Edit(i, j, want)}}},
				})
			}
		}
	case Required:
		p.required(pass, texts)
	}
	return nil, nil
}

func (p *pattern) required(pass *rules.Pass, texts []rules.Text) {
	s := p.spec
	type hit struct {
		t    rules.Text
		i, j int
	}
	var first *hit
	found := false
	for _, t := range texts {
		ft := foldText(t.Value())
		for _, m := range p.find.all(ft) {
			i, j := ft.orig[m.start], ft.orig[m.end]
			if s.After {
				if !p.require.at(ft, m.end) {
					pass.Report(rules.Diagnostic{Span: t.Span(i, j), Pointer: t.Pointer(), Message: format(s.Message, t.Value()[i:j])})
				}
				continue
			}
			if first == nil {
				first = &hit{t, i, j}
			}
		}
		if !s.After && !found && len(p.require.all(ft)) > 0 {
			found = true
		}
	}
	if first != nil && !found {
		pass.Report(rules.Diagnostic{Span: first.t.Span(first.i, first.j), Pointer: first.t.Pointer(), Message: format(s.Message, first.t.Value()[first.i:first.j])})
	}
}

// format fills each %s of a configured message in turn; %% is a percent
// sign. Unlike fmt, a message with fewer verbs than arguments stays clean.
func format(msg string, args ...string) string {
	var b strings.Builder
	for i := 0; i < len(msg); i++ {
		if msg[i] == '%' && i+1 < len(msg) {
			switch msg[i+1] {
			case 's':
				if len(args) > 0 {
					b.WriteString(args[0])
					args = args[1:]
				}
				i++
				continue
			case '%':
				b.WriteByte('%')
				i++
				continue
			}
		}
		b.WriteByte(msg[i])
	}
	return b.String()
}

// matchCase capitalises the replacement when a case-insensitive match is
// capitalised where the term is not, as at the start of a sentence
// ("E-mail" → "Email"); a term written capitalised is taken as written.
func matchCase(got string, sw Swap, insensitive bool) string {
	want := sw.To
	if !insensitive || got == "" || want == "" || sw.From == "" {
		return want
	}
	g, _ := utf8.DecodeRuneInString(got)
	f, _ := utf8.DecodeRuneInString(sw.From)
	w, n := utf8.DecodeRuneInString(want)
	if unicode.IsUpper(g) && unicode.IsLower(f) && unicode.IsLower(w) {
		return string(unicode.ToUpper(w)) + want[n:]
	}
	return want
}

// folded is a text prepared for matching, with a map back to the original.
type folded struct {
	s    string
	orig []int // orig[k]: offset in the original of folded byte k; len(s)+1 entries
}

func foldText(s string) folded {
	var b strings.Builder
	b.Grow(len(s))
	orig := make([]int, 0, len(s)+1)
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && (i+1 == len(s) || s[i+1] < utf8.RuneSelf) {
			if c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
				c = ' '
			}
			b.WriteByte(c)
			orig = append(orig, i)
			i++
			continue
		}
		// One NFC segment at a time: a base letter and its combining marks.
		n := norm.NFC.NextBoundaryInString(s[i:], true)
		if n <= 0 {
			_, n = utf8.DecodeRuneInString(s[i:])
		}
		seg := s[i : i+n]
		f := strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return ' '
			}
			return r
		}, lang.Fold(seg))
		b.WriteString(f)
		for k := range len(f) {
			if len(f) == len(seg) {
				orig = append(orig, i+k)
			} else {
				orig = append(orig, i) // a recomposed segment maps as a whole
			}
		}
		i += n
	}
	orig = append(orig, len(s))
	return folded{s: b.String(), orig: orig}
}

// matcher finds any of a list of terms in folded text.
type matcher struct {
	re       *regexp.Regexp
	groups   []int // capture group of each term
	boundary bool
}

type match struct{ start, end, term int }

func compile(s Spec, list string, terms []string, anchored bool) (*matcher, error) {
	type alt struct {
		src   string
		index int
		nsub  int
	}
	alts := make([]alt, len(terms))
	for i, t := range terms {
		src := termRegexp(t, s.Regex)
		re, err := regexp.Compile(src)
		if err != nil {
			return nil, &TermError{List: list, Index: i, Err: fmt.Errorf("%q is not a valid regular expression: %w", t, err)}
		}
		alts[i] = alt{src, i, re.NumSubexp()}
	}
	if !s.Regex {
		// Literal terms: the longest wins where several start at one place.
		sort.SliceStable(alts, func(a, b int) bool { return len(alts[a].src) > len(alts[b].src) })
	}
	var b strings.Builder
	if s.CaseInsensitive {
		b.WriteString("(?i)")
	}
	if anchored {
		b.WriteString("^")
	}
	b.WriteString("(?:")
	groups := make([]int, len(terms))
	g := 1
	for k, a := range alts {
		if k > 0 {
			b.WriteByte('|')
		}
		b.WriteString("(" + a.src + ")")
		groups[a.index] = g
		g += 1 + a.nsub
	}
	b.WriteString(")")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, &TermError{List: list, Err: err}
	}
	return &matcher{re: re, groups: groups, boundary: s.WordBoundary && !anchored}, nil
}

// termRegexp is the regular expression of one term, over folded text: a
// literal term is folded like the text, and its spaces match any run of
// white space.
func termRegexp(t string, isRegex bool) string {
	if isRegex {
		return t
	}
	f := foldText(strings.TrimSpace(t)).s
	words := strings.Fields(f)
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(words, " +")
}

func (m *matcher) all(ft folded) []match {
	var out []match
	for pos := 0; pos <= len(ft.s); {
		loc := m.re.FindStringSubmatchIndex(ft.s[pos:])
		if loc == nil {
			break
		}
		start, end := pos+loc[0], pos+loc[1]
		if end > start && (!m.boundary || wordEdges(ft.s, start, end)) {
			term := 0
			for i, g := range m.groups {
				if loc[2*g] >= 0 {
					term = i
					break
				}
			}
			out = append(out, match{start, end, term})
			pos = end
			continue
		}
		// Try again one character further on.
		_, n := utf8.DecodeRuneInString(ft.s[start:])
		pos = start + max(n, 1)
	}
	return out
}

// at reports whether one of the terms starts exactly at offset i.
func (m *matcher) at(ft folded, i int) bool {
	loc := m.re.FindStringIndex(ft.s[i:])
	return loc != nil && loc[1] > 0
}

// wordEdges reports whether [start, end) is a whole word: a match that
// begins or ends with a letter or digit must not continue a word, nor be
// the tail or head of a hyphenated compound ("Yougoslavie" is not flagged
// in "ex-Yougoslavie").
func wordEdges(s string, start, end int) bool {
	if r, _ := utf8.DecodeRuneInString(s[start:]); isWord(r) {
		before, n := utf8.DecodeLastRuneInString(s[:start])
		if isWord(before) {
			return false
		}
		if before == '-' {
			if r2, _ := utf8.DecodeLastRuneInString(s[:start-n]); isWord(r2) {
				return false
			}
		}
	}
	if r, _ := utf8.DecodeLastRuneInString(s[:end]); isWord(r) {
		after, n := utf8.DecodeRuneInString(s[end:])
		if isWord(after) {
			return false
		}
		if after == '-' {
			if r2, _ := utf8.DecodeRuneInString(s[end+n:]); isWord(r2) {
				return false
			}
		}
	}
	return true
}

func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}
