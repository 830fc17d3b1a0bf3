//! How a person's data is erased (Law 25, issue 20 item 3): every table of
//! the database, in the data map's order, with what erasing one person does
//! to it — statements that delete or empty their rows, or why the table is
//! kept as it is. A test holds this list to the data map's, so a new table
//! needs its line here too.
//!
//! The statements run in one transaction (`erase::erase_account`), after the
//! person's rows were gathered into temporary tables, so that the order of
//! the statements does not matter:
//! - `erasing_person (account_id, email, name)`: who, as they were;
//! - `erasing_profiles (id)`: their profiles;
//! - `erasing_mentee_pairs (id)` and `erasing_mentor_pairs (id)`: their pairs,
//!   by their side in each;
//! - `erasing_applications (id)`: their mentor applications.
//!
//! Bound: `?1` the account's id, `?2` the time (UTC text), `?3` who erases
//! (NULL for the retention rules).
//!
//! What stays, and why: the account and profile rows, emptied, and the
//! pairs, so the program's anonymous counts stay true; the categories from
//! the program's lists (domains, skills, languages, availability), which
//! name nobody once the rest is gone; what the partner wrote on their own
//! side (their messages, their feedback, their check-in comments), which is
//! theirs. The texts the pair wrote together (goals, milestones, meeting
//! notes and steps) are the mentee's: erasing a mentee empties them, erasing
//! a mentor leaves them to the mentee. A mentor's private notes on a
//! mentee's meetings go in either case. Texts are emptied to
//! [`super::erase::ERASED_TEXT`] where the column requires one.

/// What erasing one person does to a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Erase {
    /// These statements, in order.
    Statements(&'static [&'static str]),
    /// The table is kept as it is, for this reason.
    Keep(&'static str),
}

/// Where other texts may carry a person's name or address as a copy (an
/// email sent to their partner, an audit detail, a note): both are replaced
/// by [`super::erase::ERASED_TEXT`] there. Table, column.
pub const COPIES: &[(&str, &str)] = &[
    ("application_events", "message"),
    ("attention_decisions", "note"),
    ("audit_log", "detail"),
    ("held_notices", "subject"),
    ("held_notices", "body"),
    ("mentee_imports", "list"),
    ("nudges", "personal_line"),
    ("outbox", "subject"),
    ("outbox", "body"),
    ("personal_data_reads", "detail"),
];

