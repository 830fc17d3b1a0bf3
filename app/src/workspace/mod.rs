//! The pair's workspace: what gathers the pair's goals, meetings, feedback,
//! messages and needs as one of its two people reads them, what is waiting for
//! whom, and the coordinator's read-only overview of a pair (no notes). The
//! pair's lifecycle itself (proposal, answers, end) is `pairs`.
pub mod ending_api;
pub mod ending_ui;
#[cfg(feature = "ssr")]
mod load;
pub mod pages;
pub mod view;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::feedback::{Feedback, FitCheck, MyFitCheck};
use crate::goals::{overall_progress, Goal, GoalStatus, Milestone};
use crate::meetings::{Meeting, MeetingStatus};
use crate::pairs::Side;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workspace {
    pub pair_id: i64,
    /// The reader's side.
    pub side: Side,
    pub partner_name: String,
    pub goals: Vec<Goal>,
    /// Soonest first.
    pub meetings: Vec<Meeting>,
    /// Newest first.
    pub feedback: Vec<Feedback>,
    /// The reader's own fit check only: the other side's answer and comment
    /// are the coordination's.
    pub fit_check: MyFitCheck,
    /// Active, or no longer (ended, withdrawn): then it is read-only.
    pub status: crate::pairs::PairStatus,
    /// The program day it ended (`YYYY-MM-DD`), once it has.
    pub closed_on: Option<String>,
    /// The program time the reader asked the coordination to end it, if
    /// they did (their reason is the coordination's; the other person is not
    /// told).
    pub my_end_request: Option<String>,
    /// The other person's messages the reader has not read.
    pub unread_messages: i64,
    /// The mentee's needs, which the pair's objectives are set from.
    pub needs: crate::needs::MenteeNeeds,
    /// The pair's messages and what each shows the other.
    pub thread: crate::messages::Thread,
}

/// A pair the reader was in that has ended: its workspace stays readable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastPair {
    pub pair_id: i64,
    pub partner_name: String,
    /// The program day it ended (`YYYY-MM-DD`).
    pub closed_on: Option<String>,
}

/// Something waiting for one side's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiting<'a> {
    Goal(&'a Goal),
    Meeting(&'a Meeting),
}

impl Workspace {
    pub fn overall_progress(&self) -> Option<u8> {
        overall_progress(&self.goals)
    }

    /// Goals and planned meetings waiting for `side` to agree, ask for a
    /// change, or rewrite after a change was asked (a meeting recorded after
    /// it took place too: its objectives are still agreed together).
    pub fn waiting_for(&self, side: Side) -> Vec<Waiting<'_>> {
        let goals = self
            .goals
            .iter()
            .filter(|goal| {
                goal.status == GoalStatus::InProgress && goal.agreement.waiting_for() == Some(side)
            })
            .map(Waiting::Goal);
        let meetings = self
            .meetings
            .iter()
            .filter(|meeting| {
                meeting.status == MeetingStatus::Planned
                    && meeting.agreement.waiting_for() == Some(side)
            })
            .map(Waiting::Meeting);
        goals.chain(meetings).collect()
    }

    /// The next meeting still ahead (agreed or not).
    pub fn next_meeting(&self) -> Option<&Meeting> {
        self.meetings.iter().find(|meeting| meeting.is_upcoming())
    }

    /// Meetings held that no feedback follows yet (the mentor's to write).
    pub fn feedback_due(&self) -> Vec<&Meeting> {
        self.meetings
            .iter()
            .filter(|meeting| meeting.status == MeetingStatus::Held && !meeting.has_feedback)
            .collect()
    }

    /// Milestones past their due date and not done, in goals still open.
    pub fn overdue_milestones(&self) -> Vec<(&Goal, &Milestone)> {
        self.goals
            .iter()
            .filter(|goal| goal.is_open() && goal.agreement.is_agreed())
            .flat_map(|goal| {
                goal.milestones
                    .iter()
                    .filter(|milestone| milestone.overdue)
                    .map(move |milestone| (goal, milestone))
            })
            .collect()
    }

    /// Planned meetings whose time has passed: to mark held or cancelled.
    pub fn to_log(&self) -> Vec<&Meeting> {
        self.meetings
            .iter()
            .filter(|meeting| meeting.status == MeetingStatus::Planned && meeting.is_past)
            .collect()
    }

    /// Feedback the mentee has not acknowledged yet.
    pub fn unacknowledged_feedback(&self) -> usize {
        self.feedback
            .iter()
            .filter(|feedback| !feedback.acknowledged)
            .count()
    }
}

/// The caller's active pairs' workspaces, and for a mentor their capacity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyWorkspaces {
    pub workspaces: Vec<Workspace>,
    /// A mentor's open pairs (proposed and active) and capacity.
    pub capacity: Option<(i64, i64)>,
    /// The reader's ended pairs, newest first (read-only).
    pub past: Vec<PastPair>,
}

