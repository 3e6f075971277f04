package slack

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/bot/internal/memnet"
)

func TestButtonShare(t *testing.T) {
	f := newFakeRouter()
	a, _ := newTestAdapter(t, f, nil)
	hook := newResponseURL(t)

	w := serve(a, signedRequest("/slack/interactions", testSecret, time.Now(), actionBody("T1", "U1", "share:/help cart-empty", hook.URL)))
	if w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Fatalf("acknowledgement: status %d, body %q; want an empty 200", w.Code, w.Body)
	}
	shared := hook.next(t)
	if shared.ResponseType != "in_channel" || shared.ReplaceOriginal || shared.DeleteOriginal {
		t.Errorf("shared answer: response_type %q, replace %v, delete %v; want a new in_channel message",
			shared.ResponseType, shared.ReplaceOriginal, shared.DeleteOriginal)
	}
	if !strings.Contains(string(shared.Blocks), "for /help cart-empty") {
		t.Errorf("shared answer blocks = %s", shared.Blocks)
	}
	if del := hook.next(t); !del.DeleteOriginal {
		t.Errorf("second post = %+v, want the private original deleted", del)
	}
	hook.none(t, a)

	reqs := f.requests()
	if len(reqs) != 1 {
		t.Fatalf("handled %d requests, want 1", len(reqs))
	}
	got := reqs[0]
	if got.Action != bot.ActionShare || got.Option("value") != "/help cart-empty" {
		t.Errorf("request = action %q value %q", got.Action, got.Option("value"))
	}
	if got.User != (bot.User{Platform: bot.Slack, Workspace: "T1", ID: "U1", Name: "ann"}) {
		t.Errorf("user = %+v", got.User)
	}
}

func TestButtonFeedback(t *testing.T) {
	f := newFakeRouter()
	a, _ := newTestAdapter(t, f, nil)
	hook := newResponseURL(t)

	serve(a, signedRequest("/slack/interactions", testSecret, time.Now(), actionBody("T1", "U1", "feedback:cart-empty|en|yes", hook.URL)))
	thanks := hook.next(t)
	if thanks.ResponseType != "ephemeral" || thanks.ReplaceOriginal || thanks.DeleteOriginal {
		t.Errorf("feedback: %+v; want a private follow-up that leaves the answer", thanks)
	}
	if !strings.Contains(thanks.Text, "Thanks") {
		t.Errorf("feedback text = %q", thanks.Text)
	}
	hook.none(t, a)
	if reqs := f.requests(); len(reqs) != 1 || reqs[0].Option("value") != "cart-empty|en|yes" {
		t.Errorf("requests = %+v", reqs)
	}
}

func TestButtonForget(t *testing.T) {
	f := newFakeRouter()
	a, _ := newTestAdapter(t, f, nil)
	hook := newResponseURL(t)

	serve(a, signedRequest("/slack/interactions", testSecret, time.Now(), actionBody("T1", "U1", "forget:confirm", hook.URL)))
	done := hook.next(t)
	if !done.ReplaceOriginal || done.ResponseType != "ephemeral" {
		t.Errorf("forget: %+v; want the confirmation replaced, privately", done)
	}
	hook.none(t, a)
}

func TestButtonUnknown(t *testing.T) {
	f := newFakeRouter()
	a, _ := newTestAdapter(t, f, nil)
	hook := newResponseURL(t)

	serve(a, signedRequest("/slack/interactions", testSecret, time.Now(), actionBody("T1", "U1", "not-a-button-value", hook.URL)))
	msg := hook.next(t)
	if msg.ResponseType != "ephemeral" || !strings.Contains(msg.Text, "no longer supported") {
		t.Errorf("unknown button: %+v", msg)
	}
	hook.none(t, a)
	if n := len(f.requests()); n != 0 {
		t.Errorf("a button without an action reached the handler")
	}
}

// TestSlowCommand checks the deadline: a command slower than the budget is
// acknowledged with an empty 200 and its reply posted to response_url.
// It goes through an HTTP server: the acknowledgement must reach the
// client while the command is still running. The budget passes on a
// synctest bubble's clock.
func TestSlowCommand(t *testing.T) { synctest.Test(t, testSlowCommand) }

