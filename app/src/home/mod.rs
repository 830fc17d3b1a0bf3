//! The landing pages: the public home page (what the program is, who it is for,
//! the current cohort) and the home page of each area (coordinator, mentor, mentee).
use serde::{Deserialize, Serialize};

use crate::catalog::Cohort;

pub mod api;
pub mod areas_api;
pub mod areas_ui;
pub mod ui;

/// Where the cohort people hear about stands today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CohortAnnouncement {
    /// Under way today.
    Running(Cohort),
    /// Starts later.
    Upcoming(Cohort),
    /// No open cohort is planned yet.
    NotAnnounced,
}

impl CohortAnnouncement {
    pub fn for_day(current: Option<&Cohort>, day: chrono::NaiveDate) -> Self {
        match current {
            Some(cohort) if cohort.is_running_on(day) => Self::Running(cohort.clone()),
            Some(cohort) => Self::Upcoming(cohort.clone()),
            None => Self::NotAnnounced,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Bilingual;
    use chrono::NaiveDate;

    fn cohort() -> Cohort {
        Cohort {
            code: "hiver-2027".to_owned(),
            name: Bilingual::default(),
            starts_on: NaiveDate::from_ymd_opt(2027, 1, 11).unwrap_or_default(),
            ends_on: NaiveDate::from_ymd_opt(2027, 6, 18).unwrap_or_default(),
            is_open: true,
            concluded_on: None,
        }
    }

    #[test]
    fn a_cohort_is_announced_as_upcoming_before_it_starts_and_running_after() {
        let before = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default();
        let during = NaiveDate::from_ymd_opt(2027, 2, 1).unwrap_or_default();
        let cohort = cohort();
        assert_eq!(
            CohortAnnouncement::for_day(Some(&cohort), before),
            CohortAnnouncement::Upcoming(cohort.clone())
        );
        assert_eq!(
            CohortAnnouncement::for_day(Some(&cohort), during),
            CohortAnnouncement::Running(cohort)
        );
        assert_eq!(
            CohortAnnouncement::for_day(None, during),
            CohortAnnouncement::NotAnnounced
        );
    }
}
