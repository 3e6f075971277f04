// Package replytest holds the one set of replies that every renderer's
// golden tests render: the console, Slack and Discord each turn the same
// bot.Reply values into testdata/reply-NAME.golden, so a shape of reply,
// or a hostile input, is covered on every platform or on none, and the
// fixtures of one platform cannot drift from what the handlers build.
//
// The replies are written by hand, in the shapes the handlers give them
// (knowledge-base answers, declines, orders, the data export, reminders),
// plus replies made of what an author could type to break a renderer.
package replytest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authorbot/authorbot/bot"
)

// Case is one reply of the set and the name of its golden files.
type Case struct {
	Name  string
	Reply *bot.Reply
}

// Replies returns the set, built afresh on each call so that no test can
// change what another renders.
func Replies() []Case {
	return []Case{
		{"answer", answer("en")},
		{"answer-fr", answer("fr")},
		{"shared", shared()},
		{"decline", decline("en")},
		{"decline-fr", decline("fr")},
		{"order", order()},
		{"order-list", orderList()},
		{"error", bot.Say("Quantity must be 1 to 999 (KDP's limit per order); for 2,500 copies place three orders.")},
		{"empty", &bot.Reply{}},
		{"long-buttons", longButtons()},
		{"forget-confirm", forgetConfirm()},
		{"export", export("en")},
		{"export-fr", export("fr")},
		{"reminder", reminder()},
		{"hostile-mentions", hostileMentions()},
		{"hostile-markup", hostileMarkup()},
		{"hostile-text", hostileText()},
		{"hostile-controls", hostileControls()},
		{"hostile-bytes", hostileBytes()},
		{"moderators-post", moderatorsPost()},
	}
}

// moderatorsPost is a question passed on to the moderators' channel: a
// mention of the author, the buttons that answer it and two menus of
// topics, one of them full.
func moderatorsPost() *bot.Reply {
	var topics []bot.SelectOption
	for i := range bot.MaxSelectOptions {
		topics = append(topics, bot.SelectOption{Label: fmt.Sprintf("Should have answered: Topic %d", i+1), Value: fmt.Sprintf("topic-%d", i+1)})
	}
	return &bot.Reply{
		Title: "Question from an author",
		Lang:  "en",
		Blocks: []bot.Block{
			&bot.Fields{Fields: []bot.Field{
				{Name: "Question", Value: "can amazon gift wrap *author* copies <!here>"},
				{Name: "Language", Value: "en", Inline: true},
				{Name: "Closest topics", Value: "Which shipping options can I use? (shipping-options) 31%", Inline: true},
			}},
			&bot.Mention{Label: "Asked by", User: bot.User{Platform: bot.Slack, Workspace: "T1", ID: "U0123ABC", Name: "ada"}},
			&bot.Mention{Label: "Asked on Discord by", User: bot.User{Platform: bot.Discord, ID: "123456789012345678", Name: "ada"}},
		},
		Buttons: []bot.Button{
			{Action: bot.ActionModReply, Value: "7", Label: "Reply", Style: bot.Primary},
			{Action: bot.ActionResolve, Value: "7", Label: "Resolved"},
		},
		Selects: []bot.Select{
			{Action: bot.ActionLearn, Value: "7.0", Placeholder: "Should have answered…", Options: topics},
			{Action: bot.ActionLearn, Value: "7.1", Placeholder: "Should have answered…", Options: topics[:2]},
		},
	}
}

// ByName returns the set by name.
func ByName() map[string]*bot.Reply {
	m := map[string]*bot.Reply{}
	for _, c := range Replies() {
		m[c.Name] = c.Reply
	}
	return m
}

// Reply returns the named reply of the set; it panics on a name the set
// does not have, which is a mistake in a test.
func Reply(name string) *bot.Reply {
	for _, c := range Replies() {
		if c.Name == name {
			return c.Reply
		}
	}
	panic("replytest: no reply named " + name)
}

// AnswerButtons are the buttons the handlers put under an answer about
// topic in lang: share it, and say whether it helped.
func AnswerButtons(topic, lang string) []bot.Button {
	share, yes, no := "Share in channel", "Yes, this helped", "No"
	if lang == "fr" {
		share, yes, no = "Partager dans le salon", "Oui, c'était utile", "Non"
	}
	return []bot.Button{
		{Action: bot.ActionShare, Value: topic + "|" + lang, Label: share},
		{Action: bot.ActionFeedback, Value: topic + "|" + lang + "|yes", Label: yes, Style: bot.Primary},
		{Action: bot.ActionFeedback, Value: topic + "|" + lang + "|no", Label: no},
	}
}

