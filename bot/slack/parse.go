package slack

import (
	"cmp"
	"encoding/json"
	"errors"
	"net/url"
	"strings"

	slackapi "github.com/slack-go/slack"

	"github.com/authorbot/authorbot/bot"
)

// Umbrella is the slash command that takes any command as its first word
// (/authorbot order list), for workspaces where /ask or /order is already
// taken by another app.
const Umbrella = "authorbot"

// slackNames maps the Slack name of a command to the router's, for the
// commands whose own name is one of Slack's built-in commands: Slack
// refuses a manifest that registers one (/remind), and would run its own
// command instead. The router's name still works under the umbrella
// (/authorbot remind list), as does the Slack one.
var slackNames = map[string]string{"reminders": "remind"}

// routerName returns the router's name for the slash command named name
// (without its slash): name itself, unless Slack knows it by another.
func routerName(name string) string {
	if n, ok := slackNames[name]; ok {
		return n
	}
	return name
}

// requestLocale turns a Slack user locale ("de-DE", "pt-PT", "es-LA")
// into the request's locale, which the router reads as one of its
// languages by the part before the region (de, pt, es), regions aside:
// Brazil and Portugal read Portuguese, Spain and Latin America Spanish.
// Slack's locales are standard language tags but for es-LA, Latin
// American Spanish, whose region would be Laos: it becomes es-419, as
// Discord and BCP 47 write it.
func requestLocale(slack string) string {
	l := strings.ReplaceAll(strings.TrimSpace(slack), "_", "-")
	if strings.EqualFold(l, "es-LA") {
		return "es-419"
	}
	return l
}

// Parser turns a command line in the text grammar into a request and knows
// the command tree (handlers.Router is one).
type Parser interface {
	// Parse returns a *bot.Error with code Invalid for a wrong line.
	Parse(line string) (*bot.Request, error)
	Commands() []*bot.Command
}

// commandLine turns a slash command and its text into one line of the text
// grammar: /order with "list" is "/order list". Under the umbrella command
// the text is the line as an author types it on the console, with or
// without its slash: bot.Parse decides whether it is a command or a
// question. An empty text asks for help.
func commandLine(command, text string) string {
	name := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(command), "/"))
	text = strings.TrimSpace(text)
	if name != Umbrella {
		return strings.TrimSpace("/" + routerName(name) + " " + text)
	}
	if text == "" {
		return "/help"
	}
	// "/authorbot reminders list" names reminders as Slack knows them.
	slash := strings.HasPrefix(text, "/")
	first, rest, _ := strings.Cut(strings.TrimPrefix(text, "/"), " ")
	if cmd, ok := slackNames[strings.ToLower(first)]; ok {
		text = cmd + " " + rest
		if slash {
			text = "/" + text
		}
	}
	return strings.TrimSpace(text)
}

