package discord

import "github.com/bwmarrin/discordgo"

// translation is one text in the languages of the KDP marketplaces that
// Discord offers, with the English it translates. It applies only while
// the command tree's English is exactly en, so a description reworded in
// English is never shown with a translation of the old one
// (TestRegisteredTree reports a missing or stale entry).
type translation struct {
	en string
	tr map[discordgo.Locale]string
}

// addTo puts t's texts, clipped to n characters, in m under every Discord
// locale they serve, provided t translates en.
func (t translation) addTo(m map[discordgo.Locale]string, en string, n int) {
	if t.en == "" || t.en != en {
		return
	}
	for loc, s := range t.tr {
		for _, l := range discordLocales(string(loc)) {
			m[l] = clip(s, n)
		}
	}
}

// tx builds a translation from the English and, in this order, German,
// Spanish (which also serves Latin America), Italian, Brazilian
// Portuguese, Dutch and Japanese. French comes from the command tree
// itself (Localized["fr"]).
func tx(en, de, es, it, pt, nl, ja string) translation {
	return translation{en, map[discordgo.Locale]string{
		discordgo.German: de, discordgo.SpanishES: es, discordgo.Italian: it,
		discordgo.PortugueseBR: pt, discordgo.Dutch: nl, discordgo.Japanese: ja,
	}}
}

