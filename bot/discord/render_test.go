package discord

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/bot/internal/replytest"
)

// sampleReplies are the replies every renderer's golden tests share, by
// name.
func sampleReplies() map[string]*bot.Reply { return replytest.ByName() }

// TestRenderGolden renders the shared replies (replytest) into
// testdata/reply-NAME.golden: the message, the names of the files it
// attaches, and the button values kept aside for ids too short for them.
func TestRenderGolden(t *testing.T) {
	for _, c := range replytest.Replies() {
		t.Run(c.Name, func(t *testing.T) {
			data, stash := render(c.Reply)
			out := map[string]any{"data": data, "stored_values": stash}
			if len(data.Files) > 0 {
				var files []map[string]any
				for _, f := range data.Files {
					files = append(files, map[string]any{"name": f.Name, "content_type": f.ContentType})
				}
				out["files"] = files
			}
			replytest.Golden(t, filepath.Join("testdata", "reply-"+c.Name+".golden"), indentJSON(t, out), *update)
		})
	}
	replytest.Stale(t, "testdata", *update)
}

// TestRenderNoMentions checks the promise made on every message: the
// serialised payload always carries "allowed_mentions": {"parse": []}.
func TestRenderNoMentions(t *testing.T) {
	for name, r := range sampleReplies() {
		data, _ := render(r)
		b, _ := json.Marshal(data)
		if !strings.Contains(string(b), `"allowed_mentions":{"parse":[]`) {
			t.Errorf("%s: allowed_mentions is not empty: %s", name, b)
		}
		if got := data.Flags&discordgo.MessageFlagsEphemeral != 0; got != r.Ephemeral {
			t.Errorf("%s: ephemeral flag = %v, want %v", name, got, r.Ephemeral)
		}
	}
}

// TestRenderLimits renders replies far over every Discord limit and
// checks the message stays within all of them.
func TestRenderLimits(t *testing.T) {
	huge := strings.Repeat("word ", 3000)
	var fields []bot.Field
	for i := range 40 {
		fields = append(fields, bot.Field{Name: fmt.Sprintf("%d %s", i, strings.Repeat("n", 300)), Value: strings.Repeat("v", 1500)})
	}
	var items []string
	for i := range 500 {
		items = append(items, fmt.Sprintf("step %d 😀", i))
	}
	var buttons []bot.Button
	for i := range 30 {
		buttons = append(buttons, bot.Button{Action: "feedback", Value: fmt.Sprint(i), Label: strings.Repeat("L", 100)})
	}
	tests := map[string]*bot.Reply{
		"long text":   {Blocks: []bot.Block{&bot.Text{Text: huge}}},
		"long embed":  {Title: strings.Repeat("T", 400), Blocks: []bot.Block{&bot.Text{Text: huge}}, Source: strings.Repeat("S", 3000)},
		"many fields": {Title: "Orders", Blocks: []bot.Block{&bot.Fields{Fields: fields}}},
		"fields and text": {Title: "Orders", Blocks: []bot.Block{&bot.Text{Text: huge}, &bot.Fields{Fields: fields}},
			Buttons: buttons, ButtonPrompt: "Pick one"},
		"long list": {Title: "Steps", Blocks: []bot.Block{&bot.List{Items: items, Ordered: true}}, ButtonPrompt: "Helpful?", Buttons: buttons[:2]},
	}
	for name, r := range tests {
		t.Run(name, func(t *testing.T) {
			data, _ := render(r)
			checkLimits(t, data)
			if r.ButtonPrompt != "" && len(data.Embeds) == 1 && !strings.HasSuffix(data.Embeds[0].Description, "**"+escape(r.ButtonPrompt)+"**") {
				t.Errorf("the button prompt was cut: %q", data.Embeds[0].Description[max(0, len(data.Embeds[0].Description)-40):])
			}
		})
	}
}

