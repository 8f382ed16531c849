package lang

import (
	"maps"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestKeyAtMatchesReadFolded: keyAt's fast paths read a rune as match
// does, ps.key(readFolded), in every case mode, whatever follows it.
func TestKeyAtMatchesReadFolded(t *testing.T) {
	p, _ := For("fr")
	sets := []*phraseSet{p.roles, p.roleArticles, p.honorifics}
	nexts := []string{"", "a", "A", " ", "\u0301", "\u0308x", "\u2019", "\u2011", "é", "\u20d0", "\u0483", "\xff", "\xcc", "\xe2", "\xe2\x80", "\u202f"}
	for r := rune(0); r < 0x2100; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		for _, next := range nexts {
			s := string(r) + next
			for _, ps := range sets {
				for k := 0; k < 2; k++ {
					wr, wn := readFolded(s, 0)
					wr = ps.key(wr, k)
					if gr, gn := ps.keyAt(s, 0, k); gr != wr || gn != wn {
						t.Fatalf("keyAt(%q, k=%d, mode %d) = %q, %d; want %q, %d", s, k, ps.mode, gr, gn, wr, wn)
					}
				}
			}
		}
	}
	for _, s := range []string{"\xc3", "\xc3(", "\xe2\x80", "\xe2\x80\x99", "e\u0301", "\xc0\x80"} {
		for _, ps := range sets {
			wr, wn := readFolded(s, 0)
			if gr, gn := ps.keyAt(s, 0, 0); gr != ps.key(wr, 0) || gn != wn {
				t.Errorf("keyAt(%q) = %q, %d; want %q, %d", s, gr, gn, ps.key(wr, 0), wn)
			}
		}
	}
}

// TestPlainKeyMatchesKeyAt: wherever plainKey answers, it answers as
// keyAt, in every case mode, whatever follows the rune; and it answers
// for the lower-case letters of plain text, ASCII and Latin-1.
func TestPlainKeyMatchesKeyAt(t *testing.T) {
	checkKeyShortcut(t, "plainKey",
		func(s string, _ *phraseSet, _ int) (rune, int, bool) { return plainKey(s, 0) },
		func(r rune) bool { return 'a' <= r && r <= 'z' || r >= 0xE0 && r <= 0xFF })
	p, _ := For("fr")
	sets := []*phraseSet{p.roles, p.roleArticles, p.honorifics, p.countries}
	for _, s := range []string{"\xc3", "\xc3(", "\xc3\xa9", "\xc3\xc3", "\xc3\x9f"} {
		for _, ps := range sets {
			if key, n, ok := plainKey(s, 0); ok {
				if wk, wn := ps.keyAt(s, 0, 0); key != wk || n != wn {
					t.Errorf("plainKey(%q) = %q, %d; keyAt says %q, %d", s, key, n, wk, wn)
				}
			}
		}
	}
}

// TestASCIIKeyMatchesKeyAt: wherever asciiKey answers, it answers as
// keyAt, lowering capitals for the first rune in every case mode and for
// any rune in caseAll mode; and it answers for ASCII not followed by a
// possible combining mark.
func TestASCIIKeyMatchesKeyAt(t *testing.T) {
	checkKeyShortcut(t, "asciiKey",
		func(s string, ps *phraseSet, k int) (rune, int, bool) {
			return asciiKey(s, 0, k == 0 || ps.mode == caseAll)
		},
		func(r rune) bool { return r < 0x80 })
}

// checkKeyShortcut checks a shortcut of keyAt at the start of every rune
// below U+0800 followed by each of a few texts, for the key k of 0 and 1
// of phrase sets of every case mode: it answers (ok) exactly for the runes
// answers says, unless a possible combining mark follows, and then as
// keyAt.
func checkKeyShortcut(t *testing.T, name string, shortcut func(s string, ps *phraseSet, k int) (rune, int, bool), answers func(r rune) bool) {
	t.Helper()
	p, _ := For("fr")
	sets := []*phraseSet{p.roles, p.roleArticles, p.honorifics, p.countries}
	nexts := []string{"", "a", "A", " ", "\u0301", "\u2019", "\u2011", "é", "\xff", "\xcc", "\xcb", "\xe2", "\xe2\x80", "\u202f"}
	for r := rune(0); r < 0x800; r++ {
		for _, next := range nexts {
			s := string(r) + next
			for _, ps := range sets {
				for k := 0; k < 2; k++ {
					key, n, ok := shortcut(s, ps, k)
					if wantOK := answers(r) && (len(next) == 0 || next[0] < 0xCC); ok != wantOK {
						t.Fatalf("%s(%q, k=%d, mode %d) ok = %v, want %v", name, s, k, ps.mode, ok, wantOK)
					}
					if wk, wn := ps.keyAt(s, 0, k); ok && (key != wk || n != wn) {
						t.Fatalf("%s(%q, k=%d, mode %d) = %q, %d; keyAt says %q, %d", name, s, k, ps.mode, key, n, wk, wn)
					}
				}
			}
		}
	}
}

