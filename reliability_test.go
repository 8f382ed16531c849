package artlint_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/artlint/artlint"
	"github.com/artlint/artlint/internal/engine"
	"github.com/artlint/artlint/internal/schemas"
	"github.com/artlint/artlint/rules"
)

// The catalogue of bad inputs: each case writes its files into a fresh
// directory next to good.json, a record with one known schema error, runs
// `artlint lint --enable empty-text .` there and compares standard output,
// standard error and the exit code exactly. The last line of every want
// before the summary is good.json's finding: a bad file never stops the
// others from being linted and reported.

const goodRecord = `{
  "id": "otan-2012",
  "lang": "fr",
  "title": "Sommet de Chicago",
  "body": ["Les chefs d’État ont rencontré treize pays partenaires.", 42]
}
`

const goodFinding = "good.json:5:71: error: /body/1: expected a block (a paragraph string, or an object whose type is paragraph, heading, caption, quote or list); found the number 42 (schema)\n"

type badInput struct {
	name  string
	files map[string]string // relative path → content
	setup func(t *testing.T, dir string)
	args  []string // extra flags before "."
	stdin io.Reader
	paths []string // default "."
	out   string   // stdout, good.json's finding included where it sorts
	err   string   // stderr
	code  int
}

func deep(open, close string, n int) string {
	return strings.Repeat(open, n) + strings.Repeat(close, n)
}

