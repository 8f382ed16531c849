// Package engine runs a lint: it reads the inputs in parallel, parses
// records, validates them against their schemas, runs the rules and
// collects findings in a deterministic order.
package engine

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/artlint/artlint/internal/baseline"
	"github.com/artlint/artlint/internal/cache"
	"github.com/artlint/artlint/internal/load"
	"github.com/artlint/artlint/internal/report"
	"github.com/artlint/artlint/internal/schemas"
	"github.com/artlint/artlint/rules"
)

// Enabled is a rule switched on for a run, at a level, with options.
type Enabled struct {
	Rule    *rules.Rule
	Level   rules.Level
	Options map[string]any
}

// Options configure a run.
type Options struct {
	Rules   []Enabled
	Schemas *schemas.Set
	// Schema, when set, is used for every record (--schema); otherwise a
	// record's $schema or the embedded article schema.
	Schema *schemas.Schema
	Jobs   int
	Limits load.Limits
	// BaseDir makes paths relative in the output; usually the working
	// directory.
	BaseDir string
	// MaxFileSize is the largest file read, in bytes (default
	// DefaultMaxFileSize); MaxFindings the most findings reported per file
	// (default DefaultMaxFindings; negative: no limit).
	MaxFileSize int64
	MaxFindings int
	// Baseline, when set, marks findings new or unchanged and adds the
	// absent ones (--baseline).
	Baseline *baseline.Baseline
	// Resolve, when set, gives each file its own settings (configuration
	// files); Rules then only serves files it returns nil for.
	Resolve func(path string) (*Resolved, error)
	// Cache, when set, serves the results of files linted before with the
	// same content and settings (--cache; see cached.go); Tool identifies
	// the artlint binary in its keys.
	Cache *cache.Dir
	Tool  string
	// CrossRecord also compares the names of different records of the run
	// (--cross-record; see crossrecord.go).
	CrossRecord bool
}

// Lint runs every input and returns the sorted run.
func Lint(inputs []Input, opts Options) *report.Run {
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	l := newLinter(opts, opts.Rules)

	results := make([]fileResult, len(inputs))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < min(jobs, max(len(inputs), 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = l.cachedFile(inputs[i])
			}
		}()
	}
	for i := range inputs {
		next <- i
	}
	close(next)
	wg.Wait()

	run := &report.Run{Success: true, Sources: map[string]report.Source{}}
	run.Rules = l.ruleList()
	for _, r := range results {
		run.Findings = append(run.Findings, r.findings...)
		run.Notifications = append(run.Notifications, r.notes...)
		if r.read {
			run.Files++
		}
		run.Records += r.records
		if r.source != nil {
			run.Sources[l.display(r.source.Path)] = *r.source
		}
	}
	for _, n := range run.Notifications {
		if n.Level == rules.LevelError {
			run.Success = false
		}
	}
	if opts.CrossRecord {
		l.crossRecord(run, results)
	}
	run.Sort()
	distinguishRepeats(run.Findings)
	if opts.Baseline != nil {
		opts.Baseline.Apply(run)
	}
	return run
}

// LintBuffer lints one in-memory file, as an editor holds it, exactly as
// Lint lints a file on disk (same parsing, schemas, rules and
// post-processing); path names it and its extension picks the format.
func LintBuffer(path string, content []byte, opts Options) *report.Run {
	return Lint([]Input{{Path: path, Content: content, Stdin: true}}, opts)
}

// distinguishRepeats gives identical findings (the same straight apostrophe
// twice in a paragraph) distinct fingerprints by their order of occurrence,
// which edits elsewhere do not change.
func distinguishRepeats(fs []report.Finding) {
	count := map[string]int{}
	for i := range fs {
		fp := fs[i].Fingerprint
		if n := count[fp]; n > 0 {
			sum := sha256.Sum256([]byte(fmt.Sprintf("%s#%d", fp, n)))
			fs[i].Fingerprint = hex.EncodeToString(sum[:])[:32]
		}
		count[fp]++
	}
}

type linter struct {
	opts    Options
	order   []*rules.Rule
	enabled map[*rules.Rule]Enabled
	plans   *plans
	lang    string // default language of the file's records
}

type fileResult struct {
	source   *report.Source
	findings []report.Finding
	notes    []report.Notification
	records  int
	read     bool
	cross    []crossNames // with CrossRecord: the names of its records
}

