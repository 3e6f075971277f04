package ledger

import (
	"fmt"
	"time"
)

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

// The errors of the rules. Each carries what a front end needs to explain
// it in the author's words; Error is for logs.

// QuantityTooSmall is a quantity below one copy.
type QuantityTooSmall struct {
	Kind string // KindAuthor or KindProof
	Max  int    // MaxCopies(Kind)
	Got  int
}

func (e QuantityTooSmall) Error() string {
	return fmt.Sprintf("ledger: quantity %d: an order has 1 to %d %s copies", e.Got, e.Max, e.Kind)
}

// QuantityTooLarge is a quantity past KDP's limit per order for its kind.
type QuantityTooLarge struct {
	Kind string // KindAuthor or KindProof
	Max  int    // MaxCopies(Kind)
	Got  int
}

func (e QuantityTooLarge) Error() string {
	return fmt.Sprintf("ledger: quantity %d: an order has 1 to %d %s copies", e.Got, e.Max, e.Kind)
}

// Orders is how many orders of at most Max copies Got copies take.
func (e QuantityTooLarge) Orders() int { return (e.Got + e.Max - 1) / e.Max }

// OrderedInFuture is an order placed, it is said, after today.
type OrderedInFuture struct{ Ordered, Today time.Time }

func (e OrderedInFuture) Error() string {
	return fmt.Sprintf("ledger: ordered %s is after today, %s", e.Ordered.Format(time.DateOnly), e.Today.Format(time.DateOnly))
}

// ExpectedBeforeOrdered is an expected delivery date before the order.
type ExpectedBeforeOrdered struct{ Expected, Ordered time.Time }

func (e ExpectedBeforeOrdered) Error() string {
	return fmt.Sprintf("ledger: expected %s is before the order, %s", e.Expected.Format(time.DateOnly), e.Ordered.Format(time.DateOnly))
}

// FutureDate is a step of an order said to have happened after today.
type FutureDate struct{ Date, Today time.Time }

func (e FutureDate) Error() string {
	return fmt.Sprintf("ledger: %s is after today, %s", e.Date.Format(time.DateOnly), e.Today.Format(time.DateOnly))
}

// WrongStatus is a step the order's status no longer allows: Order is the
// order as it stands.
type WrongStatus struct {
	Order  Order
	Action Action
}

func (e WrongStatus) Error() string {
	return fmt.Sprintf("ledger: order %d is %s: cannot %s it", e.Order.Number, e.Order.Status, e.Action)
}

// AlreadyShipped is an order marked shipped again with nothing new.
type AlreadyShipped struct{ Order Order }

func (e AlreadyShipped) Error() string {
	return fmt.Sprintf("ledger: order %d is already shipped", e.Order.Number)
}

// AlreadyDelivered is an order marked delivered again on the same day.
type AlreadyDelivered struct{ Order Order }

func (e AlreadyDelivered) Error() string {
	return fmt.Sprintf("ledger: order %d is already delivered", e.Order.Number)
}

// DateBeforeOrdered is a shipping (ActionShip) or delivery
// (ActionDeliver) date before the order was placed.
type DateBeforeOrdered struct {
	Order  Order
	Action Action
	Date   time.Time
}

func (e DateBeforeOrdered) Error() string {
	return fmt.Sprintf("ledger: order %d: %s on %s is before it was ordered", e.Order.Number, e.Action, e.Date.Format(time.DateOnly))
}

// DateBeforeShipped is a delivery date before the order shipped.
type DateBeforeShipped struct {
	Order Order
	Date  time.Time
}

func (e DateBeforeShipped) Error() string {
	return fmt.Sprintf("ledger: order %d: delivery on %s is before it shipped", e.Order.Number, e.Date.Format(time.DateOnly))
}