var badInputs = []badInput{
	{name: "empty file", files: map[string]string{"empty.json": ""},
		out:  "empty.json:1:1: error: empty input: expected a JSON object (syntax)\n" + goodFinding + "2 problems (2 errors) in 2 files\n",
		code: 1},
	{name: "only white space", files: map[string]string{"blank.json": "  \n\t\r\n  "},
		out:  "blank.json:3:3: error: empty input: expected a JSON object (syntax)\n" + goodFinding + "2 problems (2 errors) in 2 files\n",
		code: 1},
	{name: "empty YAML and NDJSON streams hold no record", files: map[string]string{"empty.yaml": "# nothing yet\n", "empty.ndjson": "\n\n"},
		out:  goodFinding + "1 problem (1 error) in 3 files\n",
		code: 1},
	{name: "UTF-8 byte order mark: accepted, takes no column", files: map[string]string{
		"bom.json": "\xef\xbb\xbf{\"id\": 7, \"lang\": \"fr\", \"title\": \"Sommet\", \"body\": [\"Texte\"]}",
		"bom.yaml": "\xef\xbb\xbfid: 7\nlang: fr\ntitle: Sommet\nbody: [Texte]\n"},
		out: "bom.json:1:8: error: /id: expected a string, found the number 7 (schema)\n" +
			"bom.yaml:1:5: error: /id: expected a string, found the number 7 (schema)\n" +
			goodFinding + "3 problems (3 errors) in 3 files\n",
		code: 1},
	{name: "invalid UTF-8: located at the first bad byte in every format", files: map[string]string{
		"latin1.json":   "{\n  \"title\": \"Sommet de l'OTAN \xe0 Chicago\"\n}\n",
		"latin1.yaml":   "id: otan\ntitle: Sommet \xe0 Chicago\n",
		"latin1.ndjson": "{\"id\": \"a\"}\n{\"id\": \"\xe9t\xe9\"}\n{\"id\": 3}\n"},
		out: goodFinding +
			"latin1.json:2:30: error: invalid UTF-8: byte 0xE0 is not UTF-8 text (records must be saved as UTF-8) (syntax)\n" +
			"latin1.ndjson:1:1: error: record: missing required members \"lang\", \"title\", \"body\" (schema)\n" +
			"latin1.ndjson:2:9: error: invalid UTF-8: byte 0xE9 is not UTF-8 text (records must be saved as UTF-8) (syntax)\n" +
			"latin1.ndjson:3:1: error: record: missing required members \"lang\", \"title\", \"body\" (schema)\n" +
			"latin1.ndjson:3:8: error: /id: expected a string, found the number 3 (schema)\n" +
			"latin1.yaml:2:15: error: invalid UTF-8: byte 0xE0 is not UTF-8 text (records must be saved as UTF-8) (syntax)\n" +
			"7 problems (7 errors) in 4 files\n",
		code: 1},
	{name: "NUL bytes: a binary file named .json; a UTF-16 file", files: map[string]string{
		"photo.json": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"utf16.json": "\xff\xfe{\x00\"\x00i\x00d\x00\"\x00:\x00 \x00\"\x00a\x00\"\x00}\x00"},
		out: goodFinding + "photo.json:3:1: error: NUL byte: this is a binary file, not a text record (syntax)\n" +
			"utf16.json:1:1: error: UTF-16 text (it starts with a UTF-16 byte order mark): records must be saved as UTF-8 (syntax)\n" +
			"3 problems (3 errors) in 3 files\n",
		code: 1},
	{name: "nesting 100,000 deep", files: map[string]string{
		"deep.json":      deep("[", "]", 100_000),
		"deep.yaml":      "body: " + deep("[", "]", 100_000) + "\n",
		"deep-map.yaml":  "body: " + deep("{a: ", "}", 100_000) + "\n",
		"deep.ndjson":    "{\"x\": " + deep("[", "]", 600) + "}\n",
		"shallow.ndjson": "{\"x\": " + deep("[", "]", 500) + "}\n"},
		out: "deep-map.yaml:1:1: error: YAML: exceeded max depth of 10000 (syntax)\n" +
			"deep.json:1:514: error: nesting deeper than 512 levels (syntax)\n" +
			"deep.ndjson:1:519: error: nesting deeper than 512 levels (syntax)\n" +
			"deep.yaml:1:1: error: YAML: exceeded max depth of 10000 (syntax)\n" +
			goodFinding +
			"shallow.ndjson:1:1: error: record: missing required members \"id\", \"lang\", \"title\", \"body\" (schema)\n" +
			"shallow.ndjson:1:7: error: /x: expected an object, found an array of 1 items (schema)\n" +
			"7 problems (7 errors) in 6 files\n",
		code: 1},
	{name: "duplicate keys", files: map[string]string{
		"dup.json": "{\"id\": \"a\", \"lang\": \"fr\", \"title\": \"Premier titre\", \"title\": \"Second titre\", \"body\": [\"Texte\"]}",
		"dup.yaml": "id: a\nlang: fr\ntitle: Premier titre\nbody: [Texte]\ntitle: Second titre\n"},
		out: "dup.json:1:53: error: member \"title\" appears twice in the same object; the last value is used (duplicate-key)\n" +
			"    dup.json:1:27: note: first occurrence\n" +
			"dup.yaml:5:1: error: member \"title\" appears twice in the same object; the last value is used (duplicate-key)\n" +
			"    dup.yaml:3:1: note: first occurrence\n" +
			goodFinding + "3 problems (3 errors) in 3 files\n",
		code: 1},
	{name: "numbers beyond float64", files: map[string]string{
		"numbers.json": "{\"id\": \"a\", \"lang\": \"fr\", \"title\": 1e999, \"body\": [\"Texte\"], \"x\": {\"big\": 123456789012345678901234567890e-999999999, \"small\": -1e-999}}",
		// yaml.v3 reads 1e999 as the string "1e999" (a float it cannot hold).
		"numbers.yaml": "id: a\nlang: fr\ntitle: 1e999\nbody: [Texte]\nx: {big: .inf, n: .nan, hex: 0xFFFFFFFFFFFFFFFFFFFF}\n"},
		out: goodFinding +
			"numbers.json:1:36: error: /title: expected a string, found the number 1e999 (schema)\n" +
			"2 problems (2 errors) in 3 files\n",
		code: 1},
	{name: "CRLF and lone CR line endings", files: map[string]string{
		"crlf.json": "{\r\n  \"id\": \"a\",\r\n  \"lang\": \"fr\",\r\n  \"title\": \"Sommet\",\r\n  \"body\": [\"Texte\", 12]\r\n}\r\n",
		"cr.yaml":   "id: a\rlang: fr\rtitle: Sommet\rbody:\r  - Texte\r  - 12\r",
		"cr.json":   "{\r  \"id\": \"a\",\r  \"lang\": \"fr\",\r  \"title\": \"Sommet\",\r  \"body\": [\"Texte\", 12]\r}\r"},
		out: "cr.json:5:21: error: /body/1: expected a block (a paragraph string, or an object whose type is paragraph, heading, caption, quote or list); found the number 12 (schema)\n" +
			"cr.yaml:6:5: error: /body/1: expected a block (a paragraph string, or an object whose type is paragraph, heading, caption, quote or list); found the number 12 (schema)\n" +
			"crlf.json:5:21: error: /body/1: expected a block (a paragraph string, or an object whose type is paragraph, heading, caption, quote or list); found the number 12 (schema)\n" +
			goodFinding + "4 problems (4 errors) in 4 files\n",
		code: 1},
	{name: "a 1 MB line", files: map[string]string{
		"long.json": "{\"id\": \"a\", \"lang\": \"fr\", \"title\": \"Sommet\", \"body\": [\"" + strings.Repeat("Les chefs d’État ont rencontré treize pays. ", 1<<20/46) + "\", 12]}"},
		out:  goodFinding + "long.json:1:1003039: error: /body/1: expected a block (a paragraph string, or an object whose type is paragraph, heading, caption, quote or list); found the number 12 (schema)\n" + "2 problems (2 errors) in 2 files\n",
		code: 1},
	{name: "NDJSON with blank lines and a broken line in the middle", files: map[string]string{
		"feed.ndjson": "{\"id\": \"a\", \"lang\": \"fr\", \"title\": \"Un\", \"body\": [\"Texte\"]}\n\n   \n" +
			"{\"id\": \"b\", \"lang\": \"fr\", \"title\": \"Deux\", \"body\": [\"Texte\",]}\n\r\n" +
			"{\"id\": \"c\", \"lang\": \"fr\", \"title\": \"\", \"body\": [\"Texte\"]}\n"},
		out: "feed.ndjson:4:60: error: trailing comma: JSON allows no ',' before ']' (syntax)\n" +
			"feed.ndjson:6:36: error: /title: expected at least 1 character, found an empty string (schema)\n" +
			goodFinding + "3 problems (3 errors) in 2 files\n",
		code: 1},
	{name: "YAML alias bomb (billion laughs) and a recursive alias", files: map[string]string{
		"self.yaml": "id: a\nlang: fr\ntitle: Sommet\nbody: &b [Texte, *b]\n",
		"bomb.yaml": "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" +
			"b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n" +
			"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n" +
			"f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n" +
			"h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\ni: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n"},
		out: "bomb.yaml:6:8: error: YAML aliases expand to more than 100000 nodes (an alias bomb?) (syntax)\n" + goodFinding +
			"self.yaml:4:18: error: alias *b refers to a value that contains it: it would never end (syntax)\n" +
			"3 problems (3 errors) in 3 files\n",
		code: 1},
	{name: "YAML tags and non-string keys", files: map[string]string{
		"tags.yaml":     "id: a\nlang: fr\ntitle: !!binary U29tbWV0\nbody: [!foo Texte]\nx: {1: un, true: vrai, ~: rien}\n",
		"seqkey.yaml":   "id: a\nlang: fr\ntitle: Sommet\nbody: [Texte]\n[a, b]: c\n",
		"tagbody.yaml":  "id: a\nlang: fr\ntitle: Sommet\nbody: !!str 12\n",
		"mapkey.ndjson": "{\"id\": \"a\", {\"b\": 1}: 2}\n"},
		out: goodFinding + "mapkey.ndjson:1:13: error: unexpected '{': expected a member name in double quotes (syntax)\n" +
			"seqkey.yaml:5:1: error: a mapping key must be a scalar, found a sequence (syntax)\n" +
			"tagbody.yaml:4:13: error: /body: expected an array, found the string \"12\" (schema)\n" +
			"4 problems (4 errors) in 5 files\n",
		code: 1},
	{name: "several YAML documents, one broken", files: map[string]string{
		"docs.yaml": "id: a\nlang: fr\ntitle: Un\nbody: [Texte]\n---\nid: b\nlang: fr\ntitle: [Deux\nbody: [Texte]\n---\nid: c\nlang: fr\ntitle: ''\nbody: [Texte]\n"},
		out: "docs.yaml:8:1: error: YAML: did not find expected ',' or ']' (syntax)\n" +
			"docs.yaml:13:8: error: /title: expected at least 1 character, found an empty string (schema)\n" +
			goodFinding + "3 problems (3 errors) in 2 files\n",
		code: 1},
	{name: "directory with a symlink loop", setup: func(t *testing.T, dir string) {
		mustSymlink(t, ".", filepath.Join(dir, "loop"))
		mustSymlink(t, "b", filepath.Join(dir, "a.json"))
		mustSymlink(t, "a.json", filepath.Join(dir, "b"))
	},
		out: goodFinding + "1 problem (1 error) in 1 file\n", code: 1},
	{name: "a symlink loop named on the command line", setup: func(t *testing.T, dir string) {
		mustSymlink(t, "b.json", filepath.Join(dir, "a.json"))
		mustSymlink(t, "a.json", filepath.Join(dir, "b.json"))
	},
		paths: []string{"a.json", "good.json"},
		out:   goodFinding + "1 problem (1 error) in 1 file\n",
		err:   "a.json: error: cannot read: too many levels of symbolic links\n",
		code:  2},
	{name: "a path that does not exist", paths: []string{"missing.json", "good.json"},
		out: goodFinding + "1 problem (1 error) in 1 file\n",
		err: "missing.json: error: cannot read: no such file or directory\n", code: 2},
	{name: "paths with spaces and non-ASCII names", files: map[string]string{
		"dossier été/l’article d’été 2012.json": "{\"id\": \"a\", \"lang\": \"fr\", \"title\": \"\", \"body\": [\"Texte\"]}",
		"Ünïcödé/日本語.yaml":                      "id: a\nlang: fr\ntitle: ' '\nbody: [Texte]\n"},
		out: "dossier été/l’article d’été 2012.json:1:36: error: /title: expected at least 1 character, found an empty string (schema)\n" +
			goodFinding +
			"Ünïcödé/日本語.yaml:3:8: warning: title is only white space (empty-text)\n" +
			"3 problems (2 errors, 1 warning) in 3 files\n",
		code: 1},
	{name: "empty standard input", paths: []string{"-", "good.json"}, args: []string{"--stdin-filename", "stdin.json"}, stdin: strings.NewReader(""),
		out:  goodFinding + "stdin.json:1:1: error: empty input: expected a JSON object (syntax)\n" + "2 problems (2 errors) in 2 files\n",
		code: 1},
	{name: "standard input closed early", paths: []string{"-", "good.json"}, args: []string{"--stdin-filename", "stdin.json"},
		stdin: io.MultiReader(strings.NewReader(`{"id": "a", "lang": "fr", "ti`), errReader{errors.New("read /dev/stdin: input/output error")}),
		out:   goodFinding + "1 problem (1 error) in 1 file\n",
		err:   "stdin.json: error: cannot read standard input: read /dev/stdin: input/output error\n",
		code:  2},
	{name: "a file over --max-file-size is reported, not read", args: []string{"--max-file-size", "1KiB"}, files: map[string]string{
		"big.json": "{\"id\": \"a\", \"lang\": \"fr\", \"title\": \"Sommet\", \"body\": [\"" + strings.Repeat("x", 2000) + "\"]}"},
		out:  goodFinding + "1 problem (1 error) in 1 file\n",
		err:  "big.json: error: cannot read file: 2058 bytes is more than the limit of 1 KiB (--max-file-size): not read\n",
		code: 2},
	{name: "--max-findings keeps the first findings of a file and says how many were left out", args: []string{"--max-findings", "3"}, files: map[string]string{
		"many.json": "{\"id\": \"a\", \"lang\": \"fr\", \"title\": \"Sommet\", \"body\": [\"\", \"\", \"\", \"\", \"\", \"\"]}"},
		out: goodFinding +
			"many.json:1:55: warning: paragraph is empty (empty-text)\n" +
			"many.json:1:59: warning: paragraph is empty (empty-text)\n" +
			"many.json:1:63: warning: paragraph is empty (empty-text)\n" +
			"4 problems (1 error, 3 warnings) in 2 files\n",
		err:  "many.json: warning: 3 more findings in this file were left out (--max-findings 3)\n",
		code: 1},
	{name: "--max-depth is configurable", args: []string{"--max-depth", "3"}, files: map[string]string{
		"nested.json": "{\"id\": \"a\", \"lang\": \"fr\", \"title\": \"Sommet\", \"body\": [\"Texte\"], \"x\": {\"a\": {\"b\": [1]}}}"},
		out:  goodFinding + "nested.json:1:83: error: nesting deeper than 3 levels (syntax)\n" + "2 problems (2 errors) in 2 files\n",
		code: 1},
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// runIn runs the command line in dir.
func runIn(t *testing.T, dir string, stdin io.Reader, args ...string) (string, string, int) {
	t.Helper()
	t.Chdir(dir)
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	var out, errOut bytes.Buffer
	code := artlint.Run(args, stdin, &out, &errOut)
	return out.String(), errOut.String(), code
}

func TestBadInputs(t *testing.T) {
	for _, c := range badInputs {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{"good.json": goodRecord})
			writeFiles(t, dir, c.files)
			if c.setup != nil {
				c.setup(t, dir)
			}
			paths := c.paths
			if paths == nil {
				paths = []string{"."}
			}
			args := append(append([]string{"lint", "--enable", "empty-text"}, c.args...), paths...)
			out, errOut, code := runIn(t, dir, c.stdin, args...)
			if out != c.out || errOut != c.err || code != c.code {
				t.Errorf("artlint %s\ngot exit %d, stdout:\n%s\nstderr:\n%s\nwant exit %d, stdout:\n%s\nstderr:\n%s",
					strings.Join(args, " "), code, out, errOut, c.code, c.out, c.err)
			}
		})
	}
}

