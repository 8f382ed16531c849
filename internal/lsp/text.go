package lsp

import (
	"fmt"
	"sort"
	"unicode/utf8"

	"github.com/artlint/artlint/rules"
)

// encoding is the unit of Position.Character negotiated at initialize.
type encoding int

const (
	encUTF16 encoding = iota // the spec's default
	encUTF8
	encUTF32
)

func (e encoding) String() string {
	switch e {
	case encUTF8:
		return "utf-8"
	case encUTF32:
		return "utf-32"
	}
	return "utf-16"
}

// text is a document's content with the offsets where its lines start.
// Line breaks are \n, \r\n and a lone \r, as the LSP spec and rules.File
// count them. A text is never changed in place: an edit makes a new one,
// so a lint can keep reading the version it started with.
type text struct {
	b      []byte
	starts []int
}

func newText(b []byte) *text {
	t := &text{b: b, starts: []int{0}}
	t.starts = appendStarts(t.starts, b, 0, len(b))
	return t
}

// appendStarts adds the line starts produced by the bytes b[from:to]. A
// start at i+1 comes from b[i] alone plus its successor (\n, or \r not
// followed by \n), which is what lets edits recompute only their region.
func appendStarts(starts []int, b []byte, from, to int) []int {
	for i := from; i < to; i++ {
		switch b[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 >= len(b) || b[i+1] != '\n' {
				starts = append(starts, i+1)
			}
		}
	}
	return starts
}

// replace returns the text with b[start:end] replaced by s, and updates the
// line starts only around the edit.
func (t *text) replace(start, end int, s string) *text {
	nb := make([]byte, 0, len(t.b)-(end-start)+len(s))
	nb = append(nb, t.b[:start]...)
	nb = append(nb, s...)
	nb = append(nb, t.b[end:]...)
	delta := len(s) - (end - start)

	// Starts before the edit's first byte whose successor may have changed
	// (start-1) are kept; the region is rescanned; the rest shift.
	keep := sort.SearchInts(t.starts, start) // starts[:keep] < start
	ns := make([]int, 0, len(t.starts)+4)
	ns = append(ns, t.starts[:keep]...)
	if len(ns) == 0 {
		ns = append(ns, 0)
	}
	ns = appendStarts(ns, nb, max(start-1, 0), start+len(s))
	after := sort.SearchInts(t.starts, end+1) // old starts > end
	for _, st := range t.starts[after:] {
		ns = append(ns, st+delta)
	}
	// A start equal to the last kept one can appear when start-1 is
	// rescanned; drop it.
	out := ns[:1]
	for _, st := range ns[1:] {
		if st > out[len(out)-1] {
			out = append(out, st)
		}
	}
	return &text{b: nb, starts: out}
}

// lineEnd is the offset of the end of line i's content, before its break.
func (t *text) lineEnd(i int) int {
	if i+1 >= len(t.starts) {
		return len(t.b)
	}
	end := t.starts[i+1]
	if end > 0 && t.b[end-1] == '\n' {
		end--
	}
	if end > t.starts[i] && t.b[end-1] == '\r' {
		end--
	}
	return end
}

// offset converts a position to a byte offset. A line past the end is the
// end of the text; a character past the end of its line is the end of the
// line, as the spec asks; a character inside a multi-unit character
// (half a surrogate pair) is that character's start.
func (t *text) offset(p Position, enc encoding) (int, error) {
	if p.Line < 0 || p.Character < 0 {
		return 0, fmt.Errorf("negative position %d:%d", p.Line, p.Character)
	}
	if p.Line >= len(t.starts) {
		return len(t.b), nil
	}
	off, end := t.starts[p.Line], t.lineEnd(p.Line)
	if enc == encUTF8 {
		off = min(off+p.Character, end)
		for off > t.starts[p.Line] && off < len(t.b) && !utf8.RuneStart(t.b[off]) {
			off--
		}
		return off, nil
	}
	units := 0
	for off < end && units < p.Character {
		r, size := utf8.DecodeRune(t.b[off:end])
		n := 1
		if enc == encUTF16 && r >= 0x10000 {
			n = 2
		}
		if units+n > p.Character {
			break
		}
		units += n
		off += size
	}
	return off, nil
}

// positioner converts byte offsets to positions, resuming from the previous
// answer when asked about a later place on the same line: findings come
// sorted, and a several-MB single-line record must not cost a scan of the
// line for each.
type positioner struct {
	t                *text
	enc              encoding
	line, off, units int
	valid            bool
}

func (p *positioner) pos(off int) Position {
	t := p.t
	off = max(0, min(off, len(t.b)))
	line := sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > off }) - 1
	from, units := t.starts[line], 0
	if p.valid && p.line == line && p.off <= off {
		from, units = p.off, p.units
	}
	if p.enc == encUTF8 {
		units = off - t.starts[line]
	} else {
		b := t.b[from:off]
		for len(b) > 0 {
			if b[0] < utf8.RuneSelf {
				units++
				b = b[1:]
				continue
			}
			r, size := utf8.DecodeRune(b)
			if p.enc == encUTF16 && r >= 0x10000 {
				units += 2
			} else {
				units++
			}
			b = b[size:]
		}
	}
	p.line, p.off, p.units, p.valid = line, off, units, true
	return Position{Line: line, Character: units}
}

func (p *positioner) rng(sp rules.Span) Range {
	return Range{Start: p.pos(sp.Start), End: p.pos(sp.End)}
}

// shiftSpan moves a span over an edit that replaced [start, end) with n
// bytes; ok is false when the edit touched the span itself.
func shiftSpan(sp rules.Span, start, end, n int) (rules.Span, bool) {
	switch {
	case sp.End <= start && !(sp.Start == sp.End && sp.Start == start && end > start):
		return sp, true
	case sp.Start >= end:
		d := n - (end - start)
		return rules.Span{Start: sp.Start + d, End: sp.End + d}, true
	}
	return sp, false
}
