// Package slack is authorbot's Slack adapter. It answers slash commands
// (/ask, /order, … and /authorbot <command>) and button presses over HTTP,
// where every request is verified with the app's signing secret, or over
// Socket Mode, which needs no public URL. Replies are rendered as Block Kit.
//
// The adapter turns Slack payloads into bot.Requests with pure parse
// functions and bot.Replies into Slack messages with a pure render; all
// the answering is done by the Serve function it is given.
package slack

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	slackapi "github.com/slack-go/slack"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/bot/internal/inflight"
	"github.com/authorbot/authorbot/bot/internal/ttlcache"
)

// Defaults for the Config fields left zero.
const (
	// DefaultBudget leaves half a second of Slack's three for the network.
	DefaultBudget = 2500 * time.Millisecond
	// DefaultLateLimit bounds work that outlives its request (Slack accepts
	// posts to a response_url for 30 minutes).
	DefaultLateLimit = time.Minute
	// DefaultHTTPTimeout bounds every call to Slack.
	DefaultHTTPTimeout = 10 * time.Second
)

// Limits of the adapter's own bookkeeping.
const (
	maxBody = 64 << 10 // slash commands and button payloads are a few KiB
	// A signature passes the ±5 minute freshness check for up to ten
	// minutes (a timestamp five minutes ahead, then five behind); remember
	// it a little longer than that.
	seenTTL       = 11 * time.Minute
	maxSeen       = 50_000
	localeTTL     = time.Hour
	localeFailTTL = time.Minute
	maxLocales    = 10_000
	localeTimeout = time.Second
	// maxKeyed is room for every answer in every language, several times.
	maxKeyed = 1024
)

// Config is what an Adapter is built from.
type Config struct {
	// SigningSecret verifies HTTP requests; without it Routes mounts nothing.
	SigningSecret string
	// BotToken (xoxb-) reads authors' locales and sends direct messages:
	// reminders, and the files of data exports. It is the token of every
	// workspace that Tokens (or Install) has none for.
	BotToken string
	// Tokens, when set, finds each workspace's bot token.
	Tokens Tokens
	// Install, when set, lets workspaces install the app through Slack's
	// OAuth flow (GET /slack/install) and keeps their bot tokens.
	Install *Install
	// AppToken (xapp-) connects Socket Mode.
	AppToken string

	Parser Parser
	// Serve answers a request and always returns a reply
	// (bot.Dispatcher.Serve).
	Serve func(ctx context.Context, req *bot.Request) *bot.Reply
	Log   *slog.Logger
	// VerifyFailed, when set, is told of each request refused before it is
	// parsed, with a fixed reason: "size", "missing", "signature", "stale"
	// or "replay".
	VerifyFailed func(reason string)

	// APIURL is the Web API's base URL, with its trailing slash; "" means
	// Slack's. Tests point it at a fake.
	APIURL string
	// HTTPClient calls the Web API and posts to response URLs. It must have
	// a Timeout; nil means a client with DefaultHTTPTimeout.
	HTTPClient *http.Client
	// Budget is how long a command may run before it is acknowledged and
	// its reply posted to the response URL instead.
	Budget time.Duration
	// LateLimit bounds a command that runs past its Budget.
	LateLimit time.Duration
	// ModChannel is the id of the moderators' channel (C…), "" for none.
	ModChannel string
	// Moderators are the user ids (U…) of the community's moderators,
	// besides the workspace's admins and owners.
	Moderators []string
	// PingInterval is how long Socket Mode waits for Slack's ping before it
	// reconnects; 0 means slack-go's default.
	PingInterval time.Duration
	// SocketDial, when set, makes the connections of Socket Mode's
	// websocket; nil dials with the net package, through the environment's
	// proxy as slack-go does. Tests point it at a fake in memory.
	SocketDial func(ctx context.Context, network, address string) (net.Conn, error)
	// Now is the clock of the adapter's caches; nil means time.Now.
	Now func() time.Time
	// Seen, when set, remembers the requests accepted, shared by every
	// replica; nil keeps them in this process (see firstRequest).
	Seen bot.Seen
}

