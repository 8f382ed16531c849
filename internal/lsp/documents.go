package lsp

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"time"

	"github.com/artlint/artlint/internal/engine"
	"github.com/artlint/artlint/internal/report"
	"github.com/artlint/artlint/rules"
)

// document is an open buffer. Every field is guarded by Server.mu.
type document struct {
	uri, path  string
	languageID string
	text       *text
	version    int

	timer   *time.Timer
	linting bool // a lint of this document is running
	again   bool // the debounce fired while it ran: lint again after
	closed  bool

	// findings are those last published, good those of the last lint
	// without a syntax error; their spans follow the edits made since, so
	// they stay right for the current text (a finding an edit touched is
	// dropped).
	findings   []report.Finding
	good       []report.Finding
	linted     int             // the version findings were computed for
	hasLinted  bool            // findings are for some version at all
	waiters    []chan struct{} // code actions waiting for the current version
	lastNotice string
}

func (d *document) close() {
	d.closed = true
	if d.timer != nil {
		d.timer.Stop()
	}
	for _, w := range d.waiters {
		close(w)
	}
	d.waiters = nil
}

func (s *Server) open(p *didOpenParams) {
	td := p.TextDocument
	s.mu.Lock()
	defer s.mu.Unlock()
	if old := s.docs[td.URI]; old != nil {
		old.close()
	}
	d := &document{uri: td.URI, path: uriToPath(td.URI), languageID: td.LanguageID, text: newText([]byte(td.Text)), version: td.Version}
	s.docs[td.URI] = d
	s.schedule(d, 0)
}

func (s *Server) change(p *didChangeParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return fmt.Errorf("didChange for %s, which is not open", p.TextDocument.URI)
	}
	for _, ch := range p.ContentChanges {
		if ch.Range == nil {
			d.text = newText([]byte(ch.Text))
			d.findings, d.good = nil, nil
			continue
		}
		start, err := d.text.offset(ch.Range.Start, s.enc)
		if err != nil {
			return err
		}
		end, err := d.text.offset(ch.Range.End, s.enc)
		if err != nil {
			return err
		}
		if end < start {
			start, end = end, start
		}
		d.text = d.text.replace(start, end, ch.Text)
		d.findings = shiftFindings(d.findings, start, end, len(ch.Text))
		d.good = shiftFindings(d.good, start, end, len(ch.Text))
	}
	d.version = p.TextDocument.Version
	s.schedule(d, s.opts.Debounce)
	return nil
}

func (s *Server) save(p *didSaveParams) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d := s.docs[p.TextDocument.URI]; d != nil {
		if p.Text != nil {
			d.text = newText([]byte(*p.Text))
		}
		s.schedule(d, 0)
		if s.isConfig(d.path) {
			s.mu.Unlock()
			s.reload()
			s.mu.Lock()
		}
	}
}

func (s *Server) isConfig(path string) bool {
	return s.opts.IsConfig != nil && s.opts.CheckConfig != nil && s.opts.IsConfig(path)
}

// reload forgets the configuration, clears the problems published on
// configuration files that are not open, and lints every open document
// again.
func (s *Server) reload() {
	if s.opts.Reload != nil {
		s.opts.Reload()
	}
	s.mu.Lock()
	var clear []string
	for uri := range s.configURIs {
		if s.docs[uri] == nil {
			clear = append(clear, uri)
		}
		delete(s.configURIs, uri)
	}
	for _, d := range s.docs {
		s.schedule(d, 0)
	}
	s.mu.Unlock()
	for _, uri := range clear {
		s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
	}
}

func (s *Server) closeDoc(uri string) {
	s.mu.Lock()
	d := s.docs[uri]
	if d != nil {
		d.close()
		delete(s.docs, uri)
	}
	s.mu.Unlock()
	if d != nil {
		s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
	}
}

// schedule (re)starts the document's debounce timer. Called with s.mu held.
func (s *Server) schedule(d *document, after time.Duration) {
	if d.timer != nil {
		d.timer.Stop()
	}
	d.timer = time.AfterFunc(after, func() { s.startLint(d) })
}

// startLint lints the current version unless a lint of this document is
// already running, in which case that one will start another when done:
// a burst of edits on a large document never piles up lints.
func (s *Server) startLint(d *document) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d.closed {
		return
	}
	if d.linting {
		d.again = true
		return
	}
	d.linting = true
	t, version := d.text, d.version
	root := s.rootOf(d.path)
	go func() {
		s.lintSlots <- struct{}{}
		run, err := s.lint(d.path, root, t.b)
		<-s.lintSlots
		s.finish(d, t, version, run, err)
	}()
}

