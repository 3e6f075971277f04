package ledger

import "time"

// An order's life: it is recorded ordered; until it ships it can be
// edited or cancelled; it ships (a tracking number can come later), then
// is delivered (its date can be corrected). Cancelled is final. Each step
// is a pure function from the order as stored to the order as it becomes,
// or an error saying why the step is refused.

// Action is a step of an order's life, named in a WrongStatus error.
type Action string

// The steps an order may be refused.
const (
	ActionEdit    Action = "edit"
	ActionShip    Action = "ship"
	ActionDeliver Action = "deliver"
	ActionCancel  Action = "cancel"
)

// NewOrder checks an order about to be recorded and fills in its
// defaults: author copies, status ordered, ordered today. Its quantity,
// ordered day and expected date must pass CheckQuantity, CheckOrdered and
// CheckExpected.
func NewOrder(o Order, today time.Time) (Order, error) {
	if o.Kind == "" {
		o.Kind = KindAuthor
	}
	if o.Status == "" {
		o.Status = StatusOrdered
	}
	if o.Ordered.IsZero() {
		o.Ordered = today
	}
	if err := CheckQuantity(o.Kind, o.Quantity); err != nil {
		return o, err
	}
	if err := CheckOrdered(o.Ordered, today); err != nil {
		return o, err
	}
	if err := CheckExpected(o.Expected, o.Ordered); err != nil {
		return o, err
	}
	return o, nil
}

// Changes are what an edit sets: each field that is not nil replaces the
// order's.
type Changes struct {
	Quantity    *int
	Marketplace *string
	Title       *string
	// Expected set to the zero time clears the expected date.
	Expected *time.Time
	Note     *string
}

// Edit applies c to an order that has not shipped (WrongStatus
// otherwise). The quantity is checked against the order's kind
// (CheckQuantity) and the expected date against its ordered day
// (CheckExpected), in that order.
func Edit(o Order, c Changes) (Order, error) {
	if o.Status != StatusOrdered {
		return o, WrongStatus{Order: o, Action: ActionEdit}
	}
	if c.Quantity != nil {
		if err := CheckQuantity(o.Kind, *c.Quantity); err != nil {
			return o, err
		}
		o.Quantity = *c.Quantity
	}
	if c.Marketplace != nil {
		o.Marketplace = *c.Marketplace
	}
	if c.Title != nil {
		o.Title = *c.Title
	}
	if c.Expected != nil {
		if err := CheckExpected(*c.Expected, o.Ordered); err != nil {
			return o, err
		}
		o.Expected = *c.Expected
	}
	if c.Note != nil {
		o.Note = *c.Note
	}
	return o, nil
}

// Shipment is how an order shipped.
type Shipment struct {
	// Date is the day it shipped; Dated is whether the author gave it,
	// rather than today being assumed.
	Date  time.Time
	Dated bool
	// Tracking is the carrier's number, "" if none was given.
	Tracking string
}

// Ship marks an order shipped. An order already shipped takes only a new
// tracking number (AlreadyShipped otherwise); a delivered or cancelled one
// is refused (WrongStatus). A date given cannot come before the order
// (DateBeforeOrdered); today, assumed, is moved up to the ordered day.
func Ship(o Order, s Shipment) (Order, error) {
	switch o.Status {
	case StatusShipped:
		if s.Tracking == "" || s.Tracking == o.Tracking {
			return o, AlreadyShipped{Order: o}
		}
		o.Tracking = s.Tracking // a tracking number that came later
		return o, nil
	case StatusOrdered:
	default:
		return o, WrongStatus{Order: o, Action: ActionShip}
	}
	if s.Dated && s.Date.Before(o.Ordered) {
		return o, DateBeforeOrdered{Order: o, Action: ActionShip, Date: s.Date}
	}
	o.Status, o.Shipped = StatusShipped, latest(s.Date, o.Ordered)
	if s.Tracking != "" {
		o.Tracking = s.Tracking
	}
	return o, nil
}

// Deliver marks an order delivered on date; dated is whether the author
// gave the date. A cancelled order is refused (WrongStatus); one already
// delivered takes only a different date the author gives
// (AlreadyDelivered otherwise). The copies cannot arrive before the order
// (DateBeforeOrdered) nor before they shipped (DateBeforeShipped).
func Deliver(o Order, date time.Time, dated bool) (Order, error) {
	switch o.Status {
	case StatusCancelled:
		return o, WrongStatus{Order: o, Action: ActionDeliver}
	case StatusDelivered:
		if !dated || date.Equal(o.Delivered) {
			return o, AlreadyDelivered{Order: o}
		}
	}
	if date.Before(o.Ordered) {
		return o, DateBeforeOrdered{Order: o, Action: ActionDeliver, Date: date}
	}
	if !o.Shipped.IsZero() && date.Before(o.Shipped) {
		return o, DateBeforeShipped{Order: o, Date: date}
	}
	o.Status, o.Delivered = StatusDelivered, date
	return o, nil
}

// Cancel marks an order that has not shipped cancelled today (or on its
// ordered day, should that be later); any other is refused (WrongStatus).
func Cancel(o Order, today time.Time) (Order, error) {
	if o.Status != StatusOrdered {
		return o, WrongStatus{Order: o, Action: ActionCancel}
	}
	o.Status, o.Cancelled = StatusCancelled, latest(today, o.Ordered)
	return o, nil
}

func latest(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
