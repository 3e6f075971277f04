// Command benchorders measures how many confirmed /order add commands
// authorbot records per second, beside a bare baseline, in one process
// on a real SQLite file. It is run by scripts/bench-orders.
//
// Each round runs, for the same time each and in an order that turns
// from round to round:
//
//   - baseline: one connection in a bare loop of single-row autocommit
//     INSERTs into the same file, with the settings authorbot's store
//     opens it with (WAL, synchronous=NORMAL);
//   - authors=1 and authors=50: that many authors at once, each sending
//     /order add through the router (parsed, limits off, handled, the
//     reply checked), one after the other; an add is confirmed when its
//     reply comes, by which time the order is committed;
//   - order rows, a figure beside the others: the same bare loop
//     inserting an order's row straight into the orders table, for 50
//     authors in turn, to show what SQLite itself spends on that row.
//
// It prints each round's figures (each target's rate, and the CPU time
// the process spent per operation, on every core), the median of each
// target, and, last, the median over the rounds of 50 authors'
// throughput as a share of the baseline's in the same round: "share of
// baseline: NN%". -only runs one target alone, for a -cpuprofile.
package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/handlers"
	"github.com/authorbot/authorbot/kb"
	"github.com/authorbot/authorbot/ledger"
	"github.com/authorbot/authorbot/store"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "benchorders:", err)
		os.Exit(1)
	}
}

// target is one thing measured: how many operations it completes in d.
type target struct {
	name string
	run  func(ctx context.Context, d time.Duration) (int, error)
}

func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("benchorders", flag.ContinueOnError)
	rounds := fs.Int("rounds", 5, "measured rounds")
	each := fs.Duration("each", 2*time.Second, "time each target runs in a round")
	authors := fs.Int("authors", 50, "authors at once in the concurrent target")
	dir := fs.String("dir", "", "directory for the database (default: a temporary one)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the whole run to this file")
	only := fs.String("only", "", "run only the target of this name, once and without warm-up (for a profile)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400) // as authorbot serve sets it
	}
	if *dir == "" {
		tmp, err := os.MkdirTemp("", "benchorders")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		*dir = tmp
	}
	path := filepath.Join(*dir, "bench.db")
	db, err := store.Open(ctx, path, nil)
	if err != nil {
		return err
	}
	defer db.Close()
	k, err := kb.Load()
	if err != nil {
		return err
	}
	router := handlers.New(slog.New(slog.DiscardHandler), k, ledger.NewService(db), db, handlers.WithLimits(handlers.Limits{}))
	bare, err := openBaseline(ctx, path)
	if err != nil {
		return err
	}
	defer bare.Close()

	adders := &orderAdders{router: router}
	targets := []target{
		{"baseline", bare.insert},
		{"authors=1", func(ctx context.Context, d time.Duration) (int, error) { return adders.run(ctx, 1, d) }},
		{fmt.Sprintf("authors=%d", *authors), func(ctx context.Context, d time.Duration) (int, error) { return adders.run(ctx, *authors, d) }},
		{"order rows", func(ctx context.Context, d time.Duration) (int, error) { return bare.orderRows(ctx, *authors, d) }},
	}
	if *only != "" {
		i := slices.IndexFunc(targets, func(t target) bool { return t.name == *only })
		if i < 0 {
			return fmt.Errorf("no target %q", *only)
		}
		m, err := measure(ctx, targets[i], *each)
		fmt.Fprintf(out, "%s: %s\n", targets[i].name, m)
		return err
	}
	// A short warm-up of each, not counted: the first adds create the
	// authors' rows and grow the file.
	for _, t := range targets {
		if _, err := t.run(ctx, *each/4); err != nil {
			return fmt.Errorf("%s: %w", t.name, err)
		}
	}

	perSec := make(map[string][]float64)
	var shares []float64
	for r := range *rounds {
		got := map[string]measured{}
		for i := range targets {
			t := targets[(i+r)%len(targets)] // the order turns each round
			m, err := measure(ctx, t, *each)
			if err != nil {
				return fmt.Errorf("%s: %w", t.name, err)
			}
			got[t.name] = m
			perSec[t.name] = append(perSec[t.name], m.rate)
		}
		share := got[targets[2].name].rate / got["baseline"].rate
		shares = append(shares, share)
		fmt.Fprintf(out, "round %d: baseline %s; %s %s; %s %s; order rows %s; %.0f%% of baseline\n", r+1,
			got["baseline"], targets[1].name, got[targets[1].name], targets[2].name, got[targets[2].name],
			got["order rows"], share*100)
	}
	for _, t := range targets {
		v := perSec[t.name]
		fmt.Fprintf(out, "%s: median %.0f/s (%.0f-%.0f)\n", t.name, median(v), slices.Min(v), slices.Max(v))
	}
	fmt.Fprintf(out, "share of baseline: %.0f%%\n", median(shares)*100)
	return nil
}

// measured is how a target did in one run.
type measured struct {
	rate float64       // operations a second
	cpu  time.Duration // the process's CPU time per operation, all goroutines
}

func (m measured) String() string {
	return fmt.Sprintf("%.0f/s (%.1fµs CPU each)", m.rate, float64(m.cpu.Nanoseconds())/1e3)
}

