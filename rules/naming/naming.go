// Package naming defines the consistent-naming rule: within one article, a
// person, place or organisation is spelled one way.
package naming

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/artlint/artlint/internal/lang"
	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/rules/textan"
)

// Rule reports a name spelled two ways in one record.
var Rule = &rules.Rule{
	ID:    "consistent-naming",
	Title: "A name is spelled the same way throughout an article",
	Doc: "Within one article, a person, place or organisation keeps one spelling. The rule compares the " +
		"capitalised names of the text (runs of capitalised words, with particles such as *de*, *du*, *von*, " +
		"*van*, *al-*) and the `people` list, word by word and across hyphens, and reports a spelling that differs " +
		"from another one only by:\n\n" +
		"- a hyphen instead of a space or the reverse (`Bosnie‑Herzégovine` / `Bosnie Herzégovine`, " +
		"`Anders Fogh Rasmussen` / `Anders Fogh-Rasmussen`);\n" +
		"- diacritics (`Herzégovine` / `Herzegovine`);\n" +
		"- case inside the word (`OTAN` / `Otan`);\n" +
		"- one inserted, deleted, substituted or swapped letter inside a word of six letters or more " +
		"(`Rasmussen` / `Rassmussen`, `Stoltenberg` / `Stoltenburg`); at the first two letters or the last one only " +
		"when the rest of a full name agrees (`Alexander Vershbow` / `Alexander Vershbov`).\n\n" +
		"The spelling of the `people` list (name and aliases) wins; otherwise the most frequent spelling, then the " +
		"first. The finding is on each other spelling, with the reference spelling as related location and a fix.\n\n" +
		"Left alone, to stay precise:\n\n" +
		"- short forms (`M. Rasmussen` after `Anders Fogh Rasmussen`) and translations (`OTAN` / `NATO`);\n" +
		"- apostrophe and hyphen forms (`l’OTAN` / `l'OTAN`, `‑` / `-`): typography's business;\n" +
		"- two known countries or nationalities (`Gambia` / `Zambia`, `Islande` / `Irlande`, `Iraniens` / `Irakiens`);\n" +
		"- two people whose other names differ (`Boris Johnson` / `Robert Johnston`: different first names, " +
		"different people). A surname alone cannot be told apart: `Johnston` after only `Boris Johnson` is reported;\n" +
		"- spellings that are both in the `people` list;\n" +
		"- words whose lower-case form occurs in the article (`Alliés` / `alliés`) and role words (`Secretary General`);\n" +
		"- capitalised words at the start of a sentence or quotation, in a title or heading, or in a run of capitals: " +
		"they are never taken as the reference spelling, and never compared by case;\n" +
		"- one-letter edits on the first two letters or the last one with no full name to confirm them " +
		"(`Allies` / `Allied`, `Géorgie` / `Géorgien`, `Hansen` / `Jansen`, `Islandais` / `Irlandais`): more often two " +
		"words than a typo.\n\n" +
		"With `artlint lint --cross-record`, the records of one run are also compared with each other, by file path and " +
		"then position in the file: a spelling that is, by the same criteria, a variant of one written in an earlier " +
		"record is reported once in the later record, with the " +
		"earlier spelling as related location, and without a fix, since the earlier record is not necessarily the " +
		"right one. Two articles often name two different people, so a letter off counts across records only within " +
		"names that otherwise agree (`Anders Fogh Rasmussen` in `a.json`, `Anders Fogh Rassmussen` in `b.json`; not " +
		"`Mr Johnston` after `Boris Johnson`, nor `Procter & Gamble` after `Gambie`). A spelling that the record itself " +
		"uses, or that its own people list gives, or that is already reported within the record is left to the " +
		"record's own check. Only records of one language are compared: " +
		"country names and their diacritics (`Monténégro` / `Montenegro`) and the transliteration of people's names " +
		"(`Zelensky` / `Zelenskyy`) differ from one language to another.\n\n" +
		"A team's own register of names, in the configuration file (`names: {Anders Fogh Rasmussen: [Fogh-Rasmussen, Rassmussen]}`), " +
		"is checked first: each listed variant is reported wherever it occurs as a whole word, even with no other spelling " +
		"in the article to compare with.",
	Bad:       "body:\n  - \"… a déclaré le secrétaire général, M. Anders Fogh Rasmussen.\"\n  - \"M. Rassmussen a ajouté…\"",
	Good:      "body:\n  - \"… a déclaré le secrétaire général, M. Anders Fogh Rasmussen.\"\n  - \"M. Rasmussen a ajouté…\"",
	Level:     rules.LevelWarning,
	Tags:      []string{"editorial"},
	Languages: []string{"fr", "en"},
	Since:     "0.1.0",
	Requires:  []*rules.Rule{textan.Language, textan.Sentences, textan.Tokens},
	Run:       run,
}

