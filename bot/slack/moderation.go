package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	slackapi "github.com/slack-go/slack"

	"github.com/authorbot/authorbot/bot"
)

// The moderators' loop on Slack: who is a moderator, the moderators'
// channel, the answer dialog (a modal) and the "Should have answered"
// menu (a static select).

const (
	// adminTTL is how long users.info's word on an admin holds: a
	// moderator removed in Slack loses the rights within it.
	adminTTL     = 2 * time.Minute
	adminFailTTL = 20 * time.Second
	// Block Kit's limits for what this file renders.
	maxModalTitle  = 24
	maxModalButton = 24
	maxInputLabel  = 2000
	maxPlaceholder = 150
	maxOptionText  = 75
	maxOptionValue = 150
	maxMetadata    = 3000
	maxOptions     = 100
	// The ids of the modal's text box.
	answerBlock, answerInput = "answer", "text"
)

// moderator returns the check of whether u is one of the community's
// moderators: listed in Config.Moderators, or an admin or owner of the
// home workspace (homeTeam) by users.info, asked only when a command
// needs to know.
func (a *Adapter) moderator(u bot.User) func(context.Context) bool {
	return func(ctx context.Context) bool {
		if u.Platform != bot.Slack || u.ID == "" {
			return false
		}
		if slices.Contains(a.cfg.Moderators, u.ID) {
			return true
		}
		return a.isAdmin(ctx, u)
	}
}

// isAdmin asks users.info whether u administers or owns the home
// workspace, through a short cache; false for any other workspace,
// without a bot token, or when Slack fails.
func (a *Adapter) isAdmin(ctx context.Context, u bot.User) bool {
	if home, ok := a.homeTeam(ctx); !ok || u.Workspace != home {
		return false
	}
	api, err := a.api(ctx, u.Workspace)
	if err != nil {
		return false
	}
	key := u.Workspace + ":" + u.ID
	if v, ok := a.admins.Get(key); ok {
		return v
	}
	ctx, cancel := context.WithTimeout(ctx, localeTimeout)
	defer cancel()
	info, err := api.GetUserInfoContext(ctx, u.ID, slackapi.GetUserInfoOptionIncludeLocale(true))
	if err != nil {
		a.log.Debug("users.info failed", slog.Any("err", err))
		a.admins.PutFor(key, false, adminFailTTL)
		return false
	}
	a.remember(key, info)
	return info.IsAdmin || info.IsOwner || info.IsPrimaryOwner
}

// homeTeam returns the workspace BotToken belongs to (auth.test), the
// operator's own, and whether it is known. Its admins and owners are
// moderators; those of another workspace that installed the app are not:
// moderators read every community's missed questions and change the
// answers every workspace gets. Without BotToken no workspace is home,
// and only Config.Moderators are. The answer is kept once Slack gives it.
func (a *Adapter) homeTeam(ctx context.Context) (string, bool) {
	a.homeMu.Lock()
	defer a.homeMu.Unlock()
	if a.home != "" {
		return a.home, true
	}
	if a.cfg.BotToken == "" {
		return "", false
	}
	ctx, cancel := context.WithTimeout(ctx, localeTimeout)
	defer cancel()
	resp, err := a.client(a.cfg.BotToken).AuthTestContext(ctx)
	if err != nil || resp.TeamID == "" {
		a.log.Warn("auth.test failed: workspace admins are not taken as moderators until it answers", slog.Any("err", err))
		return "", false
	}
	a.home = resp.TeamID
	return a.home, true
}