func testSlowCommand(t *testing.T) {
	f := newFakeRouter()
	f.gate = make(chan struct{})
	hook := newMemResponseURL(t)
	a, _ := newTestAdapter(t, f, func(c *Config) {
		c.Budget = 2 * time.Second
		c.HTTPClient = hook.client(t)
	})

	start := time.Now()
	resp, err := postCommand(t, a, "wait", hook.URL)
	if err != nil {
		t.Fatalf("no acknowledgement while the command runs: %v", err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK || len(body) != 0 {
		t.Errorf("acknowledgement: status %d, body %q, %v; want an empty 200", resp.StatusCode, body, err)
	}
	if waited := time.Since(start); waited != 2*time.Second {
		t.Errorf("acknowledged after %v, want the budget of 2s", waited)
	}
	close(f.gate)
	late := hook.next(t)
	if late.ResponseType != "ephemeral" || !strings.Contains(late.Text, "You asked: wait") {
		t.Errorf("late reply = %+v", late)
	}
	if late.ReplaceOriginal || late.DeleteOriginal {
		t.Errorf("late reply replaces or deletes: %+v", late)
	}
	hook.none(t, a)
}

// postCommand sends /ask text to a's routes through an HTTP server in
// memory, so that an acknowledgement can reach the client while the
// command runs.
func postCommand(t *testing.T, a *Adapter, text, responseURL string) (*http.Response, error) {
	t.Helper()
	mux := http.NewServeMux()
	a.Routes(mux)
	srv, ln := memnet.NewServer("authorbot.test:80", mux)
	t.Cleanup(srv.Close)
	tr := ln.Transport()
	t.Cleanup(tr.CloseIdleConnections)
	r := signedRequest("/slack/commands", testSecret, time.Now(), commandBody("T1", "U1", "/ask", text, responseURL))
	r.URL, _ = url.Parse(srv.URL + "/slack/commands")
	r.RequestURI = ""
	return (&http.Client{Timeout: 10 * time.Second, Transport: tr}).Do(r)
}

// TestLateLimit checks that a command still running at LateLimit is
// stopped, and the author told so on the response URL.
func TestLateLimit(t *testing.T) { synctest.Test(t, testLateLimit) }

func testLateLimit(t *testing.T) {
	f := newFakeRouter()
	f.gate = make(chan struct{}) // never opened
	hook := newMemResponseURL(t)
	a, _ := newTestAdapter(t, f, func(c *Config) {
		c.Budget = 2 * time.Second
		c.LateLimit = 5 * time.Second // within hook.next's wait
		c.HTTPClient = hook.client(t)
	})

	start := time.Now()
	resp, err := postCommand(t, a, "wait", hook.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	late := hook.next(t)
	if !strings.Contains(late.Text, "Sorry, something went wrong") {
		t.Errorf("after LateLimit the author got %+v; want the apology", late)
	}
	if waited := time.Since(start); waited != 5*time.Second {
		t.Errorf("the apology came after %v, want the LateLimit of 5s", waited)
	}
	hook.none(t, a)
}

// TestResponseURLTimeout checks that a response URL that never answers
// does not hold the adapter's work for ever.
func TestResponseURLTimeout(t *testing.T) { synctest.Test(t, testResponseURLTimeout) }

func testResponseURLTimeout(t *testing.T) {
	f := newFakeRouter()
	hang := make(chan struct{})
	var hits atomic.Int32
	stuck, ln := memnet.NewServer("hooks.slack.test:80", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		<-hang
	}))
	defer stuck.Close()
	defer close(hang) // before Close, which waits for the handler
	tr := ln.Transport()
	defer tr.CloseIdleConnections()
	a, _ := newTestAdapter(t, f, func(c *Config) { c.HTTPClient = &http.Client{Timeout: 10 * time.Second, Transport: tr} })

	start := time.Now()
	serve(a, signedRequest("/slack/interactions", testSecret, time.Now(), actionBody("T1", "U1", "feedback:x|en|yes", stuck.URL)))
	if err := a.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(start); waited != 10*time.Second {
		t.Errorf("the post to a response URL that never answers ended after %v, want the client's timeout", waited)
	}
	if hits.Load() != 1 {
		t.Errorf("response URL hit %d times, want 1", hits.Load())
	}
}

func TestNewNeedsClientTimeout(t *testing.T) {
	f := newFakeRouter()
	_, err := New(Config{SigningSecret: "s", Parser: f, Serve: (&bot.Dispatcher{Handler: f}).Serve, HTTPClient: &http.Client{}})
	if err == nil {
		t.Error("New accepted an HTTP client without a timeout")
	}
}

func TestActionMessages(t *testing.T) {
	public := &bot.Reply{Blocks: []bot.Block{&bot.Text{Text: "x"}}}
	private := bot.Say("x")
	tests := []struct {
		name   string
		action string
		reply  *bot.Reply
		want   string // response_type/replace/delete per message
	}{
		{"share", bot.ActionShare, public, "in_channel/false/false ,/false/true"},
		{"share refused", bot.ActionShare, private, "ephemeral/false/false"},
		{"feedback", bot.ActionFeedback, private, "ephemeral/false/false"},
		{"forget", bot.ActionForget, private, "ephemeral/true/false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range actionMessages(tt.action, tt.reply) {
				b, _ := json.Marshal(m)
				var p posted
				json.Unmarshal(b, &p)
				got = append(got, p.ResponseType+"/"+strconv.FormatBool(p.ReplaceOriginal)+"/"+strconv.FormatBool(p.DeleteOriginal))
			}
			if g := strings.Join(got, " ,"); g != tt.want {
				t.Errorf("messages = %q, want %q", g, tt.want)
			}
		})
	}
}
