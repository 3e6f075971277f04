package bot

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestInThreadRoundTrip(t *testing.T) {
	orig := &Reply{Key: "k", Buttons: []Button{
		{Action: ActionShare, Value: "cart-empty|en", Label: "Share"},
		{Action: ActionFeedback, Value: "yes"},
	}}
	th := Thread{Channel: "C1", Message: "1712.0001"}
	got := InThread(orig, th)
	if !got.Ephemeral || got.Key != "" {
		t.Errorf("InThread: Ephemeral %v Key %q, want true and empty", got.Ephemeral, got.Key)
	}
	if orig.Buttons[0].Action != ActionShare || orig.Key != "k" {
		t.Errorf("InThread changed the handler's reply: %+v", orig)
	}
	if got.Buttons[0].Action != ActionReply || got.Buttons[1] != orig.Buttons[1] {
		t.Fatalf("InThread buttons = %+v", got.Buttons)
	}
	req := &Request{Action: got.Buttons[0].Action, Options: map[string]string{"value": got.Buttons[0].Value}}
	if !ParseReply(req) {
		t.Fatalf("ParseReply(%q) failed", got.Buttons[0].Value)
	}
	want := &Request{Action: ActionShare, Options: map[string]string{"value": "cart-empty|en"}, Thread: &th}
	if d := cmp.Diff(want, req); d != "" {
		t.Errorf("ParseReply (-want +got):\n%s", d)
	}
	for _, bad := range []string{"", "C1", "C1/", "/1/x"} {
		if ParseReply(&Request{Options: map[string]string{"value": bad}}) {
			t.Errorf("ParseReply(%q) = true, want false", bad)
		}
	}
}
