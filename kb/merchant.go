package kb

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// otherShop reports whether query is about an order from a shop other
// than Amazon, named as authors name one ("Meu pedido no iFood veio
// errado", "my Domino's delivery order", "Zalando-Bestellung"), and says
// nothing of a book: such an order is somebody else's to answer, however
// much its words (arrived, refund, tracking) sound like an author
// copy's. Off-topic cues list the kinds of shops (pizza, shoes); a shop's
// name is a sign too, and new ones open every year, so the name is read
// from where it stands rather than listed.
//
// A name is a capitalised word in one of the places a language puts the
// shop of an order: before the order word in English ("my Uber Eats
// order"), after a preposition in the others ("pedido no iFood",
// "bestelling bij Thuisbezorgd"), joined by a hyphen in German. Amazon,
// KDP and the other names the content uses are not shops in this sense,
// nor are the countries it names ("livraison en Belgique"): a word of the
// content is never read as a shop's name.
func (k *KB) otherShop(query, lang string) bool {
	return k.namesShopIn(query, lang) && !namesBook(withoutWordedShops(rawWords(query)))
}

// withoutWordedShops returns ws without the words of wordedShops, whose
// "Livre" is no book.
func withoutWordedShops(ws []string) []string {
	var out []string
	for i := 0; i < len(ws); i++ {
		if n := wordedShopAt(ws[i:]); n > 0 {
			i += n - 1
			continue
		}
		out = append(out, ws[i])
	}
	return out
}

// wordedShopAt returns how many of the words ws starts with are one of
// wordedShops, 0 for none.
func wordedShopAt(ws []string) int {
	for _, p := range wordedShops {
		if len(ws) >= len(p) && slices.EqualFunc(ws[:len(p)], p, func(w, f string) bool { return bareWord(w) == f }) {
			return len(p)
		}
	}
	return 0
}

// namesShopIn reports whether a sentence of query names the shop of an
// order (see otherShop).
func (k *KB) namesShopIn(query, lang string) bool {
	preps := shopPrepositions[lang]
	isShopName := func(w string) bool { return shopName(w) && !k.known(w) }
	for _, sentence := range rawSentences(query) {
		if namesShop(rawWords(sentence), preps, isShopName) {
			return true
		}
	}
	return false
}

// wordedShops are the folded names of shops made of words that name a
// book in one of Languages ("Mercado Livre"), which namesBook would
// otherwise read as the order of a book.
var wordedShops = phraseList("mercado livre", "mercado libre", "casas bahia", "magazine luiza")

// namesShop reports whether the words ws of one sentence name the shop
// of an order, with preps the language's words between the two.
func namesShop(ws []string, preps map[string]bool, isShopName func(string) bool) bool {
	for i, w := range ws {
		low := strings.ToLower(w)
		if hyphenOrder(low) {
			before, _, _ := strings.Cut(w, "-")
			if isShopName(before) {
				return true
			}
			continue
		}
		if !orderWords[low] && !compoundOrder(low) {
			continue
		}
		// "my Uber Eats order", "a Domino's delivery order".
		j := i - 1
		for j >= 0 && orderWords[strings.ToLower(ws[j])] {
			j--
		}
		if j >= 1 && isShopName(ws[j]) && (determiners[strings.ToLower(ws[j-1])] || j >= 2 && isShopName(ws[j-1]) && determiners[strings.ToLower(ws[j-2])]) {
			return true
		}
		// "commande Uber Eats", "pedido no iFood", "ordine su Zalando",
		// and with what was ordered between: "ordered sneakers from
		// Zappos", "commande de manuels à la Fnac".
		if nameFollows[low] && i+1 < len(ws) && isShopName(ws[i+1]) {
			return true
		}
		for n := i + 1; n < len(ws) && n <= i+shopReach; n++ {
			if !preps[strings.ToLower(ws[n])] {
				continue
			}
			m := n + 1
			if m < len(ws) && determiners[strings.ToLower(ws[m])] {
				m++ // "à la Fnac", "bei der Post"
			}
			if m < len(ws) && isShopName(ws[m]) {
				return true
			}
		}
	}
	return false
}

// shopReach is how many words after the order word the preposition
// before a shop's name may come: "ordered sneakers from Zappos",
// "commande de manuels scolaires à la Fnac".
const shopReach = 4

