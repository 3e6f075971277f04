// Package dashboard is the moderators' web dashboard, served under
// /admin/ on serve's HTTP port: an overview with plots, the questions the
// bot missed (with the "should have answered" assignment), the open
// handoffs, the topics with their freshness and an editor with a live
// preview of the answer, and the history of changes.
//
// Moderators sign in without a password, with a one-time link that
// /admin dashboard in chat or "authorbot admin link" makes (NewLink).
// The pages are written with html/template on the server, the plots are
// SVG drawn here, and the one script (the editor's live preview) is a few
// lines served from the package itself: there is no JavaScript build.
//
// The dashboard reads its data through the small interfaces below, each
// with plain types, so that whatever keeps the data (the store, the
// knowledge base and its overrides) is adapted to them where the program
// is put together. A source left nil shows a page saying its data is not
// available in this build.
package dashboard

import (
	"context"
	"embed"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/store"
)

// Moderator is who is signed in: the identity a sign-in link was made
// for.
type Moderator struct {
	Key  string // bot.User.Key() of the moderator in chat
	Name string // how pages name them
}

// DayCount is one day's questions.
type DayCount struct {
	Day      time.Time // midnight UTC
	Answered int
	Declined int
}

// TopicFeedback is the Yes and No votes on one topic's answers.
type TopicFeedback struct {
	Topic string // topic id
	Yes   int
	No    int
}

// Count is how many questions came in one language or on one platform.
type Count struct {
	Name string // a language code ("fr") or a platform ("slack")
	N    int
}

// Stats are the figures of the overview.
type Stats struct {
	Days      []DayCount // oldest first, one per day of the period
	Feedback  []TopicFeedback
	Languages []Count
	Platforms []Count
}

// StatsSource gives the overview's figures.
type StatsSource interface {
	// Stats returns the figures of the last days days (today included).
	// Errors are internal.
	Stats(ctx context.Context, days int) (Stats, error)
}

// Gap is a group of similar questions the bot declined, answered with
// little confidence, or that authors voted No on.
type Gap struct {
	ID       string   // what AssignTopic takes
	Count    int      // questions in the group
	Examples []string // a few of them, in the authors' words
	Lang     string
	Guesses  []string // the closest topics' ids, best first
	Assigned string   // the topic a moderator said should have answered, "" if none
}

// GapSource gives the missed questions and takes the moderators'
// assignments.
type GapSource interface {
	// Gaps returns the groups of the last days days, biggest first.
	// Errors are internal.
	Gaps(ctx context.Context, days int) ([]Gap, error)
	// AssignTopic records that topic should have answered the gap's
	// questions, so the search learns them as examples of it. An
	// unknown gap or topic is an error the page shows as it is.
	AssignTopic(ctx context.Context, gap, topic string, by Moderator) error
}

// Handoff is a question an author passed on to the moderators.
type Handoff struct {
	ID       string
	Asked    time.Time
	Question string
	Lang     string
	Platform string
	Author   string // how the moderators can reach them (a mention or name)
}

// HandoffSource gives the open handoffs.
type HandoffSource interface {
	// Handoffs returns the handoffs not yet answered or resolved, oldest
	// first. Errors are internal.
	Handoffs(ctx context.Context) ([]Handoff, error)
}

// Topic is one knowledge-base topic in one language, as the topics page
// lists it.
type Topic struct {
	ID, Lang, Title, Theme string
	Verified               string // YYYY-MM-DD, when its facts were last checked
	Stale                  bool   // not checked for 12 months
	Overridden             bool   // changed by a moderator from the embedded content
	// Drifted is set when a new release changed the embedded content
	// under a moderator's version, for them to compare.
	Drifted bool
}

// TopicFields are what a moderator edits of a topic.
type TopicFields struct {
	ID, Lang string
	Title    string
	Body     string // the answer, steps as numbered lines
	Aliases  []string
	Caveat   string
	Sources  []string
	Verified string // YYYY-MM-DD
}

// TopicSource gives the knowledge base's topics.
type TopicSource interface {
	// Topics returns every topic in lang, as the bot answers in it.
	// Errors are internal.
	Topics(ctx context.Context, lang string) ([]Topic, error)
	// Topic returns the editable fields of topic id in lang; ok is false
	// when there is no such topic.
	Topic(ctx context.Context, id, lang string) (f TopicFields, ok bool, err error)
}

// Preview is an answer as authors would read it, or the problems that
// keep the fields from being one.
type Preview struct {
	Text     string
	Problems []string
}

// Editor changes topics.
type Editor interface {
	// Preview renders the answer f would give to /ask, without storing
	// anything. Problems lists every reason f is not valid. Errors are
	// internal.
	Preview(ctx context.Context, f TopicFields) (Preview, error)
	// SaveTopic validates f as the knowledge base's loader does and
	// stores it as a new version by the moderator, all or nothing. It
	// returns every problem found (nothing is stored then). Errors are
	// internal.
	SaveTopic(ctx context.Context, f TopicFields, by Moderator) (problems []string, err error)
}

// Change is one change to the knowledge base.
type Change struct {
	When    time.Time
	Who     string
	Topic   string
	Lang    string
	Version int
	What    string // what changed, as the history keeps it ("edit", "hide", "revert to 2")
}

// HistorySource gives the changes to the knowledge base.
type HistorySource interface {
	// History returns the latest changes, newest first, at most limit.
	// Errors are internal.
	History(ctx context.Context, limit int) ([]Change, error)
}

