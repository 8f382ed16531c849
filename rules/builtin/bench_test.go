package builtin_test

import (
	"os"
	"testing"

	"github.com/artlint/artlint/internal/engine"
	"github.com/artlint/artlint/internal/load"
	"github.com/artlint/artlint/internal/schemas"
	"github.com/artlint/artlint/rules"
	_ "github.com/artlint/artlint/rules/builtin"
	"github.com/artlint/artlint/rules/ruletest"
)

// The seed records: the French one is the record every corpus record is
// sized after; the English one exercises the English packs.
var benchSeeds = []struct{ name, path string }{
	{"fr", "../../testdata/records/nato-chicago-partners-2012.fr.json"},
	{"en", "../../testdata/records/nato-lisbon-summit-2010.en.yaml"},
}

func seedRecord(tb testing.TB, path string) (*rules.File, *rules.Record) {
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	format, _ := load.FormatOf(path)
	f := rules.NewFile(path, data, format)
	res := load.Parse(f, load.Limits{})
	if len(res.Records) != 1 {
		tb.Fatalf("%s: %d records", path, len(res.Records))
	}
	return f, res.Records[0]
}

// runChain runs rs (analyses first, in rules.Order) on rec as the engine
// does, sharing analysis results and releasing them once the record is
// done, and returns the number of diagnostics.
func runChain(rec *rules.Record, rs []*rules.Rule) int {
	results := map[*rules.Rule]any{}
	defer rules.ReleaseResults(results)
	n := 0
	for _, r := range rs {
		if !r.AppliesTo(rec.Lang()) {
			continue
		}
		pass := rules.NewPass(r, rec, results, nil, func(rules.Diagnostic) { n++ })
		res, err := r.Run(pass)
		if err != nil {
			panic(err)
		}
		results[r] = res
	}
	return n
}

func isCore(r *rules.Rule) bool {
	return r == engine.Syntax || r == engine.Schema || r == engine.DuplicateKey
}

// BenchmarkRules reports the cost of each registered rule on a seed record
// (ns/op = ns per record), including the shared analyses it requires, so
// that each line is what enabling that rule alone costs. "all" runs every
// rule with shared analyses computed once, as the engine does, and
// "parse+schema" is what every record pays before any rule: the target
// (issue 3) is all ≤ parse+schema.
func BenchmarkRules(b *testing.B) {
	set := schemas.New(schemas.Options{})
	sc, err := set.Default()
	if err != nil {
		b.Fatal(err)
	}
	var all []*rules.Rule
	for _, r := range rules.All() {
		if !isCore(r) {
			all = append(all, r)
		}
	}
	for _, seed := range benchSeeds {
		f, rec := seedRecord(b, seed.path)
		rec.Texts() // built once per record by the engine, shared by every rule
		// Language packs load on first use, once per process: not a
		// per-record cost.
		runChain(rec, rules.Order(all))
		b.Run(seed.name+"/parse", func(b *testing.B) {
			b.SetBytes(int64(len(f.Content)))
			for b.Loop() {
				load.Parse(rules.NewFile(f.Path, f.Content, f.Format), load.Limits{})
			}
		})
		b.Run(seed.name+"/parse+schema", func(b *testing.B) {
			b.SetBytes(int64(len(f.Content)))
			for b.Loop() {
				res := load.Parse(rules.NewFile(f.Path, f.Content, f.Format), load.Limits{})
				sc.Validate(res.Records[0])
			}
		})
		for _, r := range all {
			chain := rules.Order([]*rules.Rule{r})
			b.Run(seed.name+"/"+r.ID, func(b *testing.B) {
				for b.Loop() {
					runChain(rec, chain)
				}
			})
		}
		chain := rules.Order(all)
		b.Run(seed.name+"/all", func(b *testing.B) {
			b.SetBytes(int64(len(f.Content)))
			for b.Loop() {
				runChain(rec, chain)
			}
		})
	}
}

// TestRulesBenchmarkCoversEveryRule keeps the benchmark honest: it must
// find findings on the French seed (the typography warnings the README
// shows), so that it measures rules doing their work.
func TestRulesBenchmarkCoversEveryRule(t *testing.T) {
	_, rec := seedRecord(t, benchSeeds[0].path)
	var all []*rules.Rule
	for _, r := range rules.All() {
		if !isCore(r) {
			all = append(all, r)
		}
	}
	if n := runChain(rec, rules.Order(all)); n == 0 {
		t.Fatal("no diagnostics on the French seed: the benchmark would measure nothing")
	}
}

// BenchmarkRulesArticles is BenchmarkRules' "all" and "parse+schema" over
// the clean test articles (testdata/articles/clean: French and English,
// news genres of every kind, one record or many per file) rather than one
// seed record repeated: rules that keep what they learnt from record to
// record (consistent-naming's word keys) gain less here, so this is the
// fairer average. ns/record is each line's cost per record.
func BenchmarkRulesArticles(b *testing.B) {
	set := schemas.New(schemas.Options{})
	sc, err := set.Default()
	if err != nil {
		b.Fatal(err)
	}
	files := ruletest.Files(b, "../../testdata/articles/clean/*")
	var recs []*rules.Record
	size := 0
	for _, f := range files {
		size += len(f.Content)
		for _, rec := range load.Parse(f, load.Limits{}).Records {
			rec.Texts()
			recs = append(recs, rec)
		}
	}
	var all []*rules.Rule
	for _, r := range rules.All() {
		if !isCore(r) {
			all = append(all, r)
		}
	}
	chain := rules.Order(all)
	for _, rec := range recs {
		runChain(rec, chain) // language packs load once per process
	}
	perRecord := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(recs)), "ns/record")
	}
	b.Run("parse+schema", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, f := range files {
				for _, rec := range load.Parse(rules.NewFile(f.Path, f.Content, f.Format), load.Limits{}).Records {
					sc.Validate(rec)
				}
			}
		}
		perRecord(b)
	})
	b.Run("all", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, rec := range recs {
				runChain(rec, chain)
			}
		}
		perRecord(b)
	})
}
