package artlint_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// rulesUnderTest keeps the tests to the rules whose findings they set up.
const rulesUnderTest = "typography,empty-text,unused-suppression"

// TestSuppressionsInSARIF: suppressed findings stay in SARIF with kind
// inSource and their justification, do not fail the run even when they are
// errors, and an unused suppression is a result at the suppression's own
// line and column.
func TestSuppressionsInSARIF(t *testing.T) {
	t.Chdir(t.TempDir())
	// /body/2 is an error (a block type the format does not know),
	// suppressed in place; /body/1's glued "!" is a typography warning,
	// suppressed for the whole record; the ignore on /title matches
	// nothing.
	write(t, "otan.json", `{
  "id": "otan-sommet-chicago-2012",
  "lang": "fr",
  "title": "Les dirigeants des pays de l’OTAN rencontrent les partenaires à Chicago",
  "body": [
    "À Chicago, les pays membres de l’OTAN ont accueilli les dirigeants de treize pays partenaires.",
    "Attention! Les chefs d’État et de gouvernement ont tenu une réunion sans précédent.",
    {"type": "citation", "text": "Nous avons en partage le même ensemble de valeurs.", "speaker": "Alexander Vershbow"}
  ],
  "x": {"artlint": {
    "disable": ["typography -- dépêche AFP reprise sans retouche"],
    "ignore": [
      {"rule": "schema", "pointer": "/body/2", "reason": "type maison, accepté par le CMS jusqu’à la migration"},
      {"rule": "empty-text", "pointer": "/title", "reason": "titre provisoire"}
    ]
  }}
}
`)
	// YAML: a comment silences the next line's findings.
	write(t, "conseil.yaml", `id: conseil-municipal-2024-03
lang: fr
title: Le conseil municipal adopte le budget 2024
body:
  # artlint-disable-next-line typography -- citation du procès-verbal, typographie d’origine
  - "Le maire a résumé l’enjeu : « Nous investissons sans augmenter les impôts. »"
  - "L’opposition s’est abstenue; le budget est adopté."
`)
	sarif, stderr, code := cli(t, "lint", "--format", "sarif", "--enable", rulesUnderTest, "otan.json", "conseil.yaml")
	if code != 0 {
		t.Errorf("exit %d, want 0: the error is suppressed, the rest are warnings (stderr: %s)", code, stderr)
	}
	var got []string
	for _, r := range sarifResults(t, sarif) {
		s := fmt.Sprintf("%s:%d:%d %s", r.Locations[0].PhysicalLocation.ArtifactLocation.URI, r.line(), r.Locations[0].PhysicalLocation.Region.StartColumn, r.RuleID)
		for _, sup := range r.Suppressions {
			s += " [" + sup.Kind + ": " + sup.Justification + "]"
		}
		if r.RuleID == "unused-suppression" {
			s += " " + r.Message.Text
		}
		got = append(got, s)
	}
	want := []string{
		"conseil.yaml:6:31 typography [inSource: citation du procès-verbal, typographie d’origine]",
		"conseil.yaml:6:35 typography [inSource: citation du procès-verbal, typographie d’origine]",
		"conseil.yaml:6:80 typography [inSource: citation du procès-verbal, typographie d’origine]",
		"conseil.yaml:7:33 typography",
		"otan.json:7:15 typography [inSource: dépêche AFP reprise sans retouche]",
		"otan.json:8:5 schema [inSource: type maison, accepté par le CMS jusqu’à la migration]",
		"otan.json:14:7 unused-suppression x.artlint.ignore: empty-text reports nothing at /title; remove the suppression",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("SARIF results:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// The text format hides the suppressed findings and counts them.
	out, _, _ := cli(t, "lint", "--enable", rulesUnderTest, "otan.json", "conseil.yaml")
	wantText := "conseil.yaml:7:33: warning: missing narrow no-break space before \";\" (typography)\n" +
		"otan.json:14:7: warning: x.artlint.ignore: empty-text reports nothing at /title; remove the suppression (unused-suppression)\n" +
		"2 problems (2 warnings) in 2 files, 5 suppressed\n"
	if out != wantText {
		t.Errorf("text:\n%swant:\n%s", out, wantText)
	}

	// Without the suppressions the error fails the run: the test above
	// passes because of them.
	if _, _, code := cli(t, "lint", "--disable", "typography", "conseil.yaml"); code != 0 {
		t.Errorf("conseil.yaml alone: exit %d", code)
	}
	write(t, "otan.json", strings.Replace(mustRead(t, "otan.json"), `"schema", "pointer": "/body/2"`, `"schema", "pointer": "/body/1"`, 1))
	if _, _, code := cli(t, "lint", "otan.json"); code != 1 {
		t.Errorf("suppression moved off the error: exit %d, want 1", code)
	}
}

// TestSuppressionCanSilenceItself: a record may disable unused-suppression
// too, for suppressions kept on purpose (a template's).
func TestSuppressionCanSilenceItself(t *testing.T) {
	t.Chdir(t.TempDir())
	write(t, "modele.yaml", `id: modele-depeche
lang: fr
title: Modèle de dépêche
body:
  - Texte de la dépêche.
x:
  artlint:
    disable:
      - typography -- les dépêches reprennent la typographie de l’agence
      - "unused-suppression -- modèle : la suppression sert aux dépêches qui en dérivent"
`)
	out, _, code := cli(t, "lint", "--fail-level", "warning", "modele.yaml")
	if code != 0 || out != "no problems in 1 file, 1 suppressed\n" {
		t.Errorf("exit %d, output %q", code, out)
	}
}

func mustRead(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
