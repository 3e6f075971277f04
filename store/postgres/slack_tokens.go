package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/authorbot/authorbot/store"
	"github.com/authorbot/authorbot/store/seal"
)

// SlackTokens keeps the bot tokens of the Slack workspaces that installed
// the app, sealed (package seal, as SQLite's store seals them), and the
// states of installs under way. It is the Installs of the Slack adapter;
// every replica sees a token or a state as soon as another stored it.
type SlackTokens struct {
	db   *DB
	seal *seal.Tokens
}

// SlackTokens returns the workspaces' bot tokens, sealed and opened with
// key, which must be 32 bytes (AUTHORBOT_SECRET_KEY).
func (db *DB) SlackTokens(key []byte) (*SlackTokens, error) {
	sl, err := seal.New(key)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return &SlackTokens{db: db, seal: sl}, nil
}

// Token returns the bot token of team, or "" when it has none.
func (s *SlackTokens) Token(ctx context.Context, team string) (string, error) {
	var sealed string
	err := s.db.pool.QueryRow(ctx, `SELECT token FROM slack_tokens WHERE team = $1`, team).Scan(&sealed)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("postgres: slack token: %w", err)
	}
	token, err := s.seal.Open(team, sealed)
	if err != nil {
		return "", fmt.Errorf("postgres: %w", err)
	}
	return token, nil
}

// SaveToken keeps the bot token of team, sealed, in place of any it had.
func (s *SlackTokens) SaveToken(ctx context.Context, team, botUser, token string) error {
	if team == "" || token == "" {
		return errors.New("postgres: save slack token: team and token are required")
	}
	_, err := s.db.pool.Exec(ctx, `INSERT INTO slack_tokens (team, bot_user, token, installed) VALUES ($1, $2, $3, $4)
		ON CONFLICT (team) DO UPDATE SET bot_user = excluded.bot_user, token = excluded.token, installed = excluded.installed`,
		team, botUser, s.seal.Seal(team, token), stamp(s.db.now()))
	if err != nil {
		return fmt.Errorf("postgres: save slack token: %w", err)
	}
	return nil
}

// DeleteToken forgets the bot token of team.
func (s *SlackTokens) DeleteToken(ctx context.Context, team string) error {
	if _, err := s.db.pool.Exec(ctx, `DELETE FROM slack_tokens WHERE team = $1`, team); err != nil {
		return fmt.Errorf("postgres: delete slack token: %w", err)
	}
	return nil
}

// installStatesLock serialises the saving of states, so that the bound
// on installs under way (store.MaxInstallStates) holds across replicas.
const installStatesLock = 0x736c_6163_6b73_7461 // "slacksta"

// SaveState records an install's state until expires, and drops the
// states that have expired. It refuses one more than
// store.MaxInstallStates under way.
func (s *SlackTokens) SaveState(ctx context.Context, state string, expires time.Time) error {
	return s.db.write(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(installStatesLock)); err != nil {
			return fmt.Errorf("postgres: save install state: %w", err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM slack_install_states WHERE expires <= $1`, stamp(s.db.now())); err != nil {
			return fmt.Errorf("postgres: save install state: %w", err)
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM slack_install_states`).Scan(&n); err != nil {
			return fmt.Errorf("postgres: save install state: %w", err)
		}
		if n >= store.MaxInstallStates {
			return fmt.Errorf("postgres: save install state: %d installs under way already", n)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO slack_install_states (state, expires) VALUES ($1, $2)`,
			store.StateKey(state), stamp(expires)); err != nil {
			return fmt.Errorf("postgres: save install state: %w", err)
		}
		return nil
	})
}

// TakeState reports whether state was recorded and has not expired, and
// deletes it: of two replicas taking the same state at once, one gets it.
func (s *SlackTokens) TakeState(ctx context.Context, state string) (bool, error) {
	tag, err := s.db.pool.Exec(ctx, `DELETE FROM slack_install_states WHERE state = $1 AND expires > $2`,
		store.StateKey(state), stamp(s.db.now()))
	if err != nil {
		return false, fmt.Errorf("postgres: take install state: %w", err)
	}
	return tag.RowsAffected() == 1, nil
}
