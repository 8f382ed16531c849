// Package typography defines the typography rule: French no-break spaces
// around « » : ; ! ?, one apostrophe form per record, and (in English) one
// double-quote form per record.
package typography

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"
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
		"(only the first needs the space); `(?)` and `[!]`; ! and ? right after an ellipsis (`Vraiment…?`); a ! glued " +
		"to a capitalised word and followed by a lower-case one, part of a name (`Yahoo! a publié`); smileys " +
		"(`:-)`, `;)`, `:'(`); code: marks inside `backticks` (also never counted as a record's quote or apostrophe form) and a : or ; ending a code token (`run(config: dict)`, " +
		"`i=0;`, `exo_fit:`); a mark after a no-break space written as an HTML entity (`Note&nbsp;:`); a closing » at the very start of a text (whether quotations " +
		"balance is another rule's question); marks after a line break, a tab or a thin space; English quotations inside a " +
		"French text (`« Yes we can! »`, and titles capitalised the English way, `« Star Wars: The Last Jedi »`: the " +
		"guillemets are still checked); English records, which " +
		"need none of these spaces.\n\n" +
		"**Swiss and Canadian French** (`fr-CH`, `fr-CA`): ; ! and ? written with no space at all (`Vraiment?`) are the usual " +
		"practice there (and the Office québécois de la langue française's rule) and are not reported; an ordinary breakable " +
		"space before them still is, as are :, « and », which follow the French rules.\n\n" +
		"**Apostrophes** (French and English). A record should use one apostrophe form. The rule counts straight ' and " +
		"typographic ’ used as apostrophes — between two letters: `qu'a`, `l'OTAN`, `aujourd'hui`, `don't`, or before an opening « or “: `qu'« aucun pays »` — across all the " +
		"record's texts, title and footnotes included. If both forms occur, every occurrence of the less frequent form is " +
		"reported with a fix to the other; on a tie the straight ones are reported, ’ being the typographic form. A record " +
		"that uses only one form, straight or typographic, is not reported; a ' that is not between letters is a quotation " +
		"mark, not an apostrophe, and is not counted, nor is one inside a URL (`wiki/Côte_d'Ivoire`). With the option " +
		"`apostrophes: typographic`, every straight apostrophe is reported, as Grammalecte does, even in a record " +
		"that uses no other form.\n\n" +
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
	Options: map[string]string{
		"apostrophes": "`consistent` (default): report the less used form when a record mixes ' and ’; " +
			"`typographic`: report every straight apostrophe",
	},
	Requires: []*rules.Rule{textan.Language, textan.Quotations},
	Run:      run,
}

func run(pass *rules.Pass) (any, error) {
	p := textan.Pack(pass)
	if p == nil {
		return nil, nil
	}
	texts := pass.Record.Texts()
	if p.SpaceBefore() != "" || p.SpaceAfter() != "" {
		m, unspaced := marksOf(p), unspacedRegion(pass.Record.Lang())
		for _, tq := range textan.QuotationsOf(pass) {
			m.checkSpacing(pass, tq, unspaced)
		}
	}
	if err := checkApostrophes(pass, texts); err != nil {
		return nil, err
	}
	if p.Tag == "en" {
		checkDoubleQuotes(pass, texts)
	}
	return nil, nil
}

// unspacedRegion reports Swiss and Canadian French (fr-CH, fr-CA), where
// ; ! ? usually follow the word with no space at all (Swiss practice, and
// the Office québécois de la langue française's rule).
func unspacedRegion(tag string) bool {
	tag = strings.ToLower(strings.ReplaceAll(tag, "_", "-")) + "-"
	return strings.HasPrefix(tag, "fr-") && (strings.Contains(tag, "-ch-") || strings.Contains(tag, "-ca-"))
}

// markSet is a pack's spacing marks, ready for a byte scan.
type markSet struct {
	before, after []rune // the marks that need a space before, after
	first         []byte // the first byte of each mark, once
}

func newMarkSet(before, after string) *markSet {
	m := &markSet{before: []rune(before), after: []rune(after)}
	for _, set := range [...]string{before, after} {
		for i := range set { // the index of each rune
			if bytes.IndexByte(m.first, set[i]) < 0 {
				m.first = append(m.first, set[i])
			}
		}
	}
	return m
}

