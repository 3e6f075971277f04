package handlers

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/authorbot/authorbot/bot"
)

func TestAskWithOrders(t *testing.T) {
	h := newHarness(t)
	h.now = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	h.ok(t, alice, "/order add 10 us Delivered ordered:2026-11-01") // #1
	h.ok(t, alice, "/order delivered 1 2026-11-10")
	h.ok(t, alice, "/order add 10 uk Shipped ordered:2026-11-05") // #2
	h.ok(t, alice, "/order shipped 2")
	h.ok(t, alice, "/order add 10 de Late ordered:2026-11-01 expected:2026-11-19")    // #3
	h.ok(t, alice, "/order add 10 fr Pending ordered:2026-11-20 expected:2026-12-01") // #4

	tests := []struct {
		question string
		want     []string
		absent   []string
	}{
		{"my copies arrived damaged", []string{"Order #1, delivered 2026-11-10: 18 days left to contact KDP"}, []string{"#2", "#3"}},
		{"how do I cancel my order", []string{
			"Order #2 has shipped, so it can no longer be cancelled; if something is wrong when it arrives: /order problem 2",
			"Order #4 has not shipped, so it can still be cancelled on amazon.fr"}, []string{"Order #1"}},
		{"when will my author copies arrive", []string{"Order #3 was expected 3 days ago (2026-11-19): track it in Your Orders", "Order #4 is expected on 2026-12-01, in 9 days"}, []string{"Order #1"}},
		{"how do I track my order", []string{"Order #3 was expected 3 days ago", "Order #2 shipped on 2026-11-22: track it"}, nil},
		{"how much does an author copy cost", nil, []string{"Order #"}},
		{"my cart is empty", nil, []string{"Order #"}},
		{"what is an isbn", nil, []string{"Order #"}},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			reply, err := h.do(alice, "", "/ask "+tt.question)
			if err != nil {
				t.Fatal(err)
			}
			got := bot.PlainText(reply)
			wantIn(t, tt.question, got, tt.want...)
			wantNotIn(t, tt.question, got, tt.absent...)
			// Another author asking the same thing sees nothing of alice's.
			other, err := h.do(bob, "", "/ask "+tt.question)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(bot.PlainText(other), "Order #") {
				t.Errorf("bob sees order notes: %s", bot.PlainText(other))
			}
		})
	}

	// Sharing an answer never carries the notes about the author's orders.
	reply, _ := h.do(alice, "", "/ask my copies arrived damaged")
	for _, b := range reply.Buttons {
		if b.Action != bot.ActionShare {
			continue
		}
		shared, err := h.r.Handle(t.Context(), &bot.Request{User: alice, Action: bot.ActionShare, Options: map[string]string{"value": b.Value}})
		if err != nil {
			t.Fatal(err)
		}
		wantNotIn(t, "shared", bot.PlainText(shared), "Order #")
	}

	// French.
	reply, err := h.do(alice, "fr", "/ask mes exemplaires sont arrivés abîmés")
	if err != nil {
		t.Fatal(err)
	}
	wantIn(t, "french", bot.PlainText(reply), "Commande #1, livrée le 2026-11-10 : il reste 18 jours")
}

func TestAskWithoutStore(t *testing.T) {
	// No ledger, as in "authorbot ask".
	a, err := NewAnswers(testKB(t)).Ask(context.Background(), &bot.Request{
		User: alice, Command: "ask", Options: map[string]string{"question": "my copies arrived damaged"}})
	if err != nil {
		t.Fatal(err)
	}
	reply := a.Reply
	if strings.Contains(bot.PlainText(reply), "Order #") {
		t.Errorf("notes without a store: %s", bot.PlainText(reply))
	}
}

func TestOrderNotesLimit(t *testing.T) {
	h := newHarness(t)
	for range 7 {
		h.ok(t, alice, "/order add 1 us Book")
	}
	reply, err := h.do(alice, "", "/ask how do I cancel my order")
	if err != nil {
		t.Fatal(err)
	}
	got := bot.PlainText(reply)
	wantIn(t, "limit", got, "Order #7 has not shipped", "Order #4 has not shipped", "…and 3 more orders: /order list")
	wantNotIn(t, "limit", got, "Order #3 has")
}

// A reply with a Key may be rendered once and shown to anyone: every
// answer that carries one must be the same whoever asks, and an answer
// with notes about the author's orders must carry none.
func TestReplyKeyOnlyOnAnswersForEveryone(t *testing.T) {
	h := newHarness(t)
	h.now = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	h.ok(t, alice, "/order add 10 us Delivered ordered:2026-11-01")
	h.ok(t, alice, "/order delivered 1 2026-11-10")
	h.ok(t, alice, "/order add 10 fr Pending ordered:2026-11-20 expected:2026-12-01")
	keyed := map[string]*bot.Reply{}
	withNotes := 0
	for _, lang := range []string{"en", "fr"} {
		for _, e := range h.r.kb.Entries(lang) {
			for _, line := range []string{"/ask " + e.Title, "/ask when will my " + e.Title + " arrive", "/help " + e.ID} {
				for _, u := range []bot.User{alice, bob} {
					reply, err := h.do(u, lang, line)
					if err != nil {
						t.Fatalf("%s: %v", line, err)
					}
					if strings.Contains(bot.PlainText(reply), "Order #") {
						withNotes++
						if reply.Key != "" {
							t.Errorf("%s (%s): a reply with order notes has the key %q", line, u.ID, reply.Key)
						}
						continue
					}
					if reply.Key == "" {
						continue
					}
					if first, ok := keyed[reply.Key]; ok && !reflect.DeepEqual(first, reply) {
						t.Errorf("%s (%s): two different replies share the key %q", line, u.ID, reply.Key)
					}
					keyed[reply.Key] = reply
				}
			}
		}
	}
	if len(keyed) < 80 || withNotes == 0 {
		t.Errorf("%d keyed replies and %d with notes: the test no longer covers both", len(keyed), withNotes)
	}
}
