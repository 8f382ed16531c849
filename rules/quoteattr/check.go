package quoteattr

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/artlint/artlint/internal/lang"
	"github.com/artlint/artlint/rules"
)

// prevBlock and nextBlock return the text of the body block right before
// or after text ti, or -1. The items of a list share their block: the one
// before any of them is the paragraph that introduces the list.
func (c *checker) prevBlock(ti int) int {
	t := c.text(ti)
	pi := ti - 1
	for pi >= 0 && t.Block >= 0 && c.text(pi).Block == t.Block {
		pi--
	}
	if pi >= 0 && t.Block > 0 && c.text(pi).Block == t.Block-1 {
		return pi
	}
	return -1
}

func (c *checker) nextBlock(ti int) int {
	t := c.text(ti)
	if t.Block >= 0 && ti+1 < len(c.quotes) && c.text(ti+1).Block == t.Block+1 {
		return ti + 1
	}
	return -1
}

// lastOpen returns the last outermost quotation of a paragraph if it is
// left open at the paragraph's end, or -1.
func (c *checker) lastOpen(ti int) int {
	if c.text(ti).Kind != rules.KindParagraph {
		return -1
	}
	qs := c.quotes[ti].Quotes
	for qi := len(qs) - 1; qi >= 0; qi-- {
		if qs[qi].Depth == 0 {
			if qs[qi].Close.Start < 0 {
				return qi
			}
			return -1
		}
	}
	return -1
}

// continues reports whether paragraph ti continues a quotation left open
// by the paragraph before: it opens with the same mark (or, in the older
// French convention, with »). It returns the mark's span.
func (c *checker) continues(ti int) (lang.Span, bool) {
	pi := c.prevBlock(ti)
	if pi < 0 || c.text(ti).Kind != rules.KindParagraph {
		return lang.Span{}, false
	}
	open := c.lastOpen(pi)
	if open < 0 {
		return lang.Span{}, false
	}
	s := c.text(ti).Value()
	i := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
	r, n := utf8.DecodeRuneInString(s[i:])
	prev := c.text(pi).Value()
	o := c.quotes[pi].Quotes[open].Open
	if s[i:i+n] == prev[o.Start:o.End] || (r == '»' && prev[o.Start:o.End] == "«") {
		return lang.Span{Start: i, End: i + n}, true
	}
	return lang.Span{}, false
}

var kindNames = map[rules.TextKind]string{rules.KindListItem: "list item", rules.KindQuote: "quote block"}

func kindName(k rules.TextKind) string {
	if n, ok := kindNames[k]; ok {
		return n
	}
	return string(k)
}

// checkMarks reports unclosed and stray quotation marks, except those of
// a quotation that runs on over paragraphs.
func (c *checker) checkMarks() {
	for ti, tq := range c.quotes {
		t := tq.Text
		s := t.Value()
		for _, pr := range tq.Problems {
			mark := s[pr.At.Start:pr.At.End]
			switch pr.Kind {
			case "unclosed":
				depth := 0
				for _, q := range tq.Quotes {
					if q.Open == pr.At {
						depth = q.Depth
					}
				}
				if ni := c.nextBlock(ti); ni >= 0 && depth == 0 {
					if _, ok := c.continues(ni); ok && tq.Quotes[c.lastOpen(ti)].Open == pr.At {
						continue
					}
				}
				var msg string
				switch {
				case depth > 0:
					msg = mark + " is never closed inside the enclosing quotation"
				case t.Kind != rules.KindParagraph:
					msg = mark + " is never closed in this " + kindName(t.Kind)
				case c.nextBlock(ti) >= 0 && c.text(c.nextBlock(ti)).Kind == rules.KindParagraph:
					msg = mark + " is never closed in this paragraph and the next paragraph does not continue the quotation"
				default:
					msg = mark + " is never closed in this paragraph and no paragraph follows to continue the quotation"
				}
				c.pass.ReportText(t, pr.At.Start, pr.At.End, "%s", msg)
			case "stray-close":
				if sp, ok := c.continues(ti); ok && sp == pr.At {
					continue
				}
				if prev, _ := utf8.DecodeLastRuneInString(s[:pr.At.Start]); mark == "\"" && unicode.IsDigit(prev) {
					continue // inches: a 55" screen
				}
				c.pass.ReportText(t, pr.At.Start, pr.At.End, "stray closing mark %s: no quotation is open", mark)
			}
		}
	}
}

// status is what the rule concludes about one quotation.
type status int

