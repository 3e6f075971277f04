package kb

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// question is one row of a question set: the group it is scored in, its
// language, the topic that answers it ("" when none should) and its text.
type question struct {
	group, lang, topic, text string
	line                     int
}

// readQuestions reads a tab-separated question set with the columns
// group, lang, topic, question; a topic "" or "-" marks a question the
// search must decline. A header row, blank lines and lines starting with
// # are skipped.
func readQuestions(t testing.TB, name string) []question {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatalf("open question set: %v", err)
	}
	defer f.Close()
	var qs []question
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 {
			t.Fatalf("%s:%d: %d columns, want 4 (group, lang, topic, question)", name, n, len(cols))
		}
		if cols[0] == "group" {
			continue
		}
		topic := cols[2]
		if topic == "-" {
			topic = "" // declined, written so that the column is not empty
		}
		qs = append(qs, question{group: cols[0], lang: cols[1], topic: topic, text: cols[3], line: n})
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return qs
}

// groupScore is the top-1 accuracy of one group of questions.
type groupScore struct {
	right, total int
	misses       []string
}

func (g *groupScore) percent() float64 {
	if g.total == 0 {
		return 0
	}
	return 100 * float64(g.right) / float64(g.total)
}

// evaluate runs every question through Search with the language left to
// detection, as on a platform that gives no locale, and scores it in its
// group.
func evaluate(k *KB, qs []question) map[string]*groupScore {
	groups := make(map[string]*groupScore)
	for _, q := range qs {
		record(groups, q.group, q, k.Search(q.text, ""))
	}
	return groups
}

// record scores r, the answer to q, in the group named group of groups:
// right when the answer is confident and is the expected topic, or, for a
// question with no topic, when the search declines.
func record(groups map[string]*groupScore, group string, q question, r Result) {
	g := groups[group]
	if g == nil {
		g = &groupScore{}
		groups[group] = g
	}
	g.total++
	if isRight(q, r) {
		g.right++
		return
	}
	var at string
	if q.line > 0 {
		at = fmt.Sprintf("line %d ", q.line)
	}
	g.misses = append(g.misses, fmt.Sprintf("%s%s %q: want %q, got %s (score %.2f, confident %v)",
		at, q.lang, q.text, q.topic, bestID(r), r.Score, r.Confident))
}

func isRight(q question, r Result) bool {
	if q.topic == "" {
		return !r.Confident
	}
	return r.Confident && r.Best != nil && r.Best.ID == q.topic
}

// bestID is the id of the best topic of r, or "<none>".
func bestID(r Result) string {
	if r.Best == nil {
		return "<none>"
	}
	return r.Best.ID
}

// isKeyTopic reports whether id is one of the topics authors ask about
// most, which the search must never miss.
func isKeyTopic(id string) bool {
	switch id {
	case "cart-empty", "cart-quantity", "order-option-missing", "print-defects":
		return true
	}
	return false
}

// checkFloors logs every group's accuracy, and its misses when show is
// set, and fails the groups below their floor (in percent).
func checkFloors(t *testing.T, groups map[string]*groupScore, floors map[string]float64, show bool) {
	t.Helper()
	names := make([]string, 0, len(groups))
	for name := range groups {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		g := groups[name]
		t.Logf("%-8s %3d/%-3d %5.1f%%", name, g.right, g.total, g.percent())
		if !show {
			continue
		}
		for _, m := range g.misses {
			t.Logf("    miss: %s", m)
		}
	}
	for name, floor := range floors {
		g, ok := groups[name]
		if !ok {
			t.Errorf("group %s: no questions", name)
			continue
		}
		if g.percent() < floor {
			t.Errorf("group %s: accuracy %.1f%%, want at least %.1f%%", name, g.percent(), floor)
		}
	}
}

// loaded is the embedded knowledge base, loaded once for the package:
// with seven languages a load takes a good part of a second, and a KB is
// only read once built.
var loaded = sync.OnceValues(Load)

// mustLoad returns the embedded knowledge base, shared by every test that
// only reads it; see mustLoadOwn for one to change.
func mustLoad(t testing.TB) *KB {
	t.Helper()
	k, err := loaded()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return k
}

