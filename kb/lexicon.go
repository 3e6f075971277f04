package kb

// This file and lexicon_<lang>.go hold the only hand-written word lists of
// the search and of DetectLang, one lexicon per language, so that tuning
// them means editing one place per language. The lists are returned by
// functions and turned into maps once per KB (once per process for
// DetectLang): nothing here is mutable state.

// lexicon is the hand-written word lists of one language. Words may be
// written with their accents: every list is read through fold.
type lexicon struct {
	// stop: see stopWords.
	stop string
	// synonyms: see synonymTable.
	synonyms map[string][]string
	// neighbours: see neighbourWords.
	neighbours string
	// units: see copyUnits.
	units string
	// quantity is the canonical word, in synonyms, for a stated quantity.
	quantity string
	// steps are the folded words and phrases, separated by "|", that ask
	// for a procedure step by step ("step by step", "stap voor stap").
	steps string
	// months: see monthWords.
	months string
	// cues: see offTopicCues.
	cues string
	// markers are words of the language that authors use in questions
	// about this domain and in chat, with their accents: DetectLang
	// reads them, with the stop words, as words of the language.
	markers string
	// frequent are the language's most frequent words, a subset of stop
	// and markers: DetectLang gives them more weight than other words
	// of the lexicon, since they are much more likely in a question ("o"
	// is Portuguese more often than Spanish).
	frequent string
	// spelling is everyday words of the language, with their accents,
	// from which DetectLang learns how it spells, with the words of
	// every other list.
	spelling string
}

// lexiconOf returns the lexicon of lang, English for a language without
// one.
func lexiconOf(lang string) lexicon {
	switch lang {
	case "fr":
		return frenchLexicon()
	case "de":
		return germanLexicon()
	case "es":
		return spanishLexicon()
	case "it":
		return italianLexicon()
	case "pt":
		return portugueseLexicon()
	case "nl":
		return dutchLexicon()
	}
	return englishLexicon()
}

// stopWords returns the folded words of lang that carry no topic: function
// words, question words and chat politeness. They are dropped from queries
// and content alike. Negations are kept (the synonym table folds them into
// one word): "can't order" is a different question from "order".
func stopWords(lang string) string { return lexiconOf(lang).stop }

// synonymTable returns, for lang, canonical words with the folded words
// and phrases authors use for them. Content and queries both go through it,
// so the canonical word only has to be consistent, not pretty. Single-word
// variants also match their inflections (their stem is looked up too).
func synonymTable(lang string) map[string][]string { return lexiconOf(lang).synonyms }

// neighbourWords returns folded words of the subjects next to this
// knowledge base that it does not cover: writing, formatting, cover design,
// marketing, eBook royalties and Kindle Unlimited, audiobooks, devices, and
// everyday chat. They are real words, not typos, so the corrector must not
// turn them into the content word one letter away ("font" into "front");
// left as they are, they count against the confidence like any word the
// content does not have.
func neighbourWords(lang string) string { return lexiconOf(lang).neighbours }

// copyUnits returns the words that count copies in lang: a number before
// one of them ("50 copies", "20 exemplaires") states a quantity.
func copyUnits(lang string) string { return lexiconOf(lang).units }

// monthWords returns the names of the months in lang, as authors write
// them, abbreviations too: a date in a question ("ordered on November
// 2nd", "el 4 de noviembre") is a detail of the author's case, dropped
// with its day (see dropDates). English leaves out "may", a verb far more
// often.
func monthWords(lang string) string { return lexiconOf(lang).months }

// quantityWord returns the canonical word of lang for a stated quantity.
func quantityWord(lang string) string { return lexiconOf(lang).quantity }

// offTopicCues returns, for lang, the signs that a question is about a
// neighbouring subject even though it uses words the content has: royalty
// rates and payouts (the content only says author copies earn none), the
// Kindle device, KDP Select and page reads, A+ content, keywords and
// categories, the weather. Each cue is one line of groups separated by
// "|"; it is present when the query has a word of every group. A group
// word may be a phrase, its words joined by "_".
func offTopicCues(lang string) string { return lexiconOf(lang).cues }

