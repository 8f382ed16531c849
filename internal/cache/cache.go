// Package cache stores lint results on disk, keyed by a hash of everything
// that decides them, so that a re-run over an unchanged archive reads them
// back instead of linting again.
//
// Entries are written to a temporary file and renamed into place, so
// concurrent runs sharing a directory never read a partial entry; an
// entry that cannot be read or decoded is a miss. Keys are chosen by the
// caller (see engine): a changed file, configuration, schema or artlint
// binary gives a different key, never a stale result.
//
// Since every edit or rebuild makes new keys, old entries pile up: a hit
// refreshes its entry's modification time (at most hourly), and Trim,
// at most once a day, deletes the entries unused for MaxAge.
package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// MaxAge is how long an entry may go unused before Trim deletes it: a
// week keeps the results of files nobody touched since last week's runs.
const MaxAge = 7 * 24 * time.Hour

const (
	trimInterval   = 24 * time.Hour // between two Trims of one directory
	refreshAfter   = time.Hour      // a hit older than this refreshes its time
	staleTempAfter = time.Hour      // a temporary file this old is a crashed run's litter
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
	// v2: the entry format (binary since v2); bump it when the encoding
	// changes.
	root := filepath.Join(dir, "results-v2")
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	return &Dir{root: root}, nil
}

func (d *Dir) path(k Key) string {
	h := hex.EncodeToString(k[:])
	return filepath.Join(d.root, h[:2], h[2:])
}

// Get returns the entry for k, if there is one, and marks it used.
func (d *Dir) Get(k Key) ([]byte, bool) {
	p := d.path(k)
	f, err := os.Open(p)
	if err != nil {
		return nil, false
	}
	defer func() { _ = f.Close() }()
	info, err := f.Stat()
	if err != nil {
		return nil, false
	}
	data := make([]byte, info.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, false
	}
	if now := time.Now(); now.Sub(info.ModTime()) > refreshAfter {
		_ = os.Chtimes(p, now, now) // best effort: a missed refresh only shortens its life
	}
	return data, true
}

// Trim deletes the entries unused for MaxAge and stray temporary files,
// unless the directory was trimmed less than a day before now; it returns
// how many files it deleted. Errors are ignored: a cache that cannot be
// trimmed still works.
func (d *Dir) Trim(now time.Time) int {
	stamp := filepath.Join(d.root, "trim.txt")
	if data, err := os.ReadFile(stamp); err == nil {
		if sec, err := strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64); err == nil &&
			now.Sub(time.Unix(sec, 0)) < trimInterval {
			return 0
		}
	}
	// Stamp first: concurrent runs then skip the walk instead of repeating it.
	_ = os.WriteFile(stamp, []byte(strconv.FormatInt(now.Unix(), 10)+"\n"), 0o644)
	deleted := 0
	_ = filepath.WalkDir(d.root, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || path == stamp {
			return nil
		}
		info, err := e.Info()
		if err != nil {
			return nil
		}
		maxAge := MaxAge
		if strings.HasPrefix(e.Name(), ".tmp-") {
			maxAge = staleTempAfter
		}
		if now.Sub(info.ModTime()) > maxAge && os.Remove(path) == nil {
			deleted++
		}
		return nil
	})
	return deleted
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
