package artlint_test

// Tests against real outside tools: the pre-commit framework (Debian
// package pre-commit) and the SARIF Multitool (npm
// @microsoft/sarif-multitool). .ci/run installs both; without them these
// tests skip, except under CI=true, where a missing tool is a failure so
// that CI can never pass by skipping.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/tools/txtar"

	"github.com/artlint/artlint"
	"github.com/artlint/artlint/internal/report/sariftest"
)

// needTool returns the path of a tool, skipping the test when it is
// missing, or failing it under CI.
func needTool(t *testing.T, name, path string) string {
	t.Helper()
	if path == "" {
		path = name
	}
	p, err := exec.LookPath(path)
	if err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not installed (%v); .ci/run installs it", name, err)
	}
	t.Skipf("%s is not installed (%v); .ci/run installs it", name, err)
	return ""
}

// runCmd runs a command in dir and returns its combined output and exit
// code; only a failure to start is fatal.
func runCmd(t *testing.T, dir string, env []string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return string(out), ee.ExitCode()
		}
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out), 0
}

func mustRun(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	out, code := runCmd(t, dir, env, name, args...)
	if code != 0 {
		t.Fatalf("%s %s: exit %d\n%s", name, strings.Join(args, " "), code, out)
	}
	return out
}

// gitEnv is the environment with a fixed identity and no user or system
// git configuration, so that commits work on any machine.
func gitEnv(t *testing.T) []string {
	home := t.TempDir()
	return append(os.Environ(),
		"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+filepath.Join(home, "gitconfig"),
		"GIT_AUTHOR_NAME=Rédaction", "GIT_AUTHOR_EMAIL=redaction@example.org",
		"GIT_COMMITTER_NAME=Rédaction", "GIT_COMMITTER_EMAIL=redaction@example.org",
	)
}

