package rules

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Span is a half-open range of byte offsets in a file's content.
type Span struct{ Start, End int }

// Format is the container format a file was read as.
type Format uint8

const (
	FormatJSON Format = iota
	FormatYAML
	FormatNDJSON
)

func (f Format) String() string {
	switch f {
	case FormatYAML:
		return "yaml"
	case FormatNDJSON:
		return "ndjson"
	}
	return "json"
}

// File is one input file. Positions everywhere are byte offsets into Content;
// they become line and column only when reported.
type File struct {
	Path    string // as given or found on disk; "-" names are replaced by --stdin-filename
	Content []byte
	Format  Format

	lineStarts []int // lazily built

	colMu   sync.Mutex // guards colMark
	colMark colMark    // see column
}

// NewFile wraps content read from path.
func NewFile(path string, content []byte, format Format) *File {
	return &File{Path: path, Content: content, Format: format}
}

func (f *File) lines() []int {
	if f.lineStarts == nil {
		starts := []int{0}
		c := f.Content
		for i := 0; i < len(c); i++ {
			switch c[i] {
			case '\n':
				starts = append(starts, i+1)
			case '\r':
				// CRLF is one break; a lone CR is a break of its own.
				if i+1 < len(c) && c[i+1] == '\n' {
					i++
				}
				starts = append(starts, i+1)
			}
		}
		f.lineStarts = starts
	}
	return f.lineStarts
}

// Position converts a byte offset to a 1-based line and a 1-based column
// counted in UTF-16 code units, as SARIF (columnKind utf16CodeUnits) and
// LSP expect.
func (f *File) Position(off int) (line, col int) {
	if off < 0 {
		off = 0
	}
	if off > len(f.Content) {
		off = len(f.Content)
	}
	starts := f.lines()
	i := sort.Search(len(starts), func(i int) bool { return starts[i] > off }) - 1
	from := starts[i]
	if from == 0 && bytes.HasPrefix(f.Content, utf8BOM) {
		// Editors hide a byte order mark; it takes no column.
		from = min(len(utf8BOM), off)
	}
	return i + 1, f.column(from, off) + 1
}

// colMark remembers the last column computed: the UTF-16 length of
// Content[from:off].
type colMark struct {
	from, off, col int
	set            bool
}

// column is UTF16Len(Content[from:off]), counted on from the previous call
// when it was on the same line at or before off: findings come in order
// along a line, and counting from the line start each time is quadratic
// on the long single-line texts of JSON and NDJSON records.
func (f *File) column(from, off int) int {
	f.colMu.Lock()
	defer f.colMu.Unlock()
	m := f.colMark
	var col int
	// Resuming at m.off is exact when it is a rune boundary: no rune
	// decoded from before it can extend past it.
	if m.set && m.from == from && m.off <= off && (m.off == len(f.Content) || utf8.RuneStart(f.Content[m.off])) {
		col = m.col + UTF16Len(f.Content[m.off:off])
	} else {
		col = UTF16Len(f.Content[from:off])
	}
	f.colMark = colMark{from: from, off: off, col: col, set: true}
	return col
}

var utf8BOM = []byte("\xef\xbb\xbf")

// LineText returns the text of the 1-based line, without its line break.
func (f *File) LineText(line int) string {
	starts := f.lines()
	if line < 1 || line > len(starts) {
		return ""
	}
	start := starts[line-1]
	end := len(f.Content)
	if line < len(starts) {
		end = starts[line]
	}
	return strings.TrimRight(string(f.Content[start:end]), "\r\n")
}

// LineCount is the number of lines, counting a last line without a break.
func (f *File) LineCount() int { return len(f.lines()) }

// LineStart is the byte offset where the 1-based line starts.
func (f *File) LineStart(line int) int {
	starts := f.lines()
	if line < 1 {
		return 0
	}
	if line > len(starts) {
		return len(f.Content)
	}
	return starts[line-1]
}

// UTF16Len counts UTF-16 code units in b; each invalid byte counts as one.
func UTF16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			n++
			b = b[1:]
			continue
		}
		r, size := utf8.DecodeRune(b)
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		b = b[size:]
	}
	return n
}

// Kind is the JSON data model kind of a node.
type Kind uint8

const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

func (k Kind) String() string {
	return [...]string{"null", "boolean", "number", "string", "array", "object"}[k]
}

// Style records how a string scalar is written in the file, which decides
// how offsets in its decoded value map back to bytes of the file.
type Style uint8

const (
	StyleJSON         Style = iota // a JSON string with its quotes and escapes
	StylePlain                     // YAML plain scalar (line folding, no escapes)
	StyleSingleQuoted              // YAML '…' ('' is a quote)
	StyleDoubleQuoted              // YAML "…" (escapes, line folding)
	StyleLiteral                   // YAML | block
	StyleFolded                    // YAML > block
)

// Node is one value of a record with the span it occupies in the file.
type Node struct {
	Kind    Kind
	Span    Span   // the value as written, quotes and block headers included
	Str     string // decoded string value; the literal text of numbers and booleans
	Items   []*Node
	Fields  []Field
	Pointer string // RFC 6901 JSON Pointer of the value in its record
	Style   Style

	file *File
	segs []segment // lazily built map from decoded offsets to file offsets
}

