// Package quoteattr defines the quote-attribution rule: a quotation must
// have a speaker the reader can identify, and its marks must balance.
package quoteattr

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/artlint/artlint/internal/lang"
	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/rules/textan"
)

// Rule reports quotations without an identifiable speaker and unbalanced
// quotation marks.
var Rule = &rules.Rule{
	ID:    "quote-attribution",
	Title: "Quotations have an identifiable speaker and balanced marks",
	Doc: "A quotation of four words or more is someone's speech, and the reader must be able to tell whose.\n\n" +
		"A quotation is attributed when its sentence has a speech verb with a speaker, before or after it " +
		"(« … », a ajouté le secrétaire général ; Il a déclaré : « … » ; \"…,\" said Ms Lindqvist ; according to the minister), " +
		"an incise inside it (« Nous sommes prêts, a-t-il dit, à agir »), or a speaker right after it when it ends with a comma " +
		"(« … », s'est félicité M. Michel ; \"…\" — Ann Linde). It is accepted as well when an earlier quotation of the same paragraph " +
		"is attributed (a continuation), when its paragraph attributes speech elsewhere, when the sentence before it opens with a name " +
		"or with a pronoun for someone named before (\"Ms Lindqvist was blunt. “…”\", \"She was blunt. “…”\", « Ce dernier était catégorique. », " +
		"« Lui-même a dû évacuer. »), or with a role the article ties to a name before (« La ministre était catégorique. »), also after an opening adverbial " +
		"(\"In that interview he described the night. “…”\", \"Later, Ms Lindqvist was blunt. “…”\"), when a colon or a clause introduces it (\"As Konstantin puts it, “…”\"), when the previous paragraph ends with a colon " +
		"(\"Elle a déclaré :\") or with a sentence, without a quotation of its own, in which someone identified speaks " +
		"(\"She talked about the first rescue she remembers.\"), or when it continues a multi-paragraph quotation (a paragraph that opens « and does not close it, " +
		"continued by a paragraph that opens «, in French or English style).\n\n" +
		"Who heard a quotation is not who said it: \"“…,” the inquiry heard\" and \"“…,” the committee was told\" are reported, " +
		"unless the speaker follows (\"was told by Ms Jones\", \"heard from Dr Hale\"); a French passive " +
		"(\"le plan a été annoncé\") gives no speaker.\n\n" +
		"The speaker is identifiable when it is a name, an institution, a pronoun after a person named earlier in the article, " +
		"or a role (\"le secrétaire général\", \"the spokesman\") that the article ties to a name at or before that point " +
		"(\"le secrétaire général délégué, Alexander Vershbow\", \"Ms Lindqvist, the foreign minister\", \"Secretary General Jens Stoltenberg\") " +
		"or that `people` lists; a role naming one office (\"le président russe\", \"the former prime minister\") may also refer back to a person named without a role; a tied \"foreign minister\" covers a later \"the minister\", but a secretary general does not cover his deputy. " +
		"An anonymous source (\"un responsable\", \"a spokesperson\") is reported unless the sentence says anonymity was granted " +
		"(\"speaking on condition of anonymity\", \"sous couvert d'anonymat\"); the spokesperson of a named or definite organisation " +
		"(\"a Halden spokeswoman\", \"an FAA spokesman\", \"a spokesperson for Airbus\", « un porte-parole de la SNCF », « une porte-parole du ministère ») " +
		"is the organisation speaking, and identified, and so is a later \"the spokesperson\" or « la porte-parole » when the " +
		"nearest spokesperson introduced before it is such an organisation's. The newsroom's own sourcing (« selon nos informations », « d'après nos " +
		"sources », \"according to our information\") names no speaker.\n\n" +
		"A quote block needs a `speaker` or a previous paragraph that introduces it (ending with a colon).\n\n" +
		"Unbalanced marks are reported at the mark: an opening mark never closed in its paragraph and not continued by the next one, " +
		"and a closing mark with no quotation open (a paragraph opening with » after an open quotation is the older French continuation: that » reopens the quotation, which a later » closes).\n\n" +
		"Deliberately left alone: quotations of fewer than four words (terms such as « invités », \"smart defence\"); " +
		"partial quotations woven into a sentence (\"a qualifié la réunion d'« étape vers un partenariat renforcé »\"), " +
		"whose attributing verb can be any verb, unless a speech verb gives them an anonymous speaker; " +
		"quotations that are the subject of their sentence (\"« Connexion refusée » signifie…\"); titles of works in Title Case; " +
		"the speakers of quotations in titles, headings, captions and footnotes (their marks are still checked); apostrophes (l'OTAN, don't).",
	Bad:       "« Nos partenaires partagent tous le souhait de bâtir la sécurité. »",
	Good:      "« Nos partenaires partagent tous le souhait de bâtir la sécurité », a déclaré le secrétaire général, M. Anders Fogh Rasmussen.",
	Level:     rules.LevelWarning,
	Tags:      []string{"editorial"},
	Languages: []string{"fr", "en"},
	Since:     "0.1.0",
	Requires:  []*rules.Rule{textan.Language, textan.Sentences, textan.Quotations, textan.Tokens},
	Run:       run,
}

// minWords is the length from which a quotation is speech, not a term.
const minWords = 4

func run(pass *rules.Pass) (any, error) {
	p := textan.Pack(pass)
	if p == nil {
		return nil, nil
	}
	quotes := textan.QuotationsOf(pass)
	sents := textan.SentencesOf(pass)
	if len(quotes) != len(sents) {
		return nil, fmt.Errorf("quote-attribution: %d quotation results for %d sentence results", len(quotes), len(sents))
	}
	c := checkers.Get().(*checker)
	c.reset(pass, p, quotes, sents, textan.TokensOf(pass))
	c.prepare()
	c.checkMarks()
	c.checkSpeakers()
	// The analyses' results go back to their pools once the record is
	// done (textan's Release): a pooled checker must not point into them.
	c.pass, c.quotes, c.sents, c.shared = nil, nil, nil, nil
	checkers.Put(c)
	return nil, nil
}

// checkers holds checkers for reuse, with their buffers and maps: a record
// has hundreds of words, copied at every run, and a few dozen small
// slices and maps. A run's contents stay until the next run resets them
// (clearing the word buffer costs as much as filling it): the pool drops
// its checkers within two garbage collections, and the record's text
// with them.
var checkers = sync.Pool{New: func() any {
	return &checker{ties: map[string]pos{}, surnames: map[string]pos{}, at: map[int]int{}}
}}

// reset readies a pooled checker for a record, keeping the capacity of
// its buffers.
func (c *checker) reset(pass *rules.Pass, p *lang.Pack, quotes []textan.TextQuotes, sents []textan.TextSentences, shared []textan.TextTokens) {
	c.pass, c.p, c.quotes, c.sents, c.shared = pass, p, quotes, sents, shared
	c.preps, c.indefs = prepositions[p.Tag], indefinites[p.Tag]
	c.wordBuf, c.attrBuf = c.wordBuf[:0], c.attrBuf[:0]
	n := len(quotes)
	c.toks, c.attrs = cleared(c.toks, n), cleared(c.attrs, n)
	c.scanned, c.attrDone = cleared(c.scanned, n), cleared(c.attrDone, n)
	c.persons, c.items = c.persons[:0], c.items[:0]
	clear(c.ties)
	clear(c.surnames)
	clear(c.probes)
	c.peopleRoles, c.hasPeople = nil, false
}

