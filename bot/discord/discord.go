// Package discord is authorbot's Discord adapter. It receives slash
// commands, button presses and autocomplete requests either over the
// gateway (a websocket opened with the bot token) or as HTTP interactions
// (POSTs Discord signs with the application's Ed25519 key), and answers
// with the same handlers as every other platform.
//
// The translation is pure at both ends: parse turns an interaction into a
// bot.Request, render turns a bot.Reply into a message, ApplicationCommands
// turns the command tree into the commands Discord registers. Everything
// that talks to Discord goes through one *http.Client, so tests point it at
// a fake server.
package discord

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/bot/internal/edkey"
	"github.com/authorbot/authorbot/bot/internal/inflight"
	"github.com/authorbot/authorbot/bot/internal/ttlcache"
)

// Completer suggests values for an option while the author types it
// (Discord's autocomplete). req is the command so far, with the user, the
// locale and the options already filled; option is the option being typed
// and partial what has been typed of it. It returns the best choices
// first; the adapter keeps at most 25. A Completer must be quick: Discord
// gives the whole round trip three seconds and shows nothing after that.
type Completer interface {
	Complete(ctx context.Context, req *bot.Request, option, partial string) []bot.Choice
}

// Config is what an Adapter is built from.
type Config struct {
	// Token is the bot token, needed for the gateway, for registering
	// commands and for direct messages. "Bot " is added when missing.
	Token string
	// PublicKey is the application's hex Ed25519 public key, needed to
	// receive HTTP interactions.
	PublicKey string
	// Serve answers a request (bot.Dispatcher.Serve); it always returns a
	// reply. Not needed only to register commands.
	Serve func(ctx context.Context, req *bot.Request) *bot.Reply
	// Completer answers autocomplete; without one, options get no
	// suggestions.
	Completer Completer
	Log       *slog.Logger
	// VerifyFailed, when set, is told of each HTTP interaction refused
	// before parsing, with a fixed reason: "size", "signature", "stale",
	// "future" or "replay".
	VerifyFailed func(reason string)
	// Client makes every REST call; nil means a client with a 20 s timeout.
	// Calls made with an interaction's token (answers, and their files)
	// are bounded by the size of what they send instead.
	Client *http.Client
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// ModChannel is the id of the moderators' channel, "" for none.
	ModChannel string
	// ModRoles are the ids of the roles whose members are moderators,
	// besides the members with Manage Server or Administrator.
	ModRoles []string
	// DeferAfter is how long an answer may take before the adapter tells
	// Discord it will answer later (Discord waits three seconds at most);
	// zero means 2.5 s.
	DeferAfter time.Duration
	// ShardID and ShardCount split the gateway between processes: this
	// one holds shard ShardID of ShardCount (Discord sends it the events
	// of the guilds whose id, shifted right 22 bits, is ShardID modulo
	// ShardCount, and direct messages to shard 0). Zero ShardCount means
	// one shard, the whole gateway.
	ShardID, ShardCount int
	// Seen, when set, remembers the interactions accepted, shared by every
	// replica; nil keeps them in this process (see firstInteraction).
	Seen bot.Seen
}

// Timings and bounds of interaction handling.
const (
	defaultDeferAfter = 2500 * time.Millisecond
	// workTimeout bounds a deferred answer; Discord accepts the edit for
	// 15 minutes, but an author is long gone after one.
	workTimeout = time.Minute
	// freshness is how far an HTTP interaction's signed timestamp may be
	// from our clock, either way.
	freshness = 5 * time.Minute
	// seenTTL keeps an interaction id for longer than its replay could
	// pass the freshness check: it was received at most 5 minutes before
	// its signed time, and a replay is stale 5 minutes after it.
	seenTTL  = 2*freshness + 5*time.Minute
	maxSeen  = 100_000
	maxBody  = 1 << 20 // interaction payloads are a few KiB
	valueTTL = 24 * time.Hour
	maxValue = 10_000
	// maxKeyed is room for every answer in every language, several times.
	maxKeyed = 1024
	// restTimeout bounds one call to Discord's REST API.
	restTimeout = 10 * time.Second
	// tokenLife is how long Discord accepts calls made with an
	// interaction's token.
	tokenLife = 15 * time.Minute
	// minUploadRate is the slowest upload a call with a body allows for:
	// n bytes get restTimeout plus n/minUploadRate seconds (an 8 MB data
	// export, about a minute more).
	minUploadRate = 128 << 10
	// minRetryWait keeps a 429 that asks for no wait from becoming a
	// busy loop.
	minRetryWait = 50 * time.Millisecond
)

