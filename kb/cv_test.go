package kb

import (
	"io/fs"
	"testing"
)

// cvFolds is the number of folds of the cross-validation over examples.
const cvFolds = 5

// loadParts reads the embedded entries and examples, for tests that build
// a KB from part of the examples.
func loadParts(t testing.TB) ([]*Entry, []example) {
	t.Helper()
	sub, err := fs.Sub(content, "content")
	if err != nil {
		t.Fatal(err)
	}
	entries, exs, err := readContent(sub, exampleFiles)
	if err != nil {
		t.Fatal(err)
	}
	return entries, exs
}

// crossValidate splits the examples into cvFolds folds, each holding
// every cvFolds-th example of each topic (and of the off-topic questions)
// per language, builds a KB from the other folds with the parameters tu,
// and scores the search on the fold left out, grouped as the question
// sets are: en, fr and offtopic (theirs), one group per other language
// and offtopic-<lang> for its off-topic questions, plus "key" for the four
// key topics in every language.
func crossValidate(t testing.TB, tu tuning) map[string]*groupScore {
	t.Helper()
	entries, exs := loadParts(t)
	fold := make([]int, len(exs))
	seen := make(map[string]int)
	for i, ex := range exs {
		key := ex.lang + "/" + ex.topic
		fold[i] = seen[key] % cvFolds
		seen[key]++
	}
	groups := make(map[string]*groupScore)
	for f := range cvFolds {
		var train, test []example
		for i, ex := range exs {
			if fold[i] == f {
				test = append(test, ex)
			} else {
				train = append(train, ex)
			}
		}
		k := build(entries, train, tu, nil)
		for _, ex := range test {
			q := question{lang: ex.lang, topic: ex.topic, text: ex.text}
			r := k.Search(ex.text, "")
			group := ex.lang
			switch {
			case ex.topic == "" && (ex.lang == "en" || ex.lang == "fr"):
				group = "offtopic" // as the question sets group them
			case ex.topic == "":
				group = "offtopic-" + ex.lang
			}
			record(groups, group, q, r)
			if isKeyTopic(ex.topic) {
				record(groups, "key", q, r)
			}
		}
	}
	return groups
}

// TestCrossValidation estimates the accuracy of the search on questions
// it did not learn from, by 5-fold cross-validation over the examples:
// the figure the classifier's features and the confidence thresholds are
// chosen by, since the test sets must not be tuned on.
func TestCrossValidation(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the KB five times")
	}
	// Floors a little under the accuracy reached when they were set: en
	// 860/1060, fr 847/1060, off-topic declined 166/180, and 293/320 for
	// the four key topics. The examples are harder than the test sets:
	// written to cover each topic's edges, with near-misses between
	// neighbouring topics, and each fold learns from only four fifths.
	groups := crossValidate(t, defaultTuning())
	floors := map[string]float64{
		"en":       80,
		"fr":       79,
		"key":      90,
		"offtopic": 91,
	}
	// The other languages' examples came with their content. Their
	// floors sit under what the first complete examples gave: 83% to 92%
	// of questions on topic and 77% to 96% of off-topic ones declined.
	for _, lang := range languages()[2:] {
		if _, ok := groups[lang]; ok {
			floors[lang] = 80
		}
		if _, ok := groups["offtopic-"+lang]; ok {
			floors["offtopic-"+lang] = 70
		}
	}
	checkFloors(t, groups, floors, true) // the examples are training data: their misses guide the work
}
