package kb

// germanLexicon returns the word lists of German. Words are read through
// the German tokenizer, so "für", "fur" and "fuer" are one word.
func germanLexicon() lexicon {
	return lexicon{
		stop: `
aber alle allem allen aller alles als also am an andere anderem anderen anderer anderes anders auch auf aus bei beim bin bis bitte bist
da dabei dadurch dafür dagegen daher damit danach dann daran darauf daraus darf darin darum das dass dasselbe dazu dein deine deinem deinen
deiner dem den denn der des deshalb dessen dich die dies diese diesem diesen dieser dieses dir doch dort du durch eben ein eine einem einen
einer eines einfach einige einmal er es etwa etwas euch euer eure für gab ganz gar gibt ging habe haben hallo hast hat hatte hätte hatten
hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer im immer in ins ist ja jede jedem jeden jeder jedes jemand jetzt kann kannst
können könnte man manche mehr mein meine meinem meinen meiner mich mir mit möchte muss müssen nach nein nun nur ob oder ohne schon sehr
sein seine seinem seinen seiner seit sich sie sind so solche soll sollen sollte sondern sonst über um und uns unser unsere unter viel
vielen vom von vor war waren warum was weil welche welchem welchen welcher welches wenn wer werde werden wie wieder will wir wird wo wurde
würde wurden zu zum zur zwar zwischen danke dank hi hey moin servus grüße lg vg frage fragen weiß leider eigentlich gerade
lande landen landet gelandet grad grade gibts hab habs obwohl möglich möglicherweise mal halt bzw ne nen nem ner irgendwie trotzdem echt wohl überhaupt bereits
`,
		months: `januar jänner februar märz maerz april mai juni juli august september oktober november dezember jan feb apr aug sept okt nov dez`,
		synonyms: map[string][]string{
			"nicht":              {"nix", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals", "nirgends", "unmöglich"},
			"warenkorb":          {"einkaufswagen", "einkaufskorb", "korb", "cart", "basket"},
			"exemplar":           {"exemplare", "exemplaren", "exemplars", "kopie", "kopien", "copies", "copy"},
			"ausgegraut":         {"grau", "ausgegrauter", "deaktiviert", "inaktiv", "nicht klickbar", "nicht anklickbar"},
			"option":             {"button", "buttons", "knopf", "schaltfläche", "link", "taste", "optionen", "möglichkeit"},
			"kaufen":             {"kauf", "gekauft", "erwerben", "einkaufen"},
			"andern":             {"bearbeiten", "anpassen", "korrigieren", "abändern", "änderung", "wechseln", "umstellen", "erhöhen", "verringern", "reduzieren", "aufstocken"},
			"lieferung":          {"liefern", "geliefert", "ankommen", "angekommen", "kommt an", "eintreffen", "zustellung", "zugestellt"},
			"versand":            {"versenden", "versandt", "verschicken", "verschickt", "versendet", "porto", "shipping"},
			"versandart":         {"versandarten", "versandoption", "versandoptionen", "lieferoption", "lieferoptionen", "versandmethode", "versandmethoden", "zustellart", "lieferart", "lieferarten", "versandweg", "versandwege"},
			"kosten":             {"preis", "preise", "kostet", "teuer", "günstig", "gebühr", "gebühren"},
			"vorbestellung":      {"vorbestellen", "vorbestellbar", "vorbestellungen", "preorder", "pre order"},
			"ebook":              {"e book", "e books", "ebooks"},
			"taschenbuch":        {"taschenbücher", "paperback", "softcover", "broschur"},
			"hardcover":          {"gebundene ausgabe", "gebundenes buch", "hardback", "gebunden", "fester einband", "harter einband", "festeinband"},
			"druckfehler":        {"fehldruck", "fehldrucke", "fehlerhaft", "mangelhaft", "defekt", "misprint", "verschmiert", "verwischt", "unscharf", "verschwommen", "verrutscht", "druckmängel"},
			"beschadigt":         {"beschädigung", "kaputt", "zerrissen", "geknickt", "eingedrückt", "verbogen", "zerdrückt", "zerquetscht", "eingerissen", "transportschaden", "transportschäden", "versandschaden", "damaged"},
			"einebestellung":     {"auf einmal", "in einer bestellung", "pro bestellung", "eine bestellung"},
			"menge":              {"anzahl", "stückzahl", "wie viele", "mengen"},
			"weiterverkaufen":    {"verkaufen", "weiterverkauf", "wiederverkauf", "resell"},
			"sendungsverfolgung": {"verfolgen", "tracking", "sendungsnummer", "trackingnummer", "wo ist mein paket", "wo bleibt mein paket", "wo ist meine lieferung", "wo bleibt meine lieferung", "wo bleibt meine bestellung", "wo ist meine sendung", "wo ist meine bestellung", "wo mein paket", "wo meine sendung", "wo meine lieferung", "wo meine bestellung", "unterwegs", "nachverfolgen", "paketverfolgung", "sendungsstatus", "wo das paket", "wo die sendung", "wo die lieferung", "wo steckt", "paketstatus", "lieferstatus"},
			"mwst":               {"mehrwertsteuer", "umsatzsteuer", "mehrwertsteuern", "vat"},
			"kostenlos":          {"umsonst", "geschenkt", "kostenfrei"},
			"fruher":             {"bisherige", "bisherigen", "vergangene", "vergangenen", "vorherige", "vorherigen"},
			"maximal":            {"obergrenze", "höchstens", "höchstmenge", "höchstanzahl", "höchstzahl", "begrenzt", "begrenzung"},
			"kasse":              {"zur kasse", "checkout"},
			"berechnen":          {"ausrechnen", "rechner", "kalkulieren", "berechnung"},
			"marketing":          {"buch vermarkten", "vermarkten"},
			"stornieren":         {"storno", "stornierung", "stornieren", "abbestellen", "zurückziehen", "rückgängig machen", "zurücknehmen", "widerrufen", "annullieren", "cancel", "canceln", "gecancelt", "cancellation"},
			"korrekturexemplar":  {"korrekturexemplare", "probeexemplar", "probeexemplare", "testdruck", "testexemplar", "probedruck", "probedrucke", "testdrucke", "testexemplare", "proof copy", "proof copies", "proof", "proofs"},
		},
		neighbours: `
schreiben schreibe roman romane kapitel manuskript lektorat korrektorat lektor handlung figur figuren
schriftart schriftarten formatierung formatieren formatiere formatiert word epub mobi vellum atticus
grafiker illustrator canva photoshop software klappentext untertitel
werbung werbeanzeigen werbeanzeige werbekampagne kampagne kampagnen schalten anzeigen ads promotion instagram facebook tiktok follower leser rezension rezensionen bewertungen newsletter bestseller
tantiemen prozentsatz unlimited kenp abo
hörbuch hörbücher audible acx sprecher podcast
reader tolino akku bildschirm ladegerät tablet app
wetter regen rezept kuchen hauptstadt fußball witz film musik urlaub
`,
		units:    "exemplare exemplaren stück bücher probeexemplare kopien einheiten",
		quantity: "menge",
		steps:    "schritt fur schritt|schritte|anleitung|wie genau|konkret",
		cues: `
pizza lieferdienst supermarkt schuhe kleidung 3d_drucker
tantiemen lizenzgebühren royalties | bericht berichte dashboard hoch höhe ebook ebooks satz prozent prozentsatz 35 70 auszahlung auszahlungen ausgezahlt bezahlt zahlung zahlungen monat monatlich minimum
kindle | synchronisieren synchronisiert einschalten bildschirm akku laden lädt gerät reader app absturz stürzt
kdp_select kindle_unlimited gelesene_seiten kenp
bekomme bekomm kriege krieg verdiene verdient verdienen | pro_seite je_seite
a_content author_central produktseite
schlüsselwörter schlüsselworte keywords kategorie kategorien
wetter wettervorhersage uhrzeit wie_spät_ist zeitzone
schreibblockade epub docx mobi kpf debütroman erstlingsroman
ebook | kosten preis preise
formatieren formatiere formatiert formatierung listenpreis pseudonym
ingramspark ingram lightning_source | vertrieb vertreiben buchhandel buchhandlung buchhandlungen
alt_bist_du bist_du_alt bist_du_ein_bot bist_du_ein_mensch
`,
		markers: `
warenkorb leer bestellen bestellt bestellung bestellungen autorenexemplar autorenexemplare autorenexemplaren exemplar exemplare
probeexemplar probeexemplare probedruck buch bücher versand versandkosten lieferung geliefert angekommen kosten kostet preis
druckkosten druck gedruckt druckfehler beschädigt kaputt stornieren storniert ändern taschenbuch gebunden vorbestellung
mehrwertsteuer steuer rechnung adresse lieferadresse sendungsnummer sendungsverfolgung seiten leere falsch falsches fehlt fehlen
knopf schaltfläche ausgegraut grau wo sind meine mein kein keine nicht nie bitte danke hallo warum wieso weshalb wann wie lange
dauert schon noch immer geht gehen funktioniert klappt finde finden sehe kann darf möglich kostenlos teuer günstig stück menge anzahl
marktplatz welcher welche richtig deutschland österreich schweiz wochen tage lesung messe verkaufen weiterverkaufen umschlag wellt
farbe farbig schwarzweiß tinte alte version hängt fest wasserzeichen hilfe brauche bräuchte ich und ist das der die ein eine für von
mit auf nach zu bei im aus über wurde worden werden habe hab nix nich gibts geht's
schritt schritte anleitung storno tantiemen vorbestellen paket pakete verloren mwst gewellt druckqualität expressversand
`,
		spelling: `
abend alles allein alt anfang angst antwort arbeit arbeiten art auge augen beginnen bekommen beide bereits besonders besser bett bild
bisschen bleiben brauchen bringen bruder danach denken deutlich dinge draußen dürfen eigene einfach ende endlich erst erste erzählen
essen fahren fall falsch familie fast fenster finden frau frei freund früh führen ganze geben gefühl gegen gehen geld genau gerne
geschichte gestern gesicht glauben gleich glück groß gut haben halten hand hause heute hoch hören immer jahr jahre jetzt junge kaum
kennen kind kinder klar klein kommen können kopf kurz lange lassen laufen leben legen lesen letzte leute liegen machen mädchen mal
mann meinen menschen minuten mittag morgen müssen mutter nacht nächste name natürlich neben nehmen neu neue nichts noch nummer offen
oft ohne ordnung paar platz plötzlich recht reden richtig ruhig sagen schnell schon schön schreiben schwer sehen seite sitzen sofort
sogar sprechen stadt stehen stellen stimme straße stunde suchen tag tage tatsächlich teil tisch tochter tun tür uhr unten vater
vergessen verstehen versuchen viel vielleicht voll vorher wagen warten weg weit welt wenig weniger werden wirklich wissen woche
wohnen wollen wort zeit zeigen ziemlich zimmer zurück zusammen zwei zwischen übrigens überhaupt gemacht bekommen geschickt
`,
		frequent: "der die das und ist ich nicht ein eine zu den es mit von im auf für mein meine",
	}
}
