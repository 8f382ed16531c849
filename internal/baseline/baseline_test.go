package baseline

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/artlint/artlint/internal/report"
	"github.com/artlint/artlint/rules"
)

func TestWriteParseRoundTrip(t *testing.T) {
	run := &report.Run{Findings: []report.Finding{
		{RuleID: "typography", Message: `ordinary space before » should be a no-break space (U+00A0)`, Fingerprint: "b2", Location: report.Location{Path: "b.yaml"}},
		{RuleID: "schema", Message: `/body/2: expected "quote" & <b>`, Fingerprint: "a1", Location: report.Location{Path: "b.yaml"}},
		{RuleID: "typography", Message: "missing narrow no-break space before \"!\"", Fingerprint: "c3", Location: report.Location{Path: "a.json"}},
		{RuleID: "typography", Message: "suppressed", Fingerprint: "d4", Location: report.Location{Path: "a.json"},
			Suppressions: []report.Suppression{{Kind: "inSource"}}},
		{RuleID: "typography", Message: "gone", Fingerprint: "e5", BaselineState: "absent", Location: report.Location{Path: "a.json"}},
	}}
	var buf bytes.Buffer
	if err := FromRun(run).Write(&buf); err != nil {
		t.Fatal(err)
	}
	want := `{
  "artlintBaseline": 1,
  "findings": [
    {"rule": "typography", "path": "a.json", "fingerprint": "c3", "message": "missing narrow no-break space before \"!\""},
    {"rule": "schema", "path": "b.yaml", "fingerprint": "a1", "message": "/body/2: expected \"quote\" & <b>"},
    {"rule": "typography", "path": "b.yaml", "fingerprint": "b2", "message": "ordinary space before » should be a no-break space (U+00A0)"}
  ]
}
`
	if buf.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", buf.String(), want)
	}
	b, err := Parse(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Entries) != 3 || b.Entries[1].Message != `/body/2: expected "quote" & <b>` || b.Entries[2].Path != "b.yaml" {
		t.Errorf("parsed back: %+v", b.Entries)
	}

	var empty bytes.Buffer
	if err := FromRun(&report.Run{}).Write(&empty); err != nil || empty.String() != "{\n  \"artlintBaseline\": 1,\n  \"findings\": []\n}\n" {
		t.Errorf("empty baseline: %q, %v", empty.String(), err)
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"artlintBaseline": 2, "findings": []}`, "baseline format version 2; this artlint reads version 1"},
		{`{"artlintBaseline": 1, "findings": [{"rule": "schema"}]}`, "findings[0] has no fingerprint"},
		{`{"id": "a"}`, `neither an artlint baseline ("artlintBaseline": 1) nor a SARIF log ("runs")`},
		{"{\n  \"artlintBaseline\": 1,\n  \"findings\": [{\"rule\": \"é\" \"x\"}]\n}", `3:29: not a baseline: invalid character '"' after object key:value pair`},
		{`{"version": "2.1.0", "runs": [{"results": [{"ruleId": "x", "message": {"text": "m"}}]}]}`,
			`none of the SARIF log's 1 results has an "artlintFingerprint/v1" fingerprint: was it written by artlint?`},
	} {
		_, err := Parse([]byte(c.in))
		var e *Error
		got := ""
		if errors.As(err, &e) && e.Line > 0 {
			got = strings.TrimPrefix(e.Error(), ":")
		} else if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("Parse(%s):\n got  %s\n want %s", c.in, got, c.want)
		}
	}
}

func TestFromSARIF(t *testing.T) {
	log := `{"version": "2.1.0", "runs": [{"results": [
	  {"ruleId": "schema", "level": "error", "message": {"text": "m1"}, "partialFingerprints": {"artlintFingerprint/v1": "f1"},
	   "locations": [{"physicalLocation": {"artifactLocation": {"uri": "d%C3%A9p%C3%AAches/a%20b.json", "uriBaseId": "%SRCROOT%"}, "region": {"startLine": 4, "startColumn": 7}}}]},
	  {"ruleId": "typography", "message": {"text": "m2"}, "partialFingerprints": {"artlintFingerprint/v1": "f2"}, "suppressions": [{"kind": "inSource"}]},
	  {"ruleId": "typography", "message": {"text": "m3"}, "partialFingerprints": {"artlintFingerprint/v1": "f3"}, "baselineState": "absent"}
	]}]}`
	b, err := Parse([]byte(log))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Entries) != 1 {
		t.Fatalf("entries: %+v (suppressed and absent results are not findings)", b.Entries)
	}
	e := b.Entries[0]
	if e.Path != "dépêches/a b.json" || e.Fingerprint != "f1" || e.line != 4 || e.column != 7 || e.level != rules.LevelError {
		t.Errorf("entry: %+v", e)
	}
}

// TestApply: fingerprints are matched as a multiset; entries no longer
// found are absent only in files the run linted.
func TestApply(t *testing.T) {
	b := &Baseline{Entries: []Entry{
		{Rule: "typography", Path: "a.json", Fingerprint: "f1", Message: "m1"},
		{Rule: "typography", Path: "a.json", Fingerprint: "f2", Message: "m2"},
		{Rule: "schema", Path: "b.json", Fingerprint: "f3", Message: "m3"},
	}}
	run := &report.Run{
		Sources: map[string]report.Source{"a.json": {}},
		Findings: []report.Finding{
			{RuleID: "typography", Fingerprint: "f1", Location: report.Location{Path: "a.json", Line: 3}},
			{RuleID: "typography", Fingerprint: "f1", Location: report.Location{Path: "a.json", Line: 5}},
		},
	}
	b.Apply(run)
	var got []string
	for _, f := range run.Findings {
		got = append(got, f.BaselineState+" "+f.Fingerprint+" "+f.Level.String())
	}
	want := "absent f2 warning|unchanged f1 none|new f1 none"
	if strings.Join(got, "|") != want {
		t.Errorf("got %s\nwant %s", strings.Join(got, "|"), want)
	}
}
