package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/config"
	"github.com/authorbot/authorbot/store"
)

// discordKey is the test application's Ed25519 key pair.
func discordKey() (ed25519.PublicKey, ed25519.PrivateKey) {
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{42}, ed25519.SeedSize))
	return priv.Public().(ed25519.PublicKey), priv
}

// fakeDiscordAPI stands in for discord.com: it records each request and
// answers 204. discordClient reaches it for every discord.com URL and
// refuses any other host, so no test reaches the network.
type fakeDiscordAPI struct {
	srv   *httptest.Server
	mu    sync.Mutex
	calls []string // "METHOD path"
	body  [][]byte
}

func newFakeDiscordAPI(t testing.TB) *fakeDiscordAPI {
	f := &fakeDiscordAPI{}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		f.mu.Lock()
		f.calls = append(f.calls, r.Method+" "+strings.TrimPrefix(r.URL.Path, "/api/v9/"))
		f.body = append(f.body, b)
		f.mu.Unlock()
		switch {
		case r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/applications/@me"):
			fmt.Fprint(w, `{"id":"app-7","name":"authorbot"}`)
		case r.Method == http.MethodPut:
			w.Write(b)
		default:
			w.WriteHeader(http.StatusNoContent)
		}
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeDiscordAPI) client() *http.Client {
	target, _ := url.Parse(f.srv.URL)
	return &http.Client{Timeout: 10 * time.Second, Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if r.URL.Host != "discord.com" {
			return nil, fmt.Errorf("test tried to reach %s", r.URL.Host)
		}
		r = r.Clone(r.Context())
		r.URL.Scheme, r.URL.Host, r.Host = target.Scheme, target.Host, ""
		return http.DefaultTransport.RoundTrip(r)
	})}
}

func (f *fakeDiscordAPI) recorded() ([]string, [][]byte) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...), append([][]byte(nil), f.body...)
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// discordTestDeps builds what discordPlatforms needs, on a SQLite file of
// the test's own, configured for HTTP interactions.
func discordTestDeps(t testing.TB) (platformDeps, *store.DB) {
	t.Helper()
	d, db := platformTestDeps(t)
	pub, _ := discordKey()
	d.cfg.Discord.PublicKey = hex.EncodeToString(pub)
	return d, db
}

var interactionIDs atomic.Int64

// interaction is a Discord interaction payload; who is "guild/user" or
// "/user" for a DM.
func interaction(typ int, who, locale string, data map[string]any) []byte {
	guild, user, _ := strings.Cut(who, "/")
	id := strconv.FormatInt(interactionIDs.Add(1), 10)
	i := map[string]any{
		"id": "i" + id, "application_id": "app-7", "type": typ, "token": "tok" + id, "version": 1,
		"locale": locale, "channel_id": "chan-1", "data": data,
	}
	u := map[string]any{"id": user, "username": "author-" + user}
	if guild != "" {
		i["guild_id"] = guild
		i["member"] = map[string]any{"user": u}
	} else {
		i["user"] = u
	}
	b, _ := json.Marshal(i)
	return b
}

func slashData(name string, options ...map[string]any) map[string]any {
	return map[string]any{"id": "c-" + name, "name": name, "type": 1, "options": options}
}

func subOption(name string, options ...map[string]any) map[string]any {
	return map[string]any{"type": 1, "name": name, "options": options}
}

func value(name string, typ int, v any) map[string]any {
	return map[string]any{"type": typ, "name": name, "value": v}
}

// signedInteraction is an HTTP interaction as Discord posts it.
func signedInteraction(t testing.TB, base string, body []byte) *http.Request {
	t.Helper()
	_, priv := discordKey()
	stamp := strconv.FormatInt(time.Now().Unix(), 10)
	req, err := http.NewRequest(http.MethodPost, base+"/discord/interactions", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature-Timestamp", stamp)
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(priv, append([]byte(stamp), body...))))
	return req
}

// discordResponse is the part of an interaction response the tests read.
type discordResponse struct {
	Type int `json:"type"`
	Data struct {
		Content string `json:"content"`
		Flags   int    `json:"flags"`
		Embeds  []struct {
			Title       string `json:"title"`
			Description string `json:"description"`
			Footer      *struct{ Text string }
			Fields      []struct{ Name, Value string }
		} `json:"embeds"`
		Components []struct {
			Components []struct {
				Label    string `json:"label"`
				CustomID string `json:"custom_id"`
			} `json:"components"`
		} `json:"components"`
		AllowedMentions *struct {
			Parse []string `json:"parse"`
		} `json:"allowed_mentions"`
		Choices []struct {
			Name  string `json:"name"`
			Value any    `json:"value"`
		} `json:"choices"`
	} `json:"data"`
}

