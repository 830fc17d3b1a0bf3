//! Which pairs the flow network holds: every allowed pair is scored once, the
//! network starts with each mentee's best few and each mentor's best few, and
//! the proof then brings in every pair left out that could lower the cost.
//!
//! Scoring and the proof read the whole cohort (5,000 × 1,000 is five million
//! pairs), row by row: rows are split in two halves done side by side when the
//! machine has two cores. The halves do not depend on each other and the
//! results are put back in row order, so the answer is the same either way.
use std::ops::Range;

use crate::solve::Plan;

/// A pair this run cannot make (or already in the network).
pub const UNAVAILABLE: u8 = u8::MAX;

/// How many of each mentee's best pairs the network starts with.
pub const FIRST_CANDIDATES: usize = 8;

/// Each mentor's best mentees the network starts with, per free place.
const PER_PLACE: usize = 8;

mod mentors;
mod proof;

use mentors::{best_rows_per_mentor, under_mask};

/// Pairs left out within this much of a negative reduced cost join the network
/// with those that fail the proof: re-optimizing moves the potentials, and
/// these are the pairs that would fail next (one round instead of two).
const MARGIN: i64 = 5;

/// How many of its pairs a row failing the proof brings into the network the
/// first time (the most promising); twice as many each time it fails again.
const FIRST_JOINING: u32 = 8;

/// The same for a mentor, per free place. More than a row: when everyone
/// ranks alike, the first proof fails for nearly every mentee and every
/// mentor the first solve left with a place, and a weak mentor's fitting
/// mentees sit far down its list; with 8 per place a second round of
/// thousands of pairs was needed (solved from scratch), with 32 the first
/// round brings nearly all of them.
const MENTOR_FIRST_JOINING: u32 = 32;

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
    /// Each mentor's cheapest rows, counted.
    counts: MentorCounts,
}

/// Per mentor, how many rows cost each price, counted only under a limit
/// that falls as rows come: the price at which the mentor's wanted number of
/// rows is reached (rows at or above it cannot change which rows it picks).
/// Few rows are counted once the limits have fallen, and the rows are
/// compared with the limits 64 mentors at a time.
struct MentorCounts {
    wanted: Vec<u32>,
    /// Prices under it are counted.
    limits: Vec<u8>,
    /// How many rows are counted (all under the limit).
    below: Vec<u32>,
    histograms: Vec<[u32; 101]>,
}

impl MentorCounts {
    fn new(wanted: &[u32]) -> MentorCounts {
        MentorCounts {
            wanted: wanted.to_vec(),
            limits: wanted
                .iter()
                .map(|wanted| if *wanted == 0 { 0 } else { 101 })
                .collect(),
            below: vec![0; wanted.len()],
            histograms: vec![[0; 101]; wanted.len()],
        }
    }

    /// Counts a row's prices (`UNAVAILABLE`, above every limit, never is).
    fn row(&mut self, line: &[u8]) {
        let mentors = line.len().min(self.limits.len());
        for start in (0..mentors).step_by(64) {
            let end = (start + 64).min(mentors);
            let mut under = under_mask(&line[start..end], &self.limits[start..end]);
            while under != 0 {
                let mentor = start + under.trailing_zeros() as usize;
                under &= under - 1;
                self.count(mentor, line[mentor]);
            }
        }
    }

    fn count(&mut self, mentor: usize, price: u8) {
        let histogram = &mut self.histograms[mentor];
        histogram[usize::from(price)] += 1;
        self.below[mentor] += 1;
        if self.below[mentor] >= self.wanted[mentor] {
            let (limit, below) = threshold(histogram, self.wanted[mentor] as usize);
            histogram[limit..].fill(0);
            self.limits[mentor] = limit as u8;
            self.below[mentor] = below as u32;
        }
    }

