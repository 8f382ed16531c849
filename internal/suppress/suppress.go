// Package suppress applies in-source suppressions to a file's findings:
// the x.artlint member of a record (disable a rule for the whole record,
// or ignore it at one JSON Pointer) and, in YAML, artlint-disable comments.
// Suppressed findings are kept and marked, as SARIF wants; a suppression
// that matches nothing is itself reported, so that stale ones get cleaned
// up.
package suppress

import (
	"fmt"
	"sort"
	"strings"

	"github.com/artlint/artlint/internal/report"
	"github.com/artlint/artlint/rules"
)

// Rule reports suppressions that match nothing, name an unknown rule, or
// are malformed. The engine produces its findings.
var Rule = &rules.Rule{
	ID:    "unused-suppression",
	Title: "Suppressions name a known rule and match a finding",
	Doc: "A record can silence findings with `x.artlint.disable: [rule-id, …]` (the whole record), " +
		"`x.artlint.ignore: [{rule, pointer, reason}]` (the value at `pointer` and everything below it; a `*` token matches any one array index or member name), " +
		"and, in YAML, a comment `# artlint-disable-next-line rule-id[, rule-id] -- reason` (findings that start on the next line that is neither blank nor a comment) " +
		"or a trailing `# artlint-disable-line rule-id -- reason` (findings that start on that line). " +
		"Suppressed findings stay in SARIF and JSON with their justification, but are not printed and do not fail the run.\n\n" +
		"This rule reports a suppression that no longer matches any finding, so that it does not silently hide the next real problem at that place; " +
		"a suppression of a rule that did not run on the record (switched off, or not for the record's language) is not reported. " +
		"It also reports unknown rule ids, unknown `artlint-` directives and malformed `x.artlint` members. " +
		"The finding is at the suppression itself: the array item, or the rule id in the comment.",
	Bad:   "x:\n  artlint:\n    disable: [typograpy]",
	Good:  "x:\n  artlint:\n    disable: [\"typography -- quotes are kept as the agency wrote them\"]",
	Level: rules.LevelWarning,
	Tags:  []string{"core"},
	Since: "0.1.0",
	Run:   func(*rules.Pass) (any, error) { return nil, nil },
}

func init() { rules.Register(Rule) }

// Problem is a finding of Rule, in Record (nil when outside every record).
// Suppressions is set when the record silences Rule itself.
type Problem struct {
	Record       *rules.Record
	Diag         rules.Diagnostic
	Suppressions []report.Suppression
}

type scope uint8

const (
	scopeRecord  scope = iota // x.artlint.disable
	scopePointer              // x.artlint.ignore
	scopeLine                 // a YAML comment
)

// directive is one rule id of one suppression.
type directive struct {
	scope   scope
	rule    string
	rec     *rules.Record
	pattern []string // scopePointer: the pointer's tokens, "*" for any
	ptr     string   // scopePointer: the pointer as written
	line    int      // scopeLine: the line it applies to, 0 for none
	reason  string
	where   string     // how the message names it
	span    rules.Span // where it is written
	pointer string     // JSON Pointer of where it is written, if in a record
	used    bool
}

// Ran says whether a rule ran on a record (rec is nil for a YAML comment
// outside every record). A suppression of a rule that did not run cannot
// be known to be unused.
type Ran func(rec *rules.Record, ruleID string) bool

