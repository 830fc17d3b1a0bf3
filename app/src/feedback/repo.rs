//! Feedback and fit checks in the database.
use std::collections::BTreeMap;

use sqlx::{SqliteConnection, SqlitePool};

use super::{Feedback, FitAnswer, FitCheck, FitResponse, MyFitCheck};
use crate::pairs::Side;
use crate::program_time::program_time;
use crate::sql_ids::{grouped, json_ids, IN_LIST};

/// What the mentor writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFeedback {
    pub meeting_id: Option<i64>,
    pub goal_id: Option<i64>,
    pub goal_progress: Option<i64>,
    pub strengths: String,
    pub to_improve: String,
    pub observations: String,
    pub next_step: String,
}

#[derive(sqlx::FromRow)]
struct FeedbackRow {
    id: i64,
    pair_id: i64,
    created_at: String,
    meeting_id: Option<i64>,
    meeting_starts_at: Option<String>,
    goal_id: Option<i64>,
    goal_title: Option<String>,
    goal_progress: Option<i64>,
    strengths: String,
    to_improve: String,
    observations: String,
    next_step: String,
    acknowledged_at: Option<String>,
    response: Option<String>,
}

/// A pair's feedback, newest first.
pub async fn feedback_of_pair(
    pool: &SqlitePool,
    pair_id: i64,
) -> Result<Vec<Feedback>, sqlx::Error> {
    let mut feedback = feedback_of_pairs(pool, &[pair_id]).await?;
    Ok(feedback.remove(&pair_id).unwrap_or_default())
}

/// `feedback_of_pair` for several pairs at once, by pair.
pub async fn feedback_of_pairs(
    pool: &SqlitePool,
    pair_ids: &[i64],
) -> Result<BTreeMap<i64, Vec<Feedback>>, sqlx::Error> {
    let rows: Vec<FeedbackRow> = sqlx::query_as(&format!(
        "SELECT f.id, f.pair_id, f.created_at, f.meeting_id, m.starts_at AS meeting_starts_at, \
                f.goal_id, g.title AS goal_title, f.goal_progress, f.strengths, f.to_improve, \
                f.observations, f.next_step, f.acknowledged_at, f.response \
         FROM feedback f LEFT JOIN meetings m ON m.id = f.meeting_id \
         LEFT JOIN goals g ON g.id = f.goal_id \
         WHERE f.pair_id {IN_LIST} ORDER BY f.created_at DESC, f.id DESC"
    ))
    .bind(json_ids(pair_ids))
    .fetch_all(pool)
    .await?;
    Ok(grouped(
        pair_ids,
        rows.into_iter()
            .map(|row| (row.pair_id, feedback_of_row(row))),
    ))
}

fn feedback_of_row(row: FeedbackRow) -> Feedback {
    Feedback {
        id: row.id,
        written: program_time(&row.created_at),
        meeting: row
            .meeting_id
            .zip(row.meeting_starts_at.as_deref().map(program_time)),
        goal: row.goal_id.zip(row.goal_title),
        goal_progress: row.goal_progress.map(|percent| percent.clamp(0, 100) as u8),
        strengths: row.strengths,
        to_improve: row.to_improve,
        observations: row.observations,
        next_step: row.next_step,
        acknowledged: row.acknowledged_at.is_some(),
        response: row.response,
    }
}

pub async fn insert_feedback(
    connection: &mut SqliteConnection,
    pair_id: i64,
    feedback: &NewFeedback,
    now: &str,
) -> Result<i64, sqlx::Error> {
    Ok(sqlx::query(
        "INSERT INTO feedback (pair_id, meeting_id, goal_id, goal_progress, strengths, to_improve, \
         observations, next_step, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(pair_id)
    .bind(feedback.meeting_id)
    .bind(feedback.goal_id)
    .bind(feedback.goal_progress)
    .bind(&feedback.strengths)
    .bind(&feedback.to_improve)
    .bind(&feedback.observations)
    .bind(&feedback.next_step)
    .bind(now)
    .execute(&mut *connection)
    .await?
    .last_insert_rowid())
}

/// The pair a feedback belongs to.
pub async fn pair_of_feedback(pool: &SqlitePool, id: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT pair_id FROM feedback WHERE id = ?")
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// Whether the mentee has acknowledged the feedback already.
pub async fn is_acknowledged(
    connection: &mut SqliteConnection,
    id: i64,
) -> Result<bool, sqlx::Error> {
    let acknowledged: Option<bool> =
        sqlx::query_scalar("SELECT acknowledged_at IS NOT NULL FROM feedback WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *connection)
            .await?;
    Ok(acknowledged.unwrap_or(false))
}

/// One side's current fit check answer, if any.
pub async fn fit_answer_of(
    connection: &mut SqliteConnection,
    pair_id: i64,
    side: Side,
) -> Result<Option<FitAnswer>, sqlx::Error> {
    let answer: Option<String> =
        sqlx::query_scalar("SELECT answer FROM fit_checks WHERE pair_id = ? AND side = ?")
            .bind(pair_id)
            .bind(side.as_str())
            .fetch_optional(&mut *connection)
            .await?;
    Ok(crate::stored::decode_optional(
        "fit_checks",
        "answer",
        answer.as_deref(),
    )?)
}

/// Acknowledges, with the mentee's response when there is one (a response
/// replaces an earlier one).
pub async fn acknowledge(
    connection: &mut SqliteConnection,
    id: i64,
    response: Option<&str>,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE feedback SET acknowledged_at = COALESCE(acknowledged_at, ?), \
         response = COALESCE(?, response), responded_at = CASE WHEN ? IS NULL THEN responded_at ELSE ? END \
         WHERE id = ?",
    )
    .bind(now)
    .bind(response)
    .bind(response)
    .bind(now)
    .bind(id)
    .execute(&mut *connection)
    .await?;
    Ok(())
}

/// Whether the pair has held a meeting (the fit check is asked after the first).
pub async fn has_held_meeting(pool: &SqlitePool, pair_id: i64) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM meetings WHERE pair_id = ? AND status = 'held')",
    )
    .bind(pair_id)
    .fetch_one(pool)
    .await
}