// source is one string that names things: a text, a quote's speaker, or a
// name or alias of the people list.
type source struct {
	node      *rules.Node
	weak      bool        // title or heading: capitals there may be title case
	sentences []lang.Span // nil for speakers and people
	people    bool
}

// part is one capitalised word of a name ("Herzégovine" in
// "Bosnie‑Herzégovine"), possessive 's removed.
type part struct {
	src     *source
	i, j    int    // decoded byte range in src.node.Str
	text    string // as written
	seq     int    // the name sequence it belongs to
	weak    bool   // sentence-initial, or in a title or heading
	shout   bool   // in a run of capitals ("NO TO NATO"): case says nothing
	common  bool   // a common word capitalised, not a name
	country string // ISO code when the word alone is a country name
	order   int    // reading order; people first
	norm    string // lower case, no diacritics
}

// pair is two adjacent capitalised words joined by a hyphen or a space.
type pair struct {
	src    *source
	i, j   int
	hyphen bool
	order  int
}

// form gathers the occurrences of one spelling (compared after lang.Fold).
type form struct {
	key    string // lang.Fold of the spelling
	strip  string // key without diacritics
	lower  string // key in lower case
	norm   string // strip in lower case
	runes  []rune // norm
	placed int    // 0 unknown, 1 a country or nationality, 2 not: see place
	occs   []*part
	people bool
	strong bool // has an occurrence that is neither weak nor from the people list only
	count  int

	text    string // the first occurrence as written
	country string // the first occurrence's country code
	// names are the multi-word names holding the spelling, filled on
	// demand (see state.fillNames); cross-record forms carry them.
	names    []nameSeq
	namesSet bool
	variant  bool // a variant of another spelling of the same record
}

// nameSeq is one multi-word name holding a spelling: its sequence (-1
// across records) and the normalised words of its names.
type nameSeq struct {
	seq   int
	words []string
}

type state struct {
	pack      *lang.Pack
	lowerSeen map[string]bool // lower-case words of the article
	tokens    map[*rules.Node][]lang.Token
	norms     map[string]string // normOf's memo
	parts     []*part
	seqs      [][]*part // capitalised non-common parts of each sequence
	pairs     map[string][]*pair
	order     int
	forms     []*form // the spellings partFindings compared, in order
}

func run(pass *rules.Pass) (any, error) {
	pack := textan.Pack(pass)
	if pack == nil {
		return nil, nil
	}
	st := &state{pack: pack, lowerSeen: map[string]bool{}, tokens: map[*rules.Node][]lang.Token{}, pairs: map[string][]*pair{}}
	for _, tt := range textan.TokensOf(pass) {
		st.tokens[tt.Text.Node] = tt.Tokens
	}
	texts := textan.SentencesOf(pass)
	for _, ts := range texts {
		st.collectLower(ts.Text.Node)
	}
	// The people list comes first: its spellings are the reference.
	if people := pass.Record.Root.Get("people"); people != nil && people.Kind == rules.Array {
		for _, p := range people.Items {
			if n := p.Get("name"); n != nil && n.Kind == rules.String {
				st.extract(&source{node: n, people: true})
			}
			if al := p.Get("aliases"); al != nil && al.Kind == rules.Array {
				for _, a := range al.Items {
					if a.Kind == rules.String {
						st.extract(&source{node: a, people: true})
					}
				}
			}
		}
	}
	for _, ts := range texts {
		t := ts.Text
		weak := t.Kind == rules.KindTitle || t.Kind == rules.KindHeading
		st.extract(&source{node: t.Node, weak: weak, sentences: ts.Sentences})
		if t.Speaker != nil {
			st.extract(&source{node: t.Speaker})
		}
	}

	found := registerFindings(pass)
	found = append(found, st.pairFindings()...)
	found = append(found, st.partFindings()...)
	report(pass, found)
	return &Result{st: st}, nil
}

