//! All the pairs of a cohort in one table: proposed, active, ended, declined
//! and withdrawn, searchable by name, filtered by status, one page at a time.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::catalog::Cohort;
use crate::error::AppError;
use crate::feedback::FitAnswer;
use crate::pairs::{PairStatus, Side};

/// Rows per page.
pub const PAIRS_PER_PAGE: i64 = 25;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairSummary {
    pub id: i64,
    pub mentee_name: String,
    pub mentor_name: String,
    pub mentee_profile_id: i64,
    pub mentor_profile_id: i64,
    pub status: PairStatus,
    /// Days since it was proposed.
    pub age_days: i64,
    /// Who has not answered (a proposal).
    pub waiting_on: Vec<Side>,
    /// Program time of the latest thing that happened in the pair.
    pub last_activity: String,
    pub meetings_held: i64,
    pub progress: Option<u8>,
    pub fit_mentor: Option<FitAnswer>,
    pub fit_mentee: Option<FitAnswer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairsTable {
    pub cohorts: Vec<Cohort>,
    pub cohort: Option<Cohort>,
    pub rows: Vec<PairSummary>,
    /// Pairs matching the search and filter (all pages).
    pub total: i64,
    pub page: i64,
    pub pages: i64,
}

/// One page of a cohort's pairs, searched by a person's name and filtered by status.
#[server(endpoint = "list_cohort_pairs")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn list_cohort_pairs(
    cohort: Option<String>,
    q: Option<String>,
    status: Option<String>,
    page: Option<i64>,
) -> Result<PairsTable, AppError> {
    use crate::accounts::{session::authorize_role, Role};
    use crate::program_time::program_today;
    use crate::server_context::pool;

    authorize_role(Role::Coordinator).await?;
    let pool = pool()?;
    let (cohorts, chosen) = super::api::chosen_cohort(&pool, cohort).await?;
    let Some((cohort_id, cohort)) = chosen else {
        return Ok(PairsTable {
            cohorts,
            cohort: None,
            rows: Vec::new(),
            total: 0,
            page: 1,
            pages: 1,
        });
    };
    let status = match status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(text) => Some(PairStatus::parse(text).ok_or(AppError::InvalidInput {
            field: "status".into(),
            problem: crate::error::InputProblem::InvalidChoice,
        })?),
        None => None,
    };
    let needle = q.unwrap_or_default().trim().to_lowercase();
    let (total, rows) = repo::page_of_pairs(
        &pool,
        cohort_id,
        status,
        &needle,
        page.unwrap_or(1),
        program_today(),
    )
    .await?;
    let pages = ((total + PAIRS_PER_PAGE - 1) / PAIRS_PER_PAGE).max(1);
    Ok(PairsTable {
        cohorts,
        cohort: Some(cohort),
        rows,
        total,
        page: page.unwrap_or(1).clamp(1, pages),
        pages,
    })
}

#[cfg(feature = "ssr")]
pub mod repo {
    use chrono::NaiveDate;
    use sqlx::SqlitePool;

