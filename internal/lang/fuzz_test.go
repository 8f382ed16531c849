package lang

import (
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	seedFR,
	seedEN,
	"vingt-et-un, quatre\u2011vingt\u2011dix\u2011sept, 1\u00a0000, 1,5, 1er, mille-feuille",
	"« “ ‘ ’ ” » ‹ › \" ' don't '90s",
	"M. U.S. J. K. Rowling... ?! …",
	"km² x² Macédoine¹ ⁻",
	"E\u0301mirats arabes unis",
	"",
	"\xff\xfe«",
}

func fuzzPacks(t *testing.T) []*Pack { return []*Pack{mustPack(t, "fr"), mustPack(t, "en")} }

func FuzzCardinal(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, 0)
	}
	f.Add("deux cent mille", 5)
	f.Fuzz(func(t *testing.T, s string, i int) {
		for _, p := range fuzzPacks(t) {
			v, end, ok := p.Cardinal(s, i)
			if ok && (end <= i || end > len(s) || v < 0) {
				t.Fatalf("Cardinal(%q,%d) = %d,%d", s, i, v, end)
			}
		}
	})
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range fuzzPacks(t) {
			prev := 0
			for _, sp := range p.Sentences(s) {
				if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
					t.Fatalf("Sentences(%q): bad span %v after %d", s, sp, prev)
				}
				prev = sp.End
			}
		}
	})
}

func FuzzQuotations(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range fuzzPacks(t) {
			qs, probs := p.Quotations(s)
			prev := -1
			for _, q := range qs {
				if q.Open.Start <= prev || q.Open.End > len(s) || q.Inner.Start < q.Open.End || q.Inner.End < q.Inner.Start || q.Inner.End > len(s) {
					t.Fatalf("Quotations(%q): bad quote %+v", s, q)
				}
				if q.Close.Start != -1 && (q.Close.Start < q.Inner.End || q.Close.End > len(s)) {
					t.Fatalf("Quotations(%q): bad close %+v", s, q)
				}
				prev = q.Open.Start
			}
			for _, pr := range probs {
				if pr.At.Start < 0 || pr.At.End > len(s) || pr.At.End <= pr.At.Start {
					t.Fatalf("Quotations(%q): bad problem %+v", s, pr)
				}
			}
		}
	})
}

func FuzzTokens(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range fuzzPacks(t) {
			prev := 0
			for _, tk := range p.Tokens(s) {
				if tk.Start != prev || tk.End <= tk.Start || tk.End > len(s) || tk.Text(s) != s[tk.Start:tk.End] {
					t.Fatalf("Tokens(%q): bad token %+v at %d", s, tk, prev)
				}
				if utf8.ValidString(s) && !utf8.ValidString(tk.Text(s)) {
					t.Fatalf("Tokens(%q): token splits a rune %+v", s, tk)
				}
				prev = tk.End
			}
			if prev != len(s) {
				t.Fatalf("Tokens(%q) stop at %d", s, prev)
			}
			if len(s) > 256 { // keep each exec cheap
				continue
			}
			// Every matcher must tolerate any offset.
			for i := 0; i <= len(s); i++ {
				p.Country(s, i)
				p.SpeechVerb(s, i)
				p.Role(s, i)
				p.Honorific(s, i)
				p.NonExhaustive(s, i)
				p.IsUnitExponent(s, i)
			}
		}
	})
}

func BenchmarkSentencesFR(b *testing.B) {
	p := mustPack(b, "fr")
	b.SetBytes(int64(len(seedFR)))
	for b.Loop() {
		p.Sentences(seedFR)
	}
}

func BenchmarkTokensFR(b *testing.B) {
	p := mustPack(b, "fr")
	b.SetBytes(int64(len(seedFR)))
	for b.Loop() {
		p.Tokens(seedFR)
	}
}

func BenchmarkQuotationsFR(b *testing.B) {
	p := mustPack(b, "fr")
	b.SetBytes(int64(len(seedFR)))
	for b.Loop() {
		p.Quotations(seedFR)
	}
}

// BenchmarkCountryFR calls Country at every byte, the worst case for a rule.
func BenchmarkCountryFR(b *testing.B) {
	p := mustPack(b, "fr")
	b.SetBytes(int64(len(seedFR)))
	for b.Loop() {
		for i := 0; i < len(seedFR); i++ {
			p.Country(seedFR, i)
		}
	}
}

func BenchmarkCardinalFR(b *testing.B) {
	p := mustPack(b, "fr")
	b.SetBytes(int64(len(seedFR)))
	for b.Loop() {
		for i := 0; i < len(seedFR); i++ {
			p.Cardinal(seedFR, i)
		}
	}
}