const (
	stOK       status = iota // attributed, introduced or not speech
	stCont                   // continues an earlier quotation of its paragraph
	stNoAttr                 // no attribution at all
	stBadAttr                // a speech verb whose speaker is not identifiable
	stFragment               // a partial quotation woven into a sentence
)

type item struct {
	ti, qi int
	st     status
	bad    attrib
	group  int  // index of the first item of a multi-paragraph quotation
	after  bool // an earlier quotation of its paragraph is attributed or reported
}

// checkSpeakers checks that quotations and quote blocks have a speaker.
func (c *checker) checkSpeakers() {
	items := c.items
	var lastOf map[int]int // text → its item left open at the paragraph's end
	for ti, tq := range c.quotes {
		t := tq.Text
		if t.Kind == rules.KindQuote {
			c.checkBlock(ti)
			continue
		}
		if t.Kind != rules.KindParagraph && t.Kind != rules.KindSummary && t.Kind != rules.KindListItem {
			continue
		}
		open := c.lastOpen(ti)
		chainedOut := false
		if ni := c.nextBlock(ti); ni >= 0 && open >= 0 {
			_, chainedOut = c.continues(ni)
		}
		contSpan, chainedIn := c.continues(ti)
		attributed := false // an earlier quotation of the paragraph is attributed or reported
		for qi, q := range tq.Quotes {
			if q.Depth != 0 {
				continue
			}
			if q.Close.Start < 0 && !(qi == open && chainedOut) {
				continue // reported as unclosed
			}
			it := item{ti: ti, qi: qi, group: len(items), after: attributed}
			if chainedIn && q.Open.Start == contSpan.Start {
				if g, ok := lastOf[c.prevBlock(ti)]; ok {
					it.group = items[g].group
				}
			}
			if qi == open {
				if lastOf == nil {
					lastOf = map[int]int{} // rare: a quotation that runs on
				}
				lastOf[ti] = len(items)
			}
			if !c.hasWords(ti, q.Inner, minWords) || c.titleCase(ti, q.Inner) {
				it.st = stCont // a term, or a short end of a longer quotation
				items = append(items, it)
				continue
			}
			it.st, it.bad = c.evaluate(ti, qi, attributed)
			if it.st != stFragment {
				attributed = true
			}
			items = append(items, it)
		}
	}
	c.items = items // the larger array, for the next record
	// Groups are item indices.
	groupOK, reported := cleared(c.groupOK, len(items)), cleared(c.grouped, len(items))
	c.groupOK, c.grouped = groupOK, reported
	for _, it := range items {
		// A continuation of an attributed quotation carries its speaker
		// to the paragraphs the quotation runs on to: “… ,” he said. “But
		// … (no closing mark) ¶ “That is …”
		if it.st == stOK || it.st == stCont && it.after {
			groupOK[it.group] = true
		}
	}
	for _, it := range items {
		if groupOK[it.group] || reported[it.group] || (it.st != stNoAttr && it.st != stBadAttr) {
			continue
		}
		reported[it.group] = true
		c.reportQuote(it)
	}
}

