-- Verified sign-up (security issue, item 3): a student's registration waits
-- here until the link sent to the address is used; only then does the account
-- exist. `token_hash` is the SHA-256 of the link's token (the link itself is
-- in the outbox only until the email is sent); `password_hash` is the
-- Argon2id hash of the password typed at registration. `notice_version` is
-- the privacy notice the person accepted then: the consent recorded at
-- confirmation names it. A confirmation deletes every request for its
-- address; expired ones go at each new registration and hourly.
CREATE TABLE registration_requests (
    id              INTEGER PRIMARY KEY,
    token_hash      TEXT    NOT NULL UNIQUE,
    email           TEXT    NOT NULL COLLATE NOCASE,
    display_name    TEXT    NOT NULL,
    password_hash   TEXT    NOT NULL,
    locale          TEXT    NOT NULL,
    notice_version  INTEGER NOT NULL,
    created_at      TEXT    NOT NULL,
    expires_at      TEXT    NOT NULL
);
CREATE INDEX registration_requests_email ON registration_requests (email);

CREATE TRIGGER pages_changed_registration_requests_insert AFTER INSERT ON registration_requests
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_registration_requests_update AFTER UPDATE ON registration_requests
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_registration_requests_delete AFTER DELETE ON registration_requests
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;
