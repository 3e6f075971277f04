package store

import (
	"context"
	"database/sql"
	"fmt"
)

// userTable is one table holding data about users, keyed by user_key.
type userTable struct {
	name string
	// export copies the user's rows into d.
	export func(ctx context.Context, q querier, user string, d *UserData) error
}

// userTables lists every table that holds data about a user, dependent
// tables before the ones they reference. Export gathers from each one and
// Forget deletes from each, so a migration that adds such a table adds it
// here, with a field in UserData, and both keep covering everything.
func userTables() []userTable {
	return []userTable{
		{name: "orders", export: exportOrders},
		{name: "votes", export: exportVotes},
		{name: "gaps", export: exportGaps},
		{name: "handoffs", export: exportHandoffs},
		{name: "examples", export: exportExamples},
		{name: "reminders", export: exportReminders},
		{name: "reminder_settings", export: exportReminderSettings},
		{name: "users", export: exportCounter},
	}
}

// Export returns everything stored about user, read in one transaction so
// the parts agree with each other.
func (db *DB) Export(ctx context.Context, user string) (UserData, error) {
	d := UserData{User: user, Exported: db.now().UTC(), Orders: []Order{}, Votes: []Vote{}}
	tx, err := db.r.BeginTx(ctx, nil)
	if err != nil {
		return UserData{}, fmt.Errorf("store: export: %w", err)
	}
	defer tx.Rollback()
	for _, t := range userTables() {
		if err := t.export(ctx, tx, user, &d); err != nil {
			return UserData{}, fmt.Errorf("store: export %s: %w", t.name, err)
		}
	}
	return d, nil
}

// Forget deletes everything stored about user, the order counter
// included, in one transaction. Forgetting a user with no data is not an
// error.
func (db *DB) Forget(ctx context.Context, user string) error {
	defer db.orders.drop(user)
	return db.write(ctx, func(tx *sql.Tx) error {
		for _, t := range userTables() {
			// The table name comes from userTables, never from input.
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+t.name+` WHERE user_key = ?`, user); err != nil {
				return fmt.Errorf("store: forget %s: %w", t.name, err)
			}
		}
		// The examples learnt from the author's questions are gone: every
		// process must read them again.
		return bumpExamples(ctx, tx)
	})
}

func exportOrders(ctx context.Context, q querier, user string, d *UserData) error {
	rows, err := q.QueryContext(ctx, listOrdersSQL, user)
	if err != nil {
		return err
	}
	d.Orders, err = scanOrders(rows)
	return err
}

func exportVotes(ctx context.Context, q querier, user string, d *UserData) error {
	rows, err := q.QueryContext(ctx, `SELECT topic, lang, helpful, voted FROM votes
		WHERE user_key = ? ORDER BY topic, lang`, user)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var v Vote
		var voted string
		if err := rows.Scan(&v.Topic, &v.Lang, &v.Helpful, &voted); err != nil {
			return err
		}
		if v.Voted, err = parseTime(voted); err != nil {
			return err
		}
		d.Votes = append(d.Votes, v)
	}
	return rows.Err()
}

func exportCounter(ctx context.Context, q querier, user string, d *UserData) error {
	err := q.QueryRowContext(ctx, `SELECT last_order FROM users WHERE user_key = ?`, user).Scan(&d.LastOrder)
	if err == sql.ErrNoRows {
		return nil
	}
	return err
}
