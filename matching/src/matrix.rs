//! The cohort as the usual open-source formulation sees it: a score matrix of
//! the mentees to place against the mentors' free places, infeasible pairs
//! marked. The benchmark hands it to `scipy.optimize.linear_sum_assignment`
//! (mentors repeated by capacity) to check the engine against another solver.
use crate::model::{Cohort, InputError};
use crate::solve::Plan;

/// Marks a pair that may not be made.
pub const EXCLUDED: u8 = u8::MAX;

pub struct ScoreMatrix {
    /// Free places of each mentor (columns), for this run.
    pub free: Vec<u32>,
    /// The mentees to place (rows), by their index in the cohort.
    pub rows: Vec<usize>,
    /// Row-major scores, `EXCLUDED` where the pair may not be made.
    pub scores: Vec<u8>,
    /// Mentees locked with a mentor, and the total score of those pairs.
    pub locked: usize,
    pub locked_total: u64,
}

impl ScoreMatrix {
    pub fn new(cohort: &Cohort) -> Result<ScoreMatrix, InputError> {
        let plan = Plan::new(cohort)?;
        let rows: Vec<usize> = (0..cohort.mentees.len())
            .filter(|mentee| !plan.locked.contains_key(mentee))
            .collect();
        let mut scores = Vec::with_capacity(rows.len() * cohort.mentors.len());
        for &mentee in &rows {
            for mentor in 0..cohort.mentors.len() {
                scores.push(match plan.obstacle(mentee, mentor) {
                    None => plan.compiled.score(mentee, mentor).min(100) as u8,
                    Some(_) => EXCLUDED,
                });
            }
        }
        Ok(ScoreMatrix {
            free: plan.free.clone(),
            rows,
            scores,
            locked: plan.locked.len(),
            locked_total: plan
                .locked
                .iter()
                .map(|(mentee, mentor)| u64::from(plan.compiled.score(*mentee, *mentor)))
                .sum(),
        })
    }

    /// Little-endian: row count, column count, locked count, locked total (u64),
    /// each column's free places, then the scores row by row.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(24 + 4 * self.free.len() + self.scores.len());
        bytes.extend((self.rows.len() as u32).to_le_bytes());
        bytes.extend((self.free.len() as u32).to_le_bytes());
        bytes.extend((self.locked as u32).to_le_bytes());
        bytes.extend(0_u32.to_le_bytes());
        bytes.extend(self.locked_total.to_le_bytes());
        for places in &self.free {
            bytes.extend(places.to_le_bytes());
        }
        bytes.extend(&self.scores);
        bytes
    }
}
