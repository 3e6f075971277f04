package ledger

import "fmt"

// TooManyOrders is the error an addition to a ledger that already holds
// Max orders gives.
type TooManyOrders struct {
	Max  int // MaxOrders
	Have int // the orders in the ledger
}

func (e TooManyOrders) Error() string {
	return fmt.Sprintf("ledger: add order: the ledger holds %d orders, the most it keeps is %d", e.Have, e.Max)
}

// TooManyReminders is the error reminders an author sets give when they
// would take the author's open reminders past Max.
type TooManyReminders struct {
	Max    int // MaxOpenReminders
	Open   int // the author's open reminders before the addition
	Adding int // how many the addition would open
}

func (e TooManyReminders) Error() string {
	return fmt.Sprintf("ledger: add reminder: %d open and %d more would pass the cap of %d", e.Open, e.Adding, e.Max)
}
