package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/artlint/artlint/rules"
)

// Print writes the effective configuration of one file as YAML that
// .artlint.yaml would accept (patterns aside), with a comment on each
// line saying where the value comes from.
// what names the file (or "files in DIR/").
func (r *Resolver) Print(what string, e *Effective) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Effective configuration for %s\n", what)
	switch {
	case r.opts.NoConfig:
		b.WriteString("# Configuration files ignored (--no-config): defaults and flags only.\n")
	case e.Config == nil:
		b.WriteString("# No .artlint.yaml applies: defaults and flags only.\n")
	case r.opts.File != "":
		fmt.Fprintf(&b, "# Configuration: %s (--config)\n", e.Config.Display)
	default:
		fmt.Fprintf(&b, "# Configuration: %s (the nearest)\n", e.Config.Display)
	}
	line := func(indent int, text, from string) {
		b.WriteString(strings.Repeat("  ", indent) + text)
		if from != "" {
			b.WriteString("  # " + from)
		}
		b.WriteByte('\n')
	}
	if e.Excluded != "" {
		line(0, "excluded: true", fmt.Sprintf("%s (exclude %q): this file is not linted", e.Config.At["exclude"], e.Excluded))
	}
	line(0, "fail-level: "+levelName(e.FailLevel), e.FailFrom)
	if e.Config != nil && e.Config.Lang != "" {
		line(0, "lang: "+quote(e.Config.Lang), e.Config.At["lang"])
	}
	if e.SchemaFile != "" {
		line(0, "schema: "+quote(r.Display(e.SchemaFile)), e.SchemaFrom)
	}
	if len(e.Map) > 0 {
		line(0, "map:", "")
		urls := make([]string, 0, len(e.Map))
		for u := range e.Map {
			urls = append(urls, u)
		}
		sort.Strings(urls)
		for _, u := range urls {
			line(1, quote(u)+": "+quote(r.Display(e.Map[u])), e.MapFrom[u])
		}
	}
	line(0, "rules:", "")
	for _, st := range e.Rules {
		from := strings.Join(st.From, ", ")
		if st.Options == nil {
			line(1, st.Rule.ID+": "+levelName(st.Level), from)
			continue
		}
		line(1, st.Rule.ID+":", from)
		line(2, "level: "+levelName(st.Level), "")
		var buf bytes.Buffer
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2)
		err := enc.Encode(map[string]any{"options": st.Options})
		opts := buf.Bytes()
		if err != nil {
			line(2, "options: {}", "cannot print: "+err.Error())
			continue
		}
		for _, l := range strings.Split(strings.TrimRight(string(opts), "\n"), "\n") {
			line(2, l, "")
		}
	}
	return b.String()
}

func levelName(l rules.Level) string {
	switch l {
	case rules.LevelNone:
		return "off"
	case rules.LevelNote:
		return "info"
	}
	return l.String()
}

// quote writes a string as a YAML double-quoted scalar (JSON's syntax is
// YAML's).
func quote(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}
