package store

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"log/slog"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/authorbot/authorbot/ledger"
)

// numbersOf lists the numbers of orders.
func numbersOf(list []Order) []int {
	n := []int{}
	for _, o := range list {
		n = append(n, o.Number)
	}
	return n
}

// LatestOrders reads the last orders of a status and how many there are
// in all, from SQLite and then from the cache, and follows each write.
func TestLatestOrders(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	const u = "slack:T1:U1"
	addSamples(t, db, u, 7)
	addSamples(t, db, "slack:T1:other", 3)
	for _, n := range []int{2, 5, 6} {
		if _, err := db.UpdateOrder(ctx, u, n, func(o *Order) error { o.Status = StatusShipped; return nil }); err != nil {
			t.Fatal(err)
		}
	}
	check := func(when, status string, limit int, want []int, wantTotal int) {
		t.Helper()
		for _, pass := range []string{"read", "cached"} {
			list, total, err := db.LatestOrders(ctx, u, status, limit)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, numbersOf(list)); diff != "" || total != wantTotal {
				t.Errorf("%s, %s: LatestOrders(%q, %d) = %v of %d, want %v of %d", when, pass, status, limit, numbersOf(list), total, want, wantTotal)
			}
		}
	}
	check("at first", "", 3, []int{5, 6, 7}, 7)
	check("at first", "", 25, []int{1, 2, 3, 4, 5, 6, 7}, 7)
	check("at first", StatusShipped, 2, []int{5, 6}, 3)
	check("at first", StatusOrdered, 25, []int{1, 3, 4, 7}, 4)
	check("at first", StatusDelivered, 25, []int{}, 0)

	if err := db.DeleteOrder(ctx, u, 6); err != nil {
		t.Fatal(err)
	}
	check("after a delete", "", 3, []int{4, 5, 7}, 6)
	check("after a delete", StatusShipped, 2, []int{2, 5}, 2)
	if _, err := db.UpdateOrder(ctx, u, 7, func(o *Order) error { o.Status = StatusDelivered; return nil }); err != nil {
		t.Fatal(err)
	}
	check("after an update", StatusOrdered, 25, []int{1, 3, 4}, 3)
	check("after an update", StatusDelivered, 25, []int{7}, 1)
	if err := db.Forget(ctx, u); err != nil {
		t.Fatal(err)
	}
	check("after forget", "", 25, []int{}, 0)
	if _, _, err := db.LatestOrders(ctx, u, "lost", 25); err == nil {
		t.Error("LatestOrders accepted an unknown status")
	}
}

