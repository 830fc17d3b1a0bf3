-- A short message thread per pair, between its two people only. The
-- coordination never reads it, except a message one of them reports to her:
-- that message alone (see `messages`). It ends read-only with the pair.
CREATE TABLE pair_messages (
    id           INTEGER PRIMARY KEY,
    pair_id      INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    author_side  TEXT    NOT NULL CHECK (author_side IN ('mentor', 'mentee')),
    body         TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    sent_at      TEXT    NOT NULL,
    -- Reported by the other person to the coordination, with their note.
    reported_at  TEXT,
    report_note  TEXT    CHECK (report_note IS NULL OR length(report_note) <= 2000)
);
CREATE INDEX pair_messages_by_pair ON pair_messages (pair_id, id);

-- The last message each side has read (unread = the other side's newer ones).
CREATE TABLE pair_message_reads (
    pair_id      INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    side         TEXT    NOT NULL CHECK (side IN ('mentor', 'mentee')),
    last_read_id INTEGER NOT NULL,
    PRIMARY KEY (pair_id, side)
);

-- What each person chose to show the other: their account's email address,
-- and a phone number they type here (shown only while shared).
CREATE TABLE pair_contact_sharing (
    pair_id      INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    side         TEXT    NOT NULL CHECK (side IN ('mentor', 'mentee')),
    share_email  INTEGER NOT NULL DEFAULT 0 CHECK (share_email IN (0, 1)),
    phone        TEXT    CHECK (phone IS NULL OR length(phone) <= 40),
    PRIMARY KEY (pair_id, side)
);
