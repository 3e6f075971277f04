// Command benchslack load-tests Slack slash commands on loopback. It is
// run by scripts/bench-slack, which starts the servers it measures.
//
//	benchslack baseline -secret S
//	    serves POST /slack/commands on 127.0.0.1 with a handler that only
//	    verifies the signature and returns a fixed reply; prints its
//	    address on the first line of standard output.
//	benchslack load -secret S -target name=URL [-target name=URL …]
//	    drives signed slash commands (/ask my cart is empty, /order list)
//	    at each target in turn, for a bounded count and time, and prints
//	    throughput and p50/p99 latency per target, each target's
//	    throughput as a share of the first's, and the generator's own CPU
//	    time per request of each target (it shares the machine with the
//	    servers, so what it spends is not theirs to use).
//
// Requests are signed exactly as Slack signs them (v0:timestamp:body,
// HMAC-SHA256 with the signing secret), each with a fresh trigger_id, so
// no two are the same delivery.
package main

import (
	"bytes"
	"cmp"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"text/tabwriter"
	"time"

	slackapi "github.com/slack-go/slack"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchslack:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, out io.Writer) error {
	if len(args) == 0 {
		return errors.New("usage: benchslack baseline|load [flags]")
	}
	switch args[0] {
	case "baseline":
		return runBaseline(ctx, args[1:], out)
	case "load":
		return runLoad(ctx, args[1:], out)
	}
	return fmt.Errorf("unknown mode %q: want baseline or load", args[0])
}

// runBaseline serves the bare minimum a Slack endpoint must do: read the
// body within 64 KiB, verify the signature, answer a fixed reply.
func runBaseline(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("baseline", flag.ContinueOnError)
	secret := fs.String("secret", "", "signing secret")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *secret == "" {
		return errors.New("baseline needs -secret")
	}
	reply := []byte(`{"response_type":"ephemeral","text":"ok"}`)
	mux := http.NewServeMux()
	mux.HandleFunc("POST /slack/commands", func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 64<<10))
		if err != nil {
			http.Error(w, "too large", http.StatusRequestEntityTooLarge)
			return
		}
		sv, err := slackapi.NewSecretsVerifier(r.Header, *secret)
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		sv.Write(body)
		if sv.Ensure() != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(reply)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	fmt.Fprintln(out, ln.Addr().String())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// target is one endpoint to measure.
type target struct{ name, url string }

type targets []target

func (t *targets) String() string { return fmt.Sprint(*t) }

func (t *targets) Set(s string) error {
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
	*t = append(*t, target{name, u})
	return nil
}

// command is one kind of request in the mix.
type command struct{ name, text string }

var mix = []command{{"/ask", "my cart is empty"}, {"/order", "list"}}

// result is what one target's run measured.
type result struct {
	name     string
	requests int
	errors   int
	elapsed  time.Duration
	byCmd    map[string][]time.Duration
	all      []time.Duration
}

func (r result) rate() float64 { return float64(r.requests) / r.elapsed.Seconds() }

func runLoad(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	secret := fs.String("secret", "", "signing secret")
	var ts targets
	fs.Var(&ts, "target", "name=URL of a /slack/commands endpoint on loopback (repeat)")
	n := fs.Int("n", 6000, "requests per target")
	conc := fs.Int("c", 16, "requests in flight")
	limit := fs.Duration("duration", 30*time.Second, "longest run per target")
	warm := fs.Int("warmup", 300, "requests per target before measuring")
	users := fs.Int("users", 50, "distinct Slack users")
	rounds := fs.Int("rounds", 7, "measured runs per target, alternating targets; medians are reported")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *secret == "" || len(ts) == 0 {
		return errors.New("load needs -secret and at least one -target")
	}
	client := &http.Client{
		Timeout:   10 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: *conc, MaxConnsPerHost: *conc},
	}
	g := &generator{client: client, secret: *secret, users: *users}
	sent := make([]int, len(ts))
	for i, t := range ts {
		// Every user records an order first, so /order list has rows to show.
		for u := range *users {
			if err := g.send(ctx, t.url, command{"/order", "add 25 amazon.com The Long Road"}, u); err != nil {
				return fmt.Errorf("%s: %w", t.name, err)
			}
		}
		w := g.drive(ctx, t, *warm, *conc, *limit)
		sent[i] += *users + w.requests + w.errors
	}
	// runs[i][k] is target i's result in round k. The targets of a round
	// run back to back, so a round's ratio compares them under the same
	// conditions on the machine.
	runs := make([][]result, len(ts))
	loadCPU := make([]time.Duration, len(ts))
	measured := make([]int, len(ts))
	for range *rounds {
		for i, t := range ts {
			c0 := cpuTime()
			r := g.drive(ctx, t, *n, *conc, *limit)
			loadCPU[i] += cpuTime() - c0
			measured[i] += r.requests + r.errors
			sent[i] += r.requests + r.errors
			runs[i] = append(runs[i], r)
		}
	}
	err := report(out, runs, *conc)
	fmt.Fprint(out, "load generator CPU per request:")
	for i, t := range ts {
		sep := ","
		if i == 0 {
			sep = ""
		}
		fmt.Fprintf(out, "%s %s %.0fµs", sep, t.name, float64(loadCPU[i].Microseconds())/float64(max(1, measured[i])))
	}
	fmt.Fprintln(out)
	// For scripts that relate the servers' CPU time to the work done.
	for i, t := range ts {
		fmt.Fprintf(out, "sent %s %d\n", t.name, sent[i])
	}
	return err
}

