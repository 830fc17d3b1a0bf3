-- Email that survives an outage (operations issue, item 4): after a failed
-- attempt, `next_attempt_at` says when to try again (a wait that doubles
-- from a minute up to a day, `app/src/outbox/backoff.rs`), kept here so a
-- restart keeps the schedule; `failed_at` marks a message given up after its
-- last attempt, until a coordinator sends it again.
ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT;
ALTER TABLE outbox ADD COLUMN failed_at TEXT;

-- Under the old rule a message was abandoned after five attempts, silently:
-- those are now shown as given up, so the coordination can send them again.
UPDATE outbox SET failed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
WHERE sent_at IS NULL AND attempts >= 5;
