package dashboard_test

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/handlers"
	"github.com/authorbot/authorbot/ledger"
)

// chromiumPath is where Debian's chromium package puts the browser;
// .ci/run installs it when it is missing.
const chromiumPath = "/usr/bin/chromium"

// newBrowser starts a headless Chromium with a profile of its own, for
// the test alone.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Log("************************************************************")
		t.Logf("*** SKIPPING THE BROWSER TEST: %s is missing.", chromiumPath)
		t.Log("*** Install Debian's chromium package (apt-get install chromium);")
		t.Log("*** .ci/run does it on a fresh machine.")
		t.Log("************************************************************")
		t.Skip("no Chromium at " + chromiumPath)
	}
	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("window-size", "1280,900"),
		chromedp.UserDataDir(t.TempDir()),
	)
	t.Cleanup(cancel)
	ctx, cancelCtx := chromedp.NewContext(alloc, chromedp.WithErrorf(t.Logf))
	t.Cleanup(cancelCtx)
	// The whole walk takes a few seconds; a minute means something hangs.
	ctx, cancelTimeout := context.WithTimeout(ctx, time.Minute)
	t.Cleanup(cancelTimeout)
	return ctx
}

// screenshots returns the folder the test writes its screenshots to:
// AUTHORBOT_SCREENSHOTS when set, a temporary one otherwise.
func screenshots(t *testing.T) string {
	dir := os.Getenv("AUTHORBOT_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots of each page: %s", dir)
	return dir
}

// TestBrowserSignInEditAndAsk walks the dashboard in a real browser: sign
// in with a link, see the plots, assign a missed question, look at the
// handoffs and topics, edit a topic with the live preview, and then /ask,
// through the real router, answers with the new text; the link, used
// once, is refused the second time.
func TestBrowserSignInEditAndAsk(t *testing.T) {
	ctx := newBrowser(t)
	dir := screenshots(t)
	f := newFixture(t, "")
	link := f.link(t)

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

	step("open the link", chromedp.Navigate(link), chromedp.WaitVisible(chromedp.ID("sign-in")), shot("01-sign-in"))
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("#sign-in button"))); err != nil {
		t.Fatalf("sign in: %v", err)
	}
	step("see the overview", chromedp.WaitVisible(chromedp.ID("chart-questions")), shot("02-overview"))
	bars, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#chart-questions rect").length`))
	if err != nil || bars < 30 {
		t.Errorf("the questions plot has %d bars (%v), want a month of them", bars, err)
	}

	step("assign a gap", chromedp.Navigate(f.ts.URL+"/admin/gaps"), chromedp.WaitVisible(chromedp.ID("gaps")),
		chromedp.SetValue(chromedp.CSS("#gap-g1 select"), "reselling-copies"))
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("#gap-g1 button"))); err != nil {
		t.Fatalf("assign: %v", err)
	}
	step("see the gap assigned", chromedp.WaitVisible(chromedp.ID("assigned")), shot("03-gaps"))
	if want := "g1→reselling-copies by slack:T1:U42"; len(f.mem.assigned) != 1 || f.mem.assigned[0] != want {
		t.Errorf("assigned %v, want [%s]", f.mem.assigned, want)
	}

	step("see the handoffs", chromedp.Navigate(f.ts.URL+"/admin/handoffs"), chromedp.WaitVisible(chromedp.ID("handoffs")), shot("04-handoffs"))
	step("see the topics", chromedp.Navigate(f.ts.URL+"/admin/topics"), chromedp.WaitVisible(chromedp.ID("topic-cart-empty")), shot("05-topics"))

	// Before the edit, /ask answers with the embedded text.
	const newText = "Sign out of KDP, clear the browser's cache, then sign in again: the cart keeps its copies."
	if got := ask(t, f, "my cart is empty"); strings.Contains(got, newText) {
		t.Fatalf("/ask already has the new text before the edit:\n%s", got)
	}
	step("edit the topic with the live preview",
		chromedp.Navigate(f.ts.URL+"/admin/topics/en/cart-empty"), chromedp.WaitVisible(chromedp.ID("body")),
		chromedp.Clear(chromedp.ID("body")),
		chromedp.SendKeys(chromedp.ID("body"), newText),
	)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(document.getElementById("answer") || {}).textContent.includes(`+jsString(newText)+`)`,
		chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("the live preview never showed the new text: %v", err)
	}
	step("see the preview", shot("06-editor-preview"))
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.ID("save"))); err != nil {
		t.Fatalf("save: %v", err)
	}
	step("see it saved", chromedp.WaitVisible(chromedp.ID("saved")), shot("07-editor-saved"))

	// /ask, through the real router on the edited knowledge base.
	if got := ask(t, f, "my cart is empty"); !strings.Contains(got, newText) {
		t.Errorf("/ask after the edit does not answer with the new text:\n%s", got)
	}

	step("see the history", chromedp.Navigate(f.ts.URL+"/admin/history"), chromedp.WaitVisible(chromedp.ID("history")), shot("08-history"))
	history, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("history")))
	if err != nil || !strings.Contains(history, "cart-empty") || !strings.Contains(history, "Ada") {
		t.Errorf("the history does not show Ada's edit of cart-empty (%v):\n%s", err, history)
	}

	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.ID("sign-out"))); err != nil {
		t.Fatalf("sign out: %v", err)
	}
	step("see the dashboard closed", chromedp.WaitVisible(chromedp.ID("message")), shot("09-signed-out"),
		chromedp.Navigate(f.ts.URL+"/admin/"), chromedp.WaitVisible(chromedp.ID("message")), shot("10-no-session"))
	closed, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("message")))
	if err != nil || closed != en.T("dash.no_session") {
		t.Errorf("the overview after signing out says %q (%v), want %q", closed, err, en.T("dash.no_session"))
	}

	step("use the link again", chromedp.Navigate(link), chromedp.WaitVisible(chromedp.ID("refused")), shot("11-link-used"))
	refused, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("refused")))
	if err != nil || !strings.Contains(refused, en.T("dash.link_used")) {
		t.Errorf("the second use says %q (%v), want %q", refused, err, en.T("dash.link_used"))
	}
}

// ask asks the question through the real router, built on the knowledge
// base as the dashboard left it, and returns the answer as text.
func ask(t *testing.T, f *fixture, question string) string {
	t.Helper()
	r := handlers.New(slog.New(slog.DiscardHandler), f.kb.KB(), ledger.NewService(f.db), f.db)
	reply, err := r.Handle(context.Background(), &bot.Request{User: bot.User{Platform: bot.Console, ID: "author"},
		Command: "ask", Options: map[string]string{"question": question}, Locale: "en"})
	if err != nil {
		t.Fatal(err)
	}
	return bot.PlainText(reply)
}

// jsString quotes s for a JavaScript expression.
func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}
