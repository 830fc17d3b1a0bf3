-- A counter in every session's proof of identity: bumping it ends all of an
-- account's sessions (when it is disabled, re-enabled or changes role), without
-- having to find them among the stored sessions.
ALTER TABLE accounts ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;