// Adapter is the Discord adapter. Its methods are safe for concurrent use.
type Adapter struct {
	session    *discordgo.Session
	client     *http.Client // discordgo's calls
	calls      *http.Client // calls with an interaction's token, without a timeout of its own
	publicKey  *edkey.PublicKey
	serve      func(ctx context.Context, req *bot.Request) *bot.Reply
	completer  Completer
	log        *slog.Logger
	verifyFail func(reason string)
	now        func() time.Time
	deferAfter time.Duration
	modChannel string
	// home is the server of modChannel once Discord has said it
	// (modChannelInfo); homeMu guards it.
	homeMu   sync.Mutex
	home     string
	modRoles []string

	seen   *ttlcache.Cache[time.Time]        // interaction ids answered, with their signed times
	shared bot.Seen                          // or, when set, the replicas' record of them
	values *ttlcache.Cache[string]           // button values too long for a custom id, by key
	keyed  *lru.Cache[string, keyedResponse] // responses made of replies with a Key
	// replayFloor is the newest signed time (Unix seconds) of an id the
	// seen set had to forget before its time: any interaction signed no
	// later could be its replay. Zero until the set overflows.
	replayFloor atomic.Int64
	busy        inflight.Counter // deferred answers still being finished
	// buffers holds the buffers HTTP interactions are read into.
	buffers sync.Pool
	// connected is true from the gateway's Ready (or Resumed) to its
	// next disconnection. discordgo calls each handler in a goroutine of
	// its own; a disconnection and the next Ready are a reconnection (a
	// second or more) apart, so their handlers do not cross.
	connected atomic.Bool
}

// New builds an adapter. It fails when the public key is not 32 bytes of
// hex.
func New(cfg Config) (*Adapter, error) {
	a := &Adapter{
		serve:      cfg.Serve,
		completer:  cfg.Completer,
		log:        cfg.Log,
		verifyFail: cfg.VerifyFailed,
		now:        cfg.Now,
		deferAfter: cfg.DeferAfter,
		client:     cfg.Client,
		modChannel: cfg.ModChannel,
		modRoles:   cfg.ModRoles,
		shared:     cfg.Seen,
	}
	if a.log == nil {
		a.log = slog.New(slog.DiscardHandler)
	}
	if a.now == nil {
		a.now = time.Now
	}
	a.buffers.New = func() any {
		b := make([]byte, 0, 4096)
		return &b
	}
	a.seen = ttlcache.New[time.Time](seenTTL, maxSeen, a.now)
	a.seen.OnEvict(a.raiseReplayFloor)
	a.values = ttlcache.New[string](valueTTL, maxValue, a.now)
	keyed, err := lru.New[string, keyedResponse](maxKeyed)
	if err != nil {
		return nil, err
	}
	a.keyed = keyed
	if a.deferAfter <= 0 {
		a.deferAfter = defaultDeferAfter
	}
	if a.serve == nil {
		// Only registration and notifications need no handler.
		a.serve = func(_ context.Context, req *bot.Request) *bot.Reply {
			return notice(req.Locale, "discord.not_serving")
		}
	}
	if a.verifyFail == nil {
		a.verifyFail = func(string) {}
	}
	if a.client == nil {
		a.client = &http.Client{Timeout: 20 * time.Second}
	}
	if cfg.PublicKey != "" {
		k, err := hex.DecodeString(strings.TrimSpace(cfg.PublicKey))
		if err != nil || len(k) != ed25519.PublicKeySize {
			return nil, errors.New("discord: the public key must be 64 hex characters")
		}
		if a.publicKey, err = edkey.New(k); err != nil {
			return nil, errors.New("discord: the public key is not an Ed25519 key; copy it again from the application's General Information page")
		}
	}
	token := strings.TrimSpace(cfg.Token)
	if token != "" && !strings.HasPrefix(token, "Bot ") {
		token = "Bot " + token
	}
	if cfg.ShardCount < 0 || cfg.ShardID < 0 || cfg.ShardCount > 0 && cfg.ShardID >= cfg.ShardCount || cfg.ShardCount == 0 && cfg.ShardID != 0 {
		return nil, fmt.Errorf("discord: shard %d of %d: the id must be 0 to the count less one", cfg.ShardID, cfg.ShardCount)
	}
	s, err := discordgo.New(token)
	if err != nil {
		return nil, fmt.Errorf("discord: %w", err)
	}
	s.Client = a.client
	// discordgo sends the shard in Identify when the count is above one.
	s.ShardID, s.ShardCount = cfg.ShardID, max(cfg.ShardCount, 1)
	// A client-wide timeout would cut the upload of a large file: the
	// interaction calls bound each attempt themselves (see attempt).
	calls := *a.client
	calls.Timeout = 0
	a.calls = &calls
	// Slash commands, buttons and autocomplete need no gateway intents,
	// and no privileged one is ever asked for.
	s.Identify.Intents = discordgo.IntentsNone
	s.StateEnabled = false
	s.ShouldReconnectOnError = true
	s.UserAgent = "DiscordBot (https://github.com/authorbot/authorbot, 1)"
	a.session = s
	return a, nil
}

