package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/artlint/artlint/internal/report/sariftest"
	"github.com/artlint/artlint/rules"
)

// TestSARIFResultCap: GitHub rejects a run of more than 25,000 results, so
// the log keeps the first ones and says how many it left out.
func TestSARIFResultCap(t *testing.T) {
	run := &Run{Rules: []*rules.Rule{nbspPunct}, Success: true, Files: 1, Records: 1}
	for i := range MaxSARIFResults + 3 {
		run.Findings = append(run.Findings, Finding{
			RuleID: nbspPunct.ID, Level: rules.LevelWarning,
			Message:     "no narrow no-break space before « : »",
			Location:    Location{Path: "dépêches/flux.ndjson", Line: i + 1, Column: 12, EndLine: i + 1, EndColumn: 13, Pointer: "/body/0"},
			Fingerprint: fmt.Sprintf("nbsp-high-punctuation:%016x", i),
		})
	}
	var b bytes.Buffer
	if err := WriteSARIF(&b, run, testTool, SARIFOptions{SrcRoot: "/src/depeches"}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results     []struct{ Locations []any } `json:"results"`
			Invocations []struct {
				Notes []struct {
					Level   string `json:"level"`
					Message struct{ Text string }
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if n := len(log.Runs[0].Results); n != MaxSARIFResults {
		t.Errorf("%d results, want %d", n, MaxSARIFResults)
	}
	notes := log.Runs[0].Invocations[0].Notes
	if len(notes) != 1 || notes[0].Level != "warning" ||
		!strings.HasPrefix(notes[0].Message.Text, "3 of 25003 results left out: GitHub code scanning rejects a run with more than 25000") {
		t.Errorf("notifications: %+v", notes)
	}
	if err := sariftest.CheckGitHub(b.Bytes()); err != nil {
		t.Error(err)
	}
}
