-- Placements schema, version 1: every entity of the domain model.
--
-- Every record has an integer id (for list models and FTS), a UUID (its identity in
-- exchange files and in references between records) and created/updated times in
-- UTC (ISO 8601). References are by UUID and deferred, so that one transaction can
-- write records in any order. Codes are stored as the nicks of the core's enums.
-- Dates are YYYY-MM-DD text. Money is in euro cents. Tables listed by name have a
-- sort_key (names folded for sorting, written by the core) so an index serves the order.

CREATE TABLE organisation (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  sort_key TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL CHECK (name <> ''),
  kind TEXT NOT NULL CHECK (kind IN ('care-provider', 'social-employment-company',
    'municipality', 'employment-service', 'ocmw', 'mental-health-provider', 'employer',
    'funder')),
  country TEXT NOT NULL CHECK (country IN ('nl', 'be')),
  registry_number TEXT,
  street TEXT,
  postcode TEXT,
  city TEXT,
  exchange_id TEXT UNIQUE,
  notes TEXT
);
CREATE INDEX organisation_by_name ON organisation (sort_key);
CREATE INDEX organisation_by_kind ON organisation (kind, sort_key);

CREATE TABLE person (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  sort_key TEXT NOT NULL DEFAULT '',
  given_name TEXT,
  family_name TEXT NOT NULL CHECK (family_name <> ''),
  organisation_uuid TEXT REFERENCES organisation (uuid)
    ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED,
  roles INTEGER NOT NULL DEFAULT 0 CHECK (roles BETWEEN 0 AND 255),
  email TEXT,
  phone TEXT
);
CREATE INDEX person_by_name ON person (sort_key);
CREATE INDEX person_by_organisation ON person (organisation_uuid, sort_key);

