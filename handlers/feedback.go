package handlers

import (
	"context"
	"fmt"
	"strings"

	"github.com/authorbot/authorbot/bot"
)

// feedback answers the "Did this answer your question?" buttons, whose
// value is "topic|lang|yes" or "topic|lang|no" (see answerButtons).
func (r *Router) feedback(ctx context.Context, req *bot.Request) (*bot.Reply, error) {
	topic, answerLang, helpful, ok := parseVote(req.Option("value"))
	lang := supportedLang(req.Locale)
	if lang == "" {
		lang = answerLang
	}
	if lang == "" {
		lang = "en"
	}
	if ok {
		_, ok = r.kb.Entry(topic, answerLang)
	}
	if !ok {
		return nil, bot.Errorf(bot.Invalid, "%s", tr(lang,
			"That button no longer works. Ask again with /ask and vote on the new answer.",
			"Ce bouton ne fonctionne plus. Reposez la question avec /ask et votez sur la nouvelle réponse."))
	}
	if req.User.ID == "" {
		return nil, bot.Errorf(bot.Forbidden, "%s", tr(lang,
			"I can't tell who you are here, so I can't record your vote.",
			"Je ne sais pas qui vous êtes ici, je ne peux donc pas enregistrer votre vote."))
	}
	first, err := r.votes.Vote(ctx, req.User.Key(), topic, answerLang, helpful)
	if err != nil {
		return nil, fmt.Errorf("feedback: %w", err)
	}
	var text string
	switch {
	case !first:
		text = tr(lang, "Thanks, I've updated your vote on this answer.", "Merci, j'ai mis à jour votre vote sur cette réponse.")
	case helpful:
		text = tr(lang, "Thanks! Glad it helped.", "Merci ! Ravi que cela vous ait aidé.")
	default:
		text = tr(lang,
			"Thanks for telling me. Try asking in other words with /ask, or KDP's support team can help: "+contactURL,
			"Merci de me le dire. Essayez de reformuler avec /ask, ou l'assistance KDP peut vous aider : "+contactURL)
	}
	return bot.Say("%s", text), nil
}

// parseVote reads a feedback button's value; ok is false for anything
// malformed.
func parseVote(value string) (topic, lang string, helpful, ok bool) {
	parts := strings.Split(value, "|")
	if len(parts) != 3 || !validTopicID(parts[0]) {
		return "", "", false, false
	}
	if parts[1] != "en" && parts[1] != "fr" {
		return "", "", false, false
	}
	switch parts[2] {
	case "yes":
		return parts[0], parts[1], true, true
	case "no":
		return parts[0], parts[1], false, true
	}
	return "", "", false, false
}

// validTopicID reports whether s has the shape of a knowledge-base id:
// lowercase letters, digits and hyphens, at most 64 characters.
func validTopicID(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, c := range s {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}
