package main

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/handlers"
	"github.com/authorbot/authorbot/kb"
	"github.com/authorbot/authorbot/ledger"
	"github.com/authorbot/authorbot/metrics"
	"github.com/authorbot/authorbot/store"
)

const slackTestSecret = "e2e-signing-secret"

// discordTestKey is an Ed25519 public key (RFC 8032's first test vector),
// for configurations that need a Discord key but no signed request.
const discordTestKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"

// lockedBuffer collects a server's log lines from several goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startServe runs "authorbot serve" through run, as main does, on a
// loopback listener the test opens itself and a SQLite file of the test's
// own, and returns its base URL. Requests may go at once: they wait in
// the listener's backlog until the server accepts them. The server stops
// at the end of the test.
func startServe(t *testing.T, vars map[string]string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	vars["AUTHORBOT_HTTP_ADDR"] = "127.0.0.1:0"
	if vars["AUTHORBOT_DB"] == "" {
		vars["AUTHORBOT_DB"] = filepath.Join(t.TempDir(), "authorbot.db")
	}
	listened := make(chan struct{})
	listen := func(network, address string) (net.Listener, error) {
		close(listened)
		if network != "tcp" || address != vars["AUTHORBOT_HTTP_ADDR"] {
			return nil, fmt.Errorf("serve listened on %s %s, want tcp %s", network, address, vars["AUTHORBOT_HTTP_ADDR"])
		}
		return ln, nil
	}
	var logs lockedBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- runOn(ctx, listen, []string{"serve"}, env(vars), strings.NewReader(""), io.Discard, &logs)
		// A server that stopped early (or never served) refuses what
		// waits in the backlog, rather than leave the test hanging.
		ln.Close()
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v\n%s", err, logs.String())
		}
	})
	select {
	case <-listened:
	case err := <-done:
		done <- nil // for the cleanup
		t.Fatalf("serve stopped before it listened: %v\n%s", err, logs.String())
	case <-time.After(20 * time.Second):
		t.Fatalf("serve did not ask for its listener:\n%s", logs.String())
	}
	return "http://" + ln.Addr().String()
}

// signSlack sets the headers of a form post with body, signed as Slack
// signs it with slackTestSecret.
func signSlack(h http.Header, body string) {
	stamp := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(slackTestSecret))
	io.WriteString(mac, "v0:"+stamp+":"+body)
	h.Set("Content-Type", "application/x-www-form-urlencoded")
	h.Set("X-Slack-Request-Timestamp", stamp)
	h.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
}

// slackPost sends a form to a Slack route signed as Slack signs it.
func slackPost(t *testing.T, base, path string, form url.Values) (int, string) {
	t.Helper()
	body := form.Encode()
	req, err := http.NewRequest(http.MethodPost, base+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	signSlack(req.Header, body)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	// Replies carry their length, so none goes out chunked.
	if len(b) > 0 && resp.StatusCode == http.StatusOK && (resp.ContentLength != int64(len(b)) || len(resp.TransferEncoding) > 0) {
		t.Errorf("%s: Content-Length %d, Transfer-Encoding %v, for a %d-byte reply", path, resp.ContentLength, resp.TransferEncoding, len(b))
	}
	return resp.StatusCode, string(b)
}

var triggers atomic.Int64

// slashForm is a slash command as Slack posts it.
func slashForm(team, user, command, text string) url.Values {
	return url.Values{
		"team_id": {team}, "team_domain": {"authors"}, "channel_id": {"C1"}, "channel_name": {"general"},
		"user_id": {user}, "user_name": {"author"}, "command": {command}, "text": {text},
		"response_url": {"https://hooks.slack.com/commands/T/1/x"}, "api_app_id": {"A1"},
		"trigger_id": {strconv.FormatInt(triggers.Add(1), 10)},
	}
}

// slackReply is the part of a Slack message the tests look at.
type slackReply struct {
	ResponseType string          `json:"response_type"`
	Text         string          `json:"text"`
	Blocks       json.RawMessage `json:"blocks"`
}

// slash runs one slash command and returns the reply.
func slash(t *testing.T, base, team, user, command, text string) slackReply {
	t.Helper()
	status, body := slackPost(t, base, "/slack/commands", slashForm(team, user, command, text))
	if status != http.StatusOK {
		t.Fatalf("%s %s: status %d: %s", command, text, status, body)
	}
	var r slackReply
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatalf("%s %s: reply is not JSON: %v: %s", command, text, err, body)
	}
	return r
}

