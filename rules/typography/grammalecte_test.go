package typography

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"github.com/artlint/artlint/internal/load"
	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/rules/ruletest"
)

// Grammalecte, the reference French checker, is the oracle for the French
// spacing and apostrophe findings: on the French texts of the test records,
// each of its no-break-space findings for « » : ; ! ? must be one of ours
// at the same mark, and each of ours one of its, except where a documented
// exception of the rule differs on purpose (agreementExceptions). Its
// apostrophe finding marks every straight apostrophe, where the rule reports
// a record's minority form: every straight apostrophe we report must be one
// it reports, and in a record where we report the straight ones, all of
// its must be ours; with the option apostrophes: typographic, the two must
// agree on every straight apostrophe. The corpus is every French record of the test data,
// the CLI cases' traps and mutations included (about 3,000 texts).

// grammalecteCorpus are the record files whose French texts are compared.
var grammalecteCorpus = []string{
	"../../testdata/records",
	"../../testdata/articles/clean",
	"../../testdata/articles/defects",
}

// agreementKinds maps Grammalecte's rule ids to the finding kinds compared.
var agreementKinds = map[string]string{
	"nbsp_ajout_avant_double_ponctuation": "space",
	"nbsp_avant_double_ponctuation":       "space",
	"nbsp_avant_deux_points":              "space",
	"nbsp_après_chevrons_ouvrants":        "space",
	"nbsp_avant_chevrons_fermants1":       "space",
	"nbsp_avant_chevrons_fermants2":       "space",
	"apostrophe_typographique":            "apostrophe",
	"apostrophe_typographique_après_t":    "apostrophe",
}

// agreementExceptions are the places where the two differ on purpose: the
// rule's documented exceptions, which Grammalecte does not make, and one
// place Grammalecte misses. Each names the text just before the mark.
var agreementExceptions = []struct {
	before string
	mark   rune
	why    string
}{
	{"différente,", '»', "Grammalecte reports ',»' at this » as a misplaced comma (g0__virg_fin_dialogue), not as a space"},
	{"DESI DR2 Results II", ':', "an English title in guillemets keeps its own punctuation"},
	{"This is a game changer", ':', "an English quotation in a French text keeps English punctuation"},
	{"in detail", '!', "an English quotation in a French text keeps English punctuation"},
	{"in detail!", '»', "the guillemets around an English quotation are French: Grammalecte flags the ! instead"},
	{"for (i=0", ';', "code"},
	{"for (i=0; i<n", ';', "code"},
	{"exo_fit.run(config", ':', "code"},
	{"`strict", ':', "code"},
	{"Bien joué ", ';', "a smiley ;)"},
	{"la participation atteint 47%", '!', "Grammalecte misses a ! after %"},
}

// excused returns the index of the exception that covers the mark, or -1.
func excused(p paragraph, m mark) int {
	rs := []rune(p.text)
	for k, e := range agreementExceptions {
		if rs[m.at] == e.mark && strings.HasSuffix(string(rs[:m.at]), e.before) {
			return k
		}
	}
	return -1
}

// paragraph is one French text given to Grammalecte as one line.
type paragraph struct {
	file, pointer string
	text          string
	straightOurs  bool // the record's apostrophe findings are its straight ones
	// unspaced: Swiss or Québec French, where ; ! ? may follow the word
	// with no space at all (the rule's documented practice there).
	unspaced bool
}

// mark is a finding reduced to what both tools can say: the text, the
// kind, and the code-point index of the mark it is about.
type mark struct {
	para int
	kind string
	at   int // code points from the start of the text
}

