package discord

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/google/go-cmp/cmp"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/bot/internal/replytest"
	"github.com/authorbot/authorbot/bot/internal/ttlcache"
)

// refusals counts VerifyFailed reasons.
type refusals struct {
	mu sync.Mutex
	n  map[string]int
}

func (r *refusals) add(reason string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.n == nil {
		r.n = map[string]int{}
	}
	r.n[reason]++
}

func (r *refusals) get() map[string]int {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := map[string]int{}
	for k, v := range r.n {
		out[k] = v
	}
	return out
}

func TestVerification(t *testing.T) {
	_, otherKey := testKey(9)
	now := time.Now()
	body := commandInteraction("100", "guild-1", "user-1", "en-US", "help")
	tests := []struct {
		name   string
		req    func() *http.Request
		status int
		reason string
	}{
		{"valid", func() *http.Request { return signed(testPriv(), now, body) }, http.StatusOK, ""},
		{"tampered body", func() *http.Request {
			r := signed(testPriv(), now, body)
			r.Body = readCloser(bytes.Replace(body, []byte(`"help"`), []byte(`"ask"`), 1))
			return r
		}, http.StatusUnauthorized, "signature"},
		{"tampered timestamp", func() *http.Request {
			r := signed(testPriv(), now, body)
			r.Header.Set("X-Signature-Timestamp", fmt.Sprint(now.Unix()+1))
			return r
		}, http.StatusUnauthorized, "signature"},
		{"wrong key", func() *http.Request { return signed(otherKey, now, body) }, http.StatusUnauthorized, "signature"},
		{"no signature", func() *http.Request {
			r := signed(testPriv(), now, body)
			r.Header.Del("X-Signature-Ed25519")
			return r
		}, http.StatusUnauthorized, "signature"},
		{"signature not hex", func() *http.Request {
			r := signed(testPriv(), now, body)
			r.Header.Set("X-Signature-Ed25519", "zz")
			return r
		}, http.StatusUnauthorized, "signature"},
		{"stale", func() *http.Request { return signed(testPriv(), now.Add(-6*time.Minute), body) }, http.StatusUnauthorized, "stale"},
		{"stamped in 2001", func() *http.Request {
			return signed(testPriv(), time.Date(2001, 9, 9, 1, 46, 40, 0, time.UTC), body)
		}, http.StatusUnauthorized, "stale"},
		{"future", func() *http.Request { return signed(testPriv(), now.Add(6*time.Minute), body) }, http.StatusUnauthorized, "future"},
		{"too big", func() *http.Request {
			big := append(bytes.Repeat([]byte(" "), maxBody), body...)
			return signed(testPriv(), now, big)
		}, http.StatusRequestEntityTooLarge, "size"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			var refused refusals
			a, _ := newTestAdapter(t, nil, rec, func(c *Config) { c.VerifyFailed = refused.add })
			status, _ := post(t, a, tt.req())
			if status != tt.status {
				t.Errorf("status = %d, want %d", status, tt.status)
			}
			want := map[string]int{}
			if tt.reason != "" {
				want[tt.reason] = 1
			}
			if diff := cmp.Diff(want, refused.get()); diff != "" {
				t.Errorf("refusals (-want +got):\n%s", diff)
			}
			if handled := len(rec.requests()); (handled == 1) != (tt.status == http.StatusOK) {
				t.Errorf("handler ran %d times", handled)
			}
		})
	}
}

func testPriv() ed25519.PrivateKey { _, p := testKey(7); return p }

func readCloser(b []byte) io.ReadCloser { return io.NopCloser(bytes.NewReader(b)) }

func TestPing(t *testing.T) {
	var refused refusals
	a, priv := newTestAdapter(t, nil, &recorder{}, func(c *Config) { c.VerifyFailed = refused.add })
	for range 2 { // Discord may ping more than once; a ping is never a replay
		status, out := post(t, a, signed(priv, time.Now(), pingInteraction()))
		if status != http.StatusOK || out["type"] != float64(1) {
			t.Errorf("PING got %d %v, want 200 {type: 1}", status, out)
		}
	}
	// Discord checks the endpoint with a bad signature and wants a 401.
	r := signed(priv, time.Now(), pingInteraction())
	r.Header.Set("X-Signature-Ed25519", strings.Repeat("00", 64))
	if status, _ := post(t, a, r); status != http.StatusUnauthorized {
		t.Errorf("PING with a bad signature got %d, want 401", status)
	}
	if got := refused.get(); got["signature"] != 1 {
		t.Errorf("refusals = %v", got)
	}
}

