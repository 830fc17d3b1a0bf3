//! Messages in the database. The thread is read only for one of the pair's
//! two people; a reported message is read alone for the coordination.
use std::collections::BTreeMap;

use sqlx::{SqliteConnection, SqlitePool};

use super::{Contact, Message, ReportedMessage};
use crate::pairs::Side;
use crate::program_time::program_time;
use crate::sql_ids::{grouped, json_ids, IN_LIST};

#[derive(sqlx::FromRow)]
struct MessageRow {
    id: i64,
    pair_id: i64,
    author_side: String,
    body: String,
    sent_at: String,
    reported_at: Option<String>,
}

/// The pair's messages for `reader`, oldest first. A report is shown to the
/// reporter only (the author is not told).
pub async fn messages_of_pair(
    pool: &SqlitePool,
    pair_id: i64,
    reader: Side,
) -> Result<Vec<Message>, sqlx::Error> {
    let mut messages = messages_of_pairs(pool, &[pair_id], reader).await?;
    Ok(messages.remove(&pair_id).unwrap_or_default())
}

/// `messages_of_pair` for several pairs where `reader` is on the same side,
/// by pair.
pub async fn messages_of_pairs(
    pool: &SqlitePool,
    pair_ids: &[i64],
    reader: Side,
) -> Result<BTreeMap<i64, Vec<Message>>, sqlx::Error> {
    let rows: Vec<MessageRow> = sqlx::query_as(&format!(
        "SELECT id, pair_id, author_side, body, sent_at, reported_at FROM pair_messages \
         WHERE pair_id {IN_LIST} ORDER BY id"
    ))
    .bind(json_ids(pair_ids))
    .fetch_all(pool)
    .await?;
    let messages = rows.into_iter().map(|row| {
        let mine = row.author_side == reader.as_str();
        let message = Message {
            id: row.id,
            mine,
            body: row.body,
            sent: program_time(&row.sent_at),
            reported: !mine && row.reported_at.is_some(),
        };
        (row.pair_id, message)
    });
    Ok(grouped(pair_ids, messages))
}

pub async fn insert_message(
    connection: &mut SqliteConnection,
    pair_id: i64,
    side: Side,
    body: &str,
    now: &str,
) -> Result<i64, sqlx::Error> {
    let id = sqlx::query(
        "INSERT INTO pair_messages (pair_id, author_side, body, sent_at) VALUES (?, ?, ?, ?)",
    )
    .bind(pair_id)
    .bind(side.as_str())
    .bind(body)
    .bind(now)
    .execute(&mut *connection)
    .await?
    .last_insert_rowid();
    // One's own message is read.
    mark_read(connection, pair_id, side, id).await?;
    Ok(id)
}

/// Moves `side`'s read mark to `last_id` (never back).
pub async fn mark_read(
    connection: &mut SqliteConnection,
    pair_id: i64,
    side: Side,
    last_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO pair_message_reads (pair_id, side, last_read_id) VALUES (?, ?, ?) \
         ON CONFLICT (pair_id, side) DO UPDATE SET \
             last_read_id = MAX(last_read_id, excluded.last_read_id)",
    )
    .bind(pair_id)
    .bind(side.as_str())
    .bind(last_id)
    .execute(&mut *connection)
    .await?;
    Ok(())
}

/// How many of the other side's messages `side` has not read.
pub async fn unread_count(pool: &SqlitePool, pair_id: i64, side: Side) -> Result<i64, sqlx::Error> {
    let counts = unread_counts(pool, &[pair_id], side).await?;
    Ok(counts.get(&pair_id).copied().unwrap_or_default())
}

/// `unread_count` for several pairs where the reader is on the same `side`,
/// by pair (a pair with none is left out).
pub async fn unread_counts(
    pool: &SqlitePool,
    pair_ids: &[i64],
    side: Side,
) -> Result<BTreeMap<i64, i64>, sqlx::Error> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(&format!(
        "SELECT m.pair_id, COUNT(*) FROM pair_messages m \
         WHERE m.pair_id {IN_LIST} AND m.author_side <> ? \
           AND m.id > COALESCE((SELECT last_read_id FROM pair_message_reads r \
                                WHERE r.pair_id = m.pair_id AND r.side = ?), 0) \
         GROUP BY m.pair_id"
    ))
    .bind(json_ids(pair_ids))
    .bind(side.as_str())
    .bind(side.as_str())
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().collect())
}

