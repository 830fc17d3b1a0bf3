-- A cohort's optimal draft, kept on the server until the coordinator
-- accepts or discards it: matching a cohort takes several sittings, and the
-- draft lived in the browser (a reload lost it). `generation` is the board's
-- change counter when the draft was computed and `computed_on` the program's
-- day: when either moved, the board computes the draft again before showing
-- it, so that it never proposes what the board no longer allows.
CREATE TABLE matching_drafts (
    cohort_id   INTEGER PRIMARY KEY REFERENCES cohorts (id) ON DELETE CASCADE,
    generation  INTEGER NOT NULL,
    computed_on TEXT    NOT NULL CHECK (date(computed_on) IS NOT NULL),
    -- The engine's answer (`board::drafts::StoredDraft`, JSON).
    draft       TEXT    NOT NULL CHECK (json_valid(draft)),
    run_by      INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    run_at      TEXT    NOT NULL
);
