//! SQL for the audit log: append and read.
use sqlx::SqlitePool;

use super::{AuditEntry, AuditEvent};

/// One event to record.
#[derive(Debug, Default)]
pub struct AuditRecord<'a> {
    pub actor_id: Option<i64>,
    pub subject: Option<&'a str>,
    pub client: Option<&'a str>,
    pub detail: Option<&'a str>,
}

/// Appends an event. A failure is logged, never shown: the action it describes
/// already happened, and the log line still records it.
pub async fn record(pool: &SqlitePool, event: AuditEvent, details: AuditRecord<'_>) {
    let result = sqlx::query(
        "INSERT INTO audit_log (event, actor_id, subject, client, detail) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(event.as_str())
    .bind(details.actor_id)
    .bind(details.subject)
    .bind(details.client)
    .bind(details.detail)
    .execute(pool)
    .await;
    match result {
        // The subject (often an email) stays in the audit table, out of the log.
        Ok(_) => tracing::info!(event = event.as_str(), actor = ?details.actor_id, "audit"),
        Err(error) => tracing::error!(%error, event = event.as_str(), "cannot write the audit log"),
    }
}

/// Appends an event done by the current request's caller, with the caller's
/// network address: the one way server functions audit what someone did.
pub async fn record_by_caller(
    pool: &SqlitePool,
    event: AuditEvent,
    actor_id: Option<i64>,
    subject: Option<&str>,
    detail: Option<&str>,
) {
    let client = crate::server_context::client_address();
    let details = AuditRecord {
        actor_id,
        subject,
        client: Some(&client),
        detail,
    };
    record(pool, event, details).await;
}

#[derive(sqlx::FromRow)]
struct AuditRow {
    at: String,
    event: String,
    actor: Option<String>,
    subject: Option<String>,
    client: Option<String>,
    detail: Option<String>,
}

/// The latest events first, at most `limit`.
pub async fn latest(pool: &SqlitePool, limit: i64) -> Result<Vec<AuditEntry>, sqlx::Error> {
    let rows: Vec<AuditRow> = sqlx::query_as(
        "SELECT l.at, l.event, a.display_name || ' <' || a.email || '>' AS actor, \
         l.subject, l.client, l.detail \
         FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_id \
         ORDER BY l.id DESC LIMIT ?",
    )
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| AuditEntry {
            at: crate::program_time::program_time(&row.at),
            event: AuditEvent::parse(&row.event),
            event_name: row.event,
            actor: row.actor,
            subject: row.subject,
            client: row.client,
            detail: row.detail,
        })
        .collect())
}
