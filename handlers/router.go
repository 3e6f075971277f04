// Package handlers holds authorbot's commands, independent of any
// platform: one Router with the command table, one file per command
// family. A handler reads a command's options, asks the knowledge base or
// the ledger, and puts the outcome into the author's words; the ledger's
// rules are package ledger's. It speaks only in bot.Request and bot.Reply.
package handlers

import (
	"context"
	"errors"
	"log/slog"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/kb"
)

// Router is the command table: it parses text lines, routes requests to
// the handler of their command and subcommand, and answers button actions.
type Router struct {
	*Answers
	log    *slog.Logger
	now    func() time.Time
	ledger Ledger
	votes  Votes
	// reminders are the ledger's, or withoutReminders when it keeps none
	// (keepsReminders false).
	reminders      Reminders
	keepsReminders bool
	dm             DirectMessages
	limiter        *limiter
	cmds           []*bot.Command
	table          map[string]bot.HandlerFunc // "ask", "order add", ...
	words          *i18n.Catalog
	// live, set by WithKnowledge, swaps the knowledge base (knowledge.go).
	live *liveKB
	// topics changes the knowledge base for /admin topic (admin_topic.go).
	topics TopicEditor
	// signIn makes moderators' sign-in links to the dashboard (/admin
	// dashboard); nil when there is none.
	signIn SignInLinks
	// drafts are the topic forms submitted in chat and not yet saved or
	// dropped (admin_form.go).
	drafts *drafts
	// mod is the moderators' loop, nil without WithModeration.
	mod *moderator
}

// Votes records whether answers helped. *store.DB is one.
type Votes interface {
	// Vote records whether the answer on topic in lang helped user
	// (bot.User.Key()). A user has one vote per answer: a second vote
	// replaces the first, and first is false then. Errors are internal.
	Vote(ctx context.Context, user, topic, lang string, helpful bool) (first bool, err error)
}

// DirectMessages is the ability to reach an author by direct message,
// outside a reply, on the platform they use: reminders are delivered that
// way. A router built without WithDirectMessages takes every platform to
// have it, as the console, which shows reminders itself, has. Where an
// author cannot be reached, /remind and remind:yes say so instead of
// promising a message, and no automatic reminder is set for them.
type DirectMessages interface {
	CanDM(p bot.Platform) bool
}

// DMFunc is a DirectMessages given as a function.
type DMFunc func(bot.Platform) bool

// CanDM calls f.
func (f DMFunc) CanDM(p bot.Platform) bool { return f(p) }

// everyPlatform is the DirectMessages of a router built without one.
type everyPlatform struct{}

func (everyPlatform) CanDM(bot.Platform) bool { return true }

// Option changes one of New's defaults.
type Option func(*Router)

// WithClock sets the clock; tests pass a fixed one. The default is
// time.Now.
func WithClock(now func() time.Time) Option { return func(r *Router) { r.now = now } }

// WithLimits sets how fast one author may go; the default is
// DefaultLimits(), and Limits{} sets none.
func WithLimits(l Limits) Option { return func(r *Router) { r.limiter = newLimiter(l) } }

// WithCatalog sets the message catalog replies are written from; the
// default is the one embedded in the binary (i18n.Default).
func WithCatalog(c *i18n.Catalog) Option { return func(r *Router) { r.words = c } }

// WithDirectMessages says on which platforms a direct message can reach
// an author (see DirectMessages).
func WithDirectMessages(dm DirectMessages) Option { return func(r *Router) { r.dm = dm } }

// family is one command with the handlers of its subcommands ("" for a
// command without subcommands).
type family struct {
	cmd      *bot.Command
	handlers map[string]bot.HandlerFunc
}

