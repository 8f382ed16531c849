package lang

import (
	"math/rand"
	"strings"
	"testing"
)

// TestByteFinderMatchesLoop: Next answers as a loop over every byte, for
// sets of every size, whatever steps the caller takes forward.
func TestByteFinderMatchesLoop(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alphabet := "ab:;[\xc2\xe2’« »¹⁴"
	for range 2000 {
		var b strings.Builder
		for range rng.Intn(40) {
			b.WriteByte(alphabet[rng.Intn(len(alphabet))])
		}
		s := b.String()
		set := alphabet[:1+rng.Intn(9)] // up to 9 bytes: past maxFinderBytes too
		f := NewByteFinder(s, []byte(set))
		for i := 0; i <= len(s)+1; i += rng.Intn(3) {
			want := -1
			for j := i; j < len(s); j++ {
				if strings.IndexByte(set, s[j]) >= 0 {
					want = j
					break
				}
			}
			if got := f.Next(i); got != want {
				t.Fatalf("NewByteFinder(%q, %q).Next(%d) = %d, want %d", s, set, i, got, want)
			}
		}
	}
}