// evaluate decides on one outermost quotation of a paragraph.
func (c *checker) evaluate(ti, qi int, attributed bool) (status, attrib) {
	s := c.text(ti).Value()
	q := c.quotes[ti].Quotes[qi]
	attrs, from, to := c.attrsOf(ti), 0, 0
	if len(attrs) > 0 {
		from, to = c.ownSpan(ti, qi)
	}
	first := -1 // the first of the quotation's own attributions
	for i, a := range attrs {
		if !a.own(qi, from, to) {
			continue
		}
		if c.identified(ti, a) {
			return stOK, attrib{}
		}
		if first < 0 {
			first = i
		}
	}
	if first >= 0 {
		if a := attrs[first]; a.kind == spAnonymous && c.disclosed(ti, a) {
			return stOK, attrib{}
		}
		return stBadAttr, attrs[first]
	}
	if attributed {
		return stCont, attrib{}
	}
	for _, a := range c.attrsOf(ti) {
		if c.identified(ti, a) {
			return stOK, attrib{} // the paragraph gives the speaker elsewhere
		}
	}
	sent := c.sentenceOf(ti, q.Open.Start)
	if c.namedSubjectBefore(ti, sent.Start) {
		return stOK, attrib{} // "Ms Lindqvist was blunt. “We will not …”"
	}
	if q.Close.Start >= 0 && c.namedNext(ti, c.sentenceOf(ti, q.Close.Start).End) {
		return stOK, attrib{} // "« … ! » Ces mots du ministre, M. Błaszczak, …"
	}
	lead := strings.TrimSpace(s[sent.Start:q.Open.Start])
	if strings.HasSuffix(lead, ":") {
		return stOK, attrib{} // introduced by a colon
	}
	if pi := c.prevBlock(ti); pi >= 0 && strings.TrimSpace(s[:q.Open.Start]) == "" {
		prev := strings.TrimSpace(c.text(pi).Value())
		if strings.HasSuffix(prev, ":") {
			return stOK, attrib{} // introduced by the paragraph before
		}
		// The paragraph before ends with a sentence in which someone
		// identified speaks, outside quotations: "Margaret Llewellyn
		// stepped down on Saturday. She talked about her first rescue."
		// then a paragraph that opens with the quotation. A sentence that
		// only tells about someone ("Il la conservera jusqu'à sa mort.")
		// introduces nothing.
		if c.introducedByLastSentence(pi) {
			return stOK, attrib{}
		}
	}
	inner := s[q.Inner.Start:q.Inner.End]
	last, _ := utf8.DecodeLastRuneInString(inner)
	if strings.Trim(lead, "—–- ") != "" && !strings.ContainsRune(".!?…,", last) {
		return stFragment, attrib{}
	}
	if lead == "" && q.Close.Start >= 0 && !strings.ContainsRune(".!?…,", last) {
		// The quotation is the subject of its sentence, a mention and not
		// speech: "« Connexion refusée » signifie que…", "“Gone with the
		// Wind” and “Casablanca” topped the poll".
		rest := strings.TrimLeftFunc(s[q.Close.End:], unicode.IsSpace)
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLower(r) {
			return stFragment, attrib{}
		}
	}
	// A verb the pack does not list ("s'est félicité le ministre", "Ms
	// Lindqvist tweeted"): the speaker is in the clause that frames the
	// quotation.
	switch a := c.frameAfter(ti, qi); {
	case a.kind == spNone:
	case c.identified(ti, a), a.kind == spAnonymous && c.disclosed(ti, a):
		return stOK, attrib{}
	default:
		return stBadAttr, a
	}
	// Before the quotation the verb may not be speech at all ("des
	// manifestants scandaient « … ! »"): any subject will do, but for a
	// clause that gives the speaker ("as one analyst put it, “…”").
	switch a, speech := c.frameBefore(ti, qi); {
	case a.kind == spNone:
	case !speech, c.identified(ti, a), a.kind == spAnonymous && c.disclosed(ti, a):
		return stOK, attrib{}
	default:
		return stBadAttr, a
	}
	return stNoAttr, attrib{}
}

