package main

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/config"
	"github.com/authorbot/authorbot/dashboard"
	"github.com/authorbot/authorbot/handlers"
	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/kb"
	"github.com/authorbot/authorbot/kbedit"
	"github.com/authorbot/authorbot/ledger"
	"github.com/authorbot/authorbot/moderation"
	"github.com/authorbot/authorbot/store"
)

// chromiumPath is where Debian's chromium package puts the browser;
// .ci/run installs it when it is missing.
const chromiumPath = "/usr/bin/chromium"

// realDashboard is the dashboard as serve builds it: a SQLite database,
// the knowledge base's editor over it, the router answering from it, and
// the adapters between them and the dashboard.
type realDashboard struct {
	db     *store.DB
	ed     *kbedit.Editor
	router *handlers.Router
	ts     *httptest.Server
}

func newRealDashboard(t *testing.T) *realDashboard {
	t.Helper()
	ctx := context.Background()
	log := slog.New(slog.DiscardHandler)
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "authorbot.db"), log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	// A moderator's version made over an older release's text: the
	// upgrade changed the topic under it (kbedit's Drifted).
	old, _ := k.Entry(driftedTopic, "en")
	over := *old
	over.Title = "Is this printing defect within tolerance? (our community's version)"
	if _, err := db.AddKBChanges(ctx, []kbedit.Change{{Topic: driftedTopic, Action: kbedit.Edit, By: "slack:T1:U7", At: time.Now().AddDate(0, -2, 0),
		Files: map[string]string{"en": string(over.Markdown())}, BaseHash: "0123456789abcdef"}}); err != nil {
		t.Fatal(err)
	}
	ed, live, err := liveKnowledge(ctx, db, k, log)
	if err != nil {
		t.Fatal(err)
	}
	// The server first: its address is the one the links name.
	mux := http.NewServeMux()
	ts := httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	cfg := config.Config{PublicURL: ts.URL}
	opts := append(live, moderationOf(cfg, db, nil), handlers.WithSignInLinks(signInLinks(cfg, db)))
	router := handlers.New(log, k, ledger.NewService(db), db, opts...)
	dash, err := newDashboard(cfg, db, k, &dashSources{db: db, ed: ed, r: router, now: time.Now}, log)
	if err != nil {
		t.Fatal(err)
	}
	mux.Handle(dashboard.Prefix, dash.Handler())
	return &realDashboard{db: db, ed: ed, router: router, ts: ts}
}

// ask asks the router, as an author on Slack, and returns the answer.
func (d *realDashboard) ask(t *testing.T, question string) string {
	t.Helper()
	reply, err := d.router.Handle(context.Background(), &bot.Request{User: bot.User{Platform: bot.Slack, Workspace: "T1", ID: "UAUTHOR"},
		Command: "ask", Options: map[string]string{"question": question}, Locale: "en"})
	if err != nil {
		t.Fatal(err)
	}
	return bot.PlainText(reply)
}

