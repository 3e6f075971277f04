package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"
)

// Order is one order of author or proof copies in an author's ledger.
// Dates are calendar days at midnight UTC; the zero time means unset.
type Order struct {
	User   string `json:"-"` // bot.User.Key() of the author
	Number int    `json:"number"`
	// Kind is "author" or "proof".
	Kind     string `json:"kind"`
	Quantity int    `json:"quantity"`
	// Marketplace is the canonical domain, e.g. "amazon.co.uk".
	Marketplace string `json:"marketplace"`

	Title    string `json:"title"`
	ISBN     string `json:"isbn,omitempty"`
	Note     string `json:"note,omitempty"`
	Tracking string `json:"tracking,omitempty"`

	Ordered   time.Time `json:"ordered,omitzero"`
	Expected  time.Time `json:"expected,omitzero"`
	Shipped   time.Time `json:"shipped,omitzero"`
	Delivered time.Time `json:"delivered,omitzero"`
	Cancelled time.Time `json:"cancelled,omitzero"`

	// Status is "ordered", "shipped", "delivered" or "cancelled".
	Status string `json:"status"`

	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// The order statuses, in lifecycle order.
const (
	StatusOrdered   = "ordered"
	StatusShipped   = "shipped"
	StatusDelivered = "delivered"
	StatusCancelled = "cancelled"
)

// The kinds of copies.
const (
	KindAuthor = "author"
	KindProof  = "proof"
)

const orderColumns = `user_key, number, kind, quantity, marketplace, title, isbn, note, tracking,
	ordered, expected, shipped, delivered, cancelled, status, created, updated`

// AddOrder stores o as the user's next order and returns it with its
// number and timestamps. Numbers count up per user and are never given
// again, even after a delete. Kind defaults to author and Status to
// ordered. The order is committed when AddOrder returns.
func (db *DB) AddOrder(ctx context.Context, o Order) (Order, error) {
	if o.User == "" {
		return Order{}, errors.New("store: add order: no user")
	}
	if o.Kind == "" {
		o.Kind = KindAuthor
	}
	if o.Status == "" {
		o.Status = StatusOrdered
	}
	o.Created = db.now().UTC()
	o.Updated = o.Created
	defer db.orders.drop(o.User)
	err := db.write(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `
			INSERT INTO users (user_key, last_order) VALUES (?, 1)
			ON CONFLICT (user_key) DO UPDATE SET last_order = last_order + 1
			RETURNING last_order`, o.User).Scan(&o.Number)
		if err != nil {
			return fmt.Errorf("store: add order: next number: %w", err)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO orders (`+orderColumns+`)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, orderArgs(o)...)
		if err != nil {
			return fmt.Errorf("store: add order: %w", err)
		}
		return nil
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
// by number.
// The list comes from the order cache when it holds the user's.
func (db *DB) Orders(ctx context.Context, user, status string) ([]Order, error) {
	db.checkOthers(ctx)
	list, gen, ok := db.orders.get(user)
	if !ok {
		rows, err := db.listOrders.QueryContext(bounded(ctx), user)
		if err != nil {
			return nil, fmt.Errorf("store: orders: %w", err)
		}
		if list, err = scanOrders(rows); err != nil {
			return nil, err
		}
		db.orders.put(user, list, gen)
	}
	if status != "" {
		list = slices.DeleteFunc(list, func(o Order) bool { return o.Status != status })
	}
	return list, nil
}

// UpdateOrder reads the user's order number, lets fn change it and writes
// it back, all in one immediate transaction, so no other write can come in
// between. An error from fn aborts the update and is returned unchanged;
// a missing order gives an error wrapping ErrNotFound. fn must not use the
// DB: the writer connection is busy with this transaction. User, Number
// and Created cannot be changed.
func (db *DB) UpdateOrder(ctx context.Context, user string, number int, fn func(*Order) error) (Order, error) {
	var o Order
	defer db.orders.drop(user)
	err := db.write(ctx, func(tx *sql.Tx) error {
		var err error
		o, err = getOrder(ctx, tx, user, number)
		if err != nil {
			return err
		}
		created := o.Created
		if err := fn(&o); err != nil {
			return err
		}
		o.User, o.Number, o.Created = user, number, created
		o.Updated = db.now().UTC()
		_, err = tx.ExecContext(ctx, `UPDATE orders SET kind = ?, quantity = ?, marketplace = ?,
			title = ?, isbn = ?, note = ?, tracking = ?, ordered = ?, expected = ?, shipped = ?,
			delivered = ?, cancelled = ?, status = ?, updated = ?
			WHERE user_key = ? AND number = ?`,
			o.Kind, o.Quantity, o.Marketplace, o.Title, o.ISBN, o.Note, o.Tracking,
			formatDate(o.Ordered), formatDate(o.Expected), formatDate(o.Shipped),
			formatDate(o.Delivered), formatDate(o.Cancelled), o.Status, formatTime(o.Updated),
			user, number)
		if err != nil {
			return fmt.Errorf("store: update order %d: %w", number, err)
		}
		return nil
	})
	if err != nil {
		return Order{}, err
	}
	return o, nil
}

// DeleteOrder removes the user's order number from the ledger; the number
// is not given again. A missing order gives an error wrapping ErrNotFound.
func (db *DB) DeleteOrder(ctx context.Context, user string, number int) error {
	defer db.orders.drop(user)
	return db.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM orders WHERE user_key = ? AND number = ?`, user, number)
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
	})
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
)

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
		var o Order
		var dates [5]string
		var created, updated string
		err := rows.Scan(&o.User, &o.Number, &o.Kind, &o.Quantity, &o.Marketplace, &o.Title, &o.ISBN,
			&o.Note, &o.Tracking, &dates[0], &dates[1], &dates[2], &dates[3], &dates[4], &o.Status,
			&created, &updated)
		if err != nil {
			return nil, fmt.Errorf("store: read order: %w", err)
		}
		for i, dst := range []*time.Time{&o.Ordered, &o.Expected, &o.Shipped, &o.Delivered, &o.Cancelled} {
			if *dst, err = parseDate(dates[i]); err != nil {
				return nil, err
			}
		}
		if o.Created, err = parseTime(created); err != nil {
			return nil, err
		}
		if o.Updated, err = parseTime(updated); err != nil {
			return nil, err
		}
		list = append(list, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: read orders: %w", err)
	}
	return list, nil
}
