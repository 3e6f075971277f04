package discord

import (
	"encoding/json"
	"testing"

	"github.com/bwmarrin/discordgo"
	"github.com/google/go-cmp/cmp"
)

// fromServer is an interaction as Discord sends it from a server, with
// everything the adapter does not read.
const fromServer = `{"app_permissions":"562949953601536","application_id":"app-1",
"authorizing_integration_owners":{"0":"guild-1"},
"channel":{"flags":0,"guild_id":"guild-1","icon_emoji":{"id":null,"name":"👋"},"id":"chan-1","last_message_id":"9","name":"general \"quoted\" \\ back","nsfw":false,"parent_id":"8","permissions":"2248473465835073","position":0,"rate_limit_per_user":0,"theme_color":null,"topic":"[{]} \u007b","type":0},
"channel_id":"chan-1","context":0,
"data":{"id":"cmd-ask","name":"ask","options":[{"name":"question","type":3,"value":"my cart is empty"}],"type":1},
"entitlement_sku_ids":[],"entitlements":[],
"guild":{"features":["COMMUNITY"],"id":"guild-1","locale":"en-US"},
"guild_id":"guild-1","guild_locale":"en-US","id":"1234","locale":"fr",
"member":{"avatar":null,"communication_disabled_until":null,"deaf":false,"flags":0,"joined_at":"2024-03-01T12:00:00.000000+00:00","mute":false,"nick":"Ada \u00e9","pending":false,"permissions":"2248473465835073","premium_since":null,"roles":["7"],"future":["nested",{"x":[1,2.5e3,true,null,{}]},[]],
 "user":{"avatar":"a_12","avatar_decoration_data":null,"clan":null,"discriminator":"0","global_name":"Ada L","id":"user-1","public_flags":0,"username":"ada"}},
"token":"tok-1234","type":2,"version":1}`

// seen is what the adapter reads of an interaction.
type seen struct {
	ID, AppID, GuildID, Locale, Token string
	Type                              discordgo.InteractionType
	Data                              discordgo.InteractionData
	Nick                              *string
	Member, User                      *discordgo.User
}

func project(i *discordgo.Interaction) seen {
	s := seen{ID: i.ID, AppID: i.AppID, GuildID: i.GuildID, Locale: string(i.Locale), Token: i.Token, Type: i.Type, Data: i.Data}
	pick := func(u *discordgo.User) *discordgo.User {
		if u == nil {
			return nil
		}
		return &discordgo.User{ID: u.ID, Username: u.Username, GlobalName: u.GlobalName}
	}
	if i.Member != nil {
		s.Nick, s.Member = &i.Member.Nick, pick(i.Member.User)
	}
	s.User = pick(i.User)
	return s
}

// TestDecodeInteraction: what the adapter reads of an interaction is what
// discordgo reads of it, for every kind of interaction and for the ways
// JSON can spell the same thing.
func TestDecodeInteraction(t *testing.T) {
	for name, body := range decodeCases() {
		t.Run(name, func(t *testing.T) {
			var want discordgo.Interaction
			if err := json.Unmarshal(body, &want); err != nil {
				t.Fatalf("discordgo cannot read the test's body: %v", err)
			}
			got, err := decodeInteraction(body)
			if err != nil {
				t.Fatalf("decodeInteraction: %v", err)
			}
			if diff := cmp.Diff(project(&want), project(got)); diff != "" {
				t.Errorf("decoded (-discordgo +got):\n%s", diff)
			}
		})
	}
}

