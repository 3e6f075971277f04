package discord

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"testing/synctest"

	"github.com/gorilla/websocket"

	"github.com/authorbot/authorbot/bot"
)

// fakeGateway speaks the start of Discord's gateway protocol: Hello,
// Identify, Ready (or Resume, Resumed), then the dispatches it is given.
// It records the Identify (or Resume) payload.
type fakeGateway struct {
	t         *testing.T
	closeWith int // when set, answer Identify by closing with this code
	events    [][]byte
	identify  chan map[string]any
	// release, when set, holds Ready or Resumed until it is sent a value.
	release chan struct{}
	// drop, when set, closes the connection each time it is sent a value.
	drop chan struct{}
}

func (g *fakeGateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	up := websocket.Upgrader{}
	conn, err := up.Upgrade(w, r, nil)
	if err != nil {
		g.t.Errorf("upgrade: %v", err)
		return
	}
	defer conn.Close()
	send := func(v any) {
		if err := conn.WriteJSON(v); err != nil {
			g.t.Logf("gateway write: %v", err)
		}
	}
	// An hour between heartbeats: discordgo's Close sleeps a second while
	// holding the session's lock, and a heartbeat due in that second would
	// wait on the lock, which a synctest bubble does not count as blocked,
	// so its clock could never reach the end of the sleep.
	send(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 3600000}})
	var id map[string]any
	if err := conn.ReadJSON(&id); err != nil {
		g.t.Errorf("reading Identify: %v", err)
		return
	}
	g.identify <- id
	if g.closeWith != 0 {
		conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(g.closeWith, "Authentication failed."))
		return
	}
	if g.drop != nil {
		stop := make(chan struct{})
		defer close(stop)
		go func() {
			select {
			case <-g.drop:
				conn.Close()
			case <-stop:
			}
		}()
	}
	if g.release != nil {
		<-g.release
	}
	if id["op"] == float64(6) {
		send(map[string]any{"op": 0, "s": 2, "t": "RESUMED", "d": map[string]any{}})
		holdUntilClosed(conn)
		return
	}
	send(map[string]any{"op": 0, "s": 1, "t": "READY", "d": map[string]any{
		"v": 10, "session_id": "session-1", "resume_gateway_url": "ws://unused",
		"user":        map[string]any{"id": "bot-1", "username": "authorbot", "bot": true},
		"guilds":      []any{},
		"application": map[string]any{"id": "app-1", "flags": 0},
	}})
	for n, ev := range g.events {
		send(map[string]any{"op": 0, "s": n + 2, "t": "INTERACTION_CREATE", "d": json.RawMessage(ev)})
	}
	holdUntilClosed(conn)
}

// holdUntilClosed reads what the client sends until it closes the
// connection. Its close frame goes unanswered: discordgo sends one, then
// sleeps a second holding its session's lock, and its reading goroutine,
// woken by an answer, would wait on that lock, where a synctest bubble
// cannot see that only the sleep holds it up, and would never let the
// second pass.
func holdUntilClosed(conn *websocket.Conn) {
	conn.SetCloseHandler(func(int, string) error { return nil })
	for {
		if _, _, err := conn.ReadMessage(); err != nil {
			break
		}
	}
	io.Copy(io.Discard, conn.NetConn())
}

// TestGateway connects to a fake gateway found through GET /gateway,
// receives a slash command there and answers it through the REST
// callback, then shuts down when the context ends.
func TestGateway(t *testing.T) { synctest.Test(t, testGateway) }

func testGateway(t *testing.T) {
	f := newFakeDiscord(t)
	g := &fakeGateway{t: t, identify: make(chan map[string]any, 1), events: [][]byte{
		commandInteraction("gw-1", "guild-1", "user-1", "fr", "ask", str("question", "mon panier est vide")),
		commandInteraction("gw-1", "guild-1", "user-1", "fr", "ask", str("question", "mon panier est vide")), // delivered twice
	}}
	f.gateway = g
	rec := &recorder{answer: func(*bot.Request) *bot.Reply { return sampleAnswer("fr") }}
	a := newGatewayAdapter(t, f, Config{Serve: rec.Serve})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()

	id := <-g.identify
	d := id["d"].(map[string]any)
	if id["op"] != float64(2) || d["token"] != "Bot tok" || d["intents"] != float64(0) {
		t.Errorf("identify = op %v token %v intents %v; want op 2, the bot token, no intents", id["op"], d["token"], d["intents"])
	}
	calls := f.wait(2) // GET /gateway, then the callback
	c := calls[1]
	if c.Method != "POST" || c.Path != "interactions/gw-1/tok-gw-1/callback" {
		t.Fatalf("call = %s %s, want the interaction callback", c.Method, c.Path)
	}
	if c.Body["type"] != float64(4) || c.Body["data"].(map[string]any)["flags"] != float64(64) {
		t.Errorf("callback = %v, want an ephemeral message", c.Body)
	}
	settle() // before discordgo's Close, which sleeps holding the session's lock
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run = %v", err)
	}
	if n := len(rec.requests()); n != 1 {
		t.Errorf("handled %d times, want once despite the duplicate delivery", n)
	}
	if req := rec.requests()[0]; req.Locale != "fr" || req.User.Workspace != "guild-1" {
		t.Errorf("request = %+v", req)
	}
}

