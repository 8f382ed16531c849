package artlint

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/artlint/artlint/internal/baseline"
	"github.com/artlint/artlint/internal/cache"
	"github.com/artlint/artlint/internal/engine"
	"github.com/artlint/artlint/internal/load"
	"github.com/artlint/artlint/internal/report"
	"github.com/artlint/artlint/internal/schemas"
	"github.com/artlint/artlint/rules"
)

type lintFlags struct {
	formats       []string
	output        string
	schema        string
	exclude       []string
	stdinFilename string
	failLevel     string
	jobs          int
	color         string
	enable        []string
	disable       []string
	allowOutside  bool
	maxDepth      int
	maxFileSize   string
	maxFindings   int
	schemaMap     map[string]string
	fix           bool
	baseline      string
	config        string
	noConfig      bool
	shard         string
	cache         bool
	cacheLocation string
	crossRecord   bool
	cpuProfile    string
}

func (c *cli) lint(args []string) int {
	var f lintFlags
	fs := pflag.NewFlagSet("lint", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringArrayVarP(&f.formats, "format", "f", []string{"text"}, "output `FORMAT`, or FORMAT:FILE to write that file (repeatable; at most one to standard output): "+strings.Join(report.Formats(), ", "))
	fs.StringVarP(&f.output, "output", "o", "", "write the report to `FILE` (atomically) instead of standard output")
	fs.StringVar(&f.schema, "schema", "", "validate every record against this JSON Schema `FILE` instead of the embedded article schema")
	fs.StringArrayVar(&f.exclude, "exclude", nil, "skip paths matching `GLOB` (repeatable; ** matches any depth)")
	fs.StringVar(&f.stdinFilename, "stdin-filename", "", "`NAME` to report for standard input; its extension picks the format")
	fs.StringVar(&f.failLevel, "fail-level", "error", "lowest `LEVEL` that makes the exit code 1: error, warning or info")
	fs.IntVarP(&f.jobs, "jobs", "j", 0, "files linted in parallel (default: the number of CPUs)")
	fs.StringVar(&f.color, "color", "auto", "colour text output: auto, always or never")
	fs.StringSliceVar(&f.enable, "enable", nil, "run only these rule `IDS` (and the core checks)")
	fs.StringSliceVar(&f.disable, "disable", nil, "do not run these rule `IDS`")
	fs.StringToStringVar(&f.schemaMap, "map-schema", nil, "`URL=FILE`: read the remote schema URL from the local FILE (repeatable; a URL ending in / maps a directory)")
	fs.BoolVar(&f.allowOutside, "allow-outside-refs", false, "let schema $refs read files outside the working directory")
	fs.IntVar(&f.maxDepth, "max-depth", load.DefaultLimits.MaxDepth, "deepest nesting of arrays and objects a record may have")
	fs.StringVar(&f.maxFileSize, "max-file-size", load.FormatSize(engine.DefaultMaxFileSize), "largest file read (`SIZE`: bytes, or with a unit: 256MiB, 10MB); a larger file is reported, not read")
	fs.IntVar(&f.maxFindings, "max-findings", engine.DefaultMaxFindings, "most findings reported per file, then one note with the number left out (0: no limit)")
	fs.BoolVar(&f.fix, "fix", false, "apply the suggested fixes to the files (atomically), then report what is left")
	fs.StringVar(&f.baseline, "baseline", "", "`FILE`: an earlier SARIF or `artlint baseline write` file; findings already in it do not fail the run")
	fs.StringVarP(&f.config, "config", "c", "", "use this configuration `FILE` for every file instead of the nearest .artlint.yaml")
	fs.BoolVar(&f.noConfig, "no-config", false, "ignore .artlint.yaml files")
	fs.StringVar(&f.shard, "shard", "", "lint only shard `K/N` of the inputs (a balanced share by path hash); join the shards' SARIF with artlint sarif merge")
	fs.BoolVar(&f.cache, "cache", false, "reuse the results of unchanged files from the cache (see --cache-location)")
	fs.StringVar(&f.cacheLocation, "cache-location", "", "cache `DIR` (default: artlint under the user cache directory); implies --cache")
	fs.BoolVar(&f.crossRecord, "cross-record", false, "also report a name spelled differently in different records of the run (consistent-naming)")
	fs.StringVar(&f.cpuProfile, "cpu-profile", "", "write a CPU profile of the run to `FILE` (for go tool pprof)")
	help := fs.BoolP("help", "h", false, "show this help")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(c.stderr, "artlint lint: %v\nRun \"artlint lint --help\" for the flags.\n", err)
		return ExitError
	}
	if f.cpuProfile != "" {
		stopProfile, err := startCPUProfile(f.cpuProfile)
		if err != nil {
			fmt.Fprintf(c.stderr, "artlint lint: --cpu-profile: %v\n", err)
			return ExitError
		}
		defer stopProfile()
	}
	if *help {
		fmt.Fprintf(c.stdout, "Usage: artlint lint [flags] PATH...\n\nLint article records in files and directories; \"-\" reads standard input.\n\nFlags:\n%s", fs.FlagUsages())
		return ExitClean
	}
	paths := fs.Args()
	if len(paths) == 0 {
		fmt.Fprintln(c.stderr, "artlint lint: no paths given (use \".\" for the current directory, \"-\" for standard input)")
		return ExitError
	}
	outs, err := parseOutputs(f.formats, f.output)
	if err != nil {
		fmt.Fprintf(c.stderr, "artlint lint: %v\n", err)
		return ExitError
	}
	failLevel, err := rules.ParseLevel(f.failLevel)
	if err != nil || failLevel == rules.LevelNone {
		fmt.Fprintf(c.stderr, "artlint lint: --fail-level: unknown level %q (want error, warning or info)\n", f.failLevel)
		return ExitError
	}
	enabled, err := selectRules(f.enable, f.disable)
	if err != nil && f.noConfig { // otherwise a configuration may define the id (checked below)
		fmt.Fprintf(c.stderr, "artlint lint: %v\n", err)
		return ExitError
	}
	cwd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(c.stderr, "artlint: %v\n", err)
		return ExitError
	}
	set := schemas.New(schemas.Options{Root: cwd, AllowOutside: f.allowOutside, Map: f.schemaMap})
	lim, err := limitFlags(f)
	if err != nil {
		fmt.Fprintf(c.stderr, "artlint lint: %v\n", err)
		return ExitError
	}
	opts := engine.Options{Rules: enabled, Schemas: set, Jobs: f.jobs, BaseDir: cwd, Limits: load.Limits{MaxDepth: f.maxDepth},
		MaxFileSize: lim.maxFileSize, MaxFindings: lim.maxFindings, CrossRecord: f.crossRecord}
	if f.cache || f.cacheLocation != "" {
		if dir, err := cache.Open(f.cacheLocation); err != nil {
			fmt.Fprintf(c.stderr, "artlint lint: --cache: %v; linting without it\n", err)
		} else {
			opts.Cache, opts.Tool = dir, cache.ToolIdentity(Version)
			// After the run, so its hits are fresh; at most once a day.
			defer dir.Trim(time.Now())
		}
	}
	stop := c.onInterrupt()
	defer stop.release()
	var fatal []report.Notification
	if f.schema != "" {
		sc, err := set.File(f.schema)
		if err != nil {
			// Still write a report, so that CI has a SARIF file that says why.
			fatal = append(fatal, report.Notification{Level: rules.LevelError, Path: f.schema, Message: err.Error()})
		}
		opts.Schema = sc
	}
	if f.baseline != "" {
		b, err := baseline.Read(f.baseline)
		var be *baseline.Error
		if errors.As(err, &be) {
			// Like a bad --schema: still write a report that says why.
			fatal = append(fatal, report.Notification{Level: rules.LevelError, Path: be.Path, Line: be.Line, Column: be.Column, Message: "--baseline: " + be.Msg})
		}
		opts.Baseline = b
	}

	var inputs []engine.Input
	var unreadable []report.Notification
	var files []string
	for _, p := range paths {
		if p == "-" {
			data, err := io.ReadAll(c.stdin)
			name := f.stdinFilename
			if name == "" {
				name = "<stdin>"
			}
			if err != nil {
				unreadable = append(unreadable, report.Notification{Level: rules.LevelError, Path: name, Message: "cannot read standard input: " + err.Error()})
				continue
			}
			inputs = append(inputs, engine.Input{Path: name, Content: data, Stdin: true})
			continue
		}
		files = append(files, p)
	}
	expanded, problems := engine.Expand(files, f.exclude)
	inputs = append(inputs, expanded...)
	if f.shard != "" {
		k, n, err := parseShard(f.shard)
		if err != nil {
			fmt.Fprintf(c.stderr, "artlint lint: %v\n", err)
			return ExitError
		}
		inputs = shardInputs(inputs, k, n, cwd)
	}
	for _, p := range problems {
		unreadable = append(unreadable, report.Notification{Level: rules.LevelError, Path: p.Path, Message: "cannot read: " + p.Err.Error()})
	}
	resolver, inputs, cfgFatal, err := configure(f, cwd, inputs, failLevel, fs.Changed("fail-level"))
	if err != nil {
		fmt.Fprintf(c.stderr, "artlint lint: %v\n", err)
		return ExitError
	}
	fatal = append(fatal, cfgFatal...)
	if resolver != nil {
		opts.Resolve = resolver.Engine
	}

	var run *report.Run
	readFailed := false
	if len(fatal) > 0 {
		run = &report.Run{Rules: ruleList(enabled), Notifications: fatal}
		unreadable = append(unreadable, fatal...)
	} else {
		run = engine.Lint(inputs, opts)
		if f.fix {
			beforeFix()
			stop.enterWrite()
			changed, failed := applyFixes(run, opts.Limits, c.stderr)
			stop.leaveWrite()
			if stop.interrupted() {
				return ExitInterrupted
			}
			if changed > 0 {
				run = engine.Lint(inputs, opts) // report what is left
			}
			if failed {
				run.Success = false
			}
		}
		for _, n := range run.Notifications {
			if n.Level == rules.LevelError && n.RuleID == "" && n.Path != "" {
				// A file the engine could not read (gone, too large):
				// exit 2 like a path that does not exist.
				readFailed = true
			}
		}
		run.Notifications = append(unreadable, run.Notifications...)
	}
	if len(unreadable) > 0 {
		run.Success = false
	}
	run.Sort()

	_ = report.WriteNotifications(c.stderr, run.Notifications, report.TextOptions{Color: useColor(f.color, c.stderr)})
	if c.capture != nil { // artlint baseline write
		return c.capture(run, f.output, run.Success && len(unreadable) == 0 && !readFailed)
	}

	tool := report.Tool{Name: "artlint", Version: Version, InformationURI: InformationURI, RuleURI: RuleDocURL}
	writeFailed := false
	for _, out := range outs {
		ropts := report.Options{SrcRoot: cwd, Color: out.format == "text" && out.path == "" && useColor(f.color, c.stdout)}
		write := func(w io.Writer) error { return report.Write(w, out.format, run, tool, ropts) }
		if out.path != "" {
			stop.enterWrite()
			err = report.WriteFileAtomic(out.path, func(w io.Writer) error { return write(stop.writer(w)) })
			stop.leaveWrite()
			if stop.interrupted() {
				return ExitInterrupted
			}
		} else {
			err = write(c.stdout)
		}
		if err != nil {
			// Write the other reports all the same: CI may need the SARIF.
			fmt.Fprintf(c.stderr, "artlint: writing the %s report: %v\n", out.format, err)
			writeFailed = true
		}
	}
	if writeFailed {
		return ExitError
	}

	if !run.Success && run.Files == 0 || len(unreadable) > 0 || readFailed {
		return ExitError
	}
	if failsRun(run, failLevel, resolver) {
		return ExitFindings
	}
	if !run.Success {
		return ExitError
	}
	return ExitClean
}

