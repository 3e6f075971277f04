package discord

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/authorbot/authorbot/bot"
)

// respondFunc sends the first response to an interaction: in the HTTP
// response for HTTP interactions, to the callback endpoint for the
// gateway.
type respondFunc func(resp any) error

// ServeHTTP answers Discord's POSTs to the Interactions Endpoint URL. The
// body is size-limited, its Ed25519 signature checked (Discord sends a bad
// one on purpose when the URL is saved, and expects 401), its signed
// timestamp must be within five minutes of our clock, and an interaction
// id is answered once: a request captured and sent again is refused, so a
// replay cannot add an order twice.
func (a *Adapter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if a.publicKey == nil {
		http.Error(w, "HTTP interactions are not configured", http.StatusNotFound)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			a.refuse(w, "size", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "cannot read the request", http.StatusBadRequest)
		return
	}
	stamp, reason := a.verify(r, body)
	if reason != "" {
		a.refuse(w, reason, http.StatusUnauthorized)
		return
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil || i.ID == "" {
		http.Error(w, "not an interaction", http.StatusBadRequest)
		return
	}
	if i.Type == discordgo.InteractionPing {
		writeJSON(w, discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
		return
	}
	if !a.firstDelivery(i.ID, stamp) {
		a.refuse(w, "replay", http.StatusUnauthorized)
		return
	}
	a.interaction(r.Context(), &i, func(resp any) error { return writeJSON(w, resp) })
}

// verify checks the signature and the freshness of an HTTP interaction
// and returns its signed time, or the reason to refuse it.
func (a *Adapter) verify(r *http.Request, body []byte) (time.Time, string) {
	r.Body = io.NopCloser(bytes.NewReader(body))
	if !discordgo.VerifyInteraction(r, a.publicKey) {
		return time.Time{}, "signature"
	}
	// The signature covers the timestamp, but discordgo does not look at
	// it: without this check a request stamped in 2001 would pass.
	sec, err := strconv.ParseInt(r.Header.Get("X-Signature-Timestamp"), 10, 64)
	if err != nil {
		return time.Time{}, "stale"
	}
	stamp, now := time.Unix(sec, 0), a.now()
	switch {
	case now.Sub(stamp) > freshness:
		return stamp, "stale"
	case stamp.Sub(now) > freshness:
		return stamp, "future"
	}
	return stamp, ""
}

// firstDelivery records an interaction id and reports whether it is new.
// stamp is the interaction's signed time (zero from the gateway, which
// needs no replay check). When the set of seen ids is full it forgets the
// oldest; an interaction signed no later than a forgotten one could be its
// replay, and is refused too (with a full set of 100,000 ids this only
// happens under a flood).
func (a *Adapter) firstDelivery(id string, stamp time.Time) bool {
	if stamp.IsZero() {
		return a.seen.Add(id, a.now())
	}
	if floor := a.replayFloor.Load(); floor != 0 && stamp.Unix() <= floor {
		a.log.Warn("interaction refused: too many recent interactions to rule out a replay")
		return false
	}
	return a.seen.Add(id, stamp)
}

// raiseReplayFloor is told of each id the seen set forgets early.
func (a *Adapter) raiseReplayFloor(stamp time.Time) {
	for {
		cur := a.replayFloor.Load()
		if stamp.Unix() <= cur || a.replayFloor.CompareAndSwap(cur, stamp.Unix()) {
			return
		}
	}
}

func (a *Adapter) refuse(w http.ResponseWriter, reason string, status int) {
	a.verifyFail(reason)
	// Debug, not Warn: anyone can send unsigned requests, as many as they
	// like; VerifyFailed counts them.
	a.log.Debug("interaction refused", slog.String("reason", reason))
	http.Error(w, http.StatusText(status), status)
}

// gatewayInteraction answers an interaction received over the gateway;
// the gateway is authenticated, so only duplicates are checked.
func (a *Adapter) gatewayInteraction(ctx context.Context, i *discordgo.Interaction) {
	if i.Type == discordgo.InteractionPing {
		return
	}
	if !a.firstDelivery(i.ID, time.Time{}) {
		a.log.Info("duplicate interaction ignored")
		return
	}
	a.interaction(ctx, i, func(resp any) error { return a.callback(ctx, i, resp) })
}

// interaction answers a verified interaction of any kind.
func (a *Adapter) interaction(ctx context.Context, i *discordgo.Interaction, respond respondFunc) {
	switch i.Type {
	case discordgo.InteractionApplicationCommandAutocomplete:
		choices := a.complete(ctx, i)
		if err := respond(autocompleteResponse(choices)); err != nil {
			a.log.Warn("autocomplete response failed", slog.Any("err", err))
		}
		return
	case discordgo.InteractionApplicationCommand, discordgo.InteractionMessageComponent:
	default:
		a.log.Info("interaction type not handled", slog.Int("type", int(i.Type)))
		a.respond(respond, notice(string(i.Locale), "I can't handle that here.", "Je ne sais pas traiter cela ici."))
		return
	}
	req, err := parse(i, a.values.Get)
	switch {
	case errors.Is(err, errExpired):
		a.respond(respond, notice(string(i.Locale),
			"That button has expired. Run the command again.",
			"Ce bouton a expiré. Relancez la commande."))
		return
	case err != nil:
		a.log.Warn("interaction not understood", slog.Any("err", err))
		a.respond(respond, notice(string(i.Locale),
			"Sorry, I couldn't read that request. Please try again.",
			"Désolé, je n'ai pas pu lire cette demande. Réessayez."))
		return
	}
	req.Received = a.now()
	a.answer(ctx, i, req, respond)
}

func notice(locale, en, fr string) *bot.Reply {
	if strings.HasPrefix(strings.ToLower(locale), "fr") {
		return bot.Say("%s", fr)
	}
	return bot.Say("%s", en)
}

func (a *Adapter) respond(respond respondFunc, r *bot.Reply) {
	resp := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: a.render(r)}
	if err := respond(resp); err != nil {
		a.log.Warn("interaction response failed", slog.Any("err", err))
	}
}

// answer runs the request and responds before Discord's three-second
// deadline: with the reply when it is ready in time, otherwise with a
// deferral (type 5, "thinking…") and later by editing that response.
func (a *Adapter) answer(ctx context.Context, i *discordgo.Interaction, req *bot.Request, respond respondFunc) {
	// The work outlives an HTTP request that answered with a deferral.
	work, cancel := context.WithTimeout(context.WithoutCancel(ctx), workTimeout)
	done := make(chan *bot.Reply, 1)
	go func() {
		defer cancel()
		done <- a.serve(work, req)
	}()
	timer := time.NewTimer(a.deferAfter)
	defer timer.Stop()
	select {
	case reply := <-done:
		a.respond(respond, reply)
		return
	case <-timer.C:
	}
	// A deferral fixes whether the answer will be private. Answers are
	// private unless the author asked to share one.
	private := req.Action != bot.ActionShare
	deferral := &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{AllowedMentions: noMentions()},
	}
	if private {
		deferral.Data.Flags = discordgo.MessageFlagsEphemeral
	}
	if err := respond(deferral); err != nil {
		a.log.Warn("interaction deferral failed", slog.Any("err", err))
		return
	}
	a.busy.Add()
	go func() {
		defer a.busy.Done()
		reply := <-done
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), restTimeout)
		defer cancel()
		if err := a.finish(ctx, i, private, reply); err != nil {
			a.log.Warn("deferred answer failed", slog.Any("err", err))
		}
	}()
}

