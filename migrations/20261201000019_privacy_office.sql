-- The privacy officer's office under Québec's Law 25 (issue 20, item 6):
-- how the person in charge is named on the privacy page, and the register of
-- confidentiality incidents the law requires the organization to keep.

-- The person in charge of the protection of personal information as the
-- privacy page names them: one row at most (the program names one person;
-- the title is said in both languages). Written by the privacy officer; the
-- flag on `accounts` says who may write it, this row what the public reads.
CREATE TABLE privacy_contact (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT    NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
    title_fr    TEXT    NOT NULL CHECK (length(trim(title_fr)) BETWEEN 1 AND 200),
    title_en    TEXT    NOT NULL CHECK (length(trim(title_en)) BETWEEN 1 AND 200),
    email       TEXT    NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    phone       TEXT    CHECK (phone IS NULL OR length(phone) BETWEEN 1 AND 40),
    updated_at  TEXT    NOT NULL,
    updated_by  INTEGER REFERENCES accounts (id) ON DELETE SET NULL
);

-- The register of confidentiality incidents (Law 25, s. 3.8 of the private
-- sector act): every incident, even one without a risk of serious injury,
-- with its dates, what happened, whose information and which, the
-- assessment of the risk, the measures taken and the notifications made.
-- Dates are days (YYYY-MM-DD, program time); `revision` counts the edits, so
-- that an edit made from an older page is refused instead of overwriting.
CREATE TABLE confidentiality_incidents (
    id                      INTEGER PRIMARY KEY,
    occurred_on             TEXT    NOT NULL CHECK (date(occurred_on) = occurred_on),
    discovered_on           TEXT    NOT NULL CHECK (date(discovered_on) = discovered_on),
    nature                  TEXT    NOT NULL CHECK (length(nature) BETWEEN 1 AND 4000),
    information_concerned   TEXT    NOT NULL CHECK (length(information_concerned) BETWEEN 1 AND 2000),
    people_concerned        TEXT    NOT NULL CHECK (length(people_concerned) BETWEEN 1 AND 2000),
    -- Approximate; NULL when not known yet.
    people_count            INTEGER CHECK (people_count IS NULL OR people_count >= 0),
    risk                    TEXT    NOT NULL CHECK (risk IN ('low', 'serious')),
    risk_reasoning          TEXT    NOT NULL CHECK (length(risk_reasoning) BETWEEN 1 AND 2000),
    measures                TEXT    NOT NULL CHECK (length(measures) BETWEEN 1 AND 2000),
    commission_notified_on  TEXT    CHECK (commission_notified_on IS NULL
                                           OR date(commission_notified_on) = commission_notified_on),
    people_notified_on      TEXT    CHECK (people_notified_on IS NULL
                                           OR date(people_notified_on) = people_notified_on),
    recorded_at             TEXT    NOT NULL,
    recorded_by             INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    updated_at              TEXT,
    updated_by              INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    revision                INTEGER NOT NULL DEFAULT 1,
    CHECK (discovered_on >= occurred_on)
);
CREATE INDEX confidentiality_incidents_occurred ON confidentiality_incidents (occurred_on);

-- The privacy page reads the person in charge; the coordination's pages
-- (the register's count on the privacy officer's page) read the incidents.

CREATE TRIGGER pages_changed_privacy_contact_insert AFTER INSERT ON privacy_contact
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_privacy_contact_update AFTER UPDATE ON privacy_contact
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_privacy_contact_delete AFTER DELETE ON privacy_contact
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_confidentiality_incidents_insert
AFTER INSERT ON confidentiality_incidents
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_confidentiality_incidents_update
AFTER UPDATE ON confidentiality_incidents
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_confidentiality_incidents_delete
AFTER DELETE ON confidentiality_incidents
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;
