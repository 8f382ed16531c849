package report

import (
	"fmt"

	"github.com/artlint/artlint/rules"
)

// summary is what the text and JSON formats report at the end. The formats
// share it so that they never disagree about what counts.
type summary struct {
	Errors, Warnings, Notes int
	// Suppressed counts findings that are suppressed or were already in
	// the baseline: they exist, but do not count as problems.
	Suppressed int
}

func (s summary) problems() int { return s.Errors + s.Warnings + s.Notes }

// isSuppressed reports whether a finding is kept out of the problems:
// suppressed in the source or by configuration, or unchanged since the
// baseline.
func isSuppressed(f *Finding) bool {
	return len(f.Suppressions) > 0 || f.BaselineState == "unchanged"
}

// isAbsent reports whether a finding is one the baseline had and this run
// no longer finds: SARIF wants it listed, but it is not a problem.
func isAbsent(f *Finding) bool { return f.BaselineState == "absent" }

func summarize(run *Run) summary {
	var s summary
	for i := range run.Findings {
		f := &run.Findings[i]
		switch {
		case isAbsent(f):
		case isSuppressed(f):
			s.Suppressed++
		default:
			switch f.Level {
			case rules.LevelError:
				s.Errors++
			case rules.LevelWarning:
				s.Warnings++
			case rules.LevelNote:
				s.Notes++
			}
		}
	}
	return s
}

// plural formats a count with a noun, adding "s" when n is not 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
