// Command benchslack load-tests Slack slash commands on loopback. It is
// run by scripts/bench-slack, which starts the servers it measures.
//
//	benchslack baseline -secret S
//	    serves POST /slack/commands on 127.0.0.1 with a handler that only
//	    verifies the signature and returns a fixed reply; prints its
//	    address on the first line of standard output.
//	benchslack load -secret S -target name=URL [-pid name=PID] [-target …]
//	    drives signed slash commands (/ask my cart is empty, /order list)
//	    at each target in turn, for a bounded count and time, and prints
//	    throughput and p50/p99 latency per target, each target's
//	    throughput as a share of the first's, and the generator's own CPU
//	    time per request of each target (it shares the machine with the
//	    servers, so what it spends is not theirs to use), and with -pid
//	    the server's, over the measured rounds.
//
// Either mode takes -cpuprofile FILE, to write a CPU profile of its run
// (the baseline's, until it is stopped).
//
// Requests are signed exactly as Slack signs them (v0:timestamp:body,
// HMAC-SHA256 with the signing secret), each with a fresh trigger_id, so
// no two are the same delivery.
//
// They come from 5,000 authors by default, each of whom sends a few a
// round, within the bot's limits (2 commands a second after a burst of
// 20): the load measures the commands, not the bot asking an author to
// slow down. An answer that does ask fails the run.
package main

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	slackapi "github.com/slack-go/slack"

	"github.com/authorbot/authorbot/scripts/internal/loadtest"
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
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file")
	secret := fs.String("secret", "", "signing secret")
	if err := fs.Parse(args); err != nil {
		return err
	}
	stop, err := profile(*cpuprofile)
	if err != nil {
		return err
	}
	defer stop()
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
	return loadtest.Serve(ctx, mux, out)
}

func runLoad(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file")
	secret := fs.String("secret", "", "signing secret")
	var cfg loadtest.Config
	loadtest.Flags(fs, &cfg, "/slack/commands", "Slack users")
	if err := fs.Parse(args); err != nil {
		return err
	}
	stop, err := profile(*cpuprofile)
	if err != nil {
		return err
	}
	defer stop()
	if *secret == "" || len(cfg.Targets) == 0 {
		return errors.New("load needs -secret and at least one -target")
	}
	g := &generator{
		client: &http.Client{
			Timeout:   10 * time.Second,
			Transport: &http.Transport{MaxIdleConnsPerHost: cfg.Conc, MaxConnsPerHost: cfg.Conc},
		},
		secret: *secret,
	}
	// Every user records an order first, so /order list has rows to show.
	cfg.Setup = []loadtest.Command{{Name: "/order", Text: "add 25 amazon.com The Long Road"}}
	cfg.Mix = []loadtest.Command{{Name: "/ask", Text: "my cart is empty"}, {Name: "/order", Text: "list"}}
	cfg.Send = g.send
	return loadtest.Run(ctx, cfg, out)
}

type generator struct {
	client *http.Client
	secret string
	seq    atomic.Int64
}

// send posts one signed slash command and checks that it was answered.
func (g *generator) send(ctx context.Context, u string, c loadtest.Command, user int) error {
	seq := g.seq.Add(1)
	body := url.Values{
		"token":        {"unused"},
		"team_id":      {"TBENCH"},
		"team_domain":  {"bench"},
		"channel_id":   {"CBENCH"},
		"channel_name": {"bench"},
		"user_id":      {"U" + strconv.Itoa(user)},
		"user_name":    {"author" + strconv.Itoa(user)},
		"command":      {c.Name},
		"text":         {c.Text},
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
	b, done, err := loadtest.ReadAnswer(resp.Body)
	defer done()
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK || !bytes.Contains(b, []byte(`"text"`)) {
		return fmt.Errorf("%s %s: status %d, body %.120q", c.Name, c.Text, resp.StatusCode, b)
	}
	if loadtest.Refused(b) {
		return fmt.Errorf("%s %s: refused as going too fast: use more -users", c.Name, c.Text)
	}
	return nil
}

// profile starts a CPU profile into path, when path is set, and returns
// what stops it.
func profile(path string) (func(), error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
