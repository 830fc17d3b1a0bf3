-- The pair's workspace (issue 7): goals set jointly, their milestones and
-- history, meetings with objectives both agree to, the mentor's private notes,
-- constructive feedback, the fit check, and private calendar feeds.
--
-- Joint setting is state, not a comment: a goal or a meeting is 'proposed' by
-- one side ('mentor' or 'mentee') and becomes 'agreed' only when the other
-- side agrees; the other side may instead ask for a change ('changes_requested',
-- with a comment). Each change bumps `version`: an edit made on an older
-- version is refused, so two people never silently overwrite each other.

CREATE TABLE goals (
    id                  INTEGER PRIMARY KEY,
    pair_id             INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    title               TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description         TEXT    CHECK (description IS NULL OR length(description) <= 2000),
    success_criterion   TEXT    NOT NULL CHECK (length(success_criterion) BETWEEN 1 AND 1000),
    -- YYYY-MM-DD, in the program's time zone.
    target_date         TEXT,
    agreement           TEXT    NOT NULL CHECK (agreement IN ('proposed', 'agreed', 'changes_requested')),
    -- The side that wrote the current version (proposed) or asked for a change.
    agreement_side      TEXT    NOT NULL CHECK (agreement_side IN ('mentor', 'mentee')),
    change_comment      TEXT    CHECK (change_comment IS NULL OR length(change_comment) <= 2000),
    status              TEXT    NOT NULL DEFAULT 'in_progress'
                                CHECK (status IN ('in_progress', 'achieved', 'dropped')),
    -- The mentor's latest assessment of progress, and when: it counts when it
    -- is newer than the last milestone ticked or unticked.
    assessed_progress   INTEGER CHECK (assessed_progress IS NULL OR assessed_progress BETWEEN 0 AND 100),
    assessment_comment  TEXT    CHECK (assessment_comment IS NULL OR length(assessment_comment) <= 2000),
    assessed_at         TEXT,
    milestones_changed_at TEXT,
    version             INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL
);
CREATE INDEX goals_pair ON goals (pair_id);

CREATE TABLE milestones (
    id          INTEGER PRIMARY KEY,
    goal_id     INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    title       TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    due_date    TEXT,
    done_at     TEXT,
    created_at  TEXT    NOT NULL
);
CREATE INDEX milestones_goal ON milestones (goal_id, position);

-- A goal's dated history: who did what, when.
CREATE TABLE goal_events (
    id          INTEGER PRIMARY KEY,
    goal_id     INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    at          TEXT    NOT NULL,
    side        TEXT    NOT NULL CHECK (side IN ('mentor', 'mentee')),
    kind        TEXT    NOT NULL CHECK (kind IN ('proposed', 'revised', 'agreed', 'changes_requested',
                                                 'milestone_done', 'milestone_undone', 'milestone_added',
                                                 'assessed', 'achieved', 'dropped', 'reopened')),
    detail      TEXT    CHECK (detail IS NULL OR length(detail) <= 2000)
);
CREATE INDEX goal_events_goal ON goal_events (goal_id, at);

CREATE TABLE meetings (
    id                  INTEGER PRIMARY KEY,
    pair_id             INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    -- UTC, RFC 3339; shown and entered in the program's time zone.
    starts_at           TEXT    NOT NULL,
    duration_minutes    INTEGER NOT NULL CHECK (duration_minutes BETWEEN 15 AND 480),
    modality            TEXT    NOT NULL CHECK (modality IN ('in_person', 'video')),
    -- The place (in person) or the link (video).
    location            TEXT    CHECK (location IS NULL OR length(location) <= 500),
    agreement           TEXT    NOT NULL CHECK (agreement IN ('proposed', 'agreed', 'changes_requested')),
    agreement_side      TEXT    NOT NULL CHECK (agreement_side IN ('mentor', 'mentee')),
    change_comment      TEXT    CHECK (change_comment IS NULL OR length(change_comment) <= 2000),
    status              TEXT    NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
    shared_notes        TEXT    CHECK (shared_notes IS NULL OR length(shared_notes) <= 10000),
    reminder_sent_at    TEXT,
    version             INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL
);
CREATE INDEX meetings_pair ON meetings (pair_id, starts_at);
CREATE INDEX meetings_reminders ON meetings (starts_at) WHERE status = 'planned' AND reminder_sent_at IS NULL;

-- What a meeting is for: an open goal, one of its milestones, or free text
-- (`text` keeps the words either way, so the record reads the same later).
CREATE TABLE meeting_objectives (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    goal_id         INTEGER REFERENCES goals (id) ON DELETE SET NULL,
    milestone_id    INTEGER REFERENCES milestones (id) ON DELETE SET NULL,
    text            TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 500)
);
CREATE INDEX meeting_objectives_meeting ON meeting_objectives (meeting_id, position);

-- Next steps written after a meeting; one may become a milestone of a goal.
CREATE TABLE meeting_next_steps (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    text            TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
    milestone_id    INTEGER REFERENCES milestones (id) ON DELETE SET NULL
);
CREATE INDEX meeting_next_steps_meeting ON meeting_next_steps (meeting_id, position);

-- The mentor's private notes: a table of their own, which only queries made
-- for the mentor of the pair ever read.
CREATE TABLE meeting_private_notes (
    meeting_id  INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
    body        TEXT    NOT NULL CHECK (length(body) <= 10000),
    updated_at  TEXT    NOT NULL
);

-- Constructive feedback, from the mentor to the mentee.
CREATE TABLE feedback (
    id                  INTEGER PRIMARY KEY,
    pair_id             INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    meeting_id          INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    goal_id             INTEGER REFERENCES goals (id) ON DELETE SET NULL,
    -- A progress update of that goal, given with the feedback.
    goal_progress       INTEGER CHECK (goal_progress IS NULL OR goal_progress BETWEEN 0 AND 100),
    strengths           TEXT    NOT NULL CHECK (length(strengths) BETWEEN 1 AND 2000),
    to_improve          TEXT    NOT NULL CHECK (length(to_improve) BETWEEN 1 AND 2000),
    observations        TEXT    NOT NULL CHECK (length(observations) BETWEEN 1 AND 2000),
    next_step           TEXT    NOT NULL CHECK (length(next_step) BETWEEN 1 AND 2000),
    created_at          TEXT    NOT NULL,
    acknowledged_at     TEXT,
    response            TEXT    CHECK (response IS NULL OR length(response) <= 2000),
    responded_at        TEXT
);
CREATE INDEX feedback_pair ON feedback (pair_id, created_at);

-- After the first meeting held, each side says how the pair fits.
CREATE TABLE fit_checks (
    pair_id     INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    side        TEXT    NOT NULL CHECK (side IN ('mentor', 'mentee')),
    answer      TEXT    NOT NULL CHECK (answer IN ('good_fit', 'not_sure', 'not_a_fit')),
    comment     TEXT    CHECK (comment IS NULL OR length(comment) <= 2000),
    answered_at TEXT    NOT NULL,
    PRIMARY KEY (pair_id, side)
);

-- A person's private calendar feed: the URL holds a random token, stored
-- hashed; revoking deletes the row (a new URL can be made).
CREATE TABLE calendar_feeds (
    account_id  INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    token_hash  TEXT    NOT NULL UNIQUE,
    created_at  TEXT    NOT NULL
);
