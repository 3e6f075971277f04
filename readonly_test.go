package main

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/authorbot/authorbot/store"
)

// TestMain lets the test binary stand in for authorbot: a child started
// with AUTHORBOT_TEST_MAIN=1 runs main with its own arguments, so tests
// can see what main prints and how it exits. It stops the PostgreSQL
// server of the tests that started one.
func TestMain(m *testing.M) {
	if os.Getenv("AUTHORBOT_TEST_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(pg.Run(m))
}

// nobody is the user a child runs as when the tests run as root, for
// whom file permissions stop nothing.
const nobody = 65534

// TestReadOnlyDatabaseRefused starts authorbot serve, as a process of its
// own, on databases it cannot write: it must exit with status 1 and a
// message that names the file, with no stack trace and no log lines. As
// root, the child drops to user nobody so that permissions apply.
func TestReadOnlyDatabaseRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the program as a child process")
	}
	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	root := os.Geteuid() == 0
	if root {
		bin = copyForNobody(t, bin)
	}

	tests := []struct {
		name string
		// setup makes the database's directory in dir and returns the
		// database's path.
		setup func(t *testing.T, dir string) string
		// asNobody: only permissions stop the write, so root must drop
		// them first.
		asNobody bool
	}{
		{"new file in a read-only directory", func(t *testing.T, dir string) string {
			d := filepath.Join(dir, "ro")
			mkdir(t, d, 0o555)
			return filepath.Join(d, "authorbot.db")
		}, true},
		{"read-only file in a read-only directory", func(t *testing.T, dir string) string {
			d := filepath.Join(dir, "ro")
			path := existingDB(t, d)
			chmod(t, path, 0o444)
			chmod(t, d, 0o555)
			return path
		}, true},
		{"read-only file in a writable directory", func(t *testing.T, dir string) string {
			d := filepath.Join(dir, "rw")
			path := existingDB(t, d)
			chmod(t, path, 0o444)
			chmod(t, d, 0o777)
			return path
		}, true},
		{"directory that cannot be made", func(t *testing.T, dir string) string {
			file := filepath.Join(dir, "file")
			if err := os.WriteFile(file, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			return filepath.Join(file, "data", "authorbot.db")
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			openToNobody(t, dir)
			path := tt.setup(t, dir)
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, "serve", "--db", path)
			cmd.Env = []string{"AUTHORBOT_TEST_MAIN=1", "PATH=" + os.Getenv("PATH"),
				"AUTHORBOT_SLACK_SIGNING_SECRET=" + slackTestSecret, "AUTHORBOT_HTTP_ADDR=127.0.0.1:0"}
			if root && tt.asNobody {
				cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
			}
			var stdout, stderr lockedBuffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			var exit *exec.ExitError
			if !errors.As(err, &exit) {
				if root && tt.asNobody && errors.Is(err, syscall.EPERM) {
					t.Skipf("SKIPPED LOUDLY: cannot run a child as user nobody here (%v), and root writes anywhere", err)
				}
				t.Fatalf("serve on %s: %v, want exit status 1\nstderr: %s", path, err, stderr.String())
			}
			got := stderr.String()
			t.Logf("authorbot says: %s", strings.TrimSpace(got))
			if exit.ExitCode() != 1 {
				t.Errorf("exit status %d, want 1", exit.ExitCode())
			}
			if !strings.HasPrefix(got, "authorbot: ") || !strings.Contains(got, path) {
				t.Errorf("stderr:\n%s\nwant authorbot: and a message naming %s", got, path)
			}
			if strings.Contains(got, "goroutine ") || strings.Contains(got, "panic") || strings.Contains(got, "time=") {
				t.Errorf("stderr has a stack trace or log lines besides the message:\n%s", got)
			}
			if stdout.String() != "" {
				t.Errorf("stdout: %q, want nothing", stdout.String())
			}
		})
	}
}

// TestDBErrorNamesTheFileOnce checks how a store error reaches the
// operator: as it is when it names the file, with the file in front when
// it does not.
func TestDBErrorNamesTheFileOnce(t *testing.T) {
	const path = "/var/lib/authorbot/authorbot.db"
	tests := []struct{ err, want string }{
		{"store: read schema version: disk I/O error", "database /var/lib/authorbot/authorbot.db: store: read schema version: disk I/O error"},
		{"database /var/lib/authorbot/authorbot.db is read-only: give the user authorbot runs as write access to it and its directory",
			"database /var/lib/authorbot/authorbot.db is read-only: give the user authorbot runs as write access to it and its directory"},
	}
	for _, tt := range tests {
		if got := dbError(path, errors.New(tt.err)).Error(); got != tt.want {
			t.Errorf("dbError(%q) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

// existingDB creates a database in dir, as a first run does.
func existingDB(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "authorbot.db")
	db, err := store.Open(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func mkdir(t *testing.T, dir string, mode os.FileMode) {
	t.Helper()
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	chmod(t, dir, mode)
}

// chmod changes a mode, and gives the owner write access back at the end
// so that the test's directory can be removed.
func chmod(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(path, 0o755) })
}

// openToNobody lets other users through dir and the directories the test
// made above it, which are private to the owner.
func openToNobody(t *testing.T, dir string) {
	t.Helper()
	for d := dir; d != os.TempDir() && d != "/" && d != "."; d = filepath.Dir(d) {
		fi, err := os.Stat(d)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm()&0o005 != 0o005 {
			if err := os.Chmod(d, fi.Mode().Perm()|0o755); err != nil {
				t.Fatal(err)
			}
		}
		if d == filepath.Dir(d) {
			break
		}
	}
}

// copyForNobody copies the test binary where user nobody can run it: the
// build directory it lives in is private to root.
func copyForNobody(t *testing.T, bin string) string {
	t.Helper()
	dir := t.TempDir()
	openToNobody(t, dir)
	dst := filepath.Join(dir, "authorbot.test")
	in, err := os.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return dst
}
