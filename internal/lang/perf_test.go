package lang

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// seedProse is the prose of the French seed record, one paragraph per
// line, for the benchmarks of the text mechanics every rule builds on.
func seedProse(tb testing.TB) []string {
	data, err := os.ReadFile("../../testdata/records/nato-chicago-partners-2012.fr.json")
	if err != nil {
		tb.Fatal(err)
	}
	var rec struct {
		Title, Summary string
		Body           []any
	}
	if err := json.Unmarshal(data, &rec); err != nil {
		tb.Fatal(err)
	}
	out := []string{rec.Title, rec.Summary}
	for _, b := range rec.Body {
		switch v := b.(type) {
		case string:
			out = append(out, v)
		case map[string]any:
			if t, ok := v["text"].(string); ok {
				out = append(out, t)
			}
		}
	}
	if n := len(strings.Join(out, "")); n < 2000 {
		tb.Fatalf("seed prose is %d bytes", n)
	}
	return out
}

func BenchmarkTokensSeed(b *testing.B) {
	p, _ := For("fr")
	texts := seedProse(b)
	for b.Loop() {
		for _, s := range texts {
			p.Tokens(s)
		}
	}
}

func BenchmarkQuotationsSeed(b *testing.B) {
	p, _ := For("fr")
	texts := seedProse(b)
	for b.Loop() {
		for _, s := range texts {
			p.Quotations(s)
		}
	}
}

func BenchmarkSentencesSeed(b *testing.B) {
	p, _ := For("fr")
	texts := seedProse(b)
	for b.Loop() {
		for _, s := range texts {
			p.Sentences(s)
		}
	}
}

