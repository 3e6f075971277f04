package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/authorbot/authorbot/bot"
)

// The app's OAuth credentials in these tests.
const (
	testClientID     = "1111.2222"
	testClientSecret = "client-secret-3f9a"
)

// memInstalls is an Installs in memory, with its own clock.
type memInstalls struct {
	mu     sync.Mutex
	now    func() time.Time
	tokens map[string]string // by team
	states map[string]time.Time
}

func newMemInstalls() *memInstalls {
	return &memInstalls{now: time.Now, tokens: map[string]string{}, states: map[string]time.Time{}}
}

func (m *memInstalls) Token(_ context.Context, team string) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.tokens[team], nil
}

func (m *memInstalls) SaveToken(_ context.Context, team, _, token string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.tokens[team] = token
	return nil
}

func (m *memInstalls) DeleteToken(_ context.Context, team string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.tokens, team)
	return nil
}

func (m *memInstalls) SaveState(_ context.Context, state string, expires time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.states[state] = expires
	return nil
}

func (m *memInstalls) TakeState(_ context.Context, state string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	exp, ok := m.states[state]
	delete(m.states, state)
	return ok && m.now().Before(exp), nil
}

// fakeSlack is a fake of Slack's OAuth and Web API: oauth.v2.access
// hands out a bot token per team for each code it issued, and users.info,
// conversations.open, chat.postMessage and the upload steps check that
// they are called with the bot token of the workspace the user belongs
// to.
type fakeSlack struct {
	*httptest.Server
	t *testing.T
	// codes are the codes oauth.v2.access takes, and the answers it gives.
	codes map[string]map[string]any

	mu       sync.Mutex
	exchange []url.Values        // the forms oauth.v2.access got
	used     map[string][]string // method -> the tokens it was called with
	users    map[string]string   // user -> team
	teamOf   map[string]string   // token -> team
}

func newFakeSlack(t *testing.T) *fakeSlack {
	f := &fakeSlack{t: t, codes: map[string]map[string]any{}, used: map[string][]string{},
		users: map[string]string{"U1": "T1", "U2": "T2", "U3": "T3"}, teamOf: map[string]string{}}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

// issue makes code exchange for team's token.
func (f *fakeSlack) issue(code, team, token string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.teamOf[token] = team
	f.codes[code] = map[string]any{
		"ok": true, "access_token": token, "token_type": "bot", "scope": strings.Join(BotScopes, ","),
		"bot_user_id": "UBOT" + team, "app_id": "A0001",
		"team":       map[string]any{"id": team, "name": "Authors of " + team},
		"enterprise": nil, "is_enterprise_install": false,
		"authed_user": map[string]any{"id": "U1"},
	}
}

func (f *fakeSlack) serve(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		f.t.Errorf("bad form: %v", err)
	}
	method := strings.TrimPrefix(r.URL.Path, "/api/")
	w.Header().Set("Content-Type", "application/json")
	if method == "oauth.v2.access" {
		f.mu.Lock()
		f.exchange = append(f.exchange, r.PostForm)
		answer, ok := f.codes[r.PostForm.Get("code")]
		delete(f.codes, r.PostForm.Get("code")) // a code is good once
		f.mu.Unlock()
		if r.PostForm.Get("client_id") != testClientID || r.PostForm.Get("client_secret") != testClientSecret {
			io.WriteString(w, `{"ok":false,"error":"invalid_client_id"}`)
			return
		}
		if !ok {
			io.WriteString(w, `{"ok":false,"error":"invalid_code"}`)
			return
		}
		json.NewEncoder(w).Encode(answer)
		return
	}
	token := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if token == "" {
		token = r.PostForm.Get("token")
	}
	f.mu.Lock()
	f.used[method] = append(f.used[method], token)
	team, known := f.teamOf[token]
	userTeam := f.users[r.PostForm.Get("user")+r.PostForm.Get("users")+r.PostForm.Get("channel")]
	f.mu.Unlock()
	if !known {
		io.WriteString(w, `{"ok":false,"error":"invalid_auth"}`)
		return
	}
	if userTeam != "" && userTeam != team {
		// A token of one workspace cannot see another's users.
		io.WriteString(w, `{"ok":false,"error":"user_not_found"}`)
		return
	}
	switch method {
	case "users.info":
		json.NewEncoder(w).Encode(map[string]any{"ok": true, "user": map[string]any{"id": r.PostForm.Get("user"), "locale": "de-DE"}})
	case "chat.postMessage":
		io.WriteString(w, `{"ok":true,"channel":"D1","ts":"1700000000.000100"}`)
	default:
		f.t.Errorf("unexpected call %s", method)
		http.NotFound(w, r)
	}
}

