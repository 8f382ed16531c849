// Package naming defines the consistent-naming rule: within one article, a
// person, place or organisation is spelled one way.
package naming

import (
	"cmp"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/artlint/artlint/internal/lang"
	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/rules/textan"
)

// Rule reports a name spelled two ways in one record.
var Rule = &rules.Rule{
	ID:    "consistent-naming",
	Title: "A name is spelled the same way throughout an article",
	Doc: "Within one article, a person, place or organisation keeps one spelling. The rule compares the " +
		"capitalised names of the text (runs of capitalised words, with particles such as *de*, *du*, *von*, " +
		"*van*, *al-*) and the `people` list, word by word and across hyphens, and reports a spelling that differs " +
		"from another one only by:\n\n" +
		"- a hyphen instead of a space or the reverse (`Bosnie‑Herzégovine` / `Bosnie Herzégovine`, " +
		"`Anders Fogh Rasmussen` / `Anders Fogh-Rasmussen`);\n" +
		"- diacritics, strokes included (`Herzégovine` / `Herzegovine`, `Ødegaard` / `Odegaard`);\n" +
		"- case inside the word (`OTAN` / `Otan`);\n" +
		"- one inserted, deleted, substituted or swapped letter inside a word of six letters or more " +
		"(`Rasmussen` / `Rassmussen`, `Stoltenberg` / `Stoltenburg`), or a doubled letter in a word of five " +
		"(`Faury` / `Faurry`); at the first two letters or the last one only when the rest of a full name agrees " +
		"(`Alexander Vershbow` / `Alexander Vershbov`) or, for the last letter, when a surname stands alone after " +
		"the full name (`Volodymyr Zelenskyy` … `Zelensky`, `Ronald Koeman` … `Koemann`) and the change makes no " +
		"ending: no `a`, `e`, `i`, `n` or `s` added or dropped but a doubled letter, no vowel replaced (`Robert` / " +
		"`Roberts`, `Martin` / `Martine`, `Ivanov` / `Ivanova`, `North America` / `American`, `Saudi Arabia` / " +
		"`Arabic`).\n\n" +
		"The spelling of the `people` list (name and aliases) wins; otherwise the most frequent spelling, then the " +
		"first. The finding is on each other spelling, with the reference spelling as related location and a fix.\n\n" +
		"Left alone, to stay precise:\n\n" +
		"- short forms (`M. Rasmussen` after `Anders Fogh Rasmussen`) and translations (`OTAN` / `NATO`);\n" +
		"- apostrophe and hyphen forms (`l’OTAN` / `l'OTAN`, `‑` / `-`): typography's business;\n" +
		"- two known countries or nationalities (`Gambia` / `Zambia`, `Islande` / `Irlande`, `Iraniens` / `Irakiens`);\n" +
		"- two people whose other names differ (`Boris Johnson` / `Robert Johnston`: different first names, " +
		"different people), unless a full name settles it: `Kirsty Fergusson` after `Kirsty Ferguson` is reported even when " +
		"her father `Douglas Ferguson` is in the article. A surname alone cannot be told apart: `Johnston` after only `Boris Johnson` is reported;\n" +
		"- a hyphenated name after a kind of place the language pack lists, with up to three lower-case words " +
		"between (`le lycée Victor-Hugo`, `le stade Pierre-Mauroy`, `le Centre international de conférences " +
		"Abdou-Diouf` and `Victor Hugo`, `Pierre Mauroy`, `Abdou Diouf`): French names places after people with hyphens;\n" +
		"- a final `s` added or dropped, in a surname or a full name: a plural (`Liberal Democrats` / `the Liberal " +
		"Democrat leader`); a doubled one is still reported (`Davis` / `Daviss`); likewise an `n` after a final `a`, " +
		"a place's adjective (`South America` / `the South American countries`);\n" +
		"- a word opening a sentence or in a title that only adds accents after its first letter (`Côté camerounais` / " +
		"`la Côte d’Ivoire`): a slip drops accents, it does not add them;\n" +
		"- an acronym and a capitalised word that each occur only inside different hyphenated names (`SUD-Rail` and " +
		"`l’axe Sud-Est`); as whole words, or in one name, they are compared (`OTAN` / `Otan`, `SUD-Rail` / `Sud-Rail`);\n" +
		"- spellings that are both in the `people` list;\n" +
		"- words whose lower-case form occurs in the article (`Alliés` / `alliés`) and role words (`Secretary General`);\n" +
		"- capitalised words at the start of a sentence or quotation, or in a title or heading: they are compared by " +
		"case only after their first letter (`Nato` opening a sentence and `NATO` elsewhere are reported, the more " +
		"frequent spelling being the reference; `De Gaulle` opening a sentence and `de Gaulle` are not), and are " +
		"never the reference for other differences. Title case runs words together, so a title or heading gives no " +
		"full name;\n" +
		"- words in a run of capitals or opening a text in capitals, as a dateline does (`NO TO NATO`, " +
		"`BANJUL — President Adama Barrow…`): never compared by case;\n" +
		"- other one-letter edits on the first two letters or the last one with no full name to confirm them " +
		"(`Allies` / `Allied`, `Géorgie` / `Géorgien`, `Hansen` / `Jansen`, `Islandais` / `Irlandais`): more often two " +
		"words than a typo.\n\n" +
		"With `artlint lint --cross-record`, the records of one run are also compared with each other, by file path and " +
		"then position in the file: a spelling that is, by the same criteria, a variant of one written in an earlier " +
		"record is reported once in the later record, with the " +
		"earlier spelling as related location, and without a fix, since the earlier record is not necessarily the " +
		"right one. Two articles often name two different people, so a letter off counts across records only within " +
		"names that otherwise agree (`Anders Fogh Rasmussen` in `a.json`, `Anders Fogh Rassmussen` in `b.json`; not " +
		"`Mr Johnston` after `Boris Johnson`, nor `Procter & Gamble` after `Gambie`). A spelling that the record itself " +
		"uses, or that its own people list gives, or that is already reported within the record is left to the " +
		"record's own check. Only records of one language are compared: " +
		"country names and their diacritics (`Monténégro` / `Montenegro`) and the transliteration of people's names " +
		"(`Zelensky` / `Zelenskyy`) differ from one language to another.\n\n" +
		"A team's own register of names, in the configuration file (`names: {Anders Fogh Rasmussen: [Fogh-Rasmussen, Rassmussen]}`), " +
		"is checked first: each listed variant is reported wherever it occurs as a whole word, even with no other spelling " +
		"in the article to compare with.",
	Bad:       "body:\n  - \"… a déclaré le secrétaire général, M. Anders Fogh Rasmussen.\"\n  - \"M. Rassmussen a ajouté…\"",
	Good:      "body:\n  - \"… a déclaré le secrétaire général, M. Anders Fogh Rasmussen.\"\n  - \"M. Rasmussen a ajouté…\"",
	Level:     rules.LevelWarning,
	Tags:      []string{"editorial"},
	Languages: []string{"fr", "en"},
	Since:     "0.1.0",
	Requires:  []*rules.Rule{textan.Language, textan.Sentences, textan.Tokens},
	Run:       run,
}

// source is one string that names things: a text, a quote's speaker, or a
// name or alias of the people list.
type source struct {
	node      *rules.Node
	sentences []lang.Span // nil for speakers and people
	weak      bool        // title or heading: capitals there may be title case
	people    bool
}

// part is one capitalised word of a name ("Herzégovine" in
// "Bosnie‑Herzégovine"), possessive 's removed.
type part struct {
	src    *source
	i, j   int   // decoded byte range in src.node.Str: the text as written
	w      *word // the text's keys
	seq    int   // the name sequence it belongs to
	order  int   // reading order; people first
	weak   bool  // sentence-initial, or in a title or heading
	shout  bool  // in a run of capitals ("NO TO NATO"): case says nothing
	role   bool  // part of a role ("Secretary General")
	common bool  // a common word capitalised, not a name
}

// text is the part as written.
func (p *part) text() string { return p.src.node.Str[p.i:p.j] }

// word holds the keys of one spelling as written, computed once per
// distinct text and kept by the state from record to record (see
// wordOf), and what one record makes of it.
type word struct {
	wordKeys
	low *lowerEntry // lower's, in state.lowers
	wordOfRecord
}

// wordOfRecord is what one record makes of a word.
type wordOfRecord struct {
	gen    uint32 // the record (state.gen) that the fields below are of
	named  bool   // counted in state.named
	wanted bool   // markCommon looks for lower in the texts
	form   *form  // its form, set by partFindings
}

// pairKey is the folded words of a pair.
type pairKey struct{ a, b string }

// pair is two adjacent capitalised words joined by a hyphen or a space.
type pair struct {
	src    *source
	i, j   int
	hyphen bool
	order  int
	next   int32 // the next pair of its group in st.pairList, or -1
}

// pairGroup is the occurrences of one pair of words: a chain in
// st.pairList, in reading order.
type pairGroup struct {
	key           pairKey
	first, last   int32
	hyphen, space bool // written with a hyphen, with a space
	people        bool // written in the people list
}

// mixed reports whether the pair is written with a hyphen and with a
// space.
func (g *pairGroup) mixed() bool { return g.hyphen && g.space }

// form gathers the occurrences of one spelling (compared after lang.Fold).
// Its flags come last, together: a record has dozens of forms.
type form struct {
	*word // the keys of the spelling: key, lower, strip, norm, runes and sets
	occs  []*part
	count int

	text    string // the first occurrence as written
	country string // the first occurrence's country code, once countrySet
	// names are the multi-word names holding the spelling, filled on
	// demand (see state.fillNames); cross-record forms carry them.
	names []nameSeq

	placed int8 // 0 unknown, 1 a country or nationality, 2 not: see place
	people bool
	strong bool // has an occurrence that is neither weak nor from the people list only
	plain  bool // has an occurrence in a text, not in a run of capitals
	// countrySet: country is known. It is looked up on demand (countryOf):
	// only the few spellings that classify pairs need it.
	countrySet bool
	namesSet   bool
	// compounds are the hyphenated names holding the spelling with
	// another capitalised part ("SUD-Rail", "Sud-Est"), normalised; alone:
	// it also occurs outside them. Filled on demand (fillCompounds).
	compounds []string
	alone     bool
	compSet   bool
	variant   bool // a variant of another spelling of the same record
}

// nameSeq is one multi-word name holding a spelling: its sequence (-1
// across records) and the normalised words of its names.
type nameSeq struct {
	seq   int
	words []string
}

// seqRange is one name sequence: st.parts[start:end], then
// st.names[start:end].
type seqRange struct{ start, end int }

