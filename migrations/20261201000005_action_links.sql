-- Links in emails that let a person give a small, low-risk answer without
-- signing in: agree to a meeting's objectives, confirm "we met", acknowledge
-- feedback. Each is a random token stored hashed, tied to one person, one
-- action and one version of one object; it expires, and works once. The page
-- it opens asks for a click (never acts on GET). See `email_links`.
CREATE TABLE action_links (
    id              INTEGER PRIMARY KEY,
    token_hash      TEXT    NOT NULL UNIQUE,
    account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    action          TEXT    NOT NULL
                    CHECK (action IN ('agree_meeting', 'confirm_met', 'acknowledge_feedback')),
    object_id       INTEGER NOT NULL,
    object_version  INTEGER NOT NULL,
    created_at      TEXT    NOT NULL,
    expires_at      TEXT    NOT NULL,
    used_at         TEXT
);
CREATE INDEX action_links_by_account ON action_links (account_id);
