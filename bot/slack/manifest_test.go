package slack

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/handlers"
)

// slackBuiltins are the names of Slack's own slash commands, old and new
// (Slack's help article "Use built-in slash commands", and the names Slack
// refuses in an app manifest). A manifest that registers one is refused
// whole, and in a workspace the built-in would win anyway.
var slackBuiltins = []string{
	"active", "apps", "archive", "away", "call", "clear", "close", "collapse",
	"dm", "dnd", "expand", "feed", "feedback", "huddle", "invite",
	"invite_people", "join", "keys", "kick", "leave", "me", "msg", "mute",
	"open", "part", "prefs", "pro", "remind", "remove", "rename", "search",
	"shortcuts", "shrug", "star", "status", "topic", "who", "workflows",
}

// manifest is what the tests read of an app manifest.
type manifest struct {
	Features struct {
		SlashCommands []struct {
			Command, URL, Description string
			UsageHint                 string `yaml:"usage_hint"`
		} `yaml:"slash_commands"`
	}
	OAuth struct {
		Scopes struct{ Bot []string }
	} `yaml:"oauth_config"`
	Settings struct {
		Interactivity struct {
			Enabled    bool   `yaml:"is_enabled"`
			RequestURL string `yaml:"request_url"`
		}
		SocketMode *bool `yaml:"socket_mode_enabled"`
	}
}

func readManifest(t *testing.T, name string) manifest {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "deploy", name))
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := yaml.Unmarshal(raw, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

// botScopes are the scopes the adapter's Web API calls need, each for
// the methods named; no more, as Slack asks an admin to approve each.
var botScopes = []string{
	"commands",      // the slash commands
	"chat:write",    // chat.postMessage (Notify)
	"users:read",    // users.info (the author's locale)
	"im:write",      // conversations.open (the DM a data export goes to)
	"files:write",   // files.getUploadURLExternal, files.completeUploadExternal
	"channels:read", // conversations.info (the moderators' channel, checked at start)
	"groups:read",   // conversations.info for a private moderators' channel
}

// fixedDate is a calendar date written into a text that outlives it.
var fixedDate = regexp.MustCompile(`\b(19|20)\d\d-\d\d-\d\d\b`)

// TestManifests checks both app manifests against the command table and
// against each other: every command of the router is declared, under a
// name Slack accepts, with the router's description; every declared
// command reaches a router command; both ask for the same scopes, only
// those the code uses; each is set for its mode.
func TestManifests(t *testing.T) {
	cmds := handlers.Commands()
	byName := map[string]manifest{
		"slack-manifest.yaml":        readManifest(t, "slack-manifest.yaml"),
		"slack-manifest-socket.yaml": readManifest(t, "slack-manifest-socket.yaml"),
	}
	declared := map[string][]string{} // manifest -> its commands
	for name, m := range byName {
		socket := name == "slack-manifest-socket.yaml"
		reached := map[string]bool{}
		for _, c := range m.Features.SlashCommands {
			declared[name] = append(declared[name], c.Command)
			slash := strings.TrimPrefix(c.Command, "/")
			if slices.Contains(slackBuiltins, slash) {
				t.Errorf("%s: %s is one of Slack's built-in commands", name, c.Command)
			}
			if slash != strings.ToLower(slash) || len(slash) > 32 || !strings.HasPrefix(c.Command, "/") {
				t.Errorf("%s: %q is not a name Slack accepts", name, c.Command)
			}
			wantURL := "https://YOUR-HOST/slack/commands"
			if socket {
				wantURL = ""
			}
			if fixedDate.MatchString(c.UsageHint) {
				t.Errorf("%s: %s: the usage hint %q names a date, which goes stale", name, c.Command, c.UsageHint)
			}
			if c.URL != wantURL || c.Description == "" || c.UsageHint == "" {
				t.Errorf("%s: %s: url %q (want %q), description %q, usage hint %q", name, c.Command, c.URL, wantURL, c.Description, c.UsageHint)
			}
			if slash == Umbrella {
				continue
			}
			cmd := bot.Find(cmds, routerName(slash))
			if cmd == nil {
				t.Errorf("%s: %s reaches no command of the router", name, c.Command)
				continue
			}
			reached[cmd.Name] = true
			if c.Description != cmd.Description {
				t.Errorf("%s: %s says %q, the command table %q", name, c.Command, c.Description, cmd.Description)
			}
		}
		for _, c := range cmds {
			if !reached[c.Name] {
				t.Errorf("%s: no slash command reaches %s", name, c.Name)
			}
		}
		if !slices.Contains(declared[name], "/"+Umbrella) {
			t.Errorf("%s: /%s is not declared", name, Umbrella)
		}
		if diff := cmp.Diff(botScopes, m.OAuth.Scopes.Bot); diff != "" {
			t.Errorf("%s: bot scopes (-want +got):\n%s", name, diff)
		}
		wantInteractivity := "https://YOUR-HOST/slack/interactions"
		if socket {
			wantInteractivity = ""
		}
		if !m.Settings.Interactivity.Enabled || m.Settings.Interactivity.RequestURL != wantInteractivity {
			t.Errorf("%s: interactivity = %+v", name, m.Settings.Interactivity)
		}
		if m.Settings.SocketMode == nil || *m.Settings.SocketMode != socket {
			t.Errorf("%s: socket_mode_enabled should be there, and %v", name, socket)
		}
	}
	if diff := cmp.Diff(declared["slack-manifest.yaml"], declared["slack-manifest-socket.yaml"]); diff != "" {
		t.Errorf("the two manifests declare different commands (-http +socket):\n%s", diff)
	}
}
