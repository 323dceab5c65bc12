-- Placements schema, version 6: the access log of NEN 7513, append-only and chained.
--
-- Every entry says who (the OS user), when, what, which client and from which
-- program, and carries the SHA-256 of its own fields and of the entry before it
-- (placements_audit_hash(), the store's own function): changing, inserting or
-- removing an entry behind the app's back breaks the chain from there on, which
-- `placements-cli audit --verify` finds. The triggers refuse UPDATE and DELETE; only
-- the explicit pruning of entries past their retention drops one for a moment, in
-- the transaction that logs the pruning (see placements-audit-log.c).
--
-- The CHECK on action cannot be widened in place, so the table is rebuilt. The
-- entries there are chained in the order of their ids; a consent change names the
-- consent's client.

CREATE TABLE audit_event_v5 (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  at TEXT NOT NULL,
  os_user TEXT NOT NULL,
  program TEXT,
  action TEXT NOT NULL CHECK (action IN ('export', 'import', 'delete', 'erase',
    'consent-change', 'create', 'change', 'open', 'print', 'report', 'backup', 'restore',
    'prune')),
  record_kind TEXT,
  record_uuids TEXT,
  client_uuid TEXT CHECK (client_uuid IS NULL OR length(client_uuid) = 36),
  detail TEXT,
  hash TEXT NOT NULL CHECK (length(hash) = 64)
);

INSERT INTO audit_event_v5 (id, uuid, created, updated, at, os_user, program, action,
                            record_kind, record_uuids, client_uuid, detail, hash)
  WITH RECURSIVE
    old AS (
      SELECT a.id, a.uuid, a.created, a.updated, a.at, a.os_user, NULL AS program, a.action,
             a.record_kind, a.record_uuids,
             CASE a.record_kind
               WHEN 'client' THEN (SELECT c.uuid FROM client c WHERE c.uuid = a.record_uuids)
               WHEN 'consent' THEN (SELECT c.client_uuid FROM consent c
                                    WHERE c.uuid = a.record_uuids)
             END AS client_uuid,
             a.detail
      FROM audit_event a),
    chain (id, hash) AS (
      SELECT 0, ''
      UNION ALL
      SELECT o.id, placements_audit_hash(chain.hash, o.id, o.uuid, o.created, o.updated, o.at,
                                         o.os_user, o.program, o.action, o.record_kind,
                                         o.record_uuids, o.client_uuid, o.detail)
      FROM chain JOIN old o ON o.id = (SELECT min(id) FROM audit_event WHERE id > chain.id))
  SELECT o.id, o.uuid, o.created, o.updated, o.at, o.os_user, o.program, o.action,
         o.record_kind, o.record_uuids, o.client_uuid, o.detail, chain.hash
  FROM chain JOIN old o ON o.id = chain.id
  ORDER BY o.id;

DROP TABLE audit_event;
ALTER TABLE audit_event_v5 RENAME TO audit_event;
CREATE INDEX audit_event_by_time ON audit_event (at);
CREATE INDEX audit_event_by_client ON audit_event (client_uuid, id);

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only: entries cannot be changed');
END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only: entries cannot be deleted');
END;
