-- Signing in to the moderators' dashboard without a password: a
-- one-time link (sign_in_links), made in chat or on the command line and
-- used in the browser, opens a session (dashboard_sessions). The link is
-- made by one process (the CLI) and used in another (serve), so it lives
-- here. Only the SHA-256 of each token is kept, in hex: a copy of the
-- database opens no dashboard.
--
-- Times are UTC, 'YYYY-MM-DDTHH:MM:SSZ', so that comparing the text
-- compares the instants. moderator is the identity the link is bound to
-- (bot.User.Key()), name how the dashboard shows it.
CREATE TABLE sign_in_links (
	hash      TEXT PRIMARY KEY CHECK (length(hash) = 64),
	moderator TEXT NOT NULL CHECK (moderator != ''),
	name      TEXT NOT NULL DEFAULT '',
	created   TEXT NOT NULL CHECK (created IS strftime('%Y-%m-%dT%H:%M:%SZ', created)),
	expires   TEXT NOT NULL CHECK (expires IS strftime('%Y-%m-%dT%H:%M:%SZ', expires)),
	-- used is when the link was opened, '' until then: a link works once.
	used      TEXT NOT NULL DEFAULT '' CHECK (used = '' OR used IS strftime('%Y-%m-%dT%H:%M:%SZ', used))
) STRICT, WITHOUT ROWID;

CREATE INDEX sign_in_links_expires ON sign_in_links (expires);

CREATE TABLE dashboard_sessions (
	hash      TEXT PRIMARY KEY CHECK (length(hash) = 64),
	moderator TEXT NOT NULL CHECK (moderator != ''),
	name      TEXT NOT NULL DEFAULT '',
	created   TEXT NOT NULL CHECK (created IS strftime('%Y-%m-%dT%H:%M:%SZ', created)),
	expires   TEXT NOT NULL CHECK (expires IS strftime('%Y-%m-%dT%H:%M:%SZ', expires))
) STRICT, WITHOUT ROWID;

CREATE INDEX dashboard_sessions_expires ON dashboard_sessions (expires);
