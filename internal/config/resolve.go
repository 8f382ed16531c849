package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/artlint/artlint/internal/engine"
	"github.com/artlint/artlint/internal/schemas"
	"github.com/artlint/artlint/rules"
)

// Options are the command line's say in the settings; flags win over
// configuration files.
type Options struct {
	Cwd      string // working directory: display paths and the default $ref root
	File     string // -c/--config: this file for every linted file
	NoConfig bool   // --no-config
	Enable   []string
	Disable  []string
	// Map is --map-schema; it wins over the files' map entries.
	Map          map[string]string
	AllowOutside bool
	FailLevel    rules.Level // --fail-level when given, else LevelNone
}

// RuleState is one rule's effective setting for a file and where it comes
// from.
type RuleState struct {
	Rule    *rules.Rule
	Level   rules.Level // LevelNone: off
	Options map[string]any
	From    []string // "default", "path:line:col", "overrides[1] path:line:col", "--disable" …
}

// Effective is everything the configuration decides for one file.
type Effective struct {
	Config     *File // nil when no file applies
	Rules      []*RuleState
	Excluded   string // the glob that excludes the file, or ""
	SchemaFile string // absolute, or ""
	SchemaFrom string
	FailLevel  rules.Level
	FailFrom   string
	Map        map[string]string
	MapFrom    map[string]string
	Engine     *engine.Resolved
}

// Resolver finds and applies configuration files. It is safe for
// concurrent use and reads each directory and each file once per run.
type Resolver struct {
	opts Options

	mu    sync.Mutex
	dirs  map[string]string // directory → nearest configuration file ("" for none)
	files map[string]loaded // configuration file → loaded
	sets  map[*File]*schemas.Set
	eff   map[string]*Effective // by configuration and the file's matching globs
	known map[string]bool       // every rule id some resolved file knows
}

type loaded struct {
	f   *File
	err error
}

// NewResolver prepares a resolver; nothing is read until asked.
func NewResolver(opts Options) *Resolver {
	return &Resolver{opts: opts, dirs: map[string]string{}, files: map[string]loaded{},
		sets: map[*File]*schemas.Set{}, eff: map[string]*Effective{}, known: map[string]bool{}}
}

