package ledger_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/authorbot/authorbot/ledger"
	"github.com/authorbot/authorbot/store"
)

// faulty is a real store that counts its write transactions and can be
// told to fail the reminder writes inside them.
type faulty struct {
	*store.DB
	updates int
	failing bool // AddReminders and CancelReminderTag fail
}

var errInjected = errors.New("injected fault")

func (f *faulty) Update(ctx context.Context, user string, fn func(ledger.Tx) error) error {
	f.updates++
	return f.DB.Update(ctx, user, func(tx ledger.Tx) error { return fn(faultyTx{tx, f}) })
}

type faultyTx struct {
	ledger.Tx
	f *faulty
}

func (t faultyTx) AddReminders(rs []ledger.Reminder) ([]ledger.Reminder, error) {
	if t.f.failing {
		return nil, errInjected
	}
	return t.Tx.AddReminders(rs)
}

func (t faultyTx) CancelReminderTag(tag string) (bool, error) {
	if t.f.failing {
		return false, errInjected
	}
	return t.Tx.CancelReminderTag(tag)
}

func newService(t *testing.T) (*ledger.Service, *faulty) {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "authorbot.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	f := &faulty{DB: db}
	return ledger.NewService(f), f
}

var now = time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)

func author() ledger.Author {
	return ledger.Author{User: "slack:T1:U1", Platform: "slack", Workspace: "T1", ID: "U1", Reachable: true,
		Lang: "en", Word: func(a ledger.Auto) string { return "about order " + a.Tag() }, Now: now}
}

func order(expected time.Time) ledger.Order {
	return ledger.Order{Quantity: 10, Marketplace: "amazon.com", Title: "Book", Expected: expected}
}

// TestOneTransactionPerCommand: each order command, with the reminders it
// sets or withdraws, is one write transaction.
func TestOneTransactionPerCommand(t *testing.T) {
	ctx := context.Background()
	s, f := newService(t)
	a := author()
	day := ledger.Day(now)
	steps := []struct {
		name string
		do   func() error
	}{
		{"add", func() error { _, err := s.Add(ctx, a, order(time.Time{})); return err }},
		{"add expected", func() error { _, err := s.Add(ctx, a, order(day.AddDate(0, 0, 7))); return err }},
		{"edit", func() error {
			d := day.AddDate(0, 0, 9)
			_, err := s.Edit(ctx, a, 2, ledger.Changes{Expected: &d})
			return err
		}},
		{"ship", func() error { _, err := s.Ship(ctx, a, 2, ledger.Shipment{Date: day}); return err }},
		{"deliver", func() error { _, err := s.Deliver(ctx, a, 2, day, false); return err }},
		{"report", func() error { _, err := s.Report(ctx, a, 2, ledger.ProblemDamaged); return err }},
		{"cancel", func() error { _, err := s.Cancel(ctx, a, 1); return err }},
		{"delete", func() error { return s.Delete(ctx, a, 2) }},
		{"remind", func() error {
			_, err := s.Remind(ctx, a, "Europe/Paris", []ledger.Reminder{{Kind: ledger.ReminderNote, Due: now.Add(time.Hour), Text: "x"}})
			return err
		}},
	}
	for _, st := range steps {
		f.updates = 0
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if f.updates != 1 {
			t.Errorf("%s took %d write transactions; want 1", st.name, f.updates)
		}
	}
	list, err := f.Reminders(ctx, a.User)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 {
		t.Fatalf("%d reminders; want the late one, the refund one and the note: %+v", len(list), list)
	}
	for _, r := range list[:2] {
		if r.Status != ledger.ReminderCancelled {
			t.Errorf("reminder %s of the deleted order is %s; want cancelled", r.Tag, r.Status)
		}
	}
}

// TestOrderAndRemindersTogether: when the reminders a command sets or
// withdraws cannot be written, the order change is refused with them.
func TestOrderAndRemindersTogether(t *testing.T) {
	ctx := context.Background()
	s, f := newService(t)
	a := author()
	day := ledger.Day(now)
	if _, err := s.Add(ctx, a, order(day.AddDate(0, 0, 7))); err != nil {
		t.Fatal(err)
	}

	f.failing = true
	if _, err := s.Add(ctx, a, order(day.AddDate(0, 0, 7))); !errors.Is(err, errInjected) {
		t.Errorf("add: %v; want the reminder's fault", err)
	}
	if _, err := s.Cancel(ctx, a, 1); !errors.Is(err, errInjected) {
		t.Errorf("cancel: %v; want the reminder's fault", err)
	}
	if err := s.Delete(ctx, a, 1); !errors.Is(err, errInjected) {
		t.Errorf("delete: %v; want the reminder's fault", err)
	}
	f.failing = false

	list, err := f.Orders(ctx, a.User, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Number != 1 || list[0].Status != ledger.StatusOrdered {
		t.Errorf("orders after refused changes: %+v; want order 1 as it was", list)
	}
	// The refused addition used no number.
	if c, err := s.Add(ctx, a, order(time.Time{})); err != nil || c.Order.Number != 2 {
		t.Errorf("next order: #%d, %v; want #2", c.Order.Number, err)
	}
}

// TestRemindKeepsZoneWithReminders: a time zone given with reminders is
// saved with them, or not at all.
func TestRemindKeepsZoneWithReminders(t *testing.T) {
	ctx := context.Background()
	s, f := newService(t)
	a := author()
	var many []ledger.Reminder
	for range ledger.MaxOpenReminders + 1 {
		many = append(many, ledger.Reminder{Kind: ledger.ReminderNote, Due: now.Add(time.Hour), Text: "x"})
	}
	var full ledger.TooManyReminders
	if _, err := s.Remind(ctx, a, "Europe/Paris", many); !errors.As(err, &full) {
		t.Fatalf("remind: %v; want TooManyReminders", err)
	}
	if set, _ := f.ReminderSettings(ctx, a.User); set.Zone != "" {
		t.Errorf("zone %q saved with reminders that were refused", set.Zone)
	}
	if _, err := s.Remind(ctx, a, "Europe/Paris", many[:1]); err != nil {
		t.Fatal(err)
	}
	if set, _ := f.ReminderSettings(ctx, a.User); set.Zone != "Europe/Paris" {
		t.Errorf("zone %q; want Europe/Paris", set.Zone)
	}
}
