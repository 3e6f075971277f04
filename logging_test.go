package main

import (
	"context"
	"io"
	"log/slog"
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

// TestLogLevelSetting checks each command's default level and that
// AUTHORBOT_LOG_LEVEL, once set, wins over it, info on the console too.
func TestLogLevelSetting(t *testing.T) {
	tests := []struct {
		command, setting string
		want             slog.Level
	}{
		{"serve", "", slog.LevelInfo},
		{"console", "", slog.LevelWarn},
		{"ask", "", slog.LevelWarn},
		{"serve", "debug", slog.LevelDebug},
		{"serve", "error", slog.LevelError},
		{"console", "info", slog.LevelInfo},
		{"console", "debug", slog.LevelDebug},
	}
	for _, tt := range tests {
		t.Run(tt.command+" "+tt.setting, func(t *testing.T) {
			log, flush := newLogger(config.Config{Command: tt.command, LogLevel: tt.setting}, io.Discard)
			defer flush()
			ctx := context.Background()
			if !log.Enabled(ctx, tt.want) || log.Enabled(ctx, tt.want-1) {
				t.Errorf("level is not %v", tt.want)
			}
		})
	}
}
