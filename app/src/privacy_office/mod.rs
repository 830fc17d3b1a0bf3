//! The privacy officer's office (Québec's Law 25, issue 20 item 6): the
//! person in charge of the protection of personal information, named on the
//! public privacy page (`/privacy`, which shows the latest version of the
//! notice and how to use one's rights in the app); the notice's new versions;
//! and the register of confidentiality incidents the law requires.
//!
//! Only the privacy officer (a coordinator holding the flag,
//! `Access::PrivacyOfficer`) writes any of it, and may hand the charge to
//! another coordinator. This file holds the rules, pure and tested: how a
//! notice's text becomes headings and paragraphs, what each form must say,
//! and when an incident still owes a notification.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{AppError, FieldErrors, InputProblem};
use crate::input::{
    parse_display_name, parse_email, parse_optional_date, parse_optional_number,
    parse_optional_text, parse_phone, parse_required_text, LONG_TEXT_MAX_CHARS,
    SHORT_TEXT_MAX_CHARS,
};

pub mod api;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod ui;

/// Longest notice, in characters, in each language (as the migration allows).
pub const NOTICE_BODY_MAX_CHARS: usize = 20_000;
/// Longest "what changed" of a version, in each language.
pub const NOTICE_CHANGES_MAX_CHARS: usize = 2_000;
/// Longest description of what happened in an incident.
pub const NATURE_MAX_CHARS: usize = 4_000;
/// Longest of the incident's other texts.
pub const INCIDENT_TEXT_MAX_CHARS: usize = LONG_TEXT_MAX_CHARS;
/// Largest approximate count of people concerned that the form takes.
pub const PEOPLE_COUNT_MAX: i64 = 10_000_000;

/// One block of a notice's text: a heading or a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoticeBlock {
    Heading(String),
    Paragraph(String),
}

/// A notice's text as blocks: blocks are separated by a blank line (spaces
/// only count as blank); a block that starts with `## ` is a heading. Lines
/// are trimmed at their end, a block's lines are kept together (joined by a
/// line break), and empty blocks are dropped. Text only: what the blocks
/// hold is shown as text, never as markup.
pub fn notice_blocks(body: &str) -> Vec<NoticeBlock> {
    let mut blocks = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    let mut close = |lines: &mut Vec<&str>| {
        if lines.is_empty() {
            return;
        }
        let text = lines.join("\n");
        lines.clear();
        let text = text.trim();
        if let Some(heading) = text.strip_prefix("## ") {
            let heading = heading.trim();
            if !heading.is_empty() {
                blocks.push(NoticeBlock::Heading(heading.to_owned()));
            }
        } else if !text.is_empty() {
            blocks.push(NoticeBlock::Paragraph(text.to_owned()));
        }
    };
    for line in body.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            close(&mut lines);
        } else {
            lines.push(line);
        }
    }
    close(&mut lines);
    blocks
}

/// A published version of the privacy notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacyNotice {
    pub version: i64,
    pub body_fr: String,
    pub body_en: String,
    pub changes_fr: String,
    pub changes_en: String,
    /// Everyone consents again at their next sign-in.
    pub is_material: bool,
    /// Program time (`YYYY-MM-DD HH:MM`).
    pub published_at: String,
}

impl PrivacyNotice {
    /// The text in `language` (`fr`, or anything else for English).
    pub fn body(&self, language: &str) -> &str {
        if language == "fr" {
            &self.body_fr
        } else {
            &self.body_en
        }
    }

    /// What changed in this version, in `language`; empty when not said.
    pub fn changes(&self, language: &str) -> &str {
        if language == "fr" {
            &self.changes_fr
        } else {
            &self.changes_en
        }
    }
}

/// The person in charge of the protection of personal information, as the
/// privacy page names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonInCharge {
    pub name: String,
    pub title_fr: String,
    pub title_en: String,
    pub email: String,
    pub phone: Option<String>,
}

impl PersonInCharge {
    /// Their title in `language` (`fr`, or anything else for English).
    pub fn title(&self, language: &str) -> &str {
        if language == "fr" {
            &self.title_fr
        } else {
            &self.title_en
        }
    }
}

