//! Which pairs the flow network holds: every allowed pair is scored once, the
//! network starts with each mentee's best few and each mentor's best few, and
//! the proof then brings in every pair left out that could lower the cost.
//!
//! Scoring and the proof read the whole cohort (5,000 × 1,000 is five million
//! pairs), row by row: rows are split in two halves done side by side when the
//! machine has two cores. The halves do not depend on each other and the
//! results are put back in row order, so the answer is the same either way.
use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::ops::Range;

use crate::solve::Plan;

/// A pair this run cannot make (or already in the network).
pub const UNAVAILABLE: u8 = u8::MAX;

/// How many of each mentee's best pairs the network starts with.
pub const FIRST_CANDIDATES: usize = 8;

/// Each mentor's best mentees the network starts with, per free place.
const PER_PLACE: usize = 8;

mod proof;

/// Pairs left out within this much of a negative reduced cost join the network
/// with those that fail the proof: re-optimizing moves the potentials, and
/// these are the pairs that would fail next (one round instead of two).
const MARGIN: i64 = 5;

/// How many of its pairs a row failing the proof brings into the network the
/// first time (the most promising), and a mentor per free place; twice as
/// many each time it fails again.
const FIRST_JOINING: u32 = 8;

/// Below this many pairs, one thread does it all (starting a second costs
/// more than it saves).
const PARALLEL_FROM: usize = 200_000;

/// A pair: row (an open mentee), mentor, cost.
pub type Pair = (usize, usize, u8);

/// Every allowed pair's cost, and which are in the network.
pub struct Candidates {
    mentors: usize,
    /// Whether large row sets are split in two halves done side by side.
    split_rows: bool,
    /// Row-major (rows follow the open mentees): the cost of each pair left
    /// out of the network, `UNAVAILABLE` for the others and for pairs not
    /// allowed or with a full mentor.
    costs: Vec<u8>,
    /// Per row, how many mentors the mentee could be paired with, full or not.
    pub compatible: Vec<usize>,
    /// Per row, how many pairs join the network the next time it fails the proof.
    row_limit: Vec<u32>,
    /// Per mentor, the same.
    mentor_limit: Vec<u32>,
}

/// What scoring a stretch of rows finds.
struct Scan {
    compatible: Vec<usize>,
    /// The rows' best pairs.
    best: Vec<Pair>,
    /// Per mentor, how many of these rows cost each price (0–100).
    histograms: Vec<[u32; 101]>,
}

impl Candidates {
    /// Scores every pair and picks the pairs the network starts with: each
    /// row's best `first_candidates`, picked while the row is at hand, and
    /// unless the start is a single pair per mentee (the tests, which leave it
    /// all to the proof), each mentor's best mentees for `PER_PLACE` times
    /// their places (a mentor few mentees rank first still gets the mentees
    /// that suit them best). Each pair once.
    pub fn new(
        plan: &Plan,
        open: &[usize],
        first_candidates: usize,
        split_rows: bool,
    ) -> (Candidates, Vec<Pair>) {
        let mentors = plan.free.len();
        let per_mentor = first_candidates > 1;
        let mut costs = vec![UNAVAILABLE; open.len() * mentors];
        let scans = in_halves_mut(split_rows, &mut costs, mentors, |rows, costs| {
            scan(plan, open, rows, costs, first_candidates, per_mentor)
        });
        let mut compatible = Vec::with_capacity(open.len());
        let mut first = Vec::new();
        let mut histograms = vec![[0_u32; 101]; if per_mentor { mentors } else { 0 }];
        for scan in scans {
            compatible.extend(scan.compatible);
            first.extend(scan.best);
            for (total, part) in histograms.iter_mut().zip(&scan.histograms) {
                for (sum, number) in total.iter_mut().zip(part) {
                    *sum += number;
                }
            }
        }
        if per_mentor {
            let wanted: Vec<usize> = plan
                .free
                .iter()
                .map(|free| PER_PLACE.saturating_mul(*free as usize))
                .collect();
            first.extend(best_rows_per_mentor(
                split_rows,
                &costs,
                &histograms,
                &wanted,
            ));
        }
        let mut candidates = Candidates {
            mentors,
            split_rows,
            costs,
            row_limit: vec![FIRST_JOINING; compatible.len()],
            mentor_limit: plan
                .free
                .iter()
                .map(|free| FIRST_JOINING.saturating_mul((*free).max(1)))
                .collect(),
            compatible,
        };
        let first = first
            .into_iter()
            .filter_map(|(row, mentor, _)| {
                candidates
                    .take(row, mentor)
                    .map(|price| (row, mentor, price))
            })
            .collect();
        (candidates, first)
    }

