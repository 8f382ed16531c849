package report

import (
	"bytes"
	"encoding/json"
	"runtime"
	"strings"
	"testing"

	"github.com/artlint/artlint/internal/report/sariftest"
	"github.com/artlint/artlint/rules"
)

// writeSARIF writes run as SARIF and checks the result against the schema
// and GitHub's ingestion rules: every SARIF the tests produce goes through
// here.
func writeSARIF(t *testing.T, run *Run, opts SARIFOptions) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteSARIF(&b, run, testTool, opts); err != nil {
		t.Fatal(err)
	}
	if err := sariftest.Validate(b.Bytes()); err != nil {
		t.Errorf("schema: %v\n%s", err, b.Bytes())
	}
	if err := sariftest.CheckGitHub(b.Bytes()); err != nil {
		t.Errorf("GitHub: %v", err)
	}
	if !bytes.HasSuffix(b.Bytes(), []byte("}\n")) || bytes.Contains(b.Bytes(), []byte("null")) {
		t.Errorf("want indented JSON without null and with a trailing newline")
	}
	return b.Bytes()
}

func skipOnWindows(t *testing.T) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the golden SrcRoot is a Unix path")
	}
}

func TestSARIFGolden(t *testing.T) {
	skipOnWindows(t)
	opts := SARIFOptions{SrcRoot: "/home/rédaction/articles OTAN", Category: "artlint/"}
	golden(t, "run.sarif", writeSARIF(t, testRun(), opts))
	golden(t, "empty.sarif", writeSARIF(t, emptyRun(), SARIFOptions{}))
}

func TestSARIFDeterministic(t *testing.T) {
	skipOnWindows(t)
	opts := SARIFOptions{SrcRoot: "/src", Category: "artlint/"}
	first := writeSARIF(t, testRun(), opts)
	for range 5 {
		if again := writeSARIF(t, testRun(), opts); !bytes.Equal(first, again) {
			t.Fatal("two writes of the same run differ")
		}
	}
}

// sarifDoc decodes the parts of a log the tests below look at.
type sarifDoc struct {
	Runs []struct {
		AutomationDetails *struct {
			ID string `json:"id"`
		} `json:"automationDetails"`
		OriginalURIBaseIDs map[string]struct {
			URI string `json:"uri"`
		} `json:"originalUriBaseIds"`
		Tool struct {
			Driver struct {
				SemanticVersion string `json:"semanticVersion"`
				Rules           []struct {
					ID                   string          `json:"id"`
					Name                 string          `json:"name"`
					DefaultConfiguration json.RawMessage `json:"defaultConfiguration"`
					ShortDescription     struct{ Text string }
					FullDescription      struct{ Text string }
					Help                 struct{ Text, Markdown string }
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
	} `json:"runs"`
}

func decodeSARIF(t *testing.T, data []byte) sarifDoc {
	t.Helper()
	var d sarifDoc
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(d.Runs))
	}
	return d
}

func TestSARIFRulesAndIndexes(t *testing.T) {
	skipOnWindows(t)
	d := decodeSARIF(t, writeSARIF(t, testRun(), SARIFOptions{SrcRoot: "/src"}))
	run := d.Runs[0]
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID+"="+r.Name)
	}
	// The listed rules in order, then the one only a finding names.
	want := "nbsp-high-punctuation=NbspHighPunctuation quote-balance=QuoteBalance stated-count=StatedCount schema="
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("rules = %s\nwant    %s", got, want)
	}
	for _, res := range run.Results {
		if got := run.Tool.Driver.Rules[res.RuleIndex].ID; got != res.RuleID {
			t.Errorf("result for %s has ruleIndex %d (%s)", res.RuleID, res.RuleIndex, got)
		}
	}
	sc := run.Tool.Driver.Rules[2]
	if sc.ShortDescription.Text != "A stated count matches the list that follows." {
		t.Errorf("shortDescription = %q", sc.ShortDescription.Text)
	}
	for _, bad := range []string{"**", "##", "`", "](", "*« treize »*"} {
		if strings.Contains(sc.FullDescription.Text, bad) || strings.Contains(sc.Help.Text, bad) {
			t.Errorf("plain text keeps Markdown %q:\n%s", bad, sc.Help.Text)
		}
	}
	if !strings.Contains(sc.Help.Markdown, "Bad:\n\n```\nun groupe de treize") || !strings.Contains(sc.Help.Text, "Good:\n\n    un groupe de douze") {
		t.Errorf("help lacks the examples:\n%s\n\n%s", sc.Help.Text, sc.Help.Markdown)
	}
	if got := run.OriginalURIBaseIDs["%SRCROOT%"].URI; got != "file:///src/" {
		t.Errorf("%%SRCROOT%% = %q", got)
	}
	if got := run.Tool.Driver.SemanticVersion; got != "0.4.0" {
		t.Errorf("semanticVersion = %q", got)
	}
}

