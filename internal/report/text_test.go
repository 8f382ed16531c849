package report

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/artlint/artlint/rules"
)

func TestTextGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		run  *Run
		opts TextOptions
	}{
		{"run.txt", testRun(), TextOptions{}},
		{"run.color.txt", testRun(), TextOptions{Color: true}},
		{"empty.txt", emptyRun(), TextOptions{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteText(&b, tc.run, tc.opts); err != nil {
				t.Fatal(err)
			}
			if !tc.opts.Color && strings.Contains(b.String(), "\x1b") {
				t.Error("escape sequence without Color")
			}
			golden(t, tc.name, b.Bytes())
		})
	}
}

func TestTextSummary(t *testing.T) {
	f := func(l rules.Level, sup bool, baseline string) Finding {
		fd := Finding{RuleID: "r", Level: l, Message: "m", Location: Location{Path: "a.json", Line: 1, Column: 1}, BaselineState: baseline}
		if sup {
			fd.Suppressions = []Suppression{{Kind: "external"}}
		}
		return fd
	}
	for _, tc := range []struct {
		files    int
		findings []Finding
		want     string
	}{
		{0, nil, "no problems in 0 files"},
		{1, nil, "no problems in 1 file"},
		{2, []Finding{f(rules.LevelError, true, "")}, "no problems in 2 files, 1 suppressed"},
		{1, []Finding{f(rules.LevelError, false, "")}, "1 problem (1 error) in 1 file"},
		{2, []Finding{f(rules.LevelError, false, ""), f(rules.LevelWarning, false, "new"), f(rules.LevelWarning, false, "")},
			"3 problems (1 error, 2 warnings) in 2 files"},
		{3, []Finding{f(rules.LevelWarning, false, ""), f(rules.LevelNote, false, ""), f(rules.LevelNote, false, "unchanged"), f(rules.LevelNote, true, "")},
			"2 problems (1 warning, 1 note) in 3 files, 2 suppressed"},
		{1, []Finding{f(rules.LevelNote, false, ""), f(rules.LevelNote, false, "")}, "2 problems (2 notes) in 1 file"},
		// Absent: fixed since the baseline, so nowhere. None: not a problem.
		{1, []Finding{f(rules.LevelError, false, "absent"), f(rules.LevelNone, false, "")}, "no problems in 1 file"},
	} {
		var b bytes.Buffer
		if err := WriteText(&b, &Run{Files: tc.files, Findings: tc.findings}, TextOptions{}); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
		if got := lines[len(lines)-1]; got != tc.want {
			t.Errorf("summary = %q, want %q", got, tc.want)
		}
	}
}

func TestTextHidesSuppressed(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, testRun(), TextOptions{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, hidden := range []string{"« ? »", "never closed"} {
		if strings.Contains(out, hidden) {
			t.Errorf("output shows a suppressed, unchanged or absent finding (%q):\n%s", hidden, out)
		}
	}
	// Notifications go to standard error, not into the report.
	if strings.Contains(out, "permission denied") {
		t.Errorf("text report contains a tool notification:\n%s", out)
	}
	b.Reset()
	if err := WriteNotifications(&b, testRun().Notifications, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "permission denied") {
		t.Errorf("WriteNotifications lost a notification:\n%s", b.String())
	}
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n -= len(p); w.n < 0 {
		return 0, errShort
	}
	return len(p), nil
}

var errShort = errors.New("short write")

func TestWritersReportWriteErrors(t *testing.T) {
	for _, format := range Formats() {
		err := Write(&failWriter{n: 10}, format, testRun(), testTool, Options{SrcRoot: "/src", Category: "artlint/"})
		if err == nil {
			t.Errorf("%s: no error from a failing writer", format)
		}
	}
}
