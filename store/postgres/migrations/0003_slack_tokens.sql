-- The bot tokens of the Slack workspaces that installed the app, one per
-- workspace (team id), sealed as in SQLite's 0005_slack_tokens.sql (see
-- package seal): without AUTHORBOT_SECRET_KEY a copy of the database
-- holds no usable token. state is the hex SHA-256 of an install's state.
CREATE TABLE slack_tokens (
	team      TEXT PRIMARY KEY,
	bot_user  TEXT NOT NULL DEFAULT '',
	token     TEXT NOT NULL,
	installed TIMESTAMPTZ NOT NULL
);

CREATE TABLE slack_install_states (
	state   TEXT PRIMARY KEY,
	expires TIMESTAMPTZ NOT NULL
);
CREATE INDEX slack_install_states_expires ON slack_install_states (expires);