// Run keeps the gateway connection open until ctx ends, when a bot token
// is set; either way it then lets deferred answers finish (for at most a
// minute) before returning. discordgo reconnects on its own after the
// connection drops; Run retries the first connection too, except when
// Discord refuses the token or the intents, which no retry can fix.
func (a *Adapter) Run(ctx context.Context) error {
	defer a.drain()
	if a.session.Token == "" {
		<-ctx.Done()
		return nil
	}
	remove := []func(){
		a.session.AddHandler(func(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
			a.gatewayInteraction(ctx, ic.Interaction)
		}),
		a.session.AddHandler(func(*discordgo.Session, *discordgo.Ready) {
			a.connected.Store(true)
			a.log.Info("gateway connected")
		}),
		a.session.AddHandler(func(*discordgo.Session, *discordgo.Resumed) {
			a.connected.Store(true)
			a.log.Info("gateway resumed")
		}),
		a.session.AddHandler(func(*discordgo.Session, *discordgo.Disconnect) {
			a.connected.Store(false)
			if ctx.Err() == nil {
				a.log.Warn("gateway disconnected; reconnecting")
			}
		}),
	}
	defer func() {
		for _, f := range remove {
			f()
		}
		a.connected.Store(false)
	}()
	if err := a.open(ctx); err != nil {
		return err
	}
	<-ctx.Done()
	if err := a.session.Close(); err != nil {
		a.log.Warn("gateway close", slog.Any("err", err))
	}
	return nil
}

// open connects to the gateway, retrying with backoff.
func (a *Adapter) open(ctx context.Context) error {
	wait := time.Second
	for {
		err := a.session.Open()
		if err == nil {
			return nil
		}
		if fatalGatewayError(err) {
			return fmt.Errorf("discord gateway: %w", err)
		}
		a.log.Warn("gateway connection failed; retrying", slog.Any("err", restError(err)), slog.Duration("in", wait))
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
		wait = min(2*wait, time.Minute)
	}
}

// fatalGatewayError reports close codes no reconnection can fix: a bad
// token (4004), sharding and version problems, invalid or disallowed
// intents (4010-4014).
func fatalGatewayError(err error) bool {
	var ce *websocket.CloseError
	if !errors.As(err, &ce) {
		return false
	}
	return ce.Code == 4004 || ce.Code >= 4010 && ce.Code <= 4014
}

// Healthy reports whether the adapter is connected to Discord
// (bot.Health). With a bot token the adapter keeps a gateway connection,
// and Healthy returns an error until its first Ready and from each
// disconnection until the session is resumed or a new one is ready.
// Without a token it only answers HTTP interactions, keeps no connection
// of its own, and is always healthy.
func (a *Adapter) Healthy() error {
	if a.session.Token == "" || a.connected.Load() {
		return nil
	}
	return errors.New("discord: the gateway is not connected")
}

// CanDM reports whether the adapter can send direct messages (reminders):
// only with a bot token. Without one, Notify fails, and whatever would
// promise a direct message should say it cannot.
func (a *Adapter) CanDM() bool {
	return a.session.Token != ""
}

// drain lets deferred answers finish, for at most workTimeout.
func (a *Adapter) drain() {
	ctx, cancel := context.WithTimeout(context.Background(), workTimeout)
	defer cancel()
	// Shutdown goes ahead once the time is up, finished or not: the error
	// says only that the time ran out.
	_ = a.busy.Wait(ctx)
}

// Notify sends a reply to a user as a direct message (bot.Notifier), for
// reminders. It needs the bot token: without one it returns an error and
// sends nothing.
func (a *Adapter) Notify(ctx context.Context, user bot.User, r *bot.Reply) error {
	if a.session.Token == "" {
		return errors.New("discord: direct messages need AUTHORBOT_DISCORD_TOKEN")
	}
	if user.Platform != bot.Discord || user.ID == "" {
		return fmt.Errorf("discord: cannot message %s user %q", user.Platform, user.ID)
	}
	ctx, cancel := context.WithTimeout(ctx, restTimeout)
	defer cancel()
	ch, err := a.session.UserChannelCreate(user.ID, discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("discord: open direct messages: %w", restError(err))
	}
	data := a.render(r)
	msg := &discordgo.MessageSend{
		Content:         data.Content,
		Embeds:          data.Embeds,
		Components:      data.Components,
		Files:           data.Files,
		AllowedMentions: noMentions(),
	}
	if _, err := a.session.ChannelMessageSendComplex(ch.ID, msg, discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("discord: send direct message: %w", restError(err))
	}
	return nil
}

// render renders a reply and remembers the button values too long for
// their custom ids.
func (a *Adapter) render(r *bot.Reply) *discordgo.InteractionResponseData {
	data, stash := render(r)
	a.stash(stash)
	return data
}

// stash remembers button values too long for their custom ids, by key.
func (a *Adapter) stash(values map[string]string) {
	for k, v := range values {
		a.values.Put(k, v)
	}
}
