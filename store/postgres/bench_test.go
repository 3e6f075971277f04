package postgres_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/authorbot/authorbot/ledger"
)

// BenchmarkClaimAndDeliver measures the scheduler's side of the
// reminders: three replicas' schedulers claiming due reminders (100 at a
// time) and marking each delivered, as remind.Scheduler does, until none
// is left. Its figure is reminders per second, to set against what
// a job queue (riverqueue/river) would offer.
func BenchmarkClaimAndDeliver(b *testing.B) {
	url := pg.Database(b)
	ctx := context.Background()
	handles := []interface {
		ClaimReminders(context.Context, ledger.Claim) ([]ledger.Reminder, error)
		MarkReminderDelivered(context.Context, ledger.Reminder, time.Time) (bool, error)
	}{mustOpen(b, url), mustOpen(b, url), mustOpen(b, url)}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close(ctx)
	now := time.Now().UTC().Truncate(time.Second)
	_, err = conn.Exec(ctx, `INSERT INTO reminders (user_key, number, platform, user_id, kind, due, text, status, next_try, created)
		SELECT 'u' || (i % 500), i, 'slack', 'U' || (i % 500), 'note', $1, 'r', 'pending', $1, $1
		FROM generate_series(1, $2) AS i`, now.Add(-time.Minute), b.N)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var wg sync.WaitGroup
	for _, h := range handles {
		wg.Go(func() {
			for {
				got, err := h.ClaimReminders(ctx, ledger.Claim{Now: now, Lease: time.Minute, Platforms: []string{"slack"}})
				if err != nil {
					b.Error(err)
					return
				}
				if len(got) == 0 {
					return
				}
				for _, r := range got {
					if ok, err := h.MarkReminderDelivered(ctx, r, now); !ok || err != nil {
						b.Errorf("mark delivered: %v, %v", ok, err)
						return
					}
				}
			}
		})
	}
	wg.Wait()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reminders/s")
}
