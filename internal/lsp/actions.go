package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/artlint/artlint/internal/load"
	"github.com/artlint/artlint/internal/report"
	"github.com/artlint/artlint/rules"
)

// codeActionWait bounds how long a code action waits for the lint of the
// current text; after it, the findings of the last lint (moved over the
// edits since) are used.
const codeActionWait = 2 * time.Second

const ignoreReason = "TODO: say why"

func (s *Server) codeAction(ctx context.Context, p *codeActionParams) result {
	uri := p.TextDocument.URI
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil {
		s.mu.Unlock()
		return result{value: []CodeAction{}}
	}
	if !d.hasLinted || d.linted != d.version {
		// Wait for the lint of the text the client sees, so that the
		// fixes are about it.
		ch := make(chan struct{})
		d.waiters = append(d.waiters, ch)
		s.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return result{err: &rpcError{codeRequestCancelled, "request cancelled"}}
		case <-time.After(codeActionWait):
		}
		s.mu.Lock()
		if s.docs[uri] != d {
			s.mu.Unlock()
			return result{err: &rpcError{codeContentModified, "the document was closed"}}
		}
	}
	defer s.mu.Unlock()
	if len(p.Context.Only) > 0 {
		quick := false
		for _, k := range p.Context.Only {
			if k == "quickfix" || k == "" {
				quick = true
			}
		}
		if !quick {
			return result{value: []CodeAction{}}
		}
	}
	start, err := d.text.offset(p.Range.Start, s.enc)
	if err != nil {
		return invalidParams(err)
	}
	end, err := d.text.offset(p.Range.End, s.enc)
	if err != nil {
		return invalidParams(err)
	}
	pos := &positioner{t: d.text, enc: s.enc}
	var parsed *load.Result
	actions := []CodeAction{}
	for _, f := range d.findings {
		sp := f.Location.Span
		if sp.Start > end || sp.End < start {
			continue
		}
		diag := s.diagnostic(d, pos, f)
		for i, fx := range f.Fixes {
			var edits []TextEdit
			for _, e := range fx.Edits {
				edits = append(edits, TextEdit{Range: pos.rng(e.Location.Span), NewText: e.NewText})
			}
			actions = append(actions, CodeAction{
				Title: fx.Description, Kind: "quickfix", Diagnostics: []Diagnostic{diag},
				IsPreferred: i == 0, Edit: s.edit(d, edits),
			})
		}
		if f.RuleID == "syntax" {
			continue
		}
		if parsed == nil {
			r := load.Parse(rules.NewFile(d.path, d.text.b, formatOf(d.path, d.languageID, d.text.b)), load.Limits{})
			parsed = &r
		}
		if title, e, ok := disableEdit(d, parsed, f); ok {
			actions = append(actions, CodeAction{
				Title: title, Kind: "quickfix", Diagnostics: []Diagnostic{diag},
				Edit: s.edit(d, []TextEdit{{Range: pos.rng(e.span), NewText: e.text}}),
			})
		}
	}
	return result{value: actions}
}

// edit wraps text edits for the client: versioned when it accepts
// documentChanges, so that an edit for an older text is refused.
func (s *Server) edit(d *document, edits []TextEdit) *workspaceEdit {
	if s.docChanges {
		return &workspaceEdit{DocumentChanges: []textDocumentEdit{{
			TextDocument: versionedTextDocumentIdentifier{URI: d.uri, Version: d.version}, Edits: edits,
		}}}
	}
	return &workspaceEdit{Changes: map[string][]TextEdit{d.uri: edits}}
}

type insertion struct {
	span rules.Span
	text string
}

