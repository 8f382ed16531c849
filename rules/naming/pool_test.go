package naming

import (
	"reflect"
	"testing"
	"unicode"

	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/rules/ruletest"
	"github.com/artlint/artlint/rules/textan"
)

// TestPooledStateAsFresh: the rule, whose state goes from record to record
// through a pool and keeps the keys of the spellings it saw, reports on
// each record of the test articles what a fresh state reports, whatever
// came before; and the names that Names returned stay as they were.
func TestPooledStateAsFresh(t *testing.T) {
	var recs []*rules.Record
	for _, f := range ruletest.Files(t, "../../testdata/articles/clean/*", "../../testdata/articles/defects/*") {
		recs = append(recs, ruletest.Parse(t, f)...)
	}
	if len(recs) < 100 {
		t.Fatalf("only %d records", len(recs))
	}
	fresh := make([][]rules.Diagnostic, len(recs))
	for i, rec := range recs {
		results := ruletest.Prepare(t, Rule, rec)
		pass := rules.NewPass(Rule, rec, results, nil, func(d rules.Diagnostic) { fresh[i] = append(fresh[i], d) })
		if pack := textan.Pack(pass); pack != nil {
			report(pass, newState().analyze(pass, pack))
		}
	}
	total := 0
	for _, ds := range fresh {
		total += len(ds)
	}
	if total < 20 {
		t.Fatalf("only %d findings in %d records", total, len(recs))
	}
	namesOf := func(rec *rules.Record) *Names {
		res, err := Rule.Run(rules.NewPass(Rule, rec, ruletest.Prepare(t, Rule, rec), nil, nil))
		if err != nil {
			t.Fatal(err)
		}
		r, _ := res.(*Result)
		return r.Names()
	}
	var names []*Names
	for _, rec := range recs {
		names = append(names, namesOf(rec))
	}
	// Twice over, forwards then backwards: each record meets states that
	// saw others first.
	for round := range 2 {
		for k := range recs {
			i := k
			if round == 1 {
				i = len(recs) - 1 - k
			}
			var got []rules.Diagnostic
			results := ruletest.Prepare(t, Rule, recs[i])
			_, err := Rule.Run(rules.NewPass(Rule, recs[i], results, nil, func(d rules.Diagnostic) { got = append(got, d) }))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, fresh[i]) {
				t.Errorf("%s record %d, round %d: pooled state reports\n%v\nfresh state\n%v", recs[i].File.Path, recs[i].Index, round, got, fresh[i])
			}
		}
	}
	spellings := 0
	for i, rec := range recs {
		if want := namesOf(rec); !reflect.DeepEqual(names[i], want) {
			t.Errorf("%s record %d: names changed since", rec.File.Path, rec.Index)
		} else if want != nil {
			spellings += len(want.Spellings)
		}
	}
	if spellings < 1000 {
		t.Errorf("only %d spellings", spellings)
	}
}

// TestAllCapsAsDefined: the byte-wise allCaps answers as its definition
// rune by rune.
func TestAllCapsAsDefined(t *testing.T) {
	def := func(w string) bool {
		n := 0
		for _, r := range w {
			if unicode.IsLower(r) {
				return false
			}
			if unicode.IsLetter(r) {
				n++
			}
		}
		return n >= 2
	}
	words := []string{"", "A", "AB", "Ab", "aB", "NATO", "OTAN-", "É", "ÉU", "Éu", "UÉ", "U2", "U-N", "ÖSTERREICH", "Österreich",
		"\xff\xfe", "A\xffB", "ΑΒΓ", "Αβγ", "ǅX", "1234", "G20", "X.Y"}
	for r := rune(0); r < 0x250; r++ {
		words = append(words, "A"+string(r), string(r)+"B", string(r)+string(r))
	}
	for _, w := range words {
		if got, want := allCaps(w), def(w); got != want {
			t.Errorf("allCaps(%q) = %v, want %v", w, got, want)
		}
	}
}
