package store

import (
	"database/sql"
	"errors"

	"github.com/mattn/go-sqlite3"
)

// tallies are the writer's memory of each author's last order number and
// count of orders, as committed, so that an addition is the INSERT of its
// row and nothing more: the upsert of the author's row that gave out the
// number before it was a fifth of the writer's time for an addition
// (CPU profile of scripts/bench-orders), and the trigger that counts the
// orders moves last_order on in the UPDATE it makes anyway (migration
// 0010).
//
// Only the writer's goroutine uses them. They are read from users when
// missing, and forgotten whenever they could be wrong:
//   - an author's, when an update of theirs deletes an order or fails
//     after adding one, and when an insert fails;
//   - all of them when a commit fails; when another connection, in this
//     process or another, has committed since the last batch (PRAGMA
//     data_version, asked once the batch holds the write lock); and when
//     a write outside the writer (DB.write) has begun since.
//
// The unique index of numbers stands behind them: a number given twice
// fails its INSERT rather than storing a second order under it.
type tallies struct {
	byUser  map[string]tally
	version int    // PRAGMA data_version at the last batch
	writes  uint64 // DB.writes at the last batch
}

type tally struct {
	last  int // the author's last order number, given out once
	count int // how many orders the author has
}

// maxTallies bounds the memory: past it the tallies start again empty.
const maxTallies = 10000

// check forgets every tally if another connection has committed since
// the last batch, or a write outside the writer has begun. conn is in the
// batch's transaction, which holds the write lock: no other commit can
// come between the check and the batch's own.
func (ts *tallies) check(db *DB, conn *sql.Conn) error {
	var version int
	if err := db.raw.query(conn, `PRAGMA data_version`, []any{&version}); err != nil {
		return err
	}
	writes := db.writes.Load()
	if ts.byUser == nil || version != ts.version || writes != ts.writes || len(ts.byUser) > maxTallies {
		ts.byUser = map[string]tally{}
		ts.version, ts.writes = version, writes
	}
	return nil
}

// get returns the author's tally, from memory or from users, and gives
// the author a row in users when they have none.
func (ts *tallies) get(db *DB, conn *sql.Conn, user string) (tally, error) {
	if n, ok := ts.byUser[user]; ok {
		return n, nil
	}
	var n tally
	err := db.raw.query(conn, tallySQL, []any{&n.last, &n.count}, user)
	if err == sql.ErrNoRows {
		err = db.raw.exec(conn, newUserSQL, user)
	}
	return n, err
}

func (ts *tallies) set(user string, n tally) { ts.byUser[user] = n }
func (ts *tallies) forget(user string)       { delete(ts.byUser, user) }
func (ts *tallies) clear()                   { ts.byUser = nil }

const (
	tallySQL   = `SELECT last_order, ` + orderCountAll + ` FROM users WHERE user_key = ?`
	newUserSQL = `INSERT INTO users (user_key) VALUES (?)`
)

// isUnique reports whether err is SQLite's for a key already taken.
func isUnique(err error) bool {
	var e sqlite3.Error
	return errors.As(err, &e) && e.ExtendedCode == sqlite3.ErrConstraintUnique
}
