package main

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/bot/discord"
)

// discordPlatforms builds the Discord adapter when Discord is configured:
// the gateway when a bot token is set, POST /discord/interactions when a
// public key is, and direct messages (reminders) when a bot token is.
func discordPlatforms(d platformDeps) ([]platform, error) {
	return discordPlatformsWith(d, nil)
}

// discordPlatformsWith is discordPlatforms with the HTTP client that makes
// every call to Discord (nil for the default); tests pass one that
// reaches a fake Discord.
func discordPlatformsWith(d platformDeps, client *http.Client) ([]platform, error) {
	c := d.cfg.Discord
	if !c.Enabled() {
		return nil, nil
	}
	log, dispatch := d.forPlatform(bot.Discord)
	a, err := discord.New(discord.Config{
		Token:        c.Token,
		PublicKey:    c.PublicKey,
		Serve:        dispatch.Serve,
		Completer:    d.router,
		Log:          log,
		VerifyFailed: func(reason string) { d.metrics.VerifyFailed(string(bot.Discord), reason) },
		Client:       client,
		ShardID:      c.ShardID,
		ShardCount:   c.ShardCount,
		ModChannel:   d.cfg.Mod.DiscordChannel,
		ModRoles:     d.cfg.Mod.DiscordRoles,
		Seen:         d.seen,
	})
	if err != nil {
		return nil, err
	}
	p := platform{name: bot.Discord}
	if c.PublicKey != "" {
		p.routes = func(mux *http.ServeMux) { mux.Handle("POST /discord/interactions", a) }
	}
	if c.Token != "" {
		p.notifier = a
		p.health = health(a) // the gateway
	}
	if d.cfg.Mod.DiscordChannel != "" {
		p.moderators = a // CheckModerators says what is missing, a bot token among others
	}
	p.run = func(ctx context.Context) error {
		if c.Token != "" {
			log.Info("connecting to the Discord gateway", slog.Int("shard", c.ShardID), slog.Int("shards", max(c.ShardCount, 1)))
		}
		return a.Run(ctx)
	}
	return []platform{p}, nil
}
