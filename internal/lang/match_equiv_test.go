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