// Sessions keeps the sign-in links and the sessions. *store.DB is one.
type Sessions interface {
	LinkStore
	// SignInLink returns the link with that hash without using it.
	SignInLink(ctx context.Context, hash string) (store.SignInLink, bool, error)
	// UseSignInLink marks the link used and returns it as it was before.
	UseSignInLink(ctx context.Context, hash string, now time.Time) (store.SignInLink, bool, error)
	AddDashboardSession(ctx context.Context, s store.DashboardSession) error
	DashboardSession(ctx context.Context, hash string) (store.DashboardSession, bool, error)
	EndDashboardSession(ctx context.Context, hash string) error
}

// Config is what the dashboard is built from. Sessions is required; a
// nil data source leaves its page saying the data is not available.
type Config struct {
	Log      *slog.Logger
	Sessions Sessions
	// Words is the catalog the pages are written from, in the language
	// the browser asks for; i18n.Default() when nil.
	Words *i18n.Catalog
	// PublicURL is the address moderators reach the bot at
	// (AUTHORBOT_PUBLIC_URL). When it is https the cookie is Secure, and
	// forms posted from its origin are accepted behind a proxy.
	PublicURL string
	// Now is the clock; time.Now when nil.
	Now func() time.Time

	Stats    StatsSource
	Gaps     GapSource
	Handoffs HandoffSource
	Topics   TopicSource
	Editor   Editor
	History  HistorySource
}

// Server is the dashboard. Its Handler serves everything under /admin/.
type Server struct {
	cfg    Config
	log    *slog.Logger
	now    func() time.Time
	words  *i18n.Catalog
	secure bool
	pages  map[string]*template.Template
	static http.Handler
	cop    *http.CrossOriginProtection
}

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// maxForm is the largest request body the dashboard reads.
const maxForm = 256 << 10

// Prefix is where the dashboard is mounted.
const Prefix = "/admin/"

// New builds the dashboard. It fails only on a malformed PublicURL.
func New(cfg Config) (*Server, error) {
	s := &Server{cfg: cfg, log: cfg.Log, now: cfg.Now, words: cfg.Words}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.words == nil {
		s.words = i18n.Default()
	}
	s.cop = http.NewCrossOriginProtection()
	if cfg.PublicURL != "" {
		u, err := url.Parse(cfg.PublicURL)
		if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
			return nil, &url.Error{Op: "dashboard: public URL", URL: cfg.PublicURL, Err: errBadPublicURL}
		}
		s.secure = u.Scheme == "https"
		if err := s.cop.AddTrustedOrigin(u.Scheme + "://" + u.Host); err != nil {
			return nil, err
		}
	}
	s.cop.SetDenyHandler(http.HandlerFunc(s.crossOrigin))
	s.pages = parsePages()
	static, _ := fs.Sub(staticFS, "static")
	s.static = http.StripPrefix(Prefix+"static/", http.FileServerFS(static))
	return s, nil
}

// Handler serves the dashboard; mount it at Prefix. Only the sign-in
// pages are reachable without a session; every form is checked against
// cross-site requests twice, by the browser's Sec-Fetch-Site or Origin
// header and by the session's token.
func (s *Server) Handler() http.Handler {
	signed := http.NewServeMux()
	signed.HandleFunc("GET "+Prefix+"{$}", s.overview)
	signed.HandleFunc("GET "+Prefix+"gaps", s.gaps)
	signed.HandleFunc("POST "+Prefix+"gaps/assign", s.assign)
	signed.HandleFunc("GET "+Prefix+"handoffs", s.handoffs)
	signed.HandleFunc("GET "+Prefix+"topics", s.topics)
	signed.HandleFunc("GET "+Prefix+"topics/{lang}/{id}", s.editTopic)
	signed.HandleFunc("POST "+Prefix+"topics/{lang}/{id}", s.saveTopic)
	signed.HandleFunc("POST "+Prefix+"topics/{lang}/{id}/preview", s.previewTopic)
	signed.HandleFunc("GET "+Prefix+"history", s.history)
	signed.HandleFunc("POST "+Prefix+"sign-out", s.signOut)
	signed.Handle("GET "+Prefix+"static/", s.static)
	signed.HandleFunc(Prefix, s.notFound)

	mux := http.NewServeMux()
	mux.HandleFunc("GET "+Prefix+"sign-in/{token}", s.signInPage)
	mux.HandleFunc("POST "+Prefix+"sign-in/{token}", s.signIn)
	mux.Handle(Prefix, s.requireSession(signed))
	return s.headers(s.cop.Handler(mux))
}

// headers sets what every page of the dashboard needs: nothing cached,
// no Referer (a sign-in link's token is in its path), no framing, and a
// content security policy that runs only the dashboard's own script.
func (s *Server) headers(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Cache-Control", "no-store")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; "+
			"img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
		// A topic is a few kilobytes; a form of more is not the editor's.
		r.Body = http.MaxBytesReader(w, r.Body, maxForm)
		h.ServeHTTP(w, r)
	})
}

// printer writes in the language the browser asks for, as far as the
// catalog has it.
func (s *Server) printer(r *http.Request) *i18n.Printer {
	for part := range strings.SplitSeq(r.Header.Get("Accept-Language"), ",") {
		tag, _, _ := strings.Cut(strings.TrimSpace(part), ";")
		if tag == "" || tag == "*" {
			continue
		}
		p := s.words.Printer(tag)
		if base, _, _ := strings.Cut(strings.ToLower(tag), "-"); p.Lang() == base {
			return p
		}
	}
	return s.words.Printer(i18n.Source)
}
