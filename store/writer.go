package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"

	"github.com/mattn/go-sqlite3"

	"github.com/authorbot/authorbot/ledger"
)

// Group commit. Every Update goes to one goroutine, the writer, which
// owns the writer connection while it works: it takes the updates that
// are waiting, runs each in a savepoint of one transaction, and commits
// them together. An update that fails is rolled back to its savepoint and
// leaves the others alone; each caller gets its own outcome once the
// transaction has committed, so a confirmed change is as durable as with
// a transaction of its own (see open). The commit is most of what a small
// write costs (50 INSERTs in one transaction take about as long as four
// committed one by one), and under load many authors' updates share it.
//
// Alone, an update is a transaction of its own, without a savepoint.
// Nothing waits for company: a batch is whatever queued while the last
// one ran.

// maxBatch bounds the updates of one transaction, and so how long the
// first of them waits for the last.
const maxBatch = 64

// errClosed is the error of an Update after Close.
var errClosed = errors.New("store: the database is closed")

// update is one caller's Update, queued for the writer.
type update struct {
	ctx  context.Context
	user string
	fn   func(ledger.Tx) error
	// done gets the outcome, once the transaction has ended.
	done chan outcome
	// Set by the writer.
	out    outcome
	orders bool // the update wrote to the user's orders
}

type outcome struct {
	err   error
	panic any // a panic in fn, raised again in the caller's goroutine
}

// Update runs fn in one immediate transaction on the writer connection,
// for user's data, and commits it when fn returns nil; an error from fn
// rolls its changes back and is returned unchanged. It returns once the
// changes are committed. fn must not use the DB: it runs on the writer,
// which is busy with this transaction.
func (db *DB) Update(ctx context.Context, user string, fn func(ledger.Tx) error) error {
	if user == "" {
		return errors.New("store: update: no user")
	}
	u := &update{ctx: ctx, user: user, fn: fn, done: make(chan outcome, 1)}
	select {
	case db.updates <- u:
	case <-ctx.Done():
		return ctx.Err()
	case <-db.stop:
		return errClosed
	}
	// Once queued, the update is the writer's: the caller waits for what
	// happened to it rather than leave unsure whether it committed. The
	// writer skips it if ctx has ended by the time its turn comes.
	out := <-u.done
	if out.panic != nil {
		panic(out.panic)
	}
	return out.err
}

// writeLoop is the writer: it runs until Close.
func (db *DB) writeLoop() {
	defer close(db.stopped)
	batch := make([]*update, 0, maxBatch)
	for {
		select {
		case u := <-db.updates:
			batch = append(batch[:0], u)
		case <-db.stop:
			return
		}
		// Let the callers that are ready to send their update do so first:
		// a caller that has just had its answer often sends its next one
		// at once. Alone, this costs nothing; under load it fills the
		// batch rather than leaving half of it to another commit.
		runtime.Gosched()
	more:
		for len(batch) < maxBatch {
			select {
			case u := <-db.updates:
				batch = append(batch, u)
			default:
				break more
			}
		}
		db.commit(batch)
		for _, u := range batch {
			if u.orders {
				// Once the transaction has ended, so that no reader keeps a
				// list read before the commit (see orderCache).
				db.orders.drop(u.user)
			}
			u.done <- u.out
		}
		clear(batch)
	}
}

// commit runs batch in one transaction and sets each update's outcome.
//
// An update that fails must leave no change behind while the others keep
// theirs. A batch first runs without savepoints, which were 18% of the
// writer's time for an addition (CPU profile of scripts/bench-orders):
// an update that fails before it writes has nothing to undo, and most
// failures come before any write (an order that does not exist, a rule
// of the ledger). Only when one fails after writing is the batch rolled
// back and run again with a savepoint each, which ledger.Store allows.
func (db *DB) commit(batch []*update) {
	if db.commitWith(batch, false) {
		return
	}
	for _, u := range batch {
		u.out, u.orders = outcome{}, false
	}
	db.commitWith(batch, true)
}

