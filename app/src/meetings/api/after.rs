//! After a meeting: how it went (held or cancelled, shared notes, next steps), the mentor's private note, and a next step made a milestone.
#[allow(unused_imports)]
use super::*;

/// After the meeting: `held` (it took place: only once agreed and started)
/// or `cancelled`, with shared notes and next steps (one per line). Either
/// person may write them; writing again replaces them.
#[server(endpoint = "log_meeting")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn log_meeting(
    id: i64,
    version: i64,
    outcome: String,
    shared_notes: String,
    next_steps: String,
) -> Result<(), AppError> {
    use crate::error::{FieldErrors, InputProblem};
    use crate::input::parse_optional_text;
    use crate::meetings::{next_step_lines, MeetingStatus};
    use crate::outbox::{compose, EmailKind};
    use crate::program_time::program_time;
    use crate::server_context::server_settings;

    let (pool, member, _) = item_for_change::<MeetingRow>(id, Who::Either).await?;
    let mut errors = FieldErrors::new();
    let outcome = match MeetingStatus::parse(&outcome) {
        Some(status) if status != MeetingStatus::Planned => Some(status),
        _ => {
            errors.push("outcome", InputProblem::InvalidChoice);
            None
        }
    };
    let notes = errors.check(parse_optional_text("shared_notes", &shared_notes, 10_000));
    let steps = next_step_lines(&next_steps);
    if steps.len() > 10 || steps.iter().any(|step| step.chars().count() > 500) {
        errors.push("next_steps", InputProblem::TooLong);
    }
    let (outcome, notes) = errors.finish_with(|| Some((outcome?, notes?)))?;
    let now = now();
    let public_url = server_settings()?.public_url;
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let meeting = repo::bump(&mut transaction, id, version, &now).await?;
    if outcome == MeetingStatus::Held {
        if !meeting.agreement()?.is_agreed() {
            return Err(AppError::NotAgreed);
        }
        if meeting.starts_at > now {
            return Err(AppError::InvalidInput {
                field: "outcome".into(),
                problem: InputProblem::NotYet,
            });
        }
    }
    let when = program_time(&meeting.starts_at);
    repo::record_outcome(&mut transaction, id, outcome, notes.as_deref(), &steps).await?;
    // A cancellation is news to the other person (once: rewriting the notes
    // of a cancelled meeting is not).
    if outcome == MeetingStatus::Cancelled && meeting.status()? != MeetingStatus::Cancelled {
        member
            .notify_partner_about(
                &mut transaction,
                EmailKind::MeetingCancelled,
                Some(meeting.starts_at.as_str()),
                |locale, name, partner| compose::meeting_cancelled(locale, name, partner, &when),
                &public_url,
            )
            .await?;
    }
    transaction.commit().await?;
    Ok(())
}

/// The mentor's private notes on a meeting (empty clears them): never shown
/// to the mentee or the coordinator.
#[server(endpoint = "save_private_note")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn save_private_note(id: i64, body: String) -> Result<(), AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::input::parse_optional_text;

    let (pool, member, _) = item_for_change::<MeetingRow>(id, Who::Mentor).await?;
    authorize(Access::MentorPrivate {
        mentor_id: member.pair.mentor_account_id,
    })
    .await?;
    let body = parse_optional_text("body", &body, 10_000)?;
    let mut connection = pool.acquire().await?;
    repo::save_private_note(&mut connection, id, body.as_deref(), &now()).await?;
    Ok(())
}

/// Turns a next step written after a meeting into a milestone of one of the
/// pair's goals in progress, once: the step then names the milestone it became.
#[server(endpoint = "next_step_to_milestone")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn next_step_to_milestone(
    step_id: i64,
    goal_id: i64,
    goal_version: i64,
) -> Result<(), AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::error::InputProblem;
    use crate::goals::{repo as goals, GoalStatus, TITLE_MAX_CHARS};
    use crate::joint::member::active_pair_member;
    use crate::server_context::pool;

    authorize(Access::SignedIn).await?;
    let pool = pool()?;
    let (meeting_id, text, milestone) = repo::find_next_step(&pool, step_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let meeting = repo::find_meeting(&pool, meeting_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let member = active_pair_member(&pool, meeting.pair_id, Who::Either).await?;
    let goal = goals::find_goal(&pool, goal_id)
        .await?
        .filter(|goal| goal.pair_id == meeting.pair_id)
        .ok_or(AppError::InvalidInput {
            field: "goal_id".into(),
            problem: InputProblem::InvalidChoice,
        })?;
    if milestone.is_some() {
        return Err(AppError::Conflict);
    }
    let title = milestone_title(&text, TITLE_MAX_CHARS);
    let now = now();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let goal = goals::bump(&mut transaction, goal.id, goal_version, &now).await?;
    if goal.status()? != GoalStatus::InProgress {
        return Err(AppError::Conflict);
    }
    if goal.agreement()?.is_agreed() {
        // An agreed goal takes a new milestone once the other side agrees:
        // proposed, and the step linked when it is.
        let kind = crate::goals::changes::ChangeKind::Milestone { title, due: None };
        crate::goals::api::propose_change(
            &mut transaction,
            &member,
            &goal,
            kind,
            Some(step_id),
            &now,
        )
        .await?;
    } else {
        let milestone_id = goals::add_recorded_milestone(
            &mut transaction,
            goal_id,
            member.side,
            &title,
            None,
            &now,
        )
        .await?;
        // Two people converting the same step at once: the second finds it linked.
        if !crate::goals::repo::link_next_step(&mut transaction, step_id, milestone_id).await? {
            return Err(AppError::Conflict);
        }
        // Part of a goal still being agreed: it is the converter's proposal now.
        let next = goal
            .agreement()?
            .after(crate::joint::agreement::JointStep::Rewrite, member.side)?;
        goals::set_agreement(&mut transaction, goal_id, next, member.side, None).await?;
    }
    transaction.commit().await?;
    Ok(())
}

/// A next step as a milestone's title: cut at `max` characters, on a word
/// when it can, and marked as cut.
pub fn milestone_title(step: &str, max: usize) -> String {
    if step.chars().count() <= max {
        return step.to_owned();
    }
    let cut: String = step.chars().take(max.saturating_sub(1)).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(space) if space > cut.len() / 2 => cut[..space].trim_end().to_owned(),
        _ => cut,
    };
    format!("{cut}…")
}
