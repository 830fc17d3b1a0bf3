-- Multi-factor sign-in (security issue, item 1): an authenticator app's
-- time-based codes (TOTP, RFC 6238) and ten single-use recovery codes.
-- `secret` is the base32 TOTP secret: the server needs it to check a code, so
-- it is stored as it is (see docs/SECURITY.md). It waits unconfirmed
-- (`confirmed_at` NULL) until a first code proves the app holds it.
-- `last_used_step` refuses a code's time step a second time (replay).
CREATE TABLE mfa_factors (
    account_id      INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    secret          TEXT    NOT NULL,
    confirmed_at    TEXT,
    last_used_step  INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT    NOT NULL
);

-- Recovery codes: 80 random bits each, kept as their SHA-256 only; a used
-- code keeps its row (`used_at`) so that "codes left" can be told.
CREATE TABLE mfa_recovery_codes (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash   TEXT    NOT NULL,
    used_at     TEXT
);
CREATE INDEX mfa_recovery_codes_account ON mfa_recovery_codes (account_id);

-- Required of every coordinator: on for a new program (no account yet), off
-- for one already running until a coordinator turns it on.
INSERT INTO program_settings (key, value)
SELECT 'mfa_required_for_coordinators',
       CASE WHEN EXISTS (SELECT 1 FROM accounts) THEN 'false' ELSE 'true' END
WHERE true
ON CONFLICT (key) DO NOTHING;

CREATE TRIGGER pages_changed_mfa_factors_insert AFTER INSERT ON mfa_factors
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_mfa_factors_update AFTER UPDATE ON mfa_factors
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_mfa_factors_delete AFTER DELETE ON mfa_factors
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_mfa_recovery_codes_insert AFTER INSERT ON mfa_recovery_codes
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_mfa_recovery_codes_update AFTER UPDATE ON mfa_recovery_codes
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_mfa_recovery_codes_delete AFTER DELETE ON mfa_recovery_codes
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;
