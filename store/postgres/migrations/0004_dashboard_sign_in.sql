-- The moderators' dashboard's one-time sign-in links and its sessions,
-- as in SQLite's 0006_dashboard_sign_in.sql: only the SHA-256 of each
-- token is kept, in hex. used is NULL until the link is opened.
CREATE TABLE sign_in_links (
	hash      TEXT PRIMARY KEY CHECK (length(hash) = 64),
	moderator TEXT NOT NULL CHECK (moderator <> ''),
	name      TEXT NOT NULL DEFAULT '',
	created   TIMESTAMPTZ NOT NULL,
	expires   TIMESTAMPTZ NOT NULL,
	used      TIMESTAMPTZ
);
CREATE INDEX sign_in_links_expires ON sign_in_links (expires);

CREATE TABLE dashboard_sessions (
	hash      TEXT PRIMARY KEY CHECK (length(hash) = 64),
	moderator TEXT NOT NULL CHECK (moderator <> ''),
	name      TEXT NOT NULL DEFAULT '',
	created   TIMESTAMPTZ NOT NULL,
	expires   TIMESTAMPTZ NOT NULL
);
CREATE INDEX dashboard_sessions_expires ON dashboard_sessions (expires);
