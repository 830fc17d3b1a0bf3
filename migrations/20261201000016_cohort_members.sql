-- Mentors and mentees across cohorts (issue 19, item 3): a person takes part in
-- several cohorts over the years with one account and one profile, never a
-- copy. `cohort_members` says who takes part in which cohort; the board of a
-- cohort matches only its confirmed members. A mentor carried over to the next
-- cohort is `invited` until they confirm their capacity and availability for
-- it (then `confirmed`) or decline (`declined`).
--
-- `profiles.cohort_id` stays as the person's latest cohort (the one new pages
-- show first); every value it takes is also a confirmed membership (triggers
-- below), so that no write path that places a person can forget the table.
CREATE TABLE cohort_members (
    cohort_id    INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    profile_id   INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    status       TEXT    NOT NULL CHECK (status IN ('invited', 'confirmed', 'declined')),
    -- What a carried-over mentor confirmed for this cohort (also written to
    -- their profile, which the board reads).
    capacity     INTEGER,
    availability INTEGER,
    invited_by   INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    invited_at   TEXT,
    answered_at  TEXT,
    PRIMARY KEY (cohort_id, profile_id)
);
CREATE INDEX cohort_members_profile ON cohort_members (profile_id, status);

INSERT INTO cohort_members (cohort_id, profile_id, status, answered_at)
SELECT cohort_id, id, 'confirmed', updated_at FROM profiles WHERE cohort_id IS NOT NULL;

CREATE TRIGGER cohort_members_follow_profiles_insert AFTER INSERT ON profiles
WHEN NEW.cohort_id IS NOT NULL
BEGIN
    INSERT INTO cohort_members (cohort_id, profile_id, status, answered_at)
    VALUES (NEW.cohort_id, NEW.id, 'confirmed', NEW.updated_at)
    ON CONFLICT (cohort_id, profile_id) DO UPDATE SET status = 'confirmed';
END;

CREATE TRIGGER cohort_members_follow_profiles_update AFTER UPDATE OF cohort_id ON profiles
WHEN NEW.cohort_id IS NOT NULL AND NEW.cohort_id IS NOT OLD.cohort_id
BEGIN
    INSERT INTO cohort_members (cohort_id, profile_id, status, answered_at)
    VALUES (NEW.cohort_id, NEW.id, 'confirmed', NEW.updated_at)
    ON CONFLICT (cohort_id, profile_id) DO UPDATE SET status = 'confirmed';
END;

CREATE TRIGGER board_changed_cohort_members_insert AFTER INSERT ON cohort_members
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_cohort_members_update AFTER UPDATE ON cohort_members
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_cohort_members_delete AFTER DELETE ON cohort_members
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER pages_changed_cohort_members_insert AFTER INSERT ON cohort_members
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_cohort_members_update AFTER UPDATE ON cohort_members
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_cohort_members_delete AFTER DELETE ON cohort_members
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;
