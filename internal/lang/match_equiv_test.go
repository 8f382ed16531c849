package lang

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// matchByTry is phraseSet.match as it was before it trusted its walk: the
// walk only finds candidates, and try compares each whole. The test oracle
// for match.
func (ps *phraseSet) matchByTry(s string, i int) (val int, end int, ok bool) {
	if i < 0 || i >= len(s) {
		return 0, 0, false
	}
	var found []int32
	node := int32(0)
	for j, k := i, 0; j < len(s); k++ {
		r, n := readFolded(s, j)
		next := ps.child(node, ps.key(r, k))
		if next < 0 {
			break
		}
		j += n
		if r == ' ' {
			j = skipFoldedSpace(s, j)
		}
		node = next
		if len(ps.nodes[node].ends) > 0 {
			found = append(found, node)
		}
	}
	for f := len(found) - 1; f >= 0; f-- {
		for _, ph := range ps.nodes[found[f]].ends {
			if e, ok := ps.try(ph.runes, s, i); ok {
				return ph.val, e, true
			}
		}
	}
	return 0, 0, false
}

// phraseSets are every phrase set of a pack, by name, for the tests that
// check a property of all of them.
func phraseSets(p *Pack) map[string]*phraseSet {
	return map[string]*phraseSet{
		"elisionExcept": p.elisionExcept, "nonExhaustive": p.nonExhaustive, "speech": p.speech,
		"honorifics": p.honorifics, "roles": p.roles, "roleArticles": p.roleArticles, "ranks": p.ranks,
		"countryArticles": p.countryArticles, "countries": p.countries, "numbers": p.num.fixed,
	}
}

// boundaryByRunes is boundaryOK as it was before its ASCII shortcut, the
// test oracle for it.
func (ps *phraseSet) boundaryByRunes(pr []rune, s string, j int) bool {
	last := pr[len(pr)-1]
	if unicode.IsLetter(last) || unicode.IsDigit(last) {
		next, n := runeAt(s, j)
		if n > 0 && isWordRune(next) {
			return false
		}
		if ps.noHyphenAfter && n > 0 && isHyphen(next) {
			if r2, _ := runeAt(s, j+n); isWordRune(r2) {
				return false
			}
		}
	}
	return true
}

// TestBoundaryOKShortcut: boundaryOK answers as it did rune by rune, after
// phrases ending in letters, digits and punctuation, before every ASCII
// byte and the runes a phrase may meet.
func TestBoundaryOKShortcut(t *testing.T) {
	var afters []string
	for c := range 0x80 {
		afters = append(afters, string(rune(c)), string(rune(c))+"a", string(rune(c))+"\u0301")
	}
	afters = append(afters, "", "é", "\u2011a", "\u2010", "\u2019a", "\u0301", "\xff", "-", "-é", "- ")
	for _, ps := range []*phraseSet{newPhraseSet(caseAll, true), newPhraseSet(caseFirst, false)} {
		for _, pr := range []string{"ab", "x9", "M.", "l'", "é", "ab-"} {
			for _, tail := range afters {
				s := "zz" + pr + tail
				j := 2 + len(pr)
				if got, want := ps.boundaryOK([]rune(pr), s, j), ps.boundaryByRunes([]rune(pr), s, j); got != want {
					t.Fatalf("boundaryOK(%q, %q, noHyphenAfter %v) = %v, want %v", pr, s, ps.noHyphenAfter, got, want)
				}
			}
		}
	}
}

// TestSealChains: sealed sets have chains, each the plain keys of the
// single-child path from its node to its end, which has phrases or
// branches; so TestMatchEqualsTry tests match's jumps along them.
func TestSealChains(t *testing.T) {
	for _, tag := range []string{"fr", "en"} {
		p, _ := For(tag)
		for name, ps := range phraseSets(p) {
			chains := 0
			for n := range ps.nodes {
				nd := ps.nodes[n]
				if nd.chainLen == 0 {
					continue
				}
				chains++
				var keys []rune
				c := int32(n)
				for c != nd.chainEnd {
					if ps.nodes[c].nkids != 1 || c != int32(n) && len(ps.nodes[c].ends) > 0 {
						t.Fatalf("%s %s: node %d's chain passes node %d, which branches or ends phrases", tag, name, n, c)
					}
					c = ps.nodes[c].child
					keys = append(keys, ps.nodes[c].key)
				}
				if got := ps.chains[nd.chainAt : nd.chainAt+nd.chainLen]; got != string(keys) || len(keys) < 2 {
					t.Fatalf("%s %s: node %d's chain is %q, its path %q", tag, name, n, got, string(keys))
				}
				for k, r := range keys {
					if plain, _, ok := plainKey(string(r), 0); !ok || plain != r {
						t.Fatalf("%s %s: node %d's chain key %d, %q, is not read as itself", tag, name, n, k, r)
					}
				}
			}
			if name != "ranks" && chains == 0 && len(ps.nodes) > 50 {
				t.Errorf("%s %s: %d nodes and no chain", tag, name, len(ps.nodes))
			}
		}
	}
}

// TestMatchEqualsTry: match gives what trying every candidate whole gives,
// for every phrase set of both packs, at every byte of the seed prose, of
// every phrase written in several cases and spacings, and of random texts
// made of phrase pieces.
func TestMatchEqualsTry(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tag := range []string{"fr", "en"} {
		p, _ := For(tag)
		sets := phraseSets(p)
		var pieces []string
		for _, ps := range sets {
			for _, n := range ps.nodes {
				for _, ph := range n.ends {
					w := string(ph.runes)
					first := []rune(w)
					first[0] = unicode.ToUpper(first[0])
					pieces = append(pieces, w, strings.ToUpper(w), string(first),
						strings.ReplaceAll(w, " ", "\u00a0"), strings.ReplaceAll(w, "'", "’"))
				}
			}
		}
		texts := seedProse(t)
		for range 3000 {
			var b strings.Builder
			for range 1 + rng.IntN(4) {
				b.WriteString(pieces[rng.IntN(len(pieces))])
				b.WriteString([]string{" ", "", "-", "x", ", ", "\u0301 ", "  "}[rng.IntN(7)])
			}
			texts = append(texts, b.String())
		}
		for name, ps := range sets {
			for _, s := range texts {
				for i := 0; i < len(s); i++ {
					v1, e1, ok1 := ps.match(s, i)
					v2, e2, ok2 := ps.matchByTry(s, i)
					if v1 != v2 || e1 != e2 || ok1 != ok2 {
						t.Fatalf("%s %s at %d of %q: match = %d %d %v, by try = %d %d %v", tag, name, i, s, v1, e1, ok1, v2, e2, ok2)
					}
				}
			}
		}
	}
}