type state struct {
	pack     *lang.Pack
	tokens   map[*rules.Node][]lang.Token // of the texts, when not aligned with textToks
	textToks [][]lang.Token               // of each text of textan.SentencesOf
	textVals []string                     // the values of those texts
	// extract's: the token indices of the sequence, and of particles
	// waiting for a name; the roles of the source so far.
	cur, pending []int
	roles        []lang.Span
	// words are the words of the record's pack, one of wordCaches: the
	// spellings seen, kept from record to record (see wordOf).
	words      *wordCache
	wordCaches []*wordCache
	// lowers holds the lower-case forms of the spellings in words, by
	// which markCommon looks them up in the texts, kept with them.
	lowers  map[string]*lowerEntry
	srcSlab slab[source]
	// parts are the capitalised words in reading order. It grows during
	// extract only: pointers into it are taken after.
	parts []part
	// seqs are the name sequences: ranges of parts as extract finds
	// them, then of names once markCommon has kept the names.
	seqs       []seqRange
	names      []*part           // the parts that are no common words, sequence by sequence
	pairIndex  map[pairKey]int32 // beyond fewPairs groups (see groupOf)
	pairGroups []pairGroup       // indexed by pairIndex, in order of first occurrence
	pairList   []pair
	order      int
	forms      []*form // the spellings partFindings compared, in order
	// partFindings' buffers: the forms and their occurrences; the forms
	// by key when a spelling is not its own key.
	formBuf   []form
	occBuf    []*part
	formIndex map[string]*form
	// nearForms' arrays.
	bounds []int
	byLen  []formSets
	sets   []formSets // of the spellings, in order
	near   []bool
	// named counts the words of the parts that are no common words: at
	// most as many forms.
	named    int
	refolded int    // the words whose key is not the text as written
	gen      uint32 // the record's generation of words
}

// newState returns an empty state, its maps made.
func newState() *state {
	return &state{lowers: make(map[string]*lowerEntry, 64), pairIndex: make(map[pairKey]int32, 16),
		formIndex: map[string]*form{}}
}

// statePool keeps states from record to record: a record's analysis then
// allocates nothing but the keys of spellings its state has not seen yet,
// and leaves no garbage.
var statePool = sync.Pool{New: func() any { return newState() }}

// maxPooled bounds the room of a state put back in the pool: clearing
// costs it, which one long record should not leave to all the others.
// maxWords bounds the spellings it keeps.
const maxPooled, maxWords = 1024, 8192

// wordCache holds the words of the spellings seen with one language
// pack, whose keys depend on it (see wordOf): articles of two languages
// in turn then keep theirs.
type wordCache struct {
	pack   *lang.Pack
	byText map[string]*word
	// recent holds words that are their own key, by recentSlot.
	recent [recentSlots]*word
}

// usePack makes pack the record's, and its words st.words.
func (st *state) usePack(pack *lang.Pack) {
	st.pack = pack
	if st.words != nil && st.words.pack == pack {
		return
	}
	for _, c := range st.wordCaches {
		if c.pack == pack {
			st.words = c
			return
		}
	}
	st.words = &wordCache{pack: pack, byText: make(map[string]*word, 64)}
	st.wordCaches = append(st.wordCaches, st.words)
}

// forget drops the spellings st keeps and their lower-case forms.
func (st *state) forget() {
	for _, c := range st.wordCaches {
		clear(c.byText)
		c.recent = [recentSlots]*word{}
	}
	clear(st.lowers)
}

// wordsKept is the number of spellings st keeps.
func (st *state) wordsKept() int {
	n := 0
	for _, c := range st.wordCaches {
		n += len(c.byText)
	}
	return n
}

// release puts st back in the pool, emptied: it keeps no string nor node
// of the record, only the keys of the spellings it saw.
func (st *state) release() {
	if len(st.parts) > 4*maxPooled {
		return
	}
	if st.wordsKept() > maxWords {
		st.forget()
	}
	clear(st.textToks)
	clear(st.textVals)
	st.srcSlab.reset()
	clear(st.parts)
	clear(st.names)
	clear(st.pairIndex)
	clear(st.pairGroups)
	clear(st.pairList)
	clear(st.forms)
	clear(st.formBuf)
	clear(st.occBuf)
	clear(st.formIndex)
	*st = state{
		textToks: st.textToks[:0], textVals: st.textVals[:0], cur: st.cur[:0], pending: st.pending[:0], roles: st.roles[:0],
		words: st.words, wordCaches: st.wordCaches, lowers: st.lowers, gen: st.gen, srcSlab: st.srcSlab,
		parts: st.parts[:0], seqs: st.seqs[:0], names: st.names[:0],
		pairIndex: st.pairIndex, pairGroups: st.pairGroups[:0], pairList: st.pairList[:0],
		forms: st.forms[:0], formBuf: st.formBuf[:0], occBuf: st.occBuf[:0], formIndex: st.formIndex,
		bounds: st.bounds[:0], byLen: st.byLen[:0], sets: st.sets[:0], near: st.near[:0],
	}
	statePool.Put(st)
}

func run(pass *rules.Pass) (any, error) {
	pack := textan.Pack(pass)
	if pack == nil {
		return nil, nil
	}
	st := statePool.Get().(*state)
	report(pass, st.analyze(pass, pack))
	st.release()
	// The state went back to the pool: Names analyses the record again,
	// which only --cross-record asks for.
	return &Result{pass: pass}, nil
}

// analyze finds the names of the record and compares them: it returns
// the findings, and leaves the forms in st.forms, the variants marked.
func (st *state) analyze(pass *rules.Pass, pack *lang.Pack) []finding {
	st.usePack(pack)
	// A new generation of words (see wordOf); after the last one, the
	// words are forgotten.
	if st.gen++; st.gen == 0 {
		st.forget()
		st.gen = 1
	}
	tts := textan.TokensOf(pass)
	texts := textan.SentencesOf(pass)
	// Both analyses list the record's texts in reading order: the tokens
	// of texts[i] are tts[i].Tokens, with no map to build. The map is the
	// fallback should they ever disagree.
	aligned := len(tts) == len(texts)
	for i := 0; aligned && i < len(tts); i++ {
		aligned = tts[i].Text.Node == texts[i].Text.Node
	}
	if !aligned {
		st.tokens = make(map[*rules.Node][]lang.Token, len(tts))
		for _, tt := range tts {
			st.tokens[tt.Text.Node] = tt.Tokens
		}
	}
	for i, ts := range texts {
		st.textVals = append(st.textVals, ts.Text.Value())
		if aligned {
			st.textToks = append(st.textToks, tts[i].Tokens)
		} else {
			st.textToks = append(st.textToks, st.tokensOf(ts.Text.Node))
		}
	}
	// The people list comes first: its spellings are the reference.
	if people := pass.Record.Root.Get("people"); people != nil && people.Kind == rules.Array {
		for _, p := range people.Items {
			if n := p.Get("name"); n != nil && n.Kind == rules.String {
				st.extract(st.newSource(source{node: n, people: true}), st.tokensOf(n))
			}
			if al := p.Get("aliases"); al != nil && al.Kind == rules.Array {
				for _, a := range al.Items {
					if a.Kind == rules.String {
						st.extract(st.newSource(source{node: a, people: true}), st.tokensOf(a))
					}
				}
			}
		}
	}
	for i, ts := range texts {
		t := ts.Text
		weak := t.Kind == rules.KindTitle || t.Kind == rules.KindHeading
		st.extract(st.newSource(source{node: t.Node, weak: weak, sentences: ts.Sentences}), st.textToks[i])
		if t.Speaker != nil {
			st.extract(st.newSource(source{node: t.Speaker}), st.tokensOf(t.Speaker))
		}
	}
	st.markCommon()
	found := registerFindings(pass)
	found = append(found, st.pairFindings()...)
	return append(found, st.partFindings()...)
}

// finding is a diagnostic before overlap removal.
type finding struct {
	src     *source
	i, j    int
	msg     string
	ref     *source
	ri, rj  int
	refMsg  string
	replace string
	order   int
}

func report(pass *rules.Pass, found []finding) {
	slices.SortStableFunc(found, func(a, b finding) int { return cmp.Compare(a.order, b.order) })
	var kept []finding
	for _, f := range found {
		overlaps := false
		for _, k := range kept {
			if k.src.node == f.src.node && f.i < k.j && k.i < f.j {
				overlaps = true
				break
			}
		}
		if !overlaps {
			kept = append(kept, f)
		}
	}
	for _, f := range kept {
		d := rules.Diagnostic{
			Span:    f.src.node.SpanOf(f.i, f.j),
			Pointer: f.src.node.Pointer,
			Message: f.msg,
		}
		if f.ref != nil {
			d.Related = []rules.Related{{Span: f.ref.node.SpanOf(f.ri, f.rj), Pointer: f.ref.node.Pointer, Message: f.refMsg}}
		}
		if f.replace != "" {
			d.Fixes = []rules.Fix{{
				Description: fmt.Sprintf(`Write "%s"`, f.replace),
				Edits:       []rules.Edit{rules.Text{Node: f.src.node}.Edit(f.i, f.j, f.replace)},
			}}
		}
		pass.Report(d)
	}
}

// markCommon marks the parts that are common words capitalised: role
// words, function words and count nouns, and words whose lower-case form
// occurs in the article's texts, whole or as a hyphenated part ("Alliés"
// when "alliés" occurs). Only the capitalised words are looked for, so the
// lower-case words of the texts are looked up, never stored. It then keeps
// the other parts in st.names, sequence by sequence (st.seqs).
func (st *state) markCommon() {
	// firsts[b&63] holds the byte lengths, below 64, of the forms looked
	// for whose first byte is b, lasts[b&63] of those whose last byte is
	// b: most lower-case words are their own key (see ownKey), and most
	// of those need no look-up. The forms looked for are those of this
	// record's generation in lowers.
	var firsts, lasts [64]uint64
	wanted := false
	for i := range st.parts {
		if p := &st.parts[i]; !p.src.people && !p.role && !p.w.lexical && !p.w.wanted {
			w := p.w
			w.wanted, wanted = true, true
			if e := w.low; e.gen != st.gen {
				e.gen, e.seen = st.gen, false
				if k := w.lower; len(k) > 0 && len(k) < 64 {
					firsts[k[0]&63] |= 1 << len(k)
					lasts[k[len(k)-1]&63] |= 1 << len(k)
				}
			}
		}
	}
	if wanted {
		var looked lookedUp
		for i, toks := range st.textToks {
			st.seeLowerWords(st.textVals[i], toks, &firsts, &lasts, &looked)
		}
	}
	// The sequences hold every part, in order.
	for id, r := range st.seqs {
		start := len(st.names)
		for i := r.start; i < r.end; i++ {
			p := &st.parts[i]
			if p.common = !p.src.people && (p.role || p.w.lexical || p.w.wanted && p.w.low.seen); p.common {
				continue
			}
			if !p.w.named {
				p.w.named = true
				st.named++
			}
			st.names = append(st.names, p)
		}
		st.seqs[id] = seqRange{start, len(st.names)}
	}
}

