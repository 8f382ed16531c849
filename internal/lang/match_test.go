package lang

import (
	"strings"
	"testing"
)

type countryHit struct {
	code, name string
	start      int
}

// scanCountries calls Country at every word start, as a rule would.
func scanCountries(p *Pack, s string) []countryHit {
	var out []countryHit
	for i := 0; i < len(s); i++ {
		if code, name, end, ok := p.Country(s, i); ok {
			if name.End != end || name.Start < i || end > len(s) {
				panic("inconsistent span")
			}
			out = append(out, countryHit{code, s[name.Start:name.End], name.Start})
			i = end - 1
		}
	}
	return out
}

func TestCountrySeedFR(t *testing.T) {
	p := mustPack(t, "fr")
	list := seedFR[at(t, seedFR, "Participaient", 0):at(t, seedFR, "Ils ont", 0)]
	want := []struct{ code, name string }{
		{"AU", "Australie"}, {"AT", "Autriche"}, {"FI", "Finlande"}, {"GE", "Géorgie"}, {"JP", "Japon"},
		{"JO", "Jordanie"}, {"KR", "République de Corée"}, {"MA", "Maroc"}, {"NZ", "Nouvelle\u2011Zélande"},
		{"QA", "Qatar"}, {"SE", "Suède"}, {"CH", "Suisse"}, {"AE", "Émirats arabes unis"},
	}
	got := scanCountries(p, list)
	if len(got) != len(want) {
		t.Fatalf("got %d countries %v, want 13", len(got), got)
	}
	for k, w := range want {
		if got[k].code != w.code || got[k].name != w.name || got[k].start != at(t, list, w.name, 0) {
			t.Errorf("country %d = %+v, want %+v", k, got[k], w)
		}
	}
	second := seedFR[at(t, seedFR, "Ils ont", 0):at(t, seedFR, "Cette réunion", 0)]
	got = scanCountries(p, second)
	wantCodes := "BA GE ME MK"
	var codes []string
	for _, h := range got {
		codes = append(codes, h.code)
	}
	if strings.Join(codes, " ") != wantCodes || got[3].name != "ex\u2011République yougoslave de Macédoine" {
		t.Errorf("second list = %+v", got)
	}
	// Nothing else in the seed is a country (OTAN, Alliance, names…).
	if all := scanCountries(p, seedFR); len(all) != 17 {
		t.Errorf("seed has %d country hits, want 17: %+v", len(all), all)
	}
}

func TestCountry(t *testing.T) {
	fr, en := mustPack(t, "fr"), mustPack(t, "en")
	for _, tc := range []struct {
		p          *Pack
		in         string
		code, name string // name "" means no match at 0
	}{
		{fr, "de la République de Corée,", "KR", "République de Corée"},
		{fr, "des Émirats arabes unis.", "AE", "Émirats arabes unis"},
		{fr, "des Emirats arabes unis", "AE", "Emirats arabes unis"},
		{fr, "des E\u0301mirats arabes unis", "AE", "E\u0301mirats arabes unis"},
		{fr, "de l’ex‑République yougoslave de Macédoine¹", "MK", "ex‑République yougoslave de Macédoine"},
		{fr, "de l'ex-République yougoslave de Macédoine", "MK", "ex-République yougoslave de Macédoine"},
		{fr, "Géorgie", "GE", "Géorgie"},
		{fr, "la Jordanie", "JO", "Jordanie"},
		{fr, "Jordanien", "", ""},
		{fr, "en Guinée-Bissau", "GW", "Guinée-Bissau"},
		{fr, "en Guinée équatoriale", "GQ", "Guinée équatoriale"},
		{fr, "la Guinée, ", "GN", "Guinée"},
		{fr, "aux États\u2011Unis", "US", "États\u2011Unis"},
		{fr, "du Royaume-Uni", "GB", "Royaume-Uni"},
		{fr, "la Macédoine du Nord", "MK", "Macédoine du Nord"},
		{fr, "en Bosnie-Herzégovine", "BA", "Bosnie-Herzégovine"},
		{fr, "De la\u00a0Suède", "SE", "Suède"},
		{fr, "France-Allemagne", "", ""},
		{fr, "la chine", "", ""},
		{fr, "l’OTAN", "", ""},
		{en, "the Republic of Korea", "KR", "Republic of Korea"},
		{en, "The United States", "US", "United States"},
		{en, "the U.S. and", "US", "U.S."},
		{en, "the UK", "GB", "UK"},
		{en, "Britain's", "GB", "Britain"},
		{en, "South Korea", "KR", "South Korea"},
		{en, "the former Yugoslav Republic of Macedonia", "MK", "former Yugoslav Republic of Macedonia"},
		{en, "North Macedonia", "MK", "North Macedonia"},
		{en, "the UAE", "AE", "UAE"},
		{en, "Czechia", "CZ", "Czechia"},
		{en, "the Czech Republic", "CZ", "Czech Republic"},
		{en, "Bosnia and Herzegovina", "BA", "Bosnia and Herzegovina"},
		{en, "Trinidad and Tobago", "TT", "Trinidad and Tobago"},
		{en, "Chinese", "", ""},
		{en, "turkey", "", ""},
		{en, "us", "", ""},
		{en, "Guinea-Bissau", "GW", "Guinea-Bissau"},
	} {
		code, name, end, ok := tc.p.Country(tc.in, 0)
		if tc.name == "" {
			if ok {
				t.Errorf("%s Country(%q) = %s %q, want no match", tc.p.Tag, tc.in, code, tc.in[name.Start:name.End])
			}
			continue
		}
		if !ok || code != tc.code || tc.in[name.Start:name.End] != tc.name || end != name.End || name.Start != strings.Index(tc.in, tc.name) {
			t.Errorf("%s Country(%q) = %s %+v %d %v, want %s %q", tc.p.Tag, tc.in, code, name, end, ok, tc.code, tc.name)
		}
	}

	s := "leaders of Australia, Austria, Finland, Georgia, Japan, Jordan, the Republic of Korea, Morocco, New Zealand, Qatar, Sweden, Switzerland and the United Arab Emirates"
	var codes []string
	for _, h := range scanCountries(en, s) {
		codes = append(codes, h.code)
	}
	if got := strings.Join(codes, " "); got != "AU AT FI GE JP JO KR MA NZ QA SE CH AE" {
		t.Errorf("English list = %s", got)
	}
}

