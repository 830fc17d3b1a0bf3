//! The sessions a person has open ("my sessions"), by the hash of the random
//! reference each session carries. A deleted row is a session ended.
use super::*;

/// A session as "my sessions" lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OpenSessionRow {
    pub id: i64,
    pub ref_hash: String,
    pub browser: String,
    pub os: String,
    pub client: Option<String>,
    pub signed_in_at: String,
    pub last_seen_at: String,
}

/// A new session of `account_id` (at sign-in).
pub struct NewOpenSession<'a> {
    pub account_id: i64,
    pub ref_hash: &'a str,
    pub browser: &'a str,
    pub os: &'a str,
    pub client: &'a str,
    pub signed_in_at: DateTime<Utc>,
    pub now: DateTime<Utc>,
}

pub async fn insert_open_session(
    pool: &SqlitePool,
    session: &NewOpenSession<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO account_sessions (account_id, ref_hash, browser, os, client, signed_in_at, \
         last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(session.account_id)
    .bind(session.ref_hash)
    .bind(session.browser)
    .bind(session.os)
    .bind(session.client)
    .bind(utc_text(session.signed_in_at))
    .bind(utc_text(session.now))
    .execute(pool)
    .await?;
    Ok(())
}

/// When the session with this reference was last seen, if it is still open
/// for this account.
pub async fn open_session_last_seen(
    pool: &SqlitePool,
    account_id: i64,
    ref_hash: &str,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT last_seen_at FROM account_sessions WHERE ref_hash = ? AND account_id = ?",
    )
    .bind(ref_hash)
    .bind(account_id)
    .fetch_optional(pool)
    .await
}

/// Moves the session's "last seen" and address forward.
pub async fn touch_open_session(
    pool: &SqlitePool,
    ref_hash: &str,
    client: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE account_sessions SET last_seen_at = ?, client = ? WHERE ref_hash = ?")
        .bind(utc_text(now))
        .bind(client)
        .bind(ref_hash)
        .execute(pool)
        .await?;
    Ok(())
}

/// The account's sessions still open at `now`, the latest seen first: those
/// idle for longer than `idle_since` allows, or signed in before
/// `signed_in_since`, are over and deleted first.
pub async fn open_sessions(
    pool: &SqlitePool,
    account_id: i64,
    idle_since: DateTime<Utc>,
    signed_in_since: DateTime<Utc>,
) -> Result<Vec<OpenSessionRow>, sqlx::Error> {
    sqlx::query(
        "DELETE FROM account_sessions WHERE account_id = ? AND (last_seen_at < ? OR signed_in_at < ?)",
    )
    .bind(account_id)
    .bind(utc_text(idle_since))
    .bind(utc_text(signed_in_since))
    .execute(pool)
    .await?;
    sqlx::query_as(
        "SELECT id, ref_hash, browser, os, client, signed_in_at, last_seen_at \
         FROM account_sessions WHERE account_id = ? ORDER BY last_seen_at DESC, id DESC",
    )
    .bind(account_id)
    .fetch_all(pool)
    .await
}

/// Ends one of the account's sessions (`id`), or every one when `id` is
/// `None`, but never the session with `keep_ref_hash`. How many ended.
pub async fn end_open_sessions(
    pool: &SqlitePool,
    account_id: i64,
    id: Option<i64>,
    keep_ref_hash: &str,
) -> Result<u64, sqlx::Error> {
    let result =
        match id {
            Some(id) => sqlx::query(
                "DELETE FROM account_sessions WHERE id = ? AND account_id = ? AND ref_hash <> ?",
            )
            .bind(id)
            .bind(account_id)
            .bind(keep_ref_hash)
            .execute(pool)
            .await?,
            None => {
                sqlx::query("DELETE FROM account_sessions WHERE account_id = ? AND ref_hash <> ?")
                    .bind(account_id)
                    .bind(keep_ref_hash)
                    .execute(pool)
                    .await?
            }
        };
    Ok(result.rows_affected())
}

/// Ends the session with this reference (signing out).
pub async fn end_open_session(pool: &SqlitePool, ref_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM account_sessions WHERE ref_hash = ?")
        .bind(ref_hash)
        .execute(pool)
        .await?;
    Ok(())
}
