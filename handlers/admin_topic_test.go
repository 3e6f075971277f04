package handlers

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/kbedit"
	"github.com/authorbot/authorbot/store"
)

// editorDay is the clock of the topic editor in these tests.
var editorDay = time.Date(2026, time.December, 4, 9, 30, 0, 0, time.UTC)

// topicRouter is a router whose knowledge base moderators can change,
// over db, and the editor behind it.
func topicRouter(t *testing.T, db *store.DB) (*Router, *kbedit.Editor) {
	t.Helper()
	ed, err := kbedit.New(context.Background(), db, slog.New(slog.DiscardHandler), kbedit.WithClock(func() time.Time { return editorDay }), kbedit.WithBase(testKB(t)))
	if err != nil {
		t.Fatal(err)
	}
	r := testRouter(t, db, WithKnowledge(ed), WithTopicEditor(ed), WithClock(func() time.Time { return editorDay }))
	return r, ed
}

// topicCmd runs /admin topic sub with the one-line args, as the /admin
// family will, and returns the reply as plain text.
func topicCmd(t *testing.T, r *Router, locale, sub, args string) (string, error) {
	t.Helper()
	h, ok := r.topicSubcommands()[sub]
	if !ok {
		t.Fatalf("no subcommand %q", sub)
	}
	req := &bot.Request{
		User:    bot.User{Platform: bot.Slack, Workspace: "T1", ID: "UMOD"},
		Command: "admin", Sub: "topic",
		Options: map[string]string{"args": args},
		Locale:  locale,
		Line:    "/admin topic " + sub + " " + args,
	}
	reply, err := h(context.Background(), req)
	if err != nil {
		return "", err
	}
	return bot.PlainText(reply), nil
}

