package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/artlint/artlint"
	"github.com/artlint/artlint/rules"
)

// TestCustomRule runs the custom binary's CLI: the registered rule reports
// beside the built-in ones, and is listed and explained like them.
func TestCustomRule(t *testing.T) {
	rules.Register(Byline)
	dir := t.TempDir()
	signed := `{"id": "signe", "lang": "fr", "title": "Sommet de Chicago", "body": ["Les Alliés se sont réunis."], "x": {"byline": "Service de presse"}}`
	unsigned := "{\n  \"id\": \"anonyme\",\n  \"lang\": \"fr\",\n  \"title\": \"Sommet de Lisbonne\",\n  \"body\": [\"Les Alliés se sont réunis.\"]\n}\n"
	for name, content := range map[string]string{"signe.json": signed, "anonyme.json": unsigned} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)

	var out, errOut bytes.Buffer
	code := artlint.Run([]string{"lint", "--enable", "byline", "."}, nil, &out, &errOut)
	want := "anonyme.json:4:12: error: article has no byline: add x.byline with the author's name (byline)\n1 problem (1 error) in 2 files\n"
	if out.String() != want || code != artlint.ExitFindings {
		t.Errorf("got exit %d and\n%s\nwant exit 1 and\n%s\nstderr: %s", code, out.String(), want, errOut.String())
	}

	out.Reset()
	artlint.Run([]string{"rules"}, nil, &out, &errOut)
	if !strings.Contains(out.String(), "byline ") {
		t.Errorf("artlint rules does not list the custom rule:\n%s", out.String())
	}
	out.Reset()
	if code := artlint.Run([]string{"rules", "byline"}, nil, &out, &errOut); code != 0 || !strings.Contains(out.String(), "x.byline") {
		t.Errorf("artlint rules byline: exit %d\n%s", code, out.String())
	}
}
