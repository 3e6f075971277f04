package handlers

import (
	"context"
	"testing"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/store"
)

func TestFeedback(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	press := func(user bot.User, locale, value string) (*bot.Reply, error) {
		return h.r.Handle(ctx, &bot.Request{User: user, Locale: locale, Action: bot.ActionFeedback, Options: map[string]string{"value": value}})
	}
	// The buttons under a real answer work as they are.
	answer, err := h.do(alice, "", "/ask my cart is empty")
	if err != nil {
		t.Fatal(err)
	}
	var yes, no string
	for _, b := range answer.Buttons {
		if b.Action == bot.ActionFeedback && b.Style == bot.Primary {
			yes = b.Value
		} else if b.Action == bot.ActionFeedback {
			no = b.Value
		}
	}
	tests := []struct {
		user   bot.User
		locale string
		value  string
		want   string
	}{
		{alice, "", yes, "Thanks! Glad it helped."},
		{alice, "", no, "Thanks, I've updated your vote"},
		{bob, "", no, "Thanks for telling me"},
		{bob, "fr", "cart-empty|fr|yes", "Merci ! Ravi"},
	}
	for _, tt := range tests {
		reply, err := press(tt.user, tt.locale, tt.value)
		if err != nil {
			t.Fatalf("%s: %v", tt.value, err)
		}
		if !reply.Ephemeral {
			t.Errorf("%s: reply not ephemeral", tt.value)
		}
		wantIn(t, tt.value, bot.PlainText(reply), tt.want)
	}
	counts, err := h.db.Votes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.VoteCount{{Topic: "cart-empty", Lang: "en", No: 2}, {Topic: "cart-empty", Lang: "fr", Yes: 1}}
	if len(counts) != 2 || counts[0] != want[0] || counts[1] != want[1] {
		t.Errorf("votes = %+v, want %+v", counts, want)
	}

	for _, bad := range []string{"", "cart-empty", "cart-empty|en", "cart-empty|en|maybe", "cart-empty|ja|yes", "cart-empty|DE|yes", "no-such-topic|en|yes",
		"cart-empty|en|yes|extra", "../etc|en|yes", "CART|en|yes", "cart-empty|en|yes\x00"} {
		_, err := press(alice, "", bad)
		if bot.ErrorCode(err) != bot.Invalid {
			t.Errorf("value %q: %v, want an Invalid error", bad, err)
		}
	}
	counts, _ = h.db.Votes(ctx)
	if len(counts) != 2 {
		t.Errorf("malformed values were recorded: %+v", counts)
	}
}
