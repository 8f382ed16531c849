package naming

import (
	"fmt"
	"slices"
	"strings"

	"github.com/artlint/artlint/internal/lang"
	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/rules/textan"
)

// Result is what the rule returns for a record, from which Names takes
// what comparing records needs.
type Result struct {
	pass *rules.Pass // the rule's, with the analyses it required
}

// Names is what one record writes of its names, for comparing the records
// of a run (--cross-record): its spellings without the record itself.
type Names struct {
	// Lang is the tag of the record's language pack ("fr" for "fr-BE"):
	// only records of one language are compared.
	Lang      string
	Spellings []Spelling
	pack      *lang.Pack
}

// Spelling is one way a record writes a name: one word of a name
// ("Rasmussen") or two capitalised words joined by a hyphen or a space
// ("Bosnie-Herzégovine").
type Spelling struct {
	Text    string     // as written at Span
	Span    rules.Span // its first occurrence in running text (else its first)
	Pointer string     // JSON Pointer of the string it is in
	People  bool       // written in the people list

	f    *form // a word: what comparing it needs (no occurrences)
	pair *pairSpelling
}

// pairSpelling is a two-word spelling: the folded words and the joint.
type pairSpelling struct {
	key    string
	hyphen bool
}

// maxNames bounds the multi-word names kept per spelling.
const maxNames = 4

// Names returns the record's spellings that are not variants of another
// spelling of the same record (those are reported within the record, and
// are no reference for other records). Nil when the record's language
// has no pack. It analyses the record again from the analyses' results,
// so it must be called before the engine releases them (Rule.Release):
// the engine calls it right after the rule has run.
func (r *Result) Names() *Names {
	if r == nil || r.pass == nil {
		return nil
	}
	pack := textan.Pack(r.pass)
	if pack == nil {
		return nil
	}
	// The rule's state went back to its pool: the record is analysed
	// again, with a state from the pool too. The names keep the keys and
	// runes of its words, which no state changes (see wordOf), and copies
	// of the rest.
	st := statePool.Get().(*state)
	defer st.release()
	st.analyze(r.pass, pack)
	n := &Names{Lang: st.pack.Tag, pack: st.pack}
	for _, f := range st.forms {
		if f.variant {
			continue
		}
		st.fillNames(f)
		fillCompounds(f)
		occ := f.occs[0]
		for _, o := range f.occs {
			if o.src.people || (!o.weak && !o.shout) {
				occ = o
				break
			}
		}
		// The spellings as written are slices of the record's texts,
		// which must not stay alive with them: cloned.
		fw := &struct {
			form
			keys word
		}{keys: word{wordKeys: wordKeys{key: f.key, strip: f.strip, lower: f.lower, norm: f.norm, runes: f.runes, runeSet: f.runeSet,
			lowerSet: f.lowerSet}}} // one allocation
		c := &fw.form
		*c = form{word: &fw.keys, placed: f.placed, people: f.people,
			strong: f.strong, count: f.count, text: strings.Clone(f.text), country: f.countryOf(st.pack), countrySet: true, namesSet: true,
			alone: f.alone, compSet: true}
		for _, cp := range f.compounds {
			c.compounds = append(c.compounds, strings.Clone(cp))
		}
		var kept [maxNames]string // the names kept, joined
		seen := kept[:0]
		for _, ns := range f.names {
			k := strings.Join(ns.words, " ")
			if !slices.Contains(seen, k) && len(c.names) < maxNames {
				seen = append(seen, k)
				c.names = append(c.names, nameSeq{seq: -1, words: ns.words})
			}
		}
		n.Spellings = append(n.Spellings, Spelling{Text: strings.Clone(occ.text()), Span: occ.src.node.SpanOf(occ.i, occ.j),
			Pointer: occ.src.node.Pointer, People: f.people, f: c})
	}
	for _, g := range st.sortedPairGroups() {
		if g.mixed() {
			continue // the record's own business
		}
		p := &st.pairList[g.first]
		n.Spellings = append(n.Spellings, Spelling{Text: strings.Clone(p.src.node.Str[p.i:p.j]), Span: p.src.node.SpanOf(p.i, p.j),
			Pointer: p.src.node.Pointer, People: g.people, pair: &pairSpelling{key: g.key.a + "\x00" + g.key.b, hyphen: p.hyphen}})
	}
	return n
}

// Variant is a spelling of a record that differs from one of an earlier
// record of the run.
type Variant struct {
	Spelling int // index in the later record's Spellings
	// Earlier is the earlier record's Names and EarlierSpelling the index
	// of the spelling there.
	Earlier         *Names
	EarlierSpelling int
	Message         string // for the finding at the later spelling
	RelatedMessage  string // for the related location at the earlier one
}

// Index holds the spellings of the records seen so far in a run, by
// language, to compare each new record with. It keeps spellings only,
// and only those that can serve as a reference: in the people list or in
// running text, and not themselves a variant.
type Index struct {
	langs map[string]*langIndex
	order int
}

type langIndex struct {
	exact map[string]*entry   // by folded spelling
	near  map[string][]*entry // by normalised spelling and each of its one-letter deletions
	pairs map[string]*entry   // by pair key
}

type entry struct {
	names *Names
	sp    int
	order int
}

// NewIndex returns an empty index.
func NewIndex() *Index { return &Index{langs: map[string]*langIndex{}} }

