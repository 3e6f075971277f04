package discord

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/bot/internal/httpbody"
	"github.com/authorbot/authorbot/i18n"
)

// respondFunc sends the first response to an interaction, as JSON: in
// the HTTP response for HTTP interactions, to the callback endpoint for
// the gateway. A deferral is followed by an edit that Discord can only
// make once it has the deferral, so it goes out at once.
type respondFunc func(body []byte, deferral bool) error

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
	i, stamp, ok := a.readInteraction(w, r)
	if !ok {
		return
	}
	if i.Type == discordgo.InteractionPing {
		b, _ := encodeResponse(discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
		writeJSON(w, b, false)
		return
	}
	first, err := a.firstInteraction(r.Context(), i.ID, stamp)
	if err != nil {
		a.log.Warn("interaction refused: cannot check for a replay", slog.Any("err", err))
		http.Error(w, http.StatusText(http.StatusServiceUnavailable), http.StatusServiceUnavailable)
		return
	}
	if !first {
		a.refuse(w, "replay", http.StatusUnauthorized)
		return
	}
	a.interaction(r.Context(), i, func(b []byte, deferral bool) error {
		return writeJSON(w, b, deferral)
	})
}

// readInteraction reads, verifies and decodes an HTTP interaction, and
// returns it with its signed time; when it is refused, it has answered.
//
// Discord signs the timestamp followed by the body, so the body is read
// after the timestamp, into one buffer that is verified as it is. The
// buffer is used again for the next request: nothing decoded from the
// body refers to it.
func (a *Adapter) readInteraction(w http.ResponseWriter, r *http.Request) (*discordgo.Interaction, time.Time, bool) {
	stampText := r.Header.Get("X-Signature-Timestamp")
	buf := a.buffers.Get().(*[]byte)
	defer func() {
		if cap(*buf) <= maxPooledBody {
			a.buffers.Put(buf)
		}
	}()
	signed, err := httpbody.Append(append((*buf)[:0], stampText...), w, r, maxBody)
	*buf = signed
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			a.refuse(w, "size", http.StatusRequestEntityTooLarge)
			return nil, time.Time{}, false
		}
		http.Error(w, "cannot read the request", http.StatusBadRequest)
		return nil, time.Time{}, false
	}
	stamp, reason := a.verify(r.Header.Get("X-Signature-Ed25519"), stampText, signed)
	if reason != "" {
		a.refuse(w, reason, http.StatusUnauthorized)
		return nil, time.Time{}, false
	}
	i, err := decodeInteraction(signed[len(stampText):])
	if err != nil || i.ID == "" {
		http.Error(w, "not an interaction", http.StatusBadRequest)
		return nil, time.Time{}, false
	}
	return i, stamp, true
}

// maxPooledBody keeps a rare large body's buffer out of the pool.
const maxPooledBody = 64 << 10

// verify checks the signature (hex) of an HTTP interaction, made of its
// timestamp followed by its body, and the timestamp's freshness, and
// returns its signed time, or the reason to refuse it.
func (a *Adapter) verify(signature, stampText string, signed []byte) (time.Time, string) {
	var sig [ed25519.SignatureSize]byte
	if len(signature) != hex.EncodedLen(len(sig)) || stampText == "" {
		return time.Time{}, "signature"
	}
	if _, err := hex.Decode(sig[:], []byte(signature)); err != nil {
		return time.Time{}, "signature"
	}
	if !a.publicKey.Verify(signed, sig[:]) {
		return time.Time{}, "signature"
	}
	// The signature covers the timestamp, but that alone would let a
	// request stamped in 2001 pass.
	sec, err := strconv.ParseInt(stampText, 10, 64)
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
	first, err := a.firstInteraction(ctx, i.ID, time.Time{})
	if err != nil {
		a.log.Warn("interaction ignored: cannot check for a duplicate", slog.Any("err", err))
		return
	}
	if !first {
		a.log.Info("duplicate interaction ignored")
		return
	}
	a.interaction(ctx, i, func(b []byte, _ bool) error { return a.callback(ctx, i, b) })
}

