//! Matching profiles: what matching reads about a mentor or a mentee (domains,
//! skills, languages, modality, weekly availability), plus the mentor's capacity
//! and pause and the mentee's studies and needs.
//!
//! Parsing what a form sent and measuring how complete a profile is are plain
//! functions tested here; SQL is in [`repo`], server functions in [`api`].
pub mod api;
pub mod choices;
pub mod fields;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod repo;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::catalog::{Bilingual, ProfileChoices};
use crate::error::{FieldErrors, InputProblem};
pub use choices::{LanguageLevel, Modality, SpokenLanguage, WeeklyAvailability};

/// How many mentees a mentor can follow at once, at most.
pub const CAPACITY_MAX: i64 = 5;

pub use crate::catalog::TaxonomyChoice;

/// The matching fields as a form sends them (`domains[]`, `skills[]`,
/// `languages[fr]=fluent`, `modality`, `availability[]`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MatchingInput {
    pub domains: Vec<String>,
    pub skills: Vec<String>,
    pub languages: BTreeMap<String, String>,
    pub modality: String,
    pub availability: Vec<String>,
}

/// The matching fields, checked. In a draft (a profile being completed) a
/// list may be empty and the modality unset; in an application all are required.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchingFields {
    pub domains: Vec<String>,
    pub skills: Vec<String>,
    pub languages: Vec<SpokenLanguage>,
    pub modality: Option<Modality>,
    pub availability: WeeklyAvailability,
}

/// Whether every matching field must be filled (an application) or not (a profile draft).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requirement {
    AllRequired,
    Draft,
}

/// Checks the matching fields against the taxonomy codes that exist; every
/// problem goes to `errors` under its field name.
pub fn parse_matching_fields(
    input: &MatchingInput,
    choices: &ProfileChoices,
    requirement: Requirement,
    errors: &mut FieldErrors,
) -> MatchingFields {
    let required = requirement == Requirement::AllRequired;
    let domains = pick_codes(
        &input.domains,
        &choices.domains,
        "domains",
        required,
        errors,
    );
    let skills = pick_codes(&input.skills, &choices.skills, "skills", required, errors);

    let mut languages = Vec::new();
    let mut bad_language = false;
    for (code, level) in &input.languages {
        let level = level.trim();
        if level.is_empty() {
            continue;
        }
        match LanguageLevel::parse(level) {
            Some(level) if choices::is_known_language(code) => languages.push(SpokenLanguage {
                code: code.clone(),
                level,
            }),
            _ => bad_language = true,
        }
    }
    if bad_language {
        errors.push("languages", InputProblem::InvalidChoice);
    } else if required && languages.is_empty() {
        errors.push("languages", InputProblem::ChooseAtLeastOne);
    }

    let modality = match input.modality.trim() {
        "" => {
            if required {
                errors.push("modality", InputProblem::Required);
            }
            None
        }
        value => {
            let modality = Modality::parse(value);
            if modality.is_none() {
                errors.push("modality", InputProblem::InvalidChoice);
            }
            modality
        }
    };

    let availability = match WeeklyAvailability::parse_cells(&input.availability) {
        Some(availability) => {
            if required && availability.is_empty() {
                errors.push("availability", InputProblem::ChooseAtLeastOne);
            }
            availability
        }
        None => {
            errors.push("availability", InputProblem::InvalidChoice);
            WeeklyAvailability::default()
        }
    };

    MatchingFields {
        domains,
        skills,
        languages,
        modality,
        availability,
    }
}

fn pick_codes(
    sent: &[String],
    known: &[TaxonomyChoice],
    field: &str,
    required: bool,
    errors: &mut FieldErrors,
) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for code in sent {
        if !known.iter().any(|choice| &choice.code == code) {
            errors.push(field, InputProblem::InvalidChoice);
            return Vec::new();
        }
        if !codes.contains(code) {
            codes.push(code.clone());
        }
    }
    if required && codes.is_empty() {
        errors.push(field, InputProblem::ChooseAtLeastOne);
    }
    codes
}