// tokensUsed returns the tokens method was called with.
func (f *fakeSlack) tokensUsed(method string) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.used[method])
}

// newInstallAdapter builds an adapter that takes installs into store,
// calling f, and logging into logs.
func newInstallAdapter(t *testing.T, f *fakeSlack, store Installs, logs io.Writer, edit func(*Config)) (*Adapter, *fakeRouter) {
	t.Helper()
	router := newFakeRouter()
	a, _ := newTestAdapter(t, router, func(c *Config) {
		c.APIURL = f.URL + "/api/"
		c.Log = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
		c.Install = &Install{ClientID: testClientID, ClientSecret: testClientSecret,
			PublicURL: "https://bot.example.org", Store: store}
		if edit != nil {
			edit(c)
		}
	})
	return a, router
}

// browser is a person's browser going through the install: it keeps the
// cookies the bot sets.
type browser struct {
	t       *testing.T
	a       *Adapter
	cookies []*http.Cookie
}

func (b *browser) get(target string) *httptest.ResponseRecorder {
	b.t.Helper()
	r := httptest.NewRequest(http.MethodGet, target, nil)
	r.Header.Set("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5")
	for _, c := range b.cookies {
		r.AddCookie(c)
	}
	w := serve(b.a, r)
	for _, c := range w.Result().Cookies() {
		b.cookies = slices.DeleteFunc(b.cookies, func(old *http.Cookie) bool { return old.Name == c.Name })
		if c.MaxAge >= 0 {
			b.cookies = append(b.cookies, c)
		}
	}
	return w
}

// install starts an install and returns the authorize URL Slack is sent.
func (b *browser) install() *url.URL {
	b.t.Helper()
	w := b.get(InstallPath)
	if w.Code != http.StatusFound {
		b.t.Fatalf("GET %s = %d, want a redirect", InstallPath, w.Code)
	}
	u, err := url.Parse(w.Header().Get("Location"))
	if err != nil {
		b.t.Fatal(err)
	}
	return u
}

// back is the browser coming back from Slack with code and the state.
func (b *browser) back(code, state string) *httptest.ResponseRecorder {
	return b.get(CallbackPath + "?" + url.Values{"code": {code}, "state": {state}}.Encode())
}

func TestInstallRedirect(t *testing.T) {
	f := newFakeSlack(t)
	store := newMemInstalls()
	var logs bytes.Buffer
	a, _ := newInstallAdapter(t, f, store, &logs, nil)
	b := &browser{t: t, a: a}
	w := b.get(InstallPath)
	if w.Code != http.StatusFound {
		t.Fatalf("status %d, want 302", w.Code)
	}
	u, _ := url.Parse(w.Header().Get("Location"))
	if got := u.Scheme + "://" + u.Host + u.Path; got != f.URL+"/oauth/v2/authorize" {
		t.Errorf("redirect to %s, want the authorize page beside the Web API", got)
	}
	q := u.Query()
	if q.Get("client_id") != testClientID || q.Get("scope") != "commands,chat:write,users:read,im:write,files:write,channels:read,groups:read" ||
		q.Get("redirect_uri") != "https://bot.example.org/slack/oauth/callback" {
		t.Errorf("authorize query = %v", q)
	}
	cookies := w.Result().Cookies()
	if len(cookies) != 1 {
		t.Fatalf("cookies = %v, want the state's", cookies)
	}
	c := cookies[0]
	if c.Name != "__Host-authorbot_slack_install" || c.Value != q.Get("state") || len(c.Value) < 26 ||
		!c.HttpOnly || !c.Secure || c.SameSite != http.SameSiteLaxMode || c.Path != "/" || c.MaxAge != 600 {
		t.Errorf("cookie = %+v; want the state, HttpOnly, Secure, SameSite=Lax, for 10 minutes", c)
	}
	if _, ok := store.states[q.Get("state")]; !ok {
		t.Error("the state was not saved")
	}
	if w.Header().Get("Cache-Control") != "no-store" {
		t.Error("the redirect may be cached")
	}

	// Without a public URL: no redirect_uri, and a cookie that http
	// also carries.
	a, _ = newInstallAdapter(t, f, store, &logs, func(c *Config) { c.Install.PublicURL = "" })
	w = (&browser{t: t, a: a}).get(InstallPath)
	u, _ = url.Parse(w.Header().Get("Location"))
	if u.Query().Has("redirect_uri") {
		t.Errorf("redirect_uri sent without a public URL: %v", u.Query())
	}
	if c := w.Result().Cookies()[0]; c.Secure || c.Name != "authorbot_slack_install" || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode {
		t.Errorf("cookie without https = %+v", c)
	}
}