// lookedUp holds words in lower case already looked up in a record, by a
// hash of their first and last bytes and length: the words that pass
// markCommon's test of those are mostly the few function words that open
// sentences ("Et", "À", "Nos") and that the record writes dozens of times
// in lower case, which one look-up each marks.
type lookedUp [64]string

// slot is w's slot, w not empty.
func (l *lookedUp) slot(w string) *string {
	return &l[(uint32(w[0])|uint32(w[len(w)-1])<<8|uint32(len(w))<<16)*0x9E3779B1>>26]
}

// seeLowerWords marks the forms looked for (of this record's generation
// in st.lowers) that the words in lower case of the text s, of tokens
// toks, write: firsts and lasts are markCommon's, and looked the words it
// looked up last.
func (st *state) seeLowerWords(s string, toks []lang.Token, firsts, lasts *[64]uint64, looked *lookedUp) {
	for k := range toks {
		t := &toks[k]
		if t.Flags&lang.StartsLower == 0 {
			continue // white space, punctuation, capitalised words: most tokens
		}
		// Most words are their own key (see ownKeyOf) with no hyphen,
		// told by their flags, and most of those have no key of their
		// first or last byte and length: no look-up.
		if t.Flags&(lang.HasUpper|lang.NonLatin1|lang.Hyphenated) == 0 {
			if n := uint(t.End - t.Start); n >= 64 || firsts[s[t.Start]&63]&(1<<n) != 0 && lasts[s[t.End-1]&63]&(1<<n) != 0 {
				if w, last := s[t.Start:t.End], looked.slot(s[t.Start:t.End]); *last != w {
					st.see(st.lowers[w])
					*last = w
				}
			}
			continue
		}
		st.seeLowerWord(s[t.Start:t.End], t.Flags, firsts, lasts)
	}
}

// seeLowerWord is seeLowerWords for one word w in lower case, of flags f.
func (st *state) seeLowerWord(w string, f lang.TokenFlags, firsts, lasts *[64]uint64) {
	lowers, see := st.lowers, st.see
	if f&lang.Apostrophe != 0 {
		if i := len(w) - len("’"); i > 0 && w[i:] == "’" && plainBytes(w[:i]) && i+1 < 64 &&
			(firsts[w[0]&63]&(1<<(i+1)) == 0 || lasts['\''&63]&(1<<(i+1)) == 0) {
			return // an elision ("l’", "qu’"), keyed "l'": no key of its first or last byte and length
		}
	}
	own, hyphen := ownKeyOf(w, f)
	if !own {
		// Looked up without building the key.
		e, _ := lang.LookupFold(lowers, w)
		see(e)
		if f&lang.Hyphenated != 0 {
			markSegments(lowers, see, w)
		}
		return
	}
	if n := len(w); !hyphen && n < 64 && (firsts[w[0]&63]&(1<<n) == 0 || lasts[w[n-1]&63]&(1<<n) == 0) {
		return // no key of its first or last byte and length
	}
	see(lowers[w])
	if hyphen {
		markSegments(lowers, see, w)
	}
}

// see marks a form found in lower case, if looked for.
func (st *state) see(e *lowerEntry) {
	if e != nil && e.gen == st.gen {
		e.seen = true
	}
}

// ownKey reports whether lang.LowerFold(w) is w, for the words that show it
// byte by byte: ASCII but capitals, and the lower-case letters of
// Latin-1 (U+00DF to U+00FF but ÷) and œ, which folding, normalising and
// lower-casing leave alone. Most French and English words in lower case
// are such. It also reports whether w holds "-".
func ownKey(w string) (own, hyphen bool) {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if plainByte[c] {
			continue // most bytes: one look-up
		}
		switch {
		case c == '-':
			hyphen = true
		case c < utf8.RuneSelf: // a capital
			return false, false
		case c == 0xC3 && i+1 < len(w) && w[i+1] >= 0x9F && w[i+1] <= 0xBF && w[i+1] != 0xB7: // U+00DF to U+00FF but ÷
			i++
		case c == 0xC5 && i+1 < len(w) && w[i+1] == 0x93: // œ
			i++
		default:
			return false, false
		}
	}
	return true, hyphen
}

// ownKeyOf is ownKey for a word w with flags f, told by its flags but for
// the rare letters beyond Latin-1 (œ).
func ownKeyOf(w string, f lang.TokenFlags) (own, hyphen bool) {
	switch {
	case f&(lang.HasUpper|lang.NonLatin1) == 0:
		return true, f&lang.Hyphenated != 0
	case f&lang.HasUpper == 0:
		return ownKey(w)
	}
	return false, false
}

// plainByte marks the ASCII bytes but capitals and "-": ownKey passes
// them over.
var plainByte = func() (plain [256]bool) {
	for c := range 256 {
		plain[c] = c < utf8.RuneSelf && (c < 'A' || c > 'Z') && c != '-'
	}
	return plain
}()

// plainBytes reports whether every byte of w is a plainByte.
func plainBytes(w string) bool {
	for i := 0; i < len(w); i++ {
		if !plainByte[w[i]] {
			return false
		}
	}
	return true
}

// markSegments marks the hyphenated parts of w that are written in lower
// case: "atlantique" in "euro-atlantique", not "Araji" in "al-Araji".
func markSegments(lowers map[string]*lowerEntry, see func(*lowerEntry), w string) {
	for {
		end, next := len(w), len(w)
		for i, r := range w {
			if isHyphen(r) {
				end, next = i, i+utf8.RuneLen(r)
				break
			}
		}
		if r, _ := utf8.DecodeRuneInString(w[:end]); unicode.IsLower(r) {
			e, _ := lang.LookupFold(lowers, w[:end])
			see(e)
		}
		if end == len(w) {
			return
		}
		w = w[next:]
	}
}

// particles join the capitalised words of one name.
var particles = map[string]bool{
	"de": true, "du": true, "des": true, "d'": true, "von": true, "van": true, "der": true, "den": true,
	"del": true, "della": true, "di": true, "da": true, "dos": true, "das": true, "do": true, "ten": true,
	"ter": true, "bin": true, "ibn": true, "ben": true, "al": true, "el": true, "of": true, "for": true, "y": true,
}

// arabicArticle matches a lower-case article joined to a name: "al-Assad".
func arabicArticle(w string) bool {
	if w == "" || w[0] != 'a' && w[0] != 'e' && w[0] != 'b' && w[0] != 'i' {
		return false // no article below starts otherwise
	}
	if len(w) < 4 || w[2] != '-' && w[2] != 0xE2 && w[3] != '-' && w[3] != 0xE2 {
		return false // every article below has two or three letters: a hyphen at 2 or 3, and a letter after it
	}
	// The first hyphen of any form (- U+2010 U+2011), looked for only
	// where it matters (h <= 3).
	h := -1
	for i := 0; i < len(w) && i <= 3; i++ {
		if w[i] == '-' || strings.HasPrefix(w[i:], "\u2010") || strings.HasPrefix(w[i:], "\u2011") {
			h = i
			break
		}
	}
	if h <= 0 || h > 3 {
		return false
	}
	switch w[:h] {
	case "al", "el", "ad", "as", "ash", "at", "az", "ar", "an", "bin", "ben", "ibn", "abu", "abd":
		_, n := utf8.DecodeRuneInString(w[h:])
		r, _ := utf8.DecodeRuneInString(w[h+n:])
		return unicode.IsUpper(r)
	}
	return false
}

// tokensOf returns the tokens of a string node: the shared analysis's
// for a text, else its own. Each string other than a text (a speaker, a
// name of the people list) is read once: no need to keep its tokens.
func (st *state) tokensOf(n *rules.Node) []lang.Token {
	if toks, ok := st.tokens[n]; ok {
		return toks
	}
	return st.pack.Tokens(n.Str)
}

// extract finds the name sequences of a source and records their parts and
// adjacent pairs.
func (st *state) extract(src *source, toks []lang.Token) {
	s := src.node.Str
	// The roles are found in the same pass, word by word: a sequence is
	// flushed after its last word, so by then every role that can hold
	// one of its words is known. The sequence and the roles are kept in
	// st, not in variables: the loop below then carries few values from
	// word to word.
	st.cur, st.pending, st.roles = st.cur[:0], st.pending[:0], st.roles[:0]
	for k := 0; k < len(toks); k++ {
		if len(st.cur) == 0 {
			// Outside a sequence, only a word that can start a name
			// matters, and their flags tell most tokens are none: white
			// space, punctuation and words in lower case (but
			// "al-Assad") end no sequence then, and start no honorific,
			// since every honorific of the packs starts with an ASCII
			// capital (TestHonorificsStartWithCapital,
			// TestNoHonorificAtLowerCase).
			if k = nameFrom(s, toks, k); k == len(toks) {
				break
			}
		}
		t := &toks[k]
		if t.Kind != lang.Word {
			// White space separates names but at a paragraph break.
			if t.Kind != lang.Space || t.End-t.Start >= 2 && twoLines(t.Text(s)) {
				st.flush(src, s, toks)
			}
			continue
		}
		// In a sequence, most words are in lower case: their first byte
		// says they are no name (but "al-Assad") and no honorific.
		first := uint8(startOther)
		if t.End > t.Start {
			first = startOf[s[t.Start]]
		}
		if first == startNone || first == startLower || first == startArticle && !arabicArticle(t.Text(s)) {
			// No name, in a sequence (nameFrom): a particle or its end.
			if isParticle(t.Text(s)) {
				st.pending = append(st.pending, k)
			} else {
				st.flush(src, s, toks)
			}
			continue
		}
		name := first == startCapital || first == startArticle && arabicArticle(t.Text(s)) || first == startOther && t.Flags&lang.StartsUpper != 0
		if name {
			st.roles = st.roleAt(s, t, st.roles)
		}
		if first == startCapital || first == startOther {
			if end, _ := st.pack.Honorific(s, t.Start); end > 0 {
				st.flush(src, s, toks) // "M." is not part of the name; skip its tokens
				for k+1 < len(toks) && toks[k+1].Start < end {
					k++
					if u := &toks[k]; isNameWord(s, u) {
						st.roles = st.roleAt(s, u, st.roles)
					}
				}
				continue
			}
		}
		if name && t.Flags&lang.Hyphenated != 0 && st.placeName(s, toks, k) {
			// "lycée Victor-Hugo": the place's name, which French writes
			// with hyphens, not the person's misspelt.
			st.flush(src, s, toks)
			continue
		}
		switch {
		case name:
			if len(st.pending) > 0 { // "de" in "Charles de Gaulle"
				st.cur = append(st.cur, st.pending...)
				st.pending = st.pending[:0]
			}
			st.cur = append(st.cur, k)
		case len(st.cur) > 0 && isParticle(t.Text(s)):
			st.pending = append(st.pending, k)
		default:
			st.flush(src, s, toks)
		}
	}
	st.flush(src, s, toks)
}

