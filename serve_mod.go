package main

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/config"
	"github.com/authorbot/authorbot/handlers"
	"github.com/authorbot/authorbot/moderation"
)

// reach is the router's handlers.Reach: the moderators' channel and the
// direct messages of each connected platform. The router is built before
// the platforms (they parse with it), so serve fills it in once they are.
type reach struct {
	mu         sync.RWMutex
	moderators map[bot.Platform]bot.Moderators
	notifiers  map[bot.Platform]bot.Notifier
}

func newReach() *reach {
	return &reach{moderators: map[bot.Platform]bot.Moderators{}, notifiers: map[bot.Platform]bot.Notifier{}}
}

func (r *reach) Moderators(p bot.Platform) bot.Moderators {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.moderators[p]
}

func (r *reach) Notifier(p bot.Platform) bot.Notifier {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.notifiers[p]
}

// set records what the platforms offer.
func (r *reach) set(platforms []platform) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, p := range platforms {
		if p.moderators != nil {
			r.moderators[p.name] = p.moderators
		}
		if p.notifier != nil {
			r.notifiers[p.name] = p.notifier
		}
	}
}

// moderationOf is the router's moderation over db, reaching out through
// rc (nil on the console, which has no channel to post to).
func moderationOf(cfg config.Config, db moderated, rc handlers.Reach) handlers.Option {
	return handlers.WithModeration(handlers.Moderation{
		Gaps: db, Handoffs: db, Examples: db, Reach: rc, Lang: cfg.Mod.Lang,
	})
}

// Timing of the moderators' channel checks and of the purge of gaps.
const (
	channelRecheck = 5 * time.Minute
	channelTimeout = 10 * time.Second
	gapPurgeEvery  = time.Hour
	gapPurgeBatch  = 500
)

// channelCheck is what /readyz knows of one platform's moderators'
// channel: checked at start and every channelRecheck, so that a probe
// never waits for the platform.
type channelCheck struct {
	name bot.Platform
	mods bot.Moderators

	mu  sync.Mutex
	err error
}

// check asks the platform now, and logs a change.
func (c *channelCheck) check(ctx context.Context, log *slog.Logger) {
	ctx, cancel := context.WithTimeout(ctx, channelTimeout)
	err := c.mods.CheckModerators(ctx)
	cancel()
	c.mu.Lock()
	was := c.err
	c.err = err
	c.mu.Unlock()
	switch {
	case err != nil && (was == nil || was.Error() != err.Error()):
		log.Warn("the bot cannot post to the moderators' channel", slog.String("platform", string(c.name)), slog.Any("err", err))
	case err == nil && was != nil:
		log.Info("the moderators' channel is reachable again", slog.String("platform", string(c.name)))
	}
}

// Healthy is the last check's outcome.
func (c *channelCheck) Healthy() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// watch checks again every channelRecheck until ctx ends.
func (c *channelCheck) watch(ctx context.Context, log *slog.Logger) error {
	t := time.NewTicker(channelRecheck)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
			c.check(ctx, log)
		}
	}
}

// channelChecks checks, once and before serving, each platform's
// moderators' channel, and returns the checks for /readyz.
func channelChecks(ctx context.Context, platforms []platform, log *slog.Logger) []*channelCheck {
	var out []*channelCheck
	for _, p := range platforms {
		if p.moderators == nil {
			continue
		}
		c := &channelCheck{name: p.name, mods: p.moderators}
		c.check(ctx, log)
		out = append(out, c)
	}
	return out
}

// gapPurger deletes the gaps older than the retention period, at start
// and every gapPurgeEvery.
type gapPurger struct {
	db     moderated
	keep   time.Duration
	log    *slog.Logger
	now    func() time.Time
	period time.Duration
}

// purge deletes every gap past its time, and every handoff closed that
// long ago, a batch at a time.
func (g *gapPurger) purge(ctx context.Context) {
	for _, p := range []struct {
		what  string
		purge func(context.Context, time.Time, int) (int, error)
	}{{"gaps", g.db.PurgeGaps}, {"handoffs", g.db.PurgeHandoffs}} {
		total := 0
		for {
			n, err := p.purge(ctx, g.now().Add(-g.keep), gapPurgeBatch)
			if err != nil {
				if ctx.Err() == nil {
					g.log.Warn(p.what+": purge failed", slog.Any("err", err))
				}
				return
			}
			total += n
			if n < gapPurgeBatch {
				break
			}
		}
		if total > 0 {
			g.log.Info(p.what+" purged", slog.Int("count", total), slog.Duration("kept", g.keep))
		}
	}
}

func (g *gapPurger) run(ctx context.Context) error {
	g.purge(ctx)
	t := time.NewTicker(g.period)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
			g.purge(ctx)
		}
	}
}

// weekly is the scheduler of the weekly digest for the router.
func weekly(db moderation.DigestStore, router *handlers.Router, log *slog.Logger) *moderation.Weekly {
	return &moderation.Weekly{
		Store: db,
		Send: func(ctx context.Context, now time.Time) error {
			_, err := router.SendDigest(ctx, now)
			return err
		},
		Log: log,
	}
}
