package fix

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestApply(t *testing.T) {
	const src = "« Nos partenaires ; la réunion,» a dit"
	semi := len("« Nos partenaires")
	guil := len("« Nos partenaires ; la réunion,")
	tests := []struct {
		name    string
		edits   []Edit
		want    string
		skipped int
	}{
		{"none", nil, src, 0},
		{"replace and insert, given out of order",
			[]Edit{{guil, guil, "\u00a0"}, {semi, semi + 1, "\u202f"}},
			"« Nos partenaires\u202f; la réunion,\u00a0» a dit", 0},
		{"identical edits applied once",
			[]Edit{{guil, guil, "\u00a0"}, {guil, guil, "\u00a0"}},
			"« Nos partenaires ; la réunion,\u00a0» a dit", 0},
		{"overlap: the first in the file is kept",
			[]Edit{{semi + 1, semi + 3, "X"}, {semi, semi + 2, "\u202f;"}},
			"« Nos partenaires\u202f; la réunion,» a dit", 1},
		{"two different insertions at one place: the first given is kept",
			[]Edit{{guil, guil, "\u00a0"}, {guil, guil, "\u202f"}},
			"« Nos partenaires ; la réunion,\u00a0» a dit", 1},
		{"insertion at the end of a replacement is not an overlap",
			[]Edit{{semi, semi + 1, "\u202f"}, {semi + 1, semi + 1, "!"}},
			"« Nos partenaires\u202f!; la réunion,» a dit", 0},
		{"edit at the very end",
			[]Edit{{len(src), len(src), "."}},
			src + ".", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Apply([]byte(src), tt.edits)
			var ce *ConflictError
			switch {
			case tt.skipped == 0 && err != nil:
				t.Fatalf("unexpected error %v", err)
			case tt.skipped > 0 && (!errors.As(err, &ce) || ce.Skipped != tt.skipped):
				t.Fatalf("error %v, want %d skipped", err, tt.skipped)
			}
			if string(got) != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestApplyOutOfRange(t *testing.T) {
	for _, e := range []Edit{{-1, 0, ""}, {3, 2, ""}, {0, 5, ""}} {
		if got, err := Apply([]byte("abcd"), []Edit{e}); err == nil || got != nil {
			t.Errorf("%v: got %q, %v; want an error and no content", e, got, err)
		}
	}
}

func TestApplyDoesNotReorderCallerSlice(t *testing.T) {
	edits := []Edit{{3, 3, "x"}, {1, 1, "y"}}
	if _, err := Apply([]byte("abcd"), edits); err != nil {
		t.Fatal(err)
	}
	if edits[0].Start != 3 {
		t.Error("Apply sorted the caller's slice")
	}
}

func write(t *testing.T, path, content string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil { // umask may have narrowed it
		t.Fatal(err)
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// onlyFile fails unless dir holds exactly the named file: no temporary file
// left behind.
func onlyFile(t *testing.T, dir, name string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != name {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v, want only %s", names, name)
	}
}

func TestWriteFileKeepsMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.json")
	write(t, path, `{"title": "Attention!"}`, 0o640)
	if err := WriteFile(path, []byte(`{"title": "Attention!"}`), []byte(`{"title": "Attention\u202f!"}`), nil); err != nil {
		t.Fatal(err)
	}
	if got := read(t, path); got != `{"title": "Attention\u202f!"}` {
		t.Errorf("content %q", got)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", info.Mode().Perm())
	}
	onlyFile(t, dir, "a.json")
}

func TestWriteFileFollowsSymlink(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.json")
	write(t, path, "old", 0o644)
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink("a.json", link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := WriteFile(link, []byte("old"), []byte("new"), nil); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced (%v)", err)
	}
	if got := read(t, path); got != "new" {
		t.Errorf("target holds %q", got)
	}
}

func TestWriteFileRefusesChangedFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.json")
	write(t, path, "edited by someone else", 0o644)
	err := WriteFile(path, []byte("as read"), []byte("fixed"), nil)
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("error %v, want ErrChanged", err)
	}
	if got := read(t, path); got != "edited by someone else" {
		t.Errorf("file overwritten: %q", got)
	}
	onlyFile(t, dir, "a.json")
}

func TestWriteFileRefusesBrokenRecord(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.json")
	write(t, path, "good", 0o644)
	broken := errors.New("unexpected end of input")
	err := WriteFile(path, []byte("good"), []byte("bad"), func(b []byte) error {
		if string(b) != "bad" {
			t.Errorf("reparse got %q", b)
		}
		return broken
	})
	if !errors.Is(err, broken) {
		t.Fatalf("error %v, want a reparse refusal", err)
	}
	if got := read(t, path); got != "good" {
		t.Errorf("file overwritten: %q", got)
	}
	onlyFile(t, dir, "a.json")
}

func TestWriteFileRemovesTempOnError(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.json")
	write(t, path, "old", 0o644)
	failed := errors.New("rename failed")
	rename = func(string, string) error { return failed }
	defer func() { rename = os.Rename }()
	if err := WriteFile(path, []byte("old"), []byte("new"), nil); !errors.Is(err, failed) {
		t.Fatalf("error %v, want the rename error", err)
	}
	if got := read(t, path); got != "old" {
		t.Errorf("file changed: %q", got)
	}
	onlyFile(t, dir, "a.json")
}

func TestWriteFileMissing(t *testing.T) {
	dir := t.TempDir()
	if err := WriteFile(filepath.Join(dir, "gone.json"), nil, []byte("x"), nil); err == nil {
		t.Fatal("no error for a missing file")
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 0 {
		t.Errorf("directory holds %d entries (%v)", len(entries), err)
	}
}
