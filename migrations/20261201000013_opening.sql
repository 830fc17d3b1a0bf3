-- Opening a cohort (issue 19, item 1): mentees are invited too, one by one or
-- by an imported list, into the cohort the coordinator chose; a mentor invited
-- or promoted without an application has the seed's three eligibility answers
-- recorded.

-- Invitations: the role may be 'mentee', and an invitation may name the cohort
-- its profile joins (otherwise the current one, as before). SQLite cannot
-- change a CHECK: the table is rebuilt (migrations run with foreign keys off).
CREATE TABLE invitations_rebuilt (
    id             INTEGER PRIMARY KEY,
    token_hash     TEXT    NOT NULL UNIQUE,
    email          TEXT    NOT NULL COLLATE NOCASE,
    display_name   TEXT    NOT NULL,
    role           TEXT    NOT NULL CHECK (role IN ('coordinator', 'mentor', 'mentee')),
    locale         TEXT    NOT NULL CHECK (locale IN ('fr', 'en')),
    invited_by     INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    created_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    expires_at     TEXT    NOT NULL,
    used_at        TEXT,
    account_id     INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    cohort_id      INTEGER REFERENCES cohorts (id) ON DELETE SET NULL
);

INSERT INTO invitations_rebuilt (id, token_hash, email, display_name, role, locale, invited_by,
                                 created_at, expires_at, used_at, account_id)
SELECT id, token_hash, email, display_name, role, locale, invited_by,
       created_at, expires_at, used_at, account_id
FROM invitations;

DROP TABLE invitations;
ALTER TABLE invitations_rebuilt RENAME TO invitations;
CREATE INDEX invitations_email ON invitations (email);

CREATE TRIGGER pages_changed_invitations_insert AFTER INSERT ON invitations
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_invitations_update AFTER UPDATE ON invitations
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_invitations_delete AFTER DELETE ON invitations
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

-- The three answers of the seed's rule, recorded by a coordinator who makes
-- someone a mentor without an application (by invitation or by a change of
-- role). Only answers that meet the rule are recorded: the server refuses the
-- others.
CREATE TABLE mentor_eligibility (
    id                 INTEGER PRIMARY KEY,
    email              TEXT    NOT NULL COLLATE NOCASE,
    way                TEXT    NOT NULL CHECK (way IN ('invitation', 'promotion')),
    diploma_level      TEXT    NOT NULL CHECK (diploma_level IN ('none', 'secondary', 'college', 'bachelor', 'master', 'doctorate')),
    is_employed        INTEGER NOT NULL CHECK (is_employed IN (0, 1)),
    works_in_research  INTEGER NOT NULL CHECK (works_in_research IN (0, 1)),
    recorded_by        INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    recorded_at        TEXT    NOT NULL
);
CREATE INDEX mentor_eligibility_email ON mentor_eligibility (email);

CREATE TRIGGER pages_changed_mentor_eligibility_insert AFTER INSERT ON mentor_eligibility
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_mentor_eligibility_update AFTER UPDATE ON mentor_eligibility
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_mentor_eligibility_delete AFTER DELETE ON mentor_eligibility
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

-- A list of mentees to invite, kept between its preview and its sending, so
-- that a reload or a second sitting loses nothing. `sent_at` once invited.
CREATE TABLE mentee_imports (
    id              INTEGER PRIMARY KEY,
    cohort_id       INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    default_locale  TEXT    NOT NULL CHECK (default_locale IN ('fr', 'en')),
    list            TEXT    NOT NULL CHECK (length(list) <= 200000),
    created_by      INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    created_at      TEXT    NOT NULL,
    sent_at         TEXT,
    invited         INTEGER
);

CREATE TRIGGER pages_changed_mentee_imports_insert AFTER INSERT ON mentee_imports
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_mentee_imports_update AFTER UPDATE ON mentee_imports
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_mentee_imports_delete AFTER DELETE ON mentee_imports
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;
