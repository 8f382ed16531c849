package engine

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/artlint/artlint/internal/cache"
	"github.com/artlint/artlint/internal/load"
	"github.com/artlint/artlint/internal/report"
	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/schema"
)

// cachedFile is file with the result cache (--cache). The key covers
// everything a file's findings depend on: the artlint binary, the file's
// displayed path and content, and its plan (rules with levels and options,
// default language, limits, the embedded schema). Files whose findings
// could depend on something else are linted and not stored: a record that
// names its own $schema, a --schema or configured schema (their $refs may
// change on disk), and results with tool errors (a rule that failed may
// not fail next time).
func (l *linter) cachedFile(in Input) fileResult {
	if !l.opts.CrossRecord && streamable(in) {
		// Streams are not cached: hashing them would read them twice.
		// --cross-record needs every record's names with their file, so
		// it reads NDJSON whole.
		return l.streamNDJSON(in)
	}
	if l.opts.Cache == nil || in.Stdin || l.opts.CrossRecord {
		return l.file(in)
	}
	pl, err := l.forPath(in.Path)
	if err != nil || pl.opts.Schema != nil {
		return l.file(in)
	}
	content, err := readLimited(in.Path, cmp.Or(l.opts.MaxFileSize, DefaultMaxFileSize))
	if err != nil || bytes.Contains(content, []byte("$schema")) {
		return l.file(in) // reports the error, or lints with the record's schema
	}
	path := l.display(in.Path)
	key := pl.cacheKey(path, content)
	if data, ok := l.opts.Cache.Get(key); ok {
		if e, err := decodeEntry(data); err == nil {
			format, known := load.FormatOf(in.Path)
			if !known {
				format = sniff(content)
			}
			// Positions come from the content alone, whatever its format.
			if findings, ok := fromCache(e.Findings, rules.NewFile(path, content, format)); ok {
				return fileResult{
					source:   &report.Source{Path: in.Path, Content: content, Format: format},
					findings: findings, notes: e.Notes, records: e.Records, read: true,
				}
			}
		}
	}
	in.Content = content
	res := l.file(in)
	for _, n := range res.notes {
		if n.Level == rules.LevelError {
			return res
		}
	}
	data := encodeEntry(cacheEntry{Findings: toCache(res.findings, path, content), Notes: res.notes, Records: res.records})
	_ = l.opts.Cache.Put(key, data) // a cache that cannot be written only costs time
	return res
}

// cacheEntry is what the cache keeps of a file's result, in the entry form
// of cachecodec.go: each entry is read on its own, so a gob stream would
// describe and compile its types again in every one, and JSON decoding
// by reflection was a third of an unchanged re-run.
type cacheEntry struct {
	Findings []cachedFinding
	Notes    []report.Notification
	Records  int
}

var planKeys sync.Map // *linter → [32]byte

// cacheKey hashes the tool, the plan, the path and the content.
func (l *linter) cacheKey(path string, content []byte) cache.Key {
	plan, ok := planKeys.Load(l)
	if !ok {
		plan, _ = planKeys.LoadOrStore(l, l.planKey())
	}
	h := sha256.New()
	p := plan.([32]byte)
	h.Write(p[:])
	fmt.Fprintf(h, "%d\x00%s\x00", len(path), path)
	h.Write(content)
	var k cache.Key
	h.Sum(k[:0])
	return k
}

// planKey hashes what decides a file's findings besides its content.
func (l *linter) planKey() [32]byte {
	h := sha256.New()
	fmt.Fprintf(h, "artlint-cache-v1\x00%s\x00", l.opts.Tool)
	for _, r := range l.order {
		e := l.enabled[r]
		opts, _ := json.Marshal(e.Options) // map keys sorted: stable
		fmt.Fprintf(h, "rule %s %t %d %s\x00", r.ID, r.Analysis, e.Level, opts)
	}
	fmt.Fprintf(h, "lang %s\x00limits %+v %d %d\x00", l.lang, l.opts.Limits, l.opts.MaxFindings, l.opts.MaxFileSize)
	fmt.Fprintf(h, "base %s\x00", l.opts.BaseDir)
	h.Write(schema.ArticleV1)
	var k [32]byte
	h.Sum(k[:0])
	return k
}
