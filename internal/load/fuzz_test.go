package load

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/artlint/artlint/rules"
)

// The fuzz targets check the loaders' promises on any input: no panic, no
// hang, every error at an offset inside the file, every value's span
// inside the file and inside its parent's span, and every offset in a
// decoded string mapped inside the value's span, in order, and exactly
// onto the letter it decodes to. Seeds live in testdata/fuzz/FuzzXxx;
// `go test -fuzz FuzzJSON ./internal/load` explores further.

var loaderSeeds = []string{
	`{"id": "otan-2012", "lang": "fr", "title": "Les partenaires de l’OTAN", "body": ["Les chefs d’État de treize pays"]}`,
	`{"body": ["Caf\u00e9 \"chic\" \ud83d\ude00 et\n treize"], "x": {"n": [1, -2.5e3, true, null]}}`,
	"\xef\xbb\xbf{\r\n  \"title\": \"Sommet\"\r\n}\r\n",
	`{"a": 1, "a": 2}`,
	`[[[[[[[[[[]]]]]]]]]]`,
	`{"n": 1e999, "m": 123456789012345678901234567890}`,
	"id: otan-2012\nlang: fr\ntitle: 'l''OTAN'\nbody:\n  - >\n    Les chefs d’État\n    ont rencontré\n\n    treize pays\n  - |\n    littéral\n      indenté\n",
	"a: &a [x, y]\nb: *a\nc: !!binary aGVsbG8=\nd: !foo x\n1: x\n",
	"---\ntitle: \"Un \\u00e9t\u00e9\\n  plié\"\n---\n: broken: [\n---\ntitle: trois\n",
	"{\"id\": \"a\"}\n\n{\"id\": \"b\",}\n{\"id\": \"c\"}\r\n",
	"title: a\rbody: [b]\r",
	"",
	" \t\n",
	"{\"id\": \"a\xff\"}",
	"\x00\x01",
}

func FuzzJSON(f *testing.F) {
	for _, s := range loaderSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, data, rules.FormatJSON) })
}

func FuzzYAML(f *testing.F) {
	for _, s := range loaderSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, data, rules.FormatYAML) })
}

func FuzzNDJSON(f *testing.F) {
	for _, s := range loaderSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, data, rules.FormatNDJSON) })
}

func checkParse(t *testing.T, data []byte, format rules.Format) {
	f := rules.NewFile("fuzz", data, format)
	res := Parse(f, Limits{MaxDepth: 64, MaxAliases: 10_000})
	for _, e := range res.Errors {
		if e.Offset < 0 || e.Offset > len(data) {
			t.Fatalf("error %q at offset %d, outside the file (%d bytes)", e.Msg, e.Offset, len(data))
		}
		if e.Msg == "" {
			t.Fatalf("error without a message at %d", e.Offset)
		}
		checkPosition(t, f, e.Offset)
	}
	// An alias repeats a value that is written elsewhere: its span is the
	// anchor's, outside the parent's.
	nested := format != rules.FormatYAML || !bytes.ContainsAny(data, "*")
	for _, rec := range res.Records {
		checkNode(t, f, rec.Root, rules.Span{Start: 0, End: len(data)}, nested)
	}
	for _, d := range res.Duplicates {
		for _, sp := range []rules.Span{d.First, d.Next} {
			checkSpan(t, f, sp, rules.Span{Start: 0, End: len(data)}, "duplicate key "+d.Key)
		}
	}
}

func checkPosition(t *testing.T, f *rules.File, off int) {
	line, col := f.Position(off)
	if line < 1 || line > f.LineCount() || col < 1 {
		t.Fatalf("offset %d at %d:%d, outside the file's %d lines", off, line, col, f.LineCount())
	}
}

func checkSpan(t *testing.T, f *rules.File, sp, within rules.Span, what string) {
	if sp.Start < within.Start || sp.End > within.End || sp.Start > sp.End {
		t.Fatalf("%s: span [%d,%d) outside [%d,%d)\n%q", what, sp.Start, sp.End, within.Start, within.End, f.Content)
	}
	checkPosition(t, f, sp.Start)
	checkPosition(t, f, sp.End)
}

func checkNode(t *testing.T, f *rules.File, n *rules.Node, parent rules.Span, nested bool) {
	within := rules.Span{Start: 0, End: len(f.Content)}
	if nested {
		within = parent
	}
	checkSpan(t, f, n.Span, within, "value "+n.Pointer)
	for _, it := range n.Items {
		checkNode(t, f, it, n.Span, nested)
	}
	for _, fl := range n.Fields {
		if f.Format != rules.FormatYAML {
			checkSpan(t, f, fl.KeySpan, n.Span, "key of "+fl.Value.Pointer)
		}
		checkNode(t, f, fl.Value, n.Span, nested)
	}
	if n.Kind == rules.String {
		checkOffsets(t, f, n)
	}
}

