// Package config reads .artlint.yaml files: it loads them with artlint's
// own record loader (so every key has a position), validates them against
// the embedded configuration schema, checks what a schema cannot (rule ids,
// rule options, globs, pattern terms), and resolves the settings of each
// linted file (resolve.go).
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/artlint/artlint/internal/load"
	"github.com/artlint/artlint/internal/schemas"
	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/rules/patterns"
	"github.com/artlint/artlint/schema"
)

// Names are the configuration file names looked for in each directory, in
// order of preference.
var Names = []string{".artlint.yaml", ".artlint.yml"}

// NamingRule is the rule that receives the names register as its "names"
// option (map[string][]string: canonical name → variants to flag).
const NamingRule = "consistent-naming"

// Error is one problem in a configuration file, located.
type Error struct {
	Path      string // as displayed
	Line, Col int    // 0 when the problem has no place (unreadable file)
	Msg       string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return e.Path + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
}

// Errors are all the problems found in one file, in file order.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Setting is a rule's level and options as one place of a file sets them.
type Setting struct {
	ID       string
	Level    rules.Level
	HasLevel bool
	Options  map[string]any // nil when not set
	At       string         // path:line:col of the setting
}

// Override is rule settings for the files matching some globs.
type Override struct {
	Files []string
	Rules []Setting
	At    string
}

// SchemaGlob says which schema validates the records of matching files.
type SchemaGlob struct {
	Glob    string
	File    string // absolute
	Written string // as written in the file
	At      string
}

// File is one loaded configuration file.
type File struct {
	Path    string // absolute
	Display string // as shown in messages: relative to the working directory when inside it
	Dir     string // what globs and paths are relative to

	Rules     []Setting
	Schemas   []SchemaGlob
	Map       map[string]string // URL → absolute local path
	MapAt     map[string]string
	Overrides []Override
	Exclude   []string
	ExcludeAt string
	FailLevel rules.Level // LevelNone when not set
	Lang      string
	Names     map[string][]string
	Patterns  []*rules.Rule
	// At holds where each top-level key and each pattern id is written.
	At map[string]string

	file *rules.File
}

var (
	schemaOnce sync.Once
	configSc   *schemas.Schema
	configErr  error
)

func configSchema() (*schemas.Schema, error) {
	schemaOnce.Do(func() {
		configSc, configErr = schemas.New(schemas.Options{}).Embedded(schema.ConfigID)
	})
	return configSc, configErr
}

// Load reads and checks the configuration file at path (absolute);
// display names it in messages. A problem in the file is an Errors.
func Load(path, display string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, Errors{{Path: display, Msg: "cannot read the configuration: " + err.Error()}}
	}
	return Parse(path, display, data)
}

// Parse checks a configuration file's content.
func Parse(path, display string, data []byte) (*File, error) {
	f := rules.NewFile(display, data, rules.FormatYAML)
	c := &File{Path: path, Display: display, Dir: filepath.Dir(path), file: f, At: map[string]string{}}
	var errs Errors
	fail := func(sp rules.Span, format string, args ...any) {
		line, col := f.Position(sp.Start)
		errs = append(errs, &Error{Path: display, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
	}
	parsed := load.Parse(f, load.Limits{})
	for _, se := range parsed.Errors {
		fail(rules.Span{Start: se.Offset}, "%s", se.Msg)
	}
	for _, d := range parsed.Duplicates {
		fail(d.Next, "%q is set twice in the same mapping", d.Key)
	}
	if len(parsed.Records) > 1 {
		fail(parsed.Records[1].Root.Span, "a configuration file holds one YAML document, not %d", len(parsed.Records))
	}
	if len(errs) > 0 {
		return nil, sortErrs(errs)
	}
	if len(parsed.Records) == 0 {
		return c, nil // empty, or only comments
	}
	rec := parsed.Records[0]
	sc, err := configSchema()
	if err != nil {
		return nil, err
	}
	for _, d := range sc.Validate(rec) {
		fail(d.Span, "%s", strings.TrimPrefix(strings.TrimPrefix(d.Message, "/: "), "record: "))
	}
	if len(errs) > 0 {
		return nil, sortErrs(errs)
	}
	c.decode(rec.Root, fail)
	if len(errs) > 0 {
		return nil, sortErrs(errs)
	}
	return c, nil
}

func sortErrs(es Errors) Errors {
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Line != es[j].Line {
			return es[i].Line < es[j].Line
		}
		return es[i].Col < es[j].Col
	})
	return es
}

func (c *File) pos(sp rules.Span) string {
	line, col := c.file.Position(sp.Start)
	return fmt.Sprintf("%s:%d:%d", c.Display, line, col)
}

func (c *File) local(p string) string {
	p = filepath.FromSlash(p)
	if !filepath.IsAbs(p) {
		p = filepath.Join(c.Dir, p)
	}
	return filepath.Clean(p)
}

