package main

import (
	"bytes"
	"context"
	"database/sql"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/bot/console"
	"github.com/authorbot/authorbot/bot/discord"
	"github.com/authorbot/authorbot/bot/slack"
	"github.com/authorbot/authorbot/config"
	"github.com/authorbot/authorbot/handlers"
	"github.com/authorbot/authorbot/kb"
	"github.com/authorbot/authorbot/ledger"
	"github.com/authorbot/authorbot/remind"
	"github.com/authorbot/authorbot/store"
)

// fakeClock is a clock the test moves by hand.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// consoleSession runs one console session on the database file, as
// runConsole does but with the clock given, and returns what it printed.
func consoleSession(t *testing.T, path string, clk *fakeClock, input string) string {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	log := slog.New(slog.DiscardHandler)
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	r := handlers.New(log, k, ledger.NewService(db), db, handlers.WithClock(clk.Now))
	d := &bot.Dispatcher{Handler: r, Log: log}
	var out bytes.Buffer
	a := &console.Adapter{
		In: strings.NewReader(input), Out: &out,
		User:   bot.User{Platform: bot.Console, ID: "alice"},
		Parser: r,
		Serve:  d.Serve,
	}
	s := &remind.Scheduler{Store: db, Notifiers: map[bot.Platform]bot.Notifier{bot.Console: a},
		Message: r.ReminderMessage, Log: log, Now: clk.Now}
	if err := withReminders(ctx, a.Run, s, log); err != nil {
		t.Fatalf("session: %v", err)
	}
	return out.String()
}

// TestReminderAcrossRestart: a reminder is set, the bot is stopped, its
// time passes while it is down, and the next start delivers it exactly
// once; later starts do not deliver it again.
func TestReminderAcrossRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "authorbot.db")
	clk := &fakeClock{t: time.Date(2026, 12, 14, 10, 0, 0, 0, time.UTC)}

	out := consoleSession(t, path, clk, "/remind add when:2h text:Publish the paperback on KDP\n")
	if !strings.Contains(out, "Reminder #1 set for Monday 14 December 2026, 12:00 UTC.") {
		t.Fatalf("first session:\n%s", out)
	}
	if strings.Contains(out, "⏰") {
		t.Fatalf("delivered before its time:\n%s", out)
	}

	clk.Add(26 * time.Hour) // the bot is down past the reminder's time

	out = consoleSession(t, path, clk, "")
	if got := strings.Count(out, "Publish the paperback on KDP"); got != 1 {
		t.Fatalf("second session delivered it %d times, want once:\n%s", got, out)
	}
	for _, want := range []string{"⏰ Reminder", "It was due on Monday 14 December 2026, 12:00 UTC; I was offline then."} {
		if !strings.Contains(out, want) {
			t.Errorf("second session lacks %q:\n%s", want, out)
		}
	}

	out = consoleSession(t, path, clk, "/remind list\n")
	if strings.Contains(out, "⏰") || !strings.Contains(out, "1 already delivered") {
		t.Errorf("third session:\n%s", out)
	}
}

// TestReminderAcrossRestartThroughRun drives the real program: a reminder
// set in one console run is delivered at the start of the next run after
// its time, once. The program runs on the real clock, so the test moves
// the reminder's time into the past between the runs, as if the minute
// had passed while the bot was stopped.
func TestReminderAcrossRestartThroughRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bot.db")
	args := []string{"console", "--db", path, "--user", "alice"}
	out, stderr, err := runWith(t, args, nil, "/remind add 10m Bring bookmarks to the fair\n")
	if err != nil || !strings.Contains(out, "Reminder #1 set for") {
		t.Fatalf("first run: %v\n%s\n%s", err, out, stderr)
	}

	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	past := time.Now().UTC().Add(-time.Hour).Format("2006-01-02T15:04:05Z")
	res, err := raw.Exec(`UPDATE reminders SET due = ?, next_try = ? WHERE number = 1`, past, past)
	raw.Close()
	if n, _ := res.RowsAffected(); err != nil || n != 1 {
		t.Fatalf("moving the reminder's time: %d rows, %v", n, err)
	}

	for i, want := range []int{1, 0, 0} {
		out, stderr, err = runWith(t, args, nil, "")
		if err != nil {
			t.Fatalf("run %d: %v\n%s", i+2, err, stderr)
		}
		if got := strings.Count(out, "Bring bookmarks to the fair"); got != want {
			t.Errorf("run %d printed the reminder %d times, want %d:\n%s", i+2, got, want, out)
		}
	}
	// Another console user's session does not take alice's reminders.
	out, _, _ = runWith(t, []string{"console", "--db", path, "--user", "bob"}, nil, "/remind list\n")
	if strings.Contains(out, "Bring bookmarks to the fair") {
		t.Errorf("bob's console shows alice's reminder:\n%s", out)
	}
}

