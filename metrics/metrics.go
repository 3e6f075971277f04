// Package metrics exposes authorbot's Prometheus metrics: commands by name
// and outcome, their latency, and requests refused by signature checks.
package metrics

import (
	"net/http"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics holds the collectors in a registry of its own, so tests and
// several instances never share global state.
type Metrics struct {
	// known are the values the command label may take, each with its
	// series once it has been observed; unknown is Unknown's.
	known    map[string]*series
	unknown  *series
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
		known:   make(map[string]*series, len(commands)),
		unknown: &series{name: Unknown},
		reg:     prometheus.NewRegistry(),
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
		m.known[c] = &series{name: c}
	}
	m.reg.MustRegister(m.commands, m.latency, m.verify,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Observe records one command (it fits bot.Dispatcher.Observe).
func (m *Metrics) Observe(command, outcome string, d time.Duration) {
	s := m.known[command]
	if s == nil {
		s = m.unknown
	}
	// Racing callers get the same series from the vectors.
	if outcome == ok {
		c := s.ok.Load()
		if c == nil {
			c = &counter{m.commands.WithLabelValues(s.name, ok)}
			s.ok.Store(c)
		}
		c.Inc()
	} else {
		m.commands.WithLabelValues(s.name, outcome).Inc()
	}
	l := s.latency.Load()
	if l == nil {
		l = &observer{m.latency.WithLabelValues(s.name)}
		s.latency.Store(l)
	}
	l.Observe(d.Seconds())
}

// ok is the outcome of a command answered without error.
const ok = "ok"

// series is one command label value with, once it has been observed, its
// series of the commonest outcome and of latency. Looking them up in the
// vectors on every command (hashing and checking the label values, under
// the vectors' locks) was a third of recording it: under
// scripts/bench-slack, Observe was 1.4% of the server's CPU.
type series struct {
	name    string
	ok      atomic.Pointer[counter]
	latency atomic.Pointer[observer]
}

type counter struct{ prometheus.Counter }

type observer struct{ prometheus.Observer }

// VerifyFailed records a request refused by a signature or freshness check.
// reason is a fixed word such as "signature", "stale", "replay" or "size".
func (m *Metrics) VerifyFailed(platform, reason string) {
	m.verify.WithLabelValues(platform, reason).Inc()
}

// Handler serves the metrics in Prometheus' text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}
