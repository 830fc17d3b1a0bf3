-- The sessions a person has open, as "my sessions" lists them (security
-- issue, item 5): each signed-in session carries a random reference in its
-- data, and only that reference's hash is here. Deleting a row ends its
-- session on its next request (the server checks the row on each signed-in
-- request). `device` and `browser`/`os` are read from the User-Agent at sign-in;
-- `client` is the network address last seen.
CREATE TABLE account_sessions (
    id             INTEGER PRIMARY KEY,
    account_id     INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    ref_hash       TEXT    NOT NULL UNIQUE,
    browser        TEXT    NOT NULL,
    os             TEXT    NOT NULL,
    client         TEXT,
    signed_in_at   TEXT    NOT NULL,
    last_seen_at   TEXT    NOT NULL
);
CREATE INDEX account_sessions_account ON account_sessions (account_id);

-- A new password, a disabled or enabled account, a role changed or an erasure
-- (`session_epoch`) ends every session of the account in the same transaction:
-- their proof is already stale, and "my sessions" must not list them.
CREATE TRIGGER account_sessions_end_with_the_proof
AFTER UPDATE OF password_hash, session_epoch ON accounts
WHEN NEW.password_hash IS NOT OLD.password_hash OR NEW.session_epoch IS NOT OLD.session_epoch
BEGIN
    DELETE FROM account_sessions WHERE account_id = NEW.id;
END;
