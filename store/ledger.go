package store

import "github.com/authorbot/authorbot/ledger"

// The store keeps the types of package ledger. These aliases keep the
// names they had when they were declared here, so that code written
// before package ledger goes on compiling while it moves over.
type (
	Order            = ledger.Order
	Reminder         = ledger.Reminder
	ReminderSettings = ledger.ReminderSettings
	Claim            = ledger.Claim
	UserData         = ledger.UserData
	Vote             = ledger.Vote
)

// The ledger's statuses and kinds, under their old names.
const (
	StatusOrdered   = ledger.StatusOrdered
	StatusShipped   = ledger.StatusShipped
	StatusDelivered = ledger.StatusDelivered
	StatusCancelled = ledger.StatusCancelled

	KindAuthor = ledger.KindAuthor
	KindProof  = ledger.KindProof

	ReminderNote     = ledger.ReminderNote
	ReminderPreorder = ledger.ReminderPreorder
	ReminderLate     = ledger.ReminderLate
	ReminderRefund   = ledger.ReminderRefund

	ReminderPending   = ledger.ReminderPending
	ReminderSending   = ledger.ReminderSending
	ReminderDelivered = ledger.ReminderDelivered
	ReminderCancelled = ledger.ReminderCancelled
	ReminderFailed    = ledger.ReminderFailed
	ReminderSkipped   = ledger.ReminderSkipped
)

var (
	// ErrNotFound is ledger.ErrNotFound.
	ErrNotFound = ledger.ErrNotFound
	// ErrNotPending is ledger.ErrNotPending.
	ErrNotPending = ledger.ErrNotPending
)

// Automatic is ledger.Automatic.
func Automatic(kind string) bool { return ledger.Automatic(kind) }
