//! The optimal assignment of a whole cohort.
//!
//! Among the assignments that respect every constraint, the engine maximizes the
//! number of matched mentees, then the total score. It is a minimum-cost maximum
//! flow: source → each mentee (capacity 1) → each mentor the mentee may be paired
//! with (cost 100 − score) → sink (capacity = the mentor's free places). A maximum
//! flow matches as many mentees as can be; among maximum flows, the cheapest has
//! the highest total score, since cost = 100 × matched − total score.
use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::flow::Network;
use crate::model::*;
use crate::score::{breakdown, shares_a_language};

/// Why this pair may not be made, if it may not (capacity aside).
pub fn obstacle(
    mentee: &Mentee,
    mentor: &Mentor,
    cohort: &Cohort,
    forbidden: bool,
    score: impl FnOnce() -> u32,
) -> Option<Obstacle> {
    if !shares_a_language(&mentee.languages, &mentor.languages) {
        Some(Obstacle::NoCommonLanguage)
    } else if mentor.paused {
        Some(Obstacle::MentorPaused)
    } else if forbidden {
        Some(Obstacle::Forbidden)
    } else if cohort.criteria.require_compatible_modality
        && !mentee.modality.compatible(mentor.modality)
    {
        Some(Obstacle::ModalityIncompatible)
    } else if cohort.criteria.min_score > 0 && score() < cohort.criteria.min_score {
        Some(Obstacle::BelowMinScore)
    } else {
        None
    }
}

fn index_of<'a>(ids: impl Iterator<Item = &'a str>) -> Result<HashMap<&'a str, usize>, InputError> {
    let mut index = HashMap::new();
    for (position, id) in ids.enumerate() {
        if index.insert(id, position).is_some() {
            return Err(InputError::DuplicateId { id: id.to_owned() });
        }
    }
    Ok(index)
}

fn find(index: &HashMap<&str, usize>, id: &str) -> Result<usize, InputError> {
    index
        .get(id)
        .copied()
        .ok_or_else(|| InputError::UnknownId { id: id.to_owned() })
}

