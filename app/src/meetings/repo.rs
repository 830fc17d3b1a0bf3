//! Meetings in the database. Like goals, every change starts with `bump`.
//! The mentor's private notes are read by `meetings_of_pair(s)` only when
//! asked for the mentor (`for_mentor`, `notes_for`), and by nothing else.
use std::collections::BTreeMap;

use sqlx::{SqliteConnection, SqlitePool};

use super::{Meeting, MeetingModality, MeetingStatus, NextStep, Objective, ObjectiveChoice};
use crate::error::{AppError, InputProblem};
use crate::joint::agreement::Agreement;
use crate::joint::{self, JointTable};
use crate::pairs::Side;
use crate::program_time::program_time;
use crate::sql_ids::{grouped, json_ids, IN_LIST};

mod parts;
use parts::MeetingParts;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MeetingRow {
    pub id: i64,
    pub pair_id: i64,
    pub starts_at: String,
    pub duration_minutes: i64,
    pub modality: String,
    pub location: Option<String>,
    pub agreement: String,
    pub agreement_side: String,
    pub change_comment: Option<String>,
    pub status: String,
    pub shared_notes: Option<String>,
    pub version: i64,
}

crate::joint_item!(MeetingRow, find_meeting);

impl MeetingRow {
    pub fn agreement(&self) -> Result<Agreement, crate::stored::UnknownStoredValue> {
        Agreement::stored("meetings", &self.agreement, &self.agreement_side)
    }

    pub fn status(&self) -> Result<MeetingStatus, crate::stored::UnknownStoredValue> {
        crate::stored::decode("meetings", "status", &self.status)
    }
}

const MEETING_COLUMNS: &str = "id, pair_id, starts_at, duration_minutes, modality, location, \
     agreement, agreement_side, change_comment, status, shared_notes, version";

/// A meeting's plan, as proposed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingPlan {
    /// UTC text (`utc_text`).
    pub starts_at: String,
    pub duration_minutes: i64,
    pub modality: MeetingModality,
    pub location: Option<String>,
    pub objectives: Vec<Objective>,
}

pub async fn find_meeting(pool: &SqlitePool, id: i64) -> Result<Option<MeetingRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {MEETING_COLUMNS} FROM meetings WHERE id = ?"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await
}

/// Every meeting of a pair, soonest first; `now` is UTC text.
pub async fn meetings_of_pair(
    pool: &SqlitePool,
    pair_id: i64,
    now: &str,
    for_mentor: bool,
) -> Result<Vec<Meeting>, sqlx::Error> {
    let notes_for: &[i64] = if for_mentor { &[pair_id] } else { &[] };
    let mut meetings = meetings_of_pairs(pool, &[pair_id], now, notes_for).await?;
    Ok(meetings.remove(&pair_id).unwrap_or_default())
}

/// `meetings_of_pair` for several pairs at once, by pair; the private notes
/// are read for the pairs of `notes_for` only (whose mentor reads them).
pub async fn meetings_of_pairs(
    pool: &SqlitePool,
    pair_ids: &[i64],
    now: &str,
    notes_for: &[i64],
) -> Result<BTreeMap<i64, Vec<Meeting>>, sqlx::Error> {
    let rows: Vec<MeetingRow> = sqlx::query_as(&format!(
        "SELECT {MEETING_COLUMNS} FROM meetings WHERE pair_id {IN_LIST} ORDER BY starts_at, id"
    ))
    .bind(json_ids(pair_ids))
    .fetch_all(pool)
    .await?;
    let parts = MeetingParts::of_pairs(pool, pair_ids, notes_for).await?;
    let meetings = rows
        .into_iter()
        .map(|row| Ok((row.pair_id, parts.meeting(row, now)?)))
        .collect::<Result<Vec<_>, crate::stored::UnknownStoredValue>>()?;
    Ok(grouped(pair_ids, meetings))
}

