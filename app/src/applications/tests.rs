use super::*;
use crate::catalog::Bilingual;
use crate::profiles::TaxonomyChoice;

fn choices() -> ProfileChoices {
    let choice = |code: &str| TaxonomyChoice {
        code: code.to_owned(),
        label: Bilingual::default(),
    };
    ProfileChoices {
        domains: vec![choice("nursing")],
        skills: vec![choice("interviews")],
    }
}

fn complete_input() -> ApplicationInput {
    ApplicationInput {
        display_name: "Nadia Benali".to_owned(),
        email: "nadia@example.org".to_owned(),
        phone: String::new(),
        diploma_level: "bachelor".to_owned(),
        diploma_field: "Sciences infirmières".to_owned(),
        diploma_year: "2012".to_owned(),
        is_employed: "yes".to_owned(),
        employer: "CIUSSS du Centre-Sud".to_owned(),
        job_title: "Infirmière clinicienne".to_owned(),
        sector: "health-network".to_owned(),
        works_in_research: "no".to_owned(),
        matching: MatchingInput {
            domains: vec!["nursing".to_owned()],
            skills: vec!["interviews".to_owned()],
            languages: BTreeMap::from([("fr".to_owned(), "fluent".to_owned())]),
            modality: "either".to_owned(),
            availability: vec!["wed-evening".to_owned()],
        },
        capacity: "2".to_owned(),
        motivation: "Transmettre ce que j’ai appris.".to_owned(),
        consent: Some("on".to_owned()),
    }
}

#[test]
fn a_complete_application_is_checked_and_eligible() {
    let checked = check_application(&complete_input(), &choices(), 2025);
    let checked = checked.unwrap_or_else(|error| panic!("refused: {error:?}"));
    assert_eq!(checked.capacity, 2);
    assert_eq!(checked.phone, None);
    assert!(ineligibility_reasons(checked.facts()).is_empty());
}

#[test]
fn an_empty_form_lists_every_missing_field() {
    let error = check_application(&ApplicationInput::default(), &choices(), 2025)
        .err()
        .unwrap_or(AppError::Storage);
    for field in [
        "display_name",
        "email",
        "diploma_level",
        "is_employed",
        "works_in_research",
        "domains",
        "skills",
        "languages",
        "modality",
        "availability",
        "capacity",
        "motivation",
        "consent",
    ] {
        assert!(error.problem_with(field).is_some(), "{field} not reported");
    }
}

#[test]
fn an_ineligible_application_is_still_a_valid_form() {
    let mut input = complete_input();
    input.diploma_level = "none".to_owned();
    input.diploma_field = String::new();
    input.diploma_year = String::new();
    input.is_employed = "no".to_owned();
    input.employer = String::new();
    input.works_in_research = "yes".to_owned();
    let checked = check_application(&input, &choices(), 2025);
    let checked = checked.unwrap_or_else(|error| panic!("refused: {error:?}"));
    assert_eq!(checked.employer, None, "nothing kept about a job not held");
    assert_eq!(
        ineligibility_reasons(checked.facts()),
        vec![
            IneligibilityReason::NoDiploma,
            IneligibilityReason::NotEmployed,
            IneligibilityReason::ResearchProfession
        ]
    );
}

#[test]
fn details_follow_the_answers_they_depend_on() {
    let mut input = complete_input();
    input.diploma_field = String::new();
    input.diploma_year = "2031".to_owned();
    input.employer = " ".to_owned();
    input.sector = "casino".to_owned();
    input.capacity = "6".to_owned();
    let error = check_application(&input, &choices(), 2025)
        .err()
        .unwrap_or(AppError::Storage);
    assert_eq!(
        error.problem_with("diploma_field"),
        Some(InputProblem::Required)
    );
    assert_eq!(
        error.problem_with("diploma_year"),
        Some(InputProblem::OutOfRange)
    );
    assert_eq!(error.problem_with("employer"), Some(InputProblem::Required));
    assert_eq!(
        error.problem_with("sector"),
        Some(InputProblem::InvalidChoice)
    );
    assert_eq!(
        error.problem_with("capacity"),
        Some(InputProblem::OutOfRange)
    );
    assert_eq!(error.problem_with("job_title"), None);
}

#[test]
fn statuses_say_who_acts_next() {
    assert!(ApplicationStatus::Submitted.is_open());
    assert!(ApplicationStatus::InfoRequested.is_open());
    assert!(ApplicationStatus::InfoRequested.awaits_applicant());
    for closed in [
        ApplicationStatus::Accepted,
        ApplicationStatus::Declined,
        ApplicationStatus::Withdrawn,
    ] {
        assert!(!closed.is_open() && !closed.awaits_applicant());
    }
    for status in ApplicationStatus::ALL {
        assert_eq!(ApplicationStatus::parse(status.as_str()), Some(status));
    }
    for kind in ApplicationEventKind::ALL {
        assert_eq!(ApplicationEventKind::parse(kind.as_str()), Some(kind));
    }
}

#[test]
fn the_eligibility_filter_keeps_what_it_says() {
    let reasons = [IneligibilityReason::NotEmployed];
    assert!(EligibilityFilter::parse("ineligible").keeps(&reasons));
    assert!(!EligibilityFilter::parse("eligible").keeps(&reasons));
    assert!(EligibilityFilter::parse("").keeps(&reasons));
    assert!(EligibilityFilter::parse("eligible").keeps(&[]));
}
