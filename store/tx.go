package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/authorbot/authorbot/ledger"
)

// DB is the Store of package ledger.
var _ ledger.Store = (*DB)(nil)

// insertOrderSQL stores an order's row, on the writer's own connection
// (see raw.go).
const insertOrderSQL = `INSERT INTO orders (` + orderColumns + `)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// tx is a ledger.Tx: one write transaction on one user's data.
type tx struct {
	ctx  context.Context
	tx   *sql.Tx
	conn *sql.Conn // tx's, for the statements of raw.go
	db   *DB
	user string
	// orders is set once the transaction has written to the orders, so
	// that the cache of the user's lists is dropped when it ends.
	orders bool
	// wrote is set by every method that may write, before it does: an
	// update that fails after it has written must be rolled back (see
	// DB.commit).
	wrote bool
}

func (t *tx) Order(number int) (Order, error) {
	return getOrder(t.ctx, t.tx, t.user, number)
}

func (t *tx) AddOrder(o Order) (Order, error) {
	t.wrote = true
	t.orders = true
	o.User = t.user
	if o.Kind == "" {
		o.Kind = KindAuthor
	}
	if o.Status == "" {
		o.Status = StatusOrdered
	}
	o.Created = t.db.now().UTC()
	o.Updated = o.Created
	// The cap is checked on the count of the same transaction as the
	// insert: writes go through one connection and begin IMMEDIATE, so no
	// other addition, from this process or another, comes in between,
	// and the cap holds however many race. A refused one takes no number.
	ts := &t.db.tallies
	for try := 0; ; try++ {
		n, err := ts.get(t.db, t.conn, o.User)
		if err != nil {
			return Order{}, fmt.Errorf("store: add order: %w", err)
		}
		if n.count >= ledger.MaxOrders {
			return Order{}, ledger.TooManyOrders{Max: ledger.MaxOrders, Have: n.count}
		}
		o.Number = n.last + 1
		err = t.db.raw.exec(t.conn, insertOrderSQL, orderArgs(o)...)
		if err == nil {
			ts.set(o.User, tally{last: o.Number, count: n.count + 1})
			return o, nil
		}
		ts.forget(o.User)
		if !isUnique(err) || try > 0 {
			return Order{}, fmt.Errorf("store: add order: %w", err)
		}
		// A tally behind a change it missed: read it again.
	}
}

func (t *tx) PutOrder(o Order) (Order, error) {
	t.wrote = true
	t.orders = true
	o.User = t.user
	o.Updated = t.db.now().UTC()
	// created is not written: it stays as stored. RETURNING gives it back.
	var created string
	err := t.tx.QueryRowContext(t.ctx, `UPDATE orders SET kind = ?, quantity = ?, marketplace = ?,
		title = ?, isbn = ?, note = ?, tracking = ?, ordered = ?, expected = ?, shipped = ?,
		delivered = ?, cancelled = ?, status = ?, updated = ?
		WHERE user_key = ? AND number = ? RETURNING created`,
		o.Kind, o.Quantity, o.Marketplace, o.Title, o.ISBN, o.Note, o.Tracking,
		formatDate(o.Ordered), formatDate(o.Expected), formatDate(o.Shipped),
		formatDate(o.Delivered), formatDate(o.Cancelled), o.Status, formatTime(o.Updated),
		o.User, o.Number).Scan(&created)
	if err == sql.ErrNoRows {
		return Order{}, fmt.Errorf("store: update order %d: %w", o.Number, ErrNotFound)
	}
	if err != nil {
		return Order{}, fmt.Errorf("store: update order %d: %w", o.Number, err)
	}
	if o.Created, err = parseTime(created); err != nil {
		return Order{}, err
	}
	return o, nil
}

func (t *tx) DeleteOrder(number int) error {
	t.wrote = true
	t.orders = true
	t.db.tallies.forget(t.user)
	res, err := t.tx.ExecContext(t.ctx, `DELETE FROM orders WHERE user_key = ? AND number = ?`, t.user, number)
	if err != nil {
		return fmt.Errorf("store: delete order %d: %w", number, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("store: delete order %d: %w", number, err)
	}
	if n == 0 {
		return fmt.Errorf("store: delete order %d: %w", number, ErrNotFound)
	}
	return nil
}

func (t *tx) ReminderSettings() (ReminderSettings, error) {
	s, _, err := getReminderSettings(t.ctx, t.tx, t.user)
	if err != nil {
		return ReminderSettings{}, fmt.Errorf("store: reminder settings: %w", err)
	}
	return s, nil
}

func (t *tx) PutReminderSettings(s ReminderSettings) error {
	t.wrote = true
	_, err := t.tx.ExecContext(t.ctx, `INSERT INTO reminder_settings (user_key, automatic, zone) VALUES (?, ?, ?)
		ON CONFLICT (user_key) DO UPDATE SET automatic = excluded.automatic, zone = excluded.zone`,
		t.user, s.Automatic, s.Zone)
	if err != nil {
		return fmt.Errorf("store: update reminder settings: %w", err)
	}
	return nil
}

func (t *tx) AddReminders(rs []Reminder) ([]Reminder, error) {
	t.wrote = true
	if len(rs) == 0 {
		return nil, nil
	}
	capped := false
	for i := range rs {
		if err := t.db.readyReminder(&rs[i]); err != nil {
			return nil, err
		}
		if rs[i].User != t.user {
			return nil, errors.New("store: add reminders: of another user")
		}
		capped = capped || !Automatic(rs[i].Kind)
	}
	before, err := openReminders(t.ctx, t.tx, t.user)
	if err != nil {
		return nil, err
	}
	out := make([]Reminder, len(rs))
	for i, r := range rs {
		if err := addReminder(t.ctx, t.tx, &r); err != nil {
			return nil, err
		}
		out[i] = r
	}
	if !capped {
		return out, nil
	}
	// The cap is checked after the last one, so that a plan of several
	// steps is set whole or not at all.
	after, err := openReminders(t.ctx, t.tx, t.user)
	if err != nil {
		return nil, err
	}
	if after > before && after > ledger.MaxOpenReminders {
		return nil, ledger.TooManyReminders{Max: ledger.MaxOpenReminders, Open: before, Adding: after - before}
	}
	return out, nil
}

func (t *tx) CancelReminder(number int) (Reminder, error) {
	t.wrote = true
	list, err := scanReminders(t.tx.QueryContext(t.ctx, `SELECT `+reminderColumns+` FROM reminders
		WHERE user_key = ? AND number = ?`, t.user, number))
	if err != nil {
		return Reminder{}, fmt.Errorf("store: cancel reminder %d: %w", number, err)
	}
	if len(list) == 0 {
		return Reminder{}, fmt.Errorf("store: cancel reminder %d: %w", number, ErrNotFound)
	}
	r := list[0]
	if r.Status != ReminderPending && r.Status != ReminderFailed {
		return r, fmt.Errorf("store: cancel reminder %d: %w", number, ErrNotPending)
	}
	r.Status = ReminderCancelled
	_, err = t.tx.ExecContext(t.ctx, `UPDATE reminders SET status = ?, claim = '', closed = ?
		WHERE user_key = ? AND number = ?`, r.Status, formatStamp(t.db.now()), t.user, number)
	if err != nil {
		return Reminder{}, fmt.Errorf("store: cancel reminder %d: %w", number, err)
	}
	return r, nil
}

func (t *tx) CancelReminderTag(tag string) (bool, error) {
	t.wrote = true
	if tag == "" {
		return false, nil
	}
	res, err := t.tx.ExecContext(t.ctx, cancelByTagSQL,
		ReminderCancelled, formatStamp(t.db.now()), t.user, tag, ReminderPending)
	if err != nil {
		return false, fmt.Errorf("store: cancel reminder %s: %w", tag, err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}
