package discord

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/authorbot/authorbot/bot"
)

// memberJSON is an interaction from a member with perms and roles, as
// Discord sends it.
func memberJSON(typ int, guild, perms string, roles []string, data map[string]any) []byte {
	i := map[string]any{"id": "i1", "application_id": "app-1", "type": typ, "token": "tok", "version": 1,
		"channel_id": "chan-9", "data": data,
		"member": map[string]any{"user": map[string]any{"id": "42", "username": "ada"}, "permissions": perms, "roles": roles}}
	if guild != "" {
		i["guild_id"] = guild
	}
	b, _ := json.Marshal(i)
	return b
}

// TestModerator checks who is a moderator on Discord, through both of
// the adapter's decoders: a role of ModRoles anywhere, or Manage Server
// or Administrator in the interaction's permissions in the server of the
// moderators' channel ("g1" on the fake); nobody in DMs.
func TestModerator(t *testing.T) {
	f := newFakeDiscord(t)
	a := newGatewayAdapter(t, f, Config{ModRoles: []string{"777"}, ModChannel: "mods"})
	button := map[string]any{"custom_id": "b:mod-reply:1", "component_type": 2}
	tests := []struct {
		name, guild, perms string
		roles              []string
		want               bool
	}{
		{"Manage Server", "g1", "32", nil, true},
		{"Administrator", "g1", "8", nil, true},
		{"many permissions with Manage Server", "g1", "2199023255551", nil, true},
		{"the moderators' role", "g1", "0", []string{"555", "777"}, true},
		{"a member", "g1", "1024", []string{"555"}, false},
		{"malformed permissions", "g1", "lots", nil, false},
		{"in a DM, whatever the permissions", "", "32", nil, false},
		// The bot may be in other servers: their owners are no moderators.
		{"Manage Server in another server", "g2", "32", nil, false},
		{"Administrator in another server", "g2", "8", nil, false},
		{"the moderators' role in another server", "g2", "0", []string{"777"}, true},
	}
	for _, tt := range tests {
		body := memberJSON(3, tt.guild, tt.perms, tt.roles, button)
		for name, dec := range map[string]func([]byte) (*discordgo.Interaction, error){"quick": decodeWire, "standard": decodeStandard} {
			i, err := dec(body)
			if err != nil {
				t.Fatalf("%s: %s: %v", tt.name, name, err)
			}
			if got := a.moderator(i)(context.Background()); got != tt.want {
				t.Errorf("%s (%s decoder): moderator %v, want %v", tt.name, name, got, tt.want)
			}
			if i.ChannelID != "chan-9" {
				t.Errorf("%s (%s decoder): channel %q", tt.name, name, i.ChannelID)
			}
		}
	}
	if n := countCalls(f.wait(1), "GET", "channels/mods"); n != 1 {
		t.Errorf("the moderators' channel was read %d times; want once", n)
	}
}

// TestModeratorWithoutHome checks that without a moderators' channel, or
// while Discord does not say its server, Manage Server makes no
// moderator, and the roles of ModRoles still do.
func TestModeratorWithoutHome(t *testing.T) {
	button := map[string]any{"custom_id": "b:mod-reply:1", "component_type": 2}
	owner := memberJSON(3, "g1", "32", nil, button)
	role := memberJSON(3, "g1", "0", []string{"777"}, button)
	check := func(a *Adapter, body []byte) bool {
		i, err := decodeWire(body)
		if err != nil {
			t.Fatal(err)
		}
		return a.moderator(i)(context.Background())
	}
	none, err := New(Config{ModRoles: []string{"777"}})
	if err != nil {
		t.Fatal(err)
	}
	if check(none, owner) || !check(none, role) {
		t.Error("without a moderators' channel: Manage Server should make no moderator, the role should")
	}
	f := newFakeDiscord(t)
	f.fail("GET", "channels", http.StatusInternalServerError)
	a := newGatewayAdapter(t, f, Config{ModRoles: []string{"777"}, ModChannel: "mods"})
	if check(a, owner) {
		t.Error("Manage Server made a moderator while Discord failed to say the channel's server")
	}
	f.mu.Lock()
	delete(f.status, "GET channels")
	f.mu.Unlock()
	if !check(a, owner) {
		t.Error("Manage Server in the moderators' server made no moderator once Discord answered")
	}
}

// countCalls counts the calls to method path.
func countCalls(calls []call, method, path string) int {
	n := 0
	for _, c := range calls {
		if c.Method == method && c.Path == path {
			n++
		}
	}
	return n
}

