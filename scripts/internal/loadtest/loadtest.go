// Package loadtest is the load generator shared by the serving benchmarks
// (scripts/bench-slack, scripts/bench-discord): it drives a mix of
// commands at each target in turn, for a bounded count and time, in
// alternating rounds, and reports each target's throughput and latency
// and its throughput as a share of the first target's, the median of the
// rounds' paired ratios.
//
// A platform supplies only how one command is sent (signed as the
// platform signs it) and checked.
package loadtest

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"text/tabwriter"
	"time"
)

// Target is one endpoint to measure, and the server process behind it
// when its CPU time is to be measured (0 when not).
type Target struct {
	Name, URL string
	PID       int
}

// Targets is a repeatable -target name=URL flag; URLs must be on loopback.
type Targets []Target

func (t *Targets) String() string { return fmt.Sprint(*t) }

// Set adds one name=URL target.
func (t *Targets) Set(s string) error {
	name, u, ok := strings.Cut(s, "=")
	if !ok || name == "" {
		return errors.New("want name=URL")
	}
	pu, err := url.Parse(u)
	if err != nil {
		return err
	}
	// Load goes to this machine only.
	if host := pu.Hostname(); host != "127.0.0.1" && host != "localhost" && host != "::1" {
		return fmt.Errorf("target %s is not on loopback", u)
	}
	*t = append(*t, Target{Name: name, URL: u})
	return nil
}

// PIDs is a repeatable -pid name=PID flag naming the server process of a
// target given before it.
type PIDs struct{ Targets *Targets }

func (p PIDs) String() string { return "" }

// Set records the process of the named target.
func (p PIDs) Set(s string) error {
	name, v, ok := strings.Cut(s, "=")
	pid, err := strconv.Atoi(v)
	if !ok || err != nil || pid <= 0 {
		return errors.New("want name=PID")
	}
	for i := range *p.Targets {
		if t := &(*p.Targets)[i]; t.Name == name {
			t.PID = pid
			return nil
		}
	}
	return fmt.Errorf("no target %q before -pid", name)
}

// Command is one kind of request in the mix, named as an author types it.
type Command struct{ Name, Text string }

// Refused reports whether an answer is the bot's request to slow down:
// an author sending commands faster than the bot's limits allows gets
// that instead of an answer, and a load made of those would measure the
// limiter rather than the commands. Users are many enough that none of
// them reaches the limits (2 commands a second after a burst of 20).
func Refused(answer []byte) bool {
	return bytes.Contains(answer, []byte("going fast"))
}

// ReadAnswer reads an answer's body whole, into a buffer that serves
// again once done is called. The generator shares the machine with the
// servers, so what it spends is taken from them: io.ReadAll grew a new
// buffer for every answer by doubling, which cost the generator 2 µs more
// for a 2.6 KiB answer than for a fixed "ok" and gave the collector the
// rest (bench-slack's profile of the generator).
func ReadAnswer(body io.Reader) (answer []byte, done func(), err error) {
	buf := answers.Get().(*bytes.Buffer)
	buf.Reset()
	_, err = buf.ReadFrom(body)
	return buf.Bytes(), func() { answers.Put(buf) }, err
}

// answers holds the buffers ReadAnswer reads into.
var answers = sync.Pool{New: func() any { return bytes.NewBuffer(make([]byte, 0, 8<<10)) }}

// Send sends one command from user (0 to Users-1) to the URL and returns
// an error unless it was answered as it should be.
type Send func(ctx context.Context, url string, c Command, user int) error

// Config is one load run.
type Config struct {
	Targets Targets
	// Setup is sent once by every user to every target before the
	// warm-up (an order to list, say); empty for none.
	Setup  []Command
	Mix    []Command
	Send   Send
	N      int           // requests per target and round
	Conc   int           // requests in flight
	Limit  time.Duration // longest round per target
	Warmup int           // requests per target before measuring
	Users  int
	Rounds int
}

