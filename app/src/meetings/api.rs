//! Server functions of meetings: only the pair's two people, only while the
//! pair is active (private notes: the mentor alone); every change names the
//! version it was made on.
// A form's fields are its server function's arguments (Leptos's convention).
#![allow(clippy::too_many_arguments)]
use leptos::prelude::*;

use crate::error::AppError;

#[cfg(feature = "ssr")]
use {
    super::repo::{self, MeetingPlan, MeetingRow},
    crate::joint::member::{item_for_change, Member, Who},
    crate::joint::AnswerStep,
    sqlx::SqlitePool,
};

#[cfg(feature = "ssr")]
use crate::program_time::utc_now_text as now;

mod after;
pub use after::*;

/// The plan from a form: every field's problem at once.
#[cfg(feature = "ssr")]
async fn parse_plan(
    pool: &SqlitePool,
    pair_id: i64,
    date: &str,
    time: &str,
    duration_minutes: &str,
    modality: &str,
    location: &str,
    objectives: Option<Vec<String>>,
    free_objectives: &str,
) -> Result<MeetingPlan, AppError> {
    use super::{
        next_step_lines, start_from_local, MeetingModality, ObjectiveChoice, DURATION_RANGE,
        OBJECTIVES_MAX,
    };
    use crate::error::{FieldErrors, InputProblem};
    use crate::input::{parse_optional_number, parse_optional_text};

    let mut errors = FieldErrors::new();
    let starts = start_from_local(date, time);
    if starts.is_none() {
        errors.push("date", InputProblem::InvalidDate);
    }
    // Today's meetings may start earlier today (a meeting recorded right
    // after it took place); earlier days are refused.
    if starts.is_some_and(|starts| {
        starts
            .with_timezone(&chrono_tz::America::Toronto)
            .date_naive()
            < crate::program_time::program_today()
    }) {
        errors.push("date", InputProblem::InThePast);
    }
    let duration = errors.check(parse_optional_number(
        "duration_minutes",
        duration_minutes,
        DURATION_RANGE.0,
        DURATION_RANGE.1,
    ));
    if matches!(duration, Some(None)) {
        errors.push("duration_minutes", InputProblem::Required);
    }
    let modality = MeetingModality::parse(modality);
    if modality.is_none() {
        errors.push("modality", InputProblem::InvalidChoice);
    }
    let location = errors.check(parse_optional_text("location", location, 500));
    let mut choices = Vec::new();
    for value in objectives.unwrap_or_default() {
        match ObjectiveChoice::parse(&value) {
            Some(choice) if !choices.contains(&choice) => choices.push(choice),
            Some(_) => {}
            None => errors.push("objectives", InputProblem::InvalidChoice),
        }
    }
    let free = next_step_lines(free_objectives);
    if free.iter().any(|line| line.chars().count() > 500) {
        errors.push("free_objectives", InputProblem::TooLong);
    }
    if choices.is_empty() && free.is_empty() {
        errors.push("objectives", InputProblem::ChooseAtLeastOne);
    }
    if choices.len() + free.len() > OBJECTIVES_MAX {
        errors.push("objectives", InputProblem::OutOfRange);
    }
    let (starts, duration_minutes, modality, location) =
        errors.finish_with(|| Some((starts?, duration??, modality?, location?)))?;
    let mut all = repo::chosen_objectives(pool, pair_id, &choices).await?;
    all.extend(free.into_iter().map(|text| super::Objective {
        goal_id: None,
        milestone_id: None,
        text,
    }));
    Ok(MeetingPlan {
        starts_at: crate::program_time::utc_text(starts),
        duration_minutes,
        modality,
        location,
        objectives: all,
    })
}

