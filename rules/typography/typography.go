// Package typography defines the typography rule: French no-break spaces
// around « » : ; ! ?, one apostrophe form per record, and (in English) one
// double-quote form per record.
package typography

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/artlint/artlint/internal/lang"
	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/rules/textan"
)

// Rule reports typographic spacing and mixed apostrophe or quote forms.
var Rule = &rules.Rule{
	ID:    "typography",
	Title: "French no-break spaces, and one apostrophe and quote form per record",
	Doc: "**French spacing.** French typography puts a no-break space after « and before », :, ;, ! and ?, so that the mark " +
		"never starts a line on its own. The rule reports a mark with no space at all (`différente,»`, `Attention!`, `«Nous`) " +
		"and a mark preceded (or, for «, followed) by an ordinary breakable space (`partenaires ; la`). " +
		"Either U+00A0 (no-break space) or U+202F (narrow no-break space) is accepted. The suggested fix follows the " +
		"Imprimerie nationale convention, which Grammalecte also accepts: U+00A0 inside « » and before :, U+202F before ; ! ?.\n\n" +
		"Left alone: `:` and `;` glued to the following text (times and scores `17:06`, `1:0`, ratios `3:1`, URLs `https://`, " +
		"`Fichier:Nom`, HTML entities `&amp;`); any mark inside a URL; the second mark of a `?!` or `!!` cluster " +
		"(only the first needs the space); `(?)` and `[!]`; a closing » at the very start of a text (whether quotations " +
		"balance is another rule's question); marks after a line break, a tab or a thin space; English records, which " +
		"need none of these spaces.\n\n" +
		"**Apostrophes** (French and English). A record should use one apostrophe form. The rule counts straight ' and " +
		"typographic ’ used as apostrophes — between two letters: `qu'a`, `l'OTAN`, `aujourd'hui`, `don't` — across all the " +
		"record's texts, title and footnotes included. If both forms occur, every occurrence of the less frequent form is " +
		"reported with a fix to the other; on a tie the straight ones are reported, ’ being the typographic form. A record " +
		"that uses only one form, straight or typographic, is not reported; a ' that is not between letters is a quotation " +
		"mark, not an apostrophe, and is not counted.\n\n" +
		"**Double quotes** (English). A record should not mix straight \" and curly “ ” double quotes: the marks of the less " +
		"frequent form are reported (straight ones on a tie), with a fix to the other form; a straight quote becomes “ or ” " +
		"according to its position. A straight \" right after a digit when no quotation is open (`a 12\" screen`) is an inch " +
		"or seconds mark, and one in markup (`href=\"…\"`) is code; neither is counted.",
	Bad: "« Nos partenaires ; la réunion d'aujourd'hui était une étape,» a déclaré le secrétaire général de l’OTAN.",
	Good: "« Nos partenaires\u202f; la réunion d’aujourd’hui était une étape,\u00a0» a déclaré le secrétaire général " +
		"de l’OTAN.",
	Level:     rules.LevelWarning,
	Tags:      []string{"typography"},
	Languages: []string{"fr", "en"},
	Since:     "0.1.0",
	Requires:  []*rules.Rule{textan.Language, textan.Quotations},
	Run:       run,
}

func run(pass *rules.Pass) (any, error) {
	p := textan.Pack(pass)
	if p == nil {
		return nil, nil
	}
	texts := pass.Record.Texts()
	if before, after := p.SpaceBefore(), p.SpaceAfter(); before != "" || after != "" {
		for _, tq := range textan.QuotationsOf(pass) {
			checkSpacing(pass, tq, before, after)
		}
	}
	checkApostrophes(pass, texts)
	if p.Tag == "en" {
		checkDoubleQuotes(pass, texts)
	}
	return nil, nil
}

const (
	nbsp  = "\u00a0" // no-break space
	nnbsp = "\u202f" // narrow no-break space
)

