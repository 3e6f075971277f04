package slack

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/bot/internal/memnet"
)

// fakeAPI is a fake of Slack's Web API: it answers users.info,
// chat.postMessage, conversations.open and the three steps of a file
// upload, and records the forms it was sent and the files uploaded.
type fakeAPI struct {
	*httptest.Server
	ln     *memnet.Listener // the server's, in memory: reach it through use
	locale string           // users.info's answer; "" makes users.info fail
	// failComplete makes files.completeUploadExternal fail.
	failComplete bool

	mu       sync.Mutex
	calls    []apiCall
	uploaded [][]byte // the bytes posted to the upload URL, in order
}

type apiCall struct {
	method string
	form   map[string]string
}

func newFakeAPI(t testing.TB, locale string) *fakeAPI {
	t.Helper()
	f := &fakeAPI{locale: locale}
	f.Server, f.ln = memnet.NewServer("slack.test:80", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/upload/") {
			f.receive(t, w, r)
			return
		}
		if err := r.ParseForm(); err != nil {
			t.Errorf("API call with a bad form: %v", err)
		}
		call := apiCall{method: strings.TrimPrefix(r.URL.Path, "/"), form: map[string]string{}}
		for k := range r.PostForm {
			call.form[k] = r.PostForm.Get(k)
		}
		// slack-go sends the token in the form; Slack also takes a header.
		if call.form["token"] != "xoxb-test" && r.Header.Get("Authorization") != "Bearer xoxb-test" {
			t.Errorf("%s: called without the bot token", call.method)
		}
		f.mu.Lock()
		f.calls = append(f.calls, call)
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		switch call.method {
		case "users.info":
			if f.locale == "" {
				io.WriteString(w, `{"ok":false,"error":"user_not_found"}`)
				return
			}
			json.NewEncoder(w).Encode(map[string]any{"ok": true, "user": map[string]any{
				"id": call.form["user"], "name": "ann", "locale": f.locale,
			}})
		case "chat.postMessage":
			io.WriteString(w, `{"ok":true,"channel":"D0001","ts":"1700000000.000100"}`)
		case "conversations.open":
			io.WriteString(w, `{"ok":true,"channel":{"id":"D0001"}}`)
		case "files.getUploadURLExternal":
			// The upload URL is on the API's host, where slack-go lets the
			// token go (on Slack, files.slack.com).
			json.NewEncoder(w).Encode(map[string]any{"ok": true, "upload_url": f.URL + "/upload/F0001", "file_id": "F0001"})
		case "files.completeUploadExternal":
			if f.failComplete {
				io.WriteString(w, `{"ok":false,"error":"internal_error"}`)
				return
			}
			io.WriteString(w, `{"ok":true,"files":[{"id":"F0001","title":"authorbot-data.json"}]}`)
		default:
			t.Errorf("unexpected API call %s", call.method)
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(f.Close)
	return f
}

// use points c at the fake: the Web API's URL, and a client that reaches
// it in memory (and so also inside a synctest bubble).
func (f *fakeAPI) use(t testing.TB, c *Config) {
	tr := f.ln.Transport()
	t.Cleanup(tr.CloseIdleConnections)
	c.APIURL = f.URL + "/"
	c.HTTPClient = &http.Client{Timeout: 5 * time.Second, Transport: tr}
}

// receive takes a file posted to an upload URL, as a multipart form with
// a field "file" (what slack-go sends) or as the raw bytes (which Slack
// also takes).
func (f *fakeAPI) receive(t testing.TB, w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "Bearer xoxb-test" {
		t.Errorf("upload without the bot token")
	}
	var data []byte
	mr, err := r.MultipartReader()
	if err != nil {
		data, err = io.ReadAll(r.Body)
	} else {
		for {
			part, perr := mr.NextPart()
			if perr != nil {
				break
			}
			if part.FormName() == "file" {
				data, err = io.ReadAll(part)
			}
		}
	}
	if err != nil {
		t.Errorf("reading the upload: %v", err)
	}
	f.mu.Lock()
	f.calls = append(f.calls, apiCall{method: "upload", form: map[string]string{"path": r.URL.Path}})
	f.uploaded = append(f.uploaded, data)
	f.mu.Unlock()
	io.WriteString(w, "OK - "+strconv.Itoa(len(data)))
}

func (f *fakeAPI) files() [][]byte {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([][]byte(nil), f.uploaded...)
}

func (f *fakeAPI) called(method string) []apiCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []apiCall
	for _, c := range f.calls {
		if c.method == method {
			out = append(out, c)
		}
	}
	return out
}

