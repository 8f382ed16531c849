package artlint

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/pflag"

	"github.com/artlint/artlint/internal/report"
)

// sarif runs "artlint sarif merge A.sarif B.sarif … [-o all.sarif]": the
// SARIF files of the shards of one lint (--shard K/N) become one run.
func (c *cli) sarif(args []string) int {
	if len(args) == 0 || args[0] != "merge" {
		fmt.Fprintln(c.stderr, "Usage: artlint sarif merge FILE.sarif... [-o OUT.sarif]")
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			return ExitClean
		}
		return ExitError
	}
	fs := pflag.NewFlagSet("sarif merge", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.StringP("output", "o", "", "write the merged log to `FILE` (atomically) instead of standard output")
	help := fs.BoolP("help", "h", false, "show this help")
	if err := fs.Parse(args[1:]); err != nil {
		fmt.Fprintf(c.stderr, "artlint sarif merge: %v\n", err)
		return ExitError
	}
	if *help {
		fmt.Fprintf(c.stdout, "Usage: artlint sarif merge FILE.sarif... [-o OUT.sarif]\n\n"+
			"Join the SARIF logs of the shards of one lint (artlint lint --shard K/N) into one run:\n"+
			"rules de-duplicated, rule indices remapped, results sorted, notifications kept;\n"+
			"executionSuccessful is true only if every shard succeeded.\n\nFlags:\n%s", fs.FlagUsages())
		return ExitClean
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(c.stderr, "artlint sarif merge: no SARIF files given")
		return ExitError
	}
	var inputs []report.SARIFInput
	for _, p := range fs.Args() {
		data, err := os.ReadFile(p)
		if err != nil {
			fmt.Fprintf(c.stderr, "artlint sarif merge: %s: %v\n", p, cleanPathErr(err))
			return ExitError
		}
		inputs = append(inputs, report.SARIFInput{Name: p, Data: data})
	}
	merged, err := report.MergeSARIF(inputs)
	if err != nil {
		fmt.Fprintf(c.stderr, "artlint sarif merge: %v\n", err)
		return ExitError
	}
	if *out == "" {
		_, err = c.stdout.Write(merged)
	} else {
		err = report.WriteFileAtomic(*out, func(w io.Writer) error { _, err := w.Write(merged); return err })
	}
	if err != nil {
		fmt.Fprintf(c.stderr, "artlint sarif merge: %v\n", err)
		return ExitError
	}
	return ExitClean
}

// cleanPathErr drops the operation from an *os.PathError, since the path
// is printed before it.
func cleanPathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