// rawSentences splits query at the ends of its sentences: a question or
// exclamation mark, or a full stop before a space ("Amazon.fr" stays
// whole). A capital after one starts a sentence, not a name.
func rawSentences(query string) []string {
	var out []string
	start := 0
	for i := 0; i < len(query); i++ {
		c := query[i]
		if c == '?' || c == '!' || c == '.' && (i+1 == len(query) || query[i+1] == ' ') {
			out = append(out, query[start:i])
			start = i + 1
		}
	}
	return append(out, query[start:])
}

// rawWords splits query into words as typed, keeping their case, an
// apostrophe within a word ("Domino's") and a hyphen ("Zalando-Bestellung").
func rawWords(query string) []string {
	return strings.FieldsFunc(query, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-' && r != '.'
	})
}

// hyphenOrder reports whether low (a word, lowercased) is a German
// compound of a name and an order word ("zalando-bestellung").
func hyphenOrder(low string) bool {
	before, after, ok := strings.Cut(low, "-")
	return ok && before != "" && orderWords[after]
}

// known reports whether the word w is one of the content's, in any
// language.
func (k *KB) known(w string) bool {
	for _, ix := range k.indexes {
		// The first word only: "Domino's" is "domino" and "s".
		if fs := ix.an.words(w); len(fs) > 0 {
			if _, ok := ix.idf[ix.an.stem(fs[0])]; ok {
				return true
			}
		}
	}
	return false
}

// shopName reports whether w, as typed, may be the name of a shop:
// capitalised (or "iFood"), not a name of the domain, not a word of books.
func shopName(w string) bool {
	w = strings.TrimRight(w, ".'’")
	r, size := utf8.DecodeRuneInString(w)
	if size == 0 || !unicode.IsLetter(r) {
		return false
	}
	if !unicode.IsUpper(r) {
		// "iFood", "eBay": a lower-case letter, then capitals.
		r2, _ := utf8.DecodeRuneInString(w[size:])
		if !unicode.IsUpper(r2) {
			return false
		}
	}
	low := bareWord(w)
	if i := strings.IndexAny(low, ".'’"); i > 0 {
		low = low[:i] // "amazon.fr", "domino's"
	}
	return !domainNames[low] && !determiners[low] && !bookWords[low]
}

// elsewhere reports whether message is about an order from another
// shop (otherShop) or of other goods (otherGoods). Most messages name a
// book, which rules out both but beside a printer for the home or other
// goods, so the words are read once for that first.
func (k *KB) elsewhere(message, lang string) bool {
	ws := rawWords(message)
	book := false
	for _, w := range ws {
		low := bareWord(w)
		book = book || bookWords[low] || low == "kdp" || compoundBook(low)
	}
	goods, printer := goodsNamed(ws)
	if book && !goods && !printer {
		return false
	}
	return ofGoodsOnly(ws, goods, printer) || !namesBook(ws) && k.namesShopIn(message, lang)
}

// otherGoods reports whether the words ws of a query speak of goods
// that are not books (shoes, a jacket, wedding invitations, a board game,
// a printer for the home) and of no book: an order of them is not an
// author's, from Amazon too, which sells them all.
func otherGoods(ws []string) bool {
	goods, printer := goodsNamed(ws)
	return ofGoodsOnly(ws, goods, printer)
}

// goodsNamed reports whether ws name goods that are not books, and a
// printer for the home.
func goodsNamed(ws []string) (goods, printer bool) {
	for i := range ws {
		goods = goods || goodsAt(ws, i) > 0
		printer = printer || homePrinterAt(ws, i)
	}
	return goods, printer
}

// ofGoodsOnly reports whether ws, which name goods or a printer for the
// home as goodsNamed found, name no book beside them. Of a printer for
// the home, printing is what it does: the words of printing do not name a
// book beside it ("my inkjet prints two blank pages at the end of every
// document"). Nor do they next to the goods they print or count ("100
// printed invitations", "3 copies of a board game").
func ofGoodsOnly(ws []string, goods, printer bool) bool {
	if !goods && !printer {
		return false
	}
	for i := 0; i < len(ws); i++ {
		// The words of goods are not a book's, though some end in one
		// ("Gästebuch", "livre d'or").
		if n := goodsAt(ws, i); n > 0 {
			i += n - 1
			continue
		}
		low := bareWord(ws[i])
		if printingWords[low] && printer || ofGoods(ws, i) {
			continue
		}
		if bookWords[low] || low == "kdp" || compoundBook(low) {
			return false
		}
	}
	return true
}

