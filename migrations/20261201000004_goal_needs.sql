-- A goal answers one or more of the mentee's needs: the skills she asked
-- for in her profile (`profile_skills` of her profile). The workspace shows
-- which needs have no goal yet. A need she later removes leaves the link
-- (the goal still said it answered it) but is no longer listed as a need.
CREATE TABLE goal_needs (
    goal_id   INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    skill_id  INTEGER NOT NULL REFERENCES skills (id),
    PRIMARY KEY (goal_id, skill_id)
);
