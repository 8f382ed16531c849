package lang

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// speechData mirrors the "speech" object of the data files. French verb
// phrases are generated: auxiliary + participle ("a déclaré"), inverted
// auxiliary ("a-t-il déclaré", "ont-elles dit") and inverted present
// ("déclare-t-il", "dit-elle").
type speechData struct {
	Auxiliaries    []string `json:"auxiliaries"`    // a, ont / has, had
	Participles    []string `json:"participles"`    // déclaré / said
	Present        []string `json:"present"`        // forms safe on their own: déclare / says
	InvertedOnly   []string `json:"invertedOnly"`   // forms too ambiguous alone: précise, estime
	InvertPronouns []string `json:"invertPronouns"` // singular pronouns for inversion; plural ones end in "s"
	Phrases        []string `json:"phrases"`        // verbs used as they are: said, told, pointed out
	According      []string `json:"according"`      // selon, d'après / according to
}

const (
	speechVerb      = 0
	speechAccording = 1
)

func (p *Pack) buildSpeech() {
	d := p.d.Speech
	ps := newPhraseSet(caseAll, true)
	p.speechLeads = map[string]bool{}
	// The thousand-odd phrases are made of a few dozen parts: fold each
	// part once (as phraseSet.add would fold the whole phrase), so that
	// building the pack, paid by every one-file run, stays cheap.
	fold := func(parts []string) []string {
		out := make([]string, len(parts))
		for i, w := range parts {
			out[i] = strings.ToLower(Fold(strings.TrimSpace(w)))
		}
		return out
	}
	add := func(phrase string, val int) {
		ps.addFolded(phrase, val)
		p.speechLead.addFolded(phrase)
		if k := strings.IndexByte(phrase, ' '); k > 0 {
			p.speechLeads[phrase[:k]] = true
		}
	}
	d.Auxiliaries, d.Participles, d.Present = fold(d.Auxiliaries), fold(d.Participles), fold(d.Present)
	d.InvertedOnly, d.InvertPronouns = fold(d.InvertedOnly), fold(d.InvertPronouns)
	d.Phrases, d.According = fold(d.Phrases), fold(d.According)
	// About a trie node per byte of the auxiliary phrases: allocate once.
	ps.nodes = slices.Grow(ps.nodes, len(d.Auxiliaries)*len(d.Participles)*(len(d.InvertPronouns)/2+1)*8)
	var sing, plur []string
	for _, pr := range d.InvertPronouns {
		if strings.HasSuffix(pr, "s") {
			plur = append(plur, pr)
		} else {
			sing = append(sing, pr)
		}
	}
	// invert joins a verb and a pronoun with the euphonic -t- after a vowel.
	invert := func(v, pron string) string {
		if strings.HasSuffix(v, "e") || strings.HasSuffix(v, "a") {
			return v + "-t-" + pron
		}
		return v + "-" + pron
	}
	for _, aux := range d.Auxiliaries {
		prons := sing
		if strings.HasSuffix(aux, "nt") {
			prons = plur
		}
		for _, part := range d.Participles {
			add(aux+" "+part, speechVerb)
			for _, pr := range prons {
				add(invert(aux, pr)+" "+part, speechVerb)
			}
		}
	}
	for _, v := range d.Present {
		add(v, speechVerb)
	}
	for _, v := range append(append([]string(nil), d.Present...), d.InvertedOnly...) {
		if len(sing) == 0 {
			break
		}
		prons := sing
		if strings.HasSuffix(v, "nt") {
			prons = plur
		}
		for _, pr := range prons {
			add(invert(v, pr), speechVerb)
		}
	}
	for _, v := range d.Phrases {
		add(v, speechVerb)
	}
	for _, v := range d.According {
		add(v, speechAccording)
	}
	ps.seal()
	p.speech = ps
	p.speechLeadsASCII = true
	for w := range p.speechLeads {
		for i := 0; i < len(w); i++ {
			p.speechLeadsASCII = p.speechLeadsASCII && w[i] < utf8.RuneSelf
		}
	}
}

