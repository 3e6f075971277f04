package handlers

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/ledger"
	"github.com/authorbot/authorbot/store"
)

// benchOrder is a typical order: a title and a short note.
func benchOrder(user string, i int) ledger.Order {
	return ledger.Order{
		User: user, Quantity: 10 + i%50, Marketplace: "amazon.com",
		Title: fmt.Sprintf("The Long Road, volume %d", i+1),
		Note:  strings.Repeat("for the launch ", 4),
	}
}

// BenchmarkExport runs /mydata export, from the database to the file,
// for an author with 200 orders and one with 20,000. ns/order should stay
// about the same: the time grows with the orders, not faster.
func BenchmarkExport(b *testing.B) {
	for _, n := range []int{200, 20000} {
		b.Run(fmt.Sprintf("orders=%d", n), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "authorbot.db")
			ctx := context.Background()
			db := oldLedger(b, path, alice.Key(), n)
			b.Cleanup(func() { db.Close() })
			now := time.Date(2026, 11, 22, 15, 0, 0, 0, time.UTC)
			r := testRouter(b, db, WithClock(func() time.Time { return now }), WithLimits(Limits{}))
			req := &bot.Request{User: alice, Command: "mydata", Sub: "export"}
			b.ReportAllocs()
			size := 0
			for b.Loop() {
				reply, err := r.Handle(ctx, req)
				if err != nil {
					b.Fatal(err)
				}
				if reply.File != nil {
					size = len(reply.File.Data)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/order")
			b.ReportMetric(float64(size), "file-bytes")
		})
	}
}

// BenchmarkExportJSON is the file's encoding alone, without the database.
func BenchmarkExportJSON(b *testing.B) {
	for _, n := range []int{200, 20000} {
		b.Run(fmt.Sprintf("orders=%d", n), func(b *testing.B) {
			d := ledger.UserData{User: alice.Key(), LastOrder: n}
			created := time.Date(2026, 11, 22, 15, 0, 0, 0, time.UTC)
			for i := range n {
				o := benchOrder(alice.Key(), i)
				o.Number, o.Kind, o.Status, o.Ordered, o.Created, o.Updated = i+1, ledger.KindAuthor, ledger.StatusOrdered, created, created, created
				d.Orders = append(d.Orders, o)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := exportJSON(d); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/order")
		})
	}
}

// oldLedger opens a database at path whose user has n orders, written
// straight into the file: a ledger larger than ledger.MaxOrders can only
// be one kept from before the cap, and it must still export whole.
func oldLedger(b *testing.B, path, user string, n int) *store.DB {
	b.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, path, nil) // creates the schema
	if err != nil {
		b.Fatal(err)
	}
	db.Close()
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		b.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.ExecContext(ctx, `INSERT INTO users (user_key, last_order) VALUES (?, ?)`, user, n); err != nil {
		b.Fatal(err)
	}
	_, err = raw.ExecContext(ctx, `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ?2)
		INSERT INTO orders (user_key, number, kind, quantity, marketplace, title, isbn, note, tracking,
			ordered, expected, shipped, delivered, cancelled, status, created, updated)
		SELECT ?1, n, 'author', 10 + n % 50, 'amazon.com', 'The Long Road, volume ' || n, '', 'for the launch for the launch for the launch for the launch ', '',
			'2026-03-01', '', '', '', '', 'ordered', '2026-03-01T10:00:00Z', '2026-03-01T10:00:00Z' FROM seq`, user, n)
	if err != nil {
		b.Fatal(err)
	}
	if db, err = store.Open(ctx, path, nil); err != nil {
		b.Fatal(err)
	}
	return db
}