func (r discordResponse) text() string {
	s := r.Data.Content
	for _, e := range r.Data.Embeds {
		s += "\n" + e.Title + "\n" + e.Description
		for _, f := range e.Fields {
			s += "\n" + f.Name + ": " + f.Value
		}
		if e.Footer != nil {
			s += "\n" + e.Footer.Text
		}
	}
	return s
}

func (r discordResponse) buttons() map[string]string {
	out := map[string]string{}
	for _, row := range r.Data.Components {
		for _, b := range row.Components {
			out[b.Label] = b.CustomID
		}
	}
	return out
}

// postInteraction sends a signed interaction and decodes the answer.
func postInteraction(t *testing.T, base string, body []byte) (int, discordResponse) {
	t.Helper()
	resp, err := http.DefaultClient.Do(signedInteraction(t, base, body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out discordResponse
	if resp.StatusCode == http.StatusOK {
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
			t.Fatalf("response is not JSON: %v", err)
		}
	}
	return resp.StatusCode, out
}

// startDiscord serves the Discord platform's routes from d on a test
// server, with REST calls going to a fake Discord.
func startDiscord(t *testing.T, d platformDeps) (string, *fakeDiscordAPI) {
	t.Helper()
	api := newFakeDiscordAPI(t)
	ps, err := discordPlatformsWith(d, api.client())
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 || ps[0].routes == nil {
		t.Fatalf("platforms = %+v, want Discord with routes", ps)
	}
	mux := http.NewServeMux()
	ps[0].routes(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL, api
}

// TestDiscordEndToEnd drives the Discord platform through POST
// /discord/interactions with the real router on a real SQLite file: a
// French question, an order recorded once even when the request is
// replayed, and one author's orders hidden from another.
func TestDiscordEndToEnd(t *testing.T) {
	d, db := discordTestDeps(t)
	base, api := startDiscord(t, d)
	const title = "Moonlit Harbour Tales"

	var answer discordResponse
	t.Run("ask in French", func(t *testing.T) {
		status, r := postInteraction(t, base, interaction(2, "guild-1/user-1", "fr",
			slashData("ask", value("question", 3, "mon panier est vide"))))
		if status != http.StatusOK || r.Type != 4 {
			t.Fatalf("status %d, type %d", status, r.Type)
		}
		if r.Data.Flags != 64 {
			t.Errorf("flags = %d, want 64 (only the author sees answers)", r.Data.Flags)
		}
		if r.Data.AllowedMentions == nil || r.Data.AllowedMentions.Parse == nil || len(r.Data.AllowedMentions.Parse) != 0 {
			t.Errorf("allowed_mentions = %+v, want parse: []", r.Data.AllowedMentions)
		}
		text := r.text()
		if !strings.Contains(text, "panier") || !strings.Contains(text, "Source :") {
			t.Errorf("answer is not in French:\n%s", text)
		}
		if _, ok := r.buttons()["Partager dans le salon"]; !ok {
			t.Errorf("buttons = %v, want a French share button", r.buttons())
		}
		answer = r
	})

	t.Run("share in channel", func(t *testing.T) {
		id := answer.buttons()["Partager dans le salon"]
		if id == "" {
			t.Skip("no share button")
		}
		status, r := postInteraction(t, base, interaction(3, "guild-1/user-1", "fr",
			map[string]any{"custom_id": id, "component_type": 2}))
		if status != http.StatusOK || r.Type != 4 || r.Data.Flags != 0 {
			t.Errorf("share: status %d type %d flags %d, want a public message", status, r.Type, r.Data.Flags)
		}
		if !strings.Contains(r.text(), "panier") || len(r.buttons()) != 0 {
			t.Errorf("shared answer:\n%s\nbuttons %v", r.text(), r.buttons())
		}
	})

	t.Run("feedback", func(t *testing.T) {
		var yes string
		for label, id := range answer.buttons() {
			if strings.HasPrefix(label, "Oui") {
				yes = id
			}
		}
		status, r := postInteraction(t, base, interaction(3, "guild-1/user-1", "fr",
			map[string]any{"custom_id": yes, "component_type": 2}))
		if status != http.StatusOK || r.Data.Flags != 64 {
			t.Errorf("feedback: status %d flags %d", status, r.Data.Flags)
		}
		votes, err := db.Votes(context.Background())
		if err != nil || len(votes) != 1 {
			t.Errorf("votes = %+v, %v; want the one vote", votes, err)
		}
	})

	t.Run("order add, replayed", func(t *testing.T) {
		body := interaction(2, "guild-1/user-1", "en-US", slashData("order", subOption("add",
			value("quantity", 4, 25), value("marketplace", 3, "amazon.com"), value("title", 3, title))))
		status, r := postInteraction(t, base, body)
		if status != http.StatusOK || !strings.Contains(r.text(), title) {
			t.Fatalf("order add: %d\n%s", status, r.text())
		}
		if status, _ := postInteraction(t, base, body); status != http.StatusUnauthorized {
			t.Errorf("replayed order add: status %d, want 401", status)
		}
		u := bot.User{Platform: bot.Discord, Workspace: "guild-1", ID: "user-1"}
		orders, err := db.Orders(context.Background(), u.Key(), "")
		if err != nil || len(orders) != 1 {
			t.Errorf("orders after a replay = %d (%v), want exactly 1", len(orders), err)
		}
	})

	tests := []struct {
		name, who string
		sees      bool
	}{
		{"the author sees the order", "guild-1/user-1", true},
		{"in a DM too", "/user-1", true},
		{"another author does not", "guild-1/user-2", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, r := postInteraction(t, base, interaction(2, tt.who, "en-US", slashData("order", subOption("list"))))
			if status != http.StatusOK {
				t.Fatalf("status %d", status)
			}
			if got := strings.Contains(r.text(), title); got != tt.sees {
				t.Errorf("%s sees %q: %v, want %v\n%s", tt.who, title, got, tt.sees, r.text())
			}
			if r.Data.Flags != 64 {
				t.Errorf("an order list is public (flags %d)", r.Data.Flags)
			}
		})
	}

	t.Run("autocomplete", func(t *testing.T) {
		for _, tt := range []struct {
			who  string
			want int
		}{{"guild-1/user-1", 1}, {"guild-1/user-2", 0}} {
			_, r := postInteraction(t, base, interaction(4, tt.who, "en-US", slashData("order",
				subOption("show", map[string]any{"type": 4, "name": "number", "value": "moon", "focused": true}))))
			if r.Type != 8 || len(r.Data.Choices) != tt.want {
				t.Errorf("%s: type %d, choices %+v; want %d", tt.who, r.Type, r.Data.Choices, tt.want)
			}
			if tt.want == 1 && (r.Data.Choices[0].Value != float64(1) || !strings.Contains(r.Data.Choices[0].Name, title)) {
				t.Errorf("choice = %+v, want order 1 with its title", r.Data.Choices[0])
			}
		}
	})

	t.Run("refusals are counted", func(t *testing.T) {
		rec := httptest.NewRecorder()
		d.metrics.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
		if !strings.Contains(rec.Body.String(), `authorbot_verification_failures_total{platform="discord",reason="replay"} 1`) {
			t.Errorf("metrics do not count the replay:\n%s", grepLines(rec.Body.String(), "verification"))
		}
	})

	if calls, _ := api.recorded(); len(calls) != 0 {
		t.Errorf("answers within the deadline called Discord's API: %v", calls)
	}
}

func grepLines(s, word string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, word) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestDiscordThroughRun starts "authorbot serve" through run with only the
// public key: Discord's endpoint check (a PING, then a bad signature)
// passes, and the refusal is counted.
func TestDiscordThroughRun(t *testing.T) {
	pub, _ := discordKey()
	base := startServe(t, map[string]string{"AUTHORBOT_DISCORD_PUBLIC_KEY": hex.EncodeToString(pub)})
	status, r := postInteraction(t, base, []byte(`{"id":"p1","application_id":"app-7","type":1,"token":"t","version":1}`))
	if status != http.StatusOK || r.Type != 1 {
		t.Errorf("PING: status %d type %d, want PONG", status, r.Type)
	}
	req := signedInteraction(t, base, []byte(`{"id":"p2","type":1}`))
	req.Header.Set("X-Signature-Ed25519", strings.Repeat("ab", 64))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("bad signature: status %d, want 401", resp.StatusCode)
	}
	wantMetric(t, base, `authorbot_verification_failures_total{platform="discord",reason="signature"} 1`)
}