// New builds the router and its command table. Its dependencies are all
// required: log records faults, k answers questions, l keeps the authors'
// ledgers and votes records the feedback on answers. The ledger's
// reminders, when it has them (a Reminders, as *ledger.Service is), serve
// /remind and /preorder remind:yes; a ledger without them answers /remind
// with why there are none, and /preorder plans without remind:yes.
func New(log *slog.Logger, k *kb.KB, l Ledger, votes Votes, opts ...Option) *Router {
	r := &Router{
		log: log, now: time.Now, ledger: l, votes: votes,
		reminders: withoutReminders{}, dm: everyPlatform{}, drafts: newDrafts(),
		limiter: newLimiter(DefaultLimits()),
		table:   map[string]bot.HandlerFunc{},
	}
	if rs, ok := l.(Reminders); ok {
		r.reminders, r.keepsReminders = rs, true
	}
	for _, o := range opts {
		o(r)
	}
	if r.words == nil {
		r.words = i18n.Default()
	}
	if r.live != nil {
		k = r.live.src.Current() // the same one the first request finds
	}
	r.Answers = newAnswers(k, r.words)
	for _, f := range r.families() {
		r.cmds = append(r.cmds, f.cmd)
	}
	describeCommands(r.cmds, r.words)
	r.fillTable()
	return r
}

// fillTable puts the handlers of r's commands in its table.
func (r *Router) fillTable() {
	for _, f := range r.families() {
		for sub, h := range f.handlers {
			r.table[strings.TrimSpace(f.cmd.Name+" "+sub)] = h
		}
	}
}

// families are the commands, in the order the command tree lists them.
func (r *Router) families() []family {
	return []family{
		r.askFamily(),
		r.helpFamily(),
		r.orderFamily(),
		r.mydataFamily(),
		r.isbnFamily(),
		r.preorderFamily(),
		r.remindFamily(),
		r.adminFamily(),
	}
}

// Commands is the command tree, the same on every platform, for what
// needs it without a router: registering the commands with a platform,
// checking its manifests.
func Commands() []*bot.Command {
	var cmds []*bot.Command
	for _, f := range (&Router{}).families() {
		cmds = append(cmds, f.cmd)
	}
	describeCommands(cmds, i18n.Default())
	return cmds
}

// Commands is the command tree, the same on every platform.
func (r *Router) Commands() []*bot.Command { return r.cmds }

// Catalog is the message catalog the router writes its replies from.
func (r *Router) Catalog() *i18n.Catalog { return r.words }

// printer writes messages in lang, a language r.lang picked.
func (a *Answers) printer(lang string) *i18n.Printer { return a.words.Printer(lang) }

// fail is the error a command returns: its code, and the message id with
// its arguments written in p's language for the author.
func fail(p *i18n.Printer, code, id string, args ...any) *bot.Error {
	return &bot.Error{Code: code, Message: p.T(id, args...), Msg: i18n.M(id, args...)}
}

// Parse reads a command line in the text grammar. A usage error's
// example gets today's dates (see dated); its Message is in English, and
// its Msg the catalog message to write it in the author's language
// (bot.ErrorIn).
func (r *Router) Parse(line string) (*bot.Request, error) {
	req, err := bot.Parse(r.cmds, line)
	var e *bot.Error
	if errors.As(err, &e) {
		msg := r.datedMsg(e.Msg)
		return nil, &bot.Error{Code: e.Code, Message: r.words.Text(i18n.Source, msg), Msg: msg}
	}
	return req, err
}

// datedMsg fills in the dates of m's arguments, as dated does.
func (r *Router) datedMsg(m i18n.Message) i18n.Message {
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		switch v := a.(type) {
		case string:
			args[i] = r.dated(v)
		case i18n.Message:
			args[i] = r.datedMsg(v)
		default:
			args[i] = a
		}
	}
	return i18n.Message{ID: m.ID, Args: args}
}

// Handle routes req to its command's handler or to a button action. An
// author who goes faster than the limits allow is asked to wait, and a
// command's option values are cleaned (see cleanInput) before any handler
// sees them.
func (r *Router) Handle(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	if g := r.current(); g != r {
		return g.Handle(ctx, req)
	}
	if req.Options == nil {
		req.Options = map[string]string{}
	}
	if err := r.admit(req); err != nil {
		return nil, err
	}
	if req.Action != "" {
		// A button's value is the bot's own, checked in full by its action.
		return r.action(ctx, req)
	}
	for k, v := range req.Options {
		req.Options[k] = cleanInput(v)
	}
	h, ok := r.table[strings.TrimSpace(req.Command+" "+req.Sub)]
	if !ok {
		return nil, fail(r.printer(r.lang(req, "")), bot.Invalid, "router.unknown_command", "Command", req.Name())
	}
	reply, err := h(ctx, req)
	if err == nil {
		r.noteEnglish(req, reply)
	}
	return reply, err
}

