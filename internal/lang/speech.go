package lang

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// speechData mirrors the "speech" object of the data files. French verb
// phrases are generated: auxiliary + participle ("a déclaré"), inverted
// auxiliary ("a-t-il déclaré", "ont-elles dit") and inverted present
// ("déclare-t-il", "dit-elle").
type speechData struct {
	Auxiliaries    []string `json:"auxiliaries"`    // a, ont / has, had
	Participles    []string `json:"participles"`    // déclaré / said
	Present        []string `json:"present"`        // forms safe on their own: déclare / says
	InvertedOnly   []string `json:"invertedOnly"`   // forms too ambiguous alone: précise, estime
	InvertPronouns []string `json:"invertPronouns"` // singular pronouns for inversion; plural ones end in "s"
	Phrases        []string `json:"phrases"`        // verbs used as they are: said, told, pointed out
	According      []string `json:"according"`      // selon, d'après / according to
}

const (
	speechVerb      = 0
	speechAccording = 1
)

func (p *Pack) buildSpeech() {
	d := p.d.Speech
	ps := newPhraseSet(caseAll, true)
	p.speechLeads = map[string]bool{}
	// The thousand-odd phrases are made of a few dozen parts: fold each
	// part once (as phraseSet.add would fold the whole phrase), so that
	// building the pack, paid by every one-file run, stays cheap.
	fold := func(parts []string) []string {
		out := make([]string, len(parts))
		for i, w := range parts {
			out[i] = strings.ToLower(Fold(strings.TrimSpace(w)))
		}
		return out
	}
	add := func(phrase string, val int) {
		ps.addFolded(phrase, val)
		p.speechLead.addFolded(phrase)
		if k := strings.IndexByte(phrase, ' '); k > 0 {
			p.speechLeads[phrase[:k]] = true
		}
	}
	d.Auxiliaries, d.Participles, d.Present = fold(d.Auxiliaries), fold(d.Participles), fold(d.Present)
	d.InvertedOnly, d.InvertPronouns = fold(d.InvertedOnly), fold(d.InvertPronouns)
	d.Phrases, d.According = fold(d.Phrases), fold(d.According)
	// About a trie node per byte of the auxiliary phrases: allocate once.
	ps.nodes = slices.Grow(ps.nodes, len(d.Auxiliaries)*len(d.Participles)*(len(d.InvertPronouns)/2+1)*8)
	var sing, plur []string
	for _, pr := range d.InvertPronouns {
		if strings.HasSuffix(pr, "s") {
			plur = append(plur, pr)
		} else {
			sing = append(sing, pr)
		}
	}
	// invert joins a verb and a pronoun with the euphonic -t- after a vowel.
	invert := func(v, pron string) string {
		if strings.HasSuffix(v, "e") || strings.HasSuffix(v, "a") {
			return v + "-t-" + pron
		}
		return v + "-" + pron
	}
	for _, aux := range d.Auxiliaries {
		prons := sing
		if strings.HasSuffix(aux, "nt") {
			prons = plur
		}
		for _, part := range d.Participles {
			add(aux+" "+part, speechVerb)
			for _, pr := range prons {
				add(invert(aux, pr)+" "+part, speechVerb)
			}
		}
	}
	for _, v := range d.Present {
		add(v, speechVerb)
	}
	for _, v := range append(append([]string(nil), d.Present...), d.InvertedOnly...) {
		if len(sing) == 0 {
			break
		}
		prons := sing
		if strings.HasSuffix(v, "nt") {
			prons = plur
		}
		for _, pr := range prons {
			add(invert(v, pr), speechVerb)
		}
	}
	for _, v := range d.Phrases {
		add(v, speechVerb)
	}
	for _, v := range d.According {
		add(v, speechAccording)
	}
	ps.sort()
	p.speech = ps
}

// SpeechLead reports whether some speech phrase of more than one word
// starts with word ("a" of "a déclaré", "has" of "has said"), compared as
// SpeechVerb compares. Rules use it to skip probing phrases that cannot
// match.
func (p *Pack) SpeechLead(word string) bool {
	v, _ := LookupFold(p.speechLeads, word)
	return v
}

