package dashboard_test

import (
	"context"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/authorbot/authorbot/dashboard"
	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/store"
)

// clock is a test's clock, moved by hand.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// fixture is a dashboard on a real database, served by httptest, with
// the test doubles of double_test.go behind it.
type fixture struct {
	db      *store.DB
	clock   *clock
	mem     *memory
	kb      *kbOverlay
	ts      *httptest.Server
	moderat dashboard.Moderator
	logs    *lockedBuffer
}

// lockedBuffer is a log destination that the server's goroutines share.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
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

// today is the fixtures' day. Topics verified before 2025-12-04 are
// stale on it.
var today = time.Date(2026, 12, 4, 9, 30, 0, 0, time.UTC)

func newFixture(t testing.TB, publicURL string) *fixture {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "authorbot.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	f := &fixture{db: db, clock: &clock{now: today}, moderat: dashboard.Moderator{Key: "slack:T1:U42", Name: "Ada"}, logs: &lockedBuffer{}}
	f.mem = newMemory(today)
	f.kb = newKBOverlay(t, f.mem, f.clock.Now)
	s, err := dashboard.New(dashboard.Config{
		Log: slog.New(slog.NewTextHandler(f.logs, nil)), Sessions: db, PublicURL: publicURL, Now: f.clock.Now,
		Stats: f.mem, Gaps: f.mem, Handoffs: f.mem, History: f.mem,
		Topics: dashboard.KBTopics{KB: f.kb.KB, Now: f.clock.Now, Overridden: f.kb.Overridden},
		Editor: f.kb,
	})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle(dashboard.Prefix, s.Handler())
	f.ts = httptest.NewServer(mux)
	t.Cleanup(f.ts.Close)
	return f
}

