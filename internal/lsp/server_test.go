package lsp

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"

	"github.com/artlint/artlint/internal/load"
	"github.com/artlint/artlint/rules"
)

const uriA = "file:///work/articles/conseil.json"

// A French record: its line 5 has an ordinary space before ":" and « » with
// no no-break spaces (typography), line 6 a straight apostrophe; the title
// ends in an emoji (a UTF-16 surrogate pair).
const conseil = `{
  "id": "conseil-municipal-lyon",
  "lang": "fr",
  "title": "Le conseil municipal de Lyon vote le budget 😀",
  "body": [
    "Le maire a déclaré à l’été 2024 : «Nous tiendrons nos engagements.»",
    "L'adjointe aux finances a présenté les comptes."
  ]
}
`

func typographyAt(diags []Diagnostic, msgPrefix string) *Diagnostic {
	for i, d := range diags {
		if d.Code == "typography" && strings.HasPrefix(d.Message, msgPrefix) {
			return &diags[i]
		}
	}
	return nil
}

func TestInitializeNegotiatesEncoding(t *testing.T) {
	for _, tc := range []struct {
		name string
		caps map[string]any
		want string
	}{
		{"default", nil, "utf-16"},
		{"utf-16 only", map[string]any{"general": map[string]any{"positionEncodings": []string{"utf-16"}}}, "utf-16"},
		{"utf-8 offered", map[string]any{"general": map[string]any{"positionEncodings": []string{"utf-16", "utf-8"}}}, "utf-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := startServer(t, testOptions())
			res := c.initialize(tc.caps)
			caps := res["capabilities"].(map[string]any)
			if caps["positionEncoding"] != tc.want {
				t.Errorf("positionEncoding = %v, want %s", caps["positionEncoding"], tc.want)
			}
			sync := caps["textDocumentSync"].(map[string]any)
			if sync["change"] != 2.0 || sync["openClose"] != true {
				t.Errorf("textDocumentSync = %v, want incremental with open/close", sync)
			}
			if caps["codeActionProvider"] == nil {
				t.Error("no codeActionProvider")
			}
			ws := caps["workspace"].(map[string]any)["workspaceFolders"].(map[string]any)
			if ws["supported"] != true || ws["changeNotifications"] != true {
				t.Errorf("workspaceFolders = %v", ws)
			}
			if code := c.shutdown(); code != 0 {
				t.Errorf("exit code after shutdown = %d, want 0", code)
			}
		})
	}
}

func TestDiagnosticsOnOpen(t *testing.T) {
	c := startServer(t, testOptions())
	c.initialize(nil)
	c.open(uriA, conseil)
	p := c.diagnostics(uriA, 1)
	d := typographyAt(p.Diagnostics, `ordinary space before ":"`)
	if d == nil {
		t.Fatalf("no typography diagnostic for the colon; got %+v", p.Diagnostics)
	}
	// Line 6 of the file, UTF-16 column 37 (1-based) in the CLI.
	if want := (Range{Position{5, 36}, Position{5, 37}}); d.Range != want {
		t.Errorf("range = %+v, want %+v", d.Range, want)
	}
	if d.Severity != severityWarning || d.Source != "artlint" || d.CodeDescription == nil || d.CodeDescription.Href != "https://example.test/rules.md#typography" {
		t.Errorf("diagnostic fields: %+v", d)
	}
	if d.Data == nil || len(d.Data.Fixes) != 1 || d.Data.Fixes[0].Edits[0].NewText != "\u00a0" || d.Data.Version != 1 || d.Data.Pointer != "/body/0" {
		t.Errorf("data = %+v, want one fix inserting U+00A0 for /body/0 at version 1", d.Data)
	}
	q := byCode(p.Diagnostics, "quote-attribution")
	if len(q) != 1 || len(q[0].RelatedInformation) != 1 || q[0].RelatedInformation[0].Location.Range.Start != (Position{5, 5}) || q[0].RelatedInformation[0].Message != "the speaker given" {
		t.Errorf("quote-attribution with related information: %+v", q)
	}
}

