package slack

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/slack-go/slack/slackevents"
)

// EventsPath is the Events API's Request URL.
const EventsPath = "/slack/events"

// serveEvent answers the Events API: the URL check Slack makes when the
// Request URL is set (url_verification, answered with its challenge), and
// the events that end an install (app_uninstalled, tokens_revoked), which
// delete the workspace's bot token. Requests are verified like every
// other; an event delivered again is answered and not acted on twice.
func (a *Adapter) serveEvent(w http.ResponseWriter, r *http.Request) {
	body, ok := a.verify(w, r)
	if !ok {
		return
	}
	// The verification token in the body is Slack's deprecated check;
	// the signature has been checked instead.
	ev, err := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
	if err != nil {
		// An event of a type slack-go does not know: not one the app
		// subscribes to.
		a.log.Debug("slack event not understood", slog.Any("err", err))
		w.WriteHeader(http.StatusOK)
		return
	}
	if ev.Type == slackevents.URLVerification {
		v, ok := ev.Data.(*slackevents.EventsAPIURLVerificationEvent)
		if !ok {
			http.Error(w, "bad payload", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Content-Length", strconv.Itoa(len(v.Challenge)))
		_, _ = w.Write([]byte(v.Challenge))
		return
	}
	a.appEvent(r.Context(), ev)
	w.WriteHeader(http.StatusOK)
}

// appEvent acts on an Events API event, from HTTP or the socket. Once the
// app is uninstalled, or its bot token revoked, the workspace's token is
// deleted: it works no more, and a token kept is a token that can leak.
// A failure is logged and not retried (Slack's retry of the same event is
// refused as a replay); the token is useless anyway, and the workspace
// installing the app again replaces it.
func (a *Adapter) appEvent(ctx context.Context, ev slackevents.EventsAPIEvent) {
	if ev.Type != slackevents.CallbackEvent {
		return
	}
	var why string
	switch e := ev.InnerEvent.Data.(type) {
	case *slackevents.AppUninstalledEvent:
		why = "app_uninstalled"
	case *slackevents.TokensRevokedEvent:
		if len(e.Tokens.Bot) == 0 {
			return // user tokens only: the app keeps none
		}
		why = "tokens_revoked"
	default:
		return
	}
	log := a.log.With(slog.String("team", ev.TeamID), slog.String("event", why))
	if a.cfg.Install == nil {
		log.Info("the workspace's bot token no longer works")
		return
	}
	if ev.TeamID == "" {
		log.Warn("slack event without a team")
		return
	}
	if err := a.cfg.Install.Store.DeleteToken(ctx, ev.TeamID); err != nil {
		log.Error("deleting the workspace's bot token failed", slog.Any("err", err))
		return
	}
	log.Info("deleted the workspace's bot token")
}
