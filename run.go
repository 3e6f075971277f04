package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"path/filepath"
	"strings"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/bot/console"
	"github.com/authorbot/authorbot/config"
	"github.com/authorbot/authorbot/dashboard"
	"github.com/authorbot/authorbot/handlers"
	"github.com/authorbot/authorbot/kb"
	"github.com/authorbot/authorbot/kbedit"
	"github.com/authorbot/authorbot/ledger"
	"github.com/authorbot/authorbot/moderation"
	"github.com/authorbot/authorbot/remind"
	"github.com/authorbot/authorbot/store"
	"github.com/authorbot/authorbot/store/postgres"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// run is the whole program; main only supplies the process's context,
// arguments, environment and streams, so tests can drive it end to end.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	return runOn(ctx, net.Listen, args, getenv, stdin, stdout, stderr)
}

// runOn is run with listen opening serve's HTTP listener: net.Listen for
// main; a test passes one that returns a listener it opened itself, and
// so knows the server's address before the server starts.
func runOn(ctx context.Context, listen func(network, address string) (net.Listener, error),
	args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	cfg, err := config.Load(args, getenv, stdout)
	if errors.Is(err, config.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	if cfg.Command == "version" {
		fmt.Fprintln(stdout, "authorbot", version)
		return nil
	}
	log, flush := newLogger(cfg, stderr)
	defer flush()
	k, err := kb.Load()
	if err != nil {
		return fmt.Errorf("knowledge base: %w", err)
	}
	std := stdio{stdin, stdout, stderr}
	switch cfg.Command {
	case "ask":
		return runAsk(ctx, cfg, k, std)
	case "":
		if cfg.Slack.Enabled() || cfg.Discord.Enabled() {
			return fmt.Errorf("platform settings are present: run authorbot serve")
		}
		fmt.Fprint(stdout, consoleBanner)
		cfg.User = "local"
		return runConsole(ctx, cfg, k, log, std)
	case "console":
		return runConsole(ctx, cfg, k, log, std)
	case "serve":
		return runServe(ctx, cfg, k, log, getenv, listen)
	case "discord register":
		return runDiscordRegister(ctx, cfg, log, stdout)
	case "admin link":
		return runAdminLink(ctx, cfg, log, stdout)
	case "kb export", "kb import":
		return runKB(ctx, cfg, k, log, std)
	}
	return fmt.Errorf("authorbot %s is not available in this build", cfg.Command)
}

const consoleBanner = `authorbot console: type a question, or /help for the commands; exit to quit.
To connect Slack or Discord, set AUTHORBOT_SLACK_SIGNING_SECRET (or AUTHORBOT_SLACK_APP_TOKEN),
AUTHORBOT_DISCORD_TOKEN or AUTHORBOT_DISCORD_PUBLIC_KEY and run "authorbot serve" (see README.md).

`

// askJSON is the one object "authorbot ask --json" prints.
type askJSON struct {
	Topic       string   `json:"topic"`
	Lang        string   `json:"lang"`
	Text        string   `json:"text"`
	Suggestions []string `json:"suggestions"`
	Score       float64  `json:"score"`
}

func runAsk(ctx context.Context, cfg config.Config, k *kb.KB, std stdio) error {
	r := handlers.NewAnswers(k)
	req := &bot.Request{
		User:    bot.User{Platform: bot.Console, ID: "local"},
		Command: "ask",
		Options: map[string]string{"question": strings.Join(cfg.Args, " ")},
		Locale:  cfg.Lang,
	}
	a, err := r.Ask(ctx, req)
	if err != nil {
		return err
	}
	if !cfg.JSON {
		_, err := fmt.Fprintln(std.out, bot.PlainText(a.Reply))
		return err
	}
	out := askJSON{Lang: a.Result.Lang, Text: bot.PlainText(a.Reply), Score: a.Result.Score, Suggestions: []string{}}
	if a.Result.Confident && a.Result.Best != nil {
		out.Topic = a.Result.Best.ID
	}
	for _, s := range a.Result.Suggestions {
		out.Suggestions = append(out.Suggestions, s.ID)
	}
	return json.NewEncoder(std.out).Encode(out)
}

// database is what the bot needs of its store, whichever engine keeps
// it: SQLite's *store.DB, or PostgreSQL's *postgres.DB, which replicas
// share.
type database interface {
	ledger.Store
	remind.Store
	handlers.Votes
	// Writable tells /readyz whether the database takes writes.
	Writable(ctx context.Context) error
	Close() error

	moderated
	// kbedit.Store keeps the moderators' changes to the knowledge base.
	kbedit.Store
	// dashboard.Sessions keeps the dashboard's sign-in links and sessions.
	dashboard.Sessions
}

// moderated is what the moderators' loop keeps: the questions missed and
// passed on, the examples learned, the figures, and the digests sent.
type moderated interface {
	handlers.GapStore
	handlers.HandoffStore
	handlers.ExampleStore
	moderation.DigestStore
	// PurgeGaps and PurgeHandoffs delete at most limit rows from before
	// a time, and say how many they deleted.
	PurgeGaps(ctx context.Context, before time.Time, limit int) (int, error)
	PurgeHandoffs(ctx context.Context, before time.Time, limit int) (int, error)
}

// Both engines are a database.
var (
	_ database = (*store.DB)(nil)
	_ database = (*postgres.DB)(nil)
)

// openStore opens the database that --db or AUTHORBOT_DB names: a SQLite
// file, created with its directory on first run, or a PostgreSQL URL.
func openStore(ctx context.Context, cfg config.Config, log *slog.Logger) (database, error) {
	if cfg.DBURL != "" {
		db, err := postgres.Open(ctx, cfg.DBURL, log)
		if err != nil {
			// The URL is shown without its password.
			return nil, fmt.Errorf("database %s: %w", cfg.Redacted(), err)
		}
		return db, nil
	}
	db, err := store.Open(ctx, cfg.DBPath, log)
	if err != nil {
		return nil, dbError(cfg.DBPath, err)
	}
	return db, nil
}

// dbError is what the operator reads when the database at path cannot be
// used. Where the store's message names the file, it was written for the
// operator (a read-only file says what to change) and goes out as it is;
// otherwise it gets the file's name in front.
func dbError(path string, err error) error {
	if strings.Contains(err.Error(), path) {
		return err
	}
	return fmt.Errorf("database %s: %w", path, err)
}

func runConsole(ctx context.Context, cfg config.Config, k *kb.KB, log *slog.Logger, std stdio) error {
	db, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	var opts []handlers.Option
	_, live, err := liveKnowledge(ctx, db, k, log)
	if err != nil {
		return err
	}
	opts = append(live, moderationOf(cfg, db, nil))
	// The console keeps missed questions too: those past their time go.
	(&gapPurger{db: db, keep: cmp.Or(cfg.Mod.GapRetention, config.DefaultGapRetention), log: log, now: time.Now}).purge(ctx)
	r := handlers.New(log, k, ledger.NewService(db), db, opts...)
	d := &bot.Dispatcher{Handler: r, Log: log.With("platform", "console")}
	a := &console.Adapter{
		In: std.in, Out: std.out,
		User:   bot.User{Platform: bot.Console, ID: cfg.User},
		Locale: cfg.Lang,
		Parser: r,
		Serve:  d.Serve,
		// The export holds what the database holds: keep it beside it.
		ExportDir: filepath.Dir(cfg.DBPath),
	}
	defer r.FlushCounts(context.WithoutCancel(ctx))
	return withReminders(ctx, a.Run, &remind.Scheduler{
		Store: db, Notifiers: map[bot.Platform]bot.Notifier{bot.Console: a},
		Message: r.ReminderMessage, Log: log.With("platform", "console"), Every: cfg.RemindEvery,
	}, log)
}
