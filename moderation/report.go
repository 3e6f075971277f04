package moderation

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode"
)

// Day is one day's figures.
type Day struct {
	Day      time.Time `json:"day"`
	Asked    int       `json:"asked"`
	Answered int       `json:"answered"`
}

// Count is a number of questions under a name: a language, a platform or
// a topic.
type Count struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// TopicVotes are the votes on one topic's answers.
type TopicVotes struct {
	Topic string `json:"topic"`
	Yes   int    `json:"yes"`
	No    int    `json:"no"`
}

// Stats are the figures of a period, for /admin stats, the digest and
// the dashboard.
type Stats struct {
	Since    time.Time `json:"since"`
	Days     []Day     `json:"days"` // oldest first, only days with questions
	Asked    int       `json:"asked"`
	Answered int       `json:"answered"`
	// ByLang and ByPlatform count the questions, most first.
	ByLang     []Count `json:"by_lang"`
	ByPlatform []Count `json:"by_platform"`
	// Topics are the topics answered most, most first.
	Topics []Count `json:"topics"`
	// Unhelpful are the topics with the most "No" votes, most first.
	Unhelpful []TopicVotes `json:"unhelpful"`
}

// AnsweredShare is the share of questions answered, 0 to 1 (0 when none
// were asked).
func (s Stats) AnsweredShare() float64 {
	if s.Asked == 0 {
		return 0
	}
	return float64(s.Answered) / float64(s.Asked)
}

// Group is a set of gaps asked in much the same words.
type Group struct {
	Count int `json:"count"`
	// Examples are up to three of its phrasings, the latest first.
	Examples []string `json:"examples"`
	// Langs are the languages it was asked in, most first.
	Langs []string `json:"langs"`
	// Guess is the topic the search found closest most often, "" if none.
	Guess string `json:"guess,omitempty"`
}

// similar is how much two questions' words must overlap (Jaccard) to be
// one group.
const similar = 0.5

// Taught returns, by question, the topic a moderator last taught for
// each of the questions of gaps (examples come oldest first, as the
// stores give them): what "Should have answered" said of it.
func Taught(examples []Example, gaps []Gap) map[string]string {
	byQuestion := make(map[[2]string]string, len(examples))
	for _, e := range examples {
		byQuestion[[2]string{e.Lang, e.Question}] = e.Topic
	}
	out := map[string]string{}
	for _, g := range gaps {
		if topic, ok := byQuestion[[2]string{g.Lang, g.Question}]; ok {
			out[g.Question] = topic
		}
	}
	return out
}

// TaughtTopic is the topic taught (see Taught) for the first of the
// group's phrasings that has one, "" for none.
func (g Group) TaughtTopic(taught map[string]string) string {
	for _, ex := range g.Examples {
		if topic := taught[ex]; topic != "" {
			return topic
		}
	}
	return ""
}

// Groups puts gaps asked in much the same words together, biggest groups
// first (then the most recent). Two questions are alike when they share
// half of their words, short words and digits aside, or when neither
// has such a word and they are written the same.
func Groups(gaps []Gap) []Group {
	type group struct {
		words    map[string]bool
		gaps     []Gap
		latest   time.Time
		examples []string
	}
	var groups []*group
	// Latest first, so that each group's first phrasings are its latest.
	sorted := slices.Clone(gaps)
	slices.SortStableFunc(sorted, func(a, b Gap) int { return b.Created.Compare(a.Created) })
	for _, g := range sorted {
		ws := wordSet(g.Question)
		var best *group
		bestScore := 0.0
		for _, gr := range groups {
			if s := jaccard(ws, gr.words); s >= similar && s > bestScore {
				best, bestScore = gr, s
			}
		}
		if best == nil {
			best = &group{words: ws, latest: g.Created}
			groups = append(groups, best)
		}
		best.gaps = append(best.gaps, g)
		if len(best.examples) < 3 && !slices.Contains(best.examples, g.Question) {
			best.examples = append(best.examples, g.Question)
		}
	}
	out := make([]Group, 0, len(groups))
	slices.SortStableFunc(groups, func(a, b *group) int {
		return cmp.Or(cmp.Compare(len(b.gaps), len(a.gaps)), b.latest.Compare(a.latest))
	})
	for _, gr := range groups {
		langs := map[string]int{}
		guesses := map[string]int{}
		for _, g := range gr.gaps {
			langs[g.Lang]++
			if len(g.Guesses) > 0 {
				guesses[g.Guesses[0].Topic]++
			}
		}
		out = append(out, Group{Count: len(gr.gaps), Examples: gr.examples,
			Langs: mostFirst(langs), Guess: first(mostFirst(guesses))})
	}
	return out
}

// wordSet is the set of a question's lower-case words of three letters
// or more; the whole folded text when it has none.
func wordSet(q string) map[string]bool {
	ws := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if len([]rune(w)) >= 3 {
			ws[w] = true
		}
	}
	if len(ws) == 0 {
		ws[strings.ToLower(strings.TrimSpace(q))] = true
	}
	return ws
}