// spaceFor is the no-break space the fix inserts for a mark (Imprimerie
// nationale: narrow before ; ! ?, full inside « » and before :).
func spaceFor(mark rune) (space, name string) {
	switch mark {
	case ';', '!', '?':
		return nnbsp, "narrow no-break space"
	}
	return nbsp, "no-break space"
}

// code names a space by its code point, "U+00A0".
func code(space string) string {
	r, _ := utf8.DecodeRuneInString(space)
	return fmt.Sprintf("U+%04X", r)
}

// isNoBreak reports the spaces that satisfy French spacing.
func isNoBreak(r rune) bool { return r == '\u00a0' || r == '\u202f' || r == '\u2007' }

// show writes a mark as messages do: guillemets bare, others quoted.
func show(r rune) string {
	if r == '«' || r == '»' {
		return string(r)
	}
	return `"` + string(r) + `"`
}

func checkSpacing(pass *rules.Pass, tq textan.TextQuotes, before, after string) {
	t, s := tq.Text, tq.Text.Value()
	if !strings.ContainsAny(s, before+after) {
		return
	}
	// Quoted English keeps its own typography ("« Yes we can! »"); the
	// guillemets around it, outside Inner, are still checked.
	var english []lang.Span
	var unquoted strings.Builder
	from := 0
	for _, q := range tq.Quotes {
		if q.Depth > 0 || q.Inner.Start < from || q.Inner.End < q.Inner.Start {
			continue
		}
		if looksEnglish(s[q.Inner.Start:q.Inner.End]) {
			english = append(english, q.Inner)
		}
		unquoted.WriteString(s[from:q.Inner.Start])
		from = q.Inner.End
	}
	unquoted.WriteString(s[from:])
	if looksEnglish(unquoted.String()) {
		return // an English caption or credit in a French record
	}
	for i, r := range s {
		if inAny(english, i) {
			continue
		}
		if strings.ContainsRune(after, r) {
			checkAfter(pass, t, s, i, r)
		}
		if strings.ContainsRune(before, r) {
			checkBefore(pass, t, s, i, r)
		}
	}
}