// finding is a diagnostic before overlap removal.
type finding struct {
	src     *source
	i, j    int
	msg     string
	ref     *source
	ri, rj  int
	refMsg  string
	replace string
	order   int
}

func report(pass *rules.Pass, found []finding) {
	sort.SliceStable(found, func(a, b int) bool { return found[a].order < found[b].order })
	var kept []finding
	for _, f := range found {
		overlaps := false
		for _, k := range kept {
			if k.src.node == f.src.node && f.i < k.j && k.i < f.j {
				overlaps = true
				break
			}
		}
		if !overlaps {
			kept = append(kept, f)
		}
	}
	for _, f := range kept {
		d := rules.Diagnostic{
			Span:    f.src.node.SpanOf(f.i, f.j),
			Pointer: f.src.node.Pointer,
			Message: f.msg,
		}
		if f.ref != nil {
			d.Related = []rules.Related{{Span: f.ref.node.SpanOf(f.ri, f.rj), Pointer: f.ref.node.Pointer, Message: f.refMsg}}
		}
		if f.replace != "" {
			d.Fixes = []rules.Fix{{
				Description: fmt.Sprintf(`Write "%s"`, f.replace),
				Edits:       []rules.Edit{rules.Text{Node: f.src.node}.Edit(f.i, f.j, f.replace)},
			}}
		}
		pass.Report(d)
	}
}

