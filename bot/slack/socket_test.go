package slack

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slack-go/slack/slacktest"

	"github.com/authorbot/authorbot/bot"
)

// socketServer is slack-go's fake Slack, serving apps.connections.open and
// the Socket Mode websocket, with chat.postMessage recorded.
type socketServer struct {
	*slacktest.Server
	posts chan url.Values
}

func newSocketServer(t *testing.T) *socketServer {
	t.Helper()
	s := &socketServer{posts: make(chan url.Values, 4)}
	s.Server = slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
			r.ParseForm()
			s.posts <- r.PostForm
			io.WriteString(w, `{"ok":true,"channel":"D1","ts":"1.2"}`)
		})
	})
	s.Start()
	t.Cleanup(s.Stop)
	return s
}

// ack waits for the adapter's acknowledgement of an envelope.
func (s *socketServer) ack(t *testing.T, envelope string) json.RawMessage {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case m := <-s.SeenFeed:
			var got struct {
				EnvelopeID string          `json:"envelope_id"`
				Payload    json.RawMessage `json:"payload"`
			}
			if json.Unmarshal([]byte(m), &got) == nil && got.EnvelopeID == envelope {
				return got.Payload
			}
		case <-timeout:
			t.Fatalf("envelope %s was not acknowledged", envelope)
			return nil
		}
	}
}

// send delivers one Socket Mode envelope to the adapter.
func (s *socketServer) send(t *testing.T, typ, envelope string, payload any) {
	t.Helper()
	b, err := json.Marshal(map[string]any{
		"envelope_id": envelope, "type": typ, "payload": payload, "accepts_response_payload": typ == "slash_commands",
	})
	if err != nil {
		t.Fatal(err)
	}
	s.SendToWebsocket(string(b))
}

// runSocketMode runs a's Socket Mode loop until the test ends, and then
// checks that it stopped without an error.
func runSocketMode(t *testing.T, a *Adapter) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
}

