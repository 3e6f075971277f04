package slack

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
)

// firstRequest records a verified request, signed at stamp (Unix
// seconds), and reports whether it is its first delivery (see replayed).
// With Config.Seen, the record is shared by every replica and the error
// says it could not be read; without, the adapter's own set decides.
func (a *Adapter) firstRequest(ctx context.Context, body []byte, stamp int64) (bool, error) {
	if a.cfg.Seen == nil {
		return !a.replayed(body, stamp), nil
	}
	sum := sha256.Sum256(body)
	return a.cfg.Seen.FirstSeen(ctx, "slack:"+hex.EncodeToString(sum[:]), seenTTL)
}

// firstEnvelope reports whether a Socket Mode envelope is delivered for
// the first time: Slack redelivers one it thinks was not acknowledged,
// possibly to another replica's connection.
func (a *Adapter) firstEnvelope(ctx context.Context, id string) (bool, error) {
	if a.cfg.Seen == nil {
		return a.seen.Add("env:"+id, 0), nil
	}
	return a.cfg.Seen.FirstSeen(ctx, "slack:env:"+id, seenTTL)
}