// frameAfter reads the clause after a quotation that ends with a comma,
// question or exclamation mark: "« … », s'est félicité le ministre".
func (c *checker) frameAfter(ti, qi int) attrib {
	s := c.text(ti).Value()
	q := c.quotes[ti].Quotes[qi]
	a := attrib{inQuote: -1}
	if q.Close.Start < 0 {
		return a
	}
	last, _ := utf8.DecodeLastRuneInString(s[q.Inner.Start:q.Inner.End])
	rest := strings.TrimLeftFunc(s[q.Close.End:], unicode.IsSpace)
	if !strings.ContainsRune(",?!…", last) && !strings.HasPrefix(rest, ",") && !strings.HasPrefix(rest, ":") &&
		!strings.HasPrefix(rest, "—") && !strings.HasPrefix(rest, "–") && !strings.HasPrefix(rest, "(") {
		return a
	}
	from := q.Close.End
	end := c.sentenceOf(ti, q.Close.Start).End
	if r, n := utf8.DecodeRuneInString(rest); r == '—' || r == '–' || r == '(' {
		// A signature: "« … » — Jens Stoltenberg", "“…” (Ann Linde)".
		from = q.Close.End + len(s[q.Close.End:]) - len(rest) + n
		words := c.wordsOf(ti)
		if w := wordAt(words, from); w >= 0 && words[w].Start < end && c.nameAt(ti, w, 1) {
			a.speaker, a.kind = trimSpan(s, words[w].Start, end), spOK
		}
		return a
	}
	if end < from {
		return a
	}
	if strings.HasPrefix(rest, ":") {
		// A headline's convention: "« Nous irons jusqu'au bout » : la CGT
		// durcit le ton".
		from = q.Close.End + len(s[q.Close.End:]) - len(rest) + 1
	}
	if k := strings.IndexAny(s[from:end], ";:«“\"()—–"); k >= 0 {
		end = from + k
	}
	first := strings.TrimLeft(s[from:end], " \u00a0\u202f,")
	from = end - len(first)
	clauseEnd := end
	if k := strings.Index(first, ","); k >= 0 {
		end = from + k
	}
	if c.words(ti, lang.Span{Start: from, End: end}) > 12 {
		return a
	}
	if pr, ok := c.invertedPronoun(s, lang.Span{Start: from, End: end}); ok && c.p.SpeakerPronoun(s[pr.Start:pr.End]) {
		a.speaker, a.kind = pr, spPronoun
		return a
	}
	if c.verbOnly(ti, from, end) {
		// "lâche, amère, une infirmière": the verb, incises of one word,
		// then the subject.
		for ps := end + 1; ps < clauseEnd; {
			pe := clauseEnd
			if k := strings.Index(s[ps:clauseEnd], ","); k >= 0 {
				pe = ps + k
			}
			if part := trimSpan(s, ps, pe); c.words(ti, part) == 1 && isLower(s[part.Start:part.End]) {
				ps = pe + 1
				continue
			}
			from, end = ps, pe
			break
		}
	}
	// "s'est félicité un diplomate", "analyse un économiste": an indefinite
	// subject after the verb words.
	words := c.wordsOf(ti)
	w0, wEnd := wordRange(words, from, end) // w0: index of ws[0] among the text's words
	ws := words[w0:wEnd:wEnd]
	// "“…,” the conference heard": the clause names who heard it.
	for i, w := range ws {
		if !lookupLower(hearerVerbs[c.p.Tag], w.Text) {
			continue
		}
		if by := c.agent(ti, w0+i); by > 0 {
			a.speaker, a.kind, a.role = c.classify(ti, trimSpan(s, by, end), false)
		} else {
			a.speaker, a.kind = trimSpan(s, from, w.End), spHearer
		}
		return a
	}
	for i, w := range ws {
		if i > 3 || c.preposition(w.Text) || !isLower(w.Text) {
			break
		}
		if c.indefinite(w.Text) && i+1 < len(ws) && !c.document(ws, i) {
			a.speaker, a.kind = c.anonSpan(ws, i), spAnonymous
			if c.orgVoice(s, ws, i) {
				a.kind = spOK // "a indiqué un porte-parole de la SNCF"
			}
			return a
		}
	}
	a.speaker, a.kind, a.role = c.classify(ti, trimSpan(s, from, end), false)
	return a
}

// verbOnly: the words in [from, end) are one or two lower-case words
// that are no subject ("lâche", "s'emporte"), a verb without its subject.
func (c *checker) verbOnly(ti, from, end int) bool {
	n := 0
	for _, w := range within(c.wordsOf(ti), from, end) {
		if !isLower(w.Text) || c.indefinite(w.Text) || c.preposition(w.Text) || c.p.SpeakerPronoun(w.Text) {
			return false
		}
		n++
	}
	return n == 1 || n == 2
}

// frameBefore reads the clause part right before a quotation that opens
// mid-sentence: "Elle a tweeté « … »". speech says the clause is one that
// gives a speaker: "as X put it", "comme le dit X".
func (c *checker) frameBefore(ti, qi int) (a attrib, speech bool) {
	s := c.text(ti).Value()
	q := c.quotes[ti].Quotes[qi]
	a = attrib{inQuote: -1}
	start := c.sentenceOf(ti, q.Open.Start).Start
	for _, o := range c.quotes[ti].Quotes {
		if o.Depth == 0 && o.Close.Start >= 0 && o.Close.End <= q.Open.Start && o.Close.End > start {
			start = o.Close.End
		}
	}
	seg := s[start:q.Open.Start]
	if k := strings.LastIndex(seg, ","); k >= 0 {
		if onlySpace(seg[k+1:]) {
			// "As Konstantin puts it, “…”", "Comme le dit le ministre,
			// « … »": the clause before the comma gives the speaker.
			from := start + strings.LastIndex(seg[:k], ",") + 1
			words := c.wordsOf(ti)
			if w := wordAt(words, from); w >= 0 && w+1 < len(words) && words[w+1].End <= start+k && lookupLower(asWords[c.p.Tag], words[w].Text) {
				// "comme le résume un analyste": the French subject
				// follows the verb.
				for i := w + 1; i < len(words)-1 && i <= w+4 && words[i+1].End <= start+k; i++ {
					if c.indefinite(words[i].Text) && !c.document(words, i) {
						a.speaker, a.kind = lang.Span{Start: words[i].Start, End: words[i+1].End}, spAnonymous
						if c.orgVoice(s, words, i) {
							a.kind = spOK
						}
						return a, true
					}
				}
				a.speaker, a.kind, a.role = c.classify(ti, trimSpan(s, words[w+1].Start, start+k), false)
				return a, true
			}
		}
		start += k + 1
	}
	a.speaker, a.kind, a.role = c.classify(ti, trimSpan(s, start, q.Open.Start), false)
	return a, false
}

