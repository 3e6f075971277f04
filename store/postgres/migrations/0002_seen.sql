-- The platform requests every replica has accepted lately (Slack request
-- bodies' hashes and Socket Mode envelopes, Discord interaction ids), so
-- that a retry or replay is refused whichever replica it reaches. Each is
-- kept until it expires, then purged.
CREATE TABLE seen_requests (
	key     TEXT PRIMARY KEY,
	expires TIMESTAMPTZ NOT NULL
);

CREATE INDEX seen_requests_expires ON seen_requests (expires);
