package kb

// This file holds the only hand-written word lists of the search, so that
// tuning it means editing one place. The lists are returned by functions
// and turned into maps once per KB: nothing here is mutable state.

// stopWords returns the folded words of lang that carry no topic: function
// words, question words and chat politeness. They are dropped from queries
// and content alike. Negations are kept (the synonym table folds them into
// one word): "can't order" is a different question from "order".
func stopWords(lang string) string {
	if lang == "fr" {
		return `
a ai aie aient ais ait as au aucun aucune aupres aussi autre autres aux avais avait avant avec avez aviez avoir avons ayant
bah bien bon bonjour bonsoir c ca car ce ceci cela celle celles celui cependant certains ces cet cette ceux chaque chez ci comme comment
d dans de debut deja depuis des deux doit doivent dois donc dont du e elle elles en encore est et etaient etais etait etant ete etes etre eu eux
faire fais fait faites faut fois hello hors i il ils j je jusqu l la laquelle le lequel les lesquels leur leurs lorsqu lui m ma mais mal me meme mes
merci moi mon n ni nos notre nous on ont ou oui par parce peu peut peuvent peux plus plusieurs pour pourquoi pourrais pourrait pouvez pouvoir
pu puis puisqu puisque qu quand que quel quelle quelles quels qui quoi s sa salut sans se sera serait ses si sien soit son sont stp suis sur svp
t ta te tes toi ton tous tout toute toutes tres tu un une unes uns veux voici voila voudrais vos votre vous vraiment y
`
	}
	return `
a about above after again all also am an and any anybody anyone anything are as at be been before being both but by
can could d did do does doing done each either else even ever every for from
get gets getting got had has have having he hello her here hers hey hi him his how however i if im in into is it its itself ive
just know let like ll m ma may me might mine more most much must my myself need needs nor now of off ok okay on once only or other our ours
out please pls re really s said say says shall she should so some someone something still such t tell tells than thank thanks that the their theirs
them then there these they thing things this those thx through to told too tried try trying up us ve very via want wanted wants was way we were what whats
when where which while who whom whose why will with would yet you your yours
ask asked asking happen happened happens help
`
}

// synonymTable returns, for lang, canonical words with the folded words
// and phrases authors use for them. Content and queries both go through it,
// so the canonical word only has to be consistent, not pretty. Single-word
// variants also match their inflections (their stem is looked up too).
func synonymTable(lang string) map[string][]string {
	if lang == "fr" {
		return map[string][]string{
			"pas":         {"ne", "non", "jamais", "aucun", "aucune", "impossible"},
			"panier":      {"caddie", "caddy", "cart", "basket"},
			"exemplaire":  {"copie", "copies", "ex", "exemplaires"},
			"grise":       {"grisee", "grises", "grisees", "griser", "inactif", "inactive", "desactive", "desactivee", "inaccessible", "indisponible", "pas cliquable", "non cliquable"},
			"option":      {"bouton", "lien", "button", "link", "mode", "modes", "moyen", "moyens", "methode"},
			"acheter":     {"achat", "achats", "acquerir"},
			"afficher":    {"montrer", "indiquer", "indique", "affiche"},
			"modifier":    {"changer", "corriger", "ajuster", "rectifier", "editer"},
			"livraison":   {"livraisons", "arriver", "arrive", "arrivee", "arrivent", "delai de livraison"},
			"expedition":  {"expeditions", "expedier", "envoi", "envois", "frais de port", "port", "shipping"},
			"cout":        {"couts", "prix", "tarif", "tarifs", "cher", "coute", "couter"},
			"epreuve":     {"epreuves", "proof", "proofs", "bat", "bon a tirer"},
			"precommande": {"pre commande", "pre commandes", "precommandes", "precommander", "pre commander", "preorder", "pre order", "preco", "precos"},
			"livre":       {"bouquin", "bouquins"},
			"ebook":       {"e book", "livre numerique", "livre electronique", "livres numeriques", "livres electroniques"},
			"broche":      {"livre broche", "couverture souple", "paperback"},
			"relie":       {"livre relie", "couverture rigide", "hardcover", "hardback"},
			"defaut":      {"defauts", "defectueux", "defectueuse", "mal imprime", "erreur d impression", "defaut d impression", "misprint"},
			"endommage":   {"endommages", "endommagee", "abime", "abimes", "abimee", "casse", "dechire", "dechiree"},
			"unecommande": {"d un coup", "en une fois", "en une seule fois", "une seule commande", "en une commande", "par commande"},
			"quantite":    {"quantites", "combien d exemplaires", "nombre d exemplaires"},
			"revendre":    {"revente", "vendre", "resell", "resale"},
			"suivi":       {"suivre", "tracking", "track"},
		}
	}
	return map[string][]string{
		"not":       {"no", "never", "cannot", "cant", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "wont", "couldnt", "wouldnt", "shouldnt", "havent", "hasnt", "unable", "don", "doesn", "didn", "isn", "aren", "wasn", "weren", "won", "couldn", "wouldn", "shouldn", "haven", "hasn", "hadn"},
		"cart":      {"basket", "trolley", "shopping cart", "shopping basket", "panier"},
		"copies":    {"copy", "exemplaires"},
		"grey":      {"greyed", "grayed", "gray", "greyed out", "grayed out", "disabled", "unclickable", "inactive", "not clickable"},
		"option":    {"button", "link", "options", "buttons", "links", "method", "methods", "choice", "choices"},
		"buy":       {"purchase", "purchased", "purchasing", "bought"},
		"start":     {"begin", "begins", "beginning", "starts"},
		"show":      {"display", "displays", "displayed", "shown"},
		"change":    {"modify", "edit", "adjust", "alter", "amend"},
		"delivery":  {"deliver", "delivered", "deliveries", "arrive", "arrival", "arrived", "arriving", "livraison"},
		"shipping":  {"ship", "shipped", "shipment", "postage", "expedited", "courier"},
		"cost":      {"price", "prices", "pricing", "costs", "expensive", "cheap", "fee", "fees"},
		"preorder":  {"pre order", "pre orders", "preorders", "pre ordering", "preordering"},
		"ebook":     {"e book", "e books", "ebooks", "kindle ebook", "kindle book"},
		"paperback": {"paper back", "softcover", "soft cover", "paperbacks"},
		"hardcover": {"hard cover", "hardback", "hardbacks", "hardcovers"},
		"defect":    {"defective", "defects", "misprint", "misprinted", "misprints", "faulty", "flawed", "flaw", "flaws", "printing error", "printing errors"},
		"damaged":   {"damage", "torn", "crushed", "dented", "bent"},
		"oneorder":  {"at once", "in one order", "one order", "single order", "in one go", "per order"},
		"quantity":  {"quantities", "qty", "how many", "number of copies"},
		"resell":    {"resale", "reselling", "sell"},
		"track":     {"tracking", "where is my order"},
		"checkout":  {"check out"},
		"calculate": {"work out", "calculated", "calculation", "figure out"},
		// Selling copies at a market is on topic; marketing a book is not.
		"marketing": {"market my book", "market my books", "market a book", "market the book", "market your book", "book marketing"},
	}
}