// TestGatewayDeferred: over the gateway too, a slow answer is deferred
// through the callback and delivered by editing the original response.
func TestGatewayDeferred(t *testing.T) { synctest.Test(t, testGatewayDeferred) }

func testGatewayDeferred(t *testing.T) {
	f := newFakeDiscord(t)
	g := &fakeGateway{t: t, identify: make(chan map[string]any, 1), events: [][]byte{
		commandInteraction("gw-2", "", "user-2", "en-US", "help"),
	}}
	f.gateway = g
	rec, release := slowHandler(func(*bot.Request) *bot.Reply { return bot.Say("Here you are.") })
	a := newGatewayAdapter(t, f, Config{Serve: rec.Serve})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	<-g.identify
	calls := f.wait(2)
	if c := calls[1]; c.Path != "interactions/gw-2/tok-gw-2/callback" || c.Body["type"] != float64(5) {
		t.Fatalf("call = %s %s %v, want a type 5 callback", c.Method, c.Path, c.Body)
	}
	close(release)
	calls = f.wait(3)
	if c := calls[2]; c.Method != "PATCH" || c.Path != "webhooks/app-1/tok-gw-2/messages/@original" || c.Body["content"] != "Here you are." {
		t.Errorf("call = %s %s %v, want the original response edited", c.Method, c.Path, c.Body)
	}
	settle() // before discordgo's Close, which sleeps holding the session's lock
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run = %v", err)
	}
}

// TestGatewayBadToken: Discord closes with 4004 when the token is wrong;
// retrying cannot help, so Run fails at once.
func TestGatewayBadToken(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		f := newFakeDiscord(t)
		f.gateway = &fakeGateway{t: t, identify: make(chan map[string]any, 1), closeWith: 4004}
		a := newGatewayAdapter(t, f, Config{Serve: (&recorder{}).Serve})
		err := a.Run(context.Background())
		if err == nil || !strings.Contains(err.Error(), "4004") {
			t.Errorf("Run = %v, want the 4004 close", err)
		}
	})
}

