package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/artlint/artlint/rules"
)

// ciRun is testRun with the files it read, which the JUnit format lists
// even when clean.
func ciRun() *Run {
	run := testRun()
	run.Sources = map[string]Source{
		natoPath:                              {},
		"testdata/records/lisbonne 2010.yaml": {},
		"testdata/records/sans-langue.json":   {},
		"testdata/records/propre.json":        {},
	}
	return run
}

func TestCIFormatsGolden(t *testing.T) {
	for _, format := range []string{"github", "checkstyle", "junit", "gitlab"} {
		ext := map[string]string{"github": "txt", "checkstyle": "xml", "junit": "xml", "gitlab": "json"}[format]
		for _, tc := range []struct {
			name string
			run  *Run
		}{{"run", ciRun()}, {"empty", emptyRun()}} {
			name := tc.name + "." + format + "." + ext
			t.Run(name, func(t *testing.T) {
				var b bytes.Buffer
				if err := Write(&b, format, tc.run, testTool, Options{}); err != nil {
					t.Fatal(err)
				}
				switch ext {
				case "xml":
					wellFormedXML(t, b.Bytes())
				case "json":
					if !json.Valid(b.Bytes()) {
						t.Fatalf("not JSON:\n%s", b.Bytes())
					}
				}
				golden(t, name, b.Bytes())
			})
		}
	}
}

func wellFormedXML(t *testing.T, data []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, data)
		}
	}
}

// ghCommand is a parsed workflow command.
type ghCommand struct {
	Name  string
	Props map[string]string
	Data  string
}

// parseWorkflowCommand parses one line the way the Actions runner does
// (ActionCommand.TryParseV2): "::", the command name up to a space or
// "::", comma-separated key=value properties, "::", the data; then it
// undoes @actions/core's escaping. It is strict where the runner is
// lenient, so that sloppy output fails here.
func parseWorkflowCommand(line string) (ghCommand, error) {
	rest, ok := strings.CutPrefix(line, "::")
	if !ok {
		return ghCommand{}, fmt.Errorf("does not start with \"::\": %q", line)
	}
	head, data, ok := strings.Cut(rest, "::")
	if !ok {
		return ghCommand{}, fmt.Errorf("no \"::\" after the command: %q", line)
	}
	if strings.ContainsAny(data, "\r\n") {
		return ghCommand{}, fmt.Errorf("raw line break in data: %q", data)
	}
	name, props, _ := strings.Cut(head, " ")
	c := ghCommand{Name: name, Props: map[string]string{}, Data: unescapeData(data)}
	if props == "" {
		return c, nil
	}
	for _, kv := range strings.Split(props, ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return ghCommand{}, fmt.Errorf("property %q is not key=value in %q", kv, line)
		}
		if strings.ContainsAny(v, ":\r\n") {
			return ghCommand{}, fmt.Errorf("unescaped character in property %q", kv)
		}
		if _, dup := c.Props[k]; dup {
			return ghCommand{}, fmt.Errorf("property %q twice", k)
		}
		c.Props[k] = unescapeProperty(v)
	}
	return c, nil
}

func unescapeData(s string) string {
	return strings.NewReplacer("%0D", "\r", "%0A", "\n", "%25", "%").Replace(s)
}

func unescapeProperty(s string) string {
	return strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%").Replace(s)
}

func parseGitHub(t *testing.T, out string) []ghCommand {
	t.Helper()
	var cmds []ghCommand
	for _, line := range strings.SplitAfter(out, "\n") {
		if line == "" {
			continue
		}
		if !strings.HasSuffix(line, "\n") {
			t.Fatalf("last line has no newline: %q", line)
		}
		c, err := parseWorkflowCommand(strings.TrimSuffix(line, "\n"))
		if err != nil {
			t.Fatal(err)
		}
		switch c.Name {
		case "error", "warning", "notice":
		default:
			t.Fatalf("command %q is not an annotation", c.Name)
		}
		for k := range c.Props {
			switch k {
			case "file", "line", "col", "endLine", "endColumn", "title":
			default:
				t.Errorf("unknown annotation property %q in %q", k, line)
			}
		}
		cmds = append(cmds, c)
	}
	return cmds
}

func TestGitHubWorkflowCommands(t *testing.T) {
	var b bytes.Buffer
	if err := WriteGitHub(&b, ciRun()); err != nil {
		t.Fatal(err)
	}
	got := parseGitHub(t, b.String())
	want := []ghCommand{
		{"error", map[string]string{"file": "testdata/nato chicago é.json", "line": "9", "col": "101", "endLine": "9", "endColumn": "107", "title": "stated-count"},
			"states 13 (« treize ») countries but lists 12\n" +
				"testdata/nato chicago é.json:21:6: the list of 12 countries starts here\n" +
				"fix: Replace « treize » with « douze »"},
		{"warning", map[string]string{"file": "testdata/nato chicago é.json", "line": "12", "col": "48", "endLine": "12", "endColumn": "49", "title": "nbsp-high-punctuation"},
			"no narrow no-break space before « : »\nfix: Insert U+202F NARROW NO-BREAK SPACE"},
		// The suppressed, unchanged and absent findings are not annotated.
		{"error", map[string]string{"file": "testdata/records/sans-langue.json", "title": "schema"}, `missing required property "lang"`},
		{"warning", map[string]string{"title": "artlint"}, `unknown rule "nbsp" in --disable`},
		{"error", map[string]string{"file": "testdata/illisible.json", "title": "artlint"}, "open testdata/illisible.json: permission denied"},
		{"error", map[string]string{"file": "testdata/nato chicago é.json", "line": "9", "col": "101", "title": "artlint: stated-count"},
			`rule "stated-count" panicked: runtime error: index out of range [12] with length 12`},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%#v\nwant\n%#v", got, want)
	}
}

