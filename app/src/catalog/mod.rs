//! Reference data every feature shares: cohorts and the taxonomy (domains and skills).
//!
//! Labels come in both languages from the database; a missing label stays missing
//! ([`Bilingual::get`] returns `None`) so the interface can say so instead of
//! silently showing the other language.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::i18n::Locale;

pub mod admin_api;
pub mod api;
pub mod cohort_select;
pub mod cohorts_ui;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod taxonomy_ui;

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
    /// The program's day it was concluded: its open pairs were closed, it
    /// no longer matches, and it never opens again.
    #[serde(default)]
    pub concluded_on: Option<NaiveDate>,
}

impl Cohort {
    pub fn is_running_on(&self, day: NaiveDate) -> bool {
        self.starts_on <= day && day <= self.ends_on
    }
}

/// A domain or a skill a person can choose: its code and its labels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxonomyChoice {
    pub code: String,
    pub label: Bilingual,
}

/// A domain of interest or expertise (one shared taxonomy).
pub type Domain = TaxonomyChoice;

crate::stored_enum! {
    /// The two lists of the shared taxonomy.
    pub enum TaxonomyKind {
        Domain,
        Skill,
    }
}

/// A domain or a skill as the coordinator manages it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxonomyEntry {
    pub code: String,
    pub label: Bilingual,
    pub is_active: bool,
    /// Profiles and applications that use it.
    pub uses: i64,
}

/// Both lists, every entry (inactive ones too).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxonomyOverview {
    pub domains: Vec<TaxonomyEntry>,
    pub skills: Vec<TaxonomyEntry>,
}

/// A cohort with how many mentors and mentees are placed in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortSummary {
    pub cohort: Cohort,
    pub mentors: i64,
    pub mentees: i64,
    pub is_current: bool,
}

/// A mentor or a mentee who can be placed in a cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortCandidate {
    pub profile_id: i64,
    pub display_name: String,
    pub is_mentor: bool,
    /// The cohort they are in now (its code), if any.
    pub cohort_code: Option<String>,
    /// The account does not exist yet (invitation not accepted).
    pub is_pending: bool,
    /// A confirmed member of the page's cohort.
    pub in_cohort: bool,
}

/// A cohort's page: the cohort and everyone who could be in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortMembers {
    pub cohort: Cohort,
    pub people: Vec<CohortCandidate>,
}

/// A code made from a label: lowercase ASCII letters, digits and dashes
/// ("Santé mentale" → "sante-mentale"). Empty when nothing is left.
pub fn code_from_label(label: &str) -> String {
    let mut code = String::new();
    for character in label.chars().flat_map(fold_accent) {
        if character.is_ascii_alphanumeric() {
            code.push(character.to_ascii_lowercase());
        } else if !code.is_empty() && !code.ends_with('-') {
            code.push('-');
        }
    }
    let code = code.trim_end_matches('-');
    code.chars()
        .take(48)
        .collect::<String>()
        .trim_end_matches('-')
        .to_owned()
}

/// The ASCII letters of a Latin letter with an accent (French needs these).
fn fold_accent(character: char) -> Vec<char> {
    let folded = match character {
        'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' | 'Á' => "a",
        'ç' | 'Ç' => "c",
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "e",
        'î' | 'ï' | 'í' | 'Î' | 'Ï' | 'Í' => "i",
        'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' | 'Ó' => "o",
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => "u",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        other => return vec![other],
    };
    folded.chars().collect()
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

/// The choices a form lists: the active taxonomy, in the coordinator's order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileChoices {
    pub domains: Vec<TaxonomyChoice>,
    pub skills: Vec<TaxonomyChoice>,
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
            concluded_on: None,
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
    fn codes_are_made_from_labels() {
        assert_eq!(code_from_label("Santé mentale"), "sante-mentale");
        assert_eq!(code_from_label("  Œuvres d'art & co. "), "oeuvres-d-art-co");
        assert_eq!(code_from_label("Hiver 2026"), "hiver-2026");
        assert_eq!(code_from_label("!!!"), "");
        assert!(code_from_label(&"long ".repeat(40)).len() <= 48);
        assert!(!code_from_label(&"long ".repeat(40)).ends_with('-'));
    }

    #[test]
    fn taxonomy_kinds_parse_back() {
        for kind in [TaxonomyKind::Domain, TaxonomyKind::Skill] {
            assert_eq!(TaxonomyKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(TaxonomyKind::parse("planet"), None);
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