// Golden compares got with the file at path, or with update writes got
// there.
func Golden(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test -update if the change is right):\n%s", path, lineDiff(string(want), string(got)))
	}
}

// Stale fails t for every testdata/reply-*.golden that belongs to no
// reply of the set, or with update removes it: a golden file of a reply
// that no longer exists would go on looking like coverage.
func Stale(t testing.TB, dir string, update bool) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "reply-*.golden"))
	if err != nil {
		t.Fatal(err)
	}
	names := ByName()
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "reply-"), ".golden")
		if _, ok := names[name]; ok {
			continue
		}
		if update {
			if err := os.Remove(f); err != nil {
				t.Fatal(err)
			}
			continue
		}
		t.Errorf("%s renders no reply of the set (run go test -update to remove it)", f)
	}
}

// lineDiff shows the lines of want and got from the first that differs.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "first difference at line %d\n", i+1)
	for _, l := range w[i:min(len(w), i+8)] {
		fmt.Fprintf(&b, "- %s\n", l)
	}
	for _, l := range g[i:min(len(g), i+8)] {
		fmt.Fprintf(&b, "+ %s\n", l)
	}
	return b.String()
}

func answer(lang string) *bot.Reply {
	if lang == "fr" {
		return &bot.Reply{
			Title: "Mon panier est vide après « Passer à la caisse »",
			Blocks: []bot.Block{
				&bot.Text{Text: "Si votre panier paraît vide, c'est en général que vous n'êtes plus connecté, ou que vous regardez le panier d'un autre site Amazon."},
				&bot.List{Ordered: true, Items: []string{
					"Reconnectez-vous sur le site Amazon choisi dans KDP : les articles ajoutés pendant que vous étiez connecté réapparaissent.",
					"Ouvrez le panier du site sélectionné sur la page « Commander des exemplaires d'auteur ». Si vous avez choisi Amazon.fr, vos exemplaires sont dans le panier Amazon.fr, pas sur Amazon.com.",
					"Toujours vide ? Videz le cache et supprimez les cookies du navigateur, puis recommencez depuis votre Bibliothèque KDP.",
				}},
				&bot.Text{Text: "⚠ Les exemplaires d'auteur ne peuvent pas être expédiés dans tous les pays et régions.", Note: true},
				&bot.Text{Text: "Voir aussi : La quantité dans mon panier est erronée (/help cart-quantity); Sur quel site Amazon commander ? (/help which-marketplace)", Note: true},
			},
			Source:       "Source : Aide KDP : Je reçois une erreur lors de la commande de mon exemplaire d'auteur (vérifié le 2025-11-15)",
			Ephemeral:    true,
			Buttons:      AnswerButtons("cart-empty", "fr"),
			ButtonPrompt: "Cette réponse vous a-t-elle aidé ?",
			Topic:        "cart-empty",
			Lang:         "fr",
			Key:          "ask/fr/cart-empty/fr",
		}
	}
	return &bot.Reply{
		Title: `My cart is empty after "Proceed to checkout"`,
		Blocks: []bot.Block{
			&bot.Text{Text: "Your cart usually looks empty because you are signed out, or because you are looking at another Amazon site's cart."},
			&bot.List{Ordered: true, Items: []string{
				"Sign in again on the Amazon site you chose in KDP: items added while you were signed in come back to the cart.",
				`Open the cart of the marketplace you picked on the "Order Author Copies" page. If you chose Amazon.fr, the copies are in your Amazon.fr cart, not on Amazon.com.`,
				"Still empty? Clear your browser's cache and cookies, then start again from your Bookshelf.",
			}},
			&bot.Text{Text: "⚠ Author copies can't be shipped to every country & region.", Note: true},
			&bot.Text{Text: "Related: The quantity in my cart is wrong (/help cart-quantity); Which Amazon marketplace should I order from? (/help which-marketplace)", Note: true},
		},
		Source:       "Source: KDP Help: Author Copies; KDP Help (French): errors ordering author copies (checked 2025-11-15)",
		Ephemeral:    true,
		Buttons:      AnswerButtons("cart-empty", "en"),
		ButtonPrompt: "Did this answer your question?",
		Topic:        "cart-empty",
		Lang:         "en",
		Key:          "ask/en/cart-empty/en",
	}
}