// interaction answers a verified interaction of any kind.
func (a *Adapter) interaction(ctx context.Context, i *discordgo.Interaction, respond respondFunc) {
	switch i.Type {
	case discordgo.InteractionApplicationCommandAutocomplete:
		b, err := encodeResponse(autocompleteResponse(a.complete(ctx, i)))
		if err == nil {
			err = respond(b, false)
		}
		if err != nil {
			a.log.Warn("autocomplete response failed", slog.Any("err", err))
		}
		return
	case discordgo.InteractionApplicationCommand, discordgo.InteractionMessageComponent, discordgo.InteractionModalSubmit:
	default:
		a.log.Info("interaction type not handled", slog.Int("type", int(i.Type)))
		a.respond(respond, notice(string(i.Locale), "discord.unhandled"))
		return
	}
	req, err := parse(i, a.values.Get)
	switch {
	case errors.Is(err, errExpired):
		a.respond(respond, notice(string(i.Locale), "discord.button_expired"))
		return
	case err != nil:
		a.log.Warn("interaction not understood", slog.Any("err", err))
		a.respond(respond, notice(string(i.Locale), "discord.unreadable"))
		return
	}
	req.Received = a.now()
	req.Moderator = a.moderator(i)
	if req.Thread != nil && req.Action == bot.ActionShare {
		a.shareInThread(ctx, i, req, respond)
		return
	}
	a.answer(ctx, i, req, respond)
}

// shareInThread posts an answer shared from a message command's private
// answer as a reply to the message it was used on: a public follow-up
// with a message reference, which mentions no one (not even the author
// of the message). The press is acknowledged without changing the
// private answer; a share that fails (the reply is private then) is
// shown to the presser alone.
func (a *Adapter) shareInThread(ctx context.Context, i *discordgo.Interaction, req *bot.Request, respond respondFunc) {
	b, err := encodeResponse(&discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate})
	if err == nil {
		err = respond(b, true)
	}
	if err != nil {
		a.log.Warn("interaction deferral failed", slog.Any("err", err))
		return
	}
	until := a.now().Add(tokenLife - time.Minute)
	a.busy.Add()
	go func() {
		defer a.busy.Done()
		work, cancel := context.WithTimeout(context.WithoutCancel(ctx), workTimeout)
		defer cancel()
		reply := a.serve(work, req)
		followups := "webhooks/" + i.AppID + "/" + i.Token
		m := webhookMessage(a.render(reply))
		if reply.Ephemeral || reply.File != nil {
			m.Flags = discordgo.MessageFlagsEphemeral
		} else {
			m.MessageReference = &discordgo.MessageReference{MessageID: req.Thread.Message, ChannelID: req.Thread.Channel}
		}
		post := context.WithoutCancel(work)
		body, err := encode(m, nil)
		if err == nil {
			err = a.rest(post, until, http.MethodPost, followups, body)
		}
		if err == nil || m.Flags != 0 {
			if err != nil {
				a.log.Warn("private answer to a share failed", slog.Any("err", err))
			}
			return
		}
		a.log.Warn("reply in thread failed", slog.Any("err", err))
		// The message may have been deleted since.
		m = webhookMessage(a.render(notice(string(i.Locale), "discord.share_failed")))
		m.Flags = discordgo.MessageFlagsEphemeral
		if body, err = encode(m, nil); err == nil {
			err = a.rest(post, until, http.MethodPost, followups, body)
		}
		if err != nil {
			a.log.Warn("telling of a failed reply in thread failed", slog.Any("err", err))
		}
	}()
}

// notice is the catalog message id, in the language of the Discord
// locale ("fr", "pt-BR", "es-419").
func notice(locale, id string) *bot.Reply {
	return bot.Say("%s", i18n.Default().Printer(locale).T(id))
}

