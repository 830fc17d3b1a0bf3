//! SQL for the outbox.
use sqlx::{SqliteConnection, SqlitePool};

use super::{EmailKind, OutboxMessage};
use crate::server_context::program_time;

pub struct NewEmail<'a> {
    pub kind: EmailKind,
    pub recipient: &'a str,
    pub locale: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub action_url: Option<&'a str>,
}

/// Stores a message for delivery. Logged, so that without SMTP the log shows it was "sent".
pub async fn enqueue(
    connection: &mut SqliteConnection,
    email: &NewEmail<'_>,
) -> Result<i64, sqlx::Error> {
    let result = sqlx::query(
        "INSERT INTO outbox (kind, recipient, locale, subject, body, action_url) \
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(email.kind.as_str())
    .bind(email.recipient)
    .bind(email.locale)
    .bind(email.subject)
    .bind(email.body)
    .bind(email.action_url)
    .execute(&mut *connection)
    .await?;
    let id = result.last_insert_rowid();
    tracing::info!(
        outbox_id = id,
        kind = email.kind.as_str(),
        recipient = email.recipient,
        subject = email.subject,
        "email queued"
    );
    Ok(id)
}

#[derive(sqlx::FromRow)]
struct OutboxRow {
    id: i64,
    kind: String,
    recipient: String,
    locale: String,
    subject: String,
    body: String,
    action_url: Option<String>,
    created_at: String,
    sent_at: Option<String>,
    last_error: Option<String>,
}

/// The latest messages first, private links (password resets) withheld.
pub async fn latest(pool: &SqlitePool, limit: i64) -> Result<Vec<OutboxMessage>, sqlx::Error> {
    let rows: Vec<OutboxRow> = sqlx::query_as(
        "SELECT id, kind, recipient, locale, subject, body, action_url, created_at, sent_at, \
         last_error FROM outbox ORDER BY id DESC LIMIT ?",
    )
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let kind = EmailKind::parse(&row.kind);
            let withheld = kind.is_some_and(EmailKind::link_is_private) && row.action_url.is_some();
            OutboxMessage {
                id: row.id,
                kind,
                recipient: row.recipient,
                locale: row.locale,
                subject: row.subject,
                body: row.body,
                action_url: if withheld { None } else { row.action_url },
                link_withheld: withheld,
                created_at: program_time(&row.created_at),
                sent_at: row.sent_at.as_deref().map(program_time),
                last_error: row.last_error,
            }
        })
        .collect())
}

/// A message waiting for SMTP delivery.
#[derive(Debug, sqlx::FromRow)]
pub struct PendingEmail {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub action_url: Option<String>,
    pub attempts: i64,
}

/// Messages not delivered yet, oldest first, skipping those that failed too often.
pub async fn pending(
    pool: &SqlitePool,
    max_attempts: i64,
    limit: i64,
) -> Result<Vec<PendingEmail>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, recipient, subject, body, action_url, attempts FROM outbox \
         WHERE sent_at IS NULL AND attempts < ? ORDER BY id LIMIT ?",
    )
    .bind(max_attempts)
    .bind(limit)
    .fetch_all(pool)
    .await
}

pub async fn mark_sent(pool: &SqlitePool, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE outbox SET sent_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), \
         attempts = attempts + 1, last_error = NULL WHERE id = ?",
    )
    .bind(id)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn mark_failed(pool: &SqlitePool, id: i64, error: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?")
        .bind(error)
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn count_unsent(pool: &SqlitePool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT count(*) FROM outbox WHERE sent_at IS NULL")
        .fetch_one(pool)
        .await
}
