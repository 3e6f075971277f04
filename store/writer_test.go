package store

import (
	"context"
	"errors"
	"maps"
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

// TestCommitBatchRuns: a batch runs each update once when none fails
// after writing; when one does, the batch stops there, rolls back and
// runs again with a savepoint each.
func TestCommitBatchRuns(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	runs := map[string]int{}
	up := func(user string, fn func(tx ledger.Tx) error) *update {
		return &update{ctx: ctx, user: user, done: make(chan outcome, 1), fn: func(tx ledger.Tx) error {
			runs[user]++
			return fn(tx)
		}}
	}
	add := func(tx ledger.Tx) error {
		_, err := tx.AddOrder(sample("x"))
		return err
	}
	missing := func(tx ledger.Tx) error { _, err := tx.Order(99); return err }
	db.commit([]*update{up("alice", add), up("bob", missing), up("carol", add)})
	if want := map[string]int{"alice": 1, "bob": 1, "carol": 1}; !maps.Equal(runs, want) {
		t.Errorf("a failure before writing: runs %v, want %v", runs, want)
	}

	clear(runs)
	late := func(tx ledger.Tx) error {
		if err := add(tx); err != nil {
			return err
		}
		_, err := tx.Order(99)
		return err
	}
	batch := []*update{up("alice", add), up("bob", late), up("carol", add)}
	db.commit(batch)
	if want := map[string]int{"alice": 2, "bob": 2, "carol": 1}; !maps.Equal(runs, want) {
		t.Errorf("a failure after writing: runs %v, want %v", runs, want)
	}
	if !errors.Is(batch[1].out.err, ErrNotFound) || batch[0].out.err != nil || batch[2].out.err != nil {
		t.Errorf("outcomes %v, %v, %v; want nil, not found, nil", batch[0].out.err, batch[1].out.err, batch[2].out.err)
	}
	for user, want := range map[string]int{"alice": 2, "bob": 0, "carol": 2} {
		if list, _ := db.Orders(ctx, user, ""); len(list) != want {
			t.Errorf("%s has %d orders; want %d", user, len(list), want)
		}
	}
}
