// Package baseline reads and writes baselines: the findings a team has
// accepted for now, so that only new ones fail a run. A baseline is either
// an earlier SARIF log of artlint's, or the small file `artlint baseline
// write` produces:
//
//	{
//	  "artlintBaseline": 1,
//	  "findings": [
//	    {"rule": "typography", "path": "articles/otan.json", "fingerprint": "3f…", "message": "…"},
//	    …
//	  ]
//	}
//
// one finding per line, sorted by path, rule, message and fingerprint, so
// that a reviewer reads its diff as findings accepted or fixed. Findings
// are matched by fingerprint only; the rest is for people.
package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"sort"

	"github.com/artlint/artlint/internal/report"
	"github.com/artlint/artlint/rules"
)

// Version is the baseline file format this artlint writes and reads.
const Version = 1

// Entry is one accepted finding.
type Entry struct {
	Rule        string `json:"rule"`
	Path        string `json:"path"`
	Fingerprint string `json:"fingerprint"`
	Message     string `json:"message"`

	// From a SARIF baseline only: where the finding was, and its level, for
	// listing it as absent.
	level                            rules.Level
	line, column, endLine, endColumn int
}

// Baseline is a set of accepted findings.
type Baseline struct {
	Entries []Entry
}

// Error is a baseline that cannot be used, located when it is not
// well-formed JSON.
type Error struct {
	Path         string
	Line, Column int // 0 when not located
	Msg          string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Msg)
	}
	return e.Path + ": " + e.Msg
}

// Read reads a baseline file or a SARIF log. Errors are *Error.
func Read(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &Error{Path: path, Msg: "cannot read the baseline: " + err.Error()}
	}
	b, err := Parse(data)
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			e.Path = path
			return nil, e
		}
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	return b, nil
}

