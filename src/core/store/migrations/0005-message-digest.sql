-- What a received message said, as a SHA-256 digest of its header and its records'
-- text forms: a message id seen again with other content is refused rather than
-- taken for the same message imported twice. NULL for messages logged before, and
-- for those sent from here.
ALTER TABLE exchange_message ADD COLUMN digest TEXT;
