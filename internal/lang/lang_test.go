package lang

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// seedFR is the first article artlint lints (NATO, 2012), with its no-break
// spaces (U+00A0), non-breaking hyphens (U+2011) and both apostrophe forms.
const seedFR = "Les chefs d’État et de gouvernement des pays de l’OTAN ont rencontré les dirigeants d’un groupe de treize pays partenaires du monde entier. " +
	"Participaient à cette réunion les dirigeants de l’Australie, de l’Autriche, de la Finlande, de la Géorgie, du Japon, de la Jordanie, de la République de Corée, du Maroc, de la Nouvelle\u2011Zélande, du Qatar, de la Suède, de la Suisse et des Émirats arabes unis. " +
	"Ils ont également rencontré leurs homologues de Bosnie\u2011Herzégovine, de Géorgie, du Monténégro et de l’ex\u2011République yougoslave de Macédoine¹. " +
	"Cette réunion, présidée par le secrétaire général délégué, Alexander Vershbow, a mis en évidence le lien fort qui existe entre ces quatre pays et l’Alliance. " +
	"«\u00a0Nos partenaires partagent tous le souhait qu'a l'OTAN de bâtir la sécurité, mais chacun contribue à notre action d'une manière bien différente,» a déclaré le secrétaire général, M. Anders Fogh Rasmussen. " +
	"«\u00a0Ils participent à nos opérations.\u00a0»"

const seedEN = "NATO leaders met the leaders of Australia, Austria, Finland, Georgia, Japan, Jordan, the Republic of Korea, Morocco, New Zealand, Qatar, Sweden, Switzerland and the United Arab Emirates. " +
	"“Our partners all share NATO’s wish to build security,” Secretary General Anders Fogh Rasmussen said. Mr. Rasmussen met U.S. officials later."

func mustPack(t testing.TB, tag string) *Pack {
	t.Helper()
	p, ok := For(tag)
	if !ok || p == nil {
		t.Fatalf("For(%q) failed", tag)
	}
	return p
}

// at returns the byte offset of the n-th (0-based) occurrence of sub in s.
func at(t testing.TB, s, sub string, n int) int {
	t.Helper()
	off := 0
	for k := 0; ; k++ {
		i := strings.Index(s[off:], sub)
		if i < 0 {
			t.Fatalf("%q not found %d times", sub, n+1)
		}
		if k == n {
			return off + i
		}
		off += i + len(sub)
	}
}

func TestFor(t *testing.T) {
	for _, tc := range []struct {
		tag, want string
	}{{"fr", "fr"}, {"fr-BE", "fr"}, {"fr-CH", "fr"}, {"fr_CA", "fr"}, {"FR", "fr"}, {"en", "en"}, {"en-GB", "en"}, {"EN-us", "en"}, {"de", ""}, {"", ""}, {"french", ""}, {"f", ""}} {
		p, ok := For(tc.tag)
		if tc.want == "" {
			if ok || p != nil {
				t.Errorf("For(%q) = %v, want nil,false", tc.tag, p)
			}
			continue
		}
		if !ok || p.Tag != tc.want {
			t.Errorf("For(%q) = %v,%v, want %s", tc.tag, p, ok, tc.want)
		}
	}
	a, _ := For("fr-BE")
	b, _ := For("fr")
	if a != b {
		t.Error("packs for the same language differ")
	}
}

func TestFoldAndStrip(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Nouvelle\u2011Zélande", "Nouvelle-Zélande"},
		{"l’ex\u2010République", "l'ex-République"},
		{"d\u02bcun", "d'un"},
		{"«\u00a0Nos\u202f»", "« Nos »"},
		{"E\u0301mirats", "Émirats"}, // NFD → NFC
		{"plain ASCII", "plain ASCII"},
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := StripDiacritics("Émirats arabes unis, Côte d’Ivoire, Türkiye"); got != "Emirats arabes unis, Cote d’Ivoire, Turkiye" {
		t.Errorf("StripDiacritics = %q", got)
	}
}

