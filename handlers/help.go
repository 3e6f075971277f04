package handlers

import (
	"context"
	"slices"
	"strings"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/kb"
)

func (r *Router) helpFamily() family {
	return family{
		cmd: &bot.Command{
			Name:        "help",
			Description: "List the commands and topics, or show one topic",
			Example:     "/help cart-empty",
			Options: []bot.Option{{
				Name: "topic", Description: "A topic id, e.g. cart-empty", Positional: true,
				Autocomplete: true, Placeholder: "id",
				Localized: localized("sujet", "Un sujet, par ex. cart-empty", "thema", "tema", "argomento", "tópico", "onderwerp"),
				// A topic id or theme is one word: "help me please" is a plea.
				Plausible: func(v string) bool { return !strings.ContainsAny(v, " ?!") },
			}},
			Localized: localized("aide", "Les commandes et les sujets, ou un sujet précis", "hilfe", "ayuda", "aiuto", "ajuda", "hulp"),
		},
		handlers: map[string]bot.HandlerFunc{"": r.help},
	}
}

// themeOrder lists the themes in the order authors meet them.
var themeOrder = []string{"ordering", "proofs", "cost", "marketplaces", "shipping", "manage", "cart", "problems", "resale", "preorder", "isbn"}

// themeLabels names the themes of /help.
var themeLabels = wording{
	"ordering":     {"Ordering author copies", "Commander des exemplaires d'auteur"},
	"proofs":       {"Proof copies", "Épreuves"},
	"cost":         {"Cost and printing price", "Coût et prix d'impression"},
	"marketplaces": {"Marketplaces and languages", "Sites Amazon et langues"},
	"shipping":     {"Shipping and delivery", "Expédition et livraison"},
	"manage":       {"Track, change or cancel", "Suivre, modifier ou annuler"},
	"cart":         {"Cart and checkout problems", "Problèmes de panier et de paiement"},
	"problems":     {"Damaged, defective or wrong copies", "Exemplaires abîmés, défectueux ou erronés"},
	"resale":       {"Reselling", "Revente"},
	"preorder":     {"Pre-orders and release dates", "Précommandes et dates de parution"},
	"isbn":         {"ISBN and ASIN", "ISBN et ASIN"},
}

func (r *Router) help(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	lang := r.lang(req, "")
	if topic := req.Option("topic"); topic != "" {
		return r.helpTopic(topic, lang)
	}
	reply := &bot.Reply{Title: tr(lang, "authorbot: commands and topics", "authorbot : commandes et sujets"), Ephemeral: true, Lang: lang}
	var cmds []string
	for _, c := range r.cmds {
		cmds = append(cmds, c.Usage(c.Name)+": "+c.Description)
	}
	reply.Blocks = append(reply.Blocks,
		&bot.Text{Text: tr(lang, "Commands:", "Commandes :")},
		&bot.List{Items: cmds})
	byTheme := map[string][]string{}
	for _, e := range r.kb.Entries(lang) {
		byTheme[e.Theme] = append(byTheme[e.Theme], e.ID+": "+e.Title)
	}
	for _, th := range themeOrder {
		if items := byTheme[th]; len(items) > 0 {
			reply.Blocks = append(reply.Blocks, &bot.Text{Text: themeLabels.in(th, lang)}, &bot.List{Items: items})
		}
	}
	reply.Blocks = append(reply.Blocks, &bot.Text{Text: tr(lang,
		"Type /help <topic> for one topic, or just ask: /ask my cart is empty",
		"Tapez /help <sujet> pour un sujet, ou posez directement votre question : /ask mon panier est vide"), Note: true})
	return reply, nil
}

// helpTopic shows one topic by id; a near miss is searched like a question,
// and an unknown one gets the closest ids.
func (r *Router) helpTopic(topic, lang string) (*bot.Reply, error) {
	e, ok := r.kb.Entry(topic, lang)
	var res kb.Result
	if !ok {
		if res = r.kb.Search(topic, lang); res.Confident && res.Best != nil {
			e, ok = res.Best, true
		}
	}
	if ok {
		reply := r.topicReply(e, lang)
		reply.Buttons = answerButtons(e.ID, lang)
		reply.Key = "help/" + e.Lang + "/" + e.ID + "/" + lang
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
	msg := tr(lang, "There is no topic called ", "Il n'y a pas de sujet ") + safeQuote(topic) + "."
	if len(ids) > 0 {
		msg += tr(lang, " Closest: ", " Les plus proches : ") + joinHelp(ids) + "."
	}
	msg += tr(lang, " Type /help for the full list.", " Tapez /help pour la liste complète.")
	return nil, bot.Errorf(bot.NotFound, "%s", msg)
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
func quote(s string) string { return "“" + clipText(s, 40) + "”" }