    use super::{PairSummary, PAIRS_PER_PAGE};
    use crate::feedback::FitAnswer;
    use crate::pairs::{Answer, PairStatus, Side};
    use crate::program_time::program_date;
    use crate::program_time::program_time;

    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        mentee_name: String,
        mentor_name: String,
        mentee_profile_id: i64,
        mentor_profile_id: i64,
        status: String,
        proposed_at: String,
        mentee_answer: Option<String>,
        mentor_answer: Option<String>,
        last_activity: String,
        meetings_held: i64,
        fit_mentor: Option<String>,
        fit_mentee: Option<String>,
    }

    /// The pairs matching, and one page of them (status order, then newest first).
    pub async fn page_of_pairs(
        pool: &SqlitePool,
        cohort_id: i64,
        status: Option<PairStatus>,
        needle: &str,
        page: i64,
        today: NaiveDate,
    ) -> Result<(i64, Vec<PairSummary>), sqlx::Error> {
        let status = status.map(PairStatus::as_str).unwrap_or_default();
        // `instr` on lowered names: a plain substring search, no LIKE wildcards to escape.
        let filter = " FROM pairs p \
             JOIN profiles e ON e.id = p.mentee_profile_id JOIN accounts ea ON ea.id = e.account_id \
             JOIN profiles r ON r.id = p.mentor_profile_id JOIN accounts ra ON ra.id = r.account_id \
             WHERE p.cohort_id = ? AND (? = '' OR p.status = ?) \
               AND (? = '' OR instr(lower(ea.display_name), ?) > 0 \
                    OR instr(lower(ra.display_name), ?) > 0)";
        let total: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*){filter}"))
            .bind(cohort_id)
            .bind(status)
            .bind(status)
            .bind(needle)
            .bind(needle)
            .bind(needle)
            .fetch_one(pool)
            .await?;
        let pages = ((total + PAIRS_PER_PAGE - 1) / PAIRS_PER_PAGE).max(1);
        let offset = (page.clamp(1, pages) - 1) * PAIRS_PER_PAGE;
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "SELECT p.id, ea.display_name AS mentee_name, ra.display_name AS mentor_name, \
                    p.mentee_profile_id, p.mentor_profile_id, p.status, p.proposed_at, \
                    p.mentee_answer, p.mentor_answer, \
                    MAX(p.proposed_at, COALESCE(p.activated_at, ''), COALESCE(p.closed_at, ''), \
                        COALESCE((SELECT MAX(updated_at) FROM goals WHERE pair_id = p.id), ''), \
                        COALESCE((SELECT MAX(updated_at) FROM meetings WHERE pair_id = p.id), ''), \
                        COALESCE((SELECT MAX(created_at) FROM feedback WHERE pair_id = p.id), '')) \
                        AS last_activity, \
                    (SELECT COUNT(*) FROM meetings WHERE pair_id = p.id AND status = 'held') \
                        AS meetings_held, \
                    (SELECT answer FROM fit_checks WHERE pair_id = p.id AND side = 'mentor') \
                        AS fit_mentor, \
                    (SELECT answer FROM fit_checks WHERE pair_id = p.id AND side = 'mentee') \
                        AS fit_mentee \
             {filter} \
             ORDER BY CASE p.status WHEN 'proposed' THEN 0 WHEN 'active' THEN 1 \
                      WHEN 'completed' THEN 2 WHEN 'ended' THEN 3 ELSE 4 END, p.proposed_at DESC, p.id DESC \
             LIMIT ? OFFSET ?"
        ))
        .bind(cohort_id)
        .bind(status)
        .bind(status)
        .bind(needle)
        .bind(needle)
        .bind(needle)
        .bind(PAIRS_PER_PAGE)
        .bind(offset)
        .fetch_all(pool)
        .await?;
        let mut summaries = Vec::with_capacity(rows.len());
        for row in rows {
            if let Some(summary) = summary(pool, row, today).await? {
                summaries.push(summary);
            }
        }
        Ok((total, summaries))
    }

    /// A row as the table shows it, with the pair's goals' progress (none for
    /// a status this version does not know).
    async fn summary(
        pool: &SqlitePool,
        row: Row,
        today: NaiveDate,
    ) -> Result<Option<PairSummary>, sqlx::Error> {
        let Some(status) = PairStatus::parse(&row.status) else {
            return Ok(None);
        };
        let goals = crate::goals::repo::goals_of_pair(pool, row.id, today).await?;
        let waiting_on = if status == PairStatus::Proposed {
            waiting_on(&row)
        } else {
            Vec::new()
        };
        Ok(Some(PairSummary {
            id: row.id,
            mentee_name: row.mentee_name,
            mentor_name: row.mentor_name,
            mentee_profile_id: row.mentee_profile_id,
            mentor_profile_id: row.mentor_profile_id,
            status,
            age_days: program_date(&row.proposed_at)
                .map_or(0, |proposed| (today - proposed).num_days()),
            waiting_on,
            last_activity: program_time(&row.last_activity),
            meetings_held: row.meetings_held,
            progress: crate::goals::overall_progress(&goals),
            fit_mentor: row.fit_mentor.as_deref().and_then(FitAnswer::parse),
            fit_mentee: row.fit_mentee.as_deref().and_then(FitAnswer::parse),
        }))
    }

    /// Who has not answered a proposal yet, mentee first.
    fn waiting_on(row: &Row) -> Vec<Side> {
        let mut waiting_on = Vec::new();
        if row
            .mentee_answer
            .as_deref()
            .and_then(Answer::parse)
            .is_none()
        {
            waiting_on.push(Side::Mentee);
        }
        if row
            .mentor_answer
            .as_deref()
            .and_then(Answer::parse)
            .is_none()
        {
            waiting_on.push(Side::Mentor);
        }
        waiting_on
    }
}
