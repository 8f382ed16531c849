// Package statedcount defines the stated-count rule: a count ("treize pays
// partenaires", "the four countries") must match the enumeration it
// announces or sums up.
package statedcount

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/artlint/artlint/internal/lang"
	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/rules/textan"
)

// Rule reports a count that disagrees with the list it is linked to.
var Rule = &rules.Rule{
	ID:    "stated-count",
	Title: "A stated count matches the enumeration it announces or sums up",
	Doc: "An article that says “thirteen partner countries” and then names twelve, or that lists three countries and " +
		"goes on with “the four countries”, contradicts itself; one of the two is wrong, and readers notice.\n\n" +
		"The rule finds count phrases (a cardinal in words or digits before a plural noun such as *pays*, *États*, " +
		"*partenaires*, *ministres*, *countries*, *leaders*) and links each to one enumeration, only when the link is clear:\n\n" +
		"- **in the same sentence**: a list right after a colon, dash or bracket (“les dirigeants de trois pays : A, B et C”), " +
		"or in apposition (“trois pays, A, B et C, …”, “A, B et C, trois pays qui…”);\n" +
		"- **a list block** right after a paragraph ending in a colon that holds the count;\n" +
		"- **anaphora** (countries only): “ces quatre pays”, “nos quatre pays”, “the four countries” after a coordinated list of countries " +
		"in the same or one of the two previous sentences, with no other country named in between (a count that restates the same " +
		"list, “A, B et C, trois pays…”, does not stand in the way);\n" +
		"- **announced earlier, listed later** (countries only): a count with no demonstrative (“un groupe de treize pays " +
		"partenaires”) and the nearest following enumeration of countries, when that enumeration's sentence has no count " +
		"of its own, no other count of countries comes between, and both have at least four items and differ by at most one " +
		"(a later list that differs more is as often the part of the group that spoke or signed as a mistake); " +
		"below six, the list must also hang on the same word as the count (“les dirigeants de treize pays” … “les dirigeants " +
		"de l’Australie, …”); a list that may go on in the next sentence (“… Ceux du Maroc et du Qatar ont suivi.”, countries " +
		"that bring the total closer to the count) is left alone.\n\n" +
		"An anaphora with a definite article (“les quatre pays”, “the four countries”) is linked only from a later sentence or clause, " +
		"when nothing after the noun narrows the group (“les quatre pays fondateurs”), and only when it states more than the " +
		"list; anaphoras that differ from the list by more than two, or that match another list a few sentences back, are left alone.\n\n" +
		"For countries every coordinated item must be a country name (French articles and prepositions are skipped: " +
		"“de l’Australie”, “des Émirats arabes unis”). For people, organisations, clubs, companies, places, products and " +
		"the like (*joueurs*, *entreprises*, *villes*, *films*; *players*, *companies*, *directors*, *units* …) only a list " +
		"of capitalised names in the same sentence is linked: after a colon or dash (“three ministers: A, B and C”), in " +
		"apposition right after the count's noun and closed by a comma, dash or bracket (“Deux entraîneurs, A et B, ont…”; " +
		"not after a proper adjective: “the three Baltic presidents, A and B”), " +
		"or a list block. A name may carry an honorific, a bracketed gloss or a complement (“Rachida Dati à la Culture”, " +
		"“Jane Doe as chief financial officer”) or the title news copy puts before it (“U.S. President Donald Trump”, " +
		"« le chancelier allemand Friedrich Merz »; a title with no name after it is no item); a role between commas after " +
		"each name of a list of people is that name's apposition (“Paschal Donohoe, the Minister for Finance, and Jack " +
		"Chambers, the Minister for Public Expenditure”); an official name may join its parts with an unspaced en dash " +
		"(“Sainte-Foy–Sillery–Cap-Rouge”); a title in quotation marks is an item (“three films: “A”, “B” and “C””, " +
		"after its author in the possessive in English); items may be separated by semicolons when each is a name " +
		"followed by a lower-case description and the last comes after *et*/*and*; a relative clause after the last " +
		"item (“…, où …”, “…, where …”, « …, dont les équipes sont arrivées » where *dont* is the relative “whose”) ends the " +
		"list unless more items may follow it (“…, qui comptent le plus de victimes, mais aussi le Liban, …”). A list with a second *et*/*and* " +
		"(“A et B, C et D”, “Trinidad and Tobago, Antigua and Barbuda and …”) cannot be counted and is left alone.\n\n" +
		"It deliberately says nothing about non-exhaustive lists (*notamment*, *dont*, *y compris*, *including*, *such as*, " +
		"*among them*, “etc.”), partial references (“deux de ces pays”, “two of the three countries”, “trois autres pays”, " +
		"“les deux pays” after a longer list), approximate counts (“plus de trois”, “at least four”), counts with no list " +
		"(“les 29 pays membres”), ordinals, years, the articles “un”/“une”/“a”/“one”, lists joined by “ou”/“or”, and " +
		"anything inside quotations. When no enumeration of the same kind can be linked with confidence it is silent.",
	Bad:       "Les dirigeants de trois pays ont signé : la France, l’Allemagne, l’Italie et l’Espagne.",
	Good:      "Les dirigeants de quatre pays ont signé : la France, l’Allemagne, l’Italie et l’Espagne.",
	Level:     rules.LevelError,
	Tags:      []string{"editorial"},
	Languages: []string{"fr", "en"},
	Since:     "0.1.0",
	Requires:  []*rules.Rule{textan.Language, textan.Sentences, textan.Quotations, textan.Tokens},
	Run:       run,
}

// Forward links (announced earlier, listed later) are the least certain:
// they need a list long enough to be the announced group, and a count close
// to the list's length (an edited number, a dropped item), not a different
// group that happens to follow. A shorter list must also hang on the same
// noun as the count ("les dirigeants d’un groupe de treize pays" … "les
// dirigeants de l’Australie, …").
const (
	forwardMin  = 4
	forwardLong = 6
	maxDiff     = 2
	// maxDiffForward bounds the difference for a count announced in an
	// earlier sentence: a later list that differs more is as often a
	// part of the group ("Ministers from twelve countries met…", then
	// "speeches by the ministers of" ten of them) as a mistake.
	maxDiffForward = 1
	maxCount       = 500 // beyond any enumeration; larger numbers are amounts
)

// plural English names of the count-noun classes, for messages.
var classNames = map[string]string{
	"country": "countries", "partner": "partners", "leader": "leaders", "minister": "ministers",
	"ally": "allies", "member": "members", "person": "people", "organisation": "organisations",
	"delegation": "delegations", "representative": "representatives", "participant": "participants",
	"region": "regions", "city": "cities", "operation": "operations",
}

// countNoun is the pack's CountNoun, then its NameNoun: a noun whose
// lists the rule reads only as lists of names.
func (c *checker) countNoun(w string) (string, bool) {
	cl, _, ok := c.p.CountOrNameNoun(w)
	return cl, ok
}

type det uint8

const (
	detNone det = iota
	detDefinite
	detDemonstrative
)

type count struct {
	sent       int
	start, end int // the cardinal
	head       int // end of the head noun
	value      int
	digits     bool
	class      string
	det        det
	partial    bool   // a count, but partial or approximate: never checked
	between    int    // words between the cardinal and the head noun
	next       string // the lower-cased word right after the head noun, if any
	link       *enum  // the list it was checked against
	word       string // the head noun
}

type item struct{ start, name, end int } // start includes a skipped article

type enum struct {
	sent       int // sentence of its first item
	start, end int // decoded range in the text (names only)
	n          int
	clean      bool
	quoted     bool
	linked     bool
	block      bool // a list block: span and pointer below
	span       rules.Span
	pointer    string
}

type sentence struct {
	text   int
	span   lang.Span
	quoted bool // quote block
	// ws are its words (c.words over its span), the record's words from
	// index w0 on.
	ws     []lang.Token
	w0     int
	counts []*count
	items  []item  // countries named, once scanned
	enums  []*enum // lists of countries, once scanned
	// scanned tells whether items and enums hold the sentence's own
	// (scanCountries); a list block may be there before.
	scanned bool
	// maxItems bounds the countries the sentence names (see
	// countMaxItems); -1 until counted.
	maxItems int
}

type checker struct {
	pass    *rules.Pass
	p       *lang.Pack
	texts   []rules.Text
	toks    [][]lang.Token
	wtoks   [][]lang.Token // word and number tokens only
	quotes  [][]lang.Quote
	sents   []*sentence
	first   []int // first sentence index of each text
	clsBuf  []uint8
	itemBuf []item
	nouns   []nounState // of the words of the record, as scanCounts reads them
	// starts caches CountryStarts at each word of the record (see
	// countryStartsAt), which countMaxItems and classes both ask.
	starts []startState
	// countries is set when a count of countries is to be linked: only
	// then are lists of countries read, and only in the sentences the
	// links look at (see lists).
	countries bool
}

// startState caches, per word, CountryStarts at its start: startKnown
// once read, with startName and startArticle as it answered.
type startState uint8

const (
	startKnown startState = 1 << iota
	startName
	startArticle
)

// countryStartsAt is CountryStarts at word k of the record, w, read once.
func (c *checker) countryStartsAt(v string, w lang.Token, k int) (name, article bool) {
	st := c.starts[k]
	if st == 0 {
		st = startKnown
		name, article := c.p.CountryStarts(v, w.Start)
		if name {
			st |= startName
		}
		if article {
			st |= startArticle
		}
		c.starts[k] = st
	}
	return st&startName != 0, st&startArticle != 0
}

// nounState caches, per word, whether countNoun knows it.
type nounState uint8

const (
	nounUnknown nounState = iota
	nounNo
	nounYes
)

// nounWithin reports a count noun among words [a, b] of sentence s.
func (c *checker) nounWithin(v string, s *sentence, a, b int) bool {
	for j := a; j <= b && j < len(s.ws); j++ {
		st := &c.nouns[s.w0+j]
		if *st == nounUnknown {
			*st = nounNo
			if _, ok := c.countNoun(s.ws[j].Text(v)); ok {
				*st = nounYes
			}
		}
		if *st == nounYes {
			return true
		}
	}
	return false
}

