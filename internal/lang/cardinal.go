package lang

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// numberData mirrors the "numbers" object of the data files. The grammar
// (units, tens, hundreds, thousands) is shared; these switches capture how
// French and English differ.
type numberData struct {
	Units           map[string]int `json:"units"`           // 0–19, including hyphenated "dix-sept"
	Tens            map[string]int `json:"tens"`            // 20–90, including "quatre-vingt(s)"
	TensTakeTeens   []string       `json:"tensTakeTeens"`   // tens followed by 10–19: soixante-dix-sept
	TensTerminal    []string       `json:"tensTerminal"`    // tens that take nothing after: quatre-vingts
	TensUnitSpace   bool           `json:"tensUnitSpace"`   // "twenty one" as well as "twenty-one"
	And             string         `json:"and"`             // "et", "and"
	AndAfterTens    []int          `json:"andAfterTens"`    // units joined to tens by And: vingt et un, soixante et onze
	AndAfterHundred bool           `json:"andAfterHundred"` // one hundred and five
	Hundred         []string       `json:"hundred"`
	HundredPlural   []string       `json:"hundredPlural"` // deux cents: ends the hundreds group
	Thousand        []string       `json:"thousand"`
	BareMultiplier  bool           `json:"bareMultiplier"` // "cent", "mille" alone
	OneMultiplies   bool           `json:"oneMultiplies"`  // "one hundred" (en) but not "un cent" (fr)
	Articles        []string       `json:"articles"`       // "a hundred", "a thousand"
	Fixed           map[string]int `json:"fixed"`          // whole phrases: "a dozen"
	OrdinalWords    []string       `json:"ordinalWords"`   // "twenty first", "vingt et unième"
	OrdinalSuffixes []string       `json:"ordinalSuffixes"`
	GroupSeparators string         `json:"groupSeparators"` // thousands separators between 3-digit groups
}

type atomKind uint8

const (
	akUnknown atomKind = iota
	akUnit
	akTens
	akHundred
	akHundredPl
	akThousand
	akAnd
	akArticle
	akOrdinal
)

type atomInfo struct {
	kind      atomKind
	val       int
	takeTeens bool
	terminal  bool
}

type numberTables struct {
	atoms     map[string]atomInfo
	ordSuffix []string
	fixed     *phraseSet
	fixedVals []int
	lead      leadSet // the first letters of every number word and fixed phrase
	// starts holds the lower-cased first words (letters up to a hyphen) of
	// the number words a number can begin with and of the fixed phrases:
	// a word not in it is no number, without folding it for lexNumber.
	// nil when a fixed phrase has no plain first word to put there.
	starts map[string]bool
	// asciiStarts describes the ASCII keys of starts by first byte: bit n
	// of lens for a key of n bytes, bit b of last for one ending with b.
	// Most words fail this before any hashing.
	asciiStarts [128]struct{ lens, last [2]uint64 }
	// initials marks the ASCII letters, in both cases, that begin a key of
	// starts: Cardinal's first test, at every word.
	initials [128]bool
	// prefixes describes the first three bytes of the keys of starts, as
	// prefixClass, up to the first that is not an ASCII letter (then
	// prefixEnd): bit c of prefixes[a][b] for a key beginning a, b, c.
	// Cardinal's second test: on the French seed, 16 words of 677 pass both.
	prefixes [prefixClasses][prefixClasses]uint32
	// startHeads holds the other keys of starts up to their first
	// non-ASCII rune ("z" and 'é' for "zéro"): a handful at most.
	startHeads []startHead
	// leads is prefixes as CardinalMayStart reads it: indexed by the
	// leadClass of a word's first three bytes, digits let through.
	leads [32][32]uint32 // leadClasses rounded up: an index masked by 31 needs no bounds check
	// firsts tells the first bytes that CardinalMayStart lets through
	// when it cannot read three: a digit, an initial, a non-ASCII byte
	// but the lead byte of the Latin-1 letters ("à", "été") when no key
	// of starts begins with a non-ASCII rune.
	firsts     [256]bool
	groupSeps  string
	tensSpace  bool
	andTens    map[int]bool
	andHundred bool
	bare       bool
	oneMult    bool
}