func TestSocketMode(t *testing.T) {
	srv := newSocketServer(t)
	hook := newResponseURL(t)
	f := newFakeRouter()
	a, _ := newTestAdapter(t, f, func(c *Config) {
		c.SigningSecret = ""
		c.AppToken, c.BotToken = "xapp-1-test", "xoxb-test"
		c.APIURL = srv.GetAPIURL() // with its trailing slash, as slack-go needs
		c.PingInterval = time.Minute
	})
	runSocketMode(t, a)

	t.Run("slash command", func(t *testing.T) {
		srv.send(t, "slash_commands", "env-1", map[string]any{
			"team_id": "T1", "user_id": "U1", "user_name": "ann", "command": "/ask",
			"text": "my cart is empty", "response_url": hook.URL, "trigger_id": "1.2",
		})
		var msg posted
		if err := json.Unmarshal(srv.ack(t, "env-1"), &msg); err != nil {
			t.Fatalf("ack payload: %v", err)
		}
		if msg.ResponseType != "ephemeral" || !strings.Contains(msg.Text, "You asked: my cart is empty") {
			t.Errorf("acknowledged with %+v", msg)
		}
		if !strings.Contains(string(msg.Blocks), `"type":"header"`) {
			t.Errorf("blocks = %s", msg.Blocks)
		}
	})

	t.Run("keyed reply, twice", func(t *testing.T) {
		// The second answer is sent from the JSON kept for the first.
		for i, env := range []string{"env-k1", "env-k2"} {
			srv.send(t, "slash_commands", env, map[string]any{
				"team_id": "T1", "user_id": "U1", "command": "/ask",
				"text": "keyed k1 text", "response_url": hook.URL, "trigger_id": "3." + env,
			})
			var msg posted
			if err := json.Unmarshal(srv.ack(t, env), &msg); err != nil {
				t.Fatalf("ack %d payload: %v", i, err)
			}
			if msg.ResponseType != "ephemeral" || !strings.Contains(msg.Text, "You asked: keyed k1 text") {
				t.Errorf("ack %d: %+v", i, msg)
			}
		}
	})

	t.Run("redelivered envelope", func(t *testing.T) {
		before := len(f.requests())
		srv.send(t, "slash_commands", "env-1", map[string]any{
			"team_id": "T1", "user_id": "U1", "command": "/ask", "text": "my cart is empty",
		})
		if p := srv.ack(t, "env-1"); len(p) != 0 {
			t.Errorf("redelivery acknowledged with %s; want an empty ack", p)
		}
		if n := len(f.requests()); n != before {
			t.Errorf("the redelivered command ran again")
		}
	})

	t.Run("button", func(t *testing.T) {
		srv.send(t, "interactive", "env-2", map[string]any{
			"type": "block_actions", "team": map[string]any{"id": "T1"},
			"user":         map[string]any{"id": "U1", "username": "ann"},
			"response_url": hook.URL,
			"actions":      []map[string]any{{"type": "button", "block_id": "b1", "action_id": "share-0", "value": "share:/help cart-empty"}},
		})
		srv.ack(t, "env-2")
		if got := hook.next(t); got.ResponseType != "in_channel" {
			t.Errorf("shared over the socket: %+v", got)
		}
		if got := hook.next(t); !got.DeleteOriginal {
			t.Errorf("then %+v; want the original deleted", got)
		}
	})

	t.Run("notify", func(t *testing.T) {
		err := a.Notify(context.Background(), bot.User{Platform: bot.Slack, Workspace: "T1", ID: "U7"}, bot.Say("Your proofs should have arrived."))
		if err != nil {
			t.Fatalf("Notify: %v", err)
		}
		select {
		case form := <-srv.posts:
			if form.Get("channel") != "U7" || !strings.Contains(form.Get("text"), "proofs") {
				t.Errorf("chat.postMessage form = %v", form)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("nothing posted")
		}
	})
}

// TestSocketModeLate checks the deadline over the socket: a slow command
// is acknowledged empty and its reply posted to the response URL.
func TestSocketModeLate(t *testing.T) {
	srv := newSocketServer(t)
	hook := newResponseURL(t)
	f := newFakeRouter()
	f.gate = make(chan struct{})
	a, _ := newTestAdapter(t, f, func(c *Config) {
		c.SigningSecret, c.AppToken, c.APIURL = "", "xapp-1-test", srv.GetAPIURL()
		c.PingInterval = time.Minute
		c.Budget = 20 * time.Millisecond
	})
	runSocketMode(t, a)

	srv.send(t, "slash_commands", "env-late", map[string]any{
		"team_id": "T1", "user_id": "U1", "command": "/ask", "text": "wait", "response_url": hook.URL,
	})
	if p := srv.ack(t, "env-late"); len(p) != 0 {
		t.Errorf("late command acknowledged with %s; want an empty ack", p)
	}
	close(f.gate)
	if got := hook.next(t); !strings.Contains(got.Text, "You asked: wait") {
		t.Errorf("late reply = %+v", got)
	}
}

func TestRunNeedsAppToken(t *testing.T) {
	a, _ := newTestAdapter(t, newFakeRouter(), nil)
	if err := a.Run(context.Background()); err == nil {
		t.Error("Run without an app-level token did not fail")
	}
}

// gatedOpens lets the first apps.connections.open through and holds every
// later one until gate is closed: a reconnection the test can keep from
// completing.
type gatedOpens struct {
	opens atomic.Int32
	gate  chan struct{}
}

func (g *gatedOpens) RoundTrip(r *http.Request) (*http.Response, error) {
	if strings.HasSuffix(r.URL.Path, "/apps.connections.open") && g.opens.Add(1) > 1 {
		select {
		case <-g.gate:
		case <-r.Context().Done():
			return nil, r.Context().Err()
		}
	}
	return http.DefaultTransport.RoundTrip(r)
}

// eventually waits for cond, failing the test after a while.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("still not %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestHealthy follows the socket through its life: not healthy before it
// connects, healthy once connected, not healthy from a disconnect until it
// has connected again, and not healthy once Run has returned.
func TestHealthy(t *testing.T) {
	srv := newSocketServer(t)
	gated := &gatedOpens{gate: make(chan struct{})}
	a, _ := newTestAdapter(t, newFakeRouter(), func(c *Config) {
		c.SigningSecret, c.AppToken, c.APIURL = "", "xapp-1-test", srv.GetAPIURL()
		c.PingInterval = time.Minute
		c.HTTPClient = &http.Client{Timeout: 10 * time.Second, Transport: gated}
	})
	if a.Healthy() == nil {
		t.Error("healthy before Run")
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	eventually(t, "healthy after connecting", func() bool { return a.Healthy() == nil })

	// Slack asks the app to reconnect; the new connection is held open.
	srv.SendToWebsocket(`{"type":"disconnect","reason":"refresh_requested"}`)
	eventually(t, "unhealthy after a disconnect", func() bool { return a.Healthy() != nil })
	close(gated.gate)
	eventually(t, "healthy after reconnecting", func() bool { return a.Healthy() == nil })

	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run: %v", err)
	}
	if a.Healthy() == nil {
		t.Error("healthy after Run returned")
	}

	httpOnly, _ := newTestAdapter(t, newFakeRouter(), nil)
	if err := httpOnly.Healthy(); err != nil {
		t.Errorf("an HTTP-only adapter keeps no connection, but is unhealthy: %v", err)
	}
}

// The server's /readyz asks adapters that keep a connection.
var _ bot.Health = (*Adapter)(nil)