func TestRunWithoutToken(t *testing.T) {
	a, _ := newTestAdapter(t, nil, &recorder{}, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := a.Run(ctx); err != nil {
		t.Errorf("Run = %v", err)
	}
}

func TestNotify(t *testing.T) {
	f := newFakeDiscord(t)
	a, err := New(Config{Token: "tok", Client: f.client()})
	if err != nil {
		t.Fatal(err)
	}
	reminder := &bot.Reply{Title: "Reminder", Blocks: []bot.Block{&bot.Text{Text: "Your proof of The Long Road should arrive today. @everyone"}}}
	if err := a.Notify(context.Background(), bot.User{Platform: bot.Discord, ID: "user-5"}, reminder); err != nil {
		t.Fatal(err)
	}
	calls := f.recorded()
	if len(calls) != 2 || calls[0].Path != "users/@me/channels" || calls[0].Body["recipient_id"] != "user-5" || calls[1].Path != "channels/dm-user-5/messages" {
		t.Fatalf("calls = %+v", calls)
	}
	golden(t, "notify", indentJSON(t, calls[1].Body))

	if err := a.Notify(context.Background(), bot.User{Platform: bot.Slack, ID: "U1"}, reminder); err == nil {
		t.Error("Notify accepted a Slack user")
	}
	noToken, _ := newTestAdapter(t, f, &recorder{}, nil)
	if err := noToken.Notify(context.Background(), bot.User{Platform: bot.Discord, ID: "user-5"}, reminder); err == nil {
		t.Error("Notify without a token succeeded")
	}
	if n := len(f.recorded()); n != 2 {
		t.Errorf("%d calls after the refused notifications, want 2", n)
	}
}

// TestHealthy follows the gateway connection through Healthy: not
// healthy before the first Ready, healthy once ready, not healthy from a
// dropped connection until discordgo has resumed the session, and not
// healthy after shutdown.
//
// In a bubble, synctest.Wait lets every goroutine of the adapter and of
// discordgo finish what the last event started before Healthy is asked;
// discordgo's wait before reconnecting passes on the bubble's clock.
func TestHealthy(t *testing.T) { synctest.Test(t, testHealthy) }

func testHealthy(t *testing.T) {
	f := newFakeDiscord(t)
	g := &fakeGateway{t: t, identify: make(chan map[string]any, 1), release: make(chan struct{}), drop: make(chan struct{})}
	f.gateway = g
	a := newGatewayAdapter(t, f, Config{Serve: (&recorder{}).Serve})
	var _ bot.Health = a
	if a.Healthy() == nil {
		t.Error("healthy before Run")
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()

	if id := <-g.identify; id["op"] != float64(2) {
		t.Fatalf("first payload = %v, want Identify", id)
	}
	if a.Healthy() == nil {
		t.Error("healthy before Ready")
	}
	g.release <- struct{}{}
	synctest.Wait()
	if err := a.Healthy(); err != nil {
		t.Errorf("not healthy after Ready: %v", err)
	}

	// discordgo closes the dropped session (waiting a second on the
	// bubble's clock), reports the disconnection and resumes.
	g.drop <- struct{}{}
	if id := <-g.identify; id["op"] != float64(6) {
		t.Fatalf("payload after the drop = %v, want Resume", id)
	}
	synctest.Wait()
	if a.Healthy() == nil {
		t.Error("healthy after the connection dropped, before Resumed")
	}
	g.release <- struct{}{}
	synctest.Wait()
	if err := a.Healthy(); err != nil {
		t.Errorf("not healthy after Resumed: %v", err)
	}

	settle() // before discordgo's Close, which sleeps holding the session's lock
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run = %v", err)
	}
	if a.Healthy() == nil {
		t.Error("healthy after shutdown")
	}
}

// TestHealthyWithoutGateway: answering HTTP interactions only, the
// adapter keeps no connection of its own and is healthy.
func TestHealthyWithoutGateway(t *testing.T) {
	a, _ := newTestAdapter(t, nil, &recorder{}, nil)
	if err := a.Healthy(); err != nil {
		t.Errorf("Healthy = %v, want nil without a token", err)
	}
}

// TestCanDM: direct messages (reminders) need the bot token.
func TestCanDM(t *testing.T) {
	httpOnly, _ := newTestAdapter(t, nil, &recorder{}, nil)
	withToken, err := New(Config{Token: "tok"})
	if err != nil {
		t.Fatal(err)
	}
	blank, err := New(Config{Token: "  "})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		a    *Adapter
		want bool
	}{{"HTTP interactions only", httpOnly, false}, {"bot token", withToken, true}, {"blank token", blank, false}} {
		if got := tt.a.CanDM(); got != tt.want {
			t.Errorf("%s: CanDM = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// settle waits until every goroutine of the test's bubble is blocked.
// discordgo's Close sleeps a second while holding the session's lock, and
// its heartbeat goroutine takes that lock just after its first beat: a
// goroutine waiting on a lock does not count as blocked, so a beat that
// meets the sleep would stop the bubble's clock for good. Settling first
// lets the heartbeat reach its ticker before Close starts.
func settle() { synctest.Wait() }

// TestGatewayShard: a process that holds one shard of several says which
// in its Identify, so Discord sends it that shard's guilds alone.
func TestGatewayShard(t *testing.T) {
	tests := []struct {
		id, count int
		want      any // the Identify's shard field
	}{
		{2, 3, []any{float64(2), float64(3)}},
		{0, 2, []any{float64(0), float64(2)}},
		{0, 1, nil}, // one shard: the whole gateway, no field
		{0, 0, nil},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d of %d", tt.id, tt.count), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				f := newFakeDiscord(t)
				g := &fakeGateway{t: t, identify: make(chan map[string]any, 1)}
				f.gateway = g
				a := newGatewayAdapter(t, f, Config{Serve: (&recorder{}).Serve, ShardID: tt.id, ShardCount: tt.count})
				ctx, cancel := context.WithCancel(context.Background())
				done := make(chan error, 1)
				go func() { done <- a.Run(ctx) }()
				id := <-g.identify
				if got := id["d"].(map[string]any)["shard"]; !reflect.DeepEqual(got, tt.want) {
					t.Errorf("identify shard = %v, want %v", got, tt.want)
				}
				settle()
				cancel()
				if err := <-done; err != nil {
					t.Errorf("Run = %v", err)
				}
			})
		})
	}
}

func TestShardChecked(t *testing.T) {
	for _, c := range []Config{{ShardID: 3, ShardCount: 3}, {ShardID: -1, ShardCount: 2}, {ShardID: 1}, {ShardCount: -1}} {
		if _, err := New(c); err == nil {
			t.Errorf("New took shard %d of %d", c.ShardID, c.ShardCount)
		}
	}
}
