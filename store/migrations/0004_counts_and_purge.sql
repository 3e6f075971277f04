-- What the hot reads need without reading an author's whole ledger.
--
-- users counts each author's orders by status, kept by the triggers
-- below, so that a page of /order list can say "25 of 1,234" and an
-- addition can check the cap on orders in the same transaction without
-- counting rows.
ALTER TABLE users ADD COLUMN ordered_count INTEGER NOT NULL DEFAULT 0 CHECK (ordered_count >= 0);
ALTER TABLE users ADD COLUMN shipped_count INTEGER NOT NULL DEFAULT 0 CHECK (shipped_count >= 0);
ALTER TABLE users ADD COLUMN delivered_count INTEGER NOT NULL DEFAULT 0 CHECK (delivered_count >= 0);
ALTER TABLE users ADD COLUMN cancelled_count INTEGER NOT NULL DEFAULT 0 CHECK (cancelled_count >= 0);

UPDATE users SET
	ordered_count = (SELECT count(*) FROM orders o WHERE o.user_key = users.user_key AND o.status = 'ordered'),
	shipped_count = (SELECT count(*) FROM orders o WHERE o.user_key = users.user_key AND o.status = 'shipped'),
	delivered_count = (SELECT count(*) FROM orders o WHERE o.user_key = users.user_key AND o.status = 'delivered'),
	cancelled_count = (SELECT count(*) FROM orders o WHERE o.user_key = users.user_key AND o.status = 'cancelled');

CREATE TRIGGER orders_count_insert AFTER INSERT ON orders BEGIN
	UPDATE users SET
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

-- The notes under an answer to /ask look at the orders delivered lately.
CREATE INDEX orders_delivered ON orders (user_key, delivered) WHERE status = 'delivered';

-- closed is when a reminder reached a final status (delivered, cancelled,
-- failed, skipped), '' while it is open: finished reminders are purged a
-- while after it. Those already final are given the time of this
-- migration, or their delivery time, so they go a while after the upgrade.
ALTER TABLE reminders ADD COLUMN closed TEXT NOT NULL DEFAULT ''
	CHECK (closed = '' OR closed IS strftime('%Y-%m-%dT%H:%M:%SZ', closed));
UPDATE reminders SET closed = CASE WHEN delivered != '' THEN delivered
	ELSE strftime('%Y-%m-%dT%H:%M:%SZ', 'now') END
	WHERE status IN ('delivered', 'cancelled', 'failed', 'skipped');

-- The cap on an author's open reminders counts these.
CREATE INDEX reminders_open ON reminders (user_key) WHERE status IN ('pending', 'sending');
-- The purge finds these.
CREATE INDEX reminders_closed ON reminders (closed) WHERE status IN ('delivered', 'cancelled', 'skipped');