// nameFrom is the index of the first word of toks at k or after that can
// start a name (isNameWord), or len(toks).
func nameFrom(s string, toks []lang.Token, k int) int {
	// Most tokens have neither flag: white space, punctuation, words in
	// lower case with no hyphen. A name word is one token in a dozen or
	// more: four at a time, most runs of four hold none.
	const mayName = lang.StartsUpper | lang.Hyphenated
	for k < len(toks) {
		for ; k+4 <= len(toks); k += 4 {
			if b := (*[4]lang.Token)(toks[k:]); (b[0].Flags|b[1].Flags|b[2].Flags|b[3].Flags)&mayName != 0 {
				break
			}
		}
		for end := min(k+4, len(toks)); k < end; k++ {
			if toks[k].Flags&mayName != 0 && isNameWord(s, &toks[k]) {
				return k
			}
		}
	}
	return len(toks)
}

// flush records the name sequence that extract holds, if any, and starts
// another.
func (st *state) flush(src *source, s string, toks []lang.Token) {
	if len(st.cur) > 0 {
		st.addSequence(src, s, toks, st.cur, st.roles)
	}
	st.cur, st.pending = st.cur[:0], st.pending[:0]
}

// placeName reports whether the word at toks[k] is hyphenated and follows
// a kind of place the pack names after people ("rue", "lycée", "stade"),
// directly or with its complements in lower case between ("l’aéroport
// international Blaise-Diagne", "le palais des sports Marcel-Cerdan",
// "le Centre international de conférences Abdou-Diouf"). After such
// words, the name must end there ("la gare accueille Jean-Luc Mélenchon"
// names a person) and follow no preposition or article ("la gare de
// Saint-Étienne" names a town).
func (st *state) placeName(s string, toks []lang.Token, k int) bool {
	if toks[k].Flags&lang.Hyphenated == 0 {
		return false
	}
	j := k - 1
	for j >= 0 && toks[j].Kind == lang.Space {
		j--
	}
	if j < 0 || j == k-1 || toks[j].Kind != lang.Word {
		return false
	}
	if st.pack.PlaceNoun(toks[j].Text(s)) {
		return true
	}
	if next := wordAfter(toks, k); next != nil && isNameWord(s, next) || placeOf[toks[j].Text(s)] {
		return false // "la gare de Saint-Étienne": the town, no dedication
	}
	words := 0
	for ; j >= 0; j-- {
		switch t := &toks[j]; {
		case t.Kind == lang.Space:
		case t.Kind != lang.Word:
			return false
		case st.pack.PlaceNoun(t.Text(s)):
			return true // after one lower-case word at least: toks[j] was none
		case words == maxPlaceComplement || t.Flags&lang.StartsLower == 0 || notComplement[t.Text(s)]:
			return false
		default:
			words++
		}
	}
	return false
}

// maxPlaceComplement is the number of lower-case words placeName looks
// back across: "international de conférences".
const maxPlaceComplement = 3

// notComplement are the lower-case words that end a phrase rather than
// qualify a place: "le stade où joue …", "la salle a accueilli …".
var notComplement = map[string]bool{
	"et": true, "ou": true, "à": true, "a": true, "où": true, "que": true, "qu’": true, "qu'": true, "qui": true,
	"par": true, "pour": true, "avec": true, "est": true, "sont": true, "ont": true, "dont": true, "mais": true,
	"selon": true, "chez": true, "sur": true, "sous": true, "dans": true, "en": true, "au": true, "aux": true,
	"comme": true, "ni": true, "son": true, "sa": true, "ses": true, "leur": true, "leurs": true, "ce": true,
	"cette": true, "été": true, "sera": true, "était": true, "fut": true, "vers": true, "contre": true,
}

// placeOf are the words that link a place to where it stands rather than
// to whom it honours: "la gare de Saint-Étienne", "l’hôpital de la
// Croix-Rousse".
var placeOf = map[string]bool{
	"de": true, "du": true, "des": true, "d’": true, "d'": true, "la": true, "le": true, "les": true, "l’": true, "l'": true,
}

// wordAfter is the word after token k, past white space only, or nil.
func wordAfter(toks []lang.Token, k int) *lang.Token {
	k++
	for k < len(toks) && toks[k].Kind == lang.Space {
		k++
	}
	if k < len(toks) && toks[k].Kind == lang.Word {
		return &toks[k]
	}
	return nil
}

// isParticle is particles[lang.LowerFold(w)], without building the key.
func isParticle(w string) bool {
	// Most words after a name start with an ASCII letter no particle
	// starts with, in either case; folding keeps an ASCII first letter
	// or, composing it with a mark, makes it no ASCII.
	if w != "" && !particleStart[w[0]] {
		return false
	}
	if w != "" && w[0] >= utf8.RuneSelf && !mayFoldToParticle(w) {
		return false // "à", "été", "était": folding leaves no ASCII first letter
	}
	// Every particle is ASCII of five bytes at most, and so is the key
	// of an ASCII word: only other words need folding.
	if len(w) <= 5 {
		k, ascii := lang.PackASCIILower(w)
		if !ascii {
			v, _ := lang.LookupFold(particles, w)
			return v
		}
		return particleKeys.has(k)
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			v, _ := lang.LookupFold(particles, w)
			return v
		}
	}
	return false
}

// mayFoldToParticle is false for a word w whose key lang.LowerFold(w)
// cannot start as a particle does: a word of valid UTF-8 whose runes are
// all below U+0300 has a key folded and lowered rune by rune (the
// normaliser leaves it alone), so its first letter is that of its first
// rune, in particleFold.
func mayFoldToParticle(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0xCC { // a rune from U+0300 on, or not UTF-8
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(w)
	return !utf8.ValidString(w) || particleFold[r]
}

// particleFold marks the runes below U+0300 that fold and lower to the
// first letter of a particle ("İ" lowers to "i" of "ibn"), by the
// definition of lang.LowerFold.
var particleFold = func() (t [0x300]bool) {
	for r := range rune(len(t)) {
		if k := lang.LowerFold(string(r)); k != "" && k[0] < utf8.RuneSelf && particleStart[k[0]] {
			t[r] = true
		}
	}
	return t
}()

// particleKeys are the particles packed by lang.PackASCIILower, in a
// table of their own: an ASCII word is looked up with a probe or two, no
// hashing of a string (TestIsParticleAsDefined checks it against the
// map).
var particleKeys = func() (t keyTable) {
	for p := range particles {
		k, _ := lang.PackASCIILower(p)
		t.add(k)
	}
	return t
}()

// keyTable is a set of a few dozen non-zero integer keys: open addressing
// in 64 slots, by the top bits of a multiplicative hash.
type keyTable [64]uint64

func keySlot(k uint64) uint64 { return k * 0x9E3779B97F4A7C15 >> 58 }

// add adds k, not zero, to a table that holds fewer than 64 keys.
func (t *keyTable) add(k uint64) {
	i := keySlot(k)
	for t[i] != 0 && t[i] != k {
		i = (i + 1) % uint64(len(t))
	}
	t[i] = k
}

// has reports whether k is in t.
func (t *keyTable) has(k uint64) bool {
	for i := keySlot(k); t[i] != 0; i = (i + 1) % uint64(len(t)) {
		if t[i] == k {
			return true
		}
	}
	return false
}

// particleStart marks the first bytes of the particles, in both cases,
// and every byte beyond ASCII.
var particleStart = func() (t [256]bool) {
	for p := range particles {
		t[p[0]] = true
		t[unicode.ToUpper(rune(p[0]))] = true
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	return t
}()

// twoLines reports whether white space holds two line breaks or more: a
// paragraph break.
func twoLines(sp string) bool {
	i := strings.IndexByte(sp, '\n')
	return i >= 0 && strings.IndexByte(sp[i+1:], '\n') >= 0
}

// isNameWord reports whether the word t of s starts with a capital or is
// an Arabic article joined to a name ("al-Assad"), which starts in lower
// case and holds a hyphen. False for other tokens, which have no flags.
func isNameWord(s string, t *lang.Token) bool {
	const article = lang.StartsLower | lang.Hyphenated
	return t.Flags&lang.StartsUpper != 0 || t.Flags&article == article && arabicArticle(t.Text(s))
}

// The classes of a word's first byte (startOf), by which extract
// decides most words without a call.
const (
	startNone    = iota // ASCII but letters: no name
	startLower          // ASCII lower-case letter but the ones below: no name
	startCapital        // ASCII capital: a name
	startArticle        // a, b, e, i: an Arabic article may start there ("al-Assad")
	startOther          // beyond ASCII: the token's flags tell
)

var startOf = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = startOther
		case 'A' <= c && c <= 'Z':
			t[c] = startCapital
		case c == 'a' || c == 'b' || c == 'e' || c == 'i':
			t[c] = startArticle
		case 'a' <= c && c <= 'z':
			t[c] = startLower
		}
	}
	return t
}()

// roleAt appends to roles the role starting at t, a capitalised word
// (only those can start a role that matters here) after the roles found
// so far, if any: the words of roles ("Secretary General", "Président"),
// capitalised or not, are not names.
func (st *state) roleAt(s string, t *lang.Token, roles []lang.Span) []lang.Span {
	if len(roles) > 0 && t.Start < roles[len(roles)-1].End {
		return roles
	}
	if _, sp, _, ok := st.pack.Role(s, t.Start); ok && sp.Start == t.Start {
		roles = append(roles, sp)
	}
	return roles
}

func inSpans(sp []lang.Span, i, j int) bool {
	for _, x := range sp {
		if i >= x.Start && j <= x.End {
			return true
		}
	}
	return false
}