// TestDiscordModes checks what each setting turns on: the gateway and
// direct messages need the token, the HTTP route needs the public key.
func TestDiscordModes(t *testing.T) {
	pub, _ := discordKey()
	tests := []struct {
		name, token, key string
		route, notifier  bool
	}{
		{"gateway only", "tok", "", false, true},
		{"HTTP interactions only", "", hex.EncodeToString(pub), true, false},
		{"both", "tok", hex.EncodeToString(pub), true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _ := discordTestDeps(t)
			d.cfg.Discord.Token, d.cfg.Discord.PublicKey = tt.token, tt.key
			ps, err := discordPlatforms(d)
			if err != nil || len(ps) != 1 {
				t.Fatalf("platforms = %v, %v", ps, err)
			}
			p := ps[0]
			if (p.routes != nil) != tt.route || (p.notifier != nil) != tt.notifier || p.run == nil {
				t.Errorf("routes %v notifier %v run %v; want routes %v notifier %v and a run",
					p.routes != nil, p.notifier != nil, p.run != nil, tt.route, tt.notifier)
			}
		})
	}
	d, _ := discordTestDeps(t)
	d.cfg.Discord = config.Discord{}
	if ps, err := discordPlatforms(d); err != nil || len(ps) != 0 {
		t.Errorf("without settings: %v, %v; want nothing", ps, err)
	}
}

