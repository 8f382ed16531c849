package artlint_test

import (
	"bytes"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/artlint/artlint"
	"github.com/artlint/artlint/internal/report/sariftest"
)

// cli runs artlint in the current directory.
func cli(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = artlint.Run(args, strings.NewReader(""), &out, &errOut)
	return out.String(), errOut.String(), code
}

// sarifResult is what the tests read of a SARIF result.
type sarifResult struct {
	RuleID        string `json:"ruleId"`
	Message       struct{ Text string }
	BaselineState string `json:"baselineState"`
	Suppressions  []struct {
		Kind          string `json:"kind"`
		Justification string `json:"justification"`
	} `json:"suppressions"`
	Locations []struct {
		PhysicalLocation struct {
			ArtifactLocation struct{ URI string } `json:"artifactLocation"`
			Region           struct{ StartLine, StartColumn int }
		} `json:"physicalLocation"`
		LogicalLocations []struct {
			FullyQualifiedName string `json:"fullyQualifiedName"`
		} `json:"logicalLocations"`
	} `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

func (r sarifResult) pointer() string {
	if len(r.Locations) == 0 || len(r.Locations[0].LogicalLocations) == 0 {
		return ""
	}
	return r.Locations[0].LogicalLocations[0].FullyQualifiedName
}

func (r sarifResult) line() int {
	if len(r.Locations) == 0 {
		return 0
	}
	return r.Locations[0].PhysicalLocation.Region.StartLine
}

// sarifResults validates a SARIF log and returns its results.
func sarifResults(t *testing.T, log string) []sarifResult {
	t.Helper()
	if err := sariftest.Validate([]byte(log)); err != nil {
		t.Fatalf("invalid SARIF: %v\n%s", err, log)
	}
	var doc struct {
		Runs []struct {
			Results []sarifResult `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(log), &doc); err != nil || len(doc.Runs) != 1 {
		t.Fatalf("SARIF: %v, %d runs", err, len(doc.Runs))
	}
	return doc.Runs[0].Results
}

// The accepted defect: a block whose type the article format does not
// know ("citation" for a quote). It is an error, so it fails a run.
const baselineRecord = `{
  "id": "otan-sommet-chicago-2012",
  "lang": "fr",
  "title": "Les dirigeants des pays de l’OTAN rencontrent les partenaires à Chicago",
  "published": "2012-05-20T18:00:00Z",
  "body": [
    "À Chicago, les pays membres de l’OTAN ont accueilli les dirigeants de treize pays partenaires du monde entier.",
    "Les chefs d’État et de gouvernement ont tenu une réunion sans précédent avec les pays contributeurs.",
    {"type": "citation", "text": "Nous avons en partage le même ensemble de valeurs.", "speaker": "Alexander Vershbow"},
    "Le secrétaire général délégué a ajouté que la réunion avait montré tout ce que les Alliés avaient gagné."
  ]
}
`

