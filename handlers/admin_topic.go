package handlers

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/kb"
	"github.com/authorbot/authorbot/kbedit"
)

// TopicEditor changes the knowledge base for moderators: /admin topic.
// *kbedit.Editor is one. The methods return kbedit's coded errors
// (NotFound, BadField, Invalid, Conflict); any other is internal.
type TopicEditor interface {
	// Topic returns the entry in effect of id in lang and what moderators
	// need to know about it.
	Topic(id, lang string) (*kb.Entry, kbedit.Info, error)
	// EditField, AddTopic, HideTopic, RevertTopic and Verify validate a
	// change, and store it when save is set; the result's knowledge base
	// is what authors would read with it.
	EditField(ctx context.Context, by, topic, lang, field, value string, save bool) (kbedit.Result, error)
	AddTopic(ctx context.Context, by string, e kb.Entry, save bool) (kbedit.Result, error)
	HideTopic(ctx context.Context, by, topic string, save bool) (kbedit.Result, error)
	RevertTopic(ctx context.Context, by, topic string, version int64, save bool) (kbedit.Result, error)
	Verify(ctx context.Context, by, topic string, save bool) (kbedit.Result, error)
	// History returns the changes of topic, newest first.
	History(ctx context.Context, topic string) ([]kbedit.Change, error)
}

// WithTopicEditor gives the router what /admin topic changes the
// knowledge base with. Without it, those subcommands say the knowledge
// base cannot be edited here.
func WithTopicEditor(ed TopicEditor) Option { return func(r *Router) { r.topics = ed } }

// topicSubcommands are the handlers of /admin topic by subcommand, for the
// /admin family to route to; that family checks that the author is a
// moderator before calling any. Each reads the options topic, lang,
// field, value, version and save (and theme, title, body, sources for
// add), or, typed on one line, the text after the subcommand in the
// option "args" (see parseTopicArgs).
//
// A subcommand that changes the knowledge base stores nothing without
// save:yes: it shows the answer as authors would read it, so a moderator
// sees the change before making it, and how to save it.
func (r *Router) topicSubcommands() map[string]bot.HandlerFunc {
	return map[string]bot.HandlerFunc{
		"show":    r.topicShow,
		"edit":    r.topicEdit,
		"add":     r.topicAdd,
		"hide":    r.topicHide,
		"history": r.topicHistory,
		"revert":  r.topicRevert,
		"verify":  r.topicVerify,
	}
}

// topicActions are the subcommands of /admin topic, in the order help
// lists them.
var topicActions = []string{"show", "edit", "add", "hide", "history", "revert", "verify"}

// topicCommand is /admin topic: which change (action) and, as typed on
// one line, what it applies to (args, see topicUsage). One subcommand
// with a choice keeps /admin within one level of subcommands, the depth
// every platform and the text grammar share.
func (r *Router) topicCommand() *bot.Command {
	choices := make([]bot.Choice, len(topicActions))
	for i, a := range topicActions {
		choices[i] = bot.Choice{Name: a, Value: a}
	}
	return &bot.Command{Name: "topic", Example: "/admin topic show cancel-order fr",
		Options: []bot.Option{
			{Name: "action", Required: true, Choices: choices,
				Localized: localized("action", "aktion", "acción", "azione", "ação", "actie")},
			{Name: "args", Positional: true, Rest: true, MaxLength: 4000, Placeholder: "TOPIC …",
				Localized: localized("arguments", "argumente", "argumentos", "argomenti", "argumentos", "argumenten")},
		},
		Localized: localized("sujet", "thema", "tema", "argomento", "tópico", "onderwerp")}
}

// adminTopic routes /admin topic to the handler of its action.
func (r *Router) adminTopic(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	h, ok := r.topicSubcommands()[req.Option("action")]
	if !ok {
		p := r.printer(r.lang(req, ""))
		return nil, fail(p, bot.Invalid, "admin_topic.usage", "Usage", strings.Join(topicActions, "|"))
	}
	return h(ctx, req)
}

