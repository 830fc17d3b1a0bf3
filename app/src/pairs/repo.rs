//! Pairs in the database. Capacity is checked inside the statements that use a
//! place, so that two requests at once can never exceed it.
use sqlx::{SqliteConnection, SqlitePool};

use crate::pairs::{Answer, MyPair, PairRow, PairStatus, Side};
use crate::stored::{decode, decode_optional, decode_or_skip, UnknownStoredValue};

/// A new proposal, if the mentee has no open pair and the mentor a free place
/// (active and proposed pairs count), in a cohort not concluded. `Ok(None)`:
/// the mentor is full (or the cohort was concluded since the caller checked:
/// the check is here too, so a proposal racing a conclusion never lands).
/// A mentee who already has an open pair makes the insert fail (unique index).
pub async fn insert_proposal(
    connection: &mut SqliteConnection,
    cohort_id: i64,
    mentee_profile_id: i64,
    mentor_profile_id: i64,
    score: u32,
    proposed_by: i64,
    now: &str,
) -> Result<Option<i64>, sqlx::Error> {
    let result = sqlx::query(
        "INSERT INTO pairs (cohort_id, mentee_profile_id, mentor_profile_id, status, score, \
                            proposed_by, proposed_at) \
         SELECT ?, ?, ?, 'proposed', ?, ?, ? \
         WHERE (SELECT COUNT(*) FROM pairs \
                WHERE mentor_profile_id = ? AND status IN ('proposed', 'active')) \
             < (SELECT capacity FROM profiles WHERE id = ? AND role = 'mentor') \
           AND (SELECT closed_at FROM cohorts WHERE id = ?) IS NULL",
    )
    .bind(cohort_id)
    .bind(mentee_profile_id)
    .bind(mentor_profile_id)
    .bind(i64::from(score))
    .bind(proposed_by)
    .bind(now)
    .bind(mentor_profile_id)
    .bind(mentor_profile_id)
    .bind(cohort_id)
    .execute(&mut *connection)
    .await?;
    Ok((result.rows_affected() == 1).then(|| result.last_insert_rowid()))
}

/// Whether an error is the unique index saying the mentee already has an open pair.
pub fn is_duplicate(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(database) if database.is_unique_violation())
}

/// A pair with what answering, notifying and authorizing need.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PairRecord {
    pub id: i64,
    pub cohort_id: i64,
    pub status: String,
    pub mentee_profile_id: i64,
    pub mentor_profile_id: i64,
    pub mentee_account_id: i64,
    pub mentor_account_id: i64,
    pub mentee_name: String,
    pub mentor_name: String,
    pub mentee_email: String,
    pub mentor_email: String,
    pub mentee_locale: String,
    pub mentor_locale: String,
    pub score: i64,
    /// When it ended (UTC text), once it has.
    pub closed_at: Option<String>,
}

impl PairRecord {
    /// The pair's status; an unknown stored one is an error (logged).
    pub fn known_status(&self) -> Result<PairStatus, UnknownStoredValue> {
        decode("pairs", "status", &self.status)
    }

    /// `known_status`, `None` when unknown (logged all the same).
    pub fn status(&self) -> Option<PairStatus> {
        self.known_status().ok()
    }
}

/// The pairs one of whose two people is the account bound (twice), by
/// profile so that the pairs' indexes serve (`pairs_by_mentee`,
/// `pairs_by_mentor`) rather than a scan of every pair.
const OF_ACCOUNT: &str = "(p.mentee_profile_id IN (SELECT id FROM profiles WHERE account_id = ?) \
     OR p.mentor_profile_id IN (SELECT id FROM profiles WHERE account_id = ?))";

