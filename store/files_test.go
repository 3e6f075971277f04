//go:build unix

package store

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// The database's files are the owner's alone, whatever the umask: the
// directory Open creates is 0700, the database and its -wal and -shm 0600.
func TestOpenCreatesPrivateFiles(t *testing.T) {
	defer syscall.Umask(syscall.Umask(0))
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "data")
	path := filepath.Join(dir, "authorbot.db")
	db, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.AddOrder(ctx, sample("u")); err != nil {
		t.Fatal(err)
	}
	wantMode(t, dir, 0o700)
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		wantMode(t, p, 0o600)
	}
}

// Files an earlier version left readable by others are made private at
// Open, -wal and -shm too; a directory that exists is left as it is, with
// a warning when others could write to it.
func TestOpenMakesExistingFilesPrivate(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "data")
	path := filepath.Join(dir, "authorbot.db")
	first, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	if _, err := first.AddOrder(ctx, sample("u")); err != nil {
		t.Fatal(err)
	}
	// While first is open its -wal and -shm exist: open the file again
	// after giving all three the mode earlier versions did.
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		chmod(t, p, 0o644)
	}
	chmod(t, dir, 0o777)
	var logged bytes.Buffer
	second, err := Open(ctx, path, slog.New(slog.NewTextHandler(&logged, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		wantMode(t, p, 0o600)
	}
	wantMode(t, dir, 0o777)
	if !strings.Contains(logged.String(), "writable by other users") {
		t.Errorf("no warning about a world-writable directory in the log:\n%s", logged.String())
	}
	// A directory only others can read is left alone without a word.
	chmod(t, dir, 0o755)
	logged.Reset()
	third, err := Open(ctx, path, slog.New(slog.NewTextHandler(&logged, nil)))
	if err != nil {
		t.Fatal(err)
	}
	third.Close()
	wantMode(t, dir, 0o755)
	if strings.Contains(logged.String(), "WARN") {
		t.Errorf("warning for a directory others can only read:\n%s", logged.String())
	}
}

func wantMode(t *testing.T, p string, want fs.FileMode) {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != want {
		t.Errorf("%s has mode %v, want %v", filepath.Base(p), got, want)
	}
}

func chmod(t *testing.T, p string, mode fs.FileMode) {
	t.Helper()
	if err := os.Chmod(p, mode); err != nil {
		t.Fatal(err)
	}
}

// unprivilegedEnv marks the copy of a test that asUnprivileged runs.
const unprivilegedEnv = "AUTHORBOT_TEST_UNPRIVILEGED"

// asUnprivileged makes the calling test run as a user other than root,
// and reports whether the caller should go on: as root, file modes do not
// stop writes, so a test of what a read-only file does would prove
// nothing. Run as root (in CI, in a container), it runs the same test in a
// copy of the test binary as the user nobody, relays its outcome and
// returns false; run as anyone else, or in that copy, it returns true.
func asUnprivileged(t *testing.T) bool {
	t.Helper()
	if os.Getuid() != 0 {
		return true
	}
	if os.Getenv(unprivilegedEnv) != "" {
		t.Fatal("still root in the unprivileged copy")
	}
	const nobody = 65534
	// nobody must be able to reach the binary and its own temporary
	// directories: copy the binary into a directory open to all.
	dir := t.TempDir()
	for _, d := range []string{dir, filepath.Dir(dir)} {
		chmod(t, d, 0o755)
	}
	bin := filepath.Join(dir, "store.test")
	copyFile(t, os.Args[0], bin, 0o755)
	cmd := exec.Command(bin, "-test.run=^"+t.Name()+"$", "-test.v")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), unprivilegedEnv+"=1", "TMPDIR="+os.TempDir())
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil:
		t.Logf("ran as uid %d:\n%s", nobody, out)
	case errors.As(err, &exit):
		t.Errorf("as uid %d:\n%s", nobody, out)
	default:
		t.Skipf("running as root, which file modes do not stop, and cannot run the test as uid %d: %v", nobody, err)
	}
	return false
}

