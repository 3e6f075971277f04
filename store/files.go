package store

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"syscall"
)

// The database holds every author's ledger: its files are the owner's
// alone. SQLite gives the -wal and -shm files it creates the main file's
// mode, whatever the umask, so creating the main file 0600 before SQLite
// opens it is enough for all three.
const (
	fileMode = 0o600
	dirMode  = 0o700
)

// NotWritable is the error Open and Writable return when the database
// cannot be written: its message names the file, the cause and the fix,
// for the operator who reads it in the log or on the console.
type NotWritable struct {
	Path   string // the database file
	Reason string // e.g. "the file is read-only"
	Fix    string // e.g. "run chmod u+w data/authorbot.db"
	Err    error  // what the system or SQLite said
}

func (e *NotWritable) Error() string {
	return fmt.Sprintf("authorbot can't write to %s: %s; %s, or set AUTHORBOT_DB (or --db) to a writable path",
		e.Path, e.Reason, e.Fix)
}

func (e *NotWritable) Unwrap() error { return e.Err }

// prepareFiles creates the database's directory (0700) and file (0600) if
// they are missing, and takes the group's and others' access away from
// the database files that exist. An existing directory is left as it is:
// it may be shared (the working directory, /var/lib) and the files in it
// are private anyway; it is only worth a warning when others can write to
// it, for then they could replace the database with one of their own.
//
// Its warnings are returned rather than logged: Open logs them only once
// the database has proved writable, so that a start that fails says one
// thing, the reason it failed.
func prepareFiles(path string) (warnings []warning, err error) {
	dir := filepath.Dir(path)
	switch fi, err := os.Stat(dir); {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, dirMode); err != nil {
			return nil, cannotCreate(path, dir, err)
		}
		// MkdirAll's mode passes through the umask.
		if err := os.Chmod(dir, dirMode); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
	case err != nil:
		return nil, fmt.Errorf("store: %w", err)
	case !fi.IsDir():
		return nil, fmt.Errorf("store: %s is not a directory", dir)
	case fi.Mode().Perm()&0o022 != 0 && fi.Mode()&fs.ModeSticky == 0:
		warnings = append(warnings, warning{slog.LevelWarn,
			"the database's directory is writable by other users, who could replace the database; make it the bot user's alone (chmod go-w)",
			[]slog.Attr{slog.String("dir", dir), slog.String("mode", fi.Mode().Perm().String())}})
	}

	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, fileMode)
	switch {
	case err == nil:
		f.Close()
		return warnings, os.Chmod(path, fileMode) // the umask may have taken bits off
	case !errors.Is(err, fs.ErrExist):
		return nil, cannotCreate(path, dir, err)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		fi, err := os.Stat(p)
		if err != nil || fi.Mode().Perm()&0o077 == 0 {
			continue
		}
		// Owner bits are kept: a file made read-only stays read-only, and
		// Open then says so.
		perm := fi.Mode().Perm() &^ 0o077
		if err := os.Chmod(p, perm); err != nil {
			warnings = append(warnings, warning{slog.LevelWarn,
				"the database file is readable by other users and its mode cannot be changed; run chmod go-rwx on it",
				[]slog.Attr{slog.String("file", p), slog.Any("err", err)}})
			continue
		}
		warnings = append(warnings, warning{slog.LevelInfo, "database file made private",
			[]slog.Attr{slog.String("file", p), slog.String("mode", perm.String())}})
	}
	return warnings, nil
}

// warning is a line prepareFiles has to log.
type warning struct {
	level slog.Level
	msg   string
	attrs []slog.Attr
}

// cannotCreate explains a failure to create the database or its directory.
func cannotCreate(path, dir string, err error) error {
	if nw := diagnose(path); nw != nil {
		nw.Err = err
		return nw
	}
	return fmt.Errorf("store: create %s: %w", path, err)
}

// diagnose says why path cannot be written, if the file system says so:
// the file, its -wal or -shm, or its directory (where SQLite creates
// those) is read-only for this user, or the file system is. It returns
// nil when none is.
func diagnose(path string) *NotWritable {
	dir := filepath.Dir(path)
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		err := canWrite(p)
		switch {
		case errors.Is(err, fs.ErrNotExist) || err == nil:
			continue
		case errors.Is(err, syscall.EROFS):
			return readOnlyFS(path, err)
		case errors.Is(err, fs.ErrPermission) && !ownedByMe(p):
			return &NotWritable{Path: path, Err: err,
				Reason: fmt.Sprintf("%s belongs to another user and is read-only for this one", p),
				Fix:    fmt.Sprintf("run the bot as its owner, or give it to this user with chown %d %s", os.Getuid(), p)}
		case errors.Is(err, fs.ErrPermission) && p == path:
			return &NotWritable{Path: path, Err: err, Reason: "the file is read-only",
				Fix: "run chmod u+w " + p}
		case errors.Is(err, fs.ErrPermission):
			return &NotWritable{Path: path, Err: err, Reason: fmt.Sprintf("SQLite's %s is read-only", filepath.Base(p)),
				Fix: "run chmod u+w " + p}
		}
	}
	err := canWrite(dir)
	switch {
	case errors.Is(err, syscall.EROFS):
		return readOnlyFS(path, err)
	case errors.Is(err, fs.ErrPermission) && errors.Is(canWrite(path), fs.ErrNotExist):
		return &NotWritable{Path: path, Err: err,
			Reason: fmt.Sprintf("the file does not exist and its directory %s is read-only, so it cannot be created", dir),
			Fix:    "run chmod u+w " + dir}
	case errors.Is(err, fs.ErrPermission):
		return &NotWritable{Path: path, Err: err,
			Reason: fmt.Sprintf("its directory %s is read-only, and SQLite keeps its -wal and -shm files beside the database", dir),
			Fix:    "run chmod u+w " + dir}
	}
	return nil
}

func readOnlyFS(path string, err error) *NotWritable {
	return &NotWritable{Path: path, Err: err, Reason: "it is on a read-only file system",
		Fix: "mount its volume read-write"}
}
