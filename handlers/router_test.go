package handlers

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/kbedit"
	"github.com/authorbot/authorbot/ledger"
	"github.com/authorbot/authorbot/store"
)

// rig is a router over a real SQLite file with every store, the
// knowledge base and a clock the test sets.
type rig struct {
	r   *Router
	db  *store.DB
	now time.Time
}

func newRig(t testing.TB, opts ...Option) *rig {
	t.Helper()
	g := &rig{db: testDB(t), now: time.Date(2026, 11, 22, 15, 0, 0, 0, time.UTC)}
	g.r = testRouter(t, g.db, append([]Option{WithClock(func() time.Time { return g.now })}, opts...)...)
	return g
}

// run handles line as u typed it. Its dates may be written as in the
// command table, {today+N}.
func (g *rig) run(u bot.User, locale, line string) (*bot.Reply, error) {
	req, err := g.r.Parse(g.r.dated(line))
	if err != nil {
		return nil, err
	}
	req.User, req.Locale = u, locale
	return g.r.Handle(context.Background(), req)
}

func (g *rig) ok(t testing.TB, u bot.User, locale, line string) string {
	t.Helper()
	reply, err := g.run(u, locale, line)
	if err != nil {
		t.Fatalf("%s: %v", line, err)
	}
	return bot.PlainText(reply)
}

func (g *rig) fail(t testing.TB, u bot.User, locale, line, code string) string {
	t.Helper()
	reply, err := g.run(u, locale, line)
	if err == nil {
		t.Fatalf("%s: succeeded with %q; want a %s error", line, bot.PlainText(reply), code)
	}
	if got := bot.ErrorCode(err); got != code {
		t.Fatalf("%s: error %q has code %s; want %s", line, err, got, code)
	}
	return bot.ErrorMessage(err)
}

func press(g *rig, u bot.User, locale, action, value string) (*bot.Reply, error) {
	return g.r.Handle(context.Background(), &bot.Request{User: u, Locale: locale, Action: action, Options: map[string]string{"value": value}})
}

