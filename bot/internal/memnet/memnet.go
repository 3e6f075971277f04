// Package memnet is a network in memory, for the adapters' tests: a
// listener, and connections dialled to it that are buffered pipes inside
// the test process, with deadlines kept on the time package's clock.
//
// It exists for testing/synctest. A goroutine waiting on a loopback
// socket can be woken from outside its bubble, so the bubble's clock
// stops while one waits, and a test that waits out a timeout over a real
// socket pays for it in real time. A goroutine waiting on a memnet
// connection is durably blocked instead (it waits on a sync.Cond), so the
// fake clock moves past budgets, deadlines and backoffs at once. Outside
// a bubble the same connections run on the real clock.
package memnet

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"time"
)

// Listener is a net.Listener whose connections are made by its own
// DialContext.
type Listener struct {
	addr  addr
	conns chan net.Conn
	done  chan struct{}
	once  sync.Once
}

// Listen returns a listener that reports address (a "host:port") as its
// own.
func Listen(address string) *Listener {
	return &Listener{addr: addr(address), conns: make(chan net.Conn), done: make(chan struct{})}
}

// Accept waits for the next connection dialled to l.
func (l *Listener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

// Close stops l accepting; connections already made stay open.
func (l *Listener) Close() error {
	l.once.Do(func() { close(l.done) })
	return nil
}

// Addr is the address given to Listen.
func (l *Listener) Addr() net.Addr { return l.addr }

// DialContext connects to l, whatever network and address it is asked
// for; it has the signature of net.Dialer.DialContext, to be an
// http.Transport's or a websocket.Dialer's.
func (l *Listener) DialContext(ctx context.Context, _, _ string) (net.Conn, error) {
	client, server := Pipe(addr("client"), l.addr)
	select {
	case l.conns <- server:
		return client, nil
	case <-l.done:
		return nil, errors.New("memnet: connection refused")
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Transport is an HTTP transport whose every connection, whatever host a
// request names, is dialled to l.
func (l *Listener) Transport() *http.Transport {
	return &http.Transport{DialContext: l.DialContext}
}

// NewServer starts an httptest.Server for h on a new listener at address,
// and returns it with the listener, whose Transport and DialContext reach
// it. The caller closes the server, and with it every connection it
// accepted.
func NewServer(address string, h http.Handler) (*httptest.Server, *Listener) {
	l := Listen(address)
	srv := &httptest.Server{Listener: l, Config: &http.Server{Handler: h}}
	srv.Start()
	return srv, l
}

// Pipe returns the two ends of a connection. What one end writes, the
// other reads, in order; a write never blocks (the pipe buffers it all),
// and a read waits for data, for the other end to close, or for its
// deadline.
func Pipe(a, b net.Addr) (net.Conn, net.Conn) {
	ab, ba := newBuffer(), newBuffer()
	return &conn{local: a, remote: b, r: ba, w: ab}, &conn{local: b, remote: a, r: ab, w: ba}
}

type addr string

func (addr) Network() string  { return "memnet" }
func (a addr) String() string { return string(a) }

// conn is one end of a pipe: it reads r and writes w, which the other end
// reads.
type conn struct {
	local, remote net.Addr
	r, w          *buffer

	mu            sync.Mutex
	writeDeadline time.Time
}

func (c *conn) Read(p []byte) (int, error) { return c.r.read(p) }

func (c *conn) Write(p []byte) (int, error) {
	c.mu.Lock()
	d := c.writeDeadline
	c.mu.Unlock()
	if !d.IsZero() && !time.Now().Before(d) {
		return 0, os.ErrDeadlineExceeded
	}
	return c.w.write(p)
}

// Close ends both directions: reads here fail, the other end reads what
// was written and then io.EOF, and its writes fail.
func (c *conn) Close() error {
	c.r.closeRead()
	c.w.closeWrite()
	return nil
}

func (c *conn) LocalAddr() net.Addr  { return c.local }
func (c *conn) RemoteAddr() net.Addr { return c.remote }

func (c *conn) SetDeadline(t time.Time) error {
	c.SetReadDeadline(t)
	return c.SetWriteDeadline(t)
}

func (c *conn) SetReadDeadline(t time.Time) error {
	c.r.setDeadline(t)
	return nil
}

func (c *conn) SetWriteDeadline(t time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.writeDeadline = t
	return nil
}

// buffer is one direction of a pipe.
type buffer struct {
	mu       sync.Mutex
	cond     sync.Cond // signalled on every change below
	data     []byte
	eof      bool // the writing end closed: read what is left, then io.EOF
	closed   bool // the reading end closed: nothing more is read or written
	deadline time.Time
	timer    *time.Timer
}

func newBuffer() *buffer {
	b := &buffer{}
	b.cond.L = &b.mu
	return b
}

func (b *buffer) read(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for {
		switch {
		case b.closed:
			return 0, net.ErrClosed
		case len(b.data) > 0:
			n := copy(p, b.data)
			b.data = b.data[n:]
			if len(b.data) == 0 {
				b.data = nil
			}
			return n, nil
		case b.eof:
			return 0, io.EOF
		case !b.deadline.IsZero() && !time.Now().Before(b.deadline):
			return 0, os.ErrDeadlineExceeded
		}
		b.cond.Wait()
	}
}

func (b *buffer) write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed || b.eof {
		return 0, io.ErrClosedPipe
	}
	b.data = append(b.data, p...)
	b.cond.Broadcast()
	return len(p), nil
}

func (b *buffer) closeRead() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	b.stopTimer()
	b.cond.Broadcast()
}

func (b *buffer) closeWrite() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.eof = true
	b.cond.Broadcast()
}

// setDeadline wakes a waiting read now, to see the new deadline, and
// again when it passes.
func (b *buffer) setDeadline(t time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.deadline = t
	b.stopTimer()
	if !t.IsZero() && !b.closed {
		b.timer = time.AfterFunc(time.Until(t), func() {
			b.mu.Lock()
			defer b.mu.Unlock()
			b.cond.Broadcast()
		})
	}
	b.cond.Broadcast()
}

func (b *buffer) stopTimer() {
	if b.timer != nil {
		b.timer.Stop()
		b.timer = nil
	}
}
