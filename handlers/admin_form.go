package handlers

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/kb"
	"github.com/authorbot/authorbot/kbedit"
)

// The topic form: /admin topic edit TOPIC [LANG] without a field opens,
// on Slack and Discord, a form with the topic's text prefilled, for
// changes of several lines. Submitting it shows the answer as authors
// would read it, under Save and Cancel; only Save stores it, as one
// version by the moderator who pressed it.

// formFields are the fields of the form, in its order: five, the most a
// Discord modal holds.
var formFields = []string{"title", "body", "caveat", "aliases", "sources"}

// draftTTL is how long a submitted form waits for Save: long enough to
// read the preview, short enough that a forgotten one goes.
const draftTTL = 30 * time.Minute

// draft is a submitted form waiting for Save or Cancel.
type draft struct {
	by, topic, lang string
	fields          map[string]string
	until           time.Time
}

// drafts keeps the drafts of this process by id. A draft lives only in
// the process that showed its preview: after a restart, Save says the
// button no longer works and the moderator submits the form again.
type drafts struct {
	mu   sync.Mutex
	byID map[string]draft
}

func newDrafts() *drafts { return &drafts{byID: map[string]draft{}} }

// add keeps d and returns its id, dropping the drafts past their time.
func (ds *drafts) add(d draft, now time.Time) string {
	b := make([]byte, 9)
	rand.Read(b)
	id := hex.EncodeToString(b)
	ds.mu.Lock()
	defer ds.mu.Unlock()
	for k, old := range ds.byID {
		if now.After(old.until) {
			delete(ds.byID, k)
		}
	}
	ds.byID[id] = d
	return id
}

// take removes and returns the draft id of the moderator by, if it is
// still there; another moderator's draft stays theirs.
func (ds *drafts) take(id, by string, now time.Time) (draft, bool) {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	d, ok := ds.byID[id]
	if !ok || d.by != by {
		return draft{}, false
	}
	delete(ds.byID, id)
	return d, !now.After(d.until)
}

// topicForm is the reply that opens the form of topic in lang.
func (r *Router) topicForm(ed TopicEditor, p *i18n.Printer, topic, lang string) (*bot.Reply, error) {
	e, _, err := ed.Topic(topic, lang)
	if err != nil {
		return nil, r.topicError(p, map[string]string{"topic": topic}, err)
	}
	values := formValues(e)
	m := &bot.Modal{Action: bot.ActionTopicForm, Value: e.ID + "/" + e.Lang,
		Title: clipRunes(p.T("admin_topic.form_heading", "Topic", e.ID), 24), Submit: p.T("admin_topic.form_preview")}
	for _, f := range formFields {
		m.Fields = append(m.Fields, bot.ModalField{ID: f, Label: p.T("admin_topic.form_" + f), Value: values[f],
			MaxLength: bot.ModalFieldText, Multiline: f != "title", Optional: f == "caveat" || f == "aliases"})
	}
	reply := bot.Say("%s", p.T("admin_topic.form_opened", "Topic", e.ID))
	reply.Ephemeral, reply.Modal = true, m
	return reply, nil
}

// formValues are an entry's fields as the form shows them: lists one
// item a line.
func formValues(e *kb.Entry) map[string]string {
	return map[string]string{"title": e.Title, "body": e.Body, "caveat": e.Caveat,
		"aliases": strings.Join(e.Aliases, "\n"), "sources": strings.Join(e.Sources, "\n")}
}

// formEditor is the part of a TopicEditor that changes several fields as
// one version; *kbedit.Editor is one.
type formEditor interface {
	EditFields(ctx context.Context, by, topic, lang string, fields map[string]string, save bool) (kbedit.Result, error)
}

// topicFormSubmitted previews a submitted form: the answer as authors
// would read it, with Save and Cancel.
func (r *Router) topicFormSubmitted(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	p := r.printer(r.lang(req, ""))
	if err := r.moderatorOnly(ctx, req, p); err != nil {
		return nil, err
	}
	ed, err := r.formEditor(p)
	if err != nil {
		return nil, err
	}
	topic, lang, ok := strings.Cut(req.Option("value"), "/")
	if !ok || !validTopicID(topic) || kb.Lang(lang) != lang {
		return nil, fail(p, bot.Invalid, "router.that_button_no_longer_works")
	}
	fields := map[string]string{}
	for _, f := range formFields {
		if v, ok := req.Options[f]; ok {
			fields[f] = v
		}
	}
	opts := map[string]string{"topic": topic}
	res, err := ed.EditFields(ctx, req.User.Key(), topic, lang, fields, false)
	if err != nil {
		return nil, r.topicError(p, opts, err)
	}
	id := r.drafts.add(draft{by: req.User.Key(), topic: topic, lang: lang, fields: fields, until: r.now().Add(draftTTL)}, r.now())
	reply, err := r.changeReply(req, p, res, lang)
	if err != nil {
		return nil, err
	}
	reply.Blocks[0] = &bot.Text{Text: p.T("admin_topic.form_check"), Note: true}
	reply.Buttons = []bot.Button{
		{Action: bot.ActionTopicSave, Value: id, Label: p.T("admin_topic.form_save"), Style: bot.Primary},
		{Action: bot.ActionTopicCancel, Value: id, Label: p.T("admin_topic.form_cancel")},
	}
	return reply, nil
}

// formEditor returns the editor as forms need it, or the error saying
// the knowledge base cannot be edited here.
func (r *Router) formEditor(p *i18n.Printer) (formEditor, error) {
	ed, err := r.topicEditor(p)
	if err != nil {
		return nil, err
	}
	fe, ok := ed.(formEditor)
	if !ok {
		return nil, fail(p, bot.Conflict, "admin_topic.not_editable")
	}
	return fe, nil
}

// topicDraftSave stores a previewed form as a new version by the
// moderator who submitted it.
func (r *Router) topicDraftSave(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	p := r.printer(r.lang(req, ""))
	if err := r.moderatorOnly(ctx, req, p); err != nil {
		return nil, err
	}
	ed, err := r.formEditor(p)
	if err != nil {
		return nil, err
	}
	d, ok := r.drafts.take(req.Option("value"), req.User.Key(), r.now())
	if !ok {
		return nil, fail(p, bot.Invalid, "admin_topic.form_gone")
	}
	res, err := ed.EditFields(ctx, req.User.Key(), d.topic, d.lang, d.fields, true)
	var cf kbedit.Conflict
	if errors.As(err, &cf) {
		return nil, fail(p, bot.Conflict, "admin_topic.conflict", "Topic", d.topic, "Version", cf.Latest)
	}
	if err != nil {
		return nil, r.topicError(p, map[string]string{"topic": d.topic}, err)
	}
	return r.changeReply(req, p, res, d.lang)
}

// topicDraftCancel drops a previewed form.
func (r *Router) topicDraftCancel(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	p := r.printer(r.lang(req, ""))
	if err := r.moderatorOnly(ctx, req, p); err != nil {
		return nil, err
	}
	r.drafts.take(req.Option("value"), req.User.Key(), r.now())
	reply := bot.Say("%s", p.T("admin_topic.form_dropped"))
	reply.Ephemeral = true
	return reply, nil
}
