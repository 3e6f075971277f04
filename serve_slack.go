package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/bot/slack"
	"github.com/authorbot/authorbot/config"
	"github.com/authorbot/authorbot/store"
	"github.com/authorbot/authorbot/store/postgres"
)

// slackDrain bounds how long shutdown waits for replies still being posted
// to Slack.
const slackDrain = 10 * time.Second

// slackInstalls returns where the bot tokens of the workspaces that
// install the app are kept, sealed with the secret key, when the install
// is configured; nil otherwise.
func slackInstalls(cfg config.Config, db database) (slack.Installs, error) {
	if !cfg.Slack.OAuth() {
		return nil, nil
	}
	// Each engine seals the tokens the same way (package store/seal) in
	// a type of its own.
	switch db := db.(type) {
	case *store.DB:
		return db.SlackTokens(cfg.SecretKey)
	case *postgres.DB:
		return db.SlackTokens(cfg.SecretKey)
	}
	return nil, fmt.Errorf("the Slack install needs a database that keeps workspace tokens")
}

// slackPlatforms builds the Slack adapter when Slack is configured: the
// HTTP routes when a signing secret is set, Socket Mode when an app-level
// token is, the install when the app's OAuth credentials are, and direct
// messages when a bot token or the install is.
func slackPlatforms(d platformDeps) ([]platform, error) {
	s := d.cfg.Slack
	if !s.Enabled() {
		return nil, nil
	}
	log, dispatch := d.forPlatform(bot.Slack)
	var install *slack.Install
	if d.slackInstalls != nil {
		install = &slack.Install{ClientID: s.ClientID, ClientSecret: s.ClientSecret,
			PublicURL: d.cfg.PublicURL, Store: d.slackInstalls}
		log.Info("workspaces can install the app", slog.String("url", d.cfg.PublicURL+slack.InstallPath))
	}
	sc := slack.Config{
		SigningSecret: s.SigningSecret,
		BotToken:      s.BotToken,
		AppToken:      s.AppToken,
		Install:       install,
		APIURL:        s.APIURL,
		Parser:        d.router,
		Serve:         dispatch.Serve,
		Log:           log,
		VerifyFailed:  func(reason string) { d.metrics.VerifyFailed(string(bot.Slack), reason) },
		ModChannel:    d.cfg.Mod.SlackChannel,
		Moderators:    d.cfg.Mod.SlackModerators,
		Seen:          d.seen,
	}
	if d.editSlack != nil {
		d.editSlack(&sc)
	}
	a, err := slack.New(sc)
	if err != nil {
		return nil, err
	}
	p := platform{name: bot.Slack, routes: a.Routes}
	if a.CanDM() {
		p.notifier = a
	}
	if d.cfg.Mod.SlackChannel != "" {
		p.moderators = a // CheckModerators says what is missing, a bot token among others
	}
	if s.AppToken != "" {
		p.health = health(a) // the socket
	}
	p.run = func(ctx context.Context) error {
		var err error
		if s.AppToken != "" {
			log.Info("connecting to Slack in Socket Mode")
			err = a.Run(ctx)
		} else {
			<-ctx.Done()
		}
		// Replies that outlived their requests are still owed to authors.
		drain, cancel := context.WithTimeout(context.WithoutCancel(ctx), slackDrain)
		defer cancel()
		if werr := a.Wait(drain); werr != nil {
			log.Warn("shutting down with Slack replies unsent", slog.Any("err", werr))
		}
		return err
	}
	return []platform{p}, nil
}
