package slack

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"time"

	"github.com/gorilla/websocket"
	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
	"golang.org/x/sync/errgroup"
)

// Run connects to Slack in Socket Mode with the app-level token and
// answers the slash commands and button presses that arrive over the
// socket, the same way as over HTTP, until ctx ends. slack-go reconnects
// by itself when Slack asks it to; Run returns an error only when it
// cannot connect at all (a revoked token, for one).
func (a *Adapter) Run(ctx context.Context) error {
	if a.cfg.AppToken == "" {
		return errors.New("slack: Socket Mode needs an app-level token (AUTHORBOT_SLACK_APP_TOKEN)")
	}
	opts := []socketmode.Option{socketmode.OptionLog(slog.NewLogLogger(a.log.Handler(), slog.LevelDebug))}
	if a.cfg.PingInterval > 0 {
		opts = append(opts, socketmode.OptionPingInterval(a.cfg.PingInterval))
	}
	if a.cfg.SocketDial != nil {
		opts = append(opts, socketmode.OptionDialer(&websocket.Dialer{
			NetDialContext:   a.cfg.SocketDial,
			HandshakeTimeout: socketHandshakeTimeout,
		}))
	}
	sm := socketmode.New(a.client(a.cfg.BotToken, slackapi.OptionAppLevelToken(a.cfg.AppToken)), opts...)
	defer a.socket.Store(socketStopped)
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		err := sm.RunContext(ctx)
		if ctx.Err() != nil {
			return nil
		}
		return err
	})
	g.Go(func() error {
		for {
			select {
			case <-ctx.Done():
				return nil
			case evt := <-sm.Events:
				a.socketEvent(ctx, sm, evt)
			}
		}
	})
	return g.Wait()
}

// socketHandshakeTimeout bounds the websocket's opening handshake, as
// gorilla/websocket's default dialer does.
const socketHandshakeTimeout = 45 * time.Second

// The states of the Socket Mode connection, for Healthy.
const (
	socketDown int32 = iota
	socketUp
	socketStopped
)

// Healthy reports whether the Socket Mode connection is up: it returns an
// error before the socket first connects, while it reconnects after a
// drop, and once Run has returned. Without an app-level token the adapter
// keeps no connection of its own (Slack calls it over HTTP), and is
// healthy.
func (a *Adapter) Healthy() error {
	if a.cfg.AppToken == "" {
		return nil
	}
	switch a.socket.Load() {
	case socketUp:
		return nil
	case socketStopped:
		return errors.New("slack: socket mode stopped")
	}
	return errors.New("slack: socket mode not connected")
}

// socketEvent handles one event of the socket. Commands are answered in
// goroutines of their own, so a slow one never holds up the next.
func (a *Adapter) socketEvent(ctx context.Context, sm *socketmode.Client, evt socketmode.Event) {
	switch evt.Type {
	case socketmode.EventTypeConnected:
		a.socket.Store(socketUp)
		a.log.Info("socket mode connected")
		return
	case socketmode.EventTypeConnecting:
		// slack-go connects anew after every drop, a disconnect Slack asked
		// for, or a ping that did not come.
		a.socket.Store(socketDown)
		return
	case socketmode.EventTypeConnectionError:
		a.socket.Store(socketDown)
		attrs := []any{}
		if e, ok := evt.Data.(*slackapi.ConnectionErrorEvent); ok {
			attrs = append(attrs, slog.Any("err", e.ErrorObj))
		}
		a.log.Warn("socket mode connection failed; retrying", attrs...)
		return
	case socketmode.EventTypeIncomingError, socketmode.EventTypeErrorBadMessage, socketmode.EventTypeErrorWriteFailed:
		a.log.Warn("socket mode error", slog.String("event", string(evt.Type)))
		return
	case socketmode.EventTypeInvalidAuth:
		a.socket.Store(socketDown)
		a.log.Error("socket mode: Slack refused the app-level token")
		return
	}
	if evt.Request == nil || evt.Request.EnvelopeID == "" {
		return // the client's own events: connecting, hello, …
	}
	// Slack redelivers an envelope it thinks was not acknowledged.
	first, err := a.firstEnvelope(ctx, evt.Request.EnvelopeID)
	if err != nil {
		// Not acknowledged: Slack delivers it again.
		a.log.Warn("socket mode: cannot check for a redelivery", slog.Any("err", err))
		return
	}
	if !first {
		a.cfg.VerifyFailed("replay")
		a.ack(ctx, sm, evt.Request, rendered{})
		return
	}
	switch evt.Type {
	case socketmode.EventTypeSlashCommand:
		cmd, ok := evt.Data.(slackapi.SlashCommand)
		if !ok {
			a.ack(ctx, sm, evt.Request, rendered{})
			return
		}
		a.work.Add()
		go func() {
			defer a.work.Done()
			out := a.command(ctx, cmd, func() {
				// Late: the reply follows on the response URL.
				a.ack(ctx, sm, evt.Request, rendered{})
			})
			if out.msg == nil {
				return
			}
			if a.ack(ctx, sm, evt.Request, out) != nil && ctx.Err() == nil {
				// Too large for the socket (20 KB): acknowledge empty and
				// post the reply instead.
				a.ack(ctx, sm, evt.Request, rendered{})
				a.post(ctx, cmd.ResponseURL, out.msg)
			}
		}()
	case socketmode.EventTypeInteractive:
		a.ack(ctx, sm, evt.Request, rendered{})
		if cb, ok := evt.Data.(slackapi.InteractionCallback); ok {
			a.interaction(ctx, cb)
		}
	case socketmode.EventTypeEventsAPI:
		a.ack(ctx, sm, evt.Request, rendered{})
		if ev, ok := evt.Data.(slackevents.EventsAPIEvent); ok {
			a.appEvent(ctx, ev)
		}
	default:
		a.ack(ctx, sm, evt.Request, rendered{})
	}
}

// ack acknowledges an envelope, with a slash command's reply or without
// (rendered{}). A reply whose JSON is kept goes as that JSON.
func (a *Adapter) ack(ctx context.Context, sm *socketmode.Client, req *socketmode.Request, out rendered) error {
	var payload any // a nil *WebhookMessage would be sent as "payload":null
	switch {
	case out.body != nil:
		payload = json.RawMessage(out.body)
	case out.msg != nil:
		payload = out.msg
	}
	err := sm.AckCtx(ctx, req.EnvelopeID, payload)
	if err != nil {
		a.log.Warn("socket mode acknowledgement failed", slog.Any("err", err))
	}
	return err
}
