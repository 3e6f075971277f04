package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/authorbot/authorbot/ledger"
)

// tx is a ledger.Tx: one transaction on one author's data, holding the
// author's advisory lock (see Update).
type tx struct {
	ctx  context.Context
	tx   pgx.Tx
	db   *DB
	user string
	// orders is set once the transaction has written to the orders, so
	// that every replica drops the author's cached pages.
	orders bool
}

func (t *tx) Order(number int) (ledger.Order, error) {
	return getOrder(t.ctx, t.tx, t.user, number)
}

func (t *tx) AddOrder(o ledger.Order) (ledger.Order, error) {
	t.orders = true
	o.User = t.user
	if o.Kind == "" {
		o.Kind = ledger.KindAuthor
	}
	if o.Status == "" {
		o.Status = ledger.StatusOrdered
	}
	o.Created = stamp(t.db.now())
	o.Updated = o.Created
	// The author's lock is held: no other addition comes in between the
	// count and the insert. A refused one rolls the number back.
	var have int
	err := t.tx.QueryRow(t.ctx, `INSERT INTO users (user_key, last_order) VALUES ($1, 1)
		ON CONFLICT (user_key) DO UPDATE SET last_order = users.last_order + 1
		RETURNING last_order, `+orderCountAll, o.User).Scan(&o.Number, &have)
	if err != nil {
		return ledger.Order{}, fmt.Errorf("postgres: add order: next number: %w", err)
	}
	if have >= ledger.MaxOrders {
		return ledger.Order{}, ledger.TooManyOrders{Max: ledger.MaxOrders, Have: have}
	}
	_, err = t.tx.Exec(t.ctx, `INSERT INTO orders (`+orderColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
		o.User, o.Number, o.Kind, o.Quantity, o.Marketplace, o.Title, o.ISBN, o.Note, o.Tracking,
		dateArg(o.Ordered), dateArg(o.Expected), dateArg(o.Shipped), dateArg(o.Delivered),
		dateArg(o.Cancelled), o.Status, o.Created, o.Updated)
	if err != nil {
		return ledger.Order{}, fmt.Errorf("postgres: add order: %w", err)
	}
	return o, nil
}

func (t *tx) PutOrder(o ledger.Order) (ledger.Order, error) {
	t.orders = true
	o.User = t.user
	o.Updated = stamp(t.db.now())
	err := t.tx.QueryRow(t.ctx, `UPDATE orders SET kind = $1, quantity = $2, marketplace = $3,
		title = $4, isbn = $5, note = $6, tracking = $7, ordered = $8, expected = $9, shipped = $10,
		delivered = $11, cancelled = $12, status = $13, updated = $14
		WHERE user_key = $15 AND number = $16 RETURNING created`,
		o.Kind, o.Quantity, o.Marketplace, o.Title, o.ISBN, o.Note, o.Tracking,
		dateArg(o.Ordered), dateArg(o.Expected), dateArg(o.Shipped),
		dateArg(o.Delivered), dateArg(o.Cancelled), o.Status, o.Updated,
		o.User, o.Number).Scan(&o.Created)
	if errors.Is(err, pgx.ErrNoRows) {
		return ledger.Order{}, fmt.Errorf("postgres: update order %d: %w", o.Number, ledger.ErrNotFound)
	}
	if err != nil {
		return ledger.Order{}, fmt.Errorf("postgres: update order %d: %w", o.Number, err)
	}
	o.Created = o.Created.UTC()
	return o, nil
}

func (t *tx) DeleteOrder(number int) error {
	t.orders = true
	tag, err := t.tx.Exec(t.ctx, `DELETE FROM orders WHERE user_key = $1 AND number = $2`, t.user, number)
	if err != nil {
		return fmt.Errorf("postgres: delete order %d: %w", number, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("postgres: delete order %d: %w", number, ledger.ErrNotFound)
	}
	return nil
}

func (t *tx) ReminderSettings() (ledger.ReminderSettings, error) {
	s, _, err := getReminderSettings(t.ctx, t.tx, t.user)
	if err != nil {
		return ledger.ReminderSettings{}, fmt.Errorf("postgres: reminder settings: %w", err)
	}
	return s, nil
}

func (t *tx) PutReminderSettings(s ledger.ReminderSettings) error {
	_, err := t.tx.Exec(t.ctx, `INSERT INTO reminder_settings (user_key, automatic, zone) VALUES ($1, $2, $3)
		ON CONFLICT (user_key) DO UPDATE SET automatic = excluded.automatic, zone = excluded.zone`,
		t.user, s.Automatic, s.Zone)
	if err != nil {
		return fmt.Errorf("postgres: update reminder settings: %w", err)
	}
	return nil
}

func (t *tx) AddReminders(rs []ledger.Reminder) ([]ledger.Reminder, error) {
	if len(rs) == 0 {
		return nil, nil
	}
	capped := false
	for i := range rs {
		if err := t.db.readyReminder(&rs[i]); err != nil {
			return nil, err
		}
		if rs[i].User != t.user {
			return nil, errors.New("postgres: add reminders: of another user")
		}
		capped = capped || !ledger.Automatic(rs[i].Kind)
	}
	before, err := openReminders(t.ctx, t.tx, t.user)
	if err != nil {
		return nil, err
	}
	out := make([]ledger.Reminder, len(rs))
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

func (t *tx) CancelReminder(number int) (ledger.Reminder, error) {
	// FOR UPDATE: a scheduler claiming it at this moment either has it
	// (and this sees sending) or waits for this transaction.
	rows, err := t.tx.Query(t.ctx, `SELECT `+reminderColumns+` FROM reminders
		WHERE user_key = $1 AND number = $2 FOR UPDATE`, t.user, number)
	list, err := scanReminders(rows, err)
	if err != nil {
		return ledger.Reminder{}, fmt.Errorf("postgres: cancel reminder %d: %w", number, err)
	}
	if len(list) == 0 {
		return ledger.Reminder{}, fmt.Errorf("postgres: cancel reminder %d: %w", number, ledger.ErrNotFound)
	}
	r := list[0]
	if r.Status != ledger.ReminderPending && r.Status != ledger.ReminderFailed {
		return r, fmt.Errorf("postgres: cancel reminder %d: %w", number, ledger.ErrNotPending)
	}
	r.Status = ledger.ReminderCancelled
	_, err = t.tx.Exec(t.ctx, `UPDATE reminders SET status = $1, claim = '', closed = $2
		WHERE user_key = $3 AND number = $4`, r.Status, second(t.db.now()), t.user, number)
	if err != nil {
		return ledger.Reminder{}, fmt.Errorf("postgres: cancel reminder %d: %w", number, err)
	}
	return r, nil
}

func (t *tx) CancelReminderTag(tag string) (bool, error) {
	if tag == "" {
		return false, nil
	}
	res, err := t.tx.Exec(t.ctx, `UPDATE reminders SET status = $1, closed = $2
		WHERE user_key = $3 AND tag = $4 AND tag <> '' AND status = $5`,
		ledger.ReminderCancelled, second(t.db.now()), t.user, tag, ledger.ReminderPending)
	if err != nil {
		return false, fmt.Errorf("postgres: cancel reminder %s: %w", tag, err)
	}
	return res.RowsAffected() > 0, nil
}
