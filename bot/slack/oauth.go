package slack

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	slackapi "github.com/slack-go/slack"
	"golang.org/x/text/language"

	"github.com/authorbot/authorbot/i18n"
)

// Install is what the adapter needs to let workspaces install the app
// through Slack's OAuth v2 flow: GET /slack/install sends the browser to
// Slack's authorize page, and GET /slack/oauth/callback, where Slack
// sends it back, exchanges the code for the workspace's bot token and
// keeps it.
type Install struct {
	// ClientID and ClientSecret are the app's credentials (Basic
	// Information, App Credentials).
	ClientID, ClientSecret string
	// PublicURL is the address that reaches the adapter's routes from
	// outside (https://bot.example.org); the redirect URL is it with
	// CallbackPath. "" sends no redirect_uri, and Slack uses the app's
	// one Redirect URL. An https URL makes the state's cookie Secure.
	PublicURL string
	// AuthorizeURL is Slack's authorize page; "" means the one beside
	// the Web API (Config.APIURL's /api/ made /oauth/v2/authorize, as on
	// GovSlack), or DefaultAuthorizeURL with Slack's own API.
	AuthorizeURL string
	// Scopes are the bot scopes asked for; nil means BotScopes.
	Scopes []string
	// Store keeps the tokens and the states of installs under way.
	Store Installs
	// StateTTL is how long an install may take from the redirect to
	// Slack to the redirect back; zero means DefaultStateTTL.
	StateTTL time.Duration
}

// Defaults of the Install fields left zero.
const (
	DefaultAuthorizeURL = "https://slack.com/oauth/v2/authorize"
	DefaultStateTTL     = 10 * time.Minute
	// DefaultAPIURL is the Web API's URL that slack-go calls by default.
	DefaultAPIURL = slackapi.APIURL
)

// The install's routes.
const (
	InstallPath  = "/slack/install"
	CallbackPath = "/slack/oauth/callback"
)

// BotScopes are the bot scopes the app needs, the ones both manifests in
// deploy/ declare: commands (the slash commands), chat:write (direct
// messages), users:read (authors' locales), im:write (opening the direct
// message a data export goes to) and files:write (uploading it).
var BotScopes = []string{"commands", "chat:write", "users:read", "im:write", "files:write", "channels:read", "groups:read"}

// stateCookie names the cookie that binds an install's state to the
// browser that began it. Over https it has the __Host- prefix, which
// browsers accept only Secure, for the whole host and from that host
// alone.
func (in *Install) stateCookie() string {
	if in.secure() {
		return "__Host-authorbot_slack_install"
	}
	return "authorbot_slack_install"
}

func (in *Install) secure() bool { return strings.HasPrefix(in.PublicURL, "https://") }

// redirectURL is the redirect_uri sent to Slack, "" without a public URL.
func (in *Install) redirectURL() string {
	if in.PublicURL == "" {
		return ""
	}
	return strings.TrimRight(in.PublicURL, "/") + CallbackPath
}

// setTokens settles where the adapter finds bot tokens, and checks and
// completes the install's settings.
func (a *Adapter) setTokens() error {
	cfg := a.cfg
	in := cfg.Install
	if in != nil {
		if in.ClientID == "" || in.ClientSecret == "" || in.Store == nil {
			return errors.New("slack: Install needs a client id, a client secret and a Store")
		}
		if in.AuthorizeURL == "" {
			in.AuthorizeURL = authorizeURL(cfg.APIURL)
		}
		if in.Scopes == nil {
			in.Scopes = BotScopes
		}
		if in.StateTTL <= 0 {
			in.StateTTL = DefaultStateTTL
		}
	}
	switch {
	case cfg.Tokens != nil:
		a.tokens = cfg.Tokens
	case in != nil && cfg.BotToken != "":
		a.tokens = Fallback(in.Store, StaticToken(cfg.BotToken))
	case in != nil:
		a.tokens = in.Store
	case cfg.BotToken != "":
		a.tokens = StaticToken(cfg.BotToken)
	}
	return nil
}

// authorizeURL is the authorize page of the Slack whose Web API is at
// apiURL: the same host, with /api/ made /oauth/v2/authorize.
func authorizeURL(apiURL string) string {
	u, err := url.Parse(apiURL)
	if apiURL == "" || err != nil || u.Host == "" {
		return DefaultAuthorizeURL
	}
	u.Path = strings.TrimSuffix(strings.TrimSuffix(u.Path, "/"), "/api") + "/oauth/v2/authorize"
	u.RawPath = ""
	return u.String()
}

// serveInstall sends the browser to Slack's authorize page with a new
// state, which it also sets in a cookie: the callback takes the state
// only back from the browser that holds it, so nobody can make another
// person's browser complete an install they began.
func (a *Adapter) serveInstall(w http.ResponseWriter, r *http.Request) {
	in := a.cfg.Install
	state := rand.Text() // 128 bits and more, base32
	if err := in.Store.SaveState(r.Context(), state, a.cfg.Now().Add(in.StateTTL)); err != nil {
		a.log.Error("slack install: saving the state failed", slog.Any("err", err))
		a.installPage(w, r, http.StatusInternalServerError, "slack.install_failed", nil)
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name:     in.stateCookie(),
		Value:    state,
		Path:     "/",
		MaxAge:   int(in.StateTTL / time.Second),
		HttpOnly: true,
		Secure:   in.secure(),
		// Lax, not Strict: the way back from Slack is a top-level GET
		// from another site, which must carry the cookie.
		SameSite: http.SameSiteLaxMode,
	})
	q := url.Values{
		"client_id": {in.ClientID},
		"scope":     {strings.Join(in.Scopes, ",")},
		"state":     {state},
	}
	if u := in.redirectURL(); u != "" {
		q.Set("redirect_uri", u)
	}
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, in.AuthorizeURL+"?"+q.Encode(), http.StatusFound)
}