    /// Takes a pair into the network: its cost, unless it is there already.
    fn take(&mut self, row: usize, mentor: usize) -> Option<u8> {
        let cell = &mut self.costs[row * self.mentors + mentor];
        let price = std::mem::replace(cell, UNAVAILABLE);
        (price != UNAVAILABLE).then_some(price)
    }
}

/// A number far enough from the ends of `i32` to add a price to safely.
fn small(number: i64) -> Option<i32> {
    i32::try_from(number)
        .ok()
        .filter(|number| number.unsigned_abs() < 1 << 30)
}

/// Whether no price of this row plus its mentor's offset is under `limit`,
/// found in one pass the compiler turns into vector instructions (32 bits, no
/// branch). Out-of-network pairs hold `UNAVAILABLE`, which only makes the
/// answer "maybe" more often: the exact pass decides.
fn nothing_under(line: &[u8], offsets: Option<&[i32]>, limit: i64) -> bool {
    let (Some(offsets), Some(limit)) = (offsets, small(limit)) else {
        return false;
    };
    let lowest = line
        .iter()
        .zip(offsets)
        .map(|(price, offset)| i32::from(*price) + offset)
        .fold(i32::MAX, i32::min);
    lowest >= limit
}

/// Whether to split this many pairs in two halves done side by side.
fn split(wanted: bool, pairs: usize) -> bool {
    wanted
        && pairs >= PARALLEL_FROM
        && std::thread::available_parallelism().is_ok_and(|cores| cores.get() > 1)
}

