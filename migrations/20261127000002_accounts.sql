-- Accounts, sessions, one-time links, the email outbox, the audit log and the
-- login throttle. Times are UTC ISO-8601 text ('YYYY-MM-DDTHH:MM:SSZ').

-- One person, one role. The email is unique whatever its case.
CREATE TABLE accounts (
    id             INTEGER PRIMARY KEY,
    email          TEXT    NOT NULL UNIQUE COLLATE NOCASE CHECK (length(email) BETWEEN 3 AND 254),
    password_hash  TEXT    NOT NULL,
    display_name   TEXT    NOT NULL CHECK (length(trim(display_name)) BETWEEN 1 AND 100),
    role           TEXT    NOT NULL CHECK (role IN ('coordinator', 'mentor', 'mentee')),
    locale         TEXT    NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
    consented_at   TEXT    NOT NULL,
    is_disabled    INTEGER NOT NULL DEFAULT 0 CHECK (is_disabled IN (0, 1)),
    created_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- The table tower-sessions-sqlx-store reads and writes (its own schema, created
-- here so that every schema change goes through a migration).
CREATE TABLE tower_sessions (
    id           TEXT    PRIMARY KEY NOT NULL,
    data         BLOB    NOT NULL,
    expiry_date  INTEGER NOT NULL
);
CREATE INDEX tower_sessions_expiry ON tower_sessions (expiry_date);

-- An invitation to become a mentor or a coordinator. Only the SHA-256 of the
-- link's token is kept: a database leak does not leak working links.
CREATE TABLE invitations (
    id             INTEGER PRIMARY KEY,
    token_hash     TEXT    NOT NULL UNIQUE,
    email          TEXT    NOT NULL COLLATE NOCASE,
    display_name   TEXT    NOT NULL,
    role           TEXT    NOT NULL CHECK (role IN ('coordinator', 'mentor')),
    locale         TEXT    NOT NULL CHECK (locale IN ('fr', 'en')),
    invited_by     INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    created_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    expires_at     TEXT    NOT NULL,
    used_at        TEXT,
    account_id     INTEGER REFERENCES accounts (id) ON DELETE SET NULL
);
CREATE INDEX invitations_email ON invitations (email);

-- A password reset link, single use, short-lived; hash only, as above.
CREATE TABLE password_resets (
    id           INTEGER PRIMARY KEY,
    token_hash   TEXT    NOT NULL UNIQUE,
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    expires_at   TEXT    NOT NULL,
    used_at      TEXT
);

-- Every email the program sends, in the recipient's language, kept for the
-- coordinator to read. `sent_at` stays NULL until SMTP delivered it (or forever
-- when no SMTP server is configured: the message is then only logged).
-- The link a message carries is kept apart from its text (`action_url`) so that
-- the outbox page can withhold a delivered password-reset link from coordinators.
CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY,
    kind         TEXT    NOT NULL,
    recipient    TEXT    NOT NULL,
    locale       TEXT    NOT NULL CHECK (locale IN ('fr', 'en')),
    subject      TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    action_url   TEXT,
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    sent_at      TEXT,
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT
);
CREATE INDEX outbox_unsent ON outbox (sent_at, id);

-- Security events, append-only. `actor_id` did it, `subject` is whom or what it
-- was about (an account id or an email when there is no account).
CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    at           TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    event        TEXT    NOT NULL,
    actor_id     INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    subject      TEXT,
    client       TEXT,
    detail       TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);

-- Failed sign-ins, per key ('account:<email>' or 'address:<ip>'), for the back-off.
CREATE TABLE login_failures (
    key              TEXT    PRIMARY KEY,
    failures         INTEGER NOT NULL,
    last_failure_at  TEXT    NOT NULL
);

-- Program-wide switches the coordinator controls.
CREATE TABLE program_settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
INSERT INTO program_settings (key, value) VALUES ('mentee_registration_open', 'true');
