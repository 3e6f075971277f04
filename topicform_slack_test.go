package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/store"
)

// TestTopicFormSlack edits a topic through the form on Slack, end to
// end: /authorbot admin topic edit opens the modal with the command's
// trigger, its submission is answered with the preview and its Save
// button, and Save stores the version /ask then answers with.
func TestTopicFormSlack(t *testing.T) {
	api := newFakeSlackAPI(t)
	dbPath := filepath.Join(t.TempDir(), "authorbot.db")
	db, err := store.Open(context.Background(), dbPath, slog.New(slog.DiscardHandler))
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
	ed, live, err := liveKnowledge(ctx, db, k, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	base := modServer(t, api, dbPath, live...)
	hook := newResponseHook(t)
	tr := &transcript{t: t}
	defer func() { t.Log("transcript:\n" + strings.Join(tr.lines, "\n")) }()

	tr.add("moderator UMOD", "/authorbot admin topic edit cart-empty")
	form := slashForm("T1", "UMOD", "/authorbot", "admin topic edit cart-empty")
	form.Set("response_url", hook.srv.URL)
	trigger := form.Get("trigger_id")
	if status, body := slackPost(t, base, "/slack/commands", form); status != http.StatusOK || body != "" {
		t.Fatalf("command: status %d, body %q; want an empty 200 behind the modal", status, body)
	}
	api.waitFor(t, "views.open")
	api.mu.Lock()
	view := api.views[len(api.views)-1]
	api.mu.Unlock()
	tr.add("bot → UMOD", "opens the modal “"+view.View.Title.Text+"”")
	if view.Trigger != trigger || view.View.CallbackID != bot.ActionTopicForm {
		t.Fatalf("views.open with trigger %q, callback %q; want %q, %q", view.Trigger, view.View.CallbackID, trigger, bot.ActionTopicForm)
	}

	en, _, _ := ed.Topic("cart-empty", "en")
	const newBody = "Your cart empties when KDP signs you out.\n\n1. Sign out of KDP.\n2. Clear the browser's cache.\n3. Sign in again and add the copies."
	tr.add("moderator UMOD", "submits the answer:\n"+newBody)
	box := func(v string) map[string]any { return map[string]any{"type": "plain_text_input", "value": v} }
	submission, _ := json.Marshal(map[string]any{
		"type": "view_submission", "team": map[string]any{"id": "T1"},
		"user": map[string]any{"id": "UMOD", "username": "mod", "team_id": "T1"},
		"view": map[string]any{"callback_id": view.View.CallbackID, "private_metadata": view.View.PrivateMetadata,
			"state": map[string]any{"values": map[string]any{
				"title":   map[string]any{"title": box(en.Title)},
				"body":    map[string]any{"body": box(newBody)},
				"sources": map[string]any{"sources": box(strings.Join(en.Sources, "\n"))},
			}}},
	})
	if status, body := slackPost(t, base, "/slack/interactions", url.Values{"payload": {string(submission)}}); status != http.StatusOK || body != "" {
		t.Fatalf("view submission: status %d, body %q", status, body)
	}
	preview := hook.next(t)
	tr.add("bot → UMOD (private)", preview.Text)
	if !strings.Contains(string(preview.Blocks), "Clear the browser") || !strings.Contains(string(preview.Blocks), bot.ActionTopicSave+":") {
		t.Fatalf("the preview lacks the new text or Save:\n%s", preview.Blocks)
	}
	if r := slash(t, base, "T1", "U1", "/ask", "my cart is empty"); strings.Contains(string(r.Blocks), "Clear the browser") {
		t.Fatal("authors read the draft before it was saved")
	}

	tr.add("moderator UMOD", "presses Save")
	pressSlack(t, base, "UMOD", hook.srv.URL, button(blockValue(t, string(preview.Blocks), bot.ActionTopicSave+":")))
	saved := hook.next(t)
	tr.add("bot → UMOD (private)", saved.Text)
	hist, err := ed.History(context.Background(), "cart-empty")
	if err != nil || len(hist) != 1 || hist[0].By != "slack:T1:UMOD" {
		t.Fatalf("history %+v (%v), want one version by slack:T1:UMOD", hist, err)
	}

	tr.add("author U1", "/ask my cart is empty")
	r := slash(t, base, "T1", "U1", "/ask", "my cart is empty")
	tr.add("bot → U1 (private)", r.Text)
	if !strings.Contains(string(r.Blocks), "Clear the browser") {
		t.Errorf("/ask after Save: %s", r.Blocks)
	}
}
