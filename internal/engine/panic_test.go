package engine

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/artlint/artlint/internal/report"
	"github.com/artlint/artlint/internal/schemas"
	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/rules/emptytext"
)

// TestRulePanic checks that a panic in one rule becomes a tool
// notification naming the rule and the record, while the other rules and
// the other records still report.
func TestRulePanic(t *testing.T) {
	boom := &rules.Rule{
		ID: "boom", Title: "Always panics", Doc: "A rule with a bug.", Level: rules.LevelError,
		Run: func(pass *rules.Pass) (any, error) {
			if pass.Record.Index == 1 {
				var texts []rules.Text
				_ = texts[3] // index out of range on the second record only
			}
			return nil, nil
		},
	}
	feed := "{\"id\": \"a\", \"lang\": \"fr\", \"title\": \"Chicago\", \"body\": [\"Les Alliés se sont réunis.\", \" \"]}\n" +
		"{\"id\": \"b\", \"lang\": \"fr\", \"title\": \"Lisbonne\", \"body\": [\"\\u00a0\"]}\n"
	run := Lint([]Input{{Path: "feed.ndjson", Content: []byte(feed), Stdin: true}}, Options{
		Rules:   []Enabled{{Rule: boom, Level: rules.LevelError}, {Rule: emptytext.Rule, Level: rules.LevelWarning}},
		Schemas: schemas.New(schemas.Options{}),
		Jobs:    1,
	})
	if len(run.Notifications) != 1 {
		t.Fatalf("%d notifications, want 1: %+v", len(run.Notifications), run.Notifications)
	}
	n := run.Notifications[0]
	if n.RuleID != "boom" || n.Path != "feed.ndjson" || !strings.HasPrefix(n.Message, "rule boom failed on record 2: panic: runtime error: index out of range [3] with length 0") {
		t.Errorf("notification = %+v", n)
	}
	if run.Success {
		t.Error("a rule panic must make the run unsuccessful")
	}
	var got []string
	for _, f := range run.Findings {
		got = append(got, f.RuleID+" "+f.Location.Pointer)
	}
	if want := "empty-text /body/1|empty-text /body/0"; strings.Join(got, "|") != want {
		t.Errorf("findings %q, want %q: the other rule must go on on both records", strings.Join(got, "|"), want)
	}

	var buf bytes.Buffer
	if err := report.WriteSARIF(&buf, run, report.Tool{Name: "artlint", Version: "0.1.0"}, report.SARIFOptions{SrcRoot: "/src"}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful        bool
				ToolExecutionNotifications []struct {
					Message        struct{ Text string }
					AssociatedRule struct{ ID string }
				}
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	inv := log.Runs[0].Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 || inv.ToolExecutionNotifications[0].AssociatedRule.ID != "boom" {
		t.Errorf("SARIF invocation = %+v", inv)
	}
}
