package remind

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/ledger"
	"github.com/authorbot/authorbot/store"
)

// clock is a fake clock the tests move by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// inbox is a platform that records what it delivers, and can fail the
// first sends or reach only one user.
type inbox struct {
	mu       sync.Mutex
	got      []string
	failures int    // how many sends fail before they succeed
	only     string // when set, the one user id it reaches
}

func (n *inbox) Notify(ctx context.Context, u bot.User, r *bot.Reply) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.failures > 0 {
		n.failures--
		return errors.New("platform: 503 service unavailable")
	}
	n.got = append(n.got, u.ID+": "+bot.PlainText(r))
	return nil
}

func (n *inbox) messages() []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return append([]string(nil), n.got...)
}

// reachingInbox is an inbox that reaches only one user, as the console does.
type reachingInbox struct{ *inbox }

func (n reachingInbox) Reaches(u bot.User) bool { return u.ID == n.only }

var start = time.Date(2026, 12, 16, 8, 0, 0, 0, time.UTC)

func openStore(t *testing.T, path string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), path, nil)
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	return db
}

func add(t *testing.T, db *store.DB, platform, id, text string, due time.Time) ledger.Reminder {
	t.Helper()
	u := bot.User{Platform: bot.Platform(platform), ID: id}
	r, err := db.AddReminder(context.Background(), ledger.Reminder{User: u.Key(), Platform: platform, UserID: id,
		Kind: ledger.ReminderNote, Due: due, Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func status(t *testing.T, db *store.DB, platform, id string) []string {
	t.Helper()
	list, err := db.Reminders(context.Background(), bot.User{Platform: bot.Platform(platform), ID: id}.Key())
	if err != nil {
		t.Fatal(err)
	}
	var s []string
	for _, r := range list {
		s = append(s, r.Status)
	}
	return s
}

func tick(t *testing.T, s *Scheduler) int {
	t.Helper()
	n, err := s.Tick(context.Background())
	if err != nil {
		t.Fatalf("Tick: %v", err)
	}
	return n
}

// TestRestartDeliversOnce: a reminder is set, the bot stops, the clock
// passes the reminder's time while it is down, and the next start
// delivers it exactly once, however often it ticks or restarts.
func TestRestartDeliversOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "authorbot.db")
	clk := &clock{t: start}
	out := &inbox{}

	db := openStore(t, path)
	add(t, db, "slack", "U1", "Publish on KDP today", start.Add(time.Hour))
	s := &Scheduler{Store: db, Notifiers: map[bot.Platform]bot.Notifier{bot.Slack: out}, Now: clk.Now}
	if n := tick(t, s); n != 0 {
		t.Fatalf("delivered %d before the reminder was due", n)
	}
	db.Close() // the bot stops

	clk.Add(5 * time.Hour) // and stays down past the reminder's time

	db = openStore(t, path)
	s = &Scheduler{Store: db, Notifiers: map[bot.Platform]bot.Notifier{bot.Slack: out}, Now: clk.Now}
	if n := tick(t, s); n != 1 {
		t.Fatalf("first tick after restart delivered %d, want 1", n)
	}
	if n := tick(t, s); n != 0 {
		t.Errorf("second tick delivered %d again", n)
	}
	db.Close()

	db = openStore(t, path) // and once more
	defer db.Close()
	s = &Scheduler{Store: db, Notifiers: map[bot.Platform]bot.Notifier{bot.Slack: out}, Now: clk.Now}
	clk.Add(24 * time.Hour)
	if n := tick(t, s); n != 0 {
		t.Errorf("a later restart delivered %d again", n)
	}
	if diff := cmp.Diff([]string{"U1: Publish on KDP today"}, out.messages()); diff != "" {
		t.Errorf("delivered (-want +got):\n%s", diff)
	}
	if got := status(t, db, "slack", "U1"); !cmp.Equal(got, []string{ledger.ReminderDelivered}) {
		t.Errorf("status = %v, want delivered", got)
	}
}

// TestConcurrentSchedulersDeliverOnce runs two schedulers on two
// connections to the same file, as two processes would.
func TestConcurrentSchedulersDeliverOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "authorbot.db")
	clk := &clock{t: start}
	out := &inbox{}
	db := openStore(t, path)
	defer db.Close()
	const n = 30
	for i := range n {
		add(t, db, "discord", "42", "r", start.Add(time.Duration(i)*time.Minute))
	}
	other := openStore(t, path)
	defer other.Close()
	var schedulers []*Scheduler
	for _, st := range []*store.DB{db, other} {
		schedulers = append(schedulers, &Scheduler{Store: st, Notifiers: map[bot.Platform]bot.Notifier{bot.Discord: out}, Now: clk.Now})
	}
	// Both tick at the same moments; time moves between rounds only, as
	// it cannot jump past a lease while a send is bounded by Timeout.
	for range 12 {
		var wg sync.WaitGroup
		for _, s := range schedulers {
			wg.Go(func() {
				for range 3 {
					if _, err := s.Tick(context.Background()); err != nil {
						t.Error(err)
					}
				}
			})
		}
		wg.Wait()
		clk.Add(3 * time.Minute)
	}
	if got := len(out.messages()); got != n {
		t.Errorf("%d messages sent for %d reminders", got, n)
	}
	for _, s := range status(t, db, "discord", "42") {
		if s != ledger.ReminderDelivered {
			t.Errorf("a reminder is %s, want delivered", s)
		}
	}
}