func TestQuotationsSeed(t *testing.T) {
	p := mustPack(t, "fr")
	qs, probs := p.Quotations(seedFR)
	if len(probs) != 0 {
		t.Errorf("problems %+v", probs)
	}
	if len(qs) != 2 {
		t.Fatalf("got %d quotes %+v", len(qs), qs)
	}
	o1 := at(t, seedFR, "«", 0)
	c1 := at(t, seedFR, "»", 0)
	want0 := Quote{
		Open: Span{o1, o1 + 2}, Close: Span{c1, c1 + 2},
		Inner: Span{o1 + 4, c1}, Style: StyleGuillemets,
	}
	if qs[0] != want0 {
		t.Errorf("quote 0 = %+v, want %+v", qs[0], want0)
	}
	if inner := seedFR[qs[0].Inner.Start:qs[0].Inner.End]; !strings.HasPrefix(inner, "Nos partenaires") || !strings.HasSuffix(inner, "différente,") {
		t.Errorf("inner 0 = %q", inner)
	}
	if inner := seedFR[qs[1].Inner.Start:qs[1].Inner.End]; inner != "Ils participent à nos opérations." {
		t.Errorf("inner 1 = %q", inner)
	}
}

func TestQuotations(t *testing.T) {
	fr, en := mustPack(t, "fr"), mustPack(t, "en")
	type q struct {
		inner, style string
		depth        int
	}
	for _, tc := range []struct {
		p     *Pack
		in    string
		want  []q
		probs string // "kind@offset-of-mark-text" joined by spaces
	}{
		{fr, "«\u00a0Il a dit “non” hier\u00a0», rapporte-t-on.", []q{{"Il a dit “non” hier", StyleGuillemets, 0}, {"non", StyleCurlyDouble, 1}}, ""},
		{fr, "« Aujourd'hui, l'OTAN et qu'a-t-il dit ? »", []q{{"Aujourd'hui, l'OTAN et qu'a-t-il dit ?", StyleGuillemets, 0}}, ""},
		{fr, "Le ministre a dit «\u202fnous verrons", []q{{"nous verrons", StyleGuillemets, 0}}, "unclosed:«"},
		{fr, "Il l’a dit », puis est parti.", nil, "stray-close:»"},
		{fr, "Il a cité ‹ ceci › et ‘cela’.", []q{{"ceci", StyleChevronsSingle, 0}, {"cela", StyleCurlySingle, 0}}, ""},
		{en, "\"We don't know,\" she said, \"and the '90s were different.\"", []q{{"We don't know,", StyleStraightDouble, 0}, {"and the '90s were different.", StyleStraightDouble, 0}}, ""},
		{en, "He said 'no' to Ms Lindqvist's plan.", []q{{"no", StyleStraightSingle, 0}}, ""},
		{en, "“She called it ‘a turning point’ for the Allies’ plans,” he said.", []q{{"She called it ‘a turning point’ for the Allies’ plans,", StyleCurlyDouble, 0}, {"a turning point", StyleCurlySingle, 1}}, ""},
		{en, "The Joneses’ house and NATO’s ’90s plan.", nil, ""},
		{en, "“Open and never closed", []q{{"Open and never closed", StyleCurlyDouble, 0}}, "unclosed:“"},
		{en, "closed” without opening", nil, "stray-close:”"},
		{en, "“outer ‘inner” end", []q{{"outer ‘inner", StyleCurlyDouble, 0}, {"inner", StyleCurlySingle, 1}}, "unclosed:‘"},
		{en, "'Tis the season, rock 'n' roll.", nil, ""},
	} {
		qs, probs := tc.p.Quotations(tc.in)
		var got []q
		for _, x := range qs {
			if x.Open.Start < 0 || x.Inner.Start < x.Open.End || x.Inner.End > len(tc.in) {
				t.Fatalf("bad spans %+v", x)
			}
			got = append(got, q{tc.in[x.Inner.Start:x.Inner.End], x.Style, x.Depth})
		}
		if len(got) != len(tc.want) {
			t.Errorf("Quotations(%q) = %+v, want %+v", tc.in, got, tc.want)
		} else {
			for k := range got {
				if got[k] != tc.want[k] {
					t.Errorf("Quotations(%q)[%d] = %+v, want %+v", tc.in, k, got[k], tc.want[k])
				}
			}
		}
		var ps []string
		for _, pr := range probs {
			ps = append(ps, pr.Kind+":"+tc.in[pr.At.Start:pr.At.End])
		}
		if strings.Join(ps, " ") != tc.probs {
			t.Errorf("Quotations(%q) problems = %v, want %q", tc.in, ps, tc.probs)
		}
	}
	// Unclosed quote reports Close {-1,-1}.
	qs, _ := fr.Quotations("«\u00a0Suite au paragraphe suivant")
	if len(qs) != 1 || qs[0].Close != (Span{-1, -1}) || qs[0].Inner != (Span{4, len("«\u00a0Suite au paragraphe suivant")}) {
		t.Errorf("unclosed quote = %+v", qs)
	}
}