// Adapter is the Slack adapter. Its HTTP handlers and Socket Mode loop may
// run at once, and share one dispatch path.
type Adapter struct {
	cfg Config
	// tokens finds the bot token of a workspace; nil without any.
	tokens  Tokens
	clients *lru.Cache[string, *slackapi.Client] // by token
	log     *slog.Logger
	// seen holds the requests and envelopes answered recently, each with
	// its signed time (Unix seconds; 0 for a socket envelope, which is
	// not signed).
	seen *ttlcache.Keyed[seenKey, int64]
	// replayFloor is the newest signed time of a request the seen set had
	// to forget before its time: any request signed no later could be its
	// replay. Zero until the set overflows.
	replayFloor atomic.Int64
	locales     *ttlcache.Cache[string]
	keyed       *lru.Cache[string, rendered] // replies with a Key, rendered
	// macs are the verifiers of signatures (HMAC-SHA256s keyed with the
	// signing secret), reset and used again for each request verified.
	macs sync.Pool
	// work counts replies still being made or posted after their request
	// was answered; Wait waits for them.
	work inflight.Counter
	// socket is the state of the Socket Mode connection (socketDown until
	// it first connects).
	socket atomic.Int32
	// admins remembers for a while whether a user is a workspace admin
	// or owner (users.info).
	admins *ttlcache.Cache[bool]
	// home is the workspace of BotToken once auth.test has said it
	// (homeTeam); homeMu serializes the asking.
	homeMu sync.Mutex
	home   string
}

// New checks cfg and builds an adapter.
func New(cfg Config) (*Adapter, error) {
	if cfg.Parser == nil || cfg.Serve == nil {
		return nil, errors.New("slack: Config needs a Parser and a Serve function")
	}
	if cfg.SigningSecret == "" && cfg.AppToken == "" {
		return nil, errors.New("slack: set a signing secret (HTTP) or an app-level token (Socket Mode)")
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: DefaultHTTPTimeout}
	}
	if cfg.HTTPClient.Timeout <= 0 {
		// A post to Slack that never returns would hold a goroutine for ever.
		return nil, errors.New("slack: Config.HTTPClient needs a Timeout")
	}
	if cfg.Budget <= 0 {
		cfg.Budget = DefaultBudget
	}
	if cfg.LateLimit <= 0 {
		cfg.LateLimit = DefaultLateLimit
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.VerifyFailed == nil {
		cfg.VerifyFailed = func(string) {}
	}
	keyed, err := lru.New[string, rendered](maxKeyed)
	if err != nil {
		return nil, err
	}
	a := &Adapter{
		cfg:     cfg,
		log:     cfg.Log,
		locales: ttlcache.New[string](localeTTL, maxLocales, cfg.Now),
		keyed:   keyed,
		admins:  ttlcache.New[bool](adminTTL, maxLocales, cfg.Now),
	}
	a.macs.New = func() any { return &verifier{mac: hmac.New(sha256.New, []byte(cfg.SigningSecret))} }
	a.seen = a.newSeen(maxSeen)
	if a.clients, err = lru.New[string, *slackapi.Client](maxClients); err != nil {
		return nil, err
	}
	if err := a.setTokens(); err != nil {
		return nil, err
	}
	return a, nil
}

// newSeen returns an empty set of seen requests holding at most max,
// which raises the replay floor when it forgets one early.
func (a *Adapter) newSeen(max int) *ttlcache.Keyed[seenKey, int64] {
	c := ttlcache.NewKeyed[seenKey, int64](seenTTL, max, a.cfg.Now)
	c.OnEvict(a.raiseReplayFloor)
	return c
}

// raiseReplayFloor is told of each signed time the seen set forgets early.
func (a *Adapter) raiseReplayFloor(stamp int64) {
	for {
		cur := a.replayFloor.Load()
		if stamp <= cur || a.replayFloor.CompareAndSwap(cur, stamp) {
			return
		}
	}
}

// client is a Web API client on the configured URL, HTTP client and log.
func (a *Adapter) client(token string, opts ...slackapi.Option) *slackapi.Client {
	opts = append([]slackapi.Option{
		slackapi.OptionHTTPClient(a.cfg.HTTPClient),
		slackapi.OptionLog(slog.NewLogLogger(a.log.Handler(), slog.LevelDebug)),
	}, opts...)
	if a.cfg.APIURL != "" {
		opts = append(opts, slackapi.OptionAPIURL(a.cfg.APIURL))
	}
	return slackapi.New(token, opts...)
}

// Wait blocks until every reply that outlived its request has been posted,
// or ctx ends.
func (a *Adapter) Wait(ctx context.Context) error {
	return a.work.Wait(ctx)
}

// command answers one slash command, from HTTP or the socket, and
// returns the message to answer with. When the reply is not ready within
// the budget, early is called, from another goroutine, to acknowledge the
// request empty; the reply is then posted to the response URL when it is
// ready, and command returns no message.
func (a *Adapter) command(ctx context.Context, s slackapi.SlashCommand, early func()) rendered {
	req, err := parseCommand(a.cfg.Parser, s)
	if err != nil {
		return rendered{msg: render(usage(err))}
	}
	req.Received = a.cfg.Now()
	reply := a.within(ctx, req, early, func(ctx context.Context, reply *bot.Reply) {
		a.post(ctx, s.ResponseURL, a.message(reply).msg)
	})
	if reply == nil {
		return rendered{}
	}
	// A command that opens a form (/admin topic edit) opens it with the
	// command's trigger; the empty answer leaves the channel as it was.
	if reply.Modal != nil && a.openModal(ctx, slackapi.InteractionCallback{TriggerID: s.TriggerID,
		Team: slackapi.Team{ID: s.TeamID}, ResponseURL: s.ResponseURL}, reply.Modal) {
		return rendered{}
	}
	return a.message(reply)
}

