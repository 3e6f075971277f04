package slack

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	slackapi "github.com/slack-go/slack"
)

// slackGoReason is how the adapter read slack-go's SecretsVerifier
// before it checked signatures itself: the reference checkSignature must
// agree with.
func slackGoReason(h http.Header, body, secret string) string {
	sv, err := slackapi.NewSecretsVerifier(h, secret)
	switch {
	case errors.Is(err, slackapi.ErrMissingHeaders):
		return "missing"
	case errors.Is(err, slackapi.ErrExpiredTimestamp):
		return "stale"
	case err != nil:
		return "signature"
	}
	sv.Write([]byte(body))
	if sv.Ensure() != nil {
		return "signature"
	}
	return ""
}

// TestCheckSignatureAsSlackGo: every request slack-go's verifier accepts
// is accepted, with its timestamp, and every one it refuses is refused for
// the same reason.
func TestCheckSignatureAsSlackGo(t *testing.T) {
	body := commandBody("T1", "U1", "/ask", "my cart is empty", "")
	now := time.Now()
	signed := func(ts time.Time, edit func(h http.Header)) http.Header {
		h := http.Header{}
		sign(h, testSecret, ts, body)
		if edit != nil {
			edit(h)
		}
		return h
	}
	set := func(name, value string) func(http.Header) {
		return func(h http.Header) { h.Set(name, value) }
	}
	sig := func(h http.Header) string { return h.Get("X-Slack-Signature") }
	tests := []struct {
		name   string
		header http.Header
		body   string
	}{
		{"valid", signed(now, nil), body},
		{"four minutes old", signed(now.Add(-4*time.Minute), nil), body},
		{"four minutes ahead", signed(now.Add(4*time.Minute), nil), body},
		{"six minutes old", signed(now.Add(-6*time.Minute), nil), body},
		{"six minutes ahead", signed(now.Add(6*time.Minute), nil), body},
		{"tampered body", signed(now, nil), body + "&x=1"},
		{"other secret", func() http.Header { h := http.Header{}; sign(h, "other", now, body); return h }(), body},
		{"no signature", signed(now, func(h http.Header) { h.Del("X-Slack-Signature") }), body},
		{"no timestamp", signed(now, func(h http.Header) { h.Del("X-Slack-Request-Timestamp") }), body},
		{"no headers", http.Header{}, body},
		{"v1", signed(now, func(h http.Header) { h.Set("X-Slack-Signature", "v1="+sig(h)[3:]) }), body},
		{"no version", signed(now, func(h http.Header) { h.Set("X-Slack-Signature", sig(h)[3:]) }), body},
		{"upper-case hex", signed(now, func(h http.Header) { h.Set("X-Slack-Signature", "v0="+strings.ToUpper(sig(h)[3:])) }), body},
		{"short", signed(now, func(h http.Header) { h.Set("X-Slack-Signature", sig(h)[:len(sig(h))-2]) }), body},
		{"long", signed(now, func(h http.Header) { h.Set("X-Slack-Signature", sig(h)+"00") }), body},
		{"odd length", signed(now, func(h http.Header) { h.Set("X-Slack-Signature", sig(h)[:len(sig(h))-1]) }), body},
		{"not hex", signed(now, func(h http.Header) { h.Set("X-Slack-Signature", "v0="+strings.Repeat("zz", 32)) }), body},
		{"timestamp not a number", signed(now, set("X-Slack-Request-Timestamp", "soon")), body},
		{"timestamp with a sign", signed(now, func(h http.Header) {
			h.Set("X-Slack-Request-Timestamp", "+"+h.Get("X-Slack-Request-Timestamp"))
		}), body},
		{"timestamp in 2001", signed(time.Unix(1e9, 0), nil), body},
		{"stale, and not hex", signed(now.Add(-6*time.Minute), func(h http.Header) { h.Set("X-Slack-Signature", "v0="+strings.Repeat("zz", 32)) }), body},
		{"stale, and tampered", signed(now.Add(-6*time.Minute), nil), body + "&x=1"},
		{"empty body", func() http.Header { h := http.Header{}; sign(h, testSecret, now, ""); return h }(), ""},
	}
	a, _ := newTestAdapter(t, newFakeRouter(), nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := slackGoReason(tt.header, tt.body, testSecret)
			stamp, got := a.checkSignature(tt.header, []byte(tt.body))
			if got != want {
				t.Errorf("reason = %q, want %q as slack-go's", got, want)
			}
			if got == "" && strconv.FormatInt(stamp, 10) != strings.TrimPrefix(tt.header.Get("X-Slack-Request-Timestamp"), "+") {
				t.Errorf("timestamp = %d, want the header's %q", stamp, tt.header.Get("X-Slack-Request-Timestamp"))
			}
		})
	}
}

// TestCheckSignatureConcurrent: the HMACs kept for reuse serve requests
// verified at the same time, each with its own result.
func TestCheckSignatureConcurrent(t *testing.T) {
	a, _ := newTestAdapter(t, newFakeRouter(), nil)
	done := make(chan string, 8)
	for n := range cap(done) {
		go func() {
			body := commandBody("T1", "U"+strconv.Itoa(n), "/ask", "x", "")
			h := http.Header{}
			sign(h, testSecret, time.Now(), body)
			var reason string
			for range 200 {
				if _, r := a.checkSignature(h, []byte(body)); r != "" {
					reason = r
				}
				if _, r := a.checkSignature(h, []byte(body+"x")); r != "signature" {
					reason = "accepted a tampered body"
				}
			}
			done <- reason
		}()
	}
	for range cap(done) {
		if r := <-done; r != "" {
			t.Errorf("a signed request was refused or a tampered one accepted: %s", r)
		}
	}
}
