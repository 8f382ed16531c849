// Package cache stores lint results on disk, keyed by a hash of everything
// that decides them, so that a re-run over an unchanged archive reads them
// back instead of linting again.
//
// Entries are written to a temporary file and renamed into place, so
// concurrent runs sharing a directory never read a partial entry; an
// entry that cannot be read or decoded is a miss. Keys are chosen by the
// caller (see engine): a changed file, configuration, schema or artlint
// binary gives a different key, never a stale result.
package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Key identifies one entry.
type Key [sha256.Size]byte

// Dir is a cache directory.
type Dir struct {
	root string // .../results
}

// DefaultDir is artlint's directory under the user cache directory
// ($XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS,
// %LocalAppData% on Windows).
func DefaultDir() (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no user cache directory (%w): pass --cache-location", err)
	}
	return filepath.Join(d, "artlint"), nil
}

// Open makes the directory if needed; dir "" is DefaultDir.
func Open(dir string) (*Dir, error) {
	if dir == "" {
		d, err := DefaultDir()
		if err != nil {
			return nil, err
		}
		dir = d
	}
	// v1: the entry format; bump it when the encoding changes.
	root := filepath.Join(dir, "results-v1")
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	return &Dir{root: root}, nil
}

func (d *Dir) path(k Key) string {
	h := hex.EncodeToString(k[:])
	return filepath.Join(d.root, h[:2], h[2:])
}

// Get returns the entry for k, if there is one.
func (d *Dir) Get(k Key) ([]byte, bool) {
	data, err := os.ReadFile(d.path(k))
	if err != nil {
		return nil, false
	}
	return data, true
}

// Put stores data under k atomically: a reader sees the whole entry or
// none. Two runs writing the same key write the same bytes, so the last
// rename winning is harmless.
func (d *Dir) Put(k Key, data []byte) error {
	p := d.path(k)
	dir := filepath.Dir(p)
	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if errors.Is(err, os.ErrNotExist) {
		if err = os.MkdirAll(dir, 0o755); err == nil {
			tmp, err = os.CreateTemp(dir, ".tmp-*")
		}
	}
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), p)
	}
	if werr != nil {
		_ = os.Remove(tmp.Name()) // best effort: a stray temp file is only litter
	}
	return werr
}

// ToolIdentity names the running binary: its version, path, size and
// modification time, so that a rebuilt artlint (new rules, fixed bugs)
// never reads the results of the old one even at the same version.
func ToolIdentity(version string) string {
	exe, err := os.Executable()
	if err != nil {
		return version + "\x00unknown-executable"
	}
	info, err := os.Stat(exe)
	if err != nil {
		return version + "\x00" + exe
	}
	return fmt.Sprintf("%s\x00%s\x00%d\x00%d", version, exe, info.Size(), info.ModTime().UnixNano())
}