// TestFoldShortcut: Fold returns the text itself only where folding it
// rune by rune changes nothing, for every pair of runes up to U+0400 and
// the runes Fold maps or composes.
func TestFoldShortcut(t *testing.T) {
	var runes []rune
	for r := rune(0); r < 0x400; r++ {
		runes = append(runes, r)
	}
	runes = append(runes, '\u2010', '\u2011', '\u2019', '\u02bc', '\u202f', '\u2009', '\u2007', '\u0338', '\u20d0', utf8.RuneError)
	slow := func(s string) string { return strings.Map(foldKeyRune, norm.NFC.String(s)) }
	for _, a := range runes {
		for _, b := range []rune{'a', 'E', ' ', 'é', 'É', '\u0301', '\u0327', '\u2011', '\u00a0', 'ÿ', 0xD7} {
			for _, s := range []string{string(a), string(a) + string(b), string(b) + string(a), "x" + string(a) + string(b)} {
				if got, want := Fold(s), slow(s); got != want {
					t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
				}
			}
		}
	}
	for _, s := range []string{"\xc3", "\xc3(", "a\xc3", "\xc3\xc3", "\xff"} {
		if got, want := Fold(s), slow(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestSpacing(t *testing.T) {
	fr, en := mustPack(t, "fr"), mustPack(t, "en")
	if fr.SpaceBefore() != ":;!?»" || fr.SpaceAfter() != "«" {
		t.Errorf("fr spacing %q %q", fr.SpaceBefore(), fr.SpaceAfter())
	}
	if en.SpaceBefore() != "" || en.SpaceAfter() != "" {
		t.Errorf("en spacing %q %q", en.SpaceBefore(), en.SpaceAfter())
	}
}

func TestTokens(t *testing.T) {
	words := func(p *Pack, s string) []string {
		var out []string
		prevEnd := 0
		for _, tk := range p.Tokens(s) {
			if tk.Start != prevEnd || s[tk.Start:tk.End] != tk.Text(s) {
				t.Fatalf("token %+v does not continue at %d", tk, prevEnd)
			}
			prevEnd = tk.End
			if tk.Kind != Space {
				out = append(out, tk.Kind.String()[:1]+":"+tk.Text(s))
			}
		}
		if prevEnd != len(s) {
			t.Fatalf("tokens end at %d of %d", prevEnd, len(s))
		}
		return out
	}
	fr, en := mustPack(t, "fr"), mustPack(t, "en")
	for _, tc := range []struct {
		p    *Pack
		in   string
		want string
	}{
		{fr, "de l’Australie, d'une manière qu'a l'OTAN", "W:de W:l’ W:Australie P:, W:d' W:une W:manière W:qu' W:a W:l' W:OTAN"},
		{fr, "aujourd'hui la presqu’île, L’ex\u2011République", "W:aujourd'hui W:la W:presqu’île P:, W:L’ W:ex\u2011République"},
		{fr, "vingt-et-un, quatre-vingt-dix, Bosnie\u2011Herzégovine, euro\u2011atlantique, Strasbourg\u2010Kehl", "W:vingt-et-un P:, W:quatre-vingt-dix P:, W:Bosnie\u2011Herzégovine P:, W:euro\u2011atlantique P:, W:Strasbourg\u2010Kehl"},
		{fr, "a-t-il dit. Le 1er mai, 1\u00a0000 soldats, 3,5 %", "W:a-t-il W:dit P:. W:Le W:1er W:mai P:, N:1\u00a0000 W:soldats P:, N:3,5 P:%"},
		{fr, "Macédoine¹. 15 km²", "W:Macédoine P:¹ P:. N:15 W:km P:²"},
		{fr, "«\u00a0Oui\u00a0!\u00a0»", "P:« W:Oui P:! P:»"},
		{en, "U.S. officials don't agree with Ms Lindqvist's plan for the '90s.", "W:U.S. W:officials W:don't W:agree W:with W:Ms W:Lindqvist's W:plan W:for W:the P:' W:90s P:."},
		{en, "1,000 people, 3.5 million, e.g. the U.K.", "N:1,000 W:people P:, N:3.5 W:million P:, W:e.g. W:the W:U.K."},
		{en, "l'OTAN", "W:l'OTAN"}, // no elision in English
	} {
		got := strings.Join(words(tc.p, tc.in), " ")
		if got != tc.want {
			t.Errorf("%s Tokens(%q)\n got %s\nwant %s", tc.p.Tag, tc.in, got, tc.want)
		}
	}
	// Exact spans on the seed: "l’" then "Australie".
	toks := fr.Tokens(seedFR)
	i := at(t, seedFR, "l’Australie", 0)
	for k, tk := range toks {
		if tk.Start == i {
			if tk.End != i+len("l’") || toks[k+1].Text(seedFR) != "Australie" || toks[k+1].Start != tk.End {
				t.Errorf("elision split wrong: %+v %+v", tk, toks[k+1])
			}
			return
		}
	}
	t.Error("no token at l’Australie")
}

func TestCardinal(t *testing.T) {
	type tc struct {
		in   string // the number starts at byte 0
		want int
		text string // s[0:end]; "" means ok=false
	}
	fr := []tc{
		{"zéro faute", 0, "zéro"},
		{"un groupe", 1, "un"},
		{"une fois", 1, "une"},
		{"Treize pays", 13, "Treize"},
		{"treize pays partenaires", 13, "treize"},
		{"seize ans", 16, "seize"},
		{"dix-sept pays", 17, "dix-sept"},
		{"dix\u2011huit mois", 18, "dix\u2011huit"},
		{"dix‐neuf", 19, "dix‐neuf"},
		{"vingt et un pays", 21, "vingt et un"},
		{"vingt-et-un pays", 21, "vingt-et-un"},
		{"vingt et une nations", 21, "vingt et une"},
		{"vingt-deux", 22, "vingt-deux"},
		{"trente-deux alliés", 32, "trente-deux"},
		{"soixante", 60, "soixante"},
		{"soixante-dix", 70, "soixante-dix"},
		{"soixante et onze", 71, "soixante et onze"},
		{"soixante-et-onze", 71, "soixante-et-onze"},
		{"soixante-dix-sept", 77, "soixante-dix-sept"},
		{"quatre-vingts pays", 80, "quatre-vingts"},
		{"quatre-vingt-un", 81, "quatre-vingt-un"},
		{"quatre-vingt-dix", 90, "quatre-vingt-dix"},
		{"quatre\u2011vingt\u2011dix\u2011sept", 97, "quatre\u2011vingt\u2011dix\u2011sept"},
		{"septante", 70, "septante"},
		{"septante-cinq", 75, "septante-cinq"},
		{"septante et un", 71, "septante et un"},
		{"huitante", 80, "huitante"},
		{"octante-deux", 82, "octante-deux"},
		{"nonante-neuf", 99, "nonante-neuf"},
		{"cent pays", 100, "cent"},
		{"cent un", 101, "cent un"},
		{"deux cents soldats", 200, "deux cents"},
		{"deux cent un", 201, "deux cent un"},
		{"deux cent trois", 203, "deux cent trois"},
		{"deux-cent-trente-et-un", 231, "deux-cent-trente-et-un"},
		{"mille", 1000, "mille"},
		{"mille cinq cents", 1500, "mille cinq cents"},
		{"deux mille", 2000, "deux mille"},
		{"deux-mille-douze", 2012, "deux-mille-douze"},
		{"dix-huit mille cinq cent quarante", 18540, "dix-huit mille cinq cent quarante"},
		{"quatre-vingt mille", 80000, "quatre-vingt mille"},
		{"vingt et un mille", 21000, "vingt et un mille"},
		{"neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf", 999999, "neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf"},
		{"trois et demi", 3, "trois"},
		{"trois et", 3, "trois"},
		{"deux pays et quatre", 2, "deux"},
		{"29 pays", 29, "29"},
		{"1 000 soldats", 1000, "1 000"},
		{"1\u00a0000 soldats", 1000, "1\u00a0000"},
		{"12\u202f500 soldats", 12500, "12\u202f500"},
		{"1 00 soldats", 1, "1"},
		{"2012 fut", 2012, "2012"},
		{"1,5 million", 0, ""},
		{"1.000 soldats", 0, ""},
		{"1er janvier", 0, ""},
		{"2e sommet", 0, ""},
		{"premier", 0, ""},
		{"deuxième", 0, ""},
		{"vingt et unième", 0, ""},
		{"vingt-deuxième", 0, ""},
		{"mille-feuille", 0, ""},
		{"Neuf-Brisach", 0, ""},
		{"treizième", 0, ""},
		{"millions", 0, ""},
		{"unique", 0, ""},
	}
	en := []tc{
		{"one of", 1, "one"},
		{"thirteen partner countries", 13, "thirteen"},
		{"Nineteen", 19, "Nineteen"},
		{"twenty-one", 21, "twenty-one"},
		{"twenty one", 21, "twenty one"},
		{"thirty-two allies", 32, "thirty-two"},
		{"a hundred", 100, "a hundred"},
		{"one hundred and five", 105, "one hundred and five"},
		{"two hundred", 200, "two hundred"},
		{"a dozen countries", 12, "a dozen"},
		{"a thousand", 1000, "a thousand"},
		{"two thousand three hundred", 2300, "two thousand three hundred"},
		{"two thousand and twelve", 2012, "two thousand and twelve"},
		{"ninety-nine thousand", 99000, "ninety-nine thousand"},
		{"three and", 3, "three"},
		{"1,000 troops", 1000, "1,000"},
		{"12,500,000", 12500000, "12,500,000"},
		{"29 countries", 29, "29"},
		{"3.5 million", 0, ""},
		{"1,5", 0, ""},
		{"21st century", 0, ""},
		{"2nd", 0, ""},
		{"first", 0, ""},
		{"twenty-first", 0, ""},
		{"twenty first", 0, ""},
		{"hundred", 0, ""},
		{"a lot", 0, ""},
		{"someone", 0, ""},
	}
	run := func(p *Pack, cases []tc) {
		for _, c := range cases {
			v, end, ok := p.Cardinal(c.in, 0)
			if c.text == "" {
				if ok {
					t.Errorf("%s Cardinal(%q) = %d %q, want not ok", p.Tag, c.in, v, c.in[:end])
				}
				continue
			}
			if !ok || v != c.want || c.in[:end] != c.text {
				got := ""
				if ok {
					got = c.in[:end]
				}
				t.Errorf("%s Cardinal(%q) = %d %q %v, want %d %q", p.Tag, c.in, v, got, ok, c.want, c.text)
			}
		}
	}
	run(mustPack(t, "fr"), fr)
	run(mustPack(t, "en"), en)

	p := mustPack(t, "fr")
	// In context: "treize" in the seed, "Neuf" inside "Pont-Neuf", and a
	// fractional part are not word starts.
	i := at(t, seedFR, "treize", 0)
	if v, end, ok := p.Cardinal(seedFR, i); !ok || v != 13 || end != i+len("treize") {
		t.Errorf("seed treize = %d %d %v", v, end, ok)
	}
	s := "le Pont-Neuf et 1,5 km"
	if _, _, ok := p.Cardinal(s, at(t, s, "Neuf", 0)); ok {
		t.Error("Neuf in Pont-Neuf read as a cardinal")
	}
	if _, _, ok := p.Cardinal(s, at(t, s, "5", 0)); ok {
		t.Error("5 in 1,5 read as a cardinal")
	}
	if _, _, ok := p.Cardinal(s, 1); ok {
		t.Error("mid-word offset accepted")
	}
	if _, _, ok := p.Cardinal(s, len(s)); ok {
		t.Error("offset at end accepted")
	}
}

func TestSentences(t *testing.T) {
	fr, en := mustPack(t, "fr"), mustPack(t, "en")
	for _, tc := range []struct {
		p    *Pack
		in   string
		want []string
	}{
		{fr, seedFR, []string{
			"Les chefs d’État et de gouvernement des pays de l’OTAN ont rencontré les dirigeants d’un groupe de treize pays partenaires du monde entier.",
			"Participaient à cette réunion les dirigeants de l’Australie, de l’Autriche, de la Finlande, de la Géorgie, du Japon, de la Jordanie, de la République de Corée, du Maroc, de la Nouvelle\u2011Zélande, du Qatar, de la Suède, de la Suisse et des Émirats arabes unis.",
			"Ils ont également rencontré leurs homologues de Bosnie\u2011Herzégovine, de Géorgie, du Monténégro et de l’ex\u2011République yougoslave de Macédoine¹.",
			"Cette réunion, présidée par le secrétaire général délégué, Alexander Vershbow, a mis en évidence le lien fort qui existe entre ces quatre pays et l’Alliance.",
			"«\u00a0Nos partenaires partagent tous le souhait qu'a l'OTAN de bâtir la sécurité, mais chacun contribue à notre action d'une manière bien différente,» a déclaré le secrétaire général, M. Anders Fogh Rasmussen.",
			"«\u00a0Ils participent à nos opérations.\u00a0»",
		}},
		{fr, "Mme Dupont a parlé. MM. Durand et Martin ont suivi. Dr Smith aussi.", []string{"Mme Dupont a parlé.", "MM. Durand et Martin ont suivi.", "Dr Smith aussi."}},
		{fr, "«\u00a0Est-ce possible\u00a0?\u00a0» a-t-il demandé. Oui\u00a0!", []string{"«\u00a0Est-ce possible\u00a0?\u00a0» a-t-il demandé.", "Oui\u00a0!"}},
		{fr, "Des pays, des villes, etc. et d’autres. Fin… Puis la suite", []string{"Des pays, des villes, etc. et d’autres.", "Fin…", "Puis la suite"}},
		{fr, "Le livre de J. K. Rowling et de J.-P. Sartre. Voir l’art. 5 et le n. 3.", []string{"Le livre de J. K. Rowling et de J.-P. Sartre.", "Voir l’art. 5 et le n. 3."}},
		{fr, "Titre sans point\n\n  Premier paragraphe.  ", []string{"Titre sans point", "Premier paragraphe."}},
		{en, seedEN, []string{
			"NATO leaders met the leaders of Australia, Austria, Finland, Georgia, Japan, Jordan, the Republic of Korea, Morocco, New Zealand, Qatar, Sweden, Switzerland and the United Arab Emirates.",
			"“Our partners all share NATO’s wish to build security,” Secretary General Anders Fogh Rasmussen said.",
			"Mr. Rasmussen met U.S. officials later.",
		}},
		{en, "He lives at No. 10 Downing Street. She works for U.S. President Biden. They left the U.S. The end.", []string{"He lives at No. 10 Downing Street.", "She works for U.S. President Biden.", "They left the U.S.", "The end."}},
		{en, "\"We will stay.\" Then he left! Why? Dr. Smith, Mrs. Jones and Prof. Lee agreed, e.g. Ms. Wu.", []string{"\"We will stay.\"", "Then he left!", "Why?", "Dr. Smith, Mrs. Jones and Prof. Lee agreed, e.g. Ms. Wu."}},
		{en, "Growth was 3.5 per cent in 2012. It rose.", []string{"Growth was 3.5 per cent in 2012.", "It rose."}},
		{en, "   ", nil},
	} {
		var got []string
		for _, sp := range tc.p.Sentences(tc.in) {
			got = append(got, tc.in[sp.Start:sp.End])
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") || len(got) != len(tc.want) {
			t.Errorf("%s Sentences(%q)\n got %q\nwant %q", tc.p.Tag, tc.in, got, tc.want)
		}
	}
	// Exact byte span of the last seed sentence: trimmed, closing » kept.
	spans := fr.Sentences(seedFR)
	last := spans[len(spans)-1]
	if want := (Span{at(t, seedFR, "«\u00a0Ils", 0), len(seedFR)}); last != want {
		t.Errorf("last span %v, want %v", last, want)
	}
}

func TestForConcurrent(t *testing.T) {
	done := make(chan *Pack, 8)
	for k := 0; k < 8; k++ {
		go func() {
			p, _ := For("en-GB")
			p.Sentences(seedEN)
			done <- p
		}()
	}
	first := <-done
	for k := 1; k < 8; k++ {
		if p := <-done; p != first {
			t.Fatal("different packs")
		}
	}
}

// TestTokensNonASCIIDigits is the regression for a hang the stated-count
// fuzzer found: a non-ASCII decimal digit made Tokens loop forever.
func TestTokensNonASCIIDigits(t *testing.T) {
	p, _ := For("fr")
	for _, s := range []string{"\u07c8", "les ３ pays", "٣ دول", "12\u07c8"} {
		toks := p.Tokens(s)
		end := 0
		for _, tk := range toks {
			if tk.Start != end || tk.End <= tk.Start {
				t.Fatalf("%q: tokens do not tile the text: %+v", s, toks)
			}
			end = tk.End
		}
		if end != len(s) {
			t.Errorf("%q: tokens end at %d of %d", s, end, len(s))
		}
	}
}

// TestPackASCIILower: one key per lower-case word of up to 8 ASCII bytes,
// whatever its case; longer and non-ASCII words have none.
func TestPackASCIILower(t *testing.T) {
	words := []string{"", "a", "b", "ab", "ba", "aa", "aaa", "de", "del", "della", "the", "their", "abcdefgh"}
	seen := map[uint64]string{}
	for _, w := range words {
		k, ok := PackASCIILower(w)
		if !ok {
			t.Fatalf("PackASCIILower(%q): not ok", w)
		}
		if other, dup := seen[k]; dup {
			t.Fatalf("%q and %q share key %#x", w, other, k)
		}
		seen[k] = w
		if ku, _ := PackASCIILower(strings.ToUpper(w)); ku != k {
			t.Errorf("PackASCIILower(%q) = %#x, want %#x as for %q", strings.ToUpper(w), ku, k, w)
		}
	}
	for _, w := range []string{"abcdefghi", "été", "Ça"} {
		if _, ok := PackASCIILower(w); ok {
			t.Errorf("PackASCIILower(%q) ok, want not", w)
		}
	}
}
