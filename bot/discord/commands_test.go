package discord

import (
	"context"
	"maps"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/authorbot/authorbot/bot"
)

// sampleTree has every feature the registration must carry: subcommands,
// integer bounds, choices with translations, autocomplete, max lengths,
// optional options declared before required ones, French names and
// descriptions, a Spanish description (which serves Latin America too),
// and a French name that clashes.
func sampleTree() []*bot.Command {
	fr := func(name, desc string) map[string]bot.Localized {
		return map[string]bot.Localized{"fr": {Name: name, Description: desc}}
	}
	return []*bot.Command{
		{
			Name: "ask", Description: "Ask a question about ordering author copies or proofs",
			Options: []bot.Option{{Name: "question", Description: "Your question, in English, French, German, Spanish, Italian, Portuguese or Dutch",
				Required: true, Rest: true, MaxLength: 500,
				Localized: fr("question", "Votre question, en français, anglais, allemand, espagnol, italien, portugais ou néerlandais")}},
			Localized: map[string]bot.Localized{
				"fr": {Name: "question", Description: "Posez une question sur les exemplaires d'auteur ou les épreuves"},
				"es": {Name: "pregunta", Description: "Haz una pregunta sobre cómo pedir copias de autor o de prueba"},
			},
		},
		{
			Name: "help", Description: "List the commands and topics, or show one topic",
			Options: []bot.Option{{Name: "topic", Description: "A topic id, e.g. cart-empty",
				Positional: true, Autocomplete: true, Localized: fr("sujet", "Un sujet, par ex. cart-empty")}},
			Localized: fr("aide", "Les commandes et les sujets, ou un sujet précis"),
		},
		{
			Name: "order", Description: "Keep track of your author and proof copy orders",
			Localized: fr("commande", "Suivez vos commandes d'exemplaires d'auteur et d'épreuves"),
			Subs: []*bot.Command{
				{
					Name: "add", Description: "Record an order you placed on KDP",
					Localized: fr("ajouter", "Enregistrer une commande passée sur KDP"),
					Options: []bot.Option{
						{Name: "kind", Description: "Author copies or proofs", Choices: []bot.Choice{
							{Name: "author copies", Value: "author", Localized: map[string]string{"fr": "exemplaires d'auteur", "de": "Autorenexemplare"}},
							{Name: "proofs", Value: "proof", Localized: map[string]string{"fr": "épreuves"}},
						}},
						{Name: "quantity", Description: "How many copies (1-999)", Type: bot.Integer, Required: true, Min: 1, Max: 999,
							Localized: fr("quantité", "Combien d'exemplaires (1-999)")},
						{Name: "marketplace", Description: "Where you ordered, e.g. amazon.com", Required: true, Autocomplete: true,
							Localized: fr("marketplace", "Où vous avez commandé, par ex. amazon.fr")},
						{Name: "title", Description: "The book's title", Required: true, MaxLength: 200,
							Localized: fr("Titre Du Livre", "Le titre du livre")}, // not a valid name: left out
						{Name: "copies", Description: "Copies per box", Type: bot.Integer, Choices: []bot.Choice{{Name: "ten", Value: "10"}},
							Localized: fr("quantité", "Exemplaires par carton")}, // clashes with quantity in French
					},
				},
				{
					Name: "show", Description: "Show one of your orders",
					Options: []bot.Option{{Name: "number", Description: "The order number", Type: bot.Integer, Required: true, Autocomplete: true}},
				},
			},
		},
	}
}

func TestApplicationCommandsGolden(t *testing.T) {
	tree, err := ApplicationCommands(sampleTree())
	if err != nil {
		t.Fatal(err)
	}
	checkTree(t, tree)
	golden(t, "commands-sample", indentJSON(t, tree))

	add := tree[2].Options[0]
	var order []string
	for _, o := range add.Options {
		order = append(order, o.Name)
	}
	if got, want := strings.Join(order, " "), "quantity marketplace title kind copies"; got != want {
		t.Errorf("option order = %s, want required options first: %s", got, want)
	}
	if _, ok := add.Options[2].NameLocalizations[discordgo.French]; ok {
		t.Errorf("an invalid French name was registered: %v", add.Options[2].NameLocalizations)
	}
	if _, ok := add.Options[4].NameLocalizations[discordgo.French]; ok {
		t.Errorf("a French name that clashes was registered: %v", add.Options[4].NameLocalizations)
	}
	if got := tree[0].Options[0].Options; got != nil {
		t.Errorf("ask has nested options: %v", got)
	}
	if d := (*tree[0].DescriptionLocalizations)[discordgo.SpanishLATAM]; d == "" {
		t.Error("Spanish descriptions do not serve Latin America")
	}
}

