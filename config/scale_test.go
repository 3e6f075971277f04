package config

import (
	"bytes"
	"io"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// slackInstall is a valid setup of the Slack install, for tests to spoil
// one setting of.
func slackInstall() map[string]string {
	v := slackHTTP()
	maps.Copy(v, map[string]string{
		"AUTHORBOT_SLACK_CLIENT_ID":     "1234.5678",
		"AUTHORBOT_SLACK_CLIENT_SECRET": "client-secret-never-shown",
		"AUTHORBOT_SECRET_KEY":          strings.Repeat("0f", 32),
		"AUTHORBOT_PUBLIC_URL":          "https://bot.example.org/",
		"AUTHORBOT_SLACK_API_URL":       "https://slack.example.gov/api",
	})
	return v
}

func TestSlackInstallSettings(t *testing.T) {
	c, err := Load([]string{"serve"}, getenv(slackInstall()), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Slack.OAuth() || c.Slack.ClientID != "1234.5678" || c.Slack.ClientSecret != "client-secret-never-shown" {
		t.Errorf("Slack = %+v, want the client id and secret", c.Slack)
	}
	if c.Slack.APIURL != "https://slack.example.gov/api/" {
		t.Errorf("APIURL = %q, want the URL with a trailing slash", c.Slack.APIURL)
	}
	if c.PublicURL != "https://bot.example.org" {
		t.Errorf("PublicURL = %q, want it without the trailing slash", c.PublicURL)
	}
	if !bytes.Equal(c.SecretKey, bytes.Repeat([]byte{0x0f}, 32)) {
		t.Errorf("SecretKey = %x", c.SecretKey)
	}
}

func TestSecretKeyForms(t *testing.T) {
	want := bytes.Repeat([]byte{0xfb}, 32)
	for _, v := range []string{
		strings.Repeat("fb", 32),
		strings.Repeat("FB", 32),
		"+/v7+/v7+/v7+/v7+/v7+/v7+/v7+/v7+/v7+/v7+/s=", // base64
		"-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_s",  // base64url, unpadded
	} {
		got, problem := secretKey(v)
		if problem != "" || !bytes.Equal(got, want) {
			t.Errorf("secretKey(%q) = %x, %q; want %x", v, got, problem, want)
		}
	}
	path := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(path, []byte(strings.Repeat("fb", 32)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	vars := slackInstall()
	delete(vars, "AUTHORBOT_SECRET_KEY")
	vars["AUTHORBOT_SECRET_KEY_FILE"] = path
	c, err := Load([]string{"serve"}, getenv(vars), io.Discard)
	if err != nil || !bytes.Equal(c.SecretKey, want) {
		t.Errorf("key from a file = %x, %v", c.SecretKey, err)
	}
}

func TestScaleProblems(t *testing.T) {
	tests := []struct {
		name   string
		change map[string]string // "" deletes the setting
		want   string
	}{
		{"short key", map[string]string{"AUTHORBOT_SECRET_KEY": "abcd1234"}, "AUTHORBOT_SECRET_KEY must be 32 bytes written as 64 hex characters (make one with: openssl rand -hex 32); this one has 8 characters"},
		{"no key", map[string]string{"AUTHORBOT_SECRET_KEY": ""}, "needs AUTHORBOT_SECRET_KEY"},
		{"no client secret", map[string]string{"AUTHORBOT_SLACK_CLIENT_SECRET": ""}, "needs both AUTHORBOT_SLACK_CLIENT_ID and AUTHORBOT_SLACK_CLIENT_SECRET"},
		{"no client id", map[string]string{"AUTHORBOT_SLACK_CLIENT_ID": ""}, "needs both AUTHORBOT_SLACK_CLIENT_ID and AUTHORBOT_SLACK_CLIENT_SECRET"},
		{"no signing secret", map[string]string{"AUTHORBOT_SLACK_SIGNING_SECRET": "", "AUTHORBOT_SLACK_BOT_TOKEN": ""}, "also needs AUTHORBOT_SLACK_SIGNING_SECRET"},
		{"api url", map[string]string{"AUTHORBOT_SLACK_API_URL": "slack.com/api"}, "AUTHORBOT_SLACK_API_URL must be an http or https URL"},
		{"public url", map[string]string{"AUTHORBOT_PUBLIC_URL": "bot.example.org"}, `AUTHORBOT_PUBLIC_URL "bot.example.org" must be the bot's address`},
		{"shard id too big", map[string]string{"AUTHORBOT_DISCORD_SHARD_ID": "3", "AUTHORBOT_DISCORD_SHARD_COUNT": "3"}, `AUTHORBOT_DISCORD_SHARD_ID must be a number from 0 to 2 (AUTHORBOT_DISCORD_SHARD_COUNT less one), not "3"`},
		{"shard id negative", map[string]string{"AUTHORBOT_DISCORD_SHARD_ID": "-1", "AUTHORBOT_DISCORD_SHARD_COUNT": "3"}, "AUTHORBOT_DISCORD_SHARD_ID must be a number from 0 to 2"},
		{"shard id alone", map[string]string{"AUTHORBOT_DISCORD_SHARD_ID": "1"}, "AUTHORBOT_DISCORD_SHARD_COUNT must be the number of gateway shards, 1 or more"},
		{"shard count zero", map[string]string{"AUTHORBOT_DISCORD_SHARD_COUNT": "0"}, "AUTHORBOT_DISCORD_SHARD_COUNT must be the number of gateway shards"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vars := slackInstall()
			for k, v := range tt.change {
				if v == "" {
					delete(vars, k)
				} else {
					vars[k] = v
				}
			}
			_, err := Load([]string{"serve"}, getenv(vars), io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			for _, secret := range []string{vars["AUTHORBOT_SLACK_CLIENT_SECRET"], vars["AUTHORBOT_SECRET_KEY"]} {
				if secret != "" && strings.Contains(err.Error(), secret) {
					t.Errorf("the error repeats a secret: %v", err)
				}
			}
		})
	}
}

func TestShards(t *testing.T) {
	tests := []struct {
		id, count string
		wantID    int
		wantCount int
	}{
		{"", "", 0, 1},
		{"", "4", 0, 4},
		{"0", "1", 0, 1},
		{"3", "4", 3, 4},
	}
	for _, tt := range tests {
		vars := map[string]string{"AUTHORBOT_DISCORD_TOKEN": "tok", "AUTHORBOT_DISCORD_SHARD_ID": tt.id, "AUTHORBOT_DISCORD_SHARD_COUNT": tt.count}
		c, err := Load([]string{"serve"}, getenv(vars), io.Discard)
		if err != nil {
			t.Fatalf("id %q count %q: %v", tt.id, tt.count, err)
		}
		if c.Discord.ShardID != tt.wantID || c.Discord.ShardCount != tt.wantCount {
			t.Errorf("id %q count %q: shard %d of %d, want %d of %d", tt.id, tt.count, c.Discord.ShardID, c.Discord.ShardCount, tt.wantID, tt.wantCount)
		}
	}
}