// collectLower records the lower-case words of s, whole and by hyphenated
// part, so that "Alliés" is known as a common word when "alliés" occurs.
func (st *state) collectLower(n *rules.Node) {
	for _, t := range st.tokensOf(n) {
		if t.Kind != lang.Word {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(t.Text); !unicode.IsLower(r) {
			continue
		}
		k := lowerKey(t.Text)
		st.lowerSeen[k] = true
		// Each hyphen segment too, without a slice per word.
		for rest := k; strings.IndexByte(rest, '-') >= 0; {
			h := strings.IndexByte(rest, '-')
			st.lowerSeen[rest[:h]] = true
			rest = rest[h+1:]
			if strings.IndexByte(rest, '-') < 0 {
				st.lowerSeen[rest] = true
			}
		}
	}
}

func lowerKey(s string) string { return lang.LowerFold(s) }

// particles join the capitalised words of one name.
var particles = map[string]bool{
	"de": true, "du": true, "des": true, "d'": true, "von": true, "van": true, "der": true, "den": true,
	"del": true, "della": true, "di": true, "da": true, "dos": true, "das": true, "do": true, "ten": true,
	"ter": true, "bin": true, "ibn": true, "ben": true, "al": true, "el": true, "of": true, "for": true, "y": true,
}

// arabicArticle matches a lower-case article joined to a name: "al-Assad".
func arabicArticle(w string) bool {
	if w == "" || w[0] != 'a' && w[0] != 'e' && w[0] != 'b' && w[0] != 'i' {
		return false // no article below starts otherwise
	}
	// The first hyphen of any form (- U+2010 U+2011), looked for only
	// where it matters (h <= 3).
	h := -1
	for i := 0; i < len(w) && i <= 3; i++ {
		if w[i] == '-' || strings.HasPrefix(w[i:], "\u2010") || strings.HasPrefix(w[i:], "\u2011") {
			h = i
			break
		}
	}
	if h <= 0 || h > 3 {
		return false
	}
	switch w[:h] {
	case "al", "el", "ad", "as", "ash", "at", "az", "ar", "an", "bin", "ben", "ibn", "abu", "abd":
		_, n := utf8.DecodeRuneInString(w[h:])
		r, _ := utf8.DecodeRuneInString(w[h+n:])
		return unicode.IsUpper(r)
	}
	return false
}

// tokensOf tokenizes a string node once.
func (st *state) tokensOf(n *rules.Node) []lang.Token {
	toks, ok := st.tokens[n]
	if !ok {
		toks = st.pack.Tokens(n.Str)
		st.tokens[n] = toks
	}
	return toks
}

// extract finds the name sequences of a source and records their parts and
// adjacent pairs.
func (st *state) extract(src *source) {
	s := src.node.Str
	toks := st.tokensOf(src.node)
	roles := st.roleSpans(s, toks)
	var cur, pending []int // token indices: the sequence, particles waiting for a name
	flush := func() {
		if len(cur) > 0 {
			st.addSequence(src, s, toks, cur, roles)
		}
		cur, pending = nil, nil
	}
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		switch {
		case t.Kind == lang.Space:
			if strings.Count(t.Text, "\n") >= 2 {
				flush()
			}
		case t.Kind != lang.Word:
			flush()
		case honorific(st.pack, s, t.Start) > 0:
			flush() // "M." is not part of the name; skip its tokens
			for end := honorific(st.pack, s, t.Start); k+1 < len(toks) && toks[k+1].Start < end; {
				k++
			}
		case isNameWord(t.Text):
			cur = append(cur, pending...)
			cur = append(cur, k)
			pending = nil
		case len(cur) > 0 && particles[lowerKey(t.Text)]:
			pending = append(pending, k)
		default:
			flush()
		}
	}
	flush()
}

// honorific is the end of a title before a name at i ("M.", "Mr"), or 0.
func honorific(p *lang.Pack, s string, i int) int {
	end, _ := p.Honorific(s, i)
	return end
}

func isNameWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || arabicArticle(w)
}

// roleSpans marks the words of roles ("Secretary General", "Président"):
// capitalised or not, they are not names.
func (st *state) roleSpans(s string, toks []lang.Token) []lang.Span {
	var out []lang.Span
	for _, t := range toks {
		if t.Kind != lang.Word || !isNameWord(t.Text) || (len(out) > 0 && t.Start < out[len(out)-1].End) {
			continue // only capitalised words can start a role that matters here
		}
		if _, sp, _, ok := st.pack.Role(s, t.Start); ok && sp.Start == t.Start {
			out = append(out, sp)
		}
	}
	return out
}

func inSpans(sp []lang.Span, i, j int) bool {
	for _, x := range sp {
		if i >= x.Start && j <= x.End {
			return true
		}
	}
	return false
}

