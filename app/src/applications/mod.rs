//! Mentor applications: the public form, the eligibility rule, the applicant's
//! private link and the coordinator's review (accept, decline, ask for more).
//!
//! Types, status rules and form parsing are plain Rust tested here; SQL is in
//! [`repo`], server functions in [`api`], pages in [`ui`].
pub mod api;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod repo;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalog::ProfileChoices;
pub use crate::eligibility::{
    ineligibility_reasons, yes_no, DiplomaLevel, EligibilityFacts, IneligibilityReason,
};
use crate::error::{AppError, FieldErrors, InputProblem};
use crate::input::{parse_display_name, parse_email, require_checked};
use crate::input::{
    parse_optional_number, parse_optional_text, parse_required_text, LONG_TEXT_MAX_CHARS,
    SHORT_TEXT_MAX_CHARS,
};
use crate::profiles::{
    parse_matching_fields, MatchingFields, MatchingInput, Requirement, CAPACITY_MAX,
};

crate::stored_enum! {
    /// Where an application stands.
    #[derive(Hash)]
    pub enum ApplicationStatus {
        /// Waiting for the coordinator (new, or answered after a request).
        Submitted,
        /// The coordinator asked the applicant for more information.
        InfoRequested,
        Accepted,
        Declined,
        Withdrawn,
    }
}

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

crate::stored_enum! {
    /// A step in an application's history.
    pub enum ApplicationEventKind {
        Submitted,
        InfoRequested,
        InfoProvided,
        Accepted,
        Declined,
        Withdrawn,
    }
}

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
    let diploma = check_diploma(input, this_year, &mut errors);
    let work = check_work(input, &mut errors);
    let matching = parse_matching_fields(
        &input.matching,
        choices,
        Requirement::AllRequired,
        &mut errors,
    );
    let capacity = required_number(&mut errors, "capacity", &input.capacity, 1, CAPACITY_MAX);
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
            diploma_level: diploma.level?,
            diploma_field: diploma.field,
            diploma_year: diploma.year,
            is_employed: work.is_employed?,
            employer: work.employer,
            job_title: work.job_title,
            sector: work.sector,
            works_in_research: work.works_in_research?,
            matching,
            capacity: capacity?,
            motivation: motivation?,
        })
    })();
    errors.finish()?;
    checked.ok_or_else(|| AppError::internal("a checked field had no value"))
}

/// The diploma part of the form as far as it checked (`None` where a field had a problem).
struct DiplomaAnswers {
    level: Option<DiplomaLevel>,
    field: Option<String>,
    year: Option<i64>,
}

/// Checks the diploma level and, when there is a diploma, its field and year
/// (both required then, and ignored otherwise).
fn check_diploma(
    input: &ApplicationInput,
    this_year: i64,
    errors: &mut FieldErrors,
) -> DiplomaAnswers {
    let level = required_choice(
        errors,
        "diploma_level",
        &input.diploma_level,
        DiplomaLevel::parse,
    );
    let has_diploma = level.is_some_and(|level| level != DiplomaLevel::None);
    if !has_diploma {
        return DiplomaAnswers {
            level,
            field: None,
            year: None,
        };
    }
    let field = errors.check(parse_required_text(
        "diploma_field",
        &input.diploma_field,
        SHORT_TEXT_MAX_CHARS,
    ));
    let year = required_number(errors, "diploma_year", &input.diploma_year, 1940, this_year);
    DiplomaAnswers { level, field, year }
}

/// The work part of the form as far as it checked (`None` where a field had a problem).
struct WorkAnswers {
    is_employed: Option<bool>,
    employer: Option<String>,
    job_title: Option<String>,
    sector: Option<String>,
    works_in_research: Option<bool>,
}

/// Checks whether the candidate is employed and, if so, where and as what
/// (required then, ignored otherwise), then whether they work in research.
fn check_work(input: &ApplicationInput, errors: &mut FieldErrors) -> WorkAnswers {
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
        let sector = required_choice(errors, "sector", &input.sector, |value| {
            SECTORS.contains(&value).then(|| value.to_owned())
        });
        (employer, job_title, sector)
    } else {
        (None, None, None)
    };
    let works_in_research = errors.check(yes_no("works_in_research", &input.works_in_research));
    WorkAnswers {
        is_employed,
        employer,
        job_title,
        sector,
        works_in_research,
    }
}

/// One of a list of choices, required: `Required` when empty, `InvalidChoice`
/// when `parse` does not know it.
fn required_choice<T>(
    errors: &mut FieldErrors,
    field: &str,
    raw: &str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> Option<T> {
    match raw.trim() {
        "" => {
            errors.push(field, InputProblem::Required);
            None
        }
        value => {
            let choice = parse(value);
            if choice.is_none() {
                errors.push(field, InputProblem::InvalidChoice);
            }
            choice
        }
    }
}

/// A whole number in `min..=max`, required: `Required` when empty, `OutOfRange`
/// when it is not a number in range.
fn required_number(
    errors: &mut FieldErrors,
    field: &str,
    raw: &str,
    min: i64,
    max: i64,
) -> Option<i64> {
    let number = errors.check(parse_optional_number(field, raw, min, max))?;
    if number.is_none() {
        errors.push(field, InputProblem::Required);
    }
    number
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
