//! Goals in the database. Every change starts with `bump`, which checks the
//! version the caller saw and moves it on, inside the change's transaction.
use std::collections::BTreeMap;

use chrono::NaiveDate;
use sqlx::{SqliteConnection, SqlitePool};

use super::changes::{ChangeKind, PendingChange};
use super::{progress, Goal, GoalEvent, GoalEventKind, GoalStatus, Milestone, ProgressFacts};
use crate::error::AppError;
use crate::joint::agreement::Agreement;
use crate::joint::{self, JointTable};
use crate::pairs::Side;
use crate::program_time::program_time;
use crate::sql_ids::{grouped, grouped_by, json_ids, IN_LIST};
use crate::stored::{decode, decode_or_skip, known, UnknownStoredValue};

mod milestones;
pub use milestones::*;

/// A goal's own columns.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GoalRow {
    pub id: i64,
    pub pair_id: i64,
    pub title: String,
    pub description: Option<String>,
    pub success_criterion: String,
    pub target_date: Option<String>,
    pub agreement: String,
    pub agreement_side: String,
    pub change_comment: Option<String>,
    pub status: String,
    pub assessed_progress: Option<i64>,
    pub assessment_comment: Option<String>,
    pub assessed_at: Option<String>,
    pub milestones_changed_at: Option<String>,
    pub version: i64,
    pub pending_change: Option<String>,
    pub pending_side: Option<String>,
    pub pending_title: Option<String>,
    pub pending_due: Option<String>,
    pub pending_step_id: Option<i64>,
}

crate::joint_item!(GoalRow, find_goal);

impl GoalRow {
    pub fn agreement(&self) -> Result<Agreement, UnknownStoredValue> {
        Agreement::stored("goals", &self.agreement, &self.agreement_side)
    }

    pub fn status(&self) -> Result<GoalStatus, UnknownStoredValue> {
        decode("goals", "status", &self.status)
    }

    /// The change waiting for an answer, if any (none when nothing is stored).
    pub fn pending(&self) -> Result<Option<PendingChange>, UnknownStoredValue> {
        let (Some(change), Some(side)) = (self.pending_change.as_deref(), &self.pending_side)
        else {
            return Ok(None);
        };
        Ok(Some(PendingChange {
            side: known(Side::parse(side), "goals", "pending_side", side)?,
            kind: known(
                ChangeKind::parse(
                    change,
                    self.pending_title.as_deref(),
                    self.pending_due.as_deref(),
                ),
                "goals",
                "pending_change",
                change,
            )?,
            step_id: self.pending_step_id,
        }))
    }
}

const GOAL_COLUMNS: &str = "id, pair_id, title, description, success_criterion, target_date, \
     agreement, agreement_side, change_comment, status, assessed_progress, assessment_comment, \
     assessed_at, milestones_changed_at, version, pending_change, pending_side, pending_title, \
     pending_due, pending_step_id";

#[derive(sqlx::FromRow)]
struct MilestoneRow {
    id: i64,
    goal_id: i64,
    title: String,
    due_date: Option<String>,
    done_at: Option<String>,
}

#[derive(sqlx::FromRow)]
struct EventRow {
    goal_id: i64,
    at: String,
    side: String,
    kind: String,
    detail: Option<String>,
}

/// What a goal proposal or revision says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalText {
    pub title: String,
    pub description: Option<String>,
    pub success_criterion: String,
    pub target_date: Option<NaiveDate>,
}

pub async fn find_goal(pool: &SqlitePool, id: i64) -> Result<Option<GoalRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {GOAL_COLUMNS} FROM goals WHERE id = ?"))
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// The goal a milestone belongs to.
pub async fn goal_of_milestone(
    pool: &SqlitePool,
    milestone_id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT goal_id FROM milestones WHERE id = ?")
        .bind(milestone_id)
        .fetch_optional(pool)
        .await
}

/// Every goal of a pair with its milestones and history, oldest goal first.
pub async fn goals_of_pair(
    pool: &SqlitePool,
    pair_id: i64,
    today: NaiveDate,
) -> Result<Vec<Goal>, sqlx::Error> {
    let mut goals = goals_of_pairs(pool, &[pair_id], today).await?;
    Ok(goals.remove(&pair_id).unwrap_or_default())
}

/// `goals_of_pair` for several pairs at once (four queries whatever their
/// number), by pair.
pub async fn goals_of_pairs(
    pool: &SqlitePool,
    pair_ids: &[i64],
    today: NaiveDate,
) -> Result<BTreeMap<i64, Vec<Goal>>, sqlx::Error> {
    let rows: Vec<GoalRow> = sqlx::query_as(&format!(
        "SELECT {GOAL_COLUMNS} FROM goals WHERE pair_id {IN_LIST} ORDER BY id"
    ))
    .bind(json_ids(pair_ids))
    .fetch_all(pool)
    .await?;
    let parts = GoalParts::of_pairs(pool, pair_ids).await?;
    let today = today.format("%Y-%m-%d").to_string();
    let goals = rows
        .into_iter()
        .map(|row| Ok((row.pair_id, parts.goal(row, &today)?)))
        .collect::<Result<Vec<_>, UnknownStoredValue>>()?;
    Ok(grouped(pair_ids, goals))
}

