-- Failed sign-ins, per account ("account:NAME") and per client ("client:ADDRESS"), kept in the store so that
-- every node of a cluster counts the same failures (account/SignInThrottle).
CREATE TABLE sign_in_failure (
    throttle_key   VARCHAR(200) PRIMARY KEY,
    failures       INTEGER      NOT NULL,
    window_start   BIGINT       NOT NULL,   -- epoch milliseconds of the first failure counted
    locked_until   BIGINT       NOT NULL    -- epoch milliseconds; 0 when not locked
);
