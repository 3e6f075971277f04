package discord

import (
	"sync"
	"time"
)

// ttlCache is a bounded map whose entries all live for the same time. With
// one lifetime, insertion order is expiry order, so a single queue both
// expires entries and, when the cache is full, evicts the oldest first.
type ttlCache[V any] struct {
	mu    sync.Mutex
	ttl   time.Duration
	max   int
	items map[string]cacheItem[V]
	queue []cacheKey // oldest first; may hold keys stored again since
	// evicted, when set, is told of each entry removed before its time to
	// make room.
	evicted func(V)
}

type cacheItem[V any] struct {
	val     V
	expires time.Time
}

type cacheKey struct {
	key     string
	expires time.Time
}

func newTTLCache[V any](ttl time.Duration, max int) *ttlCache[V] {
	return &ttlCache[V]{ttl: ttl, max: max, items: make(map[string]cacheItem[V])}
}

// get returns the live value stored under key.
func (c *ttlCache[V]) get(key string, now time.Time) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	it, ok := c.items[key]
	if !ok || !now.Before(it.expires) {
		var zero V
		return zero, false
	}
	return it.val, true
}

// put stores val under key, replacing any earlier value.
func (c *ttlCache[V]) put(key string, val V, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.putLocked(key, val, now)
}

// addNew stores key unless a live entry holds it already, and reports
// whether it did. The check and the insert are one step, so of two
// concurrent deliveries of the same interaction exactly one is first.
func (c *ttlCache[V]) addNew(key string, val V, now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if it, ok := c.items[key]; ok && now.Before(it.expires) {
		return false
	}
	c.putLocked(key, val, now)
	return true
}

func (c *ttlCache[V]) putLocked(key string, val V, now time.Time) {
	c.expire(now)
	if _, ok := c.items[key]; !ok {
		for len(c.items) >= c.max && len(c.queue) > 0 {
			k := c.queue[0]
			c.queue = c.queue[1:]
			if it, ok := c.drop(k); ok && c.evicted != nil {
				c.evicted(it.val)
			}
		}
	}
	exp := now.Add(c.ttl)
	c.items[key] = cacheItem[V]{val: val, expires: exp}
	c.queue = append(c.queue, cacheKey{key: key, expires: exp})
	if len(c.queue) > 2*c.max+64 {
		// Keys stored again leave stale queue entries behind; compact.
		live := make([]cacheKey, 0, len(c.items))
		kept := make(map[string]bool, len(c.items))
		for _, k := range c.queue {
			if it, ok := c.items[k.key]; ok && it.expires.Equal(k.expires) && !kept[k.key] {
				kept[k.key] = true
				live = append(live, k)
			}
		}
		c.queue = live
	}
}

// expire removes the entries past their time from the head of the queue.
func (c *ttlCache[V]) expire(now time.Time) {
	n := 0
	for n < len(c.queue) && !now.Before(c.queue[n].expires) {
		c.drop(c.queue[n])
		n++
	}
	c.queue = c.queue[n:]
}

// drop removes k's entry unless the key has been stored again since, and
// returns what it removed.
func (c *ttlCache[V]) drop(k cacheKey) (cacheItem[V], bool) {
	it, ok := c.items[k.key]
	if !ok || !it.expires.Equal(k.expires) {
		return it, false
	}
	delete(c.items, k.key)
	return it, true
}

func (c *ttlCache[V]) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items)
}
