package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/authorbot/authorbot/ledger"
)

const orderColumns = `user_key, number, kind, quantity, marketplace, title, isbn, note, tracking,
	ordered, expected, shipped, delivered, cancelled, status, created, updated`

// AddOrder stores o as the user's next order and returns it with its
// number and timestamps, in a transaction of its own (see tx.AddOrder).
// Kind defaults to author and Status to ordered. The order is committed
// when AddOrder returns. A ledger that holds ledger.MaxOrders orders already
// gives a ledger.TooManyOrders error.
func (db *DB) AddOrder(ctx context.Context, o Order) (Order, error) {
	if o.User == "" {
		return Order{}, errors.New("store: add order: no user")
	}
	err := db.Update(ctx, o.User, func(t ledger.Tx) error {
		var err error
		o, err = t.AddOrder(o)
		return err
	})
	if err != nil {
		return Order{}, err
	}
	return o, nil
}

// Order returns the user's order number, or an error wrapping ErrNotFound.
func (db *DB) Order(ctx context.Context, user string, number int) (Order, error) {
	rows, err := db.getOrder.QueryContext(bounded(ctx), user, number)
	return oneOrder(rows, err, number)
}

// Orders returns the user's orders with the given status ("" for all),
// by number: the whole ledger, for reads that need all of it. A list
// shown to the author reads a page instead (LatestOrders).
// The list comes from the order cache when it holds the user's.
func (db *DB) Orders(ctx context.Context, user, status string) ([]Order, error) {
	db.checkOthers(ctx)
	all := view{}
	p, gen, ok := db.orders.get(user, all)
	if !ok {
		rows, err := db.listOrders.QueryContext(bounded(ctx), user)
		if err != nil {
			return nil, fmt.Errorf("store: orders: %w", err)
		}
		if p.list, err = scanOrders(rows); err != nil {
			return nil, err
		}
		p.total = len(p.list)
		db.orders.put(user, all, p, gen)
	}
	list := p.list
	if status != "" {
		list = slices.DeleteFunc(list, func(o Order) bool { return o.Status != status })
	}
	return list, nil
}

// LatestOrders returns the user's last limit orders (by number) with the
// given status ("" for all), oldest first, and how many such orders the
// ledger holds in all, so a list can say "the latest 25 of 1,234". It
// reads limit orders and a count kept with the author, whatever the
// ledger's length. The page comes from the order cache when it holds it.
func (db *DB) LatestOrders(ctx context.Context, user, status string, limit int) ([]Order, int, error) {
	if limit <= 0 {
		return nil, 0, errors.New("store: latest orders: limit must be at least 1")
	}
	switch status {
	case "", StatusOrdered, StatusShipped, StatusDelivered, StatusCancelled:
	default:
		return nil, 0, fmt.Errorf("store: latest orders: no status %q", status)
	}
	db.checkOthers(ctx)
	v := view{status: status, limit: limit}
	p, gen, ok := db.orders.get(user, v)
	if ok {
		return p.list, p.total, nil
	}
	st := db.latestOrders
	args := []any{user, limit}
	switch status {
	case "":
	case StatusOrdered:
		st = db.latestOrdered
	default:
		st = db.latestByStatus
		args = []any{user, limit, status}
	}
	rows, err := st.QueryContext(bounded(ctx), args...)
	if err != nil {
		return nil, 0, fmt.Errorf("store: latest orders: %w", err)
	}
	p.list, p.total, err = scanCountedOrders(rows)
	if err != nil {
		return nil, 0, err
	}
	slices.Reverse(p.list)
	db.orders.put(user, v, p, gen)
	return p.list, p.total, nil
}

// RecentOrders returns the user's orders still on their way (ordered or
// shipped) and those delivered on or after the day since, by number: the
// ones a question about an order can be about. It reads those orders
// only, not the whole ledger.
func (db *DB) RecentOrders(ctx context.Context, user string, since time.Time) ([]Order, error) {
	rows, err := db.r.QueryContext(bounded(ctx), recentOrdersSQL, user, formatDate(since))
	if err != nil {
		return nil, fmt.Errorf("store: recent orders: %w", err)
	}
	return scanOrders(rows)
}

// UpdateOrder reads the user's order number, lets fn change it and writes
// it back, all in one immediate transaction, so no other write can come in
// between. An error from fn aborts the update and is returned unchanged;
// a missing order gives an error wrapping ErrNotFound. fn must not use the
// DB: the writer connection is busy with this transaction. User, Number
// and Created cannot be changed.
func (db *DB) UpdateOrder(ctx context.Context, user string, number int, fn func(*Order) error) (Order, error) {
	var o Order
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
		return Order{}, err
	}
	return o, nil
}

// DeleteOrder removes the user's order number from the ledger; the number
// is not given again. A missing order gives an error wrapping ErrNotFound.
func (db *DB) DeleteOrder(ctx context.Context, user string, number int) error {
	return db.Update(ctx, user, func(t ledger.Tx) error { return t.DeleteOrder(number) })
}

// bounded drops ctx's deadline for a read that an index keeps short: for a
// context that can end, go-sqlite3 starts a goroutine per query to watch
// it, which took an empty /order list from 32 to 57 µs, and such a read
// finishes long before any deadline a platform sets.
func bounded(ctx context.Context) context.Context {
	return context.WithoutCancel(ctx)
}

