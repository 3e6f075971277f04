package handlers

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/moderation"
	"github.com/authorbot/authorbot/store"
)

// fakeReach is a platform's moderators' channel and direct messages,
// recording what is posted.
type fakeReach struct {
	mu    sync.Mutex
	posts []*bot.Reply
	under []string // refs of the notes posted under posts
	dms   []bot.User
	fail  error // returned by PostModerators when set
}

func (f *fakeReach) Moderators(p bot.Platform) bot.Moderators {
	if p == bot.Console {
		return nil
	}
	return f
}

func (f *fakeReach) Notifier(p bot.Platform) bot.Notifier {
	if p == bot.Console {
		return nil
	}
	return f
}

func (f *fakeReach) PostModerators(_ context.Context, _ string, r *bot.Reply) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		return "", f.fail
	}
	f.posts = append(f.posts, r)
	return "ref-" + string(rune('0'+len(f.posts))), nil
}

func (f *fakeReach) ReplyModerators(_ context.Context, _, ref string, _ *bot.Reply) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.under = append(f.under, ref)
	return nil
}

func (f *fakeReach) CheckModerators(context.Context) error { return nil }

func (f *fakeReach) Notify(_ context.Context, u bot.User, _ *bot.Reply) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.dms = append(f.dms, u)
	return nil
}

// modRig is a router with the moderators' loop on its own database.
type modRig struct {
	*rig
	reach *fakeReach
}

func newModRig(t *testing.T, db *store.DB, opts ...Option) *modRig {
	t.Helper()
	if db == nil {
		db = testDB(t)
	}
	f := &fakeReach{}
	g := &rig{db: db, now: time.Date(2026, 11, 22, 15, 0, 0, 0, time.UTC)}
	all := append([]Option{WithClock(func() time.Time { return g.now }), WithLimits(Limits{}),
		WithModeration(Moderation{Gaps: db, Handoffs: db, Examples: db, Reach: f})}, opts...)
	g.r = testRouter(t, db, all...)
	return &modRig{rig: g, reach: f}
}

var (
	author  = bot.User{Platform: bot.Slack, Workspace: "T1", ID: "U1", Name: "ada"}
	other   = bot.User{Platform: bot.Slack, Workspace: "T1", ID: "U2", Name: "bob"}
	modUser = bot.User{Platform: bot.Slack, Workspace: "T1", ID: "UMOD", Name: "mod"}
)

const unknownQuestion = "can amazon gift wrap author copies for my readers"

// asMod presses action as the modUser, whose platform says they are one.
func (g *modRig) asMod(u bot.User, action, value string, opts map[string]string) (*bot.Reply, error) {
	o := map[string]string{"value": value}
	for k, v := range opts {
		o[k] = v
	}
	return g.r.Handle(context.Background(), &bot.Request{User: u, Action: action, Options: o,
		Moderator: func(context.Context) bool { return u == modUser }})
}

// handoffValue is the value of the Ask a modUser button of r, or "".
func handoffValue(r *bot.Reply) string {
	for _, b := range r.Buttons {
		if b.Action == bot.ActionHandoff {
			return b.Value
		}
	}
	return ""
}