// neutralWords returns the folded names and loanwords authors use in
// every language of the knowledge base: they say nothing of the language
// a question is in ("Hardcover Preis", "prijs hardcover").
func neutralWords() string {
	return `
kdp amazon isbn asin kindle select unlimited kenp ok okay pdf epub docx kpf url www http https
ebook ebooks paperback paperbacks hardcover hardcovers cover checkout tracking marketplace royalties royalty preorder
ingramspark ingram
uk usa eu eur usd gbp cad aud jpy
`
}

// borrowedWords returns the English words of this domain that authors
// of every language mix into their own ("Kosten author copies", "proof
// bestellen", "cover ondulata"): English, but a weak sign of it, so that
// the words of the author's own language decide (see borrowedWordLL).
// Each language's synonyms join them to its own words.
func borrowedWords() string {
	return `author authors copy copies proof proofs cart shipping`
}

// foreignWords returns common words of languages the knowledge base does
// not have, that are not words of one it has: Polish, Czech, Swedish,
// Danish, Norwegian, Turkish, Indonesian, Hungarian, Finnish and Romanian
// questions then read as none of its languages instead of the closest.
func foreignWords() string {
	return `
jest nie się jak czy mój moja moje mojej gdzie kiedy dla który która przez są był też już tylko bardzo może mam mnie jestem chcę
proszę dziękuję koszyk pusty pusta zamówienie zamówić zamowienie egzemplarze egzemplarzy autorskie książki książka kosztuje
wysyłka dlaczego czemu nic otrzymałem
není kde můj moje košík prázdný objednávka objednat knihy proč kolik stojí prosím děkuji jsem mám taky doprava
är och jag inte mitt mina varför hur vad kundvagn varukorg varukorgen beställning beställa böcker kostar frakt tack hej
ikke jeg hvordan hvor hvad hva kurv handlekurv indkøbskurv bestilling bestille bøger bøker takk hvorfor koster
ve bir bu nasıl neden sepet sepetim boş sipariş kitap kitaplar kaç fiyatı teşekkürler merhaba değil yok
saya tidak bagaimana keranjang kosong pesanan buku berapa harga terima kasih apa ini itu yang ada
az és nem hogy miért kosár üres rendelés könyv könyvek mennyi köszönöm
miten miksi ostoskori tyhjä tilaus kirja kirjat paljonko kiitos
și coșul comandă cărți cât costă mulțumesc
`
}

