-- Reminders: the ones an author asks for (/remind add, /preorder remind:yes)
-- and the automatic ones about orders, delivered as direct messages by the
-- scheduler in package remind.
--
-- Times are UTC, 'YYYY-MM-DDTHH:MM:SSZ' and nothing else: fixed width, so
-- that comparing the text compares the instants (RFC 3339 with fractions
-- would not sort). The checks reject any other form.
--
-- status moves pending -> sending -> delivered. A scheduler claims a due
-- reminder by setting sending and next_try to the end of its lease, in one
-- immediate transaction; a claim whose lease ran out (the process died
-- mid-delivery) is due again. cancelled, failed and skipped are final too.
CREATE TABLE reminders (
	user_key     TEXT NOT NULL,
	number       INTEGER NOT NULL CHECK (number >= 1),
	-- Where to deliver: the platform, workspace and user id the author
	-- used (user_key alone does not say, e.g. for Discord).
	platform     TEXT NOT NULL,
	workspace    TEXT NOT NULL DEFAULT '',
	user_id      TEXT NOT NULL,
	kind         TEXT NOT NULL CHECK (kind IN ('note', 'preorder', 'delivery-late', 'refund-window')),
	-- tag names a reminder that must exist at most once per author
	-- ('order:3:late', 'preorder:2026-12-18:kdp:2'); '' for the others.
	tag          TEXT NOT NULL DEFAULT '',
	order_number INTEGER NOT NULL DEFAULT 0 CHECK (order_number >= 0),
	due          TEXT NOT NULL CHECK (due IS strftime('%Y-%m-%dT%H:%M:%SZ', due)),
	zone         TEXT NOT NULL DEFAULT 'UTC',
	lang         TEXT NOT NULL DEFAULT 'en',
	text         TEXT NOT NULL,
	status       TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'delivered', 'cancelled', 'failed', 'skipped')),
	next_try     TEXT NOT NULL CHECK (next_try IS strftime('%Y-%m-%dT%H:%M:%SZ', next_try)),
	claim        TEXT NOT NULL DEFAULT '',
	attempts     INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
	last_error   TEXT NOT NULL DEFAULT '',
	created      TEXT NOT NULL,
	delivered    TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (user_key, number)
) STRICT, WITHOUT ROWID;

CREATE UNIQUE INDEX reminders_by_tag ON reminders (user_key, tag) WHERE tag != '';
CREATE INDEX reminders_due ON reminders (status, next_try);

-- Each author's reminder settings and counter: numbers come from
-- last_number, so a cancelled reminder's number is never given again.
CREATE TABLE reminder_settings (
	user_key    TEXT PRIMARY KEY,
	last_number INTEGER NOT NULL DEFAULT 0 CHECK (last_number >= 0),
	automatic   INTEGER NOT NULL DEFAULT 1 CHECK (automatic IN (0, 1)),
	zone        TEXT NOT NULL DEFAULT ''
) STRICT;
