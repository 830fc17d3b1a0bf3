//! Taking part in several cohorts over the years, with one account and one
//! profile: the coordinator carries a cohort's mentors over to another in one
//! step, each mentor confirms (by the emailed link) the capacity and the
//! availability they give it, or declines; the board of a cohort matches only
//! its confirmed members (`cohort_members`).
use serde::{Deserialize, Serialize};

use crate::catalog::Cohort;
use crate::error::{FieldErrors, InputProblem};
use crate::profiles::{WeeklyAvailability, CAPACITY_MAX};

pub mod api;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod ui;

crate::stored_enum! {
    /// Where a person stands in a cohort.
    pub enum MembershipStatus {
        /// Carried over: asked to confirm.
        Invited,
        /// Takes part: matched on the cohort's board.
        Confirmed,
        /// Answered "not this time".
        Declined,
    }
}

/// A mentor of the source cohort, as the carry-over page lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarryCandidate {
    pub profile_id: i64,
    pub name: String,
    pub capacity: i64,
    /// Proposed or active pairs, any cohort.
    pub open_pairs: i64,
    /// Where they stand in the target cohort already, if anywhere.
    pub status_here: Option<MembershipStatus>,
}

impl CarryCandidate {
    /// Only mentors not yet asked (nor placed) in the target cohort are
    /// carried over: a second carry-over never emails anyone twice.
    pub fn may_carry(&self) -> bool {
        self.status_here.is_none()
    }
}

/// A mentor asked to confirm for the target cohort, and their answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarriedMentor {
    pub name: String,
    pub status: MembershipStatus,
    /// What they confirmed (or were asked with).
    pub capacity: Option<i64>,
    /// When they were asked (program time, `YYYY-MM-DD HH:MM`).
    pub invited_at: String,
}

/// The carry-over page of a cohort: where mentors may come from, the mentors
/// of the chosen source, and those already asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarryOver {
    pub cohort: Cohort,
    /// The other cohorts, newest first.
    pub sources: Vec<Cohort>,
    /// The chosen source (by default the latest cohort before this one).
    pub from: Option<String>,
    pub candidates: Vec<CarryCandidate>,
    pub asked: Vec<CarriedMentor>,
}

/// A mentor's invitation to take part in a cohort, as their link opens it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortInvitation {
    pub cohort: Cohort,
    pub status: MembershipStatus,
    /// What the form proposes: the confirmed values, or the profile's.
    pub capacity: i64,
    pub availability: WeeklyAvailability,
    /// Proposed or active pairs, any cohort: the capacity counts them.
    pub open_pairs: i64,
}

/// A mentor's answer to a cohort invitation, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvitationAnswer {
    Confirm {
        capacity: i64,
        availability: WeeklyAvailability,
    },
    Decline,
}

/// Checks an answer: `confirm` needs a capacity in `1..=CAPACITY_MAX`, never
/// below the pairs already open (they keep their places), and at least one
/// half-day of availability; `decline` needs nothing. Every problem at once.
pub fn check_answer(
    answer: &str,
    capacity: &str,
    availability: &[String],
    open_pairs: i64,
) -> Result<InvitationAnswer, crate::error::AppError> {
    let mut errors = FieldErrors::new();
    match answer.trim() {
        "decline" => return Ok(InvitationAnswer::Decline),
        "confirm" => {}
        _ => {
            return Err(crate::error::AppError::InvalidInput {
                field: "answer".to_owned(),
                problem: InputProblem::InvalidChoice,
            })
        }
    }
    let capacity = match errors.check(crate::input::parse_optional_number(
        "capacity",
        capacity,
        1,
        CAPACITY_MAX,
    )) {
        Some(Some(capacity)) if capacity < open_pairs => {
            errors.push("capacity", InputProblem::BelowOpenPairs);
            None
        }
        Some(Some(capacity)) => Some(capacity),
        Some(None) => {
            errors.push("capacity", InputProblem::Required);
            None
        }
        None => None,
    };
    let availability = match WeeklyAvailability::parse_cells(availability) {
        Some(cells) if cells.is_empty() => {
            errors.push("availability", InputProblem::ChooseAtLeastOne);
            None
        }
        Some(cells) => Some(cells),
        None => {
            errors.push("availability", InputProblem::InvalidChoice);
            None
        }
    };
    errors.finish_with(|| {
        Some(InvitationAnswer::Confirm {
            capacity: capacity?,
            availability: availability?,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::AppError;

    fn problems(result: Result<InvitationAnswer, AppError>) -> Vec<(String, InputProblem)> {
        match result {
            Err(AppError::InvalidInput { field, problem }) => vec![(field, problem)],
            Err(AppError::InvalidFields(all)) => all
                .into_iter()
                .map(|one| (one.field, one.problem))
                .collect(),
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn a_confirmation_gives_a_capacity_and_some_availability() {
        let cells = vec!["tue-evening".to_owned(), "sat-morning".to_owned()];
        match check_answer("confirm", " 3 ", &cells, 1) {
            Ok(InvitationAnswer::Confirm {
                capacity,
                availability,
            }) => {
                assert_eq!(capacity, 3);
                assert_eq!(availability.half_days(), 2);
            }
            other => panic!("expected a confirmation, got {other:?}"),
        }
    }

    #[test]
    fn a_capacity_below_the_open_pairs_or_missing_is_refused_with_every_problem() {
        let refused = problems(check_answer("confirm", "1", &[], 2));
        assert_eq!(
            refused,
            vec![
                ("capacity".to_owned(), InputProblem::BelowOpenPairs),
                ("availability".to_owned(), InputProblem::ChooseAtLeastOne),
            ]
        );
        let cells = vec!["mon-morning".to_owned()];
        assert_eq!(
            problems(check_answer("confirm", "", &cells, 0)),
            vec![("capacity".to_owned(), InputProblem::Required)]
        );
        assert_eq!(
            problems(check_answer("confirm", "99", &cells, 0)),
            vec![("capacity".to_owned(), InputProblem::OutOfRange)]
        );
        assert_eq!(
            problems(check_answer("confirm", "2", &["mon-night".to_owned()], 0)),
            vec![("availability".to_owned(), InputProblem::InvalidChoice)]
        );
    }

    #[test]
    fn declining_needs_nothing_and_an_unknown_answer_is_refused() {
        assert_eq!(
            check_answer("decline", "", &[], 4).ok(),
            Some(InvitationAnswer::Decline)
        );
        assert_eq!(
            problems(check_answer("maybe", "2", &[], 0)),
            vec![("answer".to_owned(), InputProblem::InvalidChoice)]
        );
    }

    #[test]
    fn only_mentors_not_yet_asked_are_carried_over() {
        let mut candidate = CarryCandidate {
            profile_id: 1,
            name: "Claire".to_owned(),
            capacity: 2,
            open_pairs: 0,
            status_here: None,
        };
        assert!(candidate.may_carry());
        for status in [
            MembershipStatus::Invited,
            MembershipStatus::Confirmed,
            MembershipStatus::Declined,
        ] {
            candidate.status_here = Some(status);
            assert!(!candidate.may_carry());
        }
    }
}