// result is what one target's round measured.
type result struct {
	name     string
	requests int
	errors   int
	elapsed  time.Duration
	byCmd    map[string][]time.Duration
	all      []time.Duration
}

func (r result) rate() float64 { return float64(r.requests) / r.elapsed.Seconds() }

// Run sets up every target, warms it up, measures cfg.Rounds rounds of
// every target back to back (so a round's ratio compares them under the
// same conditions on the machine), and writes the report to out. Its last
// line is "share of NAME: NN%" for the second target (the median of the
// rounds' ratios of its throughput to the first's). It returns an error
// when a request failed.
func Run(ctx context.Context, cfg Config, out io.Writer) error {
	ts := cfg.Targets
	for _, t := range ts {
		for _, c := range cfg.Setup {
			for u := range cfg.Users {
				if err := cfg.Send(ctx, t.URL, c, u); err != nil {
					return fmt.Errorf("%s: %w", t.Name, err)
				}
			}
		}
		drive(ctx, cfg, t, cfg.Warmup)
	}
	runs := make([][]result, len(ts))
	loadCPU := make([]time.Duration, len(ts))
	serverCPU := make([]time.Duration, len(ts))
	measured := make([]int, len(ts))
	for range cfg.Rounds {
		for i, t := range ts {
			c0, s0 := cpuTime(), processCPU(t.PID)
			r := drive(ctx, cfg, t, cfg.N)
			loadCPU[i] += cpuTime() - c0
			serverCPU[i] += processCPU(t.PID) - s0
			measured[i] += r.requests + r.errors
			runs[i] = append(runs[i], r)
		}
	}
	shares, err := report(out, runs, cfg)
	perRequest := func(what string, cpu []time.Duration) {
		fmt.Fprint(out, what+" CPU per request:")
		for i, t := range ts {
			sep := ","
			if i == 0 {
				sep = ""
			}
			fmt.Fprintf(out, "%s %s %.0fµs", sep, t.Name, float64(cpu[i].Microseconds())/float64(max(1, measured[i])))
		}
		fmt.Fprintln(out)
	}
	perRequest("load generator", loadCPU)
	if slices.ContainsFunc(ts, func(t Target) bool { return t.PID != 0 }) {
		// The servers share the machine with the generator: this is the
		// cost that throughput alone hides.
		perRequest("server", serverCPU)
	}
	if len(shares) > 0 {
		fmt.Fprintf(out, "share of %s: %.0f%%\n", ts[0].Name, shares[0])
	}
	return err
}

