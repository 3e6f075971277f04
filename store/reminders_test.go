package store

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var rt0 = time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)

func noteReminder(user string, due time.Time, text string) Reminder {
	return Reminder{User: user, Platform: "slack", Workspace: "T1", UserID: "U1", Kind: ReminderNote,
		Due: due, Zone: "Europe/Paris", Lang: "fr", Text: text}
}

func TestAddReminderNumbersAndLists(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	db.now = func() time.Time { return rt0 }
	a1, err := db.AddReminder(ctx, noteReminder("a", rt0.Add(time.Hour+500*time.Millisecond), "one"))
	if err != nil {
		t.Fatal(err)
	}
	want := Reminder{User: "a", Number: 1, Platform: "slack", Workspace: "T1", UserID: "U1", Kind: ReminderNote,
		Due: rt0.Add(time.Hour), Zone: "Europe/Paris", Lang: "fr", Text: "one", Status: ReminderPending, Created: rt0}
	if diff := cmp.Diff(want, a1); diff != "" {
		t.Errorf("AddReminder (-want +got):\n%s", diff)
	}
	if _, err := db.AddReminder(ctx, noteReminder("b", rt0.Add(time.Hour), "b's")); err != nil {
		t.Fatal(err)
	}
	a2, _ := db.AddReminder(ctx, noteReminder("a", rt0.Add(2*time.Hour), "two"))
	if a2.Number != 2 {
		t.Errorf("second reminder of a is #%d, want #2", a2.Number)
	}
	list, err := db.Reminders(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]Reminder{a1, a2}, list); diff != "" {
		t.Errorf("Reminders (-want +got):\n%s", diff)
	}

	// Cancelled numbers are not given again.
	if _, err := db.CancelReminder(ctx, "a", 2); err != nil {
		t.Fatal(err)
	}
	if a3, _ := db.AddReminder(ctx, noteReminder("a", rt0.Add(3*time.Hour), "three")); a3.Number != 3 {
		t.Errorf("after a cancel the next reminder is #%d, want #3", a3.Number)
	}
	if _, err := db.AddReminder(ctx, Reminder{User: "a", Platform: "slack", UserID: "U1", Kind: ReminderNote, Text: "x"}); err == nil {
		t.Error("AddReminder accepted a reminder without a due time")
	}
}

func TestCancelReminder(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	db.AddReminder(ctx, noteReminder("a", rt0, "mine"))
	if _, err := db.CancelReminder(ctx, "b", 1); !errors.Is(err, ErrNotFound) {
		t.Errorf("b cancelling a's #1: %v, want ErrNotFound", err)
	}
	r, err := db.CancelReminder(ctx, "a", 1)
	if err != nil || r.Status != ReminderCancelled {
		t.Fatalf("CancelReminder = %+v, %v", r, err)
	}
	r, err = db.CancelReminder(ctx, "a", 1)
	if !errors.Is(err, ErrNotPending) || r.Status != ReminderCancelled {
		t.Errorf("second cancel = %q, %v; want the cancelled reminder and ErrNotPending", r.Status, err)
	}
}

func TestTaggedReminderOncePerTag(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	late := Reminder{User: "a", Platform: "discord", UserID: "42", Kind: ReminderLate, Tag: "order:3:late", Order: 3,
		Due: rt0, Text: "Order 3 is late"}
	r1, err := db.AddReminder(ctx, late)
	if err != nil {
		t.Fatal(err)
	}
	// The expected date moves: the same reminder is rescheduled.
	late.Due = rt0.Add(48 * time.Hour)
	r2, err := db.AddReminder(ctx, late)
	if err != nil || r2.Number != r1.Number || !r2.Due.Equal(late.Due) || r2.Status != ReminderPending {
		t.Fatalf("reschedule = %+v, %v; want #%d due %v", r2, err, r1.Number, late.Due)
	}
	// Withdrawn when the order arrives, and back when it is corrected.
	if ok, err := db.CancelReminderTag(ctx, "a", "order:3:late"); !ok || err != nil {
		t.Fatalf("CancelReminderTag = %v, %v", ok, err)
	}
	if r, _ := db.AddReminder(ctx, late); r.Status != ReminderPending || r.Number != r1.Number {
		t.Errorf("re-adding a cancelled tagged reminder = %+v; want it pending again as #%d", r, r1.Number)
	}
	// Once delivered, never again.
	claimed, err := db.ClaimReminders(ctx, Claim{Now: late.Due, Lease: time.Minute, Platforms: []string{"discord"}})
	if err != nil || len(claimed) != 1 {
		t.Fatalf("claim = %v, %v", claimed, err)
	}
	if ok, err := db.MarkReminderDelivered(ctx, claimed[0], late.Due); !ok || err != nil {
		t.Fatalf("MarkReminderDelivered = %v, %v", ok, err)
	}
	late.Due = rt0.Add(96 * time.Hour)
	r, err := db.AddReminder(ctx, late)
	if err != nil || r.Status != ReminderDelivered {
		t.Errorf("re-adding a delivered tagged reminder = %+v, %v; want it left delivered", r, err)
	}
	if list, _ := db.Reminders(ctx, "a"); len(list) != 1 {
		t.Errorf("%d reminders, want 1", len(list))
	}
}