// Words that open a clause giving the speaker before a quotation: "as X
// put it", "comme le dit X".
var asWords = map[string]map[string]bool{"en": set("as"), "fr": set("comme")}

// ownSpan is where the sentences quotation qi spans start and end: its
// own attributions are there.
func (c *checker) ownSpan(ti, qi int) (from, to int) {
	q := c.quotes[ti].Quotes[qi]
	from = c.sentenceOf(ti, q.Open.Start).Start
	to = len(c.text(ti).Value())
	if q.Close.Start >= 0 {
		to = c.sentenceOf(ti, q.Close.Start).End
	}
	return from, to
}

// own: the attribution is one of quotation qi's own, in the sentences
// [from, to) it spans, outside quotations or as an incise of qi.
func (a attrib) own(qi, from, to int) bool {
	return a.verb.Start >= from && a.verb.End <= to && (a.inQuote < 0 || a.inQuote == qi)
}

func (c *checker) reportQuote(it item) {
	t := c.text(it.ti)
	q := c.quotes[it.ti].Quotes[it.qi]
	d := rules.Diagnostic{Span: t.Span(q.Open.Start, q.Open.End), Pointer: t.Pointer()}
	for ti := range c.quotes {
		c.scan(ti) // the message tells whether a tie comes later
	}
	if it.st == stBadAttr {
		a := it.bad
		words := t.Value()[a.speaker.Start:a.speaker.End]
		switch a.kind {
		case spAnonymous:
			d.Message = fmt.Sprintf("quotation has no identifiable speaker: %q names no one", words)
		case spHearer:
			d.Message = fmt.Sprintf("quotation has no identifiable speaker: %q says who heard it, not who said it", words)
		case spUntied:
			d.Message = fmt.Sprintf("quotation has no identifiable speaker: the role %q is never tied to a name in the article", a.role)
			if _, later := c.ties[c.roleKey(t.Value(), a.speaker.Start)]; later {
				d.Message = fmt.Sprintf("quotation has no identifiable speaker: the role %q is tied to a name only later in the article", a.role)
			}
		default:
			d.Message = fmt.Sprintf("quotation has no identifiable speaker: %q refers to no person named earlier in the article", words)
		}
		label := "the speaker given"
		if a.kind == spHearer {
			label = "who heard it"
		}
		d.Related = []rules.Related{{Span: t.Span(a.speaker.Start, a.speaker.End), Pointer: t.Pointer(), Message: label}}
		c.pass.Report(d)
		return
	}
	d.Message = "quotation has no identifiable speaker: no speech verb with a speaker in its sentence or paragraph"
	// A quotation attributed in the paragraph before does not carry its
	// speaker over to a new paragraph.
	if pi := c.prevBlock(it.ti); pi >= 0 {
		for _, a := range c.attrsOf(pi) {
			if c.identified(pi, a) && c.quoteNear(pi, a) {
				pt := c.text(pi)
				d.Related = []rules.Related{{Span: pt.Span(a.verb.Start, a.verb.End), Pointer: pt.Pointer(),
					Message: "the previous paragraph's quotation is attributed here; a new paragraph needs its own attribution"}}
			}
		}
	}
	c.pass.Report(d)
}

// quoteNear: the attribution's sentence holds a quotation.
func (c *checker) quoteNear(ti int, a attrib) bool {
	sent := c.sentenceOf(ti, a.verb.Start)
	for _, q := range c.quotes[ti].Quotes {
		if q.Depth == 0 && q.Open.Start < sent.End && (q.Close.Start < 0 || q.Close.End > sent.Start) {
			return true
		}
	}
	return false
}

func (c *checker) roleKey(s string, i int) string {
	role, _, _, _ := c.p.Role(s, i)
	return role
}