// TestServeRunsReminders starts serve with the reminder scheduler under
// its errgroup. Slack is configured without a bot token, so it cannot send
// direct messages: a due Slack reminder waits, and serve still shuts down
// cleanly on cancel.
func TestServeRunsReminders(t *testing.T) {
	d := slackTestDeps(t)
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "reminders.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	d.reminders = db
	u := bot.User{Platform: bot.Slack, Workspace: "T1", ID: "U1"}
	if _, err := db.AddReminder(context.Background(), store.Reminder{User: u.Key(), Platform: "slack", Workspace: "T1", UserID: "U1",
		Kind: store.ReminderNote, Due: time.Now().Add(-time.Hour), Text: "waiting for a bot token"}); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, d, func(context.Context) error { return nil }, ln) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve = %v, want nil after cancel", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop after cancel")
	}
	list, _ := db.Reminders(context.Background(), u.Key())
	if len(list) != 1 || list[0].Status != store.ReminderPending || list[0].Attempts != 0 {
		t.Errorf("reminder for an unconnected platform = %+v, want pending and untried", list)
	}
}

// slackModes and discordModes are the ways each platform can be set up.
var (
	slackModes = []struct {
		name string
		cfg  config.Slack
		dm   bool
		conn bool // keeps a connection of its own
	}{
		{"slack HTTP without a bot token", config.Slack{SigningSecret: slackTestSecret}, false, false},
		{"slack HTTP", config.Slack{SigningSecret: slackTestSecret, BotToken: "xoxb-1"}, true, false},
		{"slack Socket Mode", config.Slack{AppToken: "xapp-1", BotToken: "xoxb-1"}, true, true},
	}
	discordModes = []struct {
		name string
		cfg  config.Discord
		dm   bool
		conn bool
	}{
		{"discord HTTP without a token", config.Discord{PublicKey: discordTestKey}, false, false},
		{"discord gateway", config.Discord{Token: "tok"}, true, true},
		{"discord HTTP with a token", config.Discord{Token: "tok", PublicKey: discordTestKey}, true, true},
	}
)

// TestCanDM checks what /remind is told about direct messages in every
// setup, and that it agrees with what the reminder scheduler gets: a
// notifier exactly where canDM says a message can go. Where the adapters
// say for themselves (CanDM, Healthy), they must agree too.
func TestCanDM(t *testing.T) {
	if !canDM(config.Config{})(bot.Console) {
		t.Error("the console cannot show a reminder")
	}
	if canDM(config.Config{})("irc") {
		t.Error("a platform authorbot does not know can take direct messages")
	}
	check := func(t *testing.T, name bot.Platform, cfg config.Config, ps []platform, adapter any, wantDM, conn bool) {
		t.Helper()
		if got := canDM(cfg)(name); got != wantDM {
			t.Errorf("canDM = %v, want %v", got, wantDM)
		}
		if len(ps) != 1 {
			t.Fatalf("%d platforms", len(ps))
		}
		if (ps[0].notifier != nil) != wantDM {
			t.Errorf("notifier %v, but canDM says %v", ps[0].notifier != nil, wantDM)
		}
		if a, ok := adapter.(interface{ CanDM() bool }); ok && a.CanDM() != wantDM {
			t.Errorf("the adapter's CanDM = %v, canDM = %v", a.CanDM(), wantDM)
		}
		_, hasHealth := adapter.(bot.Health)
		if got, want := ps[0].health != nil, conn && hasHealth; got != want {
			t.Errorf("readiness checks the connection: %v, want %v", got, want)
		}
	}
	for _, m := range slackModes {
		t.Run(m.name, func(t *testing.T) {
			d, _ := platformTestDeps(t)
			d.cfg.Slack = m.cfg
			ps, err := slackPlatforms(d)
			if err != nil {
				t.Fatal(err)
			}
			a, err := slack.New(slack.Config{SigningSecret: m.cfg.SigningSecret, BotToken: m.cfg.BotToken, AppToken: m.cfg.AppToken,
				Parser: d.router, Serve: d.dispatch.Serve})
			if err != nil {
				t.Fatal(err)
			}
			check(t, bot.Slack, d.cfg, ps, a, m.dm, m.conn)
		})
	}
	for _, m := range discordModes {
		t.Run(m.name, func(t *testing.T) {
			d, _ := platformTestDeps(t)
			d.cfg.Discord = m.cfg
			ps, err := discordPlatforms(d)
			if err != nil {
				t.Fatal(err)
			}
			a, err := discord.New(discord.Config{Token: m.cfg.Token, PublicKey: m.cfg.PublicKey, Serve: d.dispatch.Serve})
			if err != nil {
				t.Fatal(err)
			}
			check(t, bot.Discord, d.cfg, ps, a, m.dm, m.conn)
		})
	}
	if _, ok := any(&slack.Adapter{}).(bot.Health); !ok {
		t.Log("NOTE: the Slack adapter has no Healthy method yet: /readyz cannot see the socket")
	}
	if _, ok := any(&discord.Adapter{}).(bot.Health); !ok {
		t.Log("NOTE: the Discord adapter has no Healthy method yet: /readyz cannot see the gateway")
	}
}