// cleared returns s with length n and zero elements, reusing its array.
func cleared[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// pos is a place in the article: text index and byte offset.
type pos struct{ t, off int }

func (a pos) before(b pos) bool { return a.t < b.t || (a.t == b.t && a.off <= b.off) }

// person is a place where the article names someone or mentions a role;
// tied says it is a role or a name given to one ("le secrétaire général,
// M. Rasmussen"), so no free name a qualified role could refer to.
type person struct {
	at   pos
	tied bool
	role bool // a role, not a name
}

type checker struct {
	pass   *rules.Pass
	p      *lang.Pack
	quotes []textan.TextQuotes
	sents  []textan.TextSentences
	toks   [][]word // word tokens of each text, once wordsOf picked them
	// wordBuf holds the slices of toks, one after the other.
	wordBuf []word
	shared  []textan.TextTokens
	preps   map[string]bool // prepositions of the language
	indefs  map[string]bool // indefinites of the language

	// Names and ties are scanned one text at a time, in whatever order
	// the queries need them (see lookBack): the maps keep the first place
	// among the texts scanned so far.
	ties        map[string]pos // role key → first place the article ties it to a name
	peopleRoles map[string]bool
	hasPeople   bool
	persons     []person       // people named in the texts scanned
	surnames    map[string]pos // last word of a name → where it is first named
	at          map[int]int    // scanNames' word index → person, for the text it scans

	scanned  []bool     // texts whose names have been scanned
	attrs    [][]attrib // speech attributions of each text, once attrDone
	attrDone []bool
	probes   map[string]int // speechVerb's memo: probe → participle length, or -1
	// speechLead's memo for the words of the text findAttributions
	// reads: 0 not asked, 1 a lead, 2 not.
	leads []int8

	attrBuf          []attrib // holds the slices of attrs, one after the other
	items            []item   // checkSpeakers' quotations
	groupOK, grouped []bool   // checkSpeakers' groups: attributed, reported
}

// text is text ti, by pointer: a rules.Text is too large for registers,
// and the rule reads one at nearly every step.
func (c *checker) text(ti int) *rules.Text { return &c.quotes[ti].Text }

func (c *checker) prepare() {
	if people := c.pass.Record.Root.Get("people"); people != nil && people.Kind == rules.Array {
		for _, pr := range people.Items {
			if n := pr.Get("name"); n != nil && n.Kind == rules.String && strings.TrimSpace(n.Str) != "" {
				c.hasPeople = true
			}
			if r := pr.Get("role"); r != nil && r.Kind == rules.String {
				for _, tk := range c.p.Tokens(r.Str) {
					if role, _, _, ok := c.p.Role(r.Str, tk.Start); ok && tk.Kind == lang.Word {
						if c.peopleRoles == nil {
							c.peopleRoles = map[string]bool{}
						}
						c.peopleRoles[role] = true
					}
				}
			}
		}
	}
	c.reopen()
}

// reopen pairs again the marks of a paragraph that continues a quotation
// in the older French style, opening with » ("» Personne n'a rien vérifié
// », a-t-elle ajouté"), reading that » as «: its closing » then ends the
// continued quotation, which its attribution covers, instead of standing
// stray. The shared analysis is copied, not changed.
func (c *checker) reopen() {
	copied := false
	for ti := range c.quotes {
		sp, ok := c.continues(ti)
		s := c.text(ti).Value()
		if !ok || s[sp.Start:sp.End] != "»" {
			continue
		}
		if !copied {
			c.quotes = append([]textan.TextQuotes(nil), c.quotes...)
			copied = true
		}
		// « and » have the same length: every offset stays.
		c.quotes[ti].Quotes, c.quotes[ti].Problems = c.p.Quotations(s[:sp.Start] + "«" + s[sp.End:])
	}
}

// scan scans the names of text ti unless done, and reports whether it
// did.
func (c *checker) scan(ti int) bool {
	if c.scanned[ti] {
		return false
	}
	c.scanNames(ti)
	c.scanned[ti] = true
	return true
}

// lookBack answers a question on the names and ties of the texts up to
// ti, which found asks of everything scanned so far: the answer is
// "someone, or some tie, before this place", so the first one found
// settles it. It asks first without scanning, then scanning the texts
// from ti backwards: the person or the tie a quotation needs is most
// often in its own paragraph or one shortly before, and scanning (a role
// lookup at every word) is most of the rule's cost. Every text up to ti
// is scanned before found may answer false.
func (c *checker) lookBack(ti int, found func() bool) bool {
	if found() {
		return true
	}
	for j := min(ti, len(c.quotes)-1); j >= 0; j-- {
		if c.scan(j) && found() {
			return true
		}
	}
	return false
}

// attrsOf returns the speech attributions of text ti, found on first use:
// only texts with a quotation, or next to one, need them.
func (c *checker) attrsOf(ti int) []attrib {
	if !c.attrDone[ti] {
		c.attrs[ti] = c.findAttributions(ti)
		c.attrDone[ti] = true
	}
	return c.attrs[ti]
}

// wordsOf returns the word tokens of text ti, picked on first use: the
// texts after the last quotation may never need them.
func (c *checker) wordsOf(ti int) []word {
	if ws := c.toks[ti]; ws != nil {
		return ws
	}
	buf := c.wordBuf // a local: appending to c.wordBuf would store c's field at every word
	if buf == nil {
		buf = make([]word, 0, 256) // so that ws is never nil, even with no word
	}
	start := len(buf)
	v := c.text(ti).Value()
	toks := c.tokensOf(ti, c.text(ti))
	buf = slices.Grow(buf, len(toks)) // room for every token: the loop appends in place
	for i := range toks {
		if toks[i].Kind == lang.Word {
			// Field by field: append(buf, word{…}) built the word on the
			// stack and copied it, reading back stores just made, a stall
			// at every word.
			buf = buf[:len(buf)+1]
			w := &buf[len(buf)-1]
			w.Token, w.Text = toks[i], toks[i].Text(v)
		}
	}
	c.wordBuf = buf
	// Capped: the next text's words are appended after these.
	ws := buf[start:len(buf):len(buf)]
	c.toks[ti] = ws
	return ws
}

// word is a word token with its text, which the rule reads at every turn
// (the shared tokens hold only offsets).
type word struct {
	lang.Token
	Text string
}

// tokensOf returns the tokens of text ti from the shared analysis, or
// tokenizes it when the analysis has no entry for it.
func (c *checker) tokensOf(ti int, t *rules.Text) []lang.Token {
	if ti < len(c.shared) && c.shared[ti].Text.Node == t.Node {
		return c.shared[ti].Tokens
	}
	return c.p.Tokens(t.Value())
}

// scanNames records the roles tied to a name and the places people are
// named, for role and pronoun speakers.
func (c *checker) scanNames(ti int) {
	s := c.text(ti).Value()
	words := c.wordsOf(ti)
	at := c.at // word index → person
	clear(at)
	for k, w := range words {
		if !isCap(w.Text) {
			continue // neither an honorific nor a name starts here
		}
		if _, ok := c.p.Honorific(s, w.Start); ok {
			at[k] = len(c.persons)
			c.persons = append(c.persons, person{at: pos{ti, w.Start}})
			c.addSurname(ti, k+1)
			continue
		}
		// Two capitalised words in a row, not inside a longer name nor a
		// place after "à", "in"; the preposition tests come last, as they
		// are the dearest.
		if k+1 < len(words) && isCap(words[k+1].Text) && onlySpace(s[w.End:words[k+1].Start]) &&
			(k == 0 || !(isCap(words[k-1].Text) && onlySpace(s[words[k-1].End:w.Start]))) &&
			!c.preposition(w.Text) && (k == 0 || !c.preposition(words[k-1].Text)) {
			at[k] = len(c.persons)
			c.persons = append(c.persons, person{at: pos{ti, w.Start}})
			c.addSurname(ti, k)
		}
	}
	skipTo := 0
	for _, w := range words {
		if w.Start < skipTo {
			continue
		}
		role, span, end, ok := c.p.Role(s, w.Start)
		if !ok || c.particle(ti, w, span) {
			continue
		}
		skipTo = end // "général" inside "secrétaire général" is not a second role
		// A role is a pronoun's possible antecedent too; if it is never
		// tied, the role's own quotation is the finding.
		c.persons = append(c.persons, person{at: pos{ti, w.Start}, tied: true, role: true})
		n, ok := c.tiedForward(ti, end)
		if !ok {
			n, ok = c.tiedBackward(ti, w.Start)
		}
		if !ok {
			continue
		}
		c.addTie(role, ti, w.Start, span.Start)
		// The name is the role's: it is no free name for another role.
		for j := n; j < len(words) && (j == n || isCap(words[j].Text)); j++ {
			if pi, ok := at[j]; ok {
				c.persons[pi].tied = true
			}
		}
		if _, seen := at[n]; !seen {
			at[n] = len(c.persons)
			c.persons = append(c.persons, person{at: pos{ti, words[n].Start}, tied: true})
		}
	}
}

// addTie records that the article ties role, whose word starts at
// offset at and its role words at roleStart, to a name. Texts are scanned
// out of order: it keeps the first place.
func (c *checker) addTie(role string, ti, at, roleStart int) {
	if old, seen := c.ties[role]; !seen || !old.before(pos{ti, roleStart}) {
		c.ties[role] = pos{ti, at}
	}
}

// particle: the role matched at word w with a capitalised article is the
// end of a name ("Bruno Le Maire", whose "Le Maire" reads as "le maire").
func (c *checker) particle(ti int, w word, role lang.Span) bool {
	if role.Start == w.Start || !isCap(w.Text) {
		return false
	}
	words := c.wordsOf(ti)
	k := sort.Search(len(words), func(i int) bool { return words[i].Start >= w.Start })
	s := c.text(ti).Value()
	return k > 0 && isCap(words[k-1].Text) && onlySpace(s[words[k-1].End:w.Start])
}

// addSurname records the last word of the name starting at word k ("Smith"
// of "John Smith", "Dupont" of "M. Dupont"), first place first, so that
// the surname alone is known as a person's later on.
func (c *checker) addSurname(ti, k int) {
	words := c.wordsOf(ti)
	if k >= len(words) || !isCap(words[k].Text) {
		return
	}
	s := c.text(ti).Value()
	for k+1 < len(words) && isCap(words[k+1].Text) && onlySpace(s[words[k].End:words[k+1].Start]) {
		k++
	}
	// Texts are scanned out of order: keep the first place.
	if old, seen := c.surnames[words[k].Text]; !seen || (pos{ti, words[k].Start}).before(old) {
		c.surnames[words[k].Text] = pos{ti, words[k].Start}
	}
}

// tiedForward: a name follows the role ending at end: "le président Macron",
// "Secretary General Jens Stoltenberg", "le secrétaire général délégué,
// Alexander Vershbow", "le président américain, Joe Biden", "the
// secretary general of NATO, Jens Stoltenberg". It returns the name's
// first word.
func (c *checker) tiedForward(ti, end int) (int, bool) {
	s := c.text(ti).Value()
	words := c.wordsOf(ti)
	k := wordAt(words, end)
	if k < 0 {
		return 0, false
	}
	// Directly after the role.
	if onlySpace(s[end:words[k].Start]) && c.nameAt(ti, k, 1) {
		return k, true
	}
	// After a word that says when the office is held: "la présidente
	// désignée Jane Doe", "le président sortant Joe Biden".
	if k+1 < len(words) && onlySpace(s[end:words[k].Start]) && lookupLower(officeTerms, words[k].Text) &&
		onlySpace(s[words[k].End:words[k+1].Start]) && c.nameAt(ti, k+1, 2) {
		return k + 1, true
	}
	// After up to four words of complement ("américain", "de l'OTAN"),
	// then a comma and a name.
	for g := k; g < len(words) && g < k+5; g++ {
		gap := s[end:words[g].Start]
		if strings.ContainsAny(gap, ".;:!?«»“”\"()") {
			return 0, false
		}
		if strings.Count(gap, ",") == 1 && strings.HasSuffix(strings.TrimRightFunc(gap, unicode.IsSpace), ",") {
			return g, c.nameAt(ti, g, 1)
		}
		if strings.Contains(gap, ",") {
			return 0, false
		}
		// Or a complement ending in a capitalised noun, then the name
		// with no comma: "la ministre de la Culture Rachida Dati", "le
		// ministre de l'Intérieur Gérald Darmanin".
		if g > k && c.preposition(words[k].Text) && isCap(afterApostrophe(words[g-1].Text)) &&
			g+1 < len(words) && isCap(words[g].Text) && isCap(words[g+1].Text) &&
			onlySpace(s[words[g-1].End:words[g].Start]) && onlySpace(s[words[g].End:words[g+1].Start]) {
			return g, true
		}
	}
	return 0, false
}

// Words after a role that say when its holder holds it, before the
// name: "la présidente désignée Jane Doe", "the minister designate John
// Smith" ("elect" is left out: "the senators elect Jane Doe" is a verb).
// The pack has no such list.
var officeTerms = set("désigné", "désignée", "élu", "élue", "sortant", "sortante", "démissionnaire", "intérimaire", "designate")

// Articles before a role whose words in between say whose office it is
// ("the Swedish foreign minister").
var articles = map[string]map[string]bool{"fr": set("le", "la", "les", "l'", "l’"), "en": set("the")}

// possessive: "NATO's", "Sweden’s".
func possessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// afterApostrophe is the part of a word after its last apostrophe: the
// noun of "l'Intérieur".
func afterApostrophe(w string) string {
	if i := strings.LastIndexAny(w, "'’"); i >= 0 {
		_, n := utf8.DecodeRuneInString(w[i:])
		return w[i+n:]
	}
	return w
}

// tiedBackward: a name and a comma come before the role (and its article)
// starting at start: "Ms Lindqvist, the foreign minister". It returns the
// name's first word.
func (c *checker) tiedBackward(ti, start int) (int, bool) {
	s := c.text(ti).Value()
	words := c.wordsOf(ti)
	before := strings.TrimRightFunc(s[:start], unicode.IsSpace)
	// Between the comma and the role, up to three words that say whose
	// office it is: "Jens Stoltenberg, NATO's secretary general", "Ms
	// Lindqvist, the Swedish foreign minister".
	r := sort.Search(len(words), func(i int) bool { return words[i].Start >= start })
	for n := 0; n < 3 && r > 0 && !strings.HasSuffix(before, ","); n++ {
		w := words[r-1].Text
		if !onlySpace(s[words[r-1].End:len(before)]) || !(isCap(w) || possessive(w) || lookupLower(articles[c.p.Tag], w) || lookupLower(former[c.p.Tag], w)) {
			break
		}
		r--
		before = strings.TrimRightFunc(s[:words[r].Start], unicode.IsSpace)
	}
	if !strings.HasSuffix(before, ",") {
		return 0, false
	}
	end := len(before) - 1
	k := -1
	for i, w := range words {
		if w.End <= end && onlySpace(s[w.End:end]) {
			k = i
		}
	}
	if k < 0 || !isCap(words[k].Text) {
		return 0, false
	}
	first := k
	for first > 0 && isCap(words[first-1].Text) && onlySpace(s[words[first-1].End:words[first].Start]) {
		first--
	}
	if _, ok := c.p.Honorific(s, words[first].Start); ok {
		return first, true
	}
	if first > 0 {
		if _, ok := c.p.Honorific(s, words[first-1].Start); ok {
			return first - 1, true
		}
		if c.preposition(words[first-1].Text) {
			return 0, false // "À New York, le porte-parole": a place, not a name
		}
	}
	return first, k > first
}

// nameAt reports a name starting at word k: an honorific and a capitalised
// word, or at least min capitalised words.
func (c *checker) nameAt(ti, k, min int) bool {
	s := c.text(ti).Value()
	words := c.wordsOf(ti)
	if k < 0 || k >= len(words) {
		return false
	}
	if _, ok := c.p.Honorific(s, words[k].Start); ok {
		return true
	}
	// A rank and its article before the name: "le chef d’état-major de la
	// marine, l’amiral Nicolas Vaujour".
	if e, ok := c.p.Rank(s, words[k].Start); ok {
		if j := wordAt(words, e); j > k && onlySpace(s[e:words[j].Start]) && isCap(words[j].Text) {
			k = j
		}
	}
	n := 0
	for j := k; j < len(words) && isCap(words[j].Text); j++ {
		if j > k && !onlySpace(s[words[j-1].End:words[j].Start]) {
			break
		}
		n++
	}
	return n >= min && n > 0
}

// Function words the pack does not list: after them a capitalised word is
// in a complement, not a name, and an anonymous speaker's phrase ends.
var prepositions = map[string]map[string]bool{
	"fr": set("à", "au", "aux", "de", "du", "des", "d'", "d’", "en", "dans", "sur", "par", "pour", "vers", "chez", "le", "la", "les", "l'", "l’",
		"lors", "après", "avant", "pendant", "avec", "sans", "sous", "selon", "depuis", "qui", "que"),
	"en": set("in", "at", "on", "of", "from", "to", "for", "by", "with", "the", "after", "before", "during", "without", "under", "who", "that", "which"),
}

// Prepositions of whom something is said to, in the French order verb,
// hearer, speaker ("a confié au Monde un diplomate").
var datives = map[string]map[string]bool{"fr": set("à", "au", "aux")}

// Indefinite determiners: a speaker introduced by one is anonymous ("un
// responsable", "a spokesperson"). The pack has no such list.
var indefinites = map[string]map[string]bool{
	"fr": set("un", "une", "des", "plusieurs", "certains", "certaines"),
	"en": set("a", "an", "one", "several", "some"),
}

func set(ws ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func (c *checker) preposition(w string) bool { return lookupLower(c.preps, w) }
func (c *checker) indefinite(w string) bool  { return lookupLower(c.indefs, w) }

// lookupLower is m[strings.ToLower(w)], lower-casing short ASCII words in
// a buffer on the stack rather than allocating: it runs at every word.
func lookupLower(m map[string]bool, w string) bool {
	var buf [32]byte
	if len(w) > len(buf) {
		return m[strings.ToLower(w)]
	}
	b := buf[:0]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return m[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return m[string(b)]
}

// clauseStop is strings.IndexAny(s, ":;«»“”\"()—–"), the marks that end
// the speaker after a verb, without the generic search, which tries each
// mark at each rune of s.
func clauseStop(s string) int {
	for i, r := range s {
		switch r {
		case ':', ';', '«', '»', '“', '”', '"', '(', ')', '—', '–':
			return i
		}
	}
	return -1
}

// stopsProbe is strings.ContainsAny(gap, ",;:.«»“”\""): punctuation
// between an auxiliary and a participle, without the generic search.
func stopsProbe(gap string) bool {
	for _, r := range gap {
		switch r {
		case ',', ';', ':', '.', '«', '»', '“', '”', '"':
			return true
		}
	}
	return false
}

// speakerKind classifies the speaker of a speech verb.
type speakerKind int

const (
	spNone      speakerKind = iota // no speaker found: not an attribution
	spOK                           // a name, an institution, a tied role
	spPronoun                      // a pronoun: needs a person named before
	spAnonymous                    // "un responsable", "a spokesperson"
	spUntied                       // a role the article never ties to a name
	spHearer                       // who heard it: "the committee was told", "the court heard"
)

// attrib is a speech verb and its speaker in one text.
type attrib struct {
	verb    lang.Span
	speaker lang.Span // the speaker's words
	kind    speakerKind
	role    string // the role's words, for spUntied
	inQuote int    // index of the depth-0 quote it is an incise of, or -1
}

// identified reports whether the attribution names someone the reader can
// identify.
func (c *checker) identified(ti int, a attrib) bool {
	switch a.kind {
	case spOK:
		return true
	case spPronoun:
		return c.antecedent(ti, a)
	}
	return false
}

// antecedent: a singular pronoun needs a person named, or a role
// mentioned, before it; a plural one ("ils", "they") may stand for a group
// and is accepted.
func (c *checker) antecedent(ti int, a attrib) bool {
	w := strings.ToLower(c.text(ti).Value()[a.speaker.Start:a.speaker.End])
	if c.hasPeople || strings.HasSuffix(w, "s") || w == "they" {
		return true
	}
	at := pos{ti, a.speaker.Start}
	return c.lookBack(ti, func() bool {
		for _, pp := range c.persons {
			if pp.at.before(at) {
				return true
			}
		}
		return false
	})
}

// findAttributions lists the speech verbs of a text with their speakers.
func (c *checker) findAttributions(ti int) []attrib {
	t := c.text(ti)
	s := t.Value()
	words := c.wordsOf(ti)
	c.leads = cleared(c.leads, len(words))
	// The texts' attributions share one array: out is appended after
	// those of the texts before, then capped.
	start := len(c.attrBuf)
	out := c.attrBuf
	// afterComma is HasSuffix(TrimRightFunc(s[:i], unicode.IsSpace), ","),
	// reading back only the runes it needs, ASCII without decoding.
	afterComma := func(i int) bool {
		for i > 0 {
			if b := s[i-1]; b < utf8.RuneSelf {
				if b != ' ' && (b < '\t' || b > '\r') {
					return b == ','
				}
				i--
				continue
			}
			r, n := utf8.DecodeLastRuneInString(s[:i])
			if !unicode.IsSpace(r) {
				return r == ','
			}
			i -= n
		}
		return false
	}
	inQuote, until := -1, -1 // quoteAround of the word, valid before until
	for k := 0; k < len(words); k++ {
		if words[k].Start >= until {
			inQuote, until = c.quoteAroundUntil(ti, words[k].Start)
		}
		// Inside a quotation only an incise attributes it: « Nous sommes
		// prêts, a-t-il dit, à agir ».
		if inQuote >= 0 && !afterComma(words[k].Start) {
			// No word before the quotation's next comma follows one: go
			// on at the first word after that comma, or after the inside.
			from, next := words[k].End, max(min(until, len(s)), words[k].End)
			if i := strings.IndexByte(s[from:next], ','); i >= 0 {
				next = from + i + 1
			}
			for k+1 < len(words) && words[k+1].Start < next {
				k++
			}
			continue
		}
		verb, kind, ok := c.speechVerb(ti, k)
		if !ok {
			continue
		}
		for k+1 < len(words) && words[k+1].Start < verb.End {
			k++
		}
		if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s[verb.End:], " \u00a0\u202f")); unicode.IsDigit(r) {
			continue // a figure for object: "Sundar added 72 for the eighth wicket", « a ajouté 12 points »
		}
		if kind == "according" && c.ownSourcing(ti, k+1) {
			continue // « selon nos informations »: the paper's own sourcing, no speaker
		}
		a := attrib{verb: verb, inQuote: c.quoteAround(ti, verb.Start)}
		if a.inQuote >= 0 && !afterComma(verb.Start) {
			continue
		}
		if pr, ok := c.invertedPronoun(s, verb); ok {
			a.speaker, a.kind = pr, spPronoun
			if !c.p.SpeakerPronoun(s[pr.Start:pr.End]) {
				a.kind = spOK // "a-t-on appris": an impersonal source, left alone
			}
		} else if kind == "verb" && a.inQuote < 0 {
			a.speaker, a.kind, a.role = c.subjectBefore(ti, verb.Start)
			// Other English passives are left as they were: who "was
			// asked" answers the quotation that follows.
			switch passive := c.passive(ti, k); {
			case passive && lookupLower(hearerPassive[c.p.Tag], words[k].Text):
				// "“…,” the committee was told": the subject heard it; the
				// speaker, if any, is the agent ("was told by Mr Smith").
				if by := c.agent(ti, k); by > 0 {
					a.speaker, a.kind, a.role = c.speakerAfter(ti, by)
				} else if a.kind != spNone {
					a.speaker, a.kind = lang.Span{Start: a.speaker.Start, End: verb.End}, spHearer
				}
			case passive && c.p.Tag == "fr":
				continue // "le plan a été annoncé", "personne n'a été prévenu": no speaker
			}
		}
		if a.kind == spNone {
			a.speaker, a.kind, a.role = c.speakerAfter(ti, verb.End)
		}
		if a.kind != spNone {
			out = append(out, a)
		}
	}
	c.attrBuf = out
	return out[start:len(out):len(out)]
}

// The newsroom's own sources, after "selon" or "according to": « selon
// nos informations », « d'après nos sources », "according to our
// reporting". The pack has no such list.
var (
	ownWords    = set("nos", "notre", "our")
	ownSourcing = set("informations", "information", "sources", "source", "renseignements", "calculs", "estimations",
		"constatations", "reporting", "calculations", "estimates", "analysis")
)

// ownSourcing: the words from word k are the newsroom's own sources
// ("nos informations"), which name no speaker.
func (c *checker) ownSourcing(ti, k int) bool {
	words := c.wordsOf(ti)
	return k+1 < len(words) && lookupLower(ownWords, words[k].Text) && lookupLower(ownSourcing, words[k+1].Text)
}

// Participles that make the subject of a passive the hearer ("was told")
// and verbs whose subject heard a quotation ("the court heard"), with the
// auxiliaries of the passive; the pack lists speakers' verbs only.
var (
	hearerPassive = map[string]map[string]bool{"en": set("told", "informed", "reminded")}
	hearerVerbs   = map[string]map[string]bool{"en": set("heard", "learned", "learnt")}
	beForms       = map[string]map[string]bool{"en": set("is", "are", "was", "were", "be", "been", "being"), "fr": set("été", "être")}
	agentWords    = map[string]map[string]bool{"en": set("by", "from")}
)

// passive: the speech verb ending at word k is a passive, whose subject
// is no speaker: "was told", "have been told", "a été annoncé".
func (c *checker) passive(ti, k int) bool {
	words := c.wordsOf(ti)
	s := c.text(ti).Value()
	for b := k - 1; b >= 0 && b >= k-2; b-- {
		if stopsProbe(s[words[b].End:words[b+1].Start]) {
			return false
		}
		if lookupLower(beForms[c.p.Tag], words[b].Text) {
			return true
		}
	}
	return false
}

// agent returns where the speaker starts after a hearer's verb ending at
// word k ("was told by Mr Smith", "heard from Dr Jones"), or 0.
func (c *checker) agent(ti, k int) int {
	words := c.wordsOf(ti)
	s := c.text(ti).Value()
	if k+1 < len(words) && onlySpace(s[words[k].End:words[k+1].Start]) && lookupLower(agentWords[c.p.Tag], words[k+1].Text) {
		return words[k+1].End
	}
	return 0
}

// speechVerb matches a speech verb at word k, also with adverbs between
// the auxiliary and the participle ("a notamment déclaré", "has also
// said"), which the pack's phrases do not cover.
func (c *checker) speechVerb(ti, k int) (lang.Span, string, bool) {
	s := c.text(ti).Value()
	words := c.wordsOf(ti)
	if end, kind, ok := c.p.SpeechVerb(s, words[k].Start); ok {
		return lang.Span{Start: words[k].Start, End: end}, kind, true
	}
	if !isLower(words[k].Text) || len(words[k].Text) < 3 {
		return lang.Span{}, "", false
	}
	for b := k - 2; b >= 0 && b >= k-3; b-- {
		if !isLower(words[b+1].Text) {
			break
		}
		if !c.speechLead(words, b) {
			continue // no phrase starts with this word: the probe cannot match
		}
		// Tested after the lead, which is memoised: a mark between b and
		// k is also between b-1 and k, so the order changes no probe.
		if stopsProbe(s[words[b].End:words[k].Start]) {
			break
		}
		// Probe "auxiliary participle" without the adverbs, on a short
		// window; results are memoised since the pack's matcher is linear
		// in the phrases sharing a first letter.
		tail := s[words[k].Start:]
		if k+2 < len(words) {
			tail = s[words[k].Start:words[k+2].End]
		}
		key := words[b].Text + " " + tail
		n, seen := c.probes[key]
		if !seen {
			n = -1
			if end, kind, ok := c.p.SpeechVerb(key, 0); ok && kind == "verb" && end > len(words[b].Text)+1 {
				n = end - len(words[b].Text) - 1
			}
			if c.probes == nil {
				c.probes = map[string]int{} // only texts with a probe need it
			}
			c.probes[key] = n
		}
		if n > 0 {
			return lang.Span{Start: words[b].Start, End: words[k].Start + n}, "verb", true
		}
	}
	return lang.Span{}, "", false
}

// speechLead is p.SpeechLead of words[b], the words of the text
// findAttributions reads, asked once: speechVerb asks it of a word for
// each of the next two or three.
func (c *checker) speechLead(words []word, b int) bool {
	if c.leads[b] == 0 {
		c.leads[b] = 2
		if c.p.SpeechLead(words[b].Text) {
			c.leads[b] = 1
		}
	}
	return c.leads[b] == 1
}

// invertedPronoun finds the pronoun inside an inverted verb: "a-t-il
// déclaré", "dit-elle".
func (c *checker) invertedPronoun(s string, verb lang.Span) (lang.Span, bool) {
	v := s[verb.Start:verb.End]
	for i, r := range v {
		if r != '-' && r != '\u2010' && r != '\u2011' {
			continue
		}
		j := i + utf8.RuneLen(r)
		e := j
		for e < len(v) {
			r2, n := utf8.DecodeRuneInString(v[e:])
			if !unicode.IsLetter(r2) {
				break
			}
			e += n
		}
		w := v[j:e]
		if w == "t" || w == "" {
			continue
		}
		if c.p.SpeakerPronoun(w) || strings.ToLower(w) == "on" {
			return lang.Span{Start: verb.Start + j, End: verb.Start + e}, true
		}
	}
	return lang.Span{}, false
}

// quoteAround returns the depth-0 quotation whose inside holds offset i.
func (c *checker) quoteAround(ti, i int) int {
	qi, _ := c.quoteAroundUntil(ti, i)
	return qi
}

// quoteAroundUntil is quoteAround, and the offset up to which its answer
// holds: the next bound of a quotation's inside after i. Reading the words
// of a text in order, one call serves all the words up to that bound.
func (c *checker) quoteAroundUntil(ti, i int) (qi, until int) {
	qi, until = -1, math.MaxInt
	for k, q := range c.quotes[ti].Quotes {
		if q.Depth != 0 {
			continue
		}
		if i < q.Open.End {
			until = min(until, q.Open.End)
			continue
		}
		if q.Close.Start >= 0 && i >= q.Close.Start {
			continue
		}
		if q.Close.Start >= 0 {
			until = min(until, q.Close.Start)
		}
		if qi < 0 {
			qi = k
		}
	}
	return qi, until
}

// sentenceOf returns the sentence holding offset i, or the whole text.
func (c *checker) sentenceOf(ti, i int) lang.Span {
	for _, sp := range c.sents[ti].Sentences {
		if sp.Start <= i && i < sp.End {
			return sp
		}
	}
	return lang.Span{Start: 0, End: len(c.text(ti).Value())}
}

// subjectBefore classifies the subject of a speech verb: the clause part
// nearest the verb, after the sentence start, a quotation or a colon.
func (c *checker) subjectBefore(ti, at int) (lang.Span, speakerKind, string) {
	s := c.text(ti).Value()
	start := c.sentenceOf(ti, at).Start
	for _, q := range c.quotes[ti].Quotes {
		if q.Depth == 0 && q.Close.Start >= 0 && q.Close.End <= at && q.Close.End > start {
			start = q.Close.End
		}
	}
	if k := strings.LastIndexAny(s[start:at], ":;—–("); k >= 0 {
		start += k + 1
	}
	// The part nearest the verb: "Le secrétaire général, M. Rasmussen, a
	// déclaré" → "M. Rasmussen".
	for end := at; ; {
		off := partStart(s, start, end)
		if strings.TrimSpace(s[off:end]) != "" {
			sp, kind, role := c.classify(ti, trimSpan(s, off, end), true)
			if (kind == spAnonymous || kind == spUntied) && off > start {
				// "Ms Lindqvist, the foreign minister, said": an earlier
				// part may name the speaker.
				prevOff := partStart(s, start, off-1)
				words := c.wordsOf(ti)
				if w := wordAt(words, prevOff); w >= 0 && words[w].End <= off && (c.nameAt(ti, w, 2) || c.roleThenName(ti, prevOff, off-1)) {
					return sp, spOK, ""
				}
			}
			if kind == spOK && off > start {
				if anon, ok := c.relativeOfAnonymous(ti, partStart(s, start, off-1), off-1, sp); ok {
					return anon, spAnonymous, ""
				}
			}
			return sp, kind, role
		}
		if off == start {
			return lang.Span{}, spNone, ""
		}
		end = off - 1 // before the comma
	}
}

// Words allowed before the name in roleThenName besides the role's: its
// article and the prepositions of its complement ("le ministre de
// l'Intérieur Gérald Darmanin"). Any other preposition opens an
// adverbial ("In talks with Jane Doe, a spokesman said").
var roleLinks = set("the", "of", "le", "la", "les", "l'", "l’", "de", "du", "des", "d'", "d’")

// roleThenName: the part [a, b) is a role and the name it gives, name
// last (two capitalised words or more): "COP31 president-designate Murat
// Kurum", « la présidente désignée Jane Doe ». The part after its comma
// is then an apposition to that name ("…, Türkiye's environment
// minister, said").
func (c *checker) roleThenName(ti, a, b int) bool {
	s := c.text(ti).Value()
	words := within(c.wordsOf(ti), a, b)
	r := len(words)
	for r > 0 && isCap(words[r-1].Text) && (r == len(words) || onlySpace(s[words[r-1].End:words[r].Start])) {
		r--
	}
	if len(words)-r < 2 || r == 0 || c.indefinite(words[0].Text) {
		return false
	}
	role := false
	for _, w := range words[:r] {
		if c.preposition(w.Text) && !lookupLower(roleLinks, w.Text) {
			return false
		}
		// A compound role ends at its hyphen: "president-designate",
		// "minister-elect".
		e := w.End
		if h := strings.IndexByte(w.Text, '-'); h > 0 {
			e = w.Start + h
		}
		if _, _, _, ok := c.p.Role(s[:e], w.Start); ok {
			role = true
		}
	}
	return role
}

// Relative pronouns that take up the noun phrase before their comma as
// the subject of their clause. The pack has no such list.
var relatives = map[string]map[string]bool{"fr": set("qui"), "en": set("who")}

// relativeOfAnonymous: the subject sp is a relative pronoun whose
// antecedent, at the end of [a, b) before its comma, is an anonymous
// source: "le témoignage d'une voisine, qui l'a formellement reconnu",
// "un habitant du quartier, qui a raconté…". It returns the antecedent.
func (c *checker) relativeOfAnonymous(ti, a, b int, sp lang.Span) (lang.Span, bool) {
	words := c.wordsOf(ti)
	w := wordAt(words, sp.Start)
	if w < 0 || words[w].Start != sp.Start || !lookupLower(relatives[c.p.Tag], words[w].Text) {
		return lang.Span{}, false
	}
	var ws []word
	for _, x := range words {
		if x.Start >= a && x.End <= b {
			ws = append(ws, x)
		}
	}
	for i := len(ws) - 2; i >= 0 && i >= len(ws)-6; i-- {
		if c.indefinite(ws[i].Text) {
			if c.document(ws, i) || c.orgVoice(c.text(ti).Value(), ws, i) {
				return lang.Span{}, false
			}
			return c.anonSpan(ws, i), true
		}
		if isCap(ws[i+1].Text) {
			return lang.Span{}, false // a name nearer the comma: "un ami de Jean Dupont, qui"
		}
	}
	return lang.Span{}, false
}

// speakerAfter classifies the speaker after a verb or "selon": "a déclaré
// le secrétaire général, M. Anders Fogh Rasmussen", "said Ms Lindqvist",
// "according to the minister".
func (c *checker) speakerAfter(ti, from int) (lang.Span, speakerKind, string) {
	s := c.text(ti).Value()
	end := c.sentenceOf(ti, from).End
	if from >= end {
		end = len(s)
	}
	if k := clauseStop(s[from:end]); k >= 0 {
		end = from + k
	}
	for off := from; ; {
		pe := partEnd(s, off, end)
		if strings.TrimSpace(s[off:pe]) == "" {
			if pe == end {
				return lang.Span{}, spNone, ""
			}
			off = pe + 1 // after the comma
			continue
		}
		sp, kind, role := c.classify(ti, trimSpan(s, off, pe), false)
		if (kind == spAnonymous || kind == spUntied) && pe < end {
			// "a déclaré un porte-parole, Oana Lungescu": the apposition names.
			nOff := pe + 1
			words := c.wordsOf(ti)
			if w := wordAt(words, nOff); w >= 0 && words[w].Start < partEnd(s, nOff, end) && c.nameAt(ti, w, 1) {
				return sp, spOK, ""
			}
		}
		return sp, kind, role
	}
}

// partStart is where the comma-separated part of s[from:end] that ends at
// end starts; partEnd is where the part starting at from ends.
func partStart(s string, from, end int) int {
	return from + strings.LastIndexByte(s[from:end], ',') + 1
}

func partEnd(s string, from, end int) int {
	if k := strings.IndexByte(s[from:end], ','); k >= 0 {
		return from + k
	}
	return end
}

// classify tells what kind of speaker a phrase is. subject says the phrase
// comes before the verb (its last word is the pronoun, if any).
func (c *checker) classify(ti int, sp lang.Span, subject bool) (lang.Span, speakerKind, string) {
	s := c.text(ti).Value()
	words := within(c.wordsOf(ti), sp.Start, sp.End)
	if len(words) == 0 {
		return sp, spNone, ""
	}
	for _, w := range words {
		if _, ok := c.p.Honorific(s, w.Start); ok {
			return sp, spOK, ""
		}
	}
	if c.indefinite(words[0].Text) && len(words) > 1 && !c.document(words, 0) {
		if c.orgVoice(s, words, 0) {
			return sp, spOK, "" // "a Halden spokeswoman", "a spokesperson for Airbus"
		}
		return c.anonSpan(words, 0), spAnonymous, ""
	}
	if !subject && lookupLower(datives[c.p.Tag], words[0].Text) && len(words) > 2 && !c.indefinite(words[1].Text) {
		// "a indiqué à l'AFP un responsable": the speaker follows whom
		// it was said to.
		for i := 2; i < len(words)-1 && i <= 3; i++ {
			if c.indefinite(words[i].Text) && !c.document(words, i) {
				if c.orgVoice(s, words, i) {
					return sp, spOK, ""
				}
				return c.anonSpan(words, i), spAnonymous, ""
			}
		}
	}
	pr := words[0]
	if subject {
		pr = words[len(words)-1]
	}
	if c.p.SpeakerPronoun(pr.Text) {
		return lang.Span{Start: pr.Start, End: pr.End}, spPronoun, ""
	}
	// The first role in the speaker's words decides: every branch below
	// returns.
	skipTo := 0
	for i, w := range words {
		if w.Start < skipTo {
			continue
		}
		role, rs, end, ok := c.p.Role(s, w.Start)
		if !ok || end > sp.End {
			continue
		}
		if c.particle(ti, w, rs) {
			skipTo = end // "Maire" of "Le Maire" is no role either
			continue
		}
		if i > 0 && c.indefinite(words[i-1].Text) {
			return c.anonSpan(words, i-1), spAnonymous, ""
		}
		if c.roleTied(ti, w, role, rs, end) || c.qualified(ti, rs.Start, end) && c.freeName(pos{ti, w.Start}) || c.spokesAnaphora(ti, w, rs, end) {
			return sp, spOK, ""
		}
		return lang.Span{Start: w.Start, End: end}, spUntied, s[w.Start:end]
	}
	return sp, spOK, ""
}

// roleTied: the article ties the role matched at word w (role's words
// rs, match ending at end) to a name at or before this place (anywhere,
// for the title and summary, which come before the story), or people
// lists someone in it.
func (c *checker) roleTied(ti int, w word, role string, rs lang.Span, end int) bool {
	for key := range c.peopleRoles {
		if covers(key, role) {
			return true
		}
	}
	anywhere := c.text(ti).Kind == rules.KindTitle || c.text(ti).Kind == rules.KindSummary
	found := func() bool {
		for key, tie := range c.ties {
			if covers(key, role) && (anywhere || tie.before(pos{ti, rs.Start})) {
				return true
			}
		}
		return false
	}
	if found() || c.tiedWhereItStands(ti, w, role, rs, end) || c.tiedAtSameWords(ti, rs, anywhere, found) {
		return true
	}
	if anywhere {
		return c.lookBack(len(c.quotes)-1, found)
	}
	// A role taken up in an attribution is most often tied in its own
	// paragraph or in the one before ("…, présidée par le secrétaire
	// général délégué, Alexander Vershbow." then "« … », a déclaré le
	// secrétaire général délégué."): the text before is scanned first,
	// which costs at most one text more than the usual order. The order
	// changes no answer: ties only add up, scanned in any order.
	if ti > 0 && c.scan(ti-1) && found() {
		return true
	}
	return c.lookBack(ti, found)
}

// tiedAtSameWords looks for the role's words, as written at rs of text
// ti, in the texts not yet scanned, and asks tiedWhereItStands at each
// place they stand, until found answers: "le secrétaire général délégué"
// of an attribution is most often tied where an earlier paragraph wrote
// the same words ("…, présidée par le secrétaire général délégué,
// Alexander Vershbow"). A byte search costs far less than the role
// lookup at every word of a scan; a tie it misses (another form, another
// case) is left to the scan, and every tie it records is one the scan
// records at that place or before.
func (c *checker) tiedAtSameWords(ti int, rs lang.Span, anywhere bool, found func() bool) bool {
	roleWords := c.text(ti).Value()[rs.Start:rs.End]
	last := ti // the texts a tie may stand in: up to ti, or all of them
	if anywhere {
		last = len(c.quotes) - 1
	}
	for j := last; j >= 0; j-- {
		if c.scanned[j] {
			continue // its ties are known: found has seen them
		}
		s := c.text(j).Value()
		limit := len(s)
		if j == ti && !anywhere {
			limit = rs.Start // a tie must come before
		}
		for from := 0; from < limit; {
			k := strings.Index(s[from:limit], roleWords)
			if k < 0 {
				break
			}
			at := from + k
			from = at + len(roleWords)
			if j == ti && at == rs.Start {
				continue // the role asked about: not tied where it stands
			}
			if c.tiedAt(j, at) && found() {
				return true
			}
		}
	}
	return false
}

// tiedAt: the role words at offset at of text j are tied where they
// stand, as the scan would find them, the tie being recorded: the role is
// matched at the word before (its article, or a longer role's first
// word) when that match reaches them, else at their first word.
func (c *checker) tiedAt(j, at int) bool {
	s := c.text(j).Value()
	words := c.wordsOf(j)
	k := sort.Search(len(words), func(i int) bool { return words[i].Start >= at })
	if k == len(words) || words[k].Start != at {
		return false // inside a word
	}
	var (
		role    string
		rs      lang.Span
		end     int
		ok      bool
		w, prev = k, k - 1
	)
	if prev >= 0 {
		if role, rs, end, ok = c.p.Role(s, words[prev].Start); ok && end > at {
			w = prev
		}
	}
	if w == k {
		role, rs, end, ok = c.p.Role(s, at)
	}
	if !ok || c.particle(j, words[w], rs) {
		return false
	}
	return c.tiedWhereItStands(j, words[w], role, rs, end)
}

// maxRoleReach is how many words before a role tiedWhereItStands looks
// for a longer role match covering it (an article and four words, or a
// hyphenated role read as several words); beyond that it cannot tell.
const maxRoleReach = 8

// tiedWhereItStands: the role matched at word w is tied to a name where
// it stands ("le secrétaire général, M. Anders Fogh Rasmussen", "Ms
// Lindqvist, the foreign minister"), as scanNames finds it: the tie is
// recorded as scanNames records it, with no scan of the text, for this
// question and the later ones. scanNames skips a word inside an earlier
// role's match, so no word before w may start a role reaching w; a match
// holds no punctuation, so the words before the last punctuation mark
// need no lookup.
func (c *checker) tiedWhereItStands(ti int, w word, role string, rs lang.Span, end int) bool {
	if _, ok := c.tiedForward(ti, end); !ok {
		if _, ok := c.tiedBackward(ti, w.Start); !ok {
			return false
		}
	}
	s := c.text(ti).Value()
	words := c.wordsOf(ti)
	k := sort.Search(len(words), func(i int) bool { return words[i].Start >= w.Start })
	for j := k - 1; j >= 0 && roleBreak(s[words[j].End:words[j+1].Start]) < 0; j-- {
		if k-j > maxRoleReach {
			return false
		}
		if _, _, e, ok := c.p.Role(s, words[j].Start); ok && e > w.Start {
			return false
		}
	}
	c.addTie(role, ti, w.Start, rs.Start)
	return true
}

// roleBreak is strings.IndexAny(s, ",.;:!?«»“”\"()"), the first mark no
// role match holds (its phrases are letters, spaces, hyphens and
// apostrophes), or -1, without the generic search.
func roleBreak(s string) int {
	for i, r := range s {
		switch r {
		case ',', '.', ';', ':', '!', '?', '«', '»', '“', '”', '"', '(', ')':
			return i
		}
	}
	return -1
}

// Words that make a role another person's: the deputy is not the
// secretary general. The pack's role list has no such notion.
var deputy = set("délégué", "adjoint", "deputy", "assistant", "vice")

// covers reports whether a tied role also names a shorter mention of it:
// "foreign minister" covers "the minister", "ministre des Affaires
// étrangères" covers "le ministre", but "secrétaire général délégué" does
// not cover "le secrétaire général".
func covers(tied, role string) bool {
	if tied == role {
		return true
	}
	// The words, lower-cased one by one as needed: strings.Fields of the
	// lower-cased roles, without building them. roleTied asks at every
	// tie known.
	var tb, rb [8]string
	t, r := appendFields(tb[:0], tied), appendFields(rb[:0], role)
	if len(r) >= len(t) {
		return false
	}
	var extra []string
	switch {
	case equalWords(t[:len(r)], r):
		extra = t[len(r):]
	case equalWords(t[len(t)-len(r):], r):
		extra = t[:len(t)-len(r)]
	default:
		return false
	}
	for _, w := range extra {
		if lookupLower(deputy, w) {
			return false
		}
	}
	return true
}

// appendFields appends the fields of s, as strings.Fields splits them,
// ASCII without decoding.
func appendFields(dst []string, s string) []string {
	start := -1
	for i := 0; i < len(s); {
		space, n := false, 1
		if b := s[i]; b < utf8.RuneSelf {
			space = b == ' ' || '\t' <= b && b <= '\r'
		} else if b == 0xC3 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			n = 2 // U+00C0–U+00FF, the accented letters: no space
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		switch {
		case !space:
			if start < 0 {
				start = i
			}
		case start >= 0:
			dst = append(dst, s[start:i])
			start = -1
		}
		i += n
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}

// equalWords compares words as lower-cased: not strings.EqualFold, which
// also takes "ſ" for "s".
func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] == b[i] {
			continue
		}
		if la, lb := strings.ToLower(a[i]), strings.ToLower(b[i]); la != lb {
			return false
		}
	}
	return true
}

