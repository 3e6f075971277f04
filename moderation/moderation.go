// Package moderation is what the bot keeps so that people can do better
// than it: the questions it missed (gaps), the questions authors asked to
// pass on to a moderator (handoffs), the examples moderators teach the
// search, and the figures of the moderators' reports. It imports no
// storage and no platform; package store keeps these, handlers and the
// dashboard read them through the exported types here.
package moderation

import (
	"errors"
	"fmt"
	"time"
)

// The kinds of gap.
const (
	Declined = "declined" // the bot did not know
	Low      = "low"      // the bot answered with little confidence
	NoVote   = "no-vote"  // an author said the answer did not help
)

// The statuses of a handoff. Open is the only one that is not final.
const (
	Open     = "open"
	Answered = "answered"
	Resolved = "resolved"
)

// Guess is a topic the search found close to a question, with its score
// (0 to 1).
type Guess struct {
	Topic string  `json:"topic"`
	Score float64 `json:"score"`
}

// Gap is one question the bot could not answer well. Question is the
// author's own words; it is shown to the moderators only as a count and
// example phrasings, and to the author in their data export.
type Gap struct {
	ID        int64     `json:"id"`
	User      string    `json:"-"` // the author's key (bot.User.Key())
	Kind      string    `json:"kind"`
	Question  string    `json:"question"`
	Lang      string    `json:"lang"`
	Guesses   []Guess   `json:"guesses"`
	Platform  string    `json:"platform"`
	Workspace string    `json:"workspace,omitempty"`
	Channel   string    `json:"channel,omitempty"`
	Created   time.Time `json:"created"`
}

// Handoff is a question an author asked the bot to pass on to the
// moderators. It holds the question and where to answer the author,
// never anything about their orders.
type Handoff struct {
	ID        int64   `json:"id"`
	User      string  `json:"-"` // the author's key
	Gap       int64   `json:"-"` // the gap it came from, 0 if none
	Platform  string  `json:"platform"`
	Workspace string  `json:"workspace,omitempty"`
	UserID    string  `json:"user_id"`
	Question  string  `json:"question"`
	Lang      string  `json:"lang"`
	Guesses   []Guess `json:"guesses"`
	Status    string  `json:"status"`
	// Message names the post in the moderators' channel, "" until posted.
	Message  string    `json:"-"`
	Answer   string    `json:"answer,omitempty"`
	ClosedBy string    `json:"-"` // the moderator's platform id
	Created  time.Time `json:"created"`
	Closed   time.Time `json:"closed,omitzero"`
}

// Example is a question labelled with the topic that answers it, by a
// moderator ("Should have answered"). User is the author whose question
// it was, so that forgetting them forgets it too.
type Example struct {
	ID       int64     `json:"id"`
	User     string    `json:"-"`
	Question string    `json:"question"`
	Lang     string    `json:"lang"`
	Topic    string    `json:"topic"`
	AddedBy  string    `json:"-"`
	Created  time.Time `json:"created"`
}

// Asked is a number of questions counted for the figures, by day,
// platform, language and topic: no words, no author.
type Asked struct {
	Day      time.Time // midnight UTC
	Platform string
	Lang     string
	Topic    string // "" when declined
	Answered bool
	Count    int
}

// Closed is the error of an action on a handoff that is no longer open:
// it carries how and by whom it was closed.
type Closed struct {
	Status string // Answered or Resolved
	By     string // the moderator's platform id
}

func (e *Closed) Error() string {
	return fmt.Sprintf("handoff already %s by %s", e.Status, e.By)
}

// ErrNotFound is returned (wrapped) for a gap, handoff or example that
// does not exist (or no longer does: purged, or forgotten).
var ErrNotFound = errors.New("not found")
