package kb

// How a message is read into its sentences, and what each sentence says
// of itself: whether it asks (isAsk), greets (isFiller), tells of the
// past (past) or opens by pointing to another ask (askOpener), in each
// language of Languages. Answer (answer.go) finds the asks from these.

import (
	"slices"
	"strings"
)

// past reports whether s tells of a problem of the past or one solved
// ("last year my cart was empty", "support fixed it"), in any language
// of Languages: the story of an earlier order, not what the author asks.
func past(s string) bool {
	ws := words(s)
	// "went live 2 days ago", "besteld drie dagen geleden": hours and
	// days ago is the order asked about, not an earlier one.
	for i := 1; i < len(ws); i++ {
		if (ws[i] == "ago" || ws[i] == "geleden") && recentUnits[ws[i-1]] {
			ws[i] = ""
		}
	}
	// "Pedi cópias de autor semana passada e não acho o rastreio": an
	// order placed last week whose tracking, say, cannot be found now is
	// the order asked about.
	if hasWord(ws, orderedWords) && hasPhrase(ws, notFoundPhrases, nil) {
		for i := range ws {
			for _, p := range weekPhrases {
				if i+len(p) <= len(ws) && slices.Equal(ws[i:i+len(p)], p) {
					clear(ws[i : i+len(p)])
				}
			}
		}
	}
	return hasPhrase(ws, pastPhrases, func(p, after []string) bool { return p[0] != "il" || agoUnit(after) })
}

// orderedWords are the folded verbs of an order placed, and weekPhrases
// the folded words of last week, in Languages.
var (
	orderedWords = wordSet(`ordered bestellt bestelde besteld commande pedi encargue encomendei ordinato ordinati`)
	weekPhrases  = phraseList("last week", "semaine derniere", "letzte woche", "letzten woche", "semana pasada", "settimana scorsa", "semana passada", "vorige week")
)

// recentUnits are the spans of time before "ago" or "geleden" that put
// what they tell in the present.
var recentUnits = map[string]bool{"minute": true, "minutes": true, "hour": true, "hours": true, "day": true, "days": true,
	"minuut": true, "minuten": true, "uur": true, "uren": true, "dag": true, "dagen": true}

// hasWord reports whether one of the folded words ws is in set.
func hasWord(ws []string, set map[string]bool) bool {
	return slices.ContainsFunc(ws, func(w string) bool { return set[w] })
}

// hasPhrase reports whether one of phrases occurs in ws, word for word,
// where keep, when not nil, accepts it given the words after it.
func hasPhrase(ws []string, phrases [][]string, keep func(p, after []string) bool) bool {
	for i := range ws {
		for _, p := range phrases {
			if i+len(p) <= len(ws) && slices.Equal(ws[i:i+len(p)], p) && (keep == nil || keep(p, ws[i+len(p):])) {
				return true
			}
		}
	}
	return false
}

// phraseList returns the phrases, each split into its folded words.
func phraseList(phrases ...string) [][]string {
	out := make([][]string, len(phrases))
	for i, p := range phrases {
		out[i] = strings.Fields(p)
	}
	return out
}

// notFound reports whether s says the author cannot find something
// ("can't find it anywhere", "kan t nergens vinden"), in any language of
// Languages.
func notFound(s string) bool { return hasPhrase(words(s), notFoundPhrases, nil) }

// notFoundPhrases are the folded words, in a row, that say something
// cannot be found.
var notFoundPhrases = phraseList(
	"cant find", "can t find", "cannot find", "couldn t find", "couldnt find",
	"trouve pas", "trouve nulle part", "trouve rien",
	"finde es nicht", "finde nichts", "nirgends finden", "nirgendwo finden", "finde ich nicht",
	"no lo encuentro", "no encuentro", "no la encuentro",
	"non lo trovo", "non trovo", "non la trovo",
	"nao encontro", "nao acho", "nao o encontro",
	"nergens vinden", "niet vinden", "vind het niet", "vind het nergens",
)

// tried reports whether s tells what the author tried against a problem
// ("I tried Chrome and Firefox, cleared the cache, same thing"), in any
// language of Languages: the problem is told elsewhere.
func tried(s string) bool { return hasPhrase(words(s), triedPhrases, nil) }

// triedPhrases are the folded words, alone or in a row, that tell what
// was tried.
var triedPhrases = phraseList(
	// With what, or again: "tried to order" tells the problem.
	"tried with", "tried another", "tried a different", "tried again", "already tried", "tried everything",
	"essaye avec", "essaye un autre", "deja essaye", "essaye plusieurs fois",
	"probiert", "mit einem anderen browser", "schon versucht",
	"probe con", "probe en otro", "ya probe", "ya intente",
	"provato con", "gia provato", "provato anche",
	"tentei com", "ja tentei", "testei com", "ja testei",
	"geprobeerd met", "al geprobeerd", "ook geprobeerd",
)

// costPhrases are the folded words, alone or in a row, that ask what
// something costs, in Languages.
var costPhrases = phraseList(
	"cost", "costs", "price", "how much", "charge to", "charge me", "kdp charge", // not "charge" alone: "charge readers less"
	"cout", "couts", "coute", "combien", "prix",
	"kosten", "kostet", "preis", "wie viel", "wieviel", "druckkosten",
	"costo", "costos", "cuesta", "cuanto", "precio", // "cuanto sale": "sale" alone also says something appears
	"costi", "costa", "quanto", "prezzo",
	"custo", "custos", "custa", "preco", "valor",
	"kost", "prijs", "hoeveel", "drukkosten",
)

// howMuchPhrases are the folded words, alone or in a row, that ask how
// much, in Languages.
var howMuchPhrases = phraseList("how much", "how many", "combien", "wie viel", "wieviel", "wie viele", "wieviele",
	"cuanto", "cuanta", "cuantos", "cuantas", "quanto", "quanta", "quanti", "quante", "quantos", "quantas", "hoeveel")

