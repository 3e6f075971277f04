package slack

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// serve runs one request through the adapter's routes.
func serve(a *Adapter, r *http.Request) *httptest.ResponseRecorder {
	mux := http.NewServeMux()
	a.Routes(mux)
	w := httptest.NewRecorder()
	mux.ServeHTTP(w, r)
	return w
}

func TestVerify(t *testing.T) {
	now := time.Now()
	body := commandBody("T1", "U1", "/ask", "my cart is empty", "")
	tests := []struct {
		name       string
		req        func() *http.Request
		wantStatus int
		wantReason string // "" when the request is served
	}{
		{"valid", func() *http.Request {
			return signedRequest("/slack/commands", testSecret, now, body)
		}, http.StatusOK, ""},
		{"four minutes old", func() *http.Request {
			return signedRequest("/slack/commands", testSecret, now.Add(-4*time.Minute), body)
		}, http.StatusOK, ""},
		{"four minutes ahead", func() *http.Request {
			return signedRequest("/slack/commands", testSecret, now.Add(4*time.Minute), body)
		}, http.StatusOK, ""},
		{"tampered body", func() *http.Request {
			tampered := strings.Replace(body, "U1", "U2", 1)
			r := signedRequest("/slack/commands", testSecret, now, tampered)
			sign(r.Header, testSecret, now, body) // signed before the change
			return r
		}, http.StatusUnauthorized, "signature"},
		{"wrong secret", func() *http.Request {
			return signedRequest("/slack/commands", "not-the-secret", now, body)
		}, http.StatusUnauthorized, "signature"},
		{"stale", func() *http.Request {
			return signedRequest("/slack/commands", testSecret, now.Add(-6*time.Minute), body)
		}, http.StatusUnauthorized, "stale"},
		{"future", func() *http.Request {
			return signedRequest("/slack/commands", testSecret, now.Add(6*time.Minute), body)
		}, http.StatusUnauthorized, "stale"},
		{"no headers", func() *http.Request {
			r := signedRequest("/slack/commands", testSecret, now, body)
			r.Header.Del("X-Slack-Signature")
			r.Header.Del("X-Slack-Request-Timestamp")
			return r
		}, http.StatusUnauthorized, "missing"},
		{"no signature", func() *http.Request {
			r := signedRequest("/slack/commands", testSecret, now, body)
			r.Header.Del("X-Slack-Signature")
			return r
		}, http.StatusUnauthorized, "missing"},
		{"no timestamp", func() *http.Request {
			r := signedRequest("/slack/commands", testSecret, now, body)
			r.Header.Del("X-Slack-Request-Timestamp")
			return r
		}, http.StatusUnauthorized, "missing"},
		{"signature without version", func() *http.Request {
			r := signedRequest("/slack/commands", testSecret, now, body)
			r.Header.Set("X-Slack-Signature", strings.TrimPrefix(r.Header.Get("X-Slack-Signature"), "v0="))
			return r
		}, http.StatusUnauthorized, "signature"},
		{"timestamp not a number", func() *http.Request {
			r := signedRequest("/slack/commands", testSecret, now, body)
			r.Header.Set("X-Slack-Request-Timestamp", "yesterday")
			return r
		}, http.StatusUnauthorized, "signature"},
		{"oversized", func() *http.Request {
			big := body + "&pad=" + strings.Repeat("x", maxBody)
			return signedRequest("/slack/commands", testSecret, now, big)
		}, http.StatusRequestEntityTooLarge, "size"},
		{"unsigned interaction", func() *http.Request {
			r := signedRequest("/slack/interactions", testSecret, now, actionBody("T1", "U1", "share:/help x", "http://127.0.0.1:1/"))
			r.Header.Del("X-Slack-Signature")
			return r
		}, http.StatusUnauthorized, "missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeRouter()
			a, rs := newTestAdapter(t, f, nil)
			w := serve(a, tt.req())
			if w.Code != tt.wantStatus {
				t.Errorf("status = %d, want %d", w.Code, tt.wantStatus)
			}
			var wantReasons []string
			wantHandled := 1
			if tt.wantReason != "" {
				wantReasons, wantHandled = []string{tt.wantReason}, 0
			}
			if diff := cmp.Diff(wantReasons, rs.get()); diff != "" {
				t.Errorf("VerifyFailed reasons (-want +got):\n%s", diff)
			}
			if got := len(f.requests()); got != wantHandled {
				t.Errorf("handled %d requests, want %d", got, wantHandled)
			}
		})
	}
}

