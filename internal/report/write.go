package report

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Options gathers what the formats need beyond the run and the tool; each
// format reads only its own fields.
type Options struct {
	Color    bool   // text
	SrcRoot  string // sarif: see SARIFOptions
	Category string // sarif: see SARIFOptions
}

var formats = []string{"text", "json", "sarif", "github", "checkstyle", "junit", "gitlab"}

// Formats returns the names Write accepts.
func Formats() []string { return append([]string(nil), formats...) }

// Write writes the run in the named format.
func Write(w io.Writer, format string, run *Run, tool Tool, opts Options) error {
	switch format {
	case "text":
		return WriteText(w, run, TextOptions{Color: opts.Color})
	case "json":
		return WriteJSON(w, run, tool)
	case "sarif":
		return WriteSARIF(w, run, tool, SARIFOptions{SrcRoot: opts.SrcRoot, Category: opts.Category})
	case "github":
		return WriteGitHub(w, run)
	case "checkstyle":
		return WriteCheckstyle(w, run, tool)
	case "junit":
		return WriteJUnit(w, run, tool)
	case "gitlab":
		return WriteGitLab(w, run)
	}
	return fmt.Errorf("unknown format %q (valid: %s)", format, strings.Join(formats, ", "))
}

// WriteFileAtomic writes a file through write so that readers see either
// the old content or the new, never a part: it writes a temporary file in
// the same directory (a rename across file systems is not atomic), syncs
// it and renames it over path. An existing file keeps its mode; a new one
// gets 0644. On any error the temporary file is removed and path is left
// as it was.
func WriteFileAtomic(path string, write func(io.Writer) error) (err error) {
	// Write through a symlink rather than replacing it with a file.
	if target, evalErr := filepath.EvalSymlinks(path); evalErr == nil {
		path = target
	}
	mode := fs.FileMode(0o644)
	if fi, statErr := os.Stat(path); statErr == nil {
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("%s: not a regular file", path)
		}
		mode = fi.Mode().Perm()
	} else if !errors.Is(statErr, fs.ErrNotExist) {
		return statErr
	}

	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tmp.Close() // may already be closed; the write error matters
			_ = os.Remove(tmp.Name())
		}
	}()

	bw := bufio.NewWriter(tmp)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	// CreateTemp makes the file 0600; set the mode before it becomes
	// visible under path.
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename itself durable where the system allows it;
// some (Windows) cannot open a directory for syncing, and the file is
// already complete, so failure here is not reported.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}
