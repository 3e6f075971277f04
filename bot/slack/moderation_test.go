package slack

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	slackapi "github.com/slack-go/slack"

	"github.com/authorbot/authorbot/bot"
)

// modAPI is a fake Web API for the moderators' checks: users.info says
// who is an admin, conversations.info what the channel is, auth.test
// which workspace the token is of; chat.postMessage is recorded.
type modAPI struct {
	*httptest.Server
	mu      sync.Mutex
	info    map[string]int // users.info calls by user
	channel string         // the JSON answer of conversations.info
	auth    string         // the JSON answer of auth.test
	posts   []modPost
}

// modPost is one chat.postMessage call: the token it was made with, its
// channel and its blocks.
type modPost struct{ token, channel, blocks string }

func newModAPI(t *testing.T, admins map[string]bool) *modAPI {
	f := &modAPI{info: map[string]int{}, channel: `{"ok":true,"channel":{"id":"CMODS","is_member":true}}`,
		auth: `{"ok":true,"team_id":"T1","user_id":"UBOT"}`}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		w.Header().Set("Content-Type", "application/json")
		f.mu.Lock()
		defer f.mu.Unlock()
		switch strings.TrimPrefix(r.URL.Path, "/") {
		case "users.info":
			u := r.PostForm.Get("user")
			f.info[u]++
			json.NewEncoder(w).Encode(map[string]any{"ok": true, "user": map[string]any{"id": u, "is_admin": admins[u]}})
		case "conversations.info":
			io.WriteString(w, f.channel)
		case "auth.test":
			io.WriteString(w, f.auth)
		case "chat.postMessage":
			token := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
			f.posts = append(f.posts, modPost{cmpOr(token, r.PostForm.Get("token")), r.PostForm.Get("channel"), r.PostForm.Get("blocks")})
			io.WriteString(w, `{"ok":true,"channel":"CMODS","ts":"1700000000.000001"}`)
		default:
			io.WriteString(w, `{"ok":false,"error":"unknown_method"}`)
		}
	}))
	t.Cleanup(f.Close)
	return f
}

// TestModerators checks who Slack's moderators are: the listed ids, and
// the workspace's admins by users.info, asked once in a while.
func TestModerators(t *testing.T) {
	api := newModAPI(t, map[string]bool{"UADMIN": true})
	a, _ := newTestAdapter(t, newFakeRouter(), func(c *Config) {
		c.BotToken, c.APIURL, c.Moderators = "xoxb-test", api.URL+"/", []string{"ULISTED"}
	})
	ctx := context.Background()
	user := func(id string) bot.User { return bot.User{Platform: bot.Slack, Workspace: "T1", ID: id} }
	tests := []struct {
		id   string
		want bool
	}{{"ULISTED", true}, {"UADMIN", true}, {"UMEMBER", false}, {"UADMIN", true}, {"UMEMBER", false}}
	for _, tt := range tests {
		if got := a.moderator(user(tt.id))(ctx); got != tt.want {
			t.Errorf("%s is a moderator: %v, want %v", tt.id, got, tt.want)
		}
	}
	api.mu.Lock()
	defer api.mu.Unlock()
	if api.info["ULISTED"] != 0 || api.info["UADMIN"] != 1 || api.info["UMEMBER"] != 1 {
		t.Errorf("users.info calls = %v; want none for the listed id and one for each other", api.info)
	}
	if a.moderator(bot.User{Platform: bot.Discord, ID: "ULISTED"})(ctx) {
		t.Error("a Discord user with a listed id is a Slack moderator")
	}
}

