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

// seenKey is the key of a request in the adapter's own set of those
// seen: the first 16 bytes of its body's SHA-256 (digestKey), or
// envelopeKey's of a Socket Mode envelope. As arrays rather than strings,
// the set's 50,000 keys hold no pointers, and the collector has nothing
// in the set to scan. Half the digest is as good a key (two of 50,000
// requests share one with a chance under 2^-96) and makes the set's map
// and queue a third smaller: under scripts/bench-slack the set is full,
// and each request reads and writes it at random.
type seenKey = [16]byte

// envelopeKey is the seen set's key of the envelope id: digestKey of
// "env:" and the id (a request's is its body's).
func envelopeKey(id string) seenKey { return digestKey([]byte("env:" + id)) }

// firstEnvelope reports whether a Socket Mode envelope is delivered for
// the first time: Slack redelivers one it thinks was not acknowledged,
// possibly to another replica's connection.
func (a *Adapter) firstEnvelope(ctx context.Context, id string) (bool, error) {
	if a.cfg.Seen == nil {
		return a.seen.Add(envelopeKey(id), 0), nil
	}
	return a.cfg.Seen.FirstSeen(ctx, "slack:env:"+id, seenTTL)
}

// digestKey is the seen set's key of b: the first half of its SHA-256.
func digestKey(b []byte) seenKey {
	sum := sha256.Sum256(b)
	return seenKey(sum[:16])
}
