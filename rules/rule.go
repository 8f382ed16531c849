// Package rules is artlint's rule API: what a rule is, what it sees of a
// record, how it reports, and the registry of rules a run can use.
//
// A rule is a value, in the manner of golang.org/x/tools/go/analysis: its
// documentation sits beside its code and feeds `artlint rules`, SARIF
// tool.driver.rules, the README table and the language server. Shared
// analyses (sentences, quotations, numbers) are rules with Analysis set:
// they compute a result once per record and hand it on through
// Requires/ResultOf; they never report.
package rules

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
)

// Level is how serious a finding is. The names are SARIF's.
type Level int

const (
	LevelNone Level = iota
	LevelNote
	LevelWarning
	LevelError
)

func (l Level) String() string {
	switch l {
	case LevelNote:
		return "note"
	case LevelWarning:
		return "warning"
	case LevelError:
		return "error"
	}
	return "none"
}

// ParseLevel reads a level name; "info" is a synonym of "note" and "off" of
// "none".
func ParseLevel(s string) (Level, error) {
	switch strings.ToLower(s) {
	case "none", "off":
		return LevelNone, nil
	case "note", "info":
		return LevelNote, nil
	case "warning", "warn":
		return LevelWarning, nil
	case "error":
		return LevelError, nil
	}
	return LevelNone, fmt.Errorf("unknown level %q (want error, warning, info or off)", s)
}

// Rule is one check, or one shared analysis when Analysis is set.
type Rule struct {
	ID    string // kebab-case, stable: it is in baselines and suppressions
	Title string // one line, no final period
	// Doc is the full explanation in Markdown: what the rule checks, why,
	// and what it deliberately leaves alone.
	Doc string
	// Bad and Good are short examples a reader can compare.
	Bad, Good string
	Level     Level    // default level
	Tags      []string // e.g. "editorial", "typography"
	Languages []string // BCP 47 primary tags it understands; empty means any
	Since     string   // artlint version that introduced it
	// Options names the options the rule reads from Pass.Options, with a
	// line of documentation each; configuration may set only these.
	Options map[string]string

	// Requires lists analyses whose results Run reads from Pass.ResultOf.
	Requires []*Rule
	// ResultType is the type of the value an analysis returns.
	ResultType reflect.Type
	// Run checks one record. An analysis returns its result; a rule
	// returns nil. An error becomes a tool notification.
	Run func(*Pass) (any, error)
	// Analysis marks a shared analysis: never listed, never reports.
	Analysis bool
	// Release, if set, takes back a result of Run to reuse its memory for
	// a later record: ReleaseResults calls it once every rule has run on
	// the record. The result, and anything a rule took from it, must not
	// be used after.
	Release func(result any)
}

// ReleaseResults releases the results of a record's passes (see
// Rule.Release) once no rule will read them again, and empties results.
func ReleaseResults(results map[*Rule]any) {
	for r, result := range results {
		if r.Release != nil {
			r.Release(result)
		}
	}
	clear(results)
}

// AppliesTo reports whether the rule handles records in language lang.
func (r *Rule) AppliesTo(lang string) bool {
	if len(r.Languages) == 0 {
		return true
	}
	primary := strings.ToLower(lang)
	if i := strings.IndexAny(primary, "-_"); i >= 0 {
		primary = primary[:i]
	}
	for _, l := range r.Languages {
		if l == primary {
			return true
		}
	}
	return false
}

// Pass is what Run sees: one record, the results of the analyses it
// requires, and a way to report.
type Pass struct {
	Rule     *Rule
	Record   *Record
	ResultOf map[*Rule]any
	// Options are the rule's options from configuration, if any.
	Options map[string]any

	report func(Diagnostic)
}

// NewPass is used by the engine; rules receive passes, they don't make them.
func NewPass(rule *Rule, rec *Record, results map[*Rule]any, options map[string]any, report func(Diagnostic)) *Pass {
	return &Pass{Rule: rule, Record: rec, ResultOf: results, Options: options, report: report}
}

