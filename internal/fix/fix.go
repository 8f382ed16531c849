// Package fix applies the edits of suggested fixes to a file's bytes and
// writes the result back safely. It knows nothing of rules or records: the
// caller turns diagnostics' edits into Edits and supplies a reparse check.
package fix

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Edit replaces content[Start:End] (byte offsets into the original content)
// with NewText. Start == End is an insertion.
type Edit struct {
	Start, End int
	NewText    string
}

// ConflictError is returned by Apply, together with the fixed content, when
// some edits overlapped an earlier one and were skipped. Running the linter
// again after writing finds what the skipped edits would have fixed.
type ConflictError struct {
	Skipped int // number of edits not applied
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%d overlapping edit(s) skipped", e.Skipped)
}

// Apply applies edits to content and returns the new content.
//
// Edits are sorted by position (a stable sort, so edits at the same place
// keep the caller's order). An edit identical to the previous one is applied
// once and not counted as a conflict. An edit that overlaps the previous
// kept one, or a second, different insertion at the same offset (whose order
// would be a guess), is skipped: the result and a *ConflictError with the
// number skipped are both returned, so the caller can write the result and
// say how many were left. An edit outside content, or with End < Start, is
// a programming error: Apply returns nil and an error, and applies nothing.
func Apply(content []byte, edits []Edit) ([]byte, error) {
	sorted := make([]Edit, len(edits))
	copy(sorted, edits)
	for _, e := range sorted {
		if e.Start < 0 || e.End < e.Start || e.End > len(content) {
			return nil, fmt.Errorf("fix: edit [%d,%d) is outside the content (%d bytes)", e.Start, e.End, len(content))
		}
	}
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].Start != sorted[j].Start {
			return sorted[i].Start < sorted[j].Start
		}
		return sorted[i].End < sorted[j].End
	})
	var out bytes.Buffer
	out.Grow(len(content))
	pos, skipped := 0, 0
	var prev *Edit
	for i := range sorted {
		e := &sorted[i]
		if prev != nil {
			if *e == *prev {
				continue // the same fix suggested twice
			}
			bothInsert := e.Start == e.End && prev.Start == prev.End && e.Start == prev.Start
			if e.Start < prev.End || bothInsert {
				skipped++
				continue
			}
		}
		out.Write(content[pos:e.Start])
		out.WriteString(e.NewText)
		pos = e.End
		prev = e
	}
	out.Write(content[pos:])
	if skipped > 0 {
		return out.Bytes(), &ConflictError{Skipped: skipped}
	}
	return out.Bytes(), nil
}

// rename is os.Rename; tests replace it to exercise the clean-up path.
var rename = os.Rename

// ErrChanged is returned by WriteFile when the file on disk is no longer the
// content the fixes were computed from.
var ErrChanged = errors.New("file changed on disk since it was read")

// WriteFile replaces the file at path with fixed. It refuses, leaving the
// file untouched, when the file's current content differs from original
// (it changed since it was read: the edits' offsets would be wrong) or when
// reparse(fixed) fails (the fixes would break the record). reparse may be
// nil. The write is atomic: a temporary file in the same directory, with
// the original's permission bits, is written, synced and renamed over the
// file; the temporary file is removed on any error. A symbolic link is
// followed, so the link stays and its target is replaced.
func WriteFile(path string, original, fixed []byte, reparse func([]byte) error) (err error) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	info, err := os.Stat(target)
	if err != nil {
		return err
	}
	current, err := os.ReadFile(target)
	if err != nil {
		return err
	}
	if !bytes.Equal(current, original) {
		return fmt.Errorf("%s: %w; not fixed", path, ErrChanged)
	}
	if reparse != nil {
		if err := reparse(fixed); err != nil {
			return fmt.Errorf("%s: the fixed content does not parse (%w); not fixed", path, err)
		}
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".artlint-fix-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tmp.Close() // already closed on most paths; the error is moot
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(fixed); err != nil {
		return err
	}
	// CreateTemp makes the file 0600; give it the original's mode.
	if err = tmp.Chmod(info.Mode() & (os.ModePerm | os.ModeSetuid | os.ModeSetgid | os.ModeSticky)); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = rename(tmp.Name(), target); err != nil {
		return err
	}
	// Make the rename itself durable; some systems cannot sync a
	// directory, and the file is already in place, so this is best effort.
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}
