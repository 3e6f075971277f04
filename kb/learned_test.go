package kb

import "testing"

// TestLearned checks that a labelled question answers itself and its
// rewordings with its topic, and nothing else; that Set replaces the set;
// and that examples for topics the knowledge base lacks are left out.
func TestLearned(t *testing.T) {
	k, err := loaded()
	if err != nil {
		t.Fatal(err)
	}
	l := k.NewLearned()
	if l.Version() != -1 {
		t.Errorf("version of an empty set %d", l.Version())
	}
	l.Set(3, []LearnedExample{
		{Question: "can amazon gift wrap author copies for my readers", Lang: "en", Topic: "shipping-options"},
		{Question: "est-ce qu'amazon peut emballer les exemplaires en cadeau", Lang: "fr", Topic: "shipping-options"},
		{Question: "anything", Lang: "en", Topic: "no-such-topic"},
	})
	tests := []struct {
		q, lang, want string
	}{
		{"can amazon gift wrap author copies for my readers", "en", "shipping-options"},
		{"Can Amazon gift-wrap the author copies for my readers?", "en", "shipping-options"},
		{"est-ce qu'amazon peut emballer les exemplaires en cadeau ?", "fr", "shipping-options"},
		{"my cart is empty", "en", ""},
		{"anything", "en", ""},
		{"can amazon gift wrap author copies for my readers", "de", ""},
	}
	for _, tt := range tests {
		e, ok := l.Match(tt.q, tt.lang)
		got := ""
		if ok {
			got = e.ID
		}
		if got != tt.want {
			t.Errorf("Match(%q, %s) = %q, want %q", tt.q, tt.lang, got, tt.want)
		}
	}
	if l.Version() != 3 {
		t.Errorf("version %d, want 3", l.Version())
	}
	l.Set(4, nil)
	if _, ok := l.Match("can amazon gift wrap author copies for my readers", "en"); ok {
		t.Error("an example still answers after Set removed it")
	}
	var none *Learned
	if _, ok := none.Match("x", "en"); ok {
		t.Error("a nil set matched")
	}
}