// SpeechLead reports whether some speech phrase of more than one word
// starts with word ("a" of "a déclaré", "has" of "has said"), compared as
// SpeechVerb compares. Rules use it to skip probing phrases that cannot
// match.
func (p *Pack) SpeechLead(word string) bool {
	// A lead of two runes or more starts its phrases, whose first two
	// keys the lead set knows: most words fail that, for the cost of a
	// table lookup rather than folding the word for the map.
	if len(word) >= 2 && !p.speechLead.may(word, 0) {
		return false
	}
	// A letter of U+00C0–U+00FF (lead byte 0xC3) stays no ASCII once
	// folded and lower-cased ("déclaré", "été"): no ASCII lead, and no
	// folding, which decodes it through the case tables.
	if p.speechLeadsASCII && strings.IndexByte(word, 0xC3) >= 0 {
		return false
	}
	v, _ := LookupFold(p.speechLeads, word)
	return v
}

// SpeechVerb matches a speech-reporting phrase starting at byte i: kind
// "verb" for reporting verbs ("a déclaré", "a-t-il ajouté", "said") and
// "according" for source-first phrases ("selon", "d’après", "according
// to"). Case-insensitive; the phrase must end at a word boundary.
func (p *Pack) SpeechVerb(s string, i int) (end int, kind string, ok bool) {
	return p.speechVerb(s, i, p.finder)
}

// speechVerb is SpeechVerb, with the pre-check of f (nil: none, the
// tests' oracle).
func (p *Pack) speechVerb(s string, i int, f *prechecks) (end int, kind string, ok bool) {
	if !p.speechLead.may(s, i) || f != nil && !f.speech.may(s, i) || !atWordStart(s, i) {
		return 0, "", false
	}
	v, e, ok := p.speech.match(s, i)
	if !ok {
		return 0, "", false
	}
	if v == speechAccording {
		return e, "according", true
	}
	return e, "verb", true
}

// Honorific matches a title before a name at byte i ("M.", "Mme", "Mr.",
// "Dr", "Sir") and returns its end. Case-sensitive ("me" is not "Me"), and
// it must be followed by white space and a letter; titles that double as
// ordinary words (Me, Sir, Lord…) need a capitalised word after them.
func (p *Pack) Honorific(s string, i int) (end int, ok bool) {
	return p.honorific(s, i, p.finder)
}

// honorific is Honorific, with the pre-check of f (nil: none).
func (p *Pack) honorific(s string, i int, f *prechecks) (end int, ok bool) {
	if i >= 0 && i < len(s) && p.honorUpper && s[i] < utf8.RuneSelf && (s[i] < 'A' || s[i] > 'Z') {
		// An ASCII start that is no capital, even composed with a
		// following mark, cannot be a capital, and honorifics are
		// matched case-sensitively.
		return 0, false
	}
	if !p.honorLead.may(s, i) || f != nil && !f.honorifics.may(s, i) || !atWordStart(s, i) {
		return 0, false
	}
	_, e, ok := p.honorifics.match(s, i)
	if !ok {
		return 0, false
	}
	if r, _ := runeAt(s, e); r == '.' {
		return 0, false // "Mme." where only "Mme" is listed: leave it
	}
	j := e
	for j < len(s) {
		r, n := runeAt(s, j)
		if !isHSpace(r) {
			break
		}
		j += n
	}
	next, _ := runeAt(s, j)
	if j == e || !unicode.IsLetter(next) {
		return 0, false
	}
	if p.honorNeedCap[Fold(s[i:e])] && !unicode.IsUpper(next) {
		return 0, false
	}
	return e, true
}

// Role matches a function that can name a speaker ("secrétaire général
// délégué", "porte-parole", "prime minister") at byte i, after an optional
// article ("le", "la", "l’", "the"). It returns the normalised role (the
// data key, masculine singular in French), the span of the role words and
// the end of the match. The longest listed role wins.
func (p *Pack) Role(s string, i int) (role string, span Span, end int, ok bool) {
	return p.role(s, i, p.finder)
}