// isCap and isLower test the first rune, ASCII without the tables: they
// run at every word.
func isCap(w string) bool {
	if w != "" && w[0] < utf8.RuneSelf {
		return 'A' <= w[0] && w[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isLower(w string) bool {
	if w != "" && w[0] < utf8.RuneSelf {
		return 'a' <= w[0] && w[0] <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

func onlySpace(s string) bool { return strings.TrimSpace(s) == "" }

// within returns the words inside [a, b): word tokens are sorted and do
// not overlap, so those are the run from the first word starting at or
// after a to the last ending at or before b. The run is capped: no append
// may reach the words after it.
func within(words []word, a, b int) []word {
	lo, hi := wordRange(words, a, b)
	return words[lo:hi:hi]
}

// wordRange is within's run as indices: words[lo:hi].
func wordRange(words []word, a, b int) (lo, hi int) {
	lo = sort.Search(len(words), func(i int) bool { return words[i].Start >= a })
	hi = lo + sort.Search(len(words)-lo, func(i int) bool { return words[lo+i].End > b })
	return lo, hi
}

// wordAt returns the index of the first word starting at or after i.
func wordAt(words []word, i int) int {
	for k, w := range words {
		if w.Start >= i {
			return k
		}
	}
	return -1
}

// trimSpan trims white space, and final punctuation, off [a, b).
func trimSpan(s string, a, b int) lang.Span {
	for a < b {
		r, n := utf8.DecodeRuneInString(s[a:])
		if !unicode.IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(s[:b])
		if !unicode.IsSpace(r) && !strings.ContainsRune(".!?…,", r) {
			break
		}
		b -= n
	}
	return lang.Span{Start: a, End: b}
}

// Nouns of documents: "un communiqué de l'Élysée", "a statement from the
// ministry" is a source the reader can check, not an anonymous person.
// The pack has no such list.
var documents = map[string]map[string]bool{
	"fr": set("communiqué", "rapport", "texte", "document", "déclaration", "courrier", "lettre", "message", "note", "tweet", "article", "décision", "avis", "étude", "sondage", "arrêt"),
	"en": set("statement", "report", "document", "letter", "note", "message", "tweet", "post", "release", "study", "survey", "ruling", "decision", "article"),
}

// document: the noun phrase at words[i] (after its determiner) names a
// document.
func (c *checker) document(words []word, i int) bool {
	for j := i + 1; j < len(words) && j <= i+2; j++ {
		if documents[c.p.Tag][strings.ToLower(words[j].Text)] {
			return true
		}
	}
	return false
}

// Nouns of a spokesperson, and the prepositions that name whose ("a
// spokesman for Airbus", « une porte-parole du ministère »). The pack
// lists the role, not its plurals nor what makes it an organisation's.
var (
	spokesNouns = map[string]map[string]bool{
		"en": set("spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople", "spokespersons"),
		"fr": set("porte-parole", "porte-paroles"),
	}
	spokesOf = map[string]map[string]bool{"en": set("for", "of", "at"), "fr": set("de", "du", "des", "d'", "d’")}
	// After these the organisation is definite even in lower case: "du
	// ministère", "des syndicats".
	definiteOf = set("du", "des")
)

// orgVoice: the indefinite noun phrase at words[i] is the spokesperson of
// a named or definite organisation: "a Halden spokeswoman", "an FAA
// spokesman", "a spokesperson for Airbus", "a spokeswoman for the
// company", « un porte-parole de la SNCF », « une porte-parole du
// ministère ». The organisation speaks through its spokesperson, as in
// "Halden said in a statement"; a bare "a spokesman" names no one.
func (c *checker) orgVoice(s string, words []word, i int) bool {
	for j := i + 1; j < len(words) && j <= i+3; j++ {
		if j > i+1 && !onlySpace(s[words[j-1].End:words[j].Start]) {
			return false
		}
		if !lookupLower(spokesNouns[c.p.Tag], words[j].Text) {
			if c.preposition(words[j].Text) {
				return false
			}
			continue
		}
		for k := i + 1; k < j; k++ {
			if isCap(words[k].Text) {
				return true // "a Halden spokeswoman", "a White House spokesman"
			}
		}
		if j+2 >= len(words) || !onlySpace(s[words[j].End:words[j+1].Start]) || !onlySpace(s[words[j+1].End:words[j+2].Start]) ||
			!lookupLower(spokesOf[c.p.Tag], words[j+1].Text) {
			return false
		}
		org := words[j+2].Text
		return isCap(org) || lookupLower(articles[c.p.Tag], org) || lookupLower(definiteOf, words[j+1].Text) && !c.indefinite(org)
	}
	return false
}

// Singular spokesperson nouns, definite articles and indefinite
// determiners, for spokesAnaphora: one organisation's spokesperson
// ("a spokesperson for Airbus"), then "the spokesperson".
var (
	spokesOne = map[string]map[string]bool{"en": set("spokesman", "spokeswoman", "spokesperson"), "fr": set("porte-parole")}
	theOne    = map[string]map[string]bool{"en": set("the"), "fr": set("le", "la")}
	indefOne  = map[string]map[string]bool{"en": set("a", "an", "one"), "fr": set("un", "une")}
)

// spokesAnaphora: the role at word w, whose noun is [rs.Start, end), is a
// definite second reference ("the spokesperson", "the spokeswoman", « le
// porte-parole », « la porte-parole ») to an organisation's spokesperson
// introduced before it ("A spokesperson for the Ciattarelli campaign
// said… “…,” the spokesperson said"), who is the organisation speaking
// (see orgVoice), as "the minister" refers back to "the minister, Jane
// Doe". A spokesperson introduced anonymously ("a spokesperson said")
// gives none, nor does one when the nearest spokesperson introduced
// before is anonymous; "the spokesperson for X" names its own
// organisation.
func (c *checker) spokesAnaphora(ti int, w word, rs lang.Span, end int) bool {
	s := c.text(ti).Value()
	if rs.Start == w.Start || !lookupLower(theOne[c.p.Tag], w.Text) || !onlySpace(s[w.End:rs.Start]) ||
		!lookupLower(spokesOne[c.p.Tag], s[rs.Start:end]) {
		return false
	}
	words := c.wordsOf(ti)
	if k := wordAt(words, end); k >= 0 && lookupLower(spokesOf[c.p.Tag], words[k].Text) && onlySpace(s[end:words[k].Start]) {
		return false
	}
	// The nearest spokesperson introduced before is the one meant.
	for j := ti; j >= 0; j-- {
		t := c.text(j).Value()
		ws := c.wordsOf(j)
		for i := len(ws) - 1; i >= 0; i-- {
			if j == ti && ws[i].Start >= w.Start || !lookupLower(indefOne[c.p.Tag], ws[i].Text) {
				continue
			}
			for k := i + 1; k < len(ws) && k <= i+3 && onlySpace(t[ws[k-1].End:ws[k].Start]); k++ {
				if lookupLower(spokesOne[c.p.Tag], ws[k].Text) {
					return c.orgVoice(t, ws, i)
				}
				if c.preposition(ws[k].Text) {
					break
				}
			}
		}
	}
	return false
}

// anonSpan is the anonymous speaker's noun phrase from its determiner at
// words[i]: at most four words, up to a preposition ("un responsable" of
// "un responsable de l'OTAN lors d'une conférence").
func (c *checker) anonSpan(words []word, i int) lang.Span {
	j := i + 1
	for j+1 < len(words) && j+1 < i+4 && !c.preposition(words[j+1].Text) {
		j++
	}
	return lang.Span{Start: words[i].Start, End: words[j].End}
}

// qualified: the role names one office ("le président russe", "the French
// president", "le porte-parole du Kremlin", "le chef de l'État"), which
// articles use as a second reference to a person they named without the
// role ("Vladimir Poutine … a déclaré le président russe").
func (c *checker) qualified(ti, start, end int) bool {
	s := c.text(ti).Value()
	if strings.IndexFunc(s[start:end], unicode.IsUpper) > 0 {
		return true
	}
	words := c.wordsOf(ti)
	k := wordAt(words, end)
	for b := len(words) - 1; b >= 0; b-- {
		if words[b].End <= start {
			if w := words[b].Text; onlySpace(s[words[b].End:start]) && (isCap(w) && !c.preposition(w) || lookupLower(former[c.p.Tag], w)) {
				return true // "the French president", "Russia's president", "the former prime minister"
			}
			break
		}
	}
	if k < 0 || !onlySpace(s[end:words[k].Start]) {
		return false
	}
	next := strings.ToLower(words[k].Text)
	if next == "de" || next == "du" || next == "des" || next == "of" || next == "d'" || next == "d’" {
		for j := k + 1; j < len(words) && j <= k+2; j++ {
			if isCap(words[j].Text) {
				return true // "du Kremlin", "of NATO"
			}
		}
		return false
	}
	for _, suf := range nationality[c.p.Tag] {
		if strings.HasSuffix(next, suf) {
			return true // "le président russe", "le ministre français"
		}
	}
	return false
}

// Words before a role that make it one person's, named earlier: "the
// former prime minister", "l'ancien président". The pack has no such list.
var former = map[string]map[string]bool{
	"fr": set("ancien", "ancienne", "ex", "défunt", "défunte", "feu"),
	"en": set("former", "late", "outgoing", "then"),
}

// Endings of French adjectives of nationality (English puts them before
// the role, capitalised). The pack has no such list.
var nationality = map[string][]string{
	"fr": {"ais", "aise", "ien", "ienne", "ain", "aine", "ois", "oise", "and", "ande", "russe", "suisse", "belge", "turc", "grec"},
}

// freeName: someone is named before at without being given a role, so a
// qualified role may refer back to them.
func (c *checker) freeName(at pos) bool {
	return c.lookBack(at.t, func() bool {
		for _, p := range c.persons {
			if !p.tied && p.at.before(at) {
				return true
			}
		}
		return false
	})
}