/// A goal's skill tie: (goal, skill code, French label, English label).
type NeedTie = (i64, String, Option<String>, Option<String>);

/// What pairs' goals hold besides their own rows: milestones, history and
/// the skills they work on.
struct GoalParts {
    /// By goal, as are the events and ties.
    milestones: BTreeMap<i64, Vec<MilestoneRow>>,
    events: BTreeMap<i64, Vec<EventRow>>,
    ties: BTreeMap<i64, Vec<NeedTie>>,
}

impl GoalParts {
    async fn of_pairs(pool: &SqlitePool, pair_ids: &[i64]) -> Result<Self, sqlx::Error> {
        let ids = json_ids(pair_ids);
        let milestones: Vec<MilestoneRow> = sqlx::query_as(&format!(
            "SELECT m.id, m.goal_id, m.title, m.due_date, m.done_at FROM milestones m \
             JOIN goals g ON g.id = m.goal_id WHERE g.pair_id {IN_LIST} \
             ORDER BY m.goal_id, m.position, m.id"
        ))
        .bind(&ids)
        .fetch_all(pool)
        .await?;
        let events: Vec<EventRow> = sqlx::query_as(&format!(
            "SELECT e.goal_id, e.at, e.side, e.kind, e.detail FROM goal_events e \
             JOIN goals g ON g.id = e.goal_id WHERE g.pair_id {IN_LIST} ORDER BY e.at DESC, e.id DESC"
        ))
        .bind(&ids)
        .fetch_all(pool)
        .await?;
        let ties: Vec<NeedTie> = sqlx::query_as(&format!(
            "SELECT n.goal_id, s.code, s.label_fr, s.label_en FROM goal_needs n \
             JOIN goals g ON g.id = n.goal_id JOIN skills s ON s.id = n.skill_id \
             WHERE g.pair_id {IN_LIST} ORDER BY s.position, s.code"
        ))
        .bind(&ids)
        .fetch_all(pool)
        .await?;
        Ok(Self {
            milestones: grouped_by(milestones, |milestone| milestone.goal_id),
            events: grouped_by(events, |event| event.goal_id),
            ties: grouped_by(ties, |(goal, ..)| *goal),
        })
    }

    /// The goal's milestones; one not done by its due date (before `today`)
    /// is overdue.
    fn milestones_of(&self, goal_id: i64, today: &str) -> Vec<Milestone> {
        self.milestones
            .get(&goal_id)
            .into_iter()
            .flatten()
            .map(|milestone| Milestone {
                id: milestone.id,
                title: milestone.title.clone(),
                due_date: milestone.due_date.clone(),
                done: milestone.done_at.is_some(),
                overdue: milestone.done_at.is_none()
                    && milestone.due_date.as_deref().is_some_and(|due| due < today),
            })
            .collect()
    }

    /// The goal's history, newest first; an event of unknown side or kind
    /// is left out (logged), the rest still shown.
    fn history_of(&self, goal_id: i64) -> Vec<GoalEvent> {
        self.events
            .get(&goal_id)
            .into_iter()
            .flatten()
            .filter_map(|event| {
                Some(GoalEvent {
                    at: program_time(&event.at),
                    side: known(Side::parse(&event.side), "goal_events", "side", &event.side)
                        .ok()?,
                    kind: decode_or_skip("goal_events", "kind", &event.kind)?,
                    detail: event.detail.clone(),
                })
            })
            .collect()
    }

    /// The skills the goal works on, with their labels.
    fn needs_of(&self, goal_id: i64) -> Vec<(String, crate::catalog::Bilingual)> {
        self.ties
            .get(&goal_id)
            .into_iter()
            .flatten()
            .map(|(_, code, fr, en)| {
                let labels = crate::catalog::Bilingual {
                    fr: fr.clone(),
                    en: en.clone(),
                };
                (code.clone(), labels)
            })
            .collect()
    }

    /// The goal as shown, its progress worked out.
    fn goal(&self, row: GoalRow, today: &str) -> Result<Goal, UnknownStoredValue> {
        let milestones = self.milestones_of(row.id, today);
        let agreement = row.agreement()?;
        let status = row.status()?;
        let pending = row.pending()?;
        let (percent, source) = progress(&ProgressFacts {
            agreed: agreement.is_agreed(),
            status,
            milestones_done: milestones.iter().filter(|m| m.done).count(),
            milestones: milestones.len(),
            assessment: row
                .assessed_progress
                .zip(row.assessed_at.as_deref())
                .map(|(percent, at)| (percent.clamp(0, 100) as u8, at)),
            milestones_changed_at: row.milestones_changed_at.as_deref(),
        });
        Ok(Goal {
            id: row.id,
            history: self.history_of(row.id),
            needs: self.needs_of(row.id),
            title: row.title,
            description: row.description,
            success_criterion: row.success_criterion,
            target_date: row.target_date,
            agreement,
            change_comment: row.change_comment,
            status,
            progress: percent,
            progress_source: source,
            assessment_comment: row.assessment_comment,
            pending,
            milestones,
            version: row.version,
        })
    }
}