// The same three edits in both encodings: an emoji inserted before the
// text (a surrogate pair), "l’été" replaced by "l’automne", the title's
// emoji deleted.
func TestIncrementalEdits(t *testing.T) {
	for _, tc := range []struct {
		enc        string
		caps       map[string]any
		edits      [3]map[string]any
		colon      Position // of the space before ":" after the edits
		quoteStart Position
	}{
		{
			enc:   "utf-16",
			edits: [3]map[string]any{edit(5, 5, 5, 5, "😀 "), edit(5, 29, 5, 34, "l’automne"), edit(3, 55, 3, 58, "")},
			colon: Position{5, 43}, quoteStart: Position{5, 46},
		},
		{
			enc:  "utf-8",
			caps: map[string]any{"general": map[string]any{"positionEncodings": []string{"utf-8"}}},
			// "Le maire a déclaré à " is 24 bytes; the emoji 4 and a space;
			// "l’été" 9 bytes; the title's " 😀" starts at byte 55.
			edits: [3]map[string]any{edit(5, 5, 5, 5, "😀 "), edit(5, 34, 5, 43, "l’automne"), edit(3, 55, 3, 60, "")},
			colon: Position{5, 50}, quoteStart: Position{5, 53},
		},
	} {
		t.Run(tc.enc, func(t *testing.T) {
			c := startServer(t, testOptions())
			c.initialize(tc.caps)
			c.open(uriA, conseil)
			c.diagnostics(uriA, 1)
			c.change(uriA, 2, tc.edits[0])
			c.change(uriA, 3, tc.edits[1], tc.edits[2])
			p := c.diagnostics(uriA, 3)
			d := typographyAt(p.Diagnostics, `ordinary space before ":"`)
			if d == nil || d.Range.Start != tc.colon {
				t.Fatalf("colon diagnostic = %+v, want at %+v; all: %+v", d, tc.colon, p.Diagnostics)
			}
			if d := typographyAt(p.Diagnostics, "missing no-break space after «"); d == nil || d.Range.Start != tc.quoteStart {
				t.Errorf("« diagnostic = %+v, want at %+v", d, tc.quoteStart)
			}
		})
	}
}

