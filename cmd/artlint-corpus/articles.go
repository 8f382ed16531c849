package main

import "strings"

// Articles the generator mixes with the seed records. They are written for
// artlint in the manner of institutional news pages, with the typography a
// careful desk would use: ’ apostrophes, « » with no-break spaces and a
// narrow no-break space before ; ! ? in French, “ ” in English. NAME marks
// where the article's main speaker is named (the generator picks the
// person), so that names vary while staying consistent inside a record.

const (
	nbsp  = "\u00a0"
	nnbsp = "\u202f"
)

type article struct {
	slug      string
	lang      string
	title     string
	summary   string
	role      string
	body      []block
	footnotes []footnote
}

var builtinArticles = []article{
	{
		slug:    "conseil-ministres-energie",
		lang:    "fr",
		title:   "Les ministres de l’Énergie s’accordent sur le stockage de l’électricité",
		summary: "Réunis à Bruxelles, les ministres ont adopté une feuille de route commune pour le stockage et les interconnexions.",
		role:    "commissaire à l’Énergie",
		body: []block{
			{Text: "Les ministres de l’Énergie des vingt-sept États membres se sont retrouvés jeudi à Bruxelles pour une réunion consacrée au stockage de l’électricité et aux interconnexions entre réseaux nationaux."},
			{Text: "« Nous ne pouvons plus attendre" + nbsp + "; chaque hiver nous rappelle que nos réseaux sont trop peu reliés," + nbsp + "» a déclaré NAME à l’issue de la réunion."},
			{Type: "heading", Text: "Une feuille de route en trois étapes"},
			{Text: "La feuille de route adoptée prévoit trois étapes" + nbsp + ": un inventaire des capacités existantes d’ici à la fin de l’année, un appel à projets commun au printemps, puis le financement des premiers sites de stockage."},
			{Type: "list", Items: []string{"l’inventaire des capacités existantes", "l’appel à projets commun", "le financement des premiers sites"}},
			{Text: "Plusieurs délégations ont toutefois demandé des garanties sur le partage des coûts entre pays producteurs et pays consommateurs¹."},
			{Type: "quote", Text: "Le stockage n’est pas un luxe" + nbsp + ": c’est la condition d’un réseau qui tient lorsque le vent tombe.", Speaker: "NAME"},
			{Text: "Selon NAME, les premiers financements pourraient être accordés avant l’été prochain, sous réserve de l’accord du Parlement européen."},
			{Text: "Les organisations de consommateurs ont salué un texte «" + nbsp + "pragmatique" + nbsp + "», tout en regrettant l’absence d’objectif chiffré pour les ménages les plus modestes."},
			{Type: "caption", Text: "Les ministres réunis à Bruxelles"},
			{Text: "La prochaine réunion du Conseil se tiendra en décembre à Luxembourg, où un premier bilan de l’inventaire sera présenté."},
		},
		footnotes: []footnote{{ID: "1", Text: "Le partage des coûts fera l’objet d’une communication distincte de la Commission."}},
	},
	{
		slug:    "crues-vallee-rhone",
		lang:    "fr",
		title:   "Crues dans la vallée du Rhône" + nbsp + ": les secours mobilisés toute la nuit",
		summary: "Plus de deux cents pompiers sont intervenus après des pluies exceptionnelles sur la Drôme et l’Ardèche.",
		role:    "préfète de la Drôme",
		body: []block{
			{Text: "Plus de deux cents pompiers ont été mobilisés dans la nuit de samedi à dimanche après des pluies d’une intensité exceptionnelle sur la Drôme et l’Ardèche."},
			{Text: "« La situation reste préoccupante dans les communes riveraines, mais aucune victime n’est à déplorer à cette heure," + nbsp + "» a indiqué NAME lors d’un point de presse à Valence."},
			{Text: "Trois communes ont été particulièrement touchées" + nbsp + ": Livron-sur-Drôme, Loriol-sur-Drôme et Le Pouzin, où plusieurs dizaines d’habitations ont été évacuées."},
			{Type: "list", Items: []string{"Livron-sur-Drôme", "Loriol-sur-Drôme", "Le Pouzin"}},
			{Type: "heading", Text: "Des routes coupées"},
			{Text: "Une quinzaine de routes départementales restaient coupées dimanche matin, et la circulation des trains a été interrompue entre Valence et Montélimar¹."},
			{Text: "Météo-France a maintenu la vigilance orange pour les crues jusqu’à lundi midi" + nbsp + "; de nouvelles averses sont attendues en fin de journée."},
			{Type: "quote", Text: "Nous demandons aux habitants de ne pas s’approcher des berges et de ne pas prendre la route sans nécessité.", Speaker: "NAME"},
			{Text: "Un centre d’hébergement d’urgence a été ouvert au gymnase de Loriol, où une centaine de personnes ont passé la nuit."},
			{Text: "Les maires des communes sinistrées ont demandé la reconnaissance de l’état de catastrophe naturelle, que NAME s’est engagée à instruire «" + nbsp + "dans les meilleurs délais" + nbsp + "»."},
		},
		footnotes: []footnote{{ID: "1", Text: "SNCF Réseau prévoit une reprise progressive du trafic à partir de mardi."}},
	},
	{
		slug:    "harbour-bridge-reopens",
		lang:    "en",
		title:   "Harbour bridge reopens after eighteen months of repairs",
		summary: "The city’s main crossing reopened to traffic on Monday, two months ahead of schedule and within its budget.",
		role:    "transport commissioner",
		body: []block{
			{Text: "The harbour bridge reopened to traffic on Monday morning after eighteen months of repairs, two months ahead of schedule and within its budget of 214 million dollars."},
			{Text: "“We promised the city a safer bridge and we are delivering it early,” said NAME, who cut the ribbon at the northern approach shortly after seven o’clock."},
			{Type: "heading", Text: "What changed"},
			{Text: "Engineers replaced four elements of the structure: the deck joints, the main cables’ protective wrapping, the lighting and the pedestrian railings.¹"},
			{Type: "list", Items: []string{"the deck joints", "the protective wrapping of the main cables", "the lighting", "the pedestrian railings"}},
			{Text: "Commuters who had spent a year and a half on detours welcomed the news, although some said the new cycle lane was narrower than promised."},
			{Type: "quote", Text: "Every joint on this bridge has been inspected, repaired or replaced, and it will carry traffic safely for the next fifty years.", Speaker: "NAME"},
			{Text: "The ferry service that ran during the works will continue until the end of the month, NAME said, to give businesses on both shores time to adjust."},
			{Type: "caption", Text: "The first cars cross the reopened bridge on Monday"},
			{Text: "The council will publish the final cost of the works, including the ferry service, in its annual report next spring."},
		},
		footnotes: []footnote{{ID: "1", Text: "The original 1962 railings are kept at the city museum."}},
	},
	{
		slug:    "university-research-funding",
		lang:    "en",
		title:   "Universities win new funding for climate research",
		summary: "Five universities will share a research grant over the next four years to study coastal flooding.",
		role:    "science minister",
		body: []block{
			{Text: "Five universities will share a new four-year grant to study coastal flooding and the protection of low-lying towns, the government announced on Thursday."},
			{Text: "“Our coastline is changing faster than our maps, and we need the best researchers in the country to tell us how to protect it,” said NAME at the launch in Bristol."},
			{Text: "The grant will fund three programmes: a network of tide and erosion sensors, a shared computer model of the coast, and a study of how towns have adapted in the past.¹"},
			{Type: "list", Items: []string{"a network of tide and erosion sensors", "a shared computer model of the coast", "a study of past adaptation"}},
			{Type: "heading", Text: "A shared model"},
			{Text: "Researchers said the shared model was the most important part of the plan, because each university has until now relied on its own data and methods."},
			{Type: "quote", Text: "For the first time, a planner in one town and a researcher in another will be looking at the same numbers.", Speaker: "NAME"},
			{Text: "Opposition members welcomed the announcement but asked why the grant covered only four years, when coastal defences are planned over decades."},
			{Text: "NAME said a review after three years would decide whether the programmes should continue, and that local councils would be consulted before then."},
		},
		footnotes: []footnote{{ID: "1", Text: "The sensor network builds on a pilot run in Norfolk since 2019."}},
	},
}

