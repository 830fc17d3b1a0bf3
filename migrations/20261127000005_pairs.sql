-- Matching (issue 6): pairs, the coordinator's locks and exclusions, and each
-- cohort's matching weights.

-- A pair is proposed by the coordinator; each person accepts or declines; it is
-- active when both accept; the coordinator may withdraw a proposal or end a pair.
-- Proposed and active pairs count against the mentor's capacity.
CREATE TABLE pairs (
    id                  INTEGER PRIMARY KEY,
    cohort_id           INTEGER NOT NULL REFERENCES cohorts (id),
    mentee_profile_id   INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    mentor_profile_id   INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    status              TEXT    NOT NULL CHECK (status IN ('proposed', 'active', 'declined', 'withdrawn', 'ended')),
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
    CHECK (mentee_profile_id <> mentor_profile_id)
);
-- A mentee has at most one open (proposed or active) pair.
CREATE UNIQUE INDEX pairs_one_open_per_mentee ON pairs (mentee_profile_id)
    WHERE status IN ('proposed', 'active');
CREATE INDEX pairs_mentor_open ON pairs (mentor_profile_id) WHERE status IN ('proposed', 'active');
CREATE INDEX pairs_cohort ON pairs (cohort_id, status);

-- The coordinator's decisions about a (mentee, mentor) pair for matching runs:
-- 'locked' keeps the pair in every draft, 'forbidden' never proposes it.
CREATE TABLE pair_constraints (
    mentee_profile_id   INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    mentor_profile_id   INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    kind                TEXT    NOT NULL CHECK (kind IN ('locked', 'forbidden')),
    created_by          INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    created_at          TEXT    NOT NULL,
    PRIMARY KEY (mentee_profile_id, mentor_profile_id)
);
-- At most one lock per mentee.
CREATE UNIQUE INDEX pair_constraints_one_lock ON pair_constraints (mentee_profile_id)
    WHERE kind = 'locked';

-- Each cohort's weights (they add up to 100) and optional criteria.
CREATE TABLE matching_settings (
    cohort_id                    INTEGER PRIMARY KEY REFERENCES cohorts (id) ON DELETE CASCADE,
    weight_domain                INTEGER NOT NULL CHECK (weight_domain BETWEEN 0 AND 100),
    weight_skills                INTEGER NOT NULL CHECK (weight_skills BETWEEN 0 AND 100),
    weight_language              INTEGER NOT NULL CHECK (weight_language BETWEEN 0 AND 100),
    weight_modality              INTEGER NOT NULL CHECK (weight_modality BETWEEN 0 AND 100),
    weight_availability          INTEGER NOT NULL CHECK (weight_availability BETWEEN 0 AND 100),
    require_compatible_modality  INTEGER NOT NULL DEFAULT 0 CHECK (require_compatible_modality IN (0, 1)),
    min_score                    INTEGER NOT NULL DEFAULT 0 CHECK (min_score BETWEEN 0 AND 100),
    updated_at                   TEXT    NOT NULL,
    CHECK (weight_domain + weight_skills + weight_language + weight_modality + weight_availability = 100)
);
