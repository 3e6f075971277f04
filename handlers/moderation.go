package handlers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/kb"
	"github.com/authorbot/authorbot/moderation"
)

// GapStore keeps the questions the bot missed and the counts of every
// question asked. *store.DB is one.
type GapStore interface {
	// AddGap stores g and returns it with its id. Errors are internal.
	AddGap(ctx context.Context, g moderation.Gap) (moderation.Gap, error)
	// Gap returns gap id, or moderation.ErrNotFound (wrapped).
	Gap(ctx context.Context, id int64) (moderation.Gap, error)
	// Gaps returns the gaps since a time, latest first.
	Gaps(ctx context.Context, since time.Time) ([]moderation.Gap, error)
	// CountQuestions adds counts of questions to the figures.
	CountQuestions(ctx context.Context, asked []moderation.Asked) error
	// Stats returns the figures since a day.
	Stats(ctx context.Context, since time.Time) (moderation.Stats, error)
	// Falling returns the topics whose feedback fell in the week from start.
	Falling(ctx context.Context, start time.Time) ([]moderation.Falling, error)
}

// HandoffStore keeps the questions passed on to the moderators. *store.DB
// is one.
type HandoffStore interface {
	// AddHandoff stores h, open, and returns it with its id.
	AddHandoff(ctx context.Context, h moderation.Handoff) (moderation.Handoff, error)
	// Handoff returns handoff id, or moderation.ErrNotFound (wrapped).
	Handoff(ctx context.Context, id int64) (moderation.Handoff, error)
	// HandoffOf returns the handoff made of a gap, or
	// moderation.ErrNotFound (wrapped).
	HandoffOf(ctx context.Context, gap int64) (moderation.Handoff, error)
	// DropHandoff deletes a handoff that was never posted.
	DropHandoff(ctx context.Context, id int64) error
	// SetHandoffMessage records where the handoff was posted.
	SetHandoffMessage(ctx context.Context, id int64, message string) error
	// CloseHandoff closes an open handoff; *moderation.Closed when it
	// was closed already, moderation.ErrNotFound (wrapped) when there is
	// none.
	CloseHandoff(ctx context.Context, id int64, status, by, answer string) (moderation.Handoff, error)
	// OpenHandoffs returns the handoffs still open, oldest first.
	OpenHandoffs(ctx context.Context) ([]moderation.Handoff, error)
}

// ExampleStore keeps the examples moderators teach the search. *store.DB
// is one.
type ExampleStore interface {
	// Learn stores e and returns it with its id.
	Learn(ctx context.Context, e moderation.Example) (moderation.Example, error)
	// Unlearn deletes example id, or returns moderation.ErrNotFound (wrapped).
	Unlearn(ctx context.Context, id int64) (moderation.Example, error)
	// Examples returns every example and the version they are at.
	Examples(ctx context.Context) (int64, []moderation.Example, error)
	// ExamplesVersion returns the version of the examples.
	ExamplesVersion(ctx context.Context) (int64, error)
}

// Reach is how the router reaches people outside a reply: the
// moderators' channel and the direct messages of each platform. Either
// may be nil for a platform that has none.
type Reach interface {
	Moderators(p bot.Platform) bot.Moderators
	Notifier(p bot.Platform) bot.Notifier
}

// Moderation is what the moderators' loop is built from (WithModeration).
type Moderation struct {
	Gaps     GapStore
	Handoffs HandoffStore
	Examples ExampleStore
	Reach    Reach
	// Lang is the language of what the bot posts to the moderators'
	// channels; "" means English.
	Lang string
	// Handoffs is how many questions one author may pass on to the
	// moderators at once, then how often; the zero Rate means
	// DefaultHandoffRate.
	HandoffRate Rate
	// Sync is how often a request checks whether another process changed
	// the learned examples; 0 means DefaultSync.
	Sync time.Duration
}

// DefaultHandoffRate lets an author pass on three questions at once,
// then one every ten minutes: a person with a few questions never meets
// it, a script filling the moderators' channel does at once.
var DefaultHandoffRate = Rate{Burst: 3, Every: 10 * time.Minute}