// TestBaseline is the scenario: lint, write the baseline, insert a
// paragraph above the accepted finding and add one new defect. Exactly one
// finding is new, the accepted one is unchanged, and the run fails because
// of the new one only; without the new defect it passes. The baseline is
// either artlint's baseline file or the first run's SARIF.
func TestBaseline(t *testing.T) {
	for _, kind := range []string{"baseline-file", "sarif"} {
		t.Run(kind, func(t *testing.T) {
			t.Chdir(t.TempDir())
			write(t, "otan.json", baselineRecord)

			sarif, _, code := cli(t, "lint", "--format", "sarif", "otan.json")
			if code != 1 {
				t.Fatalf("first run: exit %d, want 1 (the accepted defect is an error)", code)
			}
			before := sarifResults(t, sarif)
			if len(before) != 1 || before[0].RuleID != "schema" || before[0].pointer() != "/body/2" || before[0].line() != 9 {
				t.Fatalf("first run: want one schema finding at /body/2, line 9; got %+v", before)
			}
			base := "artlint-baseline.json"
			if kind == "sarif" {
				base = "before.sarif"
				write(t, base, sarif)
			} else if _, stderr, code := cli(t, "baseline", "write", "otan.json", "-o", base); code != 0 {
				t.Fatalf("baseline write: exit %d: %s", code, stderr)
			}

			// Unchanged file: nothing new, exit 0.
			if out, _, code := cli(t, "lint", "--baseline", base, "otan.json"); code != 0 || out != "no problems in 1 file, 1 suppressed\n" {
				t.Errorf("unchanged file: exit %d, output %q", code, out)
			}

			// A paragraph inserted above the finding, and a new defect: an
			// update dated before the publication.
			edited := strings.Replace(baselineRecord,
				`    {"type": "citation"`,
				`    "Le sommet s’est ouvert dimanche sous une pluie fine, et les délégations sont arrivées tôt.",
    {"type": "citation"`, 1)
			edited = strings.Replace(edited, `  "published": "2012-05-20T18:00:00Z",`,
				`  "published": "2012-05-20T18:00:00Z",
  "updated": "2012-05-19T09:30:00Z",`, 1)
			write(t, "otan.json", edited)

			sarif, _, code = cli(t, "lint", "--format", "sarif", "--baseline", base, "otan.json")
			if code != 1 {
				t.Errorf("with a new defect: exit %d, want 1", code)
			}
			var states []string
			for _, r := range sarifResults(t, sarif) {
				states = append(states, r.BaselineState+" "+r.RuleID+" "+r.pointer())
			}
			want := []string{"new schema /updated", "unchanged schema /body/3"}
			if strings.Join(states, "\n") != strings.Join(want, "\n") {
				t.Errorf("with a new defect: got\n%s\nwant\n%s", strings.Join(states, "\n"), strings.Join(want, "\n"))
			}
			out, _, _ := cli(t, "lint", "--baseline", base, "otan.json")
			wantText := "otan.json:6:14: error: updated (2012-05-19T09:30:00Z) is before published (2012-05-20T18:00:00Z): an article cannot be updated before it is published (schema)\n" +
				"    otan.json:5:16: note: published here\n" +
				"1 problem (1 error) in 1 file, 1 suppressed\n"
			if out != wantText {
				t.Errorf("text output: got\n%swant\n%s", out, wantText)
			}

			// The new defect removed: the accepted finding alone passes.
			write(t, "otan.json", strings.Replace(edited, "  \"updated\": \"2012-05-19T09:30:00Z\",\n", "", 1))
			if out, _, code := cli(t, "lint", "--baseline", base, "otan.json"); code != 0 {
				t.Errorf("new defect removed: exit %d, want 0:\n%s", code, out)
			}

			// The accepted finding fixed: it is absent from the run, listed
			// as such in SARIF, and nothing fails.
			write(t, "otan.json", strings.Replace(edited, `"type": "citation"`, `"type": "quote"`, 1))
			sarif, _, code = cli(t, "lint", "--format", "sarif", "--baseline", base, "otan.json")
			states = nil
			for _, r := range sarifResults(t, sarif) {
				states = append(states, r.BaselineState+" "+r.RuleID)
			}
			sort.Strings(states) // a SARIF baseline keeps the old line of the absent one; a baseline file has none
			if code != 1 || strings.Join(states, ",") != "absent schema,new schema" {
				t.Errorf("accepted finding fixed: exit %d, states %v; want 1 and [absent schema, new schema]", code, states)
			}
		})
	}
}

// TestBaselineSubset: linting some files with a baseline of all of them
// (pre-commit passes only the staged files) lists no finding of the other
// files as absent.
func TestBaselineSubset(t *testing.T) {
	t.Chdir(t.TempDir())
	write(t, "a.json", baselineRecord)
	write(t, "b.json", strings.Replace(baselineRecord, "otan-sommet-chicago-2012", "otan-sommet-chicago-2012-b", 1))
	if _, stderr, code := cli(t, "baseline", "write", "a.json", "b.json", "-o", "base.json"); code != 0 {
		t.Fatalf("baseline write: exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile("base.json")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), `"rule": "schema"`); n != 2 {
		t.Fatalf("baseline has %d schema findings, want 2:\n%s", n, data)
	}
	sarif, _, code := cli(t, "lint", "--format", "sarif", "--baseline", "base.json", "a.json")
	if code != 0 {
		t.Errorf("exit %d, want 0", code)
	}
	res := sarifResults(t, sarif)
	if len(res) != 1 || res[0].BaselineState != "unchanged" || res[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != "a.json" {
		t.Errorf("want one unchanged finding in a.json, got %+v", res)
	}
}

// TestBaselineWriteRefusesPartialRun: a baseline missing an unreadable
// file's findings would make them all new next time, so none is written.
func TestBaselineWriteRefusesPartialRun(t *testing.T) {
	t.Chdir(t.TempDir())
	write(t, "a.json", baselineRecord)
	_, stderr, code := cli(t, "baseline", "write", "a.json", "missing.json", "-o", "base.json")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if !strings.Contains(stderr, "missing.json: error: cannot read: no such file or directory\n") ||
		!strings.Contains(stderr, "baseline not written") {
		t.Errorf("stderr: %s", stderr)
	}
	if _, err := os.Stat("base.json"); !os.IsNotExist(err) {
		t.Errorf("base.json was written (%v)", err)
	}
}

func write(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