// neighbourWords returns folded words of the subjects next to this
// knowledge base that it does not cover: writing, formatting, cover design,
// marketing, eBook royalties and Kindle Unlimited, audiobooks, devices, and
// everyday chat. They are real words, not typos, so the corrector must not
// turn them into the content word one letter away ("font" into "front");
// left as they are, they count against the confidence like any word the
// content does not have.
func neighbourWords(lang string) string {
	if lang == "fr" {
		return `
ecrire ecriture ecrivain roman romans nouvelle poesie poeme manuscrit chapitre intrigue personnage personnages redaction correcteur relecture
police polices typographie mise maquette calibre word epub mobi
graphiste illustrateur canva photoshop logiciel quatrieme resume titre
publicite pub pubs marketing promotion promouvoir reseaux instagram facebook tiktok abonnes lecteurs avis critiques critique note notes newsletter
redevance pourcentage taux unlimited kenp abonnement
audio audible acx narrateur narration podcast
liseuse kindle batterie ecran allume charge chargeur tablette
meteo temps pluie recette recettes gateau cuisine capitale football match blague film musique voyage
`
	}
	return `
write writing writer novel novels novella poem poems poetry chapter plot character characters manuscript draft editing editor proofreading proofread
font fonts typeface typesetting formatting format word epub mobi vellum atticus
designer illustrator canva photoshop software blurb synopsis title subtitle
ads ad advertising advertise marketing promote promotion social instagram facebook tiktok followers readers reviews reviewer newsletter bestseller
royalty percentage rate unlimited kenp subscription
audiobook audiobooks audible acx narrator narration podcast
paperwhite device battery screen charger tablet app
weather forecast rain recipe recipes cake bread cooking capital football match joke movie music travel
`
}

// copyUnits returns the words that count copies in lang: a number before
// one of them ("50 copies", "20 exemplaires") states a quantity.
func copyUnits(lang string) string {
	if lang == "fr" {
		return "exemplaires copies livres epreuves unites"
	}
	return "copies books proofs units paperbacks hardcovers"
}

// offTopicCues returns, for lang, the signs that a question is about a
// neighbouring subject even though it uses words the content has: royalty
// rates and payouts (the content only says author copies earn none), the
// Kindle device, KDP Select and page reads, A+ content, keywords and
// categories, the weather. Each cue is one line of groups separated by
// "|"; it is present when the query has a word of every group. A group
// word may be a phrase, its words joined by "_".
func offTopicCues(lang string) string {
	if lang == "fr" {
		return `
redevance redevances royalties | taux pourcentage 35 70 verse versee versees versement versements paye payee payees paiement paiements mois mensuel minimum
liseuse
kindle | allume allumer ecran batterie synchronise synchroniser synchronisation bloque plante bug
kdp_select kindle_unlimited pages_lues kenp
mots_cles categorie categories
quel_temps_fait quel_temps_fera quel_temps_fait_il meteo
page_blanche | syndrome angoisse vaincre
ebook livre_numerique | bloque qualite
mise_en_page fond_perdu canva modele_de_couverture epub docx mobi kpf
ebook livre_numerique | prix cout
`
	}
	return `
royalty royalties | rate rates paid pay pays payout payouts payment payments percent percentage 35 70 minimum monthly month
kindle | sync syncing turn freeze freezing frozen screen battery charge device paperwhite reader app crash crashes
kdp_select kindle_unlimited page_reads kenp ku
a_content author_central product_page
keywords categories category
weather forecast
writer_s_block epub docx mobi kpf
ebook | cost price prices pricing
best_time
`
}
