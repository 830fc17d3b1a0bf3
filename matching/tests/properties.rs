//! Properties of the engine on many small random cohorts: the optimum equals
//! an exhaustive search, every constraint holds, every score's parts add up.
use matching::seeded::Seeded;
use matching::solve::{solve_with, Strategy};
use matching::*;

mod common;
use common::{allowed, exhaustive};

const CODES: [&str; 4] = ["a", "b", "c", "d"];
const LANGUAGES: [&str; 3] = ["fr", "en", "es"];

fn codes(random: &mut Seeded) -> Vec<String> {
    CODES
        .iter()
        .filter(|_| random.chance(40))
        .map(|code| (*code).to_owned())
        .collect()
}

fn languages(random: &mut Seeded) -> Vec<Language> {
    let levels = [Level::Basic, Level::Working, Level::Fluent];
    let mut spoken = Vec::new();
    for code in LANGUAGES {
        if random.chance(50) {
            spoken.push(Language {
                code: code.to_owned(),
                level: levels[random.below(3) as usize],
            });
        }
    }
    spoken
}

fn modality(random: &mut Seeded) -> Modality {
    [Modality::InPerson, Modality::Video, Modality::Either][random.below(3) as usize]
}

/// A capacity or a load, now and then at the very top of `u32` (where an
/// addition would wrap around), else small.
fn places(random: &mut Seeded, small: u32) -> u32 {
    if random.chance(4) {
        u32::MAX - random.below(3) as u32
    } else {
        small
    }
}

/// A small random cohort; now and then with no mentor at all (a cohort's
/// first days, mentees waiting before any mentor joins) or no mentee, and
/// with capacities and loads at the limits of `u32`.
fn cohort(random: &mut Seeded) -> Cohort {
    let mentee_count = if random.chance(4) {
        0
    } else {
        1 + random.below(6) as usize
    };
    let mentor_count = if random.chance(8) {
        0
    } else {
        1 + random.below(3) as usize
    };
    let mentees: Vec<Mentee> = (0..mentee_count)
        .map(|index| Mentee {
            id: format!("e{index}"),
            domains: codes(random),
            needs: codes(random),
            languages: languages(random),
            modality: modality(random),
            availability: (random.next_u64() as u32) & 0x1F_FFFF,
        })
        .collect();
    let mentors: Vec<Mentor> = (0..mentor_count)
        .map(|index| {
            let small = 1 + random.below(3) as u32;
            let capacity = places(random, small);
            let small = random.below(u64::from(small) + 1) as u32 / 2;
            let load = places(random, small);
            Mentor {
                id: format!("r{index}"),
                domains: codes(random),
                skills: codes(random),
                languages: languages(random),
                modality: modality(random),
                availability: (random.next_u64() as u32) & 0x1F_FFFF,
                capacity,
                load,
                paused: random.chance(10),
            }
        })
        .collect();
    let mut forbidden = Vec::new();
    let mut locked = Vec::new();
    for mentee in &mentees {
        for mentor in &mentors {
            if random.chance(8) {
                forbidden.push(PairRef {
                    mentee: mentee.id.clone(),
                    mentor: mentor.id.clone(),
                });
            }
        }
    }
    // At most one lock, on a mentor with room for it.
    if random.chance(30) && !mentees.is_empty() {
        let mentee = &mentees[random.below(mentees.len() as u64) as usize];
        if let Some(mentor) = mentors.iter().find(|mentor| mentor.load < mentor.capacity) {
            locked.push(PairRef {
                mentee: mentee.id.clone(),
                mentor: mentor.id.clone(),
            });
        }
    }
    Cohort {
        mentees,
        mentors,
        weights: Weights::default(),
        criteria: Criteria {
            require_compatible_modality: random.chance(30),
            min_score: if random.chance(30) { 40 } else { 0 },
        },
        locked,
        forbidden,
    }
}