// Field is an object member in file order.
type Field struct {
	Key     string
	KeySpan Span
	Value   *Node
}

// NewNode builds a node; loaders use it so that string nodes can map their
// decoded offsets back into the file.
func NewNode(file *File, kind Kind, span Span, pointer string) *Node {
	return &Node{Kind: kind, Span: span, Pointer: pointer, file: file}
}

// File is the file the node was read from.
func (n *Node) File() *File { return n.file }

// Get returns the value of member key of an object node, or nil.
func (n *Node) Get(key string) *Node {
	if n == nil || n.Kind != Object {
		return nil
	}
	for i := range n.Fields {
		if n.Fields[i].Key == key {
			return n.Fields[i].Value
		}
	}
	return nil
}

// pointerUnescaper decodes a JSON Pointer reference token (RFC 6901),
// pointerEscaper encodes one; a Replacer is safe for concurrent use, so
// one serves every call.
var (
	pointerUnescaper = strings.NewReplacer("~1", "/", "~0", "~")
	pointerEscaper   = strings.NewReplacer("~", "~0", "/", "~1")
)

// Lookup resolves a JSON Pointer relative to n; nil if it names nothing.
func (n *Node) Lookup(pointer string) *Node {
	if pointer == "" {
		return n
	}
	if pointer[0] != '/' {
		return nil
	}
	cur := n
	for _, tok := range strings.Split(pointer[1:], "/") {
		if strings.IndexByte(tok, '~') >= 0 {
			tok = pointerUnescaper.Replace(tok)
		}
		switch {
		case cur == nil:
			return nil
		case cur.Kind == Object:
			cur = cur.Get(tok)
		case cur.Kind == Array:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(cur.Items) {
				return nil
			}
			cur = cur.Items[i]
		default:
			return nil
		}
	}
	return cur
}

// Offset maps a byte offset in the decoded string value to a byte offset in
// the file. Offsets inside an escape sequence map to its start.
func (n *Node) Offset(i int) int {
	if n.Kind != String || n.file == nil {
		return n.Span.Start
	}
	if n.segs == nil {
		n.segs = align(n.file.Content[n.Span.Start:n.Span.End], n.Str, n.Style)
	}
	if i <= 0 {
		if len(n.segs) > 0 {
			return n.Span.Start + n.segs[0].src
		}
		return n.Span.Start
	}
	k := sort.Search(len(n.segs), func(k int) bool { return n.segs[k].dec > i }) - 1
	if k < 0 {
		return n.Span.Start
	}
	s := n.segs[k]
	if i >= s.dec+s.decLen {
		return n.Span.Start + s.src + s.srcLen
	}
	if s.decLen == s.srcLen {
		return n.Span.Start + s.src + (i - s.dec)
	}
	return n.Span.Start + s.src
}

// SpanOf maps the decoded range [i, j) of a string node to a file span.
func (n *Node) SpanOf(i, j int) Span {
	start := n.Offset(i)
	end := start
	if j > i {
		// The end is the end of the last decoded byte's source, so that a
		// range ending in an escape covers the whole escape.
		end = n.Offset(j)
		if end < start {
			end = start
		}
	}
	return Span{start, end}
}

// PointerJoin appends one reference token to a JSON Pointer.
func PointerJoin(base, token string) string {
	if strings.ContainsAny(token, "~/") {
		token = pointerEscaper.Replace(token)
	}
	return base + "/" + token
}

// Record is one article: a JSON file, one YAML document, or one NDJSON line.
type Record struct {
	File  *File
	Index int // 0-based position of the record in its file
	Root  *Node
	// DefaultLang is the configured language (.artlint.yaml lang) for a
	// record without a lang member; the engine sets it.
	DefaultLang string

	texts []Text
}

// Lang is the record's lang member, or DefaultLang when it has none.
func (r *Record) Lang() string {
	if n := r.Root.Get("lang"); n != nil && n.Kind == String {
		return n.Str
	}
	return r.DefaultLang
}

// FitSpan ends a string node's span where its written form ends. Loaders
// that only know where a scalar starts (YAML) set Span.End to an upper
// bound, then call it.
func (n *Node) FitSpan() {
	src := n.file.Content[n.Span.Start:n.Span.End]
	n.segs = align(src, n.Str, n.Style)
	end := bodyStart(src, n.Style)
	if k := len(n.segs); k > 0 {
		end = max(end, n.segs[k-1].src+n.segs[k-1].srcLen)
	}
	if q := closingQuote(n.Style); q != 0 {
		for end < len(src) {
			if src[end] == q {
				if q == '\'' && end+1 < len(src) && src[end+1] == '\'' {
					end += 2
					continue
				}
				end++
				break
			}
			end++
		}
	}
	n.Span.End = n.Span.Start + end
}

func closingQuote(s Style) byte {
	switch s {
	case StyleJSON, StyleDoubleQuoted:
		return '"'
	case StyleSingleQuoted:
		return '\''
	}
	return 0
}
