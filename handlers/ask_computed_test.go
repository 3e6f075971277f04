package handlers

import (
	"strings"
	"testing"
	"time"

	"github.com/authorbot/authorbot/bot"
)

// TestAskComputesPrintingCost checks that a printing-cost question that
// gives the book's details gets the figure worked out from the verified
// table, with the table's date, its source and the caveat that KDP's
// calculator is the authority; and that what the tables do not cover
// (colour, hardcover) is said plainly instead of guessed.
func TestAskComputesPrintingCost(t *testing.T) {
	r := askRouter(t)
	for _, tt := range []struct {
		locale, question string
		want, absent     []string
	}{
		{"", "how much would 50 copies of a 300-page black and white paperback cost to print in the US?",
			[]string{"300-page black-ink paperback on amazon.com", "4.60 USD per copy (1.00 USD + 300 pages x 0.012 USD); 50 copies: 230.00 USD",
				"Large trim", "6.10 USD per copy", "305.00 USD", "secondary source", "2023-06-20", "KDP Help: Printing cost", "calculator is the authority"}, nil},
		{"", "what does a 6x9 paperback of 80 pages in black ink cost on amazon.co.uk?",
			[]string{"Regular trim", "1.93 GBP per copy (the same from 24 to 108 pages)"}, []string{"Large trim"}},
		{"fr", "combien coûte un livre broché de 300 pages en noir et blanc, format 6 x 9, sur amazon.com ?",
			[]string{"4,60 USD", "Le calculateur de coût d'impression de KDP fait foi"}, nil},
		{"", "how much does a 200 page premium colour hardcover cost to print on amazon.de?",
			[]string{"no verified printing cost table for a premium-colour hardcover on amazon.de", "won't guess"}, []string{" EUR per copy"}},
		{"", "what's the printing cost of a 150 page colour paperback on amazon.com?",
			[]string{"no verified printing cost table for a colour paperback on amazon.com"}, []string{" USD per copy"}},
		{"", "how much would a 300 page black and white paperback cost to print?",
			[]string{"I also need: the Amazon site you order on"}, []string{" USD per copy"}},
	} {
		reply := askLine(t, r, tt.locale, "/ask "+tt.question)
		text := bot.PlainText(reply)
		wantIn(t, tt.question, text, tt.want...)
		wantNotIn(t, tt.question, text, tt.absent...)
		if reply.Key != "" {
			t.Errorf("%s: a computed answer has the key %q, as if it were the same for everyone", tt.question, reply.Key)
		}
	}
	// A question about costs in general still gets the topic alone.
	if text := bot.PlainText(askLine(t, r, "", "/ask how is the printing cost calculated")); strings.Contains(text, "per copy (") {
		t.Errorf("a general question got a computed figure:\n%s", text)
	}
}

// TestAskChecksISBN checks that an ISBN written in a question is checked
// and converted in the answer, and a wrong one explained.
func TestAskChecksISBN(t *testing.T) {
	r := askRouter(t)
	text := bot.PlainText(askLine(t, r, "", "/ask is 0-306-40615-2 the right isbn for my paperback?"))
	wantIn(t, "isbn-10", text, "ISBN 0-306-40615-2", "9780306406157", "Its ISBN-13 is 9780306406157")
	text = bot.PlainText(askLine(t, r, "", "/ask my ISBN is 978-0-306-40615-8 but amazon can't find it"))
	wantIn(t, "wrong check digit", text, "the check digit should be 7, not 8")
}

// TestAskAboutOwnOrder checks that a question naming one of the author's
// orders answers from that order of their own ledger, and that a number
// they do not have never reaches another author's order.
func TestAskAboutOwnOrder(t *testing.T) {
	h := newHarness(t)
	h.now = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	h.ok(t, alice, "/order add 10 us Delivered ordered:2026-11-01") // #1
	h.ok(t, alice, "/order delivered 1 2026-11-10")
	h.ok(t, alice, "/order add 10 uk Shipped ordered:2026-11-05") // #2
	h.ok(t, alice, "/order shipped 2")
	h.ok(t, alice, "/order add 10 fr Pending ordered:2026-11-20") // #3
	h.ok(t, bob, "/order add 5 de Bobs Book ordered:2026-11-20")  // bob's #1
	for _, tt := range []struct {
		who          bot.User
		question     string
		want, absent []string
	}{
		{alice, "can I still cancel order 3?", []string{"Order #3 has not shipped, so it can still be cancelled on amazon.fr"}, []string{"Order #1", "Order #2"}},
		{alice, "can I still cancel order #2?", []string{"Order #2 has shipped, so it can no longer be cancelled"}, []string{"Order #3"}},
		{alice, "is it too late to cancel order 1 and get a refund?", []string{"Order #1, delivered 2026-11-10: 18 days left"}, []string{"Order #3"}},
		{alice, "can I cancel order 9?", []string{"You have no order #9"}, []string{"Order #3"}},
		{bob, "can I still cancel order 3?", []string{"You have no order #3"}, []string{"amazon.fr", "Pending"}},
		{alice, "can I cancel my order of 50 copies?", []string{"Order #3 has not shipped"}, []string{"no order #50"}},
	} {
		reply, err := h.do(tt.who, "", "/ask "+tt.question)
		if err != nil {
			t.Fatal(err)
		}
		text := bot.PlainText(reply)
		wantIn(t, tt.question, text, tt.want...)
		wantNotIn(t, tt.question, text, tt.absent...)
	}
}

// TestAskSeveralPartsComputes checks that an ask of a message of several
// gets its computed figure too.
func TestAskSeveralPartsComputes(t *testing.T) {
	r := askRouter(t)
	reply := askLine(t, r, "", "/ask Hi! How much would a 300 page black and white paperback cost to print on amazon.com? And also, can I resell my author copies at a fair?")
	text := bot.PlainText(reply)
	wantIn(t, "several parts", text, "4.60 USD per copy", "calculator is the authority")
	if reply.Topic != "" && !strings.Contains(text, "resell") {
		t.Errorf("not answered in parts:\n%s", text)
	}
}
