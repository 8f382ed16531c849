package textan

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/rules/ruletest"
)

// seedRecords are the repository's sample records, French and English.
func seedRecords(tb testing.TB) []*rules.Record {
	var recs []*rules.Record
	for _, f := range []struct {
		path   string
		format rules.Format
	}{
		{"../../testdata/records/nato-chicago-partners-2012.fr.json", rules.FormatJSON},
		{"../../testdata/records/nato-lisbon-summit-2010.en.yaml", rules.FormatYAML},
	} {
		data, err := os.ReadFile(f.path)
		if err != nil {
			tb.Fatal(err)
		}
		recs = append(recs, ruletest.Parse(tb, rules.NewFile(f.path, data, f.format))...)
	}
	return recs
}

// largeRecord has texts of every size around the arrays appendEach copies
// results into: empty ones, one larger than an array alone, several that
// share one.
func largeRecord(tb testing.TB) *rules.Record {
	words := func(n int) string { return strings.Repeat("l’OTAN et ses partenaires. ", n) }
	body, err := json.Marshal([]string{"", words(400), "", words(50), words(100), words(10), "", words(120), words(1)})
	if err != nil {
		tb.Fatal(err)
	}
	return ruletest.ParseOne(tb, []byte(`{"id": "big", "lang": "fr", "title": "", "summary": "Un résumé.", "body": `+string(body)+`}`))
}

// analysed runs the analyses on rec and returns a pass that reads their
// results, as a rule's would.
func analysed(tb testing.TB, rec *rules.Record) *rules.Pass {
	tb.Helper()
	results := map[*rules.Rule]any{}
	for _, r := range []*rules.Rule{Language, Sentences, Quotations, Tokens} {
		out, err := r.Run(rules.NewPass(r, rec, results, nil, nil))
		if err != nil {
			tb.Fatalf("analysis %s: %v", r.ID, err)
		}
		results[r] = out
	}
	return rules.NewPass(nil, rec, results, nil, nil)
}

// TestResultsPerText: the texts of a record share one array of tokens and
// one of sentences, yet each text gets exactly its own, clipped so that an
// append by a rule cannot write into the next text's; the memo gives the
// same.
func TestResultsPerText(t *testing.T) {
	t.Cleanup(func() { EnableMemo(0) })
	for _, memoEntries := range []int{0, 64} {
		EnableMemo(memoEntries)
		for _, rec := range append(seedRecords(t), largeRecord(t)) {
			pass := analysed(t, rec)
			p := Pack(pass)
			texts := rec.Texts()
			tts, sts := TokensOf(pass), SentencesOf(pass)
			if len(tts) != len(texts) || len(sts) != len(texts) || len(texts) == 0 {
				t.Fatalf("%d texts tokenized, %d split, want %d", len(tts), len(sts), len(texts))
			}
			for k, text := range texts {
				if tts[k].Text != text || sts[k].Text != text {
					t.Errorf("text %d: %+v and %+v, want %+v", k, tts[k].Text, sts[k].Text, text)
				}
				want := p.Tokens(text.Value())
				if got := tts[k].Tokens; !slices.Equal(got, want) || got == nil || cap(got) != len(got) {
					t.Errorf("memo %d, text %d: tokens %v (cap %d), want %v", memoEntries, k, got, cap(got), want)
				}
				wantS := p.Sentences(text.Value())
				if got := sts[k].Sentences; !reflect.DeepEqual(got, wantS) || cap(got) != len(got) {
					t.Errorf("memo %d, text %d: sentences %v (cap %d), want %v", memoEntries, k, got, cap(got), wantS)
				}
			}
		}
	}
}

// TestEmptyTextResults: a text with no words still has its (empty, not
// nil) tokens, and no sentences (nil), as the plain analyses say.
func TestEmptyTextResults(t *testing.T) {
	rec := ruletest.ParseOne(t, []byte(`{"id": "e", "lang": "fr", "title": "Titre", "summary": " ", "body": ["", "Un texte."]}`))
	pass := analysed(t, rec)
	tts, sts := TokensOf(pass), SentencesOf(pass)
	blank := 0
	for k, text := range rec.Texts() {
		if text.Value() != "" && text.Value() != " " {
			continue
		}
		blank++
		if tts[k].Tokens == nil || len(tts[k].Tokens) != len(Pack(pass).Tokens(text.Value())) {
			t.Errorf("text %q: tokens %#v", text.Value(), tts[k].Tokens)
		}
		if sts[k].Sentences != nil {
			t.Errorf("text %q: sentences %#v, want nil", text.Value(), sts[k].Sentences)
		}
	}
	if blank != 2 {
		t.Errorf("%d blank texts, want 2", blank)
	}
}

