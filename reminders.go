package main

import (
	"context"
	"log/slog"
	// The runtime image has no zoneinfo; /preorder and /remind need the
	// authors' time zones wherever the binary runs.
	_ "time/tzdata"

	"golang.org/x/sync/errgroup"

	"github.com/authorbot/authorbot/remind"
)

// withReminders runs a console session with the reminder scheduler beside
// it. Reminders that fell due while the console was closed are delivered
// before the first line is read, later ones as they fall due; the
// scheduler stops when the session ends.
func withReminders(ctx context.Context, session func(context.Context) error, s *remind.Scheduler, log *slog.Logger) error {
	if _, err := s.Tick(ctx); err != nil {
		log.Warn("reminders: cannot deliver the ones due", slog.Any("err", err))
	}
	ctx, stop := context.WithCancel(ctx)
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		defer stop()
		return session(ctx)
	})
	g.Go(func() error { return s.Poll(ctx) })
	return g.Wait()
}