// topicOptions returns req's options with those of its one-line form
// (the option "args") filled in, or the usage error of sub.
func (r *Router) topicOptions(req *bot.Request, sub string, p *i18n.Printer) (map[string]string, error) {
	opts := map[string]string{}
	for k, v := range req.Options {
		opts[k] = strings.TrimSpace(v)
	}
	if args := opts["args"]; args != "" {
		parsed, ok := parseTopicArgs(sub, args)
		if !ok {
			return nil, fail(p, bot.Invalid, "admin_topic.usage", "Usage", topicUsage[sub])
		}
		for k, v := range parsed {
			opts[k] = v
		}
	}
	if opts["topic"] == "" {
		return nil, fail(p, bot.Invalid, "admin_topic.usage", "Usage", topicUsage[sub])
	}
	return opts, nil
}

// topicUsage is the one-line form of each subcommand, as typed after
// /admin topic; names in capitals are what the moderator fills in.
var topicUsage = map[string]string{
	"show":    "show TOPIC [LANG]",
	"edit":    "edit TOPIC [LANG] FIELD VALUE [save:yes]",
	"add":     "add TOPIC THEME TITLE | BODY | SOURCE [save:yes]",
	"hide":    "hide TOPIC [save:yes]",
	"history": "history TOPIC",
	"revert":  "revert TOPIC [VERSION] [save:yes]",
	"verify":  "verify TOPIC [save:yes]",
}

// parseTopicArgs reads the one-line form of sub (topicUsage): the topic
// first, then, for show and edit, a language code when the next word is
// one; for edit the field and its value, the rest of the line; for add
// the theme and then the title, body and source separated by " | "; for
// revert a version number. Words save:yes, lang:xx or version:N at the
// end of the line set those options. The value of an edit keeps its
// words as typed, so "body" may hold a whole paragraph.
func parseTopicArgs(sub, line string) (map[string]string, bool) {
	opts := map[string]string{}
	rest := strings.TrimSpace(line)
	// Named options at the end, where they cannot be part of a value.
	for {
		i := strings.LastIndexAny(rest, " \t")
		k, v, ok := strings.Cut(rest[i+1:], ":")
		if !ok || v == "" || !slices.Contains([]string{"save", "lang", "version"}, k) {
			break
		}
		opts[k] = v
		rest = strings.TrimSpace(rest[:max(i, 0)])
	}
	next := func() string {
		w, r, _ := strings.Cut(rest, " ")
		rest = strings.TrimSpace(r)
		return w
	}
	if opts["topic"] = next(); opts["topic"] == "" {
		return nil, false
	}
	if sub == "show" || sub == "edit" {
		if w, _, _ := strings.Cut(rest, " "); w != "" && kb.Lang(w) == w {
			opts["lang"] = next()
		}
	}
	switch sub {
	case "edit":
		// Without a field, chat platforms open the topic's form.
		opts["field"] = next()
		opts["value"] = rest // as typed: a body keeps its words and spacing
	case "add":
		opts["theme"] = next()
		parts := strings.Split(rest, "|")
		if len(parts) != 3 {
			return nil, false
		}
		opts["title"], opts["body"], opts["sources"] = strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1]), strings.TrimSpace(parts[2])
	case "revert":
		if rest != "" {
			opts["version"] = next()
		}
	}
	return opts, rest == "" || sub == "edit" || sub == "add"
}

// topicEditor returns the editor, or the error saying there is none.
func (r *Router) topicEditor(p *i18n.Printer) (TopicEditor, error) {
	if r.topics == nil {
		return nil, fail(p, bot.Conflict, "admin_topic.not_editable")
	}
	return r.topics, nil
}

