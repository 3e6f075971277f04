package store

import (
	"context"
	"errors"
	"testing"

	"github.com/authorbot/authorbot/ledger"
)

// numbersAdded adds an order for user and returns its number.
func numberAdded(t *testing.T, db *DB, user string) int {
	t.Helper()
	o, err := db.AddOrder(context.Background(), sample(user))
	if err != nil {
		t.Fatal(err)
	}
	return o.Number
}

// The writer's tallies follow what others write: another process's
// additions to the same file, a write outside the writer, a deletion, an
// update that fails after its addition, and a change no tally saw.
func TestTalliesFollowOtherWrites(t *testing.T) {
	ctx := context.Background()
	db, path := mustOpen(t)
	const u = "slack:T1:U1"
	for want := 1; want <= 2; want++ {
		if n := numberAdded(t, db, u); n != want {
			t.Fatalf("order #%d, want #%d", n, want)
		}
	}

	// Another process on the same file.
	other, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := numberAdded(t, other, u); n != 3 {
		t.Errorf("the other process's order #%d, want #3", n)
	}
	other.Close()
	if n := numberAdded(t, db, u); n != 4 {
		t.Errorf("after the other process's: order #%d, want #4", n)
	}

	// A write outside the writer: Forget starts the author again.
	if err := db.Forget(ctx, u); err != nil {
		t.Fatal(err)
	}
	if n := numberAdded(t, db, u); n != 1 {
		t.Errorf("after Forget: order #%d, want #1", n)
	}

	// An update that fails after adding gives its number back.
	errLater := errors.New("later")
	err = db.Update(ctx, u, func(t ledger.Tx) error {
		if _, err := t.AddOrder(sample(u)); err != nil {
			return err
		}
		return errLater
	})
	if !errors.Is(err, errLater) {
		t.Fatalf("Update = %v, want %v", err, errLater)
	}
	if n := numberAdded(t, db, u); n != 2 {
		t.Errorf("after a failed update: order #%d, want #2", n)
	}

	// A row no tally saw, written on the writer's own connection: the
	// unique index refuses the number, and the addition reads the tally
	// again.
	if _, err := db.w.ExecContext(ctx, `INSERT INTO orders (`+orderColumns+`)
		VALUES (?, 3, 'author', 1, 'amazon.com', 't', '', '', '', '', '', '', '', '', 'ordered', 'x', 'x')`, u); err != nil {
		t.Fatal(err)
	}
	if n := numberAdded(t, db, u); n != 4 {
		t.Errorf("after an unseen row: order #%d, want #4", n)
	}
	_, total, err := db.LatestOrders(ctx, u, "", 1)
	if err != nil || total != 4 {
		t.Errorf("%d orders counted, %v; want 4", total, err)
	}
}

// An author at the cap in the writer's tally has room again once another
// process deletes one of their orders: the tally follows that commit.
func TestTalliesFollowOtherProcessDelete(t *testing.T) {
	ctx := context.Background()
	db, path := mustOpen(t)
	const u = "slack:T1:U1"
	fillOrders(t, db, u, ledger.MaxOrders-1)
	numberAdded(t, db, u) // the tally now counts ledger.MaxOrders
	other, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.DeleteOrder(ctx, u, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddOrder(ctx, sample(u)); err != nil {
		t.Errorf("after the other process's deletion: %v, want room for one", err)
	}
}
