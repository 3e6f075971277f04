package slack

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/authorbot/authorbot/bot"
)

// TestRepliesNameSlackCommands checks that a reply naming /remind, which
// on Slack is Slack's own command, names /reminders instead, and leaves
// longer words, paths and addresses alone.
func TestRepliesNameSlackCommands(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Type /remind list to see them.", "Type /reminders list to see them."},
		{"/remind add when:3d text:x", "/reminders add when:3d text:x"},
		{"(see /remind)", "(see /reminders)"},
		{"`/remind cancel 3`", "`/reminders cancel 3`"},
		{"/reminders list", "/reminders list"},
		{"/reminder", "/reminder"},
		{"a/remind b", "a/remind b"},
		{"/order list", "/order list"},
	}
	for _, tt := range tests {
		if got := slackCommands(tt.in); got != tt.want {
			t.Errorf("slackCommands(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	msg := render(&bot.Reply{Title: "/remind", Blocks: []bot.Block{&bot.Text{Text: "Type /remind list."}}})
	js, err := json.Marshal(msg)
	if err != nil {
		t.Fatal(err)
	}
	body := string(js)
	if !strings.Contains(body, "/reminders list.") {
		t.Errorf("the rendered reply does not name /reminders: %s", body)
	}
	if strings.Contains(body, "/remind ") || strings.Contains(body, "/remind.") {
		t.Errorf("the rendered reply still names /remind: %s", body)
	}
}