// markSets holds each pack's markSet, built on first use: packs are built
// once per process.
var markSets sync.Map // *lang.Pack → *markSet

func marksOf(p *lang.Pack) *markSet {
	if m, ok := markSets.Load(p); ok {
		return m.(*markSet)
	}
	m, _ := markSets.LoadOrStore(p, newMarkSet(p.SpaceBefore(), p.SpaceAfter()))
	return m.(*markSet)
}

const (
	nbsp  = "\u00a0" // no-break space
	nnbsp = "\u202f" // narrow no-break space
)

// spaceFor is the no-break space the fix inserts for a mark (Imprimerie
// nationale: narrow before ; ! ?, full inside « » and before :), its name
// and its code point as messages write it.
func spaceFor(mark rune) (space, name, code string) {
	switch mark {
	case ';', '!', '?':
		return nnbsp, "narrow no-break space", "U+202F"
	}
	return nbsp, "no-break space", "U+00A0"
}

// spaceFinding is a mark whose space is wrong: missing, or an ordinary
// one. The diagnostic is built only for the findings reported.
type spaceFinding struct {
	mark     rune
	after    bool // the space goes after the mark («), not before
	ordinary bool // [from, to) is an ordinary space; otherwise the mark, with no space
	from, to int
}

func (f spaceFinding) diagnostic(t rules.Text) rules.Diagnostic {
	space, name, code := spaceFor(f.mark)
	side := " before "
	if f.after {
		side = " after "
	}
	if f.ordinary {
		return rules.Diagnostic{
			Span:    t.Span(f.from, f.to),
			Pointer: t.Pointer(),
			Message: "ordinary space" + side + show(f.mark) + " should be a " + name + " (" + code + ")",
			Fixes:   []rules.Fix{{Description: "replace with a " + name + " (" + code + ")", Edits: []rules.Edit{t.Edit(f.from, f.to, space)}}},
		}
	}
	at := f.from
	if f.after {
		at = f.to
	}
	return rules.Diagnostic{
		Span:    t.Span(f.from, f.to),
		Pointer: t.Pointer(),
		Message: "missing " + name + side + show(f.mark),
		Fixes:   []rules.Fix{{Description: "insert a " + name + " (" + code + ")", Edits: []rules.Edit{t.Edit(at, at, space)}}},
	}
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

// checkSpacing reports the spacing of one text. Most marks are right, so
// each is checked first and the costlier questions (is the text or the
// quotation English?) are asked only of a mark that would be reported.
func (m *markSet) checkSpacing(pass *rules.Pass, tq textan.TextQuotes, unspaced bool) {
	t, s := tq.Text, tq.Text.Value()
	english := englishParts{tq: tq, last: -1}
	find := lang.NewByteFinder(s, m.first)
	for i := find.Next(0); i >= 0; i = find.Next(i + 1) {
		c := s[i]
		r := rune(c)
		if c >= utf8.RuneSelf {
			r, _ = utf8.DecodeRuneInString(s[i:])
		}
		var fs [2]spaceFinding
		n := 0
		if slices.Contains(m.after, r) {
			if f, ok := checkAfter(s, i, r); ok {
				fs[n], n = f, n+1
			}
		}
		if slices.Contains(m.before, r) {
			if f, ok := checkBefore(s, i, r, unspaced); ok {
				fs[n], n = f, n+1
			}
		}
		if n == 0 {
			continue
		}
		if english.text() {
			return // an English caption or credit in a French record
		}
		if english.inQuote(i) {
			continue
		}
		for _, f := range fs[:n] {
			pass.Report(f.diagnostic(t))
		}
	}
}

// englishParts answers, for the marks of a French text that would be
// reported, whether the text is English outside its quotations, and
// whether a mark is inside an English quotation, whose marks keep English
// typography ("« Yes we can! »"; the guillemets around it, outside Inner,
// are still checked). Both are found on first use, and only the
// quotations holding such a mark are read: counting words is the dear
// part.
type englishParts struct {
	tq          textan.TextQuotes
	asked, all  bool // all: the text outside quotations is English
	last        int  // the quotation asked about last, or -1
	lastEnglish bool
}

// readAlone reports whether quotation q, the text read so far ending at
// from, is an outermost one whose inside is read on its own: the pieces
// of text between such quotations are the text outside quotations, which
// meet at quotation marks, never inside a word.
func readAlone(q lang.Quote, from int) bool {
	return q.Depth == 0 && q.Inner.Start >= from && q.Inner.End >= q.Inner.Start
}

// text reports whether the text outside quotations is English.
func (e *englishParts) text() bool {
	if !e.asked {
		e.asked = true
		s := e.tq.Text.Value()
		var unquoted englishCount
		from := 0
		for _, q := range e.tq.Quotes {
			if readAlone(q, from) {
				unquoted.add(s[from:q.Inner.Start])
				from = q.Inner.End
			}
		}
		unquoted.add(s[from:])
		e.all = unquoted.english()
	}
	return e.all
}

// inQuote reports whether byte i is inside an English quotation.
func (e *englishParts) inQuote(i int) bool {
	from := 0
	for qi, q := range e.tq.Quotes {
		if !readAlone(q, from) {
			continue
		}
		if i < q.Inner.Start {
			return false // the quotations come in order: none after holds i
		}
		from = q.Inner.End
		if i >= q.Inner.End {
			continue
		}
		if qi != e.last {
			inner := e.tq.Text.Value()[q.Inner.Start:q.Inner.End]
			e.last, e.lastEnglish = qi, looksEnglish(inner) || englishTitle(inner)
		}
		return e.lastEnglish
	}
	return false
}

// checkBefore handles a mark that needs a no-break space before it.
func checkBefore(s string, i int, mark rune, unspaced bool) (spaceFinding, bool) {
	if i == 0 {
		return spaceFinding{}, false // nothing before; a » there is a quotation-balance question
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	if isNoBreak(prev) || gluedRight(s, i, mark) || inURL(s, i) || inCode(s, i) || afterNoBreakEntity(s[:i]) {
		return spaceFinding{}, false
	}
	size := utf8.RuneLen(mark)
	switch {
	case prev == ' ':
		k := i
		for k > 0 && s[k-1] == ' ' {
			k--
		}
		if k == 0 {
			return spaceFinding{}, false
		}
		if b, _ := utf8.DecodeLastRuneInString(s[:k]); unicode.IsSpace(b) || isNoBreak(b) ||
			(mark == '»' && b == '«') || (isExclam(mark) && isExclam(b)) {
			return spaceFinding{}, false // a line start, an empty « », a spaced "? !" cluster
		}
		return spaceFinding{mark: mark, ordinary: true, from: k, to: i}, true
	case unicode.IsSpace(prev):
		return spaceFinding{}, false // a line break or a tab: layout, not ours
	}
	switch {
	case (mark == '»' && prev == '«') || (isExclam(mark) && isExclam(prev)) || strings.ContainsRune("([{", prev):
		return spaceFinding{}, false // «», the second mark of "?!", "(?)"
	case isExclam(mark) && (prev == '…' || prev == '.'):
		return spaceFinding{}, false // "Vraiment…?": the ellipsis takes the mark unspaced
	case mark == '!' && brandName(s, i):
		return spaceFinding{}, false // "Yahoo! a publié", "Jeopardy!"
	case unspaced && (mark == ';' || isExclam(mark)):
		return spaceFinding{}, false // Swiss and Canadian practice: "Vraiment?"
	case (mark == ';' || mark == ':') && (afterEntity(s, i) || afterIdentifier(s, i)):
		return spaceFinding{}, false
	}
	return spaceFinding{mark: mark, from: i, to: i + size}, true
}

// checkAfter handles a mark that needs a no-break space after it («).
func checkAfter(s string, i int, mark rune) (spaceFinding, bool) {
	size := utf8.RuneLen(mark)
	j := i + size
	if j >= len(s) || inURL(s, i) || inCode(s, i) {
		return spaceFinding{}, false
	}
	next, _ := utf8.DecodeRuneInString(s[j:])
	if isNoBreak(next) || next == '«' || next == '»' {
		return spaceFinding{}, false
	}
	switch {
	case next == ' ':
		k := j
		for k < len(s) && s[k] == ' ' {
			k++
		}
		if k == len(s) {
			return spaceFinding{}, false
		}
		if a, _ := utf8.DecodeRuneInString(s[k:]); unicode.IsSpace(a) || isNoBreak(a) || a == '»' {
			return spaceFinding{}, false
		}
		return spaceFinding{mark: mark, after: true, ordinary: true, from: j, to: k}, true
	case unicode.IsSpace(next):
		return spaceFinding{}, false
	}
	return spaceFinding{mark: mark, after: true, from: i, to: j}, true
}

// inCode reports whether byte i of s is inside a `code span`: an odd
// number of backticks before it.
func inCode(s string, i int) bool {
	return strings.Count(s[:i], "`")%2 == 1 && strings.IndexByte(s[i:], '`') >= 0
}

// afterIdentifier reports a : or ; that ends a piece of code rather than a
// word ("exo_fit.run(config: dict)", "for (i=0; i<n; i++)"): the token
// before it holds an underscore, a comparison sign, or a call's unclosed
// parenthesis. "candidat(e)s :" closes its parenthesis and is prose.
func afterIdentifier(s string, i int) bool {
	tok := s[strings.LastIndexFunc(s[:i], unicode.IsSpace)+1 : i]
	if strings.ContainsAny(tok, "_=<>") {
		return true
	}
	open := strings.LastIndexByte(tok, '(')
	return open > 0 && isASCIIAlnum(tok[open-1]) && !strings.Contains(tok[open:], ")")
}

// Function words that tell English from French; the language packs have no
// stop-word lists, so this small list lives here. This runs on every word
// of a text with a finding, so a word is looked up once for both lists, by
// its bytes packed in an integer (hashing a uint64 is cheaper than a
// string); the few words with non-ASCII letters are in a string map.
var functionWords, functionWordsUTF8, longestFunctionWord = func() (map[uint64]uint8, map[string]uint8, int) {
	ascii, other, longest := map[uint64]uint8{}, map[string]uint8{}, 0
	add := func(words string, bit uint8) {
		for _, w := range strings.Fields(words) {
			longest = max(longest, len(w))
			if k, ok := lang.PackASCIILower(w); ok {
				ascii[k] |= bit
			} else {
				other[w] |= bit
			}
		}
	}
	add("the of and to is are was were this that with for we you it be have has will not our "+
		"your they can what why who how from at by yes all my he she his her them their there here about more than "+
		"would should could does did just been had its which when where said says again great over now only also", englishWord)
	add("le la les de des du et est une un à au aux que qui pour dans sur pas nous vous il elle "+
		"ils elles ce cette ne se sont été en", frenchWord)
	return ascii, other, longest
}()

const (
	englishWord uint8 = 1 << iota
	frenchWord
)

// wordClass returns the function-word bits of w, case-folded.
func wordClass(w string) uint8 {
	if len(w) > longestFunctionWord {
		return 0 // every listed word is shorter, in capitals too: most words are
	}
	if k, ok := lang.PackASCIILower(w); ok {
		return functionWords[k]
	}
	return functionWordsUTF8[strings.ToLower(w)]
}

// eachWord calls f with every run of letters of s (with internal hyphens
// when hyphens is set), until f returns false: strings.FieldsFunc without
// the slice.
func eachWord(s string, hyphens bool, f func(w string) bool) {
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || (hyphens && start >= 0 && r == '-') {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			if !f(s[start:i]) {
				return
			}
			start = -1
		}
	}
	if start >= 0 {
		f(s[start:])
	}
}

// englishCount counts the English and French function words of texts
// read one after another.
type englishCount struct{ en, fr int }

func (c *englishCount) add(s string) {
	eachWord(s, false, func(w string) bool {
		switch cl := wordClass(w); {
		case cl&englishWord != 0:
			c.en++
		case cl&frenchWord != 0:
			c.fr++
		}
		return true
	})
}

// english: at least two English function words and (almost) no French
// ones.
func (c *englishCount) english() bool { return c.en >= 2 && c.en > 3*c.fr }

// looksEnglish reports text with at least two English function words and
// (almost) no French ones.
func looksEnglish(s string) bool {
	var c englishCount
	c.add(s)
	return c.english()
}

// brandName reports a ! that belongs to a name ("Yahoo! a publié ses
// comptes"): glued to a capitalised word and followed by a lower-case word,
// where an exclamation would end its sentence or its quotation.
//
// It also reports the ! of an English title quoted without marks, in
// title case ("la comédie musicale Mamma Mia! Here We Go Again sort
// mercredi"): the capitalised words after it include an English function
// word and no French one, where a French exclamation goes on with a French
// sentence ("Quelle surprise ! Le film…").
func brandName(s string, i int) bool {
	k := i
	for k > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:k])
		if !unicode.IsLetter(r) {
			break
		}
		k -= n
	}
	first, _ := utf8.DecodeRuneInString(s[k:i])
	if k == i || !unicode.IsUpper(first) || !strings.HasPrefix(s[i+1:], " ") {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[i+2:])
	return unicode.IsLower(next) || englishTitleAfter(s[i+2:])
}

