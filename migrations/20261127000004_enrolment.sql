-- Enrolment: the skills taxonomy, mentor applications and their review, and the
-- matching profiles of mentors and mentees. Everything matching will read is
-- structured (codes from lists), with free text only beside it.

-- Skills mentors offer and mentees want to learn: the second shared taxonomy,
-- shaped like `domains` (a missing label stays NULL and is shown as missing).
CREATE TABLE skills (
    id          INTEGER PRIMARY KEY,
    code        TEXT    NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
    label_fr    TEXT    CHECK (label_fr IS NULL OR length(trim(label_fr)) > 0),
    label_en    TEXT    CHECK (label_en IS NULL OR length(trim(label_en)) > 0),
    position    INTEGER NOT NULL DEFAULT 0,
    is_active   INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- The starting list: what students entering the health and social services
-- network ask mentors about. Not demo data; coordinators edit it.
INSERT INTO skills (code, label_fr, label_en, position) VALUES
    ('career-planning',        'Planification de carrière',                          'Career planning',                                10),
    ('job-search',             'Recherche d''emploi et CV',                          'Job search and résumé',                          20),
    ('interviews',             'Préparation aux entrevues',                          'Interview preparation',                          30),
    ('networking',             'Réseautage professionnel',                           'Professional networking',                        40),
    ('internship',             'Réussir son stage',                                  'Succeeding in an internship',                    50),
    ('workplace-integration',  'Intégration en milieu de travail',                   'Settling into the workplace',                    60),
    ('clinical-reasoning',     'Raisonnement clinique',                              'Clinical reasoning',                             70),
    ('intervention',           'Techniques d''intervention',                         'Intervention techniques',                        80),
    ('patient-communication',  'Communication avec les usagers et leurs proches',    'Communicating with patients and families',       90),
    ('interprofessional',      'Collaboration interprofessionnelle',                 'Interprofessional collaboration',               100),
    ('ethics',                 'Éthique et déontologie',                             'Ethics and professional conduct',               110),
    ('professional-writing',   'Rédaction professionnelle',                          'Professional writing',                          120),
    ('public-speaking',        'Prise de parole en public',                          'Public speaking',                               130),
    ('leadership',             'Leadership et gestion d''équipe',                    'Leadership and team management',                140),
    ('project-management',     'Gestion de projet',                                  'Project management',                            150),
    ('data-analysis',          'Analyse de données et indicateurs',                  'Data analysis and indicators',                  160),
    ('digital-tools',          'Outils numériques en santé',                         'Digital tools in health care',                  170),
    ('stress-management',      'Gestion du stress et prévention de l''épuisement',   'Managing stress and preventing burnout',        180),
    ('work-life-balance',      'Conciliation travail, études et vie personnelle',    'Balancing work, studies and personal life',     190),
    ('newcomer-careers',       'Parcours professionnel des personnes immigrantes',   'Career paths for newcomers to Québec',          200);

-- A candidate mentor's application, sent from the public form without an account.
-- `token_hash` is the SHA-256 of the private link the applicant follows to see the
-- status, withdraw or answer a request for information.
CREATE TABLE mentor_applications (
    id                 INTEGER PRIMARY KEY,
    token_hash         TEXT    NOT NULL UNIQUE,
    status             TEXT    NOT NULL DEFAULT 'submitted'
                       CHECK (status IN ('submitted', 'info_requested', 'accepted', 'declined', 'withdrawn')),
    display_name       TEXT    NOT NULL CHECK (length(trim(display_name)) BETWEEN 1 AND 100),
    email              TEXT    NOT NULL COLLATE NOCASE CHECK (length(email) BETWEEN 3 AND 254),
    phone              TEXT    CHECK (phone IS NULL OR length(phone) <= 40),
    locale             TEXT    NOT NULL CHECK (locale IN ('fr', 'en')),
    diploma_level      TEXT    NOT NULL
                       CHECK (diploma_level IN ('none', 'secondary', 'college', 'bachelor', 'master', 'doctorate')),
    diploma_field      TEXT    CHECK (diploma_field IS NULL OR length(diploma_field) <= 200),
    diploma_year       INTEGER CHECK (diploma_year IS NULL OR diploma_year BETWEEN 1940 AND 2100),
    is_employed        INTEGER NOT NULL CHECK (is_employed IN (0, 1)),
    employer           TEXT    CHECK (employer IS NULL OR length(employer) <= 200),
    job_title          TEXT    CHECK (job_title IS NULL OR length(job_title) <= 200),
    sector             TEXT    CHECK (sector IS NULL OR sector IN
                       ('health-network', 'community', 'private', 'education', 'government', 'self-employed', 'other')),
    works_in_research  INTEGER NOT NULL CHECK (works_in_research IN (0, 1)),
    modality           TEXT    NOT NULL CHECK (modality IN ('in_person', 'video', 'either')),
    -- Weekly half-days as a bit set: bit (day * 3 + slot), Monday = 0, morning = 0.
    availability       INTEGER NOT NULL CHECK (availability BETWEEN 0 AND 2097151),
    capacity           INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 5),
    motivation         TEXT    NOT NULL CHECK (length(trim(motivation)) BETWEEN 1 AND 2000),
    consented_at       TEXT    NOT NULL,
    submitted_at       TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL
);
CREATE INDEX mentor_applications_queue ON mentor_applications (status, submitted_at);
CREATE INDEX mentor_applications_email ON mentor_applications (email);