func checkLimits(t *testing.T, data *discordgo.InteractionResponseData) {
	t.Helper()
	check := func(what, s string, n int) {
		if utf16Len(s) > n {
			t.Errorf("%s is %d characters, over %d", what, utf16Len(s), n)
		}
	}
	check("content", data.Content, maxContent)
	for _, e := range data.Embeds {
		total := utf16Len(e.Title) + utf16Len(e.Description)
		check("title", e.Title, maxTitle)
		check("description", e.Description, maxDescription)
		if len(e.Fields) > maxFields {
			t.Errorf("%d fields, over %d", len(e.Fields), maxFields)
		}
		for _, f := range e.Fields {
			check("field name", f.Name, maxFieldName)
			check("field value", f.Value, maxFieldValue)
			total += utf16Len(f.Name) + utf16Len(f.Value)
		}
		if e.Footer != nil {
			check("footer", e.Footer.Text, maxFooter)
			total += utf16Len(e.Footer.Text)
		}
		if total > maxEmbedTotal {
			t.Errorf("embed totals %d characters, over %d", total, maxEmbedTotal)
		}
	}
	if len(data.Components) > maxRows {
		t.Errorf("%d action rows, over %d", len(data.Components), maxRows)
	}
	for _, c := range data.Components {
		row := c.(discordgo.ActionsRow)
		if len(row.Components) > maxButtonsPerRow {
			t.Errorf("%d buttons in a row, over %d", len(row.Components), maxButtonsPerRow)
		}
		for _, b := range row.Components {
			check("button label", b.(discordgo.Button).Label, maxButtonLabel)
			check("custom id", b.(discordgo.Button).CustomID, maxCustomID)
		}
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text, with punctuation.", "plain text, with punctuation."},
		{"**bold** _it_ ~~s~~ `c` ||sp||", `\*\*bold\*\* \_it\_ \~\~s\~\~ \` + "`c\\`" + ` \|\|sp\|\|`},
		{"@everyone <@123> <#1> <t:1:R>", `\@everyone \<\@123\> \<\#1\> \<t:1:R\>`},
		{"[x](https://evil.example)", `\[x\](https://evil.example)`},
		{"# h\n- a\n+ b\n1. c\n  2) d\n> q", "\\# h\n\\- a\n\\+ b\n1\\. c\n  2\\) d\n\\> q"},
		{"a - b 1. c", "a - b 1. c"},
		{"see https://x.example/a_b*c and http://y.example", "see https://x.example/a_b*c and http://y.example"},
		{"nothttps://x.example/a_b", `nothttps://x.example/a\_b`},
		{`C:\dir`, `C:\\dir`},
		{"prix : 12 €", "prix : 12 €"},
		// Runs copied whole stop where a web address or a marker may start.
		{"(https://x.example/_a_) and_this", "(https://x.example/_a_) and\\_this"},
		{"#1 · ordered · “The Long Road” · h_h", "\\#1 · ordered · “The Long Road” · h\\_h"},
		{"héllo\n- item\nchttps://x.example/_a", "héllo\n\\- item\nchttps://x.example/\\_a"},
	}
	for _, tt := range tests {
		if got := escape(tt.in); got != tt.want {
			t.Errorf("escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"a longer sentence", 9, "a longer…"},
		{"two words", 5, "two…"},
		{"😀😀😀", 4, "😀…"},
		{"abc", 0, ""},
	}
	for _, tt := range tests {
		got := clip(tt.in, tt.n)
		if got != tt.want || utf16Len(got) > tt.n {
			t.Errorf("clip(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestRenderChoicesGolden(t *testing.T) {
	var many []bot.Choice
	for i := range 30 {
		many = append(many, bot.Choice{Name: fmt.Sprintf("#%d The Long Road (25 copies, amazon.com)", i+1), Value: fmt.Sprint(i + 1)})
	}
	tests := map[string]struct {
		in  []bot.Choice
		typ discordgo.ApplicationCommandOptionType
	}{
		"none":    {nil, discordgo.ApplicationCommandOptionString},
		"orders":  {many, discordgo.ApplicationCommandOptionInteger},
		"strings": {many[:3], discordgo.ApplicationCommandOptionString},
		"filtered": {[]bot.Choice{
			{Name: "not a number", Value: "twelve"},
			{Name: "", Value: "7"},
			{Name: "duplicate", Value: "7"},
			{Name: strings.Repeat("n", 150), Value: "8"},
		}, discordgo.ApplicationCommandOptionInteger},
		"long values": {[]bot.Choice{
			{Name: "fits", Value: strings.Repeat("v", 100)},
			{Name: "too long to cut safely", Value: strings.Repeat("v", 101)},
		}, discordgo.ApplicationCommandOptionString},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got := renderChoices(tt.in, tt.typ)
			if len(got) > maxChoices {
				t.Errorf("%d choices, over %d", len(got), maxChoices)
			}
			golden(t, "autocomplete-"+strings.ReplaceAll(name, " ", "-"), indentJSON(t, autocompleteResponse(got)))
		})
	}
}

// TestRenderStripsControls: whatever a handler let through, no rendering
// carries a control character (but newline and tab), a bidi override or
// isolate, or invalid UTF-8, in any text Discord shows.
func TestRenderStripsControls(t *testing.T) {
	hostile := "\u202e#1 The\x00 Road\u202c\x1b[0m\u2066"
	check := func(t *testing.T, what string, v any) {
		t.Helper()
		b, _ := json.Marshal(v)
		var tree any
		if err := json.Unmarshal(b, &tree); err != nil {
			t.Fatal(err)
		}
		walkStrings(tree, func(s string) {
			if strings.ContainsFunc(s, unsafeRune) || !utf8.ValidString(s) {
				t.Errorf("%s: %q", what, s)
			}
		})
	}
	for name, r := range sampleReplies() {
		data, _ := render(r)
		check(t, name, data)
	}
	choices := renderChoices([]bot.Choice{{Name: hostile, Value: "1"}, {Name: "\x00\u202e", Value: "2"}}, discordgo.ApplicationCommandOptionInteger)
	check(t, "choices", choices)
	if len(choices) != 2 || choices[1].Name != "2" {
		t.Errorf("choices = %v, want a name made only of controls to fall back to the value", choices)
	}
}

// walkStrings calls f with every string in a decoded JSON value, keys
// included.
func walkStrings(v any, f func(string)) {
	switch v := v.(type) {
	case string:
		f(v)
	case []any:
		for _, e := range v {
			walkStrings(e, f)
		}
	case map[string]any:
		for k, e := range v {
			f(k)
			walkStrings(e, f)
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text, é and 😀", "plain text, é and 😀"},
		{"line one\nline\ttwo", "line one\nline\ttwo"},
		{"a\x00b\r\nc\x1b[1md\x7f\u0085e", "ab\nc[1mde"},
		{"\u202aa\u202bb\u202cc\u202dd\u202ee", "abcde"},
		{"\u2066a\u2067b\u2068c\u2069", "abc"},
		{"keep \u200f marks and \u2029", "keep \u200f marks and \u2029"},
		{"bad \xff byte", "bad \ufffd byte"},
	}
	for _, tt := range tests {
		if got := clean(tt.in); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
