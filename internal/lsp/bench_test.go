package lsp

import (
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/artlint/artlint/rules/textan"
)

// article20KB is the seed article with its body repeated until the record
// is about 20 KB of pretty JSON, a long feature.
func article20KB(tb testing.TB) string {
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
	for len(long) == 0 || len(strings.Join(texts(long), "")) < 18_000 {
		long = append(long, body...)
	}
	rec["body"] = long
	out, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	return string(out)
}

func texts(items []any) []string {
	var out []string
	for _, it := range items {
		if s, ok := it.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// BenchmarkDidChangeToDiagnostics measures, through the stdio framing, the
// time from sending a one-character didChange to receiving the
// publishDiagnostics for that version, for a 20 KB article; the debounce
// is set to 1 µs so that only the server's work is measured. "all" runs
// every built-in rule; "core+typography" the engine's own checks (syntax,
// schema, duplicate keys) and typography, which shows what the server and
// the engine cost without the heavier editorial rules.
func BenchmarkDidChangeToDiagnostics(b *testing.B) {
	b.Run("all", func(b *testing.B) { benchDidChange(b, testOptions()) })
	b.Run("core+typography", func(b *testing.B) {
		benchDidChange(b, onlyRules(testOptions(), "syntax", "schema", "duplicate-key", "typography"))
	})
}

func benchDidChange(b *testing.B, opts Options) {
	doc := article20KB(b)
	if len(doc) < 19_000 || len(doc) > 24_000 {
		b.Fatalf("article is %d bytes, want about 20 KB", len(doc))
	}
	opts.Debounce = time.Microsecond
	// As the lsp command does.
	textan.EnableMemo(2048)
	b.Cleanup(func() { textan.EnableMemo(0) })
	c := startServer(b, opts)
	c.initialize(nil)
	c.open(uriA, doc)
	c.diagnostics(uriA, 1)
	// Type and erase a letter in a paragraph, alternately.
	line := 0
	for i, l := range strings.Split(doc, "\n") {
		if strings.Contains(l, "Cette rencontre a été") {
			line = i
		}
	}
	durations := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v := i + 2
		t0 := time.Now()
		if i%2 == 0 {
			c.change(uriA, v, edit(line, 10, line, 10, "x"))
		} else {
			c.change(uriA, v, edit(line, 10, line, 11, ""))
		}
		c.diagnostics(uriA, v)
		durations = append(durations, time.Since(t0))
	}
	b.StopTimer()
	sort.Slice(durations, func(i, j int) bool { return durations[i] < durations[j] })
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(durations[len(durations)/2]), "ms-median")
	b.ReportMetric(ms(durations[min(len(durations)-1, len(durations)*99/100)]), "ms-p99")
	b.ReportMetric(float64(len(doc)), "doc-bytes")
}