/// Solves a cohort: the draft with every pair's breakdown and every unmatched
/// mentee's reason. Same input, same output.
pub fn solve(cohort: &Cohort) -> Result<Assignment, InputError> {
    let total = cohort.weights.total();
    if total != 100 {
        return Err(InputError::WeightsMustTotal100 { total });
    }
    let mentees = index_of(cohort.mentees.iter().map(|mentee| mentee.id.as_str()))?;
    let mentors = index_of(cohort.mentors.iter().map(|mentor| mentor.id.as_str()))?;

    let mut forbidden = BTreeSet::new();
    for pair in &cohort.forbidden {
        forbidden.insert((find(&mentees, &pair.mentee)?, find(&mentors, &pair.mentor)?));
    }
    let mut locked: BTreeMap<usize, usize> = BTreeMap::new();
    let mut locked_per_mentor = vec![0_u32; cohort.mentors.len()];
    for pair in &cohort.locked {
        let (mentee, mentor) = (find(&mentees, &pair.mentee)?, find(&mentors, &pair.mentor)?);
        if locked
            .insert(mentee, mentor)
            .is_some_and(|other| other != mentor)
        {
            return Err(InputError::ImpossibleLocks {
                id: pair.mentee.clone(),
            });
        }
        locked_per_mentor[mentor] += 1;
    }
    let mut free = Vec::with_capacity(cohort.mentors.len());
    for (position, mentor) in cohort.mentors.iter().enumerate() {
        let used = mentor.load + locked_per_mentor[position];
        if used > mentor.capacity && locked_per_mentor[position] > 0 {
            return Err(InputError::ImpossibleLocks {
                id: mentor.id.clone(),
            });
        }
        free.push(if mentor.paused {
            0
        } else {
            mentor.capacity.saturating_sub(used)
        });
    }

    // The network over the mentees that are not locked.
    let (mentee_count, mentor_count) = (cohort.mentees.len(), cohort.mentors.len());
    let source = 0;
    let sink = 1 + mentee_count + mentor_count;
    let mut network = Network::new(sink + 1);
    let mut candidate_edges: Vec<(usize, usize, usize)> = Vec::new();
    for (mentee_index, mentee) in cohort.mentees.iter().enumerate() {
        if locked.contains_key(&mentee_index) {
            continue;
        }
        network.add_edge(source, 1 + mentee_index, 1, 0);
        for (mentor_index, mentor) in cohort.mentors.iter().enumerate() {
            if free[mentor_index] == 0 {
                continue;
            }
            let mut score = None;
            let is_forbidden = forbidden.contains(&(mentee_index, mentor_index));
            let blocked = obstacle(mentee, mentor, cohort, is_forbidden, || {
                *score.get_or_insert_with(|| breakdown(mentee, mentor, &cohort.weights).score)
            });
            if blocked.is_some() {
                continue;
            }
            let score = score.unwrap_or_else(|| breakdown(mentee, mentor, &cohort.weights).score);
            let edge = network.add_edge(
                1 + mentee_index,
                1 + mentee_count + mentor_index,
                1,
                i64::from(100 - score.min(100)),
            );
            candidate_edges.push((edge, mentee_index, mentor_index));
        }
    }
    for (mentor_index, places) in free.iter().enumerate() {
        if *places > 0 {
            network.add_edge(1 + mentee_count + mentor_index, sink, i64::from(*places), 0);
        }
    }
    network.min_cost_max_flow(source, sink);

    let mut partner: BTreeMap<usize, usize> = locked.clone();
    for (edge, mentee, mentor) in candidate_edges {
        if network.flow(edge) > 0 {
            partner.insert(mentee, mentor);
        }
    }
    let mut taken = vec![0_u32; mentor_count];
    for mentor in partner.values() {
        taken[*mentor] += 1;
    }

    let mut pairs = Vec::new();
    let mut unmatched = Vec::new();
    for (mentee_index, mentee) in cohort.mentees.iter().enumerate() {
        match partner.get(&mentee_index) {
            Some(&mentor_index) => {
                let mentor = &cohort.mentors[mentor_index];
                pairs.push(ProposedPair {
                    mentee: mentee.id.clone(),
                    mentor: mentor.id.clone(),
                    locked: locked.contains_key(&mentee_index),
                    breakdown: breakdown(mentee, mentor, &cohort.weights),
                });
            }
            None => unmatched.push(Unmatched {
                mentee: mentee.id.clone(),
                reason: why_unmatched(cohort, &forbidden, mentee_index),
            }),
        }
    }
    Ok(Assignment {
        matched: pairs.len(),
        total_score: pairs
            .iter()
            .map(|pair| u64::from(pair.breakdown.score))
            .sum(),
        pairs,
        unmatched,
    })
}

/// Why a mentee the optimum left out could not be matched. A maximum flow leaves
/// no compatible mentor with a free place, so either no pair is possible at all,
/// or every compatible mentor is full.
fn why_unmatched(
    cohort: &Cohort,
    forbidden: &BTreeSet<(usize, usize)>,
    mentee_index: usize,
) -> UnmatchedReason {
    let mentee = &cohort.mentees[mentee_index];
    let mut obstacles: BTreeMap<Obstacle, usize> = BTreeMap::new();
    let mut compatible = 0;
    for (mentor_index, mentor) in cohort.mentors.iter().enumerate() {
        let is_forbidden = forbidden.contains(&(mentee_index, mentor_index));
        match obstacle(mentee, mentor, cohort, is_forbidden, || {
            breakdown(mentee, mentor, &cohort.weights).score
        }) {
            Some(found) => *obstacles.entry(found).or_default() += 1,
            None => compatible += 1,
        }
    }
    if compatible > 0 {
        UnmatchedReason::CompatibleMentorsFull { compatible }
    } else if obstacles
        .keys()
        .all(|found| *found == Obstacle::NoCommonLanguage)
    {
        UnmatchedReason::NoMentorSharesLanguage
    } else {
        UnmatchedReason::NoCompatibleMentor {
            obstacles: obstacles.into_iter().collect(),
        }
    }
}