type failer func(sp rules.Span, format string, args ...any)

// decode reads a tree the schema has accepted, so types are right; it
// checks what the schema cannot know.
func (c *File) decode(root *rules.Node, fail failer) {
	for _, fld := range root.Fields {
		c.At[fld.Key] = c.pos(fld.KeySpan)
	}
	// Patterns first: rules settings may name them.
	if n := root.Get("patterns"); n != nil {
		c.decodePatterns(n, fail)
	}
	if n := root.Get("rules"); n != nil {
		c.Rules = c.decodeRules(n, fail)
	}
	if n := root.Get("overrides"); n != nil {
		for _, o := range n.Items {
			ov := Override{At: c.pos(o.Span)}
			for _, g := range o.Get("files").Items {
				c.checkGlob(g, fail)
				ov.Files = append(ov.Files, g.Str)
			}
			ov.Rules = c.decodeRules(o.Get("rules"), fail)
			c.Overrides = append(c.Overrides, ov)
		}
	}
	if n := root.Get("schemas"); n != nil {
		for _, fld := range n.Fields {
			c.checkGlob(&rules.Node{Str: fld.Key, Span: fld.KeySpan}, fail)
			p := c.local(fld.Value.Str)
			if _, err := os.Stat(p); err != nil {
				fail(fld.Value.Span, "schema file %s not found", fld.Value.Str)
			}
			c.Schemas = append(c.Schemas, SchemaGlob{Glob: fld.Key, File: p, Written: fld.Value.Str, At: c.pos(fld.KeySpan)})
		}
	}
	if n := root.Get("map"); n != nil {
		c.Map, c.MapAt = map[string]string{}, map[string]string{}
		for _, fld := range n.Fields {
			c.Map[fld.Key] = c.local(fld.Value.Str)
			c.MapAt[fld.Key] = c.pos(fld.KeySpan)
		}
	}
	if n := root.Get("exclude"); n != nil {
		for _, g := range n.Items {
			c.checkGlob(g, fail)
			c.Exclude = append(c.Exclude, g.Str)
		}
	}
	if n := root.Get("fail-level"); n != nil {
		c.FailLevel, _ = rules.ParseLevel(n.Str) // the schema allows only valid names
	}
	if n := root.Get("lang"); n != nil {
		c.Lang = n.Str
	}
	if n := root.Get("names"); n != nil {
		c.Names = map[string][]string{}
		seen := map[string]string{}
		for _, fld := range n.Fields {
			variants := []string{}
			for _, v := range fld.Value.Items {
				if prev, dup := seen[v.Str]; dup {
					fail(v.Span, "%q is already a variant of %q", v.Str, prev)
				}
				if v.Str == fld.Key {
					fail(v.Span, "%q is the canonical name itself, not a variant", v.Str)
				}
				seen[v.Str] = fld.Key
				variants = append(variants, v.Str)
			}
			c.Names[fld.Key] = variants
		}
	}
}

func (c *File) checkGlob(n *rules.Node, fail failer) {
	if !doublestar.ValidatePattern(filepath.ToSlash(n.Str)) {
		fail(n.Span, "%q is not a valid glob", n.Str)
	}
}

// Rule finds a rule by id: a pattern of this file, or a registered rule.
func (c *File) Rule(id string) (*rules.Rule, bool) {
	if c != nil {
		for _, p := range c.Patterns {
			if p.ID == id {
				return p, true
			}
		}
	}
	return rules.Lookup(id)
}

// suggest names the closest known rule id, for a typo; the full list is
// one "artlint rules" away.
func (c *File) suggest(id string) string {
	var ids []string
	for _, r := range rules.All() {
		ids = append(ids, r.ID)
	}
	for _, p := range c.Patterns {
		ids = append(ids, p.ID)
	}
	sort.Strings(ids)
	best, bestD := "", 4 // farther than 3 edits is not a typo
	for _, k := range ids {
		if d := distance(id, k); d < bestD {
			best, bestD = k, d
		}
	}
	if best != "" {
		return fmt.Sprintf(" (did you mean %q? \"artlint rules\" lists them)", best)
	}
	return ` ("artlint rules" lists them)`
}

// distance is the Levenshtein distance between two ids.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func (c *File) decodeRules(n *rules.Node, fail failer) []Setting {
	var out []Setting
	for _, fld := range n.Fields {
		r, ok := c.Rule(fld.Key)
		if !ok {
			fail(fld.KeySpan, "unknown rule %q%s", fld.Key, c.suggest(fld.Key))
			continue
		}
		s := Setting{ID: fld.Key, At: c.pos(fld.KeySpan)}
		v := fld.Value
		if v.Kind == rules.String {
			s.Level, _ = rules.ParseLevel(v.Str)
			s.HasLevel = true
			out = append(out, s)
			continue
		}
		if lv := v.Get("level"); lv != nil {
			s.Level, _ = rules.ParseLevel(lv.Str)
			s.HasLevel = true
		}
		if opts := v.Get("options"); opts != nil {
			s.Options = map[string]any{}
			for _, o := range opts.Fields {
				if _, declared := r.Options[o.Key]; !declared {
					fail(o.KeySpan, "rule %s has no option %q%s", r.ID, o.Key, optionList(r))
					continue
				}
				s.Options[o.Key] = toGo(o.Value)
			}
		}
		out = append(out, s)
	}
	return out
}

