package kb

import (
	"slices"
	"strings"
	"unicode"

	"github.com/authorbot/authorbot/internal/editdist"
	"github.com/authorbot/authorbot/isbn"
	"github.com/authorbot/authorbot/printcost"
)

// maxAsks is the number of asks Answer answers in one message.
const maxAsks = 3

// Part is one ask of a message and its result. A Part whose Result is not
// Confident is a part the knowledge base could not answer: Result.Unknown
// names the subject and the page that covers it when it is a known
// unknown.
type Part struct {
	Ask string // the words of the message this part answers, as written
	Result
}

// Answer is the outcome of KB.Answer for a whole message: its asks, in the
// order asked, each with its result.
type Answer struct {
	Lang  string // the language of every part's entries
	Parts []Part // 1 to maxAsks; distinct topics, distinct unknowns
}

// Answered returns the parts with a confident topic.
func (a Answer) Answered() []Part {
	var out []Part
	for _, p := range a.Parts {
		if p.Confident {
			out = append(out, p)
		}
	}
	return out
}

// Declined returns the parts the knowledge base could not answer.
func (a Answer) Declined() []Part {
	var out []Part
	for _, p := range a.Parts {
		if !p.Confident {
			out = append(out, p)
		}
	}
	return out
}

// Answer answers a whole message as authors post them, up to 1,500
// characters or so: a greeting, the story of the book or the order, one
// to three questions and thanks. It splits the message into sentences
// and into the asks joined by "and also", "another question" or an
// enumeration, in any of Languages; searches each ask (a sentence with a
// question mark or opening with a question word) on its own, then with
// the sentence before it when alone it is too short to tell; and drops
// greetings, thanks and sign-offs. When no ask is answered the story
// around them is searched as one question. Parts answering a topic or an
// unknown already answered are dropped, and a weak match that names
// nothing of the domain is declined (doubt). Answer of one short question
// is its Search, so doubted.
func (k *KB) Answer(message, lang string) Answer {
	if l := Lang(lang); k.has(l) {
		lang = l
	} else {
		lang = k.queryLang(tokens(message), lang, DetectLang(message))
	}
	a := Answer{Lang: lang}
	// "Mon colis Zalando est arrivé déchiré. Comment me faire
	// rembourser ?": an order from another shop, named anywhere in a
	// message that says nothing of a book, is that shop's to answer,
	// though the ask that follows names no shop of its own; so is one of
	// goods that are not books ("the sneakers came in a 9, how do I send
	// them back?").
	if k.elsewhere(message, lang) {
		a.Parts = []Part{{Ask: strings.TrimSpace(message), Result: Result{Lang: lang}}}
		return a
	}
	segs := k.listAsks(readSegments(numberedSegments(message, lang)), lang)
	if len(message) <= maxPairedMessage {
		segs = k.pairAsks(segs, lang)
	}
	segs = k.markedAsks(segs, lang)
	segs = k.announcedAsks(segs, lang)
	if len(message) <= maxPairedMessage {
		segs = k.toldProblems(segs, lang)
	}
	var asks, story []int
	for i, s := range segs {
		switch {
		case s.filler:
		case s.ask:
			asks = append(asks, i)
		default:
			story = append(story, i)
		}
	}
	var declined []Part
	var prev Result // the result of the ask before
	for _, i := range asks {
		p := Part{Ask: segs[i].text}
		query := askQuery(segs[i].text, lang)
		if r := segs[i].listed; r != nil {
			p.Result = *r
		} else {
			p.Result = k.Search(query, lang)
		}
		// An ask that answers a topic weakly (under weakAsk, or under
		// markedStory in two words or so: "what am I doing wrong?" matches
		// wrong-item by "wrong") is about the sentence before it when
		// that sentence answers more strongly: its own topic, or another
		// as strongly as a marked ask must.
		weak := p.Confident && (p.Score < markedStory && contentWords(query) < 3 && segs[i].listed == nil || p.Score < weakAsk)
		if (!p.Confident || weak) && p.Unknown == nil && i > 0 && !segs[i-1].filler && !segs[i-1].ask && !past(segs[i-1].text) {
			ctx := segs[i-1].text + " " + segs[i].text
			if r := k.Search(ctx, lang); (r.Confident && r.Score >= weakClause || r.Unknown != nil) && (!weak || r.Confident && r.Score > p.Score && (r.Best.ID == p.Best.ID || r.Score >= markedStory)) {
				p = Part{Ask: ctx, Result: r}
			}
			// An ask that only asks ("is that possible?") after a story of
			// several sentences is about the story's last two sentences.
			if i > 1 && !segs[i-2].filler && !segs[i-2].ask && contentWords(segs[i].text) < 3 {
				ctx2 := segs[i-2].text + " " + ctx
				if r := k.Search(ctx2, lang); r.Confident && (!p.Confident || r.Score > p.Score) {
					p = Part{Ask: ctx2, Result: r}
				}
			}
		}
		// "Je veux une précommande du broché. IngramSpark le fait-il ? Ou
		// KDP directement ?": an ask opened by "or" that names no subject
		// of its own asks what the story before the asks wants, of
		// another way.
		if (!p.Confident || p.Score < weakAsk) && p.Unknown == nil && i > 0 && segs[i-1].ask && orOpens(segs[i].text) {
			j := i - 1
			for j >= 0 && segs[j].ask {
				j--
			}
			if j >= 0 && !segs[j].filler && !past(segs[j].text) {
				ctx := segs[j].text + " " + segs[i].text
				if r := k.Search(ctx, lang); r.Confident && r.Score >= markedStory && (!p.Confident || r.Score > p.Score) {
					p = Part{Ask: ctx, Result: r}
				}
			}
		}
		if p.Unknown == nil && (!p.Confident || p.Score < markedStory) && segs[i].listed == nil {
			// "Woran kann das liegen?", "¿Alguien sabe por qué me sale
			// ese error?": an ask that names no subject of its own (it
			// matches nothing but by a word) is about the problem the
			// story told last. One that matches a little more may ask
			// about something the knowledge base does not cover.
			if story, ctx, r, ok := k.storyProblem(segs, i, lang); ok && (!p.Confident && p.Score < vagueAsk || p.Confident && r.Score > p.Score) {
				if p.Confident && p.Score >= weakAsk && r.Best.ID != p.Best.ID {
					// "The order author copies button is greyed out. Once
					// it works, which marketplace should I order from?":
					// an ask of its own beside the problem told asks
					// about both.
					a.add(Part{Ask: story, Result: r})
				} else {
					p = Part{Ask: ctx, Result: r}
				}
			}
		}
		if (!p.Confident || p.Score < weakAsk) && p.Unknown == nil && i > 0 && segs[i-1].ask && prev.Confident {
			// "…hardcover copies to the UK? 2) how much is each one" (or
			// "cuánto me sale cada una", which matches the missing button
			// by "me sale"): what each of the copies costs, narrowed
			// below by the format.
			qw := words(query)
			// After how to order author copies, "et ça coute combien en
			// gros pour un livre de 200 pages" asks the same of them.
			eachCost := !costTopic(prev.Best.ID) && hasPhrase(qw, costPhrases, nil) && (hasPhrase(qw, eachPhrases, nil) || prev.Best.ID == "order-author-copies")
			if !p.Confident || eachCost {
				ctx := segs[i-1].text + " " + segs[i].text
				r := k.Search(ctx, lang)
				// "Can I order proofs of my hardcover? And how long until
				// they get here": an ask that says "they" or "it" is about
				// the ask before it, and asks something else of it.
				if !p.Confident && r.Confident && r.Best.ID != prev.Best.ID {
					p = Part{Ask: ctx, Result: r}
				}
				if eachCost && r.Confident && (!p.Confident || p.Score < weakAsk) {
					p = Part{Ask: ctx, Result: k.retopic(r, "author-copy-cost")}
				}
			}
		}
		// "Kann man Amazon Advantage für Print-Vorbestellungen nutzen?
		// Wenn ja, wie läuft das Schritt für Schritt ab?": an ask right
		// after an answered one may name its subject by the words of that
		// one, when the two searched together answer what it answers, not
		// what the one before does ("…na Amazon.es? E na .com muda
		// muito?" matches changing an order by "muda", and together they
		// ask the marketplace's cost again).
		named := p.Ask
		if p.Confident && p.Score < weakAsk && i > 0 && segs[i-1].ask && prev.Confident && !namesDomain(p.Ask) {
			if r := k.Search(segs[i-1].text+" "+p.Ask, lang); r.Confident && r.Best.ID == p.Best.ID && r.Best.ID != prev.Best.ID {
				named = segs[i-1].text + " " + p.Ask
			}
		}
		// "…Any fix? Also, I'm in Canada, should I be ordering from .com
		// or .ca?": an ask its opening marks as another, that names
		// something of ordering copies, is answered by its best topic
		// from markedAsk, where alone it would have to be confident; right
		// after an answered ask of another topic, from followedAsk ("…Wat
		// kost een gebonden exemplaar? En hoe bestel ik die?").
		if !p.Confident && p.Unknown == nil && p.Best != nil && (p.Score >= markedAsk || p.Score >= followedAsk && i > 0 && segs[i-1].ask && prev.Confident && prev.Best.ID != p.Best.ID) && askOpener(segs[i].text, lang) == openerMore && namesDomain(p.Ask) && segs[i].listed == nil {
			p.Confident = true
		}
		// "Combien coûte un exemplaire d'auteur de 200 pages ? Et comment
		// je les commande ?": an ask opened by "and" right after an
		// answered one, that on its own words matches nothing surely, asks
		// of what the ask before named ("les" are the copies): it is
		// searched with the words of the domain that one says
		// (antecedent), and takes the topic they answer together when it
		// is another than the one before's.
		if !p.Confident && p.Unknown == nil && i > 0 && segs[i-1].ask && prev.Confident && askOpener(segs[i].text, lang) == openerMore && segs[i].listed == nil {
			if ante := antecedent(segs[i-1].text); ante != "" {
				q := query + " " + ante
				if r := k.Search(q, lang); r.Confident && r.Unknown == nil && r.Best.ID != prev.Best.ID && r.Score >= markedAsk {
					p.Result, named = r, q
				}
			}
		}
		// "Mon panier affiche 1 au lieu de 20… Et sur les autres les pages
		// sont pâles, c'est normal ?": beside an ask already answered, the
		// message is about copies, and an ask matching from weakClause is
		// not doubted for naming nothing of them.
		// Nor is an ask of what a book costs in a message that gives its
		// page count ("Roman de 280 pages, broché. Ça me reviendrait à
		// combien d'en faire venir une quarantaine ?"): the book is named
		// by its pages.
		if !(answeredDomain(a.Parts) && p.Score >= weakClause) && !(p.Best != nil && costTopic(p.Best.ID) && hasPhrase(words(p.Ask), costPhrases, nil) && givesPages(message)) {
			p.Result = doubt(p.Result, named)
		}
		if k.asksOfPrevious(p, query, segs, i, prev, lang) {
			continue
		}
		prev = p.Result
		switch {
		case p.Confident || p.Unknown != nil:
			a.add(p)
		case contentWords(segs[i].text) >= 3:
			declined = append(declined, p)
		}
	}
	if len(a.Parts) == 0 && len(story) > 0 {
		// No ask answered, or none asked: the message as a whole may
		// still say what it is about ("my cart is empty!!"), when it names
		// the domain or says it strongly.
		var b strings.Builder
		for _, i := range append(story, asks...) {
			b.WriteString(segs[i].text)
			b.WriteByte(' ')
		}
		text := strings.TrimSpace(b.String())
		if r := doubt(k.Search(text, lang), text); r.Confident || r.Unknown != nil || len(declined) == 0 {
			a.add(Part{Ask: text, Result: r})
		}
	}
	if len(message) > minFollowedMessage {
		a.Parts = k.followUps(a.Parts, lang)
	}
	for _, p := range declined {
		a.add(p)
	}
	if len(a.Parts) == 0 {
		a.Parts = []Part{{Ask: strings.TrimSpace(message), Result: k.Search(message, lang)}}
	}
	// "My ISBN is 979-8-… What is its ISBN-10? Is my ASIN the same?",
	// "Tapa dura, 240 páginas. ¿Cuánto me sale cada copia?": an ask
	// without the number or the format is about the one the message
	// gives.
	// An ask beside one about the narrower topic asks the general
	// question ("Can KDP do a paperback pre-order, or do I have to use
	// Amazon Advantage?", "The button is greyed out on my hardcover. Also,
	// can I get hardcover copies in the UK?") and stays general, also
	// beside the steps of the narrower way ("Não dá pela KDP? Se tiver
	// que ser pela Amazon Advantage, qual é o passo a passo?"); one of
	// ISBN conversion beside the 979 topic has nothing to convert.
	parts := a.Parts
	a.Parts = nil
	for i, p := range parts {
		p.Result = k.isbn979(message, p.Result)
		// The format and pages of a cost are read from the message but
		// for the other asks: in "How is the printing cost of a 200-page
		// book worked out? Also, can I get hardcover copies in the UK?"
		// the hardcover is the second ask's.
		own := withoutOtherAsks(message, parts, i)
		if r := k.narrowPart(p.Ask, own, message, p.Result); r.Best == p.Best || !answersNarrower(parts, r.Best.ID) {
			p.Result = r
		}
		a.add(p)
	}
	return a
}

