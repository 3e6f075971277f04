package kb

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"
)

// The fresh sets, testdata/fresh-lang.tsv and testdata/fresh-messy.tsv,
// the second pair written later, fresh2-lang.tsv and fresh2-messy.tsv,
// the third, fresh3-lang.tsv and fresh3-messy.tsv, the fourth,
// fresh4-lang.tsv and fresh4-messy.tsv, the fifth, fresh5-lang.tsv
// and fresh5-messy.tsv, fresh6-messy.tsv to fresh12-messy.tsv, each kept sealed until the
// changes they judge were made, were written apart from the content: from the topic
// titles only, in the words authors use in forums and chats, never
// translated from a topic, and labelled before the search was ever run on
// them. They are a measurement, never a tuning target. Do not change the
// search, the examples or the lexicons to fit a miss seen here, and do
// not change a question or a label after seeing a result; once anyone
// tunes on them they measure nothing and a new set has to be written.
//
// The floors below are generous sanity floors, ten points under the
// figures first measured (rounded down), so that only a break fails the
// test; the figures themselves are in the log. Raising them is not a
// goal, and a floor is never raised to fit these sets.
var (
	freshLangSets = []freshSet{
		{"testdata/fresh-lang.tsv", map[string]float64{
			"topic en": 85, "topic fr": 88, "topic de": 81, "topic es": 83, "topic it": 85, "topic pt": 83, "topic nl": 83,
			"asked": 88, "declines": 87,
		}},
		// First measured: en 98.1, fr 92.3, de 86.5, es 94.2, it 94.2,
		// nl 98.1, pt 96.2; asked 99.2; declines 97.6.
		{"testdata/fresh2-lang.tsv", map[string]float64{
			"topic en": 88, "topic fr": 82, "topic de": 76, "topic es": 84, "topic it": 84, "topic pt": 86, "topic nl": 88,
			"asked": 89, "declines": 87,
		}},
		// Kept sealed while the search changed, and first measured on
		// the state it was written against: en 95.6, fr 97.8, de 95.6,
		// es 88.9, it 93.3, nl 97.8, pt 95.6; asked 99.0; declines 94.3.
		{"testdata/fresh3-lang.tsv", map[string]float64{
			"topic en": 85, "topic fr": 87, "topic de": 85, "topic es": 78, "topic it": 83, "topic pt": 85, "topic nl": 87,
			"asked": 89, "declines": 84,
		}},
		// Written at the start of a round of changes and kept sealed
		// until its end; measured once before the changes (en 91.1, fr
		// 95.6, de 97.8, es 91.1, it 97.8, nl 95.6, pt 95.6; asked 100;
		// declines 100) and once after them: en 91.1, fr 95.6, de 97.8,
		// es 93.3, it 97.8, nl 95.6, pt 95.6; asked 100; declines 97.1.
		{"testdata/fresh4-lang.tsv", map[string]float64{
			"topic en": 81, "topic fr": 85, "topic de": 87, "topic es": 81, "topic it": 87, "topic pt": 85, "topic nl": 85,
			"asked": 90, "declines": 90,
		}},
		// Sealed across two rounds of changes: measured at the start of
		// the first (en 93.3, fr 97.8, de 97.8, es 91.1, it 95.6, nl 95.6,
		// pt 95.6; asked 100; declines 97.1), at its end (the same) and
		// at the end of the second: en 95.6, fr 97.8, de 97.8, es 97.8,
		// it 97.8, nl 97.8, pt 100; asked 100; declines 100.
		{"testdata/fresh5-lang.tsv", map[string]float64{
			"topic en": 83, "topic fr": 87, "topic de": 87, "topic es": 81, "topic it": 85, "topic pt": 85, "topic nl": 85,
			"asked": 90, "declines": 87,
		}},
	}
	freshMessySets = []freshSet{
		{"testdata/fresh-messy.tsv", map[string]float64{
			"all": 71, "group computed": 55, "group informal": 71, "group long": 81,
			"group multi": 58, "group near": 78, "group offtopic": 82,
			"asked": 90, "declines": 79,
		}},
		// First measured: all 81.7, computed 78.6, informal 82.1, long
		// 82.9, multi 68.6, near 85.7, off-topic 100; asked 100;
		// declines 91.8.
		{"testdata/fresh2-messy.tsv", map[string]float64{
			"all": 71, "group computed": 68, "group informal": 72, "group long": 72,
			"group multi": 58, "group near": 75, "group offtopic": 90,
			"asked": 90, "declines": 81,
		}},
		// Kept sealed the same way. First measured: all 80.7, computed
		// 78.6, informal 85.7, long 82.9, multi 65.7, near 95.2,
		// off-topic 85.7; asked 99.4; declines 91.4.
		{"testdata/fresh3-messy.tsv", map[string]float64{
			"all": 70, "group computed": 68, "group informal": 75, "group long": 72,
			"group multi": 55, "group near": 85, "group offtopic": 75,
			"asked": 89, "declines": 81,
		}},
		// Sealed the same way. Before the changes: all 82.0, computed
		// 78.6, informal 92.9, long 74.3, multi 85.7, near 76.2,
		// off-topic 85.7; asked 100; declines 80.0. After them: all 82.0, computed
		// 78.6, informal 96.4, long 71.4, multi 85.7, near 76.2,
		// off-topic 85.7; asked 100; declines 80.0.
		{"testdata/fresh4-messy.tsv", map[string]float64{
			"all": 72, "group computed": 68, "group informal": 82, "group long": 64,
			"group multi": 75, "group near": 66, "group offtopic": 75,
			"asked": 90, "declines": 70,
		}},
		// Sealed the same way as fresh5-lang. At the start of the first
		// round: all 80.7, computed 71.4, informal 96.4, long 80.0, multi
		// 62.9, near 90.5, off-topic 100; asked 100; declines 94.3. At its
		// end: all 82.0, computed 78.6, the rest the same. At the end of
		// the second: all 89.4, computed 89.3, informal 96.4, long 91.4,
		// multi 77.1, near 90.5, off-topic 100; asked 100; declines 94.3.
		{"testdata/fresh5-messy.tsv", map[string]float64{
			"all": 70, "group computed": 61, "group informal": 86, "group long": 70,
			"group multi": 52, "group near": 80, "group offtopic": 90,
			"asked": 90, "declines": 84,
		}},
		// 140 messages sealed across two rounds of changes, measured at
		// the start of the first (all 81.4, computed 85.7, informal 85.7,
		// long 85.7, multi 74.3, near 100; asked 100; declines 100), at its
		// end (87.9) and at the end of the second (85.7: multi 75.7, long
		// 92.9, computed 100, informal 85.7, near 100), with 14 written
		// then (7 multi-part, 7 long) and run once: 13 of 14. The floors
		// are ten points under the 140's first figures.
		{"testdata/fresh6-messy.tsv", map[string]float64{
			"all": 71, "group computed": 75, "group informal": 75, "group long": 75,
			"group multi": 64, "group near": 90,
			"asked": 90, "declines": 90,
		}},
		// 140 messages sealed across two rounds of changes, measured at
		// the start of the first (all 90.7, multi 82.9) and at its end
		// (91.4), then 14 more written (7 multi-part, 7 near-domain) and
		// the 154 measured at the start of the second (all 91.6, computed
		// 100, informal 100, long 96.4, multi 84.4, near 100; asked 100;
		// declines 100) and at its end (92.2: multi 85.7). The floors are
		// ten points under the 154's first figures.
		{"testdata/fresh7-messy.tsv", map[string]float64{
			"all": 81, "group computed": 90, "group informal": 90, "group long": 86,
			"group multi": 74, "group near": 90,
			"asked": 90, "declines": 90,
		}},
		// 154 messages (22 per language: 11 multi-part, 5 long, 3
		// computed, 2 near-domain, 1 informal) sealed across two rounds
		// of changes, measured at the start of the first (all 87.0,
		// computed 95.2, informal 85.7, long 88.6, multi 81.8, near 100;
		// asked 100; declines 100), at its end (90.3) and at the end of
		// the second (90.9). The floors are ten points under the first
		// figures.
		{"testdata/fresh8-messy.tsv", map[string]float64{
			"all": 77, "group computed": 85, "group informal": 75, "group long": 78,
			"group multi": 71, "group near": 90,
			"asked": 90, "declines": 90,
		}},
		// 154 messages (22 per language: 9 multi-part, 4 long, 2
		// informal, 2 computed, 3 near-domain and 2 off-topic phrased in
		// the topics' words) sealed across one round of changes,
		// measured at its start (all 83.1, computed 100, informal 92.9,
		// long 89.3, multi 88.9, near 61.9, off-topic 50.0; asked 100;
		// declines 57.1), in its middle (87.0) and at its end (87.7: near
		// 66.7, off-topic 78.6, multi 90.5, long 92.9; declines 71.4). The
		// floors are ten points under the first figures.
		{"testdata/fresh9-messy.tsv", map[string]float64{
			"all": 73, "group computed": 90, "group informal": 82, "group long": 79,
			"group multi": 78, "group near": 51, "group offtopic": 40,
			"asked": 90, "declines": 47,
		}},
		// 154 more in the same shape, with near-domain subjects spread
		// wider, written at the end of that round and run once on its
		// end state (all 89.6, computed 100, informal 92.9, long 96.4,
		// multi 87.3, near 85.7, off-topic 78.6; asked 100; declines
		// 82.9) and once on its start, for comparison only (all 81.8,
		// multi 85.7, near 61.9, off-topic 35.7; declines 51.4). The
		// floors are ten points under the end-state figures.
		{"testdata/fresh10-messy.tsv", map[string]float64{
			"all": 79, "group computed": 90, "group informal": 82, "group long": 86,
			"group multi": 77, "group near": 75, "group offtopic": 68,
			"asked": 90, "declines": 72,
		}},
		// 154 more in the same shape, written before a round and kept
		// sealed through it: measured once at its start (all 85.7,
		// computed 92.9, informal 92.9, long 89.3, multi 82.5, near 90.5,
		// off-topic 71.4; asked 100; declines 82.9) and once at its end
		// (all 87.7, computed 92.9, informal 92.9, long 92.9, multi 82.5,
		// near 95.2, off-topic 78.6; asked 100; declines 88.6). The floors
		// are ten points under the start.
		{"testdata/fresh11-messy.tsv", map[string]float64{
			"all": 75, "group computed": 82, "group informal": 82, "group long": 79,
			"group multi": 72, "group near": 80, "group offtopic": 61,
			"asked": 90, "declines": 72,
		}},
		// 154 more in the same shape, written before a round and kept
		// sealed through it: measured once at its start (all 90.3,
		// computed 100, informal 85.7, long 96.4, multi 92.1, near 81.0,
		// off-topic 78.6; asked 100; declines 80.0) and once at its end
		// (all 90.9, multi 93.7, the rest the same). The floors are ten
		// points under the start.
		{"testdata/fresh12-messy.tsv", map[string]float64{
			"all": 80, "group computed": 90, "group informal": 75, "group long": 86,
			"group multi": 82, "group near": 71, "group offtopic": 68,
			"asked": 90, "declines": 70,
		}},
	}
)

