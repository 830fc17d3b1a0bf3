-- Evaluations (issue 19, item 5): a questionnaire for mentees and one for
-- mentors, sent when a cohort is concluded and reminded once; a short pulse of
-- two questions at mid-cohort, by the same tables. Only the coordination
-- reads the answers; a person answers once, may keep a draft, and reads their
-- own answers afterwards.

-- The four questionnaires: (evaluation | pulse) × (mentee | mentor).
CREATE TABLE questionnaires (
    id        INTEGER PRIMARY KEY,
    kind      TEXT    NOT NULL CHECK (kind IN ('evaluation', 'pulse')),
    audience  TEXT    NOT NULL CHECK (audience IN ('mentee', 'mentor')),
    UNIQUE (kind, audience)
);

-- Their questions, in both languages. A question is never deleted nor changed
-- in kind: it is retired, so that the answers already given keep their
-- question. `position` orders the questions not retired.
CREATE TABLE questionnaire_questions (
    id                INTEGER PRIMARY KEY,
    questionnaire_id  INTEGER NOT NULL REFERENCES questionnaires (id),
    position          INTEGER NOT NULL CHECK (position >= 1),
    answer_kind       TEXT    NOT NULL CHECK (answer_kind IN ('scale', 'text')),
    label_fr          TEXT    NOT NULL CHECK (length(trim(label_fr)) BETWEEN 1 AND 300),
    label_en          TEXT    NOT NULL CHECK (length(trim(label_en)) BETWEEN 1 AND 300),
    retired_at        TEXT
);
CREATE INDEX questionnaire_questions_order ON questionnaire_questions (questionnaire_id, retired_at, position);

-- A questionnaire sent to a cohort's people: the evaluation when the cohort is
-- concluded, the pulse at its middle; each once per cohort, reminded once.
CREATE TABLE questionnaire_sendings (
    id           INTEGER PRIMARY KEY,
    cohort_id    INTEGER NOT NULL REFERENCES cohorts (id),
    kind         TEXT    NOT NULL CHECK (kind IN ('evaluation', 'pulse')),
    sent_at      TEXT    NOT NULL,
    reminded_at  TEXT,
    UNIQUE (cohort_id, kind)
);

-- One person's response to a sending: made (empty) when it is sent, a draft
-- once saved (`updated_at`), final once submitted (`submitted_at`).
-- `version` counts the saves: a save names the version it was typed on.
CREATE TABLE questionnaire_responses (
    id                INTEGER PRIMARY KEY,
    sending_id        INTEGER NOT NULL REFERENCES questionnaire_sendings (id) ON DELETE CASCADE,
    questionnaire_id  INTEGER NOT NULL REFERENCES questionnaires (id),
    profile_id        INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    version           INTEGER NOT NULL DEFAULT 0 CHECK (version >= 0),
    updated_at        TEXT,
    submitted_at      TEXT,
    UNIQUE (sending_id, profile_id)
);
CREATE INDEX questionnaire_responses_by_profile ON questionnaire_responses (profile_id);

-- The answers of a response: a 1–5 scale or a text, per question.
CREATE TABLE questionnaire_answers (
    response_id  INTEGER NOT NULL REFERENCES questionnaire_responses (id) ON DELETE CASCADE,
    question_id  INTEGER NOT NULL REFERENCES questionnaire_questions (id),
    scale        INTEGER CHECK (scale IS NULL OR scale BETWEEN 1 AND 5),
    text         TEXT    CHECK (text IS NULL OR length(text) BETWEEN 1 AND 2000),
    PRIMARY KEY (response_id, question_id),
    CHECK ((scale IS NULL) <> (text IS NULL))
);

INSERT INTO questionnaires (id, kind, audience) VALUES
    (1, 'evaluation', 'mentee'),
    (2, 'evaluation', 'mentor'),
    (3, 'pulse', 'mentee'),
    (4, 'pulse', 'mentor');

