package builtin_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/artlint/artlint/internal/load"
	"github.com/artlint/artlint/internal/schemas"
	"github.com/artlint/artlint/rules"
)

// longArticle is the French seed with its body repeated until the record
// is about 20 KB of pretty JSON: the article of the language server's
// benchmark (issue 5), where the rules run on every keystroke.
func longArticle(tb testing.TB) *rules.File {
	data, err := os.ReadFile("../../testdata/records/nato-chicago-partners-2012.fr.json")
	if err != nil {
		tb.Fatal(err)
	}
	var rec map[string]any
	if err := json.Unmarshal(data, &rec); err != nil {
		tb.Fatal(err)
	}
	body := rec["body"].([]any)
	var long []any
	for n := 0; n < 18_000; {
		long = append(long, body...)
		n = 0
		for _, b := range long {
			if s, ok := b.(string); ok {
				n += len(s)
			}
		}
	}
	rec["body"] = long
	out, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	if len(out) < 19_000 || len(out) > 24_000 {
		tb.Fatalf("article is %d bytes, want about 20 KB", len(out))
	}
	return rules.NewFile("long.fr.json", out, rules.FormatJSON)
}

// BenchmarkRulesLong is BenchmarkRules on the 20 KB article: ns/op is per
// record, each rule with the analyses it requires, "all" sharing them.
func BenchmarkRulesLong(b *testing.B) {
	f := longArticle(b)
	res := load.Parse(f, load.Limits{})
	if len(res.Records) != 1 {
		b.Fatalf("%d records", len(res.Records))
	}
	rec := res.Records[0]
	rec.Texts()
	var all []*rules.Rule
	for _, r := range rules.All() {
		if !isCore(r) {
			all = append(all, r)
		}
	}
	runChain(rec, rules.Order(all))
	sc, err := schemas.New(schemas.Options{}).Default()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("parse+schema", func(b *testing.B) {
		for b.Loop() {
			res := load.Parse(rules.NewFile(f.Path, f.Content, f.Format), load.Limits{})
			sc.Validate(res.Records[0])
		}
	})
	for _, r := range all {
		chain := rules.Order([]*rules.Rule{r})
		b.Run(r.ID, func(b *testing.B) {
			for b.Loop() {
				runChain(rec, chain)
			}
		})
	}
	chain := rules.Order(all)
	b.Run("all", func(b *testing.B) {
		for b.Loop() {
			runChain(rec, chain)
		}
	})
}
