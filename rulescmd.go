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
	reference := fs.Bool("reference", false, "print every rule's documentation as one Markdown page (docs/rules.md)")
	cfgFile := fs.StringP("config", "c", "", "also list the pattern rules of this configuration `FILE` (default: the nearest .artlint.yaml)")
	noConfig := fs.Bool("no-config", false, "list only the built-in and registered rules")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(c.stderr, "artlint rules: %v\n", err)
		return ExitError
	}
	if *help {
		fmt.Fprintf(c.stdout, "Usage: artlint rules [--markdown | --reference] [ID]\n\nList the rules, or explain one.\n\nFlags:\n%s", fs.FlagUsages())
		return ExitClean
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(c.stderr, "artlint rules: at most one rule id")
		return ExitError
	}
	patterns, err := configuredRules(*cfgFile, *noConfig || *markdown || *reference)
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
	if *reference {
		fmt.Fprint(c.stdout, RuleReference())
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
func RuleTable() string { return ruleTable(RulesDoc) }

// ruleTable links each rule to its section of the reference at page
// ("" within the reference itself).
func ruleTable(page string) string {
	var b strings.Builder
	b.WriteString("| Rule | Level | Languages | What it checks |\n|---|---|---|---|\n")
	for _, r := range rules.All() {
		langs := "any"
		if len(r.Languages) > 0 {
			langs = strings.Join(r.Languages, ", ")
		}
		fmt.Fprintf(&b, "| [`%s`](%s#%s) | %s | %s | %s |\n", r.ID, page, r.ID, r.Level, langs, r.Title)
	}
	return b.String()
}

// RulesDoc is the path, in the repository, of the rule reference that
// RuleReference generates.
const RulesDoc = "docs/rules.md"

// documentedRules are the rules the reference documents: those
// registered when this package initialises (the core checks and package
// builtin's). Rules a custom binary registers later, and pattern rules
// from a configuration, have no page there.
var documentedRules = func() map[string]bool {
	ids := map[string]bool{}
	for _, r := range rules.All() {
		ids[r.ID] = true
	}
	return ids
}()

// RuleDocURL is the address of a rule's section in the published
// reference, or "" for a rule it does not document.
func RuleDocURL(id string) string {
	if !documentedRules[id] {
		return ""
	}
	return InformationURI + "/blob/main/" + RulesDoc + "#" + id
}

// RuleReference renders every registered rule's documentation as one
// Markdown page (docs/rules.md); each rule is a section whose anchor is
// its id, the target of SARIF helpUri and the language server's links.
func RuleReference() string {
	var b strings.Builder
	b.WriteString("# artlint rules\n\n")
	b.WriteString("Generated from the rules' own metadata by `artlint rules --reference`; a test keeps this page in step. " +
		"`artlint rules ID` prints the same text in a terminal. Levels are the defaults; `.artlint.yaml` changes them.\n\n")
	b.WriteString(ruleTable(""))
	for _, r := range rules.All() {
		fmt.Fprintf(&b, "\n## %s\n\n**%s**\n\n", r.ID, r.Title)
		langs := "any"
		if len(r.Languages) > 0 {
			langs = strings.Join(r.Languages, ", ")
		}
		fmt.Fprintf(&b, "- Default level: %s\n- Languages: %s\n", r.Level, langs)
		if len(r.Tags) > 0 {
			fmt.Fprintf(&b, "- Tags: %s\n", strings.Join(r.Tags, ", "))
		}
		if r.Since != "" {
			fmt.Fprintf(&b, "- Since: %s\n", r.Since)
		}
		fmt.Fprintf(&b, "\n%s\n", strings.TrimSpace(r.Doc))
		if len(r.Options) > 0 {
			b.WriteString("\nOptions (`.artlint.yaml`: `rules: {ID: {options: {…}}}`):\n\n")
			names := make([]string, 0, len(r.Options))
			for name := range r.Options {
				names = append(names, name)
			}
			sort.Strings(names)
			for _, name := range names {
				fmt.Fprintf(&b, "- `%s`: %s\n", name, r.Options[name])
			}
		}
		for _, ex := range []struct{ label, text string }{{"Bad", r.Bad}, {"Good", r.Good}} {
			if strings.TrimSpace(ex.text) != "" {
				fmt.Fprintf(&b, "\n%s:\n\n```text\n%s\n```\n", ex.label, strings.TrimRight(ex.text, "\n"))
			}
		}
	}
	return b.String()
}
