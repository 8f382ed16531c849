package report

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/artlint/artlint/rules"
)

// WriteGitHub writes the run as GitHub Actions workflow commands, one
// annotation per finding that counts (not suppressed, not unchanged since
// the baseline, not absent), then one per tool notification:
//
//	::error file=a.json,line=9,col=101,endLine=9,endColumn=107,title=stated-count::message
//
// The runner turns each line into an annotation on the file in the pull
// request and the run summary. Levels map to error, warning and notice.
// Columns are written only when the finding starts and ends on one line:
// the Checks API behind annotations rejects columns on multi-line ones.
// A finding on a whole file (line 0) has a file and no line. Related
// locations and fixes follow the message on lines of their own.
//
// Paths are those of the other formats (relative to the working
// directory), so artlint must run from the repository root for GitHub to
// place the annotations. GitHub shows at most 10 annotations of each level
// per step; the SARIF upload has no such limit.
func WriteGitHub(w io.Writer, run *Run) error {
	bw := bufio.NewWriter(w)
	for i := range run.Findings {
		f := &run.Findings[i]
		if isSuppressed(f) || isAbsent(f) {
			continue
		}
		msg := f.Message
		for _, r := range f.Related {
			msg += "\n" + positionText(r) + ": " + r.Message
		}
		for _, fx := range f.Fixes {
			if fx.Description != "" {
				msg += "\nfix: " + fx.Description
			}
		}
		if _, err := bw.WriteString(command(githubLevel(f.Level), githubProps(f.Location, f.RuleID), msg)); err != nil {
			return err
		}
	}
	for _, n := range run.Notifications {
		loc := Location{Path: n.Path, Line: n.Line, Column: n.Column}
		title := "artlint"
		if n.RuleID != "" {
			title = "artlint: " + n.RuleID
		}
		if _, err := bw.WriteString(command(githubLevel(n.Level), githubProps(loc, title), n.Message)); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// githubProps lists an annotation's properties in the order the toolkit
// documents them; empty ones are left out.
func githubProps(l Location, title string) [][2]string {
	var p [][2]string
	if l.Path != "" {
		p = append(p, [2]string{"file", l.Path})
	}
	if l.Line > 0 {
		p = append(p, [2]string{"line", strconv.Itoa(l.Line)})
		single := l.EndLine == 0 || l.EndLine == l.Line
		if single && l.Column > 0 {
			p = append(p, [2]string{"col", strconv.Itoa(l.Column)})
		}
		if l.EndLine > 0 {
			p = append(p, [2]string{"endLine", strconv.Itoa(l.EndLine)})
		}
		if single && l.EndColumn > 0 {
			p = append(p, [2]string{"endColumn", strconv.Itoa(l.EndColumn)})
		}
	}
	if title != "" {
		p = append(p, [2]string{"title", title})
	}
	return p
}

func githubLevel(l rules.Level) string {
	switch l {
	case rules.LevelError:
		return "error"
	case rules.LevelWarning:
		return "warning"
	}
	return "notice"
}

// command formats "::name k=v,k=v::data" with the escaping of
// @actions/core (toCommandValue, escapeProperty, escapeData), which the
// runner undoes: % CR LF in both, and also : and , in property values,
// where they would end the value.
func command(name string, props [][2]string, data string) string {
	var b strings.Builder
	b.WriteString("::" + name)
	for i, kv := range props {
		if i == 0 {
			b.WriteByte(' ')
		} else {
			b.WriteByte(',')
		}
		b.WriteString(kv[0] + "=" + escapeProperty(kv[1]))
	}
	b.WriteString("::" + escapeData(data) + "\n")
	return b.String()
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

// positionText is path:line:col, or less when not known.
func positionText(l Location) string {
	s := l.Path
	if l.Line > 0 {
		s += ":" + strconv.Itoa(l.Line)
		if l.Column > 0 {
			s += ":" + strconv.Itoa(l.Column)
		}
	}
	return s
}
