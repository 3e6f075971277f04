package slack

import (
	"strconv"
	"strings"
	"unicode/utf8"

	slackapi "github.com/slack-go/slack"

	"github.com/authorbot/authorbot/bot"
)

// Slack's Block Kit limits (docs.slack.dev/reference/block-kit). Text limits
// count characters; these count runes, which is never more.
const (
	maxBlocks      = 50   // blocks in one message
	maxHeader      = 150  // header text
	maxText        = 3000 // section text, context element text
	maxField       = 2000 // one section field
	maxFields      = 10   // fields in one section
	maxContext     = 10   // elements in one context block
	maxButtons     = 25   // elements in one actions block
	maxButtonText  = 75
	maxButtonValue = 2000
	maxID          = 255 // block_id, action_id
	maxFallback    = 3000
	maxLinkLabel   = 500
)

// render turns a reply into the message Slack shows: Block Kit blocks and
// a plain-text fallback for notifications and clients without blocks.
//
// The result is a slackapi.WebhookMessage rather than a slackapi.Msg: it is
// exactly what Slack accepts both as a slash command's response body and on
// a response_url, whereas Msg always carries fields of message events
// (metadata, "blocks":null) that have no place in a response.
//
// Everything in a reply is plain text: render escapes it, so nothing an
// author typed becomes markup, a link or a mention.
func render(r *bot.Reply) *slackapi.WebhookMessage {
	msg := &slackapi.WebhookMessage{
		ResponseType: slackapi.ResponseTypeEphemeral,
		Text:         clipMrkdwn(escape(bot.PlainText(r)), maxFallback),
	}
	if !r.Ephemeral {
		msg.ResponseType = slackapi.ResponseTypeInChannel
	}
	var body []slackapi.Block
	if r.Title != "" {
		// plain_text is shown as typed, never parsed for mentions or links;
		// the broadcast words get their zero-width space all the same.
		body = append(body, slackapi.NewHeaderBlock(plain(clip(neutralize(r.Title), maxHeader))))
	}
	for _, b := range r.Blocks {
		body = append(body, renderBlock(b)...)
	}
	tail := contextBlocks(r.Source)
	if buttons := renderButtons(r.Buttons); len(buttons) > 0 {
		tail = append(tail, contextBlocks(r.ButtonPrompt)...)
		tail = append(tail, slackapi.NewActionBlock("", buttons...))
	}
	if len(body)+len(tail) > maxBlocks {
		// Keep the source and the buttons; say that the middle was cut.
		body = append(body[:maxBlocks-len(tail)-1], contextBlocks("…")...)
	}
	blocks := append(body, tail...)
	if len(blocks) > 0 {
		msg.Blocks = &slackapi.Blocks{BlockSet: blocks}
	}
	return msg
}

// renderBlock renders one neutral block as one or more Slack blocks (long
// text is split to stay within Slack's limits).
func renderBlock(b bot.Block) []slackapi.Block {
	switch v := b.(type) {
	case *bot.Text:
		if v.Note {
			return contextBlocks(v.Text)
		}
		return sections(escape(v.Text))
	case *bot.List:
		var s strings.Builder
		for i, it := range v.Items {
			if i > 0 {
				s.WriteByte('\n')
			}
			if v.Ordered {
				s.WriteString(strconv.Itoa(i+1) + ". ")
			} else {
				s.WriteString("• ")
			}
			s.WriteString(escape(it))
		}
		return sections(s.String())
	case *bot.Fields:
		return fieldSections(v.Fields)
	case *bot.Link:
		return sections(link(v.Label, v.URL))
	}
	return nil
}

// sections puts mrkdwn text into as many sections as its length needs.
func sections(text string) []slackapi.Block {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	var blocks []slackapi.Block
	for _, part := range splitMrkdwn(text, maxText) {
		blocks = append(blocks, slackapi.NewSectionBlock(mrkdwn(part), nil, nil))
	}
	return blocks
}

// fieldSections renders labelled values as section fields, ten per
// section. Slack always lays fields out in two columns, so Field.Inline
// has nothing to change here.
func fieldSections(fields []bot.Field) []slackapi.Block {
	var blocks []slackapi.Block
	var cur []*slackapi.TextBlockObject
	for _, f := range fields {
		// An asterisk in the name would end the bold early.
		name := strings.ReplaceAll(strings.TrimSpace(f.Name), "*", "")
		text := "*" + escape(name) + "*\n" + escape(f.Value)
		cur = append(cur, mrkdwn(clipMrkdwn(text, maxField)))
		if len(cur) == maxFields {
			blocks = append(blocks, slackapi.NewSectionBlock(nil, cur, nil))
			cur = nil
		}
	}
	if len(cur) > 0 {
		blocks = append(blocks, slackapi.NewSectionBlock(nil, cur, nil))
	}
	return blocks
}

// contextBlocks renders secondary text (a caveat, a source, a prompt) small
// and dimmed, in one context block; none for blank text, which Slack
// refuses.
func contextBlocks(text string) []slackapi.Block {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	var elems []slackapi.MixedElement
	for _, part := range splitMrkdwn(escape(text), maxText) {
		if len(elems) == maxContext {
			break
		}
		elems = append(elems, mrkdwn(part))
	}
	return []slackapi.Block{slackapi.NewContextBlock("", elems...)}
}

