package handlers

import (
	"slices"
	"strings"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/kb"
)

// maxPartsWords is the most words a reply to several asks holds with
// every topic's whole answer; past it each topic keeps its first block.
// A chat reply longer than this is scrolled past rather than read.
const maxPartsWords = 300

// answerParts answers a message of several asks in one reply: each
// answered topic under its title with its source, then a line for each
// ask it could not answer. notes, when not nil, gives the lines about the
// author's orders that each topic's own answer would carry.
//
// The reply has no Key: it is made of this message's asks, so no other
// reply shares it. It has no buttons either, since they name one topic.
func (a *Answers) answerParts(ans kb.Answer, notes func(e *kb.Entry, lang string) []string) *Answer {
	first := ans.Parts[0].Result
	if len(ans.Answered()) == 0 && !slices.ContainsFunc(ans.Parts, func(p kb.Part) bool { return p.Unknown != nil }) {
		// Nothing answered and nothing named: the usual decline, with the
		// closest topics, says more than a line per ask would.
		return &Answer{Reply: a.decline(first, ans.Lang), Result: first}
	}
	reply := a.partsReply(ans, notes, false)
	if replyWords(reply) > maxPartsWords {
		reply = a.partsReply(ans, notes, true)
	}
	if best := ans.Answered(); len(best) > 0 {
		first = best[0].Result
	}
	return &Answer{Reply: reply, Result: first, Parts: ans.Parts}
}

// partsReply writes the reply to ans; short keeps only the first block of
// each topic's answer.
func (a *Answers) partsReply(ans kb.Answer, notes func(e *kb.Entry, lang string) []string, short bool) *bot.Reply {
	lang := ans.Lang
	p := a.printer(lang)
	reply := &bot.Reply{Ephemeral: true, Lang: lang}
	var noted []string
	for _, part := range ans.Answered() {
		e := part.Best
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: e.Title})
		// What the ask lets the bot work out leads its answer, as it
		// does a single question's.
		reply.Blocks = append(reply.Blocks, a.computed(part.Ask, e.Theme, p)...)
		blocks := e.Blocks()
		if short && len(blocks) > 1 {
			blocks = blocks[:1]
		}
		for _, b := range blocks {
			if len(b.Steps) > 0 {
				reply.Blocks = append(reply.Blocks, &bot.List{Items: b.Steps, Ordered: true})
				continue
			}
			reply.Blocks = append(reply.Blocks, &bot.Text{Text: b.Text})
		}
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: p.T("ask.source", "Sources", strings.Join(sourceNames(e.Sources), "; "), "Verified", e.Verified), Note: true})
		if notes == nil {
			continue
		}
		for _, l := range notes(e, lang) {
			// Two topics may bear on the same order: say it once.
			if !slices.Contains(noted, l) {
				noted = append(noted, l)
			}
		}
	}
	reply.Blocks = append(reply.Blocks, noteBlocks(noted)...)
	declined := ans.Declined()
	for _, part := range declined {
		if u := part.Unknown; u != nil {
			reply.Blocks = append(reply.Blocks, &bot.Text{Text: p.T("ask.not_covered", "Subject", u.Name, "URL", u.URL)})
			continue
		}
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: p.T("ask.part_not_answered", "Ask", part.Ask)})
	}
	if len(declined) > 0 {
		reply.Blocks = append(reply.Blocks, &bot.Text{Text: p.T("ask.for_anything_else_kdp_s", "ContactURL", contactURL)})
	}
	return reply
}

// replyWords counts the words an author reads in r.
func replyWords(r *bot.Reply) int { return len(strings.Fields(bot.PlainText(r))) }
