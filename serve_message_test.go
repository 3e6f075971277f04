package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

// orderNotes are what the private answer tells its presser about their
// own orders, and what a public answer must never show.
var orderNotes = []string{"Order #", "Commande #", "Moonlit", "Aunt May", "ordered 20"}

// TestDiscordMessageCommand drives "Answer with authorbot" on a message
// posted in a channel, with the real router on a real SQLite file: the
// presser, an author with an order, sees the answer privately with their
// order's note; pressing the share button posts the topic's answer as a
// reply to the message, with no one mentioned and nothing of the
// presser's orders.
func TestDiscordMessageCommand(t *testing.T) {
	d, _ := discordTestDeps(t)
	base, api := startDiscord(t, d)
	status, r := postInteraction(t, base, interaction(2, "guild-1/user-1", "en-US", slashData("order", subOption("add",
		value("quantity", 4, 10), value("marketplace", 3, "amazon.com"), value("title", 3, "Moonlit Harbour"),
		value("note", 3, "gift for Aunt May")))))
	if status != http.StatusOK || !strings.Contains(r.text(), "#1") {
		t.Fatalf("order add: status %d\n%s", status, r.text())
	}

	posted := "hi all!! ordered 10 author copies two weeks ago, where is my order?? thanks"
	status, r = postInteraction(t, base, interaction(2, "guild-1/user-1", "en-US", map[string]any{
		"id": "c-msg", "name": "Answer with authorbot", "type": 3, "target_id": "msg-42",
		"resolved": map[string]any{"messages": map[string]any{"msg-42": map[string]any{
			"id": "msg-42", "channel_id": "chan-1", "content": posted,
			"author": map[string]any{"id": "user-9", "username": "someone"},
		}}},
	}))
	if status != http.StatusOK || r.Type != 4 || r.Data.Flags != 64 {
		t.Fatalf("message command: status %d type %d flags %d, want a private answer", status, r.Type, r.Data.Flags)
	}
	if !strings.Contains(strings.ReplaceAll(r.text(), `\`, ""), "Order #1") {
		t.Errorf("private answer has no note about the presser's order:\n%s", r.text())
	}
	share := r.buttons()["Share in channel"]
	if !strings.HasPrefix(share, "b:reply:") && !strings.HasPrefix(share, "k:reply:") {
		t.Fatalf("buttons = %v, want a share button that replies in the thread", r.buttons())
	}

	status, r = postInteraction(t, base, interaction(3, "guild-1/user-1", "en-US",
		map[string]any{"custom_id": share, "component_type": 2}))
	if status != http.StatusOK || r.Type != 6 {
		t.Fatalf("share: status %d type %d, want 6 (acknowledged, private answer left as it is)", status, r.Type)
	}
	var follow struct {
		Content          string `json:"content"`
		Flags            int    `json:"flags"`
		MessageReference *struct {
			MessageID string `json:"message_id"`
			ChannelID string `json:"channel_id"`
		} `json:"message_reference"`
		AllowedMentions *struct {
			Parse       []string `json:"parse"`
			RepliedUser *bool    `json:"replied_user"`
		} `json:"allowed_mentions"`
		Embeds []json.RawMessage `json:"embeds"`
	}
	body := waitCall(t, api, "POST webhooks/app-7/")
	if err := json.Unmarshal(body, &follow); err != nil {
		t.Fatalf("follow-up is not JSON: %s", body)
	}
	if follow.Flags != 0 || follow.MessageReference == nil || follow.MessageReference.MessageID != "msg-42" || follow.MessageReference.ChannelID != "chan-1" {
		t.Errorf("follow-up flags %d reference %+v, want a public reply to msg-42 in chan-1", follow.Flags, follow.MessageReference)
	}
	if m := follow.AllowedMentions; m == nil || m.Parse == nil || len(m.Parse) != 0 || m.RepliedUser == nil || *m.RepliedUser {
		t.Errorf("allowed_mentions = %+v, want parse [] and replied_user false", m)
	}
	text := strings.ReplaceAll(string(body), `\\`, "") // JSON of Markdown escapes
	if !strings.Contains(strings.ToLower(text), "track") {
		t.Errorf("public reply is not the tracking answer:\n%s", text)
	}
	for _, s := range orderNotes {
		if strings.Contains(text, s) {
			t.Errorf("public reply shows %q of the presser's orders:\n%s", s, text)
		}
	}
}

// waitCall waits for the fake API to record a call starting with prefix
// ("METHOD path") and returns its body.
func waitCall(t *testing.T, api *fakeDiscordAPI, prefix string) []byte {
	t.Helper()
	for range 500 {
		calls, bodies := api.recorded()
		for i, c := range calls {
			if strings.HasPrefix(c, prefix) {
				return bodies[i]
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	calls, _ := api.recorded()
	t.Fatalf("no %s call; calls: %v", prefix, calls)
	return nil
}
