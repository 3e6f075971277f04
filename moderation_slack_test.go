package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
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
	"github.com/authorbot/authorbot/bot/slack"
	"github.com/authorbot/authorbot/handlers"
	"github.com/authorbot/authorbot/ledger"
	"github.com/authorbot/authorbot/metrics"
	"github.com/authorbot/authorbot/moderation"
	"github.com/authorbot/authorbot/store"
)

// fakeSlackAPI stands in for Slack's Web API: users.info (admins and
// locales), conversations.info (the moderators' channel), chat.postMessage
// and views.open, each recorded.
type fakeSlackAPI struct {
	srv    *httptest.Server
	admins map[string]bool
	// member is whether the bot is in the moderators' channel.
	member bool

	mu    sync.Mutex
	posts []slackMessage // chat.postMessage, in order
	views []slackView    // views.open
	got   chan string    // the method of each call
	ts    int
}

type slackMessage struct {
	Channel, Thread, Text, Blocks string
}

type slackView struct {
	Trigger string
	View    struct {
		CallbackID      string `json:"callback_id"`
		PrivateMetadata string `json:"private_metadata"`
		Title           struct{ Text string }
	} `json:"view"`
}

func newFakeSlackAPI(t *testing.T) *fakeSlackAPI {
	f := &fakeSlackAPI{admins: map[string]bool{}, member: true, got: make(chan string, 64)}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		method := strings.TrimPrefix(r.URL.Path, "/")
		body, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(body))
		w.Header().Set("Content-Type", "application/json")
		f.mu.Lock()
		switch method {
		case "users.info":
			id := form.Get("user")
			json.NewEncoder(w).Encode(map[string]any{"ok": true, "user": map[string]any{
				"id": id, "locale": "en-US", "is_admin": f.admins[id]}})
		case "conversations.info":
			json.NewEncoder(w).Encode(map[string]any{"ok": true, "channel": map[string]any{
				"id": form.Get("channel"), "is_member": f.member}})
		case "auth.test":
			fmt.Fprint(w, `{"ok":true,"team_id":"T1","user_id":"UBOT"}`)
		case "chat.postMessage":
			f.ts++
			ts := fmt.Sprintf("1700000000.%06d", f.ts)
			f.posts = append(f.posts, slackMessage{Channel: form.Get("channel"), Thread: form.Get("thread_ts"),
				Text: form.Get("text"), Blocks: form.Get("blocks")})
			json.NewEncoder(w).Encode(map[string]any{"ok": true, "channel": form.Get("channel"), "ts": ts})
		case "views.open":
			var v slackView
			json.Unmarshal(body, &v)
			v.Trigger = gjson(body, "trigger_id")
			f.views = append(f.views, v)
			fmt.Fprint(w, `{"ok":true,"view":{"id":"V1"}}`)
		default:
			fmt.Fprintf(w, `{"ok":false,"error":"unknown_method"}`)
		}
		f.mu.Unlock()
		f.got <- method
	}))
	t.Cleanup(f.srv.Close)
	return f
}

// gjson reads one string member of a JSON object.
func gjson(b []byte, name string) string {
	var m map[string]any
	json.Unmarshal(b, &m)
	s, _ := m[name].(string)
	return s
}

// waitFor waits for a call of method.
func (f *fakeSlackAPI) waitFor(t *testing.T, method string) {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case m := <-f.got:
			if m == method {
				return
			}
		case <-timeout:
			t.Fatalf("Slack's %s was not called", method)
		}
	}
}

func (f *fakeSlackAPI) lastPost() slackMessage {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.posts[len(f.posts)-1]
}

func (f *fakeSlackAPI) postsTo(channel string) []slackMessage {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []slackMessage
	for _, p := range f.posts {
		if p.Channel == channel {
			out = append(out, p)
		}
	}
	return out
}

// responseHook stands in for the response URLs Slack gives with each
// interaction, and keeps what is posted to them.
type responseHook struct {
	srv  *httptest.Server
	got  chan slackReply
	mu   sync.Mutex
	last []slackReply
}

func newResponseHook(t *testing.T) *responseHook {
	h := &responseHook{got: make(chan slackReply, 16)}
	h.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var p slackReply
		json.NewDecoder(r.Body).Decode(&p)
		h.got <- p
	}))
	t.Cleanup(h.srv.Close)
	return h
}

func (h *responseHook) next(t *testing.T) slackReply {
	t.Helper()
	select {
	case p := <-h.got:
		return p
	case <-time.After(10 * time.Second):
		t.Fatal("nothing posted to the response URL")
	}
	return slackReply{}
}

