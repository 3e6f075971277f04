// Package metrics exposes authorbot's Prometheus metrics: commands by name
// and outcome, their latency, and requests refused by signature checks.
package metrics

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics holds the collectors in a registry of its own, so tests and
// several instances never share global state.
type Metrics struct {
	known    map[string]bool // the values the command label may take
	reg      *prometheus.Registry
	commands *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	verify   *prometheus.CounterVec
}

// Unknown is the command label of every command name that is not in the
// command table.
const Unknown = "unknown"

// New registers authorbot's collectors and the Go runtime's. commands are
// the names the command label may take (bot.RequestNames of the command
// table); any other name is counted as Unknown. Platforms sign what their
// users send, not what they type: a made-up command name in a signed
// request must not become a series of its own, or a few hundred of them
// would bloat every scrape.
func New(commands []string) *Metrics {
	m := &Metrics{
		known: make(map[string]bool, len(commands)),
		reg:   prometheus.NewRegistry(),
		commands: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "authorbot_commands_total",
			Help: "Commands handled, by command and outcome (ok or an error code).",
		}, []string{"command", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "authorbot_command_duration_seconds",
			Help: "Time to answer a command.",
			// From 100 µs: most answers take well under a millisecond.
			Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}, []string{"command"}),
		verify: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "authorbot_verification_failures_total",
			Help: "Platform requests refused before parsing, by platform and reason.",
		}, []string{"platform", "reason"}),
	}
	for _, c := range commands {
		m.known[c] = true
	}
	m.reg.MustRegister(m.commands, m.latency, m.verify,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Observe records one command (it fits bot.Dispatcher.Observe).
func (m *Metrics) Observe(command, outcome string, d time.Duration) {
	if !m.known[command] {
		command = Unknown
	}
	m.commands.WithLabelValues(command, outcome).Inc()
	m.latency.WithLabelValues(command).Observe(d.Seconds())
}

// VerifyFailed records a request refused by a signature or freshness check.
// reason is a fixed word such as "signature", "stale", "replay" or "size".
func (m *Metrics) VerifyFailed(platform, reason string) {
	m.verify.WithLabelValues(platform, reason).Inc()
}

// Handler serves the metrics in Prometheus' text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}
