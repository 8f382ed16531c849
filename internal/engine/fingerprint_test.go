package engine_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/artlint/artlint/internal/engine"
	"github.com/artlint/artlint/internal/schemas"
	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/rules/typography"
)

const fpRecord = `{
  "id": "otan-sommet-chicago-2012",
  "lang": "fr",
  "title": "Les dirigeants des pays de l’OTAN rencontrent les partenaires à Chicago",
  "body": [
    "À Chicago, les pays membres de l’OTAN ont accueilli les dirigeants de treize pays partenaires.",
    "Attention! Les chefs d’État et de l'OTAN ont tenu une réunion sans précédent.",
    {"type": "citation", "text": "Nous avons en partage le même ensemble de valeurs."},
    "Le secrétaire général délégué a conclu la réunion."
  ]
}
`

// fingerprints lints content as one file and returns "rule first-three-words →
// fingerprint" for each finding.
func fingerprints(t *testing.T, content string) map[string]string {
	t.Helper()
	opts := engine.Options{
		Rules: []engine.Enabled{
			{Rule: engine.Schema, Level: rules.LevelError},
			{Rule: typography.Rule, Level: rules.LevelWarning},
		},
		Schemas: schemas.New(schemas.Options{Root: t.TempDir()}),
		Jobs:    1,
	}
	run := engine.Lint([]engine.Input{{Path: "otan.json", Content: []byte(content), Stdin: true}}, opts)
	out := map[string]string{}
	for _, f := range run.Findings {
		msg := f.Message
		if strings.HasPrefix(msg, "/") { // a schema message starts with the pointer
			_, msg, _ = strings.Cut(msg, ": ")
		}
		key := f.RuleID + " " + strings.Join(strings.Fields(msg)[:3], " ")
		for n := 2; out[key] != ""; n++ {
			key = strings.TrimRight(key, " #0123456789") + " #" + string(rune('0'+n))
		}
		out[key] = f.Fingerprint
	}
	return out
}

func keys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// TestFingerprintSurvivesEditsElsewhere: lines added above, another
// paragraph changed, a paragraph inserted above, and another finding of
// the same kind added elsewhere (which changes the counts in the
// apostrophe message) leave every fingerprint as it was.
func TestFingerprintSurvivesEditsElsewhere(t *testing.T) {
	before := fingerprints(t, fpRecord)
	if got := strings.Join(keys(before), "|"); got != "schema expected a block|typography missing narrow no-break|typography straight apostrophe in" {
		t.Fatalf("findings: %s", got)
	}
	edits := map[string]string{
		"lines added above":         strings.Replace(fpRecord, `  "lang": "fr",`, "  \"lang\": \"fr\",\n  \"published\": \"2012-05-20T18:00:00Z\",\n  \"url\": \"https://www.nato.int/cps/fr/natohq/news_87595.htm\",", 1),
		"other paragraph changed":   strings.Replace(fpRecord, "de treize pays partenaires.", "de treize pays partenaires du monde entier.", 1),
		"paragraph inserted above":  strings.Replace(fpRecord, `    "Attention!`, "    \"Le sommet s’est ouvert dimanche sous une pluie fine.\",\n    \"Attention!", 1),
		"same kind added elsewhere": strings.Replace(fpRecord, "a conclu la réunion.", "a conclu la réunion d'aujourd’hui.", 1),
	}
	for name, edited := range edits {
		after := fingerprints(t, edited)
		for k, fp := range before {
			if after[k] != fp {
				t.Errorf("%s: fingerprint of %q changed (%s → %s)", name, k, fp, after[k])
			}
		}
	}
}

// TestFingerprintFollowsTheFinding: a finding whose own word or value
// changes gets a new fingerprint.
func TestFingerprintFollowsTheFinding(t *testing.T) {
	before := fingerprints(t, fpRecord)
	for name, c := range map[string]struct{ old, new, key string }{
		"other word flagged":    {"Attention!", "Écoutez!", "typography missing narrow no-break"},
		"other apostrophe word": {"de l'OTAN", "de l'Alliance", "typography straight apostrophe in"},
	} {
		after := fingerprints(t, strings.Replace(fpRecord, c.old, c.new, 1))
		if after[c.key] == "" || after[c.key] == before[c.key] {
			t.Errorf("%s: fingerprint of %q did not change", name, c.key)
		}
	}
}

// TestFingerprintRepeats: identical findings in one value get distinct
// fingerprints.
func TestFingerprintRepeats(t *testing.T) {
	rec := strings.Replace(fpRecord, "a conclu la réunion.", "a conclu la réunion! Puis il est parti!", 1)
	opts := engine.Options{Rules: []engine.Enabled{{Rule: typography.Rule, Level: rules.LevelWarning}}, Schemas: schemas.New(schemas.Options{Root: t.TempDir()}), Jobs: 1}
	run := engine.Lint([]engine.Input{{Path: "otan.json", Content: []byte(rec), Stdin: true}}, opts)
	seen := map[string]bool{}
	for _, f := range run.Findings {
		if seen[f.Fingerprint] {
			t.Errorf("fingerprint %s twice", f.Fingerprint)
		}
		seen[f.Fingerprint] = true
	}
	if len(seen) != 4 {
		t.Errorf("%d findings, want 4 (three glued \"!\", one apostrophe)", len(seen))
	}
}