// freshSet is a fresh set's file and the sanity floors of its figures.
type freshSet struct {
	name  string
	floor map[string]float64
}

// freshScore is the figures of one group of a fresh set: the topic right
// (the expected topics answered, or a decline where one is expected), the
// answer in the language asked, and, of the questions to decline as a
// whole, those declined.
type freshScore struct {
	topic, asked, declines groupScore
}

func (s *freshScore) String() string {
	return fmt.Sprintf("topic %3d/%-3d %5.1f%%  in asked language %3d/%-3d %5.1f%%  declines right %2d/%-2d %5.1f%%",
		s.topic.right, s.topic.total, s.topic.percent(),
		s.asked.right, s.asked.total, s.asked.percent(),
		s.declines.right, s.declines.total, s.declines.percent())
}

// add counts one question in s: whether its topics were right, whether
// it was answered in the language asked, and, when it is one to decline
// as a whole, whether it was declined.
func (s *freshScore) add(topicRight, askedRight, wholeDecline bool, miss string) {
	count(&s.topic, topicRight, miss)
	count(&s.asked, askedRight, miss)
	if wholeDecline {
		count(&s.declines, topicRight, miss)
	}
}

func count(g *groupScore, right bool, miss string) {
	g.total++
	if right {
		g.right++
	} else {
		g.misses = append(g.misses, miss)
	}
}