// finish delivers a deferred answer by editing the deferred response. An
// answer deferred in public that turns out private (a share that failed)
// must not be shown to the channel: the placeholder is deleted and the
// answer sent as a private follow-up. An answer deferred in private stays
// private.
func (a *Adapter) finish(ctx context.Context, i *discordgo.Interaction, private bool, reply *bot.Reply) error {
	data := a.render(reply)
	original := "webhooks/" + i.AppID + "/" + i.Token + "/messages/@original"
	if private || data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		edit := &discordgo.WebhookEdit{
			Content:         &data.Content,
			Embeds:          nonNil(data.Embeds),
			Components:      nonNil(data.Components),
			AllowedMentions: noMentions(),
		}
		return a.rest(ctx, http.MethodPatch, original, edit)
	}
	if err := a.rest(ctx, http.MethodDelete, original, nil); err != nil {
		return err
	}
	follow := &discordgo.WebhookParams{
		Content:         data.Content,
		Embeds:          data.Embeds,
		Components:      data.Components,
		AllowedMentions: noMentions(),
		Flags:           discordgo.MessageFlagsEphemeral,
	}
	return a.rest(ctx, http.MethodPost, "webhooks/"+i.AppID+"/"+i.Token, follow)
}

func nonNil[T any](s []T) *[]T {
	if s == nil {
		s = []T{}
	}
	return &s
}

