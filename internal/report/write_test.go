package report

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestWriteFormats(t *testing.T) {
	if got := strings.Join(Formats(), ","); got != "text,json,sarif,github,checkstyle,junit,gitlab" {
		t.Errorf("Formats() = %s", got)
	}
	Formats()[0] = "changed" // a copy: callers cannot change the list
	if Formats()[0] != "text" {
		t.Error("Formats returns the package's slice")
	}
	for _, f := range Formats() {
		var b bytes.Buffer
		// Workflow commands for a clean run are nothing at all.
		if err := Write(&b, f, emptyRun(), testTool, Options{}); err != nil || (b.Len() == 0) != (f == "github") {
			t.Errorf("%s: %v, %d bytes", f, err, b.Len())
		}
	}
	err := Write(io.Discard, "xml", emptyRun(), testTool, Options{})
	if err == nil || !strings.Contains(err.Error(), `"xml"`) || !strings.Contains(err.Error(), "text, json, sarif, github, checkstyle, junit, gitlab") {
		t.Errorf("unknown format: %v", err)
	}
}

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

// dirEntries lists dir, to catch temporary files left behind.
func dirEntries(t *testing.T, dir string) string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return strings.Join(names, " ")
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "résultats.sarif")

	// New file: 0644, whatever CreateTemp started with.
	if err := WriteFileAtomic(path, writeString("un")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "un" {
		t.Errorf("content = %q", b)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o644 {
		t.Errorf("new file mode = %v, want 0644", fi.Mode().Perm())
	}

	// Existing file: its mode is kept.
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, writeString("deux")); err != nil {
		t.Fatal(err)
	}
	fi, err = os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600 kept", fi.Mode().Perm())
	}

	// Failure: the old content stays and no temporary file is left.
	boom := errors.New("boom")
	err = WriteFileAtomic(path, func(w io.Writer) error {
		if _, err := io.WriteString(w, "partiel"); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("err = %v, want boom", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "deux" {
		t.Errorf("content after a failed write = %q", b)
	}
	if got := dirEntries(t, dir); got != "résultats.sarif" {
		t.Errorf("directory holds %q", got)
	}

	// A missing directory is an error, not a panic.
	if err := WriteFileAtomic(filepath.Join(dir, "absent", "x"), writeString("x")); err == nil {
		t.Error("no error for a missing directory")
	}
}

func TestWriteFileAtomicSymlink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symlinks need privileges on Windows")
	}
	dir := t.TempDir()
	target := filepath.Join(dir, "cible.json")
	link := filepath.Join(dir, "lien.json")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("cible.json", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(link, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	if b, _ := os.ReadFile(target); string(b) != "new" {
		t.Errorf("target = %q", b)
	}
}