// TestWarnUndeliverable checks the start's warning in every setup where
// reminders cannot reach the authors of a platform: one line names the
// platforms and what to set. Where every platform can, nothing is said.
func TestWarnUndeliverable(t *testing.T) {
	key := discordTestKey
	tests := []struct {
		name  string
		cfg   config.Config
		warns string
	}{
		{"slack without a bot token", config.Config{Slack: config.Slack{SigningSecret: slackTestSecret}},
			`level=WARN msg="reminders cannot reach authors: direct messages need a bot token" platforms=slack set=AUTHORBOT_SLACK_BOT_TOKEN`},
		{"discord HTTP without a token", config.Config{Discord: config.Discord{PublicKey: key}},
			`platforms=discord set=AUTHORBOT_DISCORD_TOKEN`},
		{"both", config.Config{Slack: config.Slack{SigningSecret: slackTestSecret}, Discord: config.Discord{PublicKey: key}},
			`platforms=slack,discord set="AUTHORBOT_SLACK_BOT_TOKEN AUTHORBOT_DISCORD_TOKEN"`},
		{"slack without a bot token, discord with a token", config.Config{Slack: config.Slack{SigningSecret: slackTestSecret}, Discord: config.Discord{PublicKey: key, Token: "tok"}},
			`platforms=slack set=AUTHORBOT_SLACK_BOT_TOKEN`},
		{"slack with a bot token", config.Config{Slack: config.Slack{SigningSecret: slackTestSecret, BotToken: "xoxb-1"}}, ""},
		{"slack socket mode", config.Config{Slack: config.Slack{AppToken: "xapp-1", BotToken: "xoxb-1"}}, ""},
		{"discord HTTP with a token", config.Config{Discord: config.Discord{PublicKey: key, Token: "tok"}}, ""},
		{"discord gateway", config.Config{Discord: config.Discord{Token: "tok"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			warnUndeliverable(tt.cfg, slog.New(slog.NewTextHandler(&logs, nil)))
			got := logs.String()
			n := strings.Count(got, "\n")
			switch {
			case tt.warns == "" && n != 0:
				t.Errorf("warned with every platform able to send reminders:\n%s", got)
			case tt.warns != "" && (n != 1 || !strings.Contains(got, tt.warns)):
				t.Errorf("log:\n%s\nwant one line with %s", got, tt.warns)
			}
		})
	}
}

// TestServeWarnsOfUndeliverableReminders starts serve with reminders on
// and Slack without a bot token: the start logs the warning once. (No
// setup here has a Discord token: its gateway would try to connect.)
func TestServeWarnsOfUndeliverableReminders(t *testing.T) {
	d, db := platformTestDeps(t)
	d.cfg.Slack.SigningSecret = slackTestSecret
	d.cfg.Discord.PublicKey = discordTestKey
	d.reminders = db
	var logs lockedBuffer
	d.log = slog.New(slog.NewTextHandler(&logs, nil))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // start, then stop at once
	if err := serve(ctx, d, func(context.Context) error { return nil }, ln); err != nil {
		t.Fatalf("serve: %v", err)
	}
	if got := logs.String(); strings.Count(got, "reminders cannot reach authors") != 1 || !strings.Contains(got, "set=\"AUTHORBOT_SLACK_BOT_TOKEN AUTHORBOT_DISCORD_TOKEN\"") {
		t.Errorf("log:\n%s\nwant the warning once, naming both tokens", got)
	}
}