/// A `PairRecord`'s columns, from `pairs p` with both profiles and accounts.
const PAIR_RECORD_SELECT: &str =
    "SELECT p.id, p.cohort_id, p.status, p.mentee_profile_id, p.mentor_profile_id, \
            ea.id AS mentee_account_id, ra.id AS mentor_account_id, \
            ea.display_name AS mentee_name, ra.display_name AS mentor_name, \
            ea.email AS mentee_email, ra.email AS mentor_email, \
            ea.locale AS mentee_locale, ra.locale AS mentor_locale, \
            p.score, p.closed_at \
     FROM pairs p \
     JOIN profiles e ON e.id = p.mentee_profile_id JOIN accounts ea ON ea.id = e.account_id \
     JOIN profiles r ON r.id = p.mentor_profile_id JOIN accounts ra ON ra.id = r.account_id";

pub async fn find_pair(pool: &SqlitePool, id: i64) -> Result<Option<PairRecord>, sqlx::Error> {
    sqlx::query_as(&format!("{PAIR_RECORD_SELECT} WHERE p.id = ?"))
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// The mentee's open pair that one of the two answered "not a fit", if any.
pub async fn unfit_open_pair(
    connection: &mut SqliteConnection,
    mentee_profile_id: i64,
) -> Result<Option<PairRecord>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{PAIR_RECORD_SELECT} WHERE p.mentee_profile_id = ? AND p.status IN ('proposed', 'active') \
         AND EXISTS (SELECT 1 FROM fit_checks f WHERE f.pair_id = p.id AND f.answer = 'not_a_fit')"
    ))
    .bind(mentee_profile_id)
    .fetch_optional(connection)
    .await
}

/// The active pairs `account_id` is one of the two people of, in the order
/// they became active.
pub async fn active_pairs_of(
    pool: &SqlitePool,
    account_id: i64,
) -> Result<Vec<PairRecord>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{PAIR_RECORD_SELECT} WHERE p.status = 'active' AND {OF_ACCOUNT} \
         ORDER BY p.activated_at, p.id"
    ))
    .bind(account_id)
    .bind(account_id)
    .fetch_all(pool)
    .await
}

/// Records one side's answer while the pair is proposed and that side has not
/// answered. False when it already had, or the pair is no longer proposed.
pub async fn record_answer(
    connection: &mut SqliteConnection,
    id: i64,
    side: Side,
    answer: Answer,
    reason: Option<&str>,
    now: &str,
) -> Result<bool, sqlx::Error> {
    let sql = match side {
        Side::Mentee => {
            "UPDATE pairs SET mentee_answer = ?, reason = COALESCE(?, reason), \
             status = ?, closed_at = ? \
             WHERE id = ? AND status = 'proposed' AND mentee_answer IS NULL"
        }
        Side::Mentor => {
            "UPDATE pairs SET mentor_answer = ?, reason = COALESCE(?, reason), \
             status = ?, closed_at = ? \
             WHERE id = ? AND status = 'proposed' AND mentor_answer IS NULL"
        }
    };
    // A decline closes the proposal at once; an acceptance leaves it proposed
    // (`activate` makes it active when both have accepted).
    let (status, closed_at) = match answer {
        Answer::Declined => (PairStatus::Declined, Some(now)),
        Answer::Accepted => (PairStatus::Proposed, None),
    };
    let result = sqlx::query(sql)
        .bind(answer.as_str())
        .bind(reason)
        .bind(status.as_str())
        .bind(closed_at)
        .bind(id)
        .execute(&mut *connection)
        .await?;
    Ok(result.rows_affected() == 1)
}