// slashCommand reads the form Slack posts for a slash command, as
// slackapi.SlashCommandParse does, from a body already verified (that
// function reads the request body itself, which verification has consumed).
// It reads the fields straight into the struct, where url.ParseQuery would
// build a map of slices first: that map was the largest allocation of
// reading a command. It accepts and rejects exactly what ParseQuery does,
// and like url.Values.Get keeps a key's first value (FuzzSlashCommand).
func slashCommand(body []byte) (slackapi.SlashCommand, error) {
	var s slackapi.SlashCommand
	var enterpriseInstall string
	var set uint32 // which fields have their value already
	var firstErr error
	for q := string(body); q != ""; {
		var kv string
		kv, q, _ = strings.Cut(q, "&")
		if strings.Contains(kv, ";") {
			if firstErr == nil {
				firstErr = errors.New("invalid semicolon separator in query")
			}
			continue
		}
		if kv == "" {
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		k, err := url.QueryUnescape(k)
		if err != nil {
			firstErr = cmp.Or(firstErr, err)
			continue
		}
		v, err = url.QueryUnescape(v)
		if err != nil {
			firstErr = cmp.Or(firstErr, err)
			continue
		}
		i, dst := slashField(&s, &enterpriseInstall, k)
		if dst == nil || set&(1<<i) != 0 {
			continue
		}
		set |= 1 << i
		*dst = v
	}
	if firstErr != nil {
		return slackapi.SlashCommand{}, firstErr
	}
	s.IsEnterpriseInstall = enterpriseInstall == "true"
	return s, nil
}

// slashField returns the index and the place of the form field key, or nil
// for a field slash commands do not have.
func slashField(s *slackapi.SlashCommand, enterpriseInstall *string, key string) (int, *string) {
	switch key {
	case "token":
		return 0, &s.Token
	case "team_id":
		return 1, &s.TeamID
	case "team_domain":
		return 2, &s.TeamDomain
	case "enterprise_id":
		return 3, &s.EnterpriseID
	case "enterprise_name":
		return 4, &s.EnterpriseName
	case "is_enterprise_install":
		return 5, enterpriseInstall
	case "channel_id":
		return 6, &s.ChannelID
	case "channel_name":
		return 7, &s.ChannelName
	case "user_id":
		return 8, &s.UserID
	case "user_name":
		return 9, &s.UserName
	case "command":
		return 10, &s.Command
	case "text":
		return 11, &s.Text
	case "response_url":
		return 12, &s.ResponseURL
	case "trigger_id":
		return 13, &s.TriggerID
	case "api_app_id":
		return 14, &s.APIAppID
	}
	return 0, nil
}

// interactionCallback reads the form Slack posts for an interaction: one
// field, payload, holding the JSON (as slackapi.InteractionCallbackParse,
// from a body already verified).
func interactionCallback(body []byte) (slackapi.InteractionCallback, error) {
	var cb slackapi.InteractionCallback
	f, err := url.ParseQuery(string(body))
	if err != nil {
		return cb, err
	}
	payload := f.Get("payload")
	if payload == "" {
		return cb, errors.New("slack: interaction without a payload")
	}
	err = json.Unmarshal([]byte(payload), &cb)
	return cb, err
}

// parseCommand reads a slash command into a request.
func parseCommand(p Parser, s slackapi.SlashCommand) (*bot.Request, error) {
	if s.UserID == "" || s.TeamID == "" {
		// Without both, the author's data would be filed under no one.
		return nil, fail(bot.Invalid, "slack.no_sender")
	}
	req, err := p.Parse(commandLine(s.Command, s.Text))
	if err != nil {
		return nil, err
	}
	req.User = bot.User{Platform: bot.Slack, Workspace: s.TeamID, ID: s.UserID, Name: s.UserName}
	req.Channel = s.ChannelID
	return req, nil
}

// parseAction reads a button press (a block_actions interaction) into a
// request with Action set and the button's value in Options["value"].
func parseAction(cb slackapi.InteractionCallback) (*bot.Request, error) {
	if cb.Type != slackapi.InteractionTypeBlockActions || len(cb.ActionCallback.BlockActions) == 0 {
		return nil, fail(bot.Invalid, "slack.unknown_interaction")
	}
	team := cb.Team.ID
	if team == "" {
		team = cb.User.TeamID
	}
	if cb.User.ID == "" || team == "" {
		return nil, fail(bot.Invalid, "slack.no_presser")
	}
	// A click sends exactly one action: the button pressed.
	action, value, ok := parseButtonValue(actionValue(cb.ActionCallback.BlockActions[0]))
	if !ok {
		return nil, fail(bot.Invalid, "slack.button_unsupported")
	}
	// The slash command's user_name is the username; keep the same here.
	name := cb.User.Username
	if name == "" {
		name = cb.User.Name
	}
	return &bot.Request{
		User:    bot.User{Platform: bot.Slack, Workspace: team, ID: cb.User.ID, Name: name},
		Action:  action,
		Options: map[string]string{"value": value},
		Channel: cb.Channel.ID,
	}, nil
}

// usage is what a line that could not be parsed gets: its *bot.Error's
// message, written for the author.
func usage(err error) *bot.Reply {
	if msg := bot.ErrorMessage(err); msg != "" {
		return bot.Say("%s", msg)
	}
	return unreadable("")
}