// addSequence records the parts of one name sequence (token indices seq).
func (st *state) addSequence(src *source, s string, toks []lang.Token, seq []int, roles []lang.Span) {
	id := len(st.seqs)
	var names []*part
	var prev *part // last capitalised part, for pairs
	prevTok := -1
	for n, k := range seq {
		t := toks[k]
		if !isNameWord(t.Text) {
			prev = nil // a particle separates: "République de Corée" has no pair
			continue
		}
		end := t.End
		for _, poss := range []string{"'s", "’s"} {
			if strings.HasSuffix(s[t.Start:end], poss) && end-len(poss) > t.Start {
				end -= len(poss)
			}
		}
		weak := src.weak || (n == 0 && !src.people && src.sentences != nil && initial(toks, k, src.sentences))
		shout := allCaps(t.Text) && (allCaps(wordAt(toks, k, -1)) || allCaps(wordAt(toks, k, 1)))
		start := t.Start
		for start < end {
			segEnd := start
			for segEnd < end {
				r, sz := utf8.DecodeRuneInString(s[segEnd:])
				if isHyphen(r) {
					break
				}
				segEnd += sz
			}
			if r, _ := utf8.DecodeRuneInString(s[start:]); unicode.IsUpper(r) && segEnd > start {
				p := &part{src: src, i: start, j: segEnd, text: s[start:segEnd], seq: id, weak: weak, shout: shout, order: st.next()}
				p.norm = st.normOf(p.text)
				p.common = !src.people && (st.isCommon(p.text) || inSpans(roles, start, segEnd))
				if code, name, _, ok := st.pack.Country(s, start); ok && name.Start == start && name.End == segEnd {
					p.country = code
				}
				if prev != nil {
					hyphen := prevTok == k
					if hyphen || strings.TrimSpace(s[prev.j:start]) == "" {
						key := lang.Fold(prev.text) + "\x00" + lang.Fold(p.text)
						st.pairs[key] = append(st.pairs[key], &pair{src: src, i: prev.i, j: segEnd, hyphen: hyphen, order: p.order})
					}
				}
				st.parts = append(st.parts, p)
				if !p.common {
					names = append(names, p)
				}
				prev, prevTok = p, k
			} else {
				prev = nil
			}
			start = segEnd
			if start < end { // skip the hyphen
				_, sz := utf8.DecodeRuneInString(s[start:])
				start += sz
			}
		}
		if end < t.End {
			prev = nil // "Lindqvist's Office": no pair across a possessive
		}
	}
	st.seqs = append(st.seqs, names)
}

// wordAt is the text of the word before (dir -1) or after (dir 1) token k.
func wordAt(toks []lang.Token, k, dir int) string {
	for k += dir; k >= 0 && k < len(toks); k += dir {
		if toks[k].Kind == lang.Word {
			return toks[k].Text
		}
	}
	return ""
}

// allCaps: two letters or more, none lower-case.
func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// strip is lang.StripDiacritics, skipping the work for ASCII words.
func strip(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return lang.StripDiacritics(s)
		}
	}
	return s
}

func (st *state) next() int { st.order++; return st.order }

// normOf is strings.ToLower(strip(lang.Fold(w))), memoised per record:
// names recur, and stripping diacritics runs a Unicode transformer.
func (st *state) normOf(w string) string {
	if n, ok := st.norms[w]; ok {
		return n
	}
	n := strings.ToLower(strip(lang.Fold(w)))
	if st.norms == nil {
		st.norms = map[string]string{}
	}
	st.norms[w] = n
	return n
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// commonWords are function words that head titles and sentences; most are
// caught as lower-case words of the article already.
var commonWords = map[string]bool{
	"le": true, "la": true, "les": true, "un": true, "une": true, "des": true, "ce": true, "cette": true,
	"ces": true, "il": true, "elle": true, "ils": true, "elles": true, "nous": true, "vous": true, "on": true,
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true, "it": true,
	"he": true, "she": true, "they": true, "we": true, "i": true, "you": true, "our": true, "their": true,
}

func (st *state) isCommon(w string) bool {
	k := lowerKey(w)
	if st.lowerSeen[k] || commonWords[k] {
		return true
	}
	_, ok := st.pack.CountNoun(w)
	return ok
}

// openers are punctuation after which a capital starts a sentence or a
// quotation rather than marks a name.
const openers = "«“\"‘'([{—–-:;…/•*"

// initial reports whether token k starts a sentence or a quotation.
func initial(toks []lang.Token, k int, sentences []lang.Span) bool {
	for _, sp := range sentences {
		if sp.Start == toks[k].Start {
			return true
		}
	}
	j := k - 1
	for j >= 0 && toks[j].Kind == lang.Space {
		j--
	}
	if j < 0 {
		return true
	}
	if toks[j].Kind == lang.Punct && strings.Contains(openers, toks[j].Text) {
		return true
	}
	for _, sp := range sentences { // "« Nous": the sentence starts at the guillemet
		if sp.Start > toks[j].Start && sp.Start <= toks[k].Start {
			return true
		}
	}
	return false
}

// pairFindings reports adjacent words joined by a hyphen in one place and by
// a space in another.
func (st *state) pairFindings() []finding {
	var out []finding
	keys := make([]string, 0, len(st.pairs))
	for k := range st.pairs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		ps := st.pairs[key]
		var hy, sp []*pair
		for _, p := range ps {
			if p.hyphen {
				hy = append(hy, p)
			} else {
				sp = append(sp, p)
			}
		}
		if len(hy) == 0 || len(sp) == 0 {
			continue
		}
		canon, other := bestPairs(hy, sp)
		if canon == nil {
			continue
		}
		ref := canon[0]
		refText := ref.src.node.Str[ref.i:ref.j]
		for _, p := range other {
			text := p.src.node.Str[p.i:p.j]
			out = append(out, finding{
				src: p.src, i: p.i, j: p.j, order: p.order,
				msg: fmt.Sprintf(`"%s" differs from "%s"%s only by a hyphen`, text, refText, where(ref.src, ref.order, p.order, false)),
				ref: ref.src, ri: ref.i, rj: ref.j, refMsg: refMessage(ref.src.people, refText),
				replace: refText,
			})
		}
	}
	return out
}