// eachPhrases are the folded words, alone or in a row, that ask of each
// of the things the ask before spoke of ("how much is each one"), in
// Languages.
var eachPhrases = phraseList(
	"each", "apiece", "per copy", "a copy",
	"chacun", "chacune", "par exemplaire", "unite", "piece", // "l'unité": words drops the elided l'
	"jeweils", "pro stuck", "pro exemplar", "je exemplar", "das stuck",
	"cada", "por copia", "por ejemplar", "la unidad", "por exemplar", "a unidade",
	"ciascuna", "ciascuno", "a copia", "per copia",
	"per stuk", "per exemplaar", "elk", "het stuk",
)

// bothPhrases are the folded words, alone or in a row, with which an ask
// speaks of two things told or more ("what do I do in each case", "je
// fais quoi pour les deux"), in Languages.
var bothPhrases = phraseList("both", "each case", "either case", "les deux", "chaque cas", "beide", "beiden", "jeden fall",
	"ambos", "ambas", "los dos", "las dos", "cada caso", "entrambi", "entrambe", "tutti e due", "os dois", "as duas", "allebei")

// namesDomain reports whether s names something of ordering and
// printing copies (domainPrefixes, domainWords, a compound of
// "exemplar" such as "Autorenexemplare", or a marketplace's address such
// as "amazon.de"), in any language of Languages.
func namesDomain(s string) bool {
	if strings.Contains(asciiLower(s), "amazon.") {
		return true
	}
	for _, w := range words(s) {
		if slices.Contains(domainWords, w) || strings.Contains(w, "exempla") {
			return true
		}
		for _, p := range domainPrefixes {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
	}
	return false
}

// domainPrefixes are the beginnings of the folded words, and domainWords
// the whole words too short to be beginnings ("ust" would take "usted"),
// that name something of ordering and printing copies: the copies and
// proofs, orders and carts, shipping and delivery, formats, ISBNs,
// pre-orders, ink and defects, taxes, marketplaces, limits, what went
// wrong. Words that near-domain subjects share with them (pages, price,
// book, KDP, copyright) are left out: they are what a weak match of such
// a subject rests on.
var (
	domainPrefixes = []string{"ejempla", "auteur", "autor", "author", "proof", "epreuv", "probe", "beleg", "prueba", "prova",
		"bestel", "order", "command", "pedi", "ordin", "encomend",
		"cart", "panier", "warenkorb", "carrit", "carrell", "carrinh", "winkel",
		"ship", "deliver", "livrai", "liefer", "envi", "entreg", "sped", "consegn", "lever", "verzend", "track", "suivi", "seguim", "rastre",
		"isbn", "asin", "paperback", "hardcover", "hardback", "broch", "relie", "taschenbuch", "gebund", "tapa", "brossura", "rigida",
		"preorder", "precommande", "vorbestell", "preventa", "prenot", "prevenda", "voorverkoop", "voorbestel", "advantage", "ingram",
		"ink", "encre", "tinte", "tinta", "inchiostro", "defect", "defaut", "fehler", "difett", "defeito",
		"box", "karton", "caja", "scatol", "caixa", "doos", "colis", "paket", "paquete", "pacco", "pacote", "pakket",
		"vat", "tax", "tva", "mwst", "iva", "impuest", "impost", "tasse", "steuer",
		"curl", "wellig", "gewellt", "ondul", "arricciat", "enrolad", "krul", "bolla", "buckl",
		"print", "impri", "impre", "druck", "druk", "stamp",
		"arriv", "lleg", "cheg", "ankomm", "aankom", "duur", "dauer", "tarda", "demor", "long", "delai", "plazo", "prazo",
		"limit", "maxim", "hoechst", "hochst", "massimo",
		"send", "mand", "envoy", "schick", "stuur", "verstuur", "reclam", "complain", "beschwer", "klacht",
		"wrong", "mauvais", "falsch", "equivoc", "sbagliat", "errad", "verkeerd",
		"marketplace", "marche", "marktplatz", "mercado", "tienda", "store", "negozio", "loja", "boutique", "shop"}
	domainWords = []string{"copy", "copies", "copie", "copia", "copias", "kopie", "kopien", "ust", "btw", "capa", "sent", "tempo", "temps", "tiempo"}
)

// agoUnit reports whether ws, the words after "il y a", start with a
// span of time ("il y a trois semaines"): otherwise "il y a" says
// "there is" ("à l'intérieur il y a 35 exemplaires d'un autre livre").
func agoUnit(ws []string) bool {
	for i, w := range ws[:min(len(ws), 3)] {
		switch w {
		case "an", "ans", "annee", "annees", "mois", "semaine", "semaines", "jour", "jours", "heure", "heures", "temps", "longtemps":
			return i > 0 || w == "longtemps"
		}
	}
	return false
}

// pastPhrases are the folded words, alone or in a row, that put a
// sentence in the past or say its problem was solved.
var pastPhrases = phraseList(
	"fixed", "sorted", "solved", "resolved", "replaced", "last year", "last month", "last week", "ago", "back in", "previously", "used to",
	"regle", "resolu", "remplace", "il y a", "an dernier", "annee derniere", "mois dernier", "semaine derniere", "auparavant",
	"gelost", "behoben", "ersetzt", "letztes jahr", "letzten monat", "letzte woche", "vor einem jahr", "vor ein paar", "fruher",
	"soluciono", "resuelto", "resolvio", "reemplazo", "ano pasado", "mes pasado", "semana pasada", "hace un",
	"risolto", "sostituito", "anno scorso", "mese scorso", "settimana scorsa", "mese fa", "mesi fa", "anno fa", "anni fa", "settimana fa", "settimane fa",
	"resolvido", "resolveu", "substituido", "substituiu", "ano passado", "mes passado", "semana passada",
	"opgelost", "vervangen", "vorig jaar", "vorige maand", "vorige week", "geleden", "vroeger",
	// Months ago, in Portuguese ("há uns meses"), and what the author
	// already knows ("ya sé que es normal").
	"ha uns", "ha alguns", "ha um ano", "ha dois",
	// What went well: the rest of the order, the last one.
	"no problem", "no problems", "worked fine", "went fine", "all good", "perfect", "intact",
	"sans probleme", "sans souci", "aucun souci", "aucun probleme", "parfait", "nickel", "impeccable", "rien a redire",
	"kein problem", "problemlos", "geklappt", "einwandfrei", "perfekt",
	"sin problema", "sin problemas", "ningun problema", "perfecto", "perfecta", "genial",
	"nessun problema", "perfetto", "perfetta", "tutto bene",
	"sem problema", "sem problemas", "perfeito", "perfeita", "certinho", "direitinho",
	"geen probleem", "geen problemen", "prachtig",
	// Another, earlier time than the order asked about.
	"first time i", "toute premiere fois", "another time", "last time", "the time before", "derniere fois", "une autre fois",
	"beim ersten mal", "letztes mal", "beim letzten mal", "ein anderes mal",
	"la primera vez que", "la ultima vez", "la vez pasada", "la vez anterior", "otra vez que",
	"la prima volta che", "ultima volta", "la volta scorsa", "un altra volta",
	"da primeira vez", "na primeira vez", "da ultima vez", "na ultima vez", "da outra vez", "outra vez que",
	"de eerste keer", "de vorige keer", "vorige keer", "de laatste keer", "een andere keer",
	"at first", "in the beginning", "au debut", "am anfang", "anfangs", "al principio", "al inicio",
	"no inicio", "no comeco", "in het begin", "aanvankelijk",
	"already know", "sais deja", "weiss schon", "weiss ich schon", "ya se", "ya lo se", "so gia", "lo so gia", "ja sei", "weet al", "weet ik al",
	// Done with, and a problem that did not come back ("didn't" reads
	// "didn not").
	"erledigt", "sistemato", "sistemata", "geregeld",
	// Not "alles gut" or "tutto a posto": "nicht alles gut" tells a
	// problem; French puts its negation inside the words.
	"all sorted", "everything is fine now", "tout est bon", "tout est rentre dans l ordre",
	"didn not happen again", "did not happen again", "hasn not happened again", "didn not come back", "didn not repeat", "has not happened again",
	"ne s est pas reproduit", "ne s est pas repete", "pas reproduit",
	"nicht wiederholt", "nicht mehr aufgetreten", "nicht wieder aufgetreten", "nicht wieder passiert",
	"no se repitio", "no volvio a pasar", "no ha vuelto a pasar", "no se ha repetido",
	"non si e ripetuto", "non si e ripresentato", "non e piu successo", "non e ricapitato",
	"nao se repetiu", "nao voltou a acontecer", "nao aconteceu de novo", "nao se voltou a repetir",
	"niet meer voorgekomen", "niet herhaald", "niet opnieuw gebeurd", "niet meer gebeurd",
)

// What a sentence's opening words say of it: nothing, that it is the
// first of several asks, that an ask came before it, or that one did if
// the sentence asks.
const (
	openerNone = iota
	openerFirst
	openerMore
	openerTurn // an ask came before it, when it asks itself
)

// andQuestion reports whether the words ws open with "and" and a
// question word ("and what does it cost", "en hoe lang duurt het"), in
// any language of Languages. It does not make a sentence an ask: in a
// story "and" and a question word open as much ("And what do you know,
// the cart was empty again", "Und wie es so ist, kam das Paket zu spät").
func andQuestion(ws []string) bool {
	if len(ws) <= 2 || !slices.Contains(listConjunctions(), ws[0]) {
		return false
	}
	// The question word may follow a word of degree or time ("and
	// roughly what does it cost", "and then how long").
	// "Und wie es so ist, kam das Paket zu spät": the question word
	// must open a question ("as it goes" opens none).
	if slices.Contains(questionWords(), ws[1]) {
		return isAsk(strings.Join(ws[1:], " "))
	}
	return len(ws) > 3 && slices.Contains(questionWords(), ws[2]) && isAsk(strings.Join(ws[2:], " "))
}

// orOpens reports whether s opens with "or" in one of Languages ("¿O lo
// puede hacer KDP?", "Ou c'est mieux chez IngramSpark ?", "Oder geht das
// nur über Advantage?"): an ask of another way to what the ask before
// it asks. French "où" (where) folds to "ou", so the word is read as
// written.
func orOpens(s string) bool {
	first, _, _ := strings.Cut(strings.TrimLeft(strings.TrimSpace(s), "¿¡(\"'«“-–— "), " ")
	first = strings.TrimRight(strings.ToLower(first), ",:")
	return slices.Contains(orWords, first)
}

// orQuestion reports whether s opens with "or" (orOpens) and a question
// word or a word of having to ("or do I need Advantage", "of moet dat via
// Advantage", "o tengo que usar Advantage"), and has four words at
// least: "(or hardcover)", "(o en tapa dura)" name an alternative, they
// do not ask.
func orQuestion(s string) bool {
	ws := words(s)
	return orOpens(s) && len(ws) >= 4 && (slices.Contains(questionWords(), ws[1]) && isAsk(strings.Join(ws[1:], " ")) || slices.Contains(mustWords, ws[1]))
}

// mustWords are the folded words of having to that open an alternative
// ask after "or" ("o tengo que", "ou preciso"), in Languages.
var mustWords = []string{"need", "must", "faudrait", "musste", "tengo", "hay", "necesito", "bisogna", "serve", "tenho", "preciso", "moeten", "hoef"}

// orWords are the lowercase words of "or" that open an alternative ask,
// in Languages.
var orWords = []string{"or", "ou", "oder", "o", "oppure", "of"}

// andOpens reports whether s opens with "and" in one of Languages.
func andOpens(s string) bool {
	ws := words(s)
	return len(ws) > 2 && slices.Contains(listConjunctions(), ws[0])
}

// askOpener tells whether s opens with one of askOpeners, and which. A
// question that opens with "and" ("And how long does delivery take?")
// follows another ask too.
func askOpener(s, lang string) int {
	kind, _ := openerWords(s, lang)
	return kind
}

// openerWords returns what askOpener does and how many words of s the
// opening is, in a message in lang.
func openerWords(s, lang string) (kind, n int) {
	ws := words(s)
	if andQuestion(ws) {
		return openerMore, 1
	}
	for _, o := range askOpenerList {
		if len(ws) > len(o.words) && slices.Equal(ws[:len(o.words)], o.words) && !otherMeaning(o.words[0], lang, ws[len(o.words):]) {
			return o.kind, len(o.words)
		}
	}
	return openerNone, 0
}

// openerAlone returns the kind of the opening that s is on its own
// ("Andere vraag.", "Second question:"), openerNone when s is more than
// one or is none: such a sentence marks the next one.
func openerAlone(s string) int {
	ws := words(s)
	for _, o := range askOpenerList {
		if o.kind != openerTurn && slices.Equal(ws, o.words) {
			return o.kind
		}
	}
	return openerNone
}

// namesQuestion reports whether the opening of s, a sentence in lang,
// names a question ("another question", "zweite Frage", "PS"), which
// says that s asks.
func namesQuestion(s, lang string) bool {
	_, n := openerWords(s, lang)
	for _, w := range words(s)[:n] {
		switch w {
		case "question", "questions", "frage", "pregunta", "duda", "domanda", "pergunta", "duvida", "vraag", "vraagje", "ps", "pd":
			return true
		}
	}
	return false
}

// askQuery is the text of an ask as it is searched: without the opening
// that marks it as one ("Separately, which ink can I pick?" is searched
// as "which ink can I pick?"), which says how the message is built, not
// what it asks, and may be a word of a topic ("shipped separately").
func askQuery(s, lang string) string {
	return withoutHedge(openedQuery(s, lang))
}

// withoutHedge returns s without the word that closes it to say the
// author wants it exact ("comment on commande des exemplaires d'auteur
// exactement ?"), which asks nothing of a topic. Inside the question
// ("how exactly do I…") such a word asks for steps, and stays.
func withoutHedge(s string) string {
	t := strings.TrimRight(s, " ?!.")
	i := strings.LastIndexByte(t, ' ')
	if i < 0 || !slices.Contains(hedgeWords, asciiLower(t[i+1:])) || len(words(t[:i])) < 3 {
		return s
	}
	return strings.TrimRight(t[:i], " ,") + s[len(t):]
}

// hedgeWords are the lowercase words that close a question to ask it
// exactly, in Languages.
var hedgeWords = []string{"exactly", "exactement", "précisément", "genau", "exactamente", "esattamente", "precisamente", "exatamente", "precies"}

// openedQuery returns s without the opening that marks it as an ask.
func openedQuery(s, lang string) string {
	_, n := openerWords(s, lang)
	if n == 0 {
		return s
	}
	low := strings.ToLower(s)
	if len(low) != len(s) {
		return s
	}
	for i := 1; i < len(low); i++ {
		if isWordByte(low[i-1]) && !isWordByte(low[i]) && low[i] != '\'' && len(words(s[:i])) == n {
			if rest := strings.TrimLeft(s[i:], " ,;:-–—"); rest != "" {
				return rest
			}
			return s
		}
	}
	return s
}

// askOpening is an opening of a sentence, in folded words, and what it
// says of the sentence.
type askOpening struct {
	words []string
	kind  int
}

// askOpenerList holds the folded opening words that mark an ask in each
// language of Languages: "first" words for the first of several, the
// others for one that follows another; the longest first, so that "and
// also" is read before "also".
var askOpenerList = func() []askOpening {
	first := []string{
		"first", "firstly", "first off", "first question", "first thing",
		"premierement", "abord", "tout abord", // "d'abord": words drops the elided d'
		"premiere question", "premiere chose",
		"erstens", "zunachst", "erste frage", "als erstes",
		"primero", "en primer lugar", "primera pregunta", "lo primero",
		"innanzitutto", "prima di tutto", "prima domanda", "per prima cosa",
		"primeiro", "em primeiro lugar", "primeira pergunta",
		"ten eerste", "eerste vraag", "allereerst",
	}
	more := []string{
		"second", "secondly", "second question", "second thing", "also", "and also", "oh and", "plus", "besides",
		"separately", "and separately", "one more thing", "another thing", "another question", "on another note",
		"deuxiemement", "ensuite", "autre chose", "autre question", "aussi", "et aussi", "egalement", "par ailleurs", "en plus",
		"zweitens", "ausserdem", "und ausserdem", "noch was", "und noch was", "andere frage", "zweite frage", "ach ja", "ubrigens", "dann noch",
		"segundo", "en segundo lugar", "ademas", "tambien", "y tambien", "otra cosa", "otra pregunta", "por otro lado",
		"inoltre", "in secondo luogo", "anche", "e anche", "un altra cosa", "altra cosa", "altra domanda", "e poi",
		"em segundo lugar", "alem disso", "tambem", "e tambem", "outra coisa", "outra pergunta",
		"ten tweede", "daarnaast", "verder", "ook", "en ook", "nog iets", "tweede vraag", "andere vraag",
		// By-the-way words: what follows is another ask.
		"btw", "by the way", "oh and also",
		"au fait", "ah et", "ah et aussi", "ailleurs", // "d'ailleurs": words drops the elided d'
		"nebenbei", "ach und", "und nebenbei",
		"por cierto", "aparte", "y por cierto",
		"tra altro", "a proposito", "ah e", // "tra l'altro"
		"alias", "e ja agora", "ah e tambem",
		"trouwens", "overigens", "en trouwens",
		"oh et", "oh und", "oh y", "oh e", "oh en",
		"poi", "puis", "luego", "depois", "daarna",
		// Postscripts and asides.
		"ps", "p s", "pd", "different question", "unrelated question",
		"au passage",
		"zweite sache", "noch eine frage", "und noch eine frage",
		"ah y", "de paso", "y de paso", "aprovechando",
		"gia che ci sono", "visto che ci sono", "e visto che ci sono",
		"aproveitando", "tb",
		"nog een vraag", "en nog iets",
	}
	// Words that turn back from the story: another ask follows only when
	// the sentence asks ("Anyway, which site do I order from?"); in a
	// story they open what happened next ("Anyway, this morning I
	// ordered 60 copies").
	turn := []string{"anyway", "anyhow", "sinon", "en tout cas", "jedenfalls", "wie auch immer", "en fin", "de todas formas",
		"comunque", "e comunque", "enfim", "de qualquer forma", "hoe dan ook", "enfin",
		// The other case of an ask before: "Can I cancel it? And if not,
		// can I still change the quantity?"
		"if not", "and if not", "otherwise", "et sinon", "si non", "et si non",
		"falls nicht", "wenn nicht", "und wenn nicht", "ansonsten",
		"si no", "y si no", "de lo contrario", "se no", "e se no", "se non", "e se non", "altrimenti",
		"se nao", "e se nao", "senao", "caso contrario", "zo niet", "en zo niet", "zo nee", "en zo nee"}
	var out []askOpening
	for _, p := range first {
		out = append(out, askOpening{strings.Fields(p), openerFirst})
	}
	for _, p := range more {
		out = append(out, askOpening{strings.Fields(p), openerMore})
	}
	for _, p := range turn {
		out = append(out, askOpening{strings.Fields(p), openerTurn})
	}
	slices.SortStableFunc(out, func(a, b askOpening) int { return len(b.words) - len(a.words) })
	return out
}()

// abbreviated reports whether before, a folded text up to a dot, ends
// with an abbreviation that the dot closes rather than the sentence
// ("max. pro Bestellung", "Länder bzw. Sprachen", "e.g. Canada").
func abbreviated(before string) bool {
	i := strings.LastIndexAny(before, " (\n")
	return slices.Contains(abbreviations, before[i+1:])
}

// abbreviations are the folded abbreviations, without their last dot,
// that authors write inside a sentence, in Languages.
// Not "etc." nor "usw.", which end sentences as often, nor "no." or
// "es.", which are words.
var abbreviations = []string{"max", "min", "approx", "e.g", "i.e", "vs", "nr",
	"env", "p.ex", "bzw", "z.b", "ca", "evtl", "ggf", "inkl", "zzgl", "u.a", "d.h",
	"aprox", "p.ej", "pag", "pags", "pex", "bijv", "o.a", "incl", "excl", "m.a.w"}

// numberedSegments splits message, a message in lang, into its
// sentences and asks: at ., ! and ? followed by a space or the end, at ;
// and line breaks, before an enumeration ("1)", "2.", "- ") and before
// the phrases that start another ask (askMarkers). A ? stays with its
// sentence. numbered tells, for each, whether it opened with an
// enumeration mark.
func numberedSegments(message, lang string) (texts []string, numbered []bool) {
	lower := asciiLower(message)
	cut := make([]bool, len(message)+1) // a segment starts at i
	inMarker := 0                       // the end of the last ask marker
	item := 0                           // the number of the last item of a list numbered "1.", "2."…
	inNumber := -1                      // the offset of the dot of a date ("am 15. Oktober")
	for i := 0; i < len(message); i++ {
		c := message[i]
		switch c {
		case '\n', ';':
			cut[i+1] = true
		case '/':
			// " / " parts two asks written on one line ("…the final
			// upload deadline / can I do the same for the paperback").
			if i > 0 && message[i-1] == ' ' && i+1 < len(message) && message[i+1] == ' ' {
				cut[i] = true
			}
		case '(':
			// "Which shipping speeds can I pick (and roughly how long does
			// standard take to Texas)?": a bracket that opens with "and"
			// and a question asks on its own.
			// So does one that opens with "or" and a question ("…via KDP
			// (of moet dat via Amazon Advantage)?"): the other way asked.
			if j := strings.IndexByte(message[i:], ')'); j > 0 && (andQuestion(words(message[i+1:i+j])) || orQuestion(message[i+1:i+j])) {
				cut[i] = true
				if rest := message[i+j+1:]; strings.TrimLeft(rest, " ?!.,") != "" && !strings.HasPrefix(rest, "?") {
					cut[i+j+1] = true
				}
			}
		case 0xC2:
			// "…me aparece en gris (desde ayer), ¿y cómo pido una prueba?":
			// an opening question mark and "and" inside a sentence open
			// another question. Without "and" the sentence's start is often
			// what the question is about ("Publico en catalán, ¿puedo
			// comprar copias…?").
			if i > 0 && strings.HasPrefix(lower[i:], "\u00bfy ") && strings.TrimRight(message[:i], " ,") != "" {
				cut[i] = true
			}
		case '.', '!', '?':
			if i != inNumber && (i+1 == len(message) || message[i+1] == ' ' || message[i+1] == '\n' || message[i+1] == '\t') && !(c == '.' && i+1 < len(message) && abbreviated(lower[:i])) {
				cut[i+1] = true
			}
		}
		if atWordStart(lower, i) && i >= inMarker {
			if n := enumeration(lower[i:]); n > 0 {
				// "2." numbers an item when it follows "1.", and "1." when
				// a list may start there; otherwise the number ends a
				// sentence ("ho ordinato 100 copie invece di 10. E…"),
				// or in German is a date and the sentence goes on ("am
				// 15. für eine Lesung"). "2)" always numbers an item.
				num, dot := ordinal(lower[i:i+n-2]), lower[i+n-2] == '.'
				switch {
				case !dot:
					cut[i] = true
				case num == item+1 && (num > 1 || listStart(message[:i])):
					cut[i], item = true, num
					inNumber = i + n - 2 // the dot of "2." ends no sentence
				case lang == "de" && ordinalDate(message[i+n:]):
					inNumber = i + n - 2
				}
			}
			for _, m := range askMarkers() {
				if strings.HasPrefix(lower[i:], m) && !otherMeaning(m, lang, words(lower[i+len(m):min(len(lower), i+len(m)+20)])) {
					// The words of "et aussi" start one ask: "aussi,"
					// inside it cuts nothing.
					cut[i], inMarker = true, i+len(m)
					break
				}
			}
		}
	}
	start := 0
	for i := 1; i <= len(message); i++ {
		if !cut[i] && i < len(message) {
			continue
		}
		if s := trimSegment(message[start:i]); s != "" {
			texts = append(texts, s)
			numbered = append(numbered, enumeration(asciiLower(strings.TrimSpace(message[start:i]))) > 0)
		}
		start = i
	}
	return texts, numbered
}

// trimSegment trims the spaces, enumeration marks and separators around a
// segment.
func trimSegment(s string) string {
	s = strings.TrimSpace(s)
	if n := enumeration(asciiLower(s)); n > 0 {
		s = strings.TrimSpace(s[n:])
	}
	s = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(s), ",:-*•/")) // marker punctuation
	if strings.HasPrefix(s, "(") {
		// A bracket of its own ("(and how long does it take)?").
		if j := strings.IndexByte(s, ')'); j > 0 {
			s = strings.TrimSpace(s[1:j] + s[j+1:])
		}
	}
	return strings.TrimRight(s, " ,")
}