func ruleList(es []engine.Enabled) []*rules.Rule {
	out := make([]*rules.Rule, len(es))
	for i, e := range es {
		out[i] = e.Rule
	}
	return out
}

func validFormat(name string) bool {
	for _, f := range report.Formats() {
		if f == name {
			return true
		}
	}
	return false
}

// selectRules applies --enable and --disable to the registry; the core
// checks (syntax, schema, duplicate-key) run unless disabled by name.
func selectRules(enable, disable []string) ([]engine.Enabled, error) {
	for _, id := range append(append([]string{}, enable...), disable...) {
		if _, ok := rules.Lookup(id); !ok {
			return nil, unknownRule(id)
		}
	}
	on := map[string]bool{}
	for _, id := range enable {
		on[id] = true
	}
	off := map[string]bool{}
	for _, id := range disable {
		off[id] = true
	}
	var out []engine.Enabled
	for _, r := range rules.All() {
		core := r == engine.Syntax || r == engine.Schema || r == engine.DuplicateKey
		if off[r.ID] || (len(enable) > 0 && !on[r.ID] && !core) || r.Level == rules.LevelNone {
			continue
		}
		out = append(out, engine.Enabled{Rule: r, Level: r.Level})
	}
	return out, nil
}

func unknownRule(id string) error {
	var ids []string
	for _, r := range rules.All() {
		ids = append(ids, r.ID)
	}
	sort.Strings(ids)
	return errors.New("unknown rule " + fmt.Sprintf("%q", id) + " (known: " + strings.Join(ids, ", ") + ")")
}

func useColor(mode string, w io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
