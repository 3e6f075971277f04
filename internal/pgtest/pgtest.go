// Package pgtest gives tests and benchmark scripts a throwaway PostgreSQL
// server: initdb into a temporary directory, postgres on a free port of
// 127.0.0.1, stopped and removed at the end. As root it runs the server as
// the unprivileged user postgres (creating it if missing), as PostgreSQL
// refuses to run as root. When AUTHORBOT_TEST_POSTGRES names a server
// (a postgres:// URL whose user may create databases), that one is used
// instead and nothing is started.
//
// A test package starts one server, on its first test that asks, and
// stops it when the package's tests end:
//
//	var pg pgtest.Once
//
//	func TestMain(m *testing.M) { os.Exit(pg.Run(m)) }
//
//	func TestSomething(t *testing.T) {
//		url := pg.Database(t) // a new, empty database of its own
//		…
//	}
//
// Where neither a server nor PostgreSQL's binaries are found, Database
// skips the test, saying why, and Run prints a banner at the end; under
// CI (CI set, as .ci/run is run), which installs PostgreSQL first, it
// fails the test instead, so that CI never passes without having run
// them.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvURL names an existing server for the tests.
const EnvURL = "AUTHORBOT_TEST_POSTGRES"

// Server is a PostgreSQL server the tests may create databases on.
type Server struct {
	// URL reaches the server's maintenance database as a superuser (or as
	// the user of AUTHORBOT_TEST_POSTGRES).
	URL string

	dir  string // the temporary directory, "" for a server not ours
	cmd  *exec.Cmd
	done chan error // the server's exit
	log  *strings.Builder
}

// Available reports whether Start can run: "" when it can, or why not.
func Available() string {
	if os.Getenv(EnvURL) != "" {
		return ""
	}
	if _, err := binDir(); err != nil {
		return err.Error()
	}
	return ""
}

// Start starts a server of its own, or returns the one AUTHORBOT_TEST_POSTGRES
// names. Stop it with Stop.
func Start(ctx context.Context) (*Server, error) {
	if u := os.Getenv(EnvURL); u != "" {
		s := &Server{URL: u}
		if err := s.ping(ctx, 10*time.Second); err != nil {
			return nil, fmt.Errorf("pgtest: %s: %w", EnvURL, err)
		}
		return s, nil
	}
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	cred, err := credential()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "authorbot-pg-")
	if err != nil {
		return nil, fmt.Errorf("pgtest: %w", err)
	}
	s := &Server{dir: dir, log: &strings.Builder{}}
	if err := s.start(ctx, bin, cred); err != nil {
		s.Stop()
		return nil, err
	}
	return s, nil
}

// start runs initdb, then postgres on a free port.
func (s *Server) start(ctx context.Context, bin string, cred *syscall.Credential) error {
	if cred != nil {
		if err := os.Chown(s.dir, int(cred.Uid), int(cred.Gid)); err != nil {
			return fmt.Errorf("pgtest: %w", err)
		}
	}
	data := filepath.Join(s.dir, "data")
	initdb := exec.CommandContext(ctx, filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres",
		"-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync")
	initdb.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	if out, err := initdb.CombinedOutput(); err != nil {
		return fmt.Errorf("pgtest: initdb: %w\n%s", err, out)
	}
	port, err := freePort()
	if err != nil {
		return err
	}
	// Durability is of no use to a server that is removed at the end, and
	// costs every commit a flush.
	s.cmd = exec.Command(filepath.Join(bin, "postgres"), "-D", data, "-p", strconv.Itoa(port),
		"-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="+s.dir,
		"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
		"-c", "max_connections=200", "-c", "shared_buffers=32MB")
	s.cmd.Stdout, s.cmd.Stderr = s.log, s.log
	// Pdeathsig: a test binary that dies leaves no server behind.
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Pdeathsig: syscall.SIGKILL}
	if err := s.cmd.Start(); err != nil {
		return fmt.Errorf("pgtest: postgres: %w", err)
	}
	s.done = make(chan error, 1)
	go func() { s.done <- s.cmd.Wait() }()
	s.URL = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)
	if err := s.ping(ctx, 30*time.Second); err != nil {
		return fmt.Errorf("pgtest: postgres did not start: %w\n%s", err, s.log.String())
	}
	return nil
}

