package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/handlers"
	"github.com/authorbot/authorbot/ledger"
	"github.com/authorbot/authorbot/metrics"
	"github.com/authorbot/authorbot/store"
)

// fakeDiscordREST stands in for Discord's REST API where the bot token is
// used: opening a DM, posting a message, reading a channel. It answers as
// Discord does and records each message posted.
type fakeDiscordREST struct {
	srv *httptest.Server
	mu  sync.Mutex
	n   int
	// messages are the messages posted, with the channel they went to.
	messages []discordMessage
}

type discordMessage struct {
	Channel string
	Body    struct {
		Content string `json:"content"`
		Embeds  []struct {
			Title       string `json:"title"`
			Description string `json:"description"`
			Fields      []struct{ Name, Value string }
		} `json:"embeds"`
		Components []struct {
			Components []struct {
				Type     int    `json:"type"`
				Label    string `json:"label"`
				CustomID string `json:"custom_id"`
				Options  []struct{ Label, Value string }
			} `json:"components"`
		} `json:"components"`
		Reference *struct {
			MessageID string `json:"message_id"`
		} `json:"message_reference"`
		AllowedMentions *struct {
			Parse []string `json:"parse"`
		} `json:"allowed_mentions"`
	}
}

func (m discordMessage) text() string {
	s := m.Body.Content
	for _, e := range m.Body.Embeds {
		s += " " + e.Title + " " + e.Description
		for _, f := range e.Fields {
			s += " " + f.Name + ": " + f.Value
		}
	}
	return s
}

func newFakeDiscordREST(t *testing.T) *fakeDiscordREST {
	f := &fakeDiscordREST{}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path := strings.TrimPrefix(r.URL.Path, "/api/v9/")
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		f.mu.Lock()
		defer f.mu.Unlock()
		f.n++
		switch {
		case r.Method == http.MethodPost && path == "users/@me/channels":
			var v struct {
				Recipient string `json:"recipient_id"`
			}
			json.Unmarshal(body, &v)
			fmt.Fprintf(w, `{"id":"dm-%s","type":1}`, v.Recipient)
		case r.Method == http.MethodPost && strings.HasPrefix(path, "channels/") && strings.HasSuffix(path, "/messages"):
			m := discordMessage{Channel: strings.TrimSuffix(strings.TrimPrefix(path, "channels/"), "/messages")}
			json.Unmarshal(body, &m.Body)
			f.messages = append(f.messages, m)
			fmt.Fprintf(w, `{"id":"%d","channel_id":"%s"}`, 5000+f.n, m.Channel)
		case r.Method == http.MethodGet && strings.HasPrefix(path, "channels/"):
			fmt.Fprintf(w, `{"id":"%s","type":0,"guild_id":"guild-1"}`, strings.TrimPrefix(path, "channels/"))
		default:
			w.WriteHeader(http.StatusNoContent)
		}
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeDiscordREST) client() *http.Client {
	target, _ := url.Parse(f.srv.URL)
	return &http.Client{Timeout: 10 * time.Second, Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if r.URL.Host != "discord.com" {
			return nil, fmt.Errorf("test tried to reach %s", r.URL.Host)
		}
		r = r.Clone(r.Context())
		r.URL.Scheme, r.URL.Host, r.Host = target.Scheme, target.Host, ""
		return http.DefaultTransport.RoundTrip(r)
	})}
}

func (f *fakeDiscordREST) to(channel string) []discordMessage {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []discordMessage
	for _, m := range f.messages {
		if m.Channel == channel {
			out = append(out, m)
		}
	}
	return out
}

// memberInteraction is an interaction from a server member with the
// permissions (a decimal bit set) and roles Discord computed for them.
func memberInteraction(typ int, user, perms string, roles []string, data map[string]any) []byte {
	id := strconv.FormatInt(interactionIDs.Add(1), 10)
	b, _ := json.Marshal(map[string]any{
		"id": "i" + id, "application_id": "app-7", "type": typ, "token": "tok" + id, "version": 1,
		"locale": "en-US", "channel_id": "100", "guild_id": "guild-1", "data": data,
		"member": map[string]any{"user": map[string]any{"id": user, "username": "user-" + user},
			"permissions": perms, "roles": roles},
	})
	return b
}