// shared is an answer shared in the channel: for everyone, without the
// buttons.
func shared() *bot.Reply {
	return &bot.Reply{
		Title: "How do I order proof copies?",
		Blocks: []bot.Block{
			&bot.Text{Text: "Proof copies are for checking your book before it goes on sale; each is marked \"Not for resale\"."},
			&bot.List{Ordered: true, Items: []string{
				"Open your Bookshelf and choose \"Request printed proofs\" in the book's menu.",
				"Pick the marketplace and the number of copies (at most 5 per order).",
			}},
		},
		Source: "Source: KDP Help: Order proof copies (checked 2025-11-15)",
		Topic:  "proof-copies",
		Lang:   "en",
		Key:    "share/en/proof-copies/en",
	}
}

func decline(lang string) *bot.Reply {
	if lang == "fr" {
		// Nothing is close: the handlers offer the most asked topics.
		return &bot.Reply{
			Blocks: []bot.Block{
				&bot.Text{Text: "Je ne connais pas la réponse à cette question et je préfère ne pas deviner."},
				&bot.Text{Text: "Ce sur quoi je peux vous aider, par exemple :"},
				&bot.List{Items: []string{
					"Mon panier est vide après « Passer à la caisse » (/help cart-empty)",
					"L'option « Commander des exemplaires d'auteur » est absente ou grisée (/help order-option-missing)",
				}},
				&bot.Text{Text: "Pour tout le reste, l'assistance KDP peut vous aider : https://kdp.amazon.com/contact-us"},
			},
			Ephemeral: true,
			Lang:      "fr",
		}
	}
	return &bot.Reply{
		Blocks: []bot.Block{
			&bot.Text{Text: "I don't know the answer to that one, and I'd rather not guess."},
			&bot.Text{Text: "The closest topics I know:"},
			&bot.List{Items: []string{
				"The quantity in my cart is wrong (/help cart-quantity)",
				"Shipping destination error (/help shipping-destination-error)",
			}},
			&bot.Text{Text: "For anything else, KDP's support team can help: https://kdp.amazon.com/contact-us"},
		},
		Ephemeral: true,
		Lang:      "en",
	}
}

// order is what /order add answers: the order's fields and what to do
// next, naming /remind, which Slack calls /reminders.
func order() *bot.Reply {
	return &bot.Reply{
		Title: "Order #12 added",
		Blocks: []bot.Block{
			&bot.Text{Text: `Order #12: 25 author copies of "The Long Road <2nd edition>" on amazon.co.uk, ordered 2025-11-20.`},
			&bot.Fields{Fields: []bot.Field{
				{Name: "Order", Value: "#12", Inline: true},
				{Name: "Status", Value: "ordered", Inline: true},
				{Name: "Copies", Value: "25 author copies", Inline: true},
				{Name: "Marketplace", Value: "amazon.co.uk", Inline: true},
				{Name: "Title", Value: "The Long Road <2nd edition>"},
				{Name: "ISBN", Value: "978-0-306-40615-7", Inline: true},
				{Name: "Ordered", Value: "2025-11-20", Inline: true},
				{Name: "Expected", Value: "2025-12-03", Inline: true},
				{Name: "Note", Value: ""},
			}},
			&bot.Text{Text: "This is your private ledger; the order itself is on amazon.co.uk. When it ships: /order shipped 12", Note: true},
			&bot.Text{Text: "If it isn't marked delivered by then, I'll remind you on 2025-12-04 at 09:00 (/remind auto off to stop such reminders).", Note: true},
		},
		Ephemeral: true,
		Lang:      "en",
	}
}

func orderList() *bot.Reply {
	return &bot.Reply{
		Title: "Your orders",
		Blocks: []bot.Block{
			&bot.List{Items: []string{
				`#12 · ordered · 25 author copies · amazon.co.uk · "The Long Road" · expected 2025-12-03`,
				`#11 · delivered · 2 proofs · amazon.com · "The Long Road" · delivered 2025-11-02`,
				`#9 · cancelled · 999 author copies · amazon.fr · "Le Long Chemin" · cancelled 2025-10-14`,
			}},
			&bot.Text{Text: "/order show <number> shows one order in full.", Note: true},
		},
		Ephemeral: true,
		Lang:      "en",
	}
}

