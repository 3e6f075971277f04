-- The ledger, reminders and votes: the schema SQLite reached with its
-- migrations 0001 to 0004, in PostgreSQL's own types. Dates are DATE, NULL
-- when unset; instants are TIMESTAMPTZ.

-- Each author's order counter (numbers come from last_order, never from
-- max(number), so a deleted order's number is never given again) and
-- their orders counted by status, kept by the trigger below, so that a
-- page of /order list can say "25 of 1,234" and an addition can check the
-- cap without counting rows.
CREATE TABLE users (
	user_key        TEXT PRIMARY KEY,
	last_order      INTEGER NOT NULL DEFAULT 0 CHECK (last_order >= 0),
	ordered_count   INTEGER NOT NULL DEFAULT 0 CHECK (ordered_count >= 0),
	shipped_count   INTEGER NOT NULL DEFAULT 0 CHECK (shipped_count >= 0),
	delivered_count INTEGER NOT NULL DEFAULT 0 CHECK (delivered_count >= 0),
	cancelled_count INTEGER NOT NULL DEFAULT 0 CHECK (cancelled_count >= 0)
);

CREATE TABLE orders (
	user_key    TEXT NOT NULL REFERENCES users (user_key) ON DELETE CASCADE,
	number      INTEGER NOT NULL CHECK (number >= 1),
	kind        TEXT NOT NULL CHECK (kind IN ('author', 'proof')),
	quantity    INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 999),
	marketplace TEXT NOT NULL,
	title       TEXT NOT NULL,
	isbn        TEXT NOT NULL DEFAULT '',
	note        TEXT NOT NULL DEFAULT '',
	tracking    TEXT NOT NULL DEFAULT '',
	ordered     DATE,
	expected    DATE,
	shipped     DATE,
	delivered   DATE,
	cancelled   DATE,
	status      TEXT NOT NULL CHECK (status IN ('ordered', 'shipped', 'delivered', 'cancelled')),
	created     TIMESTAMPTZ NOT NULL,
	updated     TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (user_key, number)
);

CREATE INDEX orders_by_status ON orders (user_key, status, number);
-- The notes under an answer to /ask look at the orders delivered lately.
CREATE INDEX orders_delivered ON orders (user_key, delivered) WHERE status = 'delivered';

CREATE FUNCTION orders_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('DELETE', 'UPDATE') THEN
		UPDATE users SET
			ordered_count = ordered_count - (OLD.status = 'ordered')::int,
			shipped_count = shipped_count - (OLD.status = 'shipped')::int,
			delivered_count = delivered_count - (OLD.status = 'delivered')::int,
			cancelled_count = cancelled_count - (OLD.status = 'cancelled')::int
		WHERE user_key = OLD.user_key;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		UPDATE users SET
			ordered_count = ordered_count + (NEW.status = 'ordered')::int,
			shipped_count = shipped_count + (NEW.status = 'shipped')::int,
			delivered_count = delivered_count + (NEW.status = 'delivered')::int,
			cancelled_count = cancelled_count + (NEW.status = 'cancelled')::int
		WHERE user_key = NEW.user_key;
	END IF;
	RETURN NULL;
END $$;

CREATE TRIGGER orders_count AFTER INSERT OR DELETE OR UPDATE OF status, user_key ON orders
	FOR EACH ROW EXECUTE FUNCTION orders_count();

-- Whether an answer helped: one vote per author per answer.
CREATE TABLE votes (
	user_key TEXT NOT NULL,
	topic    TEXT NOT NULL,
	lang     TEXT NOT NULL,
	helpful  BOOLEAN NOT NULL,
	voted    TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (user_key, topic, lang)
);

CREATE INDEX votes_by_topic ON votes (topic, lang);

-- Reminders, delivered by the schedulers of every replica. status moves
-- pending -> sending -> delivered; a scheduler claims a due reminder by
-- setting sending and next_try to the end of its lease, taking the row
-- with FOR UPDATE SKIP LOCKED so that schedulers claiming at once take
-- different reminders. A claim whose lease ran out is due again.
-- cancelled, failed and skipped are final too. Times are to the second.
CREATE TABLE reminders (
	user_key     TEXT NOT NULL,
	number       INTEGER NOT NULL CHECK (number >= 1),
	platform     TEXT NOT NULL,
	workspace    TEXT NOT NULL DEFAULT '',
	user_id      TEXT NOT NULL,
	kind         TEXT NOT NULL CHECK (kind IN ('note', 'preorder', 'delivery-late', 'refund-window')),
	tag          TEXT NOT NULL DEFAULT '',
	order_number INTEGER NOT NULL DEFAULT 0 CHECK (order_number >= 0),
	due          TIMESTAMPTZ NOT NULL,
	zone         TEXT NOT NULL DEFAULT 'UTC',
	lang         TEXT NOT NULL DEFAULT 'en',
	text         TEXT NOT NULL,
	status       TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'delivered', 'cancelled', 'failed', 'skipped')),
	next_try     TIMESTAMPTZ NOT NULL,
	claim        TEXT NOT NULL DEFAULT '',
	attempts     INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
	last_error   TEXT NOT NULL DEFAULT '',
	created      TIMESTAMPTZ NOT NULL,
	delivered    TIMESTAMPTZ,
	-- closed is when the reminder reached a final status; the purge
	-- deletes the finished ones a while after it.
	closed       TIMESTAMPTZ,
	PRIMARY KEY (user_key, number)
);

CREATE UNIQUE INDEX reminders_by_tag ON reminders (user_key, tag) WHERE tag <> '';
CREATE INDEX reminders_due ON reminders (next_try) WHERE status IN ('pending', 'sending');
CREATE INDEX reminders_open ON reminders (user_key) WHERE status IN ('pending', 'sending');
CREATE INDEX reminders_closed ON reminders (closed) WHERE status IN ('delivered', 'cancelled', 'skipped');

-- Each author's reminder settings and counter.
CREATE TABLE reminder_settings (
	user_key    TEXT PRIMARY KEY,
	last_number INTEGER NOT NULL DEFAULT 0 CHECK (last_number >= 0),
	automatic   BOOLEAN NOT NULL DEFAULT true,
	zone        TEXT NOT NULL DEFAULT ''
);
