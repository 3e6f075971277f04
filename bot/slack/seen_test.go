package slack

import (
	"context"
	"errors"
	"io"
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

// TestReplayOnAnotherReplica sends a command to one adapter and its retry
// to another that shares its record of requests: the retry is refused.
func TestReplayOnAnotherReplica(t *testing.T) {
	now := time.Now()
	body := commandBody("T1", "U1", "/order", "add 5", "")
	seen := &sharedSeen{}
	f := newFakeRouter()
	share := func(c *Config) { c.Seen = seen }
	a, _ := newTestAdapter(t, f, share)
	b, rs := newTestAdapter(t, f, share)
	if w := serve(a, signedRequest("/slack/commands", testSecret, now, body)); w.Code != http.StatusOK || w.Body.Len() == 0 {
		t.Fatalf("first delivery: status %d, body %q", w.Code, w.Body)
	}
	retry := signedRequest("/slack/commands", testSecret, now.Add(2*time.Second), body)
	retry.Header.Set("X-Slack-Retry-Num", "1")
	if w := serve(b, retry); w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Errorf("retry on the other replica: status %d, body %q; want 200 and no body", w.Code, w.Body)
	}
	if n := len(f.requests()); n != 1 {
		t.Errorf("the command ran %d times, want once", n)
	}
	if got := rs.get(); len(got) != 1 || got[0] != "replay" {
		t.Errorf("reasons = %v, want [replay]", got)
	}

	// Unsure whether it ran, the adapter refuses it for Slack to retry.
	seen.fail = true
	other := commandBody("T1", "U1", "/order", "list", "")
	if w := serve(b, signedRequest("/slack/commands", testSecret, now, other)); w.Code != http.StatusServiceUnavailable {
		t.Errorf("with the record unreadable: status %d, want 503", w.Code)
	}
	if n := len(f.requests()); n != 1 {
		t.Errorf("the command ran %d times, want once", n)
	}
}

// TestEventRetryOnAnotherReplica sends an Events API event to one
// adapter and Slack's retry of it to another that shares its record of
// requests: the retry is answered and not acted on, so a workspace that
// installed the app again meanwhile keeps its new token.
func TestEventRetryOnAnotherReplica(t *testing.T) {
	f := newFakeSlack(t)
	installs := newMemInstalls()
	seen := &sharedSeen{}
	share := func(c *Config) { c.Seen = seen }
	a, _ := newInstallAdapter(t, f, installs, io.Discard, share)
	b, _ := newInstallAdapter(t, f, installs, io.Discard, share)
	ctx := context.Background()
	installs.SaveToken(ctx, "T1", "UBOT", "xoxb-old")
	body := eventBody("T1", map[string]any{"type": "app_uninstalled"})
	if w := serve(a, signedJSON(EventsPath, body)); w.Code != http.StatusOK {
		t.Fatalf("app_uninstalled = %d", w.Code)
	}
	if got, _ := installs.Token(ctx, "T1"); got != "" {
		t.Fatalf("token after app_uninstalled = %q", got)
	}
	installs.SaveToken(ctx, "T1", "UBOT", "xoxb-new")
	retry := signedJSON(EventsPath, body)
	retry.Header.Set("X-Slack-Retry-Num", "1")
	if w := serve(b, retry); w.Code != http.StatusOK {
		t.Errorf("retry on the other replica = %d, want 200", w.Code)
	}
	if got, _ := installs.Token(ctx, "T1"); got != "xoxb-new" {
		t.Errorf("the retry was acted on: token %q, want xoxb-new", got)
	}
}
