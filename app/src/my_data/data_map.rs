//! Where a person's data lives: every table of the database, with the rows
//! that are about one person (an account), or why it holds none. The
//! download reads this map; a test compares it with the database's own list
//! of tables, so a table added without its line here fails.
//!
//! Each selection is a SQL condition on the table's rows, with `?1` bound to
//! the account's id. Table and column names come from this file, never from
//! a request.

/// Which rows of a table are about the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    /// The rows matching this condition (`?1`: the account id), with these
    /// columns (`*` for all but the secrets).
    About {
        columns: &'static str,
        condition: &'static str,
    },
    /// None: the table holds no personal data of this kind, for the reason given.
    Nobody(&'static str),
}

/// One table of the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableMap {
    pub table: &'static str,
    pub rows: Rows,
}

/// Columns never given back, whoever asks: they hold secrets (password
/// hashes, the hashes of links that work) or working links.
pub const SECRET_COLUMNS: [&str; 5] = [
    "password_hash",
    "token_hash",
    "action_url",
    "secret",
    "code_hash",
];

const fn about(table: &'static str, condition: &'static str) -> TableMap {
    TableMap {
        table,
        rows: Rows::About {
            columns: "*",
            condition,
        },
    }
}

const fn nobody(table: &'static str, why: &'static str) -> TableMap {
    TableMap {
        table,
        rows: Rows::Nobody(why),
    }
}

