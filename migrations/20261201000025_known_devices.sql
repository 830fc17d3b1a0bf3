-- Devices a person signed in from (security issue, item 4): after a sign-in,
-- the browser keeps a random token in an HttpOnly cookie and only its SHA-256
-- is here. A sign-in from a known device is not slowed by the failures other
-- people (guessers spread over many addresses) piled on the account: the
-- owner who knows the password still gets in, from a new network address
-- too. A device not used for 90 days is forgotten (the cookie's own life).
-- No page reads this table.
CREATE TABLE known_devices (
    id            INTEGER PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    token_hash    TEXT    NOT NULL UNIQUE,
    created_at    TEXT    NOT NULL,
    last_used_at  TEXT    NOT NULL
);
CREATE INDEX known_devices_account ON known_devices (account_id);

-- A new password, a disabled account, a role change or an erasure forgets
-- them too: whoever signs in next proves it again.
CREATE TRIGGER known_devices_end_with_the_proof
AFTER UPDATE OF password_hash, session_epoch ON accounts
WHEN NEW.password_hash IS NOT OLD.password_hash OR NEW.session_epoch IS NOT OLD.session_epoch
BEGIN
    DELETE FROM known_devices WHERE account_id = NEW.id;
END;
