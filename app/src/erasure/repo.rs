//! SQL of the requests for deletion and of the register of deletions.
use sqlx::{FromRow, SqliteConnection, SqlitePool};

use super::{PendingDeletion, RegisterEntry};
use crate::accounts::Role;
use crate::error::AppError;
use crate::stored::decode;

#[derive(FromRow)]
struct PendingRow {
    id: i64,
    name: String,
    role: String,
    requested_at: String,
    open_pairs: i64,
}

/// The requests that wait, oldest first.
pub async fn pending(pool: &SqlitePool) -> Result<Vec<PendingDeletion>, AppError> {
    let rows: Vec<PendingRow> = sqlx::query_as(
        "SELECT r.id, a.display_name AS name, r.role, r.requested_at, \
                (SELECT count(*) FROM pairs p JOIN profiles pr \
                   ON pr.id IN (p.mentee_profile_id, p.mentor_profile_id) \
                 WHERE pr.account_id = a.id AND p.status IN ('proposed', 'active')) AS open_pairs \
         FROM deletion_requests r JOIN accounts a ON a.id = r.account_id \
         WHERE r.status = 'pending' ORDER BY r.requested_at, r.id",
    )
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(PendingDeletion {
                id: row.id,
                name: row.name,
                role: decode("deletion_requests", "role", &row.role)?,
                requested_at: row.requested_at,
                open_pairs: row.open_pairs,
            })
        })
        .collect()
}

#[derive(FromRow)]
struct RegisterRow {
    id: i64,
    role: String,
    cause: String,
    requested_at: String,
    erased_at: String,
    erased_by: Option<String>,
    kept: Option<String>,
    rows_changed: i64,
}

/// The register of deletions, newest first.
pub async fn register(pool: &SqlitePool) -> Result<Vec<RegisterEntry>, AppError> {
    let rows: Vec<RegisterRow> = sqlx::query_as(
        "SELECT r.id, r.role, r.cause, r.requested_at, r.decided_at AS erased_at, \
                b.display_name AS erased_by, r.kept, coalesce(r.rows_changed, 0) AS rows_changed \
         FROM deletion_requests r LEFT JOIN accounts b ON b.id = r.decided_by \
         WHERE r.status = 'erased' ORDER BY r.decided_at DESC, r.id DESC",
    )
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(RegisterEntry {
                id: row.id,
                role: decode("deletion_requests", "role", &row.role)?,
                cause: decode("deletion_requests", "cause", &row.cause)?,
                requested_at: row.requested_at,
                erased_at: row.erased_at,
                erased_by: row.erased_by,
                kept: row.kept,
                rows_changed: row.rows_changed,
            })
        })
        .collect()
}

/// The account a waiting request is about, with its role now, if it still waits.
pub async fn pending_account(
    connection: &mut SqliteConnection,
    request_id: i64,
) -> Result<Option<(i64, Role)>, AppError> {
    let row: Option<(i64, String)> = sqlx::query_as(
        "SELECT r.account_id, a.role FROM deletion_requests r \
         JOIN accounts a ON a.id = r.account_id WHERE r.id = ? AND r.status = 'pending'",
    )
    .bind(request_id)
    .fetch_optional(&mut *connection)
    .await?;
    row.map(|(account_id, role)| Ok((account_id, decode("accounts", "role", &role)?)))
        .transpose()
}

/// Writes the request's line of the register once the person is erased.
pub async fn mark_erased(
    connection: &mut SqliteConnection,
    request_id: i64,
    by: Option<i64>,
    kept: Option<&str>,
    rows_changed: u64,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE deletion_requests SET status = 'erased', decided_at = ?, decided_by = ?, \
         kept = ?, rows_changed = ? WHERE id = ?",
    )
    .bind(now)
    .bind(by)
    .bind(kept)
    .bind(i64::try_from(rows_changed).unwrap_or(i64::MAX))
    .bind(request_id)
    .execute(&mut *connection)
    .await?;
    Ok(())
}

/// The register's line of a person the retention rules erased.
pub async fn record_retention_erasure(
    connection: &mut SqliteConnection,
    account_id: i64,
    role: &str,
    rows_changed: u64,
    now: &str,
) -> Result<(), sqlx::Error> {
    // A request that waited is answered by the same erasure.
    sqlx::query(
        "UPDATE deletion_requests SET status = 'cancelled', decided_at = ? \
         WHERE account_id = ? AND status = 'pending'",
    )
    .bind(now)
    .bind(account_id)
    .execute(&mut *connection)
    .await?;
    sqlx::query(
        "INSERT INTO deletion_requests \
         (account_id, role, cause, status, requested_at, decided_at, rows_changed) \
         VALUES (?, ?, 'retention', 'erased', ?, ?, ?)",
    )
    .bind(account_id)
    .bind(role)
    .bind(now)
    .bind(now)
    .bind(i64::try_from(rows_changed).unwrap_or(i64::MAX))
    .execute(&mut *connection)
    .await?;
    Ok(())
}

/// How many requests wait.
pub async fn count_pending(pool: &SqlitePool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT count(*) FROM deletion_requests WHERE status = 'pending'")
        .fetch_one(pool)
        .await
}
