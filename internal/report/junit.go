package report

import (
	"encoding/xml"
	"io"
	"sort"
	"strconv"
	"strings"
)

// WriteJUnit writes the run as JUnit XML for CI test reports (GitLab's
// artifacts:reports:junit, Jenkins' junit step):
//
//   - one <testsuite> per file, named by its path;
//   - one <testcase> per finding, named "rule-id at line:col" with the
//     file as classname and file attribute, so that GitLab and Jenkins list
//     each finding as a failed test with its message and place; a finding
//     that counts is a <failure> whose type is the rule id;
//   - a suppressed finding, or one unchanged since the baseline, is a
//     <skipped> test with the reason, so the report shows it without
//     failing; findings absent since the baseline are left out;
//   - a file linted without findings has one passing test case, "artlint",
//     so that the report also says what was checked;
//   - a tool notification is an <error> test case, in its file's suite or
//     in a suite named "artlint".
//
// One test case per finding rather than per file: both GitLab and Jenkins
// show a failure's message as a unit, and one per finding keeps each
// finding's message and position readable on its own line of the report.
func WriteJUnit(w io.Writer, run *Run, tool Tool) error {
	var order []string
	suites := map[string]*junitSuite{}
	suite := func(name string) *junitSuite {
		s, ok := suites[name]
		if !ok {
			s = &junitSuite{Name: name}
			suites[name] = s
			order = append(order, name)
		}
		return s
	}
	for i := range run.Findings {
		f := &run.Findings[i]
		if isAbsent(f) {
			continue
		}
		path := f.Location.Path
		s := suite(path)
		tc := junitCase{Name: f.RuleID + " at " + lineCol(f.Location), Classname: path, File: path}
		if isSuppressed(f) {
			reason := "unchanged since the baseline"
			if len(f.Suppressions) > 0 {
				reason = "suppressed"
				if j := f.Suppressions[0].Justification; j != "" {
					reason += ": " + j
				}
			}
			tc.Skipped = &junitSkipped{Message: reason}
			s.Skipped++
		} else {
			tc.Failure = &junitProblem{Message: f.Message, Type: f.RuleID, Text: findingText(f)}
			s.Failures++
		}
		s.Cases = append(s.Cases, tc)
	}
	for _, n := range run.Notifications {
		name := n.Path
		if name == "" {
			name = tool.Name
		}
		s := suite(name)
		s.Cases = append(s.Cases, junitCase{
			Name: tool.Name, Classname: name, File: n.Path,
			Error: &junitProblem{Message: n.Message, Type: "notification", Text: n.Message},
		})
		s.Errors++
	}
	// Files read without findings, in path order, after the others.
	var clean []string
	for p := range run.Sources {
		if _, seen := suites[p]; !seen {
			clean = append(clean, p)
		}
	}
	sort.Strings(clean)
	for _, p := range clean {
		s := suite(p)
		s.Cases = append(s.Cases, junitCase{Name: tool.Name, Classname: p, File: p})
	}

	out := junitDoc{Name: tool.Name, Suites: []junitSuite{}}
	for _, name := range order {
		s := suites[name]
		s.Tests = len(s.Cases)
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Errors += s.Errors
		out.Skipped += s.Skipped
		out.Suites = append(out.Suites, *s)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func lineCol(l Location) string {
	if l.Line == 0 {
		return "file"
	}
	return strconv.Itoa(l.Line) + ":" + strconv.Itoa(l.Column)
}

// findingText is the body of a failure: the finding as the text format
// prints it, with its related locations and fixes.
func findingText(f *Finding) string {
	var b strings.Builder
	b.WriteString(positionText(f.Location) + ": " + f.Level.String() + ": " + f.Message + " (" + f.RuleID + ")")
	for _, r := range f.Related {
		b.WriteString("\n    " + positionText(r) + ": " + r.Message)
	}
	for _, fx := range f.Fixes {
		if fx.Description != "" {
			b.WriteString("\n    fix: " + fx.Description)
		}
	}
	return b.String()
}

type junitDoc struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Failure   *junitProblem `xml:"failure"`
	Error     *junitProblem `xml:"error"`
	Skipped   *junitSkipped `xml:"skipped"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}