// lint runs the engine on a snapshot. The engine already turns a rule's
// panic into a notification; this guards the rest (loader, schemas).
func (s *Server) lint(path, root string, content []byte) (run *report.Run, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic while linting %s: %v\n%s", path, p, debug.Stack())
		}
	}()
	if s.isConfig(path) {
		if es := s.opts.CheckConfig(path, content); len(es) > 0 {
			return nil, es
		}
		return nil, nil
	}
	opts, err := s.opts.Engine(path, root)
	if err != nil {
		return nil, err
	}
	return engine.LintBuffer(path, content, opts), nil
}

func (s *Server) finish(d *document, t *text, version int, run *report.Run, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d.linting = false
	if d.closed {
		return
	}
	var cerrs ConfigErrors
	current := d.text == t && d.version == version
	switch {
	case !current:
	case errors.Is(err, ErrExcluded):
		s.accept(d, &report.Run{})
	case s.isConfig(d.path):
		errors.As(err, &cerrs)
		s.acceptConfig(d, cerrs)
	case errors.As(err, &cerrs):
		s.publishConfigErrors(d, cerrs)
	case err != nil:
		s.mu.Unlock()
		s.logf(messageError, "artlint: %v", err)
		s.mu.Lock()
	default:
		// Only the result for the text as it is now is published: a slow
		// lint of an older version never overwrites a newer one.
		s.accept(d, run)
	}
	if d.again {
		d.again = false
		s.schedule(d, 0)
	}
}

// accept publishes a lint result for the current text. Called with s.mu
// held; the write happens under it so that publications keep their order.
func (s *Server) accept(d *document, run *report.Run) {
	syntax := false
	for _, f := range run.Findings {
		if f.RuleID == engine.Syntax.ID {
			syntax = true
		}
	}
	// Suppressed findings (x.artlint.ignore, disable comments) are not
	// shown: the writer has already said why.
	fs := run.Findings[:0:0]
	for _, f := range run.Findings {
		if len(f.Suppressions) == 0 {
			fs = append(fs, f)
		}
	}
	fresh := fs
	if syntax {
		// A half-typed record: show the syntax error where it is, and keep
		// what the last good parse found elsewhere rather than flash it
		// away on every keystroke.
		seen := map[string]bool{}
		for _, f := range fs {
			seen[findingKey(f)] = true
		}
		for _, f := range d.good {
			if !seen[findingKey(f)] {
				fs = append(fs, f)
			}
		}
	} else {
		d.good = fresh
	}
	d.findings = fs
	s.settled(d)

	var notice string
	for _, n := range run.Notifications {
		notice += n.Message + "\n"
	}
	if notice != "" && notice != d.lastNotice {
		s.notify("window/logMessage", logMessageParams{Type: messageError, Message: "artlint: " + d.path + ": " + notice})
	}
	d.lastNotice = notice

	v := d.version
	s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: d.uri, Version: &v, Diagnostics: s.diagnostics(d)})
}

// settled marks the current version as linted and wakes the code
// actions waiting for it.
func (s *Server) settled(d *document) {
	d.linted, d.hasLinted = d.version, true
	for _, w := range d.waiters {
		close(w)
	}
	d.waiters = nil
}

func findingKey(f report.Finding) string {
	return fmt.Sprintf("%s\x00%d\x00%d\x00%s", f.RuleID, f.Location.Span.Start, f.Location.Span.End, f.Message)
}

// shiftFindings moves findings over an edit, dropping those it touched.
func shiftFindings(fs []report.Finding, start, end, n int) []report.Finding {
	if len(fs) == 0 {
		return fs
	}
	out := make([]report.Finding, 0, len(fs))
next:
	for _, f := range fs {
		var ok bool
		if f.Location.Span, ok = shiftSpan(f.Location.Span, start, end, n); !ok {
			continue
		}
		related := make([]report.Location, 0, len(f.Related))
		for _, r := range f.Related {
			if r.Span, ok = shiftSpan(r.Span, start, end, n); ok {
				related = append(related, r)
			}
		}
		f.Related = related
		fixes := make([]report.Fix, 0, len(f.Fixes))
		for _, fx := range f.Fixes {
			edits := make([]report.Edit, len(fx.Edits))
			for i, e := range fx.Edits {
				if e.Location.Span, ok = shiftSpan(e.Location.Span, start, end, n); !ok {
					continue next
				}
				edits[i] = e
			}
			fx.Edits = edits
			fixes = append(fixes, fx)
		}
		f.Fixes = fixes
		out = append(out, f)
	}
	return out
}