// TestRoleAfterArticleFinal: wherever roleAfterArticle says its answer is
// afterRoleArticle's, it is, after every article of both packs in any
// case and before anything, and at every byte of the seeds' prose.
func TestRoleAfterArticleFinal(t *testing.T) {
	for _, tag := range []string{"fr", "en"} {
		p, _ := For(tag)
		texts := seedProse(t)
		for _, a := range p.d.RoleArticles {
			for _, art := range []string{a, strings.ToUpper(a), norm.NFD.String(a), strings.ReplaceAll(a, "'", "\u2019")} {
				for _, after := range []string{" ministre", "\u00a0secretary", "ministre", "s ministres", ", le", "-x", "\u0301 ministre", "", " ", "\u202fporte-parole"} {
					texts = append(texts, art+after)
				}
				for _, role := range slices.Sorted(maps.Keys(p.d.Roles)) {
					texts = append(texts, art+" "+role, art+role)
				}
			}
		}
		finals := 0
		for _, s := range texts {
			for i := 0; i <= len(s); i++ {
				at, final, ok := p.finder.roleAfterArticle(s, i)
				if !ok || !final {
					continue
				}
				finals++
				if want := p.afterRoleArticle(s, i); at != want {
					t.Fatalf("%s: roleAfterArticle(%q, %d) = %d, final; afterRoleArticle says %d", tag, s, i, at, want)
				}
			}
		}
		if finals < 50 {
			t.Errorf("%s: only %d final answers: the test tests little", tag, finals)
		}
	}
}

