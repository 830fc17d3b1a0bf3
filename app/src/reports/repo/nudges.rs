//! SQL for the coordinator's decisions on attention items and the nudges she sends.
#[allow(unused_imports)]
use super::*;

#[derive(sqlx::FromRow)]
pub(super) struct DecisionRow {
    pub(super) item_key: String,
    pub(super) decision: String,
    pub(super) until: Option<String>,
    pub(super) level: i64,
    pub(super) note: Option<String>,
    pub(super) decided_at: String,
}

/// The coordinator's decisions about the cohort's items, by key.
pub async fn decisions(
    pool: &SqlitePool,
    cohort_id: i64,
) -> Result<HashMap<String, (Decision, DecisionView)>, sqlx::Error> {
    let rows: Vec<DecisionRow> = sqlx::query_as(
        "SELECT item_key, decision, until, level, note, decided_at \
         FROM attention_decisions WHERE cohort_id = ?",
    )
    .bind(cohort_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let level = u32::try_from(row.level).unwrap_or(u32::MAX);
            let kind = match (
                row.decision.as_str(),
                row.until.as_deref().and_then(parse_day),
            ) {
                ("snoozed", Some(until)) => DecisionKind::Snoozed { until },
                ("handled", _) => DecisionKind::Handled,
                _ => return None,
            };
            let view = DecisionView {
                handled: kind == DecisionKind::Handled,
                until: row.until.clone(),
                note: row.note.clone(),
                decided_at: program_time(&row.decided_at),
                level,
            };
            Some((row.item_key, (Decision { kind, level }, view)))
        })
        .collect())
}

/// Records (or replaces) the coordinator's decision about an item.
#[allow(clippy::too_many_arguments)]
pub async fn decide(
    pool: &SqlitePool,
    item_key: &str,
    cohort_id: i64,
    decision: &Decision,
    note: Option<&str>,
    by: i64,
    now: &str,
) -> Result<(), sqlx::Error> {
    let (name, until) = match decision.kind {
        DecisionKind::Snoozed { until } => ("snoozed", Some(until.to_string())),
        DecisionKind::Handled => ("handled", None),
    };
    sqlx::query(
        "INSERT INTO attention_decisions (item_key, cohort_id, decision, until, level, note, \
             decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) \
         ON CONFLICT (item_key) DO UPDATE SET decision = excluded.decision, \
             until = excluded.until, level = excluded.level, note = excluded.note, \
             decided_by = excluded.decided_by, decided_at = excluded.decided_at",
    )
    .bind(item_key)
    .bind(cohort_id)
    .bind(name)
    .bind(until)
    .bind(i64::from(decision.level))
    .bind(note)
    .bind(by)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(())
}

/// The latest nudge of each of the cohort's items (UTC text).
pub async fn last_nudges(
    pool: &SqlitePool,
    cohort_id: i64,
) -> Result<HashMap<String, String>, sqlx::Error> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT item_key, MAX(sent_at) FROM nudges WHERE cohort_id = ? GROUP BY item_key",
    )
    .bind(cohort_id)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().collect())
}

/// The latest nudge of one item, read inside the transaction that sends the next.
pub async fn last_nudge_of(
    connection: &mut SqliteConnection,
    item_key: &str,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT MAX(sent_at) FROM nudges WHERE item_key = ?")
        .bind(item_key)
        .fetch_one(&mut *connection)
        .await
}

pub struct NewNudge<'a> {
    pub item_key: &'a str,
    pub cohort_id: i64,
    pub pair_id: Option<i64>,
    pub recipient_id: i64,
    pub personal_line: Option<&'a str>,
    pub outbox_id: i64,
    pub sent_by: i64,
    pub sent_at: &'a str,
}

pub async fn record_nudge(
    connection: &mut SqliteConnection,
    nudge: &NewNudge<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO nudges (item_key, cohort_id, pair_id, recipient_id, personal_line, \
             outbox_id, sent_by, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(nudge.item_key)
    .bind(nudge.cohort_id)
    .bind(nudge.pair_id)
    .bind(nudge.recipient_id)
    .bind(nudge.personal_line)
    .bind(nudge.outbox_id)
    .bind(nudge.sent_by)
    .bind(nudge.sent_at)
    .execute(&mut *connection)
    .await?;
    Ok(())
}

/// A pair's nudges, newest first: when (program time) and to whom.
pub async fn nudges_of_pair(
    pool: &SqlitePool,
    pair_id: i64,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT n.sent_at, a.display_name FROM nudges n JOIN accounts a ON a.id = n.recipient_id \
         WHERE n.pair_id = ? ORDER BY n.sent_at DESC, n.id DESC",
    )
    .bind(pair_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(at, name)| (program_time(&at), name))
        .collect())
}
