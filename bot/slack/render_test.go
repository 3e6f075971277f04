package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	slackapi "github.com/slack-go/slack"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/bot/internal/replytest"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// goldenReplies are the replies every renderer's golden tests share, by
// name.
var goldenReplies = replytest.ByName()

// TestRenderGolden renders the shared replies (replytest) into
// testdata/reply-NAME.golden, as Slack receives them: a reply with a file
// is first delivered, the file to a fake Web API, as the adapter does
// before it renders.
// mentionRE is the mention a bot.Mention renders: "Label: <@U0123ABC>"
// at the end of a section.
var mentionRE = regexp.MustCompile(`: <@[A-Z0-9]+>$`)

func TestRenderGolden(t *testing.T) {
	for _, c := range replytest.Replies() {
		t.Run(c.Name, func(t *testing.T) {
			msg := render(delivered(t, c.Reply))
			got, err := goldenJSON(msg)
			if err != nil {
				t.Fatal(err)
			}
			replytest.Golden(t, filepath.Join("testdata", "reply-"+c.Name+".golden"), got, *update)
			checkLimits(t, msg)
		})
	}
	replytest.Stale(t, "testdata", *update)
}

// delivered is r as the adapter renders it: when r has a file, the reply
// that says where the file went (see Adapter.deliver).
func delivered(t *testing.T, r *bot.Reply) *bot.Reply {
	t.Helper()
	if r.File == nil {
		return r
	}
	api := newFakeAPI(t, "en-US")
	a, _ := newTestAdapter(t, newFakeRouter(), func(c *Config) { c.BotToken = "xoxb-test"; api.use(t, c) })
	out := a.deliver(context.Background(), bot.User{Platform: bot.Slack, Workspace: "T0001", ID: "U0001"}, r)
	if files := api.files(); len(files) != 1 || !bytes.Equal(files[0], r.File.Data) {
		t.Fatalf("the file did not reach the fake Web API: %d uploads", len(files))
	}
	return out
}