// seed records a month of questions and a missed one, as the router
// counts and keeps them.
func (d *realDashboard) seed(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	today := time.Now().UTC().Truncate(24 * time.Hour)
	var asked []moderation.Asked
	for i := range 30 {
		day := today.AddDate(0, 0, -i)
		asked = append(asked,
			moderation.Asked{Day: day, Platform: "slack", Lang: "en", Topic: "cart-empty", Answered: true, Count: 3 + i%4},
			moderation.Asked{Day: day, Platform: "discord", Lang: "fr", Count: 1 + i%2})
	}
	if err := d.db.CountQuestions(ctx, asked); err != nil {
		t.Fatal(err)
	}
	if _, err := d.db.AddGap(ctx, moderation.Gap{User: "slack:T1:UAUTHOR", Kind: "declined", Question: unknownGiftWrap,
		Lang: "en", Platform: "slack", Workspace: "T1", Created: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.db.AddHandoff(ctx, moderation.Handoff{User: "slack:T1:UOTHER", Platform: "slack", Workspace: "T1", UserID: "UOTHER",
		Question: "my proof copy has a printer's mark on the cover", Lang: "en", Status: moderation.Open, Created: time.Now()}); err != nil {
		t.Fatal(err)
	}
}

// driftedTopic is the topic a new release changed under a moderator's
// version, in newRealDashboard.
const driftedTopic = "print-defects"

// unknownGiftWrap is a question the knowledge base does not answer.
const unknownGiftWrap = "can amazon gift wrap author copies for my readers"

// TestDashboardOnRealParts walks the dashboard in a real browser, on the
// parts serve puts together: sign in with a link, see the plot made from
// the database's figures, teach the search a missed question, edit a
// topic with the live preview, and /ask then answers with the new text;
// the link, used once, is refused the second time. It writes a screenshot
// of every page to the folder it names.
func TestDashboardOnRealParts(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skip("no Chromium at " + chromiumPath + " (apt-get install chromium; .ci/run does it)")
	}
	d := newRealDashboard(t)
	d.seed(t)
	dir := os.Getenv("AUTHORBOT_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots of each page: %s", dir)
	// The moderator asks for the link in chat, and gets it privately.
	mod := bot.User{Platform: bot.Slack, Workspace: "T1", ID: "U42", Name: "Ada"}
	req, err := d.router.Parse("/admin dashboard")
	if err != nil {
		t.Fatal(err)
	}
	req.User, req.Moderator = mod, func(context.Context) bool { return true }
	reply, err := d.router.Handle(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	var link string
	for _, b := range reply.Blocks {
		if l, ok := b.(*bot.Link); ok {
			link = l.URL
		}
	}
	if !reply.Ephemeral || !strings.HasPrefix(link, d.ts.URL+dashboard.Prefix+"sign-in/") {
		t.Fatalf("/admin dashboard answered (private %v) with the link %q", reply.Ephemeral, link)
	}

	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromiumPath), chromedp.Flag("headless", true), chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true), chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("window-size", "1280,900"),
		chromedp.UserDataDir(t.TempDir()))
	defer cancel()
	ctx, cancelCtx := chromedp.NewContext(alloc, chromedp.WithErrorf(t.Logf))
	defer cancelCtx()
	ctx, cancelTimeout := context.WithTimeout(ctx, time.Minute)
	defer cancelTimeout()

	shot := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			png, err := chromedp.FullScreenshot(100)(ctx, tg)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
		})
	}
	step := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	click := func(what string, a chromedp.Action[chromedp.Void]) {
		t.Helper()
		if _, err := chromedp.RunResponse(ctx, a); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}

	step("open the link", chromedp.Navigate(link), chromedp.WaitVisible(chromedp.ID("sign-in")), shot("01-sign-in"))
	click("sign in", chromedp.Click(chromedp.CSS("#sign-in button")))
	step("see the overview", chromedp.WaitVisible(chromedp.ID("chart-questions")), shot("02-overview"))
	bars, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#chart-questions rect").length`))
	if err != nil || bars < 30 {
		t.Errorf("the questions plot has %d bars (%v), want a month of them", bars, err)
	}

	// A missed question, taught to the search from the gaps page.
	if got := d.ask(t, unknownGiftWrap); strings.Contains(got, "Can I resell") {
		t.Fatalf("already answered before the assignment:\n%s", got)
	}
	step("see the gaps", chromedp.Navigate(d.ts.URL+"/admin/gaps"), chromedp.WaitVisible(chromedp.ID("gaps")))
	gapRow, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#gaps tbody tr").id`))
	if err != nil || gapRow == "" {
		t.Fatalf("no gap on the page (%v)", err)
	}
	step("assign the gap", chromedp.SetValue(chromedp.CSS("#"+gapRow+" select"), "reselling-copies"))
	click("assign", chromedp.Click(chromedp.CSS("#"+gapRow+" button")))
	step("see the gap assigned", chromedp.WaitVisible(chromedp.ID("assigned")), shot("03-gaps"))
	badge, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector("#`+gapRow+` .badge") || {}).textContent || ""`))
	if err != nil || !strings.Contains(badge, "reselling-copies") {
		t.Errorf("the gap's row shows %q (%v), want the topic it was assigned", badge, err)
	}
	_, examples, err := d.db.Examples(context.Background())
	if err != nil || len(examples) != 1 || examples[0].Topic != "reselling-copies" || examples[0].AddedBy != mod.Key() {
		t.Errorf("learned examples %+v (%v), want the question labelled reselling-copies by %s", examples, err, mod.Key())
	}

	step("see the handoffs", chromedp.Navigate(d.ts.URL+"/admin/handoffs"), chromedp.WaitVisible(chromedp.ID("handoffs")), shot("04-handoffs"))
	step("see the topics, and the one a release changed under a moderator's version",
		chromedp.Navigate(d.ts.URL+"/admin/topics"), chromedp.WaitVisible(chromedp.ID("topic-cart-empty")),
		chromedp.WaitVisible(chromedp.ID("drifted-"+driftedTopic)), shot("05-topics"))

	const newText = "Sign out of KDP, clear the browser's cache, then sign in again: the cart keeps its copies."
	if got := d.ask(t, "my cart is empty"); strings.Contains(got, newText) {
		t.Fatalf("/ask already has the new text before the edit:\n%s", got)
	}
	step("edit the topic with the live preview",
		chromedp.Navigate(d.ts.URL+"/admin/topics/en/cart-empty"), chromedp.WaitVisible(chromedp.ID("body")),
		chromedp.Clear(chromedp.ID("body")), chromedp.SendKeys(chromedp.ID("body"), newText))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(document.getElementById("answer") || {}).textContent.includes(`+jsQuote(newText)+`)`,
		chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("the live preview never showed the new text: %v", err)
	}
	step("see the preview", shot("06-editor-preview"))
	click("save", chromedp.Click(chromedp.ID("save")))
	step("see it saved", chromedp.WaitVisible(chromedp.ID("saved")), shot("07-editor-saved"))
	if got := d.ask(t, "my cart is empty"); !strings.Contains(got, newText) {
		t.Errorf("/ask after the edit does not answer with the new text:\n%s", got)
	}
	hist, err := d.ed.History(context.Background(), "cart-empty")
	if err != nil || len(hist) != 1 || hist[0].By != mod.Key() {
		t.Errorf("history of cart-empty %+v (%v), want one version by %s", hist, err, mod.Key())
	}

	step("see the history", chromedp.Navigate(d.ts.URL+"/admin/history"), chromedp.WaitVisible(chromedp.ID("history")), shot("08-history"))
	history, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("history")))
	if err != nil || !strings.Contains(history, "cart-empty") || !strings.Contains(history, mod.Key()) {
		t.Errorf("the history does not show the edit of cart-empty (%v):\n%s", err, history)
	}

	click("sign out", chromedp.Click(chromedp.ID("sign-out")))
	step("see the dashboard closed", chromedp.WaitVisible(chromedp.ID("message")), shot("09-signed-out"),
		chromedp.Navigate(d.ts.URL+"/admin/"), chromedp.WaitVisible(chromedp.ID("message")), shot("10-no-session"))
	en := i18n.Default().Printer("en")
	step("use the link again", chromedp.Navigate(link), chromedp.WaitVisible(chromedp.ID("refused")), shot("11-link-used"))
	refused, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("refused")))
	if err != nil || !strings.Contains(refused, en.T("dash.link_used")) {
		t.Errorf("the second use says %q (%v), want %q", refused, err, en.T("dash.link_used"))
	}
}

// jsQuote quotes s for a JavaScript expression.
func jsQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}