// goodsAt returns how many words from ws[i] on name goods that are not
// books (goodsWords, goodsPhrases), 0 when ws[i] starts none.
func goodsAt(ws []string, i int) int {
	low := bareWord(ws[i])
	if goodsWords[low] {
		return 1
	}
	// "Online-Supermarkt", "e-shirt": a compound of the goods after its
	// last hyphen.
	if j := strings.LastIndexByte(low, '-'); j > 0 && goodsWords[low[j+1:]] {
		return 1
	}
	for _, p := range goodsPhrases[low] {
		if i+len(p) < len(ws) && slices.EqualFunc(p, ws[i+1:i+1+len(p)], func(a, b string) bool { return a == bareWord(b) }) {
			return 1 + len(p)
		}
	}
	return 0
}

// ofGoods reports whether ws[i] is a word of printing or copies that
// speaks of goods other than books: printing just before or after them
// ("printed invitations", "faire-part imprimés"), or copies of them ("3
// copies of a board game", "exemplaires d'un jeu de société").
func ofGoods(ws []string, i int) bool {
	low := bareWord(ws[i])
	switch {
	case copyWords[low]:
		if i+1 >= len(ws) || !ofWords[bareWord(ws[i+1])] && !elided(bareWord(ws[i+1])) {
			return false
		}
		start := i + 1
		if elided(bareWord(ws[i+1])) {
			start = i // "d'un jeu": the article is in the preposition's word
		}
		for j := i + 2; j <= start+3 && j < len(ws); j++ {
			if goodsAt(ws, j) > 0 {
				return true
			}
		}
	case printingWords[low]:
		for j := max(0, i-goodsReach); j <= i+goodsReach && j < len(ws); j++ {
			if j != i && goodsAt(ws, j) > 0 {
				return true
			}
		}
	}
	return false
}

// goodsReach is how many words from goods a word of printing may stand
// and still print them: "invitations de mariage imprimées", "wedding
// invitations and the gold print".
const goodsReach = 5

// elided reports whether low is a French or Italian preposition elided
// into the next word: "d'un", "dell'album".
func elided(low string) bool {
	for _, p := range []string{"d'", "d’", "dell'", "dell’"} {
		if strings.HasPrefix(low, p) && len(low) > len(p) {
			return true
		}
	}
	return false
}

// copyWords are the words for a copy in the seven languages.
var copyWords = wordSet(`copy copies copie copia copias kopie kopien cópia cópias cópia exemplaire exemplaires exemplar exemplare ejemplar ejemplares exemplaar exemplaren`)

// ofWords are the prepositions between copies and what they are of.
var ofWords = wordSet(`of de du des von vom der eines einer di del della dello dei degli delle do da dos das van`)

// homePrinterAt reports whether ws[i] names a printer for the home: one
// of homePrinterWords, or a word for a printer beside one for home ("my
// printer at home", "mein Drucker zu Hause", "de printer thuis").
func homePrinterAt(ws []string, i int) bool {
	low := bareWord(ws[i])
	if homePrinterWords[low] {
		return true
	}
	if !printerWords[low] {
		return false
	}
	for j := max(0, i-2); j <= i+2 && j < len(ws); j++ {
		if homeWords[bareWord(ws[j])] {
			return true
		}
	}
	return false
}

// printerWords name a printer, for the home or not; homeWords say where.
var (
	printerWords = wordSet(`printer printers drucker`)
	homeWords    = wordSet(`home hause zuhause daheim thuis`)
)

// homePrinterWords name a printer for the home and what it takes; the
// words that also name a print shop ("printer", "Drucker") are left out.
var homePrinterWords = wordSet(`inkjet laserjet toner cartridge cartridges homeprinter imprimante cartouche cartouches tintenstrahldrucker laserdrucker tintendrucker heimdrucker fotodrucker druckerpatrone tintenpatrone toner impresora cartucho cartuchos impressora tinteiro stampante cartuccia cartucce inktpatroon inktpatronen inkjetprinter laserprinter thuisprinter fotoprinter`)

