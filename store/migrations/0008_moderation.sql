-- What the bot missed, and the authors' questions passed on to moderators.
--
-- Times are UTC, 'YYYY-MM-DDTHH:MM:SSZ', as in reminders: fixed width, so
-- that comparing the text compares the instants.

-- gaps are the questions the bot declined, answered with low confidence,
-- or whose answer an author voted "No" on: the question as asked, its
-- language, the closest topics with their scores (JSON), and where it was
-- asked. They are purged after the retention period (90 days by default),
-- and belong to their author: /mydata export shows them, /mydata forget
-- deletes them.
CREATE TABLE gaps (
	id        INTEGER PRIMARY KEY,
	user_key  TEXT NOT NULL,
	kind      TEXT NOT NULL CHECK (kind IN ('declined', 'low', 'no-vote')),
	question  TEXT NOT NULL,
	lang      TEXT NOT NULL,
	guesses   TEXT NOT NULL DEFAULT '[]',
	platform  TEXT NOT NULL,
	workspace TEXT NOT NULL DEFAULT '',
	channel   TEXT NOT NULL DEFAULT '',
	created   TEXT NOT NULL CHECK (created IS strftime('%Y-%m-%dT%H:%M:%SZ', created))
) STRICT;

CREATE INDEX gaps_by_user ON gaps (user_key);
CREATE INDEX gaps_by_time ON gaps (created);

-- handoffs are the questions an author asked to pass on to the
-- moderators ("Ask a moderator"). status moves open -> answered or
-- resolved, once: a second moderator's press finds it closed.
-- mod_message names the post in the moderators' channel (a Slack ts, a
-- Discord message id), for the replies in its thread.
CREATE TABLE handoffs (
	id          INTEGER PRIMARY KEY,
	user_key    TEXT NOT NULL,
	gap_id      INTEGER NOT NULL DEFAULT 0,
	platform    TEXT NOT NULL,
	workspace   TEXT NOT NULL DEFAULT '',
	user_id     TEXT NOT NULL,
	question    TEXT NOT NULL,
	lang        TEXT NOT NULL,
	guesses     TEXT NOT NULL DEFAULT '[]',
	status      TEXT NOT NULL CHECK (status IN ('open', 'answered', 'resolved')),
	mod_message TEXT NOT NULL DEFAULT '',
	answer      TEXT NOT NULL DEFAULT '',
	closed_by   TEXT NOT NULL DEFAULT '',
	created     TEXT NOT NULL CHECK (created IS strftime('%Y-%m-%dT%H:%M:%SZ', created)),
	closed      TEXT NOT NULL DEFAULT '' CHECK (closed = '' OR closed IS strftime('%Y-%m-%dT%H:%M:%SZ', closed))
) STRICT;

CREATE INDEX handoffs_by_user ON handoffs (user_key);
-- A question is passed on once: a second press finds the first.
CREATE UNIQUE INDEX handoffs_by_gap ON handoffs (gap_id) WHERE gap_id != 0;
CREATE INDEX handoffs_open ON handoffs (created) WHERE status = 'open';

-- examples are questions a moderator labelled with the topic that should
-- have answered them: the search answers them, and questions like them,
-- with that topic. examples_version counts every change, so that each
-- running process can tell cheaply that it has to read them again.
CREATE TABLE examples (
	id        INTEGER PRIMARY KEY,
	user_key  TEXT NOT NULL DEFAULT '',
	question  TEXT NOT NULL,
	lang      TEXT NOT NULL,
	topic     TEXT NOT NULL,
	added_by  TEXT NOT NULL,
	created   TEXT NOT NULL CHECK (created IS strftime('%Y-%m-%dT%H:%M:%SZ', created))
) STRICT;

CREATE INDEX examples_by_user ON examples (user_key);

CREATE TABLE examples_version (
	one     INTEGER PRIMARY KEY CHECK (one = 1),
	version INTEGER NOT NULL
) STRICT;
INSERT INTO examples_version (one, version) VALUES (1, 0);

-- questions counts the questions asked per day, platform, language and
-- topic ('' when declined), for /admin stats and the digest. It holds no
-- words and no author.
CREATE TABLE questions (
	day      TEXT NOT NULL CHECK (day IS date(day)),
	platform TEXT NOT NULL,
	lang     TEXT NOT NULL,
	topic    TEXT NOT NULL,
	answered INTEGER NOT NULL CHECK (answered IN (0, 1)),
	count    INTEGER NOT NULL CHECK (count >= 0),
	PRIMARY KEY (day, platform, lang, topic, answered)
) STRICT, WITHOUT ROWID;

-- digests are the weekly digests sent, one row per week ('2026-W49'):
-- claimed with a lease before sending and marked sent after, so that two
-- processes or a restart never send one twice.
CREATE TABLE digests (
	week    TEXT PRIMARY KEY,
	status  TEXT NOT NULL CHECK (status IN ('sending', 'sent')),
	claim   TEXT NOT NULL DEFAULT '',
	lease   TEXT NOT NULL DEFAULT '',
	sent    TEXT NOT NULL DEFAULT ''
) STRICT, WITHOUT ROWID;

-- Votes are read by time for the digest's falling feedback.
CREATE INDEX votes_by_time ON votes (voted);
