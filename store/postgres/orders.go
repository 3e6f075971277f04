package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/authorbot/authorbot/ledger"
)

// DB is the Store of package ledger.
var _ ledger.Store = (*DB)(nil)

const orderColumns = `user_key, number, kind, quantity, marketplace, title, isbn, note, tracking,
	ordered, expected, shipped, delivered, cancelled, status, created, updated`

// orderCountAll is the number of orders in a users row.
const orderCountAll = `ordered_count + shipped_count + delivered_count + cancelled_count`

// Update runs fn in one transaction on user's data and commits it when fn
// returns nil; an error from fn rolls it back and is returned unchanged.
// The transaction first takes an advisory lock on the author, so that
// updates of the same author, from any replica, run one after the other,
// as they do on SQLite's single writer: fn may read an order and write it
// back without another update coming in between. fn must not use the DB.
func (db *DB) Update(ctx context.Context, user string, fn func(ledger.Tx) error) error {
	if user == "" {
		return errors.New("postgres: update: no user")
	}
	var t *tx
	err := db.write(ctx, func(ptx pgx.Tx) error {
		if _, err := ptx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, user); err != nil {
			return fmt.Errorf("postgres: lock the author: %w", err)
		}
		t = &tx{ctx: ctx, tx: ptx, db: db, user: user}
		if err := fn(t); err != nil {
			return err
		}
		if t.orders {
			return notifyOrders(ctx, ptx, user)
		}
		return nil
	})
	if err == nil && t.orders {
		db.ordersChanged(ctx, user)
	}
	return err
}

// AddOrder stores o as the user's next order, in a transaction of its
// own (see tx.AddOrder).
func (db *DB) AddOrder(ctx context.Context, o ledger.Order) (ledger.Order, error) {
	if o.User == "" {
		return ledger.Order{}, errors.New("postgres: add order: no user")
	}
	err := db.Update(ctx, o.User, func(t ledger.Tx) error {
		var err error
		o, err = t.AddOrder(o)
		return err
	})
	if err != nil {
		return ledger.Order{}, err
	}
	return o, nil
}

// Order returns the user's order number, or an error wrapping
// ledger.ErrNotFound.
func (db *DB) Order(ctx context.Context, user string, number int) (ledger.Order, error) {
	return getOrder(ctx, db.pool, user, number)
}

// Orders returns the user's orders with the given status ("" for all),
// by number: the whole ledger, for reads that need all of it.
func (db *DB) Orders(ctx context.Context, user, status string) ([]ledger.Order, error) {
	// Not cached: a whole ledger can be thousands of orders.
	rows, err := db.pool.Query(ctx, `SELECT `+orderColumns+` FROM orders WHERE user_key = $1 ORDER BY number`, user)
	list, err := scanOrders(rows, err)
	if err != nil {
		return nil, fmt.Errorf("postgres: orders: %w", err)
	}
	if status != "" {
		list = slices.DeleteFunc(list, func(o ledger.Order) bool { return o.Status != status })
	}
	return list, nil
}

// LatestOrders returns the user's last limit orders with the given status
// ("" for all), oldest first, and how many such orders there are in all.
func (db *DB) LatestOrders(ctx context.Context, user, status string, limit int) ([]ledger.Order, int, error) {
	if limit <= 0 {
		return nil, 0, errors.New("postgres: latest orders: limit must be at least 1")
	}
	switch status {
	case "", ledger.StatusOrdered, ledger.StatusShipped, ledger.StatusDelivered, ledger.StatusCancelled:
	default:
		return nil, 0, fmt.Errorf("postgres: latest orders: no status %q", status)
	}
	v := view{status: status, limit: limit}
	if list, ok := db.cache.get(user, v); ok {
		return list, db.cache.total(user, v), nil
	}
	gen := db.cache.generation()
	// The page and its count come from one statement, so one snapshot.
	var rows pgx.Rows
	var err error
	if status == "" {
		rows, err = db.pool.Query(ctx, `SELECT `+orderColumns+`,
			(SELECT `+orderCountAll+` FROM users WHERE user_key = $1)
			FROM orders WHERE user_key = $1 ORDER BY number DESC LIMIT $2`, user, limit)
	} else {
		rows, err = db.pool.Query(ctx, `SELECT `+orderColumns+`,
			(SELECT CASE $3::text WHEN 'ordered' THEN ordered_count WHEN 'shipped' THEN shipped_count
				WHEN 'delivered' THEN delivered_count ELSE cancelled_count END FROM users WHERE user_key = $1)
			FROM orders WHERE user_key = $1 AND status = $3 ORDER BY number DESC LIMIT $2`, user, limit, status)
	}
	var total int
	list, err := scanOrders(rows, err, &total)
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: latest orders: %w", err)
	}
	slices.Reverse(list)
	db.cache.put(user, v, list, total, gen)
	return list, total, nil
}