/// One side's fit check, if given. Only this side's row is read.
async fn fit_response(
    pool: &SqlitePool,
    pair_id: i64,
    side: Side,
) -> Result<Option<FitResponse>, sqlx::Error> {
    let row: Option<(String, Option<String>)> =
        sqlx::query_as("SELECT answer, comment FROM fit_checks WHERE pair_id = ? AND side = ?")
            .bind(pair_id)
            .bind(side.as_str())
            .fetch_optional(pool)
            .await?;
    row.map(|(answer, comment)| {
        Ok(FitResponse {
            answer: crate::stored::decode("fit_checks", "answer", &answer)?,
            comment,
        })
    })
    .transpose()
}

/// Both sides' answers and comments: for the coordination only.
pub async fn fit_check(pool: &SqlitePool, pair_id: i64) -> Result<FitCheck, sqlx::Error> {
    Ok(FitCheck {
        mentor: fit_response(pool, pair_id, Side::Mentor).await?,
        mentee: fit_response(pool, pair_id, Side::Mentee).await?,
        due: has_held_meeting(pool, pair_id).await?,
    })
}

/// The fit check as `side` reads it: their own answer, never the other's.
pub async fn my_fit_check(
    pool: &SqlitePool,
    pair_id: i64,
    side: Side,
) -> Result<MyFitCheck, sqlx::Error> {
    let mut checks = my_fit_checks(pool, &[pair_id], side).await?;
    Ok(checks.remove(&pair_id).unwrap_or_default())
}

/// `my_fit_check` for several pairs where the reader is on the same `side`,
/// by pair (two queries whatever their number).
pub async fn my_fit_checks(
    pool: &SqlitePool,
    pair_ids: &[i64],
    side: Side,
) -> Result<BTreeMap<i64, MyFitCheck>, sqlx::Error> {
    let ids = json_ids(pair_ids);
    let held: Vec<i64> = sqlx::query_scalar(&format!(
        "SELECT DISTINCT pair_id FROM meetings WHERE pair_id {IN_LIST} AND status = 'held'"
    ))
    .bind(&ids)
    .fetch_all(pool)
    .await?;
    let answers: Vec<(i64, String, Option<String>)> = sqlx::query_as(&format!(
        "SELECT pair_id, answer, comment FROM fit_checks WHERE pair_id {IN_LIST} AND side = ?"
    ))
    .bind(&ids)
    .bind(side.as_str())
    .fetch_all(pool)
    .await?;
    pair_ids
        .iter()
        .map(|pair_id| {
            let mine = answers
                .iter()
                .find(|(pair, ..)| pair == pair_id)
                .map(|(_, answer, comment)| {
                    Ok::<_, sqlx::Error>(FitResponse {
                        answer: crate::stored::decode("fit_checks", "answer", answer)?,
                        comment: comment.clone(),
                    })
                })
                .transpose()?;
            let due = held.contains(pair_id);
            Ok((*pair_id, MyFitCheck { due, mine }))
        })
        .collect()
}

pub async fn save_fit_check(
    connection: &mut SqliteConnection,
    pair_id: i64,
    side: Side,
    answer: FitAnswer,
    comment: Option<&str>,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO fit_checks (pair_id, side, answer, comment, answered_at) VALUES (?, ?, ?, ?, ?) \
         ON CONFLICT (pair_id, side) DO UPDATE SET answer = excluded.answer, \
         comment = excluded.comment, answered_at = excluded.answered_at",
    )
    .bind(pair_id)
    .bind(side.as_str())
    .bind(answer.as_str())
    .bind(comment)
    .bind(now)
    .execute(&mut *connection)
    .await?;
    Ok(())
}
