package slack

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/bot/internal/memnet"
)

// testSecret is the example signing secret from Slack's documentation.
const testSecret = "8f742231b10e8888abcd99yyyzzz85a5"

// sign sets the headers Slack sends with a request: the timestamp, and
// v0= plus the hex HMAC-SHA256 of "v0:timestamp:body" keyed with the
// signing secret.
func sign(h http.Header, secret string, ts time.Time, body string) {
	stamp := strconv.FormatInt(ts.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	io.WriteString(mac, "v0:"+stamp+":"+body)
	h.Set("X-Slack-Request-Timestamp", stamp)
	h.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
}

// formRequest builds a form POST of body to path, as Slack sends them.
func formRequest(path, body string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return r
}

// signedRequest builds a form POST to path signed with secret at ts.
func signedRequest(path, secret string, ts time.Time, body string) *http.Request {
	r := formRequest(path, body)
	sign(r.Header, secret, ts, body)
	return r
}

// commandBody is a slash command's form as Slack posts it. The trigger id
// makes every invocation's body unique, as on Slack.
func commandBody(team, user, command, text, responseURL string) string {
	return url.Values{
		"token":        {"ignored"},
		"team_id":      {team},
		"team_domain":  {"authors"},
		"channel_id":   {"C0001"},
		"channel_name": {"general"},
		"user_id":      {user},
		"user_name":    {"ann"},
		"command":      {command},
		"text":         {text},
		"response_url": {responseURL},
		"trigger_id":   {strconv.FormatInt(time.Now().UnixNano(), 10) + "." + user},
		"api_app_id":   {"A0001"},
	}.Encode()
}

// actionBody is a block_actions interaction as Slack posts it: a form
// with one field, payload, holding the JSON.
func actionBody(team, user, value, responseURL string) string {
	payload := map[string]any{
		"type":         "block_actions",
		"team":         map[string]any{"id": team, "domain": "authors"},
		"user":         map[string]any{"id": user, "username": "ann", "name": "ann", "team_id": team},
		"api_app_id":   "A0001",
		"trigger_id":   strconv.FormatInt(time.Now().UnixNano(), 10),
		"container":    map[string]any{"type": "message", "is_ephemeral": true},
		"channel":      map[string]any{"id": "C0001", "name": "general"},
		"response_url": responseURL,
		"actions": []map[string]any{{
			"type": "button", "action_id": "x-0", "block_id": "b", "value": value,
			"text":      map[string]any{"type": "plain_text", "text": "x"},
			"action_ts": strconv.FormatInt(time.Now().UnixNano(), 10),
		}},
	}
	b, _ := json.Marshal(payload)
	return url.Values{"payload": {string(b)}}.Encode()
}

// fakeRouter parses the text grammar for a small command tree and answers
// like the real router does: replies to questions, private by default,
// public when shared, and thanks for feedback.
type fakeRouter struct {
	cmds []*bot.Command
	// gate, when set, holds the question "wait" until it is closed.
	gate chan struct{}
	// answer, when set, answers every command instead.
	answer func(*bot.Request) *bot.Reply

	mu   sync.Mutex
	reqs []*bot.Request
}

func newFakeRouter() *fakeRouter {
	return &fakeRouter{cmds: []*bot.Command{
		{Name: "ask", Description: "Ask a question", Example: "/ask my cart is empty",
			Options: []bot.Option{{Name: "question", Required: true, Rest: true}}},
		{Name: "help", Description: "Help", Options: []bot.Option{{Name: "topic", Positional: true}}},
		{Name: "order", Description: "Your orders", Example: "/order list", Subs: []*bot.Command{
			{Name: "list", Options: []bot.Option{{Name: "status", Positional: true}}},
			{Name: "add", Options: []bot.Option{{Name: "quantity", Type: bot.Integer, Required: true}}},
		}},
	}}
}

func (f *fakeRouter) Parse(line string) (*bot.Request, error) { return bot.Parse(f.cmds, line) }
func (f *fakeRouter) Commands() []*bot.Command                { return f.cmds }

func (f *fakeRouter) Handle(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	f.mu.Lock()
	f.reqs = append(f.reqs, req)
	f.mu.Unlock()
	if f.gate != nil && req.Option("question") == "wait" {
		select {
		case <-f.gate:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if f.answer != nil && req.Action == "" {
		return f.answer(req), nil
	}
	switch req.Action {
	case bot.ActionShare:
		return &bot.Reply{Title: "Shared answer", Blocks: []bot.Block{&bot.Text{Text: "for " + req.Option("value")}}}, nil
	case bot.ActionFeedback:
		return bot.Say("Thanks for telling me."), nil
	case bot.ActionForget:
		return bot.Say("All your data is deleted."), nil
	case "":
	default:
		return nil, bot.Errorf(bot.Invalid, "That button is no longer supported.")
	}
	reply := &bot.Reply{
		Title:     "Answer to " + req.Name(),
		Blocks:    []bot.Block{&bot.Text{Text: "You asked: " + req.Option("question")}},
		Ephemeral: true,
		Buttons:   []bot.Button{{Action: bot.ActionShare, Value: "/help cart-empty", Label: "Share"}},
	}
	// "keyed K …" answers with the Key K, though what follows K changes
	// the text: a way to see whether a keyed reply was rendered again.
	if f := strings.Fields(req.Option("question")); len(f) > 1 && f[0] == "keyed" {
		reply.Key = f[1]
	}
	return reply, nil
}

// requests returns the requests handled so far.
func (f *fakeRouter) requests() []*bot.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]*bot.Request(nil), f.reqs...)
}