// TestSlackEndToEnd drives authorbot serve through POST /slack/commands
// and /slack/interactions on a real SQLite file, and checks that one
// author's orders stay theirs.
func TestSlackEndToEnd(t *testing.T) {
	base := startServe(t, map[string]string{"AUTHORBOT_SLACK_SIGNING_SECRET": slackTestSecret})

	t.Run("ask", func(t *testing.T) {
		r := slash(t, base, "T1", "U1", "/ask", "my cart is empty")
		if r.ResponseType != "ephemeral" {
			t.Errorf("response_type = %q, want ephemeral", r.ResponseType)
		}
		if !strings.Contains(r.Text, "cart") || !strings.Contains(string(r.Blocks), `"type":"header"`) {
			t.Errorf("answer = %q, blocks %s", r.Text, r.Blocks)
		}
		if !strings.Contains(string(r.Blocks), `"value":"share:cart-empty|en"`) {
			t.Errorf("no share button in %s", r.Blocks)
		}
	})

	const title = "Moonlit Harbour Tales"
	t.Run("order add", func(t *testing.T) {
		r := slash(t, base, "T1", "U1", "/order", "add 25 amazon.com "+title)
		if !strings.Contains(r.Text, title) || r.ResponseType != "ephemeral" {
			t.Errorf("order add = %+v", r)
		}
	})

	tests := []struct {
		name, team, user, command, text string
		sees                            bool
	}{
		{"the author sees the order", "T1", "U1", "/order", "list", true},
		{"under /authorbot too", "T1", "U1", "/authorbot", "order list", true},
		{"another author of the workspace does not", "T1", "U2", "/order", "list", false},
		{"the same user id in another workspace does not", "T2", "U1", "/order", "list", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := slash(t, base, tt.team, tt.user, tt.command, tt.text)
			if got := strings.Contains(r.Text+string(r.Blocks), title); got != tt.sees {
				t.Errorf("%s/%s sees %q: %v, want %v\n%s", tt.team, tt.user, title, got, tt.sees, r.Text)
			}
			if r.ResponseType != "ephemeral" {
				t.Errorf("an order list is %s", r.ResponseType)
			}
		})
	}

	t.Run("usage message", func(t *testing.T) {
		r := slash(t, base, "T1", "U1", "/order", "add lots")
		if r.ResponseType != "ephemeral" || !strings.Contains(r.Text, "Usage") {
			t.Errorf("bad line got %+v", r)
		}
	})

	t.Run("buttons", func(t *testing.T) {
		var mu sync.Mutex
		var posts []slackReply
		got := make(chan struct{}, 8)
		hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			var p slackReply
			json.NewDecoder(r.Body).Decode(&p)
			mu.Lock()
			posts = append(posts, p)
			mu.Unlock()
			got <- struct{}{}
		}))
		defer hook.Close()
		press := func(value string) {
			payload, _ := json.Marshal(map[string]any{
				"type": "block_actions", "team": map[string]any{"id": "T1"},
				"user":         map[string]any{"id": "U1", "username": "author", "team_id": "T1"},
				"response_url": hook.URL, "trigger_id": strconv.FormatInt(triggers.Add(1), 10),
				"actions": []map[string]any{{"type": "button", "block_id": "b", "action_id": "x-0", "value": value,
					"action_ts": strconv.FormatInt(triggers.Add(1), 10)}},
			})
			status, body := slackPost(t, base, "/slack/interactions", url.Values{"payload": {string(payload)}})
			if status != http.StatusOK {
				t.Fatalf("interaction: status %d: %s", status, body)
			}
		}
		wait := func(n int) []slackReply {
			for range n {
				select {
				case <-got:
				case <-time.After(10 * time.Second):
					t.Fatal("nothing posted to the response URL")
				}
			}
			mu.Lock()
			defer mu.Unlock()
			out := posts
			posts = nil
			return out
		}

		press("share:/help cart-empty")
		shared := wait(2)
		if shared[0].ResponseType != "in_channel" || !strings.Contains(shared[0].Text, "cart") {
			t.Errorf("shared answer = %+v", shared[0])
		}
		if strings.Contains(string(shared[0].Blocks), `"actions"`) {
			t.Error("the shared answer kept the asker's buttons")
		}

		press("share:/order list")
		if refused := wait(1); refused[0].ResponseType != "ephemeral" || strings.Contains(refused[0].Text, title) {
			t.Errorf("sharing an order list: %+v; want a private refusal", refused[0])
		}

		press("feedback:cart-empty|en|yes")
		if thanks := wait(1); thanks[0].ResponseType != "ephemeral" || !strings.Contains(thanks[0].Text, "Thanks") {
			t.Errorf("feedback = %+v", thanks[0])
		}
	})

	t.Run("unsigned requests are refused and counted", func(t *testing.T) {
		resp, err := http.PostForm(base+"/slack/commands", slashForm("T1", "U1", "/order", "list"))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("unsigned: status %d, want 401", resp.StatusCode)
		}
		wantMetric(t, base, `authorbot_verification_failures_total{platform="slack",reason="missing"} 1`)
	})
}

