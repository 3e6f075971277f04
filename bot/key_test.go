package bot

import (
	"testing"
)

// TestKeyUnchanged pins the keys that existing data is stored under: an
// id without ':' keeps its key byte for byte.
func TestKeyUnchanged(t *testing.T) {
	tests := []struct {
		user User
		want string
	}{
		{User{Platform: Slack, Workspace: "T1", ID: "U1"}, "slack:T1:U1"},
		{User{Platform: Slack, Workspace: "T024BE7LD", ID: "U012AB3CD", Name: "ann"}, "slack:T024BE7LD:U012AB3CD"},
		{User{Platform: Discord, Workspace: "81384788765712384", ID: "80351110224678912"}, "discord::80351110224678912"},
		{User{Platform: Discord, ID: "80351110224678912"}, "discord::80351110224678912"},
		{User{Platform: Console, ID: "local"}, "console::local"},
		{User{Platform: Console, ID: "alice"}, "console::alice"},
		{User{Platform: Console, ID: "50%off"}, "console::50%off"},
		{User{Platform: Console, ID: "a%3Ab"}, "console::a%3Ab"},
		{User{Platform: Console, ID: ""}, "console::"},
	}
	for _, tt := range tests {
		if got := tt.user.Key(); got != tt.want {
			t.Errorf("%+v.Key() = %q, want %q", tt.user, got, tt.want)
		}
	}
}

// TestKeyInjective checks that distinct users get distinct keys, over
// every workspace and id of up to three characters drawn from the
// characters that matter (the separator, the escape, and what an escape
// is made of), on each platform.
func TestKeyInjective(t *testing.T) {
	parts := strings3("", ":%3A5")
	seen := map[string]User{}
	for _, p := range []Platform{Console, Slack, Discord, "sla:ck"} {
		for _, ws := range parts {
			for _, id := range parts {
				u := User{Platform: p, Workspace: ws, ID: id}
				same := u
				if p == Discord {
					same.Workspace = "" // one Discord author in every guild
				}
				k := u.Key()
				if prev, ok := seen[k]; ok && prev != same {
					t.Fatalf("%+v and %+v share the key %q", prev, same, k)
				}
				seen[k] = same
			}
		}
	}
	if a, b := (User{Platform: Slack, Workspace: "T9:UZ", ID: "X"}), (User{Platform: Slack, Workspace: "T9", ID: "UZ:X"}); a.Key() == b.Key() {
		t.Errorf("team T9:UZ user X and team T9 user UZ:X share the key %q", a.Key())
	}
}

// strings3 returns every string of up to three characters from alphabet,
// each prefixed with prefix.
func strings3(prefix, alphabet string) []string {
	out := []string{prefix}
	if len(prefix) == 3 {
		return out
	}
	for i := range len(alphabet) {
		out = append(out, strings3(prefix+alphabet[i:i+1], alphabet)...)
	}
	return out
}

// FuzzKeyInjective looks for two different users with one key.
func FuzzKeyInjective(f *testing.F) {
	f.Add("T9:UZ", "X", "T9", "UZ:X")
	f.Add("T1", "a%3Ab", "T1", "a:b")
	f.Add("", "\xff:", "", "\xfe:")
	f.Fuzz(func(t *testing.T, ws1, id1, ws2, id2 string) {
		a, b := User{Platform: Console, Workspace: ws1, ID: id1}, User{Platform: Console, Workspace: ws2, ID: id2}
		if a != b && a.Key() == b.Key() {
			t.Errorf("%+v and %+v share the key %q", a, b, a.Key())
		}
	})
}

// keySink keeps benchmarked keys alive, as the log line and the store
// calls that use a key do.
var keySink string

// BenchmarkKey measures the key of an ordinary Slack user, made for every
// command (its log line and each store call).
func BenchmarkKey(b *testing.B) {
	u := User{Platform: Slack, Workspace: "T024BE7LD", ID: "U012AB3CD"}
	b.ReportAllocs()
	for b.Loop() {
		keySink = u.Key()
	}
}