/// `joint::bump` on this table: the goal as it stands inside the change's
/// transaction, which every rule of the change is decided on.
pub async fn bump(
    connection: &mut SqliteConnection,
    goal_id: i64,
    version: i64,
    now: &str,
) -> Result<GoalRow, AppError> {
    joint::bump(
        connection,
        JointTable::Goals,
        GOAL_COLUMNS,
        goal_id,
        version,
        now,
    )
    .await
}

/// The reader's answer to a proposed goal (see `joint::answer`).
pub async fn answer(
    connection: &mut SqliteConnection,
    answer: &joint::AnswerStep<'_>,
) -> Result<GoalRow, AppError> {
    joint::answer(connection, JointTable::Goals, GOAL_COLUMNS, answer, |_| {
        Ok(())
    })
    .await
}

pub async fn insert_goal(
    connection: &mut SqliteConnection,
    pair_id: i64,
    text: &GoalText,
    side: Side,
    now: &str,
) -> Result<i64, sqlx::Error> {
    let result = sqlx::query(
        "INSERT INTO goals (pair_id, title, description, success_criterion, target_date, \
         agreement, agreement_side, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'proposed', ?, ?, ?)",
    )
    .bind(pair_id)
    .bind(&text.title)
    .bind(&text.description)
    .bind(&text.success_criterion)
    .bind(text.target_date.map(|date| date.format("%Y-%m-%d").to_string()))
    .bind(side.as_str())
    .bind(now)
    .bind(now)
    .execute(&mut *connection)
    .await?;
    Ok(result.last_insert_rowid())
}

/// Rewrites the goal's text: a new proposal by `side`.
pub async fn rewrite_goal(
    connection: &mut SqliteConnection,
    goal_id: i64,
    text: &GoalText,
    side: Side,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE goals SET title = ?, description = ?, success_criterion = ?, target_date = ?, \
         agreement = 'proposed', agreement_side = ?, change_comment = NULL WHERE id = ?",
    )
    .bind(&text.title)
    .bind(&text.description)
    .bind(&text.success_criterion)
    .bind(
        text.target_date
            .map(|date| date.format("%Y-%m-%d").to_string()),
    )
    .bind(side.as_str())
    .bind(goal_id)
    .execute(&mut *connection)
    .await?;
    Ok(())
}

/// `joint::set_agreement` on this table.
pub async fn set_agreement(
    connection: &mut SqliteConnection,
    goal_id: i64,
    agreement: Agreement,
    last_side: Side,
    comment: Option<&str>,
) -> Result<(), sqlx::Error> {
    joint::set_agreement(
        connection,
        JointTable::Goals,
        goal_id,
        agreement,
        last_side,
        comment,
    )
    .await
}

pub async fn assess(
    connection: &mut SqliteConnection,
    goal_id: i64,
    percent: i64,
    comment: &str,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE goals SET assessed_progress = ?, assessment_comment = ?, assessed_at = ? WHERE id = ?",
    )
    .bind(percent)
    .bind(comment)
    .bind(now)
    .bind(goal_id)
    .execute(&mut *connection)
    .await?;
    Ok(())
}

pub async fn set_status(
    connection: &mut SqliteConnection,
    goal_id: i64,
    status: GoalStatus,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE goals SET status = ? WHERE id = ?")
        .bind(status.as_str())
        .bind(goal_id)
        .execute(&mut *connection)
        .await?;
    Ok(())
}

pub async fn record_event(
    connection: &mut SqliteConnection,
    goal_id: i64,
    side: Side,
    kind: GoalEventKind,
    detail: Option<&str>,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO goal_events (goal_id, at, side, kind, detail) VALUES (?, ?, ?, ?, ?)")
        .bind(goal_id)
        .bind(now)
        .bind(side.as_str())
        .bind(kind.as_str())
        .bind(detail)
        .execute(&mut *connection)
        .await?;
    Ok(())
}

/// Stores the change waiting for an answer (`None` clears it).
pub async fn set_pending(
    connection: &mut SqliteConnection,
    goal_id: i64,
    pending: Option<&PendingChange>,
) -> Result<(), sqlx::Error> {
    let (title, due) = match pending.map(|pending| &pending.kind) {
        Some(ChangeKind::Milestone { title, due }) => (Some(title.as_str()), due.as_deref()),
        _ => (None, None),
    };
    sqlx::query(
        "UPDATE goals SET pending_change = ?, pending_side = ?, pending_title = ?, \
         pending_due = ?, pending_step_id = ? WHERE id = ?",
    )
    .bind(pending.map(|pending| pending.kind.as_str()))
    .bind(pending.map(|pending| pending.side.as_str()))
    .bind(title)
    .bind(due)
    .bind(pending.and_then(|pending| pending.step_id))
    .bind(goal_id)
    .execute(&mut *connection)
    .await?;
    Ok(())
}
