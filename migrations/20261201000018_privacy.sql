-- Privacy under Québec's Law 25 (issue 20): who is in charge, the privacy
-- notice as versioned text, each consent with its version and purpose, the
-- log of who read whose personal data, and the one-time links of a person's
-- download of their own data.

-- The person in charge of the protection of personal information: a
-- coordinator flag. The policy admits a privacy officer only while the
-- account is a coordinator's. An existing program's first coordinator holds
-- it (the law makes the person with the highest authority responsible until
-- someone is named).
ALTER TABLE accounts ADD COLUMN is_privacy_officer INTEGER NOT NULL DEFAULT 0
    CHECK (is_privacy_officer IN (0, 1));
UPDATE accounts SET is_privacy_officer = 1
 WHERE id = (SELECT MIN(id) FROM accounts WHERE role = 'coordinator');

-- A new program's first coordinator holds the charge until they hand it on.
CREATE TRIGGER accounts_first_privacy_officer AFTER INSERT ON accounts
WHEN NEW.role = 'coordinator' AND NOT EXISTS
    (SELECT 1 FROM accounts WHERE is_privacy_officer = 1 AND role = 'coordinator')
BEGIN
    UPDATE accounts SET is_privacy_officer = 1 WHERE id = NEW.id;
END;

-- The privacy notice, one row per published version, in both languages.
-- Text in blocks separated by a blank line; a block that starts with "## "
-- is a heading. A material change asks everyone for consent again at their
-- next sign-in; a correction does not.
CREATE TABLE privacy_notices (
    version       INTEGER PRIMARY KEY,
    body_fr       TEXT    NOT NULL CHECK (length(body_fr) BETWEEN 1 AND 20000),
    body_en       TEXT    NOT NULL CHECK (length(body_en) BETWEEN 1 AND 20000),
    changes_fr    TEXT    NOT NULL DEFAULT '' CHECK (length(changes_fr) <= 2000),
    changes_en    TEXT    NOT NULL DEFAULT '' CHECK (length(changes_en) <= 2000),
    is_material   INTEGER NOT NULL CHECK (is_material IN (0, 1)),
    published_at  TEXT    NOT NULL,
    published_by  INTEGER REFERENCES accounts (id) ON DELETE SET NULL
);

INSERT INTO privacy_notices (version, body_fr, body_en, is_material, published_at) VALUES (1,
'Le service de mentorat du Carrefour des savoirs recueille seulement les renseignements nécessaires au programme, conformément à la Loi 25 du Québec.

## Ce que nous recueillons

Votre nom, votre adresse courriel, votre langue, votre rôle dans le programme et, plus tard, ce que vous partagez pour le jumelage et le suivi : besoins, objectifs, rencontres, rétroactions, messages et réponses aux questionnaires. Une candidature de mentor·e contient aussi votre formation, votre emploi et vos disponibilités.

## Pourquoi

Pour former les jumelages, les suivre et faire le bilan du programme. Deux usages sont facultatifs et vous pouvez les retirer en tout temps : la publication d’un témoignage que vous avez écrit, et le regroupement de vos avis dans un courriel hebdomadaire.

## Qui y a accès

L’équipe de coordination du programme et, pour ce qui concerne votre jumelage, votre mentor·e ou votre mentoré·e. Les notes privées d’un·e mentor·e ne sont lisibles que par cette personne. Chaque consultation de vos renseignements par la coordination est inscrite au journal, que vous pouvez lire dans « Mon compte ».

## Combien de temps

Pendant votre participation au programme, puis le temps nécessaire à sa reddition de comptes. Les candidatures refusées ou retirées, les courriels envoyés, les sessions et les échecs de connexion sont effacés après des délais fixés par le programme.

## Vos droits

Dans « Mon compte », vous pouvez corriger vos renseignements, voir vos consentements et retirer ceux qui sont facultatifs, télécharger toutes vos données et voir qui les a consultées. Pour demander leur suppression, ou pour toute question, écrivez à la personne responsable nommée ci-dessous.',
'The Carrefour des savoirs mentoring service collects only the information the program needs, in line with Québec’s Law 25.

## What we collect

Your name, email address, language, your role in the program and, later, what you share for matching and follow-up: needs, goals, meetings, feedback, messages and questionnaire answers. A mentor’s application also holds your education, employment and availability.

## Why

To form the pairs, follow them and report on the program. Two uses are optional and you may withdraw them at any time: publishing a testimonial you wrote, and gathering your notices into a weekly email.

## Who can see it

The program’s coordination team and, for your pairing, your mentor or mentee. A mentor’s private notes can be read by that mentor only. Every time the coordination opens your information, it is logged, and you can read that log in “My account”.

## How long

While you take part in the program, then as long as its reporting requires. Declined or withdrawn applications, sent emails, sessions and failed sign-ins are erased after periods the program sets.

## Your rights

In “My account”, you can correct your information, see your consents and withdraw the optional ones, download all your data and see who read it. To ask for its deletion, or for any question, write to the person in charge named below.',
1, '2026-11-27T00:00:00Z');