// respond answers an interaction with r as a new message.
func (a *Adapter) respond(respond respondFunc, r *bot.Reply) {
	buf := responseBuffers.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= maxPooledResponse {
			buf.Reset()
			responseBuffers.Put(buf)
		}
	}()
	b, err := a.messageResponseIn(buf, r)
	if err == nil {
		err = respond(b, false)
	}
	if err != nil {
		a.log.Warn("interaction response failed", slog.Any("err", err))
	}
}

// responseBuffers holds the buffers the responses made for one request
// are encoded into: such a response (an author's orders) is a few KiB,
// used once, and encoding it anew each time made it the largest
// allocation of answering one.
var responseBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledResponse keeps a rare huge response's buffer out of the pool.
const maxPooledResponse = 64 << 10

// messageResponse is the JSON of the response that answers with r as a
// new message. What it makes of a reply with a Key is kept and used again
// for every reply with that Key (knowledge-base answers, most of what
// authors ask for): such a reply says nothing about the author who asked.
// The values it stashes for its buttons are stashed again each time, so
// they live as long as the message is being sent.
func (a *Adapter) messageResponse(r *bot.Reply) ([]byte, error) {
	return a.messageResponseIn(new(bytes.Buffer), r)
}

// messageResponseIn is messageResponse, which encodes a response made for
// this reply alone into buf (the JSON returned is buf's until buf is used
// again) and a shared one into a slice of its own.
func (a *Adapter) messageResponseIn(buf *bytes.Buffer, r *bot.Reply) ([]byte, error) {
	if r.Modal != nil {
		return modalResponse(r.Modal)
	}
	shared := r.Key != "" && r.File == nil
	if shared {
		if k, ok := a.keyed.Get(r.Key); ok {
			a.stash(k.stash)
			return k.body, nil
		}
	}
	data, stash := render(r)
	a.stash(stash)
	resp := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: data}
	if !shared {
		// Encode writes what Marshal returns, and the newline that
		// encodeResponse adds.
		if err := json.NewEncoder(buf).Encode(resp); err != nil {
			return nil, fmt.Errorf("discord: encode the response: %w", err)
		}
		return buf.Bytes(), nil
	}
	b, err := encodeResponse(resp)
	if err == nil {
		a.keyed.Add(r.Key, keyedResponse{body: b, stash: stash})
	}
	return b, err
}

// keyedResponse is the response made of a reply with a Key. It is
// shared: nothing may change it.
type keyedResponse struct {
	body  []byte
	stash map[string]string
}

// The states of an interaction being answered before its deadline.
const (
	running int32 = iota
	answered
	deferred
)

// answer runs the request and responds before Discord's three-second
// deadline: with the reply when it is ready in time, otherwise with a
// deferral (type 5, "thinking…") and later by editing that response.
//
// The request is served on the calling goroutine: a goroutine of its own
// cost a new stack, grown on every request, and two hand-overs, for
// answers nearly all ready long before the deadline. If the deadline
// passes first, the deferral is sent from a timer's goroutine; once the
// reply is ready (the caller never touches the response meanwhile), the
// deferral is edited from here, and answer returns after that.
func (a *Adapter) answer(ctx context.Context, i *discordgo.Interaction, req *bot.Request, respond respondFunc) {
	// The work outlives an HTTP request that answered with a deferral, so
	// it must not end with the request's context. workTimeout bounds it
	// from the start; its timer is set only for work that is deferred.
	work, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	// The edit of a deferral is accepted while the interaction's token
	// lasts, 15 minutes from its creation; a minute is kept in hand for
	// the time the interaction took to arrive and for clock drift.
	until := a.now().Add(tokenLife - time.Minute)
	var state atomic.Int32
	var limit *time.Timer
	var sent bool
	acked := make(chan struct{})
	t := time.AfterFunc(a.deferAfter, func() {
		if !state.CompareAndSwap(running, deferred) {
			return
		}
		defer close(acked)
		limit = time.AfterFunc(workTimeout-a.deferAfter, cancel)
		// Answers are private unless the author asked to share one.
		sent = a.deferResponse(respond, req.Action != bot.ActionShare)
	})
	reply := a.serve(work, req)
	if req.Thread != nil {
		reply = bot.InThread(reply, *req.Thread)
	}
	if state.CompareAndSwap(running, answered) {
		t.Stop()
		a.answerNow(ctx, until, i, reply, respond)
		return
	}
	<-acked
	limit.Stop()
	if !sent {
		return
	}
	a.busy.Add() // drain waits for the edit
	defer a.busy.Done()
	if err := a.finish(context.WithoutCancel(ctx), until, i, req.Action != bot.ActionShare, reply); err != nil {
		a.log.Warn("deferred answer failed", slog.Any("err", err))
	}
}

