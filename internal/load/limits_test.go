package load

import (
	"fmt"
	"strings"
	"testing"

	"github.com/artlint/artlint/rules"
)

// errorsOf parses src and returns its errors as "line:col: message".
func errorsOf(t *testing.T, name, src string, lim Limits) []string {
	t.Helper()
	format, _ := FormatOf(name)
	f := rules.NewFile(name, []byte(src), format)
	var out []string
	for _, e := range Parse(f, lim).Errors {
		line, col := f.Position(e.Offset)
		out = append(out, fmt.Sprintf("%d:%d: %s", line, col, e.Msg))
	}
	return out
}

func TestLimitsAndLocatedErrors(t *testing.T) {
	for _, c := range []struct {
		name, file, src string
		lim             Limits
		want            string
	}{
		{"alias budget counts the nodes an alias builds, at the alias", "a.yaml",
			"a: &a [1, 2, 3, 4]\nb: [*a, *a]\n", Limits{MaxAliases: 9},
			"2:9: YAML aliases expand to more than 9 nodes (an alias bomb?)"},
		{"alias budget: exactly enough", "a.yaml",
			"a: &a [1, 2, 3, 4]\nb: [*a, *a]\n", Limits{MaxAliases: 10}, ""},
		{"a parser error is on the line of the unclosed bracket", "a.yaml",
			"id: a\ntitle: [Sommet\nbody: [Texte]\n", Limits{},
			"2:1: YAML: did not find expected ',' or ']'"},
		{"a scanner error keeps yaml.v3's line", "a.yaml",
			"id: a\ntitle: Sommet: de Chicago\n", Limits{},
			"2:1: YAML: mapping values are not allowed in this context"},
		{"invalid UTF-8 breaks only its NDJSON line", "a.ndjson",
			"{\"id\": \"a\"}\n{\"id\": \"\xc3(\"}\n{\"id\": \"c\"}\n", Limits{},
			"2:9: invalid UTF-8: byte 0xC3 is not UTF-8 text (records must be saved as UTF-8)"},
		{"invalid UTF-8 breaks only its YAML document", "a.yaml",
			"id: a\n---\nid: \xff\n---\nid: c\n", Limits{},
			"3:5: invalid UTF-8: byte 0xFF is not UTF-8 text (records must be saved as UTF-8)"},
		{"depth above the ceiling is the ceiling", "a.json",
			strings.Repeat("[", MaxDepthCeiling+2), Limits{MaxDepth: 1 << 30},
			"1:10002: nesting deeper than 10000 levels"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := strings.Join(errorsOf(t, c.file, c.src, c.lim), "\n")
			if got != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

// TestTaggedScalarSpans: a tag or anchor before a scalar is not part of
// its span, so offsets in its value land on the value.
func TestTaggedScalarSpans(t *testing.T) {
	src := "a: !!binary U29tbWV0\nb: &x !foo  Sommet\nc: !!str # commentaire\n  Chicago\nd: [!bar treize, 'x']\n"
	f := rules.NewFile("a.yaml", []byte(src), rules.FormatYAML)
	res := Parse(f, Limits{})
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors[0].Msg)
	}
	for ptr, want := range map[string]string{"/a": "U29tbWV0", "/b": "Sommet", "/c": "Chicago", "/d/0": "treize"} {
		n := res.Records[0].Root.Lookup(ptr)
		if got := src[n.Span.Start:n.Span.End]; got != want {
			t.Errorf("%s: span %q, want %q", ptr, got, want)
		}
	}
}

func TestSizes(t *testing.T) {
	for in, want := range map[string]int64{"1000": 1000, "256MiB": 256 << 20, "256 MiB": 256 << 20, "10MB": 10e6, "512K": 512 << 10, "2g": 2 << 30, "7B": 7} {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "0", "-5", "1x", "MiB", "99999999999GiB"} {
		if _, err := ParseSize(bad); err == nil {
			t.Errorf("ParseSize(%q) accepted", bad)
		}
	}
	for n, want := range map[int64]string{256 << 20: "256 MiB", 1 << 10: "1 KiB", 2058: "2058 bytes", 3 << 30: "3 GiB"} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}
