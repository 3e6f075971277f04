package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/authorbot/authorbot/ledger"
)

// race fires n calls of add at once, released together by closing one
// channel, and returns their errors.
func race(n int, add func() error) []error {
	start := make(chan struct{})
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-start
			errs[i] = add()
		})
	}
	close(start)
	wg.Wait()
	return errs
}

// Forty reminders added at once against the cap of 100, with 90 open
// already, leave exactly 100 open: the count and the insert share one
// transaction. The thirty refused say how many were open.
func TestReminderCapUnderConcurrency(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	const u = "a"
	for range ledger.MaxOpenReminders - 10 {
		if _, err := db.AddReminder(ctx, noteReminder(u, rt0, "early")); err != nil {
			t.Fatal(err)
		}
	}
	errs := race(40, func() error {
		_, err := db.AddReminder(ctx, noteReminder(u, rt0, "racing"))
		return err
	})
	refused := 0
	for _, err := range errs {
		var full ledger.TooManyReminders
		switch {
		case errors.As(err, &full):
			refused++
			if full != (ledger.TooManyReminders{Max: ledger.MaxOpenReminders, Open: ledger.MaxOpenReminders, Adding: 1}) {
				t.Errorf("refusal = %+v", full)
			}
		case err != nil:
			t.Errorf("AddReminder: %v", err)
		}
	}
	if n := openCount(t, db, u); n != ledger.MaxOpenReminders || refused != 30 {
		t.Errorf("%d open after the race and %d refused; want %d and 30", n, refused, ledger.MaxOpenReminders)
	}
}

// A plan of several reminders is set whole or not at all, and the cap
// does not refuse the automatic reminders about orders, nor a
// reschedule that opens nothing new.
func TestReminderCapRules(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	const u = "a"
	for i := range ledger.MaxOpenReminders - 3 {
		r := noteReminder(u, rt0, "step")
		r.Tag = fmt.Sprintf("preorder:x:%d", i)
		if _, err := db.AddReminder(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	plan := make([]Reminder, 5)
	for i := range plan {
		plan[i] = noteReminder(u, rt0, "plan")
	}
	_, err := db.AddReminders(ctx, plan)
	if want := (ledger.TooManyReminders{Max: ledger.MaxOpenReminders, Open: ledger.MaxOpenReminders - 3, Adding: 5}); !errors.Is(err, want) {
		t.Errorf("five more than three left: %v, want %v", err, want)
	}
	if n := openCount(t, db, u); n != ledger.MaxOpenReminders-3 {
		t.Errorf("%d open after a refused plan, want %d: part of it was set", n, ledger.MaxOpenReminders-3)
	}
	if _, err := db.AddReminders(ctx, plan[:3]); err != nil {
		t.Fatalf("three with three left: %v", err)
	}
	// At the cap: rescheduling a pending tagged reminder opens nothing.
	again := noteReminder(u, rt0.Add(time.Hour), "step moved")
	again.Tag = "preorder:x:0"
	if _, err := db.AddReminder(ctx, again); err != nil {
		t.Errorf("rescheduling at the cap: %v", err)
	}
	late := Reminder{User: u, Platform: "slack", UserID: "U1", Kind: ReminderLate, Tag: "order:1:late", Order: 1, Due: rt0, Text: "late"}
	if _, err := db.AddReminder(ctx, late); err != nil {
		t.Errorf("an automatic reminder at the cap: %v", err)
	}
	if _, err := db.AddReminder(ctx, noteReminder(u, rt0, "one more")); !errors.As(err, new(ledger.TooManyReminders)) {
		t.Errorf("a note past the cap: %v, want ledger.TooManyReminders", err)
	}
}

func openCount(t *testing.T, db *DB, user string) int {
	t.Helper()
	n, err := openReminders(context.Background(), db.r, user)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// fillOrders gives user n more orders in one statement, far faster than n
// AddOrder calls, and as AddOrder stores them.
func fillOrders(tb testing.TB, db *DB, user string, n int) {
	tb.Helper()
	ctx := context.Background()
	defer db.orders.drop(user)
	stamp := formatTime(rt0)
	err := db.write(ctx, func(tx *sql.Tx) error {
		var last int
		err := tx.QueryRowContext(ctx, `INSERT INTO users (user_key, last_order) VALUES (?, ?)
			ON CONFLICT (user_key) DO UPDATE SET last_order = last_order + excluded.last_order
			RETURNING last_order`, user, n).Scan(&last)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `WITH RECURSIVE seq(n) AS (SELECT ?1 UNION ALL SELECT n + 1 FROM seq WHERE n < ?2)
			INSERT INTO orders (`+orderColumns+`)
			SELECT ?3, n, 'author', 10, 'amazon.com', 'The Long Road', '', '', '', '2026-03-01', '', '', '', '',
				'ordered', ?4, ?4 FROM seq`, last-n+1, last, user, stamp)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// Forty orders added at once to a ledger ten short of ledger.MaxOrders leave it
// exactly full; the refused ones give back their numbers.
func TestOrderCapUnderConcurrency(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	const u = "slack:T1:U1"
	fillOrders(t, db, u, ledger.MaxOrders-10)
	errs := race(40, func() error {
		_, err := db.AddOrder(ctx, sample(u))
		return err
	})
	refused := 0
	for _, err := range errs {
		var full ledger.TooManyOrders
		switch {
		case errors.As(err, &full):
			refused++
			if full != (ledger.TooManyOrders{Max: ledger.MaxOrders, Have: ledger.MaxOrders}) {
				t.Errorf("refusal = %+v", full)
			}
		case err != nil:
			t.Errorf("AddOrder: %v", err)
		}
	}
	_, total, err := db.LatestOrders(ctx, u, "", 1)
	if err != nil {
		t.Fatal(err)
	}
	var stored int
	db.r.QueryRowContext(ctx, `SELECT count(*) FROM orders WHERE user_key = ?`, u).Scan(&stored)
	if total != ledger.MaxOrders || stored != ledger.MaxOrders || refused != 30 {
		t.Errorf("%d orders counted, %d stored, %d refused; want %d, %d and 30", total, stored, refused, ledger.MaxOrders, ledger.MaxOrders)
	}
	// Deleting one makes room for one, numbered after the refused ones'
	// numbers were given back.
	if err := db.DeleteOrder(ctx, u, 1); err != nil {
		t.Fatal(err)
	}
	o, err := db.AddOrder(ctx, sample(u))
	if err != nil || o.Number != ledger.MaxOrders+1 {
		t.Errorf("after a delete: order #%d, %v; want #%d", o.Number, err, ledger.MaxOrders+1)
	}
}
