-- Whether an answer helped: one vote per author per answer (topic and
-- language); voting again replaces the earlier vote.
CREATE TABLE votes (
	user_key TEXT NOT NULL,
	topic    TEXT NOT NULL,
	lang     TEXT NOT NULL,
	helpful  INTEGER NOT NULL CHECK (helpful IN (0, 1)),
	voted    TEXT NOT NULL,
	PRIMARY KEY (user_key, topic, lang)
) STRICT, WITHOUT ROWID;

CREATE INDEX votes_by_topic ON votes (topic, lang);