// mustLoadOwn loads a knowledge base for the caller alone, to instrument.
func mustLoadOwn(t testing.TB) *KB {
	t.Helper()
	k, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return k
}

// TestAccuracy measures the search on testdata/questions.tsv, the set its
// synonyms and thresholds were first tuned on and that the classifier
// learns from: a check that nothing is broken, not an estimate of
// accuracy.
func TestAccuracy(t *testing.T) {
	k := mustLoad(t)
	qs := readQuestions(t, "testdata/questions.tsv")
	// Floors a little under the accuracy reached (100% in every group
	// when they were set), so a content edit that costs a question or two
	// does not fail the build but a real regression does.
	checkFloors(t, evaluate(k, qs), map[string]float64{
		"en":       97,
		"fr":       97,
		"typo":     94,
		"offtopic": 95,
	}, showMisses())

	// The topics authors ask about most must never be missed.
	for _, miss := range keyTopicMisses(k, qs) {
		t.Error(miss)
	}
}

// keyTopicMisses returns the questions of qs about the topics authors ask
// about most that the search gets wrong.
func keyTopicMisses(k *KB, qs []question) []string {
	var out []string
	for _, q := range qs {
		if !isKeyTopic(q.topic) {
			continue
		}
		if r := k.Search(q.text, ""); !isRight(q, r) {
			out = append(out, fmt.Sprintf("line %d %q: got %s (confident %v), want %s", q.line, q.text, bestID(r), r.Confident, q.topic))
		}
	}
	return out
}

// TestAccuracyHeldOut measures the search on testdata/heldout.tsv, written
// apart from questions.tsv and never used for tuning: it estimates how the
// search does on questions nobody tuned for.
func TestAccuracyHeldOut(t *testing.T) {
	k := mustLoad(t)
	qs := readQuestions(t, "testdata/heldout.tsv")
	// Floors under the accuracy reached when they were set (100% in
	// every group). Its misses once guided the word lists, so the
	// validation half of testdata/blind.tsv and TestCrossValidation are
	// the better estimates.
	checkFloors(t, evaluate(k, qs), map[string]float64{
		"en":       97,
		"fr":       96,
		"typo":     92,
		"offtopic": 93,
	}, showMisses())
	for _, miss := range keyTopicMisses(k, qs) {
		t.Error(miss)
	}
}

// TestAccuracyBlind2 measures the search on testdata/blind2.tsv: short
// and medium questions as authors post them in groups and forums, written
// after the search was built by someone who saw neither the content nor
// the other question sets. Its first run, with nothing tuned on it, gave
// en 95/100, fr 78/80, typo 30/30 and off-topic 39/40 declined; the
// floors sit just under that, and nothing may be tuned on this file.
func TestAccuracyBlind2(t *testing.T) {
	k := mustLoad(t)
	checkFloors(t, evaluate(k, readQuestions(t, "testdata/blind2.tsv")), map[string]float64{
		"en":       94,
		"fr":       96,
		"typo":     96,
		"offtopic": 95,
	}, showMisses())
}

// splitBlind splits testdata/blind.tsv into a tuning half and a
// validation half: alternate data rows, so both halves hold every topic
// and group in about equal shares. Only the tuning half may guide changes
// to the synonyms, aliases and thresholds; the validation half estimates
// the accuracy on questions phrased in ways nobody tuned for.
func splitBlind(t testing.TB) (tune, validate []question) {
	t.Helper()
	for i, q := range readQuestions(t, "testdata/blind.tsv") {
		if i%2 == 0 {
			tune = append(tune, q)
		} else {
			validate = append(validate, q)
		}
	}
	return tune, validate
}

