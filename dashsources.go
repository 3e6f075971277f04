package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/dashboard"
	"github.com/authorbot/authorbot/kb"
	"github.com/authorbot/authorbot/kbedit"
	"github.com/authorbot/authorbot/moderation"
)

// The dashboard reads plain types through its own interfaces
// (dashboard.StatsSource and the others); the adapters here give it the
// moderation store, the knowledge base in effect and its editor, and the
// router's rendering of answers.

// modData is what the dashboard reads of the moderation store;
// *store.DB is one.
type modData interface {
	Stats(ctx context.Context, since time.Time) (moderation.Stats, error)
	Gaps(ctx context.Context, since time.Time) ([]moderation.Gap, error)
	Gap(ctx context.Context, id int64) (moderation.Gap, error)
	OpenHandoffs(ctx context.Context) ([]moderation.Handoff, error)
	Learn(ctx context.Context, e moderation.Example) (moderation.Example, error)
	Examples(ctx context.Context) (int64, []moderation.Example, error)
}

// answerer is what the dashboard needs of the router: the questions
// counted and not yet written, and answers as authors read them;
// *handlers.Router is one.
type answerer interface {
	FlushCounts(ctx context.Context)
	PreviewAnswer(k *kb.KB, id, lang string) (*bot.Reply, bool)
}

// dashSources gives the dashboard its data: figures, gaps and handoffs
// from db, topics, the editor and the history from ed, previews from r.
type dashSources struct {
	db  modData
	ed  *kbedit.Editor
	r   answerer
	now func() time.Time
}

// since is the first day of a period of days ending today.
func (s dashSources) since(days int) time.Time {
	t := s.now().UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, 1-max(days, 1))
}

// Stats returns the figures of the last days days, one entry a day,
// days without questions included.
func (s dashSources) Stats(ctx context.Context, days int) (dashboard.Stats, error) {
	s.r.FlushCounts(ctx)
	since := s.since(days)
	st, err := s.db.Stats(ctx, since)
	if err != nil {
		return dashboard.Stats{}, fmt.Errorf("dashboard stats: %w", err)
	}
	byDay := map[time.Time]moderation.Day{}
	for _, d := range st.Days {
		byDay[d.Day.UTC()] = d
	}
	var out dashboard.Stats
	for day := since; len(out.Days) < days; day = day.AddDate(0, 0, 1) {
		d := byDay[day]
		out.Days = append(out.Days, dashboard.DayCount{Day: day, Answered: d.Answered, Declined: d.Asked - d.Answered})
	}
	for _, v := range st.Unhelpful {
		out.Feedback = append(out.Feedback, dashboard.TopicFeedback{Topic: v.Topic, Yes: v.Yes, No: v.No})
	}
	for _, c := range st.ByLang {
		out.Languages = append(out.Languages, dashboard.Count{Name: c.Name, N: c.Count})
	}
	for _, c := range st.ByPlatform {
		out.Platforms = append(out.Platforms, dashboard.Count{Name: c.Name, N: c.Count})
	}
	return out, nil
}

// Gaps returns the missed questions of the last days days, grouped as
// /admin gaps groups them. A group's id names the gaps of its example
// phrasings, which an assignment teaches the search.
func (s dashSources) Gaps(ctx context.Context, days int) ([]dashboard.Gap, error) {
	gaps, err := s.db.Gaps(ctx, s.since(days))
	if err != nil {
		return nil, fmt.Errorf("dashboard gaps: %w", err)
	}
	ids := map[string]int64{} // a phrasing's latest gap
	for _, g := range gaps {
		if old, ok := ids[g.Question]; !ok || g.ID > old {
			ids[g.Question] = g.ID
		}
	}
	_, learned, err := s.db.Examples(ctx)
	if err != nil {
		return nil, fmt.Errorf("dashboard gaps: %w", err)
	}
	taught := moderation.Taught(learned, gaps)
	var out []dashboard.Gap
	for _, g := range moderation.Groups(gaps) {
		var gapIDs []string
		for _, ex := range g.Examples {
			gapIDs = append(gapIDs, strconv.FormatInt(ids[ex], 10))
		}
		d := dashboard.Gap{ID: strings.Join(gapIDs, "."), Count: g.Count, Examples: g.Examples, Assigned: g.TaughtTopic(taught)}
		if len(g.Langs) > 0 {
			d.Lang = g.Langs[0]
		}
		if g.Guess != "" {
			d.Guesses = []string{g.Guess}
		}
		out = append(out, d)
	}
	return out, nil
}

// AssignTopic labels the group's questions with topic, as "Should have
// answered" does in chat: each becomes a learned example, kept in the
// database, which every running bot reads into its search.
func (s dashSources) AssignTopic(ctx context.Context, gap, topic string, by dashboard.Moderator) error {
	k := s.ed.Current()
	for id := range strings.SplitSeq(gap, ".") {
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil || n <= 0 {
			return fmt.Errorf("no such group of questions")
		}
		g, err := s.db.Gap(ctx, n)
		if errors.Is(err, moderation.ErrNotFound) {
			return fmt.Errorf("these questions are no longer kept")
		}
		if err != nil {
			return fmt.Errorf("dashboard assign: %w", err)
		}
		if _, ok := k.Entry(topic, g.Lang); !ok {
			return fmt.Errorf("no topic %q", topic)
		}
		if _, err := s.db.Learn(ctx, moderation.Example{User: g.User, Question: g.Question, Lang: g.Lang,
			Topic: topic, AddedBy: by.Key, Created: s.now()}); err != nil {
			return fmt.Errorf("dashboard assign: %w", err)
		}
	}
	return nil
}

