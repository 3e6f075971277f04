package slack

import (
	"slices"
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
	r = shown(r)
	msg := &slackapi.WebhookMessage{
		ResponseType: slackapi.ResponseTypeEphemeral,
		Text:         fallback(r),
	}
	if !r.Ephemeral {
		msg.ResponseType = slackapi.ResponseTypeInChannel
	}
	var body []slackapi.Block
	if r.Title != "" {
		body = append(body, slackapi.NewHeaderBlock(plain(clip(plainText(r.Title), maxHeader))))
	}
	for _, b := range r.Blocks {
		if len(body) > maxBlocks {
			break // the rest could not be shown
		}
		body = append(body, renderBlock(b)...)
	}
	tail := contextBlocks(r.Source)
	if buttons := renderButtons(r.Buttons); len(buttons) > 0 {
		tail = append(tail, contextBlocks(r.ButtonPrompt)...)
		tail = append(tail, slackapi.NewActionBlock("", buttons...))
	}
	tail = append(tail, renderSelects(r.Selects)...)
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

// maxShown is the most text of one block a message can show: its every
// block full.
const maxShown = maxBlocks * maxText

// shown returns r, or when a paragraph of it is longer than a message can
// show, a copy with such paragraphs cut to maxShown: the rest would be cut
// when the blocks are, but not before it had been escaped and split, all
// of it, on every render. (A reply carrying several MB of text, as the
// data export once did, took seconds to render.)
func shown(r *bot.Reply) *bot.Reply {
	cut := -1
	for i, b := range r.Blocks {
		if t, ok := b.(*bot.Text); ok && len(t.Text) > maxShown && byteOffset(t.Text, maxShown) < len(t.Text) {
			cut = i
			break
		}
	}
	if cut < 0 {
		return r
	}
	c := *r
	c.Blocks = slices.Clone(r.Blocks)
	for i, b := range c.Blocks[cut:] {
		if t, ok := b.(*bot.Text); ok {
			if off := byteOffset(t.Text, maxShown); off < len(t.Text) {
				c.Blocks[cut+i] = &bot.Text{Text: t.Text[:off] + "…", Note: t.Note}
			}
		}
	}
	return &c
}

// fallback is the message's plain-text fallback, for notifications and
// clients that show no blocks: the reply as plain text, escaped, within
// Slack's limit. Only the start that can be kept is escaped.
func fallback(r *bot.Reply) string {
	text := bot.PlainText(r)
	if off := byteOffset(text, maxFallback); off < len(text) {
		text = text[:off] + "…"
	}
	return clipMrkdwn(escape(text), maxFallback)
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
	case *bot.Mention:
		return sections(mention(v))
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
		btn := slackapi.NewButtonBlockElement(id, value, plain(clip(plainText(label), maxButtonText)))
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

// clip shortens plain text to n runes, ending with an ellipsis when cut.
func clip(s string, n int) string {
	if len(s) <= n || utf8.RuneCountInString(s) <= n { // a string has no more runes than bytes
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
	if len(s) <= n || utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := safeCut(s, byteOffset(s, n-1))
	return s[:cut] + "…"
}

// splitMrkdwn splits escaped text into parts of at most n runes, at a line
// break or a space where there is one in the second half of a part, and
// never inside an entity. Each part costs the runes it holds, so a long
// text is split in one pass.
func splitMrkdwn(s string, n int) []string {
	var parts []string
	for {
		limit := byteOffset(s, n)
		if limit == len(s) {
			break // what is left fits
		}
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
	if len(s) <= n {
		return len(s) // fewer runes than n: most text, found without reading it
	}
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
