package report

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestJSONGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		run  *Run
	}{
		{"run.json", testRun()},
		{"empty.json", emptyRun()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteJSON(&b, tc.run, testTool); err != nil {
				t.Fatal(err)
			}
			if !json.Valid(b.Bytes()) || !bytes.HasSuffix(b.Bytes(), []byte("}\n")) {
				t.Fatalf("not one JSON value with a trailing newline:\n%s", b.Bytes())
			}
			if bytes.Contains(b.Bytes(), []byte("null")) {
				t.Errorf("null in output:\n%s", b.Bytes())
			}
			golden(t, tc.name, b.Bytes())
		})
	}
}

func TestJSONSummaryMatchesText(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, testRun(), testTool); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Summary jsonSummary `json:"summary"`
	}
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	want := jsonSummary{Files: 3, Records: 14, Errors: 2, Warnings: 1, Notes: 0, Suppressed: 2}
	if out.Summary != want {
		t.Errorf("summary = %+v, want %+v", out.Summary, want)
	}
}
