package engine

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/artlint/artlint/rules"
)

// fingerprintMessage is what a fingerprint keeps of a message: numbers are
// left out, since messages carry counts that other findings change ("1
// straight, 4 typographic") and pointers whose indices move when a
// paragraph is inserted above ("/body/2: expected a block").
func fingerprintMessage(msg string) string {
	var b strings.Builder
	digits := false
	for i := 0; i < len(msg); i++ {
		c := msg[i]
		if c >= '0' && c <= '9' {
			if !digits {
				b.WriteByte('#')
			}
			digits = true
			continue
		}
		digits = false
		b.WriteByte(c)
	}
	return b.String()
}

// maxWordContext bounds how far the flagged text is widened on each side.
const maxWordContext = 40

// flaggedText is what a fingerprint keeps of the text a finding points at:
// the text widened to the word it is part of, so that two straight
// apostrophes of one paragraph ("l'OTAN", "d'abord") keep distinct
// fingerprints whatever is added before them; and nothing when the finding
// covers a whole object or array, whose text changes with any edit inside
// it (the pointer and message say enough).
func flaggedText(f *rules.File, rec *rules.Record, d rules.Diagnostic) string {
	c := f.Content
	start := clamp(d.Span.Start, 0, len(c))
	end := clamp(d.Span.End, start, len(c))
	if rec != nil {
		if n := rec.Root.Lookup(d.Pointer); n != nil && (n.Kind == rules.Object || n.Kind == rules.Array) &&
			start <= n.Span.Start && end >= n.Span.End {
			return ""
		}
	}
	for k := 0; k < maxWordContext && start > 0; k++ {
		r, size := utf8.DecodeLastRune(c[:start])
		if !wordRune(r) {
			break
		}
		start -= size
	}
	for k := 0; k < maxWordContext && end < len(c); k++ {
		r, size := utf8.DecodeRune(c[end:])
		if !wordRune(r) {
			break
		}
		end += size
	}
	return string(c[start:end])
}

func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '\'' || r == '’' || r == '-'
}