/// A mentor's own settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentorSettings {
    pub capacity: i64,
    pub paused_until: Option<NaiveDate>,
}

/// A mentee's studies and what they want to learn beyond the skills list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MenteeStudies {
    pub program_of_study: Option<String>,
    pub institution: Option<String>,
    pub study_year: Option<i64>,
    pub needs_note: Option<String>,
}

/// A profile as its owner (or the coordinator) reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileView {
    pub display_name: String,
    pub cohort: Option<Bilingual>,
    pub fields: MatchingFields,
    pub mentor: Option<MentorSettings>,
    pub mentee: Option<MenteeStudies>,
}

/// What a profile page needs: the profile and the lists to choose from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfilePage {
    pub profile: ProfileView,
    pub choices: ProfileChoices,
}

/// A part of a profile matching needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProfileItem {
    ProgramOfStudy,
    Institution,
    StudyYear,
    Domains,
    Skills,
    Languages,
    Modality,
    Availability,
}

/// How much of a profile is filled in, and what is still missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Completeness {
    pub done: usize,
    pub total: usize,
    pub missing: Vec<ProfileItem>,
}

impl Completeness {
    /// Whole percent, rounded down (100 only when nothing is missing).
    pub fn percent(&self) -> usize {
        (self.done * 100).checked_div(self.total).unwrap_or(100)
    }

    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
    }
}

