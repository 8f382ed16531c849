package rules

import (
	"math/rand/v2"
	"testing"
)

// TestPositionIncrementalColumns: Position counts columns on from its
// previous answer; whatever the order of the queries, every column must be
// the UTF-16 length from the line start, including offsets inside a
// multi-byte rune and invalid UTF-8.
func TestPositionIncrementalColumns(t *testing.T) {
	content := []byte("{\"title\": \"Sommet de l’OTAN à Chicago 🇺🇸 : « treize partenaires » réunis\",\n" +
		"\"body\": [\"Le secrétaire général, M. Rasmussen, a déclaré : « Nous sommes prêts » 😀\xff\xfe fin.\"]}\n")
	f := NewFile("a.json", content, FormatJSON)
	want := func(off int) (int, int) {
		line, from := 1, 0
		for i := 0; i < off; i++ {
			if content[i] == '\n' {
				line, from = line+1, i+1
			}
		}
		return line, UTF16Len(content[from:off]) + 1
	}
	check := func(off int) {
		t.Helper()
		gl, gc := f.Position(off)
		wl, wc := want(off)
		if gl != wl || gc != wc {
			t.Fatalf("Position(%d) = %d:%d, want %d:%d", off, gl, gc, wl, wc)
		}
	}
	for off := 0; off <= len(content); off++ { // ascending, every byte
		check(off)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 { // any order
		check(rng.IntN(len(content) + 1))
	}
}
