package handlers

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/store"
)

// forgetButton presses a forget button carrying value as user, and returns
// the error message when code is set, the reply text otherwise.
func (h *harness) forgetButton(t testing.TB, user bot.User, value, code string) string {
	t.Helper()
	req := &bot.Request{User: user, Action: bot.ActionForget, Options: map[string]string{"value": value}}
	reply, err := h.r.Handle(context.Background(), req)
	if code != "" {
		if bot.ErrorCode(err) != code {
			t.Fatalf("forget button: %v, want a %s error", err, code)
		}
		return bot.ErrorMessage(err)
	}
	if err != nil {
		t.Fatalf("forget button: %v", err)
	}
	return bot.PlainText(reply)
}

func TestMydataExport(t *testing.T) {
	h := newHarness(t)
	wantIn(t, "empty export", h.ok(t, alice, "/mydata export"), "0 orders", "0 answer votes")

	h.ok(t, alice, `/order add 10 us title:"Quotes ' and <b>tags</b> @everyone" note:ünïcødé`)
	h.ok(t, alice, "/order add 2 uk Other")
	h.ok(t, alice, "/order delete 2")
	if _, err := h.db.Vote(context.Background(), alice.Key(), "cart-empty", "en", true); err != nil {
		t.Fatal(err)
	}
	reply, err := h.do(alice, "", "/mydata export")
	if err != nil {
		t.Fatal(err)
	}
	if !reply.Ephemeral {
		t.Error("export is not ephemeral")
	}
	text := bot.PlainText(reply)
	wantIn(t, "export", text, "1 order (the next would be #3)", "1 answer vote", "/mydata forget")
	// The JSON blocks, joined, decode to exactly what is stored.
	var js strings.Builder
	for _, b := range reply.Blocks[1 : len(reply.Blocks)-1] {
		js.WriteString(b.(*bot.Text).Text)
	}
	var d store.UserData
	if err := json.Unmarshal([]byte(js.String()), &d); err != nil {
		t.Fatalf("export is not JSON: %v\n%s", err, js.String())
	}
	if len(d.Orders) != 1 || d.Orders[0].Title != `Quotes ' and <b>tags</b> @everyone` || d.Orders[0].Note != "ünïcødé" {
		t.Errorf("exported orders = %+v", d.Orders)
	}
	if d.User != alice.Key() || d.LastOrder != 2 || len(d.Votes) != 1 || d.Votes[0].Topic != "cart-empty" {
		t.Errorf("exported %+v", d)
	}
}

// TestExportLarge checks that a large export is whole: splitting it to a
// platform's block limit is each renderer's work.
func TestExportLarge(t *testing.T) {
	h := newHarness(t)
	for range 40 {
		h.ok(t, alice, "/order add 10 us "+strings.Repeat("Long title ", 18)+"note:"+strings.Repeat("n", 400))
	}
	reply, err := h.do(alice, "", "/mydata export")
	if err != nil {
		t.Fatal(err)
	}
	var js strings.Builder
	for _, b := range reply.Blocks[1 : len(reply.Blocks)-1] {
		js.WriteString(b.(*bot.Text).Text + "\n")
	}
	var d store.UserData
	if err := json.Unmarshal([]byte(js.String()), &d); err != nil || len(d.Orders) != 40 {
		t.Errorf("chunks do not join into the export: %d orders, %v", len(d.Orders), err)
	}
}

func TestMydataForget(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	wantIn(t, "nothing", h.ok(t, alice, "/mydata forget"), "I have nothing stored about you.")
	h.ok(t, alice, "/order add 10 us One")
	h.ok(t, alice, "/order add 10 us Two")
	h.ok(t, bob, "/order add 10 us Bob's")
	h.db.Vote(ctx, alice.Key(), "cart-empty", "en", false)

	reply, err := h.do(alice, "", "/mydata forget")
	if err != nil {
		t.Fatal(err)
	}
	text := bot.PlainText(reply)
	wantIn(t, "ask first", text, "2 orders (the next would be #3)", "1 answer vote", "start again at #1", "or type /mydata forget confirm:yes")
	if len(reply.Buttons) != 1 || reply.Buttons[0].Action != bot.ActionForget || reply.Buttons[0].Style != bot.Danger {
		t.Fatalf("buttons = %+v, want one danger forget button", reply.Buttons)
	}
	if d, _ := h.db.Export(ctx, alice.Key()); len(d.Orders) != 2 {
		t.Fatal("asking deleted data")
	}

	// The button deletes everything; the reply says what went.
	wantIn(t, "button", h.forgetButton(t, alice, reply.Buttons[0].Value, ""), "Done", "2 orders", "1 answer vote")
	d, _ := h.db.Export(ctx, alice.Key())
	if len(d.Orders) != 0 || len(d.Votes) != 0 || d.LastOrder != 0 {
		t.Errorf("after forget: %+v", d)
	}
	wantIn(t, "numbering restarts", h.ok(t, alice, "/order add 1 us Again"), "Order #1 added")
	if d, _ := h.db.Export(ctx, bob.Key()); len(d.Orders) != 1 {
		t.Error("forgetting alice touched bob")
	}

	// The typed confirmation works the same.
	wantIn(t, "typed", h.ok(t, alice, "/mydata forget confirm:yes"), "Done", "1 order")
	if d, _ := h.db.Export(ctx, alice.Key()); len(d.Orders) != 0 {
		t.Error("confirm:yes kept orders")
	}
	wantIn(t, "bad confirm", h.fail(t, alice, "/mydata forget confirm:maybe", bot.Invalid), "confirm must be one of yes")
}