// The exact text after edits, through the handler itself.
func TestIncrementalEditsText(t *testing.T) {
	for _, tc := range []struct {
		enc     encoding
		changes []contentChange
	}{
		{encUTF16, []contentChange{
			{Range: &Range{Position{5, 5}, Position{5, 5}}, Text: "😀 "},
			{Range: &Range{Position{5, 29}, Position{5, 34}}, Text: "l’automne"},
			{Range: &Range{Position{3, 55}, Position{3, 58}}, Text: ""},
			// Half a surrogate pair is the start of the character.
			{Range: &Range{Position{5, 6}, Position{5, 6}}, Text: "«"},
		}},
		{encUTF8, []contentChange{
			{Range: &Range{Position{5, 5}, Position{5, 5}}, Text: "😀 "},
			{Range: &Range{Position{5, 34}, Position{5, 43}}, Text: "l’automne"},
			{Range: &Range{Position{3, 55}, Position{3, 60}}, Text: ""},
			{Range: &Range{Position{5, 7}, Position{5, 7}}, Text: "«"},
		}},
		{encUTF32, []contentChange{
			{Range: &Range{Position{5, 5}, Position{5, 5}}, Text: "😀 "},
			{Range: &Range{Position{5, 28}, Position{5, 33}}, Text: "l’automne"},
			{Range: &Range{Position{3, 55}, Position{3, 57}}, Text: ""},
			{Range: &Range{Position{5, 5}, Position{5, 5}}, Text: "«"},
		}},
	} {
		t.Run(tc.enc.String(), func(t *testing.T) {
			s := &Server{opts: Options{Debounce: 1 << 40}, docs: map[string]*document{}, enc: tc.enc, w: &writer{w: discard{}}}
			s.open(&didOpenParams{TextDocument: textDocumentItem{URI: uriA, Version: 1, Text: conseil}})
			if err := s.change(&didChangeParams{TextDocument: versionedTextDocumentIdentifier{URI: uriA, Version: 2}, ContentChanges: tc.changes}); err != nil {
				t.Fatal(err)
			}
			want := strings.Replace(conseil, `    "Le maire a déclaré à l’été`, `    "«😀 Le maire a déclaré à l’automne`, 1)
			want = strings.Replace(want, "budget 😀", "budget", 1)
			d := s.docs[uriA]
			if got := string(d.text.b); got != want {
				t.Errorf("text after edits:\n%s\nwant:\n%s", got, want)
			}
			if got, want := d.text.starts, newText(d.text.b).starts; !equalInts(got, want) {
				t.Errorf("line starts %v, want %v", got, want)
			}
			s.closeDoc(uriA)
		})
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// slowRule blocks the lint of a record whose title says "lent" until
// released, to make an old version's lint finish after a newer edit.
type gate struct {
	started chan struct{}
	release chan struct{}
	once    sync.Once
}

func (g *gate) rule() *rules.Rule {
	return &rules.Rule{
		ID: "test-slow", Title: "Blocks on titles that say lent", Level: rules.LevelWarning,
		Run: func(p *rules.Pass) (any, error) {
			if n := p.Record.Root.Get("title"); n != nil && strings.Contains(n.Str, "lent") {
				g.once.Do(func() { close(g.started) })
				<-g.release
			}
			return nil, nil
		},
	}
}

func TestSlowResultNeverOverwritesNewer(t *testing.T) {
	g := &gate{started: make(chan struct{}), release: make(chan struct{})}
	c := startServer(t, testOptions(g.rule()))
	c.initialize(nil)
	slow := strings.Replace(conseil, "vote le budget", "vote lentement le budget", 1)
	c.open(uriA, slow)
	<-g.started
	// Version 2 removes "lentement " and fixes the colon while version 1's
	// lint is still running.
	c.change(uriA, 2, edit(3, 46, 3, 56, ""), edit(5, 36, 5, 37, "\u00a0"))
	c.sync()
	close(g.release)
	p := c.diagnostics(uriA, 2)
	if d := typographyAt(p.Diagnostics, `ordinary space before ":"`); d != nil {
		t.Errorf("version 2 has no ordinary space before the colon, got %+v", d)
	}
	if d := typographyAt(p.Diagnostics, "missing no-break space after «"); d == nil || d.Range.Start != (Position{5, 39}) {
		t.Errorf("« diagnostic of version 2 = %+v, want at 5:39", d)
	}
	c.sync()
	for _, pub := range c.publications() {
		if pub.Version != nil && *pub.Version == 1 {
			t.Errorf("version 1's result was published after version 2 existed: %+v", pub)
		}
	}
}

func TestCancelRequest(t *testing.T) {
	g := &gate{started: make(chan struct{}), release: make(chan struct{})}
	c := startServer(t, testOptions(g.rule()))
	c.initialize(nil)
	c.open(uriA, strings.Replace(conseil, "vote le budget", "vote lentement le budget", 1))
	<-g.started
	// The code action waits for the lint of the current version, which
	// is blocked: cancelling it must answer RequestCancelled at once.
	c.send(41, "textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uriA},
		"range":        Range{Position{5, 0}, Position{5, 10}},
		"context":      map[string]any{"diagnostics": []any{}},
	})
	c.notify("$/cancelRequest", map[string]any{"id": 41})
	resp := c.await("cancelled code action", func(m *message) bool { return string(m.ID) == "41" })
	if resp.Error == nil || resp.Error.Code != codeRequestCancelled {
		t.Errorf("response = %+v, want error %d", resp, codeRequestCancelled)
	}
	// Cancelling a finished or unknown request is harmless.
	c.notify("$/cancelRequest", map[string]any{"id": 999})
	close(g.release)
	c.diagnostics(uriA, 1)
	if code := c.shutdown(); code != 0 {
		t.Errorf("exit code = %d", code)
	}
}

func TestLifecycle(t *testing.T) {
	t.Run("request before initialize", func(t *testing.T) {
		c := startServer(t, testOptions())
		resp := c.call("textDocument/codeAction", map[string]any{})
		if resp.Error == nil || resp.Error.Code != codeServerNotInitialized {
			t.Errorf("got %+v, want error %d", resp, codeServerNotInitialized)
		}
		c.initialize(nil)
		if resp := c.call("initialize", map[string]any{"capabilities": map[string]any{}}); resp.Error == nil {
			t.Error("a second initialize succeeded")
		}
	})
	t.Run("exit without shutdown", func(t *testing.T) {
		c := startServer(t, testOptions())
		c.initialize(nil)
		c.notify("exit", nil)
		if code := <-c.exit; code != 1 {
			t.Errorf("exit code = %d, want 1", code)
		}
		c.exit <- 1
	})
	t.Run("requests after shutdown", func(t *testing.T) {
		c := startServer(t, testOptions())
		c.initialize(nil)
		c.call("shutdown", nil)
		resp := c.call("textDocument/codeAction", map[string]any{})
		if resp.Error == nil || resp.Error.Code != codeInvalidRequest {
			t.Errorf("got %+v, want error %d", resp, codeInvalidRequest)
		}
		c.notify("exit", nil)
		if code := <-c.exit; code != 0 {
			t.Errorf("exit code = %d, want 0", code)
		}
		c.exit <- 0
	})
	t.Run("end of input", func(t *testing.T) {
		c := startServer(t, testOptions())
		c.initialize(nil)
		_ = c.in.Close()
		if code := <-c.exit; code != 1 {
			t.Errorf("exit code = %d, want 1", code)
		}
		c.exit <- 1
	})
}

func TestDidCloseClearsDiagnostics(t *testing.T) {
	c := startServer(t, testOptions())
	c.initialize(nil)
	c.open(uriA, conseil)
	if p := c.diagnostics(uriA, 1); len(p.Diagnostics) == 0 {
		t.Fatal("no diagnostics on open")
	}
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uriA}})
	m := c.await("cleared diagnostics", func(m *message) bool { return m.Method == "textDocument/publishDiagnostics" })
	var p publishDiagnosticsParams
	_ = json.Unmarshal(m.Params, &p)
	if p.URI != uriA || p.Diagnostics == nil || len(p.Diagnostics) != 0 {
		t.Errorf("after close: %+v, want an empty list for %s", p, uriA)
	}
}

