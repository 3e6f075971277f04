package ledger

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var today = date(2026, 11, 22)

func ptr[T any](v T) *T { return &v }

func TestCheckQuantity(t *testing.T) {
	tests := []struct {
		kind string
		n    int
		want error
	}{
		{KindAuthor, 1, nil},
		{KindAuthor, 999, nil},
		{KindAuthor, 0, QuantityTooSmall{Kind: KindAuthor, Max: 999, Got: 0}},
		{KindAuthor, 2500, QuantityTooLarge{Kind: KindAuthor, Max: 999, Got: 2500}},
		{KindProof, 5, nil},
		{KindProof, 6, QuantityTooLarge{Kind: KindProof, Max: 5, Got: 6}},
		{KindProof, -1, QuantityTooSmall{Kind: KindProof, Max: 5, Got: -1}},
	}
	for _, tt := range tests {
		if got := CheckQuantity(tt.kind, tt.n); got != tt.want {
			t.Errorf("CheckQuantity(%s, %d) = %v; want %v", tt.kind, tt.n, got, tt.want)
		}
	}
	if got := (QuantityTooLarge{Max: 999, Got: 2500}).Orders(); got != 3 {
		t.Errorf("2,500 copies take %d orders; want 3", got)
	}
}

func TestNewOrder(t *testing.T) {
	got, err := NewOrder(Order{Quantity: 10, Title: "T"}, today)
	want := Order{Quantity: 10, Title: "T", Kind: KindAuthor, Status: StatusOrdered, Ordered: today}
	if err != nil || !cmp.Equal(got, want) {
		t.Errorf("NewOrder = %+v, %v; want %+v", got, err, want)
	}
	tests := []struct {
		name string
		o    Order
		want error
	}{
		{"too many proofs", Order{Kind: KindProof, Quantity: 6}, QuantityTooLarge{Kind: KindProof, Max: 5, Got: 6}},
		{"ordered tomorrow", Order{Quantity: 1, Ordered: today.AddDate(0, 0, 1)},
			OrderedInFuture{Ordered: today.AddDate(0, 0, 1), Today: today}},
		{"expected before ordered", Order{Quantity: 1, Ordered: today, Expected: today.AddDate(0, 0, -1)},
			ExpectedBeforeOrdered{Expected: today.AddDate(0, 0, -1), Ordered: today}},
	}
	for _, tt := range tests {
		if _, err := NewOrder(tt.o, today); err != tt.want {
			t.Errorf("%s: %v; want %v", tt.name, err, tt.want)
		}
	}
}

func TestLifecycle(t *testing.T) {
	ordered := Order{Number: 3, Kind: KindProof, Quantity: 2, Status: StatusOrdered, Ordered: date(2026, 11, 10)}
	shipped := ordered
	shipped.Status, shipped.Shipped, shipped.Tracking = StatusShipped, date(2026, 11, 12), "1Z"
	delivered := shipped
	delivered.Status, delivered.Delivered = StatusDelivered, date(2026, 11, 15)
	cancelled := ordered
	cancelled.Status, cancelled.Cancelled = StatusCancelled, date(2026, 11, 11)

	tests := []struct {
		name    string
		step    func() (Order, error)
		want    Order
		wantErr error
	}{
		{"edit", func() (Order, error) {
			return Edit(ordered, Changes{Quantity: ptr(4), Note: ptr("n"), Expected: ptr(date(2026, 11, 30))})
		}, with(ordered, func(o *Order) { o.Quantity, o.Note, o.Expected = 4, "n", date(2026, 11, 30) }), nil},
		{"edit clears the expected date", func() (Order, error) {
			return Edit(with(ordered, func(o *Order) { o.Expected = date(2026, 12, 1) }), Changes{Expected: ptr(time.Time{})})
		}, ordered, nil},
		{"edit checks the quantity against the kind", func() (Order, error) {
			return Edit(ordered, Changes{Quantity: ptr(6), Title: ptr("x")})
		}, ordered, QuantityTooLarge{Kind: KindProof, Max: 5, Got: 6}},
		{"edit after shipping", func() (Order, error) { return Edit(shipped, Changes{Note: ptr("x")}) },
			shipped, WrongStatus{Order: shipped, Action: ActionEdit}},
		{"ship today", func() (Order, error) { return Ship(ordered, Shipment{Date: today}) },
			with(ordered, func(o *Order) { o.Status, o.Shipped = StatusShipped, today }), nil},
		{"ship on a day before the order", func() (Order, error) {
			return Ship(ordered, Shipment{Date: date(2026, 11, 9), Dated: true})
		}, ordered, DateBeforeOrdered{Order: ordered, Action: ActionShip, Date: date(2026, 11, 9)}},
		{"assumed today before the order moves up", func() (Order, error) {
			return Ship(ordered, Shipment{Date: date(2026, 11, 9), Tracking: "T"})
		}, with(ordered, func(o *Order) { o.Status, o.Shipped, o.Tracking = StatusShipped, date(2026, 11, 10), "T" }), nil},
		{"tracking number later", func() (Order, error) { return Ship(shipped, Shipment{Date: today, Tracking: "2Z"}) },
			with(shipped, func(o *Order) { o.Tracking = "2Z" }), nil},
		{"shipped again", func() (Order, error) { return Ship(shipped, Shipment{Date: today, Tracking: "1Z"}) },
			shipped, AlreadyShipped{Order: shipped}},
		{"ship a delivered order", func() (Order, error) { return Ship(delivered, Shipment{Date: today}) },
			delivered, WrongStatus{Order: delivered, Action: ActionShip}},
		{"deliver", func() (Order, error) { return Deliver(shipped, date(2026, 11, 15), true) }, delivered, nil},
		{"deliver before shipping", func() (Order, error) { return Deliver(shipped, date(2026, 11, 11), true) },
			shipped, DateBeforeShipped{Order: shipped, Date: date(2026, 11, 11)}},
		{"deliver before the order", func() (Order, error) { return Deliver(ordered, date(2026, 11, 1), false) },
			ordered, DateBeforeOrdered{Order: ordered, Action: ActionDeliver, Date: date(2026, 11, 1)}},
		{"correct the delivery date", func() (Order, error) { return Deliver(delivered, date(2026, 11, 16), true) },
			with(delivered, func(o *Order) { o.Delivered = date(2026, 11, 16) }), nil},
		{"delivered again", func() (Order, error) { return Deliver(delivered, today, false) },
			delivered, AlreadyDelivered{Order: delivered}},
		{"deliver a cancelled order", func() (Order, error) { return Deliver(cancelled, today, false) },
			cancelled, WrongStatus{Order: cancelled, Action: ActionDeliver}},
		{"cancel", func() (Order, error) { return Cancel(ordered, date(2026, 11, 11)) }, cancelled, nil},
		{"cancel a shipped order", func() (Order, error) { return Cancel(shipped, today) },
			shipped, WrongStatus{Order: shipped, Action: ActionCancel}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.step()
			if !cmp.Equal(err, tt.wantErr) {
				t.Fatalf("error = %v; want %v", err, tt.wantErr)
			}
			if err == nil {
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("order (-want +got):\n%s", diff)
				}
			}
		})
	}
}
