package engine_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/artlint/artlint/internal/cache"
	"github.com/artlint/artlint/internal/engine"
	"github.com/artlint/artlint/internal/report"
	"github.com/artlint/artlint/internal/report/sariftest"
	"github.com/artlint/artlint/internal/suppress"
	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/rules/naming"
)

const (
	crossA = `{"id":"chicago-2012","lang":"fr","title":"Les partenaires réunis à Chicago","body":[` +
		`"« Nos partenaires partagent tous le même souhait », a déclaré le secrétaire général, M. Anders Fogh Rasmussen."]}`
	crossB = `{"id":"afghanistan-2012","lang":"fr","title":"La transition en Afghanistan","body":[` +
		`"« La transition est irréversible », a déclaré M. Anders Fogh Rassmussen à l’issue de la réunion."]}`
	// crossC suppresses the rule for its record.
	crossC = `{"id":"kaboul-2012","lang":"fr","title":"Visite à Kaboul","body":[` +
		`"M. Anders Fogh Rassmussen s’est rendu à Kaboul."],"x":{"artlint":{"disable":["consistent-naming"]}}}`
)

func crossLint(t *testing.T, jobs int, inputs ...engine.Input) *report.Run {
	t.Helper()
	opts := engine.Options{
		Rules:       []engine.Enabled{{Rule: naming.Rule, Level: rules.LevelWarning}},
		Jobs:        jobs,
		CrossRecord: true,
	}
	return engine.Lint(inputs, opts)
}

// TestCrossRecordRelatedInOtherFile checks the finding, its related
// location in the other file, and how JSON and SARIF write that location.
func TestCrossRecordRelatedInOtherFile(t *testing.T) {
	// Given in reverse order and linted in parallel: the order is by path.
	run := crossLint(t, 2,
		engine.Input{Path: "dir/b.json", Content: []byte(crossB), Stdin: true},
		engine.Input{Path: "a.json", Content: []byte(crossA), Stdin: true})
	if len(run.Findings) != 1 {
		t.Fatalf("got %d findings, want 1: %+v", len(run.Findings), run.Findings)
	}
	f := run.Findings[0]
	at := func(l report.Location) string {
		return fmt.Sprintf("%s:%d:%d-%d:%d %q %q", l.Path, l.Line, l.Column, l.EndLine, l.EndColumn, l.Snippet, l.Message)
	}
	if got, want := fmt.Sprintf("%s %s %s", f.RuleID, f.Message, at(f.Location)),
		`consistent-naming "Rassmussen" is spelled "Rasmussen" in another article dir/b.json:1:147-1:157 "Rassmussen" ""`; got != want {
		t.Errorf("finding\n got %s\nwant %s", got, want)
	}
	if len(f.Related) != 1 {
		t.Fatalf("related: %+v", f.Related)
	}
	if got, want := at(f.Related[0]), `a.json:1:186-1:195 "Rasmussen" "\"Rasmussen\" is first written here"`; got != want {
		t.Errorf("related\n got %s\nwant %s", got, want)
	}
	if f.Fingerprint == "" || len(f.Fixes) != 0 {
		t.Errorf("fingerprint %q, fixes %+v", f.Fingerprint, f.Fixes)
	}

	var js bytes.Buffer
	if err := report.Write(&js, "json", run, report.Tool{Name: "artlint"}, report.Options{}); err != nil {
		t.Fatal(err)
	}
	var jr struct {
		Findings []struct {
			Path    string
			Related []struct{ Path string }
		}
	}
	if err := json.Unmarshal(js.Bytes(), &jr); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(jr.Findings); got != "[{dir/b.json [{a.json}]}]" {
		t.Errorf("JSON paths: %s", got)
	}

	var sarif bytes.Buffer
	if err := report.Write(&sarif, "sarif", run, report.Tool{Name: "artlint", Version: "0.0.0", InformationURI: "https://artlint.dev"}, report.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := sariftest.Validate(sarif.Bytes()); err != nil {
		t.Fatalf("invalid SARIF: %v", err)
	}
	var sr struct {
		Runs []struct {
			Results []struct {
				Locations, RelatedLocations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
						Region struct{ StartLine, StartColumn int } `json:"region"`
					} `json:"physicalLocation"`
				}
			}
		}
	}
	if err := json.Unmarshal(sarif.Bytes(), &sr); err != nil {
		t.Fatal(err)
	}
	res := sr.Runs[0].Results[0]
	if got := fmt.Sprintf("%+v | %+v", res.Locations[0].PhysicalLocation, res.RelatedLocations[0].PhysicalLocation); got !=
		"{ArtifactLocation:{URI:dir/b.json URIBaseID:%SRCROOT%} Region:{StartLine:1 StartColumn:147}} | "+
			"{ArtifactLocation:{URI:a.json URIBaseID:%SRCROOT%} Region:{StartLine:1 StartColumn:186}}" {
		t.Errorf("SARIF locations: %s", got)
	}
}