// TestSpeechLead: a speech probe "word + space + tail" can only match when
// SpeechLead(word) holds, which is what lets rules skip the probe.
func TestSpeechLead(t *testing.T) {
	for _, tag := range []string{"fr", "en"} {
		p, _ := For(tag)
		tails := []string{"déclaré à la presse", "dit", "notamment ajouté", "said on Monday", "told reporters", "ajouté, selon", "to Reuters"}
		words := []string{"a", "A", "ont", "a-t-il", "a‑t‑elle", "avait", "has", "Has", "had", "also", "according", "selon", "d’après", "le", "été", "pointed"}
		for _, texts := range [][]string{seedProse(t), words} {
			for _, s := range texts {
				for _, tk := range p.Tokens(s) {
					if tk.Kind != Word {
						continue
					}
					for _, tail := range tails {
						w := tk.Text(s)
						key := w + " " + tail
						end, _, ok := p.SpeechVerb(key, 0)
						if ok && end > len(w)+1 && !p.SpeechLead(w) {
							t.Errorf("%s: %q matches a phrase but SpeechLead(%q) is false", tag, key, w)
						}
					}
				}
			}
		}
	}
	fr, _ := For("fr")
	for w, want := range map[string]bool{"a": true, "A": true, "ont": true, "a-t-il": true, "déclaré": false, "Rasmussen": false} {
		if got := fr.SpeechLead(w); got != want {
			t.Errorf("fr SpeechLead(%q) = %v, want %v", w, got, want)
		}
	}
	en, _ := For("en")
	for w, want := range map[string]bool{"has": true, "said": false, "according": true} {
		if got := en.SpeechLead(w); got != want {
			t.Errorf("en SpeechLead(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestLowerFold: the fast path gives what the definition gives, on words
// with and without the runes that need the normaliser.
func TestLowerFold(t *testing.T) {
	words := []string{"", "otan", "OTAN", "Herzégovine", "Herze\u0301govine", "ÉTATS-UNIS", "l’OTAN", "l'OTAN",
		"aujourd\u02bchui", "presqu\u2019île", "a\u00a0b", "Bosnie\u2011Herzégovine", "Łódź", "İstanbul", "ǅemal",
		"Straße", "ΑΘΗΝΑ", "\xff\xfeabc", "\xc3", "é\xa9", "Ñuñoa", "Ångström", "ﬁn", "𝐀bc",
		"A\u202fB", "x\u2009Y", "1\u20070", "N\u2010Y", "L\u2019\u0301", "e\u0301", "\u2019", "\u00a0", "\u02bc\u0301", "Ǆ", "ǅ", "Ϊ́"}
	for _, s := range seedProse(t) {
		words = append(words, strings.Fields(s)...)
	}
	for _, w := range words {
		if got, want := LowerFold(w), strings.ToLower(Fold(w)); got != want {
			t.Errorf("LowerFold(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestLeadSetsSound: wherever a lead pre-check says no, the phrase sets it
// guards find nothing, at every byte of realistic text in both languages
// and of text built from the phrases themselves (upper-cased too).
func TestLeadSetsSound(t *testing.T) {
	texts := append(seedProse(t),
		"Le Secrétaire général adjoint, M. Vershbow, a-t-il déclaré : « Selon l’OTAN, la Bosnie‑Herzégovine et les Émirats arabes unis, notamment. »",
		"According to the Prime Minister, Mr. Rasmussen said the United States, the Republic of Korea and Côte d’Ivoire, among others, agreed.",
		"ETATS-UNIS, Etats-Unis, É\u0301tats, Dr Who, Me Dupont, SELON, D’APRÈS, Prime minister, the Secretary-General",
	)
	for _, tag := range []string{"fr", "en"} {
		p, _ := For(tag)
		checks := []struct {
			name string
			lead *leadSet
			sets []*phraseSet
		}{
			{"speech", &p.speechLead, []*phraseSet{p.speech}},
			{"honorifics", &p.honorLead, []*phraseSet{p.honorifics}},
			{"roles", &p.roleLead, []*phraseSet{p.roles, p.roleArticles}},
			{"roles only", &p.roleOnlyLead, []*phraseSet{p.roles}},
			{"countries", &p.countryLead, []*phraseSet{p.countries, p.countryArticles}},
			{"country names", &p.countryNameLead, []*phraseSet{p.countries}},
			{"country articles", &p.countryArtLead, []*phraseSet{p.countryArticles}},
			{"nonExhaustive", &p.nonExhaustiveLead, []*phraseSet{p.nonExhaustive}},
		}
		all := texts
		words := append(append(append([]string{}, p.d.Honorifics...), p.d.RoleArticles...), p.d.CountryArticles...)
		words = append(append(append(words, p.d.Speech.Phrases...), p.d.Speech.Present...), p.d.Speech.According...)
		words = append(words, p.d.NonExhaustive...)
		for _, aux := range p.d.Speech.Auxiliaries {
			for _, part := range p.d.Speech.Participles {
				words = append(words, aux+" "+part, aux+"\n"+part, aux+"\u00a0"+part)
			}
		}
		for role, forms := range p.d.Roles {
			words = append(append(words, role), forms...)
		}
		for _, names := range p.d.Countries {
			words = append(words, names...)
		}
		for _, w := range words {
			all = append(all, w+" x", strings.ToUpper(w)+" x", " "+w)
		}
		for _, s := range all {
			for i := 0; i < len(s); i++ {
				for _, c := range checks {
					if c.lead.may(s, i) {
						continue
					}
					for _, ps := range c.sets {
						if _, e, ok := ps.match(s, i); ok {
							t.Errorf("%s %s: lead says no at %d of %q but %q matches", tag, c.name, i, s, s[i:e])
						}
					}
				}
			}
		}
	}
}

// TestLookupFold: the allocation-free lookup finds exactly what
// m[LowerFold(w)] finds.
func TestLookupFold(t *testing.T) {
	m := map[string]int{"otan": 1, "herzégovine": 2, "états-unis": 3, "l'otan": 4, "istanbul": 5, "i̇stanbul": 6, "łódź": 7}
	words := []string{"OTAN", "Otan", "otan", "HERZÉGOVINE", "Herze\u0301govine", "ÉTATS-UNIS", "États\u2011Unis",
		"L’OTAN", "l\u02bcOTAN", "İstanbul", "Istanbul", "ŁÓDŹ", "x", "", strings.Repeat("A", 40), "\xffotan",
		"L\u2019OTAN", "Etats\u2010Unis", "ÉTATS\u00a0UNIS"}
	for _, s := range seedProse(t) {
		words = append(words, strings.Fields(s)...)
	}
	for _, w := range words {
		got, gok := LookupFold(m, w)
		want, wok := m[LowerFold(w)]
		if got != want || gok != wok {
			t.Errorf("LookupFold(%q) = %d, %v; want %d, %v", w, got, gok, want, wok)
		}
	}
}

// TestLazyElisionSameTokens: trying the elision exceptions only where an
// elided particle is met gives the tokens of trying them at every word.
func TestLazyElisionSameTokens(t *testing.T) {
	p, _ := For("fr")
	if !p.lazyElision {
		t.Fatal("the French elision exceptions should allow the lazy scan")
	}
	eager := *p
	eager.lazyElision = false
	texts := append(seedProse(t),
		"Aujourd’hui, quelqu’un a dit qu’il irait presqu’à N’Djamena ; quelqu’une, quelqu’unes, presqu’île et presqu'îles.",
		"AUJOURD’HUI l’aujourd’hui d’aujourd'hui jusqu’aujourd’hui prud’hommes prud’homal entr’ouverte s’entr’ouvrir",
		"Presque\u0301 presqu\u2019i\u0302le N\u02bcDjamena n’Djamena l’N’Djamena grand-presqu’île c’est-à-dire qu’aujourd’hui-même",
	)
	for _, s := range texts {
		got, want := p.Tokens(s), eager.Tokens(s)
		if len(got) != len(want) {
			t.Errorf("%q: %d tokens, want %d", s, len(got), len(want))
			continue
		}
		for k := range got {
			if got[k] != want[k] {
				t.Errorf("%q: token %d = %+v, want %+v", s, k, got[k], want[k])
				break
			}
		}
	}
}

// FuzzFastPaths checks the fast paths against their definitions on any
// text: LowerFold, LookupFold, the lead pre-checks and the lazy elision
// scan.
func FuzzFastPaths(f *testing.F) {
	for _, s := range []string{"Aujourd’hui, M. Rasmussen a-t-il déclaré", "the Prime Minister said", "L\u2019OTAN\u00a0: presqu’île", "e\u0301tats"} {
		f.Add(s)
	}
	fr, _ := For("fr")
	en, _ := For("en")
	eager := *fr
	eager.lazyElision = false
	m := map[string]bool{"otan": true, "l'otan": true, "états-unis": true}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := LowerFold(s), strings.ToLower(Fold(s)); got != want {
			t.Fatalf("LowerFold(%q) = %q, want %q", s, got, want)
		}
		if got, want := LookupFold(m, s); got != m[strings.ToLower(Fold(s))] || want != m[strings.ToLower(Fold(s))] {
			t.Fatalf("LookupFold(%q) disagrees", s)
		}
		a, b := fr.Tokens(s), eager.Tokens(s)
		if len(a) != len(b) {
			t.Fatalf("lazy elision: %d tokens, eager %d, on %q", len(a), len(b), s)
		}
		for k := range a {
			if a[k] != b[k] {
				t.Fatalf("lazy elision: token %d %+v, eager %+v, on %q", k, a[k], b[k], s)
			}
		}
		for _, p := range []*Pack{fr, en} {
			for i := 0; i < len(s); i++ {
				if s[i] < 0x80 && (s[i] < 'A' || s[i] > 'Z') {
					if _, _, ok := p.honorifics.match(s, i); ok {
						t.Fatalf("%s: an honorific matches at %d of %q, not a capital", p.Tag, i, s)
					}
				}
				for _, c := range []struct {
					lead *leadSet
					sets []*phraseSet
				}{
					{&p.speechLead, []*phraseSet{p.speech}},
					{&p.honorLead, []*phraseSet{p.honorifics}},
					{&p.roleLead, []*phraseSet{p.roles, p.roleArticles}},
					{&p.roleOnlyLead, []*phraseSet{p.roles}},
					{&p.countryLead, []*phraseSet{p.countries, p.countryArticles}},
					{&p.countryNameLead, []*phraseSet{p.countries}},
					{&p.countryArtLead, []*phraseSet{p.countryArticles}},
					{&p.nonExhaustiveLead, []*phraseSet{p.nonExhaustive}},
				} {
					if c.lead.may(s, i) {
						continue
					}
					for _, ps := range c.sets {
						if _, e, ok := ps.match(s, i); ok {
							t.Fatalf("%s: lead says no at %d of %q but %q matches", p.Tag, i, s, s[i:e])
						}
					}
				}
			}
		}
	})
}

// TestHonorificCapitalShortcut: where Honorific skips the matcher because
// an ASCII start is no capital, the honorifics match nothing, in any case
// form of the listed titles.
func TestHonorificCapitalShortcut(t *testing.T) {
	for _, tag := range []string{"fr", "en"} {
		p, _ := For(tag)
		if !p.honorUpper {
			t.Fatalf("%s: honorifics should all start with a capital", tag)
		}
		texts := seedProse(t)
		for _, w := range p.d.Honorifics {
			texts = append(texts, strings.ToLower(w)+" Dupont", w+" Dupont", "m\u0301. Dupont")
		}
		for _, s := range texts {
			for i := 0; i < len(s); i++ {
				if s[i] >= 0x80 || (s[i] >= 'A' && s[i] <= 'Z') {
					continue
				}
				if _, e, ok := p.honorifics.match(s, i); ok {
					t.Errorf("%s: %q matches at %d of %q", tag, s[i:e], i, s)
				}
			}
		}
	}
}
