//! The mentee's needs at the centre of the pair's work: what she studies, her
//! domains, her note and the skills she asked for. The workspace opens with
//! them (the mentee edits them, the mentor reads them); a goal is tied to one
//! or more needed skills, and the needs with no goal yet are shown.
use serde::{Deserialize, Serialize};

use crate::catalog::{Bilingual, TaxonomyChoice};

pub mod api;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod ui;

/// Longest needs note, as in the profile.
pub const NOTE_MAX_CHARS: usize = crate::input::LONG_TEXT_MAX_CHARS;

/// One needed skill and the goals that answer it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Need {
    pub code: String,
    pub label: Bilingual,
    /// Ids of the open (in progress) goals tied to it.
    pub goals: Vec<i64>,
}

/// The mentee's needs as the workspace shows them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MenteeNeeds {
    pub skills: Vec<Need>,
    pub note: Option<String>,
    pub program_of_study: Option<String>,
    pub institution: Option<String>,
    pub study_year: Option<i64>,
    pub domains: Vec<Bilingual>,
    /// The skills she may choose from, for the mentee's own form only.
    pub choices: Vec<TaxonomyChoice>,
}

impl MenteeNeeds {
    /// The needed skills no open goal answers yet.
    pub fn without_goal(&self) -> Vec<&Need> {
        self.skills
            .iter()
            .filter(|need| need.goals.is_empty())
            .collect()
    }
}

/// Which of `chosen` (skill codes from a goal form) are among `needed`:
/// `Err` with the first that is not.
pub fn check_tied_needs<'a>(chosen: &'a [String], needed: &[String]) -> Result<(), &'a str> {
    match chosen.iter().find(|code| !needed.contains(code)) {
        Some(unknown) => Err(unknown.as_str()),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn need(code: &str, goals: &[i64]) -> Need {
        Need {
            code: code.into(),
            label: Bilingual::default(),
            goals: goals.to_vec(),
        }
    }

    #[test]
    fn the_needs_without_an_open_goal_are_listed() {
        let needs = MenteeNeeds {
            skills: vec![
                need("interviews", &[3]),
                need("networking", &[]),
                need("cv", &[]),
            ],
            ..MenteeNeeds::default()
        };
        let codes: Vec<&str> = needs
            .without_goal()
            .iter()
            .map(|n| n.code.as_str())
            .collect();
        assert_eq!(codes, ["networking", "cv"]);
    }

    #[test]
    fn a_goal_is_tied_only_to_needs_the_mentee_has() {
        let needed = vec!["interviews".to_owned(), "cv".to_owned()];
        assert_eq!(check_tied_needs(&["cv".to_owned()], &needed), Ok(()));
        assert_eq!(check_tied_needs(&[], &needed), Ok(()));
        assert_eq!(
            check_tied_needs(&["cv".to_owned(), "juggling".to_owned()], &needed),
            Err("juggling")
        );
    }
}
