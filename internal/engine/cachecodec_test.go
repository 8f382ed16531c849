package engine

import (
	"reflect"
	"testing"

	"github.com/artlint/artlint/internal/report"
	"github.com/artlint/artlint/rules"
)

// TestEntryRoundTrip: every part of an entry comes back as written.
func TestEntryRoundTrip(t *testing.T) {
	snippet := "différente,»"
	other := report.Location{Path: "schemas/article.json", Line: 3, Column: 5, EndLine: 3, EndColumn: 9,
		Span: rules.Span{Start: 40, End: 44}, Pointer: "/properties/title", Snippet: "type", Message: "the schema's rule"}
	e := cacheEntry{
		Records: 2,
		Findings: []cachedFinding{
			{Rule: "typography", Level: rules.LevelWarning, Msg: "missing no-break space before »",
				Loc: cachedLocation{Start: 1016, End: 1018, Pointer: "/body/3", Snippet: &snippet},
				Fixes: []cachedFix{{Desc: "insert a no-break space (U+00A0)",
					Edits: []cachedEdit{{Loc: cachedLocation{Start: 1016, End: 1016}, Text: "\u00a0"}}}},
				FP: "4504e3cb30f8234e7c989af71d6da93e"},
			{Rule: "stated-count", Level: rules.LevelError, Msg: "states 13 (« treize ») countries but lists 12",
				Loc:  cachedLocation{Start: 120, End: 126, Pointer: "/body/0"},
				Rel:  []cachedLocation{{Start: 900, End: 1200, Pointer: "/body/2", Msg: "the list of 12 countries"}, {Other: &other}},
				FP:   "0330fee29131544bf418619f655a19a5",
				Sup:  []report.Suppression{{Kind: "inSource", Justification: "le sommet compte l’Ukraine à part"}},
				Base: "unchanged"},
		},
		Notes: []report.Notification{{Level: rules.LevelWarning, Message: "duplicate key \"title\"", Path: "a.json", RuleID: "duplicate-key", Line: 4, Column: 3}},
	}
	got, err := decodeEntry(encodeEntry(e))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, e) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, e)
	}
	empty, err := decodeEntry(encodeEntry(cacheEntry{Records: 1}))
	if err != nil || !reflect.DeepEqual(empty, cacheEntry{Records: 1}) {
		t.Errorf("empty entry: %+v, %v", empty, err)
	}
}

// TestEntryMalformed: a truncated, extended or foreign entry is an error
// (a cache miss), never a panic nor a huge allocation.
func TestEntryMalformed(t *testing.T) {
	s := "x"
	data := encodeEntry(cacheEntry{Records: 1, Findings: []cachedFinding{{Rule: "footnote-integrity", Msg: "footnote marker ² has no definition",
		Loc: cachedLocation{Start: 5, End: 7, Snippet: &s}, Rel: []cachedLocation{{Start: 1, End: 2}}}}})
	for n := 0; n < len(data); n++ {
		if _, err := decodeEntry(data[:n]); err == nil {
			t.Errorf("truncated to %d of %d bytes: no error", n, len(data))
		}
	}
	for _, bad := range [][]byte{
		append(append([]byte(nil), data...), 0),                        // trailing byte
		[]byte(`{"Findings":[],"Notes":null,"Records":1}`),             // the older JSON form
		append([]byte(entryMagic), 0x02, 0xfe, 0xff, 0xff, 0xff, 0x0f), // 1 record, a count far beyond the bytes
	} {
		if _, err := decodeEntry(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
