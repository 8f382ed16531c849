package lang

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestTrieKids: a node's kids block (with two children or more) holds,
// sorted by key, the children its sibling links hold, and child finds
// each of them and no other key.
func TestTrieKids(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, tag := range []string{"fr", "en"} {
		p, _ := For(tag)
		sets := phraseSets(p)
		for name, ps := range sets {
			for n := range ps.nodes {
				var linked []trieKid
				for c := ps.nodes[n].child; c != 0; c = ps.nodes[c].sibling {
					linked = append(linked, trieKid{ps.nodes[c].key, c})
				}
				slices.SortFunc(linked, func(a, b trieKid) int { return int(a.key - b.key) })
				nd := ps.nodes[n]
				if int(nd.nkids) != len(linked) {
					t.Fatalf("%s %s node %d: %d kids, %d linked", tag, name, n, nd.nkids, len(linked))
				}
				if len(linked) > 1 {
					if kids := ps.kids[nd.first : nd.first+nd.nkids]; !slices.Equal(kids, linked) {
						t.Fatalf("%s %s node %d: kids %v, linked %v", tag, name, n, kids, linked)
					}
				}
				keys := map[rune]int32{}
				for _, k := range linked {
					keys[k.key] = k.node
					if got := ps.child(int32(n), k.key); got != k.node {
						t.Fatalf("%s %s: child(%d, %q) = %d, want %d", tag, name, n, k.key, got, k.node)
					}
				}
				// Keys around and between the children's, and random ones.
				probe := []rune{-1, 0, ' ', 'z' + 1, 0x2019, rune(rng.IntN(0x3000))}
				for _, k := range linked {
					probe = append(probe, k.key-1, k.key+1)
				}
				for _, key := range probe {
					want, ok := keys[key]
					if !ok {
						want = -1
					}
					if got := ps.child(int32(n), key); got != want {
						t.Fatalf("%s %s: child(%d, %q) = %d, want %d", tag, name, n, key, got, want)
					}
				}
			}
		}
	}
}

// TestTrieKidsGrow: a node's block survives being moved as it grows, with
// keys added in every order.
func TestTrieKidsGrow(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 50 {
		ps := newPhraseSet(caseExact, false)
		var words []string
		for range 1 + rng.IntN(80) {
			// Two-rune phrases under a few first runes: wide second levels,
			// ASCII and not, grown in turns.
			second := 'A' + rune(rng.IntN(58)) // ASCII letters and a few signs
			if rng.IntN(2) == 0 {
				second = 0xC0 + rune(rng.IntN(0xC0)) // Latin-1 and Extended-A
			}
			w := string([]rune{'a' + rune(rng.IntN(3)), second})
			words = append(words, w)
			ps.add(w, len(words))
		}
		for i, w := range words {
			v, e, ok := ps.match(w, 0)
			if !ok || e != len(w) || words[v-1] != w || slices.Index(words, w) != v-1 {
				t.Fatalf("phrase %d %q: match = %d, %d, %v", i, w, v, e, ok)
			}
		}
	}
}

// BenchmarkLoadPacks builds both packs as a one-file run does.
func BenchmarkLoadPacks(b *testing.B) {
	for b.Loop() {
		for _, tag := range []string{"fr", "en"} {
			if _, err := load(tag); err != nil {
				b.Fatal(err)
			}
		}
	}
}
