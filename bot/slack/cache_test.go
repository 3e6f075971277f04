package slack

import (
	"strconv"
	"testing"
	"time"
)

// clock is a settable time for the caches.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func TestTTLCacheExpires(t *testing.T) {
	clk := &clock{t: time.Unix(1_700_000_000, 0)}
	c := newTTLCache[string](time.Minute, 10, clk.now)
	c.put("a", "1", time.Hour) // capped at the cache's ttl
	c.put("b", "2", 10*time.Second)
	clk.t = clk.t.Add(30 * time.Second)
	if v, ok := c.get("a"); !ok || v != "1" {
		t.Errorf("a after 30s = %q, %v", v, ok)
	}
	if _, ok := c.get("b"); ok {
		t.Error("b outlived its 10s")
	}
	clk.t = clk.t.Add(31 * time.Second)
	if _, ok := c.get("a"); ok {
		t.Error("a outlived the cache's minute")
	}
	c.put("c", "3", time.Minute)
	if n := c.len(); n != 1 {
		t.Errorf("%d entries after expiry, want 1", n)
	}
}

func TestTTLCacheBounded(t *testing.T) {
	clk := &clock{t: time.Unix(1_700_000_000, 0)}
	c := newTTLCache[struct{}](time.Hour, 100, clk.now)
	for i := range 1000 {
		if !c.add(strconv.Itoa(i), struct{}{}) {
			t.Fatalf("add(%d) said seen", i)
		}
	}
	if n := c.len(); n != 100 {
		t.Errorf("%d entries, want the bound of 100", n)
	}
	if _, ok := c.get("0"); ok {
		t.Error("the oldest entry was kept")
	}
	if c.add("999", struct{}{}) {
		t.Error("add of the newest entry said new")
	}
	// Re-storing keys must not grow the queue without bound.
	for range 10_000 {
		c.put("999", struct{}{}, time.Hour)
	}
	if len(c.queue) > 2*100+64+1 {
		t.Errorf("queue holds %d entries for %d keys", len(c.queue), c.len())
	}
}