/// Runs both, the second on another thread; answers both results.
fn side_by_side<T: Send>(first: impl FnOnce() -> T, second: impl FnOnce() -> T + Send) -> [T; 2] {
    std::thread::scope(|scope| {
        let second = scope.spawn(second);
        let first = first();
        match second.join() {
            Ok(second) => [first, second],
            // The work itself does not panic; should it, so does the caller.
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// Runs `work` on the rows of `costs` (row-major, `width` per row), in two
/// halves side by side when worth it; the results in row order.
fn in_halves_mut<T: Send>(
    wanted: bool,
    costs: &mut [u8],
    width: usize,
    work: impl Fn(Range<usize>, &mut [u8]) -> T + Sync,
) -> Vec<T> {
    let rows = costs.len().checked_div(width).unwrap_or(0);
    if !split(wanted, costs.len()) {
        return vec![work(0..rows, costs)];
    }
    let middle = rows / 2;
    let (top, bottom) = costs.split_at_mut(middle * width);
    let work = &work;
    side_by_side(|| work(0..middle, top), move || work(middle..rows, bottom)).into()
}

/// Runs `work` on `rows` rows of `width` pairs, in two halves side by side
/// when worth it; the results in row order.
fn in_halves<T: Send>(
    wanted: bool,
    rows: usize,
    width: usize,
    work: impl Fn(Range<usize>) -> T + Sync,
) -> Vec<T> {
    if !split(wanted, rows * width) {
        return vec![work(0..rows)];
    }
    let middle = rows / 2;
    let work = &work;
    side_by_side(|| work(0..middle), move || work(middle..rows)).into()
}

/// Scores `rows` into `costs` (their lines) and picks each row's best pairs.
fn scan(
    plan: &Plan,
    open: &[usize],
    rows: Range<usize>,
    costs: &mut [u8],
    first_candidates: usize,
    per_mentor: bool,
) -> Scan {
    let mentors = plan.free.len();
    // Every mentor not paused is scored, as if with a free place: the count of
    // mentors a mentee could have explains why one is left unmatched. The full
    // ones are then set apart.
    let unpaused: Vec<u32> = plan
        .cohort
        .mentors
        .iter()
        .map(|mentor| u32::from(!mentor.paused))
        .collect();
    let full: Vec<usize> = (0..mentors)
        .filter(|mentor| plan.free[*mentor] == 0 && unpaused[*mentor] > 0)
        .collect();
    let mut found = Scan {
        compatible: Vec::with_capacity(rows.len()),
        best: Vec::with_capacity(rows.len() * first_candidates),
        histograms: vec![[0_u32; 101]; if per_mentor { mentors } else { 0 }],
    };
    let mut ties = Vec::new();
    for (row, line) in rows.zip(costs.chunks_exact_mut(mentors.max(1))) {
        let mentee = open[row];
        plan.compiled.row_costs(
            mentee,
            &unpaused,
            &plan.forbidden[mentee],
            UNAVAILABLE,
            line,
        );
        let mut with_full = 0;
        for mentor in &full {
            with_full += usize::from(line[*mentor] != UNAVAILABLE);
            line[*mentor] = UNAVAILABLE;
        }
        // One pass for this row's prices and each mentor's.
        let mut histogram = [0_u32; 101];
        if per_mentor {
            for (column, price) in found.histograms.iter_mut().zip(line.iter()) {
                if *price != UNAVAILABLE {
                    let price = usize::from(*price).min(100);
                    histogram[price] += 1;
                    column[price] += 1;
                }
            }
        } else {
            for price in line.iter() {
                if *price != UNAVAILABLE {
                    histogram[usize::from(*price).min(100)] += 1;
                }
            }
        }
        let available: u32 = histogram.iter().sum();
        found.compatible.push(available as usize + with_full);
        cheapest(
            line,
            &histogram,
            first_candidates,
            |mentor| tie_break(row, mentor),
            &mut ties,
            |mentor| found.best.push((row, mentor, line[mentor])),
        );
    }
    found
}

/// Each mentor's `wanted[mentor]` best rows (ties: smallest tie break), from
/// the whole matrix and each mentor's histogram of prices. Rows are read in
/// order, in two halves side by side.
fn best_rows_per_mentor(
    split_rows: bool,
    costs: &[u8],
    histograms: &[[u32; 101]],
    wanted: &[usize],
) -> Vec<Pair> {
    let mentors = wanted.len();
    let limits: Vec<(usize, usize)> = histograms
        .iter()
        .zip(wanted)
        .map(|(histogram, wanted)| threshold(histogram, *wanted))
        .collect();
    let thresholds: Vec<u8> = limits
        .iter()
        .map(|(price, _)| u8::try_from(*price).unwrap_or(UNAVAILABLE))
        .collect();
    let rooms: Vec<usize> = wanted
        .iter()
        .zip(&limits)
        .map(|(wanted, (_, below))| wanted.saturating_sub(*below))
        .collect();
    let rows = costs.len().checked_div(mentors).unwrap_or(0);
    let parts = in_halves(split_rows, rows, mentors, |rows| {
        let mut below = Vec::new();
        // Only the ties that may be picked are kept (many rows can tie).
        let mut tied: Vec<BinaryHeap<(u32, usize)>> = vec![BinaryHeap::new(); mentors];
        let start = rows.start;
        let lines = costs[start * mentors..rows.end * mentors].chunks_exact(mentors.max(1));
        for (row, line) in rows.zip(lines) {
            for (mentor, (price, limit)) in line.iter().zip(&thresholds).enumerate() {
                if *price == UNAVAILABLE {
                    continue;
                }
                match price.cmp(limit) {
                    Ordering::Less => below.push((row, mentor, *price)),
                    Ordering::Equal => keep_least(
                        &mut tied[mentor],
                        rooms[mentor],
                        (tie_break(row, mentor), row),
                    ),
                    Ordering::Greater => {}
                }
            }
        }
        (below, tied)
    });
    let mut picked = Vec::new();
    let mut tied: Vec<Vec<(u32, usize)>> = vec![Vec::new(); mentors];
    for (below, part) in parts {
        picked.extend(below);
        for (all, some) in tied.iter_mut().zip(part) {
            all.extend(some.into_vec());
        }
    }
    for (mentor, mut ties) in tied.into_iter().enumerate() {
        let room = rooms[mentor];
        if ties.len() > room {
            ties.select_nth_unstable(room);
            ties.truncate(room);
        }
        ties.sort_unstable();
        picked.extend(
            ties.into_iter()
                .map(|(_, row)| (row, mentor, costs[row * mentors + mentor])),
        );
    }
    picked
}

/// Keeps in `heap` the `limit` least of what it is offered.
fn keep_least<T: Ord>(heap: &mut BinaryHeap<T>, limit: usize, offered: T) {
    if heap.len() < limit {
        heap.push(offered);
    } else if heap.peek().is_some_and(|worst| offered < *worst) {
        heap.pop();
        heap.push(offered);
    }
}

/// Spreads ties: among equally good candidates, each mentee and each mentor
/// prefers different ones (the same order for everyone would send them all to
/// the same few, and leave the proof step more to add). Deterministic.
fn tie_break(row: usize, mentor: usize) -> u32 {
    let mixed = (row as u64 ^ (mentor as u64).rotate_left(32)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> 32) as u32
}

/// The price at which the `wanted` cheapest are reached, and how many cost less.
fn threshold(histogram: &[u32; 101], wanted: usize) -> (usize, usize) {
    let mut below = 0;
    for (price, number) in histogram.iter().enumerate() {
        let number = *number as usize;
        if below + number >= wanted {
            return (price, below);
        }
        below += number;
    }
    (histogram.len(), below)
}

/// The `wanted` cheapest of these costs (ties: smallest tie break), their
/// indices handed to `take`: those below the threshold price in order, then
/// the ties. Costs are 0–100, so the histogram of prices gives the threshold,
/// and only the ties at the threshold are sorted.
fn cheapest(
    costs: &[u8],
    histogram: &[u32; 101],
    wanted: usize,
    tie: impl Fn(usize) -> u32,
    ties: &mut Vec<(u32, usize)>,
    mut take: impl FnMut(usize),
) {
    let (threshold, below) = threshold(histogram, wanted);
    ties.clear();
    for (index, price) in costs.iter().enumerate() {
        if *price == UNAVAILABLE {
            continue;
        }
        match usize::from(*price).cmp(&threshold) {
            Ordering::Less => take(index),
            Ordering::Equal => ties.push((tie(index), index)),
            Ordering::Greater => {}
        }
    }
    let room = wanted.saturating_sub(below);
    if ties.len() > room {
        ties.select_nth_unstable(room);
        ties.truncate(room);
    }
    ties.sort_unstable();
    for (_, index) in ties.iter() {
        take(*index);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cheapest_are_picked_ties_by_their_tie_break() {
        let costs = [7, UNAVAILABLE, 3, 5, 5, 5, 9];
        let mut histogram = [0_u32; 101];
        for price in costs.iter().filter(|price| **price != UNAVAILABLE) {
            histogram[usize::from(*price)] += 1;
        }
        let mut picked = Vec::new();
        // Three wanted: 3, then two of the three fives (the largest tie breaks lose).
        cheapest(
            &costs,
            &histogram,
            3,
            |index| 10 - index as u32,
            &mut Vec::new(),
            |index| picked.push(index),
        );
        assert_eq!(picked, vec![2, 5, 4]);
    }

    #[test]
    fn the_threshold_counts_what_costs_less() {
        let mut histogram = [0_u32; 101];
        histogram[2] = 3;
        histogram[4] = 2;
        assert_eq!(threshold(&histogram, 2), (2, 0));
        assert_eq!(threshold(&histogram, 4), (4, 3));
        assert_eq!(threshold(&histogram, 9), (101, 5));
    }
}