// englishTitleAfter reports that s starts with two or more capitalised
// words, separated by single spaces, among which an English function word
// and no French one.
func englishTitleAfter(s string) bool {
	words, english := 0, false
	for s != "" {
		end := 0
		for end < len(s) {
			r, n := utf8.DecodeRuneInString(s[end:])
			if !unicode.IsLetter(r) {
				break
			}
			end += n
		}
		w := s[:end]
		if r, _ := utf8.DecodeRuneInString(w); w == "" || !unicode.IsUpper(r) {
			break
		}
		cl := wordClass(w)
		if cl&frenchWord != 0 {
			return false
		}
		english = english || cl&englishWord != 0
		words++
		if !strings.HasPrefix(s[end:], " ") {
			break
		}
		s = s[end+1:]
	}
	return words >= 2 && english
}

// englishTitle reports a quoted title in English capitalisation, every
// word capitalised and no French function word ("Star Wars: The Last Jedi",
// "Mission: Impossible"): its punctuation is the original's. A French title
// capitalises only its first word ("Le Comte de Monte-Cristo").
func englishTitle(s string) bool {
	words := 0
	ok := true
	eachWord(s, true, func(w string) bool {
		r, _ := utf8.DecodeRuneInString(w)
		cl := wordClass(w)
		switch {
		case cl&frenchWord != 0:
			ok = false
		case unicode.IsUpper(r):
			words++
		case w != "a" && cl&englishWord == 0:
			ok = false
		}
		return ok // one word that is neither settles it
	})
	return ok && words >= 2
}

