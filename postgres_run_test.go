package main

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/authorbot/authorbot/config"
)

// TestPostgresErrorsHideThePassword opens PostgreSQL databases that
// cannot be used: the error names the database without its password.
func TestPostgresErrorsHideThePassword(t *testing.T) {
	for _, u := range []string{
		"postgres://bot:s3cret-pw@127.0.0.1:1/authorbot?connect_timeout=2", // nothing listens
		"postgres://bot:s3cret-pw@127.0.0.1:1/authorbot?sslmode=bogus",     // refused by pgx's parser
	} {
		var logs lockedBuffer
		log := slog.New(slog.NewTextHandler(&logs, nil))
		_, err := openStore(context.Background(), config.Config{DBURL: u}, log)
		if err == nil {
			t.Fatalf("%s opened", u)
		}
		if strings.Contains(err.Error(), "s3cret-pw") || strings.Contains(logs.String(), "s3cret-pw") {
			t.Errorf("the password shows: %v\n%s", err, logs.String())
		}
		if !strings.Contains(err.Error(), "127.0.0.1:1") {
			t.Errorf("the error does not say which database: %v", err)
		}
	}
}