/// The whole map, by table name.
pub const DATA_MAP: &[TableMap] = &[
    TableMap {
        table: "account_sessions",
        rows: Rows::About {
            // Not the hash of the session's reference.
            columns: "id, browser, os, client, signed_in_at, last_seen_at",
            condition: "account_id = ?1",
        },
    },
    about("accounts", "id = ?1"),
    about("action_links", "account_id = ?1"),
    about("application_domains", APPLICATION_ROWS),
    about("application_events", APPLICATION_ROWS),
    about("application_languages", APPLICATION_ROWS),
    about("application_links", APPLICATION_ROWS),
    about("application_skills", APPLICATION_ROWS),
    nobody(
        "attention_decisions",
        "the coordination's choices about its follow-up list (snooze, escalate), \
         kept by item; their notes are its own",
    ),
    TableMap {
        table: "audit_log",
        rows: Rows::About {
            // What others did to them names them as subject; what they did
            // names others only as subject: kept to their own address.
            columns: "id, at, event, actor_id, \
                      CASE WHEN subject = (SELECT email FROM accounts WHERE id = ?1) \
                             COLLATE NOCASE OR subject = CAST(?1 AS TEXT) \
                           THEN subject END AS subject, \
                      CASE WHEN actor_id = ?1 THEN client END AS client, \
                      CASE WHEN actor_id = ?1 THEN detail END AS detail",
            condition: "actor_id = ?1 \
                        OR subject = (SELECT email FROM accounts WHERE id = ?1) COLLATE NOCASE \
                        OR subject = CAST(?1 AS TEXT)",
        },
    },
    about("calendar_feeds", "account_id = ?1"),
    nobody("change_counters", "counters of changes, for the kept pages"),
    about(
        "cohort_members",
        "profile_id IN (SELECT id FROM profiles WHERE account_id = ?1)",
    ),
    nobody("cohorts", "the program's cohorts (names and dates)"),
    nobody(
        "confidentiality_incidents",
        "the register of confidentiality incidents the law requires the program \
         to keep; it describes whom an incident concerns in general terms",
    ),
    about(
        "consents",
        "account_id = ?1 OR application_id IN (SELECT application_id FROM profiles \
         WHERE account_id = ?1)",
    ),
    about("data_downloads", "account_id = ?1"),
    about("deletion_requests", "account_id = ?1"),
    nobody("domains", "the program's list of expertise domains"),
    about("feedback", PAIR_ROWS),
    TableMap {
        table: "fit_checks",
        rows: Rows::About {
            columns: "*",
            condition: OWN_SIDE_ROWS,
        },
    },
    nobody(
        "follow_up_settings",
        "the program's follow-up thresholds, per cohort",
    ),
    about("goal_events", GOAL_ROWS),
    about("goal_needs", GOAL_ROWS),
    about("goals", PAIR_ROWS),
    about("held_notices", "account_id = ?1"),
    about(
        "invitations",
        "account_id = ?1 OR email = (SELECT email FROM accounts WHERE id = ?1) COLLATE NOCASE",
    ),
    TableMap {
        table: "known_devices",
        rows: Rows::About {
            // Never the token's hash.
            columns: "account_id, created_at, last_used_at",
            condition: "account_id = ?1",
        },
    },
    nobody(
        "login_failures",
        "counts of failed sign-ins by address, kept a short time to slow guessing",
    ),
    nobody(
        "matching_drafts",
        "the coordination's working draft of a cohort's pairs; a pair it proposes \
         is in the pairs once made",
    ),
    nobody(
        "matching_settings",
        "the program's matching weights, per cohort",
    ),
    about("meeting_next_steps", MEETING_ROWS),
    about("meeting_objectives", MEETING_ROWS),
    // A mentor's private notes are theirs: in the mentor's download, never the mentee's.
    about(
        "meeting_private_notes",
        "meeting_id IN (SELECT m.id FROM meetings m JOIN pairs p ON p.id = m.pair_id \
         WHERE p.mentor_profile_id IN (SELECT id FROM profiles WHERE account_id = ?1))",
    ),
    about("meetings", PAIR_ROWS),
    nobody(
        "mentee_imports",
        "a list a coordinator pasted to invite many students; the invitation it \
         sent each person is in the invitations",
    ),
    about(
        "mentor_applications",
        "id IN (SELECT application_id FROM profiles WHERE account_id = ?1) \
         OR email = (SELECT email FROM accounts WHERE id = ?1) COLLATE NOCASE",
    ),
    about(
        "mentor_eligibility",
        "email = (SELECT email FROM accounts WHERE id = ?1) COLLATE NOCASE",
    ),
    TableMap {
        table: "mfa_factors",
        rows: Rows::About {
            // Never the secret itself.
            columns: "account_id, confirmed_at, created_at",
            condition: "account_id = ?1",
        },
    },
    TableMap {
        table: "mfa_recovery_codes",
        rows: Rows::About {
            columns: "id, used_at",
            condition: "account_id = ?1",
        },
    },
    about("milestones", GOAL_ROWS),
    about("nudges", "recipient_id = ?1"),
    about(
        "outbox",
        "recipient = (SELECT email FROM accounts WHERE id = ?1) COLLATE NOCASE",
    ),
    about(
        "pair_constraints",
        "mentee_profile_id IN (SELECT id FROM profiles WHERE account_id = ?1) \
         OR mentor_profile_id IN (SELECT id FROM profiles WHERE account_id = ?1)",
    ),
    TableMap {
        table: "pair_contact_sharing",
        rows: Rows::About {
            columns: "*",
            condition: OWN_SIDE_ROWS,
        },
    },
    TableMap {
        table: "pair_message_reads",
        rows: Rows::About {
            columns: "*",
            condition: OWN_SIDE_ROWS,
        },
    },
    TableMap {
        table: "pair_messages",
        rows: Rows::About {
            // Both read every message; a report and its note are the
            // reporter's (the one who received the message).
            columns: "id, pair_id, author_side, body, sent_at, \
                      CASE WHEN author_side <> (SELECT CASE WHEN p.mentor_profile_id IN \
                             (SELECT id FROM profiles WHERE account_id = ?1) \
                             THEN 'mentor' ELSE 'mentee' END FROM pairs p \
                             WHERE p.id = pair_messages.pair_id) \
                           THEN reported_at END AS reported_at, \
                      CASE WHEN author_side <> (SELECT CASE WHEN p.mentor_profile_id IN \
                             (SELECT id FROM profiles WHERE account_id = ?1) \
                             THEN 'mentor' ELSE 'mentee' END FROM pairs p \
                             WHERE p.id = pair_messages.pair_id) \
                           THEN report_note END AS report_note",
            condition: PAIR_ROWS,
        },
    },
    about(
        "pairs",
        "mentee_profile_id IN (SELECT id FROM profiles WHERE account_id = ?1) \
         OR mentor_profile_id IN (SELECT id FROM profiles WHERE account_id = ?1)",
    ),
    about("password_resets", "account_id = ?1"),
    about(
        "personal_data_reads",
        "subject_id = ?1 OR application_id IN (SELECT application_id FROM profiles \
         WHERE account_id = ?1)",
    ),
    nobody(
        "privacy_contact",
        "the person in charge the public privacy page names",
    ),
    nobody(
        "privacy_notices",
        "the versions of the privacy notice; the consents name those they gave",
    ),
    about(
        "profile_domains",
        "profile_id IN (SELECT id FROM profiles WHERE account_id = ?1)",
    ),
    about(
        "profile_languages",
        "profile_id IN (SELECT id FROM profiles WHERE account_id = ?1)",
    ),
    about(
        "profile_skills",
        "profile_id IN (SELECT id FROM profiles WHERE account_id = ?1)",
    ),
    about("profiles", "account_id = ?1"),
    nobody("program_settings", "the program's switches and settings"),
    about(
        "questionnaire_answers",
        "response_id IN (SELECT id FROM questionnaire_responses WHERE profile_id IN \
         (SELECT id FROM profiles WHERE account_id = ?1))",
    ),
    nobody("questionnaire_questions", "the program's questions"),
    about(
        "questionnaire_responses",
        "profile_id IN (SELECT id FROM profiles WHERE account_id = ?1)",
    ),
    nobody(
        "questionnaire_sendings",
        "when the program sent a questionnaire to a cohort",
    ),
    nobody("questionnaires", "the program's questionnaires"),
    // A request ends when its account is created: one is left only when the
    // address asked again before confirming (never its password's hash).
    about(
        "registration_requests",
        "email = (SELECT email FROM accounts WHERE id = ?1) COLLATE NOCASE",
    ),
    nobody("skills", "the program's list of skills"),
    about("testimonials", "account_id = ?1"),
    nobody(
        "tower_sessions",
        "the sessions of signed-in browsers, opaque and short-lived",
    ),
];

