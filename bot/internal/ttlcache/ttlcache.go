// Package ttlcache provides a bounded map whose entries expire, for the
// adapters' bookkeeping: request ids already answered, authors' locales,
// values too long to travel with a button. Its memory stays bounded however
// many requests arrive, so a flood cannot grow it without limit.
package ttlcache

import (
	"sync"
	"time"

	"github.com/gammazero/deque"
)

// Keyed is a map whose entries expire after a fixed time and which never
// holds more than its maximum number of entries. Because entries normally
// all live equally long, insertion order is expiry order: one queue both
// expires entries and, when the cache is full, evicts the oldest first.
// Its methods are safe for concurrent use.
//
// Times are kept as durations since the cache was made, read from its
// clock with Time.Sub: monotonic like the clock's readings, in 8 bytes
// rather than a time.Time's 24. A full set of the 50,000 or 100,000
// requests an adapter remembers is walked at random, an entry for each
// request, and its size is what the walk costs.
type Keyed[K comparable, V any] struct {
	mu      sync.Mutex
	ttl     time.Duration
	max     int
	now     func() time.Time
	base    time.Time // times are durations since base
	evicted func(V)
	items   map[K]item[V]
	// queue is oldest first and may hold keys stored again since. It is a
	// ring: a slice cut from the front and appended to at the back was
	// copied whole each time it ran out of room. On a full cache of 50,000
	// (BenchmarkAddFull), an Add went from 910-1,010 ns and 251 B to
	// 740-820 ns and 18 B.
	queue deque.Deque[queued[K]]
	seq   uint64 // tells a key's queue entries apart
}

type item[V any] struct {
	val     V
	expires time.Duration
	seq     uint64
}

type queued[K comparable] struct {
	key     K
	expires time.Duration
	seq     uint64
}

// New returns an empty cache whose entries live for ttl and which holds at
// most max of them. now is its clock, so tests can move time on; nil means
// time.Now.
func New[V any](ttl time.Duration, max int, now func() time.Time) *Cache[V] {
	return NewKeyed[string, V](ttl, max, now)
}

// Cache is a Keyed cache with string keys.
type Cache[V any] = Keyed[string, V]

// NewKeyed is New for keys of any comparable type. Keys without pointers
// (a [32]byte digest rather than its string) keep the whole cache out of
// the collector's way: it has nothing in it to scan.
func NewKeyed[K comparable, V any](ttl time.Duration, max int, now func() time.Time) *Keyed[K, V] {
	if now == nil {
		now = time.Now
	}
	return &Keyed[K, V]{ttl: ttl, max: max, now: now, base: now(), items: make(map[K]item[V])}
}

// OnEvict makes f be told of each live value removed to make room for
// another, so that a caller relying on the cache to remember everything
// recent learns when it could not. Entries that expire are not reported.
// f runs with the cache locked, so it must not call the cache.
func (c *Keyed[K, V]) OnEvict(f func(V)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.evicted = f
}

// clock is the time now, as a duration since the cache was made.
func (c *Keyed[K, V]) clock() time.Duration { return c.now().Sub(c.base) }

// Get returns the live value stored under key.
func (c *Keyed[K, V]) Get(key K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	it, ok := c.items[key]
	if !ok || c.clock() >= it.expires {
		var zero V
		return zero, false
	}
	return it.val, true
}

// Put stores val under key for the cache's lifetime, replacing any earlier
// value.
func (c *Keyed[K, V]) Put(key K, val V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, held := c.items[key]
	c.putLocked(key, val, c.ttl, c.clock(), held)
}

// PutFor stores val under key for ttl, or for the cache's lifetime when
// that is shorter, so that, say, a failed lookup is remembered only
// briefly.
func (c *Keyed[K, V]) PutFor(key K, val V, ttl time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, held := c.items[key]
	c.putLocked(key, val, min(ttl, c.ttl), c.clock(), held)
}

// Add stores val under key unless a live entry holds the key already, and
// reports whether it did. The check and the insert are one step, so of two
// concurrent deliveries of the same request exactly one is told it is the
// first.
func (c *Keyed[K, V]) Add(key K, val V) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.clock()
	it, held := c.items[key]
	if held && now < it.expires {
		return false
	}
	c.putLocked(key, val, c.ttl, now, held)
	return true
}

// Len returns the number of entries held, counting expired ones not yet
// removed.
func (c *Keyed[K, V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items)
}

// putLocked stores val under key; held tells whether the cache had the
// key before expired entries were removed.
func (c *Keyed[K, V]) putLocked(key K, val V, ttl, now time.Duration, held bool) {
	c.expire(now)
	if held {
		_, held = c.items[key] // it may have expired just now
	}
	if !held {
		c.makeRoom(now)
	}
	c.seq++
	exp := now + ttl
	c.items[key] = item[V]{val: val, expires: exp, seq: c.seq}
	c.queue.PushBack(queued[K]{key: key, expires: exp, seq: c.seq})
	c.compact()
}

// makeRoom evicts the oldest entries until one more fits.
func (c *Keyed[K, V]) makeRoom(now time.Duration) {
	for len(c.items) >= c.max && c.queue.Len() > 0 {
		it, ok := c.drop(c.queue.PopFront())
		// An entry with a shorter ttl may be past its time without having
		// reached the head; it was not removed early.
		if ok && c.evicted != nil && now < it.expires {
			c.evicted(it.val)
		}
	}
}

// expire removes the entries that are past their time from the queue's
// head. Entries stored with a shorter ttl may sit behind longer ones; Get
// ignores them, and they are removed when they reach the head.
func (c *Keyed[K, V]) expire(now time.Duration) {
	for c.queue.Len() > 0 && now >= c.queue.Front().expires {
		c.drop(c.queue.PopFront())
	}
}

// compact keeps the queue bounded by the number of keys rather than the
// number of stores: keys stored again leave stale entries behind, which are
// filtered out, in order, before they outnumber the live ones. (The ring
// itself gives memory back as it empties.)
func (c *Keyed[K, V]) compact() {
	if c.queue.Len() <= 2*c.max+64 {
		return
	}
	for range c.queue.Len() {
		q := c.queue.PopFront()
		if it, ok := c.items[q.key]; ok && it.seq == q.seq {
			c.queue.PushBack(q)
		}
	}
}

// drop removes q's entry unless the key has been stored again since, and
// returns what it removed.
func (c *Keyed[K, V]) drop(q queued[K]) (item[V], bool) {
	it, ok := c.items[q.key]
	if !ok || it.seq != q.seq {
		return it, false
	}
	delete(c.items, q.key)
	return it, true
}