func TestNoPublicKey(t *testing.T) {
	a, err := New(Config{Token: "tok"})
	if err != nil {
		t.Fatal(err)
	}
	_, priv := testKey(7)
	if status, _ := post(t, a, signed(priv, time.Now(), pingInteraction())); status != http.StatusNotFound {
		t.Errorf("status = %d, want 404 without a public key", status)
	}
	if _, err := New(Config{PublicKey: "abc"}); err == nil {
		t.Error("New accepted a short public key")
	}
	// 64 hex characters that are not a point of the curve: every
	// signature would be refused, so the key is refused at the start.
	notAPoint := "02" + strings.Repeat("00", 31)
	if _, err := New(Config{PublicKey: notAPoint}); err == nil || !strings.Contains(err.Error(), "not an Ed25519 key") {
		t.Errorf("New(%s) = %v, want it refused as not an Ed25519 key", notAPoint, err)
	}
}

func TestReplay(t *testing.T) {
	rec := &recorder{}
	var refused refusals
	a, priv := newTestAdapter(t, nil, rec, func(c *Config) { c.VerifyFailed = refused.add })
	body := commandInteraction("200", "guild-1", "user-1", "en-US", "order",
		sub("add", num("quantity", 5), str("marketplace", "amazon.com"), str("title", "Book")))
	first := signed(priv, time.Now(), body)
	again := first.Clone(context.Background())
	again.Body = readCloser(body)
	if status, _ := post(t, a, first); status != http.StatusOK {
		t.Fatalf("first delivery: %d", status)
	}
	if status, _ := post(t, a, again); status != http.StatusUnauthorized {
		t.Errorf("replay: status %d, want 401", status)
	}
	if n := len(rec.requests()); n != 1 {
		t.Errorf("the handler ran %d times, want once", n)
	}
	if got := refused.get(); got["replay"] != 1 {
		t.Errorf("refusals = %v, want one replay", got)
	}
}

// TestReplayWhenFull fills the set of seen ids past its bound: an
// interaction signed no later than a forgotten one may be its replay, and
// is refused; one signed later is not.
func TestReplayWhenFull(t *testing.T) {
	a, _ := newTestAdapter(t, nil, &recorder{}, nil)
	a.seen = ttlcache.New[time.Time](seenTTL, 3, a.now)
	a.seen.OnEvict(a.raiseReplayFloor)
	now := time.Now()
	for i := range 4 {
		if !a.firstDelivery(fmt.Sprint(i), now.Add(time.Duration(i)*time.Second)) {
			t.Fatalf("delivery %d refused", i)
		}
	}
	if a.firstDelivery("0", now) {
		t.Error("the replay of a forgotten interaction was accepted")
	}
	if a.firstDelivery("other", now) {
		t.Error("an interaction signed with a forgotten one was accepted")
	}
	if !a.firstDelivery("late", now.Add(time.Second)) {
		t.Error("an interaction signed after the forgotten ones was refused")
	}
	if a.firstDelivery("3", now.Add(3*time.Second)) {
		t.Error("a replay of a remembered interaction was accepted")
	}
}

func TestCommandResponse(t *testing.T) {
	rec := &recorder{}
	a, priv := newTestAdapter(t, nil, rec, nil)
	body := commandInteraction("300", "guild-1", "user-1", "fr", "ask", str("question", "mon panier est vide"))
	rec.answer = func(req *bot.Request) *bot.Reply { return sampleAnswer("fr") }
	w := httptest.NewRecorder()
	a.ServeHTTP(w, signed(priv, time.Now(), body))
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	golden(t, "http-ask-fr", w.Body.Bytes())
	req := rec.requests()[0]
	if req.Locale != "fr" || req.User.Key() != "discord::user-1" || req.Received.IsZero() {
		t.Errorf("request = %+v", req)
	}
}