// modServer is authorbot serve with Slack configured for the moderators'
// loop, its Web API pointed at api, on a SQLite file of the test's own.
func modServer(t *testing.T, api *fakeSlackAPI, dbPath string, opts ...handlers.Option) string {
	t.Helper()
	log := slog.New(slog.DiscardHandler)
	db, err := store.Open(context.Background(), dbPath, log)
	if err != nil {
		t.Fatal(err)
	}
	k, err := testKB()
	if err != nil {
		t.Fatal(err)
	}
	// This week's digest counts as sent, so that the test sees only what
	// the loop posts (TestWeeklyDigest checks the digest).
	if claim, ok, err := db.ClaimDigest(context.Background(), moderation.Week(time.Now()), time.Now(), time.Minute); err != nil || !ok {
		t.Fatalf("claim digest: %v %v", ok, err)
	} else if _, err := db.MarkDigestSent(context.Background(), moderation.Week(time.Now()), claim, time.Now()); err != nil {
		t.Fatal(err)
	}
	rc := newReach()
	var d platformDeps
	d.cfg.Slack.SigningSecret = slackTestSecret
	d.cfg.Slack.BotToken = "xoxb-test"
	d.cfg.Mod.SlackChannel = "CMODS"
	d.cfg.Mod.SlackModerators = []string{"UMOD"}
	router := handlers.New(log, k, ledger.NewService(db), db, append([]handlers.Option{moderationOf(d.cfg, db, rc),
		handlers.WithLimits(handlers.Limits{})}, opts...)...)
	d.router, d.log, d.reach, d.moderation = router, log, rc, db
	d.metrics = metrics.New(bot.RequestNames(router.Commands()))
	d.dispatch = &bot.Dispatcher{Handler: router, Log: log, Observe: d.metrics.Observe}
	d.editSlack = func(c *slack.Config) { c.APIURL = api.srv.URL + "/" }
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, d, db.Writable, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
		db.Close()
	})
	return "http://" + ln.Addr().String()
}

// pressSlack sends a block action as Slack does: a button's value, or a
// static select's chosen option.
func pressSlack(t *testing.T, base, user, responseURL string, action map[string]any) string {
	t.Helper()
	trigger := strconv.FormatInt(triggers.Add(1), 10)
	action["block_id"], action["action_ts"] = "b", strconv.FormatInt(triggers.Add(1), 10)
	payload, _ := json.Marshal(map[string]any{
		"type": "block_actions", "team": map[string]any{"id": "T1"},
		"user":         map[string]any{"id": user, "username": strings.ToLower(user), "team_id": "T1"},
		"channel":      map[string]any{"id": "C1"},
		"response_url": responseURL, "trigger_id": trigger,
		"actions": []map[string]any{action},
	})
	status, body := slackPost(t, base, "/slack/interactions", url.Values{"payload": {string(payload)}})
	if status != http.StatusOK {
		t.Fatalf("interaction: status %d: %s", status, body)
	}
	return trigger
}

func button(value string) map[string]any {
	return map[string]any{"type": "button", "action_id": "x-0", "value": value}
}

// blockValue finds, in a message's blocks, the value of the button or
// select option whose value starts with prefix.
func blockValue(t *testing.T, blocks, prefix string) string {
	t.Helper()
	i := strings.Index(blocks, `"value":"`+prefix)
	if i < 0 {
		t.Fatalf("no value %s… in %s", prefix, blocks)
	}
	rest := blocks[i+len(`"value":"`):]
	return rest[:strings.IndexByte(rest, '"')]
}

// transcript collects the loop as a person would read it.
type transcript struct {
	t     *testing.T
	lines []string
}

func (tr *transcript) add(who, what string) {
	what = strings.Join(strings.Fields(what), " ")
	if len(what) > 400 {
		what = what[:400] + "…"
	}
	tr.lines = append(tr.lines, fmt.Sprintf("%-22s %s", who+":", what))
}