/// The rows of the person's applications: the one that made them a mentor,
/// and any sent from their address.
const APPLICATION_ROWS: &str = "application_id IN (SELECT id FROM mentor_applications WHERE id IN \
     (SELECT application_id FROM profiles WHERE account_id = ?1) \
     OR email = (SELECT email FROM accounts WHERE id = ?1) COLLATE NOCASE)";

/// The rows of the person's pairs (as mentee or as mentor).
const PAIR_ROWS: &str = "pair_id IN (SELECT id FROM pairs WHERE \
     mentee_profile_id IN (SELECT id FROM profiles WHERE account_id = ?1) \
     OR mentor_profile_id IN (SELECT id FROM profiles WHERE account_id = ?1))";

/// The rows of the person's own side of their pairs.
const OWN_SIDE_ROWS: &str = "(side = 'mentee' AND pair_id IN (SELECT id FROM pairs WHERE \
     mentee_profile_id IN (SELECT id FROM profiles WHERE account_id = ?1))) \
     OR (side = 'mentor' AND pair_id IN (SELECT id FROM pairs WHERE \
     mentor_profile_id IN (SELECT id FROM profiles WHERE account_id = ?1)))";

/// The rows of the goals of the person's pairs.
const GOAL_ROWS: &str = "goal_id IN (SELECT id FROM goals WHERE pair_id IN (SELECT id FROM pairs \
     WHERE mentee_profile_id IN (SELECT id FROM profiles WHERE account_id = ?1) \
     OR mentor_profile_id IN (SELECT id FROM profiles WHERE account_id = ?1)))";

/// The rows of the meetings of the person's pairs.
const MEETING_ROWS: &str = "meeting_id IN (SELECT id FROM meetings WHERE pair_id IN \
     (SELECT id FROM pairs WHERE \
     mentee_profile_id IN (SELECT id FROM profiles WHERE account_id = ?1) \
     OR mentor_profile_id IN (SELECT id FROM profiles WHERE account_id = ?1)))";

/// The map's line for a table.
pub fn table_map(table: &str) -> Option<&'static TableMap> {
    DATA_MAP.iter().find(|entry| entry.table == table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_table_is_mapped_once_in_name_order() {
        let names: Vec<&str> = DATA_MAP.iter().map(|entry| entry.table).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(names, sorted, "one line per table, by name");
    }

    #[test]
    fn the_documentation_names_every_table() {
        let documentation = include_str!("../../../docs/PERSONAL_DATA.md");
        for entry in DATA_MAP {
            assert!(
                documentation.contains(&format!("| `{}` |", entry.table)),
                "docs/PERSONAL_DATA.md does not describe {}",
                entry.table
            );
        }
    }

    #[test]
    fn every_selection_is_bound_to_the_person() {
        for entry in DATA_MAP {
            if let Rows::About { condition, .. } = entry.rows {
                assert!(condition.contains("?1"), "{}", entry.table);
            }
        }
    }

    #[test]
    fn private_notes_follow_the_mentor_side_only() {
        let Some(TableMap {
            rows: Rows::About { condition, .. },
            ..
        }) = table_map("meeting_private_notes")
        else {
            panic!("private notes are mapped");
        };
        assert!(condition.contains("mentor_profile_id"));
        assert!(!condition.contains("mentee_profile_id"));
    }
}
