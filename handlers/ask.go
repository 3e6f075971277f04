package handlers

import (
	lru "github.com/hashicorp/golang-lru/v2"

	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/kb"
)

// contactURL is where authors reach KDP's own support.
const contactURL = "https://kdp.amazon.com/contact-us"

// maxQuestion is the longest question searched, in characters; the rest
// of a longer one is left out.
const maxQuestion = 500

func (r *Router) askFamily() family {
	return family{
		cmd: &bot.Command{
			Name:    "ask",
			Example: "/ask my cart is empty",
			Options: []bot.Option{{
				Name:     "question",
				Required: true, Rest: true, MaxLength: maxQuestion,
				Localized: localized("question", "frage", "pregunta", "domanda", "pergunta", "vraag"),
			}},
			Localized: localized("question", "frage", "pregunta", "domanda", "pergunta", "vraag"),
		},
		handlers: map[string]bot.HandlerFunc{"": r.ask},
	}
}

// Answers answers questions from the knowledge base alone: /ask without
// the notes about an author's own orders, as "authorbot ask" does. A
// Router is Answers with the rest of the commands.
type Answers struct {
	kb *kb.KB
	// gen names the knowledge base in the Key of its replies ("" for the
	// first): adapters keep what they rendered of a keyed reply, and a
	// moderator's edit must not be answered with the text from before it.
	gen string
	// results remembers recent searches: authors ask the same few
	// questions again and again, and a hit skips the ranking (about half
	// of the CPU time of an /ask in the Slack benchmark's profile).
	results *lru.Cache[resultKey, kb.Result]
	// answers remembers recent messages split into their asks, for the
	// same reason.
	answers *lru.Cache[resultKey, kb.Answer]
	// topics holds every entry's reply, rendered once, by "lang/id".
	topics map[string]*bot.Reply
	// buttons holds the buttons under every entry's answer, written once
	// in the entry's language, by "lang/id" (see topicButtons).
	buttons map[string][]bot.Button
	words   *i18n.Catalog
	// learned are the questions moderators labelled with their topic.
	learned *kb.Learned
}

// resultKey is a question as searched: its text and the language asked for.
type resultKey struct{ question, lang string }

// resultCacheSize bounds the search cache; a result is a few pointers.
const resultCacheSize = 4096

// NewAnswers renders every entry of k once and returns answers from it,
// written from the catalog embedded in the binary.
func NewAnswers(k *kb.KB) *Answers { return newAnswers(k, i18n.Default()) }

func newAnswers(k *kb.KB, words *i18n.Catalog) *Answers {
	results, _ := lru.New[resultKey, kb.Result](resultCacheSize) // errors only for a size <= 0
	answers, _ := lru.New[resultKey, kb.Answer](resultCacheSize)
	a := &Answers{kb: k, results: results, answers: answers, words: words, learned: k.NewLearned()}
	a.topics = a.renderTopics()
	a.buttons = a.renderButtons()
	return a
}

// search ranks the knowledge base for a question, through the cache.
// Results are shared between callers and must not be changed.
func (a *Answers) search(question, lang string) kb.Result {
	return cached(a.results, resultKey{question, lang}, func() kb.Result { return a.kb.Search(question, lang) })
}

// parts splits a message into its asks and answers each, through the
// cache. Answers are shared between callers and must not be changed.
func (a *Answers) parts(message, lang string) kb.Answer {
	return cached(a.answers, resultKey{message, lang}, func() kb.Answer { return a.kb.Answer(message, lang) })
}

// cached returns c's value for key, or makes it with f and keeps it.
func cached[V any](c *lru.Cache[resultKey, V], key resultKey, f func() V) V {
	if v, ok := c.Get(key); ok {
		return v
	}
	v := f()
	c.Add(key, v)
	return v
}

// Answer is the outcome of a question: the reply to show and the search
// result behind it (for the JSON output and for tests).
type Answer struct {
	Reply  *bot.Reply
	Result kb.Result // of the first answered ask when there are several
	// Parts are the asks of a message of several, each with its result;
	// nil for a single question.
	Parts []kb.Part
}

func (r *Router) ask(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	r.syncExamples(ctx)
	a, err := r.Ask(ctx, req)
	if err != nil {
		return nil, err
	}
	r.noteAsked(ctx, req, a)
	return a.Reply, nil
}

// Ask answers req's question from the knowledge base, or declines when no
// topic matches with confidence.
func (a *Answers) Ask(ctx context.Context, req *bot.Request) (*Answer, error) {
	return a.answer(req, nil)
}

// Ask answers req's question as Answers.Ask does, with lines about the
// author's own orders that bear on the answer (orderNotes).
func (r *Router) Ask(ctx context.Context, req *bot.Request) (*Answer, error) {
	return r.answer(req, func(e *kb.Entry, lang string) []string { return r.orderNotes(ctx, req, e, r.printer(lang)) })
}

