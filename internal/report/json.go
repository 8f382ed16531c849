package report

import (
	"encoding/json"
	"io"
)

// WriteJSON writes the run as artlint's own JSON, for scripts. The shape is
// stable: fields are only ever added. Every key is always present (lists
// are [] rather than null, unknown numbers 0, absent strings ""), so a
// consumer never has to test for existence:
//
//	{
//	  "tool": {"name": "artlint", "version": "1.2.0"},
//	  "findings": [{
//	    "rule": "stated-count",            // rule id
//	    "level": "error",                  // "error", "warning", "note" or "none"
//	    "message": "…",
//	    "path": "testdata/a.json",         // slash-separated
//	    "line": 3, "column": 15,           // 1-based; columns in UTF-16 code units
//	    "endLine": 3, "endColumn": 40,     // end column is exclusive
//	    "offset": 120, "endOffset": 160,   // byte offsets in the file, end exclusive
//	    "pointer": "/body/2",              // JSON Pointer of the value, "" for the file
//	    "fingerprint": "…",                // stable across unrelated edits
//	    "related": [{"path", "line", "column", "endLine", "endColumn",
//	                 "offset", "endOffset", "pointer", "message"}],
//	    "fixes": [{"description": "…",
//	               "edits": [{"path", "line", "column", "endLine", "endColumn",
//	                          "offset", "endOffset", "newText"}]}],
//	    "suppressed": false,               // suppressed or unchanged since the baseline
//	    "suppressions": [{"kind": "inSource", "justification": "…"}],
//	    "baselineState": ""                // "", "new", "unchanged" or "absent"
//	  }],
//	  "notifications": [{"level", "message", "path", "rule", "line", "column"}],
//	  "summary": {"files", "records", "errors", "warnings", "notes", "suppressed"}
//	}
//
// The summary counts as the text format does: suppressed findings and those
// unchanged since the baseline go to "suppressed"; findings the baseline
// had and this run no longer finds ("absent") count nowhere.
func WriteJSON(w io.Writer, run *Run, tool Tool) error {
	out := jsonRun{
		Tool:          jsonTool{Name: tool.Name, Version: tool.Version},
		Findings:      make([]jsonFinding, 0, len(run.Findings)),
		Notifications: make([]jsonNotification, 0, len(run.Notifications)),
	}
	for i := range run.Findings {
		f := &run.Findings[i]
		jf := jsonFinding{
			Rule:          f.RuleID,
			Level:         f.Level.String(),
			Message:       f.Message,
			jsonRange:     jsonRangeOf(f.Location),
			Pointer:       f.Location.Pointer,
			Fingerprint:   f.Fingerprint,
			Related:       make([]jsonRelated, 0, len(f.Related)),
			Fixes:         make([]jsonFix, 0, len(f.Fixes)),
			Suppressed:    isSuppressed(f),
			Suppressions:  make([]jsonSuppression, 0, len(f.Suppressions)),
			BaselineState: f.BaselineState,
		}
		for _, r := range f.Related {
			jf.Related = append(jf.Related, jsonRelated{jsonRange: jsonRangeOf(r), Pointer: r.Pointer, Message: r.Message})
		}
		for _, fx := range f.Fixes {
			jfx := jsonFix{Description: fx.Description, Edits: make([]jsonEdit, 0, len(fx.Edits))}
			for _, e := range fx.Edits {
				jfx.Edits = append(jfx.Edits, jsonEdit{jsonRange: jsonRangeOf(e.Location), NewText: e.NewText})
			}
			jf.Fixes = append(jf.Fixes, jfx)
		}
		for _, s := range f.Suppressions {
			jf.Suppressions = append(jf.Suppressions, jsonSuppression(s))
		}
		out.Findings = append(out.Findings, jf)
	}
	for _, n := range run.Notifications {
		out.Notifications = append(out.Notifications, jsonNotification{
			Level: n.Level.String(), Message: n.Message, Path: n.Path, Rule: n.RuleID, Line: n.Line, Column: n.Column,
		})
	}
	s := summarize(run)
	out.Summary = jsonSummary{
		Files: run.Files, Records: run.Records,
		Errors: s.Errors, Warnings: s.Warnings, Notes: s.Notes, Suppressed: s.Suppressed,
	}
	return encodeJSON(w, out)
}

// encodeJSON writes v indented, with a trailing newline, leaving <, > and &
// alone: the output is read by programs and people, not pasted into HTML.
func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

type jsonRun struct {
	Tool          jsonTool           `json:"tool"`
	Findings      []jsonFinding      `json:"findings"`
	Notifications []jsonNotification `json:"notifications"`
	Summary       jsonSummary        `json:"summary"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// jsonRange is embedded so its fields sit flat in the object.
type jsonRange struct {
	Path      string `json:"path"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Offset    int    `json:"offset"`
	EndOffset int    `json:"endOffset"`
}

func jsonRangeOf(l Location) jsonRange {
	return jsonRange{
		Path: l.Path, Line: l.Line, Column: l.Column, EndLine: l.EndLine, EndColumn: l.EndColumn,
		Offset: l.Span.Start, EndOffset: l.Span.End,
	}
}

type jsonFinding struct {
	Rule    string `json:"rule"`
	Level   string `json:"level"`
	Message string `json:"message"`
	jsonRange
	Pointer       string            `json:"pointer"`
	Fingerprint   string            `json:"fingerprint"`
	Related       []jsonRelated     `json:"related"`
	Fixes         []jsonFix         `json:"fixes"`
	Suppressed    bool              `json:"suppressed"`
	Suppressions  []jsonSuppression `json:"suppressions"`
	BaselineState string            `json:"baselineState"`
}

type jsonRelated struct {
	jsonRange
	Pointer string `json:"pointer"`
	Message string `json:"message"`
}

type jsonFix struct {
	Description string     `json:"description"`
	Edits       []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	jsonRange
	NewText string `json:"newText"`
}

type jsonSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification"`
}

type jsonNotification struct {
	Level   string `json:"level"`
	Message string `json:"message"`
	Path    string `json:"path"`
	Rule    string `json:"rule"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
}

type jsonSummary struct {
	Files      int `json:"files"`
	Records    int `json:"records"`
	Errors     int `json:"errors"`
	Warnings   int `json:"warnings"`
	Notes      int `json:"notes"`
	Suppressed int `json:"suppressed"`
}