func TestSyntaxErrorKeepsOtherDiagnostics(t *testing.T) {
	c := startServer(t, testOptions())
	c.initialize(nil)
	c.open(uriA, conseil)
	before := c.diagnostics(uriA, 1)
	// Half-typed: a new member name without its value, on line 2, and a
	// character removed above line 5, which moves nothing on line 5.
	c.change(uriA, 2, edit(2, 15, 2, 15, ` "summary`))
	p := c.diagnostics(uriA, 2)
	syn := byCode(p.Diagnostics, "syntax")
	if len(syn) != 1 || syn[0].Range.Start.Line != 2 {
		t.Fatalf("syntax diagnostics = %+v, want one on line 2", syn)
	}
	if len(p.Diagnostics) != len(before.Diagnostics)+1 {
		t.Errorf("got %d diagnostics, want the %d of the last good parse plus the syntax error: %+v", len(p.Diagnostics), len(before.Diagnostics), p.Diagnostics)
	}
	if d := typographyAt(p.Diagnostics, `ordinary space before ":"`); d == nil || d.Range.Start != (Position{5, 36}) {
		t.Errorf("kept colon diagnostic = %+v, want at 5:36", d)
	}
	// Completing the member gives a fresh lint again.
	c.change(uriA, 3, edit(2, 24, 2, 24, `": "Le budget",`))
	p = c.diagnostics(uriA, 3)
	if len(byCode(p.Diagnostics, "syntax")) != 0 || len(p.Diagnostics) != len(before.Diagnostics) {
		t.Errorf("after completing: %+v", p.Diagnostics)
	}
}

