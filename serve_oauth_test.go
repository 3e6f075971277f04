package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// oauthTranscript records the requests and responses of a test, with the
// secrets in them replaced by names.
type oauthTranscript struct {
	mu      sync.Mutex
	lines   []string
	secrets map[string]string // secret -> what is written instead
}

func (tr *oauthTranscript) hide(secret, as string) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tr.secrets[secret] = as
}

func (tr *oauthTranscript) add(format string, args ...any) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	s := fmt.Sprintf(format, args...)
	for secret, as := range tr.secrets {
		s = strings.ReplaceAll(s, secret, as)
		s = strings.ReplaceAll(s, url.QueryEscape(secret), as)
	}
	tr.lines = append(tr.lines, s)
}

func (tr *oauthTranscript) String() string {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return strings.Join(tr.lines, "\n")
}

// fakeSlackOAuth is Slack's authorize page, OAuth endpoint and Web API
// for the end-to-end install: the authorize page sends the browser back
// with a code at once (the person approving), oauth.v2.access exchanges
// that code for the workspace's bot token, and users.info answers only
// that token.
type fakeSlackOAuth struct {
	*httptest.Server
	mu    sync.Mutex
	calls map[string][]string // method -> tokens
}

const (
	e2eClientID     = "4242.1717"
	e2eClientSecret = "e2e-client-secret-9d8c"
	e2eCode         = "4242.1717.e2e-code"
	e2eBotToken     = "xoxb-4242-1717-e2eworkspacetoken"
	e2eSecretKey    = "5f4dcc3b5aa765d61d8327deb882cf995f4dcc3b5aa765d61d8327deb882cf99"
)

func newFakeSlackOAuth(t *testing.T, tr *oauthTranscript) *fakeSlackOAuth {
	f := &fakeSlackOAuth{calls: map[string][]string{}}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		if r.URL.Path == "/oauth/v2/authorize" {
			q := r.URL.Query()
			if q.Get("client_id") != e2eClientID || q.Get("scope") == "" || q.Get("state") == "" {
				http.Error(w, "bad authorize request", http.StatusBadRequest)
				return
			}
			back := q.Get("redirect_uri") + "?" + url.Values{"code": {e2eCode}, "state": {q.Get("state")}}.Encode()
			tr.add("  Slack <- GET /oauth/v2/authorize?%s", r.URL.RawQuery)
			tr.add("  (the person approves the install on Slack's page)")
			tr.add("  Slack -> 302  Location: %s", back)
			http.Redirect(w, r, back, http.StatusFound)
			return
		}
		method := strings.TrimPrefix(r.URL.Path, "/api/")
		w.Header().Set("Content-Type", "application/json")
		if method == "oauth.v2.access" {
			tr.add("  Slack <- POST %s  %s", r.URL.Path, r.PostForm.Encode())
			if r.PostForm.Get("client_id") != e2eClientID || r.PostForm.Get("client_secret") != e2eClientSecret || r.PostForm.Get("code") != e2eCode {
				io.WriteString(w, `{"ok":false,"error":"invalid_code"}`)
				return
			}
			b, _ := json.Marshal(map[string]any{
				"ok": true, "app_id": "A0E2E", "token_type": "bot", "access_token": e2eBotToken,
				"scope": "commands,chat:write,users:read,im:write,files:write", "bot_user_id": "U0BOT",
				"team": map[string]any{"id": "T0E2E", "name": "Indie Authors"}, "is_enterprise_install": false,
				"authed_user": map[string]any{"id": "U0ADMIN"},
			})
			tr.add("  Slack -> 200 %s", b)
			w.Write(b)
			return
		}
		// slack-go sends the token in the form; Slack also takes a header.
		token := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if token == "" {
			token = r.PostForm.Get("token")
		}
		f.mu.Lock()
		f.calls[method] = append(f.calls[method], token)
		f.mu.Unlock()
		tr.add("  Slack <- POST %s  token=%s user=%s include_locale=%s", r.URL.Path, token, r.PostForm.Get("user"), r.PostForm.Get("include_locale"))
		if token != e2eBotToken {
			io.WriteString(w, `{"ok":false,"error":"invalid_auth"}`)
			return
		}
		const answer = `{"ok":true,"user":{"id":"U0AUTHOR","locale":"fr-FR"}}`
		tr.add("  Slack -> 200 %s", answer)
		io.WriteString(w, answer)
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeSlackOAuth) tokens(method string) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.calls[method])
}