// topicShow shows a topic as authors read it, with when it was last
// checked and who changed it last.
func (r *Router) topicShow(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	p := r.printer(r.lang(req, ""))
	opts, err := r.topicOptions(req, "show", p)
	if err != nil {
		return nil, err
	}
	ed, err := r.topicEditor(p)
	if err != nil {
		return nil, err
	}
	lang := topicLang(opts)
	e, info, err := ed.Topic(opts["topic"], lang)
	if err != nil {
		return nil, r.topicError(p, opts, err)
	}
	reply := r.previewReply(r.current().kb, e, lang)
	reply.Blocks = append([]bot.Block{r.topicFacts(p, e, info)}, reply.Blocks...)
	return reply, nil
}

// topicFacts is what moderators see of a topic besides its answer.
func (r *Router) topicFacts(p *i18n.Printer, e *kb.Entry, info kbedit.Info) bot.Block {
	checked := p.T("admin_topic.checked_on", "Date", e.Verified)
	if v, err := time.Parse(time.DateOnly, e.Verified); err != nil || v.Before(r.now().AddDate(-1, 0, 0)) {
		checked = p.T("admin_topic.checked_long_ago", "Date", e.Verified)
	}
	fields := []bot.Field{
		{Name: p.T("admin_topic.field_topic"), Value: e.ID + " (" + e.Lang + ")", Inline: true},
		{Name: p.T("admin_topic.field_checked"), Value: checked, Inline: true},
	}
	version := p.T("admin_topic.from_the_base")
	if info.Version > 0 {
		version = p.T("admin_topic.version_by", "Version", info.Version, "By", info.By, "Date", info.At.UTC().Format(time.DateOnly))
	}
	fields = append(fields, bot.Field{Name: p.T("admin_topic.field_version"), Value: version, Inline: true})
	if info.Hidden {
		fields = append(fields, bot.Field{Name: p.T("admin_topic.field_state"), Value: p.T("admin_topic.hidden")})
	}
	if info.Drifted {
		fields = append(fields, bot.Field{Name: p.T("admin_topic.field_state"), Value: p.T("admin_topic.drifted", "Topic", e.ID)})
	}
	return &bot.Fields{Fields: fields}
}

// topicEdit changes one field of a topic in one language.
func (r *Router) topicEdit(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	p := r.printer(r.lang(req, ""))
	opts, err := r.topicOptions(req, "edit", p)
	if err != nil {
		return nil, err
	}
	ed, err := r.topicEditor(p)
	if err != nil {
		return nil, err
	}
	if opts["field"] == "" {
		if req.User.Platform == bot.Console {
			return nil, fail(p, bot.Invalid, "admin_topic.usage", "Usage", topicUsage["edit"])
		}
		return r.topicForm(ed, p, opts["topic"], topicLang(opts))
	}
	lang := topicLang(opts)
	res, err := ed.EditField(ctx, req.User.Key(), opts["topic"], lang, strings.ToLower(opts["field"]), opts["value"], saving(opts))
	if err != nil {
		return nil, r.topicError(p, opts, err)
	}
	return r.changeReply(req, p, res, lang)
}

// topicAdd adds a topic, written in English.
func (r *Router) topicAdd(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	p := r.printer(r.lang(req, ""))
	opts, err := r.topicOptions(req, "add", p)
	if err != nil {
		return nil, err
	}
	ed, err := r.topicEditor(p)
	if err != nil {
		return nil, err
	}
	e := kb.Entry{ID: opts["topic"], Theme: opts["theme"], Title: opts["title"], Body: opts["body"]}
	if s := opts["sources"]; s != "" {
		e.Sources = []string{s}
	}
	res, err := ed.AddTopic(ctx, req.User.Key(), e, saving(opts))
	if err != nil {
		return nil, r.topicError(p, opts, err)
	}
	return r.changeReply(req, p, res, "en")
}

// topicHide leaves a topic out in every language.
func (r *Router) topicHide(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	p := r.printer(r.lang(req, ""))
	opts, err := r.topicOptions(req, "hide", p)
	if err != nil {
		return nil, err
	}
	ed, err := r.topicEditor(p)
	if err != nil {
		return nil, err
	}
	res, err := ed.HideTopic(ctx, req.User.Key(), opts["topic"], saving(opts))
	if err != nil {
		return nil, r.topicError(p, opts, err)
	}
	return r.changeReply(req, p, res, "")
}