// DefaultSync is how often the learned examples are checked against the
// database: another process's "Should have answered" reaches this one
// within it, a single process learns at once.
const DefaultSync = 2 * time.Second

// WithModeration keeps the questions the bot misses, offers "Ask a
// moderator", and serves /admin. Without it the bot keeps no question.
func WithModeration(m Moderation) Option {
	return func(r *Router) { r.mod = newModerator(m) }
}

// moderator is the router's part of the moderators' loop.
type moderator struct {
	Moderation
	handoffs *limiter
	// asked remembers, per author and topic, the question last answered
	// with that topic, for a "No" vote on it to record the question: it
	// is kept in memory only, for a while, and never stored unless the
	// author votes "No".
	asked *lru.Cache[string, string]

	mu      sync.Mutex
	checked time.Time // when the examples' version was last checked
	// counts are the questions counted since they were last written, and
	// flushed when; written every countEvery at most, so that counting
	// costs an /ask no write of its own.
	counts  map[moderation.Asked]int
	flushed time.Time
}

// countEvery is how often the counts of questions are written: the
// figures of /admin stats, which writes them first, are never older in
// this process, and at most this much is lost when a process dies.
const countEvery = 10 * time.Second

func newModerator(m Moderation) *moderator {
	if m.HandoffRate == (Rate{}) {
		m.HandoffRate = DefaultHandoffRate
	}
	if m.Sync <= 0 {
		m.Sync = DefaultSync
	}
	if m.Lang == "" {
		m.Lang = "en"
	}
	asked, _ := lru.New[string, string](10000)
	return &moderator{Moderation: m, handoffs: newLimiter(Limits{Commands: m.HandoffRate}), asked: asked}
}

// lowScore is the score under which an answer counts as given with little
// confidence, and its question as a gap.
const lowScore = 0.45

// noteAsked counts a question answered by ask, keeps it as a gap when it
// was declined or answered with little confidence, and offers "Ask a
// moderator" under a decline. A fault is logged: the author still gets
// their answer.
func (r *Router) noteAsked(ctx context.Context, req *bot.Request, a *Answer) {
	if r.mod == nil || a.Parts != nil || a.Reply == nil {
		return
	}
	q := req.Option("question")
	res := a.Result
	answered := res.Confident && res.Best != nil
	asked := moderation.Asked{Day: utcDay(r.now()), Platform: string(req.User.Platform), Lang: a.Reply.Lang, Answered: answered}
	if answered {
		asked.Topic = res.Best.ID
		r.mod.asked.Add(req.User.Key()+"|"+res.Best.ID, q)
	}
	r.count(ctx, asked)
	kind := ""
	switch {
	case !answered:
		kind = moderation.Declined
	case res.Score < lowScore:
		kind = moderation.Low
	default:
		return
	}
	g, err := r.mod.Gaps.AddGap(ctx, r.gap(req, kind, q, a.Reply.Lang, res))
	if err != nil {
		r.log.Warn("moderation: cannot keep a gap", slog.Any("err", err))
		return
	}
	if kind == moderation.Declined && r.canHandOff(req) {
		p := r.printer(a.Reply.Lang)
		a.Reply.Buttons = append(a.Reply.Buttons, handoffButton(g.ID, p))
	}
}

// gap is the gap of a question in req.
func (r *Router) gap(req *bot.Request, kind, q, lang string, res kb.Result) moderation.Gap {
	g := moderation.Gap{User: req.User.Key(), Kind: kind, Question: q, Lang: lang,
		Platform: string(req.User.Platform), Workspace: req.User.Workspace, Channel: req.Channel, Created: r.now()}
	if res.Best != nil {
		g.Guesses = append(g.Guesses, moderation.Guess{Topic: res.Best.ID, Score: res.Score})
	}
	for _, s := range res.Suggestions {
		if res.Best == nil || s.ID != res.Best.ID {
			g.Guesses = append(g.Guesses, moderation.Guess{Topic: s.ID})
		}
	}
	return g
}