/// Tells the other person that a meeting was planned or changed, with its
/// time in the program's time zone (planning and revising say the same).
#[cfg(feature = "ssr")]
async fn tell_partner_of_plan(
    member: &Member,
    connection: &mut sqlx::SqliteConnection,
    plan: &MeetingPlan,
    meeting: (i64, i64),
) -> Result<(), AppError> {
    use crate::outbox::action_links::{repo as links, LinkAction};
    use crate::outbox::{compose, EmailKind};
    use crate::program_time::program_time;
    use crate::server_context::server_settings;

    let public_url = server_settings()?.public_url;
    let when = program_time(&plan.starts_at);
    // The email carries a link to agree without signing in (this version).
    let (id, version) = meeting;
    let link = links::create(
        connection,
        member.partner_account_id(),
        LinkAction::AgreeMeeting,
        id,
        version,
    )
    .await?;
    member
        .notify_partner_at(
            connection,
            EmailKind::MeetingPlanned,
            None,
            |locale, name, partner| compose::meeting_planned(locale, name, partner, &when),
            &format!("{public_url}{link}"),
        )
        .await
}

/// `repo::bump` on a meeting of `member`'s own pair (404 for another pair's).
#[cfg(feature = "ssr")]
async fn bump_own(
    transaction: &mut sqlx::SqliteConnection,
    member: &Member,
    id: i64,
    version: i64,
    now: &str,
) -> Result<MeetingRow, AppError> {
    let meeting = repo::bump(transaction, id, version, now).await?;
    if meeting.pair_id == member.pair.id {
        Ok(meeting)
    } else {
        Err(AppError::NotFound)
    }
}

/// A meeting answered must be of the member's own pair (404 for another
/// pair's) and still planned (409 once held or cancelled).
#[cfg(feature = "ssr")]
fn still_planned_in(meeting: &MeetingRow, member: &Member) -> Result<(), AppError> {
    if meeting.pair_id != member.pair.id {
        Err(AppError::NotFound)
    } else if meeting.status()? != super::MeetingStatus::Planned {
        Err(AppError::Conflict)
    } else {
        Ok(())
    }
}

/// The caller agrees to the meeting, inside `transaction`: decided on the
/// meeting as it stands once its version moved on.
#[cfg(feature = "ssr")]
pub(crate) async fn agree_in(
    transaction: &mut sqlx::SqliteConnection,
    member: &Member,
    id: i64,
    version: i64,
    now: &str,
) -> Result<(), AppError> {
    use crate::joint::agreement::JointStep;

    let step = AnswerStep {
        id,
        version,
        side: member.side,
        step: JointStep::Agree,
        comment: None,
        now,
    };
    repo::answer(transaction, &step, |meeting| {
        still_planned_in(meeting, member)
    })
    .await?;
    Ok(())
}

/// "We met": an agreed meeting that has started is marked held, its notes
/// kept, inside `transaction`.
#[cfg(feature = "ssr")]
pub(crate) async fn confirm_held_in(
    transaction: &mut sqlx::SqliteConnection,
    member: &Member,
    id: i64,
    version: i64,
    now: &str,
) -> Result<(), AppError> {
    use super::MeetingStatus;

    let meeting = bump_own(transaction, member, id, version, now).await?;
    if meeting.status()? != MeetingStatus::Planned
        || !meeting.agreement()?.is_agreed()
        || meeting.starts_at.as_str() > now
    {
        return Err(AppError::Conflict);
    }
    repo::mark_held(transaction, id).await?;
    Ok(())
}

/// Plans a meeting with its objectives; the other person agrees to it (or
/// asks for a change) before it takes place.
#[server(endpoint = "plan_meeting")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn plan_meeting(
    pair_id: i64,
    date: String,
    time: String,
    duration_minutes: String,
    modality: String,
    location: String,
    objectives: Option<Vec<String>>,
    free_objectives: String,
) -> Result<i64, AppError> {
    use crate::joint::member::active_pair_member;
    use crate::server_context::pool;

    let pool = pool()?;
    let member = active_pair_member(&pool, pair_id, Who::Either).await?;
    let plan = parse_plan(
        &pool,
        pair_id,
        &date,
        &time,
        &duration_minutes,
        &modality,
        &location,
        objectives,
        &free_objectives,
    )
    .await?;
    let now = now();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let id = repo::insert_meeting(&mut transaction, pair_id, &plan, member.side, &now).await?;
    tell_partner_of_plan(&member, &mut transaction, &plan, (id, 1)).await?;
    transaction.commit().await?;
    Ok(id)
}