// TestBadInputCount keeps the README's count in step with the catalogue.
func TestBadInputCount(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	// The table also lists the cases tested on their own below.
	want := fmt.Sprintf("%d bad inputs", len(badInputs)+len(separateBadInputs))
	if !strings.Contains(string(readme), want) {
		t.Errorf("README.md's Reliability section should say %q", want)
	}
}

// separateBadInputs are the catalogue's cases that need a test of their own.
var separateBadInputs = []string{
	"TestUnreadableFile", "TestFileDeletedDuringRun", "TestHugeRecord",
	"TestRemoteRefNeverFetched", "TestRefOutsideRoot", "TestUnsupportedPattern",
	"TestOutputInterrupted", "TestFixRefusesChangedFile",
}

// TestUnreadableFile: a file without read permission is a notification
// naming it, and the others are linted. As root every file is readable,
// so there the test says so and skips.
func TestUnreadableFile(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"good.json": goodRecord, "secret.json": "{}"})
	p := filepath.Join(dir, "secret.json")
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	if f, err := os.Open(p); err == nil {
		_ = f.Close()
		t.Skip("running as root (or with CAP_DAC_OVERRIDE): a mode 000 file is still readable, so there is nothing unreadable to test")
	}
	out, errOut, code := runIn(t, dir, nil, "lint", "--enable", "empty-text", ".")
	if out != goodFinding+"1 problem (1 error) in 1 file\n" || errOut != "secret.json: error: cannot read file: permission denied\n" || code != 2 {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
}