func TestRulePanicDoesNotKillServer(t *testing.T) {
	panicky := &rules.Rule{
		ID: "test-panic", Title: "Panics on titles that say PANIQUE", Level: rules.LevelWarning,
		Run: func(p *rules.Pass) (any, error) {
			if n := p.Record.Root.Get("title"); n != nil && strings.Contains(n.Str, "PANIQUE") {
				panic("the test rule panicked")
			}
			return nil, nil
		},
	}
	c := startServer(t, testOptions(panicky))
	c.initialize(nil)
	c.open(uriA, strings.Replace(conseil, "vote le budget", "PANIQUE", 1))
	p := c.diagnostics(uriA, 1)
	if typographyAt(p.Diagnostics, `ordinary space before ":"`) == nil {
		t.Errorf("the other rules' diagnostics are missing: %+v", p.Diagnostics)
	}
	m := c.await("log message", func(m *message) bool { return m.Method == "window/logMessage" })
	var lm logMessageParams
	_ = json.Unmarshal(m.Params, &lm)
	if lm.Type != messageError || !strings.Contains(lm.Message, "rule test-panic failed") || !strings.Contains(lm.Message, "the test rule panicked") {
		t.Errorf("log message = %+v", lm)
	}
	c.change(uriA, 2, edit(3, 41, 3, 48, "adopte le budget"))
	if p := c.diagnostics(uriA, 2); typographyAt(p.Diagnostics, `ordinary space before ":"`) == nil {
		t.Errorf("after the edit: %+v", p.Diagnostics)
	}
	if code := c.shutdown(); code != 0 {
		t.Errorf("exit code = %d", code)
	}
}

func TestMalformedMessages(t *testing.T) {
	c := startServer(t, testOptions())
	c.initialize(nil)
	// Invalid JSON in a well-framed message: a parse error with a null id.
	c.raw("Content-Length: 9\r\n\r\n{\"jsonrpc")
	resp := c.await("parse error", func(m *message) bool { return string(m.ID) == "null" })
	if resp.Error == nil || resp.Error.Code != codeParseError {
		t.Errorf("got %+v, want parse error", resp)
	}
	// A frame with no Content-Length, then garbage with no line break
	// before the next frame: one log message, and the next frame works.
	c.raw("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n")
	c.raw("garbage{}")
	c.open(uriA, conseil)
	c.diagnostics(uriA, 1)
	// Wrong types in a notification and in a request.
	c.notify("textDocument/didChange", map[string]any{"textDocument": "not an object"})
	if resp := c.call("textDocument/codeAction", map[string]any{"range": 12}); resp.Error == nil || resp.Error.Code != codeInvalidParams {
		t.Errorf("got %+v, want invalid params", resp)
	}
	// An edit beyond the end of the document is clamped, not a crash.
	c.change(uriA, 2, edit(500, 3, 900, 0, "\n"))
	c.diagnostics(uriA, 2)
	// Not JSON-RPC 2.0.
	c.raw("Content-Length: 26\r\n\r\n{\"id\":5,\"method\":\"hello\"}\n")
	resp = c.await("invalid request", func(m *message) bool { return string(m.ID) == "5" })
	if resp.Error == nil || resp.Error.Code != codeInvalidRequest {
		t.Errorf("got %+v, want invalid request", resp)
	}
	if code := c.shutdown(); code != 0 {
		t.Errorf("exit code = %d", code)
	}
}

