// Package inflight counts work that outlives the request which started it,
// such as a reply posted after its request was acknowledged, so that an
// adapter can let that work finish before it shuts down.
package inflight

import (
	"context"
	"sync"
)

// Counter counts work in flight. Unlike a sync.WaitGroup, work may start
// while someone waits (a command arriving during shutdown). The zero
// Counter is ready to use; it must not be copied after first use.
type Counter struct {
	mu   sync.Mutex
	n    int
	idle chan struct{} // closed when n drops to zero; nil while n is zero
}

// Add records the start of one piece of work.
func (c *Counter) Add() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n == 0 {
		c.idle = make(chan struct{})
	}
	c.n++
}

// Done records the end of one piece of work started with Add.
func (c *Counter) Done() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n == 0 {
		panic("inflight: Done without Add")
	}
	c.n--
	if c.n == 0 {
		close(c.idle)
		c.idle = nil
	}
}

// Wait returns nil once nothing is in flight, or ctx's error if ctx ends
// first. Work started while it waits is waited for too.
func (c *Counter) Wait(ctx context.Context) error {
	for {
		c.mu.Lock()
		idle := c.idle
		c.mu.Unlock()
		if idle == nil {
			return nil
		}
		select {
		case <-idle:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}