// TestCrossRecordOff: without the option, records are not compared.
func TestCrossRecordOff(t *testing.T) {
	run := engine.Lint([]engine.Input{
		{Path: "a.json", Content: []byte(crossA), Stdin: true},
		{Path: "b.json", Content: []byte(crossB), Stdin: true},
	}, engine.Options{Rules: []engine.Enabled{{Rule: naming.Rule, Level: rules.LevelWarning}}, Jobs: 1})
	if len(run.Findings) != 0 {
		t.Errorf("findings without CrossRecord: %+v", run.Findings)
	}
}

// TestCrossRecordSuppressed: a record that disables the rule silences its
// cross-record finding too, and that suppression is then used; without
// the earlier record it is unused.
func TestCrossRecordSuppressed(t *testing.T) {
	lint := func(inputs ...engine.Input) []string {
		run := engine.Lint(inputs, engine.Options{Rules: []engine.Enabled{
			{Rule: naming.Rule, Level: rules.LevelWarning},
			{Rule: suppress.Rule, Level: rules.LevelWarning},
		}, Jobs: 1, CrossRecord: true})
		var out []string
		for _, f := range run.Findings {
			out = append(out, fmt.Sprintf("%s:%d:%d %s suppressed=%d", f.Location.Path, f.Location.Line, f.Location.Column, f.RuleID, len(f.Suppressions)))
		}
		return out
	}
	a := engine.Input{Path: "a.json", Content: []byte(crossA), Stdin: true}
	c := engine.Input{Path: "c.json", Content: []byte(crossC), Stdin: true}
	if got, want := fmt.Sprint(lint(a, c)), "[c.json:1:83 consistent-naming suppressed=1]"; got != want {
		t.Errorf("with the earlier record:\n got %s\nwant %s", got, want)
	}
	if got, want := fmt.Sprint(lint(c)), "[c.json:1:145 unused-suppression suppressed=0]"; got != want {
		t.Errorf("alone:\n got %s\nwant %s", got, want)
	}
}

// TestCrossRecordWithCache: a cached file result holds no names, so the
// cache is not used when records are compared; the second run, which
// would hit the cache, finds the same.
func TestCrossRecordWithCache(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []struct{ name, content string }{{"a.json", crossA}, {"b.json", crossB}} {
		if err := os.WriteFile(filepath.Join(dir, f.name), []byte(f.content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := cache.Open(filepath.Join(dir, "cache"))
	if err != nil {
		t.Fatal(err)
	}
	for run := range 2 {
		opts := engine.Options{Rules: []engine.Enabled{{Rule: naming.Rule, Level: rules.LevelWarning}}, Jobs: 1,
			CrossRecord: true, Cache: c, Tool: "test", BaseDir: dir}
		r := engine.Lint([]engine.Input{{Path: filepath.Join(dir, "a.json")}, {Path: filepath.Join(dir, "b.json")}}, opts)
		if len(r.Findings) != 1 || r.Findings[0].Location.Path != "b.json" {
			t.Errorf("run %d: want one finding in b.json, got %+v", run+1, r.Findings)
		}
	}
}
