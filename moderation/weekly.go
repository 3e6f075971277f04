package moderation

import (
	"context"
	"log/slog"
	"time"
)

// DigestStore keeps which weekly digests were sent; *store.DB is one.
type DigestStore interface {
	// ClaimDigest claims week's digest for sending until now+lease; false
	// when it was sent, or another claim holds.
	ClaimDigest(ctx context.Context, week string, now time.Time, lease time.Duration) (claim string, ok bool, err error)
	// MarkDigestSent records the claimed digest sent; false when the
	// claim no longer held.
	MarkDigestSent(ctx context.Context, week, claim string, at time.Time) (bool, error)
	// ReleaseDigest gives a claim up after a failed send.
	ReleaseDigest(ctx context.Context, week, claim string) error
}

// Defaults of Weekly.
const (
	DefaultDigestAt    = 9 * time.Hour // Monday 09:00 UTC
	DefaultDigestEvery = time.Minute
	DefaultDigestLease = 10 * time.Minute
)

// Weekly sends the weekly digest once a week, durably: the week's digest
// is claimed in the database before it is sent and marked sent after, so
// that neither a restart nor a second process sends it twice, and a
// digest due while the bot was down is sent at the next start. A crash
// between the send and the mark sends it again once the lease ends, the
// same trade as the reminders' (see package remind).
type Weekly struct {
	Store DigestStore
	// Send posts the digest of the week up to now.
	Send func(ctx context.Context, now time.Time) error
	Log  *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// At is when in the week it is due, from Monday 00:00 UTC.
	At time.Duration
	// Every is how often Run looks; Lease how long a claim holds.
	Every, Lease time.Duration
}

// Run sends the digest when it is due, looking every Every until ctx is
// cancelled. Faults are logged, and the next look tries again.
func (w *Weekly) Run(ctx context.Context) error {
	every := w.Every
	if every <= 0 {
		every = DefaultDigestEvery
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if _, err := w.Tick(ctx); err != nil && ctx.Err() == nil {
			w.log().Warn("weekly digest not sent; will retry", slog.Any("err", err))
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Tick sends this week's digest if it is due and not sent yet, and
// reports whether it sent it.
func (w *Weekly) Tick(ctx context.Context) (bool, error) {
	now := w.now()
	at := w.At
	if at <= 0 {
		at = DefaultDigestAt
	}
	if now.Before(WeekStart(now).Add(at)) {
		return false, nil
	}
	lease := w.Lease
	if lease <= 0 {
		lease = DefaultDigestLease
	}
	week := Week(now)
	claim, ok, err := w.Store.ClaimDigest(ctx, week, now, lease)
	if err != nil || !ok {
		return false, err
	}
	if err := w.Send(ctx, now); err != nil {
		rel, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if rerr := w.Store.ReleaseDigest(rel, week, claim); rerr != nil {
			w.log().Warn("weekly digest: cannot give up a claim", slog.Any("err", rerr))
		}
		return false, err
	}
	rec, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if ok, err := w.Store.MarkDigestSent(rec, week, claim, w.now()); err != nil || !ok {
		w.log().Warn("weekly digest sent but not recorded", slog.Any("err", err), slog.Bool("claim_held", ok))
	}
	w.log().Info("weekly digest sent", slog.String("week", week))
	return true, nil
}

func (w *Weekly) now() time.Time {
	if w.Now != nil {
		return w.Now()
	}
	return time.Now()
}

func (w *Weekly) log() *slog.Logger {
	if w.Log != nil {
		return w.Log
	}
	return slog.New(slog.DiscardHandler)
}
