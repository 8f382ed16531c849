package suppress

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/artlint/artlint/rules"
)

const (
	nextLine = "artlint-disable-next-line"
	thisLine = "artlint-disable-line"
)

// fromComments reads the artlint-disable comments of a YAML file. The file
// is scanned line by line rather than through the YAML parser's comments,
// which lose their positions; a "#" counts as a comment only where YAML
// says so (at a line start or after a blank) and outside every scalar and
// key of the records, so a "#" in a block scalar's text is left alone.
func fromComments(f *rules.File, recs []*rules.Record) ([]*directive, []Problem) {
	if !bytes.Contains(f.Content, []byte("artlint-")) {
		return nil, nil
	}
	scalars := scalarSpans(recs)
	inScalar := func(off int) bool {
		i := sort.Search(len(scalars), func(i int) bool { return scalars[i].End > off })
		return i < len(scalars) && scalars[i].Start <= off
	}
	var ds []*directive
	var probs []Problem
	n := f.LineCount()
	for line := 1; line <= n; line++ {
		text := f.LineText(line)
		start := f.LineStart(line)
		hash := commentStart(text, func(i int) bool { return inScalar(start + i) })
		if hash < 0 {
			continue
		}
		body := text[hash+1:]
		lead := len(body) - len(strings.TrimLeft(body, " \t"))
		body = body[lead:]
		if !strings.HasPrefix(body, "artlint-") {
			continue
		}
		nameEnd := strings.IndexAny(body, " \t")
		if nameEnd < 0 {
			nameEnd = len(body)
		}
		name := body[:nameEnd]
		nameOff := start + hash + 1 + lead
		rec := recordAt(recs, nameOff)
		var target int
		switch name {
		case nextLine:
			target = nextContentLine(f, line)
		case thisLine:
			target = line
		default:
			probs = append(probs, Problem{Record: rec, Diag: rules.Diagnostic{Span: rules.Span{Start: nameOff, End: nameOff + len(name)},
				Message: fmt.Sprintf("unknown directive %q (known: %s, %s)", name, nextLine, thisLine)}})
			continue
		}
		if target > 0 {
			// The suppression belongs to the record of the line it silences.
			rec = recordAt(recs, f.LineStart(target)+indent(f.LineText(target)))
		}
		idsPart, reason := splitReason(body[nameEnd:])
		found := false
		for _, id := range ruleIDs(idsPart) {
			found = true
			off := nameOff + nameEnd + id.off
			ds = append(ds, &directive{scope: scopeLine, rule: id.s, rec: rec, line: target, reason: reason,
				where: name, span: rules.Span{Start: off, End: off + len(id.s)}})
		}
		if !found {
			probs = append(probs, Problem{Record: rec, Diag: rules.Diagnostic{Span: rules.Span{Start: nameOff, End: nameOff + len(name)},
				Message: fmt.Sprintf("%s names no rule: write \"# %s rule-id -- reason\"", name, name)}})
		}
	}
	return ds, probs
}

// commentStart is the index of the "#" that starts a comment in a line,
// or -1.
func commentStart(text string, inScalar func(int) bool) int {
	for i := 0; i < len(text); i++ {
		if text[i] != '#' || (i > 0 && text[i-1] != ' ' && text[i-1] != '\t') {
			continue
		}
		if !inScalar(i) {
			return i
		}
	}
	return -1
}

// nextContentLine is the first line after line that is neither blank nor
// only a comment, or 0.
func nextContentLine(f *rules.File, line int) int {
	for l := line + 1; l <= f.LineCount(); l++ {
		t := strings.TrimSpace(f.LineText(l))
		if t != "" && t[0] != '#' {
			return l
		}
	}
	return 0
}

func indent(s string) int { return len(s) - len(strings.TrimLeft(s, " \t")) }

type token struct {
	s   string
	off int
}

// ruleIDs splits "a, b c" into its ids with their offsets.
func ruleIDs(s string) []token {
	var out []token
	start := -1
	for i := 0; i <= len(s); i++ {
		sep := i == len(s) || s[i] == ',' || s[i] == ' ' || s[i] == '\t'
		switch {
		case sep && start >= 0:
			out = append(out, token{s[start:i], start})
			start = -1
		case !sep && start < 0:
			start = i
		}
	}
	return out
}

// scalarSpans lists the spans of every scalar value and key of the
// records, sorted.
func scalarSpans(recs []*rules.Record) []rules.Span {
	var out []rules.Span
	var walk func(n *rules.Node)
	walk = func(n *rules.Node) {
		switch n.Kind {
		case rules.Object:
			for _, fl := range n.Fields {
				out = append(out, fl.KeySpan)
				walk(fl.Value)
			}
		case rules.Array:
			for _, it := range n.Items {
				walk(it)
			}
		default:
			out = append(out, n.Span)
		}
	}
	for _, r := range recs {
		walk(r.Root)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}
