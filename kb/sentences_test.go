package kb

import (
	"slices"
	"testing"
)

// TestSegments checks where a message is split into asks.
func TestSegments(t *testing.T) {
	got, _ := numberedSegments("Hello! I ordered copies on amazon.com. 1) Can I cancel? 2) When do they ship\nThanks", "")
	want := []string{"Hello!", "I ordered copies on amazon.com.", "Can I cancel?", "When do they ship", "Thanks"}
	if !slices.Equal(got, want) {
		t.Errorf("segments: %q, want %q", got, want)
	}
	// German ordinal dates go on with their sentence; the items of a
	// list still split.
	for _, tc := range []struct {
		msg  string
		want []string
	}{
		{"Ich brauche die Bücher am 15. für eine Lesung. Wo ist das Paket?", []string{"Ich brauche die Bücher am 15. für eine Lesung.", "Wo ist das Paket?"}},
		{"Ich habe am 1. Oktober 50 Exemplare bestellt. Wann kommen sie?", []string{"Ich habe am 1. Oktober 50 Exemplare bestellt.", "Wann kommen sie?"}},
		{"1) wie lange dauert der Versand 2) kann ich am 3. Mai stornieren", []string{"wie lange dauert der Versand", "kann ich am 3. Mai stornieren"}},
		{"Zwei Fragen: 1. wie lange dauert der Versand 2. kann ich stornieren", []string{"Zwei Fragen:", "wie lange dauert der Versand", "kann ich stornieren"}},
		// " / " parts two asks on one line; "US/UK" is one word.
		{"how long does delivery take / can I cancel before it ships from the US/UK", []string{"how long does delivery take", "can I cancel before it ships from the US/UK"}},
		{"Est-ce normal ? / Et comment annuler ?", []string{"Est-ce normal ?", "Et comment annuler ?"}},
		// A bracket that opens with "and" and a question asks on its own;
		// one that tells goes on with its sentence.
		{"Which shipping speeds are there (and how long does standard take)?", []string{"Which shipping speeds are there", "and how long does standard take?"}},
		{"Kann ich stornieren (und wie lange dauert es) oder ist es zu spät?", []string{"Kann ich stornieren", "und wie lange dauert es", "oder ist es zu spät?"}},
		{"Der Knopf ist grau (seit gestern), was tun?", []string{"Der Knopf ist grau (seit gestern), was tun?"}},
		// So does one that opens with "or" and a question; one that only
		// names an alternative goes on with its sentence.
		{"Kann ich bei KDP vorbestellen (oder muss ich Advantage nehmen)?", []string{"Kann ich bei KDP vorbestellen", "oder muss ich Advantage nehmen?"}},
		{"¿Puedo hacer preventa en KDP (o tengo que usar Advantage)?", []string{"¿Puedo hacer preventa en KDP", "o tengo que usar Advantage?"}},
		{"Can I pre-order the paperback (or the hardcover edition) on KDP?", []string{"Can I pre-order the paperback (or the hardcover edition) on KDP?"}},
		{"Où est mon colis (où en est la livraison) ?", []string{"Où est mon colis (où en est la livraison) ?"}},
		// "et sinon" inside a sentence turns to another ask.
		{"Deux livres sont arrivés abîmés, et sinon le noir et blanc coûte moins cher ?", []string{"Deux livres sont arrivés abîmés", "et sinon le noir et blanc coûte moins cher ?"}},
		// "¿y…" inside a sentence opens another question; "¿" alone does not.
		{"El botón sale en gris, ¿y cómo pido una prueba?", []string{"El botón sale en gris", "¿y cómo pido una prueba?"}},
		{"Publico en catalán, ¿puedo comprar copias?", []string{"Publico en catalán, ¿puedo comprar copias?"}},
	} {
		if got, _ := numberedSegments(tc.msg, "de"); !slices.Equal(got, tc.want) {
			t.Errorf("numberedSegments(%q): %q, want %q", tc.msg, got, tc.want)
		}
	}
	// A number that numbers no list ends its sentence.
	if got, _ := numberedSegments("Ho ordinato 100 copie invece di 10. E ora?", ""); !slices.Equal(got, []string{"Ho ordinato 100 copie invece di 10.", "E ora?"}) {
		t.Errorf("segments: %q", got)
	}
	// A marker of several words starts one segment, not one per word.
	got, _ = numberedSegments("C'est normal ? Et aussi, combien coûte la livraison", "")
	want = []string{"C'est normal ?", "Et aussi, combien coûte la livraison"}
	if !slices.Equal(got, want) {
		t.Errorf("segments: %q, want %q", got, want)
	}
}