/// The words of each chosen objective, from the pair's own goals and
/// milestones (anything else is refused).
pub async fn chosen_objectives(
    pool: &SqlitePool,
    pair_id: i64,
    choices: &[ObjectiveChoice],
) -> Result<Vec<Objective>, AppError> {
    let mut objectives = Vec::with_capacity(choices.len());
    for choice in choices {
        let found: Option<(i64, Option<i64>, String)> = match choice {
            ObjectiveChoice::Goal(id) => {
                sqlx::query_as(
                    "SELECT id, NULL, title FROM goals WHERE id = ? AND pair_id = ? \
                     AND status = 'in_progress'",
                )
                .bind(id)
                .bind(pair_id)
                .fetch_optional(pool)
                .await?
            }
            ObjectiveChoice::Milestone(id) => sqlx::query_as(
                "SELECT g.id, m.id, m.title FROM milestones m JOIN goals g ON g.id = m.goal_id \
                     WHERE m.id = ? AND g.pair_id = ?",
            )
            .bind(id)
            .bind(pair_id)
            .fetch_optional(pool)
            .await?,
        };
        let (goal_id, milestone_id, text) = found.ok_or(AppError::InvalidInput {
            field: "objectives".into(),
            problem: InputProblem::InvalidChoice,
        })?;
        objectives.push(Objective {
            goal_id: Some(goal_id),
            milestone_id,
            text,
        });
    }
    Ok(objectives)
}

/// `joint::bump` on this table.
pub async fn bump(
    connection: &mut SqliteConnection,
    id: i64,
    version: i64,
    now: &str,
) -> Result<MeetingRow, AppError> {
    joint::bump(
        connection,
        JointTable::Meetings,
        MEETING_COLUMNS,
        id,
        version,
        now,
    )
    .await
}

/// The reader's answer to a planned meeting (see `joint::answer`), with
/// `check` deciding on the meeting as it now stands.
pub async fn answer(
    connection: &mut SqliteConnection,
    answer: &joint::AnswerStep<'_>,
    check: impl FnOnce(&MeetingRow) -> Result<(), AppError>,
) -> Result<MeetingRow, AppError> {
    joint::answer(
        connection,
        JointTable::Meetings,
        MEETING_COLUMNS,
        answer,
        check,
    )
    .await
}

pub async fn insert_meeting(
    connection: &mut SqliteConnection,
    pair_id: i64,
    plan: &MeetingPlan,
    side: Side,
    now: &str,
) -> Result<i64, sqlx::Error> {
    let id = sqlx::query(
        "INSERT INTO meetings (pair_id, starts_at, duration_minutes, modality, location, \
         agreement, agreement_side, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, 'proposed', ?, ?, ?)",
    )
    .bind(pair_id)
    .bind(&plan.starts_at)
    .bind(plan.duration_minutes)
    .bind(plan.modality.as_str())
    .bind(&plan.location)
    .bind(side.as_str())
    .bind(now)
    .bind(now)
    .execute(&mut *connection)
    .await?
    .last_insert_rowid();
    replace_objectives(connection, id, &plan.objectives).await?;
    Ok(id)
}

/// Rewrites a planned meeting: a new proposal by `side`.
pub async fn rewrite_meeting(
    connection: &mut SqliteConnection,
    id: i64,
    plan: &MeetingPlan,
    side: Side,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE meetings SET starts_at = ?, duration_minutes = ?, modality = ?, location = ?, \
         agreement = 'proposed', agreement_side = ?, change_comment = NULL, reminder_sent_at = NULL \
         WHERE id = ?",
    )
    .bind(&plan.starts_at)
    .bind(plan.duration_minutes)
    .bind(plan.modality.as_str())
    .bind(&plan.location)
    .bind(side.as_str())
    .bind(id)
    .execute(&mut *connection)
    .await?;
    replace_objectives(connection, id, &plan.objectives).await
}