func TestReplay(t *testing.T) {
	now := time.Now()
	body := commandBody("T1", "U1", "/order", "add 5", "")

	t.Run("same signature and timestamp", func(t *testing.T) {
		f := newFakeRouter()
		a, rs := newTestAdapter(t, f, nil)
		first := signedRequest("/slack/commands", testSecret, now, body)
		again := signedRequest("/slack/commands", testSecret, now, body)
		if w := serve(a, first); w.Code != http.StatusOK || w.Body.Len() == 0 {
			t.Fatalf("first delivery: status %d, body %q", w.Code, w.Body)
		}
		w := serve(a, again)
		if w.Code != http.StatusOK || w.Body.Len() != 0 {
			t.Errorf("replay: status %d, body %q; want 200 and no body", w.Code, w.Body)
		}
		if n := len(f.requests()); n != 1 {
			t.Errorf("the command ran %d times, want once", n)
		}
		if diff := cmp.Diff([]string{"replay"}, rs.get()); diff != "" {
			t.Errorf("reasons (-want +got):\n%s", diff)
		}
	})

	t.Run("retry of a body already seen", func(t *testing.T) {
		f := newFakeRouter()
		a, _ := newTestAdapter(t, f, nil)
		serve(a, signedRequest("/slack/commands", testSecret, now, body))
		retry := signedRequest("/slack/commands", testSecret, now.Add(2*time.Second), body)
		retry.Header.Set("X-Slack-Retry-Num", "1")
		retry.Header.Set("X-Slack-Retry-Reason", "http_timeout")
		if w := serve(a, retry); w.Code != http.StatusOK || w.Body.Len() != 0 {
			t.Errorf("retry: status %d, body %q; want 200 and no body", w.Code, w.Body)
		}
		if n := len(f.requests()); n != 1 {
			t.Errorf("the command ran %d times, want once", n)
		}
	})

	t.Run("same body signed anew, without a retry header", func(t *testing.T) {
		f := newFakeRouter()
		a, rs := newTestAdapter(t, f, nil)
		serve(a, signedRequest("/slack/commands", testSecret, now, body))
		serve(a, signedRequest("/slack/commands", testSecret, now.Add(time.Second), body))
		if n := len(f.requests()); n != 1 {
			t.Errorf("the command ran %d times, want once", n)
		}
		if diff := cmp.Diff([]string{"replay"}, rs.get()); diff != "" {
			t.Errorf("reasons (-want +got):\n%s", diff)
		}
	})

	t.Run("retry whose first delivery never arrived", func(t *testing.T) {
		f := newFakeRouter()
		a, _ := newTestAdapter(t, f, nil)
		retry := signedRequest("/slack/commands", testSecret, now, body)
		retry.Header.Set("X-Slack-Retry-Num", "1")
		if w := serve(a, retry); w.Code != http.StatusOK || w.Body.Len() == 0 {
			t.Errorf("retry: status %d, body %q; want the reply", w.Code, w.Body)
		}
		if n := len(f.requests()); n != 1 {
			t.Errorf("the command ran %d times, want once", n)
		}
	})

	t.Run("two invocations of the same command", func(t *testing.T) {
		f := newFakeRouter()
		a, _ := newTestAdapter(t, f, nil)
		serve(a, signedRequest("/slack/commands", testSecret, now, commandBody("T1", "U1", "/order", "list", "")))
		serve(a, signedRequest("/slack/commands", testSecret, now, commandBody("T1", "U1", "/order", "list", "")))
		if n := len(f.requests()); n != 2 {
			t.Errorf("ran %d commands, want 2", n)
		}
	})
}