// checkBlock reports a quote block with no speaker and no introduction.
func (c *checker) checkBlock(ti int) {
	t := c.text(ti)
	if t.Speaker != nil && strings.TrimSpace(t.Speaker.Str) != "" {
		return
	}
	s := t.Value()
	if strings.TrimSpace(s) == "" {
		return // empty-text reports it
	}
	// Introduced by the paragraph before, possibly through earlier quote
	// blocks of the same introduced quotation.
	for pi := c.prevBlock(ti); pi >= 0; pi = c.prevBlock(pi) {
		if strings.HasSuffix(strings.TrimSpace(c.text(pi).Value()), ":") {
			return
		}
		if pt := c.text(pi); pt.Kind != rules.KindQuote || pt.Speaker != nil {
			break
		}
	}
	for _, a := range c.attrsOf(ti) {
		if a.inQuote < 0 && c.identified(ti, a) {
			return // "« … », a déclaré M. X." inside the block
		}
	}
	// A signature line: "— Jens Stoltenberg".
	if k := strings.LastIndexAny(s, "—–"); k >= 0 {
		words := c.wordsOf(ti)
		if w := wordAt(words, k); w >= 0 && onlySpace(s[k+len("—"):words[w].Start]) && c.nameAt(ti, w, 1) {
			return
		}
	}
	i := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
	j := len(strings.TrimRightFunc(s, unicode.IsSpace))
	c.pass.ReportText(*t, i, j, "quote block has no speaker and the paragraph before does not introduce one")
}

// words counts the words of a span.
func (c *checker) words(ti int, sp lang.Span) int {
	return len(within(c.wordsOf(ti), sp.Start, sp.End))
}

// hasWords reports whether span sp of text ti holds n words or more
// (c.words(ti, sp) >= n). Until the text's words are picked it counts them
// among the shared tokens, and stops at the n-th: a text whose quotations
// are all terms ("le « format Chicago »") then never picks its words.
func (c *checker) hasWords(ti int, sp lang.Span, n int) bool {
	if c.toks[ti] != nil || ti >= len(c.shared) || c.shared[ti].Text.Node != c.text(ti).Node {
		return c.words(ti, sp) >= n
	}
	toks := c.shared[ti].Tokens
	// The tokens cover the text: the words within sp are those among the
	// tokens from the first that starts in sp to the last that ends in it.
	for i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= sp.Start }); n > 0 && i < len(toks) && toks[i].End <= sp.End; i++ {
		if toks[i].Kind == lang.Word {
			n--
		}
	}
	return n <= 0
}

// titleCase: every word of four letters or more is capitalised ("Active
// Engagement, Modern Defence"): the title of a work or a document.
func (c *checker) titleCase(ti int, sp lang.Span) bool {
	long := 0
	for _, w := range within(c.wordsOf(ti), sp.Start, sp.End) {
		if utf8.RuneCountInString(w.Text) < 4 {
			continue
		}
		if !isCap(w.Text) {
			return false
		}
		long++
	}
	return long >= 2
}

// Phrases by which an article says it grants a source anonymity on
// purpose; the pack has no such list.
var anonymity = []string{"anonymity", "not to be named", "not be named", "anonymat", "ne pas être nommé", "ne pas être identifié"}

// disclosed: the sentence of an anonymous attribution says the source was
// granted anonymity ("speaking on condition of anonymity"), an editorial
// decision the rule respects.
func (c *checker) disclosed(ti int, a attrib) bool {
	sent := c.sentenceOf(ti, a.speaker.Start)
	low := strings.ToLower(lang.Fold(c.text(ti).Value()[sent.Start:sent.End]))
	for _, p := range anonymity {
		if strings.Contains(low, p) {
			return true
		}
	}
	return false
}

// namedSubjectBefore: the sentence right before the one starting at start
// opens with a person's name ("Ms Lindqvist was blunt.", "Jens Stoltenberg
// a été clair.", "Smith was blunt." after John Smith) or with a pronoun
// for a person named before ("She was blunt."), which introduces the
// quotation that follows.
func (c *checker) namedSubjectBefore(ti, start int) bool {
	var prev *lang.Span
	for i, sp := range c.sents[ti].Sentences {
		if sp.End <= start {
			prev = &c.sents[ti].Sentences[i]
		}
	}
	if prev == nil || c.quoteAround(ti, prev.Start) >= 0 {
		return false
	}
	words := c.wordsOf(ti)
	w := wordAt(words, prev.Start)
	if w < 0 || words[w].Start != prev.Start {
		return false
	}
	if c.personAt(ti, w) || c.tiedRoleAt(ti, w) || c.personAnaphorAt(ti, w) {
		return true
	}
	return c.subjectAfterAdverbial(ti, w, prev.End)
}

// tiedRoleAt: word w opens a definite role the article ties to a name
// before ("La ministre était catégorique." after « La ministre de la
// transition écologique, Monique Barbut, »; "The minister was adamant."
// after "the minister, Jane Doe,"): the role stands for that person.
func (c *checker) tiedRoleAt(ti, w int) bool {
	words := c.wordsOf(ti)
	if c.indefinite(words[w].Text) {
		return false
	}
	s := c.text(ti).Value()
	role, rs, end, ok := c.p.Role(s, words[w].Start)
	if !ok || c.particle(ti, words[w], rs) {
		return false
	}
	return c.roleTied(ti, words[w], role, rs, end) || c.qualified(ti, rs.Start, end) && c.freeName(pos{ti, words[w].Start})
}

