package store

import "fmt"

// The caps on what one author can keep. Each is checked in the same write
// transaction as the addition it limits: writes go through one connection
// and begin IMMEDIATE, so no other addition can come in between the count
// and the insert, from this process or another.
const (
	// MaxOrders is the most orders an author's ledger holds. A prolific
	// author, a dozen titles in print, orders author copies for launches,
	// fairs and signings a few hundred times a year at most: 5,000 orders
	// is a decade or more of that. Past it, the ledger is history an author
	// can export (/mydata export) and delete, while the cap bounds what one
	// account can make the bot store, export and read.
	MaxOrders = 5000
	// MaxOpenReminders is the most reminders an author can have to come
	// (pending or being sent): a long list stops being read. Automatic
	// reminders about orders count towards it but are never refused, so
	// that an order change does not fail over a reminder.
	MaxOpenReminders = 100
)

// TooManyOrders is the error AddOrder returns when the author's ledger
// already holds Max orders.
type TooManyOrders struct {
	Max  int // MaxOrders
	Have int // the orders in the ledger
}

func (e TooManyOrders) Error() string {
	return fmt.Sprintf("store: add order: the ledger holds %d orders, the most it keeps is %d", e.Have, e.Max)
}

// TooManyReminders is the error AddReminder and AddReminders return when
// the reminders an author sets would take their open reminders past Max.
type TooManyReminders struct {
	Max    int // MaxOpenReminders
	Open   int // the author's open reminders before the addition
	Adding int // how many the addition would open
}

func (e TooManyReminders) Error() string {
	return fmt.Sprintf("store: add reminder: %d open and %d more would pass the cap of %d", e.Open, e.Adding, e.Max)
}