// TestButtons presses the buttons of an answer: share posts the answer
// in the channel; feedback and forget reach the handler exactly as
// Slack's do, as bot.Request{Action, Options{"value": v}}.
func TestButtons(t *testing.T) {
	rec := &recorder{}
	a, priv := newTestAdapter(t, nil, rec, nil)
	rec.answer = func(req *bot.Request) *bot.Reply {
		switch req.Action {
		case bot.ActionShare:
			r := sampleAnswer("en")
			r.Ephemeral, r.Buttons = false, nil
			return r
		case bot.ActionFeedback:
			return bot.Say("Thanks for telling me.")
		}
		return bot.Say("Done.")
	}
	longValue := strings.Repeat("9", 120)
	data := a.render(&bot.Reply{Blocks: []bot.Block{&bot.Text{Text: "x"}}, Buttons: append(replytest.AnswerButtons("cart-empty", "en"),
		bot.Button{Action: bot.ActionForget, Value: longValue, Label: "Forget", Style: bot.Danger})})
	ids := customIDs(data)
	if len(ids) != 4 {
		t.Fatalf("custom ids = %v", ids)
	}
	tests := []struct {
		id        string
		action    string
		value     string
		ephemeral bool
	}{
		{ids[0], bot.ActionShare, "cart-empty|en", false},
		{ids[1], bot.ActionFeedback, "cart-empty|en|yes", true},
		{ids[2], bot.ActionFeedback, "cart-empty|en|no", true},
		{ids[3], bot.ActionForget, longValue, true},
	}
	for n, tt := range tests {
		t.Run(tt.action, func(t *testing.T) {
			body := buttonInteraction(fmt.Sprint("btn-", n), "guild-1", "user-1", "en-US", tt.id)
			status, out := post(t, a, signed(priv, time.Now(), body))
			if status != http.StatusOK {
				t.Fatalf("status %d", status)
			}
			reqs := rec.requests()
			req := reqs[len(reqs)-1]
			if req.Action != tt.action || req.Option("value") != tt.value || req.Command != "" {
				t.Errorf("request = action %q value %q command %q, want %q %q", req.Action, req.Option("value"), req.Command, tt.action, tt.value)
			}
			if out["type"] != float64(4) {
				t.Errorf("response type = %v, want 4 (a new message)", out["type"])
			}
			d := out["data"].(map[string]any)
			flags, _ := d["flags"].(float64)
			if got := flags == 64; got != tt.ephemeral {
				t.Errorf("ephemeral = %v, want %v", got, tt.ephemeral)
			}
			if _, ok := d["allowed_mentions"].(map[string]any)["parse"].([]any); !ok {
				t.Errorf("allowed_mentions = %v", d["allowed_mentions"])
			}
		})
	}
	if ids[0] != "b:share:cart-empty|en" {
		t.Errorf("share custom id = %q", ids[0])
	}
}

func TestExpiredButton(t *testing.T) {
	rec := &recorder{}
	a, priv := newTestAdapter(t, nil, rec, nil)
	id, _, long := customID(bot.ActionForget, strings.Repeat("9", 120))
	if !long {
		t.Fatal("value not long enough")
	}
	status, out := post(t, a, signed(priv, time.Now(), buttonInteraction("exp-1", "g", "u", "fr", id)))
	if status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	d := out["data"].(map[string]any)
	if !strings.Contains(fmt.Sprint(d["content"]), "expiré") || d["flags"] != float64(64) {
		t.Errorf("response = %v, want a private French notice", d)
	}
	if len(rec.requests()) != 0 {
		t.Error("the handler ran for an expired button")
	}
}

func customIDs(data *discordgo.InteractionResponseData) []string {
	var ids []string
	for _, row := range data.Components {
		for _, c := range row.(discordgo.ActionsRow).Components {
			ids = append(ids, c.(discordgo.Button).CustomID)
		}
	}
	return ids
}

// completer suggests topics and the asking author's orders.
type completer struct{}