// descriptionTable holds the translated descriptions of the commands,
// subcommands and options, keyed by command path ("order add") and, for
// an option, path:option ("order add:quantity"). Names are not translated
// here but in the command tree (bot.Command.Localized, bot.Choice.Localized),
// because the text grammar of the console and Slack reads them too.
func descriptionTable() map[string]translation {
	t := map[string]translation{}
	set := func(tr translation, keys ...string) {
		for _, k := range keys {
			t[k] = tr
		}
	}

	set(tx("Ask a question about ordering author copies or proofs",
		"Stelle eine Frage zur Bestellung von Autorenexemplaren oder Korrekturexemplaren",
		"Haz una pregunta sobre cómo pedir copias de autor o de prueba",
		"Fai una domanda sull'ordine di copie d'autore o di prova",
		"Pergunte sobre como pedir cópias do autor ou de prova",
		"Stel een vraag over het bestellen van auteursexemplaren of proefexemplaren",
		"著者用コピーや校正刷りの注文について質問する"), "ask")
	set(tx("Your question, in English, French, German, Spanish, Italian, Portuguese or Dutch",
		"Deine Frage auf Deutsch, Englisch, Französisch, Spanisch, Italienisch, Portugiesisch, Niederländisch",
		"Tu pregunta, en español, inglés, francés, alemán, italiano, portugués o neerlandés",
		"La tua domanda, in italiano, inglese, francese, tedesco, spagnolo, portoghese o olandese",
		"Sua pergunta, em português, inglês, francês, alemão, espanhol, italiano ou holandês",
		"Je vraag, in het Nederlands, Engels, Frans, Duits, Spaans, Italiaans of Portugees",
		"質問（英語・フランス語・ドイツ語・スペイン語・イタリア語・ポルトガル語・オランダ語）"), "ask:question")

	set(tx("List the commands and topics, or show one topic",
		"Zeige die Befehle und Themen oder ein einzelnes Thema an",
		"Muestra los comandos y los temas, o un tema concreto",
		"Elenca i comandi e gli argomenti, o mostra un argomento",
		"Liste os comandos e os tópicos, ou mostre um tópico",
		"Toon de opdrachten en onderwerpen, of één onderwerp",
		"コマンドとトピックの一覧、または1つのトピックを表示する"), "help")
	set(tx("A topic id, e.g. cart-empty",
		"Eine Themen-ID, z. B. cart-empty",
		"El identificador de un tema, p. ej. cart-empty",
		"L'identificativo di un argomento, ad es. cart-empty",
		"O identificador de um tópico, por ex. cart-empty",
		"Een onderwerp-id, bijv. cart-empty",
		"トピックID（例: cart-empty）"), "help:topic")

	set(tx("Keep a private ledger of your author and proof copy orders",
		"Führe ein privates Verzeichnis deiner Bestellungen von Autoren- und Korrekturexemplaren",
		"Lleva un registro privado de tus pedidos de copias de autor y de prueba",
		"Tieni un registro privato dei tuoi ordini di copie d'autore e di prova",
		"Mantenha um registro privado dos seus pedidos de cópias do autor e de prova",
		"Houd een privéoverzicht bij van je bestellingen van auteurs- en proefexemplaren",
		"著者用コピーと校正刷りの注文を非公開で記録する"), "order")
	set(tx("Record an order you placed on Amazon",
		"Trage eine bei Amazon aufgegebene Bestellung ein",
		"Registra un pedido que hiciste en Amazon",
		"Registra un ordine che hai effettuato su Amazon",
		"Registre um pedido que você fez na Amazon",
		"Leg een bestelling vast die je bij Amazon hebt geplaatst",
		"Amazonで行った注文を記録する"), "order add")
	set(tx("Number of copies: 1-999 author copies, 1-5 proofs",
		"Anzahl der Exemplare: 1–999 Autorenexemplare, 1–5 Korrekturexemplare",
		"Número de copias: 1-999 copias de autor, 1-5 pruebas",
		"Numero di copie: 1-999 copie d'autore, 1-5 copie di prova",
		"Número de cópias: 1-999 cópias do autor, 1-5 provas",
		"Aantal exemplaren: 1-999 auteursexemplaren, 1-5 proefexemplaren",
		"部数：著者用コピーは1～999部、校正刷りは1～5部"), "order add:quantity", "order edit:quantity")
	set(tx("The Amazon site you ordered on, e.g. amazon.com, uk, de",
		"Die Amazon-Website deiner Bestellung, z. B. amazon.de, uk, de",
		"La tienda de Amazon donde hiciste el pedido, p. ej. amazon.es, uk, de",
		"Il sito Amazon dell'ordine, ad es. amazon.it, uk, de",
		"O site da Amazon do pedido, por ex. amazon.com.br, uk, de",
		"De Amazon-site waar je bestelde, bijv. amazon.nl, uk, de",
		"注文したAmazonサイト（例: amazon.co.jp、uk、de）"), "order add:marketplace", "order edit:marketplace")
	set(tx("The book's title",
		"Der Titel des Buchs",
		"El título del libro",
		"Il titolo del libro",
		"O título do livro",
		"De titel van het boek",
		"本のタイトル"), "order add:title", "order edit:title")
	set(tx("Author copies or proof copies (default author)",
		"Autorenexemplare oder Korrekturexemplare (Standard: Autorenexemplare)",
		"Copias de autor o de prueba (por defecto, de autor)",
		"Copie d'autore o copie di prova (predefinito: d'autore)",
		"Cópias do autor ou de prova (padrão: do autor)",
		"Auteursexemplaren of proefexemplaren (standaard: auteur)",
		"著者用コピーまたは校正刷り（既定は著者用コピー）"), "order add:kind")
	set(tx("The book's ISBN-10 or ISBN-13",
		"Die ISBN-10 oder ISBN-13 des Buchs",
		"El ISBN-10 o ISBN-13 del libro",
		"L'ISBN-10 o ISBN-13 del libro",
		"O ISBN-10 ou ISBN-13 do livro",
		"Het ISBN-10 of ISBN-13 van het boek",
		"本のISBN-10またはISBN-13"), "order add:isbn")
	set(tx("The day you ordered (YYYY-MM-DD, default today)",
		"Der Tag der Bestellung (JJJJ-MM-TT, Standard: heute)",
		"El día del pedido (AAAA-MM-DD, por defecto hoy)",
		"Il giorno dell'ordine (AAAA-MM-GG, predefinito: oggi)",
		"O dia do pedido (AAAA-MM-DD, padrão: hoje)",
		"De dag van je bestelling (JJJJ-MM-DD, standaard vandaag)",
		"注文日（YYYY-MM-DD、既定は今日）"), "order add:ordered")
	set(tx("Expected Delivery Date shown by Amazon (YYYY-MM-DD)",
		"Von Amazon angezeigtes voraussichtliches Lieferdatum (JJJJ-MM-TT)",
		"Fecha de entrega prevista que indica Amazon (AAAA-MM-DD)",
		"Data di consegna prevista indicata da Amazon (AAAA-MM-GG)",
		"Data de entrega prevista informada pela Amazon (AAAA-MM-DD)",
		"Verwachte leverdatum volgens Amazon (JJJJ-MM-DD)",
		"Amazonに表示されたお届け予定日（YYYY-MM-DD）"), "order add:expected", "order edit:expected")
	set(tx("A private note for yourself",
		"Eine private Notiz für dich",
		"Una nota privada para ti",
		"Una nota privata per te",
		"Uma nota privada para você",
		"Een privénotitie voor jezelf",
		"自分用の非公開メモ"), "order add:note", "order edit:note")
	set(tx("List your orders",
		"Zeige deine Bestellungen an",
		"Muestra tus pedidos",
		"Elenca i tuoi ordini",
		"Liste seus pedidos",
		"Toon je bestellingen",
		"注文の一覧を表示する"), "order list")
	set(tx("Only orders with this status",
		"Nur Bestellungen mit diesem Status",
		"Solo los pedidos en este estado",
		"Solo gli ordini in questo stato",
		"Somente pedidos com este status",
		"Alleen bestellingen met deze status",
		"このステータスの注文のみ"), "order list:status")
	set(tx("Show one order",
		"Zeige eine Bestellung an",
		"Muestra un pedido",
		"Mostra un ordine",
		"Mostre um pedido",
		"Toon één bestelling",
		"注文を1件表示する"), "order show")
	set(tx("The order's number, as shown by /order list",
		"Die Bestellnummer, wie in /order list angezeigt",
		"El número del pedido, como aparece en /order list",
		"Il numero dell'ordine, come in /order list",
		"O número do pedido, como aparece em /order list",
		"Het bestelnummer, zoals in /order list",
		"注文番号（/order list に表示される番号）"),
		"order show:number", "order edit:number", "order shipped:number", "order delivered:number",
		"order cancel:number", "order delete:number", "order problem:number")
	set(tx("Change an order that has not shipped",
		"Ändere eine noch nicht versandte Bestellung",
		"Modifica un pedido que aún no se ha enviado",
		"Modifica un ordine non ancora spedito",
		"Altere um pedido que ainda não foi enviado",
		"Wijzig een bestelling die nog niet is verzonden",
		"未発送の注文を変更する"), "order edit")
	set(tx("Mark an order as shipped",
		"Markiere eine Bestellung als versandt",
		"Marca un pedido como enviado",
		"Segna un ordine come spedito",
		"Marque um pedido como enviado",
		"Markeer een bestelling als verzonden",
		"注文を発送済みにする"), "order shipped")
	set(tx("The carrier's tracking number",
		"Die Sendungsnummer des Versanddienstleisters",
		"El número de seguimiento del transportista",
		"Il numero di tracciamento del corriere",
		"O código de rastreamento da transportadora",
		"Het trackingnummer van de vervoerder",
		"配送業者の追跡番号"), "order shipped:tracking")
	set(tx("Mark an order as delivered",
		"Markiere eine Bestellung als zugestellt",
		"Marca un pedido como entregado",
		"Segna un ordine come consegnato",
		"Marque um pedido como entregue",
		"Markeer een bestelling als bezorgd",
		"注文を配達済みにする"), "order delivered")
	set(tx("The day it shipped (YYYY-MM-DD, default today)",
		"Der Tag des Versands (JJJJ-MM-TT, Standard: heute)",
		"El día en que se envió (AAAA-MM-DD, por defecto hoy)",
		"Il giorno della spedizione (AAAA-MM-GG, predefinito: oggi)",
		"O dia em que foi enviado (AAAA-MM-DD, padrão: hoje)",
		"De dag van verzending (JJJJ-MM-DD, standaard vandaag)",
		"発送された日（YYYY-MM-DD、既定は今日）"), "order shipped:date")
	set(tx("The day the copies arrived (YYYY-MM-DD, default today)",
		"Der Tag, an dem die Exemplare ankamen (JJJJ-MM-TT, Standard: heute)",
		"El día en que llegaron las copias (AAAA-MM-DD, por defecto hoy)",
		"Il giorno in cui sono arrivate le copie (AAAA-MM-GG, predefinito: oggi)",
		"O dia em que as cópias chegaram (AAAA-MM-DD, padrão: hoje)",
		"De dag waarop de exemplaren aankwamen (JJJJ-MM-DD, standaard vandaag)",
		"コピーが届いた日（YYYY-MM-DD、既定は今日）"), "order delivered:date")
	set(tx("Mark an order as cancelled, and how to cancel it on Amazon",
		"Markiere eine Bestellung als storniert, und so stornierst du sie bei Amazon",
		"Marca un pedido como cancelado, y cómo cancelarlo en Amazon",
		"Segna un ordine come annullato, e come annullarlo su Amazon",
		"Marque um pedido como cancelado, e veja como cancelá-lo na Amazon",
		"Markeer een bestelling als geannuleerd, en hoe je die bij Amazon annuleert",
		"注文をキャンセル済みにし、Amazonでのキャンセル方法を確認する"), "order cancel")
	set(tx("Remove an order from your ledger",
		"Entferne eine Bestellung aus deinem Verzeichnis",
		"Elimina un pedido de tu registro",
		"Rimuovi un ordine dal tuo registro",
		"Remova um pedido do seu registro",
		"Verwijder een bestelling uit je overzicht",
		"記録から注文を削除する"), "order delete")
	set(tx("Damaged, lost, defective or wrong copies: what to do and by when",
		"Beschädigte, verlorene, fehlerhafte oder falsche Exemplare: was zu tun ist und bis wann",
		"Copias dañadas, perdidas, defectuosas o equivocadas: qué hacer y en qué plazo",
		"Copie danneggiate, smarrite, difettose o sbagliate: cosa fare ed entro quando",
		"Cópias danificadas, extraviadas, com defeito ou erradas: o que fazer e até quando",
		"Beschadigde, verloren, defecte of verkeerde exemplaren: wat te doen en wanneer",
		"破損・紛失・不良・誤りのあるコピー：対処法と期限"), "order problem")
	set(tx("What went wrong",
		"Was ist schiefgelaufen",
		"Qué salió mal",
		"Cosa è andato storto",
		"O que deu errado",
		"Wat er misging",
		"問題の内容"), "order problem:kind")
	set(tx("What you see, for your message to KDP",
		"Was du feststellst, für deine Nachricht an KDP",
		"Lo que ves, para tu mensaje a KDP",
		"Cosa noti, per il tuo messaggio a KDP",
		"O que você observa, para sua mensagem ao KDP",
		"Wat je ziet, voor je bericht aan KDP",
		"KDPへの連絡に書く、確認した状況"), "order problem:details")

	set(tx("See or delete everything the bot stores about you",
		"Sieh dir alles an, was der Bot über dich speichert, oder lösche es",
		"Consulta o elimina todo lo que el bot guarda sobre ti",
		"Visualizza o elimina tutto ciò che il bot conserva su di te",
		"Veja ou apague tudo o que o bot guarda sobre você",
		"Bekijk of verwijder alles wat de bot over je opslaat",
		"ボットが保存している自分のデータを確認・削除する"), "mydata")
	set(tx("Everything stored about you, as JSON (only you see it)",
		"Alles über dich Gespeicherte als JSON (nur du siehst es)",
		"Todo lo que se guarda sobre ti, en JSON (solo tú lo ves)",
		"Tutto ciò che è conservato su di te, in JSON (lo vedi solo tu)",
		"Tudo o que está guardado sobre você, em JSON (só você vê)",
		"Alles wat over je is opgeslagen, als JSON (alleen jij ziet het)",
		"保存されている自分のデータすべてをJSONで表示（自分だけに表示）"), "mydata export")
	set(tx("Delete everything stored about you",
		"Lösche alles, was über dich gespeichert ist",
		"Elimina todo lo que se guarda sobre ti",
		"Elimina tutto ciò che è conservato su di te",
		"Apague tudo o que está guardado sobre você",
		"Verwijder alles wat over je is opgeslagen",
		"保存されている自分のデータをすべて削除する"), "mydata forget")
	set(tx("yes to delete at once, without asking again",
		"yes, um sofort ohne Rückfrage zu löschen",
		"yes para eliminar de inmediato, sin volver a preguntar",
		"yes per eliminare subito, senza altre domande",
		"yes para apagar na hora, sem perguntar de novo",
		"yes om meteen te verwijderen, zonder nogmaals te vragen",
		"yes を選ぶと確認なしですぐに削除"), "mydata forget:confirm")

	set(tx("Check an ISBN, convert it between ISBN-10 and ISBN-13, and get its Amazon link",
		"Prüfe eine ISBN, wandle sie zwischen ISBN-10 und ISBN-13 um und erhalte den Amazon-Link",
		"Comprueba un ISBN, conviértelo entre ISBN-10 e ISBN-13 y obtén su enlace de Amazon",
		"Verifica un ISBN, convertilo tra ISBN-10 e ISBN-13 e ottieni il link Amazon",
		"Verifique um ISBN, converta entre ISBN-10 e ISBN-13 e obtenha o link da Amazon",
		"Controleer een ISBN, zet het om tussen ISBN-10 en ISBN-13 en krijg de Amazon-link",
		"ISBNを確認し、ISBN-10とISBN-13を相互変換して、Amazonのリンクを取得する"), "isbn")
	set(tx("An ISBN-10 or ISBN-13, with or without hyphens",
		"Eine ISBN-10 oder ISBN-13, mit oder ohne Bindestriche",
		"Un ISBN-10 o ISBN-13, con o sin guiones",
		"Un ISBN-10 o ISBN-13, con o senza trattini",
		"Um ISBN-10 ou ISBN-13, com ou sem hifens",
		"Een ISBN-10 of ISBN-13, met of zonder streepjes",
		"ISBN-10またはISBN-13（ハイフンはあってもなくても可）"), "isbn:number")

	set(tx("Plan a pre-order: KDP's release options, or the dated steps of the Amazon Advantage method",
		"Plane eine Vorbestellung: die Optionen von KDP oder die datierten Schritte mit Amazon Advantage",
		"Planifica una preventa: las opciones de KDP o los pasos con fecha del método Amazon Advantage",
		"Pianifica un preordine: le opzioni di KDP o le tappe datate del metodo Amazon Advantage",
		"Planeje uma pré-venda: as opções do KDP ou as etapas datadas do método Amazon Advantage",
		"Plan een voorverkoop: de opties van KDP of de stappen met data via Amazon Advantage",
		"予約注文を計画する：KDPの発売オプション、またはAmazon Advantageを使う日付入りの手順"), "preorder")
	set(tx("The release date, YYYY-MM-DD",
		"Das Erscheinungsdatum, JJJJ-MM-TT",
		"La fecha de publicación, AAAA-MM-DD",
		"La data di uscita, AAAA-MM-GG",
		"A data de lançamento, AAAA-MM-DD",
		"De verschijningsdatum, JJJJ-MM-DD",
		"発売日（YYYY-MM-DD）"), "preorder:release")
	set(tx("kdp (what KDP offers, the default) or advantage (the print pre-order workaround)",
		"kdp (was KDP anbietet, Standard) oder advantage (der Umweg für Print-Vorbestellungen)",
		"kdp (lo que ofrece KDP, por defecto) o advantage (la alternativa para la preventa impresa)",
		"kdp (ciò che offre KDP, predefinito) o advantage (l'alternativa per il preordine cartaceo)",
		"kdp (o que o KDP oferece, padrão) ou advantage (a alternativa para a pré-venda impressa)",
		"kdp (wat KDP biedt, standaard) of advantage (de omweg voor voorverkoop in print)",
		"kdp（KDPの標準機能、既定）または advantage（紙の本の予約注文のための回避策）"), "preorder:plan")
	set(tx("Your time zone, e.g. Europe/Paris or America/New_York (default UTC)",
		"Deine Zeitzone, z. B. Europe/Berlin oder America/New_York (Standard: UTC)",
		"Tu zona horaria, p. ej. Europe/Madrid o America/Mexico_City (por defecto UTC)",
		"Il tuo fuso orario, ad es. Europe/Rome o America/New_York (predefinito: UTC)",
		"Seu fuso horário, por ex. America/Sao_Paulo ou Europe/Lisbon (padrão: UTC)",
		"Je tijdzone, bijv. Europe/Amsterdam of America/New_York (standaard UTC)",
		"タイムゾーン（例: Asia/Tokyo、America/New_York、既定は UTC）"), "preorder:tz", "remind add:tz")
	set(tx("yes: send me a reminder before each dated step",
		"yes: Erinnere mich vor jedem datierten Schritt",
		"yes: envíame un recordatorio antes de cada paso con fecha",
		"yes: inviami un promemoria prima di ogni tappa datata",
		"yes: me envie um lembrete antes de cada etapa datada",
		"yes: stuur me een herinnering vóór elke stap met een datum",
		"yes：日付のある各手順の前にリマインダーを送る"), "preorder:remind")

	set(tx("Reminders sent to you as a direct message: add, list, cancel, automatic ones on or off",
		"Erinnerungen per Direktnachricht: hinzufügen, auflisten, entfernen, automatische an oder aus",
		"Recordatorios por mensaje directo: añadir, ver, cancelar, activar o no los automáticos",
		"Promemoria in messaggio diretto: aggiungi, elenca, annulla, attiva o no quelli automatici",
		"Lembretes por mensagem direta: adicionar, listar, cancelar, ligar ou desligar os automáticos",
		"Herinneringen via privébericht: toevoegen, bekijken, annuleren, automatische aan of uit",
		"DMで届くリマインダー：追加、一覧、取り消し、自動リマインダーのオン・オフ"), "remind")
	set(tx("Set a reminder",
		"Lege eine Erinnerung an",
		"Crea un recordatorio",
		"Imposta un promemoria",
		"Crie um lembrete",
		"Stel een herinnering in",
		"リマインダーを設定する"), "remind add")
	set(tx("A date (YYYY-MM-DD), date and time (YYYY-MM-DD HH:MM) or delay (90m, 2h, 3d, 1w)",
		"Ein Datum (YYYY-MM-DD), Datum und Uhrzeit (YYYY-MM-DD HH:MM) oder eine Frist (90m, 2h, 3d, 1w)",
		"Una fecha (YYYY-MM-DD), fecha y hora (YYYY-MM-DD HH:MM) o un plazo (90m, 2h, 3d, 1w)",
		"Una data (YYYY-MM-DD), data e ora (YYYY-MM-DD HH:MM) o un intervallo (90m, 2h, 3d, 1w)",
		"Uma data (YYYY-MM-DD), data e hora (YYYY-MM-DD HH:MM) ou um prazo (90m, 2h, 3d, 1w)",
		"Een datum (YYYY-MM-DD), datum en tijd (YYYY-MM-DD HH:MM) of termijn (90m, 2h, 3d, 1w)",
		"日付（YYYY-MM-DD）、日時（YYYY-MM-DD HH:MM）、または期間（90m、2h、3d、1w）"), "remind add:when")
	set(tx("What to remind you of (300 characters at most)",
		"Woran du erinnert werden möchtest (höchstens 300 Zeichen)",
		"Lo que quieres recordar (300 caracteres como máximo)",
		"Cosa vuoi ricordare (al massimo 300 caratteri)",
		"Do que você quer ser lembrado (no máximo 300 caracteres)",
		"Waaraan je herinnerd wilt worden (maximaal 300 tekens)",
		"リマインダーの内容（300文字以内）"), "remind add:text")
	set(tx("Your reminders still to come",
		"Deine anstehenden Erinnerungen",
		"Tus próximos recordatorios",
		"I tuoi promemoria in arrivo",
		"Seus próximos lembretes",
		"Je komende herinneringen",
		"今後のリマインダー"), "remind list")
	set(tx("Cancel one of your reminders",
		"Entferne eine deiner Erinnerungen",
		"Cancela uno de tus recordatorios",
		"Annulla uno dei tuoi promemoria",
		"Cancele um dos seus lembretes",
		"Annuleer een van je herinneringen",
		"リマインダーを1件取り消す"), "remind cancel")
	set(tx("The reminder's number, from /remind list",
		"Die Nummer der Erinnerung, aus /remind list",
		"El número del recordatorio, de /remind list",
		"Il numero del promemoria, da /remind list",
		"O número do lembrete, de /remind list",
		"Het nummer van de herinnering, uit /remind list",
		"リマインダー番号（/remind list を参照）"), "remind cancel:number")
	set(tx("Switch the automatic reminders about your orders on or off",
		"Schalte die automatischen Erinnerungen zu deinen Bestellungen ein oder aus",
		"Activa o desactiva los recordatorios automáticos de tus pedidos",
		"Attiva o disattiva i promemoria automatici sui tuoi ordini",
		"Ative ou desative os lembretes automáticos dos seus pedidos",
		"Zet de automatische herinneringen over je bestellingen aan of uit",
		"注文に関する自動リマインダーをオン・オフする"), "remind auto")
	set(tx("on or off",
		"on (an) oder off (aus)",
		"on (activar) u off (desactivar)",
		"on (attiva) o off (disattiva)",
		"on (ligar) ou off (desligar)",
		"on (aan) of off (uit)",
		"on（オン）または off（オフ）"), "remind auto:state")
	set(tx("Moderators: what the bot missed, questions for you, figures",
		"Moderatoren: was der Bot verpasst hat, Fragen an euch, Zahlen",
		"Moderadores: lo que el bot no supo responder, preguntas para vosotros, cifras",
		"Moderatori: cosa il bot non ha saputo rispondere, domande per voi, numeri",
		"Moderadores: o que o bot não soube responder, perguntas para vocês, números",
		"Moderators: wat de bot heeft gemist, vragen voor jullie, cijfers",
		"モデレーター向け：ボットが答えられなかった質問、あなた宛ての質問、統計"), "admin")
	set(tx("Questions I missed, grouped, biggest first",
		"Verpasste Fragen, gruppiert, die häufigsten zuerst",
		"Preguntas sin respuesta, agrupadas, las más frecuentes primero",
		"Domande senza risposta, raggruppate, le più frequenti prima",
		"Perguntas sem resposta, agrupadas, as mais frequentes primeiro",
		"Gemiste vragen, gegroepeerd, de grootste eerst",
		"答えられなかった質問をまとめて、多い順に"), "admin gaps")
	set(tx("How many days back (default 7)",
		"Wie viele Tage zurück (Standard 7)",
		"Cuántos días atrás (7 por defecto)",
		"Quanti giorni indietro (predefinito 7)",
		"Quantos dias para trás (padrão 7)",
		"Hoeveel dagen terug (standaard 7)",
		"何日前まで（既定は7日）"), "admin gaps:days", "admin stats:days")
	set(tx("Questions passed on to moderators and still open",
		"An Moderatoren weitergegebene Fragen, die noch offen sind",
		"Preguntas transmitidas a los moderadores y aún abiertas",
		"Domande inoltrate ai moderatori e ancora aperte",
		"Perguntas encaminhadas aos moderadores e ainda abertas",
		"Naar moderators doorgestuurde vragen die nog open staan",
		"モデレーターに回された未解決の質問"), "admin handoffs")
	set(tx("Questions per day, answered share, languages, platforms, topics",
		"Fragen pro Tag, beantworteter Anteil, Sprachen, Plattformen, Themen",
		"Preguntas por día, parte respondida, idiomas, plataformas, temas",
		"Domande al giorno, quota con risposta, lingue, piattaforme, argomenti",
		"Perguntas por dia, parte respondida, idiomas, plataformas, tópicos",
		"Vragen per dag, beantwoord aandeel, talen, platforms, onderwerpen",
		"1日あたりの質問数、回答率、言語、プラットフォーム、トピック"), "admin stats")
	set(tx("Send the weekly digest to the moderators' channel now",
		"Die Wochenübersicht jetzt an den Moderatorenkanal senden",
		"Enviar ahora el resumen semanal al canal de moderadores",
		"Invia ora il riepilogo settimanale al canale dei moderatori",
		"Enviar agora o resumo semanal para o canal de moderadores",
		"Het weekoverzicht nu naar het moderatorenkanaal sturen",
		"週間ダイジェストを今すぐモデレーターチャンネルに送る"), "admin digest")
	set(tx("now", "jetzt", "ahora", "ora", "agora", "nu", "今"), "admin digest:when")
	return t
}