// snapshotRepo commits the module as it is on disk (tracked and untracked
// files that .gitignore does not exclude) to a new git repository, and
// returns its path and commit: pre-commit installs a hook from a commit,
// and the working tree may hold changes not yet committed.
func snapshotRepo(t *testing.T, env []string) (string, string) {
	t.Helper()
	root, err := os.Getwd() // go test runs in the package directory: the module root
	if err != nil {
		t.Fatal(err)
	}
	list := mustRun(t, root, env, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	dst := filepath.Join(t.TempDir(), "artlint")
	for _, name := range strings.Split(strings.TrimRight(list, "\x00"), "\x00") {
		data, err := os.ReadFile(filepath.Join(root, name))
		if os.IsNotExist(err) {
			continue // deleted in the working tree
		}
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dst, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mustRun(t, dst, env, "git", "init", "-q")
	mustRun(t, dst, env, "git", "add", "-A")
	mustRun(t, dst, env, "git", "commit", "-q", "-m", "snapshot")
	return dst, strings.TrimSpace(mustRun(t, dst, env, "git", "rev-parse", "HEAD"))
}

// wordPosition returns the 1-based line and UTF-16 column of the first
// occurrence of word in text, computed here rather than by artlint.
func wordPosition(t *testing.T, text, word string) (int, int) {
	t.Helper()
	i := strings.Index(text, word)
	if i < 0 {
		t.Fatalf("%q not found", word)
	}
	line := strings.Count(text[:i], "\n") + 1
	start := strings.LastIndex(text[:i], "\n") + 1
	return line, len(utf16.Encode([]rune(text[start:i]))) + 1
}

// TestPreCommitHook installs the repository's .pre-commit-hooks.yaml with
// the real pre-commit in a newsroom repository: a commit of the seed
// article passes (its typography warnings do not fail it), a commit of
// the seed with "treize" changed to "douze" is refused and shows the
// stated-count finding; pre-commit try-repo does the same on the file.
// pre-commit builds artlint with "go install" from a clone (language:
// golang); the module cache of this machine is shared so that it needs no
// download.
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("builds artlint twice through pre-commit")
	}
	preCommit := needTool(t, "pre-commit", "")
	needTool(t, "git", "")
	env := gitEnv(t)
	modcache := strings.TrimSpace(mustRun(t, ".", env, "go", "env", "GOMODCACHE"))
	env = append(env, "PRE_COMMIT_HOME="+t.TempDir(), "GOMODCACHE="+modcache, "NO_COLOR=1")
	repo, rev := snapshotRepo(t, env)

	seed, err := os.ReadFile("testdata/records/nato-chicago-partners-2012.fr.json")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Count(seed, []byte("groupe de treize pays")) != 1 {
		t.Fatal("the seed no longer says « groupe de treize pays » once")
	}
	bad := strings.Replace(string(seed), "groupe de treize pays", "groupe de douze pays", 1)
	line, col := wordPosition(t, bad, "douze")
	want := fmt.Sprintf("articles/chicago-douze.json:%d:%d: error: states 12 (« douze ») countries but lists 13 (stated-count)", line, col)

	news := filepath.Join(t.TempDir(), "newsroom")
	if err := os.MkdirAll(filepath.Join(news, "articles"), 0o755); err != nil {
		t.Fatal(err)
	}
	mustRun(t, news, env, "git", "init", "-q")
	config := fmt.Sprintf("repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: artlint\n", repo, rev)
	if err := os.WriteFile(filepath.Join(news, ".pre-commit-config.yaml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, news, env, preCommit, "install")

	// A clean record: the hook runs, passes, and the commit is made.
	if err := os.WriteFile(filepath.Join(news, "articles/chicago.json"), seed, 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, news, env, "git", "add", ".pre-commit-config.yaml", "articles/chicago.json")
	out, code := runCmd(t, news, env, "git", "commit", "-m", "Chicago : les partenaires")
	if code != 0 || !strings.Contains(out, "artlint") || !strings.Contains(out, "Passed") {
		t.Fatalf("clean commit: exit %d\n%s", code, out)
	}

	// A stated-count error: the hook fails with the finding, no commit.
	if err := os.WriteFile(filepath.Join(news, "articles/chicago-douze.json"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, news, env, "git", "add", "articles/chicago-douze.json")
	out, code = runCmd(t, news, env, "git", "commit", "-m", "Chicago : douze partenaires")
	if code == 0 || !strings.Contains(out, "Failed") || !strings.Contains(out, want) {
		t.Fatalf("commit with a stated-count error: exit %d, want a failure showing\n%s\ngot:\n%s", code, want, out)
	}
	if n := strings.TrimSpace(mustRun(t, news, env, "git", "rev-list", "--count", "HEAD")); n != "1" {
		t.Errorf("%s commits, want 1: the hook let the bad record through", n)
	}

	// pre-commit try-repo, the way a hook author tries a hook repository.
	out, code = runCmd(t, news, env, preCommit, "try-repo", repo, "artlint", "--ref", rev, "--files", "articles/chicago-douze.json")
	if code != 1 || !strings.Contains(out, want) {
		t.Fatalf("try-repo on the bad record: exit %d, want 1 and\n%s\ngot:\n%s", code, want, out)
	}
	out, code = runCmd(t, news, env, preCommit, "try-repo", repo, "artlint", "--ref", rev, "--files", "articles/chicago.json")
	if code != 0 {
		t.Fatalf("try-repo on the clean record: exit %d\n%s", code, out)
	}
}

// TestSARIFMultitool lints the records of every CLI case (every rule,
// broken syntax, schema errors, typography fixes) plus a missing path, in
// one run, to SARIF, and has the SARIF Multitool validate it with its SARIF
// and GitHub (GH*) rules, enabled as errors by
// testdata/sarif/multitool-github.config.xml. Any error or warning fails;
// notes (advice such as "use message ids") are logged.
//
// ARTLINT_SARIF_MULTITOOL is the Multitool executable, as .ci/run
// installs it. It is run directly, not through the npm wrapper, which
// passes its arguments through a shell that splits "Sarif;Ghas". It exits
// 0 whatever it finds, so the test reads its output log.
func TestSARIFMultitool(t *testing.T) {
	tool := os.Getenv("ARTLINT_SARIF_MULTITOOL")
	if tool == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("ARTLINT_SARIF_MULTITOOL is not set; .ci/run installs the Multitool and sets it")
		}
		t.Skip("ARTLINT_SARIF_MULTITOOL is not set; .ci/run installs the Multitool and sets it")
	}
	tool = needTool(t, "sarif-multitool", tool)
	config, err := filepath.Abs("testdata/sarif/multitool-github.config.xml")
	if err != nil {
		t.Fatal(err)
	}
	archives, err := filepath.Glob("testdata/cases/*.txtar")
	if err != nil || len(archives) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	dir := t.TempDir()
	records := 0
	for _, path := range archives {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		caseDir := filepath.Join("cases", strings.TrimSuffix(filepath.Base(path), ".txtar"))
		for _, f := range ar.Files {
			switch f.Name {
			case "args", "want", "stderr", "exit", "stdin":
				continue
			}
			p := filepath.Join(dir, caseDir, filepath.FromSlash(f.Name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			records++
		}
	}
	// Records written for this test: what the cases do not cover.
	extra, err := filepath.Glob("testdata/sarif/records/*")
	if err != nil || len(extra) == 0 {
		t.Fatalf("no records in testdata/sarif/records: %v", err)
	}
	for _, path := range extra {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "cases", filepath.Base(path)), data, 0o644); err != nil {
			t.Fatal(err)
		}
		records++
	}
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	// Without the cases' configuration files: some are wrong on purpose,
	// and a configuration error stops the whole run.
	code := artlint.Run([]string{"lint", "--no-config", "--format", "sarif:artlint.sarif", "--format", "github", "cases", "absent.json"}, nil, &stdout, &stderr)
	if code != 2 { // the missing file
		t.Fatalf("exit %d, want 2\n%s", code, stderr.Bytes())
	}
	sarif, err := os.ReadFile("artlint.sarif")
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID string `json:"ruleId"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(sarif, &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("runs: %v", err)
	}
	ruleIDs := map[string]int{}
	for _, r := range log.Runs[0].Results {
		ruleIDs[r.RuleID]++
	}
	t.Logf("%d files, results by rule: %v", records, ruleIDs)
	for _, id := range []string{"syntax", "schema", "duplicate-key", "typography", "stated-count"} {
		if ruleIDs[id] == 0 {
			t.Errorf("no %s result: the cases no longer cover it", id)
		}
	}
	if err := sariftest.Validate(sarif); err != nil {
		t.Error(err)
	}
	if err := sariftest.CheckGitHub(sarif); err != nil {
		t.Error(err)
	}

	out, code := runCmd(t, dir, os.Environ(), tool, "validate",
		"--rule-kind", "Sarif;Ghas", "--level", "Error;Warning;Note",
		"--config", config, "--log", "ForceOverwrite", "-o", "multitool.sarif", "artlint.sarif")
	if code != 0 {
		t.Fatalf("Multitool: exit %d\n%s", code, out)
	}
	data, err := os.ReadFile("multitool.sarif")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var mt struct {
		Runs []struct {
			Results []struct {
				RuleID  string `json:"ruleId"`
				Level   string `json:"level"`
				Message struct {
					Text      string   `json:"text"`
					Arguments []string `json:"arguments"`
				} `json:"message"`
			} `json:"results"`
			Invocations []struct {
				ExecutionSuccessful bool `json:"executionSuccessful"`
				Notifications       []struct {
					Level   string `json:"level"`
					Message struct {
						Text string `json:"text"`
					} `json:"message"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &mt); err != nil || len(mt.Runs) != 1 {
		t.Fatalf("Multitool output: %v\n%s", err, out)
	}
	run := mt.Runs[0]
	for _, inv := range run.Invocations {
		if !inv.ExecutionSuccessful {
			t.Errorf("Multitool did not run to the end:\n%s", out)
		}
		for _, n := range inv.Notifications {
			if n.Level == "error" {
				t.Errorf("Multitool: %s", n.Message.Text)
			}
		}
	}
	notes := map[string]int{}
	for _, r := range run.Results {
		level := r.Level
		if level == "" {
			level = "warning" // SARIF's default
		}
		msg := r.Message.Text
		if msg == "" {
			msg = strings.Join(r.Message.Arguments, "; ")
		}
		if level == "note" || level == "none" {
			if notes[r.RuleID] == 0 {
				t.Logf("note %s (first of its kind): %s", r.RuleID, msg)
			}
			notes[r.RuleID]++
			continue
		}
		t.Errorf("%s %s: %s", level, r.RuleID, msg)
	}
	// The validator's advice notes (SARIF2002: message ids) show it read
	// the results; none at all would mean it checked nothing.
	t.Logf("Multitool notes by rule: %v", notes)
	if len(notes) == 0 {
		t.Errorf("Multitool reported nothing at all: did it read the log?\n%s", out)
	}
}
