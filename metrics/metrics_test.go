package metrics

import (
	"fmt"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// scrape returns what /metrics serves.
func scrape(t *testing.T, m *Metrics) string {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	return string(body)
}

func TestExposition(t *testing.T) {
	m := New([]string{"ask", "order add"})
	m.Observe("ask", "ok", 300*time.Microsecond)
	m.Observe("order add", "invalid", time.Millisecond)
	m.VerifyFailed("slack", "stale")
	body := scrape(t, m)
	for _, want := range []string{
		`authorbot_commands_total{command="ask",outcome="ok"} 1`,
		`authorbot_commands_total{command="order add",outcome="invalid"} 1`,
		`authorbot_command_duration_seconds_bucket{command="ask",le="0.0005"} 1`,
		`authorbot_verification_failures_total{platform="slack",reason="stale"} 1`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// TestUnknownCommandsShareOneSeries checks that command names outside the
// command table, however many, are counted under one label value.
func TestUnknownCommandsShareOneSeries(t *testing.T) {
	m := New([]string{"ask"})
	m.Observe("ask", "ok", time.Millisecond)
	for i := range 400 {
		m.Observe(fmt.Sprintf("made-up-%d", i), "invalid", time.Millisecond)
	}
	body := scrape(t, m)
	var series []string
	for _, line := range strings.Split(body, "\n") {
		if strings.HasPrefix(line, "authorbot_commands_total{") {
			series = append(series, line)
		}
	}
	want := []string{
		`authorbot_commands_total{command="ask",outcome="ok"} 1`,
		`authorbot_commands_total{command="unknown",outcome="invalid"} 400`,
	}
	if strings.Join(series, "\n") != strings.Join(want, "\n") {
		t.Errorf("command series:\n%s\nwant:\n%s", strings.Join(series, "\n"), strings.Join(want, "\n"))
	}
	if n := strings.Count(body, "authorbot_command_duration_seconds_count{"); n != 2 {
		t.Errorf("%d latency series, want 2 (ask and unknown)", n)
	}
}

// BenchmarkObserve records an answered command, as every command does.
func BenchmarkObserve(b *testing.B) {
	m := New([]string{"ask", "order list"})
	b.ReportAllocs()
	for b.Loop() {
		m.Observe("order list", "ok", 300*time.Microsecond)
	}
}