// TestReplayWhenFull fills the set of seen requests past its bound: a
// request signed no later than a forgotten one may be its replay, and is
// refused; one signed later is not.
func TestReplayWhenFull(t *testing.T) {
	f := newFakeRouter()
	a, rs := newTestAdapter(t, f, nil)
	a.seen = a.newSeen(3)
	now := time.Now().Truncate(time.Second)
	var first *http.Request
	for i := range 4 {
		body := commandBody("T1", "U1", "/order", "add "+strconv.Itoa(i+1), "")
		r := signedRequest("/slack/commands", testSecret, now.Add(time.Duration(i)*time.Second), body)
		if i == 0 {
			first = signedRequest("/slack/commands", testSecret, now, body) // the same delivery again
		}
		if w := serve(a, r); w.Code != http.StatusOK || w.Body.Len() == 0 {
			t.Fatalf("delivery %d: status %d, body %q", i, w.Code, w.Body)
		}
	}
	if w := serve(a, first); w.Body.Len() != 0 {
		t.Errorf("the replay of a forgotten request was answered: %s", w.Body)
	}
	if w := serve(a, signedRequest("/slack/commands", testSecret, now, commandBody("T1", "U1", "/order", "list", ""))); w.Body.Len() != 0 {
		t.Errorf("a request signed with a forgotten one was answered: %s", w.Body)
	}
	if n := len(f.requests()); n != 4 {
		t.Errorf("the handler ran %d times, want 4", n)
	}
	if diff := cmp.Diff([]string{"replay", "replay"}, rs.get()); diff != "" {
		t.Errorf("reasons (-want +got):\n%s", diff)
	}
	later := signedRequest("/slack/commands", testSecret, now.Add(time.Second), commandBody("T1", "U1", "/order", "list", ""))
	if w := serve(a, later); w.Body.Len() == 0 {
		t.Error("a request signed after the forgotten one was refused")
	}

	// Socket Mode envelopes carry no signed time: forgetting one says
	// nothing about HTTP requests.
	b, _ := newTestAdapter(t, f, nil)
	b.seen = b.newSeen(1)
	b.seen.Add(envelopeKey("1"), 0)
	b.seen.Add(envelopeKey("2"), 0)
	if floor := b.replayFloor.Load(); floor != 0 {
		t.Errorf("forgetting an envelope raised the floor to %d", floor)
	}
}

func TestCommandEndpoint(t *testing.T) {
	tests := []struct {
		name, command, text string
		wantLine            string // the request's Name(), "" for a usage message
		wantOptions         map[string]string
		wantText            string // in the reply's fallback text
	}{
		{"own slash command", "/ask", "my cart is empty", "ask", map[string]string{"question": "my cart is empty"}, "You asked: my cart is empty"},
		{"subcommand", "/order", "add 5", "order add", map[string]string{"quantity": "5"}, "Answer to order add"},
		{"umbrella", "/authorbot", "order list shipped", "order list", map[string]string{"status": "shipped"}, ""},
		{"umbrella question", "/authorbot", "my cart is empty", "ask", map[string]string{"question": "my cart is empty"}, ""},
		{"parse error", "/order", "add lots", "", nil, "quantity must be a whole number"},
		{"unknown command", "/orders", "", "", nil, "I don't know the command /orders"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeRouter()
			a, _ := newTestAdapter(t, f, nil)
			w := serve(a, signedRequest("/slack/commands", testSecret, time.Now(), commandBody("T1", "U1", tt.command, tt.text, "")))
			if w.Code != http.StatusOK {
				t.Fatalf("status = %d, body %q", w.Code, w.Body)
			}
			if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type = %q", ct)
			}
			var msg posted
			if err := json.Unmarshal(w.Body.Bytes(), &msg); err != nil {
				t.Fatalf("reply is not JSON: %v", err)
			}
			if msg.ResponseType != "ephemeral" {
				t.Errorf("response_type = %q, want ephemeral", msg.ResponseType)
			}
			if !strings.Contains(msg.Text, tt.wantText) {
				t.Errorf("text = %q, want it to contain %q", msg.Text, tt.wantText)
			}
			reqs := f.requests()
			if tt.wantLine == "" {
				if len(reqs) != 0 {
					t.Errorf("a line that does not parse reached the handler: %+v", reqs[0])
				}
				return
			}
			if len(reqs) != 1 {
				t.Fatalf("handled %d requests, want 1", len(reqs))
			}
			got := reqs[0]
			if got.Name() != tt.wantLine {
				t.Errorf("command = %q, want %q", got.Name(), tt.wantLine)
			}
			if diff := cmp.Diff(tt.wantOptions, got.Options); diff != "" {
				t.Errorf("options (-want +got):\n%s", diff)
			}
			wantUser := struct{ Platform, Workspace, ID, Name string }{"slack", "T1", "U1", "ann"}
			gotUser := struct{ Platform, Workspace, ID, Name string }{string(got.User.Platform), got.User.Workspace, got.User.ID, got.User.Name}
			if gotUser != wantUser {
				t.Errorf("user = %+v, want %+v", gotUser, wantUser)
			}
			if got.Received.IsZero() {
				t.Error("Received is not set")
			}
		})
	}
}

