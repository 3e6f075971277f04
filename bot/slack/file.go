package slack

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"

	slackapi "github.com/slack-go/slack"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
)

// CanDM reports whether the adapter can send direct messages (reminders,
// a data export): only with bot tokens. Without them, whatever would
// promise a direct message should say it cannot.
func (a *Adapter) CanDM() bool { return a.tokens != nil }

// serve answers req and, when the reply carries a file, delivers the file
// before the reply goes out, so that the reply can say whether it went.
func (a *Adapter) serve(ctx context.Context, req *bot.Request) *bot.Reply {
	if req.Moderator == nil {
		req.Moderator = a.moderator(req.User)
	}
	reply := a.cfg.Serve(ctx, req)
	if reply == nil || reply.File == nil {
		return reply
	}
	return a.deliver(ctx, req.User, reply)
}

// deliver uploads r's file to user's direct messages with the bot and
// returns the reply to show instead of r: r's own text, for the author
// alone, with a line saying where the file went, or that it could not be
// sent and how else to get it. The file itself never goes into the
// message: Slack shows no more than a few thousand characters of one.
func (a *Adapter) deliver(ctx context.Context, user bot.User, r *bot.Reply) *bot.Reply {
	out := *r
	out.File, out.Key, out.Ephemeral = nil, "", true
	p := i18n.Default().Printer(r.Lang)
	var line string
	switch err := a.upload(ctx, user, r.File); {
	case err == nil:
		line = p.T("slack.file_sent", "Name", r.File.Name)
	case errors.Is(err, errNoBotToken):
		line = p.T("slack.file_no_token")
	default:
		a.log.Warn("sending a file to a direct message failed", slog.Any("err", err))
		line = p.T("slack.file_failed")
	}
	out.Blocks = append(slices.Clip(r.Blocks), &bot.Text{Text: line})
	return &out
}

// upload sends f to user's direct message with the bot, in Slack's three
// steps (files.getUploadURLExternal, the bytes to the URL it returns,
// files.completeUploadExternal shared to the DM that conversations.open
// opens).
func (a *Adapter) upload(ctx context.Context, user bot.User, f *bot.File) error {
	if len(f.Data) == 0 {
		return errors.New("slack: an empty file") // Slack refuses a length of 0
	}
	api, err := a.api(ctx, user.Workspace)
	if err != nil {
		return err
	}
	ch, _, _, err := api.OpenConversationContext(ctx, &slackapi.OpenConversationParameters{Users: []string{user.ID}, ReturnIM: true})
	if err != nil {
		return fmt.Errorf("slack: conversations.open: %w", err)
	}
	if ch == nil || ch.ID == "" {
		return errors.New("slack: conversations.open returned no channel")
	}
	_, err = api.UploadFileContext(ctx, slackapi.UploadFileParameters{
		Reader:   bytes.NewReader(f.Data),
		FileSize: len(f.Data),
		Filename: f.Name,
		Title:    f.Name,
		Channel:  ch.ID,
	})
	if err != nil {
		return fmt.Errorf("slack: uploading %s: %w", f.Name, err)
	}
	return nil
}