func TestAgreesWithGrammalecte(t *testing.T) {
	bin, err := exec.LookPath("grammalecte-cli")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("grammalecte-cli is not installed (.ci/run installs it)")
		}
		t.Skip("grammalecte-cli is not installed (apt-get install grammalecte-cli)")
	}
	var paras []paragraph
	ours := map[mark]string{}
	typographic := map[mark]string{} // apostrophe findings with apostrophes: typographic
	for _, dir := range grammalecteCorpus {
		files, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range files {
			path := filepath.Join(dir, e.Name())
			format, ok := load.FormatOf(path)
			if !ok || e.IsDir() {
				continue
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, rec := range ruletest.Parse(t, rules.NewFile(path, data, format)) {
				if !strings.HasPrefix(rec.Lang(), "fr") {
					continue
				}
				collect(t, rec, path, &paras, ours, typographic)
			}
		}
	}
	// The CLI cases hold the rule's traps and mutations, one archive each.
	archives, err := filepath.Glob("../../testdata/cases/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range archives {
		a, err := txtar.ParseFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Files {
			format, ok := load.FormatOf(f.Name)
			if !ok {
				continue
			}
			res := load.Parse(rules.NewFile(f.Name, f.Data, format), load.Limits{})
			for _, rec := range res.Records { // some cases are broken files on purpose
				if strings.HasPrefix(rec.Lang(), "fr") {
					collect(t, rec, filepath.Base(name)+":"+f.Name, &paras, ours, typographic)
				}
			}
		}
	}
	theirs := runGrammalecte(t, bin, paras)
	var missed, extra []string
	used := make([]bool, len(agreementExceptions))
	agreed := 0
	for m, msg := range theirs {
		if _, ok := ours[m]; ok {
			agreed++
			continue
		}
		if m.kind == "apostrophe" && !paras[m.para].straightOurs {
			continue // a record with one form, or whose minority is ’
		}
		if paras[m.para].unspaced && strings.HasPrefix(msg, "nbsp_ajout_avant_double_ponctuation") {
			continue // no space at all before ; ! ? in fr-CH or fr-CA
		}
		if k := excused(paras[m.para], m); k >= 0 {
			used[k] = true
			continue
		}
		missed = append(missed, describe(paras[m.para], m, "Grammalecte: "+msg))
	}
	for m, msg := range ours {
		if _, ok := theirs[m]; ok {
			continue
		}
		if m.kind == "apostrophe" && !paras[m.para].straightOurs {
			continue // a ’ in a record of straight apostrophes: Grammalecte wants them all ’
		}
		if k := excused(paras[m.para], m); k >= 0 {
			used[k] = true
			continue
		}
		extra = append(extra, describe(paras[m.para], m, "artlint: "+msg))
	}
	// With apostrophes: typographic, the two must agree on every one.
	typoAgreed := 0
	for m, msg := range theirs {
		if m.kind != "apostrophe" {
			continue
		}
		if _, ok := typographic[m]; ok {
			typoAgreed++
		} else {
			missed = append(missed, describe(paras[m.para], m, "apostrophes: typographic; Grammalecte: "+msg))
		}
	}
	for m, msg := range typographic {
		if _, ok := theirs[m]; !ok {
			extra = append(extra, describe(paras[m.para], m, "apostrophes: typographic; artlint: "+msg))
		}
	}
	for k, u := range used {
		if !u {
			t.Errorf("exception %q %q no longer needed: remove it", agreementExceptions[k].before, agreementExceptions[k].mark)
		}
	}
	sort.Strings(missed)
	sort.Strings(extra)
	for _, s := range missed {
		t.Errorf("Grammalecte reports, artlint does not: %s", s)
	}
	for _, s := range extra {
		t.Errorf("artlint reports, Grammalecte does not: %s", s)
	}
	if agreed < 400 {
		t.Errorf("only %d findings agreed on: the corpus lost its typography cases?", agreed)
	}
	t.Logf("%d French texts, %d findings agreed on; with apostrophes: typographic, %d straight apostrophes", len(paras), agreed, typoAgreed)
}

// collect adds rec's French texts to paras and the rule's findings on
// them to ours.
func collect(t *testing.T, rec *rules.Record, path string, paras *[]paragraph, ours, typographic map[mark]string) {
	diags := ruletest.Run(t, Rule, rec, nil)
	straight := false
	for _, d := range diags {
		if strings.HasPrefix(d.Message, "straight apostrophe") {
			straight = true
		}
	}
	index := map[string]int{} // pointer → paragraph
	for _, tx := range rec.Texts() {
		if strings.ContainsAny(tx.Value(), "\n\r") {
			continue // a line break would split it for Grammalecte
		}
		index[tx.Pointer()] = len(*paras)
		*paras = append(*paras, paragraph{file: path, pointer: tx.Pointer(), text: tx.Value(), straightOurs: straight,
			unspaced: strings.HasSuffix(rec.Lang(), "-CH") || strings.HasSuffix(rec.Lang(), "-CA")})
	}
	add := func(d rules.Diagnostic, into map[mark]string) {
		k, ok := index[d.Pointer]
		if !ok {
			return
		}
		var tx rules.Text
		for _, c := range rec.Texts() {
			if c.Pointer() == d.Pointer {
				tx = c
			}
		}
		a, b, ok := textSpan(tx, d.Span)
		if !ok {
			t.Fatalf("%s %s: finding %q at %v maps to no place in the text", path, d.Pointer, d.Message, d.Span)
		}
		kind := "space"
		if strings.Contains(d.Message, "apostrophe") {
			kind = "apostrophe"
		}
		at := markAt(tx.Value(), a, b, kind)
		if at < 0 {
			t.Fatalf("%s %s: no mark near finding %q", path, d.Pointer, d.Message)
		}
		into[mark{k, kind, at}] = d.Message
	}
	for _, d := range diags {
		add(d, ours)
	}
	for _, d := range ruletest.Run(t, Rule, rec, map[string]any{"apostrophes": "typographic"}) {
		if strings.Contains(d.Message, "apostrophe") {
			add(d, typographic)
		}
	}
}