// goldenJSON is msg's JSON in a form that reads well in a diff: indented,
// keys sorted, and & < > as themselves rather than \u0026 and the like
// (slack-go's blocks escape them; Slack reads both).
func goldenJSON(msg *slackapi.WebhookMessage) ([]byte, error) {
	raw, err := json.Marshal(msg)
	if err != nil {
		return nil, err
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// checkLimits fails t when msg breaks one of Slack's Block Kit limits or
// lets a mention through.
func checkLimits(t *testing.T, msg *slackapi.WebhookMessage) {
	t.Helper()
	if msg.Blocks == nil {
		return
	}
	if n := len(msg.Blocks.BlockSet); n > maxBlocks {
		t.Errorf("%d blocks, Slack takes %d", n, maxBlocks)
	}
	text := func(where string, o *slackapi.TextBlockObject, max int) {
		if o == nil {
			return
		}
		if n := utf8.RuneCountInString(o.Text); n > max || n == 0 {
			t.Errorf("%s text has %d characters, Slack takes 1 to %d", where, n, max)
		}
		// plain_text (a header, a button) is never parsed for mentions,
		// so "<!here>" there is only words; mrkdwn must not hold one,
		// but the mention a bot.Mention block makes of a Slack id.
		checked := mentionRE.ReplaceAllString(o.Text, "")
		for _, bad := range []string{"<!", "<@", "<#"} {
			if o.Type == slackapi.MarkdownType && strings.Contains(checked, bad) {
				t.Errorf("%s text %q holds %q", where, o.Text, bad)
			}
		}
		lower := strings.ToLower(o.Text)
		for _, w := range []string{"@here", "@channel", "@everyone"} {
			if strings.Contains(lower, w) {
				t.Errorf("%s text %q holds %s", where, o.Text, w)
			}
		}
	}
	for _, b := range msg.Blocks.BlockSet {
		switch v := b.(type) {
		case *slackapi.HeaderBlock:
			text("header", v.Text, maxHeader)
		case *slackapi.SectionBlock:
			text("section", v.Text, maxText)
			if len(v.Fields) > maxFields {
				t.Errorf("section has %d fields, Slack takes %d", len(v.Fields), maxFields)
			}
			for _, f := range v.Fields {
				text("field", f, maxField)
			}
		case *slackapi.ContextBlock:
			if n := len(v.ContextElements.Elements); n > maxContext || n == 0 {
				t.Errorf("context has %d elements", n)
			}
			for _, e := range v.ContextElements.Elements {
				if o, ok := e.(*slackapi.TextBlockObject); ok {
					text("context", o, maxText)
				}
			}
		case *slackapi.ActionBlock:
			if n := len(v.Elements.ElementSet); n > maxButtons || n == 0 {
				t.Errorf("actions block has %d elements", n)
			}
			for _, e := range v.Elements.ElementSet {
				if sel, ok := e.(*slackapi.SelectBlockElement); ok {
					if n := len(sel.Options); n == 0 || n > maxOptions {
						t.Errorf("a select of %d options", n)
					}
					for _, o := range sel.Options {
						text("option", o.Text, maxOptionText)
						if n := utf8.RuneCountInString(o.Value); n > maxOptionValue {
							t.Errorf("option value has %d characters", n)
						}
					}
					continue
				}
				btn := e.(*slackapi.ButtonBlockElement)
				text("button", btn.Text, maxButtonText)
				if n := utf8.RuneCountInString(btn.Value); n > maxButtonValue {
					t.Errorf("button value has %d characters", n)
				}
				if len(btn.ActionID) > maxID || btn.ActionID == "" {
					t.Errorf("action_id %q", btn.ActionID)
				}
			}
		default:
			t.Errorf("unexpected block %T", b)
		}
	}
}

// TestRenderHostileFormatting checks the hostile replies beyond their
// golden files: no string of any message holds a control or bidi
// character, and none of hostile-markup's a formatting span an author
// typed.
func TestRenderHostileFormatting(t *testing.T) {
	for _, c := range replytest.Replies() {
		raw, err := json.Marshal(render(c.Reply))
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(raw, &v); err != nil {
			t.Fatal(err)
		}
		var walk func(v any)
		walk = func(v any) {
			switch v := v.(type) {
			case map[string]any:
				for _, e := range v {
					walk(e)
				}
			case []any:
				for _, e := range v {
					walk(e)
				}
			case string:
				for _, r := range v {
					if r < 0x20 && r != '\n' || r >= 0x7f && r < 0xa0 || bidiControl(r) {
						t.Errorf("%s: %q holds %U", c.Name, v, r)
					}
				}
				if c.Name != "hostile-markup" {
					return
				}
				for _, span := range []string{"*The", "_great_", "~not~", "`rm", "```", "*one*", "_two_", "*click*", "~small~", "`src`", "*end*"} {
					if strings.Contains(v, span) {
						t.Errorf("%q holds %q, which Slack would format", v, span)
					}
				}
			}
		}
		walk(v)
	}
}

func TestRenderResponseType(t *testing.T) {
	if got := render(&bot.Reply{Blocks: []bot.Block{&bot.Text{Text: "x"}}, Ephemeral: true}).ResponseType; got != "ephemeral" {
		t.Errorf("ephemeral reply: response_type %q", got)
	}
	if got := render(&bot.Reply{Blocks: []bot.Block{&bot.Text{Text: "x"}}}).ResponseType; got != "in_channel" {
		t.Errorf("public reply: response_type %q", got)
	}
}

func TestRenderLimits(t *testing.T) {
	long := strings.Repeat("word & more ", 1000) // 12,000 characters, 24,000 escaped
	var fields []bot.Field
	for i := range 23 {
		fields = append(fields, bot.Field{Name: "Field", Value: strings.Repeat("v", i*100)})
	}
	var many []bot.Block
	for range 80 {
		many = append(many, &bot.Text{Text: "paragraph"})
	}
	tests := []struct {
		name  string
		reply *bot.Reply
		check func(t *testing.T, msg *slackapi.WebhookMessage)
	}{
		{"long title", &bot.Reply{Title: strings.Repeat("T", 400)}, func(t *testing.T, msg *slackapi.WebhookMessage) {
			h := msg.Blocks.BlockSet[0].(*slackapi.HeaderBlock)
			if !strings.HasSuffix(h.Text.Text, "…") {
				t.Errorf("clipped header %q has no ellipsis", h.Text.Text)
			}
		}},
		{"long text", &bot.Reply{Blocks: []bot.Block{&bot.Text{Text: long}}}, func(t *testing.T, msg *slackapi.WebhookMessage) {
			var joined []string
			for _, b := range msg.Blocks.BlockSet {
				joined = append(joined, b.(*slackapi.SectionBlock).Text.Text)
			}
			got := strings.TrimSpace(strings.Join(joined, " "))
			if want := strings.TrimSpace(escape(long)); got != want {
				t.Errorf("split text does not join back to the escaped text")
			}
		}},
		{"many fields", &bot.Reply{Blocks: []bot.Block{&bot.Fields{Fields: fields}}}, func(t *testing.T, msg *slackapi.WebhookMessage) {
			if n := len(msg.Blocks.BlockSet); n != 3 {
				t.Errorf("23 fields in %d sections, want 3", n)
			}
		}},
		{"many blocks", &bot.Reply{Title: "t", Blocks: many, Source: "s", Buttons: replytest.AnswerButtons("x", "en"), ButtonPrompt: "p"}, func(t *testing.T, msg *slackapi.WebhookMessage) {
			set := msg.Blocks.BlockSet
			if _, ok := set[len(set)-1].(*slackapi.ActionBlock); !ok {
				t.Errorf("the buttons were cut: last block is %T", set[len(set)-1])
			}
		}},
		{"long button", &bot.Reply{Buttons: []bot.Button{
			{Action: "share", Value: "/help x", Label: strings.Repeat("L", 200)},
			{Action: "share", Value: strings.Repeat("v", 2100), Label: "too long a value"},
			{Value: "no action", Label: "nothing"},
		}}, func(t *testing.T, msg *slackapi.WebhookMessage) {
			set := msg.Blocks.BlockSet
			btns := set[len(set)-1].(*slackapi.ActionBlock).Elements.ElementSet
			if len(btns) != 1 {
				t.Errorf("%d buttons, want 1: a value over the limit or no action leaves the button out", len(btns))
			}
		}},
		{"many buttons", &bot.Reply{Buttons: func() []bot.Button {
			var b []bot.Button
			for range 30 {
				b = append(b, bot.Button{Action: "feedback", Value: "x", Label: "x"})
			}
			return b
		}()}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := render(tt.reply)
			checkLimits(t, msg)
			if tt.check != nil {
				tt.check(t, msg)
			}
		})
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a & b < c > d", "a &amp; b &lt; c &gt; d"},
		{"<!channel>", "&lt;!channel&gt;"},
		{"<@U123|ann>", "&lt;@U123|ann&gt;"},
		{"hi @here and @Everyone, @channel!", "hi @\u200bhere and @\u200bEveryone, @\u200bchannel!"},
		{"mail ann@example.com", "mail ann@example.com"},
		{"@", "@"},
		{"@her", "@her"},
		{"&amp;", "&amp;amp;"},
		{"*bold* _it_ ~no~ `code`", "\u2217bold\u2217 \u02cdit\u02cd \u223cno\u223c \u02cbcode\u02cb"},
		{"**x**", "\u2217\u2217x\u2217\u2217"},
		{"en_US snake_case 5*3 a~b", "en_US snake_case 5*3 a~b"},
		{"_leading trailing_", "\u02cdleading trailing\u02cd"},
		{"https://x.example/_a_*b* then *c*", "https://x.example/_a_*b* then \u2217c\u2217"},
		{"MAILTO:_a_@x.example", "MAILTO:_a_@x.example"},
		{"(https://x.example/_a_)", "(https://x.example/_a_)"},
		{"> quote\n> again\na > b", "\u00ad&gt; quote\n\u00ad&gt; again\na &gt; b"},
		{"a > b > c", "a &gt; b &gt; c"},
		{"show <number>\n> quoted", "show &lt;number&gt;\n\u00ad&gt; quoted"},
		{"nul\x00 bell\a esc\x1b del\x7f c1\u0085 tab\tx\r\n", "nul bell esc del c1 tab x\n"},
		{"\u202aa\u202bb\u202cc\u202dd\u202ee\u2066f\u2067g\u2068h\u2069i", "abcdefghi"},
		{"kept: \u2014 \u2026 \u200f \u2028", "kept: \u2014 \u2026 \u200f \u2028"},
	}
	for _, tt := range tests {
		if got := escape(tt.in); got != tt.want {
			t.Errorf("escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestByteOffset(t *testing.T) {
	for _, tt := range []struct {
		s    string
		n    int
		want int
	}{
		{"héllo", 0, 0},
		{"héllo", 2, 3},
		{"héllo", 3, 4},
		{"héllo", 5, 6}, // as many runes as there are: the end
		{"héllo", 6, 6},
		{"héllo", 99, 6},
		{"", 3, 0},
	} {
		if got := byteOffset(tt.s, tt.n); got != tt.want {
			t.Errorf("byteOffset(%q, %d) = %d, want %d", tt.s, tt.n, got, tt.want)
		}
	}
}

func TestSplitMrkdwn(t *testing.T) {
	tests := []struct {
		name string
		in   string
		n    int
		want []string
	}{
		{"short", "abc", 10, []string{"abc"}},
		{"at a space", "aaaa bbbb cccc", 10, []string{"aaaa bbbb", "cccc"}},
		{"at a line break", "aaa\nbbbb cc dd", 10, []string{"aaa\nbbbb", "cc dd"}},
		{"hard", "aaaaaaaaaaaaaaa", 10, []string{"aaaaaaaaaa", "aaaaa"}},
		{"not inside an entity", "aaaaaaa&amp;bbbb", 10, []string{"aaaaaaa", "&amp;bbbb"}},
		{"runes", "ééééééééééé", 5, []string{"ééééé", "ééééé", "é"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := splitMrkdwn(tt.in, tt.n)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("splitMrkdwn(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
			}
		})
	}
}

func TestButtonValueRoundTrip(t *testing.T) {
	for _, b := range replytest.AnswerButtons("cart-empty", "en") {
		action, value, ok := parseButtonValue(buttonValue(b.Action, b.Value))
		if !ok || action != b.Action || value != b.Value {
			t.Errorf("round trip of %q %q = %q %q %v", b.Action, b.Value, action, value, ok)
		}
	}
	for _, bad := range []string{"", "novalue", ":x"} {
		if _, _, ok := parseButtonValue(bad); ok {
			t.Errorf("parseButtonValue(%q) accepted", bad)
		}
	}
}

func TestRenderBlankNotes(t *testing.T) {
	msg := render(&bot.Reply{Blocks: []bot.Block{&bot.Text{Text: " ", Note: true}, &bot.Text{Text: ""}}, Source: "  ", ButtonPrompt: " ",
		Buttons: []bot.Button{{Action: "share", Value: "x", Label: "Share"}}})
	checkLimits(t, msg)
	if n := len(msg.Blocks.BlockSet); n != 1 {
		t.Errorf("%d blocks for blank text and one button, want the actions block alone", n)
	}
}
