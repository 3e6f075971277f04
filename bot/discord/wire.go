package discord

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// decodeInteraction reads an interaction from the JSON Discord sends: the
// fields that parse, focused and the answers use, and the data of the
// kinds discordgo decodes, as it decodes them. The result is what
// json.Unmarshal into a discordgo.Interaction gives for those fields.
//
// An interaction from a server is a few kilobytes (the channel, the
// guild, the member's roles and permissions, entitlements…), of which the
// adapter reads a few hundred bytes. discordgo decodes all of it, in
// three passes of encoding/json: under scripts/bench-discord that was 22%
// of the server's CPU, the largest cost after the signature check.
// Reading only the members needed, and stepping over the others, takes
// 4%. A request is
// decoded that way when every member name in the parts read is plain
// lower-case ASCII (Discord's are), so that the names mean exactly what
// they mean to encoding/json, which also matches names case-insensitively;
// otherwise, and for any value it does not read itself, encoding/json
// decodes. The members stepped over are not validated: the request is
// signed by Discord.
func decodeInteraction(body []byte) (*discordgo.Interaction, error) {
	i, err := decodeWire(body)
	if errors.Is(err, errUnusual) {
		return decodeStandard(body)
	}
	return i, err
}

// errUnusual stops the quick decoding at what it leaves to encoding/json:
// a member name that encoding/json could match to a field without
// spelling it the same, or a value it does not decode itself.
var errUnusual = errors.New("discord: JSON left to encoding/json")