// Report records a finding.
func (p *Pass) Report(d Diagnostic) {
	if p.report != nil && !p.Rule.Analysis {
		p.report(d)
	}
}

// ReportText reports a finding on the decoded byte range [i, j) of a text.
func (p *Pass) ReportText(t Text, i, j int, format string, args ...any) {
	p.Report(Diagnostic{Span: t.Span(i, j), Pointer: t.Pointer(), Message: fmt.Sprintf(format, args...)})
}

// Diagnostic is a finding as a rule reports it; positions are file spans.
type Diagnostic struct {
	Span    Span
	Pointer string // JSON Pointer of the value the finding is in
	Message string
	Related []Related
	Fixes   []Fix
}

// Related is a second place that explains a finding.
type Related struct {
	Span    Span
	Pointer string
	Message string
}

// Fix is a suggested change: edits applied together.
type Fix struct {
	Description string
	Edits       []Edit
}

// Edit replaces a span of the file with new text, already written in the
// file's syntax (use Text.Edit for prose).
type Edit struct {
	Span    Span
	NewText string
}

// Edit builds an edit that replaces the decoded range [i, j) of the text
// with newText, escaped as the file needs it.
func (t Text) Edit(i, j int, newText string) Edit {
	return Edit{Span: t.Span(i, j), NewText: encodeFor(t.Node.Style, newText)}
}

func encodeFor(style Style, s string) string {
	switch style {
	case StyleJSON:
		return jsonEscaper.Replace(s)
	case StyleDoubleQuoted:
		return yamlDoubleEscaper.Replace(s)
	case StyleSingleQuoted:
		return yamlSingleEscaper.Replace(s)
	}
	return s
}

// The escapers are built once: a Replacer is safe for concurrent use, and
// building one per edit was a fifth of the rules' allocations.
var (
	jsonEscaper       = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`, "\r", `\r`)
	yamlDoubleEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`)
	yamlSingleEscaper = strings.NewReplacer(`'`, `''`)
)

var registry = struct {
	sync.Mutex
	byID map[string]*Rule
}{byID: map[string]*Rule{}}

// Register adds rules to the registry. A custom binary calls it (usually in
// init) before handing over to artlint's CLI. It panics on a duplicate or
// malformed id, since that is a programming error.
func Register(rs ...*Rule) {
	registry.Lock()
	defer registry.Unlock()
	for _, r := range rs {
		if err := validate(r); err != nil {
			panic(err)
		}
		if _, dup := registry.byID[r.ID]; dup {
			panic(fmt.Sprintf("rules: rule %q registered twice", r.ID))
		}
		registry.byID[r.ID] = r
	}
}

func validate(r *Rule) error {
	if r.ID == "" || strings.Trim(r.ID, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
		return fmt.Errorf("rules: id %q must be kebab-case", r.ID)
	}
	if r.Run == nil {
		return fmt.Errorf("rules: rule %q has no Run", r.ID)
	}
	if !r.Analysis && (r.Title == "" || r.Doc == "") {
		return fmt.Errorf("rules: rule %q needs a Title and a Doc", r.ID)
	}
	return nil
}

// All returns the registered rules that report findings, sorted by id.
func All() []*Rule {
	registry.Lock()
	defer registry.Unlock()
	out := make([]*Rule, 0, len(registry.byID))
	for _, r := range registry.byID {
		if !r.Analysis {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Lookup finds a registered rule by id.
func Lookup(id string) (*Rule, bool) {
	registry.Lock()
	defer registry.Unlock()
	r, ok := registry.byID[id]
	return r, ok && !r.Analysis
}

// Order returns rs and every analysis they require, each once, dependencies
// first, in a fixed order.
func Order(rs []*Rule) []*Rule {
	var out []*Rule
	seen := map[*Rule]bool{}
	var visit func(r *Rule)
	visit = func(r *Rule) {
		if seen[r] {
			return
		}
		seen[r] = true
		for _, req := range r.Requires {
			visit(req)
		}
		out = append(out, r)
	}
	for _, r := range rs {
		visit(r)
	}
	return out
}
