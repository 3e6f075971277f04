package kb

import (
	"slices"
	"strings"
	"testing"
)

// unknownInScan is unknownIn as a plain scan of every trigger: the
// reference the indexed lookup must agree with.
func (k *KB) unknownInScan(text string, langs ...string) (*Unknown, string) {
	for _, u := range k.unknowns {
		if u.excused(text, langs) {
			continue
		}
		for i, lang := range langs {
			if lang == "" || slices.Contains(langs[:i], lang) {
				continue
			}
			for _, p := range u.triggers[lang] {
				if containsPattern(text, p) {
					return u, p
				}
			}
		}
	}
	return nil, ""
}

// TestUnknownInMatchesScan checks that the indexed unknownIn finds the
// same unknown and trigger as looking for every trigger in turn, on the
// labelled examples and on texts built around every trigger (at a word
// start, inside a word, as a prefix), for several orders of languages.
func TestUnknownInMatchesScan(t *testing.T) {
	k := mustLoad(t)
	exs, _ := readExamples(exampleFiles)
	var texts []string
	for _, e := range exs {
		texts = append(texts, e.text)
	}
	for _, u := range k.unknowns {
		for lang, ps := range u.triggers {
			for _, p := range ps {
				texts = append(texts, "hello"+p+"x", "so"+p, p+"s and more", "a "+strings.TrimSpace(p)+" b kdp select royalties")
				// The same with each unless phrase of its language and of
				// English, which excuses this unknown but not the others
				// the text names. (Every language's would make the texts
				// the product of two long lists.)
				unless := [][]string{u.unless[lang]}
				if lang != "en" {
					unless = append(unless, u.unless["en"])
				}
				for _, us := range unless {
					for _, q := range us {
						texts = append(texts, "a "+strings.TrimSpace(p)+q+"kdp select", q+strings.TrimSpace(p)+" ads")
					}
				}
			}
		}
	}
	n := 0
	for _, tx := range texts {
		f := unknownText(tx)
		for _, langs := range [][]string{{"en", "en", "en"}, {"fr", "de", "en"}, {"es", "", "en"}, {"nl", "pt", "en"}, {"it", "it", "en"}} {
			u1, p1 := k.unknownInScan(f, langs...)
			u2, p2 := k.unknownIn(f, nil, langs...)
			if u1 != u2 || p1 != p2 {
				t.Errorf("%q %v: old %v %q new %v %q", f, langs, u1, p1, u2, p2)
			}
			if u1 != nil {
				n++
			}
		}
	}
	if n == 0 {
		t.Error("no text names an unknown: the check checks nothing")
	}
}

// TestOutsideKDPDeclines checks that questions with nothing to do with
// KDP, in every language, get no confident topic: the words they share
// with the content are a few short ones a typo away from its words
// ("york" from "work", "eat" from "vat") or the time of day.
func TestOutsideKDPDeclines(t *testing.T) {
	k := mustLoad(t)
	for _, q := range []string{
		"what time is it in New York right now?",
		"my cat won't eat",
		"how do I fix my car's brakes",
		"quelle heure est-il à New York ?",
		"quelle heure est-il ?",
		"wie spät ist es in Berlin?",
		"¿qué hora es en Madrid?",
		"che ore sono a Roma?",
		"que horas são em Lisboa?",
		"hoe laat is het in Amsterdam?",
		// Personal questions to the bot: "old" is old-version's word,
		// "où" and "wo" which-marketplace's.
		"so how old are you exactly?",
		"sag mal, wie alt bist du?",
		"en hoe oud ben je?",
		"et toi, tu habites où ?",
		"¿eres un bot?",
		"você é um robô?",
		"quantos anos você tem agora?",
	} {
		if r := k.Search(q, ""); r.Confident {
			t.Errorf("Search(%q) answers %s with confidence", q, r.Best.ID)
		}
	}
}

