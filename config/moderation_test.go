package config

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestModerationSettings(t *testing.T) {
	c, err := Load([]string{"serve"}, getenv(with(slackHTTP(),
		"AUTHORBOT_SLACK_MOD_CHANNEL", "C0MODS",
		"AUTHORBOT_SLACK_MODERATORS", "U01, W02,",
		"AUTHORBOT_DISCORD_MOD_CHANNEL", "123456789012345678",
		"AUTHORBOT_DISCORD_MOD_ROLES", "111,222",
		"AUTHORBOT_GAP_RETENTION", "30d",
		"AUTHORBOT_MOD_LANG", "fr")), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	want := Moderation{SlackChannel: "C0MODS", DiscordChannel: "123456789012345678",
		SlackModerators: []string{"U01", "W02"}, DiscordRoles: []string{"111", "222"},
		GapRetention: 30 * 24 * time.Hour, Lang: "fr"}
	if diff := cmp.Diff(want, c.Mod); diff != "" {
		t.Errorf("Mod (-want +got):\n%s", diff)
	}
	c, _ = Load([]string{"console"}, getenv(nil), io.Discard)
	if c.Mod.GapRetention != 90*24*time.Hour {
		t.Errorf("default retention %v, want 90 days", c.Mod.GapRetention)
	}
}

func TestModerationProblems(t *testing.T) {
	tests := []struct{ name, value, want string }{
		{"AUTHORBOT_SLACK_MOD_CHANNEL", "#mods", "AUTHORBOT_SLACK_MOD_CHANNEL must be a channel id"},
		{"AUTHORBOT_SLACK_MODERATORS", "U01,@ann", "AUTHORBOT_SLACK_MODERATORS must list user ids"},
		{"AUTHORBOT_DISCORD_MOD_CHANNEL", "mods", "AUTHORBOT_DISCORD_MOD_CHANNEL must be a channel id"},
		{"AUTHORBOT_DISCORD_MOD_ROLES", "Moderators", "AUTHORBOT_DISCORD_MOD_ROLES must list role ids"},
		{"AUTHORBOT_GAP_RETENTION", "1h", "AUTHORBOT_GAP_RETENTION must be"},
		{"AUTHORBOT_GAP_RETENTION", "ninety", "AUTHORBOT_GAP_RETENTION must be"},
		{"AUTHORBOT_MOD_LANG", "ja", "AUTHORBOT_MOD_LANG must be one of"},
	}
	for _, tt := range tests {
		_, err := Load([]string{"serve"}, getenv(with(slackHTTP(), tt.name, tt.value)), io.Discard)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s=%s: %v; want %q", tt.name, tt.value, err, tt.want)
		}
	}
}
