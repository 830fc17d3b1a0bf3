-- Reference data shared by every later feature: cohorts and the taxonomy of domains.
-- Dates are ISO-8601 text (YYYY-MM-DD), times UTC ISO-8601 text.

CREATE TABLE cohorts (
    id          INTEGER PRIMARY KEY,
    code        TEXT    NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
    name_fr     TEXT    NOT NULL CHECK (length(trim(name_fr)) > 0),
    name_en     TEXT    NOT NULL CHECK (length(trim(name_en)) > 0),
    starts_on   TEXT    NOT NULL CHECK (date(starts_on) IS NOT NULL),
    ends_on     TEXT    NOT NULL CHECK (date(ends_on) IS NOT NULL),
    is_open     INTEGER NOT NULL DEFAULT 1 CHECK (is_open IN (0, 1)),
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    CHECK (ends_on > starts_on)
);

-- Domains of interest (for mentees) and of expertise (for mentors): one shared taxonomy.
-- A label may be missing in one language (NULL): the interface shows it as missing,
-- it never silently shows the other language instead.
CREATE TABLE domains (
    id          INTEGER PRIMARY KEY,
    code        TEXT    NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
    label_fr    TEXT    CHECK (label_fr IS NULL OR length(trim(label_fr)) > 0),
    label_en    TEXT    CHECK (label_en IS NULL OR length(trim(label_en)) > 0),
    position    INTEGER NOT NULL DEFAULT 0,
    is_active   INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- The starting taxonomy: the fields of a Québec health and social services network.
-- Coordinators can edit it later; it is not demo data, a real program starts with it.
INSERT INTO domains (code, label_fr, label_en, position) VALUES
    ('nursing',                 'Soins infirmiers',                                        'Nursing',                                          10),
    ('medicine',                'Médecine',                                                'Medicine',                                         20),
    ('pharmacy',                'Pharmacie',                                               'Pharmacy',                                         30),
    ('social-work',             'Travail social',                                          'Social work',                                      40),
    ('psychology',              'Psychologie',                                             'Psychology',                                       50),
    ('psychoeducation',         'Psychoéducation',                                         'Psychoeducation',                                  60),
    ('special-education',       'Éducation spécialisée',                                   'Special education',                                70),
    ('physiotherapy',           'Physiothérapie et réadaptation physique',                 'Physiotherapy and physical rehabilitation',        80),
    ('occupational-therapy',    'Ergothérapie',                                            'Occupational therapy',                             90),
    ('speech-audiology',        'Orthophonie et audiologie',                               'Speech-language pathology and audiology',         100),
    ('nutrition',               'Nutrition clinique',                                      'Clinical nutrition',                              110),
    ('respiratory-therapy',     'Inhalothérapie',                                          'Respiratory therapy',                             120),
    ('medical-imaging',         'Imagerie médicale et radiologie',                         'Medical imaging and radiology',                   130),
    ('laboratory',              'Biologie médicale et laboratoire',                        'Medical laboratory science',                      140),
    ('public-health',           'Santé publique et prévention',                            'Public health and prevention',                    150),
    ('mental-health',           'Santé mentale et dépendances',                            'Mental health and addictions',                    160),
    ('youth-protection',        'Jeunesse et protection de la jeunesse',                   'Youth services and youth protection',             170),
    ('seniors',                 'Soutien à l''autonomie des personnes âgées',              'Support for the autonomy of seniors',             180),
    ('disability',              'Déficience intellectuelle, TSA et déficience physique',   'Intellectual disability, autism and physical disability', 190),
    ('health-management',       'Gestion et administration de la santé',                   'Health management and administration',            200),
    ('human-resources',         'Ressources humaines',                                     'Human resources',                                 210),
    ('finance',                 'Finances et approvisionnement',                           'Finance and procurement',                         220),
    ('health-it',               'Technologies de l''information en santé',                 'Health information technology',                   230),
    ('health-records',          'Archivistique médicale et gestion de l''information',     'Health records and information management',       240),
    ('communications',          'Communications et relations publiques',                   'Communications and public relations',             250),
    ('law-ethics',              'Droit et éthique de la santé',                            'Health law and ethics',                           260),
    ('community-organization',  'Organisation communautaire',                              'Community organizing',                            270);