// longButtons have labels longer than any platform shows and values
// longer than a button id holds.
func longButtons() *bot.Reply {
	return &bot.Reply{
		Blocks:    []bot.Block{&bot.Text{Text: "Forget these orders?"}},
		Ephemeral: true,
		Buttons: []bot.Button{
			{Action: bot.ActionForget, Value: strings.Repeat("order:1234567,", 10), Style: bot.Danger,
				Label: "Delete the orders #1234567 and every other order listed above, for good, from the ledger"},
			{Action: bot.ActionForget, Value: strings.Repeat("order:7654321,", 10),
				Label: strings.Repeat("Forget again ", 10)},
		},
		ButtonPrompt: "This cannot be undone.",
	}
}

// forgetConfirm is what /mydata forget asks before deleting anything.
func forgetConfirm() *bot.Reply {
	return &bot.Reply{
		Title: "Delete all your data?",
		Blocks: []bot.Block{
			&bot.Text{Text: "This deletes, for good, everything I keep about you: 3 orders (the next would be #13), 2 answer votes. Your order numbers start again at #1. Your orders on Amazon are not touched."},
			&bot.Text{Text: "Press the button, or type /mydata forget confirm:yes", Note: true},
		},
		Ephemeral:    true,
		Lang:         "en",
		Buttons:      []bot.Button{{Action: bot.ActionForget, Value: "slack:T0001:U0001", Label: "Delete all my data", Style: bot.Danger}},
		ButtonPrompt: "Delete everything?",
	}
}

// exportData is a small data export, as the handlers write it: an @ is
// written \u0040 so that no chat reads a mention in it.
const exportData = `{
  "user": "slack:T0001:U0001",
  "exported": "2025-11-20T09:00:00Z",
  "last_order": 12,
  "orders": [
    {
      "number": 12,
      "kind": "author",
      "quantity": 25,
      "marketplace": "amazon.co.uk",
      "title": "The Long Road",
      "note": "for the launch \u0040 the library",
      "status": "ordered",
      "ordered": "2025-11-20T00:00:00Z"
    }
  ],
  "votes": []
}
`

// export is the data export of /mydata export: a summary, with the data
// as a file.
func export(lang string) *bot.Reply {
	name := "authorbot-data-2025-11-20.json"
	r := &bot.Reply{
		Title: "Your data", Ephemeral: true, Lang: lang,
		Blocks: []bot.Block{
			&bot.Text{Text: "Everything I store about you (slack:T0001:U0001) is in the file " + name + ": 1 order (the next would be #13), 0 answer votes. Your questions themselves are not stored."},
			&bot.Text{Text: "To delete all of it: /mydata forget", Note: true},
		},
		File: &bot.File{Name: name, ContentType: "application/json", Data: []byte(exportData)},
	}
	if lang == "fr" {
		r.Title = "Vos données"
		r.Blocks = []bot.Block{
			&bot.Text{Text: "Tout ce que je garde sur vous (slack:T0001:U0001) est dans le fichier " + name + " : 1 commande (la prochaine serait la #13), 0 vote sur une réponse. Vos questions elles-mêmes ne sont pas conservées."},
			&bot.Text{Text: "Pour tout supprimer : /mydata forget", Note: true},
		}
	}
	return r
}

// reminder is a reminder as its author receives it, outside a request.
func reminder() *bot.Reply {
	return &bot.Reply{
		Title: "⏰ Reminder",
		Blocks: []bot.Block{
			&bot.Text{Text: `Order #12 ("The Long Road" on amazon.co.uk) was expected on Wednesday 3 December and isn't marked delivered. Track it in Your Orders on amazon.co.uk (Track Package). When it arrives: /order delivered 12. If the carrier reports it lost: /order problem 12 lost`},
			&bot.Text{Text: "Automatic reminder about order #12. To stop these: /remind auto off", Note: true},
		},
		Lang: "en",
	}
}