func TestLocale(t *testing.T) {
	api := newFakeAPI(t, "fr-FR")
	f := newFakeRouter()
	a, _ := newTestAdapter(t, f, func(c *Config) { c.BotToken = "xoxb-test"; api.use(t, c) })

	for range 3 {
		serve(a, signedRequest("/slack/commands", testSecret, time.Now(), commandBody("T1", "U1", "/ask", "my cart is empty", "")))
	}
	serve(a, signedRequest("/slack/commands", testSecret, time.Now(), commandBody("T1", "U2", "/ask", "my cart is empty", "")))
	for _, req := range f.requests() {
		if req.Locale != "fr-FR" {
			t.Errorf("request of %s has locale %q, want fr-FR", req.User.ID, req.Locale)
		}
	}
	calls := api.called("users.info")
	if len(calls) != 2 {
		t.Fatalf("users.info called %d times for 2 users, want 2 (cached)", len(calls))
	}
	if calls[0].form["user"] != "U1" || calls[0].form["include_locale"] != "true" {
		t.Errorf("users.info form = %v; want user U1 and include_locale=true", calls[0].form)
	}
}

func TestLocaleUnknown(t *testing.T) {
	tests := []struct {
		name string
		edit func(c *Config, api *fakeAPI)
	}{
		{"no bot token", func(c *Config, api *fakeAPI) { api.use(t, c) }},
		{"users.info fails", func(c *Config, api *fakeAPI) { c.BotToken = "xoxb-test"; api.use(t, c) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api := newFakeAPI(t, "")
			f := newFakeRouter()
			a, _ := newTestAdapter(t, f, func(c *Config) { tt.edit(c, api) })
			for range 2 {
				serve(a, signedRequest("/slack/commands", testSecret, time.Now(), commandBody("T1", "U1", "/ask", "mon panier est vide", "")))
			}
			for _, req := range f.requests() {
				if req.Locale != "" {
					t.Errorf("locale = %q, want none: the router then goes by the question", req.Locale)
				}
			}
			if n := len(api.called("users.info")); n > 1 {
				t.Errorf("users.info called %d times; a failure should be remembered for a while", n)
			}
		})
	}
}

func TestNotify(t *testing.T) {
	api := newFakeAPI(t, "en-US")
	f := newFakeRouter()
	a, _ := newTestAdapter(t, f, func(c *Config) { c.BotToken = "xoxb-test"; api.use(t, c) })

	user := bot.User{Platform: bot.Slack, Workspace: "T1", ID: "U1"}
	reply := &bot.Reply{Title: "Reminder", Blocks: []bot.Block{&bot.Text{Text: "Order #3 <proofs> should have arrived."}}, Ephemeral: true}
	if err := a.Notify(context.Background(), user, reply); err != nil {
		t.Fatalf("Notify: %v", err)
	}
	calls := api.called("chat.postMessage")
	if len(calls) != 1 {
		t.Fatalf("chat.postMessage called %d times", len(calls))
	}
	form := calls[0].form
	if form["channel"] != "U1" {
		t.Errorf("channel = %q, want the user's id U1 (a DM from the bot)", form["channel"])
	}
	if !strings.Contains(form["text"], "Order #3 &lt;proofs&gt;") {
		t.Errorf("text = %q", form["text"])
	}
	if !strings.Contains(form["blocks"], `"type":"header"`) {
		t.Errorf("blocks = %q", form["blocks"])
	}

	if err := a.Notify(context.Background(), bot.User{Platform: bot.Discord, ID: "1"}, reply); err == nil {
		t.Error("Notify accepted a Discord user")
	}
	noToken, _ := newTestAdapter(t, f, nil)
	if err := noToken.Notify(context.Background(), user, reply); err == nil {
		t.Error("Notify without a bot token did not fail")
	}
}

// Notify is how reminders reach Slack users.
var _ bot.Notifier = (*Adapter)(nil)
