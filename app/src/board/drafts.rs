//! A cohort's optimal draft, kept on the server until the coordinator accepts
//! or discards it (matching a cohort takes several sittings). What is kept is
//! the engine's answer in profile ids; names and explanations are read from
//! the cohort as it stands when the board is drawn, a page of pairs at a time.
//! A draft computed before a change the board reads (or on another day) is
//! computed again before it is shown.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;

use super::repo::CohortPeople;
use super::{DraftPair, DraftUnmatched, DraftView};
use crate::error::AppError;

/// The engine's draft for a cohort, as kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredDraft {
    pub matched: usize,
    pub total_score: u64,
    /// Every pair (mentee, mentor profile ids), in the engine's order.
    pub pairs: Vec<(i64, i64)>,
    /// The first `UNMATCHED_SHOWN` mentees left without a mentor, with why.
    pub unmatched: Vec<(i64, matching::UnmatchedReason)>,
    pub unmatched_count: usize,
    /// Open pairs (proposed or active) the draft keeps as they are.
    pub already_open: usize,
}

impl StoredDraft {
    /// What the engine answered for `people`, the unmatched cut to those named.
    pub fn of(assignment: matching::Assignment, people: &CohortPeople) -> StoredDraft {
        let id = |text: &str| text.parse::<i64>().unwrap_or_default();
        let unmatched_count = assignment.unmatched.len();
        StoredDraft {
            matched: assignment.matched,
            total_score: assignment.total_score,
            pairs: assignment
                .pairs
                .iter()
                .map(|pair| (id(&pair.mentee), id(&pair.mentor)))
                .collect(),
            unmatched: assignment
                .unmatched
                .into_iter()
                .take(super::UNMATCHED_SHOWN)
                .map(|unmatched| (id(&unmatched.mentee), unmatched.reason))
                .collect(),
            unmatched_count,
            already_open: people.paired.len(),
        }
    }

    /// The draft as the board shows it: the first `shown` pairs named and
    /// explained (at least a page, at most all), every pair's key.
    pub fn view(&self, cohort: &str, people: &CohortPeople, shown: usize) -> DraftView {
        let names = people.names();
        let name = |id: i64| names.get(&id).map(|name| (*name).to_owned());
        let shown = shown.clamp(super::PAGE_SIZE, self.pairs.len().max(super::PAGE_SIZE));
        let explained = people.draft_pairs(&self.pairs[..shown.min(self.pairs.len())]);
        DraftView {
            cohort: cohort.to_owned(),
            matched: self.matched,
            total_score: self.total_score,
            pairs: explained,
            keys: self
                .pairs
                .iter()
                .map(|&(mentee, mentor)| super::pair_key(mentee, mentor))
                .collect(),
            unmatched: self
                .unmatched
                .iter()
                .map(|(mentee, reason)| DraftUnmatched {
                    mentee_profile_id: *mentee,
                    mentee_name: name(*mentee).unwrap_or_default(),
                    reason: reason.clone(),
                })
                .collect(),
            unmatched_count: self.unmatched_count,
            already_open: self.already_open,
            ends: self
                .pairs
                .iter()
                .filter(|(mentee, _)| people.ends_a_pair(*mentee).is_some())
                .count(),
            previews: people.email_previews(&self.pairs),
            settings: people.settings,
        }
    }
}

impl StoredDraft {
    /// As the `draft` column keeps it.
    fn as_json(&self) -> Result<String, AppError> {
        serde_json::to_string(self)
            .map_err(|error| AppError::internal(format!("a draft as JSON: {error}")))
    }
}