// role is Role, with the pre-checks of f (nil: none).
func (p *Pack) role(s string, i int, f *prechecks) (role string, span Span, end int, ok bool) {
	if !p.roleLead.may(s, i) {
		return "", Span{}, 0, false
	}
	// Without a role after it, an article changes nothing: the role, if
	// any, is then matched at i, as when no article is there. f's checks
	// come before atWordStart, which is dearer after an apostrophe.
	// known is where f already found that a role may start, not to ask
	// twice; final, that it is also where afterRoleArticle goes.
	known, article, final := -1, f == nil, false
	if f != nil {
		known, final, article = f.roleAfterArticle(s, i)
	}
	if !article {
		if !f.mayStart(s, i) {
			return "", Span{}, 0, false
		}
		known = i
	}
	if !atWordStart(s, i) {
		return "", Span{}, 0, false
	}
	j := i
	switch {
	case final:
		j = known // where afterRoleArticle would go, as f found
	case article:
		j = p.afterRoleArticle(s, i)
	}
	var v, e int
	ok = false
	if p.roleOnlyLead.may(s, j) && (j == known || f.mayStart(s, j)) {
		v, e, ok = p.roles.match(s, j)
	}
	if !ok && j != i && p.roleOnlyLead.may(s, i) && (i == known || f.mayStart(s, i)) {
		v, e, ok = p.roles.match(s, i)
		j = i
	}
	if !ok {
		return "", Span{}, 0, false
	}
	return p.roleNames[v], Span{j, e}, e, true
}

// prechecks make Role, SpeechVerb and Honorific cheap at the many words
// where nothing starts: they compare the first runes of the text with those
// of the phrases, which rules out most words for a fraction of the
// matchers' cost, giving the same answers. Built with the pack.
type prechecks struct {
	p                         *Pack
	roles, speech, honorifics *startKeys
}

// mayStart is false only when no role starts at s[i].
func (f *prechecks) mayStart(s string, i int) bool {
	return f == nil || f.roles.may(s, i)
}

// roleAfterArticle is false only when no role article followed by a role
// starts at s[i]: it walks the articles' trie as match does and, wherever
// an article may end, looks for a role where afterRoleArticle would. When
// true, it returns where f.mayStart said a role may start, and final when
// that is afterRoleArticle's answer too (see lastArticle).
func (f *prechecks) roleAfterArticle(s string, i int) (at int, final, ok bool) {
	if i < 0 || i >= len(s) {
		return 0, false, false
	}
	ps := f.p.roleArticles
	if c := s[i] | 0x20; 'a' <= c && c <= 'z' && (i+1 == len(s) || !mayBeMark(s, i+1)) && ps.rootASCII[c] == 0 {
		return 0, false, false // an ASCII letter no article starts with, the common case
	}
	node := int32(0)
	for j, k := i, 0; j < len(s); k++ {
		r, n, plain := plainKey(s, j)
		if !plain {
			r, n = ps.keyAt(s, j, k)
		}
		if node = ps.child(node, r); node < 0 {
			return 0, false, false
		}
		j += n
		if r == ' ' {
			j = skipFoldedSpace(s, j)
		}
		if len(ps.nodes[node].ends) == 0 {
			continue
		}
		e := spaceEnd(s, j)
		if (e > j || isApostrophe(lastRune(s[:j]))) && f.roles.may(s, e) {
			return e, f.lastArticle(s, i, j, k, node), true
		}
	}
	return 0, false, false
}

// lastArticle: the article read from i to j, at node after keys 0 to k,
// is the one afterRoleArticle takes, so that its answer is the end of the
// white space after j (or j after an apostrophe), as roleAfterArticle
// found: no longer article goes on from j, so match's walk stops at
// node, and match accepts the phrases there as the walk read them (exact,
// their first rune compared as match compares it; the white space or the
// apostrophe at the end passes boundaryOK).
func (f *prechecks) lastArticle(s string, i, j, k int, node int32) bool {
	ps := f.p.roleArticles
	if j < len(s) {
		r, _, plain := plainKey(s, j)
		if !plain {
			r, _ = ps.keyAt(s, j, k+1)
		}
		if ps.child(node, r) >= 0 {
			return false
		}
	}
	first, _ := readFolded(s, i)
	for _, ph := range ps.nodes[node].ends {
		if !ph.exact || !ps.firstRuneOK(first, ph.runes[0]) {
			return false
		}
	}
	return true
}