// canHandOff reports whether req's platform has a moderators' channel to
// pass a question on to, and DMs to bring the answer back.
func (r *Router) canHandOff(req *bot.Request) bool {
	if r.mod == nil || r.mod.Reach == nil || req.User.ID == "" {
		return false
	}
	return r.mod.Reach.Moderators(req.User.Platform) != nil && r.mod.Reach.Notifier(req.User.Platform) != nil
}

func handoffButton(gap int64, p *i18n.Printer) bot.Button {
	return bot.Button{Action: bot.ActionHandoff, Value: strconv.FormatInt(gap, 10), Label: p.T("mod.ask_a_moderator")}
}

// noVote keeps a "No" vote on topic as a gap, with the question the
// author last asked that the topic answered when this process still has
// it (the topic's title otherwise), and returns the button that passes it
// on, or nil.
func (r *Router) noVote(ctx context.Context, req *bot.Request, topic, lang string, p *i18n.Printer) []bot.Button {
	if r.mod == nil {
		return nil
	}
	q, ok := r.mod.asked.Get(req.User.Key() + "|" + topic)
	if !ok {
		e, _ := r.kb.Entry(topic, lang)
		q = e.Title
	}
	g := moderation.Gap{User: req.User.Key(), Kind: moderation.NoVote, Question: q, Lang: lang,
		Guesses:  []moderation.Guess{{Topic: topic}},
		Platform: string(req.User.Platform), Workspace: req.User.Workspace, Channel: req.Channel, Created: r.now()}
	g, err := r.mod.Gaps.AddGap(ctx, g)
	if err != nil {
		r.log.Warn("moderation: cannot keep a gap", slog.Any("err", err))
		return nil
	}
	if !r.canHandOff(req) {
		return nil
	}
	return []bot.Button{handoffButton(g.ID, p)}
}

// handoff passes the author's question on to the moderators' channel:
// the question, its language, the bot's guesses and a mention of the
// author, never anything about their orders.
func (r *Router) handoff(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	p := r.printer(r.lang(req, ""))
	if r.mod == nil {
		return nil, fail(p, bot.Invalid, "router.unknown_button")
	}
	id, err := strconv.ParseInt(req.Option("value"), 10, 64)
	if err != nil || id <= 0 {
		return nil, fail(p, bot.Invalid, "router.that_button_no_longer_works")
	}
	g, err := r.mod.Gaps.Gap(ctx, id)
	if errors.Is(err, moderation.ErrNotFound) || (err == nil && g.User != req.User.Key()) {
		// Someone else's question is not theirs to pass on.
		return nil, fail(p, bot.NotFound, "mod.question_gone")
	}
	if err != nil {
		return nil, fmt.Errorf("handoff: %w", err)
	}
	p = r.printer(cmpLang(supportedLang(req.Locale), g.Lang))
	switch _, err := r.mod.Handoffs.HandoffOf(ctx, g.ID); {
	case err == nil:
		return nil, fail(p, bot.Conflict, "mod.already_passed_on")
	case !errors.Is(err, moderation.ErrNotFound):
		return nil, fmt.Errorf("handoff: %w", err)
	}
	mods := r.mod.Reach.Moderators(req.User.Platform)
	if mods == nil || !r.canHandOff(req) {
		return nil, fail(p, bot.Invalid, "mod.no_moderators")
	}
	if wait := r.mod.handoffs.wait(req.User.Key(), false, r.now()); wait > 0 {
		return nil, fail(p, bot.Invalid, "mod.too_many_handoffs", "Count", int((wait+time.Minute-1)/time.Minute))
	}
	h, err := r.mod.Handoffs.AddHandoff(ctx, moderation.Handoff{User: g.User, Gap: g.ID,
		Platform: string(req.User.Platform), Workspace: req.User.Workspace, UserID: req.User.ID,
		Question: g.Question, Lang: g.Lang, Guesses: g.Guesses, Created: r.now()})
	if err != nil {
		return nil, fmt.Errorf("handoff: %w", err)
	}
	ref, err := mods.PostModerators(ctx, req.User.Workspace, r.handoffPost(h, req.User))
	if err != nil {
		r.log.Warn("moderation: cannot post to the moderators' channel", slog.Any("err", err))
		// The author may try again once the channel is back.
		if derr := r.mod.Handoffs.DropHandoff(context.WithoutCancel(ctx), h.ID); derr != nil {
			r.log.Warn("moderation: cannot drop an undelivered handoff", slog.Any("err", derr))
		}
		return nil, fail(p, bot.Conflict, "mod.handoff_failed", "ContactURL", contactURL)
	}
	if err := r.mod.Handoffs.SetHandoffMessage(ctx, h.ID, ref); err != nil {
		r.log.Warn("moderation: cannot record the handoff's post", slog.Any("err", err))
	}
	return bot.Say("%s", p.T("mod.passed_on")), nil
}

