-- Each author's ledger of copy orders.
--
-- users holds the per-author order counter: numbers come from last_order,
-- never from max(number), so a deleted order's number is never given again.
CREATE TABLE users (
	user_key   TEXT PRIMARY KEY,
	last_order INTEGER NOT NULL DEFAULT 0 CHECK (last_order >= 0)
) STRICT;

-- Dates are YYYY-MM-DD, '' when unset; the checks reject impossible
-- calendar dates such as 2026-02-30, which date() would silently roll over.
-- created and updated are RFC 3339 timestamps in UTC.
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
	ordered     TEXT NOT NULL DEFAULT '' CHECK (ordered = '' OR date(ordered) IS ordered),
	expected    TEXT NOT NULL DEFAULT '' CHECK (expected = '' OR date(expected) IS expected),
	shipped     TEXT NOT NULL DEFAULT '' CHECK (shipped = '' OR date(shipped) IS shipped),
	delivered   TEXT NOT NULL DEFAULT '' CHECK (delivered = '' OR date(delivered) IS delivered),
	cancelled   TEXT NOT NULL DEFAULT '' CHECK (cancelled = '' OR date(cancelled) IS cancelled),
	status      TEXT NOT NULL CHECK (status IN ('ordered', 'shipped', 'delivered', 'cancelled')),
	created     TEXT NOT NULL,
	updated     TEXT NOT NULL,
	PRIMARY KEY (user_key, number)
) STRICT, WITHOUT ROWID;

CREATE INDEX orders_by_status ON orders (user_key, status, number);