/// Whether both people have accepted (read inside the answering transaction).
pub async fn both_accepted(
    connection: &mut SqliteConnection,
    id: i64,
) -> Result<bool, sqlx::Error> {
    let answers: Option<(Option<String>, Option<String>)> =
        sqlx::query_as("SELECT mentee_answer, mentor_answer FROM pairs WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *connection)
            .await?;
    Ok(
        matches!(answers, Some((Some(mentee), Some(mentor))) if mentee == "accepted" && mentor == "accepted"),
    )
}

/// Makes a pair both accepted active, if its mentor has room among the active
/// pairs. False when there is no room (or the pair is not both accepted).
pub async fn activate(
    connection: &mut SqliteConnection,
    id: i64,
    now: &str,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "UPDATE pairs SET status = 'active', activated_at = ? \
         WHERE id = ? AND status = 'proposed' \
           AND mentee_answer = 'accepted' AND mentor_answer = 'accepted' \
           AND (SELECT COUNT(*) FROM pairs other \
                WHERE other.mentor_profile_id = pairs.mentor_profile_id \
                  AND other.status = 'active') \
             < (SELECT capacity FROM profiles WHERE id = pairs.mentor_profile_id)",
    )
    .bind(now)
    .bind(id)
    .execute(&mut *connection)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Closes a pair (withdrawn or ended) if it is in one of `from`. False otherwise.
pub async fn close(
    connection: &mut SqliteConnection,
    id: i64,
    from: &[PairStatus],
    to: PairStatus,
    reason: Option<&str>,
    by: i64,
    now: &str,
) -> Result<bool, sqlx::Error> {
    for status in from {
        let result = sqlx::query(
            "UPDATE pairs SET status = ?, reason = COALESCE(?, reason), closed_at = ?, closed_by = ? \
             WHERE id = ? AND status = ?",
        )
        .bind(to.as_str())
        .bind(reason)
        .bind(now)
        .bind(by)
        .bind(id)
        .bind(status.as_str())
        .execute(&mut *connection)
        .await?;
        if result.rows_affected() == 1 {
            return Ok(true);
        }
    }
    Ok(false)
}

#[derive(sqlx::FromRow)]
struct MyPairRow {
    id: i64,
    status: String,
    is_mentor: bool,
    partner_name: String,
    mentee_answer: Option<String>,
    mentor_answer: Option<String>,
    my_reason: Option<String>,
    proposed_at: String,
    partner_profile_id: i64,
}

/// The pairs of one profile, newest first. The reason column holds either a
/// decline's reason (of the side whose answer is 'declined') or the
/// coordination's end reason: only the first, and only to the person who
/// wrote it, is selected.
pub async fn pairs_of_profile(
    pool: &SqlitePool,
    profile_id: i64,
) -> Result<Vec<MyPair>, sqlx::Error> {
    let rows: Vec<MyPairRow> = sqlx::query_as(
        "SELECT p.id, p.status, p.mentor_profile_id = ? AS is_mentor, \
                CASE WHEN p.mentor_profile_id = ? THEN ea.display_name ELSE ra.display_name END \
                    AS partner_name, \
                p.mentee_answer, p.mentor_answer, \
                CASE WHEN p.status = 'declined' AND ( \
                          (p.mentor_profile_id = ? AND p.mentor_answer = 'declined') \
                       OR (p.mentee_profile_id = ? AND p.mentee_answer = 'declined')) \
                     THEN p.reason END AS my_reason, \
                p.proposed_at, \
                CASE WHEN p.mentor_profile_id = ? THEN p.mentee_profile_id \
                     ELSE p.mentor_profile_id END AS partner_profile_id \
         FROM pairs p \
         JOIN profiles e ON e.id = p.mentee_profile_id JOIN accounts ea ON ea.id = e.account_id \
         JOIN profiles r ON r.id = p.mentor_profile_id JOIN accounts ra ON ra.id = r.account_id \
         WHERE p.mentee_profile_id = ? OR p.mentor_profile_id = ? \
         ORDER BY p.status IN ('proposed', 'active') DESC, p.proposed_at DESC, p.id DESC",
    )
    .bind(profile_id)
    .bind(profile_id)
    .bind(profile_id)
    .bind(profile_id)
    .bind(profile_id)
    .bind(profile_id)
    .bind(profile_id)
    .fetch_all(pool)
    .await?;
    // Who the other is, to decide on the proposal: while it is open only.
    // The profile is on one side of all its pairs.
    let open_partners: Vec<i64> = rows
        .iter()
        .filter(|row| {
            decode_or_skip::<PairStatus>("pairs", "status", &row.status)
                .is_some_and(|status| status.is_open())
        })
        .map(|row| row.partner_profile_id)
        .collect();
    let partners_are_mentors = rows.first().is_some_and(|row| !row.is_mentor);
    let partners =
        crate::pairs::partner::load_many(pool, &open_partners, partners_are_mentors).await?;
    let mut pairs = Vec::with_capacity(rows.len());
    for row in rows {
        // One pair of unknown status is left out (logged), the others shown.
        let Some(status) = decode_or_skip::<PairStatus>("pairs", "status", &row.status) else {
            continue;
        };
        let partner = if status.is_open() {
            partners.get(&row.partner_profile_id).cloned()
        } else {
            None
        };
        pairs.extend(my_pair(row, status, partner));
    }
    Ok(pairs)
}

/// The pair as its person sees it; `None` (logged) when an answer stored
/// is unknown: left out of the list rather than shown as unanswered.
fn my_pair(
    row: MyPairRow,
    status: PairStatus,
    partner: Option<crate::pairs::partner::PartnerProfile>,
) -> Option<MyPair> {
    let mentee_answer =
        decode_optional::<Answer>("pairs", "mentee_answer", row.mentee_answer.as_deref()).ok()?;
    let mentor_answer =
        decode_optional::<Answer>("pairs", "mentor_answer", row.mentor_answer.as_deref()).ok()?;
    let (mine, theirs) = if row.is_mentor {
        (mentor_answer, mentee_answer)
    } else {
        (mentee_answer, mentor_answer)
    };
    Some(MyPair {
        id: row.id,
        status,
        side: if row.is_mentor {
            Side::Mentor
        } else {
            Side::Mentee
        },
        partner_name: row.partner_name,
        my_answer: mine,
        partner_answer: theirs,
        my_reason: row.my_reason,
        proposed_at: row.proposed_at,
        partner,
    })
}

#[derive(sqlx::FromRow)]
struct PairListRow {
    id: i64,
    mentee_profile_id: i64,
    mentee_name: String,
    mentor_profile_id: i64,
    mentor_name: String,
    status: String,
    score: i64,
    mentee_answer: Option<String>,
    mentor_answer: Option<String>,
    reason: Option<String>,
    proposed_at: String,
}

/// A cohort's pairs for the board: proposed, then declined since `since` (the
/// coordinator reads why), then active.
pub async fn board_pairs_of_cohort(
    pool: &SqlitePool,
    cohort_id: i64,
    since: &str,
) -> Result<Vec<PairRow>, sqlx::Error> {
    let rows: Vec<PairListRow> = sqlx::query_as(
        "SELECT p.id, p.mentee_profile_id, ea.display_name AS mentee_name, \
                p.mentor_profile_id, ra.display_name AS mentor_name, p.status, p.score, \
                p.mentee_answer, p.mentor_answer, p.reason, p.proposed_at \
         FROM pairs p \
         JOIN profiles e ON e.id = p.mentee_profile_id JOIN accounts ea ON ea.id = e.account_id \
         JOIN profiles r ON r.id = p.mentor_profile_id JOIN accounts ra ON ra.id = r.account_id \
         WHERE p.cohort_id = ? AND (p.status IN ('proposed', 'active') \
               OR (p.status = 'declined' AND p.closed_at >= ?)) \
         ORDER BY CASE p.status WHEN 'proposed' THEN 0 WHEN 'declined' THEN 1 ELSE 2 END, \
                  ea.display_name COLLATE NOCASE, p.id",
    )
    .bind(cohort_id)
    .bind(since)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(PairRow {
                id: row.id,
                mentee_profile_id: row.mentee_profile_id,
                mentee_name: row.mentee_name,
                mentor_profile_id: row.mentor_profile_id,
                mentor_name: row.mentor_name,
                status: decode_or_skip("pairs", "status", &row.status)?,
                score: row.score,
                mentee_answer: decode_optional(
                    "pairs",
                    "mentee_answer",
                    row.mentee_answer.as_deref(),
                )
                .ok()?,
                mentor_answer: decode_optional(
                    "pairs",
                    "mentor_answer",
                    row.mentor_answer.as_deref(),
                )
                .ok()?,
                reason: row.reason,
                proposed_at: row.proposed_at,
            })
        })
        .collect())
}