// TestModeratorsOfOtherWorkspaces checks that with the app installed in
// several workspaces, only the home workspace's admins (the bot token's,
// by auth.test) are moderators: an admin elsewhere would read every
// community's questions and change everyone's answers. Listed ids are
// moderators wherever they are.
func TestModeratorsOfOtherWorkspaces(t *testing.T) {
	api := newModAPI(t, map[string]bool{"UADMIN": true, "UOTHER": true})
	api.auth = `{"ok":false,"error":"internal_error"}`
	a, _ := newTestAdapter(t, newFakeRouter(), func(c *Config) {
		c.BotToken, c.APIURL, c.Moderators = "xoxb-test", api.URL+"/", []string{"ULISTED"}
	})
	ctx := context.Background()
	in := func(team, id string) bot.User { return bot.User{Platform: bot.Slack, Workspace: team, ID: id} }
	if a.moderator(in("T1", "UADMIN"))(ctx) {
		t.Error("an admin is a moderator while auth.test fails")
	}
	api.mu.Lock()
	api.auth = `{"ok":true,"team_id":"T1","user_id":"UBOT"}`
	api.mu.Unlock()
	for _, tt := range []struct {
		user bot.User
		want bool
	}{
		{in("T1", "UADMIN"), true},   // the home workspace's admin, once auth.test answers
		{in("T2", "UOTHER"), false},  // an admin of another workspace
		{in("T2", "ULISTED"), true},  // listed, wherever
		{in("T1", "UMEMBER"), false}, // a member
	} {
		if got := a.moderator(tt.user)(ctx); got != tt.want {
			t.Errorf("%s in %s is a moderator: %v, want %v", tt.user.ID, tt.user.Workspace, got, tt.want)
		}
	}
	api.mu.Lock()
	defer api.mu.Unlock()
	if api.info["UOTHER"] != 0 {
		t.Errorf("users.info asked %d times of another workspace's admin; want never", api.info["UOTHER"])
	}
	without, _ := newTestAdapter(t, newFakeRouter(), func(c *Config) { c.APIURL, c.Moderators = api.URL+"/", []string{"ULISTED"} })
	if without.moderator(in("T1", "UADMIN"))(ctx) || !without.moderator(in("T1", "ULISTED"))(ctx) {
		t.Error("without a bot token, only the listed ids should be moderators")
	}
}

// TestCheckModerators checks what the start and /readyz are told of the
// moderators' channel.
func TestCheckModerators(t *testing.T) {
	api := newModAPI(t, nil)
	a, _ := newTestAdapter(t, newFakeRouter(), func(c *Config) {
		c.BotToken, c.APIURL, c.ModChannel = "xoxb-test", api.URL+"/", "CMODS"
	})
	ctx := context.Background()
	if err := a.CheckModerators(ctx); err != nil {
		t.Errorf("a channel the bot is in: %v", err)
	}
	api.channel = `{"ok":true,"channel":{"id":"CMODS","is_member":false}}`
	if err := a.CheckModerators(ctx); err == nil || !strings.Contains(err.Error(), "/invite") {
		t.Errorf("a channel the bot is not in: %v", err)
	}
	api.channel = `{"ok":false,"error":"channel_not_found"}`
	if err := a.CheckModerators(ctx); err == nil || !strings.Contains(err.Error(), "channel_not_found") {
		t.Errorf("a missing channel: %v", err)
	}
	none, _ := newTestAdapter(t, newFakeRouter(), func(c *Config) { c.ModChannel = "CMODS" })
	if err := none.CheckModerators(ctx); err == nil || !strings.Contains(err.Error(), "AUTHORBOT_SLACK_BOT_TOKEN") {
		t.Errorf("without a bot token: %v", err)
	}
}

// teamTokens is the bot token of each workspace that installed the app.
type teamTokens map[string]string

func (tt teamTokens) Token(_ context.Context, team string) (string, error) { return tt[team], nil }

// TestPostModeratorsFromAnotherWorkspace checks that a handoff from a
// workspace that installed the app reaches the moderators' channel, which
// is in the home workspace: posted with the home token, and naming the
// author, whose id the home workspace does not know, instead of
// mentioning them.
func TestPostModeratorsFromAnotherWorkspace(t *testing.T) {
	api := newModAPI(t, nil)
	a, _ := newTestAdapter(t, newFakeRouter(), func(c *Config) {
		c.BotToken, c.APIURL, c.ModChannel = "xoxb-home", api.URL+"/", "CMODS"
		c.Tokens = teamTokens{"T1": "xoxb-home", "T2": "xoxb-other"}
	})
	ctx := context.Background()
	asked := func(team, id, name string) *bot.Reply {
		return &bot.Reply{Title: "Question from an author", Blocks: []bot.Block{
			&bot.Mention{Label: "Asked by", User: bot.User{Platform: bot.Slack, Workspace: team, ID: id, Name: name}}}}
	}
	if _, err := a.PostModerators(ctx, "T2", asked("T2", "U9", "ann")); err != nil {
		t.Fatalf("from another workspace: %v", err)
	}
	if _, err := a.PostModerators(ctx, "T1", asked("T1", "U1", "bob")); err != nil {
		t.Fatalf("from the home workspace: %v", err)
	}
	if err := a.ReplyModerators(ctx, "T2", "1700000000.000001", asked("T2", "U9", "ann")); err != nil {
		t.Fatalf("a reply from another workspace: %v", err)
	}
	api.mu.Lock()
	defer api.mu.Unlock()
	if len(api.posts) != 3 {
		t.Fatalf("%d posts, want 3", len(api.posts))
	}
	for i, p := range api.posts {
		if p.token != "xoxb-home" || p.channel != "CMODS" {
			t.Errorf("post %d made with %q to %q; want the home token, to CMODS", i, p.token, p.channel)
		}
	}
	for _, i := range []int{0, 2} {
		if b := api.posts[i].blocks; !strings.Contains(b, "ann (T2)") || strings.Contains(b, "@U9") {
			t.Errorf("another workspace's author is mentioned, not named: %s", b)
		}
	}
	if b := api.posts[1].blocks; !strings.Contains(b, `\u003c@U1\u003e`) { // <@U1>, as JSON escapes it
		t.Errorf("the home workspace's author is not mentioned: %s", b)
	}
}

