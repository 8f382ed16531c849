package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/artlint/artlint"
)

func generate(t *testing.T, args ...string) string {
	t.Helper()
	dir := t.TempDir()
	var errOut bytes.Buffer
	args = append([]string{"-o", filepath.Join(dir, "corpus"), "--ndjson", filepath.Join(dir, "corpus.ndjson"), "--from", "../../testdata/records"}, args...)
	if code := run(args, io.Discard, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	return dir
}

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestDeterministic: the same seed gives the same bytes; another seed
// another corpus.
func TestDeterministic(t *testing.T) {
	a := readTree(t, generate(t, "-n", "40", "--seed", "7"))
	b := readTree(t, generate(t, "-n", "40", "--seed", "7"))
	c := readTree(t, generate(t, "-n", "40", "--seed", "8"))
	if len(a) != 40+3 { // files, manifest, NDJSON and its manifest
		t.Fatalf("%d files, want 43", len(a))
	}
	for name, data := range a {
		if b[name] != data {
			t.Errorf("%s differs between two runs with seed 7", name)
		}
	}
	if a["corpus.ndjson"] == c["corpus.ndjson"] {
		t.Error("seeds 7 and 8 give the same corpus")
	}
}

// TestDefectsAreFound lints a corpus where every record has a defect and
// wants each one reported by the rule the manifest names, in that file
// and on that NDJSON line.
func TestDefectsAreFound(t *testing.T) {
	dir := generate(t, "-n", "60", "--seed", "3", "--defects", "1")
	var man manifest
	data, err := os.ReadFile(filepath.Join(dir, "corpus", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &man); err != nil {
		t.Fatal(err)
	}
	if len(man.Defective) != 60 || len(man.Defects) != len(defectKinds) {
		t.Fatalf("%d defective records of %d kinds, want 60 of %d", len(man.Defective), len(man.Defects), len(defectKinds))
	}
	type found struct {
		Findings []struct {
			Rule, Path string
			Line       int
		}
	}
	lint := func(path string) found {
		var out, errOut bytes.Buffer
		if code := artlint.Run([]string{"lint", "--no-config", "--format", "json", path}, strings.NewReader(""), &out, &errOut); code != 1 {
			t.Fatalf("artlint lint %s: exit %d: %s", path, code, errOut.String())
		}
		var f found
		if err := json.Unmarshal(out.Bytes(), &f); err != nil {
			t.Fatal(err)
		}
		return f
	}
	files := lint(filepath.Join(dir, "corpus"))
	lines := lint(filepath.Join(dir, "corpus.ndjson"))
	for _, d := range man.Defective {
		inFile, onLine := false, false
		for _, f := range files.Findings {
			inFile = inFile || f.Rule == d.Rule && strings.HasSuffix(f.Path, d.Path)
		}
		for _, f := range lines.Findings {
			onLine = onLine || f.Rule == d.Rule && f.Line == d.Line
		}
		if !inFile {
			t.Errorf("%s (%s): no %s finding in the file", d.Path, d.Kind, d.Rule)
		}
		if !onLine {
			t.Errorf("NDJSON line %d (%s): no %s finding", d.Line, d.Kind, d.Rule)
		}
	}
}

// TestSeedLanguages: a regional seed ("fr-CH", "en-GB") is a French or
// English one; a seed in another language is a clear error, not a panic.
func TestSeedLanguages(t *testing.T) {
	dir := t.TempDir()
	write := func(name, lang string) {
		rec := `{"id": "` + name + `", "lang": "` + lang + `", "title": "T", "body": ["Texte."]}`
		if err := os.WriteFile(filepath.Join(dir, name+".json"), []byte(rec), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("lausanne", "fr-CH")
	write("london", "en-GB")
	var errOut bytes.Buffer
	if code := run([]string{"-n", "4", "-o", filepath.Join(t.TempDir(), "c"), "--from", dir}, io.Discard, &errOut); code != 0 {
		t.Fatalf("fr-CH and en-GB seeds: exit %d: %s", code, errOut.String())
	}
	write("berlin", "de")
	errOut.Reset()
	if code := run([]string{"-n", "4", "-o", filepath.Join(t.TempDir(), "c"), "--from", dir}, io.Discard, &errOut); code == 0 || !strings.Contains(errOut.String(), `language "de"`) {
		t.Errorf("a German seed: exit %d, stderr %q; want an error naming the language", code, errOut.String())
	}
}