// Apply marks the findings of file f that the suppressions in its records
// and comments match, and returns what is wrong with the suppressions.
// findings must all be in f.
func Apply(f *rules.File, recs []*rules.Record, findings []report.Finding, ran Ran) []Problem {
	var ds []*directive
	var probs []Problem
	for _, rec := range recs {
		d, p := fromRecord(rec)
		ds, probs = append(ds, d...), append(probs, p...)
	}
	if f.Format == rules.FormatYAML {
		d, p := fromComments(f, recs)
		ds, probs = append(ds, d...), append(probs, p...)
	}
	if len(ds) == 0 && len(probs) == 0 {
		return nil
	}
	var known, self []*directive
	for _, d := range ds {
		switch r, ok := rules.Lookup(d.rule); {
		case !ok:
			probs = append(probs, Problem{Record: d.rec, Diag: rules.Diagnostic{Span: d.span, Pointer: d.pointer,
				Message: fmt.Sprintf("%s: unknown rule %q", d.where, d.rule)}})
		case r == Rule:
			self = append(self, d)
		default:
			known = append(known, d)
		}
	}
	for i := range findings {
		fd := &findings[i]
		rec := recordAt(recs, fd.Location.Span.Start)
		for _, d := range known {
			if d.matches(fd.RuleID, rec, fd.Location.Pointer, fd.Location.Line) {
				d.used = true
				fd.Suppressions = append(fd.Suppressions, report.Suppression{Kind: "inSource", Justification: d.reason})
			}
		}
	}
	for _, d := range known {
		if !d.used && ran(d.rec, d.rule) {
			probs = append(probs, Problem{Record: d.rec, Diag: rules.Diagnostic{Span: d.span, Pointer: d.pointer, Message: d.unusedMessage()}})
		}
	}
	// A record may silence this rule too; those suppressions are checked
	// against the problems found so far.
	for i := range probs {
		p := &probs[i]
		line, _ := f.Position(p.Diag.Span.Start)
		for _, d := range self {
			if d.matches(Rule.ID, p.Record, p.Diag.Pointer, line) {
				d.used = true
				p.Suppressions = append(p.Suppressions, report.Suppression{Kind: "inSource", Justification: d.reason})
			}
		}
	}
	for _, d := range self {
		if !d.used && ran(d.rec, d.rule) {
			probs = append(probs, Problem{Record: d.rec, Diag: rules.Diagnostic{Span: d.span, Pointer: d.pointer, Message: d.unusedMessage()}})
		}
	}
	return probs
}

func (d *directive) matches(ruleID string, rec *rules.Record, pointer string, line int) bool {
	if d.rule != ruleID {
		return false
	}
	switch d.scope {
	case scopeRecord:
		return rec != nil && rec == d.rec
	case scopePointer:
		return rec != nil && rec == d.rec && below(pointer, d.pattern)
	}
	return d.line > 0 && line == d.line
}

func (d *directive) unusedMessage() string {
	switch d.scope {
	case scopeRecord:
		return fmt.Sprintf("%s: %s reports nothing in this record; remove the suppression", d.where, d.rule)
	case scopePointer:
		if !strings.Contains(d.ptr, "*") && d.rec.Root.Lookup(d.ptr) == nil {
			return fmt.Sprintf("%s: %s names no value of this record", d.where, d.ptr)
		}
		return fmt.Sprintf("%s: %s reports nothing at %s; remove the suppression", d.where, d.rule, d.ptr)
	}
	if d.line == 0 {
		return fmt.Sprintf("%s: no line follows the comment", d.where)
	}
	return fmt.Sprintf("%s: %s reports nothing on line %d; remove the suppression", d.where, d.rule, d.line)
}

// below reports whether pointer names the value pattern names or one
// inside it.
func below(pointer string, pattern []string) bool {
	toks := tokens(pointer)
	if len(toks) < len(pattern) {
		return false
	}
	for i, p := range pattern {
		if p != "*" && p != toks[i] {
			return false
		}
	}
	return true
}

func tokens(pointer string) []string {
	if pointer == "" {
		return nil
	}
	return strings.Split(pointer[1:], "/")
}

// recordAt is the record whose root value holds offset off.
func recordAt(recs []*rules.Record, off int) *rules.Record {
	i := sort.Search(len(recs), func(i int) bool { return recs[i].Root.Span.End >= off })
	if i < len(recs) && recs[i].Root.Span.Start <= off {
		return recs[i]
	}
	return nil
}

