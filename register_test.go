package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/authorbot/authorbot/bot/discord"
	"github.com/authorbot/authorbot/config"
	"github.com/authorbot/authorbot/handlers"
)

// TestDiscordRegister registers the router's whole command tree against
// a fake Discord: the application id comes from the token when it is not
// configured, a guild gets its own commands, and the invite link follows.
func TestDiscordRegister(t *testing.T) {
	k, err := testKB()
	if err != nil {
		t.Fatal(err)
	}
	cmds := handlers.New(handlers.Deps{KB: k}).Commands()
	want, err := discord.ApplicationCommands(cmds)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON, _ := json.Marshal(want)
	tests := []struct {
		name, appID, guild string
		calls              []string
		says               string
	}{
		{"global, id from the token", "", "", []string{"GET applications/@me", "PUT applications/app-7/commands"}, "globally"},
		{"one guild, id configured", "app-9", "guild-3", []string{"PUT applications/app-9/guilds/guild-3/commands"}, "in server guild-3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api := newFakeDiscordAPI(t)
			cfg := config.Config{Guild: tt.guild}
			cfg.Discord.Token, cfg.Discord.AppID = "tok", tt.appID
			var out bytes.Buffer
			if err := discordRegister(context.Background(), cfg, cmds, api.client(), slog.New(slog.DiscardHandler), &out); err != nil {
				t.Fatal(err)
			}
			calls, bodies := api.recorded()
			if diff := cmp.Diff(tt.calls, calls); diff != "" {
				t.Errorf("calls (-want +got):\n%s", diff)
			}
			if sent := bodies[len(bodies)-1]; !bytes.Equal(sent, wantJSON) {
				t.Errorf("the bulk overwrite is not the whole tree:\n%s", sent)
			}
			app := tt.appID
			if app == "" {
				app = "app-7"
			}
			invite := "https://discord.com/oauth2/authorize?client_id=" + app + "&scope=applications.commands+bot&permissions=0"
			if s := out.String(); !strings.Contains(s, invite) || !strings.Contains(s, tt.says) {
				t.Errorf("output:\n%s\nwant the invite %s and %q", s, invite, tt.says)
			}
		})
	}
}

// TestDiscordRegisterNeedsToken: the subcommand is wired into run and
// says what it needs before calling anyone.
func TestDiscordRegisterNeedsToken(t *testing.T) {
	_, _, err := runWith(t, []string{"discord", "register", "--guild", "1"}, map[string]string{}, "")
	if err == nil || !strings.Contains(err.Error(), "AUTHORBOT_DISCORD_TOKEN") {
		t.Errorf("err = %v, want one naming AUTHORBOT_DISCORD_TOKEN", err)
	}
}