func cmpLang(a, b string) string {
	if a != "" {
		return a
	}
	if b != "" {
		return b
	}
	return "en"
}

// handoffPost is what the moderators' channel shows of a handoff, with
// the buttons that answer it.
func (r *Router) handoffPost(h moderation.Handoff, author bot.User) *bot.Reply {
	p := r.printer(r.mod.Lang)
	id := strconv.FormatInt(h.ID, 10)
	reply := &bot.Reply{
		Title: p.T("mod.post_title"),
		Lang:  p.Lang(),
		Blocks: []bot.Block{
			&bot.Fields{Fields: []bot.Field{
				{Name: p.T("mod.field_question"), Value: h.Question},
				{Name: p.T("mod.field_language"), Value: h.Lang, Inline: true},
				{Name: p.T("mod.field_guesses"), Value: r.guessText(h.Guesses, h.Lang, p), Inline: true},
			}},
			&bot.Mention{Label: p.T("mod.field_asked_by"), User: author},
		},
		Buttons: []bot.Button{
			{Action: bot.ActionModReply, Value: id, Label: p.T("mod.reply"), Style: bot.Primary},
			{Action: bot.ActionResolve, Value: id, Label: p.T("mod.resolved")},
		},
		Selects: r.topicSelects(h, p),
	}
	return reply
}

// guessText names the guesses, with their scores where known.
func (r *Router) guessText(gs []moderation.Guess, lang string, p *i18n.Printer) string {
	var parts []string
	for _, g := range gs {
		name := g.Topic
		if e, ok := r.kb.Entry(g.Topic, lang); ok {
			name = e.Title + " (" + g.Topic + ")"
		}
		if g.Score > 0 {
			name += " " + strconv.Itoa(int(g.Score*100+0.5)) + "%"
		}
		parts = append(parts, name)
	}
	if len(parts) == 0 {
		return p.T("mod.no_guess")
	}
	return strings.Join(parts, "; ")
}

// topicSelects are the "Should have answered" menus: the guesses first,
// then every other topic, in as many menus as it takes.
func (r *Router) topicSelects(h moderation.Handoff, p *i18n.Printer) []bot.Select {
	var entries []*kb.Entry
	seen := map[string]bool{}
	add := func(e *kb.Entry) {
		if !seen[e.ID] {
			seen[e.ID] = true
			entries = append(entries, e)
		}
	}
	for _, g := range h.Guesses {
		if e, ok := r.kb.Entry(g.Topic, h.Lang); ok {
			add(e)
		}
	}
	for _, e := range r.kb.Entries(h.Lang) {
		add(e)
	}
	var out []bot.Select
	for i, e := range entries {
		if i%bot.MaxSelectOptions == 0 {
			// "id.n": the menus of one post must differ (Discord refuses two
			// equal custom ids in a message).
			value := strconv.FormatInt(h.ID, 10) + "." + strconv.Itoa(len(out))
			out = append(out, bot.Select{Action: bot.ActionLearn, Value: value, Placeholder: p.T("mod.should_have_answered")})
		}
		s := &out[len(out)-1]
		s.Options = append(s.Options, bot.SelectOption{Label: p.T("mod.should_have_answered_topic", "Title", e.Title), Value: e.ID})
	}
	return out
}