// TestShareOnlyTopic presses share buttons with crafted values as an
// author with orders: whatever the value, the channel gets a topic's
// answer as anyone would read it, never a word about the presser's orders
// nor their question.
func TestShareOnlyTopic(t *testing.T) {
	g := newRig(t, WithLimits(Limits{}))
	g.ok(t, alice, "", "/order add 10 us Moonlit Harbour ordered:2026-11-01 expected:2026-11-19 note:gift for Aunt May")
	g.ok(t, alice, "", "/order add 12 uk Second Book")
	g.ok(t, alice, "", "/order shipped 2 tracking:1Z999AA10123456784")
	// The private answer has notes about alice's orders: what must not leak.
	private := g.ok(t, alice, "", "/ask where is my order")
	wantIn(t, "private answer", private, "Order #1")
	private = g.ok(t, alice, "", "/ask how do I cancel my order")
	wantIn(t, "private answer", private, "Order #2")

	mine := []string{"Order #", "Commande #", "#1", "#2", "Moonlit", "Second Book", "Aunt May", "1Z999AA", "amazon.co.uk", "2026-11-19"}
	tests := []struct {
		value, locale string
		topic, lang   string // "" for a refusal with code
		code          string
	}{
		{value: "/ask where is my order", topic: "track-order", lang: "en"},
		{value: "/ask how do I cancel my order", topic: "cancel-order", lang: "en"},
		{value: "/ask mes exemplaires sont arrivés abîmés où est ma commande", lang: "fr", topic: "*"},
		{value: "/help track-order", topic: "track-order", lang: "en"}, // buttons made before topic|lang
		{value: "/help track-order", locale: "fr", topic: "track-order", lang: "fr"},
		{value: "track-order|en", topic: "track-order", lang: "en"},
		{value: "track-order|fr", topic: "track-order", lang: "fr"},
		{value: "cancel-order|en", locale: "fr", topic: "cancel-order", lang: "en"}, // the language the answer was in
		{value: "/order list", code: bot.Forbidden},
		{value: "/order show 1", code: bot.Forbidden},
		{value: "/mydata export", code: bot.Forbidden},
		{value: "/remind list", code: bot.Forbidden},
		{value: "/ask what's the weather tomorrow", code: bot.Invalid},
		{value: "/help", code: bot.Invalid},
		{value: "no-such-topic|en", code: bot.Invalid},
		{value: "track-order|ja", code: bot.Invalid},
		{value: "track-order|de", topic: "track-order", lang: "de"},
		{value: "track-order", code: bot.Invalid},
		{value: "", code: bot.Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.value+"/"+tt.locale, func(t *testing.T) {
			reply, err := press(g, alice, tt.locale, bot.ActionShare, tt.value)
			if tt.code != "" {
				if bot.ErrorCode(err) != tt.code {
					t.Fatalf("share %q: %v (code %q), want a %s error", tt.value, err, bot.ErrorCode(err), tt.code)
				}
				wantNotIn(t, "refusal", bot.ErrorMessage(err), mine...)
				return
			}
			if err != nil {
				t.Fatalf("share %q: %v", tt.value, err)
			}
			text := bot.PlainText(reply)
			wantNotIn(t, "shared answer", text, mine...)
			if q, ok := strings.CutPrefix(tt.value, "/ask "); ok && strings.Contains(text, q) {
				t.Errorf("shared answer repeats the question %q", q)
			}
			if reply.Ephemeral || len(reply.Buttons) != 0 || reply.File != nil {
				t.Errorf("shared reply: ephemeral %v, %d buttons, file %v", reply.Ephemeral, len(reply.Buttons), reply.File)
			}
			if (tt.topic != "*" && reply.Topic != tt.topic) || reply.Lang != tt.lang {
				t.Errorf("shared topic %q in %q; want %q in %q", reply.Topic, reply.Lang, tt.topic, tt.lang)
			}
			// It is the generic answer: the same as bob's /help of that topic.
			generic, err := g.r.helpTopic(reply.Topic, words(t, reply.Lang))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := text, bot.PlainText(generic); got != want {
				t.Errorf("shared answer differs from the topic's:\n%s\nwant\n%s", got, want)
			}
		})
	}

	// The buttons under an answer share through the topic and language.
	reply, err := g.run(alice, "", "/ask mon panier est vide")
	if err != nil {
		t.Fatal(err)
	}
	if reply.Buttons[0].Action != bot.ActionShare || reply.Buttons[0].Value != "cart-empty|fr" {
		t.Errorf("share button = %+v, want cart-empty|fr", reply.Buttons[0])
	}
}

