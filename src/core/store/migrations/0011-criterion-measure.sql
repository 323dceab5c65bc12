-- A pilot's success criterion is measured by hand with the evaluation where it is a
-- judgement (cost saving, social added value), or counted from the pilot's placements
-- where it is a count or a share (issue: overview and pilot evaluation). NULL: by hand.
ALTER TABLE success_criterion ADD COLUMN measure TEXT
  CHECK (measure IN ('participants', 'placed-after-3-months', 'to-work'));