INSERT INTO questionnaire_questions (questionnaire_id, position, answer_kind, label_fr, label_en) VALUES
    (1, 1, 'scale', 'Dans l’ensemble, êtes-vous satisfait·e de votre expérience de mentorat ?',
                    'Overall, how satisfied are you with your mentoring experience?'),
    (1, 2, 'scale', 'Dans quelle mesure avez-vous atteint les objectifs fixés avec votre mentor·e ?',
                    'To what extent did you reach the goals you set with your mentor?'),
    (1, 3, 'scale', 'Comment qualifiez-vous votre relation avec votre mentor·e ?',
                    'How would you rate your relationship with your mentor?'),
    (1, 4, 'scale', 'Recommanderiez-vous le programme à une autre personne étudiante ?',
                    'Would you recommend the program to another student?'),
    (1, 5, 'text',  'Qu’est-ce qui a le mieux fonctionné pour vous ?',
                    'What worked best for you?'),
    (1, 6, 'text',  'Que faudrait-il améliorer dans le programme ?',
                    'What should the program improve?'),
    (2, 1, 'scale', 'Dans l’ensemble, êtes-vous satisfait·e de votre expérience de mentorat ?',
                    'Overall, how satisfied are you with your mentoring experience?'),
    (2, 2, 'scale', 'Dans quelle mesure votre mentoré·e a-t-il ou elle atteint ses objectifs ?',
                    'To what extent did your mentee reach their goals?'),
    (2, 3, 'scale', 'Comment qualifiez-vous votre relation avec votre mentoré·e ?',
                    'How would you rate your relationship with your mentee?'),
    (2, 4, 'scale', 'Vous êtes-vous senti·e soutenu·e par la coordination du programme ?',
                    'Did you feel supported by the program’s coordination?'),
    (2, 5, 'text',  'Qu’est-ce qui a le mieux fonctionné dans ce jumelage ?',
                    'What worked best in this pairing?'),
    (2, 6, 'text',  'Que faudrait-il améliorer dans le programme ?',
                    'What should the program improve?'),
    (3, 1, 'scale', 'Comment se passe votre mentorat jusqu’ici ?',
                    'How is your mentoring going so far?'),
    (3, 2, 'text',  'Y a-t-il quelque chose que la coordination devrait savoir ?',
                    'Is there anything the coordination should know?'),
    (4, 1, 'scale', 'Comment se passe votre mentorat jusqu’ici ?',
                    'How is your mentoring going so far?'),
    (4, 2, 'text',  'Y a-t-il quelque chose que la coordination devrait savoir ?',
                    'Is there anything the coordination should know?');

-- The area pages are kept pages: they follow every change of these tables.
CREATE TRIGGER pages_changed_questionnaires_insert AFTER INSERT ON questionnaires
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;
CREATE TRIGGER pages_changed_questionnaires_update AFTER UPDATE ON questionnaires
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;
CREATE TRIGGER pages_changed_questionnaires_delete AFTER DELETE ON questionnaires
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_questionnaire_questions_insert AFTER INSERT ON questionnaire_questions
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;
CREATE TRIGGER pages_changed_questionnaire_questions_update AFTER UPDATE ON questionnaire_questions
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;
CREATE TRIGGER pages_changed_questionnaire_questions_delete AFTER DELETE ON questionnaire_questions
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_questionnaire_sendings_insert AFTER INSERT ON questionnaire_sendings
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;
CREATE TRIGGER pages_changed_questionnaire_sendings_update AFTER UPDATE ON questionnaire_sendings
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;
CREATE TRIGGER pages_changed_questionnaire_sendings_delete AFTER DELETE ON questionnaire_sendings
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_questionnaire_responses_insert AFTER INSERT ON questionnaire_responses
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;
CREATE TRIGGER pages_changed_questionnaire_responses_update AFTER UPDATE ON questionnaire_responses
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;
CREATE TRIGGER pages_changed_questionnaire_responses_delete AFTER DELETE ON questionnaire_responses
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_questionnaire_answers_insert AFTER INSERT ON questionnaire_answers
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;
CREATE TRIGGER pages_changed_questionnaire_answers_update AFTER UPDATE ON questionnaire_answers
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;
CREATE TRIGGER pages_changed_questionnaire_answers_delete AFTER DELETE ON questionnaire_answers
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;