// askTitle asks the router, as an author, and returns the title of the
// answer.
func askTitle(t *testing.T, r *Router, question string) string {
	t.Helper()
	req := &bot.Request{User: bot.User{Platform: bot.Slack, Workspace: "T1", ID: "UAUTHOR"}, Command: "ask",
		Options: map[string]string{"question": question}}
	reply, err := r.Handle(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	return reply.Title
}

// TestTopicEditInChat is the transcript of an edit made in chat: a
// preview that saves nothing, then the saved change, which /ask answers
// with at once.
func TestTopicEditInChat(t *testing.T) {
	r, ed := topicRouter(t, testDB(t))
	const oldTitle, newTitle = "How do I cancel an author copy order?", "How do I cancel an order of author copies?"
	if got := askTitle(t, r, "how do I cancel my order"); got != oldTitle {
		t.Fatalf("before: %q", got)
	}

	preview, err := topicCmd(t, r, "en", "edit", "cancel-order title "+newTitle)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("transcript: /admin topic edit cancel-order title %s\n%s", newTitle, preview)
	for _, want := range []string{"Preview, not saved", newTitle, "/admin topic edit cancel-order title " + newTitle + " save:yes", "1. Open Your Orders"} {
		if !strings.Contains(preview, want) {
			t.Errorf("preview lacks %q:\n%s", want, preview)
		}
	}
	if got := askTitle(t, r, "how do I cancel my order"); got != oldTitle {
		t.Fatalf("a preview changed the answer: %q", got)
	}

	saved, err := topicCmd(t, r, "en", "edit", "cancel-order title "+newTitle+" save:yes")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("transcript: /admin topic edit cancel-order title %s save:yes\n%s", newTitle, saved)
	if !strings.Contains(saved, "Saved as version 1") || !strings.Contains(saved, newTitle) {
		t.Errorf("saved reply:\n%s", saved)
	}
	if got := askTitle(t, r, "how do I cancel my order"); got != newTitle {
		t.Errorf("after the edit /ask answers with %q", got)
	}
	if ed.Version() != 1 {
		t.Errorf("version = %d", ed.Version())
	}

	show, err := topicCmd(t, r, "en", "show", "cancel-order")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("transcript: /admin topic show cancel-order\n%s", show)
	for _, want := range []string{"Version: 1, by slack:T1:UMOD on 2026-12-04", "Last checked: 2025-11-15", newTitle} {
		if !strings.Contains(show, want) {
			t.Errorf("show lacks %q:\n%s", want, show)
		}
	}
}

func TestTopicHistoryRevertVerifyHide(t *testing.T) {
	r, _ := topicRouter(t, testDB(t))
	run := func(sub, args string) string {
		t.Helper()
		out, err := topicCmd(t, r, "en", sub, args)
		if err != nil {
			t.Fatalf("%s %s: %v", sub, args, err)
		}
		return out
	}
	if out := run("history", "cancel-order"); !strings.Contains(out, "No moderator has changed cancel-order") {
		t.Errorf("history before any change:\n%s", out)
	}
	run("edit", "cancel-order fr title Annuler une commande save:yes")
	out := run("verify", "cancel-order save:yes")
	if !strings.Contains(out, "Saved as version 2") || !strings.Contains(out, "2026-12-04") {
		t.Errorf("verify:\n%s", out)
	}
	out = run("history", "cancel-order")
	t.Logf("transcript: /admin topic history cancel-order\n%s", out)
	for _, want := range []string{"Version 2 · 2026-12-04 09:30 UTC · checked · slack:T1:UMOD", "Version 1 · 2026-12-04 09:30 UTC · edited"} {
		if !strings.Contains(out, want) {
			t.Errorf("history lacks %q:\n%s", want, out)
		}
	}
	run("revert", "cancel-order save:yes") // back to version 1: French title kept, date not
	if out := run("show", "cancel-order fr"); !strings.Contains(out, "Annuler une commande") || strings.Contains(out, "Dernière vérification : 2026-12-04") {
		t.Errorf("after revert:\n%s", out)
	}
	if out := run("show", "cancel-order fr"); !strings.Contains(out, "2025-11-15") {
		t.Errorf("revert kept the verify stamp:\n%s", out)
	}
	out = run("hide", "cancel-order")
	if !strings.Contains(out, "Preview, not saved") || !strings.Contains(out, "hidden in every language") {
		t.Errorf("hide preview:\n%s", out)
	}
	run("hide", "cancel-order save:yes")
	if got := askTitle(t, r, "how do I cancel my order"); got == "Annuler une commande" || got == "How do I cancel an author copy order?" {
		t.Errorf("a hidden topic answered: %q", got)
	}
	if out := run("show", "cancel-order"); !strings.Contains(out, "Hidden: authors do not get this answer") {
		t.Errorf("show of a hidden topic:\n%s", out)
	}
	run("revert", "cancel-order 0 save:yes")
	if got := askTitle(t, r, "how do I cancel my order"); got != "How do I cancel an author copy order?" {
		t.Errorf("after revert to the base: %q", got)
	}
}

func TestTopicAdd(t *testing.T) {
	r, _ := topicRouter(t, testDB(t))
	out, err := topicCmd(t, r, "en", "add", "proof-returns proofs Can I return a proof copy? | No: proof copies cannot be returned. | KDP Help: Proof Copies save:yes")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Saved as version 1") || !strings.Contains(out, "proof copies cannot be returned") {
		t.Errorf("add:\n%s", out)
	}
	if got := askTitle(t, r, "can I return a proof copy"); got != "Can I return a proof copy?" {
		t.Errorf("/ask after add: %q", got)
	}
	_, err = topicCmd(t, r, "en", "add", "cart-empty cart Title | Body | Source save:yes")
	if bot.ErrorCode(err) != bot.Conflict || !strings.Contains(err.Error(), "cart-empty exists already") {
		t.Errorf("adding an existing topic: %v", err)
	}
}

func TestTopicErrors(t *testing.T) {
	r, ed := topicRouter(t, testDB(t))
	for _, tc := range []struct {
		locale, sub, args, code, want string
	}{
		{"en", "edit", "cancel-order fr sources save:yes", bot.Invalid,
			"Nothing was saved: the knowledge base's checks found 2 problems.\n- fr/cancel-order.md: missing required key \"sources\"\n- cancel-order: number of sources 2 in en but 0 in fr"},
		{"fr", "edit", "cancel-order colour red", bot.Invalid, "colour ne peut pas être modifié."},
		{"en", "edit", "no-such-topic title x", bot.NotFound, "There is no topic no-such-topic"},
		{"en", "revert", "cancel-order 7", bot.NotFound, "cancel-order has no version 7"},
		{"de", "show", "", bot.Invalid, "Verwendung: /admin topic show TOPIC [LANG]"},
	} {
		_, err := topicCmd(t, r, tc.locale, tc.sub, tc.args)
		if bot.ErrorCode(err) != tc.code || err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %s: err = %v (%s), want %s with %q", tc.sub, tc.args, err, bot.ErrorCode(err), tc.code, tc.want)
		}
	}
	if ed.Version() != 0 {
		t.Errorf("a refused change was stored: version %d", ed.Version())
	}
	noEditor := testRouter(t, testDB(t))
	if _, err := topicCmd(t, noEditor, "en", "show", "cancel-order"); bot.ErrorCode(err) != bot.Conflict {
		t.Errorf("without an editor: %v", err)
	}
}

