package artlint_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/artlint/artlint/internal/report/sariftest"
)

// TestShardsMergeToTheUnshardedRun lints a small archive whole and in three
// shards, merges the shards' SARIF with "artlint sarif merge", and wants
// the same results as the unsharded run, in a log that validates.
func TestShardsMergeToTheUnshardedRun(t *testing.T) {
	dir := t.TempDir()
	seedFiles := []string{
		"testdata/records/nato-chicago-partners-2012.fr.json",
		"testdata/records/nato-chicago-partners-2012.fr.yaml",
		"testdata/records/nato-lisbon-summit-2010.en.yaml",
	}
	for i := range 4 {
		for _, s := range seedFiles {
			data, err := os.ReadFile(s)
			if err != nil {
				t.Fatal(err)
			}
			if i == 2 && strings.HasSuffix(s, ".json") {
				// A broken copy: its syntax finding must survive the merge.
				data = data[:len(data)/2]
			}
			p := filepath.Join(dir, fmt.Sprintf("desk-%d", i), filepath.Base(s))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	full, _, code := lint(t, "lint", "--no-config", "--format", "sarif", dir)
	if code != 1 {
		t.Fatalf("unsharded run: exit %d, want 1", code)
	}
	var shards []string
	for k := 1; k <= 3; k++ {
		out := filepath.Join(dir, fmt.Sprintf("shard-%d.sarif", k))
		if _, errOut, code := lint(t, "lint", "--no-config", "--format", "sarif", "-o", out, "--shard", fmt.Sprintf("%d/3", k), dir); code > 1 {
			t.Fatalf("shard %d/3: exit %d: %s", k, code, errOut)
		}
		shards = append(shards, out)
	}
	merged := filepath.Join(dir, "all.sarif")
	if _, errOut, code := lint(t, append(append([]string{"sarif", "merge"}, shards...), "-o", merged)...); code != 0 {
		t.Fatalf("sarif merge: exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(merged)
	if err != nil {
		t.Fatal(err)
	}
	if err := sariftest.Validate(data); err != nil {
		t.Fatalf("merged SARIF: %v", err)
	}
	if err := sariftest.CheckGitHub(data); err != nil {
		t.Fatalf("merged SARIF, GitHub: %v", err)
	}
	want, got := resultsOf(t, []byte(full)), resultsOf(t, data)
	if !bytes.Equal(want, got) {
		t.Errorf("merged shards differ from the unsharded run:\nunsharded: %.2000s\nmerged:    %.2000s", want, got)
	}
	if !bytes.Contains(want, []byte(`"ruleId":"syntax"`)) {
		t.Error("the unsharded run has no syntax finding: the broken copy was not linted")
	}
}

// resultsOf returns the rules and results of a log's single run as JSON
// with sorted keys, so that logs compare by content, not member order.
func resultsOf(t *testing.T, sarif []byte) []byte {
	t.Helper()
	var doc struct {
		Runs []struct {
			Tool    struct{ Driver struct{ Rules any } }
			Results any
		}
	}
	if err := json.Unmarshal(sarif, &doc); err != nil || len(doc.Runs) != 1 {
		t.Fatalf("not a one-run SARIF log (%v): %.300s", err, sarif)
	}
	out, err := json.Marshal([]any{doc.Runs[0].Tool.Driver.Rules, doc.Runs[0].Results})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
