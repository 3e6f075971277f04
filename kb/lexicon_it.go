package kb

// italianLexicon returns the word lists of Italian. The elided articles
// and prepositions (dell', all', nell') are stop words: the tokenizer
// keeps them as words.
func italianLexicon() lexicon {
	return lexicon{
		stop: `
a ad al alla alle allo agli ai anche ancora avere aveva avevo c ce che chi ci ciao ciò come con contro cosa così cui da dal dalla dalle
dallo dagli dai del della delle dello degli dei dell di dove e è ed era erano essere già gli grazie ha hanno ho i il in io la le lei li lo
loro lui ma me mi mia mie miei mio molto ne nel nella nelle nello negli nei nell noi o ogni per perché perche più po poi posso potrei può
qual quale quali qualche qualcuno quando quanto quella quelle quelli quello questa queste questi questo se sei si sia siamo siete sono su
sua sue sui sul sulla sulle suo suoi ti tra fra tu tua tue tuo tuoi tutti tutto un una uno vi voi vorrei salve buongiorno buonasera all
sull dall quest cosa qualcosa xke xké xche xché perke cmq raga ragazzi
`,
		months: `gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre genn febbr sett ott nov dic`,
		synonyms: map[string][]string{
			"non":             {"nn", "mai", "nessun", "nessuna", "nessuno", "impossibile", "neanche"},
			"carrello":        {"cestino", "cart", "basket"},
			"copia":           {"copie", "esemplare", "esemplari"},
			"grigio":          {"grigia", "grigi", "grigie", "disattivato", "disattivata", "disabilitato", "disabilitata", "inattivo", "non cliccabile"},
			"opzione":         {"pulsante", "pulsanti", "bottone", "bottoni", "tasto", "link", "collegamento", "opzioni"},
			"acquistare":      {"acquisto", "acquisti", "comprare", "comprato"},
			"modificare":      {"cambiare", "correggere", "modifica"},
			"consegna":        {"consegne", "consegnare", "consegnato", "arrivare", "arriva", "arrivano", "arrivato", "arrivati", "arrivate"},
			"spedizione":      {"spedizioni", "spedire", "spedito", "spediti", "inviare", "invio", "shipping"},
			"costo":           {"costi", "prezzo", "prezzi", "costa", "costano", "caro", "economico", "tariffa", "quanto viene", "quanto vengono"},
			"preordine":       {"preordini", "pre ordine", "preordinare", "prevendita", "prevendite", "prenotazione", "prenotare", "preorder", "pre order"},
			"ebook":           {"e book", "libro digitale", "libro elettronico", "libri digitali"},
			"brossura":        {"copertina flessibile", "tascabile", "paperback"},
			"copertinarigida": {"copertina rigida", "rilegato", "hardcover", "hardback"},
			"difetto":         {"difetti", "difettoso", "difettosa", "difettosi", "difettose", "stampato male", "stampata male", "stampati male", "stampate male", "errore di stampa", "errori di stampa", "misprint"},
			"danneggiato":     {"danneggiata", "danneggiati", "danneggiate", "rotto", "rotta", "rotti", "rovinato", "rovinati", "strappato", "ammaccato"},
			"unordine":        {"in una volta", "in un ordine", "in un solo ordine", "per ordine"},
			"quantita":        {"quante copie", "numero di copie"},
			"rivendere":       {"rivendita", "vendere", "resell"},
			"tracciamento":    {"tracciare", "tracking", "track", "a che punto", "sapere dove sono", "sapere dove si trovano", "dove sono le mie copie", "dove sono i miei libri"},
			"annullare":       {"disdire", "disdetta"},
			"marketplace":     {"mercato", "mercati"},
			"cassa":           {"checkout"},
			"calcolare":       {"calcolo", "calcolatore"},
			"marketing":       {"promuovere il mio libro", "promuovere il libro"},
		},
		neighbours: `
scrivere scrittura scrittore scrittrice romanzo romanzi racconto poesia poesie manoscritto capitolo trama personaggio personaggi correttore
font impaginazione impaginare formattazione formattare formatta formatto word epub mobi vellum atticus
siae pseudonimo descrizione sottotitolo collana
grafico illustratore canva photoshop software sinossi
pubblicità annunci promozione social instagram facebook tiktok follower lettori recensioni newsletter
royalty percentuale unlimited kenp abbonamento
audiolibro audiolibri audible acx narratore podcast
schermo batteria caricatore tablet app
meteo pioggia ricetta ricette torta cucina capitale calcio partita barzelletta film musica viaggio
pizza cibo ristorante deliveroo glovo divano mobili supermercato
`,
		units:    "copie esemplari libri bozze unità",
		quantity: "quantita",
		steps:    "passo passo|passo a passo|passo per passo|passaggi|procedura|concretamente",
		cues: `
pizza supermercato scarpe vestiti stampante_3d
royalty diritti_autore | kindle ebook libro_digitale
royalty diritti_autore | percentuale tasso 35 70 pagamento pagamenti pagato pagano mese mensile minimo
kindle | sincronizzare sincronizza accendere schermo batteria caricare dispositivo app bloccato crash
kdp_select kindle_unlimited pagine_lette kenp
contenuti_a author_central pagina_prodotto
parole_chiave categoria categorie
che_tempo_fa previsioni meteo che_ore_sono fuso_orario
blocco_dello_scrittore epub docx mobi kpf
partita_iva siae dominio_pubblico pagina_autore
ebook libro_digitale | prezzo costo
formattare formatta formatto formattazione impaginare prezzo_di_listino pseudonimo
pizza just_eat supermercato carrello_della_spesa divano
quanti_anni_hai dove_abiti dove_vivi sei_un_bot sei_un_robot sei_umano sei_una_persona come_ti_chiami
`,
		markers: `
gratuito gratuita ondulata ondulato curvata curvato passo passi
carrello vuoto vuota ordine ordini ordinare ordinato copie copia autore autori libro libri esemplari bozza bozze spedizione spedire
consegna arrivare arrivano arrivato arrivati arrivate prezzo costa costo costi spese stampa stampare stampato stampata stampate
pagine danneggiato danneggiati rotto annullare annullato cambiare modificare indirizzo tracciamento numero storico copertina rigida
flessibile preordine cartaceo gratuito gratis iva tasse fattura quale scegliere arriccia bianche bianco nero bloccato filigrana mai
aiuto colori calcolare espressa disponibile vecchia versione fiera servono caro troppo quantità pulsante grigio trovo trovare dove
quando come perché perche quanto quante ciao grazie salve posso devo sono mio mia mie miei il lo gli della dello degli nel nella
sulla sulle dell' all' nell' sull' dall' un' quest' po' c' l' d' è più già cosa ancora settimane giorni ho hanno mi ci
`,
		spelling: `
abbastanza accanto acqua adesso allora altro amico anche anni anno aprire arrivare aspettare avanti bambino basta bello bene
bisogno bocca buono capire casa caso certo chiamare chiedere chiudere città cominciare conoscere contro cosa credere dare davanti
dentro detto dietro dire domani donna dopo dovere entrare fare fatto figlio fine forse fratello fuori gente giorno giorni giusto
grande guardare guerra idea insieme invece lasciare lavorare lavoro lei letto lettera lontano luogo madre mangiare mano meglio
mentre mettere mezzo minuti mondo morire niente notte nulla nuovo occhi oggi ogni ora ore padre paese parlare parola parte partire
passare pensare perdere persona piccolo piede poco portare potere prendere presto prima primo proprio punto qualcosa quasi restare
ricordare rimanere rispondere sapere scrivere sembrare sempre sentire settimana signora solo sotto spesso stare storia strada
subito tanto tempo tenere terra trovare tutto uomo uscire vedere venire verso vicino vita vivere volere volta voglio vorrei
sbagliato già può più perché così città però giù qualità università caffè
`,
		frequent: "il la le di che e è un una per non in mi del della ho i gli",
	}
}
