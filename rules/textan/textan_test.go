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

// TestResultsPerText: the texts of a record share one array of tokens and
// one of sentences, yet each text gets exactly its own, clipped so that an
// append by a rule cannot write into the next text's; the memo gives the
// same.
func TestResultsPerText(t *testing.T) {
	t.Cleanup(func() { EnableMemo(0) })
	for _, memoEntries := range []int{0, 64} {
		EnableMemo(memoEntries)
		for _, rec := range append(seedRecords(t), largeRecord(t)) {
			results := ruletest.Prepare(t, Tokens, rec)
			p := Pack(rules.NewPass(Tokens, rec, results, nil, nil))
			tokens, err := Tokens.Run(rules.NewPass(Tokens, rec, results, nil, nil))
			if err != nil {
				t.Fatal(err)
			}
			sentences, err := Sentences.Run(rules.NewPass(Sentences, rec, results, nil, nil))
			if err != nil {
				t.Fatal(err)
			}
			texts := rec.Texts()
			tts, sts := tokens.([]TextTokens), sentences.([]TextSentences)
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
	results := ruletest.Prepare(t, Tokens, rec)
	tokens, _ := Tokens.Run(rules.NewPass(Tokens, rec, results, nil, nil))
	sentences, _ := Sentences.Run(rules.NewPass(Sentences, rec, results, nil, nil))
	tts, sts := tokens.([]TextTokens), sentences.([]TextSentences)
	blank := 0
	for k, text := range rec.Texts() {
		if text.Value() != "" && text.Value() != " " {
			continue
		}
		blank++
		if tts[k].Tokens == nil || len(tts[k].Tokens) != len(Pack(rules.NewPass(Tokens, rec, results, nil, nil)).Tokens(text.Value())) {
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
	}
}
