package discord

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/gorilla/websocket"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/bot/internal/memnet"
	"github.com/authorbot/authorbot/bot/internal/replytest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name.golden, or rewrites the file
// with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs from the golden file (-want +got):\n%s", path, diff)
	}
}

func indentJSON(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // show < and > as Discord will
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// call is one request the bot made to the fake Discord.
type call struct {
	Method, Path string
	At           time.Time // when it arrived, on the clock of the test's bubble
	Auth         string
	Body         map[string]any // the JSON body, or a multipart body's payload_json
	List         []any          // the body when it is a JSON array
	Files        []bot.File     // a multipart body's files[n], in order
}

// answer is a scripted answer of the fake Discord.
type answer struct {
	status int
	header map[string]string
	body   string
}

// rateLimited is Discord's 429, asking for a wait of retryAfter seconds
// in the body (when not 0) and header (when not "").
func rateLimited(retryAfter float64, header string) answer {
	a := answer{status: http.StatusTooManyRequests, header: map[string]string{}}
	if header != "" {
		a.header["Retry-After"] = header
	}
	if retryAfter != 0 {
		a.body = fmt.Sprintf(`{"message": "You are being rate limited.", "retry_after": %g, "global": false}`, retryAfter)
	} else {
		a.body = `{"message": "You are being rate limited."}`
	}
	return a
}

// fakeDiscord is Discord's REST API (and, when gateway is set, its
// gateway) on an httptest server. It records every request the bot
// makes and answers the way Discord does.
type fakeDiscord struct {
	t       *testing.T
	srv     *httptest.Server
	ln      *memnet.Listener // srv's, in memory: see newFakeDiscord
	tr      *http.Transport
	gateway http.Handler // serves /gateway when set
	status  map[string]int
	script  map[string][]answer // answers to give first, by method and route
	delay   time.Duration       // how long each answer takes

	mu    sync.Mutex
	calls []call
	seen  chan struct{} // signalled on each call
}

// newFakeDiscord starts a fake Discord on an in-memory network, so that
// a test can run it in a synctest bubble, where timers and the time
// spent by Discord's answers pass on the bubble's clock.
func newFakeDiscord(t *testing.T) *fakeDiscord {
	f := &fakeDiscord{t: t, seen: make(chan struct{}, 1000), status: map[string]int{}, script: map[string][]answer{}}
	f.srv, f.ln = memnet.NewServer("discord.test:80", http.HandlerFunc(f.serve))
	f.tr = f.ln.Transport()
	t.Cleanup(f.srv.Close)
	t.Cleanup(f.tr.CloseIdleConnections) // first: cleanups run last in, first out
	return f
}

// client reaches the fake server for every request to discord.com, and
// fails any request to another host: no test reaches the network.
func (f *fakeDiscord) client() *http.Client {
	target, _ := url.Parse(f.srv.URL)
	return &http.Client{Transport: rewrite{target: target, base: f.tr}, Timeout: 10 * time.Second}
}

// dialer opens the gateway's websocket to the fake.
func (f *fakeDiscord) dialer() *websocket.Dialer {
	return &websocket.Dialer{NetDialContext: f.ln.DialContext}
}

// newGatewayAdapter builds an adapter with a bot token whose gateway and
// REST calls reach f.
func newGatewayAdapter(t *testing.T, f *fakeDiscord, cfg Config) *Adapter {
	t.Helper()
	cfg.Token, cfg.Client = "tok", f.client()
	a, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	a.session.Dialer = f.dialer()
	return a
}

type rewrite struct {
	target *url.URL
	base   http.RoundTripper
}

func (rw rewrite) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host != "discord.com" {
		return nil, fmt.Errorf("test tried to reach %s", r.URL.Host)
	}
	r = r.Clone(r.Context())
	r.URL.Scheme, r.URL.Host, r.Host = rw.target.Scheme, rw.target.Host, ""
	return rw.base.RoundTrip(r)
}