// TestGitHubEscaping puts every character the syntax reserves into a
// path, a rule id and a message, and checks they come back intact and
// cannot end a property or the line early.
func TestGitHubEscaping(t *testing.T) {
	run := &Run{Findings: []Finding{
		{
			RuleID:  "house:style,1",
			Level:   rules.LevelNote,
			Message: "100 % des « sondés »,\r\nsur deux lignes :: fin",
			Location: Location{
				Path: "dépêches/2012,05:21 %20.json", Line: 3, Column: 5, EndLine: 4, EndColumn: 2,
			},
		},
	}}
	var b bytes.Buffer
	if err := WriteGitHub(&b, run); err != nil {
		t.Fatal(err)
	}
	want := "::notice file=dépêches/2012%2C05%3A21 %2520.json,line=3,endLine=4,title=house%3Astyle%2C1::100 %25 des « sondés »,%0D%0Asur deux lignes :: fin\n"
	if b.String() != want {
		t.Fatalf("got  %q\nwant %q", b.String(), want)
	}
	got := parseGitHub(t, b.String())
	// Columns are left out on a multi-line annotation.
	wantCmd := ghCommand{"notice", map[string]string{
		"file": "dépêches/2012,05:21 %20.json", "line": "3", "endLine": "4", "title": "house:style,1",
	}, "100 % des « sondés »,\r\nsur deux lignes :: fin"}
	if len(got) != 1 || !reflect.DeepEqual(got[0], wantCmd) {
		t.Errorf("got %#v\nwant %#v", got, wantCmd)
	}
}

func TestCheckstyleFields(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCheckstyle(&b, ciRun(), testTool); err != nil {
		t.Fatal(err)
	}
	var doc checkstyleDoc
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range doc.Files {
		for _, e := range f.Errors {
			got = append(got, fmt.Sprintf("%s:%d:%d %s %s %s", f.Name, e.Line, e.Column, e.Severity, e.Source, e.Message))
		}
	}
	want := []string{
		"testdata/nato chicago é.json:9:101 error artlint.stated-count states 13 (« treize ») countries but lists 12",
		"testdata/nato chicago é.json:12:48 warning artlint.nbsp-high-punctuation no narrow no-break space before « : »",
		`testdata/nato chicago é.json:9:101 error artlint rule "stated-count" panicked: runtime error: index out of range [12] with length 12`,
		`testdata/records/sans-langue.json:0:0 error artlint.schema missing required property "lang"`,
		"testdata/illisible.json:0:0 error artlint open testdata/illisible.json: permission denied",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestJUnitCounts(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJUnit(&b, ciRun(), testTool); err != nil {
		t.Fatal(err)
	}
	var doc junitDoc
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	// 2 failures in the NATO file (+1 notification error), 1 skipped
	// (suppressed) and 1 skipped (unchanged) in Lisbon, 1 failure for the
	// schema, 2 notification errors, 1 clean file.
	if doc.Tests != 9 || doc.Failures != 3 || doc.Errors != 3 || doc.Skipped != 2 {
		t.Errorf("totals: tests %d failures %d errors %d skipped %d", doc.Tests, doc.Failures, doc.Errors, doc.Skipped)
	}
	var names []string
	for _, s := range doc.Suites {
		names = append(names, fmt.Sprintf("%s(%d)", s.Name, s.Tests))
	}
	want := "testdata/nato chicago é.json(3) testdata/records/lisbonne 2010.yaml(2) testdata/records/sans-langue.json(1) artlint(1) testdata/illisible.json(1) testdata/records/propre.json(1)"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("suites: %s\nwant    %s", got, want)
	}
}

func TestGitLabFields(t *testing.T) {
	run := ciRun()
	// Two findings alike in all but their place must keep distinct
	// fingerprints.
	twin := run.Findings[len(run.Findings)-1]
	twin.Location.Line = 40
	run.Findings = append(run.Findings, twin)
	var b bytes.Buffer
	if err := WriteGitLab(&b, run); err != nil {
		t.Fatal(err)
	}
	var issues []map[string]any
	if err := json.Unmarshal(b.Bytes(), &issues); err != nil {
		t.Fatal(err)
	}
	if len(issues) != 4 {
		t.Fatalf("%d issues, want 4 (suppressed, unchanged and absent left out):\n%s", len(issues), b.Bytes())
	}
	seen := map[string]bool{}
	for _, is := range issues {
		for _, k := range []string{"description", "check_name", "fingerprint", "severity"} {
			if s, _ := is[k].(string); s == "" {
				t.Errorf("%v: %s missing", is, k)
			}
		}
		loc, _ := is["location"].(map[string]any)
		lines, _ := loc["lines"].(map[string]any)
		if p, _ := loc["path"].(string); p == "" || lines["begin"].(float64) < 1 {
			t.Errorf("%v: location.path or lines.begin missing", is)
		}
		fp := is["fingerprint"].(string)
		if seen[fp] {
			t.Errorf("fingerprint %s twice", fp)
		}
		seen[fp] = true
	}
	first := issues[0]
	if first["check_name"] != "stated-count" || first["severity"] != "major" ||
		first["location"].(map[string]any)["lines"].(map[string]any)["begin"] != 9.0 {
		t.Errorf("first issue: %v", first)
	}
}
