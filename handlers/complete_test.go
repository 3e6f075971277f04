package handlers

import (
	"context"
	"fmt"
	"testing"

	"github.com/authorbot/authorbot/bot"
)

func TestComplete(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	h.ok(t, alice, "/order add 1 us The Long Road")
	h.ok(t, alice, "/order add 1 us Short Stories")
	for i := 3; i <= 30; i++ {
		h.ok(t, alice, fmt.Sprintf("/order add 1 uk Book %d", i))
	}
	h.ok(t, bob, "/order add 2 fr Bob's Secret Diary")
	req := func(user bot.User, locale, sub string) *bot.Request {
		return &bot.Request{User: user, Locale: locale, Command: "order", Sub: sub}
	}
	tests := []struct {
		name          string
		req           *bot.Request
		option        string
		partial       string
		first         string // the value expected first; "" for no choices
		firstName     string
		size, maxSize int
	}{
		{"topic by words", &bot.Request{Command: "help", Locale: "en-US"}, "topic", "empty ca", "cart-empty", "", 1, 25},
		{"topic in French", &bot.Request{Command: "help", Locale: "fr"}, "topic", "panier vi", "cart-empty", "", 1, 25},
		{"topics to browse", &bot.Request{Command: "help"}, "topic", "", "", "", 25, 25},
		{"own orders, newest first", req(alice, "", "show"), "number", "", "30", "", 25, 25},
		{"number prefix, exact first", req(alice, "", "show"), "number", "1", "1", "", 1, 25},
		{"title words", req(alice, "", "show"), "number", "long road", "1", "#1 · ordered · The Long Road", 1, 25},
		{"title with a typo", req(alice, "", "show"), "number", "shrot stories", "", "", 0, 25},
		{"French status names", req(alice, "fr", "show"), "number", "long", "1", "#1 · commandée · The Long Road", 1, 25},
		{"never another author's orders", req(bob, "", "show"), "number", "long", "", "", 0, 0},
		{"marketplace by code", req(alice, "", "add"), "marketplace", "uk", "amazon.co.uk", "amazon.co.uk (uk)", 1, 25},
		{"marketplace with a typo", req(alice, "", "add"), "marketplace", "germny", "amazon.de", "", 1, 25},
		{"marketplace in French", req(alice, "fr", "add"), "marketplace", "allemagne", "amazon.de", "", 1, 25},
		{"marketplace from an address", req(alice, "", "add"), "marketplace", "https://www.amazon.co.jp/", "amazon.co.jp", "", 1, 25},
		{"all marketplaces", req(alice, "", "add"), "marketplace", "", "amazon.com", "", len(Marketplaces()), 25},
		{"no suggestions for other options", req(alice, "", "add"), "title", "lo", "", "", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := h.r.Complete(ctx, tt.req, tt.option, tt.partial)
			if len(got) < tt.size || len(got) > tt.maxSize {
				t.Fatalf("%d choices, want %d to %d: %+v", len(got), tt.size, tt.maxSize, got)
			}
			if tt.first != "" && got[0].Value != tt.first {
				t.Errorf("first choice = %+v, want value %q", got[0], tt.first)
			}
			if tt.firstName != "" && got[0].Name != tt.firstName {
				t.Errorf("first choice name = %q, want %q", got[0].Name, tt.firstName)
			}
		})
	}

	// With no match by prefix or substring, a misspelt title is ranked
	// among the newest orders.
	got := h.r.Complete(ctx, req(alice, "", "show"), "number", "boook 30")
	if len(got) == 0 || got[0].Value != "30" {
		t.Errorf("typo completion = %+v, want order 30 first", got)
	}
}

func TestCompleteWithoutOrders(t *testing.T) {
	r := testRouter(t, testDB(t))
	req := &bot.Request{User: alice, Command: "order", Sub: "show"}
	if got := r.Complete(context.Background(), req, "number", ""); got != nil {
		t.Errorf("choices for an author without orders: %+v", got)
	}
}
