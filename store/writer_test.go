package store

import (
	"context"
	"errors"
	"testing"

	"github.com/authorbot/authorbot/ledger"
)

// TestCommitBatch: the updates of one group commit each get their own
// outcome; a failed or cancelled one leaves no trace, not even a number
// used, and the others are committed.
func TestCommitBatch(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	errRefused := errors.New("refused")
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	add := func(user string, after func() error) *update {
		return &update{ctx: ctx, user: user, done: make(chan outcome, 1), fn: func(tx ledger.Tx) error {
			if _, err := tx.AddOrder(sample(user)); err != nil {
				return err
			}
			return after()
		}}
	}
	ok := func() error { return nil }
	batch := []*update{
		add("alice", ok),
		add("bob", func() error { return errRefused }),
		add("alice", ok),
		add("bob", func() error { panic("in fn") }),
		add("carol", ok),
	}
	batch[4].ctx = cancelled
	db.commit(batch)

	wantErr := []error{nil, errRefused, nil, nil, context.Canceled}
	for i, u := range batch {
		if !errors.Is(u.out.err, wantErr[i]) {
			t.Errorf("update %d: %v; want %v", i, u.out.err, wantErr[i])
		}
	}
	if batch[3].out.panic != "in fn" {
		t.Errorf("update 3 panicked with %v; want the panic handed back", batch[3].out.panic)
	}
	for user, want := range map[string]int{"alice": 2, "bob": 0, "carol": 0} {
		if list, _ := db.Orders(ctx, user, ""); len(list) != want {
			t.Errorf("%s has %d orders; want %d", user, len(list), want)
		}
	}
	if o, err := db.AddOrder(ctx, sample("bob")); err != nil || o.Number != 1 {
		t.Errorf("bob's next order: #%d, %v; want #1: a refused update used a number", o.Number, err)
	}
}

// TestUpdatePanicsInCaller: a panic in fn comes back to Update's caller,
// and the writer goes on.
func TestUpdatePanicsInCaller(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	func() {
		defer func() {
			if p := recover(); p != "boom" {
				t.Errorf("recovered %v; want boom", p)
			}
		}()
		db.Update(ctx, "alice", func(tx ledger.Tx) error {
			if _, err := tx.AddOrder(sample("alice")); err != nil {
				return err
			}
			panic("boom")
		})
	}()
	if o, err := db.AddOrder(ctx, sample("alice")); err != nil || o.Number != 1 {
		t.Errorf("after the panic: #%d, %v; want #1", o.Number, err)
	}
}

// TestUpdateAfterClose: an update after Close fails rather than waits.
func TestUpdateAfterClose(t *testing.T) {
	db, _ := mustOpen(t)
	db.Close()
	if _, err := db.AddOrder(context.Background(), sample("alice")); !errors.Is(err, errClosed) {
		t.Errorf("AddOrder after Close: %v; want errClosed", err)
	}
}