func TestTried(t *testing.T) {
	for _, s := range []string{"Ho provato con Chrome e con Firefox, ho svuotato la cache, stessa cosa.", "I tried another browser, same thing.",
		"Hab's auf Laptop und Handy probiert, nix.", "Já tentei sair e entrar de novo.", "I tried again, same thing."} {
		if !tried(s) {
			t.Errorf("tried(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"Mi si apre il carrello vuoto.", "My cart is empty.", "Ich habe 40 Exemplare bestellt.",
		"I tried to order 50 copies but the button is greyed out.", "Ho provato a ordinare ma il carrello è vuoto."} {
		if tried(s) {
			t.Errorf("tried(%q) = true, want false", s)
		}
	}
}

func TestPast(t *testing.T) {
	for _, s := range []string{"Last year my cart was empty.", "Support fixed it.", "Das wurde dann gelöst.", "Il y a un an, j'ai reçu un exemplaire abîmé.", "Qualche mese fa il carrello era vuoto.",
		"Le carton est arrivé intact, rien à redire.", "El interior está genial, el papel crema me encanta.", "Há uns meses recebi a versão antiga.",
		"Il y a trois semaines, le panier était vide.", "J'ai commandé il y a longtemps.",
		"The first time I tried, my cart was empty.", "L'ultima volta il pacco è arrivato rovinato.",
		"Am Anfang hatte ich etwas Ärger mit dem leeren Warenkorb.", "Two years ago my proof came with blank pages.", "Een jaar geleden was mijn winkelwagen leeg.",
		"I ordered copies last week and my cart was empty.", "Last week I couldn't find my tracking, then support fixed it.",
		// Done with, or a problem that did not come back.
		"Mit der Beschnittzugabe gab es Ärger, aber das ist erledigt.", "Felizmente, o problema da capa enrolada das provas não se repetiu.",
		"The blank pages in my proof didn't happen again with the copies.", "Le souci de couverture ne s'est pas reproduit.",
		"Lo de las páginas en blanco no volvió a pasar.", "Il problema del carrello non si è ripetuto.", "Dat probleem met de kaft is niet meer voorgekomen.",
		"J'ai galéré avec la couverture mais tout est bon maintenant."} {
		if !past(s) {
			t.Errorf("past(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"My cart is empty.", "The Order author copies button is not there.", "Mein Warenkorb ist leer.",
		"Come si ordinano le copie autore la prima volta", "Dans le carton il y a 35 exemplaires d'un autre livre.",
		"The link is greyed out for my hardcover, went live 2 days ago.", "Ik heb drie dagen geleden besteld en er is nog niets.",
		// An order placed last week whose tracking cannot be found is
		// the order asked about.
		"I ordered 20 copies last week and cannot find the tracking anywhere.", "Ich habe letzte Woche bestellt und kann die Sendungsverfolgung nirgends finden.",
		"J'ai commandé la semaine dernière et je ne trouve pas le suivi.", "Pedí copias la semana pasada y no encuentro el seguimiento.",
		"Encomendei semana passada e não acho o rastreio.", "Vorige week besteld en ik kan de track and trace niet vinden.",
		// A negated "all is well" tells a problem.
		"Dans mon carton, tout n'est pas bon : trois livres sont abîmés.", "Bei meiner Lieferung ist nicht alles gut, drei Bücher sind beschädigt."} {
		if past(s) {
			t.Errorf("past(%q) = true, want false", s)
		}
	}
}

func TestAskOpener(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"First, my cart is empty.", openerFirst},
		{"Tout d'abord, mon panier est vide.", openerFirst},
		{"Also, how long does delivery take?", openerMore},
		{"Außerdem: Wie lange dauert die Lieferung?", openerMore},
		{"And how long does delivery take?", openerMore},
		{"En hoe lang duurt de levering?", openerMore},
		{"and roughly what does a hardcover copy cost", openerMore}, // a word between
		{"E comunque, quanto tempo ci vuole?", openerMore},
		{"P.S. is there a preorder for the paperback?", openerMore},
		{"PS: how long does shipping take?", openerMore},
		{"And I ordered 40 copies.", openerNone}, // "and" without a question word
		{"And last week I asked how long it takes.", openerNone},
		{"Also", openerNone}, // nothing after the opener
		{"Firstly", openerNone},
		{"My cart is empty.", openerNone},
	} {
		if got := askOpener(tc.s, "en"); got != tc.want {
			t.Errorf("askOpener(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}

// TestAskQuery checks that an ask is searched without its opening, and
// unchanged when it has none or nothing follows it.
func TestAskQuery(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Separately, which ink options can I pick?", "which ink options can I pick?"},
		{"Tout d'abord, mon panier est vide.", "mon panier est vide."},
		{"Außerdem: wie lange dauert es?", "wie lange dauert es?"},
		{"One more thing - can I cancel?", "can I cancel?"},
		{"And how much is it?", "how much is it?"},
		{"Also", "Also"},
		{"My cart is empty.", "My cart is empty."},
		// A word that closes the question to ask it exactly is dropped;
		// inside the question it asks for steps.
		{"Also, how do I order author copies exactly?", "how do I order author copies?"},
		{"Comment on commande des exemplaires exactement ?", "Comment on commande des exemplaires ?"},
		{"Wie bestelle ich Autorenexemplare genau?", "Wie bestelle ich Autorenexemplare?"},
		{"¿Cómo se piden las copias exactamente?", "¿Cómo se piden las copias?"},
		{"Hoe bestel ik auteursexemplaren precies", "Hoe bestel ik auteursexemplaren"},
		{"How exactly do I set up the pre-order?", "How exactly do I set up the pre-order?"},
		{"Exactly?", "Exactly?"},
	} {
		if got := askQuery(tc.in, "en"); got != tc.want {
			t.Errorf("askQuery(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// The opening is a word of a topic: "separately" is shipping's.
	k := mustLoad(t)
	msg := "The copies I just got still show my old cover, from before I updated the files. Separately, which ink options can I pick for author copies?"
	if ids, _ := partIDs(k.Answer(msg, "")); !slices.Equal(ids, []string{"old-version", "ink-options"}) {
		t.Errorf("Answer(%q) answered %v, want ink-options and old-version", msg, ids)
	}
}

// TestIsFiller checks greetings, thanks and sign-offs in each language
// against sentences that ask or tell something.
// TestIsAsk checks sentences that ask without a question mark against
// ones that open with a question word and tell.
func TestIsAsk(t *testing.T) {
	for _, s := range []string{"how do I cancel my order", "quand vais-je recevoir mes exemplaires", "Come si ordina una copia di prova", "¿Por qué está vacío?",
		"Dá pra pedir cópias de autor no Brasil", "Ich bin mir unsicher, ob das noch im Rahmen ist", "Vorher wüsste ich gern, was ein Hardcover kostet",
		"Per una mia amica: come si ordinano le copie autore", "gibts da auch Prime Versand oder nur Standard",
		// A wish to know now asks; an ask may follow a lead of a word or
		// two and a comma.
		"Vorrei capire se questi difetti rientrano nella tolleranza.", "I want to know where my order is.",
		"separate thing, how do I switch my royalty payments to another bank", "ah et, comment je change l'adresse de livraison",
		"how do I cancel my order?!", "cuándo llegan mis copias de autor", "quando arrivano le copie, domani"} {
		if !isAsk(s) {
			t.Errorf("isAsk(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"When I go to order author copies for the hardcover, it only ships from the US.", "Quand je clique sur commander, rien ne se passe.",
		"Wanneer ik op bestellen klik, blijft de pagina wit.", "Por lo demás, los libros llegaron bien.", "Da primeira vez o carrinho ficava vazio.",
		"come se non bastasse, l'indirizzo era quello vecchio", "wie es so ist, kam das Paket einen Tag zu spät", "Meine Frage an euch: bitte schnell antworten",
		// What the author wanted to know then is story; so is a clause
		// of time after a lead and a comma.
		"Qualche settimana fa non riuscivo a capire dove vedere il mio ordine, poi l'ho trovato.",
		"Last week I wanted to know where my order was, then support sent the tracking link.",
		"Agora, quando chegar o pacote vou conferir tudo", "My cart, it shows nothing at all",
		// A wish to know denied asks nothing.
		"I've made up my mind, I don't need to know whether it pays.", "Ho già deciso, non mi serve sapere se conviene.",
		"Je n'ai pas besoin de savoir si ça vaut le coup.", "Ich muss nicht wissen, ob es sich lohnt.", "No necesito saber si compensa.",
		"Não preciso saber se vale a pena.", "Ik hoef niet te weten of het loont.",
		// A sentence that ends with "!" exclaims.
		"Any help appreciated, and congrats to everyone who launched this month!", "Quel bazar !", "Was für ein Chaos!",
		"Qué lío con el carrito!", "Che disastro questo pacco!", "Como assim, de novo!", "Wat een gedoe!",
		// Where the verb says its subject, "when" and a comma to the
		// full stop tell.
		"Cuando pedí mis primeros ejemplares me asusté, pero ya lo entendí.", "Quando ho ordinato le copie, il carrello era vuoto.",
		"Quando pedi as cópias, o carrinho ficou vazio."} {
		if isAsk(s) {
			t.Errorf("isAsk(%q) = true, want false", s)
		}
	}
}

func TestAsksLast(t *testing.T) {
	for _, s := range []string{"de vorige keer zaten er boeken met kapotte hoeken in de doos, waar meld ik dat eigenlijk",
		"two copies came with crushed corners, where do I report that", "das Paket kam offen an, wo melde ich das"} {
		if !asksLast(s) {
			t.Errorf("asksLast(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"de boeken lagen in de doos, waar ik ze had laten liggen", "the copies came in a box, which I opened at once",
		"das Paket lag vor der Tür, wo ich es nicht gesehen hatte", "where do I report a damaged box"} {
		if asksLast(s) {
			t.Errorf("asksLast(%q) = true, want false", s)
		}
	}
}

func TestIsFiller(t *testing.T) {
	for _, s := range []string{"Hi everyone!", "Thanks in advance for any help!", "Bonjour à tous", "Guten Tag", "Vielen Dank und viele Grüße",
		"¡Buenos días!", "Muchas gracias de antemano", "Buongiorno a tutti", "Bom dia!", "Boa tarde, pessoal", "Goedendag allemaal"} {
		if !isFiller(s) {
			t.Errorf("isFiller(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"my cart is empty", "Bom preço para 20 cópias?", "Guten Tag, mein Warenkorb ist leer seit gestern", "el día de entrega"} {
		if isFiller(s) {
			t.Errorf("isFiller(%q) = true, want false", s)
		}
	}
}

// TestAndQuestion checks sentences opened by "and" and a question word
// against ones where the word opens no question.
func TestAndQuestion(t *testing.T) {
	for _, s := range []string{"And how long does delivery take", "en hoe lang duurt het", "and roughly what does it cost"} {
		if !andQuestion(words(s)) {
			t.Errorf("andQuestion(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"Und wie es so ist, kam das Paket einen Tag zu spät.", "E come se non bastasse, l'indirizzo era vecchio."} {
		if andQuestion(words(s)) {
			t.Errorf("andQuestion(%q) = true, want false", s)
		}
	}
}

// TestOrOpens checks the asks opened by "or" against ones opened by
// French "où" and by words that only begin like "or".
func TestOrOpens(t *testing.T) {
	for _, s := range []string{"Or can KDP do it?", "¿O lo hace KDP?", "Ou c'est mieux chez IngramSpark ?", "Oder geht das nur über Advantage?",
		"Oppure conviene Advantage?", "Of kan dat ook via KDP?", "ou dá direto pelo KDP?"} {
		if !orOpens(s) {
			t.Errorf("orOpens(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"Où est mon colis ?", "Order number 123 is late.", "Ofwel kan het niet?", "Oh and where is my parcel?"} {
		if orOpens(s) {
			t.Errorf("orOpens(%q) = true, want false", s)
		}
	}
}

// TestNamesDomain checks the words that name the domain, and some that
// only look like them.
func TestNamesDomain(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"wie bestelle ich Autorenexemplare", true},
		{"auteursexemplaren, hoe snel zijn die er", true},
		{"is it cheaper on amazon.de", true},
		{"Zahlt man USt darauf", true},
		{"how do I register a copyright", false},
		{"ustedes saben algo", false},
		{"como recebo os royalties no Brasil", false},
		{"buenas tardes a todos", false},
	} {
		if got := namesDomain(tt.s); got != tt.want {
			t.Errorf("namesDomain(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// TestSegmentsKeepAbbreviations checks that the dot of an abbreviation
// inside a sentence ends no segment, and that a word before a dot does.
func TestSegmentsKeepAbbreviations(t *testing.T) {
	for _, tt := range []struct {
		message string
		want    int
	}{
		{"Wieviele Exemplare gehen max. pro Bestellung?", 1},
		{"Welche Länder bzw. Sprachen gehen? Und wie lange dauert es?", 2},
		{"Can I ship to other countries, e.g. Canada?", 1},
		{"I tried Chrome, Firefox etc. Nothing works. What now?", 3},
		{"No sé qué es. ¿Alguien lo sabe?", 2},
	} {
		if got, _ := numberedSegments(tt.message, ""); len(got) != tt.want {
			t.Errorf("numberedSegments(%q) = %q, want %d segments", tt.message, got, tt.want)
		}
	}
}
