//! Demo pairs at different stages, so that the mentor dashboard and the
//! mentee's goal tracking have something to show:
//! - Marc Tremblay with Amina Diallo: two agreed goals (milestones done, one
//!   overdue), a goal Amina proposed waiting for Marc, two meetings held (one
//!   with feedback, one still waiting for it), one agreed ahead and one Marc
//!   proposed waiting for Amina; Amina answered the fit check.
//! - Marc Tremblay with Lucas Roy: just started; a goal Marc proposed waits
//!   for Lucas, and a meeting that took place is still to be logged.
//! - Sophie Nguyen with Emily Chen (in English): a goal achieved, one in
//!   progress, feedback Emily has not read yet.
//!
//! Times are relative to the day the demo is loaded. Loaded once: nothing is
//! added when Amina already has a pair.
//!
//! This module holds the shared builders (pair, goal, meeting); each pair's
//! story is in its own child module, added in the order above.
use app::goals::repo::{self as goals, GoalText};
use app::goals::GoalEventKind;
use app::joint::agreement::Agreement;
use app::meetings::repo::{self as meetings, MeetingPlan};
use app::meetings::{start_from_local, MeetingModality, MeetingStatus, Objective};
use app::pairs::Side;
use app::program_time::utc_text;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sqlx::{SqliteConnection, SqlitePool};

mod marc_and_amina;
mod marc_and_lucas;
mod sophie_and_emily;

/// The named demo people the pairs are made of.
const MARC: &str = "marc.tremblay@demo.mentorat.example";
const AMINA: &str = "amina.diallo@demo.mentorat.example";
const LUCAS: &str = "lucas.roy@demo.mentorat.example";
const SOPHIE: &str = "sophie.nguyen@demo.mentorat.example";
const EMILY: &str = "emily.chen@demo.mentorat.example";

/// The moment a demo is loaded, which all its times are relative to: the
/// program's (Montréal) day and the UTC instant.
#[derive(Clone, Copy)]
pub(crate) struct DemoClock {
    pub today: NaiveDate,
    pub now: DateTime<Utc>,
}

impl DemoClock {
    /// The clock read now.
    pub fn start() -> DemoClock {
        DemoClock {
            today: app::program_time::program_today(),
            now: Utc::now(),
        }
    }

    /// UTC text of the instant `days` days before now.
    pub fn ago(&self, days: i64) -> String {
        utc_text(self.now - Duration::days(days))
    }
}

/// UTC text of a local (Montréal) day `days` from today, at `time`.
pub(crate) fn local_time(today: NaiveDate, days: i64, time: &str) -> String {
    let day = (today + Duration::days(days))
        .format("%Y-%m-%d")
        .to_string();
    start_from_local(&day, time)
        .map(utc_text)
        .unwrap_or_else(|| utc_text(Utc::now() + Duration::days(days)))
}

/// The local day `days` from `today`.
pub(crate) fn day(today: NaiveDate, days: i64) -> NaiveDate {
    today + Duration::days(days)
}

/// The profile and cohort of the account with this email, if it has a cohort.
async fn profile_of(
    connection: &mut SqliteConnection,
    email: &str,
) -> Result<Option<(i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id, p.cohort_id FROM profiles p JOIN accounts a ON a.id = p.account_id \
         WHERE a.email = ? AND p.cohort_id IS NOT NULL",
    )
    .bind(email)
    .fetch_optional(&mut *connection)
    .await
}

/// An active pair, both having accepted at `since`; `None` when either person
/// has no profile in a cohort.
async fn active_pair(
    connection: &mut SqliteConnection,
    mentor: &str,
    mentee: &str,
    score: i64,
    since: &str,
) -> Result<Option<i64>, sqlx::Error> {
    let (Some((mentor_profile, cohort)), Some((mentee_profile, _))) = (
        profile_of(connection, mentor).await?,
        profile_of(connection, mentee).await?,
    ) else {
        return Ok(None);
    };
    // The demo mentor has room for the demo pairs.
    sqlx::query("UPDATE profiles SET capacity = MAX(capacity, 3) WHERE id = ?")
        .bind(mentor_profile)
        .execute(&mut *connection)
        .await?;
    let id = sqlx::query(
        "INSERT INTO pairs (cohort_id, mentee_profile_id, mentor_profile_id, status, score, \
         mentee_answer, mentor_answer, proposed_at, activated_at) \
         VALUES (?, ?, ?, 'active', ?, 'accepted', 'accepted', ?, ?)",
    )
    .bind(cohort)
    .bind(mentee_profile)
    .bind(mentor_profile)
    .bind(score)
    .bind(since)
    .bind(since)
    .execute(&mut *connection)
    .await?
    .last_insert_rowid();
    Ok(Some(id))
}