func (f *fakeDiscord) serve(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/gateway") && f.gateway != nil { // discordgo adds a slash
		f.gateway.ServeHTTP(w, r)
		return
	}
	body, _ := io.ReadAll(r.Body)
	c := call{Method: r.Method, Path: strings.TrimPrefix(r.URL.Path, "/api/v9/"), At: time.Now(), Auth: r.Header.Get("Authorization")}
	if mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		f.readMultipart(&c, body, params["boundary"])
	} else if len(body) > 0 {
		if body[0] == '[' {
			_ = json.Unmarshal(body, &c.List)
		} else if err := json.Unmarshal(body, &c.Body); err != nil {
			f.t.Errorf("%s %s: body is not JSON: %s", r.Method, r.URL.Path, body)
		}
	}
	f.mu.Lock()
	f.calls = append(f.calls, c)
	key := r.Method + " " + route(c.Path)
	status, failing := f.status[key]
	var scripted *answer
	if next := f.script[key]; len(next) > 0 {
		scripted, f.script[key] = &next[0], next[1:]
	}
	delay := f.delay
	f.mu.Unlock()
	time.Sleep(delay)
	f.seen <- struct{}{}
	if scripted != nil {
		for k, v := range scripted.header {
			w.Header().Set(k, v)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(scripted.status)
		io.WriteString(w, scripted.body)
		return
	}
	if failing {
		http.Error(w, `{"message": "test failure", "code": 0}`, status)
		return
	}
	parts := strings.Split(c.Path, "/")
	switch {
	case r.Method == "GET" && c.Path == "gateway":
		u, _ := url.Parse(f.srv.URL)
		writeTestJSON(w, map[string]string{"url": "ws://" + u.Host + "/gateway"})
	case r.Method == "GET" && c.Path == "applications/@me":
		writeTestJSON(w, map[string]any{"id": "app-1", "name": "authorbot"})
	case r.Method == "PUT" && strings.HasSuffix(c.Path, "/commands"):
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	case r.Method == "POST" && c.Path == "users/@me/channels":
		writeTestJSON(w, map[string]any{"id": "dm-" + fmt.Sprint(c.Body["recipient_id"]), "type": 1})
	case r.Method == "GET" && len(parts) == 2 && parts[0] == "channels":
		// Every channel is in the server "g1", the moderators' own.
		writeTestJSON(w, map[string]any{"id": parts[1], "type": 0, "guild_id": "g1"})
	case r.Method == "POST" && len(parts) == 3 && parts[0] == "channels" && parts[2] == "messages":
		writeTestJSON(w, map[string]any{"id": "msg-1", "channel_id": parts[1]})
	case r.Method == "POST" && parts[0] == "interactions":
		w.WriteHeader(http.StatusNoContent)
	case r.Method == "PATCH" && parts[0] == "webhooks":
		writeTestJSON(w, map[string]any{"id": "msg-2"})
	case r.Method == "DELETE" && parts[0] == "webhooks":
		w.WriteHeader(http.StatusNoContent)
	case r.Method == "POST" && parts[0] == "webhooks":
		w.WriteHeader(http.StatusNoContent)
	default:
		f.t.Errorf("unexpected request %s %s", r.Method, r.URL.Path)
		http.NotFound(w, r)
	}
}

func writeTestJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

// readMultipart reads a multipart body as Discord does: the JSON in
// payload_json, the files in files[n].
func (f *fakeDiscord) readMultipart(c *call, body []byte, boundary string) {
	mr := multipart.NewReader(bytes.NewReader(body), boundary)
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return
		}
		if err != nil {
			f.t.Errorf("%s %s: bad multipart body: %v", c.Method, c.Path, err)
			return
		}
		data, _ := io.ReadAll(p)
		switch name := p.FormName(); {
		case name == "payload_json":
			if err := json.Unmarshal(data, &c.Body); err != nil {
				f.t.Errorf("%s %s: payload_json is not JSON: %s", c.Method, c.Path, data)
			}
		case name == fmt.Sprintf("files[%d]", len(c.Files)):
			c.Files = append(c.Files, bot.File{Name: p.FileName(), ContentType: p.Header.Get("Content-Type"), Data: data})
		default:
			f.t.Errorf("%s %s: unexpected part %q", c.Method, c.Path, name)
		}
	}
}

// answerFirst makes the fake give these answers, in order, to the next
// calls of method+route, before answering as usual.
func (f *fakeDiscord) answerFirst(method, route string, answers ...answer) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.script[method+" "+route] = append(f.script[method+" "+route], answers...)
}

// fail makes the fake answer method+route with status.
func (f *fakeDiscord) fail(method, route string, status int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.status[method+" "+route] = status
}

// wait returns the calls once there are at least n, failing the test if
// they do not come.
func (f *fakeDiscord) wait(n int) []call {
	f.t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		f.mu.Lock()
		if len(f.calls) >= n {
			out := append([]call(nil), f.calls...)
			f.mu.Unlock()
			return out
		}
		f.mu.Unlock()
		select {
		case <-f.seen:
		case <-deadline:
			f.t.Fatalf("waited for %d calls to Discord, got %d: %v", n, len(f.recorded()), f.recorded())
		}
	}
}

// gaps are the times between the calls, in order: in a bubble, where
// only waiting moves the clock, how long the bot waited before each
// call but the first.
func gaps(calls []call) []time.Duration {
	var d []time.Duration
	for i := 1; i < len(calls); i++ {
		d = append(d, calls[i].At.Sub(calls[i-1].At))
	}
	return d
}

func (f *fakeDiscord) recorded() []call {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]call(nil), f.calls...)
}

// testKey is a fixed Ed25519 key pair standing in for the application's.
func testKey(seed byte) (ed25519.PublicKey, ed25519.PrivateKey) {
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{seed}, ed25519.SeedSize))
	return priv.Public().(ed25519.PublicKey), priv
}