func englishLexicon() lexicon {
	return lexicon{
		stop: `
a about above after again all also am an and any anybody anyone anything are as at be been before being both but by
can could d did do does doing done each either else even ever every for from
get gets getting got had has have having he hello her here hers hey hi him his how however i if im in into is it its itself ive
just know let like ll m ma may me might mine more most much must my myself need needs nor now of off ok okay on once only or other our ours
out own please pls re really s said say says shall she should so some someone something still such t tell tells than thank thanks that the their theirs
them then there these they thing things this those thx through to told too tried try trying up us ve very via want wanted wants was way we were what whats
when where which while who whom whose why will with would yet you your yours
ask asked asking happen happened happens help
`,
		months: `january february march april june july august september october november december jan feb apr jun jul aug sept oct nov dec`,
		synonyms: map[string][]string{
			"not":       {"no", "never", "cannot", "cant", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "wont", "couldnt", "wouldnt", "shouldnt", "havent", "hasnt", "unable", "don", "doesn", "didn", "isn", "aren", "wasn", "weren", "won", "couldn", "wouldn", "shouldn", "haven", "hasn", "hadn"},
			"cart":      {"basket", "trolley", "shopping cart", "shopping basket", "panier"},
			"copies":    {"copy", "exemplaires"},
			"grey":      {"greyed", "grayed", "gray", "greyed out", "grayed out", "disabled", "unclickable", "inactive", "not clickable"},
			"option":    {"button", "link", "options", "buttons", "links", "method", "methods", "choice", "choices"},
			"buy":       {"purchase", "purchased", "purchasing", "bought"},
			"start":     {"begin", "begins", "beginning", "starts"},
			"show":      {"display", "displays", "displayed", "shown"},
			"change":    {"modify", "edit", "adjust", "alter", "amend"},
			"eta":       {"when will they arrive", "when will it arrive", "when do they arrive", "when will they come", "when will they get here", "when will it get here"},
			"delivery":  {"deliver", "delivered", "deliveries", "arrive", "arrival", "arrived", "arriving", "livraison", "show up", "shows up", "showed up", "turn up", "turns up", "turned up", "get here", "gets here"},
			"shipping":  {"ship", "shipped", "shipment", "postage", "courier"},
			"tax":       {"taxes", "taxed", "gst", "hst"},
			"cancel":    {"back out", "call off"},
			"cost":      {"price", "prices", "pricing", "costs", "expensive", "cheap", "fee", "fees"},
			"preorder":  {"pre order", "pre orders", "preorders", "pre ordering", "preordering"},
			"ebook":     {"e book", "e books", "ebooks", "kindle ebook", "kindle book"},
			"paperback": {"paper back", "softcover", "soft cover", "paperbacks"},
			"hardcover": {"hard cover", "hardback", "hardbacks", "hardcovers", "hardbound", "hard back"},
			"defect":    {"defective", "defects", "misprint", "misprinted", "misprints", "faulty", "flawed", "flaw", "flaws", "printing error", "printing errors"},
			"damaged":   {"damage", "torn", "crushed", "dented", "bent"},
			"oneorder":  {"at once", "in one order", "one order", "single order", "in one go", "per order"},
			"quantity":  {"quantities", "qty", "how many", "number of copies"},
			"resell":    {"resale", "reselling", "sell", "flog", "flogging"},
			"track":     {"tracking", "where is my order", "follow"},
			"checkout":  {"check out"},
			"address":   {"apartment number", "flat number", "house number", "zip code", "zipcode", "postcode", "post code", "postal code", "street address"},
			"language":  {"icelandic", "finnish", "swedish", "norwegian", "danish", "polish", "czech", "greek", "welsh", "gaelic", "latin", "ukrainian", "yiddish"},
			"country":   {"south africa"},
			"calculate": {"work out", "calculated", "calculation", "figure out"},
			// Selling copies at a market is on topic; marketing a book is not.
			"marketing": {"market my book", "market my books", "market a book", "market the book", "market your book", "book marketing"},
		},
		neighbours: `
write writing writer novel novels novella poem poems poetry chapter plot character characters manuscript draft editing editor proofreading proofread
font fonts typeface typesetting formatting format word epub mobi vellum atticus
designer illustrator canva photoshop software blurb synopsis title subtitle
ads ad advertising advertise marketing promote promotion social instagram facebook tiktok followers readers reviews reviewer newsletter bestseller
royalty percentage rate unlimited kenp subscription
audiobook audiobooks audible acx narrator narration podcast
paperwhite device battery screen charger tablet app
weather forecast rain recipe recipes cake bread cooking capital football match joke movie music travel
pizza food takeaway takeout restaurant uber deliveroo doordash grubhub glovo sofa couch furniture
`,
		units:    "copies books proofs units paperbacks hardcovers author",
		quantity: "quantity",
		steps:    "step by step|steps|walk me through|walkthrough|how exactly",
		cues: `
pizza pizzas sushi burger burgers takeaway takeout restaurant uber_eats doordash deliveroo grubhub just_eat groceries grocery supermarket shoes sneakers trainers shoe_size jeans shein temu aliexpress 3d_printer filament
royalty royalties | rate rates paid pay pays payout payouts payment payments percent percentage 35 70 minimum monthly month lose lost returned refunded
kindle | sync syncing turn freeze freezing frozen screen battery charge device paperwhite reader app crash crashes
kdp_select kindle_unlimited page_reads kenp ku
a_content author_central product_page
keywords categories category
font fonts typeface
weather forecast time_is_it time_zone
writer_s_block epub docx mobi kpf debut_novel first_time_author word_count
ebook | cost price prices pricing
pay_out paid_out
golf_cart golf_carts
best_time
old_are_you old_r_u are_you_a_bot are_you_human
`,
		markers: `
the an and or is are was were be been i my me we our you your it its they their this that these those what which who when where why how
can could will would should do does did have has had of to in at for with from by not no but if there any some get got
order ordered ordering orders copies copy author authors book books cart basket empty shipping shipped ship delivery deliver
arrive arrived arriving proof proofs cost costs price prices cancel cancelled canceled missing button greyed grayed grey gray
wrong damaged received receive much many buy bought sell resell quantity printed print printing please hi hello hey thanks thank pls thx
blank curled curling torn misprint misprinted defect defective track hardback shipment postage address stuck processing
cheap cheapest expensive fee fees limit maximum available free old new ink colour color black white calculator calculate
don't can't isn't doesn't didn't won't it's i'm i've there's that's wouldn't couldn't shouldn't haven't what's where's 's 't 'm 've 're 'll
need want help still never yet already again arrival came come coming sent late lost box boxes ordered author's
`,
		spelling: `
about after again against almost along also always another answer around asked away back because before being below between both
bring brought business called came change children city close come coming company could country course cover day days different
does done door down during early easy enough even every everything example eyes face fact family far father feel few find first
follow food form found four free friend from front full game gave give given going gone good great group grow hand happy hard head
hear heard help here high himself home hope house however idea important information inside instead just keep kind knew know large
last later learn least leave left less letter life light line little live long look looking made make making many maybe mean might
money month more morning most mother move much must name near need never next night nothing number often once only open order other
over own page paper part people perhaps person picture place plan play point possible power probably problem question quickly quite
rather read ready real really reason right room round said same saw school second seem seen sent service several should show side
since small something sometimes soon sound start still story study such sure system take taking tell than thing think though thought
three through time today together told took toward tried true turn under until upon used using usually very want watch water week
well went were whether which while white whole without word work world would write year years young yourself shipping through
`,
		frequent: "the a to of and in is it you that for on with i my me this",
	}
}

