package discord

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/authorbot/authorbot/bot"
)

func decode(t *testing.T, b []byte) *discordgo.Interaction {
	t.Helper()
	var i discordgo.Interaction
	if err := json.Unmarshal(b, &i); err != nil {
		t.Fatal(err)
	}
	return &i
}

func TestParse(t *testing.T) {
	long := strings.Repeat("x", 150)
	longID, longKey, _ := customID("forget", long)
	lookup := func(key string) (string, bool) {
		if key == longKey {
			return long, true
		}
		return "", false
	}
	tests := []struct {
		name string
		in   []byte
		want *bot.Request
	}{{
		name: "command in a server, French locale",
		in:   commandInteraction("1", "guild-1", "user-1", "fr", "ask", str("question", "mon panier est vide")),
		want: &bot.Request{
			User:    bot.User{Platform: bot.Discord, Workspace: "guild-1", ID: "user-1", Name: "Ada"},
			Command: "ask", Options: map[string]string{"question": "mon panier est vide"},
			Locale: "fr", Line: `/ask question:"mon panier est vide"`,
		},
	}, {
		name: "command in a DM",
		in:   commandInteraction("2", "", "user-2", "en-US", "help"),
		want: &bot.Request{
			User:    bot.User{Platform: bot.Discord, ID: "user-2", Name: "Ada"},
			Command: "help", Options: map[string]string{}, Locale: "en-US", Line: "/help",
		},
	}, {
		name: "subcommand options are flattened, integers lose their decimals",
		in: commandInteraction("3", "guild-1", "user-1", "pt-BR", "order",
			sub("add", num("quantity", 25), str("marketplace", "amazon.com.br"), str("title", "O Longo Caminho"))),
		want: &bot.Request{
			User:    bot.User{Platform: bot.Discord, Workspace: "guild-1", ID: "user-1", Name: "Ada"},
			Command: "order", Sub: "add",
			Options: map[string]string{"quantity": "25", "marketplace": "amazon.com.br", "title": "O Longo Caminho"},
			Locale:  "pt-BR", Line: `/order add quantity:25 marketplace:amazon.com.br title:"O Longo Caminho"`,
		},
	}, {
		name: "a large integer stays whole",
		in:   commandInteraction("4", "guild-1", "user-1", "en-GB", "order", sub("show", num("number", 1234567890123))),
		want: &bot.Request{
			User:    bot.User{Platform: bot.Discord, Workspace: "guild-1", ID: "user-1", Name: "Ada"},
			Command: "order", Sub: "show", Options: map[string]string{"number": "1234567890123"},
			Locale: "en-GB", Line: "/order show number:1234567890123",
		},
	}, {
		name: "feedback button",
		in:   buttonInteraction("5", "guild-1", "user-1", "en-US", "b:feedback:cart-empty|en|yes"),
		want: &bot.Request{
			User:   bot.User{Platform: bot.Discord, Workspace: "guild-1", ID: "user-1", Name: "Ada"},
			Action: "feedback", Options: map[string]string{"value": "cart-empty|en|yes"}, Locale: "en-US",
		},
	}, {
		name: "share button with a colon in its value",
		in:   buttonInteraction("6", "guild-1", "user-1", "en-US", "b:share:/help a:b"),
		want: &bot.Request{
			User:   bot.User{Platform: bot.Discord, Workspace: "guild-1", ID: "user-1", Name: "Ada"},
			Action: "share", Options: map[string]string{"value": "/help a:b"}, Locale: "en-US",
		},
	}, {
		name: "button with a stored value",
		in:   buttonInteraction("7", "", "user-1", "en-US", longID),
		want: &bot.Request{
			User:   bot.User{Platform: bot.Discord, ID: "user-1", Name: "Ada"},
			Action: "forget", Options: map[string]string{"value": long}, Locale: "en-US",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parse(decode(t, tt.in), lookup)
			if err != nil {
				t.Fatal(err)
			}
			// The channel is TestParseModeration's.
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty(), cmpopts.IgnoreFields(bot.Request{}, "Channel")); diff != "" {
				t.Errorf("parse (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseNickname(t *testing.T) {
	var i map[string]any
	_ = json.Unmarshal(commandInteraction("1", "guild-1", "user-1", "en-US", "help"), &i)
	i["member"].(map[string]any)["nick"] = "Ada L."
	b, _ := json.Marshal(i)
	got, err := parse(decode(t, b), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got.User.Name != "Ada L." {
		t.Errorf("name = %q, want the server nickname", got.User.Name)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name    string
		in      []byte
		expired bool
	}{
		{"stored value forgotten", buttonInteraction("1", "g", "u", "en-US", "k:forget:AAAAAAAAAAAAAAAAAAAAAA"), true},
		{"unknown custom id", buttonInteraction("2", "g", "u", "en-US", "zz"), false},
		{"custom id without action", buttonInteraction("3", "g", "u", "en-US", "b::x"), false},
		{"no user", []byte(`{"id":"4","type":2,"data":{"name":"help"}}`), false},
		{"no command", []byte(`{"id":"5","type":2,"user":{"id":"u"},"data":{}}`), false},
		{"modal", []byte(`{"id":"6","type":5,"user":{"id":"u"},"data":{"custom_id":"m"}}`), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse(decode(t, tt.in), func(string) (string, bool) { return "", false })
			if err == nil {
				t.Fatal("parse succeeded")
			}
			if got := errors.Is(err, errExpired); got != tt.expired {
				t.Errorf("expired = %v, want %v (err %v)", got, tt.expired, err)
			}
		})
	}
}

func TestFocused(t *testing.T) {
	i := decode(t, autocompleteInteraction("1", "fr", "order",
		sub("show", typing(str("number", "long")))))
	name, partial, typ, ok := focused(i)
	if !ok || name != "number" || partial != "long" || typ != discordgo.ApplicationCommandOptionString {
		t.Errorf("focused = %q, %q, %v, %v; want number, long, String, true", name, partial, typ, ok)
	}
}

func TestCustomID(t *testing.T) {
	tests := []struct {
		action, value string
		long          bool
	}{
		{"share", "/help cart-empty", false},
		{"feedback", "cart-empty|fr|no", false},
		{"forget", strings.Repeat("a", 100-len("b:forget:")), false},
		{"forget", strings.Repeat("a", 101-len("b:forget:")), true},
		{"share", "/help " + strings.Repeat("é", 60), false},
		{"share", "/help " + strings.Repeat("😀", 60), true}, // two UTF-16 units each
	}
	for _, tt := range tests {
		id, key, long := customID(tt.action, tt.value)
		if long != tt.long {
			t.Errorf("customID(%q, %d chars): long = %v, want %v", tt.action, len(tt.value), long, tt.long)
		}
		if utf16Len(id) > maxCustomID {
			t.Errorf("custom id %q is %d characters, over Discord's %d", id, utf16Len(id), maxCustomID)
		}
		action, value, err := decodeCustomID(id, func(k string) (string, bool) { return tt.value, k == key })
		if err != nil || action != tt.action || value != tt.value {
			t.Errorf("decode(customID(%q, %q)) = %q, %q, %v", tt.action, tt.value, action, value, err)
		}
	}
}
