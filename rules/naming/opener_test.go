package naming

import (
	"slices"
	"testing"
)

// TestOpenerAndAdjective: a word opening a sentence that carries accents a
// name lacks is another word ("Côté camerounais" / "la Côte d’Ivoire"),
// and an n added to a final a is a place's adjective ("South America" /
// "South American"); the slips these look like are still reported.
func TestOpenerAndAdjective(t *testing.T) {
	tests := []struct {
		name string
		lang string
		body []string
		want []item
	}{
		{
			name: "côté opening a sentence, Côte d’Ivoire later",
			lang: "fr",
			body: []string{
				"Côté camerounais, la déception était immense. Le sélectionneur, Marc Brys, a salué l’engagement de ses joueurs.",
				"Les autres qualifiés pour les quarts sont le Maroc, l’Algérie, l’Égypte, la Côte d’Ivoire et le Nigeria.",
			},
		},
		{
			name: "marché opening a sentence, a town named Marche",
			lang: "fr",
			body: []string{
				"Le conseil municipal de Marche-en-Famenne a voté le budget lundi soir.",
				"Marché couvert, piscine et voirie : les travaux commenceront au printemps à Marche.",
			},
		},
		{
			name: "a name stripped of its accents at a sentence start is still reported",
			lang: "fr",
			body: []string{
				"Le Marocain Brahim Díaz a inscrit le seul but du match, à la 62e minute.",
				"Diaz a ensuite cédé sa place à l’heure de jeu.",
			},
			want: []item{{msg: `"Diaz" differs from "Díaz" only by diacritics`, at: "Diaz", related: "Díaz"}},
		},
		{
			name: "accents added mid-sentence are still reported",
			lang: "fr",
			body: []string{
				"Le Marocain Brahim Diaz a inscrit le seul but du match, à la 62e minute.",
				"Son entraîneur a salué la performance de Brahim Díaz, remplacé à l’heure de jeu.",
			},
			want: []item{{msg: `"Díaz" differs from "Diaz" only by diacritics`, at: "Díaz", related: "Diaz"}},
		},
		{
			name: "South America and the South American countries",
			lang: "en",
			body: []string{
				"The four South American countries will cut tariffs on most industrial goods over fifteen years.",
				"Europe and South America have chosen partnership over protectionism, the Commission said.",
			},
		},
		{
			name: "Saudi Arabia and the Saudi Arabian delegation",
			lang: "en",
			body: []string{
				"The Saudi Arabian delegation arrived in Geneva on Monday.",
				"Saudi Arabia has pledged to cut its output by a million barrels a day.",
			},
		},
		{
			name: "an n dropped after another letter in a full name is still reported",
			lang: "en",
			body: []string{
				"NATO Secretary General Anders Fogh Rasmussen met the envoys in Brussels.",
				"Anders Fogh Rasmusse said talks would continue in June.",
			},
			want: []item{{msg: `"Rasmusse" is spelled "Rasmussen" earlier in this article`, at: "Rasmusse", related: "Rasmussen"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := lint(t, record(t, tt.lang, "Titre", tt.body))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestAdjectiveEnding(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"america", "american", true},
		{"arabian", "arabia", true},
		{"virginia", "virginian", true},
		{"rasmusse", "rasmussen", false}, // n after e: a letter dropped
		{"america", "americas", false},
		{"americo", "american", false},
	} {
		if got := adjectiveEnding([]rune(tt.a), []rune(tt.b)); got != tt.want {
			t.Errorf("adjectiveEnding(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