// TestFileDeletedDuringRun: a file that disappears between the directory
// walk and its reading is a notification; the others are linted.
func TestFileDeletedDuringRun(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"good.json": goodRecord, "gone.json": goodRecord})
	t.Chdir(dir)
	inputs, problems := engine.Expand([]string{"."}, nil)
	if len(inputs) != 2 || len(problems) != 0 {
		t.Fatalf("expand: %v %v", inputs, problems)
	}
	if err := os.Remove("gone.json"); err != nil {
		t.Fatal(err)
	}
	run := engine.Lint(inputs, engine.Options{Rules: coreRules(), Schemas: schemas.New(schemas.Options{Root: dir}), BaseDir: dir})
	if len(run.Notifications) != 1 || run.Notifications[0].Path != "gone.json" ||
		run.Notifications[0].Message != "cannot read file: no such file or directory" || run.Success {
		t.Errorf("notifications: %+v", run.Notifications)
	}
	if len(run.Findings) != 1 || run.Findings[0].Location.Path != "good.json" || run.Files != 1 {
		t.Errorf("findings: %+v", run.Findings)
	}
}

func coreRules() []engine.Enabled {
	return []engine.Enabled{{Rule: engine.Syntax, Level: rules.LevelError}, {Rule: engine.Schema, Level: rules.LevelError}, {Rule: engine.DuplicateKey, Level: rules.LevelError}}
}