func run(pass *rules.Pass) (any, error) {
	p := textan.Pack(pass)
	if p == nil {
		return nil, nil
	}
	// The checker and its buffers are kept for the next record, so that a
	// record allocates little.
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	c := &sc.c
	c.pass, c.p = pass, p
	shared := textan.TokensOf(pass)
	all := textan.SentencesOf(pass)
	c.texts = grow(c.texts, len(all))
	c.toks = grow(c.toks, len(all))
	c.wtoks = grow(c.wtoks, len(all))
	c.first = grow(c.first, len(all))
	nw, ns := 0, 0
	for ti, ts := range all {
		c.texts = append(c.texts, ts.Text)
		var toks []lang.Token
		if ti < len(shared) && shared[ti].Text.Node == ts.Text.Node {
			toks = shared[ti].Tokens
		} else {
			toks = c.p.Tokens(ts.Text.Value())
		}
		c.toks = append(c.toks, toks)
		nw += len(toks) // room for the words among them
		ns += len(ts.Sentences)
	}
	// One backing array for the word tokens of all texts, one for the
	// sentences, one for the countries they name.
	words := grow(sc.words, nw)
	sents := grow(sc.sents, ns)
	c.sents = grow(c.sents, ns)
	c.itemBuf = grow(c.itemBuf, nw)
	defer func() { sc.words, sc.sents = words, sents }()
	for ti, ts := range all {
		from := len(words)
		words = appendWords(words, c.toks[ti])
		ws := words[from:len(words):len(words)]
		c.wtoks = append(c.wtoks, ws)
		c.first = append(c.first, len(c.sents))
		k, prev := 0, 0
		for _, sp := range ts.Sentences {
			if sp.Start < prev {
				k = 0 // out of order: look from the start again
			}
			prev = sp.Start
			a, b := sentenceWords(ws, k, sp)
			k = a
			sents = append(sents, sentence{text: ti, span: sp, quoted: ts.Text.Kind == rules.KindQuote, maxItems: -1,
				ws: ws[a:b], w0: from + a})
			c.sents = append(c.sents, &sents[len(sents)-1])
		}
	}
	c.starts = grow(c.starts, len(words))[:len(words)]
	clear(c.starts)
	c.nouns = grow(c.nouns, len(words))[:len(words)]
	clear(c.nouns)
	c.quotes = grow(c.quotes, len(c.texts))[:len(c.texts)]
	for i, tq := range textan.QuotationsOf(pass) {
		if i < len(c.quotes) {
			c.quotes[i] = tq.Quotes
		}
	}
	for si, s := range c.sents {
		c.scanCounts(si, s)
		for _, cnt := range s.counts {
			c.countries = c.countries || !cnt.partial && (cnt.class == "country" || cnt.class == "ally")
		}
	}
	if c.countries {
		c.scanBlocks()
	}
	c.link()
	return nil, nil
}

// scratch holds a checker and the buffers of a run between records.
type scratch struct {
	c     checker
	words []lang.Token
	sents []sentence
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// release clears what points into the record and returns sc to the pool.
func (sc *scratch) release() {
	c := &sc.c
	clear(sc.sents)
	clear(c.sents)
	clear(c.texts)
	clear(c.toks)
	clear(c.wtoks)
	clear(c.quotes)
	c.pass, c.p, c.countries = nil, nil, false
	scratchPool.Put(sc)
}

// appendWords appends the word and number tokens of toks to words.
func appendWords(words, toks []lang.Token) []lang.Token {
	for i := range toks {
		// By index: the other tokens, about half, are not copied.
		if k := toks[i].Kind; k == lang.Word || k == lang.Number {
			words = append(words, toks[i])
		}
	}
	return words
}

// sentenceWords returns the bounds [a, b) in ws of the words of span sp,
// as words finds them, looking from word k on: no word before k begins at
// or after sp.Start.
func sentenceWords(ws []lang.Token, k int, sp lang.Span) (a, b int) {
	a = k
	for a < len(ws) && ws[a].Start < sp.Start {
		a++
	}
	b = a
	for b < len(ws) && ws[b].End <= sp.End {
		b++
	}
	return a, b
}

// grow returns s emptied, with room for n elements.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, 0, n)
	}
	return s[:0]
}

// lists returns sentence si with the countries it names and its lists of
// countries, reading them on first use.
func (c *checker) lists(si int) *sentence {
	s := c.sents[si]
	if c.countries && !s.scanned {
		s.scanned = true
		c.scanCountries(si, s)
	}
	return s
}

// enumsOf returns the lists of countries of sentence si for a caller that
// wants one of n items or more: a sentence that cannot name n countries is
// not read (the list blocks placed there are all a scan would leave it of
// that size).
func (c *checker) enumsOf(si, n int) []*enum {
	s := c.sents[si]
	if c.countries && !s.scanned && c.countMaxItems(si) < n {
		return s.enums
	}
	return c.lists(si).enums
}

// itemsOf returns the countries sentence si names, reading it only when
// it may name one.
func (c *checker) itemsOf(si int) []item {
	if c.countries && !c.sents[si].scanned && c.countMaxItems(si) == 0 {
		return nil
	}
	return c.lists(si).items
}

// countMaxItems returns sentence si's bound on the countries it names: its
// words of class countryStart (see mayBeCountryStart) at which a name may
// begin (see Pack.CountryStarts). Every name of the pack begins with a
// word of that class (a capital, or a lower-case head: "ex-République",
// "former"), and the items scanCountries finds do not overlap.
func (c *checker) countMaxItems(si int) int {
	s := c.sents[si]
	if s.maxItems < 0 {
		v := c.value(s.text)
		s.maxItems = 0
		for k, w := range s.ws {
			if w.Flags&lang.StartsUpper == 0 && w.Kind == lang.Word && !headFirst[v[w.Start]] {
				continue // most words, read no further (see mayBeCountryStartAt)
			}
			if mayBeCountryStartAt(v, w) {
				if name, _ := c.countryStartsAt(v, w, s.w0+k); name {
					s.maxItems++
				}
			}
		}
	}
	return s.maxItems
}

