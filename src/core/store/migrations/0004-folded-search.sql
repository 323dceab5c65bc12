-- Search as coordinators type: the full-text index holds one folded column,
-- search_text, written by the store (its searchable fields, marks taken off and
-- letters such as ı, ł, ø and ß written as typed, "yilmaz" for "Yılmaz"). SQLite's
-- tokenizer alone leaves those letters as they are, so "yilmaz" missed "Yılmaz".
-- Sort keys are folded the same way now and are computed again. placements_fold()
-- and the sort key functions are the store's own, registered on its connection.

ALTER TABLE organisation ADD COLUMN search_text TEXT;
UPDATE organisation SET sort_key = placements_sort_key_for_text(name),
  search_text = placements_fold(name, city);
DROP TRIGGER organisation_search_insert;
DROP TRIGGER organisation_search_delete;
DROP TRIGGER organisation_search_update;
DROP TABLE organisation_search;
CREATE VIRTUAL TABLE organisation_search USING fts5 (search_text,
  content = 'organisation', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO organisation_search (organisation_search) VALUES ('rebuild');
CREATE TRIGGER organisation_search_insert AFTER INSERT ON organisation BEGIN
  INSERT INTO organisation_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER organisation_search_delete AFTER DELETE ON organisation BEGIN
  INSERT INTO organisation_search (organisation_search, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER organisation_search_update AFTER UPDATE OF search_text ON organisation BEGIN
  INSERT INTO organisation_search (organisation_search, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
  INSERT INTO organisation_search (rowid, search_text) VALUES (new.id, new.search_text);
END;

ALTER TABLE person ADD COLUMN search_text TEXT;
UPDATE person SET sort_key = placements_sort_key_for_name(family_name, given_name),
  search_text = placements_fold(given_name, family_name, email);
DROP TRIGGER person_search_insert;
DROP TRIGGER person_search_delete;
DROP TRIGGER person_search_update;
DROP TABLE person_search;
CREATE VIRTUAL TABLE person_search USING fts5 (search_text,
  content = 'person', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO person_search (person_search) VALUES ('rebuild');
CREATE TRIGGER person_search_insert AFTER INSERT ON person BEGIN
  INSERT INTO person_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER person_search_delete AFTER DELETE ON person BEGIN
  INSERT INTO person_search (person_search, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER person_search_update AFTER UPDATE OF search_text ON person BEGIN
  INSERT INTO person_search (person_search, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
  INSERT INTO person_search (rowid, search_text) VALUES (new.id, new.search_text);
END;

ALTER TABLE client ADD COLUMN search_text TEXT;
UPDATE client SET sort_key = placements_sort_key_for_name(family_name, given_name),
  search_text = placements_fold(given_name, family_name);
DROP TRIGGER client_search_insert;
DROP TRIGGER client_search_delete;
DROP TRIGGER client_search_update;
DROP TABLE client_search;
CREATE VIRTUAL TABLE client_search USING fts5 (search_text,
  content = 'client', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO client_search (client_search) VALUES ('rebuild');
CREATE TRIGGER client_search_insert AFTER INSERT ON client BEGIN
  INSERT INTO client_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER client_search_delete AFTER DELETE ON client BEGIN
  INSERT INTO client_search (client_search, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER client_search_update AFTER UPDATE OF search_text ON client BEGIN
  INSERT INTO client_search (client_search, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
  INSERT INTO client_search (rowid, search_text) VALUES (new.id, new.search_text);
END;

ALTER TABLE workplace ADD COLUMN search_text TEXT;
UPDATE workplace SET sort_key = placements_sort_key_for_text(name),
  search_text = placements_fold(name, city, department, tasks);
DROP TRIGGER workplace_search_insert;
DROP TRIGGER workplace_search_delete;
DROP TRIGGER workplace_search_update;
DROP TABLE workplace_search;
CREATE VIRTUAL TABLE workplace_search USING fts5 (search_text,
  content = 'workplace', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO workplace_search (workplace_search) VALUES ('rebuild');
CREATE TRIGGER workplace_search_insert AFTER INSERT ON workplace BEGIN
  INSERT INTO workplace_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER workplace_search_delete AFTER DELETE ON workplace BEGIN
  INSERT INTO workplace_search (workplace_search, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER workplace_search_update AFTER UPDATE OF search_text ON workplace BEGIN
  INSERT INTO workplace_search (workplace_search, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
  INSERT INTO workplace_search (rowid, search_text) VALUES (new.id, new.search_text);
END;

ALTER TABLE pilot ADD COLUMN search_text TEXT;
UPDATE pilot SET sort_key = placements_sort_key_for_text(name),
  search_text = placements_fold(name, evaluation_notes);
DROP TRIGGER pilot_search_insert;
DROP TRIGGER pilot_search_delete;
DROP TRIGGER pilot_search_update;
DROP TABLE pilot_search;
CREATE VIRTUAL TABLE pilot_search USING fts5 (search_text,
  content = 'pilot', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO pilot_search (pilot_search) VALUES ('rebuild');
CREATE TRIGGER pilot_search_insert AFTER INSERT ON pilot BEGIN
  INSERT INTO pilot_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER pilot_search_delete AFTER DELETE ON pilot BEGIN
  INSERT INTO pilot_search (pilot_search, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER pilot_search_update AFTER UPDATE OF search_text ON pilot BEGIN
  INSERT INTO pilot_search (pilot_search, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
  INSERT INTO pilot_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