// topicVerify stamps today as the day the topic was checked.
func (r *Router) topicVerify(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	p := r.printer(r.lang(req, ""))
	opts, err := r.topicOptions(req, "verify", p)
	if err != nil {
		return nil, err
	}
	ed, err := r.topicEditor(p)
	if err != nil {
		return nil, err
	}
	res, err := ed.Verify(ctx, req.User.Key(), opts["topic"], saving(opts))
	if err != nil {
		return nil, r.topicError(p, opts, err)
	}
	return r.changeReply(req, p, res, topicLang(opts))
}

// topicRevert brings back a version of a topic, by default the one before
// its latest change.
func (r *Router) topicRevert(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	p := r.printer(r.lang(req, ""))
	opts, err := r.topicOptions(req, "revert", p)
	if err != nil {
		return nil, err
	}
	ed, err := r.topicEditor(p)
	if err != nil {
		return nil, err
	}
	var version int64
	if v := opts["version"]; v != "" {
		if version, err = strconv.ParseInt(strings.TrimPrefix(v, "v"), 10, 64); err != nil || version < 0 {
			return nil, fail(p, bot.Invalid, "admin_topic.usage", "Usage", topicUsage["revert"])
		}
	} else {
		hist, err := ed.History(ctx, opts["topic"])
		if err != nil {
			return nil, err
		}
		version = kbedit.Previous(hist)
	}
	res, err := ed.RevertTopic(ctx, req.User.Key(), opts["topic"], version, saving(opts))
	if err != nil {
		return nil, r.topicError(p, opts, err)
	}
	return r.changeReply(req, p, res, topicLang(opts))
}

// topicHistory lists the versions of a topic, newest first.
func (r *Router) topicHistory(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	p := r.printer(r.lang(req, ""))
	opts, err := r.topicOptions(req, "history", p)
	if err != nil {
		return nil, err
	}
	ed, err := r.topicEditor(p)
	if err != nil {
		return nil, err
	}
	hist, err := ed.History(ctx, opts["topic"])
	if err != nil {
		return nil, err
	}
	reply := &bot.Reply{Title: p.T("admin_topic.history_title", "Topic", opts["topic"]), Ephemeral: true}
	if len(hist) == 0 {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: p.T("admin_topic.no_history", "Topic", opts["topic"])})
		return reply, nil
	}
	var items []string
	for _, c := range hist {
		items = append(items, p.T("admin_topic.history_item", "Version", c.Version, "Date", c.At.UTC().Format("2006-01-02 15:04"),
			"Action", p.T(actionWords[c.Action]), "By", c.By))
	}
	reply.Blocks = append(reply.Blocks, &bot.List{Items: items},
		&bot.Text{Text: p.T("admin_topic.revert_hint", "Topic", opts["topic"]), Note: true})
	return reply, nil
}

// actionWords names each kind of change in the history.
var actionWords = map[kbedit.Action]string{
	kbedit.Edit:   "admin_topic.action_edit",
	kbedit.Add:    "admin_topic.action_add",
	kbedit.Hide:   "admin_topic.action_hide",
	kbedit.Revert: "admin_topic.action_revert",
	kbedit.Verify: "admin_topic.action_verify",
	kbedit.Import: "admin_topic.action_import",
}