// bestPairs picks the reference spelling of a pair: the people list's, else
// the more frequent, else the first. Nil when both are in the people list.
func bestPairs(a, b []*pair) (canon, other []*pair) {
	pa, pb := anyPeople(a), anyPeople(b)
	switch {
	case pa && pb:
		return nil, nil
	case pa:
		return a, b
	case pb:
		return b, a
	case len(a) != len(b):
		if len(a) > len(b) {
			return a, b
		}
		return b, a
	case a[0].order < b[0].order:
		return a, b
	}
	return b, a
}

func anyPeople(ps []*pair) bool {
	for _, p := range ps {
		if p.src.people {
			return true
		}
	}
	return false
}

func where(ref *source, refOrder, order int, spelled bool) string {
	switch {
	case ref.people:
		return " in the people list"
	case !spelled:
		return ""
	case refOrder < order:
		return " earlier in this article"
	}
	return " later in this article"
}

func refMessage(people bool, text string) string {
	if people {
		return fmt.Sprintf(`"%s" in the people list`, text)
	}
	return fmt.Sprintf(`"%s" is first written here`, text)
}

// partFindings reports words spelled with other diacritics, case or one
// letter off.
func (st *state) partFindings() []finding {
	forms := map[string]*form{}
	var list []*form
	for _, p := range st.parts {
		if p.common {
			continue
		}
		key := lang.Fold(p.text)
		f := forms[key]
		if f == nil {
			f = &form{key: key, strip: strip(key), lower: strings.ToLower(key), norm: p.norm, runes: []rune(p.norm), text: p.text, country: p.country}
			forms[key] = f
			list = append(list, f)
		}
		f.occs = append(f.occs, p)
		f.count++
		if p.src.people {
			f.people = true
		} else if !p.weak && !p.shout {
			f.strong = true
		}
	}
	st.forms = list
	var out []finding
	for _, x := range list {
		if x.people {
			continue // the people list is the reference, never a variant
		}
		best, bestKind := x, kindNone
		for _, y := range list {
			if y == x || !(y.people || y.strong) {
				continue
			}
			kind := classify(x, y)
			if kind == kindNone || !st.related(x, y, kind) {
				continue
			}
			if better(y, best) {
				best, bestKind = y, kind
			}
		}
		if best == x {
			continue
		}
		x.variant = true
		ref := best.occs[0]
		for _, p := range x.occs {
			if (bestKind == kindCase || bestKind == kindOther) && (p.weak || p.shout) {
				continue // "OTAN" in a title-case heading, "Otan" opening a sentence
			}
			var msg string
			switch bestKind {
			case kindDiacritics:
				msg = fmt.Sprintf(`"%s" differs from "%s"%s only by diacritics`, p.text, ref.text, where(ref.src, ref.order, p.order, false))
			case kindCase:
				msg = fmt.Sprintf(`"%s" differs from "%s"%s only by case`, p.text, ref.text, where(ref.src, ref.order, p.order, false))
			default:
				msg = fmt.Sprintf(`"%s" is spelled "%s"%s`, p.text, ref.text, where(ref.src, ref.order, p.order, true))
			}
			out = append(out, finding{
				src: p.src, i: p.i, j: p.j, order: p.order, msg: msg,
				ref: ref.src, ri: ref.i, rj: ref.j, refMsg: refMessage(ref.src.people, ref.text),
				replace: ref.text,
			})
		}
	}
	return out
}

