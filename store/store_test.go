package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// mustOpen opens a fresh file database in a temporary directory and closes
// it when the test ends.
func mustOpen(t testing.TB) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "data", "authorbot.db")
	db, err := Open(context.Background(), path, nil)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

func date(s string) time.Time {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func sample(user string) Order {
	return Order{User: user, Quantity: 10, Marketplace: "amazon.com", Title: "The Long Road", Ordered: date("2026-03-01")}
}

// addSamples adds n sample orders for user.
func addSamples(tb testing.TB, db *DB, user string, n int) {
	tb.Helper()
	for range n {
		if _, err := db.AddOrder(context.Background(), sample(user)); err != nil {
			tb.Fatal(err)
		}
	}
}

// latest is the number of the last embedded migration.
func latest(t testing.TB) int {
	t.Helper()
	sub, err := fs.Sub(migrationFS, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	list, err := readMigrations(sub)
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}

func TestOpenCreatesDirectoryAndMigrates(t *testing.T) {
	ctx := context.Background()
	db, path := mustOpen(t)
	want := latest(t)
	if want < 2 {
		t.Fatalf("only %d migrations embedded", want)
	}
	v, err := userVersion(ctx, db.w)
	if err != nil || v != want {
		t.Fatalf("user_version = %d, %v; want %d", v, err, want)
	}
	if _, err := db.AddOrder(ctx, sample("u")); err != nil {
		t.Fatal(err)
	}
	db.Close()

	// Reopening applies nothing twice and keeps the data.
	for range 2 {
		db, err := Open(ctx, path, nil)
		if err != nil {
			t.Fatalf("reopen: %v", err)
		}
		if v, _ := userVersion(ctx, db.w); v != want {
			t.Errorf("user_version after reopen = %d, want %d", v, want)
		}
		list, err := db.Orders(ctx, "u", "")
		if err != nil || len(list) != 1 {
			t.Errorf("after reopen: %d orders, %v; want 1", len(list), err)
		}
		db.Close()
	}
}

func TestOpenMemory(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, ":memory:", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	o, err := db.AddOrder(ctx, sample("u"))
	if err != nil || o.Number != 1 {
		t.Fatalf("AddOrder = %+v, %v", o, err)
	}
	if _, err := db.Order(ctx, "u", 1); err != nil {
		t.Fatalf("Order on the same in-memory database: %v", err)
	}
	if err := db.Ping(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	step := func(sql string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(sql)} }
	t.Run("gap", func(t *testing.T) {
		_, err := readMigrations(fstest.MapFS{"0001_a.sql": step(""), "0003_c.sql": step("")})
		if err == nil || !strings.Contains(err.Error(), "expected number 0002") {
			t.Errorf("err = %v, want a gap error", err)
		}
	})
	t.Run("bad name", func(t *testing.T) {
		_, err := readMigrations(fstest.MapFS{"1_a.sql": step("")})
		if err == nil {
			t.Error("want an error for a name without four digits")
		}
	})
	t.Run("failed step rolls back", func(t *testing.T) {
		db, _ := mustOpen(t)
		n := latest(t)
		fsys := fstest.MapFS{}
		for i := 1; i <= n; i++ {
			fsys[fmt.Sprintf("%04d_step.sql", i)] = step("SELECT 1")
		}
		next := fmt.Sprintf("%04d_extra.sql", n+1)
		fsys[next] = step("CREATE TABLE extra (x INTEGER); INSERT INTO nowhere VALUES (1);")
		if err := db.migrate(ctx, fsys); err == nil {
			t.Fatal("migrate with a failing step succeeded")
		}
		if v, _ := userVersion(ctx, db.w); v != n {
			t.Errorf("user_version = %d after a failed step, want %d", v, n)
		}
		var tables int
		db.w.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE name = 'extra'`).Scan(&tables)
		if tables != 0 {
			t.Error("the failed step's table exists: the step was not rolled back")
		}
		fsys[next] = step("CREATE TABLE extra (x INTEGER);")
		if err := db.migrate(ctx, fsys); err != nil {
			t.Fatalf("migrate after fix: %v", err)
		}
		if v, _ := userVersion(ctx, db.w); v != n+1 {
			t.Errorf("user_version = %d, want %d", v, n+1)
		}
	})
	t.Run("newer database", func(t *testing.T) {
		db, _ := mustOpen(t)
		if _, err := db.w.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", latest(t)+1)); err != nil {
			t.Fatal(err)
		}
		if err := db.migrate(ctx, fstest.MapFS{"0001_a.sql": step("SELECT 1")}); err == nil {
			t.Error("migrate accepted a database newer than its migrations")
		}
	})
}

func TestAddAndGet(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	now := time.Date(2026, 3, 1, 9, 30, 0, 123, time.UTC)
	db.now = func() time.Time { return now }
	in := Order{
		User: "slack:T1:U1", Kind: KindProof, Quantity: 3, Marketplace: "amazon.co.uk",
		Title: "Robert'); DROP TABLE orders; --", ISBN: "9780306406157", Note: "for the launch",
		Ordered: date("2026-03-01"), Expected: date("2026-03-10"),
	}
	got, err := db.AddOrder(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	want := in
	want.Number, want.Status, want.Created, want.Updated = 1, StatusOrdered, now, now
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("AddOrder (-want +got):\n%s", diff)
	}
	back, err := db.Order(ctx, in.User, 1)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, back); diff != "" {
		t.Errorf("Order (-want +got):\n%s", diff)
	}
	if _, err := db.Order(ctx, in.User, 2); !errors.Is(err, ErrNotFound) {
		t.Errorf("Order(2) err = %v, want ErrNotFound", err)
	}
	if _, err := db.Order(ctx, "slack:T2:U1", 1); !errors.Is(err, ErrNotFound) {
		t.Errorf("another user's Order(1) err = %v, want ErrNotFound", err)
	}
}

func TestAddRejectsWhatTheSchemaForbids(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	for name, o := range map[string]Order{
		"no user":       {Quantity: 1, Marketplace: "amazon.com", Title: "x"},
		"quantity 0":    {User: "u", Quantity: 0, Marketplace: "amazon.com", Title: "x"},
		"quantity 1000": {User: "u", Quantity: 1000, Marketplace: "amazon.com", Title: "x"},
		"bad kind":      {User: "u", Kind: "ebook", Quantity: 1, Marketplace: "amazon.com", Title: "x"},
		"bad status":    {User: "u", Status: "lost", Quantity: 1, Marketplace: "amazon.com", Title: "x"},
	} {
		if _, err := db.AddOrder(ctx, o); err == nil {
			t.Errorf("%s: AddOrder succeeded", name)
		}
	}
	// A failed add does not use up a number.
	o, err := db.AddOrder(ctx, sample("u"))
	if err != nil || o.Number != 1 {
		t.Errorf("AddOrder after failures = #%d, %v; want #1", o.Number, err)
	}
}

func TestNumbersNeverReused(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	for i := 1; i <= 3; i++ {
		o, err := db.AddOrder(ctx, sample("a"))
		if err != nil || o.Number != i {
			t.Fatalf("AddOrder = #%d, %v; want #%d", o.Number, err, i)
		}
	}
	if err := db.DeleteOrder(ctx, "a", 3); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteOrder(ctx, "a", 3); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete err = %v, want ErrNotFound", err)
	}
	o, err := db.AddOrder(ctx, sample("a"))
	if err != nil || o.Number != 4 {
		t.Errorf("after deleting #3, AddOrder = #%d, %v; want #4", o.Number, err)
	}
	// Another user counts from 1.
	o, err = db.AddOrder(ctx, sample("b"))
	if err != nil || o.Number != 1 {
		t.Errorf("user b's first order = #%d, %v; want #1", o.Number, err)
	}
	if err := db.DeleteOrder(ctx, "b", 4); !errors.Is(err, ErrNotFound) {
		t.Errorf("b deleting a's #4: err = %v, want ErrNotFound", err)
	}
	if _, err := db.Order(ctx, "a", 4); err != nil {
		t.Errorf("a's #4 after b's delete attempt: %v", err)
	}
}

func TestOrdersByStatus(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	addSamples(t, db, "u", 3)
	if _, err := db.AddOrder(ctx, sample("other")); err != nil {
		t.Fatal(err)
	}
	_, err := db.UpdateOrder(ctx, "u", 2, func(o *Order) error {
		o.Status, o.Shipped = StatusShipped, date("2026-03-04")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	numbers := func(status string) []int {
		list, err := db.Orders(ctx, "u", status)
		if err != nil {
			t.Fatal(err)
		}
		var n []int
		for _, o := range list {
			n = append(n, o.Number)
		}
		return n
	}
	if diff := cmp.Diff([]int{1, 2, 3}, numbers("")); diff != "" {
		t.Errorf("all (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{1, 3}, numbers(StatusOrdered)); diff != "" {
		t.Errorf("ordered (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{2}, numbers(StatusShipped)); diff != "" {
		t.Errorf("shipped (-want +got):\n%s", diff)
	}
	if got := numbers(StatusCancelled); len(got) != 0 {
		t.Errorf("cancelled = %v, want none", got)
	}
}

func TestUpdateOrder(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	added, err := db.AddOrder(ctx, sample("u"))
	if err != nil {
		t.Fatal(err)
	}

	t.Run("fn error aborts and is returned unchanged", func(t *testing.T) {
		refuse := errors.New("refused")
		_, err := db.UpdateOrder(ctx, "u", 1, func(o *Order) error {
			o.Quantity = 500
			return refuse
		})
		if err != refuse {
			t.Errorf("err = %v, want the fn's error itself", err)
		}
		o, _ := db.Order(ctx, "u", 1)
		if o.Quantity != 10 {
			t.Errorf("quantity = %d after an aborted update, want 10", o.Quantity)
		}
	})
	t.Run("schema violation rolls back", func(t *testing.T) {
		_, err := db.UpdateOrder(ctx, "u", 1, func(o *Order) error {
			o.Title = "changed"
			o.Status = "lost"
			return nil
		})
		if err == nil {
			t.Fatal("an invalid status was written")
		}
		o, _ := db.Order(ctx, "u", 1)
		if o.Title != "The Long Road" || o.Status != StatusOrdered {
			t.Errorf("order = %q %q after a failed update", o.Title, o.Status)
		}
	})
	t.Run("identity is kept", func(t *testing.T) {
		o, err := db.UpdateOrder(ctx, "u", 1, func(o *Order) error {
			o.User, o.Number, o.Created = "someone-else", 99, time.Time{}
			o.Note = "kept"
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if o.User != "u" || o.Number != 1 || !o.Created.Equal(added.Created) || o.Note != "kept" {
			t.Errorf("UpdateOrder returned %+v", o)
		}
		if _, err := db.Order(ctx, "someone-else", 99); !errors.Is(err, ErrNotFound) {
			t.Errorf("the order moved to another user: %v", err)
		}
	})
	t.Run("missing order", func(t *testing.T) {
		called := false
		_, err := db.UpdateOrder(ctx, "u", 7, func(*Order) error { called = true; return nil })
		if !errors.Is(err, ErrNotFound) || called {
			t.Errorf("err = %v, fn called = %v; want ErrNotFound without calling fn", err, called)
		}
	})
	t.Run("concurrent increments are not lost", func(t *testing.T) {
		var wg sync.WaitGroup
		for range 40 {
			wg.Go(func() {
				_, err := db.UpdateOrder(ctx, "u", 1, func(o *Order) error {
					o.Quantity++
					return nil
				})
				if err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		o, _ := db.Order(ctx, "u", 1)
		if o.Quantity != 50 {
			t.Errorf("quantity = %d after 40 concurrent increments from 10, want 50", o.Quantity)
		}
	})
}

// TestConcurrentWriters has 50 users each add and update orders at once:
// no write may fail with "database is locked" or a busy error, and every
// number must be given exactly once.
func TestConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	const users, writes = 50, 20
	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, users*writes)
	for u := range users {
		user := fmt.Sprintf("discord::%d", u)
		wg.Go(func() {
			for i := range writes {
				if i%2 == 0 {
					_, err := db.AddOrder(ctx, sample(user))
					errs <- err
					continue
				}
				_, err := db.UpdateOrder(ctx, user, i/2+1, func(o *Order) error {
					o.Status, o.Shipped = StatusShipped, date("2026-03-05")
					return nil
				})
				errs <- err
				// Readers run alongside the writers.
				if _, err := db.Orders(ctx, user, ""); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("concurrent write failed: %v", err)
		}
	}
	t.Logf("%d users × %d writes in %v", users, writes, time.Since(start))
	for u := range users {
		list, err := db.Orders(ctx, fmt.Sprintf("discord::%d", u), StatusShipped)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != writes/2 {
			t.Fatalf("user %d has %d shipped orders, want %d", u, len(list), writes/2)
		}
		for i, o := range list {
			if o.Number != i+1 {
				t.Fatalf("user %d: order %d has number %d", u, i, o.Number)
			}
		}
	}
}

func TestVotes(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	vote := func(user, topic, lang string, helpful, wantFirst bool) {
		t.Helper()
		first, err := db.Vote(ctx, user, topic, lang, helpful)
		if err != nil || first != wantFirst {
			t.Fatalf("Vote(%s, %s, %s, %v) = %v, %v; want first=%v", user, topic, lang, helpful, first, err, wantFirst)
		}
	}
	vote("a", "cart-empty", "en", true, true)
	vote("a", "cart-empty", "en", false, false) // replaces the first
	vote("a", "cart-empty", "fr", true, true)   // another answer
	vote("b", "cart-empty", "en", true, true)
	vote("c", "cart-empty", "en", true, true)
	vote("b", "print-defects", "en", false, true)
	got, err := db.Votes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []VoteCount{
		{Topic: "cart-empty", Lang: "en", Yes: 2, No: 1},
		{Topic: "cart-empty", Lang: "fr", Yes: 1},
		{Topic: "print-defects", Lang: "en", No: 1},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Votes (-want +got):\n%s", diff)
	}
	if _, err := db.Vote(ctx, "a", "", "en", true); err == nil {
		t.Error("a vote without a topic was accepted")
	}
}

func TestExportAndForget(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	addSamples(t, db, "a", 3)
	if err := db.DeleteOrder(ctx, "a", 2); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddOrder(ctx, sample("b")); err != nil {
		t.Fatal(err)
	}
	db.Vote(ctx, "a", "cart-empty", "en", true)
	db.Vote(ctx, "b", "cart-empty", "en", false)

	d, err := db.Export(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if d.User != "a" || d.LastOrder != 3 || len(d.Orders) != 2 || len(d.Votes) != 1 {
		t.Errorf("Export(a) = user %q, last %d, %d orders, %d votes; want a, 3, 2, 1", d.User, d.LastOrder, len(d.Orders), len(d.Votes))
	}
	for _, o := range d.Orders {
		if o.User != "a" {
			t.Errorf("Export(a) holds an order of %q", o.User)
		}
	}
	js, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"last_order_number":3`, `"title":"The Long Road"`, `"ordered":"2026-03-01T00:00:00Z"`, `"topic":"cart-empty"`} {
		if !strings.Contains(string(js), want) {
			t.Errorf("export JSON lacks %s:\n%s", want, js)
		}
	}
	if strings.Contains(string(js), `"shipped"`) || strings.Contains(string(js), `"b"`) {
		t.Errorf("export JSON has unset dates or another user's data:\n%s", js)
	}

	if err := db.Forget(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	d, err = db.Export(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	empty := UserData{User: "a", Orders: []Order{}, Votes: []Vote{}}
	if diff := cmp.Diff(empty, d, cmpopts.IgnoreFields(UserData{}, "Exported")); diff != "" {
		t.Errorf("Export after Forget (-want +got):\n%s", diff)
	}
	// The counter went too: numbering starts again.
	if o, err := db.AddOrder(ctx, sample("a")); err != nil || o.Number != 1 {
		t.Errorf("first order after Forget = #%d, %v; want #1", o.Number, err)
	}
	// b is untouched.
	if d, _ := db.Export(ctx, "b"); len(d.Orders) != 1 || len(d.Votes) != 1 {
		t.Errorf("b lost data when a was forgotten: %+v", d)
	}
	if err := db.Forget(ctx, "nobody"); err != nil {
		t.Errorf("Forget of an unknown user: %v", err)
	}
}

// TestUserTablesCoverSchema fails when a migration adds a table with a
// user_key column that Export and Forget do not know about.
func TestUserTablesCoverSchema(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	rows, err := db.r.QueryContext(ctx, `SELECT m.name FROM sqlite_schema m, pragma_table_info(m.name) c
		WHERE m.type = 'table' AND c.name = 'user_key' ORDER BY m.name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	known := map[string]bool{}
	for _, ut := range userTables() {
		known[ut.name] = true
	}
	for rows.Next() {
		var name string
		rows.Scan(&name)
		if !known[name] {
			t.Errorf("table %s has a user_key column but is not in userTables: add it there, with a UserData field, so Export and Forget cover it", name)
		}
	}
}

func BenchmarkAddOrder(b *testing.B) {
	ctx := context.Background()
	db, _ := mustOpen(b)
	n := 0
	for b.Loop() {
		// A new author every 1,000 orders, well within ledger.MaxOrders.
		o := sample(fmt.Sprintf("slack:T1:U%d", n/1000))
		n++
		if _, err := db.AddOrder(ctx, o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "ops/s")
}

// BenchmarkAddOrderParallel adds orders for 50 authors at once, whose
// additions the writer commits together.
func BenchmarkAddOrderParallel(b *testing.B) {
	ctx := context.Background()
	db, _ := mustOpen(b)
	var next atomic.Int64
	b.SetParallelism(25) // 50 goroutines on 2 cores
	b.RunParallel(func(pb *testing.PB) {
		author, n := next.Add(1), 0
		for pb.Next() {
			o := sample(fmt.Sprintf("slack:T1:U%d-%d", author, n/1000))
			n++
			if _, err := db.AddOrder(ctx, o); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "ops/s")
}

func BenchmarkOrders(b *testing.B) {
	ctx := context.Background()
	db, _ := mustOpen(b)
	addSamples(b, db, "slack:T1:U1", 50)
	addSamples(b, db, "slack:T1:other", 1000)
	b.ResetTimer()
	for b.Loop() {
		list, err := db.Orders(ctx, "slack:T1:U1", "")
		if err != nil || len(list) != 50 {
			b.Fatalf("Orders = %d, %v", len(list), err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "ops/s")
}

func BenchmarkOrdersParallel(b *testing.B) {
	ctx := context.Background()
	db, _ := mustOpen(b)
	addSamples(b, db, "slack:T1:U1", 50)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := db.Orders(ctx, "slack:T1:U1", ""); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "ops/s")
}

// The writer checkpoints at CheckpointFrames, not at SQLite's default.
func TestWriterCheckpointFrames(t *testing.T) {
	db, _ := mustOpen(t)
	var frames int
	if err := db.w.QueryRowContext(context.Background(), `PRAGMA wal_autocheckpoint`).Scan(&frames); err != nil {
		t.Fatal(err)
	}
	if frames != CheckpointFrames {
		t.Errorf("wal_autocheckpoint = %d, want %d", frames, CheckpointFrames)
	}
}
