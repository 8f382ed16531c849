package engine

import (
	"sort"

	"github.com/artlint/artlint/internal/report"
	"github.com/artlint/artlint/internal/suppress"
	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/rules/naming"
)

// crossNames is what --cross-record keeps of one record until every file
// is linted: the names it writes, not the record.
type crossNames struct {
	names *naming.Names
	file  *rules.File   // shares its content with report.Source
	stub  *rules.Record // the record's id and index, for fingerprints
	level rules.Level
	rec   *rules.Record // until crossSuppressions, then nil
	// sup are the in-source suppressions that would silence a
	// consistent-naming finding at each spelling, and used the spans of
	// the suppressions (the rule ids as written) that it would use; nil
	// when the record has no suppression.
	sup  [][]report.Suppression
	used [][]rules.Span
}

// keepNames keeps the names of a record that consistent-naming analysed,
// when the run compares records.
func (l *linter) keepNames(rec *rules.Record, result any, lvl rules.Level, res *fileResult) {
	nr, ok := result.(*naming.Result)
	if !ok || !l.opts.CrossRecord {
		return
	}
	n := nr.Names()
	if n == nil || len(n.Spellings) == 0 {
		return
	}
	stub := &rules.Record{File: rec.File, Index: rec.Index, Root: &rules.Node{Kind: rules.Object}}
	if id := rec.Root.Get("id"); id != nil {
		stub.Root.Fields = []rules.Field{{Key: "id", Value: id}}
	}
	res.cross = append(res.cross, crossNames{names: n, file: rec.File, stub: stub, level: lvl, rec: rec})
}

// crossSuppressions works out, while the file's records are at hand,
// which suppressions would silence a consistent-naming finding at each
// spelling: the findings themselves only come once every file is linted.
// It also notes which suppressions such a finding would use, so that
// crossRecord can withdraw the "unused suppression" findings that the
// file's own pass reported for them.
func (l *linter) crossSuppressions(f *rules.File, recs []*rules.Record, res *fileResult) {
	if len(res.cross) == 0 {
		return
	}
	everything := func(*rules.Record, string) bool { return true }
	// With no finding, every suppression of the file is unused: that
	// lists them, by record.
	byRec := map[*rules.Record][]rules.Span{}
	for _, p := range suppress.Apply(f, recs, nil, everything) {
		if p.Record != nil {
			byRec[p.Record] = append(byRec[p.Record], p.Diag.Span)
		}
	}
	for k := range res.cross {
		c := &res.cross[k]
		spans := byRec[c.rec]
		c.rec = nil
		if len(spans) == 0 {
			continue
		}
		c.sup = make([][]report.Suppression, len(c.names.Spellings))
		c.used = make([][]rules.Span, len(c.names.Spellings))
		for i, s := range c.names.Spellings {
			probe := []report.Finding{{RuleID: naming.Rule.ID, Location: location(f, s.Span, s.Pointer, "")}}
			left := map[rules.Span]bool{}
			for _, p := range suppress.Apply(f, recs, probe, everything) {
				left[p.Diag.Span] = true
			}
			if probe[0].Suppressions == nil {
				continue
			}
			c.sup[i] = probe[0].Suppressions
			for _, sp := range spans {
				if !left[sp] {
					c.used[i] = append(c.used[i], sp)
				}
			}
		}
	}
}

// crossRecord compares the names of the records of a run, by path and
// then position in the file (not in the order the workers finished), and
// adds a consistent-naming finding for each spelling that differs from
// one of an earlier record; the earlier spelling is the related location,
// possibly in another file.
func (l *linter) crossRecord(run *report.Run, results []fileResult) {
	var all []*crossNames
	for i := range results {
		for k := range results[i].cross {
			all = append(all, &results[i].cross[k])
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.file.Path != b.file.Path {
			return a.file.Path < b.file.Path
		}
		return a.stub.Index < b.stub.Index
	})
	byNames := make(map[*naming.Names]*crossNames, len(all))
	used := map[usedKey]bool{} // suppressions that a cross-record finding uses
	ix := naming.NewIndex()
	for _, c := range all {
		byNames[c.names] = c
		for _, v := range ix.Add(c.names) {
			s := c.names.Spellings[v.Spelling]
			earlier := byNames[v.Earlier]
			ref := v.Earlier.Spellings[v.EarlierSpelling]
			fd := l.finding(c.file, c.stub, naming.Rule, c.level, rules.Diagnostic{Span: s.Span, Pointer: s.Pointer, Message: v.Message})
			fd.Related = []report.Location{location(earlier.file, ref.Span, ref.Pointer, v.RelatedMessage)}
			if c.sup != nil {
				fd.Suppressions = c.sup[v.Spelling]
				for _, sp := range c.used[v.Spelling] {
					used[usedKey{c.file.Path, sp}] = true
				}
			}
			run.Findings = append(run.Findings, fd)
		}
	}
	if len(used) == 0 {
		return
	}
	kept := run.Findings[:0]
	for _, fd := range run.Findings {
		if fd.RuleID != suppress.Rule.ID || !used[usedKey{fd.Location.Path, fd.Location.Span}] {
			kept = append(kept, fd)
		}
	}
	run.Findings = kept
}

// usedKey is a suppression as written: file and span of its rule id.
type usedKey struct {
	path string
	span rules.Span
}
