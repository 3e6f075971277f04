package handlers

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/ledger"
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

// exportFile runs /mydata export as user and returns the reply's text and
// the decoded file, failing unless the reply carries a JSON file.
func (h *harness) exportFile(t testing.TB, user bot.User) (string, ledger.UserData, *bot.File) {
	t.Helper()
	reply, err := h.do(user, "", "/mydata export")
	if err != nil {
		t.Fatal(err)
	}
	if !reply.Ephemeral {
		t.Error("export is not ephemeral")
	}
	f := reply.File
	if f == nil {
		t.Fatalf("export has no file:\n%s", bot.PlainText(reply))
	}
	var d ledger.UserData
	if err := json.Unmarshal(f.Data, &d); err != nil {
		t.Fatalf("export file is not JSON: %v\n%s", err, f.Data)
	}
	return bot.PlainText(reply), d, f
}

func TestMydataExport(t *testing.T) {
	h := newHarness(t)
	text, d, _ := h.exportFile(t, alice)
	wantIn(t, "empty export", text, "0 orders", "0 answer votes")
	if len(d.Orders) != 0 || d.User != alice.Key() {
		t.Errorf("empty export = %+v", d)
	}

	h.ok(t, alice, `/order add 10 us title:"Quotes ' and <b>tags</b> @everyone" note:ünïcødé`)
	h.ok(t, alice, "/order add 2 uk Other")
	h.ok(t, alice, "/order delete 2")
	if _, err := h.db.Vote(context.Background(), alice.Key(), "cart-empty", "en", true); err != nil {
		t.Fatal(err)
	}
	text, d, f := h.exportFile(t, alice)
	wantIn(t, "export", text, "authorbot-data-2026-11-22.json", "1 order (the next would be #3)", "1 answer vote", "/mydata forget")
	// The reply says what the file holds; the orders are in the file only.
	wantNotIn(t, "export text", text, "Quotes", "ünïcødé", `"orders"`)
	if f.Name != "authorbot-data-2026-11-22.json" || f.ContentType != "application/json" {
		t.Errorf("file %q, %q; want authorbot-data-2026-11-22.json, application/json", f.Name, f.ContentType)
	}
	if !strings.Contains(string(f.Data), "\n  \"orders\": [") {
		t.Errorf("export is not indented JSON:\n%s", f.Data)
	}
	// The file decodes to exactly what is stored, and no chat reads a
	// mention in it.
	if strings.Contains(string(f.Data), "@") {
		t.Errorf("export has a bare @:\n%s", f.Data)
	}
	if len(d.Orders) != 1 || d.Orders[0].Title != `Quotes ' and <b>tags</b> @everyone` || d.Orders[0].Note != "ünïcødé" {
		t.Errorf("exported orders = %+v", d.Orders)
	}
	if d.User != alice.Key() || d.LastOrder != 2 || len(d.Votes) != 1 || d.Votes[0].Topic != "cart-empty" {
		t.Errorf("exported %+v", d)
	}
}

// TestExportWhole: the file holds every order, however many (a chat
// message showed 48 of 200 on Slack and 2 on Discord), and the reply
// counts them.
func TestExportWhole(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	for i := range 200 {
		if _, err := h.db.AddOrder(ctx, ledger.Order{User: alice.Key(), Quantity: 10, Marketplace: "amazon.com",
			Title: strings.Repeat("Long title ", 18) + fmt.Sprint(i+1), Note: strings.Repeat("n", 400)}); err != nil {
			t.Fatal(err)
		}
	}
	text, d, _ := h.exportFile(t, alice)
	wantIn(t, "count", text, "200 orders (the next would be #201)")
	if len(d.Orders) != 200 || d.Orders[199].Number != 200 || !strings.HasSuffix(d.Orders[199].Title, " 200") {
		t.Errorf("the file holds %d orders, want 200", len(d.Orders))
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
