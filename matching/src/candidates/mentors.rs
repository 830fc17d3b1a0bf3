//! Each mentor's best rows for the network's first pairs, read from the
//! whole matrix of costs 64 mentors at a time.
use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::*;

/// Each mentor's `wanted[mentor]` best rows (ties: smallest tie break), from
/// the whole matrix and each mentor's histogram of prices. Rows are read in
/// order, in two halves side by side.
pub(super) fn best_rows_per_mentor(
    split_rows: bool,
    costs: &[u8],
    limits: &[(usize, usize)],
    wanted: &[u32],
) -> Vec<Pair> {
    let mentors = wanted.len();
    // Exclusive: rows cost less than it to be picked, or tie at the threshold.
    let under: Vec<u8> = limits
        .iter()
        .map(|(price, _)| u8::try_from(*price + 1).unwrap_or(UNAVAILABLE))
        .collect();
    let rooms: Vec<usize> = wanted
        .iter()
        .zip(limits)
        .map(|(wanted, (_, below))| (*wanted as usize).saturating_sub(*below))
        .collect();
    let rows = costs.len().checked_div(mentors).unwrap_or(0);
    // Ties at a mentor's threshold: rows in order from the mentor's own
    // starting row, wrapping around (each mentor prefers different rows).
    let starts: Vec<usize> = (0..mentors)
        .map(|mentor| (tie_break(0, mentor) as usize) % rows.max(1))
        .collect();
    let parts = in_halves(split_rows, rows, mentors, |rows| {
        let tied_too = &under;
        let mut below = Vec::new();
        // Per mentor, the first tied rows from its start, and before it.
        let mut from_start: Vec<Vec<usize>> = vec![Vec::new(); mentors];
        let mut before_start: Vec<Vec<usize>> = vec![Vec::new(); mentors];
        let mut under = under.clone();
        // Mentors whose ties before their start are all found: until their
        // start row, only cheaper rows count (`under` lowered), then ties
        // count again (`under` put back): (start row, mentor), nearest first.
        let mut waiting = BinaryHeap::new();
        let start = rows.start;
        let lines = costs[start * mentors..rows.end * mentors].chunks_exact(mentors.max(1));
        for (row, line) in rows.zip(lines) {
            while let Some(&Reverse((from, mentor))) = waiting.peek() {
                if from > row {
                    break;
                }
                waiting.pop();
                under[mentor] = tied_too[mentor];
            }
            // 64 mentors at a time: most rows are above every threshold
            // (`UNAVAILABLE` always is), and in the others few mentors are
            // under theirs (ties at a threshold, when everyone ranks alike):
            // a bit per mentor, and only those read.
            for chunk in (0..mentors).step_by(64) {
                let end = (chunk + 64).min(mentors);
                let mut hits = under_mask(&line[chunk..end], &under[chunk..end]);
                while hits != 0 {
                    let mentor = chunk + hits.trailing_zeros() as usize;
                    hits &= hits - 1;
                    let price = line[mentor];
                    if usize::from(price) < limits[mentor].0 {
                        below.push((row, mentor, price));
                        continue;
                    }
                    let room = rooms[mentor];
                    let (ties, after) = if row >= starts[mentor] {
                        (&mut from_start[mentor], true)
                    } else {
                        (&mut before_start[mentor], false)
                    };
                    if ties.len() < room {
                        ties.push(row);
                    }
                    if from_start[mentor].len() >= room {
                        // Later rows tie too late: only cheaper ones count.
                        under[mentor] = price;
                    } else if !after && before_start[mentor].len() >= room {
                        // Ties before the start are enough until it.
                        under[mentor] = price;
                        waiting.push(Reverse((starts[mentor], mentor)));
                    }
                }
            }
        }
        (below, from_start, before_start)
    });
    let mut picked = Vec::new();
    let mut from_start: Vec<Vec<usize>> = vec![Vec::new(); mentors];
    let mut before_start: Vec<Vec<usize>> = vec![Vec::new(); mentors];
    for (below, after, before) in parts {
        picked.extend(below);
        for (all, some) in from_start.iter_mut().zip(after) {
            all.extend(some);
        }
        for (all, some) in before_start.iter_mut().zip(before) {
            all.extend(some);
        }
    }
    for (mentor, (after, before)) in from_start.into_iter().zip(before_start).enumerate() {
        picked.extend(
            after
                .into_iter()
                .chain(before)
                .take(rooms[mentor])
                .map(|row| (row, mentor, costs[row * mentors + mentor])),
        );
    }
    picked
}

