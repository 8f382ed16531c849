package artlint_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/artlint/artlint"
	"github.com/artlint/artlint/internal/report/sariftest"
	"github.com/artlint/artlint/rules"
)

var seeds = []string{
	"testdata/records/nato-chicago-partners-2012.fr.json",
	"testdata/records/nato-chicago-partners-2012.fr.yaml",
}

func lint(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := artlint.Run(args, strings.NewReader(""), &out, &errOut)
	return out.String(), errOut.String(), code
}

// TestSeedIsFaithful checks that both records hold the seed article's
// text byte for byte: every paragraph, the caption, the footnote.
func TestSeedIsFaithful(t *testing.T) {
	raw, err := os.ReadFile("testdata/nato-chicago-partners-2012.fr.txt")
	if err != nil {
		t.Fatal(err)
	}
	var rec struct {
		Title   string
		Updated string
		Body    []json.RawMessage
		Notes   []struct{ ID, Text string } `json:"footnotes"`
	}
	data, err := os.ReadFile(seeds[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &rec); err != nil {
		t.Fatal(err)
	}
	var parts []string
	parts = append(parts, rec.Title, "  • Mis à jour le: 04 Jun. 2012 17:06")
	for _, b := range rec.Body {
		var s string
		if json.Unmarshal(b, &s) != nil {
			var obj struct{ Text string }
			if err := json.Unmarshal(b, &obj); err != nil {
				t.Fatal(err)
			}
			s = obj.Text
		}
		parts = append(parts, s)
	}
	parts = append(parts, "  1. "+rec.Notes[0].Text)
	if got := strings.Join(parts, "\n\n"); got != string(raw) {
		t.Errorf("the JSON record does not hold the seed text byte for byte")
	}
	if rec.Updated != "2012-06-04T17:06:00+02:00" {
		t.Errorf("updated = %q", rec.Updated)
	}

	// The YAML twin decodes to the same values.
	jsonOut, _, _ := lint(t, "lint", "--format", "json", "--enable", "empty-text", seeds[0])
	yamlOut, _, _ := lint(t, "lint", "--format", "json", "--enable", "empty-text", seeds[1])
	if strings.ReplaceAll(jsonOut, ".json", "") != strings.ReplaceAll(yamlOut, ".yaml", "") {
		t.Errorf("JSON and YAML seeds differ:\n%s\n%s", jsonOut, yamlOut)
	}
}

// TestSeedCore checks the seed against the core checks: no syntax or
// schema finding, exit 0, in both formats.
func TestSeedCore(t *testing.T) {
	for _, seed := range seeds {
		out, errOut, code := lint(t, "lint", "--enable", "empty-text", seed)
		if code != 0 || out != "no problems in 1 file\n" || errOut != "" {
			t.Errorf("%s: exit %d\n%s%s", seed, code, out, errOut)
		}
	}
}

// TestSeedGoldenSARIF compares the seed's full SARIF with the golden file
// and validates it against the SARIF schema. go test -run
// TestSeedGoldenSARIF -update rewrites it.
func TestSeedGoldenSARIF(t *testing.T) {
	out, _, _ := lint(t, "lint", "--format", "sarif", seeds[0])
	// The source root is this machine's; make it stable.
	cwd, _ := os.Getwd()
	got := strings.ReplaceAll(out, "file://"+filepath.ToSlash(cwd)+"/", "file:///SRCROOT/")
	if err := sariftest.Validate([]byte(out)); err != nil {
		t.Fatalf("seed SARIF is not valid: %v", err)
	}
	if err := sariftest.CheckGitHub([]byte(out)); err != nil {
		t.Fatalf("seed SARIF breaks GitHub's rules: %v", err)
	}
	golden := "testdata/golden/nato-chicago-partners-2012.fr.sarif"
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("seed SARIF differs from %s (go test -run TestSeedGoldenSARIF -update to accept):\n%s", golden, got)
	}
}

// TestReadmeRuleTable keeps the README's rule table in step with the
// rules' own metadata.
func TestReadmeRuleTable(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), artlint.RuleTable()) {
		t.Errorf("README.md's rule table is out of date; replace it with the output of `go run ./cmd/artlint rules --markdown`:\n%s", artlint.RuleTable())
	}
}