// TestRemoteRefNeverFetched: a schema whose $ref and a record whose
// $schema name a server that is really there: artlint asks it nothing.
func TestRemoteRefNeverFetched(t *testing.T) {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		requests.Add(1)
		_, _ = io.WriteString(w, `{"type": "string"}`)
	}))
	defer srv.Close()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"good.json":   goodRecord,
		"schema.json": `{"$schema": "https://json-schema.org/draft/2020-12/schema", "properties": {"id": {"$ref": "` + srv.URL + `/id.json"}}}`,
		"remote.json": `{"$schema": "` + srv.URL + `/article.json", "id": "a"}`,
	})
	out, errOut, code := runIn(t, dir, nil, "lint", "--enable", "empty-text", "remote.json", "good.json")
	want := goodFinding + "remote.json:1:13: error: unknown schema \"" + srv.URL + "/article.json\": artlint knows https://artlint.dev/schema/article.v1.schema.json; map other URLs to local files with --map-schema URL=FILE (schema)\n" +
		"2 problems (2 errors) in 2 files\n"
	if out != want || errOut != "" || code != 1 {
		t.Errorf("exit %d\n%s%s\nwant\n%s", code, out, errOut, want)
	}
	out, errOut, code = runIn(t, dir, nil, "lint", "--schema", "schema.json", "good.json")
	if !strings.Contains(errOut, "remote $ref "+srv.URL+"/id.json is not fetched (artlint never uses the network)") || code != 2 {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
	if n := requests.Load(); n != 0 {
		t.Errorf("the server got %d requests, want none", n)
	}
}

