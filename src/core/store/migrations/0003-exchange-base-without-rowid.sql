-- Placements schema, version 3: exchange_base keyed WITHOUT ROWID.
--
-- An export writes one base row per record sent: three quarters of a million for
-- the 100,000-client demo. As a rowid table with two indexes each row cost three
-- b-tree inserts (the table, the primary key's index and exchange_base_by_partner),
-- and the pages of all three went through the WAL. Now a row is one b-tree entry.
--
-- The kind is part of the key, between partner and record: an export (and an
-- import) writes kind by kind, each in UUID order, so the rows arrive in key order
-- and fill pages one after another. Keyed by (partner, record) alone the fifteen
-- runs of an export each swept the whole table, and a large export spilled and
-- rewrote pages; measured with 100,000 demo clients, (partner, record) was slower
-- than the old table, (partner, kind, record) a third faster. A record's kind
-- never changes, so a base is still one row per record and partner. With the
-- partner first the key also serves what exchange_base_by_partner was for (every
-- base of one partner, and the ON DELETE CASCADE of an organisation), so the
-- index goes. The columns and what they hold are unchanged.

CREATE TABLE exchange_base_v3 (
  partner_uuid TEXT NOT NULL REFERENCES organisation (uuid)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  kind TEXT NOT NULL,
  record_uuid TEXT NOT NULL,
  fields BLOB NOT NULL,
  exchanged TEXT NOT NULL,
  PRIMARY KEY (partner_uuid, kind, record_uuid)
) WITHOUT ROWID;

INSERT INTO exchange_base_v3 (partner_uuid, kind, record_uuid, fields, exchanged)
  SELECT partner_uuid, kind, record_uuid, fields, exchanged FROM exchange_base
  ORDER BY partner_uuid, kind, record_uuid;

-- Drops exchange_base_by_partner with it.
DROP TABLE exchange_base;
ALTER TABLE exchange_base_v3 RENAME TO exchange_base;