// TestFailedSendIsRetried: the platform refuses the first send; the
// reminder stays pending, is not hammered, and is delivered once later.
func TestFailedSendIsRetried(t *testing.T) {
	db := openStore(t, filepath.Join(t.TempDir(), "a.db"))
	defer db.Close()
	clk := &clock{t: start}
	out := &inbox{failures: 2}
	s := &Scheduler{Store: db, Notifiers: map[bot.Platform]bot.Notifier{bot.Slack: out}, Now: clk.Now}
	add(t, db, "slack", "U1", "Check the proof", start)

	if n := tick(t, s); n != 0 {
		t.Fatalf("delivered %d through a failing platform", n)
	}
	if got := status(t, db, "slack", "U1"); got[0] != ledger.ReminderPending {
		t.Fatalf("after a failure the reminder is %s, want pending", got[0])
	}
	if n := tick(t, s); n != 0 || out.failures != 1 {
		t.Fatalf("retried at once (failures left %d)", out.failures)
	}
	clk.Add(30 * time.Second) // first retry
	tick(t, s)
	clk.Add(30 * time.Second) // the second waits a minute
	if n := tick(t, s); n != 0 {
		t.Fatal("second retry came too early")
	}
	clk.Add(30 * time.Second)
	if n := tick(t, s); n != 1 {
		t.Fatalf("second retry delivered %d, want 1", n)
	}
	clk.Add(time.Hour)
	tick(t, s)
	if diff := cmp.Diff([]string{"U1: Check the proof"}, out.messages()); diff != "" {
		t.Errorf("delivered (-want +got):\n%s", diff)
	}
}

func TestGivesUpAfterMaxAttempts(t *testing.T) {
	db := openStore(t, filepath.Join(t.TempDir(), "a.db"))
	defer db.Close()
	clk := &clock{t: start}
	out := &inbox{failures: 100}
	s := &Scheduler{Store: db, Notifiers: map[bot.Platform]bot.Notifier{bot.Slack: out}, Now: clk.Now, MaxAttempts: 3}
	add(t, db, "slack", "U1", "x", start)
	for range 10 {
		tick(t, s)
		clk.Add(time.Hour)
	}
	if out.failures != 97 {
		t.Errorf("%d sends tried, want 3", 100-out.failures)
	}
	if got := status(t, db, "slack", "U1"); got[0] != ledger.ReminderFailed {
		t.Errorf("status = %s, want failed", got[0])
	}
}

// TestMissingPlatformKeepsReminder: a reminder for a platform that is not
// connected waits, untouched, until a scheduler that has it runs.
func TestMissingPlatformKeepsReminder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.db")
	db := openStore(t, path)
	defer db.Close()
	clk := &clock{t: start}
	slackOut, discordOut := &inbox{}, &inbox{}
	add(t, db, "discord", "42", "From Discord", start)

	s := &Scheduler{Store: db, Notifiers: map[bot.Platform]bot.Notifier{bot.Slack: slackOut}, Now: clk.Now}
	for range 3 {
		tick(t, s)
		clk.Add(time.Hour)
	}
	if got := status(t, db, "discord", "42"); got[0] != ledger.ReminderPending {
		t.Fatalf("status = %s, want pending", got[0])
	}
	list, _ := db.Reminders(context.Background(), bot.User{Platform: bot.Discord, ID: "42"}.Key())
	if list[0].Attempts != 0 {
		t.Errorf("%d attempts counted while the platform was away", list[0].Attempts)
	}
	s.Notifiers[bot.Discord] = discordOut
	if n := tick(t, s); n != 1 || len(slackOut.messages()) != 0 {
		t.Errorf("delivered %d (Slack got %v), want 1 through Discord", n, slackOut.messages())
	}
}

// TestReacher: a notifier that reaches one user leaves the others'
// reminders on its platform waiting.
func TestReacher(t *testing.T) {
	db := openStore(t, filepath.Join(t.TempDir(), "a.db"))
	defer db.Close()
	clk := &clock{t: start}
	alice := reachingInbox{&inbox{only: "alice"}}
	add(t, db, "console", "alice", "for alice", start)
	add(t, db, "console", "bob", "for bob", start)
	s := &Scheduler{Store: db, Notifiers: map[bot.Platform]bot.Notifier{bot.Console: alice}, Now: clk.Now}
	if n := tick(t, s); n != 1 {
		t.Fatalf("delivered %d, want 1", n)
	}
	if got := status(t, db, "console", "bob"); got[0] != ledger.ReminderPending {
		t.Errorf("bob's reminder is %s, want pending", got[0])
	}
	bob := reachingInbox{&inbox{only: "bob"}}
	s.Notifiers[bot.Console] = bob
	if n := tick(t, s); n != 1 || len(bob.messages()) != 1 {
		t.Errorf("bob's console delivered %d", n)
	}
}

