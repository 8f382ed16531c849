package config

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"

	"github.com/artlint/artlint/rules"
	_ "github.com/artlint/artlint/rules/builtin"
)

// optionRule declares options, as a rule that reads Pass.Options does.
var optionRule = &rules.Rule{
	ID: "test-max-sentence", Title: "Sentences are not too long", Doc: "For the configuration tests.",
	Level:   rules.LevelWarning,
	Options: map[string]string{"max-words": "longest sentence, in words"},
	Run:     func(*rules.Pass) (any, error) { return nil, nil },
}

func init() { rules.Register(optionRule) }

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"rules:\n  typography: warn\n", `.artlint.yaml:2:15: /rules/typography: expected one of "off", "info", "warning", "error", found the string "warn"`},
		{"rules:\n  typographie: error\n", `.artlint.yaml:2:3: unknown rule "typographie" (did you mean "typography"? "artlint rules" lists them)`},
		{"rules:\n  byline: error\n", `.artlint.yaml:2:3: unknown rule "byline" ("artlint rules" lists them)`},
		{"lang: fr\nrulez: {}\n", `.artlint.yaml:2:1: unknown member "rulez"; allowed: $schema, exclude, fail-level, lang, map, names, overrides, patterns, rules, schemas`},
		{"rules:\n  typography:\n    levl: error\n", `.artlint.yaml:3:5: /rules/typography: unknown member "levl"; allowed: level, options`},
		{"rules:\n  footnote-order:\n    options: {strict: true}\n", `.artlint.yaml:3:15: rule footnote-order has no option "strict" (it takes none)`},
		{"rules:\n  typography:\n    options: {strict: true}\n", `.artlint.yaml:3:15: rule typography has no option "strict" (it takes: apostrophes)`},
		{"rules:\n  test-max-sentence:\n    options: {max-word: 40}\n", `.artlint.yaml:3:15: rule test-max-sentence has no option "max-word" (it takes: max-words)`},
		{"fail-level: warn\n", `.artlint.yaml:1:13: /fail-level: expected one of "error", "warning", "info", found the string "warn"`},
		{"rules:\n  typography: off\n  typography: error\n", `.artlint.yaml:3:3: "typography" is set twice in the same mapping`},
		{"lang: fr\n---\nlang: en\n", `.artlint.yaml:3:1: a configuration file holds one YAML document, not 2`},
		{"exclude: [\"drafts/[\"]\n", `.artlint.yaml:1:11: "drafts/[" is not a valid glob`},
		{"names:\n  Anders Fogh Rasmussen: Fogh-Rasmussen\n", `.artlint.yaml:2:26: /names/Anders Fogh Rasmussen: expected an array, found the string "Fogh-Rasmussen"`},
		{"names:\n  Anders Fogh Rasmussen: [Fogh-Rasmussen]\n  Anders Rasmussen: [Fogh-Rasmussen]\n", `.artlint.yaml:3:22: "Fogh-Rasmussen" is already a variant of "Anders Fogh Rasmussen"`},
		{"schemas:\n  \"fiches/*.json\": fiche.schema.json\n", `.artlint.yaml:2:20: schema file fiche.schema.json not found`},
		{"patterns:\n  - id: typography\n    kind: existence\n    message: m\n    tokens: [x]\n", `.artlint.yaml:2:9: pattern id "typography" is a built-in rule's id; choose another`},
		{"patterns:\n  - id: a\n    kind: existence\n    message: m\n", `.artlint.yaml:2:5: /patterns/0: missing required member "tokens"`},
		{"patterns:\n  - id: a\n    kind: existence\n    message: m\n    tokens: [x]\n    where: after\n", `.artlint.yaml:6:5: "where" is for required patterns; existence patterns take tokens`},
		{"patterns:\n  - id: a\n    kind: existence\n    message: m\n    regex: true\n    tokens: [ok, \"(x\"]\n", ".artlint.yaml:6:18: \"(x\" is not a valid regular expression: error parsing regexp: missing closing ): `(x`"},
		{"patterns:\n  - id: a\n    kind: substitution\n    message: m\n    regex: true\n    swap:\n      ok: fine\n      \"[a\": b\n", ".artlint.yaml:8:7: \"[a\" is not a valid regular expression: error parsing regexp: missing closing ]: `[a`"},
		{"patterns:\n  - {id: a, kind: existence, message: m, tokens: [x]}\n  - {id: a, kind: existence, message: m, tokens: [y]}\n", `.artlint.yaml:3:10: pattern id "a" is defined twice`},
		{"rules:\n  a-pattern: off\npatterns:\n  - {id: a-pattern, kind: existence, message: m, tokens: [x]}\n", ``},
	} {
		_, err := Parse("/repo/.artlint.yaml", ".artlint.yaml", []byte(c.src))
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.src, got, c.want)
		}
	}
}