func severity(l rules.Level) int {
	switch l {
	case rules.LevelError:
		return severityError
	case rules.LevelWarning:
		return severityWarning
	}
	return severityInformation
}

// diagnostics converts the document's findings for the current text.
func (s *Server) diagnostics(d *document) []Diagnostic {
	p := &positioner{t: d.text, enc: s.enc}
	out := make([]Diagnostic, 0, len(d.findings))
	for _, f := range d.findings {
		out = append(out, s.diagnostic(d, p, f))
	}
	return out
}

func (s *Server) diagnostic(d *document, p *positioner, f report.Finding) Diagnostic {
	diag := Diagnostic{
		Range:    p.rng(f.Location.Span),
		Severity: severity(f.Level),
		Code:     f.RuleID,
		Source:   "artlint",
		Message:  f.Message,
		Data:     &diagnosticData{Fingerprint: f.Fingerprint, Version: d.version, Pointer: f.Location.Pointer},
	}
	if s.opts.RuleURL != nil {
		if href := s.opts.RuleURL(f.RuleID); href != "" {
			diag.CodeDescription = &codeDescription{Href: href}
		}
	}
	for _, r := range f.Related {
		diag.RelatedInformation = append(diag.RelatedInformation, diagnosticRelatedInformation{
			Location: Location{URI: d.uri, Range: p.rng(r.Span)}, Message: r.Message,
		})
	}
	for _, fx := range f.Fixes {
		fd := fixData{Title: fx.Description}
		for _, e := range fx.Edits {
			fd.Edits = append(fd.Edits, TextEdit{Range: p.rng(e.Location.Span), NewText: e.NewText})
		}
		diag.Data.Fixes = append(diag.Data.Fixes, fd)
	}
	return diag
}

// acceptConfig publishes a configuration document's own problems.
func (s *Server) acceptConfig(d *document, es ConfigErrors) {
	d.findings, d.good = nil, nil
	s.settled(d)
	diags := []Diagnostic{}
	for _, e := range es {
		diags = append(diags, s.configDiagnostic(d.text, e))
	}
	v := d.version
	s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: d.uri, Version: &v, Diagnostics: diags})
}

// publishConfigErrors shows a broken configuration where it is (on the
// configuration file, open or not) and, on the document it keeps from
// being linted, one diagnostic that says so.
func (s *Server) publishConfigErrors(d *document, es ConfigErrors) {
	d.findings = nil
	s.settled(d)
	byURI := map[string][]Diagnostic{}
	var related []diagnosticRelatedInformation
	for _, e := range es {
		if e.Path == "" {
			continue
		}
		uri := pathToURI(e.Path)
		var t *text
		if od := s.docs[uri]; od != nil {
			t = od.text
		} else if data, err := os.ReadFile(e.Path); err == nil {
			t = newText(data)
		} else {
			t = newText(nil)
		}
		diag := s.configDiagnostic(t, e)
		byURI[uri] = append(byURI[uri], diag)
		related = append(related, diagnosticRelatedInformation{Location: Location{URI: uri, Range: diag.Range}, Message: e.Message})
	}
	for uri, diags := range byURI {
		if od := s.docs[uri]; od != nil && s.isConfig(od.path) {
			continue // an open configuration shows its own problems
		}
		s.configURIs[uri] = true
		s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Diagnostics: diags})
	}
	v := d.version
	s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: d.uri, Version: &v, Diagnostics: []Diagnostic{{
		Severity: severityError, Code: "config", Source: "artlint",
		Message:            fmt.Sprintf("not linted: the configuration has %d problem(s); the first: %s", len(es), es[0].Message),
		RelatedInformation: related,
	}}})
}

func (s *Server) configDiagnostic(t *text, e ConfigError) Diagnostic {
	r := Range{}
	if e.Line > 0 {
		off, _ := t.offset(Position{Line: e.Line - 1, Character: max(e.Column-1, 0)}, encUTF16)
		p := &positioner{t: t, enc: s.enc}
		r = Range{Start: p.pos(off), End: p.pos(off)}
	}
	return Diagnostic{Range: r, Severity: severityError, Code: "config", Source: "artlint", Message: e.Message}
}