func TestParseTopicArgs(t *testing.T) {
	for _, tc := range []struct {
		sub, line string
		want      map[string]string
	}{
		{"show", "cancel-order", map[string]string{"topic": "cancel-order"}},
		{"show", "cancel-order fr", map[string]string{"topic": "cancel-order", "lang": "fr"}},
		{"edit", "cancel-order title How do I cancel?  Now", map[string]string{"topic": "cancel-order", "field": "title", "value": "How do I cancel?  Now"}},
		{"edit", "cancel-order de caveat Nur bis zum Versand. save:yes", map[string]string{"topic": "cancel-order", "lang": "de", "field": "caveat", "value": "Nur bis zum Versand.", "save": "yes"}},
		{"edit", "cancel-order caveat", map[string]string{"topic": "cancel-order", "field": "caveat", "value": ""}},
		{"edit", "cancel-order sources KDP Help: Orders | KDP Help: Cancel", map[string]string{"topic": "cancel-order", "field": "sources", "value": "KDP Help: Orders | KDP Help: Cancel"}},
		{"revert", "cancel-order 3 save:yes", map[string]string{"topic": "cancel-order", "version": "3", "save": "yes"}},
		{"revert", "cancel-order", map[string]string{"topic": "cancel-order"}},
		{"add", "x-y proofs T | B | S", map[string]string{"topic": "x-y", "theme": "proofs", "title": "T", "body": "B", "sources": "S"}},
		{"hide", "cancel-order extra", nil},
		{"edit", "cancel-order", map[string]string{"topic": "cancel-order", "field": "", "value": ""}},
		{"add", "x-y proofs only a title", nil},
		{"history", "", nil},
	} {
		got, ok := parseTopicArgs(tc.sub, tc.line)
		if !ok {
			got = nil
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("parseTopicArgs(%q, %q) mismatch (-want +got):\n%s", tc.sub, tc.line, diff)
		}
	}
}

// TestRouterFollowsTheKnowledgeBase shows that a router built
// WithKnowledge answers from whichever knowledge base is in effect at each
// request, and builds each generation once.
func TestRouterFollowsTheKnowledgeBase(t *testing.T) {
	db := testDB(t)
	r, ed := topicRouter(t, db)
	first := r.current()
	if first != r {
		t.Fatal("a new router delegates before any change")
	}
	if _, err := ed.EditField(context.Background(), "u", "cart-empty", "en", "title", "Empty cart?", true); err != nil {
		t.Fatal(err)
	}
	g := r.current()
	if g == r || g != r.current() || g.kb != ed.Current() {
		t.Fatal("the router did not build one generation for the new knowledge base")
	}
	if got := askTitle(t, r, "my cart is empty"); got != "Empty cart?" {
		t.Errorf("answer title = %q", got)
	}
	choices := r.Complete(context.Background(), &bot.Request{Command: "help"}, "topic", "empty cart")
	if len(choices) == 0 || choices[0].Name != "Empty cart?" {
		t.Errorf("autocomplete after the change: %+v", choices)
	}
}

// TestAdminTopicCommand runs /admin topic as typed, through the command
// tree: moderators preview and save, anyone else is refused.
func TestAdminTopicCommand(t *testing.T) {
	r, _ := topicRouter(t, testDB(t))
	const newTitle = "How do I cancel an order of author copies?"
	run := func(u bot.User, line string) (string, error) {
		t.Helper()
		req, err := r.Parse(line)
		if err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		req.User = u
		req.Moderator = func(context.Context) bool { return u.ID == "UMOD" }
		reply, err := r.Handle(context.Background(), req)
		if err != nil {
			return "", err
		}
		return bot.PlainText(reply), nil
	}
	mod := bot.User{Platform: bot.Slack, Workspace: "T1", ID: "UMOD"}
	if _, err := run(bot.User{Platform: bot.Slack, Workspace: "T1", ID: "UAUTHOR"}, "/admin topic edit cancel-order title "+newTitle+" save:yes"); err == nil {
		t.Fatal("an author changed a topic")
	}
	preview, err := run(mod, "/admin topic edit cancel-order title "+newTitle)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(preview, "/admin topic edit cancel-order title "+newTitle+" save:yes") {
		t.Errorf("preview does not say how to save:\n%s", preview)
	}
	if _, err := run(mod, "/admin topic edit cancel-order title "+newTitle+" save:yes"); err != nil {
		t.Fatal(err)
	}
	if got := askTitle(t, r, "how do I cancel my order"); got != newTitle {
		t.Errorf("after saving, /ask answers %q", got)
	}
	shown, err := run(mod, "/admin topic show cancel-order")
	if err != nil || !strings.Contains(shown, newTitle) {
		t.Errorf("show: %v\n%s", err, shown)
	}
}