async fn replace_objectives(
    connection: &mut SqliteConnection,
    id: i64,
    objectives: &[Objective],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM meeting_objectives WHERE meeting_id = ?")
        .bind(id)
        .execute(&mut *connection)
        .await?;
    for (position, objective) in objectives.iter().enumerate() {
        sqlx::query(
            "INSERT INTO meeting_objectives (meeting_id, position, goal_id, milestone_id, text) \
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(position as i64)
        .bind(objective.goal_id)
        .bind(objective.milestone_id)
        .bind(&objective.text)
        .execute(&mut *connection)
        .await?;
    }
    Ok(())
}

/// Records how the meeting went: its status, the shared notes and the next
/// steps (replacing those written before).
pub async fn record_outcome(
    connection: &mut SqliteConnection,
    id: i64,
    status: MeetingStatus,
    shared_notes: Option<&str>,
    next_steps: &[String],
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE meetings SET status = ?, shared_notes = ? WHERE id = ?")
        .bind(status.as_str())
        .bind(shared_notes)
        .bind(id)
        .execute(&mut *connection)
        .await?;
    // Steps that already became milestones stay; the others are rewritten.
    sqlx::query("DELETE FROM meeting_next_steps WHERE meeting_id = ? AND milestone_id IS NULL")
        .bind(id)
        .execute(&mut *connection)
        .await?;
    let kept: Vec<String> = sqlx::query_scalar(
        "SELECT text FROM meeting_next_steps WHERE meeting_id = ? ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *connection)
    .await?;
    let new_steps = next_steps.iter().filter(|text| !kept.contains(text));
    for (position, text) in (kept.len() as i64..).zip(new_steps) {
        sqlx::query("INSERT INTO meeting_next_steps (meeting_id, position, text) VALUES (?, ?, ?)")
            .bind(id)
            .bind(position)
            .bind(text)
            .execute(&mut *connection)
            .await?;
    }
    Ok(())
}

pub async fn save_private_note(
    connection: &mut SqliteConnection,
    id: i64,
    body: Option<&str>,
    now: &str,
) -> Result<(), sqlx::Error> {
    match body {
        Some(body) => {
            sqlx::query(
                "INSERT INTO meeting_private_notes (meeting_id, body, updated_at) VALUES (?, ?, ?) \
                 ON CONFLICT (meeting_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            )
            .bind(id)
            .bind(body)
            .bind(now)
            .execute(&mut *connection)
            .await?;
        }
        None => {
            sqlx::query("DELETE FROM meeting_private_notes WHERE meeting_id = ?")
                .bind(id)
                .execute(&mut *connection)
                .await?;
        }
    }
    Ok(())
}

/// A next step and the meeting it was written after.
pub async fn find_next_step(
    pool: &SqlitePool,
    id: i64,
) -> Result<Option<(i64, String, Option<i64>)>, sqlx::Error> {
    sqlx::query_as("SELECT meeting_id, text, milestone_id FROM meeting_next_steps WHERE id = ?")
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// A planned meeting, agreed by both, starting between `from` and `to` (UTC
/// text) whose reminder was not sent (one still waiting for an answer is not
/// a meeting to remind anyone of): id, start, and both people's names, emails, languages.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DueReminder {
    pub id: i64,
    pub starts_at: String,
    pub mentee_name: String,
    pub mentee_email: String,
    pub mentee_locale: String,
    pub mentor_name: String,
    pub mentor_email: String,
    pub mentor_locale: String,
}

pub async fn due_reminders(
    pool: &SqlitePool,
    from: &str,
    to: &str,
) -> Result<Vec<DueReminder>, sqlx::Error> {
    sqlx::query_as(
        "SELECT m.id, m.starts_at, \
                ea.display_name AS mentee_name, ea.email AS mentee_email, ea.locale AS mentee_locale, \
                ra.display_name AS mentor_name, ra.email AS mentor_email, ra.locale AS mentor_locale \
         FROM meetings m JOIN pairs p ON p.id = m.pair_id \
         JOIN profiles e ON e.id = p.mentee_profile_id JOIN accounts ea ON ea.id = e.account_id \
         JOIN profiles r ON r.id = p.mentor_profile_id JOIN accounts ra ON ra.id = r.account_id \
         WHERE m.status = 'planned' AND m.agreement = 'agreed' AND m.reminder_sent_at IS NULL \
           AND p.status = 'active' \
           AND m.starts_at > ? AND m.starts_at <= ? ORDER BY m.starts_at",
    )
    .bind(from)
    .bind(to)
    .fetch_all(pool)
    .await
}

/// Marks a reminder sent; false when another run did it first.
pub async fn mark_reminded(
    connection: &mut SqliteConnection,
    id: i64,
    now: &str,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE meetings SET reminder_sent_at = ? WHERE id = ? AND reminder_sent_at IS NULL",
    )
    .bind(now)
    .bind(id)
    .execute(&mut *connection)
    .await?
    .rows_affected()
        == 1)
}

/// Marks a meeting held, its notes and next steps kept ("we met").
pub async fn mark_held(connection: &mut SqliteConnection, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE meetings SET status = 'held' WHERE id = ? AND status = 'planned'")
        .bind(id)
        .execute(&mut *connection)
        .await?;
    Ok(())
}
