package dashboard

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/authorbot/authorbot/store"
)

// LinkTTL is how long a sign-in link works: long enough to open it from
// a chat message, short enough that one forgotten in a chat history is
// dead.
const LinkTTL = 10 * time.Minute

// SessionTTL is how long a session lasts: a moderator's working day.
// There is no sliding renewal; a new link starts a new session.
const SessionTTL = 8 * time.Hour

// cookieName is the session cookie's name.
const cookieName = "authorbot_dashboard"

var errBadPublicURL = errors.New("must be an absolute http:// or https:// URL, such as https://bot.example.org")

// LinkStore keeps sign-in links. *store.DB is one.
type LinkStore interface {
	AddSignInLink(ctx context.Context, l store.SignInLink) error
}

// NewLink makes a one-time sign-in link for moderator m, working within
// LinkTTL of now, and returns it under base (the bot's public address,
// such as https://bot.example.org). Only the hash of its token is
// stored: the link itself is a secret for m alone, to be shown to them
// and never logged. /admin dashboard in chat and "authorbot admin link"
// call it.
func NewLink(ctx context.Context, links LinkStore, base string, m Moderator, now time.Time) (string, error) {
	if m.Key == "" {
		return "", errors.New("dashboard: a sign-in link needs a moderator")
	}
	if m.Name == "" {
		m.Name = m.Key
	}
	token, err := newToken()
	if err != nil {
		return "", err
	}
	now = now.UTC().Truncate(time.Second)
	err = links.AddSignInLink(ctx, store.SignInLink{Hash: hash(token), Moderator: m.Key, Name: m.Name,
		Created: now, Expires: now.Add(LinkTTL)})
	if err != nil {
		return "", err
	}
	return strings.TrimRight(base, "/") + Prefix + "sign-in/" + token, nil
}

// newToken returns 32 random bytes, base64url: unguessable, and safe in
// a URL path and a cookie.
func newToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("dashboard: token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// hash is what the store keeps of a token.
func hash(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// csrfToken is the token every form of a session carries. It is derived
// from the session's own token, which only the browser holding the
// HttpOnly cookie knows, so it needs no storage of its own.
func csrfToken(session string) string {
	m := hmac.New(sha256.New, []byte(session))
	m.Write([]byte("authorbot dashboard form"))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// linkState is why a link cannot be used, or linkOK.
type linkState int

const (
	linkOK linkState = iota
	linkUnknown
	linkUsed
	linkExpired
)

// stateOf tells whether l, as found (ok), can sign in at now.
func stateOf(l store.SignInLink, ok bool, now time.Time) linkState {
	switch {
	case !ok:
		return linkUnknown
	case !l.Used.IsZero():
		return linkUsed
	case !now.Before(l.Expires):
		return linkExpired
	}
	return linkOK
}

// signInPage shows whom a link signs in, with a button that uses it.
// Opening the link does not use it: chat platforms fetch the links
// posted in them for a preview, and that fetch must not spend the
// moderator's link. The link's button posts to the same address.
func (s *Server) signInPage(w http.ResponseWriter, r *http.Request) {
	l, ok, err := s.cfg.Sessions.SignInLink(r.Context(), hash(r.PathValue("token")))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if st := stateOf(l, ok, s.now()); st != linkOK {
		s.refuse(w, r, st)
		return
	}
	s.render(w, r, http.StatusOK, "sign-in", page{Data: l.Name})
}

// signIn uses the link and opens a session for its moderator.
func (s *Server) signIn(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	now := s.now()
	l, ok, err := s.cfg.Sessions.UseSignInLink(ctx, hash(r.PathValue("token")), now.UTC().Truncate(time.Second))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if st := stateOf(l, ok, now); st != linkOK {
		s.log.Warn("dashboard sign-in refused", slog.String("reason", st.String()))
		s.refuse(w, r, st)
		return
	}
	token, err := newToken()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	start := now.UTC().Truncate(time.Second)
	err = s.cfg.Sessions.AddDashboardSession(ctx, store.DashboardSession{Hash: hash(token),
		Moderator: l.Moderator, Name: l.Name, Created: start, Expires: start.Add(SessionTTL)})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("dashboard sign-in", slog.String("moderator", l.Moderator))
	http.SetCookie(w, s.cookie(token, int(SessionTTL.Seconds())))
	http.Redirect(w, r, Prefix, http.StatusSeeOther)
}

func (st linkState) String() string {
	return [...]string{"ok", "unknown", "used", "expired"}[st]
}

// cookie is the session cookie carrying token, for maxAge seconds (-1
// deletes it).
func (s *Server) cookie(token string, maxAge int) *http.Cookie {
	return &http.Cookie{Name: cookieName, Value: token, Path: Prefix, MaxAge: maxAge,
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: s.secure}
}

// sessionKey is the context key of the request's session.
type sessionKey struct{}

// session is a signed-in request's moderator and its form token.
type session struct {
	Moderator
	token, csrf string
}

// requireSession lets a request through to h only with a live session;
// a request that changes something must also carry the session's form
// token. Anything else gets the sign-in page's explanation, whatever
// path it asked for, so nothing of the dashboard shows without a
// session, not even which pages exist.
func (s *Server) requireSession(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sess, ok, err := s.session(r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if !ok {
			http.SetCookie(w, s.cookie("", -1))
			s.render(w, r, http.StatusUnauthorized, "message", page{Data: message{Title: "dash.no_session_title", Text: "dash.no_session"}})
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			got := r.Header.Get("X-CSRF-Token")
			if got == "" {
				got = r.PostFormValue("csrf")
			}
			if !hmac.Equal([]byte(got), []byte(sess.csrf)) {
				s.log.Warn("dashboard form refused: no or wrong form token", slog.String("path", logPath(r)))
				s.render(w, r, http.StatusForbidden, "message", page{Data: message{Title: "dash.forbidden_title", Text: "dash.forbidden"}})
				return
			}
		}
		h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), sessionKey{}, sess)))
	})
}

