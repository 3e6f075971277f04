// Package storetest is the behaviour every database engine of authorbot
// must show, as one suite of tests that each engine's package runs
// against its own store: SQLite (package store) and PostgreSQL (package
// store/postgres). A test of what one engine alone does (SQLite's files,
// its query plans) stays in that engine's package.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/authorbot/authorbot/ledger"
	"github.com/authorbot/authorbot/remind"
)

// Store is what the suite uses of a store: what the bot's packages need
// of it (ledger.Store, remind.Store, the votes and the readiness check)
// and the few shortcuts the tests add data with.
type Store interface {
	ledger.Store
	remind.Store
	Vote(ctx context.Context, user, topic, lang string, helpful bool) (bool, error)
	Writable(ctx context.Context) error
	Close() error

	AddOrder(ctx context.Context, o ledger.Order) (ledger.Order, error)
	AddReminder(ctx context.Context, r ledger.Reminder) (ledger.Reminder, error)
	UpdateReminderSettings(ctx context.Context, user string, fn func(*ledger.ReminderSettings)) (ledger.ReminderSettings, error)

	Moderated
}

// Opener opens a new, empty database, closed at the end of t, and
// returns it with a function that opens the same database again, as
// another process (a replica, a console beside the server) would.
type Opener func(t *testing.T) (Store, func() Store)

// Run runs the suite, each test on a database of its own.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		test func(t *testing.T, open Opener)
	}{
		{"AddAndGet", testAddAndGet},
		{"UpdateRollsBack", testUpdateRollsBack},
		{"Pages", testPages},
		{"ConcurrentAdds", testConcurrentAdds},
		{"UpdatesOfSeveralProcesses", testConcurrentUpdates},
		{"PagesSeeOtherProcesses", testPagesSeeOthers},
		{"Votes", testVotes},
		{"ExportAndForget", testExportAndForget},
		{"Reminders", testReminders},
		{"ReminderCap", testReminderCap},
		{"Claims", testClaims},
		{"ClaimSkipsAutomaticWhenOff", testClaimSkips},
		{"ClaimsOfSeveralProcesses", testClaimsConcurrent},
		{"Purge", testPurge},
		{"Writable", testWritable},
		{"SlackTokens", testSlackTokens},
		{"InstallStates", testInstallStates},
		{"SignInLinks", testSignInLinks},
		{"KBOverrides", testKBOverrides},
		{"GapPurge", testGapPurge},
		{"HandoffAnsweredOnce", testHandoffOnce},
		{"DigestClaimedOnce", testDigestOnce},
		{"ExamplesVersion", testExamplesVersion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.test(t, open) })
	}
}

var ctx = context.Background()

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func sample(user string) ledger.Order {
	return ledger.Order{User: user, Quantity: 10, Marketplace: "amazon.com", Title: "The Long Road", Ordered: day("2026-03-01")}
}