// enumeration returns the length of an enumeration mark at the start of
// s ("1) ", "2. ", "- ", "• ", "a) "), 0 when there is none.
func enumeration(s string) int {
	switch {
	case strings.HasPrefix(s, "- "), strings.HasPrefix(s, "* "):
		return 2
	case strings.HasPrefix(s, "• "):
		return len("• ")
	}
	i := 0
	for i < len(s) && i < 2 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 && len(s) > 1 && s[0] >= 'a' && s[0] <= 'c' && s[1] == ')' {
		i = 1
	}
	if i == 0 || i+1 >= len(s) || (s[i] != ')' && s[i] != '.') || s[i+1] != ' ' {
		return 0
	}
	if s[i] == '.' && s[0] >= 'a' {
		return 0
	}
	return i + 2
}

// ordinal returns the number written in digits s, 0 when s is not one.
func ordinal(s string) int {
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0
		}
		n = 10*n + int(c-'0')
	}
	return n
}

// listStart reports whether a list may start after before, the text of
// the message before "1.": at its start, on a new line, or after a
// sentence or a colon ("Zwei Fragen: 1. …").
func listStart(before string) bool {
	before = strings.TrimRight(before, " \t")
	return before == "" || strings.ContainsAny(before[len(before)-1:], "\n.!?:;")
}