// TestInstallFlow installs the app in two workspaces, each with its own
// token, and checks that each workspace's calls use its own token, that
// an uninstall deletes it, and that no secret reaches a page or the log.
func TestInstallFlow(t *testing.T) {
	f := newFakeSlack(t)
	store := newMemInstalls()
	var logs bytes.Buffer
	a, router := newInstallAdapter(t, f, store, &logs, nil)

	for _, team := range []string{"T1", "T2"} {
		b := &browser{t: t, a: a}
		state := b.install().Query().Get("state")
		code := "code-" + team
		f.issue(code, team, "xoxb-"+team+"-secret")
		w := b.back(code, state)
		if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "authorbot est installé dans Authors of "+team) {
			t.Fatalf("callback = %d %s", w.Code, w.Body.String())
		}
		if len(b.cookies) != 0 {
			t.Errorf("the state's cookie was not cleared: %v", b.cookies)
		}
		if got, _ := store.Token(context.Background(), team); got != "xoxb-"+team+"-secret" {
			t.Errorf("token of %s = %q", team, got)
		}
	}
	ex := f.exchange[0]
	if ex.Get("code") != "code-T1" || ex.Get("client_id") != testClientID || ex.Get("client_secret") != testClientSecret ||
		ex.Get("redirect_uri") != "https://bot.example.org/slack/oauth/callback" {
		t.Errorf("oauth.v2.access form = %v", ex)
	}

	// A command from each workspace reads the author's locale with that
	// workspace's token; a direct message goes with it too.
	serve(a, signedRequest("/slack/commands", testSecret, time.Now(), commandBody("T1", "U1", "/ask", "hello", "")))
	serve(a, signedRequest("/slack/commands", testSecret, time.Now(), commandBody("T2", "U2", "/ask", "hello", "")))
	if got, want := f.tokensUsed("users.info"), []string{"xoxb-T1-secret", "xoxb-T2-secret"}; !slices.Equal(got, want) {
		t.Errorf("users.info tokens = %v, want %v", got, want)
	}
	for _, req := range router.requests() {
		if req.Locale != "de-DE" {
			t.Errorf("locale of %s = %q", req.User.ID, req.Locale)
		}
	}
	reply := bot.Say("Reminder")
	if err := a.Notify(context.Background(), bot.User{Platform: bot.Slack, Workspace: "T2", ID: "U2"}, reply); err != nil {
		t.Errorf("Notify in T2: %v", err)
	}
	if got := f.tokensUsed("chat.postMessage"); !slices.Equal(got, []string{"xoxb-T2-secret"}) {
		t.Errorf("chat.postMessage tokens = %v", got)
	}
	// A workspace that never installed the app has no token to call with.
	if err := a.Notify(context.Background(), bot.User{Platform: bot.Slack, Workspace: "T3", ID: "U3"}, reply); err == nil {
		t.Error("Notify in a workspace without a token did not fail")
	}

	// Uninstalling deletes the workspace's token, and only that one.
	w := serve(a, signedJSON(EventsPath, eventBody("T1", map[string]any{"type": "app_uninstalled"})))
	if w.Code != http.StatusOK {
		t.Errorf("app_uninstalled = %d", w.Code)
	}
	if got, _ := store.Token(context.Background(), "T1"); got != "" {
		t.Errorf("T1's token after app_uninstalled = %q", got)
	}
	if got, _ := store.Token(context.Background(), "T2"); got == "" {
		t.Error("T2's token went with T1's uninstall")
	}
	if err := a.Notify(context.Background(), bot.User{Platform: bot.Slack, Workspace: "T1", ID: "U1"}, reply); err == nil {
		t.Error("Notify after the uninstall did not fail")
	}

	for _, secret := range []string{testClientSecret, "xoxb-T1-secret", "xoxb-T2-secret", "code-T1"} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("the log holds %q:\n%s", secret, logs.String())
		}
	}
}

