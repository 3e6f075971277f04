package ttlcache

import (
	"crypto/sha256"
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// clock is a settable time for the caches.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func newClock() *clock { return &clock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)} }

func TestExpires(t *testing.T) {
	clk := newClock()
	c := New[string](time.Minute, 10, clk.now)
	c.PutFor("a", "1", time.Hour) // capped at the cache's ttl
	c.PutFor("b", "2", 10*time.Second)
	clk.t = clk.t.Add(30 * time.Second)
	if v, ok := c.Get("a"); !ok || v != "1" {
		t.Errorf("a after 30s = %q, %v; want \"1\", true", v, ok)
	}
	if _, ok := c.Get("b"); ok {
		t.Error("b outlived its 10s")
	}
	clk.t = clk.t.Add(31 * time.Second)
	if _, ok := c.Get("a"); ok {
		t.Error("a outlived the cache's minute")
	}
	c.Put("c", "3")
	if got, want := c.Len(), 1; got != want {
		t.Errorf("Len after expiry = %d, want %d", got, want)
	}
}

// TestExpiresAtTTL checks the boundary: an entry is live just before its
// ttl has passed and gone once it has.
func TestExpiresAtTTL(t *testing.T) {
	clk := newClock()
	c := New[int](time.Minute, 3, clk.now)
	c.Put("d", 4)
	clk.t = clk.t.Add(59 * time.Second)
	if v, ok := c.Get("d"); !ok || v != 4 {
		t.Errorf("d after 59s = %v, %v; want 4, true", v, ok)
	}
	clk.t = clk.t.Add(time.Second)
	if _, ok := c.Get("d"); ok {
		t.Error("an expired entry was returned")
	}
}

func TestBounded(t *testing.T) {
	clk := newClock()
	c := New[struct{}](time.Hour, 100, clk.now)
	for i := range 1000 {
		if !c.Add(strconv.Itoa(i), struct{}{}) {
			t.Fatalf("Add(%d) said seen", i)
		}
	}
	if got, want := c.Len(), 100; got != want {
		t.Errorf("Len = %d, want the bound of %d", got, want)
	}
	if _, ok := c.Get("0"); ok {
		t.Error("the oldest entry was kept")
	}
	if _, ok := c.Get("900"); !ok {
		t.Error("the oldest of the newest 100 entries was evicted")
	}
	if c.Add("999", struct{}{}) {
		t.Error("Add of the newest entry said new")
	}
}

// TestRestoredKeys stores the same keys again and again: the queue keeps
// one stale entry per store, and must still stay bounded.
func TestRestoredKeys(t *testing.T) {
	clk := newClock()
	c := New[int](time.Hour, 100, clk.now)
	for i := range 100 {
		c.Put(strconv.Itoa(i), i)
	}
	for i := range 10_000 {
		c.Put("99", i)
		if c.queue.Len() > 2*c.max+64 {
			t.Fatalf("queue holds %d entries for %d keys", c.queue.Len(), c.Len())
		}
	}
	if got, want := c.Len(), 100; got != want {
		t.Errorf("Len = %d, want %d", got, want)
	}
	if v, ok := c.Get("99"); !ok || v != 9999 {
		t.Errorf("99 = %v, %v; want the last value stored, 9999", v, ok)
	}
	// Compaction keeps the queue's order: the next store of a new key
	// evicts the oldest key, not the one stored again.
	c.Put("new", 0)
	if _, ok := c.Get("0"); ok {
		t.Error("the oldest key was kept")
	}
	if _, ok := c.Get("99"); !ok {
		t.Error("a key stored again was evicted as if it were the oldest")
	}
}

// TestRestoredKeyLivesOn checks that the expiry of a key's first store
// does not remove the value stored under it since.
func TestRestoredKeyLivesOn(t *testing.T) {
	clk := newClock()
	c := New[int](time.Minute, 10, clk.now)
	c.Put("a", 1)
	clk.t = clk.t.Add(30 * time.Second)
	c.Put("a", 2)
	clk.t = clk.t.Add(45 * time.Second)
	c.Put("b", 3) // expires a's first store
	if v, ok := c.Get("a"); !ok || v != 2 {
		t.Errorf("a = %v, %v; want 2, true", v, ok)
	}
}

func TestEviction(t *testing.T) {
	clk := newClock()
	c := New[int](time.Minute, 3, clk.now)
	var evicted []int
	c.OnEvict(func(v int) { evicted = append(evicted, v) })

	if !c.Add("a", 1) || c.Add("a", 2) {
		t.Fatal("Add: a second add of a live key succeeded, or the first failed")
	}
	c.Put("b", 2)
	c.Put("c", 3)
	c.Put("d", 4) // full: evicts a, the oldest
	if _, ok := c.Get("a"); ok || c.Len() != 3 {
		t.Errorf("after overflow: a kept = %v, Len %d; want false, 3", ok, c.Len())
	}
	if got, want := fmt.Sprint(evicted), "[1]"; got != want {
		t.Errorf("evicted = %v, want %v", got, want)
	}
	clk.t = clk.t.Add(time.Minute)
	c.Put("e", 5) // expires b, c, d: none evicted early
	if c.Len() != 1 || len(evicted) != 1 {
		t.Errorf("after expiry: Len %d, evicted %v; want 1, [1]", c.Len(), evicted)
	}
	if !c.Add("b", 6) {
		t.Error("an expired key could not be added again")
	}
}

// TestEvictionSkipsExpired checks that an entry stored with a shorter ttl,
// past its time but still queued behind a longer one, is not reported as
// evicted when it is removed to make room.
func TestEvictionSkipsExpired(t *testing.T) {
	clk := newClock()
	c := New[string](time.Hour, 2, clk.now)
	var evicted []string
	c.OnEvict(func(v string) { evicted = append(evicted, v) })
	c.Put("a", "a")
	c.PutFor("short", "short", time.Second)
	c.Put("a", "a") // leaves a's first store at the head of the queue
	clk.t = clk.t.Add(time.Minute)
	c.Put("x", "x") // full: passes a's stale entry, removes short
	if len(evicted) != 0 {
		t.Errorf("evicted = %v, want none", evicted)
	}
	if _, ok := c.Get("a"); !ok {
		t.Error("a, stored again, was removed")
	}
	if got, want := c.Len(), 2; got != want {
		t.Errorf("Len = %d, want %d", got, want)
	}
}

// TestAddOnce races many deliveries of the same keys: exactly one Add of
// each key may report it new.
func TestAddOnce(t *testing.T) {
	c := New[int](time.Hour, 1000, nil)
	const keys, racers = 50, 8
	var firsts [keys]atomic.Int32
	var wg sync.WaitGroup
	for r := range racers {
		wg.Go(func() {
			for k := range keys {
				if c.Add(strconv.Itoa(k), r) {
					firsts[k].Add(1)
				}
			}
		})
	}
	wg.Wait()
	for k := range keys {
		if n := firsts[k].Load(); n != 1 {
			t.Errorf("key %d: %d adds reported new, want 1", k, n)
		}
	}
}

// BenchmarkAddFull adds new keys to a full cache, as a steady stream of
// Slack deliveries does: each Add evicts the oldest entry.
func BenchmarkAddFull(b *testing.B) {
	const max = 50_000
	c := New[struct{}](time.Hour, max, nil)
	keys := make([]string, 4*max)
	for i := range keys {
		keys[i] = strconv.Itoa(i)
	}
	for _, k := range keys[:max] {
		c.Add(k, struct{}{})
	}
	b.ReportAllocs()
	i := max
	for b.Loop() {
		c.Add(keys[i%len(keys)], struct{}{})
		i++
	}
}

// BenchmarkAddFullDigest adds request digests to a full cache, as the
// Slack adapter's set of seen requests does: keyed by the [32]byte digest
// (NewKeyed), or by its bytes as a string, each followed by a collection,
// whose cost the cache's pointers (a string key has one) add to.
func BenchmarkAddFullDigest(b *testing.B) {
	const max = 50_000
	digest := func(i int) [sha256.Size]byte { return sha256.Sum256([]byte(strconv.Itoa(i))) }
	b.Run("array", func(b *testing.B) {
		c := NewKeyed[[sha256.Size]byte, int64](time.Hour, max, nil)
		for i := range max {
			c.Add(digest(i), 0)
		}
		b.ReportAllocs()
		i := max
		for b.Loop() {
			c.Add(digest(i), 0)
			if i++; i%1000 == 0 {
				runtime.GC()
			}
		}
	})
	b.Run("string", func(b *testing.B) {
		c := New[int64](time.Hour, max, nil)
		for i := range max {
			d := digest(i)
			c.Add(string(d[:]), 0)
		}
		b.ReportAllocs()
		i := max
		for b.Loop() {
			d := digest(i)
			c.Add(string(d[:]), 0)
			if i++; i%1000 == 0 {
				runtime.GC()
			}
		}
	})
}
