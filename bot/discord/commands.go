package discord

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/authorbot/authorbot/bot"
)

// Discord's limits on registered commands.
const (
	maxNameLen        = 32
	maxDescriptionLen = 100
	maxOptions        = 25 // options or subcommands of one command
	maxCommands       = 100
)

// validName is Discord's rule for command, option and choice-less names
// (lowercase is checked apart: the rule is "lowercase where the script
// has case").
var validName = regexp.MustCompile(`^[-_\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

func nameOK(s string) bool {
	return validName.MatchString(s) && strings.ToLower(s) == s
}

// ApplicationCommands builds the slash-command tree Discord registers from
// the bot's command tree: subcommands, option types, required options
// first (Discord's rule), choices, bounds, autocomplete, names in the
// languages of Localized, and descriptions in those of Localized and of
// the table in localizations.go. A localized name Discord would refuse
// (or that would clash with another in the same language) is left out, so
// that language shows the English name. It returns an error when an
// English name or a count breaks Discord's rules: registering would fail
// anyway.
func ApplicationCommands(cmds []*bot.Command) ([]*ApplicationCommand, error) {
	if len(cmds) > maxCommands {
		return nil, fmt.Errorf("discord: %d commands; Discord allows %d", len(cmds), maxCommands)
	}
	table := tables{descriptions: descriptionTable()}
	var out []*ApplicationCommand
	var names []localNames
	for _, c := range cmds {
		opts, err := commandOptions(c, c.Name, table)
		if err != nil {
			return nil, err
		}
		nameLoc, descLoc, err := localize(c.Name, c.Description, c.Localized, table.descriptions[c.Name])
		if err != nil {
			return nil, fmt.Errorf("discord: /%s: %w", c.Name, err)
		}
		ac := &ApplicationCommand{
			Type:        discordgo.ChatApplicationCommand,
			Name:        c.Name,
			Description: describe(c.Description, c.Name),
			Options:     opts,
			// Usable in servers and in the bot's DMs (reminders are
			// discussed there), for servers that added the bot.
			Contexts:         []InteractionContext{ContextGuild, ContextBotDM},
			IntegrationTypes: []IntegrationType{GuildInstall},
		}
		if c.Moderators {
			// Discord hides it from members without Manage Server, and
			// offers it only in servers; the handlers check again.
			perms := manageServer
			ac.DefaultMemberPermissions = &perms
			ac.Contexts = []InteractionContext{ContextGuild}
		}
		if len(nameLoc) > 0 {
			ac.NameLocalizations = &nameLoc
		}
		if len(descLoc) > 0 {
			ac.DescriptionLocalizations = &descLoc
		}
		out = append(out, ac)
		names = append(names, localNames{c.Name, nameLoc})
	}
	if err := dropClashes(names); err != nil {
		return nil, fmt.Errorf("discord: commands: %w", err)
	}
	if bot.Find(cmds, "ask") != nil {
		out = append(out, messageCommand())
	}
	return out, nil
}

// messageCommand is the message command that answers a posted message
// (bot.MessageCommand), offered in the menu of every message. Discord
// hands it the message itself, so it needs no privileged intent; a
// message command has no description or options, and its name may have
// capitals and spaces.
func messageCommand() *ApplicationCommand {
	names := messageCommandNames()
	return &ApplicationCommand{
		Type:              discordgo.MessageApplicationCommand,
		Name:              bot.MessageCommand,
		NameLocalizations: &names,
		Contexts:          []InteractionContext{ContextGuild, ContextBotDM},
		IntegrationTypes:  []IntegrationType{GuildInstall},
	}
}

// ApplicationCommand is a slash command as Discord registers it. It is
// the bot's own type, not discordgo's, because the discordgo release in
// use has no contexts or integration types; its fields are the ones the
// bot sets (and the ids Discord answers with), in the order of Discord's
// documentation, so the JSON is the same as a newer discordgo would send.
type ApplicationCommand struct {
	ID                string                           `json:"id,omitempty"`
	ApplicationID     string                           `json:"application_id,omitempty"`
	GuildID           string                           `json:"guild_id,omitempty"`
	Version           string                           `json:"version,omitempty"`
	Type              discordgo.ApplicationCommandType `json:"type,omitempty"`
	Name              string                           `json:"name"`
	NameLocalizations *map[discordgo.Locale]string     `json:"name_localizations,omitempty"`
	// Contexts are where the command can be used.
	Contexts []InteractionContext `json:"contexts,omitempty"`
	// IntegrationTypes are the kinds of installation that offer it.
	IntegrationTypes         []IntegrationType                     `json:"integration_types,omitempty"`
	Description              string                                `json:"description,omitempty"`
	DescriptionLocalizations *map[discordgo.Locale]string          `json:"description_localizations,omitempty"`
	Options                  []*discordgo.ApplicationCommandOption `json:"options"`
	// DefaultMemberPermissions, when set, is the permissions a member needs
	// to see the command, as a decimal bit set in a string ("32").
	DefaultMemberPermissions *string `json:"default_member_permissions,omitempty"`
}

// manageServer is Discord's Manage Server permission (MANAGE_GUILD,
// 0x20), which the moderators' commands ask of a member.
const manageServer = "32"

// InteractionContext is where a command can be used (Discord's
// interaction context types).
type InteractionContext int

// The contexts the bot registers its commands in.
const (
	ContextGuild InteractionContext = 0 // a server's channels
	ContextBotDM InteractionContext = 1 // direct messages with the bot
)

// IntegrationType is a kind of application installation.
type IntegrationType int

// GuildInstall is an installation to a server (not to a user).
const GuildInstall IntegrationType = 0

// tables are the translations of localizations.go.
type tables struct {
	descriptions map[string]translation
}

// commandOptions builds a command's subcommands, or its options.
func commandOptions(c *bot.Command, path string, table tables) ([]*discordgo.ApplicationCommandOption, error) {
	var out []*discordgo.ApplicationCommandOption
	var names []localNames
	if len(c.Subs) > 0 {
		if len(c.Subs) > maxOptions {
			return nil, fmt.Errorf("discord: /%s has %d subcommands; Discord allows %d", path, len(c.Subs), maxOptions)
		}
		for _, s := range c.Subs {
			sp := path + " " + s.Name
			if len(s.Subs) > 0 {
				return nil, fmt.Errorf("discord: /%s: subcommand groups are not supported", sp)
			}
			opts, err := commandOptions(s, sp, table)
			if err != nil {
				return nil, err
			}
			nameLoc, descLoc, err := localize(s.Name, s.Description, s.Localized, table.descriptions[sp])
			if err != nil {
				return nil, fmt.Errorf("discord: /%s: %w", sp, err)
			}
			out = append(out, &discordgo.ApplicationCommandOption{
				Type:                     discordgo.ApplicationCommandOptionSubCommand,
				Name:                     s.Name,
				NameLocalizations:        nameLoc,
				Description:              describe(s.Description, s.Name),
				DescriptionLocalizations: descLoc,
				Options:                  opts,
			})
			names = append(names, localNames{s.Name, nameLoc})
		}
		return out, dropClashes(names)
	}
	if len(c.Options) > maxOptions {
		return nil, fmt.Errorf("discord: /%s has %d options; Discord allows %d", path, len(c.Options), maxOptions)
	}
	for _, o := range c.Options {
		opt, err := option(o, path, table)
		if err != nil {
			return nil, err
		}
		out = append(out, opt)
		names = append(names, localNames{o.Name, opt.NameLocalizations})
	}
	// Discord requires the required options before the optional ones.
	slices.SortStableFunc(out, func(a, b *discordgo.ApplicationCommandOption) int {
		return cmp.Compare(boolRank(!a.Required), boolRank(!b.Required))
	})
	return out, dropClashes(names)
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// option builds one option. Integer options are INTEGER; every other is
// STRING, as the text grammar reads them.
func option(o bot.Option, path string, table tables) (*discordgo.ApplicationCommandOption, error) {
	key := path + ":" + o.Name
	nameLoc, descLoc, err := localize(o.Name, o.Description, o.Localized, table.descriptions[key])
	if err != nil {
		return nil, fmt.Errorf("discord: /%s option %s: %w", path, o.Name, err)
	}
	opt := &discordgo.ApplicationCommandOption{
		Type:                     discordgo.ApplicationCommandOptionString,
		Name:                     o.Name,
		NameLocalizations:        nameLoc,
		Description:              describe(o.Description, o.Name),
		DescriptionLocalizations: descLoc,
		Required:                 o.Required,
		Autocomplete:             o.Autocomplete && len(o.Choices) == 0, // Discord allows one or the other
	}
	if o.Type == bot.Integer {
		opt.Type = discordgo.ApplicationCommandOptionInteger
		if o.Min != 0 || o.Max != 0 {
			lo := float64(o.Min)
			opt.MinValue = &lo
		}
		if o.Max != 0 {
			opt.MaxValue = float64(o.Max)
		}
	} else if o.MaxLength > 0 {
		opt.MaxLength = min(o.MaxLength, 6000)
	}
	if len(o.Choices) > maxChoices {
		return nil, fmt.Errorf("discord: /%s option %s has %d choices; Discord allows %d", path, o.Name, len(o.Choices), maxChoices)
	}
	for _, ch := range o.Choices {
		c := &discordgo.ApplicationCommandOptionChoice{Name: clip(ch.Name, maxChoiceText), Value: ch.Value}
		if c.Name == "" {
			c.Name = ch.Value
		}
		if opt.Type == discordgo.ApplicationCommandOptionInteger {
			n, err := strconv.ParseInt(ch.Value, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("discord: /%s option %s: choice %q is not a whole number", path, o.Name, ch.Value)
			}
			c.Value = n
		}
		c.NameLocalizations = choiceNames(ch)
		opt.Choices = append(opt.Choices, c)
	}
	return opt, nil
}

// choiceNames returns a choice's name localizations, the command tree's.
func choiceNames(ch bot.Choice) map[discordgo.Locale]string {
	names := map[discordgo.Locale]string{}
	for lang, n := range ch.Localized {
		if n = strings.TrimSpace(n); n != "" {
			for _, l := range discordLocales(lang) {
				names[l] = clip(n, maxChoiceText)
			}
		}
	}
	if len(names) == 0 {
		return nil
	}
	return names
}

// describe clips a description to Discord's 100 characters; Discord also
// refuses an empty one.
func describe(d, name string) string {
	d = strings.TrimSpace(d)
	if d == "" {
		d = name
	}
	return clip(d, maxDescriptionLen)
}

// localize returns a command's or option's name and description
// localizations: the spec's own Localized first, then the table, whose
// entry applies only while its English matches the description (a
// description rewritten in English is not shown with an old translation).
func localize(name, desc string, spec map[string]bot.Localized, t translation) (names, descs map[discordgo.Locale]string, err error) {
	if !nameOK(name) {
		return nil, nil, fmt.Errorf("name %q breaks Discord's rules (1-32 lowercase letters, digits, - or _)", name)
	}
	names = map[discordgo.Locale]string{}
	descs = map[discordgo.Locale]string{}
	t.addTo(descs, strings.TrimSpace(desc), maxDescriptionLen)
	for lang, l := range spec {
		for _, loc := range discordLocales(lang) {
			if n := strings.TrimSpace(l.Name); n != "" && n != name && nameOK(n) {
				names[loc] = n
			}
			if d := strings.TrimSpace(l.Description); d != "" {
				descs[loc] = clip(d, maxDescriptionLen)
			}
		}
	}
	if len(names) == 0 {
		names = nil
	}
	if len(descs) == 0 {
		descs = nil
	}
	return names, descs, nil
}

// discordLocales maps a language key of the command spec ("fr", "de",
// "es", "pt-BR") to the Discord locales it serves. Spanish serves both
// Spain and Latin America; English needs none (it is the default).
func discordLocales(lang string) []discordgo.Locale {
	switch strings.ToLower(lang) {
	case "es", "es-es":
		return []discordgo.Locale{discordgo.SpanishES, discordgo.SpanishLATAM}
	case "pt", "pt-br":
		return []discordgo.Locale{discordgo.PortugueseBR}
	case "sv", "sv-se":
		return []discordgo.Locale{discordgo.Swedish}
	case "en", "en-us", "en-gb", "":
		return nil
	}
	if _, ok := discordgo.Locales[discordgo.Locale(lang)]; ok {
		return []discordgo.Locale{discordgo.Locale(lang)}
	}
	return nil
}

// localNames is one name and its localizations, for the clash check.
type localNames struct {
	name string
	loc  map[discordgo.Locale]string
}

// dropClashes removes localized names that would make two names at one
// level equal in some language (Discord refuses the whole tree then), and
// reports English names that are equal.
func dropClashes(level []localNames) error {
	seen := map[string]bool{}
	for _, n := range level {
		if seen[n.name] {
			return fmt.Errorf("two options or commands are named %q", n.name)
		}
		seen[n.name] = true
	}
	locales := map[discordgo.Locale]bool{}
	for _, n := range level {
		for l := range n.loc {
			locales[l] = true
		}
	}
	for l := range locales {
		count := map[string]int{}
		for _, n := range level {
			count[effective(n, l)]++
		}
		for _, n := range level {
			if v, ok := n.loc[l]; ok && count[v] > 1 {
				delete(n.loc, l) // the map is the one in the tree
			}
		}
	}
	return nil
}

func effective(n localNames, l discordgo.Locale) string {
	if v, ok := n.loc[l]; ok {
		return v
	}
	return n.name
}

// Register replaces the application's whole command tree with cmds in one
// bulk overwrite: in one guild when guild is set (updates show at once,
// for testing), globally otherwise. Commands missing from cmds are
// deleted by Discord.
func (a *Adapter) Register(ctx context.Context, appID, guild string, cmds []*bot.Command) ([]*ApplicationCommand, error) {
	if a.session.Token == "" {
		return nil, errors.New("discord: registering commands needs the bot token")
	}
	tree, err := ApplicationCommands(cmds)
	if err != nil {
		return nil, err
	}
	// discordgo's ApplicationCommandBulkOverwrite takes its own type, which
	// would drop the contexts: the same request is made with ours.
	endpoint := discordgo.EndpointApplicationGlobalCommands(appID)
	if guild != "" {
		endpoint = discordgo.EndpointApplicationGuildCommands(appID, guild)
	}
	b, err := a.session.RequestWithBucketID(http.MethodPut, endpoint, tree, endpoint, discordgo.WithContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("discord: register commands: %w", restError(err))
	}
	var got []*ApplicationCommand
	if err := discordgo.Unmarshal(b, &got); err != nil {
		return nil, errors.New("discord: register commands: the answer is not a list of commands")
	}
	return got, nil
}

// AppID returns the id of the application the bot token belongs to.
func (a *Adapter) AppID(ctx context.Context) (string, error) {
	if a.session.Token == "" {
		return "", errors.New("discord: finding the application id needs the bot token")
	}
	var app discordgo.Application
	b, err := a.session.RequestWithBucketID("GET", discordgo.EndpointApplication("@me"), nil,
		discordgo.EndpointApplication(""), discordgo.WithContext(ctx))
	if err != nil {
		return "", fmt.Errorf("discord: read the application: %w", restError(err))
	}
	if err := discordgo.Unmarshal(b, &app); err != nil || app.ID == "" {
		return "", errors.New("discord: read the application: no id in the answer")
	}
	return app.ID, nil
}

// InviteURL is the link that adds the bot and its slash commands to a
// server. It asks for no permissions: replies go through the interaction
// itself and reminders through direct messages, which need none.
func InviteURL(appID string) string {
	return "https://discord.com/oauth2/authorize?client_id=" + url.QueryEscape(appID) + "&scope=applications.commands+bot&permissions=0"
}