func buildNumbers(d numberData) (numberTables, error) {
	t := numberTables{
		atoms:      map[string]atomInfo{},
		ordSuffix:  d.OrdinalSuffixes,
		fixed:      newPhraseSet(caseFirst, true),
		starts:     map[string]bool{},
		groupSeps:  d.GroupSeparators,
		tensSpace:  d.TensUnitSpace,
		andTens:    map[int]bool{},
		andHundred: d.AndAfterHundred,
		bare:       d.BareMultiplier,
		oneMult:    d.OneMultiplies,
	}
	put := func(w string, a atomInfo) error {
		k := Fold(w)
		if _, dup := t.atoms[k]; dup {
			return fmt.Errorf("number word %q listed twice", w)
		}
		t.atoms[k] = a
		t.lead.add(w)
		if a.canStart() {
			first, _, _ := strings.Cut(k, "-")
			t.addStart(first)
		}
		return nil
	}
	for w, v := range d.Units {
		if err := put(w, atomInfo{kind: akUnit, val: v}); err != nil {
			return t, err
		}
	}
	teens, term := stringSet(d.TensTakeTeens), stringSet(d.TensTerminal)
	for w, v := range d.Tens {
		k := Fold(w)
		if err := put(w, atomInfo{kind: akTens, val: v, takeTeens: teens[k], terminal: term[k]}); err != nil {
			return t, err
		}
	}
	lists := []struct {
		ws []string
		k  atomKind
	}{{d.Hundred, akHundred}, {d.HundredPlural, akHundredPl}, {d.Thousand, akThousand}, {d.Articles, akArticle}, {d.OrdinalWords, akOrdinal}}
	for _, l := range lists {
		for _, w := range l.ws {
			if err := put(w, atomInfo{kind: l.k}); err != nil {
				return t, err
			}
		}
	}
	if d.And != "" {
		if err := put(d.And, atomInfo{kind: akAnd}); err != nil {
			return t, err
		}
	}
	for _, v := range d.AndAfterTens {
		t.andTens[v] = true
	}
	for w, v := range d.Fixed {
		t.lead.add(w)
		t.addFixedStart(w)
		t.fixed.add(w, len(t.fixedVals))
		t.fixedVals = append(t.fixedVals, v)
	}
	t.fixed.seal()
	t.buildLeads()
	return t, nil
}

// buildLeads fills leads and firsts once starts is complete.
func (t *numberTables) buildLeads() {
	// A word that begins with a Latin-1 letter (lead byte 0xC3), with or
	// without marks after it, has a key that begins with that letter
	// lower-cased, never ASCII: no number begins there unless a key of
	// starts begins with a non-ASCII rune. Other non-ASCII initials may
	// lower-case to ASCII ('İ', the Kelvin sign): let them through.
	nonASCIIStart := t.prefixes[prefixOther][prefixEnd]&(1<<prefixEnd) != 0
	for c := range t.firsts {
		if c < utf8.RuneSelf {
			t.firsts[c] = t.starts == nil || '0' <= c && c <= '9' || t.initials[c]
		} else {
			t.firsts[c] = t.starts == nil || c != 0xC3 || nonASCIIStart
		}
	}
	for c0 := range uint8(leadClasses) {
		for c1 := range uint8(leadClasses) {
			t.leads[c0][c1] = t.leadRow(c0, c1)
		}
	}
}