// TestRefOutsideRoot: a $ref to a file outside the working directory
// needs --allow-outside-refs.
func TestRefOutsideRoot(t *testing.T) {
	outside := t.TempDir()
	writeFiles(t, outside, map[string]string{"id.json": `{"type": "string", "pattern": "^[a-z]+$"}`})
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"good.json":   goodRecord,
		"schema.json": `{"properties": {"id": {"$ref": "` + filepath.ToSlash(filepath.Join(outside, "id.json")) + `"}}}`,
	})
	out, errOut, code := runIn(t, dir, nil, "lint", "--schema", "schema.json", "good.json")
	if !strings.Contains(errOut, "is outside "+dir+": a $ref may leave the repository only with --allow-outside-refs") || code != 2 {
		t.Errorf("without the flag: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = runIn(t, dir, nil, "lint", "--schema", "schema.json", "--allow-outside-refs", "good.json")
	if out != "good.json:2:9: error: /id: the string \"otan-2012\" does not match the pattern ^[a-z]+$ (schema)\n1 problem (1 error) in 1 file\n" || errOut != "" || code != 1 {
		t.Errorf("with the flag: exit %d\n%s%s", code, out, errOut)
	}
}

// TestUnsupportedPattern: a pattern Go's regexp cannot run (a lookahead)
// makes the schema fail to compile, with a message; it is not skipped.
func TestUnsupportedPattern(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"good.json":   goodRecord,
		"schema.json": `{"properties": {"id": {"type": "string", "pattern": "^(?=otan)[a-z-]+$"}}}`,
	})
	out, errOut, code := runIn(t, dir, nil, "lint", "--schema", "schema.json", "good.json")
	if !strings.HasPrefix(errOut, "schema.json: error: schema schema.json: ") || !strings.Contains(errOut, "(?=otan)") || code != 2 {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
}