func TestSARIFRuleOffByDefault(t *testing.T) {
	off := &rules.Rule{ID: "long-sentence", Title: "Sentences stay short", Doc: "Long sentences lose readers.", Level: rules.LevelNone}
	d := decodeSARIF(t, writeSARIF(t, &Run{Rules: []*rules.Rule{off}, Success: true}, SARIFOptions{}))
	var cfg bytes.Buffer
	if err := json.Compact(&cfg, d.Runs[0].Tool.Driver.Rules[0].DefaultConfiguration); err != nil {
		t.Fatal(err)
	}
	if got := cfg.String(); got != `{"enabled":false}` {
		t.Errorf("defaultConfiguration = %s", got)
	}
}

func TestSARIFCategory(t *testing.T) {
	for in, want := range map[string]string{"artlint/": "artlint/", "artlint": "artlint/", "artlint/fr/2024": "artlint/fr/2024"} {
		d := decodeSARIF(t, writeSARIF(t, emptyRun(), SARIFOptions{Category: in}))
		if got := d.Runs[0].AutomationDetails.ID; got != want {
			t.Errorf("category %q: id = %q, want %q", in, got, want)
		}
	}
}

func TestSARIFArtifactURIs(t *testing.T) {
	for path, want := range map[string]sarifArtifactLocation{
		"testdata/nato chicago é.json": {URI: "testdata/nato%20chicago%20%C3%A9.json", URIBaseID: "%SRCROOT%"},
		"a:b/100%#1?.json":             {URI: "a%3Ab/100%25%231%3F.json", URIBaseID: "%SRCROOT%"},
		"../autre/dépêche.yaml":        {URI: "../autre/d%C3%A9p%C3%AAche.yaml", URIBaseID: "%SRCROOT%"},
		"/tmp/hors dépôt.json":         {URI: "file:///tmp/hors%20d%C3%A9p%C3%B4t.json"},
		"C:/Users/Zoë/a.json":          {URI: "file:///C:/Users/Zo%C3%AB/a.json"},
		"//serveur/partage/a.json":     {URI: "file://serveur/partage/a.json"},
	} {
		if got := (sarifWriter{}).artifact(path); got != want {
			t.Errorf("%q: got %+v, want %+v", path, got, want)
		}
	}
	// Under the source root, an absolute path becomes relative.
	sw := sarifWriter{root: "/home/rédaction/"}
	if got, want := sw.artifact("/home/rédaction/a b.json"), (sarifArtifactLocation{URI: "a%20b.json", URIBaseID: "%SRCROOT%"}); got != want {
		t.Errorf("under the root: got %+v, want %+v", got, want)
	}
	if _, err := srcRootURI("relative/dir"); err == nil {
		t.Error("relative SrcRoot accepted")
	}
}