// Display shows a path relative to the working directory when inside it.
func (r *Resolver) Display(abs string) string {
	if r.opts.Cwd != "" {
		if rel, err := filepath.Rel(r.opts.Cwd, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(abs)
}

func (r *Resolver) abs(p string) string {
	if !filepath.IsAbs(p) {
		p = filepath.Join(r.opts.Cwd, p)
	}
	return filepath.Clean(p)
}

// ConfigFor returns the configuration file that applies to path (nil for
// none), loading it once.
func (r *Resolver) ConfigFor(path string) (*File, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.configFor(r.abs(path))
}

func (r *Resolver) configFor(abs string) (*File, error) {
	if r.opts.NoConfig {
		return nil, nil
	}
	cfg := ""
	if r.opts.File != "" {
		cfg = r.abs(r.opts.File)
	} else {
		cfg = r.nearest(filepath.Dir(abs))
		if cfg == "" {
			return nil, nil
		}
	}
	l, ok := r.files[cfg]
	if !ok {
		l.f, l.err = Load(cfg, r.Display(cfg))
		r.files[cfg] = l
	}
	return l.f, l.err
}

// nearest walks up from dir to the repository root (a directory holding
// .git) or the filesystem root, and remembers the answer for every
// directory it passed.
func (r *Resolver) nearest(dir string) string {
	var passed []string
	found := ""
	for {
		if c, ok := r.dirs[dir]; ok {
			found = c
			break
		}
		passed = append(passed, dir)
		if c := configIn(dir); c != "" {
			found = c
			break
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	for _, d := range passed {
		r.dirs[d] = found
	}
	return found
}

func configIn(dir string) string {
	for _, name := range Names {
		p := filepath.Join(dir, name)
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p
		} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return p // unreadable: Load reports it
		}
	}
	return ""
}

// For resolves the settings of one linted file.
func (r *Resolver) For(path string) (*Effective, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	abs := r.abs(path)
	cfg, err := r.configFor(abs)
	if err != nil {
		return nil, err
	}
	// The settings depend only on the configuration and on which of its
	// globs the file matches: that is the cache key.
	var key strings.Builder
	excluded, schemaAt := "", -1
	if cfg != nil {
		key.WriteString(cfg.Path)
		rel := r.relTo(cfg.Dir, abs)
		for _, g := range cfg.Exclude {
			if excluded == "" && globMatch(g, rel) {
				excluded = g
			}
		}
		key.WriteString("\x00" + excluded + "\x00")
		for i, o := range cfg.Overrides {
			if anyMatch(o.Files, rel) {
				key.WriteString(strconv.Itoa(i) + ",")
			}
		}
		for i, s := range cfg.Schemas {
			if globMatch(s.Glob, rel) {
				schemaAt = i
				break
			}
		}
		key.WriteString("\x00" + strconv.Itoa(schemaAt))
	}
	if e, ok := r.eff[key.String()]; ok {
		return e, nil
	}
	e, err := r.resolve(cfg, abs, excluded, schemaAt)
	if err != nil {
		return nil, err
	}
	r.eff[key.String()] = e
	return e, nil
}

// Engine is For in the form engine.Options.Resolve takes.
func (r *Resolver) Engine(path string) (*engine.Resolved, error) {
	e, err := r.For(path)
	if err != nil {
		return nil, err
	}
	return e.Engine, nil
}

func (r *Resolver) relTo(dir, abs string) string {
	rel, err := filepath.Rel(dir, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

// globMatch matches like --exclude: a glob relative to the configuration
// file's directory, at any depth ("*.en.yaml"), or a directory and
// everything below it ("drafts").
func globMatch(g, rel string) bool {
	g = strings.TrimPrefix(filepath.ToSlash(g), "./")
	dir := strings.TrimSuffix(g, "/") + "/**"
	for _, p := range []string{g, "**/" + g, dir, "**/" + dir} {
		if ok, _ := doublestar.Match(p, rel); ok {
			return true
		}
	}
	return false
}

func anyMatch(globs []string, rel string) bool {
	for _, g := range globs {
		if globMatch(g, rel) {
			return true
		}
	}
	return false
}

func (r *Resolver) resolve(cfg *File, abs, excluded string, schemaAt int) (*Effective, error) {
	e := &Effective{Config: cfg, Excluded: excluded, FailLevel: rules.LevelError, FailFrom: "default"}
	states := map[string]*RuleState{}
	for _, rule := range rules.All() {
		states[rule.ID] = &RuleState{Rule: rule, Level: rule.Level, From: []string{"default"}}
	}
	apply := func(settings []Setting, prefix string) {
		for _, s := range settings {
			st := states[s.ID]
			if s.HasLevel {
				st.Level = s.Level
			}
			if s.Options != nil {
				merged := map[string]any{}
				for k, v := range st.Options {
					merged[k] = v
				}
				for k, v := range s.Options {
					merged[k] = v
				}
				st.Options = merged
			}
			st.From = append(st.From, prefix+s.At)
		}
	}
	if cfg != nil {
		for _, p := range cfg.Patterns {
			states[p.ID] = &RuleState{Rule: p, Level: p.Level, From: []string{"pattern " + cfg.At["pattern "+p.ID]}}
		}
		if st, ok := states[NamingRule]; ok && cfg.Names != nil {
			st.Options = map[string]any{"names": cfg.Names}
			st.From = append(st.From, "names "+cfg.At["names"])
		}
		apply(cfg.Rules, "")
		rel := r.relTo(cfg.Dir, abs)
		for i, o := range cfg.Overrides {
			if anyMatch(o.Files, rel) {
				apply(o.Rules, fmt.Sprintf("overrides[%d] ", i))
			}
		}
		if cfg.FailLevel != rules.LevelNone {
			e.FailLevel, e.FailFrom = cfg.FailLevel, cfg.At["fail-level"]
		}
	}
	for _, id := range r.opts.Disable {
		if st, ok := states[id]; ok {
			st.Level = rules.LevelNone
			st.From = append(st.From, "--disable")
		}
	}
	if len(r.opts.Enable) > 0 {
		on := map[string]bool{}
		for _, id := range r.opts.Enable {
			on[id] = true
		}
		for id, st := range states {
			switch {
			case on[id] && st.Level == rules.LevelNone && !disabled(r.opts.Disable, id):
				st.Level = st.Rule.Level
				if st.Level == rules.LevelNone {
					st.Level = rules.LevelWarning
				}
				st.From = append(st.From, "--enable")
			case !on[id] && !core(st.Rule) && st.Level != rules.LevelNone:
				st.Level = rules.LevelNone
				st.From = append(st.From, "--enable (not listed)")
			}
		}
	}
	if r.opts.FailLevel != rules.LevelNone {
		e.FailLevel, e.FailFrom = r.opts.FailLevel, "--fail-level"
	}
	res := &engine.Resolved{}
	for id, st := range states {
		r.known[id] = true
		e.Rules = append(e.Rules, st)
	}
	sort.Slice(e.Rules, func(i, j int) bool { return e.Rules[i].Rule.ID < e.Rules[j].Rule.ID })
	for _, st := range e.Rules {
		if st.Level != rules.LevelNone {
			res.Rules = append(res.Rules, engine.Enabled{Rule: st.Rule, Level: st.Level, Options: st.Options})
		}
	}
	if cfg == nil {
		e.Engine = res
		return e, nil
	}
	res.Lang = cfg.Lang
	e.Map, e.MapFrom = map[string]string{}, map[string]string{}
	for u, p := range cfg.Map {
		e.Map[u], e.MapFrom[u] = p, cfg.MapAt[u]
	}
	for u, p := range r.opts.Map {
		e.Map[u], e.MapFrom[u] = p, "--map-schema"
	}
	set, ok := r.sets[cfg]
	if !ok {
		set = schemas.New(schemas.Options{Root: commonRoot(r.opts.Cwd, cfg.Dir), AllowOutside: r.opts.AllowOutside, Map: e.Map})
		r.sets[cfg] = set
	}
	res.Schemas = set
	if schemaAt >= 0 {
		sg := cfg.Schemas[schemaAt]
		sc, err := set.File(sg.File)
		if err != nil {
			return nil, &Error{Path: cfg.Display, Line: lineOf(sg.At), Col: colOf(sg.At), Msg: err.Error()}
		}
		res.Schema = sc
		e.SchemaFile, e.SchemaFrom = sg.File, fmt.Sprintf("%s (schemas %q)", sg.At, sg.Glob)
	}
	e.Engine = res
	return e, nil
}

func disabled(ids []string, id string) bool {
	for _, d := range ids {
		if d == id {
			return true
		}
	}
	return false
}

func core(r *rules.Rule) bool {
	return r == engine.Syntax || r == engine.Schema || r == engine.DuplicateKey
}

// commonRoot is the directory local $refs may read: the working directory,
// or the configuration's directory when it is above it.
func commonRoot(cwd, dir string) string {
	if rel, err := filepath.Rel(dir, cwd); err == nil && !strings.HasPrefix(rel, "..") {
		return dir
	}
	return cwd
}

func lineOf(at string) int { n, _ := posParts(at); return n }
func colOf(at string) int  { _, n := posParts(at); return n }

// posParts reads line and column back from "path:line:col".
func posParts(at string) (line, col int) {
	i := strings.LastIndexByte(at, ':')
	if i < 0 {
		return 0, 0
	}
	j := strings.LastIndexByte(at[:i], ':')
	if j < 0 {
		return 0, 0
	}
	line, _ = strconv.Atoi(at[j+1 : i])
	col, _ = strconv.Atoi(at[i+1:])
	return line, col
}

// UnknownFlagRules lists the --enable/--disable ids no resolved file knows
// (call it after resolving every file).
func (r *Resolver) UnknownFlagRules() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, id := range append(append([]string{}, r.opts.Enable...), r.opts.Disable...) {
		if _, reg := rules.Lookup(id); !reg && !r.known[id] {
			out = append(out, id)
		}
	}
	return out
}
