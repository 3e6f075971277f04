package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/bot/slack"
	"github.com/authorbot/authorbot/config"
	"github.com/authorbot/authorbot/dashboard"
	"github.com/authorbot/authorbot/handlers"
	"github.com/authorbot/authorbot/kb"
	"github.com/authorbot/authorbot/ledger"
	"github.com/authorbot/authorbot/metrics"
	"github.com/authorbot/authorbot/remind"
)

// platform is one connected chat platform: the HTTP routes it serves, an
// optional long-running connection (Socket Mode, the Discord gateway), and
// an optional way to message a user outside a request.
type platform struct {
	name     bot.Platform
	routes   func(mux *http.ServeMux)
	run      func(ctx context.Context) error
	notifier bot.Notifier
	// health, when set, tells whether the platform's own connection is
	// up; /readyz reports not ready while it is down.
	health bot.Health
	// moderators, when set, posts to the platform's moderators' channel.
	moderators bot.Moderators
}

// platformDeps is what every platform adapter is built from.
type platformDeps struct {
	cfg      config.Config
	router   *handlers.Router
	dispatch *bot.Dispatcher
	metrics  *metrics.Metrics
	log      *slog.Logger
	// reminders, when set, is where the reminder scheduler finds the
	// reminders to send through the platforms' notifiers.
	reminders remind.Store
	// slackInstalls, when set, keeps the bot tokens of the Slack
	// workspaces that installed the app.
	slackInstalls slack.Installs
	// dashboard, when set, is the moderators' dashboard, served under
	// /admin/.
	dashboard http.Handler
	// reach, when set, is told what the platforms offer the moderators'
	// loop; moderation, when set, keeps the gaps to purge and the
	// digests sent.
	reach      *reach
	moderation moderated
	// editSlack, when set, changes the Slack adapter's settings before it
	// is built; tests point its Web API at a fake.
	editSlack func(*slack.Config)
	// seen, when set, is the record of platform requests that replicas
	// share (a PostgreSQL database); nil leaves each adapter its own.
	seen bot.Seen
}

// forPlatform returns the logger and dispatcher one platform's adapter
// uses: both tag every line with the platform.
func (d platformDeps) forPlatform(p bot.Platform) (*slog.Logger, *bot.Dispatcher) {
	log := d.log.With(slog.String("platform", string(p)))
	dispatch := *d.dispatch
	dispatch.Log = log
	return log, &dispatch
}

// serve runs the HTTP server and every configured platform under one
// errgroup: the first to fail cancels the others, and SIGINT or SIGTERM
// shuts all of them down gracefully. dbReady tells whether the database
// can be written, for /readyz.
func serve(ctx context.Context, d platformDeps, dbReady func(context.Context) error, ln net.Listener) error {
	var platforms []platform
	for _, build := range []func(platformDeps) ([]platform, error){slackPlatforms, discordPlatforms} {
		ps, err := build(d)
		if err != nil {
			return err
		}
		platforms = append(platforms, ps...)
	}
	if d.reminders != nil {
		warnUndeliverable(d.cfg, d.log)
	}
	if d.reach != nil {
		d.reach.set(platforms)
	}
	channels := channelChecks(ctx, platforms, d.log)

	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	mux.Handle("GET /readyz", newReadiness(dbReady, platforms, d.log, channels...))
	mux.Handle("GET /metrics", d.metrics.Handler())
	for _, p := range platforms {
		if p.routes != nil {
			p.routes(mux)
		}
	}
	if d.dashboard != nil {
		mux.Handle(dashboard.Prefix, d.dashboard)
	}

	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      15 * time.Second,
		IdleTimeout:       60 * time.Second,
	}
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		d.log.Info("listening", slog.String("addr", ln.Addr().String()))
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	})
	g.Go(func() error {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(shutdown); err != nil {
			// A slash command running late still has its reply to post;
			// the platforms wait for those. Stop waiting for the requests.
			d.log.Warn("requests still running at shutdown", slog.Any("err", err))
			return srv.Close()
		}
		return nil
	})
	if d.reminders != nil {
		notifiers := map[bot.Platform]bot.Notifier{}
		for _, p := range platforms {
			if p.notifier != nil {
				notifiers[p.name] = p.notifier
			}
		}
		s := &remind.Scheduler{Store: d.reminders, Notifiers: notifiers, Every: d.cfg.RemindEvery,
			Message: d.router.ReminderMessage, Log: d.log.With("component", "reminders")}
		g.Go(func() error { return s.Run(ctx) })
	}
	for _, c := range channels {
		g.Go(func() error { return c.watch(ctx, d.log) })
	}
	if db := d.moderation; db != nil {
		purger := &gapPurger{db: db, keep: d.cfg.Mod.GapRetention, log: d.log.With("component", "gaps"), now: time.Now, period: gapPurgeEvery}
		if purger.keep <= 0 {
			purger.keep = config.DefaultGapRetention
		}
		g.Go(func() error { return purger.run(ctx) })
		digest := weekly(db, d.router, d.log.With("component", "digest"))
		g.Go(func() error { return digest.Run(ctx) })
	}
	for _, p := range platforms {
		if p.run != nil {
			g.Go(func() error {
				if err := p.run(ctx); err != nil && ctx.Err() == nil {
					return fmt.Errorf("%s: %w", p.name, err)
				}
				return nil
			})
		}
	}
	return g.Wait()
}

