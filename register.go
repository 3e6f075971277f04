package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/bot/discord"
	"github.com/authorbot/authorbot/config"
	"github.com/authorbot/authorbot/handlers"
)

// runDiscordRegister is "authorbot discord register": it replaces the
// application's slash commands with the router's command tree and prints
// the link that adds the bot to a server.
func runDiscordRegister(ctx context.Context, cfg config.Config, log *slog.Logger, out io.Writer) error {
	cmds := handlers.Commands()
	return discordRegister(ctx, cfg, cmds, nil, log, out)
}

// discordRegister registers cmds with the HTTP client given (nil for the
// default; tests pass one that reaches a fake Discord). The application id
// is AUTHORBOT_DISCORD_APP_ID, or asked of Discord with the token.
func discordRegister(ctx context.Context, cfg config.Config, cmds []*bot.Command, client *http.Client, log *slog.Logger, out io.Writer) error {
	a, err := discord.New(discord.Config{Token: cfg.Discord.Token, Client: client, Log: log})
	if err != nil {
		return err
	}
	appID := cfg.Discord.AppID
	if appID == "" {
		if appID, err = a.AppID(ctx); err != nil {
			return err
		}
	}
	registered, err := a.Register(ctx, appID, cfg.Guild, cmds)
	if err != nil {
		return err
	}
	where := "globally"
	if cfg.Guild != "" {
		where = "in server " + cfg.Guild + " (they show at once there)"
	}
	fmt.Fprintf(out, "Registered %d slash commands %s for application %s.\n", len(registered), where, appID)
	fmt.Fprintf(out, "Add the bot to a server with:\n  %s\n", discord.InviteURL(appID))
	return nil
}