// answerNow responds with a reply ready before the deadline. A file
// needs a multipart request: Discord fails an HTTP interaction answered
// with a multipart body larger than about 150 KB, but takes the file in
// the edit of a deferral, over HTTP and the gateway alike, so a reply
// with a file is deferred (in private: a file never is shared), then
// delivered by that edit.
func (a *Adapter) answerNow(ctx context.Context, until time.Time, i *discordgo.Interaction, reply *bot.Reply, respond respondFunc) {
	if reply.File == nil {
		a.respond(respond, reply)
		return
	}
	if !a.deferResponse(respond, true) {
		return
	}
	a.busy.Add()
	go func() {
		defer a.busy.Done()
		if err := a.finish(context.WithoutCancel(ctx), until, i, true, reply); err != nil {
			a.log.Warn("deferred answer failed", slog.Any("err", err))
		}
	}()
}

// deferResponse sends a deferral (type 5), which fixes whether the answer
// will be private, and reports whether it went out.
func (a *Adapter) deferResponse(respond respondFunc, private bool) bool {
	deferral := &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{AllowedMentions: noMentions()},
	}
	if private {
		deferral.Data.Flags = discordgo.MessageFlagsEphemeral
	}
	b, err := encodeResponse(deferral)
	if err == nil {
		err = respond(b, true)
	}
	if err != nil {
		a.log.Warn("interaction deferral failed", slog.Any("err", err))
		return false
	}
	return true
}

// finish delivers a deferred answer by editing the deferred response,
// retrying while Discord rate-limits the edit and the token lasts (until).
// An answer deferred in public that turns out private (a share that
// failed) must not be shown to the channel: the placeholder is deleted and
// the answer sent as a private follow-up. An answer deferred in private
// stays private.
func (a *Adapter) finish(ctx context.Context, until time.Time, i *discordgo.Interaction, private bool, reply *bot.Reply) error {
	data := a.render(reply)
	original := "webhooks/" + i.AppID + "/" + i.Token + "/messages/@original"
	if private || data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		edit, err := encode(webhookMessage(data), data.Files)
		if err != nil {
			return fmt.Errorf("discord: encode the answer: %w", err)
		}
		err = a.rest(ctx, until, http.MethodPatch, original, edit)
		// An answer ready at once (a file) is edited a moment after the
		// deferral was sent: Discord may not know the deferred message yet.
		for wait := 250 * time.Millisecond; discordCode(err) == unknownMessage && wait <= 2*time.Second; wait *= 2 {
			if err := sleep(ctx, wait); err != nil {
				return err
			}
			err = a.rest(ctx, until, http.MethodPatch, original, edit)
		}
		if len(data.Files) > 0 && httpStatus(err) == http.StatusRequestEntityTooLarge {
			// This server's upload limit is lower than the one assumed:
			// the reply says the file could not be attached instead.
			data, _ = renderWithin(reply, 0)
			if edit, err = encode(webhookMessage(data), nil); err != nil {
				return fmt.Errorf("discord: encode the answer: %w", err)
			}
			err = a.rest(ctx, until, http.MethodPatch, original, edit)
		}
		return err
	}
	if err := a.rest(ctx, until, http.MethodDelete, original, payload{}); err != nil {
		return err
	}
	m := webhookMessage(data)
	m.Flags = discordgo.MessageFlagsEphemeral
	follow, err := encode(m, data.Files)
	if err != nil {
		return fmt.Errorf("discord: encode the answer: %w", err)
	}
	return a.rest(ctx, until, http.MethodPost, "webhooks/"+i.AppID+"/"+i.Token, follow)
}