func (completer) Complete(ctx context.Context, req *bot.Request, option, partial string) []bot.Choice {
	switch option {
	case "topic":
		return []bot.Choice{{Name: "Cart is empty (" + req.Locale + ")", Value: "cart-empty"}, {Name: "Proof copies", Value: "proof-copies"}}
	case "number":
		var out []bot.Choice
		for n := 1; n <= 40; n++ {
			out = append(out, bot.Choice{Name: fmt.Sprintf("#%d %s's book", n, req.User.ID), Value: fmt.Sprint(n)})
		}
		return out
	case "marketplace":
		panic("completer bug")
	}
	return nil
}

func TestAutocomplete(t *testing.T) {
	tests := []struct {
		name string
		body []byte
	}{
		{"topic", autocompleteInteraction("ac-1", "fr", "help", typing(str("topic", "pani")))},
		{"order-number", autocompleteInteraction("ac-2", "en-US", "order", sub("show", typing(str("number", "")), str("other", "x")))},
		{"panic", autocompleteInteraction("ac-3", "en-US", "order", sub("add", typing(str("marketplace", "amaz"))))},
		{"no-focus", autocompleteInteraction("ac-4", "en-US", "help", str("topic", "x"))},
	}
	a, priv := newTestAdapter(t, nil, &recorder{}, func(c *Config) { c.Completer = completer{} })
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := httptest.NewRecorder()
			a.ServeHTTP(w, signed(priv, time.Now(), tt.body))
			if w.Code != http.StatusOK {
				t.Fatalf("status %d", w.Code)
			}
			golden(t, "http-autocomplete-"+tt.name, w.Body.Bytes())
		})
	}
	t.Run("no completer", func(t *testing.T) {
		a, priv := newTestAdapter(t, nil, &recorder{}, nil)
		_, out := post(t, a, signed(priv, time.Now(), tests[0].body))
		if fmt.Sprint(out) != "map[data:map[choices:[]] type:8]" {
			t.Errorf("response = %v, want no choices", out)
		}
	})
}

// slowHandler blocks until release is closed, to take the deferred path.
func slowHandler(reply func(*bot.Request) *bot.Reply) (*recorder, chan struct{}) {
	release := make(chan struct{})
	return &recorder{answer: func(req *bot.Request) *bot.Reply {
		<-release
		return reply(req)
	}}, release
}

// TestDeferredHTTP: a handler slower than the deadline gets a type 5
// response (private, like the answer will be), and the answer replaces it
// through PATCH webhooks/{app}/{token}/messages/@original.
func TestDeferredHTTP(t *testing.T) { synctest.Test(t, testDeferredHTTP) }

func testDeferredHTTP(t *testing.T) {
	f := newFakeDiscord(t)
	rec, release := slowHandler(func(*bot.Request) *bot.Reply { return sampleAnswer("en") })
	a, priv := newTestAdapter(t, f, rec, func(c *Config) { c.DeferAfter = 10 * time.Millisecond })
	body := commandInteraction("slow-1", "guild-1", "user-1", "en-US", "ask", str("question", "cart empty"))
	answered := postDeferred(t, a, signed(priv, time.Now(), body))
	if n := len(f.recorded()); n != 0 {
		t.Errorf("%d calls to Discord before the answer was ready", n)
	}
	close(release)
	status, out := answered()
	if status != http.StatusOK || out["type"] != float64(5) {
		t.Fatalf("got %d %v, want a type 5 deferral", status, out)
	}
	if d := out["data"].(map[string]any); d["flags"] != float64(64) {
		t.Errorf("deferral flags = %v, want 64 (ephemeral kept)", d["flags"])
	}
	calls := f.wait(1)
	c := calls[0]
	if c.Method != "PATCH" || c.Path != "webhooks/app-1/tok-slow-1/messages/@original" {
		t.Fatalf("call = %s %s, want PATCH webhooks/app-1/tok-slow-1/messages/@original", c.Method, c.Path)
	}
	golden(t, "deferred-edit", indentJSON(t, c.Body))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := a.Run(ctx); err != nil { // returns once the deferred answer is sent
		t.Fatal(err)
	}
}

// TestDeferredShareFails: a share deferred in public whose answer is a
// private error must not reach the channel.
func TestDeferredShareFails(t *testing.T) { synctest.Test(t, testDeferredShareFails) }