// speakers are the people NAME becomes, by language (each with a word of
// six letters or more, which misspell needs); the seed's own
// speaker is replaced from the same pools.
var speakers = map[string][]string{
	"fr": {"Anders Fogh Rasmussen", "Catherine Vautrin", "Élisabeth Borne", "Margrethe Vestager", "Thierry Breton", "Sophie Wilmès", "Kadri Simson"},
	"en": {"Anders Fogh Rasmussen", "Jacinda Ardern", "Michael Gove", "Pete Buttigieg", "Anne Hidalgo", "Rachel Reeves", "Mark Carney", "Grant Shapps"},
}

// misspell gives a plausible typing error in a name's longest word, the
// defect consistent-naming is there to catch: a doubled letter dropped
// when the word stays at least six letters long, else an inner letter
// doubled; never at the first two letters or the last, where the rule
// asks for more evidence.
func misspell(name string) string {
	words := strings.Fields(name)
	k := 0
	for i, w := range words {
		if len([]rune(w)) > len([]rune(words[k])) {
			k = i
		}
	}
	r := []rune(words[k])
	words[k] = string(r) // unchanged if no position qualifies
	if len(r) >= 7 {
		for i := 2; i+2 < len(r); i++ {
			if r[i] == r[i+1] {
				words[k] = string(r[:i]) + string(r[i+1:]) // Rasmussen → Rasmusen
				return strings.Join(words, " ")
			}
		}
	}
	for i := 2; i+1 < len(r)-1; i++ {
		if r[i] != r[i-1] && r[i] != r[i+1] {
			words[k] = string(r[:i+1]) + string(r[i:]) // Shapps → Shaapps
			break
		}
	}
	return strings.Join(words, " ")
}
