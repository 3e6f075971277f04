package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/bot/slack"
)

// slackDrain bounds how long shutdown waits for replies still being posted
// to Slack.
const slackDrain = 10 * time.Second

// slackPlatforms builds the Slack adapter when Slack is configured: the
// HTTP routes when a signing secret is set, Socket Mode when an app-level
// token is, and direct messages when a bot token is.
func slackPlatforms(d platformDeps) ([]platform, error) {
	s := d.cfg.Slack
	if !s.Enabled() {
		return nil, nil
	}
	log, dispatch := d.forPlatform(bot.Slack)
	a, err := slack.New(slack.Config{
		SigningSecret: s.SigningSecret,
		BotToken:      s.BotToken,
		AppToken:      s.AppToken,
		Parser:        d.router,
		Serve:         dispatch.Serve,
		Log:           log,
		VerifyFailed:  func(reason string) { d.metrics.VerifyFailed(string(bot.Slack), reason) },
		Seen:          d.seen,
	})
	if err != nil {
		return nil, err
	}
	p := platform{name: bot.Slack, routes: a.Routes}
	if s.BotToken != "" {
		p.notifier = a
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