// French pronoun forms that take up a person named before when they open
// a sentence as its subject (« Ce dernier était catégorique. »,
// « Lui-même a dû évacuer sa mairie. »), by the personal pronoun of their
// gender. The pack has no such list.
var anaphors = map[string]map[string]string{
	"fr": {
		"ce dernier": "il", "cette dernière": "elle", "celui-ci": "il", "celle-ci": "elle",
		"lui": "il", "lui-même": "il", "elle-même": "elle",
	},
}

// subjectNext: words that follow a pronoun subject but never a noun it
// would determine: forms of être and avoir, clitics and negation
// (« Ce dernier a… », « Celui-ci n'a pas… », « Lui s'est… »), so that
// « Ce dernier rapport… » is no person.
var subjectNext = set("a", "avait", "aura", "aurait", "avaient", "eut", "est", "était", "sera", "serait", "fut", "reste", "restait",
	"ne", "n'", "n’", "se", "s'", "s’", "y", "en", "l'", "l’", "le", "la", "les", "lui", "leur", "me", "m'", "m’", "nous", "vous", "aussi")

// personAnaphorAt: the sentence opens at word w with a French pronoun
// form standing alone as subject (followed by a comma or a verb, not by
// a noun) for a person named before, and not for the thing the sentence
// before is about.
func (c *checker) personAnaphorAt(ti, w int) bool {
	forms := anaphors[c.p.Tag]
	if forms == nil {
		return false
	}
	s := c.text(ti).Value()
	words := c.wordsOf(ti)
	start := words[w].Start
	for form, pron := range forms {
		n := len(form)
		if start+n > len(s) || !strings.EqualFold(s[start:start+n], form) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[start+n:]); unicode.IsLetter(r) || r == '-' {
			continue // "Lui" of "Lui-même", "Celle" of a longer word
		}
		rest := strings.TrimLeftFunc(s[start+n:], unicode.IsSpace)
		if !strings.HasPrefix(rest, ",") {
			next := wordAt(words, start+n+len(s[start+n:])-len(rest))
			if next < 0 || !lookupLower(subjectNext, words[next].Text) {
				return false
			}
		}
		return c.antecedent(ti, attrib{speaker: lang.Span{Start: start, End: start + n}}) && !c.thingBeforeAs(ti, start, pron)
	}
	return false
}

// personAt: word w opens a person's name, or is a pronoun for a person
// named before.
func (c *checker) personAt(ti, w int) bool {
	words := c.wordsOf(ti)
	if c.p.SpeakerPronoun(words[w].Text) {
		// "She was blunt. “…”": the pronoun's person, if named before,
		// unless it stands for the thing the sentence before is about.
		return c.antecedent(ti, attrib{speaker: lang.Span{Start: words[w].Start, End: words[w].End}}) && !c.thingBefore(ti, words[w].Start)
	}
	here := pos{ti, words[w].Start}
	if c.lookBack(ti, func() bool {
		first, ok := c.surnames[words[w].Text]
		return ok && first.before(here) && first != here
	}) {
		return true // "Smith was defiant." after "John Smith"
	}
	return !c.preposition(words[w].Text) && c.nameAt(ti, w, 2)
}

// Nouns of things a sentence-opening il or elle often stands for, beyond
// documents: « Le budget prévoit… Il s'accompagne… ». The pack has no
// such list.
var things = map[string]map[string]bool{
	"fr": set("budget", "projet", "plan", "loi", "réforme", "accord", "traité", "contrat", "programme", "dispositif", "mesure", "proposition", "amendement"),
}

// Determiners of a definite subject that a pronoun opening the next
// sentence takes up, by pronoun (its gender). English "he" and "she"
// stand for no thing.
var thisWords = map[string]map[string]bool{
	"il":   set("le", "l'", "l’", "ce", "cet"),
	"elle": set("la", "l'", "l’", "cette"),
}

// thingBefore: the sentence before the one holding offset at, in the same
// paragraph, opens with a definite document or thing for subject ("Le
// document prévoit 248 millions d'euros de dépenses."), which a pronoun
// opening the next sentence stands for: « Il s'accompagne d'une hausse… »
// is no person introducing a quotation.
func (c *checker) thingBefore(ti, at int) bool {
	return c.thingBeforeAs(ti, at, strings.ToLower(c.text(ti).Value()[at:wordEnd(c.text(ti).Value(), at)]))
}