// disableEdit builds "disable this rule here": for YAML a
// `# artlint-disable-next-line RULE -- reason` line above the finding's
// line; for JSON and NDJSON an entry {rule, pointer, reason} in the
// record's x.artlint.ignore list.
func disableEdit(d *document, parsed *load.Result, f report.Finding) (string, insertion, bool) {
	b := d.text.b
	sp := f.Location.Span
	var rec *rules.Record
	for _, r := range parsed.Records {
		if r.Root.Span.Start <= sp.Start && sp.End <= r.Root.Span.End {
			rec = r
		}
	}
	if rec == nil {
		return "", insertion{}, false
	}
	if rec.File.Format == rules.FormatYAML {
		line := lineOf(d.text.starts, sp.Start)
		// A comment line inside a multi-line scalar would become text:
		// the comment only when the value starts on the finding's line,
		// else an x.artlint.ignore entry.
		if n := rec.Root.Lookup(f.Location.Pointer); f.Location.Pointer == "" || n == nil || lineOf(d.text.starts, n.Span.Start) != line {
			return yamlIgnore(d, rec, f)
		}
		ls := d.text.starts[line]
		indent := leadingSpace(b[ls:])
		eol := "\n"
		if e := d.text.lineEnd(line); e+1 < len(b) && b[e] == '\r' && b[e+1] == '\n' {
			eol = "\r\n"
		}
		return fmt.Sprintf("Disable %s on the next line", f.RuleID),
			insertion{rules.Span{Start: ls, End: ls}, fmt.Sprintf("%s# artlint-disable-next-line %s -- %s%s", indent, f.RuleID, ignoreReason, eol)}, true
	}
	if f.Location.Pointer == "" {
		return "", insertion{}, false
	}
	entry := compactJSON(map[string]string{"rule": f.RuleID, "pointer": f.Location.Pointer, "reason": ignoreReason})
	// NDJSON records live on one line: keep the insertion on it.
	oneLine := rec.File.Format == rules.FormatNDJSON
	title := fmt.Sprintf("Disable %s for %s (x.artlint.ignore)", f.RuleID, f.Location.Pointer)
	root := rec.Root
	if root.Kind != rules.Object {
		return "", insertion{}, false
	}
	x := root.Get("x")
	if x == nil {
		return title, addMember(b, root, `"x": {"artlint": {"ignore": [`+entry+`]}}`, oneLine), true
	}
	if x.Kind != rules.Object {
		return "", insertion{}, false
	}
	a := x.Get("artlint")
	if a == nil {
		return title, addMember(b, x, `"artlint": {"ignore": [`+entry+`]}`, oneLine), true
	}
	if a.Kind != rules.Object {
		return "", insertion{}, false
	}
	ig := a.Get("ignore")
	if ig == nil {
		return title, addMember(b, a, `"ignore": [`+entry+`]`, oneLine), true
	}
	if ig.Kind != rules.Array {
		return "", insertion{}, false
	}
	if k := len(ig.Items); k > 0 {
		at := ig.Items[k-1].Span.End
		return title, insertion{rules.Span{Start: at, End: at}, ", " + entry}, true
	}
	at := ig.Span.Start + 1
	return title, insertion{rules.Span{Start: at, End: at}, entry}, true
}

// addMember inserts a member at the end of an object, on its own line with
// the indentation of the last member when the object is laid out that way.
func addMember(b []byte, obj *rules.Node, member string, oneLine bool) insertion {
	if len(obj.Fields) == 0 {
		at := obj.Span.Start + 1
		return insertion{rules.Span{Start: at, End: at}, member}
	}
	last := obj.Fields[len(obj.Fields)-1]
	at := last.Value.Span.End
	sep := " "
	if !oneLine {
		ls := bytes.LastIndexAny(b[:last.KeySpan.Start], "\r\n") + 1
		if indent := b[ls:last.KeySpan.Start]; len(bytes.TrimLeft(indent, " \t")) == 0 {
			eol := "\n"
			if ls >= 2 && b[ls-2] == '\r' {
				eol = "\r\n"
			}
			sep = eol + string(indent)
		}
	}
	return insertion{rules.Span{Start: at, End: at}, "," + sep + member}
}

func compactJSON(m map[string]string) string {
	// Fixed key order, so the inserted text reads rule, pointer, reason.
	var sb strings.Builder
	sb.WriteByte('{')
	for i, k := range []string{"rule", "pointer", "reason"} {
		if i > 0 {
			sb.WriteString(", ")
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(m[k])
		fmt.Fprintf(&sb, "%q: %s", k, strings.TrimSpace(buf.String()))
	}
	sb.WriteByte('}')
	return sb.String()
}

func leadingSpace(b []byte) string {
	i := 0
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	return string(b[:i])
}

// lineOf is the 0-based line holding offset off.
func lineOf(starts []int, off int) int {
	lo, hi := 0, len(starts)
	for lo < hi {
		m := (lo + hi) / 2
		if starts[m] > off {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo - 1
}

// yamlIgnore adds `x: {artlint: {ignore: [entry]}}` at the end of a YAML
// record whose root is a block mapping without x (a record that has x is
// left to the writer: its layout could be anything).
func yamlIgnore(d *document, rec *rules.Record, f report.Finding) (string, insertion, bool) {
	b, root := d.text.b, rec.Root
	if f.Location.Pointer == "" || root.Kind != rules.Object || root.Get("x") != nil || len(root.Fields) == 0 {
		return "", insertion{}, false
	}
	first := root.Fields[0].KeySpan.Start
	if ls := d.text.starts[lineOf(d.text.starts, first)]; ls != first {
		return "", insertion{}, false // not a block mapping at column 0
	}
	end := root.Span.End
	for _, fl := range root.Fields {
		end = max(end, fl.Value.Span.End)
	}
	at, prefix := len(b), ""
	if line := lineOf(d.text.starts, max(end-1, 0)); line+1 < len(d.text.starts) {
		at = d.text.starts[line+1]
	} else if len(b) > 0 && b[len(b)-1] != '\n' {
		prefix = "\n"
	}
	entry := compactJSON(map[string]string{"rule": f.RuleID, "pointer": f.Location.Pointer, "reason": ignoreReason})
	return fmt.Sprintf("Disable %s for %s (x.artlint.ignore)", f.RuleID, f.Location.Pointer),
		insertion{rules.Span{Start: at, End: at}, prefix + "x:\n  artlint:\n    ignore:\n      - " + entry + "\n"}, true
}
