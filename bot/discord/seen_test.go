package discord

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"
	"time"
)

// sharedSeen is a bot.Seen that several adapters share, as replicas share
// their database's; fail makes it fail.
type sharedSeen struct {
	mu   sync.Mutex
	keys map[string]bool
	fail bool
}

func (s *sharedSeen) FirstSeen(_ context.Context, key string, _ time.Duration) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail {
		return false, errors.New("database down")
	}
	if s.keys[key] {
		return false, nil
	}
	if s.keys == nil {
		s.keys = map[string]bool{}
	}
	s.keys[key] = true
	return true, nil
}

// TestReplayOnAnotherReplica sends an interaction to one adapter and its
// replay to another that shares its record of interactions: the replay is
// refused.
func TestReplayOnAnotherReplica(t *testing.T) {
	rec := &recorder{}
	seen := &sharedSeen{}
	var refused refusals
	a, priv := newTestAdapter(t, nil, rec, func(c *Config) { c.Seen = seen })
	b, _ := newTestAdapter(t, nil, rec, func(c *Config) { c.Seen = seen; c.VerifyFailed = refused.add })
	body := commandInteraction("300", "guild-1", "user-1", "en-US", "order",
		sub("add", num("quantity", 5), str("marketplace", "amazon.com"), str("title", "Book")))
	first := signed(priv, time.Now(), body)
	again := first.Clone(context.Background())
	again.Body = readCloser(body)
	if status, _ := post(t, a, first); status != http.StatusOK {
		t.Fatalf("first delivery: %d", status)
	}
	if status, _ := post(t, b, again); status != http.StatusUnauthorized {
		t.Errorf("replay on the other replica: status %d, want 401", status)
	}
	if n := len(rec.requests()); n != 1 {
		t.Errorf("the handler ran %d times, want once", n)
	}
	if got := refused.get(); got["replay"] != 1 {
		t.Errorf("refusals = %v, want one replay", got)
	}

	// Unsure whether it ran, the adapter refuses it for now.
	seen.fail = true
	other := commandInteraction("301", "guild-1", "user-1", "en-US", "order", sub("list"))
	if status, _ := post(t, b, signed(priv, time.Now(), other)); status != http.StatusServiceUnavailable {
		t.Errorf("with the record unreadable: status %d, want 503", status)
	}
	if n := len(rec.requests()); n != 1 {
		t.Errorf("the handler ran %d times, want once", n)
	}
}