// freshRow is one row of a fresh set.
type freshRow struct {
	line                    int
	group, lang, want, text string
}

// readFresh reads a tab-separated fresh set whose columns are those named
// in header, the first row of the file; a group column is optional.
func readFresh(t *testing.T, name string, header []string) []freshRow {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []freshRow
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != len(header) {
			t.Fatalf("%s:%d: %d columns, want %d (%s)", name, n, len(cols), len(header), strings.Join(header, ", "))
		}
		if slices.Equal(cols, header) {
			continue
		}
		r := freshRow{line: n}
		if len(header) == 4 {
			r.group, cols = cols[0], cols[1:]
		}
		r.lang, r.want, r.text = cols[0], cols[1], cols[2]
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// freshWant parses the expected column: topic ids joined by "+", "-"
// alone for a message to decline as a whole, and "-" among topics for a
// part that must be declined. It returns the sorted topics and whether a
// part must be declined.
func freshWant(col string) (topics []string, declinePart bool) {
	parts := strings.Split(col, "+")
	for _, p := range parts {
		switch p = strings.TrimSpace(p); p {
		case "-", "":
			declinePart = len(parts) > 1
		default:
			topics = append(topics, p)
		}
	}
	sort.Strings(topics)
	return topics, declinePart
}

// checkFreshRows fails the test for rows whose language or topic does not
// exist, so that a slip in a set is not counted as a miss of the search.
func checkFreshRows(t *testing.T, k *KB, name string, rows []freshRow) {
	t.Helper()
	for _, r := range rows {
		if Lang(r.lang) != r.lang {
			t.Errorf("%s:%d: unknown lang %q", name, r.line, r.lang)
		}
		topics, _ := freshWant(r.want)
		for _, id := range topics {
			if _, ok := k.Entry(id, "en"); !ok {
				t.Errorf("%s:%d: unknown topic %q", name, r.line, id)
			}
		}
	}
}

// reportFresh logs every group's figures, in order, and the misses only
// when AUTHORBOT_SHOW_MISSES is set: whoever reads them while changing
// the search is tuning on the set.
func reportFresh(t *testing.T, scores map[string]*freshScore) {
	t.Helper()
	names := make([]string, 0, len(scores))
	for name := range scores {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		t.Logf("%-15s %s", name, scores[name])
	}
	if !showMisses() {
		return
	}
	for _, name := range names {
		if !strings.HasPrefix(name, "lang ") {
			continue // every miss is in exactly one language
		}
		s := scores[name]
		for _, m := range s.topic.misses {
			t.Logf("    miss: %s", m)
		}
		for _, m := range s.asked.misses {
			t.Logf("    asked language: %s", m)
		}
	}
}

// checkFreshFloor fails when the figure of a group is under its sanity
// floor.
func checkFreshFloor(t *testing.T, what string, g *groupScore, floor float64) {
	t.Helper()
	if g.total > 0 && g.percent() < floor {
		t.Errorf("%s: %.1f%% (%d/%d), under the sanity floor of %.0f%%", what, g.percent(), g.right, g.total, floor)
	}
}

// TestAccuracyFreshLang measures Search on each fresh-lang set (lang,
// expected, question), short questions in each of the seven languages,
// scored as TestAccuracyHeldOutLanguages scores the held-out sets: each
// searched with no locale, right when the expected topic is answered
// confidently or, for "-", when the search declines; and whether the
// answer is in the language asked.
func TestAccuracyFreshLang(t *testing.T) {
	k := mustLoad(t)
	for _, set := range freshLangSets {
		t.Run(strings.TrimPrefix(set.name, "testdata/"), func(t *testing.T) {
			measureFreshLang(t, k, set)
		})
	}
}

func measureFreshLang(t *testing.T, k *KB, set freshSet) {
	rows := readFresh(t, set.name, []string{"lang", "expected", "question"})
	checkFreshRows(t, k, set.name, rows)
	scores := make(map[string]*freshScore)
	for _, r := range rows {
		q := question{lang: r.lang, topic: strings.TrimPrefix(r.want, "-"), text: r.text, line: r.line}
		res := k.Search(r.text, "")
		topicRight := isRight(q, res)
		miss := fmt.Sprintf("line %d %s %q: want %s, got %s (score %.2f, confident %v) in %s",
			r.line, r.lang, r.text, r.want, bestID(res), res.Score, res.Confident, res.Lang)
		for _, key := range []string{"lang " + r.lang, "all"} {
			if scores[key] == nil {
				scores[key] = &freshScore{}
			}
			scores[key].add(topicRight, res.Lang == r.lang, q.topic == "", miss)
		}
	}
	reportFresh(t, scores)
	for _, lang := range languages() {
		s := scores["lang "+lang]
		if s == nil {
			t.Errorf("%s: no questions", lang)
			continue
		}
		if s.topic.total < minHeldOut {
			t.Errorf("%s: %d questions, want at least %d", lang, s.topic.total, minHeldOut)
		}
		checkFreshFloor(t, lang+" topic", &s.topic, set.floor["topic "+lang])
		checkFreshFloor(t, lang+" in asked language", &s.asked, set.floor["asked"])
	}
	checkFreshFloor(t, "declines", &scores["all"].declines, set.floor["declines"])
}

// TestAccuracyFreshMessy measures Answer on each fresh-messy set (group,
// lang, expected, question): long, multi-part, informal, near-domain,
// off-topic and computed messages, scored as TestAccuracyMessy scores
// messy.tsv: right when Answer answers exactly the expected topics and
// declines a part where one must be; a message to decline as a whole is
// right when no topic is answered.
func TestAccuracyFreshMessy(t *testing.T) {
	k := mustLoad(t)
	for _, set := range freshMessySets {
		t.Run(strings.TrimPrefix(set.name, "testdata/"), func(t *testing.T) {
			measureFreshMessy(t, k, set)
		})
	}
}

func measureFreshMessy(t *testing.T, k *KB, set freshSet) {
	rows := readFresh(t, set.name, []string{"group", "lang", "expected", "question"})
	checkFreshRows(t, k, set.name, rows)
	scores := make(map[string]*freshScore)
	for _, r := range rows {
		want, declinePart := freshWant(r.want)
		a := k.Answer(r.text, "")
		ids, declined := partIDs(a)
		sort.Strings(ids)
		topicRight := slices.Equal(ids, want) && (!declinePart || declined)
		miss := fmt.Sprintf("line %d %s/%s %q: want %s, got %s in %s",
			r.line, r.group, r.lang, r.text, r.want, strings.Join(ids, "+"), a.Lang)
		for _, key := range []string{"group " + r.group, "lang " + r.lang, "all"} {
			if scores[key] == nil {
				scores[key] = &freshScore{}
			}
			scores[key].add(topicRight, a.Lang == r.lang, len(want) == 0 && !declinePart, miss)
		}
	}
	reportFresh(t, scores)
	if n := scores["all"].topic.total; n < 150 {
		t.Errorf("%s: %d messages, want at least 150", set.name, n)
	}
	for key, floor := range set.floor {
		switch key {
		case "asked":
			checkFreshFloor(t, "in asked language", &scores["all"].asked, floor)
		case "declines":
			checkFreshFloor(t, "declines", &scores["all"].declines, floor)
		default:
			if s := scores[key]; s == nil {
				t.Errorf("%s: no messages", key)
			} else {
				checkFreshFloor(t, key+" topic", &s.topic, floor)
			}
		}
	}
}

// TestFreshWant checks the parsing of the expected column of the fresh
// sets.
func TestFreshWant(t *testing.T) {
	for _, tt := range []struct {
		col         string
		want        []string
		declinePart bool
	}{
		{"-", nil, false},
		{"cart-empty", []string{"cart-empty"}, false},
		{"track-order+cancel-order", []string{"cancel-order", "track-order"}, false},
		{"max-quantity+-", []string{"max-quantity"}, true},
	} {
		got, dp := freshWant(tt.col)
		if !slices.Equal(got, tt.want) || dp != tt.declinePart {
			t.Errorf("freshWant(%q) = %v, %v; want %v, %v", tt.col, got, dp, tt.want, tt.declinePart)
		}
	}
}
