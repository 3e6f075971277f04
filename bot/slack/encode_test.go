package slack

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	slackapi "github.com/slack-go/slack"

	"github.com/authorbot/authorbot/bot"
)

// TestEncodeMessage checks that encodeMessage writes exactly what
// json.Marshal writes, for every golden reply and for text with every
// kind of character JSON escapes.
func TestEncodeMessage(t *testing.T) {
	msgs := map[string]*slackapi.WebhookMessage{
		"escapes": render(&bot.Reply{
			Title:  "quote \" backslash \\ tab \t nul \x00 bell \x07 <b> & \u2028 \u2029 \xff invalid",
			Blocks: []bot.Block{&bot.Text{Text: "line\nbreak\r\f\b é 😀 \x1f"}},
		}),
		"empty":         {},
		"delete":        {DeleteOriginal: true},
		"no blocks":     {Text: "x", ResponseType: "ephemeral", ReplaceOriginal: true},
		"empty blocks":  {Blocks: &slackapi.Blocks{}},
		"other fields":  {Text: "x", Channel: "C1", Username: "bot"},
		"unknown block": {Blocks: &slackapi.Blocks{BlockSet: []slackapi.Block{slackapi.NewDividerBlock()}}},
	}
	for name, r := range goldenReplies {
		msgs[name] = render(r)
	}
	for name, msg := range msgs {
		t.Run(name, func(t *testing.T) {
			want, err := json.Marshal(msg)
			if err != nil {
				t.Fatal(err)
			}
			got, err := encodeMessage(msg)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("encodeMessage differs from json.Marshal:\n got %s\nwant %s", got, want)
			}
		})
	}
}

func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "plain", "<&>", "\x00\x1f\"\\", "\u2028é\xff", strings.Repeat("a", 100)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("appendString(%q) = %s, want %s", s, got, want)
		}
	})
}

func BenchmarkEncode(b *testing.B) {
	msg := render(goldenReplies["answer"])
	b.Run("encodeMessage", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			encodeMessage(msg)
		}
	})
	b.Run("json.Marshal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			json.Marshal(msg)
		}
	})
}