// ping waits for the server to take connections.
func (s *Server) ping(ctx context.Context, within time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, within)
	defer cancel()
	for {
		conn, err := pgx.Connect(ctx, s.URL)
		if err == nil {
			return conn.Close(ctx)
		}
		select {
		case err := <-s.done:
			return fmt.Errorf("the server exited: %v", err)
		case <-ctx.Done():
			return err
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// Stop stops a server of its own and removes its files; it leaves a
// server that AUTHORBOT_TEST_POSTGRES names alone.
func (s *Server) Stop() error {
	if s.dir == "" {
		return nil
	}
	if s.cmd != nil && s.cmd.Process != nil {
		s.cmd.Process.Signal(syscall.SIGINT) // fast shutdown
		select {
		case <-s.done:
		case <-time.After(10 * time.Second):
			s.cmd.Process.Kill()
			<-s.done
		}
	}
	return os.RemoveAll(s.dir)
}

// NewDatabase creates an empty database and returns its URL.
func (s *Server) NewDatabase(ctx context.Context) (string, error) {
	var b [6]byte
	rand.Read(b[:])
	name := "authorbot_test_" + hex.EncodeToString(b[:])
	if err := s.exec(ctx, "CREATE DATABASE "+name); err != nil {
		return "", err
	}
	u, err := url.Parse(s.URL)
	if err != nil {
		return "", fmt.Errorf("pgtest: %w", err)
	}
	u.Path = "/" + name
	return u.String(), nil
}

// DropDatabase removes a database NewDatabase made, closing its sessions.
func (s *Server) DropDatabase(ctx context.Context, dbURL string) error {
	u, err := url.Parse(dbURL)
	if err != nil {
		return fmt.Errorf("pgtest: %w", err)
	}
	name := strings.TrimPrefix(u.Path, "/")
	if !strings.HasPrefix(name, "authorbot_test_") {
		return fmt.Errorf("pgtest: %s is not a test database", name)
	}
	return s.exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
}

func (s *Server) exec(ctx context.Context, sql string) error {
	conn, err := pgx.Connect(ctx, s.URL)
	if err != nil {
		return fmt.Errorf("pgtest: %w", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		return fmt.Errorf("pgtest: %s: %w", sql, err)
	}
	return nil
}

// binDir finds the directory of initdb and postgres: on PATH, or under
// /usr/lib/postgresql/VERSION/bin where Debian installs them (the newest).
func binDir() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			p = real
		}
		dir := filepath.Dir(p)
		if _, err := os.Stat(filepath.Join(dir, "postgres")); err == nil {
			return dir, nil
		}
	}
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	sort.Slice(found, func(i, j int) bool { return version(found[i]) > version(found[j]) })
	if len(found) > 0 {
		return filepath.Dir(found[0]), nil
	}
	return "", fmt.Errorf("no PostgreSQL server binaries (initdb) on PATH or in /usr/lib/postgresql/*/bin, and %s is not set", EnvURL)
}

// version is the major version in a Debian path to initdb.
func version(p string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(p))))
	return v
}

// credential is who the server runs as: this process's user, or postgres
// when that is root (created if missing).
func credential() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		out, aerr := exec.Command("useradd", "--system", "--user-group", "--no-create-home",
			"--shell", "/usr/sbin/nologin", "postgres").CombinedOutput()
		if aerr != nil {
			return nil, fmt.Errorf("pgtest: PostgreSQL refuses to run as root, and user postgres cannot be created: %v\n%s", aerr, out)
		}
		if u, err = user.Lookup("postgres"); err != nil {
			return nil, fmt.Errorf("pgtest: %w", err)
		}
	}
	uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
	gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
	if err := errors.Join(err1, err2); err != nil {
		return nil, fmt.Errorf("pgtest: user postgres: %w", err)
	}
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
}

// freePort returns a TCP port of 127.0.0.1 that was free a moment ago.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("pgtest: %w", err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// Once is one test package's server, started by the first test that
// asks for a database and stopped by Run when the tests end.
type Once struct {
	once    sync.Once
	server  *Server
	err     error
	skipped bool
	mu      sync.Mutex
}

// Run runs the package's tests and stops the server if one was started;
// it returns m.Run's code, for os.Exit.
func (o *Once) Run(m *testing.M) int {
	code := m.Run()
	if o.server != nil {
		if err := o.server.Stop(); err != nil {
			fmt.Fprintln(os.Stderr, "pgtest: stopping the server:", err)
		}
	}
	o.mu.Lock()
	skipped := o.skipped
	o.mu.Unlock()
	if skipped {
		banner(os.Stderr, o.err)
	}
	return code
}

// Server returns the package's server, starting it on first use; it skips
// t, saying why, when there is none to be had.
func (o *Once) Server(t testing.TB) *Server {
	t.Helper()
	o.once.Do(func() {
		if reason := Available(); reason != "" {
			o.err = errors.New(reason)
			return
		}
		o.server, o.err = Start(context.Background())
	})
	if o.err != nil {
		if o.server == nil && Available() != "" && os.Getenv("CI") == "" {
			o.mu.Lock()
			o.skipped = true
			o.mu.Unlock()
			t.Skipf("SKIPPING the PostgreSQL tests: %v. Install PostgreSQL (apt-get install postgresql) or set %s=postgres://…", o.err, EnvURL)
		}
		t.Fatalf("PostgreSQL for the tests: %v", o.err)
	}
	return o.server
}

// Database returns the URL of a new, empty database on the package's
// server, dropped at the end of t.
func (o *Once) Database(t testing.TB) string {
	t.Helper()
	s := o.Server(t)
	ctx := context.Background()
	u, err := s.NewDatabase(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.DropDatabase(context.Background(), u); err != nil {
			t.Errorf("drop the test database: %v", err)
		}
	})
	return u
}

// banner says loudly that the PostgreSQL tests did not run.
func banner(w io.Writer, reason error) {
	line := strings.Repeat("!", 72)
	fmt.Fprintf(w, "%s\n!! PostgreSQL tests SKIPPED: %v\n!! Install PostgreSQL or set %s to run them.\n%s\n",
		line, reason, EnvURL, line)
}
