package load

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/artlint/artlint/rules"
)

// parseYAML reads each document of a YAML stream as one record. Documents
// are split at their "---" lines and parsed one by one, so that a broken
// document is reported and the ones after it are still read.
func parseYAML(f *rules.File, lim Limits) Result {
	var res Result
	index := 0
	for _, ch := range splitYAMLDocuments(f.Content) {
		if se := checkUTF8(f.Content, ch.start, ch.end); se != nil {
			se.Record = index
			res.Errors = append(res.Errors, se)
			index++
			continue
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(f.Content[ch.start:ch.end], &doc); err != nil {
			res.Errors = append(res.Errors, yamlError(f, ch, err, index))
			index++
			continue
		}
		if doc.Kind == 0 || len(doc.Content) == 0 {
			continue // only comments or directives
		}
		c := &yamlConverter{f: f, base: ch.start, chunk: f.Content[ch.start:ch.end], budget: lim.MaxAliases, maxAliases: lim.MaxAliases, maxDepth: lim.MaxDepth}
		c.lines = yamlLineStarts(c.chunk)
		root, err := c.convert(doc.Content[0], "", 0)
		if err != nil {
			err.Record = index
			res.Errors = append(res.Errors, err)
		} else {
			rec := &rules.Record{File: f, Index: index, Root: root}
			res.add(rec, c.dups, nil)
		}
		index++
	}
	return res
}

type chunk struct{ start, end int }

// splitYAMLDocuments cuts the stream before each line that starts a
// document ("---" alone or followed by a space).
func splitYAMLDocuments(c []byte) []chunk {
	var out []chunk
	start := 0
	if bytes.HasPrefix(c, bom) {
		start = len(bom)
	}
	for i := start; i < len(c); {
		nl := bytes.IndexByte(c[i:], '\n')
		lineEnd := len(c)
		if nl >= 0 {
			lineEnd = i + nl
		}
		line := bytes.TrimRight(c[i:lineEnd], "\r")
		if i > start && bytes.HasPrefix(line, []byte("---")) && (len(line) == 3 || line[3] == ' ' || line[3] == '\t') {
			out = append(out, chunk{start, i})
			start = i
		}
		if nl < 0 {
			break
		}
		i = lineEnd + 1
	}
	return append(out, chunk{start, len(c)})
}

// yamlLineStarts finds line starts the way the YAML scanner counts lines:
// CRLF is one break, and NEL, LS and PS are breaks too.
func yamlLineStarts(c []byte) []int {
	starts := []int{0}
	for i := 0; i < len(c); {
		r, size := utf8.DecodeRune(c[i:])
		switch r {
		case '\r':
			if i+1 < len(c) && c[i+1] == '\n' {
				size = 2
			}
			starts = append(starts, i+size)
		case '\n', '\u0085', '\u2028', '\u2029':
			starts = append(starts, i+size)
		}
		i += size
	}
	return starts
}

func yamlError(f *rules.File, ch chunk, err error, index int) *SyntaxError {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	off := ch.start
	// yaml.v3 says "line N: message", N counted in the parsed chunk.
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if colon := strings.IndexByte(rest, ':'); colon > 0 {
			if n, convErr := strconv.Atoi(rest[:colon]); convErr == nil {
				if yamlParserProblems[strings.TrimSpace(rest[colon+1:])] {
					// yaml.v3 prints a parser error's 0-based line
					// (only scanner errors get +1): count it as the
					// line of the unclosed '[' or key it names.
					n++
				}
				starts := yamlLineStarts(f.Content[ch.start:ch.end])
				if n >= 1 && n <= len(starts) {
					off = ch.start + starts[n-1]
				}
				msg = strings.TrimSpace(rest[colon+1:])
			}
		}
	}
	return &SyntaxError{Offset: off, Msg: "YAML: " + msg, Record: index}
}

// yamlParserProblems are the messages of yaml.v3's parser (as opposed to
// its scanner), whose line numbers it reports one too low.
var yamlParserProblems = map[string]bool{
	"did not find expected ',' or ']'": true, "did not find expected ',' or '}'": true,
	"did not find expected '-' indicator": true, "did not find expected <document start>": true,
	"did not find expected <stream-start>": true, "did not find expected key": true,
	"did not find expected node content": true, "found duplicate %TAG directive": true,
	"found duplicate %YAML directive": true, "found incompatible YAML document": true,
	"found undefined tag handle": true,
}

