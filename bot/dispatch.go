package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"time"

	"github.com/authorbot/authorbot/i18n"
)

// Dispatcher runs a handler for every adapter in the same way: it logs each
// command once (user, command, latency, outcome; never the text the author
// typed), turns errors into replies an author can read, and recovers from
// panics so that one bad request never takes the bot down.
type Dispatcher struct {
	Handler Handler
	Log     *slog.Logger
	// Observe, when set, is told of every command (for metrics).
	Observe func(command, outcome string, d time.Duration)
	// Words writes the apology for a fault in the author's language. When
	// nil, the handler's catalog is used if it has one (a Catalog method,
	// as handlers.Router has), else the embedded one (i18n.Default).
	Words *i18n.Catalog
}

// Serve answers req. It always returns a reply to show.
func (d *Dispatcher) Serve(ctx context.Context, req *Request) (reply *Reply) {
	start := time.Now()
	if req.Received.IsZero() {
		req.Received = start
	}
	var err error
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
		outcome := "ok"
		if err != nil {
			outcome = ErrorCode(err)
			reply = d.errorReply(req, err)
		}
		end := time.Now()
		elapsed := end.Sub(start)
		name := req.Name() // "order list" is joined anew by each call
		if h := d.Log.Handler(); h.Enabled(ctx, slog.LevelInfo) {
			// A record without a caller's PC: Logger.LogAttrs would walk
			// the stack for one on every command, for a line that never
			// shows it.
			r := slog.NewRecord(end, slog.LevelInfo, "command", 0)
			r.AddAttrs(
				slog.String("user", req.User.Key()),
				slog.String("command", name),
				slog.Duration("latency", elapsed),
				slog.String("outcome", outcome))
			_ = h.Handle(ctx, r)
		}
		if d.Observe != nil {
			d.Observe(name, outcome, elapsed)
		}
	}()
	reply, err = d.Handler.Handle(ctx, req)
	if err == nil && reply == nil {
		err = fmt.Errorf("handler for %q returned no reply", req.Name())
	}
	return reply
}

// RequestNames returns every name (Request.Name) that a request routed by
// the command table cmds can have: each command, each command with each
// of its subcommands, and each button action. It is a fixed set, for
// whatever counts requests by name.
func RequestNames(cmds []*Command) []string {
	names := []string{"button:" + ActionShare, "button:" + ActionFeedback, "button:" + ActionForget}
	for _, c := range cmds {
		names = append(names, c.Name)
		for _, s := range c.Subs {
			names = append(names, c.Name+" "+s.Name)
		}
	}
	return names
}

func (d *Dispatcher) errorReply(req *Request, err error) *Reply {
	if msg := ErrorMessage(err); msg != "" {
		return &Reply{Blocks: []Block{&Text{Text: msg}}, Ephemeral: true}
	}
	ref := newRef()
	d.Log.Error("command failed", slog.String("ref", ref), slog.String("command", req.Name()), slog.Any("err", err))
	p := d.words().Printer(req.Locale)
	text := p.T("bot.sorry", "Ref", ref)
	return &Reply{Blocks: []Block{&Text{Text: text}}, Ephemeral: true}
}

// words returns the catalog the apology is written from (see Words).
func (d *Dispatcher) words() *i18n.Catalog {
	if d.Words != nil {
		return d.Words
	}
	if h, ok := d.Handler.(interface{ Catalog() *i18n.Catalog }); ok {
		return h.Catalog()
	}
	return i18n.Default()
}

// newRef returns a short random id that ties an apology to its log line.
func newRef() string {
	var b [4]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "unknown"
	}
	return hex.EncodeToString(b[:])
}
