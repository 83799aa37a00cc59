-- A signed-in submission to POST /api/evaluations while it is worked on and after (store/Submissions): a
-- request that outlasts the request timeout is answered 202 with /api/submissions/{id}, where the client
-- finds the stored batch once it is committed, or why it was refused. DONE is set in the batch's own
-- transaction, so a submission is DONE exactly when its batch is stored.
CREATE TABLE submission (
    id             VARCHAR(40)  PRIMARY KEY,
    submitter      VARCHAR(200) NOT NULL,
    state          VARCHAR(10)  NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    batch_id       VARCHAR(40)  REFERENCES batch (id),
    problem_status INT,
    problem_json   TEXT,
    submitted_at   VARCHAR(40)  NOT NULL,
    finished_at    VARCHAR(40)
);

-- the submission that is answering a key's first request: a repeat while it works is pointed to it
ALTER TABLE idempotency_key ADD COLUMN submission_id VARCHAR(40);
