//! Cohorts at the edges: no mentor yet (a cohort's first days), nobody at
//! all, no place anywhere, and numbers at the limits of `u32`, where an
//! addition that wraps around would hand out places that are not there.
use matching::suggest::ranked;
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

fn lock(mentee: &str, mentor: &str) -> PairRef {
    PairRef {
        mentee: mentee.into(),
        mentor: mentor.into(),
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

#[test]
fn a_mentor_whose_load_is_near_u32_max_takes_no_new_mentee() {
    let near = cohort(
        vec![mentee("amina"), mentee("lucas")],
        vec![
            mentor("marc", 2, u32::MAX),
            mentor("ines", u32::MAX, u32::MAX),
        ],
    );
    for answer in every_strategy(&near) {
        let assignment = answer.expect("valid");
        assert_eq!(assignment.matched, 0, "{assignment:?}");
    }

    // A load one under a capacity of u32::MAX, and a lock that fills it:
    // the other mentee waits.
    let mut locked = cohort(
        vec![mentee("amina"), mentee("lucas")],
        vec![mentor("marc", u32::MAX, u32::MAX - 1)],
    );
    locked.locked = vec![lock("amina", "marc")];
    for answer in every_strategy(&locked) {
        let assignment = answer.expect("valid");
        assert_eq!(assignment.matched, 1);
        assert_eq!(assignment.pairs[0].mentee, "amina");
        assert_eq!(
            reasons(&assignment),
            vec![(
                "lucas",
                &UnmatchedReason::CompatibleMentorsFull { compatible: 1 }
            )]
        );
    }
    let ranked = ranked(&locked, "lucas").expect("a mentee of the cohort");
    assert_eq!(ranked[0].free, 0);
    assert!(!ranked[0].available());
}

#[test]
fn a_lock_on_a_mentor_whose_load_is_u32_max_is_impossible() {
    // load + 1 lock used to wrap around to 0: the lock was accepted and the
    // mentor had every place free again (a panic in a debug build).
    for capacity in [2, u32::MAX] {
        let mut over = cohort(
            vec![mentee("amina"), mentee("lucas")],
            vec![mentor("marc", capacity, u32::MAX)],
        );
        over.locked = vec![lock("amina", "marc")];
        assert_eq!(
            solve(&over),
            Err(InputError::ImpossibleLocks { id: "marc".into() })
        );
        let ranked = ranked(&over, "lucas").expect("a mentee of the cohort");
        assert_eq!(ranked[0].free, 0);
    }
}

#[test]
fn a_capacity_of_u32_max_takes_every_mentee() {
    let mentees: Vec<Mentee> = (0..20).map(|index| mentee(&format!("e{index}"))).collect();
    let roomy = cohort(mentees, vec![mentor("marc", u32::MAX, 0)]);
    for answer in every_strategy(&roomy) {
        let assignment = answer.expect("valid");
        assert_eq!(assignment.matched, 20);
        assert!(assignment.unmatched.is_empty());
    }
}

#[test]
fn weights_whose_sum_would_wrap_around_to_100_are_refused() {
    let mut wrapping = cohort(vec![mentee("amina")], vec![mentor("marc", 1, 0)]);
    // u32::MAX + 101 is 100 in 32 bits.
    wrapping.weights = Weights {
        domain: u32::MAX,
        skills: 101,
        language: 0,
        modality: 0,
        availability: 0,
    };
    assert_eq!(wrapping.weights.total(), u64::from(u32::MAX) + 101);
    assert_eq!(
        solve(&wrapping),
        Err(InputError::WeightsMustTotal100 {
            total: u64::from(u32::MAX) + 101
        })
    );
    wrapping.weights = Weights {
        domain: u32::MAX,
        skills: u32::MAX,
        language: u32::MAX,
        modality: u32::MAX,
        availability: u32::MAX,
    };
    assert_eq!(
        solve(&wrapping),
        Err(InputError::WeightsMustTotal100 {
            total: 5 * u64::from(u32::MAX)
        })
    );
    assert!(matrix::ScoreMatrix::new(&wrapping).is_err());
}

#[test]
fn scores_with_huge_weights_saturate_rather_than_wrap() {
    // `breakdown`, the compiled scorer and the ranking take any weights (only
    // `solve` insists on 100): they must not panic nor wrap around.
    let mut huge = cohort(vec![mentee("amina")], vec![mentor("marc", 1, 0)]);
    huge.weights = Weights {
        domain: u32::MAX,
        skills: u32::MAX,
        language: u32::MAX,
        modality: u32::MAX,
        availability: u32::MAX,
    };
    let explained = breakdown(&huge.mentees[0], &huge.mentors[0], &huge.weights);
    assert_eq!(explained.score, u32::MAX);
    assert!(explained.parts.iter().all(|part| part.points == u32::MAX));
    let compiled = compiled::Compiled::new(&huge);
    assert_eq!(compiled.score(0, 0), u32::MAX);
    let mut row = [0_u8; 1];
    compiled.row_costs(0, &[1], &[], u8::MAX, &mut row);
    assert_eq!(row, [0], "the best possible cost, not a wrapped one");
    let ranked = ranked(&huge, "amina").expect("a mentee of the cohort");
    assert_eq!(ranked[0].breakdown.score, u32::MAX);
}

#[test]
fn a_minimum_score_of_u32_max_excludes_every_pair() {
    let mut strict = cohort(vec![mentee("amina")], vec![mentor("marc", 1, 0)]);
    strict.criteria.min_score = u32::MAX;
    let assignment = solve(&strict).expect("valid");
    assert_eq!(
        reasons(&assignment),
        vec![(
            "amina",
            &UnmatchedReason::NoCompatibleMentor {
                obstacles: vec![(Obstacle::BelowMinScore, 1)]
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

    #[test]
    fn wrapping_weights_and_impossible_loads_are_input_errors() {
        let mut wrapping = cohort(vec![mentee("amina")], vec![mentor("marc", 1, 0)]);
        // u32::MAX + 61 + 15 + 10 + 15 is 100 in 32 bits.
        wrapping.weights.domain = u32::MAX;
        wrapping.weights.skills = 61;
        let mut over = cohort(vec![mentee("amina")], vec![mentor("marc", 2, u32::MAX)]);
        over.locked = vec![lock("amina", "marc")];
        for (cohort, name, expected) in [
            (
                wrapping,
                "weights",
                InputError::WeightsMustTotal100 {
                    total: u64::from(u32::MAX) + 101,
                },
            ),
            (
                over,
                "load",
                InputError::ImpossibleLocks { id: "marc".into() },
            ),
        ] {
            let output = run_solve(&cohort, name);
            assert_eq!(output.status.code(), Some(1), "{output:?}");
            let error: InputError =
                serde_json::from_slice(&output.stderr).expect("the input error as JSON");
            assert_eq!(error, expected);
        }
    }
}
