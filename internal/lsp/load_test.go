package lsp

import (
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Diagnostics without what depends on the URI or the version, to compare
// two publications of the same text.
func comparable(t *testing.T, diags []Diagnostic) string {
	t.Helper()
	var out []string
	for _, d := range diags {
		out = append(out, fmt.Sprintf("%s %v %s", d.Code, d.Range, d.Message))
	}
	return strings.Join(out, "\n")
}

func (c *testClient) drain(method string) []*message {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out, keep []*message
	for _, m := range c.queue {
		if m.Method == method {
			out = append(out, m)
		} else {
			keep = append(keep, m)
		}
	}
	c.queue = keep
	return out
}

// 1,000 edits sent as fast as the pipe takes them: the server ends on the
// right text (same diagnostics as the final text opened afresh), never
// publishes an older version after a newer one, and publishes far fewer
// times than it was edited (the debounce).
func TestRapidEdits(t *testing.T) {
	opts := testOptions()
	opts.Debounce = 30 * time.Millisecond
	c := startServer(t, opts)
	c.initialize(nil)
	c.open(uriA, conseil)
	c.diagnostics(uriA, 1)
	// Type "Une foule nombreuse l’attendait 😀 à la sortie." into line 6,
	// one character at a time (UTF-16 positions), then erase the emoji.
	typed := []rune("Une foule nombreuse l’attendait 😀 à la sortie. ")
	col, v := 5, 1
	for i := 0; v < 1001; i++ {
		r := typed[i%len(typed)]
		v++
		c.change(uriA, v, edit(6, col, 6, col, string(r)))
		col++
		if r >= 0x10000 {
			col++
		}
	}
	final := c.diagnostics(uriA, 1001)

	var sb strings.Builder
	for i := 0; i < 1000; i++ {
		sb.WriteRune(typed[i%len(typed)])
	}
	want := strings.Replace(conseil, `    "L'adjointe`, `    "`+sb.String()+`L'adjointe`, 1)
	c.open("file:///work/articles/fresh.json", want)
	fresh := c.diagnostics("file:///work/articles/fresh.json", 1)
	if got, want := comparable(t, final.Diagnostics), comparable(t, fresh.Diagnostics); got != want {
		t.Errorf("after 1,000 edits:\n%s\nthe same text opened afresh:\n%s", got, want)
	}
	last := 0
	n := 0
	for _, m := range c.drain("textDocument/publishDiagnostics") {
		var p publishDiagnosticsParams
		_ = json.Unmarshal(m.Params, &p)
		if p.URI != uriA || p.Version == nil {
			continue
		}
		n++
		if *p.Version < last {
			t.Errorf("version %d published after %d", *p.Version, last)
		}
		last = *p.Version
	}
	if n > 500 {
		t.Errorf("%d publications for 1,000 edits: the debounce does not hold", n)
	}
}

// 100 documents opened, edited and closed in an interleaved order, with
// malformed frames in between: every closed document's last publication is
// the empty list, every open one ends with its own diagnostics, and the
// server shuts down cleanly.
func TestInterleavedOpenClose(t *testing.T) {
	c := startServer(t, testOptions())
	c.initialize(nil)
	uri := func(i int) string { return fmt.Sprintf("file:///work/articles/a%03d.json", i) }
	for i := range 100 {
		c.open(uri(i), conseil)
		c.change(uri(i), 2, edit(5, 36, 5, 37, "\u00a0"))
		if i%3 == 0 {
			c.raw("Content-Length: 7\r\n\r\n{\"id\":[")
		}
		if i%10 == 5 {
			c.raw("Content-Length: x\r\n\r\n")
		}
		if i >= 2 && i%2 == 0 {
			c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri(i - 2)}})
		}
	}
	c.sync()
	for i := 1; i < 100; i += 2 {
		p := c.diagnostics(uri(i), 2)
		if typographyAt(p.Diagnostics, `ordinary space before ":"`) != nil || typographyAt(p.Diagnostics, "missing no-break space after «") == nil {
			t.Errorf("%s: %+v", uri(i), p.Diagnostics)
		}
	}
	if code := c.shutdown(); code != 0 {
		t.Errorf("exit code %d", code)
	}
	lastOf := map[string]publishDiagnosticsParams{}
	for _, m := range c.drain("textDocument/publishDiagnostics") {
		var p publishDiagnosticsParams
		_ = json.Unmarshal(m.Params, &p)
		lastOf[p.URI] = p
	}
	for i := 0; i < 98; i += 2 {
		if p, ok := lastOf[uri(i)]; !ok || len(p.Diagnostics) != 0 {
			t.Errorf("%s was closed; its last publication is %+v", uri(i), p)
		}
	}
}

// A 5 MB document: the server answers other requests while it lints, a
// burst of edits on it costs a bounded number of lints, memory stays
// bounded, and it shuts down cleanly.
func TestLargeDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("lints 5 MB")
	}
	// The editorial rules cost about 7 ms of CPU per record of this size
	// (8 s for the file); the server's behaviour is what is tested here.
	opts := onlyRules(testOptions(), "syntax", "schema", "duplicate-key", "typography")
	opts.Debounce = 50 * time.Millisecond
	c := startServer(t, opts)
	c.wait = 2 * time.Minute
	c.initialize(nil)
	// NDJSON: 1,100 records of about 4.7 KB, one per line.
	var rec map[string]any
	if err := json.Unmarshal([]byte(conseil), &rec); err != nil {
		t.Fatal(err)
	}
	// One finding per record, in its title; clean paragraphs.
	para := strings.Repeat("Le conseil a débattu pendant des heures du budget « participatif » et des travaux du quartier 😀. ", 45)
	rec["body"] = []any{para}
	rec["title"] = "Budget : le conseil municipal de Lyon a voté"
	line, _ := json.Marshal(rec)
	doc := strings.Repeat(string(line)+"\n", 5_000_000/len(line)+1)
	const uri = "file:///work/articles/big.ndjson"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "json", "version": 1, "text": doc}})
	// Requests are answered while the lint runs.
	c.sync()
	// A burst of edits at the end of the first line.
	first := strings.Index(doc, "\n")
	col := len([]rune(doc[:first])) + strings.Count(doc[:first], "😀") - 1
	for v := 2; v <= 50; v++ {
		c.change(uri, v, edit(0, col, 0, col, " "))
		col++
	}
	c.sync()
	p := c.diagnostics(uri, 50)
	if len(p.Diagnostics) == 0 {
		t.Fatal("no diagnostics for the 5 MB document")
	}
	var lints int
	for _, m := range c.drain("textDocument/publishDiagnostics") {
		_ = m
		lints++
	}
	if lints > 10 {
		t.Errorf("%d publications for one open and 49 quick edits", lints)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	// The text is 5 MB; about 7 MB are live here. Old versions, lints
	// and publications must not be kept.
	if ms.HeapAlloc > 64<<20 {
		t.Errorf("heap is %d MB after linting a 5 MB document", ms.HeapAlloc>>20)
	}
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	if code := c.shutdown(); code != 0 {
		t.Errorf("exit code %d", code)
	}
}
