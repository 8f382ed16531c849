package lang

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold returns a comparison key: NFC, every hyphen form (- U+2010 U+2011)
// as "-", every apostrophe form (' U+2019 U+02BC) as "'", and no-break,
// narrow no-break, thin and figure spaces as " ". Case is kept: callers
// decide how much case matters.
func Fold(s string) string {
	if asciiOrLatin1(s) {
		// NFC composes nothing without a combining mark, and Fold maps
		// none of these runes: most words, French ones too, need no copy.
		return s
	}
	return strings.Map(foldKeyRune, norm.NFC.String(s))
}

func foldKeyRune(r rune) rune {
	switch r {
	case '\u00a0', '\u202f', '\u2009', '\u2007':
		return ' '
	}
	return foldPunct(r)
}

// foldPunct maps hyphen and apostrophe variants to their ASCII forms.
func foldPunct(r rune) rune {
	switch r {
	case '\u2010', '\u2011':
		return '-'
	case '\u2019', '\u02bc':
		return '\''
	}
	return r
}

// foldMatch is the per-rune folding used by matchers: like Fold, and any
// white space (including line breaks) counts as " ".
func foldMatch(r rune) rune {
	if unicode.IsSpace(r) {
		return ' '
	}
	return foldPunct(r)
}

// StripDiacritics removes combining marks: "Émirats" → "Emirats".
func StripDiacritics(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s // nothing to strip: the common case, and no transformer
	}
	// A transformer carries state: one per goroutine at a time, from a
	// pool, since building the chain cost more than the stripping.
	t := stripPool.Get().(transform.Transformer)
	defer stripPool.Put(t)
	out, _, err := transform.String(t, s) // String resets t first
	if err != nil {
		return s
	}
	return out
}

var stripPool = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

func isHyphen(r rune) bool     { return r == '-' || r == '\u2010' || r == '\u2011' }
func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u02bc' }
func isMark(r rune) bool       { return unicode.In(r, unicode.Mn, unicode.Mc) }

// isWordRune: letters, digits and combining marks (so NFD text stays whole).
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || (r >= 0x300 && isMark(r))
}

func isLetterOrMark(r rune) bool { return unicode.IsLetter(r) || (r >= 0x300 && isMark(r)) }

// isHSpace: spaces that may sit inside a line (not line breaks).
func isHSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\u2007'
}