// TestSlackRoutesNeedSigningSecret checks that Socket Mode alone mounts
// no HTTP route. Nothing is run, so nothing connects to Slack.
func TestSlackRoutesNeedSigningSecret(t *testing.T) {
	d := slackTestDeps(t)
	d.cfg.Slack.SigningSecret, d.cfg.Slack.AppToken, d.cfg.Slack.BotToken = "", "xapp-1", "xoxb-1"
	ps, err := slackPlatforms(d)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	for _, p := range ps {
		p.routes(mux)
		if p.notifier == nil {
			t.Error("a bot token is set but Slack offers no notifier")
		}
		if p.run == nil {
			t.Error("an app token is set but there is no Socket Mode run")
		}
	}
	if _, pattern := mux.Handler(httptest.NewRequest(http.MethodPost, "/slack/commands", nil)); pattern != "" {
		t.Errorf("without a signing secret %s is mounted", pattern)
	}
}

// testKB is the knowledge base, loaded once for the package's tests:
// nothing changes it once loaded, and each load takes about 30 ms (over
// 100 ms under -race).
var testKB = sync.OnceValues(kb.Load)

// platformTestDeps builds what the platform builders need, with no
// platform configured, on a SQLite file of the test's own.
func platformTestDeps(t testing.TB) (platformDeps, *store.DB) {
	t.Helper()
	log := slog.New(slog.DiscardHandler)
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "authorbot.db"), log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	k, err := testKB()
	if err != nil {
		t.Fatal(err)
	}
	router := handlers.New(log, k, ledger.NewService(db), db)
	d := platformDeps{router: router, metrics: metrics.New(bot.RequestNames(router.Commands())), log: log}
	d.dispatch = &bot.Dispatcher{Handler: router, Log: log, Observe: d.metrics.Observe}
	return d, db
}

// slackTestDeps builds what slackPlatforms needs, configured for the HTTP
// routes.
func slackTestDeps(t testing.TB) platformDeps {
	t.Helper()
	d, _ := platformTestDeps(t)
	d.cfg.Slack.SigningSecret = slackTestSecret
	return d
}

// BenchmarkSlackCommands measures POST /slack/commands through the real
// router and a SQLite store: /ask my cart is empty and /order list, each
// answered, as scripts/bench-slack sends them. The router has no limits
// (one author sending as fast as the loop goes would be told to slow down
// after 20 commands, and that refusal measured instead), and the author
// has an order on record, so /order list has a row to show.
func BenchmarkSlackCommands(b *testing.B) {
	d, db := platformTestDeps(b)
	d.cfg.Slack.SigningSecret = slackTestSecret
	k, _ := testKB()
	d.router = handlers.New(slog.New(slog.DiscardHandler), k, ledger.NewService(db), db, handlers.WithLimits(handlers.Limits{}))
	d.dispatch = &bot.Dispatcher{Handler: d.router, Log: d.log, Observe: d.metrics.Observe}
	ps, err := slackPlatforms(d)
	if err != nil {
		b.Fatal(err)
	}
	mux := http.NewServeMux()
	ps[0].routes(mux)
	send := func(command, text string) {
		body := slashForm("T1", "U1", command, text).Encode()
		r := httptest.NewRequest(http.MethodPost, "/slack/commands", strings.NewReader(body))
		signSlack(r.Header, body)
		w := httptest.NewRecorder()
		mux.ServeHTTP(w, r)
		if w.Code != http.StatusOK || bytes.Contains(w.Body.Bytes(), []byte("going fast")) {
			b.Fatalf("%s %s: status %d: %s", command, text, w.Code, w.Body)
		}
	}
	send("/order", "add 25 amazon.com The Long Road")
	for _, bc := range []struct{ command, text string }{{"/ask", "my cart is empty"}, {"/order", "list"}} {
		b.Run(strings.TrimPrefix(bc.command, "/"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				send(bc.command, bc.text)
			}
		})
	}
}
