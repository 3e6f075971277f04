package memnet

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"testing"
	"testing/synctest"
	"time"
)

func TestPipe(t *testing.T) {
	a, b := Pipe(addr("a"), addr("b"))
	if _, err := a.Write([]byte("hello, ")); err != nil {
		t.Fatal(err)
	}
	a.Write([]byte("world"))
	a.Close()
	got, err := io.ReadAll(b)
	if err != nil || string(got) != "hello, world" {
		t.Errorf("read %q, %v; want what was written, then EOF", got, err)
	}
	if _, err := b.Write([]byte("x")); err == nil {
		t.Error("a write to a closed end succeeded")
	}
	b.Close()
	if _, err := b.Read(make([]byte, 1)); !errors.Is(err, net.ErrClosed) {
		t.Errorf("read after Close = %v, want net.ErrClosed", err)
	}
}

// TestDeadlineInBubble: a read deadline passes on the bubble's clock,
// without the test waiting for it.
func TestDeadlineInBubble(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		a, b := Pipe(addr("a"), addr("b"))
		defer a.Close()
		defer b.Close()
		start := time.Now()
		b.SetReadDeadline(start.Add(time.Hour))
		_, err := b.Read(make([]byte, 1))
		var ne net.Error
		if !errors.Is(err, os.ErrDeadlineExceeded) || !errors.As(err, &ne) || !ne.Timeout() {
			t.Errorf("read = %v, want a timeout", err)
		}
		if waited := time.Since(start); waited != time.Hour {
			t.Errorf("the read waited %v, want the hour of its deadline", waited)
		}
		b.SetReadDeadline(time.Time{})
		a.Write([]byte("x"))
		if n, err := b.Read(make([]byte, 1)); n != 1 || err != nil {
			t.Errorf("read after clearing the deadline = %d, %v", n, err)
		}
	})
}

// TestHTTPInBubble: an HTTP server on a memnet listener answers a client
// inside a bubble, and a client timeout passes on the bubble's clock.
func TestHTTPInBubble(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		release := make(chan struct{})
		srv, l := NewServer("fake.test:80", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/slow" {
				<-release
			}
			io.WriteString(w, "ok")
		}))
		defer srv.Close()
		defer close(release) // before Close, which waits for the handler
		tr := l.Transport()
		client := &http.Client{Transport: tr, Timeout: time.Minute}
		defer tr.CloseIdleConnections()

		resp, err := client.Get(srv.URL + "/")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if string(body) != "ok" {
			t.Errorf("body %q", body)
		}
		start := time.Now()
		if _, err := client.Get(srv.URL + "/slow"); err == nil {
			t.Error("a handler that never answers did not time out")
		}
		if waited := time.Since(start); waited != time.Minute {
			t.Errorf("the client waited %v, want its timeout", waited)
		}
		closed := Listen("closed.test:80")
		closed.Close()
		if _, err := closed.DialContext(context.Background(), "tcp", "closed.test:80"); err == nil {
			t.Error("a closed listener accepted a connection")
		}
	})
}