// ordinalDate reports whether rest, the text after "15. " in German
// where the number is no item of a list, goes on as the sentence of a
// date does: in lowercase ("am 15. für eine Lesung") or with a month
// ("am 1. Oktober"). Only German writes its dates so; in the chat of
// other languages a sentence after "comprei 20." may well start in
// lowercase.
func ordinalDate(rest string) bool {
	if rest == "" {
		return false
	}
	if c := rest[0]; 'a' <= c && c <= 'z' {
		return true
	}
	for _, m := range []string{"Jan", "Feb", "Mär", "Mar", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"} {
		if strings.HasPrefix(rest, m) {
			return true
		}
	}
	return false
}

// atWordStart reports whether s[i] starts a word.
func atWordStart(s string, i int) bool {
	return i == 0 || s[i-1] == ' ' || s[i-1] == '\n' || s[i-1] == '\t'
}

// asciiLower lowercases the ASCII letters of s only, so that offsets in
// it are offsets in s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// otherMeaning reports whether the marker word w, followed by the folded
// words next, means something else in lang: Dutch "btw" is VAT
// ("inclusief btw"), unless a question follows it ("btw waar vind ik…").
func otherMeaning(w, lang string, next []string) bool {
	return lang == "nl" && w == "btw" && (len(next) == 0 || !slices.Contains(questionWords(), next[0]))
}

