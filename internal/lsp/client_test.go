package lsp

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/artlint/artlint/internal/engine"
	"github.com/artlint/artlint/internal/schemas"
	"github.com/artlint/artlint/rules"
	_ "github.com/artlint/artlint/rules/builtin"
)

// testClient drives a server through its stdio framing over pipes, as an
// editor would.
type testClient struct {
	t      testing.TB
	in     *io.PipeWriter // what the server reads
	mu     sync.Mutex
	queue  []*message
	cond   *sync.Cond
	nextID int
	exit   chan int
	closed bool
	wait   time.Duration // how long await waits (default 10 s)
}

// builtinRules is every registered rule at its default level, plus extra.
func builtinRules(extra ...*rules.Rule) []engine.Enabled {
	var out []engine.Enabled
	for _, r := range rules.All() {
		if r.Level != rules.LevelNone && !isTestRule(r) {
			out = append(out, engine.Enabled{Rule: r, Level: r.Level})
		}
	}
	for _, r := range extra {
		out = append(out, engine.Enabled{Rule: r, Level: r.Level})
	}
	return out
}

func isTestRule(r *rules.Rule) bool { return strings.HasPrefix(r.ID, "test-") }

func testOptions(extra ...*rules.Rule) Options {
	set := schemas.New(schemas.Options{Root: "/"})
	enabled := builtinRules(extra...)
	return Options{
		Debounce: time.Millisecond,
		RuleURL:  func(id string) string { return "https://example.test/rules.md#" + id },
		Version:  "test",
		Engine: func(string, string) (engine.Options, error) {
			return engine.Options{Rules: enabled, Schemas: set, Jobs: 1}, nil
		},
	}
}

// onlyRules restricts the options to the rules named.
func onlyRules(opts Options, ids ...string) Options {
	all := opts.Engine
	opts.Engine = func(path, root string) (engine.Options, error) {
		eo, err := all(path, root)
		var some []engine.Enabled
		for _, e := range eo.Rules {
			for _, id := range ids {
				if e.Rule.ID == id {
					some = append(some, e)
				}
			}
		}
		eo.Rules = some
		return eo, err
	}
	return opts
}

func startServer(t testing.TB, opts Options) *testClient {
	sr, cw := io.Pipe()
	cr, sw := io.Pipe()
	c := &testClient{t: t, in: cw, exit: make(chan int, 1)}
	c.cond = sync.NewCond(&c.mu)
	go func() {
		code := Serve(sr, sw, opts)
		_ = sw.Close()
		_ = sr.Close()
		c.exit <- code
	}()
	go func() {
		rd := newReader(cr)
		for {
			body, err := rd.read()
			if err != nil {
				c.mu.Lock()
				c.closed = true
				c.cond.Broadcast()
				c.mu.Unlock()
				return
			}
			var m message
			if err := json.Unmarshal(body, &m); err != nil {
				t.Errorf("server sent invalid JSON: %v: %s", err, body)
				continue
			}
			c.mu.Lock()
			c.queue = append(c.queue, &m)
			c.cond.Broadcast()
			c.mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		_ = cw.Close()
		select {
		case <-c.exit:
		case <-time.After(5 * time.Second):
			t.Error("server did not stop after its input closed")
		}
	})
	return c
}

func (c *testClient) raw(s string) {
	c.t.Helper()
	if _, err := io.WriteString(c.in, s); err != nil {
		c.t.Fatalf("writing to the server: %v", err)
	}
}

func (c *testClient) send(id any, method string, params any) {
	c.t.Helper()
	m := map[string]any{"jsonrpc": "2.0", "method": method}
	if id != nil {
		m["id"] = id
	}
	if params != nil {
		m["params"] = params
	}
	data, err := json.Marshal(m)
	if err != nil {
		c.t.Fatal(err)
	}
	c.raw(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(data), data))
}

func (c *testClient) notify(method string, params any) { c.t.Helper(); c.send(nil, method, params) }

// call sends a request and returns its response.
func (c *testClient) call(method string, params any) *message {
	c.t.Helper()
	c.mu.Lock()
	c.nextID++
	id := c.nextID
	c.mu.Unlock()
	c.send(id, method, params)
	return c.await(fmt.Sprintf("response to %s", method), func(m *message) bool { return string(m.ID) == fmt.Sprint(id) && m.Method == "" })
}