// changeReply shows a change: saved or not, and the answer authors read
// with it, or that they no longer get one for a hidden topic.
func (r *Router) changeReply(req *bot.Request, p *i18n.Printer, res kbedit.Result, lang string) (*bot.Reply, error) {
	c := res.Change
	var status string
	switch {
	case res.Saved:
		status = p.T("admin_topic.saved", "Version", c.Version, "Topic", c.Topic)
	default:
		status = p.T("admin_topic.preview", "Command", saveCommand(req))
	}
	e, ok := res.KB.Entry(c.Topic, lang)
	if c.Hidden || !ok {
		reply := &bot.Reply{Ephemeral: true, Title: c.Topic}
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: status, Note: true},
			&bot.Text{Text: p.T("admin_topic.hidden_effect", "Topic", c.Topic)})
		return reply, nil
	}
	reply := r.previewReply(res.KB, e, lang)
	reply.Blocks = append([]bot.Block{&bot.Text{Text: status, Note: true}}, reply.Blocks...)
	return reply, nil
}

// previewReply is the answer on e as authors read it from k, without the
// buttons that only make sense under a real answer.
func (r *Router) previewReply(k *kb.KB, e *kb.Entry, lang string) *bot.Reply {
	if lang == "" {
		lang = e.Lang
	}
	a := &Answers{kb: k, words: r.words}
	reply := a.renderTopic(e, lang)
	return reply
}

// saveCommand is the command that saves what req previewed.
func saveCommand(req *bot.Request) string {
	line := strings.TrimSpace(req.Line)
	if line == "" {
		line = strings.TrimSpace("/" + req.Name() + " " + req.Option("action") + " " + req.Option("args"))
	}
	return line + " save:yes"
}

// saving reports whether the options ask for the change to be stored.
func saving(opts map[string]string) bool {
	switch strings.ToLower(opts["save"]) {
	case "yes", "true", "1":
		return true
	}
	return false
}

// topicLang is the language the options name, "en" by default.
func topicLang(opts map[string]string) string {
	if l := kb.Lang(opts["lang"]); l != "" {
		return l
	}
	return "en"
}

// topicError turns kbedit's errors into the moderator's words; any other
// is returned as it is, internal.
func (r *Router) topicError(p *i18n.Printer, opts map[string]string, err error) error {
	var (
		nf  kbedit.NotFound
		bf  kbedit.BadField
		inv kbedit.Invalid
		cf  kbedit.Conflict
	)
	switch {
	case errors.As(err, &nf) && nf.Version > 0:
		return fail(p, bot.NotFound, "admin_topic.unknown_version", "Topic", nf.Topic, "Version", nf.Version)
	case errors.As(err, &nf) && nf.Lang != "":
		return fail(p, bot.NotFound, "admin_topic.unknown_lang", "Topic", nf.Topic, "Lang", nf.Lang)
	case errors.As(err, &nf):
		return fail(p, bot.NotFound, "admin_topic.unknown_topic", "Topic", nf.Topic)
	case errors.As(err, &bf):
		return fail(p, bot.Invalid, "admin_topic.bad_field", "Field", bf.Field, "Fields", strings.Join(kbedit.Fields(), ", "))
	case errors.As(err, &cf) && cf.Latest == 0:
		return fail(p, bot.Conflict, "admin_topic.exists", "Topic", cf.Topic)
	case errors.As(err, &cf):
		return fail(p, bot.Conflict, "admin_topic.conflict", "Topic", cf.Topic, "Version", cf.Latest)
	case errors.As(err, &inv):
		// The loader's problems name files and keys: they are the same
		// for every moderator and go out as the loader wrote them.
		return fail(p, bot.Invalid, "admin_topic.invalid", "Count", len(inv.Problems), "Problems", "\n- "+strings.Join(inv.Problems, "\n- "))
	}
	return fmt.Errorf("admin topic %s: %w", opts["topic"], err)
}

// PreviewAnswer is the answer on topic id in lang as authors would read
// it from k, a knowledge base a change would make: for previews outside
// chat (the dashboard's editor). ok is false when k has no such topic.
func (r *Router) PreviewAnswer(k *kb.KB, id, lang string) (reply *bot.Reply, ok bool) {
	e, ok := k.Entry(id, lang)
	if !ok {
		return nil, false
	}
	return r.previewReply(k, e, lang), true
}
