-- The evaluation store. Written for PostgreSQL; H2 runs it in PostgreSQL mode.
-- Times are ISO-8601 text (UTC, milliseconds) so that they hash identically on both databases.

CREATE TABLE ruleset (
    version        VARCHAR(80)   PRIMARY KEY,   -- sha256:<hex> of the rule files: content-addressed
    origin         VARCHAR(1000) NOT NULL,
    registered_at  VARCHAR(40)   NOT NULL
);

CREATE TABLE ruleset_file (
    version  VARCHAR(80)  NOT NULL REFERENCES ruleset (version),
    path     VARCHAR(500) NOT NULL,
    content  TEXT         NOT NULL,
    PRIMARY KEY (version, path)
);

CREATE TABLE batch (
    id               VARCHAR(40)  PRIMARY KEY,
    submitted_by     VARCHAR(200) NOT NULL,
    submitted_at     VARCHAR(40)  NOT NULL,
    program          VARCHAR(100),
    lang             VARCHAR(5)   NOT NULL,
    ruleset_version  VARCHAR(80)  NOT NULL REFERENCES ruleset (version),
    evaluated_count  INT          NOT NULL,
    rejected_json    TEXT         NOT NULL
);

CREATE TABLE evaluation (
    id                VARCHAR(40)   PRIMARY KEY,
    batch_id          VARCHAR(40)   NOT NULL REFERENCES batch (id),
    position          INT           NOT NULL,
    application_id    VARCHAR(200)  NOT NULL,
    program           VARCHAR(100)  NOT NULL,
    lang              VARCHAR(5)    NOT NULL,
    with_suggestions  BOOLEAN       NOT NULL,
    ruleset_version   VARCHAR(80)   NOT NULL REFERENCES ruleset (version),
    input_json        TEXT          NOT NULL,
    input_sha256      VARCHAR(64)   NOT NULL,
    result_json       TEXT          NOT NULL,
    total_score       NUMERIC(10, 2) NOT NULL,
    eligible          BOOLEAN       NOT NULL,
    submitted_by      VARCHAR(200)  NOT NULL,
    created_at        VARCHAR(40)   NOT NULL
);
CREATE INDEX evaluation_batch ON evaluation (batch_id, position);
CREATE INDEX evaluation_submitter ON evaluation (submitted_by);

-- A reviewer's judgement beside the engine's: the engine's result is never changed.
CREATE TABLE override_record (
    id             VARCHAR(40)  PRIMARY KEY,
    evaluation_id  VARCHAR(40)  NOT NULL REFERENCES evaluation (id),
    reviewer       VARCHAR(200) NOT NULL,
    target_kind    VARCHAR(20)  NOT NULL,   -- DIMENSION or ELIGIBILITY
    target         VARCHAR(100) NOT NULL,   -- the dimension id, or "eligible"
    rule_id        VARCHAR(20)  NOT NULL,   -- the finding or gate the override is about
    engine_value   VARCHAR(100) NOT NULL,
    new_value      VARCHAR(100) NOT NULL,
    justification  TEXT         NOT NULL,
    created_at     VARCHAR(40)  NOT NULL
);
CREATE INDEX override_evaluation ON override_record (evaluation_id);

-- The audit chain: one entry per record above, each carrying the hash of the one before.
CREATE TABLE audit_log (
    seq             BIGINT      PRIMARY KEY,
    kind            VARCHAR(20) NOT NULL,   -- RULESET, BATCH, EVALUATION, OVERRIDE
    ref_id          VARCHAR(80) NOT NULL,
    payload_sha256  VARCHAR(64) NOT NULL,
    prev_hash       VARCHAR(64) NOT NULL,
    hash            VARCHAR(64) NOT NULL,
    created_at      VARCHAR(40) NOT NULL
);

-- The head of the chain, locked by every append so that concurrent submissions line up.
CREATE TABLE chain_head (
    id    INT         PRIMARY KEY,
    seq   BIGINT      NOT NULL,
    hash  VARCHAR(64) NOT NULL
);
INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