// await removes and returns the first message that matches.
func (c *testClient) await(what string, match func(*message) bool) *message {
	c.t.Helper()
	wait := c.wait
	if wait == 0 {
		wait = 10 * time.Second
	}
	deadline := time.Now().Add(wait)
	timer := time.AfterFunc(wait, func() { c.mu.Lock(); c.cond.Broadcast(); c.mu.Unlock() })
	defer timer.Stop()
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		for i, m := range c.queue {
			if match(m) {
				c.queue = append(c.queue[:i:i], c.queue[i+1:]...)
				return m
			}
		}
		if c.closed || time.Now().After(deadline) {
			var got []string
			for _, m := range c.queue {
				got = append(got, m.Method+string(m.ID))
			}
			c.t.Fatalf("no %s (closed=%v); queued: %v", what, c.closed, got)
		}
		c.cond.Wait()
	}
}

// diagnostics waits for the publication for uri at version.
func (c *testClient) diagnostics(uri string, version int) publishDiagnosticsParams {
	c.t.Helper()
	// Only the URI and version are decoded to match, and the publication
	// once, as an editor would: the benchmark measures the server.
	var head struct {
		URI     string `json:"uri"`
		Version *int   `json:"version"`
	}
	m := c.await(fmt.Sprintf("diagnostics for %s v%d", uri, version), func(m *message) bool {
		if m.Method != "textDocument/publishDiagnostics" {
			return false
		}
		head.URI, head.Version = "", nil
		_ = json.Unmarshal(m.Params, &head)
		return head.URI == uri && head.Version != nil && *head.Version == version
	})
	var p publishDiagnosticsParams
	if err := json.Unmarshal(m.Params, &p); err != nil {
		c.t.Fatal(err)
	}
	return p
}

// publications returns every diagnostics publication received so far.
func (c *testClient) publications() []publishDiagnosticsParams {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []publishDiagnosticsParams
	for _, m := range c.queue {
		if m.Method == "textDocument/publishDiagnostics" {
			var p publishDiagnosticsParams
			_ = json.Unmarshal(m.Params, &p)
			out = append(out, p)
		}
	}
	return out
}

func (c *testClient) initialize(caps map[string]any) map[string]any {
	c.t.Helper()
	if caps == nil {
		caps = map[string]any{}
	}
	resp := c.call("initialize", map[string]any{"processId": nil, "rootUri": "file:///work", "capabilities": caps})
	if resp.Error != nil {
		c.t.Fatalf("initialize: %v", resp.Error)
	}
	var res map[string]any
	if err := json.Unmarshal(resp.Result, &res); err != nil {
		c.t.Fatal(err)
	}
	c.notify("initialized", map[string]any{})
	return res
}

func (c *testClient) open(uri, text string) {
	c.t.Helper()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "json", "version": 1, "text": text}})
}

func (c *testClient) change(uri string, version int, changes ...map[string]any) {
	c.t.Helper()
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": version},
		"contentChanges": changes,
	})
}

func edit(l1, c1, l2, c2 int, s string) map[string]any {
	return map[string]any{"range": Range{Position{l1, c1}, Position{l2, c2}}, "text": s}
}

// sync makes sure every notification sent before it has been handled: the
// server handles messages in order, so a reply to a later request proves it.
func (c *testClient) sync() {
	c.t.Helper()
	resp := c.call("artlint/ping", nil)
	if resp.Error == nil || resp.Error.Code != codeMethodNotFound {
		c.t.Fatalf("ping: want method not found, got %+v", resp)
	}
}

func (c *testClient) shutdown() int {
	c.t.Helper()
	if resp := c.call("shutdown", nil); resp.Error != nil {
		c.t.Fatalf("shutdown: %v", resp.Error)
	}
	c.notify("exit", nil)
	select {
	case code := <-c.exit:
		c.exit <- code
		return code
	case <-time.After(5 * time.Second):
		c.t.Fatal("server did not exit")
	}
	return -1
}

func byCode(diags []Diagnostic, code string) []Diagnostic {
	var out []Diagnostic
	for _, d := range diags {
		if d.Code == code {
			out = append(out, d)
		}
	}
	return out
}
