package main

import (
	"context"
	"io"
	"log/slog"
	"time"

	"go.uber.org/zap/zapcore"

	"github.com/authorbot/authorbot/config"
)

// Buffering of the server's log. authorbot serve logs a line for every
// command; written one by one, each line was a write system call on the
// request's path. Under scripts/bench-slack, buffering them took the
// server's CPU per request from 118-129µs to 100-106µs (two runs each,
// same machine and hour).
const (
	logBuffer = 64 << 10
	logFlush  = 200 * time.Millisecond
)

// newLogger logs to w, and returns the logger with a function that writes
// out whatever it still holds; call it before the process exits. The
// console logs only warnings unless asked, so that log lines do not break
// into the conversation. The server's log is buffered: lines reach w
// within logFlush, and warnings and errors at once, with everything logged
// before them.
func newLogger(cfg config.Config, w io.Writer) (*slog.Logger, func()) {
	level := slog.LevelInfo
	if cfg.Command == "" || cfg.Command == "console" || cfg.Command == "ask" {
		level = slog.LevelWarn
	}
	if cfg.LogLevel != "" {
		// config.Load accepts only the levels slog reads.
		_ = level.UnmarshalText([]byte(cfg.LogLevel))
	}
	opts := &slog.HandlerOptions{Level: level}
	if cfg.Command != "serve" {
		return slog.New(slog.NewTextHandler(w, opts)), func() {}
	}
	// zapcore.AddSync would fsync an *os.File on every flush; hiding its
	// Sync method makes a flush a plain write.
	buf := &zapcore.BufferedWriteSyncer{
		WS:            zapcore.AddSync(struct{ io.Writer }{w}),
		Size:          logBuffer,
		FlushInterval: logFlush,
	}
	h := flushOnWarn{slog.NewTextHandler(buf, opts), buf}
	return slog.New(h), func() { _ = buf.Stop() }
}

// flushOnWarn writes a buffered log out after each warning or error, so
// that what went wrong is never left waiting in memory.
type flushOnWarn struct {
	slog.Handler
	buf *zapcore.BufferedWriteSyncer
}

func (h flushOnWarn) Handle(ctx context.Context, r slog.Record) error {
	err := h.Handler.Handle(ctx, r)
	if r.Level >= slog.LevelWarn {
		_ = h.buf.Sync()
	}
	return err
}

func (h flushOnWarn) WithAttrs(attrs []slog.Attr) slog.Handler {
	return flushOnWarn{h.Handler.WithAttrs(attrs), h.buf}
}

func (h flushOnWarn) WithGroup(name string) slog.Handler {
	return flushOnWarn{h.Handler.WithGroup(name), h.buf}
}
