package kb

// dutchLexicon returns the word lists of Dutch, as written in the
// Netherlands and Flanders.
func dutchLexicon() lexicon {
	return lexicon{
		stop: `
aan al alle als alsjeblieft alstublieft andere ben bij dan dank dat de deze die dit doe doen door dus echt een eens en er ergens even
geweest had heb hebben heeft hem het hier hij hoe hoi hallo hun ik in is ja je jij jou jouw kan kun kunnen kunt maar me meer men met mij
mijn moet moeten mogen na naar nog nu of om omdat ons onze ook op over te toch toe tot u uit uw van veel voor waar waarom wanneer want was
wat we welk welke wel werd wie wij wil willen word worden wordt ze zelf zich zij zijn zo zou zouden bedankt groetjes aub svp dankjewel
dankuwel n z t s iemand iets vraag vraagje graag eigenlijk allee via
`,
		months: `januari februari maart april mei juni juli augustus september oktober november december jan feb apr aug sept okt nov dec`,
		synonyms: map[string][]string{
			"niet":             {"geen", "nooit", "nergens", "onmogelijk"},
			"winkelwagen":      {"winkelmand", "winkelwagentje", "winkelmandje", "mandje", "cart", "basket"},
			"exemplaar":        {"exemplaren", "kopie", "kopieën", "copies", "copy"},
			"grijs":            {"grijze", "uitgegrijsd", "uitgeschakeld", "inactief", "niet klikbaar"},
			"optie":            {"knop", "knoppen", "opties", "link", "button"},
			"kopen":            {"koop", "gekocht", "aanschaffen"},
			"wijzigen":         {"aanpassen", "veranderen", "bewerken", "corrigeren"},
			"levering":         {"leveren", "geleverd", "bezorging", "bezorgen", "bezorgd", "aankomen", "aangekomen", "arriveren"},
			"verzending":       {"verzenden", "verzonden", "versturen", "verstuurd", "opsturen", "shipping"},
			"kosten":           {"kost", "prijs", "prijzen", "duur", "goedkoop", "tarief"},
			"voorbestelling":   {"voorbestellen", "voorbestellingen", "preorder", "pre order"},
			"ebook":            {"e book", "e books", "ebooks", "digitaal boek"},
			"paperback":        {"pocket", "zachte kaft", "softcover"},
			"hardcover":        {"harde kaft", "gebonden", "hardback"},
			"drukfout":         {"drukfouten", "misdruk", "misdrukken", "slecht gedrukt", "defect", "defecte", "misprint"},
			"beschadigd":       {"beschadigde", "beschadiging", "kapot", "kapotte", "gescheurd", "gedeukt", "gedeukte", "ingedeukt", "ingedeukte", "deuk", "deuken", "geknakt"},
			"eenbestelling":    {"in een keer", "in een bestelling", "per bestelling", "in een order"},
			"aantal":           {"hoeveelheid", "hoeveel exemplaren", "hoeveel stuks"},
			"doorverkopen":     {"verkopen", "doorverkoop", "wederverkoop", "resell"},
			"volgen":           {"track en trace", "track and trace", "tracking", "traceren", "trackingcode", "trackingnummer", "volgnummer", "waar is mijn pakket", "waar is mijn pakketje", "waar blijft mijn pakket", "waar blijft mijn pakketje"},
			"auteursexemplaar": {"auteursexemplaren", "auteurs exemplaren", "auteurs exemplaar", "auteurskopie", "auteurskopieën", "author copies", "author copy"},
			"proefexemplaar":   {"proefexemplaren", "proefdruk", "proefdrukken", "testexemplaar", "testexemplaren", "proof", "proofs", "proof copy", "proof copies"},
			"afrekenen":        {"kassa", "naar de kassa", "checkout"},
			"berekenen":        {"uitrekenen", "berekening", "rekenhulp"},
			"marketing":        {"mijn boek promoten", "boek promoten"},
			"inclusief":        {"incl", "inbegrepen"},
			"exclusief":        {"excl"},
			"stappen":          {"stap", "stap voor stap"},
			"nietverzendbaar":  {"niet naar dit adres", "niet naar mijn adres", "niet verzenden naar", "niet leveren naar", "niet leveren op", "niet naar mijn land"},
			"krullen":          {"krult", "gekruld", "omgekruld", "opkrullen", "golvend", "golvende", "golft", "kromgetrokken"},
		},
		neighbours: `
schrijven schrijver schrijfster roman romans verhaal gedicht gedichten poëzie manuscript hoofdstuk plot personage personages redacteur
lettertype lettertypes opmaak vormgeving word epub mobi vellum atticus
ontwerper illustrator canva photoshop software flaptekst ondertitel
reclame advertenties promotie promoten sociale instagram facebook tiktok volgers lezers recensies nieuwsbrief bestseller
royalty royalties percentage unlimited kenp abonnement
luisterboek luisterboeken audible acx verteller podcast
scherm batterij oplader tablet app
weerbericht regen recept recepten taart koken hoofdstad voetbal wedstrijd grap film muziek vakantie
`,
		units:    "exemplaren stuks boeken proefexemplaren kopieën",
		quantity: "aantal",
		steps:    "stap voor stap|stappen|stappenplan|hoe precies|concreet",
		cues: `
pizza supermarkt boodschappen schoenen kleding 3d_printer
royalty royalties | ebook e_book percentage tarief 35 70 uitbetaling uitbetalingen uitbetaald betaald betaling betalingen maand maandelijks minimum
kindle | synchroniseren synchroniseert aanzetten scherm batterij opladen apparaat app crasht vastgelopen
kdp_select kindle_unlimited gelezen_pagina kenp
a_content author_central productpagina
trefwoorden zoekwoorden categorie categorieën
weerbericht weersverwachting hoe_laat_is tijdzone
writers_block epub docx mobi kpf debuutroman
ebook | prijs kosten
opmaken opmaak catalogusprijs verkoopprijs pseudoniem
oud_ben_je oud_ben_jij ben_je_een_bot ben_jij_een_bot ben_je_een_mens
`,
		markers: `
winkelwagen winkelmand leeg lege bestellen besteld bestelling bestellingen auteursexemplaar auteursexemplaren exemplaar exemplaren
proefexemplaar proefdruk boek boeken verzending verzenden verzendkosten levering geleverd bezorgd aangekomen kosten kost prijs
drukkosten gedrukt drukfout drukfouten beschadigd kapot annuleren geannuleerd wijzigen aanpassen bezorgadres adres pagina's
verkeerd verkeerde knop grijs waar zijn mijn geen niet nooit alsjeblieft bedankt hoi waarom wanneer hoe lang duurt duren nog steeds
lukt werkt vind vinden kan mag mogelijk gratis duur goedkoop stuks aantal marktplaats welke kiezen nederland belgië duitsland weken
dagen signeersessie beurs doorverkopen omslag krult kleur zwart wit inkt oude versie blijft hangen watermerk hulp nodig ik het een
van voor met op naar bij uit ook maar wel dat die deze dit er zo zoals vraagje m'n z'n zo'n 't 's btw factuur helpt printkosten vorige
`,
		spelling: `
aandacht achter af afgelopen alleen altijd anders antwoord auto avond beetje begin beginnen belangrijk beter bijna blijven boven
brengen broer buiten daar daarna denken deur dingen doen dochter dom donker dorp echt eigen eindelijk elkaar eten familie geld
gelukkig genoeg gewoon geven gisteren goed gaan groot half hand helemaal hoofd horen huis iedereen jaar jaren jongen kamer kennen
kijken kind kinderen klein komen kopen kort krijgen kunnen laat laatste lang laten leven lezen liggen lopen maken man meisje
meteen minuten misschien moeder morgen naam nacht natuurlijk nemen nieuw nooit ogen ook open ouders paar pakken plaats praten
proberen school schrijven slapen snel soms spelen staan stad straat tafel tegen terug tijd vader vallen vandaag vanavond veel
vertellen vinden vragen vriend vrouw waarschijnlijk wachten weer weg week weten werk werken wereld woord zeggen zetten zien zitten
zoeken zonder zullen gezien gedaan gekregen gemaakt geweest ontvangen bijvoorbeeld eigenlijk inderdaad ongeveer
`,
		frequent: "de het een en is ik niet van dat in te op voor met zijn mijn",
	}
}