// Parse reads a baseline from its content.
func Parse(data []byte) (*Baseline, error) {
	var doc struct {
		ArtlintBaseline *int       `json:"artlintBaseline"`
		Findings        []Entry    `json:"findings"`
		Runs            []sarifRun `json:"runs"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, located(data, err)
	}
	switch {
	case doc.ArtlintBaseline != nil:
		if *doc.ArtlintBaseline != Version {
			return nil, fmt.Errorf("baseline format version %d; this artlint reads version %d", *doc.ArtlintBaseline, Version)
		}
		for i, e := range doc.Findings {
			if e.Fingerprint == "" {
				return nil, fmt.Errorf("findings[%d] has no fingerprint", i)
			}
		}
		return &Baseline{Entries: doc.Findings}, nil
	case doc.Runs != nil:
		return fromSARIF(doc.Runs)
	}
	return nil, errors.New("neither an artlint baseline (\"artlintBaseline\": 1) nor a SARIF log (\"runs\")")
}

// located turns a JSON decoding error into an *Error with the line and
// column (UTF-16 code units, as everywhere in artlint) where decoding
// stopped.
func located(data []byte, err error) error {
	off := -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = int(se.Offset)
	case errors.As(err, &te):
		off = int(te.Offset)
	}
	if off < 0 {
		return &Error{Msg: "not a baseline: " + err.Error()}
	}
	off = min(max(off-1, 0), len(data))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := rules.UTF16Len(data[bytes.LastIndexByte(data[:off], '\n')+1:off]) + 1
	return &Error{Line: line, Column: col, Msg: "not a baseline: " + err.Error()}
}

type sarifRun struct {
	Results []struct {
		RuleID              string                `json:"ruleId"`
		Level               string                `json:"level"`
		Message             struct{ Text string } `json:"message"`
		PartialFingerprints map[string]string     `json:"partialFingerprints"`
		BaselineState       string                `json:"baselineState"`
		Suppressions        []json.RawMessage     `json:"suppressions"`
		Locations           []struct {
			PhysicalLocation struct {
				ArtifactLocation struct {
					URI       string `json:"uri"`
					URIBaseID string `json:"uriBaseId"`
				} `json:"artifactLocation"`
				Region struct {
					StartLine, StartColumn, EndLine, EndColumn int
				} `json:"region"`
			} `json:"physicalLocation"`
		} `json:"locations"`
	} `json:"results"`
}

// fromSARIF reads the results of artlint's SARIF. Results that were
// suppressed, or absent already, were not findings of that run.
func fromSARIF(runs []sarifRun) (*Baseline, error) {
	b := &Baseline{Entries: []Entry{}}
	results := 0
	for _, run := range runs {
		for _, r := range run.Results {
			results++
			fp := r.PartialFingerprints[report.FingerprintKey]
			if fp == "" || r.BaselineState == "absent" || len(r.Suppressions) > 0 {
				continue
			}
			e := Entry{Rule: r.RuleID, Fingerprint: fp, Message: r.Message.Text, level: sarifLevel(r.Level)}
			if len(r.Locations) > 0 {
				pl := r.Locations[0].PhysicalLocation
				e.Path = uriPath(pl.ArtifactLocation.URI)
				e.line, e.column = pl.Region.StartLine, pl.Region.StartColumn
				e.endLine, e.endColumn = pl.Region.EndLine, pl.Region.EndColumn
			}
			b.Entries = append(b.Entries, e)
		}
	}
	if results > 0 && len(b.Entries) == 0 {
		return nil, fmt.Errorf("none of the SARIF log's %d results has an %q fingerprint: was it written by artlint?", results, report.FingerprintKey)
	}
	return b, nil
}

func sarifLevel(s string) rules.Level {
	switch s {
	case "note":
		return rules.LevelNote
	case "error":
		return rules.LevelError
	case "none":
		return rules.LevelNone
	}
	return rules.LevelWarning // SARIF's default
}

// uriPath turns a SARIF artifact URI, relative to %SRCROOT% as artlint
// writes it, back into the displayed path.
func uriPath(uri string) string {
	if u, err := url.Parse(uri); err == nil && (u.Scheme == "" || u.Scheme == "file") {
		return u.Path
	}
	return uri
}

// Apply sets the baseline state of every finding of run: "unchanged" when
// its fingerprint is in the baseline, "new" otherwise. Baseline findings
// that this run no longer has are added as "absent", but only for files
// the run linted: a pre-commit run on two files says nothing about the
// others.
func (b *Baseline) Apply(run *report.Run) {
	left := map[string]int{}
	for _, e := range b.Entries {
		left[e.Fingerprint]++
	}
	for i := range run.Findings {
		f := &run.Findings[i]
		if f.BaselineState == "absent" {
			continue
		}
		if left[f.Fingerprint] > 0 {
			left[f.Fingerprint]--
			f.BaselineState = "unchanged"
		} else {
			f.BaselineState = "new"
		}
	}
	for _, e := range b.Entries {
		if left[e.Fingerprint] == 0 {
			continue
		}
		if _, linted := run.Sources[e.Path]; !linted {
			continue
		}
		left[e.Fingerprint]--
		lvl := e.level
		if lvl == rules.LevelNone {
			lvl = rules.LevelWarning
			if r, ok := rules.Lookup(e.Rule); ok && r.Level != rules.LevelNone {
				lvl = r.Level
			}
		}
		run.Findings = append(run.Findings, report.Finding{
			RuleID: e.Rule, Level: lvl, Message: e.Message, Fingerprint: e.Fingerprint, BaselineState: "absent",
			Location: report.Location{Path: e.Path, Line: e.line, Column: e.column, EndLine: e.endLine, EndColumn: e.endColumn},
		})
	}
	run.Sort()
}

// FromRun is the baseline of a run: its findings that count (suppressed
// and absent ones are left out), sorted.
func FromRun(run *report.Run) *Baseline {
	b := &Baseline{Entries: []Entry{}}
	for _, f := range run.Findings {
		if len(f.Suppressions) > 0 || f.BaselineState == "absent" || f.Fingerprint == "" {
			continue
		}
		b.Entries = append(b.Entries, Entry{Rule: f.RuleID, Path: f.Location.Path, Fingerprint: f.Fingerprint, Message: f.Message})
	}
	sort.Slice(b.Entries, func(i, j int) bool {
		x, y := b.Entries[i], b.Entries[j]
		if x.Path != y.Path {
			return x.Path < y.Path
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		if x.Message != y.Message {
			return x.Message < y.Message
		}
		return x.Fingerprint < y.Fingerprint
	})
	return b
}

// Write writes the baseline file, one finding per line.
func (b *Baseline) Write(w io.Writer) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "{\n  \"artlintBaseline\": %d,\n  \"findings\": [", Version)
	for i, e := range b.Entries {
		if i > 0 {
			buf.WriteByte(',')
		}
		fmt.Fprintf(&buf, "\n    {\"rule\": %s, \"path\": %s, \"fingerprint\": %s, \"message\": %s}",
			quote(e.Rule), quote(e.Path), quote(e.Fingerprint), quote(e.Message))
	}
	if len(b.Entries) > 0 {
		buf.WriteString("\n  ")
	}
	buf.WriteString("]\n}\n")
	_, err := w.Write(buf.Bytes())
	return err
}

// quote writes s as a JSON string, leaving <, > and & alone.
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

// String is for messages: "N findings".
func (b *Baseline) String() string {
	if len(b.Entries) == 1 {
		return "1 finding"
	}
	return fmt.Sprintf("%d findings", len(b.Entries))
}