// moderatorOnly is the refusal of a moderator's action to anyone else.
func (r *Router) moderatorOnly(ctx context.Context, req *bot.Request, p *i18n.Printer) error {
	if req.IsModerator(ctx) {
		return nil
	}
	return fail(p, bot.Forbidden, "mod.only_moderators")
}

// openHandoff reads the handoff a moderator's button names, and says so
// when it was closed already.
func (r *Router) openHandoff(ctx context.Context, value string, p *i18n.Printer) (moderation.Handoff, error) {
	id, err := strconv.ParseInt(value, 10, 64)
	if err != nil || id <= 0 || r.mod == nil {
		return moderation.Handoff{}, fail(p, bot.Invalid, "router.that_button_no_longer_works")
	}
	h, err := r.mod.Handoffs.Handoff(ctx, id)
	if errors.Is(err, moderation.ErrNotFound) {
		return h, fail(p, bot.NotFound, "mod.question_gone")
	}
	if err != nil {
		return h, fmt.Errorf("handoff %d: %w", id, err)
	}
	if h.Status != moderation.Open {
		return h, r.closedError(h.Status, h.ClosedBy, p)
	}
	return h, nil
}

// closedError says that a handoff was closed already, and how.
func (r *Router) closedError(status, by string, p *i18n.Printer) error {
	if status == moderation.Answered {
		return fail(p, bot.Conflict, "mod.already_answered")
	}
	return fail(p, bot.Conflict, "mod.already_resolved")
}

// modReply opens the dialog in which a moderator writes their answer.
func (r *Router) modReply(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	p := r.printer(r.lang(req, ""))
	if err := r.moderatorOnly(ctx, req, p); err != nil {
		return nil, err
	}
	h, err := r.openHandoff(ctx, req.Option("value"), p)
	if err != nil {
		return nil, err
	}
	reply := bot.Say("%s", p.T("mod.reply_with_dialog"))
	reply.Modal = &bot.Modal{Action: bot.ActionModSend, Value: strconv.FormatInt(h.ID, 10),
		Title: p.T("mod.modal_title"), Label: p.T("mod.modal_label"), Placeholder: clipRunes(h.Question, 140),
		Submit: p.T("mod.modal_submit"), MaxLength: maxAnswer}
	return reply, nil
}

// maxAnswer is the longest answer a moderator can send, in characters.
const maxAnswer = 2000

// modSend delivers a moderator's answer: to the author by direct message,
// and under the handoff's post, and marks the handoff answered.
func (r *Router) modSend(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	p := r.printer(r.lang(req, ""))
	if err := r.moderatorOnly(ctx, req, p); err != nil {
		return nil, err
	}
	text := cleanAnswer(req.Option("text"))
	if text == "" {
		return nil, fail(p, bot.Invalid, "mod.answer_empty")
	}
	if utf8.RuneCountInString(text) > maxAnswer {
		return nil, fail(p, bot.Invalid, "mod.answer_too_long", "Max", maxAnswer)
	}
	h, err := r.openHandoff(ctx, req.Option("value"), p)
	if err != nil {
		return nil, err
	}
	notify := r.mod.Reach.Notifier(bot.Platform(h.Platform))
	if notify == nil {
		return nil, fail(p, bot.Invalid, "mod.author_unreachable")
	}
	h, err = r.mod.Handoffs.CloseHandoff(ctx, h.ID, moderation.Answered, req.User.ID, text)
	if c, ok := errors.AsType[*moderation.Closed](err); ok {
		return nil, r.closedError(c.Status, c.By, p)
	}
	if err != nil {
		return nil, fmt.Errorf("mod send: %w", err)
	}
	author := bot.User{Platform: bot.Platform(h.Platform), Workspace: h.Workspace, ID: h.UserID}
	ap := r.printer(h.Lang)
	dm := &bot.Reply{
		Title: ap.T("mod.answer_title"),
		Lang:  ap.Lang(),
		Blocks: []bot.Block{
			&bot.Text{Text: ap.T("mod.answer_intro", "Question", h.Question)},
			&bot.Text{Text: text},
		},
	}
	if err := notify.Notify(ctx, author, dm); err != nil {
		r.log.Warn("moderation: cannot deliver an answer", slog.Any("err", err))
		return nil, fail(p, bot.Conflict, "mod.author_unreachable")
	}
	r.noteUnder(ctx, h, &bot.Reply{Lang: r.mod.Lang, Blocks: []bot.Block{
		&bot.Mention{Label: r.printer(r.mod.Lang).T("mod.answered_by"), User: req.User},
		&bot.Text{Text: text},
	}})
	return bot.Say("%s", p.T("mod.answer_sent")), nil
}

