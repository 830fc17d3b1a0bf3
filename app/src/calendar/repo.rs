//! Calendar feeds and the meetings they show, in the database. A feed is
//! found by the hash of its token only; the token itself is never stored.
use sqlx::SqlitePool;

/// A meeting as a calendar shows it, with the pair's two people. Private
/// notes and shared notes are not read here at all.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CalendarMeetingRow {
    pub id: i64,
    pub pair_id: i64,
    pub starts_at: String,
    pub duration_minutes: i64,
    pub modality: String,
    pub location: Option<String>,
    pub agreement: String,
    pub status: String,
    pub version: i64,
    pub mentor_account_id: i64,
    pub mentee_account_id: i64,
    pub mentor_name: String,
    pub mentee_name: String,
}

const MEETING_SELECT: &str = "SELECT m.id, m.pair_id, m.starts_at, m.duration_minutes, \
        m.modality, m.location, m.agreement, m.status, m.version, \
        ra.id AS mentor_account_id, ea.id AS mentee_account_id, \
        ra.display_name AS mentor_name, ea.display_name AS mentee_name \
     FROM meetings m JOIN pairs p ON p.id = m.pair_id \
     JOIN profiles r ON r.id = p.mentor_profile_id JOIN accounts ra ON ra.id = r.account_id \
     JOIN profiles e ON e.id = p.mentee_profile_id JOIN accounts ea ON ea.id = e.account_id";

pub async fn find_meeting(
    pool: &SqlitePool,
    id: i64,
) -> Result<Option<CalendarMeetingRow>, sqlx::Error> {
    sqlx::query_as(&format!("{MEETING_SELECT} WHERE m.id = ?"))
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// The meetings of every pair a person is or was in (active or ended
/// pairs), from `since` (UTC text) on, soonest first: as the pair's mentor
/// only while their role is mentor, as its mentee only while it is mentee (a
/// role change takes the pair out of the feed at once).
pub async fn meetings_of_account(
    pool: &SqlitePool,
    account_id: i64,
    since: &str,
) -> Result<Vec<CalendarMeetingRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{MEETING_SELECT} WHERE ((ra.id = ? AND ra.role = 'mentor') OR (ea.id = ? AND ea.role = 'mentee')) \
           AND p.status IN ('active', 'ended', 'completed') \
           AND m.starts_at >= ? ORDER BY m.starts_at, m.id"
    ))
    .bind(account_id)
    .bind(account_id)
    .bind(since)
    .fetch_all(pool)
    .await
}

/// The objectives of these meetings, in order: (meeting id, text).
pub async fn objectives_of(
    pool: &SqlitePool,
    meeting_ids: &[i64],
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    if meeting_ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders = vec!["?"; meeting_ids.len()].join(", ");
    let sql = format!(
        "SELECT meeting_id, text FROM meeting_objectives WHERE meeting_id IN ({placeholders}) \
         ORDER BY meeting_id, position"
    );
    let mut query = sqlx::query_as(&sql);
    for id in meeting_ids {
        query = query.bind(id);
    }
    query.fetch_all(pool).await
}

/// When the person's feed was made, if they have one.
pub async fn feed_created_at(
    pool: &SqlitePool,
    account_id: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT created_at FROM calendar_feeds WHERE account_id = ?")
        .bind(account_id)
        .fetch_optional(pool)
        .await
}

/// Gives the person a feed with this token hash, replacing any earlier one
/// (whose link stops working at once).
pub async fn replace_feed(
    pool: &SqlitePool,
    account_id: i64,
    token_hash: &str,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO calendar_feeds (account_id, token_hash, created_at) VALUES (?, ?, ?) \
         ON CONFLICT (account_id) DO UPDATE SET token_hash = excluded.token_hash, \
         created_at = excluded.created_at",
    )
    .bind(account_id)
    .bind(token_hash)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(())
}

/// Removes the person's feed; false when there was none.
pub async fn revoke_feed(pool: &SqlitePool, account_id: i64) -> Result<bool, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM calendar_feeds WHERE account_id = ?")
            .bind(account_id)
            .execute(pool)
            .await?
            .rows_affected()
            == 1,
    )
}

/// The owner of the feed with this token hash, and their language, unless
/// their account is disabled or no longer a mentor's or a mentee's.
pub async fn feed_owner(
    pool: &SqlitePool,
    token_hash: &str,
) -> Result<Option<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.id, a.locale FROM calendar_feeds f JOIN accounts a ON a.id = f.account_id \
         WHERE f.token_hash = ? AND a.is_disabled = 0 AND a.role IN ('mentor', 'mentee')",
    )
    .bind(token_hash)
    .fetch_optional(pool)
    .await
}
