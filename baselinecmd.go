package artlint

import (
	"fmt"
	"io"

	"github.com/artlint/artlint/internal/baseline"
	"github.com/artlint/artlint/internal/report"
)

const baselineUsage = `Usage: artlint baseline write [lint flags] PATH... -o FILE

Lint PATH... as "artlint lint" does (same flags) and write every finding
that counts (not suppressed) to FILE, one per line, sorted. Later runs of
"artlint lint --baseline FILE" mark those findings "unchanged" and fail only
on new ones. Without -o the baseline goes to standard output.
`

// baseline runs "artlint baseline write": a lint whose run is written as a
// baseline file instead of a report.
func (c *cli) baseline(args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		w := c.stdout
		if len(args) == 0 {
			w = c.stderr
		}
		fmt.Fprint(w, baselineUsage)
		if len(args) == 0 {
			return ExitError
		}
		return ExitClean
	}
	if args[0] != "write" {
		fmt.Fprintf(c.stderr, "artlint baseline: unknown subcommand %q (want write)\n\n%s", args[0], baselineUsage)
		return ExitError
	}
	sub := *c
	sub.capture = func(run *report.Run, output string, complete bool) int {
		if !complete {
			// A baseline without some files' findings would make them
			// all "new" next time.
			fmt.Fprintln(c.stderr, "artlint baseline write: baseline not written: some inputs could not be read or linted (see above)")
			return ExitError
		}
		b := baseline.FromRun(run)
		var err error
		if output == "" {
			err = b.Write(c.stdout)
		} else {
			err = report.WriteFileAtomic(output, func(w io.Writer) error { return b.Write(w) })
		}
		if err != nil {
			fmt.Fprintf(c.stderr, "artlint baseline write: %v\n", err)
			return ExitError
		}
		if output != "" {
			fmt.Fprintf(c.stderr, "artlint baseline write: %s: %s\n", output, b)
		}
		return ExitClean
	}
	return sub.lint(args[1:])
}