// link makes a sign-in link for the fixture's moderator.
func (f *fixture) link(t testing.TB) string {
	t.Helper()
	link, err := dashboard.NewLink(context.Background(), f.db, f.ts.URL, f.moderat, f.clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	return link
}

// client is a browser-like client: it keeps cookies, does not follow
// redirects, and sends the headers a browser sends for a same-origin form.
func (f *fixture) client(t testing.TB) *http.Client {
	jar, _ := cookiejar.New(nil)
	// A transport of its own: http.DefaultTransport is shared by the
	// parallel tests, and every httptest server that closes drops its
	// idle connections, breaking a request about to reuse one.
	return &http.Client{Jar: jar, Transport: http.DefaultTransport.(*http.Transport).Clone(),
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// do sends a request as a browser on the dashboard's own page would.
func do(t testing.TB, c *http.Client, method, u string, form url.Values) (*http.Response, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if method == http.MethodPost {
		req.Header.Set("Sec-Fetch-Site", "same-origin")
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(b)
}

// signIn signs c in with a new link and returns the session's form token.
func (f *fixture) signIn(t testing.TB, c *http.Client) string {
	t.Helper()
	resp, _ := do(t, c, http.MethodPost, f.link(t), url.Values{})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-in: status %d, want 303", resp.StatusCode)
	}
	_, page := do(t, c, http.MethodGet, f.ts.URL+"/admin/topics", nil)
	m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no form token on the page after sign-in:\n%s", page)
	}
	return m[1]
}

var en = i18n.Default().Printer("en")

// routes is every route of the dashboard behind the session, with a
// path under /admin/ that no route has.
var routes = []struct{ method, path string }{
	{"GET", "/admin/"},
	{"GET", "/admin/gaps"},
	{"POST", "/admin/gaps/assign"},
	{"GET", "/admin/handoffs"},
	{"GET", "/admin/topics"},
	{"GET", "/admin/topics/en/cart-empty"},
	{"POST", "/admin/topics/en/cart-empty"},
	{"POST", "/admin/topics/en/cart-empty/preview"},
	{"GET", "/admin/history"},
	{"POST", "/admin/sign-out"},
	{"GET", "/admin/static/preview.js"},
	{"GET", "/admin/no-such-page"},
	{"GET", "/admin/sign-in"},
}

func TestEveryRouteNeedsASession(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "")
	expired := f.client(t)
	f.signIn(t, expired)
	f.clock.Add(dashboard.SessionTTL)
	forged := f.client(t)
	u, _ := url.Parse(f.ts.URL + "/admin/")
	forged.Jar.SetCookies(u, []*http.Cookie{{Name: "authorbot_dashboard", Value: "forged-token"}})
	clients := map[string]*http.Client{"no cookie": f.client(t), "expired session": expired, "forged cookie": forged}
	for name, c := range clients {
		for _, r := range routes {
			t.Run(name+" "+r.method+" "+r.path, func(t *testing.T) {
				resp, body := do(t, c, r.method, f.ts.URL+r.path, url.Values{"title": {"x"}})
				if resp.StatusCode != http.StatusUnauthorized {
					t.Errorf("status %d, want 401", resp.StatusCode)
				}
				if !strings.Contains(body, en.T("dash.no_session")) {
					t.Errorf("the page does not say how to sign in:\n%s", body)
				}
				for _, leak := range []string{"cart-empty", "chart-questions", "Ada", "refresh"} {
					if strings.Contains(body, leak) {
						t.Errorf("the page shows %q without a session", leak)
					}
				}
			})
		}
	}
	// With a session every route answers.
	c := f.client(t)
	csrf := f.signIn(t, c)
	for _, r := range routes {
		if r.path == "/admin/sign-out" {
			continue
		}
		resp, _ := do(t, c, r.method, f.ts.URL+r.path, url.Values{"csrf": {csrf}, "gap": {"g1"}, "topic": {"cart-empty"}})
		if resp.StatusCode == http.StatusUnauthorized {
			t.Errorf("%s %s with a session: 401", r.method, r.path)
		}
	}
}

func TestSignInLinkWorksOnce(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "")
	link := f.link(t)
	if !strings.HasPrefix(link, f.ts.URL+"/admin/sign-in/") {
		t.Fatalf("link %q is not under %s/admin/sign-in/", link, f.ts.URL)
	}
	c := f.client(t)
	// Opening the link (as a chat's link preview does) does not use it.
	for range 2 {
		resp, body := do(t, c, http.MethodGet, link, nil)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, en.T("dash.sign_in_prompt", "Name", "Ada")) {
			t.Fatalf("GET link: status %d, want 200 with the sign-in prompt:\n%s", resp.StatusCode, body)
		}
		if got := resp.Header.Get("Referrer-Policy"); got != "no-referrer" {
			t.Errorf("Referrer-Policy = %q, want no-referrer (the token is in the address)", got)
		}
	}
	resp, _ := do(t, c, http.MethodPost, link, url.Values{})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/admin/" {
		t.Fatalf("POST link: status %d to %q, want 303 to /admin/", resp.StatusCode, resp.Header.Get("Location"))
	}
	var cookie *http.Cookie
	for _, ck := range resp.Cookies() {
		if ck.Name == "authorbot_dashboard" {
			cookie = ck
		}
	}
	if cookie == nil {
		t.Fatal("no session cookie")
	}
	if !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode || cookie.Secure || cookie.Path != "/admin/" ||
		cookie.MaxAge != int(dashboard.SessionTTL.Seconds()) {
		t.Errorf("cookie %+v: want HttpOnly, SameSite=Strict, not Secure on http, Path=/admin/, MaxAge %v", cookie, dashboard.SessionTTL)
	}
	resp, body := do(t, c, http.MethodGet, f.ts.URL+"/admin/", nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, en.T("dash.signed_in_as", "Name", "Ada")) {
		t.Errorf("overview after sign-in: status %d, want 200 naming Ada", resp.StatusCode)
	}
	// A second use, from any browser, is refused.
	for _, c := range []*http.Client{c, f.client(t)} {
		for _, method := range []string{http.MethodGet, http.MethodPost} {
			resp, body := do(t, c, method, link, url.Values{})
			if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, en.T("dash.link_used")) {
				t.Errorf("%s link again: status %d, want 403 saying it was used:\n%s", method, resp.StatusCode, body)
			}
			if len(resp.Cookies()) > 0 {
				t.Errorf("%s link again set a cookie", method)
			}
		}
	}
}

func TestSignInLinkExpiresAfterTenMinutes(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "")
	link := f.link(t)
	f.clock.Add(dashboard.LinkTTL - time.Second)
	if resp, _ := do(t, f.client(t), http.MethodGet, link, nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("a second before it expires: status %d, want 200", resp.StatusCode)
	}
	f.clock.Add(time.Second)
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		resp, body := do(t, f.client(t), method, link, url.Values{})
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, en.T("dash.link_expired")) {
			t.Errorf("%s after 10 minutes: status %d, want 403 saying it expired:\n%s", method, resp.StatusCode, body)
		}
	}
}

