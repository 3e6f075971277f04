-- Moderators' changes to the knowledge base (package kbedit), as in
-- SQLite's 0007_kb_overrides.sql: each change is the whole new state of
-- one topic's override, the latest of a topic is in effect. kb_version
-- counts the changes; a change updates it in its own transaction, which
-- makes writers of changes take turns (the row's lock), so versions are
-- in the order the changes committed. Replicas hear of a change on the
-- channel kb_changed.
CREATE TABLE kb_version (
	id      INTEGER PRIMARY KEY CHECK (id = 1),
	version BIGINT NOT NULL CHECK (version >= 0)
);
INSERT INTO kb_version (id, version) VALUES (1, 0);

CREATE TABLE kb_changes (
	version      BIGINT PRIMARY KEY,
	topic        TEXT NOT NULL,
	parent       BIGINT NOT NULL,
	action       TEXT NOT NULL CHECK (action IN ('edit', 'add', 'hide', 'revert', 'verify', 'import')),
	author       TEXT NOT NULL,
	created      TIMESTAMPTZ NOT NULL,
	hidden       BOOLEAN NOT NULL,
	base_hash    TEXT NOT NULL,
	from_version BIGINT NOT NULL
);
CREATE INDEX kb_changes_topic ON kb_changes (topic, version);

CREATE TABLE kb_change_files (
	version  BIGINT NOT NULL REFERENCES kb_changes (version),
	lang     TEXT NOT NULL,
	markdown TEXT NOT NULL,
	PRIMARY KEY (version, lang)
);