// cleanInput removes from a value an author sent what no command has a
// use for and what would make an echo of it misleading: NUL and other
// control characters (line breaks and tabs become spaces), the invisible
// characters that reorder text (U+202A–U+202E, U+2066–U+2069, U+200E,
// U+200F) and bytes that are not UTF-8.
func cleanInput(s string) string {
	if !strings.ContainsFunc(s, func(c rune) bool { return unwanted(c) || c == '\n' || c == '\r' || c == '\t' }) {
		return s // the common case: nothing to copy
	}
	return strings.Map(func(c rune) rune {
		switch {
		case c == '\n' || c == '\r' || c == '\t':
			return ' '
		case unwanted(c):
			return -1
		}
		return c
	}, s)
}

// unwanted reports the characters cleanInput removes.
func unwanted(c rune) bool {
	return unicode.IsControl(c) || isBidiControl(c) || c == unicode.ReplacementChar
}

// action answers a button press.
func (r *Router) action(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	switch req.Action {
	case bot.ActionShare:
		return r.share(req)
	case bot.ActionFeedback:
		return r.feedback(ctx, req)
	case bot.ActionForget:
		return r.forgetConfirmed(ctx, req)
	case bot.ActionHandoff:
		return r.handoff(ctx, req)
	case bot.ActionModReply:
		return r.modReply(ctx, req)
	case bot.ActionModSend:
		return r.modSend(ctx, req)
	case bot.ActionResolve:
		return r.modResolve(ctx, req)
	case bot.ActionLearn:
		return r.modLearn(ctx, req)
	case bot.ActionUnlearn:
		return r.modUnlearn(ctx, req)
	case bot.ActionTopicForm:
		return r.topicFormSubmitted(ctx, req)
	case bot.ActionTopicSave:
		return r.topicDraftSave(ctx, req)
	case bot.ActionTopicCancel:
		return r.topicDraftCancel(ctx, req)
	}
	return nil, fail(r.printer(r.lang(req, "")), bot.Invalid, "router.unknown_button")
}

// share posts the answer on a topic to the whole channel. Whatever the
// button's value, what is posted is the topic's answer as anyone would
// read it: never notes about the orders of the author who pressed it,
// never their question, and without the buttons that only make sense to
// the asker.
func (r *Router) share(req *bot.Request) (*bot.Reply, error) {
	e, lang, err := r.sharedTopic(req)
	if err != nil {
		return nil, err
	}
	reply := r.topicReply(e, lang)
	reply.Ephemeral = false
	reply.Key = "share/" + r.gen + e.Lang + "/" + e.ID + "/" + lang
	return reply, nil
}

// sharedTopic reads a share button's value: "topic|lang" (see
// answerButtons), or, from buttons made before that, a command line
// ("/help cart-empty", "/ask my cart is empty") that is resolved to the
// topic it answers. Orders and personal data are refused.
func (r *Router) sharedTopic(req *bot.Request) (*kb.Entry, string, error) {
	value := req.Option("value")
	lang := supportedLang(req.Locale)
	if lang == "" {
		lang = "en"
	}
	p := r.printer(lang)
	gone := fail(p, bot.Invalid, "router.that_button_no_longer_works")
	if !strings.HasPrefix(value, "/") {
		topic, answerLang, ok := strings.Cut(value, "|")
		if !ok || !validTopicID(topic) || supportedLang(answerLang) != answerLang {
			return nil, "", gone
		}
		if e, ok := r.kb.Entry(topic, answerLang); ok {
			return e, answerLang, nil
		}
		return nil, "", gone
	}
	line, err := bot.Parse(r.cmds, value)
	if err != nil {
		return nil, "", gone
	}
	var q string
	switch line.Command {
	case "help":
		q, lang = line.Option("topic"), r.lang(req, "")
		if e, ok := r.kb.Entry(q, lang); ok {
			return e, lang, nil
		}
	case "ask":
		q = line.Option("question")
		lang = r.lang(req, q)
	default:
		// Orders and personal data stay private even when a button says otherwise.
		return nil, "", fail(p, bot.Forbidden, "router.only_answers_can_be_shared")
	}
	// Only the topic is looked up: the question's answer would carry
	// notes about the presser's orders.
	if q == "" || utf8.RuneCountInString(q) > maxQuestion {
		return nil, "", gone
	}
	if res := r.search(q, lang); res.Confident && res.Best != nil {
		return res.Best, res.Lang, nil
	}
	return nil, "", gone
}

