package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/authorbot/authorbot/store/seal"
)

// SlackTokens keeps the bot tokens of the Slack workspaces that installed
// the app, sealed with AES-256-GCM (see migrations/0005_slack_tokens.sql),
// and the states of installs under way. It is the Installs of the Slack
// adapter. Its statements are plain SQL that PostgreSQL runs as well.
type SlackTokens struct {
	db        *DB
	seal      *seal.Tokens
	maxStates int
}

// SlackTokens returns the workspaces' bot tokens, sealed and opened with
// key, which must be 32 bytes (AUTHORBOT_SECRET_KEY).
func (db *DB) SlackTokens(key []byte) (*SlackTokens, error) {
	sl, err := seal.New(key)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return &SlackTokens{db: db, seal: sl, maxStates: MaxInstallStates}, nil
}

// Token returns the bot token of team, or "" when it has none.
func (s *SlackTokens) Token(ctx context.Context, team string) (string, error) {
	var sealed string
	err := s.db.r.QueryRowContext(ctx, `SELECT token FROM slack_tokens WHERE team = ?`, team).Scan(&sealed)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("store: slack token: %w", err)
	}
	token, err := s.seal.Open(team, sealed)
	if err != nil {
		return "", fmt.Errorf("store: %w", err)
	}
	return token, nil
}

// SaveToken keeps the bot token of team, sealed, in place of any it had.
func (s *SlackTokens) SaveToken(ctx context.Context, team, botUser, token string) error {
	if team == "" || token == "" {
		return errors.New("store: save slack token: team and token are required")
	}
	sealed := s.seal.Seal(team, token)
	return s.db.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO slack_tokens (team, bot_user, token, installed) VALUES (?, ?, ?, ?)
			ON CONFLICT (team) DO UPDATE SET bot_user = excluded.bot_user, token = excluded.token, installed = excluded.installed`,
			team, botUser, sealed, formatTime(s.db.now()))
		if err != nil {
			return fmt.Errorf("store: save slack token: %w", err)
		}
		return nil
	})
}

// DeleteToken forgets the bot token of team.
func (s *SlackTokens) DeleteToken(ctx context.Context, team string) error {
	return s.db.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM slack_tokens WHERE team = ?`, team); err != nil {
			return fmt.Errorf("store: delete slack token: %w", err)
		}
		return nil
	})
}

// StateKey is what is kept of an install's state: its hash, so that the
// table alone does not hold one that could be sent back.
func StateKey(state string) string {
	sum := sha256.Sum256([]byte(state))
	return hex.EncodeToString(sum[:])
}

// MaxInstallStates bounds the installs under way: anyone can open the
// install link, and each opening keeps a state until it expires.
const MaxInstallStates = 10_000

// SaveState records an install's state until expires, and drops the
// states that have expired. It refuses one more than maxInstallStates
// under way, which only a flood of openings of the install link reaches.
func (s *SlackTokens) SaveState(ctx context.Context, state string, expires time.Time) error {
	return s.db.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM slack_install_states WHERE expires <= ?`, s.db.now().Unix()); err != nil {
			return fmt.Errorf("store: save install state: %w", err)
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM slack_install_states`).Scan(&n); err != nil {
			return fmt.Errorf("store: save install state: %w", err)
		}
		if n >= s.maxStates {
			return fmt.Errorf("store: save install state: %d installs under way already", n)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO slack_install_states (state, expires) VALUES (?, ?)`,
			StateKey(state), expires.Unix()); err != nil {
			return fmt.Errorf("store: save install state: %w", err)
		}
		return nil
	})
}

// TakeState reports whether state was recorded and has not expired, and
// deletes it: of two processes taking the same state at once, one gets
// it.
func (s *SlackTokens) TakeState(ctx context.Context, state string) (bool, error) {
	var good bool
	err := s.db.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM slack_install_states WHERE state = ? AND expires > ?`,
			StateKey(state), s.db.now().Unix())
		if err != nil {
			return fmt.Errorf("store: take install state: %w", err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("store: take install state: %w", err)
		}
		good = n == 1
		return nil
	})
	return good, err
}
