package artlint

import (
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/artlint/artlint/internal/fix"
	"github.com/artlint/artlint/internal/load"
	"github.com/artlint/artlint/internal/report"
	"github.com/artlint/artlint/rules"
)

// applyFixes writes the first fix of every unsuppressed finding into its
// file and returns how many files changed. A file is only written when it
// has not changed since it was read and the fixed text still parses.
func applyFixes(run *report.Run, limits load.Limits, stderr io.Writer) (changed int, failed bool) {
	byPath := map[string][]fix.Edit{}
	for _, f := range run.Findings {
		if len(f.Fixes) == 0 || len(f.Suppressions) > 0 {
			continue
		}
		for _, e := range f.Fixes[0].Edits {
			byPath[e.Location.Path] = append(byPath[e.Location.Path], fix.Edit{Start: e.Location.Span.Start, End: e.Location.Span.End, NewText: e.NewText})
		}
	}
	paths := make([]string, 0, len(byPath))
	for p := range byPath {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		src, ok := run.Sources[p]
		if !ok || src.Stdin {
			fmt.Fprintf(stderr, "%s: warning: fixes are not applied to standard input\n", p)
			continue
		}
		fixed, err := fix.Apply(src.Content, byPath[p])
		var conflict *fix.ConflictError
		if err != nil && !errors.As(err, &conflict) {
			fmt.Fprintf(stderr, "%s: error: cannot fix: %v\n", p, err)
			failed = true
			continue
		}
		if conflict != nil {
			fmt.Fprintf(stderr, "%s: warning: %d overlapping fixes left for the next run\n", p, conflict.Skipped)
		}
		reparse := func(b []byte) error {
			res := load.Parse(rules.NewFile(p, b, src.Format), limits)
			if len(res.Errors) > 0 {
				return fmt.Errorf("the fixed file would not parse: %s", res.Errors[0].Msg)
			}
			return nil
		}
		if err := fix.WriteFile(src.Path, src.Content, fixed, reparse); err != nil {
			fmt.Fprintf(stderr, "%s: error: fixes not written: %v\n", p, err)
			failed = true
			continue
		}
		changed++
	}
	return changed, failed
}
