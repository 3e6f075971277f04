// Package postgres keeps authorbot's data in PostgreSQL, for a bot whose
// replicas share one database: the same ledger, reminders, votes and
// moderators' data (workspace tokens, dashboard sign-ins, knowledge-base
// overrides, gaps, handoffs, examples, digests) as package store keeps
// in SQLite, behind the same methods, and what only
// replicas need: the platform requests already accepted (Seen), kept in
// the database so that a retry reaching another replica is refused.
//
// The schema is migrations/NNNN_name.sql, applied in order when the
// database is opened, each step under an advisory lock so that replicas
// starting together apply it once.
//
// Adding a table is two files: migrations/NNNN_name.sql with the next
// number, and name.go with the methods on *DB that read and write it,
// each in one statement or one transaction (db.write). A table that holds
// data about a user also gets one entry in userTables (userdata.go), so
// that /mydata export and forget cover it.
package postgres

import (
	"context"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/authorbot/authorbot/store/schema"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// DB is an open PostgreSQL database. It is safe for concurrent use, and
// any number of processes may use the same database at once.
//
// Unlike SQLite's store, it has no writer of its own and no group
// commit: PostgreSQL takes concurrent writers, each on a connection of the
// pool, and serialises those on the same author with an advisory lock
// (see Update).
type DB struct {
	pool  *pgxpool.Pool
	log   *slog.Logger
	now   func() time.Time
	cache *orderCache
	// stop ends the background work (the purge of seen requests, the
	// listener of the order cache); done is closed once it has.
	stop     context.CancelFunc
	done     sync.WaitGroup
	closeOne sync.Once
}

// Open connects to the database that url names (postgres://…), brings
// its schema up to date and starts the purge of expired request ids.
func Open(ctx context.Context, url string, log *slog.Logger) (*DB, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		// pgx's message may quote the URL, password and all.
		return nil, errors.New("postgres: the database URL cannot be parsed")
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	bg, stop := context.WithCancel(context.Background())
	db := &DB{pool: pool, log: log, now: time.Now, cache: newOrderCache(), stop: stop}
	if err := pool.Ping(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	db.done.Add(2)
	go func() {
		defer db.done.Done()
		db.purgeSeenLoop(bg)
	}()
	go func() {
		defer db.done.Done()
		db.listen(bg)
	}()
	return db, nil
}

// Close stops the background work and closes the pool.
func (db *DB) Close() error {
	db.closeOne.Do(func() {
		db.stop()
		db.done.Wait()
		db.pool.Close()
	})
	return nil
}

// Ping checks that the database can be reached.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.pool.Ping(ctx); err != nil {
		return fmt.Errorf("postgres: ping: %w", err)
	}
	return nil
}

// Writable reports whether the database takes a write now: nil, or why
// not. It writes a row in a transaction that is rolled back, which fails
// on a standby, a read-only database or a server that cannot be reached;
// the row's key is new each time, so that replicas probing at once do
// not wait for each other.
func (db *DB) Writable(ctx context.Context) error {
	return db.write(ctx, func(tx pgx.Tx) error {
		var b [8]byte
		rand.Read(b[:])
		if _, err := tx.Exec(ctx, `INSERT INTO seen_requests (key, expires) VALUES ($1, now())`,
			"probe:"+hex.EncodeToString(b[:])); err != nil {
			return fmt.Errorf("postgres: write: %w", err)
		}
		return errRollback
	})
}

// errRollback makes write roll back without an error.
var errRollback = errors.New("roll back")

// write runs fn in one transaction and commits it; an error from fn rolls
// it back and is returned unchanged (errRollback: rolled back, nil).
func (db *DB) write(ctx context.Context, fn func(tx pgx.Tx) error) error {
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("postgres: begin: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if err := fn(tx); err != nil {
		if errors.Is(err, errRollback) {
			return nil
		}
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: commit: %w", err)
	}
	return nil
}

// migrationLock is the advisory lock key under which a step of the
// schema is applied: any number, the same in every replica.
const migrationLock = 0x61757468_6f72626f // "authorbo"

// migrate applies the steps the database has not had yet. Each runs in a
// transaction that first takes the advisory lock, then reads the version
// again: of replicas starting together, one applies the step while the
// others wait for the lock, and then find it applied. PostgreSQL's DDL is
// transactional, so a failed step leaves the schema as it was.
//
// The runner is package store's, made engine-aware (package schema reads
// the files for both): a migration library (pressly/goose) would do the
// same with a dependency, and SQLite keeps its version in its header.
func (db *DB) migrate(ctx context.Context) error {
	sub, err := fs.Sub(migrationFS, "migrations")
	if err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	steps, err := schema.Read(sub)
	if err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	// The table is created under the lock too: two replicas creating it
	// at once would otherwise collide in the catalogue.
	err = db.write(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrationLock)); err != nil {
			return fmt.Errorf("postgres: migration lock: %w", err)
		}
		_, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TIMESTAMPTZ NOT NULL DEFAULT now())`)
		if err != nil {
			return fmt.Errorf("postgres: migrations table: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, s := range steps {
		if err := db.apply(ctx, s, len(steps)); err != nil {
			return err
		}
	}
	return nil
}

// apply runs one step unless it has been applied.
func (db *DB) apply(ctx context.Context, s schema.Step, known int) error {
	return db.write(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrationLock)); err != nil {
			return fmt.Errorf("postgres: migration lock: %w", err)
		}
		var current int
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
			return fmt.Errorf("postgres: read schema version: %w", err)
		}
		if current > known {
			return fmt.Errorf("postgres: the database is at schema version %d, newer than this build knows (%d)", current, known)
		}
		if current >= s.Version {
			return errRollback
		}
		if _, err := tx.Exec(ctx, s.SQL); err != nil {
			return fmt.Errorf("postgres: migration %s: %w", s.Name, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, s.Version, s.Name); err != nil {
			return fmt.Errorf("postgres: migration %s: %w", s.Name, err)
		}
		db.log.Info("database migrated", slog.String("migration", s.Name))
		return nil
	})
}