// leadRow is row c0, c1 of leads (byte classes of leadClass): bit c2 is
// set when prefixes lets a word begin with classes c0, c1, c2 as
// mayBeginAt reads ASCII, where a digit is a non-letter and the word
// ends at its first non-letter; a digit first is always let through
// (Cardinal reads digits). One row at a time: the pack is built per
// process, and bit by bit cost half a millisecond.
func (t *numberTables) leadRow(c0, c1 uint8) uint32 {
	const all = 1<<leadClasses - 1
	if t.starts == nil || c0 == leadDigit {
		return all
	}
	if c0 == prefixEnd || c1 == leadDigit {
		c1 = prefixEnd // the word has ended
	}
	row := t.prefixes[c0][c1]
	ended := row&(1<<prefixEnd) != 0
	if c1 == prefixEnd { // the third byte is past the word's end too
		if ended {
			return all
		}
		return 0
	}
	if ended {
		row |= 1 << leadDigit // a digit third ends the word
	}
	return row
}

// leadClass is prefixClass with the digits apart (a byte indexes it
// without a bounds check).
var leadClass = func() (c [256]uint8) {
	for b := range c {
		c[b] = prefixClass[b]
		if '0' <= b && b <= '9' {
			c[b] = leadDigit
		}
	}
	return c
}()

const (
	leadDigit   = prefixClasses // an ASCII digit: Cardinal reads digits
	leadClasses = prefixClasses + 1
)

// CardinalMayStart is a pre-check for callers that try Cardinal at every
// word, small enough to be inlined: false only when Cardinal(s, i) fails.
// It reads the first three bytes at i when they are ASCII and no
// combining mark follows them, as Cardinal's first tests do (see
// mayBeginAt), else only the first byte, and lets any other word through.
func (p *Pack) CardinalMayStart(s string, i int) bool {
	if i < 0 || i+3 >= len(s) {
		return true
	}
	w := s[i : i+4] // one bounds check
	if w[0]|w[1]|w[2] >= utf8.RuneSelf || w[3] >= 0xCC {
		return p.num.firsts[w[0]]
	}
	// Classes are below 32: the mask only spares a bounds check.
	return p.num.leads[leadClass[w[0]]&31][leadClass[w[1]]]&(1<<leadClass[w[2]]) != 0
}

// canStart reports whether a number can begin with an atom of this kind
// (see parseFull and below1000): not "et", an ordinal or "cents".
func (a atomInfo) canStart() bool {
	switch a.kind {
	case akUnit, akTens, akHundred, akThousand, akArticle:
		return true
	}
	return false
}

// addFixedStart puts the first word of fixed phrase w in starts. Only a
// first word of ASCII letters is certain to be read as the text's word is
// (see mayStart); any other turns the filter off.
func (t *numberTables) addFixedStart(w string) {
	first, _, _ := strings.Cut(Fold(strings.TrimSpace(w)), " ")
	for i := 0; i < len(first); i++ {
		if !asciiLetter(first[i]) {
			first = ""
			break
		}
	}
	if first == "" {
		t.starts = nil
	} else {
		t.addStart(first)
	}
}

// startHead is the beginning of a key of starts up to its first non-ASCII
// rune r.
type startHead struct {
	ascii string
	r     rune
}

func (t *numberTables) addStart(w string) {
	if t.starts == nil || w == "" {
		return // no filter, or a word that lexNumber never reads first
	}
	w = strings.ToLower(w)
	t.starts[w] = true
	t.addPrefix(w)
	if c := w[0]; c < utf8.RuneSelf {
		t.initials[c] = true
		t.initials[unicode.ToUpper(rune(c))] = true
	} else {
		// Its first letter may be written decomposed, an ASCII letter
		// and a combining mark: any ASCII initial may be its.
		for c := range t.initials {
			t.initials[c] = true
		}
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			r, _ := utf8.DecodeRuneInString(w[i:])
			t.startHeads = append(t.startHeads, startHead{w[:i], r})
			return
		}
	}
	if n := len(w); n < 128 {
		a := &t.asciiStarts[w[0]]
		a.lens[n/64] |= 1 << (n % 64)
		a.last[w[n-1]/64] |= 1 << (w[n-1] % 64)
	}
}