func decodeWire(body []byte) (*discordgo.Interaction, error) {
	i := &discordgo.Interaction{}
	var data []byte
	err := eachMember(body, func(name, v []byte) error {
		var err error
		switch string(name) {
		case "id":
			err = decodeString(v, &i.ID)
		case "application_id":
			err = decodeString(v, &i.AppID)
		case "type":
			err = decodeUint8(v, (*uint8)(&i.Type))
		case "data":
			data = v
		case "guild_id":
			err = decodeString(v, &i.GuildID)
		case "channel_id":
			err = decodeString(v, &i.ChannelID)
		case "member":
			i.Member, err = decodeMember(v, i.Member)
		case "user":
			i.User, err = decodeUser(v, i.User)
		case "locale":
			err = decodeString(v, (*string)(&i.Locale))
		case "token":
			err = decodeString(v, &i.Token)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if err := decodeData(i, data); err != nil {
		return nil, err
	}
	return i, nil
}

// decodeStandard decodes with encoding/json, into the same fields.
func decodeStandard(body []byte) (*discordgo.Interaction, error) {
	var w struct {
		ID        string                    `json:"id"`
		AppID     string                    `json:"application_id"`
		Type      discordgo.InteractionType `json:"type"`
		Data      json.RawMessage           `json:"data"`
		GuildID   string                    `json:"guild_id"`
		ChannelID string                    `json:"channel_id"`
		Member    *struct {
			Nick        string    `json:"nick"`
			User        *wireUser `json:"user"`
			Permissions string    `json:"permissions"`
			Roles       []string  `json:"roles"`
		} `json:"member"`
		User   *wireUser        `json:"user"`
		Locale discordgo.Locale `json:"locale"`
		Token  string           `json:"token"`
	}
	if err := json.Unmarshal(body, &w); err != nil {
		return nil, err
	}
	i := &discordgo.Interaction{ID: w.ID, AppID: w.AppID, Type: w.Type, GuildID: w.GuildID, ChannelID: w.ChannelID,
		User: w.User.user(), Locale: w.Locale, Token: w.Token}
	if w.Member != nil {
		i.Member = &discordgo.Member{Nick: w.Member.Nick, User: w.Member.User.user(), Roles: w.Member.Roles}
		i.Member.Permissions, _ = strconv.ParseInt(w.Member.Permissions, 10, 64)
	}
	if err := decodeData(i, w.Data); err != nil {
		return nil, err
	}
	return i, nil
}

// wireUser is the part of a user the adapter reads.
type wireUser struct {
	ID         string `json:"id"`
	Username   string `json:"username"`
	GlobalName string `json:"global_name"`
}

func (u *wireUser) user() *discordgo.User {
	if u == nil {
		return nil
	}
	return &discordgo.User{ID: u.ID, Username: u.Username, GlobalName: u.GlobalName}
}

// decodeData decodes the interaction's data by its type, as discordgo
// does; an interaction of those types without data is an error there too.
func decodeData(i *discordgo.Interaction, data []byte) error {
	var err error
	switch i.Type {
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete:
		var v discordgo.ApplicationCommandInteractionData
		v, err = decodeCommandData(data)
		if errors.Is(err, errUnusual) {
			v = discordgo.ApplicationCommandInteractionData{}
			err = json.Unmarshal(data, &v)
		}
		i.Data = v
	case discordgo.InteractionMessageComponent:
		var v discordgo.MessageComponentInteractionData
		err = json.Unmarshal(data, &v)
		i.Data = v
	case discordgo.InteractionModalSubmit:
		var v discordgo.ModalSubmitInteractionData
		err = json.Unmarshal(data, &v)
		i.Data = v
	}
	return err
}

// decodeCommandData decodes a command's data: its name and the options
// typed, with their values. Resolved users, roles and channels (options
// the bot's commands do not have) are left to encoding/json, and so are
// values other than strings, whole numbers, booleans and null.
func decodeCommandData(v []byte) (discordgo.ApplicationCommandInteractionData, error) {
	var d discordgo.ApplicationCommandInteractionData
	var options bool
	err := eachMember(v, func(name, v []byte) error {
		var err error
		switch string(name) {
		case "id":
			err = decodeString(v, &d.ID)
		case "name":
			err = decodeString(v, &d.Name)
		case "type":
			err = decodeUint8(v, (*uint8)(&d.CommandType))
		case "target_id":
			err = decodeString(v, &d.TargetID)
		case "resolved":
			if !isNull(v) {
				err = errUnusual
			}
		case "options":
			d.Options, err = decodeOptions(v, options)
			options = true
		}
		return err
	})
	return d, err
}

// decodeOptions decodes a list of options. A list given again in the
// same object is left to encoding/json, which decodes it over the first.
func decodeOptions(v []byte, again bool) ([]*discordgo.ApplicationCommandInteractionDataOption, error) {
	if again {
		return nil, errUnusual
	}
	if isNull(v) {
		return nil, nil
	}
	opts := []*discordgo.ApplicationCommandInteractionDataOption{}
	err := eachElement(v, func(v []byte) error {
		if isNull(v) {
			opts = append(opts, nil)
			return nil
		}
		o := &discordgo.ApplicationCommandInteractionDataOption{}
		opts = append(opts, o)
		var options bool
		return eachMember(v, func(name, v []byte) error {
			var err error
			switch string(name) {
			case "name":
				err = decodeString(v, &o.Name)
			case "type":
				err = decodeUint8(v, (*uint8)(&o.Type))
			case "value":
				o.Value, err = decodeValue(v)
			case "options":
				o.Options, err = decodeOptions(v, options)
				options = true
			case "focused":
				err = decodeBool(v, &o.Focused)
			}
			return err
		})
	})
	return opts, err
}

// decodeValue decodes an option's value as encoding/json decodes into an
// interface: a string, a float64, a bool or nil.
func decodeValue(v []byte) (any, error) {
	switch {
	case isNull(v):
		return nil, nil
	case string(v) == "true":
		return true, nil
	case string(v) == "false":
		return false, nil
	case v[0] == '"':
		var s string
		err := decodeString(v, &s)
		return s, err
	case wholeNumber(v):
		if f, err := strconv.ParseFloat(string(v), 64); err == nil {
			return f, nil
		}
	}
	return nil, errUnusual
}

// wholeNumber reports whether v is a JSON number without a fraction or
// an exponent.
func wholeNumber(v []byte) bool {
	if len(v) > 0 && v[0] == '-' {
		v = v[1:]
	}
	if len(v) == 0 || v[0] == '0' && len(v) > 1 {
		return false
	}
	for _, c := range v {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func decodeBool(v []byte, b *bool) error {
	switch string(v) {
	case "null":
	case "true":
		*b = true
	case "false":
		*b = false
	default:
		return json.Unmarshal(v, b)
	}
	return nil
}

// decodeMember decodes a member over m, as encoding/json decodes into a
// pointer: null leaves nil, an object fills the member m points to, or a
// new one.
func decodeMember(v []byte, m *discordgo.Member) (*discordgo.Member, error) {
	if isNull(v) {
		return nil, nil
	}
	if m == nil {
		m = &discordgo.Member{}
	}
	err := eachMember(v, func(name, v []byte) error {
		var err error
		switch string(name) {
		case "nick":
			err = decodeString(v, &m.Nick)
		case "user":
			m.User, err = decodeUser(v, m.User)
		case "permissions":
			// A decimal bit set in a string; a malformed one grants none.
			var perms string
			if err = decodeString(v, &perms); err == nil {
				m.Permissions, _ = strconv.ParseInt(perms, 10, 64)
			}
		case "roles":
			m.Roles = m.Roles[:0]
			if isNull(v) {
				break
			}
			err = eachElement(v, func(v []byte) error {
				var role string
				err := decodeString(v, &role)
				m.Roles = append(m.Roles, role)
				return err
			})
		}
		return err
	})
	return m, err
}

// decodeUser is decodeMember for a user.
func decodeUser(v []byte, u *discordgo.User) (*discordgo.User, error) {
	if isNull(v) {
		return nil, nil
	}
	if u == nil {
		u = &discordgo.User{}
	}
	err := eachMember(v, func(name, v []byte) error {
		switch string(name) {
		case "id":
			return decodeString(v, &u.ID)
		case "username":
			return decodeString(v, &u.Username)
		case "global_name":
			return decodeString(v, &u.GlobalName)
		}
		return nil
	})
	return u, err
}

func isNull(v []byte) bool { return string(v) == "null" }

// decodeString decodes a JSON string into s; null leaves s as it is. A
// string with escapes or bytes that are not UTF-8 is left to
// encoding/json.
func decodeString(v []byte, s *string) error {
	if isNull(v) {
		return nil
	}
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		raw := v[1 : len(v)-1]
		if plainString(raw) {
			*s = string(raw)
			return nil
		}
	}
	return json.Unmarshal(v, s)
}

// plainString reports whether the inside of a JSON string needs no
// decoding: no escapes, no control characters, valid UTF-8.
func plainString(raw []byte) bool {
	for _, c := range raw {
		if c < 0x20 || c == '\\' || c == '"' {
			return false
		}
	}
	return utf8.Valid(raw)
}

// decodeUint8 decodes a small whole number, such as a type.
func decodeUint8(v []byte, n *uint8) error {
	if isNull(v) {
		return nil
	}
	if wholeNumber(v) && v[0] != '-' {
		if u, err := strconv.ParseUint(string(v), 10, 8); err == nil {
			*n = uint8(u)
			return nil
		}
	}
	return json.Unmarshal(v, n)
}

// errSyntax is the error for a body that is not a JSON object.
var errSyntax = errors.New("discord: malformed interaction JSON")

// eachMember calls f with the name and the raw value of each member of the
// JSON object b, in order, and stops at f's first error. Names must be
// plain lower-case ASCII (letters, digits, '_'), or it returns
// errUnusual. Values are delimited, not validated.
func eachMember(b []byte, f func(name, v []byte) error) error {
	i := skipSpace(b, 0)
	if i == len(b) || b[i] != '{' {
		if isNull(bytes.TrimSpace(b)) {
			return nil // encoding/json leaves the fields as they are
		}
		return errSyntax
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return trailing(b, i+1)
	}
	for {
		if i == len(b) || b[i] != '"' {
			return errSyntax
		}
		end, err := skipString(b, i)
		if err != nil {
			return err
		}
		name := b[i+1 : end-1]
		if !plainName(name) {
			return errUnusual
		}
		i = skipSpace(b, end)
		if i == len(b) || b[i] != ':' {
			return errSyntax
		}
		i = skipSpace(b, i+1)
		end, err = skipValue(b, i)
		if err != nil {
			return err
		}
		if err := f(name, b[i:end]); err != nil {
			return err
		}
		i = skipSpace(b, end)
		if i == len(b) {
			return errSyntax
		}
		switch b[i] {
		case ',':
			i = skipSpace(b, i+1)
		case '}':
			return trailing(b, i+1)
		default:
			return errSyntax
		}
	}
}

// eachElement calls f with each raw element of the JSON array b, in
// order, and stops at f's first error.
func eachElement(b []byte, f func(v []byte) error) error {
	i := skipSpace(b, 0)
	if i == len(b) || b[i] != '[' {
		return errUnusual // encoding/json says what is wrong
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == ']' {
		return trailing(b, i+1)
	}
	for {
		end, err := skipValue(b, i)
		if err != nil {
			return err
		}
		if err := f(b[i:end]); err != nil {
			return err
		}
		i = skipSpace(b, end)
		if i == len(b) {
			return errSyntax
		}
		switch b[i] {
		case ',':
			i = skipSpace(b, i+1)
		case ']':
			return trailing(b, i+1)
		default:
			return errSyntax
		}
	}
}

// plainName reports whether a member name is lower-case ASCII letters,
// digits and underscores, which encoding/json matches to a field of the
// same lower-case name only.
func plainName(name []byte) bool {
	for _, c := range name {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// trailing checks that only spaces follow the end of a value at i.
func trailing(b []byte, i int) error {
	if skipSpace(b, i) != len(b) {
		return errSyntax
	}
	return nil
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// skipString returns the end of the JSON string that starts at b[i].
func skipString(b []byte, i int) (int, error) {
	i++
	for {
		q := bytes.IndexByte(b[i:], '"')
		if q < 0 {
			return 0, errSyntax
		}
		e := bytes.IndexByte(b[i:i+q], '\\')
		if e < 0 {
			return i + q + 1, nil
		}
		i += e + 2 // an escape: the byte after the backslash never ends the string
		if i > len(b) {
			return 0, errSyntax
		}
	}
}

// skipValue returns the end of the JSON value that starts at b[i]: a
// string, an object or an array (with its brackets matched), or a literal.
func skipValue(b []byte, i int) (int, error) {
	if i == len(b) {
		return 0, errSyntax
	}
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		var open [64]byte // the brackets left to close, innermost last
		stack := open[:0]
		for i < len(b) {
			switch c := b[i]; c {
			case '"':
				end, err := skipString(b, i)
				if err != nil {
					return 0, err
				}
				i = end
				continue
			case '{', '[':
				stack = append(stack, c+2) // '}' is '{'+2, ']' is '['+2
			case '}', ']':
				if len(stack) == 0 || stack[len(stack)-1] != c {
					return 0, errSyntax
				}
				stack = stack[:len(stack)-1]
				if len(stack) == 0 {
					return i + 1, nil
				}
			}
			i++
		}
		return 0, errSyntax
	}
	start := i
	for i < len(b) {
		switch b[i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			if i == start {
				return 0, errSyntax
			}
			return i, nil
		}
		i++
	}
	if i == start {
		return 0, errSyntax
	}
	return i, nil
}