// printingWords are the words of bookWords that say printing, which a
// printer for the home does as well, and the copies it makes.
var printingWords = wordSet(`print printed printing impression imprimé druck gedruckt impreso impresión impresso impressão stampa stampato druk gedrukt
copy copies copie copia copias kopie kopien cópia cópias`)

// namesBook reports whether any of ws is a word of books and their
// printing: then the order may well be an author's.
func namesBook(ws []string) bool {
	for _, w := range ws {
		low := bareWord(w)
		if bookWords[low] || domainNames[low] {
			return true
		}
		if i := strings.IndexAny(low, ".-"); i > 0 && (domainNames[low[:i]] || bookWords[low[i+1:]]) {
			return true
		}
		if compoundBook(low) {
			return true
		}
	}
	return false
}

// bareWord is w lowercased, without the dots and apostrophes that end it.
func bareWord(w string) string { return strings.ToLower(strings.TrimRight(w, ".'’")) }

// wordSet makes a set of the space-separated words of s.
func wordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// orderWords are the words, in the seven languages, for an order, its
// delivery or its parcel.
var orderWords = wordSet(`order orders ordered delivery package parcel bought purchased
commande commandes commandé commandée livraison colis acheté achetée
bestellung bestellungen lieferung paket sendung bestellt gekauft
pedido pedidos pedí encomienda entrega paquete compra compré comprado comprada
encomenda encomendas encomendei entrega pacote comprei
ordine ordinazione ordinato ordinata consegna pacco comprato comprata
bestelling bestellingen levering pakket pakketje besteld gekocht`)

// nameFollows are the order words a shop's name may follow directly
// ("commande Uber Eats", "pedido iFood"); English puts it before.
var nameFollows = wordSet(`commande livraison colis pedido paquete encomenda pacote ordine pacco bestelling pakket pakketje`)

// shopPrepositions are the words between an order and the shop it was
// placed with ("bestelling bij", "pedido no", "commandé chez").
var shopPrepositions = map[string]map[string]bool{
	"en": wordSet(`from at on via with`),
	"fr": wordSet(`chez sur de à au`),
	"de": wordSet(`bei von`),
	"es": wordSet(`en de a del`),
	"pt": wordSet(`no na do da de`),
	"it": wordSet(`su da di`),
	"nl": wordSet(`bij van via`),
}

// determiners come before a shop's name in English ("my Uber Eats order").
var determiners = wordSet(`my a an the our this that mijn ma mon mein meine mi mio il la le el o a der dem de het`)

// domainNames are the names of the domain: an order with them is one this
// knowledge base may answer.
var domainNames = wordSet(`amazon kdp kindle ingramspark ingram bookshelf createspace audible acx lulu`)