// rendered is a reply made into a Slack message, with its JSON when it
// was kept: then the message is shared, and nothing may change it.
type rendered struct {
	msg  *slackapi.WebhookMessage
	body []byte
}

// message renders r, or reuses what it made of a reply with the same Key:
// knowledge-base answers are most of what authors ask for, and rendering
// and encoding one was the largest part of answering it.
func (a *Adapter) message(r *bot.Reply) rendered {
	if r.Key == "" {
		return rendered{msg: render(r)}
	}
	if c, ok := a.keyed.Get(r.Key); ok {
		return c
	}
	msg := render(r)
	body, err := encodeMessage(msg)
	if err != nil {
		return rendered{msg: msg}
	}
	c := rendered{msg, body}
	a.keyed.Add(r.Key, c)
	return c
}

// budget is what a command being answered within its budget shares with
// the timer that acknowledges it late. One value, and a mutex rather than
// a channel to wait for the acknowledgement, where the state, the timer
// and a channel were three allocations on every command (and making the
// channel 1% of the server's CPU under scripts/bench-slack).
type budget struct {
	state atomic.Int32
	mu    sync.Mutex
	limit *time.Timer
}

// The states of a command being answered within its budget.
const (
	running int32 = iota
	answered
	acknowledged
)

// within serves req, with the author's locale, on the calling goroutine,
// and returns its reply: a goroutine of its own would cost a new stack,
// grown again on every request, and a hand-over back. If the budget passes
// first, early is called from a timer's goroutine to acknowledge the
// request; once the reply is ready and early has returned (so the two
// never use the request at once), the reply goes to late and within
// returns nil.
func (a *Adapter) within(ctx context.Context, req *bot.Request, early func(), late func(context.Context, *bot.Reply)) *bot.Reply {
	// Once acknowledged, the request may end before the work does, so the
	// work must not end with the request's context. LateLimit bounds it
	// from the start; its timer is set only for work that runs late, most
	// commands being done long before the budget.
	work, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	b := new(budget)
	t := time.AfterFunc(a.cfg.Budget, func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		if b.state.CompareAndSwap(running, acknowledged) {
			a.work.Add() // Wait waits for the late reply
			b.limit = time.AfterFunc(a.cfg.LateLimit-a.cfg.Budget, cancel)
			early()
		}
	})
	req.Locale = a.locale(work, req.User)
	reply := a.serve(work, req)
	if b.state.CompareAndSwap(running, answered) {
		t.Stop()
		return reply
	}
	// The timer's function acknowledged the request: it holds b.mu from
	// before its CompareAndSwap until early has returned.
	b.mu.Lock()
	limit := b.limit
	b.mu.Unlock()
	defer a.work.Done()
	defer limit.Stop()
	// The work may have been stopped at LateLimit; its reply (an apology
	// then) is owed all the same, within the HTTP client's own timeout.
	late(context.WithoutCancel(work), reply)
	return nil
}

// interaction acts on a button press. Slack wants the press acknowledged
// at once and the outcome posted to the response URL, so the work goes on
// after the caller has answered.
func (a *Adapter) interaction(ctx context.Context, cb slackapi.InteractionCallback) {
	switch cb.Type {
	case slackapi.InteractionTypeViewSubmission:
		a.submission(ctx, cb)
		return
	case slackapi.InteractionTypeMessageAction:
		a.shortcut(ctx, cb)
		return
	case slackapi.InteractionTypeBlockActions:
	default:
		return // nothing else is ever sent to this app
	}
	req, err := parseAction(cb)
	work, cancel := context.WithTimeout(context.WithoutCancel(ctx), a.cfg.LateLimit)
	a.work.Add()
	go func() {
		defer a.work.Done()
		defer cancel()
		if err != nil {
			a.post(work, cb.ResponseURL, render(usage(err)))
			return
		}
		req.Received = a.cfg.Now()
		req.Locale = a.locale(work, req.User)
		if req.Action == bot.ActionReply {
			a.replyInThread(work, cb, req)
			return
		}
		reply := a.serve(work, req)
		// Stopped at LateLimit or not, the outcome is owed to the author.
		post := context.WithoutCancel(work)
		if reply.Modal != nil && a.openModal(post, cb, reply.Modal) {
			return
		}
		for _, msg := range actionMessages(req.Action, reply) {
			if !a.post(post, cb.ResponseURL, msg) {
				return
			}
		}
	}()
}

