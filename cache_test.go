package artlint_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestCache: a re-run reads the cache and reports the same; a changed
// file, a changed rule selection or a corrupted entry is linted again,
// never served stale; concurrent runs sharing the directory agree.
func TestCache(t *testing.T) {
	dir := t.TempDir()
	cacheDir := filepath.Join(dir, "cache")
	rec := filepath.Join(dir, "article.json")
	seed, err := os.ReadFile("testdata/records/nato-chicago-partners-2012.fr.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(rec, seed, 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(extra ...string) string {
		t.Helper()
		out, errOut, code := lint(t, append([]string{"lint", "--no-config", "--cache-location", cacheDir, "--format", "json"}, append(extra, rec)...)...)
		if code > 1 || errOut != "" {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		return out
	}
	entries := func() int {
		n := 0
		_ = filepath.WalkDir(cacheDir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && d.Name() != "trim.txt" { // trim.txt: when the directory was last trimmed
				n++
			}
			return nil
		})
		return n
	}
	uncached, _, _ := lint(t, "lint", "--no-config", "--format", "json", rec)
	first := run()
	if first != uncached {
		t.Fatalf("first run with --cache differs from a run without it")
	}
	if entries() != 1 {
		t.Fatalf("%d cache entries after one file, want 1", entries())
	}
	if again := run(); again != first {
		t.Errorf("cached re-run differs:\n%s\nwant:\n%s", again, first)
	}

	// Another rule selection: another key, another result.
	only := run("--disable", "typography")
	if strings.Contains(only, `"typography"`) {
		t.Errorf("--disable typography served the cached typography findings")
	}
	if entries() != 2 {
		t.Errorf("%d cache entries, want 2 (one per rule selection)", entries())
	}

	// A changed file: the straight apostrophes fixed, its findings gone.
	fixed := strings.ReplaceAll(string(seed), "qu'a", "qu’a")
	if err := os.WriteFile(rec, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	changed := run()
	want, _, _ := lint(t, "lint", "--no-config", "--format", "json", rec)
	if changed != want || changed == first {
		t.Errorf("changed file: got the cached result of the old content")
	}

	// A corrupted entry is a miss, not an error.
	_ = filepath.WalkDir(cacheDir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			_ = os.WriteFile(p, []byte("not gob"), 0o644)
		}
		return nil
	})
	if got := run(); got != want {
		t.Errorf("corrupted cache entry changed the result")
	}

	// Concurrent runs over the same directory.
	var wg sync.WaitGroup
	outs := make([]string, 4)
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i], _, _ = lint(t, "lint", "--no-config", "--cache-location", cacheDir, "--format", "json", "--disable", "footnote-order", rec)
		}()
	}
	wg.Wait()
	for i, o := range outs {
		if o != outs[0] || o == "" {
			t.Errorf("concurrent run %d differs", i)
		}
	}
	// No temporary files left behind.
	_ = filepath.WalkDir(cacheDir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
}
