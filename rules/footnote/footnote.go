// Package footnote defines the footnote-integrity and footnote-order rules:
// footnote markers in the prose and the record's footnotes must agree.
package footnote

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/artlint/artlint/internal/lang"
	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/rules/textan"
)

// Rule reports markers without a definition, definitions no marker
// refers to, and ids defined twice.
var Rule = &rules.Rule{
	ID:    "footnote-integrity",
	Title: "Footnote markers and footnote definitions match",
	Doc: "Every footnote marker in the text — a run of superscript digits right after a word or punctuation " +
		"(`Macédoine¹`, `fin.¹⁰`) or a `[^id]` marker — must have a footnote with that id in `footnotes`, " +
		"every footnote must be referenced by at least one marker, and no id may be defined twice. " +
		"A dangling marker sends the reader to nothing; an orphan footnote is text nobody will read, " +
		"often left behind when a paragraph was cut.\n\n" +
		"Markers inside footnote texts count as references to other footnotes (a footnote referring to " +
		"itself does not make it referenced). Superscripts that are exponents are not markers: after a unit " +
		"symbol (`km²`, `m³`, `kg/m³`, `m⁻¹`), a one-letter variable (`x²`, `a² + b²`, `T⁴`; but `annexe B¹` is a " +
		"note), a formula (`E=mc²`, `E = mc²`), a chemical formula mistyped with a superscript (`CO²`, `H²O`), `10` " +
		"(`10⁶`), a one-digit number other than with ¹ (`2³`, `2¹⁰`; but `l’article 5¹` is a note) or any number " +
		"next to an operator (`12² = 144`), a term of a formula (`ax² + bx`, `(1 + z)³`, `H₀²`; but `(signé en 1949)¹` and `CO₂¹` are notes), " +
		"astronomy and gas units (`Mpc³`, `deg²`, `Nm³`). A superscript run followed by a letter or digit is part of a word (`H²O`), " +
		"and one followed by a superscript sign is an ion's charge (`Ca²⁺`, `SO₄²⁻`). " +
		"Superscript letters (`1ᵉʳ`, `2ᵉ`, `Mᵐᵉ`) are ordinals and abbreviations, never markers. " +
		"A superscript after a space (a footnote text starting with its own number) is not a marker. " +
		"A footnote whose id is a symbol (`*`, `†`) counts as referenced when the symbol appears in the text.",
	Bad:      "body:\n  - \"… de l’ex‑République yougoslave de Macédoine².\"\nfootnotes:\n  - id: \"1\"\n    text: \"La Turquie reconnaît la République de Macédoine sous son nom constitutionnel.\"",
	Good:     "body:\n  - \"… de l’ex‑République yougoslave de Macédoine¹.\"\nfootnotes:\n  - id: \"1\"\n    text: \"La Turquie reconnaît la République de Macédoine sous son nom constitutionnel.\"",
	Level:    rules.LevelError,
	Tags:     []string{"editorial"},
	Since:    "0.1.0",
	Requires: []*rules.Rule{notesAnalysis},
	Run:      runIntegrity,
}

// Order reports numeric footnotes whose first references are out of order.
var Order = &rules.Rule{
	ID:    "footnote-order",
	Title: "Numbered footnotes are first referenced in increasing order",
	Doc: "When every footnote id is a number, readers expect the markers to appear as 1, 2, 3… in reading " +
		"order of the article (title, summary, body). The rule reports once, at the first marker whose footnote " +
		"is referenced before a lower-numbered one — usually a sign that paragraphs were moved or a note " +
		"was inserted without renumbering.\n\n" +
		"Gaps (1, 3) are not reported, references repeated later are ignored, and markers inside footnote texts " +
		"do not take part (conventions for notes referring to notes vary). Records with any non-numeric id " +
		"(`[^source]`) are left alone.",
	Bad:      "body:\n  - \"Le sommet de Chicago² a réuni les Alliés et leurs partenaires¹.\"",
	Good:     "body:\n  - \"Le sommet de Chicago¹ a réuni les Alliés et leurs partenaires².\"",
	Level:    rules.LevelWarning,
	Tags:     []string{"editorial"},
	Since:    "0.1.0",
	Requires: []*rules.Rule{notesAnalysis},
	Run:      runOrder,
}