// hostileMentions is author text that would ping a channel, a person or
// a group, or hide a link behind other words, in every block of a reply.
func hostileMentions() *bot.Reply {
	return &bot.Reply{
		Title: "<!channel> @here look",
		Blocks: []bot.Block{
			&bot.Text{Text: "@here <!everyone> <@U024BE7LH> & <https://evil.example|click me> @Channel @everyone <@123> <@&456> <#789> <t:1:R>"},
			&bot.Fields{Fields: []bot.Field{{Name: "*Title* @here", Value: "<!here> @everyone"}}},
			&bot.List{Items: []string{"<#C0001>", "a > b & c", "<!subteam^S1>"}},
			&bot.Link{Label: "<b>|bold", URL: "https://kdp.amazon.com/x?a=<1>|2"},
			&bot.Link{Label: "run me", URL: "javascript:alert(1)"},
			&bot.Link{Label: "[KDP](https://evil.example)", URL: "https://kdp.amazon.com/help"},
			&bot.Text{Text: "quiet @channel", Note: true},
		},
		Source:       "@everyone <!subteam^S1>",
		Ephemeral:    true,
		Buttons:      []bot.Button{{Action: bot.ActionShare, Value: "<!channel>", Label: "@everyone <!here>"}},
		ButtonPrompt: "Tell @here?",
	}
}

// hostileMarkup is author text full of formatting markers, which would
// turn into bold, strikes, code, quotes, headings or lists.
func hostileMarkup() *bot.Reply {
	return &bot.Reply{
		Title: "*Bold* _it_ `x` **b** __u__",
		Blocks: []bot.Block{
			&bot.Text{Text: "My book *The Long Road* is _great_ ~not~ `rm -rf` ```block```\n> quoted\n# heading\n- item\n+ plus\n1. first\n  2) second"},
			&bot.Fields{Fields: []bot.Field{
				{Name: "Title", Value: "*The* _Long_ ~Road~ `v2` ||spoiler|| ~~s~~"},
				{Name: "Note", Value: "en_US snake_case 5*3 https://example.com/_a_*b* mailto:x_y@ex.com *end*", Inline: true},
			}},
			&bot.List{Items: []string{"*one*", "_two_", "**three**"}},
			&bot.Link{Label: "*click*", URL: "https://kdp.amazon.com/a_b*c*"},
			&bot.Text{Text: "~small~ C:\\path\\to", Note: true},
		},
		Buttons:   []bot.Button{{Action: bot.ActionShare, Value: "x", Label: "*Share* `now`"}},
		Source:    "`src` **KDP**",
		Ephemeral: true,
	}
}

// hostileText is markup and mentions in a reply of paragraphs alone,
// which Discord sends as plain message content rather than an embed.
func hostileText() *bot.Reply {
	return &bot.Reply{
		Blocks: []bot.Block{
			&bot.Text{Text: "@everyone look: **bold** __u__ ~~s~~ ||spoiler|| `code` <@123> <t:1:R> [x](https://evil.example)\n# heading\n- item\n1. first\n> quote\nsee https://kdp.amazon.com/en_US/help_topic?id=G_1 and C:\\path"},
			&bot.Text{Text: "*hint* <!here>", Note: true},
		},
		Ephemeral: true,
	}
}

// hostileControls is author text with characters that must never reach
// the chat: NUL and other controls, escape sequences, and the bidi
// overrides and isolates that would show a title or a quantity reversed.
func hostileControls() *bot.Reply {
	return &bot.Reply{
		Title: "Order for \u202eDaor gnol ehT\u202c\x00",
		Blocks: []bot.Block{
			&bot.Text{Text: "Title: The\x00 Road\r\nNote: \x1b[31mred\x1b[0m \u2066isolated\u2069 \u202dforced\u202c\x7f\u0085\a\ttab"},
			&bot.Fields{Fields: []bot.Field{
				{Name: "Title\u202e", Value: "\u202e52\u202c copies\x00"},
				{Name: "Note\x07", Value: "bell\x07 and\ttab\u202a"},
			}},
			&bot.List{Items: []string{"\u2067first\u2069", "second\x00", "_two_\x1b[31m\u0085"}},
			&bot.Link{Label: "KDP\u202e", URL: "https://kdp.amazon.com/\u202egnp.exe"},
			&bot.Text{Text: "\u2068note\u2069\x08", Note: true},
		},
		Source:       "Source\x00: KDP Help\u202a",
		Ephemeral:    true,
		Buttons:      []bot.Button{{Action: bot.ActionForget, Value: "order:3", Label: "Delete \u202e3#\u202c", Style: bot.Danger}},
		ButtonPrompt: "Sure?\x08\u2068",
	}
}

// hostileBytes is a paragraph that is not valid UTF-8.
func hostileBytes() *bot.Reply {
	return &bot.Reply{
		Blocks:    []bot.Block{&bot.Text{Text: "\u202eplain\x00 text\xff and \xc3\x28 end"}},
		Ephemeral: true,
	}
}
