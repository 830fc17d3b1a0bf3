//! The optimal assignment of a whole cohort.
//!
//! Among the assignments that respect every constraint, the engine maximizes the
//! number of matched mentees, then the total score. It is a minimum-cost maximum
//! flow: source → each mentee (capacity 1) → each mentor the mentee may be paired
//! with (cost 100 − score) → sink (capacity = the mentor's free places). A maximum
//! flow matches as many mentees as can be; among maximum flows, the cheapest has
//! the highest total score, since cost = 100 × matched − total score.
//!
//! Every mentee also has an edge straight to the sink, "stays unmatched", whose
//! cost is higher than any total score difference: the flow then always sends
//! every mentee, and the cheapest such flow is the lexicographic optimum. That
//! makes the answer checkable: potentials with no negative reduced cost on any
//! edge prove it optimal.
//!
//! Speed comes from that proof. A cohort of 5,000 mentees and 1,000 mentors has
//! millions of allowed pairs, but a mentee ends up with one of their best few.
//! The network first holds each mentee's best `FIRST_CANDIDATES` pairs; once
//! solved, every pair left out is checked against the potentials. If none could
//! lower the cost, the flow is optimal for the whole cohort; otherwise the pairs
//! that could are added and the network solved again. Exact, never approximate.
use std::collections::{BTreeMap, HashMap};

use crate::compiled::Compiled;
use crate::flow::Network;
use crate::model::*;
use crate::score::{breakdown, shares_a_language};

/// How many of each mentee's best pairs the network starts with.
pub const FIRST_CANDIDATES: usize = 8;

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

/// A cohort checked and indexed: who is locked with whom, what is forbidden,
/// and how many places each mentor has left for this run.
pub(crate) struct Plan<'a> {
    pub cohort: &'a Cohort,
    pub compiled: Compiled,
    /// Per mentee, the mentors forbidden to them (sorted).
    pub forbidden: Vec<Vec<usize>>,
    pub locked: BTreeMap<usize, usize>,
    /// Places each mentor has for new mentees in this run.
    pub free: Vec<u32>,
}