// notes is what both rules read: the record's markers and definitions.
type notes struct {
	markers []marker
	defs    []definition
}

// notesAnalysis scans the texts once for both rules, which run together by
// default; the scan is most of their cost.
var notesAnalysis = &rules.Rule{
	ID:         "footnote-markers",
	Analysis:   true,
	Requires:   []*rules.Rule{textan.Language},
	ResultType: reflect.TypeFor[*notes](),
	Run: func(pass *rules.Pass) (any, error) {
		return &notes{markers: scan(pass.Record.Texts(), textan.Pack(pass)), defs: definitions(pass.Record)}, nil
	},
}

// notesOf returns the notesAnalysis result.
func notesOf(pass *rules.Pass) *notes {
	if n, ok := pass.ResultOf[notesAnalysis].(*notes); ok {
		return n
	}
	return &notes{}
}

// marker is one footnote reference in a text.
type marker struct {
	text rules.Text
	i, j int    // decoded byte range in text.Value()
	id   string // "10" for ¹⁰, "note" for [^note]
	form string // as written
}

func (m marker) span() rules.Span { return m.text.Span(m.i, m.j) }

// definition is one footnotes[] entry with a usable id.
type definition struct {
	id      string
	node    *rules.Node // the id value
	hasText bool
}

func runIntegrity(pass *rules.Pass) (any, error) {
	n := notesOf(pass)
	markers, defs := n.markers, n.defs

	first := map[string]definition{}
	for _, d := range defs {
		if f, dup := first[d.id]; dup {
			pass.Report(rules.Diagnostic{
				Span:    d.node.Span,
				Pointer: d.node.Pointer,
				Message: fmt.Sprintf("footnote id %q is defined twice", d.id),
				Related: []rules.Related{{Span: f.node.Span, Pointer: f.node.Pointer, Message: "first defined here"}},
			})
			continue
		}
		first[d.id] = d
	}

	referenced := map[string]bool{}
	for _, m := range markers {
		if _, ok := first[m.id]; !ok {
			pass.Report(rules.Diagnostic{
				Span:    m.span(),
				Pointer: m.text.Pointer(),
				Message: fmt.Sprintf("footnote marker %s has no definition in footnotes", m.form),
			})
			continue
		}
		if m.text.Kind == rules.KindFootnote && m.text.FootnoteID == m.id {
			continue // a note pointing at itself is not a reference to it
		}
		referenced[m.id] = true
	}

	for _, d := range defs {
		if first[d.id].node != d.node || referenced[d.id] || !d.hasText || symbolReferenced(pass.Record.Texts(), d.id) {
			continue // a note without text is the schema's to report
		}
		pass.Report(rules.Diagnostic{
			Span:    d.node.Span,
			Pointer: d.node.Pointer,
			Message: fmt.Sprintf("footnote %q is never referenced in the text", d.id),
		})
	}
	return nil, nil
}

func runOrder(pass *rules.Pass) (any, error) {
	n := notesOf(pass)
	defs := n.defs
	defined := map[string]bool{}
	for _, d := range defs {
		if _, err := strconv.Atoi(d.id); err != nil || !allDigits(d.id) {
			return nil, nil
		}
		defined[d.id] = true
	}
	var seq []int                // numeric ids in order of first reference
	firstRef := map[int]marker{} // id → its first marker
	for _, m := range n.markers {
		if m.text.Kind == rules.KindFootnote || !defined[m.id] {
			continue
		}
		n, err := strconv.Atoi(m.id)
		if err != nil {
			return nil, nil
		}
		if _, seen := firstRef[n]; !seen {
			firstRef[n] = m
			seq = append(seq, n)
		}
	}
	sorted := append([]int(nil), seq...)
	sort.Ints(sorted)
	for k := range seq {
		if seq[k] == sorted[k] {
			continue
		}
		early, late := firstRef[seq[k]], firstRef[sorted[k]]
		pass.Report(rules.Diagnostic{
			Span:    early.span(),
			Pointer: early.text.Pointer(),
			Message: fmt.Sprintf("footnote %s is referenced before footnote %s", early.form, late.form),
			Related: []rules.Related{{Span: late.span(), Pointer: late.text.Pointer(), Message: fmt.Sprintf("footnote %s is first referenced here", late.form)}},
		})
		break
	}
	return nil, nil
}

