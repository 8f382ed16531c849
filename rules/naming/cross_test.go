package naming

import (
	"fmt"
	"testing"

	"github.com/artlint/artlint/rules"
)

// names lints a record and returns the names it hands to the index.
func names(t *testing.T, rec *rules.Record) *Names {
	t.Helper()
	results := map[*rules.Rule]any{}
	for _, r := range rules.Order([]*rules.Rule{Rule}) {
		res, err := r.Run(rules.NewPass(r, rec, results, nil, nil))
		if err != nil {
			t.Fatal(err)
		}
		results[r] = res
	}
	res, ok := results[Rule].(*Result)
	if !ok {
		t.Fatalf("the rule returned %T, want *Result", results[Rule])
	}
	return res.Names()
}

type article struct {
	lang   string
	body   []string
	people []person
}

// cross adds the articles to an index in order and describes each
// variant as "article k: message at text (related: earlier article j at
// text)".
func cross(t *testing.T, arts ...article) []string {
	t.Helper()
	ix := NewIndex()
	which := map[*Names]int{}
	var out []string
	for k, a := range arts {
		title := frTitle
		if a.lang == "en" {
			title = enTitle
		}
		rec := record(t, a.lang, title, a.body, a.people...)
		n := names(t, rec)
		which[n] = k
		for _, v := range ix.Add(n) {
			s, ref := n.Spellings[v.Spelling], v.Earlier.Spellings[v.EarlierSpelling]
			at := string(rec.File.Content[s.Span.Start:s.Span.End])
			out = append(out, fmt.Sprintf("article %d: %s at %q (%s: article %d at %q)", k, v.Message, at, v.RelatedMessage, which[v.Earlier], ref.Text))
		}
	}
	return out
}