func codeActions(t *testing.T, c *testClient, uri string, r Range) []CodeAction {
	t.Helper()
	resp := c.call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri}, "range": r, "context": map[string]any{"diagnostics": []any{}},
	})
	if resp.Error != nil {
		t.Fatalf("codeAction: %v", resp.Error)
	}
	var actions []CodeAction
	if err := json.Unmarshal(resp.Result, &actions); err != nil {
		t.Fatal(err)
	}
	return actions
}

// applyEdits applies LSP edits (UTF-16) to a text, as a client would.
func applyEdits(t *testing.T, src string, edits []TextEdit) string {
	t.Helper()
	tx := newText([]byte(src))
	type span struct {
		s, e int
		text string
	}
	var spans []span
	for _, e := range edits {
		s, _ := tx.offset(e.Range.Start, encUTF16)
		en, _ := tx.offset(e.Range.End, encUTF16)
		spans = append(spans, span{s, en, e.NewText})
	}
	out := src
	for i := len(spans) - 1; i >= 0; i-- {
		out = out[:spans[i].s] + spans[i].text + out[spans[i].e:]
	}
	return out
}

func TestQuickFixes(t *testing.T) {
	c := startServer(t, testOptions())
	c.initialize(map[string]any{"workspace": map[string]any{"workspaceEdit": map[string]any{"documentChanges": true}}})
	c.open(uriA, conseil)
	c.diagnostics(uriA, 1)
	actions := codeActions(t, c, uriA, Range{Position{5, 36}, Position{5, 36}})
	var titles []string
	for _, a := range actions {
		titles = append(titles, a.Title)
	}
	want := []string{"replace with a no-break space (U+00A0)", "Disable typography for /body/0 (x.artlint.ignore)"}
	if strings.Join(titles, "|") != strings.Join(want, "|") {
		t.Fatalf("actions = %q, want %q", titles, want)
	}
	fix := actions[0]
	if !fix.IsPreferred || fix.Kind != "quickfix" || len(fix.Diagnostics) != 1 || fix.Diagnostics[0].Code != "typography" {
		t.Errorf("fix action = %+v", fix)
	}
	dc := fix.Edit.DocumentChanges
	if len(dc) != 1 || dc[0].TextDocument.Version != 1 || dc[0].TextDocument.URI != uriA {
		t.Fatalf("document changes = %+v, want one for version 1", dc)
	}
	got := applyEdits(t, conseil, dc[0].Edits)
	if want := strings.Replace(conseil, "2024 : «", "2024\u00a0: «", 1); got != want {
		t.Errorf("after the fix:\n%s", got)
	}

	disabled := applyEdits(t, conseil, actions[1].Edit.DocumentChanges[0].Edits)
	wantJSON := strings.Replace(conseil, "  ]\n}", "  ],\n  \"x\": {\"artlint\": {\"ignore\": [{\"rule\": \"typography\", \"pointer\": \"/body/0\", \"reason\": \"TODO: say why\"}]}}\n}", 1)
	if disabled != wantJSON {
		t.Errorf("after disable:\n%s\nwant:\n%s", disabled, wantJSON)
	}
	// The entry works: the findings at /body/0 are gone, the one at
	// /body/1 stays. A second disable appends to the list.
	c.change(uriA, 2, map[string]any{"text": disabled})
	p := c.diagnostics(uriA, 2)
	for _, d := range byCode(p.Diagnostics, "typography") {
		if d.Data.Pointer == "/body/0" {
			t.Errorf("suppressed by x.artlint.ignore, still shown: %+v", d)
		}
	}
	if typographyAt(p.Diagnostics, "straight apostrophe") == nil {
		t.Errorf("the finding at /body/1 is gone too: %+v", p.Diagnostics)
	}
	actions = codeActions(t, c, uriA, Range{Position{6, 6}, Position{6, 6}})
	var second *CodeAction
	for i, a := range actions {
		if strings.HasPrefix(a.Title, "Disable") {
			second = &actions[i]
		}
	}
	if second == nil {
		t.Fatalf("no disable action on line 6: %+v", actions)
	}
	again := applyEdits(t, disabled, second.Edit.DocumentChanges[0].Edits)
	if !strings.Contains(again, `"ignore": [{"rule": "typography", "pointer": "/body/0", "reason": "TODO: say why"}, {"rule": "typography", "pointer": "/body/1", "reason": "TODO: say why"}]`) {
		t.Errorf("second disable:\n%s", again)
	}
	r := load.Parse(rules.NewFile("a.json", []byte(again), rules.FormatJSON), load.Limits{})
	if len(r.Errors) != 0 {
		t.Errorf("the record no longer parses: %v", r.Errors[0])
	}
}

