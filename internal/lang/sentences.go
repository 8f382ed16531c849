package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences splits s into sentence spans, each trimmed of surrounding white
// space. A sentence ends at . ! ? … (or a run of them) followed by white
// space and a word that is not lower-case; closing quotes, brackets and
// footnote superscripts right after the terminator belong to the sentence
// (French "opérations. »" with a no-break space included). A blank line
// always ends a sentence (headlines, list items).
//
// A period does not end a sentence after a listed abbreviation or honorific
// (M., Mme, Mr., Dr., Prof., cf. …), after "No."/"n." before a digit, after
// a single capital initial ("J. K. Rowling"), or after a dotted initialism
// ("U.S.") unless the next word is a typical sentence opener ("The", "Il").
// "etc." is ordinary: it ends a sentence when a capitalised word follows,
// as it usually does in news copy.
func (p *Pack) Sentences(s string) []Span { return p.AppendSentences(nil, s) }

// AppendSentences appends the sentences of s (see Sentences) to dst and
// returns the extended slice, so that a caller can gather the sentences of
// several texts in one buffer.
func (p *Pack) AppendSentences(dst []Span, s string) []Span {
	out := dst
	add := func(a, b int) {
		if sp := trimSpaceSpan(s, a, b); sp.Start < sp.End {
			out = append(out, sp)
		}
	}
	start := 0
	// Only "\n", ". ! ?" and "…" matter here: skip to them. "…" is found
	// by its last byte, 0xA6, which the runes of French text seldom hold
	// (æ), where its first, 0xE2, leads every ’ and dash.
	marks := NewByteFinder(s, []byte("\n.!?\xa6"))
	for j := 0; j < len(s); {
		if j = marks.Next(j); j < 0 {
			break
		}
		if s[j] == 0xA6 {
			if j < 2 || s[j-2:j+1] != "…" {
				j++ // æ, or another rune's: its other bytes are none of the finder's
				continue
			}
			j -= 2 // back to its first byte: no mark is skipped, none of "…" is one
		}
		r, n := runeAt(s, j)
		switch {
		case r == '\n':
			k, lines := j, 0
			for k < len(s) {
				r2, n2 := runeAt(s, k)
				if !unicode.IsSpace(r2) {
					break
				}
				if r2 == '\n' {
					lines++
				}
				k += n2
			}
			if lines >= 2 {
				add(start, j)
				start = k
			}
			j = k
		case isTerminator(r):
			k := j
			for k < len(s) {
				r2, n2 := runeAt(s, k)
				if !isTerminator(r2) {
					break
				}
				k += n2
			}
			single := r == '.' && k == j+1
			k = skipClosers(s, k)
			if p.endsSentence(s, j, k, single) {
				add(start, k)
				start = k
			}
			j = k
		default:
			j += n
		}
	}
	add(start, len(s))
	return out
}

func isTerminator(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

func isSuperscriptDigit(r rune) bool {
	return r == '¹' || r == '²' || r == '³' || (r >= '⁰' && r <= '⁹' && r != 'ⁱ' && r != '\u2072' && r != '\u2073')
}

// skipClosers moves past closing quotes, brackets and footnote markers that
// follow a terminator. A guillemet may be preceded by (no-break) space.
func skipClosers(s string, k int) int {
	for k < len(s) {
		r, n := runeAt(s, k)
		switch {
		case strings.ContainsRune("»”\"’')]›", r) || isSuperscriptDigit(r):
			k += n
			continue
		case isHSpace(r):
			m := k + n
			for m < len(s) {
				r2, n2 := runeAt(s, m)
				if !isHSpace(r2) {
					break
				}
				m += n2
			}
			if r2, n2 := runeAt(s, m); r2 == '»' || r2 == '›' {
				k = m + n2
				continue
			}
		}
		return k
	}
	return k
}

// endsSentence decides whether the terminator cluster at j (closers up to k)
// ends a sentence. single is true for a lone period.
func (p *Pack) endsSentence(s string, j, k int, single bool) bool {
	if k >= len(s) {
		return true
	}
	if r, _ := runeAt(s, k); !unicode.IsSpace(r) {
		return false // "3.5", "U.S.-based", "etc.),"
	}
	m := spaceRunEnd(s, k)
	if m >= len(s) {
		return true
	}
	next, _ := runeAt(s, m)
	if unicode.IsLower(next) || strings.ContainsRune(",;:)]", next) {
		return false
	}
	if !single {
		return true
	}
	w := wordBefore(s, j)
	if !asciiOrLatin1(w) {
		w = Fold(w)
	}
	switch {
	case w == "":
		return true
	case p.abbrev[w]:
		return false
	case p.abbrevDigit[w] && unicode.IsDigit(next):
		return false
	}
	segs, dotted := initialSegments(w)
	switch {
	case segs == 1:
		return false // "J. K. Rowling"
	case dotted:
		return p.starters[Fold(wordAt(s, m))] // "in the U.S. The" vs "U.S. President"
	}
	return true
}

// wordBefore returns the letters, periods and hyphens ending at j
// ("M", "U.S", "J.-P"), without a leading period or hyphen.
func wordBefore(s string, j int) string {
	k := j
	for k > 0 {
		if c := s[k-1]; c < utf8.RuneSelf { // most words: a look-up a byte
			if tokenBytes[c] != letterByte && c != '.' && c != '-' {
				break
			}
			k--
			continue
		}
		r, n := runeBefore(s, k)
		if !isLetterOrMarkQuick(r) && r != '.' && !isHyphen(r) {
			break
		}
		k -= n
	}
	return strings.TrimLeft(s[k:j], ".-\u2010\u2011")
}

// asciiOrLatin1 reports whether every rune of w is ASCII or U+0080–U+00FF
// led by 0xC3 (À–ÿ): such a word is its own Fold, which normalizes and
// allocates otherwise ("sécurité." ends many French sentences).
func asciiOrLatin1(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf {
			if c != 0xC3 || i+1 == len(w) || w[i+1] < 0x80 || w[i+1] > 0xBF {
				return false
			}
			i++
		}
	}
	return true
}

// initialSegments counts the parts of w split at periods and hyphens when
// every part is a single letter (0 otherwise); dotted reports a period
// separator ("U.S") as opposed to a single initial ("K").
func initialSegments(w string) (segs int, dotted bool) {
	// One pass, without splitting: every period of a record asks.
	var first rune
	inPart := false
	for _, r := range w {
		switch {
		case r == '.' || r == '-':
			inPart = false
		case inPart || !unicode.IsLetter(r):
			return 0, false // a part longer than one rune, or not a letter
		default:
			if segs == 0 {
				first = r
			}
			inPart = true
			segs++
		}
	}
	if segs == 1 && !unicode.IsUpper(first) {
		return 0, false // "x." is not an initial
	}
	return segs, strings.Contains(w, ".")
}

// wordAt returns the word starting at m, including an elision apostrophe
// ("L’" in "L’OTAN") so starters can list elided forms.
func wordAt(s string, m int) string {
	j := m
	for j < len(s) {
		r, n := runeAt(s, j)
		if !isLetterOrMarkQuick(r) {
			if isApostrophe(r) {
				j += n
			}
			break
		}
		j += n
	}
	return s[m:j]
}