// RecentOrders returns the user's orders still on their way and those
// delivered on or after the day since, by number.
func (db *DB) RecentOrders(ctx context.Context, user string, since time.Time) ([]ledger.Order, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+orderColumns+` FROM orders
		WHERE user_key = $1 AND (status IN ('ordered', 'shipped')
			OR (status = 'delivered' AND delivered >= $2))
		ORDER BY number`, user, sinceArg(since))
	list, err := scanOrders(rows, err)
	if err != nil {
		return nil, fmt.Errorf("postgres: recent orders: %w", err)
	}
	return list, nil
}

// UpdateOrder reads the user's order number, lets fn change it and writes
// it back, in one transaction. An error from fn is returned unchanged; a
// missing order gives an error wrapping ledger.ErrNotFound.
func (db *DB) UpdateOrder(ctx context.Context, user string, number int, fn func(*ledger.Order) error) (ledger.Order, error) {
	var o ledger.Order
	err := db.Update(ctx, user, func(t ledger.Tx) error {
		var err error
		if o, err = t.Order(number); err != nil {
			return err
		}
		if err := fn(&o); err != nil {
			return err
		}
		o.Number = number
		o, err = t.PutOrder(o)
		return err
	})
	if err != nil {
		return ledger.Order{}, err
	}
	return o, nil
}

// DeleteOrder removes the user's order number; its number is not given
// again.
func (db *DB) DeleteOrder(ctx context.Context, user string, number int) error {
	return db.Update(ctx, user, func(t ledger.Tx) error { return t.DeleteOrder(number) })
}

// querier is what the pool and a transaction have in common.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

func getOrder(ctx context.Context, q querier, user string, number int) (ledger.Order, error) {
	rows, err := q.Query(ctx, `SELECT `+orderColumns+` FROM orders WHERE user_key = $1 AND number = $2`, user, number)
	list, err := scanOrders(rows, err)
	if err != nil {
		return ledger.Order{}, fmt.Errorf("postgres: order %d: %w", number, err)
	}
	if len(list) == 0 {
		return ledger.Order{}, fmt.Errorf("postgres: order %d: %w", number, ledger.ErrNotFound)
	}
	return list[0], nil
}

// scanOrders reads every row of rows, each an order and then the columns
// of extra, and closes it; it takes the query's error too.
func scanOrders(rows pgx.Rows, err error, extra ...any) ([]ledger.Order, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []ledger.Order{}
	for rows.Next() {
		var o ledger.Order
		var dates [5]pgtype.Date
		dest := append([]any{&o.User, &o.Number, &o.Kind, &o.Quantity, &o.Marketplace, &o.Title, &o.ISBN,
			&o.Note, &o.Tracking, &dates[0], &dates[1], &dates[2], &dates[3], &dates[4], &o.Status,
			&o.Created, &o.Updated}, extra...)
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("read order: %w", err)
		}
		for i, dst := range []*time.Time{&o.Ordered, &o.Expected, &o.Shipped, &o.Delivered, &o.Cancelled} {
			*dst = fromDate(dates[i])
		}
		o.Created, o.Updated = o.Created.UTC(), o.Updated.UTC()
		list = append(list, o)
	}
	return list, rows.Err()
}

// dateArg is a calendar day as a query argument: NULL for the zero time.
func dateArg(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	y, m, d := t.Date()
	return pgtype.Date{Time: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), Valid: true}
}

// sinceArg is the first day of a range: before every day for the zero
// time.
func sinceArg(t time.Time) any {
	if t.IsZero() {
		return pgtype.Date{InfinityModifier: pgtype.NegativeInfinity, Valid: true}
	}
	return dateArg(t)
}

// fromDate is a stored day as midnight UTC, the zero time for NULL.
func fromDate(d pgtype.Date) time.Time {
	if !d.Valid || d.InfinityModifier != pgtype.Finite {
		return time.Time{}
	}
	y, m, dd := d.Time.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
}

// stamp is an instant as PostgreSQL keeps it: to the microsecond, in UTC.
func stamp(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }
