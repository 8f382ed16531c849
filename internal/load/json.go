package load

import (
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/artlint/artlint/rules"
)

// jsonParser is a strict RFC 8259 parser that keeps the byte span of every
// key and value. encoding/json gives no positions for values, and positions
// are the point of this tool.
type jsonParser struct {
	file     *rules.File
	src      []byte
	pos      int
	base     int // offset of src in the file (NDJSON lines)
	maxDepth int
	dups     []Duplicate
}

// Duplicate is a member name that appears twice in one object.
type Duplicate struct {
	Key         string
	First, Next rules.Span
	Pointer     string
}

func (p *jsonParser) errorf(at int, format string, args ...any) *SyntaxError {
	return &SyntaxError{Offset: p.base + at, Msg: fmt.Sprintf(format, args...)}
}

func (p *jsonParser) skipSpace() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// describe names the token at i for error messages.
func (p *jsonParser) describe(i int) string {
	if i >= len(p.src) {
		return "end of input"
	}
	r, _ := utf8.DecodeRune(p.src[i:])
	if r == utf8.RuneError && p.src[i] >= utf8.RuneSelf {
		return "invalid UTF-8"
	}
	return strconv.QuoteRune(r)
}

func (p *jsonParser) parseDocument() (*rules.Node, error) {
	p.skipSpace()
	if p.pos >= len(p.src) {
		return nil, p.errorf(p.pos, "empty input: expected a JSON object")
	}
	n, err := p.value("", 0)
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.pos < len(p.src) {
		return nil, p.errorf(p.pos, "unexpected %s after the end of the JSON value", p.describe(p.pos))
	}
	return n, nil
}

func (p *jsonParser) value(ptr string, depth int) (*rules.Node, error) {
	if depth > p.maxDepth {
		return nil, p.errorf(p.pos, "nesting deeper than %d levels", p.maxDepth)
	}
	p.skipSpace()
	if p.pos >= len(p.src) {
		return nil, p.errorf(p.pos, "unexpected end of input: expected a value")
	}
	start := p.pos
	switch c := p.src[p.pos]; {
	case c == '{':
		return p.object(ptr, depth)
	case c == '[':
		return p.array(ptr, depth)
	case c == '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		n := p.node(rules.String, start, ptr)
		n.Str = s
		return n, nil
	case c == '-' || (c >= '0' && c <= '9'):
		if err := p.number(); err != nil {
			return nil, err
		}
		n := p.node(rules.Number, start, ptr)
		n.Str = string(p.src[start:p.pos])
		return n, nil
	default:
		for _, lit := range [...]struct {
			word string
			kind rules.Kind
		}{{"true", rules.Bool}, {"false", rules.Bool}, {"null", rules.Null}} {
			if p.hasWord(lit.word) {
				p.pos += len(lit.word)
				n := p.node(lit.kind, start, ptr)
				n.Str = lit.word
				return n, nil
			}
		}
		return nil, p.errorf(p.pos, "unexpected %s: expected a value", p.describe(p.pos))
	}
}

func (p *jsonParser) hasWord(w string) bool {
	end := p.pos + len(w)
	if end > len(p.src) || string(p.src[p.pos:end]) != w {
		return false
	}
	return end == len(p.src) || !isIdentByte(p.src[end])
}

func isIdentByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

func (p *jsonParser) node(kind rules.Kind, start int, ptr string) *rules.Node {
	return rules.NewNode(p.file, kind, rules.Span{Start: p.base + start, End: p.base + p.pos}, ptr)
}

func (p *jsonParser) object(ptr string, depth int) (*rules.Node, error) {
	start := p.pos
	p.pos++ // {
	var fields []rules.Field
	seen := map[string]int{}
	comma := -1
	for first := true; ; first = false {
		p.skipSpace()
		if p.pos >= len(p.src) {
			return nil, p.errorf(start, "object is never closed: expected '}' before the end of input")
		}
		if p.src[p.pos] == '}' {
			if !first {
				return nil, p.errorf(comma, "trailing comma: JSON allows no ',' before '}'")
			}
			break
		}
		if p.src[p.pos] != '"' {
			return nil, p.errorf(p.pos, "unexpected %s: expected a member name in double quotes", p.describe(p.pos))
		}
		keyStart := p.pos
		key, err := p.str()
		if err != nil {
			return nil, err
		}
		keySpan := rules.Span{Start: p.base + keyStart, End: p.base + p.pos}
		p.skipSpace()
		if p.pos >= len(p.src) || p.src[p.pos] != ':' {
			return nil, p.errorf(p.pos, "unexpected %s: expected ':' after member name %q", p.describe(p.pos), key)
		}
		p.pos++
		v, err := p.value(rules.PointerJoin(ptr, key), depth+1)
		if err != nil {
			return nil, err
		}
		if i, dup := seen[key]; dup {
			p.dups = append(p.dups, Duplicate{Key: key, First: fields[i].KeySpan, Next: keySpan, Pointer: v.Pointer})
			// The last value wins, as in most JSON readers; the finding says so.
			fields[i].Value = v
		} else {
			seen[key] = len(fields)
			fields = append(fields, rules.Field{Key: key, KeySpan: keySpan, Value: v})
		}
		p.skipSpace()
		if p.pos >= len(p.src) {
			return nil, p.errorf(start, "object is never closed: expected '}' before the end of input")
		}
		if p.src[p.pos] == ',' {
			comma = p.pos
			p.pos++
			continue
		}
		if p.src[p.pos] == '}' {
			break
		}
		return nil, p.errorf(p.pos, "unexpected %s: expected ',' or '}' after object member", p.describe(p.pos))
	}
	p.pos++ // }
	n := p.node(rules.Object, start, ptr)
	n.Fields = fields
	return n, nil
}

