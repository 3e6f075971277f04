package discord

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/authorbot/authorbot/bot"
)

// The moderators' loop on Discord: who is a moderator, the moderators'
// channel, the answer dialog (a modal) and the "Should have answered"
// menu (a string select).

// Discord's limits for what this file renders.
const (
	maxSelectOptions = 25
	maxOptionLabel   = 100
	maxOptionValue   = 100
	maxModalTitle    = 45
	maxInputLabel    = 45
	maxInputText     = 4000
	maxPlaceholder   = 100
	// answerInput is the custom id of the modal's text box.
	answerInput = "text"
)

// moderatorPerms are the permissions that make a member a moderator.
const moderatorPerms = discordgo.PermissionManageServer | discordgo.PermissionAdministrator

// moderator returns the check of whether the member who sent i is a
// moderator: one of the roles of Config.ModRoles, or Manage Server or
// Administrator in the permissions Discord computed for them in the
// interaction's channel, in the home server (homeGuild). Nobody is one
// in direct messages, which have no member.
func (a *Adapter) moderator(i *discordgo.Interaction) func(context.Context) bool {
	m := i.Member
	return func(ctx context.Context) bool {
		if m == nil || i.GuildID == "" {
			return false
		}
		if slices.ContainsFunc(m.Roles, func(r string) bool { return slices.Contains(a.modRoles, r) }) {
			return true
		}
		if m.Permissions&moderatorPerms == 0 {
			return false
		}
		home, ok := a.homeGuild(ctx)
		return ok && i.GuildID == home
	}
}

// homeGuild returns the server of the moderators' channel (GET
// /channels/{id}), the operator's own, and whether it is known. Manage
// Server makes a moderator there only: the bot may be in other servers,
// whose owners have Manage Server too, and moderators read every
// community's missed questions and change the answers all of them get.
// Without a moderators' channel or a token, no server is home and only
// the members of Config.ModRoles are moderators. The answer is kept once
// Discord gives it, here or to CheckModerators.
func (a *Adapter) homeGuild(ctx context.Context) (string, bool) {
	a.homeMu.Lock()
	home := a.home
	a.homeMu.Unlock()
	if home != "" {
		return home, true
	}
	if a.session.Token == "" || a.modChannel == "" {
		return "", false
	}
	ch, err := a.modChannelInfo(ctx)
	if err != nil || ch.GuildID == "" {
		a.log.Warn("the moderators' channel's server is unknown: Manage Server makes no moderator until Discord answers", slog.Any("err", restError(err)))
		return "", false
	}
	return ch.GuildID, true
}

// modChannelInfo reads the moderators' channel (GET /channels/{id}), for
// CheckModerators and homeGuild alike, and keeps its server as the home
// one: the check at the start tells it before any command needs it.
func (a *Adapter) modChannelInfo(ctx context.Context) (*discordgo.Channel, error) {
	ctx, cancel := context.WithTimeout(ctx, restTimeout)
	defer cancel()
	ch, err := a.session.Channel(a.modChannel, discordgo.WithContext(ctx))
	if err == nil && ch.GuildID != "" {
		a.homeMu.Lock()
		a.home = ch.GuildID
		a.homeMu.Unlock()
	}
	return ch, err
}

// mention renders a Mention: a Discord user's mention, which Discord
// shows as their name without notifying them (every message the bot
// sends allows no mentions); anyone else by name.
func mention(m *bot.Mention) string {
	label := escape(m.Label) + ": "
	if m.User.Platform == bot.Discord && isSnowflake(m.User.ID) {
		return label + "<@" + m.User.ID + ">"
	}
	name := m.User.Name
	if name == "" {
		name = m.User.ID
	}
	return label + escape(name)
}

func isSnowflake(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// selects renders each Select as an action row with one string select,
// at most rows of them; its custom id carries the action and value, and
// Discord hands back the option chosen in the interaction's values.
func selects(ss []bot.Select, rows int) []discordgo.MessageComponent {
	var out []discordgo.MessageComponent
	for _, s := range ss {
		if len(out) >= rows {
			break
		}
		id, _, long := customID(s.Action, s.Value)
		if s.Action == "" || long {
			continue // a select's value is an id, never long
		}
		var opts []discordgo.SelectMenuOption
		for _, o := range s.Options {
			if len(opts) == maxSelectOptions {
				break
			}
			if o.Value == "" || utf16Len(o.Value) > maxOptionValue {
				continue
			}
			opts = append(opts, discordgo.SelectMenuOption{Label: orBlank(clip(clean(o.Label), maxOptionLabel)), Value: o.Value})
		}
		if len(opts) == 0 {
			continue
		}
		out = append(out, discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.SelectMenu{
			MenuType: discordgo.StringSelectMenu, CustomID: id,
			Placeholder: clip(clean(s.Placeholder), maxOptionLabel), Options: opts,
		}}})
	}
	return out
}

// modalResponse is the interaction response that opens m.
func modalResponse(m *bot.Modal) ([]byte, error) {
	id, _, long := customID(m.Action, m.Value)
	if long {
		return nil, errors.New("discord: a modal's value is too long for its custom id")
	}
	max := m.MaxLength
	if max <= 0 || max > maxInputText {
		max = min(bot.ModalText, maxInputText)
	}
	input := discordgo.TextInput{
		CustomID: answerInput, Label: orBlank(clip(clean(m.Label), maxInputLabel)),
		Style: discordgo.TextInputParagraph, Required: true, MaxLength: max,
		Placeholder: clip(clean(m.Placeholder), maxPlaceholder),
	}
	rows := []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{input}}}
	if len(m.Fields) > 0 {
		rows = fieldRows(m.Fields)
	}
	return encodeResponse(&discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseModal,
		Data: &discordgo.InteractionResponseData{
			CustomID:   id,
			Title:      orBlank(clip(clean(m.Title), maxModalTitle)),
			Components: rows,
		},
	})
}

