package slack

import (
	"context"
	"errors"
	"time"

	slackapi "github.com/slack-go/slack"
)

// Tokens finds the bot token of a workspace. Every Web API call the
// adapter makes (an author's locale, a direct message, a file) is made
// with the token of the workspace the call is for: a token of one
// workspace cannot reach another.
type Tokens interface {
	// Token returns the bot token (xoxb-…) of the workspace team (its
	// team id, T…), or "" when the workspace has none: it never installed
	// the app, or uninstalled it. The error is for a token that could not
	// be read.
	Token(ctx context.Context, team string) (string, error)
}

// StaticToken is the one bot token of a single-workspace setup
// (AUTHORBOT_SLACK_BOT_TOKEN): it is every team's, "" none's.
type StaticToken string

// Token returns t, whatever the team.
func (t StaticToken) Token(context.Context, string) (string, error) { return string(t), nil }

// Fallback returns the Tokens that asks first, then, for a workspace
// first has no token for, second: the workspace of a single-token setup
// keeps working once other workspaces install the app.
func Fallback(first, second Tokens) Tokens { return chain{first, second} }

type chain struct{ first, second Tokens }

func (f chain) Token(ctx context.Context, team string) (string, error) {
	t, err := f.first.Token(ctx, team)
	if err != nil || t != "" {
		return t, err
	}
	return f.second.Token(ctx, team)
}

// Installs keeps what installing the app in a workspace gives (its bot
// token) and the states of the installs under way, where every process
// serving the app sees them: the redirect back from Slack may reach
// another process than the one that sent the browser there.
type Installs interface {
	Tokens
	// SaveToken keeps the bot token of team, and the id of its bot user,
	// in place of any it had.
	SaveToken(ctx context.Context, team, botUser, token string) error
	// DeleteToken forgets the bot token of team; a team without one is
	// no error.
	DeleteToken(ctx context.Context, team string) error
	// SaveState records the state of an install under way, good until
	// expires.
	SaveState(ctx context.Context, state string, expires time.Time) error
	// TakeState reports whether state was recorded and has not expired,
	// and forgets it: a state is good for one install only.
	TakeState(ctx context.Context, state string) (bool, error)
}

// errNoBotToken is the error of a call for a workspace without a bot
// token.
var errNoBotToken = errors.New("slack: no bot token")

// maxClients bounds the Web API clients kept, one per workspace token.
const maxClients = 1024

// api returns a Web API client with the bot token of team, or
// errNoBotToken when it has none.
func (a *Adapter) api(ctx context.Context, team string) (*slackapi.Client, error) {
	if a.tokens == nil {
		return nil, errNoBotToken
	}
	token, err := a.tokens.Token(ctx, team)
	if err != nil {
		return nil, err
	}
	if token == "" {
		return nil, errNoBotToken
	}
	return a.clientOf(token), nil
}

// clientOf returns the Web API client of token, one kept per token.
func (a *Adapter) clientOf(token string) *slackapi.Client {
	if c, ok := a.clients.Get(token); ok {
		return c
	}
	c := a.client(token)
	a.clients.Add(token, c)
	return c
}