impl<'a> Plan<'a> {
    pub fn new(cohort: &'a Cohort) -> Result<Plan<'a>, InputError> {
        let total = cohort.weights.total();
        if total != 100 {
            return Err(InputError::WeightsMustTotal100 { total });
        }
        let mentees = index_of(cohort.mentees.iter().map(|mentee| mentee.id.as_str()))?;
        let mentors = index_of(cohort.mentors.iter().map(|mentor| mentor.id.as_str()))?;

        let mut forbidden = vec![Vec::new(); cohort.mentees.len()];
        for pair in &cohort.forbidden {
            forbidden[find(&mentees, &pair.mentee)?].push(find(&mentors, &pair.mentor)?);
        }
        for list in &mut forbidden {
            list.sort_unstable();
        }
        let mut locked: BTreeMap<usize, usize> = BTreeMap::new();
        let mut locked_per_mentor = vec![0_u32; cohort.mentors.len()];
        for pair in &cohort.locked {
            let (mentee, mentor) = (find(&mentees, &pair.mentee)?, find(&mentors, &pair.mentor)?);
            match locked.insert(mentee, mentor) {
                Some(other) if other != mentor => {
                    return Err(InputError::ImpossibleLocks {
                        id: pair.mentee.clone(),
                    })
                }
                Some(_) => {}
                None => locked_per_mentor[mentor] += 1,
            }
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
        Ok(Plan {
            cohort,
            compiled: Compiled::new(cohort),
            forbidden,
            locked,
            free,
        })
    }

    pub fn is_forbidden(&self, mentee: usize, mentor: usize) -> bool {
        self.forbidden[mentee].binary_search(&mentor).is_ok()
    }

    pub fn obstacle(&self, mentee: usize, mentor: usize) -> Option<Obstacle> {
        self.compiled.obstacle(
            mentee,
            mentor,
            self.cohort.mentors[mentor].paused,
            self.is_forbidden(mentee, mentor),
        )
    }

    /// The cost (100 − score) of every pair of this run, row by row over the
    /// given mentees; `UNAVAILABLE` where the pair is not allowed or the
    /// mentor has no free place.
    fn costs(&self, mentees: &[usize]) -> Vec<u8> {
        let mut costs = Vec::with_capacity(mentees.len() * self.free.len());
        for &mentee in mentees {
            for (mentor, places) in self.free.iter().enumerate() {
                let allowed = *places > 0 && !self.is_forbidden(mentee, mentor);
                costs.push(match allowed {
                    true => match self.compiled.check(mentee, mentor, false, false) {
                        Ok(score) => 100 - score.min(100) as u8,
                        Err(_) => UNAVAILABLE,
                    },
                    false => UNAVAILABLE,
                });
            }
        }
        costs
    }
}

/// A pair this run cannot make.
const UNAVAILABLE: u8 = u8::MAX;

/// Spreads ties: among equally good candidates, each mentee and each mentor
/// prefers different ones (the same order for everyone would send them all to
/// the same few, and leave the proof step more to add). Deterministic.
fn tie_break(row: usize, mentor: usize) -> u32 {
    let mixed = (row as u64 ^ (mentor as u64).rotate_left(32)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> 32) as u32
}

/// The `count` smallest (cost, tie break, index), in no particular order.
fn best(candidates: &mut [(u8, u32, usize)], count: usize) -> &[(u8, u32, usize)] {
    if candidates.len() > count {
        candidates.select_nth_unstable(count);
        return &candidates[..count];
    }
    candidates
}

/// Solves a cohort: the draft with every pair's breakdown and every unmatched
/// mentee's reason. Same input, same output.
pub fn solve(cohort: &Cohort) -> Result<Assignment, InputError> {
    solve_with(cohort, FIRST_CANDIDATES)
}

/// `solve`, starting from each mentee's best `first_candidates` pairs; the
/// answer is the same whatever the number (the tests try 1).
#[doc(hidden)]
pub fn solve_with(cohort: &Cohort, first_candidates: usize) -> Result<Assignment, InputError> {
    let plan = Plan::new(cohort)?;
    let mut partner = optimal_partners(&plan, first_candidates.max(1));
    partner.extend(
        plan.locked
            .iter()
            .map(|(mentee, mentor)| (*mentee, *mentor)),
    );

    let mut pairs = Vec::new();
    let mut unmatched = Vec::new();
    for (mentee_index, mentee) in cohort.mentees.iter().enumerate() {
        match partner.get(&mentee_index) {
            Some(&mentor_index) => {
                let mentor = &cohort.mentors[mentor_index];
                pairs.push(ProposedPair {
                    mentee: mentee.id.clone(),
                    mentor: mentor.id.clone(),
                    locked: plan.locked.contains_key(&mentee_index),
                    breakdown: breakdown(mentee, mentor, &cohort.weights),
                });
            }
            None => unmatched.push(Unmatched {
                mentee: mentee.id.clone(),
                reason: why_unmatched(&plan, mentee_index),
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

/// The optimal mentor of each mentee that is not locked (see the module's notes).
fn optimal_partners(plan: &Plan, first_candidates: usize) -> BTreeMap<usize, usize> {
    let (mentee_count, mentors) = (plan.cohort.mentees.len(), plan.free.len());
    let open: Vec<usize> = (0..mentee_count)
        .filter(|mentee| !plan.locked.contains_key(mentee))
        .collect();
    // Every allowed pair's cost, computed once; rows follow `open`.
    let costs = plan.costs(&open);
    let cost = |row: usize, mentor: usize| costs[row * mentors + mentor];

    // Flow starts from the smaller side, so that the shortest-path searches
    // start from few places: the mentees when places abound, otherwise the
    // mentors' places (a cohort with more mentees than places fills them all,
    // and each search soon meets a mentee still waiting).
    let places: u64 = plan.free.iter().map(|free| u64::from(*free)).sum();
    let from_mentees = open.len() as u64 <= places;
    let (source, sink) = (0, 1 + open.len() + mentors);
    let mentee_node = |row: usize| 1 + row;
    let mentor_node = |mentor: usize| 1 + open.len() + mentor;
    let pair_nodes = |row: usize, mentor: usize| {
        if from_mentees {
            (mentee_node(row), mentor_node(mentor))
        } else {
            (mentor_node(mentor), mentee_node(row))
        }
    };
    // More than any difference in total score: one more match always wins.
    let left_over = 100 * (open.len() as i64 + 1);

    // The network starts with each mentee's best pairs and, with the default
    // start, each mentor's best mentees for three times their places (a mentor
    // few mentees rank first still gets the mentees that suit them best; the
    // tests, starting from one pair per mentee, leave it all to the proof).
    let mut candidates: Vec<(u8, u32, usize)> = Vec::with_capacity(mentors.max(open.len()));
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for row in 0..open.len() {
        candidates.clear();
        candidates.extend(
            (0..mentors)
                .filter(|mentor| cost(row, *mentor) != UNAVAILABLE)
                .map(|mentor| (cost(row, mentor), tie_break(row, mentor), mentor)),
        );
        let chosen = best(&mut candidates, first_candidates);
        pairs.extend(chosen.iter().map(|(_, _, mentor)| (row, *mentor)));
    }
    if first_candidates >= FIRST_CANDIDATES {
        for (mentor, free) in plan.free.iter().enumerate() {
            candidates.clear();
            candidates.extend(
                (0..open.len())
                    .filter(|row| cost(*row, mentor) != UNAVAILABLE)
                    .map(|row| (cost(row, mentor), tie_break(row, mentor), row)),
            );
            let chosen = best(&mut candidates, 3 * *free as usize);
            pairs.extend(chosen.iter().map(|(_, _, row)| (*row, mentor)));
        }
    }
    let mut in_network = vec![false; costs.len()];
    for (row, mentor) in &pairs {
        in_network[row * mentors + mentor] = true;
    }

    loop {
        // Every unit of the supplying side is sent: matched, or left over at a
        // cost no gain in score makes up for.
        let mut network = Network::new(sink + 1);
        for row in 0..open.len() {
            if from_mentees {
                network.add_edge(source, mentee_node(row), 1, 0);
                network.add_edge(mentee_node(row), sink, 1, left_over);
            } else {
                network.add_edge(mentee_node(row), sink, 1, 0);
            }
        }
        for (mentor, places) in plan.free.iter().enumerate() {
            let places = i64::from(*places);
            if places > 0 && from_mentees {
                network.add_edge(mentor_node(mentor), sink, places, 0);
            } else if places > 0 {
                network.add_edge(source, mentor_node(mentor), places, 0);
                network.add_edge(mentor_node(mentor), sink, places, left_over);
            }
        }
        let mut pair_edges = Vec::with_capacity(pairs.len());
        for (row, mentor) in
            (0..open.len()).flat_map(|row| (0..mentors).map(move |mentor| (row, mentor)))
        {
            if in_network[row * mentors + mentor] {
                let (from, to) = pair_nodes(row, mentor);
                let edge = network.add_edge(from, to, 1, i64::from(cost(row, mentor)));
                pair_edges.push((edge, row, mentor));
            }
        }
        network.min_cost_max_flow(source, sink);

        // The proof: no pair left out could lower the cost. Pairs that could
        // join the network, which is solved again.
        let mut improved = false;
        for row in 0..open.len() {
            for mentor in 0..mentors {
                let price = cost(row, mentor);
                if price == UNAVAILABLE || in_network[row * mentors + mentor] {
                    continue;
                }
                let (from, to) = pair_nodes(row, mentor);
                if i64::from(price) + network.potential(from) - network.potential(to) < 0 {
                    in_network[row * mentors + mentor] = true;
                    improved = true;
                }
            }
        }
        if !improved {
            return pair_edges
                .into_iter()
                .filter(|(edge, _, _)| network.flow(*edge) > 0)
                .map(|(_, row, mentor)| (open[row], mentor))
                .collect();
        }
    }
}

/// Why a mentee the optimum left out could not be matched. The optimum leaves
/// no compatible mentor with a free place, so either no pair is possible at
/// all, or every compatible mentor is full.
fn why_unmatched(plan: &Plan, mentee_index: usize) -> UnmatchedReason {
    let mut obstacles: BTreeMap<Obstacle, usize> = BTreeMap::new();
    let mut compatible = 0;
    for mentor_index in 0..plan.cohort.mentors.len() {
        match plan.obstacle(mentee_index, mentor_index) {
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