// mayBeCountryStart is true for every word of class countryStart, and
// reads no more than its first letters: a capital, or the first two of a
// head of countryLowerHead (which countryClass finds lower-casing the word:
// no non-ASCII rune becomes their ASCII letters).
func mayBeCountryStart(w string) bool {
	if w == "" {
		return false
	}
	switch c := w[0]; {
	case 'A' <= c && c <= 'Z':
		return true
	case c >= utf8.RuneSelf:
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return mayBeLowerHead(w)
}

// mayBeCountryStartAt is mayBeCountryStart for word t of v, told by its
// flags when it is a Word: capitalised, or a lower-case head read from its
// first two bytes (a first rune not ASCII, and not upper case, is neither).
func mayBeCountryStartAt(v string, t lang.Token) bool {
	switch {
	case t.Flags&lang.StartsUpper != 0:
		return true
	case t.Kind != lang.Word:
		return mayBeCountryStart(t.Text(v))
	}
	return mayBeLowerHead(t.Text(v))
}

// mayBeLowerHead reports whether w's first two bytes, ASCII, begin a head
// of countryLowerHead (see headStarts).
func mayBeLowerHead(w string) bool {
	if len(w) < 2 || w[0] >= utf8.RuneSelf || w[1] >= utf8.RuneSelf {
		return false
	}
	d := lowerASCII(w[1])
	return headStarts[w[0]][d/64]&(1<<(d%64)) != 0
}

// headFirst marks the first bytes of the heads of headStarts.
var headFirst = func() (first [256]bool) {
	for w := range countryLowerHead {
		first[w[0]] = true
	}
	return first
}()

// headStarts has bit b of headStarts[a] set for the heads of
// countryLowerHead that begin with bytes a, b, which countryClass finds
// lower-casing the word (the first byte is not a capital there).
var headStarts = func() (starts [utf8.RuneSelf][2]uint64) {
	for w := range countryLowerHead {
		starts[w[0]][w[1]/64] |= 1 << (w[1] % 64)
	}
	return starts
}()

// classes returns the class of each word of sentence s (see countryClass) for
// mayStartCountry. A word of class countryStart at which no name begins
// (Pack.CountryStarts) is made a lead word if an article may begin there
// ("Les", "Au"), else of no class: Country finds a name only at such a
// word or after an article of lead words before it, so it would fail at
// that word and at the articles before it ("de l’OTAN").
func (c *checker) classes(v string, s *sentence) []uint8 {
	cls := c.clsBuf[:0]
	for k, w := range s.ws {
		cl := uint8(countryStart) // a capital: what countryClass would find reading it
		if w.Flags&lang.StartsUpper == 0 {
			cl = countryClass(w.Text(v))
		}
		if cl == countryStart {
			switch name, article := c.countryStartsAt(v, w, s.w0+k); {
			case !name && article:
				cl = countryLeadWord
			case !name:
				cl = countryOther
			}
		}
		cls = append(cls, cl)
	}
	c.clsBuf = cls
	return cls
}

// ---- lexical helpers ----

func (c *checker) value(ti int) string { return c.texts[ti].Value() }

// inQuote reports whether offset i of text ti lies inside quotation marks.
func (c *checker) inQuote(ti, i int) bool {
	for _, q := range c.quotes[ti] {
		end := q.Close.End
		if q.Close.Start < 0 {
			end = len(c.value(ti))
		}
		if i >= q.Open.Start && i < end {
			return true
		}
	}
	return false
}

// words returns the word and number tokens of text ti in [a, b).
func (c *checker) words(ti, a, b int) []lang.Token {
	ws := c.wtoks[ti]
	i := sort.Search(len(ws), func(k int) bool { return ws[k].Start >= a })
	j := sort.Search(len(ws), func(k int) bool { return ws[k].End > b })
	if j < i {
		j = i
	}
	return ws[i:j]
}

func lower(w string) string { return lang.LowerFold(w) }

func set(ws ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range ws {
		m[w] = true
	}
	return m
}

var (
	// Demonstratives, and possessives that point back the same way ("nos
	// quatre pays", "their three countries").
	demonstratives = set("ces", "these", "those", "nos", "vos", "leurs", "ses", "our", "your", "their", "its")
	definites      = set("les", "des", "aux", "the", "all") // "des", "aux": contracted "de les", "à les"
	// Words that may stand between a cardinal and its head noun without
	// making the count partial ("thirteen partner countries", "trois grands
	// pays") are anything but these.
	notBetween = set("autres", "other", "others", "more", "additional", "remaining", "further", "extra",
		"de", "des", "du", "d'", "of", "premiers", "premières", "derniers", "dernières", "first", "last",
		"plus", "et", "and", "ou", "or", "à", "to", "sur", "en", "in", "on", "par", "by")
	// A count after one of these is approximate.
	approx = set("environ", "quelque", "jusqu'à", "than", "least", "about", "around", "nearly", "almost",
		"over", "under", "approximately", "roughly", "some", "près", "moins", "plus", "presque", "quasiment",
		"upwards", "barely")
	approxBeforeDe = set("plus", "moins", "près", "autour", "quelque")
	partitive      = set("de", "des", "d'", "of", "d'entre")
	amongst        = set("parmi", "among", "amongst", "sur")
	coordinators   = set("et", "and")
	disjunctions   = set("ou", "or", "nor", "ni")
	continuations  = set("et", "and", "ou", "or", "ainsi", "as", "along", "plus", "together", "voire", "sauf",
		"except", "excepté", "hormis", "etc", "mais", "but", "puis", "then", "with", "avec")
	articles = set("le", "la", "les", "l'", "the")
	// complement starts what may follow a name in a list item: a post, a
	// club, a place.
	complement = set("à", "au", "aux", "pour", "chez", "at", "for", "as", "from", "of")
	particles  = set("de", "du", "des", "d'", "van", "von", "der", "den", "da", "di", "del", "al", "el", "bin",
		"ben", "le", "la", "ibn", "dos", "y")
)

func (c *checker) maxBetween() int {
	if c.p.Tag == "en" {
		return 2 // "thirteen partner countries", "four Western Balkan countries"
	}
	return 1 // "trois grands pays"; French adjectives mostly follow the noun
}

// ---- counts ----

func (c *checker) scanCounts(si int, s *sentence) {
	ti := s.text
	v := c.value(ti)
	ws := s.ws
	// A count is a cardinal with a count noun at most reach words after
	// it (a long spelled-out number plus the words allowed between). Few
	// words are cardinals, and Cardinal rejects the others cheaply: try
	// it first, and look for the noun only after one, once per word.
	const reach = 8
	for k := nextCardinal(c.p, v, ws, 0); k < len(ws); k = nextCardinal(c.p, v, ws, k+1) {
		t := ws[k]
		val, e, ok := c.p.Cardinal(v, t.Start)
		if !ok || e > s.span.End || !c.nounWithin(v, s, k+1, k+reach) {
			continue
		}
		last := k
		for last+1 < len(ws) && ws[last+1].End <= e {
			last++
		}
		// The head noun: the first count noun among the next few words,
		// separated by single spaces only.
		head, class, word, between, bad := -1, "", "", 0, false
		prevEnd := e
		for j := last + 1; j < len(ws) && head < 0 && !bad; j++ {
			gap := v[prevEnd:ws[j].Start]
			if strings.TrimFunc(gap, unicode.IsSpace) != "" || gap == "" {
				bad = true
				break
			}
			if cl, ok := c.countNoun(ws[j].Text(v)); ok {
				head, class, word = ws[j].End, cl, ws[j].Text(v)
				break
			}
			if notBetween[lower(ws[j].Text(v))] || ws[j].Kind == lang.Number || between >= c.maxBetween() {
				bad = true
				break
			}
			if _, _, isNum := c.p.Cardinal(v, ws[j].Start); isNum {
				bad = true
				break
			}
			between++
			prevEnd = ws[j].End
		}
		k = last
		if head < 0 {
			continue
		}
		cnt := &count{sent: si, start: t.Start, end: e, head: head, value: val, class: class, between: between, word: word}
		if rest := v[head:]; rest != "" {
			if r, _ := utf8.DecodeRuneInString(rest); unicode.IsSpace(r) {
				// The first field of rest, without splitting all of it.
				f := strings.TrimLeftFunc(rest, unicode.IsSpace)
				if end := strings.IndexFunc(f, unicode.IsSpace); end >= 0 {
					f = f[:end]
				}
				if f != "" {
					cnt.next = lower(strings.TrimRightFunc(f, func(r rune) bool { return !unicode.IsLetter(r) }))
					if i := strings.IndexByte(cnt.next, '\''); i > 0 {
						cnt.next = cnt.next[:i+1] // "s’engagent" → "s'"
					}
				}
			}
		}
		r, _ := utf8.DecodeRuneInString(t.Text(v))
		cnt.digits = r >= '0' && r <= '9'
		cnt.partial = val < 2 || val > maxCount || s.quoted || c.inQuote(ti, t.Start) ||
			strings.HasPrefix(lower(v[t.Start:e]), "a ") // "a dozen" is approximate
		// Look at the words before the count.
		var buf [4]string
		prev := c.before(v, ws, t.Start, buf[:0])
		if len(prev) > 1 && partitive[prev[0]] && c.isCardinalWord(prev[1]) {
			cnt.partial = true // "trois des quatre pays"
		}
		if len(prev) > 0 {
			switch {
			case demonstratives[prev[0]]:
				cnt.det = detDemonstrative
			case definites[prev[0]]:
				cnt.det = detDefinite
			}
		}
		rest := prev
		if cnt.det != detNone {
			rest = prev[1:]
		}
		if len(prev) > 0 && approx[prev[0]] {
			cnt.partial = true
		}
		if len(rest) > 0 {
			w := rest[0]
			switch {
			case amongst[w]:
				cnt.partial = true // "parmi les quatre pays", "among the four"
			case w == "de" && len(rest) > 1 && approxBeforeDe[rest[1]]:
				cnt.partial = true // "plus de trois pays"
			case partitive[w] && len(rest) > 1 && c.isCardinalWord(rest[1]):
				cnt.partial = true // "trois des quatre pays", "two of the three"
			case w == "to" && len(rest) > 1 && rest[1] == "up", w == "à" && len(rest) > 1 && strings.HasPrefix(rest[1], "jusqu"):
				cnt.partial = true // "up to four countries", "jusqu’à quatre pays"
			case w == "of" && (len(rest) == 1 || rest[1] == "out"):
				cnt.partial = true // "Of the four countries, …", "out of four"
			}
		}
		s.counts = append(s.counts, cnt)
	}
}

// nextCardinal returns the index of the first word of ws, the words of
// text v, from k on at which a cardinal may begin, or len(ws): the few
// words Cardinal is tried at (see Pack.CardinalMayStart).
func nextCardinal(p *lang.Pack, v string, ws []lang.Token, k int) int {
	for k < len(ws) && !p.CardinalMayStart(v, ws[k].Start) {
		k++
	}
	return k
}

// before appends to out up to four lower-cased words before offset i in
// the sentence, nearest first.
func (c *checker) before(v string, ws []lang.Token, i int, out []string) []string {
	for j := len(ws) - 1; j >= 0 && len(out) < 4; j-- {
		if ws[j].End <= i {
			out = append(out, lower(ws[j].Text(v)))
		}
	}
	return out
}

func lowerASCII(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

func (c *checker) isCardinalWord(w string) bool {
	_, e, ok := c.p.Cardinal(w, 0)
	return ok && e == len(w)
}

// ---- enumerations of countries ----

func isSuperscript(r rune) bool {
	return r == '¹' || r == '²' || r == '³' || (r >= '⁰' && r <= '⁹')
}

func isGapSpace(r rune) bool { return unicode.IsSpace(r) || isSuperscript(r) }

// gap reads the text between two list items: white space, footnote
// markers, one comma or semicolon and at most one coordinator.
func gap(g string) (ok, coord bool) {
	switch g { // the usual gaps, without reading them
	case ", ":
		return true, false
	case " et ", " and ":
		return true, true
	}
	return readGap(g)
}

// readGap is gap reading g.
func readGap(g string) (ok, coord bool) {
	punct := 0
	// The fields of g between white space and footnote markers, read in
	// place (strings.FieldsFunc would allocate them).
	for g = strings.TrimLeftFunc(g, isGapSpace); g != ""; g = strings.TrimLeftFunc(g, isGapSpace) {
		f := g
		if end := strings.IndexFunc(g, isGapSpace); end >= 0 {
			f, g = g[:end], g[end:]
		} else {
			g = ""
		}
		for f != "" {
			switch {
			case f[0] == ',' || f[0] == ';':
				if coord || punct > 0 {
					return false, false
				}
				punct++
				f = f[1:]
			case coordinators[lower(f)] && !coord:
				coord = true
				f = ""
			default:
				return false, false
			}
		}
	}
	return punct > 0 || coord, coord
}

func (c *checker) scanCountries(si int, s *sentence) {
	ti := s.text
	v := c.value(ti)
	pos := s.span.Start
	ws := s.ws
	// Each word's class once, not once per word looking ahead at it.
	cls := c.classes(v, s)
	from := len(c.itemBuf)
	for k, t := range ws {
		if t.Start < pos || !mayStartCountry(cls, k) {
			continue
		}
		_, name, end, ok := c.p.Country(v, t.Start)
		if !ok || end > s.span.End {
			continue
		}
		c.itemBuf = append(c.itemBuf, item{start: t.Start, name: name.Start, end: end})
		pos = end
	}
	s.items = c.itemBuf[from:len(c.itemBuf):len(c.itemBuf)]
	for k := 0; k < len(s.items); {
		j, closed := k, false
		for j+1 < len(s.items) {
			ok, coord := gap(v[s.items[j].end:s.items[j+1].start])
			if !ok {
				break
			}
			closed = coord
			j++
		}
		if j > k {
			its := s.items[k : j+1]
			if !closed && c.bracketed(v, its[0].start, its[len(its)-1].end) {
				closed = true // "trois pays (France, Allemagne, Italie)"
			}
			e := &enum{sent: si, start: its[0].name, end: its[len(its)-1].end, n: len(its),
				quoted: s.quoted || c.inQuote(ti, its[0].start)}
			e.clean = closed && c.cleanAround(si, its[0].start, e.end)
			s.enums = append(s.enums, e)
		}
		k = j + 1
	}
}

// bracketed reports a list [a, b) that is all that stands between brackets.
func (c *checker) bracketed(v string, a, b int) bool {
	before := strings.TrimRightFunc(v[:a], unicode.IsSpace)
	after := strings.TrimLeftFunc(v[b:], func(r rune) bool { return unicode.IsSpace(r) || isSuperscript(r) })
	return strings.HasSuffix(before, "(") && strings.HasPrefix(after, ")")
}

// cleanAround checks what surrounds a closed list [a, b): nothing before it
// that could be an earlier item of another kind (a comma) or a marker of a
// partial list, nothing after it that continues it.
func (c *checker) cleanAround(si, a, b int) bool {
	s := c.sents[si]
	v := c.value(s.text)
	for _, t := range c.words(s.text, s.span.Start, a) {
		if _, ok := c.p.NonExhaustive(v, t.Start); ok {
			return false
		}
	}
	after := strings.TrimLeftFunc(v[b:s.span.End], func(r rune) bool { return unicode.IsSpace(r) || isSuperscript(r) })
	after = strings.TrimPrefix(after, ",")
	after = strings.TrimLeftFunc(after, unicode.IsSpace)
	if strings.HasPrefix(after, "…") || strings.HasPrefix(after, "...") || strings.HasPrefix(after, "(") {
		return false
	}
	if _, ok := c.p.NonExhaustive(after, 0); ok && !c.relativeDont(s.text, s.span.End-len(after), s.span.End) {
		return false
	}
	end := strings.IndexFunc(after, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	if end < 0 {
		end = len(after)
	}
	if w := lower(after[:end]); continuations[w] || disjunctions[w] {
		return false
	}
	// "la Turquie et la Syrie, qui comptent le plus de victimes, mais
	// aussi le Liban, l’Irak et Israël": the clause after the list may be
	// followed by more items.
	if w := lower(after[:end]); relatives[w] && c.addsItems(s.text, s.span.End-len(after)+end, s.span.End) {
		return false
	}
	return true
}

// countryLead lists the lower-case words a country mention can start with:
// articles and prepositions the pack skips, and the lower-case heads of a
// few names ("ex-République yougoslave de Macédoine").
var (
	countryLead      = set("l'", "la", "le", "les", "de", "d'", "du", "des", "au", "aux", "en", "à", "the")
	countryLowerHead = set("ex", "ex-république", "ancienne", "former")
)

// mayStartCountry is a cheap filter before Pack.Country, which is costly
// to try on every word: names are capitalised, possibly after one or two
// lead words ("de la Finlande", "the Netherlands").
func mayStartCountry(cls []uint8, k int) bool {
	for j := k; j < len(cls) && j <= k+2; j++ {
		switch cls[j] {
		case countryStart:
			return true
		case countryOther:
			return false
		}
	}
	return false
}

// Word classes for mayStartCountry.
const (
	countryOther    = iota // ends the look-ahead
	countryStart           // capitalised, or a lower-case head ("ex", "former")
	countryLeadWord        // an article or preposition before a name
)

func countryClass(w string) uint8 {
	if w == "" {
		return countryOther
	}
	if c := w[0]; c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			return countryStart
		}
	} else if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
		return countryStart
	}
	if !leadFirst[w[0]] {
		return countryOther // most words: no lookup
	}
	switch w {
	case "de", "la", "le", "les", "l'", "l’", "d'", "d’", "du", "des", "au", "aux", "en", "à", "the":
		return countryLeadWord // the frequent ones, without a lookup
	}
	if len(w) >= 2 && w[0] < utf8.RuneSelf && w[1] < utf8.RuneSelf && !leadPair[w[0]][lowerASCII(w[1])] {
		return countryOther
	}
	if n := len(w); n < 64 && leadLens&(1<<n) == 0 && isASCII(w) {
		return countryOther // lower-casing keeps the length of an ASCII word
	}
	cl, _ := lang.LookupFold(countryWordClass, w)
	return cl // countryOther when absent
}

