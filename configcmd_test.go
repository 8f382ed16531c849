package artlint_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/artlint/artlint/internal/config"
)

// TestReadmeConfigExample validates the README's example configuration
// (the first ```yaml block under "## Configuration") with the real
// loader: the configuration schema and every semantic check.
func TestReadmeConfigExample(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n## Configuration\n")
	if !ok {
		t.Fatal("README has no ## Configuration section")
	}
	if i := strings.Index(section, "\n## "); i >= 0 {
		section = section[:i]
	}
	m := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindStringSubmatch(section)
	if m == nil {
		t.Fatal("no ```yaml block in the Configuration section")
	}
	// The example names schema files; give them to it.
	dir := t.TempDir()
	for _, p := range []string{"schemas/fiche.schema.json", "schemas/article.json"} {
		if err := os.MkdirAll(filepath.Join(dir, "schemas"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte(`{"type": "object"}`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := config.Parse(filepath.Join(dir, ".artlint.yaml"), ".artlint.yaml", []byte(m[1]))
	if err != nil {
		t.Fatalf("the README's example configuration is rejected:\n%v", err)
	}
	if len(cfg.Patterns) != 4 || len(cfg.Overrides) != 1 || cfg.Lang != "fr" {
		t.Errorf("example read as %d patterns, %d overrides, lang %q; want 4, 1, fr", len(cfg.Patterns), len(cfg.Overrides), cfg.Lang)
	}
}

func configRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A repository root, so the walk up stops here.
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	return dir
}

const substitutionConfig = `patterns:
  - id: secretaire-general
    kind: substitution
    message: "écrire « %s » et non « %s »"
    case: insensitive
    swap:
      Secrétaire Général: secrétaire général
      Fogh-Rasmussen: Fogh Rasmussen
`

// TestFixAppliesSubstitutions: --fix writes the substitution fixes, in
// JSON and in a YAML folded scalar, and the run after it is clean.
func TestFixAppliesSubstitutions(t *testing.T) {
	configRepo(t, map[string]string{
		".artlint.yaml": substitutionConfig,
		"a.json":        `{"id": "a", "lang": "fr", "title": "Sommet", "body": ["Le Secrétaire Général, M. Fogh-Rasmussen, a parlé."]}` + "\n",
		"b.yaml":        "id: b\nlang: fr\ntitle: Sommet\nbody:\n  - >-\n    Le secrétaire général, M. Anders\n    Fogh-Rasmussen, a parlé.\n",
	})
	out, errOut, code := lint(t, "lint", "--enable", "secretaire-general", ".")
	if code != 0 || strings.Count(out, "(secretaire-general)") != 3 {
		t.Fatalf("before --fix: exit %d, want 0 and 3 findings:\n%s%s", code, out, errOut)
	}
	out, errOut, code = lint(t, "lint", "--fix", "--enable", "secretaire-general", ".")
	if code != 0 || out != "no problems in 2 files\n" {
		t.Errorf("--fix: exit %d\n%s%s", code, out, errOut)
	}
	for name, want := range map[string]string{
		"a.json": `{"id": "a", "lang": "fr", "title": "Sommet", "body": ["Le secrétaire général, M. Fogh Rasmussen, a parlé."]}` + "\n",
		"b.yaml": "id: b\nlang: fr\ntitle: Sommet\nbody:\n  - >-\n    Le secrétaire général, M. Anders\n    Fogh Rasmussen, a parlé.\n",
	} {
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("%s after --fix:\n%s\nwant:\n%s", name, got, want)
		}
	}
}

// TestConfigCommand: artlint config prints valid YAML with the effective
// level of each rule and where it comes from.
func TestConfigCommand(t *testing.T) {
	configRepo(t, map[string]string{
		".artlint.yaml": "fail-level: warning\nrules:\n  typography: error\noverrides:\n  - files: [\"depeches/**\"]\n    rules:\n      typography: off\n" +
			"names:\n  Anders Fogh Rasmussen: [Fogh-Rasmussen]\n" + substitutionConfig,
	})
	out, errOut, code := lint(t, "config", "depeches/chicago.json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"# Effective configuration for depeches/chicago.json\n",
		"# Configuration: .artlint.yaml (the nearest)\n",
		"fail-level: warning  # .artlint.yaml:1:1\n",
		"  typography: off  # default, .artlint.yaml:3:3, overrides[0] .artlint.yaml:7:7\n",
		"  secretaire-general: warning  # pattern .artlint.yaml:11:9\n",
		"  consistent-naming:  # default, names .artlint.yaml:8:1\n    level: warning\n    options:\n      names:\n        Anders Fogh Rasmussen:\n          - Fogh-Rasmussen\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	var parsed struct {
		FailLevel string         `yaml:"fail-level"`
		Rules     map[string]any `yaml:"rules"`
	}
	if err := yaml.Unmarshal([]byte(out), &parsed); err != nil || parsed.FailLevel != "warning" || parsed.Rules["typography"] != "off" {
		t.Errorf("output is not the YAML it should be (%v): %+v", err, parsed)
	}

	out, _, code = lint(t, "config", "--fail-level", "info", "une.json")
	if code != 0 || !strings.Contains(out, "fail-level: info  # --fail-level\n") || !strings.Contains(out, "  typography: error  # default, .artlint.yaml:3:3\n") {
		t.Errorf("config --fail-level info une.json: exit %d\n%s", code, out)
	}
	out, _, code = lint(t, "config", "--no-config", "une.json")
	if code != 0 || !strings.Contains(out, "  typography: warning  # default\n") {
		t.Errorf("config --no-config: exit %d\n%s", code, out)
	}
}

// TestRulesListsPatterns: with a configuration in effect, artlint rules
// lists and explains its pattern rules; --no-config does not.
func TestRulesListsPatterns(t *testing.T) {
	configRepo(t, map[string]string{".artlint.yaml": substitutionConfig})
	out, _, code := lint(t, "rules")
	if code != 0 || !strings.Contains(out, "secretaire-general   warning  écrire « … » et non « … »\n") {
		t.Errorf("artlint rules: exit %d\n%s", code, out)
	}
	out, _, code = lint(t, "rules", "secretaire-general")
	if code != 0 || !strings.HasPrefix(out, "secretaire-general: écrire « … » et non « … »\n") || !strings.Contains(out, "Replaces `Secrétaire Général` → `secrétaire général`, `Fogh-Rasmussen` → `Fogh Rasmussen` (with a fix).") {
		t.Errorf("artlint rules secretaire-general: exit %d\n%s", code, out)
	}
	out, _, _ = lint(t, "rules", "--no-config")
	if strings.Contains(out, "secretaire-general") {
		t.Errorf("--no-config still lists the pattern:\n%s", out)
	}
}