// prefixClass numbers the bytes for prefixes: the ASCII letters without
// case 0–25, then prefixEnd for any other ASCII byte, where a word ends,
// and prefixOther for the bytes of other runes.
var prefixClass = func() (c [256]uint8) {
	for b := range c {
		switch l := asciiLower(byte(b)); {
		case 'a' <= l && l <= 'z':
			c[b] = l - 'a'
		case b < utf8.RuneSelf:
			c[b] = prefixEnd
		default:
			c[b] = prefixOther
		}
	}
	return c
}()

const (
	prefixEnd     = 26 // the word ends before: an ASCII non-letter, ’, or the end of the text
	prefixOther   = 27 // a non-ASCII rune: a Latin-1 letter in a word
	prefixClasses = 28
)

// addPrefix puts in prefixes the first three bytes of key w, lower-cased,
// up to its first byte that is not an ASCII letter.
func (t *numberTables) addPrefix(w string) {
	cls := [3]uint8{prefixEnd, prefixEnd, prefixEnd}
	for k := 0; k < len(w) && k < len(cls); k++ {
		if cls[k] = prefixClass[w[k]]; cls[k] >= prefixEnd {
			break
		}
	}
	t.prefixes[cls[0]][cls[1]] |= 1 << cls[2]
}

// mayBeginAt is false only when no key of starts begins as the word at
// s[i] does (see prefixes), so no number spelled out begins there. It
// reads the word's first three bytes up to one that is not an ASCII
// letter, where folding leaves them as they are: not before a combining
// mark (lead byte 0xCC and above), which would compose with them. A
// Latin-1 letter stays a non-ASCII rune, and ’ ends a word as an ASCII
// apostrophe does. Any other word is let through.
func (t *numberTables) mayBeginAt(s string, i int) bool {
	if i+3 < len(s) && s[i] < utf8.RuneSelf && s[i+1] < utf8.RuneSelf && s[i+2] < utf8.RuneSelf && s[i+3] < 0xCC {
		// Most words: ASCII up to their fourth byte, no mark after.
		c0, c1, c2 := prefixClass[s[i]], prefixClass[s[i+1]], prefixClass[s[i+2]]
		if c0 == prefixEnd {
			c1 = prefixEnd
		}
		if c1 == prefixEnd {
			c2 = prefixEnd
		}
		return t.prefixes[c0][c1]&(1<<c2) != 0
	}
	cls := [3]uint8{prefixEnd, prefixEnd, prefixEnd}
	for k := 0; k < len(cls) && i+k < len(s); k++ {
		j := i + k
		c := prefixClass[s[j]]
		switch {
		case c == prefixEnd:
		case c < prefixEnd:
			if j+1 < len(s) && s[j+1] >= 0xCC && !strings.HasPrefix(s[j+1:], "’") {
				return true
			}
		case strings.HasPrefix(s[j:], "’"):
			c = prefixEnd
		case s[j] == 0xC3 && j+1 < len(s) && 0x80 <= s[j+1] && s[j+1] <= 0xBF && s[j+1] != 0x97 && s[j+1] != 0xB7 &&
			(j+2 == len(s) || s[j+2] < 0xCC):
			// U+00C0–U+00FF but × and ÷, not followed by a mark.
		default:
			return true
		}
		if cls[k] = c; c >= prefixEnd {
			break
		}
	}
	return t.prefixes[cls[0]][cls[1]]&(1<<cls[2]) != 0
}

