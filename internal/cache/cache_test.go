package cache

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"sync"
	"testing"
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