// answer answers req's question; notes, when not nil, gives the lines
// about the author's orders to add under an answer.
func (a *Answers) answer(req *bot.Request, notes func(e *kb.Entry, lang string) []string) (*Answer, error) {
	q := req.Option("question")
	if q == "" {
		return nil, fail(a.printer(a.lang(req, "")), bot.Invalid, "ask.empty")
	}
	if utf8.RuneCountInString(q) > maxQuestion {
		q = string([]rune(q)[:maxQuestion])
	}
	lang := a.lang(req, q)
	if e, ok := a.learned.Match(q, lang); ok {
		// A moderator said this topic answers this question.
		return a.topicAnswer(q, e, kb.Result{Lang: e.Lang, Best: e, Score: 1, Confident: true}, notes), nil
	}
	parts := a.parts(q, lang)
	if len(parts.Parts) > 1 {
		return a.answerParts(parts, notes), nil
	}
	// The one part is the answer: Answer searched its ask, or the message
	// whole, read against the rest of the message, as the accuracy sets
	// measure it.
	res := parts.Parts[0].Result
	lang = res.Lang
	best := res.Best
	if (!res.Confident || best == nil) && len(findISBNs(q)) > 0 {
		// A number the search makes nothing of is still an ISBN to check.
		best, _ = a.kb.Entry("isbn-conversion", lang)
	}
	if best == nil || !res.Confident && best == res.Best {
		return &Answer{Reply: a.decline(res, lang), Result: res}, nil
	}
	return a.topicAnswer(q, best, res, notes), nil
}

// topicAnswer answers question q with the entry best, the result res
// found: the topic's reply, what can be worked out from q (a printing
// cost, an ISBN), and notes on the author's orders.
func (a *Answers) topicAnswer(q string, best *kb.Entry, res kb.Result, notes func(e *kb.Entry, lang string) []string) *Answer {
	lang := res.Lang
	p := a.printer(lang)
	res.Best = best
	reply := a.topicReply(best, lang)
	computed := a.computed(q, best.Theme, p)
	reply.Blocks = append(computed, reply.Blocks...)
	var lines []string
	if notes != nil {
		lines = notes(best, lang)
	}
	reply.Blocks = append(reply.Blocks, noteBlocks(lines)...)
	reply.Buttons = a.topicButtons(best.ID, p)
	reply.ButtonPrompt = p.T("ask.did_this_answer_your_question")
	if len(lines) == 0 && len(computed) == 0 {
		// Nothing here is the author's own: the answer is the same for all.
		reply.Key = "ask/" + a.gen + best.Lang + "/" + best.ID + "/" + lang
	}
	return &Answer{Reply: reply, Result: res}
}

// topicReply returns a fresh copy of an entry's rendered reply, which the
// caller may extend: the blocks are rendered once per entry by New.
func (a *Answers) topicReply(e *kb.Entry, lang string) *bot.Reply {
	cached, ok := a.topics[e.Lang+"/"+e.ID]
	if !ok || e.Lang != lang {
		return a.renderTopic(e, lang)
	}
	reply := *cached
	reply.Blocks = slices.Clip(reply.Blocks) // appends must not share the array
	return &reply
}

// renderTopics renders every entry once.
func (a *Answers) renderTopics() map[string]*bot.Reply {
	m := map[string]*bot.Reply{}
	for _, lang := range kb.Languages() {
		for _, e := range a.kb.Entries(lang) {
			m[e.Lang+"/"+e.ID] = a.renderTopic(e, e.Lang)
		}
	}
	return m
}

// renderTopic renders one knowledge-base entry: its answer, steps, caveat,
// related topics and source.
func (a *Answers) renderTopic(e *kb.Entry, lang string) *bot.Reply {
	p := a.printer(lang)
	reply := &bot.Reply{Title: e.Title, Ephemeral: true, Topic: e.ID, Lang: lang}
	for _, b := range e.Blocks() {
		if len(b.Steps) > 0 {
			reply.Blocks = append(reply.Blocks, &bot.List{Items: b.Steps, Ordered: true})
			continue
		}
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: b.Text})
	}
	if e.Caveat != "" {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: "⚠ " + e.Caveat, Note: true})
	}
	if rel := a.topicLinks(p, "ask.related", e.Related); rel != "" {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: rel, Note: true})
	}
	reply.Source = p.T("ask.source", "Sources", strings.Join(sourceNames(e.Sources), "; "), "Verified", e.Verified)
	return reply
}

