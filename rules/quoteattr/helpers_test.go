package quoteattr

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/artlint/artlint/internal/lang"
	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/rules/ruletest"
	"github.com/artlint/artlint/rules/textan"
)

// TestFastHelpersMatchDefinitions: the allocation-free helpers answer as
// the expressions they replace.
func TestFastHelpersMatchDefinitions(t *testing.T) {
	m := map[string]bool{"à": true, "dans": true, "in": true, "of": true, "straße": true}
	gaps := []string{"", " ", "  ", ", ", " ; ", " : ", ". ", " « ", " » ", "“", "”", "\"", " notamment ", "\u00a0", "\xff", "’", "…"}
	words := []string{"À", "à", "DANS", "Dans", "dans", "In", "OF", "Straße", "STRASSE", "x", "", strings.Repeat("D", 40), "dAns\xff", "\xc3", "é\xc3", "\xc3\xc3\xa9"}
	for _, g := range gaps {
		if got, want := stopsProbe(g), strings.ContainsAny(g, ",;:.«»“”\""); got != want {
			t.Errorf("stopsProbe(%q) = %v, want %v", g, got, want)
		}
		for _, s := range []string{g, "a déclaré" + g + "le ministre" + g, "\xff" + g + "—", "dit (" + g} {
			if got, want := clauseStop(s), strings.IndexAny(s, ":;«»“”\"()—–"); got != want {
				t.Errorf("clauseStop(%q) = %d, want %d", s, got, want)
			}
		}
	}
	for _, s := range append(gaps, words...) {
		for _, f := range []string{s, "secrétaire" + s + "général", s + "vice\u2028prime  minister" + s} {
			if got, want := appendFields(nil, f), strings.Fields(f); !slices.Equal(got, want) {
				t.Errorf("appendFields(%q) = %q, want %q", f, got, want)
			}
		}
	}
	roles := []string{"secrétaire général", "Secrétaire Général", "secrétaire général délégué", "secrétaire général DÉLÉGUÉ", "ministre",
		"ministre des Affaires étrangères", "foreign minister", "minister", "Minister", "deputy foreign minister", "VICE prime\u00a0minister",
		"prime minister", " prime  minister ", "", "\xffminister", "\xfeminister"}
	for _, a := range roles {
		for _, b := range roles {
			if got, want := covers(a, b), coversByFields(a, b); got != want {
				t.Errorf("covers(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
	for _, w := range words {
		if got, want := lookupLower(m, w), m[strings.ToLower(w)]; got != want {
			t.Errorf("lookupLower(%q) = %v, want %v", w, got, want)
		}
	}
	for r := rune(0); r < 0x250; r++ {
		w := string(r) + "x"
		first, _ := utf8.DecodeRuneInString(w)
		if got, want := isCap(w), unicode.IsUpper(first); got != want {
			t.Errorf("isCap(%q) = %v, want %v", w, got, want)
		}
		if got, want := isLower(w), unicode.IsLower(first); got != want {
			t.Errorf("isLower(%q) = %v, want %v", w, got, want)
		}
	}
	if isCap("") || isLower("") {
		t.Error("the empty word has a case")
	}
	for _, s := range append(gaps, "a déclaré le secrétaire général, M. X.", "le (porte-parole) « x » “y”!", "é?\xff;") {
		if got, want := roleBreak(s), strings.IndexAny(s, ",.;:!?«»“”\"()"); got != want {
			t.Errorf("roleBreak(%q) = %d, want %d", s, got, want)
		}
	}
}

// coversByFields is covers as first written, on the lower-cased roles.
func coversByFields(tied, role string) bool {
	if tied == role {
		return true
	}
	t, r := strings.Fields(strings.ToLower(tied)), strings.Fields(strings.ToLower(role))
	if len(r) >= len(t) {
		return false
	}
	var extra []string
	switch {
	case slices.Equal(t[:len(r)], r):
		extra = t[len(r):]
	case slices.Equal(t[len(t)-len(r):], r):
		extra = t[:len(t)-len(r)]
	default:
		return false
	}
	for _, w := range extra {
		if deputy[w] {
			return false
		}
	}
	return true
}

// TestTiedWhereItStandsAsScanned: wherever tiedWhereItStands records a
// tie without scanning, scanning the text records that role's tie at or
// before the same place, on the test articles and the seeds.
func TestTiedWhereItStandsAsScanned(t *testing.T) {
	tied := 0
	records := testPasses(t)
	for _, tp := range records {
		path, pass := tp.path, tp.pass
		c := newChecker(pass)
		for ti := range c.quotes {
			s := c.text(ti).Value()
			for _, w := range c.wordsOf(ti) {
				role, rs, end, ok := c.p.Role(s, w.Start)
				if !ok || c.particle(ti, w, rs) {
					continue
				}
				fresh := newChecker(pass)
				if !fresh.tiedWhereItStands(ti, w, role, rs, end) {
					continue
				}
				tied++
				scanned := newChecker(pass)
				scanned.scan(ti)
				if at, ok := scanned.ties[role]; !ok || !at.before(pos{ti, w.Start}) {
					t.Errorf("%s: %q at %d of %q is tied where it stands, not once scanned", path, role, w.Start, s)
				}
			}
		}
	}
	if tied == 0 {
		t.Error("no role tied where it stands: the test tests nothing")
	}
	t.Logf("%d roles tied where they stand, in %d records", tied, len(records))
}

// TestTiedAtSameWordsAsScanned: wherever tiedAtSameWords finds a role
// tied where the same words stand in a text not yet scanned, scanning
// every text finds that role tied as well, and every tie it records is
// one the scan records at that place or before, on the test articles and
// the seeds.
func TestTiedAtSameWordsAsScanned(t *testing.T) {
	// found is roleTied's question: a tie covering role, before at.
	found := func(c *checker, role string, at pos, anywhere bool) func() bool {
		return func() bool {
			for key, tie := range c.ties {
				if covers(key, role) && (anywhere || tie.before(at)) {
					return true
				}
			}
			return false
		}
	}
	tied := 0
	records := testPasses(t)
	for _, tp := range records {
		path, pass := tp.path, tp.pass
		scanned := newChecker(pass)
		for ti := range scanned.quotes {
			scanned.scan(ti)
		}
		c := newChecker(pass)
		for ti := range c.quotes {
			s := c.text(ti).Value()
			anywhere := c.text(ti).Kind == rules.KindTitle || c.text(ti).Kind == rules.KindSummary
			for _, w := range c.wordsOf(ti) {
				role, rs, _, ok := c.p.Role(s, w.Start)
				if !ok || c.particle(ti, w, rs) {
					continue
				}
				at := pos{ti, rs.Start}
				fresh := newChecker(pass)
				if !fresh.tiedAtSameWords(ti, rs, anywhere, found(fresh, role, at, anywhere)) {
					continue
				}
				tied++
				if !found(scanned, role, at, anywhere)() {
					t.Errorf("%s: %q at %d of %q is tied where its words stand elsewhere, not once scanned", path, role, w.Start, s)
				}
				for key, tie := range fresh.ties {
					if first, ok := scanned.ties[key]; !ok || !first.before(tie) {
						t.Errorf("%s: %q tied at %v, not so once scanned", path, key, tie)
					}
				}
			}
		}
	}
	if tied == 0 {
		t.Error("no role tied where its words stand elsewhere: the test tests nothing")
	}
	t.Logf("%d roles tied where their words stand elsewhere, in %d records", tied, len(records))
}

// TestHasWordsAsCounted: hasWords, counting among the shared tokens,
// answers as counting the picked words does, for every quotation and
// sentence of the test articles and the seeds, whether the text's words
// are picked yet or not.
func TestHasWordsAsCounted(t *testing.T) {
	spans := 0
	records := testPasses(t)
	for _, tp := range records {
		path, pass := tp.path, tp.pass
		c := newChecker(pass)
		for ti, tq := range c.quotes {
			var sps []lang.Span
			for _, q := range tq.Quotes {
				sps = append(sps, q.Inner, q.Open, lang.Span{Start: q.Open.Start, End: q.Inner.End})
			}
			sps = append(sps, c.sents[ti].Sentences...)
			sps = append(sps, lang.Span{Start: 0, End: len(c.text(ti).Value())})
			for picked := range 2 {
				for _, sp := range sps {
					for n := range 6 {
						c.toks[ti] = nil
						if picked == 1 {
							c.wordsOf(ti)
						}
						got := c.hasWords(ti, sp, n)
						if want := c.words(ti, sp) >= n; got != want {
							t.Errorf("%s: hasWords(%q, %d) = %v, want %v (picked: %v)", path, c.text(ti).Value()[sp.Start:sp.End], n, got, want, picked == 1)
						}
						spans++
					}
				}
			}
		}
	}
	t.Logf("%d spans", spans)
}

// testPass is a record of the test articles or seeds, prepared for Rule.
type testPass struct {
	path string
	pass *rules.Pass
}

// testPasses prepares every record of the test articles and the seeds
// that has a language pack, for the tests that compare a shortcut with
// the plain code on real text.
func testPasses(t *testing.T) []testPass {
	t.Helper()
	var tps []testPass
	for _, f := range ruletest.Files(t, "../../testdata/articles/*/*.json", "../../testdata/records/*.json") {
		for _, rec := range ruletest.Parse(t, f) {
			pass := rules.NewPass(Rule, rec, ruletest.Prepare(t, Rule, rec), nil, func(rules.Diagnostic) {})
			if textan.Pack(pass) != nil {
				tps = append(tps, testPass{f.Path, pass})
			}
		}
	}
	return tps
}

// newChecker is a fresh checker of pass, as run makes one.
func newChecker(pass *rules.Pass) *checker {
	c := &checker{ties: map[string]pos{}, surnames: map[string]pos{}, at: map[int]int{}}
	c.reset(pass, textan.Pack(pass), textan.QuotationsOf(pass), textan.SentencesOf(pass), textan.TokensOf(pass))
	return c
}
