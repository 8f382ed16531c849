package engine

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/artlint/artlint/internal/report"
	"github.com/artlint/artlint/internal/schemas"
	"github.com/artlint/artlint/rules"
	_ "github.com/artlint/artlint/rules/builtin"
)

func allRules() []Enabled {
	var out []Enabled
	for _, r := range rules.All() {
		if r.Level != rules.LevelNone {
			out = append(out, Enabled{Rule: r, Level: r.Level})
		}
	}
	return out
}

// TestStreamNDJSONMatchesWholeFile lints the same NDJSON file read whole and
// streamed (line by line, in batches) and wants the same findings at the
// same lines, columns and offsets, the same notifications and counts.
func TestStreamNDJSONMatchesWholeFile(t *testing.T) {
	seed, err := os.ReadFile("../../testdata/records/nato-chicago-partners-2012.fr.json")
	if err != nil {
		t.Fatal(err)
	}
	var rec map[string]any
	if err := json.Unmarshal(seed, &rec); err != nil {
		t.Fatal(err)
	}
	line, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	seedLine := string(line)
	var b strings.Builder
	b.WriteString("\xef\xbb\xbf" + seedLine + "\n") // a byte order mark
	for i := range 600 {                            // more than one batch
		l := strings.Replace(seedLine, `"id":"nato-chicago-partners-2012"`, `"id":"nato-`+strings.Repeat("x", i%7)+`"`, 1)
		switch i % 97 {
		case 3:
			l = l[:len(l)/2] // broken
		case 5:
			l = strings.Replace(l, `"lang":"fr"`, `"lang":"fr","lang":"fr"`, 1) // duplicate key
		case 8:
			l = "   " // blank
		case 13:
			l += "\r" // CRLF
		case 21:
			l = strings.Replace(l, `"title":`, `"title":42,"x":{},"summary":`, 1) // schema
		}
		b.WriteString(l + "\n")
	}
	b.WriteString(seedLine) // no final line break
	path := filepath.Join(t.TempDir(), "archive.ndjson")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := Options{Rules: allRules(), Schemas: schemas.New(schemas.Options{}), MaxFindings: -1}
	lintWith := func(threshold int64) ([]Input, *fileResultSummary) {
		old := StreamThreshold
		StreamThreshold = threshold
		defer func() { StreamThreshold = old }()
		in := []Input{{Path: path}}
		run := Lint(in, opts)
		return in, &fileResultSummary{run.Findings, run.Notifications, run.Records, run.Files}
	}
	_, whole := lintWith(1 << 40)
	_, stream := lintWith(0)
	if whole.records < 550 || whole.files != 1 {
		t.Fatalf("whole file: %d records in %d files, want about 570 in 1", whole.records, whole.files)
	}
	if stream.records != whole.records || stream.files != whole.files {
		t.Errorf("stream: %d records in %d files, want %d in %d", stream.records, stream.files, whole.records, whole.files)
	}
	if len(stream.findings) != len(whole.findings) {
		t.Fatalf("stream: %d findings, want %d", len(stream.findings), len(whole.findings))
	}
	rulesSeen := map[string]bool{}
	for i := range whole.findings {
		w, s := whole.findings[i], stream.findings[i]
		rulesSeen[w.RuleID] = true
		if !reflect.DeepEqual(w, s) {
			t.Fatalf("finding %d differs:\nwhole:  %+v\nstream: %+v", i, w, s)
		}
	}
	for _, id := range []string{"syntax", "duplicate-key", "schema", "typography"} {
		if !rulesSeen[id] {
			t.Errorf("no %s finding: the test file does not exercise it", id)
		}
	}
	if !reflect.DeepEqual(whole.notes, stream.notes) {
		t.Errorf("notifications differ:\nwhole:  %v\nstream: %v", whole.notes, stream.notes)
	}
}

type fileResultSummary struct {
	findings []reportFinding
	notes    []reportNotification
	records  int
	files    int
}

type (
	reportFinding      = report.Finding
	reportNotification = report.Notification
)
