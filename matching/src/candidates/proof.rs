//! The proof that the flow on the network's pairs is optimal for the whole
//! cohort, and what joins the network when it fails.
//!
//! Complementary slackness: if no pair left out has a negative reduced cost
//! under the solved network's potentials, no pair left out can lower the cost
//! of the flow, so it is optimal. Pairs that fail join the network, but not
//! all of them: when everyone ranks alike, most of the cohort fails at first
//! (every mentee left over with every mentor left with a free place), and
//! bringing them all in makes the network the whole cohort. Each failing row
//! brings its pairs of least reduced cost, as many as its limit, and each
//! mentor with failing pairs its own, as many as its limit (so that rows that
//! all prefer the same few mentors do not leave the others out); a limit
//! doubles each time its row or mentor fails again. Every round brings in at
//! least one failing pair per failing row, so the rounds end, with the proof.
use std::collections::BinaryHeap;

use super::*;

/// Rows failing the proof, as a share of all rows (1 in this many), under
/// which the pairs near failing join too.
const FEW_FAILING: usize = 50;

/// What one stretch of rows finds.
struct Found {
    /// Pairs brought in by their row (taken out of `costs` already).
    by_row: Vec<Pair>,
    failing_rows: Vec<usize>,
    /// Per mentor, its failing pairs of least reduced cost: (reduced cost, row).
    by_mentor: Vec<BinaryHeap<(i64, usize)>>,
}

impl Candidates {
    /// The proof (see the module's notes) under these potentials: a pair's
    /// reduced cost is `cost + mentor_offset[mentor] + row_offset[row]`.
    /// Answers the pairs joining the network and how many rows failed (none:
    /// the flow is optimal for the whole cohort). The pairs near failing join
    /// only if they keep the joining pairs within `in_place` (as many as the
    /// flow takes back in place) or the failing pairs alone exceed it.
    pub fn proof(
        &mut self,
        mentor_offset: &[i64],
        row_offset: &[i64],
        in_place: usize,
    ) -> (Vec<Pair>, usize) {
        let narrow: Option<Vec<i32>> = mentor_offset.iter().map(|offset| small(*offset)).collect();
        let (row_limit, mentor_limit) = (&self.row_limit, &self.mentor_limit);
        let parts = in_halves_mut(
            self.split_rows,
            &mut self.costs,
            self.mentors,
            |rows, costs| {
                let mut found = Found {
                    by_row: Vec::new(),
                    failing_rows: Vec::new(),
                    by_mentor: vec![BinaryHeap::new(); mentor_offset.len()],
                };
                let mut reduced = Vec::new();
                let lines = costs.chunks_exact_mut(mentor_offset.len().max(1));
                for (row, line) in rows.zip(lines) {
                    let limit = -row_offset[row];
                    if nothing_under(line, narrow.as_deref(), limit)
                        || !least_reduced(line, mentor_offset, limit, &mut reduced)
                    {
                        continue;
                    }
                    for &(cost, mentor) in reduced.iter().filter(|(cost, _)| *cost < 0) {
                        keep_least(
                            &mut found.by_mentor[mentor],
                            mentor_limit[mentor] as usize,
                            (cost, row),
                        );
                    }
                    let room = row_limit[row] as usize;
                    if reduced.len() > room {
                        reduced.select_nth_unstable(room);
                        reduced.truncate(room);
                    }
                    for &(_, mentor) in &reduced {
                        found.by_row.push((row, mentor, line[mentor]));
                        line[mentor] = UNAVAILABLE;
                    }
                    found.failing_rows.push(row);
                }
                found
            },
        );
        let (mut joining, failing) = self.joining(parts);
        if failing > 0 && failing * FEW_FAILING < self.row_limit.len() {
            // Many rows have pairs near failing when most pairs nearly tie
            // (everyone ranks alike): they would turn a few pairs taken in
            // place into a solve from scratch, so past that number the
            // search stops and they stay out.
            let most = if joining.len() > in_place {
                usize::MAX
            } else {
                in_place - joining.len()
            };
            let near = self.near(mentor_offset, row_offset, narrow.as_deref(), most);
            if near.len() <= most {
                joining.extend(near);
            } else {
                for (row, mentor, price) in near {
                    self.costs[row * self.mentors + mentor] = price;
                }
            }
        }
        (joining, failing)
    }

