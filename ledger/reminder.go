package ledger

import (
	"errors"
	"time"
)

// Reminder is one message to send an author at a given time, as a direct
// message on the platform they used when it was set.
type Reminder struct {
	User   string `json:"-"` // the author's key, as the front end names them
	Number int    `json:"number"`

	// Platform, Workspace and UserID say where to deliver it.
	Platform  string `json:"platform"`
	Workspace string `json:"workspace,omitempty"`
	UserID    string `json:"user_id"`

	// Kind is one of the Reminder* kinds.
	Kind string `json:"kind"`
	// Tag, when set, makes the reminder unique for its author: adding a
	// reminder with a tag that exists reschedules that one (see
	// Tx.AddReminders).
	Tag string `json:"tag,omitempty"`
	// Order is the order number an automatic reminder is about, 0 otherwise.
	Order int `json:"order,omitempty"`

	// Due is when to deliver it; stored to the second.
	Due time.Time `json:"due"`
	// Zone is the IANA time zone the author set it in, for showing Due.
	Zone string `json:"zone"`
	Lang string `json:"lang"`
	Text string `json:"text"`

	// Status is one of the Reminder* statuses.
	Status    string    `json:"status"`
	Attempts  int       `json:"attempts,omitempty"`
	Created   time.Time `json:"created"`
	Delivered time.Time `json:"delivered,omitzero"`

	// Claim identifies the scheduler's claim while Status is sending; the
	// scheduler passes it back to say how delivery went.
	Claim string `json:"-"`
}

// The kinds of reminders.
const (
	ReminderNote     = "note"          // one the author set
	ReminderPreorder = "preorder"      // a step of a pre-order plan
	ReminderLate     = "delivery-late" // automatic: an order's expected delivery date passed
	ReminderRefund   = "refund-window" // automatic: 5 days left to report a damaged or lost order
)

// Automatic reports whether kind is one the author can switch off, as
// ReminderSettings.Automatic.
func Automatic(kind string) bool { return kind == ReminderLate || kind == ReminderRefund }

// The reminder statuses. Pending and sending are open; the rest are final.
const (
	ReminderPending   = "pending"
	ReminderSending   = "sending" // claimed by a scheduler; due again when its lease runs out
	ReminderDelivered = "delivered"
	ReminderCancelled = "cancelled"
	ReminderFailed    = "failed"  // the platform refused it too many times
	ReminderSkipped   = "skipped" // automatic, and due while the author had them switched off
)

// ErrNotPending is returned (wrapped) when a reminder cannot be cancelled
// because it was already delivered, cancelled or is being delivered.
var ErrNotPending = errors.New("reminder is not pending")

// ReminderSettings are an author's reminder preferences and counter.
type ReminderSettings struct {
	// Automatic is whether automatic reminders about orders are delivered;
	// on unless the author switched them off.
	Automatic bool `json:"automatic"`
	// Zone is the IANA time zone the author last gave, "" if none.
	Zone string `json:"zone,omitempty"`
	// LastNumber is the number of the latest reminder added, 0 if none.
	LastNumber int `json:"last_reminder_number"`
}

// Claim says which due reminders a scheduler takes.
type Claim struct {
	Now time.Time
	// Lease is how long the claim holds: a reminder still sending when it
	// runs out is due again, for this scheduler or another.
	Lease time.Duration
	// Platforms are the platforms the scheduler can deliver to; reminders
	// for the others stay pending until one that can runs.
	Platforms []string
	// Want, when set, further picks the reminders the scheduler can reach
	// (the console reaches only the author at its keyboard). It runs inside
	// the claiming transaction and must not use the store.
	Want func(Reminder) bool
	// Limit caps how many reminders one claim takes; 0 means 100.
	Limit int
}
