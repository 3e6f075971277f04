package moderation

import (
	"reflect"
	"testing"
	"time"
)

func TestFallingFrom(t *testing.T) {
	before := []TopicVotes{{"cart-empty", 9, 1}, {"proof-copies", 4, 0}, {"few-votes", 1, 0}, {"steady", 3, 1}}
	now := []TopicVotes{{"cart-empty", 5, 5}, {"proof-copies", 2, 2}, {"few-votes", 0, 2}, {"steady", 6, 2}, {"new", 0, 5}}
	got := FallingFrom(before, now)
	want := []Falling{{"proof-copies", 1, 0.5}, {"cart-empty", 0.9, 0.5}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FallingFrom = %+v, want %+v (steepest first; too few votes, steady and new topics left out)", got, want)
	}
}

func TestTally(t *testing.T) {
	d1 := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	d2 := d1.AddDate(0, 0, 1)
	tl := NewTally(d1)
	tl.Add(d1, "slack", "en", "cart-empty", true, 3)
	tl.Add(d1, "discord", "fr", "", false, 1)
	tl.Add(d2, "slack", "fr", "cart-empty", true, 2)
	tl.Add(d2, "slack", "en", "proof-copies", true, 2)
	s := tl.Stats([]TopicVotes{{"cart-empty", 3, 0}, {"proof-copies", 1, 2}, {"isbn", 0, 2}})
	if s.Asked != 8 || s.Answered != 7 || len(s.Days) != 2 || s.Days[0].Asked != 4 || s.Days[1].Answered != 4 {
		t.Errorf("totals: %+v", s)
	}
	if want := []Count{{"slack", 7}, {"discord", 1}}; !reflect.DeepEqual(s.ByPlatform, want) {
		t.Errorf("ByPlatform = %v, want %v", s.ByPlatform, want)
	}
	if want := []Count{{"cart-empty", 5}, {"proof-copies", 2}}; !reflect.DeepEqual(s.Topics, want) {
		t.Errorf("Topics = %v, want %v", s.Topics, want)
	}
	if want := []TopicVotes{{"isbn", 0, 2}, {"proof-copies", 1, 2}}; !reflect.DeepEqual(s.Unhelpful, want) {
		t.Errorf("Unhelpful = %v, want %v (only topics with No votes, most first)", s.Unhelpful, want)
	}
}

// TestTaught checks which topic a group of gaps says it was taught: the
// latest example of one of its questions, in that question's language.
func TestTaught(t *testing.T) {
	gaps := []Gap{
		{ID: 1, Question: "can amazon gift wrap my copies", Lang: "en"},
		{ID: 2, Question: "amazon gift wrap copies?", Lang: "en"},
		{ID: 3, Question: "le panier est vide", Lang: "fr"},
	}
	examples := []Example{
		{Question: "amazon gift wrap copies?", Lang: "en", Topic: "shipping-options"},
		{Question: "amazon gift wrap copies?", Lang: "en", Topic: "reselling-copies"}, // later: it wins
		{Question: "le panier est vide", Lang: "en", Topic: "cart-empty"},             // another language's
	}
	taught := Taught(examples, gaps)
	if len(taught) != 1 || taught["amazon gift wrap copies?"] != "reselling-copies" {
		t.Errorf("Taught = %v, want only the English question, with the later topic", taught)
	}
	g := Group{Examples: []string{"can amazon gift wrap my copies", "amazon gift wrap copies?"}}
	if got := g.TaughtTopic(taught); got != "reselling-copies" {
		t.Errorf("TaughtTopic = %q, want reselling-copies", got)
	}
	if got := (Group{Examples: []string{"le panier est vide"}}).TaughtTopic(taught); got != "" {
		t.Errorf("an untaught group's TaughtTopic = %q, want none", got)
	}
}
