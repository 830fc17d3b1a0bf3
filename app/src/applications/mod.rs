//! Mentor applications: the public form, the eligibility rule, the applicant's
//! private link and the coordinator's review (accept, decline, ask for more).
//!
//! Types, status rules and form parsing are plain Rust tested here; SQL is in
//! [`repo`], server functions in [`api`], pages in [`ui`].
pub mod api;
pub mod eligibility;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod repo;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalog::ProfileChoices;
use crate::error::{AppError, FieldErrors, InputProblem};
use crate::input::{parse_display_name, parse_email, require_checked};
use crate::input::{
    parse_optional_number, parse_optional_text, parse_required_text, LONG_TEXT_MAX_CHARS,
    SHORT_TEXT_MAX_CHARS,
};
use crate::profiles::{
    parse_matching_fields, MatchingFields, MatchingInput, Requirement, CAPACITY_MAX,
};
pub use eligibility::{ineligibility_reasons, DiplomaLevel, EligibilityFacts, IneligibilityReason};

/// Where an application stands.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[strum(serialize_all = "snake_case")]
pub enum ApplicationStatus {
    /// Waiting for the coordinator (new, or answered after a request).
    Submitted,
    /// The coordinator asked the applicant for more information.
    InfoRequested,
    Accepted,
    Declined,
    Withdrawn,
}

crate::stored_text!(ApplicationStatus);

impl ApplicationStatus {
    pub const ALL: [ApplicationStatus; 5] = [
        ApplicationStatus::Submitted,
        ApplicationStatus::InfoRequested,
        ApplicationStatus::Accepted,
        ApplicationStatus::Declined,
        ApplicationStatus::Withdrawn,
    ];

    /// Still waiting for a decision: the coordinator can decide, the applicant withdraw.
    pub const OPEN: [ApplicationStatus; 2] = [
        ApplicationStatus::Submitted,
        ApplicationStatus::InfoRequested,
    ];

    pub fn is_open(self) -> bool {
        ApplicationStatus::OPEN.contains(&self)
    }

    /// Whether the applicant can answer a request for information now.
    pub fn awaits_applicant(self) -> bool {
        self == ApplicationStatus::InfoRequested
    }
}

/// A step in an application's history.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[strum(serialize_all = "snake_case")]
pub enum ApplicationEventKind {
    Submitted,
    InfoRequested,
    InfoProvided,
    Accepted,
    Declined,
    Withdrawn,
}

crate::stored_text!(ApplicationEventKind);

impl ApplicationEventKind {
    pub const ALL: [ApplicationEventKind; 6] = [
        ApplicationEventKind::Submitted,
        ApplicationEventKind::InfoRequested,
        ApplicationEventKind::InfoProvided,
        ApplicationEventKind::Accepted,
        ApplicationEventKind::Declined,
        ApplicationEventKind::Withdrawn,
    ];
}

/// At most this many applications from one address in 24 hours (each one sends an email).
pub const APPLICATIONS_PER_DAY: usize = 3;

/// The sector a candidate works in.
pub const SECTORS: [&str; 7] = [
    "health-network",
    "community",
    "private",
    "education",
    "government",
    "self-employed",
    "other",
];

/// The application form as it is posted (every field a string, lists as lists).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplicationInput {
    pub display_name: String,
    pub email: String,
    pub phone: String,
    pub diploma_level: String,
    pub diploma_field: String,
    pub diploma_year: String,
    pub is_employed: String,
    pub employer: String,
    pub job_title: String,
    pub sector: String,
    pub works_in_research: String,
    pub matching: MatchingInput,
    pub capacity: String,
    pub motivation: String,
    pub consent: Option<String>,
}

/// An application that passed every field check (it may still be ineligible).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckedApplication {
    pub display_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub diploma_level: DiplomaLevel,
    pub diploma_field: Option<String>,
    pub diploma_year: Option<i64>,
    pub is_employed: bool,
    pub employer: Option<String>,
    pub job_title: Option<String>,
    pub sector: Option<String>,
    pub works_in_research: bool,
    pub matching: MatchingFields,
    pub capacity: i64,
    pub motivation: String,
}

impl CheckedApplication {
    pub fn facts(&self) -> EligibilityFacts {
        EligibilityFacts {
            diploma: self.diploma_level,
            is_employed: self.is_employed,
            works_in_research: self.works_in_research,
        }
    }
}

fn yes_no(field: &str, raw: &str) -> Result<bool, AppError> {
    match raw.trim() {
        "yes" => Ok(true),
        "no" => Ok(false),
        "" => Err(AppError::InvalidInput {
            field: field.to_owned(),
            problem: InputProblem::Required,
        }),
        _ => Err(AppError::InvalidInput {
            field: field.to_owned(),
            problem: InputProblem::InvalidChoice,
        }),
    }
}

