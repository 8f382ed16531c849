package engine

import (
	"github.com/artlint/artlint/internal/suppress"
	"github.com/artlint/artlint/rules"
)

// suppress marks the findings of one file that its records and comments
// suppress, and adds the unused-suppression findings.
func (l *linter) suppress(f *rules.File, recs []*rules.Record, res *fileResult) {
	ran := func(rec *rules.Record, id string) bool {
		r, ok := rules.Lookup(id)
		if !ok {
			return false
		}
		if _, on := l.enabled[r]; !on {
			return false
		}
		return rec == nil || isCore(r) || r == suppress.Rule || r.AppliesTo(rec.Lang())
	}
	probs := suppress.Apply(f, recs, res.findings, ran)
	e, on := l.enabled[suppress.Rule]
	if !on {
		return
	}
	for _, p := range probs {
		fd := l.finding(f, p.Record, suppress.Rule, e.Level, p.Diag)
		fd.Suppressions = p.Suppressions
		res.findings = append(res.findings, fd)
	}
}
