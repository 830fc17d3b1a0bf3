//! Action links in the database: only the token's hash is stored.
use sqlx::{SqliteConnection, SqlitePool};

use crate::accounts::tokens::{hash_token, new_token};
use crate::outbox::action_links::LinkAction;

/// Makes a link for `account_id` to take `action` on version `version` of
/// `object_id`; the URL path to email (`/act/<token>`).
pub async fn create(
    connection: &mut SqliteConnection,
    account_id: i64,
    action: LinkAction,
    object_id: i64,
    version: i64,
) -> Result<String, sqlx::Error> {
    let (token, hash) = new_token();
    let now = chrono::Utc::now();
    sqlx::query(
        "INSERT INTO action_links (token_hash, account_id, action, object_id, object_version, \
         created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(hash)
    .bind(account_id)
    .bind(action.as_str())
    .bind(object_id)
    .bind(version)
    .bind(crate::program_time::utc_text(now))
    .bind(crate::program_time::utc_text(
        crate::outbox::action_links::expiry(now),
    ))
    .execute(&mut *connection)
    .await?;
    Ok(format!("/act/{token}"))
}

/// A stored link.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LinkRow {
    pub id: i64,
    pub account_id: i64,
    pub action: String,
    pub object_id: i64,
    pub object_version: i64,
    pub expires_at: String,
    pub used_at: Option<String>,
}

pub async fn find(pool: &SqlitePool, token: &str) -> Result<Option<LinkRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT l.id, l.account_id, l.action, l.object_id, l.object_version, l.expires_at, \
                l.used_at \
         FROM action_links l JOIN accounts a ON a.id = l.account_id \
         WHERE l.token_hash = ? AND a.is_disabled = 0",
    )
    .bind(hash_token(token))
    .fetch_optional(pool)
    .await
}

/// Marks the link used, once: false when it already was (two clicks at once).
pub async fn mark_used(
    connection: &mut SqliteConnection,
    id: i64,
    now: &str,
) -> Result<bool, sqlx::Error> {
    let result =
        sqlx::query("UPDATE action_links SET used_at = ? WHERE id = ? AND used_at IS NULL")
            .bind(now)
            .bind(id)
            .execute(&mut *connection)
            .await?;
    Ok(result.rows_affected() == 1)
}