// session reads the request's session from its cookie: ok is false when
// there is none, or it has ended or expired.
func (s *Server) session(r *http.Request) (session, bool, error) {
	c, err := r.Cookie(cookieName)
	if err != nil || c.Value == "" {
		return session{}, false, nil
	}
	stored, ok, err := s.cfg.Sessions.DashboardSession(r.Context(), hash(c.Value))
	if err != nil || !ok || !s.now().Before(stored.Expires) {
		return session{}, false, err
	}
	return session{Moderator: Moderator{Key: stored.Moderator, Name: stored.Name}, token: c.Value, csrf: csrfToken(c.Value)}, true, nil
}

// sessionOf returns the session requireSession found for r.
func sessionOf(r *http.Request) session {
	s, _ := r.Context().Value(sessionKey{}).(session)
	return s
}

// signOut ends the session.
func (s *Server) signOut(w http.ResponseWriter, r *http.Request) {
	if err := s.cfg.Sessions.EndDashboardSession(r.Context(), hash(sessionOf(r).token)); err != nil {
		s.fail(w, r, err)
		return
	}
	http.SetCookie(w, s.cookie("", -1))
	s.render(w, r, http.StatusOK, "message", page{Data: message{Title: "dash.signed_out_title", Text: "dash.signed_out"}})
}

// refuse explains why a sign-in link cannot be used.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, st linkState) {
	text := map[linkState]string{linkUnknown: "dash.link_unknown", linkUsed: "dash.link_used", linkExpired: "dash.link_expired"}[st]
	s.render(w, r, http.StatusForbidden, "message", page{Data: message{Title: "dash.link_refused_title", Text: text, ID: "refused"}})
}

// crossOrigin is the answer to a form posted from another site.
func (s *Server) crossOrigin(w http.ResponseWriter, r *http.Request) {
	s.log.Warn("dashboard form refused: cross-origin", slog.String("path", logPath(r)))
	s.render(w, r, http.StatusForbidden, "message", page{Data: message{Title: "dash.forbidden_title", Text: "dash.forbidden"}})
}

// logPath is the request's path as the log may show it: a sign-in
// link's token is a secret, and is left out.
func logPath(r *http.Request) string {
	if strings.HasPrefix(r.URL.Path, Prefix+"sign-in/") {
		return Prefix + "sign-in/…"
	}
	return r.URL.Path
}
