package engine

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/artlint/artlint/internal/load"
	"github.com/artlint/artlint/internal/schemas"
	"github.com/artlint/artlint/rules"
)

// corpus builds n varied records from the seed's paragraphs and English
// ones: ids, lengths, order, block kinds, footnotes and escapes vary, and
// one record in twenty has a schema defect. Deterministic.
func corpus(tb testing.TB, n int) [][]byte {
	raw, err := os.ReadFile("../../testdata/records/nato-chicago-partners-2012.fr.json")
	if err != nil {
		tb.Fatal(err)
	}
	var seed map[string]any
	if err := json.Unmarshal(raw, &seed); err != nil {
		tb.Fatal(err)
	}
	fr := seed["body"].([]any)
	en := []any{
		"In Chicago, NATO member countries welcomed the leaders of partner countries from around the world.",
		"“Our partners all share NATO’s wish to build security,” said the Secretary General, Anders Fogh Rasmussen.",
		"The leaders of thirteen partner countries attended: Australia, Austria, Finland, Georgia, Japan, Jordan, the Republic of Korea, Morocco, New Zealand, Qatar, Sweden, Switzerland and the United Arab Emirates.",
		map[string]any{"type": "quote", "text": "We are ready to cooperate in new areas, including cyber defence and energy security.", "speaker": "Anders Fogh Rasmussen"},
		map[string]any{"type": "list", "items": []any{"Afghanistan", "Kosovo", "Libya"}},
	}
	r := rand.New(rand.NewPCG(2012, 5))
	out := make([][]byte, n)
	for i := range out {
		rec := map[string]any{"id": fmt.Sprintf("article-%06d", i), "lang": "fr", "title": seed["title"]}
		pool := fr
		if i%3 == 0 {
			rec["lang"], pool = "en", en
			rec["title"] = "NATO leaders meet partners in Chicago"
		}
		var body []any
		for k := 0; k < 5+r.IntN(15); k++ {
			body = append(body, pool[r.IntN(len(pool))])
		}
		if i%20 == 7 {
			body = append(body, 42) // a schema defect
		}
		rec["body"] = body
		if i%2 == 0 {
			rec["footnotes"] = seed["footnotes"]
			rec["updated"] = "2012-06-04T17:06:00+02:00"
		}
		data, err := json.MarshalIndent(rec, "", "  ")
		if err != nil {
			tb.Fatal(err)
		}
		if i%4 == 1 {
			// Escaped non-ASCII, as some exporters write it.
			data = []byte(strings.NewReplacer("é", `\u00e9`, "’", `\u2019`).Replace(string(data)))
		}
		out[i] = data
	}
	return out
}

// BenchmarkLoadValidate measures loading plus schema validation, the cost
// every record pays before any rule runs. Reports records/s and MB/s.
func BenchmarkLoadValidate(b *testing.B) {
	recs := corpus(b, 10_000)
	total := 0
	for _, r := range recs {
		total += len(r)
	}
	set := schemas.New(schemas.Options{})
	sc, err := set.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	findings := 0
	for b.Loop() {
		findings = 0
		for i, data := range recs {
			f := rules.NewFile(fmt.Sprintf("r%d.json", i), data, rules.FormatJSON)
			res := load.Parse(f, load.Limits{})
			for _, rec := range res.Records {
				findings += len(sc.Validate(rec))
			}
		}
	}
	b.ReportMetric(float64(len(recs)*b.N)/b.Elapsed().Seconds(), "records/s")
	if findings != 500 {
		b.Fatalf("%d schema findings, want 500 (one per defective record)", findings)
	}
}