/// Checks every field of the form at once. `this_year` bounds the diploma year.
/// Eligibility is not a field error: an ineligible application is kept, and
/// the reasons are shown (see [`ineligibility_reasons`]).
pub fn check_application(
    input: &ApplicationInput,
    choices: &ProfileChoices,
    this_year: i64,
) -> Result<CheckedApplication, AppError> {
    let mut errors = FieldErrors::new();
    let display_name = errors.check(parse_display_name("display_name", &input.display_name));
    let email = errors.check(parse_email("email", &input.email));
    let phone = errors
        .check(parse_optional_text("phone", &input.phone, 40))
        .flatten();

    let diploma_level = match input.diploma_level.trim() {
        "" => {
            errors.push("diploma_level", InputProblem::Required);
            None
        }
        value => {
            let level = DiplomaLevel::parse(value);
            if level.is_none() {
                errors.push("diploma_level", InputProblem::InvalidChoice);
            }
            level
        }
    };
    let has_diploma = diploma_level.is_some_and(|level| level != DiplomaLevel::None);
    let (diploma_field, diploma_year) = if has_diploma {
        (
            errors.check(parse_required_text(
                "diploma_field",
                &input.diploma_field,
                SHORT_TEXT_MAX_CHARS,
            )),
            errors
                .check(parse_optional_number(
                    "diploma_year",
                    &input.diploma_year,
                    1940,
                    this_year,
                ))
                .and_then(|year| {
                    if year.is_none() {
                        errors.push("diploma_year", InputProblem::Required);
                    }
                    year
                }),
        )
    } else {
        (None, None)
    };

    let is_employed = errors.check(yes_no("is_employed", &input.is_employed));
    let (employer, job_title, sector) = if is_employed == Some(true) {
        let employer = errors.check(parse_required_text(
            "employer",
            &input.employer,
            SHORT_TEXT_MAX_CHARS,
        ));
        let job_title = errors.check(parse_required_text(
            "job_title",
            &input.job_title,
            SHORT_TEXT_MAX_CHARS,
        ));
        let sector = match input.sector.trim() {
            "" => {
                errors.push("sector", InputProblem::Required);
                None
            }
            value if SECTORS.contains(&value) => Some(value.to_owned()),
            _ => {
                errors.push("sector", InputProblem::InvalidChoice);
                None
            }
        };
        (employer, job_title, sector)
    } else {
        (None, None, None)
    };
    let works_in_research = errors.check(yes_no("works_in_research", &input.works_in_research));

    let matching = parse_matching_fields(
        &input.matching,
        choices,
        Requirement::AllRequired,
        &mut errors,
    );
    let capacity = match errors.check(parse_optional_number(
        "capacity",
        &input.capacity,
        1,
        CAPACITY_MAX,
    )) {
        Some(Some(capacity)) => Some(capacity),
        Some(None) => {
            errors.push("capacity", InputProblem::Required);
            None
        }
        None => None,
    };
    let motivation = errors.check(parse_required_text(
        "motivation",
        &input.motivation,
        LONG_TEXT_MAX_CHARS,
    ));
    errors.check(require_checked(
        "consent",
        input.consent.as_deref(),
        InputProblem::ConsentRequired,
    ));

    // Every check ran; any problem ends here with all of them listed.
    let checked = (|| {
        Some(CheckedApplication {
            display_name: display_name?,
            email: email?,
            phone,
            diploma_level: diploma_level?,
            diploma_field: diploma_field.clone(),
            diploma_year,
            is_employed: is_employed?,
            employer: employer.clone(),
            job_title: job_title.clone(),
            sector: sector.clone(),
            works_in_research: works_in_research?,
            matching,
            capacity: capacity?,
            motivation: motivation?,
        })
    })();
    errors.finish()?;
    checked.ok_or_else(|| AppError::internal("a checked field had no value"))
}

/// One line of the review queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationSummary {
    pub id: i64,
    pub display_name: String,
    pub email: String,
    pub status: ApplicationStatus,
    pub reasons: Vec<IneligibilityReason>,
    pub job_title: Option<String>,
    pub submitted_at: String,
}

/// Which applications the queue shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EligibilityFilter {
    Any,
    Eligible,
    Ineligible,
}

impl EligibilityFilter {
    pub fn parse(value: &str) -> EligibilityFilter {
        match value {
            "eligible" => EligibilityFilter::Eligible,
            "ineligible" => EligibilityFilter::Ineligible,
            _ => EligibilityFilter::Any,
        }
    }

    pub fn keeps(self, reasons: &[IneligibilityReason]) -> bool {
        match self {
            EligibilityFilter::Any => true,
            EligibilityFilter::Eligible => reasons.is_empty(),
            EligibilityFilter::Ineligible => !reasons.is_empty(),
        }
    }
}

/// The review queue: the applications the filter keeps, and how many are open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationQueue {
    pub applications: Vec<ApplicationSummary>,
    pub counts: BTreeMap<String, i64>,
}

/// A step of the history as the coordinator reads it (`actor` is `None` for the applicant).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationEvent {
    pub kind: ApplicationEventKind,
    pub actor: Option<String>,
    pub message: Option<String>,
    pub at: String,
}

/// Everything in an application, as the coordinator reviews it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationDetail {
    pub id: i64,
    pub status: ApplicationStatus,
    pub locale: String,
    pub submitted_at: String,
    pub application: CheckedApplication,
    pub reasons: Vec<IneligibilityReason>,
    pub events: Vec<ApplicationEvent>,
    /// Other applications sent from the same address (id, status).
    pub same_email: Vec<(i64, ApplicationStatus)>,
    pub choices: ProfileChoices,
    /// Cohorts a mentor can be placed in on acceptance (code, name), the current first.
    pub cohorts: Vec<(String, crate::catalog::Bilingual)>,
}

/// What the applicant sees through their private link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicantView {
    pub display_name: String,
    pub status: ApplicationStatus,
    pub reasons: Vec<IneligibilityReason>,
    pub submitted_at: String,
    /// The coordinator's latest message: the question asked, or the reason of a decline.
    pub latest_message: Option<String>,
}

#[cfg(test)]
mod tests;
