-- Placements schema, version 3: exchange_base is stored in its key.
--
-- Each record exchanged has a row here, so an import or an export of a whole data set
-- writes hundreds of thousands of them. As a rowid table with a separate primary key
-- index and an index by partner, every row went into three B-trees; WITHOUT ROWID it
-- goes into one. The key leads with the partner, so that the ON DELETE CASCADE of an
-- organisation still finds its rows through the key, which is what the index
-- exchange_base_by_partner was for; nothing queries by (partner_uuid, kind). Lookups
-- by record and partner (both given) use the key as before.

CREATE TABLE exchange_base_new (
  record_uuid TEXT NOT NULL,
  partner_uuid TEXT NOT NULL REFERENCES organisation (uuid)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  kind TEXT NOT NULL,
  fields BLOB NOT NULL,
  exchanged TEXT NOT NULL,
  PRIMARY KEY (partner_uuid, record_uuid)
) WITHOUT ROWID;

INSERT INTO exchange_base_new (record_uuid, partner_uuid, kind, fields, exchanged)
  SELECT record_uuid, partner_uuid, kind, fields, exchanged FROM exchange_base;

DROP TABLE exchange_base;
ALTER TABLE exchange_base_new RENAME TO exchange_base;