func testDeferredShareFails(t *testing.T) {
	f := newFakeDiscord(t)
	rec, release := slowHandler(func(*bot.Request) *bot.Reply {
		return bot.Say("Only answers can be shared in the channel, not your orders or data.")
	})
	a, priv := newTestAdapter(t, f, rec, func(c *Config) { c.DeferAfter = 10 * time.Millisecond })
	answered := postDeferred(t, a, signed(priv, time.Now(), buttonInteraction("slow-2", "guild-1", "user-1", "en-US", "b:share:/order list")))
	close(release)
	_, out := answered()
	if out["type"] != float64(5) {
		t.Fatalf("response = %v, want a deferral", out)
	}
	if d, _ := out["data"].(map[string]any); d["flags"] != nil {
		t.Errorf("a share was deferred in private: %v", d)
	}
	calls := f.wait(2)
	if calls[0].Method != "DELETE" || calls[0].Path != "webhooks/app-1/tok-slow-2/messages/@original" {
		t.Errorf("first call = %s %s, want the public placeholder deleted", calls[0].Method, calls[0].Path)
	}
	if calls[1].Method != "POST" || calls[1].Path != "webhooks/app-1/tok-slow-2" || calls[1].Body["flags"] != float64(64) {
		t.Errorf("second call = %s %s %v, want a private follow-up", calls[1].Method, calls[1].Path, calls[1].Body)
	}
}

// TestRESTErrorsHideTokens: a failed call to Discord is logged without
// the interaction token that its URL holds.
func TestRESTErrorsHideTokens(t *testing.T) {
	f := newFakeDiscord(t)
	f.fail("PATCH", "webhooks/messages/@original", http.StatusNotFound)
	a, _ := newTestAdapter(t, f, &recorder{}, nil)
	i := decode(t, commandInteraction("e-1", "g", "u", "en-US", "help"))
	i.Token = "secret-token"
	err := a.finish(context.Background(), time.Now().Add(time.Minute), i, true, bot.Say("x"))
	if err == nil || strings.Contains(err.Error(), "secret-token") {
		t.Errorf("error = %v, want one without the token", err)
	}
	a.calls = &http.Client{Transport: unreachable{}}
	err = a.rest(context.Background(), time.Now().Add(time.Minute), http.MethodPost, "webhooks/app/secret-token", payload{})
	if err == nil || strings.Contains(err.Error(), "secret-token") {
		t.Errorf("transport error = %v, want one without the token", err)
	}
}

type unreachable struct{}

func (unreachable) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errors.New("connection refused")
}

// TestDeferredEditRateLimited: when Discord answers the edit of a
// deferred reply with 429, the edit is made again after the wait Discord
// asks for (in the body, or else the Retry-After header), for as long as
// the interaction's token lasts, instead of leaving "thinking…" for ever.
// Each case runs in a bubble: the waits pass on its clock, and are read
// from the times the edits reach the fake Discord.
func TestDeferredEditRateLimited(t *testing.T) {
	many := make([]answer, 30)
	for n := range many {
		many[n] = rateLimited(60, "60")
	}
	tests := []struct {
		name      string
		answers   []answer
		waits     []time.Duration
		delivered bool
	}{
		{"twice, retry_after in the body", []answer{rateLimited(1.5, "2"), rateLimited(0.25, "1")}, []time.Duration{1500 * time.Millisecond, 250 * time.Millisecond}, true},
		{"Retry-After header only", []answer{rateLimited(0, "3")}, []time.Duration{3 * time.Second}, true},
		{"no wait asked", []answer{rateLimited(0, "0")}, []time.Duration{minRetryWait}, true},
		{"a wait past the token's life", []answer{rateLimited(900, "900")}, nil, false},
		// 13 waits of a minute fit in the 14 minutes kept of the token's 15.
		{"until the token runs out", many, slices.Repeat([]time.Duration{time.Minute}, 13), false},
	}
	for n, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				f := newFakeDiscord(t)
				f.answerFirst("PATCH", "webhooks/messages/@original", tt.answers...)
				var logs bytes.Buffer
				rec, release := slowHandler(func(*bot.Request) *bot.Reply { return bot.Say("Here you are.") })
				a, priv := newTestAdapter(t, f, rec, func(c *Config) {
					c.DeferAfter = 10 * time.Millisecond
					c.Log = slog.New(slog.NewTextHandler(&logs, nil))
				})
				id := fmt.Sprint("limited-", n)
				answered := postDeferred(t, a, signed(priv, time.Now(), commandInteraction(id, "guild-1", "user-1", "en-US", "help")))
				close(release)
				if _, out := answered(); out["type"] != float64(5) {
					t.Fatalf("response = %v, want a deferral", out)
				}
				// Not Run: it waits a minute at most, and the retries take longer.
				a.busy.Wait(context.Background())
				calls := f.recorded()
				if diff := cmp.Diff(tt.waits, gaps(calls)); diff != "" {
					t.Errorf("waits (-want +got):\n%s", diff)
				}
				if len(calls) != len(tt.waits)+1 {
					t.Errorf("%d edits, want %d", len(calls), len(tt.waits)+1)
				}
				for _, c := range calls {
					if c.Method != "PATCH" || c.Path != "webhooks/app-1/tok-"+id+"/messages/@original" || c.Body["content"] != "Here you are." {
						t.Errorf("call = %s %s %v, want the same edit each time", c.Method, c.Path, c.Body)
					}
				}
				failed := strings.Contains(logs.String(), "deferred answer failed")
				if failed == tt.delivered {
					t.Errorf("delivered = %v, want %v; log:\n%s", !failed, tt.delivered, logs.String())
				}
				if strings.Contains(logs.String(), "tok-"+id) {
					t.Errorf("the log shows the interaction token:\n%s", logs.String())
				}
			})
		})
	}
}