// checkBefore handles a mark that needs a no-break space before it.
func checkBefore(pass *rules.Pass, t rules.Text, s string, i int, mark rune) {
	if i == 0 {
		return // nothing before; a » there is a quotation-balance question
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	if isNoBreak(prev) || gluedRight(s, i, mark) || inURL(s, i) {
		return
	}
	space, name := spaceFor(mark)
	size := utf8.RuneLen(mark)
	switch {
	case prev == ' ':
		k := i
		for k > 0 && s[k-1] == ' ' {
			k--
		}
		if k == 0 {
			return
		}
		if b, _ := utf8.DecodeLastRuneInString(s[:k]); unicode.IsSpace(b) || isNoBreak(b) ||
			(mark == '»' && b == '«') || (isExclam(mark) && isExclam(b)) {
			return // a line start, an empty « », a spaced "? !" cluster
		}
		pass.Report(rules.Diagnostic{
			Span:    t.Span(k, i),
			Pointer: t.Pointer(),
			Message: fmt.Sprintf("ordinary space before %s should be a %s (%s)", show(mark), name, code(space)),
			Fixes:   []rules.Fix{{Description: fmt.Sprintf("replace with a %s (%s)", name, code(space)), Edits: []rules.Edit{t.Edit(k, i, space)}}},
		})
	case unicode.IsSpace(prev):
		return // a line break or a tab: layout, not ours
	default:
		if (mark == '»' && prev == '«') || (isExclam(mark) && isExclam(prev)) || strings.ContainsRune("([{", prev) {
			return // «», the second mark of "?!", "(?)"
		}
		if (mark == ';' || mark == ':') && afterEntity(s, i) {
			return
		}
		pass.Report(rules.Diagnostic{
			Span:    t.Span(i, i+size),
			Pointer: t.Pointer(),
			Message: fmt.Sprintf("missing %s before %s", name, show(mark)),
			Fixes:   []rules.Fix{{Description: fmt.Sprintf("insert a %s (%s)", name, code(space)), Edits: []rules.Edit{t.Edit(i, i, space)}}},
		})
	}
}

// checkAfter handles a mark that needs a no-break space after it («).
func checkAfter(pass *rules.Pass, t rules.Text, s string, i int, mark rune) {
	size := utf8.RuneLen(mark)
	j := i + size
	if j >= len(s) || inURL(s, i) {
		return
	}
	next, _ := utf8.DecodeRuneInString(s[j:])
	if isNoBreak(next) || next == '«' || next == '»' {
		return
	}
	space, name := spaceFor(mark)
	switch {
	case next == ' ':
		k := j
		for k < len(s) && s[k] == ' ' {
			k++
		}
		if k == len(s) {
			return
		}
		if a, _ := utf8.DecodeRuneInString(s[k:]); unicode.IsSpace(a) || isNoBreak(a) || a == '»' {
			return
		}
		pass.Report(rules.Diagnostic{
			Span:    t.Span(j, k),
			Pointer: t.Pointer(),
			Message: fmt.Sprintf("ordinary space after %s should be a %s (%s)", show(mark), name, code(space)),
			Fixes:   []rules.Fix{{Description: fmt.Sprintf("replace with a %s (%s)", name, code(space)), Edits: []rules.Edit{t.Edit(j, k, space)}}},
		})
	case unicode.IsSpace(next):
		return
	default:
		pass.Report(rules.Diagnostic{
			Span:    t.Span(i, j),
			Pointer: t.Pointer(),
			Message: fmt.Sprintf("missing %s after %s", name, show(mark)),
			Fixes:   []rules.Fix{{Description: fmt.Sprintf("insert a %s (%s)", name, code(space)), Edits: []rules.Edit{t.Edit(j, j, space)}}},
		})
	}
}

func inAny(spans []lang.Span, i int) bool {
	for _, sp := range spans {
		if i >= sp.Start && i < sp.End {
			return true
		}
	}
	return false
}

// Function words that tell English from French; the language packs have no
// stop-word lists, so this small list lives here.
var (
	englishWords = stringSet("the of and to is are was were this that with for we you it be have has will not our " +
		"your they can what why who how from at by")
	frenchWords = stringSet("le la les de des du et est une un à au aux que qui pour dans sur pas nous vous il elle " +
		"ils elles ce cette ne se sont été en")
)

func stringSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// looksEnglish reports text with at least two English function words and
// (almost) no French ones.
func looksEnglish(s string) bool {
	en, fr := 0, 0
	count := func(w string) {
		w = strings.ToLower(w)
		if englishWords[w] {
			en++
		} else if frenchWords[w] {
			fr++
		}
	}
	// The words are the runs of letters (strings.FieldsFunc without the
	// slice: this runs on every text).
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			count(s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		count(s[start:])
	}
	return en >= 2 && en > 3*fr
}

func isExclam(r rune) bool { return r == '!' || r == '?' }

// gluedRight reports a mark followed directly by a letter, digit or code
// character: not prose punctuation but a time, score, ratio, URL, name or
// code ("17:06", "3:1", "Fichier:Nom", "index.php?id=3", "Yahoo!Finance").
// A smiley ";)" counts as glued too.
func gluedRight(s string, i int, mark rune) bool {
	j := i + utf8.RuneLen(mark)
	if j >= len(s) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[j:])
	if unicode.IsLetter(next) || unicode.IsDigit(next) || strings.ContainsRune(`/\&=#@_-+*<>([{|~^$%`, next) {
		return true
	}
	return (mark == ';' || mark == ':') && next == ')'
}

// inURL reports whether byte i of s is inside a URL, e-mail address or
// domain name, whose punctuation is not prose.
func inURL(s string, i int) bool {
	a := strings.LastIndexFunc(s[:i], unicode.IsSpace) + 1
	b := strings.IndexFunc(s[i:], unicode.IsSpace)
	if b < 0 {
		b = len(s)
	} else {
		b += i
	}
	tok := s[a:b]
	return strings.Contains(tok, "://") || strings.HasPrefix(strings.TrimLeft(tok, "«(\"“"), "www.") ||
		(strings.Contains(tok, "@") && strings.Contains(tok, "."))
}

