-- How a person receives the notices that can wait (see `outbox::digest`):
-- each at once ('immediate', the default) or gathered in one weekly digest
-- ('weekly_digest'). Urgent notices always go at once, whatever the choice.
ALTER TABLE accounts ADD COLUMN notification_delivery TEXT NOT NULL DEFAULT 'immediate'
    CHECK (notification_delivery IN ('immediate', 'weekly_digest'));

-- A notice held for its recipient's next weekly digest, composed in their
-- language when it was held. Deleted in the transaction that queues the
-- digest containing it: a notice is in one digest, once.
CREATE TABLE held_notices (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
);
CREATE INDEX held_notices_by_account ON held_notices (account_id, created_at);
