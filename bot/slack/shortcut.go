package slack

import (
	"context"
	"log/slog"

	slackapi "github.com/slack-go/slack"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
)

// ShortcutID is the callback id of the message shortcut that answers a
// posted message (bot.MessageCommand), as the manifests in deploy/
// declare it.
const ShortcutID = "answer_with_authorbot"

// parseShortcut reads a message shortcut (a message_action interaction)
// into the request that answers the message: /ask with its text, and
// Thread set to the thread a shared answer replies in, the message's own
// thread (thread_ts) or the one it starts (its ts).
func parseShortcut(cb slackapi.InteractionCallback) (*bot.Request, error) {
	if cb.Type != slackapi.InteractionTypeMessageAction || cb.CallbackID != ShortcutID {
		return nil, fail(bot.Invalid, "slack.unknown_interaction")
	}
	team := cb.Team.ID
	if team == "" {
		team = cb.User.TeamID
	}
	if cb.User.ID == "" || team == "" {
		return nil, fail(bot.Invalid, "slack.no_presser")
	}
	thread := cb.Message.ThreadTimestamp
	if thread == "" {
		thread = cb.Message.Timestamp
	}
	if cb.Channel.ID == "" || thread == "" {
		return nil, fail(bot.Invalid, "slack.unknown_interaction")
	}
	name := cb.User.Username
	if name == "" {
		name = cb.User.Name
	}
	user := bot.User{Platform: bot.Slack, Workspace: team, ID: cb.User.ID, Name: name}
	return bot.AskAbout(user, cb.Message.Text, bot.Thread{Channel: cb.Channel.ID, Message: thread}), nil
}

// shortcut answers a message shortcut: privately, to the presser, at the
// shortcut's response URL, with a share button that posts the answer as a
// reply in the message's thread (bot.InThread) rather than in the
// channel. Slack wants the shortcut acknowledged at once, so the work goes
// on after the caller has answered.
func (a *Adapter) shortcut(ctx context.Context, cb slackapi.InteractionCallback) {
	req, err := parseShortcut(cb)
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
		reply := a.serve(work, req)
		// Stopped at LateLimit or not, the answer is owed to the presser.
		a.post(context.WithoutCancel(work), cb.ResponseURL, render(bot.InThread(reply, *req.Thread)))
	}()
}

// replyInThread acts on the share button of an answer to a posted message
// (bot.ActionReply): the topic's answer, as anyone would read it (never
// the presser's order notes, see handlers' share), is posted as a reply in
// the message's thread with chat.postMessage and thread_ts. The presser's
// private answer stays; a reply that cannot be posted (no bot token, the
// bot not in the channel, the message deleted) is said to the presser
// alone, as an answer that is still private is.
func (a *Adapter) replyInThread(ctx context.Context, cb slackapi.InteractionCallback, req *bot.Request) {
	if !bot.ParseReply(req) {
		a.post(ctx, cb.ResponseURL, render(usage(fail(bot.Invalid, "slack.button_unsupported"))))
		return
	}
	reply := a.serve(ctx, req)
	post := context.WithoutCancel(ctx)
	if reply.Ephemeral {
		a.post(post, cb.ResponseURL, render(reply))
		return
	}
	if err := a.postInThread(post, req.User.Workspace, *req.Thread, reply); err != nil {
		a.log.Warn("reply in thread failed", slog.Any("err", err))
		p := i18n.Default().Printer(reply.Lang)
		a.post(post, cb.ResponseURL, render(bot.Say("%s", p.T("slack.reply_failed"))))
	}
}

// postInThread posts r in the thread t with the bot token of workspace.
func (a *Adapter) postInThread(ctx context.Context, workspace string, t bot.Thread, r *bot.Reply) error {
	api, err := a.api(ctx, workspace)
	if err != nil {
		return err
	}
	msg := render(r)
	opts := []slackapi.MsgOption{
		slackapi.MsgOptionText(msg.Text, false), slackapi.MsgOptionTS(t.Message), slackapi.MsgOptionDisableLinkUnfurl(),
	}
	if msg.Blocks != nil {
		opts = append(opts, slackapi.MsgOptionBlocks(msg.Blocks.BlockSet...))
	}
	_, _, err = api.PostMessageContext(ctx, t.Channel, opts...)
	return err
}
