//! A cohort's people as the board loaded them, kept in memory until something
//! the board reads changes. The database says when: triggers move the
//! `board` change counter on every such write (profiles and their lists,
//! accounts' names, pairs, locks and exclusions, settings, the taxonomy),
//! and a day's change matters too (pauses end). Each request reads the
//! counter (one row) instead of reloading thousands of profiles.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use sqlx::SqlitePool;

use super::repo::{self, CohortPeople};

/// The loaded cohorts of one server (one database), shared by its requests.
#[derive(Clone, Default)]
pub struct BoardCache {
    entries: Arc<Mutex<HashMap<i64, Entry>>>,
}

struct Entry {
    generation: i64,
    today: NaiveDate,
    people: Arc<CohortPeople>,
}

impl BoardCache {
    /// The cohort's people as of now, with the board's generation they stand
    /// for: kept ones when nothing changed since they were loaded, else
    /// loaded again (and kept).
    pub async fn people(
        &self,
        pool: &SqlitePool,
        cohort_id: i64,
        today: NaiveDate,
    ) -> Result<(i64, Arc<CohortPeople>), sqlx::Error> {
        // Read before loading: a change made while loading leaves the entry
        // one generation behind, so the next request loads again.
        let generation = repo::board_generation(pool).await?;
        if let Some(people) = self.kept(cohort_id, generation, today) {
            return Ok((generation, people));
        }
        let people = Arc::new(repo::load(pool, cohort_id, today).await?);
        if let Ok(mut entries) = self.entries.lock() {
            entries.insert(
                cohort_id,
                Entry {
                    generation,
                    today,
                    people: people.clone(),
                },
            );
        }
        Ok((generation, people))
    }

    fn kept(&self, cohort_id: i64, generation: i64, today: NaiveDate) -> Option<Arc<CohortPeople>> {
        let entries = self.entries.lock().ok()?;
        entries
            .get(&cohort_id)
            .filter(|entry| entry.generation == generation && entry.today == today)
            .map(|entry| entry.people.clone())
    }
}
