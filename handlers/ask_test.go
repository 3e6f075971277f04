package handlers

import (
	"context"
	"strings"
	"testing"

	"github.com/authorbot/authorbot/bot"
)

func askRouter(t testing.TB) *Router {
	t.Helper()
	return testRouter(t, testDB(t))
}

func askLine(t *testing.T, r *Router, locale, line string) *bot.Reply {
	t.Helper()
	req, err := r.Parse(line)
	if err != nil {
		t.Fatalf("Parse(%q): %v", line, err)
	}
	req.Locale = locale
	req.User = bot.User{Platform: bot.Console, ID: "t"}
	reply, err := r.Handle(context.Background(), req)
	if err != nil {
		t.Fatalf("Handle(%q): %v", line, err)
	}
	return reply
}

func TestAskLanguage(t *testing.T) {
	r := askRouter(t)
	tests := []struct {
		name, locale, line, topic, lang string
	}{
		{"english question", "", "/ask my cart is empty", "cart-empty", "en"},
		{"french question", "", "/ask mon panier est vide", "cart-empty", "fr"},
		{"french locale wins over english text", "fr", "/ask my cart is empty", "cart-empty", "fr"},
		{"regional locale", "en-GB", "/ask mon panier est vide", "cart-empty", "en"},
		{"locale without content falls back to the question", "ja", "/ask mon panier est vide", "cart-empty", "fr"},
		{"german locale", "de", "/ask mon panier est vide", "cart-empty", "de"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reply := askLine(t, r, tt.locale, tt.line)
			if reply.Topic != tt.topic || reply.Lang != tt.lang {
				t.Errorf("topic, lang = %q, %q; want %q, %q", reply.Topic, reply.Lang, tt.topic, tt.lang)
			}
		})
	}
}

func TestAnswerShape(t *testing.T) {
	r := askRouter(t)
	for _, lang := range r.kb.Languages() {
		// A chat answer stays short: about 120 words in English; the
		// other languages need more words for the same sentences.
		most := 125
		if lang != "en" {
			most = 180
		}
		for _, e := range r.kb.Entries(lang) {
			reply := r.topicReply(e, lang)
			text := bot.PlainText(reply)
			if !strings.Contains(reply.Source, e.Verified) || len(e.Sources) == 0 {
				t.Errorf("%s/%s: source line %q does not name sources and date", lang, e.ID, reply.Source)
			}
			if words := len(strings.Fields(e.Body)); words > most {
				t.Errorf("%s/%s: %d words, want at most %d", lang, e.ID, words, most)
			}
			if strings.Contains(text, "**") || strings.Contains(text, "](") {
				t.Errorf("%s/%s: Markdown syntax leaks into the answer", lang, e.ID)
			}
		}
	}
}

func TestDecline(t *testing.T) {
	r := askRouter(t)
	for _, q := range []string{"/ask what's the weather tomorrow", "/ask quelle est la capitale de l'Espagne", "/ask what time is it in New York right now?"} {
		reply := askLine(t, r, "", q)
		text := bot.PlainText(reply)
		if reply.Topic != "" {
			t.Errorf("%q answered topic %q, want a decline", q, reply.Topic)
		}
		if !strings.Contains(text, contactURL) {
			t.Errorf("%q: decline does not point to KDP support:\n%s", q, text)
		}
		if len(reply.Buttons) != 0 {
			t.Errorf("%q: a decline has feedback buttons", q)
		}
	}
}

