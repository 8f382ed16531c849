package lang

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The filters in front of Cardinal and Country (mayStart, mayCountry) must
// reject only what the matchers would reject: these tests compare both
// functions with the plain matchers they stand before, at every offset of
// texts full of numbers, country names, near misses and odd encodings.

// cardinalPlain is Cardinal without its filters: the matcher alone.
func cardinalPlain(p *Pack, s string, i int) (int, int, bool) {
	if !atWordStart(s, i) {
		return 0, 0, false
	}
	r, _ := runeAt(s, i)
	if r >= '0' && r <= '9' {
		return p.cardinalDigits(s, i)
	}
	if !unicode.IsLetter(r) {
		return 0, 0, false
	}
	if v, e, ok := p.num.fixed.match(s, i); ok {
		return p.num.fixedVals[v], e, true
	}
	atoms := p.lexNumber(s, i, nil)
	v, k, ok := p.num.parseFull(atoms)
	if !ok {
		return 0, 0, false
	}
	end := atoms[k-1].end
	if nr, n := runeAt(s, end); isHyphen(nr) {
		if r2, _ := runeAt(s, end+n); isWordRune(r2) {
			return 0, 0, false
		}
	}
	if atoms[k-1].kind == akTens && k < len(atoms) {
		next := k
		if atoms[next].kind == akAnd && next+1 < len(atoms) {
			next++
		}
		if p.num.isOrdinal(atoms[next]) {
			return 0, 0, false
		}
	}
	return v, end, true
}

// scanLettersPlain is scanLetters decoding every rune.
func scanLettersPlain(s string, j int) int {
	for j < len(s) {
		r, n := runeAt(s, j)
		if !isLetterOrMark(r) {
			break
		}
		j += n
	}
	return j
}

// countryPlain is Country without its filters.
func countryPlain(p *Pack, s string, i int) (code string, name Span, end int, ok bool) {
	if !atWordStart(s, i) {
		return "", Span{}, 0, false
	}
	if v, e, ok := p.countries.match(s, i); ok {
		code, name, end = p.countryCodes[v], Span{i, e}, e
	}
	if _, ae, aok := p.countryArticles.match(s, i); aok {
		if j, ok := nameAfterArticle(s, ae); ok {
			if v, e, ok := p.countries.match(s, j); ok && e > end {
				code, name, end = p.countryCodes[v], Span{j, e}, e
			}
		}
	}
	return code, name, end, end > 0
}

// filterTexts returns texts to try the filters on, for pack p.
func filterTexts(p *Pack) []string {
	texts := append([]string{seedFR, seedEN}, fuzzSeeds...)
	var words []string
	for w := range p.num.atoms {
		words = append(words, w)
	}
	for _, ph := range []*phraseSet{p.countries, p.countryArticles, p.num.fixed} {
		for _, nd := range ph.nodes {
			for _, e := range nd.ends {
				words = append(words, string(e.runes))
			}
		}
	}
	words = append(words, "zéro", "Zéro", "ZÉRO", "ze\u0301ro", "Ze\u0301ro", "zèro", "zé", "à", "À", "réunion",
		"dix\u2011sept", "Dix-Sept", "quatre-vingt-dix", "vingt et un", "Vingt", "VINGT", "mille-feuille",
		"a dozen", "A dozen", "a\u00a0dozen", "Kelvin \u212aa", "İki", "deuxième", "l’Australie", "L’Australie",
		"d’Ivoire", "de la\u00a0France", "de  la France", "de\tla France", "the Netherlands", "The Netherlands",
		"Alliance", "Allemagne", "Allemagnes", "Allemagne-Ouest", "ex\u2011République yougoslave de Macédoine",
		"E\u0301tats-Unis", "États\u2011Unis", "Etats-Unis", "Nouvelle\u2011Zélande", "Côte d’Ivoire", "Côte d'Ivoire",
		"un\u02bcx", "vingt\u02bc", "de\u02bcla France", "l\u02bcAustralie", "İran", "ıran", "\u212aosovo")
	for _, w := range words {
		for _, form := range []string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w), norm.NFD.String(w)} {
			texts = append(texts, form, "de "+form+", l’"+form+" et d’"+form+"-x ; "+form+"s "+form+"’a")
		}
	}
	return texts
}