// TestLimits runs one author faster than the limits allow, on a fixed
// clock: the limit trips, says how long to wait, and lets them go on once
// that time has passed; other authors are not slowed.
func TestLimits(t *testing.T) {
	g := newRig(t) // the default limits
	carol := bot.User{Platform: bot.Discord, ID: "carol"}
	const read = "/isbn 978-0-306-40615-7"

	for i := range 20 {
		if _, err := g.run(alice, "", read); err != nil {
			t.Fatalf("command %d of a burst of 20: %v", i+1, err)
		}
	}
	msg := g.fail(t, alice, "", read, bot.Invalid)
	if msg != "You're going fast: try again in 1 second." {
		t.Errorf("limit message = %q", msg)
	}
	if msg := g.fail(t, alice, "fr", read, bot.Invalid); msg != "Vous allez vite : réessayez dans 1 seconde." {
		t.Errorf("French limit message = %q", msg)
	}
	// Buttons count too.
	if _, err := press(g, alice, "", bot.ActionShare, "cart-empty|en"); bot.ErrorCode(err) != bot.Invalid {
		t.Errorf("a button past the limit: %v", err)
	}
	// Other authors are not slowed by alice.
	g.ok(t, bob, "", read)
	g.ok(t, carol, "", read)
	// Two commands a second come back.
	g.now = g.now.Add(500 * time.Millisecond)
	g.ok(t, alice, "", read)
	g.fail(t, alice, "", read, bot.Invalid)
	g.now = g.now.Add(10 * time.Second) // the bucket is full again
	for range 20 {
		g.ok(t, alice, "", read)
	}

	// Writes: ten at once, then one every 2 seconds; reads go on.
	for i := range 10 {
		if _, err := g.run(bob, "", fmt.Sprintf("/order add 1 us Book %d", i+1)); err != nil {
			t.Fatalf("order %d of a burst of 10: %v", i+1, err)
		}
	}
	wantIn(t, "write limit", g.fail(t, bob, "", "/order add 1 us Book 11", bot.Invalid), "try again in 2 seconds")
	wantIn(t, "write limit", g.fail(t, bob, "", "/order edit 1 quantity:2", bot.Invalid), "try again in 2 seconds")
	wantIn(t, "write limit", g.fail(t, bob, "", "/remind add when:3d text:Check the proof", bot.Invalid), "try again in 2 seconds")
	wantIn(t, "reads go on", g.ok(t, bob, "", "/order list"), "Your orders (10)")
	g.now = g.now.Add(time.Second)
	wantIn(t, "write limit, later", g.fail(t, bob, "", "/order add 1 us Book 11", bot.Invalid), "try again in 1 second.")
	g.now = g.now.Add(time.Second)
	wantIn(t, "write after the wait", g.ok(t, bob, "", "/order add 1 us Book 11"), "Order #11 added")
	if d, _ := g.db.Export(context.Background(), bob.Key()); len(d.Orders) != 11 {
		t.Errorf("bob has %d orders, want 11: a refused write was stored", len(d.Orders))
	}

	// The console's one author is not limited.
	console := bot.User{Platform: bot.Console, ID: "me"}
	for i := range 30 {
		if _, err := g.run(console, "", fmt.Sprintf("/order add 1 us Book %d", i+1)); err != nil {
			t.Fatalf("console order %d: %v", i+1, err)
		}
	}
}

// TestLimitsForgetIdleAuthors: the buckets are held for a bounded number
// of authors, the least recently seen forgotten first when none has full
// buckets again.
func TestLimitsForgetIdleAuthors(t *testing.T) {
	g := newRig(t, WithLimits(Limits{Commands: Rate{Burst: 1, Every: time.Hour}, Authors: 2}))
	carol := bot.User{Platform: bot.Slack, Workspace: "T1", ID: "U3"}
	const read = "/isbn 978-0-306-40615-7"
	g.ok(t, alice, "", read)
	wantIn(t, "an hour's wait", g.fail(t, alice, "", read, bot.Invalid), "try again in 3,600 seconds")
	g.ok(t, bob, "", read)
	g.ok(t, carol, "", read) // alice, seen least recently, is forgotten
	if n := len(g.r.limiter.authors); n != 2 {
		t.Errorf("%d authors held, want 2", n)
	}
	g.ok(t, alice, "", read)
}

// TestLimiterForgetsFullBucketsFirst: when the limiter holds its most,
// an author whose bucket is full again is forgotten before one seen less
// recently whose bucket is not: forgetting the first changes nothing.
func TestLimiterForgetsFullBucketsFirst(t *testing.T) {
	l := newLimiter(Limits{Commands: Rate{Burst: 2, Every: time.Minute}, Authors: 2})
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	take := func(who string, at time.Duration) bool { return l.wait(who, false, t0.Add(at)) == 0 }
	if !take("bob", 0) || !take("bob", 0) {
		t.Fatal("bob's burst of 2 refused")
	}
	take("alice", 10*time.Second) // full again at 1m10s
	take("carol", 80*time.Second) // the limiter is full: alice goes, not bob
	if n := len(l.authors); n != 2 {
		t.Fatalf("%d authors held, want 2", n)
	}
	if !take("bob", 80*time.Second) {
		t.Fatal("bob refused one token at 1m20s")
	}
	if take("bob", 80*time.Second) {
		t.Error("bob given a second token at 1m20s: he was forgotten with his bucket half empty")
	}
}