type yamlConverter struct {
	f          *rules.File
	base       int
	chunk      []byte
	lines      []int
	budget     int
	maxAliases int
	maxDepth   int
	alias      *yaml.Node          // the alias being expanded, if any
	expanding  map[*yaml.Node]bool // anchored values being expanded
	dups       []Duplicate
}

// offset turns the scanner's 1-based line and rune column into a byte offset
// in the file.
func (c *yamlConverter) offset(line, col int) int {
	if line < 1 || line > len(c.lines) {
		return c.base
	}
	i := c.lines[line-1]
	for k := 1; k < col && i < len(c.chunk); k++ {
		_, size := utf8.DecodeRune(c.chunk[i:])
		i += size
	}
	return c.base + i
}

func (c *yamlConverter) errorf(y *yaml.Node, format string, args ...any) *SyntaxError {
	return &SyntaxError{Offset: c.offset(y.Line, y.Column), Msg: fmt.Sprintf(format, args...)}
}

func (c *yamlConverter) convert(y *yaml.Node, ptr string, depth int) (*rules.Node, *SyntaxError) {
	if depth > c.maxDepth {
		return nil, c.errorf(y, "nesting deeper than %d levels", c.maxDepth)
	}
	if c.alias != nil {
		// Every node built through an alias counts: the work is bounded
		// by the budget however the aliases nest.
		if c.budget--; c.budget < 0 {
			return nil, c.errorf(c.alias, "YAML aliases expand to more than %d nodes (an alias bomb?)", c.maxAliases)
		}
	}
	start := c.offset(y.Line, y.Column)
	switch y.Kind {
	case yaml.AliasNode:
		if c.expanding[y.Alias] {
			return nil, c.errorf(y, "alias *%s refers to a value that contains it: it would never end", y.Value)
		}
		if c.expanding == nil {
			c.expanding = map[*yaml.Node]bool{}
		}
		c.expanding[y.Alias] = true
		defer delete(c.expanding, y.Alias)
		if c.alias == nil {
			c.alias = y // errors name the outermost alias, which the user wrote
			defer func() { c.alias = nil }()
		}
		n, err := c.convert(y.Alias, ptr, depth)
		if err != nil {
			return nil, err
		}
		return n, nil
	case yaml.MappingNode:
		n := rules.NewNode(c.f, rules.Object, rules.Span{Start: start, End: start}, ptr)
		seen := map[string]int{}
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return nil, c.errorf(k, "a mapping key must be a scalar, found a %s", kindName(k))
			}
			keyStart := c.offset(k.Line, k.Column)
			kn := rules.NewNode(c.f, rules.String, rules.Span{Start: keyStart, End: c.base + len(c.chunk)}, "")
			kn.Str, kn.Style = k.Value, scalarStyle(k)
			kn.FitSpan()
			vn, err := c.convert(v, rules.PointerJoin(ptr, k.Value), depth+1)
			if err != nil {
				return nil, err
			}
			if j, dup := seen[k.Value]; dup {
				c.dups = append(c.dups, Duplicate{Key: k.Value, First: n.Fields[j].KeySpan, Next: kn.Span, Pointer: vn.Pointer})
				n.Fields[j].Value = vn
			} else {
				seen[k.Value] = len(n.Fields)
				n.Fields = append(n.Fields, rules.Field{Key: k.Value, KeySpan: kn.Span, Value: vn})
			}
			n.Span = cover(n.Span, kn.Span)
			if v.Kind != yaml.AliasNode {
				n.Span = cover(n.Span, vn.Span)
			}
		}
		return n, nil
	case yaml.SequenceNode:
		n := rules.NewNode(c.f, rules.Array, rules.Span{Start: start, End: start + 1}, ptr)
		for i, it := range y.Content {
			vn, err := c.convert(it, rules.PointerJoin(ptr, strconv.Itoa(i)), depth+1)
			if err != nil {
				return nil, err
			}
			n.Items = append(n.Items, vn)
			if it.Kind != yaml.AliasNode {
				n.Span = cover(n.Span, vn.Span)
			}
		}
		return n, nil
	case yaml.ScalarNode:
		return c.scalar(y, start, ptr), nil
	}
	return nil, c.errorf(y, "unexpected YAML node")
}