// askMarkers are the phrases, lowercase, that start another ask in a
// message, in every language of Languages.
func askMarkers() []string { return askMarkerList }

// askMarkerList is the table of askMarkers, made once: it is read for every
// word and segment of a message.
var askMarkerList = []string{
	"and also", "also,", "another question", "one more question", "second question", "other question", "oh and", "plus,",
	"et aussi", "aussi,", "autre question", "deuxième question", "également,", "par ailleurs", "et sinon",
	"und außerdem", "außerdem", "ausserdem", "noch eine frage", "andere frage", "zweite frage", "und noch",
	"y también", "y tambien", "también,", "tambien,", "otra pregunta", "además", "ademas",
	"e anche", "anche,", "altra domanda", "un'altra domanda", "inoltre",
	"e também", "e tambem", "também,", "tambem,", "outra pergunta", "além disso", "alem disso",
	"en ook", "ook,", "nog een vraag", "andere vraag", "verder,", "daarnaast",
	// By-the-way words start another ask inside a sentence too ("…before
	// it ships, btw how does KDP Select work").
	"btw", "by the way", "por cierto",
}

// isAsk reports whether s reads as a question: it ends with a question
// mark or opens with a question word of one of Languages.
func isAsk(s string) bool {
	if strings.HasSuffix(strings.TrimRight(s, " )!"), "?") || strings.HasPrefix(s, "¿") {
		return true
	}
	// "Per una mia amica: come si ordinano le copie autore": the
	// question may follow a colon.
	if i := strings.LastIndex(s, ": "); i > 0 && len(words(s[i+2:])) >= 3 && isAsk(s[i+2:]) {
		return true
	}
	// "separate thing, how do I switch my bank account": or after a
	// lead of a few words and a comma.
	// A clause of time is no ask there: "Agora, quando chegar o pacote…".
	if i := strings.Index(s, ", "); i > 0 && len(words(s[:i])) <= 2 {
		if rest := words(s[i+2:]); len(rest) >= 3 && !slices.Contains(whenWords, rest[0]) && isAsk(s[i+2:]) {
			return true
		}
	}
	ws := words(s)
	if len(ws) == 0 {
		return false
	}
	// "Any help appreciated, and congrats to everyone!": a sentence that
	// ends with "!" exclaims, whatever its first word.
	if slices.Contains(questionWords(), ws[0]) && !strings.HasSuffix(strings.TrimRight(s, " )"), "!") {
		switch {
		case ws[0] == "por":
			// "por" opens a question only as "¿por qué?": "Por lo
			// demás, los libros llegaron bien" tells.
			return len(ws) > 1 && ws[1] == "que"
		case ws[0] == "da":
			// Portuguese "dá" asks as "dá para…"; "Da primeira vez…"
			// tells.
			return len(ws) > 1 && (ws[1] == "para" || ws[1] == "pra" || ws[1] == "pa")
		case len(ws) > 1 && (ws[0] == "come" && ws[1] == "se" || ws[0] == "como" && ws[1] == "si"),
			len(ws) > 1 && ws[0] == "wie" && slices.Contains([]string{"es", "ich", "wir", "man", "gesagt", "schon", "immer"}, ws[1]):
			// "come se non bastasse", "como si fuera poco", "wie es so
			// ist": "as if", "as it goes", not a question ("come si
			// ordina" and "como se hace" ask).
			return false
		case len(ws) > 1 && slices.Contains(whenWords, ws[0]) && slices.Contains(subjectWords, ws[1]):
			// "When I go to order…", "Wanneer ik klik…": a clause of
			// time, not a question, without a question mark.
			return false
		case (ws[0] == "cuando" || ws[0] == "quando") && strings.Contains(s, ", ") && strings.HasSuffix(strings.TrimSpace(s), "."):
			// "Cuando pedí mis primeros ejemplares me asusté…, pero acá me
			// explicaron…": where the verb says its subject, "when" and a
			// comma to the full stop are a clause of time and the sentence
			// it opens.
			return false
		}
		return true
	}
	// "I want to know", "je voudrais savoir", "ich möchte wissen"...,
	// but not in a sentence of the past: "Qualche settimana fa non
	// riuscivo a capire dove vedere il mio ordine, poi l'ho trovato"
	// tells.
	t := " " + strings.Join(ws, " ") + " "
	for _, p := range []string{" wondering ", " want to know ", " need to know ", " like to know ", " tell me ", " savoir ", " comprendre ",
		" wissen ", " wusste gern ", " frage mich ", " verstehen ", " saber ", " entender ", " sapere ", " capire ", " chiedere ", " weten ", " begrijpen ",
		// "I don't know whether", "I wonder": an ask inside a sentence.
		" i wonder ", " me demande ", " sais pas si ", " weiss nicht ob ", " no se si ", " me pregunto ", " duda de si ",
		" non so se ", " mi chiedo ", " nao sei se ", " weet niet of ", " vraag me af ",
		" not sure if ", " not sure whether ", " wusste ich gern ", " unsicher ob ", " nicht sicher ob ", " pas sur que ", " pas sure que ",
		" no estoy seguro de si ", " no estoy segura de si ", " non sono sicuro se ", " non sono sicura se ", " niet zeker of "} {
		if strings.Contains(t, p) {
			return !past(s) && !hasPhrase(ws, noNeedPhrases, nil)
		}
	}
	return false
}

