-- Idempotency-Key of POST /api/evaluations: a repeat of a request with the same key by the same account
-- answers the first answer and stores nothing new (store/IdempotencyKeys).
CREATE TABLE idempotency_key (
    submitter       VARCHAR(100) NOT NULL,
    idem_key        VARCHAR(200) NOT NULL,
    request_sha256  VARCHAR(64)  NOT NULL,
    state           VARCHAR(10)  NOT NULL CHECK (state IN ('PENDING', 'DONE')),
    content_type    VARCHAR(100),
    body            BYTEA,
    created_at      BIGINT       NOT NULL,   -- epoch milliseconds the request was first seen
    PRIMARY KEY (submitter, idem_key)
);
