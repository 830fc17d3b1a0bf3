//! Every family of synthetic cohorts (`matching::synthetic::Family`) solved
//! by the engine, every strategy, against the optimum found without its
//! shortcuts: an exhaustive search on tiny cohorts, a flow over every allowed
//! pair on larger ones. Correlated preferences, ties and heavy exclusion are
//! where a shortlist and its proof work hardest.
use matching::seeded::Seeded;
use matching::solve::{solve_with, Strategy};
use matching::synthetic::{family_cohort, Family};
use matching::*;

mod common;
use common::{exhaustive, full_graph};

/// The strategies the engine may take: all must reach the same optimum.
/// Re-optimizing in place is forced both from one pair per mentee (every
/// round small and many of them) and from the usual shortlist (the large
/// rounds a fresh solve would take when left to choose).
fn strategies() -> [Strategy; 5] {
    [
        Strategy::default(),
        Strategy {
            reoptimize: Some(true),
            ..Strategy::default()
        },
        Strategy {
            split_rows: false,
            ..Strategy::default()
        },
        Strategy {
            first_candidates: 1,
            reoptimize: Some(true),
            split_rows: true,
        },
        Strategy {
            first_candidates: 1,
            reoptimize: Some(false),
            split_rows: false,
        },
    ]
}

fn check(cohort: &Cohort, expected: (usize, u64), what: &str) {
    for strategy in strategies() {
        let assignment =
            solve_with(cohort, strategy).unwrap_or_else(|error| panic!("{what}: {error:?}"));
        assert_eq!(
            (assignment.matched, assignment.total_score),
            expected,
            "{what}, {strategy:?}"
        );
    }
}

#[test]
fn every_family_at_tiny_sizes_matches_an_exhaustive_search() {
    let mut random = Seeded(2026);
    for family in Family::ALL {
        for round in 0..150 {
            let (mentees, mentors) = (1 + random.below(7), 1 + random.below(3));
            let cohort = family_cohort(family, mentees, mentors, random.next_u64());
            let what = format!("{} {mentees}×{mentors} round {round}", family.name());
            check(&cohort, exhaustive(&cohort), &what);
        }
    }
}

#[test]
fn every_family_matches_a_flow_over_every_allowed_pair() {
    for family in Family::ALL {
        for (mentees, mentors, seed) in [(40, 12, 1), (150, 30, 2), (600, 120, 3)] {
            let cohort = family_cohort(family, mentees, mentors, seed);
            let what = format!("{} {mentees}×{mentors}", family.name());
            check(&cohort, full_graph(&cohort), &what);
        }
    }
}

#[test]
fn a_family_is_the_same_cohort_for_the_same_seed_and_its_name_reads_back() {
    for family in Family::ALL {
        assert_eq!(Family::parse(family.name()), Some(family));
        assert_eq!(
            family_cohort(family, 30, 7, 5),
            family_cohort(family, 30, 7, 5)
        );
    }
    assert_eq!(
        family_cohort(Family::Independent, 30, 7, 5),
        matching::synthetic::cohort(30, 7, 5)
    );
}