// mayStart is false only when no number can begin with the word at s[i]:
// lexNumber's first key, lowerFirst(Fold(word)), lower-cased is
// ToLower(Fold(word)), which must then be in starts.
func (t *numberTables) mayStart(s string, i int) bool {
	if t.starts == nil {
		return true
	}
	// Most words are ASCII letters up to a space, a punctuation mark, an
	// apostrophe or a hyphen, or have a Latin-1 letter ("réunion", "à"):
	// read those here. Others go through appendLowerFold, which lets
	// through words it cannot fold cheaply.
	const maxLen = 32 // longer than any number word: let lexNumber say
	j := i
	for j < len(s) && asciiLetter(s[j]) {
		if j++; j-i > maxLen {
			return true
		}
	}
	r, n := utf8.RuneError, 0
	if j < len(s) {
		r, n = rune(s[j]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[j:])
		}
	}
	switch {
	case n == 0 || r < utf8.RuneSelf || r == '\u2019' || isHSpace(r) || isHyphen(r):
		// The word is s[i:j] (scanLetters would stop here too: U+02BC,
		// the other apostrophe, is a letter).
		if j == i {
			return false
		}
		a := &t.asciiStarts[asciiLower(s[i])]
		n, last := j-i, asciiLower(s[j-1])
		if a.lens[n/64]&(1<<(n%64)) == 0 || a.last[last/64]&(1<<(last%64)) == 0 {
			return false
		}
		var buf [maxLen]byte
		for k := i; k < j; k++ {
			buf[k-i] = asciiLower(s[k])
		}
		return t.starts[string(buf[:n])]
	case r >= 0xC0 && r <= 0xFF && r != 0xD7 && r != 0xF7 && (j+n == len(s) || s[j+n] < 0xCC):
		// A Latin-1 letter, which NFC keeps as it is when no combining
		// mark (U+0300 and above) follows: the key begins with the
		// letters before it and it, lower-cased (À-Þ are 32 below their
		// lower case).
		if r <= 0xDE {
			r += 0x20
		}
		for _, h := range t.startHeads {
			if h.r == r && len(h.ascii) == j-i && strings.EqualFold(h.ascii, s[i:j]) {
				return true
			}
		}
		return false
	}
	w := s[i:scanLetters(s, i)]
	if len(w) > maxLen {
		return true
	}
	var buf [2 * maxLen]byte
	f, ok := appendLowerFold(buf[:0], w)
	return !ok || t.starts[string(f)]
}

func asciiLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// Cardinal parses the longest cardinal number starting exactly at byte i of
// s, spelled out (0–999 999) or in digits, and returns its value and end.
//
// Digits: French groups thousands with a space, U+00A0 or U+202F, English
// with ","; a group must have exactly three digits. Decimals ("1,5", "3.5")
// and ordinals ("1er", "21st", "vingt et unième", "twenty-first") are not
// cardinals. A word that is the tail or head of a hyphenated compound whose
// other parts are not number words ("Pont-Neuf", "mille-feuille") is not a
// cardinal. "un"/"une"/"one" are returned as 1: deciding whether they are
// articles is the caller's job. Only the first letter may be capitalised.
func (p *Pack) Cardinal(s string, i int) (value int, end int, ok bool) {
	if i < 0 || i >= len(s) {
		return 0, 0, false
	}
	if c := s[i]; c >= '0' && c <= '9' {
		if !atWordStart(s, i) {
			return 0, 0, false
		}
		return p.cardinalDigits(s, i)
	}
	// Rules try nearly every word: the cheapest tests first, here, in a
	// function with a small frame.
	if c := s[i]; p.num.starts != nil && (c < utf8.RuneSelf && !p.num.initials[c] || !p.num.mayBeginAt(s, i)) {
		return 0, 0, false // see mayStart
	}
	return p.cardinalWords(s, i)
}

