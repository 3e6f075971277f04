package ledger

import "time"

// KDP's limits on one order, and its window for reporting trouble.
const (
	MaxAuthorCopies = 999
	MaxProofCopies  = 5
	// RefundWindow is how many days KDP gives to report damaged copies,
	// or copies lost in transit, for a refund: from the day they arrived,
	// or the day the author was told they were lost.
	RefundWindow = 30
)

// MaxCopies is the most copies of kind one order can have.
func MaxCopies(kind string) int {
	if kind == KindProof {
		return MaxProofCopies
	}
	return MaxAuthorCopies
}

// CheckQuantity checks n copies of kind against KDP's limit per order:
// QuantityTooSmall or QuantityTooLarge, or nil.
func CheckQuantity(kind string, n int) error {
	limit := MaxCopies(kind)
	switch {
	case n < 1:
		return QuantityTooSmall{Kind: kind, Max: limit, Got: n}
	case n > limit:
		return QuantityTooLarge{Kind: kind, Max: limit, Got: n}
	}
	return nil
}

// CheckOrdered checks the day an order was placed: not after today
// (OrderedInFuture).
func CheckOrdered(ordered, today time.Time) error {
	if ordered.After(today) {
		return OrderedInFuture{Ordered: ordered, Today: today}
	}
	return nil
}

// CheckExpected checks an expected delivery date: not before the order
// (ExpectedBeforeOrdered). The zero time, no date, passes.
func CheckExpected(expected, ordered time.Time) error {
	if !expected.IsZero() && expected.Before(ordered) {
		return ExpectedBeforeOrdered{Expected: expected, Ordered: ordered}
	}
	return nil
}

// CheckHappened checks the day a step of an order happened (it shipped,
// it arrived): not after today (FutureDate).
func CheckHappened(date, today time.Time) error {
	if date.After(today) {
		return FutureDate{Date: date, Today: today}
	}
	return nil
}

// Day is the calendar date of t, in t's own location, as midnight UTC:
// the form an order's dates are kept in.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// RefundDeadline is the last day to report damaged or lost copies to KDP
// when the window opened on the given day.
func RefundDeadline(from time.Time) time.Time {
	return from.AddDate(0, 0, RefundWindow)
}

// Open reports whether the order is still on its way: ordered or shipped.
func (o Order) Open() bool {
	return o.Status == StatusOrdered || o.Status == StatusShipped
}