// textSpan finds the byte offsets in the text whose file span is sp.
func textSpan(tx rules.Text, sp rules.Span) (int, int, bool) {
	s := tx.Value()
	for a := 0; a <= len(s); a++ {
		if tx.Span(a, a).Start != sp.Start {
			continue
		}
		for b := a; b <= len(s); b++ {
			if tx.Span(a, b) == sp {
				return a, b, true
			}
		}
	}
	return 0, 0, false
}

// markAt returns the code-point index of the mark a finding on s[a:b] is
// about: the apostrophe, or the « » : ; ! ? in or next to the span (an
// ordinary space is reported on the space itself).
func markAt(s string, a, b int, kind string) int {
	isMark := func(r rune) bool {
		if kind == "apostrophe" {
			return r == '\'' || r == '’'
		}
		return strings.ContainsRune("«»:;!?", r)
	}
	for i, r := range s[a:b] {
		if isMark(r) {
			return utf8.RuneCountInString(s[:a+i])
		}
	}
	if r, _ := utf8.DecodeRuneInString(s[b:]); isMark(r) {
		return utf8.RuneCountInString(s[:b])
	}
	if r, n := utf8.DecodeLastRuneInString(s[:a]); isMark(r) {
		return utf8.RuneCountInString(s[:a-n])
	}
	return -1
}

// runGrammalecte checks every paragraph, one per line, and returns its
// findings of the compared kinds.
func runGrammalecte(t *testing.T, bin string, paras []paragraph) map[mark]string {
	var in strings.Builder
	for _, p := range paras {
		in.WriteString(p.text)
		in.WriteString("\n")
	}
	file := filepath.Join(t.TempDir(), "texts.txt")
	if err := os.WriteFile(file, []byte(in.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-f", file, "-j").Output()
	if err != nil {
		t.Fatalf("grammalecte-cli: %v", err)
	}
	var res struct {
		Data []struct {
			Paragraph int `json:"iParagraph"`
			Errors    []struct {
				Start   int    `json:"nStart"`
				End     int    `json:"nEnd"`
				Rule    string `json:"sRuleId"`
				Message string `json:"sMessage"`
			} `json:"lGrammarErrors"`
		} `json:"data"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("grammalecte-cli output: %v", err)
	}
	theirs := map[mark]string{}
	for _, d := range res.Data {
		k := d.Paragraph - 1
		if k < 0 || k >= len(paras) {
			t.Fatalf("grammalecte-cli: paragraph %d of %d", d.Paragraph, len(paras))
		}
		rs := []rune(paras[k].text)
		for _, e := range d.Errors {
			kind, ok := agreementKinds[e.Rule]
			if !ok {
				continue
			}
			at := -1
			for i := e.Start; i < e.End && i < len(rs); i++ {
				if (kind == "apostrophe" && (rs[i] == '\'' || rs[i] == '’')) ||
					(kind == "space" && strings.ContainsRune("«»:;!?", rs[i])) {
					at = i
					break
				}
			}
			if at < 0 {
				t.Fatalf("grammalecte-cli: %s at %d–%d of %q has no mark", e.Rule, e.Start, e.End, paras[k].text)
			}
			theirs[mark{k, kind, at}] = e.Rule + ": " + e.Message
		}
	}
	return theirs
}

func describe(p paragraph, m mark, msg string) string {
	rs := []rune(p.text)
	lo, hi := max(0, m.at-30), min(len(rs), m.at+20)
	return fmt.Sprintf("%s %s: …%s|%s|%s… (%s)", filepath.Base(p.file), p.pointer, string(rs[lo:m.at]), string(rs[m.at]), string(rs[m.at+1:hi]), msg)
}