// runServe opens the database and serves every configured platform, on
// the listener that listen opens at cfg.HTTPAddr.
func runServe(ctx context.Context, cfg config.Config, k *kb.KB, log *slog.Logger, getenv func(string) string, listen func(network, address string) (net.Listener, error)) error {
	if getenv("GOGC") == "" {
		// The bot's live heap is a few megabytes, so collecting less often
		// costs little memory: under scripts/bench-slack, GOGC=400 served
		// 5,938 req/s against 5,072 at the default 100 (same machine).
		debug.SetGCPercent(400)
	}
	db, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	rc := newReach()
	opts := []handlers.Option{handlers.WithDirectMessages(handlers.DMFunc(canDM(cfg)))}
	ed, live, err := liveKnowledge(ctx, db, k, log)
	if err != nil {
		return err
	}
	opts = append(append(opts, live...), moderationOf(cfg, db, rc), handlers.WithSignInLinks(signInLinks(cfg, db)))
	router := handlers.New(log, k, ledger.NewService(db), db, opts...)
	m := metrics.New(bot.RequestNames(router.Commands()))
	d := platformDeps{
		cfg:      cfg,
		router:   router,
		dispatch: &bot.Dispatcher{Handler: router, Log: log, Observe: m.Observe},
		metrics:  m,
		log:      log,

		reminders: db,
		reach:     rc,
	}
	dash, err := newDashboard(cfg, db, k, &dashSources{db: db, ed: ed, r: router, now: time.Now}, log)
	if err != nil {
		return err
	}
	d.moderation, d.dashboard = db, dash.Handler()
	if d.slackInstalls, err = slackInstalls(cfg, db); err != nil {
		return err
	}
	// Replicas on one PostgreSQL database refuse a request any of them has
	// run; SQLite's single process keeps the adapters' own record.
	d.seen, _ = db.(bot.Seen)
	ln, err := listen("tcp", cfg.HTTPAddr)
	if err != nil {
		return err
	}
	err = serve(ctx, d, db.Writable, ln)
	// The questions counted since the last write are owed to the figures.
	flush, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	router.FlushCounts(flush)
	return err
}

// canDM reports whether the settings let the bot send a direct message
// on a platform (handlers.DirectMessages): on Slack and Discord that takes
// the bot token, and the console is always there to show one.
func canDM(cfg config.Config) func(bot.Platform) bool {
	return func(p bot.Platform) bool {
		switch p {
		case bot.Console:
			return true
		case bot.Slack:
			return cfg.Slack.BotToken != "" || cfg.Slack.OAuth()
		case bot.Discord:
			return cfg.Discord.Token != ""
		}
		return false
	}
}

// warnUndeliverable logs, in one line, each enabled platform on which no
// reminder can reach its author, and what to set so one can. /remind
// tells the authors there as much (canDM).
func warnUndeliverable(cfg config.Config, log *slog.Logger) {
	can := canDM(cfg)
	var names, set []string
	if cfg.Slack.Enabled() && !can(bot.Slack) {
		names, set = append(names, string(bot.Slack)), append(set, "AUTHORBOT_SLACK_BOT_TOKEN")
	}
	if cfg.Discord.Enabled() && !can(bot.Discord) {
		names, set = append(names, string(bot.Discord)), append(set, "AUTHORBOT_DISCORD_TOKEN")
	}
	if len(names) == 0 {
		return
	}
	log.Warn("reminders cannot reach authors: direct messages need a bot token",
		slog.String("platforms", strings.Join(names, ",")), slog.String("set", strings.Join(set, " ")))
}
