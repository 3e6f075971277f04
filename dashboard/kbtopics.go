package dashboard

import (
	"context"
	"time"

	"github.com/authorbot/authorbot/kb"
)

// StaleAge is how long a topic may go unchecked against its sources
// before the dashboard lists it as stale: 12 months.
const StaleAge = 365 * 24 * time.Hour

// KBTopics is the TopicSource of a knowledge base: its topics, with
// their freshness by kb.KB.Stale.
type KBTopics struct {
	// KB returns the knowledge base the bot answers from now; it is a
	// function because moderators' changes replace it.
	KB func() *kb.KB
	// Now is the clock the freshness is told by; time.Now when nil.
	Now func() time.Time
	// Overridden tells whether a moderator changed the topic id in lang
	// from the embedded content; nil when nothing can override it.
	Overridden func(id, lang string) bool
	// Drifted tells whether a new release changed topic id under a
	// moderator's version; nil when nothing can override it.
	Drifted func(id string) bool
}

// Topics returns every topic of lang, sorted by theme then id.
func (t KBTopics) Topics(ctx context.Context, lang string) ([]Topic, error) {
	k := t.KB()
	now := time.Now
	if t.Now != nil {
		now = t.Now
	}
	stale := map[string]bool{}
	for _, e := range k.Stale(now(), StaleAge) {
		stale[e.ID] = true
	}
	var out []Topic
	for _, e := range k.Entries(lang) {
		out = append(out, Topic{ID: e.ID, Lang: e.Lang, Title: e.Title, Theme: e.Theme, Verified: e.Verified,
			Stale: stale[e.ID], Overridden: t.Overridden != nil && t.Overridden(e.ID, e.Lang),
			Drifted: t.Drifted != nil && t.Drifted(e.ID)})
	}
	return out, nil
}

// Topic returns the editable fields of topic id in lang; ok is false
// when k has no such topic in that language.
func (t KBTopics) Topic(ctx context.Context, id, lang string) (TopicFields, bool, error) {
	e, ok := t.KB().Entry(id, lang)
	if !ok || e.Lang != lang {
		return TopicFields{}, false, nil
	}
	return FieldsOf(e), true, nil
}

// FieldsOf returns the editable fields of a knowledge-base entry.
func FieldsOf(e *kb.Entry) TopicFields {
	return TopicFields{ID: e.ID, Lang: e.Lang, Title: e.Title, Body: e.Body,
		Aliases: append([]string(nil), e.Aliases...), Caveat: e.Caveat,
		Sources: append([]string(nil), e.Sources...), Verified: e.Verified}
}