// leadFirst marks the first bytes of the words in countryWordClass, and
// leadPair their first two bytes when both are ASCII; a word that is not
// capitalised keeps its first byte when folded, and an ASCII second byte
// only changes case.
var leadFirst, leadPair = func() (first [256]bool, pair [128][128]bool) {
	for w := range countryWordClass {
		first[w[0]] = true
		if len(w) >= 2 && w[0] < utf8.RuneSelf && w[1] < utf8.RuneSelf {
			pair[w[0]][w[1]] = true
		}
	}
	return first, pair
}()

// leadLens has bit n set for the ASCII words of countryWordClass of n
// bytes.
var leadLens = func() (lens uint64) {
	for w := range countryWordClass {
		if isASCII(w) && len(w) < 64 {
			lens |= 1 << len(w)
		}
	}
	return lens
}()

func isASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// countryWordClass merges countryLowerHead and countryLead for one lookup
// per word; a head is a head even if it were also a lead.
var countryWordClass = func() map[string]uint8 {
	m := map[string]uint8{}
	for w := range countryLead {
		m[w] = countryLeadWord
	}
	for w := range countryLowerHead {
		m[w] = countryStart
	}
	return m
}()

// commaBefore reports whether a list starting at a is preceded by a comma:
// an earlier item may be something other than a country.
func (c *checker) commaBefore(si, a int) bool {
	s := c.sents[si]
	g := strings.TrimRightFunc(c.value(s.text)[s.span.Start:a], unicode.IsSpace)
	return strings.HasSuffix(g, ",")
}

// scanBlocks turns list blocks whose items all begin with a country into
// enumerations placed at their first item.
func (c *checker) scanBlocks() {
	for ti := 0; ti < len(c.texts); {
		t := c.texts[ti]
		if t.Kind != rules.KindListItem || t.Item != 0 {
			ti++
			continue
		}
		end := ti + 1
		for end < len(c.texts) && c.texts[end].Kind == rules.KindListItem && c.texts[end].Block == t.Block {
			end++
		}
		countries := 0
		for k := ti; k < end; k++ {
			if c.startsWithCountry(k) {
				countries++
			}
		}
		if countries > 0 && c.first[ti] < len(c.sents) && (ti+1 == len(c.first) || c.first[ti] < c.first[ti+1]) {
			si := c.first[ti]
			e := &enum{sent: si, n: end - ti, clean: countries == end-ti && end-ti >= 2, block: true,
				span:    c.blockSpan(ti, end),
				pointer: strings.TrimSuffix(t.Pointer(), "/0")}
			c.sents[si].enums = append([]*enum{e}, c.sents[si].enums...)
		}
		ti = end
	}
}

// blockSpan covers the text of list items [a, b), without the quotes.
func (c *checker) blockSpan(a, b int) rules.Span {
	first, last := c.texts[a], c.texts[b-1]
	return rules.Span{Start: first.Span(0, 0).Start, End: last.Span(0, len(last.Value())).End}
}

func (c *checker) startsWithCountry(ti int) bool {
	v := c.value(ti)
	i := len(v) - len(strings.TrimLeftFunc(v, unicode.IsSpace))
	_, _, _, ok := c.p.Country(v, i)
	return ok
}

// ---- linking ----

type pos struct{ sent, off int }

func less(a, b pos) bool { return a.sent < b.sent || (a.sent == b.sent && a.off < b.off) }

func (c *checker) link() {
	var forward []*count
	for _, s := range c.sents {
		for _, cnt := range s.counts {
			if cnt.partial {
				continue
			}
			if done := c.linkSameSentence(cnt); done {
				continue
			}
			if cnt.class != "country" && cnt.class != "ally" {
				continue
			}
			if done := c.linkBack(cnt); done {
				continue
			}
			if cnt.det != detDemonstrative && cnt.class == "country" {
				forward = append(forward, cnt)
			}
		}
	}
	// Forward links last, so lists already summed up by an anaphora are
	// known to belong to another count.
	for _, cnt := range forward {
		c.linkForward(cnt)
	}
}

// linkSameSentence handles a list introduced by a colon, dash or bracket
// after the count, an apposition, or a list block after the paragraph. It
// returns true when the count is settled (reported, matching, or not to be
// linked elsewhere).
func (c *checker) linkSameSentence(cnt *count) bool {
	s := c.sents[cnt.sent]
	v := c.value(s.text)
	countryLike := cnt.class == "country" || cnt.class == "ally"
	if countryLike {
		for _, e := range c.enumsOf(cnt.sent, 2) {
			if e.block || e.start < cnt.head {
				continue
			}
			g := v[cnt.head:c.itemStart(s, e)]
			introduced, appos := c.introduced(cnt, g)
			if !introduced {
				return false // the nearest list is not this count's
			}
			if appos && (abs(cnt.value-e.n) > maxDiff || !c.closesApposition(cnt.sent, e.end)) {
				return true // "les 27 États membres, la Norvège et la Suisse": a coordination
			}
			if e.clean && !e.quoted && (appos || !c.commaBefore(cnt.sent, c.itemStart(s, e))) {
				c.check(cnt, e)
			}
			return true
		}
	}
	if c.listApposition(cnt) || c.listAfterColon(cnt) {
		return true
	}
	return c.linkBlock(cnt)
}

// itemStart is where the first item of a sentence enumeration begins,
// articles included.
func (c *checker) itemStart(s *sentence, e *enum) int {
	for _, it := range s.items {
		if it.name == e.start {
			return it.start
		}
	}
	return e.start
}

// introduced reads the text g between a count's head noun and the list
// that follows: the list is the count's when g ends with a colon, dash or
// opening bracket, or is a comma right after the count phrase.
func (c *checker) introduced(cnt *count, g string) (ok, appos bool) {
	t := strings.TrimRightFunc(g, unicode.IsSpace)
	if t == "" {
		return false, false
	}
	if c.hasCount(cnt.sent, cnt.head, cnt.head+len(g)) {
		return false, false
	}
	// "trois pays, à savoir la France…", "three countries, namely France…"
	for _, m := range namely {
		if lt := lower(t); strings.HasSuffix(lt, m) && (len(lt) == len(m) || !isWordByte(lt[len(lt)-len(m)-1])) {
			t = strings.TrimRightFunc(t[:len(t)-len(m)], func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ':' })
			return c.fewWords(t), false
		}
	}
	last, n := utf8.DecodeLastRuneInString(t)
	switch last {
	case ':', '–', '—', '(':
		return true, false
	case '-':
		// A hyphen with spaces around stands for a dash ("Six pays - l’Argentine, …").
		if r, _ := utf8.DecodeLastRuneInString(t[:len(t)-n]); unicode.IsSpace(r) && len(t) < len(g) {
			return true, false
		}
		return false, false
	case ',':
		// Apposition of a bare count ("deux pays, la Hongrie et la
		// Turquie, …"). A qualified one may be coordinated with the list
		// instead: "les trois pays baltes, la Pologne et la Finlande, …".
		return cnt.between == 0 && strings.TrimSpace(t[:len(t)-1]) == "", true
	}
	return false, false
}

// closesApposition reports whether a list ending at b in sentence si is
// closed like an apposition: by a comma, bracket or dash ("trois pays, A,
// B et C, ont…").
func (c *checker) closesApposition(si, b int) bool {
	s := c.sents[si]
	after := strings.TrimLeftFunc(c.value(s.text)[b:s.span.End], func(r rune) bool { return unicode.IsSpace(r) || isSuperscript(r) })
	// At the end of the sentence it may as well be a coordination: "signé
	// par les trois pays baltes, la Pologne et la Finlande."
	r, _ := utf8.DecodeRuneInString(after)
	return after != "" && strings.ContainsRune(",)–—", r)
}

// coordinatedAfter reports a coordinator in the two words after a count
// phrase: "A et B, les trois pays baltes et l’Allemagne" is a longer list,
// not an apposition.
func (c *checker) coordinatedAfter(cnt *count) bool {
	s := c.sents[cnt.sent]
	ws := c.words(s.text, cnt.head, s.span.End)
	for k := 0; k < len(ws) && k < 2; k++ {
		if w := lower(ws[k].Text(c.value(s.text))); coordinators[w] || disjunctions[w] {
			return true
		}
	}
	return false
}

// namely lists the words that introduce an exhaustive list.
var namely = []string{"à savoir", "c'est-à-dire", "soit", "namely", "that is", "i.e.", "viz."}

func isWordByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80 }

// fewWords accepts what may remain of a count phrase after its head noun
// before a list: nothing, or one adjective in French ("pays partenaires").
func (c *checker) fewWords(t string) bool {
	mid := strings.Fields(t)
	allowed := 0
	if c.p.Tag == "fr" {
		allowed = 1
	}
	if len(mid) > allowed {
		return false
	}
	for _, w := range mid {
		if !isWord(w) {
			return false
		}
	}
	return true
}

func isWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' && r != '‑' {
			return false
		}
	}
	return true
}

// hasCount reports a count phrase starting in [a, b) of sentence si.
func (c *checker) hasCount(si, a, b int) bool {
	for _, o := range c.sents[si].counts {
		if o.start >= a && o.start < b {
			return true
		}
	}
	return false
}

