package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/authorbot/authorbot/kbedit"
)

// DB is the Store of package kbedit.
var _ kbedit.Store = (*DB)(nil)

// KBVersion returns the version of the latest change to the knowledge
// base, 0 when there is none: one row read by its primary key.
func (db *DB) KBVersion(ctx context.Context) (int64, error) {
	var v int64
	if err := db.r.QueryRowContext(ctx, `SELECT version FROM kb_version WHERE id = 1`).Scan(&v); err != nil {
		return 0, fmt.Errorf("store: kb version: %w", err)
	}
	return v, nil
}

// changeColumns are the columns of kb_changes in the order scanChanges
// reads them.
const changeColumns = `c.version, c.topic, c.parent, c.action, c.author, c.created, c.hidden, c.base_hash, c.from_version`

// KBOverrides returns the latest change of every topic that has one, and
// the version counter, read in one transaction so they agree.
func (db *DB) KBOverrides(ctx context.Context) ([]kbedit.Change, int64, error) {
	tx, err := db.r.BeginTx(ctx, nil)
	if err != nil {
		return nil, 0, fmt.Errorf("store: kb overrides: %w", err)
	}
	defer tx.Rollback()
	var version int64
	if err := tx.QueryRowContext(ctx, `SELECT version FROM kb_version WHERE id = 1`).Scan(&version); err != nil {
		return nil, 0, fmt.Errorf("store: kb overrides: %w", err)
	}
	const latest = `SELECT max(l.version) FROM kb_changes l GROUP BY l.topic`
	list, err := readChanges(ctx, tx,
		`SELECT `+changeColumns+` FROM kb_changes c WHERE c.version IN (`+latest+`) ORDER BY c.version`,
		`SELECT f.version, f.lang, f.markdown FROM kb_change_files f WHERE f.version IN (`+latest+`)`)
	if err != nil {
		return nil, 0, fmt.Errorf("store: kb overrides: %w", err)
	}
	return list, version, nil
}

// KBHistory returns the changes of topic, newest first.
func (db *DB) KBHistory(ctx context.Context, topic string) ([]kbedit.Change, error) {
	tx, err := db.r.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store: kb history: %w", err)
	}
	defer tx.Rollback()
	list, err := readChanges(ctx, tx,
		`SELECT `+changeColumns+` FROM kb_changes c WHERE c.topic = ? ORDER BY c.version DESC`,
		`SELECT f.version, f.lang, f.markdown FROM kb_change_files f
			JOIN kb_changes c ON c.version = f.version WHERE c.topic = ?`, topic)
	if err != nil {
		return nil, fmt.Errorf("store: kb history: %w", err)
	}
	return list, nil
}

// readChanges reads the changes the first query selects and their files,
// which the second selects (version, lang, markdown); both take args.
func readChanges(ctx context.Context, q querier, changes, files string, args ...any) ([]kbedit.Change, error) {
	rows, err := q.QueryContext(ctx, changes, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []kbedit.Change
	at := map[int64]int{}
	for rows.Next() {
		var c kbedit.Change
		var action, created string
		var hidden int
		if err := rows.Scan(&c.Version, &c.Topic, &c.Parent, &action, &c.By, &created, &hidden, &c.BaseHash, &c.From); err != nil {
			return nil, err
		}
		if c.At, err = parseTime(created); err != nil {
			return nil, err
		}
		c.Action, c.Hidden, c.Files = kbedit.Action(action), hidden == 1, map[string]string{}
		at[c.Version] = len(list)
		list = append(list, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	frows, err := q.QueryContext(ctx, files, args...)
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
// kbedit.Conflict, and none is stored.
func (db *DB) AddKBChanges(ctx context.Context, changes []kbedit.Change) ([]kbedit.Change, error) {
	out := make([]kbedit.Change, 0, len(changes))
	err := db.write(ctx, func(tx *sql.Tx) error {
		out = out[:0]
		for _, c := range changes {
			var latest int64
			err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM kb_changes WHERE topic = ?`, c.Topic).Scan(&latest)
			if err != nil {
				return fmt.Errorf("store: kb change: %w", err)
			}
			if latest != c.Parent {
				return kbedit.Conflict{Topic: c.Topic, Latest: latest}
			}
			if _, err := tx.ExecContext(ctx, `UPDATE kb_version SET version = version + 1 WHERE id = 1`); err != nil {
				return fmt.Errorf("store: kb change: %w", err)
			}
			if err := tx.QueryRowContext(ctx, `SELECT version FROM kb_version WHERE id = 1`).Scan(&c.Version); err != nil {
				return fmt.Errorf("store: kb change: %w", err)
			}
			hidden := 0
			if c.Hidden {
				hidden = 1
			}
			_, err = tx.ExecContext(ctx, `INSERT INTO kb_changes
				(version, topic, parent, action, author, created, hidden, base_hash, from_version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				c.Version, c.Topic, c.Parent, string(c.Action), c.By, formatTime(c.At), hidden, c.BaseHash, c.From)
			if err != nil {
				return fmt.Errorf("store: kb change: %w", err)
			}
			for lang, text := range c.Files {
				_, err := tx.ExecContext(ctx, `INSERT INTO kb_change_files (version, lang, markdown) VALUES (?, ?, ?)`,
					c.Version, lang, text)
				if err != nil {
					return fmt.Errorf("store: kb change: %w", err)
				}
			}
			out = append(out, c)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
