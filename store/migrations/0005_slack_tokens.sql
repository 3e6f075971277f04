-- The bot tokens of the Slack workspaces that installed the app through
-- Slack's OAuth flow, one per workspace (team id, T…), and the states of
-- installs under way. See slack_tokens.go.
--
-- token is never the token itself: it is "v1:" and the base64 of a
-- 12-byte nonce followed by the token sealed with AES-256-GCM under
-- AUTHORBOT_SECRET_KEY, with the team id as additional data, so a sealed
-- token copied to another workspace's row does not open. Without the key
-- a copy of the database holds no usable token.
CREATE TABLE slack_tokens (
	team      TEXT PRIMARY KEY,
	bot_user  TEXT NOT NULL DEFAULT '',
	token     TEXT NOT NULL,
	installed TEXT NOT NULL
) STRICT;

-- state is the hex SHA-256 of an install's state; expires is in Unix
-- seconds. A row is deleted when the install comes back, or once it has
-- expired.
CREATE TABLE slack_install_states (
	state   TEXT PRIMARY KEY,
	expires INTEGER NOT NULL
) STRICT;