// lang picks the reply language: the platform's or the author's explicit
// locale when it is one of the bot's languages, else the language the
// text is written in when it is one of them, else English.
func (a *Answers) lang(req *bot.Request, text string) string {
	if l := supportedLang(req.Locale); l != "" {
		return l
	}
	if text != "" {
		if l := supportedLang(kb.DetectLang(text)); l != "" {
			return l
		}
	}
	return "en"
}

// supportedLang maps a locale ("fr", "pt-BR", "es-419", "de_DE") to the
// language of the bot's seven it names, or "" when it names none: a
// Japanese or Polish locale then falls back to the language of the
// question rather than forcing English.
func supportedLang(locale string) string {
	l := strings.ToLower(strings.TrimSpace(locale))
	if i := strings.IndexAny(l, "-_"); i >= 0 {
		l = l[:i]
	}
	switch l {
	case "en", "fr", "de", "es", "it", "pt", "nl":
		return l
	}
	return ""
}

// englishNote tells an author whose locale is a language the bot does not
// speak why the reply is in English.
const englishNote = "I don't speak your language yet, so I answer in English (I speak English, French, German, Spanish, Italian, Portuguese and Dutch)."

// noteEnglish puts englishNote first in a command's reply that lang wrote
// in English only for want of the author's language: their locale names
// one the bot does not speak (Japanese, Polish) and the question is not
// written in one it does. An answer to a question written in English,
// and a button's reply (which follows one that had the note), get none.
func (r *Router) noteEnglish(req *bot.Request, reply *bot.Reply) {
	if reply == nil || req.Action != "" || (reply.Lang != "en" && reply.Lang != "") {
		return
	}
	if req.Locale == "" || supportedLang(req.Locale) != "" {
		return
	}
	if text := r.question(req); text != "" && supportedLang(kb.DetectLang(text)) != "" {
		return
	}
	reply.Blocks = append([]bot.Block{&bot.Text{Text: englishNote, Note: true}}, reply.Blocks...)
	if reply.Key != "" {
		// Every reply of that key still has the note, and none without it.
		reply.Key += "/english-note"
	}
}

// question returns the free text of req, whose language lang reads: the
// value of its command's Rest option (the question of /ask, the text of
// /remind add), or "".
func (r *Router) question(req *bot.Request) string {
	cmd := bot.Find(r.cmds, req.Command)
	if cmd != nil && req.Sub != "" {
		cmd = bot.Find(cmd.Subs, req.Sub)
	}
	if cmd == nil {
		return ""
	}
	for _, o := range cmd.Options {
		if o.Rest {
			return req.Option(o.Name)
		}
	}
	return ""
}

// wording holds the message ids of the words for a fixed set of keys
// (statuses, themes). Tables of it are read-only.
type wording map[string]string

// in returns key's words in p's language, or key itself when it has none.
func (w wording) in(key string, p *i18n.Printer) string {
	if id, ok := w[key]; ok {
		return p.T(id)
	}
	return key
}

// canDM reports whether reminders can reach an author on platform p.
func (r *Router) canDM(p bot.Platform) bool {
	return r.dm.CanDM(p)
}

// dated fills in the dates of a text from the command table (a usage
// example) as of today: {today} is today's date and {today+N} the date N
// days later, written YYYY-MM-DD. An example with a fixed date would soon
// be refused as being in the past.
func (r *Router) dated(s string) string {
	const open = "{today"
	if !strings.Contains(s, open) {
		return s
	}
	today := r.today()
	var b strings.Builder
	for {
		i := strings.Index(s, open)
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		days := 0
		if n := s[i+len(open) : i+j]; n != "" {
			d, err := strconv.Atoi(strings.TrimPrefix(n, "+"))
			if err != nil || n[0] != '+' {
				b.WriteString(s[:i+j+1]) // not a date to fill in
				s = s[i+j+1:]
				continue
			}
			days = d
		}
		b.WriteString(s[:i])
		b.WriteString(today.AddDate(0, 0, days).Format(dateLayout))
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}