// link renders a labelled URL. Only web and mail addresses become links;
// anything else is shown as text, so a reply can never carry a link to
// some other scheme.
func link(label, url string) string {
	label = escape(clip(strings.TrimSpace(label), maxLinkLabel))
	url = strings.TrimSpace(url)
	lower := strings.ToLower(url)
	if !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "mailto:") {
		if label == "" {
			return escape(url)
		}
		return label + ": " + escape(url)
	}
	url = linkURLEscaper.Replace(escapeOnly(url))
	if label == "" {
		return "<" + url + ">"
	}
	return "<" + url + "|" + label + ">"
}

// linkURLEscaper percent-encodes what would break a URL inside <url|label>:
// "|" ends the address part, and a space or newline ends the link.
var linkURLEscaper = strings.NewReplacer("|", "%7C", " ", "%20", "\n", "%0A")

// renderButtons renders the reply's buttons. A button's value carries its
// action and value together (see buttonValue); a button whose value would
// exceed Slack's limit is left out rather than cut, since a cut value would
// do something else.
func renderButtons(buttons []bot.Button) []slackapi.BlockElement {
	var elems []slackapi.BlockElement
	for i, b := range buttons {
		if len(elems) == maxButtons {
			break
		}
		value := buttonValue(b.Action, b.Value)
		if b.Action == "" || utf8.RuneCountInString(value) > maxButtonValue {
			continue
		}
		// action_id must be unique within the block; the index makes it so
		// when two buttons share an action (yes / no feedback).
		id := clipBytes(b.Action+"-"+strconv.Itoa(i), maxID)
		label := strings.TrimSpace(b.Label)
		if label == "" {
			label = b.Action
		}
		btn := slackapi.NewButtonBlockElement(id, value, plain(clip(label, maxButtonText)))
		switch b.Style {
		case bot.Primary:
			btn.Style = slackapi.StylePrimary
		case bot.Danger:
			btn.Style = slackapi.StyleDanger
		}
		elems = append(elems, btn)
	}
	return elems
}

// buttonValue encodes a button's action and value in the one value Slack
// hands back when the button is pressed. Action names never hold a colon.
func buttonValue(action, value string) string { return action + ":" + value }

// parseButtonValue is buttonValue's inverse.
func parseButtonValue(s string) (action, value string, ok bool) {
	action, value, ok = strings.Cut(s, ":")
	return action, value, ok && action != ""
}

func plain(text string) *slackapi.TextBlockObject {
	return slackapi.NewTextBlockObject(slackapi.PlainTextType, text, true, false)
}

func mrkdwn(text string) *slackapi.TextBlockObject {
	return slackapi.NewTextBlockObject(slackapi.MarkdownType, text, false, false)
}

// mrkdwnEscaper escapes the three characters Slack's mrkdwn gives meaning
// to: with them escaped, text cannot form <!channel>, <@U123>, <#C123> or
// <url|label>.
var mrkdwnEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// escape makes plain text safe to show as mrkdwn: it escapes & < > and
// puts a zero-width space after the @ of @here, @channel and @everyone,
// which some clients and integrations still turn into broadcasts.
func escape(s string) string {
	return neutralize(mrkdwnEscaper.Replace(s))
}

// escapeOnly escapes & < > but leaves everything else as it is (for URLs).
func escapeOnly(s string) string { return mrkdwnEscaper.Replace(s) }

// broadcasts are the words that, after an @, notify a whole channel.
var broadcasts = []string{"here", "channel", "everyone"}

func neutralize(s string) string {
	if !strings.Contains(s, "@") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '@')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i+1])
		s = s[i+1:]
		for _, w := range broadcasts {
			if len(s) >= len(w) && strings.EqualFold(s[:len(w)], w) {
				b.WriteString("\u200b")
				break
			}
		}
	}
}

// clip shortens plain text to n runes, ending with an ellipsis when cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// clipBytes shortens s to at most n bytes on a rune boundary.
func clipBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// clipMrkdwn shortens escaped text to n runes without cutting an entity
// (&amp;) in two.
func clipMrkdwn(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := safeCut(s, byteOffset(s, n-1))
	return s[:cut] + "…"
}

// splitMrkdwn splits escaped text into parts of at most n runes, at a line
// break or a space where there is one in the second half of a part, and
// never inside an entity.
func splitMrkdwn(s string, n int) []string {
	var parts []string
	for utf8.RuneCountInString(s) > n {
		limit := byteOffset(s, n)
		cut := strings.LastIndexByte(s[:limit], '\n')
		if cut < limit/2 {
			cut = strings.LastIndexByte(s[:limit], ' ')
		}
		if cut < limit/2 {
			cut = limit
		}
		cut = safeCut(s, cut)
		if cut == 0 {
			cut = limit
		}
		parts = append(parts, s[:cut])
		s = strings.TrimLeft(s[cut:], " \n")
	}
	if s != "" {
		parts = append(parts, s)
	}
	return parts
}

// byteOffset is the byte offset of rune n in s (len(s) when s is shorter).
func byteOffset(s string, n int) int {
	i := 0
	for off := range s {
		if i == n {
			return off
		}
		i++
	}
	return len(s)
}

// safeCut moves a cut at byte offset cut back before an entity it would
// split ("&am|p;").
func safeCut(s string, cut int) int {
	amp := strings.LastIndexByte(s[:cut], '&')
	if amp >= 0 && cut-amp < len("&amp;") && !strings.Contains(s[amp:cut], ";") {
		return amp
	}
	return cut
}
