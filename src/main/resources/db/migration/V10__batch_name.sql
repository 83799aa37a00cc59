-- A stored batch may carry a name of the submitter's choosing ("2026 年第一批算力专项申报"), shown beside its
-- programme wherever batches are listed; it is part of the batch's audit chain entry.
ALTER TABLE batch ADD COLUMN name VARCHAR(200);