// BenchmarkLimiter takes a token for one of 5,000 authors in turn, as
// scripts/bench-slack's load does.
func BenchmarkLimiter(b *testing.B) {
	l := newLimiter(Limits{Commands: Rate{Burst: 1 << 20, Every: time.Millisecond}, Authors: 10000})
	keys := make([]string, 5000)
	for i := range keys {
		keys[i] = bot.User{Platform: bot.Slack, Workspace: "T1", ID: fmt.Sprintf("U%d", i)}.Key()
	}
	now := time.Now()
	i := 0
	for b.Loop() {
		i++
		if l.wait(keys[(i*7919)%len(keys)], false, now) != 0 {
			b.Fatal("limited")
		}
	}
}

// TestNoDirectMessages: where no direct message can reach the author,
// nothing promises one.
func TestNoDirectMessages(t *testing.T) {
	g := newRig(t, WithLimits(Limits{}), WithDirectMessages(DMFunc(func(p bot.Platform) bool { return p == bot.Console })))
	reminders := func(u bot.User) []ledger.Reminder {
		t.Helper()
		l, err := g.db.Reminders(context.Background(), u.Key())
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	discord := bot.User{Platform: bot.Discord, ID: "D1"}

	msg := g.fail(t, alice, "", "/remind add when:3d text:Check the proof copy", bot.Conflict)
	wantIn(t, "remind add", msg, "direct messages", "can't send direct messages on Slack", "AUTHORBOT_SLACK_BOT_TOKEN")
	wantNotIn(t, "remind add", msg, "I'll send")
	msg = g.fail(t, discord, "fr", "/remind add when:3d text:Vérifier l'épreuve", bot.Conflict)
	wantIn(t, "remind add in French", msg, "message privé", "sur Discord", "AUTHORBOT_DISCORD_TOKEN")

	plan := g.ok(t, alice, "", "/preorder {today+60} plan:advantage remind:yes")
	wantIn(t, "preorder remind:yes", plan, "Publish on KDP", "can't send direct messages on Slack", "AUTHORBOT_SLACK_BOT_TOKEN")
	wantNotIn(t, "preorder remind:yes", plan, "Reminders set", "I'll send")
	wantNotIn(t, "preorder", g.ok(t, alice, "", "/preorder {today+60}"), "remind:yes")

	wantIn(t, "remind auto on", g.fail(t, alice, "fr", "/remind auto on", bot.Conflict), "ne peut pas envoyer de messages privés sur Slack")
	g.ok(t, alice, "", "/remind auto off") // switching off is always possible

	// Automatic reminders about orders are neither set nor promised.
	g.ok(t, bob, "", "/order add 10 us Book expected:{today+10}")
	got := g.ok(t, bob, "", "/order edit 1 expected:{today+12}")
	wantNotIn(t, "order edit", got, "remind you")
	g.ok(t, bob, "", "/order delivered 1")
	wantNotIn(t, "order problem", g.ok(t, bob, "", "/order problem 1 damaged"), "remind you")
	if l := reminders(alice); len(l) != 0 {
		t.Errorf("alice has reminders that cannot reach her: %+v", l)
	}
	if l := reminders(bob); len(l) != 0 {
		t.Errorf("bob has reminders that cannot reach him: %+v", l)
	}

	// Where a message can go, reminders work as before.
	console := bot.User{Platform: bot.Console, ID: "me"}
	wantIn(t, "console", g.ok(t, console, "", "/remind add when:3d text:Check"), "Reminder #1 set", "here in the console")
}

// TestExamplesStayValid runs every example of the command table, and the
// README's, one and two years from now: none may be refused, as a date
// in the past or otherwise.
func TestExamplesStayValid(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var readmeLines []string
	for _, l := range strings.Split(string(readme), "\n") {
		if line, ok := strings.CutPrefix(l, "authorbot> "); ok && strings.HasPrefix(line, "/") {
			readmeLines = append(readmeLines, line)
		}
	}
	if len(readmeLines) < 3 {
		t.Fatalf("found %d example lines in README.md", len(readmeLines))
	}
	for _, years := range []int{1, 2} {
		t.Run(fmt.Sprintf("in %d years", years), func(t *testing.T) {
			g := newRig(t, WithLimits(Limits{}), WithSignInLinks(func(context.Context, bot.User) (string, error) {
				return "http://127.0.0.1:8080/admin/signin?t=x", nil
			}))
			ed, err := kbedit.New(context.Background(), g.db, slog.New(slog.DiscardHandler), kbedit.WithBase(testKB(t)))
			if err != nil {
				t.Fatal(err)
			}
			g.r.topics = ed
			g.now = g.now.AddDate(years, 0, 0)
			type example struct{ name, line string }
			var examples []example
			for _, c := range g.r.Commands() {
				examples = append(examples, example{"/" + c.Name, c.Example})
				for _, s := range c.Subs {
					examples = append(examples, example{"/" + c.Name + " " + s.Name, s.Example})
				}
			}
			for _, l := range readmeLines {
				examples = append(examples, example{"README", l})
			}
			for i, ex := range examples {
				if ex.line == "" {
					continue
				}
				// A new author each time, with three orders and three
				// reminders for the examples that name #3.
				u := bot.User{Platform: bot.Slack, Workspace: "T1", ID: fmt.Sprintf("ex%d", i)}
				if strings.HasPrefix(ex.line, "/admin") {
					u.Platform = bot.Console // the moderators' commands: the console's operator is one
				}
				for range 3 {
					g.ok(t, u, "", "/order add 1 us Book")
					g.ok(t, u, "", "/remind add when:1d text:x")
				}
				line := g.r.dated(ex.line)
				if strings.Contains(line, "{") {
					t.Errorf("%s: example %q has a date left to fill in", ex.name, line)
				}
				if _, err := g.run(u, "", line); err != nil {
					t.Errorf("%s: example %q refused: %v", ex.name, line, err)
				}
			}
		})
	}

	// A usage error shows the example with today's dates.
	g := newRig(t, WithLimits(Limits{}))
	_, err = g.r.Parse("/order add 25")
	wantIn(t, "usage", bot.ErrorMessage(err), "Example: /order add 25 amazon.com The Long Road expected:2026-12-06")
	_, err = g.r.Parse("/preorder")
	wantIn(t, "usage", bot.ErrorMessage(err), "Example: /preorder 2027-01-21 plan:advantage")
	msg := g.fail(t, alice, "", "/remind add when:someday text:x", bot.Invalid)
	wantIn(t, "when", msg, "Use a date (2026-11-29, sent at 09:00), a date and time (2026-11-29 14:30)")
}

// hostile is text an author might send to make an echo lie: a right-to-
// left override that turns "exe.txt" around, isolates, a NUL, a terminal
// escape and a bell.
const hostile = "Ti\u202etxt.exe\u2066x\u2069\u202a\u202b\u202c\u202d\u2067\u2068\x00\x1b[31m\x07tle"

// clean reports the characters no reply may hold: controls other than
// the line breaks of plain text, NUL, and the bidirectional overrides and
// isolates.
func clean(t *testing.T, what, s string) {
	t.Helper()
	for _, c := range s {
		if (unicode.IsControl(c) && c != '\n') || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') {
			t.Errorf("%s holds %U: %q", what, c, s)
			return
		}
	}
}

