// Package report holds a run's results in a form every output format
// shares, and writes them as text, JSON and SARIF.
package report

import (
	"sort"

	"github.com/artlint/artlint/rules"
)

// Location is a place in a file, resolved to lines and UTF-16 columns
// (1-based), with the byte span kept for fixes and fingerprints.
type Location struct {
	Path      string // slash-separated, relative to the working directory when inside it
	Line      int
	Column    int
	EndLine   int
	EndColumn int
	Span      rules.Span
	Pointer   string // JSON Pointer of the value, "" for the whole file
	Snippet   string // the text of the region
	Message   string // for related locations: what this place is
}

// Edit is a fix's text edit, located.
type Edit struct {
	Location Location
	NewText  string
}

// Fix is a suggested change.
type Fix struct {
	Description string
	Edits       []Edit
}

// Suppression says why a finding does not count.
type Suppression struct {
	Kind          string // "inSource" or "external"
	Justification string
}

// Finding is one result.
type Finding struct {
	RuleID   string
	Level    rules.Level
	Message  string
	Location Location
	Related  []Location
	Fixes    []Fix
	// Fingerprint identifies the finding across edits elsewhere in the file:
	// rule, file, pointer and the words it points at, not line numbers.
	Fingerprint  string
	Suppressions []Suppression
	// BaselineState is "", "new", "unchanged" or "absent" when a baseline
	// was given.
	BaselineState string
}

// Notification is something the tool itself has to say: an unreadable
// file, a rule that panicked.
type Notification struct {
	Level   rules.Level
	Message string
	Path    string // may be empty
	RuleID  string // the rule concerned, if any
	Line    int    // 0 when not located
	Column  int
}

// Run is everything one invocation produced.
type Run struct {
	Rules         []*rules.Rule // the rules that ran, sorted by id
	Findings      []Finding
	Notifications []Notification
	// Success is false when the tool could not do what it was asked
	// (an input could not be read, a rule failed).
	Success bool
	// Files is the number of files read, Records the number of records.
	Files, Records int
	// Sources holds what was linted, by displayed path, for --fix; no
	// format writes it.
	Sources map[string]Source
}

// Source is a linted file's content as it was read.
type Source struct {
	Path    string // the path to open (Location.Path is for display)
	Content []byte
	Format  rules.Format
	Stdin   bool
}

// Sort puts findings in the order every format uses: file, line, column,
// rule, message.
func (r *Run) Sort() {
	sort.SliceStable(r.Findings, func(i, j int) bool {
		a, b := &r.Findings[i], &r.Findings[j]
		if a.Location.Path != b.Location.Path {
			return a.Location.Path < b.Location.Path
		}
		if a.Location.Line != b.Location.Line {
			return a.Location.Line < b.Location.Line
		}
		if a.Location.Column != b.Location.Column {
			return a.Location.Column < b.Location.Column
		}
		if a.RuleID != b.RuleID {
			return a.RuleID < b.RuleID
		}
		return a.Message < b.Message
	})
	sort.SliceStable(r.Notifications, func(i, j int) bool {
		a, b := r.Notifications[i], r.Notifications[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Line < b.Line
	})
}

// Counts returns how many unsuppressed findings there are per level.
func (r *Run) Counts() map[rules.Level]int {
	c := map[rules.Level]int{}
	for _, f := range r.Findings {
		if len(f.Suppressions) == 0 && f.BaselineState != "unchanged" && f.BaselineState != "absent" {
			c[f.Level]++
		}
	}
	return c
}

// Tool describes artlint for output formats.
type Tool struct {
	Name           string
	Version        string
	InformationURI string
	// RuleURI gives the page documenting a rule, or "" when it has none
	// (a pattern rule from a configuration, a rule of a custom binary).
	RuleURI func(id string) string
}
