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
//! The network first holds each mentee's best `FIRST_CANDIDATES` pairs and each
//! mentor's best mentees (`candidates`); once solved, every pair left out is
//! checked against the potentials. If none could lower the cost, the flow is
//! optimal for the whole cohort; otherwise the pairs that could join, and the
//! flow is made optimal again (re-optimized in place when few fail, solved
//! again when many do), and checked again. Exact, never approximate.
use std::collections::{BTreeMap, HashMap};

pub use crate::candidates::FIRST_CANDIDATES;
use crate::candidates::{Candidates, Pair};
use crate::compiled::Compiled;
use crate::flow::Network;
use crate::model::*;
use crate::score::{breakdown, shares_a_language};

/// Pairs joining after a failed proof, as a share of the network's pairs (1 in
/// this many), under which the flow is re-optimized in place rather than
/// solved again.
const REOPTIMIZE_BELOW: usize = 50;

/// Whether to print the solve's steps and their times on stderr
/// (`MATCHING_TRACE=1`): where the time goes, for whoever tunes the engine.
pub(crate) fn tracing() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("MATCHING_TRACE").is_some())
}

/// Prints a step and the time since `started` when tracing.
pub(crate) fn trace(started: &mut std::time::Instant, step: impl FnOnce() -> String) {
    if tracing() {
        eprintln!(
            "{:>8.1} ms  {}",
            started.elapsed().as_secs_f64() * 1000.0,
            step()
        );
        *started = std::time::Instant::now();
    }
}

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
                None => locked_per_mentor[mentor] = locked_per_mentor[mentor].saturating_add(1),
            }
        }
        let mut free = Vec::with_capacity(cohort.mentors.len());
        for (position, mentor) in cohort.mentors.iter().enumerate() {
            // In 64 bits: a load near `u32::MAX` plus the locks must not wrap
            // around to a small number and free places that are not there.
            let used = u64::from(mentor.load) + u64::from(locked_per_mentor[position]);
            let capacity = u64::from(mentor.capacity);
            if used > capacity && locked_per_mentor[position] > 0 {
                return Err(InputError::ImpossibleLocks {
                    id: mentor.id.clone(),
                });
            }
            free.push(if mentor.paused {
                0
            } else {
                // At most the capacity, so it fits.
                u32::try_from(capacity.saturating_sub(used)).unwrap_or(0)
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
}

/// Solves a cohort: the draft with every pair's breakdown and every unmatched
/// mentee's reason. Same input, same output.
pub fn solve(cohort: &Cohort) -> Result<Assignment, InputError> {
    solve_with(cohort, Strategy::default())
}

/// How the engine reaches the optimum; every strategy reaches the same one
/// (the tests try them all against each other and an exhaustive search).
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct Strategy {
    /// Each mentee's best pairs the network starts with; with 1, mentors'
    /// best mentees are left out too, and the proof brings in the rest.
    pub first_candidates: usize,
    /// Pairs failing the proof: always re-optimize in place (`Some(true)`),
    /// always solve again (`Some(false)`), or choose by their number.
    pub reoptimize: Option<bool>,
    /// Score and prove in two halves side by side, when the cohort is large.
    pub split_rows: bool,
}

impl Default for Strategy {
    fn default() -> Strategy {
        Strategy {
            first_candidates: FIRST_CANDIDATES,
            reoptimize: None,
            split_rows: true,
        }
    }
}

/// `solve` with a given strategy.
#[doc(hidden)]
pub fn solve_with(cohort: &Cohort, strategy: Strategy) -> Result<Assignment, InputError> {
    let plan = Plan::new(cohort)?;
    let optimum = optimal_partners(&plan, strategy);
    let mut partner = optimum.partner;
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
                reason: why_unmatched(
                    &plan,
                    mentee_index,
                    optimum.compatible.get(&mentee_index).copied().unwrap_or(0),
                ),
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

/// The optimum for the mentees not locked.
struct Optimum {
    /// Each matched mentee's mentor.
    partner: BTreeMap<usize, usize>,
    /// How many mentors each of these mentees could be paired with, were
    /// they not full.
    compatible: HashMap<usize, usize>,
}

/// The optimal mentor of each mentee that is not locked (see the module's notes).
fn optimal_partners(plan: &Plan, strategy: Strategy) -> Optimum {
    let open: Vec<usize> = (0..plan.cohort.mentees.len())
        .filter(|mentee| !plan.locked.contains_key(mentee))
        .collect();
    if plan.free.is_empty() || open.is_empty() {
        // Nothing to pair: no mentor yet (a cohort's first days), or no
        // mentee left to place. Every open mentee has no compatible mentor.
        return Optimum {
            partner: BTreeMap::new(),
            compatible: open.iter().map(|mentee| (*mentee, 0)).collect(),
        };
    }
    let mut clock = std::time::Instant::now();
    let (mut candidates, first) = Candidates::new(
        plan,
        &open,
        strategy.first_candidates.max(1),
        strategy.split_rows,
    );
    let layout = Layout::new(plan, open.len());
    let (source, sink) = (Layout::SOURCE, layout.sink());
    let mut network = supply_network(plan, layout);
    let mut pair_edges = Vec::new();
    trace(&mut clock, || format!("shortlist: {} pairs", first.len()));
    network_add(&mut network, &first, layout, &mut pair_edges);
    network.min_cost_max_flow(source, sink);
    trace(&mut clock, || {
        let matched = pair_edges
            .iter()
            .filter(|(edge, _, _)| network.flow(*edge) > 0)
            .count();
        format!("first solve: {matched} matched")
    });
    loop {
        let (mentor_offset, row_offset) = proof_offsets(&network, layout);
        let in_place = match strategy.reoptimize {
            Some(true) => usize::MAX,
            Some(false) => 0,
            None => pair_edges.len().saturating_sub(1) / REOPTIMIZE_BELOW,
        };
        let (joining, failing) = candidates.proof(&mentor_offset, &row_offset, in_place);
        trace(&mut clock, || {
            format!("proof: {failing} rows fail, {} pairs join", joining.len())
        });
        if failing == 0 {
            break;
        }
        // Pairs that could lower the cost join, and the flow is made optimal
        // again: re-optimized in place when few join, solved again when many
        // do. In place, each mentee a failing pair reaches may put a unit
        // back in motion; when nearly every mentee fails (everyone ranks
        // alike), that is more units than a fresh solve sends, and slower.
        network_add(&mut network, &joining, layout, &mut pair_edges);
        let reoptimize = strategy
            .reoptimize
            .unwrap_or(joining.len() * REOPTIMIZE_BELOW < pair_edges.len());
        let in_place = reoptimize && network.reoptimize(|node| layout.is_mentee_node(node));
        if !in_place {
            network.min_cost_max_flow(source, sink);
        }
        trace(&mut clock, || {
            format!(
                "{} ({} pairs in the network)",
                if in_place {
                    "re-optimized in place"
                } else {
                    "solved again"
                },
                pair_edges.len()
            )
        });
    }
    Optimum {
        partner: pair_edges
            .into_iter()
            .filter(|(edge, _, _)| network.flow(*edge) > 0)
            .map(|(_, row, mentor)| (open[row], mentor))
            .collect(),
        compatible: open
            .iter()
            .zip(&candidates.compatible)
            .map(|(mentee, count)| (*mentee, *count))
            .collect(),
    }
}

/// The flow network's nodes: the source, a node per open mentee (by row), a
/// node per mentor, the sink; and the side the flow starts from.
#[derive(Clone, Copy)]
struct Layout {
    /// How many open mentees.
    rows: usize,
    mentors: usize,
    /// Flow starts from the smaller side, so that the shortest-path searches
    /// start from few places: the mentees when places abound, otherwise the
    /// mentors' places (a cohort with more mentees than places fills them all,
    /// and each search soon meets a mentee still waiting).
    from_mentees: bool,
}

impl Layout {
    const SOURCE: usize = 0;

    fn new(plan: &Plan, rows: usize) -> Layout {
        let places: u64 = plan.free.iter().map(|free| u64::from(*free)).sum();
        Layout {
            rows,
            mentors: plan.free.len(),
            from_mentees: rows as u64 <= places,
        }
    }

    fn sink(&self) -> usize {
        1 + self.rows + self.mentors
    }

    fn mentee_node(&self, row: usize) -> usize {
        1 + row
    }

    /// Whether a node is a mentee's: one unit goes through it and it has few
    /// arcs, so re-optimizing may move its potential alone.
    fn is_mentee_node(&self, node: usize) -> bool {
        (1..=self.rows).contains(&node)
    }

    fn mentor_node(&self, mentor: usize) -> usize {
        1 + self.rows + mentor
    }

    /// A pair's edge, from the supplying side to the other.
    fn pair_nodes(&self, row: usize, mentor: usize) -> (usize, usize) {
        if self.from_mentees {
            (self.mentee_node(row), self.mentor_node(mentor))
        } else {
            (self.mentor_node(mentor), self.mentee_node(row))
        }
    }

    /// More than any difference in total score: one more match always wins.
    fn left_over(&self) -> i64 {
        100 * (self.rows as i64 + 1)
    }
}

/// The network without its pairs. Every unit of the supplying side is sent:
/// matched, or left over at a cost no gain in score makes up for.
fn supply_network(plan: &Plan, layout: Layout) -> Network {
    let (source, sink, left_over) = (Layout::SOURCE, layout.sink(), layout.left_over());
    let mut network = Network::new(sink + 1);
    for row in 0..layout.rows {
        if layout.from_mentees {
            network.add_edge(source, layout.mentee_node(row), 1, 0);
            network.add_edge(layout.mentee_node(row), sink, 1, left_over);
        } else {
            network.add_edge(layout.mentee_node(row), sink, 1, 0);
        }
    }
    for (mentor, places) in plan.free.iter().enumerate() {
        let places = i64::from(*places);
        if places > 0 && layout.from_mentees {
            network.add_edge(layout.mentor_node(mentor), sink, places, 0);
        } else if places > 0 {
            network.add_edge(source, layout.mentor_node(mentor), places, 0);
            network.add_edge(layout.mentor_node(mentor), sink, places, left_over);
        }
    }
    network
}

/// The solved network's potentials as the proof reads them, per mentor and
/// per row: no pair left out may lower the cost (reduced cost
/// `cost + potential(from) - potential(to)` never negative).
fn proof_offsets(network: &Network, layout: Layout) -> (Vec<i64>, Vec<i64>) {
    let sign = if layout.from_mentees { 1 } else { -1 };
    let mentor_offset: Vec<i64> = (0..layout.mentors)
        .map(|mentor| -sign * network.potential(layout.mentor_node(mentor)))
        .collect();
    let row_offset: Vec<i64> = (0..layout.rows)
        .map(|row| sign * network.potential(layout.mentee_node(row)))
        .collect();
    (mentor_offset, row_offset)
}

/// Adds these pairs to the network, noting their edges (edge, row, mentor).
fn network_add(
    network: &mut Network,
    pairs: &[Pair],
    layout: Layout,
    edges: &mut Vec<(usize, usize, usize)>,
) {
    edges.reserve(pairs.len());
    network.reserve(pairs.len());
    for &(row, mentor, cost) in pairs {
        let (from, to) = layout.pair_nodes(row, mentor);
        let edge = network.add_edge(from, to, 1, i64::from(cost));
        edges.push((edge, row, mentor));
    }
}

/// Why a mentee the optimum left out could not be matched. The optimum leaves
/// no compatible mentor with a free place, so either no pair is possible at
/// all, or every compatible mentor (`compatible` of them) is full.
fn why_unmatched(plan: &Plan, mentee_index: usize, compatible: usize) -> UnmatchedReason {
    if plan.cohort.mentors.is_empty() {
        return UnmatchedReason::NoMentorInCohort;
    }
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