func testAddAndGet(t *testing.T, open Opener) {
	db, _ := open(t)
	o := sample("u")
	o.Note, o.ISBN, o.Expected = "for the fair", "9781234567897", day("2026-03-10")
	added, err := db.AddOrder(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	if added.Number != 1 || added.Kind != ledger.KindAuthor || added.Status != ledger.StatusOrdered || added.Created.IsZero() {
		t.Errorf("added = %+v", added)
	}
	got, err := db.Order(ctx, "u", 1)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(added, got); diff != "" {
		t.Errorf("Order differs from what AddOrder returned (-added +got):\n%s", diff)
	}
	if _, err := db.Order(ctx, "u", 2); !errors.Is(err, ledger.ErrNotFound) {
		t.Errorf("missing order: err = %v, want ErrNotFound", err)
	}
	if _, err := db.Order(ctx, "someone else", 1); !errors.Is(err, ledger.ErrNotFound) {
		t.Errorf("another author's order: err = %v, want ErrNotFound", err)
	}
	// A deleted order's number is never given again.
	db.AddOrder(ctx, sample("u"))
	err = db.Update(ctx, "u", func(tx ledger.Tx) error { return tx.DeleteOrder(2) })
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(ctx, "u", func(tx ledger.Tx) error { return tx.DeleteOrder(2) }); !errors.Is(err, ledger.ErrNotFound) {
		t.Errorf("deleting twice: err = %v, want ErrNotFound", err)
	}
	third, _ := db.AddOrder(ctx, sample("u"))
	if third.Number != 3 {
		t.Errorf("number after a delete = %d, want 3", third.Number)
	}
	// PutOrder keeps the number and the creation time.
	var put ledger.Order
	err = db.Update(ctx, "u", func(tx ledger.Tx) error {
		o, err := tx.Order(1)
		if err != nil {
			return err
		}
		o.Status, o.Shipped, o.Tracking = ledger.StatusShipped, day("2026-03-04"), "1Z999"
		put, err = tx.PutOrder(o)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	got, _ = db.Order(ctx, "u", 1)
	if diff := cmp.Diff(put, got); diff != "" || !got.Created.Equal(added.Created) || got.Tracking != "1Z999" {
		t.Errorf("after PutOrder (-put +got):\n%s", diff)
	}
	all, err := db.Orders(ctx, "u", "")
	if err != nil || len(all) != 2 || all[0].Number != 1 || all[1].Number != 3 {
		t.Errorf("Orders = %+v, %v", all, err)
	}
	shipped, _ := db.Orders(ctx, "u", ledger.StatusShipped)
	if len(shipped) != 1 || shipped[0].Number != 1 {
		t.Errorf("shipped orders = %+v", shipped)
	}
}

func testUpdateRollsBack(t *testing.T, open Opener) {
	db, _ := open(t)
	db.AddOrder(ctx, sample("u"))
	refused := errors.New("refused")
	err := db.Update(ctx, "u", func(tx ledger.Tx) error {
		if _, err := tx.AddOrder(sample("u")); err != nil {
			return err
		}
		if err := tx.DeleteOrder(1); err != nil {
			return err
		}
		return refused
	})
	if err != refused {
		t.Fatalf("Update = %v, want fn's error unchanged", err)
	}
	list, _ := db.Orders(ctx, "u", "")
	if len(list) != 1 || list[0].Number != 1 {
		t.Errorf("after a refused update: %+v, want order 1 alone", list)
	}
	if next, _ := db.AddOrder(ctx, sample("u")); next.Number != 2 {
		t.Errorf("number after a refused update = %d, want 2 (the refused one's rolled back)", next.Number)
	}
}

func testPages(t *testing.T, open Opener) {
	db, _ := open(t)
	for i := range 7 {
		o := sample("u")
		o.Title = fmt.Sprintf("Book %d", i+1)
		db.AddOrder(ctx, o)
	}
	setStatus := func(n int, status string, delivered time.Time) {
		t.Helper()
		err := db.Update(ctx, "u", func(tx ledger.Tx) error {
			o, err := tx.Order(n)
			if err != nil {
				return err
			}
			o.Status, o.Delivered = status, delivered
			_, err = tx.PutOrder(o)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	setStatus(2, ledger.StatusDelivered, day("2026-01-01"))
	setStatus(3, ledger.StatusDelivered, day("2026-03-20"))
	setStatus(4, ledger.StatusCancelled, time.Time{})
	setStatus(5, ledger.StatusShipped, time.Time{})

	numbers := func(list []ledger.Order) []int {
		var n []int
		for _, o := range list {
			n = append(n, o.Number)
		}
		return n
	}
	for _, tt := range []struct {
		status string
		limit  int
		want   []int
		total  int
	}{
		{"", 3, []int{5, 6, 7}, 7},
		{"", 25, []int{1, 2, 3, 4, 5, 6, 7}, 7},
		{ledger.StatusOrdered, 2, []int{6, 7}, 3},
		{ledger.StatusDelivered, 25, []int{2, 3}, 2},
		{ledger.StatusCancelled, 25, []int{4}, 1},
		{ledger.StatusShipped, 1, []int{5}, 1},
	} {
		list, total, err := db.LatestOrders(ctx, "u", tt.status, tt.limit)
		if err != nil || !cmp.Equal(numbers(list), tt.want) || total != tt.total {
			t.Errorf("LatestOrders(%q, %d) = %v of %d, %v; want %v of %d", tt.status, tt.limit, numbers(list), total, err, tt.want, tt.total)
		}
	}
	// A page read twice (a cache, if any) still follows a write.
	db.LatestOrders(ctx, "u", "", 3)
	setStatus(7, ledger.StatusShipped, time.Time{})
	if list, total, _ := db.LatestOrders(ctx, "u", ledger.StatusShipped, 25); !cmp.Equal(numbers(list), []int{5, 7}) || total != 2 {
		t.Errorf("shipped after a write = %v of %d, want [5 7] of 2", numbers(list), total)
	}
	if list, total, _ := db.LatestOrders(ctx, "nobody", "", 25); len(list) != 0 || total != 0 {
		t.Errorf("an author with no orders: %v of %d", list, total)
	}
	if _, _, err := db.LatestOrders(ctx, "u", "lost", 25); err == nil {
		t.Error("LatestOrders with an unknown status: no error")
	}
	recent, err := db.RecentOrders(ctx, "u", day("2026-03-01"))
	if err != nil || !cmp.Equal(numbers(recent), []int{1, 3, 5, 6, 7}) {
		t.Errorf("RecentOrders = %v, %v; want [1 3 5 6 7]", numbers(recent), err)
	}
}

// testConcurrentAdds adds orders from several handles on one database at
// once: every order gets a number of its own, and the counts agree.
func testConcurrentAdds(t *testing.T, open Opener) {
	db, again := open(t)
	handles := []Store{db, again(), again()}
	const each = 15
	var wg sync.WaitGroup
	for _, h := range handles {
		for range 2 {
			wg.Go(func() {
				for range each {
					if _, err := h.AddOrder(ctx, sample("u")); err != nil {
						t.Error(err)
						return
					}
				}
			})
		}
	}
	wg.Wait()
	list, err := db.Orders(ctx, "u", "")
	want := len(handles) * 2 * each
	if err != nil || len(list) != want {
		t.Fatalf("%d orders, %v; want %d", len(list), err, want)
	}
	for i, o := range list {
		if o.Number != i+1 {
			t.Fatalf("order %d has number %d: numbers given twice or skipped", i, o.Number)
		}
	}
	if _, total, _ := db.LatestOrders(ctx, "u", ledger.StatusOrdered, 1); total != want {
		t.Errorf("count = %d, want %d", total, want)
	}
}

// testConcurrentUpdates changes one order from several processes at
// once, each reading it and writing it back in one Update: updates of an
// author run one after the other, so none is lost.
func testConcurrentUpdates(t *testing.T, open Opener) {
	db, again := open(t)
	o := sample("u")
	o.Quantity = 1
	db.AddOrder(ctx, o)
	handles := []Store{db, again(), again()}
	const each = 8
	var wg sync.WaitGroup
	for _, h := range handles {
		for range 2 {
			wg.Go(func() {
				for range each {
					err := h.Update(ctx, "u", func(tx ledger.Tx) error {
						o, err := tx.Order(1)
						if err != nil {
							return err
						}
						o.Quantity++
						_, err = tx.PutOrder(o)
						return err
					})
					if err != nil {
						t.Error(err)
						return
					}
				}
			})
		}
	}
	wg.Wait()
	got, _ := db.Order(ctx, "u", 1)
	if want := 1 + len(handles)*2*each; got.Quantity != want {
		t.Errorf("quantity = %d after %d increments, want %d: updates were lost", got.Quantity, want-1, want)
	}
}

// testPagesSeeOthers: a page read by one process shows, within seconds,
// the order another process added since.
func testPagesSeeOthers(t *testing.T, open Opener) {
	db, again := open(t)
	other := again()
	db.AddOrder(ctx, sample("u"))
	for range 2 { // read twice: the second may come from a cache
		if list, _, _ := db.LatestOrders(ctx, "u", "", 25); len(list) != 1 {
			t.Fatalf("%d orders, want 1", len(list))
		}
	}
	if _, err := other.AddOrder(ctx, sample("u")); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		list, total, err := db.LatestOrders(ctx, "u", "", 25)
		if err == nil && len(list) == 2 && total == 2 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("another process's order still missing: %d orders of %d, %v", len(list), total, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func testVotes(t *testing.T, open Opener) {
	db, _ := open(t)
	for _, v := range []struct {
		helpful, first bool
	}{{true, true}, {false, false}, {true, false}} {
		first, err := db.Vote(ctx, "u", "proof-copy", "en", v.helpful)
		if err != nil || first != v.first {
			t.Errorf("Vote(%v) = %v, %v; want first %v", v.helpful, first, err, v.first)
		}
	}
	if first, _ := db.Vote(ctx, "u", "proof-copy", "fr", true); !first {
		t.Error("a vote in another language is not a first vote")
	}
	d, err := db.Export(ctx, "u")
	if err != nil || len(d.Votes) != 2 || !d.Votes[0].Helpful || d.Votes[0].Lang != "en" {
		t.Errorf("exported votes = %+v, %v", d.Votes, err)
	}
}

func testExportAndForget(t *testing.T, open Opener) {
	db, _ := open(t)
	db.AddOrder(ctx, sample("u"))
	db.AddOrder(ctx, sample("u"))
	db.AddOrder(ctx, sample("other"))
	db.Vote(ctx, "u", "isbn", "en", true)
	db.AddReminder(ctx, note("u", time.Now().Add(time.Hour), "call the printer"))
	d, err := db.Export(ctx, "u")
	if err != nil {
		t.Fatal(err)
	}
	if d.User != "u" || d.LastOrder != 2 || len(d.Orders) != 2 || len(d.Votes) != 1 ||
		len(d.Reminders) != 1 || d.ReminderSettings == nil || d.ReminderSettings.LastNumber != 1 {
		t.Errorf("export = %+v", d)
	}
	if err := db.Forget(ctx, "u"); err != nil {
		t.Fatal(err)
	}
	d, _ = db.Export(ctx, "u")
	if d.LastOrder != 0 || len(d.Orders) != 0 || len(d.Votes) != 0 || len(d.Reminders) != 0 || d.ReminderSettings != nil {
		t.Errorf("after Forget: %+v", d)
	}
	if list, total, _ := db.LatestOrders(ctx, "u", "", 25); len(list) != 0 || total != 0 {
		t.Errorf("pages after Forget: %d of %d", len(list), total)
	}
	if o, _ := db.AddOrder(ctx, sample("u")); o.Number != 1 {
		t.Errorf("first order after Forget has number %d, want 1", o.Number)
	}
	if list, _ := db.Orders(ctx, "other", ""); len(list) != 1 {
		t.Errorf("Forget touched another author: %d orders", len(list))
	}
	if err := db.Forget(ctx, "nobody"); err != nil {
		t.Errorf("Forget of an author with no data: %v", err)
	}
}

// rt0 is the reminder tests' now.
var rt0 = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

func note(user string, due time.Time, text string) ledger.Reminder {
	return ledger.Reminder{User: user, Platform: "slack", Workspace: "T1", UserID: "U1",
		Kind: ledger.ReminderNote, Due: due, Text: text}
}

func testReminders(t *testing.T, open Opener) {
	db, _ := open(t)
	first, err := db.AddReminder(ctx, note("a", rt0.Add(1500*time.Millisecond), "one"))
	if err != nil || first.Number != 1 || first.Status != ledger.ReminderPending || !first.Due.Equal(rt0.Add(time.Second)) {
		t.Fatalf("AddReminder = %+v, %v", first, err)
	}
	second, _ := db.AddReminder(ctx, note("a", rt0, "two"))
	if second.Number != 2 {
		t.Errorf("second number = %d", second.Number)
	}
	list, err := db.Reminders(ctx, "a")
	if err != nil || len(list) != 2 || list[0].Text != "one" || list[1].Workspace != "T1" || list[0].Zone != "UTC" || list[0].Lang != "en" {
		t.Fatalf("Reminders = %+v, %v", list, err)
	}
	if diff := cmp.Diff(first, list[0]); diff != "" {
		t.Errorf("stored reminder differs (-added +listed):\n%s", diff)
	}

	var cancelled ledger.Reminder
	err = db.Update(ctx, "a", func(tx ledger.Tx) error {
		var err error
		cancelled, err = tx.CancelReminder(1)
		return err
	})
	if err != nil || cancelled.Status != ledger.ReminderCancelled {
		t.Errorf("CancelReminder = %+v, %v", cancelled, err)
	}
	err = db.Update(ctx, "a", func(tx ledger.Tx) error { _, err := tx.CancelReminder(1); return err })
	if !errors.Is(err, ledger.ErrNotPending) {
		t.Errorf("cancelling twice: %v, want ErrNotPending", err)
	}
	err = db.Update(ctx, "a", func(tx ledger.Tx) error { _, err := tx.CancelReminder(9); return err })
	if !errors.Is(err, ledger.ErrNotFound) {
		t.Errorf("cancelling a missing one: %v, want ErrNotFound", err)
	}

	// A tagged reminder exists once: pending, it is rescheduled; once
	// delivered, it is returned as it is.
	late := ledger.Reminder{User: "a", Platform: "slack", UserID: "U1", Kind: ledger.ReminderLate,
		Tag: "order:1:late", Order: 1, Due: rt0, Text: "late"}
	r1, _ := db.AddReminder(ctx, late)
	late.Due, late.Text = rt0.Add(time.Hour), "later"
	r2, err := db.AddReminder(ctx, late)
	if err != nil || r2.Number != r1.Number || !r2.Due.Equal(rt0.Add(time.Hour)) || r2.Status != ledger.ReminderPending {
		t.Errorf("rescheduled = %+v, %v; want number %d at the new time", r2, err, r1.Number)
	}
	var done bool
	err = db.Update(ctx, "a", func(tx ledger.Tx) error {
		var err error
		done, err = tx.CancelReminderTag("order:1:late")
		return err
	})
	if err != nil || !done {
		t.Errorf("CancelReminderTag = %v, %v", done, err)
	}
	late.Text = "again"
	r3, _ := db.AddReminder(ctx, late)
	if r3.Number != r1.Number || r3.Status != ledger.ReminderPending {
		t.Errorf("a cancelled tagged reminder added again = %+v", r3)
	}
	claimed, _ := db.ClaimReminders(ctx, ledger.Claim{Now: rt0.Add(2 * time.Hour), Lease: time.Minute, Platforms: []string{"slack"}})
	for _, c := range claimed {
		db.MarkReminderDelivered(ctx, c, rt0.Add(2*time.Hour))
	}
	late.Due = rt0.Add(3 * time.Hour)
	r4, _ := db.AddReminder(ctx, late)
	if r4.Status != ledger.ReminderDelivered || r4.Number != r1.Number {
		t.Errorf("a delivered tagged reminder added again = %+v, want it unchanged", r4)
	}
	if d := r4.Delivered; !d.Equal(rt0.Add(2 * time.Hour)) {
		t.Errorf("delivered at %v", d)
	}

	s, err := db.UpdateReminderSettings(ctx, "a", func(s *ledger.ReminderSettings) { s.Zone = "Europe/Paris"; s.LastNumber = 99 })
	if err != nil || s.Zone != "Europe/Paris" || s.LastNumber != 3 || !s.Automatic {
		t.Errorf("UpdateReminderSettings = %+v, %v", s, err)
	}
	if got, _ := db.ReminderSettings(ctx, "a"); got != s {
		t.Errorf("ReminderSettings = %+v, want %+v", got, s)
	}
}

func testReminderCap(t *testing.T, open Opener) {
	db, _ := open(t)
	plan := make([]ledger.Reminder, ledger.MaxOpenReminders-1)
	for i := range plan {
		plan[i] = note("a", rt0.Add(time.Duration(i)*time.Minute), "step")
	}
	err := db.Update(ctx, "a", func(tx ledger.Tx) error { _, err := tx.AddReminders(plan); return err })
	if err != nil {
		t.Fatal(err)
	}
	// Two more would pass the cap: neither is set.
	err = db.Update(ctx, "a", func(tx ledger.Tx) error {
		_, err := tx.AddReminders([]ledger.Reminder{note("a", rt0, "x"), note("a", rt0, "y")})
		return err
	})
	var too ledger.TooManyReminders
	if !errors.As(err, &too) || too.Open != ledger.MaxOpenReminders-1 || too.Adding != 2 {
		t.Fatalf("err = %v, want TooManyReminders{Open: %d, Adding: 2}", err, ledger.MaxOpenReminders-1)
	}
	if list, _ := db.Reminders(ctx, "a"); len(list) != ledger.MaxOpenReminders-1 {
		t.Errorf("%d reminders after a refused plan", len(list))
	}
	// Automatic ones are never refused.
	auto := ledger.Reminder{User: "a", Platform: "slack", UserID: "U1", Kind: ledger.ReminderLate, Tag: "order:1:late", Due: rt0, Text: "late"}
	db.AddReminder(ctx, note("a", rt0, "the last one"))
	if _, err := db.AddReminder(ctx, auto); err != nil {
		t.Errorf("automatic reminder past the cap: %v", err)
	}
}

func testClaims(t *testing.T, open Opener) {
	db, _ := open(t)
	db.AddReminder(ctx, note("a", rt0, "slack one"))
	d := note("a", rt0, "discord one")
	d.Platform = "discord"
	db.AddReminder(ctx, d)
	db.AddReminder(ctx, note("a", rt0.Add(time.Hour), "later"))

	got, err := db.ClaimReminders(ctx, ledger.Claim{Now: rt0, Lease: 2 * time.Minute, Platforms: []string{"slack"}})
	if err != nil || len(got) != 1 || got[0].Text != "slack one" || got[0].Attempts != 1 || got[0].Claim == "" || got[0].Status != ledger.ReminderSending {
		t.Fatalf("claim = %+v, %v; want the due Slack reminder only", got, err)
	}
	if again, _ := db.ClaimReminders(ctx, ledger.Claim{Now: rt0.Add(time.Minute), Lease: time.Minute, Platforms: []string{"slack"}}); len(again) != 0 {
		t.Errorf("claimed twice within the lease: %+v", again)
	}
	// Cancelling it while it is being sent is refused.
	err = db.Update(ctx, "a", func(tx ledger.Tx) error { _, err := tx.CancelReminder(got[0].Number); return err })
	if !errors.Is(err, ledger.ErrNotPending) {
		t.Errorf("cancel while sending: %v, want ErrNotPending", err)
	}
	again, _ := db.ClaimReminders(ctx, ledger.Claim{Now: rt0.Add(3 * time.Minute), Lease: time.Minute, Platforms: []string{"slack"}})
	if len(again) != 1 || again[0].Claim == got[0].Claim || again[0].Attempts != 2 {
		t.Fatalf("after the lease: %+v", again)
	}
	if ok, _ := db.MarkReminderDelivered(ctx, got[0], rt0); ok {
		t.Error("a stale claim marked the reminder delivered")
	}
	if ok, err := db.RetryReminder(ctx, again[0], rt0.Add(10*time.Minute), "slack: 500"); !ok || err != nil {
		t.Fatalf("RetryReminder = %v, %v", ok, err)
	}
	if none, _ := db.ClaimReminders(ctx, ledger.Claim{Now: rt0.Add(9 * time.Minute), Platforms: []string{"slack"}}); len(none) != 0 {
		t.Errorf("retried before its time: %+v", none)
	}
	third, _ := db.ClaimReminders(ctx, ledger.Claim{Now: rt0.Add(10 * time.Minute), Platforms: []string{"slack"}, Limit: 1})
	if len(third) != 1 || third[0].Text != "slack one" {
		t.Fatalf("retry claim = %+v", third)
	}
	if ok, _ := db.RetryReminder(ctx, third[0], time.Time{}, "user blocked the bot"); !ok {
		t.Fatal("RetryReminder(zero) = false")
	}
	list, _ := db.Reminders(ctx, "a")
	if list[0].Status != ledger.ReminderFailed || list[1].Status != ledger.ReminderPending {
		t.Errorf("statuses = %s, %s; want failed, pending (Discord not connected)", list[0].Status, list[1].Status)
	}
	none, _ := db.ClaimReminders(ctx, ledger.Claim{Now: rt0.Add(time.Hour), Platforms: []string{"slack", "discord"},
		Want: func(r ledger.Reminder) bool { return r.UserID == "someone else" }})
	if len(none) != 0 {
		t.Errorf("Want was ignored: %+v", none)
	}
	both, _ := db.ClaimReminders(ctx, ledger.Claim{Now: rt0.Add(time.Hour), Lease: time.Minute, Platforms: []string{"slack", "discord"}})
	if len(both) != 2 || both[0].Text != "discord one" || both[1].Text != "later" {
		t.Errorf("claim of both platforms = %+v", both)
	}
	for _, r := range both {
		if ok, err := db.MarkReminderDelivered(ctx, r, rt0.Add(time.Hour)); !ok || err != nil {
			t.Errorf("MarkReminderDelivered = %v, %v", ok, err)
		}
	}
	if ok, _ := db.MarkReminderDelivered(ctx, both[0], rt0.Add(time.Hour)); ok {
		t.Error("delivered twice")
	}
}

func testClaimSkips(t *testing.T, open Opener) {
	db, _ := open(t)
	late := ledger.Reminder{User: "a", Platform: "slack", UserID: "U1", Kind: ledger.ReminderLate, Tag: "order:1:late", Order: 1, Due: rt0, Text: "late"}
	db.AddReminder(ctx, late)
	db.AddReminder(ctx, note("a", rt0, "asked for"))
	db.UpdateReminderSettings(ctx, "a", func(s *ledger.ReminderSettings) { s.Automatic = false })
	got, err := db.ClaimReminders(ctx, ledger.Claim{Now: rt0, Lease: time.Minute, Platforms: []string{"slack"}})
	if err != nil || len(got) != 1 || got[0].Text != "asked for" {
		t.Fatalf("claim = %+v, %v; want only the reminder the author asked for", got, err)
	}
	list, _ := db.Reminders(ctx, "a")
	if list[0].Status != ledger.ReminderSkipped {
		t.Errorf("automatic reminder is %s, want skipped", list[0].Status)
	}
	if s, _ := db.ReminderSettings(ctx, "nobody"); !s.Automatic || s.Zone != "" {
		t.Errorf("default settings = %+v", s)
	}
}

// testClaimsConcurrent claims from several processes at once, as the
// schedulers of several replicas do: every reminder is claimed once.
func testClaimsConcurrent(t *testing.T, open Opener) {
	db, again := open(t)
	const n = 60
	for i := range n {
		user := fmt.Sprintf("a%d", i%7)
		if _, err := db.AddReminder(ctx, note(user, rt0.Add(time.Duration(i)*time.Second), "r")); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	seen := map[string]int{}
	var wg sync.WaitGroup
	for i := range 4 {
		h := db
		if i > 0 {
			h = again()
		}
		wg.Go(func() {
			for range 30 {
				got, err := h.ClaimReminders(ctx, ledger.Claim{Now: rt0.Add(time.Hour), Lease: time.Hour, Platforms: []string{"slack"}, Limit: 3})
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				for _, r := range got {
					seen[fmt.Sprintf("%s#%d", r.User, r.Number)]++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(seen) != n {
		t.Errorf("%d reminders claimed, want %d", len(seen), n)
	}
	for key, c := range seen {
		if c != 1 {
			t.Errorf("reminder %s claimed %d times", key, c)
		}
	}
}

func testPurge(t *testing.T, open Opener) {
	db, _ := open(t)
	for i := range 5 {
		db.AddReminder(ctx, note("a", rt0.Add(time.Duration(i)*time.Minute), "r"))
	}
	got, _ := db.ClaimReminders(ctx, ledger.Claim{Now: rt0.Add(time.Hour), Lease: time.Minute, Platforms: []string{"slack"}, Limit: 3})
	for _, r := range got {
		db.MarkReminderDelivered(ctx, r, rt0.Add(time.Hour))
	}
	// Delivered an hour in; a purge of what closed before then leaves them.
	if n, err := db.PurgeReminders(ctx, rt0.Add(time.Hour), 10); n != 0 || err != nil {
		t.Errorf("purge before they closed = %d, %v", n, err)
	}
	if n, _ := db.PurgeReminders(ctx, rt0.Add(2*time.Hour), 2); n != 2 {
		t.Errorf("purge with limit 2 = %d", n)
	}
	if n, _ := db.PurgeReminders(ctx, rt0.Add(2*time.Hour), 10); n != 1 {
		t.Errorf("second purge = %d, want the last delivered one", n)
	}
	if list, _ := db.Reminders(ctx, "a"); len(list) != 2 || list[0].Status != ledger.ReminderPending {
		t.Errorf("left = %+v, want the two pending", list)
	}
}

func testWritable(t *testing.T, open Opener) {
	db, _ := open(t)
	if err := db.Writable(ctx); err != nil {
		t.Errorf("Writable = %v", err)
	}
	if _, err := db.AddOrder(ctx, sample("u")); err != nil {
		t.Errorf("a write after the probe: %v", err)
	}
}
