package config

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func getenv(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestDefaults(t *testing.T) {
	c, err := Load([]string{"console"}, getenv(nil), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.Command != "console" || c.DBPath != filepath.Join("data", "authorbot.db") || c.HTTPAddr != ":8080" || c.User != "local" {
		t.Errorf("defaults = %+v", c)
	}
}

func TestSecretFromFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(path, []byte("s3cret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Load([]string{"serve"}, getenv(map[string]string{"AUTHORBOT_SLACK_SIGNING_SECRET_FILE": path}), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.Slack.SigningSecret != "s3cret" {
		t.Errorf("signing secret = %q, want the file's trimmed content", c.Slack.SigningSecret)
	}
	_, err = Load([]string{"serve"}, getenv(map[string]string{"AUTHORBOT_SLACK_SIGNING_SECRET_FILE": path + ".missing"}), io.Discard)
	if err == nil || !strings.Contains(err.Error(), "AUTHORBOT_SLACK_SIGNING_SECRET_FILE: cannot read") {
		t.Errorf("missing secret file: %v", err)
	}
}

func TestProblems(t *testing.T) {
	tests := []struct {
		args []string
		vars map[string]string
		want string
	}{
		{[]string{"serve"}, nil, "serve has nothing to run"},
		{[]string{"discord", "register"}, nil, "discord register needs AUTHORBOT_DISCORD_TOKEN"},
		{[]string{"discord"}, nil, "usage: authorbot discord register"},
		{[]string{"fly"}, nil, `unknown command "fly"`},
		{[]string{"ask"}, nil, "ask needs a question"},
		{[]string{"ask", "--lang", "de", "hi"}, nil, "--lang must be en or fr"},
		{[]string{"serve"}, map[string]string{"AUTHORBOT_SLACK_SIGNING_SECRET": "x", "AUTHORBOT_SLACK_BOT_TOKEN": "bad"}, "must start with xoxb-"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, err := Load(tt.args, getenv(tt.vars), io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load(%v) error %v, want %q", tt.args, err, tt.want)
			}
		})
	}
}