// asksOfPrevious reports whether the part p of the ask segs[i], whose
// words query searched, asks nothing of its own but more of the ask
// before it, whose result is prev:
//   - "Veio um livro de outra autora no pacote em vez do meu. Como
//     resolvo?": an ask of a word or two that still matches only weakly
//     on its own words, right after an answered ask, asks how to solve
//     that one's problem ("And where do I see if it shipped?" names
//     copies, and asks);
//   - "hoe bestel ik auteursexemplaren?? kan t nergens vinden": not
//     finding it is not finding what the ask before asks for;
//   - "Wieviele Kategorien darf man wählen und kann man die nachträglich
//     ändern?": an ask of a word or two right after one about a subject
//     the knowledge base does not cover asks more of that subject.
func (k *KB) asksOfPrevious(p Part, query string, segs []segment, i int, prev Result, lang string) bool {
	if !p.Confident || p.Unknown != nil || p.Ask != segs[i].text || i == 0 || !segs[i-1].ask {
		return false
	}
	// After a subject not covered, even a word of the domain asks more of
	// it ("…¿Eso es culpa de KDP o del vendedor? ¿Puedo reclamar yo?").
	if prev.Unknown != nil {
		return k.meaningWords(query, lang) < 3
	}
	if namesDomain(p.Ask) {
		return false
	}
	return prev.Confident && prev.Best.ID != p.Best.ID && segs[i].listed == nil &&
		(p.Score < markedStory && contentWords(query) < 3 || notFound(query))
}

// withoutOtherAsks returns message without the asks of the parts other
// than parts[i] that stand apart from it (neither holds the other).
func withoutOtherAsks(message string, parts []Part, i int) string {
	own := message
	for j, q := range parts {
		if j == i || q.Ask == "" || strings.Contains(q.Ask, parts[i].Ask) || strings.Contains(parts[i].Ask, q.Ask) {
			continue
		}
		own = strings.Replace(own, q.Ask, " ", 1)
	}
	return own
}

// costTopic reports whether topic id is one of what printing or copies
// cost.
func costTopic(id string) bool {
	switch id {
	case "author-copy-cost", "printing-cost", "printing-cost-by-marketplace", "hardcover-cost", "ink-options", "taxes-vat":
		return true
	}
	return false
}

// givesPages reports whether text gives a book's page count.
func givesPages(text string) bool {
	p, missing := printcost.FromText(text)
	return p.Pages > 0 || oneSide(missing) > 0
}

// doubt returns r, found for text, as not confident when it may be a
// subject the knowledge base does not know: a match under weakAsk that
// names nothing of ordering and printing copies (namesDomain). "Como
// recebo os royalties no Brasil?" matched the resale of copies by a word
// or two; such a question is declined with the pointer to a human rather
// than answered wrong.
func doubt(r Result, text string) Result {
	if r.Confident && r.Unknown == nil && r.Score < weakAsk && !namesDomain(text) {
		r.Confident = false
	}
	return r
}

// answeredDomain reports whether one of parts answers a topic confidently.
func answeredDomain(parts []Part) bool {
	for _, p := range parts {
		if p.Confident && p.Unknown == nil {
			return true
		}
	}
	return false
}

// answersNarrower reports whether one of parts answers topic id, or a
// topic narrower than it: the steps of Amazon Advantage answer whether it
// works too.
func answersNarrower(parts []Part, id string) bool {
	return answers(parts, id) || id == "advantage-preorder" && answers(parts, "advantage-preorder-steps")
}

// answers reports whether one of parts answers topic id.
func answers(parts []Part, id string) bool {
	for _, p := range parts {
		if p.Confident && p.Best.ID == id {
			return true
		}
	}
	return false
}

// narrow returns r with the topic that narrows its own to what text
// gives, when it gives it: a 979 ISBN, the hardcover format, the way to
// a print pre-order. Search narrows by the query; Answer narrows each
// part by the whole message.
func (k *KB) narrow(text string, r Result) Result {
	return k.narrowPart(text, text, text, k.isbn979(text, r))
}

// narrowPart applies the narrowing rules, in this order, to r, found for
// ask: own is the message without its other asks, where the format and
// pages of a cost are read, and message the whole of it. Each rule leaves
// r as it is unless it applies.
func (k *KB) narrowPart(ask, own, message string, r Result) Result {
	r = k.proofDifference(ask, message, r)
	r = k.inkCost(ask, own, r)
	r = k.costOfCopies(ask, r)
	r = k.hardcoverCost(own, r)
	r = k.printingAsked(ask, own, r)
	r = k.shortBook(own, r)
	r = k.ukHardcover(message, r)
	r = k.deliveryAsked(ask, r)
	r = k.placeAsked(ask, message, r)
	r = k.storeChoice(ask, r)
	r = k.printPreorder(message, r)
	r = k.advantageSteps(ask, r)
	return k.placedQuantity(message, r)
}

// meaningWords counts the words of s that are not stop words of lang.
func (k *KB) meaningWords(s, lang string) int {
	ix := k.indexes[lang]
	if ix == nil {
		return contentWords(s)
	}
	n := 0
	for _, w := range words(s) {
		if !ix.an.stop[w] {
			n++
		}
	}
	return n
}

// placedQuantity returns r with changing an order in place of a wrong
// quantity in the cart when text speaks of an order and of no cart or
// checkout ("Can I bump the number on that order?", "bei meiner
// Bestellung die Stückzahl ändern"): the cart's quantity is a problem
// of the cart, and every question of it on the tuning sets names one.
func (k *KB) placedQuantity(text string, r Result) Result {
	if !r.Confident || r.Best == nil || r.Best.ID != "cart-quantity" {
		return r
	}
	ws := words(text)
	if slices.ContainsFunc(ws, cartWord) || !hasWord(ws, placedOrderWords) {
		return r
	}
	return k.retopic(r, "change-order")
}

// cartWord reports whether the folded word w is one of cartWords, or one
// typo from one of five letters or more ("warenkrob").
func cartWord(w string) bool {
	if cartWords[w] {
		return true
	}
	if len(w) < 5 {
		return false
	}
	for c := range cartWords {
		if len(c) >= 5 && editdist.Distance(w, c, 1) <= 1 {
			return true
		}
	}
	return false
}

// cartWords are the folded words of the cart and the checkout, in the
// seven languages.
var cartWords = wordSet(`cart carts basket checkout caddie panier paniers caisse warenkorb einkaufswagen kasse carrito cesta caja carrinho cesto carrello cassa winkelwagen winkelwagentje winkelmand winkelmandje mandje afrekenen`)

// placedOrderWords are the folded words of an order placed, in the seven
// languages.
var placedOrderWords = wordSet(`order orders ordered commande commandes bestellung bestellungen bestellt pedido pedidos encomenda encomendas ordine ordini ordinato bestelling bestellingen besteld`)

