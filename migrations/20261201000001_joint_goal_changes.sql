-- A change to an agreed goal waits for the other person, like the goal
-- itself: marking it achieved or dropped, reopening it, or adding a
-- milestone is proposed by one side (`pending_side`) and applied only when
-- the other side agrees. One change waits at a time; declining or
-- withdrawing it clears these columns. See `goals::changes`.
ALTER TABLE goals ADD COLUMN pending_change TEXT
    CHECK (pending_change IN ('achieved', 'dropped', 'in_progress', 'milestone'));
ALTER TABLE goals ADD COLUMN pending_side TEXT CHECK (pending_side IN ('mentor', 'mentee'));
-- A proposed milestone's title and due date (YYYY-MM-DD).
ALTER TABLE goals ADD COLUMN pending_title TEXT;
ALTER TABLE goals ADD COLUMN pending_due TEXT;

-- The history gains the proposals and their answers (SQLite cannot change a
-- CHECK in place: the table is rebuilt, its rows and ids kept).
CREATE TABLE goal_events_new (
    id          INTEGER PRIMARY KEY,
    goal_id     INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    at          TEXT    NOT NULL,
    side        TEXT    NOT NULL CHECK (side IN ('mentor', 'mentee')),
    kind        TEXT    NOT NULL CHECK (kind IN ('proposed', 'revised', 'agreed', 'changes_requested',
                                                 'milestone_done', 'milestone_undone', 'milestone_added',
                                                 'assessed', 'achieved', 'dropped', 'reopened',
                                                 'achieve_proposed', 'drop_proposed', 'reopen_proposed',
                                                 'milestone_proposed', 'change_declined',
                                                 'change_withdrawn')),
    detail      TEXT    CHECK (detail IS NULL OR length(detail) <= 2000)
);
INSERT INTO goal_events_new (id, goal_id, at, side, kind, detail)
    SELECT id, goal_id, at, side, kind, detail FROM goal_events;
DROP TABLE goal_events;
ALTER TABLE goal_events_new RENAME TO goal_events;
CREATE INDEX goal_events_goal ON goal_events (goal_id, at);