// TestModerationLoopSlack runs the whole loop on Slack through authorbot
// serve, signed requests and a fake Web API: an author's question is
// declined, the author asks a moderator, a moderator who is not one is
// refused, the moderator replies in a modal, the author receives the
// answer as a direct message, the moderator teaches the topic that should
// have answered, and the same question is answered at once.
func TestModerationLoopSlack(t *testing.T) {
	api := newFakeSlackAPI(t)
	base := modServer(t, api, filepath.Join(t.TempDir(), "authorbot.db"))
	hook := newResponseHook(t)
	tr := &transcript{t: t}
	defer func() { t.Log("transcript:\n" + strings.Join(tr.lines, "\n")) }()
	const question = "can amazon gift wrap author copies for my readers"

	tr.add("author U1", "/ask "+question)
	r := slash(t, base, "T1", "U1", "/ask", question)
	tr.add("bot → U1 (private)", r.Text)
	if strings.Contains(string(r.Blocks), `"share:`) {
		t.Fatalf("the question was answered; the test needs one the bot declines: %s", r.Text)
	}
	handoff := blockValue(t, string(r.Blocks), "handoff:")
	tr.add("", "[button Ask a moderator → "+handoff+"]")

	tr.add("author U1", "presses Ask a moderator")
	pressSlack(t, base, "U1", hook.srv.URL, button(handoff))
	passed := hook.next(t)
	tr.add("bot → U1 (private)", passed.Text)
	if !strings.Contains(passed.Text, "passed your question on") {
		t.Fatalf("after Ask a moderator: %q", passed.Text)
	}
	mods := api.postsTo("CMODS")
	if len(mods) != 1 {
		t.Fatalf("%d posts to the moderators' channel, want 1", len(mods))
	}
	post := mods[0]
	post.Blocks = strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(post.Blocks)
	tr.add("bot → #mods CMODS", post.Text)
	for _, want := range []string{question, "<@U1>", "Language", "en", "mod-reply:", "mod-resolve:", "static_select", "mod-learn:"} {
		if !strings.Contains(post.Text+post.Blocks, want) {
			t.Errorf("the moderators' post lacks %q:\n%s\n%s", want, post.Text, post.Blocks)
		}
	}
	reply := blockValue(t, post.Blocks, "mod-reply:")
	learn := blockValue(t, post.Blocks, "mod-learn:"+strings.TrimPrefix(reply, "mod-reply:")+".1/shipping-options")

	tr.add("member U2", "presses Reply (not a moderator)")
	pressSlack(t, base, "U2", hook.srv.URL, button(reply))
	refused := hook.next(t)
	tr.add("bot → U2 (private)", refused.Text)
	if !strings.Contains(refused.Text, "Only the community's moderators") {
		t.Errorf("a member's Reply: %q", refused.Text)
	}

	tr.add("moderator UMOD", "presses Reply")
	trigger := pressSlack(t, base, "UMOD", hook.srv.URL, button(reply))
	api.waitFor(t, "views.open")
	api.mu.Lock()
	view := api.views[len(api.views)-1]
	api.mu.Unlock()
	tr.add("bot → UMOD", "opens the modal “"+view.View.Title.Text+"”")
	if view.Trigger != trigger || view.View.CallbackID != bot.ActionModSend {
		t.Fatalf("views.open with trigger %q, callback %q; want %q, %q", view.Trigger, view.View.CallbackID, trigger, bot.ActionModSend)
	}

	const answer = "Amazon does not gift-wrap author copies. Order them to yourself and wrap them, or send readers a gift order from the Amazon store."
	tr.add("moderator UMOD", "submits: "+answer)
	submission, _ := json.Marshal(map[string]any{
		"type": "view_submission", "team": map[string]any{"id": "T1"},
		"user": map[string]any{"id": "UMOD", "username": "mod", "team_id": "T1"},
		"view": map[string]any{"callback_id": view.View.CallbackID, "private_metadata": view.View.PrivateMetadata,
			"state": map[string]any{"values": map[string]any{"answer": map[string]any{"text": map[string]any{"type": "plain_text_input", "value": answer}}}}},
	})
	status, body := slackPost(t, base, "/slack/interactions", url.Values{"payload": {string(submission)}})
	if status != http.StatusOK || body != "" {
		t.Fatalf("view submission: status %d, body %q; want an empty 200 to close the modal", status, body)
	}
	sent := hook.next(t)
	tr.add("bot → UMOD (private)", sent.Text)
	if !strings.Contains(sent.Text, "sent to the author") {
		t.Errorf("after the submission: %q", sent.Text)
	}
	dms := api.postsTo("U1")
	if len(dms) != 1 || !strings.Contains(dms[0].Text, answer) || !strings.Contains(dms[0].Text, question) {
		t.Fatalf("direct messages to U1: %+v", dms)
	}
	tr.add("bot → U1 (DM)", dms[0].Text)
	thread := api.postsTo("CMODS")
	if len(thread) != 2 || thread[1].Thread == "" || !strings.Contains(thread[1].Blocks, `\u003c@UMOD\u003e`) {
		t.Fatalf("the answer under the moderators' post: %+v", thread)
	}
	tr.add("bot → #mods thread", thread[1].Text)

	tr.add("moderator UMOD", "presses Reply again")
	pressSlack(t, base, "UMOD", hook.srv.URL, button(reply))
	again := hook.next(t)
	tr.add("bot → UMOD (private)", again.Text)
	if !strings.Contains(again.Text, "already been answered") {
		t.Errorf("a second Reply: %q", again.Text)
	}

	tr.add("moderator UMOD", "chooses Should have answered: Shipping options")
	pressSlack(t, base, "UMOD", hook.srv.URL, map[string]any{"type": "static_select", "action_id": "mod-learn-select-0",
		"selected_option": map[string]any{"value": learn, "text": map[string]any{"type": "plain_text", "text": "x"}}})
	learned := hook.next(t)
	tr.add("bot → UMOD (private)", learned.Text)
	if !strings.Contains(learned.Text, "Learned") {
		t.Fatalf("after Should have answered: %q", learned.Text)
	}

	tr.add("author U1", "/ask "+question)
	r = slash(t, base, "T1", "U1", "/ask", question)
	tr.add("bot → U1 (private)", r.Text)
	if !strings.Contains(string(r.Blocks), `"share:shipping-options|en"`) {
		t.Fatalf("the same question after Should have answered: %s\n%s", r.Text, r.Blocks)
	}

	tr.add("moderator UMOD", "/authorbot admin handoffs")
	h := slash(t, base, "T1", "UMOD", "/authorbot", "admin handoffs")
	tr.add("bot → UMOD (private)", h.Text)
	if !strings.Contains(h.Text, "0 questions waiting") {
		t.Errorf("admin handoffs: %q", h.Text)
	}
	tr.add("moderator UMOD", "/admin gaps")
	g := slash(t, base, "T1", "UMOD", "/admin", "gaps")
	tr.add("bot → UMOD (private)", g.Text)
	if !strings.Contains(g.Text, question) {
		t.Errorf("admin gaps: %q", g.Text)
	}
}