-- One row per consent given: who (an account, or an applicant before they
-- have one), for what purpose, to which version of the notice, where, when,
-- and when it was withdrawn. `program` is required to take part; the others
-- are optional.
CREATE TABLE consents (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
    application_id  INTEGER REFERENCES mentor_applications (id) ON DELETE CASCADE,
    purpose         TEXT    NOT NULL
        CHECK (purpose IN ('program', 'testimonial_publication', 'weekly_digest')),
    notice_version  INTEGER NOT NULL REFERENCES privacy_notices (version),
    context         TEXT    NOT NULL
        CHECK (context IN ('registration', 'application', 'invitation', 'account_created',
                           'renewal', 'choice')),
    given_at        TEXT    NOT NULL,
    withdrawn_at    TEXT,
    CHECK (account_id IS NOT NULL OR application_id IS NOT NULL)
);
CREATE INDEX consents_account ON consents (account_id, purpose, given_at);
CREATE INDEX consents_application ON consents (application_id);

-- What existing accounts and applications consented to: version 1, when they did.
INSERT INTO consents (account_id, purpose, notice_version, context, given_at)
SELECT id, 'program', 1,
       CASE role WHEN 'mentee' THEN 'registration' WHEN 'mentor' THEN 'invitation'
                 ELSE 'account_created' END,
       consented_at
  FROM accounts;
INSERT INTO consents (application_id, purpose, notice_version, context, given_at)
SELECT id, 'program', 1, 'application', consented_at FROM mentor_applications;
INSERT INTO consents (account_id, purpose, notice_version, context, given_at)
SELECT id, 'weekly_digest', 1, 'choice', updated_at FROM accounts
 WHERE notification_delivery = 'weekly_digest';
INSERT INTO consents (account_id, purpose, notice_version, context, given_at)
SELECT account_id, 'testimonial_publication', 1, 'choice', written_at FROM testimonials;

-- Every read of a person's data by someone else: who, when, whose (an
-- account, or an application before it has one), what, and why.
CREATE TABLE personal_data_reads (
    id              INTEGER PRIMARY KEY,
    at              TEXT    NOT NULL,
    reader_id       INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    subject_id      INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
    application_id  INTEGER REFERENCES mentor_applications (id) ON DELETE CASCADE,
    what            TEXT    NOT NULL
        CHECK (what IN ('participant_page', 'pair_overview', 'application', 'export',
                        'questionnaire_answers', 'reported_message')),
    purpose         TEXT    NOT NULL
        CHECK (purpose IN ('follow_up', 'screening', 'reporting', 'evaluation', 'moderation')),
    detail          TEXT    NOT NULL DEFAULT '',
    CHECK (subject_id IS NOT NULL OR application_id IS NOT NULL)
);
CREATE INDEX personal_data_reads_subject ON personal_data_reads (subject_id, at);
CREATE INDEX personal_data_reads_application ON personal_data_reads (application_id, at);
CREATE INDEX personal_data_reads_at ON personal_data_reads (at);

-- A person's download of their own data: a link that works once, for an
-- hour, for them only (the token is kept hashed).
CREATE TABLE data_downloads (
    token_hash  TEXT    PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at  TEXT    NOT NULL,
    expires_at  TEXT    NOT NULL,
    used_at     TEXT
);
CREATE INDEX data_downloads_account ON data_downloads (account_id);

-- The kept pages follow the notice and the consents (a testimonial's
-- publication depends on its consent). The reads log and the download links
-- are written by reads and read by no kept page: no triggers.

CREATE TRIGGER pages_changed_privacy_notices_insert AFTER INSERT ON privacy_notices
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_privacy_notices_update AFTER UPDATE ON privacy_notices
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_privacy_notices_delete AFTER DELETE ON privacy_notices
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_consents_insert AFTER INSERT ON consents
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_consents_update AFTER UPDATE ON consents
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_consents_delete AFTER DELETE ON consents
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;