/// Runs the engine on the cohort, off the threads that serve requests (up to
/// a tenth of a second on both cores at 5,000 × 1,000).
pub async fn solve(people: &CohortPeople) -> Result<StoredDraft, AppError> {
    let engine = people.engine_cohort(None);
    let (mentees, mentors) = (engine.mentees.len(), engine.mentors.len());
    let started = std::time::Instant::now();
    let solved = tokio::task::spawn_blocking(move || matching::solve(&engine))
        .await
        .map_err(|error| AppError::internal(format!("the engine stopped: {error}")))?;
    let assignment = solved
        .map_err(|error| AppError::internal(format!("the engine refused its input: {error:?}")))?;
    tracing::info!(
        mentees,
        mentors,
        matched = assignment.matched,
        elapsed_ms = started.elapsed().as_millis() as u64,
        "optimal matching"
    );
    Ok(StoredDraft::of(assignment, people))
}

/// The kept draft of a cohort, with the board generation and day it was
/// computed for.
pub struct KeptDraft {
    pub generation: i64,
    pub computed_on: NaiveDate,
    pub draft: StoredDraft,
}

impl KeptDraft {
    /// Whether it was computed for the board as it stands now.
    pub fn is_current(&self, generation: i64, today: NaiveDate) -> bool {
        self.generation == generation && self.computed_on == today
    }
}

/// Keeps the cohort's draft, run by `run_by` (replacing the one kept).
pub async fn keep(
    pool: &SqlitePool,
    cohort_id: i64,
    kept: &KeptDraft,
    run_by: i64,
    now: &str,
) -> Result<(), AppError> {
    let json = kept.draft.as_json()?;
    sqlx::query(
        "INSERT INTO matching_drafts (cohort_id, generation, computed_on, draft, run_by, run_at) \
         VALUES (?, ?, ?, ?, ?, ?) \
         ON CONFLICT (cohort_id) DO UPDATE SET generation = excluded.generation, \
             computed_on = excluded.computed_on, draft = excluded.draft, \
             run_by = excluded.run_by, run_at = excluded.run_at",
    )
    .bind(cohort_id)
    .bind(kept.generation)
    .bind(kept.computed_on.to_string())
    .bind(json)
    .bind(run_by)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(())
}

/// Replaces the kept draft `was` with `fresh`, if it is still kept as it was.
async fn refresh(
    pool: &SqlitePool,
    cohort_id: i64,
    was: &KeptDraft,
    fresh: &KeptDraft,
) -> Result<(), AppError> {
    let json = fresh.draft.as_json()?;
    sqlx::query(
        "UPDATE matching_drafts SET generation = ?, computed_on = ?, draft = ? \
         WHERE cohort_id = ? AND generation = ? AND computed_on = ?",
    )
    .bind(fresh.generation)
    .bind(fresh.computed_on.to_string())
    .bind(json)
    .bind(cohort_id)
    .bind(was.generation)
    .bind(was.computed_on.to_string())
    .execute(pool)
    .await?;
    Ok(())
}

/// The cohort's kept draft, if there is one.
pub async fn kept(pool: &SqlitePool, cohort_id: i64) -> Result<Option<KeptDraft>, AppError> {
    let row: Option<(i64, String, String)> = sqlx::query_as(
        "SELECT generation, computed_on, draft FROM matching_drafts WHERE cohort_id = ?",
    )
    .bind(cohort_id)
    .fetch_optional(pool)
    .await?;
    let Some((generation, computed_on, json)) = row else {
        return Ok(None);
    };
    // A draft that no longer reads (kept by an older version) is forgotten:
    // the coordinator runs the matching again.
    let (Ok(computed_on), Ok(draft)) = (
        computed_on.parse::<NaiveDate>(),
        serde_json::from_str::<StoredDraft>(&json),
    ) else {
        tracing::warn!(cohort_id, "a kept draft could not be read; forgotten");
        forget(pool, cohort_id).await?;
        return Ok(None);
    };
    Ok(Some(KeptDraft {
        generation,
        computed_on,
        draft,
    }))
}