-- Further private links sent with the coordinator's messages (only hashes are
-- kept, so the first link cannot be sent again); every one of them keeps working.
CREATE TABLE application_links (
    token_hash      TEXT    PRIMARY KEY,
    application_id  INTEGER NOT NULL REFERENCES mentor_applications (id) ON DELETE CASCADE,
    created_at      TEXT    NOT NULL
);

CREATE TABLE application_domains (
    application_id  INTEGER NOT NULL REFERENCES mentor_applications (id) ON DELETE CASCADE,
    domain_id       INTEGER NOT NULL REFERENCES domains (id),
    PRIMARY KEY (application_id, domain_id)
);

CREATE TABLE application_skills (
    application_id  INTEGER NOT NULL REFERENCES mentor_applications (id) ON DELETE CASCADE,
    skill_id        INTEGER NOT NULL REFERENCES skills (id),
    PRIMARY KEY (application_id, skill_id)
);

CREATE TABLE application_languages (
    application_id  INTEGER NOT NULL REFERENCES mentor_applications (id) ON DELETE CASCADE,
    language        TEXT    NOT NULL CHECK (length(language) BETWEEN 2 AND 3),
    level           TEXT    NOT NULL CHECK (level IN ('basic', 'working', 'fluent')),
    PRIMARY KEY (application_id, language)
);

-- The history of an application: each step with who took it and when.
-- `actor_id` NULL means the applicant (who has no account).
CREATE TABLE application_events (
    id              INTEGER PRIMARY KEY,
    application_id  INTEGER NOT NULL REFERENCES mentor_applications (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL CHECK (kind IN
                    ('submitted', 'info_requested', 'info_provided', 'accepted', 'declined', 'withdrawn')),
    actor_id        INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    message         TEXT    CHECK (message IS NULL OR length(message) <= 2000),
    at              TEXT    NOT NULL
);
CREATE INDEX application_events_application ON application_events (application_id, id);

-- What matching reads about a mentor or a mentee. A mentor's profile is created
-- when the coordinator accepts the application, before the account exists: it
-- then waits under `pending_email` until the invitation is accepted.
CREATE TABLE profiles (
    id                INTEGER PRIMARY KEY,
    role              TEXT    NOT NULL CHECK (role IN ('mentor', 'mentee')),
    account_id        INTEGER UNIQUE REFERENCES accounts (id) ON DELETE CASCADE,
    pending_email     TEXT    COLLATE NOCASE,
    application_id    INTEGER UNIQUE REFERENCES mentor_applications (id) ON DELETE SET NULL,
    cohort_id         INTEGER REFERENCES cohorts (id) ON DELETE SET NULL,
    modality          TEXT    CHECK (modality IS NULL OR modality IN ('in_person', 'video', 'either')),
    availability      INTEGER NOT NULL DEFAULT 0 CHECK (availability BETWEEN 0 AND 2097151),
    -- Mentors only.
    capacity          INTEGER CHECK (capacity IS NULL OR capacity BETWEEN 1 AND 5),
    paused_until      TEXT    CHECK (paused_until IS NULL OR date(paused_until) IS NOT NULL),
    -- Mentees only.
    program_of_study  TEXT    CHECK (program_of_study IS NULL OR length(program_of_study) <= 200),
    institution       TEXT    CHECK (institution IS NULL OR length(institution) <= 200),
    study_year        INTEGER CHECK (study_year IS NULL OR study_year BETWEEN 1 AND 10),
    needs_note        TEXT    CHECK (needs_note IS NULL OR length(needs_note) <= 2000),
    updated_at        TEXT    NOT NULL,
    CHECK (account_id IS NOT NULL OR pending_email IS NOT NULL),
    CHECK ((role = 'mentor') = (capacity IS NOT NULL))
);
CREATE INDEX profiles_cohort ON profiles (cohort_id, role);
CREATE INDEX profiles_pending_email ON profiles (pending_email) WHERE account_id IS NULL;

-- Domains: of expertise for a mentor, of interest for a mentee.
CREATE TABLE profile_domains (
    profile_id  INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    domain_id   INTEGER NOT NULL REFERENCES domains (id),
    PRIMARY KEY (profile_id, domain_id)
);

-- Skills: offered by a mentor, wanted by a mentee (their needs).
CREATE TABLE profile_skills (
    profile_id  INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    skill_id    INTEGER NOT NULL REFERENCES skills (id),
    PRIMARY KEY (profile_id, skill_id)
);

CREATE TABLE profile_languages (
    profile_id  INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    language    TEXT    NOT NULL CHECK (length(language) BETWEEN 2 AND 3),
    level       TEXT    NOT NULL CHECK (level IN ('basic', 'working', 'fluent')),
    PRIMARY KEY (profile_id, language)
);
