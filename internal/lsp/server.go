// Package lsp is artlint's language server: LSP 3.17 over stdio, diagnostics
// while typing (debounced, versioned), quick fixes from the rules' fixes and
// "disable this rule here".
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/artlint/artlint/internal/engine"
	"github.com/artlint/artlint/internal/load"
	"github.com/artlint/artlint/rules"
)

// Options configure a server.
type Options struct {
	// Engine returns the lint options for a document (absolute path) and
	// the workspace root that holds it ("" when none). It is called for
	// each lint, so that it can resolve configuration per document. It
	// returns ErrExcluded for a file the configuration excludes, and
	// ConfigErrors when the configuration that applies is broken.
	Engine func(path, root string) (engine.Options, error)
	// IsConfig says whether a document is a configuration file
	// (.artlint.yaml): it is checked with CheckConfig instead of linted as
	// a record, and saving it calls Reload and lints every open document
	// again. Either may be nil.
	IsConfig    func(path string) bool
	CheckConfig func(path string, content []byte) ConfigErrors
	// Reload forgets the configuration read so far.
	Reload func()
	// Debounce is how long typing must pause before a lint (default
	// 150 ms; a save or an open lints at once).
	Debounce time.Duration
	// RuleURL gives the page documenting a rule, the diagnostic's
	// codeDescription; "" (or a nil RuleURL) when the rule has none.
	RuleURL func(id string) string
	// Version is reported in serverInfo.
	Version string
}

const defaultDebounce = 150 * time.Millisecond

// ErrExcluded is what Options.Engine returns for a file that the
// configuration excludes: it gets no diagnostics.
var ErrExcluded = errors.New("the configuration excludes this file")

// ConfigError is a problem in a configuration file; Line and Column are
// 1-based, the column in UTF-16 code units, both 0 when not located.
type ConfigError struct {
	Path         string // absolute
	Line, Column int
	Message      string
}

// ConfigErrors are the problems of the configuration that applies to a
// document; it is not linted until they are fixed.
type ConfigErrors []ConfigError

