//! SQL for consents. Each function takes the connection of the transaction
//! that makes the choice, so that a choice and its consent are written
//! together or not at all.
use chrono::{DateTime, Utc};
use sqlx::{SqliteConnection, SqlitePool};

use super::{ConsentContext, ConsentPurpose, ConsentRecord};
use crate::program_time::utc_text;

/// Whose consent: an account, or an application before it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentHolder {
    Account(i64),
    Application(i64),
}

/// The latest version of the privacy notice.
pub async fn latest_notice_version(connection: &mut SqliteConnection) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COALESCE(MAX(version), 1) FROM privacy_notices")
        .fetch_one(&mut *connection)
        .await
}

/// The latest version published as a material change (everyone consents again).
pub async fn latest_material_version(pool: &SqlitePool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COALESCE(MAX(version), 1) FROM privacy_notices WHERE is_material = 1",
    )
    .fetch_one(pool)
    .await
}

/// Records a consent to the latest notice. An optional purpose already in
/// force is left as it is (its date is when it was first given).
pub async fn give(
    connection: &mut SqliteConnection,
    holder: ConsentHolder,
    purpose: ConsentPurpose,
    context: ConsentContext,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let version = latest_notice_version(connection).await?;
    give_to_version(connection, holder, purpose, context, version, now).await
}

/// Records a consent to version `version` of the notice (the one the person
/// was shown), as `give` does.
pub async fn give_to_version(
    connection: &mut SqliteConnection,
    holder: ConsentHolder,
    purpose: ConsentPurpose,
    context: ConsentContext,
    version: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let (account_id, application_id) = match holder {
        ConsentHolder::Account(id) => (Some(id), None),
        ConsentHolder::Application(id) => (None, Some(id)),
    };
    if purpose.is_optional() {
        let in_force: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM consents WHERE account_id IS ? AND application_id IS ? \
             AND purpose = ? AND withdrawn_at IS NULL",
        )
        .bind(account_id)
        .bind(application_id)
        .bind(purpose.as_str())
        .fetch_optional(&mut *connection)
        .await?;
        if in_force.is_some() {
            return Ok(());
        }
    }
    sqlx::query(
        "INSERT INTO consents (account_id, application_id, purpose, notice_version, context, \
         given_at) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(account_id)
    .bind(application_id)
    .bind(purpose.as_str())
    .bind(version)
    .bind(context.as_str())
    .bind(utc_text(now))
    .execute(&mut *connection)
    .await?;
    Ok(())
}

/// Withdraws an account's consent to `purpose`; whether one was in force.
pub async fn withdraw(
    connection: &mut SqliteConnection,
    account_id: i64,
    purpose: ConsentPurpose,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "UPDATE consents SET withdrawn_at = ? \
         WHERE account_id = ? AND purpose = ? AND withdrawn_at IS NULL",
    )
    .bind(utc_text(now))
    .bind(account_id)
    .bind(purpose.as_str())
    .execute(&mut *connection)
    .await?;
    Ok(result.rows_affected() > 0)
}

#[derive(sqlx::FromRow)]
struct ConsentRow {
    id: i64,
    purpose: String,
    notice_version: i64,
    context: String,
    given_at: String,
    withdrawn_at: Option<String>,
}

/// Every consent an account gave, newest first (those given with the
/// application that made them a mentor included).
pub async fn for_account(
    pool: &SqlitePool,
    account_id: i64,
) -> Result<Vec<ConsentRecord>, sqlx::Error> {
    let rows: Vec<ConsentRow> = sqlx::query_as(
        "SELECT id, purpose, notice_version, context, given_at, withdrawn_at FROM consents \
         WHERE account_id = ?1 OR application_id IN \
               (SELECT application_id FROM profiles WHERE account_id = ?1) \
         ORDER BY given_at DESC, id DESC",
    )
    .bind(account_id)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(ConsentRecord {
                id: row.id,
                purpose: crate::stored::decode("consents", "purpose", &row.purpose)?,
                notice_version: row.notice_version,
                context: crate::stored::decode("consents", "context", &row.context)?,
                given_at: row.given_at,
                withdrawn_at: row.withdrawn_at,
            })
        })
        .collect()
}

/// The version of the notice the account must consent to again, if any.
pub async fn renewal_due(pool: &SqlitePool, account_id: i64) -> Result<Option<i64>, sqlx::Error> {
    let consents = for_account(pool, account_id).await?;
    let latest = latest_material_version(pool).await?;
    Ok(super::renewal_due(&consents, latest))
}