func TestOptionsAndNames(t *testing.T) {
	src := "rules:\n  test-max-sentence:\n    level: error\n    options: {max-words: 40}\nnames:\n  Anders Fogh Rasmussen: [Fogh-Rasmussen, Rassmussen]\n"
	dir := repo(t, map[string]string{".artlint.yaml": src})
	r := NewResolver(Options{Cwd: dir})
	e, err := r.For("a.json")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]any{}
	for _, en := range e.Engine.Rules {
		if en.Rule.ID == "test-max-sentence" || en.Rule.ID == NamingRule {
			got[en.Rule.ID] = fmt.Sprint(en.Level, " ", en.Options)
		}
	}
	want := map[string]any{
		"test-max-sentence": "error map[max-words:40]",
		NamingRule:          "warning map[names:map[Anders Fogh Rasmussen:[Fogh-Rasmussen Rassmussen]]]",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	for _, en := range e.Engine.Rules {
		if en.Rule == optionRule && en.Options["max-words"] != int64(40) {
			t.Errorf("max-words is %T %v, want int64 40", en.Options["max-words"], en.Options["max-words"])
		}
	}
}

// repo writes files under a fresh directory that holds .git, so the walk
// up stops there whatever the machine has above.
func repo(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func level(e *Effective, id string) string {
	for _, st := range e.Rules {
		if st.Rule.ID == id {
			return levelName(st.Level)
		}
	}
	return "absent"
}

func TestNearestWinsAndOverrides(t *testing.T) {
	dir := repo(t, map[string]string{
		".artlint.yaml": "fail-level: warning\nrules:\n  typography: error\noverrides:\n" +
			"  - files: [\"depeches/**\"]\n    rules: {typography: off}\n" +
			"  - files: [\"urgent-*.json\"]\n    rules: {typography: info, empty-text: error}\n",
		"monde/.artlint.yml":       "rules:\n  empty-text: off\n",
		"monde/europe/.keep":       "",
		"sub/.git/HEAD":            "",
		"sub/deep/x.json":          "",
		"sub/.artlint.yaml.backup": "",
	})
	r := NewResolver(Options{Cwd: dir})
	for _, c := range []struct {
		path, cfg, typo, empty, fail string
	}{
		{"une.json", ".artlint.yaml", "error", "warning", "warning"},
		{"depeches/chicago.json", ".artlint.yaml", "off", "warning", "warning"},
		{"depeches/urgent-chicago.json", ".artlint.yaml", "info", "error", "warning"}, // both overrides, in order
		{"urgent-lisbonne.json", ".artlint.yaml", "info", "error", "warning"},         // no "/": any depth
		{"monde/europe/afghanistan.json", "monde/.artlint.yml", "warning", "off", "error"},
		{"sub/deep/x.json", "", "warning", "warning", "error"}, // a repository of its own
	} {
		e, err := r.For(filepath.Join(dir, c.path))
		if err != nil {
			t.Fatalf("%s: %v", c.path, err)
		}
		cfg := ""
		if e.Config != nil {
			cfg = e.Config.Display
		}
		got := []string{cfg, level(e, "typography"), level(e, "empty-text"), levelName(e.FailLevel)}
		if want := []string{c.cfg, c.typo, c.empty, c.fail}; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %q, want %q", c.path, got, want)
		}
	}
	// Settings are computed once per configuration and set of matching
	// globs, and each configuration file is read once.
	a, _ := r.For("depeches/a.json")
	b, _ := r.For("depeches/b.json")
	if a != b {
		t.Error("two files with the same settings got two resolutions")
	}
	if len(r.files) != 2 {
		t.Errorf("%d configuration files loaded, want 2", len(r.files))
	}
}