func TestForgedLinkIsRefused(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "")
	link := f.link(t)
	forged := link[:len(link)-1] + map[bool]string{true: "B", false: "A"}[strings.HasSuffix(link, "A")]
	for _, u := range []string{forged, f.ts.URL + "/admin/sign-in/x", f.ts.URL + "/admin/sign-in/" + strings.Repeat("A", 43)} {
		resp, body := do(t, f.client(t), http.MethodPost, u, url.Values{})
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, en.T("dash.link_unknown")) {
			t.Errorf("POST %s: status %d, want 403 saying it is not valid:\n%s", u, resp.StatusCode, body)
		}
	}
	// The real link still works: a forged one does not spend it.
	if resp, _ := do(t, f.client(t), http.MethodPost, link, url.Values{}); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("the real link after forged ones: status %d, want 303", resp.StatusCode)
	}
}

func TestCookieIsSecureBehindHTTPS(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "https://bot.example.org")
	resp, _ := do(t, f.client(t), http.MethodPost, f.link(t), url.Values{})
	cookies := resp.Cookies()
	if len(cookies) != 1 || !cookies[0].Secure {
		t.Errorf("cookies %+v, want one Secure cookie", cookies)
	}
}

func TestFormsRefuseCrossSiteRequests(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "")
	c := f.client(t)
	csrf := f.signIn(t, c)
	assign := f.ts.URL + "/admin/gaps/assign"
	post := func(form url.Values, header map[string]string) int {
		req, _ := http.NewRequest(http.MethodPost, assign, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	form := url.Values{"gap": {"g1"}, "topic": {"cart-empty"}}
	withToken := url.Values{"gap": {"g1"}, "topic": {"cart-empty"}, "csrf": {csrf}}
	wrongToken := url.Values{"gap": {"g1"}, "topic": {"cart-empty"}, "csrf": {csrf[:len(csrf)-2] + "xx"}}
	for _, tt := range []struct {
		name   string
		form   url.Values
		header map[string]string
	}{
		{"no form token", form, map[string]string{"Sec-Fetch-Site": "same-origin"}},
		{"wrong form token", wrongToken, map[string]string{"Sec-Fetch-Site": "same-origin"}},
		{"cross-site, with token", withToken, map[string]string{"Sec-Fetch-Site": "cross-site"}},
		{"same-site other origin, with token", withToken, map[string]string{"Sec-Fetch-Site": "same-site"}},
		{"foreign Origin, with token", withToken, map[string]string{"Origin": "https://evil.example"}},
	} {
		if got := post(tt.form, tt.header); got != http.StatusForbidden {
			t.Errorf("%s: status %d, want 403", tt.name, got)
		}
	}
	if len(f.mem.assigned) != 0 {
		t.Fatalf("a refused form assigned %v", f.mem.assigned)
	}
	if got := post(withToken, map[string]string{"Sec-Fetch-Site": "same-origin"}); got != http.StatusSeeOther {
		t.Errorf("same-origin with token: status %d, want 303", got)
	}
	if want := "g1→cart-empty by slack:T1:U42"; len(f.mem.assigned) != 1 || f.mem.assigned[0] != want {
		t.Errorf("assigned %v, want [%s]", f.mem.assigned, want)
	}
	// Signing in is a form too: a link posted from another site does not
	// sign the browser in.
	req, _ := http.NewRequest(http.MethodPost, f.link(t), nil)
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	resp, err := f.client(t).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden || len(resp.Cookies()) > 0 {
		t.Errorf("cross-site sign-in: status %d with %d cookies, want 403 and none", resp.StatusCode, len(resp.Cookies()))
	}
}

func TestSignOutEndsTheSession(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "")
	c := f.client(t)
	csrf := f.signIn(t, c)
	if resp, _ := do(t, c, http.MethodPost, f.ts.URL+"/admin/sign-out", url.Values{"csrf": {csrf}}); resp.StatusCode != http.StatusOK {
		t.Fatalf("sign-out: status %d", resp.StatusCode)
	}
	if resp, _ := do(t, c, http.MethodGet, f.ts.URL+"/admin/", nil); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("after sign-out: status %d, want 401", resp.StatusCode)
	}
}

