package discord

import (
	"fmt"
	"testing"
	"time"
)

func TestTTLCache(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := newTTLCache[int](time.Minute, 3)
	var evicted []int
	c.evicted = func(v int) { evicted = append(evicted, v) }

	if !c.addNew("a", 1, now) || c.addNew("a", 2, now) {
		t.Fatal("addNew: a second add of a live key succeeded, or the first failed")
	}
	c.put("b", 2, now)
	c.put("c", 3, now)
	c.put("d", 4, now) // full: evicts a, the oldest
	if _, ok := c.get("a", now); ok || c.len() != 3 {
		t.Errorf("after overflow: a kept = %v, len %d", ok, c.len())
	}
	if fmt.Sprint(evicted) != "[1]" {
		t.Errorf("evicted = %v, want [1]", evicted)
	}
	if v, ok := c.get("d", now.Add(59*time.Second)); !ok || v != 4 {
		t.Errorf("get d = %v, %v", v, ok)
	}
	if _, ok := c.get("d", now.Add(time.Minute)); ok {
		t.Error("an expired entry was returned")
	}
	c.put("e", 5, now.Add(time.Minute)) // expires b, c, d: none evicted early
	if c.len() != 1 || len(evicted) != 1 {
		t.Errorf("after expiry: len %d, evicted %v", c.len(), evicted)
	}
	if !c.addNew("b", 6, now.Add(time.Minute)) {
		t.Error("an expired key could not be added again")
	}
	// Storing the same key again and again keeps the queue bounded.
	for i := range 1000 {
		c.put("e", i, now.Add(time.Minute))
	}
	if len(c.queue) > 2*c.max+64 {
		t.Errorf("queue grew to %d", len(c.queue))
	}
}