#[test]
fn the_engine_finds_what_an_exhaustive_search_finds() {
    let mut random = Seeded(20_251_127);
    let mut with_unmatched = 0;
    let (mut without_mentors, mut without_mentees, mut at_the_limits) = (0, 0, 0);
    for round in 0..3_000 {
        let cohort = cohort(&mut random);
        without_mentors += usize::from(cohort.mentors.is_empty() && !cohort.mentees.is_empty());
        without_mentees += usize::from(cohort.mentees.is_empty());
        at_the_limits += usize::from(
            cohort
                .mentors
                .iter()
                .any(|mentor| mentor.capacity > u32::MAX - 3 || mentor.load > u32::MAX - 3),
        );
        let assignment = solve(&cohort).unwrap_or_else(|error| panic!("round {round}: {error:?}"));
        let expected = exhaustive(&cohort);
        assert_eq!(
            (assignment.matched, assignment.total_score),
            expected,
            "round {round}: {cohort:#?}"
        );
        // Starting from each mentee's single best pair, the proof step must
        // bring in whatever else the optimum needs, whether the flow is then
        // re-optimized in place or solved again.
        for reoptimize in [true, false] {
            let strategy = Strategy {
                first_candidates: 1,
                reoptimize: Some(reoptimize),
                ..Strategy::default()
            };
            let sparse = solve_with(&cohort, strategy)
                .unwrap_or_else(|error| panic!("round {round}: {error:?}"));
            assert_eq!(
                (sparse.matched, sparse.total_score),
                expected,
                "round {round}, {strategy:?}: {cohort:#?}"
            );
        }
        with_unmatched += usize::from(!assignment.unmatched.is_empty());
    }
    assert!(
        with_unmatched > 100,
        "the generator must produce hard cases too"
    );
    assert!(
        without_mentors > 50 && without_mentees > 50 && at_the_limits > 50,
        "the generator must produce cohorts without mentors ({without_mentors}), \
         without mentees ({without_mentees}) and at the limits of u32 ({at_the_limits})"
    );
}

#[test]
fn every_constraint_holds_and_every_score_adds_up() {
    let mut random = Seeded(7);
    for round in 0..2_000 {
        let cohort = cohort(&mut random);
        let assignment = solve(&cohort).unwrap_or_else(|error| panic!("round {round}: {error:?}"));
        assert_eq!(
            assignment.matched + assignment.unmatched.len(),
            cohort.mentees.len()
        );
        if cohort.mentors.is_empty() {
            assert!(
                assignment
                    .unmatched
                    .iter()
                    .all(|unmatched| unmatched.reason == UnmatchedReason::NoMentorInCohort),
                "round {round}: without mentors, every mentee waits for one"
            );
        }
        for mentor in &cohort.mentors {
            // In 64 bits: loads and capacities reach the top of u32.
            let taken = assignment
                .pairs
                .iter()
                .filter(|pair| pair.mentor == mentor.id)
                .count() as u64;
            let locked = cohort
                .locked
                .iter()
                .filter(|pair| pair.mentor == mentor.id)
                .count() as u64;
            let (load, capacity) = (u64::from(mentor.load), u64::from(mentor.capacity));
            assert!(
                taken + load <= capacity.max(load + locked),
                "round {round}: capacity of {}",
                mentor.id
            );
            if mentor.paused {
                assert_eq!(
                    taken, locked,
                    "round {round}: a paused mentor takes no new mentee"
                );
            }
        }
        for pair in &assignment.pairs {
            let mentee = cohort.mentees.iter().find(|m| m.id == pair.mentee);
            let mentor = cohort.mentors.iter().find(|m| m.id == pair.mentor);
            let (Some(mentee), Some(mentor)) = (mentee, mentor) else {
                panic!("round {round}: unknown ids in {pair:?}");
            };
            let is_locked = cohort
                .locked
                .iter()
                .any(|lock| lock.mentee == pair.mentee && lock.mentor == pair.mentor);
            assert_eq!(pair.locked, is_locked);
            assert!(
                is_locked || allowed(&cohort, mentee, mentor),
                "round {round}: {pair:?}"
            );
            let parts: u32 = pair.breakdown.parts.iter().map(|part| part.points).sum();
            assert_eq!(parts, pair.breakdown.score);
            assert!(pair.breakdown.score <= 100);
            assert!(pair
                .breakdown
                .parts
                .iter()
                .all(|part| part.points <= part.max));
        }
        for lock in &cohort.locked {
            assert!(assignment
                .pairs
                .iter()
                .any(|pair| pair.mentee == lock.mentee && pair.mentor == lock.mentor));
        }
        assert_eq!(
            solve(&cohort),
            Ok(assignment),
            "round {round}: deterministic"
        );
    }
}