// measure runs t for d.
func measure(ctx context.Context, t target, d time.Duration) (measured, error) {
	cpu0 := cpuTime()
	n, err := t.run(ctx, d)
	cpu := cpuTime() - cpu0
	return measured{rate: float64(n) / d.Seconds(), cpu: cpu / time.Duration(max(n, 1))}, err
}

// cpuTime is the CPU time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// baseline is a bare writer on the database file: one connection, opened
// with the settings of authorbot's store.
type baseline struct {
	db          *sql.DB
	stmt, order *sql.Stmt
	runs        int // of orderRows, each with authors of its own
}

func openBaseline(ctx context.Context, path string) (*baseline, error) {
	// The store's writer's settings (store.open), all of them: what an
	// autocommit INSERT commits is as durable as an order.
	db, err := sql.Open("sqlite3", path+"?_journal_mode=WAL&_synchronous=NORMAL&_foreign_keys=on&_busy_timeout=10000&_txlock=immediate")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, fmt.Sprintf("PRAGMA wal_autocheckpoint = %d", store.CheckpointFrames)); err != nil {
		db.Close()
		return nil, err
	}
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS bench_baseline (
		id INTEGER PRIMARY KEY, author TEXT NOT NULL, title TEXT NOT NULL)`); err != nil {
		db.Close()
		return nil, err
	}
	stmt, err := db.PrepareContext(ctx, `INSERT INTO bench_baseline (author, title) VALUES (?, ?)`)
	if err != nil {
		db.Close()
		return nil, err
	}
	order, err := db.PrepareContext(ctx, `INSERT INTO orders (user_key, number, kind, quantity, marketplace,
		title, ordered, status, created, updated)
		VALUES (?, ?, 'author', 25, 'amazon.com', 'The Long Road', '2026-11-22', 'ordered', ?, ?)`)
	if err != nil {
		stmt.Close()
		db.Close()
		return nil, err
	}
	return &baseline{db: db, stmt: stmt, order: order}, nil
}

// orderRows inserts, in the same bare loop, the row an /order add
// stores, straight into the orders table, for authors in turn: what
// SQLite itself spends on an order's row, its indexes and its author's
// counts, in a transaction of its own. It is a figure beside the others,
// not the baseline.
func (b *baseline) orderRows(ctx context.Context, authors int, d time.Duration) (int, error) {
	b.runs++
	keys := make([]string, authors)
	numbers := make([]int, authors)
	for i := range keys {
		keys[i] = fmt.Sprintf("bench:rows:%d:%d", b.runs, i)
		if _, err := b.db.ExecContext(ctx, `INSERT INTO users (user_key) VALUES (?)`, keys[i]); err != nil {
			return 0, err
		}
	}
	stamp := time.Now().UTC().Format(time.RFC3339Nano)
	n := 0
	for end := time.Now().Add(d); time.Now().Before(end); n++ {
		i := n % authors
		numbers[i]++
		if _, err := b.order.ExecContext(ctx, keys[i], numbers[i], stamp, stamp); err != nil {
			return n, err
		}
	}
	return n, nil
}

func (b *baseline) Close() error {
	b.order.Close()
	b.stmt.Close()
	return b.db.Close()
}

// insert runs single-row autocommit INSERTs for d and counts them.
func (b *baseline) insert(ctx context.Context, d time.Duration) (int, error) {
	n := 0
	for end := time.Now().Add(d); time.Now().Before(end); n++ {
		if _, err := b.stmt.ExecContext(ctx, "slack:T1:U1", "The Long Road"); err != nil {
			return n, err
		}
	}
	return n, nil
}

// orderAdders send /order add through the router.
type orderAdders struct {
	router *handlers.Router
	// next numbers the authors: each run has authors of its own, and each
	// author adds at most perAuthor orders, well under ledger.MaxOrders.
	next atomic.Int64
}

const perAuthor = 1000

// run has authors authors add orders for d, each one after the other,
// and counts the confirmed adds.
func (a *orderAdders) run(ctx context.Context, authors int, d time.Duration) (int, error) {
	var (
		wg    sync.WaitGroup
		total atomic.Int64
		first error
		once  sync.Once
	)
	end := time.Now().Add(d)
	for range authors {
		wg.Go(func() {
			n, err := a.add(ctx, end)
			total.Add(int64(n))
			if err != nil {
				once.Do(func() { first = err })
			}
		})
	}
	wg.Wait()
	return int(total.Load()), first
}

// add is one author adding orders until end.
func (a *orderAdders) add(ctx context.Context, end time.Time) (int, error) {
	n := 0
	var user bot.User
	for ; time.Now().Before(end); n++ {
		if n%perAuthor == 0 {
			user = bot.User{Platform: bot.Slack, Workspace: "T1", ID: fmt.Sprintf("U%d", a.next.Add(1))}
		}
		req, err := a.router.Parse("/order add 25 amazon.com The Long Road")
		if err != nil {
			return n, err
		}
		req.User = user
		reply, err := a.router.Handle(ctx, req)
		if err != nil {
			return n, err
		}
		if reply == nil || len(reply.Blocks) == 0 {
			return n, errors.New("an add without a reply")
		}
	}
	return n, nil
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
