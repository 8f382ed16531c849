package report

import "testing"

func TestPlainText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"# Titre\n\nTexte **gras**, *italique*, _souligné_ et `code`.", "Titre\n\nTexte gras, italique, souligné et code."},
		{"Voir [le guide](https://example.org/g) ou <https://example.org>.", "Voir le guide (https://example.org/g) ou https://example.org."},
		{"snake_case_name et 2 * 3 * 4 restent.", "snake_case_name et 2 * 3 * 4 restent."},
		{"Code ``a `b` c`` et `**pas gras**`.", "Code a `b` c et **pas gras**."},
		{"Avant\n\n\n\n```json\n{\"a\": 1}\n```\n\nAprès", "Avant\n\n    {\"a\": 1}\n\nAprès"},
		{"Un \\*astérisque\\* littéral.", "Un *astérisque* littéral."},
		{"- un\n- deux", "- un\n- deux"},
		{"backtick ` seul", "backtick ` seul"},
		{"Une phrase\ncoupée en deux.\n\n- un\n  suite\n- deux\n1. trois", "Une phrase coupée en deux.\n\n- un suite\n- deux\n1. trois"},
		{"Ligne dure  \nsuivante\n## Titre\nTexte", "Ligne dure\nsuivante\n\nTitre\n\nTexte"},
	} {
		if got := plainText(tc.in); got != tc.want {
			t.Errorf("plainText(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestCodeBlock(t *testing.T) {
	if got, want := codeBlock("a ``` b\n"), "````\na ``` b\n````"; got != want {
		t.Errorf("codeBlock = %q, want %q", got, want)
	}
}
