package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/artlint/artlint/rules"
)

// TextOptions configures WriteText.
type TextOptions struct {
	// Color adds ANSI colours; the caller decides (terminal, NO_COLOR).
	Color bool
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

// WriteText writes the run for people, in the file:line:col form editors
// and terminals already know how to follow:
//
//	path:line:col: level: message (rule-id)
//	    path:line:col: note: related message
//	3 problems (1 error, 2 warnings) in 2 files
//
// Tool notifications are not part of it: the CLI writes them to standard
// error with WriteNotifications, whatever the format.
//
// Suppressed findings, findings unchanged since the baseline and findings
// the baseline had but this run no longer finds are not printed; the first
// two are counted in the summary as suppressed.
func WriteText(w io.Writer, run *Run, opts TextOptions) error {
	bw := bufio.NewWriter(w)
	p := textPrinter{w: bw, color: opts.Color}
	for i := range run.Findings {
		f := &run.Findings[i]
		if isSuppressed(f) || isAbsent(f) {
			continue
		}
		p.position(f.Location.Path, f.Location.Line, f.Location.Column)
		p.level(f.Level)
		p.str(f.Message)
		if f.RuleID != "" {
			p.str(" ")
			p.paint(ansiDim, "("+f.RuleID+")")
		}
		p.str("\n")
		for _, rel := range f.Related {
			p.str("    ")
			p.position(rel.Path, rel.Line, rel.Column)
			p.level(rules.LevelNote)
			msg := rel.Message
			if msg == "" {
				msg = "related location"
			}
			p.str(msg + "\n")
		}
	}
	if failures := toolErrors(run); run.Files == 0 && failures > 0 {
		// The run stopped before linting anything (a bad configuration,
		// schema or baseline): "no problems" would read as a clean pass.
		p.paint(ansiBold+ansiRed, "nothing linted: "+plural(failures, "tool error")+", on standard error")
		p.str("\n")
	} else {
		p.summary(summarize(run), run.Files)
	}
	if p.err != nil {
		return p.err
	}
	return bw.Flush()
}

// textPrinter keeps the first write error so the layout code above can
// stay linear.
type textPrinter struct {
	w     *bufio.Writer
	color bool
	err   error
}

func (p *textPrinter) str(s string) {
	if p.err == nil {
		_, p.err = p.w.WriteString(s)
	}
}

func (p *textPrinter) paint(code, s string) {
	if p.color {
		p.str(code + s + ansiReset)
	} else {
		p.str(s)
	}
}

// position writes "path:line:col: ", leaving out what is unknown (a
// finding on a whole file has no line).
func (p *textPrinter) position(path string, line, col int) {
	var b strings.Builder
	b.WriteString(path)
	if line > 0 {
		b.WriteString(":" + strconv.Itoa(line))
		if col > 0 {
			b.WriteString(":" + strconv.Itoa(col))
		}
	}
	p.paint(ansiBold, b.String())
	p.str(": ")
}

func (p *textPrinter) level(l rules.Level) {
	code := ""
	switch l {
	case rules.LevelError:
		code = ansiBold + ansiRed
	case rules.LevelWarning:
		code = ansiYellow
	case rules.LevelNote:
		code = ansiCyan
	}
	if code == "" {
		p.str(l.String())
	} else {
		p.paint(code, l.String())
	}
	p.str(": ")
}

// toolErrors counts the run's error notifications.
func toolErrors(run *Run) int {
	n := 0
	for _, no := range run.Notifications {
		if no.Level == rules.LevelError {
			n++
		}
	}
	return n
}

func (p *textPrinter) summary(s summary, files int) {
	var b strings.Builder
	if s.problems() == 0 {
		b.WriteString("no problems")
	} else {
		var parts []string
		if s.Errors > 0 {
			parts = append(parts, plural(s.Errors, "error"))
		}
		if s.Warnings > 0 {
			parts = append(parts, plural(s.Warnings, "warning"))
		}
		if s.Notes > 0 {
			parts = append(parts, plural(s.Notes, "note"))
		}
		fmt.Fprintf(&b, "%s (%s)", plural(s.problems(), "problem"), strings.Join(parts, ", "))
	}
	b.WriteString(" in " + plural(files, "file"))
	if s.Suppressed > 0 {
		fmt.Fprintf(&b, ", %d suppressed", s.Suppressed)
	}
	code := ansiBold
	if s.Errors > 0 {
		code += ansiRed
	}
	p.paint(code, b.String())
	p.str("\n")
}

// WriteNotifications writes the tool's own messages (unreadable files,
// rule failures), one line each: "path: error: message".
func WriteNotifications(w io.Writer, ns []Notification, opts TextOptions) error {
	bw := bufio.NewWriter(w)
	p := textPrinter{w: bw, color: opts.Color}
	run := &Run{Notifications: ns}
	for _, n := range run.Notifications {
		if n.Path == "" {
			p.paint(ansiBold, "artlint")
			p.str(": ")
		} else {
			p.position(n.Path, n.Line, n.Column)
		}
		p.level(n.Level)
		p.str(n.Message)
		if n.RuleID != "" {
			p.str(" ")
			p.paint(ansiDim, "("+n.RuleID+")")
		}
		p.str("\n")
	}
	if p.err != nil {
		return p.err
	}
	return bw.Flush()
}
