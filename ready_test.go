package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/authorbot/authorbot/bot"
)

// fakeDB is a database check that counts its calls and fails while err
// is set.
type fakeDB struct {
	calls atomic.Int64
	mu    sync.Mutex
	err   error
}

func (f *fakeDB) check(ctx context.Context) error {
	f.calls.Add(1)
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return f.err
	}
	return ctx.Err()
}

func (f *fakeDB) fail(err error) {
	f.mu.Lock()
	f.err = err
	f.mu.Unlock()
}

// fakeHealth is a platform connection that is down while err is set.
type fakeHealth struct{ err atomic.Pointer[error] }

func (f *fakeHealth) Healthy() error {
	if e := f.err.Load(); e != nil {
		return *e
	}
	return nil
}

func (f *fakeHealth) down(err error) { f.err.Store(&err) }
func (f *fakeHealth) up()            { f.err.Store(nil) }

// probe asks h for /readyz.
func probe(h http.Handler) (int, string) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
	return rec.Code, rec.Body.String()
}

// TestReadyzReasons checks each way of being not ready: the database, a
// platform's connection, both; and that the reasons carry no error text.
func TestReadyzReasons(t *testing.T) {
	const secret = "wss://wss.slack.example/link/?ticket=0123456789 xoxb-17"
	tests := []struct {
		name            string
		dbErr, slackErr error
		status          int
		body            string
	}{
		{"all up", nil, nil, http.StatusOK, "ready\n"},
		{"database", errors.New("attempt to write a readonly database " + secret), nil, http.StatusServiceUnavailable, "not ready: database cannot be written\n"},
		{"socket", nil, errors.New("socket closed " + secret), http.StatusServiceUnavailable, "not ready: slack connection down\n"},
		{"both", errors.New("disk I/O error"), errors.New("reconnecting"), http.StatusServiceUnavailable, "not ready: database cannot be written, slack connection down\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := &fakeDB{err: tt.dbErr}
			slack, discord := &fakeHealth{}, &fakeHealth{}
			if tt.slackErr != nil {
				slack.down(tt.slackErr)
			}
			h := newReadiness(db.check, []platform{
				{name: bot.Slack, health: slack},
				{name: bot.Discord, health: discord},
				{name: "http-only"}, // no connection of its own: always counts as up
			}, slog.New(slog.DiscardHandler))
			status, body := probe(h)
			if status != tt.status || body != tt.body {
				t.Errorf("/readyz = %d %q, want %d %q", status, body, tt.status, tt.body)
			}
			if strings.Contains(body, "ticket") || strings.Contains(body, "xoxb") {
				t.Errorf("the body repeats an error's text: %q", body)
			}
		})
	}
}

// TestReadyzFollowsPlatform checks that readiness follows a connection
// down and up again at once (it is not cached), logging each change once.
func TestReadyzFollowsPlatform(t *testing.T) {
	var logs lockedBuffer
	gw := &fakeHealth{}
	h := newReadiness((&fakeDB{}).check, []platform{{name: bot.Discord, health: gw}}, slog.New(slog.NewTextHandler(&logs, nil)))
	if status, _ := probe(h); status != http.StatusOK {
		t.Fatalf("gateway up: %d", status)
	}
	gw.down(errors.New("gateway: websocket closed"))
	for range 20 {
		if status, body := probe(h); status != http.StatusServiceUnavailable || body != "not ready: discord connection down\n" {
			t.Fatalf("gateway down: %d %q", status, body)
		}
	}
	gw.up()
	if status, _ := probe(h); status != http.StatusOK {
		t.Errorf("gateway back: %d", status)
	}
	got := logs.String()
	if n := strings.Count(got, "level=WARN"); n != 1 || !strings.Contains(got, `msg="not ready: discord connection down" discord="gateway: websocket closed"`) {
		t.Errorf("%d warnings in the log, want one naming the cause:\n%s", n, got)
	}
	if !strings.Contains(got, `msg="ready again"`) {
		t.Errorf("the return is not logged:\n%s", got)
	}
}

// TestReadyzCachesDatabaseCheck sends a storm of probes, one after the
// other and all at once: the database is asked once per readyCacheFor,
// and a failure is seen again after it.
func TestReadyzCachesDatabaseCheck(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		db := &fakeDB{}
		h := newReadiness(db.check, nil, slog.New(slog.DiscardHandler))
		for range 100 {
			probe(h)
		}
		var wg sync.WaitGroup
		for range 50 {
			wg.Go(func() { probe(h) })
		}
		wg.Wait()
		if n := db.calls.Load(); n != 1 {
			t.Errorf("150 probes within %v made %d database checks, want 1", readyCacheFor, n)
		}

		db.fail(errors.New("attempt to write a readonly database"))
		if status, _ := probe(h); status != http.StatusOK {
			t.Errorf("within %v of a good check: %d, want the cached 200", readyCacheFor, status)
		}
		time.Sleep(readyCacheFor)
		if status, _ := probe(h); status != http.StatusServiceUnavailable {
			t.Errorf("after %v with the database failing: %d, want 503", readyCacheFor, status)
		}
		if n := db.calls.Load(); n != 2 {
			t.Errorf("%d database checks, want 2", n)
		}
	})
}

// TestReadyzIgnoresProbeCancellation checks that a probe that gives up
// does not leave its cancellation cached as the database's answer.
func TestReadyzIgnoresProbeCancellation(t *testing.T) {
	db := &fakeDB{}
	h := newReadiness(db.check, nil, slog.New(slog.DiscardHandler))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if reasons := h.check(ctx); len(reasons) != 0 {
		t.Errorf("a cancelled probe made the server not ready: %v", reasons)
	}
}

// TestServeReadyz starts serve with a database that cannot be written:
// /readyz says so, /healthz still answers.
func TestServeReadyz(t *testing.T) {
	d := slackTestDeps(t)
	db := &fakeDB{err: errors.New("attempt to write a readonly database")}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, d, db.check, ln) }()
	defer func() {
		cancel()
		<-done
	}()
	get := func(path string) (int, string) {
		resp, err := http.Get("http://" + ln.Addr().String() + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if status, body := get("/readyz"); status != http.StatusServiceUnavailable || body != "not ready: database cannot be written\n" {
		t.Errorf("/readyz = %d %q", status, body)
	}
	if status, _ := get("/healthz"); status != http.StatusOK {
		t.Errorf("/healthz = %d", status)
	}
}