/// Measures a profile: the matching fields for everyone, the studies for mentees.
pub fn completeness(profile: &ProfileView) -> Completeness {
    let fields = &profile.fields;
    let mut items = vec![
        (ProfileItem::Domains, !fields.domains.is_empty()),
        (ProfileItem::Skills, !fields.skills.is_empty()),
        (ProfileItem::Languages, !fields.languages.is_empty()),
        (ProfileItem::Modality, fields.modality.is_some()),
        (ProfileItem::Availability, !fields.availability.is_empty()),
    ];
    if let Some(studies) = &profile.mentee {
        items.splice(
            0..0,
            [
                (
                    ProfileItem::ProgramOfStudy,
                    studies.program_of_study.is_some(),
                ),
                (ProfileItem::Institution, studies.institution.is_some()),
                (ProfileItem::StudyYear, studies.study_year.is_some()),
            ],
        );
    }
    Completeness {
        done: items.iter().filter(|(_, filled)| *filled).count(),
        total: items.len(),
        missing: items
            .into_iter()
            .filter(|(_, filled)| !filled)
            .map(|(item, _)| item)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::AppError;

    fn choices() -> ProfileChoices {
        let choice = |code: &str| TaxonomyChoice {
            code: code.to_owned(),
            label: Bilingual::default(),
        };
        ProfileChoices {
            domains: vec![choice("nursing"), choice("social-work")],
            skills: vec![choice("interviews"), choice("leadership")],
        }
    }

    fn full_input() -> MatchingInput {
        MatchingInput {
            domains: vec!["nursing".to_owned()],
            skills: vec!["interviews".to_owned(), "interviews".to_owned()],
            languages: BTreeMap::from([
                ("fr".to_owned(), "fluent".to_owned()),
                ("en".to_owned(), String::new()),
            ]),
            modality: "video".to_owned(),
            availability: vec!["tue-evening".to_owned()],
        }
    }

    #[test]
    fn complete_matching_fields_parse() {
        let mut errors = FieldErrors::new();
        let fields = parse_matching_fields(
            &full_input(),
            &choices(),
            Requirement::AllRequired,
            &mut errors,
        );
        assert!(errors.is_empty());
        assert_eq!(fields.skills, vec!["interviews"], "duplicates are dropped");
        assert_eq!(
            fields.languages,
            vec![SpokenLanguage {
                code: "fr".to_owned(),
                level: LanguageLevel::Fluent
            }],
            "a language left at 'not spoken' is not kept"
        );
        assert_eq!(fields.modality, Some(Modality::Video));
        assert_eq!(fields.availability.half_days(), 1);
    }

    #[test]
    fn an_application_needs_every_matching_field() {
        let mut errors = FieldErrors::new();
        parse_matching_fields(
            &MatchingInput::default(),
            &choices(),
            Requirement::AllRequired,
            &mut errors,
        );
        let error = errors.finish().err().unwrap_or(AppError::Storage);
        for (field, problem) in [
            ("domains", InputProblem::ChooseAtLeastOne),
            ("skills", InputProblem::ChooseAtLeastOne),
            ("languages", InputProblem::ChooseAtLeastOne),
            ("modality", InputProblem::Required),
            ("availability", InputProblem::ChooseAtLeastOne),
        ] {
            assert_eq!(error.problem_with(field), Some(problem), "{field}");
        }
    }

    #[test]
    fn a_draft_may_be_partial_but_not_wrong() {
        let mut errors = FieldErrors::new();
        parse_matching_fields(
            &MatchingInput::default(),
            &choices(),
            Requirement::Draft,
            &mut errors,
        );
        assert!(errors.is_empty());

        let mut input = full_input();
        input.domains = vec!["astrology".to_owned()];
        input.languages.insert("xx".to_owned(), "fluent".to_owned());
        input.modality = "teleport".to_owned();
        input.availability = vec!["mon-night".to_owned()];
        let mut errors = FieldErrors::new();
        parse_matching_fields(&input, &choices(), Requirement::Draft, &mut errors);
        let error = errors.finish().err().unwrap_or(AppError::Storage);
        for field in ["domains", "languages", "modality", "availability"] {
            assert_eq!(
                error.problem_with(field),
                Some(InputProblem::InvalidChoice),
                "{field}"
            );
        }
    }

    fn mentee_profile() -> ProfileView {
        ProfileView {
            display_name: "Amina".to_owned(),
            cohort: None,
            fields: MatchingFields::default(),
            mentor: None,
            mentee: Some(MenteeStudies::default()),
        }
    }

    #[test]
    fn an_empty_mentee_profile_lists_all_eight_items() {
        let measure = completeness(&mentee_profile());
        assert_eq!((measure.done, measure.total), (0, 8));
        assert_eq!(measure.percent(), 0);
        assert_eq!(measure.missing.first(), Some(&ProfileItem::ProgramOfStudy));
    }

    #[test]
    fn completeness_counts_what_is_filled() {
        let mut profile = mentee_profile();
        profile.mentee = Some(MenteeStudies {
            program_of_study: Some("Baccalauréat en sciences infirmières".to_owned()),
            institution: Some("Université de Montréal".to_owned()),
            study_year: Some(2),
            needs_note: None,
        });
        profile.fields = MatchingFields {
            domains: vec!["nursing".to_owned()],
            skills: vec!["interviews".to_owned()],
            languages: vec![SpokenLanguage {
                code: "fr".to_owned(),
                level: LanguageLevel::Fluent,
            }],
            modality: None,
            availability: WeeklyAvailability(1),
        };
        let measure = completeness(&profile);
        assert_eq!((measure.done, measure.total), (7, 8));
        assert_eq!(measure.percent(), 87);
        assert_eq!(measure.missing, vec![ProfileItem::Modality]);
        profile.fields.modality = Some(Modality::Either);
        assert!(completeness(&profile).is_complete());
        assert_eq!(completeness(&profile).percent(), 100);
    }

    #[test]
    fn a_mentor_profile_counts_only_matching_fields() {
        let profile = ProfileView {
            mentor: Some(MentorSettings {
                capacity: 2,
                paused_until: None,
            }),
            mentee: None,
            ..mentee_profile()
        };
        assert_eq!(completeness(&profile).total, 5);
    }
}
