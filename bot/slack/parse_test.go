package slack

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	slackapi "github.com/slack-go/slack"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/handlers"
)

func TestCommandLine(t *testing.T) {
	tests := []struct{ command, text, want string }{
		{"/ask", "my cart is empty", "/ask my cart is empty"},
		{"/ask", "  spaced  ", "/ask spaced"},
		{"/order", "list", "/order list"},
		{"/order", "author copies - how?", "/order author copies - how?"},
		{"/help", "", "/help"},
		{"/ORDER", "list", "/order list"},
		{"/authorbot", "", "/help"},
		{"/authorbot", "  ", "/help"},
		{"/authorbot", "order list", "order list"},
		{"/authorbot", " /order list ", "/order list"},
		{"/authorbot", "order author copies - how?", "order author copies - how?"},
		{"/isbn", "979-8-12345-678-9", "/isbn 979-8-12345-678-9"},
		// Slack's own /remind cannot be registered; /reminders stands in.
		{"/reminders", "list", "/remind list"},
		{"/Reminders", "", "/remind"},
		{"/authorbot", "reminders add when:3d text:x", "remind add when:3d text:x"},
		{"/authorbot", "/reminders list", "/remind list"},
	}
	for _, tt := range tests {
		if got := commandLine(tt.command, tt.text); got != tt.want {
			t.Errorf("commandLine(%q, %q) = %q, want %q", tt.command, tt.text, got, tt.want)
		}
	}
}

// TestParseCommandLine checks what a slash command becomes: under the
// umbrella command, text without a slash runs a command only when it
// reads as one in full and is a question otherwise, as on the console;
// text with the slash, or a command of its own, is a command, and a wrong
// one gets its usage or the name it most likely meant.
func TestParseCommandLine(t *testing.T) {
	tests := []struct {
		command, text string
		name          string // the request's command; "" when refused
		option, value string // one option of the request, or part of the refusal
	}{
		{"/authorbot", "order author copies - how?", "ask", "question", "order author copies - how?"},
		{"/authorbot", "preorder for paperback?", "ask", "question", "preorder for paperback?"},
		{"/authorbot", "order add ten", "ask", "question", "order add ten"},
		{"/authorbot", "my cart is empty", "ask", "question", "my cart is empty"},
		{"/authorbot", "orders please", "ask", "question", "orders please"},
		{"/authorbot", "order list shipped", "order list", "status", "shipped"},
		{"/authorbot", "Help cart-empty", "help", "topic", "cart-empty"},
		{"/authorbot", "", "help", "", ""},
		{"/authorbot", "/order list", "order list", "", ""},
		{"/authorbot", "/order author copies - how?", "", "", "/order has no subcommand author."},
		{"/authorbot", "/oder list", "", "", "I don't know the command /oder — did you mean /order?"},
		{"/authorbot", "/hlep", "", "", "I don't know the command /hlep — did you mean /help?"},
		{"/authorbot", "/order lsit", "", "", "I don't know the command /order lsit — did you mean /order list?"},
		{"/order", "author copies - how?", "", "", "/order has no subcommand author."},
		{"/order", "lsit", "", "", "did you mean /order list?"},
		{"/ask", "order author copies - how?", "ask", "question", "order author copies - how?"},
	}
	for _, tt := range tests {
		t.Run(tt.command+" "+tt.text, func(t *testing.T) {
			req, err := parseCommand(newFakeRouter(), slackapi.SlashCommand{TeamID: "T1", UserID: "U1", Command: tt.command, Text: tt.text})
			if tt.name == "" {
				if err == nil {
					t.Fatalf("parsed as %s %v, want it refused", req.Name(), req.Options)
				}
				if msg := bot.ErrorMessage(err); !strings.Contains(msg, tt.value) {
					t.Errorf("refused with %q, want %q in it", msg, tt.value)
				}
				return
			}
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if req.Name() != tt.name {
				t.Errorf("command %s, want %s", req.Name(), tt.name)
			}
			if tt.option != "" && req.Option(tt.option) != tt.value {
				t.Errorf("%s = %q, want %q", tt.option, req.Option(tt.option), tt.value)
			}
		})
	}
}