// modResponse is an interaction response, modals included.
type modResponse struct {
	Type int `json:"type"`
	Data struct {
		Content    string `json:"content"`
		CustomID   string `json:"custom_id"`
		Title      string `json:"title"`
		Flags      int    `json:"flags"`
		Components []struct {
			Components []struct {
				Type     int    `json:"type"`
				Label    string `json:"label"`
				CustomID string `json:"custom_id"`
			} `json:"components"`
		} `json:"components"`
		Embeds []struct {
			Title       string `json:"title"`
			Description string `json:"description"`
		} `json:"embeds"`
	} `json:"data"`
}

func (r modResponse) text() string {
	s := r.Data.Content
	for _, e := range r.Data.Embeds {
		s += " " + e.Title + " " + e.Description
	}
	return s
}

func (r modResponse) button(label string) string {
	for _, row := range r.Data.Components {
		for _, c := range row.Components {
			if c.Label == label {
				return c.CustomID
			}
		}
	}
	return ""
}

func postModInteraction(t *testing.T, base string, body []byte) modResponse {
	t.Helper()
	resp, err := http.DefaultClient.Do(signedInteraction(t, base, body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out modResponse
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("interaction: status %d", resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("response is not JSON: %v", err)
	}
	return out
}

// TestModerationLoopDiscord runs the whole loop on Discord through POST
// /discord/interactions, signed with the application's key, and a fake
// REST API: decline, ask a moderator, a member without the rights
// refused, the moderator (by role) replies in a modal, the author gets
// the answer as a DM, another moderator (by Manage Server) picks the
// topic that should have answered, and the same question is answered.
func TestModerationLoopDiscord(t *testing.T) {
	log := slog.New(slog.DiscardHandler)
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "authorbot.db"), log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	k, err := testKB()
	if err != nil {
		t.Fatal(err)
	}
	rest := newFakeDiscordREST(t)
	rc := newReach()
	var d platformDeps
	pub, _ := discordKey()
	d.cfg.Discord.PublicKey = fmt.Sprintf("%x", pub)
	d.cfg.Discord.Token = "bot-token"
	d.cfg.Mod.DiscordChannel, d.cfg.Mod.DiscordRoles = "900", []string{"777"}
	router := handlers.New(log, k, ledger.NewService(db), db, moderationOf(d.cfg, db, rc), handlers.WithLimits(handlers.Limits{}))
	d.router, d.log = router, log
	d.metrics = metrics.New(bot.RequestNames(router.Commands()))
	d.dispatch = &bot.Dispatcher{Handler: router, Log: log, Observe: d.metrics.Observe}
	ps, err := discordPlatformsWith(d, rest.client())
	if err != nil {
		t.Fatal(err)
	}
	rc.set(ps)
	if err := ps[0].moderators.CheckModerators(context.Background()); err != nil {
		t.Fatalf("the moderators' channel: %v", err)
	}
	mux := http.NewServeMux()
	ps[0].routes(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base := srv.URL

	tr := &transcript{t: t}
	defer func() { t.Log("transcript:\n" + strings.Join(tr.lines, "\n")) }()
	const question = "can amazon gift wrap author copies for my readers"
	ask := func() modResponse {
		return postModInteraction(t, base, memberInteraction(2, "111", "0", nil, slashData("ask", value("question", 3, question))))
	}

	tr.add("author 111", "/ask question:"+question)
	r := ask()
	tr.add("bot → 111 (private)", r.text())
	handoff := r.button("Ask a moderator")
	if handoff == "" || r.Data.Flags != 64 {
		t.Fatalf("no Ask a moderator button on a private decline: %+v", r)
	}
	tr.add("", "[button Ask a moderator]")

	tr.add("author 111", "presses Ask a moderator")
	r = postModInteraction(t, base, memberInteraction(3, "111", "0", nil, map[string]any{"custom_id": handoff, "component_type": 2}))
	tr.add("bot → 111 (private)", r.text())
	if !strings.Contains(r.text(), "passed your question on") {
		t.Fatalf("after Ask a moderator: %q", r.text())
	}
	posts := rest.to("900")
	if len(posts) != 1 {
		t.Fatalf("%d posts to the moderators' channel, want 1", len(posts))
	}
	post := posts[0]
	tr.add("bot → #mods 900", post.text())
	if !strings.Contains(post.text(), question) || !strings.Contains(post.text(), "<@111>") {
		t.Errorf("the moderators' post: %s", post.text())
	}
	if post.Body.AllowedMentions == nil || len(post.Body.AllowedMentions.Parse) != 0 {
		t.Errorf("the moderators' post may ping: %+v", post.Body.AllowedMentions)
	}
	var reply, learn string
	for _, row := range post.Body.Components {
		for _, c := range row.Components {
			switch {
			case c.Label == "Reply":
				reply = c.CustomID
			case c.Type == 3:
				for _, o := range c.Options {
					if o.Value == "shipping-options" {
						learn = c.CustomID
					}
				}
				if len(c.Options) > 25 {
					t.Errorf("a select of %d options; Discord takes 25", len(c.Options))
				}
			}
		}
	}
	if reply == "" || learn == "" {
		t.Fatalf("no Reply button or no shipping-options in the selects: %+v", post.Body.Components)
	}

	tr.add("member 222", "presses Reply (no Manage Server, no moderators' role)")
	r = postModInteraction(t, base, memberInteraction(3, "222", "0", []string{"555"}, map[string]any{"custom_id": reply, "component_type": 2}))
	tr.add("bot → 222 (private)", r.text())
	if !strings.Contains(r.text(), "Only the community's moderators") {
		t.Errorf("a member's Reply: %q", r.text())
	}

	tr.add("moderator 333", "presses Reply (role 777)")
	r = postModInteraction(t, base, memberInteraction(3, "333", "0", []string{"777"}, map[string]any{"custom_id": reply, "component_type": 2}))
	if r.Type != 9 || r.Data.CustomID == "" {
		t.Fatalf("Reply by a moderator: response type %d, want 9 (a modal): %+v", r.Type, r)
	}
	tr.add("bot → 333", "opens the modal “"+r.Data.Title+"”")

	const answer = "Amazon does not gift-wrap author copies. Order them to yourself and wrap them, or send readers a gift order from the Amazon store."
	tr.add("moderator 333", "submits: "+answer)
	r = postModInteraction(t, base, memberInteraction(5, "333", "0", []string{"777"}, map[string]any{
		"custom_id":  r.Data.CustomID,
		"components": []map[string]any{{"type": 1, "components": []map[string]any{{"type": 4, "custom_id": "text", "value": answer}}}},
	}))
	tr.add("bot → 333 (private)", r.text())
	if !strings.Contains(r.text(), "sent to the author") {
		t.Errorf("after the submission: %q", r.text())
	}
	dms := rest.to("dm-111")
	if len(dms) != 1 || !strings.Contains(dms[0].text(), answer) {
		t.Fatalf("direct messages to 111: %+v", dms)
	}
	tr.add("bot → 111 (DM)", dms[0].text())
	posts = rest.to("900")
	if len(posts) != 2 || posts[1].Body.Reference == nil || !strings.Contains(posts[1].text(), "<@333>") {
		t.Fatalf("the answer under the moderators' post: %+v", posts)
	}
	tr.add("bot → #mods (reply)", posts[1].text())

	tr.add("moderator 444", "chooses Should have answered: Shipping options (Manage Server)")
	r = postModInteraction(t, base, memberInteraction(3, "444", "32", nil, map[string]any{
		"custom_id": learn, "component_type": 3, "values": []string{"shipping-options"}}))
	tr.add("bot → 444 (private)", r.text())
	if !strings.Contains(r.text(), "Learned") {
		t.Fatalf("after Should have answered: %q", r.text())
	}

	tr.add("author 111", "/ask question:"+question)
	r = ask()
	tr.add("bot → 111 (private)", r.text())
	if !strings.Contains(r.text(), "shipping options") {
		t.Fatalf("the same question after Should have answered: %q", r.text())
	}

	tr.add("member 222", "/admin handoffs (no Manage Server)")
	r = postModInteraction(t, base, memberInteraction(2, "222", "0", nil, slashData("admin", subOption("handoffs"))))
	tr.add("bot → 222 (private)", r.text())
	if !strings.Contains(r.text(), "Only the community's moderators") {
		t.Errorf("/admin by a member: %q", r.text())
	}
	tr.add("moderator 444", "/admin stats")
	r = postModInteraction(t, base, memberInteraction(2, "444", "32", nil, slashData("admin", subOption("stats"))))
	tr.add("bot → 444 (private)", r.text())
	if !strings.Contains(r.text(), "Questions, last 7 days") {
		t.Errorf("/admin stats: %q", r.text())
	}
}