// TestInstallFallback keeps the workspace of a single-token setup working
// once the install is configured.
func TestInstallFallback(t *testing.T) {
	f := newFakeSlack(t)
	f.teamOf["xoxb-static"] = "T1"
	store := newMemInstalls()
	store.tokens["T2"] = "xoxb-T2"
	f.teamOf["xoxb-T2"] = "T2"
	a, _ := newInstallAdapter(t, f, store, io.Discard, func(c *Config) { c.BotToken = "xoxb-static" })
	serve(a, signedRequest("/slack/commands", testSecret, time.Now(), commandBody("T1", "U1", "/ask", "hello", "")))
	serve(a, signedRequest("/slack/commands", testSecret, time.Now(), commandBody("T2", "U2", "/ask", "hello", "")))
	if got, want := f.tokensUsed("users.info"), []string{"xoxb-static", "xoxb-T2"}; !slices.Equal(got, want) {
		t.Errorf("users.info tokens = %v, want %v", got, want)
	}
}

func TestCallbackRefused(t *testing.T) {
	tests := []struct {
		name string
		// run goes through an install in its own way and returns the
		// callback's answer.
		run        func(t *testing.T, f *fakeSlack, store *memInstalls, a *Adapter) *httptest.ResponseRecorder
		status     int
		page       string
		savedToken bool
	}{
		{"no cookie", func(t *testing.T, f *fakeSlack, _ *memInstalls, a *Adapter) *httptest.ResponseRecorder {
			state := (&browser{t: t, a: a}).install().Query().Get("state")
			f.issue("c", "T1", "xoxb-T1")
			return (&browser{t: t, a: a}).back("c", state) // another browser
		}, 400, "Ce lien d'installation a expiré", false},
		{"another browser's state", func(t *testing.T, f *fakeSlack, _ *memInstalls, a *Adapter) *httptest.ResponseRecorder {
			victim, attacker := &browser{t: t, a: a}, &browser{t: t, a: a}
			victim.install()
			state := attacker.install().Query().Get("state")
			f.issue("c", "T9", "xoxb-T9")
			return victim.back("c", state)
		}, 400, "Ce lien d'installation a expiré", false},
		{"state used twice", func(t *testing.T, f *fakeSlack, _ *memInstalls, a *Adapter) *httptest.ResponseRecorder {
			b := &browser{t: t, a: a}
			state := b.install().Query().Get("state")
			cookies := slices.Clone(b.cookies)
			f.issue("c1", "T1", "xoxb-T1")
			if w := b.back("c1", state); w.Code != 200 {
				t.Fatalf("first callback = %d", w.Code)
			}
			delete(f.teamOf, "xoxb-T1")
			b.cookies = cookies // the cookie replayed too
			f.issue("c2", "T2", "xoxb-T2")
			return b.back("c2", state)
		}, 400, "Ce lien d'installation a expiré", true},
		{"state expired", func(t *testing.T, f *fakeSlack, store *memInstalls, a *Adapter) *httptest.ResponseRecorder {
			b := &browser{t: t, a: a}
			state := b.install().Query().Get("state")
			store.now = func() time.Time { return time.Now().Add(DefaultStateTTL + time.Second) }
			f.issue("c", "T1", "xoxb-T1")
			return b.back("c", state)
		}, 400, "Ce lien d'installation a expiré", false},
		{"cancelled on Slack", func(t *testing.T, f *fakeSlack, _ *memInstalls, a *Adapter) *httptest.ResponseRecorder {
			b := &browser{t: t, a: a}
			state := b.install().Query().Get("state")
			return b.get(CallbackPath + "?error=access_denied&state=" + url.QueryEscape(state))
		}, 200, "L'installation a été annulée", false},
		{"bad code", func(t *testing.T, f *fakeSlack, _ *memInstalls, a *Adapter) *httptest.ResponseRecorder {
			b := &browser{t: t, a: a}
			return b.back("code-never-issued", b.install().Query().Get("state"))
		}, 502, "L'installation n'a pas pu aboutir", false},
		{"organisation install", func(t *testing.T, f *fakeSlack, _ *memInstalls, a *Adapter) *httptest.ResponseRecorder {
			b := &browser{t: t, a: a}
			state := b.install().Query().Get("state")
			f.issue("c", "T1", "xoxb-T1")
			f.codes["c"]["is_enterprise_install"] = true
			return b.back("c", state)
		}, 502, "L'installation n'a pas pu aboutir", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeSlack(t)
			store := newMemInstalls()
			var logs bytes.Buffer
			a, _ := newInstallAdapter(t, f, store, &logs, nil)
			w := tt.run(t, f, store, a)
			if w.Code != tt.status || !strings.Contains(html.UnescapeString(w.Body.String()), tt.page) {
				t.Errorf("callback = %d %q; want %d and %q", w.Code, w.Body.String(), tt.status, tt.page)
			}
			if w.Header().Get("Content-Security-Policy") != "default-src 'none'" || w.Header().Get("Referrer-Policy") != "no-referrer" {
				t.Errorf("page headers = %v", w.Header())
			}
			if saved := len(store.tokens) > 0; saved != tt.savedToken {
				t.Errorf("tokens saved: %v, want %v", store.tokens, tt.savedToken)
			}
			for _, secret := range []string{testClientSecret, "xoxb-"} {
				if strings.Contains(logs.String(), secret) || strings.Contains(w.Body.String(), secret) {
					t.Errorf("%q shown:\n%s\n%s", secret, logs.String(), w.Body.String())
				}
			}
		})
	}
}