// TestDeclineKeepsGapAndOffersHandoff checks that a declined question is
// kept with its language, guesses and channel, and offered to the
// moderators; an answered one is counted but not kept.
func TestDeclineKeepsGapAndOffersHandoff(t *testing.T) {
	g := newModRig(t, nil)
	ctx := context.Background()
	req, _ := g.r.Parse("/ask " + unknownQuestion)
	req.User, req.Channel = author, "C1"
	reply, err := g.r.Handle(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	v := handoffValue(reply)
	if v == "" {
		t.Fatalf("no Ask a modUser under the decline: %+v", reply.Buttons)
	}
	gaps, err := g.db.Gaps(ctx, g.now.Add(-time.Hour))
	if err != nil || len(gaps) != 1 {
		t.Fatalf("gaps = %+v, %v; want one", gaps, err)
	}
	gp := gaps[0]
	if gp.Question != unknownQuestion || gp.Lang != "en" || gp.Kind != moderation.Declined || gp.Channel != "C1" ||
		gp.Platform != "slack" || gp.Workspace != "T1" || len(gp.Guesses) == 0 || gp.User != author.Key() {
		t.Errorf("gap = %+v", gp)
	}
	g.ok(t, author, "", "/ask my cart is empty")
	if gaps, _ := g.db.Gaps(ctx, g.now.Add(-time.Hour)); len(gaps) != 1 {
		t.Errorf("an answered question was kept as a gap: %+v", gaps)
	}
	// Counts are written every countEvery, not on each question.
	if s, _ := g.db.Stats(ctx, g.now.AddDate(0, 0, -1)); s.Asked != 0 {
		t.Errorf("a question was written at once: %+v", s)
	}
	g.now = g.now.Add(countEvery)
	g.ok(t, other, "", "/ask my cart is empty")
	s, err := g.db.Stats(ctx, g.now.AddDate(0, 0, -1))
	if err != nil || s.Asked != 3 || s.Answered != 2 {
		t.Errorf("stats = %+v, %v; want 3 asked, 2 answered", s, err)
	}
	// The console has no moderators' channel: no button there.
	console := bot.User{Platform: bot.Console, ID: "local"}
	if r, _ := g.run(console, "", "/ask "+unknownQuestion); handoffValue(r) != "" {
		t.Error("the console offers Ask a modUser with no channel to post to")
	}
}

// TestHandoff passes a question on, and checks what moderators see, who
// may pass it on, and the limit on floods.
func TestHandoff(t *testing.T) {
	g := newModRig(t, nil)
	g.r.mod.handoffs = newLimiter(Limits{Commands: Rate{Burst: 2, Every: time.Hour}})
	ctx := context.Background()
	ask := func(u bot.User) string {
		r, err := g.run(u, "", "/ask "+unknownQuestion)
		if err != nil {
			t.Fatal(err)
		}
		return handoffValue(r)
	}
	v := ask(author)
	if _, err := press(g.rig, other, "", bot.ActionHandoff, v); bot.ErrorCode(err) != bot.NotFound {
		t.Errorf("another author passed on someone's question: %v", err)
	}
	if len(g.reach.posts) != 0 {
		t.Fatal("posted for the wrong author")
	}
	reply, err := press(g.rig, author, "", bot.ActionHandoff, v)
	if err != nil || !strings.Contains(bot.PlainText(reply), "passed your question on") {
		t.Fatalf("handoff: %v %v", reply, err)
	}
	post := bot.PlainText(g.reach.posts[0])
	for _, want := range []string{unknownQuestion, "Language: en", "Asked by: ada", "Closest topics"} {
		if !strings.Contains(post, want) {
			t.Errorf("the moderators' post lacks %q:\n%s", want, post)
		}
	}
	h, err := g.db.Handoff(ctx, 1)
	if err != nil || h.Status != moderation.Open || h.Message != "ref-1" {
		t.Errorf("handoff = %+v, %v", h, err)
	}
	// A second, then a flood.
	if _, err := press(g.rig, author, "", bot.ActionHandoff, ask(author)); err != nil {
		t.Fatal(err)
	}
	_, err = press(g.rig, author, "", bot.ActionHandoff, ask(author))
	if bot.ErrorCode(err) != bot.Invalid || !strings.Contains(bot.ErrorMessage(err), "try again in 60 minutes") {
		t.Errorf("the third handoff in a row: %v; want to wait", err)
	}
	if len(g.reach.posts) != 2 {
		t.Errorf("%d posts, want 2", len(g.reach.posts))
	}
}

// TestHandoffNeverCarriesOrders checks that the post to moderators has
// nothing of the author's orders.
func TestHandoffNeverCarriesOrders(t *testing.T) {
	g := newModRig(t, nil)
	g.ok(t, author, "", "/order add 25 amazon.com Moonlit Harbour Tales")
	r, _ := g.run(author, "", "/ask can I get my Moonlit order gift wrapped")
	if _, err := press(g.rig, author, "", bot.ActionHandoff, handoffValue(r)); err != nil {
		t.Fatal(err)
	}
	post := bot.PlainText(g.reach.posts[0])
	if strings.Contains(post, "amazon.com") || strings.Contains(post, "#1") || strings.Contains(post, "25") {
		t.Errorf("the post shows the author's order:\n%s", post)
	}
}

// TestModeratorActions answers, resolves and teaches, and checks who may.
func TestModeratorActions(t *testing.T) {
	g := newModRig(t, nil)
	ctx := context.Background()
	r, _ := g.run(author, "", "/ask "+unknownQuestion)
	if _, err := press(g.rig, author, "", bot.ActionHandoff, handoffValue(r)); err != nil {
		t.Fatal(err)
	}
	for _, action := range []string{bot.ActionModReply, bot.ActionModSend, bot.ActionResolve, bot.ActionLearn, bot.ActionUnlearn} {
		if _, err := g.asMod(author, action, "1", map[string]string{"text": "x"}); bot.ErrorCode(err) != bot.Forbidden {
			t.Errorf("%s by an author: %v; want forbidden", action, err)
		}
	}
	reply, err := g.asMod(modUser, bot.ActionModReply, "1", nil)
	if err != nil || reply.Modal == nil || reply.Modal.Action != bot.ActionModSend || reply.Modal.Value != "1" {
		t.Fatalf("Reply: %+v, %v; want a modal", reply, err)
	}
	if _, err := g.asMod(modUser, bot.ActionModSend, "1", map[string]string{"text": "  "}); bot.ErrorCode(err) != bot.Invalid {
		t.Errorf("an empty answer: %v", err)
	}
	if _, err := g.asMod(modUser, bot.ActionModSend, "1", map[string]string{"text": "Wrap them yourself."}); err != nil {
		t.Fatal(err)
	}
	if len(g.reach.dms) != 1 || g.reach.dms[0].ID != "U1" || len(g.reach.under) != 1 {
		t.Errorf("dms %+v, notes under %+v", g.reach.dms, g.reach.under)
	}
	for _, action := range []string{bot.ActionModReply, bot.ActionModSend, bot.ActionResolve} {
		_, err := g.asMod(modUser, action, "1", map[string]string{"text": "again"})
		if bot.ErrorCode(err) != bot.Conflict || !strings.Contains(bot.ErrorMessage(err), "already been answered") {
			t.Errorf("%s on an answered handoff: %v", action, err)
		}
	}
	if len(g.reach.dms) != 1 {
		t.Error("a second answer reached the author")
	}
	h, _ := g.db.Handoff(ctx, 1)
	if h.Status != moderation.Answered || h.Answer != "Wrap them yourself." || h.ClosedBy != "UMOD" {
		t.Errorf("handoff = %+v", h)
	}

	// Should have answered, then undo.
	learned, err := g.asMod(modUser, bot.ActionLearn, "1.1/shipping-options", nil)
	if err != nil || len(learned.Buttons) != 1 || learned.Buttons[0].Action != bot.ActionUnlearn {
		t.Fatalf("learn: %+v, %v", learned, err)
	}
	if got := g.ok(t, author, "", "/ask "+unknownQuestion); !strings.Contains(got, "shipping options") {
		t.Errorf("after learning: %s", got)
	}
	if _, err := g.asMod(modUser, bot.ActionUnlearn, learned.Buttons[0].Value, nil); err != nil {
		t.Fatal(err)
	}
	if got := g.ok(t, author, "", "/ask "+unknownQuestion); strings.Contains(got, "shipping options") {
		t.Errorf("after undo, still: %s", got)
	}
	if _, err := g.asMod(modUser, bot.ActionUnlearn, learned.Buttons[0].Value, nil); bot.ErrorCode(err) != bot.NotFound {
		t.Errorf("undo twice: %v", err)
	}
}

// TestLearnReachesOtherProcesses teaches on one router and asks on
// another over the same database file, as two processes would: the
// second answers once its version check comes round, and after a
// restart.
func TestLearnReachesOtherProcesses(t *testing.T) {
	db := testDB(t)
	one, two := newModRig(t, db), newModRig(t, db)
	r, _ := two.run(author, "", "/ask "+unknownQuestion) // reads the examples: none
	if _, err := press(one.rig, author, "", bot.ActionHandoff, handoffValue(r)); err != nil {
		t.Fatal(err)
	}
	if _, err := one.asMod(modUser, bot.ActionLearn, "1.0/shipping-options", nil); err != nil {
		t.Fatal(err)
	}
	if got := two.ok(t, author, "", "/ask "+unknownQuestion); strings.Contains(got, "shipping options") {
		t.Fatal("the other process learned before its check was due; the test needs it not to")
	}
	two.now = two.now.Add(DefaultSync)
	if got := two.ok(t, author, "", "/ask "+unknownQuestion); !strings.Contains(got, "shipping options") {
		t.Errorf("the other process, after its check: %s", got)
	}
	restarted := newModRig(t, db)
	if got := restarted.ok(t, author, "", "/ask "+unknownQuestion); !strings.Contains(got, "shipping options") {
		t.Errorf("after a restart: %s", got)
	}
}

// TestNoVoteKeepsQuestion votes No on an answer and checks that the
// question asked is kept, with Ask a modUser offered.
func TestNoVoteKeepsQuestion(t *testing.T) {
	g := newModRig(t, nil)
	g.ok(t, author, "", "/ask my cart is empty after checkout")
	reply, err := press(g.rig, author, "", bot.ActionFeedback, "cart-empty|en|no")
	if err != nil || handoffValue(reply) == "" {
		t.Fatalf("No vote: %+v, %v; want Ask a modUser", reply, err)
	}
	gaps, _ := g.db.Gaps(context.Background(), g.now.Add(-time.Hour))
	if len(gaps) != 1 || gaps[0].Kind != moderation.NoVote || gaps[0].Question != "my cart is empty after checkout" {
		t.Errorf("gaps = %+v", gaps)
	}
	if reply, _ := press(g.rig, author, "", bot.ActionFeedback, "cart-empty|en|yes"); handoffValue(reply) != "" {
		t.Error("a Yes vote offers a modUser")
	}
}

// TestAdminCommands checks who may run /admin and what it shows.
func TestAdminCommands(t *testing.T) {
	g := newModRig(t, nil)
	for range 3 {
		g.ok(t, author, "", "/ask "+unknownQuestion)
	}
	g.ok(t, other, "", "/ask can amazon gift wrap my author copies")
	g.ok(t, other, "fr", "/ask quelle est la météo à paris")
	g.ok(t, author, "", "/ask my cart is empty")

	for _, line := range []string{"/admin gaps", "/admin handoffs", "/admin stats 30", "/admin digest now"} {
		g.fail(t, author, "", line, bot.Forbidden)
	}
	console := bot.User{Platform: bot.Console, ID: "local"}
	gaps := g.ok(t, console, "", "/admin gaps")
	lines := strings.Split(gaps, "\n")
	if !strings.HasPrefix(lines[2], "- 4 times:") || !strings.Contains(gaps, "1 time:") {
		t.Errorf("/admin gaps, biggest group first:\n%s", gaps)
	}
	if strings.Contains(gaps, "taught:") {
		t.Errorf("/admin gaps shows a topic taught before any was:\n%s", gaps)
	}
	// A group a moderator taught says which topic it was given.
	if _, err := g.db.Learn(context.Background(), moderation.Example{User: author.Key(), Question: unknownQuestion, Lang: "en",
		Topic: "shipping-options", AddedBy: modUser.Key(), Created: g.now}); err != nil {
		t.Fatal(err)
	}
	e, _ := testKB(t).Entry("shipping-options", "en")
	if taught := g.ok(t, console, "", "/admin gaps"); !strings.Contains(strings.Split(taught, "\n")[2], "taught: "+e.Title) {
		t.Errorf("/admin gaps after teaching the biggest group shipping-options:\n%s", taught)
	}
	stats := g.ok(t, console, "", "/admin stats")
	for _, want := range []string{"Questions: 6", "Answered: 17%", "en (5), fr (1)", "slack (6)"} {
		if !strings.Contains(stats, want) {
			t.Errorf("/admin stats lacks %q:\n%s", want, stats)
		}
	}
	if fr := g.ok(t, console, "fr", "/admin stats"); !strings.Contains(fr, "Questions, 7 derniers jours") {
		t.Errorf("/admin stats in French:\n%s", fr)
	}
	digest := g.ok(t, console, "", "/admin digest now")
	if !strings.Contains(digest, "Sent to 2 moderators' channels") || !strings.Contains(digest, "Weekly digest, 2026-W47") {
		t.Errorf("/admin digest now:\n%s", digest)
	}
	if len(g.reach.posts) != 2 {
		t.Errorf("the digest went to %d channels, want both platforms'", len(g.reach.posts))
	}
	if help := g.ok(t, author, "", "/help"); strings.Contains(help, "/admin") {
		t.Error("/help shows /admin to an author")
	}
	if help := g.ok(t, console, "", "/help"); !strings.Contains(help, "/admin") {
		t.Error("/help hides /admin from the console's operator")
	}
}

// TestHandoffPostFails checks that an author is told when the
// moderators' channel refuses the post, and that the handoff does not
// stay open.
func TestHandoffPostFails(t *testing.T) {
	g := newModRig(t, nil)
	g.reach.fail = errors.New("channel_not_found")
	r, _ := g.run(author, "", "/ask "+unknownQuestion)
	_, err := press(g.rig, author, "", bot.ActionHandoff, handoffValue(r))
	if bot.ErrorCode(err) != bot.Conflict || !strings.Contains(bot.ErrorMessage(err), "couldn't reach the moderators") {
		t.Errorf("a failed post: %v", err)
	}
	if open, _ := g.db.OpenHandoffs(context.Background()); len(open) != 0 {
		t.Errorf("open handoffs = %+v", open)
	}
	// Once the channel is back, the same question goes through, once.
	g.reach.fail = nil
	if _, err := press(g.rig, author, "", bot.ActionHandoff, handoffValue(r)); err != nil {
		t.Errorf("again after the channel came back: %v", err)
	}
	_, err = press(g.rig, author, "", bot.ActionHandoff, handoffValue(r))
	if bot.ErrorCode(err) != bot.Conflict || !strings.Contains(bot.ErrorMessage(err), "already with the moderators") {
		t.Errorf("the same question a second time: %v", err)
	}
	if len(g.reach.posts) != 1 {
		t.Errorf("%d posts, want 1", len(g.reach.posts))
	}
}

// TestMydataCoversModeration checks that the export shows the author's
// gaps, handoffs and taught questions, and forget deletes them and what
// the search learned from them.
func TestMydataCoversModeration(t *testing.T) {
	g := newModRig(t, nil)
	ctx := context.Background()
	r, _ := g.run(author, "", "/ask "+unknownQuestion)
	press(g.rig, author, "", bot.ActionHandoff, handoffValue(r))
	if _, err := g.asMod(modUser, bot.ActionLearn, "1.0/shipping-options", nil); err != nil {
		t.Fatal(err)
	}
	d, err := g.db.Export(ctx, author.Key())
	if err != nil || len(d.Gaps) != 1 || len(d.Handoffs) != 1 || len(d.Examples) != 1 {
		t.Fatalf("export = %+v, %v", d, err)
	}
	g.ok(t, author, "", "/mydata forget yes")
	d, _ = g.db.Export(ctx, author.Key())
	if len(d.Gaps)+len(d.Handoffs)+len(d.Examples) != 0 {
		t.Errorf("after forget: %+v", d)
	}
	g.now = g.now.Add(DefaultSync)
	if got := g.ok(t, other, "", "/ask "+unknownQuestion); strings.Contains(got, "shipping options") {
		t.Error("the search still answers with what it learned from a forgotten author")
	}

}

func TestCleanAnswer(t *testing.T) {
	got := cleanAnswer("  1. Order to yourself\r\n2. Wrap them\u202e\x00 \n\n")
	if want := "1. Order to yourself\n2. Wrap them"; got != want {
		t.Errorf("cleanAnswer = %q, want %q", got, want)
	}
}
