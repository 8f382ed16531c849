package artlint_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/artlint/artlint"
	"github.com/artlint/artlint/internal/report/sariftest"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/cases from the current output")

// TestCases runs every testdata/cases/*.txtar archive. An archive is one
// case that reads as one file: its records, the command line ("args"),
// the exact standard output ("want"), optionally the exact standard error
// ("stderr") and the exit code ("exit", default 1 when want has findings).
// Each case is also run with --format sarif, and that SARIF must validate
// against the official SARIF 2.1.0 schema.
func TestCases(t *testing.T) {
	archives, err := filepath.Glob("testdata/cases/*.txtar")
	if err != nil || len(archives) == 0 {
		t.Fatalf("no cases found: %v", err)
	}
	for _, path := range archives {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			runCase(t, path)
		})
	}
}

func runCase(t *testing.T, path string) {
	path, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sections := map[string]string{}
	for _, f := range ar.Files {
		switch f.Name {
		case "args", "want", "stderr", "exit", "stdin":
			sections[f.Name] = string(f.Data)
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	args := strings.Fields(sections["args"])
	if len(args) == 0 {
		t.Fatal("case has no args section")
	}
	t.Chdir(dir)

	var stdout, stderr bytes.Buffer
	code := artlint.Run(args, strings.NewReader(sections["stdin"]), &stdout, &stderr)

	if *update {
		for i, f := range ar.Files {
			switch f.Name {
			case "want":
				ar.Files[i].Data = stdout.Bytes()
			case "stderr":
				ar.Files[i].Data = stderr.Bytes()
			case "exit":
				ar.Files[i].Data = []byte(strconv.Itoa(code) + "\n")
			}
		}
		if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}

	if got, want := stdout.String(), sections["want"]; got != want {
		t.Errorf("stdout differs\n--- got\n%s--- want\n%s", got, want)
	}
	if want, ok := sections["stderr"]; ok && stderr.String() != want {
		t.Errorf("stderr differs\n--- got\n%s--- want\n%s", stderr.String(), want)
	}
	wantCode := 0
	if s, ok := sections["exit"]; ok {
		wantCode, err = strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			t.Fatalf("exit section: %v", err)
		}
	}
	if code != wantCode {
		t.Errorf("exit code %d, want %d (stderr: %s)", code, wantCode, stderr.String())
	}

	// The same case as SARIF must be valid SARIF (usage errors write none).
	if args[0] == "lint" && !strings.Contains(stderr.String(), "Run \"artlint lint --help\"") {
		sarifArgs := append([]string{"lint", "--format", "sarif"}, withoutFormat(args[1:])...)
		var out bytes.Buffer
		artlint.Run(sarifArgs, strings.NewReader(sections["stdin"]), &out, &bytes.Buffer{})
		if err := sariftest.Validate(out.Bytes()); err != nil {
			t.Errorf("SARIF of this case is not valid SARIF 2.1.0:\n%v", err)
		}
	}
}

// withoutFormat drops --format/-f and --output/-o from args.
func withoutFormat(args []string) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--format" || a == "-f" || a == "--output" || a == "-o":
			i++
		case strings.HasPrefix(a, "--format=") || strings.HasPrefix(a, "--output="):
		default:
			out = append(out, a)
		}
	}
	return out
}