// decline says honestly that the bot does not know, offers the closest
// topics and where a person can help. The question is not logged.
func (a *Answers) decline(res kb.Result, lang string) *bot.Reply {
	p := a.printer(lang)
	reply := &bot.Reply{Ephemeral: true, Lang: lang}
	if u := res.Unknown; u != nil {
		// A subject next to ours that the knowledge base does not cover:
		// say where it is answered, and offer no neighbouring topic.
		reply.Blocks = append(reply.Blocks,
			&bot.Text{Text: p.T("ask.not_covered", "Subject", u.Name, "URL", u.URL)},
			&bot.Text{Text: p.T("ask.for_anything_else_kdp_s", "ContactURL", contactURL)})
		return reply
	}
	reply.Blocks = append(reply.Blocks, &bot.Text{Text: p.T("ask.i_don_t_know_the")})
	suggestions := res.Suggestions
	label := p.T("ask.the_closest_topics_i_know")
	if len(suggestions) == 0 {
		label = p.T("ask.what_i_can_help_with")
		// Nothing is close: offer what authors ask about most, so the
		// author still sees what the bot can do.
		for _, id := range popularTopics {
			if e, ok := a.kb.Entry(id, lang); ok {
				suggestions = append(suggestions, e)
			}
		}
	}
	if len(suggestions) > 0 {
		var items []string
		for _, s := range suggestions {
			items = append(items, p.T("ask.topic_link", "Title", s.Title, "ID", s.ID))
		}
		reply.Blocks = append(reply.Blocks,
			&bot.Text{Text: label},
			&bot.List{Items: items})
	}
	reply.Blocks = append(reply.Blocks, &bot.Text{Text: p.T("ask.for_anything_else_kdp_s", "ContactURL", contactURL)})
	return reply
}

// popularTopics are the questions authors ask most, offered when a
// question matches nothing at all.
var popularTopics = []string{"cart-empty", "order-option-missing", "print-defects"}

// sourceNames drops the internal document references ("(seed 000)") that
// the knowledge base keeps for traceability: authors need the page name.
func sourceNames(sources []string) []string {
	out := make([]string, len(sources))
	for i, s := range sources {
		if j := strings.Index(s, " (seed "); j >= 0 {
			s = s[:j]
		}
		out[i] = s
	}
	return out
}

// answerButtons are the buttons under every answer: share it with the
// channel, and say whether it helped. The share button names only the
// topic and the language of the answer ("cart-empty|fr"): what it posts
// is the topic's answer as anyone would read it (see Router.share), never
// the author's question or the notes about their orders.
func answerButtons(topic string, p *i18n.Printer) []bot.Button {
	lang := p.Lang()
	return []bot.Button{
		{Action: bot.ActionShare, Value: topic + "|" + lang, Label: p.T("ask.share_in_channel")},
		{Action: bot.ActionFeedback, Value: topic + "|" + lang + "|yes", Label: p.T("ask.yes_this_helped"), Style: bot.Primary},
		{Action: bot.ActionFeedback, Value: topic + "|" + lang + "|no", Label: p.T("ask.no")},
	}
}

// topicButtons returns answerButtons(topic, p), written once for the
// entries in their own language. Writing them on every answer (three
// lookups in the catalog, three values joined) was most of a repeated
// question's cost: written once, BenchmarkAsk/repeated went from 2.4µs
// and 15 allocations to 1.9µs and 9. The slice is shared and clipped, so
// a caller may append to it but must not change it.
func (a *Answers) topicButtons(topic string, p *i18n.Printer) []bot.Button {
	if b, ok := a.buttons[p.Lang()+"/"+topic]; ok {
		return b
	}
	return answerButtons(topic, p)
}

// renderButtons writes every entry's buttons in its language.
func (a *Answers) renderButtons() map[string][]bot.Button {
	m := map[string][]bot.Button{}
	for _, lang := range kb.Languages() {
		for _, e := range a.kb.Entries(lang) {
			p := a.printer(e.Lang)
			m[p.Lang()+"/"+e.ID] = slices.Clip(answerButtons(e.ID, p))
		}
	}
	return m
}

// topicRef points to knowledge-base topics: "More: Title (/help id)".
func (a *Answers) topicRef(p *i18n.Printer, ids ...string) string {
	return a.topicLinks(p, "ask.more", ids)
}

// topicLinks lists topics in the message id ("More: Title (/help id);
// …"), leaving out any id the knowledge base does not have, so a renamed
// topic is never linked; "" when none is left.
func (a *Answers) topicLinks(p *i18n.Printer, id string, ids []string) string {
	var refs []string
	for _, topic := range ids {
		if e, ok := a.kb.Entry(topic, p.Lang()); ok {
			refs = append(refs, p.T("ask.topic_link", "Title", e.Title, "ID", e.ID))
		}
	}
	if len(refs) == 0 {
		return ""
	}
	return p.T(id, "Topics", strings.Join(refs, "; "))
}