// noteUnder posts a note under a handoff's post; a failure is logged, the
// handoff's state being what counts.
func (r *Router) noteUnder(ctx context.Context, h moderation.Handoff, note *bot.Reply) {
	mods := r.mod.Reach.Moderators(bot.Platform(h.Platform))
	if mods == nil || h.Message == "" {
		return
	}
	if err := mods.ReplyModerators(ctx, h.Workspace, h.Message, note); err != nil {
		r.log.Warn("moderation: cannot post under a handoff", slog.Any("err", err))
	}
}

// modResolve closes a handoff without an answer.
func (r *Router) modResolve(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	p := r.printer(r.lang(req, ""))
	if err := r.moderatorOnly(ctx, req, p); err != nil {
		return nil, err
	}
	h, err := r.openHandoff(ctx, req.Option("value"), p)
	if err != nil {
		return nil, err
	}
	h, err = r.mod.Handoffs.CloseHandoff(ctx, h.ID, moderation.Resolved, req.User.ID, "")
	if c, ok := errors.AsType[*moderation.Closed](err); ok {
		return nil, r.closedError(c.Status, c.By, p)
	}
	if err != nil {
		return nil, fmt.Errorf("mod resolve: %w", err)
	}
	r.noteUnder(ctx, h, &bot.Reply{Lang: r.mod.Lang, Blocks: []bot.Block{
		&bot.Mention{Label: r.printer(r.mod.Lang).T("mod.resolved_by"), User: req.User},
	}})
	return bot.Say("%s", p.T("mod.marked_resolved")), nil
}

// modLearn makes a handoff's question a labelled example of the topic a
// moderator chose: the search answers it, and questions like it, with
// that topic from now on, in every process.
func (r *Router) modLearn(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	p := r.printer(r.lang(req, ""))
	if err := r.moderatorOnly(ctx, req, p); err != nil {
		return nil, err
	}
	// "id.n/topic": the handoff, which of its menus, the topic chosen.
	menu, topic, _ := strings.Cut(req.Option("value"), "/")
	idText, _, _ := strings.Cut(menu, ".")
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil || id <= 0 || r.mod == nil || !validTopicID(topic) {
		return nil, fail(p, bot.Invalid, "router.that_button_no_longer_works")
	}
	h, err := r.mod.Handoffs.Handoff(ctx, id)
	if errors.Is(err, moderation.ErrNotFound) {
		return nil, fail(p, bot.NotFound, "mod.question_gone")
	}
	if err != nil {
		return nil, fmt.Errorf("mod learn: %w", err)
	}
	e, ok := r.kb.Entry(topic, h.Lang)
	if !ok {
		return nil, fail(p, bot.Invalid, "router.that_button_no_longer_works")
	}
	ex, err := r.mod.Examples.Learn(ctx, moderation.Example{User: h.User, Question: h.Question, Lang: h.Lang,
		Topic: topic, AddedBy: req.User.Key(), Created: r.now()})
	if err != nil {
		return nil, fmt.Errorf("mod learn: %w", err)
	}
	r.reloadExamples(ctx)
	reply := bot.Say("%s", p.T("mod.learned", "Question", h.Question, "Title", e.Title))
	reply.Buttons = []bot.Button{{Action: bot.ActionUnlearn, Value: strconv.FormatInt(ex.ID, 10), Label: p.T("mod.undo")}}
	return reply, nil
}

