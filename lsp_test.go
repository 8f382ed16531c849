package artlint_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/artlint/artlint"
)

// lspConn is a bare LSP client over pipes for `artlint lsp`.
type lspConn struct {
	t    *testing.T
	in   *io.PipeWriter
	msgs chan map[string]any
	exit chan int
	// backlog holds publications not yet asked for.
	backlog []map[string]any
}

func startLSP(t *testing.T) *lspConn {
	sr, cw := io.Pipe()
	cr, sw := io.Pipe()
	c := &lspConn{t: t, in: cw, msgs: make(chan map[string]any, 1000), exit: make(chan int, 1)}
	go func() {
		code := artlint.Run([]string{"lsp", "--debounce", "1ms"}, sr, sw, io.Discard)
		_ = sw.Close()
		c.exit <- code
	}()
	go func() {
		br := bufio.NewReader(cr)
		for {
			n := 0
			for {
				line, err := br.ReadString('\n')
				if err != nil {
					close(c.msgs)
					return
				}
				line = strings.TrimSpace(line)
				if line == "" {
					break
				}
				if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
					n, _ = strconv.Atoi(v)
				}
			}
			body := make([]byte, n)
			if _, err := io.ReadFull(br, body); err != nil {
				close(c.msgs)
				return
			}
			var m map[string]any
			if err := json.Unmarshal(body, &m); err != nil {
				t.Errorf("bad message %s: %v", body, err)
			}
			c.msgs <- m
		}
	}()
	t.Cleanup(func() { _ = cw.Close() })
	return c
}

func (c *lspConn) send(m map[string]any) {
	m["jsonrpc"] = "2.0"
	data, _ := json.Marshal(m)
	if _, err := fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(data), data); err != nil {
		c.t.Fatal(err)
	}
}

// publication waits for diagnostics on uri that satisfy ok; other
// publications are kept for later calls.
func (c *lspConn) publication(uri string, ok func([]any) bool) []any {
	c.t.Helper()
	match := func(p map[string]any) bool {
		return p["uri"] == uri && ok(p["diagnostics"].([]any))
	}
	for i, p := range c.backlog {
		if match(p) {
			c.backlog = append(c.backlog[:i:i], c.backlog[i+1:]...)
			return p["diagnostics"].([]any)
		}
	}
	timeout := time.After(20 * time.Second)
	for {
		select {
		case m, open := <-c.msgs:
			if !open {
				c.t.Fatalf("the server closed its output while waiting for %s", uri)
			}
			if m["method"] != "textDocument/publishDiagnostics" {
				continue
			}
			p := m["params"].(map[string]any)
			if match(p) {
				return p["diagnostics"].([]any)
			}
			c.backlog = append(c.backlog, p)
		case <-timeout:
			c.t.Fatalf("no expected diagnostics for %s", uri)
		}
	}
}

func codes(diags []any) map[string]int {
	out := map[string]int{}
	for _, d := range diags {
		out[d.(map[string]any)["code"].(string)]++
	}
	return out
}

func fileURI(p string) string { return (&url.URL{Scheme: "file", Path: filepath.ToSlash(p)}).String() }

// TestLSPConfiguration checks that the server resolves .artlint.yaml like
// the CLI, shows a broken configuration on the configuration file and on
// the documents it keeps from being linted, and reloads it when it is
// saved or changes on disk.
func TestLSPConfiguration(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, ".artlint.yaml")
	write := func(s string) {
		if err := os.WriteFile(cfg, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	record := `{
  "id": "conseil-municipal-lyon",
  "lang": "fr",
  "title": "Le conseil municipal de Lyon vote le budget",
  "body": ["Le maire a déclaré : «Nous tiendrons nos engagements.»"]
}
`
	recURI, cfgURI := fileURI(filepath.Join(dir, "conseil.json")), fileURI(cfg)

	write("rules:\n  typography: warn\n")
	c := startLSP(t)
	c.send(map[string]any{"id": 1, "method": "initialize", "params": map[string]any{"rootUri": fileURI(dir), "capabilities": map[string]any{}}})
	c.send(map[string]any{"method": "initialized", "params": map[string]any{}})
	c.send(map[string]any{"method": "textDocument/didOpen", "params": map[string]any{"textDocument": map[string]any{
		"uri": recURI, "languageId": "json", "version": 1, "text": record}}})

	// A broken configuration: one diagnostic on the record, the problem
	// itself on .artlint.yaml at line 2, UTF-16 column 15.
	diags := c.publication(recURI, func(d []any) bool { return codes(d)["config"] == 1 })
	if msg := diags[0].(map[string]any)["message"].(string); !strings.Contains(msg, "not linted") || !strings.Contains(msg, `/rules/typography: expected one of "off"`) {
		t.Errorf("record diagnostic: %s", msg)
	}
	cd := c.publication(cfgURI, func(d []any) bool { return len(d) == 1 })[0].(map[string]any)
	if start := cd["range"].(map[string]any)["start"].(map[string]any); start["line"] != 1.0 || start["character"] != 14.0 {
		t.Errorf("config problem at %v, want 1:14", start)
	}

	// Fixed on disk (typography off): the record is linted again.
	write("rules:\n  typography: off\n")
	c.send(map[string]any{"method": "workspace/didChangeWatchedFiles", "params": map[string]any{"changes": []any{map[string]any{"uri": cfgURI, "type": 2}}}})
	c.publication(cfgURI, func(d []any) bool { return len(d) == 0 })
	diags = c.publication(recURI, func(d []any) bool { return codes(d)["quote-attribution"] == 1 })
	if n := codes(diags)["typography"]; n != 0 {
		t.Errorf("typography is off in the configuration, got %d typography diagnostics", n)
	}

	// The configuration opened in the editor shows its own problems.
	c.send(map[string]any{"method": "textDocument/didOpen", "params": map[string]any{"textDocument": map[string]any{
		"uri": cfgURI, "languageId": "yaml", "version": 1, "text": "rules:\n  typographie: off\n"}}})
	cd = c.publication(cfgURI, func(d []any) bool { return len(d) == 1 })[0].(map[string]any)
	if msg := cd["message"].(string); !strings.HasPrefix(msg, `unknown rule "typographie" (did you mean "typography"?`) {
		t.Errorf("config diagnostic: %s", msg)
	}

	// Saved with quote-attribution off instead: the record follows.
	write("rules:\n  quote-attribution: off\n")
	c.send(map[string]any{"method": "textDocument/didChange", "params": map[string]any{
		"textDocument":   map[string]any{"uri": cfgURI, "version": 2},
		"contentChanges": []any{map[string]any{"text": "rules:\n  quote-attribution: off\n"}}}})
	c.send(map[string]any{"method": "textDocument/didSave", "params": map[string]any{"textDocument": map[string]any{"uri": cfgURI}}})
	c.publication(cfgURI, func(d []any) bool { return len(d) == 0 })
	diags = c.publication(recURI, func(d []any) bool { return codes(d)["typography"] > 0 })
	if n := codes(diags)["quote-attribution"]; n != 0 {
		t.Errorf("quote-attribution is off, got %d", n)
	}

	c.send(map[string]any{"id": 2, "method": "shutdown"})
	c.send(map[string]any{"method": "exit"})
	select {
	case code := <-c.exit:
		if code != 0 {
			t.Errorf("exit code %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not exit")
	}
}
