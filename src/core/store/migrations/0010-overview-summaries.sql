-- The overview under 100 ms at 100,000 clients (issue: overview and pilot evaluation).
--
-- Three of its questions are about each client's placements or ladder steps taken
-- together: the status of the latest placement (the figures), whether care has ended and
-- when (the clients proposed for erasure), and the date of the last assessment (the
-- ladder list). Asked of the placements and ladder steps themselves, each reads an index
-- of every row (40-50 ms apiece). These two tables keep the answer per client, derived
-- from those rows by the triggers below and from nothing else: they hold no data of
-- their own, and a client's row goes when their last placement or step goes.

CREATE TABLE client_placement_summary (
  client_uuid TEXT PRIMARY KEY NOT NULL,
  -- the status of the placement that started last (the later-made one on a tie)
  latest_status TEXT NOT NULL,
  -- 1 while a placement is in introduction, trial, active or paused
  running INTEGER NOT NULL,
  -- when every placement has ended: the last day of care; NULL while one has not
  care_ended TEXT
) WITHOUT ROWID;
CREATE INDEX client_placement_summary_by_status
  ON client_placement_summary (latest_status);
CREATE INDEX client_placement_summary_by_care_ended
  ON client_placement_summary (care_ended, client_uuid) WHERE care_ended IS NOT NULL;

CREATE TABLE client_ladder_summary (
  client_uuid TEXT PRIMARY KEY NOT NULL,
  last_assessed TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX client_ladder_summary_by_date ON client_ladder_summary (last_assessed);

INSERT INTO client_placement_summary
  SELECT client_uuid,
         (SELECT status FROM placement l WHERE l.client_uuid = p.client_uuid
           ORDER BY start_date DESC, id DESC LIMIT 1),
         max (status IN ('introduction', 'trial', 'active', 'paused')),
         CASE WHEN sum (status <> 'ended') = 0
           THEN max (coalesce (actual_end_date, planned_end_date, start_date)) END
    FROM placement p GROUP BY client_uuid;

INSERT INTO client_ladder_summary
  SELECT client_uuid, max (date) FROM ladder_step GROUP BY client_uuid;

-- Each trigger recomputes the one client a change touched, from that client's rows.
CREATE TRIGGER placement_summary_after_insert AFTER INSERT ON placement BEGIN
  DELETE FROM client_placement_summary WHERE client_uuid = new.client_uuid;
  INSERT INTO client_placement_summary
    SELECT client_uuid,
           (SELECT status FROM placement l WHERE l.client_uuid = new.client_uuid
             ORDER BY start_date DESC, id DESC LIMIT 1),
           max (status IN ('introduction', 'trial', 'active', 'paused')),
           CASE WHEN sum (status <> 'ended') = 0
             THEN max (coalesce (actual_end_date, planned_end_date, start_date)) END
      FROM placement WHERE client_uuid = new.client_uuid GROUP BY client_uuid;
END;

CREATE TRIGGER placement_summary_after_delete AFTER DELETE ON placement BEGIN
  DELETE FROM client_placement_summary WHERE client_uuid = old.client_uuid;
  INSERT INTO client_placement_summary
    SELECT client_uuid,
           (SELECT status FROM placement l WHERE l.client_uuid = old.client_uuid
             ORDER BY start_date DESC, id DESC LIMIT 1),
           max (status IN ('introduction', 'trial', 'active', 'paused')),
           CASE WHEN sum (status <> 'ended') = 0
             THEN max (coalesce (actual_end_date, planned_end_date, start_date)) END
      FROM placement WHERE client_uuid = old.client_uuid GROUP BY client_uuid;
END;

CREATE TRIGGER placement_summary_after_update
  AFTER UPDATE OF client_uuid, status, start_date, actual_end_date, planned_end_date
  ON placement BEGIN
  DELETE FROM client_placement_summary
    WHERE client_uuid IN (old.client_uuid, new.client_uuid);
  INSERT INTO client_placement_summary
    SELECT client_uuid,
           (SELECT status FROM placement l WHERE l.client_uuid = p.client_uuid
             ORDER BY start_date DESC, id DESC LIMIT 1),
           max (status IN ('introduction', 'trial', 'active', 'paused')),
           CASE WHEN sum (status <> 'ended') = 0
             THEN max (coalesce (actual_end_date, planned_end_date, start_date)) END
      FROM placement p WHERE client_uuid IN (old.client_uuid, new.client_uuid)
      GROUP BY client_uuid;
END;

CREATE TRIGGER ladder_summary_after_insert AFTER INSERT ON ladder_step BEGIN
  INSERT OR REPLACE INTO client_ladder_summary
    SELECT client_uuid, max (date) FROM ladder_step
      WHERE client_uuid = new.client_uuid GROUP BY client_uuid;
END;

CREATE TRIGGER ladder_summary_after_delete AFTER DELETE ON ladder_step BEGIN
  DELETE FROM client_ladder_summary WHERE client_uuid = old.client_uuid;
  INSERT INTO client_ladder_summary
    SELECT client_uuid, max (date) FROM ladder_step
      WHERE client_uuid = old.client_uuid GROUP BY client_uuid;
END;

CREATE TRIGGER ladder_summary_after_update AFTER UPDATE OF client_uuid, date ON ladder_step
  BEGIN
  DELETE FROM client_ladder_summary WHERE client_uuid IN (old.client_uuid, new.client_uuid);
  INSERT INTO client_ladder_summary
    SELECT client_uuid, max (date) FROM ladder_step
      WHERE client_uuid IN (old.client_uuid, new.client_uuid) GROUP BY client_uuid;
END;

-- The workplaces over capacity count, per workplace, only the placements that hold a
-- place; consents expiring or expired are counted with their client from one index.
CREATE INDEX placement_holding_place ON placement (workplace_uuid)
  WHERE status IN ('introduction', 'trial', 'active');
CREATE INDEX consent_open_by_expiry ON consent (expiry_date, client_uuid)
  WHERE withdrawn_date IS NULL;
DROP INDEX consent_by_expiry;
CREATE INDEX buddy_pairing_load ON buddy_pairing (buddy_uuid, start_date, end_date);
DROP INDEX placement_latest;
DROP INDEX placement_care_end;
-- A pilot's evaluation finds each participant's rung at the start and now: from the index
-- alone, without reading each step's row.
CREATE INDEX ladder_step_by_client_with_rung ON ladder_step (client_uuid, date, id, rung);
DROP INDEX ladder_step_by_client;
