package discord

import (
	"cmp"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/bwmarrin/discordgo"

	"github.com/authorbot/authorbot/bot"
)

// errExpired is returned by parse for a button whose long value the
// adapter no longer remembers (after a restart, or evicted).
var errExpired = errors.New("discord: button value expired")

// parse turns a slash command or a button press into a request. lookup
// finds the value of a button whose value was too long for its custom id
// (see customID). The request's Received time is left for the caller.
func parse(i *discordgo.Interaction, lookup func(key string) (string, bool)) (*bot.Request, error) {
	user, err := interactionUser(i)
	if err != nil {
		return nil, err
	}
	req := &bot.Request{User: user, Locale: string(i.Locale), Options: map[string]string{}, Channel: i.ChannelID}
	switch i.Type {
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete:
		data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
		if !ok || data.Name == "" {
			return nil, errors.New("discord: command interaction without a command")
		}
		if data.CommandType == discordgo.MessageApplicationCommand {
			return parseMessageCommand(i, data, user)
		}
		sub, opts := leafOptions(data.Options)
		req.Command, req.Sub = data.Name, sub
		line := "/" + req.Command
		if req.Sub != "" {
			line += " " + req.Sub
		}
		for _, o := range opts {
			v := optionText(o.Value)
			req.Options[o.Name] = v
			line += " " + o.Name + ":" + quoteIfSpaced(v)
		}
		req.Line = line
		return req, nil
	case discordgo.InteractionMessageComponent:
		data, ok := i.Data.(discordgo.MessageComponentInteractionData)
		if !ok {
			return nil, errors.New("discord: component interaction without data")
		}
		action, value, err := decodeCustomID(data.CustomID, lookup)
		if err != nil {
			return nil, err
		}
		req.Action = action
		req.Options["value"] = value
		if len(data.Values) > 0 {
			// A select: its value, then the option chosen (bot.Select).
			req.Options["value"] = value + "/" + data.Values[0]
		}
		if action == bot.ActionReply && !bot.ParseReply(req) {
			return nil, fmt.Errorf("discord: malformed custom id %q", clipID(data.CustomID))
		}
		return req, nil
	case discordgo.InteractionModalSubmit:
		return parseModal(i, req, lookup)
	}
	return nil, fmt.Errorf("discord: unsupported interaction type %d", i.Type)
}

// parseMessageCommand reads the message command (bot.MessageCommand):
// the question is the text of the message it was used on, which Discord
// resolves in the interaction (with its content, which a message command
// receives without the message content intent).
func parseMessageCommand(i *discordgo.Interaction, data discordgo.ApplicationCommandInteractionData, user bot.User) (*bot.Request, error) {
	var m *discordgo.Message
	if data.Resolved != nil {
		m = data.Resolved.Messages[data.TargetID]
	}
	if m == nil || data.TargetID == "" {
		return nil, errors.New("discord: message command without its message")
	}
	channel := cmp.Or(m.ChannelID, i.ChannelID)
	req := bot.AskAbout(user, m.Content, bot.Thread{Channel: channel, Message: data.TargetID})
	req.Locale = string(i.Locale)
	req.Line = "/ask question:…" // the message's text is not the presser's to log
	return req, nil
}

// focused returns the option an autocomplete interaction asks about and
// its partial text.
func focused(i *discordgo.Interaction) (name, partial string, typ discordgo.ApplicationCommandOptionType, ok bool) {
	data, isCmd := i.Data.(discordgo.ApplicationCommandInteractionData)
	if !isCmd {
		return "", "", 0, false
	}
	_, opts := leafOptions(data.Options)
	for _, o := range opts {
		if o.Focused {
			return o.Name, optionText(o.Value), o.Type, true
		}
	}
	return "", "", 0, false
}

// leafOptions follows an interaction's subcommands down to the options
// typed, and returns the subcommand path ("add"), "" when there is none.
// Subcommand groups are not registered today; flattening them the same way
// keeps parse correct if one is added.
func leafOptions(opts []*discordgo.ApplicationCommandInteractionDataOption) (sub string, leaf []*discordgo.ApplicationCommandInteractionDataOption) {
	for len(opts) == 1 && isSub(opts[0].Type) {
		if sub == "" {
			sub = opts[0].Name
		} else {
			sub += " " + opts[0].Name
		}
		opts = opts[0].Options
	}
	return sub, opts
}

func isSub(t discordgo.ApplicationCommandOptionType) bool {
	return t == discordgo.ApplicationCommandOptionSubCommand || t == discordgo.ApplicationCommandOptionSubCommandGroup
}

// interactionUser is the author of an interaction: the member's user in a
// server, the user in a DM.
func interactionUser(i *discordgo.Interaction) (bot.User, error) {
	u, name := i.User, ""
	if i.Member != nil && i.Member.User != nil {
		u, name = i.Member.User, i.Member.Nick
	}
	if u == nil || u.ID == "" {
		return bot.User{}, errors.New("discord: interaction without a user")
	}
	if name == "" {
		name = u.GlobalName
	}
	if name == "" {
		name = u.Username
	}
	return bot.User{Platform: bot.Discord, Workspace: i.GuildID, ID: u.ID, Name: name}, nil
}

// optionText converts an option value as Discord sends it to the text
// handlers receive: integers without decimals, booleans as true/false.
func optionText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	}
	return fmt.Sprint(v)
}

func quoteIfSpaced(v string) string {
	if strings.ContainsAny(v, " \t\n") {
		return `"` + v + `"`
	}
	return v
}

// A custom id holds a button's action and value: "b:action:value" when
// that fits Discord's 100 characters, else "k:action:key" where key is a
// hash of both under which the adapter keeps the value for a while.
const (
	maxCustomID   = 100
	inlinePrefix  = "b:"
	storedPrefix  = "k:"
	keyCharacters = 22 // 132 bits of SHA-256, base64url
)

// customID encodes a button. long is true when the value must be stored
// under the returned id's key for decodeCustomID to find it.
func customID(action, value string) (id, key string, long bool) {
	id = inlinePrefix + action + ":" + value
	if utf16Len(id) <= maxCustomID {
		return id, "", false
	}
	sum := sha256.Sum256([]byte(action + "\x00" + value))
	key = base64.RawURLEncoding.EncodeToString(sum[:])[:keyCharacters]
	return storedPrefix + action + ":" + key, key, true
}

// decodeCustomID is the inverse of customID.
func decodeCustomID(id string, lookup func(key string) (string, bool)) (action, value string, err error) {
	kind, rest := id[:min(2, len(id))], id[min(2, len(id)):]
	action, value, ok := strings.Cut(rest, ":")
	if !ok || action == "" {
		return "", "", fmt.Errorf("discord: malformed custom id %q", clipID(id))
	}
	switch kind {
	case inlinePrefix:
		return action, value, nil
	case storedPrefix:
		if lookup == nil {
			return "", "", errExpired
		}
		v, ok := lookup(value)
		if !ok {
			return "", "", errExpired
		}
		return action, v, nil
	}
	return "", "", fmt.Errorf("discord: malformed custom id %q", clipID(id))
}

// clipID keeps error messages short; ids are not secret.
func clipID(id string) string {
	if len(id) > 40 {
		return id[:40] + "…"
	}
	return id
}

// utf16Len is the length Discord's limits are counted in (JavaScript
// string length); it is never less than the number of code points, so
// text within it is within either count.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r) // ranging yields U+FFFD for invalid bytes: never -1
	}
	return n
}