// addSequence records the parts of one name sequence (token indices seq).
func (st *state) addSequence(src *source, s string, toks []lang.Token, seq []int, roles []lang.Span) {
	id := len(st.seqs)
	base := len(st.parts)
	prev := -1 // the index of the last capitalised part, for pairs
	prevTok := -1
	for n, k := range seq {
		t := toks[k]
		if !isNameWord(s, &t) {
			prev = -1 // a particle separates: "République de Corée" has no pair
			continue
		}
		end := t.End
		if t.Flags&lang.Apostrophe != 0 { // most words: no possessive
			end = possessiveEnd(s, t.Start, t.End)
		}
		weak := src.weak || (n == 0 && !src.people && src.sentences != nil && initial(s, toks, k, src.sentences))
		// A dateline ("BANJUL — President Adama Barrow…") is a run of
		// capitals too.
		shout := inCaps(s, &t) && (inCaps(s, wordNear(toks, k, -1)) || inCaps(s, wordNear(toks, k, 1)) ||
			onlySpace(s[:t.Start]))
		start := t.Start
		for start < end {
			segEnd := start
			if t.Flags&lang.Hyphenated == 0 {
				segEnd = end // most words: one segment
			}
			for segEnd < end {
				if c := s[segEnd]; c < utf8.RuneSelf && c != '-' {
					segEnd++ // most letters: no decoding
					continue
				}
				r, sz := utf8.DecodeRuneInString(s[segEnd:])
				if isHyphen(r) {
					break
				}
				segEnd += sz
			}
			if upperAt(s, &t, start) && segEnd > start {
				st.parts = append(st.parts, part{src: src, i: start, j: segEnd, seq: id, weak: weak, shout: shout, order: st.next(),
					w: st.wordOf(s[start:segEnd]), role: !src.people && inSpans(roles, start, segEnd)})
				if prev >= 0 {
					p, pp := &st.parts[len(st.parts)-1], &st.parts[prev]
					if hyphen := prevTok == k; hyphen || onlySpace(s[pp.j:start]) {
						st.addPair(pairKey{pp.w.key, p.w.key}, pair{src: src, i: pp.i, j: segEnd, hyphen: hyphen, order: p.order})
					}
				}
				prev, prevTok = len(st.parts)-1, k
			} else {
				prev = -1
			}
			start = segEnd
			if start < end { // skip the hyphen
				_, sz := utf8.DecodeRuneInString(s[start:])
				start += sz
			}
		}
		if end < t.End {
			prev = -1 // "Lindqvist's Office": no pair across a possessive
		}
	}
	st.seqs = append(st.seqs, seqRange{base, len(st.parts)})
}

// possessiveEnd is the end of the word s[start:end] without its
// possessive 's, if any.
func possessiveEnd(s string, start, end int) int {
	for _, poss := range [...]string{"'s", "’s"} {
		if end > start && s[end-1] != 's' {
			break
		}
		if strings.HasSuffix(s[start:end], poss) && end-len(poss) > start {
			end -= len(poss)
		}
	}
	return end
}