// symbolReferenced reports whether a footnote whose id is a symbol ("*",
// "†") is referenced: such markers have no syntax of their own, so any use
// of the symbol outside the note itself counts.
func symbolReferenced(texts []rules.Text, id string) bool {
	if strings.IndexFunc(id, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
		return false
	}
	for _, t := range texts {
		if !(t.Kind == rules.KindFootnote && t.FootnoteID == id) && strings.Contains(t.Value(), id) {
			return true
		}
	}
	return false
}

// definitions lists footnotes[] entries whose id is a non-empty string, in
// file order. Superscript ids ("¹") are read as their digits.
func definitions(rec *rules.Record) []definition {
	notes := rec.Root.Get("footnotes")
	if notes == nil || notes.Kind != rules.Array {
		return nil
	}
	var out []definition
	for _, fn := range notes.Items {
		id := fn.Get("id")
		if id == nil || (id.Kind != rules.String && id.Kind != rules.Number) {
			continue // the schema reports it
		}
		v := strings.TrimSpace(id.Str)
		if d, ok := superDigits(v); ok {
			v = d
		}
		if v == "" {
			continue
		}
		text := fn.Get("text")
		out = append(out, definition{id: v, node: id, hasText: text != nil && text.Kind == rules.String})
	}
	return out
}

// scan finds the footnote markers of every text in reading order.
func scan(texts []rules.Text, pack *lang.Pack) []marker {
	var out []marker
	for _, t := range texts {
		s := t.Value()
		find := lang.NewByteFinder(s, markerBytes)
		for i := 0; i < len(s); {
			if i = nextMarkerStart(&find, s, i); i < 0 {
				break
			}
			if s[i] == '[' {
				if j, ok := bracketMarker(s, i); ok {
					out = append(out, marker{text: t, i: i, j: j, id: s[i+2 : j-1], form: s[i:j]})
					i = j
					continue
				}
				i++
				continue
			}
			j := i
			var buf [8]byte // ids of up to 8 digits stay on the stack
			id := buf[:0]
			for j < len(s) {
				d, n := superDigitAt(s, j)
				if d < 0 {
					break
				}
				id = append(id, byte('0'+d))
				j += n
			}
			if isMarkerPosition(s, i, j) && !isExponent(pack, s, i, j) {
				out = append(out, marker{text: t, i: i, j: j, id: string(id), form: s[i:j]})
			}
			i = j
		}
	}
	return out
}

// chemicalFormula reports that s ends with a formula written with
// subscripts: a capital, then letters and subscript digits, two letters
// at least ("CO₂", "CH₄", "NO₂"; not the variable "H₀").
func chemicalFormula(s string) bool {
	letters := 0
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		switch {
		case r >= '₀' && r <= '₉':
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) && letters >= 2 {
				if p, _ := utf8.DecodeLastRuneInString(s[:len(s)-n]); !unicode.IsLetter(p) && !(p >= '₀' && p <= '₉') {
					return true
				}
			}
		default:
			return false
		}
		s = s[:len(s)-n]
	}
	return false
}

// nextMarkerStart returns the index of the first '[' or superscript digit
// at or after from in s, or -1. Bytes, not runes: find, a finder of
// markerBytes in s, skips the bulk of the text between them many bytes at
// a time. As find's, calls must not go back.
func nextMarkerStart(find *lang.ByteFinder, s string, from int) int {
	for i := from; ; {
		if i = find.Next(i); i < 0 {
			return -1
		}
		switch {
		case s[i] == '[':
			return i
		case i > from && isSuperDigitAt(s, i-1):
			// The digit's lead byte, before i: no marker byte, so no
			// marker starts between it and i.
			return i - 1
		}
		i++ // ù, ó, ò…
	}
}