func (p *jsonParser) array(ptr string, depth int) (*rules.Node, error) {
	start := p.pos
	p.pos++ // [
	var items []*rules.Node
	comma := -1
	for first := true; ; first = false {
		p.skipSpace()
		if p.pos >= len(p.src) {
			return nil, p.errorf(start, "array is never closed: expected ']' before the end of input")
		}
		if p.src[p.pos] == ']' {
			if !first {
				return nil, p.errorf(comma, "trailing comma: JSON allows no ',' before ']'")
			}
			break
		}
		v, err := p.value(rules.PointerJoin(ptr, strconv.Itoa(len(items))), depth+1)
		if err != nil {
			return nil, err
		}
		items = append(items, v)
		p.skipSpace()
		if p.pos >= len(p.src) {
			return nil, p.errorf(start, "array is never closed: expected ']' before the end of input")
		}
		if p.src[p.pos] == ',' {
			comma = p.pos
			p.pos++
			continue
		}
		if p.src[p.pos] == ']' {
			break
		}
		return nil, p.errorf(p.pos, "unexpected %s: expected ',' or ']' after array element", p.describe(p.pos))
	}
	p.pos++ // ]
	n := p.node(rules.Array, start, ptr)
	n.Items = items
	return n, nil
}

// str reads a string token at p.pos and returns its decoded value.
func (p *jsonParser) str() (string, error) {
	start := p.pos
	p.pos++ // "
	// Fast path: no escapes, valid UTF-8.
	i := p.pos
	for i < len(p.src) && p.src[i] != '"' && p.src[i] != '\\' && p.src[i] >= 0x20 {
		i++
	}
	if i < len(p.src) && p.src[i] == '"' && utf8.Valid(p.src[p.pos:i]) {
		s := string(p.src[p.pos:i])
		p.pos = i + 1
		return s, nil
	}
	buf := make([]byte, 0, i-p.pos+16)
	for {
		if p.pos >= len(p.src) {
			return "", p.errorf(start, "string is never closed: expected '\"' before the end of input")
		}
		c := p.src[p.pos]
		switch {
		case c == '"':
			p.pos++
			return string(buf), nil
		case c == '\\':
			r, n, err := p.escape()
			if err != nil {
				return "", err
			}
			buf = utf8.AppendRune(buf, r)
			p.pos += n
		case c < 0x20:
			if c == '\n' || c == '\r' {
				return "", p.errorf(p.pos, "line break inside a string: write it as \\n, or close the string (opened at offset %d) first", start)
			}
			return "", p.errorf(p.pos, "control character U+%04X inside a string must be escaped", c)
		case c < utf8.RuneSelf:
			buf = append(buf, c)
			p.pos++
		default:
			r, size := utf8.DecodeRune(p.src[p.pos:])
			if r == utf8.RuneError && size == 1 {
				return "", p.errorf(p.pos, "invalid UTF-8 byte 0x%02X in a string", c)
			}
			buf = append(buf, p.src[p.pos:p.pos+size]...)
			p.pos += size
		}
	}
}

func (p *jsonParser) escape() (rune, int, error) {
	s := p.src[p.pos:]
	if len(s) < 2 {
		return 0, 0, p.errorf(p.pos, "string is never closed after '\\'")
	}
	switch s[1] {
	case '"':
		return '"', 2, nil
	case '\\':
		return '\\', 2, nil
	case '/':
		return '/', 2, nil
	case 'b':
		return '\b', 2, nil
	case 'f':
		return '\f', 2, nil
	case 'n':
		return '\n', 2, nil
	case 'r':
		return '\r', 2, nil
	case 't':
		return '\t', 2, nil
	case 'u':
		r, ok := hex4(s[2:])
		if !ok {
			return 0, 0, p.errorf(p.pos, "invalid \\u escape: expected four hexadecimal digits")
		}
		if utf16.IsSurrogate(r) {
			if len(s) >= 12 && s[6] == '\\' && s[7] == 'u' {
				if lo, ok := hex4(s[8:]); ok {
					if pr := utf16.DecodeRune(r, lo); pr != utf8.RuneError {
						return pr, 12, nil
					}
				}
			}
			return utf8.RuneError, 6, nil // a lone surrogate, as encoding/json reads it
		}
		return r, 6, nil
	}
	return 0, 0, p.errorf(p.pos, "invalid escape %s in a string", strconv.Quote(string(s[:2])))
}

func hex4(s []byte) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range s[:4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

func (p *jsonParser) number() error {
	start := p.pos
	if p.src[p.pos] == '-' {
		p.pos++
	}
	digits := func() int {
		n := 0
		for p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' {
			p.pos++
			n++
		}
		return n
	}
	intStart := p.pos
	if digits() == 0 {
		return p.errorf(start, "invalid number: expected a digit after '-'")
	}
	if p.src[intStart] == '0' && p.pos-intStart > 1 {
		return p.errorf(start, "invalid number %s: leading zeros are not allowed", p.src[start:p.pos])
	}
	if p.pos < len(p.src) && p.src[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			return p.errorf(start, "invalid number: expected a digit after '.'")
		}
	}
	if p.pos < len(p.src) && (p.src[p.pos] == 'e' || p.src[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.src) && (p.src[p.pos] == '+' || p.src[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			return p.errorf(start, "invalid number: expected a digit in the exponent")
		}
	}
	if p.pos < len(p.src) && isIdentByte(p.src[p.pos]) {
		return p.errorf(p.pos, "unexpected %s after number", p.describe(p.pos))
	}
	return nil
}