// modUnlearn takes a labelled example back.
func (r *Router) modUnlearn(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	p := r.printer(r.lang(req, ""))
	if err := r.moderatorOnly(ctx, req, p); err != nil {
		return nil, err
	}
	id, err := strconv.ParseInt(req.Option("value"), 10, 64)
	if err != nil || id <= 0 || r.mod == nil {
		return nil, fail(p, bot.Invalid, "router.that_button_no_longer_works")
	}
	ex, err := r.mod.Examples.Unlearn(ctx, id)
	if errors.Is(err, moderation.ErrNotFound) {
		return nil, fail(p, bot.NotFound, "mod.example_gone")
	}
	if err != nil {
		return nil, fmt.Errorf("mod unlearn: %w", err)
	}
	r.reloadExamples(ctx)
	return bot.Say("%s", p.T("mod.unlearned", "Question", ex.Question)), nil
}

// syncExamples reads the learned examples again when another process (or
// this one) changed them since they were read, checking the version at
// most every Sync.
func (r *Router) syncExamples(ctx context.Context) {
	if r.mod == nil || r.mod.Examples == nil {
		return
	}
	now := r.now()
	r.mod.mu.Lock()
	due := r.mod.checked.IsZero() || now.Sub(r.mod.checked) >= r.mod.Sync || now.Before(r.mod.checked)
	if due {
		r.mod.checked = now
	}
	r.mod.mu.Unlock()
	if !due {
		return
	}
	v, err := r.mod.Examples.ExamplesVersion(ctx)
	if err != nil {
		r.log.Warn("moderation: cannot check the learned examples", slog.Any("err", err))
		return
	}
	if v != r.learned.Version() {
		r.reloadExamples(ctx)
	}
}

// reloadExamples reads every learned example into the search.
func (r *Router) reloadExamples(ctx context.Context) {
	v, exs, err := r.mod.Examples.Examples(ctx)
	if err != nil {
		r.log.Warn("moderation: cannot read the learned examples", slog.Any("err", err))
		return
	}
	list := make([]kb.LearnedExample, len(exs))
	for i, e := range exs {
		list[i] = kb.LearnedExample{Question: e.Question, Lang: e.Lang, Topic: e.Topic}
	}
	r.learned.Set(v, list)
}

func utcDay(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// count counts a question, and writes the counts when countEvery has
// passed since they were last written.
func (r *Router) count(ctx context.Context, a moderation.Asked) {
	m := r.mod
	m.mu.Lock()
	if m.counts == nil {
		m.counts = map[moderation.Asked]int{}
		m.flushed = r.now()
	}
	m.counts[a]++
	due := r.now().Sub(m.flushed) >= countEvery || r.now().Before(m.flushed)
	m.mu.Unlock()
	if due {
		r.FlushCounts(ctx)
	}
}

// FlushCounts writes the questions counted and not yet written; serve
// calls it at shutdown, /admin stats and the digest before they read.
func (r *Router) FlushCounts(ctx context.Context) {
	if r.mod == nil {
		return
	}
	m := r.mod
	m.mu.Lock()
	counts := m.counts
	m.counts, m.flushed = map[moderation.Asked]int{}, r.now()
	m.mu.Unlock()
	var batch []moderation.Asked
	for a, n := range counts {
		a.Count = n
		batch = append(batch, a)
	}
	if err := m.Gaps.CountQuestions(ctx, batch); err != nil {
		r.log.Warn("moderation: cannot write the counts of questions", slog.Any("err", err))
		m.mu.Lock()
		for a, n := range counts { // kept for the next try
			m.counts[a] += n
		}
		m.mu.Unlock()
	}
}

// cleanAnswer is cleanInput for a moderator's answer, which keeps its
// line breaks: an answer may have steps.
func cleanAnswer(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(cleanInput(l), " ")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
