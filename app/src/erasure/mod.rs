//! Deletion and retention under Québec's Law 25 (issue 20, items 3 and 4):
//! the requests for deletion people make from "my account" (`my_data`), which
//! the privacy officer confirms, and the register of deletions
//! (`/coordinator/privacy/deletions`); the retention periods the program
//! sets, what the next run of the daily task removes, and the run
//! (`/coordinator/privacy/retention`). Erasing a person is `my_data::erase`.
//!
//! This file holds the rules, pure and tested: the periods' defaults and
//! limits, and the moments before which each kind of record goes.
use chrono::{DateTime, Months, Utc};
use serde::{Deserialize, Serialize};

use crate::accounts::Role;
use crate::error::{AppError, FieldErrors};
use crate::input::parse_optional_number;

pub mod api;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod retention;
pub mod ui;

/// Longest note of what the program keeps, when confirming a deletion.
pub const KEPT_MAX_CHARS: usize = 1_000;

/// Hours between two runs of the retention rules.
pub const RUN_EVERY_HOURS: i64 = 24;

/// A request for deletion that waits for the privacy officer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingDeletion {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub requested_at: String,
    /// Their pairs still proposed or active (they end with the erasure).
    pub open_pairs: i64,
}

crate::stored_enum! {
    /// Why a person was erased.
    pub enum ErasureCause {
        /// They asked, and the privacy officer confirmed.
        Request,
        /// The retention rules: their last cohort closed long enough ago.
        Retention,
    }
}

/// One line of the register of deletions: no deleted data, only what was
/// done, when and by whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterEntry {
    pub id: i64,
    pub role: Role,
    pub cause: ErasureCause,
    pub requested_at: String,
    pub erased_at: String,
    /// Who confirmed (none for the retention rules).
    pub erased_by: Option<String>,
    /// What the program keeps, as the privacy officer noted it.
    pub kept: Option<String>,
    pub rows_changed: i64,
}

/// The deletions page: requests waiting, and the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deletions {
    pub pending: Vec<PendingDeletion>,
    pub register: Vec<RegisterEntry>,
    /// Whether the reader confirms (the privacy officer) or only reads.
    pub may_confirm: bool,
}

/// The retention periods the program sets (item 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionSettings {
    /// Declined or withdrawn mentor applications, after their last change.
    pub closed_applications_months: i64,
    /// Sign-in traces: failure counts, expired sessions, network addresses
    /// in the audit log.
    pub sign_in_traces_days: i64,
    /// Emails of the outbox (their links are cleared once sent).
    pub outbox_months: i64,
    /// The personal data of people whose every cohort closed this long ago.
    pub ended_cohort_years: i64,
}

impl Default for RetentionSettings {
    fn default() -> Self {
        RetentionSettings {
            closed_applications_months: 12,
            sign_in_traces_days: 30,
            outbox_months: 12,
            ended_cohort_years: 3,
        }
    }
}

/// The settings' keys in `program_settings`, with their limits (inclusive).
pub const APPLICATIONS_KEY: &str = "retention_closed_applications_months";
pub const TRACES_KEY: &str = "retention_sign_in_traces_days";
pub const OUTBOX_KEY: &str = "retention_outbox_months";
pub const COHORTS_KEY: &str = "retention_ended_cohort_years";
pub const LAST_RUN_KEY: &str = "retention_last_run";
pub const MONTHS_RANGE: (i64, i64) = (1, 120);
pub const DAYS_RANGE: (i64, i64) = (1, 365);
pub const YEARS_RANGE: (i64, i64) = (1, 50);

/// The periods as the form sends them: each required, in its range.
pub fn check_retention(
    applications_months: &str,
    traces_days: &str,
    outbox_months: &str,
    cohort_years: &str,
) -> Result<RetentionSettings, AppError> {
    let mut errors = FieldErrors::new();
    let mut field = |name: &str, raw: &str, (min, max): (i64, i64)| {
        let value = errors.check(parse_optional_number(name, raw, min, max));
        if matches!(value, Some(None)) {
            errors.push(name, crate::error::InputProblem::Required);
        }
        value.flatten()
    };
    let applications = field("applications_months", applications_months, MONTHS_RANGE);
    let traces = field("traces_days", traces_days, DAYS_RANGE);
    let outbox = field("outbox_months", outbox_months, MONTHS_RANGE);
    let cohorts = field("cohort_years", cohort_years, YEARS_RANGE);
    errors.finish_with(|| {
        Some(RetentionSettings {
            closed_applications_months: applications?,
            sign_in_traces_days: traces?,
            outbox_months: outbox?,
            ended_cohort_years: cohorts?,
        })
    })
}

/// The moments before which each kind of record goes, for a run at `now`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cutoffs {
    pub applications: DateTime<Utc>,
    pub traces: DateTime<Utc>,
    pub outbox: DateTime<Utc>,
    pub cohorts: DateTime<Utc>,
}

