package handlers

import (
	"context"
	"strings"
	"testing"

	"github.com/authorbot/authorbot/bot"
)

// TestTopicFormInChat is the transcript of an edit made in chat through
// the form: /admin topic edit without a value opens it prefilled, its
// submission previews the answer and saves nothing, Save stores it as one
// version by the moderator, and /ask answers with the new text.
func TestTopicFormInChat(t *testing.T) {
	r, ed := topicRouter(t, testDB(t))
	ctx := context.Background()
	mod := bot.User{Platform: bot.Discord, Workspace: "G1", ID: "M1", Name: "mod"}
	other := bot.User{Platform: bot.Discord, Workspace: "G1", ID: "M2", Name: "other mod"}
	handle := func(req *bot.Request) (*bot.Reply, error) {
		req.Moderator = func(context.Context) bool { return true }
		return r.Handle(ctx, req)
	}
	say := func(who, what string) { t.Logf("%s: %s", who, what) }

	const line = "/admin topic edit cart-empty"
	req, err := r.Parse(line)
	if err != nil {
		t.Fatal(err)
	}
	req.User = mod
	say("moderator", line)
	opened, err := handle(req)
	if err != nil {
		t.Fatal(err)
	}
	m := opened.Modal
	if m == nil || m.Action != bot.ActionTopicForm || m.Value != "cart-empty/en" || len(m.Fields) > bot.MaxModalFields {
		t.Fatalf("no form opened: %+v", m)
	}
	values := map[string]string{}
	for _, f := range m.Fields {
		values[f.ID] = f.Value
		if len(f.Value) > bot.ModalFieldText {
			t.Errorf("field %s holds %d characters, more than a modal takes", f.ID, len(f.Value))
		}
	}
	before, _, _ := ed.Topic("cart-empty", "en")
	if values["title"] != before.Title || values["body"] != before.Body || values["sources"] != strings.Join(before.Sources, "\n") {
		t.Errorf("the form is not prefilled with the topic: %q", values)
	}
	say("bot", "opens the form «"+m.Title+"» with "+strings.Join(fieldIDs(m.Fields), ", "))

	const newBody = "Your cart empties when KDP signs you out.\n\n1. Sign out of KDP.\n2. Clear the browser's cache.\n3. Sign in again and add the copies."
	sub := &bot.Request{User: mod, Action: m.Action, Options: map[string]string{"value": m.Value, "text": "",
		"title": values["title"], "body": newBody, "caveat": values["caveat"], "aliases": values["aliases"], "sources": values["sources"]}}
	say("moderator", "submits the form with the answer:\n"+newBody)
	preview, err := handle(sub)
	if err != nil {
		t.Fatal(err)
	}
	say("bot", bot.PlainText(preview))
	if !strings.Contains(bot.PlainText(preview), "Clear the browser's cache.") || len(preview.Buttons) != 2 {
		t.Fatalf("preview without the new text or its buttons:\n%s", bot.PlainText(preview))
	}
	if hist, _ := ed.History(ctx, "cart-empty"); len(hist) != 0 {
		t.Fatalf("the preview stored %d versions", len(hist))
	}
	if got := askText(t, r, "my cart is empty"); strings.Contains(got, "Clear the browser's cache.") {
		t.Fatalf("authors read the draft before it was saved:\n%s", got)
	}

	save := preview.Buttons[0]
	if _, err := handle(&bot.Request{User: other, Action: save.Action, Options: map[string]string{"value": save.Value}}); err == nil {
		t.Error("another moderator saved someone's draft")
	}
	say("moderator", "presses "+save.Label)
	saved, err := handle(&bot.Request{User: mod, Action: save.Action, Options: map[string]string{"value": save.Value}})
	if err != nil {
		t.Fatal(err)
	}
	say("bot", bot.PlainText(saved))
	hist, _ := ed.History(ctx, "cart-empty")
	if len(hist) != 1 || hist[0].By != mod.Key() {
		t.Fatalf("history %+v, want one version by %s", hist, mod.Key())
	}
	got := askText(t, r, "my cart is empty")
	say("author", "/ask my cart is empty")
	say("bot", got)
	if !strings.Contains(got, "Clear the browser's cache.") {
		t.Errorf("/ask does not answer with the saved text:\n%s", got)
	}
	if _, err := handle(&bot.Request{User: mod, Action: save.Action, Options: map[string]string{"value": save.Value}}); err == nil {
		t.Error("a draft was saved twice")
	}

	// The console keeps the one-line form.
	req, _ = r.Parse(line)
	req.User = bot.User{Platform: bot.Console, ID: "operator"}
	if _, err := handle(req); bot.ErrorCode(err) != bot.Invalid {
		t.Errorf("the console got %v, want the usage of the one-line form", err)
	}
}

func fieldIDs(fs []bot.ModalField) []string {
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.ID)
	}
	return ids
}

// askText asks the router, as an author, and returns the answer as text.
func askText(t *testing.T, r *Router, question string) string {
	t.Helper()
	reply, err := r.Handle(context.Background(), &bot.Request{User: bot.User{Platform: bot.Slack, Workspace: "T1", ID: "UAUTHOR"},
		Command: "ask", Options: map[string]string{"question": question}})
	if err != nil {
		t.Fatal(err)
	}
	return bot.PlainText(reply)
}