/// What the public privacy page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacyPageData {
    /// The latest version (a program always has one: the migration seeds it).
    pub notice: Option<PrivacyNotice>,
    /// `None` until the privacy officer names the person in charge.
    pub person_in_charge: Option<PersonInCharge>,
}

/// A coordinator the charge may be handed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coordinator {
    pub id: i64,
    pub name: String,
    pub email: String,
}

/// The privacy officer's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacyOffice {
    pub person_in_charge: Option<PersonInCharge>,
    /// The latest notice's version and when it was published (program time).
    pub notice_version: Option<i64>,
    pub notice_published_at: Option<String>,
    /// Incidents in the register, and those that still owe a notification.
    pub incidents: i64,
    pub incidents_to_notify: i64,
    /// The other active coordinators (who may take the charge).
    pub coordinators: Vec<Coordinator>,
}

crate::stored_enum! {
    /// The assessment of the risk that an incident causes serious injury
    /// (Law 25): serious obliges to notify the Commission and the people
    /// concerned promptly.
    #[derive(Hash)]
    pub enum Risk {
        Low,
        Serious,
    }
}

impl Risk {
    pub const ALL: [Risk; 2] = [Risk::Low, Risk::Serious];
}

/// Whom an incident of serious risk must be notified to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Notification {
    /// The Commission d'accès à l'information du Québec.
    Commission,
    /// The people whose information is concerned.
    People,
}

/// The notifications an incident still owes: none for a low risk; for a
/// serious one, each of the two not yet made (the law asks both, promptly).
pub fn missing_notifications(
    risk: Risk,
    commission_notified_on: Option<&str>,
    people_notified_on: Option<&str>,
) -> Vec<Notification> {
    if risk == Risk::Low {
        return Vec::new();
    }
    let mut missing = Vec::new();
    if commission_notified_on.is_none() {
        missing.push(Notification::Commission);
    }
    if people_notified_on.is_none() {
        missing.push(Notification::People);
    }
    missing
}

/// One incident of the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Incident {
    pub id: i64,
    /// Days, `YYYY-MM-DD`.
    pub occurred_on: String,
    pub discovered_on: String,
    pub nature: String,
    pub information_concerned: String,
    pub people_concerned: String,
    /// Approximate; `None` when not known.
    pub people_count: Option<i64>,
    pub risk: Risk,
    pub risk_reasoning: String,
    pub measures: String,
    pub commission_notified_on: Option<String>,
    pub people_notified_on: Option<String>,
    /// Program time, and by whom (their name; `None` once their account is gone).
    pub recorded_at: String,
    pub recorded_by: Option<String>,
    pub updated_at: Option<String>,
    pub updated_by: Option<String>,
    /// Counts the edits: an edit names the revision it was made on.
    pub revision: i64,
}

impl Incident {
    pub fn missing_notifications(&self) -> Vec<Notification> {
        missing_notifications(
            self.risk,
            self.commission_notified_on.as_deref(),
            self.people_notified_on.as_deref(),
        )
    }
}

/// An incident's form, as typed.
#[derive(Debug, Clone, Default)]
pub struct IncidentForm<'a> {
    pub occurred_on: &'a str,
    pub discovered_on: &'a str,
    pub nature: &'a str,
    pub information_concerned: &'a str,
    pub people_concerned: &'a str,
    pub people_count: &'a str,
    pub risk: &'a str,
    pub risk_reasoning: &'a str,
    pub measures: &'a str,
    pub commission_notified_on: &'a str,
    pub people_notified_on: &'a str,
}

/// An incident's form, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentFields {
    pub occurred_on: NaiveDate,
    pub discovered_on: NaiveDate,
    pub nature: String,
    pub information_concerned: String,
    pub people_concerned: String,
    pub people_count: Option<i64>,
    pub risk: Risk,
    pub risk_reasoning: String,
    pub measures: String,
    pub commission_notified_on: Option<NaiveDate>,
    pub people_notified_on: Option<NaiveDate>,
}