// better orders reference spellings: people list, then a strong
// occurrence, then frequency, then the first.
func better(a, b *form) bool {
	if a.people != b.people {
		return a.people
	}
	if a.strong != b.strong {
		return a.strong
	}
	if a.count != b.count {
		return a.count > b.count
	}
	return a.occs[0].order < b.occs[0].order
}

type kind int

const (
	kindNone kind = iota
	kindDiacritics
	kindCase
	kindEdit     // one inner letter, possibly with case or diacritics too
	kindEdgeEdit // one letter at the start or the end of the word
	kindOther    // case and diacritics
)

// classify says how two spellings differ.
func classify(a, b *form) kind {
	switch {
	case a.key == b.key:
		return kindNone
	case a.lower == b.lower:
		return kindCase
	case a.strip == b.strip:
		return kindDiacritics
	case a.norm == b.norm:
		return kindOther
	}
	if d := len(a.runes) - len(b.runes); d > 1 || d < -1 {
		return kindNone
	}
	switch ok, inner := oneEdit(a.runes, b.runes); {
	case inner:
		return kindEdit
	case ok:
		return kindEdgeEdit
	}
	return kindNone
}

// related checks what classify cannot: that x and y are plausibly one
// entity.
func (st *state) related(x, y *form, k kind) bool {
	return related(st.pack, x, y, k, st.fillNames)
}

// related is the check for two spellings of one record or, with fill nil
// and the names filled in, of two records.
func related(pack *lang.Pack, x, y *form, k kind, fill func(*form)) bool {
	if x.people && y.people {
		return false
	}
	if (k == kindCase || k == kindOther) && !(x.strong && (y.strong || y.people)) {
		return false // title case, sentence starts
	}
	cx, cy := x.country, y.country
	if cx != "" && cy != "" && cx != cy {
		return false // Gambia / Zambia
	}
	if (k == kindEdit || k == kindEdgeEdit) && (letters(x.key) < 6 || letters(y.key) < 6 || place(pack, x) && place(pack, y)) {
		return false // short words; two countries or nationalities (Iraniens / Irakiens)
	}
	if fill != nil {
		fill(x)
		fill(y)
	}
	if k == kindEdgeEdit && !sameEntity(x, y) {
		return false // "Vershbov" only when "Alexander Vershbov" meets "Alexander Vershbow"
	}
	return !distinct(x, y)
}

// demonymEnds are endings of nationality words; demonymStems are what a
// country name adds to the stem ("Irak|iens" → "Irak", "Island|ais" →
// "Islande", "Austr|ian" → "Austria").
var (
	demonymEnds = []string{"iennes", "ienne", "iens", "ien", "aises", "aise", "ais", "oises", "oise", "ois", "ains", "aine",
		"ain", "ites", "ite", "ins", "ine", "in", "ens", "enne", "en", "ans", "ane", "an", "ques", "que", "ians", "ian",
		"ese", "ish", "is", "i", "es", "s"}
	demonymStems = []string{"", "e", "ie", "a", "ia", "an", "on", "que", "o", "y"}
)

// place reports whether a spelling is a country name or a nationality
// derived from one; computed on demand, as only one-letter variants need it.
func place(pack *lang.Pack, f *form) bool {
	if f.placed == 0 {
		f.placed = 2
		if f.country != "" || demonym(pack, f.text) {
			f.placed = 1
		}
	}
	return f.placed == 1
}

