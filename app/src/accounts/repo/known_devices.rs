//! SQL for known devices: the hashes of the tokens browsers keep after a
//! sign-in, so that the account-wide slowdown spares its owner.
#[allow(unused_imports)]
use super::*;

/// Whether `token_hash` is a device the account of `email` signed in from.
pub async fn is_known_device(
    pool: &SqlitePool,
    email: &str,
    token_hash: &str,
) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM known_devices d JOIN accounts a ON a.id = d.account_id \
         WHERE d.token_hash = ? AND a.email = ? COLLATE NOCASE)",
    )
    .bind(token_hash)
    .bind(email)
    .fetch_one(pool)
    .await
}

/// Marks the device used now; `false` when it is not one of the account's.
pub async fn touch_device(
    pool: &SqlitePool,
    account_id: i64,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "UPDATE known_devices SET last_used_at = ? WHERE account_id = ? AND token_hash = ?",
    )
    .bind(utc_text(now))
    .bind(account_id)
    .bind(token_hash)
    .execute(pool)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Records a new device of the account.
pub async fn insert_device(
    pool: &SqlitePool,
    account_id: i64,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO known_devices (account_id, token_hash, created_at, last_used_at) \
         VALUES (?, ?, ?, ?)",
    )
    .bind(account_id)
    .bind(token_hash)
    .bind(utc_text(now))
    .bind(utc_text(now))
    .execute(pool)
    .await?;
    Ok(())
}

/// Devices not used since `before` are forgotten (hourly); how many.
pub async fn delete_unused_devices(
    pool: &SqlitePool,
    before: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM known_devices WHERE last_used_at < ?")
            .bind(utc_text(before))
            .execute(pool)
            .await?
            .rows_affected(),
    )
}