/// A bit per price under its limit (at most 64 of each), the first price's
/// the lowest bit. A full stretch is compared as one block of 64, which the
/// compiler turns into vector compares and a mask.
pub(super) fn under_mask(prices: &[u8], limits: &[u8]) -> u64 {
    if let (Ok(prices), Ok(limits)) = (<&[u8; 64]>::try_from(prices), <&[u8; 64]>::try_from(limits))
    {
        // 16 at a time: the form the compiler turns into one compare and
        // one byte mask per block.
        let mut mask = 0_u64;
        for (block, (prices, limits)) in prices
            .chunks_exact(16)
            .zip(limits.chunks_exact(16))
            .enumerate()
        {
            let mut bits = 0_u16;
            for (bit, (price, limit)) in prices.iter().zip(limits).enumerate() {
                bits |= u16::from(price < limit) << bit;
            }
            mask |= u64::from(bits) << (16 * block);
        }
        return mask;
    }
    prices
        .iter()
        .zip(limits)
        .enumerate()
        .fold(0, |mask, (bit, (price, limit))| {
            mask | u64::from(price < limit) << bit
        })
}

#[cfg(test)]
mod tests {
    use super::super::tests::random_costs;
    use super::*;

    /// Each mentor's best rows, with few distinct prices (ties at every
    /// threshold, so that ties before a mentor's start fill up and wait for
    /// it): the same as sorting each column by price, then by place in the
    /// order from the mentor's start.
    #[test]
    fn each_mentors_best_are_those_a_sort_gives() {
        let mut random = crate::seeded::Seeded(5);
        for round in 0..200 {
            let mentors = 1 + random.below(150) as usize;
            let rows = random.below(300) as usize;
            let spread = 1 + random.below(if round % 2 == 0 { 3 } else { 101 });
            let costs = random_costs(&mut random, rows * mentors, 20, spread);
            let wanted: Vec<u32> = (0..mentors).map(|_| random.below(40) as u32).collect();
            let mut counts = MentorCounts::new(&wanted);
            for line in costs.chunks(mentors) {
                counts.row(line);
            }
            let thresholds = MentorCounts::thresholds(&[counts]);
            let mut found = best_rows_per_mentor(false, &costs, &thresholds, &wanted);
            found.sort_unstable();
            let mut expected = Vec::new();
            for mentor in 0..mentors {
                let start = (tie_break(0, mentor) as usize) % rows.max(1);
                let mut column: Vec<(u8, usize, usize)> = (0..rows)
                    .map(|row| {
                        (
                            costs[row * mentors + mentor],
                            (row + rows - start) % rows,
                            row,
                        )
                    })
                    .filter(|(price, _, _)| *price != UNAVAILABLE)
                    .collect();
                column.sort_unstable();
                column.truncate(wanted[mentor] as usize);
                expected.extend(
                    column
                        .into_iter()
                        .map(|(price, _, row)| (row, mentor, price)),
                );
            }
            expected.sort_unstable();
            assert_eq!(found, expected, "round {round}");
        }
    }

    /// The mask has a bit for each price under its limit, full stretches of
    /// 64 and shorter ones alike.
    #[test]
    fn the_mask_marks_the_prices_under_their_limits() {
        let mut random = crate::seeded::Seeded(6);
        for round in 0..500 {
            let length = random.below(65) as usize;
            let prices: Vec<u8> = (0..length).map(|_| random.below(256) as u8).collect();
            let limits: Vec<u8> = (0..length).map(|_| random.below(256) as u8).collect();
            let expected = (0..length)
                .filter(|index| prices[*index] < limits[*index])
                .fold(0_u64, |mask, index| mask | 1 << index);
            assert_eq!(under_mask(&prices, &limits), expected, "round {round}");
        }
    }
}
