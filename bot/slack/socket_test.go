package slack

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/gorilla/websocket"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/bot/internal/memnet"
)

// socketServer is a fake of Slack for Socket Mode, in memory, so that a
// test runs in a synctest bubble and its timers (the command budget,
// Slack's pings, slack-go's reconnection backoff) pass on the bubble's
// clock. It serves apps.connections.open, the websocket (a hello, then
// what the test sends, and a ping every socketPing), chat.postMessage
// (recorded), and a response URL at /hook (recorded in hook).
type socketServer struct {
	*httptest.Server
	ln    *memnet.Listener
	hook  *responseURL // its msgs only: it is served here at /hook
	posts chan url.Values
	out   chan string // messages to send on the websocket
	acks  chan []byte // messages the adapter sent
	// gate, when set, holds every apps.connections.open after the first
	// until it is closed: a reconnection the test can keep from completing.
	gate  chan struct{}
	opens atomic.Int32
}

// socketPing is how often the fake pings the adapter, as Slack does.
const socketPing = 10 * time.Second

func newSocketServer(t *testing.T) *socketServer {
	t.Helper()
	s := &socketServer{
		hook:  &responseURL{msgs: make(chan posted, 16)},
		posts: make(chan url.Values, 4),
		out:   make(chan string),
		acks:  make(chan []byte, 16),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/apps.connections.open", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer xapp-1-test" {
			t.Errorf("apps.connections.open without the app-level token")
		}
		if s.opens.Add(1) > 1 && s.gate != nil {
			select {
			case <-s.gate:
			case <-r.Context().Done():
				return
			}
		}
		io.WriteString(w, `{"ok":true,"url":"ws://slack.test/link"}`)
	})
	mux.HandleFunc("POST /api/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		s.posts <- r.PostForm
		io.WriteString(w, `{"ok":true,"channel":"D1","ts":"1.2"}`)
	})
	mux.HandleFunc("POST /api/users.info", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"ok":true,"user":{"id":"U1","name":"ann","locale":"en-US"}}`)
	})
	mux.HandleFunc("GET /link", s.websocket(t))
	mux.Handle("POST /hook", s.hook.handler(t))
	s.Server, s.ln = memnet.NewServer("slack.test:80", mux)
	t.Cleanup(s.Close)
	return s
}

// use points c at the fake: its Web API, response URL and websocket, all
// reached in memory.
func (s *socketServer) use(t *testing.T, c *Config) {
	tr := s.ln.Transport()
	t.Cleanup(tr.CloseIdleConnections)
	c.SigningSecret = ""
	c.AppToken, c.BotToken = "xapp-1-test", "xoxb-test"
	c.APIURL = s.URL + "/api/" // with its trailing slash, as slack-go needs
	c.HTTPClient = &http.Client{Timeout: 5 * time.Second, Transport: tr}
	c.SocketDial = s.ln.DialContext
	c.PingInterval = time.Minute
}

// websocket serves one Socket Mode connection: hello first, as Slack
// sends it, then the test's messages and pings, until either side closes.
func (s *socketServer) websocket(t *testing.T) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		conn, err := (&websocket.Upgrader{CheckOrigin: anyOrigin}).Upgrade(w, r, nil)
		if err != nil {
			t.Errorf("websocket upgrade: %v", err)
			return
		}
		defer conn.Close()
		read := make(chan struct{})
		go func() {
			defer close(read)
			for {
				_, m, err := conn.ReadMessage()
				if err != nil {
					return
				}
				s.acks <- m
			}
		}()
		hello := `{"type":"hello","num_connections":1,"connection_info":{"app_id":"A1"}}`
		if conn.WriteMessage(websocket.TextMessage, []byte(hello)) != nil {
			return
		}
		ping := time.NewTicker(socketPing)
		defer ping.Stop()
		for {
			select {
			case m := <-s.out:
				if conn.WriteMessage(websocket.TextMessage, []byte(m)) != nil {
					return
				}
			case <-ping.C:
				if conn.WriteControl(websocket.PingMessage, nil, time.Now().Add(time.Second)) != nil {
					return
				}
			case <-read:
				return
			}
		}
	}
}

// anyOrigin lets the adapter's websocket connect, whatever Origin it
// names (slack-go sends Slack's).
func anyOrigin(*http.Request) bool { return true }

// ack waits for the adapter's acknowledgement of an envelope.
func (s *socketServer) ack(t *testing.T, envelope string) json.RawMessage {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case m := <-s.acks:
			var got struct {
				EnvelopeID string          `json:"envelope_id"`
				Payload    json.RawMessage `json:"payload"`
			}
			if json.Unmarshal(m, &got) == nil && got.EnvelopeID == envelope {
				return got.Payload
			}
		case <-timeout:
			t.Fatalf("envelope %s was not acknowledged", envelope)
			return nil
		}
	}
}

// send delivers one message on the websocket.
func (s *socketServer) send(t *testing.T, m string) {
	t.Helper()
	select {
	case s.out <- m:
	case <-time.After(10 * time.Second):
		t.Fatalf("no websocket to send %s on", m)
	}
}

// envelope delivers one Socket Mode envelope to the adapter.
func (s *socketServer) envelope(t *testing.T, typ, envelope string, payload any) {
	t.Helper()
	b, err := json.Marshal(map[string]any{
		"envelope_id": envelope, "type": typ, "payload": payload, "accepts_response_payload": typ == "slash_commands",
	})
	if err != nil {
		t.Fatal(err)
	}
	s.send(t, string(b))
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

// The Socket Mode tests run in a synctest bubble, on the fake in memory:
// the budget, Slack's pings and the reconnection backoff pass on the
// bubble's clock, and synctest.Wait stands for polling.

// TestSocketMode runs each case in a bubble of its own (t.Run may not be
// called inside one), on an adapter connected to a new fake.
func TestSocketMode(t *testing.T) {
	for _, tt := range []struct {
		name string
		run  func(t *testing.T, srv *socketServer, f *fakeRouter, a *Adapter)
	}{
		{"slash command", socketCommand},
		{"keyed reply, twice", socketKeyed},
		{"redelivered envelope", socketRedelivered},
		{"button", socketButton},
		{"notify", socketNotify},
		{"pings keep the connection", socketPings},
	} {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				srv := newSocketServer(t)
				f := newFakeRouter()
				a, _ := newTestAdapter(t, f, func(c *Config) { srv.use(t, c) })
				runSocketMode(t, a)
				tt.run(t, srv, f, a)
			})
		})
	}
}

func socketCommand(t *testing.T, srv *socketServer, _ *fakeRouter, _ *Adapter) {
	srv.envelope(t, "slash_commands", "env-1", map[string]any{
		"team_id": "T1", "user_id": "U1", "user_name": "ann", "command": "/ask",
		"text": "my cart is empty", "response_url": srv.URL + "/hook", "trigger_id": "1.2",
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
}

func socketKeyed(t *testing.T, srv *socketServer, _ *fakeRouter, _ *Adapter) {
	// The second answer is sent from the JSON kept for the first.
	for i, env := range []string{"env-k1", "env-k2"} {
		srv.envelope(t, "slash_commands", env, map[string]any{
			"team_id": "T1", "user_id": "U1", "command": "/ask",
			"text": "keyed k1 text", "response_url": srv.URL + "/hook", "trigger_id": "3." + env,
		})
		var msg posted
		if err := json.Unmarshal(srv.ack(t, env), &msg); err != nil {
			t.Fatalf("ack %d payload: %v", i, err)
		}
		if msg.ResponseType != "ephemeral" || !strings.Contains(msg.Text, "You asked: keyed k1 text") {
			t.Errorf("ack %d: %+v", i, msg)
		}
	}
}

func socketRedelivered(t *testing.T, srv *socketServer, f *fakeRouter, _ *Adapter) {
	cmd := map[string]any{"team_id": "T1", "user_id": "U1", "command": "/ask", "text": "my cart is empty"}
	srv.envelope(t, "slash_commands", "env-1", cmd)
	if p := srv.ack(t, "env-1"); len(p) == 0 {
		t.Fatal("first delivery acknowledged empty")
	}
	srv.envelope(t, "slash_commands", "env-1", cmd)
	if p := srv.ack(t, "env-1"); len(p) != 0 {
		t.Errorf("redelivery acknowledged with %s; want an empty ack", p)
	}
	if n := len(f.requests()); n != 1 {
		t.Errorf("the command ran %d times; want once", n)
	}
}

func socketButton(t *testing.T, srv *socketServer, _ *fakeRouter, _ *Adapter) {
	srv.envelope(t, "interactive", "env-2", map[string]any{
		"type": "block_actions", "team": map[string]any{"id": "T1"},
		"user":         map[string]any{"id": "U1", "username": "ann"},
		"response_url": srv.URL + "/hook",
		"actions":      []map[string]any{{"type": "button", "block_id": "b1", "action_id": "share-0", "value": "share:/help cart-empty"}},
	})
	srv.ack(t, "env-2")
	if got := srv.hook.next(t); got.ResponseType != "in_channel" {
		t.Errorf("shared over the socket: %+v", got)
	}
	if got := srv.hook.next(t); !got.DeleteOriginal {
		t.Errorf("then %+v; want the original deleted", got)
	}
}

func socketNotify(t *testing.T, srv *socketServer, _ *fakeRouter, a *Adapter) {
	err := a.Notify(context.Background(), bot.User{Platform: bot.Slack, Workspace: "T1", ID: "U7"}, bot.Say("Your proofs should have arrived."))
	if err != nil {
		t.Fatalf("Notify: %v", err)
	}
	select {
	case form := <-srv.posts:
		if form.Get("channel") != "U7" || !strings.Contains(form.Get("text"), "proofs") {
			t.Errorf("chat.postMessage form = %v", form)
		}
	default:
		t.Fatal("nothing posted")
	}
}

func socketPings(t *testing.T, srv *socketServer, _ *fakeRouter, a *Adapter) {
	// An hour of Slack's pings, on the bubble's clock: the adapter stays
	// on its first connection.
	time.Sleep(time.Hour)
	synctest.Wait()
	if n := srv.opens.Load(); n != 1 {
		t.Errorf("%d connections opened in an hour of pings; want 1", n)
	}
	if err := a.Healthy(); err != nil {
		t.Errorf("Healthy: %v", err)
	}
}

// TestSocketModeLate checks the deadline over the socket: a slow command
// is acknowledged empty and its reply posted to the response URL.
func TestSocketModeLate(t *testing.T) { synctest.Test(t, testSocketModeLate) }

func testSocketModeLate(t *testing.T) {
	srv := newSocketServer(t)
	f := newFakeRouter()
	f.gate = make(chan struct{})
	a, _ := newTestAdapter(t, f, func(c *Config) { srv.use(t, c) })
	runSocketMode(t, a)

	start := time.Now()
	srv.envelope(t, "slash_commands", "env-late", map[string]any{
		"team_id": "T1", "user_id": "U1", "command": "/ask", "text": "wait", "response_url": srv.URL + "/hook",
	})
	if p := srv.ack(t, "env-late"); len(p) != 0 {
		t.Errorf("late command acknowledged with %s; want an empty ack", p)
	}
	if waited := time.Since(start); waited != DefaultBudget {
		t.Errorf("acknowledged empty after %v; want the budget, %v", waited, DefaultBudget)
	}
	close(f.gate)
	if got := srv.hook.next(t); !strings.Contains(got.Text, "You asked: wait") {
		t.Errorf("late reply = %+v", got)
	}
}

func TestRunNeedsAppToken(t *testing.T) {
	a, _ := newTestAdapter(t, newFakeRouter(), nil)
	if err := a.Run(context.Background()); err == nil {
		t.Error("Run without an app-level token did not fail")
	}
}

// TestHealthy follows the socket through its life: not healthy before it
// connects, healthy once connected, not healthy from a disconnect until it
// has connected again, and not healthy once Run has returned.
func TestHealthy(t *testing.T) { synctest.Test(t, testHealthy) }

func testHealthy(t *testing.T) {
	srv := newSocketServer(t)
	srv.gate = make(chan struct{})
	a, _ := newTestAdapter(t, newFakeRouter(), func(c *Config) { srv.use(t, c) })
	if a.Healthy() == nil {
		t.Error("healthy before Run")
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	synctest.Wait()
	if err := a.Healthy(); err != nil {
		t.Errorf("not healthy once connected: %v", err)
	}

	// Slack asks the app to reconnect; the new connection is held open.
	srv.send(t, `{"type":"disconnect","reason":"refresh_requested"}`)
	synctest.Wait()
	if a.Healthy() == nil {
		t.Error("healthy after a disconnect, while the new connection is held")
	}
	close(srv.gate)
	synctest.Wait()
	if err := a.Healthy(); err != nil {
		t.Errorf("not healthy after reconnecting: %v", err)
	}
	if n := srv.opens.Load(); n != 2 {
		t.Errorf("%d connections opened; want 2", n)
	}

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
