//! Cohorts at the edges: no mentor yet (a cohort's first days), nobody at
//! all, no place anywhere.
use matching::*;

fn fluent(code: &str) -> Vec<Language> {
    vec![Language {
        code: code.into(),
        level: Level::Fluent,
    }]
}

fn mentee(id: &str) -> Mentee {
    Mentee {
        id: id.into(),
        domains: vec!["nursing".into()],
        needs: vec!["interviews".into()],
        languages: fluent("fr"),
        modality: Modality::Either,
        availability: 0b111,
    }
}

fn mentor(id: &str, capacity: u32, load: u32) -> Mentor {
    Mentor {
        id: id.into(),
        domains: vec!["nursing".into()],
        skills: vec!["interviews".into()],
        languages: fluent("fr"),
        modality: Modality::Either,
        availability: 0b111,
        capacity,
        load,
        paused: false,
    }
}

fn cohort(mentees: Vec<Mentee>, mentors: Vec<Mentor>) -> Cohort {
    Cohort {
        mentees,
        mentors,
        weights: Weights::default(),
        criteria: Criteria::default(),
        locked: vec![],
        forbidden: vec![],
    }
}

fn reasons(assignment: &Assignment) -> Vec<(&str, &UnmatchedReason)> {
    assignment
        .unmatched
        .iter()
        .map(|unmatched| (unmatched.mentee.as_str(), &unmatched.reason))
        .collect()
}

fn every_strategy(cohort: &Cohort) -> Vec<Result<Assignment, InputError>> {
    let sparse = |reoptimize| solve::Strategy {
        first_candidates: 1,
        reoptimize: Some(reoptimize),
        ..solve::Strategy::default()
    };
    vec![
        solve(cohort),
        solve::solve_with(cohort, sparse(true)),
        solve::solve_with(cohort, sparse(false)),
    ]
}

#[test]
fn mentees_waiting_before_any_mentor_are_all_unmatched_with_that_reason() {
    // Used to panic on an index lookup in `solve` (the board then answered a
    // storage error).
    let cohort = cohort(
        vec![mentee("amina"), mentee("lucas"), mentee("chen")],
        vec![],
    );
    for answer in every_strategy(&cohort) {
        let assignment = answer.expect("a cohort without mentors is a valid cohort");
        assert_eq!((assignment.matched, assignment.total_score), (0, 0));
        assert!(assignment.pairs.is_empty());
        assert_eq!(
            reasons(&assignment),
            vec![
                ("amina", &UnmatchedReason::NoMentorInCohort),
                ("lucas", &UnmatchedReason::NoMentorInCohort),
                ("chen", &UnmatchedReason::NoMentorInCohort),
            ]
        );
    }
}

#[test]
fn an_empty_cohort_and_one_without_mentees_give_an_empty_draft() {
    let empty = Assignment {
        pairs: vec![],
        unmatched: vec![],
        matched: 0,
        total_score: 0,
    };
    for cohort in [
        cohort(vec![], vec![]),
        cohort(vec![], vec![mentor("marc", 2, 0), mentor("ines", 0, 0)]),
    ] {
        for answer in every_strategy(&cohort) {
            assert_eq!(answer, Ok(empty.clone()));
        }
    }
}

#[test]
fn mentors_without_a_place_or_all_paused_leave_mentees_unmatched_and_say_why() {
    // No place: capacity 0, or a load that already fills it.
    let full = cohort(
        vec![mentee("amina"), mentee("lucas")],
        vec![
            mentor("marc", 0, 0),
            mentor("ines", 2, 2),
            mentor("paul", 1, 5),
        ],
    );
    let assignment = solve(&full).expect("valid");
    assert_eq!(assignment.matched, 0);
    assert_eq!(
        reasons(&assignment),
        vec![
            (
                "amina",
                &UnmatchedReason::CompatibleMentorsFull { compatible: 3 }
            ),
            (
                "lucas",
                &UnmatchedReason::CompatibleMentorsFull { compatible: 3 }
            ),
        ]
    );

    let mut paused = cohort(
        vec![mentee("amina")],
        vec![mentor("marc", 3, 0), mentor("ines", 3, 0)],
    );
    for mentor in &mut paused.mentors {
        mentor.paused = true;
    }
    let assignment = solve(&paused).expect("valid");
    assert_eq!(
        reasons(&assignment),
        vec![(
            "amina",
            &UnmatchedReason::NoCompatibleMentor {
                obstacles: vec![(Obstacle::MentorPaused, 2)]
            }
        )]
    );
}

/// The command line on such cohorts: an answer or an input error, never a panic.
#[cfg(feature = "cli")]
mod command_line {
    use super::*;
    use std::process::{Command, Output};

    fn run_solve(cohort: &Cohort, name: &str) -> Output {
        let path =
            std::env::temp_dir().join(format!("matching-edge-{name}-{}.json", std::process::id()));
        let json = serde_json::to_string(cohort).expect("a cohort serializes");
        std::fs::write(&path, json).expect("the temporary directory is writable");
        let output = Command::new(env!("CARGO_BIN_EXE_matching"))
            .arg("solve")
            .arg(&path)
            .output()
            .expect("the command line runs");
        let _ = std::fs::remove_file(&path);
        output
    }

    #[test]
    fn solving_a_cohort_without_mentors_prints_every_mentee_unmatched() {
        let output = run_solve(&cohort(vec![mentee("amina")], vec![]), "no-mentor");
        assert!(output.status.success(), "{output:?}");
        let assignment: Assignment =
            serde_json::from_slice(&output.stdout).expect("the draft as JSON");
        assert_eq!(
            reasons(&assignment),
            vec![("amina", &UnmatchedReason::NoMentorInCohort)]
        );
    }
}