// Add compares a record's names with those of the records added before
// it, then adds them. Records must be added in a fixed order (the
// engine's: by path, then position in the file).
func (ix *Index) Add(n *Names) []Variant {
	if n == nil {
		return nil
	}
	li := ix.langs[n.Lang]
	if li == nil {
		li = &langIndex{exact: map[string]*entry{}, near: map[string][]*entry{}, pairs: map[string]*entry{}}
		ix.langs[n.Lang] = li
	}
	own := map[string]bool{} // the record's own references, which its own comparison used
	for _, s := range n.Spellings {
		if s.f != nil && (s.f.people || s.f.strong) {
			own[s.f.key] = true
		}
	}
	var out []Variant
	flagged := map[int]bool{}
	for i, s := range n.Spellings {
		if s.People {
			continue // the record's people list is its reference
		}
		var v *Variant
		if s.pair != nil {
			v = li.pairVariant(n, i)
		} else {
			v = li.wordVariant(n, i, own)
		}
		if v != nil {
			out = append(out, *v)
			flagged[i] = true
		}
	}
	for i, s := range n.Spellings {
		if flagged[i] {
			continue
		}
		ix.order++
		e := &entry{names: n, sp: i, order: ix.order}
		if s.pair != nil {
			if li.pairs[s.pair.key] == nil {
				li.pairs[s.pair.key] = e
			}
			continue
		}
		f := s.f
		if !f.people && !f.strong {
			continue // never a reference, as within a record
		}
		if old := li.exact[f.key]; old != nil {
			mergeNames(old.names.Spellings[old.sp].f, f)
			continue
		}
		li.exact[f.key] = e
		li.near[f.norm] = append(li.near[f.norm], e)
		if letters(f.key) >= 6 {
			for _, d := range deletions(f.runes) {
				li.near[d] = append(li.near[d], e)
			}
		}
	}
	return out
}

// mergeNames adds the multi-word names of a later use of a spelling to
// the reference, up to maxNames: more evidence for distinct and
// sameEntity; and its hyphenated names, for acronymApart.
func mergeNames(dst, src *form) {
	dst.alone = dst.alone || src.alone
	for _, c := range src.compounds {
		if len(dst.compounds) < maxNames && !slices.Contains(dst.compounds, c) {
			dst.compounds = append(dst.compounds, c)
		}
	}
	for _, ns := range src.names {
		if len(dst.names) >= maxNames {
			return
		}
		dup := false
		for _, d := range dst.names {
			dup = dup || strings.Join(d.words, " ") == strings.Join(ns.words, " ")
		}
		if !dup {
			dst.names = append(dst.names, ns)
		}
	}
}

// deletions are the strings made by deleting one letter of r: two
// spellings one edit apart share one of them, or one is the other's.
func deletions(r []rune) []string {
	out := make([]string, 0, len(r))
	for i := range r {
		out = append(out, string(r[:i])+string(r[i+1:]))
	}
	return out
}

func (li *langIndex) wordVariant(n *Names, i int, own map[string]bool) *Variant {
	x := n.Spellings[i].f
	if li.exact[x.key] != nil {
		return nil // a spelling an earlier record uses
	}
	cands := append([]*entry(nil), li.near[x.norm]...)
	if letters(x.key) >= 6 {
		for _, d := range deletions(x.runes) {
			cands = append(cands, li.near[d]...)
		}
	}
	var best *entry
	var bestKind kind
	for _, e := range cands {
		y := e.names.Spellings[e.sp].f
		if own[y.key] {
			continue // the record writes both: its own comparison decides
		}
		k := classify(x, y)
		if k == kindNone || !related(n.pack, x, y, k, nil) {
			continue
		}
		if (k == kindEdit || k == kindEdgeEdit) && !sameEntity(x, y) {
			// Two articles often name two people: "Peterson" and
			// "Petersen", "Mr Johnston" and "Boris Johnson". A letter off
			// counts only within names that agree but for it.
			continue
		}
		if best == nil || e.order < best.order {
			best, bestKind = e, k
		}
	}
	if best == nil {
		return nil
	}
	s, ref := n.Spellings[i], best.names.Spellings[best.sp]
	where := " in another article"
	if ref.People {
		where = " in the people list of another article"
	}
	var msg string
	switch bestKind {
	case kindDiacritics:
		msg = fmt.Sprintf(`"%s" differs from "%s"%s only by diacritics`, s.Text, ref.Text, where)
	case kindCase:
		msg = fmt.Sprintf(`"%s" differs from "%s"%s only by case`, s.Text, ref.Text, where)
	default:
		msg = fmt.Sprintf(`"%s" is spelled "%s"%s`, s.Text, ref.Text, where)
	}
	return &Variant{Spelling: i, Earlier: best.names, EarlierSpelling: best.sp, Message: msg,
		RelatedMessage: refMessage(ref.People, ref.Text)}
}

func (li *langIndex) pairVariant(n *Names, i int) *Variant {
	s := n.Spellings[i]
	e := li.pairs[s.pair.key]
	if e == nil {
		return nil
	}
	ref := e.names.Spellings[e.sp]
	if ref.pair.hyphen == s.pair.hyphen {
		return nil
	}
	where := " in another article"
	if ref.People {
		where = " in the people list of another article"
	}
	return &Variant{Spelling: i, Earlier: e.names, EarlierSpelling: e.sp,
		Message:        fmt.Sprintf(`"%s" differs from "%s"%s only by a hyphen`, s.Text, ref.Text, where),
		RelatedMessage: refMessage(ref.People, ref.Text)}
}