func runeAt(s string, i int) (rune, int) {
	if i < 0 || i >= len(s) {
		return utf8.RuneError, 0
	}
	if s[i] < utf8.RuneSelf {
		return rune(s[i]), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// spaceEnd is the end of the run of white space at i (i when there is none).
func spaceEnd(s string, i int) int {
	for i < len(s) {
		r, n := runeAt(s, i)
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

func runeBefore(s string, i int) (rune, int) {
	if i <= 0 || i > len(s) {
		return utf8.RuneError, 0
	}
	if s[i-1] < utf8.RuneSelf {
		return rune(s[i-1]), 1
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

// atWordStart reports whether byte i begins a word: the previous rune is
// not part of a word, and i is not the tail of a hyphenated compound
// ("Pont-Neuf" at "Neuf").
func atWordStart(s string, i int) bool {
	if i < 0 || i >= len(s) || !utf8.RuneStart(s[i]) {
		return false
	}
	r, n := runeBefore(s, i)
	if n == 0 {
		return true
	}
	if isWordRuneQuick(r) { // "l’" before "OTAN": a table, not unicode's searches
		return false
	}
	if isHyphen(r) {
		r2, _ := runeBefore(s, i-n)
		return !isWordRuneQuick(r2)
	}
	return true
}

// readFolded decodes the rune at j for matching, composing a following
// combining sequence (NFD input) into one rune when NFC allows it.
func readFolded(s string, j int) (rune, int) {
	// ASCII not followed by a combining mark (U+0300 and above: lead byte
	// 0xCC or more) is the common case and needs no decoding.
	if j >= 0 && j < len(s) && s[j] < utf8.RuneSelf && (j+1 == len(s) || s[j+1] < 0xCC) {
		c := s[j]
		if c == ' ' || '\t' <= c && c <= '\r' {
			return ' ', 1
		}
		return rune(c), 1
	}
	r, n := runeAt(s, j)
	if n == 0 {
		return r, 0
	}
	if j+n < len(s) {
		if r2, _ := runeAt(s, j+n); r2 >= 0x300 && isMark(r2) {
			seg := norm.NFC.NextBoundaryInString(s[j:], true)
			if seg > 0 {
				c := norm.NFC.String(s[j : j+seg])
				if cr, cn := utf8.DecodeRuneInString(c); cn == len(c) {
					return foldMatch(cr), seg
				}
			}
		}
	}
	return foldMatch(r), n
}

// Case modes for phraseSet.
const (
	caseExact = iota // every rune as written (honorifics: "Me" ≠ "me")
	caseFirst        // first rune may be capitalised in the text ("The United States")
	caseAll          // case-insensitive throughout
)

type phrase struct {
	runes []rune
	val   int
	// exact: every rune after the first is its own trie key, so that a
	// walk down the trie has compared them as try would.
	exact bool
}

// phraseSet matches the longest listed phrase at an offset. Phrases are
// folded (Fold); a space in a phrase matches any run of white space.
type phraseSet struct {
	mode          int
	noHyphenAfter bool // a match followed by "-letter" is part of a compound: reject
	// The phrases in a trie of matching keys (one level per rune), so
	// that match walks the text once instead of trying every phrase that
	// shares a first letter (hundreds of French speech verbs start with
	// "a "). Nodes live in one slice; each node's children are a block of
	// kids, sorted by key, that child searches without chasing links
	// (Country and Role call it at every word).
	nodes []trieNode
	kids  []trieKid
	// rootASCII is the root's children for ASCII keys (0: none), the
	// root being the one node with many; it is consulted at every word.
	rootASCII [128]int32
	// chains holds the bytes of the nodes' chains, set by seal.
	chains string
}

type trieNode struct {
	// The fields a walk reads come first, in as few cache lines as may be.
	key rune
	// child is the last child added; 0 is none (the root is no one's
	// child). A node with one child, as most have, needs no more: its
	// key is childKey, so that a walk down a chain of single children
	// (the tail of nearly every phrase) reads one node per key.
	child    int32
	childKey rune
	// With two children or more, kids[first:first+nkids] are the children
	// sorted by key. A block has room for the next power of two of nkids:
	// adding to a full one moves it to the end of kids with twice the room,
	// so that building stays linear.
	first, nkids int32
	ends         []phrase // phrases ending here, in the order added
	// sibling links the children from child in the order added, for walks
	// over the whole trie (startKeys).
	sibling int32
	// A chain (see seal): ps.chains[chainAt:chainAt+chainLen] are the keys
	// of the single-child path below this node, as the text bytes that
	// plainKey reads as those keys; chainEnd is the node it leads to.
	chainAt, chainLen, chainEnd int32
}

type trieKid struct {
	key  rune
	node int32
}

// child returns the node under n for key, or -1.
func (ps *phraseSet) child(n int32, key rune) int32 {
	if n == 0 && key >= 0 && key < 128 {
		if c := ps.rootASCII[key]; c > 0 {
			return c
		}
		return -1
	}
	nd := &ps.nodes[n]
	if nd.nkids < 2 {
		if c := nd.child; c != 0 && nd.childKey == key {
			return c
		}
		return -1
	}
	kids := ps.kids[nd.first : nd.first+nd.nkids]
	if len(kids) <= 8 {
		// Most blocks hold two or three: a scan beats a search.
		for _, k := range kids {
			if k.key >= key {
				if k.key == key {
					return k.node
				}
				break
			}
		}
		return -1
	}
	lo, hi := 0, len(kids)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if kids[m].key < key {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(kids) && kids[lo].key == key {
		return kids[lo].node
	}
	return -1
}

// addChild makes a new node the child of n for key, which n has not.
func (ps *phraseSet) addChild(n int32, key rune) int32 {
	c := int32(len(ps.nodes))
	ps.nodes = append(ps.nodes, trieNode{key: key, sibling: ps.nodes[n].child})
	nd := &ps.nodes[n]
	only := nd.child
	nd.child, nd.childKey = c, key
	if n == 0 && key >= 0 && key < 128 {
		ps.rootASCII[key] = c
	}
	switch {
	case nd.nkids == 0:
		nd.nkids = 1
		return c
	case nd.nkids == 1: // a second child: the first block, room for two
		if ps.kids == nil {
			// About one node in three has a block: size the blocks from
			// the nodes the builder made room for, to grow them rarely.
			ps.kids = make([]trieKid, 0, cap(ps.nodes)/2)
		}
		nd.first = int32(len(ps.kids))
		ps.kids = append(ps.kids, trieKid{ps.nodes[only].key, only}, trieKid{})
	case nd.nkids&(nd.nkids-1) == 0: // full: move
		first := int32(len(ps.kids))
		ps.kids = append(ps.kids, ps.kids[nd.first:nd.first+nd.nkids]...)
		ps.kids = append(ps.kids, make([]trieKid, nd.nkids)...)
		nd.first = first
	}
	kids := ps.kids[nd.first : nd.first+nd.nkids+1]
	at := len(kids) - 1
	for at > 0 && kids[at-1].key > key {
		kids[at] = kids[at-1]
		at--
	}
	kids[at] = trieKid{key, c}
	nd.nkids++
	return c
}

func newPhraseSet(mode int, noHyphenAfter bool) *phraseSet {
	return &phraseSet{mode: mode, noHyphenAfter: noHyphenAfter, nodes: make([]trieNode, 1, 64)}
}

// key is the trie key of rune r at position k of a phrase, or of the text
// at that place: case-folded where try compares without case (the first
// rune always, since caseFirst lets it be capitalised).
func (ps *phraseSet) key(r rune, k int) rune {
	if k == 0 || ps.mode == caseAll {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			return r
		}
		return unicode.ToLower(r)
	}
	return r
}

func (ps *phraseSet) add(text string, val int) {
	t := Fold(strings.TrimSpace(text))
	if ps.mode == caseAll {
		t = strings.ToLower(t)
	}
	ps.addFolded(t, val)
}

// addFolded adds a phrase already trimmed and folded as add folds it
// (lower-cased too in caseAll mode), for packs that generate many phrases
// from a few folded parts.
func (ps *phraseSet) addFolded(t string, val int) {
	if ps.chains != "" {
		panic("lang: phrase added to a sealed phraseSet") // its chains would skip it
	}
	rs := make([]rune, 0, utf8.RuneCountInString(t))
	for _, r := range t {
		r = foldMatch(r)
		if r == ' ' && len(rs) > 0 && rs[len(rs)-1] == ' ' {
			continue
		}
		rs = append(rs, r)
	}
	if len(rs) == 0 {
		return
	}
	node := int32(0)
	for k, r := range rs {
		key := ps.key(r, k)
		next := ps.child(node, key)
		if next < 0 {
			next = ps.addChild(node, key)
		}
		node = next
	}
	for _, p := range ps.nodes[node].ends {
		if string(p.runes) == string(rs) {
			return // first registration wins
		}
	}
	exact := true
	for k, r := range rs[1:] {
		exact = exact && ps.key(r, k+1) == r
	}
	ps.nodes[node].ends = append(ps.nodes[node].ends, phrase{runes: rs, val: val, exact: exact})
}

// seal is called once the set is built: it gives the first node of each
// path of single children (most of a phrase's tail: "-herzégovine" once
// "bosnie" is read) a chain, the path's keys as text bytes, so that match
// compares them at once instead of stepping down the trie a rune at a
// time. A chain holds only keys that plainKey reads from the same bytes
// (lower-case ASCII and Latin-1 letters), and runs to the first node where
// a phrase ends or the path branches, which the walk must see.
func (ps *phraseSet) seal() {
	var chains []byte
	inner := make([]bool, len(ps.nodes)) // inside a chain begun above
	for n := range ps.nodes {
		if inner[n] || ps.nodes[n].nkids != 1 {
			continue
		}
		at, end := len(chains), int32(0)
		for c := ps.nodes[n].child; ; c = ps.nodes[c].child {
			key := ps.nodes[c].key
			if !('a' <= key && key <= 'z' || 0xE0 <= key && key <= 0xFF) {
				break
			}
			chains = utf8.AppendRune(chains, key)
			end = c
			if len(ps.nodes[c].ends) > 0 || ps.nodes[c].nkids != 1 {
				break
			}
			inner[c] = true
		}
		if utf8.RuneCount(chains[at:]) < 2 { // one key: the plain step is as cheap
			chains = chains[:at]
			continue
		}
		nd := &ps.nodes[n]
		nd.chainAt, nd.chainLen, nd.chainEnd = int32(at), int32(len(chains)-at), end
	}
	ps.chains = string(chains)
}

// match returns the value and end of the longest phrase starting at i.
func (ps *phraseSet) match(s string, i int) (val int, end int, ok bool) {
	if i < 0 || i >= len(s) {
		return 0, 0, false
	}
	// Walk the text down the trie, keeping the nodes where phrases end
	// and where they end in the text; then check them deepest (longest)
	// first. The walk compared every key, so what is left to check is the
	// first rune's case (the walk lowered it) and the word boundary after
	// the phrase; a phrase whose keys are not its own runes (exact) is
	// checked whole by try.
	type hit struct {
		node int32
		end  int
	}
	var buf [8]hit
	found := buf[:0]
	nodes := ps.nodes
	node := int32(0)
	for j, k := i, 0; j < len(s); k++ {
		nd := &nodes[node]
		if nd.chainLen > 0 {
			// The chain's bytes, with no mark after them to compose, are
			// the keys the steps below would read (see seal); k only
			// tells the first rune from the others.
			if e := j + int(nd.chainLen); e <= len(s) && s[j:e] == ps.chains[nd.chainAt:nd.chainAt+nd.chainLen] && (e == len(s) || s[e] < 0xCC) {
				j, node = e, nd.chainEnd
				if len(nodes[node].ends) > 0 {
					found = append(found, hit{node, j})
				}
				continue
			}
		}
		key, n, plain := plainKey(s, j)
		if !plain {
			key, n, plain = asciiKey(s, j, k == 0 || ps.mode == caseAll)
		}
		if !plain {
			key, n = ps.keyAt(s, j, k)
		}
		// child, without its call for the root's ASCII keys, for a node
		// of one child (nearly every node of a phrase's tail) and for a
		// small block of children.
		next := int32(-1)
		switch {
		case node == 0 && key < utf8.RuneSelf:
			if c := ps.rootASCII[key]; c > 0 {
				next = c
			}
		case node != 0 && nd.nkids < 2:
			if nd.childKey == key && nd.child != 0 {
				next = nd.child
			}
		case node != 0 && nd.nkids <= 8:
			for _, kid := range ps.kids[nd.first : nd.first+nd.nkids] {
				if kid.key >= key {
					if kid.key == key {
						next = kid.node
					}
					break
				}
			}
		default:
			next = ps.child(node, key)
		}
		if next < 0 {
			break
		}
		j += n
		if key == ' ' {
			j = skipFoldedSpace(s, j)
		}
		node = next
		if len(nodes[node].ends) > 0 {
			found = append(found, hit{node, j})
		}
	}
	if len(found) == 0 {
		return 0, 0, false
	}
	first, _ := readFolded(s, i)
	for f := len(found) - 1; f >= 0; f-- {
		for _, ph := range nodes[found[f].node].ends {
			if !ph.exact {
				if e, ok := ps.try(ph.runes, s, i); ok {
					return ph.val, e, true
				}
				continue
			}
			if ps.firstRuneOK(first, ph.runes[0]) && ps.boundaryOK(ph.runes, s, found[f].end) {
				return ph.val, found[f].end, true
			}
		}
	}
	return 0, 0, false
}

// firstRuneOK is try's comparison of the text's first rune r with the
// phrase's first rune.
func (ps *phraseSet) firstRuneOK(r, want rune) bool {
	return r == want || (ps.mode == caseAll || ps.mode == caseFirst) && unicode.ToLower(r) == want
}

// boundaryOK is try's check at the end j of a phrase in s: a phrase ending
// in a letter or digit does not end inside a word (nor, with
// noHyphenAfter, before "-letter").
func (ps *phraseSet) boundaryOK(pr []rune, s string, j int) bool {
	if j < len(s) && s[j] < utf8.RuneSelf && !asciiLetter(s[j]) && (s[j] < '0' || s[j] > '9') && s[j] != '-' {
		return true // ASCII that is no word rune nor hyphen: the phrase ends here
	}
	last := pr[len(pr)-1]
	if unicode.IsLetter(last) || unicode.IsDigit(last) {
		next, n := runeAt(s, j)
		if n > 0 && isWordRuneQuick(next) {
			return false
		}
		if ps.noHyphenAfter && n > 0 && isHyphen(next) {
			if r2, _ := runeAt(s, j+n); isWordRuneQuick(r2) {
				return false
			}
		}
	}
	return true
}

func (ps *phraseSet) try(pr []rune, s string, i int) (int, bool) {
	j := i
	for k, want := range pr {
		if j >= len(s) {
			return 0, false
		}
		r, n := readFolded(s, j)
		if want == ' ' {
			if r != ' ' {
				return 0, false
			}
			for j < len(s) {
				r, n = readFolded(s, j)
				if r != ' ' {
					break
				}
				j += n
			}
			continue
		}
		switch {
		case r == want:
		case ps.mode == caseAll && unicode.ToLower(r) == want:
		case ps.mode == caseFirst && k == 0 && unicode.ToLower(r) == want:
		default:
			return 0, false
		}
		j += n
	}
	if !ps.boundaryOK(pr, s, j) {
		return 0, false
	}
	return j, true
}