// signed builds an HTTP interaction exactly as Discord sends one:
// X-Signature-Ed25519 is hex(sign(timestamp + body)).
func signed(priv ed25519.PrivateKey, at time.Time, body []byte) *http.Request {
	stamp := strconv.FormatInt(at.Unix(), 10)
	sig := ed25519.Sign(priv, append([]byte(stamp), body...))
	r := httptest.NewRequest(http.MethodPost, "/discord/interactions", bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("X-Signature-Ed25519", hex.EncodeToString(sig))
	r.Header.Set("X-Signature-Timestamp", stamp)
	return r
}

// interaction JSON builders, shaped like Discord's payloads.

type opt = map[string]any

func member(id, name string) map[string]any {
	return map[string]any{"nick": nil, "user": map[string]any{"id": id, "username": name, "global_name": strings.ToUpper(name[:1]) + name[1:]}}
}

func commandInteraction(id, guild, userID, locale, name string, options ...opt) []byte {
	i := map[string]any{
		"id": id, "application_id": "app-1", "type": 2, "token": "tok-" + id, "version": 1,
		"locale": locale, "channel_id": "chan-1",
		"data": map[string]any{"id": "cmd-" + name, "name": name, "type": 1, "options": options},
	}
	if guild != "" {
		i["guild_id"] = guild
		i["member"] = member(userID, "ada")
	} else {
		i["user"] = member(userID, "ada")["user"]
	}
	b, _ := json.Marshal(i)
	return b
}

func sub(name string, options ...opt) opt {
	return opt{"type": 1, "name": name, "options": options}
}

func str(name, v string) opt { return opt{"type": 3, "name": name, "value": v} }
func num(name string, v float64) opt {
	return opt{"type": 4, "name": name, "value": v}
}
func typing(o opt) opt { o["focused"] = true; return o }

func autocompleteInteraction(id, locale, name string, options ...opt) []byte {
	var i map[string]any
	_ = json.Unmarshal(commandInteraction(id, "guild-1", "user-1", locale, name, options...), &i)
	i["type"] = 4
	b, _ := json.Marshal(i)
	return b
}

func buttonInteraction(id, guild, userID, locale, customID string) []byte {
	var i map[string]any
	_ = json.Unmarshal(commandInteraction(id, guild, userID, locale, "x"), &i)
	i["type"] = 3
	i["data"] = map[string]any{"custom_id": customID, "component_type": 2}
	i["message"] = map[string]any{"id": "msg-0", "channel_id": "chan-1", "flags": 64}
	b, _ := json.Marshal(i)
	return b
}

func pingInteraction() []byte {
	return []byte(`{"id":"ping-1","application_id":"app-1","type":1,"token":"tok","version":1}`)
}

// recorder is a handler that records the requests it gets and answers
// with a fixed reply, or with what answer returns.
type recorder struct {
	mu     sync.Mutex
	reqs   []*bot.Request
	answer func(req *bot.Request) *bot.Reply
}

func (r *recorder) Serve(ctx context.Context, req *bot.Request) *bot.Reply {
	r.mu.Lock()
	r.reqs = append(r.reqs, req)
	answer := r.answer
	r.mu.Unlock()
	if answer != nil {
		return answer(req)
	}
	return sampleAnswer("en")
}

func (r *recorder) requests() []*bot.Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]*bot.Request(nil), r.reqs...)
}

// sampleAnswer is a knowledge-base answer as the handlers build one, in
// English or French: the shared replies' "answer" and "answer-fr".
func sampleAnswer(lang string) *bot.Reply {
	if lang == "fr" {
		return replytest.Reply("answer-fr")
	}
	return replytest.Reply("answer")
}

// newTestAdapter builds an adapter for HTTP interactions answered by rec,
// whose REST calls reach f.
func newTestAdapter(t testing.TB, f *fakeDiscord, rec *recorder, mutate func(*Config)) (*Adapter, ed25519.PrivateKey) {
	pub, priv := testKey(7)
	cfg := Config{
		PublicKey: hex.EncodeToString(pub),
		Serve:     rec.Serve,
	}
	if f != nil {
		cfg.Client = f.client()
	}
	if mutate != nil {
		mutate(&cfg)
	}
	a, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return a, priv
}

// post sends a request through the adapter and decodes its JSON answer.
// postDeferred sends r to a, whose handler is held, and returns once the
// deadline has passed: a answers with a deferral then, and serves on
// until the handler is let go. The returned function waits for that and
// returns what post would.
func postDeferred(t *testing.T, a *Adapter, r *http.Request) func() (int, map[string]any) {
	t.Helper()
	w := httptest.NewRecorder()
	done := make(chan struct{})
	go func() {
		defer close(done)
		a.ServeHTTP(w, r)
	}()
	time.Sleep(a.deferAfter) // in a bubble: the deferral is due
	synctest.Wait()
	if !w.Flushed || w.Body.Len() == 0 {
		t.Errorf("nothing sent at the deadline while the handler was held")
	}
	return func() (int, map[string]any) {
		t.Helper()
		<-done
		var out map[string]any
		if w.Code == http.StatusOK {
			if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
				t.Fatalf("response is not JSON: %q", w.Body.String())
			}
		}
		return w.Code, out
	}
}

func post(t *testing.T, a http.Handler, r *http.Request) (int, map[string]any) {
	t.Helper()
	w := httptest.NewRecorder()
	a.ServeHTTP(w, r)
	var out map[string]any
	if w.Code == http.StatusOK {
		if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
			t.Fatalf("response is not JSON: %q", w.Body.String())
		}
	}
	return w.Code, out
}
