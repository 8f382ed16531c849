package lang

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// regionNames are CLDR's display names of the ISO 3166 countries in the
// pack's language, from golang.org/x/text/language/display, kept in
// data/regions.<tag>.tsv ("code TAB name" lines, sorted by code) rather
// than read from display at run time: display carries every language's
// names (2.2 MB of binary, 0.7 ms of start-up on every run), and a plain
// list reads in microseconds. TestRegionNamesMatchCLDR regenerates the
// files and fails when they differ from the library's.
type regionName struct{ Code, Name string }

func regionNames(tag string) ([]regionName, error) {
	path := "data/regions." + tag + ".tsv"
	raw, err := dataFS.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n")
	out := make([]regionName, 0, len(lines))
	for i, l := range lines {
		code, name, ok := strings.Cut(l, "\t")
		if !ok || len(code) != 2 || name == "" {
			return nil, fmt.Errorf("%s:%d: want \"code<TAB>name\", got %q", path, i+1, l)
		}
		out = append(out, regionName{Code: code, Name: name})
	}
	return out, nil
}

// buildCountries registers, for every ISO 3166 country, its CLDR display
// name in the pack's language plus the alternative forms from the data file
// (which win when a name is claimed by two codes).
func (p *Pack) buildCountries() error {
	p.countries = newPhraseSet(caseFirst, true)
	// About 2,800 trie nodes for the CLDR names and their variants in
	// French or English: allocate them at once.
	p.countries.nodes = slices.Grow(p.countries.nodes, 3000)
	p.countryArticles = newPhraseSet(caseFirst, false)
	for _, a := range p.d.CountryArticles {
		p.countryArticles.add(a, 0)
		p.countryLead.add(a)
		p.countryArtLead.add(a)
	}
	p.countryArticles.seal()
	codeIdx := map[string]int{}
	add := func(name, code string) {
		idx, ok := codeIdx[code]
		if !ok {
			idx = len(p.countryCodes)
			codeIdx[code] = idx
			p.countryCodes = append(p.countryCodes, code)
		}
		p.countries.add(name, idx)
		p.countryLead.add(name)
		p.countryNameLead.add(name)
		p.addCountryRun(name)
		// Capitals often lose their accent in practice: "Etats-Unis".
		if r, n := utf8.DecodeRuneInString(name); unicode.IsUpper(r) {
			if bare := StripDiacritics(string(r)); bare != string(r) {
				p.countries.add(bare+name[n:], idx)
				p.countryLead.add(bare + name[n:])
				p.countryNameLead.add(bare + name[n:])
				p.addCountryRun(bare + name[n:])
			}
		}
	}
	codes := make([]string, 0, len(p.d.Countries))
	for c := range p.d.Countries {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		if _, err := language.ParseRegion(c); err != nil || len(c) != 2 {
			return fmt.Errorf("countries: bad region code %q", c)
		}
		for _, name := range p.d.Countries[c] {
			add(name, c)
		}
	}
	exclude := stringSet(p.d.CountryExclude)
	names, err := regionNames(p.Tag)
	if err != nil {
		return err
	}
	for _, rn := range names {
		if exclude[rn.Code] {
			continue
		}
		add(rn.Name, rn.Code)
		for _, v := range nameVariants(rn.Name) {
			add(v, rn.Code)
		}
	}
	p.countries.seal()
	if len(p.countryCodes) < 200 {
		return fmt.Errorf("countries: only %d codes", len(p.countryCodes))
	}
	return nil
}

// nameVariants derives forms people write from CLDR display names:
// "Myanmar (Burma)" → "Myanmar"; "Trinidad & Tobago" → "Trinidad and
// Tobago"; "St. Lucia" → "Saint Lucia".
func nameVariants(name string) []string {
	var out []string
	if k := strings.Index(name, " ("); k > 0 {
		out = append(out, name[:k])
	}
	if strings.Contains(name, " & ") {
		out = append(out, strings.ReplaceAll(name, " & ", " and "))
	}
	if strings.HasPrefix(name, "St. ") {
		v := "Saint " + name[len("St. "):]
		out = append(out, v, strings.ReplaceAll(v, " & ", " and "))
	}
	return out
}