impl RetentionSettings {
    pub fn cutoffs(&self, now: DateTime<Utc>) -> Cutoffs {
        let months_before = |months: i64| {
            let months = u32::try_from(months.max(0)).unwrap_or(u32::MAX);
            now.checked_sub_months(Months::new(months))
                .unwrap_or(DateTime::<Utc>::MIN_UTC)
        };
        Cutoffs {
            applications: months_before(self.closed_applications_months),
            traces: now - chrono::Duration::days(self.sign_in_traces_days.max(0)),
            outbox: months_before(self.outbox_months),
            cohorts: months_before(self.ended_cohort_years.saturating_mul(12)),
        }
    }
}

/// How many records of each kind a run removes (or removed).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionCounts {
    /// Declined or withdrawn applications emptied.
    pub applications: i64,
    /// Sign-in failure counts deleted.
    pub sign_in_failures: i64,
    /// Expired sessions deleted.
    pub sessions: i64,
    /// Network addresses cleared from the audit log.
    pub addresses: i64,
    /// Links cleared from emails already sent.
    pub outbox_links: i64,
    /// Emails deleted from the outbox.
    pub outbox_messages: i64,
    /// People erased (every cohort of theirs closed long ago).
    pub people: i64,
}

impl RetentionCounts {
    pub fn total(&self) -> i64 {
        self.applications
            + self.sign_in_failures
            + self.sessions
            + self.addresses
            + self.outbox_links
            + self.outbox_messages
            + self.people
    }

    /// The counts as the audit log's detail says them.
    pub fn detail(&self) -> String {
        format!(
            "applications {}, sign-in failures {}, sessions {}, addresses {}, \
             outbox links {}, outbox messages {}, people {}",
            self.applications,
            self.sign_in_failures,
            self.sessions,
            self.addresses,
            self.outbox_links,
            self.outbox_messages,
            self.people
        )
    }
}

/// A person the next run erases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonToErase {
    pub name: String,
    pub role: Role,
    /// When their last cohort closed (UTC text).
    pub last_closed_at: String,
}

/// The retention page: the periods, what a run would remove now, the last run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionPreview {
    pub settings: RetentionSettings,
    pub next: RetentionCounts,
    pub people: Vec<PersonToErase>,
    pub last_run: Option<String>,
    /// Whether the reader may change the periods and run (the privacy officer).
    pub may_change: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::InputProblem;
    use chrono::TimeZone;

    fn problems(result: Result<RetentionSettings, AppError>) -> Vec<(String, InputProblem)> {
        match result {
            Err(AppError::InvalidFields(problems)) => problems
                .into_iter()
                .map(|problem| (problem.field, problem.problem))
                .collect(),
            Err(AppError::InvalidInput { field, problem }) => vec![(field, problem)],
            other => panic!("refused, not {other:?}"),
        }
    }

    #[test]
    fn the_periods_are_required_and_in_range() {
        assert_eq!(
            check_retention("12", "30", "12", "3"),
            Ok(RetentionSettings::default())
        );
        let refused = problems(check_retention("", "0", "121", "x"));
        assert_eq!(
            refused,
            vec![
                ("applications_months".to_owned(), InputProblem::Required),
                ("traces_days".to_owned(), InputProblem::OutOfRange),
                ("outbox_months".to_owned(), InputProblem::OutOfRange),
                ("cohort_years".to_owned(), InputProblem::OutOfRange),
            ]
        );
    }

    #[test]
    fn cutoffs_count_calendar_months_and_years() {
        let now = Utc.with_ymd_and_hms(2026, 3, 31, 12, 0, 0).single();
        let Some(now) = now else {
            panic!("a valid date");
        };
        let cutoffs = RetentionSettings::default().cutoffs(now);
        assert_eq!(
            cutoffs.applications.to_rfc3339(),
            "2025-03-31T12:00:00+00:00"
        );
        assert_eq!(cutoffs.traces.to_rfc3339(), "2026-03-01T12:00:00+00:00");
        // A month without the 31st ends on its last day.
        let february = RetentionSettings {
            outbox_months: 1,
            ..RetentionSettings::default()
        }
        .cutoffs(now);
        assert_eq!(february.outbox.to_rfc3339(), "2026-02-28T12:00:00+00:00");
        assert_eq!(cutoffs.cohorts.to_rfc3339(), "2023-03-31T12:00:00+00:00");
    }

    #[test]
    fn the_counts_add_up() {
        let counts = RetentionCounts {
            applications: 1,
            sign_in_failures: 2,
            sessions: 3,
            addresses: 4,
            outbox_links: 5,
            outbox_messages: 6,
            people: 7,
        };
        assert_eq!(counts.total(), 28);
        assert!(counts.detail().contains("people 7"));
    }
}
