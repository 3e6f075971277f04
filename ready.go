package main

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/authorbot/authorbot/bot"
)

// Timing of /readyz's database check.
const (
	// readyCacheFor is how long a database check answers for. Probes
	// come from every load balancer and orchestrator in front of the
	// server, and a write check takes the database's write lock: checked
	// once a second at most, a probe storm costs one small write a second.
	readyCacheFor = time.Second
	// readyTimeout bounds one database check.
	readyTimeout = 2 * time.Second
)

// readiness answers GET /readyz: 200 while the database can be written
// and every platform connection serve started is up, else 503 with the
// reasons, in a few fixed words that never carry a secret.
type readiness struct {
	db        func(context.Context) error
	platforms []platform // those with a health check
	channels  []*channelCheck
	log       *slog.Logger

	mu       sync.Mutex
	checked  time.Time // when db was last called; zero before the first
	dbErr    error
	reported string // the reasons last logged, so that each change is logged once
}

func newReadiness(db func(context.Context) error, platforms []platform, log *slog.Logger, channels ...*channelCheck) *readiness {
	r := &readiness{db: db, log: log, channels: channels}
	for _, p := range platforms {
		if p.health != nil {
			r.platforms = append(r.platforms, p)
		}
	}
	return r
}

func (rd *readiness) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	reasons := rd.check(r.Context())
	if len(reasons) > 0 {
		http.Error(w, "not ready: "+strings.Join(reasons, ", "), http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ready\n"))
}

// check returns why the server is not ready, or nothing when it is.
func (rd *readiness) check(ctx context.Context) []string {
	rd.mu.Lock()
	defer rd.mu.Unlock()
	// Probes that arrive during a check wait for it and share its answer.
	if rd.checked.IsZero() || time.Since(rd.checked) >= readyCacheFor {
		// A probe that gives up must not leave its cancellation cached
		// as the database's answer.
		dbCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), readyTimeout)
		rd.dbErr = rd.db(dbCtx)
		cancel()
		rd.checked = time.Now()
	}
	var reasons []string
	attrs := []any{}
	if rd.dbErr != nil {
		reasons = append(reasons, "database cannot be written")
		attrs = append(attrs, slog.Any("database", rd.dbErr))
	}
	for _, p := range rd.platforms {
		if err := p.health.Healthy(); err != nil {
			reasons = append(reasons, string(p.name)+" connection down")
			attrs = append(attrs, slog.Any(string(p.name), err))
		}
	}
	for _, c := range rd.channels {
		if err := c.Healthy(); err != nil {
			reasons = append(reasons, string(c.name)+" moderators' channel unavailable")
			attrs = append(attrs, slog.Any(string(c.name)+"_moderators", err))
		}
	}
	rd.report(reasons, attrs)
	return reasons
}

// report logs a change of readiness: becoming not ready or ready again.
func (rd *readiness) report(reasons []string, attrs []any) {
	now := strings.Join(reasons, ", ")
	if now == rd.reported {
		return
	}
	if now == "" {
		rd.log.Info("ready again")
	} else {
		rd.log.Warn("not ready: "+now, attrs...)
	}
	rd.reported = now
}

// health is the platform connection check an adapter offers, if any.
func health(adapter any) bot.Health {
	h, _ := adapter.(bot.Health)
	return h
}