// signedJSON builds an Events API POST of body to path, signed as Slack
// signs it.
func signedJSON(path, body string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	sign(r.Header, testSecret, time.Now(), body)
	return r
}

// eventBody is an event_callback of team with the inner event.
func eventBody(team string, event map[string]any) string {
	b, _ := json.Marshal(map[string]any{
		"token": "ignored", "team_id": team, "api_app_id": "A0001", "type": "event_callback",
		"event": event, "event_id": "Ev" + team + time.Now().Format("150405.000000000"), "event_time": time.Now().Unix(),
	})
	return string(b)
}

func TestEvents(t *testing.T) {
	f := newFakeSlack(t)
	store := newMemInstalls()
	a, _ := newInstallAdapter(t, f, store, io.Discard, nil)

	challenge := `{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`
	w := serve(a, signedJSON(EventsPath, challenge))
	if w.Code != 200 || w.Body.String() != "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/plain") {
		t.Errorf("url_verification = %d %q %q", w.Code, w.Header().Get("Content-Type"), w.Body.String())
	}

	store.tokens["T1"] = "xoxb-T1"
	unsigned := httptest.NewRequest(http.MethodPost, EventsPath, strings.NewReader(eventBody("T1", map[string]any{"type": "app_uninstalled"})))
	if w := serve(a, unsigned); w.Code != http.StatusUnauthorized {
		t.Errorf("unsigned event = %d, want 401", w.Code)
	}
	forged := signedJSON(EventsPath, eventBody("T1", map[string]any{"type": "app_uninstalled"}))
	forged.Header.Set("X-Slack-Signature", "v0="+strings.Repeat("0", 64))
	if w := serve(a, forged); w.Code != http.StatusUnauthorized {
		t.Errorf("forged event = %d, want 401", w.Code)
	}
	if store.tokens["T1"] == "" {
		t.Fatal("an unverified event deleted a token")
	}

	userOnly := eventBody("T1", map[string]any{"type": "tokens_revoked", "tokens": map[string]any{"oauth": []string{"U1"}}})
	serve(a, signedJSON(EventsPath, userOnly))
	if store.tokens["T1"] == "" {
		t.Error("revoking user tokens deleted the bot token")
	}
	bot := eventBody("T1", map[string]any{"type": "tokens_revoked", "tokens": map[string]any{"bot": []string{"UBOTT1"}}})
	if w := serve(a, signedJSON(EventsPath, bot)); w.Code != 200 {
		t.Errorf("tokens_revoked = %d", w.Code)
	}
	if store.tokens["T1"] != "" {
		t.Error("tokens_revoked left the bot token")
	}
	other := eventBody("T1", map[string]any{"type": "reaction_added", "user": "U1", "reaction": "+1"})
	if w := serve(a, signedJSON(EventsPath, other)); w.Code != 200 {
		t.Errorf("another event = %d, want 200", w.Code)
	}
}