// TestPrechecksChangeNothing: Role, SpeechVerb and Honorific answer as
// they do without their pre-checks at every byte of texts full of roles,
// articles, speech verbs, honorifics and look-alikes, in both packs.
func TestPrechecksChangeNothing(t *testing.T) {
	for _, tag := range []string{"fr", "en"} {
		p, _ := For(tag)
		texts := seedProse(t)
		var pieces []string
		for _, role := range slices.Sorted(maps.Keys(p.d.Roles)) { // the same texts at every run
			for _, w := range append([]string{role}, p.d.Roles[role]...) {
				pieces = append(pieces, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], norm.NFD.String(w), strings.ReplaceAll(w, " ", "\u00a0"), strings.ReplaceAll(w, "-", "\u2011"), strings.ReplaceAll(w, "'", "\u2019"))
			}
		}
		pieces = append(pieces, p.d.RoleArticles...)
		for _, w := range p.d.Honorifics {
			pieces = append(pieces, w, w+" Dupont", strings.ToLower(w), w+".", w+" Lindqvist")
		}
		sp := p.d.Speech
		for _, w := range append(append(append(append([]string(nil), sp.Participles...), sp.Present...), sp.Phrases...), sp.According...) {
			pieces = append(pieces, w, strings.ToUpper(w[:1])+w[1:], norm.NFD.String(w), strings.ReplaceAll(w, "'", "’"))
		}
		for k, aux := range sp.Auxiliaries {
			pieces = append(pieces, aux, aux+" "+sp.Participles[k%len(sp.Participles)], aux+" notamment "+sp.Participles[(k+1)%len(sp.Participles)])
		}
		pieces = append(pieces, "a-t-il", "a‑t‑elle", "A-t-on", "ont-ils", "dit-elle", "has", "Has", "had")
		pieces = append(pieces, "Le", "LA", "L\u2019", "l'", "The", "THE", "le\u00a0", "  ", "\t\n", ",", ".", "-", "\u2011", "'", "\u2019", "s", "’s", "\u0301", "de", "des", "du", "pour", "sécurité", "présidence", "Maire", "Bruno", "é", "\xff", "«\u00a0", "»")
		rng := rand.New(rand.NewSource(1))
		for n := 0; n < 6000; n++ {
			var b strings.Builder
			for k := rng.Intn(8); k >= 0; k-- {
				b.WriteString(pieces[rng.Intn(len(pieces))])
				if rng.Intn(3) > 0 {
					b.WriteString([]string{" ", " ", "\u00a0", "", "-", "'"}[rng.Intn(6)])
				}
			}
			texts = append(texts, b.String())
		}
		found, verbs, honors := 0, 0, 0
		for _, s := range texts {
			for i := 0; i <= len(s); i++ {
				r1, sp1, e1, ok1 := p.role(s, i, nil)
				r2, sp2, e2, ok2 := p.Role(s, i)
				if r1 != r2 || sp1 != sp2 || e1 != e2 || ok1 != ok2 {
					t.Fatalf("%s: Role(%q, %d) without pre-checks = %q %v %d %v, with: %q %v %d %v", tag, s, i, r1, sp1, e1, ok1, r2, sp2, e2, ok2)
				}
				if ok1 {
					found++
				}
				e1, k1, ok1 := p.speechVerb(s, i, nil)
				e2, k2, ok2 := p.SpeechVerb(s, i)
				if e1 != e2 || k1 != k2 || ok1 != ok2 {
					t.Fatalf("%s: SpeechVerb(%q, %d) without pre-checks = %d %q %v, with: %d %q %v", tag, s, i, e1, k1, ok1, e2, k2, ok2)
				}
				if ok1 {
					verbs++
				}
				h1, ok1 := p.honorific(s, i, nil)
				h2, ok2 := p.Honorific(s, i)
				if h1 != h2 || ok1 != ok2 {
					t.Fatalf("%s: Honorific(%q, %d) without pre-checks = %d %v, with: %d %v", tag, s, i, h1, ok1, h2, ok2)
				}
				if ok1 {
					honors++
				}
			}
		}
		if found < 1000 || verbs < 1000 || honors < 500 {
			t.Errorf("%s: only %d roles, %d speech verbs and %d honorifics found: the texts test little", tag, found, verbs, honors)
		}
	}
}

func BenchmarkRoleSeed(b *testing.B) {
	p, _ := For("fr")
	texts := seedProse(b)
	var toks [][]Token
	for _, s := range texts {
		toks = append(toks, p.Tokens(s))
	}
	for _, bc := range []struct {
		name string
		role func(string, int) (string, Span, int, bool)
	}{{"without-prechecks", func(s string, i int) (string, Span, int, bool) { return p.role(s, i, nil) }}, {"Role", p.Role}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				for ti, s := range texts {
					for _, tk := range toks[ti] {
						if tk.Kind == Word {
							bc.role(s, tk.Start)
						}
					}
				}
			}
		})
	}
}

// FuzzPrechecks: the pre-checks change no answer, on any text, at any byte.
func FuzzPrechecks(f *testing.F) {
	f.Add("fr", "« Nos partenaires », a déclaré le secrétaire général, M.\u00a0Anders Fogh Rasmussen.")
	f.Add("fr", "l’ambassadrice de France, la porte\u2011parole du Quai et LE PREMIER MINISTRE a-t-il dit")
	f.Add("en", "“We will,” said the NATO secretary-general, Mr Stoltenberg, according to the spokesman.")
	f.Add("fr", "A-t-elle")
	f.Fuzz(func(t *testing.T, tag, s string) {
		p, ok := For(tag)
		if !ok {
			return
		}
		if lead, _ := LookupFold(p.speechLeads, s); p.SpeechLead(s) != lead {
			t.Fatalf("SpeechLead(%q) = %v, want %v", s, !lead, lead)
		}
		for i := 0; i <= len(s); i++ {
			r1, sp1, e1, ok1 := p.role(s, i, nil)
			r2, sp2, e2, ok2 := p.Role(s, i)
			if r1 != r2 || sp1 != sp2 || e1 != e2 || ok1 != ok2 {
				t.Fatalf("Role(%q, %d) without pre-checks = %q %v %d %v, with: %q %v %d %v", s, i, r1, sp1, e1, ok1, r2, sp2, e2, ok2)
			}
			v1, k1, ok1 := p.speechVerb(s, i, nil)
			v2, k2, ok2 := p.SpeechVerb(s, i)
			if v1 != v2 || k1 != k2 || ok1 != ok2 {
				t.Fatalf("SpeechVerb(%q, %d) without pre-checks = %d %q %v, with: %d %q %v", s, i, v1, k1, ok1, v2, k2, ok2)
			}
			h1, ok1 := p.honorific(s, i, nil)
			h2, ok2 := p.Honorific(s, i)
			if h1 != h2 || ok1 != ok2 {
				t.Fatalf("Honorific(%q, %d) without pre-checks = %d %v, with: %d %v", s, i, h1, ok1, h2, ok2)
			}
		}
	})
}