#[test]
fn the_compiled_cohort_scores_and_excludes_as_the_explained_one() {
    let mut random = Seeded(99);
    for round in 0..500 {
        let mut cohort = cohort(&mut random);
        cohort.criteria.min_score = random.below(60) as u32;
        cohort.criteria.require_compatible_modality = random.chance(50);
        // Lists that name a code twice count it once, in both.
        if let Some(mentee) = cohort.mentees.first_mut() {
            if let Some(code) = mentee.domains.first().cloned() {
                mentee.domains.push(code);
            }
        }
        let compiled = matching::compiled::Compiled::new(&cohort);
        let free: Vec<u32> = cohort
            .mentors
            .iter()
            .map(|mentor| u32::from(!mentor.paused) * 2)
            .collect();
        for (mentee_index, mentee) in cohort.mentees.iter().enumerate() {
            let forbidden: Vec<usize> = cohort
                .mentors
                .iter()
                .enumerate()
                .filter(|(_, mentor)| {
                    cohort
                        .forbidden
                        .iter()
                        .any(|pair| pair.mentee == mentee.id && pair.mentor == mentor.id)
                })
                .map(|(index, _)| index)
                .collect();
            let mut row = vec![0; cohort.mentors.len()];
            compiled.row_costs(mentee_index, &free, &forbidden, u8::MAX, &mut row);
            for (mentor_index, mentor) in cohort.mentors.iter().enumerate() {
                let expected = match compiled.check(
                    mentee_index,
                    mentor_index,
                    mentor.paused,
                    forbidden.contains(&mentor_index),
                ) {
                    Ok(score) => 100 - score as u8,
                    Err(_) => u8::MAX,
                };
                assert_eq!(row[mentor_index], expected, "round {round}: the row's cost");
            }
            for (mentor_index, mentor) in cohort.mentors.iter().enumerate() {
                let explained = breakdown(mentee, mentor, &cohort.weights).score;
                assert_eq!(
                    compiled.score(mentee_index, mentor_index),
                    explained,
                    "round {round}: {mentee:?} {mentor:?}"
                );
                let is_forbidden = cohort
                    .forbidden
                    .iter()
                    .any(|pair| pair.mentee == mentee.id && pair.mentor == mentor.id);
                assert_eq!(
                    compiled.obstacle(mentee_index, mentor_index, mentor.paused, is_forbidden),
                    matching::solve::obstacle(mentee, mentor, &cohort, is_forbidden, || explained),
                    "round {round}"
                );
            }
        }
    }
}

#[test]
fn every_strategy_reaches_the_same_optimum_on_a_large_cohort() {
    // Large enough for the rows to be split in two halves side by side.
    let cohort = matching::synthetic::cohort(700, 300, 7);
    let reference = solve(&cohort).unwrap_or_else(|error| panic!("{error:?}"));
    assert!(reference.matched > 300, "a cohort with work to do");
    for strategy in [
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
            first_candidates: 2,
            reoptimize: Some(false),
            split_rows: false,
        },
    ] {
        let other = solve_with(&cohort, strategy).unwrap_or_else(|error| panic!("{error:?}"));
        assert_eq!(
            (other.matched, other.total_score),
            (reference.matched, reference.total_score),
            "{strategy:?}"
        );
    }
}