// mention renders a Mention: a Slack user's mention, which Slack shows as
// their name; anyone else by name, escaped.
func mention(m *bot.Mention) string {
	label := escape(m.Label) + ": "
	if m.User.Platform == bot.Slack && slackID(m.User.ID) {
		return label + "<@" + m.User.ID + ">"
	}
	return label + escape(cmpOr(m.User.Name, m.User.ID))
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// slackID reports whether s has the form of a Slack id (U0123ABC):
// capitals and digits only, so that nothing else can enter the markup.
func slackID(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	for _, c := range s {
		if (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// renderSelects renders each Select as an actions block with one static
// select; an option's value carries the select's action and value with
// its own (see bot.Select), so parseAction reads it as a button's.
func renderSelects(selects []bot.Select) []slackapi.Block {
	var blocks []slackapi.Block
	for i, s := range selects {
		var opts []*slackapi.OptionBlockObject
		for _, o := range s.Options {
			value := buttonValue(s.Action, s.Value+"/"+o.Value)
			if len(opts) == maxOptions || utf8.RuneCountInString(value) > maxOptionValue {
				continue
			}
			opts = append(opts, slackapi.NewOptionBlockObject(value, plain(clip(plainText(o.Label), maxOptionText)), nil))
		}
		if s.Action == "" || len(opts) == 0 {
			continue
		}
		id := clipBytes(s.Action+"-select-"+fmt.Sprint(i), maxID)
		sel := slackapi.NewOptionsSelectBlockElement(slackapi.OptTypeStatic,
			plain(clip(plainText(cmpOr(s.Placeholder, s.Action)), maxPlaceholder)), id, opts...)
		blocks = append(blocks, slackapi.NewActionBlock("", sel))
	}
	return blocks
}

// actionValue is the value a block action hands back: a button's value,
// or the chosen option's of a select.
func actionValue(b *slackapi.BlockAction) string {
	if b.Type == slackapi.ActionType(slackapi.OptTypeStatic) {
		return b.SelectedOption.Value
	}
	return b.Value
}

// modalMeta is what a modal carries to its submission: the action and
// value to hand back, and where to tell the presser how it went.
type modalMeta struct {
	Action      string `json:"a"`
	Value       string `json:"v"`
	ResponseURL string `json:"r,omitempty"`
}

// openModal opens m for the presser of the button of cb (views.open,
// with the press's trigger id), and reports whether it did: without a
// bot token, or when Slack refuses, the reply is shown instead.
func (a *Adapter) openModal(ctx context.Context, cb slackapi.InteractionCallback, m *bot.Modal) bool {
	if cb.TriggerID == "" {
		return false
	}
	api, err := a.api(ctx, cb.Team.ID)
	if err != nil {
		return false
	}
	meta, err := json.Marshal(modalMeta{Action: m.Action, Value: m.Value, ResponseURL: cb.ResponseURL})
	if err != nil || len(meta) > maxMetadata {
		return false
	}
	if _, err := api.OpenViewContext(ctx, cb.TriggerID, modalView(m, string(meta))); err != nil {
		a.log.Warn("views.open failed", slog.Any("err", err))
		return false
	}
	return true
}

// modalView is the Block Kit modal of m.
func modalView(m *bot.Modal, meta string) slackapi.ModalViewRequest {
	max := m.MaxLength
	if max <= 0 {
		max = bot.ModalText
	}
	input := slackapi.NewPlainTextInputBlockElement(nil, answerInput).WithMultiline(true)
	input.MaxLength = max
	if m.Placeholder != "" {
		input.Placeholder = plain(clip(plainText(m.Placeholder), maxPlaceholder))
	}
	label := plain(clip(plainText(cmpOr(m.Label, m.Action)), maxInputLabel))
	blocks := []slackapi.Block{slackapi.NewInputBlock(answerBlock, label, nil, input)}
	if len(m.Fields) > 0 {
		blocks = fieldBlocks(m.Fields)
	}
	return slackapi.ModalViewRequest{
		Type:            slackapi.VTModal,
		CallbackID:      m.Action,
		Title:           plain(clip(plainText(cmpOr(m.Title, m.Action)), maxModalTitle)),
		Submit:          plain(clip(plainText(cmpOr(m.Submit, "OK")), maxModalButton)),
		Blocks:          slackapi.Blocks{BlockSet: blocks},
		PrivateMetadata: meta,
	}
}

// maxInputText is the most characters a plain-text input takes.
const maxInputText = 3000

// fieldBlocks are the input blocks of a modal of several text boxes,
// each prefilled; the block and its input are named by the field's id.
func fieldBlocks(fields []bot.ModalField) []slackapi.Block {
	var blocks []slackapi.Block
	for _, f := range fields {
		max := f.MaxLength
		if max <= 0 || max > maxInputText {
			max = maxInputText
		}
		input := slackapi.NewPlainTextInputBlockElement(nil, f.ID).WithMultiline(f.Multiline).WithInitialValue(clip(f.Value, max))
		input.MaxLength = max
		if f.Placeholder != "" {
			input.Placeholder = plain(clip(plainText(f.Placeholder), maxPlaceholder))
		}
		label := plain(clip(plainText(cmpOr(f.Label, f.ID)), maxInputLabel))
		blocks = append(blocks, slackapi.NewInputBlock(f.ID, label, nil, input).WithOptional(f.Optional))
	}
	return blocks
}

// parseSubmission reads a modal's submission (view_submission) into the
// request its modal named, with the text typed in Options["text"].
func parseSubmission(cb slackapi.InteractionCallback) (*bot.Request, string, error) {
	var meta modalMeta
	if err := json.Unmarshal([]byte(cb.View.PrivateMetadata), &meta); err != nil || meta.Action == "" {
		return nil, "", errors.New("slack: a view submission without its metadata")
	}
	team := cmpOr(cb.Team.ID, cb.User.TeamID)
	if cb.User.ID == "" || team == "" {
		return nil, "", errors.New("slack: a view submission without its user")
	}
	opts := map[string]string{"value": meta.Value, "text": ""}
	if cb.View.State != nil {
		opts["text"] = cb.View.State.Values[answerBlock][answerInput].Value
		// A modal of several boxes: each block holds one, named alike.
		for block, inputs := range cb.View.State.Values {
			if v, ok := inputs[block]; ok && block != answerBlock && block != "value" && block != "text" {
				opts[block] = v.Value
			}
		}
	}
	req := &bot.Request{
		User:    bot.User{Platform: bot.Slack, Workspace: team, ID: cb.User.ID, Name: cmpOr(cb.User.Username, cb.User.Name)},
		Action:  meta.Action,
		Options: opts,
	}
	return req, meta.ResponseURL, nil
}

// submission acts on a modal's submission. Slack closes the modal at the
// empty 200 the HTTP handler answers with; the outcome goes, for the
// moderator alone, to the response URL of the button that opened it.
func (a *Adapter) submission(ctx context.Context, cb slackapi.InteractionCallback) {
	req, responseURL, err := parseSubmission(cb)
	if err != nil {
		a.log.Warn("view submission not understood", slog.Any("err", err))
		return
	}
	work, cancel := context.WithTimeout(context.WithoutCancel(ctx), a.cfg.LateLimit)
	a.work.Add()
	go func() {
		defer a.work.Done()
		defer cancel()
		req.Received = a.cfg.Now()
		req.Locale = a.locale(work, req.User)
		reply := a.serve(work, req)
		msg := render(reply)
		msg.ResponseType = slackapi.ResponseTypeEphemeral
		a.post(context.WithoutCancel(work), responseURL, msg)
	}()
}

// PostModerators posts r to the moderators' channel and returns the
// post's ts. workspace is the author's team: the channel, the one
// Config.ModChannel names, is in the home workspace whatever it is, so
// an author of another workspace that installed the app is named there
// rather than mentioned (see foreignMentions).
func (a *Adapter) PostModerators(ctx context.Context, workspace string, r *bot.Reply) (string, error) {
	return a.postChannel(ctx, workspace, r, "")
}

// ReplyModerators posts r in the thread of the post ref.
func (a *Adapter) ReplyModerators(ctx context.Context, workspace, ref string, r *bot.Reply) error {
	_, err := a.postChannel(ctx, workspace, r, ref)
	return err
}

func (a *Adapter) postChannel(ctx context.Context, workspace string, r *bot.Reply, thread string) (string, error) {
	api, err := a.homeAPI(ctx)
	if err != nil || a.cfg.ModChannel == "" {
		return "", errors.New("slack: the moderators' channel needs AUTHORBOT_SLACK_MOD_CHANNEL and a bot token")
	}
	if home, ok := a.homeTeam(ctx); !ok || workspace != home {
		r = foreignMentions(r, home)
	}
	msg := render(r)
	opts := []slackapi.MsgOption{slackapi.MsgOptionText(msg.Text, false), slackapi.MsgOptionDisableLinkUnfurl()}
	if msg.Blocks != nil {
		opts = append(opts, slackapi.MsgOptionBlocks(msg.Blocks.BlockSet...))
	}
	if thread != "" {
		opts = append(opts, slackapi.MsgOptionTS(thread))
	}
	_, ts, err := api.PostMessageContext(ctx, a.cfg.ModChannel, opts...)
	if err != nil {
		return "", fmt.Errorf("slack: chat.postMessage to the moderators' channel: %w", err)
	}
	return ts, nil
}

// homeAPI returns the Web API client of the home workspace, that of
// Config.BotToken: an app installed in many workspaces has its
// moderators' channel in that one, which another workspace's token
// cannot reach.
func (a *Adapter) homeAPI(ctx context.Context) (*slackapi.Client, error) {
	if a.cfg.BotToken != "" {
		return a.clientOf(a.cfg.BotToken), nil
	}
	return a.api(ctx, "")
}

// foreignMentions returns r with its mentions of Slack users outside the
// workspace home ("" when it is not known) given as their names and
// workspaces: a mention of an id the home workspace does not have shows
// as an unknown user there.
func foreignMentions(r *bot.Reply, home string) *bot.Reply {
	out := *r
	out.Blocks = slices.Clone(r.Blocks)
	for i, b := range out.Blocks {
		m, ok := b.(*bot.Mention)
		if !ok || m.User.Platform != bot.Slack || (home != "" && m.User.Workspace == home) {
			continue
		}
		name := cmpOr(m.User.Name, m.User.ID)
		if m.User.Workspace != "" {
			name += " (" + m.User.Workspace + ")"
		}
		out.Blocks[i] = &bot.Mention{Label: m.Label, User: bot.User{Name: name}}
	}
	return &out
}

// CheckModerators checks that the moderators' channel exists and that the
// bot is in it (conversations.info), which chat.postMessage needs.
func (a *Adapter) CheckModerators(ctx context.Context) error {
	if a.cfg.ModChannel == "" {
		return errors.New("no moderators' channel set (AUTHORBOT_SLACK_MOD_CHANNEL)")
	}
	api, err := a.homeAPI(ctx)
	if err != nil {
		return errors.New("the moderators' channel needs a bot token (AUTHORBOT_SLACK_BOT_TOKEN)")
	}
	ch, err := api.GetConversationInfoContext(ctx, &slackapi.GetConversationInfoInput{ChannelID: a.cfg.ModChannel})
	if err != nil {
		return fmt.Errorf("moderators' channel %s: %s", a.cfg.ModChannel, strings.TrimSpace(err.Error()))
	}
	if !ch.IsMember {
		return fmt.Errorf("moderators' channel %s: the bot is not in it; invite it there (/invite @authorbot)", a.cfg.ModChannel)
	}
	return nil
}
