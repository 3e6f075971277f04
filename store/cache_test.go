package store

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"
)

// numbers lists the user's order numbers and statuses as Orders sees them.
func numbers(t *testing.T, db *DB, user, status string) string {
	t.Helper()
	list, err := db.Orders(context.Background(), user, status)
	if err != nil {
		t.Fatal(err)
	}
	s := ""
	for _, o := range list {
		s += fmt.Sprintf("%d:%s:%d ", o.Number, o.Status, o.Quantity)
	}
	return s
}

// Each write to a user's orders shows in the very next list, though the
// list before it was cached.
func TestOrdersCacheFollowsEveryWrite(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	const u = "slack:T1:U1"
	steps := []struct {
		name  string
		write func() error
		want  string
	}{
		{"add", func() error { _, err := db.AddOrder(ctx, sample(u)); return err }, "1:ordered:10 "},
		{"add again", func() error { _, err := db.AddOrder(ctx, sample(u)); return err }, "1:ordered:10 2:ordered:10 "},
		{"update", func() error {
			_, err := db.UpdateOrder(ctx, u, 1, func(o *Order) error { o.Quantity = 30; o.Status = StatusShipped; return nil })
			return err
		}, "1:shipped:30 2:ordered:10 "},
		{"delete", func() error { return db.DeleteOrder(ctx, u, 2) }, "1:shipped:30 "},
		{"forget", func() error { return db.Forget(ctx, u) }, ""},
	}
	if got := numbers(t, db, u, ""); got != "" {
		t.Fatalf("before any write: %q", got)
	}
	for _, s := range steps {
		if err := s.write(); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if got := numbers(t, db, u, ""); got != s.want {
			t.Errorf("after %s: orders %q, want %q", s.name, got, s.want)
		}
		// Twice: the second comes from the cache.
		if got := numbers(t, db, u, ""); got != s.want {
			t.Errorf("after %s, listed again: orders %q, want %q", s.name, got, s.want)
		}
	}
}

// A status filter is applied to the cached list as the query would.
func TestOrdersCacheFiltersByStatus(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	const u = "discord:G1:42"
	addSamples(t, db, u, 3)
	if _, err := db.UpdateOrder(ctx, u, 2, func(o *Order) error { o.Status = StatusShipped; return nil }); err != nil {
		t.Fatal(err)
	}
	numbers(t, db, u, "") // fills the cache
	for status, want := range map[string]string{
		"":              "1:ordered:10 2:shipped:10 3:ordered:10 ",
		StatusOrdered:   "1:ordered:10 3:ordered:10 ",
		StatusShipped:   "2:shipped:10 ",
		StatusDelivered: "",
	} {
		if got := numbers(t, db, u, status); got != want {
			t.Errorf("Orders(%q) = %q, want %q", status, got, want)
		}
	}
}

// What a caller does with a list it was given does not reach the cache.
func TestOrdersCacheHandsOutCopies(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	const u = "slack:T1:U1"
	if _, err := db.AddOrder(ctx, sample(u)); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		list, err := db.Orders(ctx, u, "")
		if err != nil || len(list) != 1 {
			t.Fatalf("Orders = %v, %v", list, err)
		}
		list[0].Title = "scribbled on"
	}
	if list, _ := db.Orders(ctx, u, ""); list[0].Title != "The Long Road" {
		t.Errorf("title = %q after a caller changed its copy", list[0].Title)
	}
}

