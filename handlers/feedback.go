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
	p := r.printer(lang)
	if ok {
		_, ok = r.kb.Entry(topic, answerLang)
	}
	if !ok {
		return nil, fail(p, bot.Invalid, "feedback.that_button_no_longer_works")
	}
	if req.User.ID == "" {
		return nil, fail(p, bot.Forbidden, "feedback.i_can_t_tell_who")
	}
	first, err := r.votes.Vote(ctx, req.User.Key(), topic, answerLang, helpful)
	if err != nil {
		return nil, fmt.Errorf("feedback: %w", err)
	}
	var text string
	switch {
	case !first:
		text = p.T("feedback.thanks_i_ve_updated_your")
	case helpful:
		text = p.T("feedback.thanks_glad_it_helped")
	default:
		text = p.T("feedback.thanks_for_telling_me_try", "ContactURL", contactURL)
	}
	reply := bot.Say("%s", text)
	if !helpful {
		reply.Buttons = r.noVote(ctx, req, topic, answerLang, p)
	}
	return reply, nil
}

// parseVote reads a feedback button's value; ok is false for anything
// malformed.
func parseVote(value string) (topic, lang string, helpful, ok bool) {
	parts := strings.Split(value, "|")
	if len(parts) != 3 || !validTopicID(parts[0]) {
		return "", "", false, false
	}
	if supportedLang(parts[1]) != parts[1] {
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