// thingBeforeAs is thingBefore for a pronoun form at offset at of the
// gender of personal pronoun pron.
func (c *checker) thingBeforeAs(ti, at int, pron string) bool {
	dets := thisWords[pron]
	if c.p.Tag != "fr" || dets == nil {
		return false
	}
	var prev *lang.Span
	for i, sp := range c.sents[ti].Sentences {
		if sp.End <= at {
			prev = &c.sents[ti].Sentences[i]
		}
	}
	if prev == nil {
		return false
	}
	words := c.wordsOf(ti)
	w := wordAt(words, prev.Start)
	if w < 0 || w+1 >= len(words) || words[w].Start != prev.Start || !lookupLower(dets, words[w].Text) {
		return false
	}
	n := strings.ToLower(words[w+1].Text)
	return documents[c.p.Tag][n] || things[c.p.Tag][n]
}

// wordEnd is where the letters from i end.
func wordEnd(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			break
		}
		i += n
	}
	return i
}

// Relative words and articles among the prepositions: they open no
// adverbial of time or place.
var notOpeners = set("the", "le", "la", "les", "l'", "l’", "who", "that", "which", "qui", "que")

// subjectAfterAdverbial: the sentence opening at word w, which ends at
// end, has a person for subject after an opening adverbial: after a
// short phrase and a comma ("In that interview, Mr Mercer described…",
// « Dans cet entretien, il a raconté… », "Later, she recalled…"), or after
// a phrase of lower-case words and numbers opened by a preposition, with
// no comma ("In that interview he described…", "In 2009 Mr Mercer
// gave…").
func (c *checker) subjectAfterAdverbial(ti, w, end int) bool {
	s := c.text(ti).Value()
	words := c.wordsOf(ti)
	opener := c.preposition(words[w].Text) && !lookupLower(notOpeners, words[w].Text)
	for j := w + 1; j < len(words) && j <= w+maxAdverbial && words[j].End <= end; j++ {
		gap := s[words[j-1].End:words[j].Start]
		if strings.Contains(gap, ",") {
			return onlySpace(strings.Replace(gap, ",", "", 1)) && c.personAt(ti, j)
		}
		if !opener || j > w+5 || !onlySpace(gap) {
			continue
		}
		if c.p.SpeakerPronoun(words[j].Text) && isLower(words[j].Text) {
			return c.antecedent(ti, attrib{speaker: lang.Span{Start: words[j].Start, End: words[j].End}})
		}
		if _, ok := c.p.Honorific(s, words[j].Start); ok {
			return true
		}
		if r, _ := utf8.DecodeRuneInString(words[j].Text); !unicode.IsLower(r) && !unicode.IsDigit(r) {
			opener = false // a name or a place in the adverbial: "In Paris the crowd…"
		}
	}
	return false
}

// maxAdverbial is the most words an opening adverbial has before its
// comma: « Dans un entretien accordé au Monde en 2012, il… ».
const maxAdverbial = 10

// namedNext: the sentence right after the one ending at end names a
// person outside quotations, and so attributes the quotation before it.
func (c *checker) namedNext(ti, end int) bool {
	c.scan(ti)
	for _, sp := range c.sents[ti].Sentences {
		if sp.Start < end {
			continue
		}
		for _, p := range c.persons {
			if p.at.t == ti && !p.role && p.at.off >= sp.Start && p.at.off < sp.End && c.quoteAround(ti, p.at.off) < 0 {
				return true
			}
		}
		return false
	}
	return false
}

// introducedByLastSentence: the last sentence of paragraph pi holds a
// speech verb whose speaker is identified, and no quotation of its own
// (which the verb would attribute instead: "TfL has offered 3.4%, which
// it says is “fair and affordable”.").
func (c *checker) introducedByLastSentence(pi int) bool {
	if c.text(pi).Kind != rules.KindParagraph || c.lastOpen(pi) >= 0 {
		return false
	}
	sents := c.sents[pi].Sentences
	if len(sents) == 0 {
		return false
	}
	last := sents[len(sents)-1]
	for _, q := range c.quotes[pi].Quotes {
		if q.Open.Start >= last.Start || q.Close.Start >= last.Start {
			return false
		}
	}
	for _, a := range c.attrsOf(pi) {
		if a.verb.Start >= last.Start && a.inQuote < 0 && c.quoteAround(pi, a.verb.Start) < 0 && c.identified(pi, a) {
			return true
		}
	}
	return false
}
