-- Following the program (issue 15): each cohort's attention thresholds, what the
-- coordinator decided about an attention item (snoozed or handled, with a
-- note), and the nudges sent from an item.
--
-- An attention item is not stored: it is computed from the program's data each
-- time (`reports::attention`). Only the coordinator's decisions are kept, under
-- the item's key (e.g. `no_meeting:pair:12`), with the item's level at that
-- moment: the item comes back when its level rises (the situation worsened) or
-- when the snooze ends.

CREATE TABLE follow_up_settings (
    cohort_id                   INTEGER PRIMARY KEY REFERENCES cohorts (id) ON DELETE CASCADE,
    proposal_unanswered_days    INTEGER NOT NULL CHECK (proposal_unanswered_days BETWEEN 1 AND 90),
    no_meeting_weeks            INTEGER NOT NULL CHECK (no_meeting_weeks BETWEEN 1 AND 26),
    meeting_unlogged_days       INTEGER NOT NULL CHECK (meeting_unlogged_days BETWEEN 1 AND 60),
    feedback_unacknowledged_days INTEGER NOT NULL CHECK (feedback_unacknowledged_days BETWEEN 1 AND 90),
    mentee_waiting_days         INTEGER NOT NULL CHECK (mentee_waiting_days BETWEEN 1 AND 180),
    nudge_interval_days         INTEGER NOT NULL CHECK (nudge_interval_days BETWEEN 1 AND 60),
    updated_at                  TEXT    NOT NULL
);

CREATE TABLE attention_decisions (
    item_key    TEXT    PRIMARY KEY CHECK (length(item_key) BETWEEN 1 AND 100),
    cohort_id   INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    decision    TEXT    NOT NULL CHECK (decision IN ('snoozed', 'handled')),
    -- YYYY-MM-DD (program time): a snoozed item comes back that day.
    until       TEXT    CHECK (until IS NULL OR date(until) IS NOT NULL),
    -- The item's level when decided: it comes back above it.
    level       INTEGER NOT NULL CHECK (level >= 0),
    note        TEXT    CHECK (note IS NULL OR length(note) <= 2000),
    decided_by  INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    decided_at  TEXT    NOT NULL,
    CHECK ((decision = 'snoozed') = (until IS NOT NULL))
);
CREATE INDEX attention_decisions_cohort ON attention_decisions (cohort_id);

-- One row per email sent from an attention item (one per person when an item
-- concerns two). `pair_id` puts it on the pair's history.
CREATE TABLE nudges (
    id              INTEGER PRIMARY KEY,
    item_key        TEXT    NOT NULL CHECK (length(item_key) BETWEEN 1 AND 100),
    cohort_id       INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    pair_id         INTEGER REFERENCES pairs (id) ON DELETE CASCADE,
    recipient_id    INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    personal_line   TEXT    CHECK (personal_line IS NULL OR length(personal_line) <= 500),
    outbox_id       INTEGER REFERENCES outbox (id) ON DELETE SET NULL,
    sent_by         INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    sent_at         TEXT    NOT NULL
);
CREATE INDEX nudges_item ON nudges (item_key, sent_at);
CREATE INDEX nudges_pair ON nudges (pair_id, sent_at);
