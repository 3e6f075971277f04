package store

import (
	"context"
	"slices"
	"sync"
	"time"

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
	lists   *simplelru.LRU[string, []Order]
	checked time.Time // when data_version was last read
	version int64     // what it said
	// checking is set while one reader asks data_version; the others go on
	// with the cache meanwhile.
	checking bool
}

const (
	// cachedAuthors bounds the cache: a list is a few hundred bytes an
	// order, and authors list their orders in bursts.
	cachedAuthors = 4096
	// crossCheck is how stale a change by another process may be.
	crossCheck = time.Second
)

func newOrderCache() *orderCache {
	lists, err := simplelru.NewLRU[string, []Order](cachedAuthors, nil)
	if err != nil {
		panic(err) // only for a size below 1
	}
	return &orderCache{lists: lists}
}

// get returns a copy of user's cached list, and the generation a reader
// must hand back to put what it reads instead.
func (c *orderCache) get(user string) ([]Order, uint64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	list, ok := c.lists.Get(user)
	if !ok {
		return nil, c.gen, false
	}
	return slices.Clone(list), c.gen, true
}

// put keeps list as user's, unless a write has committed since gen.
func (c *orderCache) put(user string, list []Order, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen == gen {
		c.lists.Add(user, slices.Clone(list))
	}
}

// drop forgets user's list after a write to their orders; readers in
// flight keep nothing.
func (c *orderCache) drop(user string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.lists.Remove(user)
}

// purge forgets every list; c.mu is held.
func (c *orderCache) purge() {
	c.gen++
	c.lists.Purge()
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