    /// Each mentor's threshold price and how many rows cost less, over the
    /// rows of all these parts: under the least of their limits every part
    /// counted every row, and that limit is reached if any part reached it.
    fn thresholds(parts: &[MentorCounts]) -> Vec<(usize, usize)> {
        let Some(first) = parts.first() else {
            return Vec::new();
        };
        (0..first.wanted.len())
            .map(|mentor| {
                let limit = parts
                    .iter()
                    .map(|part| part.limits[mentor])
                    .min()
                    .unwrap_or(101);
                let mut sum = [0_u32; 101];
                for part in parts {
                    for (total, number) in sum[..usize::from(limit)]
                        .iter_mut()
                        .zip(&part.histograms[mentor])
                    {
                        *total += number;
                    }
                }
                let (price, below) = threshold(&sum, first.wanted[mentor] as usize);
                (price.min(usize::from(limit)), below)
            })
            .collect()
    }
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
        let mut clock = std::time::Instant::now();
        let wanted: Vec<u32> = plan
            .free
            .iter()
            .map(|free| {
                if per_mentor {
                    (PER_PLACE as u32).saturating_mul(*free)
                } else {
                    0
                }
            })
            .collect();
        let mut costs = vec![UNAVAILABLE; open.len() * mentors];
        let scans = in_halves_mut(split_rows, &mut costs, mentors, |rows, costs| {
            scan(plan, open, rows, costs, first_candidates, &wanted)
        });
        let mut compatible = Vec::with_capacity(open.len());
        let mut first = Vec::new();
        let mut counts = Vec::new();
        for scan in scans {
            compatible.extend(scan.compatible);
            first.extend(scan.best);
            counts.push(scan.counts);
        }
        crate::solve::trace(&mut clock, || "scoring and each row's best".to_owned());
        if per_mentor {
            first.extend(best_rows_per_mentor(
                split_rows,
                &costs,
                &MentorCounts::thresholds(&counts),
                &wanted,
            ));
            crate::solve::trace(&mut clock, || "each mentor's best".to_owned());
        }
        let mut candidates = Candidates {
            mentors,
            split_rows,
            costs,
            row_limit: vec![FIRST_JOINING; compatible.len()],
            mentor_limit: plan
                .free
                .iter()
                .map(|free| MENTOR_FIRST_JOINING.saturating_mul((*free).max(1)))
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

/// Scores `rows` into `costs` (their lines), picks each row's best pairs and
/// counts each mentor's cheapest rows (`wanted` per mentor).
fn scan(
    plan: &Plan,
    open: &[usize],
    rows: Range<usize>,
    costs: &mut [u8],
    first_candidates: usize,
    wanted: &[u32],
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
        counts: MentorCounts::new(wanted),
    };
    let mut picked = Vec::new();
    let mut scorer = plan.compiled.scorer();
    for (row, line) in rows.zip(costs.chunks_exact_mut(mentors.max(1))) {
        let mentee = open[row];
        scorer.row_costs(
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
        let available = line
            .iter()
            .fold(0_u32, |sum, price| sum + u32::from(*price != UNAVAILABLE));
        found.compatible.push(available as usize + with_full);
        found.counts.row(line);
        cheapest(
            line,
            first_candidates,
            tie_break(row, 0) as usize,
            &mut picked,
        );
        found.best.extend(
            picked
                .iter()
                .map(|(price, _, mentor)| (row, *mentor, *price)),
        );
    }
    found
}

/// Keeps in `pile` the `limit` least of what it is offered (and maybe as many
/// more: it is cut down to the `limit` least only when it reaches twice
/// that, so that each offer costs a push rather than a heap's reordering).
/// Answers, when the pile was just cut, the dearest kept: anything not
/// cheaper cannot be among the least.
fn keep_least<T: Ord + Copy>(pile: &mut Vec<T>, limit: usize, offered: T) -> Option<T> {
    if limit == 0 {
        return None;
    }
    pile.push(offered);
    if pile.len() < 2 * limit {
        return None;
    }
    pile.select_nth_unstable(limit - 1);
    pile.truncate(limit);
    pile.iter().max().copied()
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

/// The `wanted` cheapest of these costs, into `picked` as (price, rank,
/// index), cheapest first; ties go to the first in the order that starts at
/// `start` (rounded down to a multiple of 64) and wraps around, so that rows
/// tied alike do not all pick the same few. Costs are read 64 at a time in
/// that order: once `wanted` are found, a stretch with none cheaper than the
/// dearest of them is passed over.
fn cheapest(costs: &[u8], wanted: usize, start: usize, picked: &mut Vec<(u8, u32, usize)>) {
    picked.clear();
    if wanted == 0 {
        return;
    }
    let chunks = costs.len().div_ceil(64);
    let first = if chunks == 0 { 0 } else { start % chunks };
    // Exclusive.
    let mut under = UNAVAILABLE;
    let mut rank = 0_u32;
    for chunk in (first..chunks).chain(0..first) {
        let prices = &costs[chunk * 64..(chunk * 64 + 64).min(costs.len())];
        if prices.iter().copied().fold(UNAVAILABLE, u8::min) >= under {
            rank += prices.len() as u32;
            continue;
        }
        for (offset, price) in prices.iter().enumerate() {
            if *price < under {
                picked.push((*price, rank, chunk * 64 + offset));
            }
            rank += 1;
        }
        if picked.len() >= wanted {
            keep_cheapest(picked, wanted);
            under = picked
                .iter()
                .map(|(price, _, _)| *price)
                .max()
                .unwrap_or(under);
        }
    }
    keep_cheapest(picked, wanted);
    picked.sort_unstable();
}

fn keep_cheapest(picked: &mut Vec<(u8, u32, usize)>, wanted: usize) {
    if picked.len() > wanted {
        picked.select_nth_unstable(wanted);
        picked.truncate(wanted);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `count` prices under `spread`, about `unavailable_percent` % of them
    /// not allowed.
    pub(super) fn random_costs(
        random: &mut crate::seeded::Seeded,
        count: usize,
        unavailable_percent: u64,
        spread: u64,
    ) -> Vec<u8> {
        (0..count)
            .map(|_| {
                if random.chance(unavailable_percent) {
                    UNAVAILABLE
                } else {
                    random.below(spread) as u8
                }
            })
            .collect()
    }

    #[test]
    fn the_cheapest_are_picked_ties_by_their_order() {
        let costs = [7, UNAVAILABLE, 3, 5, 5, 5, 9];
        let mut picked = Vec::new();
        // Three wanted: 3, then the first two of the three fives.
        cheapest(&costs, 3, 0, &mut picked);
        let indices: Vec<usize> = picked.iter().map(|(_, _, index)| *index).collect();
        assert_eq!(indices, vec![2, 3, 4]);
    }

    /// Long rows, from any start: the same as sorting them all by price,
    /// then by place in the order from the start.
    #[test]
    fn the_cheapest_of_long_rows_are_those_a_sort_gives() {
        let mut random = crate::seeded::Seeded(3);
        for round in 0..300 {
            let length = 1 + random.below(700) as usize;
            let spread = 1 + random.below(100) as u8;
            let costs: Vec<u8> = (0..length)
                .map(|_| {
                    if random.chance(20) {
                        UNAVAILABLE
                    } else {
                        random.below(u64::from(spread)) as u8
                    }
                })
                .collect();
            let wanted = random.below(40) as usize;
            let start = random.below(1000) as usize;
            let first = (start % length.div_ceil(64)) * 64;
            let mut all: Vec<(u8, usize, usize)> = costs
                .iter()
                .enumerate()
                .filter(|(_, price)| **price != UNAVAILABLE)
                .map(|(index, price)| (*price, (index + length - first) % length, index))
                .collect();
            all.sort_unstable();
            all.truncate(wanted);
            let mut picked = Vec::new();
            cheapest(&costs, wanted, start, &mut picked);
            let expected: Vec<usize> = all.iter().map(|(_, _, index)| *index).collect();
            let found: Vec<usize> = picked.iter().map(|(_, _, index)| *index).collect();
            assert_eq!(found, expected, "round {round}");
        }
    }

    /// Counting under falling limits, in parts, gives the thresholds of
    /// the full histograms.
    #[test]
    fn falling_limits_give_the_thresholds_of_full_counts() {
        let mut random = crate::seeded::Seeded(4);
        for round in 0..100 {
            let mentors = 1 + random.below(150) as usize;
            let rows = random.below(300) as usize;
            let spread = 1 + random.below(101);
            let costs = random_costs(&mut random, rows * mentors, 30, spread);
            let wanted: Vec<u32> = (0..mentors).map(|_| random.below(30) as u32).collect();
            let middle = random.below(rows as u64 + 1) as usize;
            let mut parts = [MentorCounts::new(&wanted), MentorCounts::new(&wanted)];
            for (row, line) in costs.chunks(mentors).enumerate() {
                parts[usize::from(row >= middle)].row(line);
            }
            let thresholds = MentorCounts::thresholds(&parts);
            for mentor in 0..mentors {
                let mut histogram = [0_u32; 101];
                for line in costs.chunks(mentors) {
                    if line[mentor] != UNAVAILABLE {
                        histogram[usize::from(line[mentor])] += 1;
                    }
                }
                assert_eq!(
                    thresholds[mentor],
                    threshold(&histogram, wanted[mentor] as usize),
                    "round {round}, mentor {mentor}"
                );
            }
        }
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