// TestAskAnswersWhatIsMeasured checks that /ask of a message of one ask
// answers what kb.Answer gives for it, the answer the accuracy sets
// measure, also when the ask is a part of the message only (a greeting
// or thanks around it).
func TestAskAnswersWhatIsMeasured(t *testing.T) {
	r := askRouter(t)
	k := testKB(t)
	for _, msg := range []string{
		"Olá pessoal! Como recebo os royalties no Brasil?",
		"Hi everyone, long-time lurker here. How long do author copies take to reach Canada? Thanks!",
		"Hallo zusammen! Mein Warenkorb ist leer, wenn ich auf Zur Kasse klicke. Danke euch",
		"Hi! Ordered pizza an hour ago and the delivery app still says on the way, what do I do?",
		// A story around the ask, which the message searched whole
		// answers with ordering copies.
		"Ciao a tutte! Ho appena pubblicato il mio primo romanzo rosa, 280 pagine, copertina lucida, e sono al settimo cielo. Per la presentazione in libreria mi servono tante copie: quante copie autore posso ordinare al massimo in un solo ordine?",
	} {
		a := k.Answer(msg, "")
		if len(a.Parts) != 1 {
			t.Fatalf("Answer(%q) has %d parts, want one", msg, len(a.Parts))
		}
		want := ""
		if p := a.Parts[0]; p.Confident {
			want = p.Best.ID
		}
		if got := askLine(t, r, "", "/ask "+msg).Topic; got != want {
			t.Errorf("/ask %q answered topic %q, kb.Answer %q", msg, got, want)
		}
	}
}

func TestAnswerButtons(t *testing.T) {
	r := askRouter(t)
	reply := askLine(t, r, "", "/ask my cart is empty")
	var actions []string
	for _, b := range reply.Buttons {
		actions = append(actions, b.Action+"="+b.Value)
	}
	want := "share=cart-empty|en feedback=cart-empty|en|yes feedback=cart-empty|en|no"
	if got := strings.Join(actions, " "); got != want {
		t.Errorf("buttons = %q, want %q", got, want)
	}
	if !reply.Ephemeral {
		t.Error("answers should be ephemeral until shared")
	}
}