func TestClaimReminders(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	db.AddReminder(ctx, noteReminder("a", rt0, "slack one"))
	d := noteReminder("a", rt0, "discord one")
	d.Platform = "discord"
	db.AddReminder(ctx, d)
	db.AddReminder(ctx, noteReminder("a", rt0.Add(time.Hour), "later"))

	claim := Claim{Now: rt0, Lease: 2 * time.Minute, Platforms: []string{"slack"}}
	got, err := db.ClaimReminders(ctx, claim)
	if err != nil || len(got) != 1 || got[0].Text != "slack one" || got[0].Attempts != 1 || got[0].Claim == "" {
		t.Fatalf("claim = %+v, %v; want the due Slack reminder only", got, err)
	}
	// Claimed: nobody else takes it while the lease holds.
	if again, _ := db.ClaimReminders(ctx, Claim{Now: rt0.Add(time.Minute), Lease: time.Minute, Platforms: []string{"slack"}}); len(again) != 0 {
		t.Errorf("claimed twice within the lease: %+v", again)
	}
	// A lease that ran out makes it due again, under a new claim; the old
	// claim can no longer finish it.
	again, _ := db.ClaimReminders(ctx, Claim{Now: rt0.Add(3 * time.Minute), Lease: time.Minute, Platforms: []string{"slack"}})
	if len(again) != 1 || again[0].Claim == got[0].Claim || again[0].Attempts != 2 {
		t.Fatalf("after the lease: %+v", again)
	}
	if ok, _ := db.MarkReminderDelivered(ctx, got[0], rt0); ok {
		t.Error("a stale claim marked the reminder delivered")
	}
	// A failed delivery comes back at the time given; a zero time is final.
	if ok, err := db.RetryReminder(ctx, again[0], rt0.Add(10*time.Minute), "slack: 500"); !ok || err != nil {
		t.Fatalf("RetryReminder = %v, %v", ok, err)
	}
	if none, _ := db.ClaimReminders(ctx, Claim{Now: rt0.Add(9 * time.Minute), Platforms: []string{"slack"}}); len(none) != 0 {
		t.Errorf("retried before its time: %+v", none)
	}
	third, _ := db.ClaimReminders(ctx, Claim{Now: rt0.Add(10 * time.Minute), Platforms: []string{"slack"}, Limit: 1})
	if len(third) != 1 || third[0].Text != "slack one" {
		t.Fatalf("retry claim = %+v", third)
	}
	if ok, _ := db.RetryReminder(ctx, third[0], time.Time{}, "user blocked the bot"); !ok {
		t.Fatal("RetryReminder(zero) = false")
	}
	list, _ := db.Reminders(ctx, "a")
	if list[0].Status != ReminderFailed || list[1].Status != ReminderPending {
		t.Errorf("statuses = %s, %s; want failed, pending (Discord not connected)", list[0].Status, list[1].Status)
	}
	// Want leaves the ones it does not reach alone.
	none, _ := db.ClaimReminders(ctx, Claim{Now: rt0.Add(time.Hour), Platforms: []string{"slack", "discord"},
		Want: func(r Reminder) bool { return r.Platform == "slack" && r.UserID == "someone else" }})
	if len(none) != 0 {
		t.Errorf("Want was ignored: %+v", none)
	}
}