// TestAccuracyBlind measures the search on testdata/blind.tsv, long and
// informal chat questions written independently of the content, each half
// on its own. Floors sit a little under the accuracy reached when they
// were set: tuning half en 64/65, fr 55/55, typo 20/20, off-topic 30/30;
// validation half en 60/65, fr 54/55, typo 20/20, off-topic 27/30.
func TestAccuracyBlind(t *testing.T) {
	k := mustLoad(t)
	tune, validate := splitBlind(t)
	t.Run("tune", func(t *testing.T) {
		checkFloors(t, evaluate(k, tune), map[string]float64{
			"en":       95,
			"fr":       96,
			"typo":     95,
			"offtopic": 93,
		}, showMisses())
		// Reported, not enforced (none missed when the floors were set).
		for _, miss := range keyTopicMisses(k, tune) {
			t.Log("key topic " + miss)
		}
	})
	t.Run("validate", func(t *testing.T) {
		checkFloors(t, evaluate(k, validate), map[string]float64{
			"en":       89,
			"fr":       96,
			"typo":     95,
			"offtopic": 86,
		}, showMisses())
		// Reported, not enforced: this half estimates how the search
		// does on new phrasings, and must not be tuned on. Two questions
		// about print defects described in detail (margins, an
		// off-centre spine title) still miss.
		for _, miss := range keyTopicMisses(k, validate) {
			t.Log("key topic " + miss)
		}
	})
}

// TestDetectedLanguage checks that questions are answered in the language
// they were asked in when no locale is given.
func TestDetectedLanguage(t *testing.T) {
	k := mustLoad(t)
	var wrong []string
	total := 0
	for _, name := range []string{"testdata/questions.tsv", "testdata/heldout.tsv"} {
		for _, q := range readQuestions(t, name) {
			if q.group == "offtopic" {
				continue
			}
			total++
			if got := k.Search(q.text, "").Lang; got != q.lang {
				wrong = append(wrong, fmt.Sprintf("%q: got %s, want %s", q.text, got, q.lang))
			}
		}
	}
	t.Logf("language right for %d/%d questions", total-len(wrong), total)
	for _, w := range wrong {
		t.Logf("    wrong: %s", w)
	}
	if len(wrong)*50 > total {
		t.Errorf("language wrong for %d/%d questions, want at most 2%%", len(wrong), total)
	}
}

func TestSearch(t *testing.T) {
	k := mustLoad(t)
	tests := []struct {
		name, query, lang string
		wantID, wantLang  string
		wantConfident     bool
	}{
		{"id", "cart-empty", "en", "cart-empty", "en", true},
		{"id with spaces", "cart empty", "", "cart-empty", "en", true},
		{"alias", "empty cart", "en", "cart-empty", "en", true},
		{"French alias", "option grisée", "", "order-option-missing", "fr", true},
		{"locale wins", "my cart is empty", "fr", "cart-empty", "fr", true},
		{"locale with region", "le panier est vide", "fr-CA", "cart-empty", "fr", true},
		{"English query, French locale", "the order author copies button is greyed out", "fr", "order-option-missing", "fr", true},
		{"off topic", "what is the capital of France?", "", "", "en", false},
		{"only stop words", "how do I?", "en", "", "en", false},
		{"empty", "", "", "", "en", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := k.Search(tt.query, tt.lang)
			if r.Confident != tt.wantConfident {
				t.Errorf("Search(%q).Confident = %v, want %v", tt.query, r.Confident, tt.wantConfident)
			}
			if r.Lang != tt.wantLang {
				t.Errorf("Search(%q).Lang = %q, want %q", tt.query, r.Lang, tt.wantLang)
			}
			if !tt.wantConfident {
				return
			}
			if r.Best == nil || r.Best.ID != tt.wantID || r.Best.Lang != tt.wantLang {
				t.Fatalf("Search(%q).Best = %+v, want %s in %s", tt.query, r.Best, tt.wantID, tt.wantLang)
			}
			for _, s := range r.Suggestions {
				if s.ID == r.Best.ID || s.Lang != tt.wantLang {
					t.Errorf("suggestion %s/%s: want other topics in %s", s.Lang, s.ID, tt.wantLang)
				}
			}
		})
	}
}