fn invalid(field: &str, problem: InputProblem) -> AppError {
    AppError::InvalidInput {
        field: field.to_owned(),
        problem,
    }
}

/// A date that has happened (`today` at the latest); `None` when empty.
fn past_date(field: &str, raw: &str, today: NaiveDate) -> Result<Option<NaiveDate>, AppError> {
    match parse_optional_date(field, raw)? {
        Some(date) if date > today => Err(invalid(field, InputProblem::InTheFuture)),
        other => Ok(other),
    }
}

/// Checks an incident's form on `today` (program time): every text but
/// the notifications' dates is required; no date is still to come; the
/// discovery and the notifications do not come before the incident.
pub fn check_incident(form: &IncidentForm, today: NaiveDate) -> Result<IncidentFields, AppError> {
    let mut errors = FieldErrors::new();
    let required_date = |field: &str, raw: &str| {
        past_date(field, raw, today)?.ok_or_else(|| invalid(field, InputProblem::Required))
    };
    let occurred_on = errors.check(required_date("occurred_on", form.occurred_on));
    let discovered_on = errors.check(required_date("discovered_on", form.discovered_on));
    let nature = errors.check(parse_required_text("nature", form.nature, NATURE_MAX_CHARS));
    let information_concerned = errors.check(parse_required_text(
        "information_concerned",
        form.information_concerned,
        INCIDENT_TEXT_MAX_CHARS,
    ));
    let people_concerned = errors.check(parse_required_text(
        "people_concerned",
        form.people_concerned,
        INCIDENT_TEXT_MAX_CHARS,
    ));
    let people_count = errors.check(parse_optional_number(
        "people_count",
        form.people_count,
        0,
        PEOPLE_COUNT_MAX,
    ));
    let risk = Risk::parse(form.risk.trim());
    if risk.is_none() {
        errors.push("risk", InputProblem::InvalidChoice);
    }
    let risk_reasoning = errors.check(parse_required_text(
        "risk_reasoning",
        form.risk_reasoning,
        INCIDENT_TEXT_MAX_CHARS,
    ));
    let measures = errors.check(parse_required_text(
        "measures",
        form.measures,
        INCIDENT_TEXT_MAX_CHARS,
    ));
    let commission_notified_on = errors.check(past_date(
        "commission_notified_on",
        form.commission_notified_on,
        today,
    ));
    let people_notified_on = errors.check(past_date(
        "people_notified_on",
        form.people_notified_on,
        today,
    ));
    if let Some(occurred) = occurred_on {
        let dates = [
            ("discovered_on", discovered_on),
            ("commission_notified_on", commission_notified_on.flatten()),
            ("people_notified_on", people_notified_on.flatten()),
        ];
        for (field, date) in dates {
            if date.is_some_and(|date| date < occurred) {
                errors.push(field, InputProblem::BeforeOccurrence);
            }
        }
    }
    errors.finish_with(|| {
        Some(IncidentFields {
            occurred_on: occurred_on?,
            discovered_on: discovered_on?,
            nature: nature?,
            information_concerned: information_concerned?,
            people_concerned: people_concerned?,
            people_count: people_count?,
            risk: risk?,
            risk_reasoning: risk_reasoning?,
            measures: measures?,
            commission_notified_on: commission_notified_on?,
            people_notified_on: people_notified_on?,
        })
    })
}

/// Checks the person in charge as typed: a name, a title in each language,
/// an email address, and a phone number when one is given.
pub fn check_person_in_charge(
    name: &str,
    title_fr: &str,
    title_en: &str,
    email: &str,
    phone: &str,
) -> Result<PersonInCharge, AppError> {
    let mut errors = FieldErrors::new();
    let name = errors.check(parse_display_name("name", name));
    let title_fr = errors.check(parse_required_text(
        "title_fr",
        title_fr,
        SHORT_TEXT_MAX_CHARS,
    ));
    let title_en = errors.check(parse_required_text(
        "title_en",
        title_en,
        SHORT_TEXT_MAX_CHARS,
    ));
    let email = errors.check(parse_email("email", email));
    let phone = match phone.trim() {
        "" => Some(None),
        typed => errors.check(
            parse_phone(typed)
                .map(Some)
                .ok_or_else(|| invalid("phone", InputProblem::InvalidPhone)),
        ),
    };
    errors.finish_with(|| {
        Some(PersonInCharge {
            name: name?,
            title_fr: title_fr?,
            title_en: title_en?,
            email: email?,
            phone: phone?,
        })
    })
}

