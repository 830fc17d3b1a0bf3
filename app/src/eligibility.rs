//! The program's rule for mentors (from the seed): "hold a diploma and work, on
//! the job market, in a profession outside research". Checked on an
//! application, and on the three answers a coordinator records when inviting
//! or promoting a mentor without one. Plain Rust, no I/O.
use serde::{Deserialize, Serialize};

use crate::error::{AppError, InputProblem};

crate::stored_enum! {
    /// The highest diploma a candidate holds.
    pub enum DiplomaLevel {
        None,
        Secondary,
        College,
        Bachelor,
        Master,
        Doctorate,
    }
}

impl DiplomaLevel {
    pub const ALL: [DiplomaLevel; 6] = [
        DiplomaLevel::None,
        DiplomaLevel::Secondary,
        DiplomaLevel::College,
        DiplomaLevel::Bachelor,
        DiplomaLevel::Master,
        DiplomaLevel::Doctorate,
    ];
}

/// The facts the rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EligibilityFacts {
    pub diploma: DiplomaLevel,
    pub is_employed: bool,
    pub works_in_research: bool,
}

/// Why an application cannot be accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum IneligibilityReason {
    NoDiploma,
    NotEmployed,
    ResearchProfession,
}

/// Every reason the application fails the rule, in the form's order; empty
/// when it is eligible.
pub fn ineligibility_reasons(facts: EligibilityFacts) -> Vec<IneligibilityReason> {
    let mut reasons = Vec::new();
    if facts.diploma == DiplomaLevel::None {
        reasons.push(IneligibilityReason::NoDiploma);
    }
    if !facts.is_employed {
        reasons.push(IneligibilityReason::NotEmployed);
    }
    if facts.works_in_research {
        reasons.push(IneligibilityReason::ResearchProfession);
    }
    reasons
}

/// A diploma level's name in the reader's language.
pub fn diploma_name(level: DiplomaLevel) -> impl Fn() -> &'static str + Copy + Send + Sync {
    use crate::i18n::{t_string, use_i18n};

    let i18n = use_i18n();
    move || match level {
        DiplomaLevel::None => t_string!(i18n, apply.diploma_none),
        DiplomaLevel::Secondary => t_string!(i18n, apply.diploma_secondary),
        DiplomaLevel::College => t_string!(i18n, apply.diploma_college),
        DiplomaLevel::Bachelor => t_string!(i18n, apply.diploma_bachelor),
        DiplomaLevel::Master => t_string!(i18n, apply.diploma_master),
        DiplomaLevel::Doctorate => t_string!(i18n, apply.diploma_doctorate),
    }
}