// reasons records the reasons VerifyFailed was told.
type reasons struct {
	mu   sync.Mutex
	list []string
}

func (r *reasons) add(reason string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.list = append(r.list, reason)
}

func (r *reasons) get() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.list...)
}

// newTestAdapter builds an adapter on f through a real bot.Dispatcher.
func newTestAdapter(t testing.TB, f *fakeRouter, edit func(*Config)) (*Adapter, *reasons) {
	t.Helper()
	var rs reasons
	d := &bot.Dispatcher{Handler: f, Log: slog.New(slog.DiscardHandler)}
	cfg := Config{
		SigningSecret: testSecret,
		Parser:        f,
		Serve:         d.Serve,
		VerifyFailed:  rs.add,
		HTTPClient:    &http.Client{Timeout: 5 * time.Second},
	}
	if edit != nil {
		edit(&cfg)
	}
	a, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := a.Wait(ctx); err != nil {
			t.Errorf("replies still pending at the end of the test: %v", err)
		}
	})
	return a, &rs
}

// posted is one message a fake response URL received.
type posted struct {
	ResponseType    string          `json:"response_type"`
	Text            string          `json:"text"`
	ReplaceOriginal bool            `json:"replace_original"`
	DeleteOriginal  bool            `json:"delete_original"`
	Blocks          json.RawMessage `json:"blocks"`
}

// responseURL is a fake of Slack's response URLs: it records what is
// posted to it, in order.
type responseURL struct {
	*httptest.Server
	msgs chan posted
	ln   *memnet.Listener // the server's, when it runs in memory
}

// newResponseURL serves a response URL on a loopback port.
func newResponseURL(t testing.TB) *responseURL {
	t.Helper()
	r := &responseURL{msgs: make(chan posted, 16)}
	r.Server = httptest.NewServer(r.handler(t))
	t.Cleanup(r.Close)
	return r
}

// newMemResponseURL serves a response URL in memory, for a test in a
// synctest bubble; the adapter reaches it only through client.
func newMemResponseURL(t testing.TB) *responseURL {
	t.Helper()
	r := &responseURL{msgs: make(chan posted, 16)}
	r.Server, r.ln = memnet.NewServer("hooks.slack.test:80", r.handler(t))
	t.Cleanup(r.Close)
	return r
}

// client is an HTTP client for the adapter that reaches the in-memory
// response URL.
func (r *responseURL) client(t testing.TB) *http.Client {
	tr := r.ln.Transport()
	t.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Timeout: 5 * time.Second, Transport: tr}
}

func (r *responseURL) handler(t testing.TB) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		var p posted
		if err := json.NewDecoder(req.Body).Decode(&p); err != nil {
			t.Errorf("response URL got a body that is not JSON: %v", err)
		}
		if ct := req.Header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("response URL Content-Type = %q, want application/json", ct)
		}
		r.msgs <- p
		io.WriteString(w, "ok")
	})
}

// next returns the next message posted, failing the test after a while.
func (r *responseURL) next(t testing.TB) posted {
	t.Helper()
	select {
	case p := <-r.msgs:
		return p
	case <-time.After(10 * time.Second):
		t.Fatal("nothing was posted to the response URL")
		return posted{}
	}
}

// none checks that nothing more was posted once a has finished its work.
func (r *responseURL) none(t testing.TB, a *Adapter) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := a.Wait(ctx); err != nil {
		t.Fatalf("Wait: %v", err)
	}
	select {
	case p := <-r.msgs:
		t.Errorf("unexpected post to the response URL: %+v", p)
	default:
	}
}
