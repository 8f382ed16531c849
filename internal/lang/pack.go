// Package lang holds data-driven language packs (French, English) and the
// text mechanics that editorial rules build on: tokens, sentences, cardinal
// numbers, country names, quotations and speech attribution vocabulary.
//
// Word lists live in data/*.json (embedded); this code is only mechanism.
// All offsets are byte offsets into the string passed in. Rules built on this
// package favour precision over recall, so every matcher errs on the side of
// "no match" when text is ambiguous.
package lang

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed data/*.json data/*.tsv
var dataFS embed.FS

// Pack is the language data and text mechanics for one language.
// A Pack is immutable once built and safe for concurrent use.
type Pack struct {
	Tag string // "fr" or "en"

	d packData

	elisionParticles  map[string]bool
	elisionExcept     *phraseSet
	lazyElision       bool // see scanWord
	elidedParticles   elidedParticles
	abbrev            map[string]bool
	abbrevDigit       map[string]bool
	starters          map[string]bool
	num               numberTables
	countNouns        map[string]string
	nameNouns         map[string]string
	nounShapes        nounShapes      // of countNouns and nameNouns
	nouns             map[string]noun // countNouns and nameNouns, for CountOrNameNoun
	nonExhaustive     *phraseSet
	speech            *phraseSet
	speechLead        leadSet
	honorLead         leadSet
	honorUpper        bool    // every honorific starts with a capital (they match case-sensitively)
	roleLead          leadSet // roles and their articles
	roleOnlyLead      leadSet // roles without their articles
	countryLead       leadSet // countries and their articles
	countryNameLead   leadSet // countries without their articles
	countryArtLead    leadSet // the articles of countries
	countryRuns       runSet  // see CountryStarts
	nonExhaustiveLead leadSet
	speechLeads       map[string]bool // first words of the speech phrases of several words
	speechLeadsASCII  bool            // every key of speechLeads is ASCII
	honorifics        *phraseSet
	honorNeedCap      map[string]bool
	pronouns          map[string]bool
	roles             *phraseSet
	roleNames         []string
	roleArticles      *phraseSet
	ranks             *phraseSet
	finder            *prechecks // of Role, SpeechVerb and Honorific
	placeNouns        map[string]bool
	countryArticles   *phraseSet
	countries         *phraseSet
	countryCodes      []string
	units             map[string]bool
	mathVars          map[string]bool
}

// packData mirrors data/<tag>.json.
type packData struct {
	Tag               string              `json:"tag"`
	ElisionParticles  []string            `json:"elisionParticles"`
	ElisionExceptions []string            `json:"elisionExceptions"`
	Abbreviations     []string            `json:"abbreviations"`
	AbbrevBeforeDigit []string            `json:"abbreviationsBeforeDigit"`
	SentenceStarters  []string            `json:"sentenceStarters"`
	Numbers           numberData          `json:"numbers"`
	CountNouns        map[string][]string `json:"countNouns"`
	NameNouns         map[string][]string `json:"nameNouns"`
	NonExhaustive     []string            `json:"nonExhaustive"`
	Speech            speechData          `json:"speech"`
	Honorifics        []string            `json:"honorifics"`
	HonorificsNeedCap []string            `json:"honorificsNeedCapital"`
	SpeakerPronouns   []string            `json:"speakerPronouns"`
	RoleArticles      []string            `json:"roleArticles"`
	Ranks             []string            `json:"ranks"`
	PlaceNouns        []string            `json:"placeNouns"`
	Roles             map[string][]string `json:"roles"`
	CountryArticles   []string            `json:"countryArticles"`
	CountryExclude    []string            `json:"countryExclude"`
	Countries         map[string][]string `json:"countries"`
	Units             []string            `json:"units"`
	MathVariables     []string            `json:"mathVariables"`
	SpaceBefore       string              `json:"spaceBefore"`
	SpaceAfter        string              `json:"spaceAfter"`
}

// lazyPack builds one pack on first use; sync.Once also publishes p safely.
type lazyPack struct {
	once sync.Once
	p    *Pack
}

var packs = map[string]*lazyPack{"fr": {}, "en": {}}

// For returns the pack for a BCP 47 tag ("fr", "fr-BE", "fr_CA", "EN-gb").
// Only the primary language subtag is significant. Packs are built on first
// use so programs that never lint French pay nothing for it.
func For(tag string) (*Pack, bool) {
	primary := strings.ToLower(tag)
	if k := strings.IndexAny(primary, "-_"); k >= 0 {
		primary = primary[:k]
	}
	lp, ok := packs[primary]
	if !ok {
		return nil, false
	}
	lp.once.Do(func() {
		p, err := load(primary)
		if err != nil {
			// Embedded data is validated by the tests; failing here is a
			// build defect, not a runtime condition callers can handle.
			panic(fmt.Sprintf("lang: loading %s pack: %v", primary, err))
		}
		lp.p = p
	})
	return lp.p, true
}

func load(tag string) (*Pack, error) {
	raw, err := dataFS.ReadFile("data/" + tag + ".json")
	if err != nil {
		return nil, err
	}
	var d packData
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return nil, err
	}
	if d.Tag != tag {
		return nil, fmt.Errorf("data tag %q, want %q", d.Tag, tag)
	}
	p := &Pack{Tag: tag, d: d}
	p.elisionParticles = lowerSet(d.ElisionParticles)
	p.elisionExcept = newPhraseSet(caseAll, false)
	for _, w := range d.ElisionExceptions {
		p.elisionExcept.add(w, 0)
	}
	p.lazyElision = lettersApostropheLetters(d.ElisionExceptions)
	p.elidedParticles = newElidedParticles(p.elisionParticles, d.ElisionExceptions)
	p.abbrev = stringSet(d.Abbreviations)
	p.abbrevDigit = stringSet(d.AbbrevBeforeDigit)
	p.starters = stringSet(d.SentenceStarters)
	if p.num, err = buildNumbers(d.Numbers); err != nil {
		return nil, err
	}
	if p.countNouns, p.nameNouns, err = buildNouns(d.CountNouns, d.NameNouns, &p.nounShapes); err != nil {
		return nil, err
	}
	p.nouns = make(map[string]noun, len(p.countNouns)+len(p.nameNouns))
	for w, class := range p.nameNouns {
		p.nouns[w] = noun{class: class, name: true}
	}
	for w, class := range p.countNouns {
		p.nouns[w] = noun{class: class} // CountNoun answers first
	}
	p.nonExhaustive = newPhraseSet(caseAll, false)
	for _, w := range d.NonExhaustive {
		p.nonExhaustive.add(w, 0)
		p.nonExhaustiveLead.add(w)
	}
	p.buildSpeech()
	p.honorifics = newPhraseSet(caseExact, false)
	for _, w := range d.Honorifics {
		p.honorifics.add(w, 0)
		p.honorLead.add(w)
	}
	p.honorUpper = len(d.Honorifics) > 0
	for _, w := range d.Honorifics {
		if r, _ := utf8.DecodeRuneInString(Fold(strings.TrimSpace(w))); !unicode.IsUpper(r) {
			p.honorUpper = false
		}
	}
	p.honorNeedCap = stringSet(d.HonorificsNeedCap)
	p.pronouns = lowerSet(d.SpeakerPronouns)
	p.roles = newPhraseSet(caseAll, true)
	roleKeys := make([]string, 0, len(d.Roles))
	for role := range d.Roles {
		roleKeys = append(roleKeys, role)
	}
	sort.Strings(roleKeys) // deterministic winner when two roles share a form
	for _, role := range roleKeys {
		forms := d.Roles[role]
		p.roleNames = append(p.roleNames, role)
		for _, f := range forms {
			p.roles.add(f, len(p.roleNames)-1)
			p.roleLead.add(f)
			p.roleOnlyLead.add(f)
		}
		p.roles.add(role, len(p.roleNames)-1)
		p.roleLead.add(role)
		p.roleOnlyLead.add(role)
	}
	p.roleArticles = newPhraseSet(caseFirst, false)
	for _, a := range d.RoleArticles {
		p.roleArticles.add(a, 0)
		p.roleLead.add(a)
	}
	if err := p.buildCountries(); err != nil {
		return nil, err
	}
	p.units = stringSet(d.Units)
	p.mathVars = stringSet(d.MathVariables)
	p.roles.seal()
	p.roleArticles.seal()
	p.placeNouns = lowerSet(d.PlaceNouns)
	p.ranks = newPhraseSet(caseAll, true)
	for _, r := range d.Ranks {
		p.ranks.add(r, 0)
	}
	p.nonExhaustive.seal()
	p.honorifics.seal()
	p.elisionExcept.seal()
	p.finder = &prechecks{p: p, roles: newStartKeys(p.roles), speech: newStartKeys(p.speech),
		honorifics: newStartKeys(p.honorifics)}
	return p, nil
}

func stringSet(ws []string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[Fold(w)] = true
	}
	return m
}

func lowerSet(ws []string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[lowerKey(w)] = true
	}
	return m
}

// lowerKey is the lookup key for single words compared case-insensitively.
func lowerKey(w string) string { return LowerFold(w) }

// LowerFold is strings.ToLower(Fold(w)), the key of case-insensitive word
// lookups, computed without the normaliser for the words that cannot need
// it (see appendLowerFold): nearly every French and English word.
func LowerFold(w string) string {
	var buf [64]byte
	if len(w) <= len(buf)/2 {
		if b, ok := appendLowerFold(buf[:0], w); ok {
			if string(b) == w {
				return w
			}
			return string(b)
		}
	}
	return strings.ToLower(Fold(w))
}

// PackASCIILower packs an ASCII word of up to 8 bytes, lower-cased, into
// an integer, so that rules can look short words up in integer tables
// instead of hashing strings (words hold no NUL byte: distinct lower-case
// words, distinct keys); ok is false for longer words and non-ASCII ones.
func PackASCIILower(w string) (key uint64, ok bool) {
	if len(w) > 8 {
		return 0, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return 0, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		key |= uint64(c) << (8 * i)
	}
	return key, true
}

// LookupFold is m[LowerFold(w)] without allocating the key for the words
// that take the fast path (the map index of a converted byte slice does
// not allocate).
func LookupFold[V any](m map[string]V, w string) (V, bool) {
	var buf [64]byte
	if len(w) <= len(buf)/2 {
		if b, ok := appendLowerFold(buf[:0], w); ok {
			v, ok := m[string(b)]
			return v, ok
		}
	}
	v, ok := m[LowerFold(w)]
	return v, ok
}

// appendLowerFold appends strings.ToLower(Fold(w)) to b when that needs no
// normalisation: valid UTF-8 whose runes are all below U+0300 (no
// combining mark, and every one of them NFC already) or one of the
// punctuation and space forms Fold maps (’ ʼ ‐ ‑ and the no-break, thin
// and figure spaces). Otherwise it reports false.
func appendLowerFold(b []byte, w string) ([]byte, bool) {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			return b, false
		case r < 0x300 || r == '\u2019' || r == '\u2010' || r == '\u2011' || r == '\u202f' || r == '\u2009' || r == '\u2007':
			r = unicode.ToLower(foldKeyRune(r))
		default:
			return b, false
		}
		b = utf8.AppendRune(b, r)
		i += n
	}
	return b, true
}

// SpaceBefore lists punctuation that must be preceded by a no-break space
// (U+00A0 or U+202F) in this language's typography; "" when none.
func (p *Pack) SpaceBefore() string { return p.d.SpaceBefore }

// SpaceAfter lists punctuation that must be followed by a no-break space.
func (p *Pack) SpaceAfter() string { return p.d.SpaceAfter }

// SpeakerPronoun reports whether word is a subject pronoun that can stand
// for a speaker in an attribution ("a-t-il dit", "she said").
func (p *Pack) SpeakerPronoun(word string) bool {
	v, _ := LookupFold(p.pronouns, word)
	return v
}

// CountNoun reports whether word (any case) is a plural noun that a cardinal
// can count and a list can enumerate, with its class ("country", "leader"…).
func (p *Pack) CountNoun(word string) (class string, ok bool) {
	if !p.nounShapes.may(word) {
		return "", false
	}
	return LookupFold(p.countNouns, word)
}

// NameNoun is CountNoun for the plural nouns whose lists are lists of
// names only ("trois entraîneurs : A, B et C", "three companies: A, B
// and C"): people by trade, firms, teams, places, works. Their class is
// the data's ("coach", "company"…).
func (p *Pack) NameNoun(word string) (class string, ok bool) {
	if !p.nounShapes.may(word) {
		return "", false
	}
	return LookupFold(p.nameNouns, word)
}

// noun is an entry of Pack.nouns.
type noun struct {
	class string
	name  bool // a NameNoun
}

// CountOrNameNoun is CountNoun, or else NameNoun, in one lookup: name
// tells that the word is a NameNoun. Rules that look both up at every word
// halve their lookups.
func (p *Pack) CountOrNameNoun(word string) (class string, name, ok bool) {
	if !p.nounShapes.may(word) {
		return "", false, false
	}
	n, ok := LookupFold(p.nouns, word)
	return n.class, n.name, ok
}

// PlaceNoun reports whether word (any case) names a kind of street,
// building or institution whose name, in this language, is a person's
// name written with hyphens ("rue Victor-Hugo", "lycée Victor-Hugo",
// "stade Pierre-Mauroy"): that hyphenated name is the place's, not a
// misspelling of the person's.
func (p *Pack) PlaceNoun(word string) bool {
	v, _ := LookupFold(p.placeNouns, word)
	return v
}