// actionMessages are what a button's outcome posts to the response URL,
// in order. A reply for everyone (a shared answer) is posted to the
// channel and the author's private copy deleted; the outcome of "forget"
// replaces the confirmation whose button was pressed, so it cannot be
// pressed twice; any other outcome (feedback thanks, an error) follows the
// message privately and leaves the answer in place.
func actionMessages(action string, reply *bot.Reply) []*slackapi.WebhookMessage {
	msg := render(reply)
	switch {
	case !reply.Ephemeral:
		return []*slackapi.WebhookMessage{msg, {DeleteOriginal: true}}
	case action == bot.ActionForget:
		msg.ReplaceOriginal = true
		return []*slackapi.WebhookMessage{msg}
	default:
		return []*slackapi.WebhookMessage{msg}
	}
}

// post sends msg to a response URL and reports whether it was accepted.
// slack-go's PostWebhook uses a client without a timeout; this uses the
// adapter's.
func (a *Adapter) post(ctx context.Context, url string, msg *slackapi.WebhookMessage) bool {
	if !strings.HasPrefix(url, "https://") && !strings.HasPrefix(url, "http://") {
		a.log.Warn("no response URL to post a reply to")
		return false
	}
	if err := slackapi.PostWebhookCustomHTTPContext(ctx, url, a.cfg.HTTPClient, msg); err != nil {
		// The URL is a credential of sorts: log the error, not the URL.
		a.log.Warn("posting to response URL failed", slog.String("err", redactURL(err, url)))
		return false
	}
	return true
}

// redactURL removes url from err's text.
func redactURL(err error, url string) string {
	return strings.ReplaceAll(err.Error(), url, "<response_url>")
}

// locale returns the author's Slack locale ("fr-FR"), or "" when there is
// no bot token or users.info fails; the router then answers in the
// language of the question. Results are cached per user.
func (a *Adapter) locale(ctx context.Context, u bot.User) string {
	if a.tokens == nil {
		return ""
	}
	key := u.Workspace + ":" + u.ID
	if l, ok := a.locales.Get(key); ok {
		return l
	}
	ctx, cancel := context.WithTimeout(ctx, localeTimeout)
	defer cancel()
	api, err := a.api(ctx, u.Workspace)
	if err != nil {
		a.log.Debug("no bot token for users.info", slog.Any("err", err))
		a.locales.PutFor(key, "", localeFailTTL)
		return ""
	}
	// users.info returns the locale only with include_locale=true, which
	// GetUserInfoContext sends unless told otherwise.
	info, err := api.GetUserInfoContext(ctx, u.ID, slackapi.GetUserInfoOptionIncludeLocale(true))
	if err != nil {
		a.log.Debug("users.info failed", slog.Any("err", err))
		a.locales.PutFor(key, "", localeFailTTL)
		return ""
	}
	a.remember(key, info)
	l, _ := a.locales.Get(key)
	return l
}

// remember keeps both things the adapter asks users.info about (the
// author's locale, and whether they administer the workspace), whichever
// question it was asked for: one call answers both, each for as long as
// its own cache holds it.
func (a *Adapter) remember(key string, info *slackapi.User) {
	a.locales.Put(key, requestLocale(info.Locale))
	a.admins.Put(key, info.IsAdmin || info.IsOwner || info.IsPrimaryOwner)
}

// Notify sends r to user as a direct message from the bot. It needs the
// bot token of the user's workspace; the user must be a Slack user of a
// workspace the app is installed in.
func (a *Adapter) Notify(ctx context.Context, user bot.User, r *bot.Reply) error {
	if user.Platform != bot.Slack || user.ID == "" {
		return fmt.Errorf("slack: cannot message %s user %q", user.Platform, user.ID)
	}
	api, err := a.api(ctx, user.Workspace)
	if errors.Is(err, errNoBotToken) {
		return errors.New("slack: direct messages need the workspace's bot token (AUTHORBOT_SLACK_BOT_TOKEN, or installing the app)")
	}
	if err != nil {
		return fmt.Errorf("slack: bot token: %w", err)
	}
	msg := render(r)
	opts := []slackapi.MsgOption{slackapi.MsgOptionText(msg.Text, false), slackapi.MsgOptionDisableLinkUnfurl()}
	if msg.Blocks != nil {
		opts = append(opts, slackapi.MsgOptionBlocks(msg.Blocks.BlockSet...))
	}
	if _, _, err := api.PostMessageContext(ctx, user.ID, opts...); err != nil {
		return fmt.Errorf("slack: chat.postMessage: %w", err)
	}
	return nil
}