// afterEntity reports a ; that ends an HTML entity ("&amp;", "&#8217;").
func afterEntity(s string, i int) bool {
	k := i
	for k > 0 && k > i-10 && (isASCIIAlnum(s[k-1]) || s[k-1] == '#') {
		k--
	}
	return k < i && k > 0 && s[k-1] == '&'
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// mark is one apostrophe or double quote found in a text.
type mark struct {
	t        rules.Text
	i, size  int
	straight bool
	fixTo    string // the other form, for a fix
}

// fix replaces the mark with the other form. A YAML plain scalar cannot
// start with a quote (it would become a quoted scalar), so a mark there
// gets no fix rather than one that breaks the record.
func (m mark) fix() []rules.Fix {
	if m.i == 0 && m.t.Node.Style == rules.StylePlain && (m.fixTo == `"` || m.fixTo == "'") {
		return nil
	}
	return []rules.Fix{{Description: "replace with " + m.fixTo, Edits: []rules.Edit{m.t.Edit(m.i, m.i+m.size, m.fixTo)}}}
}

func checkApostrophes(pass *rules.Pass, texts []rules.Text) {
	var marks []mark
	straight := 0
	for _, t := range texts {
		s := t.Value()
		for i, r := range s {
			if r != '\'' && r != '’' {
				continue
			}
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if !unicode.IsLetter(prev) || !unicode.IsLetter(next) {
				continue // a quotation mark, not an apostrophe
			}
			m := mark{t: t, i: i, size: utf8.RuneLen(r), straight: r == '\'', fixTo: "'"}
			if m.straight {
				m.fixTo = "’"
				straight++
			}
			marks = append(marks, m)
		}
	}
	reportMinority(pass, marks, straight,
		"straight apostrophe in a record that uses ’ (%d straight, %d typographic)",
		"typographic apostrophe in a record that uses ' (%d straight, %d typographic)")
}

// reportMinority reports every mark of the less used form, straight or
// typographic, when a record mixes both; a tie reports the straight ones,
// since the typographic form is the one to keep. The messages take the
// two counts.
func reportMinority(pass *rules.Pass, marks []mark, straight int, straightMsg, curlyMsg string) {
	curly := len(marks) - straight
	if straight == 0 || curly == 0 {
		return
	}
	reportStraight := straight <= curly
	for _, m := range marks {
		if m.straight != reportStraight {
			continue
		}
		msg := curlyMsg
		if m.straight {
			msg = straightMsg
		}
		pass.Report(rules.Diagnostic{
			Span:    m.t.Span(m.i, m.i+m.size),
			Pointer: m.t.Pointer(),
			Message: fmt.Sprintf(msg, straight, curly),
			Fixes:   m.fix(),
		})
	}
}

func checkDoubleQuotes(pass *rules.Pass, texts []rules.Text) {
	var marks []mark
	straight := 0
	for _, t := range texts {
		s := t.Value()
		open := false // a straight quotation is open in this text
		for i, r := range s {
			switch r {
			case '“', '”':
				marks = append(marks, mark{t: t, i: i, size: len("“"), fixTo: `"`})
			case '"':
				prev, _ := utf8.DecodeLastRuneInString(s[:i])
				m := mark{t: t, i: i, size: 1, straight: true}
				switch {
				case prev == '=' || strings.HasPrefix(s[i+1:], ">"):
					continue // markup: href="…", <b class="x">
				case i == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/‘", prev):
					m.fixTo, open = "“", true
				case !open && unicode.IsDigit(prev):
					continue // an inch or seconds mark: 12", 5'10"
				default:
					m.fixTo, open = "”", false
				}
				straight++
				marks = append(marks, m)
			}
		}
	}
	reportMinority(pass, marks, straight,
		"straight double quote in a record that uses “ ” (%d straight, %d curly)",
		"curly double quote in a record that uses straight ones (%d straight, %d curly)")
}
