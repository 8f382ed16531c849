package engine

import (
	"sort"
	"sync"

	"github.com/artlint/artlint/internal/schemas"
	"github.com/artlint/artlint/rules"
)

// Resolved is the settings of one file, from its configuration: the rules
// with their levels and options, the schemas and the default language.
// A resolver returns the same *Resolved for files that share settings, so
// that the engine plans each distinct setting once per run.
type Resolved struct {
	Rules []Enabled
	// Schemas replaces Options.Schemas (its own schema URL map); Schema,
	// when set, validates every record of the file unless Options.Schema
	// (--schema) is set.
	Schemas *schemas.Set
	Schema  *schemas.Schema
	// Lang is the language of records without a lang member.
	Lang string
}

// plans caches the linter of each distinct Resolved, shared by the
// workers of a run.
type plans struct {
	mu sync.Mutex
	m  map[*Resolved]*linter
}

func newLinter(opts Options, enabled []Enabled) *linter {
	ordered := make([]*rules.Rule, 0, len(enabled))
	levels := map[*rules.Rule]Enabled{}
	for _, e := range enabled {
		ordered = append(ordered, e.Rule)
		levels[e.Rule] = e
	}
	return &linter{opts: opts, order: rules.Order(ordered), enabled: levels, plans: &plans{m: map[*Resolved]*linter{}}}
}

// forPath returns the linter for one file: l itself without a resolver,
// else the one planned for the file's settings.
func (l *linter) forPath(path string) (*linter, error) {
	if l.opts.Resolve == nil {
		return l, nil
	}
	res, err := l.opts.Resolve(path)
	if err != nil || res == nil {
		return l, err
	}
	l.plans.mu.Lock()
	defer l.plans.mu.Unlock()
	if p, ok := l.plans.m[res]; ok {
		return p, nil
	}
	p := newLinter(l.opts, res.Rules)
	p.plans = l.plans
	p.lang = res.Lang
	if res.Schemas != nil {
		p.opts.Schemas = res.Schemas
	}
	if p.opts.Schema == nil && res.Schema != nil {
		p.opts.Schema = res.Schema
	}
	l.plans.m[res] = p
	return p, nil
}

// ruleList is every rule enabled for some file of the run, sorted by id;
// a rule id defined differently by two configurations is listed once.
func (l *linter) ruleList() []*rules.Rule {
	seen := map[string]bool{}
	var out []*rules.Rule
	add := func(es []Enabled) {
		for _, e := range es {
			if !seen[e.Rule.ID] {
				seen[e.Rule.ID] = true
				out = append(out, e.Rule)
			}
		}
	}
	add(l.opts.Rules)
	l.plans.mu.Lock()
	for res := range l.plans.m {
		add(res.Rules)
	}
	l.plans.mu.Unlock()
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