// TestValidatorRejects makes sure the checks can fail: a log that breaks
// the schema, and one that GitHub would refuse.
func TestValidatorRejects(t *testing.T) {
	skipOnWindows(t)
	good := writeSARIF(t, testRun(), SARIFOptions{SrcRoot: "/src"})

	var doc map[string]any
	if err := json.Unmarshal(good, &doc); err != nil {
		t.Fatal(err)
	}
	run := doc["runs"].([]any)[0].(map[string]any)
	res := run["results"].([]any)[0].(map[string]any)
	res["level"] = "fatal"           // not in the enum
	delete(res, "message")           // required
	run["columnKind"] = "characters" // not in the enum
	bad, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	err = sariftest.Validate(bad)
	if err == nil {
		t.Fatal("schema validation accepted an invalid log")
	}
	t.Logf("as reported:\n%v", err)
	for _, want := range []string{"/runs/0/results/0/level", "/runs/0/results/0", "message", "/runs/0/columnKind"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not mention %q:\n%v", want, err)
		}
	}

	// Schema-valid, but not what GitHub takes.
	if err := json.Unmarshal(good, &doc); err != nil {
		t.Fatal(err)
	}
	run = doc["runs"].([]any)[0].(map[string]any)
	res = run["results"].([]any)[0].(map[string]any)
	delete(res, "ruleId")
	delete(res, "partialFingerprints")
	loc := res["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
	loc["artifactLocation"].(map[string]any)["uri"] = "https://example.org/a.json"
	rule := run["tool"].(map[string]any)["driver"].(map[string]any)["rules"].([]any)[0].(map[string]any)
	rule["name"] = "nbsp high punctuation"
	doc["runs"] = []any{run, run} // same tool, same category
	bad, err = json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := sariftest.Validate(bad); err != nil {
		t.Fatalf("the GitHub case should be schema-valid: %v", err)
	}
	err = sariftest.CheckGitHub(bad)
	if err == nil {
		t.Fatal("CheckGitHub accepted a log GitHub would refuse")
	}
	t.Logf("as reported:\n%v", err)
	for _, want := range []string{"/ruleId", "/partialFingerprints", "is not a file path", "PascalCase", "same tool and category"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not mention %q:\n%v", want, err)
		}
	}
}

func TestSARIFNeedsRuleIDs(t *testing.T) {
	run := &Run{Findings: []Finding{{Message: "m", Location: Location{Path: "a.json", Line: 1}}}}
	if err := WriteSARIF(&bytes.Buffer{}, run, testTool, SARIFOptions{}); err == nil {
		t.Error("a finding without a rule id was written")
	}
}

func TestPascalCase(t *testing.T) {
	for in, want := range map[string]string{
		"stated-count": "StatedCount", "nbsp-high-punctuation": "NbspHighPunctuation",
		"schema": "Schema", "iso-8601-date": "Iso8601Date",
	} {
		if got := pascalCase(in); got != want {
			t.Errorf("pascalCase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSemanticVersion(t *testing.T) {
	for in, want := range map[string]string{
		"v0.4.0": "0.4.0", "1.2.3-rc.1+build.5": "1.2.3-rc.1+build.5", "(devel)": "", "1.2": "", "": "",
		"v0.0.0-20240101120000-abcdef123456": "0.0.0-20240101120000-abcdef123456",
	} {
		if got := semanticVersion(in); got != want {
			t.Errorf("semanticVersion(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLimit(t *testing.T) {
	long := strings.Repeat("mot ", 300)
	got := limit("Premier paragraphe.\n\n"+long, 100)
	if got != "Premier paragraphe.…" {
		t.Errorf("limit kept %q", got)
	}
	got = limit(long, 100)
	if n := len([]rune(got)); n > 100 || !strings.HasSuffix(got, "mot…") {
		t.Errorf("limit = %q (%d runes)", got, n)
	}
	if got := limit("court", 100); got != "court" {
		t.Errorf("limit changed a short text: %q", got)
	}
}