// linkBack links an anaphoric count ("ces quatre pays", "the four
// countries", or "A, B et C, trois pays") to the nearest enumeration of
// countries before it, within the sentence and the two before.
func (c *checker) linkBack(cnt *count) bool {
	at := pos{cnt.sent, cnt.start}
	for si := cnt.sent; si >= 0 && si >= cnt.sent-2; si-- {
		s := c.sents[si]
		enums := c.enumsOf(si, 2)
		for k := len(enums) - 1; k >= 0; k-- {
			e := enums[k]
			if e.block || !less(pos{si, e.end}, at) {
				continue
			}
			appos := si == cnt.sent && c.apposition(c.value(s.text)[e.end:cnt.start])
			if cnt.det == detNone && !appos {
				return false
			}
			if !e.clean || e.quoted || c.commaBefore(si, c.itemStart(s, e)) || (!appos && c.others(si, e, at)) {
				return true
			}
			if appos && (abs(cnt.value-e.n) > maxDiff || c.coordinatedAfter(cnt)) {
				return true // "la Norvège et la Suisse, les 27 États membres": another group
			}
			if c.between(pos{si, e.end}, at, cnt, e) {
				return true
			}
			if !appos && abs(cnt.value-e.n) > maxDiff {
				return true // a wider group than the list: "les 29 pays membres"
			}
			if cnt.det == detDefinite && !appos && (cnt.value == 2 || cnt.value < e.n || !c.plainDefinite(cnt, e)) {
				return true // "les deux pays", "les quatre pays fondateurs" may be another group
			}
			if !appos && c.matchElsewhere(cnt, cnt.sent-backReach, cnt.sent) {
				return true // it may sum up that earlier list
			}
			c.check(cnt, e)
			e.linked = true
			return true
		}
	}
	return false
}

var (
	// After "les N pays" in French, only these words leave the phrase
	// unrestricted; anything else may name another group ("les quatre pays
	// fondateurs", "les trois pays de la zone").
	frPlainNext = set("et", "se", "s'", "ne", "n'", "y", "en", "leur", "lui", "l'", "nous", "vous",
		"concernés", "cités", "mentionnés", "précités", "ont-ils", "ont-elles")
	// After "the N countries" in English these restrict the group.
	enRestrictNext = set("of", "that", "which", "who", "whose", "from", "in", "at", "with", "where", "outside",
		"beyond", "bordering", "on", "plus", "still", "left", "remaining")
)

// clauseWords start a new clause after a comma.
var clauseWords = set("et", "mais", "tandis", "alors", "puis", "and", "but", "while", "whereas", "so")

// plainDefinite accepts "les quatre pays" / "the four countries" as an
// anaphora of a list in an earlier sentence or clause: no word between the
// number and the noun, and nothing after it that makes it another group.
func (c *checker) plainDefinite(cnt *count, e *enum) bool {
	if cnt.between > 0 {
		return false
	}
	if e.sent == cnt.sent {
		// In the same sentence only across a clause boundary ("A et B ont
		// signé, et les deux pays…"), not as an object ("A et B ont
		// rejoint les quatre pays fondateurs").
		s := c.sents[cnt.sent]
		g := c.value(s.text)[e.end:cnt.start]
		k := strings.LastIndexAny(g, ",;–—")
		if k < 0 {
			return false
		}
		rest := strings.Fields(g[k:])
		if g[k] == ',' && (len(rest) < 2 || !clauseWords[lower(strings.TrimPrefix(rest[0], ","))] && !clauseWords[lower(rest[1])]) {
			return false
		}
	}
	if cnt.next == "" {
		return true
	}
	if c.p.Tag == "fr" {
		// A verb in the third person plural ("font", "partagent",
		// "devraient") or a listed clitic; adjectives end in -s or -x.
		return frPlainNext[cnt.next] || strings.HasSuffix(cnt.next, "ent") || strings.HasSuffix(cnt.next, "ont")
	}
	return !enRestrictNext[cnt.next]
}

// backReach is how many sentences back an anaphora may find a list that
// matches it, which then vouches for the count.
const backReach = 5

// matchElsewhere reports a clean list of countries in sentences [from, to]
// whose length is the count: the count may be about that list rather than
// the nearest one.
func (c *checker) matchElsewhere(cnt *count, from, to int) bool {
	for si := max(0, from); si <= to && si < len(c.sents); si++ {
		for _, e := range c.enumsOf(si, cnt.value) {
			if e.clean && !e.quoted && e.n == cnt.value {
				return true
			}
		}
	}
	return false
}

// apposition reads the text between a list and a count that sums it up in
// the same sentence: a comma, colon or dash, then at most a determiner
// ("A, B et C, trois pays", "A, B and C – the three countries").
func (c *checker) apposition(g string) bool {
	g = strings.TrimLeftFunc(g, func(r rune) bool { return unicode.IsSpace(r) || isSuperscript(r) })
	r, n := utf8.DecodeRuneInString(g)
	if r != ',' && r != ':' && r != '–' && r != '—' {
		return false
	}
	rest := strings.Fields(g[n:])
	return len(rest) == 0 || (len(rest) == 1 && (demonstratives[lower(rest[0])] || definites[lower(rest[0])] ||
		rest[0] == "tous" || rest[0] == "all"))
}

// others reports a country named in the list's sentence outside the list:
// a count that sums up the list may include it ("La France accueille
// l’Allemagne, l’Italie et l’Espagne. Les quatre pays…").
func (c *checker) others(si int, e *enum, before pos) bool {
	for _, it := range c.lists(si).items {
		if !less(pos{si, it.start}, before) {
			break
		}
		if it.end <= e.start || it.name >= e.end {
			return true
		}
	}
	return false
}

// between reports another country or another count of countries between a
// list's end and an anaphoric count: the anaphora may then cover them. A
// count that restates list e ("A, B et C, trois pays… Ces trois pays")
// does not count.
func (c *checker) between(from, to pos, cnt *count, e *enum) bool {
	for si := from.sent; si <= to.sent; si++ {
		s := c.sents[si]
		for _, it := range c.itemsOf(si) {
			p := pos{si, it.start}
			if less(from, p) && less(p, to) {
				return true
			}
		}
		for _, o := range s.counts {
			p := pos{si, o.start}
			if o != cnt && (o.class == "country" || o.class == "ally") && less(from, p) && less(p, to) &&
				(o.link != e || o.value != e.n) {
				return true
			}
		}
	}
	return false
}

// linkForward links a count with no demonstrative ("un groupe de treize
// pays", "the leaders of the thirteen partner countries") to the nearest
// following enumeration of countries.
func (c *checker) linkForward(cnt *count) {
	cs := c.sents[cnt.sent]
	if strings.ContainsAny(c.value(cs.text)[cnt.head:cs.span.End], ":–—(") {
		return // its own sentence goes on to say which ones
	}
	for si := cnt.sent; si < len(c.sents); si++ {
		s := c.sents[si]
		if si > cnt.sent {
			for _, o := range s.counts {
				if o.class == "country" || o.class == "ally" {
					return // another count of countries comes first
				}
			}
		}
		for _, e := range c.enumsOf(si, 2) {
			if si == cnt.sent && (e.block || e.start < cnt.start) {
				continue
			}
			// The nearest list decides: linked with confidence or not at all.
			if si == cnt.sent || !e.clean || e.quoted || e.linked || len(s.counts) > 0 {
				return
			}
			if !e.block && (c.commaBefore(si, c.itemStart(s, e)) || c.others(si, e, pos{si + 1, 0})) {
				return
			}
			if e.n < forwardMin || cnt.value < forwardMin || abs(cnt.value-e.n) > maxDiffForward ||
				c.matchElsewhere(cnt, cnt.sent-backReach, len(c.sents)-1) {
				return
			}
			if min(e.n, cnt.value) < forwardLong && !e.block {
				g := c.governor(cnt.sent, cnt.start)
				if g == "" || g != c.governor(si, c.itemStart(s, e)) {
					return
				}
			}
			// A list split across two sentences ("Ceux du Maroc et du
			// Qatar ont suivi."): the countries of the next one bring the
			// total closer to the count.
			if k := c.nextItems(si); !e.block && k > 0 && abs(e.n+k-cnt.value) < abs(e.n-cnt.value) {
				return
			}
			c.check(cnt, e)
			return
		}
	}
}

// nextItems counts the countries named in the sentence after si.
func (c *checker) nextItems(si int) int {
	if si+1 >= len(c.sents) {
		return 0
	}
	return len(c.itemsOf(si + 1))
}

// governorSkip lists the words between a noun and the count or list it
// governs.
var governorSkip = set("de", "d'", "du", "des", "of", "un", "une", "a", "an", "the", "les", "groupe", "group",
	"total", "ensemble", "set")