/// The workspaces of the caller's active pairs (a mentor: one per mentee).
/// `read_messages`: the messages are on screen (marked read).
#[server(endpoint = "get_my_workspaces")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_my_workspaces(read_messages: Option<bool>) -> Result<MyWorkspaces, AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::server_context::pool;

    let authorized = authorize(Access::OwnProfile).await?;
    let account_id = authorized.account()?.id;
    let pool = pool()?;
    let members = crate::pairs::repo::active_pairs_of(&pool, account_id)
        .await?
        .into_iter()
        .map(|pair| crate::joint::member::Member::of_record(pair, account_id))
        .collect::<Result<Vec<_>, _>>()?;
    let workspaces = load::load_many(&pool, &members, read_messages.unwrap_or(false)).await?;
    let capacity: Option<(i64, i64)> = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM pairs p WHERE p.mentor_profile_id = pr.id \
                 AND p.status IN ('proposed', 'active')), pr.capacity \
         FROM profiles pr WHERE pr.account_id = ? AND pr.role = 'mentor' AND pr.capacity IS NOT NULL",
    )
    .bind(account_id)
    .fetch_optional(&pool)
    .await?;
    let past = crate::pairs::repo::past_pairs_of(&pool, account_id)
        .await?
        .into_iter()
        .map(|row| PastPair {
            pair_id: row.id,
            partner_name: row.partner_name,
            closed_on: row
                .closed_at
                .as_deref()
                .and_then(crate::program_time::program_date)
                .map(|day| day.format("%Y-%m-%d").to_string()),
        })
        .collect();
    Ok(MyWorkspaces {
        workspaces,
        capacity,
        past,
    })
}

/// One pair's workspace, for one of its two people (`read_messages`: the
/// messages are on screen, marked read).
#[server(endpoint = "get_workspace")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_workspace(
    pair_id: i64,
    read_messages: Option<bool>,
) -> Result<Workspace, AppError> {
    use crate::server_context::pool;

    let pool = pool()?;
    let member = crate::joint::member::pair_member(&pool, pair_id).await?;
    load(&pool, &member, read_messages.unwrap_or(false)).await
}

/// The workspace of `member`'s pair as they read it.
#[cfg(feature = "ssr")]
async fn load(
    pool: &sqlx::SqlitePool,
    member: &crate::joint::member::Member,
    read_messages: bool,
) -> Result<Workspace, AppError> {
    let mut workspaces = load::load_many(pool, std::slice::from_ref(member), read_messages).await?;
    workspaces.pop().ok_or(AppError::NotFound)
}

/// A pair as the coordinator follows it: progress and activity, and both
/// sides' fit checks with their comments (written for the coordination);
/// never the notes (shared or private) nor the feedback's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairOverview {
    pub pair_id: i64,
    pub mentee_name: String,
    pub mentor_name: String,
    pub status: crate::pairs::PairStatus,
    pub overall_progress: Option<u8>,
    /// Title, progress, status, agreed.
    pub goals: Vec<(String, u8, GoalStatus, bool)>,
    pub meetings_held: usize,
    pub meetings_planned: usize,
    pub feedback_given: usize,
    /// Program time of the latest change in the workspace.
    pub last_activity: Option<String>,
    pub fit_check: FitCheck,
}

/// The coordinator's read-only overview of a pair.
#[server(endpoint = "get_pair_overview")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_pair_overview(pair_id: i64) -> Result<PairOverview, AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::program_time::{program_time, program_today};
    use crate::server_context::pool;

    authorize(Access::PairOverview).await?;
    let pool = pool()?;
    let pair = crate::pairs::repo::find_pair(&pool, pair_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let goals = crate::goals::repo::goals_of_pair(&pool, pair_id, program_today()).await?;
    let counts: (i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM meetings WHERE pair_id = ? AND status = 'held'), \
                (SELECT COUNT(*) FROM meetings WHERE pair_id = ? AND status = 'planned'), \
                (SELECT COUNT(*) FROM feedback WHERE pair_id = ?)",
    )
    .bind(pair_id)
    .bind(pair_id)
    .bind(pair_id)
    .fetch_one(&pool)
    .await?;
    let last_activity: Option<String> = sqlx::query_scalar(
        "SELECT MAX(at) FROM ( \
             SELECT MAX(updated_at) AS at FROM goals WHERE pair_id = ? \
             UNION ALL SELECT MAX(updated_at) FROM meetings WHERE pair_id = ? \
             UNION ALL SELECT MAX(created_at) FROM feedback WHERE pair_id = ?)",
    )
    .bind(pair_id)
    .bind(pair_id)
    .bind(pair_id)
    .fetch_one(&pool)
    .await?;
    Ok(PairOverview {
        pair_id,
        status: pair.known_status()?,
        mentee_name: pair.mentee_name,
        mentor_name: pair.mentor_name,
        overall_progress: overall_progress(&goals),
        goals: goals
            .iter()
            .map(|goal| {
                (
                    goal.title.clone(),
                    goal.progress,
                    goal.status,
                    goal.agreement.is_agreed(),
                )
            })
            .collect(),
        meetings_held: usize::try_from(counts.0).unwrap_or_default(),
        meetings_planned: usize::try_from(counts.1).unwrap_or_default(),
        feedback_given: usize::try_from(counts.2).unwrap_or_default(),
        last_activity: last_activity.as_deref().map(program_time),
        fit_check: crate::feedback::repo::fit_check(&pool, pair_id).await?,
    })
}
