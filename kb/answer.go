package kb

import (
	"slices"
	"strings"
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
// unknown already answered are dropped. Search stays the entry point for
// a short question; Answer of one is that Search.
func (k *KB) Answer(message, lang string) Answer {
	if l := Lang(lang); k.has(l) {
		lang = l
	} else {
		lang = k.queryLang(tokens(message), lang, DetectLang(message))
	}
	a := Answer{Lang: lang}
	segs := k.listAsks(readSegments(numberedSegments(message, lang)), lang)
	if len(message) <= maxPairedMessage {
		segs = k.pairAsks(segs, lang)
	}
	segs = k.markedAsks(segs, lang)
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
	for _, i := range asks {
		p := Part{Ask: segs[i].text}
		if r := segs[i].listed; r != nil {
			p.Result = *r
		} else {
			p.Result = k.Search(askQuery(segs[i].text, lang), lang)
		}
		// An ask of two words or so that answers a topic weakly ("what am
		// I doing wrong?" matches wrong-item by "wrong") is about the
		// sentence before it when that sentence answers more strongly.
		weak := p.Confident && p.Score < markedStory && contentWords(askQuery(segs[i].text, lang)) < 3 && segs[i].listed == nil
		if (!p.Confident || weak) && p.Unknown == nil && i > 0 && !segs[i-1].filler && !segs[i-1].ask {
			ctx := segs[i-1].text + " " + segs[i].text
			if r := k.Search(ctx, lang); (r.Confident || r.Unknown != nil) && (!weak || r.Confident && r.Score > p.Score) {
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
		if p.Unknown == nil && (!p.Confident || p.Score < markedStory) && segs[i].listed == nil {
			// "Woran kann das liegen?", "¿Alguien sabe por qué me sale
			// ese error?": an ask that names no subject of its own (it
			// matches nothing but by a word) is about the problem the
			// story told last. One that matches a little more may ask
			// about something the knowledge base does not cover.
			if ctx, r, ok := k.storyProblem(segs, i, lang); ok && (!p.Confident && p.Score < vagueAsk || p.Confident && r.Score > p.Score) {
				p = Part{Ask: ctx, Result: r}
			}
		}
		switch {
		case p.Confident || p.Unknown != nil:
			a.add(p)
		case contentWords(segs[i].text) >= 3:
			declined = append(declined, p)
		}
	}
	if len(a.Parts) == 0 && len(story) > 0 {
		// No ask answered, or none asked: the message as a whole may
		// still say what it is about ("my cart is empty!!").
		var b strings.Builder
		for _, i := range append(story, asks...) {
			b.WriteString(segs[i].text)
			b.WriteByte(' ')
		}
		text := strings.TrimSpace(b.String())
		if r := k.Search(text, lang); r.Confident || r.Unknown != nil || len(declined) == 0 {
			a.add(Part{Ask: text, Result: r})
		}
	}
	for _, p := range declined {
		a.add(p)
	}
	if len(a.Parts) == 0 {
		a.Parts = []Part{{Ask: strings.TrimSpace(message), Result: k.Search(message, lang)}}
	}
	return a
}

// vagueAsk is the score under which an unanswered ask names no subject
// of its own.
const vagueAsk = 0.25

// storyProblem returns the ask segs[i] searched with the sentence of the
// story before it that last tells a problem (tellsProblem) in the words
// of its topic (markedStory), and its result; ok is true when that
// result answers the same topic confidently. A sentence of the past, of
// a problem solved or of what went well ("La vez pasada tuve el lío del
// carrito vacío, ya se arregló") is passed over; the story ends at the
// ask before.
func (k *KB) storyProblem(segs []segment, i int, lang string) (ctx string, r Result, ok bool) {
	for j := i - 1; j >= 0 && !segs[j].ask; j-- {
		if segs[j].filler || past(segs[j].text) {
			continue
		}
		if t := k.Search(segs[j].text, lang); t.Confident && t.Score >= markedStory && tellsProblem(t.Best) {
			ctx = segs[j].text + " " + segs[i].text
			r = k.Search(ctx, lang)
			return ctx, r, r.Confident && r.Best.ID == t.Best.ID
		}
	}
	return "", Result{}, false
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
		clauses := listClauses(s.text)
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
		whole := k.Search(s.text, lang)
		if wb := whole.Best; whole.Confident && wb != nil && !topics[wb.ID] {
			every = false
		}
		if !every || len(topics) < 2 {
			out = append(out, s)
			continue
		}
		out = append(out, split...)
	}
	return out
}

// pairAsks splits a sentence of two questions joined by a comma and
// "and" before a question word ("can I still cancel, and where do I see
// the tracking?", "puis-je annuler, et où vois-je le suivi ?"), or by
// "and whether", into its two questions, when each answers a topic of
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
		for _, c := range askPairs(s) {
			a, b := k.Search(c.first, lang), k.Search(c.second, lang)
			if !pairable(a, b) || c.loose && !strongPair(a, b) {
				continue
			}
			if whole := k.Search(s.text, lang); whole.Confident && (!a.Confident || whole.Best.ID != a.Best.ID) && (!b.Confident || whole.Best.ID != b.Best.ID) {
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
// so does every sentence of a message that marks no ask.
func (k *KB) markedAsks(segs []segment, lang string) []segment {
	asked := false // an ask comes before segs[i]
	for i := range segs {
		s := &segs[i]
		if s.filler {
			continue
		}
		opener := askOpener(s.text, lang)
		if opener == openerTurn && !s.ask && endsAsAsk(s.text) {
			s.ask = true
		}
		// "Plus where do I track the other order from last week": a
		// question after its opening asks, past or not.
		if opener != openerNone && !s.ask && isAsk(askQuery(s.text, lang)) {
			s.ask = true
		}
		// "…auf dem Weihnachtsmarkt verkaufen? und zahle ich beim Bestellen
		// MwSt drauf": "and" right after an ask marks another.
		if opener == openerNone && !s.ask && i > 0 && segs[i-1].ask && andOpens(s.text) {
			opener = openerMore
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

// past reports whether s tells of a problem of the past or one solved
// ("last year my cart was empty", "support fixed it"), in any language
// of Languages: the story of an earlier order, not what the author asks.
func past(s string) bool {
	ws := words(s)
	for i := range ws {
		for _, p := range pastPhrases {
			if i+len(p) <= len(ws) && slices.Equal(ws[i:i+len(p)], p) {
				return true
			}
		}
	}
	return false
}

// pastPhrases are the folded words, alone or in a row, that put a
// sentence in the past or say its problem was solved.
var pastPhrases = func() [][]string {
	var out [][]string
	for _, p := range []string{
		"fixed", "sorted", "solved", "resolved", "replaced", "last year", "last month", "last week", "ago", "back in", "previously", "used to",
		"regle", "resolu", "remplace", "il y a", "an dernier", "annee derniere", "mois dernier", "semaine derniere", "auparavant",
		"gelost", "behoben", "ersetzt", "letztes jahr", "letzten monat", "letzte woche", "vor einem jahr", "vor ein paar", "fruher",
		"soluciono", "resuelto", "resolvio", "reemplazo", "ano pasado", "mes pasado", "semana pasada", "hace un",
		"risolto", "sostituito", "anno scorso", "mese scorso", "settimana scorsa", "mese fa", "mesi fa", "anno fa", "anni fa", "settimane fa",
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
		"already know", "sais deja", "weiss schon", "weiss ich schon", "ya se", "ya lo se", "so gia", "lo so gia", "ja sei", "weet al", "weet ik al",
	} {
		out = append(out, strings.Fields(p))
	}
	return out
}()

// markedStory is the least score at which a sentence without a question
// mark is read as an ask its opening or another's points to: it tells
// what happened in the words of a topic ("my cart is empty", 0.9 and
// over on the tuning set), where one that only tells the story matches a
// topic by a word or two (0.3 to 0.45 there).
const markedStory = 0.6

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

// askQuery is the text of an ask as it is searched: without the opening
// that marks it as one ("Separately, which ink can I pick?" is searched
// as "which ink can I pick?"), which says how the message is built, not
// what it asks, and may be a word of a topic ("shipped separately").
func askQuery(s, lang string) string {
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
		"trouwens", "overigens", "oh en", "en trouwens",
	}
	// Words that turn back from the story: another ask follows only when
	// the sentence asks ("Anyway, which site do I order from?"); in a
	// story they open what happened next ("Anyway, this morning I
	// ordered 60 copies").
	turn := []string{"anyway", "anyhow", "sinon", "en tout cas", "jedenfalls", "wie auch immer", "en fin", "de todas formas",
		"comunque", "e comunque", "enfim", "de qualquer forma", "hoe dan ook", "enfin"}
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

// maxPairedMessage is the longest message, in bytes, whose asks pairAsks
// splits: in a longer one the story runs on in clauses joined by ", and"
// that ask nothing new.
const maxPairedMessage = 300

// askPairs returns the places where a sentence s may part into two
// questions, first to last: ", and" (or ", plus") and a question word, or
// "and whether" (see whetherWords), in any language of Languages; and,
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
		case len(rest) >= 3 && (slices.Contains(listConjunctions(), rest[0]) || comma && rest[0] == "plus"):
			ws := words(rest[1])
			if comma {
				q = (len(ws) == 1 || estCe(ws)) && (slices.Contains(questionWords(), ws[0]) || rest[0] == "and" && ws[0] == "am")
			} else {
				// Without a comma, "and" joins the words of one question
				// as often ("when and where"): "and whether" starts a
				// second, and "and" with a question word may (loose).
				q = len(ws) == 1 && slices.Contains(whetherWords, ws[0])
				if !q && len(ws) == 1 && slices.Contains(questionWords(), ws[0]) {
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
			if ws := words(rest[0]); (len(ws) == 1 || estCe(ws)) && slices.Contains(questionWords(), ws[0]) && !slices.Contains(clauseWords, ws[0]) && asksItself(s.text[:i]) {
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
		segs[i].ask = !segs[i].filler && (isAsk(t) || items >= 2 && numbered[i] && len(words(t)) >= 2)
	}
	return segs
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
				if len(ws[:j]) < 2 || len(ws[:j]) > maxListClause {
					return nil
				}
				clauses = append(clauses, strings.Join(ws[:j], " "))
				ws = ws[j+1:]
			}
		}
		if len(ws) < 2 || len(ws) > maxListClause {
			return nil
		}
		clauses = append(clauses, strings.Join(ws, " "))
	}
	if len(clauses) < 3 {
		return nil
	}
	return clauses
}

// weakClause is the score under which a clause of a list answers its
// topic by a word or two only.
const weakClause = 0.4

// maxListClause is the most words of one ask in a list of asks.
const maxListClause = 7

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

// segments splits a message into its sentences and asks: at ., ! and ?
// followed by a space or the end, at ; and line breaks, before an
// enumeration ("1)", "2.", "- ") and before the phrases that start
// another ask (askMarkers). A ? stays with its sentence.
func segments(message string) []string {
	texts, _ := numberedSegments(message, "")
	return texts
}

// numberedSegments returns the segments of message, a message in lang,
// and, for each, whether it opened with an enumeration mark.
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
		case '.', '!', '?':
			if i != inNumber && (i+1 == len(message) || message[i+1] == ' ' || message[i+1] == '\n' || message[i+1] == '\t') {
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
	return strings.TrimLeft(strings.TrimSpace(s), ",:-*•") // marker punctuation
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
	"et aussi", "aussi,", "autre question", "deuxième question", "également,", "par ailleurs",
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
	ws := words(s)
	if len(ws) == 0 {
		return false
	}
	if slices.Contains(questionWords(), ws[0]) {
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
		}
		return true
	}
	// "I want to know", "je voudrais savoir", "ich möchte wissen"...
	t := " " + strings.Join(ws, " ") + " "
	for _, p := range []string{" wondering ", " want to know ", " need to know ", " like to know ", " tell me ", " savoir ", " comprendre ",
		" wissen ", " wusste gern ", " frage mich ", " verstehen ", " saber ", " entender ", " sapere ", " capire ", " chiedere ", " weten ", " begrijpen ",
		// "I don't know whether", "I wonder": an ask inside a sentence.
		" i wonder ", " me demande ", " sais pas si ", " weiss nicht ob ", " no se si ", " me pregunto ", " duda de si ",
		" non so se ", " mi chiedo ", " nao sei se ", " weet niet of ", " vraag me af ",
		" not sure if ", " not sure whether ", " wusste ich gern ", " unsicher ob ", " nicht sicher ob ", " pas sur que ", " pas sure que ",
		" no estoy seguro de si ", " no estoy segura de si ", " non sono sicuro se ", " non sono sicura se ", " niet zeker of "} {
		if strings.Contains(t, p) {
			return true
		}
	}
	return false
}

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

// questionWords are the folded words that open a question in one of
// Languages.
func questionWords() []string { return questionWordList }

// questionWordList is the table of questionWords, made once: it is read for every
// word and segment of a message.
var questionWordList = []string{
	"how", "what", "why", "when", "where", "which", "who", "can", "could", "is", "are", "do", "does", "did", "should", "will", "would", "any", "has", "have",
	"comment", "pourquoi", "quand", "ou", "quel", "quelle", "quels", "combien", "est", "puis", "peut", "peux", "dois", "faut",
	"wie", "was", "warum", "wann", "wo", "wer", "wieviel", "wieviele", "welche", "welcher", "welchen", "welches", "welchem", "kann", "konnen", "gibt", "muss", "darf", "ist", "sind", "wieso", "weshalb",
	"como", "que", "por", "cuando", "donde", "cual", "cuales", "cuanto", "cuantos", "cuanta", "cuantas", "puedo", "se", "hay", "es", "debo",
	"cosa", "perche", "dove", "quale", "quanto", "quanti", "quanta", "quante", "come", "quando", "posso", "si", "ce", "devo",
	"onde", "qual", "quais", "quantos", "quantas", "existe", "tem", "da",
	"hoe", "wat", "waarom", "wanneer", "waar", "welke", "welk", "hoeveel", "kan", "kun", "kunnen", "moet", "mag", "zijn",
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
