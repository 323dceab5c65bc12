-- Placements schema, version 2: the state of the exchange with partner organisations.

-- Settings of this database; "own-organisation" holds the UUID of the organisation
-- that runs it, the sender of its exchange files.
CREATE TABLE setting (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Per record and partner, the field values last sent to or received from that
-- partner: the base against which a change here and a change there are told apart.
-- The fields are a GVariant of type a{ss} (field name → text form), serialised.
CREATE TABLE exchange_base (
  record_uuid TEXT NOT NULL,
  partner_uuid TEXT NOT NULL REFERENCES organisation (uuid)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  kind TEXT NOT NULL,
  fields BLOB NOT NULL,
  exchanged TEXT NOT NULL,
  PRIMARY KEY (record_uuid, partner_uuid)
);
CREATE INDEX exchange_base_by_partner ON exchange_base (partner_uuid, kind);

-- Every message sent or received.
CREATE TABLE exchange_message (
  message_id TEXT PRIMARY KEY CHECK (length(message_id) = 36),
  direction TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
  kind TEXT NOT NULL CHECK (kind IN ('referral', 'update', 'acknowledgement', 'report')),
  partner_uuid TEXT REFERENCES organisation (uuid)
    ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  created TEXT NOT NULL,
  processed TEXT NOT NULL,
  in_reply_to TEXT,
  answered TEXT,
  n_records INTEGER NOT NULL DEFAULT 0 CHECK (n_records >= 0)
);
CREATE INDEX exchange_message_by_partner ON exchange_message (partner_uuid, created);

-- What an acknowledgement said of each record of a message we sent.
CREATE TABLE exchange_result (
  message_id TEXT NOT NULL REFERENCES exchange_message (message_id)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  record_uuid TEXT NOT NULL,
  kind TEXT NOT NULL,
  code TEXT NOT NULL CHECK (code IN ('accepted', 'rejected', 'warning')),
  rule TEXT NOT NULL,
  message TEXT,
  PRIMARY KEY (message_id, record_uuid)
);
