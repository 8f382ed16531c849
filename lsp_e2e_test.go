package artlint_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

type e2eStep struct {
	Step        string `json:"step"`
	Message     string `json:"message"`
	Encoding    string `json:"encoding"`
	Line        string `json:"line"`
	Applied     string `json:"applied"`
	Titles      []string
	Diagnostics []struct {
		Code     string `json:"code"`
		Message  string `json:"message"`
		Source   string `json:"source"`
		Severity int    `json:"severity"`
		Range    struct {
			Start struct{ Line, Character int } `json:"start"`
			End   struct{ Line, Character int } `json:"end"`
		} `json:"range"`
		RelatedInformation []struct {
			Message  string `json:"message"`
			Location struct {
				Range struct {
					Start struct{ Line, Character int } `json:"start"`
				} `json:"range"`
			} `json:"location"`
		} `json:"relatedInformation"`
	} `json:"diagnostics"`
}

// TestNeovimEndToEnd runs `artlint lsp` under Neovim's own LSP client
// (testdata/lsp/nvim-e2e.lua): a stated-count error is shown at its place,
// disappears when the buffer is edited to fix the count, and the
// typography quick fix changes the buffer. Neovim comes from .ci/run
// (Debian's neovim package); without it the test is skipped, except in CI.
func TestNeovimEndToEnd(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("nvim is not installed; .ci/run installs Debian's neovim package")
		}
		t.Skip("nvim is not installed (apt-get install neovim)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "artlint")
	build := exec.Command("go", "build", "-o", bin, "./cmd/artlint")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	src, err := os.ReadFile("testdata/lsp/seed-douze.fr.json")
	if err != nil {
		t.Fatal(err)
	}
	record := filepath.Join(dir, "seed-douze.fr.json")
	if err := os.WriteFile(record, src, 0o644); err != nil {
		t.Fatal(err)
	}
	script, err := filepath.Abs("testdata/lsp/nvim-e2e.lua")
	if err != nil {
		t.Fatal(err)
	}
	outPath := filepath.Join(dir, "steps.jsonl")

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile "+script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "ARTLINT_BIN="+bin, "ARTLINT_RECORD="+record, "ARTLINT_OUT="+outPath, "HOME="+dir, "XDG_STATE_HOME="+dir, "XDG_DATA_HOME="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("nvim: %v\n%s", err, out)
	}

	f, err := os.Open(outPath)
	if err != nil {
		t.Fatalf("the script wrote nothing: %v\nnvim said: %s", err, out)
	}
	defer f.Close()
	steps := map[string]e2eStep{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var s e2eStep
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatalf("bad line %q: %v", sc.Text(), err)
		}
		if s.Step == "error" {
			t.Fatalf("the Lua script failed: %s", s.Message)
		}
		steps[s.Step] = s
	}

	// 1. On open: one stated-count error on "douze" (line 12 of the file,
	// 0-based 11), in the encoding the client negotiated.
	open := steps["open"]
	lines := strings.Split(string(src), "\n")
	before, _, ok := strings.Cut(lines[11], "douze")
	if !ok {
		t.Fatal(`line 12 of the record has no "douze"`)
	}
	var startChar, endChar int
	switch open.Encoding {
	case "utf-16":
		startChar = len(utf16.Encode([]rune(before)))
		if startChar != 104 {
			t.Fatalf("test data: douze at UTF-16 %d, want 104", startChar)
		}
	case "utf-8":
		startChar = len(before)
	case "utf-32":
		startChar = len([]rune(before))
	default:
		t.Fatalf("unknown negotiated encoding %q", open.Encoding)
	}
	endChar = startChar + len("douze")
	var counts []int
	for i, d := range open.Diagnostics {
		if d.Code == "stated-count" {
			counts = append(counts, i)
		}
	}
	if len(counts) != 1 {
		t.Fatalf("open: %d stated-count diagnostics, want 1: %+v", len(counts), open.Diagnostics)
	}
	d := open.Diagnostics[counts[0]]
	if d.Range.Start.Line != 11 || d.Range.Start.Character != startChar || d.Range.End.Line != 11 || d.Range.End.Character != endChar {
		t.Errorf("stated-count range = %+v, want 11:%d-11:%d (%s)", d.Range, startChar, endChar, open.Encoding)
	}
	if d.Message != "states 12 (« douze ») countries but lists 13" || d.Source != "artlint" || d.Severity != 1 {
		t.Errorf("stated-count diagnostic = %+v", d)
	}
	if len(d.RelatedInformation) != 1 || d.RelatedInformation[0].Message != "the list of 13 countries" || d.RelatedInformation[0].Location.Range.Start.Line != 19 {
		t.Errorf("related information = %+v, want the list on line 19", d.RelatedInformation)
	}

	// 2. After "douze" became "treize" in the buffer: no stated-count, the
	// typography warnings unchanged.
	edited, ok := steps["edited"]
	if !ok {
		t.Fatal("no step after the edit")
	}
	typo := func(s e2eStep) (n int) {
		for _, d := range s.Diagnostics {
			if d.Code == "typography" {
				n++
			}
		}
		return n
	}
	for _, d := range edited.Diagnostics {
		if d.Code == "stated-count" {
			t.Errorf("after the fix of the count: still %+v", d)
		}
	}
	if typo(edited) != typo(open) || typo(open) == 0 {
		t.Errorf("typography diagnostics: %d after the edit, %d before", typo(edited), typo(open))
	}

	// 3. The quick fix replaced the first straight apostrophe of line 14.
	fixed, ok := steps["fixed"]
	if !ok {
		t.Fatal("no step after the quick fix")
	}
	if fixed.Applied != "replace with ’" {
		t.Errorf("applied %q (offered %q), want the typography fix", fixed.Applied, fixed.Titles)
	}
	wantLine := strings.Replace(lines[13], "qu'a l'OTAN", "qu’a l'OTAN", 1)
	if fixed.Line != wantLine || wantLine == lines[13] {
		t.Errorf("line 14 after the fix:\n%s\nwant:\n%s", fixed.Line, wantLine)
	}
	if typo(fixed) != typo(edited)-1 {
		t.Errorf("typography diagnostics after the fix: %d, want %d", typo(fixed), typo(edited)-1)
	}
	if _, ok := steps["stopped"]; !ok {
		t.Error("the server did not stop when the client asked")
	}
}
