package store

import "github.com/authorbot/authorbot/ledger"

// The caps on what one author can keep (see package ledger). Each is
// checked in the same write transaction as the addition it limits: writes
// go through one connection and begin IMMEDIATE, so no other addition can
// come in between the count and the insert, from this process or another.
const (
	MaxOrders        = ledger.MaxOrders
	MaxOpenReminders = ledger.MaxOpenReminders
)

// The errors of the caps: AddOrder gives a TooManyOrders, AddReminder and
// AddReminders a TooManyReminders.
type (
	TooManyOrders    = ledger.TooManyOrders
	TooManyReminders = ledger.TooManyReminders
)