// TestReadyzReportsModeratorsChannel starts the server with a moderators'
// channel the bot is not in: /readyz says so, in fixed words.
func TestReadyzReportsModeratorsChannel(t *testing.T) {
	api := newFakeSlackAPI(t)
	api.member = false
	base := modServer(t, api, filepath.Join(t.TempDir(), "authorbot.db"))
	resp, err := http.Get(base + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(body), "slack moderators' channel unavailable") {
		t.Errorf("/readyz: %d %s", resp.StatusCode, body)
	}
}

// BenchmarkSlackAskModerated is BenchmarkSlackCommands's /ask with the
// moderators' loop on, as serve runs it: each question is counted, and
// the learned examples' version is checked every two seconds.
func BenchmarkSlackAskModerated(b *testing.B) {
	for _, moderated := range []bool{false, true} {
		b.Run(fmt.Sprintf("moderated=%v", moderated), func(b *testing.B) {
			d, db := platformTestDeps(b)
			d.cfg.Slack.SigningSecret = slackTestSecret
			// No limits: one author asking as fast as the loop goes would
			// otherwise be told to slow down after 20 questions.
			opts := []handlers.Option{handlers.WithLimits(handlers.Limits{})}
			if moderated {
				opts = append(opts, moderationOf(d.cfg, db, newReach()))
			}
			k, _ := testKB()
			d.router = handlers.New(slog.New(slog.DiscardHandler), k, ledger.NewService(db), db, opts...)
			d.dispatch = &bot.Dispatcher{Handler: d.router, Log: d.log, Observe: d.metrics.Observe}
			ps, err := slackPlatforms(d)
			if err != nil {
				b.Fatal(err)
			}
			mux := http.NewServeMux()
			ps[0].routes(mux)
			b.ReportAllocs()
			for b.Loop() {
				body := slashForm("T1", "U1", "/ask", "my cart is empty").Encode()
				r := httptest.NewRequest(http.MethodPost, "/slack/commands", strings.NewReader(body))
				signSlack(r.Header, body)
				w := httptest.NewRecorder()
				mux.ServeHTTP(w, r)
				if w.Code != http.StatusOK {
					b.Fatalf("status %d: %s", w.Code, w.Body)
				}
			}
		})
	}
}
