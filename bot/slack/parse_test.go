package slack

import (
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"
	slackapi "github.com/slack-go/slack"
)

func TestCommandLine(t *testing.T) {
	cmds := newFakeRouter().Commands()
	tests := []struct{ command, text, want string }{
		{"/ask", "my cart is empty", "/ask my cart is empty"},
		{"/ask", "  spaced  ", "/ask spaced"},
		{"/order", "list", "/order list"},
		{"/help", "", "/help"},
		{"/ORDER", "list", "/order list"},
		{"/authorbot", "", "/help"},
		{"/authorbot", "order list", "/order list"},
		{"/authorbot", "/order list", "/order list"},
		{"/authorbot", "Help cart-empty", "/Help cart-empty"},
		{"/authorbot", "my cart is empty", "/ask my cart is empty"},
		{"/authorbot", "orders please", "/ask orders please"},
		{"/isbn", "979-8-12345-678-9", "/isbn 979-8-12345-678-9"},
		// Slack's own /remind cannot be registered; /reminders stands in.
		{"/reminders", "list", "/remind list"},
		{"/Reminders", "", "/remind"},
		{"/authorbot", "reminders add when:3d text:x", "/remind add when:3d text:x"},
	}
	for _, tt := range tests {
		if got := commandLine(cmds, tt.command, tt.text); got != tt.want {
			t.Errorf("commandLine(%q, %q) = %q, want %q", tt.command, tt.text, got, tt.want)
		}
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