    /// When few rows fail, the pairs within `MARGIN` of failing in every row,
    /// up to its limit: re-optimizing moves the potentials, and these are the
    /// pairs that would fail next (one round instead of several). Stops
    /// early once more than `most` are found (each half: then more than
    /// `most` are answered, which the caller puts back).
    fn near(
        &mut self,
        mentor_offset: &[i64],
        row_offset: &[i64],
        narrow: Option<&[i32]>,
        most: usize,
    ) -> Vec<Pair> {
        let row_limit = &self.row_limit;
        let parts = in_halves_mut(
            self.split_rows,
            &mut self.costs,
            self.mentors,
            |rows, costs| {
                let mut near = Vec::new();
                let mut reduced = Vec::new();
                let lines = costs.chunks_exact_mut(mentor_offset.len().max(1));
                for (row, line) in rows.zip(lines) {
                    if near.len() > most {
                        break;
                    }
                    let limit = -row_offset[row];
                    if nothing_under(line, narrow, limit + MARGIN) {
                        continue;
                    }
                    least_reduced(line, mentor_offset, limit, &mut reduced);
                    let room = row_limit[row] as usize;
                    if reduced.len() > room {
                        reduced.select_nth_unstable(room);
                        reduced.truncate(room);
                    }
                    for &(_, mentor) in &reduced {
                        near.push((row, mentor, line[mentor]));
                        line[mentor] = UNAVAILABLE;
                    }
                }
                near
            },
        );
        parts.into_iter().flatten().collect()
    }

    /// The halves' findings put together, in row order then mentor order;
    /// the limits of the rows and mentors that failed doubled.
    fn joining(&mut self, parts: Vec<Found>) -> (Vec<Pair>, usize) {
        let mut joining = Vec::new();
        let mut failing = 0;
        let mut by_mentor: Vec<Vec<(i64, usize)>> = vec![Vec::new(); self.mentors];
        for part in parts {
            joining.extend(part.by_row);
            failing += part.failing_rows.len();
            for row in part.failing_rows {
                self.row_limit[row] = self.row_limit[row].saturating_mul(2);
            }
            for (all, heap) in by_mentor.iter_mut().zip(part.by_mentor) {
                all.extend(heap.into_vec());
            }
        }
        for (mentor, mut pairs) in by_mentor.into_iter().enumerate() {
            if pairs.is_empty() {
                continue;
            }
            let limit = self.mentor_limit[mentor];
            self.mentor_limit[mentor] = limit.saturating_mul(2);
            pairs.sort_unstable();
            pairs.truncate(limit as usize);
            for (_, row) in pairs {
                if let Some(price) = self.take(row, mentor) {
                    joining.push((row, mentor, price));
                }
            }
        }
        (joining, failing)
    }
}

/// This row's pairs left out with a reduced cost (`price + offset - limit`)
/// under `MARGIN`, into `reduced` as (reduced cost, mentor); answers whether
/// one of them is negative.
fn least_reduced(
    line: &[u8],
    mentor_offset: &[i64],
    limit: i64,
    reduced: &mut Vec<(i64, usize)>,
) -> bool {
    reduced.clear();
    let mut negative = false;
    for (mentor, (price, offset)) in line.iter().zip(mentor_offset).enumerate() {
        if *price != UNAVAILABLE {
            let cost = i64::from(*price) + offset - limit;
            if cost < MARGIN {
                reduced.push((cost, mentor));
                negative |= cost < 0;
            }
        }
    }
    negative
}
