-- An order's addition writes as few pages as it can (see 0009), and the
-- table's own layout wrote most of them. Keyed by (user_key, number)
-- WITHOUT ROWID, each author's orders sat in their own range of the
-- table, and authors adding at once each grew a page in the middle of
-- it: a page dirtied for every addition of a batch, and often three or
-- four more as a full page shared its rows with its neighbours, each
-- divider above them a whole row. 50 authors adding at once wrote 2.2
-- pages of the table to the WAL an addition.
--
-- So the rows go in order of arrival, at the end of a rowid table, where
-- the additions of a batch share their last page, and the key becomes a
-- unique index: the one thing each author's addition still dirties, an
-- entry a fifth of a row's size.
CREATE TABLE orders_by_rowid (
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
	updated     TEXT NOT NULL
) STRICT;

INSERT INTO orders_by_rowid SELECT * FROM orders ORDER BY user_key, number;
-- Dropping the table drops its triggers and indexes with it; the counts
-- in users stay as they are, since the copy fired no trigger.
DROP TABLE orders;
ALTER TABLE orders_by_rowid RENAME TO orders;

CREATE UNIQUE INDEX orders_by_number ON orders (user_key, number);
CREATE INDEX orders_delivered ON orders (user_key, delivered) WHERE status = 'delivered';
CREATE INDEX orders_past_ordered ON orders (user_key, status, number) WHERE status != 'ordered';

-- The trigger that counts an author's orders moves their last order
-- number on too, in the same UPDATE of their row: an addition takes its
-- number from the writer's memory of it (see store/tallies.go) and is one
-- INSERT, where an upsert of users gave out the number before. max(): a
-- row inserted with a number below last_order (an import, a test's
-- fill) leaves last_order where it is.
CREATE TRIGGER orders_count_insert AFTER INSERT ON orders BEGIN
	UPDATE users SET
		last_order = max(last_order, NEW.number),
		ordered_count = ordered_count + (NEW.status = 'ordered'),
		shipped_count = shipped_count + (NEW.status = 'shipped'),
		delivered_count = delivered_count + (NEW.status = 'delivered'),
		cancelled_count = cancelled_count + (NEW.status = 'cancelled')
	WHERE user_key = NEW.user_key;
END;

CREATE TRIGGER orders_count_delete AFTER DELETE ON orders BEGIN
	UPDATE users SET
		ordered_count = ordered_count - (OLD.status = 'ordered'),
		shipped_count = shipped_count - (OLD.status = 'shipped'),
		delivered_count = delivered_count - (OLD.status = 'delivered'),
		cancelled_count = cancelled_count - (OLD.status = 'cancelled')
	WHERE user_key = OLD.user_key;
END;

CREATE TRIGGER orders_count_update AFTER UPDATE OF status, user_key ON orders BEGIN
	UPDATE users SET
		ordered_count = ordered_count - (OLD.status = 'ordered'),
		shipped_count = shipped_count - (OLD.status = 'shipped'),
		delivered_count = delivered_count - (OLD.status = 'delivered'),
		cancelled_count = cancelled_count - (OLD.status = 'cancelled')
	WHERE user_key = OLD.user_key;
	UPDATE users SET
		ordered_count = ordered_count + (NEW.status = 'ordered'),
		shipped_count = shipped_count + (NEW.status = 'shipped'),
		delivered_count = delivered_count + (NEW.status = 'delivered'),
		cancelled_count = cancelled_count + (NEW.status = 'cancelled')
	WHERE user_key = NEW.user_key;
END;