// checkOffsets maps every rune boundary of a decoded string to the file:
// inside the value's span, never going back, and, for a letter, onto the
// letter itself whenever the file writes it as it is.
func checkOffsets(t *testing.T, f *rules.File, n *rules.Node) {
	prev := n.Span.Start
	for i := 0; i <= len(n.Str); {
		off := n.Offset(i)
		if off < n.Span.Start || off > n.Span.End {
			t.Fatalf("%s: decoded offset %d maps to %d, outside the value [%d,%d)\nvalue %q\nfile %q", n.Pointer, i, off, n.Span.Start, n.Span.End, n.Str, f.Content)
		}
		if off < prev {
			t.Fatalf("%s: decoded offset %d maps to %d, before offset %d of the previous character\nvalue %q\nfile %q", n.Pointer, i, off, prev, n.Str, f.Content)
		}
		prev = off
		if i == len(n.Str) {
			break
		}
		r, size := utf8.DecodeRuneInString(n.Str[i:])
		sp := n.SpanOf(i, i+size)
		if sp.Start < n.Span.Start || sp.End > n.Span.End || sp.Start > sp.End {
			t.Fatalf("%s: SpanOf(%d,%d) = [%d,%d), outside the value [%d,%d)", n.Pointer, i, i+size, sp.Start, sp.End, n.Span.Start, n.Span.End)
		}
		if unicode.IsLetter(r) && r != utf8.RuneError {
			src := f.Content[sp.Start:sp.End]
			if !bytes.ContainsAny(src, "\\\r\n") && !bytes.Contains(src, []byte("''")) && string(src) != string(r) {
				t.Fatalf("%s: letter %q at decoded offset %d maps to %q at [%d,%d)\nvalue %q\nfile %q", n.Pointer, r, i, src, sp.Start, sp.End, n.Str, f.Content)
			}
		}
		i += size
	}
}

// FuzzStringOffsets writes any text as a JSON string (with encoding/json's
// escapes) and as YAML (in the style yaml.v3 picks, and in each quoting
// style and block style), then checks that each letter of the decoded
// value maps exactly onto that letter in the file, at the right line and
// column.
func FuzzStringOffsets(f *testing.F) {
	for _, s := range []string{
		"Les chefs d’État de treize pays",
		"Caf\u00e9 \"chic\" <b> & \\ \t tab\nnouvelle ligne",
		"😀 \u2028 \u0085 l'OTAN « vingt » ¹",
		"ligne un\n\nligne trois  \n  indentée",
		"  espaces autour  ",
		"\xff\xfeinvalide",
		"",
		"#: - ? [ ] { } , & * ! | > ' \" % @ `",
	} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, style uint8) {
		var docs []struct {
			format rules.Format
			src    []byte
		}
		j, err := json.Marshal(map[string]any{"body": []string{s}})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, struct {
			format rules.Format
			src    []byte
		}{rules.FormatJSON, j})
		if y := yamlDoc(s, style); y != nil {
			docs = append(docs, struct {
				format rules.Format
				src    []byte
			}{rules.FormatYAML, y})
		}
		for _, d := range docs {
			file := rules.NewFile("fuzz", d.src, d.format)
			res := Parse(file, Limits{})
			if len(res.Errors) > 0 {
				if d.format == rules.FormatYAML {
					continue // the encoder may write what the decoder refuses (e.g. NUL)
				}
				t.Fatalf("%s %q: %s", d.format, d.src, res.Errors[0].Msg)
			}
			n := res.Records[0].Root.Lookup("/body/0")
			if n == nil || n.Kind != rules.String {
				t.Fatalf("%s %q: no string at /body/0", d.format, d.src)
			}
			if d.format == rules.FormatJSON && utf8.ValidString(s) && n.Str != s {
				t.Fatalf("JSON %q decodes to %q, want %q", d.src, n.Str, s)
			}
			checkNode(t, file, n, rules.Span{Start: 0, End: len(d.src)}, true)
		}
	})
}

// yamlDoc writes s as the first paragraph of a YAML record, in the style
// yaml.v3 picks (0) or a forced one.
func yamlDoc(s string, style uint8) []byte {
	node := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	switch style % 5 {
	case 1:
		node.Style = yaml.DoubleQuotedStyle
	case 2:
		node.Style = yaml.SingleQuotedStyle
	case 3:
		node.Style = yaml.LiteralStyle
	case 4:
		node.Style = yaml.FoldedStyle
	}
	doc := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		{Kind: yaml.ScalarNode, Value: "body"},
		{Kind: yaml.SequenceNode, Content: []*yaml.Node{node}},
	}}
	var b strings.Builder
	enc := yaml.NewEncoder(&b)
	if err := enc.Encode(doc); err != nil {
		return nil
	}
	if err := enc.Close(); err != nil {
		return nil
	}
	return []byte(b.String())
}