// TestRefusalsLogQuietly: anyone can send unsigned or replayed requests,
// as many as they like, so a refusal is logged at debug level only (and
// counted through VerifyFailed).
func TestRefusalsLogQuietly(t *testing.T) {
	var info, debug bytes.Buffer
	both := slog.New(teeHandler{
		slog.NewTextHandler(&info, &slog.HandlerOptions{Level: slog.LevelInfo}),
		slog.NewTextHandler(&debug, &slog.HandlerOptions{Level: slog.LevelDebug}),
	})
	a, priv := newTestAdapter(t, nil, &recorder{}, func(c *Config) { c.Log = both })
	body := commandInteraction("quiet-1", "guild-1", "user-1", "en-US", "help")
	if status, _ := post(t, a, signed(priv, time.Now(), body)); status != http.StatusOK {
		t.Fatalf("first delivery: %d", status)
	}
	info.Reset()
	debug.Reset()
	unsigned := httptest.NewRequest(http.MethodPost, "/discord/interactions", bytes.NewReader(body))
	_, other := testKey(9)
	for _, r := range []*http.Request{
		unsigned,
		signed(other, time.Now(), body),
		signed(priv, time.Now().Add(-time.Hour), body),
		signed(priv, time.Now(), body), // a replay
	} {
		for range 100 {
			r := r.Clone(context.Background())
			r.Body = readCloser(body)
			if status, _ := post(t, a, r); status != http.StatusUnauthorized {
				t.Fatalf("status %d, want 401", status)
			}
		}
	}
	if info.Len() != 0 {
		t.Errorf("refusals were logged at info level or above:\n%.500s", info.String())
	}
	for _, reason := range []string{"signature", "stale", "replay"} {
		if !strings.Contains(debug.String(), "reason="+reason) {
			t.Errorf("no debug line for the %s refusals", reason)
		}
	}
}

// teeHandler sends each record to every handler that takes its level.
type teeHandler []slog.Handler

func (t teeHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return slices.ContainsFunc(t, func(h slog.Handler) bool { return h.Enabled(ctx, l) })
}

func (t teeHandler) Handle(ctx context.Context, r slog.Record) error {
	for _, h := range t {
		if h.Enabled(ctx, r.Level) {
			if err := h.Handle(ctx, r.Clone()); err != nil {
				return err
			}
		}
	}
	return nil
}

func (t teeHandler) WithAttrs(as []slog.Attr) slog.Handler {
	out := make(teeHandler, len(t))
	for n, h := range t {
		out[n] = h.WithAttrs(as)
	}
	return out
}

func (t teeHandler) WithGroup(g string) slog.Handler {
	out := make(teeHandler, len(t))
	for n, h := range t {
		out[n] = h.WithGroup(g)
	}
	return out
}