/// Forgets the cohort's draft (accepted or discarded). Answers whether there was one.
pub async fn forget(pool: &SqlitePool, cohort_id: i64) -> Result<bool, AppError> {
    let done = sqlx::query("DELETE FROM matching_drafts WHERE cohort_id = ?")
        .bind(cohort_id)
        .execute(pool)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// The cohort's kept draft as it stands now: computed again first when the
/// board changed since (the new one is kept). `None` when none is kept, or
/// when the engine refuses the board as it stands (the draft is forgotten).
pub async fn current(
    pool: &SqlitePool,
    cohort_id: i64,
    people: &CohortPeople,
    generation: i64,
    today: NaiveDate,
) -> Result<Option<StoredDraft>, AppError> {
    let Some(kept_draft) = kept(pool, cohort_id).await? else {
        return Ok(None);
    };
    if kept_draft.is_current(generation, today) {
        return Ok(Some(kept_draft.draft));
    }
    // A board the engine refuses (the board filters what it could not take,
    // so none is known): the draft is forgotten rather than the board left
    // unusable; `solve` logged why.
    let Ok(draft) = solve(people).await else {
        tracing::warn!(
            cohort_id,
            "a kept draft could not be computed again; forgotten"
        );
        forget(pool, cohort_id).await?;
        return Ok(None);
    };
    let fresh = KeptDraft {
        generation,
        computed_on: today,
        draft,
    };
    // Only the draft that was read is replaced: one accepted or discarded
    // meanwhile (another tab) does not come back.
    refresh(pool, cohort_id, &kept_draft, &fresh).await?;
    Ok(Some(fresh.draft))
}

impl CohortPeople {
    /// The proposal emails of a draft as their recipients will read them:
    /// the first pair's two, then the first recipient in each language not
    /// shown yet.
    pub fn email_previews(&self, pairs: &[(i64, i64)]) -> Vec<super::EmailPreview> {
        use super::repo::Person;

        let people: std::collections::HashMap<i64, &Person> = self
            .mentees
            .iter()
            .chain(self.mentors.iter())
            .map(|person| (person.profile_id, person))
            .collect();
        let mut previews: Vec<super::EmailPreview> = Vec::new();
        let mut shown: Vec<&str> = Vec::new();
        // The first pairs are enough to find both languages when both are there.
        for (index, (mentee_id, mentor_id)) in pairs.iter().take(super::UNMATCHED_SHOWN).enumerate()
        {
            let (Some(mentee), Some(mentor)) = (people.get(mentee_id), people.get(mentor_id))
            else {
                continue;
            };
            let wanted: Vec<(&Person, &Person)> = [(*mentee, *mentor), (*mentor, *mentee)]
                .into_iter()
                .filter(|(to, _)| index == 0 || !shown.contains(&to.locale.as_str()))
                .collect();
            if wanted.is_empty() {
                continue;
            }
            let score = matching::breakdown(
                &super::repo::engine_mentee(mentee),
                &self.engine_mentor(mentor),
                &self.settings.weights,
            )
            .score;
            for (to, partner) in wanted {
                if index > 0 && shown.contains(&to.locale.as_str()) {
                    continue;
                }
                shown.push(to.locale.as_str());
                let composed = crate::outbox::compose::pair_proposed(
                    &to.locale,
                    &to.name,
                    &partner.name,
                    score,
                );
                previews.push(super::EmailPreview {
                    recipient: to.name.clone(),
                    locale: to.locale.clone(),
                    subject: composed.subject,
                    body: composed.body,
                });
            }
            if shown.contains(&"fr") && shown.contains(&"en") {
                break;
            }
        }
        previews
    }

    /// Pairs of a draft, named and explained as they stand now; a pair whose
    /// people left the cohort since is left out.
    pub fn draft_pairs(&self, pairs: &[(i64, i64)]) -> Vec<DraftPair> {
        pairs
            .iter()
            .filter_map(|&(mentee, mentor)| self.draft_pair(mentee, mentor))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_draft_is_current_only_for_the_same_board_and_day() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default();
        let kept = KeptDraft {
            generation: 7,
            computed_on: day,
            draft: StoredDraft::default(),
        };
        assert!(kept.is_current(7, day));
        assert!(!kept.is_current(8, day), "the board changed since");
        assert!(
            !kept.is_current(7, day.succ_opt().unwrap_or_default()),
            "a day passed (pauses end)"
        );
    }
}
