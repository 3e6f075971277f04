// Package store keeps authorbot's data in SQLite: each author's ledger of
// copy orders and the votes on answers. The schema is created and upgraded
// by the embedded migrations when the database is opened.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
)

// DB is an open authorbot database. It is safe for concurrent use.
//
// Writes go through a pool of exactly one connection and reads through a
// separate pool of several. SQLite allows one writer at a time anyway:
// with one connection, writers wait their turn in Go's pool queue instead
// of in SQLite's busy handler, which sleeps and retries and lets an
// unlucky writer wait far longer than its turn. Measured with the workload
// of TestConcurrentWriters (50 users × 20 adds and updates at once, file
// database, no -race), three runs each: the single writer took 0.34-0.48 s
// in all with the slowest write at 0.10-0.17 s; one 16-connection pool
// with _txlock=immediate took 0.48-0.68 s with the slowest write at
// 0.45-0.66 s; the same pool with deferred transactions failed 85-123 of
// the 1,000 writes with "database is locked". Under WAL, readers never wait for the writer; their
// transactions (Export) stay deferred, so they read a snapshot without
// taking the write lock.
//
// Updates, the ledger's writes, go further: one goroutine owns the
// writer and commits the updates that wait for it together (group
// commit, see writer.go), runs its hottest statements on the driver's
// connection (raw.go), and gives out order numbers from its memory of
// each author's tally (tallies.go).
//
// Transactions still begin IMMEDIATE (_txlock=immediate): another process
// on the same file (a console beside the server) competes for the write
// lock, and a read-then-write transaction that began DEFERRED would then
// fail with SQLITE_BUSY_SNAPSHOT, which no busy timeout retries. Taking
// the lock at BEGIN makes the busy timeout apply.
type DB struct {
	w *sql.DB // the single writer connection; read-modify-write too
	r *sql.DB // readers; the same pool as w for ":memory:"
	// The hottest reads are prepared once: preparing took 40% of the time
	// of listing a user's orders (CPU profile of BenchmarkSlackCommands).
	listOrders, getOrder, latestOrders, latestByStatus, latestOrdered *sql.Stmt
	// The writer's, prepared on its connection: an order's addition and
	// the savepoints of group commit (see writer.go) ran at half the rate
	// when each statement was prepared again (scripts/bench-orders).
	// Only the writer uses them, in its goroutine (raw.go).
	raw rawStmts
	// tallies are the writer's too (tallies.go); writes counts the
	// writes begun outside it, which make it forget them.
	tallies tallies
	writes  atomic.Uint64
	orders  *orderCache
	log     *slog.Logger
	now     func() time.Time
	// path is the database file, "" in memory; file is what it was when
	// opened, for Writable to tell that it was since removed or replaced.
	path string
	file os.FileInfo
	// canWrite is the file system's verdict on a path (see access_unix.go);
	// tests replace it to fake a file system turned read-only.
	canWrite func(string) error
	// updates go to the writer (see writer.go) until stop is closed;
	// stopped is closed when the writer has returned.
	updates       chan *update
	stop, stopped chan struct{}
	stopOnce      sync.Once
}

// busyTimeout is how long a connection waits for another process's lock
// before giving up with "database is locked".
const busyTimeout = 10 * time.Second

// Open opens (creating it and its directory on first run) the database at
// path and brings its schema up to date. path ":memory:" opens a private
// in-memory database, for tests.
//
// The files are the owner's alone (see prepareFiles). A database that
// cannot be written, read-only itself or in a read-only directory or file
// system, fails Open with a *NotWritable error that says how to fix it,
// rather than failing every write later.
func Open(ctx context.Context, path string, log *slog.Logger) (*DB, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("store: database path %q must not contain ? or #", path)
	}
	if path == ":memory:" {
		return open(ctx, path, log)
	}
	warnings, err := prepareFiles(path)
	if err != nil {
		return nil, err
	}
	db, err := open(ctx, path, log)
	if err == nil {
		// Reading needs no write access: find out now, not at the first
		// order an author records.
		err = db.Writable(ctx)
	}
	if err != nil {
		// Diagnosed before Close, which may remove the -wal and -shm.
		err = explain(path, err)
		if db != nil {
			db.Close()
		}
		return nil, err
	}
	if db.file, err = os.Stat(path); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: %w", err)
	}
	db.path = path
	for _, w := range warnings {
		log.LogAttrs(ctx, w.level, w.msg, w.attrs...)
	}
	return db, nil
}

// explain turns err into a *NotWritable when the file system shows why
// path could not be written.
func explain(path string, err error) error {
	var nw *NotWritable
	if errors.As(err, &nw) {
		return err
	}
	if nw = diagnose(path); nw != nil {
		nw.Err = err
		return nw
	}
	return err
}

// CheckpointFrames is how many pages the WAL holds before a commit
// copies them back to the database file, and syncs both. SQLite's default
// is 1,000: under load, every 33rd commit of group commit paid for a
// checkpoint, and the writer waited for its two syncs. At 10,000 (a WAL
// of up to 40 MB) most of the pages an addition dirties (its author's
// index page, the table's last page) are rewritten several times between
// checkpoints and copied once. scripts/bench-orders, alternating runs of
// 2 s: 50 authors' /order add went from 35,800/s to 40,800/s alone, a bare
// loop of autocommit INSERTs from 72,000/s to 75,400/s. A crash loses
// nothing more: the WAL is replayed on the next open.
const CheckpointFrames = 10000

