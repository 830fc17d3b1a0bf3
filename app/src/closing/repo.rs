//! SQL of concluding a cohort.
use sqlx::{SqliteConnection, SqlitePool};

use super::OpenPair;
use crate::pairs::PairStatus;

#[derive(sqlx::FromRow)]
struct OpenPairRow {
    id: i64,
    mentee_name: String,
    mentor_name: String,
    status: String,
}

/// The cohort's proposed and active pairs, by mentee name.
pub async fn open_pairs(
    connection: &mut SqliteConnection,
    cohort_id: i64,
) -> Result<Vec<OpenPair>, sqlx::Error> {
    let rows: Vec<OpenPairRow> = sqlx::query_as(
        "SELECT p.id, ea.display_name AS mentee_name, ra.display_name AS mentor_name, p.status \
         FROM pairs p \
         JOIN profiles e ON e.id = p.mentee_profile_id JOIN accounts ea ON ea.id = e.account_id \
         JOIN profiles r ON r.id = p.mentor_profile_id JOIN accounts ra ON ra.id = r.account_id \
         WHERE p.cohort_id = ? AND p.status IN ('proposed', 'active') \
         ORDER BY ea.display_name, p.id",
    )
    .bind(cohort_id)
    .fetch_all(&mut *connection)
    .await?;
    rows.into_iter()
        .map(|row| {
            // A status this version does not know is an error, never a guess.
            let status: PairStatus = crate::stored::decode("pairs", "status", &row.status)?;
            Ok(OpenPair {
                id: row.id,
                mentee_name: row.mentee_name,
                mentor_name: row.mentor_name,
                status,
            })
        })
        .collect()
}

pub async fn has_draft(pool: &SqlitePool, cohort_id: i64) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM matching_drafts WHERE cohort_id = ?)")
        .bind(cohort_id)
        .fetch_one(pool)
        .await
}

/// What concluding changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Concluded {
    pub completed: u64,
    pub withdrawn: u64,
}

/// Concludes the cohort in the caller's transaction: closed for good, its
/// active pairs completed, its proposals withdrawn, its draft discarded.
/// `None` when it was already concluded (nothing is changed).
pub async fn conclude(
    connection: &mut SqliteConnection,
    cohort_id: i64,
    by: i64,
    now: &str,
) -> Result<Option<Concluded>, sqlx::Error> {
    let closed = sqlx::query(
        "UPDATE cohorts SET is_open = 0, closed_at = ?, closed_by = ? \
         WHERE id = ? AND closed_at IS NULL",
    )
    .bind(now)
    .bind(by)
    .bind(cohort_id)
    .execute(&mut *connection)
    .await?;
    if closed.rows_affected() == 0 {
        return Ok(None);
    }
    let close = |from: PairStatus, to: PairStatus| {
        sqlx::query(
            "UPDATE pairs SET status = ?, closed_at = ?, closed_by = ? \
             WHERE cohort_id = ? AND status = ?",
        )
        .bind(to.as_str())
        .bind(now)
        .bind(by)
        .bind(cohort_id)
        .bind(from.as_str())
    };
    let completed = close(PairStatus::Active, PairStatus::Completed)
        .execute(&mut *connection)
        .await?
        .rows_affected();
    let withdrawn = close(PairStatus::Proposed, PairStatus::Withdrawn)
        .execute(&mut *connection)
        .await?
        .rows_affected();
    sqlx::query("DELETE FROM matching_drafts WHERE cohort_id = ?")
        .bind(cohort_id)
        .execute(&mut *connection)
        .await?;
    Ok(Some(Concluded {
        completed,
        withdrawn,
    }))
}
