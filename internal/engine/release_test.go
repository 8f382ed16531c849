package engine

import (
	"testing"

	"github.com/artlint/artlint/internal/schemas"
	"github.com/artlint/artlint/rules"
)

// TestResultsReleasedAfterRecord: the engine releases each analysis result
// once, after every rule has run on the record, also when a rule fails.
func TestResultsReleasedAfterRecord(t *testing.T) {
	type result struct{ released bool }
	var released []*result
	analysis := &rules.Rule{
		ID: "counted", Analysis: true,
		Run:     func(*rules.Pass) (any, error) { return &result{}, nil },
		Release: func(r any) { r.(*result).released = true; released = append(released, r.(*result)) },
	}
	var early []string
	check := func(id string, fail bool) *rules.Rule {
		return &rules.Rule{
			ID: id, Title: id, Doc: id, Level: rules.LevelError, Requires: []*rules.Rule{analysis},
			Run: func(pass *rules.Pass) (any, error) {
				if pass.ResultOf[analysis].(*result).released {
					early = append(early, id)
				}
				if fail && pass.Record.Index == 0 {
					panic("boom")
				}
				return nil, nil
			},
		}
	}
	feed := "{\"id\": \"a\", \"lang\": \"fr\", \"title\": \"Chicago\", \"body\": [\"Un texte.\"]}\n" +
		"{\"id\": \"b\", \"lang\": \"fr\", \"title\": \"Lisbonne\", \"body\": [\"Un autre.\"]}\n"
	Lint([]Input{{Path: "feed.ndjson", Content: []byte(feed), Stdin: true}}, Options{
		Rules:   []Enabled{{Rule: check("first", true), Level: rules.LevelError}, {Rule: check("second", false), Level: rules.LevelError}},
		Schemas: schemas.New(schemas.Options{}),
		Jobs:    1,
	})
	if len(early) != 0 {
		t.Errorf("rules %v read a released result", early)
	}
	if len(released) != 2 || released[0] == released[1] {
		t.Errorf("released %v, want each record's result once", released)
	}
}
