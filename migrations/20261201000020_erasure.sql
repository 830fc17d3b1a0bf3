-- Deletion and retention under Québec's Law 25 (issue 20, items 3 and 4).
--
-- A person asks for the deletion of their data from "my account"; a
-- coordinator confirms it, noting what the program must keep. The erasure
-- removes or anonymizes every personal field of theirs, table by table, as
-- `app/src/my_data/data_map.rs` says. The account and profile rows stay,
-- emptied, so that the pairs and the program's anonymous counts stay true.

-- When an account or an application was erased (NULL: it was not).
ALTER TABLE accounts ADD COLUMN erased_at TEXT;
ALTER TABLE mentor_applications ADD COLUMN erased_at TEXT;

-- Requests for deletion, and the register of deletions: one row a request
-- (or an erasure the retention rules made). It holds no deleted data: the
-- account's id (its row is emptied), the role, the dates, who confirmed,
-- what the program keeps and how many rows the erasure changed.
CREATE TABLE deletion_requests (
    id            INTEGER PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role          TEXT    NOT NULL CHECK (role IN ('coordinator', 'mentor', 'mentee')),
    cause         TEXT    NOT NULL CHECK (cause IN ('request', 'retention')),
    status        TEXT    NOT NULL CHECK (status IN ('pending', 'cancelled', 'erased')),
    requested_at  TEXT    NOT NULL,
    decided_at    TEXT,
    decided_by    INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    -- What the program keeps, and why (the coordinator's words, no personal data).
    kept          TEXT    CHECK (kept IS NULL OR length(kept) <= 1000),
    rows_changed  INTEGER
);
-- One pending request at most per account.
CREATE UNIQUE INDEX deletion_requests_one_pending ON deletion_requests (account_id)
    WHERE status = 'pending';
CREATE INDEX deletion_requests_by_status ON deletion_requests (status, requested_at);

CREATE TRIGGER pages_changed_deletion_requests_insert AFTER INSERT ON deletion_requests
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_deletion_requests_update AFTER UPDATE ON deletion_requests
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_deletion_requests_delete AFTER DELETE ON deletion_requests
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

-- The retention periods the program sets (item 4); the code's defaults
-- apply to a key that is absent.
INSERT INTO program_settings (key, value) VALUES
    ('retention_closed_applications_months', '12'),
    ('retention_sign_in_traces_days', '30'),
    ('retention_outbox_months', '12'),
    ('retention_ended_cohort_years', '3');

-- Links in emails already sent are no longer needed: cleared (the mailer
-- clears them from now on when it sends).
UPDATE outbox SET action_url = NULL WHERE sent_at IS NOT NULL AND action_url IS NOT NULL;

-- The notice says how to use the new right, and how long data is kept: a
-- second version (a correction that widens rights: not material, nobody is
-- asked again). Only where the program has not published its own since.
INSERT INTO privacy_notices
    (version, body_fr, body_en, changes_fr, changes_en, is_material, published_at)
SELECT 2,
    replace(replace(body_fr,
        'Pendant votre participation au programme, puis le temps nécessaire à sa reddition de comptes. Les candidatures refusées ou retirées, les courriels envoyés, les sessions et les échecs de connexion sont effacés après des délais fixés par le programme.',
        'Pendant votre participation au programme, puis le temps nécessaire à sa reddition de comptes : vos renseignements sont effacés quand le délai fixé par le programme (trois ans, sauf indication contraire) est écoulé depuis la fin de toutes vos cohortes. Les candidatures refusées ou retirées, les courriels envoyés, les sessions et les échecs de connexion sont effacés après des délais fixés par le programme; la coordination voit d’avance ce que chaque passage efface.'),
        'Pour demander leur suppression, ou pour toute question, écrivez à la personne responsable nommée ci-dessous.',
        'Vous pouvez aussi y demander leur suppression : la personne responsable la confirme et vous dit ce que le programme doit conserver, s’il y a lieu; vos renseignements sont alors effacés ou rendus anonymes partout, et vous ne pouvez plus vous connecter. Pour toute question, écrivez à la personne responsable nommée ci-dessous.'),
    replace(replace(body_en,
        'While you take part in the program, then as long as its reporting requires. Declined or withdrawn applications, sent emails, sessions and failed sign-ins are erased after periods the program sets.',
        'While you take part in the program, then as long as its reporting requires: your information is erased once the period the program sets (three years unless stated otherwise) has passed since all your cohorts ended. Declined or withdrawn applications, sent emails, sessions and failed sign-ins are erased after periods the program sets; the coordination sees beforehand what each run erases.'),
        'To ask for its deletion, or for any question, write to the person in charge named below.',
        'You can also ask there for its deletion: the person in charge confirms it and tells you what the program must keep, if anything; your information is then erased or made anonymous everywhere, and you can no longer sign in. For any question, write to the person in charge named below.'),
    'La suppression de vos renseignements se demande maintenant dans « Mon compte »; la durée de conservation après la fin de vos cohortes est précisée.',
    'You can now ask for the deletion of your information in “My account”; how long information is kept after your cohorts end is stated.',
    0, '2026-12-01T12:00:00Z'
FROM privacy_notices
WHERE version = 1 AND NOT EXISTS (SELECT 1 FROM privacy_notices WHERE version > 1);