func jaccard(a, b map[string]bool) float64 {
	both := 0
	for w := range a {
		if b[w] {
			both++
		}
	}
	all := len(a) + len(b) - both
	if all == 0 {
		return 0
	}
	return float64(both) / float64(all)
}

// mostFirst lists the keys of counts, the most counted first, then by
// name.
func mostFirst(counts map[string]int) []string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b)) })
	return keys
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// Falling is a topic whose answers were found less helpful this week
// than the week before.
type Falling struct {
	Topic string `json:"topic"`
	// Before and Now are the shares of "Yes" votes, 0 to 1.
	Before float64 `json:"before"`
	Now    float64 `json:"now"`
}

// Digest is the weekly digest: the week's figures, its biggest gaps, the
// handoffs still open, and the topics whose feedback is falling.
type Digest struct {
	Week    string    `json:"week"` // ISO week, "2026-W49"
	Stats   Stats     `json:"stats"`
	Gaps    []Group   `json:"gaps"` // at most five
	Open    []Handoff `json:"open"`
	Falling []Falling `json:"falling"`
}

// Week names the ISO week t falls in, "2026-W49".
func Week(t time.Time) string {
	y, w := t.UTC().ISOWeek()
	return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006") + "-W" + twoDigits(w)
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + string(rune('0'+n))
	}
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}

// WeekStart is the Monday 00:00 UTC that starts t's ISO week.
func WeekStart(t time.Time) time.Time {
	t = t.UTC()
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	offset := (int(day.Weekday()) + 6) % 7 // Monday 0 … Sunday 6
	return day.AddDate(0, 0, -offset)
}

// Tally builds a period's Stats from the stored counts of questions, one
// row at a time in day order, the same way for every storage engine.
type Tally struct {
	s                        Stats
	langs, platforms, topics map[string]int
}

// NewTally starts the figures of the period from since.
func NewTally(since time.Time) *Tally {
	return &Tally{s: Stats{Since: since.UTC()}, langs: map[string]int{}, platforms: map[string]int{}, topics: map[string]int{}}
}

// Add counts n questions asked on day (rows come oldest day first) on
// platform in lang, answered with topic when answered.
func (t *Tally) Add(day time.Time, platform, lang, topic string, answered bool, n int) {
	s := &t.s
	if len(s.Days) == 0 || !s.Days[len(s.Days)-1].Day.Equal(day) {
		s.Days = append(s.Days, Day{Day: day})
	}
	d := &s.Days[len(s.Days)-1]
	d.Asked += n
	s.Asked += n
	if answered {
		d.Answered += n
		s.Answered += n
		t.topics[topic] += n
	}
	t.langs[lang] += n
	t.platforms[platform] += n
}

// Stats returns the figures counted, with votes, the votes by topic of
// the period: the topics with "No" votes among them, most first.
func (t *Tally) Stats(votes []TopicVotes) Stats {
	s := t.s
	s.ByLang, s.ByPlatform, s.Topics = counts(t.langs), counts(t.platforms), counts(t.topics)
	s.Unhelpful = slices.DeleteFunc(slices.Clone(votes), func(v TopicVotes) bool { return v.No == 0 })
	slices.SortStableFunc(s.Unhelpful, func(a, b TopicVotes) int {
		return cmp.Or(cmp.Compare(b.No, a.No), cmp.Compare(a.Topic, b.Topic))
	})
	return s
}

func counts(m map[string]int) []Count {
	out := make([]Count, 0, len(m))
	for k, n := range m {
		out = append(out, Count{Name: k, Count: n})
	}
	slices.SortFunc(out, func(a, b Count) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name))
	})
	return out
}

// minFallingVotes is how many votes a topic needs in both weeks for its
// feedback to count as falling.
const minFallingVotes = 3

// FallingFrom returns the topics whose share of "Yes" votes in now (a
// week's votes by topic) is lower than in before (the week before), the
// steepest fall first.
func FallingFrom(before, now []TopicVotes) []Falling {
	share := func(v TopicVotes) float64 { return float64(v.Yes) / float64(v.Yes+v.No) }
	prev := map[string]TopicVotes{}
	for _, v := range before {
		prev[v.Topic] = v
	}
	var out []Falling
	for _, v := range now {
		p, ok := prev[v.Topic]
		if !ok || p.Yes+p.No < minFallingVotes || v.Yes+v.No < minFallingVotes || share(v) >= share(p) {
			continue
		}
		out = append(out, Falling{Topic: v.Topic, Before: share(p), Now: share(v)})
	}
	slices.SortStableFunc(out, func(a, b Falling) int {
		return cmp.Compare(a.Now-a.Before, b.Now-b.Before)
	})
	return out
}