/// A goal proposed by `by`, agreed by the other side unless `agreed` is false.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn goal(
    connection: &mut SqliteConnection,
    pair: i64,
    by: Side,
    title: &str,
    criterion: &str,
    target: Option<NaiveDate>,
    milestones: &[(&str, Option<NaiveDate>, bool)],
    agreed: bool,
    at: &str,
) -> Result<i64, sqlx::Error> {
    let text = GoalText {
        title: title.to_owned(),
        description: None,
        success_criterion: criterion.to_owned(),
        target_date: target,
    };
    let id = goals::insert_goal(connection, pair, &text, by, at).await?;
    goals::record_event(connection, id, by, GoalEventKind::Proposed, None, at).await?;
    let list: Vec<(String, Option<NaiveDate>)> = milestones
        .iter()
        .map(|(title, due, _)| ((*title).to_owned(), *due))
        .collect();
    if !list.is_empty() {
        goals::add_milestones(connection, id, &list, at).await?;
    }
    if agreed {
        goals::set_agreement(connection, id, Agreement::Agreed, by, None).await?;
        goals::record_event(connection, id, by.other(), GoalEventKind::Agreed, None, at).await?;
        let ids: Vec<i64> =
            sqlx::query_scalar("SELECT id FROM milestones WHERE goal_id = ? ORDER BY position")
                .bind(id)
                .fetch_all(&mut *connection)
                .await?;
        for (milestone, (title, _, done)) in ids.iter().zip(milestones) {
            if *done {
                goals::set_milestone_done(connection, id, *milestone, true, at).await?;
                goals::record_event(
                    connection,
                    id,
                    Side::Mentee,
                    GoalEventKind::MilestoneDone,
                    Some(title),
                    at,
                )
                .await?;
            }
        }
    }
    Ok(id)
}

/// A one-hour video meeting proposed by `by`, agreed by the other side if
/// `agreed`, with its outcome (status, notes, next steps) if given.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn meeting(
    connection: &mut SqliteConnection,
    pair: i64,
    by: Side,
    starts_at: String,
    objectives: &[(&str, Option<i64>)],
    agreed: bool,
    outcome: Option<(MeetingStatus, &str, &[String])>,
    at: &str,
) -> Result<i64, sqlx::Error> {
    let plan = MeetingPlan {
        starts_at,
        duration_minutes: 60,
        modality: MeetingModality::Video,
        location: Some("https://meet.example/carrefour-mentorat".to_owned()),
        objectives: objectives
            .iter()
            .map(|(text, goal_id)| Objective {
                goal_id: *goal_id,
                milestone_id: None,
                text: (*text).to_owned(),
            })
            .collect(),
    };
    let id = meetings::insert_meeting(connection, pair, &plan, by, at).await?;
    if agreed {
        app::joint::set_agreement(
            connection,
            app::joint::JointTable::Meetings,
            id,
            Agreement::Agreed,
            by,
            None,
        )
        .await?;
    }
    if let Some((status, notes, steps)) = outcome {
        meetings::record_outcome(connection, id, status, Some(notes), steps).await?;
    }
    Ok(id)
}

/// Adds the demo pairs; how many.
pub async fn add_workspaces(pool: &SqlitePool) -> Result<u64, sqlx::Error> {
    let mut transaction = app::write_transaction::begin_write(pool).await?;
    let started: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM pairs p JOIN profiles e ON e.id = p.mentee_profile_id \
         JOIN accounts a ON a.id = e.account_id WHERE a.email = 'amina.diallo@demo.mentorat.example')",
    )
    .fetch_one(&mut *transaction)
    .await?;
    if started {
        return Ok(0);
    }
    let clock = DemoClock::start();
    let mut added = 0;
    added += u64::from(marc_and_amina::add_pair(&mut transaction, clock).await?);
    added += u64::from(marc_and_lucas::add_pair(&mut transaction, clock).await?);
    added += u64::from(sophie_and_emily::add_pair(&mut transaction, clock).await?);
    transaction.commit().await?;
    Ok(added)
}
