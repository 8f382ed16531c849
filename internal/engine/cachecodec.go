package engine

import (
	"encoding/binary"
	"errors"

	"github.com/artlint/artlint/internal/report"
	"github.com/artlint/artlint/rules"
)

// Cache entries are written in a small binary form: integers as varints,
// strings length-first, optional parts behind a flag byte. Decoding them
// with encoding/json was a third of an unchanged re-run's CPU (reflection
// over every field of every finding); this reads them in one pass.

// entryMagic opens every entry: an entry of another form is a miss.
const entryMagic = "AL1\x00"

var errBadEntry = errors.New("cache: malformed entry")

type entryWriter struct{ b []byte }

func (w *entryWriter) int(v int)    { w.b = binary.AppendVarint(w.b, int64(v)) }
func (w *entryWriter) str(s string) { w.int(len(s)); w.b = append(w.b, s...) }

func (w *entryWriter) flag(on bool) {
	if on {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}

func (w *entryWriter) location(l report.Location) {
	w.str(l.Path)
	w.int(l.Line)
	w.int(l.Column)
	w.int(l.EndLine)
	w.int(l.EndColumn)
	w.int(l.Span.Start)
	w.int(l.Span.End)
	w.str(l.Pointer)
	w.str(l.Snippet)
	w.str(l.Message)
}

func (w *entryWriter) cachedLocation(c cachedLocation) {
	w.int(c.Start)
	w.int(c.End)
	w.str(c.Pointer)
	w.str(c.Msg)
	w.flag(c.Snippet != nil)
	if c.Snippet != nil {
		w.str(*c.Snippet)
	}
	w.flag(c.Other != nil)
	if c.Other != nil {
		w.location(*c.Other)
	}
}

// encodeEntry writes e in the entry form.
func encodeEntry(e cacheEntry) []byte {
	w := entryWriter{b: append(make([]byte, 0, 256), entryMagic...)}
	w.int(e.Records)
	w.int(len(e.Findings))
	for _, f := range e.Findings {
		w.str(f.Rule)
		w.int(int(f.Level))
		w.str(f.Msg)
		w.cachedLocation(f.Loc)
		w.int(len(f.Rel))
		for _, r := range f.Rel {
			w.cachedLocation(r)
		}
		w.int(len(f.Fixes))
		for _, x := range f.Fixes {
			w.str(x.Desc)
			w.int(len(x.Edits))
			for _, ed := range x.Edits {
				w.cachedLocation(ed.Loc)
				w.str(ed.Text)
			}
		}
		w.str(f.FP)
		w.int(len(f.Sup))
		for _, s := range f.Sup {
			w.str(s.Kind)
			w.str(s.Justification)
		}
		w.str(f.Base)
	}
	w.int(len(e.Notes))
	for _, n := range e.Notes {
		w.int(int(n.Level))
		w.str(n.Message)
		w.str(n.Path)
		w.str(n.RuleID)
		w.int(n.Line)
		w.int(n.Column)
	}
	return w.b
}

// entryReader reads the entry form; the first error sticks, and every
// read after it returns zero values.
type entryReader struct {
	b   []byte
	err error
}

func (r *entryReader) int() int {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 || v != int64(int(v)) {
		r.err = errBadEntry
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

// count reads a length, which cannot exceed the bytes left: a corrupt
// entry never makes a huge allocation.
func (r *entryReader) count() int {
	n := r.int()
	if n < 0 || n > len(r.b) {
		r.err = errBadEntry
		return 0
	}
	return n
}

func (r *entryReader) str() string {
	n := r.count()
	if r.err != nil {
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *entryReader) flag() bool {
	if r.err != nil {
		return false
	}
	if len(r.b) == 0 || r.b[0] > 1 {
		r.err = errBadEntry
		return false
	}
	on := r.b[0] == 1
	r.b = r.b[1:]
	return on
}

func (r *entryReader) location() report.Location {
	return report.Location{Path: r.str(), Line: r.int(), Column: r.int(), EndLine: r.int(), EndColumn: r.int(),
		Span: rules.Span{Start: r.int(), End: r.int()}, Pointer: r.str(), Snippet: r.str(), Message: r.str()}
}

func (r *entryReader) cachedLocation() cachedLocation {
	c := cachedLocation{Start: r.int(), End: r.int(), Pointer: r.str(), Msg: r.str()}
	if r.flag() {
		s := r.str()
		c.Snippet = &s
	}
	if r.flag() {
		l := r.location()
		c.Other = &l
	}
	return c
}

// decodeEntry reads an entry written by encodeEntry.
func decodeEntry(data []byte) (cacheEntry, error) {
	if len(data) < len(entryMagic) || string(data[:len(entryMagic)]) != entryMagic {
		return cacheEntry{}, errBadEntry
	}
	r := entryReader{b: data[len(entryMagic):]}
	var e cacheEntry
	e.Records = r.int()
	if n := r.count(); n > 0 {
		e.Findings = make([]cachedFinding, n)
	}
	for i := range e.Findings {
		f := &e.Findings[i]
		f.Rule, f.Level, f.Msg = r.str(), rules.Level(r.int()), r.str()
		f.Loc = r.cachedLocation()
		for n := r.count(); n > 0 && r.err == nil; n-- {
			f.Rel = append(f.Rel, r.cachedLocation())
		}
		for n := r.count(); n > 0 && r.err == nil; n-- {
			x := cachedFix{Desc: r.str()}
			for m := r.count(); m > 0 && r.err == nil; m-- {
				x.Edits = append(x.Edits, cachedEdit{Loc: r.cachedLocation(), Text: r.str()})
			}
			f.Fixes = append(f.Fixes, x)
		}
		f.FP = r.str()
		for n := r.count(); n > 0 && r.err == nil; n-- {
			f.Sup = append(f.Sup, report.Suppression{Kind: r.str(), Justification: r.str()})
		}
		f.Base = r.str()
	}
	for n := r.count(); n > 0 && r.err == nil; n-- {
		e.Notes = append(e.Notes, report.Notification{Level: rules.Level(r.int()), Message: r.str(), Path: r.str(),
			RuleID: r.str(), Line: r.int(), Column: r.int()})
	}
	if r.err == nil && len(r.b) != 0 {
		r.err = errBadEntry // trailing bytes: not an entry of this form
	}
	return e, r.err
}
