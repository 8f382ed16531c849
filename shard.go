package artlint

import (
	"fmt"
	"hash/fnv"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/artlint/artlint/internal/engine"
)

// parseShard reads --shard K/N (1 ≤ K ≤ N).
func parseShard(s string) (k, n int, err error) {
	ks, ns, ok := strings.Cut(s, "/")
	k, err1 := strconv.Atoi(ks)
	n, err2 := strconv.Atoi(ns)
	if !ok || err1 != nil || err2 != nil || n < 1 || k < 1 || k > n {
		return 0, 0, fmt.Errorf("--shard: %q is not K/N with 1 ≤ K ≤ N (e.g. 2/4)", s)
	}
	return k, n, nil
}

// shardInputs keeps shard k of n: the inputs are ordered by a hash of
// their slash path relative to the working directory (so that runners
// with different checkout directories agree) and dealt out in turn, which
// gives shards that differ by at most one file and together hold every
// input exactly once. Standard input belongs to the first shard.
func shardInputs(inputs []engine.Input, k, n int, cwd string) []engine.Input {
	if n == 1 {
		return inputs
	}
	type keyed struct {
		hash uint64
		key  string
		in   engine.Input
	}
	all := make([]keyed, 0, len(inputs))
	var out []engine.Input
	for _, in := range inputs {
		if in.Stdin {
			if k == 1 {
				out = append(out, in)
			}
			continue
		}
		key := in.Path
		if abs, err := filepath.Abs(key); err == nil {
			if rel, err := filepath.Rel(cwd, abs); err == nil && !strings.HasPrefix(rel, "..") {
				key = rel
			}
		}
		key = filepath.ToSlash(key)
		h := fnv.New64a()
		h.Write([]byte(key))
		all = append(all, keyed{h.Sum64(), key, in})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].hash != all[j].hash {
			return all[i].hash < all[j].hash
		}
		return all[i].key < all[j].key
	})
	for i, e := range all {
		if i%n == k-1 {
			out = append(out, e.in)
		}
	}
	// Back to the order the paths were given in, as without --shard.
	pos := make(map[string]int, len(inputs))
	for i, in := range inputs {
		pos[in.Path] = i
	}
	sort.SliceStable(out, func(i, j int) bool { return pos[out[i].Path] < pos[out[j].Path] })
	return out
}
