//! SQL for a person's downloads of their data: one-time links.
use chrono::{DateTime, Duration, Utc};
use sqlx::SqlitePool;

use crate::program_time::utc_text;

/// Keeps a new link's hash for `account_id`, working until `now` plus the
/// lifetime; older unused links of the account stop working.
pub async fn create_download(
    pool: &SqlitePool,
    account_id: i64,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let mut transaction = crate::write_transaction::begin_write(pool).await?;
    sqlx::query("DELETE FROM data_downloads WHERE account_id = ? AND used_at IS NULL")
        .bind(account_id)
        .execute(&mut *transaction)
        .await?;
    sqlx::query(
        "INSERT INTO data_downloads (token_hash, account_id, created_at, expires_at) \
         VALUES (?, ?, ?, ?)",
    )
    .bind(token_hash)
    .bind(account_id)
    .bind(utc_text(now))
    .bind(utc_text(now + Duration::minutes(super::DOWNLOAD_MINUTES)))
    .execute(&mut *transaction)
    .await?;
    transaction.commit().await
}

/// Uses the link: true only the first time, before it expires, for its own
/// account. The check and the use are one statement.
pub async fn use_download(
    pool: &SqlitePool,
    account_id: i64,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let now = utc_text(now);
    let result = sqlx::query(
        "UPDATE data_downloads SET used_at = ?1 \
         WHERE token_hash = ?2 AND account_id = ?3 AND used_at IS NULL AND expires_at > ?1",
    )
    .bind(&now)
    .bind(token_hash)
    .bind(account_id)
    .execute(pool)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// When the account's request for deletion was made, if one waits.
pub async fn pending_deletion(
    pool: &SqlitePool,
    account_id: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT requested_at FROM deletion_requests WHERE account_id = ? AND status = 'pending'",
    )
    .bind(account_id)
    .fetch_optional(pool)
    .await
}

/// Records the account's request for deletion; false when one already waits.
pub async fn ask_deletion(
    pool: &SqlitePool,
    account_id: i64,
    role: &str,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "INSERT INTO deletion_requests (account_id, role, cause, status, requested_at) \
         VALUES (?, ?, 'request', 'pending', ?) \
         ON CONFLICT (account_id) WHERE status = 'pending' DO NOTHING",
    )
    .bind(account_id)
    .bind(role)
    .bind(utc_text(now))
    .execute(pool)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Takes back the account's waiting request; false when none waited.
pub async fn cancel_deletion(
    pool: &SqlitePool,
    account_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "UPDATE deletion_requests SET status = 'cancelled', decided_at = ?, decided_by = ? \
         WHERE account_id = ? AND status = 'pending'",
    )
    .bind(utc_text(now))
    .bind(account_id)
    .bind(account_id)
    .execute(pool)
    .await?;
    Ok(result.rows_affected() == 1)
}