// goodsWords are goods other than books, in the seven languages, that
// authors also order online: clothes, shoes, furniture, food, games and
// toys, medicines, household appliances, a television set, headphones,
// flowers, gift cards, newspapers and magazines, hotel rooms and
// tickets, and what print shops print that is not a book (invitations,
// flyers, posters, cards, calendars, photo prints; printers are
// homePrinterWords); a newspaper as it is delivered, flyers as they are
// printed. Phones and computers are left out: the order page
// is opened on them. So are the words a book may be or carry (a photo
// book, a puzzle book, a sticker on a cover) and those of other senses
// (a calendar day, a card payment, "la page affiche", the TV an author
// is interviewed on, invitations to a book fair, the newspaper that
// writes about one, flyers handed out at a signing).
var goodsWords = wordSet(`shoes sneakers trainers boots jacket coat dress shirt jeans trousers sofa couch fridge pizza groceries
posters postcards mugs t-shirt t-shirts tshirts hoodies calendars boardgame boardgames toys lego
supermarket pharmacy medicine medicines medication prescription guestbook
headphones earphones earbuds charger vacuum kettle toaster flowers bouquet perfume mattress giftcard giftcards voucher
chaussures baskets veste manteau robe chemise pantalon canapé frigo pizza
faire-part fairepart affiches autocollants calendriers jouets
supermarché supermarche pharmacie médicament médicaments medicament medicaments ordonnance d'hôtel d’hôtel d'hotel
écouteurs ecouteurs chargeur aspirateur cafetière cafetiere bouilloire grille-pain fleurs parfum matelas croquettes carte-cadeau téléviseur televiseur
schuhe turnschuhe sneaker stiefel jacke mantel kleid hemd hose jeans sofa kühlschrank pizza
supermarkt apotheke medikament medikamente hotelbuchung hotelreservierung hotelzimmer konzertkarten konzerttickets bahntickets zugtickets flugtickets zeitungsabo zeitungsabonnement fotoabzüge fotoabzuege fotoalbum fotoalben gästebuch gaestebuch
kopfhörer kopfhörern kopfhoerer ladekabel ladegerät ladegerat staubsauger kaffeemaschine wasserkocher toaster blumen blumenstrauß parfüm matratze hundefutter gutschein gutscheine gutscheincode geschenkkarte fernseher
einladungskarten hochzeitseinladungen hochzeitskarten visitenkarten plakate aufkleber postkarten fotokalender wandkalender tischkalender brettspiel brettspiele brettspiels gesellschaftsspiel gesellschaftsspiele gesellschaftsspiels spielzeug
zapatos zapatillas chaqueta abrigo vestido camisa pantalón pantalones sofá nevera pizza
carteles pegatinas camisetas calendarios juguetes
supermercado farmacia medicamento medicamentos medicina
auriculares cargador aspiradora cafetera hervidor tostadora flores perfume colchón colchon pienso televisor
sapatos sapatilhas tênis ténis casaco vestido camisa calça sofá frigorífico geladeira pizza
cartazes adesivos canecas camisetas calendários calendarios brinquedos
farmácia remédio remédios remedio remedios ingressos
carregador aspirador cafeteira chaleira torradeira liquidificador buquê buque colchão colchao ração racao
scarpe giacca giubbotto cappotto vestito camicia pantaloni divano frigorifero pizza
locandine manifesti adesivi magliette calendari giocattoli
supermercato farmaco farmaci medicinali d'albergo d’albergo dell'albergo dell'hotel
cuffie auricolari caricabatterie aspirapolvere caffettiera bollitore tostapane fiori profumo materasso crocchette televisore
schoenen jas jurk overhemd broek spijkerbroek koelkast pizza
trouwkaarten geboortekaartjes visitekaartjes posters mokken kalenders fotokalender wandkalender bordspel bordspellen speelgoed
apotheek medicijn medicijnen medicatie fotoafdrukken fotoalbum gastenboek
koptelefoon oordopjes oplader stofzuiger koffiezetapparaat koffiemachine waterkoker broodrooster bloemen boeket matras hondenvoer cadeaubon cadeaubonnen cadeaukaart hotelboeking hotelreservering hotel
lamp lamps vase vases mirror rug curtains lampe lampes miroir tapis rideaux lampen teppich vorhänge vorhaenge lámpara lampara jarrón jarron espejo alfombra cortinas lampada lampade specchio tappeto luminária luminaria candeeiro abajur espelho tapete vaas gordijnen
clothing clothes electronics gadgets vêtements vetements électronique electronique kleidung elektronik elektronikshop elektronikladen elektronikmarkt modegeschäft modegeschaeft kleidungsgeschäft
ropa electrónica electronica elettronica abbigliamento roupas roupa eletrônicos eletronicos eletrônica eletronica kleding elektronica kledingwinkel elektronicawinkel hotelkamer concertkaartjes concerttickets treinkaartjes vliegtickets krantenabonnement`)