/// A new version of the notice, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeDraft {
    pub body_fr: String,
    pub body_en: String,
    pub changes_fr: String,
    pub changes_en: String,
    pub is_material: bool,
}

/// Checks a new version of the notice: both texts are required; what
/// changed is required in both languages for a material change (everyone
/// reads it before consenting again), optional otherwise.
pub fn check_notice(
    body_fr: &str,
    body_en: &str,
    changes_fr: &str,
    changes_en: &str,
    is_material: bool,
) -> Result<NoticeDraft, AppError> {
    let mut errors = FieldErrors::new();
    let body_fr = errors.check(parse_required_text(
        "body_fr",
        body_fr,
        NOTICE_BODY_MAX_CHARS,
    ));
    let body_en = errors.check(parse_required_text(
        "body_en",
        body_en,
        NOTICE_BODY_MAX_CHARS,
    ));
    let changes = |field: &str, raw: &str| {
        let text = parse_optional_text(field, raw, NOTICE_CHANGES_MAX_CHARS)?;
        match text {
            None if is_material => Err(invalid(field, InputProblem::Required)),
            other => Ok(other.unwrap_or_default()),
        }
    };
    let changes_fr = errors.check(changes("changes_fr", changes_fr));
    let changes_en = errors.check(changes("changes_en", changes_en));
    errors.finish_with(|| {
        Some(NoticeDraft {
            body_fr: body_fr?,
            body_en: body_en?,
            changes_fr: changes_fr?,
            changes_en: changes_en?,
            is_material,
        })
    })
}

/// The account the charge would go to, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HandoverTarget {
    pub id: i64,
    pub is_coordinator: bool,
    pub is_disabled: bool,
}