// BenchmarkAnalysesSeed is the three shared analyses of a record, as every
// editorial rule run needs them, on the French seed.
func BenchmarkAnalysesSeed(b *testing.B) {
	rec := seedRecords(b)[0]
	for b.Loop() {
		results := map[*rules.Rule]any{}
		for _, r := range []*rules.Rule{Language, Sentences, Quotations, Tokens} {
			out, err := r.Run(rules.NewPass(r, rec, results, nil, nil))
			if err != nil {
				b.Fatal(err)
			}
			results[r] = out
		}
		rules.ReleaseResults(results) // as the engine does
	}
}

// TestReleasedResultsReused: once released, the arrays of the tokens and
// sentences of a record serve the next one, so that a run allocates
// nothing for them in steady state (tokens were the largest share of the
// bytes the rules allocated). Quotations are left out: lang allocates
// each text's.
func TestReleasedResultsReused(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool drops items at random under the race detector")
	}
	rec := seedRecords(t)[0]
	results := map[*rules.Rule]any{}
	passes := map[*rules.Rule]*rules.Pass{}
	analyses := []*rules.Rule{Language, Sentences, Tokens}
	for _, r := range analyses {
		passes[r] = rules.NewPass(r, rec, results, nil, nil)
	}
	run := func() {
		for _, r := range analyses {
			out, err := r.Run(passes[r])
			if err != nil {
				t.Fatal(err)
			}
			results[r] = out
		}
		rules.ReleaseResults(results)
	}
	run() // the language pack loads on first use
	if n := testing.AllocsPerRun(100, run); n > 0 {
		t.Errorf("%v allocations per record, want none", n)
	}
}

// TestReleasedResultsAcrossRecords: records of different sizes in turn,
// each released before the next, with the memo on for some (its slices
// are shared and must survive a release): every result is what the plain
// analyses give.
func TestReleasedResultsAcrossRecords(t *testing.T) {
	t.Cleanup(func() { EnableMemo(0) })
	seeds := seedRecords(t)
	small := ruletest.ParseOne(t, []byte(`{"id": "s", "lang": "fr", "title": "Un titre", "body": ["Court. Très court."]}`))
	none := ruletest.ParseOne(t, []byte(`{"id": "x", "lang": "xx", "title": "Sans langue", "body": ["Rien."]}`))
	recs := []*rules.Record{largeRecord(t), seeds[0], small, none, seeds[1], largeRecord(t), small, seeds[0]}
	for round, memoEntries := range []int{0, 64, 0, 64} {
		EnableMemo(memoEntries)
		for i, rec := range recs {
			pass := analysed(t, rec)
			tts, sts, tqs := TokensOf(pass), SentencesOf(pass), QuotationsOf(pass)
			p := Pack(pass)
			if p == nil {
				if len(tts) != 0 || len(sts) != 0 || len(tqs) != 0 {
					t.Errorf("record %d without a pack: %d texts tokenized, %d split, %d quoted", i, len(tts), len(sts), len(tqs))
				}
				rules.ReleaseResults(pass.ResultOf)
				continue
			}
			texts := rec.Texts()
			if len(tts) != len(texts) || len(sts) != len(texts) || len(tqs) != len(texts) {
				t.Fatalf("round %d, record %d: %d texts tokenized, %d split, %d quoted, want %d", round, i, len(tts), len(sts), len(tqs), len(texts))
			}
			for k, text := range texts {
				if got, want := tts[k].Tokens, p.Tokens(text.Value()); tts[k].Text != text || !slices.Equal(got, want) || cap(got) != len(got) {
					t.Errorf("round %d, record %d, text %d: tokens %v, want %v", round, i, k, got, want)
				}
				if got, want := sts[k].Sentences, p.Sentences(text.Value()); sts[k].Text != text || !reflect.DeepEqual(got, want) {
					t.Errorf("round %d, record %d, text %d: sentences %v, want %v", round, i, k, got, want)
				}
				q, probs := p.Quotations(text.Value())
				if tqs[k].Text != text || !reflect.DeepEqual(tqs[k].Quotes, q) || !reflect.DeepEqual(tqs[k].Problems, probs) {
					t.Errorf("round %d, record %d, text %d: quotations %+v, want %v %v", round, i, k, tqs[k], q, probs)
				}
			}
			rules.ReleaseResults(pass.ResultOf)
			if len(pass.ResultOf) != 0 {
				t.Fatalf("%d results left after release", len(pass.ResultOf))
			}
		}
	}
}

// raceEnabled is set when the tests run under the race detector.
var raceEnabled bool