// fieldRows are the text inputs of a modal of several, one row each, as
// many as Discord takes; a value longer than its input takes is cut
// there, the moderator seeing what is left to submit.
func fieldRows(fields []bot.ModalField) []discordgo.MessageComponent {
	var rows []discordgo.MessageComponent
	for _, f := range fields[:min(len(fields), bot.MaxModalFields)] {
		max := f.MaxLength
		if max <= 0 || max > maxInputText {
			max = maxInputText
		}
		style := discordgo.TextInputShort
		if f.Multiline {
			style = discordgo.TextInputParagraph
		}
		rows = append(rows, discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.TextInput{
			CustomID: f.ID, Label: orBlank(clip(clean(f.Label), maxInputLabel)), Style: style,
			Required: !f.Optional, MaxLength: max, Value: clip(f.Value, max),
			Placeholder: clip(clean(f.Placeholder), maxPlaceholder),
		}}})
	}
	return rows
}

// parseModal reads a modal's submission into the request its custom id
// names, with the text typed in Options["text"].
func parseModal(i *discordgo.Interaction, req *bot.Request, lookup func(string) (string, bool)) (*bot.Request, error) {
	data, ok := i.Data.(discordgo.ModalSubmitInteractionData)
	if !ok {
		return nil, errors.New("discord: modal submission without data")
	}
	action, value, err := decodeCustomID(data.CustomID, lookup)
	if err != nil {
		return nil, err
	}
	req.Action = action
	req.Options["value"] = value
	req.Options["text"] = modalText(data.Components)
	for id, v := range modalFields(data.Components, map[string]string{}) {
		if id != answerInput && id != "value" && id != "text" {
			req.Options[id] = v
		}
	}
	return req, nil
}

// modalFields collects the value of every text input of a modal of
// several into into, by custom id.
func modalFields(cs []discordgo.MessageComponent, into map[string]string) map[string]string {
	for _, c := range cs {
		switch v := c.(type) {
		case *discordgo.ActionsRow:
			modalFields(v.Components, into)
		case discordgo.ActionsRow:
			modalFields(v.Components, into)
		case *discordgo.TextInput:
			into[v.CustomID] = v.Value
		case discordgo.TextInput:
			into[v.CustomID] = v.Value
		}
	}
	return into
}

// modalText finds the value of the modal's text box.
func modalText(cs []discordgo.MessageComponent) string {
	for _, c := range cs {
		switch v := c.(type) {
		case *discordgo.ActionsRow:
			if t := modalText(v.Components); t != "" {
				return t
			}
		case discordgo.ActionsRow:
			if t := modalText(v.Components); t != "" {
				return t
			}
		case *discordgo.TextInput:
			if v.CustomID == answerInput {
				return v.Value
			}
		case discordgo.TextInput:
			if v.CustomID == answerInput {
				return v.Value
			}
		}
	}
	return ""
}

// PostModerators posts r to the moderators' channel and returns the
// message's id. workspace is ignored: the channel belongs to one server.
func (a *Adapter) PostModerators(ctx context.Context, workspace string, r *bot.Reply) (string, error) {
	return a.postChannel(ctx, r, "")
}

// ReplyModerators posts r as a reply to the message ref.
func (a *Adapter) ReplyModerators(ctx context.Context, workspace, ref string, r *bot.Reply) error {
	_, err := a.postChannel(ctx, r, ref)
	return err
}

func (a *Adapter) postChannel(ctx context.Context, r *bot.Reply, replyTo string) (string, error) {
	if a.session.Token == "" || a.modChannel == "" {
		return "", errors.New("discord: the moderators' channel needs AUTHORBOT_DISCORD_MOD_CHANNEL and AUTHORBOT_DISCORD_TOKEN")
	}
	ctx, cancel := context.WithTimeout(ctx, restTimeout)
	defer cancel()
	data := a.render(r)
	msg := &discordgo.MessageSend{
		Content: data.Content, Embeds: data.Embeds, Components: data.Components,
		AllowedMentions: noMentions(),
	}
	if replyTo != "" {
		msg.Reference = &discordgo.MessageReference{MessageID: replyTo, ChannelID: a.modChannel}
	}
	m, err := a.session.ChannelMessageSendComplex(a.modChannel, msg, discordgo.WithContext(ctx))
	if err != nil {
		return "", fmt.Errorf("discord: post to the moderators' channel: %w", restError(err))
	}
	return m.ID, nil
}

// CheckModerators checks that the bot can see the moderators' channel
// (GET /channels/{id}). Whether it may send messages there is the
// channel's permission overwrites' to say, which only a send shows; the
// README says which to grant.
func (a *Adapter) CheckModerators(ctx context.Context) error {
	if a.modChannel == "" {
		return errors.New("no moderators' channel set (AUTHORBOT_DISCORD_MOD_CHANNEL)")
	}
	if a.session.Token == "" {
		return errors.New("the moderators' channel needs a bot token (AUTHORBOT_DISCORD_TOKEN)")
	}
	ch, err := a.modChannelInfo(ctx)
	if err != nil {
		return fmt.Errorf("moderators' channel %s: %s", a.modChannel, strings.TrimSpace(restError(err).Error()))
	}
	if ch.Type != discordgo.ChannelTypeGuildText && ch.Type != discordgo.ChannelTypeGuildPrivateThread &&
		ch.Type != discordgo.ChannelTypeGuildPublicThread {
		return fmt.Errorf("moderators' channel %s is not a text channel", a.modChannel)
	}
	return nil
}