/// Whether the officer `officer_id` may hand the charge to `target` (the
/// account chosen, when it exists): only to another coordinator whose
/// account is active.
pub fn check_handover(officer_id: i64, target: Option<HandoverTarget>) -> Result<i64, AppError> {
    let field = "account_id";
    match target {
        Some(target) if target.id == officer_id => Err(invalid(field, InputProblem::NotOnYourself)),
        Some(target) if target.is_coordinator && !target.is_disabled => Ok(target.id),
        _ => Err(invalid(field, InputProblem::InvalidChoice)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
    }

    fn problem<T: std::fmt::Debug>(
        result: &Result<T, AppError>,
        field: &str,
    ) -> Option<InputProblem> {
        result
            .as_ref()
            .err()
            .and_then(|error| error.problem_with(field))
    }

    #[test]
    fn a_notice_is_headings_and_paragraphs_separated_by_blank_lines() {
        let body = "Intro line one\nline two\n\n## What we collect \n\nYour name.\r\n   \r\n##  Rights\n\n\n\nLast.";
        assert_eq!(
            notice_blocks(body),
            vec![
                NoticeBlock::Paragraph("Intro line one\nline two".to_owned()),
                NoticeBlock::Heading("What we collect".to_owned()),
                NoticeBlock::Paragraph("Your name.".to_owned()),
                NoticeBlock::Heading("Rights".to_owned()),
                NoticeBlock::Paragraph("Last.".to_owned()),
            ]
        );
    }

    #[test]
    fn a_notice_s_markup_is_kept_as_text_and_only_a_leading_marker_makes_a_heading() {
        assert_eq!(
            notice_blocks("<script>alert(1)</script>\n\n#not a heading\n\n## \n\ntext ## here"),
            vec![
                NoticeBlock::Paragraph("<script>alert(1)</script>".to_owned()),
                NoticeBlock::Paragraph("#not a heading".to_owned()),
                // A marker with no heading after it is kept as typed.
                NoticeBlock::Paragraph("##".to_owned()),
                NoticeBlock::Paragraph("text ## here".to_owned()),
            ]
        );
        assert_eq!(notice_blocks(""), Vec::new());
        assert_eq!(notice_blocks("\n \n\t\n"), Vec::new());
    }

    #[test]
    fn a_notice_s_heading_is_followed_by_its_own_lines_in_one_block() {
        assert_eq!(
            notice_blocks("## Title\nstill the heading block"),
            vec![NoticeBlock::Heading(
                "Title\nstill the heading block".to_owned()
            )]
        );
    }

    #[test]
    fn only_a_serious_risk_owes_notifications_and_each_until_made() {
        assert!(missing_notifications(Risk::Low, None, None).is_empty());
        assert_eq!(
            missing_notifications(Risk::Serious, None, None),
            vec![Notification::Commission, Notification::People]
        );
        assert_eq!(
            missing_notifications(Risk::Serious, Some("2026-11-20"), None),
            vec![Notification::People]
        );
        assert!(
            missing_notifications(Risk::Serious, Some("2026-11-20"), Some("2026-11-21")).is_empty()
        );
        for risk in Risk::ALL {
            assert_eq!(Risk::parse(risk.as_str()), Some(risk));
        }
    }

    fn incident_form() -> IncidentForm<'static> {
        IncidentForm {
            occurred_on: "2026-11-20",
            discovered_on: "2026-11-22",
            nature: "An email with the list of a cohort's mentees sent to the wrong address.",
            information_concerned: "Names and email addresses.",
            people_concerned: "The mentees of Hiver 2025.",
            people_count: " 40 ",
            risk: "serious",
            risk_reasoning: "Sent outside the network.",
            measures: "Asked the recipient to delete it.",
            commission_notified_on: "",
            people_notified_on: "2026-11-23",
        }
    }

    #[test]
    fn a_complete_incident_is_accepted_with_its_optional_parts_empty() {
        let checked = check_incident(&incident_form(), day("2026-12-01"));
        assert_eq!(
            checked.as_ref().map(|fields| (
                fields.occurred_on,
                fields.people_count,
                fields.risk,
                fields.commission_notified_on,
                fields.people_notified_on
            )),
            Ok((
                day("2026-11-20"),
                Some(40),
                Risk::Serious,
                None,
                Some(day("2026-11-23"))
            ))
        );
        let unknown_count = IncidentForm {
            people_count: "",
            ..incident_form()
        };
        assert_eq!(
            check_incident(&unknown_count, day("2026-12-01")).map(|fields| fields.people_count),
            Ok(None)
        );
    }

    #[test]
    fn an_incident_says_every_problem_at_once() {
        let empty = IncidentForm::default();
        let checked = check_incident(&empty, day("2026-12-01"));
        for field in [
            "occurred_on",
            "discovered_on",
            "nature",
            "information_concerned",
            "people_concerned",
            "risk_reasoning",
            "measures",
        ] {
            assert_eq!(
                problem(&checked, field),
                Some(InputProblem::Required),
                "{field}"
            );
        }
        assert_eq!(problem(&checked, "risk"), Some(InputProblem::InvalidChoice));
        assert_eq!(problem(&checked, "commission_notified_on"), None);
    }

    #[test]
    fn an_incident_s_dates_have_happened_and_follow_the_incident() {
        let today = day("2026-12-01");
        let future = IncidentForm {
            occurred_on: "2026-12-02",
            ..incident_form()
        };
        assert_eq!(
            problem(&check_incident(&future, today), "occurred_on"),
            Some(InputProblem::InTheFuture)
        );
        let early = IncidentForm {
            discovered_on: "2026-11-19",
            commission_notified_on: "2026-11-01",
            ..incident_form()
        };
        let checked = check_incident(&early, today);
        assert_eq!(
            problem(&checked, "discovered_on"),
            Some(InputProblem::BeforeOccurrence)
        );
        assert_eq!(
            problem(&checked, "commission_notified_on"),
            Some(InputProblem::BeforeOccurrence)
        );
        let unreadable = IncidentForm {
            people_notified_on: "2026-02-30",
            people_count: "-1",
            ..incident_form()
        };
        let checked = check_incident(&unreadable, today);
        assert_eq!(
            problem(&checked, "people_notified_on"),
            Some(InputProblem::InvalidDate)
        );
        assert_eq!(
            problem(&checked, "people_count"),
            Some(InputProblem::OutOfRange)
        );
        let too_long = "x".repeat(NATURE_MAX_CHARS + 1);
        let long = IncidentForm {
            nature: &too_long,
            ..incident_form()
        };
        assert_eq!(
            problem(&check_incident(&long, today), "nature"),
            Some(InputProblem::TooLong)
        );
    }

    #[test]
    fn the_person_in_charge_needs_a_name_two_titles_and_an_address() {
        let person = check_person_in_charge(
            " Claire Gagnon ",
            "Responsable de la protection des renseignements personnels",
            "Privacy officer",
            "vie.privee@example.org",
            "",
        );
        assert_eq!(
            person
                .as_ref()
                .map(|person| (person.name.as_str(), person.phone.clone())),
            Ok(("Claire Gagnon", None))
        );
        let with_phone = check_person_in_charge("C", "T", "T", "a@b.org", "514 555-0100 ");
        assert_eq!(
            with_phone.map(|person| person.phone),
            Ok(Some("514 555-0100".to_owned()))
        );
        let wrong = check_person_in_charge("", "", " ", "nobody", "call me");
        for (field, expected) in [
            ("name", InputProblem::Required),
            ("title_fr", InputProblem::Required),
            ("title_en", InputProblem::Required),
            ("email", InputProblem::InvalidEmail),
            ("phone", InputProblem::InvalidPhone),
        ] {
            assert_eq!(problem(&wrong, field), Some(expected), "{field}");
        }
    }

    #[test]
    fn a_notice_needs_both_texts_and_a_material_change_says_what_changed() {
        let minor = check_notice(" Texte ", "Text", "", "", false);
        assert_eq!(
            minor,
            Ok(NoticeDraft {
                body_fr: "Texte".to_owned(),
                body_en: "Text".to_owned(),
                changes_fr: String::new(),
                changes_en: String::new(),
                is_material: false,
            })
        );
        let material = check_notice("Texte", "Text", "Nouveau", "", true);
        assert_eq!(
            problem(&material, "changes_en"),
            Some(InputProblem::Required)
        );
        assert_eq!(problem(&material, "changes_fr"), None);
        let empty = check_notice("", "  ", "", "", false);
        assert_eq!(problem(&empty, "body_fr"), Some(InputProblem::Required));
        assert_eq!(problem(&empty, "body_en"), Some(InputProblem::Required));
        let long_body = "x".repeat(NOTICE_BODY_MAX_CHARS + 1);
        let long_changes = "é".repeat(NOTICE_CHANGES_MAX_CHARS + 1);
        let long = check_notice(&long_body, "Text", &long_changes, "", false);
        assert_eq!(problem(&long, "body_fr"), Some(InputProblem::TooLong));
        assert_eq!(problem(&long, "changes_fr"), Some(InputProblem::TooLong));
        let longest = "é".repeat(NOTICE_BODY_MAX_CHARS);
        assert!(check_notice(&longest, &longest, "", "", false).is_ok());
    }

    #[test]
    fn the_charge_goes_only_to_another_active_coordinator() {
        let coordinator = HandoverTarget {
            id: 2,
            is_coordinator: true,
            is_disabled: false,
        };
        assert_eq!(check_handover(1, Some(coordinator)), Ok(2));
        let field_problem = |result: Result<i64, AppError>| problem(&result, "account_id");
        assert_eq!(
            field_problem(check_handover(2, Some(coordinator))),
            Some(InputProblem::NotOnYourself)
        );
        let mentor = HandoverTarget {
            is_coordinator: false,
            ..coordinator
        };
        let disabled = HandoverTarget {
            is_disabled: true,
            ..coordinator
        };
        for target in [Some(mentor), Some(disabled), None] {
            assert_eq!(
                field_problem(check_handover(1, target)),
                Some(InputProblem::InvalidChoice)
            );
        }
    }
}