/// Whether the pair's mentor is on pause on `today` (paused until that day or later).
pub async fn mentor_paused(
    connection: &mut SqliteConnection,
    pair_id: i64,
    today: chrono::NaiveDate,
) -> Result<bool, sqlx::Error> {
    let paused: Option<bool> = sqlx::query_scalar(
        "SELECT r.paused_until IS NOT NULL AND r.paused_until >= ? \
         FROM pairs p JOIN profiles r ON r.id = p.mentor_profile_id WHERE p.id = ?",
    )
    .bind(today.format("%Y-%m-%d").to_string())
    .bind(pair_id)
    .fetch_optional(&mut *connection)
    .await?;
    Ok(paused.unwrap_or(false))
}

/// Records `side`'s request to end the active pair; false when the pair is
/// not active or someone already asked.
pub async fn record_end_request(
    connection: &mut SqliteConnection,
    pair_id: i64,
    side: Side,
    reason: &str,
    now: &str,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "UPDATE pairs SET end_requested_side = ?, end_requested_at = ?, end_request_reason = ? \
         WHERE id = ? AND status = 'active' AND end_requested_side IS NULL",
    )
    .bind(side.as_str())
    .bind(now)
    .bind(reason)
    .bind(pair_id)
    .execute(&mut *connection)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// A pair's end request: who asked, when (stored UTC), and why (the
