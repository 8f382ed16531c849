package engine

import (
	"github.com/artlint/artlint/internal/report"
	"github.com/artlint/artlint/rules"
)

// cachedFinding is a finding as the result cache stores it. What the
// file's content gives back is left out (in its own locations: the path,
// lines and columns, the snippet when it is the text of the span), and the
// keys are short: decoding the entries was most of an unchanged re-run,
// and the JSON decoder's time grows with the bytes.
type cachedFinding struct {
	Rule  string               `json:"r"`
	Level rules.Level          `json:"v"`
	Msg   string               `json:"m"`
	Loc   cachedLocation       `json:"l"`
	Rel   []cachedLocation     `json:"rl,omitempty"`
	Fixes []cachedFix          `json:"x,omitempty"`
	FP    string               `json:"f"`
	Sup   []report.Suppression `json:"s,omitempty"`
	Base  string               `json:"b,omitempty"`
}

type cachedFix struct {
	Desc  string       `json:"d"`
	Edits []cachedEdit `json:"e"`
}

type cachedEdit struct {
	Loc  cachedLocation `json:"l"`
	Text string         `json:"t"`
}

// cachedLocation: a location in the linted file keeps its span, pointer,
// message, and its snippet only when that is not the span's text; one in
// another file (none today) keeps everything in Other.
type cachedLocation struct {
	Start   int              `json:"a"`
	End     int              `json:"e"`
	Pointer string           `json:"p,omitempty"`
	Msg     string           `json:"g,omitempty"`
	Snippet *string          `json:"n,omitempty"`
	Other   *report.Location `json:"o,omitempty"`
}

func toCache(findings []report.Finding, path string, content []byte) []cachedFinding {
	loc := func(l report.Location) cachedLocation {
		if l.Path != path || !inside(l.Span, content) {
			return cachedLocation{Other: &l}
		}
		c := cachedLocation{Start: l.Span.Start, End: l.Span.End, Pointer: l.Pointer, Msg: l.Message}
		if l.Snippet != snippetOf(content, l.Span) {
			c.Snippet = &l.Snippet
		}
		return c
	}
	out := make([]cachedFinding, len(findings))
	for i, f := range findings {
		c := cachedFinding{Rule: f.RuleID, Level: f.Level, Msg: f.Message, Loc: loc(f.Location), FP: f.Fingerprint,
			Sup: f.Suppressions, Base: f.BaselineState}
		for _, r := range f.Related {
			c.Rel = append(c.Rel, loc(r))
		}
		for _, x := range f.Fixes {
			cx := cachedFix{Desc: x.Description}
			for _, e := range x.Edits {
				cx.Edits = append(cx.Edits, cachedEdit{Loc: loc(e.Location), Text: e.NewText})
			}
			c.Fixes = append(c.Fixes, cx)
		}
		out[i] = c
	}
	return out
}

// fromCache rebuilds the findings of file; false when an entry does not
// fit it (a span outside the content).
func fromCache(cached []cachedFinding, file *rules.File) ([]report.Finding, bool) {
	ok := true
	loc := func(c cachedLocation) report.Location {
		if c.Other != nil {
			return *c.Other
		}
		sp := rules.Span{Start: c.Start, End: c.End}
		if !inside(sp, file.Content) {
			ok = false
			return report.Location{}
		}
		l := location(file, sp, c.Pointer, c.Msg)
		if c.Snippet != nil {
			l.Snippet = *c.Snippet
		}
		return l
	}
	out := make([]report.Finding, len(cached))
	for i, c := range cached {
		f := report.Finding{RuleID: c.Rule, Level: c.Level, Message: c.Msg, Location: loc(c.Loc), Fingerprint: c.FP,
			Suppressions: c.Sup, BaselineState: c.Base}
		for _, r := range c.Rel {
			f.Related = append(f.Related, loc(r))
		}
		for _, cx := range c.Fixes {
			x := report.Fix{Description: cx.Desc}
			for _, e := range cx.Edits {
				x.Edits = append(x.Edits, report.Edit{Location: loc(e.Loc), NewText: e.Text})
			}
			f.Fixes = append(f.Fixes, x)
		}
		out[i] = f
	}
	return out, ok
}

func inside(sp rules.Span, content []byte) bool {
	return 0 <= sp.Start && sp.Start <= sp.End && sp.End <= len(content)
}
