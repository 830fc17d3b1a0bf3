//! Concluding a cohort (issue 19): at its end, or when the coordinator
//! chooses, its active pairs become *completed* and its proposals still
//! waiting for answers are withdrawn, after a preview of exactly that and a
//! confirmation. A concluded cohort no longer matches (the board refuses any
//! change), is never the current cohort again, and its history stays
//! readable: pairs, workspaces and figures are kept as they were.
//!
//! A pair that must end early, with a reason, is ended from the board before
//! concluding; the preview links to each pair.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::catalog::Cohort;
use crate::pairs::PairStatus;

pub mod api;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod ui;

/// An open pair of the cohort, as the preview names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenPair {
    pub id: i64,
    pub mentee_name: String,
    pub mentor_name: String,
    pub status: PairStatus,
}

/// What concluding a cohort will change, or has changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosingPreview {
    pub cohort: Cohort,
    /// Active pairs, to become completed.
    pub to_complete: Vec<OpenPair>,
    /// Proposals without both answers, to be withdrawn.
    pub to_withdraw: Vec<OpenPair>,
    /// Whether the board holds a draft for the cohort (discarded).
    pub has_draft: bool,
    /// The open pairs the coordinator saw, for the confirmation to name:
    /// concluding refuses if they changed since (a pair proposed, answered
    /// or ended in between).
    pub seen: String,
    /// The program's day: a cohort whose end is past is due.
    pub today: NaiveDate,
}

impl ClosingPreview {
    pub fn is_due(&self) -> bool {
        self.cohort.concluded_on.is_none() && self.cohort.ends_on < self.today
    }
}

/// What an open pair becomes when its cohort is concluded; `None` for a pair
/// that is already closed.
pub fn outcome(status: PairStatus) -> Option<PairStatus> {
    match status {
        PairStatus::Active => Some(PairStatus::Completed),
        PairStatus::Proposed => Some(PairStatus::Withdrawn),
        PairStatus::Declined
        | PairStatus::Withdrawn
        | PairStatus::Ended
        | PairStatus::Completed => None,
    }
}

/// The open pairs as the confirmation names them: their ids and statuses,
/// in id order, so that the same pairs in any order give the same text.
pub fn seen_pairs(pairs: &[OpenPair]) -> String {
    let mut seen: Vec<(i64, &str)> = pairs
        .iter()
        .map(|pair| (pair.id, pair.status.as_str()))
        .collect();
    seen.sort_unstable();
    seen.iter()
        .map(|(id, status)| format!("{id}:{status}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// The cohort's open pairs split by what concluding does to them.
pub fn split(pairs: Vec<OpenPair>) -> (Vec<OpenPair>, Vec<OpenPair>) {
    let (to_complete, rest): (Vec<_>, Vec<_>) = pairs
        .into_iter()
        .partition(|pair| outcome(pair.status) == Some(PairStatus::Completed));
    let to_withdraw = rest
        .into_iter()
        .filter(|pair| outcome(pair.status) == Some(PairStatus::Withdrawn))
        .collect();
    (to_complete, to_withdraw)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(id: i64, status: PairStatus) -> OpenPair {
        OpenPair {
            id,
            mentee_name: format!("mentee {id}"),
            mentor_name: format!("mentor {id}"),
            status,
        }
    }

    #[test]
    fn active_pairs_complete_proposals_are_withdrawn_and_closed_pairs_stay() {
        assert_eq!(outcome(PairStatus::Active), Some(PairStatus::Completed));
        assert_eq!(outcome(PairStatus::Proposed), Some(PairStatus::Withdrawn));
        for closed in [
            PairStatus::Declined,
            PairStatus::Withdrawn,
            PairStatus::Ended,
            PairStatus::Completed,
        ] {
            assert_eq!(outcome(closed), None, "{closed:?}");
        }
        let (to_complete, to_withdraw) = split(vec![
            pair(1, PairStatus::Active),
            pair(2, PairStatus::Proposed),
            pair(3, PairStatus::Ended),
            pair(4, PairStatus::Active),
        ]);
        let ids = |pairs: &[OpenPair]| pairs.iter().map(|pair| pair.id).collect::<Vec<_>>();
        assert_eq!(ids(&to_complete), [1, 4]);
        assert_eq!(ids(&to_withdraw), [2]);
    }

    #[test]
    fn the_confirmation_names_the_same_pairs_in_any_order_and_sees_a_change() {
        let one = [pair(7, PairStatus::Active), pair(3, PairStatus::Proposed)];
        let other = [pair(3, PairStatus::Proposed), pair(7, PairStatus::Active)];
        assert_eq!(seen_pairs(&one), "3:proposed,7:active");
        assert_eq!(seen_pairs(&one), seen_pairs(&other));
        let answered = [pair(3, PairStatus::Active), pair(7, PairStatus::Active)];
        assert_ne!(
            seen_pairs(&one),
            seen_pairs(&answered),
            "a proposal answered"
        );
        assert_eq!(seen_pairs(&[]), "");
    }

    #[test]
    fn a_cohort_is_due_once_its_end_is_past_until_it_is_concluded() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2027, 6, d).unwrap_or_default();
        let mut preview = ClosingPreview {
            cohort: Cohort {
                code: "hiver-2027".into(),
                name: crate::catalog::Bilingual::default(),
                starts_on: day(1),
                ends_on: day(18),
                is_open: true,
                concluded_on: None,
            },
            to_complete: Vec::new(),
            to_withdraw: Vec::new(),
            has_draft: false,
            seen: String::new(),
            today: day(18),
        };
        assert!(!preview.is_due(), "its last day");
        preview.today = day(19);
        assert!(preview.is_due());
        preview.cohort.concluded_on = Some(day(19));
        assert!(!preview.is_due());
    }
}