CREATE TABLE client (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  sort_key TEXT NOT NULL DEFAULT '',
  given_name TEXT,
  family_name TEXT NOT NULL CHECK (family_name <> ''),
  date_of_birth TEXT CHECK (date_of_birth GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  care_organisation_uuid TEXT REFERENCES organisation (uuid)
    ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED,
  target_group TEXT CHECK (target_group IN ('intellectual-disability',
    'psychiatric-vulnerability', 'distance-to-labour-market', 'other')),
  funding_route TEXT CHECK (funding_route IN ('wmo-day-activities', 'wlz', 'participatiewet',
    'wsw', 'wajong', 'vaph', 'w2-activation', 'work-like-activities', 'target-group-employee',
    'wijk-werken')),
  national_id TEXT,
  income_situation TEXT CHECK (income_situation IN ('social-assistance', 'disability-benefit',
    'unemployment-benefit', 'sickness-benefit', 'wage', 'no-income', 'other')),
  right_to_return INTEGER NOT NULL DEFAULT 0 CHECK (right_to_return IN (0, 1)),
  right_to_return_until TEXT
    CHECK (right_to_return_until GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  support_question TEXT,
  goals TEXT
);
CREATE INDEX client_by_name ON client (sort_key);
CREATE INDEX client_by_organisation ON client (care_organisation_uuid, sort_key);
CREATE INDEX client_by_date_of_birth ON client (date_of_birth);

CREATE TABLE ladder_step (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  client_uuid TEXT NOT NULL REFERENCES client (uuid)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  rung INTEGER NOT NULL CHECK (rung BETWEEN 1 AND 6),
  assessed_by_uuid TEXT REFERENCES person (uuid)
    ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ladder_step_by_client ON ladder_step (client_uuid, date);
CREATE INDEX ladder_step_by_assessor ON ladder_step (assessed_by_uuid);

CREATE TABLE allocation (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  client_uuid TEXT NOT NULL REFERENCES client (uuid)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  funder_uuid TEXT NOT NULL REFERENCES organisation (uuid)
    ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED,
  product TEXT NOT NULL CHECK (product <> ''),
  product_code TEXT,
  volume REAL NOT NULL CHECK (volume > 0),
  unit TEXT NOT NULL CHECK (unit IN ('day-part', 'hour', 'day')),
  period TEXT NOT NULL CHECK (period IN ('week', 'month', 'whole-period')),
  start_date TEXT NOT NULL CHECK (start_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  end_date TEXT CHECK (end_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  reference TEXT,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX allocation_by_client ON allocation (client_uuid, start_date);
CREATE INDEX allocation_by_funder ON allocation (funder_uuid);

CREATE TABLE workplace (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  sort_key TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL CHECK (name <> ''),
  host_organisation_uuid TEXT NOT NULL REFERENCES organisation (uuid)
    ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED,
  street TEXT,
  postcode TEXT,
  city TEXT,
  department TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('group-work-corner', 'individual', 'secondment',
    'workplace-learning')),
  capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 500),
  tasks TEXT,
  low_stimulus INTEGER NOT NULL DEFAULT 0 CHECK (low_stimulus IN (0, 1)),
  work_supervisor_uuid TEXT REFERENCES person (uuid)
    ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  opening_hours TEXT
);
CREATE INDEX workplace_by_name ON workplace (sort_key);
CREATE INDEX workplace_by_host ON workplace (host_organisation_uuid, sort_key);
CREATE INDEX workplace_by_supervisor ON workplace (work_supervisor_uuid);

CREATE TABLE attendance (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  client_uuid TEXT NOT NULL REFERENCES client (uuid)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  day_part TEXT NOT NULL CHECK (day_part IN ('morning', 'afternoon')),
  workplace_uuid TEXT REFERENCES workplace (uuid)
    ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED,
  location TEXT,
  status TEXT NOT NULL CHECK (status IN ('present', 'absent-ill', 'absent-leave',
    'absent-holiday', 'absent-without-notice', 'absent-other')),
  registered_by TEXT,
  registered_at TEXT,
  UNIQUE (client_uuid, date, day_part)
);
CREATE INDEX attendance_by_workplace ON attendance (workplace_uuid, date);
CREATE INDEX attendance_by_date ON attendance (date, day_part);

CREATE TABLE buddy (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  person_uuid TEXT NOT NULL UNIQUE REFERENCES person (uuid)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  department TEXT,
  training_date TEXT CHECK (training_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  max_clients INTEGER NOT NULL DEFAULT 1 CHECK (max_clients BETWEEN 1 AND 20),
  notes TEXT
);

CREATE TABLE buddy_pairing (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  buddy_uuid TEXT NOT NULL REFERENCES buddy (uuid)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  client_uuid TEXT NOT NULL REFERENCES client (uuid)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  start_date TEXT NOT NULL CHECK (start_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  end_date TEXT CHECK (end_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX buddy_pairing_by_buddy ON buddy_pairing (buddy_uuid, start_date);
CREATE INDEX buddy_pairing_by_client ON buddy_pairing (client_uuid, start_date);

CREATE TABLE pilot (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  sort_key TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL CHECK (name <> ''),
  start_date TEXT CHECK (start_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  evaluation_date TEXT
    CHECK (evaluation_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  scale_up_date TEXT CHECK (scale_up_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  target_participants INTEGER NOT NULL DEFAULT 0
    CHECK (target_participants BETWEEN 0 AND 100000),
  status TEXT NOT NULL CHECK (status IN ('concept', 'running', 'evaluated', 'scaled-up',
    'structural', 'stopped')),
  evaluation_notes TEXT,
  CHECK (evaluation_date IS NULL OR start_date IS NULL OR evaluation_date >= start_date),
  CHECK (scale_up_date IS NULL OR start_date IS NULL OR scale_up_date >= start_date)
);
CREATE INDEX pilot_by_name ON pilot (sort_key);
CREATE INDEX pilot_by_status ON pilot (status, sort_key);
CREATE INDEX pilot_by_start ON pilot (start_date);

CREATE TABLE pilot_partner (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  pilot_uuid TEXT NOT NULL REFERENCES pilot (uuid)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  organisation_uuid TEXT NOT NULL REFERENCES organisation (uuid)
    ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED,
  UNIQUE (pilot_uuid, organisation_uuid)
);
CREATE INDEX pilot_partner_by_organisation ON pilot_partner (organisation_uuid);

CREATE TABLE pilot_contact (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  pilot_uuid TEXT NOT NULL REFERENCES pilot (uuid)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  person_uuid TEXT NOT NULL REFERENCES person (uuid)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  UNIQUE (pilot_uuid, person_uuid)
);
CREATE INDEX pilot_contact_by_person ON pilot_contact (person_uuid);

CREATE TABLE funding (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  pilot_uuid TEXT NOT NULL REFERENCES pilot (uuid)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  funder_uuid TEXT NOT NULL REFERENCES organisation (uuid)
    ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED,
  amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
  start_date TEXT CHECK (start_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  end_date TEXT CHECK (end_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  reference TEXT,
  reporting_obligation TEXT,
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX funding_by_pilot ON funding (pilot_uuid);
CREATE INDEX funding_by_funder ON funding (funder_uuid);

CREATE TABLE success_criterion (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  pilot_uuid TEXT NOT NULL REFERENCES pilot (uuid)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  description TEXT NOT NULL CHECK (description <> ''),
  target TEXT,
  measured TEXT
);
CREATE INDEX success_criterion_by_pilot ON success_criterion (pilot_uuid);

CREATE TABLE placement (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  client_uuid TEXT NOT NULL REFERENCES client (uuid)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  workplace_uuid TEXT NOT NULL REFERENCES workplace (uuid)
    ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED,
  pilot_uuid TEXT REFERENCES pilot (uuid)
    ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  buddy_uuid TEXT REFERENCES buddy (uuid)
    ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  supervisor_uuid TEXT REFERENCES person (uuid)
    ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  start_date TEXT NOT NULL CHECK (start_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  planned_end_date TEXT
    CHECK (planned_end_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  actual_end_date TEXT
    CHECK (actual_end_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  hours_per_week REAL CHECK (hours_per_week > 0 AND hours_per_week <= 40),
  day_pattern INTEGER NOT NULL DEFAULT 0 CHECK (day_pattern BETWEEN 0 AND 16383),
  status TEXT NOT NULL CHECK (status IN ('registered', 'introduction', 'trial', 'active',
    'paused', 'ended')),
  end_reason TEXT CHECK (end_reason IN ('as-planned', 'temporarily', 'by-client',
    'by-provider', 'early-by-agreement', 'other-provider', 'other-domain')),
  outcome TEXT CHECK (outcome IN ('sheltered-work', 'regular-job', 'job-with-wage-subsidy',
    'volunteering', 'education', 'back-to-day-activities', 'dropped-out')),
  follow_up_6_months TEXT CHECK (follow_up_6_months IN ('sheltered-work', 'regular-job',
    'job-with-wage-subsidy', 'volunteering', 'education', 'back-to-day-activities',
    'dropped-out')),
  follow_up_12_months TEXT CHECK (follow_up_12_months IN ('sheltered-work', 'regular-job',
    'job-with-wage-subsidy', 'volunteering', 'education', 'back-to-day-activities',
    'dropped-out')),
  CHECK (planned_end_date IS NULL OR planned_end_date >= start_date),
  CHECK (actual_end_date IS NULL OR actual_end_date >= start_date),
  CHECK ((status = 'ended') = (end_reason IS NOT NULL))
);
CREATE INDEX placement_by_client ON placement (client_uuid, start_date);
CREATE INDEX placement_by_workplace ON placement (workplace_uuid, status);
CREATE INDEX placement_by_pilot ON placement (pilot_uuid, start_date);
CREATE INDEX placement_by_buddy ON placement (buddy_uuid);
CREATE INDEX placement_by_supervisor ON placement (supervisor_uuid);
CREATE INDEX placement_by_status ON placement (status, start_date);
CREATE INDEX placement_by_start ON placement (start_date);

CREATE TABLE progress_note (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  client_uuid TEXT NOT NULL REFERENCES client (uuid)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  author_uuid TEXT REFERENCES person (uuid)
    ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  kind TEXT NOT NULL CHECK (kind IN ('progress-talk', 'three-way-talk', 'evaluation')),
  text TEXT NOT NULL CHECK (text <> ''),
  ladder_rung INTEGER CHECK (ladder_rung BETWEEN 1 AND 6),
  shareable INTEGER NOT NULL DEFAULT 0 CHECK (shareable IN (0, 1))
);
CREATE INDEX progress_note_by_client ON progress_note (client_uuid, date);
CREATE INDEX progress_note_by_author ON progress_note (author_uuid);

CREATE TABLE consent (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  client_uuid TEXT NOT NULL REFERENCES client (uuid)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  receiver_uuid TEXT NOT NULL REFERENCES organisation (uuid)
    ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED,
  purpose TEXT NOT NULL CHECK (purpose IN ('placement', 'referral', 'reporting')),
  data_categories INTEGER NOT NULL DEFAULT 0 CHECK (data_categories BETWEEN 0 AND 31),
  given_by TEXT NOT NULL CHECK (given_by IN ('client', 'legal-representative')),
  given_date TEXT NOT NULL CHECK (given_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  expiry_date TEXT CHECK (expiry_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  withdrawn_date TEXT
    CHECK (withdrawn_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  CHECK (expiry_date IS NULL OR expiry_date >= given_date),
  CHECK (withdrawn_date IS NULL OR withdrawn_date >= given_date)
);
CREATE INDEX consent_by_client ON consent (client_uuid, receiver_uuid);
CREATE INDEX consent_by_receiver ON consent (receiver_uuid, client_uuid);

CREATE TABLE audit_event (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  at TEXT NOT NULL,
  os_user TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('export', 'import', 'delete', 'erase',
    'consent-change')),
  record_kind TEXT,
  record_uuids TEXT,
  detail TEXT
);
CREATE INDEX audit_event_by_time ON audit_event (at);

-- Full-text search over names and words, kept in step by triggers. The tokenizer
-- folds case and diacritics, so "celik" finds "Çelik".
CREATE VIRTUAL TABLE organisation_search USING fts5 (name, city,
  content = 'organisation', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER organisation_search_insert AFTER INSERT ON organisation BEGIN
  INSERT INTO organisation_search (rowid, name, city) VALUES (new.id, new.name, new.city);
END;
CREATE TRIGGER organisation_search_delete AFTER DELETE ON organisation BEGIN
  INSERT INTO organisation_search (organisation_search, rowid, name, city)
    VALUES ('delete', old.id, old.name, old.city);
END;
CREATE TRIGGER organisation_search_update AFTER UPDATE OF name, city ON organisation BEGIN
  INSERT INTO organisation_search (organisation_search, rowid, name, city)
    VALUES ('delete', old.id, old.name, old.city);
  INSERT INTO organisation_search (rowid, name, city) VALUES (new.id, new.name, new.city);
END;

CREATE VIRTUAL TABLE person_search USING fts5 (given_name, family_name, email,
  content = 'person', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER person_search_insert AFTER INSERT ON person BEGIN
  INSERT INTO person_search (rowid, given_name, family_name, email)
    VALUES (new.id, new.given_name, new.family_name, new.email);
END;
CREATE TRIGGER person_search_delete AFTER DELETE ON person BEGIN
  INSERT INTO person_search (person_search, rowid, given_name, family_name, email)
    VALUES ('delete', old.id, old.given_name, old.family_name, old.email);
END;
CREATE TRIGGER person_search_update AFTER UPDATE OF given_name, family_name, email ON person
BEGIN
  INSERT INTO person_search (person_search, rowid, given_name, family_name, email)
    VALUES ('delete', old.id, old.given_name, old.family_name, old.email);
  INSERT INTO person_search (rowid, given_name, family_name, email)
    VALUES (new.id, new.given_name, new.family_name, new.email);
END;

CREATE VIRTUAL TABLE client_search USING fts5 (given_name, family_name,
  content = 'client', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER client_search_insert AFTER INSERT ON client BEGIN
  INSERT INTO client_search (rowid, given_name, family_name)
    VALUES (new.id, new.given_name, new.family_name);
END;
CREATE TRIGGER client_search_delete AFTER DELETE ON client BEGIN
  INSERT INTO client_search (client_search, rowid, given_name, family_name)
    VALUES ('delete', old.id, old.given_name, old.family_name);
END;
CREATE TRIGGER client_search_update AFTER UPDATE OF given_name, family_name ON client BEGIN
  INSERT INTO client_search (client_search, rowid, given_name, family_name)
    VALUES ('delete', old.id, old.given_name, old.family_name);
  INSERT INTO client_search (rowid, given_name, family_name)
    VALUES (new.id, new.given_name, new.family_name);
END;

CREATE VIRTUAL TABLE workplace_search USING fts5 (name, department, tasks, city,
  content = 'workplace', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER workplace_search_insert AFTER INSERT ON workplace BEGIN
  INSERT INTO workplace_search (rowid, name, department, tasks, city)
    VALUES (new.id, new.name, new.department, new.tasks, new.city);
END;
CREATE TRIGGER workplace_search_delete AFTER DELETE ON workplace BEGIN
  INSERT INTO workplace_search (workplace_search, rowid, name, department, tasks, city)
    VALUES ('delete', old.id, old.name, old.department, old.tasks, old.city);
END;
CREATE TRIGGER workplace_search_update AFTER UPDATE OF name, department, tasks, city
  ON workplace BEGIN
  INSERT INTO workplace_search (workplace_search, rowid, name, department, tasks, city)
    VALUES ('delete', old.id, old.name, old.department, old.tasks, old.city);
  INSERT INTO workplace_search (rowid, name, department, tasks, city)
    VALUES (new.id, new.name, new.department, new.tasks, new.city);
END;

CREATE VIRTUAL TABLE pilot_search USING fts5 (name, evaluation_notes,
  content = 'pilot', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER pilot_search_insert AFTER INSERT ON pilot BEGIN
  INSERT INTO pilot_search (rowid, name, evaluation_notes)
    VALUES (new.id, new.name, new.evaluation_notes);
END;
CREATE TRIGGER pilot_search_delete AFTER DELETE ON pilot BEGIN
  INSERT INTO pilot_search (pilot_search, rowid, name, evaluation_notes)
    VALUES ('delete', old.id, old.name, old.evaluation_notes);
END;
CREATE TRIGGER pilot_search_update AFTER UPDATE OF name, evaluation_notes ON pilot BEGIN
  INSERT INTO pilot_search (pilot_search, rowid, name, evaluation_notes)
    VALUES ('delete', old.id, old.name, old.evaluation_notes);
  INSERT INTO pilot_search (rowid, name, evaluation_notes)
    VALUES (new.id, new.name, new.evaluation_notes);
END;