// checkMayBeginAt: where mayBeginAt says no number word begins, the
// matcher finds no number but in digits (Cardinal reads those first).
func checkMayBeginAt(t *testing.T, p *Pack, s string, i int) {
	t.Helper()
	if i >= len(s) || '0' <= s[i] && s[i] <= '9' || p.num.mayBeginAt(s, i) {
		return
	}
	if _, e, ok := cardinalPlain(p, s, i); ok {
		t.Fatalf("%s mayBeginAt(%q, %d) is false, but %q is a cardinal", p.Tag, s, i, s[i:e])
	}
}

func TestMayBeginAt(t *testing.T) {
	fr := mustPack(t, "fr")
	for w, want := range map[string]bool{"quatre": true, "Quatre pays": true, "QUINZE": true, "un,": true, "une": true,
		"vingt-deux": true, "mille": true, "zéro": true, "ze\u0301ro": true, "qua\u0301tre": true, "un\u0301": true,
		"sixʼ": true, "dix\u00a0pays": true, "des": false, "dans": false, "les": false, "Chicago": false, "u": false,
		"unx": false, "vin": true, "d": false, "à": false, "À": false, "d’un": false, "qu’à": false, "décidé": false,
		"État": false, "Suède": false, "ZÉRO": true, "zé": true, "zè": true, "d×": true, "a\u0300\u0301": true,
		"\u212aa": true, "dix’": true, "z\u00e9\u0301": true, "un\xc3\xc3": true, "un\xc3": true} {
		if got := fr.num.mayBeginAt(w, 0); got != want {
			t.Errorf("fr mayBeginAt(%q) = %v, want %v", w, got, want)
		}
	}
	for _, p := range fuzzPacks(t) {
		for k := range p.num.starts {
			for _, w := range []string{k, strings.ToUpper(k), strings.ToUpper(k[:1]) + k[1:], k + " x", k + "-x"} {
				if !p.num.mayBeginAt(w, 0) {
					t.Errorf("%s mayBeginAt(%q) is false", p.Tag, w)
				}
			}
		}
		for _, s := range append(filterTexts(p), "à d’un qu’à décidé État Suède, ÿ × ÷ Zéro, ZÉRO zé\u0301ro d’ex dʼun un\xc3\xc3 un\xc3") {
			for i := 0; i < len(s); i++ {
				checkMayBeginAt(t, p, s, i)
			}
		}
	}
}

// checkCardinalMayStart: where CardinalMayStart says no, Cardinal finds
// no number.
func checkCardinalMayStart(t *testing.T, p *Pack, s string, i int) {
	t.Helper()
	if p.CardinalMayStart(s, i) {
		return
	}
	if _, e, ok := p.Cardinal(s, i); ok {
		t.Fatalf("%s CardinalMayStart(%q, %d) is false, but %q is a cardinal", p.Tag, s, i, s[i:e])
	}
}