func TestDisableInYAML(t *testing.T) {
	const uri = "file:///work/articles/conseil.yaml"
	src := "id: conseil-municipal-lyon\nlang: fr\ntitle: Le conseil municipal de Lyon vote le budget de l’été\nbody:\n  - \"Le maire a déclaré : «Nous tiendrons nos engagements.»\"\n  - >-\n    L'adjointe aux finances a présenté\n    les comptes.\n"
	c := startServer(t, testOptions())
	c.initialize(nil)
	c.open(uri, src)
	c.diagnostics(uri, 1)
	actions := codeActions(t, c, uri, Range{Position{4, 23}, Position{4, 23}})
	var dis *CodeAction
	for i, a := range actions {
		if a.Title == "Disable typography on the next line" {
			dis = &actions[i]
		}
	}
	if dis == nil {
		t.Fatalf("no disable action: %+v", actions)
	}
	got := applyEdits(t, src, dis.Edit.Changes[uri])
	want := strings.Replace(src, "  - \"Le maire", "  # artlint-disable-next-line typography -- TODO: say why\n  - \"Le maire", 1)
	if got != want {
		t.Errorf("after disable:\n%s\nwant:\n%s", got, want)
	}
	c.change(uri, 2, map[string]any{"text": got})
	for _, d := range c.diagnostics(uri, 2).Diagnostics {
		if d.Code == "typography" && d.Range.Start.Line == 5 || d.Code == "unused-suppression" {
			t.Errorf("after the comment: %+v", d)
		}
	}
	c.change(uri, 3, map[string]any{"text": src})
	c.diagnostics(uri, 3)

	// Inside a folded block scalar a comment would become text: the
	// ignore entry is added at the end of the record instead, and the
	// result is still a record that loads.
	actions = codeActions(t, c, uri, Range{Position{6, 5}, Position{6, 5}})
	dis = nil
	for i, a := range actions {
		if a.Title == "Disable typography for /body/1 (x.artlint.ignore)" {
			dis = &actions[i]
		}
	}
	if dis == nil {
		t.Fatalf("no ignore action in the block scalar: %+v", actions)
	}
	got = applyEdits(t, src, dis.Edit.Changes[uri])
	want = src + "x:\n  artlint:\n    ignore:\n      - {\"rule\": \"typography\", \"pointer\": \"/body/1\", \"reason\": \"TODO: say why\"}\n"
	if got != want {
		t.Errorf("after disable:\n%s\nwant:\n%s", got, want)
	}
	c.change(uri, 4, map[string]any{"text": got})
	for _, d := range c.diagnostics(uri, 4).Diagnostics {
		if d.Code == "typography" && d.Data.Pointer == "/body/1" || d.Code == "unused-suppression" {
			t.Errorf("after the ignore entry: %+v", d)
		}
	}
	r := load.Parse(rules.NewFile("a.yaml", []byte(got), rules.FormatYAML), load.Limits{})
	if len(r.Errors) != 0 || r.Records[0].Root.Lookup("/x/artlint/ignore/0/pointer").Str != "/body/1" {
		t.Errorf("the record does not load with its entry: %v", r.Errors)
	}
}
