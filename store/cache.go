package store

import (
	"context"
	"slices"
	"sync"
	"time"
	"unsafe"

	"github.com/hashicorp/golang-lru/v2/simplelru"
)

// orderCache keeps the order lists last read for the most recent authors,
// so that the hottest read, an author's own /order list, does not go to
// SQLite each time. Under scripts/bench-slack (half its requests are
// /order list), the server's CPU per request went from 168-175µs to
// 118-129µs with this cache, and its throughput from 31-41% of the bare
// baseline's to 52-55% (two runs each, same machine and hour): the first
// step of each query takes SQLite's read locks and crosses cgo, and under
// load that costs far more than the few microseconds of a cached copy.
//
// It is bounded by memory, not by authors: each list is costed at an
// estimate of the bytes it holds (listBytes), the least recently used
// authors are dropped while the total is over cacheBudget, and a list
// costing more than cacheBudget/maxShare is not kept at all, so a handful
// of long ledgers cannot push everyone else out. Counting authors instead
// let 200 authors of 2,000 orders each take the process from 15 MiB to
// 431 MiB (scripts/cachemem); with the budget it peaks at 80 MiB.
//
// It stays true to the database this way:
//   - Every write to an author's orders (Forget too) drops their entry and
//     bumps gen once it has ended. A reader notes gen before its query and
//     keeps the result only if gen has not moved since, so a list read from
//     a snapshot older than a write is never kept. Writes that touch no
//     orders (reminders, votes) leave the cache alone.
//   - Another process may write the same file (a console beside the
//     server). At most every crossCheck, a read asks SQLite's data_version
//     on the writer connection, which changes exactly when another
//     connection has committed; the whole cache is then dropped. Such a
//     change shows within crossCheck.
type orderCache struct {
	mu      sync.Mutex
	gen     uint64
	authors *simplelru.LRU[string, *authorPages]
	size    int // the estimated bytes of every cached page
	budget  int
	checked time.Time // when data_version was last read
	version int64     // what it said
	// checking is set while one reader asks data_version; the others go on
	// with the cache meanwhile.
	checking bool
}

// authorPages are the lists cached for one author, by what was asked.
type authorPages struct {
	pages map[view]page
	size  int
}

// view is one read of an author's orders: the last limit orders with
// status, or with limit 0 the whole ledger ("" status for all).
type view struct {
	status string
	limit  int
}

// page is what a read returned: the orders and how many there are in all.
type page struct {
	list  []Order
	total int
	cost  int // listBytes(list), once cached
}

const (
	// cacheBudget bounds the estimated bytes of all cached lists. At
	// 400-600 bytes an order, it holds 50,000 orders or so: the page of the
	// 25 latest orders (about 15 KB) of 1,500 authors at once. The Go heap
	// grows to about twice what is live before it collects, so the budget
	// costs about twice as much resident memory: with 32 MiB the 200
	// authors of scripts/cachemem peaked at 108 MiB, with 24 MiB at 80 MiB.
	cacheBudget = 24 << 20
	// maxShare: a list costing more than cacheBudget/maxShare (3 MiB, a
	// ledger of ledger.MaxOrders orders with short notes) is read from SQLite each
	// time instead.
	maxShare = 8
	// crossCheck is how stale a change by another process may be.
	crossCheck = time.Second
	// entryBytes is what an author's entry costs beside its orders: the
	// LRU's element and map slot, the key and the map of pages.
	entryBytes = 256
)

func newOrderCache(budget int) *orderCache {
	c := &orderCache{budget: budget}
	// The count bound is never reached before the byte budget: every
	// entry costs entryBytes at least.
	authors, err := simplelru.NewLRU(budget/entryBytes+1, func(_ string, a *authorPages) {
		c.size -= a.size
	})
	if err != nil {
		panic(err) // only for a size below 1
	}
	c.authors = authors
	return c
}

// get returns a copy of user's cached page for v, and the generation a
// reader must hand back to put what it reads instead.
func (c *orderCache) get(user string, v view) (page, uint64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	a, ok := c.authors.Get(user)
	if !ok {
		return page{}, c.gen, false
	}
	p, ok := a.pages[v]
	if !ok {
		return page{}, c.gen, false
	}
	return page{list: slices.Clone(p.list), total: p.total}, c.gen, true
}

// put keeps p as user's page for v, unless a write has committed since
// gen or p is too large to keep.
func (c *orderCache) put(user string, v view, p page, gen uint64) {
	kept := page{list: slices.Clone(p.list), total: p.total}
	kept.cost = listBytes(kept.list)
	if kept.cost > c.budget/maxShare {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return
	}
	a, ok := c.authors.Get(user)
	if !ok {
		a = &authorPages{pages: map[view]page{}, size: entryBytes}
		c.size += a.size
		c.authors.Add(user, a)
	}
	if old, ok := a.pages[v]; ok {
		a.size -= old.cost
		c.size -= old.cost
	}
	a.pages[v] = kept
	a.size += kept.cost
	c.size += kept.cost
	for c.size > c.budget && c.authors.Len() > 1 {
		c.authors.RemoveOldest()
	}
}

// drop forgets user's lists after a write to their orders; readers in
// flight keep nothing.
func (c *orderCache) drop(user string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.authors.Remove(user)
}

// purge forgets every list; c.mu is held.
func (c *orderCache) purge() {
	c.gen++
	c.authors.Purge()
}

// orderBytes is the size of an Order value without its strings.
const orderBytes = int(unsafe.Sizeof(Order{}))

// listBytes estimates the memory list holds: the array and each string's
// bytes, rounded up to the allocator's 8-byte steps.
func listBytes(list []Order) int {
	n := cap(list) * orderBytes
	for i := range list {
		o := &list[i]
		for _, s := range [...]string{o.User, o.Kind, o.Marketplace, o.Title, o.ISBN, o.Note, o.Tracking, o.Status} {
			n += (len(s) + 7) &^ 7
		}
	}
	return n
}

// checkOthers asks data_version, at most every crossCheck, and drops the
// cache when another connection has committed since the last time.
func (db *DB) checkOthers(ctx context.Context) {
	c := db.orders
	now := db.now()
	c.mu.Lock()
	if c.checking || now.Sub(c.checked) < crossCheck {
		c.mu.Unlock()
		return
	}
	c.checking = true
	c.mu.Unlock()

	var version int64
	err := db.w.QueryRowContext(bounded(ctx), `PRAGMA data_version`).Scan(&version)

	c.mu.Lock()
	defer c.mu.Unlock()
	c.checking = false
	if err != nil {
		// Unsure: keep nothing, and ask again on the next read.
		c.purge()
		return
	}
	if version != c.version {
		c.purge()
		c.version = version
	}
	c.checked = now
}