// The statements of the hottest reads, prepared once by Open.
const (
	listOrdersSQL = `SELECT ` + orderColumns + ` FROM orders WHERE user_key = ? ORDER BY number`
	getOrderSQL   = `SELECT ` + orderColumns + ` FROM orders WHERE user_key = ? AND number = ?`
	// The page and its count come from one statement, so from one
	// snapshot; the count is the user's row in users, kept by triggers.
	// Without INDEXED BY, SQLite would rather walk the author's ledger by
	// number, the order of the page, than look up the status's orders.
	latestOrdersSQL = `SELECT ` + orderColumns + `,
		(SELECT ` + orderCountAll + ` FROM users WHERE user_key = ?1)
		FROM orders WHERE user_key = ?1 ORDER BY number DESC LIMIT ?2`
	// The orders past 'ordered' come from their own index, whose WHERE
	// the query repeats so that SQLite may use it; the orders still
	// 'ordered' from the index of numbers, newest first, no further than the
	// oldest of them (see migration 0005): LIMIT stops at the author's
	// count of them.
	latestByStatusSQL = `SELECT ` + orderColumns + `,
		(SELECT CASE ?3 WHEN 'shipped' THEN shipped_count WHEN 'delivered' THEN delivered_count
			ELSE cancelled_count END FROM users WHERE user_key = ?1)
		FROM orders INDEXED BY orders_past_ordered
		WHERE user_key = ?1 AND status = ?3 AND status != 'ordered' ORDER BY number DESC LIMIT ?2`
	latestOrderedSQL = `SELECT ` + orderColumns + `, ` + orderedCount + `
		FROM orders WHERE user_key = ?1 AND status = 'ordered' ORDER BY number DESC
		LIMIT min(?2, ` + orderedCount + `)`
	// The status literals let SQLite use the partial indexes. INDEXED BY:
	// left to itself, SQLite walks the author's whole ledger by number to
	// spare a sort (TestHotQueriesUseIndexes).
	recentOrdersSQL = `SELECT * FROM (SELECT ` + orderColumns + ` FROM orders
		WHERE user_key = ?1 AND status = 'ordered' ORDER BY number DESC LIMIT ` + orderedCount + `)
		UNION ALL
		SELECT ` + orderColumns + ` FROM orders INDEXED BY orders_past_ordered
		WHERE user_key = ?1 AND status = 'shipped' AND status != 'ordered'
		UNION ALL
		SELECT ` + orderColumns + ` FROM orders
		WHERE user_key = ?1 AND status = 'delivered' AND delivered >= ?2
		ORDER BY number`
)

// orderedCount is how many of the author ?1's orders are 'ordered'.
const orderedCount = `coalesce((SELECT ordered_count FROM users WHERE user_key = ?1), 0)`

// orderCountAll is the number of orders in a users row.
const orderCountAll = `ordered_count + shipped_count + delivered_count + cancelled_count`

func getOrder(ctx context.Context, q querier, user string, number int) (Order, error) {
	rows, err := q.QueryContext(ctx, getOrderSQL, user, number)
	return oneOrder(rows, err, number)
}

// oneOrder reads the single order a query for one number returns.
func oneOrder(rows *sql.Rows, err error, number int) (Order, error) {
	if err != nil {
		return Order{}, fmt.Errorf("store: order %d: %w", number, err)
	}
	list, err := scanOrders(rows)
	if err != nil {
		return Order{}, err
	}
	if len(list) == 0 {
		return Order{}, fmt.Errorf("store: order %d: %w", number, ErrNotFound)
	}
	return list[0], nil
}

func orderArgs(o Order) []any {
	return []any{o.User, o.Number, o.Kind, o.Quantity, o.Marketplace, o.Title, o.ISBN, o.Note, o.Tracking,
		formatDate(o.Ordered), formatDate(o.Expected), formatDate(o.Shipped), formatDate(o.Delivered),
		formatDate(o.Cancelled), o.Status, formatTime(o.Created), formatTime(o.Updated)}
}

// scanOrders reads every row of rows and closes it.
func scanOrders(rows *sql.Rows) ([]Order, error) {
	defer rows.Close()
	list := []Order{}
	for rows.Next() {
		o, err := scanOrder(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: read orders: %w", err)
	}
	return list, nil
}

// scanCountedOrders reads the rows of a page, each an order and the
// count of all the orders it is a page of, and closes rows.
func scanCountedOrders(rows *sql.Rows) ([]Order, int, error) {
	defer rows.Close()
	list := []Order{}
	total := 0
	for rows.Next() {
		o, err := scanOrder(rows, &total)
		if err != nil {
			return nil, 0, err
		}
		list = append(list, o)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("store: read orders: %w", err)
	}
	return list, total, nil
}

// scanOrder reads the order in rows' current row, and the columns after
// it into extra.
func scanOrder(rows *sql.Rows, extra ...any) (Order, error) {
	var o Order
	var dates [5]string
	var created, updated string
	dest := append([]any{&o.User, &o.Number, &o.Kind, &o.Quantity, &o.Marketplace, &o.Title, &o.ISBN,
		&o.Note, &o.Tracking, &dates[0], &dates[1], &dates[2], &dates[3], &dates[4], &o.Status,
		&created, &updated}, extra...)
	if err := rows.Scan(dest...); err != nil {
		return Order{}, fmt.Errorf("store: read order: %w", err)
	}
	var err error
	for i, dst := range []*time.Time{&o.Ordered, &o.Expected, &o.Shipped, &o.Delivered, &o.Cancelled} {
		if *dst, err = parseDate(dates[i]); err != nil {
			return Order{}, err
		}
	}
	if o.Created, err = parseTime(created); err != nil {
		return Order{}, err
	}
	if o.Updated, err = parseTime(updated); err != nil {
		return Order{}, err
	}
	return o, nil
}
