package metrics

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestExposition(t *testing.T) {
	m := New()
	m.Observe("ask", "ok", 300*time.Microsecond)
	m.Observe("order add", "invalid", time.Millisecond)
	m.VerifyFailed("slack", "stale")
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	for _, want := range []string{
		`authorbot_commands_total{command="ask",outcome="ok"} 1`,
		`authorbot_commands_total{command="order add",outcome="invalid"} 1`,
		`authorbot_command_duration_seconds_bucket{command="ask",le="0.0005"} 1`,
		`authorbot_verification_failures_total{platform="slack",reason="stale"} 1`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}