func TestCrossRecord(t *testing.T) {
	tests := []struct {
		name string
		arts []article
		want []string
	}{
		{
			name: "one letter added, French",
			arts: []article{
				{lang: "fr", body: []string{frSaid}},
				{lang: "fr", body: []string{"M. Anders Fogh Rassmussen a remercié les partenaires de l’Alliance pour leur soutien en Afghanistan."}},
			},
			want: []string{`article 1: "Rassmussen" is spelled "Rasmussen" in another article at "Rassmussen" ("Rasmussen" is first written here: article 0 at "Rasmussen")`},
		},
		{
			name: "the earlier record is the reference, whichever is right",
			arts: []article{
				{lang: "fr", body: []string{"M. Anders Fogh Rassmussen a remercié les partenaires de l’Alliance pour leur soutien en Afghanistan."}},
				{lang: "fr", body: []string{frSaid}},
			},
			want: []string{`article 1: "Rasmussen" is spelled "Rassmussen" in another article at "Rasmussen" ("Rassmussen" is first written here: article 0 at "Rassmussen")`},
		},
		{
			name: "English, people list of the earlier record",
			arts: []article{
				{lang: "en", body: []string{"Secretary General Jens Stoltenberg opened the meeting in Brussels."}, people: []person{{Name: "Jens Stoltenberg"}}},
				{lang: "en", body: []string{"Secretary General Jens Stoltenburg thanked Sweden and Finland for their support."}},
			},
			want: []string{`article 1: "Stoltenburg" is spelled "Stoltenberg" in the people list of another article at "Stoltenburg" ("Stoltenberg" in the people list: article 0 at "Stoltenberg")`},
		},
		{
			name: "hyphen and diacritics across records",
			arts: []article{
				{lang: "fr", body: []string{"Les ministres ont rencontré leurs homologues de Bosnie‑Herzégovine et du Monténégro."}},
				{lang: "fr", body: []string{"Le dialogue avec la Bosnie Herzégovine se poursuivra, a indiqué le ministre."}},
				{lang: "fr", body: []string{"Le président du Montenegro a salué cette décision."}},
			},
			want: []string{
				`article 1: "Bosnie Herzégovine" differs from "Bosnie‑Herzégovine" in another article only by a hyphen at "Bosnie Herzégovine" ("Bosnie‑Herzégovine" is first written here: article 0 at "Bosnie‑Herzégovine")`,
				`article 2: "Montenegro" differs from "Monténégro" in another article only by diacritics at "Montenegro" ("Monténégro" is first written here: article 0 at "Monténégro")`,
			},
		},
		{
			name: "same spelling: nothing",
			arts: []article{
				{lang: "fr", body: []string{frSaid}},
				{lang: "fr", body: []string{"M. Rasmussen a remercié les partenaires de l’Alliance."}},
			},
		},
		{
			name: "two countries across records",
			arts: []article{
				{lang: "en", body: []string{"Ministers from Gambia attended the meeting in Banjul."}},
				{lang: "en", body: []string{"Ministers from Zambia attended the meeting in Lusaka."}},
				{lang: "fr", body: []string{"Les dirigeants de l’Islande étaient présents."}},
				{lang: "fr", body: []string{"Les dirigeants de l’Irlande étaient présents."}},
			},
		},
		{
			name: "other languages are not compared",
			arts: []article{
				{lang: "fr", body: []string{"Le président du Monténégro et M. Vladimir Poutine se sont parlé."}},
				{lang: "en", body: []string{"The president of Montenegro, Volodymyr Zelenskyy and Mr Rasmussen spoke."}},
				{lang: "fr", body: []string{"M. Volodymyr Zelensky et M. Anders Fogh Rassmussen ont parlé."}},
			},
		},
		{
			name: "a variant within its record is reported there only",
			arts: []article{
				{lang: "fr", body: []string{frSaid}},
				{lang: "fr", body: []string{frSaid, "M. Rassmussen a remercié les partenaires."}},
			},
		},
		{
			name: "a flagged variant is no reference",
			arts: []article{
				{lang: "fr", body: []string{frSaid}},
				{lang: "fr", body: []string{"M. Anders Fogh Rassmussen a remercié les partenaires."}},
				{lang: "fr", body: []string{"M. Anders Fogh Rassmussen a conclu la réunion."}},
			},
			want: []string{
				`article 1: "Rassmussen" is spelled "Rasmussen" in another article at "Rassmussen" ("Rasmussen" is first written here: article 0 at "Rasmussen")`,
				`article 2: "Rassmussen" is spelled "Rasmussen" in another article at "Rassmussen" ("Rasmussen" is first written here: article 0 at "Rasmussen")`,
			},
		},
		{
			name: "a letter off needs a full name across records",
			arts: []article{
				{lang: "en", body: []string{"Boris Johnson arrived late. Mr Petersen, the Danish envoy, spoke first."}},
				{lang: "en", body: []string{"Mr Johnston said the talks went well, and Mr Peterson agreed."}},
				{lang: "fr", body: []string{"Les dirigeants de la Gambie ont parlé."}},
				{lang: "fr", body: []string{"Des entreprises comme Procter & Gamble ont été sollicitées."}},
				{lang: "fr", body: []string{frSaid}},
				{lang: "fr", body: []string{"M. Rassmussen a remercié les partenaires."}},
			},
		},
		{
			name: "different first names across records",
			arts: []article{
				{lang: "en", body: []string{"Boris Johnson met the ministers in London."}},
				{lang: "en", body: []string{"Robert Johnston said the talks went well."}},
			},
		},
		{
			name: "last letter, confirmed by the full name across records",
			arts: []article{
				{lang: "en", body: []string{"Deputy Secretary General Alexander Vershbow chaired the meeting."}},
				{lang: "en", body: []string{"Alexander Vershbov said partners were essential."}},
				{lang: "en", body: []string{"Vershbom said partners were essential."}},
			},
			want: []string{`article 1: "Vershbov" is spelled "Vershbow" in another article at "Vershbov" ("Vershbow" is first written here: article 0 at "Vershbow")`},
		},
		{
			name: "people lists on both sides",
			arts: []article{
				{lang: "en", body: []string{"Anders Fogh Rasmussen spoke."}, people: []person{{Name: "Anders Fogh Rasmussen"}}},
				{lang: "en", body: []string{"Anders Fogh Rassmussen spoke."}, people: []person{{Name: "Anders Fogh Rassmussen"}}},
			},
		},
		{
			name: "case only at sentence starts",
			arts: []article{
				{lang: "fr", body: []string{"Les pays membres de l’OTAN ont accueilli les partenaires."}},
				{lang: "fr", body: []string{"Otan et partenaires ont parlé de l’Afghanistan."}},
				{lang: "fr", body: []string{"Les dirigeants de l’Otan ont parlé de l’Afghanistan."}},
			},
			want: []string{`article 2: "Otan" differs from "OTAN" in another article only by case at "Otan" ("OTAN" is first written here: article 0 at "OTAN")`},
		},
		{
			name: "an acronym in a hyphenated name and a compass point",
			arts: []article{
				{lang: "fr", body: []string{"Le syndicat SUD-Rail appelle à la grève ; pour SUD-Rail, la mobilisation est forte."}},
				{lang: "fr", body: []string{"Les TGV circuleront normalement sur l’axe Sud-Est, où le trafic est dense."}},
			},
		},
		{
			name: "an acronym in one hyphenated name",
			arts: []article{
				{lang: "fr", body: []string{"Le syndicat SUD-Rail appelle à la grève ; pour SUD-Rail, la mobilisation est forte."}},
				{lang: "fr", body: []string{"Le cortège de Sud-Rail est parti de la gare."}},
			},
			want: []string{`article 1: "Sud" differs from "SUD" in another article only by case at "Sud" ("SUD" is first written here: article 0 at "SUD")`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cross(t, tt.arts...)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got\n%v\nwant\n%v", got, tt.want)
			}
		})
	}
}

// BenchmarkCrossRecordSeed times what --cross-record adds per record:
// taking the seed's names and comparing them with an index that already
// holds them (every name then is looked up).
func BenchmarkCrossRecordSeed(b *testing.B) {
	rec := seed(b)
	results := map[*rules.Rule]any{}
	for _, r := range rules.Order([]*rules.Rule{Rule}) {
		res, err := r.Run(rules.NewPass(r, rec, results, nil, nil))
		if err != nil {
			b.Fatal(err)
		}
		results[r] = res
	}
	res := results[Rule].(*Result)
	ix := NewIndex()
	ix.Add(res.Names())
	b.ResetTimer()
	for range b.N {
		if v := ix.Add(res.Names()); len(v) != 0 {
			b.Fatalf("variants of the seed in the seed: %d", len(v))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/record")
}
