package report

import (
	"regexp"
	"strings"
	"sync"
)

// Rule docs are Markdown; SARIF's plain-text fields (fullDescription,
// help.text) are shown verbatim by viewers that don't render Markdown, so
// the markup is taken out. This covers what rule docs use, not CommonMark.

// mdRE holds the patterns, compiled on first use: most runs write no
// SARIF and should not pay for them at start-up.
var mdRE = sync.OnceValue(func() *mdPatterns {
	return &mdPatterns{
		heading:  regexp.MustCompile(`^ {0,3}#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$`),
		fence:    regexp.MustCompile("^ {0,3}(```+|~~~+)"),
		listItem: regexp.MustCompile(`^\s*(?:[-*+]|\d+[.)])\s`),
		link:     regexp.MustCompile(`!?\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)`),
		autolink: regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`),
		strong:   regexp.MustCompile(`\*\*(\S(?:.*?\S)?)\*\*|__(\S(?:.*?\S)?)__`),
		em:       regexp.MustCompile(`\*(\S(?:.*?\S)?)\*`),
		// _x_ is emphasis only at word edges: snake_case stays as it is.
		emUnder: regexp.MustCompile(`(^|[^\pL\pN_])_(\S(?:.*?\S)?)_([^\pL\pN_]|$)`),
		escape:  regexp.MustCompile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!<>])"),
	}
})

type mdPatterns struct {
	heading, fence, listItem, link, autolink, strong, em, emUnder, escape *regexp.Regexp
}

// plainText turns Markdown into readable plain text: headings lose their
// hashes, links become "text (url)", emphasis and code marks go, fenced
// code is indented, the lines of a paragraph are joined (plain-text
// viewers wrap for themselves) and runs of blank lines collapse to one.
func plainText(md string) string {
	type line struct {
		text string
		join bool // may take the next line of its paragraph
	}
	var out []line
	fence := ""
	for _, l := range strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n") {
		if fence != "" {
			if strings.HasPrefix(strings.TrimSpace(l), fence) {
				fence = ""
				continue
			}
			out = append(out, line{text: "    " + l})
			continue
		}
		if m := mdRE().fence.FindStringSubmatch(l); m != nil {
			fence = m[1]
			out = append(out, line{}) // a code block is a paragraph of its own
			continue
		}
		if m := mdRE().heading.FindStringSubmatch(l); m != nil {
			out = append(out, line{}, line{text: plainInline(m[1])}, line{})
			continue
		}
		hardBreak := strings.HasSuffix(l, "  ") || strings.HasSuffix(l, "\\")
		text := strings.TrimSpace(plainInline(strings.TrimSuffix(l, "\\")))
		if text == "" {
			out = append(out, line{})
			continue
		}
		if n := len(out); n > 0 && out[n-1].join && !mdRE().listItem.MatchString(l) {
			out[n-1].text += " " + text
			out[n-1].join = !hardBreak
			continue
		}
		out = append(out, line{text: text, join: !hardBreak})
	}
	// Collapse blank runs and trim the ends.
	var b strings.Builder
	blank := false
	for _, l := range out {
		if strings.TrimSpace(l.text) == "" {
			blank = b.Len() > 0
			continue
		}
		if blank {
			b.WriteString("\n\n")
		} else if b.Len() > 0 {
			b.WriteString("\n")
		}
		blank = false
		b.WriteString(strings.TrimRight(l.text, " \t"))
	}
	return b.String()
}

// plainInline strips inline markup, leaving code spans' contents untouched.
// A code span opens with a run of n backticks and closes at the next run
// of exactly n; an unclosed run is literal text.
func plainInline(s string) string {
	var b strings.Builder
	text := 0 // start of the text not yet written
	for i := 0; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		n := backticks(s[i:])
		end := -1
		for j := i + n; j < len(s); {
			if s[j] != '`' {
				j++
				continue
			}
			m := backticks(s[j:])
			if m == n {
				end = j
				break
			}
			j += m
		}
		if end < 0 {
			i += n
			continue
		}
		b.WriteString(stripMarks(s[text:i]))
		b.WriteString(strings.TrimSpace(s[i+n : end]))
		i = end + n
		text = i
	}
	b.WriteString(stripMarks(s[text:]))
	return b.String()
}

func backticks(s string) int {
	n := 0
	for n < len(s) && s[n] == '`' {
		n++
	}
	return n
}

func stripMarks(s string) string {
	// Escaped characters are literal: hide them from the patterns below
	// in the private-use area and bring them back at the end.
	s = mdRE().escape.ReplaceAllStringFunc(s, func(m string) string { return string(escBase + rune(m[1])) })
	s = mdRE().link.ReplaceAllStringFunc(s, func(m string) string {
		sub := mdRE().link.FindStringSubmatch(m)
		if sub[1] == "" || sub[1] == sub[2] {
			return sub[2]
		}
		return sub[1] + " (" + sub[2] + ")"
	})
	s = mdRE().autolink.ReplaceAllString(s, "$1")
	s = mdRE().strong.ReplaceAllString(s, "$1$2")
	s = mdRE().em.ReplaceAllString(s, "$1")
	s = mdRE().emUnder.ReplaceAllString(s, "$1$2$3")
	return strings.Map(func(r rune) rune {
		if escBase <= r && r < escBase+0x80 {
			return r - escBase
		}
		return r
	}, s)
}

const escBase = 0xE000

// codeBlock fences text for Markdown with a fence longer than any run of
// backticks inside it.
func codeBlock(text string) string {
	longest, run := 0, 0
	for _, r := range text {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", max(3, longest+1))
	return fence + "\n" + strings.TrimRight(text, "\n") + "\n" + fence
}

// indent prefixes every non-empty line of text.
func indent(text, prefix string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}