func (l *linter) display(path string) string {
	if l.opts.BaseDir != "" && filepath.IsAbs(path) {
		if rel, err := filepath.Rel(l.opts.BaseDir, path); err == nil && !strings.HasPrefix(rel, "..") {
			path = rel
		}
	}
	return filepath.ToSlash(path)
}

func (l *linter) file(in Input) (res fileResult) {
	path := l.display(in.Path)
	l, err := l.forPath(in.Path)
	if err != nil {
		res.notes = append(res.notes, report.Notification{Level: rules.LevelError, Path: path, Message: err.Error()})
		return res
	}
	content := in.Content
	if !in.Stdin && content == nil { // cachedFile may have read it
		data, err := readLimited(in.Path, cmp.Or(l.opts.MaxFileSize, DefaultMaxFileSize))
		if err != nil {
			res.notes = append(res.notes, report.Notification{Level: rules.LevelError, Path: path, Message: "cannot read file: " + cleanErr(err).Error()})
			return res
		}
		content = data
	}
	res.read = true
	format, ok := load.FormatOf(in.Path)
	if !ok {
		format = sniff(content)
	}
	f := rules.NewFile(path, content, format)
	res.source = &report.Source{Path: in.Path, Content: content, Format: format, Stdin: in.Stdin}
	parsed := load.Parse(f, l.opts.Limits)
	for _, se := range parsed.Errors {
		if e, on := l.enabled[Syntax]; on {
			end := se.Offset
			if end < len(content) {
				_, size := utf8.DecodeRune(content[end:])
				end += size
			}
			res.findings = append(res.findings, l.finding(f, nil, Syntax, e.Level, rules.Diagnostic{Span: rules.Span{Start: se.Offset, End: end}, Message: se.Msg}))
		}
	}
	for _, d := range parsed.Duplicates {
		if e, on := l.enabled[DuplicateKey]; on {
			res.findings = append(res.findings, l.finding(f, d.Record, DuplicateKey, e.Level, rules.Diagnostic{
				Span: d.Next, Pointer: d.Pointer,
				Message: fmt.Sprintf("member %q appears twice in the same object; the last value is used", d.Key),
				Related: []rules.Related{{Span: d.First, Pointer: d.Pointer, Message: "first occurrence"}},
			}))
		}
	}
	for _, rec := range parsed.Records {
		res.records++
		l.record(rec, &res)
	}
	l.suppress(f, parsed.Records, &res)
	l.crossSuppressions(f, parsed.Records, &res)
	capFindings(&res, path, cmp.Or(l.opts.MaxFindings, DefaultMaxFindings))
	return res
}