func TestSpeechVerb(t *testing.T) {
	fr, en := mustPack(t, "fr"), mustPack(t, "en")
	for _, tc := range []struct {
		p          *Pack
		in         string
		text, kind string // text == "" means no match
	}{
		{fr, "a déclaré le secrétaire général", "a déclaré", "verb"},
		{fr, "a ajouté M. Rasmussen", "a ajouté", "verb"},
		{fr, "a souligné", "a souligné", "verb"},
		{fr, "ont estimé les ministres", "ont estimé", "verb"},
		{fr, "a-t-il dit.", "a-t-il dit", "verb"},
		{fr, "a\u2011t\u2011elle ajouté", "a\u2011t\u2011elle ajouté", "verb"},
		{fr, "a-t-il déclaré", "a-t-il déclaré", "verb"},
		{fr, "déclare-t-il", "déclare-t-il", "verb"},
		{fr, "précise-t-elle", "précise-t-elle", "verb"},
		{fr, "dit-il", "dit-il", "verb"},
		{fr, "explique", "explique", "verb"},
		{fr, "Selon le ministre", "Selon", "according"},
		{fr, "d’après lui", "d’après", "according"},
		{fr, "pour lui", "", ""},
		{fr, "précise", "", ""},
		{fr, "dites", "", ""},
		{fr, "a déclarée", "", ""},
		{en, "said on Tuesday", "said", "verb"},
		{en, "told reporters", "told", "verb"},
		{en, "has said", "has said", "verb"},
		{en, "pointed out", "pointed out", "verb"},
		{en, "According to officials", "According to", "according"},
		{en, "sayings", "", ""},
		{en, "states", "", ""},
	} {
		end, kind, ok := tc.p.SpeechVerb(tc.in, 0)
		if tc.text == "" {
			if ok {
				t.Errorf("%s SpeechVerb(%q) matched %q", tc.p.Tag, tc.in, tc.in[:end])
			}
			continue
		}
		if !ok || tc.in[:end] != tc.text || kind != tc.kind {
			t.Errorf("%s SpeechVerb(%q) = %d %q %v, want %q %q", tc.p.Tag, tc.in, end, kind, ok, tc.text, tc.kind)
		}
	}
	i := at(t, seedFR, "a déclaré", 0)
	if end, _, ok := fr.SpeechVerb(seedFR, i); !ok || end != i+len("a déclaré") {
		t.Errorf("seed a déclaré: %d %v", end, ok)
	}
	if _, _, ok := fr.SpeechVerb(seedFR, i+1); ok {
		t.Error("matched mid-word")
	}
}