// noNeedPhrases are the folded words, in a row, that say the author
// needs no answer ("non mi serve sapere se conviene", "I don't need to
// know whether it pays"), in Languages: the wish to know is denied.
var noNeedPhrases = phraseList("not need to know", "no need to know", "pas besoin de savoir",
	"muss nicht wissen", "brauche nicht zu wissen", "no necesito saber", "no hace falta saber", "non mi serve sapere", "non ho bisogno di sapere",
	"nao preciso saber", "hoef niet te weten", "hoef ik niet te weten")

// endsAsAsk reports whether s ends as a question does without a question
// mark ("…e a me ne servono 1200, come faccio"), in any language of
// Languages. Only a sentence that turns from the story ("comunque") is
// read as an ask by it: elsewhere such an ending as often closes the
// story of one ask ("il carrello è vuoto, come faccio"), which is better
// searched whole.
func endsAsAsk(s string) bool {
	t := " " + strings.Join(words(s), " ") + " "
	for _, p := range askEndings {
		if strings.HasSuffix(t, p) {
			return true
		}
	}
	return false
}

// asksLast reports whether the last clause of s, after its last comma,
// asks with its verb before its subject ("…kapotte hoeken in de doos,
// waar meld ik dat eigenlijk", "…the corners were crushed, where do I
// report that"), without a question mark: a question word, a word, and
// a subject. After a comma the question word alone more often opens a
// clause that tells ("…in de doos, waar ik ze had laten liggen").
func asksLast(s string) bool {
	i := strings.LastIndex(s, ", ")
	if i < 0 {
		return false
	}
	ws := words(s[i+2:])
	return len(ws) >= 3 && len(ws) <= 8 && slices.Contains(questionWords(), ws[0]) && slices.Contains(pronouns, ws[2])
}