// onlySpace reports whether s is white space only: strings.TrimSpace(s)
// == "", which returns at the first other rune rather than trim s.
func onlySpace(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// wordNear is the word before (dir -1) or after (dir 1) token k, or nil.
func wordNear(toks []lang.Token, k, dir int) *lang.Token {
	for k += dir; k >= 0 && k < len(toks); k += dir {
		if toks[k].Kind == lang.Word {
			return &toks[k]
		}
	}
	return nil
}

// inCaps reports whether t, a word of s or nil, is written in capitals
// (allCaps). Most words hold a lower-case letter: their flags tell.
func inCaps(s string, t *lang.Token) bool {
	return t != nil && t.Flags&lang.HasLower == 0 && allCaps(t.Text(s))
}

// upperAt reports whether the rune at i in the word t of s is upper case.
func upperAt(s string, t *lang.Token, i int) bool {
	if i == t.Start {
		return t.Flags&lang.StartsUpper != 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsUpper(r)
}

// allCaps: two letters or more, none lower-case.
func allCaps(w string) bool {
	n := 0
	for i := 0; i < len(w); {
		if c := w[i]; c < utf8.RuneSelf { // most letters: no decoding
			if 'a' <= c && c <= 'z' {
				return false
			}
			if 'A' <= c && c <= 'Z' {
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
		i += size
	}
	return n >= 2
}

// strip is lang.StripDiacritics, and more: the letters with a stroke or
// without a dot, which Unicode does not decompose, lose it too
// ("Ødegaard" / "Odegaard", "Łódź" / "Lodz"), as news copy written
// without them spells those names.
func strip(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			var b strings.Builder
			_, stripped, _ := keysOf(&b, s)
			return stripped
		}
	}
	return s // ASCII: nothing to strip
}

// keysOf returns a folded spelling (see lang.Fold) in lower case, stripped
// (see strip) and both. It skips the work for ASCII words and goes letter
// by letter from a table for Latin ones: the Unicode transformer costs
// about a microsecond a word. The keys it makes are written to b, whose
// strings stay valid as it grows: one buffer for the keys of a record,
// not an allocation a key.
func keysOf(b *strings.Builder, key string) (lower, stripped, norm string) {
	start := b.Len()
	// The keys are made in arrays on the stack and written to b whole: a
	// byte or a rune at a time costs a call each.
	var lowArr, stripArr, normArr [64]byte
	low := lowArr[:0]
	i := 0
	for i < len(key) && key[i] < utf8.RuneSelf {
		i++
	}
	if i == len(key) {
		for i := 0; i < len(key); i++ {
			c := key[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			low = append(low, c)
		}
		b.Write(low)
		lower = b.String()[start:]
		return lower, key, lower
	}
	// key is valid UTF-8 (lang.Fold makes it so): strings.ToLower is
	// unicode.ToLower rune by rune.
	for _, r := range key {
		low = utf8.AppendRune(low, unicode.ToLower(r))
	}
	b.Write(low)
	n := b.Len()
	table := stripLatin()
	for _, r := range key[i:] {
		if r >= utf8.RuneSelf && (r < latinFirst || r >= latinEnd || table[r-latinFirst] == 0) {
			// Combining marks, other scripts, invalid UTF-8.
			stripped = strings.Map(stroke, lang.StripDiacritics(key))
			return b.String()[start:n], stripped, strings.ToLower(stripped)
		}
	}
	// The stripped key goes after lower, its lower-case form after that.
	str, strLow := stripArr[:0], normArr[:0]
	for _, r := range key {
		if r >= utf8.RuneSelf {
			r = table[r-latinFirst]
		}
		str = utf8.AppendRune(str, r)
		strLow = utf8.AppendRune(strLow, unicode.ToLower(r))
	}
	b.Write(str)
	m := b.Len()
	b.Write(strLow)
	all := b.String()
	return all[start:n], all[n:m], all[m:]
}

// stripLatin maps each letter of Latin-1 and Latin Extended-A and -B to
// what lang.StripDiacritics makes of it alone, or to 0 when that is not
// one letter. Precomposed letters compose with nothing once their marks
// are gone, so a word strips letter by letter as it does whole. Built on
// first use, not at start-up.
const latinFirst, latinEnd = 0xC0, 0x250

var stripLatin = sync.OnceValue(func() *[latinEnd - latinFirst]rune {
	var t [latinEnd - latinFirst]rune
	for r := rune(latinFirst); r < latinEnd; r++ {
		if s := []rune(lang.StripDiacritics(string(r))); len(s) == 1 {
			t[r-latinFirst] = stroke(s[0])
		}
	}
	return &t
})

// stroke maps a Latin letter with a stroke, or a dotless i, to its base.
func stroke(r rune) rune {
	switch r {
	case 'Ø':
		return 'O'
	case 'ø':
		return 'o'
	case 'Ł':
		return 'L'
	case 'ł':
		return 'l'
	case 'Đ':
		return 'D'
	case 'đ':
		return 'd'
	case 'Ħ':
		return 'H'
	case 'ħ':
		return 'h'
	case 'ı':
		return 'i'
	}
	return r
}

// newSource returns a copy of src from st.srcSlab: an article has dozens
// of texts.
func (st *state) newSource(src source) *source {
	p := st.srcSlab.new(16)
	*p = src
	return p
}

func (st *state) next() int { st.order++; return st.order }

// addPair adds an occurrence of a pair of words to its group.
func (st *state) addPair(key pairKey, p pair) {
	n := int32(len(st.pairList))
	p.next = -1
	st.pairList = append(st.pairList, p)
	gi := st.groupOf(key)
	if gi < 0 {
		gi = int32(len(st.pairGroups))
		st.pairGroups = append(st.pairGroups, pairGroup{key: key, first: n, last: n})
		switch {
		case len(st.pairGroups) == fewPairs+1:
			for i, g := range st.pairGroups {
				st.pairIndex[g.key] = int32(i)
			}
		case len(st.pairGroups) > fewPairs:
			st.pairIndex[key] = gi
		}
	} else {
		st.pairList[st.pairGroups[gi].last].next = n
		st.pairGroups[gi].last = n
	}
	g := &st.pairGroups[gi]
	g.hyphen = g.hyphen || p.hyphen
	g.space = g.space || !p.hyphen
	g.people = g.people || p.src.people
}

// fewPairs is the number of pair groups that groupOf compares in turn,
// where the map hashes two strings: most records have fewer. Beyond,
// st.pairIndex indexes them all.
const fewPairs = 16

// groupOf returns the index of the group of key in st.pairGroups, or -1.
func (st *state) groupOf(key pairKey) int32 {
	if len(st.pairGroups) <= fewPairs {
		for i := range st.pairGroups {
			if st.pairGroups[i].key == key {
				return int32(i)
			}
		}
		return -1
	}
	if gi, ok := st.pairIndex[key]; ok {
		return gi
	}
	return -1
}

// pairsOf lists the occurrences of a pair, in reading order.
func (st *state) pairsOf(g *pairGroup) []*pair {
	var ps []*pair
	for i := g.first; i >= 0; i = st.pairList[i].next {
		ps = append(ps, &st.pairList[i])
	}
	return ps
}

// slab hands out Ts from arrays that it keeps from record to record: one
// allocation for many small objects, sized to the records as they grow.
// The pointers stay valid until reset, as a full array is never grown.
type slab[T any] struct {
	arrays [][]T
	cur    int // the array that hands out
}

// new returns a zero T, from a new array of chunk Ts, or of twice as many
// as the last one, when the arrays are full.
func (s *slab[T]) new(chunk int) *T {
	for s.cur < len(s.arrays) && len(s.arrays[s.cur]) == cap(s.arrays[s.cur]) {
		s.cur++
	}
	if s.cur == len(s.arrays) {
		if s.cur > 0 {
			chunk = max(chunk, 2*cap(s.arrays[s.cur-1]))
		}
		s.arrays = append(s.arrays, make([]T, 0, chunk))
	}
	a := &s.arrays[s.cur]
	*a = (*a)[:len(*a)+1]
	return &(*a)[len(*a)-1]
}

// reset zeroes the Ts handed out, to hand them out again.
func (s *slab[T]) reset() {
	for i := range s.arrays[:min(s.cur+1, len(s.arrays))] {
		clear(s.arrays[i])
		s.arrays[i] = s.arrays[i][:0]
	}
	s.cur = 0
}

// wordOf returns the word of a spelling, one per record. The words
// outlive the record in the pooled state, which keeps their keys: names
// recur from article to article ("OTAN", "Afghanistan") and capitalised
// function words ("Les", "Cette") in every one, and folding, stripping
// and the count-noun look-up cost several times a look-up. Their other
// fields are the record's once gen says so. Keys once made are never
// changed (each pack has its words): the names of cross-record
// comparisons keep them.
func (st *state) wordOf(text string) *word {
	// A spelling that is its own key is looked up in recent first: one
	// comparison of strings where the map hashes them. A record writes
	// most of its names more than once, and the next record often the
	// same capitalised function words.
	slot := &st.words.recent[recentSlot(text)]
	w := *slot
	own := w != nil && w.key == text
	if !own {
		w = st.words.byText[text]
		if w == nil {
			var key string
			w = &word{}
			w.wordKeys, key = newWordKeys(st.pack, text)
			w.low = st.lowerEntry(w.lower)
			st.words.byText[key] = w
		}
		if own = w.key == text; own {
			*slot = w
		}
	}
	if w.gen != st.gen {
		w.wordOfRecord = wordOfRecord{gen: st.gen}
		if !own {
			st.refolded++
		}
	}
	return w
}

// recentSlots is the room of wordCache.recent: enough for the
// capitalised function words of every article and the names of the
// current one, which across varied records would otherwise evict each
// other.
const (
	recentBits  = 10
	recentSlots = 1 << recentBits
)

// recentSlot is the slot of a spelling, not empty, in wordCache.recent: a
// hash of its length and first, middle and last bytes.
func recentSlot(text string) uint {
	n := len(text)
	h := uint32(text[0]) | uint32(text[n/2])<<8 | uint32(text[n-1])<<16 | uint32(n)<<24
	return uint(h * 0x9E3779B1 >> (32 - recentBits))
}

// lowerEntry returns the entry of a lower-case form in st.lowers, made on
// its first sight.
func (st *state) lowerEntry(lower string) *lowerEntry {
	e := st.lowers[lower]
	if e == nil {
		e = &lowerEntry{}
		st.lowers[lower] = e
	}
	return e
}

// lowerEntry says whether a lower-case form is looked for in the record
// of generation gen, and seen in its texts.
type lowerEntry struct {
	gen  uint32
	seen bool
}

// wordKeys are the keys of a spelling as written, which depend on it and
// the language pack alone.
type wordKeys struct {
	key   string // lang.Fold
	lower string // lang.LowerFold: key in lower case
	strip string // key without diacritics
	norm  string // strip in lower case
	runes []rune // norm
	// runeSet has bit r%64 set for each rune r of norm: one edit adds
	// one bit and removes one at most, so oneEdit need not look at two
	// forms whose sets differ by more.
	runeSet uint64
	// lowerSet is runeSet for lower: the same for two spellings that
	// differ only by case.
	lowerSet uint64
	lexical  bool // a function word or count noun, common in any article
}

// newWordKeys computes the keys of a spelling, and returns them with a
// copy of it: they do not share the record's memory, since the pooled
// state keeps them.
func newWordKeys(pack *lang.Pack, text string) (wordKeys, string) {
	var b strings.Builder
	b.Grow(5*len(text) + 8) // text, and keys of at most its size each but for rare folds
	b.WriteString(text)
	own := b.String()
	k := wordKeys{key: own}
	if !folded(text) {
		k.key = lang.Fold(text)
	}
	k.lower, k.strip, k.norm = keysOf(&b, k.key)
	k.runes = []rune(k.norm)
	for _, r := range k.runes {
		k.runeSet |= 1 << (uint32(r) % 64)
	}
	for _, r := range k.lower {
		k.lowerSet |= 1 << (uint32(r) % 64)
	}
	k.lexical = commonWord(k.lower)
	if !k.lexical {
		_, k.lexical = pack.CountNoun(text)
	}
	return k, own
}

// folded reports whether lang.Fold(s) is s, for the words that show it
// rune by rune: valid UTF-8 below U+0300 (no combining mark, and NFC
// already) but the no-break space and the modifier apostrophe, which Fold
// maps. Nearly every Latin-script name is such, and needs no normaliser.
func folded(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || r >= 0x300 || r == '\u00a0' || r == '\u02bc' {
			return false
		}
		i += n
	}
	return true
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// commonWord reports the function words that head titles and sentences;
// most are caught as lower-case words of the article already. A switch,
// not a map: no hashing for the one look-up of each spelling.
func commonWord(lower string) bool {
	switch lower {
	case "le", "la", "les", "un", "une", "des", "ce", "cette",
		"ces", "il", "elle", "ils", "elles", "nous", "vous", "on",
		"the", "a", "an", "this", "that", "these", "those", "it",
		"he", "she", "they", "we", "i", "you", "our", "their":
		return true
	}
	return false
}

// openers are punctuation after which a capital starts a sentence or a
// quotation rather than marks a name.
const openers = "«“\"‘'([{—–-:;…/•*"

// initial reports whether token k starts a sentence or a quotation.
func initial(s string, toks []lang.Token, k int, sentences []lang.Span) bool {
	j := k - 1
	for j >= 0 && toks[j].Kind == lang.Space {
		j--
	}
	if j < 0 {
		return true
	}
	if toks[j].Kind == lang.Punct && strings.Contains(openers, toks[j].Text(s)) {
		return true
	}
	// A sentence starts at the word, or after the token before it ("«
	// Nous": the sentence starts at the guillemet).
	after, at := toks[j].Start, toks[k].Start
	for _, sp := range sentences {
		if sp.Start > at {
			break // the sentences come in order: none after starts before the word
		}
		if sp.Start > after {
			return true
		}
	}
	return false
}

// pairFindings reports adjacent words joined by a hyphen in one place and by
// a space in another.
func (st *state) pairFindings() []finding {
	// Most records write each pair one way: only the pairs written both
	// ways are sorted and looked at.
	var mixed []*pairGroup
	for i := range st.pairGroups {
		if g := &st.pairGroups[i]; g.mixed() {
			mixed = append(mixed, g)
		}
	}
	sortPairGroups(mixed)
	var out []finding
	for _, g := range mixed {
		ps := st.pairsOf(g)
		var hy, sp []*pair
		for _, p := range ps {
			if p.hyphen {
				hy = append(hy, p)
			} else {
				sp = append(sp, p)
			}
		}
		canon, other := bestPairs(hy, sp)
		if canon == nil {
			continue
		}
		ref := canon[0]
		refText := ref.src.node.Str[ref.i:ref.j]
		for _, p := range other {
			text := p.src.node.Str[p.i:p.j]
			out = append(out, finding{
				src: p.src, i: p.i, j: p.j, order: p.order,
				msg: fmt.Sprintf(`"%s" differs from "%s"%s only by a hyphen`, text, refText, where(ref.src, ref.order, p.order, false)),
				ref: ref.src, ri: ref.i, rj: ref.j, refMsg: refMessage(ref.src.people, refText),
				replace: refText,
			})
		}
	}
	return out
}

// sortedPairGroups are the groups of st.pairGroups in a fixed order: the
// order of the strings a+"\x00"+b of their keys.
func (st *state) sortedPairGroups() []*pairGroup {
	gs := make([]*pairGroup, len(st.pairGroups))
	for i := range st.pairGroups {
		gs[i] = &st.pairGroups[i]
	}
	sortPairGroups(gs)
	return gs
}

func sortPairGroups(gs []*pairGroup) {
	slices.SortFunc(gs, func(x, y *pairGroup) int {
		if c := strings.Compare(x.key.a, y.key.a); c != 0 {
			return c
		}
		return strings.Compare(x.key.b, y.key.b)
	})
}

// bestPairs picks the reference spelling of a pair: the people list's, else
// the more frequent, else the first. Nil when both are in the people list.
func bestPairs(a, b []*pair) (canon, other []*pair) {
	pa, pb := anyPeople(a), anyPeople(b)
	switch {
	case pa && pb:
		return nil, nil
	case pa:
		return a, b
	case pb:
		return b, a
	case len(a) != len(b):
		if len(a) > len(b) {
			return a, b
		}
		return b, a
	case a[0].order < b[0].order:
		return a, b
	}
	return b, a
}

func anyPeople(ps []*pair) bool {
	for _, p := range ps {
		if p.src.people {
			return true
		}
	}
	return false
}

func where(ref *source, refOrder, order int, spelled bool) string {
	switch {
	case ref.people:
		return " in the people list"
	case !spelled:
		return ""
	case refOrder < order:
		return " earlier in this article"
	}
	return " later in this article"
}

func refMessage(people bool, text string) string {
	if people {
		return fmt.Sprintf(`"%s" in the people list`, text)
	}
	return fmt.Sprintf(`"%s" is first written here`, text)
}

// partFindings reports words spelled with other diacritics, case or one
// letter off.
func (st *state) partFindings() []finding {
	list := st.buildForms()
	near := st.nearForms(list)
	var out []finding
	for i, x := range list {
		if x.people || !near[i] {
			continue // the people list is the reference, never a variant
		}
		best, bestKind := st.bestRef(i, list)
		if best == x {
			continue
		}
		x.variant = true
		out = variantFindings(out, x, best, bestKind)
	}
	return out
}

// buildForms gathers the parts that are no common words by spelling, in
// st.forms, and returns them.
func (st *state) buildForms() []*form {
	// The forms and their occurrences come from two arrays, kept from
	// record to record: no allocation per spelling.
	// At most st.named forms: formBuf does not grow once sized, so the
	// pointers into it stay valid.
	// Two spellings as written share a form when they fold alike, which
	// needs a map only if some spelling is not its own key.
	var forms map[string]*form
	if st.refolded > 0 {
		forms = st.formIndex
	}
	formBuf := slices.Grow(st.formBuf[:0], st.named)
	list := slices.Grow(st.forms[:0], st.named)
	occs := 0
	for i := range st.parts {
		p := &st.parts[i]
		if p.common {
			continue
		}
		occs++
		w := p.w
		if w.form != nil {
			w.form.count++
			continue
		}
		var f *form
		if forms != nil {
			f = forms[w.key]
		}
		if f == nil {
			formBuf = formBuf[:len(formBuf)+1] // zero (see release): filled in place
			f = &formBuf[len(formBuf)-1]
			f.word, f.text = w, p.text()
			if forms != nil {
				forms[w.key] = f
			}
			list = append(list, f)
		}
		w.form = f
		f.count++
	}
	occBuf := slices.Grow(st.occBuf[:0], occs)
	for _, f := range list {
		n := len(occBuf)
		occBuf = occBuf[:n+f.count]
		f.occs = occBuf[n : n : n+f.count]
	}
	st.formBuf, st.occBuf = formBuf, occBuf
	for i := range st.parts {
		p := &st.parts[i]
		if p.common {
			continue
		}
		f := p.w.form
		f.occs = append(f.occs, p)
		switch {
		case p.src.people:
			f.people = true
		case p.shout:
		case p.weak:
			f.plain = true
		default:
			f.plain, f.strong = true, true
		}
	}
	st.forms = list
	return list
}

// formSets are the sets of a spelling (see wordKeys), its index in
// st.forms and its number of runes, side by side for nearForms.
type formSets struct {
	runeSet, lowerSet uint64
	i, n              int32
}

// mayClassify reports whether two spellings of sets a and b pass
// classify's first two tests.
func (a *formSets) mayClassify(b *formSets) bool {
	d := a.n - b.n
	return d <= 1 && d >= -1 && (a.lowerSet == b.lowerSet || bits.OnesCount64(a.runeSet^b.runeSet) <= 2)
}

// nearForms reports which spellings of list pass classify's first two
// tests with another one, which most pairs fail: numbers of runes one
// apart at most, then sets of letters (see wordKeys.runeSet). Both tests
// are symmetric: each pair is tested once, the spellings taken by number
// of runes. The arrays are st's, kept from record to record.
func (st *state) nearForms(list []*form) []bool {
	// byLen lists the spellings of list by number of runes (a counting
	// sort): those of n runes are byLen[bounds[n]:bounds[n+1]].
	maxN := 0
	for _, f := range list {
		maxN = max(maxN, len(f.runes))
	}
	bounds := append(st.bounds[:0], make([]int, maxN+2)...)
	for _, f := range list {
		bounds[len(f.runes)+1]++
	}
	for n := 1; n < len(bounds); n++ {
		bounds[n] += bounds[n-1]
	}
	sets := st.sets[:0]
	byLen := append(st.byLen[:0], make([]formSets, len(list))...)
	for i, f := range list {
		n := len(f.runes)
		sets = append(sets, formSets{f.runeSet, f.lowerSet, int32(i), int32(n)})
		byLen[bounds[n]] = sets[i]
		bounds[n]++
	}
	// bounds[n] is now the end of the spellings of n runes.
	near := append(st.near[:0], make([]bool, len(list))...)
	for a := range byLen {
		x := byLen[a]
		ys := byLen[a+1 : bounds[min(x.n+1, int32(maxN))]]
		for j := range ys {
			if y := &ys[j]; x.lowerSet == y.lowerSet || bits.OnesCount64(x.runeSet^y.runeSet) <= 2 {
				near[x.i], near[y.i] = true, true
			}
		}
	}
	st.bounds, st.byLen, st.sets, st.near = bounds, byLen, sets, near
	return near
}

// bestRef returns the reference spelling of x, list[xi], among list, and
// how x differs from it; x itself, kindNone when there is none. It needs
// nearForms' st.sets of list.
func (st *state) bestRef(xi int, list []*form) (best *form, bestKind kind) {
	x, xs := list[xi], &st.sets[xi]
	best, bestKind = x, kindNone
	for i, y := range list {
		if !xs.mayClassify(&st.sets[i]) {
			continue // most spellings, told without reading them
		}
		if y == x || !y.people && !y.plain {
			continue // no reference: in titles, at sentence starts or in runs of capitals only
		}
		kind := classify(x, y)
		if kind == kindNone || !st.related(x, y, kind) {
			continue
		}
		if better(y, best, kind == kindCase && tailCase(x, y)) {
			best, bestKind = y, kind
		}
	}
	return best, bestKind
}

// variantFindings appends to out the findings on the occurrences of x, a
// variant of best.
func variantFindings(out []finding, x, best *form, bestKind kind) []finding {
	ref := best.occs[0]
	for _, p := range x.occs {
		if (bestKind == kindCase || bestKind == kindOther) && (p.shout || p.weak && !(bestKind == kindCase && tailCase(x, best))) {
			continue // "OTAN" in a title-case heading, "Otan" opening a sentence
		}
		var msg string
		switch bestKind {
		case kindDiacritics:
			msg = fmt.Sprintf(`"%s" differs from "%s"%s only by diacritics`, p.text(), ref.text(), where(ref.src, ref.order, p.order, false))
		case kindCase:
			msg = fmt.Sprintf(`"%s" differs from "%s"%s only by case`, p.text(), ref.text(), where(ref.src, ref.order, p.order, false))
		default:
			msg = fmt.Sprintf(`"%s" is spelled "%s"%s`, p.text(), ref.text(), where(ref.src, ref.order, p.order, true))
		}
		out = append(out, finding{
			src: p.src, i: p.i, j: p.j, order: p.order, msg: msg,
			ref: ref.src, ri: ref.i, rj: ref.j, refMsg: refMessage(ref.src.people, ref.text()),
			replace: ref.text(),
		})
	}
	return out
}

// better orders reference spellings: people list, then a strong
// occurrence, then frequency, then the first. Where case after the first
// letter is all they differ by (tail), a sentence start or a title says
// as much as any place: frequency comes first.
func better(a, b *form, tail bool) bool {
	if a.people != b.people {
		return a.people
	}
	if tail && a.count != b.count {
		return a.count > b.count
	}
	if a.strong != b.strong {
		return a.strong
	}
	if a.count != b.count {
		return a.count > b.count
	}
	return a.occs[0].order < b.occs[0].order
}

type kind int

const (
	kindNone kind = iota
	kindDiacritics
	kindCase
	kindEdit     // one inner letter, possibly with case or diacritics too
	kindEdgeEdit // one letter at the start or the end of the word
	kindOther    // case and diacritics
)

// classify says how two spellings differ.
func classify(a, b *form) kind {
	// Most pairs differ in length: one integer comparison rules them out,
	// since every kind below needs norms of equal or near length.
	if d := len(a.runes) - len(b.runes); d > 1 || d < -1 {
		return kindNone
	}
	// Every kind needs equal lower-case forms, or norms one edit apart
	// at most: most other pairs differ in their sets of letters.
	if a.lowerSet != b.lowerSet && bits.OnesCount64(a.runeSet^b.runeSet) > 2 {
		return kindNone
	}
	switch {
	case a.key == b.key:
		return kindNone
	case a.lower == b.lower:
		return kindCase
	case a.strip == b.strip:
		return kindDiacritics
	case a.norm == b.norm:
		return kindOther
	}
	switch ok, inner := oneEdit(a.runes, b.runes); {
	case inner:
		return kindEdit
	case ok:
		return kindEdgeEdit
	}
	return kindNone
}

// related checks what classify cannot: that x and y are plausibly one
// entity.
func (st *state) related(x, y *form, k kind) bool {
	return related(st.pack, x, y, k, st.fillNames)
}

// related is the check for two spellings of one record or, with fill nil
// and the names filled in, of two records.
func related(pack *lang.Pack, x, y *form, k kind, fill func(*form)) bool {
	if x.people && y.people {
		return false
	}
	// "Nato" / "NATO": capitals after the first letter say how a name is
	// written, even opening a sentence or in a title.
	tail := k == kindCase && x.plain && (y.plain || y.people) && tailCase(x, y)
	if !tail && (!(y.strong || y.people) || (k == kindCase || k == kindOther) && !x.strong) {
		return false // title case, sentence starts
	}
	if (k == kindCase || k == kindOther) && acronymApart(x, y) {
		return false // "SUD-Rail", the union, and "l’axe Sud-Est"
	}
	if k == kindDiacritics && !x.strong && !x.people && accentsAdded(x, y) {
		return false // "Côté camerounais" opening a sentence, "la Côte d’Ivoire": another word
	}
	cx, cy := x.countryOf(pack), y.countryOf(pack)
	if cx != "" && cy != "" && cx != cy {
		return false // Gambia / Zambia
	}
	if (k == kindEdit || k == kindEdgeEdit) && (!longEnough(x, y, k) || place(pack, x) && place(pack, y)) {
		return false // short words; two countries or nationalities (Iraniens / Irakiens)
	}
	if fill != nil {
		fill(x)
		fill(y)
	}
	if k == kindEdgeEdit && (plural(x.runes, y.runes) || adjectiveEnding(x.runes, y.runes)) {
		// "Liberal Democrats" / "the Liberal Democrat leader": a party and
		// its member; "South America" / "South American": a place and its
		// adjective.
		return false
	}
	if k == kindEdgeEdit && !sameEntity(x, y) && !surnameAlone(pack, x, y) {
		return false // "Vershbov" only when "Alexander Vershbov" meets "Alexander Vershbow"
	}
	return !distinct(x, y) || sameFullName(x, y)
}

// acronymApart reports an acronym in capitals and a capitalised word, of
// which one occurs only as a part of hyphenated names ("SUD-Rail",
// "SUD-Santé") and the other in none of those ("l’axe Sud-Est", "le Sud"):
// each is a part of another name. As whole words ("OTAN" / "Otan") or
// within one name ("SUD-Rail" / "Sud-Rail") they are compared.
func acronymApart(x, y *form) bool {
	if allCaps(x.key) == allCaps(y.key) {
		return false
	}
	fillCompounds(x)
	fillCompounds(y)
	if x.alone && y.alone {
		return false
	}
	for _, a := range x.compounds {
		for _, b := range y.compounds {
			if a == b {
				return false
			}
		}
	}
	return true
}

// fillCompounds sets the hyphenated names holding a form of this record
// (cross-record forms carry them).
func fillCompounds(f *form) {
	if f.compSet {
		return
	}
	f.compSet = true
	for _, o := range f.occs {
		c := compoundOf(o)
		if c == "" {
			f.alone = true
			continue
		}
		seen := false
		for _, d := range f.compounds {
			seen = seen || d == c
		}
		if !seen {
			f.compounds = append(f.compounds, c)
		}
	}
}

// compoundOf is the hyphenated word holding p, normalised, when it has
// another capitalised part ("SUD-Rail", "Sud-Est", not "Nato-led" nor
// "anti-OTAN"), else "".
func compoundOf(p *part) string {
	s := p.src.node.Str
	inWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || isHyphen(r) }
	i, j := p.i, p.j
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !inWord(r) {
			break
		}
		i -= n
	}
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !inWord(r) {
			break
		}
		j += n
	}
	w := s[i:j]
	caps, seg := 0, true // seg: at a part's first letter
	for _, r := range w {
		switch {
		case isHyphen(r):
			seg = true
		case seg:
			seg = false
			if unicode.IsUpper(r) {
				caps++
			}
		}
	}
	if caps < 2 {
		return ""
	}
	return strings.ToLower(strip(lang.Fold(w)))
}