func TestHonorificPronounRole(t *testing.T) {
	fr, en := mustPack(t, "fr"), mustPack(t, "en")
	for _, tc := range []struct {
		p    *Pack
		in   string
		text string
	}{
		{fr, "M. Anders Fogh Rasmussen", "M."},
		{fr, "MM. Durand et Martin", "MM."},
		{fr, "Mme Dupont", "Mme"},
		{fr, "Mlle Martin", "Mlle"},
		{fr, "Me Dupond-Moretti", "Me"},
		{fr, "me voici", ""},
		{fr, "Me voici", ""}, // "Me" needs a capitalised name after it
		{fr, "Dr Martin", "Dr"},
		{fr, "M.A. en droit", ""},
		{fr, "M.", ""},
		{en, "Mr. Smith", "Mr."},
		{en, "Mr Smith", "Mr"},
		{en, "Ms Lindqvist", "Ms"},
		{en, "Prof. Lee", "Prof."},
		{en, "Sir Keir", "Sir"},
		{en, "Sir, yes", ""},
		{en, "Mrs.Jones", ""},
	} {
		end, ok := tc.p.Honorific(tc.in, 0)
		got := ""
		if ok {
			got = tc.in[:end]
		}
		if got != tc.text {
			t.Errorf("%s Honorific(%q) = %q, want %q", tc.p.Tag, tc.in, got, tc.text)
		}
	}
	for _, w := range []string{"il", "Elle", "ils", "elles"} {
		if !fr.SpeakerPronoun(w) {
			t.Errorf("fr pronoun %q", w)
		}
	}
	for _, w := range []string{"He", "she", "they"} {
		if !en.SpeakerPronoun(w) {
			t.Errorf("en pronoun %q", w)
		}
	}
	if fr.SpeakerPronoun("on") || en.SpeakerPronoun("it") || fr.SpeakerPronoun("he") {
		t.Error("unexpected pronoun")
	}

	for _, tc := range []struct {
		p                *Pack
		in               string
		role, text, rest string // text: the role span; rest: s[end:]
	}{
		{fr, "le secrétaire général délégué, Alexander Vershbow", "secrétaire général délégué", "secrétaire général délégué", ", Alexander Vershbow"},
		{fr, "le secrétaire général, M. Anders Fogh Rasmussen", "secrétaire général", "secrétaire général", ", M. Anders Fogh Rasmussen"},
		{fr, "la secrétaire générale adjointe", "secrétaire général adjoint", "secrétaire générale adjointe", ""},
		{fr, "la porte\u2011parole du ministère", "porte-parole", "porte\u2011parole", " du ministère"},
		{fr, "la Première ministre", "premier ministre", "Première ministre", ""},
		{fr, "l’ambassadrice", "ambassadeur", "ambassadrice", ""},
		{fr, "Le président de la République", "président de la République", "président de la République", ""},
		{fr, "ministre des Affaires étrangères", "ministre des Affaires étrangères", "ministre des Affaires étrangères", ""},
		{fr, "le directeur général", "directeur général", "directeur général", ""},
		{fr, "le présidentiel", "", "", ""},
		{en, "the spokeswoman said", "spokesperson", "spokeswoman", " said"},
		{en, "Secretary General Anders Fogh Rasmussen", "secretary general", "Secretary General", " Anders Fogh Rasmussen"},
		{en, "the Deputy Secretary-General", "deputy secretary general", "Deputy Secretary-General", ""},
		{en, "Prime Minister", "prime minister", "Prime Minister", ""},
		{en, "the chief executive", "chief executive", "chief executive", ""},
		{en, "the theory", "", "", ""},
	} {
		role, span, end, ok := tc.p.Role(tc.in, 0)
		if tc.role == "" {
			if ok {
				t.Errorf("%s Role(%q) = %q", tc.p.Tag, tc.in, role)
			}
			continue
		}
		if !ok || role != tc.role || tc.in[span.Start:span.End] != tc.text || tc.in[end:] != tc.rest || span.End != end {
			t.Errorf("%s Role(%q) = %q %+v %d %v, want %q %q", tc.p.Tag, tc.in, role, span, end, ok, tc.role, tc.text)
		}
	}
}