// pronouns are the folded subject pronouns that, after a question word
// and a verb, make a clause a question, in Languages.
var pronouns = []string{"i", "we", "you", "je", "on", "nous", "vous", "tu", "ich", "wir", "man", "du", "ik", "wij", "u", "jij"}

// whenWords are the question words that also open a clause of time, and
// subjectWords the words that after them make it one ("when I…", "quand
// je…", "quando io…"), in Languages.
var (
	whenWords    = []string{"when", "quand", "cuando", "quando", "wanneer"}
	subjectWords = []string{"i", "we", "you", "je", "j", "on", "nous", "ich", "wir", "yo", "io", "eu", "ik", "wij", "my", "mon", "ma", "mein", "meine", "mi", "mio", "mia", "meu", "minha", "mijn"}
)

// askEndings are the folded endings, with a space at each end, of a
// sentence that asks without a question mark.
var askEndings = []string{" what do i do ", " what now ", " how do i do that ", " que faire ", " comment faire ", " je fais comment ",
	" was tun ", " was nun ", " wie geht das ", " que hago ", " como hago ", " come faccio ", " che faccio ", " come si fa ",
	" o que faco ", " como faco ", " wat nu ", " wat moet ik doen ", " hoe doe ik dat "}

// announcesAsks reports whether s opens by announcing several asks ("Drie
// vraagjes: …", "Two questions: …"): its commas then part them, before
// any question word.
func announcesAsks(s string) bool {
	ws := words(s)
	return len(ws) > 2 && slices.Contains(countWords, ws[0]) && slices.Contains(askNouns, ws[1])
}