/// The message's pair, author side and whether it was reported.
pub async fn find_message(
    pool: &SqlitePool,
    id: i64,
) -> Result<Option<(i64, String, bool)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT pair_id, author_side, reported_at IS NOT NULL FROM pair_messages WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(pool)
    .await
}

/// Marks the message reported, once; false when it already was.
pub async fn report(
    connection: &mut SqliteConnection,
    id: i64,
    note: Option<&str>,
    now: &str,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "UPDATE pair_messages SET reported_at = ?, report_note = ? \
         WHERE id = ? AND reported_at IS NULL",
    )
    .bind(now)
    .bind(note)
    .bind(id)
    .execute(&mut *connection)
    .await?;
    Ok(result.rows_affected() == 1)
}

#[derive(sqlx::FromRow)]
struct ReportedRow {
    id: i64,
    author_name: String,
    body: String,
    sent_at: String,
    reported_at: String,
    report_note: Option<String>,
}

/// The pair's reported messages, for the coordination: those alone.
pub async fn reported_of_pair(
    pool: &SqlitePool,
    pair_id: i64,
) -> Result<Vec<ReportedMessage>, sqlx::Error> {
    let rows: Vec<ReportedRow> = sqlx::query_as(
        "SELECT m.id, CASE m.author_side WHEN 'mentor' THEN ra.display_name \
                ELSE ea.display_name END AS author_name, \
                m.body, m.sent_at, m.reported_at, m.report_note \
         FROM pair_messages m JOIN pairs p ON p.id = m.pair_id \
         JOIN profiles e ON e.id = p.mentee_profile_id JOIN accounts ea ON ea.id = e.account_id \
         JOIN profiles r ON r.id = p.mentor_profile_id JOIN accounts ra ON ra.id = r.account_id \
         WHERE m.pair_id = ? AND m.reported_at IS NOT NULL ORDER BY m.id",
    )
    .bind(pair_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| ReportedMessage {
            id: row.id,
            author_name: row.author_name,
            body: row.body,
            sent: program_time(&row.sent_at),
            reported: program_time(&row.reported_at),
            note: row.report_note,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct SharingRow {
    pair_id: i64,
    side: String,
    share_email: bool,
    phone: Option<String>,
}

/// What each side shows: (mentor's, mentee's), given their account emails.
pub async fn sharing_of_pair(
    pool: &SqlitePool,
    pair_id: i64,
    mentor_email: &str,
    mentee_email: &str,
) -> Result<(Contact, Contact), sqlx::Error> {
    let sharing = Sharing::of_pairs(pool, &[pair_id]).await?;
    Ok(sharing.of_pair(pair_id, mentor_email, mentee_email))
}

/// What the two sides of several pairs show each other.
pub struct Sharing(Vec<SharingRow>);

impl Sharing {
    pub async fn of_pairs(pool: &SqlitePool, pair_ids: &[i64]) -> Result<Self, sqlx::Error> {
        let rows: Vec<SharingRow> = sqlx::query_as(&format!(
            "SELECT pair_id, side, share_email, phone FROM pair_contact_sharing \
             WHERE pair_id {IN_LIST}"
        ))
        .bind(json_ids(pair_ids))
        .fetch_all(pool)
        .await?;
        Ok(Self(rows))
    }

    /// What each side of `pair_id` shows: (mentor's, mentee's), given their
    /// account emails.
    pub fn of_pair(
        &self,
        pair_id: i64,
        mentor_email: &str,
        mentee_email: &str,
    ) -> (Contact, Contact) {
        let contact = |side: Side, email: &str| {
            self.0
                .iter()
                .find(|row| row.pair_id == pair_id && row.side == side.as_str())
                .map(|row| Contact {
                    email: row.share_email.then(|| email.to_owned()),
                    phone: row.phone.clone(),
                })
                .unwrap_or_default()
        };
        (
            contact(Side::Mentor, mentor_email),
            contact(Side::Mentee, mentee_email),
        )
    }
}

pub async fn save_sharing(
    pool: &SqlitePool,
    pair_id: i64,
    side: Side,
    share_email: bool,
    phone: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO pair_contact_sharing (pair_id, side, share_email, phone) VALUES (?, ?, ?, ?) \
         ON CONFLICT (pair_id, side) DO UPDATE SET \
             share_email = excluded.share_email, phone = excluded.phone",
    )
    .bind(pair_id)
    .bind(side.as_str())
    .bind(share_email)
    .bind(phone)
    .execute(pool)
    .await?;
    Ok(())
}