func (es ConfigErrors) Error() string {
	var sb strings.Builder
	for i, e := range es {
		if i > 0 {
			sb.WriteByte('\n')
		}
		fmt.Fprintf(&sb, "%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Message)
	}
	return sb.String()
}

// server states.
const (
	stateNew = iota
	stateRunning
	stateShutdown
)

// Server is one connection's state.
type Server struct {
	opts Options
	w    *writer

	mu         sync.Mutex
	state      int
	enc        encoding
	docChanges bool
	folders    []string // workspace folder paths, longest first
	docs       map[string]*document
	requests   map[string]context.CancelFunc // requests in progress, by id
	configURIs map[string]bool               // configuration files with published problems
	lintSlots  chan struct{}                 // bounds lints running at once
	lastLog    string
}

// Serve runs the server on r and w until exit or the end of r, and returns
// the process exit code: 0 when exit follows shutdown, 1 otherwise.
func Serve(r io.Reader, w io.Writer, opts Options) int {
	if opts.Debounce <= 0 {
		opts.Debounce = defaultDebounce
	}
	s := &Server{
		opts:       opts,
		w:          &writer{w: w},
		docs:       map[string]*document{},
		requests:   map[string]context.CancelFunc{},
		configURIs: map[string]bool{},
		lintSlots:  make(chan struct{}, max(1, runtime.GOMAXPROCS(0))),
	}
	defer s.stop()
	rd := newReader(r)
	for {
		body, err := rd.read()
		var fe *frameError
		switch {
		case errors.As(err, &fe):
			s.logf(messageError, "artlint: skipped a malformed message: %s", fe.msg)
			continue
		case err != nil:
			// The client went away without exit.
			return 1
		}
		m, rerr := decodeMessage(body)
		if rerr != nil {
			var id json.RawMessage
			if m != nil {
				id = m.ID
			}
			s.replyError(id, rerr)
			continue
		}
		if m.Method == "exit" {
			s.mu.Lock()
			down := s.state == stateShutdown
			s.mu.Unlock()
			if down {
				return 0
			}
			return 1
		}
		s.handle(m)
	}
}

// stop ends pending lints and requests and closes the output: a lint still
// running (a large document) is not waited for, and writes nothing.
func (s *Server) stop() {
	s.mu.Lock()
	for _, d := range s.docs {
		d.close()
	}
	s.docs = map[string]*document{}
	for _, cancel := range s.requests {
		cancel()
	}
	s.mu.Unlock()
	s.w.close()
}

// handle dispatches one message. Notifications run in order on the reading
// goroutine (edits must apply in order); requests that may wait (code
// actions wait for the current version's lint) run on their own, with a
// context that $/cancelRequest cancels.
func (s *Server) handle(m *message) {
	if !m.isRequest() {
		if m.Method == "" {
			return // a response to a request we never send
		}
		s.safely(m, func() {
			if err := s.notification(m); err != nil {
				s.logf(messageError, "artlint: %s: %v", m.Method, err)
			}
		})
		return
	}
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	switch {
	case state == stateNew && m.Method != "initialize":
		s.replyError(m.ID, &rpcError{codeServerNotInitialized, "the server is not initialized"})
		return
	case state == stateShutdown:
		s.replyError(m.ID, &rpcError{codeInvalidRequest, "the server is shut down"})
		return
	}
	if m.Method == "textDocument/codeAction" {
		ctx, cancel := context.WithCancel(context.Background())
		key := string(m.ID)
		s.mu.Lock()
		s.requests[key] = cancel
		s.mu.Unlock()
		go func() {
			defer func() {
				s.mu.Lock()
				delete(s.requests, key)
				s.mu.Unlock()
				cancel()
			}()
			s.safely(m, func() { s.reply(m, s.request(ctx, m)) })
		}()
		return
	}
	s.safely(m, func() { s.reply(m, s.request(context.Background(), m)) })
}

// safely runs f, turning a panic into an error reply (for a request) or a
// log message: no message, however malformed, may end the server.
func (s *Server) safely(m *message, f func()) {
	defer func() {
		if p := recover(); p != nil {
			msg := fmt.Sprintf("artlint: internal error in %s: %v\n%s", m.Method, p, debug.Stack())
			if m.isRequest() {
				s.replyError(m.ID, &rpcError{codeInternalError, fmt.Sprintf("internal error in %s: %v", m.Method, p)})
			}
			s.logf(messageError, "%s", msg)
		}
	}()
	f()
}

type result struct {
	value any
	err   *rpcError
}

func (s *Server) reply(m *message, r result) {
	if r.err != nil {
		s.replyError(m.ID, r.err)
		return
	}
	data, err := json.Marshal(r.value)
	if err != nil {
		s.replyError(m.ID, &rpcError{codeInternalError, err.Error()})
		return
	}
	_ = s.w.write(&message{JSONRPC: "2.0", ID: m.ID, Result: data})
}

func (s *Server) replyError(id json.RawMessage, e *rpcError) {
	if len(id) == 0 {
		id = json.RawMessage("null")
	}
	_ = s.w.write(&message{JSONRPC: "2.0", ID: id, Error: e})
}

func (s *Server) notify(method string, params any) {
	// Encoded in one pass: marshalling params to a json.RawMessage first
	// made encoding/json validate and compact the whole publication again.
	_ = s.w.write(&notification{JSONRPC: "2.0", Method: method, Params: params})
}

// notification is an outgoing message with params of any type.
type notification struct {
	JSONRPC string `json:"jsonrpc"`
	Method  string `json:"method"`
	Params  any    `json:"params,omitempty"`
}

// logf sends window/logMessage; the same message twice in a row (a rule
// failing on every keystroke) is sent once.
func (s *Server) logf(typ int, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	s.mu.Lock()
	same := msg == s.lastLog
	s.lastLog = msg
	s.mu.Unlock()
	if !same {
		s.notify("window/logMessage", logMessageParams{Type: typ, Message: msg})
	}
}

func invalidParams(err error) result {
	return result{err: &rpcError{codeInvalidParams, "invalid params: " + err.Error()}}
}

func (s *Server) request(ctx context.Context, m *message) result {
	switch m.Method {
	case "initialize":
		var p initializeParams
		if err := json.Unmarshal(m.Params, &p); err != nil {
			return invalidParams(err)
		}
		return s.initialize(&p)
	case "shutdown":
		s.mu.Lock()
		s.state = stateShutdown
		s.mu.Unlock()
		return result{value: nil}
	case "textDocument/codeAction":
		var p codeActionParams
		if err := json.Unmarshal(m.Params, &p); err != nil {
			return invalidParams(err)
		}
		return s.codeAction(ctx, &p)
	}
	return result{err: &rpcError{codeMethodNotFound, "method not found: " + m.Method}}
}

func (s *Server) notification(m *message) error {
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	if state == stateNew && m.Method != "initialized" {
		return nil // the spec: notifications before initialize are dropped
	}
	unmarshal := func(v any) error {
		if err := json.Unmarshal(m.Params, v); err != nil {
			return fmt.Errorf("invalid params: %w", err)
		}
		return nil
	}
	switch m.Method {
	case "initialized":
		return nil
	case "$/cancelRequest":
		var p cancelParams
		if err := unmarshal(&p); err != nil {
			return err
		}
		s.mu.Lock()
		cancel := s.requests[string(p.ID)]
		s.mu.Unlock()
		if cancel != nil {
			cancel()
		}
		return nil
	case "textDocument/didOpen":
		var p didOpenParams
		if err := unmarshal(&p); err != nil {
			return err
		}
		s.open(&p)
		return nil
	case "textDocument/didChange":
		var p didChangeParams
		if err := unmarshal(&p); err != nil {
			return err
		}
		return s.change(&p)
	case "textDocument/didSave":
		var p didSaveParams
		if err := unmarshal(&p); err != nil {
			return err
		}
		s.save(&p)
		return nil
	case "textDocument/didClose":
		var p didCloseParams
		if err := unmarshal(&p); err != nil {
			return err
		}
		s.closeDoc(p.TextDocument.URI)
		return nil
	case "workspace/didChangeWatchedFiles":
		var p struct {
			Changes []struct {
				URI string `json:"uri"`
			} `json:"changes"`
		}
		if err := unmarshal(&p); err != nil {
			return err
		}
		for _, ch := range p.Changes {
			if s.opts.IsConfig != nil && s.opts.IsConfig(uriToPath(ch.URI)) {
				s.reload()
				break
			}
		}
		return nil
	case "workspace/didChangeWorkspaceFolders":
		var p didChangeWorkspaceFoldersParams
		if err := unmarshal(&p); err != nil {
			return err
		}
		s.mu.Lock()
		for _, f := range p.Event.Removed {
			path := uriToPath(f.URI)
			for i, g := range s.folders {
				if g == path {
					s.folders = append(s.folders[:i], s.folders[i+1:]...)
					break
				}
			}
		}
		for _, f := range p.Event.Added {
			s.folders = append(s.folders, uriToPath(f.URI))
		}
		s.mu.Unlock()
		return nil
	}
	// Other notifications ($/setTrace, didChangeConfiguration, …) need no
	// answer; $/ ones may be ignored by the spec.
	return nil
}

func (s *Server) initialize(p *initializeParams) result {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != stateNew {
		return result{err: &rpcError{codeInvalidRequest, "initialize was already called"}}
	}
	s.state = stateRunning
	// UTF-16 unless the client offers UTF-8, which spares converting.
	offered := append(append([]string{}, p.Capabilities.General.PositionEncodings...), p.Capabilities.OffsetEncoding...)
	for _, e := range offered {
		if e == "utf-8" {
			s.enc = encUTF8
		}
	}
	s.docChanges = p.Capabilities.Workspace.WorkspaceEdit.DocumentChanges
	for _, f := range p.WorkspaceFolders {
		s.folders = append(s.folders, uriToPath(f.URI))
	}
	if len(s.folders) == 0 && p.RootURI != nil && *p.RootURI != "" {
		s.folders = append(s.folders, uriToPath(*p.RootURI))
	} else if len(s.folders) == 0 && p.RootPath != nil && *p.RootPath != "" {
		s.folders = append(s.folders, *p.RootPath)
	}
	caps := map[string]any{
		"positionEncoding": s.enc.String(),
		"textDocumentSync": map[string]any{
			"openClose": true,
			"change":    2, // incremental
			"save":      map[string]any{"includeText": false},
		},
		"codeActionProvider": map[string]any{"codeActionKinds": []string{"quickfix"}},
		"workspace": map[string]any{
			"workspaceFolders": map[string]any{"supported": true, "changeNotifications": true},
		},
	}
	res := map[string]any{
		"capabilities": caps,
		"serverInfo":   map[string]any{"name": "artlint", "version": s.opts.Version},
	}
	if len(p.Capabilities.OffsetEncoding) > 0 {
		// clangd's extension: the client reads the choice here.
		res["offsetEncoding"] = s.enc.String()
	}
	return result{value: res}
}

// uriToPath turns a file: URI into a path; other schemes (untitled:) keep
// their opaque part, which still carries the extension that picks the
// format.
func uriToPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		return uri
	}
	if u.Scheme == "file" {
		return filepath.FromSlash(u.Path)
	}
	if u.Opaque != "" {
		return u.Opaque
	}
	return u.Path
}

// rootOf is the workspace folder that holds path, the deepest one.
func (s *Server) rootOf(path string) string {
	best := ""
	for _, f := range s.folders {
		if (path == f || strings.HasPrefix(path, strings.TrimSuffix(f, string(filepath.Separator))+string(filepath.Separator))) && len(f) > len(best) {
			best = f
		}
	}
	return best
}

func formatOf(path, languageID string, content []byte) rules.Format {
	if f, ok := load.FormatOf(path); ok {
		return f
	}
	switch languageID {
	case "yaml":
		return rules.FormatYAML
	case "json", "jsonc":
		return rules.FormatJSON
	}
	for _, c := range content {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		case '{', '[':
			return rules.FormatJSON
		}
		break
	}
	return rules.FormatYAML
}

func pathToURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}