func optionList(r *rules.Rule) string {
	if len(r.Options) == 0 {
		return " (it takes none)"
	}
	names := make([]string, 0, len(r.Options))
	for k := range r.Options {
		names = append(names, k)
	}
	sort.Strings(names)
	return " (it takes: " + strings.Join(names, ", ") + ")"
}

// toGo converts a node to plain Go values, as a rule reads its options:
// map[string]any, []any, string, float64 or int64, bool, nil.
func toGo(n *rules.Node) any {
	v := schemas.Value(n)
	return plain(v)
}

func plain(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			t[k] = plain(x)
		}
	case []any:
		for i, x := range t {
			t[i] = plain(x)
		}
	case interface {
		Int64() (int64, error)
		Float64() (float64, error)
	}:
		if i, err := t.Int64(); err == nil {
			return i
		}
		f, _ := t.Float64()
		return f
	}
	return v
}

func (c *File) decodePatterns(n *rules.Node, fail failer) {
	seen := map[string]bool{}
	for _, p := range n.Items {
		idNode := p.Get("id")
		id := idNode.Str
		if _, builtin := rules.Lookup(id); builtin {
			fail(idNode.Span, "pattern id %q is a built-in rule's id; choose another", id)
			continue
		}
		if seen[id] {
			fail(idNode.Span, "pattern id %q is defined twice", id)
			continue
		}
		seen[id] = true
		kind := p.Get("kind").Str
		for _, fld := range p.Fields {
			if owner, ok := kindOnly[fld.Key]; ok && owner != kind {
				fail(fld.KeySpan, "%q is for %s patterns; %s patterns take %s", fld.Key, owner, kind, kindKeys[kind])
			}
		}
		s := patterns.Spec{
			ID: id, Kind: p.Get("kind").Str, Message: p.Get("message").Str,
			Level: rules.LevelWarning, WordBoundary: true, Source: c.pos(idNode.Span),
		}
		if v := p.Get("title"); v != nil {
			s.Title = v.Str
		}
		if v := p.Get("doc"); v != nil {
			s.Doc = v.Str
		}
		if v := p.Get("level"); v != nil {
			s.Level, _ = rules.ParseLevel(v.Str)
		}
		if v := p.Get("languages"); v != nil {
			s.Languages = strs(v)
		}
		if v := p.Get("case"); v != nil {
			s.CaseInsensitive = v.Str == "insensitive"
		}
		if v := p.Get("word-boundary"); v != nil {
			s.WordBoundary = v.Str == "true"
		}
		if v := p.Get("regex"); v != nil {
			s.Regex = v.Str == "true"
		}
		if v := p.Get("fields"); v != nil {
			s.Fields = strs(v)
		}
		s.Tokens = strs(p.Get("tokens"))
		s.When = strs(p.Get("when"))
		s.Require = strs(p.Get("require"))
		if v := p.Get("where"); v != nil {
			s.After = v.Str == "after"
		}
		if sw := p.Get("swap"); sw != nil {
			for _, fld := range sw.Fields {
				s.Swap = append(s.Swap, patterns.Swap{From: fld.Key, To: fld.Value.Str})
			}
		}
		r, err := patterns.Compile(s)
		var te *patterns.TermError
		switch {
		case errors.As(err, &te):
			at := p.Span
			if list := p.Get(te.List); list != nil {
				at = list.Span
				if te.List == "swap" && te.Index < len(list.Fields) {
					at = list.Fields[te.Index].KeySpan
				} else if te.Index < len(list.Items) {
					at = list.Items[te.Index].Span
				}
			}
			fail(at, "%v", te.Err)
			continue
		case err != nil:
			fail(p.Span, "%v", err)
			continue
		}
		c.Patterns = append(c.Patterns, r)
		c.At["pattern "+id] = s.Source
	}
}

// kindOnly is the keys that belong to one kind of pattern.
var kindOnly = map[string]string{
	"tokens": patterns.Existence, "swap": patterns.Substitution,
	"when": patterns.Required, "require": patterns.Required, "where": patterns.Required,
}

var kindKeys = map[string]string{
	patterns.Existence:    "tokens",
	patterns.Substitution: "swap",
	patterns.Required:     "when, require and where",
}

func strs(n *rules.Node) []string {
	if n == nil {
		return nil
	}
	out := make([]string, len(n.Items))
	for i, it := range n.Items {
		out[i] = it.Str
	}
	return out
}
