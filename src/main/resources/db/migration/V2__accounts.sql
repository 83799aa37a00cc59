-- Accounts of the web application: one role each, BCrypt password hashes, and the programmes a
-- reviewer is assigned to. Written for PostgreSQL; H2 runs it in PostgreSQL mode.

CREATE TABLE account (
    username       VARCHAR(100) PRIMARY KEY,
    password_hash  VARCHAR(100) NOT NULL,   -- BCrypt ({bcrypt}$2a$...), never the password
    role           VARCHAR(20)  NOT NULL CHECK (role IN ('APPLICANT', 'REVIEWER', 'AUDITOR', 'ADMIN')),
    created_at     VARCHAR(40)  NOT NULL,
    created_by     VARCHAR(100) NOT NULL
);

-- A reviewer sees and overrides the evaluations of these programmes only.
CREATE TABLE reviewer_program (
    username  VARCHAR(100) NOT NULL REFERENCES account (username),
    program   VARCHAR(100) NOT NULL,
    PRIMARY KEY (username, program)
);