func frenchLexicon() lexicon {
	return lexicon{
		stop: `
a ai aie aient ais ait as au aucun aucune aupres aussi autre autres aux avais avait avant avec avez aviez avoir avons ayant
bah bien bon bonjour bonsoir c ca car ce ceci cela celle celles celui cependant certains ces cet cette ceux chaque chez ci comme comment
d dans de debut deja depuis des deux doit doivent dois donc dont du e elle elles en encore est et etaient etais etait etant ete etes etre eu eux
faire fais fait faites faut fois hello hors i il ils j je jusqu l la laquelle le lequel les lesquels leur leurs lorsqu lui m ma mais mal me meme mes
merci moi mon n ni nos notre nous on ont ou oui par parce peu peut peuvent peux plus plusieurs pour pourquoi pourrais pourrait pouvez pouvoir
pu puis puisqu puisque qu quand que quel quelle quelles quels qui quoi s sa salut sans se sera serait ses si sien soit son sont stp suis sur svp
t ta te tes toi ton tous tout toute toutes tres tu un une unes uns veux voici voila voudrais vos votre vous vraiment y kdp
`,
		months: `janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre janv févr fevr juil sept oct nov déc dec`,
		synonyms: map[string][]string{
			"pas":         {"ne", "non", "jamais", "aucun", "aucune", "impossible", "refuse", "refusent", "refusee", "refuser"},
			"panier":      {"caddie", "caddy", "basket", "le cart", "mon cart", "du cart", "au cart", "dans le cart", "shopping cart", "cart vide", "cart amazon"},
			"exemplaire":  {"copie", "copies", "ex", "exemplaires", "piece", "pieces", "unitaire", "propre livre", "propres livres", "propre bouquin", "propres bouquins", "propre exemplaire", "propres exemplaires", "propre copie", "propres copies"},
			"grise":       {"grisee", "grises", "grisees", "griser", "inactif", "inactive", "desactive", "desactivee", "inaccessible", "indisponible", "pas cliquable", "non cliquable"},
			"option":      {"bouton", "lien", "button", "link", "mode", "modes", "moyen de", "moyens de", "un moyen", "quel moyen", "autre moyen", "methode"},
			"acheter":     {"achat", "achats", "acquerir"},
			"afficher":    {"montrer", "indiquer", "indique", "affiche"},
			"modifier":    {"changer", "corriger", "ajuster", "rectifier", "editer"},
			"expedition":  {"expeditions", "expedier", "envoi", "envois", "frais de port", "port", "shipping"},
			"cout":        {"couts", "prix", "tarif", "tarifs", "cher", "coute", "couter"},
			"precommande": {"pre commande", "pre commandes", "precommandes", "precommander", "pre commander", "preorder", "pre order", "preco", "precos", "prevente", "preventes", "pre vente", "pre ventes"},
			"livre":       {"bouquin", "bouquins"},
			"remise":      {"rabais", "degressif", "degressive"},
			"ajouter":     {"rajouter", "ajout", "rajout", "de plus", "en plus", "supplementaire", "supplementaires"},
			"ancien":      {"mes achats", "anciens achats"},
			"ingramspark": {"ingram", "ingram spark"},
			"ebook":       {"e book", "livre numerique", "livre electronique", "livres numeriques", "livres electroniques"},
			"broche":      {"livre broche", "couverture souple", "paperback"},
			"relie":       {"livre relie", "couverture rigide", "hardcover", "hardback", "livre cartonne", "livres cartonnes", "version cartonnee", "couverture cartonnee", "edition cartonnee", "exemplaire cartonne", "exemplaires cartonnes"},
			"defaut":      {"defauts", "defectueux", "defectueuse", "mal imprime", "erreur d impression", "defaut d impression", "misprint"},
			"endommage":   {"endommages", "endommagee", "abime", "abimes", "abimee", "casse", "dechire", "dechiree"},
			"unecommande": {"d un coup", "en une fois", "en une seule fois", "une seule commande", "en une commande", "par commande"},
			"quantite":    {"quantites", "combien d exemplaires", "nombre d exemplaires"},
			"revendre":    {"revente", "vendre", "resell", "resale"},
			"suivi":       {"suivre", "la suis", "le suis", "les suis", "suis le colis", "suis mon colis", "suis ma commande", "suis la commande", "tracking", "track", "ou en est", "ou en sont", "avancement", "acheminement", "etat d expedition", "etat de l expedition", "sont partis", "est parti", "est partie"},
			"livraison":   {"livraisons", "arriver", "arrive", "arrivee", "arrivent", "ete livre", "ete livres", "ete livree", "ete livrees", "marque livre", "marquee livree", "marque comme livre", "marquee comme livree", "indique livre", "indiquee livree"},
			"perdu":       {"perdus", "perdue", "perdues", "egare", "egares", "egaree", "egarees", "rien recu", "jamais arrive", "jamais arrives", "jamais arrivee", "jamais arrivees"},
			"site":        {"sites", "quel amazon", "quelle boutique amazon", "boutique amazon"},
			"colis":       {"le carton", "un carton", "mon carton", "du carton", "ce carton", "les cartons", "des cartons", "mes cartons"},
			"tva":         {"taxe", "taxes", "ttc", "ht", "hors taxe", "hors taxes", "toutes taxes comprises", "impot", "impots", "vat", "tvq", "tvh"},
			"bug":         {"bugs", "beug", "beugue", "bugue", "buggue", "plante", "plantage", "fige", "figee", "freeze", "en boucle", "tourne dans le vide", "chargement infini", "charge pas", "charge plus", "fait rien", "repond pas", "reagit pas"},
			"paiement":    {"paiements", "carte", "cartes", "carte bancaire", "carte de credit", "cb"},
			"annuler":     {"stopper", "stoppe", "stoppee", "canceller", "canceler", "cancelle", "cancellee", "marche arriere", "revenir en arriere"},
			"etape":       {"etapes", "procedure", "marche a suivre", "pas a pas", "demarche", "dans quel ordre"},
			"couverture":  {"couv", "couvs", "couve", "couves"},
			"epreuve":     {"epreuves", "proof", "proofs", "bat", "bon a tirer", "exemplaire test", "exemplaire de test", "exemplaire d essai", "exemplaires test", "exemplaires d essai", "copie test"},
			"inclus":      {"incluse", "incluses", "inclut", "incluent", "inclure", "y compris", "est compris", "est comprise", "sont compris", "sont comprises"},
			"gondole":     {"gondolee", "gondolees", "gondolent", "gondoler", "bombe", "bombee", "bombees", "ondule", "ondulee", "ondulees", "ondulent", "courbe", "courbee", "courbees", "recourbe", "recourbee", "recourbent", "voile", "voilee", "tordu", "tordue", "tordues", "rebique", "rebiquent", "roulee", "roulees"},
		},
		neighbours: `
ecrire ecriture ecrivain roman romans nouvelle poesie poeme manuscrit chapitre intrigue personnage personnages redaction correcteur relecture
police polices typographie mise maquette calibre word epub mobi
graphiste illustrateur canva photoshop logiciel quatrieme resume titre
publicite pub pubs marketing promotion promouvoir reseaux instagram facebook tiktok abonnes lecteurs avis critiques critique note notes newsletter
redevance pourcentage taux unlimited kenp abonnement
audio audible acx narrateur narration podcast
liseuse kindle batterie ecran allume charge chargeur tablette
meteo temps pluie recette recettes gateau cuisine capitale football match blague film musique voyage
pizza repas restaurant resto uber deliveroo glovo canape meuble meubles
`,
		units:    "exemplaires copies livres epreuves unites",
		quantity: "quantite",
		steps:    "etape par etape|etapes|pas a pas|marche a suivre|concretement",
		cues: `
pizza restaurant resto supermarche courses_alimentaires chaussures baskets pointure vetements imprimante_3d
redevance redevances royalties | taux pourcentage 35 70 verse versee versees versement versements paye payee payees paiement paiements mois mensuel minimum
liseuse
kindle | allume allumer ecran batterie synchronise synchroniser synchronisation bloque plante bug
kdp_select kindle_unlimited pages_lues kenp
mots_cles categorie categories
fait_quel_temps quel_temps_fait quel_temps_fera quel_temps_fait_il meteo quelle_heure_est heure_est_il fuseau_horaire
page_blanche | syndrome angoisse vaincre
ebook livre_numerique | bloque qualite
mise_en_page fond_perdu canva modele_de_couverture epub docx mobi kpf
ebook livre_numerique | prix cout
vendeur_tiers
canape canapes meuble meubles
canape canapes meuble meubles | livraison livre commande
avis | etoile etoiles
contenu_a contenu_a_plus bowker questionnaire_fiscal formulaire_fiscal informations_fiscales w8ben w_8ben retenue_a_la_source
droits_d_auteur | proteger protection deposer depot
quel_age_as_tu tu_as_quel_age tu_habites_ou ou_habites_tu es_tu_un_robot tu_es_un_robot t_es_un_robot
couverture couv | graphiste graphistes illustrateur illustratrice dessiner dessine concevoir faire_une faire_ma pas_cher pas_chere
`,
		markers: `
le la les un une des du de au aux et ou où est sont je tu il elle nous vous ils elles mon ma mes ton ta ses notre nos votre vos leur
ce cette ces ça qui que quoi quand comment pourquoi combien quel quelle quels quelles dans pour avec sans sur sous chez par pas ne plus
mais donc très puis peux peut puis-je es dois doit faut fait faire avoir être ai suis bonjour merci svp stp aussi encore déjà toujours jamais rien
commande commander commandé commandée commandes exemplaires exemplaire panier livraison livré livrée livrés livre livres auteur auteurs
épreuve épreuves frais prix coût coûte coûts vide grisé grisée annuler annulé annulée modifier reçu reçus reçue recevoir imprimé imprimés
imprimée imprimées impression expédition expédié précommande mauvais mauvaise abîmé abîmés abîmée endommagé endommagés couverture
revendre vendre quantité bouquin bouquins colis suivi numéro adresse envoi envoyer arrivé arrivés arrivée arrivent gratuit gratuite
cher chère chers taxe taxes facture broché relié numérique blanche blanches gondole gondolée bloqué bloquée filigrane bandeau encre
couleur noir noire calcul salon ancienne dispo disponible délai semaines jours bouton trouve trouver aide besoin
préco précos
l' d' qu' j' n' c' s' m' t' jusqu' lorsqu' puisqu'
`,
		spelling: `
alors ami année années après arriver assez attendre aujourd autre autres avant avec avoir beaucoup besoin bien bientôt bonne
cause chaque chercher chez chose choses comme comprendre connaître contre côté croire déjà demain demander depuis dernier devant
devenir devoir dire dernière donner doute droit eau effet encore enfant enfants ensemble entendre entre envie espère essayer
étais était étions fait faites falloir famille femme fille fin fois grand grande gens heure heures homme hier histoire idée jamais
jour journée jours juste laisser lendemain lieu loin longtemps maintenant maison mal manière matin meilleur même mettre mieux
moins moment monde mot mots nouveau nouvelle nuit parce parler partir passer pendant penser personne petit petite peu peut-être
place plusieurs pouvoir premier première prendre près presque problème quelque quelqu question raison regarder rendre rester
retour revenir rien savoir semaine sembler sentir seulement souvent suite tard temps tenir tête toujours tour travail travailler
trouver venir vers vie voir voiture vouloir vrai vraiment ville vite également déjà réponse désolé numéro téléphone problème
`,
		frequent: "le la les de des du un une et est que je pas en à il ne mon ma mes",
	}
}