/// Changes a planned meeting (time, place, objectives): a new proposal.
#[server(endpoint = "revise_meeting")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn revise_meeting(
    id: i64,
    version: i64,
    date: String,
    time: String,
    duration_minutes: String,
    modality: String,
    location: String,
    objectives: Option<Vec<String>>,
    free_objectives: String,
) -> Result<(), AppError> {
    use super::MeetingStatus;

    let (pool, member, meeting) = item_for_change::<MeetingRow>(id, Who::Either).await?;
    let plan = parse_plan(
        &pool,
        meeting.pair_id,
        &date,
        &time,
        &duration_minutes,
        &modality,
        &location,
        objectives,
        &free_objectives,
    )
    .await?;
    let now = now();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let meeting = repo::bump(&mut transaction, id, version, &now).await?;
    if meeting.status()? != MeetingStatus::Planned {
        return Err(AppError::Conflict);
    }
    repo::rewrite_meeting(&mut transaction, id, &plan, member.side).await?;
    tell_partner_of_plan(&member, &mut transaction, &plan, (id, meeting.version)).await?;
    transaction.commit().await?;
    Ok(())
}

/// Agrees to the meeting the other person planned, objectives included.
#[server(endpoint = "agree_meeting")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn agree_meeting(id: i64, version: i64) -> Result<(), AppError> {
    let (pool, member, _) = item_for_change::<MeetingRow>(id, Who::Either).await?;
    let now = now();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    agree_in(&mut transaction, &member, id, version, &now).await?;
    transaction.commit().await?;
    Ok(())
}

/// Asks the other person to change the meeting they planned, saying what.
#[server(endpoint = "request_meeting_change")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn request_meeting_change(
    id: i64,
    version: i64,
    comment: String,
) -> Result<(), AppError> {
    use crate::input::parse_required_text;
    use crate::joint::agreement::JointStep;
    use crate::outbox::{compose, EmailKind};
    use crate::program_time::program_time;
    use crate::server_context::server_settings;

    let (pool, member, _) = item_for_change::<MeetingRow>(id, Who::Either).await?;
    let comment = parse_required_text("comment", &comment, 2000)?;
    let now = now();
    let public_url = server_settings()?.public_url;
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let step = AnswerStep {
        id,
        version,
        side: member.side,
        step: JointStep::RequestChange,
        comment: Some(&comment),
        now: &now,
    };
    let meeting = repo::answer(&mut transaction, &step, |meeting| {
        still_planned_in(meeting, &member)
    })
    .await?;
    let when = program_time(&meeting.starts_at);
    // The one who planned it rewrites it: they are told (what is asked is
    // read in the workspace).
    member
        .notify_partner_about(
            &mut transaction,
            EmailKind::ChangeRequested,
            Some(meeting.starts_at.as_str()),
            |locale, name, partner| compose::meeting_change_requested(locale, name, partner, &when),
            &public_url,
        )
        .await?;
    transaction.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::milestone_title;

    #[test]
    fn long_next_steps_become_short_milestone_titles() {
        assert_eq!(milestone_title("Call Marie", 200), "Call Marie");
        let long = "word ".repeat(60);
        let title = milestone_title(&long, 200);
        assert!(title.chars().count() <= 200);
        assert!(title.ends_with("word…"));
        let unbroken = "x".repeat(300);
        assert_eq!(milestone_title(&unbroken, 200).chars().count(), 200);
    }
}