func (c *yamlConverter) scalar(y *yaml.Node, start int, ptr string) *rules.Node {
	if y.Value != "" || y.Style != 0 {
		start = skipProperties(c.f.Content, start, c.base+len(c.chunk))
	}
	kind, text := rules.String, y.Value
	switch y.ShortTag() {
	case "!!null":
		kind, text = rules.Null, "null"
	case "!!bool":
		kind = rules.Bool
		text = strconv.FormatBool(strings.EqualFold(y.Value, "true"))
	case "!!int", "!!float":
		if num, ok := jsonNumber(y.Value); ok {
			kind, text = rules.Number, num
		}
	}
	n := rules.NewNode(c.f, rules.String, rules.Span{Start: start, End: c.base + len(c.chunk)}, ptr)
	n.Str, n.Style = y.Value, scalarStyle(y)
	n.FitSpan()
	n.Kind, n.Str = kind, text
	return n
}

// cover is the smallest span holding a and b: a collection's span holds
// its members even where yaml.v3 places an empty value before it.
func cover(a, b rules.Span) rules.Span {
	return rules.Span{Start: min(a.Start, b.Start), End: max(a.End, b.End)}
}

// skipProperties steps over the tag (!!binary, !foo, !<uri>) and anchor
// (&a) written before a scalar: yaml.v3 places the node there, and the
// value's span and offsets must start at the value. A scalar itself never
// starts with '!' or '&' (they are indicators).
func skipProperties(c []byte, i, end int) int {
	for k := 0; k < 2 && i < end && (c[i] == '!' || c[i] == '&'); k++ {
		if c[i] == '!' && i+1 < end && c[i+1] == '<' {
			for i < end && c[i] != '>' {
				i++
			}
		}
		if c[i] == '&' {
			// yaml.v3 reads an anchor name as letters, digits, '_' and
			// '-' only, so a scalar may follow it directly ("&0?A").
			i++
			for i < end && isAnchorByte(c[i]) {
				i++
			}
		} else {
			// A tag ends at white space (yaml.v3 lets ',' into tags; an
			// empty scalar, the only one that can follow a tag without a
			// space, is not skipped).
			for i < end && !strings.ContainsRune(" \t\r\n", rune(c[i])) {
				i++
			}
		}
	space:
		for i < end {
			switch c[i] {
			case ' ', '\t', '\r', '\n':
				i++
			case '#':
				for i < end && c[i] != '\n' && c[i] != '\r' {
					i++
				}
			default:
				break space
			}
		}
	}
	return i
}

func isAnchorByte(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_' || b == '-'
}

// jsonNumber rewrites a YAML number (0x1F, 1_000, +5, .5) as JSON writes it.
func jsonNumber(s string) (string, bool) {
	if json.Valid([]byte(s)) {
		return s, true
	}
	clean := strings.ReplaceAll(s, "_", "")
	if i, err := strconv.ParseInt(clean, 0, 64); err == nil {
		return strconv.FormatInt(i, 10), true
	}
	if v, err := strconv.ParseFloat(clean, 64); err == nil && !math.IsInf(v, 0) && !math.IsNaN(v) {
		return strconv.FormatFloat(v, 'g', -1, 64), true
	}
	return "", false
}

func scalarStyle(y *yaml.Node) rules.Style {
	switch {
	case y.Style&yaml.DoubleQuotedStyle != 0:
		return rules.StyleDoubleQuoted
	case y.Style&yaml.SingleQuotedStyle != 0:
		return rules.StyleSingleQuoted
	case y.Style&yaml.LiteralStyle != 0:
		return rules.StyleLiteral
	case y.Style&yaml.FoldedStyle != 0:
		return rules.StyleFolded
	}
	return rules.StylePlain
}

func kindName(y *yaml.Node) string {
	switch y.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "sequence"
	case yaml.AliasNode:
		return "alias"
	}
	return "scalar"
}