// TestBotScopesMatchManifests keeps the scopes the install asks for the
// ones the manifests declare.
func TestBotScopesMatchManifests(t *testing.T) {
	for _, name := range []string{"slack-manifest.yaml", "slack-manifest-socket.yaml"} {
		if got := readManifest(t, name).OAuth.Scopes.Bot; !slices.Equal(got, BotScopes) {
			t.Errorf("%s scopes = %v, BotScopes = %v", name, got, BotScopes)
		}
	}
}

// TestManifestsInstall checks that both manifests subscribe to the events
// that end an install, each delivered where the adapter takes them, and
// that the HTTP one names the install's redirect URL.
func TestManifestsInstall(t *testing.T) {
	type installManifest struct {
		OAuth struct {
			RedirectURLs []string `yaml:"redirect_urls"`
		} `yaml:"oauth_config"`
		Settings struct {
			Events struct {
				RequestURL string   `yaml:"request_url"`
				BotEvents  []string `yaml:"bot_events"`
			} `yaml:"event_subscriptions"`
		}
	}
	for _, name := range []string{"slack-manifest.yaml", "slack-manifest-socket.yaml"} {
		raw, err := os.ReadFile(filepath.Join("..", "..", "deploy", name))
		if err != nil {
			t.Fatal(err)
		}
		var m installManifest
		if err := yaml.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		if got := m.Settings.Events.BotEvents; !slices.Equal(got, []string{"app_uninstalled", "tokens_revoked"}) {
			t.Errorf("%s: bot events %v", name, got)
		}
		wantURL, wantRedirects := "https://YOUR-HOST"+EventsPath, []string{"https://YOUR-HOST" + CallbackPath}
		if name == "slack-manifest-socket.yaml" {
			wantURL, wantRedirects = "", nil
		}
		if m.Settings.Events.RequestURL != wantURL || !slices.Equal(m.OAuth.RedirectURLs, wantRedirects) {
			t.Errorf("%s: events URL %q, redirect URLs %v; want %q, %v", name, m.Settings.Events.RequestURL, m.OAuth.RedirectURLs, wantURL, wantRedirects)
		}
	}
}

// TestSocketModeUninstall: in Socket Mode the events come over the
// socket, and app_uninstalled deletes the workspace's token there too.
func TestSocketModeUninstall(t *testing.T) { synctest.Test(t, testSocketModeUninstall) }

func testSocketModeUninstall(t *testing.T) {
	srv := newSocketServer(t)
	store := newMemInstalls()
	store.tokens["T1"], store.tokens["T2"] = "xoxb-T1", "xoxb-T2"
	a, _ := newTestAdapter(t, newFakeRouter(), func(c *Config) {
		srv.use(t, c)
		c.Install = &Install{ClientID: testClientID, ClientSecret: testClientSecret, Store: store}
	})
	runSocketMode(t, a)
	srv.envelope(t, "events_api", "env-ev1", map[string]any{
		"token": "x", "team_id": "T1", "api_app_id": "A0001", "type": "event_callback",
		"event": map[string]any{"type": "app_uninstalled"}, "event_id": "Ev1", "event_time": 1,
	})
	srv.ack(t, "env-ev1")
	synctest.Wait()
	if tok, _ := store.Token(context.Background(), "T1"); tok != "" {
		t.Error("app_uninstalled over the socket left the token")
	}
	if tok, _ := store.Token(context.Background(), "T2"); tok == "" {
		t.Error("T2's token went with T1's uninstall")
	}
}

func TestAuthorizeURL(t *testing.T) {
	for api, want := range map[string]string{
		"":                                 "https://slack.com/oauth/v2/authorize",
		"https://slack.com/api/":           "https://slack.com/oauth/v2/authorize",
		"https://slack-gov.com/api/":       "https://slack-gov.com/oauth/v2/authorize",
		"http://127.0.0.1:4390/api/":       "http://127.0.0.1:4390/oauth/v2/authorize",
		"http://127.0.0.1:4390/":           "http://127.0.0.1:4390/oauth/v2/authorize",
		"https://proxy.example/slack/api/": "https://proxy.example/slack/oauth/v2/authorize",
	} {
		if got := authorizeURL(api); got != want {
			t.Errorf("authorizeURL(%q) = %q, want %q", api, got, want)
		}
	}
}