// TestRenderModeration renders what moderators see: a mention that Slack
// links, an author's text that cannot pose as one, and the topic menus.
func TestRenderModeration(t *testing.T) {
	msg := render(&bot.Reply{
		Blocks: []bot.Block{
			&bot.Mention{Label: "Asked by", User: bot.User{Platform: bot.Slack, ID: "U1"}},
			&bot.Mention{Label: "Asked by", User: bot.User{Platform: bot.Slack, ID: "<!channel>", Name: "<!here>"}},
		},
		Selects: []bot.Select{{Action: "mod-learn", Value: "7.0", Placeholder: "Should have answered…",
			Options: []bot.SelectOption{{Label: "Cart", Value: "cart-empty"}}}},
	})
	b, _ := json.Marshal(msg)
	s := string(b)
	if !strings.Contains(s, `Asked by: \u003c@U1\u003e`) {
		t.Errorf("no mention of U1: %s", s)
	}
	if strings.Contains(s, `\u003c!here`) || strings.Contains(s, `\u003c!channel`) {
		t.Errorf("an id or name became markup: %s", s)
	}
	if !strings.Contains(s, `"type":"static_select"`) || !strings.Contains(s, `"value":"mod-learn:7.0/cart-empty"`) {
		t.Errorf("no topic menu: %s", s)
	}
}

// TestModalOfSeveralFields renders a form of several prefilled boxes as
// input blocks named by their fields, within Block Kit's limits, and reads
// each box's text back in its option.
func TestModalOfSeveralFields(t *testing.T) {
	m := &bot.Modal{Action: bot.ActionTopicForm, Value: "cart-empty/en", Title: "Edit cart-empty", Fields: []bot.ModalField{
		{ID: "title", Label: "Title", Value: "Old title"},
		{ID: "body", Label: "Answer", Value: strings.Repeat("y", 3500), Multiline: true, MaxLength: 4000},
		{ID: "caveat", Label: "Caveat", Multiline: true, Optional: true},
	}}
	view := modalView(m, `{"a":"kb-form","v":"cart-empty/en"}`)
	b, err := json.Marshal(view)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Blocks []struct {
			BlockID  string `json:"block_id"`
			Optional bool   `json:"optional"`
			Element  struct {
				ActionID     string `json:"action_id"`
				InitialValue string `json:"initial_value"`
				Multiline    bool   `json:"multiline"`
				MaxLength    int    `json:"max_length"`
			} `json:"element"`
		} `json:"blocks"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Blocks) != 3 {
		t.Fatalf("%d blocks: %s", len(got.Blocks), b)
	}
	title, body, caveat := got.Blocks[0], got.Blocks[1], got.Blocks[2]
	if title.BlockID != "title" || title.Element.ActionID != "title" || title.Element.InitialValue != "Old title" || title.Element.Multiline {
		t.Errorf("title block: %+v", title)
	}
	if !body.Element.Multiline || body.Element.MaxLength != 3000 || len([]rune(body.Element.InitialValue)) > 3000 {
		t.Errorf("body block: multiline %v, max %d, value of %d", body.Element.Multiline, body.Element.MaxLength, len([]rune(body.Element.InitialValue)))
	}
	if !caveat.Optional {
		t.Error("an optional box is required")
	}

	cb := slackapi.InteractionCallback{Type: slackapi.InteractionTypeViewSubmission, Team: slackapi.Team{ID: "T1"}, User: slackapi.User{ID: "UMOD"}}
	cb.View.PrivateMetadata = `{"a":"kb-form","v":"cart-empty/en"}`
	cb.View.State = &slackapi.ViewState{Values: map[string]map[string]slackapi.BlockAction{
		"title": {"title": {Value: "New title"}},
		"body":  {"body": {Value: "Line one.\n\n1. Step."}},
		"value": {"value": {Value: "forged"}},
	}}
	req, _, err := parseSubmission(cb)
	if err != nil {
		t.Fatal(err)
	}
	if req.Action != bot.ActionTopicForm || req.Options["value"] != "cart-empty/en" ||
		req.Options["title"] != "New title" || req.Options["body"] != "Line one.\n\n1. Step." {
		t.Errorf("submission read as %s %q", req.Action, req.Options)
	}
}