func TestOverviewDrawsThePlots(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "")
	c := f.client(t)
	f.signIn(t, c)
	_, body := do(t, c, http.MethodGet, f.ts.URL+"/admin/?days=7", nil)
	for _, id := range []string{"chart-questions", "chart-feedback", "chart-languages", "chart-platforms"} {
		if !strings.Contains(body, `<svg id="`+id+`"`) {
			t.Errorf("no %s plot", id)
		}
	}
	// Seven days, two stacked bars each, and the legend's two swatches.
	svg := body[strings.Index(body, `<svg id="chart-questions"`):]
	svg = svg[:strings.Index(svg, "</svg>")]
	if n := strings.Count(svg, "<rect"); n != 7*2+2 {
		t.Errorf("the questions plot has %d rects, want %d", n, 7*2+2)
	}
	if !strings.Contains(svg, "2026-12-04: Answered 20, Declined 2") {
		t.Errorf("today's bar does not say its figures:\n%s", svg)
	}
	// Topics last checked over 12 months ago are listed.
	if !strings.Contains(body, `id="stale"`) {
		t.Error("no list of stale topics")
	}
}

func TestEditorRefusesInvalidTopic(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "")
	c := f.client(t)
	csrf := f.signIn(t, c)
	u := f.ts.URL + "/admin/topics/en/cart-empty"
	form := url.Values{"csrf": {csrf}, "title": {""}, "body": {""}, "sources": {"KDP Help: Order author copies"}, "verified": {"yesterday"}}
	resp, body := do(t, c, http.MethodPost, u, form)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", resp.StatusCode)
	}
	// Every problem at once, as the knowledge base's loader names them.
	for _, want := range []string{en.T("dash.problems"), `missing required key &#34;title&#34;`, "empty body", `verified &#34;yesterday&#34; is not a YYYY-MM-DD date`} {
		if !strings.Contains(body, want) {
			t.Errorf("the page does not say %q", want)
		}
	}
	if f.kb.Overridden("cart-empty", "en") {
		t.Error("an invalid topic was saved")
	}
	_, body = do(t, c, http.MethodGet, f.ts.URL+"/admin/history", nil)
	if !strings.Contains(body, en.T("dash.no_history")) {
		t.Error("an invalid topic made a change in the history")
	}
}

func TestPreviewRendersTheAnswer(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "")
	c := f.client(t)
	csrf := f.signIn(t, c)
	fields, _, _ := dashboard.KBTopics{KB: f.kb.KB}.Topic(context.Background(), "cart-empty", "en")
	form := url.Values{"csrf": {csrf}, "title": {fields.Title}, "body": {"Empty the cache.\n\n1. Sign out.\n2. Sign in again."},
		"sources": {strings.Join(fields.Sources, "\n")}, "verified": {fields.Verified}, "caveat": {fields.Caveat}, "aliases": {strings.Join(fields.Aliases, "\n")}}
	resp, body := do(t, c, http.MethodPost, f.ts.URL+"/admin/topics/en/cart-empty/preview", form)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, want := range []string{html.EscapeString(fields.Title), "Empty the cache.", "1. Sign out.", "2. Sign in again."} {
		if !strings.Contains(body, want) {
			t.Errorf("preview lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "<html") {
		t.Error("the preview is a whole page, want the fragment")
	}
	if f.kb.Overridden("cart-empty", "en") {
		t.Error("a preview saved the topic")
	}
}

// TestTemplatesHoldNoWords checks that every word a page shows comes from
// the message catalog: what is left of a template without its actions,
// tags, styles and scripts has no letters.
func TestTemplatesHoldNoWords(t *testing.T) {
	files, err := filepath.Glob("templates/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("no templates: %v", err)
	}
	strip := regexp.MustCompile(`(?s)<style>.*?</style>|<script.*?</script>|\{\{.*?\}\}|<[^>]*>|&[a-z]+;`)
	letters := regexp.MustCompile(`\pL{2,}`)
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if w := letters.FindAllString(strip.ReplaceAllString(string(b), " "), -1); len(w) > 0 {
			t.Errorf("%s shows words outside the catalog: %q", name, w)
		}
	}
}

func TestLogsNeverShowTokens(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "")
	link := f.link(t)
	token := link[strings.LastIndex(link, "/")+1:]
	// A sign-in posted from another site, then the real one, a form
	// without its token, and the end of the session.
	req, _ := http.NewRequest(http.MethodPost, link, nil)
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
	}
	c := f.client(t)
	resp, _ := do(t, c, http.MethodPost, link, url.Values{})
	var session string
	for _, ck := range resp.Cookies() {
		session = ck.Value
	}
	do(t, c, http.MethodPost, f.ts.URL+"/admin/gaps/assign", url.Values{"gap": {"g1"}})
	do(t, c, http.MethodPost, link, url.Values{})
	logs := f.logs.String()
	for _, want := range []string{"cross-origin", "dashboard sign-in", "no or wrong form token", "reason=used"} {
		if !strings.Contains(logs, want) {
			t.Errorf("the log does not say %q:\n%s", want, logs)
		}
	}
	if session == "" {
		t.Fatal("no session cookie")
	}
	for name, secret := range map[string]string{"link token": token, "session token": session, "form token": csrfOf(t, f, c)} {
		if strings.Contains(logs, secret) {
			t.Errorf("the log shows the %s:\n%s", name, logs)
		}
	}
}

