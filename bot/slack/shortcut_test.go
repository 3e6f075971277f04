package slack

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/authorbot/authorbot/bot"
)

// shortcutBody is the form Slack posts for the message shortcut used on a
// message of channel C0001 posted at ts, in the thread threadTS ("" for a
// message that starts none).
func shortcutBody(callbackID, ts, threadTS, text, responseURL string) string {
	msg := map[string]any{"type": "message", "user": "U9", "text": text, "ts": ts}
	if threadTS != "" {
		msg["thread_ts"] = threadTS
	}
	payload := map[string]any{
		"type":         "message_action",
		"callback_id":  callbackID,
		"team":         map[string]any{"id": "T1", "domain": "authors"},
		"user":         map[string]any{"id": "U1", "username": "ann", "name": "ann", "team_id": "T1"},
		"channel":      map[string]any{"id": "C0001", "name": "help"},
		"message":      msg,
		"message_ts":   ts,
		"response_url": responseURL,
		"trigger_id":   strconv.FormatInt(time.Now().UnixNano(), 10),
	}
	b, _ := json.Marshal(payload)
	return url.Values{"payload": {string(b)}}.Encode()
}

// bothFakes points c at the fake Web API and the fake response URL at
// once, each reached in memory by its host.
func bothFakes(t *testing.T, c *Config, api *fakeAPI, hook *responseURL) {
	api.use(t, c)
	tr := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		if addr == hook.Listener.Addr().String() {
			return hook.ln.DialContext(ctx, network, addr)
		}
		return api.ln.DialContext(ctx, network, addr)
	}}
	t.Cleanup(tr.CloseIdleConnections)
	c.HTTPClient = &http.Client{Timeout: 5 * time.Second, Transport: tr}
}

// TestShortcutAnswersInThread drives the message shortcut: the message is
// asked as a question, the answer goes to the presser alone with a share
// button that names the message's thread, and pressing it posts the shared
// answer in that thread (chat.postMessage with thread_ts), not in the
// channel.
func TestShortcutAnswersInThread(t *testing.T) {
	for _, tt := range []struct{ name, ts, threadTS, want string }{
		{"a message of the channel", "1700000000.000100", "", "1700000000.000100"},
		{"a message in a thread", "1700000500.000200", "1700000000.000100", "1700000000.000100"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			api := newFakeAPI(t, "en-US")
			hook := newMemResponseURL(t)
			f := newFakeRouter()
			a, _ := newTestAdapter(t, f, func(c *Config) { c.BotToken = "xoxb-test"; bothFakes(t, c, api, hook) })

			w := serve(a, signedRequest("/slack/interactions", testSecret, time.Now(), shortcutBody(ShortcutID, tt.ts, tt.threadTS, "my cart is empty!!", hook.URL)))
			if w.Code != http.StatusOK || w.Body.Len() != 0 {
				t.Fatalf("acknowledgement: status %d, body %q; want an empty 200", w.Code, w.Body)
			}
			private := hook.next(t)
			if private.ResponseType != "ephemeral" || !strings.Contains(private.Text, "You asked: my cart is empty!!") {
				t.Errorf("answer: %+v", private)
			}
			value := bot.ActionReply + ":C0001/" + tt.want + "//help cart-empty"
			if !strings.Contains(string(private.Blocks), strconv.Quote(value)) {
				t.Fatalf("the share button is not %q: %s", value, private.Blocks)
			}
			reqs := f.requests()
			if len(reqs) != 1 || reqs[0].Command != "ask" || reqs[0].Option("question") != "my cart is empty!!" || reqs[0].User.ID != "U1" {
				t.Fatalf("requests: %+v", reqs)
			}

			serve(a, signedRequest("/slack/interactions", testSecret, time.Now(), actionBody("T1", "U1", value, hook.URL)))
			hook.none(t, a)
			calls := api.called("chat.postMessage")
			if len(calls) != 1 {
				t.Fatalf("chat.postMessage called %d times", len(calls))
			}
			if form := calls[0].form; form["channel"] != "C0001" || form["thread_ts"] != tt.want || !strings.Contains(form["blocks"], "for /help cart-empty") {
				t.Errorf("posted channel %q thread_ts %q blocks %s", form["channel"], form["thread_ts"], form["blocks"])
			}
			if got := f.requests()[1]; got.Action != bot.ActionShare || got.Option("value") != "/help cart-empty" ||
				got.Thread == nil || got.Thread.Channel != "C0001" || got.Thread.Message != tt.want {
				t.Errorf("share request: action %q value %q thread %+v", got.Action, got.Option("value"), got.Thread)
			}
		})
	}
}

// TestShortcutReplyFails checks that a shared answer that cannot be posted
// in the thread (here: no bot token) is said to the presser.
func TestShortcutReplyFails(t *testing.T) {
	f := newFakeRouter()
	a, _ := newTestAdapter(t, f, nil)
	hook := newResponseURL(t)
	serve(a, signedRequest("/slack/interactions", testSecret, time.Now(), actionBody("T1", "U1", bot.ActionReply+":C0001/1700000000.000100//help cart-empty", hook.URL)))
	if msg := hook.next(t); msg.ResponseType != "ephemeral" || !strings.Contains(msg.Text, "couldn't post the answer in that message's thread") {
		t.Errorf("posted %+v", msg)
	}
	hook.none(t, a)
}

// TestShortcutUnknown checks that a shortcut of another callback id gets a
// private notice and reaches no handler.
func TestShortcutUnknown(t *testing.T) {
	f := newFakeRouter()
	a, _ := newTestAdapter(t, f, nil)
	hook := newResponseURL(t)
	serve(a, signedRequest("/slack/interactions", testSecret, time.Now(), shortcutBody("something_else", "1700000000.000100", "", "hi", hook.URL)))
	if msg := hook.next(t); !strings.Contains(msg.Text, "That interaction is not one I know.") {
		t.Errorf("posted %+v", msg)
	}
	hook.none(t, a)
	if n := len(f.requests()); n != 0 {
		t.Errorf("%d requests handled", n)
	}
}

// TestManifestsDeclareShortcut checks that both manifests declare the
// message shortcut by the name and callback id the adapter reads.
func TestManifestsDeclareShortcut(t *testing.T) {
	for _, name := range []string{"slack-manifest.yaml", "slack-manifest-socket.yaml"} {
		raw, err := os.ReadFile(filepath.Join("..", "..", "deploy", name))
		if err != nil {
			t.Fatal(err)
		}
		var m struct {
			Features struct {
				Shortcuts []struct {
					Name, Type, Description string
					CallbackID              string `yaml:"callback_id"`
				}
			}
		}
		if err := yaml.Unmarshal(raw, &m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		found := false
		for _, s := range m.Features.Shortcuts {
			if s.CallbackID == ShortcutID {
				found = true
				if s.Name != bot.MessageCommand || s.Type != "message" || s.Description == "" {
					t.Errorf("%s: shortcut %+v, want the message shortcut named %q", name, s, bot.MessageCommand)
				}
			}
		}
		if !found {
			t.Errorf("%s declares no shortcut %q", name, ShortcutID)
		}
	}
}
