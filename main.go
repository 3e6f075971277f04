// Command authorbot answers self-published authors' questions about KDP
// author copies and keeps track of their copy orders, on Slack, Discord or
// a local console.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "authorbot:", err)
		os.Exit(1)
	}
}

// stdio bundles the three standard streams run works with.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}
