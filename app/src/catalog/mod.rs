//! Reference data every feature shares: cohorts and the taxonomy of domains.
//!
//! Labels come in both languages from the database; a missing label stays missing
//! ([`Bilingual::get`] returns `None`) so the interface can say so instead of
//! silently showing the other language.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::i18n::Locale;

pub mod api;
#[cfg(feature = "ssr")]
pub mod repo;

/// A text kept in both program languages; either may be missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Bilingual {
    pub fr: Option<String>,
    pub en: Option<String>,
}

impl Bilingual {
    pub fn get(&self, locale: Locale) -> Option<&str> {
        match locale {
            Locale::fr => self.fr.as_deref(),
            Locale::en => self.en.as_deref(),
        }
    }
}

/// A cohort of the program, e.g. "Hiver 2025"; matching happens within one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cohort {
    pub code: String,
    pub name: Bilingual,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub is_open: bool,
}

impl Cohort {
    pub fn is_running_on(&self, day: NaiveDate) -> bool {
        self.starts_on <= day && day <= self.ends_on
    }
}

/// A domain of interest or expertise (one shared taxonomy).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Domain {
    pub code: String,
    pub label: Bilingual,
}

/// The cohort people should hear about on `day`: the open cohort running that day,
/// otherwise the open cohort that starts soonest after it. Closed and finished
/// cohorts are never "current".
pub fn current_cohort(cohorts: &[Cohort], day: NaiveDate) -> Option<&Cohort> {
    let open = || cohorts.iter().filter(|cohort| cohort.is_open);
    open()
        .filter(|cohort| cohort.is_running_on(day))
        .min_by_key(|cohort| cohort.starts_on)
        .or_else(|| {
            open()
                .filter(|cohort| cohort.starts_on > day)
                .min_by_key(|cohort| cohort.starts_on)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
    }

    fn cohort(code: &str, starts: &str, ends: &str, is_open: bool) -> Cohort {
        Cohort {
            code: code.to_owned(),
            name: Bilingual::default(),
            starts_on: day(starts),
            ends_on: day(ends),
            is_open,
        }
    }

    #[test]
    fn a_running_open_cohort_is_current() {
        let cohorts = [
            cohort("past", "2024-01-08", "2024-06-14", true),
            cohort("now", "2025-01-13", "2025-06-20", true),
            cohort("next", "2025-09-01", "2025-12-19", true),
        ];
        let current = current_cohort(&cohorts, day("2025-03-01")).map(|c| c.code.as_str());
        assert_eq!(current, Some("now"));
    }

    #[test]
    fn between_cohorts_the_next_open_one_is_current() {
        let cohorts = [
            cohort("later", "2026-01-12", "2026-06-19", true),
            cohort("sooner", "2025-09-01", "2025-12-19", true),
            cohort("done", "2025-01-13", "2025-06-20", true),
        ];
        let current = current_cohort(&cohorts, day("2025-07-01")).map(|c| c.code.as_str());
        assert_eq!(current, Some("sooner"));
    }

    #[test]
    fn closed_cohorts_are_never_current() {
        let cohorts = [
            cohort("closed", "2025-01-13", "2025-06-20", false),
            cohort("next", "2025-09-01", "2025-12-19", true),
        ];
        let current = current_cohort(&cohorts, day("2025-03-01")).map(|c| c.code.as_str());
        assert_eq!(current, Some("next"));
        assert_eq!(current_cohort(&cohorts[..1], day("2025-03-01")), None);
    }

    #[test]
    fn a_missing_label_stays_missing() {
        let label = Bilingual {
            fr: Some("Soins infirmiers".to_owned()),
            en: None,
        };
        assert_eq!(label.get(Locale::fr), Some("Soins infirmiers"));
        assert_eq!(label.get(Locale::en), None);
    }
}