func isExclam(r rune) bool { return r == '!' || r == '?' }

// gluedRight reports a mark followed directly by a letter, digit or code
// character: not prose punctuation but a time, score, ratio, URL, name or
// code ("17:06", "3:1", "Fichier:Nom", "index.php?id=3", "Yahoo!Finance").
// Smileys ";)", ":'(" count as glued too.
func gluedRight(s string, i int, mark rune) bool {
	j := i + utf8.RuneLen(mark)
	if j >= len(s) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[j:])
	if unicode.IsLetter(next) || unicode.IsDigit(next) || strings.ContainsRune(`/\&=#@_-+*<>([{|~^$%`, next) {
		return true
	}
	if mark != ';' && mark != ':' {
		return false
	}
	if next == '\'' || next == '’' { // a crying smiley ":'("
		next, _ = utf8.DecodeRuneInString(s[j+utf8.RuneLen(next):])
	}
	return next == ')' || next == '('
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

// afterNoBreakEntity reports text ending in a no-break space written as an
// HTML entity ("Note&nbsp;:"), which is the space the mark needs.
func afterNoBreakEntity(s string) bool {
	if !strings.HasSuffix(s, ";") {
		return false
	}
	for _, e := range [...]string{"&nbsp;", "&#160;", "&#xa0;", "&#xA0;", "&#8239;", "&#x202f;", "&#x202F;", "&#8199;"} {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
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

// found is one counted mark in a text: its byte range, whether it is the
// straight form, and the other form for a fix.
type found struct {
	i, size  int
	straight bool
	fixTo    string
}

// nextFunc finds the first counted mark of s at or after byte from; open
// is the scanner's state within the text (a straight quotation is open),
// returned updated. ok is false when there is none. A cursor rather than a
// callback: a closure passed to a func value would be allocated per text.
type nextFunc func(s string, from int, open bool) (m found, nowOpen, ok bool)

func checkApostrophes(pass *rules.Pass, texts []rules.Text) error {
	switch mode, _ := pass.Options["apostrophes"].(string); mode {
	case "", "consistent":
		reportMinority(pass, texts, nextApostrophe, false,
			"straight apostrophe in a record that uses ’ (%d straight, %d typographic)",
			"typographic apostrophe in a record that uses ' (%d straight, %d typographic)")
	case "typographic":
		reportMinority(pass, texts, nextApostrophe, true,
			"straight apostrophe: the typographic form is ’ (%d straight, %d typographic in this record)", "")
	default:
		return fmt.Errorf("option apostrophes: %q is neither \"consistent\" nor \"typographic\"", mode)
	}
	return nil
}

// afterURLChar reports whether the letters before byte i follow a
// character that joins the parts of an address ("wiki/Côte_d'Ivoire"): only
// then is the costlier inURL worth asking, prose apostrophes follow a space.
func afterURLChar(s string, i int) bool {
	k := i
	for k > 0 {
		if c := s[k-1] | 0x20; s[k-1] < utf8.RuneSelf { // ASCII: a letter is a-z once lower-cased
			if c < 'a' || c > 'z' {
				break
			}
			k--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(s[:k])
		if !unicode.IsLetter(r) {
			break
		}
		k -= n
	}
	return k > 0 && strings.IndexByte("/_.-=?&#%+:~", s[k-1]) >= 0
}

// nextApostrophe finds the next ' or ’ between two letters, or between a
// letter and an opening « or “, outside URLs; any other ' is a quotation
// mark.
func nextApostrophe(s string, from int, _ bool) (found, bool, bool) {
	for i := from; i < len(s); i++ {
		if i = nextApostropheCandidate(s, i); i < 0 {
			return found{}, false, false
		}
		size := 0
		switch {
		case s[i] == '\'':
			size = 1
		case strings.HasPrefix(s[i:], "’"):
			size = len("’")
		default:
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		next, _ := utf8.DecodeRuneInString(s[i+size:])
		// An elided word before a quotation ("qu'« aucun pays »") has its
		// apostrophe too: no closing quotation mark comes before an opening one.
		if !unicode.IsLetter(prev) || !(unicode.IsLetter(next) || next == '«' || next == '“') ||
			(afterURLChar(s, i) && inURL(s, i)) {
			continue // a quotation mark, or part of an address (wiki/Côte_d'Ivoire)
		}
		if size == 1 {
			return found{i, size, true, "’"}, false, true
		}
		return found{i, size, false, "'"}, false, true
	}
	return found{}, false, false
}

// nextApostropheCandidate is the index of the first ' or 0xE2 (the lead
// byte of ’) at or after i, or -1. It jumps there with IndexByte, which
// scans many bytes at a time (this runs over every text of the record),
// and looks for ' only up to the next 0xE2: each stretch of text between
// two is read twice at most, however many apostrophes the text holds,
// where looking for both up to the end again at every apostrophe read the
// rest of the text as many times.
func nextApostropheCandidate(s string, i int) int {
	end := len(s)
	if k := strings.IndexByte(s[i:], 0xE2); k >= 0 {
		end = i + k
	}
	if k := strings.IndexByte(s[i:end], '\''); k >= 0 {
		return i + k
	}
	if end == len(s) {
		return -1
	}
	return end
}

// reportMinority reports every mark of the less used form, straight or
// typographic, when a record mixes both; a tie reports the straight ones,
// since the typographic form is the one to keep. The messages take the
// two counts. One pass finds the marks, kept in a pooled buffer, so that a
// record using one form, the usual case, costs no allocation.
//
// With straightAlways, every straight mark is reported, whatever the
// counts (the typographic form is the house style).
func reportMinority(pass *rules.Pass, texts []rules.Text, next nextFunc, straightAlways bool, straightMsg, curlyMsg string) {
	buf := markBufs.Get().(*[]textMark)
	defer markBufs.Put(buf)
	marks := (*buf)[:0]
	straight, curly := 0, 0
	for ti, t := range texts {
		s, open := t.Value(), false
		next := outsideCode(s, next)
		for m, o, ok := next(s, 0, open); ok; m, o, ok = next(s, m.i+m.size, open) {
			open = o
			marks = append(marks, textMark{ti, m})
			if m.straight {
				straight++
			} else {
				curly++
			}
		}
	}
	*buf = marks
	if straight == 0 || (curly == 0 && !straightAlways) {
		return
	}
	reportStraight := straight <= curly || straightAlways
	msg, n := curlyMsg, curly
	if reportStraight {
		msg, n = straightMsg, straight
	}
	// The findings share their message, and the arrays of their fixes.
	msg = fmt.Sprintf(msg, straight, curly)
	fixes, edits := make([]rules.Fix, 0, n), make([]rules.Edit, 0, n)
	for _, tm := range marks {
		if tm.straight != reportStraight {
			continue
		}
		t, m := texts[tm.text], tm.found
		d := rules.Diagnostic{Span: t.Span(m.i, m.i+m.size), Pointer: t.Pointer(), Message: msg}
		if fixable(t, m) {
			k := len(fixes) // capped slices: appending to one cannot reach the next finding's
			edits = append(edits, t.Edit(m.i, m.i+m.size, m.fixTo))
			fixes = append(fixes, rules.Fix{Description: replaceWith(m.fixTo), Edits: edits[k : k+1 : k+1]})
			d.Fixes = fixes[k : k+1 : k+1]
		}
		pass.Report(d)
	}
}

// textMark is a counted mark and the index of its text.
type textMark struct {
	text int
	found
}

// markBufs holds reportMinority's buffers: a French record has dozens of
// apostrophes.
var markBufs = sync.Pool{New: func() any { return new([]textMark) }}

// outsideCode makes next skip the marks inside `code spans` of s: code
// keeps its straight quotes ("Set `format: "json"`", "`echo 'done'`"),
// which are neither prose nor the record's form. Texts without a backtick,
// nearly all, keep next as it is.
func outsideCode(s string, next nextFunc) nextFunc {
	if strings.IndexByte(s, '`') < 0 {
		return next
	}
	return func(s string, from int, open bool) (found, bool, bool) {
		for {
			m, o, ok := next(s, from, open)
			if !ok || !inCode(s, m.i) {
				return m, o, ok
			}
			from = m.i + m.size // a mark in code: skipped, the quotation state unchanged
		}
	}
}

// fixable: a mark is replaced with the other form, but for a mark at the
// start of a YAML plain scalar, which cannot start with a quote (it would
// become a quoted scalar): it gets no fix rather than one that breaks the
// record.
func fixable(t rules.Text, m found) bool {
	return m.i != 0 || t.Node.Style != rules.StylePlain || (m.fixTo != `"` && m.fixTo != "'")
}

// replaceWith describes the fix to form: the marks' descriptions are
// constants, built once.
func replaceWith(form string) string {
	switch form {
	case "’":
		return "replace with ’"
	case "'":
		return "replace with '"
	case "“":
		return "replace with “"
	case "”":
		return "replace with ”"
	case `"`:
		return `replace with "`
	}
	return "replace with " + form
}

func checkDoubleQuotes(pass *rules.Pass, texts []rules.Text) {
	reportMinority(pass, texts, nextDoubleQuote, false,
		"straight double quote in a record that uses “ ” (%d straight, %d curly)",
		"curly double quote in a record that uses straight ones (%d straight, %d curly)")
}

// nextDoubleQuote finds the next curly or straight double quote, a
// straight one with the curly form its position calls for. Inch marks and
// markup are skipped.
func nextDoubleQuote(s string, from int, open bool) (found, bool, bool) {
	for i := from; i < len(s); i++ {
		switch {
		case s[i] == 0xE2 && (strings.HasPrefix(s[i:], "“") || strings.HasPrefix(s[i:], "”")):
			return found{i, len("“"), false, `"`}, open, true
		case s[i] == '"':
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			switch {
			case prev == '=' || strings.HasPrefix(s[i+1:], ">"):
				continue // markup: href="…", <b class="x">
			case i == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/‘", prev):
				return found{i, 1, true, "“"}, true, true
			case !open && unicode.IsDigit(prev):
				continue // an inch or seconds mark: 12", 5'10"
			default:
				return found{i, 1, true, "”"}, false, true
			}
		}
	}
	return found{}, open, false
}