// governor returns the word a count or list at offset i of sentence si
// depends on ("dirigeants" in "les dirigeants d’un groupe de treize pays",
// "leaders" in "the leaders of Australia"), lower-cased, or "".
func (c *checker) governor(si, i int) string {
	s := c.sents[si]
	ws := c.words(s.text, s.span.Start, i)
	for k := len(ws) - 1; k >= 0; k-- {
		if w := lower(ws[k].Text(c.value(s.text))); !governorSkip[w] {
			return w
		}
	}
	return ""
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// ---- lists of names (people and other classes) ----

// listAfterColon links a count to a colon- or dash-introduced list of
// capitalised names (or countries, for classes that can be countries) that
// ends its sentence.
func (c *checker) listAfterColon(cnt *count) bool {
	if cnt.class == "country" || cnt.class == "ally" {
		return false // lists of countries are read item by item in scanCountries
	}
	s := c.sents[cnt.sent]
	v := c.value(s.text)
	k := introAt(v, cnt.head, s.span.End)
	if k < 0 {
		return false
	}
	r, n := utf8.DecodeRuneInString(v[k:])
	a := k + n
	if c.hasCount(cnt.sent, cnt.head, a) || c.nonExhaustive(s.text, cnt.head, a) {
		return false
	}
	b := s.span.End
	body := v[a:b]
	if r != ':' {
		if m := introAt(body, 0, len(body)); m >= 0 && body[m] != ':' {
			body = body[:m] // a dash pair closes the list
		}
	}
	trimmed := strings.TrimRightFunc(body, func(r rune) bool { return unicode.IsSpace(r) || r == '.' })
	if trimmed == "" || strings.HasSuffix(trimmed, "…") || strings.HasSuffix(lower(trimmed), "etc") {
		return false
	}
	b = a + len(trimmed)
	b = c.relativeEnd(s.text, a, b)
	items, semi, ok := c.splitSemicolons(s.text, a, b)
	if !ok {
		semi = false
		items, ok = c.splitList(s.text, a, b)
	}
	if !ok {
		items, ok = c.roleList(cnt, s.text, a, b)
	}
	if !ok || semi && abs(cnt.value-len(items)) > maxDiff {
		return false
	}
	if c.nonExhaustive(s.text, a, b) {
		return true
	}
	return c.checkNames(cnt, items)
}

// relatives start a relative clause after the last item of a list: "…
// l’Occitanie et les Hauts-de-France, où moins d’un train sur trois
// circulera", "… A and B, which …".
var relatives = set("où", "qui", "lesquels", "lesquelles", "where", "which", "who", "whose", "whom")

// French "dont" is either non-exhaustive ("13 pays, dont la France":
// "including") or the relative pronoun ("whose", "of which"). After a list
// closed by "et", "dont" + a definite article + a common noun + a verb is
// the relative ("…, le Qatar et les Émirats arabes unis, dont les équipes
// sont arrivées dimanche", "…, dont le président a parlé"): it cannot add
// items. A name ("dont la France"), a number or a share ("dont deux",
// "dont les trois premiers", "dont la plupart") keeps the other reading.
var (
	// dontShare are words after "dont" + article that pick members of a
	// group rather than a noun of the relative clause.
	dontShare = set("plupart", "moitié", "majorité", "minorité", "totalité", "ensemble", "reste", "un", "une",
		"uns", "unes", "autre", "autres", "premier", "première", "premiers", "premières", "dernier", "dernière",
		"derniers", "dernières", "second", "seconde", "seconds", "secondes", "tiers", "quart", "quarts", "plus",
		"moins", "principal", "principale", "principaux", "principales", "meilleur", "meilleure", "meilleurs",
		"meilleures", "mieux")
	// dontVerbs are frequent finite verbs and the clitics before one that
	// show the clause after "dont" + noun phrase has its own verb.
	dontVerbs = set("est", "sont", "a", "ont", "avait", "avaient", "était", "étaient", "sera", "seront", "aura",
		"auront", "serait", "seraient", "aurait", "auraient", "fut", "furent", "eut", "eurent", "doit", "doivent",
		"devait", "devaient", "peut", "peuvent", "pouvait", "pouvaient", "va", "vont", "allait", "allaient",
		"fait", "font", "se", "s'", "ne", "n'", "y")
	// nounBefore are determiners and prepositions: a word after one is not
	// a verb ("les équipes du gouvernement").
	nounBefore = set("de", "du", "des", "d'", "le", "la", "les", "l'", "au", "aux", "un", "une", "à", "en", "par",
		"pour", "sur", "son", "sa", "ses", "leur", "leurs", "ce", "cet", "cette", "ces", "dans", "avec", "sans")
)

// dontReach is how many words after its noun a relative "dont" may find its
// verb.
const dontReach = 8

// relativeDont reports a relative "dont" at byte i of text ti, in a clause
// that ends by b: "dont" + definite article + common noun, then a verb
// before any punctuation. The caller checks that a list closed by a
// coordinator comes right before.
func (c *checker) relativeDont(ti, i, b int) bool {
	if c.p.Tag != "fr" {
		return false
	}
	v := c.value(ti)
	ws := c.words(ti, i, b)
	if len(ws) < 4 || ws[0].Start != i || lower(ws[0].Text(v)) != "dont" || !articles[lower(ws[1].Text(v))] {
		return false
	}
	noun := ws[2].Text(v)
	r, _ := utf8.DecodeRuneInString(noun)
	if ws[2].Kind != lang.Word || !unicode.IsLower(r) || dontShare[lower(noun)] ||
		strings.HasSuffix(noun, "ième") || strings.HasSuffix(noun, "ièmes") {
		return false
	}
	if _, _, ok := c.p.Cardinal(v, ws[2].Start); ok {
		return false
	}
	plural := strings.HasSuffix(noun, "s") || strings.HasSuffix(noun, "x")
	for k := 1; k < len(ws) && k <= 2+dontReach; k++ {
		if strings.TrimLeftFunc(v[ws[k-1].End:ws[k].Start], func(r rune) bool {
			return unicode.IsSpace(r) || r == '-' || r == '\'' || r == '’'
		}) != "" {
			return false // punctuation: the clause has no verb of its own
		}
		if k < 3 {
			continue
		}
		w := lower(ws[k].Text(v))
		if dontVerbs[w] || !nounBefore[lower(ws[k-1].Text(v))] && len(w) > 4 &&
			(strings.HasSuffix(w, "ent") && plural || strings.HasSuffix(w, "ait")) {
			// "dont les ministres participent", "dont le chef dirigeait";
			// not an adjective after a singular noun ("le gouvernement récent")
			return !c.addsItems(ti, ws[3].Start, b)
		}
	}
	return false
}

// addsItems reports words in [a, b) of text ti with which a sentence may
// go on listing after a relative clause: a semicolon, "mais (aussi)",
// "ainsi que", "voire", "puis", a marker of a partial list, "et" or "ou"
// before a name, a country after a comma ("…, dont les bilans
// s’alourdissent, mais aussi le Liban et l’Irak"). "et" before a verb or a
// common noun ("…, dont les équipes sont arrivées dimanche et ont commencé
// les recherches") and a country after a preposition ("arrivées au
// Maroc") go on with the clause.
func (c *checker) addsItems(ti, a, b int) bool {
	v := c.value(ti)
	if strings.ContainsRune(v[a:b], ';') {
		return true
	}
	ws := c.words(ti, a, b)
	for k, w := range ws {
		t := w.Text(v)
		lw := lower(t)
		if addAfterRelative[lw] {
			return true
		}
		if _, ok := c.p.NonExhaustive(v, w.Start); ok {
			return true
		}
		if (coordinators[lw] || disjunctions[lw]) && k+1 < len(ws) {
			n := k + 1
			if articles[lower(ws[n].Text(v))] && n+1 < len(ws) {
				n++
			}
			if isCapital(ws[n].Text(v)) {
				return true // "et le Japon", "ou Paul Martin"
			}
		}
		if isCapital(t) {
			p := k
			if p > 0 && articles[lower(ws[p-1].Text(v))] {
				p--
			}
			if p > 0 && strings.ContainsRune(v[ws[p-1].End:ws[p].Start], ',') {
				if _, _, _, ok := c.p.Country(v, w.Start); ok {
					return true
				}
			}
		}
	}
	return false
}

// addAfterRelative are words that add items to a list after a relative
// clause.
var addAfterRelative = set("mais", "ainsi", "voire", "puis", "sauf", "hormis", "excepté", "etc")

func isCapital(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// addMore are words with which a sentence may add items after a relative
// clause: "…, qui se sont qualifiés, ainsi que Paul Martin".
var addMore = set("ainsi", "plus", "voire", "sans", "well", "along", "together", "also", "aussi")

// relativeEnd returns where a list in [a, b) ends when a relative clause
// follows its last item, after the coordinator: the comma before the
// relative. A clause that may add items (a coordinator, "ainsi que", "as
// well as", a semicolon, a capitalised name) may hold more items: b is
// returned unchanged.
func (c *checker) relativeEnd(ti, a, b int) int {
	v := c.value(ti)
	coord, comma := false, -1
	for _, t := range c.toks[ti] {
		if t.Start < a || t.Kind == lang.Space {
			continue
		}
		if t.End > b {
			break
		}
		switch {
		case comma >= 0:
			if t.Kind == lang.Word && (relatives[lower(t.Text(v))] || lower(t.Text(v)) == "dont" && c.relativeDont(ti, t.Start, b)) {
				if strings.ContainsRune(c.value(ti)[t.End:b], ';') {
					return b
				}
				for _, w := range c.words(ti, t.End, b) {
					if lw := lower(w.Text(v)); coordinators[lw] || disjunctions[lw] || addMore[lw] || isCapital(w.Text(v)) {
						return b // or a name: "…, qui affronteront Paul Martin"
					}
				}
				return comma
			}
			comma = -1
		case t.Kind == lang.Word && coordinators[lower(t.Text(v))]:
			coord = true
		case coord && t.Text(v) == ",":
			comma = t.Start
		}
	}
	return b
}

// checkNames checks a count against a list of names (or of countries, for
// partners and members) in its sentence; it reports false when the items
// are something else.
func (c *checker) checkNames(cnt *count, items []lang.Span) bool {
	v := c.value(c.sents[cnt.sent].text)
	allCountries, allNames := cnt.class == "partner" || cnt.class == "member", true
	for _, it := range items {
		if allCountries {
			_, _, e, ok := c.p.Country(v, it.Start)
			allCountries = ok && e == it.End
		}
		allNames = allNames && c.nameLike(v, it.Start, it.End)
	}
	if !allCountries && !allNames {
		return false
	}
	start := items[0].Start
	if _, name, _, ok := c.p.Country(v, start); ok && allCountries {
		start = name.Start
	}
	c.check(cnt, &enum{sent: cnt.sent, start: start, end: items[len(items)-1].End, n: len(items)})
	return true
}

// listApposition links a count of a class other than countries to a list
// of names in apposition right after its noun, closed by a comma, dash or
// bracket: "Deux entraîneurs, Franck Haise et Gennaro Gattuso, ont…".
func (c *checker) listApposition(cnt *count) bool {
	if cnt.class == "country" || cnt.class == "ally" {
		return false
	}
	s := c.sents[cnt.sent]
	v := c.value(s.text)
	// "the two chief executives, A and B," but not "the three Baltic
	// leaders, A and B": a proper adjective names a group the list may
	// be coordinated with.
	if strings.IndexFunc(v[cnt.end:cnt.head-len(cnt.word)], unicode.IsUpper) >= 0 {
		return false
	}
	if !strings.HasPrefix(v[cnt.head:s.span.End], ",") {
		return false
	}
	a, b, depth, coord := cnt.head+1, -1, 0, false
	for _, t := range c.toks[s.text] {
		if t.Start < a || t.Kind == lang.Space || t.Text(v) == "–" && joinDash(v, t.Start) {
			continue
		}
		if t.End > s.span.End {
			break
		}
		switch {
		case t.Text(v) == "(":
			depth++
		case t.Text(v) == ")" && depth > 0:
			depth--
		case depth == 0 && t.Kind == lang.Word && coordinators[lower(t.Text(v))]:
			coord = true
		case depth == 0 && coord && (t.Text(v) == "," || t.Text(v) == ")" || t.Text(v) == "–" || t.Text(v) == "—"):
			b = t.Start
		case depth == 0 && t.Kind == lang.Punct && t.Text(v) != "," && t.Text(v) != "." && t.Text(v) != "-" && t.Text(v) != "'" && t.Text(v) != "’":
			return false // a colon, a semicolon, a quotation: not a plain apposition
		}
		if b >= 0 {
			break
		}
	}
	if b < 0 {
		return false
	}
	items, ok := c.splitList(s.text, a, b)
	if !ok || abs(cnt.value-len(items)) > maxDiff {
		return false
	}
	if c.nonExhaustive(s.text, a, b) {
		return true
	}
	return c.checkNames(cnt, items)
}

// peopleClasses are the classes of count nouns that name people: only
// their lists are read with a role in apposition after each name.
var peopleClasses = set("leader", "minister", "person", "representative", "official", "candidate", "coach",
	"winner", "relative")

// roleList reads a list of people in [a, b) where each name is followed by
// its role in apposition, between commas: "Paschal Donohoe, the Minister
// for Finance, and Jack Chambers, the Minister for Public Expenditure",
// « Paschal Donohoe, ministre des Finances, et Jack Chambers, ministre de
// la Dépense publique ». The role is the name's apposition, not an item: it
// returns the names. Only for counts of people, and only when every name
// has its role and the coordinator comes before the last name; a count
// equal to the number of parts (which would count each role as a person)
// is left alone.
func (c *checker) roleList(cnt *count, ti, a, b int) ([]lang.Span, bool) {
	if !peopleClasses[cnt.class] {
		return nil, false
	}
	v := c.value(ti)
	var parts []lang.Span
	start, lastEnd, coordAt := -1, a, -1
	for _, t := range c.toks[ti] {
		if t.Start < a || t.End > b || t.Kind == lang.Space {
			continue
		}
		w := t.Text(v)
		switch {
		case w == ",":
			if start < 0 {
				return nil, false
			}
			parts = append(parts, lang.Span{Start: start, End: lastEnd})
			start = -1
			continue
		case t.Kind == lang.Word && coordinators[lower(w)]:
			if start >= 0 || coordAt >= 0 {
				return nil, false // inside a part ("Minister for Trade and Industry") or a second one
			}
			coordAt = len(parts)
			continue
		case t.Kind == lang.Word && disjunctions[lower(w)]:
			return nil, false
		case t.Kind == lang.Punct && w != "." && w != "-" && w != "'" && w != "’":
			return nil, false // brackets, quotations, semicolons: another shape
		}
		if start < 0 {
			start = t.Start
		}
		lastEnd = t.End
	}
	if start < 0 {
		return nil, false
	}
	parts = append(parts, lang.Span{Start: start, End: lastEnd})
	n := len(parts)
	if n < 4 || n%2 != 0 || coordAt != n-2 || cnt.value == n {
		return nil, false
	}
	items := make([]lang.Span, 0, n/2)
	for k := 0; k < n; k += 2 {
		if !c.nameLike(v, parts[k].Start, parts[k].End) || !c.rolePhrase(v, parts[k+1].Start, parts[k+1].End) {
			return nil, false
		}
		items = append(items, parts[k])
	}
	return items, true
}

// roleComplement starts the complement of a role: "Minister for Finance",
// "chief executive of Ryanair", « ministre des Finances », « chargée du
// Numérique ».
var roleComplement = set("of", "for", "at", "de", "du", "des", "d'", "d’", "à", "au", "aux")

// roleWords may stand lower-case in a role's complement.
var roleWords = set("of", "for", "at", "the", "de", "du", "des", "d'", "d’", "à", "au", "aux", "le", "la", "les",
	"l'", "l’", "chargé", "chargée")

// rolePhrase reports that [a, b) is a role and nothing else: a listed role
// after an optional article (“the Minister”, « ministre »), in French at
// most two adjectives after it (« ministre délégué »), and a complement
// naming its field or institution, capitalised but for its function words
// and, in French, adjectives after a capitalised word (« de la Dépense
// publique »).
func (c *checker) rolePhrase(v string, a, b int) bool {
	ws := c.wordsIn(v, a, b)
	if len(ws) == 0 || len(ws) > 10 {
		return false
	}
	_, _, e, ok := c.p.Role(v, ws[0].Start)
	if !ok || e > b {
		return false
	}
	for len(ws) > 0 && ws[0].Start < e {
		ws = ws[1:]
	}
	if len(ws) == 0 {
		return true
	}
	if c.p.Tag == "fr" {
		ws = frAdjectives(v, ws)
	}
	if !roleComplement[lower(ws[0].Text(v))] {
		return false
	}
	adj := 0
	for k, w := range ws {
		t := w.Text(v)
		switch {
		case isCapital(t) || roleWords[lower(t)]:
			adj = 0
		case c.p.Tag == "fr" && k > 0 && adj < 2 && isLowerWord(t) && !dontVerbs[lower(t)] && !nounBefore[lower(t)] &&
			(adj > 0 || isCapital(ws[k-1].Text(v))):
			adj++ // « la Dépense publique », « des Affaires étrangères »
		default:
			return false
		}
	}
	return true
}

// splitSemicolons reads a list in [a, b) whose items are separated by
// semicolons, each a name and a description after a comma: "Kleber Mendonça
// Filho’s “The Night Shift”, a Recife-set thriller; Mia Hansen-Løve’s
// “Summer Hours in Sils”, gentle to a fault; and Yorgos Lanthimos’ “Saints
// and Sinners”, which …". It returns the names and ok when the list has
// that shape, semi when it has semicolons. The last item follows
// a coordinator right after the last semicolon, and each description starts
// in lower case (not another name: "A, B and C in defence; D, E and F").
func (c *checker) splitSemicolons(ti, a, b int) (items []lang.Span, semi, ok bool) {
	v := c.value(ti)
	if !strings.ContainsRune(c.value(ti)[a:b], ';') {
		return nil, false, false
	}
	start, head, depth := -1, -1, 0
	var closing rune
	coordLast := false
	flush := func() bool {
		if start < 0 {
			return false
		}
		items = append(items, lang.Span{Start: start, End: head})
		start, head = -1, -1
		return true
	}
	lastEnd, afterComma := a, false
	for _, t := range c.toks[ti] {
		if t.Start < a || t.End > b || t.Kind == lang.Space {
			continue
		}
		r, _ := utf8.DecodeRuneInString(t.Text(v))
		if afterComma {
			afterComma = false
			if !unicode.IsLower(r) {
				return nil, false, false
			}
		}
		switch {
		case closing != 0:
			if r == closing && t.Kind == lang.Punct {
				closing = 0
			}
		case t.Kind == lang.Punct && closeQuote[r] != 0:
			closing = closeQuote[r]
		case t.Text(v) == "(":
			depth++
		case t.Text(v) == ")":
			depth--
		case depth == 0 && t.Text(v) == ";":
			if head < 0 {
				head = lastEnd
			}
			if !flush() {
				return nil, false, false
			}
			semi, coordLast = true, false
			continue
		case depth == 0 && t.Text(v) == "," && head < 0 && start >= 0:
			head, afterComma = lastEnd, true
			continue
		case depth == 0 && t.Kind == lang.Word && start < 0 && coordinators[lower(t.Text(v))]:
			if !semi || coordLast {
				return nil, false, false
			}
			coordLast = true
			continue
		}
		if start < 0 {
			start = t.Start
		}
		lastEnd = t.End
	}
	if !semi {
		return nil, false, false
	}
	if head < 0 {
		head = lastEnd
	}
	if !flush() || !coordLast || len(items) < 2 || depth != 0 || closing != 0 {
		return nil, false, false
	}
	return items, true, true
}

// splitList splits [a, b) into items at commas, semicolons and a final
// coordinator, outside brackets. The last item must follow a coordinator.
func (c *checker) splitList(ti, a, b int) ([]lang.Span, bool) {
	v := c.value(ti)
	var items []lang.Span
	start, depth, coordLast, coords := -1, 0, false, 0
	flush := func(end int) bool {
		if start < 0 {
			return false
		}
		items = append(items, lang.Span{Start: start, End: end})
		start = -1
		return true
	}
	lastEnd := a
	var closing rune // inside a quoted title: its closing mark
	for _, t := range c.toks[ti] {
		if t.Start < a || t.End > b || t.Kind == lang.Space {
			continue
		}
		r, _ := utf8.DecodeRuneInString(t.Text(v))
		switch {
		case closing != 0:
			if r == closing && t.Kind == lang.Punct {
				closing = 0
			}
		case t.Kind == lang.Punct && closeQuote[r] != 0:
			closing = closeQuote[r] // “Saints and Sinners”, “Love, Actually”
		case t.Text(v) == "(":
			depth++
		case t.Text(v) == ")":
			depth--
		case depth == 0 && (t.Text(v) == "," || t.Text(v) == ";"):
			if !flush(lastEnd) {
				return nil, false
			}
			coordLast = false
			continue
		case depth == 0 && t.Kind == lang.Word && coordinators[lower(t.Text(v))]:
			// A second coordinator makes pairs ("A et B, C et D") or names
			// with "and" inside ("Trinidad and Tobago"): not countable.
			if coords++; coords > 1 || start >= 0 && !flush(lastEnd) {
				return nil, false
			}
			coordLast = true
			continue
		case depth == 0 && t.Kind == lang.Word && disjunctions[lower(t.Text(v))]:
			return nil, false
		}
		if start < 0 {
			start = t.Start
		}
		lastEnd = t.End
	}
	if !flush(lastEnd) || !coordLast || len(items) < 2 || depth != 0 || closing != 0 {
		return nil, false
	}
	return items, true
}

// nameLike accepts a proper name: an optional article or honorific, then
// capitalised words with name particles between them, and an optional
// bracketed gloss at the end.
func (c *checker) nameLike(v string, a, b int) bool {
	if ok, isTitle := c.quotedTitle(v, a, b); isTitle {
		return ok
	}
	if i := strings.IndexRune(v[a:b], '('); i >= 0 {
		if !strings.HasSuffix(strings.TrimSpace(v[a:b]), ")") {
			return false
		}
		b = a + i
	}
	ws := c.wordsIn(v, a, b)
	if len(ws) == 0 {
		return false
	}
	full := len(ws)
	if e, ok := c.p.Honorific(v, ws[0].Start); ok {
		for len(ws) > 0 && ws[0].Start < e {
			ws = ws[1:]
		}
	} else if rest, ok := c.afterTitle(v, ws); ok {
		ws, full = rest, len(rest) // "U.S. President Donald Trump", "la Première ministre italienne Giorgia Meloni"
	} else if articles[lower(ws[0].Text(v))] {
		ws = ws[1:]
	}
	if len(ws) == 0 || full > 6 {
		return false
	}
	for k, w := range ws {
		if _, _, _, ok := c.p.Role(v, w.Start); ok {
			return false // "Jens Stoltenberg, NATO Secretary General, …": a role, not another name
		}
		r, _ := utf8.DecodeRuneInString(w.Text(v))
		if unicode.IsUpper(r) {
			continue
		}
		if k > 0 && strings.ContainsAny(w.Text(v), "0123456789") {
			continue // a model or edition: "la Renault 5", "la Peugeot e-3008"
		}
		if k > 0 && complement[lower(w.Text(v))] {
			b = w.Start // "Rachida Dati à la Culture", "Ed Miliband at Energy"
			break
		}
		if k == 0 || k == len(ws)-1 || !particles[lower(w.Text(v))] {
			return false
		}
	}
	// Only words, spaces and dots of initials in the name.
	name := v[a:b]
	for _, t := range c.p.Tokens(name) {
		if t.Kind == lang.Punct && t.Text(name) != "." && !(t.Text(name) == "–" && joinDash(v, a+t.Start)) {
			return false
		}
	}
	return true
}

// afterTitle reads the title that news copy puts before a person's name
// ("U.S. President Donald Trump", "German Chancellor Friedrich Merz",
// "Japanese Prime Minister Sanae Takaichi", « le chancelier allemand
// Friedrich Merz », « la Première ministre italienne Giorgia Meloni »): an
// optional article, at most three capitalised words (a nationality, an
// institution), a role or rank, in French at most two lower-case
// adjectives after it, and returns the words after it, which must then
// read as a name. A title with no name after it ("the Italian Prime
// Minister", "NATO Secretary General") is not a name: it is often an
// apposition to the item next to it.
func (c *checker) afterTitle(v string, ws []lang.Token) ([]lang.Token, bool) {
	k := 0
	if articles[lower(ws[0].Text(v))] {
		k = 1
	}
	for j := k; j < len(ws) && j <= k+3; j++ {
		e, ok := 0, false
		if _, _, re, isRole := c.p.Role(v, ws[j].Start); isRole {
			e, ok = re, true
		} else if re, isRank := c.p.Rank(v, ws[j].Start); isRank {
			e, ok = re, true
		}
		if ok {
			rest := ws[j:]
			for len(rest) > 0 && rest[0].Start < e {
				rest = rest[1:]
			}
			if c.p.Tag != "fr" {
				if len(rest) == 0 || !isCapital(rest[0].Text(v)) {
					return nil, false
				}
				return rest, true
			}
			// French adjectives follow the role (« le président
			// américain »), and its complement may name an institution
			// (« la présidente de la Commission européenne Ursula von der
			// Leyen », « le ministre de l’Intérieur Laurent Nuñez »): one
			// capitalised word and its adjectives, then a first name and
			// a surname, without which it is a title alone.
			rest = frAdjectives(v, rest)
			need := 1
			if len(rest) > 0 && frOf[lower(rest[0].Text(v))] {
				rest = rest[1:]
				if len(rest) > 0 && articles[lower(rest[0].Text(v))] {
					rest = rest[1:]
				}
				if len(rest) == 0 || !isCapital(rest[0].Text(v)) {
					return nil, false
				}
				rest, need = frAdjectives(v, rest[1:]), 2
			}
			if len(rest) < need || !isCapital(rest[0].Text(v)) || !isCapital(rest[len(rest)-1].Text(v)) {
				return nil, false
			}
			return rest, true
		}
		if !isCapital(ws[j].Text(v)) {
			return nil, false
		}
	}
	return nil, false
}

// frOf introduces the complement of a French title: « ministre de
// l’Intérieur », « président du Sénat ».
var frOf = set("de", "d'", "d’", "du", "des")

// frAdjectives skips at most two lower-case adjectives after a French
// title (« le Premier ministre britannique », « le ministre délégué »),
// leaving one word at least.
func frAdjectives(v string, ws []lang.Token) []lang.Token {
	for n := 0; n < 2 && len(ws) > 1 && isLowerWord(ws[0].Text(v)); n++ {
		if w := lower(ws[0].Text(v)); particles[w] || complement[w] || coordinators[w] || disjunctions[w] || articles[w] {
			break
		}
		ws = ws[1:]
	}
	return ws
}

// isLowerWord reports a word that starts with a lower-case letter.
func isLowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// joinDash reports an en dash at i with a letter right before it and a
// capital right after it: it joins the parts of an official name
// ("Sainte-Foy–Sillery–Cap-Rouge", "Saguenay–Lac-Saint-Jean"), it does not
// punctuate.
func joinDash(v string, i int) bool {
	p, _ := utf8.DecodeLastRuneInString(v[:i])
	r, _ := utf8.DecodeRuneInString(v[i+len("–"):])
	return unicode.IsLetter(p) && unicode.IsUpper(r)
}

// introAt returns the offset in [a, b) of the first colon or dash that may
// introduce or close a list, skipping en dashes inside names, or -1.
func introAt(v string, a, b int) int {
	for a < b {
		k := strings.IndexAny(v[a:b], ":–—")
		if k < 0 {
			return -1
		}
		if !strings.HasPrefix(v[a+k:], "–") || !joinDash(v, a+k) {
			return a + k
		}
		a += k + len("–")
	}
	return -1
}

// closeQuote maps an opening quotation mark to its closing one.
var closeQuote = map[rune]rune{'“': '”', '«': '»', '"': '"', '„': '“', '‘': '’'}

// quotedTitle reads an item that ends with a title in quotation marks
// (“Anora”, « Anatomie d’une chute »), possibly after its author's name in
// the possessive (“Yorgos Lanthimos’ “Saints and Sinners”): isTitle when
// the item has that shape, ok when the title is capitalised and the name
// is a name.
func (c *checker) quotedTitle(v string, a, b int) (ok, isTitle bool) {
	t := strings.TrimSpace(v[a:b])
	last, n := utf8.DecodeLastRuneInString(t)
	if last != '”' && last != '»' && last != '"' && last != '“' && last != '’' {
		return false, false
	}
	a += strings.Index(v[a:b], t)
	// The opening mark: the first one in the item.
	q := strings.IndexFunc(t, func(r rune) bool { _, ok := closeQuote[r]; return ok })
	if q < 0 {
		return false, false
	}
	open, m := utf8.DecodeRuneInString(t[q:])
	if closeQuote[open] != last || q+m > len(t)-n {
		return false, false
	}
	inner := strings.TrimSpace(t[q+m : len(t)-n])
	if strings.ContainsRune(inner, open) || strings.ContainsRune(inner, last) {
		return false, true
	}
	r, _ := utf8.DecodeRuneInString(inner)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false, true
	}
	if q == 0 {
		return true, true
	}
	// "Kleber Mendonça Filho’s", "Yorgos Lanthimos’".
	author := strings.TrimRightFunc(t[:q], unicode.IsSpace)
	switch {
	case c.p.Tag != "en":
		return false, true
	case strings.HasSuffix(author, "’s") || strings.HasSuffix(author, "'s"):
		author = author[:len(author)-len("s")]
		_, k := utf8.DecodeLastRuneInString(author)
		author = author[:len(author)-k]
	case strings.HasSuffix(author, "s’") || strings.HasSuffix(author, "s'"):
		_, k := utf8.DecodeLastRuneInString(author)
		author = author[:len(author)-k]
	default:
		return false, true
	}
	return author != "" && c.nameLike(v, a, a+len(author)), true
}

func (c *checker) wordsIn(v string, a, b int) []lang.Token {
	var out []lang.Token
	for _, t := range c.p.Tokens(v[a:b]) {
		if t.Kind == lang.Word || t.Kind == lang.Number {
			t.Start += a
			t.End += a
			out = append(out, t)
		}
	}
	return out
}

func (c *checker) nonExhaustive(ti, a, b int) bool {
	v := c.value(ti)
	for _, t := range c.words(ti, a, b) {
		if _, ok := c.p.NonExhaustive(v, t.Start); ok {
			return true
		}
	}
	return false
}

// linkBlock links a count in the last sentence of a paragraph ending in a
// colon to the list block right after it.
func (c *checker) linkBlock(cnt *count) bool {
	s := c.sents[cnt.sent]
	ti := s.text
	v := c.value(ti)
	if ti+1 >= len(c.texts) || cnt.sent+1 < len(c.sents) && c.sents[cnt.sent+1].text == ti {
		return false
	}
	if !strings.HasSuffix(strings.TrimRightFunc(v, unicode.IsSpace), ":") {
		return false
	}
	next := c.texts[ti+1]
	if next.Kind != rules.KindListItem || next.Item != 0 || c.nonExhaustive(ti, cnt.head, len(v)) ||
		c.hasCount(cnt.sent, cnt.head, len(v)) {
		return false
	}
	end := ti + 1
	for end < len(c.texts) && c.texts[end].Kind == rules.KindListItem && c.texts[end].Block == next.Block {
		end++
	}
	countryLike := cnt.class == "country" || cnt.class == "ally" || cnt.class == "partner" || cnt.class == "member"
	allCountries, allNames := countryLike, cnt.class != "country" && cnt.class != "ally"
	for k := ti + 1; k < end; k++ {
		iv := c.value(k)
		t := strings.TrimSpace(iv)
		if t == "" || t == "…" || strings.HasPrefix(lower(t), "etc") {
			return true
		}
		allCountries = allCountries && c.startsWithCountry(k)
		if allNames {
			ws := c.wordsIn(iv, 0, len(iv))
			if len(ws) > 0 && articles[lower(ws[0].Text(iv))] {
				ws = ws[1:]
			}
			if e, ok := c.p.Honorific(iv, len(iv)-len(strings.TrimLeftFunc(iv, unicode.IsSpace))); ok {
				for len(ws) > 0 && ws[0].Start < e {
					ws = ws[1:]
				}
			}
			r := rune(0)
			if len(ws) > 0 {
				r, _ = utf8.DecodeRuneInString(ws[0].Text(iv))
			}
			allNames = unicode.IsUpper(r)
		}
	}
	if !allCountries && !allNames {
		return true
	}
	e := &enum{n: end - ti - 1, block: true,
		span:    c.blockSpan(ti+1, end),
		pointer: strings.TrimSuffix(next.Pointer(), "/0")}
	for _, x := range c.sents[c.first[ti+1]].enums { // list blocks are there unread
		if x.block {
			x.linked = true
		}
	}
	c.check(cnt, e)
	return true
}

// ---- reporting ----

func (c *checker) check(cnt *count, e *enum) {
	cnt.link = e
	if cnt.value == e.n {
		return
	}
	s := c.sents[cnt.sent]
	t := c.texts[s.text]
	noun := classNames[cnt.class]
	if noun == "" {
		noun = lower(cnt.word) // "directors", « réalisatrices »
	}
	stated := fmt.Sprintf("%d", cnt.value)
	if !cnt.digits {
		word := t.Value()[cnt.start:cnt.end]
		if c.p.Tag == "fr" {
			stated += " (« " + word + " »)"
		} else {
			stated += " (“" + word + "”)"
		}
	}
	rel := rules.Related{Message: fmt.Sprintf("the list of %d %s", e.n, noun)}
	if e.block {
		rel.Span, rel.Pointer = e.span, e.pointer
	} else {
		lt := c.texts[c.sents[e.sent].text]
		rel.Span, rel.Pointer = lt.Span(e.start, e.end), lt.Pointer()
	}
	c.pass.Report(rules.Diagnostic{
		Span:    t.Span(cnt.start, cnt.end),
		Pointer: t.Pointer(),
		Message: fmt.Sprintf("states %s %s but lists %d", stated, noun, e.n),
		Related: []rules.Related{rel},
	})
}