type generator struct {
	client *http.Client
	secret string
	users  int
	seq    atomic.Int64
}

// send posts one signed slash command and checks that it was answered.
func (g *generator) send(ctx context.Context, u string, c command, user int) error {
	seq := g.seq.Add(1)
	body := url.Values{
		"token":        {"unused"},
		"team_id":      {"TBENCH"},
		"team_domain":  {"bench"},
		"channel_id":   {"CBENCH"},
		"channel_name": {"bench"},
		"user_id":      {"U" + strconv.Itoa(user)},
		"user_name":    {"author" + strconv.Itoa(user)},
		"command":      {c.name},
		"text":         {c.text},
		"response_url": {""},
		"trigger_id":   {strconv.FormatInt(seq, 10) + "." + strconv.FormatInt(time.Now().UnixNano(), 10)},
		"api_app_id":   {"ABENCH"},
	}.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, strings.NewReader(body))
	if err != nil {
		return err
	}
	stamp := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(g.secret))
	io.WriteString(mac, "v0:"+stamp+":"+body)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", stamp)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	resp, err := g.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK || !bytes.Contains(b, []byte(`"text"`)) {
		return fmt.Errorf("%s %s: status %d, body %.120q", c.name, c.text, resp.StatusCode, b)
	}
	return nil
}

// drive sends up to n requests, conc at a time, for at most limit, and
// measures each.
func (g *generator) drive(ctx context.Context, t target, n, conc int, limit time.Duration) result {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	res := result{name: t.name, byCmd: map[string][]time.Duration{}}
	var mu sync.Mutex
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range conc {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n || ctx.Err() != nil {
					return
				}
				c := mix[i%len(mix)]
				t0 := time.Now()
				err := g.send(ctx, t.url, c, i%g.users)
				d := time.Since(t0)
				mu.Lock()
				if err != nil {
					if ctx.Err() == nil {
						res.errors++
						if res.errors <= 3 {
							fmt.Fprintf(os.Stderr, "%s: %v\n", t.name, err)
						}
					}
				} else {
					res.requests++
					res.all = append(res.all, d)
					res.byCmd[c.name] = append(res.byCmd[c.name], d)
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
// rounds' ratios, with their range.
func report(out io.Writer, runs [][]result, conc int) error {
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
		for _, c := range mix {
			ds := r.byCmd[c.name]
			fmt.Fprintf(tw, "%s\t%s\t%d\t\t\t\t%s\t%s\t\n", r.name, c.name+" "+c.text, len(ds), quantile(ds, 0.50), quantile(ds, 0.99))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(out, "(%d requests in flight; each target's round of median throughput, of %d)\n", conc, len(runs[0]))
	for i := 1; i < len(runs); i++ {
		ratios := make([]float64, len(runs[i]))
		for k := range runs[i] {
			ratios[k] = 100 * runs[i][k].rate() / runs[0][k].rate()
		}
		slices.Sort(ratios)
		fmt.Fprintf(out, "%s throughput is %.0f%% of %s's (median of %d rounds; %.0f%% to %.0f%%)\n",
			rs[i].name, ratios[len(ratios)/2], rs[0].name, len(ratios), ratios[0], ratios[len(ratios)-1])
	}
	for _, rounds := range runs {
		failed := 0
		for _, r := range rounds {
			failed += r.errors
		}
		if failed > 0 {
			return fmt.Errorf("%s: %d requests failed", rounds[0].name, failed)
		}
	}
	return nil
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