// commitWith runs batch in one transaction, each update in a savepoint of
// its own when savepoints is set. Without them it stops, rolls back and
// returns false as soon as an update fails after it has written.
func (db *DB) commitWith(batch []*update, savepoints bool) (done bool) {
	fail := func(err error) {
		for _, u := range batch {
			if u.out == (outcome{}) {
				u.out.err = err
			}
		}
	}
	// The transaction is no caller's: one caller's deadline must not roll
	// back the others' changes (an interrupted statement ends the whole
	// transaction), and a deadline would cost go-sqlite3 a goroutine per
	// statement. Each update's own context is checked before its turn.
	ctx := context.Background()
	conn, err := db.w.Conn(ctx)
	if err != nil {
		fail(fmt.Errorf("store: begin: %w", err))
		return true
	}
	defer conn.Close()
	sqlTx, err := conn.BeginTx(ctx, nil) // BEGIN IMMEDIATE
	if err != nil {
		fail(fmt.Errorf("store: begin: %w", err))
		return true
	}
	defer sqlTx.Rollback()
	if err := db.tallies.check(db, conn); err != nil {
		fail(fmt.Errorf("store: begin: %w", err))
		return true
	}
	alone := len(batch) == 1
	committed := 0
	for _, u := range batch {
		if err := u.ctx.Err(); err != nil {
			u.out.err = err
			continue
		}
		if savepoints {
			if err := db.raw.exec(conn, `SAVEPOINT u`); err != nil {
				fail(fmt.Errorf("store: savepoint: %w", err))
				return true
			}
		}
		t := &tx{ctx: context.WithoutCancel(u.ctx), tx: sqlTx, conn: conn, db: db, user: u.user}
		u.out = run(u.fn, t)
		u.orders = t.orders
		if u.out != (outcome{}) {
			db.tallies.forget(u.user) // rolled back, as far as its savepoint
		}
		switch {
		case u.out != (outcome{}) && alone:
			return true // rolled back
		case u.out != (outcome{}) && savepoints:
			if err := db.undo(conn); err != nil {
				fail(fmt.Errorf("store: roll back to a savepoint: %w", err))
				return true
			}
			continue
		case u.out != (outcome{}) && (t.wrote || u.out.panic != nil):
			db.tallies.clear() // of the updates before it too
			return false
		case u.out != (outcome{}):
			// Nothing to undo, if SQLite did not end the transaction
			// itself (as it may on a full disk, or an I/O error).
			if !inTransaction(conn) {
				db.tallies.clear()
				fail(fmt.Errorf("store: the transaction ended: %w", u.out.err))
				return true
			}
			continue
		case savepoints:
			if err := db.raw.exec(conn, `RELEASE u`); err != nil {
				fail(fmt.Errorf("store: release a savepoint: %w", err))
				return true
			}
		}
		committed++
	}
	if committed == 0 {
		return true
	}
	if err := sqlTx.Commit(); err != nil {
		db.tallies.clear()
		fail(fmt.Errorf("store: commit: %w", err))
	}
	return true
}

// inTransaction reports whether conn's connection is still in the
// transaction it began.
func inTransaction(conn *sql.Conn) bool {
	in := false
	conn.Raw(func(dc any) error {
		c, ok := dc.(*sqlite3.SQLiteConn)
		in = ok && !c.AutoCommit()
		return nil
	})
	return in
}

// undo rolls the transaction back to the savepoint of the update that
// failed, and ends the savepoint.
func (db *DB) undo(conn *sql.Conn) error {
	if err := db.raw.exec(conn, `ROLLBACK TO u`); err != nil {
		return err
	}
	return db.raw.exec(conn, `RELEASE u`)
}

// run calls fn, turning a panic into an outcome for its caller.
func run(fn func(ledger.Tx) error, t *tx) (out outcome) {
	defer func() {
		if p := recover(); p != nil {
			out = outcome{panic: p}
		}
	}()
	return outcome{err: fn(t)}
}
