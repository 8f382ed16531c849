package lang

import (
	"bytes"
	"strings"
)

// ByteFinder finds the next of a few bytes in a text with
// strings.IndexByte, which scans many bytes at a time, where a loop over
// every byte would test each against a table: rules that look for rare
// marks (footnote superscripts, French punctuation, apostrophes) skip the
// text between them. Each byte's next index is searched again only once
// passed, so the text is read about once per byte looked for.
type ByteFinder struct {
	s     string
	bytes []byte
	// next is the next index of each byte at or after the last asked, or
	// len(s) when there is none: a byte absent from the rest of the text
	// is then never searched again, and the nearest is a plain minimum.
	next [maxFinderBytes]int
}

// maxFinderBytes is the most bytes a ByteFinder looks for with IndexByte:
// past a few, one loop over the text costs less.
const maxFinderBytes = 6

// NewByteFinder returns a finder of the bytes of set in s.
func NewByteFinder(s string, set []byte) ByteFinder {
	f := ByteFinder{s: s, bytes: set}
	if len(set) <= maxFinderBytes {
		for k, c := range set {
			f.next[k] = strings.IndexByte(s, c)
			if f.next[k] < 0 {
				f.next[k] = len(s)
			}
		}
	}
	return f
}

// Next returns the index of the first byte of the set at or after i, or
// -1. Calls must not go back: i is never less than in the call before.
func (f *ByteFinder) Next(i int) int {
	if len(f.bytes) > maxFinderBytes {
		for ; i < len(f.s); i++ {
			if bytes.IndexByte(f.bytes, f.s[i]) >= 0 {
				return i
			}
		}
		return -1
	}
	first := len(f.s)
	next := f.next[:len(f.bytes)]
	for k, n := range next {
		if n < i { // passed: search again from i
			n = len(f.s)
			if i < len(f.s) {
				if d := strings.IndexByte(f.s[i:], f.bytes[k]); d >= 0 {
					n = i + d
				}
			}
			next[k] = n
		}
		first = min(first, n)
	}
	if first == len(f.s) {
		return -1
	}
	return first
}
