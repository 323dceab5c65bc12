-- The overview's lists, fast at 100,000 clients (issue: overview and pilot evaluation).
--
-- Consents that expire, allocations that end and follow-ups that are due are found by
-- their dates; the clients per status of their latest placement in one pass over an
-- index that holds all three columns it needs.
CREATE INDEX consent_by_expiry ON consent (expiry_date) WHERE withdrawn_date IS NULL;
CREATE INDEX allocation_by_end ON allocation (end_date);
CREATE INDEX placement_follow_up_6 ON placement (follow_up_6_months_date)
  WHERE status = 'ended' AND follow_up_6_months IS NULL;
CREATE INDEX placement_follow_up_12 ON placement (follow_up_12_months_date)
  WHERE status = 'ended' AND follow_up_12_months IS NULL;
CREATE INDEX placement_latest ON placement (client_uuid, start_date, status);
-- The clients whose care ended longer ago than they are kept: one pass over an index of
-- everything that question reads.
CREATE INDEX placement_care_end
  ON placement (client_uuid, status, actual_end_date, planned_end_date, start_date);
