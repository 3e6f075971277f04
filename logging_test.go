package main

import (
	"strings"
	"testing"

	"github.com/authorbot/authorbot/config"
)

// The server's log is buffered, but a warning goes out at once with all
// that came before it, and flushing writes out the rest.
func TestServeLogFlushesWarningsAndOnExit(t *testing.T) {
	var out lockedBuffer
	log, flush := newLogger(config.Config{Command: "serve"}, &out)
	log.Info("command", "n", 1)
	log.With("platform", "slack").Warn("posting to response URL failed")
	got := out.String()
	if !strings.Contains(got, "msg=command n=1") || !strings.Contains(got, "platform=slack") {
		t.Fatalf("after a warning the log holds %q; want the info line and the warning", got)
	}
	log.Info("shutting down")
	flush()
	if !strings.Contains(out.String(), "msg=\"shutting down\"") {
		t.Errorf("after flush the log holds %q; want the last line", out.String())
	}
	log.Info("after flush") // must not panic or block
}

// The console's log is written straight through, and only from warnings.
func TestConsoleLogIsUnbuffered(t *testing.T) {
	var out lockedBuffer
	log, flush := newLogger(config.Config{Command: "console"}, &out)
	defer flush()
	log.Info("not shown")
	log.Warn("shown")
	if got := out.String(); strings.Contains(got, "not shown") || !strings.Contains(got, "msg=shown") {
		t.Errorf("console log = %q", got)
	}
}
