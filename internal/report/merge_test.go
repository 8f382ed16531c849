package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/artlint/artlint/internal/report/sariftest"
	"github.com/artlint/artlint/rules"
)

// splitRun cuts testRun into two shards as `--shard` would: by file, each
// shard listing only the rules it ran, in its own order, so that rule
// indices differ between the shards.
func splitRun() (a, b *Run) {
	full := testRun()
	a = &Run{Rules: []*rules.Rule{statedCount, nbspPunct}, Success: true}
	b = &Run{Rules: []*rules.Rule{quoteBalance, nbspPunct}, Success: false}
	for _, f := range full.Findings {
		if f.Location.Path == natoPath {
			a.Findings = append(a.Findings, f)
		} else {
			b.Findings = append(b.Findings, f)
		}
	}
	a.Notifications = full.Notifications[:1]
	b.Notifications = full.Notifications[1:]
	return a, b
}

func TestMergeSARIF(t *testing.T) {
	skipOnWindows(t)
	a, b := splitRun()
	opts := SARIFOptions{SrcRoot: "/src", Category: "artlint/"}
	merged, err := MergeSARIF([]SARIFInput{
		{Name: "b.sarif", Data: writeSARIF(t, b, opts)},
		{Name: "a.sarif", Data: writeSARIF(t, a, opts)},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := sariftest.Validate(merged); err != nil {
		t.Fatalf("merged SARIF: %v", err)
	}
	if err := sariftest.CheckGitHub(merged); err != nil {
		t.Fatalf("merged SARIF, GitHub: %v", err)
	}

	var doc struct {
		Runs []struct {
			Tool struct {
				Driver struct{ Rules []struct{ ID string } }
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Message   struct{ Text string }
			}
			Invocations []struct {
				ExecutionSuccessful        bool
				ToolExecutionNotifications []struct{ Message struct{ Text string } }
			}
		}
	}
	if err := json.Unmarshal(merged, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(doc.Runs))
	}
	run := doc.Runs[0]
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID)
	}
	// b's rules first (it came first), nbsp-high-punctuation once, then
	// a's; schema is added by the writer of a (a finding of a rule it
	// did not run).
	if got, want := strings.Join(ids, " "), "quote-balance nbsp-high-punctuation schema stated-count"; got != want {
		t.Errorf("rules = %s, want %s", got, want)
	}
	if len(run.Results) != len(testRun().Findings) {
		t.Fatalf("%d results, want %d", len(run.Results), len(testRun().Findings))
	}
	for i, r := range run.Results {
		if ids[r.RuleIndex] != r.RuleID {
			t.Errorf("results[%d]: ruleIndex %d is %s, ruleId is %s", i, r.RuleIndex, ids[r.RuleIndex], r.RuleID)
		}
	}
	// Sorted like one run: the unsharded run's order.
	full := testRun()
	for i, f := range full.Findings {
		if run.Results[i].Message.Text != f.Message {
			t.Errorf("results[%d] = %q, want %q (the unsharded order)", i, run.Results[i].Message.Text, f.Message)
		}
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful {
		t.Error("executionSuccessful = true, want false: shard b failed")
	}
	if len(inv.ToolExecutionNotifications) != 3 {
		t.Errorf("%d notifications, want 3", len(inv.ToolExecutionNotifications))
	}
}

func TestMergeSARIFAllSucceeded(t *testing.T) {
	a := &Run{Rules: []*rules.Rule{nbspPunct}, Success: true}
	var buf bytes.Buffer
	if err := WriteSARIF(&buf, a, testTool, SARIFOptions{}); err != nil {
		t.Fatal(err)
	}
	merged, err := MergeSARIF([]SARIFInput{{Name: "1", Data: buf.Bytes()}, {Name: "2", Data: buf.Bytes()}})
	if err != nil {
		t.Fatal(err)
	}
	if err := sariftest.Validate(merged); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(merged, []byte(`"executionSuccessful": true`)) || !bytes.Contains(merged, []byte(`"results": []`)) {
		t.Errorf("want a successful run with no results:\n%s", merged)
	}
}

func TestMergeSARIFErrors(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteSARIF(&buf, emptyRun(), testTool, SARIFOptions{}); err != nil {
		t.Fatal(err)
	}
	other := strings.Replace(buf.String(), `"name": "artlint"`, `"name": "eslint"`, 1)
	for _, tc := range []struct {
		name string
		in   []SARIFInput
		want string
	}{
		{"none", nil, "no SARIF files to merge"},
		{"not JSON", []SARIFInput{{"x.sarif", []byte("{")}}, "x.sarif: not a SARIF log: unexpected EOF"},
		{"version", []SARIFInput{{"x.sarif", []byte(`{"version":"2.0.0","runs":[]}`)}}, `x.sarif: not a SARIF 2.1.0 log (version "2.0.0")`},
		{"no run", []SARIFInput{{"x.sarif", []byte(`{"version":"2.1.0","runs":[]}`)}}, "the SARIF files hold no run"},
		{"two tools", []SARIFInput{{"a.sarif", buf.Bytes()}, {"b.sarif", []byte(other)}}, `b.sarif: runs[0]: written by "eslint", not "artlint": only the shards of one tool's run can be merged`},
		{"bad index", []SARIFInput{{"x.sarif", []byte(`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"artlint","rules":[]}},"results":[{"ruleId":"a","ruleIndex":3,"message":{"text":"m"}}]}]}`)}}, "x.sarif: runs[0]: results[0]: ruleIndex 3 is not an index of the run's rules"},
	} {
		_, err := MergeSARIF(tc.in)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: err = %v, want %s", tc.name, err, tc.want)
		}
	}
}