// SpeechVerb matches a speech-reporting phrase starting at byte i: kind
// "verb" for reporting verbs ("a déclaré", "a-t-il ajouté", "said") and
// "according" for source-first phrases ("selon", "d’après", "according
// to"). Case-insensitive; the phrase must end at a word boundary.
func (p *Pack) SpeechVerb(s string, i int) (end int, kind string, ok bool) {
	if !atWordStart(s, i) || !p.speechLead.may(s, i) {
		return 0, "", false
	}
	v, e, ok := p.speech.match(s, i)
	if !ok {
		return 0, "", false
	}
	if v == speechAccording {
		return e, "according", true
	}
	return e, "verb", true
}

// Honorific matches a title before a name at byte i ("M.", "Mme", "Mr.",
// "Dr", "Sir") and returns its end. Case-sensitive ("me" is not "Me"), and
// it must be followed by white space and a letter; titles that double as
// ordinary words (Me, Sir, Lord…) need a capitalised word after them.
func (p *Pack) Honorific(s string, i int) (end int, ok bool) {
	if i >= 0 && i < len(s) && p.honorUpper && s[i] < utf8.RuneSelf && (s[i] < 'A' || s[i] > 'Z') {
		// An ASCII start that is no capital, even composed with a
		// following mark, cannot be a capital, and honorifics are
		// matched case-sensitively.
		return 0, false
	}
	if !atWordStart(s, i) || !p.honorLead.may(s, i) {
		return 0, false
	}
	_, e, ok := p.honorifics.match(s, i)
	if !ok {
		return 0, false
	}
	if r, _ := runeAt(s, e); r == '.' {
		return 0, false // "Mme." where only "Mme" is listed: leave it
	}
	j := e
	for j < len(s) {
		r, n := runeAt(s, j)
		if !isHSpace(r) {
			break
		}
		j += n
	}
	next, _ := runeAt(s, j)
	if j == e || !unicode.IsLetter(next) {
		return 0, false
	}
	if p.honorNeedCap[Fold(s[i:e])] && !unicode.IsUpper(next) {
		return 0, false
	}
	return e, true
}

// Role matches a function that can name a speaker ("secrétaire général
// délégué", "porte-parole", "prime minister") at byte i, after an optional
// article ("le", "la", "l’", "the"). It returns the normalised role (the
// data key, masculine singular in French), the span of the role words and
// the end of the match. The longest listed role wins.
func (p *Pack) Role(s string, i int) (role string, span Span, end int, ok bool) {
	if !atWordStart(s, i) || !p.roleLead.may(s, i) {
		return "", Span{}, 0, false
	}
	j := p.afterRoleArticle(s, i)
	var v, e int
	ok = false
	if p.roleOnlyLead.may(s, j) {
		v, e, ok = p.roles.match(s, j)
	}
	if !ok && j != i && p.roleOnlyLead.may(s, i) {
		v, e, ok = p.roles.match(s, i)
		j = i
	}
	if !ok {
		return "", Span{}, 0, false
	}
	return p.roleNames[v], Span{j, e}, e, true
}

// afterRoleArticle is where the words after a role article at i start
// ("le ", "the ", "l’" with no space), or i when none is there.
func (p *Pack) afterRoleArticle(s string, i int) int {
	_, ae, ok := p.roleArticles.match(s, i)
	if !ok {
		return i
	}
	k := ae
	for k < len(s) {
		r, n := runeAt(s, k)
		if !unicode.IsSpace(r) {
			break
		}
		k += n
	}
	if k > ae || isApostrophe(lastRune(s[:ae])) {
		return k
	}
	return i
}

// NonExhaustive matches a word or phrase that marks a list as partial
// ("notamment", "parmi lesquels", "such as", "including") at byte i.
func (p *Pack) NonExhaustive(s string, i int) (end int, ok bool) {
	if !atWordStart(s, i) || !p.nonExhaustiveLead.may(s, i) {
		return 0, false
	}
	_, e, ok := p.nonExhaustive.match(s, i)
	return e, ok
}

// Rank matches a military or police rank written before a name, with its
// article ("l’amiral", "le général de corps d’armée", "the rear
// admiral") at byte i, and returns where the rank ends: "le chef
// d’état-major de la marine, l’amiral Nicolas Vaujour" names the chief.
func (p *Pack) Rank(s string, i int) (end int, ok bool) {
	if !atWordStart(s, i) {
		return 0, false
	}
	j := p.afterRoleArticle(s, i)
	if _, e, ok := p.ranks.match(s, j); ok {
		return e, true
	}
	return 0, false
}
