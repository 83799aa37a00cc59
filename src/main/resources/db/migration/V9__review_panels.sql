-- Review panels (review/Panel, store/PanelStore). Every act of a panel is a record that is never changed:
-- a reviewer assigned to an evaluation, a chair named for a batch, a conflict declared (which ends that
-- reviewer's assignment), a review submitted, a consensus recorded, a funding line drawn. Each is in the
-- audit chain (kind PANEL). A review being written is a draft, changed freely until it is submitted.
CREATE TABLE panel_record (
    id             VARCHAR(40)  PRIMARY KEY,
    kind           VARCHAR(20)  NOT NULL CHECK (kind IN ('ASSIGNMENT', 'CHAIR', 'CONFLICT', 'REVIEW', 'CONSENSUS', 'FUNDING')),
    batch_id       VARCHAR(40)  NOT NULL REFERENCES batch (id),
    evaluation_id  VARCHAR(40)  REFERENCES evaluation (id),
    account        VARCHAR(100) NOT NULL,   -- the reviewer assigned, named chair, declaring, reviewing; who records
    body_json      TEXT         NOT NULL,   -- what was recorded: scores, comment, recommendation, reason, budget...
    created_at     VARCHAR(40)  NOT NULL,
    created_by     VARCHAR(100) NOT NULL
);
CREATE INDEX panel_record_batch ON panel_record (batch_id, kind);
CREATE INDEX panel_record_evaluation ON panel_record (evaluation_id, kind);

CREATE TABLE review_draft (
    evaluation_id  VARCHAR(40)  NOT NULL REFERENCES evaluation (id),
    reviewer       VARCHAR(100) NOT NULL,
    body_json      TEXT         NOT NULL,
    updated_at     VARCHAR(40)  NOT NULL,
    PRIMARY KEY (evaluation_id, reviewer)
);
