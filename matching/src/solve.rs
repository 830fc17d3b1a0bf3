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
/// Pairs left out within this much of a negative reduced cost join the network
/// with those that fail the proof: solving again moves the potentials, and
/// these are the pairs that would fail next (one round instead of two).
const MARGIN: i64 = 5;

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
        let mut row = Vec::with_capacity(self.free.len());
        for &mentee in mentees {
            self.compiled.row_costs(
                mentee,
                &self.free,
                &self.forbidden[mentee],
                UNAVAILABLE,
                &mut row,
            );
            costs.extend_from_slice(&row);
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

/// The cost at which the `wanted` cheapest are reached, and how many cost less.
fn threshold(histogram: &[usize; 101], wanted: usize) -> (usize, usize) {
    let mut below = 0;
    for (price, number) in histogram.iter().enumerate() {
        if below + number >= wanted {
            return (price, below);
        }
        below += number;
    }
    (histogram.len(), below)
}

/// The `wanted` cheapest of `count` candidates (ties: smallest tie break),
/// handed to `take` in no particular order. Costs are 0–100, so a histogram
/// finds the threshold in one pass, and only the ties at the threshold are sorted.
fn cheapest(
    count: usize,
    wanted: usize,
    cost: impl Fn(usize) -> u8,
    tie: impl Fn(usize) -> u32,
    ties: &mut Vec<(u32, usize)>,
    mut take: impl FnMut(usize),
) {
    let mut histogram = [0_usize; 101];
    for index in 0..count {
        let price = cost(index);
        if price != UNAVAILABLE {
            histogram[usize::from(price).min(100)] += 1;
        }
    }
    let (threshold, below) = threshold(&histogram, wanted);
    ties.clear();
    for index in 0..count {
        let price = cost(index);
        if price == UNAVAILABLE {
            continue;
        }
        match usize::from(price).cmp(&threshold) {
            std::cmp::Ordering::Less => take(index),
            std::cmp::Ordering::Equal => ties.push((tie(index), index)),
            std::cmp::Ordering::Greater => {}
        }
    }
    let room = wanted.saturating_sub(below);
    if ties.len() > room {
        ties.select_nth_unstable(room);
        ties.truncate(room);
    }
    for (_, index) in ties.iter() {
        take(*index);
    }
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
    // Every mentor not paused, as if with a free place: who could take them at all.
    let unpaused: Vec<u32> = cohort
        .mentors
        .iter()
        .map(|mentor| u32::from(!mentor.paused))
        .collect();
    let mut row = Vec::with_capacity(unpaused.len());
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
                reason: why_unmatched(&plan, mentee_index, &unpaused, &mut row),
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
    let mut ties = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for row in 0..open.len() {
        cheapest(
            mentors,
            first_candidates,
            |mentor| cost(row, mentor),
            |mentor| tie_break(row, mentor),
            &mut ties,
            |mentor| pairs.push((row, mentor)),
        );
    }
    if first_candidates >= FIRST_CANDIDATES {
        // Each mentor's best mentees for three times their places, in two
        // passes over the rows (memory read in order): histograms, then picks.
        let row_of = |row: usize| &costs[row * mentors..(row + 1) * mentors];
        let mut histograms = vec![[0_usize; 101]; mentors];
        for row in 0..open.len() {
            for (histogram, price) in histograms.iter_mut().zip(row_of(row)) {
                if *price != UNAVAILABLE {
                    histogram[usize::from(*price).min(100)] += 1;
                }
            }
        }
        let limits: Vec<(usize, usize)> = histograms
            .iter()
            .zip(&plan.free)
            .map(|(histogram, free)| threshold(histogram, 3 * *free as usize))
            .collect();
        let mut tied: Vec<Vec<(u32, usize)>> = vec![Vec::new(); mentors];
        for row in 0..open.len() {
            for (mentor, price) in row_of(row).iter().enumerate() {
                if *price == UNAVAILABLE {
                    continue;
                }
                match usize::from(*price).cmp(&limits[mentor].0) {
                    std::cmp::Ordering::Less => pairs.push((row, mentor)),
                    std::cmp::Ordering::Equal => tied[mentor].push((tie_break(row, mentor), row)),
                    std::cmp::Ordering::Greater => {}
                }
            }
        }
        for (mentor, mut ties) in tied.into_iter().enumerate() {
            let room = (3 * plan.free[mentor] as usize).saturating_sub(limits[mentor].1);
            if ties.len() > room {
                ties.select_nth_unstable(room);
                ties.truncate(room);
            }
            pairs.extend(ties.into_iter().map(|(_, row)| (row, mentor)));
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
        let mentor_potential: Vec<i64> = (0..mentors)
            .map(|mentor| network.potential(mentor_node(mentor)))
            .collect();
        let mut improved = false;
        for row in 0..open.len() {
            let here = network.potential(mentee_node(row));
            for (mentor, price) in costs[row * mentors..(row + 1) * mentors].iter().enumerate() {
                if *price == UNAVAILABLE || in_network[row * mentors + mentor] {
                    continue;
                }
                let reduced = if from_mentees {
                    i64::from(*price) + here - mentor_potential[mentor]
                } else {
                    i64::from(*price) + mentor_potential[mentor] - here
                };
                if reduced < MARGIN {
                    in_network[row * mentors + mentor] = true;
                    improved |= reduced < 0;
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
fn why_unmatched(
    plan: &Plan,
    mentee_index: usize,
    unpaused: &[u32],
    row: &mut Vec<u8>,
) -> UnmatchedReason {
    // Usually some mentors are compatible and full: counted in one fast pass.
    plan.compiled.row_costs(
        mentee_index,
        unpaused,
        &plan.forbidden[mentee_index],
        UNAVAILABLE,
        row,
    );
    let compatible = row.iter().filter(|price| **price != UNAVAILABLE).count();
    if compatible > 0 {
        return UnmatchedReason::CompatibleMentorsFull { compatible };
    }
    let mut obstacles: BTreeMap<Obstacle, usize> = BTreeMap::new();
    for mentor_index in 0..plan.cohort.mentors.len() {
        if let Some(found) = plan.obstacle(mentee_index, mentor_index) {
            *obstacles.entry(found).or_default() += 1;
        }
    }
    if obstacles
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