// open opens path and migrates it.
func open(ctx context.Context, path string, log *slog.Logger) (*DB, error) {
	memory := path == ":memory:"
	// WAL lets readers go on while a write commits. synchronous=NORMAL in
	// WAL mode writes each commit to the WAL file before COMMIT returns and
	// syncs only at checkpoints: a committed order survives the process
	// being killed (kill -9, a crash), because the WAL is in the operating
	// system's hands; only a power cut or kernel crash can lose the last
	// commits. TestDurableAfterKill in the main package checks the former.
	params := "_journal_mode=WAL&_synchronous=NORMAL&_foreign_keys=on" +
		fmt.Sprintf("&_busy_timeout=%d", busyTimeout.Milliseconds())
	w, err := sql.Open("sqlite3", path+"?"+params+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	// Set on the writer's one connection, which the pool keeps for good;
	// one that replaces it after an error checkpoints at SQLite's
	// default, more often and no less safely.
	if _, err := w.ExecContext(ctx, fmt.Sprintf("PRAGMA wal_autocheckpoint = %d", CheckpointFrames)); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	db := &DB{w: w, r: w, orders: newOrderCache(cacheBudget), log: log, now: time.Now, canWrite: canWrite,
		updates: make(chan *update), stop: make(chan struct{}), stopped: make(chan struct{})}
	go db.writeLoop()
	migrations, err := fs.Sub(migrationFS, "migrations")
	if err == nil {
		err = db.migrate(ctx, migrations)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	if memory {
		// Every connection to ":memory:" is a database of its own.
		if err := db.prepare(ctx); err != nil {
			db.Close()
			return nil, err
		}
		return db, nil
	}
	r, err := sql.Open("sqlite3", path+"?"+params+"&_query_only=on")
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	n := max(4, runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	db.r = r
	if err := db.Ping(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if err := db.prepare(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// prepare readies the statements of the hottest reads on the read pool.
func (db *DB) prepare(ctx context.Context) error {
	var err error
	if db.listOrders, err = db.r.PrepareContext(ctx, listOrdersSQL); err != nil {
		return fmt.Errorf("store: prepare: %w", err)
	}
	if db.getOrder, err = db.r.PrepareContext(ctx, getOrderSQL); err != nil {
		return fmt.Errorf("store: prepare: %w", err)
	}
	if db.latestOrders, err = db.r.PrepareContext(ctx, latestOrdersSQL); err != nil {
		return fmt.Errorf("store: prepare: %w", err)
	}
	if db.latestByStatus, err = db.r.PrepareContext(ctx, latestByStatusSQL); err != nil {
		return fmt.Errorf("store: prepare: %w", err)
	}
	if db.latestOrdered, err = db.r.PrepareContext(ctx, latestOrderedSQL); err != nil {
		return fmt.Errorf("store: prepare: %w", err)
	}
	return nil
}

// Ping checks that both pools can reach the database.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.w.PingContext(ctx); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	if err := db.r.PingContext(ctx); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	return nil
}

// Writable reports whether the database can take a write now: nil, or an
// error saying why not (a *NotWritable when the cause is known). It is
// cheap enough for a readiness probe: two system calls on the file, and a
// write to the database header in a transaction that is rolled back. That
// takes SQLite's write lock, so it waits, within ctx, for another
// process's write; and it fails on a database SQLite could open only
// read-only, as BEGIN IMMEDIATE alone does not. The system calls find the
// file removed or replaced since Open (its writes would go to a file no
// one reads again) and its file system turned read-only (as Linux does
// after disk errors), which a write that is rolled back does not reach.
func (db *DB) Writable(ctx context.Context) error {
	if db.path != "" {
		fi, err := os.Stat(db.path)
		if err != nil || !os.SameFile(fi, db.file) {
			return &NotWritable{Path: db.path, Err: err,
				Reason: "the file was removed or replaced since the bot opened it, so its writes would be lost",
				Fix:    "restart the bot"}
		}
		if err := db.canWrite(db.path); errors.Is(err, syscall.EROFS) {
			return readOnlyFS(db.path, err)
		}
	}
	tx, err := db.w.BeginTx(ctx, nil) // BEGIN IMMEDIATE
	if err != nil {
		return fmt.Errorf("store: begin a write: %w", err)
	}
	defer tx.Rollback()
	v, err := userVersion(ctx, tx)
	if err != nil {
		return err
	}
	// PRAGMA takes no parameters; v is a number SQLite gave.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v)); err != nil {
		return fmt.Errorf("store: write: %w", err)
	}
	return nil
}

// Close closes the database, once the update being written, if any, has
// committed.
func (db *DB) Close() error {
	db.stopOnce.Do(func() { close(db.stop) })
	<-db.stopped
	if conn, err := db.w.Conn(context.Background()); err == nil {
		conn.Raw(func(any) error { db.raw.close(); return nil })
		conn.Close()
	}
	for _, st := range []*sql.Stmt{db.listOrders, db.getOrder, db.latestOrders, db.latestByStatus, db.latestOrdered} {
		if st != nil {
			st.Close()
		}
	}
	var errR error
	if db.r != db.w {
		errR = db.r.Close()
	}
	return errors.Join(db.w.Close(), errR)
}

// querier is what *sql.DB and *sql.Tx have in common.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// write runs fn in one transaction on the writer connection and commits
// it; an error from fn rolls it back and is returned unchanged.
func (db *DB) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	defer tx.Rollback()
	// Counted once the transaction holds the writer's connection, so that
	// the writer's next batch, which can only come after it, knows.
	db.writes.Add(1)
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// dateLayout is how dates are stored and shown.
const dateLayout = "2006-01-02"

// formatDate stores a date as YYYY-MM-DD, or "" for the zero time.
func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}

// parseDate reads a stored date back as midnight UTC.
func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("store: stored date %q: %w", s, err)
	}
	return t, nil
}

// formatTime stores an instant in UTC with nanoseconds.
func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("store: stored time %q: %w", s, err)
	}
	return t, nil
}