// csrfOf reads the form token from a page of c's session.
func csrfOf(t *testing.T, f *fixture, c *http.Client) string {
	_, page := do(t, c, http.MethodGet, f.ts.URL+"/admin/topics", nil)
	m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no form token")
	}
	return m[1]
}

func TestPagesSpeakTheBrowsersLanguage(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "")
	c := f.client(t)
	f.signIn(t, c)
	for _, tt := range []struct{ accept, lang string }{
		{"fr-CA,fr;q=0.9,en;q=0.5", "fr"},
		{"ja,de;q=0.8", "de"},
		{"pt-BR", "pt"},
		{"ja", "en"},
		{"", "en"},
	} {
		req, _ := http.NewRequest(http.MethodGet, f.ts.URL+"/admin/", nil)
		req.Header.Set("Accept-Language", tt.accept)
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		p := i18n.Default().Printer(tt.lang)
		if body := string(b); !strings.Contains(body, `<html lang="`+tt.lang+`">`) || !strings.Contains(body, html.EscapeString(p.T("dash.chart_questions"))) {
			t.Errorf("Accept-Language %q: the page is not in %s", tt.accept, tt.lang)
		}
	}
}

func TestPagesWithoutTheirData(t *testing.T) {
	t.Parallel()
	db, err := store.Open(context.Background(), ":memory:", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := dashboard.New(dashboard.Config{Sessions: db})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle(dashboard.Prefix, s.Handler())
	ts := httptest.NewServer(mux)
	defer ts.Close()
	link, err := dashboard.NewLink(context.Background(), db, ts.URL, dashboard.Moderator{Key: "console::operator", Name: "operator"}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	c := (&fixture{}).client(t)
	if resp, _ := do(t, c, http.MethodPost, link, url.Values{}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-in: status %d", resp.StatusCode)
	}
	_, page := do(t, c, http.MethodGet, ts.URL+"/admin/", nil)
	if !strings.Contains(page, `id="no-figures"`) {
		t.Errorf("the overview without figures does not say so:\n%s", page)
	}
	csrf := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(page)[1]
	for _, r := range routes[1:9] { // every page of data
		resp, body := do(t, c, r.method, ts.URL+r.path, url.Values{"csrf": {csrf}})
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, en.T("dash.unavailable")) {
			t.Errorf("%s %s: status %d, want 200 saying the data is not kept", r.method, r.path, resp.StatusCode)
		}
	}
}

func TestPreviewButtonWithoutScript(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "")
	c := f.client(t)
	csrf := f.signIn(t, c)
	fields, _, _ := dashboard.KBTopics{KB: f.kb.KB}.Topic(context.Background(), "cart-empty", "en")
	form := url.Values{"csrf": {csrf}, "action": {"preview"}, "title": {fields.Title}, "body": {"Try another browser."},
		"sources": {strings.Join(fields.Sources, "\n")}, "verified": {fields.Verified}}
	resp, body := do(t, c, http.MethodPost, f.ts.URL+"/admin/topics/en/cart-empty", form)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, `<div class="answer" id="answer">`) || !strings.Contains(body, "Try another browser.") {
		t.Errorf("status %d, want the editor with the preview of the new text:\n%s", resp.StatusCode, body)
	}
	if strings.Contains(body, `id="saved"`) || f.kb.Overridden("cart-empty", "en") {
		t.Error("the Preview button saved the topic")
	}
}

func TestLargeFormIsRefused(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "")
	c := f.client(t)
	csrf := f.signIn(t, c)
	form := url.Values{"csrf": {csrf}, "title": {"Cart"}, "body": {strings.Repeat("a", 300<<10)}, "sources": {"x"}, "verified": {"2026-12-01"}}
	resp, _ := do(t, c, http.MethodPost, f.ts.URL+"/admin/topics/en/cart-empty", form)
	if resp.StatusCode < 400 || f.kb.Overridden("cart-empty", "en") {
		t.Errorf("a 300 KB form: status %d, overridden %v; want it refused", resp.StatusCode, f.kb.Overridden("cart-empty", "en"))
	}
}
