//! One mentee's mentors, best first, each with the score broken into its parts:
//! what the board shows when the coordinator selects a mentee.
use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::model::{Breakdown, Cohort, InputError, Obstacle};
use crate::score::breakdown;
use crate::solve::obstacle;

/// A mentor for this mentee: the breakdown, the free places left, and what
/// stops the pair if something does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub mentor: String,
    pub breakdown: Breakdown,
    pub free: u32,
    pub obstacle: Option<Obstacle>,
}

impl Suggestion {
    /// A pair the coordinator can propose now: allowed, and a place is free.
    pub fn available(&self) -> bool {
        self.obstacle.is_none() && self.free > 0
    }
}

/// Every mentor of the cohort for this mentee: available ones first, then the
/// full ones, then those an obstacle excludes; by score within each, then in
/// the cohort's order.
pub fn ranked(cohort: &Cohort, mentee_id: &str) -> Result<Vec<Suggestion>, InputError> {
    let mentee = cohort
        .mentees
        .iter()
        .find(|mentee| mentee.id == mentee_id)
        .ok_or_else(|| InputError::UnknownId {
            id: mentee_id.to_owned(),
        })?;
    let mut locked: HashMap<&str, u32> = HashMap::new();
    for pair in &cohort.locked {
        let count = locked.entry(pair.mentor.as_str()).or_default();
        *count = count.saturating_add(1);
    }
    // This mentee's forbidden mentors, read once: a cohort can forbid many
    // pairs (checking them all for every mentor took 40 ms at 5,000 × 1,000).
    let forbidden: HashSet<&str> = cohort
        .forbidden
        .iter()
        .filter(|pair| pair.mentee == mentee.id)
        .map(|pair| pair.mentor.as_str())
        .collect();
    let mut suggestions: Vec<(usize, Suggestion)> = cohort
        .mentors
        .iter()
        .enumerate()
        .map(|(position, mentor)| {
            let breakdown = breakdown(mentee, mentor, &cohort.weights);
            let is_forbidden = forbidden.contains(mentor.id.as_str());
            let obstacle = obstacle(mentee, mentor, cohort, is_forbidden, || breakdown.score);
            // In 64 bits, as `solve` counts them: a load near `u32::MAX` must
            // not wrap around to free places.
            let used = u64::from(mentor.load)
                + u64::from(locked.get(mentor.id.as_str()).copied().unwrap_or(0));
            let free = u64::from(mentor.capacity).saturating_sub(used);
            (
                position,
                Suggestion {
                    mentor: mentor.id.clone(),
                    free: u32::try_from(free).unwrap_or(0),
                    breakdown,
                    obstacle,
                },
            )
        })
        .collect();
    suggestions.sort_by_key(|(position, suggestion)| {
        let group = match (suggestion.obstacle, suggestion.free) {
            (None, free) if free > 0 => 0,
            (None, _) => 1,
            (Some(_), _) => 2,
        };
        (group, Reverse(suggestion.breakdown.score), *position)
    });
    Ok(suggestions
        .into_iter()
        .map(|(_, suggestion)| suggestion)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic::{family_cohort, Family};

    /// Forbidden pairs are this mentee's only: other mentees' pairs with the
    /// same mentors, and this mentee's with others, change nothing else.
    #[test]
    fn a_forbidden_pair_excludes_that_mentor_for_that_mentee_only() {
        let cohort = family_cohort(Family::Infeasible, 40, 12, 3);
        assert!(
            !cohort.forbidden.is_empty(),
            "a cohort with forbidden pairs"
        );
        for mentee in &cohort.mentees {
            let ranked = ranked(&cohort, &mentee.id).expect("a mentee of the cohort");
            assert_eq!(ranked.len(), cohort.mentors.len());
            for suggestion in &ranked {
                let mentor = cohort
                    .mentors
                    .iter()
                    .find(|mentor| mentor.id == suggestion.mentor)
                    .expect("a mentor of the cohort");
                let is_forbidden = cohort
                    .forbidden
                    .iter()
                    .any(|pair| pair.mentee == mentee.id && pair.mentor == mentor.id);
                let expected = obstacle(mentee, mentor, &cohort, is_forbidden, || {
                    suggestion.breakdown.score
                });
                assert_eq!(
                    suggestion.obstacle, expected,
                    "{} with {}",
                    mentee.id, mentor.id
                );
            }
        }
    }
}
