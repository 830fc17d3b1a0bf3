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

/// Records a refusal that can come in floods (failed or slowed sign-ins):
/// the same event from the same client within the same minute adds to the
/// minute's row (`repeats`) instead of appending one. The row keeps the
/// first attempt's subject.
pub async fn record_summarized(pool: &SqlitePool, event: AuditEvent, details: AuditRecord<'_>) {
    let minute_start = chrono::Utc::now().format("%Y-%m-%dT%H:%M:00Z").to_string();
    let added = sqlx::query(
        "UPDATE audit_log SET repeats = repeats + 1 WHERE id = (SELECT id FROM audit_log \
         WHERE event = ? AND client IS ? AND at >= ? ORDER BY id DESC LIMIT 1)",
    )
    .bind(event.as_str())
    .bind(details.client)
    .bind(&minute_start)
    .execute(pool)
    .await;
    match added {
        Ok(done) if done.rows_affected() > 0 => {
            tracing::debug!(event = event.as_str(), "audit: repeated within the minute");
        }
        Ok(_) => record(pool, event, details).await,
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
    repeats: i64,
}

/// The latest events first, at most `limit`.
pub async fn latest(pool: &SqlitePool, limit: i64) -> Result<Vec<AuditEntry>, sqlx::Error> {
    let rows: Vec<AuditRow> = sqlx::query_as(
        "SELECT l.at, l.event, a.display_name || ' <' || a.email || '>' AS actor, \
         l.subject, l.client, l.detail, l.repeats \
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
            // Kept and shown raw (the log must show every line), but logged.
            event: crate::stored::decode::<AuditEvent>("audit_log", "event", &row.event).ok(),
            event_name: row.event,
            actor: row.actor,
            subject: row.subject,
            client: row.client,
            detail: row.detail,
            repeats: row.repeats,
        })
        .collect())
}