// decodeCases are interactions of every kind, and the ways JSON can
// spell the same thing, by name.
func decodeCases() map[string][]byte {
	return map[string][]byte{
		"from a server":        []byte(fromServer),
		"command":              commandInteraction("1", "guild-1", "user-1", "en-US", "order", sub("add", num("quantity", 25), str("title", "The Long Road"))),
		"in a DM":              commandInteraction("2", "", "user-2", "fr", "help"),
		"button":               buttonInteraction("3", "guild-1", "user-1", "en-US", "b:share:/help cart-empty"),
		"autocomplete":         autocompleteInteraction("4", "en-US", "ask", typing(str("question", "cart"))),
		"ping":                 pingInteraction(),
		"modal":                []byte(`{"id":"5","type":5,"token":"t","data":{"custom_id":"m","components":[]}}`),
		"escapes":              []byte(`{"id":"6\u0037","type":2,"token":"t\"\\\/","locale":"fr\u2028","data":{"name":"help"},"user":{"id":"u\n","username":"\ud83d\ude00"}}`),
		"invalid UTF-8":        []byte("{\"id\":\"7\",\"type\":2,\"data\":{\"name\":\"help\"},\"user\":{\"id\":\"u\",\"username\":\"a\xffb\"}}"),
		"names in other cases": []byte(`{"ID":"8","Type":2,"data":{"name":"help"},"USER":{"Id":"u","UserName":"ada"},"toKen":"t"}`),
		"escaped names":        []byte(`{"i\u0064":"9","type":2,"data":{"name":"help"},"user":{"id":"u"}}`),
		"repeated members":     []byte(`{"id":"10","id":"11","type":2,"data":{"name":"x"},"data":{"name":"help"},"member":{"nick":"a"},"member":{"user":{"id":"u"}}}`),
		"nulls":                []byte(`{"id":"12","type":2,"data":{"name":"help"},"member":null,"user":{"id":"u","global_name":null},"locale":null,"guild_id":null}`),
		"spaces":               []byte(" \n{ \"id\" : \"13\" ,\t\"type\" : 3 , \"data\" : { \"custom_id\" : \"b:x:y\" } , \"user\" : { \"id\" : \"u\" } }\r\n"),
		"type after data":      []byte(`{"data":{"name":"help"},"id":"14","type":2,"user":{"id":"u"}}`),
		"option values":        []byte(`{"id":"15","type":4,"data":{"id":"c","name":"order","type":1,"guild_id":"g","options":[{"name":"add","type":1,"options":[{"name":"quantity","type":4,"value":-25},{"name":"gift","type":5,"value":true},{"name":"title","type":3,"value":"Le \u00e9t\u00e9","focused":true},{"name":"none","value":null},{"name":"no","value":false,"focused":false},null]}],"target_id":"t"}}`),
		"empty options":        []byte(`{"id":"16","type":2,"data":{"name":"help","options":[],"resolved":null}}`),
		"decimal value":        []byte(`{"id":"17","type":2,"data":{"name":"x","options":[{"name":"n","type":10,"value":2.5e1}]}}`),
		"big whole value":      []byte(`{"id":"18","type":2,"data":{"name":"x","options":[{"name":"n","type":4,"value":123456789012345678901234567890}]}}`),
		"object value":         []byte(`{"id":"19","type":2,"data":{"name":"x","options":[{"name":"n","value":{"a":1}}]}}`),
		"resolved":             []byte(`{"id":"20","type":2,"data":{"name":"x","resolved":{"users":{"1":{"id":"1","username":"u"}}},"options":[{"name":"who","type":6,"value":"1"}]}}`),
		"names in data":        []byte(`{"id":"21","type":2,"data":{"Name":"help","options":[{"NAME":"a","value":"b"}]}}`),
		"options twice":        []byte(`{"id":"22","type":2,"data":{"name":"x","options":[{"name":"a","value":1}],"options":[{"type":3}]}}`),
		"nested options twice": []byte(`{"id":"23","type":2,"data":{"name":"x","options":[{"name":"s","type":1,"options":[{"name":"a"}],"options":null}]}}`),
		"escaped values":       []byte(`{"id":"24","type":2,"data":{"name":"a\\sk","options":[{"name":"q","type":3,"value":"line\nnext \"q\" \u2028"}]}}`),
		"empty":                []byte(`{}`),
		"null":                 []byte(`null`),
	}
}

// TestDecodeInteractionRefuses: a body that is not an interaction's JSON
// is an error, as it is to discordgo.
func TestDecodeInteractionRefuses(t *testing.T) {
	for _, body := range []string{
		``, `[]`, `"x"`, `{`, `{"id":"1"`, `{"id":"1",}`, `{"id":"1"} x`, `{"id" "1"}`, `{"id":1}`,
		`{"id":"1","type":2}`, // a command without data
		`{"id":"1","type":2.5,"data":{}}`, `{"id":"1","type":256,"data":{}}`, `{"id":"1","type":02,"data":{}}`,
		`{"id":"1","type":2,"data":{"name":3}}`, `{"id":"1","member":[]}`, `{"id":"1","user":{"id":{}}}`,
		`{"id":"1","type":2,"data":{"name":"x","options":{}}}`, `{"id":"1","type":2,"data":{"name":"x","options":[1]}}`,
		`{"id":"1","type":2,"data":{"name":"x","options":[{"name":"a","value":01}]}}`,
		`{"id":"1","type":2,"data":{"name":"x","options":[{"name":"a","focused":1}]}}`,
		`{"id":"1","type":2,"data":{"name":"x","options":[{"name":"a","type":-1}]}}`,
		`{"id":"1","x":[1}`, `{"id":"1","x":{]}`, `{"id":"1","x":"open`, "{\"id\":\"a\x01\"}",
	} {
		if _, err := decodeInteraction([]byte(body)); err == nil {
			t.Errorf("decodeInteraction(%q) = nil error", body)
		}
		var i discordgo.Interaction
		if json.Unmarshal([]byte(body), &i) == nil {
			t.Errorf("discordgo reads %q: the test is wrong", body)
		}
	}
}

// FuzzDecodeInteraction: whatever discordgo can read, decodeInteraction
// reads the same way.
func FuzzDecodeInteraction(f *testing.F) {
	for _, body := range decodeCases() {
		f.Add(body)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		got, err := decodeInteraction(body)
		var want discordgo.Interaction
		if json.Unmarshal(body, &want) != nil {
			return
		}
		if err != nil {
			t.Fatalf("decodeInteraction(%q): %v, where discordgo reads it", body, err)
		}
		if diff := cmp.Diff(project(&want), project(got)); diff != "" {
			t.Errorf("decoded %q (-discordgo +got):\n%s", body, diff)
		}
	})
}
