//! What the property tests share: whether a pair may be made, and the
//! optimum found without the engine's shortcuts (an exhaustive search for
//! small cohorts, a flow over every allowed pair for larger ones).
#![allow(dead_code)] // each test binary uses its part

use matching::flow::Network;
use matching::*;

pub fn allowed(cohort: &Cohort, mentee: &Mentee, mentor: &Mentor) -> bool {
    let is_forbidden = cohort
        .forbidden
        .iter()
        .any(|pair| pair.mentee == mentee.id && pair.mentor == mentor.id);
    matching::solve::obstacle(mentee, mentor, cohort, is_forbidden, || {
        breakdown(mentee, mentor, &cohort.weights).score
    })
    .is_none()
}

/// The best (matched, total score) by trying every assignment.
pub fn exhaustive(cohort: &Cohort) -> (usize, u64) {
    let locked: Vec<Option<usize>> = cohort
        .mentees
        .iter()
        .map(|mentee| {
            cohort
                .locked
                .iter()
                .find(|pair| pair.mentee == mentee.id)
                .and_then(|pair| cohort.mentors.iter().position(|m| m.id == pair.mentor))
        })
        .collect();
    let mut room: Vec<i64> = cohort
        .mentors
        .iter()
        .map(|mentor| {
            if mentor.paused {
                0
            } else {
                i64::from(mentor.capacity) - i64::from(mentor.load)
            }
        })
        .collect();
    let mut base = (0_usize, 0_u64);
    for (mentee_index, lock) in locked.iter().enumerate() {
        if let Some(mentor_index) = lock {
            room[*mentor_index] -= 1;
            base.0 += 1;
            base.1 += u64::from(
                breakdown(
                    &cohort.mentees[mentee_index],
                    &cohort.mentors[*mentor_index],
                    &cohort.weights,
                )
                .score,
            );
        }
    }
    fn search(
        cohort: &Cohort,
        locked: &[Option<usize>],
        room: &mut [i64],
        mentee_index: usize,
        best: &mut (usize, u64),
        current: (usize, u64),
    ) {
        if mentee_index == cohort.mentees.len() {
            *best = (*best).max(current);
            return;
        }
        search(cohort, locked, room, mentee_index + 1, best, current);
        if locked[mentee_index].is_some() {
            return;
        }
        let mentee = &cohort.mentees[mentee_index];
        for (mentor_index, mentor) in cohort.mentors.iter().enumerate() {
            if room[mentor_index] > 0 && allowed(cohort, mentee, mentor) {
                room[mentor_index] -= 1;
                let score = u64::from(breakdown(mentee, mentor, &cohort.weights).score);
                search(
                    cohort,
                    locked,
                    room,
                    mentee_index + 1,
                    best,
                    (current.0 + 1, current.1 + score),
                );
                room[mentor_index] += 1;
            }
        }
    }
    let mut best = base;
    search(cohort, &locked, &mut room, 0, &mut best, base);
    best
}

/// The best (matched, total score) by a minimum-cost maximum flow over every
/// allowed pair (no shortlist, no proof): the most mentees matched, then the
/// least total of `100 - score`. Locked pairs count as they are.
pub fn full_graph(cohort: &Cohort) -> (usize, u64) {
    let (mentees, mentors) = (cohort.mentees.len(), cohort.mentors.len());
    let (source, sink) = (0, 1 + mentees + mentors);
    let mut network = Network::new(sink + 1);
    let mut room: Vec<u64> = cohort
        .mentors
        .iter()
        .map(|mentor| {
            if mentor.paused {
                0
            } else {
                u64::from(mentor.capacity).saturating_sub(u64::from(mentor.load))
            }
        })
        .collect();
    let (mut matched, mut total) = (0, 0);
    for (index, mentee) in cohort.mentees.iter().enumerate() {
        let lock = cohort.locked.iter().find(|pair| pair.mentee == mentee.id);
        if let Some(pair) = lock {
            let Some(mentor) = cohort.mentors.iter().position(|m| m.id == pair.mentor) else {
                continue;
            };
            room[mentor] = room[mentor].saturating_sub(1);
            matched += 1;
            total += u64::from(breakdown(mentee, &cohort.mentors[mentor], &cohort.weights).score);
            continue;
        }
        network.add_edge(source, 1 + index, 1, 0);
        for (position, mentor) in cohort.mentors.iter().enumerate() {
            if allowed(cohort, mentee, mentor) {
                let score = breakdown(mentee, mentor, &cohort.weights).score;
                network.add_edge(1 + index, 1 + mentees + position, 1, 100 - i64::from(score));
            }
        }
    }
    for (position, places) in room.iter().enumerate() {
        let places = (*places).min(mentees as u64) as i64;
        network.add_edge(1 + mentees + position, sink, places, 0);
    }
    let (flow, cost) = network.min_cost_max_flow(source, sink);
    let flow = usize::try_from(flow).unwrap_or(0);
    (
        matched + flow,
        total + (100 * flow as u64).saturating_sub(u64::try_from(cost).unwrap_or(0)),
    )
}