func TestSearchDeclineSuggests(t *testing.T) {
	k := mustLoad(t)
	// Vague rather than about a known unknown, which suggests no topic
	// (TestKnownUnknownsDecline).
	const q = "question about my book order"
	r := k.Search(q, "en")
	if r.Confident {
		t.Fatalf("Search(%q) answered %s confidently, want a decline", q, r.Best.ID)
	}
	if len(r.Suggestions) == 0 || len(r.Suggestions) > 3 {
		t.Errorf("declined search suggests %d topics, want 1 to 3", len(r.Suggestions))
	}
}

func TestEveryTitleFindsItsTopic(t *testing.T) {
	k := mustLoad(t)
	for _, lang := range k.Languages() {
		for _, e := range k.Entries(lang) {
			for _, q := range append([]string{e.Title, e.ID}, e.Aliases...) {
				t.Run(lang+"/"+q, func(t *testing.T) {
					r := k.Search(q, lang)
					if !r.Confident || r.Best.ID != e.ID {
						t.Errorf("Search(%q, %s) = %s (confident %v), want %s", q, lang, bestID(r), r.Confident, e.ID)
					}
				})
			}
		}
	}
}

func TestComplete(t *testing.T) {
	k := mustLoad(t)
	tests := []struct {
		prefix, lang string
		n            int
		wantFirst    string
	}{
		{"empty ca", "en", 5, "cart-empty"},
		{"cart qu", "en", 5, "cart-quantity"},
		{"grey", "en", 5, "order-option-missing"},
		{"panier vi", "fr", 5, "cart-empty"},
		{"option gris", "fr", 5, "order-option-missing"},
		{"print def", "en", 5, "print-defects"},
		{"emty cart", "en", 5, "cart-empty"},
	}
	for _, tt := range tests {
		t.Run(tt.prefix, func(t *testing.T) {
			got := k.Complete(tt.prefix, tt.lang, tt.n)
			if len(got) == 0 || len(got) > tt.n {
				t.Fatalf("Complete(%q) returned %d topics, want 1 to %d", tt.prefix, len(got), tt.n)
			}
			if got[0].ID != tt.wantFirst || got[0].Lang != tt.lang {
				t.Errorf("Complete(%q)[0] = %s/%s, want %s/%s", tt.prefix, got[0].Lang, got[0].ID, tt.lang, tt.wantFirst)
			}
		})
	}
	t.Run("empty prefix", func(t *testing.T) {
		got := k.Complete("  ", "fr", 3)
		want := k.Entries("fr")[:3]
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Complete(\"\") mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("at most 25", func(t *testing.T) {
		if got := k.Complete("", "en", 100); len(got) > 25 {
			t.Errorf("Complete with n=100 returned %d topics, want at most 25", len(got))
		}
	})
	t.Run("zero", func(t *testing.T) {
		if got := k.Complete("cart", "en", 0); len(got) != 0 {
			t.Errorf("Complete with n=0 returned %d topics, want none", len(got))
		}
	})
}

func TestRank(t *testing.T) {
	markets := []string{"Amazon.com", "Amazon.co.uk", "Amazon.de", "Amazon.fr", "Amazon.es", "Amazon.it", "Amazon.co.jp", "Amazon.ca", "Amazon.com.au"}
	orders := []string{"Proof copies of Le Café des Étoiles", "Author copies: The Winter Garden", "Launch party copies (Winter Garden)", "Épreuves du Café"}
	tests := []struct {
		name, query string
		candidates  []string
		lang        string
		want        []int
	}{
		{"exact", "amazon.de", markets, "en", []int{2}},
		{"country code", "fr", markets, "fr", []int{3}},
		{"prefix, shortest first", "amazon.com", markets, "en", []int{0, 8}},
		{"partial domain", "co.uk", markets, "en", []int{1}},
		{"stop word as a code", "de", markets, "fr", []int{2}},
		{"accents ignored, shortest first", "cafe", orders, "fr", []int{3, 0}},
		{"stem", "garden", orders, "en", []int{1, 2}},
		{"words in any order", "garden winter", orders, "en", []int{1, 2}},
		{"prefix of a word", "epreu", orders, "fr", []int{3}},
		{"typo", "wintre", orders, "en", []int{1, 2}},
		{"no match", "kindle", orders, "en", []int{}},
		{"empty query matches all", "", orders[:2], "en", []int{0, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Rank(tt.query, tt.candidates, tt.lang)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Rank(%q) mismatch (-want +got):\n%s", tt.query, diff)
			}
		})
	}
}