// Another process writing the same file (here another DB) is seen once
// crossCheck has passed, and not served from the cache before.
func TestOrdersCacheSeesOtherProcesses(t *testing.T) {
	ctx := context.Background()
	db, path := mustOpen(t)
	other, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	clock := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	db.now = func() time.Time { return clock }
	const u = "slack:T1:U1"
	if _, err := db.AddOrder(ctx, sample(u)); err != nil {
		t.Fatal(err)
	}
	if got := numbers(t, db, u, ""); got != "1:ordered:10 " {
		t.Fatalf("orders %q", got)
	}
	if _, err := other.AddOrder(ctx, sample(u)); err != nil {
		t.Fatal(err)
	}
	// Within crossCheck the cached list stands: this is the cache at work.
	clock = clock.Add(crossCheck / 2)
	if got := numbers(t, db, u, ""); got != "1:ordered:10 " {
		t.Fatalf("within %v of the last check: orders %q, want the cached list", crossCheck, got)
	}
	clock = clock.Add(crossCheck)
	if got := numbers(t, db, u, ""); got != "1:ordered:10 2:ordered:10 " {
		t.Errorf("after %v: orders %q, want the other process's order too", crossCheck, got)
	}
}

// Readers racing writers never leave a stale list behind: once the writes
// are done, every list is whole.
func TestOrdersCacheUnderConcurrentWrites(t *testing.T) {
	ctx := context.Background()
	db, _ := mustOpen(t)
	const users, adds = 4, 25
	var wg, readers sync.WaitGroup
	stop := make(chan struct{})
	for u := range users {
		user := fmt.Sprintf("slack:T1:U%d", u)
		wg.Go(func() {
			for range adds {
				if _, err := db.AddOrder(ctx, sample(user)); err != nil {
					t.Error(err)
					return
				}
			}
		})
		for range 3 {
			readers.Go(func() {
				for {
					select {
					case <-stop:
						return
					default:
					}
					if _, err := db.Orders(ctx, user, ""); err != nil {
						t.Error(err)
						return
					}
				}
			})
		}
	}
	wg.Wait()
	close(stop)
	readers.Wait()
	for u := range users {
		list, err := db.Orders(ctx, fmt.Sprintf("slack:T1:U%d", u), "")
		if err != nil || len(list) != adds {
			t.Errorf("user %d: %d orders, %v; want %d", u, len(list), err, adds)
		}
	}
}

// The cache holds what its byte budget allows, dropping the authors
// listed longest ago, and never keeps a list costing more than its share.
func TestOrdersCacheBoundedByBytes(t *testing.T) {
	list := func(user string, n int) []Order {
		l := make([]Order, n)
		for i := range l {
			l[i] = sample(user)
		}
		return l
	}
	one := listBytes(list("slack:T1:U00", 10))
	c := newOrderCache(maxShare * (one + entryBytes) * 2) // room for 16 such authors
	all := view{}
	for a := range 40 {
		user := fmt.Sprintf("slack:T1:U%02d", a)
		_, gen, _ := c.get(user, all)
		c.put(user, all, page{list: list(user, 10), total: 10}, gen)
		if c.size > c.budget {
			t.Fatalf("after %d authors: %d bytes cached, over the budget of %d", a+1, c.size, c.budget)
		}
	}
	if n := c.authors.Len(); n != 2*maxShare {
		t.Errorf("%d authors cached, want %d", n, 2*maxShare)
	}
	if _, _, ok := c.get("slack:T1:U39", all); !ok {
		t.Error("the last author listed was dropped")
	}
	if _, _, ok := c.get("slack:T1:U00", all); ok {
		t.Error("the first author listed is still cached")
	}
	// A list over budget/maxShare is not kept, and drives nobody out.
	big := list("slack:T1:big", 10*3)
	if listBytes(big) <= c.budget/maxShare {
		t.Fatal("the big list is not big enough")
	}
	before := c.authors.Len()
	_, gen, _ := c.get("slack:T1:big", all)
	c.put("slack:T1:big", all, page{list: big, total: len(big)}, gen)
	if _, _, ok := c.get("slack:T1:big", all); ok || c.authors.Len() != before {
		t.Errorf("a list of %d bytes was cached, or drove others out (%d authors, were %d)", listBytes(big), c.authors.Len(), before)
	}
	// Dropping an author gives back their bytes.
	c.drop("slack:T1:U39")
	sum := 0
	for _, a := range c.authors.Values() {
		sum += a.size
	}
	if c.size != sum {
		t.Errorf("the cache counts %d bytes, its entries hold %d", c.size, sum)
	}
}
