package cache

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func TestPutGet(t *testing.T) {
	d, err := Open(filepath.Join(t.TempDir(), "artlint"))
	if err != nil {
		t.Fatal(err)
	}
	k := Key(sha256.Sum256([]byte("nato-chicago-partners-2012.fr.json")))
	if _, ok := d.Get(k); ok {
		t.Fatal("hit in an empty cache")
	}
	entry := []byte("« Nos partenaires partagent tous le souhait qu’a l’OTAN de bâtir la sécurité »")
	if err := d.Put(k, entry); err != nil {
		t.Fatal(err)
	}
	got, ok := d.Get(k)
	if !ok || string(got) != string(entry) {
		t.Fatalf("Get = %q, %v; want the entry", got, ok)
	}
	other := Key(sha256.Sum256([]byte("nato-lisbon-summit-2010.en.yaml")))
	if _, ok := d.Get(other); ok {
		t.Error("hit for another key")
	}
}

// TestConcurrentPut: writers of the same key never leave a partial entry
// or a temporary file.
func TestConcurrentPut(t *testing.T) {
	root := t.TempDir()
	d, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	k := Key(sha256.Sum256([]byte("k")))
	entry := make([]byte, 1<<20)
	for i := range entry {
		entry[i] = byte('a' + i%26)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := d.Put(k, entry); err != nil {
				t.Error(err)
			}
			if got, ok := d.Get(k); !ok || len(got) != len(entry) {
				t.Errorf("read %d bytes, want %d", len(got), len(entry))
			}
		}()
	}
	wg.Wait()
	_ = filepath.WalkDir(root, func(p string, de os.DirEntry, err error) error {
		if err == nil && !de.IsDir() && filepath.Base(p)[0] == '.' {
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
}

// TestTrim: entries unused for a week and old temporary files go, entries
// read recently stay, and a second Trim the same day does nothing.
func TestTrim(t *testing.T) {
	d, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	put := func(name string, age time.Duration) Key {
		k := Key(sha256.Sum256([]byte(name)))
		if err := d.Put(k, []byte(name)); err != nil {
			t.Fatal(err)
		}
		old := now.Add(-age)
		if err := os.Chtimes(d.path(k), old, old); err != nil {
			t.Fatal(err)
		}
		return k
	}
	stale := put("nato-lisbon-summit-2010.en.yaml", 8*24*time.Hour)
	used := put("nato-chicago-partners-2012.fr.json", 8*24*time.Hour)
	recent := put("nato-wales-summit-2014.fr.json", 2*24*time.Hour)
	if _, ok := d.Get(used); !ok { // a hit refreshes it
		t.Fatal("miss")
	}
	crashed := filepath.Join(filepath.Dir(d.path(stale)), ".tmp-123")
	if err := os.WriteFile(crashed, []byte("partial"), 0o644); err != nil {
		t.Fatal(err)
	}
	hourAgo := now.Add(-2 * time.Hour)
	if err := os.Chtimes(crashed, hourAgo, hourAgo); err != nil {
		t.Fatal(err)
	}

	if n := d.Trim(now); n != 2 {
		t.Errorf("Trim deleted %d files, want 2 (the stale entry, the temporary file)", n)
	}
	if _, ok := d.Get(stale); ok {
		t.Error("the entry unused for 8 days is still there")
	}
	for name, k := range map[string]Key{"used": used, "recent": recent} {
		if _, ok := d.Get(k); !ok {
			t.Errorf("the %s entry was deleted", name)
		}
	}
	if _, err := os.Stat(crashed); !os.IsNotExist(err) {
		t.Error("the old temporary file is still there")
	}

	// Trimmed today: the next run leaves even a stale entry alone.
	again := put("nato-brussels-summit-2018.en.json", 30*24*time.Hour)
	if n := d.Trim(now.Add(time.Hour)); n != 0 {
		t.Errorf("second Trim the same day deleted %d files", n)
	}
	if n := d.Trim(now.Add(25 * time.Hour)); n != 1 {
		t.Errorf("Trim a day later deleted %d files, want 1", n)
	}
	if _, ok := d.Get(again); ok {
		t.Error("the 30-day-old entry survived the next day's Trim")
	}
}