func TestCommandWithoutUser(t *testing.T) {
	f := newFakeRouter()
	a, _ := newTestAdapter(t, f, nil)
	w := serve(a, signedRequest("/slack/commands", testSecret, time.Now(), commandBody("T1", "", "/order", "list", "")))
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "did not say who sent") {
		t.Errorf("status %d, body %q; want an explanation", w.Code, w.Body)
	}
	if len(f.requests()) != 0 {
		t.Error("a command without a user reached the handler")
	}
}

func TestRoutesNeedSigningSecret(t *testing.T) {
	f := newFakeRouter()
	a, _ := newTestAdapter(t, f, func(c *Config) { c.SigningSecret, c.AppToken = "", "xapp-1" })
	w := serve(a, signedRequest("/slack/commands", "", time.Now(), commandBody("T1", "U1", "/ask", "hi", "")))
	if w.Code != http.StatusNotFound {
		t.Errorf("status = %d, want 404: no routes without a signing secret", w.Code)
	}
}

// A reply with a Key is rendered once and its JSON reused; one without is
// rendered every time.
func TestKeyedRepliesRenderedOnce(t *testing.T) {
	f := newFakeRouter()
	a, _ := newTestAdapter(t, f, nil)
	ask := func(question string) string {
		t.Helper()
		w := serve(a, signedRequest("/slack/commands", testSecret, time.Now(), commandBody("T1", "U1", "/ask", question, "")))
		if w.Code != http.StatusOK || w.Header().Get("Content-Length") != strconv.Itoa(w.Body.Len()) {
			t.Fatalf("%s: status %d, Content-Length %q for %d bytes", question, w.Code, w.Header().Get("Content-Length"), w.Body.Len())
		}
		return w.Body.String()
	}
	first := ask("keyed k1 first")
	if !strings.Contains(first, "You asked: keyed k1 first") {
		t.Fatalf("first keyed reply = %s", first)
	}
	if again := ask("keyed k1 second"); again != first {
		t.Errorf("same key, rendered again:\n%s\nwant\n%s", again, first)
	}
	if other := ask("keyed k2 third"); !strings.Contains(other, "third") {
		t.Errorf("another key got %s", other)
	}
	if plain := ask("plain second"); !strings.Contains(plain, "You asked: plain second") {
		t.Errorf("a reply without a key was not rendered afresh: %s", plain)
	}
}

// TestSSLCheck answers Slack's certificate check, which comes unsigned (or
// signed, should Slack start signing it), with an empty 200, and runs
// nothing, even when the form also holds a command.
func TestSSLCheck(t *testing.T) {
	sslBody := "ssl_check=1&token=verification-token"
	tests := []struct {
		name string
		req  func() *http.Request
	}{
		{"unsigned", func() *http.Request { return formRequest("/slack/commands", sslBody) }},
		{"signed", func() *http.Request { return signedRequest("/slack/commands", testSecret, time.Now(), sslBody) }},
		{"unsigned, with a command", func() *http.Request {
			return formRequest("/slack/commands", commandBody("T1", "U1", "/order", "add 5", "")+"&ssl_check=1")
		}},
		{"unsigned interaction", func() *http.Request { return formRequest("/slack/interactions", sslBody) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeRouter()
			a, rs := newTestAdapter(t, f, nil)
			w := serve(a, tt.req())
			if w.Code != http.StatusOK || w.Body.Len() != 0 {
				t.Errorf("status %d, body %q; want 200 and no body", w.Code, w.Body)
			}
			if n := len(f.requests()); n != 0 {
				t.Errorf("%d commands ran, want none", n)
			}
			if got := rs.get(); len(got) != 0 {
				t.Errorf("counted as refused: %v", got)
			}
		})
	}
	t.Run("not a check", func(t *testing.T) {
		for _, body := range []string{"ssl_check=0&token=x", "xssl_check=1", "ssl_check=10"} {
			if sslCheck([]byte(body)) {
				t.Errorf("sslCheck(%q) = true", body)
			}
		}
	})
}
