package ledger

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestFollow(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no tz database")
	}
	now := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	on := ReminderSettings{Automatic: true, Zone: "Europe/Paris"}
	open := Order{Number: 1, Status: StatusOrdered, Ordered: date(2026, 11, 20), Expected: date(2026, 11, 27)}
	opened := func(f func(*Order)) Order { return with(open, f) }
	late := func(o Order, due time.Time) Plan { return Plan{Set: &Auto{Kind: ReminderLate, Order: o, Due: due}} }
	tests := []struct {
		name      string
		o         Order
		s         ReminderSettings
		reachable bool
		want      Plan
	}{
		{"on its way: the morning after, in the author's zone", open, on, true,
			late(open, time.Date(2026, 11, 28, 9, 0, 0, 0, paris))},
		{"no zone: UTC", open, ReminderSettings{Automatic: true}, true,
			late(open, time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC))},
		{"shipped", opened(func(o *Order) { o.Status = StatusShipped }), on, true,
			late(opened(func(o *Order) { o.Status = StatusShipped }), time.Date(2026, 11, 28, 9, 0, 0, 0, paris))},
		{"no expected date", opened(func(o *Order) { o.Expected = time.Time{} }), on, true,
			Plan{Withdraw: []string{"order:1:late"}}},
		{"delivered", opened(func(o *Order) { o.Status = StatusDelivered }), on, true,
			Plan{Withdraw: []string{"order:1:late"}}},
		{"cancelled", opened(func(o *Order) { o.Status = StatusCancelled }), on, true,
			Plan{Withdraw: []string{"order:1:refund", "order:1:late"}}},
		{"expected date past", opened(func(o *Order) { o.Expected = date(2026, 11, 18) }), on, true,
			Plan{Withdraw: []string{"order:1:late"}}},
		{"switched off", open, ReminderSettings{Zone: "Europe/Paris"}, true, Plan{}},
		{"unreachable", open, on, false, Plan{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Follow(tt.o, tt.s, tt.reachable, now)); diff != "" {
				t.Errorf("plan (-want +got):\n%s", diff)
			}
		})
	}
	if FollowNeedsSettings(opened(func(o *Order) { o.Expected = time.Time{} }), true) || FollowNeedsSettings(open, false) {
		t.Error("settings read where no reminder can be set")
	}
}

func TestReport(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no tz database")
	}
	now := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	on := ReminderSettings{Automatic: true, Zone: "Europe/Paris"}
	delivered := Order{Number: 1, Status: StatusDelivered, Ordered: date(2026, 11, 1), Delivered: date(2026, 11, 30)}
	lateOrder := Order{Number: 2, Status: StatusShipped, Ordered: date(2026, 11, 1), Expected: date(2026, 11, 20)}
	refund := func(o Order, problem string, deadline time.Time) Plan {
		return Plan{Set: &Auto{Kind: ReminderRefund, Order: o, Problem: problem, Deadline: deadline,
			Due: time.Date(deadline.Year(), deadline.Month(), deadline.Day()-RefundNotice, 9, 0, 0, 0, paris)}}
	}
	tests := []struct {
		name    string
		o       Order
		problem string
		want    Plan
	}{
		{"damaged on delivery", delivered, ProblemDamaged, refund(delivered, ProblemDamaged, time.Date(2026, 12, 30, 0, 0, 0, 0, paris))},
		{"lost, counted from the expected date", lateOrder, ProblemLost, refund(lateOrder, ProblemLost, time.Date(2026, 12, 20, 0, 0, 0, 0, paris))},
		{"damaged, not delivered", lateOrder, ProblemDamaged, Plan{}},
		{"defective", delivered, ProblemDefective, Plan{}},
		{"window nearly over", with(delivered, func(o *Order) { o.Delivered = date(2026, 11, 3) }), ProblemDamaged, Plan{}},
		{"cancelled", with(delivered, func(o *Order) { o.Status = StatusCancelled }), ProblemDamaged, Plan{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Report(tt.o, tt.problem, on, true, now)); diff != "" {
				t.Errorf("plan (-want +got):\n%s", diff)
			}
		})
	}
	if p := Report(delivered, ProblemDamaged, ReminderSettings{}, true, now); p.Set != nil {
		t.Errorf("a reminder with automatic reminders off: %+v", p)
	}
}

func with(o Order, f func(*Order)) Order { f(&o); return o }
