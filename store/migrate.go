package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"log/slog"
	"path"
	"sort"
	"strconv"
	"strings"
)

// The schema is a numbered series of SQL files, migrations/NNNN_name.sql,
// embedded in the binary and applied in order by a runner of a few dozen
// lines that records the last one applied in PRAGMA user_version. A
// migration library would add a dependency and a bookkeeping table for
// what SQLite already keeps in its header; one file per step keeps each
// change reviewable on its own. A step is never edited once released: a
// change is a new file with the next number.
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
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return nil, fmt.Errorf("store: migrations: %w", err)
	}
	var list []migration
	for _, name := range names {
		num, _, ok := strings.Cut(path.Base(name), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || len(num) != 4 || v < 1 {
			return nil, fmt.Errorf("store: migration %s: name must be NNNN_name.sql", name)
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("store: migration %s: %w", name, err)
		}
		list = append(list, migration{version: v, name: name, sql: string(b)})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].version < list[j].version })
	for i, m := range list {
		if m.version != i+1 {
			return nil, fmt.Errorf("store: migration %s: expected number %04d", m.name, i+1)
		}
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
