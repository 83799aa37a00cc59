-- The evaluation before it was put into words (rule ids, points, values), so that a stored evaluation is
-- shown in another language by wording it again, not by evaluating it again. Null for evaluations stored
-- before it was kept.
ALTER TABLE evaluation ADD COLUMN outcome_json TEXT;
