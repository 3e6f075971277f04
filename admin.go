package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/config"
	"github.com/authorbot/authorbot/dashboard"
	"github.com/authorbot/authorbot/kb"
)

// runAdminLink prints a one-time sign-in link to the moderators'
// dashboard, for the operator: the console's user, a moderator because
// they hold the database. The link is stored (as a hash) in the database
// that serve uses, which is what lets serve, another process, accept it.
func runAdminLink(ctx context.Context, cfg config.Config, log *slog.Logger, out io.Writer) error {
	db, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	link, err := signInLinks(cfg, db)(ctx, bot.User{Platform: bot.Console, ID: cfg.User, Name: cfg.User})
	if err != nil {
		return err
	}
	// The link is a secret for the operator alone: it goes to the
	// terminal, never to the log.
	_, err = fmt.Fprintf(out, "Sign-in link to the moderators' dashboard, as %s (it works once, within %v):\n%s\n",
		cfg.User, dashboard.LinkTTL, link)
	return err
}

// signInLinks returns what makes a moderator's sign-in link to the
// dashboard: "authorbot admin link" for the operator, and /admin
// dashboard in chat for the moderator who runs it, as a plain function
// so that the command needs neither the dashboard nor the store.
func signInLinks(cfg config.Config, db dashboard.LinkStore) func(ctx context.Context, u bot.User) (string, error) {
	base := publicBase(cfg)
	return func(ctx context.Context, u bot.User) (string, error) {
		return dashboard.NewLink(ctx, db, base, dashboard.Moderator{Key: u.Key(), Name: u.Name}, time.Now())
	}
}

// publicBase is the address dashboard links start with:
// AUTHORBOT_PUBLIC_URL, or serve's port on this machine.
func publicBase(cfg config.Config) string {
	if cfg.PublicURL != "" {
		return cfg.PublicURL
	}
	_, port, err := net.SplitHostPort(cfg.HTTPAddr)
	if err != nil || port == "" {
		port = "8080"
	}
	return "http://" + net.JoinHostPort("127.0.0.1", port)
}

// newDashboard builds the dashboard serve mounts under /admin/, with the
// sign-ins in db and, from src, the figures, gaps, handoffs, the topics
// in effect, their editor and history. Without src (no knowledge base
// moderators can change) the topics of k are shown read only.
func newDashboard(cfg config.Config, db dashboard.Sessions, k *kb.KB, src *dashSources, log *slog.Logger) (*dashboard.Server, error) {
	c := dashboard.Config{
		Log:       log.With(slog.String("component", "dashboard")),
		Sessions:  db,
		PublicURL: cfg.PublicURL,
		Topics:    dashboard.KBTopics{KB: func() *kb.KB { return k }},
	}
	if src != nil {
		c.Stats, c.Gaps, c.Handoffs, c.Topics, c.Editor, c.History = src, src, src, src.topics(), src, src
	}
	return dashboard.New(c)
}
