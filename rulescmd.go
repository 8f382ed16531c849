package artlint

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/pflag"

	"github.com/artlint/artlint/internal/report"
	"github.com/artlint/artlint/rules"
)

func (c *cli) rules(args []string) int {
	fs := pflag.NewFlagSet("rules", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	help := fs.BoolP("help", "h", false, "show this help")
	markdown := fs.Bool("markdown", false, "print the rule table as Markdown (as in the README)")
	cfgFile := fs.StringP("config", "c", "", "also list the pattern rules of this configuration `FILE` (default: the nearest .artlint.yaml)")
	noConfig := fs.Bool("no-config", false, "list only the built-in and registered rules")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(c.stderr, "artlint rules: %v\n", err)
		return ExitError
	}
	if *help {
		fmt.Fprintf(c.stdout, "Usage: artlint rules [--markdown] [ID]\n\nList the rules, or explain one.\n\nFlags:\n%s", fs.FlagUsages())
		return ExitClean
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(c.stderr, "artlint rules: at most one rule id")
		return ExitError
	}
	patterns, err := configuredRules(*cfgFile, *noConfig || *markdown)
	if err != nil {
		_ = report.WriteNotifications(c.stderr, configNotes(err), report.TextOptions{})
		return ExitError
	}
	if fs.NArg() == 1 {
		r, ok := rules.Lookup(fs.Arg(0))
		for _, p := range patterns {
			if p.ID == fs.Arg(0) {
				r, ok = p, true
			}
		}
		if !ok {
			fmt.Fprintf(c.stderr, "artlint rules: %v\n", unknownRule(fs.Arg(0)))
			return ExitError
		}
		fmt.Fprint(c.stdout, Explain(r))
		return ExitClean
	}
	if *markdown {
		fmt.Fprint(c.stdout, RuleTable())
		return ExitClean
	}
	for _, r := range rulesWithConfig(patterns) {
		fmt.Fprintf(c.stdout, "%-20s %-8s %s\n", r.ID, r.Level, r.Title)
	}
	return ExitClean
}

// Explain renders one rule's documentation for the terminal.
func Explain(r *rules.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\n", r.ID, r.Title)
	fmt.Fprintf(&b, "Default level: %s\n", r.Level)
	if len(r.Tags) > 0 {
		fmt.Fprintf(&b, "Tags: %s\n", strings.Join(r.Tags, ", "))
	}
	if len(r.Languages) > 0 {
		fmt.Fprintf(&b, "Languages: %s\n", strings.Join(r.Languages, ", "))
	}
	if r.Since != "" {
		fmt.Fprintf(&b, "Since: %s\n", r.Since)
	}
	fmt.Fprintf(&b, "\n%s\n", r.Doc)
	if len(r.Options) > 0 {
		b.WriteString("\nOptions (.artlint.yaml rules: {ID: {options: {…}}}):\n")
		names := make([]string, 0, len(r.Options))
		for name := range r.Options {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			fmt.Fprintf(&b, "    %s: %s\n", name, r.Options[name])
		}
	}
	if r.Bad != "" {
		fmt.Fprintf(&b, "\nBad:\n%s\n", indent(r.Bad))
	}
	if r.Good != "" {
		fmt.Fprintf(&b, "\nGood:\n%s\n", indent(r.Good))
	}
	return b.String()
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n")
}

// RuleTable is the README's rule table, generated from the rules' own
// metadata; a test keeps the README in step with it.
func RuleTable() string {
	var b strings.Builder
	b.WriteString("| Rule | Level | Languages | What it checks |\n|---|---|---|---|\n")
	for _, r := range rules.All() {
		langs := "any"
		if len(r.Languages) > 0 {
			langs = strings.Join(r.Languages, ", ")
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.ID, r.Level, langs, r.Title)
	}
	return b.String()
}
