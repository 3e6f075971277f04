// Command benchreplicas runs authorbot as replicas sharing one PostgreSQL
// database, for scripts/bench-replicas to measure:
//
//	benchreplicas -bin ./authorbot -secret S [-replicas 3]
//
// It starts a throwaway PostgreSQL server (as the tests do, see
// internal/pgtest, or the one AUTHORBOT_TEST_POSTGRES names), the
// replicas on free loopback ports, and two round-robin proxies on
// loopback: one in front of the first replica alone, one in front of all
// of them, so that both loads pay for the same hop. It prints
// "one=URL" and "all=URL" (their /slack/commands endpoints) and the
// replicas' process ids, then runs until SIGINT or SIGTERM and stops
// everything it started.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/authorbot/authorbot/internal/pgtest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchreplicas:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("benchreplicas", flag.ContinueOnError)
	bin := fs.String("bin", "", "the authorbot binary")
	secret := fs.String("secret", "", "Slack signing secret")
	n := fs.Int("replicas", 3, "replicas behind the second proxy")
	logDir := fs.String("logs", os.TempDir(), "directory for the replicas' logs")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *bin == "" || *secret == "" || *n < 1 {
		return errors.New("benchreplicas needs -bin, -secret and -replicas of 1 or more")
	}
	pg, err := pgtest.Start(ctx)
	if err != nil {
		return err
	}
	defer pg.Stop()
	dbURL, err := pg.NewDatabase(ctx)
	if err != nil {
		return err
	}
	var addrs []string
	for i := range *n {
		addr, err := freeAddr()
		if err != nil {
			return err
		}
		logFile, err := os.Create(fmt.Sprintf("%s/replica-%d.log", *logDir, i))
		if err != nil {
			return err
		}
		defer logFile.Close()
		cmd := exec.Command(*bin, "serve")
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.TempDir(),
			"AUTHORBOT_DB=" + dbURL, "AUTHORBOT_HTTP_ADDR=" + addr,
			"AUTHORBOT_SLACK_SIGNING_SECRET=" + *secret}
		cmd.Stdout, cmd.Stderr = logFile, logFile
		if err := cmd.Start(); err != nil {
			return err
		}
		defer func() {
			cmd.Process.Signal(syscall.SIGTERM)
			cmd.Wait()
		}()
		if err := waitHealthy(ctx, addr); err != nil {
			return fmt.Errorf("replica %d: %w (see %s)", i, err, logFile.Name())
		}
		addrs = append(addrs, addr)
		fmt.Fprintf(out, "pid%d=%d\n", i, cmd.Process.Pid)
	}
	one, err := proxy(ctx, addrs[:1])
	if err != nil {
		return err
	}
	all, err := proxy(ctx, addrs)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "one=http://%s/slack/commands\nall=http://%s/slack/commands\n", one, all)
	<-ctx.Done()
	return nil
}

// proxy serves a round-robin reverse proxy to addrs on a free loopback
// port until ctx ends, and returns its address.
func proxy(ctx context.Context, addrs []string) (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	var next atomic.Uint64
	targets := make([]*url.URL, len(addrs))
	for i, a := range addrs {
		targets[i] = &url.URL{Scheme: "http", Host: a}
	}
	rp := &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) {
			r.SetURL(targets[next.Add(1)%uint64(len(targets))])
		},
		Transport: &http.Transport{MaxIdleConnsPerHost: 64},
	}
	srv := &http.Server{Handler: rp, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	return ln.Addr().String(), nil
}

func waitHealthy(ctx context.Context, addr string) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	for {
		resp, err := http.Get("http://" + addr + "/healthz")
		if err == nil {
			resp.Body.Close()
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("not healthy: %w", err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}
