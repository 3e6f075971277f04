package kb

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// costQuestions are the shapes of question whose cost the search must
// bound: an ordinary one, long ones, gibberish (every word unknown, so
// every word is typo-corrected and stemmed), one long misspelt word and
// ordinary typos.
func costQuestions() []struct {
	name  string
	texts []string
} {
	gib := make([]string, 64)
	for i := range gib {
		gib[i] = gibberish(uint64(i), 500)
	}
	return []struct {
		name  string
		texts []string
	}{
		{"normal", []string{"my cart is empty after I clicked order author copies"}},
		{"300 chars", []string{"Hi everyone, I ordered 40 author copies of my paperback on amazon.com two weeks ago " +
			"and the tracking page still says preparing for shipment. The expected delivery date has passed " +
			"and I need the books for a signing at my local library next Saturday. Can I cancel and reorder faster?"}},
		{"500 chars", []string{"Hello, I published my first paperback last month and ordered 50 author copies on amazon.com " +
			"to sell at a local craft fair. The order page said they would arrive within two weeks, but it has been " +
			"three weeks now and the tracking number still shows nothing at all. I also noticed the price was higher " +
			"than the printing cost I expected, and there was tax added. My book is a 300-page 6x9 novel and I " +
			"live in Canada, so maybe I chose the wrong marketplace. Who should I contact, and can I cancel?"}},
		// Different gibberish each time, so that nothing learnt from one
		// question makes the next cheaper.
		{"500 chars gibberish", gib},
		{"long misspelt word", []string{"why is my paperbackauthorcopiesorderrrr stuck"}},
		{"misspelt words", []string{"my paperbakc autor copeis never arived, is cancelation posible?"}},
	}
}

// gibberish returns n bytes of made-up lowercase words, the same for the
// same seed.
func gibberish(seed uint64, n int) string {
	rng := rand.New(rand.NewPCG(seed, 2))
	var b strings.Builder
	for b.Len() < n {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		for range 3 + rng.IntN(10) {
			b.WriteByte(byte('a' + rng.IntN(26)))
		}
	}
	return b.String()[:n]
}

// BenchmarkSearchCost measures Search on each of costQuestions, with
// language detection as authors' questions arrive. Run it with -cpu 1 for
// cpu-ns/op to be the processor time of one search (garbage collection
// included).
func BenchmarkSearchCost(b *testing.B) {
	k := mustLoad(b)
	for _, q := range costQuestions() {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			start, ok := cpuTime()
			i := 0
			for b.Loop() {
				k.Search(q.texts[i%len(q.texts)], "")
				i++
			}
			if end, ok2 := cpuTime(); ok && ok2 {
				b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
			}
		})
	}
}