func TestCardinalMayStart(t *testing.T) {
	fr := mustPack(t, "fr")
	for w, want := range map[string]bool{"quatre pays": true, "Quatre pays": true, "QUINZE pays": true, "une fois": true,
		"un, deux": true, "vingt-deux": true, "12 pays": true, "1er mai": true, "zéro pays": true, "Chicago": false,
		"des pays": false, "réunion": false, "l’OTAN": false, "d’un pays": true, "à nos": false, "dix": true, "ab": true,
		"États-Unis": false, "élu": false, "à\u0301 x": false, "× 3": false, "İ x": true} {
		if got := fr.CardinalMayStart(w, 0); got != want {
			t.Errorf("fr CardinalMayStart(%q) = %v, want %v", w, got, want)
		}
	}
	for _, p := range fuzzPacks(t) {
		for k := range p.num.starts {
			for _, w := range []string{k, strings.ToUpper(k), strings.ToUpper(k[:1]) + k[1:], k + " x", k + "-x", "x " + k + " x"} {
				if i := strings.LastIndex(w, k[1:]) - 1; !p.CardinalMayStart(w, i) {
					t.Errorf("%s CardinalMayStart(%q, %d) is false", p.Tag, w, i)
				}
			}
		}
		for _, s := range filterTexts(p) {
			for i := -1; i <= len(s); i++ {
				checkCardinalMayStart(t, p, s, i)
			}
		}
	}
}