// markerBytes find the markers: '[', and the second byte of a
// superscript digit (C2 B9, C2 B2, C2 B3 for ¹²³; E2 81 B0–B9 for ⁰⁴–⁹),
// the byte right after the one a marker starts with. Their lead bytes,
// 0xC2 and 0xE2, also lead every no-break space, guillemet and ’ of
// French text; these second bytes are seldom in a letter (ù, ó, ò, Á).
var markerBytes = []byte{'[', 0x81, 0xB2, 0xB3, 0xB9}

// bracketMarker reads "[^id]" at i; the id has no spaces or brackets. A
// Markdown definition line ("[^1]: …") is not a reference.
func bracketMarker(s string, i int) (end int, ok bool) {
	j := i + 2
	for j < len(s) && j-i <= 66 {
		r, n := utf8.DecodeRuneInString(s[j:])
		switch {
		case r == ']':
			if j == i+2 || (j+1 < len(s) && s[j+1] == ':' && (i == 0 || s[i-1] == '\n')) {
				return 0, false
			}
			return j + 1, true
		case r == '[' || r == '^' || unicode.IsSpace(r) || r == utf8.RuneError:
			return 0, false
		}
		j += n
	}
	return 0, false
}

// isMarkerPosition: a marker sits right after a word or punctuation, not
// after a space or at the start of a text (a note's own leading number),
// and is not followed by a letter or digit, which makes it part of a word
// or formula ("H²O"), nor by a fraction slash ("1³⁄₄").
func isMarkerPosition(s string, i, j int) bool {
	if i == 0 {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(s[:i]); unicode.IsSpace(r) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[j:])
	// A superscript sign after the digits makes them an ion's charge
	// ("Mg²⁺", "SO₄²⁻"), never a note.
	return !unicode.IsLetter(next) && !unicode.IsDigit(next) && next != '⁄' && next != '/' && next != '⁺' && next != '⁻'
}

// units are symbols that take exponents. The language packs have their own
// lists; this one makes the rule work in any language and adds the mass
// units the packs lack (kg·m²).
var units = map[string]bool{
	"m": true, "km": true, "cm": true, "mm": true, "dm": true, "µm": true, "μm": true, "nm": true,
	"hm": true, "dam": true, "s": true, "h": true, "g": true, "kg": true, "mg": true,
	"ft": true, "in": true, "mi": true, "yd": true, "pi": true, "mc": true,
	"Mm": true,                                                     // millions of m³ in water reports ("120 Mm³")
	"Nm": true,                                                     // normal cubic metres of gas ("300 Nm³")
	"pc": true, "kpc": true, "Mpc": true, "Gpc": true, "deg": true, // astronomy: "50 Mpc³", "14 000 deg²"
}

// formulas are chemical formulas whose subscript is often mistyped as a
// superscript ("CO²" for CO₂): a typo, not a footnote.
var formulas = map[string]bool{"CO": true, "SO": true, "NO": true, "CH": true, "NH": true, "O": true, "H": true}

// isOperator reports the signs that make a superscript an exponent when
// they stand next to it ("2³ = 8", "3² + 4²").
func isOperator(r rune) bool { return strings.ContainsRune("=+*/·×−^", r) }