// countWords and askNouns are the folded words of "two questions", "drei
// Fragen", "tre domande", "three problems"… in Languages.
var (
	countWords = []string{"two", "three", "deux", "trois", "zwei", "drei", "dos", "tres", "due", "tre", "duas", "dois", "twee", "drie", "2", "3"}
	askNouns   = []string{"questions", "question", "things", "quick", "fragen", "dinge", "sachen", "preguntas", "dudas", "cosas",
		"domande", "cose", "perguntas", "duvidas", "coisas", "vragen", "vraagjes", "dingen", "choses",
		"problems", "issues", "problemes", "probleme", "soucis", "problemas", "problemi", "problemen"}
)

// askVerbs are the folded verbs with which a clause says it asks ("I'd
// like to know how…", "volevo chiedere come…"), in Languages.
var askVerbs = []string{"know", "ask", "wondering", "wonder", "savoir", "demander", "wissen", "fragen",
	"saber", "preguntar", "sapere", "chiedere", "perguntar", "weten", "vragen"}

// asksToKnow reports whether the first words of ws say they ask: an ask
// verb and then, at once or after a comma, a question word.
func asksToKnow(ws []string) bool {
	for j := 0; j+1 < len(ws) && j < 5; j++ {
		w := words(ws[j])
		next := words(ws[j+1])
		if len(w) == 1 && slices.Contains(askVerbs, w[0]) && len(next) > 0 && (slices.Contains(questionWords(), next[0]) || slices.Contains(whetherWords, next[0])) {
			return true
		}
	}
	return false
}

// questionWords are the folded words that open a question in one of
// Languages.
func questionWords() []string { return questionWordList }

// questionWordList is the table of questionWords, made once: it is read for every
// word and segment of a message.
var questionWordList = []string{
	"how", "what", "why", "when", "where", "which", "who", "can", "could", "is", "are", "do", "does", "did", "should", "will", "would", "any", "has", "have",
	"comment", "pourquoi", "quand", "ou", "quel", "quelle", "quels", "combien", "est", "puis", "peut", "peux", "dois", "faut",
	"wie", "was", "warum", "wann", "wo", "wer", "wieviel", "wieviele", "welche", "welcher", "welchen", "welches", "welchem", "kann", "konnen", "gibt", "gibts", "muss", "darf", "ist", "sind", "wieso", "weshalb",
	"como", "que", "por", "cuando", "donde", "cual", "cuales", "cuanto", "cuantos", "cuanta", "cuantas", "puedo", "se", "hay", "es", "debo",
	"cosa", "perche", "dove", "quale", "quanto", "quanti", "quanta", "quante", "come", "quando", "posso", "si", "ce", "devo",
	"onde", "qual", "quais", "quantos", "quantas", "existe", "tem", "da",
	"hoe", "hoelang", "wat", "waarom", "wanneer", "waar", "welke", "welk", "hoeveel", "kan", "kun", "kunnen", "moet", "mag", "zijn",
}

// isFiller reports whether s is only a greeting, thanks or sign-off, which
// says nothing of what the author asks.
func isFiller(s string) bool {
	ws := words(s)
	if len(ws) == 0 {
		return true
	}
	filler := fillerWords()
	n := 0
	for _, w := range ws {
		if slices.Contains(filler, w) {
			n++
		}
	}
	// "Thanks in advance for any help!": the cue words make most of it.
	return n > 0 && (n == len(ws) || (len(ws) <= 7 && 2*n >= len(ws)) || (slices.Contains(filler, ws[0]) && len(ws) <= 4))
}

// fillerWords are the folded words of greetings, thanks and sign-offs in
// Languages.
func fillerWords() []string { return fillerWordList }

// fillerWordList is the table of fillerWords, made once: it is read for every
// word and segment of a message.
var fillerWordList = []string{
	"hi", "hello", "hey", "everyone", "all", "folks", "guys", "thanks", "thank", "you", "advance", "cheers", "regards", "best", "help", "appreciated", "appreciate", "any", "please", "morning", "evening",
	"bonjour", "salut", "bonsoir", "merci", "d'avance", "avance", "cordialement", "tous", "toutes", "aide",
	"hallo", "danke", "vielen", "dank", "gruss", "grusse", "liebe", "lg", "vg", "moin", "im", "voraus",
	"hola", "gracias", "saludos", "todos", "ayuda", "de", "antemano",
	"ciao", "salve", "grazie", "saluti", "tutti", "mille", "aiuto",
	"ola", "oi", "obrigado", "obrigada", "abracos", "pessoal", "bom", "boa", "buenos", "buenas", "buongiorno", "buonasera", "guten", "goedendag", "goeiedag",
	"hoi", "goedemiddag", "goedemorgen", "bedankt", "dank", "groeten", "alvast", "allemaal",
}

// contentWords counts the words of s that are not question or filler
// words.
func contentWords(s string) int {
	n := 0
	for _, w := range words(s) {
		if !slices.Contains(questionWords(), w) && !slices.Contains(fillerWords(), w) && len(w) > 2 {
			n++
		}
	}
	return n
}
