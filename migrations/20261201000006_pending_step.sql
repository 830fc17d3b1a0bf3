-- A next step of a meeting proposed as a milestone of an agreed goal: the
-- milestone waits for the other side like any other (`pending_change`
-- 'milestone'), and the step is linked to it once agreed.
ALTER TABLE goals ADD COLUMN pending_step_id INTEGER
    REFERENCES meeting_next_steps (id) ON DELETE SET NULL;