func TestCountNounAndNonExhaustive(t *testing.T) {
	fr, en := mustPack(t, "fr"), mustPack(t, "en")
	for _, tc := range []struct {
		p           *Pack
		word, class string
	}{
		{fr, "pays", "country"}, {fr, "États", "country"}, {fr, "nations", "country"}, {fr, "partenaires", "partner"},
		{fr, "dirigeants", "leader"}, {fr, "chefs", "leader"}, {fr, "ministres", "minister"}, {fr, "Alliés", "ally"},
		{fr, "membres", "member"}, {fr, "personnes", "person"}, {fr, "organisations", "organisation"}, {fr, "PAYS", "country"},
		{en, "countries", "country"}, {en, "states", "country"}, {en, "partners", "partner"}, {en, "leaders", "leader"},
		{en, "Ministers", "minister"}, {en, "Allies", "ally"}, {en, "members", "member"}, {en, "people", "person"},
		{fr, "pays-bas", ""}, {fr, "groupe", ""}, {en, "country", ""}, {en, "partner", ""},
	} {
		class, ok := tc.p.CountNoun(tc.word)
		if class != tc.class || ok != (tc.class != "") {
			t.Errorf("%s CountNoun(%q) = %q %v, want %q", tc.p.Tag, tc.word, class, ok, tc.class)
		}
	}
	for _, tc := range []struct {
		p        *Pack
		in, text string
	}{
		{fr, "notamment la France", "notamment"},
		{fr, "dont la France", "dont"},
		{fr, "parmi lesquels la France", "parmi lesquels"},
		{fr, "parmi lesquelles", "parmi lesquelles"},
		{fr, "entre autres", "entre autres"},
		{fr, "comme la France", "comme"},
		{fr, "tels que", "tels que"},
		{fr, "y compris", "y compris"},
		{fr, "Notamment", "Notamment"},
		{fr, "dontés", ""},
		{fr, "commencer", ""},
		{en, "including France", "including"},
		{en, "such as", "such as"},
		{en, "among them", "among them"},
		{en, "among others", "among others"},
		{en, "like France", "like"},
		{en, "e.g. France", "e.g."},
		{en, "likely", ""},
		{en, "among the", ""},
	} {
		end, ok := tc.p.NonExhaustive(tc.in, 0)
		got := ""
		if ok {
			got = tc.in[:end]
		}
		if got != tc.text {
			t.Errorf("%s NonExhaustive(%q) = %q, want %q", tc.p.Tag, tc.in, got, tc.text)
		}
	}
}

func TestIsUnitExponent(t *testing.T) {
	fr := mustPack(t, "fr")
	for _, tc := range []struct {
		in, mark string
		n        int
		want     bool
	}{
		{"une zone de 15 km² au nord", "²", 0, true},
		{"30 m³ d’eau", "³", 0, true},
		{"1 200 kg/m³", "³", 0, true},
		{"20 m² et 5 cm²", "²", 1, true},
		{"une accélération de 9,8 m/s²", "²", 0, true},
		{"l’équation x² + y²", "²", 1, true},
		{"10⁶ habitants", "⁶", 0, true},
		{"de Macédoine¹.", "¹", 0, false},
		{"la fin du mot.² Puis", "²", 0, false},
		{"le texte de 2012³", "³", 0, false},
		{"Saint-Martin²", "²", 0, false},
		{"Rasmussen²", "²", 0, false},
		{"note ¹²", "²", 0, false},
		{"km", "k", 0, false},
	} {
		if got := fr.IsUnitExponent(tc.in, at(t, tc.in, tc.mark, tc.n)); got != tc.want {
			t.Errorf("IsUnitExponent(%q at %q) = %v, want %v", tc.in, tc.mark, got, tc.want)
		}
	}
	i := at(t, seedFR, "¹", 0)
	if fr.IsUnitExponent(seedFR, i) {
		t.Error("seed footnote marker read as exponent")
	}
}

func TestCountryData(t *testing.T) {
	for _, tag := range []string{"fr", "en"} {
		p := mustPack(t, tag)
		seen := map[string]bool{}
		for _, c := range p.countryCodes {
			seen[c] = true
		}
		for _, c := range []string{"EU", "UN", "EZ", "QO", "UK", "BU", "ZR", "YU", "SU"} {
			if seen[c] {
				t.Errorf("%s: %s should not be a country code", tag, c)
			}
		}
		if len(seen) < 240 {
			t.Errorf("%s: only %d countries", tag, len(seen))
		}
	}
	fr := mustPack(t, "fr")
	for _, s := range []string{"l’Union européenne", "les Nations unies", "la zone euro"} {
		if code, _, _, ok := fr.Country(s, 0); ok {
			t.Errorf("Country(%q) = %s", s, code)
		}
	}
}