// isExponent reports whether the superscript run s[i:j] is an exponent.
func isExponent(pack *lang.Pack, s string, i, j int) bool {
	if pack != nil && pack.IsUnitExponent(s, i) {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	switch {
	case before == '⁻': // m⁻¹
		return true
	case before >= '₀' && before <= '₉': // a variable with a subscript: "H₀²"
		// But after a chemical formula, two letters or more ("CO₂¹",
		// "CH₄²"), it is a note: formulas take charges (SO₄²⁻), not powers.
		next, _ := utf8.DecodeRuneInString(s[j:])
		return !chemicalFormula(s[:i]) || next == '⁺' || next == '⁻'

	case before == ')' && inFormula(s[:i]): // "(1 + z)³"
		return true
	}
	k := i
	for k > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:k])
		if !unicode.IsLetter(r) {
			break
		}
		k -= n
	}
	if k == i { // no letters: a power of a number, or "en 2012¹", a note
		d := k
		for d > 0 && s[d-1] >= '0' && s[d-1] <= '9' {
			d--
		}
		if d == k {
			return false
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:d])
		if unicode.IsLetter(prev) || unicode.IsDigit(prev) {
			return false
		}
		// "10⁶" and a one-digit base ("2³", "2¹⁰") are powers; so is any
		// number next to an operator ("12² = 144"). A note after a number
		// follows a longer one (a year, an amount) or is ¹, which is no
		// power anyone writes ("l’article 5¹").
		base := s[d:k]
		return base == "10" || (len(base) == 1 && base >= "2" && s[i:j] != "¹") ||
			isOperator(nextNonSpace(s, j)) || isOperator(prevNonSpace(s, d))
	}
	prev, pn := utf8.DecodeLastRuneInString(s[:k])
	if prev == '-' || prev == '\u2010' || prev == '\u2011' {
		if p2, _ := utf8.DecodeLastRuneInString(s[:k-pn]); unicode.IsLetter(p2) {
			return false // tail of a compound: "Saint-Martin²"
		}
	}
	if isOperator(prev) || isOperator(nextNonSpace(s, j)) {
		return true // inside a formula: "E=mc²", "kg/m³", "ax² + bx + c"
	}
	w := s[k:i]
	if units[w] || formulas[w] {
		return true
	}
	// A lone letter is a variable: "x²", "a² + b²", "T⁴", "R²"; a capital
	// with ¹, which no one writes as a power, may be a note ("annexe B¹").
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && (unicode.IsLower(r) || s[i:j] != "¹")
}

// inFormula reports whether the parenthesis that s ends with closes a
// formula: its content has an operator ("(1 + z)", "(a − b)"), which a
// parenthesis before a note ("(2012)¹", "(voir l'annexe)²") has not.
func inFormula(s string) bool {
	open := strings.LastIndexByte(s, '(')
	if open < 0 {
		return false
	}
	inner := s[open+1 : len(s)-1]
	return strings.ContainsAny(inner, "=+*·×−^") || strings.Contains(inner, " - ") || strings.Contains(inner, " / ")
}

// nextNonSpace is the first rune from j on that is not a space, or 0.
func nextNonSpace(s string, j int) rune {
	for _, r := range s[j:] {
		if !unicode.IsSpace(r) {
			return r
		}
	}
	return 0
}

// prevNonSpace is the last rune before i that is not a space, or 0.
func prevNonSpace(s string, i int) rune {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsSpace(r) {
			return r
		}
		i -= n
	}
	return 0
}

// superDigit is the value of a superscript digit, or -1.
func superDigit(r rune) int {
	switch r {
	case '⁰':
		return 0
	case '¹':
		return 1
	case '²':
		return 2
	case '³':
		return 3
	}
	if r >= '⁴' && r <= '⁹' {
		return int(r-'⁴') + 4
	}
	return -1
}

// superDigitAt is superDigit of the rune at s[i], and its length, read
// from the bytes: ¹²³ are C2 B9, C2 B2, C2 B3 and ⁰⁴–⁹ E2 81 B0, E2 81 B4–B9.
// The scan asks at every ’ and no-break space, which decoding made dear.
func superDigitAt(s string, i int) (d, n int) {
	switch {
	case i+1 < len(s) && s[i] == 0xC2:
		switch s[i+1] {
		case 0xB9:
			return 1, 2
		case 0xB2:
			return 2, 2
		case 0xB3:
			return 3, 2
		}
	case i+2 < len(s) && s[i] == 0xE2 && s[i+1] == 0x81:
		if c := s[i+2]; c == 0xB0 || c >= 0xB4 && c <= 0xB9 {
			return int(c - 0xB0), 3
		}
	}
	return -1, 0
}

// isSuperDigitAt reports whether a superscript digit begins at i.
func isSuperDigitAt(s string, i int) bool {
	d, _ := superDigitAt(s, i)
	return d >= 0
}

// superDigits converts a string of superscript digits to ASCII digits.
func superDigits(s string) (string, bool) {
	var b strings.Builder
	for _, r := range s {
		d := superDigit(r)
		if d < 0 {
			return "", false
		}
		b.WriteByte(byte('0' + d))
	}
	return b.String(), s != ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