// sameFullName: a full name of x and one of y agree word for word but for
// the variant ("Kirsty Fergusson" / "Kirsty Ferguson"): one person,
// whoever else in the article shares the surname (her father "Douglas
// Ferguson").
func sameFullName(x, y *form) bool {
	return anyNames(x, y, func(lx, ly []string) bool {
		return len(lx) >= 2 && len(ly) >= 2 && (sublist(lx, ly) || sublist(ly, lx))
	})
}

// tailCase reports whether x and y, which differ only by case, differ
// after the first letter: "Nato" / "NATO", which a capital opening a
// sentence or a title does not explain, unlike "De Gaulle" / "de Gaulle".
// Two letters are left alone ("Us" / "US", "Ai Weiwei" / "AI").
func tailCase(x, y *form) bool {
	_, nx := utf8.DecodeRuneInString(x.key)
	_, ny := utf8.DecodeRuneInString(y.key)
	return x.key[nx:] != y.key[ny:] && letters(x.key) >= 3
}

// longEnough: a letter off counts in words of six letters or more, and in
// a five-letter one when the letter is a doubled one ("Faury" / "Faurry",
// "de Gaule" / "de Gaulle"), the commonest slip; at the end of the word,
// only for a surname alone ("Justine Triet" … "Triett": see related).
func longEnough(x, y *form, k kind) bool {
	lx, ly := letters(x.key), letters(y.key)
	if lx >= 6 && ly >= 6 {
		return true
	}
	return min(lx, ly) == 5 && max(lx, ly) == 6 && doubled(x.runes, y.runes)
}