// TestSpeechLeadPrecheck: SpeechLead's pre-check changes no answer, for
// every lead in every case and form, and the words of the seed.
func TestSpeechLeadPrecheck(t *testing.T) {
	for _, tag := range []string{"fr", "en"} {
		p, _ := For(tag)
		var words []string
		for _, w := range slices.Sorted(maps.Keys(p.speechLeads)) {
			words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], norm.NFD.String(w),
				strings.ReplaceAll(w, "'", "’"), strings.ReplaceAll(w, "-", "\u2011"), w+"s", w[:len(w)-1], w+"\u0301")
		}
		for _, s := range seedProse(t) {
			for _, tk := range p.Tokens(s) {
				words = append(words, tk.Text(s))
			}
		}
		words = append(words, "", "a", "A", "à", "á", "a\u0301", "e\u0301", "\xff", "a\xff", "aé", "À", "\xc3", "a\xc3", "\xc3(", "à\u0301", "ÿ")
		leads := 0
		for _, w := range words {
			want, _ := LookupFold(p.speechLeads, w)
			if got := p.SpeechLead(w); got != want {
				t.Fatalf("%s: SpeechLead(%q) = %v, want %v", tag, w, got, want)
			}
			if want {
				leads++
			}
		}
		if leads < len(p.speechLeads) {
			t.Errorf("%s: only %d of the words are leads: the test tests little", tag, leads)
		}
	}
}

// TestLeadSetBytesAsKeys: may's reading of raw bytes answers as reading
// them as keys (lower-cased, white space as " ") does, for every pair of
// ASCII bytes, whatever follows, in every lead set of both packs.
func TestLeadSetBytesAsKeys(t *testing.T) {
	byKeys := func(l *leadSet, s string) bool {
		c0, c1 := asciiLower(s[0]), asciiLower(s[1])
		if l.one[c0] {
			return true
		}
		if s[2] >= 0xCC {
			return true
		}
		switch c1 {
		case '\t', '\n', '\v', '\f', '\r':
			c1 = ' '
		}
		return l.pair[c0][c1/64]&(1<<(c1%64)) != 0
	}
	for _, tag := range []string{"fr", "en"} {
		p, _ := For(tag)
		for _, l := range []*leadSet{&p.speechLead, &p.honorLead, &p.roleLead, &p.roleOnlyLead, &p.countryLead, &p.countryNameLead, &p.countryArtLead, &p.nonExhaustiveLead, &p.num.lead} {
			for c0 := range 128 {
				for c1 := range 128 {
					for _, after := range []string{"x", " ", "\xcc\x81", "é"} {
						s := string([]byte{byte(c0), byte(c1)}) + after
						if got, want := l.may(s, 0), byKeys(l, s); got != want {
							t.Fatalf("%s: may(%q) = %v, want %v", tag, s, got, want)
						}
					}
				}
			}
		}
	}
}

// TestSkipFoldedSpaceShortcut: skipFoldedSpace's shortcut answers as
// reading rune by rune does, for every byte before the runes that may
// follow it.
func TestSkipFoldedSpaceShortcut(t *testing.T) {
	for c := range 0x100 {
		for _, next := range []string{"", "a", " ", "\t", "\u0301", "\u00a0", "\u2009", "é", "\xcc", "\xe2\x80"} {
			s := string([]byte{byte(c)}) + next
			if got, want := skipFoldedSpace(s, 0), skipMoreSpace(s, 0); got != want {
				t.Fatalf("skipFoldedSpace(%q) = %d, want %d", s, got, want)
			}
		}
	}
}
