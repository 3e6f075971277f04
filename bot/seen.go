package bot

import (
	"context"
	"time"
)

// Seen remembers the platform requests accepted lately (a Slack request
// body's hash, a Socket Mode envelope, a Discord interaction id), so that
// an adapter refuses a retry or a replay of one it has already run. An
// adapter given none keeps its own in memory, which is all a single
// process needs; replicas behind one load balancer share one in their
// database (store/postgres), so that a retry reaching another replica
// than the original is refused too.
type Seen interface {
	// FirstSeen records key as seen for ttl and reports whether it was
	// new: of concurrent calls with the same key, one alone is told so.
	// An error means it could not be told; the request should be refused
	// for now, so that the platform tries again.
	FirstSeen(ctx context.Context, key string, ttl time.Duration) (bool, error)
}