// doubled reports whether the longer of a and b is the other with one
// letter doubled.
func doubled(a, b []rune) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b) != len(a)+1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i > 0 && b[i] == b[i-1] && string(a[i:]) == string(b[i+1:])
}

// surnameAlone reports the last letter of a surname changed where the
// surname stands alone, after the full name ("Volodymyr Zelenskyy" …
// "Zelensky", "Ronald Koeman" … "Koemann"): x occurs in no multi-word
// name, y ends one, and the change does not make an inflected or derived
// form, which is more often another word or another person ("Martin" /
// "Martine", "Robert" / "Roberts", "Ivanov" / "Ivanova", "Giulio" /
// "Giulia", "North America" / "American", "West Bengal" / "Bengali",
// "Saudi Arabia" / "Arabic"), unless it doubles a letter ("Koemann"), nor
// a place.
func surnameAlone(pack *lang.Pack, x, y *form) bool {
	if len(x.names) > 0 || place(pack, x) || place(pack, y) || !endsName(y) {
		return false
	}
	a, b := x.runes, y.runes
	if len(a) > len(b) {
		a, b = b, a
	}
	p := 0
	for p < len(a) && a[p] == b[p] {
		p++
	}
	switch {
	case len(a) == len(b) && p == len(a)-1: // last letter replaced, consonants only
		return !strings.ContainsRune("aeiou", a[p]) && !strings.ContainsRune("aeiou", b[p])
	case len(a) == len(b) && p == len(a)-2: // last two swapped
		return a[p] == b[p+1] && a[p+1] == b[p]
	case len(b) == len(a)+1 && p == len(a) && p > 0: // a letter added at the end
		return !strings.ContainsRune("aeins", b[p]) || b[p] == b[p-1]
	}
	return false
}

// plural reports whether the longer of a and b is the other with an s
// added at the end, not a doubled one: a plural ("Liberal Democrats",
// "House Republicans", "les Verts") beside the singular its members take
// ("the Liberal Democrat leader", "a House Republican", "un élu Vert").
// It is an ending, not a typo, in a full name as for a surname alone.
func plural(a, b []rune) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := len(a)
	return n > 0 && len(b) == n+1 && b[n] == 's' && a[n-1] != 's' && string(a) == string(b[:n])
}

// adjectiveEnding reports whether the longer of a and b is the other with
// an n added after its final a: the adjective or demonym of a place
// ("South America" / "the South American countries", "Saudi Arabia" /
// "Saudi Arabian", "West Virginia" / "West Virginian"). It is an ending,
// not a typo, even where the rest of a full name agrees.
func adjectiveEnding(a, b []rune) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := len(a)
	return n > 0 && len(b) == n+1 && a[n-1] == 'a' && b[n] == 'n' && slices.Equal(a, b[:n])
}

// accentsAdded reports whether x, which differs from y only by
// diacritics, carries accents that y lacks, after a first letter they
// share, and none of y's: "Côté" / "Côte", "Marché" / "Marche". Where
// x only opens sentences or stands in titles, its capital says nothing:
// it is more often another word than the name, which a slip strips of its
// accents rather than adds any to. An accent on the capital ("États" /
// "Etats") is a house style, still compared.
func accentsAdded(x, y *form) bool {
	a, b := x.lower, y.lower
	for i := 0; a != "" && b != ""; i++ {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb && (i == 0 || rb >= utf8.RuneSelf || strip(a[:na]) != b[:nb]) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b == ""
}

// endsName reports whether y is the last word of one of its multi-word
// names: a surname.
func endsName(y *form) bool {
	for _, ns := range y.names {
		if ns.words[len(ns.words)-1] == y.norm {
			return true
		}
	}
	return false
}

// demonymEnds are endings of nationality words; demonymStems are what a
// country name adds to the stem ("Irak|iens" → "Irak", "Island|ais" →
// "Islande", "Austr|ian" → "Austria").
var (
	demonymEnds = []string{"iennes", "ienne", "iens", "ien", "aises", "aise", "ais", "oises", "oise", "ois", "ains", "aine",
		"ain", "ites", "ite", "ins", "ine", "in", "ens", "enne", "en", "ans", "ane", "an", "ques", "que", "ians", "ian",
		"ese", "ish", "is", "i", "es", "s"}
	demonymStems = []string{"", "e", "ie", "a", "ia", "an", "on", "que", "o", "y"}
)

// countryOf is the ISO code of the form's first occurrence when that word
// by itself, not the start of a longer name, is a country name.
func (f *form) countryOf(pack *lang.Pack) string {
	if !f.countrySet {
		f.countrySet = true
		p := f.occs[0]
		if code, name, _, ok := pack.Country(p.src.node.Str, p.i); ok && name.Start == p.i && name.End == p.j {
			f.country = code
		}
	}
	return f.country
}

// place reports whether a spelling is a country name or a nationality
// derived from one; computed on demand, as only one-letter variants need it.
func place(pack *lang.Pack, f *form) bool {
	if f.placed == 0 {
		f.placed = 2
		if f.countryOf(pack) != "" || demonym(pack, f.text) {
			f.placed = 1
		}
	}
	return f.placed == 1
}

func demonym(pack *lang.Pack, w string) bool {
	lw := strings.ToLower(w)
	for _, end := range demonymEnds {
		if !strings.HasSuffix(lw, end) || len(lw) == len(end) {
			continue
		}
		stem := w[:len(w)-len(end)]
		for _, add := range demonymStems {
			for _, c := range []string{stem + add, strip(stem + add)} {
				if _, name, _, ok := pack.Country(c, 0); ok && name.Start == 0 && name.End == len(c) {
					return true
				}
			}
		}
	}
	return false
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return 0 // digits, apostrophes: codes and compounds, not typos
		}
		n++
	}
	return n
}

// distinct reports evidence that x and y name different entities: each
// occurs in a multi-word name and the other words disagree ("Boris
// Johnson" / "Robert Johnston").
func distinct(x, y *form) bool {
	return anyNames(x, y, func(lx, ly []string) bool { return !sublist(lx, ly) && !sublist(ly, lx) })
}

// sameEntity reports evidence that x and y name one entity: multi-word
// names that agree but for them ("Alexander Vershbow" / "Alexander
// Vershbov").
func sameEntity(x, y *form) bool {
	return anyNames(x, y, func(lx, ly []string) bool { return sublist(lx, ly) || sublist(ly, lx) })
}

// anyNames reports whether test holds for some pair of multi-word names
// holding x and y (never the same name twice), compared as lists of words
// with y replaced by x.
func anyNames(x, y *form, test func(lx, ly []string) bool) bool {
	for _, nx := range x.names {
		for _, ny := range y.names {
			if nx.seq == ny.seq && nx.seq >= 0 {
				continue
			}
			ly := make([]string, len(ny.words))
			for i, w := range ny.words {
				if w == y.norm {
					w = x.norm
				}
				ly[i] = w
			}
			if test(nx.words, ly) {
				return true
			}
		}
	}
	return false
}

// fillNames sets the multi-word names of a form of this record, one per
// occurrence in such a name outside titles and headings.
func (st *state) fillNames(f *form) {
	if f.namesSet {
		return
	}
	f.namesSet = true
	for _, o := range f.occs {
		r := st.seqs[o.seq]
		seq := st.names[r.start:r.end]
		if len(seq) < 2 || o.src.weak {
			continue // title case runs words together: "Kubernetes With GitHub Actions" is no name
		}
		words := make([]string, len(seq))
		for i, p := range seq {
			words[i] = p.w.norm
		}
		f.names = append(f.names, nameSeq{seq: o.seq, words: words})
	}
}

// sublist reports whether a occurs contiguously in b.
func sublist(a, b []string) bool {
	for i := 0; i+len(a) <= len(b); i++ {
		ok := true
		for k := range a {
			if a[k] != b[i+k] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// oneEdit reports whether a and b differ by one insertion, deletion,
// substitution or transposition, and whether that edit is inner: it touches
// neither the first two letters nor the last. Edits at the edges more often
// make another word (Allies/Allied, Hansen/Jansen, Islandais/Irlandais,
// Géorgie/Géorgien) than a typo.
func oneEdit(a, b []rune) (ok, inner bool) {
	if len(a) > len(b) {
		a, b = b, a
	}
	switch len(b) - len(a) {
	case 0:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		if i == len(a) {
			return false, false
		}
		j := len(a) - 1
		for j > i && a[j] == b[j] {
			j--
		}
		if i != j && (j != i+1 || a[i] != b[j] || a[j] != b[i]) {
			return false, false
		}
		return true, i >= 2 && j < len(a)-1
	case 1: // b has one more letter, at index i
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		for k := i; k < len(a); k++ {
			if a[k] != b[k+1] {
				return false, false
			}
		}
		// With doubled letters the insertion may sit at several indexes;
		// it is inner when the run it extends is inner.
		lo := i
		for lo > 0 && b[lo-1] == b[i] {
			lo--
		}
		hi := i
		for hi+1 < len(b) && b[hi+1] == b[i] {
			hi++
		}
		return true, lo > 1 && hi < len(b)-1
	}
	return false, false
}