// proofDifference returns r with the difference between proofs and
// author copies when ask asks how things differ and the message names a
// proof ("Ahora veo que hay copias de prueba y copias de autor … ¿Cuál es
// la diferencia real entre las dos?", "Was ist anders, wenn ich ein
// Testexemplar bestelle, im Vergleich zu den Büchern zum Druckpreis?"):
// the two are what differ, even when the ask, naming neither, found no
// topic of its own or that of ordering proofs.
func (k *KB) proofDifference(ask, message string, r Result) Result {
	if r.Best != nil && r.Confident && r.Best.ID != "proof-copies" && r.Best.ID != "order-author-copies" {
		return r
	}
	if !slices.ContainsFunc(words(ask), asksDifference) || !slices.ContainsFunc(words(message), namesProof) {
		return r
	}
	lang := r.Lang
	if r.Best != nil {
		lang = r.Best.Lang
	}
	e, ok := k.Entry("proofs-vs-author-copies", lang)
	if !ok {
		return r
	}
	r.Best, r.Confident, r.Unknown = e, true, nil
	return r
}

// asksDifference reports whether the folded word w asks how things
// differ, in Languages.
func asksDifference(w string) bool {
	for _, p := range []string{"differen", "diferen", "unterschied", "unterscheid", "verschil", "vergleich", "compar"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return w == "vs" || w == "versus"
}

// namesProof reports whether the folded word w names a proof copy, in
// Languages.
func namesProof(w string) bool {
	for _, p := range []string{"proof", "epreuve", "testexemplar", "probeexemplar", "probedruck", "prueba", "bozz", "proef"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return w == "prova" || w == "provas"
}

// deliveryAsked returns r with the delivery time in place of the choice
// of marketplace, or of the countries that can order, when ask asks how
// long copies take to arrive ("¿Cuánto tardan en llegar las copias
// pedidas en amazon.com.mx?"): the marketplace or country named is where
// they were ordered or go, not a choice.
func (k *KB) deliveryAsked(ask string, r Result) Result {
	if !r.Confident || r.Best == nil || r.Best.ID != "which-marketplace" && r.Best.ID != "languages-countries" || !hasPhrase(words(ask), howLongPhrases, nil) {
		return r
	}
	return k.retopic(r, "delivery-time")
}

// howLongPhrases are the folded words, in a row, that ask how long
// something takes, in Languages.
var howLongPhrases = phraseList(
	"how long", "how many days", "how many weeks",
	"combien de temps", "combien de jours", "en combien de temps",
	"wie lange", "wie viele tage", "wie lang",
	"cuanto tardan", "cuanto tarda", "cuanto demoran", "cuanto demora", "cuanto tiempo", "cuantos dias",
	"quanto tempo", "quanto ci mettono", "quanto ci vuole", "quanti giorni",
	"quanto tempo demora", "quanto demora", "quantos dias", "quanto tempo leva",
	"hoe lang", "hoeveel dagen", "hoeveel tijd",
)

// inkCost returns r with the printing cost in place of the ink options
// when ask asks what a book whose page count text gives costs to print
// ("What's the printing cost on amazon.com for a 6x9 paperback, 312
// pages, black ink on cream paper?"): naming the ink gives the cost its
// figures, where a question of the inks alone ("Is premium color worth
// it for 150 pages?") names no cost. The cost must be asked in the ask
// itself: a story around it tells of costs as much. shortBook then
// narrows it further by the page count. The other way round, an ask of
// the choices of ink and paper gets the ink options from a cost topic
// (inkChoice).
func (k *KB) inkCost(ask, text string, r Result) Result {
	if !r.Confident || r.Best == nil {
		return r
	}
	if costTopic(r.Best.ID) && asksInkChoice(ask) {
		return k.inkChoice(r)
	}
	if r.Best.ID != "ink-options" || !hasPhrase(words(ask), costPhrases, nil) {
		return r
	}
	p, missing := printcost.FromText(text)
	if p.Pages == 0 && oneSide(missing) == 0 {
		return r
	}
	// Two inks named compare them ("how much more is premium colour than
	// black and white for 200 pages?"): the ink options say that.
	if slices.ContainsFunc(missing, func(m printcost.Missing) bool { return m.Field == printcost.FieldInk && len(m.Inks) > 1 }) {
		return r
	}
	return k.retopic(r, "printing-cost")
}

// printingAsked returns r with the printing cost when ask asks what
// printing costs: in place of the choice of marketplace ("Quel est le coût
// d'impression sur amazon.fr comparé à amazon.co.uk ?"), where the
// marketplaces named are where the cost is asked, not a choice of where
// to order; and in place of the cost of author copies when text gives
// the page count ("180 páginas … ¿Cuánto sería el coste de impresión por
// ejemplar?"), which the printing cost works out. shortBook then narrows
// it by the page count.
func (k *KB) printingAsked(ask, text string, r Result) Result {
	if !r.Confident || r.Best == nil || r.Best.ID != "which-marketplace" && r.Best.ID != "author-copy-cost" {
		return r
	}
	ws := words(ask)
	if !hasPhrase(ws, costPhrases, nil) || !hasWord(ws, printWords) {
		return r
	}
	if r.Best.ID == "author-copy-cost" {
		// The printing cost by name, not of author copies: "what do I pay
		// per author copy, is it just the printing cost?" asks the cost of
		// the copies.
		if !hasPhrase(ws, printCostPhrases, nil) || slices.ContainsFunc(ws, namesAuthor) {
			return r
		}
		if p, missing := printcost.FromText(text); p.Pages == 0 && oneSide(missing) == 0 {
			return r
		}
	}
	return k.retopic(r, "printing-cost")
}

// printCostPhrases are the folded words that name the printing cost, in
// Languages (French elisions are dropped: "coût d'impression" reads as
// "cout impression").
var printCostPhrases = phraseList(
	"printing cost", "printing costs", "print cost", "print costs", "cost of printing", "cost to print",
	"cout impression", "couts impression", "frais impression", "coute impression",
	"druckkosten", "kosten fur den druck", "kostet der druck",
	"coste de impresion", "costes de impresion", "costo de impresion", "costos de impresion", "cuesta la impresion",
	"costo di stampa", "costi di stampa", "costo della stampa", "costi della stampa", "costa la stampa",
	"custo de impressao", "custos de impressao", "custo da impressao", "custa a impressao",
	"drukkosten", "kost het drukken",
)

// namesAuthor reports whether the folded word w names the author ("author
// copies", "auteursexemplaar", "Autorenexemplare", "copia de autor").
func namesAuthor(w string) bool {
	return strings.HasPrefix(w, "author") || strings.Contains(w, "auteur") || strings.Contains(w, "autor")
}

// printWords are the folded words of printing, in Languages ("druckkosten"
// and "drukkosten" name the cost too).
var printWords = wordSet(`print printing printed impression imprimer imprime druck drucken druckkosten impresion imprimir imprime stampa stampare impressao imprimir druk drukken drukkosten`)

// inkChoice returns r with the ink options in place of a cost topic: an
// ask of which ink and paper choices change the cost ("Which of these ink
// and paper choices actually changes what I pay per copy?", "Welke inkt-
// en papieropties beïnvloeden de prijs?") is answered by the options and
// what each costs, not by a cost worked out for one of them, even when
// the message gives the page count.
func (k *KB) inkChoice(r Result) Result {
	switch r.Best.ID {
	case "author-copy-cost", "printing-cost", "printing-cost-by-marketplace":
		return k.retopic(r, "ink-options")
	}
	return r
}

// asksInkChoice reports whether ask names the choices of ink or paper:
// an ink or paper word and a word of options or choices, or one compound
// of both ("papieropties", "Tintenoptionen").
func asksInkChoice(ask string) bool {
	var ink, choice bool
	for _, w := range words(ask) {
		switch {
		case inkPaperWords[w]:
			ink = true
		case choiceWords[w]:
			choice = true
		default:
			for _, pre := range inkPaperStems {
				if rest, ok := strings.CutPrefix(w, pre); ok && choiceWords[rest] {
					return true
				}
			}
		}
	}
	return ink && choice
}

// inkPaperWords are the folded words of ink and paper, and inkPaperStems
// how they begin a compound, in Languages.
var (
	inkPaperWords = wordSet(`ink inks paper papers encre encres papier papiers tinte tinten druckfarbe papiere tinta tintas papel papeles inchiostro inchiostri carta papeis inkt inkten`)
	inkPaperStems = []string{"papier", "inkt", "tinten", "tinte", "papel"}
)

// choiceWords are the folded words of options and choices, in Languages.
var choiceWords = wordSet(`option options choice choices choix optionen auswahl wahl opcion opciones eleccion opzione opzioni scelta scelte opcao opcoes escolha escolhas optie opties keuze keuzes`)

// ukHardcover returns r with the topic of hardcover author copies in the
// United Kingdom in place of ordering author copies, the missing order
// option or the choice of marketplace when text names both the hardcover
// format and the UK: such copies cannot come from Amazon.co.uk, which is
// what that topic says ("Bei der gebundenen Ausgabe finde ich keine
// Möglichkeit, Autorenexemplare in Großbritannien zu bestellen").
func (k *KB) ukHardcover(text string, r Result) Result {
	if !r.Confident || r.Best == nil {
		return r
	}
	switch r.Best.ID {
	case "order-author-copies", "order-option-missing", "which-marketplace", "shipping-destination-error", "uk-hardcover":
	default:
		return r
	}
	// printcost reads the words without the stemmer, whose work on a
	// long question would be unbounded here.
	p, missing := printcost.FromText(text)
	hardcover := names(p, missing, printcost.Hardcover)
	if r.Best.ID == "uk-hardcover" {
		switch {
		case hardcover:
		case choosesMarketplace(missing) && !slices.ContainsFunc(words(text), hardcoverWord):
			// "Should I order my copies from amazon.co.uk or amazon.de?":
			// without the hardcover, two marketplaces named ask which of
			// them to order from.
			return k.retopic(r, "which-marketplace")
		case p.Binding == printcost.Paperback && len(r.Suggestions) > 0:
			// A paperback in the UK is the next topic's: "Come ordino le
			// copie autore del mio libro in brossura su amazon.co.uk?"
			r.Best, r.Suggestions = r.Suggestions[0], r.Suggestions[1:]
		}
		return r
	}
	if !hardcover || p.Marketplace != printcost.UK {
		return r
	}
	return k.retopic(r, "uk-hardcover")
}

// storeChoice returns r with the choice of marketplace in place of the
// languages and countries that may order, when the ask names two Amazon
// stores or more with "or" between them ("amazon.com o amazon.es para
// copias de autor si estoy en Madrid?"): the author may order, and asks
// from which of them. So does a problem found by a word or two only ("As
// a Canadian, should I get my copies from amazon.ca or amazon.com?" was
// an empty cart at 0.3).
func (k *KB) storeChoice(ask string, r Result) Result {
	if !r.Confident || r.Best == nil || r.Best.ID != "languages-countries" && !(tellsProblem(r.Best) && r.Score < markedStory) {
		return r
	}
	if !slices.ContainsFunc(words(ask), func(w string) bool { return slices.Contains(orWords, w) }) {
		return r
	}
	_, missing := printcost.FromText(ask)
	if !choosesMarketplace(missing) {
		return r
	}
	// The stores where who may order is the question itself (Amazon.nl,
	// Amazon.com.au, Amazon.co.jp) are what the languages and countries
	// topic answers about.
	if r.Best.ID == "languages-countries" && slices.ContainsFunc(missing, func(m printcost.Missing) bool {
		return m.Field == printcost.FieldMarketplace && slices.ContainsFunc(m.Marketplaces, func(mp printcost.Marketplace) bool {
			return mp == printcost.NL || mp == printcost.AU || mp == printcost.JP
		})
	}) {
		return r
	}
	return k.retopic(r, "which-marketplace")
}

// choosesMarketplace reports whether a text whose missing cost parameters
// are missing names more than one marketplace.
func choosesMarketplace(missing []printcost.Missing) bool {
	return slices.ContainsFunc(missing, func(m printcost.Missing) bool {
		return m.Field == printcost.FieldMarketplace && len(m.Marketplaces) > 1
	})
}

// antecedent returns the words of s that name something of the domain
// (namesDomain) but a format (hardcoverWord): what a pronoun in the ask
// after s may stand for ("how much is an author copy? and how do I order
// those?"). The format would take the ask to the format's own topics.
func antecedent(s string) string {
	var out []string
	for _, f := range strings.Fields(s) {
		ws := words(f)
		if namesDomain(f) && !slices.ContainsFunc(ws, hardcoverWord) {
			out = append(out, ws...)
		}
	}
	return strings.Join(out, " ")
}

// hardcoverWord reports whether the folded word w may name the hardcover
// format, also where printcost does not read it ("copertine rigide", "i
// cartonati", "tapa dura").
func hardcoverWord(w string) bool {
	for _, p := range []string{"hardcover", "hardback", "rigid", "cartonat", "cartonn", "relie", "gebund", "gebonden", "encuadern", "rilegat"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return w == "dura" || w == "kaft"
}

// names reports whether a text whose cost parameters are p and missing
// names binding b, alone or beside another.
func names(p printcost.Params, missing []printcost.Missing, b printcost.Binding) bool {
	if p.Binding == b {
		return true
	}
	for _, m := range missing {
		if m.Field == printcost.FieldBinding && slices.Contains(m.Bindings, b) {
			return true
		}
	}
	return false
}

// shortBook returns r with the printing cost of short books, one fixed
// cost a copy in each marketplace, in place of how the printing cost is
// worked out when text gives a paperback of 24 to 108 pages, and the
// other way round when it gives more pages: the two topics answer the
// same question on either side of 108 pages. A question of the cost of
// hardcovers that gives a paperback is one of them too, and one of them
// that gives a hardcover is the cost of hardcovers.
func (k *KB) shortBook(text string, r Result) Result {
	if !r.Confident || r.Best == nil {
		return r
	}
	switch r.Best.ID {
	case "printing-cost", "printing-cost-by-marketplace", "hardcover-cost", "author-copy-cost":
	default:
		return r // before reading the text: most questions are of no cost topic
	}
	p, missing := printcost.FromText(text)
	if p.Pages == 0 {
		p.Pages = oneSide(missing)
	}
	// The cost of a short book's copies in two marketplaces compared is
	// the fixed cost of each ("32 páginas, ¿cuánto sale en amazon.es
	// comparado con amazon.com?").
	if r.Best.ID == "author-copy-cost" {
		if p.Pages < 24 || p.Pages > 108 || p.Binding == printcost.Hardcover || !choosesMarketplace(missing) {
			return r
		}
		return k.retopic(r, "printing-cost-by-marketplace")
	}
	printing := r.Best.ID == "printing-cost" || r.Best.ID == "printing-cost-by-marketplace"
	var id string
	switch {
	case printing && p.Binding == printcost.Hardcover:
		id = "hardcover-cost"
	case p.Pages < 24 || p.Binding == printcost.Hardcover:
		return r
	case printing, r.Best.ID == "hardcover-cost" && p.Binding == printcost.Paperback:
		id = "printing-cost"
		if p.Pages <= 108 {
			id = "printing-cost-by-marketplace"
		}
	default:
		return r
	}
	return k.retopic(r, id)
}

// printPreorder returns r with the topic of the way to a print pre-order
// that text names, Amazon Advantage or IngramSpark, in place of the
// general question of print pre-orders ("Est-ce qu'Amazon Advantage
// permet une précommande pour la version papier ?") or of the other way.
// In a message, the ask often names it only with "there" ("… bei
// IngramSpark … kann ich dort vorbestellen?"), so Answer reads the whole
// message; one that names both ways stays general.
func (k *KB) printPreorder(text string, r Result) Result {
	if !r.Confident || r.Best == nil {
		return r
	}
	switch r.Best.ID {
	case "print-preorder", "advantage-preorder", "ingramspark-preorder":
	default:
		return r
	}
	low := asciiLower(text)
	advantage := strings.Contains(low, "amazon advantage") || strings.Contains(text, "Advantage")
	ingram := strings.Contains(low, "ingram")
	id := ""
	switch {
	case advantage && !ingram:
		id = "advantage-preorder"
	case ingram && !advantage:
		id = "ingramspark-preorder"
	default:
		return r
	}
	return k.retopic(r, id)
}

// advantageSteps returns r with the steps of the Amazon Advantage method
// in place of the question whether it works when query asks for them
// step by step (the lexicon's steps).
func (k *KB) advantageSteps(query string, r Result) Result {
	if !r.Confident || r.Best == nil || r.Best.ID != "advantage-preorder" {
		return r
	}
	ws := " " + strings.Join(words(query), " ") + " "
	for _, p := range strings.Split(lexiconOf(r.Best.Lang).steps, "|") {
		if p != "" && strings.Contains(ws, " "+p+" ") {
			return k.retopic(r, "advantage-preorder-steps")
		}
	}
	return r
}

// oneSide returns a page count of those a text gives when it gives
// several on the same side of 108 pages ("my new novel has 520 pages, the
// first had 280"), 0 otherwise.
func oneSide(missing []printcost.Missing) int {
	for _, m := range missing {
		if m.Field != printcost.FieldPages || len(m.Pages) == 0 {
			continue
		}
		short := m.Pages[0] <= 108
		for _, n := range m.Pages {
			if n < 24 || n <= 108 != short {
				return 0
			}
		}
		return m.Pages[0]
	}
	return 0
}

// costOfCopies returns r with the cost of author copies in place of
// ordering them when ask asks what they cost ("Wat kost een exemplaar van
// mijn eigen boek als ik het voor mezelf laat drukken?"). hardcoverCost
// then narrows it by the format.
func (k *KB) costOfCopies(ask string, r Result) Result {
	if !r.Confident || r.Best == nil || r.Best.ID != "order-author-copies" || !hasPhrase(words(ask), whatCostPhrases, nil) {
		return r
	}
	return k.retopic(r, "author-copy-cost")
}

// whatCostPhrases are the folded words, in a row, that ask what
// something costs, in Languages: not the words of a price alone, which
// tell of copies "at the at-cost price" as often.
var whatCostPhrases = phraseList(
	"how much does", "how much do", "how much would", "how much will", "what does it cost", "what do they cost",
	"combien coute", "combien coutent", "combien ca coute",
	"was kostet", "was kosten", "wie viel kostet", "wie viel kosten",
	"cuanto cuesta", "cuanto cuestan", "cuanto me cuesta", "cuanto me cuestan",
	"quanto costa", "quanto costano", "quanto mi costa",
	"quanto custa", "quanto custam", "quanto me custa",
	"wat kost", "wat kosten", "hoeveel kost", "hoeveel kosten",
)

// hardcoverCost returns r with the cost of hardcover author copies in
// place of the cost of author copies when text names the hardcover
// format ("Copertina rigida, 240 pagine: quanto pago a copia autore?"):
// that topic is the same question narrowed to the format, with its own
// figures, and the sizes, inks and pages of such a question otherwise
// weigh for the general one.
func (k *KB) hardcoverCost(text string, r Result) Result {
	if !r.Confident || r.Best == nil || r.Best.ID != "author-copy-cost" {
		return r
	}
	// printcost reads the format without the stemmer, as ukHardcover
	// does.
	if p, missing := printcost.FromText(text); !names(p, missing, printcost.Hardcover) {
		return r
	}
	return k.retopic(r, "hardcover-cost")
}

// isbn979 returns r with the topic of ISBNs starting with 979 in place
// of the conversion of ISBN-13 to ISBN-10 when text holds such an ISBN:
// it has no ISBN-10 to convert to, which is what that topic explains.
func (k *KB) isbn979(text string, r Result) Result {
	if !r.Confident || r.Best == nil || r.Best.ID != "isbn-conversion" || !strings.Contains(text, "979") {
		return r
	}
	for _, f := range isbn.FindAll(text) {
		if strings.HasPrefix(string(f.ISBN13), "979") || f.Err != nil && strings.HasPrefix(f.Text, "979") {
			return k.retopic(r, "isbn-979-asin")
		}
	}
	return r
}

// followUps drops from the parts of a long message the asks that follow
// up on a stronger one: "What is the difference between a proof and an
// author copy? … Can they be ordered before publishing too? Is the print
// quality the same?" asks about that difference three times: searched
// after the strongest ask (the first of equal ones), the others answer
// its topic.
func (k *KB) followUps(parts []Part, lang string) []Part {
	var main *Part
	for i := range parts {
		if p := &parts[i]; p.Confident && (main == nil || p.Score > main.Score) {
			main = p
		}
	}
	if main == nil {
		return parts
	}
	out := parts[:0:0]
	for i := range parts {
		p := &parts[i]
		if p != main && p.Confident {
			if r := k.Search(main.Ask+" "+p.Ask, lang); r.Confident && r.Best.ID == main.Best.ID {
				continue
			}
		}
		out = append(out, *p)
	}
	return out
}

// minFollowedMessage is the shortest message, in bytes, whose asks may
// follow up on one another (followUps): a long story around one
// subject. A shorter message asks its questions side by side.
const minFollowedMessage = 450

// weakAsk is the score under which an ask answers its topic so weakly
// that the sentence before it, when it answers more strongly, says what
// it is about.
const weakAsk = 0.5

// retopic returns r with the topic id, in r's language, in place of its
// own: the narrowing rules' common last step.
func (k *KB) retopic(r Result, id string) Result {
	if e, ok := k.Entry(id, r.Best.Lang); ok {
		r.Best = e
	}
	return r
}

// vagueAsk is the score under which an unanswered ask names no subject
// of its own.
const vagueAsk = 0.25

// storyProblem returns the sentence of the story before the ask segs[i]
// that last tells a problem (tellsProblem) in the words of its topic
// (markedStory), the ask searched with it, and its result; ok is true when that
// result answers the same topic confidently. A sentence of the past, of
// a problem solved or of what went well ("La vez pasada tuve el lío del
// carrito vacío, ya se arregló"), or of what the author tried against it
// ("ho provato con Chrome e Firefox"), is passed over; the story ends at
// the ask before.
func (k *KB) storyProblem(segs []segment, i int, lang string) (story, ctx string, r Result, ok bool) {
	for j := i - 1; j >= 0 && !segs[j].ask; j-- {
		if segs[j].filler || past(segs[j].text) || tried(segs[j].text) {
			continue
		}
		if t := k.Search(segs[j].text, lang); t.Confident && t.Score >= markedStory && tellsProblem(t.Best) {
			ctx = segs[j].text + " " + segs[i].text
			r = k.Search(ctx, lang)
			return segs[j].text, ctx, r, r.Confident && r.Best.ID == t.Best.ID
		}
	}
	return "", "", Result{}, false
}

// tellsProblem reports whether e is a topic of something gone wrong
// that a story tells before asking what to do (an empty cart, a missing
// button, damaged copies), rather than one an author asks about by name
// (a price, a marketplace, reselling).
func tellsProblem(e *Entry) bool {
	switch e.Theme {
	case "problems", "cart":
		return true
	}
	return e.ID == "order-option-missing" || e.ID == "shipping-destination-error"
}

// listAsks splits the segments that are lists of asks joined by commas
// ("cart is empty, quantity is wrong, and when will my copies arrive")
// into their clauses, each an ask with its result. Only an ask, or a message that is one list, is
// split, and only when every clause but a
// greeting answers a topic on its own, two different ones at least, and
// its clauses leave room for the message's other asks (maxAsks in all):
// otherwise its commas join the story and the question of one ask ("Hi,
// I ordered 40 copies last week, the tracking shows nothing, can I
// cancel?") and it stays whole.
func (k *KB) listAsks(segs []segment, lang string) []segment {
	if !slices.ContainsFunc(segs, func(s segment) bool { return strings.ContainsAny(s.text, ",、") }) {
		return segs // no list: most messages
	}
	others, content := 0, 0 // the asks of the segments, which a split must leave room for
	for _, s := range segs {
		if !s.filler {
			content++
			if s.ask {
				others++
			}
		}
	}
	var out []segment
	for _, s := range segs {
		// A sentence of the story is not split: its clauses tell what
		// happened, they ask nothing.
		if !s.ask && (content != 1 || s.filler) {
			out = append(out, s)
			continue
		}
		// "Hola, soy nueva: ¿cómo se piden…, cuántas… y cuánto…?": a
		// lead before a colon or an opening question mark is no clause
		// of the list; it stays a sentence of its own.
		lead, body := listLead(s.text)
		clauses := listClauses(body)
		room := maxAsks - others
		if s.ask {
			room++ // its own place
		}
		if len(clauses) < 2 || len(clauses) > room {
			out = append(out, s)
			continue
		}
		split := make([]segment, len(clauses))
		topics := map[string]bool{}
		every, weak := true, 0
		for i, c := range clauses {
			r := k.Search(c, lang)
			split[i] = segment{text: c, filler: isFiller(c), ask: true, listed: &r}
			if r.Confident && r.Best != nil {
				topics[r.Best.ID] = true
				if r.Score < weakClause {
					weak++
				}
			} else if !split[i].filler {
				every = false
			}
		}
		// One clause may answer weakly ("quand vont arriver mes
		// exemplaires ?"); two that do are the words of one question
		// ("Wie krieg ich das korrigiert, …, falls doch was schiefgeht?").
		if weak > 1 {
			every = false
		}
		// The list was read as one ask: the whole answers one of its
		// parts, or nothing. A whole that answers a topic of its own
		// reads as one question whose commas join its words.
		whole := k.Search(body, lang)
		if wb := whole.Best; whole.Confident && wb != nil && !topics[wb.ID] {
			every = false
		}
		// "Mi libro está en catalán, se pueden pedir copias de autor en
		// ese idioma?": a whole that answers strongly the topic one clause
		// answers much more weakly is one question, whose clause names what
		// the other asks of.
		if wb := whole.Best; whole.Confident && wb != nil && whole.Score >= markedStory {
			for _, c := range split {
				if r := c.listed; r.Confident && r.Best.ID == wb.ID && r.Score < whole.Score-clauseGap {
					every = false
				}
			}
		}
		if !every || len(topics) < 2 {
			out = append(out, s)
			continue
		}
		if lead != "" {
			out = append(out, segment{text: lead, filler: isFiller(lead)})
		}
		out = append(out, split...)
	}
	return out
}

// pairAsks splits a sentence of two questions joined by a comma and
// "and" before a question word ("can I still cancel, and where do I see
// the tracking?", "puis-je annuler, et où vois-je le suivi ?"), an
// opening of another ask or the wish to know (", e poi volevo chiedere
// come…"), or by "and whether", into its two questions, when each answers a topic of
// its own (or one is a known unknown, see pairable), the two differ, the
// whole answers neither a third topic nor nothing but one of them with
// the other unasked, and the message has room for another ask. Otherwise
// the comma joins the story and the question of one ask ("I ordered 40
// copies, and when will they arrive?") and it stays whole.
func (k *KB) pairAsks(segs []segment, lang string) []segment {
	asks := 0
	for _, s := range segs {
		if s.ask {
			asks++
		}
	}
	var out []segment
	for len(segs) > 0 {
		s := segs[0]
		segs = segs[1:]
		if asks >= maxAsks {
			out = append(out, s)
			continue
		}
		split := false
		var whole *Result // searched once, when a place to part is found
		for _, c := range askPairs(s) {
			a, b := k.Search(c.first, lang), k.Search(c.second, lang)
			if !pairable(a, b) || c.loose && !strongPair(a, b) {
				continue
			}
			if whole == nil {
				r := k.Search(s.text, lang)
				whole = &r
			}
			if whole.Confident && (!a.Confident || whole.Best.ID != a.Best.ID) && (!b.Confident || whole.Best.ID != b.Best.ID) {
				continue
			}
			// Either half may hold another pair ("A, B, et C").
			if !s.ask {
				asks++
			}
			asks++
			segs = append([]segment{{text: c.first, ask: true, listed: &a}, {text: c.second, ask: true, listed: &b}}, segs...)
			split = true
			break
		}
		if !split {
			out = append(out, s)
		}
	}
	return out
}

// pairable reports whether a and b, the results of the two halves of an
// ask, are two asks: each answers a topic, the two differ, or one of
// them is a subject the knowledge base knows it does not cover ("can I
// still cancel, and how does KDP Select work?"), which is then declined
// on its own instead of taking the other with it, when the other answers
// its topic as strongly as a marked ask must (a half of a question about
// sales reports may still match the order history a little).
func pairable(a, b Result) bool {
	switch {
	case a.Confident && b.Confident:
		return a.Best.ID != b.Best.ID
	case a.Confident:
		return b.Unknown != nil && a.Score >= markedStory
	case b.Confident:
		return a.Unknown != nil && b.Score >= markedStory
	}
	return false
}

// strongPair reports whether a and b, the results of the halves of a
// sentence joined by "and" and a question word without a comma, are two
// asks: each answers as strongly as a marked ask must, or names a
// subject the knowledge base does not cover. Without the comma "and"
// joins the words of one question as often ("how and when do I pay").
func strongPair(a, b Result) bool {
	strong := func(r Result) bool { return r.Confident && r.Score >= markedStory || r.Unknown != nil }
	return strong(a) && strong(b)
}

// markedAsks reads as asks the sentences a message marks as asks
// without a question mark. A sentence that opens with "first", "second",
// "also", "außerdem", "btw"… (askOpenerList) is an ask when it answers a
// topic strongly (markedStory) or names a subject the knowledge base
// knows it does not cover. One that opens with "second", "also"… or is
// a question opening with "and", or one opening with "anyway" that asks,
// says an ask came before it: when none did, the sentence just before
// it, when it answers a topic as strongly, is that ask ("My cart is
// empty after checkout. Also, how long does delivery take?"). A sentence
// that tells of the past or of a problem solved (past) stays story, and
// so does every sentence of a message that marks no ask. An opening said
// as a sentence of its own ("Andere vraag.") marks the next sentence.
func (k *KB) markedAsks(segs []segment, lang string) []segment {
	asked := false      // an ask comes before segs[i]
	alone := openerNone // the opening a sentence of its own just said ("Andere vraag.")
	for i := range segs {
		s := &segs[i]
		if s.filler {
			continue
		}
		opener := askOpener(s.text, lang)
		if kind := openerAlone(s.text); kind != openerNone {
			s.filler, alone = true, kind
			continue
		}
		if opener == openerNone {
			opener = alone
		}
		alone = openerNone
		if opener == openerTurn && !s.ask && endsAsAsk(s.text) {
			s.ask = true
		}
		// "Plus where do I track the other order from last week": a
		// question after its opening asks, past or not.
		if opener != openerNone && !s.ask && isAsk(askQuery(s.text, lang)) {
			s.ask = true
		}
		// "…auf dem Weihnachtsmarkt verkaufen? und zahle ich beim Bestellen
		// MwSt drauf": "and" after an ask marks another, also with a
		// sentence of the story between ("¿Dónde veo mis pedidos? No los
		// encuentro. Y una duda, qué diferencia hay…").
		if opener == openerNone && !s.ask && asked && andOpens(s.text) {
			opener = openerMore
		}
		// "Different question, if I use my own ISBN can IngramSpark run
		// the preorder": an opening that names a question (or a
		// postscript) says what follows asks, however weakly it matches.
		if opener == openerMore && !s.ask && namesQuestion(s.text, lang) {
			s.ask = true
		}
		// "Comment je commande des exemplaires d'auteur ? et ça coute
		// combien en gros": after its opening, a sentence that says "how
		// much" asks, wherever the words stand.
		if opener == openerMore && !s.ask && hasPhrase(words(s.text), howMuchPhrases, nil) {
			s.ask = true
		}
		if opener != openerNone && opener != openerTurn && !s.ask && !past(s.text) {
			// A marked sentence about a subject the knowledge base knows
			// it does not cover asks about it too ("Also, how do I run
			// Amazon Ads for it"), and is declined with its pointer.
			if r := k.Search(askQuery(s.text, lang), lang); (r.Confident && r.Score >= markedStory) || r.Unknown != nil {
				s.ask, s.listed = true, &r
			}
		}
		if (opener == openerMore || opener == openerTurn) && s.ask && !asked {
			// Only the sentence just before: one further back is the
			// story's past ("Last year my cart was empty, support fixed
			// it. This time it worked. Also, …").
			j := i - 1
			for j >= 0 && segs[j].filler {
				j--
			}
			if j >= 0 && !past(segs[j].text) {
				if r := k.Search(segs[j].text, lang); r.Confident && r.Score >= markedStory {
					segs[j].ask, segs[j].listed = true, &r
				}
			}
		}
		asked = asked || s.ask
	}
	return segs
}

// clauseGap is how much more weakly than the whole a clause of a list
// must answer the whole's topic to be read as naming what the other
// clause asks of: the Galician novel's clause answers at 0.72 and the
// whole at 1.00.
const clauseGap = 0.2

// announcedAsks reads as asks the sentences of a message that opens by
// announcing them ("Tre problemi in un colpo solo: le copie hanno la
// vecchia copertina; due scatole non sono arrivate; …", "Two things:
// …"): from the announcing one on, each that answers a topic as
// strongly as a marked ask must, or names a subject the knowledge base
// does not cover, is one of them, up to maxAsks in all.
func (k *KB) announcedAsks(segs []segment, lang string) []segment {
	first := slices.IndexFunc(segs, func(s segment) bool { return !s.filler })
	if first < 0 || !announcesAsks(segs[first].text) {
		return segs
	}
	asks := 0
	for _, s := range segs {
		if s.ask {
			asks++
		}
	}
	for i := first; i < len(segs) && asks < maxAsks; i++ {
		s := &segs[i]
		if s.filler || s.ask || past(s.text) {
			continue
		}
		query := askQuery(s.text, lang)
		if _, after, ok := strings.Cut(query, ": "); i == first && ok && len(words(after)) >= 3 {
			query = after // the announcement itself names no subject
		}
		// "Two issues today: checkout says it can't ship to my APO
		// address, and the order page just spins forever in Safari": the
		// announced problems may share a sentence, parted by ", and".
		if i == first && asks+2 <= maxAsks {
			if a, b, ra, rb, ok := k.announcedPair(query, lang); ok {
				rest := append([]segment{{text: a, ask: true, listed: &ra}, {text: b, ask: true, listed: &rb}}, segs[i+1:]...)
				segs = append(segs[:i], rest...)
				asks += 2
				i++
				continue
			}
		}
		if r := k.Search(query, lang); r.Confident && r.Score >= markedStory || r.Unknown != nil {
			s.ask, s.listed = true, &r
			asks++
		}
	}
	return segs
}

// announcedPair parts query at ", and" (in any language of Languages)
// into two halves that each answer a topic of their own, markedStory and
// over, and returns them with their results.
func (k *KB) announcedPair(query, lang string) (a, b string, ra, rb Result, ok bool) {
	for _, c := range listConjunctions() {
		before, after, found := strings.Cut(query, ", "+c+" ")
		if !found || len(words(before)) < 3 || len(words(after)) < 3 {
			continue
		}
		ra, rb = k.Search(before, lang), k.Search(after, lang)
		if ra.Confident && rb.Confident && ra.Score >= markedStory && rb.Score >= markedStory && ra.Best.ID != rb.Best.ID {
			return before, after, ra, rb, true
		}
	}
	return "", "", Result{}, Result{}, false
}

// toldProblems reads as asks the sentences of a short message that tell
// a problem in the words of its topic (tellsProblem, toldProblem) before
// the message asks something: "Hit proceed to checkout and my cart just
// says it's empty, tried twice now. Where can I see my old orders?" asks
// about both. A sentence of the past or of a problem solved stays story.
func (k *KB) toldProblems(segs []segment, lang string) []segment {
	last := -1 // the last ask
	for i := range segs {
		if segs[i].ask {
			last = i
		}
	}
	if last < 0 {
		return k.toldOnly(segs, lang, toldOnlyScore)
	}
	// What each ask's own words answer, searched once for both checks
	// below.
	searched := make([]Result, len(segs))
	for i, s := range segs {
		if s.ask {
			searched[i] = k.Search(askQuery(s.text, lang), lang)
		}
	}
	if asksNothing(segs, searched) {
		// "On m'a livré les mauvais livres. Et l'autre carton est arrivé
		// éventré. Je fais quoi pour les deux ?": asks that name nothing
		// ask about the problems told, each of them, as an ask's story
		// tells them (markedStory).
		// "… O que faço em cada caso?": an ask that speaks of both or
		// of each case says there are several, told as weakly as a
		// clause of a list may answer.
		least := markedStory
		if slices.ContainsFunc(segs, func(s segment) bool { return s.ask && hasPhrase(words(s.text), bothPhrases, nil) }) {
			least = weakClause
		}
		return k.toldOnly(segs, lang, least)
	}
	asks := 0
	for _, s := range segs {
		if s.ask {
			asks++
		}
	}
	var told []int // the sentences that tell a problem of their own topic, not read as asks
	var results []Result
	for j := 0; j < last; j++ {
		s := &segs[j]
		if s.filler || s.ask || past(s.text) {
			continue
		}
		least := toldProblem
		if next := nextAsk(segs, j); next >= 0 && opensOtherMatter(segs[next].text) {
			// "Metto 15 copie nel carrello e mi ritrovo 1. Boh. / Altra
			// cosa: come scelgo le categorie?": the ask after says it is
			// another matter, so the problem told before is one too.
			least = markedStory
		}
		if r := k.Search(s.text, lang); r.Confident && r.Score >= least && tellsProblem(r.Best) {
			if asksOther(segs[j+1:], searched[j+1:], r.Best.ID) {
				s.ask, s.listed = true, &r
				asks++
			} else if !slices.ContainsFunc(results, func(q Result) bool { return q.Best.ID == r.Best.ID }) {
				told, results = append(told, j), append(results, r)
			}
			continue
		}
		// "Pongo 25 copias y en el carrito aparecen 2, lo corrijo, … y el
		// carrito sale vacío. ¿Qué pasa con las cantidades y por qué se
		// vacía?": one sentence may tell two problems in its clauses, and
		// the asks after it are about both.
		if asks+2 > maxAsks {
			continue
		}
		if a, b, ra, rb, ok := k.twoProblems(s.text, lang, toldProblem); ok {
			segs = slices.Insert(slices.Delete(segs, j, j+1), j, segment{text: a, ask: true, listed: &ra}, segment{text: b, ask: true, listed: &rb})
			searched = slices.Insert(searched, j, Result{})
			last, asks = last+1, asks+2
			j++
		}
	}
	// "Which marketplace should I order author copies from? When I tried
	// .com it said it can't ship to my address.": a problem told after the
	// last ask, in the words of its topic, is asked about too, unless an
	// ask is of it already. After an ask the knowledge base cannot answer,
	// such a sentence tells what that ask is about ("Why is my paperback
	// out of stock? Readers can't order it.").
	for j := last + 1; j < len(segs) && asks < maxAsks && allAnswered(segs, searched); j++ {
		s := &segs[j]
		// A short tail ("cm si ordina una bozza?? nn trovo il tasto,
		// help") says what stops the ask before, not another problem.
		if s.filler || past(s.text) || contentWords(s.text) < toldAfterWords {
			continue
		}
		r := k.Search(s.text, lang)
		if !r.Confident || r.Score < toldProblem || !tellsProblem(r.Best) || asksOf(segs[:j], searched[:j], r.Best.ID) {
			continue
		}
		s.ask, s.listed = true, &r
		asks++
	}
	// "I enter 30 copies and the cart shows 3. Then at checkout the cart
	// is empty. What is going on with the quantity and why does it
	// empty?": sentences that tell two problems or more, each of its own
	// topic, are each asked about.
	if len(told) >= 2 && asks+len(told) <= maxAsks {
		for n, j := range told {
			segs[j].ask, segs[j].listed = true, &results[n]
		}
	}
	return segs
}

// nextAsk returns the index of the first ask after segs[j], -1 when none
// follows.
func nextAsk(segs []segment, j int) int {
	for i := j + 1; i < len(segs); i++ {
		if segs[i].ask {
			return i
		}
	}
	return -1
}

// opensOtherMatter reports whether s opens with words that set it apart
// as another matter from what came before ("Another thing:", "Autre
// chose :", "Andere Frage:", "PS"), in Languages. Plain "also" or "and"
// are not among them: they go on with the same story as often.
func opensOtherMatter(s string) bool {
	ws := words(s)
	return slices.ContainsFunc(otherMatterOpeners, func(o []string) bool {
		return len(ws) > len(o) && slices.Equal(ws[:len(o)], o)
	})
}

// otherMatterOpeners are the folded openings of opensOtherMatter.
var otherMatterOpeners = func() [][]string {
	var out [][]string
	for _, p := range []string{
		"another thing", "one more thing", "another question", "different question", "unrelated question", "separate question", "separately", "on another note", "ps", "p s",
		"autre chose", "autre question", "une autre question", "question differente",
		"andere frage", "noch was", "und noch was", "noch eine frage", "und noch eine frage", "zweite sache", "andere sache",
		"otra cosa", "otra pregunta", "otro tema", "pd", "p d",
		"altra cosa", "un altra cosa", "altra domanda", "un altra domanda", "altro tema",
		"outra coisa", "outra pergunta", "outro assunto", "outra questao",
		"nog iets", "en nog iets", "andere vraag", "nog een vraag", "ander punt",
	} {
		out = append(out, strings.Fields(p))
	}
	return out
}()

// twoProblems parts s, a sentence of the story, where it goes on from
// one problem told to another: at a comma or at words that add one
// (cutAddition), when each half tells a problem of its own topic
// (tellsProblem) as strongly as toldProblems reads one.
func (k *KB) twoProblems(s, lang string, least float64) (a, b string, ra, rb Result, ok bool) {
	try := func(before, after string, least float64) bool {
		if len(words(before)) < 3 || len(words(after)) < 3 {
			return false
		}
		tells := func(r Result) bool { return r.Confident && r.Score >= least && tellsProblem(r.Best) }
		ra, rb = k.Search(before, lang), k.Search(after, lang)
		return tells(ra) && tells(rb) && ra.Best.ID != rb.Best.ID
	}
	if before, after, found := cutAddition(s); found && try(before, after, least) {
		return before, after, ra, rb, true
	}
	for i := strings.Index(s, ", "); i > 0; {
		if before, after := s[:i], s[i+2:]; try(before, after, least) {
			return before, after, ra, rb, true
		}
		n := strings.Index(s[i+2:], ", ")
		if n < 0 {
			break
		}
		i += 2 + n
	}
	// "Mijn doos kwam beschadigd binnen en de boeken erin waren ook nog
	// de oude versie": a plain "and" joins the words of one problem as
	// often, so each half must tell its own as strongly as a told problem
	// must on its own (toldProblem).
	for _, c := range listConjunctions() {
		sep := " " + c + " "
		for i := strings.Index(s, sep); i > 0; {
			// "…in my cart and when I press checkout the cart is empty":
			// "when I" opens a clause of time, not another problem.
			before, after := s[:i], s[i+len(sep):]
			if !opensTimeClause(after) && try(before, after, max(least, toldProblem)) {
				return before, after, ra, rb, true
			}
			n := strings.Index(s[i+len(sep):], sep)
			if n < 0 {
				break
			}
			i += len(sep) + n
		}
	}
	return "", "", Result{}, Result{}, false
}

// opensTimeClause reports whether s opens with a word of when and a
// subject ("when I press…", "quand j'appuie…"), a clause of time.
func opensTimeClause(s string) bool {
	f := strings.Fields(asciiLower(s))
	if len(f) < 2 {
		return false
	}
	ws := words(f[0])
	return len(ws) == 1 && slices.Contains(whenWords, ws[0]) && opensWithSubject(f[1])
}

// asksNothing reports whether segs ask, but no ask of them answers a
// topic or names a subject the knowledge base does not cover on its own
// (searched holds what each ask's words answer).
func asksNothing(segs []segment, searched []Result) bool {
	for i, s := range segs {
		if !s.ask {
			continue
		}
		if r := searched[i]; r.Confident || r.Unknown != nil || r.Score >= vagueAsk {
			return false
		}
	}
	return true
}

// toldOnly reads as asks the sentences of a short message that asks
// nothing but tells two problems or more, each in the words of its own
// topic (a score of least and over): "le copertine si sono arricciate
// tutte. e uno dei pacchi non è mai arrivato" wants both answered, where
// the message searched as one answers one of them. A message that tells
// one problem is searched as one, as before.
func (k *KB) toldOnly(segs []segment, lang string, least float64) []segment {
	var told []int
	var results []Result
	topics := map[string]bool{}
	// tells reports whether r tells a problem not told yet.
	tells := func(r Result) bool {
		return r.Confident && r.Score >= least && tellsProblem(r.Best) && !topics[r.Best.ID]
	}
	for j := 0; j < len(segs); j++ {
		s := segs[j]
		if s.filler || past(s.text) {
			continue
		}
		// "Me mandaron el libro de otra autora en vez del mío y encima la
		// caja llegó empapada": one sentence may tell two problems.
		if a, b, ra, rb, ok := k.twoProblems(s.text, lang, least); ok {
			if !topics[ra.Best.ID] && !topics[rb.Best.ID] {
				segs = slices.Insert(slices.Delete(segs, j, j+1), j, segment{text: a}, segment{text: b})
				told, results = append(told, j, j+1), append(results, ra, rb)
				topics[ra.Best.ID], topics[rb.Best.ID] = true, true
				j++
				continue
			}
		}
		if r := k.Search(askQuery(s.text, lang), lang); tells(r) {
			told, results = append(told, j), append(results, r)
			topics[r.Best.ID] = true
		}
	}
	if len(told) < 2 {
		return segs
	}
	// The asks that name nothing ("Cosa succede con la quantità e perché
	// si svuota?") are about the problems told: answered by them, they
	// are no part of their own.
	for j := range segs {
		if segs[j].ask && segs[j].listed == nil {
			segs[j].ask = false
		}
	}
	for n, j := range told[:min(len(told), maxAsks)] {
		segs[j].ask, segs[j].listed = true, &results[n]
	}
	return segs
}

// cutAddition parts s where words add another problem to the one told
// ("…y encima la caja llegó empapada", "…and on top of that the box was
// torn"), in any language of Languages, when both halves have three words
// at least.
func cutAddition(s string) (before, after string, ok bool) {
	low := asciiLower(s)
	for _, p := range additionPhrases {
		if i := strings.Index(low, " "+p+" "); i > 0 {
			before, after = strings.TrimRight(s[:i], " ,"), strings.TrimSpace(s[i+1:])
			if len(words(before)) >= 3 && len(words(after)) >= 3 {
				return before, after, true
			}
		}
	}
	return "", "", false
}

// additionPhrases are the lowercase words that add a problem to another.
var additionPhrases = []string{"and on top of that", "and also", "et en plus", "et aussi", "und obendrein", "und dazu", "und außerdem",
	"y encima", "y además", "y ademas", "y también", "e per di più", "e in più", "e anche", "e ainda por cima", "e além disso", "e também",
	"en bovendien", "en daarbij", "en ook"}

// toldOnlyScore is the least score at which toldOnly reads a sentence as
// telling a problem.
const toldOnlyScore = 0.9

// asksOther reports whether one of the asks of segs answers a topic other
// than id (searched holds what each ask's words answer, unless the ask
// was listed with its result): "my cart is empty. how do I fix it?" asks
// about the problem told only.
func asksOther(segs []segment, searched []Result, id string) bool {
	return slices.ContainsFunc(askResults(segs, searched), func(r Result) bool {
		return r.Confident && r.Score >= markedStory && r.Best.ID != id || r.Unknown != nil
	})
}

// askResults returns what each ask of segs answers: its listed result, or
// what its words answer (searched).
func askResults(segs []segment, searched []Result) []Result {
	var out []Result
	for i, s := range segs {
		switch {
		case !s.ask:
		case s.listed != nil:
			out = append(out, *s.listed)
		default:
			out = append(out, searched[i])
		}
	}
	return out
}

// toldAfterWords is the least number of content words of a problem told
// after the last ask that toldProblems reads as an ask.
const toldAfterWords = 6

// allAnswered reports whether every ask of segs (searched their results)
// answers a topic.
func allAnswered(segs []segment, searched []Result) bool {
	return !slices.ContainsFunc(askResults(segs, searched), func(r Result) bool { return !r.Confident || r.Best == nil })
}

// asksOf reports whether one of the asks of segs (searched their
// results) answers the topic id.
func asksOf(segs []segment, searched []Result, id string) bool {
	return slices.ContainsFunc(askResults(segs, searched), func(r Result) bool { return r.Confident && r.Best != nil && r.Best.ID == id })
}

// toldProblem is the least score at which toldProblems reads a sentence
// as telling a problem.
const toldProblem = 0.9

// markedAsk is the least score at which an ask marked as another ("Also,
// …", "Y…") that names the domain takes its best topic: 0.1 answered
// one wrong on the tuning set, 0.25 one fewer right.
const markedAsk = 0.2

// followedAsk is the least score at which a marked ask that names the
// domain, right after an answered ask of another topic, takes its best
// topic: the ask before says what its pronoun stands for.
const followedAsk = 0.1

// markedStory is the least score at which a sentence without a question
// mark is read as an ask its opening or another's points to: it tells
// what happened in the words of a topic ("my cart is empty", 0.9 and
// over on the tuning set), where one that only tells the story matches a
// topic by a word or two (0.3 to 0.45 there).
const markedStory = 0.6

// maxPairedMessage is the longest message, in bytes, whose asks pairAsks
// splits: in a longer one the story runs on in clauses joined by ", and"
// that ask nothing new.
const maxPairedMessage = 300

// askPairs returns the places where a sentence s may part into two
// questions, first to last: ", and" (or ", plus", ", or", ", bzw.") and
// a question word, or "and whether" (see whetherWords), in any language
// of Languages; and,
// loose (see strongPair), "and" and a question word without a comma, or
// a comma and a question word. Each half has three words at least.
func askPairs(s segment) []pairSplit {
	if s.filler || (s.listed != nil && s.listed.Confident) {
		return nil
	}
	var out []pairSplit
	lower := asciiLower(s.text)
	for i := strings.IndexByte(lower, ' '); i > 0; {
		comma := lower[i-1] == ','
		rest := strings.Fields(lower[i+1:])
		q, loose, at := false, false, 0
		switch {
		case len(rest) >= 3 && (slices.Contains(listConjunctions(), rest[0]) || comma && (rest[0] == "plus" || orComma(rest[0]))):
			ws := words(rest[1])
			if comma {
				q = (len(ws) == 1 || estCe(ws)) && (slices.Contains(questionWords(), ws[0]) || rest[0] == "and" && ws[0] == "am")
				// A preposition may come first (", en tot hoeveel maanden",
				// ", e per quanto tempo").
				if w2 := words(rest[2]); !q && len(rest) > 3 && len(ws) == 1 && len(ws[0]) <= 4 && len(w2) == 1 && slices.Contains(questionWords(), w2[0]) && !slices.Contains(clauseWords, w2[0]) {
					q = true
				}
				// So may an opening of another ask (", e poi volevo
				// chiedere…", ", en verder wil ik…") or the wish to know
				// ("…, and I'd like to know how…").
				if !q {
					tail := strings.Join(rest, " ")
					k0, _ := openerWords(tail, "")
					k1, _ := openerWords(strings.Join(rest[1:], " "), "")
					q = k0 == openerMore || k1 == openerMore || asksToKnow(rest[1:])
				}
				// Else ", and" may still part a problem told and an ask
				// ("Meu carrinho aparece com 1 livro mesmo eu colocando
				// 10, e alguém sabe quanto tempo demora…?") when each half
				// answers a topic strongly (loose), and the first tells
				// no story of the past ("letzte Woche mein erstes Buch
				// veröffentlicht, mega stolz, und heute…").
				if !q && !past(s.text[:i]) {
					q, loose = true, true
				}
			} else {
				// Without a comma, "and" joins the words of one question
				// as often ("when and where"): "and whether" starts a
				// second, and "and" with a question word may (loose).
				q = len(ws) == 1 && slices.Contains(whetherWords, ws[0])
				// "…dans le panier et quand je clique, il est vide": "when
				// I" opens a clause of time, not a question.
				// "…d'auteur et est-ce qu'on peut avoir Prime ?": so may
				// "est-ce", written as one word.
				if !q && (len(ws) == 1 || estCe(ws)) && slices.Contains(questionWords(), ws[0]) && !opensTimeClause(strings.Join(rest[1:], " ")) {
					q, loose = true, true
				}
				// A preposition may come first ("und über welchen
				// Marktplatz", "et par quel moyen").
				if w2 := words(rest[2]); !q && len(rest) > 3 && len(ws) == 1 && len(ws[0]) <= 4 && len(w2) == 1 && slices.Contains(questionWords(), w2[0]) && !slices.Contains(clauseWords, w2[0]) {
					q, loose = true, true
				}
			}
			at = i + 1 + strings.Index(lower[i+1:], rest[0]) + len(rest[0])
		case comma && len(rest) >= 3:
			// A comma and a question word may part two questions too
			// ("…à la fin du livre, est-ce qu'un décalage…"), as often
			// as the story and the question of one ask (loose).
			// The first half must ask too: "commande passée le 3
			// novembre, quand vais-je…" tells, then asks once.
			if ws := words(rest[0]); (len(ws) == 1 || estCe(ws)) && slices.Contains(questionWords(), ws[0]) && (!slices.Contains(clauseWords, ws[0]) || announcesAsks(s.text)) && asksItself(s.text[:i]) {
				q, loose, at = true, true, i+1
			}
		}
		if q {
			first := strings.TrimRight(strings.TrimSpace(s.text[:i]), ",")
			second := strings.TrimSpace(s.text[at:])
			if len(words(first)) >= 3 && len(words(second)) >= 3 {
				out = append(out, pairSplit{first, second, loose})
			}
		}
		j := strings.IndexByte(lower[i+1:], ' ')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return out
}

// orComma reports whether w, after a comma, is "or" (orWords) or German
// "bzw." ("…stornieren, bzw. wo sehe ich meine Bestellungen?"): with a
// question word after it, it may open a second ask as ", and" does.
func orComma(w string) bool {
	return slices.Contains(orWords, w) || w == "bzw." || w == "resp."
}

// opensWithSubject reports whether the word w is a subject (subjectWords),
// or opens with one before an apostrophe ("j'appuie": words drops the
// elided j').
func opensWithSubject(w string) bool {
	if before, _, ok := strings.Cut(strings.ReplaceAll(asciiLower(w), "’", "'"), "'"); ok && slices.Contains(subjectWords, before) {
		return true
	}
	ws := words(w)
	return len(ws) > 0 && slices.Contains(subjectWords, ws[0])
}

// clauseWords are the question words that after a comma open a clause of
// the same sentence as often as a question: "que", "si", "where",
// "when", "wie"…
var clauseWords = []string{"que", "se", "si", "es", "da", "ce", "por", "wo", "where", "which", "when", "who", "any", "has", "have", "did",
	"cuando", "donde", "cual", "dove", "onde", "quando", "waar", "wanneer", "come", "como", "wie", "was", "tem", "existe", "zijn", "ist", "sind", "is", "are"}

// asksItself reports whether s, or what follows its last colon ("Drie
// vraagjes: hoeveel…"), reads as a question (isAsk).
func asksItself(s string) bool {
	if i := strings.LastIndexByte(s, ':'); i >= 0 && isAsk(strings.TrimSpace(s[i+1:])) {
		return true
	}
	return isAsk(strings.TrimRight(s, ", "))
}

// pairSplit is a place where a sentence may part into two asks: the two
// halves, and whether the parting is loose (see strongPair).
type pairSplit struct {
	first, second string
	loose         bool
}

// whetherWords open a question asked inside a sentence ("…and whether I
// can cancel it", "und ob", "e se"), in any language of Languages.
var whetherWords = []string{"whether", "if", "ob", "of", "si", "se"}

// estCe reports whether ws are French "est-ce", a question's opening
// written as one word with a hyphen ("et est-ce que je peux…").
func estCe(ws []string) bool { return len(ws) == 2 && ws[0] == "est" && ws[1] == "ce" }

// segment is one sentence or ask of a message, read once: whether it is
// only a greeting or thanks, whether it asks something, and, for a
// clause of a list (listAsks), its result already searched.
type segment struct {
	text   string
	filler bool
	ask    bool
	listed *Result
}

// readSegments reads the segments of a message. An item of a list of
// two or more ("1) which marketplace from Portugal 2) is shipping free")
// is an ask, with a question mark or without.
func readSegments(texts []string, numbered []bool) []segment {
	items := 0
	for _, n := range numbered {
		if n {
			items++
		}
	}
	segs := make([]segment, len(texts))
	for i, t := range texts {
		segs[i] = segment{text: t, filler: isFiller(t)}
		segs[i].ask = !segs[i].filler && (isAsk(t) || asksLast(t) || items >= 2 && numbered[i] && len(words(t)) >= 2)
	}
	return segs
}

// listLead parts s into the lead before its list of asks and the list:
// the words before a colon ("Hola, soy nueva: ¿cómo…") or before an
// opening question mark ("Hola, soy nueva, ¿cómo…") when what follows
// asks, and lead is "" when s has no such lead.
func listLead(s string) (lead, list string) {
	i := strings.Index(s, ": ")
	at := i + 2
	if j := strings.Index(s, "¿"); j > 0 && (i < 0 || j < i) {
		i, at = j, j
	}
	if i <= 0 || !isAsk(s[at:]) {
		return "", s
	}
	return strings.TrimRight(strings.TrimSpace(s[:i]), ",:"), strings.TrimSpace(s[at:])
}

// listClauses returns the clauses of s when it reads as a list of asks
// joined by commas: three clauses or more ("A, B, C", "A, B, and C", "A,
// B and C"); two
// are as often the parts of one ask ("my cart is empty, and what do I do
// now?"). Each clause has
// two words at least and maxListClause at most, for the asks of a list
// are terse where the clauses of a story are not; a comma inside a number
// ("1,000") joins no clauses. Nil when s is no such list.
func listClauses(s string) []string {
	raw := strings.FieldsFunc(strings.ReplaceAll(s, "、", ", "), func(r rune) bool { return r == ',' })
	var clauses []string
	for i, c := range raw {
		if i > 0 && !strings.HasPrefix(c, " ") {
			return nil // "1,000": not a list
		}
		ws := strings.Fields(c)
		isAnd := func(w string) bool { return slices.Contains(listConjunctions(), asciiLower(w)) }
		if len(ws) > 0 && isAnd(ws[0]) {
			ws = ws[1:]
		} else if last := i == len(raw)-1; last && i > 0 {
			// "A, B and C": the last comma's clause holds two asks.
			if j := slices.IndexFunc(ws, isAnd); j > 0 {
				if n := wordFields(ws[:j]); n < 2 || n > maxListClause {
					return nil
				}
				clauses = append(clauses, strings.Join(ws[:j], " "))
				ws = ws[j+1:]
			}
		}
		if n := wordFields(ws); n < 2 || n > maxListClause {
			return nil
		}
		clauses = append(clauses, strings.Join(ws, " "))
	}
	if len(clauses) < 3 {
		return nil
	}
	return clauses
}

// wordFields counts the fields of a clause that hold a word: French
// writes "?" apart ("…au Canada ?"), which is no word of it.
func wordFields(fields []string) int {
	n := 0
	for _, f := range fields {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// weakClause is the score under which a clause of a list answers its
// topic by a word or two only.
const weakClause = 0.4

// maxListClause is the most words of one ask in a list of asks.
const maxListClause = 10

// listConjunctions join the last ask of a list to the others, in every
// language of Languages: "and" only, for "or" joins the alternatives of
// one ask ("can I order to Brazil, or must I use amazon.com?").
func listConjunctions() []string { return listConjunctionList }

// listConjunctionList is the table of listConjunctions, made once: it is read for every
// word and segment of a message.
var listConjunctionList = []string{"and", "et", "und", "y", "e", "en"}

// add appends p unless it repeats a part's topic or unknown, or the
// answer is full.
func (a *Answer) add(p Part) {
	if len(a.Parts) == maxAsks {
		return
	}
	for _, q := range a.Parts {
		switch {
		case p.Confident && q.Confident && p.Best.ID == q.Best.ID:
			return
		case p.Unknown != nil && p.Unknown == q.Unknown:
			return
		}
	}
	a.Parts = append(a.Parts, p)
}
