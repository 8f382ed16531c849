// Package load reads article records from JSON, YAML and NDJSON files into
// rules.Record trees that keep the byte span of every key and value.
package load

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/artlint/artlint/rules"
)

// SyntaxError is a file that is not well-formed, located at a byte offset.
type SyntaxError struct {
	Offset int
	Msg    string
	Record int // index of the record it breaks (NDJSON line or YAML document)
}

func (e *SyntaxError) Error() string { return e.Msg }

// Limits bound what one file may cost. The defaults are far beyond any real
// article and well below what would exhaust the machine.
type Limits struct {
	MaxDepth   int // nesting of arrays and objects
	MaxAliases int // YAML nodes expanded through aliases, per document
}

// MaxDepthCeiling is the highest MaxDepth accepted: the parsers recurse
// once per level (Go cannot recover from a stack overflow) and each level's
// pointer is built from its parent's, so cost grows with depth squared.
// yaml.v3 stops at the same depth.
const MaxDepthCeiling = 10_000

// DefaultLimits are used when a Limits field is zero.
var DefaultLimits = Limits{MaxDepth: 512, MaxAliases: 100_000}

func (l Limits) withDefaults() Limits {
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultLimits.MaxDepth
	}
	l.MaxDepth = min(l.MaxDepth, MaxDepthCeiling)
	if l.MaxAliases <= 0 {
		l.MaxAliases = DefaultLimits.MaxAliases
	}
	return l
}

// Result is what a file yields: the records that parsed, and an error for
// each part that did not. One broken NDJSON line or YAML document does not
// hide the others.
type Result struct {
	Records    []*rules.Record
	Errors     []*SyntaxError
	Duplicates []DuplicateIn
}

// DuplicateIn is a duplicate member name inside one record.
type DuplicateIn struct {
	Record *rules.Record
	Duplicate
}

// FormatOf picks the format from a file name; ok is false for names artlint
// does not read.
func FormatOf(name string) (rules.Format, bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return rules.FormatJSON, true
	case ".yaml", ".yml":
		return rules.FormatYAML, true
	case ".ndjson", ".jsonl":
		return rules.FormatNDJSON, true
	}
	return rules.FormatJSON, false
}

var bom = []byte("\xef\xbb\xbf")

// Parse reads every record of f.
func Parse(f *rules.File, lim Limits) Result {
	lim = lim.withDefaults()
	if bytes.HasPrefix(f.Content, []byte{0xFF, 0xFE}) || bytes.HasPrefix(f.Content, []byte{0xFE, 0xFF}) {
		// Windows editors save "Unicode" as UTF-16; say so rather than
		// "binary file" at its first NUL byte.
		return Result{Errors: []*SyntaxError{{Offset: 0, Msg: "UTF-16 text (it starts with a UTF-16 byte order mark): records must be saved as UTF-8"}}}
	}
	if bytes.IndexByte(f.Content, 0) >= 0 {
		at := bytes.IndexByte(f.Content, 0)
		return Result{Errors: []*SyntaxError{{Offset: at, Msg: "NUL byte: this is a binary file, not a text record"}}}
	}
	switch f.Format {
	case rules.FormatYAML:
		return parseYAML(f, lim)
	case rules.FormatNDJSON:
		return parseNDJSON(f, lim)
	}
	var res Result
	start := 0
	if bytes.HasPrefix(f.Content, bom) {
		start = len(bom) // RFC 8259 lets a reader ignore a byte order mark
	}
	rec, dups, err := parseJSONRecord(f, start, len(f.Content), 0, lim)
	res.add(rec, dups, err)
	return res
}

func (res *Result) add(rec *rules.Record, dups []Duplicate, err *SyntaxError) {
	if err != nil {
		res.Errors = append(res.Errors, err)
		return
	}
	res.Records = append(res.Records, rec)
	for _, d := range dups {
		res.Duplicates = append(res.Duplicates, DuplicateIn{Record: rec, Duplicate: d})
	}
}

func parseJSONRecord(f *rules.File, start, end, index int, lim Limits) (*rules.Record, []Duplicate, *SyntaxError) {
	if se := checkUTF8(f.Content, start, end); se != nil {
		se.Record = index
		return nil, nil, se
	}
	p := &jsonParser{file: f, src: f.Content[start:end], base: start, maxDepth: lim.MaxDepth}
	root, err := p.parseDocument()
	var se *SyntaxError
	if errors.As(err, &se) {
		se.Record = index
		return nil, nil, se
	}
	return &rules.Record{File: f, Index: index, Root: root}, p.dups, nil
}

// checkUTF8 locates the first byte of content[start:end] that is not
// UTF-8. Every format is checked up front, so that the message and the
// position are the same whatever the parser would have said (yaml.v3
// reports such a byte at the start of its document).
func checkUTF8(content []byte, start, end int) *SyntaxError {
	b := content[start:end]
	if utf8.Valid(b) {
		return nil
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return &SyntaxError{Offset: start + i, Msg: fmt.Sprintf("invalid UTF-8: byte 0x%02X is not UTF-8 text (records must be saved as UTF-8)", b[i])}
		}
		i += size
	}
	return nil
}

// parseNDJSON reads one record per non-blank line.
func parseNDJSON(f *rules.File, lim Limits) Result {
	var res Result
	c := f.Content
	index := 0
	for start := 0; start < len(c); {
		end := bytes.IndexByte(c[start:], '\n')
		if end < 0 {
			end = len(c)
		} else {
			end += start
		}
		lineEnd := end
		if lineEnd > start && c[lineEnd-1] == '\r' {
			lineEnd--
		}
		s := start
		if s == 0 && bytes.HasPrefix(c, bom) {
			s = len(bom)
		}
		if len(bytes.TrimSpace(c[s:lineEnd])) > 0 {
			rec, dups, err := parseJSONRecord(f, s, lineEnd, index, lim)
			res.add(rec, dups, err)
			index++
		}
		start = end + 1
	}
	return res
}
