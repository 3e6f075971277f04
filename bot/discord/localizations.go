package discord

import (
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
)

// translation is one description in a language Discord offers that the
// message catalog does not have yet (Japanese), with the English it
// translates. The catalog's languages come with the command tree itself
// (bot.Command.Localized, written from i18n/locales by the handlers); a
// language moves from here to the catalog when its file is written. A
// translation applies only while the command tree's English is exactly
// en, so a description reworded in English is never shown with a
// translation of the old one (TestRegisteredTree reports a missing or
// stale entry).
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

// tx builds a translation from the English and the Japanese.
func tx(en, ja string) translation {
	return translation{en, map[discordgo.Locale]string{discordgo.Japanese: ja}}
}

// descriptionTable holds the Japanese descriptions of the commands,
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
		"著者用コピーや校正刷りの注文について質問する"), "ask")
	set(tx("Your question, in English, French, German, Spanish, Italian, Portuguese or Dutch",
		"質問（英語・フランス語・ドイツ語・スペイン語・イタリア語・ポルトガル語・オランダ語）"), "ask:question")

	set(tx("List the commands and topics, or show one topic",
		"コマンドとトピックの一覧、または1つのトピックを表示する"), "help")
	set(tx("A topic id, e.g. cart-empty",
		"トピックID（例: cart-empty）"), "help:topic")

	set(tx("Keep a private ledger of your author and proof copy orders",
		"著者用コピーと校正刷りの注文を非公開で記録する"), "order")
	set(tx("Record an order you placed on Amazon",
		"Amazonで行った注文を記録する"), "order add")
	set(tx("Number of copies: 1-999 author copies, 1-5 proofs",
		"部数：著者用コピーは1～999部、校正刷りは1～5部"), "order add:quantity", "order edit:quantity")
	set(tx("The Amazon site you ordered on, e.g. amazon.com, uk, de",
		"注文したAmazonサイト（例: amazon.co.jp、uk、de）"), "order add:marketplace", "order edit:marketplace")
	set(tx("The book's title",
		"本のタイトル"), "order add:title", "order edit:title")
	set(tx("Author copies or proof copies (default author)",
		"著者用コピーまたは校正刷り（既定は著者用コピー）"), "order add:kind")
	set(tx("The book's ISBN-10 or ISBN-13",
		"本のISBN-10またはISBN-13"), "order add:isbn")
	set(tx("The day you ordered (YYYY-MM-DD, default today)",
		"注文日（YYYY-MM-DD、既定は今日）"), "order add:ordered")
	set(tx("Expected Delivery Date shown by Amazon (YYYY-MM-DD)",
		"Amazonに表示されたお届け予定日（YYYY-MM-DD）"), "order add:expected", "order edit:expected")
	set(tx("A private note for yourself",
		"自分用の非公開メモ"), "order add:note", "order edit:note")
	set(tx("List your orders",
		"注文の一覧を表示する"), "order list")
	set(tx("Only orders with this status",
		"このステータスの注文のみ"), "order list:status")
	set(tx("Show one order",
		"注文を1件表示する"), "order show")
	set(tx("The order's number, as shown by /order list",
		"注文番号（/order list に表示される番号）"),
		"order show:number", "order edit:number", "order shipped:number", "order delivered:number",
		"order cancel:number", "order delete:number", "order problem:number")
	set(tx("Change an order that has not shipped",
		"未発送の注文を変更する"), "order edit")
	set(tx("Mark an order as shipped",
		"注文を発送済みにする"), "order shipped")
	set(tx("The carrier's tracking number",
		"配送業者の追跡番号"), "order shipped:tracking")
	set(tx("Mark an order as delivered",
		"注文を配達済みにする"), "order delivered")
	set(tx("The day it shipped (YYYY-MM-DD, default today)",
		"発送された日（YYYY-MM-DD、既定は今日）"), "order shipped:date")
	set(tx("The day the copies arrived (YYYY-MM-DD, default today)",
		"コピーが届いた日（YYYY-MM-DD、既定は今日）"), "order delivered:date")
	set(tx("Mark an order as cancelled, and how to cancel it on Amazon",
		"注文をキャンセル済みにし、Amazonでのキャンセル方法を確認する"), "order cancel")
	set(tx("Remove an order from your ledger",
		"記録から注文を削除する"), "order delete")
	set(tx("Damaged, lost, defective or wrong copies: what to do and by when",
		"破損・紛失・不良・誤りのあるコピー：対処法と期限"), "order problem")
	set(tx("What went wrong",
		"問題の内容"), "order problem:kind")
	set(tx("What you see, for your message to KDP",
		"KDPへの連絡に書く、確認した状況"), "order problem:details")

	set(tx("See or delete everything the bot stores about you",
		"ボットが保存している自分のデータを確認・削除する"), "mydata")
	set(tx("Everything stored about you, as JSON (only you see it)",
		"保存されている自分のデータすべてをJSONで表示（自分だけに表示）"), "mydata export")
	set(tx("Delete everything stored about you",
		"保存されている自分のデータをすべて削除する"), "mydata forget")
	set(tx("yes to delete at once, without asking again",
		"yes を選ぶと確認なしですぐに削除"), "mydata forget:confirm")

	set(tx("Check an ISBN, convert it between ISBN-10 and ISBN-13, and get its Amazon link",
		"ISBNを確認し、ISBN-10とISBN-13を相互変換して、Amazonのリンクを取得する"), "isbn")
	set(tx("An ISBN-10 or ISBN-13, with or without hyphens",
		"ISBN-10またはISBN-13（ハイフンはあってもなくても可）"), "isbn:number")

	set(tx("Plan a pre-order: KDP's release options, or the dated steps of the Amazon Advantage method",
		"予約注文を計画する：KDPの発売オプション、またはAmazon Advantageを使う日付入りの手順"), "preorder")
	set(tx("The release date, YYYY-MM-DD",
		"発売日（YYYY-MM-DD）"), "preorder:release")
	set(tx("kdp (what KDP offers, the default) or advantage (the print pre-order workaround)",
		"kdp（KDPの標準機能、既定）または advantage（紙の本の予約注文のための回避策）"), "preorder:plan")
	set(tx("Your time zone, e.g. Europe/Paris or America/New_York (default UTC)",
		"タイムゾーン（例: Asia/Tokyo、America/New_York、既定は UTC）"), "preorder:tz", "remind add:tz")
	set(tx("yes: send me a reminder before each dated step",
		"yes：日付のある各手順の前にリマインダーを送る"), "preorder:remind")

	set(tx("Reminders sent to you as a direct message: add, list, cancel, automatic ones on or off",
		"DMで届くリマインダー：追加、一覧、取り消し、自動リマインダーのオン・オフ"), "remind")
	set(tx("Set a reminder",
		"リマインダーを設定する"), "remind add")
	set(tx("A date (YYYY-MM-DD), date and time (YYYY-MM-DD HH:MM) or delay (90m, 2h, 3d, 1w)",
		"日付（YYYY-MM-DD）、日時（YYYY-MM-DD HH:MM）、または期間（90m、2h、3d、1w）"), "remind add:when")
	set(tx("What to remind you of (300 characters at most)",
		"リマインダーの内容（300文字以内）"), "remind add:text")
	set(tx("Your reminders still to come",
		"今後のリマインダー"), "remind list")
	set(tx("Cancel one of your reminders",
		"リマインダーを1件取り消す"), "remind cancel")
	set(tx("The reminder's number, from /remind list",
		"リマインダー番号（/remind list を参照）"), "remind cancel:number")
	set(tx("Switch the automatic reminders about your orders on or off",
		"注文に関する自動リマインダーをオン・オフする"), "remind auto")
	set(tx("on or off",
		"on（オン）または off（オフ）"), "remind auto:state")
	set(tx("Moderators: what the bot missed, questions for you, figures",
		"モデレーター向け：ボットが答えられなかった質問、あなた宛ての質問、統計"), "admin")
	set(tx("Questions I missed, grouped, biggest first",
		"答えられなかった質問をまとめて、多い順に"), "admin gaps")
	set(tx("How many days back (default 7)",
		"何日前まで（既定は7日）"), "admin gaps:days", "admin stats:days")
	set(tx("Questions passed on to moderators and still open",
		"モデレーターに回された未解決の質問"), "admin handoffs")
	set(tx("Questions per day, answered share, languages, platforms, topics",
		"1日あたりの質問数、回答率、言語、プラットフォーム、トピック"), "admin stats")
	set(tx("Send the weekly digest to the moderators' channel now",
		"週間ダイジェストを今すぐモデレーターチャンネルに送る"), "admin digest")
	set(tx("now",
		"今"), "admin digest:when")
	set(tx("Show, edit, add, hide, verify or revert a topic of the knowledge base",
		"ナレッジベースのトピックを表示・編集・追加・非表示・確認・元に戻す"), "admin topic")
	set(tx("What to do: show, edit, add, hide, history, revert or verify",
		"操作：show、edit、add、hide、history、revert、verify"), "admin topic:action")
	set(tx("The topic, then the language, field and value (an edit without value opens a form)",
		"トピック、続いて言語・項目・値（値なしの edit はフォームを開く）"), "admin topic:args")
	set(tx("A private link that signs you in to the moderators' dashboard once",
		"モデレーターのダッシュボードに一度だけサインインできる非公開リンク"), "admin dashboard")
	return t
}

// messageCommandNames returns the name of the message command
// (bot.MessageCommand) in the Discord locales of the catalog's languages,
// from the message message_command.name. A name Discord would refuse
// (blank, or over its 32 characters) is left out, so that language shows
// the English one; English needs none, being the command's own name.
func messageCommandNames() map[discordgo.Locale]string {
	words := i18n.Default()
	names := map[discordgo.Locale]string{}
	for _, lang := range words.Languages() {
		n := strings.TrimSpace(words.Printer(lang).T("message_command.name"))
		if lang == i18n.Source || n == "" || n == bot.MessageCommand || utf16Len(n) > maxNameLen {
			continue
		}
		for _, l := range discordLocales(lang) {
			names[l] = n
		}
	}
	return names
}
