package handlers

import (
	"context"
	"strings"
	"testing"

	"github.com/authorbot/authorbot/bot"
)

// TestLang checks how the reply language is picked: the platform's
// locale when it names one of the seven languages (Discord's and Slack's
// locales, regions aside), else the language of the question, else
// English.
func TestLang(t *testing.T) {
	r := testRouter(t, testDB(t))
	tests := []struct{ locale, text, want string }{
		// Discord's locales.
		{"en-US", "", "en"}, {"en-GB", "", "en"}, {"fr", "", "fr"}, {"de", "", "de"},
		{"es-ES", "", "es"}, {"es-419", "", "es"}, {"it", "", "it"}, {"pt-BR", "", "pt"}, {"nl", "", "nl"},
		// Slack's.
		{"de-DE", "", "de"}, {"fr-FR", "", "fr"}, {"es-LA", "", "es"}, {"it-IT", "", "it"},
		{"pt-PT", "", "pt"}, {"en-GB", "", "en"}, {"de_DE", "", "de"},
		// The console's --lang.
		{"pt", "", "pt"}, {"ES", "", "es"},
		// The locale wins over the question.
		{"de", "mon panier est vide", "de"},
		{"fr", "my cart is empty", "fr"},
		// Without a locale of the seven, the question's language.
		{"", "mon panier est vide", "fr"},
		{"", "my cart is empty", "en"},
		{"ja", "mon panier est vide", "fr"},
		{"pl", "why is my cart empty", "en"},
		// Then English.
		{"", "", "en"}, {"", "KDP 999", "en"}, {"ja", "", "en"}, {"pl", "koszyk jest pusty", "en"}, {"zh-TW", "", "en"},
	}
	for _, tt := range tests {
		req := &bot.Request{Locale: tt.locale}
		if got := r.lang(req, tt.text); got != tt.want {
			t.Errorf("lang(locale %q, %q) = %q, want %q", tt.locale, tt.text, got, tt.want)
		}
	}
	// Whatever language detection answers, only the seven are used.
	for _, l := range []string{"en", "fr", "de", "es", "it", "pt", "nl"} {
		if got := supportedLang(l); got != l {
			t.Errorf("supportedLang(%q) = %q", l, got)
		}
	}
	for _, l := range []string{"ja", "pl", "zh", "", "e", "english"} {
		if got := supportedLang(l); got != "" {
			t.Errorf("supportedLang(%q) = %q, want none", l, got)
		}
	}
}

// TestEnglishNote checks that an author whose locale is a language the
// bot does not speak is told, once, in English, why the reply is in
// English; and that nobody else is.
func TestEnglishNote(t *testing.T) {
	g := newRig(t, WithLimits(Limits{}))
	u := bot.User{Platform: bot.Discord, ID: "42"}
	g.ok(t, u, "", "/order add 2 us Dune")
	tests := []struct {
		locale, line string
		note         bool
	}{
		{"ja", "/help", true},
		{"pl", "/order list", true},
		{"ja", "/ask カートが空です", true},
		{"pl", "/ask koszyk jest pusty", true},
		{"ja", "/remind list", true},
		// Written in a language the bot speaks: answered in it, no note.
		{"ja", "/ask mon panier est vide", false},
		{"pl", "/ask my cart is empty", false},
		// A locale of the bot's, or none.
		{"de", "/help", false},
		{"pt-BR", "/order list", false},
		{"en-US", "/help", false},
		{"", "/help", false},
		{"", "/ask カートが空です", false},
	}
	for _, tt := range tests {
		reply, err := g.run(u, tt.locale, tt.line)
		if err != nil {
			t.Fatalf("%s %q: %v", tt.locale, tt.line, err)
		}
		n := strings.Count(bot.PlainText(reply), englishNote)
		switch {
		case tt.note && n != 1:
			t.Errorf("%s %q: the note appears %d times, want once:\n%s", tt.locale, tt.line, n, bot.PlainText(reply))
		case !tt.note && n != 0:
			t.Errorf("%s %q: has the note, want none", tt.locale, tt.line)
		}
		if tt.note {
			if first, ok := reply.Blocks[0].(*bot.Text); !ok || first.Text != englishNote {
				t.Errorf("%s %q: the note is not the first block", tt.locale, tt.line)
			}
		}
	}

	// A reply with the note is not the same reply as one without: it
	// must not share its key, under which adapters keep what they made.
	plain, err := g.run(u, "", "/help cart-empty")
	if err != nil {
		t.Fatal(err)
	}
	noted, err := g.run(u, "ja", "/help cart-empty")
	if err != nil {
		t.Fatal(err)
	}
	if plain.Key == "" || plain.Key == noted.Key {
		t.Errorf("keys %q and %q: want two keys", plain.Key, noted.Key)
	}
	if again, _ := g.run(u, "", "/help cart-empty"); strings.Contains(bot.PlainText(again), englishNote) {
		t.Error("the note stayed in the reply of an author who was never told it")
	}

	// A button's reply follows the command's, which had the note.
	reply, err := g.r.Handle(context.Background(), &bot.Request{User: u, Locale: "ja", Action: bot.ActionShare,
		Options: map[string]string{"value": "cart-empty|en"}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(bot.PlainText(reply), englishNote) {
		t.Error("a shared answer carries the note")
	}
}
