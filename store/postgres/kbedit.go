package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/authorbot/authorbot/kbedit"
)

// DB is the Store of package kbedit: the moderators' changes to the
// knowledge base (migration 0005). Every replica polls KBVersion, one
// row read by its key, and reads the overrides again when it moved.
var _ kbedit.Store = (*DB)(nil)

// KBVersion returns the version of the latest change to the knowledge
// base, 0 when there is none.
func (db *DB) KBVersion(ctx context.Context) (int64, error) {
	var v int64
	if err := db.pool.QueryRow(ctx, `SELECT version FROM kb_version WHERE id = 1`).Scan(&v); err != nil {
		return 0, fmt.Errorf("postgres: kb version: %w", err)
	}
	return v, nil
}

const changeColumns = `c.version, c.topic, c.parent, c.action, c.author, c.created, c.hidden, c.base_hash, c.from_version`

// KBOverrides returns the latest change of every topic that has one, and
// the version counter, read in one repeatable-read transaction so they
// agree.
func (db *DB) KBOverrides(ctx context.Context) ([]kbedit.Change, int64, error) {
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: kb overrides: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	var version int64
	if err := tx.QueryRow(ctx, `SELECT version FROM kb_version WHERE id = 1`).Scan(&version); err != nil {
		return nil, 0, fmt.Errorf("postgres: kb overrides: %w", err)
	}
	const latest = `SELECT max(l.version) FROM kb_changes l GROUP BY l.topic`
	list, err := readChanges(ctx, tx,
		`SELECT `+changeColumns+` FROM kb_changes c WHERE c.version IN (`+latest+`) ORDER BY c.version`,
		`SELECT f.version, f.lang, f.markdown FROM kb_change_files f WHERE f.version IN (`+latest+`)`)
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: kb overrides: %w", err)
	}
	return list, version, nil
}

// KBHistory returns the changes of topic, newest first.
func (db *DB) KBHistory(ctx context.Context, topic string) ([]kbedit.Change, error) {
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, fmt.Errorf("postgres: kb history: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	list, err := readChanges(ctx, tx,
		`SELECT `+changeColumns+` FROM kb_changes c WHERE c.topic = $1 ORDER BY c.version DESC`,
		`SELECT f.version, f.lang, f.markdown FROM kb_change_files f
			JOIN kb_changes c ON c.version = f.version WHERE c.topic = $1`, topic)
	if err != nil {
		return nil, fmt.Errorf("postgres: kb history: %w", err)
	}
	return list, nil
}

// readChanges reads the changes the first query selects and their files,
// which the second selects (version, lang, markdown); both take args.
func readChanges(ctx context.Context, q querier, changes, files string, args ...any) ([]kbedit.Change, error) {
	rows, err := q.Query(ctx, changes, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []kbedit.Change
	at := map[int64]int{}
	for rows.Next() {
		var c kbedit.Change
		var action string
		if err := rows.Scan(&c.Version, &c.Topic, &c.Parent, &action, &c.By, &c.At, &c.Hidden, &c.BaseHash, &c.From); err != nil {
			return nil, err
		}
		c.At, c.Action, c.Files = c.At.UTC(), kbedit.Action(action), map[string]string{}
		at[c.Version] = len(list)
		list = append(list, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	frows, err := q.Query(ctx, files, args...)
	if err != nil {
		return nil, err
	}
	defer frows.Close()
	for frows.Next() {
		var v int64
		var lang, text string
		if err := frows.Scan(&v, &lang, &text); err != nil {
			return nil, err
		}
		if i, ok := at[v]; ok {
			list[i].Files[lang] = text
		}
	}
	return list, frows.Err()
}

// AddKBChanges stores changes in one transaction, each as the next
// version. A change whose Parent is not its topic's latest version is a
// kbedit.Conflict, and none is stored. The counter's row is locked
// first, so writers on any replica take turns and a parent read is still
// the latest when the change commits.
func (db *DB) AddKBChanges(ctx context.Context, changes []kbedit.Change) ([]kbedit.Change, error) {
	out := make([]kbedit.Change, 0, len(changes))
	err := db.write(ctx, func(tx pgx.Tx) error {
		out = out[:0]
		var version int64
		if err := tx.QueryRow(ctx, `SELECT version FROM kb_version WHERE id = 1 FOR UPDATE`).Scan(&version); err != nil {
			return fmt.Errorf("postgres: kb change: %w", err)
		}
		for _, c := range changes {
			var latest int64
			err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM kb_changes WHERE topic = $1`, c.Topic).Scan(&latest)
			if err != nil {
				return fmt.Errorf("postgres: kb change: %w", err)
			}
			if latest != c.Parent {
				return kbedit.Conflict{Topic: c.Topic, Latest: latest}
			}
			version++
			c.Version = version
			_, err = tx.Exec(ctx, `INSERT INTO kb_changes
				(version, topic, parent, action, author, created, hidden, base_hash, from_version)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
				c.Version, c.Topic, c.Parent, string(c.Action), c.By, stamp(c.At), c.Hidden, c.BaseHash, c.From)
			if err != nil {
				return fmt.Errorf("postgres: kb change: %w", err)
			}
			for lang, text := range c.Files {
				_, err := tx.Exec(ctx, `INSERT INTO kb_change_files (version, lang, markdown) VALUES ($1, $2, $3)`,
					c.Version, lang, text)
				if err != nil {
					return fmt.Errorf("postgres: kb change: %w", err)
				}
			}
			out = append(out, c)
		}
		if _, err := tx.Exec(ctx, `UPDATE kb_version SET version = $1 WHERE id = 1`, version); err != nil {
			return fmt.Errorf("postgres: kb change: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
