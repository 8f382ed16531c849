package artlint

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/spf13/pflag"

	"github.com/artlint/artlint/internal/config"
	"github.com/artlint/artlint/internal/engine"
	"github.com/artlint/artlint/internal/report"
	"github.com/artlint/artlint/rules"
)

// configure resolves the configuration of every input before the run, so
// that a broken .artlint.yaml stops it (exit 2, located) before any
// linting, and drops the inputs the configuration excludes. It returns nil
// for the resolver under --no-config.
func configure(f lintFlags, cwd string, inputs []engine.Input, failLevel rules.Level, failLevelGiven bool) (*config.Resolver, []engine.Input, []report.Notification, error) {
	if f.noConfig {
		return nil, inputs, nil, nil
	}
	if !failLevelGiven {
		failLevel = rules.LevelNone
	}
	r := config.NewResolver(config.Options{Cwd: cwd, File: f.config, Enable: f.enable, Disable: f.disable,
		Map: f.schemaMap, AllowOutside: f.allowOutside, FailLevel: failLevel})
	var fatal []report.Notification
	seen := map[string]bool{}
	kept := inputs[:0:0]
	for _, in := range inputs {
		e, err := r.For(in.Path)
		if err != nil {
			for _, n := range configNotes(err) {
				key := fmt.Sprint(n.Path, n.Line, n.Column, n.Message)
				if !seen[key] {
					seen[key] = true
					fatal = append(fatal, n)
				}
			}
			continue
		}
		if e.Excluded == "" {
			kept = append(kept, in)
		}
	}
	if len(fatal) == 0 {
		if f.config != "" && len(inputs) == 0 {
			// Still check a named configuration when nothing is linted.
			if _, err := r.ConfigFor(f.config); err != nil {
				fatal = configNotes(err)
			}
		}
		if ids := r.UnknownFlagRules(); len(ids) > 0 {
			return nil, nil, nil, unknownRule(ids[0])
		}
	}
	return r, kept, fatal, nil
}

// configNotes turns configuration errors into located tool notifications.
func configNotes(err error) []report.Notification {
	var es config.Errors
	var e *config.Error
	switch {
	case errors.As(err, &es):
	case errors.As(err, &e):
		es = config.Errors{e}
	default:
		return []report.Notification{{Level: rules.LevelError, Message: "configuration: " + err.Error()}}
	}
	out := make([]report.Notification, len(es))
	for i, e := range es {
		out[i] = report.Notification{Level: rules.LevelError, Path: e.Path, Line: e.Line, Column: e.Col, Message: e.Msg}
	}
	return out
}

// failsRun reports whether findings at or above the fail level remain:
// --fail-level, else each file's configured fail-level, else error.
func failsRun(run *report.Run, failLevel rules.Level, r *config.Resolver) bool {
	byPath := map[string][]report.Finding{}
	for _, fd := range run.Findings {
		byPath[fd.Location.Path] = append(byPath[fd.Location.Path], fd)
	}
	for path, fs := range byPath {
		lvl := failLevel
		if r != nil {
			if e, err := r.For(filepath.FromSlash(path)); err == nil {
				lvl = e.FailLevel
			}
		}
		for l, n := range (&report.Run{Findings: fs}).Counts() {
			if n > 0 && l >= lvl {
				return true
			}
		}
	}
	return false
}

// configuredRules is the pattern rules of the configuration that applies
// in the working directory (or --config FILE), for artlint rules.
func configuredRules(file string, noConfig bool) ([]*rules.Rule, error) {
	if noConfig {
		return nil, nil
	}
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	r := config.NewResolver(config.Options{Cwd: cwd, File: file})
	cfg, err := r.ConfigFor(filepath.Join(cwd, "-"))
	if err != nil || cfg == nil {
		return nil, err
	}
	return cfg.Patterns, nil
}

func (c *cli) config(args []string) int {
	fs := pflag.NewFlagSet("config", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	file := fs.StringP("config", "c", "", "use this configuration `FILE` instead of the nearest .artlint.yaml")
	noConfig := fs.Bool("no-config", false, "ignore configuration files")
	enable := fs.StringSlice("enable", nil, "as lint --enable")
	disable := fs.StringSlice("disable", nil, "as lint --disable")
	failLevel := fs.String("fail-level", "", "as lint --fail-level")
	help := fs.BoolP("help", "h", false, "show this help")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(c.stderr, "artlint config: %v\nRun \"artlint config --help\" for the flags.\n", err)
		return ExitError
	}
	if *help {
		fmt.Fprintf(c.stdout, "Usage: artlint config [flags] [PATH]\n\nPrint the effective configuration for the file PATH (default: a file in the current directory) as YAML, with where each setting comes from.\n\nFlags:\n%s", fs.FlagUsages())
		return ExitClean
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(c.stderr, "artlint config: at most one path")
		return ExitError
	}
	lvl := rules.LevelNone
	if *failLevel != "" {
		l, err := rules.ParseLevel(*failLevel)
		if err != nil || l == rules.LevelNone {
			fmt.Fprintf(c.stderr, "artlint config: --fail-level: unknown level %q (want error, warning or info)\n", *failLevel)
			return ExitError
		}
		lvl = l
	}
	cwd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(c.stderr, "artlint: %v\n", err)
		return ExitError
	}
	path := "-" // a file in the working directory
	if fs.NArg() == 1 {
		path = fs.Arg(0)
		if info, err := os.Stat(path); err == nil && info.IsDir() {
			path = filepath.Join(path, "-")
		}
	}
	r := config.NewResolver(config.Options{Cwd: cwd, File: *file, NoConfig: *noConfig, Enable: *enable, Disable: *disable, FailLevel: lvl})
	e, err := r.For(path)
	if err != nil {
		_ = report.WriteNotifications(c.stderr, configNotes(err), report.TextOptions{})
		return ExitError
	}
	if ids := r.UnknownFlagRules(); len(ids) > 0 {
		fmt.Fprintf(c.stderr, "artlint config: %v\n", unknownRule(ids[0]))
		return ExitError
	}
	abs := path
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(cwd, path)
	}
	what := r.Display(abs)
	if filepath.Base(path) == "-" {
		what = "files in " + r.Display(filepath.Dir(abs)) + "/"
	}
	out := r.Print(what, e)
	fmt.Fprint(c.stdout, out)
	return ExitClean
}

// rulesWithConfig lists the registered rules and, when a configuration
// applies in the working directory, its pattern rules, sorted by id.
func rulesWithConfig(extra []*rules.Rule) []*rules.Rule {
	all := append(rules.All(), extra...)
	sort.SliceStable(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	return all
}
