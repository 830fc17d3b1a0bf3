-- Closing a cohort (issue 19): its open pairs become 'completed', a status the
-- pairs table did not allow. SQLite cannot change a CHECK in place, so the
-- table is rebuilt the way SQLite documents (https://sqlite.org/lang_altertable.html,
-- "other kinds of table schema changes"): copy, drop, rename, indexes and
-- triggers again. Migrations run with foreign keys off and every reference is
-- checked after them (`server/src/db.rs`): with them on, dropping `pairs`
-- would delete every goal, meeting and message of every pair (ON DELETE CASCADE).
CREATE TABLE pairs_rebuilt (
    id                  INTEGER PRIMARY KEY,
    cohort_id           INTEGER NOT NULL REFERENCES cohorts (id),
    mentee_profile_id   INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    mentor_profile_id   INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    -- 'completed': open when its cohort closed; 'ended': ended early, with a reason.
    status              TEXT    NOT NULL CHECK (status IN ('proposed', 'active', 'declined', 'withdrawn', 'ended', 'completed')),
    -- The score when proposed, for the record (weights may change later).
    score               INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    mentee_answer       TEXT    CHECK (mentee_answer IS NULL OR mentee_answer IN ('accepted', 'declined')),
    mentor_answer       TEXT    CHECK (mentor_answer IS NULL OR mentor_answer IN ('accepted', 'declined')),
    -- Why it was declined (by whom: the answer that says 'declined') or ended.
    reason              TEXT    CHECK (reason IS NULL OR length(reason) <= 2000),
    proposed_by         INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    proposed_at         TEXT    NOT NULL,
    activated_at        TEXT,
    closed_at           TEXT,
    closed_by           INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    end_requested_side  TEXT    CHECK (end_requested_side IS NULL OR end_requested_side IN ('mentor', 'mentee')),
    end_requested_at    TEXT,
    end_request_reason  TEXT    CHECK (end_request_reason IS NULL OR length(end_request_reason) <= 2000),
    CHECK (mentee_profile_id <> mentor_profile_id)
);

INSERT INTO pairs_rebuilt (
    id, cohort_id, mentee_profile_id, mentor_profile_id, status, score,
    mentee_answer, mentor_answer, reason, proposed_by, proposed_at, activated_at,
    closed_at, closed_by, end_requested_side, end_requested_at, end_request_reason
)
SELECT
    id, cohort_id, mentee_profile_id, mentor_profile_id, status, score,
    mentee_answer, mentor_answer, reason, proposed_by, proposed_at, activated_at,
    closed_at, closed_by, end_requested_side, end_requested_at, end_request_reason
FROM pairs;

DROP TABLE pairs;
ALTER TABLE pairs_rebuilt RENAME TO pairs;

CREATE UNIQUE INDEX pairs_one_open_per_mentee ON pairs (mentee_profile_id)
    WHERE status IN ('proposed', 'active');
CREATE INDEX pairs_mentor_open ON pairs (mentor_profile_id) WHERE status IN ('proposed', 'active');
CREATE INDEX pairs_cohort ON pairs (cohort_id, status);
CREATE INDEX pairs_by_mentee ON pairs (mentee_profile_id, status);
CREATE INDEX pairs_by_mentor ON pairs (mentor_profile_id, status);

CREATE TRIGGER board_changed_pairs_insert AFTER INSERT ON pairs
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;
CREATE TRIGGER board_changed_pairs_update AFTER UPDATE ON pairs
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;
CREATE TRIGGER board_changed_pairs_delete AFTER DELETE ON pairs
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;
CREATE TRIGGER pages_changed_pairs_insert AFTER INSERT ON pairs
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;
CREATE TRIGGER pages_changed_pairs_update AFTER UPDATE ON pairs
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;
CREATE TRIGGER pages_changed_pairs_delete AFTER DELETE ON pairs
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

-- When and by whom a cohort was closed: a closed cohort no longer matches, is
-- never the current one, and its history stays readable.
ALTER TABLE cohorts ADD COLUMN closed_at TEXT;
ALTER TABLE cohorts ADD COLUMN closed_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL;