// BenchmarkSearch runs a realistic mix of questions (every row of the
// tuning set: both languages, typos and off-topic questions) through
// Search with language detection.
func BenchmarkSearch(b *testing.B) {
	k := mustLoad(b)
	qs := readQuestions(b, "testdata/questions.tsv")
	i := 0
	for b.Loop() {
		k.Search(qs[i%len(qs)].text, "")
		i++
	}
}

func BenchmarkComplete(b *testing.B) {
	k := mustLoad(b)
	prefixes := []string{"ca", "cart em", "order auth", "panier v", "epreuve", "ship"}
	i := 0
	for b.Loop() {
		k.Complete(prefixes[i%len(prefixes)], "", 25)
		i++
	}
}

// TestSearchConcurrent runs searches from several goroutines at once; with
// -race it checks that a loaded KB is only read.
func TestSearchConcurrent(t *testing.T) {
	k := mustLoad(t)
	qs := readQuestions(t, "testdata/questions.tsv")
	want := make([]Result, len(qs))
	for i, q := range qs {
		want[i] = k.Search(q.text, "")
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := g; i < len(qs); i += 4 {
				got := k.Search(qs[i].text, "")
				if got.Best != want[i].Best || got.Confident != want[i].Confident {
					t.Errorf("concurrent Search(%q) differs from a lone one", qs[i].text)
				}
				k.Complete(qs[i].text, "", 5)
			}
		})
	}
	wg.Wait()
}

// showMisses reports whether the measuring tests print the questions they
// missed (AUTHORBOT_SHOW_MISSES set). They don't by default: a set
// measures only while nobody who changes the search reads its questions.
func showMisses() bool { return os.Getenv("AUTHORBOT_SHOW_MISSES") != "" }

// TestSearchISBNNotDeclined checks that a question that gives an ISBN and
// answers an ISBN topic is answered though it names a subject the
// knowledge base does not cover (the reviews the number is wanted for).
func TestSearchISBNNotDeclined(t *testing.T) {
	k := mustLoad(t)
	for _, tt := range []struct{ lang, q, want string }{
		{"es", "KDP me dio el ISBN 979-8-3297-4410-1 y una web de reseñas me pide el ISBN-10, ¿cómo lo saco?", "isbn-979-asin"},
		{"it", "Ho l'ISBN 979-12-200-1234-5 e un sito di recensioni vuole l'ISBN-10, come faccio?", "isbn-979-asin"},
		{"pt", "Um blog de resenhas pediu o ISBN-10, o meu é 978-85-359-0277-8, como converto?", "isbn-conversion"},
	} {
		r := k.Search(tt.q, tt.lang)
		if !r.Confident || r.Best.ID != tt.want {
			t.Errorf("Search(%q): confident %v, unknown %v, want %s", tt.q, r.Confident, r.Unknown != nil, tt.want)
		}
	}
	// Without an ISBN, the reviews are what the question is about.
	if r := k.Search("¿Cómo consigo reseñas para mi libro en Amazon?", "es"); r.Unknown == nil {
		t.Error("a question about reviews is not declined")
	}
}

// A question the classifier reads clearly, whose words are common in
// the content, is answered; one whose only words are names every topic
// has is not.
func TestCommonWordsClearAsk(t *testing.T) {
	k := mustLoad(t)
	if r := k.Search("Estoy en Argentina, ¿desde qué Amazon me conviene pedir las copias?", "es"); !r.Confident || r.Best.ID != "which-marketplace" {
		t.Errorf("Search = %v (confident %v), want which-marketplace", bestID(r), r.Confident)
	}
	for _, q := range []string{"amazon kdp", "kdp?"} {
		if r := k.Search(q, "en"); r.Confident {
			t.Errorf("Search(%q) = %s, want no topic", q, r.Best.ID)
		}
	}
}