// TestScanLetters: scanLetters reads ASCII bytes without decoding them,
// and ends where decoding every rune would.
func TestScanLetters(t *testing.T) {
	for _, s := range append(filterTexts(mustPack(t, "fr")), "abc\xffdef", "e\u0301t\u00e9 x", "A1b", "\u02bcx") {
		for i := 0; i <= len(s); i++ {
			if got, want := scanLetters(s, i), scanLettersPlain(s, i); got != want {
				t.Errorf("scanLetters(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}

func TestCardinalFilter(t *testing.T) {
	for _, p := range fuzzPacks(t) {
		for _, s := range filterTexts(p) {
			for i := 0; i <= len(s); i++ {
				v, e, ok := p.Cardinal(s, i)
				wv, we, wok := cardinalPlain(p, s, i)
				if v != wv || e != we || ok != wok {
					t.Errorf("%s Cardinal(%q, %d) = %d %d %v, the matcher alone %d %d %v", p.Tag, s, i, v, e, ok, wv, we, wok)
				}
			}
		}
	}
}

func TestCountryFilter(t *testing.T) {
	for _, p := range fuzzPacks(t) {
		for _, s := range filterTexts(p) {
			for i := 0; i <= len(s); i++ {
				code, name, e, ok := p.Country(s, i)
				wcode, wname, we, wok := countryPlain(p, s, i)
				if code != wcode || name != wname || e != we || ok != wok {
					t.Errorf("%s Country(%q, %d) = %s %v %d %v, the matcher alone %s %v %d %v", p.Tag, s, i, code, name, e, ok, wcode, wname, we, wok)
				}
			}
		}
	}
}

// checkCountryStarts: where CountryStarts says no name (no article)
// begins, the names (the articles) match nothing.
func checkCountryStarts(t *testing.T, p *Pack, s string, i int) {
	t.Helper()
	name, article := p.CountryStarts(s, i)
	if _, e, ok := p.countries.match(s, i); ok && !name {
		t.Fatalf("%s CountryStarts(%q, %d): no name, but %q is one", p.Tag, s, i, s[i:e])
	}
	if _, e, ok := p.countryArticles.match(s, i); ok && !article {
		t.Fatalf("%s CountryStarts(%q, %d): no article, but %q is one", p.Tag, s, i, s[i:e])
	}
}

func TestCountryStarts(t *testing.T) {
	for _, p := range fuzzPacks(t) {
		for _, s := range filterTexts(p) {
			for i := 0; i <= len(s); i++ {
				checkCountryStarts(t, p, s, i)
			}
		}
		for _, s := range []string{"OTAN", "Alliance", "de l’Alliance", "Chicago", "Alliés"} {
			if name, _ := p.CountryStarts(s, 0); name {
				t.Errorf("%s CountryStarts(%q): a name may begin", p.Tag, s)
			}
		}
	}
}

// FuzzFilters compares Cardinal and Country with the matchers alone, and
// checks their pre-checks.
func FuzzFilters(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("de l’Australie, de la Nouvelle\u2011Zélande et des E\u0301mirats arabes unis ; vingt\u2011et\u2011un pays")
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range fuzzPacks(t) {
			for i := 0; i <= len(s); i++ {
				v, e, ok := p.Cardinal(s, i)
				wv, we, wok := cardinalPlain(p, s, i)
				if v != wv || e != we || ok != wok {
					t.Fatalf("%s Cardinal(%q, %d) = %d %d %v, the matcher alone %d %d %v", p.Tag, s, i, v, e, ok, wv, we, wok)
				}
				code, name, e2, ok2 := p.Country(s, i)
				wcode, wname, we2, wok2 := countryPlain(p, s, i)
				if code != wcode || name != wname || e2 != we2 || ok2 != wok2 {
					t.Fatalf("%s Country(%q, %d) = %s %v %d %v, the matcher alone %s %v %d %v", p.Tag, s, i, code, name, e2, ok2, wcode, wname, we2, wok2)
				}
				checkCountryStarts(t, p, s, i)
				checkMayBeginAt(t, p, s, i)
				checkCardinalMayStart(t, p, s, i)
				if got, want := scanLetters(s, i), scanLettersPlain(s, i); got != want {
					t.Fatalf("scanLetters(%q, %d) = %d, want %d", s, i, got, want)
				}
			}
		}
	})
}

// TestCountryNamesBeginCapitalised: every country name begins with a
// capital, or with one of a few lower-case words. stated-count bounds the
// countries a sentence names by its words of that shape (its
// countryLowerHead lists these words): a name beginning otherwise must be
// added there too.
func TestCountryNamesBeginCapitalised(t *testing.T) {
	lowerHeads := []string{"ex-", "ancienne ", "former "}
	for _, p := range fuzzPacks(t) {
		for _, nd := range p.countries.nodes {
			for _, ph := range nd.ends {
				name := string(ph.runes)
				if r := ph.runes[0]; unicode.IsUpper(r) {
					continue
				}
				ok := false
				for _, h := range lowerHeads {
					ok = ok || strings.HasPrefix(name, h)
				}
				if !ok {
					t.Errorf("%s: the country name %q begins in lower case", p.Tag, name)
				}
			}
		}
	}
}

// BenchmarkCardinalWordsFR tries Cardinal at every word of the seed, as
// stated-count does.
func BenchmarkCardinalWordsFR(b *testing.B) {
	p := mustPack(b, "fr")
	var starts []int
	for _, t := range p.Tokens(seedFR) {
		if t.Kind == Word || t.Kind == Number {
			starts = append(starts, t.Start)
		}
	}
	b.SetBytes(int64(len(seedFR)))
	for b.Loop() {
		for _, i := range starts {
			p.Cardinal(seedFR, i)
		}
	}
}

// TestLeadRowsAsDefined: the rows of leads, built a row at a time, hold
// bit c2 exactly where the three classes c0, c1, c2, read as mayBeginAt
// reads ASCII, begin a key of prefixes.
func TestLeadRowsAsDefined(t *testing.T) {
	for _, p := range fuzzPacks(t) {
		for c0 := range uint8(leadClasses) {
			for c1 := range uint8(leadClasses) {
				for c2 := range uint8(leadClasses) {
					cls := [3]uint8{c0, c1, c2}
					for k := range cls {
						if cls[k] == leadDigit || k > 0 && cls[k-1] == prefixEnd {
							cls[k] = prefixEnd // a digit is a non-letter; the word ends at its first
						}
					}
					want := p.num.starts == nil || c0 == leadDigit || p.num.prefixes[cls[0]][cls[1]]&(1<<cls[2]) != 0
					if got := p.num.leads[c0][c1]&(1<<c2) != 0; got != want {
						t.Errorf("%s leads[%d][%d] bit %d = %v, want %v", p.Tag, c0, c1, c2, got, want)
					}
				}
			}
		}
	}
}
