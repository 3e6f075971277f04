package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/authorbot/authorbot/ledger"
)

// userTable is one table holding data about users, keyed by user_key.
type userTable struct {
	name string
	// export copies the user's rows into d.
	export func(ctx context.Context, q querier, user string, d *ledger.UserData) error
}

// userTables lists every table that holds data about a user, dependent
// tables before the ones they reference. Export gathers from each one and
// Forget deletes from each: a migration that adds such a table adds it
// here, so that both keep covering everything.
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

// Export returns everything stored about user, read in one repeatable-read
// transaction so the parts agree with each other.
func (db *DB) Export(ctx context.Context, user string) (ledger.UserData, error) {
	d := ledger.UserData{User: user, Exported: stamp(db.now()), Orders: []ledger.Order{}, Votes: []ledger.Vote{}}
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return ledger.UserData{}, fmt.Errorf("postgres: export: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	for _, t := range userTables() {
		if err := t.export(ctx, tx, user, &d); err != nil {
			return ledger.UserData{}, fmt.Errorf("postgres: export %s: %w", t.name, err)
		}
	}
	return d, nil
}

// Forget deletes everything stored about user, the order counter
// included, in one transaction, under the author's lock.
func (db *DB) Forget(ctx context.Context, user string) error {
	err := db.write(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, user); err != nil {
			return fmt.Errorf("postgres: lock the author: %w", err)
		}
		for _, t := range userTables() {
			// The table name comes from userTables, never from input.
			if _, err := tx.Exec(ctx, `DELETE FROM `+t.name+` WHERE user_key = $1`, user); err != nil {
				return fmt.Errorf("postgres: forget %s: %w", t.name, err)
			}
		}
		return notifyOrders(ctx, tx, user)
	})
	db.ordersChanged(ctx, user)
	return err
}

func exportOrders(ctx context.Context, q querier, user string, d *ledger.UserData) error {
	rows, err := q.Query(ctx, `SELECT `+orderColumns+` FROM orders WHERE user_key = $1 ORDER BY number`, user)
	d.Orders, err = scanOrders(rows, err)
	return err
}

func exportVotes(ctx context.Context, q querier, user string, d *ledger.UserData) error {
	rows, err := q.Query(ctx, `SELECT topic, lang, helpful, voted FROM votes
		WHERE user_key = $1 ORDER BY topic, lang`, user)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var v ledger.Vote
		if err := rows.Scan(&v.Topic, &v.Lang, &v.Helpful, &v.Voted); err != nil {
			return err
		}
		v.Voted = v.Voted.UTC()
		d.Votes = append(d.Votes, v)
	}
	return rows.Err()
}

func exportReminders(ctx context.Context, q querier, user string, d *ledger.UserData) error {
	rows, err := q.Query(ctx, `SELECT `+reminderColumns+` FROM reminders WHERE user_key = $1 ORDER BY number`, user)
	d.Reminders, err = scanReminders(rows, err)
	return err
}

func exportReminderSettings(ctx context.Context, q querier, user string, d *ledger.UserData) error {
	s, stored, err := getReminderSettings(ctx, q, user)
	if err != nil || !stored {
		return err
	}
	d.ReminderSettings = &s
	return nil
}

func exportCounter(ctx context.Context, q querier, user string, d *ledger.UserData) error {
	err := q.QueryRow(ctx, `SELECT last_order FROM users WHERE user_key = $1`, user).Scan(&d.LastOrder)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil
	}
	return err
}