/// coordination's to read).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EndRequestRow {
    pub side: String,
    pub at: String,
    pub reason: String,
}

/// The end requests of several pairs, by pair (a pair without one is left
/// out).
pub async fn end_requests_of(
    pool: &SqlitePool,
    pair_ids: &[i64],
) -> Result<std::collections::BTreeMap<i64, EndRequestRow>, sqlx::Error> {
    use crate::sql_ids::{json_ids, IN_LIST};

    let rows: Vec<(i64, String, String, String)> = sqlx::query_as(&format!(
        "SELECT id, end_requested_side, end_requested_at, end_request_reason \
         FROM pairs WHERE id {IN_LIST} AND end_requested_side IS NOT NULL"
    ))
    .bind(json_ids(pair_ids))
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, side, at, reason)| (id, EndRequestRow { side, at, reason }))
        .collect())
}

pub async fn end_request(
    pool: &SqlitePool,
    pair_id: i64,
) -> Result<Option<EndRequestRow>, sqlx::Error> {
    Ok(end_requests_of(pool, &[pair_id]).await?.remove(&pair_id))
}

/// A pair no longer active, as one of its two people lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PastPairRow {
    pub id: i64,
    pub partner_name: String,
    pub status: String,
    pub closed_at: Option<String>,
}

/// The pairs `account_id` was active in and that have ended, newest first.
pub async fn past_pairs_of(
    pool: &SqlitePool,
    account_id: i64,
) -> Result<Vec<PastPairRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT p.id, CASE WHEN r.account_id = ? THEN ea.display_name ELSE ra.display_name END \
                    AS partner_name, p.status, p.closed_at \
         FROM pairs p \
         JOIN profiles e ON e.id = p.mentee_profile_id JOIN accounts ea ON ea.id = e.account_id \
         JOIN profiles r ON r.id = p.mentor_profile_id JOIN accounts ra ON ra.id = r.account_id \
         WHERE p.activated_at IS NOT NULL AND p.status IN ('ended', 'withdrawn', 'completed') \
           AND {OF_ACCOUNT} \
         ORDER BY p.closed_at DESC, p.id DESC"
    ))
    .bind(account_id)
    .bind(account_id)
    .bind(account_id)
    .fetch_all(pool)
    .await
}
