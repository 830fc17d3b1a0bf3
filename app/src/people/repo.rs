//! SQL of the coordinator's imports of mentees: the list kept between its
//! preview and its sending, and which of its addresses are already known.
use std::collections::HashSet;

use sqlx::{SqliteConnection, SqlitePool};

/// A list as kept.
#[derive(Debug, sqlx::FromRow)]
pub struct ImportRow {
    pub id: i64,
    pub cohort_code: String,
    pub cohort_id: i64,
    pub default_locale: String,
    pub list: String,
    pub sent_at: Option<String>,
    pub invited: Option<i64>,
}

pub async fn insert_import(
    pool: &SqlitePool,
    cohort_id: i64,
    default_locale: &str,
    list: &str,
    created_by: i64,
    now: &str,
) -> Result<i64, sqlx::Error> {
    let result = sqlx::query(
        "INSERT INTO mentee_imports (cohort_id, default_locale, list, created_by, created_at) \
         VALUES (?, ?, ?, ?, ?)",
    )
    .bind(cohort_id)
    .bind(default_locale)
    .bind(list)
    .bind(created_by)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(result.last_insert_rowid())
}

pub async fn find_import(pool: &SqlitePool, id: i64) -> Result<Option<ImportRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT i.id, c.code AS cohort_code, i.cohort_id, i.default_locale, i.list, i.sent_at, \
                i.invited \
         FROM mentee_imports i JOIN cohorts c ON c.id = i.cohort_id WHERE i.id = ?",
    )
    .bind(id)
    .fetch_optional(pool)
    .await
}

/// Of these addresses (lower case), those with an account and those with an
/// invitation that still works at `now`.
pub async fn known_addresses(
    pool: &SqlitePool,
    emails: &[String],
    now: &str,
) -> Result<(HashSet<String>, HashSet<String>), sqlx::Error> {
    let mut accounts = HashSet::new();
    let mut invited = HashSet::new();
    // In slices, under SQLite's limit on bound values.
    for slice in emails.chunks(400) {
        let marks = vec!["?"; slice.len()].join(", ");
        let sql = format!("SELECT lower(email) FROM accounts WHERE lower(email) IN ({marks})");
        let mut query = sqlx::query_scalar::<_, String>(&sql);
        for email in slice {
            query = query.bind(email);
        }
        accounts.extend(query.fetch_all(pool).await?);
        let sql = format!(
            "SELECT lower(email) FROM invitations WHERE used_at IS NULL AND expires_at > ? \
             AND lower(email) IN ({marks})"
        );
        let mut query = sqlx::query_scalar::<_, String>(&sql).bind(now);
        for email in slice {
            query = query.bind(email);
        }
        invited.extend(query.fetch_all(pool).await?);
    }
    Ok((accounts, invited))
}

/// Marks a list sent with how many were invited; `false` when it already was.
pub async fn mark_sent(
    connection: &mut SqliteConnection,
    id: i64,
    invited: i64,
    now: &str,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "UPDATE mentee_imports SET sent_at = ?, invited = ? WHERE id = ? AND sent_at IS NULL",
    )
    .bind(now)
    .bind(invited)
    .bind(id)
    .execute(connection)
    .await?;
    Ok(result.rows_affected() == 1)
}