// skipFoldedSpace skips the white space at j, as match does after a space.
func skipFoldedSpace(s string, j int) int {
	if j+1 < len(s) && s[j]-'!' < utf8.RuneSelf-'!' && s[j+1] < 0xCC {
		return j // ASCII, but no space, before no mark to compose: one space was all
	}
	return skipMoreSpace(s, j)
}

// skipMoreSpace is skipFoldedSpace rune by rune.
func skipMoreSpace(s string, j int) int {
	for j < len(s) {
		r, n := readFolded(s, j)
		if r != ' ' {
			break
		}
		j += n
	}
	return j
}

// startKeys is a pre-check for a phrase set: bit tables of a hash of the
// first trie keys of its phrases, up to startDepth of them. A text whose
// first keys are no phrase's first keys starts no phrase of the set; a
// hash collision only lets a text through to match.
type startKeys struct {
	ps     *phraseSet
	prefix [startBits / 64]uint64 // the first d keys of a phrase, d ≤ startDepth
	whole  [startBits / 64]uint64 // all the keys of a phrase of fewer than startDepth
}

const (
	startBits  = 8192
	startDepth = 5
	startSeed  = 2166136261
)

func startMix(h uint32, key rune) uint32 { return (h ^ uint32(key)) * 16777619 }

func setBit(t *[startBits / 64]uint64, h uint32) { t[h%startBits/64] |= 1 << (h % 64) }

func hasBit(t *[startBits / 64]uint64, h uint32) bool { return t[h%startBits/64]&(1<<(h%64)) != 0 }

func newStartKeys(ps *phraseSet) *startKeys {
	t := &startKeys{ps: ps}
	var walk func(n int32, depth int, h uint32)
	walk = func(n int32, depth int, h uint32) {
		for c := ps.nodes[n].child; c != 0; c = ps.nodes[c].sibling {
			hc := startMix(h, ps.nodes[c].key)
			setBit(&t.prefix, hc)
			if depth+1 < startDepth {
				if len(ps.nodes[c].ends) > 0 {
					setBit(&t.whole, hc)
				}
				walk(c, depth+1, hc)
			}
		}
	}
	walk(0, 0, startSeed)
	return t
}

// may is false only when no phrase of the set can start at s[i]: the
// first keys are read as match reads them, and most texts leave the
// phrases' prefixes within two or three.
func (t *startKeys) may(s string, i int) bool {
	if i < 0 {
		return false
	}
	h := uint32(startSeed)
	j := i
	for k := 0; k < startDepth; k++ {
		if j >= len(s) {
			return false // shorter than any phrase it could start
		}
		r, n, plain := plainKey(s, j)
		if !plain {
			r, n, plain = asciiKey(s, j, k == 0 || t.ps.mode == caseAll)
		}
		if !plain {
			r, n = t.ps.keyAt(s, j, k)
		}
		h = startMix(h, r)
		if !hasBit(&t.prefix, h) {
			return false
		}
		if hasBit(&t.whole, h) {
			return true
		}
		j += n
		if r == ' ' {
			j = skipFoldedSpace(s, j)
		}
	}
	return true
}

// plainKey is keyAt's answer without its call for the runes most words
// are made of, in every case mode: a lower-case ASCII letter, or a
// lower-case Latin-1 letter (à–ÿ, two bytes), when no combining mark
// follows. ok is false for any other rune: ask keyAt.
func plainKey(s string, j int) (key rune, n int, ok bool) {
	c, n := s[j], 1
	if c == 0xC3 && j+1 < len(s) && s[j+1]-0xA0 < 0x20 {
		c, n = s[j+1]+0x40, 2 // U+00E0–U+00FF, its own key
	} else if c-'a' > 'z'-'a' {
		return 0, 0, false
	}
	if j+n < len(s) && s[j+n] >= 0xCC {
		return 0, 0, false // maybe a mark, which readFolded composes
	}
	return rune(c), n, true
}

// asciiKey is keyAt's answer for an ASCII rune not followed by a combining
// mark, where lower says whether keyAt lowers capitals (the first rune of a
// phrase, or any in caseAll mode): white space, hyphens, apostrophes and
// the capitals of names, which plainKey leaves to keyAt. ok is false for
// any other rune.
func asciiKey(s string, j int, lower bool) (key rune, n int, ok bool) {
	c := s[j]
	if c >= utf8.RuneSelf || j+1 < len(s) && s[j+1] >= 0xCC {
		return 0, 0, false
	}
	switch {
	case c == ' ' || '\t' <= c && c <= '\r':
		c = ' ' // foldMatch
	case lower && 'A' <= c && c <= 'Z':
		c += 'a' - 'A'
	}
	return rune(c), 1, true
}