// complete answers an autocomplete request through the Completer.
func (a *Adapter) complete(ctx context.Context, i *discordgo.Interaction) (choices []*discordgo.ApplicationCommandOptionChoice) {
	choices = []*discordgo.ApplicationCommandOptionChoice{}
	if a.completer == nil {
		return choices
	}
	name, partial, typ, ok := focused(i)
	if !ok {
		return choices
	}
	req, err := parse(i, nil)
	if err != nil {
		return choices
	}
	delete(req.Options, name) // the option being typed is in partial
	req.Received = a.now()
	defer func() {
		if p := recover(); p != nil {
			a.log.Error("autocomplete failed", slog.String("command", req.Name()), slog.Any("panic", p))
			choices = []*discordgo.ApplicationCommandOptionChoice{}
		}
	}()
	return renderChoices(a.completer.Complete(ctx, req, name, partial), typ)
}

// autocompleteResponse is Discord's type 8 response. It is its own type
// because discordgo's response data leaves out an empty choices list,
// which Discord needs to show "no results".
func autocompleteResponse(choices []*discordgo.ApplicationCommandOptionChoice) any {
	type data struct {
		Choices []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
	}
	return struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data data                              `json:"data"`
	}{discordgo.InteractionApplicationCommandAutocompleteResult, data{choices}}
}

// callback sends the first response to a gateway interaction.
func (a *Adapter) callback(ctx context.Context, i *discordgo.Interaction, resp any) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), restTimeout)
	defer cancel()
	return a.rest(ctx, http.MethodPost, "interactions/"+i.ID+"/"+i.Token+"/callback", resp)
}

// rest calls one of Discord's endpoints addressed by an interaction token
// (the callback and the interaction's webhook). These need no bot token.
// They do not go through discordgo's session: its rate limiter keeps a
// bucket for every URL it has seen, for ever, and these URLs are unique
// to each interaction. Errors never contain the URL, which holds the
// interaction token.
func (a *Adapter) rest(ctx context.Context, method, path string, body any) error {
	var payload []byte
	if body != nil {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			return fmt.Errorf("discord: encode %s: %w", route(path), err)
		}
	}
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, method, discordgo.EndpointAPI+path, bytes.NewReader(payload))
		if err != nil {
			return fmt.Errorf("discord: %s %s: bad request", method, route(path))
		}
		if body != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		req.Header.Set("User-Agent", a.session.UserAgent)
		resp, err := a.client.Do(req)
		if err != nil {
			return fmt.Errorf("discord: %s %s: %w", method, route(path), restError(err))
		}
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		resp.Body.Close()
		if resp.StatusCode == http.StatusTooManyRequests && attempt == 0 {
			if wait := retryAfter(resp.Header, msg); wait <= 2*time.Second {
				select {
				case <-time.After(wait):
					continue
				case <-ctx.Done():
					return fmt.Errorf("discord: %s %s: %w", method, route(path), ctx.Err())
				}
			}
		}
		if resp.StatusCode >= 300 {
			return fmt.Errorf("discord: %s %s: HTTP %d: %s", method, route(path), resp.StatusCode, clip(string(msg), 300))
		}
		return nil
	}
}

// retryAfter reads how long Discord asks to wait after a 429.
func retryAfter(h http.Header, body []byte) time.Duration {
	var v struct {
		RetryAfter float64 `json:"retry_after"`
	}
	if json.Unmarshal(body, &v) == nil && v.RetryAfter > 0 {
		return time.Duration(v.RetryAfter * float64(time.Second))
	}
	if s, err := strconv.ParseFloat(h.Get("Retry-After"), 64); err == nil {
		return time.Duration(s * float64(time.Second))
	}
	return time.Hour
}

// route names an endpoint without its ids and token, for errors and logs:
// "interactions/callback", "webhooks/messages/@original".
func route(path string) string {
	parts := strings.Split(path, "/")
	switch {
	case len(parts) >= 4 && parts[0] == "interactions":
		return "interactions/" + parts[3]
	case len(parts) >= 3 && parts[0] == "webhooks":
		return "webhooks/" + strings.Join(parts[3:], "/")
	}
	return parts[0]
}

// restError drops the URL from a transport error: for interaction and
// webhook calls it contains a token.
func restError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("%s request: %w", ue.Op, ue.Err)
	}
	return err
}

func writeJSON(w http.ResponseWriter, v any) error {
	w.Header().Set("Content-Type", "application/json")
	return json.NewEncoder(w).Encode(v)
}