// BenchmarkDiscordInteraction measures POST /discord/interactions end to
// end through the real router: signature check, replay check, parse,
// /help topic, render.
func BenchmarkDiscordInteraction(b *testing.B) {
	d, _ := discordTestDeps(b)
	d.log = slog.New(slog.DiscardHandler)
	ps, err := discordPlatformsWith(d, &http.Client{Transport: roundTripFunc(func(*http.Request) (*http.Response, error) {
		return nil, fmt.Errorf("no network in benchmarks")
	})})
	if err != nil {
		b.Fatal(err)
	}
	mux := http.NewServeMux()
	ps[0].routes(mux)
	reqs := make([]*http.Request, b.N)
	bodies := make([][]byte, b.N)
	for i := range reqs {
		bodies[i] = interaction(2, "guild-1/user-1", "en-US", slashData("help", value("topic", 3, "cart-empty")))
		reqs[i] = signedInteraction(b, "", bodies[i])
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		w := httptest.NewRecorder()
		mux.ServeHTTP(w, reqs[i])
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}

// TestMetricsLabelsFromCommandTable sends 400 signed Discord interactions
// with made-up command names, made-up subcommands and made-up buttons:
// /metrics counts them all under one command label, beside the real
// commands that keep theirs.
func TestMetricsLabelsFromCommandTable(t *testing.T) {
	d, _ := discordTestDeps(t)
	base, _ := startDiscord(t, d)
	for i := range 400 {
		var data map[string]any
		typ := 2
		switch i % 4 {
		case 0, 1:
			data = slashData(fmt.Sprintf("made-up-%d", i))
		case 2:
			data = slashData("order", subOption(fmt.Sprintf("made-up-%d", i)))
		case 3:
			typ, data = 3, map[string]any{"custom_id": fmt.Sprintf("b:made-up-%d:x", i), "component_type": 2}
		}
		if status, _ := postInteraction(t, base, interaction(typ, "guild-1/user-1", "en-US", data)); status != http.StatusOK {
			t.Fatalf("interaction %d: status %d", i, status)
		}
	}
	postInteraction(t, base, interaction(2, "guild-1/user-1", "en-US", slashData("ask", value("question", 3, "my cart is empty"))))
	postInteraction(t, base, interaction(2, "guild-1/user-1", "en-US", slashData("order", subOption("list"))))

	rec := httptest.NewRecorder()
	d.metrics.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	labels := map[string]bool{}
	for _, line := range strings.Split(rec.Body.String(), "\n") {
		if rest, ok := strings.CutPrefix(line, `authorbot_commands_total{command="`); ok {
			labels[rest[:strings.IndexByte(rest, '"')]] = true
		}
	}
	want := map[string]bool{"unknown": true, "ask": true, "order list": true}
	if fmt.Sprint(labels) != fmt.Sprint(want) {
		t.Errorf("command labels = %v, want %v", labels, want)
	}
}

// TestRequestNamesCoverTheCommandTable checks that every command of the
// table, as its example line parses, has a name metrics count under its
// own label, and so do the buttons replies carry.
func TestRequestNamesCoverTheCommandTable(t *testing.T) {
	d, _ := platformTestDeps(t)
	names := map[string]bool{}
	for _, n := range bot.RequestNames(d.router.Commands()) {
		names[n] = true
	}
	var examples int
	var walk func(cmds []*bot.Command)
	walk = func(cmds []*bot.Command) {
		for _, c := range cmds {
			walk(c.Subs)
			if c.Example == "" {
				continue
			}
			req, err := d.router.Parse(c.Example)
			if err != nil {
				t.Errorf("example %q: %v", c.Example, err)
				continue
			}
			examples++
			if !names[req.Name()] {
				t.Errorf("%q (from %q) is not in RequestNames", req.Name(), c.Example)
			}
		}
	}
	walk(d.router.Commands())
	if examples < 10 {
		t.Errorf("only %d examples parsed; the walk is broken", examples)
	}
	for _, action := range []string{bot.ActionShare, bot.ActionFeedback, bot.ActionForget} {
		if r := (&bot.Request{Action: action}); !names[r.Name()] {
			t.Errorf("button %q is not in RequestNames", r.Name())
		}
	}
}
