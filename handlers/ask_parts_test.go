package handlers

import (
	"strings"
	"testing"

	"github.com/authorbot/authorbot/bot"
)

func TestAskSeveralParts(t *testing.T) {
	r := askRouter(t)
	tests := []struct {
		name, line string
		want       []string // in the reply, in this order
		lang       string
	}{
		{"two english asks",
			"/ask Hi! How many author copies can I order at once? And also how long do author copies take to arrive?",
			[]string{"How many author copies can I order at once?", "999", "Source: ", "How long do author copies take to arrive?", "Expected Delivery Date", "Source: "}, "en"},
		{"two french asks",
			"/ask Bonjour ! Combien d'exemplaires d'auteur puis-je commander en une fois ? Et aussi, combien de temps mettent les exemplaires à arriver ?",
			[]string{"Combien d'exemplaires d'auteur puis-je commander à la fois ?", "999", "Source : ", "Quel est le délai de livraison des exemplaires d'auteur ?", "Source : "}, "fr"},
		{"an answered ask and a subject not covered",
			"/ask How many author copies can I order at once? And what royalty do I get on ebooks?",
			[]string{"How many author copies can I order at once?", "999", "Source: ", "eBook royalties", "https://kdp.amazon.com/help", contactURL}, "en"},
		{"asks joined by commas",
			"/ask cart is empty, quantity is wrong, and when will my copies arrive",
			[]string{"My cart is empty", "Source: ", "The quantity in my cart is wrong", "Source: ", "How long do author copies take to arrive?", "Source: "}, "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reply := askLine(t, r, "", tt.line)
			text := bot.PlainText(reply)
			rest := text
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("reply lacks %q after the earlier parts:\n%s", w, text)
				}
				rest = rest[i+len(w):]
			}
			if reply.Lang != tt.lang {
				t.Errorf("lang = %q, want %q", reply.Lang, tt.lang)
			}
			if reply.Key != "" {
				t.Errorf("Key = %q, want none: the reply is this message's own", reply.Key)
			}
			if n := len(strings.Fields(text)); n > maxPartsWords {
				t.Errorf("%d words, want at most %d", n, maxPartsWords)
			}
		})
	}
}

func TestAskSeveralPartsShortensLongAnswers(t *testing.T) {
	r := askRouter(t)
	res := r.kb.Answer("How many author copies can I order at once? And also how long do author copies take to arrive? Another question: why is my cart empty?", "en")
	if len(res.Answered()) < 2 {
		t.Skipf("the message answers %d asks", len(res.Answered()))
	}
	full := r.partsReply(res, nil, false)
	reply := r.answerParts(res, nil).Reply
	if n := replyWords(reply); n > maxPartsWords && replyWords(full) > n {
		t.Errorf("%d words, want at most %d", n, maxPartsWords)
	}
	if replyWords(full) > maxPartsWords && replyWords(reply) >= replyWords(full) {
		t.Errorf("a reply of %d words was not shortened", replyWords(full))
	}
}