// goodsPhrases are goods named in several words, by their first word:
// "board game", "wedding invitations", "a calendar", "jeu de société".
var goodsPhrases = phraseSet(`newspaper subscription; newspaper delivery; my newspaper; magazine subscription; printed flyers; flyers printed; flyers i ordered; flyers i had; printed leaflets; leaflets printed; gift card; gift cards; vacuum cleaner; coffee machine; coffee maker; dog bed; cat tree; dog food; cat food; hotel booking; hotel reservation; hotel room; concert tickets; train tickets; plane tickets; flight tickets; photo prints; photo album; photo albums; guest book; wedding album
board game; board games; wedding invitation; wedding invitations; party invitations; birthday invitations; business cards; greeting cards; a calendar; wall calendar; photo calendar; custom calendar; personalised calendar; personalized calendar; printed calendar
abonnement au journal; mon journal; flyers imprimés; flyers imprimes; prospectus imprimés; dépliants imprimés; carte cadeau; cartes cadeaux; bon d'achat; casque audio; machine à café; machine a cafe; tirages photo; tirages photos; album photo; albums photo; livre d'or; livres d'or; billets de concert; billets de train; billets d'avion; billet d'avion; jeu de société; jeux de société; jeu de societe; jeux de societe; cartes de visite; un calendrier; calendrier personnalisé; calendrier photo; calendrier mural
einen kalender; ein kalender; meine zeitung; gedruckten flyer; die flyer
suscripción al periódico; mi periódico; folletos impresos; flyers impresos; tarjeta regalo; tarjetas regalo; cheque regalo; revelado de fotos; álbum de fotos; album de fotos; libro de firmas; reserva de hotel; reserva del hotel; habitación de hotel; entradas para un concierto; entradas del concierto; billetes de tren; billetes de avión; billete de avión; juego de mesa; juegos de mesa; tarjetas de visita; invitaciones de boda; un calendario; calendario personalizado; calendario de fotos; calendario de pared
abbonamento al giornale; il mio giornale; volantini stampati; i volantini; buono regalo; buoni regalo; carta regalo; macchina del caffè; macchina del caffe; stampe delle foto; stampa delle foto; album fotografico; libro degli ospiti; biglietti del concerto; biglietti per il concerto; biglietti del treno; biglietti aerei; gioco da tavolo; giochi da tavolo; gioco in scatola; giochi in scatola; biglietti da visita; partecipazioni di nozze; un calendario; calendario personalizzato; calendario fotografico; calendario da muro
assinatura do jornal; meu jornal; panfletos impressos; folhetos impressos; cartão presente; cartao presente; vale presente; fones de ouvido; fone de ouvido; revelação de fotos; revelacao de fotos; impressão de fotos; álbum de fotos; livro de visitas; reserva de hotel; reserva do hotel; quarto de hotel; passagens aéreas; passagem aérea; jogo de tabuleiro; jogos de tabuleiro; cartões de visita; cartoes de visita; convites de casamento; um calendário; um calendario; calendário personalizado; calendario personalizado; calendário de fotos; calendário de parede
een kalender; mijn krant; gedrukte flyers; de flyers`)

// phraseSet indexes the ";"-separated phrases of s by their first word,
// each with the words after it.
func phraseSet(s string) map[string][][]string {
	m := make(map[string][][]string)
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' }) {
		ws := strings.Fields(p)
		if len(ws) > 1 {
			m[ws[0]] = append(m[ws[0]], ws[1:])
		}
	}
	return m
}

// compoundOrder reports whether low is a German or Dutch compound that
// ends with an order word: "boodschappenbestelling", "Möbellieferung".
func compoundOrder(low string) bool {
	for _, end := range compoundOrderEnds {
		if len(low) > len(end)+2 && strings.HasSuffix(low, end) {
			return true
		}
	}
	return false
}

// compoundOrderEnds are the order words a German or Dutch compound ends
// with.
var compoundOrderEnds = []string{"bestellung", "lieferung", "paket", "bestelling", "levering", "pakket", "pakketje"}

// compoundBook reports whether low is a German or Dutch compound that
// ends with a book word: "Autorenexemplare", "kinderboek",
// "auteursexemplaren".
func compoundBook(low string) bool {
	for _, end := range compoundBookEnds {
		if strings.HasSuffix(low, end) {
			return true
		}
	}
	return false
}

// compoundBookEnds are the book words a German or Dutch compound ends
// with.
var compoundBookEnds = []string{"buch", "bücher", "exemplar", "exemplare", "boek", "boeken", "exemplaar", "exemplaren"}

// bookWords are the words of books and their printing in the seven
// languages: a message with one is an author's, whatever shop it names.
var bookWords = wordSet(`book books copy copies author proof proofs paperback paperbacks hardcover hardback isbn print printed printing novel
livre livres exemplaire exemplaires auteur épreuve épreuves broché imprimé impression roman
buch bücher exemplar exemplare autor autorenexemplare belegexemplar taschenbuch druck gedruckt roman
libro libros ejemplar ejemplares copia copias autor prueba pruebas tapa impreso impresión novela
livro livros exemplar exemplares cópia cópias autor prova provas brochura impresso impressão romance
libro libri copia copie autore bozza bozze brossura stampa stampato romanzo
boek boeken exemplaar exemplaren auteur proefexemplaar paperback druk gedrukt roman`)