// Handoffs returns the open handoffs, oldest first.
func (s dashSources) Handoffs(ctx context.Context) ([]dashboard.Handoff, error) {
	open, err := s.db.OpenHandoffs(ctx)
	if err != nil {
		return nil, fmt.Errorf("dashboard handoffs: %w", err)
	}
	out := make([]dashboard.Handoff, len(open))
	for i, h := range open {
		out[i] = dashboard.Handoff{ID: strconv.FormatInt(h.ID, 10), Asked: h.Created, Question: h.Question,
			Lang: h.Lang, Platform: h.Platform, Author: h.UserID}
	}
	return out, nil
}

// topics is the topics page's source: the knowledge base in effect, with
// the moderators' versions and the topics an upgrade changed under them
// marked.
func (s dashSources) topics() dashboard.KBTopics {
	return dashboard.KBTopics{KB: s.ed.Current, Now: s.now,
		Overridden: func(id, lang string) bool {
			_, info, err := s.ed.Topic(id, lang)
			return err == nil && info.Version > 0
		},
		Drifted: func(id string) bool {
			_, info, err := s.ed.Topic(id, "en")
			return err == nil && info.Drifted
		},
	}
}

// fields are the editor's fields as kbedit names them.
func fields(f dashboard.TopicFields) map[string]string {
	m := map[string]string{"title": f.Title, "body": f.Body, "aliases": strings.Join(f.Aliases, "\n"),
		"caveat": f.Caveat, "sources": strings.Join(f.Sources, "\n")}
	if f.Verified != "" {
		m["verified"] = f.Verified
	}
	return m
}

// Preview renders the answer f would give, storing nothing.
func (s dashSources) Preview(ctx context.Context, f dashboard.TopicFields) (dashboard.Preview, error) {
	res, err := s.ed.EditFields(ctx, "", f.ID, f.Lang, fields(f), false)
	if problems, ok := editProblems(err); ok {
		return dashboard.Preview{Problems: problems}, nil
	}
	if err != nil {
		return dashboard.Preview{}, fmt.Errorf("dashboard preview: %w", err)
	}
	reply, ok := s.r.PreviewAnswer(res.KB, f.ID, f.Lang)
	if !ok {
		return dashboard.Preview{Problems: []string{"the topic is hidden"}}, nil
	}
	return dashboard.Preview{Text: bot.PlainText(reply)}, nil
}

// SaveTopic stores f as a new version by the moderator, or returns every
// problem that keeps it from being one.
func (s dashSources) SaveTopic(ctx context.Context, f dashboard.TopicFields, by dashboard.Moderator) ([]string, error) {
	_, err := s.ed.EditFields(ctx, by.Key, f.ID, f.Lang, fields(f), true)
	if problems, ok := editProblems(err); ok {
		return problems, nil
	}
	if err != nil {
		return nil, fmt.Errorf("dashboard save: %w", err)
	}
	return nil, nil
}

// editProblems are the problems of a refused change, as the editor
// shows them; ok is false for an error that is not one.
func editProblems(err error) (problems []string, ok bool) {
	var (
		inv kbedit.Invalid
		nf  kbedit.NotFound
		cf  kbedit.Conflict
	)
	switch {
	case errors.As(err, &inv):
		return inv.Problems, true
	case errors.As(err, &nf):
		return []string{nf.Error()}, true
	case errors.As(err, &cf):
		return []string{cf.Error()}, true
	}
	return nil, false
}

// History returns the latest changes of every topic, newest first.
func (s dashSources) History(ctx context.Context, limit int) ([]dashboard.Change, error) {
	topics, err := s.ed.ChangedTopics(ctx)
	if err != nil {
		return nil, fmt.Errorf("dashboard history: %w", err)
	}
	var all []kbedit.Change
	for _, t := range topics {
		hist, err := s.ed.History(ctx, t)
		if err != nil {
			return nil, fmt.Errorf("dashboard history: %w", err)
		}
		all = append(all, hist...)
	}
	slices.SortFunc(all, func(a, b kbedit.Change) int { return cmp.Compare(b.Version, a.Version) })
	out := make([]dashboard.Change, 0, min(limit, len(all)))
	for _, c := range all[:min(limit, len(all))] {
		what := string(c.Action)
		if c.Action == kbedit.Revert {
			what += " " + strconv.FormatInt(c.From, 10)
		}
		var lang string
		if len(c.Files) == 1 {
			for l := range c.Files {
				lang = l
			}
		}
		out = append(out, dashboard.Change{When: c.At, Who: c.By, Topic: c.Topic, Lang: lang, Version: int(c.Version), What: what})
	}
	return out, nil
}
