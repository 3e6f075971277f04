package slack

import (
	"encoding/json"
	"unicode/utf8"

	slackapi "github.com/slack-go/slack"
)

// encodeMessage returns json.Marshal(msg), byte for byte, for the messages
// render makes, at a fraction of the cost: slack-go marshals every block
// on its own and encoding/json then scans each result again, which made
// encoding the largest part of answering a command. Any field or block
// render never produces is left to encoding/json, so the output is always
// what json.Marshal gives.
func encodeMessage(msg *slackapi.WebhookMessage) ([]byte, error) {
	return appendMessage(make([]byte, 0, 2048), msg)
}

// appendMessage appends encodeMessage(msg) to b.
func appendMessage(b []byte, msg *slackapi.WebhookMessage) ([]byte, error) {
	marshal := func() ([]byte, error) {
		j, err := json.Marshal(msg)
		return append(b, j...), err
	}
	if msg.Username != "" || msg.IconEmoji != "" || msg.IconURL != "" || msg.Channel != "" ||
		msg.ThreadTimestamp != "" || len(msg.Attachments) > 0 || msg.Parse != "" ||
		msg.ReplyBroadcast || msg.UnfurlLinks != nil || msg.UnfurlMedia != nil {
		return marshal()
	}
	start := len(b)
	b = append(b, '{')
	if msg.Text != "" {
		b = append(b, `"text":`...)
		b = appendString(b, msg.Text)
		b = append(b, ',')
	}
	if msg.Blocks != nil {
		if len(msg.Blocks.BlockSet) == 0 {
			b = b[:start]
			return marshal() // slack-go writes null
		}
		b = append(b, `"blocks":[`...)
		for i, blk := range msg.Blocks.BlockSet {
			if i > 0 {
				b = append(b, ',')
			}
			var ok bool
			if b, ok = appendBlock(b, blk); !ok {
				b = b[:start]
				return marshal()
			}
		}
		b = append(b, "],"...)
	}
	if msg.ResponseType != "" {
		b = append(b, `"response_type":`...)
		b = appendString(b, msg.ResponseType)
		b = append(b, ',')
	}
	b = append(b, `"replace_original":`...)
	b = appendBool(b, msg.ReplaceOriginal)
	b = append(b, `,"delete_original":`...)
	b = appendBool(b, msg.DeleteOriginal)
	return append(b, '}'), nil
}

// appendBlock appends one block the way slack-go's struct tags lay it out,
// or reports false for a block or field it does not handle.
func appendBlock(b []byte, blk slackapi.Block) ([]byte, bool) {
	switch v := blk.(type) {
	case *slackapi.HeaderBlock:
		if v.Level != 0 {
			return b, false
		}
		b = appendBlockHead(b, v.Type, v.Text, v.BlockID)
		return append(b, '}'), true
	case *slackapi.SectionBlock:
		if v.Accessory != nil || v.Expand {
			return b, false
		}
		b = appendBlockHead(b, v.Type, v.Text, v.BlockID)
		if len(v.Fields) > 0 {
			b = append(b, `,"fields":[`...)
			for i, f := range v.Fields {
				if i > 0 {
					b = append(b, ',')
				}
				b = appendText(b, f)
			}
			b = append(b, ']')
		}
		return append(b, '}'), true
	case *slackapi.ContextBlock:
		if len(v.ContextElements.Elements) == 0 {
			return b, false // slack-go writes null
		}
		b = appendBlockHead(b, v.Type, nil, v.BlockID)
		b = append(b, `,"elements":[`...)
		for i, e := range v.ContextElements.Elements {
			t, ok := e.(*slackapi.TextBlockObject)
			if !ok {
				return b, false
			}
			if i > 0 {
				b = append(b, ',')
			}
			b = appendText(b, t)
		}
		return append(b, "]}"...), true
	case *slackapi.ActionBlock:
		if v.Elements == nil || len(v.Elements.ElementSet) == 0 {
			return b, false // slack-go writes null
		}
		b = appendBlockHead(b, v.Type, nil, v.BlockID)
		b = append(b, `,"elements":[`...)
		for i, e := range v.Elements.ElementSet {
			btn, ok := e.(*slackapi.ButtonBlockElement)
			if !ok || !plainButton(btn) {
				return b, false
			}
			if i > 0 {
				b = append(b, ',')
			}
			b = appendButton(b, btn)
		}
		return append(b, "]}"...), true
	}
	return b, false
}

// appendBlockHead opens a block with what slack-go lays out first in each
// block render makes: its type, its text when it has one, its block_id.
func appendBlockHead(b []byte, typ slackapi.MessageBlockType, text *slackapi.TextBlockObject, id string) []byte {
	b = append(b, `{"type":`...)
	b = appendString(b, string(typ))
	if text != nil {
		b = append(b, `,"text":`...)
		b = appendText(b, text)
	}
	return appendBlockID(b, id)
}

// plainButton reports whether btn uses only the fields render sets.
func plainButton(btn *slackapi.ButtonBlockElement) bool {
	return btn.Text != nil && btn.URL == "" && btn.Confirm == nil && btn.AccessibilityLabel == "" &&
		btn.AgentPrompt == "" && btn.AgentPromptDisplay == "" && len(btn.VisibleToUserIDs) == 0
}

func appendButton(b []byte, btn *slackapi.ButtonBlockElement) []byte {
	b = append(b, '{')
	if btn.Type != "" {
		b = append(b, `"type":`...)
		b = appendString(b, string(btn.Type))
		b = append(b, ',')
	}
	b = append(b, `"text":`...)
	b = appendText(b, btn.Text)
	if btn.ActionID != "" {
		b = append(b, `,"action_id":`...)
		b = appendString(b, btn.ActionID)
	}
	if btn.Value != "" {
		b = append(b, `,"value":`...)
		b = appendString(b, btn.Value)
	}
	if btn.Style != "" {
		b = append(b, `,"style":`...)
		b = appendString(b, string(btn.Style))
	}
	return append(b, '}')
}

func appendText(b []byte, t *slackapi.TextBlockObject) []byte {
	b = append(b, `{"type":`...)
	b = appendString(b, t.Type)
	b = append(b, `,"text":`...)
	b = appendString(b, t.Text)
	if t.Emoji != nil {
		b = append(b, `,"emoji":`...)
		b = appendBool(b, *t.Emoji)
	}
	if t.Verbatim {
		b = append(b, `,"verbatim":true`...)
	}
	return append(b, '}')
}

func appendBlockID(b []byte, id string) []byte {
	if id == "" {
		return b
	}
	b = append(b, `,"block_id":`...)
	return appendString(b, id)
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, "true"...)
	}
	return append(b, "false"...)
}

// appendString appends s as a JSON string exactly as encoding/json writes
// it: with <, > and & escaped as \u003c, \u003e and \u0026, invalid UTF-8
// replaced by U+FFFD, and U+2028 and U+2029 escaped.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
