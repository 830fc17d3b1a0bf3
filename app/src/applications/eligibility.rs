//! The program's rule for mentors (from the seed): "hold a diploma and work, on
//! the job market, in a profession outside research". Plain Rust, no I/O.
use serde::{Deserialize, Serialize};

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

#[cfg(test)]
mod tests {
    use super::*;

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
