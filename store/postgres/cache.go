package postgres

import (
	"context"
	"slices"
	"sync"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"github.com/jackc/pgx/v5"

	"github.com/authorbot/authorbot/ledger"
)

// The order cache keeps the pages of /order list last read for the most
// recent authors, as SQLite's store does, and stays true to a database
// that other replicas write too: every transaction that changes an
// author's orders sends pg_notify(ordersChannel, author) as it commits,
// and each replica listens on a connection of its own and drops that
// author's pages when told. A reader notes the cache's generation before
// its query and keeps what it read only if nothing was dropped meanwhile,
// so a page read before another replica's commit is never kept past that
// replica's notification; a change shows within the notification's trip,
// milliseconds on one network. While the listener is not connected (at
// first, or after losing its connection, when notifications may have
// been missed) the cache keeps nothing and reads go to the database.
//
// A version check per request would cost a round trip each time, which
// is what the cache saves; LISTEN/NOTIFY costs one idle connection.
//
// Only pages are kept, at most maxPage orders each: a whole ledger
// (Orders) can be thousands of orders and is read from the database.
const (
	ordersChannel = "authorbot_orders"
	maxAuthors    = 2048
	maxPage       = 100
)

type orderCache struct {
	mu      sync.Mutex
	gen     uint64
	live    bool // the listener is connected
	authors *simplelru.LRU[string, map[view]page]
}

// view is one read of an author's orders: the last limit orders with
// status ("" for all), or with limit 0 the whole ledger.
type view struct {
	status string
	limit  int
}

type page struct {
	list  []ledger.Order
	total int
}

func newOrderCache() *orderCache {
	authors, err := simplelru.NewLRU[string, map[view]page](maxAuthors, nil)
	if err != nil {
		panic(err) // only for a size below 1
	}
	return &orderCache{authors: authors}
}

// generation is what a reader notes before its query, for put.
func (c *orderCache) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// get returns a copy of user's cached page for v.
func (c *orderCache) get(user string, v view) ([]ledger.Order, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	pages, ok := c.authors.Get(user)
	if !ok {
		return nil, false
	}
	p, ok := pages[v]
	if !ok {
		return nil, false
	}
	return slices.Clone(p.list), true
}

// total is the count cached with user's page for v.
func (c *orderCache) total(user string, v view) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	pages, _ := c.authors.Peek(user)
	return pages[v].total
}

// put keeps list as user's page for v unless something was dropped since
// gen, the listener is down, or the page is too long to keep.
func (c *orderCache) put(user string, v view, list []ledger.Order, total int, gen uint64) {
	if v.limit == 0 || v.limit > maxPage {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.live || c.gen != gen {
		return
	}
	pages, ok := c.authors.Get(user)
	if !ok {
		pages = map[view]page{}
		c.authors.Add(user, pages)
	}
	pages[v] = page{list: slices.Clone(list), total: total}
}

// drop forgets user's pages; readers in flight keep nothing.
func (c *orderCache) drop(user string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.authors.Remove(user)
}

// setLive forgets everything and says whether the listener is connected.
func (c *orderCache) setLive(live bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.live = live
	c.authors.Purge()
}

// notifyOrders tells every replica, at commit, that user's orders changed.
func notifyOrders(ctx context.Context, tx pgx.Tx, user string) error {
	return notify(ctx, tx, ordersChannel, user)
}

// ordersChanged drops user's pages here at once, not waiting for the
// notification this replica sends itself.
func (db *DB) ordersChanged(_ context.Context, user string) { db.cache.drop(user) }