// TestAdminDashboardLink checks that /admin dashboard gives a moderator
// their own link, privately, and anyone else nothing.
func TestAdminDashboardLink(t *testing.T) {
	var asked []bot.User
	r := testRouter(t, testDB(t), WithSignInLinks(func(_ context.Context, u bot.User) (string, error) {
		asked = append(asked, u)
		return "https://bot.example/admin/signin?t=secret", nil
	}))
	mod := bot.User{Platform: bot.Discord, Workspace: "G1", ID: "M1", Name: "mod"}
	req, err := r.Parse("/admin dashboard")
	if err != nil {
		t.Fatal(err)
	}
	req.User, req.Moderator = mod, func(context.Context) bool { return true }
	reply, err := r.Handle(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if !reply.Ephemeral {
		t.Error("the link is posted for everyone to see")
	}
	if !strings.Contains(bot.PlainText(reply), "https://bot.example/admin/signin?t=secret") {
		t.Errorf("no link in:\n%s", bot.PlainText(reply))
	}
	if diff := cmp.Diff([]bot.User{mod}, asked); diff != "" {
		t.Errorf("link made for (-want +got):\n%s", diff)
	}

	req.User, req.Moderator = bot.User{Platform: bot.Discord, Workspace: "G1", ID: "A1"}, func(context.Context) bool { return false }
	if _, err := r.Handle(context.Background(), req); err == nil || len(asked) != 1 {
		t.Errorf("an author got a link: %v, %d made", err, len(asked))
	}
}

// TestStatsNameTopicsToCareFor checks that /admin stats and the digest
// list the topics unchecked for a year, as the knowledge base in effect
// dates them (a verify takes one off), and those a new release changed
// under a moderator's version.
func TestStatsNameTopicsToCareFor(t *testing.T) {
	ctx := context.Background()
	db := testDB(t)
	later := editorDay.AddDate(3, 0, 0) // every built-in topic is unchecked by then
	ed, err := kbedit.New(ctx, db, slog.New(slog.DiscardHandler), kbedit.WithClock(func() time.Time { return later }), kbedit.WithBase(testKB(t)))
	if err != nil {
		t.Fatal(err)
	}
	en, _, _ := ed.Topic("cart-empty", "en")
	old := *en
	old.Title = "A moderator's title over an older release"
	if _, err := db.AddKBChanges(ctx, []kbedit.Change{{Topic: "cart-empty", Action: kbedit.Edit, By: "mod", At: editorDay,
		Files: map[string]string{"en": string(old.Markdown())}, BaseHash: "0123456789abcdef"}}); err != nil {
		t.Fatal(err)
	}
	if err := ed.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := ed.Verify(ctx, "mod", "cancel-order", true); err != nil {
		t.Fatal(err)
	}
	r := testRouter(t, db, WithKnowledge(ed), WithTopicEditor(ed), WithClock(func() time.Time { return later }),
		WithModeration(Moderation{Gaps: db, Handoffs: db, Examples: db}))
	req, err := r.Parse("/admin stats")
	if err != nil {
		t.Fatal(err)
	}
	req.User, req.Moderator = modUser, func(context.Context) bool { return true }
	reply, err := r.Handle(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	digest, err := r.DigestReply(ctx, later, "en")
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"stats": bot.PlainText(reply), "digest": bot.PlainText(digest)} {
		if !strings.Contains(text, "not checked for a year") || !strings.Contains(text, "(advantage-preorder), last checked") {
			t.Errorf("%s does not list the unchecked topics:\n%s", name, text)
		}
		if strings.Contains(text, "(cancel-order), last checked") {
			t.Errorf("%s lists a topic verified today:\n%s", name, text)
		}
		if !strings.Contains(text, "changed by a new release") || !strings.Contains(text, "(cart-empty)") {
			t.Errorf("%s does not name the drifted topic:\n%s", name, text)
		}
	}
}