// Country matches the longest country name starting at byte i of s and
// returns its ISO 3166 code and the span of the name itself.
//
// A leading article or preposition from the data ("de la ", "l’", "des ",
// "du ", "en "… in French; "the " in English) is skipped and not part of the
// name span; end == name.End. Matching folds hyphen and apostrophe forms and
// no-break spaces; case must match except that a capitalised first letter
// in the text matches a lower-case one in the data ("The", "De la"), so
// "turkey" and "china" are never countries. A name must end at a word
// boundary and not continue as a hyphenated compound ("Jordanien",
// "Chinese", "France-Allemagne" do not match).
func (p *Pack) Country(s string, i int) (code string, name Span, end int, ok bool) {
	if !p.countryLead.may(s, i) || !atWordStart(s, i) {
		return "", Span{}, 0, false
	}
	// Rules try Country at every capitalised word and the articles before
	// it, and most are no country ("de l’OTAN", "l’Alliance"): match
	// leaves the tries after a few keys, and its walk is the only one. A
	// name is looked for only where the first keys of one may start (not
	// at "de", nor at "OTAN" after "de l’").
	if p.countryNameLead.may(s, i) {
		if v, e, ok := p.countries.match(s, i); ok {
			code, name, end = p.countryCodes[v], Span{i, e}, e
		}
	}
	if _, ae, aok := p.countryArticles.match(s, i); aok {
		if j, ok := nameAfterArticle(s, ae); ok && p.countryNameLead.may(s, j) {
			if v, e, ok := p.countries.match(s, j); ok && e > end {
				code, name, end = p.countryCodes[v], Span{j, e}, e
			}
		}
	}
	return code, name, end, end > 0
}

// runSet holds hashes of the letters country names begin with (see
// addCountryRun and letterRun): a text whose first word is such letters
// followed by an ASCII character, and whose hash is not there, begins no
// country name (a name whose letters go on with another rune needs one
// there too). Collisions only let a word through to the matcher.
type runSet [runBits / 64]uint64

const runBits = 8192

// addCountryRun puts in countryRuns the letters name begins with (see
// letterRun), when an ASCII character or nothing follows them.
func (p *Pack) addCountryRun(name string) {
	f := Fold(strings.TrimSpace(name))
	n, h := letterRun(f, 0)
	if n == 0 || n < len(f) && f[n] >= utf8.RuneSelf {
		return
	}
	p.countryRuns[h/64] |= 1 << (h % 64)
}

// CountryStarts is a pre-check for callers that try Country at many words:
// name is false when no country name begins at byte i of s, article when
// none of the articles Country skips does. Both false, Country fails at i;
// name false, it fails wherever an article ends right before i ("de l’"
// before "OTAN").
func (p *Pack) CountryStarts(s string, i int) (name, article bool) {
	return p.mayBeginCountryName(s, i), p.countryArtLead.may(s, i)
}

// letterRun is the end of the run of letters at i that runSet hashes, and
// its hash (FNV-1a, the first letter lower-cased as the trie's first key
// is), read in one pass: ASCII letters, then also Latin-1 letters
// ("Alliés", "Pérou"), which NFC keeps as they are unless a combining mark
// follows, and then the run stops before the mark.
func letterRun(s string, i int) (end int, hash uint32) {
	h := uint32(startSeed)
	j := i
	for j < len(s) {
		switch c := s[j]; {
		case asciiLetter(c):
			if j == i {
				c = asciiLower(c)
			}
			h = startMix(h, rune(c))
			j++
		case c == 0xC3 && j > i && j+1 < len(s) && isLatin1LetterTail(s[j+1]):
			h = startMix(startMix(h, rune(c)), rune(s[j+1]))
			j += 2
		default:
			return j, h % runBits
		}
	}
	return j, h % runBits
}

// mayBeginCountryName is false only when no country name begins at i: its
// first keys are no name's, or its first word is letters (letterRun),
// followed by an ASCII character, that begin no name (see runSet).
func (p *Pack) mayBeginCountryName(s string, i int) bool {
	if !p.countryNameLead.may(s, i) {
		return false
	}
	j, h := letterRun(s, i)
	if j == i || j < len(s) && s[j] >= utf8.RuneSelf {
		return true // not read here: non-ASCII letters, marks, other apostrophes…
	}
	return p.countryRuns[h/64]&(1<<(h%64)) != 0
}

// nameAfterArticle returns where the name begins after an article ending
// at ae, and whether one may: after white space or an apostrophe.
func nameAfterArticle(s string, ae int) (int, bool) {
	j := ae
	if r, _ := runeBefore(s, ae); !isApostrophe(r) {
		// A spelled-out article needs white space before the name.
		for j < len(s) {
			r2, n2 := runeAt(s, j)
			if !unicode.IsSpace(r2) {
				break
			}
			j += n2
		}
	}
	return j, j > ae || isApostrophe(lastRune(s[:ae]))
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