// TestCleanArticles: 32 articles written for three independent checks of
// the rules (French, Belgian, Swiss, British and American news, press
// releases, an obituary, reviews, interviews, features, profiles, a
// changelog, a recipe, science, sport results; JSON, YAML and NDJSON),
// correct by their language's conventions, give no finding from any
// rule: precision comes first. Two gave a false alarm until it was fixed
// (a role under its other name; a paragraph introducing the next one's
// quotation).
func TestCleanArticles(t *testing.T) {
	out, errOut, code := lint(t, "lint", "--no-config", "testdata/articles/clean")
	if code != 0 || errOut != "" || out != "no problems in 127 files\n" {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
}

// TestInjectedDefects: the clean articles with one defect injected by
// hand each (testdata/articles/defects/README.md lists them, and the
// known misses) give exactly the findings in defects.want: each defect at
// its word, nothing else. -update rewrites the file; review its diff.
func TestInjectedDefects(t *testing.T) {
	const want = "testdata/articles/defects/defects.want"
	out, errOut, code := lint(t, "lint", "--no-config", "testdata/articles/defects")
	if code != 1 || errOut != "" {
		t.Fatalf("exit %d, want 1 (findings)\nstderr:\n%s", code, errOut)
	}
	if *update {
		if err := os.WriteFile(want, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	if out != string(data) {
		t.Errorf("findings on the injected defects changed (go test -run TestInjectedDefects -update . rewrites %s):\n--- got\n%s--- want\n%s", want, out, data)
	}
}

// TestRuleReference keeps docs/rules.md, the page every SARIF helpUri
// and language-server link points into, in step with the rules' metadata.
func TestRuleReference(t *testing.T) {
	doc, err := os.ReadFile(artlint.RulesDoc)
	if err != nil {
		t.Fatal(err)
	}
	if string(doc) != artlint.RuleReference() {
		t.Errorf("%s is out of date: regenerate it with `go run ./cmd/artlint rules --reference > %s`", artlint.RulesDoc, artlint.RulesDoc)
	}
	for _, r := range rules.All() {
		if !strings.Contains(string(doc), "\n## "+r.ID+"\n") {
			t.Errorf("%s has no section for %s", artlint.RulesDoc, r.ID)
		}
	}
}

// TestHelpURIOnlyForDocumentedRules: a built-in rule's SARIF helpUri is
// its section of docs/rules.md; a pattern rule from a configuration has
// no section there, so no helpUri rather than a dead link.
func TestHelpURIOnlyForDocumentedRules(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "artlint.yaml")
	if err := os.WriteFile(cfg, []byte("patterns:\n  - id: no-chicago\n    kind: existence\n    message: avoid %s\n    tokens: [Chicago]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := lint(t, "lint", "-c", cfg, "--format", "sarif", seeds[0])
	if code > 1 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID      string `json:"id"`
						HelpURI string `json:"helpUri"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		got[r.ID] = r.HelpURI
	}
	if want := "https://github.com/artlint/artlint/blob/main/docs/rules.md#typography"; got["typography"] != want {
		t.Errorf("typography helpUri = %q, want %q", got["typography"], want)
	}
	if uri, ok := got["no-chicago"]; !ok || uri != "" {
		t.Errorf("pattern rule no-chicago: listed %v, helpUri %q; want listed without helpUri", ok, uri)
	}
}

// TestRulesCommand checks `artlint rules` and `artlint rules ID` against
// the registry, the single source of rule documentation.
func TestRulesCommand(t *testing.T) {
	out, _, code := lint(t, "rules")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, r := range rules.All() {
		if !strings.Contains(out, r.ID) || !strings.Contains(out, r.Title) {
			t.Errorf("artlint rules does not list %s (%s)", r.ID, r.Title)
		}
		one, _, code := lint(t, "rules", r.ID)
		if code != 0 || !strings.HasPrefix(one, r.ID+": "+r.Title+"\n") || !strings.Contains(one, r.Doc) {
			t.Errorf("artlint rules %s: exit %d\n%s", r.ID, code, one)
		}
	}
	_, errOut, code := lint(t, "rules", "no-such-rule")
	if code != 2 || !strings.Contains(errOut, `unknown rule "no-such-rule"`) {
		t.Errorf("unknown rule: exit %d, %q", code, errOut)
	}
}

// TestBodyNumberEveryFormat checks the one schema finding for a number in
// /body/2 at the same place in text, JSON and SARIF.
func TestBodyNumberEveryFormat(t *testing.T) {
	dir := t.TempDir()
	rec := "{\n  \"id\": \"chicago\",\n  \"lang\": \"fr\",\n  \"title\": \"Sommet de Chicago\",\n  \"body\": [\n    \"Les Alliés se sont réunis.\",\n    \"Ils ont remercié les partenaires.\",\n    2012\n  ]\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "chicago.json"), []byte(rec), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	msg := "/body/2: expected a block (a paragraph string, or an object whose type is paragraph, heading, caption, quote or list); found the number 2012"

	text, _, code := lint(t, "lint", "chicago.json")
	if want := "chicago.json:8:5: error: " + msg + " (schema)\n"; code != 1 || !strings.HasPrefix(text, want) || strings.Count(text, "\n") != 2 {
		t.Errorf("text: exit %d\n%s", code, text)
	}

	js, _, _ := lint(t, "lint", "--format", "json", "chicago.json")
	var j struct {
		Findings []struct {
			Rule, Message, Path, Pointer     string
			Line, Column, EndLine, EndColumn int
		}
	}
	if err := json.Unmarshal([]byte(js), &j); err != nil {
		t.Fatal(err)
	}
	if len(j.Findings) != 1 {
		t.Fatalf("json: %d findings", len(j.Findings))
	}
	if f := j.Findings[0]; f.Rule != "schema" || f.Path != "chicago.json" || f.Line != 8 || f.Column != 5 || f.EndColumn != 9 || f.Pointer != "/body/2" || f.Message != msg {
		t.Errorf("json finding: %+v", f)
	}

	sarif, _, _ := lint(t, "lint", "--format", "sarif", "chicago.json")
	if err := sariftest.Validate([]byte(sarif)); err != nil {
		t.Fatal(err)
	}
	var s struct {
		Runs []struct {
			Results []struct {
				RuleID    string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn, EndColumn int }
					}
					LogicalLocations []struct{ FullyQualifiedName string }
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(sarif), &s); err != nil {
		t.Fatal(err)
	}
	res := s.Runs[0].Results
	if len(res) != 1 {
		t.Fatalf("sarif: %d results", len(res))
	}
	loc := res[0].Locations[0]
	if res[0].RuleID != "schema" || res[0].Message.Text != msg || loc.PhysicalLocation.ArtifactLocation.URI != "chicago.json" ||
		loc.PhysicalLocation.Region.StartLine != 8 || loc.PhysicalLocation.Region.StartColumn != 5 || loc.PhysicalLocation.Region.EndColumn != 9 ||
		loc.LogicalLocations[0].FullyQualifiedName != "/body/2" {
		t.Errorf("sarif result: %+v", res[0])
	}
}

// TestOutputFileIsAtomic checks -o: the report lands whole, and nothing
// else is left in the directory.
func TestOutputFileIsAtomic(t *testing.T) {
	dir := t.TempDir()
	abs, _ := filepath.Abs(seeds[0])
	out := filepath.Join(dir, "report.sarif")
	if _, errOut, code := lint(t, "lint", "--enable", "empty-text", "--format", "sarif", "-o", out, abs); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := sariftest.Validate(data); err != nil {
		t.Error(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory has %d entries, want only the report", len(entries))
	}
}

// TestCPUProfile: --cpu-profile writes a pprof profile (gzip-compressed
// protocol buffer) and the run's report is unchanged.
func TestCPUProfile(t *testing.T) {
	prof := filepath.Join(t.TempDir(), "cpu.prof")
	out, errOut, code := lint(t, "lint", "--cpu-profile", prof, "--enable", "empty-text", seeds[0])
	if code != 0 || errOut != "" || !strings.Contains(out, "no problems") {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	data, err := os.ReadFile(prof)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
		t.Errorf("profile is not gzip data: % x", data[:min(len(data), 8)])
	}
	if _, errOut, code := lint(t, "lint", "--cpu-profile", filepath.Join(t.TempDir(), "no", "such", "dir", "p"), seeds[0]); code != 2 || !strings.Contains(errOut, "--cpu-profile") {
		t.Errorf("unwritable profile: exit %d, stderr %q; want 2 and a message naming the flag", code, errOut)
	}
}

// TestFixSeed applies --fix to both seed records: every typography
// finding is repaired, the files still parse, and a second run is clean.
func TestFixSeed(t *testing.T) {
	dir := t.TempDir()
	for _, seed := range seeds {
		data, err := os.ReadFile(seed)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(seed)), data, 0o640); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	before, _, _ := lint(t, "lint", "--enable", "typography", ".")
	if n := strings.Count(before, "(typography)"); n != 20 {
		t.Fatalf("%d typography findings before --fix, want 10 per record:\n%s", n, before)
	}
	out, errOut, code := lint(t, "lint", "--fix", "--enable", "typography", ".")
	if code != 0 || out != "no problems in 2 files\n" || errOut != "" {
		t.Errorf("--fix: exit %d\n%s%s", code, out, errOut)
	}
	for _, seed := range seeds {
		fixed, err := os.ReadFile(filepath.Base(seed))
		if err != nil {
			t.Fatal(err)
		}
		s := string(fixed)
		if strings.Contains(s, "différente,»") || !strings.Contains(s, "différente,\u00a0»") || strings.Contains(s, "qu'a") || !strings.Contains(s, "partenaires\u202f; la") {
			t.Errorf("%s not repaired as expected", seed)
		}
		if info, _ := os.Stat(filepath.Base(seed)); info.Mode().Perm() != 0o640 {
			t.Errorf("%s: mode %v, want 0640 kept", seed, info.Mode().Perm())
		}
	}
}