// fromRecord reads the record's x.artlint member.
func fromRecord(rec *rules.Record) ([]*directive, []Problem) {
	x := rec.Root.Get("x").Get("artlint")
	if x == nil {
		return nil, nil
	}
	var ds []*directive
	var probs []Problem
	bad := func(n *rules.Node, format string, args ...any) {
		probs = append(probs, Problem{Record: rec, Diag: rules.Diagnostic{Span: n.Span, Pointer: n.Pointer, Message: fmt.Sprintf(format, args...)}})
	}
	if x.Kind != rules.Object {
		bad(x, "x.artlint must be an object with disable and ignore members, found %s", kindName(x))
		return nil, probs
	}
	for _, fl := range x.Fields {
		switch fl.Key {
		case "disable":
			if fl.Value.Kind != rules.Array {
				bad(fl.Value, "x.artlint.disable must be an array of rule ids, found %s", kindName(fl.Value))
				continue
			}
			for _, it := range fl.Value.Items {
				if it.Kind != rules.String {
					bad(it, "x.artlint.disable: expected a rule id (\"rule-id\" or \"rule-id -- reason\"), found %s", kindName(it))
					continue
				}
				id, reason := splitReason(it.Str)
				ds = append(ds, &directive{scope: scopeRecord, rule: strings.TrimSpace(id), rec: rec, reason: reason,
					where: "x.artlint.disable", span: it.Span, pointer: it.Pointer})
			}
		case "ignore":
			if fl.Value.Kind != rules.Array {
				bad(fl.Value, "x.artlint.ignore must be an array of {rule, pointer, reason} objects, found %s", kindName(fl.Value))
				continue
			}
			for _, it := range fl.Value.Items {
				d, msg := ignoreItem(rec, it)
				if msg != "" {
					bad(it, "x.artlint.ignore: %s", msg)
					continue
				}
				ds = append(ds, d)
			}
		default:
			probs = append(probs, Problem{Record: rec, Diag: rules.Diagnostic{Span: fl.KeySpan, Pointer: fl.Value.Pointer,
				Message: fmt.Sprintf("x.artlint: unknown member %q (known: disable, ignore)", fl.Key)}})
		}
	}
	return ds, probs
}

func ignoreItem(rec *rules.Record, it *rules.Node) (*directive, string) {
	if it.Kind != rules.Object {
		return nil, "expected an object {rule, pointer, reason}, found " + kindName(it)
	}
	d := &directive{scope: scopePointer, rec: rec, where: "x.artlint.ignore", span: it.Span, pointer: it.Pointer}
	var hasRule, hasPointer bool
	for _, fl := range it.Fields {
		if fl.Value.Kind != rules.String {
			return nil, fmt.Sprintf("%s must be a string, found %s", fl.Key, kindName(fl.Value))
		}
		switch fl.Key {
		case "rule":
			d.rule, hasRule = fl.Value.Str, true
		case "pointer":
			d.ptr, hasPointer = fl.Value.Str, true
		case "reason":
			d.reason = fl.Value.Str
		default:
			return nil, fmt.Sprintf("unknown member %q (known: rule, pointer, reason)", fl.Key)
		}
	}
	switch {
	case !hasRule:
		return nil, "missing member \"rule\""
	case !hasPointer:
		return nil, "missing member \"pointer\" (a JSON Pointer such as /body/2; \"\" is the whole record)"
	case d.ptr != "" && d.ptr[0] != '/':
		return nil, fmt.Sprintf("pointer %q is not a JSON Pointer: it must be empty or start with /", d.ptr)
	}
	d.pattern = tokens(d.ptr)
	return d, ""
}

// splitReason cuts "ids -- reason".
func splitReason(s string) (ids, reason string) {
	if i := strings.Index(s, "--"); i >= 0 {
		return s[:i], strings.TrimSpace(s[i+2:])
	}
	return s, ""
}

func kindName(n *rules.Node) string {
	switch n.Kind {
	case rules.Object:
		return "an object"
	case rules.Array:
		return "an array"
	case rules.String:
		return "a string"
	case rules.Number:
		return "the number " + n.Str
	case rules.Bool:
		return "the boolean " + n.Str
	}
	return "null"
}