// serveCallback completes an install: it checks that the state came back
// from the browser that began it and is still good (once, within
// StateTTL), exchanges the code for the workspace's bot token
// (oauth.v2.access) and keeps the token. The page it answers with never
// shows the code or the token.
func (a *Adapter) serveCallback(w http.ResponseWriter, r *http.Request) {
	in := a.cfg.Install
	ctx := r.Context()
	q := r.URL.Query()
	// The cookie has done its work whatever happens now.
	http.SetCookie(w, &http.Cookie{Name: in.stateCookie(), Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: in.secure(), SameSite: http.SameSiteLaxMode})
	state := q.Get("state")
	c, err := r.Cookie(in.stateCookie())
	if state == "" || err != nil || subtle.ConstantTimeCompare([]byte(c.Value), []byte(state)) != 1 {
		a.log.Info("slack install refused", slog.String("reason", "state"))
		a.installPage(w, r, http.StatusBadRequest, "slack.install_expired", nil)
		return
	}
	good, err := in.Store.TakeState(ctx, state)
	if err != nil {
		a.log.Error("slack install: reading the state failed", slog.Any("err", err))
		a.installPage(w, r, http.StatusInternalServerError, "slack.install_failed", nil)
		return
	}
	if !good {
		a.log.Info("slack install refused", slog.String("reason", "expired"))
		a.installPage(w, r, http.StatusBadRequest, "slack.install_expired", nil)
		return
	}
	if q.Get("error") != "" {
		// access_denied: the person chose Cancel on Slack's page.
		a.log.Info("slack install cancelled", slog.String("error", q.Get("error")))
		a.installPage(w, r, http.StatusOK, "slack.install_cancelled", nil)
		return
	}
	code := q.Get("code")
	if code == "" {
		a.installPage(w, r, http.StatusBadRequest, "slack.install_failed", nil)
		return
	}
	team, name, err := a.exchange(ctx, code)
	if err != nil {
		a.log.Warn("slack install failed", slog.Any("err", err))
		a.installPage(w, r, http.StatusBadGateway, "slack.install_failed", nil)
		return
	}
	a.log.Info("slack workspace installed the app", slog.String("team", team))
	a.installPage(w, r, http.StatusOK, "slack.install_done", []any{"Team", name})
}

// exchange trades an install's code for the workspace's bot token
// (oauth.v2.access on the configured Web API URL) and keeps the token. It
// returns the workspace's id and name. Its errors never hold the token
// or the client secret.
func (a *Adapter) exchange(ctx context.Context, code string) (team, name string, err error) {
	in := a.cfg.Install
	apiURL := a.cfg.APIURL
	if apiURL == "" {
		apiURL = DefaultAPIURL
	}
	resp, err := slackapi.GetOAuthV2ResponseContext(ctx, a.cfg.HTTPClient, in.ClientID, in.ClientSecret, code,
		in.redirectURL(), slackapi.OAuthOptionAPIURL(apiURL))
	if err != nil {
		return "", "", errors.New("oauth.v2.access: " + safeError(err, in.ClientSecret, code))
	}
	switch {
	case resp.IsEnterpriseInstall:
		// The manifests disable org-wide installs: the bot keeps one
		// token per workspace.
		return "", "", errors.New("oauth.v2.access: an organisation-wide install, which this app does not take")
	case resp.Team.ID == "":
		return "", "", errors.New("oauth.v2.access: no team in the answer")
	case resp.TokenType != "bot" || !strings.HasPrefix(resp.AccessToken, "xoxb-"):
		return "", "", errors.New("oauth.v2.access: no bot token in the answer")
	}
	if err := in.Store.SaveToken(ctx, resp.Team.ID, resp.BotUserID, resp.AccessToken); err != nil {
		return "", "", safeErr(err, resp.AccessToken)
	}
	return resp.Team.ID, resp.Team.Name, nil
}

// safeError is err's text with every secret in it replaced.
func safeError(err error, secrets ...string) string {
	s := err.Error()
	for _, secret := range secrets {
		if secret != "" {
			s = strings.ReplaceAll(s, secret, "<redacted>")
		}
	}
	return s
}

func safeErr(err error, secrets ...string) error { return errors.New(safeError(err, secrets...)) }

// installPageHTML is the page the browser shows at the end of an install:
// one sentence, in the browser's language.
var installPageHTML = template.Must(template.New("install").Parse(`<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>authorbot</title></head>
<body><p>{{.Text}}</p></body></html>
`))

// installPage answers with the page of message id, in the language the
// browser asks for.
func (a *Adapter) installPage(w http.ResponseWriter, r *http.Request, status int, id string, args []any) {
	p := i18n.Default().Printer(browserLang(r.Header.Get("Accept-Language")))
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", "default-src 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	// The callback's URL holds the code: no page it leads to may see it.
	h.Set("Referrer-Policy", "no-referrer")
	w.WriteHeader(status)
	_ = installPageHTML.Execute(w, struct{ Lang, Text string }{p.Lang(), p.T(id, args...)})
}

// browserLang is the language an Accept-Language header puts first, ""
// when it names none.
func browserLang(header string) string {
	tags, _, err := language.ParseAcceptLanguage(header)
	if err != nil || len(tags) == 0 {
		return ""
	}
	return tags[0].String()
}
