package report

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strconv"

	"github.com/artlint/artlint/rules"
)

// WriteGitLab writes the run as a GitLab Code Quality report
// (artifacts:reports:codequality), a JSON array in the Code Climate
// format:
//
//	[{"type": "issue", "check_name": "stated-count", "description": "…",
//	  "categories": ["Style"], "severity": "major",
//	  "fingerprint": "…",
//	  "location": {"path": "a.json", "lines": {"begin": 9, "end": 9}}}]
//
// Findings that count are listed; suppressed, baseline-unchanged and
// absent ones are not (GitLab compares the reports of the two branches of
// a merge request itself). Severity: error → major, warning → minor,
// note → info. The fingerprint is a hash of artlint's fingerprint, which
// does not change when lines are added above a finding, so GitLab sees a
// moved finding as the same one; a second finding with the same
// fingerprint in a run gets a different one, as GitLab wants them unique.
// A finding on a whole file is placed at line 1. Tool notifications are
// not written: they have no code to attach to, and go to standard error.
func WriteGitLab(w io.Writer, run *Run) error {
	out := make([]gitlabIssue, 0, len(run.Findings))
	seen := map[string]int{}
	for i := range run.Findings {
		f := &run.Findings[i]
		if isSuppressed(f) || isAbsent(f) {
			continue
		}
		key := f.Fingerprint
		if key == "" {
			key = f.RuleID + "\x00" + f.Location.Path + "\x00" + f.Message
		}
		key = f.Location.Path + "\x00" + key
		if n := seen[key]; n > 0 {
			seen[key] = n + 1
			key += "\x00" + strconv.Itoa(n)
		} else {
			seen[key] = 1
		}
		sum := sha256.Sum256([]byte(key))
		begin, end := f.Location.Line, f.Location.EndLine
		if begin < 1 {
			begin = 1
		}
		if end < begin {
			end = begin
		}
		out = append(out, gitlabIssue{
			Type:        "issue",
			CheckName:   f.RuleID,
			Description: f.Message,
			Categories:  []string{"Style"},
			Severity:    gitlabSeverity(f.Level),
			Fingerprint: hex.EncodeToString(sum[:16]),
			Location:    gitlabLocation{Path: f.Location.Path, Lines: gitlabLines{Begin: begin, End: end}},
		})
	}
	return encodeJSON(w, out)
}

func gitlabSeverity(l rules.Level) string {
	switch l {
	case rules.LevelError:
		return "major"
	case rules.LevelWarning:
		return "minor"
	}
	return "info"
}

type gitlabIssue struct {
	Type        string         `json:"type"`
	CheckName   string         `json:"check_name"`
	Description string         `json:"description"`
	Categories  []string       `json:"categories"`
	Severity    string         `json:"severity"`
	Fingerprint string         `json:"fingerprint"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
	End   int `json:"end"`
}