// RecentOrders gives the orders on their way and those delivered on or
// after the day given, and no others.
func TestRecentOrders(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	const u = "slack:T1:U1"
	addSamples(t, db, u, 6)
	set := func(n int, status string, delivered string) {
		t.Helper()
		_, err := db.UpdateOrder(ctx, u, n, func(o *Order) error {
			o.Status = status
			if delivered != "" {
				o.Delivered = date(delivered)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	set(2, StatusShipped, "")
	set(3, StatusDelivered, "2026-09-30")
	set(4, StatusDelivered, "2026-10-01")
	set(5, StatusCancelled, "")
	list, err := db.RecentOrders(ctx, u, date("2026-10-01"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int{1, 2, 4, 6}, numbersOf(list)); diff != "" {
		t.Errorf("RecentOrders (-want +got):\n%s", diff)
	}
}

// The counts kept with each author agree with the orders after every
// kind of write.
func TestOrderCountsFollowWrites(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	const u = "slack:T1:U1"
	agree := func(when string) {
		t.Helper()
		for _, status := range []string{"", StatusOrdered, StatusShipped, StatusDelivered, StatusCancelled} {
			_, total, err := db.LatestOrders(ctx, u, status, 1)
			if err != nil {
				t.Fatal(err)
			}
			want, err := db.Orders(ctx, u, status)
			if err != nil {
				t.Fatal(err)
			}
			if total != len(want) {
				t.Errorf("%s: %d %q orders counted, %d stored", when, total, status, len(want))
			}
		}
	}
	addSamples(t, db, u, 4)
	agree("after adds")
	for n, status := range map[int]string{1: StatusShipped, 2: StatusDelivered, 3: StatusCancelled} {
		if _, err := db.UpdateOrder(ctx, u, n, func(o *Order) error { o.Status = status; return nil }); err != nil {
			t.Fatal(err)
		}
	}
	agree("after status changes")
	if _, err := db.UpdateOrder(ctx, u, 1, func(o *Order) error { o.Note = "no status change"; return nil }); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteOrder(ctx, u, 2); err != nil {
		t.Fatal(err)
	}
	agree("after a delete")
}

// Migration 0004 counts the orders and dates the finished reminders that
// a database of the earlier schema holds, and the later ones keep them.
func TestMigrationCountsExistingData(t *testing.T) {
	ctx := context.Background()
	raw, err := sql.Open("sqlite3", filepath.Join(t.TempDir(), "old.db")+"?_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	raw.SetMaxOpenConns(1)
	db := &DB{w: raw, r: raw, log: slog.New(slog.DiscardHandler), now: time.Now}
	all, err := fs.Sub(migrationFS, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	old := fstest.MapFS{}
	for _, name := range []string{"0001_orders.sql", "0002_feedback.sql", "0003_reminders.sql"} {
		b, err := fs.ReadFile(all, name)
		if err != nil {
			t.Fatal(err)
		}
		old[name] = &fstest.MapFile{Data: b}
	}
	if err := db.migrate(ctx, old); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO users VALUES ('a', 3), ('b', 1)`,
		`INSERT INTO orders (user_key, number, kind, quantity, marketplace, title, status, created, updated) VALUES
			('a', 1, 'author', 1, 'amazon.com', 't', 'ordered', 'x', 'x'),
			('a', 2, 'author', 1, 'amazon.com', 't', 'delivered', 'x', 'x'),
			('a', 3, 'author', 1, 'amazon.com', 't', 'delivered', 'x', 'x'),
			('b', 1, 'author', 1, 'amazon.com', 't', 'cancelled', 'x', 'x')`,
		`INSERT INTO reminders (user_key, number, platform, user_id, kind, due, text, status, next_try, created, delivered) VALUES
			('a', 1, 'slack', 'U1', 'note', '2026-01-01T09:00:00Z', 't', 'delivered', '2026-01-01T09:00:00Z', 'x', '2026-01-01T09:00:05Z'),
			('a', 2, 'slack', 'U1', 'note', '2026-01-01T09:00:00Z', 't', 'cancelled', '2026-01-01T09:00:00Z', 'x', ''),
			('a', 3, 'slack', 'U1', 'note', '2026-01-01T09:00:00Z', 't', 'pending', '2026-01-01T09:00:00Z', 'x', '')`,
	} {
		if _, err := raw.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.migrate(ctx, all); err != nil {
		t.Fatal(err)
	}
	var counts string
	raw.QueryRowContext(ctx, `SELECT group_concat(user_key || ':' || ordered_count || shipped_count || delivered_count || cancelled_count, ' ')
		FROM (SELECT * FROM users ORDER BY user_key)`).Scan(&counts)
	if counts != "a:1020 b:0001" {
		t.Errorf("counts after the migration = %q, want a:1020 b:0001", counts)
	}
	// Migration 0010 moves the orders to a table of its own layout.
	var numbers string
	raw.QueryRowContext(ctx, `SELECT group_concat(user_key || number || status, ' ')
		FROM (SELECT * FROM orders ORDER BY user_key, number)`).Scan(&numbers)
	if numbers != "a1ordered a2delivered a3delivered b1cancelled" {
		t.Errorf("orders after the migration = %q, want a1ordered a2delivered a3delivered b1cancelled", numbers)
	}
	var closed []string
	rows, err := raw.QueryContext(ctx, `SELECT closed FROM reminders ORDER BY number`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var c string
		rows.Scan(&c)
		closed = append(closed, c)
	}
	rows.Close()
	if len(closed) != 3 || closed[0] != "2026-01-01T09:00:05Z" || closed[1] == "" || closed[2] != "" {
		t.Errorf("closed after the migration = %q; want the delivery time, the migration's time, and none", closed)
	}
}

// The queries that run for each command find their rows through the
// index made for them: none reads a whole table, nor the whole of an
// author's ledger or reminders, so none slows down as they grow.
func TestHotQueriesUseIndexes(t *testing.T) {
	db, _ := mustOpen(t)
	addSamples(t, db, "u", 3)
	const anyTime = "2026-01-01T00:00:00Z"
	for _, q := range []struct {
		name string
		sql  string
		args []any
		want []string // in the plan
	}{
		{"order", getOrderSQL, []any{"u", 1}, []string{"orders_by_number (user_key=? AND number=?)"}},
		// The newest first by the index of numbers, stopping at the limit: no sort.
		{"latest orders", latestOrdersSQL, []any{"u", 25}, []string{"orders_by_number (user_key=?)", "sqlite_autoindex_users_1 (user_key=?)"}},
		{"latest orders by status", latestByStatusSQL, []any{"u", 25, "shipped"}, []string{"orders_past_ordered (user_key=? AND status=?)"}},
		// Newest first by the index of numbers, as far as the oldest ordered one.
		{"latest ordered orders", latestOrderedSQL, []any{"u", 25}, []string{"orders_by_number (user_key=?)", "sqlite_autoindex_users_1 (user_key=?)"}},
		{"recent orders", recentOrdersSQL, []any{"u", "2026-01-01"}, []string{"orders_by_number (user_key=?)",
			"orders_past_ordered (user_key=? AND status=?)", "orders_delivered (user_key=? AND delivered>?)"}},
		{"reminder by tag", reminderByTagSQL, []any{"u", "order:1:late"}, []string{"reminders_by_tag (user_key=? AND tag=?)"}},
		{"cancel by tag", cancelByTagSQL, []any{"cancelled", anyTime, "u", "t", "pending"}, []string{"reminders_by_tag (user_key=? AND tag=?)"}},
		{"open reminders", openRemindersSQL, []any{"u"}, []string{"reminders_open (user_key=?)"}},
		{"due reminders", dueRemindersSQL(2), []any{"pending", "sending", anyTime, "slack", "discord"},
			[]string{"reminders_due (status=? AND next_try<?)"}},
		{"skip reminders", skipRemindersSQL, []any{"skipped", anyTime, "pending", "sending", anyTime, "delivery-late", "refund-window"},
			[]string{"reminders_due (status=? AND next_try<?)", "sqlite_autoindex_reminder_settings_1 (user_key=?)"}},
		{"purge reminders", purgeRemindersSQL, []any{anyTime, 500}, []string{"reminders_closed (closed<?)"}},
	} {
		t.Run(q.name, func(t *testing.T) {
			plan := queryPlan(t, db, q.sql, q.args...)
			// A scan of a subquery's few rows (SCAN (subquery-N)) is not one of a table.
			if tableScan.MatchString(plan) {
				t.Errorf("%s reads a whole table:\n%s", q.name, plan)
			}
			for _, w := range q.want {
				if !strings.Contains(plan, w) {
					t.Errorf("%s does not use %s:\n%s", q.name, w, plan)
				}
			}
		})
	}
}

// tableScan finds a step of a plan that reads a whole table.
var tableScan = regexp.MustCompile(`SCAN [a-z_]`)

// queryPlan returns what EXPLAIN QUERY PLAN says of query, a line a step.
func queryPlan(t *testing.T, db *DB, query string, args ...any) string {
	t.Helper()
	rows, err := db.w.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, detail)
	}
	return strings.Join(lines, "\n")
}

func BenchmarkLatestOrders(b *testing.B) {
	ctx := context.Background()
	for _, n := range []int{10, 5000} {
		db, _ := mustOpen(b)
		const u = "slack:T1:U1"
		fillOrders(b, db, u, n)
		b.Run(fmt.Sprintf("orders=%d/cached", n), func(b *testing.B) {
			for b.Loop() {
				if _, _, err := db.LatestOrders(ctx, u, "", 25); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("orders=%d/uncached", n), func(b *testing.B) {
			for b.Loop() {
				db.orders.drop(u)
				if _, _, err := db.LatestOrders(ctx, u, "", 25); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// The orders still 'ordered', which the index by status leaves out, are
// found however far back in the ledger the oldest of them is.
func TestOrderedOrdersFarBack(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	const u = "slack:T1:U1"
	addSamples(t, db, u, 40)
	addSamples(t, db, "slack:T1:other", 5)
	for n := 2; n <= 39; n++ {
		_, err := db.UpdateOrder(ctx, u, n, func(o *Order) error {
			o.Status = StatusShipped
			if n <= 20 {
				o.Status, o.Delivered = StatusDelivered, date("2026-09-01")
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		status string
		limit  int
		want   []int
		total  int
	}{
		{StatusOrdered, 25, []int{1, 40}, 2},
		{StatusOrdered, 1, []int{40}, 2},
		{StatusShipped, 2, []int{38, 39}, 19},
		{StatusDelivered, 25, span(2, 20), 19},
	} {
		db.orders.drop(u)
		list, total, err := db.LatestOrders(ctx, u, c.status, c.limit)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(c.want, numbersOf(list)); diff != "" || total != c.total {
			t.Errorf("LatestOrders(%q, %d) = %v of %d, want %v of %d", c.status, c.limit, numbersOf(list), total, c.want, c.total)
		}
	}
	list, err := db.RecentOrders(ctx, u, date("2026-10-01"))
	if err != nil {
		t.Fatal(err)
	}
	if want := append([]int{1}, span(21, 40)...); cmp.Diff(want, numbersOf(list)) != "" {
		t.Errorf("RecentOrders = %v, want %v", numbersOf(list), want)
	}
}

// span is the numbers from a to b.
func span(a, b int) []int {
	var s []int
	for n := a; n <= b; n++ {
		s = append(s, n)
	}
	return s
}

// BenchmarkOrderedFarBack reads the orders still 'ordered' of a full
// ledger whose only one is its first: the longest walk back the primary
// key (see migration 0005) can take.
func BenchmarkOrderedFarBack(b *testing.B) {
	ctx := context.Background()
	db, _ := mustOpen(b)
	const u = "slack:T1:U1"
	fillOrders(b, db, u, ledger.MaxOrders)
	err := db.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE orders SET status = 'delivered', delivered = '2026-03-09'
			WHERE user_key = ? AND number > 1`, u)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("latest", func(b *testing.B) {
		for b.Loop() {
			db.orders.drop(u)
			if list, _, err := db.LatestOrders(ctx, u, StatusOrdered, 25); err != nil || len(list) != 1 {
				b.Fatalf("LatestOrders = %d orders, %v", len(list), err)
			}
		}
	})
	b.Run("recent", func(b *testing.B) {
		for b.Loop() {
			if list, err := db.RecentOrders(ctx, u, date("2026-10-01")); err != nil || len(list) != 1 {
				b.Fatalf("RecentOrders = %d orders, %v", len(list), err)
			}
		}
	})
}