func TestShareRerunsTopicPublicly(t *testing.T) {
	r := askRouter(t)
	req := &bot.Request{Action: bot.ActionShare, Options: map[string]string{"value": "/help cart-empty"}}
	reply, err := r.Handle(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if reply.Ephemeral || len(reply.Buttons) != 0 || reply.Topic != "cart-empty" {
		t.Errorf("shared reply: ephemeral %v, %d buttons, topic %q", reply.Ephemeral, len(reply.Buttons), reply.Topic)
	}
	req.Options["value"] = "/order list"
	if _, err := r.Handle(context.Background(), req); bot.ErrorCode(err) != bot.Forbidden {
		t.Errorf("sharing /order list: code %q, want %q", bot.ErrorCode(err), bot.Forbidden)
	}
}

func TestHelp(t *testing.T) {
	r := askRouter(t)
	text := bot.PlainText(askLine(t, r, "", "/help"))
	for _, want := range []string{"/ask question:<text>", "/help [topic:<id>]", "Cart and checkout problems", "cart-empty"} {
		if !strings.Contains(text, want) {
			t.Errorf("/help lacks %q", want)
		}
	}
	if reply := askLine(t, r, "fr", "/help cart-empty"); reply.Topic != "cart-empty" || reply.Lang != "fr" {
		t.Errorf("/help cart-empty in fr: topic %q lang %q", reply.Topic, reply.Lang)
	}
	req, _ := r.Parse("/help cart-emty")
	if reply, err := r.Handle(context.Background(), req); err != nil || reply.Topic != "cart-empty" {
		t.Errorf("/help with a typo: %v, %v", reply, err)
	}
	req, _ = r.Parse("/help zzzz-qqqq")
	_, err := r.Handle(context.Background(), req)
	if bot.ErrorCode(err) != bot.NotFound || !strings.Contains(err.Error(), "/help") {
		t.Errorf("/help unknown: %v", err)
	}
	// The unknown topic is echoed, never as a mention.
	req, _ = r.Parse("/help @everyone")
	_, err = r.Handle(context.Background(), req)
	if msg := bot.ErrorMessage(err); !strings.Contains(msg, "@\u200beveryone") {
		t.Errorf("/help @everyone echoes %q", msg)
	}
}

func BenchmarkAsk(b *testing.B) {
	// No rate limit: the benchmark is one author asking as fast as it can.
	r := testRouter(b, testDB(b), WithLimits(Limits{}))
	questions := []string{
		"my cart is empty",
		"the quantity in my cart is wrong",
		"why can't I find the order author copies button",
		"is a 2mm shift within the printing tolerance",
		"mon panier est vide",
		"combien coûtent les exemplaires d'auteur",
		"how do I cancel my order",
		"what's the weather in Paris",
	}
	ctx := context.Background()
	reqs := make([]*bot.Request, len(questions))
	for i, q := range questions {
		reqs[i] = &bot.Request{Command: "ask", Options: map[string]string{"question": q}}
	}
	// first: every question is new to both caches (the searches and the
	// messages split into asks), as for a question asked for the first
	// time; repeated: the questions authors ask again.
	for _, mode := range []string{"first", "repeated"} {
		b.Run(mode, func(b *testing.B) {
			b.ReportAllocs()
			start, ok := cpuTime()
			for i := 0; b.Loop(); i++ {
				if mode == "first" {
					r.results.Purge()
					r.answers.Purge()
				}
				if _, err := r.Handle(ctx, reqs[i%len(reqs)]); err != nil {
					b.Fatal(err)
				}
			}
			if end, ok2 := cpuTime(); ok && ok2 {
				// Processor time, which other processes on a shared
				// machine do not add to; run with -cpu 1 for it to be
				// one /ask's.
				b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
			}
		})
	}
}

// TestNotCoveredNamesThePlace checks that a question about a KDP subject
// the knowledge base does not cover is declined with the subject and the
// place that answers it, and with no neighbouring topic offered.
func TestNotCoveredNamesThePlace(t *testing.T) {
	r := askRouter(t)
	for _, tt := range []struct{ locale, line, want string }{
		{"", "/ask my ads campaign spends nothing, are my bids too low?", "Amazon Ads"},
		{"fr", "/ask comment remplir l'entretien fiscal ?", "Cette question porte sur"},
	} {
		reply := askLine(t, r, tt.locale, tt.line)
		text := bot.PlainText(reply)
		if reply.Topic != "" || !strings.Contains(text, tt.want) || !strings.Contains(text, "https://kdp.amazon.com/help") {
			t.Errorf("%s: topic %q, reply:\n%s", tt.line, reply.Topic, text)
		}
		if strings.Contains(text, "/help ") {
			t.Errorf("%s: a neighbouring topic is offered:\n%s", tt.line, text)
		}
	}
}

// TestButtonsInEveryLanguage checks that the share and feedback buttons
// of an answer work in each of the bot's languages, not only in the
// first two.
func TestButtonsInEveryLanguage(t *testing.T) {
	r := askRouter(t)
	for _, c := range []struct{ locale, question string }{
		{"en", "my cart is empty"},
		{"fr", "mon panier est vide"},
		{"de", "mein Warenkorb ist leer"},
		{"es", "mi carrito está vacío"},
		{"it", "il mio carrello è vuoto"},
		{"pt", "o meu carrinho está vazio"},
		{"nl", "mijn winkelwagen is leeg"},
	} {
		reply := askLine(t, r, c.locale, "/ask "+c.question)
		if len(reply.Buttons) == 0 {
			t.Fatalf("%s: the answer has no buttons", c.locale)
		}
		for _, b := range reply.Buttons {
			req := &bot.Request{Action: b.Action, Locale: c.locale, User: bot.User{Platform: bot.Console, ID: "t"},
				Options: map[string]string{"value": b.Value}}
			if _, err := r.Handle(context.Background(), req); err != nil {
				t.Errorf("%s: pressing %q (%s): %v", c.locale, b.Label, b.Value, err)
			}
		}
	}
}
