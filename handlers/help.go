package handlers

import (
	"context"
	"slices"
	"strings"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/i18n"
	"github.com/authorbot/authorbot/kb"
)

func (r *Router) helpFamily() family {
	return family{
		cmd: &bot.Command{
			Name:    "help",
			Example: "/help cart-empty",
			Options: []bot.Option{{
				Name: "topic", Positional: true,
				Autocomplete: true, Placeholder: "id",
				Localized: localized("sujet", "thema", "tema", "argomento", "tópico", "onderwerp"),
				// A topic id or theme is one word: "help me please" is a plea.
				Plausible: func(v string) bool { return !strings.ContainsAny(v, " ?!") },
			}},
			Localized: localized("aide", "hilfe", "ayuda", "aiuto", "ajuda", "hulp"),
		},
		handlers: map[string]bot.HandlerFunc{"": r.help},
	}
}

// themeOrder lists the themes in the order authors meet them.
var themeOrder = []string{"ordering", "proofs", "cost", "marketplaces", "shipping", "manage", "cart", "problems", "resale", "preorder", "isbn"}

// themeLabels names the themes of /help.
var themeLabels = wording{
	"ordering":     "help.theme.ordering",
	"proofs":       "help.theme.proofs",
	"cost":         "help.theme.cost",
	"marketplaces": "help.theme.marketplaces",
	"shipping":     "help.theme.shipping",
	"manage":       "help.theme.manage",
	"cart":         "help.theme.cart",
	"problems":     "help.theme.problems",
	"resale":       "help.theme.resale",
	"preorder":     "help.theme.preorder",
	"isbn":         "help.theme.isbn",
}

func (r *Router) help(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang := r.lang(req, "")
	p := r.printer(lang)
	if topic := req.Option("topic"); topic != "" {
		return r.helpTopic(topic, p)
	}
	reply := &bot.Reply{Title: p.T("help.authorbot_commands_and_topics"), Ephemeral: true, Lang: lang}
	var cmds []string
	for _, c := range r.cmds {
		if c.Moderators && !req.IsModerator(ctx) {
			continue // theirs alone, and a list for authors
		}
		cmds = append(cmds, c.Usage(c.Name)+": "+c.DescriptionIn(lang))
	}
	reply.Blocks = append(reply.Blocks,
		&bot.Text{Text: p.T("help.commands")},
		&bot.List{Items: cmds})
	byTheme := map[string][]string{}
	for _, e := range r.kb.Entries(lang) {
		byTheme[e.Theme] = append(byTheme[e.Theme], e.ID+": "+e.Title)
	}
	for _, th := range themeOrder {
		if items := byTheme[th]; len(items) > 0 {
			reply.Blocks = append(reply.Blocks, &bot.Text{Text: themeLabels.in(th, p)}, &bot.List{Items: items})
		}
	}
	reply.Blocks = append(reply.Blocks, &bot.Text{Text: p.T("help.type_help_topic_for_one"), Note: true})
	return reply, nil
}

// helpTopic shows one topic by id; a near miss is searched like a question,
// and an unknown one gets the closest ids.
func (r *Router) helpTopic(topic string, p *i18n.Printer) (*bot.Reply, error) {
	lang := p.Lang()
	e, ok := r.kb.Entry(topic, lang)
	var res kb.Result
	if !ok {
		if res = r.kb.Search(topic, lang); res.Confident && res.Best != nil {
			e, ok = res.Best, true
		}
	}
	if ok {
		reply := r.topicReply(e, lang)
		reply.Buttons = answerButtons(e.ID, p)
		reply.Key = "help/" + r.gen + e.Lang + "/" + e.ID + "/" + lang
		return reply, nil
	}
	var ids []string
	for _, s := range res.Suggestions {
		ids = append(ids, s.ID)
	}
	for _, e := range r.kb.Complete(topic, lang, 3) {
		if len(ids) < 3 && !slices.Contains(ids, e.ID) {
			ids = append(ids, e.ID)
		}
	}
	if len(ids) > 0 {
		return nil, fail(p, bot.NotFound, "help.no_topic_closest", "Topic", safeQuote(topic, p), "Closest", joinHelp(ids))
	}
	return nil, fail(p, bot.NotFound, "help.no_topic", "Topic", safeQuote(topic, p))
}

func joinHelp(ids []string) string {
	s := ""
	for i, id := range ids {
		if i > 0 {
			s += ", "
		}
		s += "/help " + id
	}
	return s
}

// quote echoes author text back, shortened, in quotes.
func quote(s string, p *i18n.Printer) string { return p.T("text.quote", "Text", clipText(s, 40)) }