// TestWorkerCountDoesNotChangeOutput lints 40 generated files, each with
// findings of several rules, with 1 and with 4 workers: the output is the
// same byte for byte.
func TestWorkerCountDoesNotChangeOutput(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 40 {
		files[fmt.Sprintf("d%d/article-%02d.json", i%3, i)] = fmt.Sprintf(`{"id": "a-%d", "lang": "fr", "title": "Sommet %d", "body": ["Les chefs d'Etat de %d pays ont dit : « oui ».", "", %d], "title": "Sommet"}`, i, i, i, i)
		files[fmt.Sprintf("d%d/feed-%02d.ndjson", i%3, i)] = fmt.Sprintf("{\"id\": \"b-%d\", \"lang\": \"en\", \"title\": \"\", \"body\": [\"It's \\\"twelve\\\" o'clock\"]}\n{broken\n", i)
	}
	writeFiles(t, dir, files)
	var outs []string
	for _, jobs := range []string{"1", "4"} {
		out, errOut, code := runIn(t, dir, nil, "lint", "--format", "json", "-j", jobs, ".")
		if code != 1 || errOut != "" {
			t.Fatalf("-j %s: exit %d\n%s", jobs, code, errOut)
		}
		outs = append(outs, out)
	}
	if outs[0] != outs[1] {
		t.Errorf("-j 1 and -j 4 differ")
	}
	if n := strings.Count(outs[0], `"rule"`); n < 200 {
		t.Errorf("only %d findings: the input does not exercise the rules", n)
	}
}

const fixable = `{"id": "a", "lang": "fr", "title": "Sommet", "body": ["Le secrétaire général a dit : « oui ». C'est l’Alliance."]}`

// TestFixRefusesChangedFile: a file edited between the lint and the
// writing of its fixes is left as the editor left it, and the run says so.
func TestFixRefusesChangedFile(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"article.json": fixable})
	edited := strings.Replace(fixable, "Sommet", "Sommet de Chicago", 1)
	restore := artlint.SetBeforeFix(func() {
		if err := os.WriteFile(filepath.Join(dir, "article.json"), []byte(edited), 0o644); err != nil {
			t.Error(err)
		}
	})
	defer restore()
	out, errOut, code := runIn(t, dir, nil, "lint", "--enable", "typography", "--fix", "article.json")
	got, err := os.ReadFile(filepath.Join(dir, "article.json"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != edited {
		t.Errorf("the edited file was overwritten:\n%s", got)
	}
	wantErr := "article.json: error: fixes not written: article.json: file changed on disk since it was read; not fixed\n"
	// Exit 2: artlint could not do what it was asked.
	if errOut != wantErr || code != 2 || !strings.HasSuffix(out, "4 problems (4 warnings) in 1 file\n") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
	assertNoTempFiles(t, dir)
}

// TestWritesKeepModeAndLeaveNothing: --fix and --output replace files
// through a temporary file and a rename: the mode stays, no temporary
// file is left.
func TestWritesKeepModeAndLeaveNothing(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"article.json": fixable, "report.sarif": "old report\n"})
	for name, mode := range map[string]os.FileMode{"article.json": 0o640, "report.sarif": 0o600} {
		if err := os.Chmod(filepath.Join(dir, name), mode); err != nil {
			t.Fatal(err)
		}
	}
	_, errOut, code := runIn(t, dir, nil, "lint", "--enable", "typography", "--fix", "-f", "sarif", "-o", "report.sarif", "article.json")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	fixed, _ := os.ReadFile(filepath.Join(dir, "article.json"))
	if !strings.Contains(string(fixed), "a dit\u00a0: «\u00a0oui\u00a0». C’est") {
		t.Errorf("not fixed: %s", fixed)
	}
	report, _ := os.ReadFile(filepath.Join(dir, "report.sarif"))
	if !strings.HasPrefix(string(report), "{") {
		t.Errorf("report not written: %.40s", report)
	}
	for name, mode := range map[string]os.FileMode{"article.json": 0o640, "report.sarif": 0o600} {
		if fi, err := os.Stat(filepath.Join(dir, name)); err != nil || fi.Mode().Perm() != mode {
			t.Errorf("%s: mode %v, want %v (%v)", name, fi.Mode().Perm(), mode, err)
		}
	}
	assertNoTempFiles(t, dir)
}