// TestUnknownUnless checks that an unless phrase excuses only its own
// unknown: printing elsewhere declines, but not with an ISBN in the
// question, and a second subject the question names is still found.
func TestUnknownUnless(t *testing.T) {
	k := mustLoad(t)
	for _, c := range []struct{ text, lang, want string }{
		{"can I print my book elsewhere?", "en", "other-printers"},
		{"can I print my book elsewhere with the ISBN KDP gave me?", "en", ""},
		{"je peux faire imprimer mon livre ailleurs ?", "fr", "other-printers"},
		{"je peux faire imprimer mon livre ailleurs avec l'ISBN de KDP ?", "fr", ""},
		{"kann ich das Buch mit der KDP-ISBN woanders drucken lassen?", "de", ""},
		{"print my book elsewhere with the KDP ISBN, and what about KDP Select?", "en", "kdp-select"},
		{"can bookstores order it if I put my paperback on IngramSpark too?", "en", "ingramspark-distribution"},
		{"can I use the KDP ISBN on IngramSpark too, so bookstores can order it?", "en", ""},
		{"can I run a pre-order on IngramSpark too, so bookstores can order it?", "en", ""},
		{"how do I publish the translation of my novel?", "en", "translations"},
		{"how do I order author copies of my translation?", "en", ""},
		{"kann ich Autorenexemplare der Übersetzung bestellen?", "de", ""},
		// Reselling copies bought at cost is a topic wherever they are
		// sold: a library reading, a shop's website.
		{"Kan mijn boek ook op bol.com komen?", "nl", "ingramspark-distribution"},
		{"can I resell the copies I bought at a reading in the library?", "en", ""},
		{"Mag ik mijn boeken doorverkopen op bol.com?", "nl", ""},
		{"Posso rivendere le copie alla presentazione in biblioteca?", "it", ""},
	} {
		u, _ := k.unknownIn(unknownText(c.text), nil, c.lang, c.lang, "en")
		got := ""
		if u != nil {
			got = u.ID
		}
		if got != c.want {
			t.Errorf("unknownIn(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestNearDomainUnknowns checks the subjects next to author copies that
// are declined in words of the ordering topics ("copies", "paperback",
// "proof"), each with a question a topic answers in nearly the same words.
func TestNearDomainUnknowns(t *testing.T) {
	k := mustLoad(t)
	checkSearches(t, k, "", []searchCase{
		{"how do I unpublish the hardcover edition?", "unpublishing", ""},
		{"comment retirer mon livre de la vente sur amazon ?", "unpublishing", ""},
		{"kan ik mijn boek tijdelijk uit de verkoop halen?", "unpublishing", ""},
		{"the order author copies option is gone since I unpublished my paperback", "", "order-option-missing"},
		{"can I change the trim size of my book after it went live?", "book-updates", ""},
		{"como subo el manuscrito corregido de mi libro?", "book-updates", ""},
		{"wie lade ich ein neues Manuskript für mein Taschenbuch hoch?", "book-updates", ""},
		{"I updated my manuscript last week but my author copies still show the old text", "", "old-version"},
		{"how do I enable Look Inside for my paperback?", "look-inside", ""},
		{"warum hat mein Taschenbuch kein Blick ins Buch?", "look-inside", ""},
		{"why are there blank pages at the end of my paperback?", "", "blank-pages"},
		{"can KDP print bookmarks for my launch party?", "merchandise", ""},
		{"posso stampare segnalibri con la copertina del libro?", "merchandise", ""},
		{"how do I order author copies?", "", "order-author-copies"},
		{"can I print my book elsewhere while it's on KDP?", "other-printers", ""},
		{"vale a pena fazer impressão offset do meu livro?", "other-printers", ""},
		{"can I print my book elsewhere with the free KDP ISBN?", "", "free-kdp-isbn"},
		{"does KDP have an editing service for my manuscript?", "editing-services", ""},
		{"vous connaissez un bon correcteur pour mon roman ?", "editing-services", ""},
		{"how do I order a proof copy to check my edits?", "", "proof-copies"},
		{"how many copies of my book have readers bought so far?", "sales-reports", ""},
		{"donde veo las cifras de ventas de mi libro?", "sales-reports", ""},
		{"le copie autore rientrano nel report vendite di kdp?", "", "order-history"},
		{"can I use a public domain poem in my book?", "copyright-content", ""},
		{"my author copies arrived and the copyright page shows the first version, not my update", "", "old-version"},
		{"what is a fair price for the kindle version of my paperback?", "ebook-royalties", ""},
		{"quel prix pour la version Kindle, sachant que le broché est à 12 euros ?", "ebook-royalties", ""},
		{"welchen Preis für das E-Book, wenn das Taschenbuch 11,99 kostet?", "ebook-royalties", ""},
		{"can I set a different list price for the hardcover in Canada?", "list-price", ""},
		{"kann ich den Preis meines Taschenbuchs in Frankreich anders setzen?", "list-price", ""},
		{"posso mettere un prezzo più basso al cartaceo su amazon.de?", "list-price", ""},
		{"How much are author copies compared to the list price I set?", "", "author-copy-cost"},
		{"Amazon suspended my account the day after my author copies shipped", "account-status", ""},
		{"me suspendieron la cuenta de KDP, ¿cómo apelo?", "account-status", ""},
		{"a minha conta KDP foi bloqueada sem explicação", "account-status", ""},
		{"où est-ce que je change mon RIB pour les paiements KDP ?", "payments", ""},
		{"wie ändere ich die IBAN für meine Auszahlungen?", "payments", ""},
		{"I did my cover in Canva, what size for a 5x8 paperback?", "cover-design", ""},
		{"Vellum oder Atticus für den Buchsatz meines Taschenbuchs?", "formatting", ""},
		{"qual programa uso pra diagramar o miolo do livro impresso?", "formatting", ""},
		{"should I list my paperback on IngramSpark too so bookstores can order it?", "ingramspark-distribution", ""},
		{"moet ik ook op IngramSpark zodat boekhandels het kunnen bestellen?", "ingramspark-distribution", ""},
		{"devo usare IngramSpark per farlo ordinare dalle librerie?", "ingramspark-distribution", ""},
		{"is Kindle Vella still open for new serials?", "kindle-vella", ""},
		{"gibt es Kindle Vella auch für deutsche Autoren?", "kindle-vella", ""},
		{"how do I publish a translation of my paperback?", "translations", ""},
		{"wie veröffentliche ich die Übersetzung meines Romans?", "translations", ""},
		{"quiero traducir mi libro al inglés, ¿cómo lo publico?", "translations", ""},
		{"ik wil mijn boek laten vertalen naar het Engels", "translations", ""},
		{"how do I design a cover in Canva for my paperback?", "cover-design", ""},
		{"my Canva cover printed much darker on my author copies, is that a defect?", "", "print-defects"},
		{"nobody is buying my book, what should I do?", "book-marketing", ""},
		{"ninguém compra o meu livro, como vendo mais?", "book-marketing", ""},
		{"can I sell author copies to market my book at events?", "", "reselling-copies"},
		{"my paperback shows temporarily out of stock on Amazon", "book-availability", ""},
		{"mijn boek staat tijdelijk niet op voorraad op amazon", "book-availability", ""},
		{"wo sehe ich meine Verkaufszahlen in den KDP-Berichten?", "sales-reports", ""},
		{"is it worth buying my own ISBNs from Bowker?", "buying-isbns", ""},
		{"do I earn KDP royalties when I sell author copies?", "", "reselling-copies"},
		{"how big should the inside margins be for 400 pages?", "formatting", ""},
		{"che margini interni servono per 350 pagine?", "formatting", ""},
		{"no encuentro mi libro en amazon", "book-availability", ""},
		{"can I use the free KDP ISBN elsewhere or must I buy my own ISBN?", "", "free-kdp-isbn"},
		{"wie lange dauert es, bis das Buch live ist?", "publishing-review", ""},
		{"hoe lang duurt het voor mijn boek online staat?", "publishing-review", ""},
		{"2,99 ou 3,99 pour un roman numérique ?", "ebook-royalties", ""},
		{"posso passare da lucida a opaca dopo la pubblicazione?", "book-updates", ""},
		{"não recebi os royalties de março", "payments", ""},
		{"kann ich für ein E-Book eine Vorbestellung anlegen?", "", "ebook-preorder"},
		{"can I set up a preorder for an ebook?", "", "ebook-preorder"},
	})
}

// TestUnknownAfterAnalysedName checks that only a topic's own name, word
// for word, skips the unknown check: "como vender mais livros" comes down
// to the terms of the alias "vender em livrarias" but asks how to sell
// more books, while the aliases themselves stay answered.
func TestUnknownAfterAnalysedName(t *testing.T) {
	k := mustLoad(t)
	checkSearches(t, k, "pt", []searchCase{
		{"como vender mais livros", "book-marketing", ""},
		{"vender em livrarias", "", "reselling-copies"},
	})
	checkSearches(t, k, "en", []searchCase{
		{"royalties on author copies", "", "reselling-copies"},
		{"Royalties on author copies?", "", "reselling-copies"},
	})
}

// searchCase is a question and what Search must make of it: the known
// unknown it declines with, or the topic it answers confidently.
type searchCase struct{ q, unknown, topic string }

// checkSearches fails t for each case Search in lang gets wrong.
func checkSearches(t *testing.T, k *KB, lang string, cases []searchCase) {
	t.Helper()
	for _, c := range cases {
		r := k.Search(c.q, lang)
		unknown, best := "", ""
		if r.Unknown != nil {
			unknown = r.Unknown.ID
		}
		if r.Best != nil {
			best = r.Best.ID
		}
		switch {
		case c.unknown != "" && unknown != c.unknown:
			t.Errorf("Search(%q): unknown %q, want %s", c.q, unknown, c.unknown)
		case c.topic != "" && (!r.Confident || best != c.topic || unknown != ""):
			t.Errorf("Search(%q): confident %v best %q unknown %q, want %s", c.q, r.Confident, best, unknown, c.topic)
		}
	}
}

// TestPaidPerPageRead checks that being paid by the page read is Kindle
// Unlimited's, in every language, while the cost of printing by the page
// is not declined.
func TestPaidPerPageRead(t *testing.T) {
	k := mustLoad(t)
	checkSearches(t, k, "", []searchCase{
		{"do I get paid per page read or per download?", "kdp-select", ""},
		{"je suis payée à la page lue ou au téléchargement ?", "kdp-select", ""},
		{"bekomme ich pro Seite Geld, wenn jemand mein Buch ausleiht?", "kdp-select", ""},
		{"¿me pagan por página o por descarga?", "kdp-select", ""},
		{"mi pagano a pagina letta o a download?", "kdp-select", ""},
		{"recebo por página ou por download?", "kdp-select", ""},
		{"word ik betaald per pagina of per download?", "kdp-select", ""},
		{"can I leave Select before the 90 days are up?", "kdp-select", ""},
	})
	checkNotDeclined(t, k, []string{
		"how much do I pay per page for a color paperback?",
		"combien coûte l'impression par page en couleur ?",
		"was kostet der Druck pro Seite in Farbe?",
		"¿cuánto pago por página en color?",
		"quanto pago per pagina a colori?",
		"quanto custa a impressão por página colorida?",
		"wat kost het drukken per pagina in kleur?",
	})
}

// checkNotDeclined fails t for each question Search declines as a known
// unknown: a question about the author's copies.
func checkNotDeclined(t *testing.T, k *KB, qs []string) {
	t.Helper()
	for _, q := range qs {
		if r := k.Search(q, ""); r.Unknown != nil {
			t.Errorf("Search(%q) declines it as %s", q, r.Unknown.ID)
		}
	}
}

// TestMoneyAccountTaxUnknowns checks the ways of asking about the money
// from sales, a changed bank, an account under review, the tax form and
// reading a book aloud for an audiobook that name no subject word KDP
// uses, in every language.
func TestMoneyAccountTaxUnknowns(t *testing.T) {
	k := mustLoad(t)
	checkSearches(t, k, "", []searchCase{
		{"when does KDP send the money for last month's sales?", "payments", ""},
		{"Wanneer maakt KDP het geld van de verkopen van vorige maand over?", "payments", ""},
		{"J'ai changé de banque, où je mets mon nouveau compte pour les paiements ?", "payments", ""},
		{"Mudei de banco, onde coloco a conta nova?", "payments", ""},
		{"Mon compte est en cours de vérification depuis lundi", "account-status", ""},
		{"KDP hat mein Konto ohne Vorwarnung geschlossen, was kann ich tun?", "account-status", ""},
		{"A KDP fechou minha conta sem avisar, o que faço?", "account-status", ""},
		{"¿Qué formulario de impuestos tengo que rellenar si vivo en España?", "tax-interview", ""},
		{"Quale modulo fiscale devo compilare se vivo in Italia?", "tax-interview", ""},
		{"Welk belastingformulier moet ik invullen als ik in Nederland woon?", "tax-interview", ""},
		{"Ich will mein Buch selbst einlesen, was brauche ich dafür?", "acx-audiobooks", ""},
		{"Ik wil zelf de voorgelezen versie van mijn boek opnemen", "acx-audiobooks", ""},
	})
	checkNotDeclined(t, k, []string{
		"my card from my new bank was declined when I ordered author copies",
		"do I pay VAT on author copies shipped to the Netherlands?",
		"Ich lese auf meiner Lesung vor, darf ich dort meine Autorenexemplare verkaufen?",
	})
}

// TestGappedPhrases checks that a phrase with a gap matches its parts in
// order with at most gapWords words between, at word starts, and that a
// part ending in * matches any word it starts.
func TestGappedPhrases(t *testing.T) {
	pats, err := phrasePatterns("test", map[string][]string{"de": {"konto ... geschlossen", "order* ... cop*"}})
	if err != nil {
		t.Fatal(err)
	}
	konto, order := pats["de"][0], pats["de"][1]
	for _, c := range []struct {
		pattern, text string
		want          bool
	}{
		{konto, "KDP hat mein Konto geschlossen", true},
		{konto, "KDP hat mein Konto ohne Vorwarnung geschlossen", true},
		{konto, "mein Konto wurde ohne Vorwarnung geschlossen", true},
		{konto, "mein Konto wurde heute früh ohne Vorwarnung geschlossen", false},
		{konto, "mein Bankkonto ist geschlossen", false},
		{konto, "mein Konto ist nicht geschlossenen", false},
		{konto, "geschlossen ist mein Konto", false},
		{order, "I ordered 20 copies", true},
		{order, "I order copies", true},
		{order, "I ordered twenty more paperback copies", true},
		{order, "I ordered twenty more of the paperback copies", false},
		{order, "reorder copies", false},
	} {
		if got := containsPattern(unknownText(c.text), c.pattern); got != c.want {
			t.Errorf("%q in %q: %v, want %v", c.pattern, c.text, got, c.want)
		}
	}
	if _, err := phrasePatterns("test", map[string][]string{"en": {"konto ... "}}); err == nil {
		t.Error("a gap at the end is accepted")
	}
}

// TestAccountClosedWithWordsBetween checks that an account closed,
// blocked or suspended is declined with words between the account and
// the verb, as German and Dutch put the verb last.
func TestAccountClosedWithWordsBetween(t *testing.T) {
	k := mustLoad(t)
	checkSearches(t, k, "", []searchCase{
		{"KDP hat mein Konto dauerhaft gesperrt, was nun?", "account-status", ""},
		{"Mijn account is zonder uitleg gesloten", "account-status", ""},
		{"KDP heeft mijn account plotseling geblokkeerd", "account-status", ""},
		{"Mijn account is geschorst, wat nu?", "account-status", ""},
		{"Mein Konto wurde suspendiert, was nun?", "account-status", ""},
		{"Amazon suspended my whole publishing account", "account-status", ""},
	})
	checkNotDeclined(t, k, []string{"My order was suspended and my account charged twice, what now?"})
}

// TestOrderedCopiesForASubject checks that a question about copies the
// author ordered for a launch, a signing or a campaign is answered though
// it names an audiobook, Kindle Unlimited or ads, and that a question
// about the subject itself is still declined.
func TestOrderedCopiesForASubject(t *testing.T) {
	k := mustLoad(t)
	checkSearches(t, k, "", []searchCase{
		{"I ordered 20 author copies for my audiobook launch, when will they arrive?", "", "delivery-time"},
		{"do paperback copies count toward Kindle Unlimited pages read?", "kdp-select", ""},
		{"how do I get my audiobook narrated?", "acx-audiobooks", ""},
		{"Kann ich Exemplare meines Hörbuchs auf CD bestellen?", "acx-audiobooks", ""},
		{"¿Puedo pedir copias de mi audiolibro en CD?", "acx-audiobooks", ""},
	})
	checkNotDeclined(t, k, []string{
		"I ordered 20 copies of my paperback for my audiobook launch, when will they arrive?",
		"J'ai commandé 20 exemplaires de mon broché pour le lancement de mon livre audio, quand vont-ils arriver ?",
		"Ich habe 20 Exemplare meines Taschenbuchs für die Hörbuchpremiere bestellt, wann kommen sie?",
		"Pedí 20 ejemplares de mi libro para la presentación del audiolibro, ¿cuándo llegan?",
		"Ho ordinato 20 copie del mio cartaceo per la presentazione dell'audiolibro, quando arrivano?",
		"Pedi 20 exemplares do meu livro impresso pro lançamento do audiolivro, quando chegam?",
		"Ik heb 20 exemplaren van mijn paperback besteld voor de lancering van het luisterboek, wanneer komen ze?",
	})
}

// TestSubjectWordFamilies checks wordings of the near-domain subjects
// that name them by what the author does (bids per click, a one-star
// rating left, the money KDP pays out, a translator who translates, a
// narrated version, the images under the description), one or two per
// language, and questions about copies that share a word with them.
func TestSubjectWordFamilies(t *testing.T) {
	k := mustLoad(t)
	checkSearches(t, k, "", []searchCase{
		{"how much should I bid per click on my campaign?", "amazon-ads", ""},
		{"Wie viel soll ich pro Klick in meiner Kampagne bieten?", "amazon-ads", ""},
		{"Hoeveel moet ik per klik bieden in mijn campagne?", "amazon-ads", ""},
		{"Alguien dejó una estrella sin leer el libro, ¿se puede quitar ese comentario?", "reviews", ""},
		{"Qualcuno ha lasciato una stella senza leggere il libro", "reviews", ""},
		{"what's the minimum before KDP pays out?", "payments", ""},
		{"Qual é o mínimo para a KDP me pagar?", "payments", ""},
		{"Quiero sacar mi novela en inglés, ¿quién me la traduce?", "translations", ""},
		{"Quero lançar meu romance em inglês também, quem traduz?", "translations", ""},
		{"Voglio registrare io la versione letta del mio libro", "acx-audiobooks", ""},
		{"Comment ajouter des images sous la description de mon livre ?", "a-plus-content", ""},
		{"Por que cancelaram minha conta KDP?", "account-status", ""},
		{"Mijn ebook is vijf dagen gratis, wanneer begint de actie?", "kdp-select", ""},
		{"Wie ändere ich das Foto auf meiner Autorenbiografie bei Amazon?", "author-central", ""},
	})
	checkNotDeclined(t, k, []string{
		"Ik heb de cover opnieuw laten ontwerpen maar mijn exemplaren hebben nog de oude omslag",
		"Mon colis est arrivé avec une étoile de scotch déchirée et deux livres abîmés",
		"¿Cuánto cuesta imprimir un libro si el ebook está gratis en promoción? Son 200 páginas",
		"how do I order author copies? KDP pays the printer, right?",
	})
}

// TestMoreNearDomainSubjects checks subjects that got a wrong topic or
// none: DRM and lending an eBook, affiliate links, editorial reviews,
// images made with AI, Amazon Vine, a permafree eBook and Kindle Kids'
// Book Creator, and that ordering copies of such a book is answered.
func TestMoreNearDomainSubjects(t *testing.T) {
	k := mustLoad(t)
	checkSearches(t, k, "", []searchCase{
		{"should I turn on DRM for my ebook?", "ebook-drm-lending", ""},
		{"Soll ich DRM für mein E-Book aktivieren?", "ebook-drm-lending", ""},
		{"is it possible to lend my ebook to a friend?", "ebook-drm-lending", ""},
		{"can I put Amazon affiliate links in my ebook?", "copyright-content", ""},
		{"Comment ajouter des critiques éditoriales sur la page de mon livre ?", "reviews", ""},
		{"Je dois déclarer les images créées par IA ?", "copyright-content", ""},
		{"Muss ich KI-generierte Bilder angeben?", "copyright-content", ""},
		{"how do I get my book into Amazon Vine?", "reviews", ""},
		{"how do I make my ebook permafree?", "ebook-royalties", ""},
		{"how do I use Kindle Kids' Book Creator for my picture book?", "formatting", ""},
		{"can I order author copies of a book made with Kindle Kids' Book Creator?", "", "order-author-copies"},
	})
}

// TestHardDeclines checks declines the search gets wrong without them: a
// reader's order from another seller, KDP paying out, leaving Select
// before the 90 days, removing a one-star review, royalties missing from
// the reports and what price others give their eBooks; and that the
// author's own copies from such a seller or report are still answered.
func TestHardDeclines(t *testing.T) {
	k := mustLoad(t)
	checkSearches(t, k, "", []searchCase{
		{"my aunt bought my novel from a third-party seller and it never came", "third-party-sellers", ""},
		{"Mon cousin a acheté mon livre chez un vendeur tiers, il est arrivé abîmé", "third-party-sellers", ""},
		{"Mein Onkel hat mein Buch bei einem Drittanbieter gekauft und nie bekommen", "third-party-sellers", ""},
		{"when does KDP actually pay out?", "payments", ""},
		{"Kann ich vor Ablauf der 90 Tage wieder raus?", "kdp-select", ""},
		{"Comment supprimer un avis 1 étoile injuste ?", "reviews", ""},
		{"In mijn verkooprapport staan 6 bestellingen maar bij royalty's maar 4", "sales-reports", ""},
		{"¿a cuánto ponen el ebook ustedes?", "ebook-royalties", ""},
		{"Que preço vocês costumam pôr nos ebooks?", "ebook-royalties", ""},
	})
	checkNotDeclined(t, k, []string{
		"my author copies say sold by a third-party seller, is that right?",
		"O preço da cópia de autor é o mesmo que no ebook?",
	})
}

// TestHardDeclinesInEveryLanguage checks the same hard declines asked
// in each language: the price others give their eBooks, royalties at 0
// beside the orders in the report, and when KDP really pays.
func TestHardDeclinesInEveryLanguage(t *testing.T) {
	k := mustLoad(t)
	for _, q := range []string{
		"what do you all price your ebooks at? I can't decide between 2.99 and 3.99",
		"Zu welchem Preis stellt ihr eure E-Books ein? Ich schwanke zwischen 2,99 und 3,99",
		"¿A qué precio ponéis vuestros ebooks? Dudo entre 2,99 y 3,99",
		"A que preço vocês colocam os ebooks? Estou entre 2,99 e 3,99",
		"Mon tableau de bord affiche 3 commandes du broché mais 0 en redevances, c'est un bug ?",
		"Il report mostra 3 ordini del cartaceo ma 0 royalty, è un bug?",
		"when does KDP really pay? it's the end of the month and nothing in my bank",
		"Quando paga davvero KDP? È il 30 e in banca non c'è niente",
		"Wanneer betaalt KDP nou echt? Het is de 30e en niets op mijn rekening",
		"my cousin bought my book from some other seller and it arrived late, can I complain?",
	} {
		if r := k.Search(q, ""); r.Unknown == nil {
			best := ""
			if r.Confident {
				best = r.Best.ID
			}
			t.Errorf("Search(%q) names no known unknown (confident topic %q)", q, best)
		}
	}
	checkNotDeclined(t, k, []string{
		"¿cuál es el precio de impresión de un libro de 200 páginas?",
		"Was ist der Preis für Autorenexemplare bei E-Books und Taschenbüchern?",
		"can I order author copies from another seller account?",
	})
}

// TestVerbLastPriceAndReview checks that changing the list price and
// removing a review are declined in German and Dutch with the verb at
// the end, while the price of author copies is answered.
func TestVerbLastPriceAndReview(t *testing.T) {
	k := mustLoad(t)
	checkSearches(t, k, "", []searchCase{
		{"Wo kann ich den Preis von meinem Buch senken?", "list-price", ""},
		{"Waar kan ik de prijs van mijn boek verlagen?", "list-price", ""},
		{"Wie kann ich die Bewertung von meinem Buch löschen lassen?", "reviews", ""},
		{"Kann ich den Preis der Autorenexemplare irgendwie senken?", "", "author-copy-cost"},
		{"Kan ik de prijs van auteursexemplaren verlagen?", "", "author-copy-cost"},
	})
}

// TestWhoDidYourCovers checks that asking other authors who made their
// covers is cover design in every language, and that the Follow button
// and a third category are declined too.
func TestWhoDidYourCovers(t *testing.T) {
	k := mustLoad(t)
	checkSearches(t, k, "", []searchCase{
		{"who did your covers? mine looks homemade lol", "cover-design", ""},
		{"qui a fait vos couvertures ? la mienne fait amateur", "cover-design", ""},
		{"wer hat eure cover gemacht? meins sieht selbstgebastelt aus", "cover-design", ""},
		{"¿quién os hizo las portadas? la mía parece casera", "cover-design", ""},
		{"chi vi ha fatto le copertine? la mia sembra fatta in casa", "cover-design", ""},
		{"quem fez as capas de vocês? a minha parece caseira", "cover-design", ""},
		{"wie heeft jullie covers gemaakt? de mijne ziet er zelfgemaakt uit", "cover-design", ""},
		{"how do i get that 'follow' button on my amazon author thing", "author-central", ""},
		{"can i ask amazon to put my book in a third category?", "categories-keywords", ""},
	})
	checkNotDeclined(t, k, []string{"my author copies arrived and the covers look homemade, who made the covers so blurry?"})
}

// TestExclusiveAndTaxThing checks staying exclusive with Amazon (KDP
// Select), "the tax thing" before being paid (the tax interview), an
// account on hold and Amazon's percentage of an eBook, and that tax on
// author copies and how long Amazon takes to ship them are answered.
func TestExclusiveAndTaxThing(t *testing.T) {
	k := mustLoad(t)
	checkSearches(t, k, "", []searchCase{
		{"should i go exclusive with amazon or wide?", "kdp-select", ""},
		{"je reste exclusif avec Amazon ou je vais ailleurs aussi ?", "kdp-select", ""},
		{"exklusiv bei amazon bleiben oder auch woanders verkaufen?", "kdp-select", ""},
		{"fico exclusivo com a Amazon ou vendo em outros lugares também?", "kdp-select", ""},
		{"blijf ik exclusief bij Amazon of verkoop ik ook elders?", "kdp-select", ""},
		{"¿de verdad tengo que hacer lo de los impuestos antes de cobrar?", "tax-interview", ""},
		{"devo davvero fare la cosa delle tasse prima di essere pagata?", "tax-interview", ""},
		{"moet ik dat belastingding echt doen voor ik betaald word?", "tax-interview", ""},
		{"got an email saying my account is on hold, what did i do?", "account-status", ""},
		{"does amazon take 30 or 65 percent of my ebook?", "ebook-royalties", ""},
		{"What do I get per sale on a 4.99 ebook?", "ebook-royalties", ""},
	})
	checkNotDeclined(t, k, []string{
		"how long does amazon take to ship author copies to Canada?",
		"¿hay que pagar IVA por las copias de autor que pido a España?",
	})
}

// TestTriggersOfOtherWords checks two triggers that named words of other
// questions: "99 or" a quantity of copies ("99 or 100 copies") and the
// English "impressions" the French for prints; a choice between two
// prices and ad impressions are still declined.
func TestTriggersOfOtherWords(t *testing.T) {
	k := mustLoad(t)
	checkSearches(t, k, "", []searchCase{
		{"should my ebook be 2.99 or 3.99?", "ebook-royalties", ""},
		{"mein E-Book für 2,99 oder lieber 3,99?", "ebook-royalties", ""},
		{"my ads get lots of impressions but no clicks", "amazon-ads", ""},
	})
	checkNotDeclined(t, k, []string{
		"Can I order 99 or 100 copies at once?",
		"¿Puedo pedir 99 o 100 copias de una vez?",
		"Kann ich 99 oder 100 Exemplare auf einmal bestellen?",
		"Je peux commander 99 ou 100 exemplaires d'un coup ?",
		"Kan ik 99 of 100 exemplaren in één keer bestellen?",
		"Posso pedir 99 ou 100 exemplares de uma vez?",
		"Posso ordinare 99 o 100 copie in una volta?",
		"Les impressions de mes livres sont floues, pourquoi ?",
		"Les impressions sont pâles sur mes exemplaires reçus hier",
	})
}

// TestRefundIsNotPayment checks that money back for a damaged or
// cancelled order of copies is not declined as royalty payments, in every
// language, while a payment that did not arrive still is.
func TestRefundIsNotPayment(t *testing.T) {
	k := mustLoad(t)
	checkNotDeclined(t, k, []string{
		"¿Me pagan los gastos de envío si los libros llegaron rotos?",
		"I cancelled my order, when will I get paid back?",
		"J'ai annulé ma commande, quand est-ce que je serai remboursé sur mon compte bancaire ?",
		"Cancelé el pedido, ¿cuándo me devuelven el dinero a mi cuenta bancaria?",
		"Ich habe die Bestellung storniert, wann kommt das Geld auf mein Bankkonto zurück?",
		"I libri sono arrivati rovinati, Amazon mi paga il rimborso?",
	})
	checkSearches(t, k, "", []searchCase{
		{"não recebi os royalties de março", "payments", ""},
		{"wie ändere ich die IBAN für meine Auszahlungen?", "payments", ""},
	})
}

// TestOrderingDuringReviewOrAfterUnpublishing checks that asking whether
// copies can be ordered while the book is in review or once it is
// unpublished is answered, while the review and unpublishing themselves
// are still declined.
func TestOrderingDuringReviewOrAfterUnpublishing(t *testing.T) {
	k := mustLoad(t)
	checkNotDeclined(t, k, []string{
		"Can I order copies of my book while it's still in review?",
		"If I unpublish the paperback, can I still order copies?",
		"Posso ordinare copie mentre il libro è ancora in revisione?",
		"Kan ik exemplaren bestellen terwijl mijn boek nog in beoordeling is?",
	})
	checkSearches(t, k, "", []searchCase{
		{"wie lange dauert es, bis das Buch live ist?", "publishing-review", ""},
		{"how do I unpublish the hardcover edition?", "unpublishing", ""},
	})
}

// TestFirstPersonPriceAndEbookCopySold checks that setting one's own
// list price asked in the first person ("how do I set the price") and
// earnings per copy of an eBook sold are declined in every language,
// while the price of author copies is still answered.
func TestFirstPersonPriceAndEbookCopySold(t *testing.T) {
	k := mustLoad(t)
	checkSearches(t, k, "", []searchCase{
		{"Je fixe le prix de mon roman broché comment, pour qu'il se vende ?", "list-price", ""},
		{"¿Cómo fijo el precio de mi novela en papel?", "list-price", ""},
		{"Come fisso il prezzo del mio romanzo cartaceo?", "list-price", ""},
		{"Como defino o preço do meu romance impresso?", "list-price", ""},
		{"Wie lege ich den Verkaufspreis für mein Taschenbuch fest?", "list-price", ""},
		{"Hoe stel ik de prijs van mijn paperback in?", "list-price", ""},
		{"Quanto mi resta di ogni copia del mio ebook venduta?", "ebook-royalties", ""},
		{"Combien je touche sur chaque exemplaire de mon ebook ?", "ebook-royalties", ""},
		{"¿Cuánto me queda de cada copia de mi ebook?", "ebook-royalties", ""},
	})
	checkNotDeclined(t, k, []string{
		"Je fixe le prix de mon livre, mais combien coûtent les exemplaires d'auteur ?",
		"Quanto costa ogni copia autore del mio romanzo?",
	})
}

// TestEverydayOrdersDeclined checks that orders of other things (a
// meal, groceries, shoes, a 3D print) get no topic, though they speak of
// an order that did not arrive or came wrong, in each language by its own
// cue words. The same question in German ("Meine Pizza ist nie
// angekommen, der Lieferdienst sagt…"), Portuguese and Dutch still gets a
// topic: the words of a lost parcel outweigh the one cue.
func TestEverydayOrdersDeclined(t *testing.T) {
	k := mustLoad(t)
	for _, q := range []string{
		"my pizza order never showed up and the driver says he rang, what now?",
		"Ma pizza commandée hier soir n'est jamais arrivée, le livreur dit qu'il a sonné, je fais quoi ?",
		"Mi pizza nunca llegó y el repartidor dice que llamó al timbre, ¿qué hago?",
		"La pizza che ho ordinato non è mai arrivata, il fattorino dice di aver suonato, cosa faccio?",
		"Mein 3D-Drucker druckt jede Schicht verschoben, woran liegt das?",
	} {
		if r := k.Search(q, ""); r.Confident {
			t.Errorf("Search(%q) = %s (%.2f), want no topic", q, r.Best.ID, r.Score)
		}
	}
}

// TestReaderSaleAndBarcode checks that what an author earns when a
// reader buys the book, the price readers pay, and who puts the barcode
// on the cover, are declined with their pages, while a barcode misprinted on the copies
// is still a printing defect.
func TestReaderSaleAndBarcode(t *testing.T) {
	k := mustLoad(t)
	checkSearches(t, k, "", []searchCase{
		{"How much do I make per paperback sold through Amazon?", "ebook-royalties", ""},
		{"Combien je touche quand un lecteur achète mon broché ?", "ebook-royalties", ""},
		{"Quanto eu ganho quando alguém compra meu livro impresso?", "ebook-royalties", ""},
		{"Do I have to add the barcode myself or does KDP print it on the back?", "cover-design", ""},
		{"¿Tengo que poner el código de barras en la contraportada o lo hace KDP?", "cover-design", ""},
		{"Moet ik de barcode zelf op de achterkant zetten?", "cover-design", ""},
		{"Can I lower the price customers pay for my paperback?", "list-price", ""},
		{"¿Cómo cambio el precio que pagan los lectores por mi libro en papel?", "list-price", ""},
		{"Hoe verander ik de prijs die lezers betalen voor mijn paperback?", "list-price", ""},
		{"Quanto recebo por cada cópia do ebook que vendo?", "ebook-royalties", ""},
	})
	checkNotDeclined(t, k, []string{
		"The barcode came out smudged and crooked on half of my copies, is that within tolerance?",
	})
}

// TestSubjectsInTheirOwnWords checks subjects named the way authors put
// them rather than by KDP's words, in every language: Look Inside by each
// store's name for it, a book missing from Amazon's search, an account
// held for review, selling more, bookshops reached through a distributor,
// other sellers of the book, the ISBN of a published book and copies of
// an ebook. Their neighbours that a topic answers stay answered.
func TestSubjectsInTheirOwnWords(t *testing.T) {
	k := mustLoad(t)
	checkSearches(t, k, "", []searchCase{
		{"De blik in het boek van mijn roman doet het niet, hoe los ik dat op?", "look-inside", ""},
		{"L'aperçu ne fonctionne pas sur la page de mon roman, pourquoi ?", "look-inside", ""},
		{"¿Por qué no funciona la vista previa de mi novela en Amazon?", "look-inside", ""},
		{"Perché l'estratto non compare sulla pagina del mio romanzo?", "look-inside", ""},
		{"Die Leseprobe wird nicht angezeigt, woran liegt das?", "look-inside", ""},
		{"My lookinside isn't working on the paperback", "look-inside", ""},
		{"Mein Roman taucht in den Suchergebnissen gar nicht auf", "book-availability", ""},
		{"Il mio romanzo non compare nelle ricerche, come faccio a indicizzarlo?", "book-availability", ""},
		{"Meu romance não aparece nas buscas da Amazon, por quê?", "book-availability", ""},
		{"Mijn roman staat niet in de zoekresultaten van Amazon", "book-availability", ""},
		{"My novel doesn't come up when I search the title, is it indexed?", "book-availability", ""},
		{"Mon compte affiche en cours d'examen depuis une semaine et je ne peux plus rien publier", "account-status", ""},
		{"Mi cuenta de KDP pone en revisión y no puedo publicar nada", "account-status", ""},
		{"Mein Konto steht seit Tagen auf in Prüfung, ich kann nichts veröffentlichen", "account-status", ""},
		{"Mijn account staat in beoordeling, ik kan niks publiceren", "account-status", ""},
		{"Che posso fare perché il mio romanzo si venda di più?", "book-marketing", ""},
		{"¿Qué hago para que mi novela se venda mejor?", "book-marketing", ""},
		{"O que faço pra que meu romance venda mais?", "book-marketing", ""},
		{"IngramSpark distribue-t-il dans les librairies indépendantes ?", "ingramspark-distribution", ""},
		{"Can Amazon ship my novel straight to bookstores so they can sell it?", "ingramspark-distribution", ""},
		{"Kann Amazon meine Bücher direkt an Buchhandlungen schicken?", "ingramspark-distribution", ""},
		{"How do I stop other people selling my book for triple the price?", "third-party-sellers", ""},
		{"Come impedire che altri vendano il mio libro a prezzi assurdi?", "third-party-sellers", ""},
		{"Can I swap the ISBN on my published paperback for one I bought?", "book-updates", ""},
		{"Wie kann ich die ISBN meines Taschenbuchs nachträglich ändern?", "book-updates", ""},
		{"Posso trocar o ISBN do meu livro já publicado?", "book-updates", ""},
		{"Hoe wijzig ik het ISBN van mijn boek dat al gepubliceerd is?", "book-updates", ""},
		{"Puis-je acheter des exemplaires de mon livre numérique pour les offrir ?", "book-marketing", ""},
		{"¿Puedo comprar copias de mi ebook para regalarlas en un sorteo?", "book-marketing", ""},
	})
	checkNotDeclined(t, k, []string{
		"prima che chiunque possa comprarlo voglio tenere in mano il libro stampato, come lo ottengo?",
		"How do I change my ISBN-13 into an ISBN-10?",
		"my book is in review, can I already order author copies?",
	})
}

// TestReaderOrders checks that what a reader ordered from Amazon, and how
// long it takes to reach them, is declined in every language, while an
// order a reader placed with the author, filled with author copies, is
// not.
func TestReaderOrders(t *testing.T) {
	k := mustLoad(t)
	checkSearches(t, k, "", []searchCase{
		{"A reader ordered my paperback two weeks ago and it still hasn't shipped, can I speed it up?", "reader-orders", ""},
		{"Une lectrice a commandé mon roman sur Amazon et attend depuis un mois, je peux faire quelque chose ?", "reader-orders", ""},
		{"Warum ist die Lieferzeit für meine Leser so lang?", "reader-orders", ""},
		{"Una lectora pidió mi novela y le dicen que tarda tres semanas, ¿puedo hacer algo?", "reader-orders", ""},
		{"I tempi di consegna per i miei lettori sono di un mese, si possono ridurre?", "reader-orders", ""},
		{"Uma leitora encomendou meu livro e ainda não chegou, como resolvo?", "reader-orders", ""},
		{"Een lezer heeft mijn boek besteld maar het duurt weken, kan ik dat versnellen?", "reader-orders", ""},
	})
	checkNotDeclined(t, k, []string{
		"A customer ordered five signed copies from me, how long will my author copies take to arrive?",
		"Ein Kunde hat bei mir zehn Bücher bestellt. Wie lange brauchen meine Autorenexemplare?",
	})
}

// TestDevicesFormatsAndListings checks more subjects authors name in
// their own words, in several languages: a Kindle e-reader, a binding
// KDP does not print, a reader's purchase of a book on Amazon, the sales
// history, a listing shown as unavailable, the price of the print
// edition, a cover changed after publishing and what a sold paperback
// earns. A curled cover that will not lie flat stays a print question.
func TestDevicesFormatsAndListings(t *testing.T) {
	k := mustLoad(t)
	checkSearches(t, k, "", []searchCase{
		{"My Kindle keeps restarting by itself, how do I do a factory reset?", "kindle-devices", ""},
		{"Ma liseuse ne reconnaît plus le câble de charge, que faire ?", "kindle-devices", ""},
		{"Mi Kindle no enciende desde ayer, ¿cómo lo reinicio?", "kindle-devices", ""},
		{"Can KDP do a hardcover with a dust jacket and sprayed edges?", "print-formats", ""},
		{"Kann KDP mein Notizbuch mit Ringbindung drucken?", "print-formats", ""},
		{"Posso avere il mio libro con una sovraccoperta?", "print-formats", ""},
		{"Compré un libro en Amazon para mi hermano y quiero devolverlo, ¿cómo?", "reader-orders", ""},
		{"Where can I download my sales history for last year?", "sales-reports", ""},
		{"Waar vind ik de verkoopgeschiedenis van mijn boeken?", "sales-reports", ""},
		{"O meu romance aparece como indisponível na Amazon, o que houve?", "book-availability", ""},
		{"Mon roman apparaît comme indisponible sur Amazon depuis hier", "book-availability", ""},
		{"Why does my novel show a different price on amazon.de than on amazon.com?", "list-price", ""},
		{"Kan ik de prijs van mijn paperback zelf verlagen?", "list-price", ""},
		{"Posso cambiare il prezzo del mio cartaceo su amazon.it?", "list-price", ""},
		{"Ich will das Cover meines Romans nach der Veröffentlichung austauschen, geht das?", "book-updates", ""},
		{"Kan ik de cover van mijn roman vervangen nu hij online staat?", "book-updates", ""},
		{"¿Cuánto me llevo por cada libro de tapa blanda vendido?", "ebook-royalties", ""},
	})
	checkNotDeclined(t, k, []string{
		"The covers of my author copies won't lie flat, they curl up at the corners",
		"What does a 300-page paperback cost me per copy if I order it for myself?",
	})
}

// TestAccountAccessAndNeighbours checks signing in and the account's
// email, writing advice, tax on what KDP pays, the wait after uploading,
// a new edition, a discount on the print edition, pictures taken from
// the internet, second-hand copies sold by others, large print and
// sending an ebook to one's own Kindle, in several languages; and that
// signing in for the cart, a book signing, copies of an old edition and
// the cost of pages stay with their topics.
func TestAccountAccessAndNeighbours(t *testing.T) {
	k := mustLoad(t)
	checkSearches(t, k, "", []searchCase{
		{"I can't log in to KDP, it says my password is wrong", "account-access", ""},
		{"No puedo iniciar sesión en KDP, la contraseña no funciona", "account-access", ""},
		{"Ik krijg de verificatiecode van KDP niet binnen", "account-access", ""},
		{"Comment changer l'adresse e-mail de mon compte KDP ?", "account-access", ""},
		{"Quantas páginas deve ter um livro infantil?", "writing-advice", ""},
		{"Any tips for writer's block on my second novel?", "writing-advice", ""},
		{"Muss ich in Österreich Steuern auf meine KDP-Einnahmen zahlen?", "tax-interview", ""},
		{"How long until my novel shows up on Amazon after uploading?", "publishing-review", ""},
		{"Hoe lang duurt het voordat mijn roman na het uploaden op Amazon staat?", "publishing-review", ""},
		{"Quero lançar uma segunda edição revisada, preciso de outro ISBN?", "book-updates", ""},
		{"Ich plane eine Neuauflage mit neuem Vorwort, wie gehe ich vor?", "book-updates", ""},
		{"Posso fazer uma promoção do meu livro impresso por uma semana?", "list-price", ""},
		{"Puedo usar una foto de internet para la portada?", "copyright-content", ""},
		{"Iemand verkoopt mijn roman tweedehands voor het dubbele, kan ik dat tegenhouden?", "third-party-sellers", ""},
		{"Can I make a large print edition of my novel?", "print-formats", ""},
		{"How do I send my own ebook to my Kindle to check it?", "kindle-devices", ""},
	})
	checkNotDeclined(t, k, []string{
		"Je suis connectée sur KDP mais le panier Amazon reste vide, faut-il se connecter séparément ?",
		"will they get here in time for a signing in two weeks?",
		"Should I sign in the front of each copy before I mail them?",
		"I uploaded the new edition but the author copies I received are still the old edition",
		"How many pages can my paperback have and what does each page cost to print?",
	})
}

// TestLegalAndRetailSubjects checks the legal deposit and imprint of a
// book, registering as a business, the trim size to choose, republishing
// a book a publisher put out, and a reader's own purchase of somebody
// else's book, in several languages.
func TestLegalAndRetailSubjects(t *testing.T) {
	k := mustLoad(t)
	checkSearches(t, k, "", []searchCase{
		{"Dois-je envoyer un exemplaire au dépôt légal de la BnF ?", "copyright-content", ""},
		{"Do I need a Library of Congress number for my paperback?", "copyright-content", ""},
		{"Do I need to register as self-employed to sell my novels?", "tax-interview", ""},
		{"Tenho que emitir nota fiscal das vendas na Amazon?", "tax-interview", ""},
		{"Devo aprire la partita IVA per vendere su Amazon?", "tax-interview", ""},
		{"What trim size is standard for a romance novel?", "formatting", ""},
		{"Posso ripubblicare un romanzo già uscito con un editore?", "copyright-content", ""},
		{"Where can I buy the hardcover of Dune?", "reader-orders", ""},
		{"Wo kann ich die gebundene Ausgabe von Harry Potter kaufen?", "reader-orders", ""},
		{"Die Buchhandlung hat ein Buch für mich bestellt, das seit drei Wochen nicht kommt", "reader-orders", ""},
	})
	checkNotDeclined(t, k, []string{
		"My copyright page shows the old date, are these copies the old version?",
		"Where can I buy my own hardcover at the author price?",
	})
}

// TestBoughtSwappedSearched checks a reader's purchase told with "bought",
// a bought ISBN put on a book already on sale, and a title searched with
// words between, in several languages.
func TestBoughtSwappedSearched(t *testing.T) {
	k := mustLoad(t)
	checkSearches(t, k, "", []searchCase{
		{"A fan bought my hardcover and it's taking a month to arrive, can I speed it up?", "reader-orders", ""},
		{"Ein Leser hat mein Hardcover gekauft und die Lieferung dauert einen Monat", "reader-orders", ""},
		{"Een lezer kocht mijn hardcover en de levering duurt een maand", "reader-orders", ""},
		{"I bought my own ISBN, how do I swap it onto my live paperback?", "book-updates", ""},
		{"Compré mi propio ISBN, ¿cómo lo cambio en mi libro ya publicado?", "book-updates", ""},
		{"Comprei meu próprio ISBN, como troco no livro já à venda?", "book-updates", ""},
		{"Wenn ich den genauen Titel bei Amazon eingebe, finde ich mein Buch nicht", "book-availability", ""},
		{"Quando pesquiso o título exato na Amazon meu livro não aparece", "book-availability", ""},
	})
	checkNotDeclined(t, k, []string{
		"I bought 20 author copies and the box arrived crushed, what now?",
	})
}

// TestListingRightsAndPastPrice checks a book gone from Amazon or asked
// after on another store, proof of the rights to a book, the price the
// author set told in the past tense and an advert for other books at the
// back of one, in several languages.
func TestListingRightsAndPastPrice(t *testing.T) {
	k := mustLoad(t)
	checkSearches(t, k, "", []searchCase{
		{"My book disappeared from Amazon overnight, what happened?", "book-availability", ""},
		{"Meu livro sumiu da Amazon do nada, o que houve?", "book-availability", ""},
		{"Is mijn boek ook te koop op Amazon.nl?", "book-availability", ""},
		{"KDP wants proof that I hold the rights, how do I send it?", "copyright-content", ""},
		{"A KDP pediu pra eu provar que tenho os direitos do livro, como faço?", "copyright-content", ""},
		{"Perché il mio cartaceo costa meno su Amazon del prezzo che ho messo?", "list-price", ""},
		{"¿Por qué sale más barato que el precio que puse?", "list-price", ""},
		{"Puis-je mettre une pub pour mes autres livres à la fin de mon broché ?", "amazon-ads", ""},
	})
	checkNotDeclined(t, k, []string{
		"The proof copy I ordered shows the old cover, is that normal?",
	})
}

// TestParcelsSentByPost checks that a parcel the asker sends with the post
// office or a courier is declined in every language, while shipping the
// author's own copies is not.
func TestParcelsSentByPost(t *testing.T) {
	k := mustLoad(t)
	checkSearches(t, k, "", []searchCase{
		{"How much does it cost to send a package to my brother in Canada?", "postal-services", ""},
		{"Combien coûte l'envoi d'un colis à ma sœur au Canada par La Poste ?", "postal-services", ""},
		{"Was kostet es, ein Paket zu meiner Schwester nach Spanien zu schicken?", "postal-services", ""},
		{"¿Cuánto cuesta enviar un paquete a mi hermana en Chile por Correos?", "postal-services", ""},
		{"Quanto costa spedire un pacco a mia sorella in Spagna?", "postal-services", ""},
		{"Quanto custa mandar uma caixa pelos Correios para Portugal?", "postal-services", ""},
		{"Wat kost het om een pakket naar mijn zus in Spanje te sturen met PostNL?", "postal-services", ""},
	})
	checkNotDeclined(t, k, []string{
		"Can Amazon ship my author copies straight to my sister in Canada?",
		"Quanto custa mandar os exemplares do meu livro para Portugal?",
	})
}