func demonym(pack *lang.Pack, w string) bool {
	lw := strings.ToLower(w)
	for _, end := range demonymEnds {
		if !strings.HasSuffix(lw, end) || len(lw) == len(end) {
			continue
		}
		stem := w[:len(w)-len(end)]
		for _, add := range demonymStems {
			for _, c := range []string{stem + add, strip(stem + add)} {
				if _, name, _, ok := pack.Country(c, 0); ok && name.Start == 0 && name.End == len(c) {
					return true
				}
			}
		}
	}
	return false
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return 0 // digits, apostrophes: codes and compounds, not typos
		}
		n++
	}
	return n
}

// distinct reports evidence that x and y name different entities: each
// occurs in a multi-word name and the other words disagree ("Boris
// Johnson" / "Robert Johnston").
func distinct(x, y *form) bool {
	return anyNames(x, y, func(lx, ly []string) bool { return !sublist(lx, ly) && !sublist(ly, lx) })
}

// sameEntity reports evidence that x and y name one entity: multi-word
// names that agree but for them ("Alexander Vershbow" / "Alexander
// Vershbov").
func sameEntity(x, y *form) bool {
	return anyNames(x, y, func(lx, ly []string) bool { return sublist(lx, ly) || sublist(ly, lx) })
}

// anyNames reports whether test holds for some pair of multi-word names
// holding x and y (never the same name twice), compared as lists of words
// with y replaced by x.
func anyNames(x, y *form, test func(lx, ly []string) bool) bool {
	for _, nx := range x.names {
		for _, ny := range y.names {
			if nx.seq == ny.seq && nx.seq >= 0 {
				continue
			}
			ly := make([]string, len(ny.words))
			for i, w := range ny.words {
				if w == y.norm {
					w = x.norm
				}
				ly[i] = w
			}
			if test(nx.words, ly) {
				return true
			}
		}
	}
	return false
}

// fillNames sets the multi-word names of a form of this record, one per
// occurrence in such a name.
func (st *state) fillNames(f *form) {
	if f.namesSet {
		return
	}
	f.namesSet = true
	for _, o := range f.occs {
		seq := st.seqs[o.seq]
		if len(seq) < 2 {
			continue
		}
		words := make([]string, len(seq))
		for i, p := range seq {
			words[i] = p.norm
		}
		f.names = append(f.names, nameSeq{seq: o.seq, words: words})
	}
}

// sublist reports whether a occurs contiguously in b.
func sublist(a, b []string) bool {
	for i := 0; i+len(a) <= len(b); i++ {
		ok := true
		for k := range a {
			if a[k] != b[i+k] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// oneEdit reports whether a and b differ by one insertion, deletion,
// substitution or transposition, and whether that edit is inner: it touches
// neither the first two letters nor the last. Edits at the edges more often
// make another word (Allies/Allied, Hansen/Jansen, Islandais/Irlandais,
// Géorgie/Géorgien) than a typo.
func oneEdit(a, b []rune) (ok, inner bool) {
	if len(a) > len(b) {
		a, b = b, a
	}
	switch len(b) - len(a) {
	case 0:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		if i == len(a) {
			return false, false
		}
		j := len(a) - 1
		for j > i && a[j] == b[j] {
			j--
		}
		if i != j && (j != i+1 || a[i] != b[j] || a[j] != b[i]) {
			return false, false
		}
		return true, i >= 2 && j < len(a)-1
	case 1: // b has one more letter, at index i
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		if string(a[i:]) != string(b[i+1:]) {
			return false, false
		}
		// With doubled letters the insertion may sit at several indexes;
		// it is inner when the run it extends is inner.
		lo := i
		for lo > 0 && b[lo-1] == b[i] {
			lo--
		}
		hi := i
		for hi+1 < len(b) && b[hi+1] == b[i] {
			hi++
		}
		return true, lo > 1 && hi < len(b)-1
	}
	return false, false
}
