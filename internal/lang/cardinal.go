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
	atoms      map[string]atomInfo
	ordSuffix  []string
	fixed      *phraseSet
	fixedVals  []int
	lead       leadSet // the first letters of every number word and fixed phrase
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
		t.fixed.add(w, len(t.fixedVals))
		t.fixedVals = append(t.fixedVals, v)
	}
	t.fixed.sort()
	return t, nil
}

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
	if !atWordStart(s, i) {
		return 0, 0, false
	}
	r, _ := runeAt(s, i)
	if r >= '0' && r <= '9' {
		return p.cardinalDigits(s, i)
	}
	if !unicode.IsLetter(r) || !p.num.lead.may(s, i) {
		return 0, 0, false // most words: no number word starts with their first letters
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
		r, n := runeAt(s, j)
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
