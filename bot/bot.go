// Package bot is the platform-neutral model of authorbot: a Request parsed
// from any platform, a Reply made of neutral blocks that each platform
// renders in its own way, and the Handler that turns one into the other.
//
// Neither this package nor handlers imports a platform SDK; the adapters in
// bot/console, bot/slack and bot/discord translate at the edges.
package bot

import (
	"context"
	"strings"
	"time"
)

// Platform names where a request came from.
type Platform string

// The platforms authorbot speaks on.
const (
	Console Platform = "console"
	Slack   Platform = "slack"
	Discord Platform = "discord"
)

// User identifies an author. Two users are the same only when platform,
// workspace and id all match, so a Slack user id reused in another
// workspace, or the same id on Discord, is a different author.
type User struct {
	Platform  Platform
	Workspace string // Slack team id, Discord guild id ("" in DMs and on the console)
	ID        string
	Name      string // display name, for greetings only; never used for access
}

// Key is the stable identity under which a user's data is stored:
// "platform:workspace:id". Discord user ids are global, so the guild is not
// part of a Discord key: an author sees the same orders in every server and
// in DMs.
//
// Two users have the same key only when platform, workspace (but for
// Discord) and id all match. Slack and Discord ids never contain ':', but
// a console id can be anything typed after --user, and "T9:UZ" with "X"
// must not meet "T9" with "UZ:X". So when a part contains ':', every part
// is escaped (':' as %3A, '%' as %25) and the key gets a fourth field: a
// plain key always has exactly two colons and an escaped one three, and
// ids without ':' keep the keys they were stored under.
func (u User) Key() string {
	p, ws, id := string(u.Platform), u.Workspace, u.ID
	if u.Platform == Discord {
		ws = ""
	}
	if !strings.Contains(p, ":") && !strings.Contains(ws, ":") && !strings.Contains(id, ":") {
		return p + ":" + ws + ":" + id
	}
	return escapeKeyPart(p) + ":" + escapeKeyPart(ws) + ":" + escapeKeyPart(id) + ":%"
}

// escapeKeyPart escapes the key's separator and the escape itself, so that
// an escaped part has no ':' and reads back one way only.
func escapeKeyPart(s string) string {
	// Byte by byte: ranging over runes would turn invalid UTF-8 into
	// U+FFFD, and two different ids into one.
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '%':
			b.WriteString("%25")
		case ':':
			b.WriteString("%3A")
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// Request is one command from one user, whatever the platform.
type Request struct {
	User    User
	Command string            // top-level command name, e.g. "order"
	Sub     string            // subcommand name, e.g. "add"; "" when the command has none
	Options map[string]string // option values as the user gave them, by option name
	// Locale is the language the platform or the user asked for explicitly
	// ("fr", "en-US", "pt-BR"); "" when unknown. It wins over the language
	// of the question.
	Locale string
	// Action is set when the request comes from a button rather than a
	// command: the button's Action, with its Value in Options["value"].
	Action string
	// Line is the command as text, for share buttons and logs of shape (never
	// logged in full: it may hold private text).
	Line string
	// Received is when the platform delivered the request.
	Received time.Time
	// Thread is set when the request answers a message posted in a channel
	// (see AskAbout), and for the share button of such an answer: an
	// answer shared from it is posted as a reply to that message.
	// Handlers need not look at it; adapters do.
	Thread *Thread
	// Channel is the channel or conversation the request came from, ""
	// when the platform did not say.
	Channel string
	// Moderator, when set, tells whether the user is one of the
	// community's moderators (see IsModerator); the adapter decides, and
	// may ask its platform, so it is asked only by what needs to know.
	Moderator func(ctx context.Context) bool
}

// Option returns the trimmed value of the named option, or "".
func (r *Request) Option(name string) string {
	return strings.TrimSpace(r.Options[name])
}

// Has reports whether the named option was given.
func (r *Request) Has(name string) bool {
	_, ok := r.Options[name]
	return ok
}

// Name is the command path as typed, e.g. "order add" or "ask".
func (r *Request) Name() string {
	if r.Action != "" {
		return "button:" + r.Action
	}
	if r.Sub == "" {
		return r.Command
	}
	return r.Command + " " + r.Sub
}

// Handler answers a request. Errors should be *Error values with a code and
// a message written for the author; any other error is logged and shown as
// a short apology.
type Handler interface {
	Handle(ctx context.Context, req *Request) (*Reply, error)
}

// HandlerFunc lets an ordinary function be a Handler.
type HandlerFunc func(ctx context.Context, req *Request) (*Reply, error)

// Handle calls f(ctx, req).
func (f HandlerFunc) Handle(ctx context.Context, req *Request) (*Reply, error) {
	return f(ctx, req)
}

// Notifier is an optional adapter ability: delivering a reply to a user
// outside a request, such as a reminder sent as a direct message. Adapters
// that cannot do it simply don't implement it, and whatever wanted to
// deliver keeps the message until one that can is connected.
type Notifier interface {
	Notify(ctx context.Context, user User, r *Reply) error
}

// Health is an optional adapter ability: reporting whether the adapter's
// own connection to its platform (a gateway or a socket) is up. An adapter
// that keeps no connection of its own does not implement it, and counts as
// healthy; serve's /readyz reports not ready while any enabled adapter's
// Healthy returns an error.
type Health interface {
	Healthy() error
}