// TestHostileEcho sends hostile text everywhere an author's words are
// echoed or stored.
func TestHostileEcho(t *testing.T) {
	g := newRig(t, WithLimits(Limits{}))
	ctx := context.Background()
	q := `"` + hostile + `"`

	// Stored: cleaned at the boundary.
	text := g.ok(t, alice, "", "/order add 10 us title:"+q+" note:"+q)
	clean(t, "order add", text)
	wantIn(t, "order add", text, "Titxt.exex[31mtle")
	d, err := g.db.Export(ctx, alice.Key())
	if err != nil || len(d.Orders) != 1 {
		t.Fatalf("export: %v, %d orders", err, len(d.Orders))
	}
	if want := "Titxt.exex[31mtle"; d.Orders[0].Title != want || d.Orders[0].Note != want {
		t.Errorf("stored title %q, note %q; want %q", d.Orders[0].Title, d.Orders[0].Note, want)
	}
	clean(t, "order edit", g.ok(t, alice, "", "/order edit 1 title:"+q))
	clean(t, "remind add", g.ok(t, alice, "", "/remind add when:3d text:"+q))

	// Echoed in errors.
	for _, line := range []string{
		"/help " + q,
		"/isbn " + q,
		"/order list " + q,
		"/order add 10 " + q + " Title",
		"/remind add when:" + q + " text:x",
		"/remind add when:3d tz:" + q + " text:x",
		"/preorder " + q,
	} {
		_, err := g.run(alice, "", line)
		if err == nil {
			t.Errorf("%q succeeded", line)
			continue
		}
		clean(t, line, bot.ErrorMessage(err))
	}

	// Echoed from what was stored before input was cleaned.
	if _, err := g.db.AddOrder(ctx, ledger.Order{User: bob.Key(), Quantity: 1, Marketplace: "amazon.com", Title: hostile, Note: hostile, Tracking: hostile}); err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"/order list", "/order show 1", "/order cancel 1", "/ask how do I cancel my order"} {
		clean(t, line, g.ok(t, bob, "", line))
	}
}

