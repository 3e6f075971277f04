package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"log/slog"

	"github.com/authorbot/authorbot/store/schema"
)

// The schema is a numbered series of SQL files, migrations/NNNN_name.sql,
// embedded in the binary and read by package schema, which the
// PostgreSQL store shares. This runner records the last one applied in
// PRAGMA user_version: a migration library (pressly/goose) would add a
// dependency and a bookkeeping table for what SQLite already keeps in its
// header, and would have to take over the user_version of every existing
// database. Each step runs in a transaction that begins IMMEDIATE, so
// holds SQLite's write lock, and checks user_version again inside it:
// that lock is the advisory lock of this engine, and two processes that
// open the same file together apply each step once (PostgreSQL's runner
// takes pg_advisory_xact_lock the same way).
//
//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one step of the schema.
type migration struct {
	version int
	name    string
	sql     string
}

// readMigrations lists the NNNN_name.sql files of fsys in order and checks
// that their numbers run 1, 2, 3… without gaps or repeats.
func readMigrations(fsys fs.FS) ([]migration, error) {
	steps, err := schema.Read(fsys)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	list := make([]migration, len(steps))
	for i, s := range steps {
		list[i] = migration{version: s.Version, name: s.Name, sql: s.SQL}
	}
	return list, nil
}

// migrate applies the migrations of fsys that the database has not had
// yet, each in its own transaction together with the user_version bump, so
// a failed step leaves the database at the previous version.
func (db *DB) migrate(ctx context.Context, fsys fs.FS) error {
	list, err := readMigrations(fsys)
	if err != nil {
		return err
	}
	current, err := userVersion(ctx, db.w)
	if err != nil {
		return err
	}
	if current > len(list) {
		return fmt.Errorf("store: the database is at schema version %d, newer than this build knows (%d)", current, len(list))
	}
	for _, m := range list[current:] {
		if err := db.apply(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

// apply runs one migration unless another process got there first.
func (db *DB) apply(ctx context.Context, m migration) error {
	return db.write(ctx, func(tx *sql.Tx) error {
		v, err := userVersion(ctx, tx)
		if err != nil || v >= m.version {
			return err
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("store: migration %s: %w", m.name, err)
		}
		// PRAGMA takes no parameters; the version is a number we made.
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
			return fmt.Errorf("store: migration %s: %w", m.name, err)
		}
		db.log.Info("database migrated", slog.String("migration", m.name))
		return nil
	})
}

func userVersion(ctx context.Context, q querier) (int, error) {
	var v int
	if err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("store: read schema version: %w", err)
	}
	return v, nil
}
