-- The moderators' data, as in SQLite's 0008_moderation.sql: gaps (the
-- questions the bot missed), handoffs (those passed on to moderators),
-- learned examples and their version, the counts of questions, and the
-- weekly digests claimed with a lease so that one replica sends each.
CREATE TABLE gaps (
	id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	user_key  TEXT NOT NULL,
	kind      TEXT NOT NULL CHECK (kind IN ('declined', 'low', 'no-vote')),
	question  TEXT NOT NULL,
	lang      TEXT NOT NULL,
	guesses   JSONB NOT NULL DEFAULT '[]',
	platform  TEXT NOT NULL,
	workspace TEXT NOT NULL DEFAULT '',
	channel   TEXT NOT NULL DEFAULT '',
	created   TIMESTAMPTZ NOT NULL
);
CREATE INDEX gaps_by_user ON gaps (user_key);
CREATE INDEX gaps_by_time ON gaps (created);

-- status moves open -> answered or resolved, once.
CREATE TABLE handoffs (
	id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	user_key    TEXT NOT NULL,
	gap_id      BIGINT NOT NULL DEFAULT 0,
	platform    TEXT NOT NULL,
	workspace   TEXT NOT NULL DEFAULT '',
	user_id     TEXT NOT NULL,
	question    TEXT NOT NULL,
	lang        TEXT NOT NULL,
	guesses     JSONB NOT NULL DEFAULT '[]',
	status      TEXT NOT NULL CHECK (status IN ('open', 'answered', 'resolved')),
	mod_message TEXT NOT NULL DEFAULT '',
	answer      TEXT NOT NULL DEFAULT '',
	closed_by   TEXT NOT NULL DEFAULT '',
	created     TIMESTAMPTZ NOT NULL,
	closed      TIMESTAMPTZ
);
CREATE INDEX handoffs_by_user ON handoffs (user_key);
-- A question is passed on once: a second press finds the first.
CREATE UNIQUE INDEX handoffs_by_gap ON handoffs (gap_id) WHERE gap_id <> 0;
CREATE INDEX handoffs_open ON handoffs (created) WHERE status = 'open';
CREATE INDEX handoffs_closed ON handoffs (closed) WHERE status <> 'open';

-- examples_version counts every change of the examples; replicas hear
-- of one on the channel examples_changed.
CREATE TABLE examples (
	id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	user_key TEXT NOT NULL DEFAULT '',
	question TEXT NOT NULL,
	lang     TEXT NOT NULL,
	topic    TEXT NOT NULL,
	added_by TEXT NOT NULL,
	created  TIMESTAMPTZ NOT NULL
);
CREATE INDEX examples_by_user ON examples (user_key);

CREATE TABLE examples_version (
	one     INTEGER PRIMARY KEY CHECK (one = 1),
	version BIGINT NOT NULL
);
INSERT INTO examples_version (one, version) VALUES (1, 0);

-- Counts of questions per day, platform, language and topic ('' when
-- declined): no words and no author.
CREATE TABLE questions (
	day      DATE NOT NULL,
	platform TEXT NOT NULL,
	lang     TEXT NOT NULL,
	topic    TEXT NOT NULL,
	answered BOOLEAN NOT NULL,
	count    BIGINT NOT NULL CHECK (count >= 0),
	PRIMARY KEY (day, platform, lang, topic, answered)
);

-- One row per week's digest ('2026-W49'): claimed with a lease before
-- sending, marked sent after.
CREATE TABLE digests (
	week   TEXT PRIMARY KEY,
	status TEXT NOT NULL CHECK (status IN ('sending', 'sent')),
	claim  TEXT NOT NULL DEFAULT '',
	lease  TIMESTAMPTZ,
	sent   TIMESTAMPTZ
);

CREATE INDEX votes_by_time ON votes (voted);
