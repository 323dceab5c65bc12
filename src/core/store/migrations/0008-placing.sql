-- Placing clients and following each step (issue: placements and pilots in the window).
--
-- A client may need a low-stimulus workplace: the ranking of workplaces puts those
-- first for that client. A placement that ends gets the dates of its follow-ups at 6
-- and 12 months. A pilot's partners each have their role in it ("lead applicant",
-- "host").
ALTER TABLE client ADD COLUMN needs_low_stimulus INTEGER NOT NULL DEFAULT 0
  CHECK (needs_low_stimulus IN (0, 1));
ALTER TABLE placement ADD COLUMN follow_up_6_months_date TEXT
  CHECK (follow_up_6_months_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');
ALTER TABLE placement ADD COLUMN follow_up_12_months_date TEXT
  CHECK (follow_up_12_months_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');
ALTER TABLE pilot_partner ADD COLUMN role TEXT;

-- Each step of a placement (registered, introduction, trial, active, paused, ended)
-- with the date it took effect, for the placement's timeline. Warnings the user
-- confirmed at that step (a full workplace, a buddy over their maximum) are kept as
-- comma-separated codes. Local history: it does not travel in exchange files, the
-- placement's status does.
CREATE TABLE placement_step (
  id INTEGER PRIMARY KEY,
  placement_uuid TEXT NOT NULL REFERENCES placement (uuid)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  status TEXT NOT NULL CHECK (status IN ('registered', 'introduction', 'trial', 'active',
    'paused', 'ended')),
  date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  recorded TEXT NOT NULL,
  warnings TEXT
);
CREATE INDEX placement_step_by_placement ON placement_step (placement_uuid, date, id);

-- The same for a pilot's status (concept, running, evaluated, scaled up, structural,
-- stopped); a scale-up keeps the new target number of participants.
CREATE TABLE pilot_step (
  id INTEGER PRIMARY KEY,
  pilot_uuid TEXT NOT NULL REFERENCES pilot (uuid)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  status TEXT NOT NULL CHECK (status IN ('concept', 'running', 'evaluated', 'scaled-up',
    'structural', 'stopped')),
  date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  recorded TEXT NOT NULL,
  target_participants INTEGER CHECK (target_participants BETWEEN 0 AND 100000)
);
CREATE INDEX pilot_step_by_pilot ON pilot_step (pilot_uuid, date, id);
