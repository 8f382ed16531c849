package artlint_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/artlint/artlint"
	"github.com/artlint/artlint/internal/report/sariftest"
)

// A record with one error (a repeated member) and one warning (a blank
// paragraph).
const lisbonneRecord = `{
  "id": "otan-lisbonne-2010",
  "lang": "fr",
  "title": "Sommet de Lisbonne",
  "title": "Les Alliés adoptent un nouveau concept stratégique",
  "body": [
    "Réunis à Lisbonne le 19 novembre, les dirigeants des pays de l’OTAN ont adopté un nouveau concept stratégique.",
    "   "
  ]
}
`

func lintIn(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	code := artlint.Run(append([]string{"lint"}, args...), nil, &stdout, &stderr)
	return stdout.String(), stderr.String(), code
}

func recordDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(dir+"/lisbonne.json", []byte(lisbonneRecord), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestSeveralFormats: each FORMAT:FILE gets exactly what the format alone
// writes to standard output, and the bare format still goes to standard
// output.
func TestSeveralFormats(t *testing.T) {
	dir := recordDir(t)
	want := map[string]string{}
	for _, f := range []string{"text", "sarif", "junit", "github"} {
		out, _, code := lintIn(t, dir, "--format", f, "lisbonne.json")
		if code != 1 {
			t.Fatalf("--format %s: exit %d", f, code)
		}
		want[f] = out
	}
	out, stderr, code := lintIn(t, dir, "--format", "sarif:artlint.sarif", "-f", "junit:junit.xml", "--format", "text", "--format=github:gh.txt", "lisbonne.json")
	if code != 1 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if out != want["text"] {
		t.Errorf("stdout:\n%s\nwant the text report:\n%s", out, want["text"])
	}
	if !strings.Contains(out, "lisbonne.json:5:3: error: member \"title\" appears twice") {
		t.Errorf("text report lacks the duplicate key:\n%s", out)
	}
	for file, format := range map[string]string{"artlint.sarif": "sarif", "junit.xml": "junit", "gh.txt": "github"} {
		got, err := os.ReadFile(dir + "/" + file)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want[format] {
			t.Errorf("%s:\n%s\nwant:\n%s", file, got, want[format])
		}
	}

	// A report that cannot be written does not stop the others; exit 2.
	out, stderr, code = lintIn(t, dir, "--format", "text:absent/r.txt", "--format", "gitlab:gitlab.json", "lisbonne.json")
	if code != 2 || out != "" || !strings.HasPrefix(stderr, "artlint: writing the text report: ") {
		t.Errorf("unwritable file: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	if _, err := os.Stat(dir + "/gitlab.json"); err != nil {
		t.Errorf("the gitlab report was not written after the failed one: %v", err)
	}

	// -o still names the file of a single format; nothing on stdout.
	out, _, code = lintIn(t, dir, "--format", "sarif", "-o", "single.sarif", "lisbonne.json")
	if code != 1 || out != "" {
		t.Fatalf("-o: exit %d, stdout %q", code, out)
	}
	sarif, err := os.ReadFile(dir + "/single.sarif")
	if err != nil {
		t.Fatal(err)
	}
	if string(sarif) != want["sarif"] {
		t.Errorf("-o single.sarif differs from --format sarif")
	}
	if err := sariftest.Validate(sarif); err != nil {
		t.Error(err)
	}
}

func TestSeveralFormatsErrors(t *testing.T) {
	dir := recordDir(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "text", "--format", "json"}, `artlint lint: --format json: only one format can go to standard output; give the others a file (FORMAT:FILE)`},
		{[]string{"--format", "sarif:a.sarif", "-o", "b.txt"}, `artlint lint: -o b.txt: every --format names its own file; -o is for a format given without one`},
		{[]string{"--format", "xml:a.xml"}, `artlint lint: unknown format "xml" (want text, json, sarif, github, checkstyle, junit, gitlab, optionally followed by :FILE)`},
		{[]string{"--format", "sarif:"}, `artlint lint: --format sarif:: no file after the colon`},
		{[]string{"--format", "sarif:r.out", "--format", "json:r.out"}, `artlint lint: --format json:r.out: r.out is already the file of another format`},
		{[]string{"--format", "json", "-o", "r.out", "--format", "sarif:r.out"}, `artlint lint: --format sarif:r.out: r.out is already the file of another format`},
	} {
		out, stderr, code := lintIn(t, dir, append(tc.args, "lisbonne.json")...)
		if code != 2 || out != "" || stderr != tc.want+"\n" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q\nwant exit 2 and %s", tc.args, code, out, stderr, tc.want)
		}
		if es, _ := os.ReadDir(dir); len(es) != 1 {
			t.Errorf("%v: a usage error wrote files: %v", tc.args, es)
		}
	}
}