func TestFlagsWin(t *testing.T) {
	dir := repo(t, map[string]string{
		".artlint.yaml": "fail-level: error\nrules:\n  typography: off\n  empty-text: error\n",
	})
	r := NewResolver(Options{Cwd: dir, Enable: []string{"typography"}, Disable: []string{"schema"}, FailLevel: rules.LevelNote})
	e, err := r.For("a.json")
	if err != nil {
		t.Fatal(err)
	}
	got := []string{level(e, "typography"), level(e, "empty-text"), level(e, "schema"), level(e, "syntax"), levelName(e.FailLevel), e.FailFrom}
	want := []string{"warning", "off", "off", "error", "info", "--fail-level"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	r = NewResolver(Options{Cwd: dir, Enable: []string{"my-pattern"}})
	if _, err := r.For("a.json"); err != nil {
		t.Fatal(err)
	}
	if got := r.UnknownFlagRules(); !reflect.DeepEqual(got, []string{"my-pattern"}) {
		t.Errorf("unknown flag rules %q", got)
	}
}

func TestExplicitAndNoConfig(t *testing.T) {
	dir := repo(t, map[string]string{
		".artlint.yaml":        "rules:\n  typography: error\n",
		"ci/artlint.yaml":      "rules:\n  typography: info\n",
		"broken/.artlint.yaml": "rules: [\n",
	})
	r := NewResolver(Options{Cwd: dir, File: "ci/artlint.yaml"})
	e, err := r.For("broken/a.json")
	if err != nil || level(e, "typography") != "info" {
		t.Errorf("--config: %v, typography %s", err, level(e, "typography"))
	}
	r = NewResolver(Options{Cwd: dir, NoConfig: true})
	e, err = r.For("broken/a.json")
	if err != nil || e.Config != nil || level(e, "typography") != "warning" {
		t.Errorf("--no-config: %v", err)
	}
	r = NewResolver(Options{Cwd: dir})
	_, err = r.For("broken/a.json")
	// Where the YAML parser stops is its business; that it is located and
	// said to be YAML is ours.
	if err == nil || !regexp.MustCompile(`^broken/\.artlint\.yaml:\d+:\d+: YAML: `).MatchString(err.Error()) {
		t.Errorf("broken configuration: %v", err)
	}
	_, err = NewResolver(Options{Cwd: dir, File: "nope.yaml"}).For("a.json")
	if err == nil || err.Error() != "nope.yaml: cannot read the configuration: no such file or directory" {
		t.Errorf("missing --config file: %v", err)
	}
}

func TestGlobMatch(t *testing.T) {
	for _, c := range []struct {
		glob, path string
		want       bool
	}{
		{"drafts", "drafts/a.json", true},
		{"drafts", "news/drafts/a.json", true},
		{"drafts/", "news/drafts/a.json", true},
		{"*.en.yaml", "news/lisbon.en.yaml", true},
		{"*.en.yaml", "news/lisbon.fr.yaml", false},
		{"news/*.json", "news/a.json", true},
		{"news/*.json", "news/sub/a.json", false},
		{"./news/**", "news/sub/a.json", true},
		{"depeches/**", "archives/depeches-2012.json", false},
	} {
		if got := globMatch(c.glob, c.path); got != c.want {
			t.Errorf("globMatch(%q, %q) = %v, want %v", c.glob, c.path, got, c.want)
		}
	}
}

func BenchmarkResolve(b *testing.B) {
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".artlint.yaml"), []byte("rules:\n  typography: error\noverrides:\n  - files: [\"d1/**\"]\n    rules: {typography: off}\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	paths := make([]string, 10000)
	for i := range paths {
		paths[i] = filepath.Join(dir, fmt.Sprintf("d%d", i%10), fmt.Sprintf("a%d.json", i))
	}
	b.ResetTimer()
	for range b.N {
		r := NewResolver(Options{Cwd: dir})
		for _, p := range paths {
			if _, err := r.For(p); err != nil {
				b.Fatal(err)
			}
		}
	}
}
