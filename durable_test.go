package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/authorbot/authorbot/bot"
	"github.com/authorbot/authorbot/store"
)

// TestDurableAfterKill runs the real binary as the console, adds orders
// one by one, waits to read each confirmation, then kills the process with
// SIGKILL while it waits for more input. Every order it confirmed must be
// in the database when it is opened again.
func TestDurableAfterKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "authorbot")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dbPath := filepath.Join(dir, "data", "orders.db")
	cmd := exec.Command(bin, "console", "--db", dbPath, "--user", "u1")
	cmd.Env = []string{"HOME=" + dir, "PATH=" + os.Getenv("PATH")}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	killed := false
	defer func() {
		if !killed {
			cmd.Process.Kill()
			cmd.Wait()
		}
	}()

	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	waitFor := func(want string) {
		t.Helper()
		timeout := time.After(30 * time.Second)
		for {
			select {
			case line, ok := <-lines:
				if !ok {
					t.Fatalf("the console ended before printing %q; stderr:\n%s", want, stderr.String())
				}
				if strings.Contains(line, want) {
					return
				}
			case <-timeout:
				t.Fatalf("no %q within 30 s; stderr:\n%s", want, stderr.String())
			}
		}
	}

	const orders = 25
	for i := 1; i <= orders; i++ {
		if _, err := fmt.Fprintf(stdin, "/order add %d us Book number %d note:kill test\n", i, i); err != nil {
			t.Fatal(err)
		}
		waitFor(fmt.Sprintf("Order #%d added", i))
	}
	// More input is on its way, and stdin stays open, when the process dies.
	fmt.Fprintf(stdin, "/order add 1 us Unconfirmed\n/order list\n")
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	killed = true
	err = cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("process ended with %v, want killed by SIGKILL", err)
	}

	ctx := context.Background()
	db, err := store.Open(ctx, dbPath, nil)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer db.Close()
	user := bot.User{Platform: bot.Console, ID: "u1"}.Key()
	for i := 1; i <= orders; i++ {
		o, err := db.Order(ctx, user, i)
		if err != nil {
			t.Fatalf("confirmed order #%d lost after kill -9: %v", i, err)
		}
		if o.Quantity != i || o.Title != fmt.Sprintf("Book number %d", i) || o.Marketplace != "amazon.com" {
			t.Errorf("order #%d after kill -9: %+v", i, o)
		}
	}
}