// TestModalRoundTrip opens a modal for a reply that asks for one and
// reads its submission back.
func TestModalRoundTrip(t *testing.T) {
	b, err := (&Adapter{}).messageResponse(&bot.Reply{Modal: &bot.Modal{Action: bot.ActionModSend, Value: "12",
		Title: "Answer the author", Label: "Your answer", MaxLength: 2000}})
	if err != nil {
		t.Fatal(err)
	}
	var resp struct {
		Type int `json:"type"`
		Data struct {
			CustomID   string `json:"custom_id"`
			Components []struct {
				Components []struct {
					Type      int    `json:"type"`
					CustomID  string `json:"custom_id"`
					MaxLength int    `json:"max_length"`
				} `json:"components"`
			} `json:"components"`
		} `json:"data"`
	}
	if err := json.Unmarshal(b, &resp); err != nil {
		t.Fatal(err)
	}
	if resp.Type != 9 || len(resp.Data.Components) != 1 || resp.Data.Components[0].Components[0].Type != 4 ||
		resp.Data.Components[0].Components[0].MaxLength != 2000 {
		t.Fatalf("modal response: %s", b)
	}
	submit := memberJSON(5, "g1", "32", nil, map[string]any{"custom_id": resp.Data.CustomID,
		"components": []map[string]any{{"type": 1, "components": []map[string]any{{"type": 4, "custom_id": "text", "value": "Wrap them yourself."}}}}})
	i, err := decodeInteraction(submit)
	if err != nil {
		t.Fatal(err)
	}
	req, err := parse(i, func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	if req.Action != bot.ActionModSend || req.Option("value") != "12" || req.Option("text") != "Wrap them yourself." {
		t.Errorf("submission read as %s %v", req.Action, req.Options)
	}
}

// TestRenderSelects renders the topic menus: at most 25 options each,
// distinct custom ids, and a choice read back with the menu's value.
func TestRenderSelects(t *testing.T) {
	var opts []bot.SelectOption
	for i := range 30 {
		opts = append(opts, bot.SelectOption{Label: "Topic", Value: "t" + strings.Repeat("x", i)})
	}
	data, _ := render(&bot.Reply{Blocks: []bot.Block{&bot.Text{Text: "q"}},
		Buttons: []bot.Button{{Action: "mod-reply", Value: "3", Label: "Reply"}},
		Selects: []bot.Select{{Action: bot.ActionLearn, Value: "3.0", Options: opts}, {Action: bot.ActionLearn, Value: "3.1", Options: opts[:2]}}})
	if len(data.Components) != 3 {
		t.Fatalf("%d rows, want the buttons and two menus", len(data.Components))
	}
	first := data.Components[1].(discordgo.ActionsRow).Components[0].(discordgo.SelectMenu)
	second := data.Components[2].(discordgo.ActionsRow).Components[0].(discordgo.SelectMenu)
	if len(first.Options) != 25 || first.CustomID == second.CustomID {
		t.Errorf("menus: %d options, ids %q %q", len(first.Options), first.CustomID, second.CustomID)
	}
	choose, _ := json.Marshal(map[string]any{"id": "i2", "type": 3, "guild_id": "g1", "token": "t",
		"member": map[string]any{"user": map[string]any{"id": "42"}},
		"data":   map[string]any{"custom_id": second.CustomID, "component_type": 3, "values": []string{"cart-empty"}}})
	i, err := decodeInteraction(choose)
	if err != nil {
		t.Fatal(err)
	}
	req, err := parse(i, func(string) (string, bool) { return "", false })
	if err != nil || req.Action != bot.ActionLearn || req.Option("value") != "3.1/cart-empty" {
		t.Errorf("choice read as %+v, %v", req, err)
	}
}

// TestModalOfSeveralFields opens a form of several prefilled boxes, within
// Discord's limits, and reads each box's text back in its option.
func TestModalOfSeveralFields(t *testing.T) {
	long := strings.Repeat("x", 5000)
	var fields []bot.ModalField
	for _, id := range []string{"title", "body", "caveat", "aliases", "sources", "sixth"} {
		fields = append(fields, bot.ModalField{ID: id, Label: id, Value: "old " + id, Multiline: id != "title", Optional: id == "caveat"})
	}
	fields[1].Value = long
	b, err := (&Adapter{}).messageResponse(&bot.Reply{Modal: &bot.Modal{Action: bot.ActionTopicForm, Value: "cart-empty/en", Title: "Edit cart-empty", Fields: fields}})
	if err != nil {
		t.Fatal(err)
	}
	var resp struct {
		Data struct {
			CustomID   string `json:"custom_id"`
			Components []struct {
				Components []struct {
					CustomID  string `json:"custom_id"`
					Style     int    `json:"style"`
					Value     string `json:"value"`
					Required  bool   `json:"required"`
					MaxLength int    `json:"max_length"`
				} `json:"components"`
			} `json:"components"`
		} `json:"data"`
	}
	if err := json.Unmarshal(b, &resp); err != nil {
		t.Fatal(err)
	}
	rows := resp.Data.Components
	if len(rows) != bot.MaxModalFields {
		t.Fatalf("%d rows, want Discord's %d: %s", len(rows), bot.MaxModalFields, b)
	}
	title, body, caveat := rows[0].Components[0], rows[1].Components[0], rows[2].Components[0]
	if title.CustomID != "title" || title.Value != "old title" || title.Style != 1 || !title.Required {
		t.Errorf("title box: %+v", title)
	}
	if body.Style != 2 || body.MaxLength != 4000 || len([]rune(body.Value)) > 4000 {
		t.Errorf("body box: style %d, max %d, value of %d", body.Style, body.MaxLength, len([]rune(body.Value)))
	}
	if caveat.Required {
		t.Error("an optional box is required")
	}
	submit := memberJSON(5, "g1", "32", nil, map[string]any{"custom_id": resp.Data.CustomID,
		"components": []map[string]any{
			{"type": 1, "components": []map[string]any{{"type": 4, "custom_id": "title", "value": "New title"}}},
			{"type": 1, "components": []map[string]any{{"type": 4, "custom_id": "body", "value": "Line one.\n\n1. Step."}}},
			{"type": 1, "components": []map[string]any{{"type": 4, "custom_id": "value", "value": "forged"}}},
		}})
	i, err := decodeInteraction(submit)
	if err != nil {
		t.Fatal(err)
	}
	req, err := parse(i, func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	if req.Action != bot.ActionTopicForm || req.Options["value"] != "cart-empty/en" ||
		req.Options["title"] != "New title" || req.Options["body"] != "Line one.\n\n1. Step." {
		t.Errorf("submission read as %s %q", req.Action, req.Options)
	}
}
