-- Placements schema, version 7: a deleted record is forgotten, not only unlisted.
--
-- The exchange kept, per record and partner, the fields last exchanged
-- (exchange_base): deleting a record left all of it there as text, a client's name
-- and support question included. Now deleting a record of any kind, by hand or by a
-- cascade (a client's placements, notes, consents, ...), deletes its bases too. The
-- key of exchange_base starts with the partner, so the triggers name the partners:
-- every organisation a message went to or came from, few, and indexed.
--
-- The bases of records deleted before this version are deleted here, and each
-- full-text index is merged once, which drops the words of deleted rows that it
-- still held (the store merges the index again after each deletion).

CREATE TRIGGER organisation_forget_exchange AFTER DELETE ON organisation BEGIN
  DELETE FROM exchange_base
    WHERE partner_uuid IN (SELECT partner_uuid FROM exchange_message
                           WHERE partner_uuid IS NOT NULL)
      AND kind = 'organisation' AND record_uuid = old.uuid;
END;
CREATE TRIGGER person_forget_exchange AFTER DELETE ON person BEGIN
  DELETE FROM exchange_base
    WHERE partner_uuid IN (SELECT partner_uuid FROM exchange_message
                           WHERE partner_uuid IS NOT NULL)
      AND kind = 'person' AND record_uuid = old.uuid;
END;
CREATE TRIGGER client_forget_exchange AFTER DELETE ON client BEGIN
  DELETE FROM exchange_base
    WHERE partner_uuid IN (SELECT partner_uuid FROM exchange_message
                           WHERE partner_uuid IS NOT NULL)
      AND kind = 'client' AND record_uuid = old.uuid;
END;
CREATE TRIGGER ladder_step_forget_exchange AFTER DELETE ON ladder_step BEGIN
  DELETE FROM exchange_base
    WHERE partner_uuid IN (SELECT partner_uuid FROM exchange_message
                           WHERE partner_uuid IS NOT NULL)
      AND kind = 'ladder-step' AND record_uuid = old.uuid;
END;
CREATE TRIGGER allocation_forget_exchange AFTER DELETE ON allocation BEGIN
  DELETE FROM exchange_base
    WHERE partner_uuid IN (SELECT partner_uuid FROM exchange_message
                           WHERE partner_uuid IS NOT NULL)
      AND kind = 'allocation' AND record_uuid = old.uuid;
END;
CREATE TRIGGER workplace_forget_exchange AFTER DELETE ON workplace BEGIN
  DELETE FROM exchange_base
    WHERE partner_uuid IN (SELECT partner_uuid FROM exchange_message
                           WHERE partner_uuid IS NOT NULL)
      AND kind = 'workplace' AND record_uuid = old.uuid;
END;
CREATE TRIGGER attendance_forget_exchange AFTER DELETE ON attendance BEGIN
  DELETE FROM exchange_base
    WHERE partner_uuid IN (SELECT partner_uuid FROM exchange_message
                           WHERE partner_uuid IS NOT NULL)
      AND kind = 'attendance' AND record_uuid = old.uuid;
END;
CREATE TRIGGER buddy_forget_exchange AFTER DELETE ON buddy BEGIN
  DELETE FROM exchange_base
    WHERE partner_uuid IN (SELECT partner_uuid FROM exchange_message
                           WHERE partner_uuid IS NOT NULL)
      AND kind = 'buddy' AND record_uuid = old.uuid;
END;
CREATE TRIGGER buddy_pairing_forget_exchange AFTER DELETE ON buddy_pairing BEGIN
  DELETE FROM exchange_base
    WHERE partner_uuid IN (SELECT partner_uuid FROM exchange_message
                           WHERE partner_uuid IS NOT NULL)
      AND kind = 'buddy-pairing' AND record_uuid = old.uuid;
END;
CREATE TRIGGER pilot_forget_exchange AFTER DELETE ON pilot BEGIN
  DELETE FROM exchange_base
    WHERE partner_uuid IN (SELECT partner_uuid FROM exchange_message
                           WHERE partner_uuid IS NOT NULL)
      AND kind = 'pilot' AND record_uuid = old.uuid;
END;
CREATE TRIGGER pilot_partner_forget_exchange AFTER DELETE ON pilot_partner BEGIN
  DELETE FROM exchange_base
    WHERE partner_uuid IN (SELECT partner_uuid FROM exchange_message
                           WHERE partner_uuid IS NOT NULL)
      AND kind = 'pilot-partner' AND record_uuid = old.uuid;
END;
CREATE TRIGGER pilot_contact_forget_exchange AFTER DELETE ON pilot_contact BEGIN
  DELETE FROM exchange_base
    WHERE partner_uuid IN (SELECT partner_uuid FROM exchange_message
                           WHERE partner_uuid IS NOT NULL)
      AND kind = 'pilot-contact' AND record_uuid = old.uuid;
END;
CREATE TRIGGER funding_forget_exchange AFTER DELETE ON funding BEGIN
  DELETE FROM exchange_base
    WHERE partner_uuid IN (SELECT partner_uuid FROM exchange_message
                           WHERE partner_uuid IS NOT NULL)
      AND kind = 'funding' AND record_uuid = old.uuid;
END;
CREATE TRIGGER success_criterion_forget_exchange AFTER DELETE ON success_criterion BEGIN
  DELETE FROM exchange_base
    WHERE partner_uuid IN (SELECT partner_uuid FROM exchange_message
                           WHERE partner_uuid IS NOT NULL)
      AND kind = 'success-criterion' AND record_uuid = old.uuid;
END;
CREATE TRIGGER placement_forget_exchange AFTER DELETE ON placement BEGIN
  DELETE FROM exchange_base
    WHERE partner_uuid IN (SELECT partner_uuid FROM exchange_message
                           WHERE partner_uuid IS NOT NULL)
      AND kind = 'placement' AND record_uuid = old.uuid;
END;
CREATE TRIGGER progress_note_forget_exchange AFTER DELETE ON progress_note BEGIN
  DELETE FROM exchange_base
    WHERE partner_uuid IN (SELECT partner_uuid FROM exchange_message
                           WHERE partner_uuid IS NOT NULL)
      AND kind = 'progress-note' AND record_uuid = old.uuid;
END;
CREATE TRIGGER consent_forget_exchange AFTER DELETE ON consent BEGIN
  DELETE FROM exchange_base
    WHERE partner_uuid IN (SELECT partner_uuid FROM exchange_message
                           WHERE partner_uuid IS NOT NULL)
      AND kind = 'consent' AND record_uuid = old.uuid;
END;

DELETE FROM exchange_base WHERE
(kind = 'organisation' AND NOT EXISTS (SELECT 1 FROM organisation WHERE uuid = record_uuid))
  OR (kind = 'person' AND NOT EXISTS (SELECT 1 FROM person WHERE uuid = record_uuid))
  OR (kind = 'client' AND NOT EXISTS (SELECT 1 FROM client WHERE uuid = record_uuid))
  OR (kind = 'ladder-step' AND NOT EXISTS (SELECT 1 FROM ladder_step WHERE uuid = record_uuid))
  OR (kind = 'allocation' AND NOT EXISTS (SELECT 1 FROM allocation WHERE uuid = record_uuid))
  OR (kind = 'workplace' AND NOT EXISTS (SELECT 1 FROM workplace WHERE uuid = record_uuid))
  OR (kind = 'attendance' AND NOT EXISTS (SELECT 1 FROM attendance WHERE uuid = record_uuid))
  OR (kind = 'buddy' AND NOT EXISTS (SELECT 1 FROM buddy WHERE uuid = record_uuid))
  OR (kind = 'buddy-pairing' AND NOT EXISTS (SELECT 1 FROM buddy_pairing WHERE uuid = record_uuid))
  OR (kind = 'pilot' AND NOT EXISTS (SELECT 1 FROM pilot WHERE uuid = record_uuid))
  OR (kind = 'pilot-partner' AND NOT EXISTS (SELECT 1 FROM pilot_partner WHERE uuid = record_uuid))
  OR (kind = 'pilot-contact' AND NOT EXISTS (SELECT 1 FROM pilot_contact WHERE uuid = record_uuid))
  OR (kind = 'funding' AND NOT EXISTS (SELECT 1 FROM funding WHERE uuid = record_uuid))
  OR (kind = 'success-criterion'
      AND NOT EXISTS (SELECT 1 FROM success_criterion WHERE uuid = record_uuid))
  OR (kind = 'placement' AND NOT EXISTS (SELECT 1 FROM placement WHERE uuid = record_uuid))
  OR (kind = 'progress-note' AND NOT EXISTS (SELECT 1 FROM progress_note WHERE uuid = record_uuid))
  OR (kind = 'consent' AND NOT EXISTS (SELECT 1 FROM consent WHERE uuid = record_uuid));

INSERT INTO organisation_search (organisation_search) VALUES ('optimize');
INSERT INTO person_search (person_search) VALUES ('optimize');
INSERT INTO client_search (client_search) VALUES ('optimize');
INSERT INTO workplace_search (workplace_search) VALUES ('optimize');
INSERT INTO pilot_search (pilot_search) VALUES ('optimize');