func TestParseAction(t *testing.T) {
	cb := func(edit func(*slackapi.InteractionCallback)) slackapi.InteractionCallback {
		c := slackapi.InteractionCallback{Type: slackapi.InteractionTypeBlockActions}
		c.Team.ID = "T1"
		c.User.ID, c.User.Name, c.User.Username = "U1", "Ann Lee", "ann"
		c.ActionCallback.BlockActions = []*slackapi.BlockAction{{ActionID: "feedback-1", Value: "feedback:cart-empty|en|yes"}}
		if edit != nil {
			edit(&c)
		}
		return c
	}
	req, err := parseAction(cb(nil))
	if err != nil {
		t.Fatal(err)
	}
	if req.Action != "feedback" || req.Option("value") != "cart-empty|en|yes" || req.User.Key() != "slack:T1:U1" || req.User.Name != "ann" {
		t.Errorf("parseAction = %+v", req)
	}
	req, err = parseAction(cb(func(c *slackapi.InteractionCallback) { c.Team.ID, c.User.TeamID = "", "T9" }))
	if err != nil || req.User.Workspace != "T9" {
		t.Errorf("team from the user: %+v, %v", req, err)
	}
	for name, edit := range map[string]func(*slackapi.InteractionCallback){
		"not a button":   func(c *slackapi.InteractionCallback) { c.Type = slackapi.InteractionTypeViewSubmission },
		"no action":      func(c *slackapi.InteractionCallback) { c.ActionCallback.BlockActions = nil },
		"no user":        func(c *slackapi.InteractionCallback) { c.User.ID = "" },
		"no team":        func(c *slackapi.InteractionCallback) { c.Team.ID = "" },
		"foreign value":  func(c *slackapi.InteractionCallback) { c.ActionCallback.BlockActions[0].Value = "42" },
		"no action name": func(c *slackapi.InteractionCallback) { c.ActionCallback.BlockActions[0].Value = ":x" },
	} {
		if _, err := parseAction(cb(edit)); err == nil {
			t.Errorf("%s: parseAction accepted it", name)
		}
	}
}

// TestSlashCommandForm checks slashCommand against slack-go's own parser.
func TestSlashCommandForm(t *testing.T) {
	body := commandBody("T1", "U1", "/order", "add 5 title:\"A & B\"", "https://hooks.slack.com/commands/1") + "&enterprise_id=E1&is_enterprise_install=true"
	want, err := slackapi.SlashCommandParse(formRequest("/", body))
	if err != nil {
		t.Fatal(err)
	}
	got, err := slashCommand([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("slashCommand differs from SlashCommandParse (-want +got):\n%s", diff)
	}
	if _, err := slashCommand([]byte("%zz")); err == nil {
		t.Error("a malformed form was accepted")
	}
}

// slashCommandByQuery is the reading slashCommand replaced: url.ParseQuery,
// then each field's first value.
func slashCommandByQuery(body []byte) (slackapi.SlashCommand, error) {
	f, err := url.ParseQuery(string(body))
	if err != nil {
		return slackapi.SlashCommand{}, err
	}
	return slackapi.SlashCommand{
		Token:               f.Get("token"),
		TeamID:              f.Get("team_id"),
		TeamDomain:          f.Get("team_domain"),
		EnterpriseID:        f.Get("enterprise_id"),
		EnterpriseName:      f.Get("enterprise_name"),
		IsEnterpriseInstall: f.Get("is_enterprise_install") == "true",
		ChannelID:           f.Get("channel_id"),
		ChannelName:         f.Get("channel_name"),
		UserID:              f.Get("user_id"),
		UserName:            f.Get("user_name"),
		Command:             f.Get("command"),
		Text:                f.Get("text"),
		ResponseURL:         f.Get("response_url"),
		TriggerID:           f.Get("trigger_id"),
		APIAppID:            f.Get("api_app_id"),
	}, nil
}

// FuzzSlashCommand checks that slashCommand reads any body as ParseQuery
// would: the same fields, and an error exactly when it gives one.
func FuzzSlashCommand(f *testing.F) {
	f.Add(commandBody("T1", "U1", "/order", "add 5 title:\"A & B\"", "https://hooks.slack.com/commands/1"))
	for _, seed := range []string{"", "&&", "text=a&text=b", "text=%zz&user_id=U1", "user_id=U1;x=1", "%zz=1",
		"is_enterprise_install=true&is_enterprise_install=false", "text=a+b%20c", "=x&text", "command=%2Fask&text=%E2%80%A8"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		want, wantErr := slashCommandByQuery([]byte(body))
		got, err := slashCommand([]byte(body))
		if (err != nil) != (wantErr != nil) {
			t.Fatalf("slashCommand(%q) error %v, ParseQuery %v", body, err, wantErr)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("slashCommand(%q) (-ParseQuery +got):\n%s", body, diff)
		}
	})
}

