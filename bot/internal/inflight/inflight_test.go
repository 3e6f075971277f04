package inflight

import (
	"context"
	"errors"
	"testing"
)

func TestWaitIdle(t *testing.T) {
	var c Counter
	if err := c.Wait(context.Background()); err != nil {
		t.Errorf("Wait with nothing in flight = %v, want nil", err)
	}
	c.Add()
	c.Done()
	if err := c.Wait(context.Background()); err != nil {
		t.Errorf("Wait after all work is done = %v, want nil", err)
	}
}

func TestWaitForWork(t *testing.T) {
	var c Counter
	c.Add()
	c.Add()
	waited := make(chan error)
	go func() { waited <- c.Wait(context.Background()) }()
	c.Done()
	// Work that starts while Wait waits is waited for too.
	c.Add()
	c.Done()
	select {
	case err := <-waited:
		t.Fatalf("Wait returned %v with work in flight", err)
	default:
	}
	c.Done()
	if err := <-waited; err != nil {
		t.Errorf("Wait = %v, want nil", err)
	}
}

func TestWaitCancelled(t *testing.T) {
	var c Counter
	c.Add()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := c.Wait(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Wait = %v, want %v", err, context.Canceled)
	}
	c.Done()
}

func TestDoneWithoutAdd(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Done without Add did not panic")
		}
	}()
	var c Counter
	c.Done()
}
