-- Testimonials (issue 19, item 6): one per person, written once one of their
-- pairs is completed, in the language they wrote it in, signed as they chose;
-- shown on the home page once the coordinator approves it, until its author
-- withdraws it. The home page is a kept page: the triggers below make it
-- follow every change.
CREATE TABLE testimonials (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER NOT NULL UNIQUE REFERENCES accounts (id) ON DELETE CASCADE,
    body         TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 1200),
    language     TEXT    NOT NULL CHECK (language IN ('fr', 'en')),
    signature    TEXT    NOT NULL CHECK (signature IN ('full_name', 'first_name', 'anonymous')),
    status       TEXT    NOT NULL CHECK (status IN ('submitted', 'approved', 'declined', 'withdrawn')),
    written_at   TEXT    NOT NULL,
    decided_at   TEXT,
    decided_by   INTEGER REFERENCES accounts (id) ON DELETE SET NULL
);
CREATE INDEX testimonials_status ON testimonials (status, decided_at);

CREATE TRIGGER pages_changed_testimonials_insert AFTER INSERT ON testimonials
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_testimonials_update AFTER UPDATE ON testimonials
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_testimonials_delete AFTER DELETE ON testimonials
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;