// message is the body of a webhook edit or follow-up. It is the bot's
// own type because discordgo's attachment type sends every one of its
// fields, empty or not, where Discord wants only the file's index and
// name.
type message struct {
	Content         *string                           `json:"content,omitempty"`
	Embeds          *[]*discordgo.MessageEmbed        `json:"embeds,omitempty"`
	Components      *[]discordgo.MessageComponent     `json:"components,omitempty"`
	Attachments     []attachment                      `json:"attachments,omitempty"`
	AllowedMentions *discordgo.MessageAllowedMentions `json:"allowed_mentions,omitempty"`
	Flags           discordgo.MessageFlags            `json:"flags,omitempty"`
	// MessageReference makes a follow-up a reply to a message.
	MessageReference *discordgo.MessageReference `json:"message_reference,omitempty"`
}

// attachment names the file sent as files[ID] in the same request.
type attachment struct {
	ID       int    `json:"id"`
	Filename string `json:"filename"`
}

// webhookMessage replaces the whole of a message with data: a field left
// out of an edit would keep the deferral's.
func webhookMessage(data *discordgo.InteractionResponseData) *message {
	m := &message{
		Content:         &data.Content,
		Embeds:          nonNil(data.Embeds),
		Components:      nonNil(data.Components),
		AllowedMentions: noMentions(),
	}
	for n, f := range data.Files {
		m.Attachments = append(m.Attachments, attachment{ID: n, Filename: f.Name})
	}
	return m
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
func (a *Adapter) callback(ctx context.Context, i *discordgo.Interaction, body []byte) error {
	b := payload{contentType: "application/json", data: body}
	// Discord waits three seconds for it: a rate limit is waited out only
	// while that can still help.
	return a.rest(context.WithoutCancel(ctx), a.now().Add(2*time.Second), http.MethodPost, "interactions/"+i.ID+"/"+i.Token+"/callback", b)
}

// rest calls one of Discord's endpoints addressed by an interaction token
// (the callback and the interaction's webhook). These need no bot token.
// A 429 is waited out as Discord asks (retry_after, or Retry-After) and
// the call made again, as long as the wait ends before until; each
// attempt is bounded by restTimeout, and by the time a slow connection
// takes to send the body.
//
// These calls do not go through discordgo's session: its rate limiter
// keeps a bucket for every URL it has seen, for ever, and these URLs are
// unique to each interaction; and on a 429 it either returns at once or
// sleeps without regard to any context. Errors never contain the URL,
// which holds the interaction token.
func (a *Adapter) rest(ctx context.Context, until time.Time, method, path string, b payload) error {
	for {
		status, header, msg, err := a.attempt(ctx, method, path, b)
		if err != nil {
			return fmt.Errorf("discord: %s %s: %w", method, route(path), restError(err))
		}
		if status == http.StatusTooManyRequests {
			wait := max(retryAfter(header, msg), minRetryWait)
			if a.now().Add(wait).Before(until) {
				a.log.Info("Discord rate limit; retrying", slog.String("route", route(path)), slog.Duration("in", wait))
				if err := sleep(ctx, wait); err != nil {
					return fmt.Errorf("discord: %s %s: %w", method, route(path), err)
				}
				continue
			}
		}
		if status >= 300 {
			se := &statusError{method: method, route: route(path), status: status, msg: clip(string(msg), 300)}
			var v struct {
				Code int `json:"code"`
			}
			if json.Unmarshal(msg, &v) == nil {
				se.code = v.Code
			}
			return se
		}
		return nil
	}
}

// attempt makes one request and reads the start of the answer.
func (a *Adapter) attempt(ctx context.Context, method, path string, b payload) (int, http.Header, []byte, error) {
	ctx, cancel := context.WithTimeout(ctx, restTimeout+time.Duration(len(b.data))*time.Second/minUploadRate)
	defer cancel()
	var r io.Reader
	if b.data != nil {
		r = bytes.NewReader(b.data)
	}
	req, err := http.NewRequestWithContext(ctx, method, discordgo.EndpointAPI+path, r)
	if err != nil {
		return 0, nil, nil, errors.New("bad request")
	}
	if b.contentType != "" {
		req.Header.Set("Content-Type", b.contentType)
	}
	req.Header.Set("User-Agent", a.session.UserAgent)
	resp, err := a.calls.Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	return resp.StatusCode, resp.Header, msg, nil
}

// payload is a request body, encoded once so that a call made again sends
// the same bytes (a file's reader can be read only once).
type payload struct {
	contentType string
	data        []byte // nil for no body
}

// encode writes v as a request body: JSON, or with files a multipart
// form whose payload_json part is the JSON and whose files[n] parts are
// the files. A nil v is no body.
func encode(v any, files []*discordgo.File) (payload, error) {
	switch {
	case len(files) > 0:
		ct, data, err := discordgo.MultipartBodyWithJSON(v, files)
		return payload{ct, data}, err
	case v != nil:
		data, err := json.Marshal(v)
		return payload{"application/json", data}, err
	}
	return payload{}, nil
}

// statusError is Discord's answer to a call that failed.
type statusError struct {
	method, route string
	status        int
	code          int // Discord's JSON error code, 0 when none
	msg           string
}

// unknownMessage is Discord's error code for a message it does not have.
const unknownMessage = 10008

func (e *statusError) Error() string {
	return fmt.Sprintf("discord: %s %s: HTTP %d: %s", e.method, e.route, e.status, e.msg)
}

// httpStatus is the HTTP status of a failed call, 0 when it got none.
func httpStatus(err error) int {
	var se *statusError
	if errors.As(err, &se) {
		return se.status
	}
	return 0
}

// discordCode is Discord's error code for a failed call, 0 when none.
func discordCode(err error) int {
	var se *statusError
	if errors.As(err, &se) {
		return se.code
	}
	return 0
}

// sleep waits d, or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// retryAfter reads how long Discord asks to wait after a 429; an hour
// when it does not say, which no call waits for.
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

// encodeResponse is the JSON of an interaction response, as
// json.Encoder writes it (with a final newline).
func encodeResponse(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("discord: encode the response: %w", err)
	}
	return append(b, '\n'), nil
}

// jsonContentType is the Content-Type of every JSON response. Nothing may
// change it.
var jsonContentType = []string{"application/json"}

// writeJSON answers an HTTP interaction with the JSON body b. The length
// is set, so that the answer goes out complete in one write when the
// handler returns, or at once when flush is set.
func writeJSON(w http.ResponseWriter, b []byte, flush bool) error {
	h := w.Header()
	// Set by their canonical names: Header.Set would canonicalize them,
	// and allocate a slice for each, on every request. net/http copies
	// the values when it writes them, so one slice serves every response.
	h["Content-Type"] = jsonContentType
	h["Content-Length"] = []string{strconv.Itoa(len(b))}
	if _, err := w.Write(b); err != nil {
		return err
	}
	if !flush {
		return nil
	}
	if err := http.NewResponseController(w).Flush(); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return err
	}
	return nil
}