/// A yes/no answer of a form (`yes`, `no`): required.
pub fn yes_no(field: &str, raw: &str) -> Result<bool, AppError> {
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

/// The three answers a coordinator records to make someone a mentor without
/// an application (fields `diploma_level`, `is_employed`,
/// `works_in_research`), each required; refused (`eligibility`,
/// `MentorNotEligible`) when they fail the rule, so that no one becomes a
/// mentor around it.
pub fn recorded_facts(
    diploma: Option<&str>,
    employed: Option<&str>,
    research: Option<&str>,
) -> Result<EligibilityFacts, AppError> {
    let diploma = match diploma.map(str::trim).unwrap_or_default() {
        "" => Err(InputProblem::Required),
        text => DiplomaLevel::parse(text).ok_or(InputProblem::InvalidChoice),
    }
    .map_err(|problem| AppError::InvalidInput {
        field: "diploma_level".to_owned(),
        problem,
    })?;
    let facts = EligibilityFacts {
        diploma,
        is_employed: yes_no("is_employed", employed.unwrap_or_default())?,
        works_in_research: yes_no("works_in_research", research.unwrap_or_default())?,
    };
    if ineligibility_reasons(facts).is_empty() {
        Ok(facts)
    } else {
        Err(AppError::InvalidInput {
            field: "eligibility".to_owned(),
            problem: InputProblem::MentorNotEligible,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recorded_answers_are_each_required_and_must_meet_the_rule() {
        let problem = |result: Result<EligibilityFacts, AppError>| match result {
            Err(AppError::InvalidInput { field, problem }) => Some((field, problem)),
            _ => None,
        };
        assert_eq!(
            recorded_facts(Some("master"), Some("yes"), Some("no")),
            Ok(EligibilityFacts {
                diploma: DiplomaLevel::Master,
                is_employed: true,
                works_in_research: false,
            })
        );
        assert_eq!(
            problem(recorded_facts(None, Some("yes"), Some("no"))),
            Some(("diploma_level".to_owned(), InputProblem::Required))
        );
        assert_eq!(
            problem(recorded_facts(Some("phd"), Some("yes"), Some("no"))),
            Some(("diploma_level".to_owned(), InputProblem::InvalidChoice))
        );
        assert_eq!(
            problem(recorded_facts(Some("master"), Some(""), Some("no"))),
            Some(("is_employed".to_owned(), InputProblem::Required))
        );
        assert_eq!(
            problem(recorded_facts(Some("master"), Some("yes"), None)),
            Some(("works_in_research".to_owned(), InputProblem::Required))
        );
        for (diploma, employed, research) in [
            ("none", "yes", "no"),
            ("master", "no", "no"),
            ("master", "yes", "yes"),
        ] {
            assert_eq!(
                problem(recorded_facts(
                    Some(diploma),
                    Some(employed),
                    Some(research)
                )),
                Some(("eligibility".to_owned(), InputProblem::MentorNotEligible)),
                "{diploma} {employed} {research}"
            );
        }
    }

    const ELIGIBLE: EligibilityFacts = EligibilityFacts {
        diploma: DiplomaLevel::Bachelor,
        is_employed: true,
        works_in_research: false,
    };

    #[test]
    fn a_graduate_employed_outside_research_is_eligible() {
        assert!(ineligibility_reasons(ELIGIBLE).is_empty());
        for diploma in DiplomaLevel::ALL
            .into_iter()
            .filter(|level| *level != DiplomaLevel::None)
        {
            let facts = EligibilityFacts {
                diploma,
                ..ELIGIBLE
            };
            assert!(ineligibility_reasons(facts).is_empty(), "{diploma:?}");
        }
    }

    #[test]
    fn each_rule_gives_its_own_reason() {
        let no_diploma = EligibilityFacts {
            diploma: DiplomaLevel::None,
            ..ELIGIBLE
        };
        assert_eq!(
            ineligibility_reasons(no_diploma),
            vec![IneligibilityReason::NoDiploma]
        );
        let unemployed = EligibilityFacts {
            is_employed: false,
            ..ELIGIBLE
        };
        assert_eq!(
            ineligibility_reasons(unemployed),
            vec![IneligibilityReason::NotEmployed]
        );
        let researcher = EligibilityFacts {
            works_in_research: true,
            ..ELIGIBLE
        };
        assert_eq!(
            ineligibility_reasons(researcher),
            vec![IneligibilityReason::ResearchProfession]
        );
    }

    #[test]
    fn every_failed_rule_is_reported() {
        let facts = EligibilityFacts {
            diploma: DiplomaLevel::None,
            is_employed: false,
            works_in_research: true,
        };
        assert_eq!(
            ineligibility_reasons(facts),
            vec![
                IneligibilityReason::NoDiploma,
                IneligibilityReason::NotEmployed,
                IneligibilityReason::ResearchProfession
            ]
        );
    }

    #[test]
    fn levels_parse_back() {
        for level in DiplomaLevel::ALL {
            assert_eq!(DiplomaLevel::parse(level.as_str()), Some(level));
        }
        assert_eq!(DiplomaLevel::parse("phd"), None);
    }
}