func TestCleanInput(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                  "plain",
		"line\nbreak\ttab\r":     "line break tab ",
		"nul\x00 and \x1b[0m":    "nul and [0m",
		"\u202eevil\u202c":       "evil",
		"\u2066iso\u2069 \u200f": "iso ",
		"bad \xff utf-8":         "bad  utf-8",
		"émoji 📚 ok":             "émoji 📚 ok",
	} {
		if got := cleanInput(in); got != want {
			t.Errorf("cleanInput(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNoFixedDates checks that no description, placeholder, choice or
// example of the command table, in any language, names a calendar date:
// such a date reads as an example and goes stale. Examples write dates
// as {today} or {today+N}.
func TestNoFixedDates(t *testing.T) {
	date := regexp.MustCompile(`\b(19|20)\d\d-\d\d-\d\d\b`)
	g := newRig(t)
	var texts []string
	var walk func(path string, c *bot.Command)
	walk = func(path string, c *bot.Command) {
		texts = append(texts, path+": "+c.Description, path+": "+c.Example)
		for _, l := range c.Localized {
			texts = append(texts, path+": "+l.Description)
		}
		for _, o := range c.Options {
			texts = append(texts, path+" "+o.Name+": "+o.Description, path+" "+o.Name+": "+o.Placeholder)
			for _, l := range o.Localized {
				texts = append(texts, path+" "+o.Name+": "+l.Description)
			}
			for _, ch := range o.Choices {
				texts = append(texts, path+" "+o.Name+": "+ch.Name)
			}
		}
		for _, s := range c.Subs {
			walk(path+" "+s.Name, s)
		}
	}
	for _, c := range g.r.Commands() {
		walk("/"+c.Name, c)
	}
	for _, s := range texts {
		if date.MatchString(s) {
			t.Errorf("fixed date in %q", s)
		}
	}
}

// TestQuestionsThatStartWithACommand checks that a line typed without its
// slash whose value could not be meant for the command it names is asked
// as a question, and that a plausible one still runs the command.
func TestQuestionsThatStartWithACommand(t *testing.T) {
	g := newRig(t)
	tests := []struct{ line, want string }{
		{"help me please, my cart is empty", "ask"},
		{"help!", "ask"},
		{"help cart-empty", "help"},
		{"help", "help"},
		{"isbn for my paperback?", "ask"},
		{"isbn 978-0-306-40615-7", "isbn"},
		{"isbn 0-306-40615-2", "isbn"},
		{"/isbn for my paperback?", "isbn"}, // with the slash: a command, whose handler explains
	}
	for _, tt := range tests {
		req, err := g.r.Parse(tt.line)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.line, err)
			continue
		}
		if req.Command != tt.want {
			t.Errorf("Parse(%q) = /%s, want /%s", tt.line, req.Command, tt.want)
		}
	}
}
