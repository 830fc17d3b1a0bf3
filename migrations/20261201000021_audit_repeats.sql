-- A flood of refused sign-ins is summarized: one row per event and client per
-- minute, with how many times it happened (security issue, item 4), so that the
-- audit log cannot be drowned. Every other event keeps one row each (1).
ALTER TABLE audit_log ADD COLUMN repeats INTEGER NOT NULL DEFAULT 1;
