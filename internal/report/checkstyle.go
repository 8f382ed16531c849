package report

import (
	"encoding/xml"
	"io"

	"github.com/artlint/artlint/rules"
)

// WriteCheckstyle writes the run as Checkstyle XML, the format reviewdog
// reads with -f=checkstyle (and Jenkins' warnings-ng, SonarQube…):
//
//	<checkstyle version="0.4.0">
//	  <file name="a.json">
//	    <error line="9" column="101" severity="error" message="…" source="artlint.stated-count"></error>
//	  </file>
//	</checkstyle>
//
// Findings that count are listed, grouped by file in the run's order;
// suppressed, baseline-unchanged and absent ones are left out. Severity is
// error, warning or info. A finding on a whole file has no line or
// column. Tool notifications that name a file are listed under it with
// source "artlint"; the others only go to standard error.
func WriteCheckstyle(w io.Writer, run *Run, tool Tool) error {
	out := checkstyleDoc{Version: tool.Version, Files: []checkstyleFile{}}
	byPath := map[string]int{}
	file := func(path string) *checkstyleFile {
		i, ok := byPath[path]
		if !ok {
			i = len(out.Files)
			byPath[path] = i
			out.Files = append(out.Files, checkstyleFile{Name: path})
		}
		return &out.Files[i]
	}
	for i := range run.Findings {
		f := &run.Findings[i]
		if isSuppressed(f) || isAbsent(f) {
			continue
		}
		cf := file(f.Location.Path)
		cf.Errors = append(cf.Errors, checkstyleError{
			Line: f.Location.Line, Column: f.Location.Column,
			Severity: checkstyleSeverity(f.Level), Message: f.Message, Source: "artlint." + f.RuleID,
		})
	}
	for _, n := range run.Notifications {
		if n.Path == "" {
			continue
		}
		cf := file(n.Path)
		cf.Errors = append(cf.Errors, checkstyleError{
			Line: n.Line, Column: n.Column, Severity: checkstyleSeverity(n.Level), Message: n.Message, Source: "artlint",
		})
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

func checkstyleSeverity(l rules.Level) string {
	switch l {
	case rules.LevelError:
		return "error"
	case rules.LevelWarning:
		return "warning"
	}
	return "info"
}

type checkstyleDoc struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr,omitempty"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}