// cardinalWords is Cardinal for a number spelled out.
func (p *Pack) cardinalWords(s string, i int) (value int, end int, ok bool) {
	if !p.num.lead.may(s, i) || !p.num.mayStart(s, i) || !atWordStart(s, i) {
		return 0, 0, false // most words: no number word starts with their first letters
	}
	if r, _ := runeAt(s, i); !unicode.IsLetter(r) {
		return 0, 0, false
	}
	if v, e, ok := p.num.fixed.match(s, i); ok {
		return p.num.fixedVals[v], e, true
	}
	var buf [8]numAtom // most numbers are a few words: no allocation
	atoms := p.lexNumber(s, i, buf[:0])
	v, k, ok := p.num.parseFull(atoms)
	if !ok {
		return 0, 0, false
	}
	end = atoms[k-1].end
	if nr, n := runeAt(s, end); isHyphen(nr) {
		if r2, _ := runeAt(s, end+n); isWordRune(r2) {
			return 0, 0, false // "mille-feuille", "vingt-deuxième"
		}
	}
	if atoms[k-1].kind == akTens && k < len(atoms) {
		next := k
		if atoms[next].kind == akAnd && next+1 < len(atoms) {
			next++
		}
		if p.num.isOrdinal(atoms[next]) {
			return 0, 0, false // "vingt et unième", "twenty first"
		}
	}
	return v, end, true
}

func (p *Pack) cardinalDigits(s string, i int) (int, int, bool) {
	if r, n := runeBefore(s, i); r == '.' || r == ',' {
		if r2, _ := runeBefore(s, i-n); r2 >= '0' && r2 <= '9' {
			return 0, 0, false // fractional part of "1,5"
		}
	}
	j, integer := p.scanNumberGrouped(s, i)
	if !integer {
		return 0, 0, false // decimal or foreign grouping: "1,5", "3.5", "1.000"
	}
	v, digits := 0, 0
	for k := i; k < j; k++ {
		if c := s[k]; c >= '0' && c <= '9' {
			if digits++; digits > 15 {
				return 0, 0, false // beyond any count a rule cares about
			}
			v = v*10 + int(c-'0')
		}
	}
	if r, _ := runeAt(s, j); isLetterOrMark(r) {
		return 0, 0, false // ordinal or unit glued on: "1er", "21st", "2e"
	}
	return v, j, true
}

type numAtom struct {
	atomInfo
	sep        rune // separator before this atom: '-', ' ' (0 for the first)
	start, end int
}

// lexNumber reads consecutive words from i separated by a hyphen or
// horizontal space, stopping after the first word that is not a number word
// (kept so ordinal checks can see it). The atoms are appended to atoms.
func (p *Pack) lexNumber(s string, i int, atoms []numAtom) []numAtom {
	var sep rune
	j := i
	for len(atoms) < 32 {
		e := scanLetters(s, j)
		if e == j {
			break
		}
		key := lowerFirst(Fold(s[j:e]))
		// Greedily join hyphenated compounds that are themselves number
		// words ("dix-sept", "quatre-vingt").
		for {
			h, hn := runeAt(s, e)
			if !isHyphen(h) {
				break
			}
			e2 := scanLetters(s, e+hn)
			if e2 == e+hn {
				break
			}
			cand := key + "-" + Fold(s[e+hn:e2])
			if _, ok := p.num.atoms[cand]; !ok {
				break
			}
			key, e = cand, e2
		}
		info := p.num.atoms[key]
		if info.kind == akUnknown && p.num.hasOrdinalSuffix(key) {
			info.kind = akOrdinal
		}
		atoms = append(atoms, numAtom{atomInfo: info, sep: sep, start: j, end: e})
		if info.kind == akUnknown || info.kind == akOrdinal {
			break
		}
		r, n := runeAt(s, e)
		switch {
		case isHyphen(r):
			sep, j = '-', e+n
		case isHSpace(r):
			j = e + n
			for {
				r2, n2 := runeAt(s, j)
				if !isHSpace(r2) {
					break
				}
				j += n2
			}
			sep = ' '
		default:
			return atoms
		}
	}
	return atoms
}