// keyAt is ps.key(readFolded(s, j)) for the k-th rune of a phrase, and
// the rune's length, without readFolded's general decoding for the runes
// of Latin text: ASCII, two-byte runes, and the apostrophe and hyphens of
// U+2010–U+2019, when no combining mark follows.
func (ps *phraseSet) keyAt(s string, j, k int) (rune, int) {
	c := s[j]
	var r rune
	n := 1
	switch {
	case c < utf8.RuneSelf:
		r = rune(c)
	case c >= 0xC2 && c < 0xE0 && j+1 < len(s) && s[j+1]&0xC0 == 0x80:
		r, n = rune(c&0x1F)<<6|rune(s[j+1]&0x3F), 2
	case c == 0xE2 && j+2 < len(s) && s[j+1] == 0x80 && s[j+2] >= 0x90 && s[j+2] <= 0x99:
		r, n = rune(s[j+2]&0x3F)|0x2000, 3 // U+2010–U+2019: dashes, quotes, apostrophe
	default:
		r, n = readFolded(s, j)
		return ps.key(r, k), n
	}
	if j+n < len(s) && mayBeMark(s, j+n) {
		r, n = readFolded(s, j)
		return ps.key(r, k), n
	}
	switch {
	case r == ' ' || '\t' <= r && r <= '\r' || r == 0x85 || r == 0xA0:
		return ' ', n // foldMatch: unicode.IsSpace below U+2010
	case r == 0x2BC || r == 0x2019:
		return '\'', n // foldPunct
	case r == 0x2010 || r == 0x2011:
		return '-', n // foldPunct
	case k != 0 && ps.mode != caseAll:
		return r, n
	case 'A' <= r && r <= 'Z', 0xC0 <= r && r <= 0xDE && r != 0xD7:
		return r + 0x20, n // unicode.ToLower of ASCII and Latin-1 capitals
	case r < 0x100, r >= 0x2010 && r <= 0x2019:
		return r, n // no case
	}
	return unicode.ToLower(r), n
}

// mayBeMark is false when the rune at s[j] is surely no combining mark:
// marks are U+0300 and above (lead bytes 0xCC and above), and none is in
// U+2000–U+203F (E2 80 …), where the punctuation of prose lies.
func mayBeMark(s string, j int) bool {
	return s[j] >= 0xCC && !(s[j] == 0xE2 && j+1 < len(s) && s[j+1] == 0x80)
}

// afterRoleArticle is where the words after a role article at i start
// ("le ", "the ", "l’" with no space), or i when none is there.
func (p *Pack) afterRoleArticle(s string, i int) int {
	_, ae, ok := p.roleArticles.match(s, i)
	if !ok {
		return i
	}
	k := spaceEnd(s, ae)
	if k > ae || isApostrophe(lastRune(s[:ae])) {
		return k
	}
	return i
}

// NonExhaustive matches a word or phrase that marks a list as partial
// ("notamment", "parmi lesquels", "such as", "including") at byte i.
func (p *Pack) NonExhaustive(s string, i int) (end int, ok bool) {
	if !p.nonExhaustiveLead.may(s, i) || !atWordStart(s, i) { // the cheaper check first
		return 0, false
	}
	_, e, ok := p.nonExhaustive.match(s, i)
	return e, ok
}

// Rank matches a military or police rank written before a name, with its
// article ("l’amiral", "le général de corps d’armée", "the rear
// admiral") at byte i, and returns where the rank ends: "le chef
// d’état-major de la marine, l’amiral Nicolas Vaujour" names the chief.
func (p *Pack) Rank(s string, i int) (end int, ok bool) {
	if !atWordStart(s, i) {
		return 0, false
	}
	j := p.afterRoleArticle(s, i)
	if _, e, ok := p.ranks.match(s, j); ok {
		return e, true
	}
	return 0, false
}