func copyFile(t *testing.T, from, to string, mode fs.FileMode) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, mode)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// A database that cannot be written fails Open with a message that names
// the file, the cause and the fix, instead of opening for reads and
// failing every write after.
func TestOpenNotWritable(t *testing.T) {
	if !asUnprivileged(t) {
		return
	}
	ctx := context.Background()
	for _, c := range []struct {
		name  string
		setup func(t *testing.T, dir, path string)
		want  []string // in the message; PATH and DIR stand for the paths
	}{
		{"read-only file", func(t *testing.T, dir, path string) {
			create(t, path)
			chmod(t, path, 0o444)
		}, []string{"authorbot can't write to PATH: the file is read-only; run chmod u+w PATH, or set AUTHORBOT_DB"}},
		{"read-only directory", func(t *testing.T, dir, path string) {
			create(t, path)
			chmod(t, dir, 0o555)
		}, []string{"can't write to PATH: its directory DIR is read-only", "-wal", "run chmod u+w DIR"}},
		{"read-only directory, no file yet", func(t *testing.T, dir, path string) {
			if err := os.Mkdir(dir, 0o555); err != nil {
				t.Fatal(err)
			}
		}, []string{"can't write to PATH: the file does not exist and its directory DIR is read-only", "run chmod u+w DIR"}},
		{"read-only -wal", func(t *testing.T, dir, path string) {
			// As left by a crash; an empty one SQLite would chmod.
			create(t, path)
			if err := os.WriteFile(path+"-wal", make([]byte, 64), 0o400); err != nil {
				t.Fatal(err)
			}
		}, []string{"can't write to PATH: SQLite's authorbot.db-wal is read-only; run chmod u+w PATH-wal"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data")
			path := filepath.Join(dir, "authorbot.db")
			c.setup(t, dir, path)
			defer os.Chmod(dir, 0o700) // so that the test can clean up
			db, err := Open(ctx, path, nil)
			if err == nil {
				db.Close()
				t.Fatal("Open succeeded")
			}
			var nw *NotWritable
			if !errors.As(err, &nw) {
				t.Fatalf("Open: %v; want a *NotWritable", err)
			}
			for _, w := range c.want {
				w = strings.NewReplacer("PATH", path, "DIR", dir).Replace(w)
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Open: %q lacks %q", err, w)
				}
			}
		})
	}
}

// create makes a database at path with an order in it, and closes it.
func create(t *testing.T, path string) {
	t.Helper()
	db, err := Open(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.AddOrder(context.Background(), sample("u")); err != nil {
		t.Fatal(err)
	}
}

// Writable turns false when the database stops being writable under a
// running bot: its file removed or replaced, its file system turned
// read-only (faked: only a mount can do it for real), or the database
// closed.
func TestWritable(t *testing.T) {
	ctx := context.Background()
	t.Run("ok", func(t *testing.T) {
		db, _ := mustOpen(t)
		if err := db.Writable(ctx); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("replaced", func(t *testing.T) {
		db, path := mustOpen(t)
		create(t, path+".restored")
		if err := os.Rename(path+".restored", path); err != nil {
			t.Fatal(err)
		}
		err := db.Writable(ctx)
		wantNotWritable(t, err, path, "the file was removed or replaced", "restart the bot")
	})
	t.Run("removed", func(t *testing.T) {
		db, path := mustOpen(t)
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
		wantNotWritable(t, db.Writable(ctx), path, "the file was removed or replaced")
	})
	t.Run("read-only file system", func(t *testing.T) {
		db, path := mustOpen(t)
		db.canWrite = func(string) error { return &fs.PathError{Op: "access", Path: path, Err: syscall.EROFS} }
		wantNotWritable(t, db.Writable(ctx), path, "it is on a read-only file system", "mount its volume read-write")
	})
	t.Run("closed", func(t *testing.T) {
		db, _ := mustOpen(t)
		db.Close()
		if err := db.Writable(ctx); err == nil {
			t.Error("Writable = nil on a closed database")
		}
	})
}

func wantNotWritable(t *testing.T, err error, path string, wants ...string) {
	t.Helper()
	var nw *NotWritable
	if !errors.As(err, &nw) {
		t.Fatalf("Writable: %v; want a *NotWritable", err)
	}
	for _, w := range append([]string{"can't write to " + path}, wants...) {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("Writable: %q lacks %q", err, w)
		}
	}
}
