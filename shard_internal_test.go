package artlint

import (
	"fmt"
	"testing"

	"github.com/artlint/artlint/internal/engine"
)

// TestShardInputsPartition: N shards hold every input exactly once, differ
// by at most one file, keep the given order, and do not depend on the
// working directory the runner checked out to.
func TestShardInputsPartition(t *testing.T) {
	var inputs []engine.Input
	for i := range 1000 {
		inputs = append(inputs, engine.Input{Path: fmt.Sprintf("archive/%03d/article-%06d.json", i/100, i)})
	}
	for _, n := range []int{1, 2, 3, 7} {
		seen := map[string]int{}
		for k := 1; k <= n; k++ {
			got := shardInputs(inputs, k, n, "/work/checkout")
			if len(got) < 1000/n || len(got) > 1000/n+1 {
				t.Errorf("shard %d/%d: %d files, want %d or %d", k, n, len(got), 1000/n, 1000/n+1)
			}
			for i, in := range got {
				seen[in.Path]++
				if i > 0 && got[i-1].Path > in.Path {
					t.Errorf("shard %d/%d: %s after %s: not in the given order", k, n, in.Path, got[i-1].Path)
				}
			}
			other := shardInputs(inputs, k, n, "/home/runner/work/archive")
			for i := range got {
				if got[i].Path != other[i].Path {
					t.Fatalf("shard %d/%d differs between two checkout directories at %d: %s, %s", k, n, i, got[i].Path, other[i].Path)
				}
			}
		}
		if len(seen) != 1000 {
			t.Errorf("n=%d: %d distinct files in the shards, want 1000", n, len(seen))
		}
		for p, c := range seen {
			if c != 1 {
				t.Errorf("n=%d: %s in %d shards", n, p, c)
			}
		}
	}
	stdin := append([]engine.Input{{Path: "<stdin>", Stdin: true}}, inputs[:3]...)
	if got := shardInputs(stdin, 1, 2, "/"); len(got) == 0 || got[0].Path != "<stdin>" {
		t.Errorf("standard input is not in shard 1/2: %v", got)
	}
	if got := shardInputs(stdin, 2, 2, "/"); len(got) > 0 && got[0].Stdin {
		t.Errorf("standard input in shard 2/2 too")
	}
}

func TestParseShard(t *testing.T) {
	for _, s := range []string{"1/1", "2/4", "4/4"} {
		if _, _, err := parseShard(s); err != nil {
			t.Errorf("%s: %v", s, err)
		}
	}
	for _, s := range []string{"0/4", "5/4", "1/0", "2", "a/b", "1/2/3"} {
		if _, _, err := parseShard(s); err == nil {
			t.Errorf("%s: accepted", s)
		}
	}
}
