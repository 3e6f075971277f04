package slack

import (
	"sync"
	"time"
)

// ttlCache is a map whose entries expire after a fixed time and which never
// holds more than max entries. Because every entry lives equally long,
// insertion order is expiry order: one queue both expires entries and, when
// the cache is full, evicts the oldest first.
type ttlCache[V any] struct {
	mu    sync.Mutex
	ttl   time.Duration
	max   int
	now   func() time.Time
	items map[string]ttlItem[V]
	queue []ttlKey // oldest first; may hold keys stored again since
	seq   uint64   // tells a key's queue entries apart
}

type ttlItem[V any] struct {
	val     V
	expires time.Time
	seq     uint64
}

type ttlKey struct {
	key     string
	expires time.Time
	seq     uint64
}

func newTTLCache[V any](ttl time.Duration, max int, now func() time.Time) *ttlCache[V] {
	return &ttlCache[V]{ttl: ttl, max: max, now: now, items: make(map[string]ttlItem[V])}
}

// get returns the live value stored under key.
func (c *ttlCache[V]) get(key string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	it, ok := c.items[key]
	if !ok || !c.now().Before(it.expires) {
		var zero V
		return zero, false
	}
	return it.val, true
}

// put stores val under key for the cache's lifetime, or for ttl when it is
// shorter (a failed lookup is remembered briefly).
func (c *ttlCache[V]) put(key string, val V, ttl time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.putLocked(key, val, min(ttl, c.ttl))
}

// add stores key unless a live entry already holds it, and reports whether
// it did: the check and the insert are one step, so of two concurrent
// deliveries of the same request exactly one is told it is the first.
func (c *ttlCache[V]) add(key string, val V) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if it, ok := c.items[key]; ok && c.now().Before(it.expires) {
		return false
	}
	c.putLocked(key, val, c.ttl)
	return true
}

func (c *ttlCache[V]) putLocked(key string, val V, ttl time.Duration) {
	now := c.now()
	c.expire(now)
	if _, ok := c.items[key]; !ok {
		for len(c.items) >= c.max && len(c.queue) > 0 {
			c.drop(c.queue[0])
			c.queue = c.queue[1:]
		}
	}
	c.seq++
	exp := now.Add(ttl)
	c.items[key] = ttlItem[V]{val: val, expires: exp, seq: c.seq}
	c.queue = append(c.queue, ttlKey{key: key, expires: exp, seq: c.seq})
}

// expire removes the entries that are past their time from the queue's head.
// Entries with a shorter ttl may sit behind longer ones; they are removed
// when they reach the head or when get finds them expired.
func (c *ttlCache[V]) expire(now time.Time) {
	n := 0
	for n < len(c.queue) && !now.Before(c.queue[n].expires) {
		c.drop(c.queue[n])
		n++
	}
	if n > 0 {
		c.queue = c.queue[n:]
	}
	// Keys stored again leave stale queue entries behind; filter them out
	// before they outnumber the live ones, keeping the queue's order.
	if len(c.queue) > 2*c.max+64 {
		live := c.queue[:0:0]
		for _, k := range c.queue {
			if it, ok := c.items[k.key]; ok && it.seq == k.seq {
				live = append(live, k)
			}
		}
		c.queue = live
	}
	// Let append reuse the array instead of growing it for ever.
	if cap(c.queue) > 64 && len(c.queue) < cap(c.queue)/4 {
		c.queue = append([]ttlKey(nil), c.queue...)
	}
}

// drop removes k's entry unless the key has been stored again since.
func (c *ttlCache[V]) drop(k ttlKey) {
	if it, ok := c.items[k.key]; ok && it.seq == k.seq {
		delete(c.items, k.key)
	}
}

func (c *ttlCache[V]) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items)
}