// sniff guesses the format of a file whose name says nothing (stdin
// without --stdin-filename): JSON if it starts like JSON, else YAML.
func sniff(content []byte) rules.Format {
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

func (l *linter) record(rec *rules.Record, res *fileResult) {
	if e, on := l.enabled[Schema]; on {
		sc, diag := l.schemaFor(rec)
		if diag != nil {
			res.findings = append(res.findings, l.finding(rec.File, rec, Schema, e.Level, *diag))
		}
		if sc != nil {
			for _, d := range sc.Validate(rec) {
				res.findings = append(res.findings, l.finding(rec.File, rec, Schema, e.Level, d))
			}
		}
	}
	if rec.DefaultLang == "" {
		rec.DefaultLang = l.lang
	}
	lang := rec.Lang()
	results := map[*rules.Rule]any{}
	// Nothing of the results outlives the record: keepNames keeps copies.
	defer rules.ReleaseResults(results)
	failed := map[*rules.Rule]bool{}
	for _, r := range l.order {
		if isCore(r) || !r.AppliesTo(lang) {
			continue
		}
		skip := false
		for _, req := range r.Requires {
			if failed[req] {
				skip = true
			}
		}
		if skip {
			failed[r] = true
			continue
		}
		e := l.enabled[r]
		var diags []rules.Diagnostic
		pass := rules.NewPass(r, rec, results, e.Options, func(d rules.Diagnostic) { diags = append(diags, d) })
		result, err := runRule(r, pass)
		if err != nil {
			failed[r] = true
			res.notes = append(res.notes, report.Notification{Level: rules.LevelError, Path: rec.File.Path, RuleID: r.ID,
				Message: fmt.Sprintf("rule %s failed on record %d: %v", r.ID, rec.Index+1, err)})
			continue
		}
		results[r] = result
		l.keepNames(rec, result, e.Level, res)
		if r.Analysis {
			continue
		}
		for _, d := range diags {
			res.findings = append(res.findings, l.finding(rec.File, rec, r, e.Level, d))
		}
	}
}

// runRule runs one rule, turning a panic into an error that names it, so
// one broken rule cannot take the others down.
func runRule(r *rules.Rule, pass *rules.Pass) (result any, err error) {
	defer func() {
		if p := recover(); p != nil {
			stack := string(debug.Stack())
			if i := strings.Index(stack, "panic("); i >= 0 {
				stack = stack[i:]
			}
			if len(stack) > 800 {
				stack = stack[:800]
			}
			err = fmt.Errorf("panic: %v\n%s", p, stack)
		}
	}()
	return r.Run(pass)
}

func (l *linter) schemaFor(rec *rules.Record) (*schemas.Schema, *rules.Diagnostic) {
	if l.opts.Schema != nil {
		return l.opts.Schema, nil
	}
	if ref := rec.Root.Get("$schema"); ref != nil && ref.Kind == rules.String {
		sc, err := l.opts.Schemas.Known(ref.Str, rec.File.Path)
		if err != nil {
			return nil, &rules.Diagnostic{Span: ref.Span, Pointer: ref.Pointer, Message: err.Error()}
		}
		return sc, nil
	}
	sc, err := l.opts.Schemas.Default()
	if err != nil {
		return nil, &rules.Diagnostic{Span: rec.Root.Span, Message: err.Error()}
	}
	return sc, nil
}

// finding resolves a diagnostic's spans to lines and columns.
func (l *linter) finding(f *rules.File, rec *rules.Record, r *rules.Rule, lvl rules.Level, d rules.Diagnostic) report.Finding {
	fd := report.Finding{
		RuleID:   r.ID,
		Level:    lvl,
		Message:  d.Message,
		Location: location(f, d.Span, d.Pointer, ""),
	}
	for _, rel := range d.Related {
		fd.Related = append(fd.Related, location(f, rel.Span, rel.Pointer, rel.Message))
	}
	for _, fix := range d.Fixes {
		rf := report.Fix{Description: fix.Description}
		for _, e := range fix.Edits {
			rf.Edits = append(rf.Edits, report.Edit{Location: location(f, e.Span, "", ""), NewText: e.NewText})
		}
		fd.Fixes = append(fd.Fixes, rf)
	}
	fd.Fingerprint = fingerprint(f, rec, r.ID, d)
	return fd
}

func location(f *rules.File, sp rules.Span, pointer, msg string) report.Location {
	sp.Start = clamp(sp.Start, 0, len(f.Content))
	sp.End = clamp(sp.End, sp.Start, len(f.Content))
	line, col := f.Position(sp.Start)
	endLine, endCol := f.Position(sp.End)
	return report.Location{Path: f.Path, Line: line, Column: col, EndLine: endLine, EndColumn: endCol,
		Span: sp, Pointer: pointer, Snippet: snippetOf(f.Content, sp), Message: msg}
}

// snippetOf is the text of a region, cut to 400 bytes (at a rune boundary).
func snippetOf(content []byte, sp rules.Span) string {
	snippet := string(content[sp.Start:sp.End])
	if len(snippet) > 400 {
		snippet = snippet[:400]
		for !utf8.ValidString(snippet) {
			snippet = snippet[:len(snippet)-1]
		}
	}
	return snippet
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

// fingerprint identifies a finding by what it is, not where it is: rule,
// file, record id, the value's pointer with array indices dropped (a
// paragraph inserted above must not change it), the message without its
// numbers and the word it points at (see fingerprint.go). Lines and
// columns are left out on purpose.
func fingerprint(f *rules.File, rec *rules.Record, ruleID string, d rules.Diagnostic) string {
	h := sha256.New()
	recID := ""
	if rec != nil {
		if id := rec.Root.Get("id"); id != nil && id.Kind == rules.String {
			recID = id.Str
		} else {
			recID = fmt.Sprint(rec.Index)
		}
	}
	for _, part := range []string{ruleID, f.Path, recID, stripIndices(d.Pointer), fingerprintMessage(d.Message), flaggedText(f, rec, d)} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

func stripIndices(ptr string) string {
	toks := strings.Split(ptr, "/")
	for i, t := range toks {
		if t != "" && strings.Trim(t, "0123456789") == "" {
			toks[i] = "*"
		}
	}
	return strings.Join(toks, "/")
}