// drive sends up to n requests, cfg.Conc at a time, for at most
// cfg.Limit, and measures each.
func drive(ctx context.Context, cfg Config, t Target, n int) result {
	ctx, cancel := context.WithTimeout(ctx, cfg.Limit)
	defer cancel()
	res := result{name: t.Name, byCmd: map[string][]time.Duration{}}
	var mu sync.Mutex
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range cfg.Conc {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n || ctx.Err() != nil {
					return
				}
				c := cfg.Mix[i%len(cfg.Mix)]
				t0 := time.Now()
				err := cfg.Send(ctx, t.URL, c, i%cfg.Users)
				d := time.Since(t0)
				mu.Lock()
				if err != nil {
					if ctx.Err() == nil {
						res.errors++
						if res.errors <= 3 {
							fmt.Fprintf(os.Stderr, "%s: %v\n", t.Name, err)
						}
					}
				} else {
					res.requests++
					res.all = append(res.all, d)
					res.byCmd[c.Name] = append(res.byCmd[c.Name], d)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	return res
}

// report prints, for each target, its round of median throughput, then
// each target's throughput as a share of the first's: the median of the
// rounds' ratios, with their range. It returns those medians.
func report(out io.Writer, runs [][]result, cfg Config) ([]float64, error) {
	rs := make([]result, len(runs))
	for i, rounds := range runs {
		sorted := slices.SortedFunc(slices.Values(rounds), func(a, b result) int { return cmp.Compare(a.rate(), b.rate()) })
		rs[i] = sorted[len(sorted)/2]
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "target\tcommand\trequests\terrors\tseconds\treq/s\tp50\tp99\t\n")
	for _, r := range rs {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.2f\t%.0f\t%s\t%s\t\n", r.name, "all", r.requests, r.errors,
			r.elapsed.Seconds(), r.rate(), quantile(r.all, 0.50), quantile(r.all, 0.99))
		for _, c := range cfg.Mix {
			ds := r.byCmd[c.Name]
			fmt.Fprintf(tw, "%s\t%s\t%d\t\t\t\t%s\t%s\t\n", r.name, c.Name+" "+c.Text, len(ds), quantile(ds, 0.50), quantile(ds, 0.99))
		}
	}
	if err := tw.Flush(); err != nil {
		return nil, err
	}
	fmt.Fprintf(out, "(%d requests in flight; each target's round of median throughput, of %d)\n", cfg.Conc, len(runs[0]))
	var shares []float64
	for i := 1; i < len(runs); i++ {
		ratios := make([]float64, len(runs[i]))
		for k := range runs[i] {
			ratios[k] = 100 * runs[i][k].rate() / runs[0][k].rate()
		}
		slices.Sort(ratios)
		med := ratios[len(ratios)/2]
		shares = append(shares, med)
		fmt.Fprintf(out, "%s throughput is %.0f%% of %s's (median of %d rounds; %.0f%% to %.0f%%)\n",
			rs[i].name, med, rs[0].name, len(ratios), ratios[0], ratios[len(ratios)-1])
	}
	for _, rounds := range runs {
		failed := 0
		for _, r := range rounds {
			failed += r.errors
		}
		if failed > 0 {
			return shares, fmt.Errorf("%s: %d requests failed", rounds[0].name, failed)
		}
	}
	return shares, nil
}

// processCPU is the user and system CPU time process pid has used so far,
// from /proc (in clock ticks of 1/100 s, Linux's USER_HZ); 0 for pid 0 or
// when it cannot be read.
func processCPU(pid int) time.Duration {
	if pid == 0 {
		return 0
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	// The command name, field 2, is in parentheses and may hold spaces
	// and parentheses; utime and stime are fields 14 and 15.
	end := bytes.LastIndexByte(b, ')')
	f := strings.Fields(string(b[end+1:]))
	if end < 0 || len(f) < 13 {
		return 0
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0
	}
	return time.Duration(utime+stime) * 10 * time.Millisecond
}

// cpuTime is the user and system CPU time this process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// quantile returns the q-quantile of ds, rounded for reading.
func quantile(ds []time.Duration, q float64) string {
	if len(ds) == 0 {
		return "-"
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	d := s[min(len(s)-1, int(q*float64(len(s))))]
	return d.Round(time.Microsecond).String()
}

// Serve serves h on a free loopback port until ctx is done, after
// printing its address on out (the baseline servers of the scripts).
func Serve(ctx context.Context, h http.Handler, out io.Writer) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	fmt.Fprintln(out, ln.Addr().String())
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Flags registers on fs the flags every load run shares, which fill cfg
// once fs is parsed; endpoint and users name the platform's in the help
// ("/slack/commands", "Slack users").
func Flags(fs *flag.FlagSet, cfg *Config, endpoint, users string) {
	fs.Var(&cfg.Targets, "target", "name=URL of a "+endpoint+" endpoint on loopback (repeat)")
	fs.Var(PIDs{Targets: &cfg.Targets}, "pid", "name=PID of a target's server, to measure its CPU time (repeat)")
	fs.IntVar(&cfg.N, "n", 6000, "requests per target")
	fs.IntVar(&cfg.Conc, "c", 16, "requests in flight")
	fs.DurationVar(&cfg.Limit, "duration", 30*time.Second, "longest run per target")
	fs.IntVar(&cfg.Warmup, "warmup", 300, "requests per target before measuring")
	fs.IntVar(&cfg.Users, "users", 5000, "distinct "+users)
	fs.IntVar(&cfg.Rounds, "rounds", 7, "measured runs per target, alternating targets; medians are reported")
}