func TestClaimSkipsAutomaticWhenOff(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	late := Reminder{User: "a", Platform: "slack", UserID: "U1", Kind: ReminderLate, Tag: "order:1:late", Order: 1, Due: rt0, Text: "late"}
	db.AddReminder(ctx, late)
	db.AddReminder(ctx, noteReminder("a", rt0, "asked for"))
	s, err := db.UpdateReminderSettings(ctx, "a", func(s *ReminderSettings) { s.Automatic = false; s.Zone = "Asia/Tokyo"; s.LastNumber = 99 })
	if err != nil || s.Automatic || s.Zone != "Asia/Tokyo" || s.LastNumber != 2 {
		t.Fatalf("UpdateReminderSettings = %+v, %v", s, err)
	}
	got, err := db.ClaimReminders(ctx, Claim{Now: rt0, Lease: time.Minute, Platforms: []string{"slack"}})
	if err != nil || len(got) != 1 || got[0].Text != "asked for" {
		t.Fatalf("claim = %+v, %v; want only the reminder the author asked for", got, err)
	}
	list, _ := db.Reminders(ctx, "a")
	if list[0].Status != ReminderSkipped {
		t.Errorf("automatic reminder is %s, want skipped", list[0].Status)
	}
	if s, _ := db.ReminderSettings(ctx, "nobody"); !s.Automatic || s.Zone != "" {
		t.Errorf("default settings = %+v", s)
	}
}

