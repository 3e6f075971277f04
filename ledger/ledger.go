// Package ledger is authorbot's domain: each author's private ledger of
// copy orders and the reminders that go with it, KDP's rules for them, the
// lifecycle an order goes through, and the policy for the reminders the
// bot sets by itself.
//
// It imports no storage and no platform. Its rules are pure functions that
// return errors carrying data (QuantityTooLarge{Max: 999}), never
// sentences: a front end turns them into words in the author's language.
// Service applies one command's changes in one transaction through the
// small Store interface it declares, which package store implements for
// SQLite.
package ledger

import (
	"errors"
	"time"

	"github.com/authorbot/authorbot/moderation"
)

// Order is one order of author or proof copies in an author's ledger.
// Dates are calendar days at midnight UTC; the zero time means unset.
type Order struct {
	User   string `json:"-"` // the author's key, as the front end names them
	Number int    `json:"number"`
	// Kind is KindAuthor or KindProof.
	Kind     string `json:"kind"`
	Quantity int    `json:"quantity"`
	// Marketplace is the canonical domain, e.g. "amazon.co.uk".
	Marketplace string `json:"marketplace"`

	Title    string `json:"title"`
	ISBN     string `json:"isbn,omitempty"`
	Note     string `json:"note,omitempty"`
	Tracking string `json:"tracking,omitempty"`

	Ordered   time.Time `json:"ordered,omitzero"`
	Expected  time.Time `json:"expected,omitzero"`
	Shipped   time.Time `json:"shipped,omitzero"`
	Delivered time.Time `json:"delivered,omitzero"`
	Cancelled time.Time `json:"cancelled,omitzero"`

	// Status is one of the Status* values.
	Status string `json:"status"`

	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// The order statuses, in lifecycle order.
const (
	StatusOrdered   = "ordered"
	StatusShipped   = "shipped"
	StatusDelivered = "delivered"
	StatusCancelled = "cancelled"
)

// The kinds of copies.
const (
	KindAuthor = "author"
	KindProof  = "proof"
)

// The caps on what one author can keep. A Store checks each in the same
// write transaction as the addition it limits, so that no other addition
// can come in between the count and the insert.
const (
	// MaxOrders is the most orders an author's ledger holds. A prolific
	// author, a dozen titles in print, orders author copies for launches,
	// fairs and signings a few hundred times a year at most: 5,000 orders
	// is a decade or more of that. Past it, the ledger is history an author
	// can export and delete, while the cap bounds what one account can make
	// the bot store, export and read.
	MaxOrders = 5000
	// MaxOpenReminders is the most reminders an author can have to come
	// (pending or being sent): a long list stops being read. Automatic
	// reminders about orders count towards it but are never refused, so
	// that an order change does not fail over a reminder.
	MaxOpenReminders = 100
)

// ErrNotFound is returned (wrapped) when the order or reminder asked for
// does not exist for that author.
var ErrNotFound = errors.New("not found")

// UserData is everything stored about one author, as they can ask to see
// it.
type UserData struct {
	User     string    `json:"user"`
	Exported time.Time `json:"exported"`
	// LastOrder is the author's order counter: the number of the latest
	// order added, 0 if none. It is kept after deletes so numbers are never
	// given twice.
	LastOrder int     `json:"last_order_number"`
	Orders    []Order `json:"orders"`
	Votes     []Vote  `json:"votes"`
	// Reminders are the author's reminders still to come, failed, and
	// finished lately (the scheduler purges the others); nil if none.
	Reminders []Reminder `json:"reminders,omitempty"`
	// ReminderSettings are nil for an author who never set a reminder.
	ReminderSettings *ReminderSettings `json:"reminder_settings,omitempty"`
	// Gaps are the author's questions the bot missed, kept for its
	// moderators until they are purged; Handoffs the questions the author
	// passed on to them; Examples those a moderator taught the search.
	Gaps     []moderation.Gap     `json:"unanswered_questions,omitempty"`
	Handoffs []moderation.Handoff `json:"questions_for_moderators,omitempty"`
	Examples []moderation.Example `json:"questions_taught,omitempty"`
}

// Vote is one author's verdict on one answer of the knowledge base.
type Vote struct {
	Topic   string    `json:"topic"`
	Lang    string    `json:"lang"`
	Helpful bool      `json:"helpful"`
	Voted   time.Time `json:"voted"`
}