func assertNoTempFiles(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

// TestHugeRecord lints one 100 MB record (1,000 paragraphs of 100 KB):
// loading, schema, empty-text and typography. It must finish without a
// finding and allocate a bounded multiple of the file's size. (The
// text-analysis rules take about 0.3 s per MB of prose on one core, so a
// 100 MB record with every rule takes minutes: that is measured by
// benchmarks, not here.) A few seconds: skipped with -short; CI runs it.
func TestHugeRecord(t *testing.T) {
	if testing.Short() {
		t.Skip("100 MB record: skipped with -short")
	}
	dir := t.TempDir()
	para := strings.Repeat("Les chefs d’État et de gouvernement ont rencontré les dirigeants des pays partenaires. ", 100_000/90)
	var b strings.Builder
	b.WriteString(`{"id": "huge", "lang": "fr", "title": "Un très long article", "body": [`)
	for i := range 1000 {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString(`"` + strings.TrimSpace(para) + `"`)
	}
	b.WriteString("]}\n")
	writeFiles(t, dir, map[string]string{"huge.json": b.String()})
	size := b.Len()
	b.Reset()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	out, errOut, code := runIn(t, dir, nil, "lint", "--enable", "empty-text,typography", "huge.json")
	runtime.ReadMemStats(&after)
	if out != "no problems in 1 file\n" || errOut != "" || code != 0 {
		t.Errorf("exit %d\n%.2000s\n%s", code, out, errOut)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%d MB file: %d MB allocated in all", size>>20, alloc>>20)
	if alloc > 20*uint64(size) {
		t.Errorf("%d MB allocated for a %d MB file", alloc>>20, size>>20)
	}
}

// TestOutputInterrupted builds artlint, starts it on a large input with
// -o over an existing report, and sends SIGINT while it runs: it exits
// with 130, the old report is still there, whole, and no temporary file
// is left.
func TestOutputInterrupted(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to send on Windows")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "artlint")
	build := exec.Command("go", "build", "-o", bin, "./cmd/artlint")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	work := filepath.Join(dir, "work")
	var feed strings.Builder
	for i := range 50_000 {
		fmt.Fprintf(&feed, `{"id": "a-%d", "lang": "fr", "title": "Sommet %d", "body": ["Les chefs d'Etat de %d pays ont dit : « oui ».", ""]}`+"\n", i, i, i)
	}
	writeFiles(t, work, map[string]string{"feed.ndjson": feed.String(), "report.json": "old report\n"})
	cmd := exec.Command(bin, "lint", "-f", "json", "-o", "report.json", "feed.ndjson")
	cmd.Dir = work
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != artlint.ExitInterrupted {
		t.Fatalf("exit: %v, want code %d (did the run end before the signal? make the input larger)\n%s", err, artlint.ExitInterrupted, stderr.String())
	}
	if stderr.String() != "artlint: interrupted\n" {
		t.Errorf("stderr %q", stderr.String())
	}
	if got, _ := os.ReadFile(filepath.Join(work, "report.json")); string(got) != "old report\n" {
		t.Errorf("report.json = %.60q, want the old report", got)
	}
	assertNoTempFiles(t, work)
}

// TestLimitFlags: a limit that cannot be used is a usage error.
func TestLimitFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--max-depth", "20000"}, "artlint lint: --max-depth: 20000 is out of range (1 to 10000)\n"},
		{[]string{"--max-depth", "0"}, "artlint lint: --max-depth: 0 is out of range (1 to 10000)\n"},
		{[]string{"--max-file-size", "1x"}, "artlint lint: --max-file-size: invalid size \"1x\" (want a positive number of bytes, or with a unit: 256MiB, 10MB, 512K)\n"},
		{[]string{"--max-findings", "-1"}, "artlint lint: --max-findings: -1 is negative (0 means no limit)\n"},
	} {
		out, errOut, code := lint(t, append(append([]string{"lint"}, c.args...), seeds[0])...)
		if out != "" || errOut != c.want || code != artlint.ExitError {
			t.Errorf("%v: exit %d\n%s%s", c.args, code, out, errOut)
		}
	}
}
