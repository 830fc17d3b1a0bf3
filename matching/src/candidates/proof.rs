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
    by_mentor: Vec<Vec<(i64, usize)>>,
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
                    by_mentor: vec![Vec::new(); mentor_offset.len()],
                };
                let mut reduced = Vec::new();
                let mut row_costs = Vec::new();
                // Per mentor, a pair must cost less than this to enter its
                // heap: 0 (only failing pairs), then the heap's worst once full.
                let mut entry: Vec<i32> = mentor_limit
                    .iter()
                    .map(|limit| if *limit == 0 { i32::MIN } else { 0 })
                    .collect();
                let lines = costs.chunks_exact_mut(mentor_offset.len().max(1));
                for (row, line) in rows.zip(lines) {
                    let limit = -row_offset[row];
                    if nothing_under(line, narrow.as_deref(), limit) {
                        continue;
                    }
                    let room = row_limit[row] as usize;
                    let fast = narrow.as_deref().zip(
                        i32::try_from(limit)
                            .ok()
                            .filter(|limit| limit.unsigned_abs() < 1 << 29),
                    );
                    if let Some((offsets, limit)) = fast {
                        // In 32 bits, 64 mentors at a time.
                        if !least_reduced_narrow(
                            line,
                            offsets,
                            limit,
                            room,
                            &mut row_costs,
                            &mut reduced,
                        ) {
                            continue;
                        }
                        for_each_under(&row_costs, &mut entry, |mentor, cost| {
                            let pile = &mut found.by_mentor[mentor];
                            let most = mentor_limit[mentor] as usize;
                            keep_least(pile, most, (i64::from(cost), row))
                                .map(|(worst, _)| i32::try_from(worst).unwrap_or(0))
                        });
                    } else {
                        if !least_reduced(line, mentor_offset, limit, &mut reduced) {
                            continue;
                        }
                        for &(cost, mentor) in reduced.iter().filter(|(cost, _)| *cost < 0) {
                            keep_least(
                                &mut found.by_mentor[mentor],
                                mentor_limit[mentor] as usize,
                                (cost, row),
                            );
                        }
                        if reduced.len() > room {
                            reduced.select_nth_unstable(room);
                            reduced.truncate(room);
                        }
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
            for (all, pile) in by_mentor.iter_mut().zip(part.by_mentor) {
                all.extend(pile);
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

/// `least_reduced` in 32 bits (offsets and limit far from the ends of
/// `i32`): the row's reduced costs into `row_costs` (`i32::MAX` for pairs
/// left out), and into `reduced` only the `room` least under `MARGIN` (by
/// cost, then mentor, as `least_reduced` then a selection give them), found
/// 64 mentors at a time, stretches with none under the `room`-th so far
/// passed over. Answers whether any is negative.
fn least_reduced_narrow(
    line: &[u8],
    offsets: &[i32],
    limit: i32,
    room: usize,
    row_costs: &mut Vec<i32>,
    reduced: &mut Vec<(i64, usize)>,
) -> bool {
    row_costs.clear();
    row_costs.extend(line.iter().zip(offsets).map(|(price, offset)| {
        if *price == UNAVAILABLE {
            i32::MAX
        } else {
            i32::from(*price) + offset - limit
        }
    }));
    reduced.clear();
    let least = row_costs.iter().copied().fold(i32::MAX, i32::min);
    if least >= 0 {
        return false;
    }
    let pile = (2 * room).max(64);
    // Exclusive; `MARGIN` is small.
    let mut under = MARGIN as i32;
    for start in (0..row_costs.len()).step_by(64) {
        let end = (start + 64).min(row_costs.len());
        let costs = &row_costs[start..end];
        if costs.iter().copied().fold(i32::MAX, i32::min) >= under {
            continue;
        }
        for (offset, cost) in costs.iter().enumerate() {
            if *cost < under {
                reduced.push((i64::from(*cost), start + offset));
            }
        }
        if reduced.len() >= pile {
            reduced.select_nth_unstable(room);
            reduced.truncate(room);
            // Later mentors tied with the dearest kept lose to it.
            under = reduced
                .iter()
                .map(|(cost, _)| *cost as i32)
                .max()
                .unwrap_or(under);
        }
    }
    if reduced.len() > room {
        reduced.select_nth_unstable(room);
        reduced.truncate(room);
    }
    true
}

/// Calls `offer(index, cost)` for every cost under its entry, in index
/// order, the entries read 64 at a time; `offer` answers the index's new
/// entry if it changes.
fn for_each_under(
    costs: &[i32],
    entry: &mut [i32],
    mut offer: impl FnMut(usize, i32) -> Option<i32>,
) {
    let length = costs.len().min(entry.len());
    for start in (0..length).step_by(64) {
        let end = (start + 64).min(length);
        let any = costs[start..end]
            .iter()
            .zip(&entry[start..end])
            .fold(false, |any, (cost, entry)| any | (cost < entry));
        if !any {
            continue;
        }
        for index in start..end {
            if costs[index] < entry[index] {
                if let Some(new) = offer(index, costs[index]) {
                    entry[index] = new;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 32-bit pass picks what the 64-bit one and a selection pick.
    #[test]
    fn the_narrow_pass_picks_as_the_wide_one() {
        let mut random = crate::seeded::Seeded(8);
        let (mut row_costs, mut narrow_picked, mut wide) = (Vec::new(), Vec::new(), Vec::new());
        for round in 0..500 {
            let mentors = 1 + random.below(300) as usize;
            let line: Vec<u8> = (0..mentors)
                .map(|_| {
                    if random.chance(25) {
                        UNAVAILABLE
                    } else {
                        random.below(101) as u8
                    }
                })
                .collect();
            let spread = 1 + random.below(200) as i32;
            let offsets: Vec<i32> = (0..mentors)
                .map(|_| random.below(spread as u64) as i32 - spread / 2)
                .collect();
            let wide_offsets: Vec<i64> = offsets.iter().map(|offset| i64::from(*offset)).collect();
            let limit = random.below(120) as i32;
            let room = 1 + random.below(20) as usize;
            let negative = least_reduced(&line, &wide_offsets, i64::from(limit), &mut wide);
            if wide.len() > room {
                wide.select_nth_unstable(room);
                wide.truncate(room);
            }
            wide.sort_unstable();
            let failing = least_reduced_narrow(
                &line,
                &offsets,
                limit,
                room,
                &mut row_costs,
                &mut narrow_picked,
            );
            assert_eq!(failing, negative, "round {round}");
            if failing {
                narrow_picked.sort_unstable();
                assert_eq!(narrow_picked, wide, "round {round}");
            }
        }
    }
}
