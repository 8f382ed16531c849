package load

import (
	"strings"
	"testing"

	"github.com/artlint/artlint/rules"
)

// TestWordPositions checks that a word inside a string value is located at
// its exact line and UTF-16 column in the file, whatever escapes, quoting,
// folding or line endings come before it.
func TestWordPositions(t *testing.T) {
	cases := []struct {
		name      string
		format    rules.Format
		src       string
		pointer   string
		word      string
		line, col int
	}{
		{"json escapes \\u00e9 and \\\" before the word", rules.FormatJSON,
			`{"body": ["Caf\u00e9 \"chic\" et treize pays"]}`, "/body/0", "treize", 1, 34},
		{"json \\n escape and astral characters, raw and as a surrogate pair", rules.FormatJSON,
			`{"body": ["😀 \ud83d\ude00\n treize pays"]}`, "/body/0", "treize", 1, 30},
		{"json on a CRLF file", rules.FormatJSON,
			"{\r\n  \"id\": \"x\",\r\n  \"body\": [\"Les chefs d’État de treize pays\"]\r\n}\r\n", "/body/0", "treize", 3, 33},
		{"yaml folded scalar", rules.FormatYAML,
			"id: x\nbody:\n  - >\n    Les chefs d’État\n    ont rencontré\n\n    les dirigeants de treize pays\n", "/body/0", "treize", 7, 23},
		{"yaml literal scalar whose header line ends with a lone CR", rules.FormatYAML,
			"id: x\nbody:\n  - |\r    Les chefs d’État\n    de treize pays\n", "/body/0", "treize", 5, 8},
		{"yaml folded scalar with keep chomping on CRLF", rules.FormatYAML,
			"id: x\r\nbody:\r\n  - >+\r\n    Les chefs d’État\r\n    de treize pays\r\n", "/body/0", "treize", 5, 8},
		{"yaml literal scalar, more-indented line", rules.FormatYAML,
			"id: x\nbody:\n  - |\n    Les chefs\n      d’État de treize pays\n", "/body/0", "treize", 5, 17},
		{"yaml plain multi-line scalar", rules.FormatYAML,
			"body:\n  - Les chefs d’État ont\n    rencontré treize pays\n", "/body/0", "treize", 3, 15},
		{"yaml double-quoted with escapes and a line fold", rules.FormatYAML,
			"body:\n  - \"Caf\\u00e9 \\\"x\\\" l’OTAN\n    et treize\"\n", "/body/0", "treize", 3, 8},
		{"yaml single-quoted with doubled quotes", rules.FormatYAML,
			"body: ['qu''a l''OTAN et treize', 'b']\n", "/body/0", "treize", 1, 26},
		{"ndjson second line", rules.FormatNDJSON,
			"{\"body\": [\"a\"]}\n{\"body\": [\"\\u00abtreize\"]}\n", "/body/0", "treize", 2, 18},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := rules.NewFile("case", []byte(c.src), c.format)
			res := Parse(f, Limits{})
			if len(res.Errors) > 0 {
				t.Fatalf("parse error at %d: %s", res.Errors[0].Offset, res.Errors[0].Msg)
			}
			rec := res.Records[len(res.Records)-1]
			n := rec.Root.Lookup(c.pointer)
			if n == nil || n.Kind != rules.String {
				t.Fatalf("no string at %s", c.pointer)
			}
			i := strings.Index(n.Str, c.word)
			if i < 0 {
				t.Fatalf("%q not in decoded value %q", c.word, n.Str)
			}
			sp := n.SpanOf(i, i+len(c.word))
			if got := c.src[sp.Start:sp.End]; got != c.word {
				t.Errorf("span covers %q, want %q", got, c.word)
			}
			line, col := f.Position(sp.Start)
			if line != c.line || col != c.col {
				t.Errorf("%q at %d:%d, want %d:%d", c.word, line, col, c.line, c.col)
			}
		})
	}
}

// TestUTF16Columns checks that columns count UTF-16 code units: é is one,
// an emoji two, and a lone CR ends a line.
func TestUTF16Columns(t *testing.T) {
	f := rules.NewFile("x", []byte("é😀x\rab\r\ncd"), rules.FormatJSON)
	for _, c := range []struct{ off, line, col int }{
		{0, 1, 1}, {2, 1, 2}, {6, 1, 4}, {8, 2, 1}, {9, 2, 2}, {12, 3, 1}, {14, 3, 3},
	} {
		if l, col := f.Position(c.off); l != c.line || col != c.col {
			t.Errorf("offset %d at %d:%d, want %d:%d", c.off, l, col, c.line, c.col)
		}
	}
}

// TestSpansCoverValues checks that every value's span is exactly what the
// file says, quotes and block headers included.
func TestSpansCoverValues(t *testing.T) {
	src := "id: 'l''OTAN'\ntitle: \"Chicago\"\nn: 12\nb: true\nbody:\n  - |\n    texte\n  - plain text\n"
	f := rules.NewFile("x.yaml", []byte(src), rules.FormatYAML)
	res := Parse(f, Limits{})
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors[0].Msg)
	}
	root := res.Records[0].Root
	for ptr, want := range map[string]string{
		"/id": "'l''OTAN'", "/title": `"Chicago"`, "/n": "12", "/b": "true",
		"/body/0": "|\n    texte\n", "/body/1": "plain text",
	} {
		n := root.Lookup(ptr)
		if n == nil {
			t.Errorf("%s: missing", ptr)
			continue
		}
		if got := src[n.Span.Start:n.Span.End]; got != want {
			t.Errorf("%s: span %q, want %q", ptr, got, want)
		}
	}
}
