//go:build unix

package store

import (
	"os"
	"syscall"
)

// canWrite asks the kernel whether this process may write to p: an error
// wrapping fs.ErrPermission, fs.ErrNotExist or syscall.EROFS if not. For
// root only a read-only file system says no.
func canWrite(p string) error {
	const wOK = 2 // W_OK
	return syscall.Access(p, wOK)
}

// ownedByMe reports whether this process's user owns p (true when that
// cannot be told).
func ownedByMe(p string) bool {
	fi, err := os.Stat(p)
	if err != nil {
		return true
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	return !ok || int(st.Uid) == os.Getuid()
}
