package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/handlers"
	"github.com/authorbot/authorbot/ledger"
	"github.com/authorbot/authorbot/metrics"
	"github.com/authorbot/authorbot/store"
)

// TestTopicFormDiscord edits a topic through the form on Discord, end to
// end through POST /discord/interactions: /admin topic edit answers with
// a modal of the topic's boxes, its submission with the preview and Save,
// and Save stores the version /ask then answers with.
func TestTopicFormDiscord(t *testing.T) {
	log := slog.New(slog.DiscardHandler)
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "authorbot.db"), log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	k, err := testKB()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	ed, live, err := liveKnowledge(ctx, db, k, log)
	if err != nil {
		t.Fatal(err)
	}
	var d platformDeps
	pub, _ := discordKey()
	d.cfg.Discord.PublicKey = fmt.Sprintf("%x", pub)
	d.cfg.Discord.Token = "bot-token"
	d.cfg.Mod.DiscordChannel = "900" // its server, on the fake, is where Manage Server makes a moderator
	router := handlers.New(log, k, ledger.NewService(db), db, append(live, moderationOf(d.cfg, db, nil), handlers.WithLimits(handlers.Limits{}))...)
	d.router, d.log = router, log
	d.metrics = metrics.New(bot.RequestNames(router.Commands()))
	d.dispatch = &bot.Dispatcher{Handler: router, Log: log, Observe: d.metrics.Observe}
	ps, err := discordPlatformsWith(d, newFakeDiscordREST(t).client())
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	ps[0].routes(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	tr := &transcript{t: t}
	defer func() { t.Log("transcript:\n" + strings.Join(tr.lines, "\n")) }()
	const manageServer = "32"

	tr.add("moderator 333", "/admin topic action:edit args:cart-empty")
	r := postModInteraction(t, srv.URL, memberInteraction(2, "333", manageServer, nil,
		slashData("admin", subOption("topic", value("action", 3, "edit"), value("args", 3, "cart-empty")))))
	if r.Type != 9 || len(r.Data.Components) != bot.MaxModalFields {
		t.Fatalf("/admin topic edit answered type %d with %d rows, want a modal of %d boxes: %+v", r.Type, len(r.Data.Components), bot.MaxModalFields, r)
	}
	tr.add("bot → 333", "opens the modal “"+r.Data.Title+"”")

	en, _, _ := ed.Topic("cart-empty", "en")
	const newBody = "Your cart empties when KDP signs you out.\n\n1. Sign out of KDP.\n2. Clear the browser's cache.\n3. Sign in again and add the copies."
	box := func(id, v string) map[string]any {
		return map[string]any{"type": 1, "components": []map[string]any{{"type": 4, "custom_id": id, "value": v}}}
	}
	tr.add("moderator 333", "submits the answer:\n"+newBody)
	r = postModInteraction(t, srv.URL, memberInteraction(5, "333", manageServer, nil, map[string]any{"custom_id": r.Data.CustomID,
		"components": []map[string]any{box("title", en.Title), box("body", newBody), box("caveat", en.Caveat),
			box("aliases", strings.Join(en.Aliases, "\n")), box("sources", strings.Join(en.Sources, "\n"))}}))
	tr.add("bot → 333 (private)", r.text())
	save := r.button("Save")
	if !strings.Contains(r.text(), "Clear the browser") || save == "" {
		t.Fatalf("the preview lacks the new text or Save: %+v", r)
	}
	tr.add("moderator 333", "presses Save")
	r = postModInteraction(t, srv.URL, memberInteraction(3, "333", manageServer, nil, map[string]any{"custom_id": save, "component_type": 2}))
	tr.add("bot → 333 (private)", r.text())
	hist, err := ed.History(context.Background(), "cart-empty")
	if err != nil || len(hist) != 1 || hist[0].By != "discord::333" {
		t.Fatalf("history %+v (%v), want one version by discord::333", hist, err)
	}
	tr.add("author 111", "/ask my cart is empty")
	r = postModInteraction(t, srv.URL, memberInteraction(2, "111", "0", nil, slashData("ask", value("question", 3, "my cart is empty"))))
	tr.add("bot → 111 (private)", r.text())
	if !strings.Contains(r.text(), "Clear the browser") {
		t.Errorf("/ask after Save: %s", r.text())
	}
}
