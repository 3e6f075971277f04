package discord

import (
	"context"
	"time"
)

// firstInteraction records an interaction id and reports whether it is
// its first delivery. With Config.Seen, the record is shared by every
// replica and the error says it could not be read; without, the
// adapter's own set decides (firstDelivery).
func (a *Adapter) firstInteraction(ctx context.Context, id string, stamp time.Time) (bool, error) {
	if a.shared == nil {
		return a.firstDelivery(id, stamp), nil
	}
	return a.shared.FirstSeen(ctx, "discord:"+id, seenTTL)
}