/// The whole map, by table name (as the data map).
pub const ERASE_MAP: &[(&str, Erase)] = &[
    (
        "account_sessions",
        Erase::Statements(&["DELETE FROM account_sessions WHERE account_id = ?1"]),
    ),
    (
        "accounts",
        Erase::Statements(&[
            "UPDATE accounts SET email = 'erased-' || id || '@erased.invalid', \
             password_hash = '!', display_name = '—', is_disabled = 1, \
             is_privacy_officer = 0, session_epoch = session_epoch + 1, \
             notification_delivery = 'immediate', erased_at = ?2, updated_at = ?2 \
             WHERE id = ?1",
        ]),
    ),
    (
        "action_links",
        Erase::Statements(&["DELETE FROM action_links WHERE account_id = ?1"]),
    ),
    ("application_domains", Erase::Keep(CATEGORIES)),
    (
        "application_events",
        Erase::Statements(&[
            "UPDATE application_events SET message = NULL \
             WHERE application_id IN (SELECT id FROM erasing_applications) \
             AND message IS NOT NULL",
        ]),
    ),
    ("application_languages", Erase::Keep(CATEGORIES)),
    (
        "application_links",
        Erase::Statements(&[
            "DELETE FROM application_links \
             WHERE application_id IN (SELECT id FROM erasing_applications)",
        ]),
    ),
    ("application_skills", Erase::Keep(CATEGORIES)),
    (
        "attention_decisions",
        Erase::Keep("the coordination's choices about its follow-up list; a copy of the name is replaced"),
    ),
    (
        "audit_log",
        Erase::Statements(&[
            // The address as a subject becomes the emptied account's id.
            "UPDATE audit_log SET subject = CAST(?1 AS TEXT) \
             WHERE subject = (SELECT email FROM erasing_person) COLLATE NOCASE",
            "UPDATE audit_log SET client = NULL WHERE actor_id = ?1 AND client IS NOT NULL",
        ]),
    ),
    (
        "calendar_feeds",
        Erase::Statements(&["DELETE FROM calendar_feeds WHERE account_id = ?1"]),
    ),
    ("change_counters", Erase::Keep("counters of changes")),
    (
        "cohort_members",
        Erase::Keep("who took part in which cohort, by emptied profile: the counts"),
    ),
    ("cohorts", Erase::Keep("the program's cohorts")),
    (
        "confidentiality_incidents",
        Erase::Keep("the register the law requires the program to keep"),
    ),
    (
        "consents",
        Erase::Keep("the proof of what was consented to, by emptied account: no personal field"),
    ),
    (
        "data_downloads",
        Erase::Statements(&["DELETE FROM data_downloads WHERE account_id = ?1"]),
    ),
    (
        "deletion_requests",
        Erase::Keep("the register of deletions, which holds no deleted data"),
    ),
    ("domains", Erase::Keep("the program's list")),
    (
        "feedback",
        Erase::Statements(&[
            // The mentor writes feedback; the mentee answers it.
            "UPDATE feedback SET strengths = '—', to_improve = '—', observations = '—', \
             next_step = '—' WHERE pair_id IN (SELECT id FROM erasing_mentor_pairs)",
            "UPDATE feedback SET response = NULL \
             WHERE pair_id IN (SELECT id FROM erasing_mentee_pairs) AND response IS NOT NULL",
        ]),
    ),
    (
        "fit_checks",
        Erase::Statements(&[
            "UPDATE fit_checks SET comment = NULL WHERE comment IS NOT NULL AND \
             ((side = 'mentee' AND pair_id IN (SELECT id FROM erasing_mentee_pairs)) \
             OR (side = 'mentor' AND pair_id IN (SELECT id FROM erasing_mentor_pairs)))",
        ]),
    ),
    ("follow_up_settings", Erase::Keep("the program's thresholds")),
    (
        "goal_events",
        Erase::Statements(&[
            "UPDATE goal_events SET detail = NULL WHERE detail IS NOT NULL AND goal_id IN \
             (SELECT id FROM goals WHERE \
             (goal_events.side = 'mentee' AND pair_id IN (SELECT id FROM erasing_mentee_pairs)) \
             OR (goal_events.side = 'mentor' AND pair_id IN (SELECT id FROM erasing_mentor_pairs)))",
        ]),
    ),
    ("goal_needs", Erase::Keep(CATEGORIES)),
    (
        "goals",
        Erase::Statements(&[
            "UPDATE goals SET title = '—', description = NULL, success_criterion = '—', \
             pending_title = NULL, \
             change_comment = CASE WHEN agreement_side = 'mentee' THEN NULL ELSE change_comment END \
             WHERE pair_id IN (SELECT id FROM erasing_mentee_pairs)",
            // The mentor assesses; their comment and their change's reason are theirs.
            "UPDATE goals SET assessment_comment = NULL, \
             change_comment = CASE WHEN agreement_side = 'mentor' THEN NULL ELSE change_comment END \
             WHERE pair_id IN (SELECT id FROM erasing_mentor_pairs)",
        ]),
    ),
    (
        "held_notices",
        Erase::Statements(&["DELETE FROM held_notices WHERE account_id = ?1"]),
    ),
    (
        "invitations",
        Erase::Statements(&[
            "UPDATE invitations SET email = 'erased-' || id || '@erased.invalid', \
             display_name = '—', token_hash = 'erased-' || id, \
             expires_at = min(expires_at, ?2) \
             WHERE account_id = ?1 OR email = (SELECT email FROM erasing_person) COLLATE NOCASE",
        ]),
    ),
    (
        "known_devices",
        Erase::Statements(&["DELETE FROM known_devices WHERE account_id = ?1"]),
    ),
    (
        "login_failures",
        Erase::Statements(&[
            "DELETE FROM login_failures WHERE \
             key = 'account:' || (SELECT lower(email) FROM erasing_person) \
             OR substr(key, 1, length((SELECT lower(email) FROM erasing_person)) + 6) \
                = 'pair:' || (SELECT lower(email) FROM erasing_person) || '|'",
        ]),
    ),
    (
        "matching_drafts",
        Erase::Keep("profile ids only; the board computes the draft again after any change"),
    ),
    ("matching_settings", Erase::Keep("the program's weights")),
    (
        "meeting_next_steps",
        Erase::Statements(&[
            "UPDATE meeting_next_steps SET text = '—' WHERE meeting_id IN \
             (SELECT id FROM meetings WHERE pair_id IN (SELECT id FROM erasing_mentee_pairs))",
        ]),
    ),
    (
        "meeting_objectives",
        Erase::Statements(&[
            "UPDATE meeting_objectives SET text = '—' WHERE meeting_id IN \
             (SELECT id FROM meetings WHERE pair_id IN (SELECT id FROM erasing_mentee_pairs))",
        ]),
    ),
    (
        "meeting_private_notes",
        Erase::Statements(&[
            "DELETE FROM meeting_private_notes WHERE meeting_id IN \
             (SELECT id FROM meetings WHERE pair_id IN (SELECT id FROM erasing_mentee_pairs) \
             OR pair_id IN (SELECT id FROM erasing_mentor_pairs))",
        ]),
    ),
    (
        "meetings",
        Erase::Statements(&[
            "UPDATE meetings SET shared_notes = NULL, location = NULL, \
             change_comment = CASE WHEN agreement_side = 'mentee' THEN NULL ELSE change_comment END \
             WHERE pair_id IN (SELECT id FROM erasing_mentee_pairs)",
            "UPDATE meetings SET change_comment = NULL \
             WHERE pair_id IN (SELECT id FROM erasing_mentor_pairs) AND agreement_side = 'mentor'",
        ]),
    ),
    (
        "mentee_imports",
        Erase::Keep("a pasted list; copies of the name and address in it are replaced"),
    ),
    (
        "mentor_applications",
        Erase::Statements(&[
            "UPDATE mentor_applications SET display_name = '—', \
             email = 'erased-' || id || '@erased.invalid', phone = NULL, \
             diploma_field = NULL, diploma_year = NULL, employer = NULL, job_title = NULL, \
             sector = NULL, motivation = '—', token_hash = 'erased-' || id, \
             erased_at = ?2, updated_at = ?2 \
             WHERE id IN (SELECT id FROM erasing_applications)",
        ]),
    ),
    (
        "mentor_eligibility",
        Erase::Statements(&[
            "UPDATE mentor_eligibility SET email = 'erased-' || id || '@erased.invalid' \
             WHERE email = (SELECT email FROM erasing_person) COLLATE NOCASE",
        ]),
    ),
    (
        "mfa_factors",
        Erase::Statements(&["DELETE FROM mfa_factors WHERE account_id = ?1"]),
    ),
    (
        "mfa_recovery_codes",
        Erase::Statements(&["DELETE FROM mfa_recovery_codes WHERE account_id = ?1"]),
    ),
    (
        "milestones",
        Erase::Statements(&[
            "UPDATE milestones SET title = '—' WHERE goal_id IN \
             (SELECT id FROM goals WHERE pair_id IN (SELECT id FROM erasing_mentee_pairs))",
        ]),
    ),
    (
        "nudges",
        Erase::Statements(&[
            "UPDATE nudges SET personal_line = NULL WHERE recipient_id = ?1",
        ]),
    ),
    (
        "outbox",
        Erase::Statements(&[
            "DELETE FROM outbox WHERE recipient = (SELECT email FROM erasing_person) COLLATE NOCASE",
        ]),
    ),
    (
        "pair_constraints",
        Erase::Keep("which profiles must (not) be paired: ids only"),
    ),
    (
        "pair_contact_sharing",
        Erase::Statements(&[
            "DELETE FROM pair_contact_sharing WHERE \
             (side = 'mentee' AND pair_id IN (SELECT id FROM erasing_mentee_pairs)) \
             OR (side = 'mentor' AND pair_id IN (SELECT id FROM erasing_mentor_pairs))",
        ]),
    ),
    ("pair_message_reads", Erase::Keep("which message each side read last: ids only")),
    (
        "pair_messages",
        Erase::Statements(&[
            "UPDATE pair_messages SET body = '—' WHERE \
             (author_side = 'mentee' AND pair_id IN (SELECT id FROM erasing_mentee_pairs)) \
             OR (author_side = 'mentor' AND pair_id IN (SELECT id FROM erasing_mentor_pairs))",
            // A report's note is the reporter's: the one who received the message.
            "UPDATE pair_messages SET report_note = NULL WHERE report_note IS NOT NULL AND \
             ((author_side = 'mentor' AND pair_id IN (SELECT id FROM erasing_mentee_pairs)) \
             OR (author_side = 'mentee' AND pair_id IN (SELECT id FROM erasing_mentor_pairs)))",
        ]),
    ),
    (
        "pairs",
        Erase::Statements(&[
            "UPDATE pairs SET reason = NULL, \
             end_request_reason = NULL \
             WHERE id IN (SELECT id FROM erasing_mentee_pairs) \
             OR id IN (SELECT id FROM erasing_mentor_pairs)",
            // A pair still open ends: one of its two people has left.
            "UPDATE pairs SET status = CASE status WHEN 'active' THEN 'ended' ELSE 'withdrawn' END, \
             closed_at = ?2, closed_by = ?3 \
             WHERE status IN ('proposed', 'active') \
             AND (id IN (SELECT id FROM erasing_mentee_pairs) \
             OR id IN (SELECT id FROM erasing_mentor_pairs))",
        ]),
    ),
    (
        "password_resets",
        Erase::Statements(&["DELETE FROM password_resets WHERE account_id = ?1"]),
    ),
    (
        "personal_data_reads",
        Erase::Keep("the program's record of who read what, by emptied account; a copy of the name is replaced"),
    ),
    ("privacy_contact", Erase::Keep("the person in charge the public page names")),
    ("privacy_notices", Erase::Keep("the notice's versions")),
    ("profile_domains", Erase::Keep(CATEGORIES)),
    ("profile_languages", Erase::Keep(CATEGORIES)),
    ("profile_skills", Erase::Keep(CATEGORIES)),
    (
        "profiles",
        Erase::Statements(&[
            "UPDATE profiles SET pending_email = NULL, program_of_study = NULL, \
             institution = NULL, study_year = NULL, needs_note = NULL, paused_until = NULL, \
             updated_at = ?2 WHERE account_id = ?1",
        ]),
    ),
    ("program_settings", Erase::Keep("the program's settings")),
    (
        "questionnaire_answers",
        Erase::Statements(&[
            "UPDATE questionnaire_answers SET text = NULL WHERE text IS NOT NULL AND \
             response_id IN (SELECT id FROM questionnaire_responses \
             WHERE profile_id IN (SELECT id FROM erasing_profiles))",
        ]),
    ),
    ("questionnaire_questions", Erase::Keep("the program's questions")),
    (
        "questionnaire_responses",
        Erase::Keep("dates only; the scales of the answers stay in the anonymous results"),
    ),
    ("questionnaire_sendings", Erase::Keep("when the program sent a questionnaire")),
    ("questionnaires", Erase::Keep("the program's questionnaires")),
    (
        "registration_requests",
        Erase::Statements(&[
            "DELETE FROM registration_requests \
             WHERE email = (SELECT email FROM erasing_person) COLLATE NOCASE",
        ]),
    ),
    ("skills", Erase::Keep("the program's list")),
    (
        "testimonials",
        Erase::Statements(&["DELETE FROM testimonials WHERE account_id = ?1"]),
    ),
    (
        "tower_sessions",
        Erase::Keep("the account's sessions end with its session epoch; expired rows go hourly"),
    ),
];

const CATEGORIES: &str = "categories from the program's lists: they name nobody once the rest is \
                          erased, and keep the anonymous counts true";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::my_data::data_map::DATA_MAP;

    #[test]
    fn every_table_of_the_data_map_has_its_erase_rule_in_the_same_order() {
        let erased: Vec<&str> = ERASE_MAP.iter().map(|(table, _)| *table).collect();
        let mapped: Vec<&str> = DATA_MAP.iter().map(|entry| entry.table).collect();
        assert_eq!(erased, mapped);
    }

    #[test]
    fn every_statement_is_bound_to_the_person() {
        for (table, erase) in ERASE_MAP {
            if let Erase::Statements(statements) = erase {
                for statement in *statements {
                    assert!(
                        statement.contains("?1") || statement.contains("erasing_"),
                        "{table}: {statement}"
                    );
                    assert!(statement.contains(table), "{table}: {statement}");
                }
            }
        }
    }

    #[test]
    fn copies_are_text_columns_of_mapped_tables() {
        for (table, _) in COPIES {
            assert!(ERASE_MAP.iter().any(|(name, _)| name == table), "{table}");
        }
    }
}