func TestInteractionCallbackForm(t *testing.T) {
	body := actionBody("T1", "U1", "share:/help x", "https://hooks.slack.com/actions/1")
	want, err := slackapi.InteractionCallbackParse(formRequest("/", body))
	if err != nil {
		t.Fatal(err)
	}
	got, err := interactionCallback([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if got.ResponseURL != want.ResponseURL || got.User.ID != want.User.ID || got.ActionCallback.BlockActions[0].Value != want.ActionCallback.BlockActions[0].Value {
		t.Errorf("interactionCallback = %+v, want %+v", got, want)
	}
	for _, bad := range []string{"", "payload=", "payload=%7Bnot-json", "%zz"} {
		if _, err := interactionCallback([]byte(bad)); err == nil {
			t.Errorf("interactionCallback(%q) accepted", bad)
		}
	}
}

// TestRequestLocale checks what a Slack user locale becomes in the
// request: the same language tag, which the router reads by its language
// (de-DE as German, pt-PT and pt-BR as Portuguese), but for Slack's
// es-LA, whose region would be Laos, written es-419 as Discord does.
func TestRequestLocale(t *testing.T) {
	for slack, want := range map[string]string{
		"de-DE": "de-DE", "en-US": "en-US", "en-GB": "en-GB", "es-ES": "es-ES", "es-LA": "es-419",
		"fr-FR": "fr-FR", "it-IT": "it-IT", "pt-BR": "pt-BR", "pt-PT": "pt-PT", "nl-NL": "nl-NL",
		"ja-JP": "ja-JP", "ko-KR": "ko-KR", "zh-TW": "zh-TW", "": "", "es_la": "es-419", " fr-FR ": "fr-FR",
	} {
		if got := requestLocale(slack); got != want {
			t.Errorf("requestLocale(%q) = %q, want %q", slack, got, want)
		}
	}

	// As users.info gives it, for every request of that author.
	api := newFakeAPI(t, "es-LA")
	f := newFakeRouter()
	a, _ := newTestAdapter(t, f, func(c *Config) { c.BotToken = "xoxb-test"; api.use(t, c) })
	for range 2 {
		serve(a, signedRequest("/slack/commands", testSecret, time.Now(), commandBody("T1", "U1", "/ask", "carrito vacío", "")))
	}
	for _, req := range f.requests() {
		if req.Locale != "es-419" {
			t.Errorf("request has locale %q, want es-419", req.Locale)
		}
	}
}

// TestLocalizedCommands sends slash commands typed with the names of other
// languages, as the router's command tree has them: the router gets the
// request in English names, as from Discord.
func TestLocalizedCommands(t *testing.T) {
	tests := []struct{ command, text, name string }{
		{"/order", "lista entregue", "order list status=delivered"},
		{"/order", "voir numéro:3", "order show number=3"},
		{"/order", "problème 3 perdus", "order problem number=3 kind=lost"},
		{"/authorbot", "hilfe", "help"},
		{"/authorbot", "/pedido ver número:3", "order show number=3"},
		{"/authorbot", "bestelling lijst verzonden", "order list status=shipped"},
		{"/reminders", "elenco", "remind list"},
	}
	for _, tt := range tests {
		f := newFakeRouter()
		f.cmds = handlers.Commands()
		a, _ := newTestAdapter(t, f, nil)
		serve(a, signedRequest("/slack/commands", testSecret, time.Now(), commandBody("T1", "U1", tt.command, tt.text, "")))
		reqs := f.requests()
		if len(reqs) != 1 {
			t.Errorf("%s %s: %d requests, want 1", tt.command, tt.text, len(reqs))
			continue
		}
		got := reqs[0].Name()
		for _, o := range []string{"status", "number", "kind"} {
			if reqs[0].Has(o) {
				got += " " + o + "=" + reqs[0].Option(o)
			}
		}
		if got != tt.name {
			t.Errorf("%s %s = %s, want %s", tt.command, tt.text, got, tt.name)
		}
	}
}
