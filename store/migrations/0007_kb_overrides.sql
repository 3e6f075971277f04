-- Moderators' changes to the knowledge base (package kbedit). The content
-- embedded in the binary stays the base; each change is one row of
-- kb_changes holding the whole new state of one topic's override, and
-- kb_change_files its content files, one per language that differs from
-- the base. The latest row of a topic is its override in effect.
--
-- kb_version is one row counting the changes. Every process polls it to
-- learn that another stored one; it is updated in the same transaction as
-- the change it numbers, which also makes writers of changes take turns,
-- so versions are in the order the changes committed. Plain SQL only:
-- the same statements run on PostgreSQL.
CREATE TABLE kb_version (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	version INTEGER NOT NULL CHECK (version >= 0)
);
INSERT INTO kb_version (id, version) VALUES (1, 0);

CREATE TABLE kb_changes (
	version INTEGER PRIMARY KEY,
	topic TEXT NOT NULL,
	parent INTEGER NOT NULL,
	action TEXT NOT NULL CHECK (action IN ('edit', 'add', 'hide', 'revert', 'verify', 'import')),
	author TEXT NOT NULL,
	created TEXT NOT NULL,
	hidden INTEGER NOT NULL CHECK (hidden IN (0, 1)),
	base_hash TEXT NOT NULL,
	from_version INTEGER NOT NULL
);
CREATE INDEX kb_changes_topic ON kb_changes (topic, version);

CREATE TABLE kb_change_files (
	version INTEGER NOT NULL REFERENCES kb_changes (version),
	lang TEXT NOT NULL,
	markdown TEXT NOT NULL,
	PRIMARY KEY (version, lang)
);
