-- The trigger that counts an author's orders moves their last order
-- number on too, in the same UPDATE of their row: an addition takes its
-- number from the writer's memory of it (see store/tallies.go) and is one
-- INSERT, where an upsert of users gave out the number before.
--
-- max(): a row inserted with a number below last_order (an import, a
-- test's fill) leaves last_order where it is.
DROP TRIGGER orders_count_insert;
CREATE TRIGGER orders_count_insert AFTER INSERT ON orders BEGIN
	UPDATE users SET
		last_order = max(last_order, NEW.number),
		ordered_count = ordered_count + (NEW.status = 'ordered'),
		shipped_count = shipped_count + (NEW.status = 'shipped'),
		delivered_count = delivered_count + (NEW.status = 'delivered'),
		cancelled_count = cancelled_count + (NEW.status = 'cancelled')
	WHERE user_key = NEW.user_key;
END;