// TestLocalizationStale checks that a translation stops applying once the
// English it translates changes.
func TestLocalizationStale(t *testing.T) {
	cmds := []*bot.Command{{Name: "help", Description: "Something else entirely"}}
	tree, err := ApplicationCommands(cmds)
	if err != nil {
		t.Fatal(err)
	}
	if tree[0].DescriptionLocalizations != nil {
		t.Errorf("a stale translation was used: %v", *tree[0].DescriptionLocalizations)
	}
}

func TestApplicationCommandsErrors(t *testing.T) {
	tests := map[string][]*bot.Command{
		"capital letters": {{Name: "Ask", Description: "x"}},
		"space":           {{Name: "my order", Description: "x"}},
		"too long":        {{Name: strings.Repeat("a", 33), Description: "x"}},
		"same name":       {{Name: "a", Description: "x"}, {Name: "a", Description: "y"}},
		"text choice for a number": {{Name: "a", Description: "x", Options: []bot.Option{
			{Name: "n", Description: "x", Type: bot.Integer, Choices: []bot.Choice{{Name: "one", Value: "one"}}}}}},
		"group": {{Name: "a", Description: "x", Subs: []*bot.Command{{Name: "b", Description: "x", Subs: []*bot.Command{{Name: "c", Description: "x"}}}}}},
	}
	for name, cmds := range tests {
		if _, err := ApplicationCommands(cmds); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// checkTree checks a command tree against Discord's rules for
// registration, so that a tree the tests accept is one Discord accepts.
func checkTree(t *testing.T, tree []*ApplicationCommand) {
	t.Helper()
	if len(tree) > maxCommands {
		t.Errorf("%d commands", len(tree))
	}
	var top []localNames
	for _, c := range tree {
		if c.Type == discordgo.MessageApplicationCommand {
			checkMessageCommand(t, c)
			continue
		}
		checkNamed(t, "/"+c.Name, c.Name, c.Description, deref(c.NameLocalizations), deref(c.DescriptionLocalizations))
		top = append(top, localNames{c.Name, deref(c.NameLocalizations)})
		checkOptions(t, "/"+c.Name, c.Options)
	}
	checkUnique(t, "top level", top)
}

// checkMessageCommand checks a message command against Discord's rules
// for one: a name of 1-32 characters in any case, with spaces, in every
// language; no description and no options.
func checkMessageCommand(t *testing.T, c *ApplicationCommand) {
	t.Helper()
	names := map[discordgo.Locale]string{"en": c.Name}
	maps.Copy(names, deref(c.NameLocalizations))
	for l, n := range names {
		if n = strings.TrimSpace(n); n == "" || utf8.RuneCountInString(n) > maxNameLen {
			t.Errorf("message command %q: name in %s %q breaks Discord's rules", c.Name, l, n)
		}
	}
	if c.Description != "" || c.DescriptionLocalizations != nil || len(c.Options) > 0 {
		t.Errorf("message command %q has a description or options: Discord refuses them", c.Name)
	}
}

func deref(m *map[discordgo.Locale]string) map[discordgo.Locale]string {
	if m == nil {
		return nil
	}
	return *m
}

func checkOptions(t *testing.T, path string, opts []*discordgo.ApplicationCommandOption) {
	t.Helper()
	if len(opts) > maxOptions {
		t.Errorf("%s: %d options", path, len(opts))
	}
	var names []localNames
	optional := false
	for _, o := range opts {
		p := path + " " + o.Name
		checkNamed(t, p, o.Name, o.Description, o.NameLocalizations, o.DescriptionLocalizations)
		names = append(names, localNames{o.Name, o.NameLocalizations})
		if isSub(o.Type) {
			checkOptions(t, p, o.Options)
			continue
		}
		if o.Required && optional {
			t.Errorf("%s: required option after an optional one", p)
		}
		optional = optional || !o.Required
		if o.Autocomplete && len(o.Choices) > 0 {
			t.Errorf("%s: both choices and autocomplete", p)
		}
		if len(o.Choices) > maxChoices {
			t.Errorf("%s: %d choices", p, len(o.Choices))
		}
		for _, ch := range o.Choices {
			if n := utf16Len(ch.Name); n == 0 || n > maxChoiceText {
				t.Errorf("%s: choice name %q", p, ch.Name)
			}
			if _, isInt := ch.Value.(int64); isInt != (o.Type == discordgo.ApplicationCommandOptionInteger) {
				t.Errorf("%s: choice value %v (%T) does not fit option type %v", p, ch.Value, ch.Value, o.Type)
			}
		}
		if o.Type != discordgo.ApplicationCommandOptionString && o.MaxLength != 0 {
			t.Errorf("%s: max_length on a non-string option", p)
		}
	}
	checkUnique(t, path, names)
}

func checkNamed(t *testing.T, path, name, desc string, names, descs map[discordgo.Locale]string) {
	t.Helper()
	if !nameOK(name) {
		t.Errorf("%s: invalid name %q", path, name)
	}
	if n := utf16Len(desc); n == 0 || n > maxDescriptionLen {
		t.Errorf("%s: description is %d characters", path, n)
	}
	for l, n := range names {
		if _, ok := discordgo.Locales[l]; !ok {
			t.Errorf("%s: unknown locale %q", path, l)
		}
		if !nameOK(n) {
			t.Errorf("%s: invalid %s name %q", path, l, n)
		}
	}
	for l, d := range descs {
		if _, ok := discordgo.Locales[l]; !ok {
			t.Errorf("%s: unknown locale %q", path, l)
		}
		if n := utf16Len(d); n == 0 || n > maxDescriptionLen {
			t.Errorf("%s: %s description is %d characters", path, l, n)
		}
	}
}

func checkUnique(t *testing.T, where string, level []localNames) {
	t.Helper()
	locales := map[discordgo.Locale]bool{"": true}
	for _, n := range level {
		for l := range n.loc {
			locales[l] = true
		}
	}
	for l := range locales {
		seen := map[string]bool{}
		for _, n := range level {
			name := effective(n, l)
			if seen[name] {
				t.Errorf("%s: two names %q in locale %q", where, name, l)
			}
			seen[name] = true
		}
	}
}

func TestTableDescriptionsFit(t *testing.T) {
	for key, tr := range descriptionTable() {
		if utf16Len(tr.en) > maxDescriptionLen {
			t.Errorf("%s: English is %d characters", key, utf16Len(tr.en))
		}
		for _, l := range []discordgo.Locale{discordgo.Japanese} {
			d := tr.tr[l]
			if d == "" {
				t.Errorf("%s: no %s description", key, l)
			}
			if utf16Len(d) > maxDescriptionLen {
				t.Errorf("%s: %s description is %d characters, over %d: %q", key, l, utf16Len(d), maxDescriptionLen, d)
			}
		}
	}
}

func TestRegister(t *testing.T) {
	f := newFakeDiscord(t)
	a, err := New(Config{Token: "tok", Client: f.client()})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	app, err := a.AppID(ctx)
	if err != nil || app != "app-1" {
		t.Fatalf("AppID = %q, %v", app, err)
	}
	for _, guild := range []string{"guild-9", ""} {
		got, err := a.Register(ctx, app, guild, sampleTree())
		if err != nil {
			t.Fatal(err)
		}
		// The sample's three slash commands and the message command.
		if len(got) != 4 {
			t.Errorf("registered %d commands, want 4", len(got))
		}
	}
	calls := f.recorded()
	want := []string{"GET applications/@me", "PUT applications/app-1/guilds/guild-9/commands", "PUT applications/app-1/commands"}
	if len(calls) != len(want) {
		t.Fatalf("calls = %v, want %v", calls, want)
	}
	for i, c := range calls {
		if c.Method+" "+c.Path != want[i] {
			t.Errorf("call %d = %s %s, want %s", i, c.Method, c.Path, want[i])
		}
		if c.Auth != "Bot tok" {
			t.Errorf("call %d authorization = %q, want the bot token", i, c.Auth)
		}
	}
	if len(calls[1].List) != 4 {
		t.Errorf("bulk overwrite sent %d commands, want the whole tree", len(calls[1].List))
	}
}

func TestRegisterNeedsToken(t *testing.T) {
	a, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Register(context.Background(), "app", "", sampleTree()); err == nil {
		t.Error("Register without a token succeeded")
	}
	if _, err := a.AppID(context.Background()); err == nil {
		t.Error("AppID without a token succeeded")
	}
}

func TestInviteURL(t *testing.T) {
	want := "https://discord.com/oauth2/authorize?client_id=123&scope=applications.commands+bot&permissions=0"
	if got := InviteURL("123"); got != want {
		t.Errorf("InviteURL = %s, want %s", got, want)
	}
}
