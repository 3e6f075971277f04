// Command cachemem shows how much memory the order cache lets the
// process take when many authors with long ledgers list their orders.
//
//	go run ./scripts/cachemem [-authors 200] [-orders 2000] [-db path]
//
// It writes authors×orders orders into a fresh database file (straight
// into SQLite, in one transaction, so that loading takes seconds), opens
// it with store.Open, lists every author's orders twice through the
// store (the second pass is what the cache serves or not), and prints the
// process's peak resident memory, VmHWM from /proc/self/status, with the
// resident memory before the lists.
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"github.com/authorbot/authorbot/store"
)

func main() {
	authors := flag.Int("authors", 200, "number of authors")
	orders := flag.Int("orders", 2000, "orders per author")
	path := flag.String("db", "", "database file to create (default: in a temporary directory)")
	flag.Parse()
	if err := run(*authors, *orders, *path); err != nil {
		fmt.Fprintln(os.Stderr, "cachemem:", err)
		os.Exit(1)
	}
}

func run(authors, orders int, path string) error {
	ctx := context.Background()
	if path == "" {
		dir, err := os.MkdirTemp("", "cachemem")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "authorbot.db")
	}
	db, err := store.Open(ctx, path, nil) // creates the schema
	if err != nil {
		return err
	}
	db.Close()
	start := time.Now()
	if err := load(ctx, path, authors, orders); err != nil {
		return err
	}
	fmt.Printf("loaded %d authors × %d orders in %v\n", authors, orders, time.Since(start).Round(time.Millisecond))

	db, err = store.Open(ctx, path, nil)
	if err != nil {
		return err
	}
	defer db.Close()
	runtime.GC()
	fmt.Printf("before listing: VmRSS %s, VmHWM %s\n", status("VmRSS"), status("VmHWM"))
	start = time.Now()
	for pass := range 2 {
		for a := range authors {
			list, err := db.Orders(ctx, author(a), "")
			if err != nil {
				return err
			}
			if len(list) != orders {
				return fmt.Errorf("pass %d: author %d has %d orders, want %d", pass, a, len(list), orders)
			}
		}
	}
	fmt.Printf("listed every author's orders twice in %v\n", time.Since(start).Round(time.Millisecond))
	fmt.Printf("after listing: VmRSS %s, peak VmHWM %s\n", status("VmRSS"), status("VmHWM"))
	return nil
}

func author(a int) string { return fmt.Sprintf("slack:T1:U%05d", a) }

// load writes the orders as AddOrder would store them.
func load(ctx context.Context, path string, authors, orders int) error {
	raw, err := sql.Open("sqlite3", path+"?_journal_mode=WAL&_synchronous=OFF")
	if err != nil {
		return err
	}
	defer raw.Close()
	tx, err := raw.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	ins, err := tx.PrepareContext(ctx, `INSERT INTO orders (user_key, number, kind, quantity, marketplace,
		title, isbn, note, tracking, ordered, expected, shipped, delivered, cancelled, status, created, updated)
		VALUES (?, ?, 'author', 25, 'amazon.com', ?, '9781234567897', ?, '1Z999AA10123456784',
		'2026-03-01', '2026-03-10', '2026-03-04', '2026-03-09', '', 'delivered', ?, ?)`)
	if err != nil {
		return err
	}
	stamp := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC).Format(time.RFC3339Nano)
	note := strings.Repeat("for the book fair in Lyon; ", 3)
	for a := range authors {
		if _, err := tx.ExecContext(ctx, `INSERT INTO users (user_key, last_order) VALUES (?, ?)`, author(a), orders); err != nil {
			return err
		}
		for n := 1; n <= orders; n++ {
			title := fmt.Sprintf("The Long Road Home, Book %d of the Northern Lights Saga", n%12+1)
			if _, err := ins.ExecContext(ctx, author(a), n, title, note, stamp, stamp); err != nil {
				return err
			}
		}
	}
	return tx.Commit()
}

// status reads one field of /proc/self/status, e.g. "123456 kB".
func status(field string) string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}