// TestClaimConcurrent claims from several connections to the same file at
// once, as two processes would: every reminder is claimed exactly once.
func TestClaimConcurrent(t *testing.T) {
	ctx := context.Background()
	db, path := mustOpen(t)
	const n = 40
	for i := range n {
		if _, err := db.AddReminder(ctx, noteReminder("a", rt0.Add(time.Duration(i)*time.Second), "r")); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	seen := map[int]int{}
	var wg sync.WaitGroup
	for range 4 {
		other, err := Open(ctx, path, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		wg.Go(func() {
			for range 20 {
				got, err := other.ClaimReminders(ctx, Claim{Now: rt0.Add(time.Hour), Lease: time.Hour, Platforms: []string{"slack"}, Limit: 3})
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				for _, r := range got {
					seen[r.Number]++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(seen) != n {
		t.Errorf("%d reminders claimed, want %d", len(seen), n)
	}
	for num, c := range seen {
		if c != 1 {
			t.Errorf("reminder #%d claimed %d times", num, c)
		}
	}
}

func TestRemindersExportAndForget(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	db.now = func() time.Time { return rt0 }
	r, _ := db.AddReminder(ctx, noteReminder("a", rt0.Add(time.Hour), "call the printer"))
	db.AddReminder(ctx, noteReminder("b", rt0.Add(time.Hour), "b's"))
	d, err := db.Export(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]Reminder{r}, d.Reminders); diff != "" {
		t.Errorf("exported reminders (-want +got):\n%s", diff)
	}
	if d.ReminderSettings == nil || d.ReminderSettings.LastNumber != 1 || !d.ReminderSettings.Automatic {
		t.Errorf("exported settings = %+v", d.ReminderSettings)
	}
	if err := db.Forget(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	d, _ = db.Export(ctx, "a")
	empty := UserData{User: "a", Orders: []Order{}, Votes: []Vote{}}
	if diff := cmp.Diff(empty, d, cmpopts.IgnoreFields(UserData{}, "Exported")); diff != "" {
		t.Errorf("Export after Forget (-want +got):\n%s", diff)
	}
	// A forgotten reminder is never delivered.
	if got, _ := db.ClaimReminders(ctx, Claim{Now: rt0.Add(2 * time.Hour), Platforms: []string{"slack"}}); len(got) != 1 || got[0].User != "b" {
		t.Errorf("claim after forget = %+v; want b's only", got)
	}
	if r, _ := db.AddReminder(ctx, noteReminder("a", rt0.Add(time.Hour), "again")); r.Number != 1 {
		t.Errorf("numbering after Forget starts at #%d, want #1", r.Number)
	}
}

func TestReminderTimesAreChecked(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	_, err := db.w.ExecContext(ctx, `INSERT INTO reminders (user_key, number, platform, user_id, kind, due, text, status, next_try, created)
		VALUES ('a', 1, 'slack', 'U', 'note', '2026-11-20 09:00:00', 't', 'pending', '2026-11-20T09:00:00Z', '')`)
	if err == nil {
		t.Error("the schema accepted a due time that is not YYYY-MM-DDTHH:MM:SSZ")
	}
	_, err = db.w.ExecContext(ctx, `INSERT INTO reminders (user_key, number, platform, user_id, kind, due, text, status, next_try, created)
		VALUES ('a', 1, 'slack', 'U', 'note', '2026-11-20T09:00:00Z', 't', 'pending', '2026-11-20T09:00:00Z', '')`)
	if err != nil {
		t.Errorf("the schema rejected a well-formed reminder: %v", err)
	}
}

// Reminders delivered, cancelled or skipped before the time given are
// purged, in batches of at most limit; open and failed ones stay.
func TestPurgeReminders(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	clock := rt0
	db.now = func() time.Time { return clock }
	const u = "a"
	add := func(text string) Reminder {
		t.Helper()
		r, err := db.AddReminder(ctx, noteReminder(u, rt0.Add(time.Hour), text))
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	cancelled := add("cancelled")
	if _, err := db.CancelReminder(ctx, u, cancelled.Number); err != nil {
		t.Fatal(err)
	}
	add("delivered")
	add("failed")
	clock = rt0.Add(24 * time.Hour) // a day later
	claimed, err := db.ClaimReminders(ctx, Claim{Now: clock, Lease: time.Minute, Platforms: []string{"slack"}})
	if err != nil || len(claimed) != 2 {
		t.Fatalf("claim = %v, %v", claimed, err)
	}
	if ok, err := db.MarkReminderDelivered(ctx, claimed[0], clock); !ok || err != nil {
		t.Fatalf("delivered = %v, %v", ok, err)
	}
	if ok, err := db.RetryReminder(ctx, claimed[1], time.Time{}, "gone"); !ok || err != nil {
		t.Fatalf("failed = %v, %v", ok, err)
	}
	add("pending")

	texts := func() []string {
		list, err := db.Reminders(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		var s []string
		for _, r := range list {
			s = append(s, r.Text)
		}
		return s
	}
	purge := func(before time.Time, limit, want int) {
		t.Helper()
		n, err := db.PurgeReminders(ctx, before, limit)
		if err != nil || n != want {
			t.Errorf("PurgeReminders(%v, %d) = %d, %v; want %d", before, limit, n, err, want)
		}
	}
	// The cancellation was at rt0, the delivery a day later.
	purge(rt0.Add(-time.Second), 10, 0)
	purge(rt0.Add(time.Second), 10, 1)
	if diff := cmp.Diff([]string{"delivered", "failed", "pending"}, texts()); diff != "" {
		t.Errorf("after purging the cancelled one (-want +got):\n%s", diff)
	}
	purge(rt0.Add(24*time.Hour+time.Second), 10, 1)
	if diff := cmp.Diff([]string{"failed", "pending"}, texts()); diff != "" {
		t.Errorf("after purging the delivered one (-want +got):\n%s", diff)
	}

	// A batch is bounded, and the next one takes the rest.
	for range 5 {
		r := add("cancel me")
		if _, err := db.CancelReminder(ctx, u, r.Number); err != nil {
			t.Fatal(err)
		}
	}
	later := clock.Add(time.Second)
	purge(later, 3, 3)
	purge(later, 3, 2)
	purge(later, 3, 0)
}

// A reminder cancelled and then set again is open, and so not purged.
func TestPurgeSparesRescheduled(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	db.now = func() time.Time { return rt0 }
	late := Reminder{User: "a", Platform: "slack", UserID: "U1", Kind: ReminderLate, Tag: "order:1:late", Order: 1,
		Due: rt0.Add(time.Hour), Text: "late"}
	if _, err := db.AddReminder(ctx, late); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CancelReminderTag(ctx, "a", late.Tag); err != nil {
		t.Fatal(err)
	}
	if r, err := db.AddReminder(ctx, late); err != nil || r.Status != ReminderPending {
		t.Fatalf("set again = %+v, %v", r, err)
	}
	if n, err := db.PurgeReminders(ctx, rt0.AddDate(1, 0, 0), 10); n != 0 || err != nil {
		t.Errorf("PurgeReminders = %d, %v; want the pending reminder kept", n, err)
	}
}