func scanLetters(s string, j int) int {
	for j < len(s) {
		if c := s[j]; c < utf8.RuneSelf {
			// The ASCII letters are ASCII's only letters and marks.
			if !asciiLetter(c) {
				break
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if !isLetterOrMark(r) {
			break
		}
		j += n
	}
	return j
}

func lowerFirst(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if n == 0 || !unicode.IsUpper(r) {
		return w
	}
	return string(unicode.ToLower(r)) + w[n:]
}

func (t *numberTables) hasOrdinalSuffix(w string) bool {
	for _, suf := range t.ordSuffix {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			return true
		}
	}
	return false
}

func (t *numberTables) isOrdinal(a numAtom) bool { return a.kind == akOrdinal }

// parseFull: [below1000] thousand [and] [below1000] | below1000.
// It returns the value and the number of atoms consumed.
func (t *numberTables) parseFull(a []numAtom) (int, int, bool) {
	if len(a) == 0 {
		return 0, 0, false
	}
	var mult, k int
	switch {
	case a[0].kind == akThousand && t.bare:
		mult, k = 1, 0
	case a[0].kind == akArticle && len(a) > 1 && a[1].kind == akThousand:
		mult, k = 1, 1
	default:
		v, j, ok := t.below1000(a, 0)
		if !ok {
			return 0, 0, false
		}
		if j >= len(a) || a[j].kind != akThousand || v == 0 {
			return v, j, true
		}
		if v == 1 && j == 1 && !t.oneMult {
			return v, j, true // "un mille marin": not 1000
		}
		mult, k = v, j
	}
	total, j := mult*1000, k+1
	jj := j
	if t.andHundred && jj < len(a) && a[jj].kind == akAnd {
		jj++
	}
	if jj < len(a) {
		if v, e, ok := t.below1000(a, jj); ok && v > 0 {
			return total + v, e, true
		}
	}
	return total, j, true
}

// below1000: [mult] hundred [and] [below100] | below100.
func (t *numberTables) below1000(a []numAtom, k int) (int, int, bool) {
	mult, j := 0, k
	isH := func(x int) bool { return x < len(a) && (a[x].kind == akHundred || a[x].kind == akHundredPl) }
	switch {
	case isH(k) && t.bare && a[k].kind == akHundred:
		mult, j = 1, k+1
	case a[k].kind == akArticle && isH(k+1):
		mult, j = 1, k+2
	case a[k].kind == akUnit && a[k].val >= 1 && a[k].val <= 9 && isH(k+1):
		if a[k].val > 1 || t.oneMult {
			mult, j = a[k].val, k+2
		}
	}
	if mult == 0 {
		return t.below100(a, k)
	}
	v := mult * 100
	if a[j-1].kind == akHundredPl {
		if mult < 2 {
			return 0, 0, false
		}
		return v, j, true // "deux cents" closes the group
	}
	jj := j
	if t.andHundred && jj < len(a) && a[jj].kind == akAnd {
		jj++
	}
	if jj < len(a) {
		if r, e, ok := t.below100(a, jj); ok && r > 0 {
			return v + r, e, true
		}
	}
	return v, j, true
}

// below100: unit | tens [(-|space) unit] | tens and (1|11).
func (t *numberTables) below100(a []numAtom, k int) (int, int, bool) {
	if k >= len(a) {
		return 0, 0, false
	}
	switch a[k].kind {
	case akUnit:
		return a[k].val, k + 1, true
	case akTens:
	default:
		return 0, 0, false
	}
	v := a[k].val
	if a[k].terminal || k+1 >= len(a) {
		return v, k + 1, true
	}
	nx := a[k+1]
	if nx.kind == akAnd && k+2 < len(a) && a[k+2].kind == akUnit && t.andTens[a[k+2].val] {
		// "et onze" only after a tens word that takes teens (soixante et onze).
		if u := a[k+2].val; u < 10 || a[k].takeTeens {
			return v + u, k + 3, true
		}
	}
	if nx.kind == akUnit && (nx.sep == '-' || (t.tensSpace && nx.sep == ' ')) {
		u := nx.val
		if (u >= 1 && u <= 9) || (u >= 10 && u <= 19 && a[k].takeTeens) {
			return v + u, k + 2, true
		}
	}
	return v, k + 1, true
}
