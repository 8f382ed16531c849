// Package artlint is the artlint command line as a library: a team that
// writes its own rules builds a binary that registers them and hands over
// to Main, and gets the same CLI, formats and configuration.
//
//	func main() {
//		rules.Register(myrules.Byline)
//		os.Exit(artlint.Main(os.Args[1:]))
//	}
package artlint

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/artlint/artlint/internal/load"
	"github.com/artlint/artlint/internal/report"
	_ "github.com/artlint/artlint/rules/builtin" // the built-in rules
)

// Version is artlint's version (semantic versioning).
const Version = "0.1.0"

// InformationURI is where artlint is documented.
const InformationURI = "https://github.com/artlint/artlint"

// Exit codes.
const (
	ExitClean    = 0 // no finding at or above the fail level
	ExitFindings = 1 // findings at or above the fail level
	ExitError    = 2 // usage error, bad schema, unreadable input
)

// Main runs the command line with the process's standard streams.
func Main(args []string) int {
	deferFirstGC()
	return Run(args, os.Stdin, os.Stdout, os.Stderr)
}

// Run runs the command line with the given arguments (without the program
// name) and streams, and returns the exit code.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		c.usage(stderr)
		return ExitError
	}
	switch args[0] {
	case "lint":
		return c.lint(args[1:])
	case "rules":
		return c.rules(args[1:])
	case "config":
		return c.config(args[1:])
	case "baseline":
		return c.baseline(args[1:])
	case "lsp":
		return c.lsp(args[1:])
	case "sarif":
		return c.sarif(args[1:])
	case "version", "--version":
		fmt.Fprintf(stdout, "artlint %s\n", Version)
		return ExitClean
	case "help", "-h", "--help":
		c.usage(stdout)
		return ExitClean
	}
	if strings.HasPrefix(args[0], "-") || looksLikePath(args[0]) {
		// "artlint file.json" is what people type first; treat it as lint.
		return c.lint(args)
	}
	fmt.Fprintf(stderr, "artlint: unknown command %q\n\n", args[0])
	c.usage(stderr)
	return ExitError
}

func looksLikePath(s string) bool {
	if _, err := os.Stat(s); err == nil {
		return true
	}
	_, ok := load.FormatOf(s)
	return ok
}

type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// capture, when set, receives the run instead of the formats, with
	// the -o path and whether every input was read (artlint baseline write).
	capture func(run *report.Run, output string, complete bool) int
}

func (c *cli) usage(w io.Writer) {
	fmt.Fprint(w, `artlint checks article records (JSON, YAML, NDJSON): schema, editorial rules, typography.

Usage:
  artlint lint [flags] PATH...   lint files and directories ("-" reads standard input)
  artlint rules [ID]             list the rules, or explain one
  artlint config [PATH]          print the effective configuration for a file
  artlint baseline write [lint flags] PATH... -o FILE
                                 accept the current findings: later runs with --baseline FILE fail only on new ones
  artlint sarif merge FILE... -o OUT.sarif
                                 join the SARIF logs of lint --shard K/N runs into one
  artlint lsp                    the language server (LSP over standard input and output), for editors
  artlint version                print the version

Run "artlint lint --help" for the flags.
Exit codes: 0 no finding at or above --fail-level, 1 findings, 2 usage or tool error.
`)
}
