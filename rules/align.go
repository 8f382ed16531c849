package rules

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// segment maps decoded bytes [dec, dec+decLen) to source bytes
// [src, src+srcLen) relative to the node's span. Equal lengths map byte for
// byte; unequal ones (escapes, folded line breaks) map as a whole.
type segment struct{ dec, src, decLen, srcLen int }

// align walks the written form of a string scalar and its decoded value side
// by side and records where each decoded byte came from. It re-anchors on
// every literal character, so indentation, folding and escapes never shift
// the positions that follow them. If the two cannot be aligned (a form this
// code does not know), every offset maps to the start of the value: a coarse
// position is better than a wrong one.
func align(src []byte, value string, style Style) []segment {
	var segs []segment
	emit := func(dec, decLen, s, srcLen int) {
		if k := len(segs) - 1; k >= 0 && decLen == srcLen {
			p := &segs[k]
			if p.decLen == p.srcLen && p.dec+p.decLen == dec && p.src+p.srcLen == s {
				p.decLen += decLen
				p.srcLen += srcLen
				return
			}
		}
		segs = append(segs, segment{dec, s, decLen, srcLen})
	}
	si := bodyStart(src, style)
	escapes := style == StyleJSON || style == StyleDoubleQuoted
	yaml := style != StyleJSON
	for di := 0; di < len(value); {
		if si >= len(src) {
			return []segment{{0, 0, len(value), 0}}
		}
		c := src[si]
		if escapes && c == '\\' {
			decoded, n := unescape(src[si:], style)
			if n > 0 && decoded == "" {
				si += n // a YAML escaped line break produces nothing
				continue
			}
			if n > 0 && len(value)-di >= len(decoded) && value[di:di+len(decoded)] == decoded {
				emit(di, len(decoded), si, n)
				di += len(decoded)
				si += n
				continue
			}
		}
		if style == StyleSingleQuoted && c == '\'' && si+1 < len(src) && src[si+1] == '\'' && value[di] == '\'' {
			emit(di, 1, si, 2)
			di++
			si += 2
			continue
		}
		_, size := utf8.DecodeRuneInString(value[di:])
		if si+size <= len(src) && string(src[si:si+size]) == value[di:di+size] {
			emit(di, size, si, size)
			di += size
			si += size
			continue
		}
		d := value[di]
		if yaml && (d == ' ' || d == '\n') && (c == '\n' || c == '\r') {
			// A folded line break and the indentation after it.
			j := si
			for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\n' || src[j] == '\r') {
				j++
			}
			emit(di, 1, si, j-si)
			di++
			si = j
			continue
		}
		if d == ' ' || d == '\n' || d == '\t' {
			// White space the folding made without a source character
			// of its own (several blank lines): it has no width.
			emit(di, 1, si, 0)
			di++
			continue
		}
		si++ // indentation, a closing quote: not part of the value
	}
	return segs
}

// bodyStart skips the opening quote or the block scalar header line.
func bodyStart(src []byte, style Style) int {
	switch style {
	case StyleJSON, StyleDoubleQuoted:
		if len(src) > 0 && src[0] == '"' {
			return 1
		}
	case StyleSingleQuoted:
		if len(src) > 0 && src[0] == '\'' {
			return 1
		}
	case StyleLiteral, StyleFolded:
		// The header line ends at a line break: LF, CRLF or a lone CR,
		// which YAML also takes for one ("|\r é").
		for i, c := range src {
			switch {
			case c == '\n':
				return i + 1
			case c == '\r' && i+1 < len(src) && src[i+1] == '\n':
				return i + 2
			case c == '\r':
				return i + 1
			}
		}
	}
	return 0
}

// unescape decodes one backslash escape at the start of src and returns the
// decoded text and the number of source bytes it took (0: not an escape).
func unescape(src []byte, style Style) (string, int) {
	if len(src) < 2 {
		return "", 0
	}
	simple := jsonEscapes
	if style == StyleDoubleQuoted {
		simple = yamlEscapes
		switch src[1] {
		case '\n':
			return "", 2
		case '\r':
			if len(src) > 2 && src[2] == '\n' {
				return "", 3
			}
			return "", 2
		case 'x':
			return hexRune(src, 2)
		case 'U':
			return hexRune(src, 8)
		}
	}
	if s, ok := simple[src[1]]; ok {
		return s, 2
	}
	if src[1] != 'u' {
		return "", 0
	}
	r, n := hexRune(src, 4)
	if n == 0 || style != StyleJSON {
		return r, n
	}
	// JSON writes astral characters as a surrogate pair of \u escapes.
	hi, _ := strconv.ParseUint(string(src[2:6]), 16, 32)
	if utf16.IsSurrogate(rune(hi)) {
		if len(src) >= 12 && src[6] == '\\' && src[7] == 'u' {
			if lo, err := strconv.ParseUint(string(src[8:12]), 16, 32); err == nil {
				if pr := utf16.DecodeRune(rune(hi), rune(lo)); pr != utf8.RuneError {
					return string(pr), 12
				}
			}
		}
		return string(utf8.RuneError), 6
	}
	return r, n
}

var jsonEscapes = map[byte]string{'"': "\"", '\\': "\\", '/': "/", 'b': "\b", 'f': "\f", 'n': "\n", 'r': "\r", 't': "\t"}

var yamlEscapes = map[byte]string{'"': "\"", '\\': "\\", '/': "/", 'b': "\b", 'f': "\f", 'n': "\n", 'r': "\r", 't': "\t",
	'0': "\x00", 'a': "\a", 'v': "\v", 'e': "\x1b", ' ': " ", '\t': "\t",
	'N': "\u0085", '_': "\u00a0", 'L': "\u2028", 'P': "\u2029"}

func hexRune(src []byte, digits int) (string, int) {
	if len(src) < 2+digits {
		return "", 0
	}
	v, err := strconv.ParseUint(string(src[2:2+digits]), 16, 32)
	if err != nil {
		return "", 0
	}
	r := rune(v)
	if !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	return string(r), 2 + digits
}