// TestSlackInstallEndToEnd installs the app in a workspace through
// authorbot serve, as a browser and Slack would, with the OAuth and Web
// API faked: the token is kept sealed in the database file, the
// workspace's commands use it, and uninstalling deletes it. Run with -v
// for the transcript.
func TestSlackInstallEndToEnd(t *testing.T) {
	tr := &oauthTranscript{secrets: map[string]string{
		e2eClientSecret: "<client-secret>", e2eBotToken: "<xoxb-bot-token>", e2eCode: "<code>",
	}}
	fake := newFakeSlackOAuth(t, tr)
	vars := map[string]string{
		"AUTHORBOT_SLACK_SIGNING_SECRET": slackTestSecret,
		"AUTHORBOT_SLACK_CLIENT_ID":      e2eClientID,
		"AUTHORBOT_SLACK_CLIENT_SECRET":  e2eClientSecret,
		"AUTHORBOT_SECRET_KEY":           e2eSecretKey,
		"AUTHORBOT_PUBLIC_URL":           "https://bot.example.org",
		"AUTHORBOT_SLACK_API_URL":        fake.URL + "/api",
		"AUTHORBOT_LOG_LEVEL":            "debug",
	}
	base := startServe(t, vars)
	dbPath := vars["AUTHORBOT_DB"]
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	// 1. The browser opens the install link.
	tr.add("browser -> GET /slack/install")
	resp, err := noRedirect.Get(base + "/slack/install")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc, _ := url.Parse(resp.Header.Get("Location"))
	state := loc.Query().Get("state")
	tr.hide(state, "<state>")
	tr.add("browser <- %d  Location: %s", resp.StatusCode, loc)
	tr.add("           Set-Cookie: %s", resp.Header.Get("Set-Cookie"))
	cookies := resp.Cookies()
	fakeURL, _ := url.Parse(fake.URL)
	if resp.StatusCode != http.StatusFound || loc.Host != fakeURL.Host || loc.Path != "/oauth/v2/authorize" || len(cookies) != 1 {
		t.Fatalf("install = %d %s %v", resp.StatusCode, loc, cookies)
	}
	redirect := loc.Query().Get("redirect_uri")
	if redirect != "https://bot.example.org/slack/oauth/callback" {
		t.Errorf("redirect_uri = %q", redirect)
	}

	// 2. The browser goes to Slack's authorize page, which sends it back
	// to redirect_uri with a code; the cookie comes along.
	resp, err = noRedirect.Get(loc.String())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	tr.add("browser <- %d  Location: %s", resp.StatusCode, resp.Header.Get("Location"))
	backURL, _ := url.Parse(resp.Header.Get("Location"))
	if resp.StatusCode != http.StatusFound || backURL.String() == "" || !strings.HasPrefix(backURL.String(), redirect+"?") {
		t.Fatalf("authorize = %d %s", resp.StatusCode, backURL)
	}
	// https://bot.example.org is the proxy in front of the server: here,
	// the server itself.
	back := base + backURL.Path + "?" + backURL.RawQuery
	req, _ := http.NewRequest(http.MethodGet, back, nil)
	req.Header.Set("Accept-Language", "en-GB,en;q=0.8")
	req.AddCookie(cookies[0])
	tr.add("browser -> GET %s  Cookie: %s=<state>", backURL, cookies[0].Name)
	resp, err = noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	tr.add("browser <- %d  Set-Cookie: %s", resp.StatusCode, resp.Header.Get("Set-Cookie"))
	tr.add("           %s", bytes.TrimSpace(page[bytes.Index(page, []byte("<body>")):]))
	if resp.StatusCode != http.StatusOK || !bytes.Contains(page, []byte("authorbot is installed in Indie Authors")) {
		t.Fatalf("callback = %d %s", resp.StatusCode, page)
	}

	// 3. The same link again is refused: the state is good once.
	resp, err = noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	tr.add("browser -> the same callback again\nbrowser <- %d", resp.StatusCode)
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("a state taken twice: %d, want 400", resp.StatusCode)
	}

	// 4. The token is in the database, sealed: neither the file nor its
	// log holds it.
	files, _ := filepath.Glob(dbPath + "*")
	for _, name := range files {
		b, _ := os.ReadFile(name)
		if bytes.Contains(b, []byte(e2eBotToken)) || bytes.Contains(b, []byte("e2eworkspacetoken")) {
			t.Errorf("%s holds the bot token in clear", name)
		}
	}
	if n := sealedRows(t, dbPath, "T0E2E"); n != 1 {
		t.Fatalf("%d sealed tokens for T0E2E, want 1", n)
	}

	// 5. A command from the workspace reads the author's locale with the
	// workspace's token.
	tr.add("Slack -> POST /slack/commands (signed)  team_id=T0E2E command=/help")
	status, _ := slackPost(t, base, "/slack/commands", slashForm("T0E2E", "U0AUTHOR", "/help", ""))
	tr.add("Slack <- %d", status)
	// (users.info answers the locale, and whether /help may list the
	// moderators' commands: each call with the installed token.)
	got := fake.tokens("users.info")
	if len(got) == 0 || slices.ContainsFunc(got, func(tok string) bool { return tok != e2eBotToken }) {
		t.Errorf("users.info called with %d tokens, not all the installed one", len(got))
	}

	// 6. Slack tells of the uninstall: the token is deleted.
	event := `{"token":"x","team_id":"T0E2E","api_app_id":"A0E2E","type":"event_callback","event":{"type":"app_uninstalled"},"event_id":"Ev0E2E","event_time":1733300000}`
	tr.add("Slack -> POST /slack/events (signed)  %s", event)
	status, body := slackPostJSON(t, base, "/slack/events", event)
	tr.add("Slack <- %d %s", status, body)
	if status != http.StatusOK {
		t.Errorf("event = %d", status)
	}
	if n := sealedRows(t, dbPath, "T0E2E"); n != 0 {
		t.Errorf("%d tokens left for T0E2E after app_uninstalled", n)
	}
	for _, secret := range []string{e2eClientSecret, e2eBotToken, e2eCode, e2eSecretKey} {
		if strings.Contains(tr.String(), secret) {
			t.Errorf("the transcript holds a secret")
		}
	}
	t.Logf("OAuth install, end to end:\n%s", tr)
}

// sealedRows counts the rows of slack_tokens for team, in the file the
// server uses.
func sealedRows(t *testing.T, path, team string) int {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM slack_tokens WHERE team = ? AND token LIKE 'v1:%'`, team).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// slackPostJSON sends an Events API body signed as Slack signs it.
func slackPostJSON(t *testing.T, base, path, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, base+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	signSlack(req.Header, body)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}