// TestExpiredClaimIsRetried: a scheduler that claimed a reminder and died
// before sending it leaves it sending; once the lease runs out another
// run delivers it.
func TestExpiredClaimIsRetried(t *testing.T) {
	db := openStore(t, filepath.Join(t.TempDir(), "a.db"))
	defer db.Close()
	clk := &clock{t: start}
	out := &inbox{}
	add(t, db, "slack", "U1", "claimed then crashed", start)
	if _, err := db.ClaimReminders(context.Background(), ledger.Claim{Now: start, Lease: DefaultLease, Platforms: []string{"slack"}}); err != nil {
		t.Fatal(err)
	}
	s := &Scheduler{Store: db, Notifiers: map[bot.Platform]bot.Notifier{bot.Slack: out}, Now: clk.Now}
	if n := tick(t, s); n != 0 {
		t.Fatal("took a reminder whose claim still holds")
	}
	clk.Add(DefaultLease)
	if n := tick(t, s); n != 1 {
		t.Fatalf("after the lease delivered %d, want 1", n)
	}
	clk.Add(DefaultLease)
	if n := tick(t, s); n != 0 {
		t.Fatal("delivered twice")
	}
}

// TestRunStopsOnCancel: Run delivers what is due at start, without
// waiting for the first interval, and returns when ctx is cancelled.
func TestRunStopsOnCancel(t *testing.T) {
	db := openStore(t, filepath.Join(t.TempDir(), "a.db"))
	defer db.Close()
	clk := &clock{t: start}
	got := make(chan string, 1)
	add(t, db, "slack", "U1", "due before start", start.Add(-time.Hour))
	n := notifyFunc(func(ctx context.Context, u bot.User, r *bot.Reply) error {
		got <- bot.PlainText(r)
		return nil
	})
	s := &Scheduler{Store: db, Notifiers: map[bot.Platform]bot.Notifier{bot.Slack: n}, Now: clk.Now, Every: time.Hour}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- s.Run(ctx) }()
	if msg := <-got; msg != "due before start" {
		t.Errorf("delivered %q", msg)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run = %v, want nil on cancel", err)
	}
}

type notifyFunc func(ctx context.Context, u bot.User, r *bot.Reply) error

func (f notifyFunc) Notify(ctx context.Context, u bot.User, r *bot.Reply) error { return f(ctx, u, r) }

// TestShutdownHandsBack: a send cut short by shutdown makes the reminder
// due again at once rather than after the lease.
func TestShutdownHandsBack(t *testing.T) {
	db := openStore(t, filepath.Join(t.TempDir(), "a.db"))
	defer db.Close()
	clk := &clock{t: start}
	add(t, db, "slack", "U1", "x", start)
	ctx, cancel := context.WithCancel(context.Background())
	n := notifyFunc(func(ctx context.Context, u bot.User, r *bot.Reply) error {
		cancel()
		<-ctx.Done()
		return ctx.Err()
	})
	s := &Scheduler{Store: db, Notifiers: map[bot.Platform]bot.Notifier{bot.Slack: n}, Now: clk.Now}
	if _, err := s.Tick(ctx); err != nil {
		t.Fatal(err)
	}
	out := &inbox{}
	s.Notifiers[bot.Slack] = out
	if n := tick(t, s); n != 1 {
		t.Errorf("after shutdown, the next start delivered %d at once, want 1", n)
	}
}

// TestTickPurgesFinishedReminders: a delivered reminder is kept for Keep
// (30 days), then a tick deletes it; a failed one and one still to come
// stay. (Which statuses are purged, and in what batches, is tested in
// package store.)
func TestTickPurgesFinishedReminders(t *testing.T) {
	db := openStore(t, filepath.Join(t.TempDir(), "authorbot.db"))
	defer db.Close()
	clk := &clock{t: start}
	box := &inbox{failures: 1}
	s := &Scheduler{Store: db, Notifiers: map[bot.Platform]bot.Notifier{bot.Slack: box}, Now: clk.Now, MaxAttempts: 1}
	add(t, db, "slack", "U1", "fails", start)
	if n := tick(t, s); n != 0 {
		t.Fatalf("delivered %d, want the first send to fail", n)
	}
	add(t, db, "slack", "U1", "due now", start)
	add(t, db, "slack", "U1", "next year", start.AddDate(1, 0, 0))
	if n := tick(t, s); n != 1 {
		t.Fatalf("delivered %d, want 1", n)
	}
	clk.Add(DefaultKeep - time.Minute)
	tick(t, s)
	if got, want := status(t, db, "slack", "U1"), []string{"failed", "delivered", "pending"}; !cmp.Equal(got, want) {
		t.Errorf("before %v: %v, want %v", DefaultKeep, got, want)
	}
	// Purges are PurgeEvery apart once one finds nothing more to delete.
	clk.Add(PurgeEvery + time.Minute)
	tick(t, s)
	if got, want := status(t, db, "slack", "U1"), []string{"failed", "pending"}; !cmp.Equal(got, want) {
		t.Errorf("after %v: %v, want %v", DefaultKeep, got, want)
	}
}
