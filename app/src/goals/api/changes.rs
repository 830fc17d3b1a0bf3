//! Changes to an agreed goal: milestones ticked or added, progress assessed, a status proposed, and the other person's answer.
#[allow(unused_imports)]
use super::*;

/// Ticks (`done`) or unticks (`open`) a milestone of an agreed goal.
#[server(endpoint = "tick_milestone")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn tick_milestone(id: i64, version: i64, state: String) -> Result<(), AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::error::InputProblem;
    use crate::goals::GoalEventKind;
    use crate::server_context::pool;

    authorize(Access::SignedIn).await?;
    let done = match state.as_str() {
        "done" => true,
        "open" => false,
        _ => {
            return Err(AppError::InvalidInput {
                field: "state".into(),
                problem: InputProblem::InvalidChoice,
            })
        }
    };
    let goal_id = repo::goal_of_milestone(&pool()?, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (pool, member, _) = item_for_change::<GoalRow>(goal_id, Who::Either).await?;
    let now = now();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let goal = repo::bump(&mut transaction, goal_id, version, &now).await?;
    if !goal.agreement()?.is_agreed() {
        return Err(AppError::NotAgreed);
    }
    let title = repo::set_milestone_done(&mut transaction, goal_id, id, done, &now)
        .await?
        .ok_or(AppError::Conflict)?;
    let kind = if done {
        GoalEventKind::MilestoneDone
    } else {
        GoalEventKind::MilestoneUndone
    };
    repo::record_event(
        &mut transaction,
        goal_id,
        member.side,
        kind,
        Some(&title),
        &now,
    )
    .await?;
    transaction.commit().await?;
    Ok(())
}

/// Adds a milestone (with an optional due date) to a goal. On an agreed goal
/// it is a proposal the other person agrees to first; on a goal still being
/// agreed it is part of the text, so the goal becomes the adder's proposal.
#[server(endpoint = "add_milestone")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn add_milestone(
    goal_id: i64,
    version: i64,
    title: String,
    due_date: String,
) -> Result<(), AppError> {
    use crate::error::FieldErrors;
    use crate::goals::changes::ChangeKind;
    use crate::goals::GoalEventKind;
    use crate::input::{parse_optional_date, parse_required_text};
    use crate::joint::agreement::{Agreement, JointStep};

    let (pool, member, _) = item_for_change::<GoalRow>(goal_id, Who::Either).await?;
    let mut errors = FieldErrors::new();
    let title = errors.check(parse_required_text(
        "title",
        &title,
        crate::goals::TITLE_MAX_CHARS,
    ));
    let due = errors.check(parse_optional_date("due_date", &due_date));
    let (title, due) = errors.finish_with(|| Some((title?, due?)))?;
    let now = now();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let goal = repo::bump(&mut transaction, goal_id, version, &now).await?;
    if goal.agreement()?.is_agreed() {
        let kind = ChangeKind::Milestone {
            title,
            due: due.map(|date| date.format("%Y-%m-%d").to_string()),
        };
        propose_change(&mut transaction, &member, &goal, kind, None, &now).await?;
    } else {
        repo::add_recorded_milestone(&mut transaction, goal_id, member.side, &title, due, &now)
            .await?;
        let next: Agreement = goal.agreement()?.after(JointStep::Rewrite, member.side)?;
        repo::set_agreement(&mut transaction, goal_id, next, member.side, None).await?;
        repo::record_event(
            &mut transaction,
            goal_id,
            member.side,
            GoalEventKind::Revised,
            None,
            &now,
        )
        .await?;
    }
    transaction.commit().await?;
    Ok(())
}

/// Proposes `kind` on the goal as it stands in the transaction (a milestone
/// may come from a meeting's next step, `step_id`), and tells the other person.
#[cfg(feature = "ssr")]
pub(crate) async fn propose_change(
    transaction: &mut sqlx::SqliteConnection,
    member: &Member,
    goal: &GoalRow,
    kind: crate::goals::changes::ChangeKind,
    step_id: Option<i64>,
    now: &str,
) -> Result<(), AppError> {
    use crate::goals::changes::{may_propose, GoalState, PendingChange};
    use crate::goals::GoalEventKind;
    use crate::outbox::{compose, EmailKind};
    use crate::server_context::server_settings;

    let waiting = goal.pending()?;
    may_propose(
        &GoalState {
            agreed: goal.agreement()?.is_agreed(),
            status: goal.status()?,
            pending: waiting.as_ref(),
        },
        &kind,
    )?;
    let detail = match &kind {
        crate::goals::changes::ChangeKind::Milestone { title, .. } => Some(title.clone()),
        crate::goals::changes::ChangeKind::Status(_) => None,
    };
    let event = GoalEventKind::proposing(&kind);
    let pending = PendingChange {
        side: member.side,
        kind,
        step_id,
    };
    repo::set_pending(transaction, goal.id, Some(&pending)).await?;
    repo::record_event(
        transaction,
        goal.id,
        member.side,
        event,
        detail.as_deref(),
        now,
    )
    .await?;
    let public_url = server_settings()?.public_url;
    member
        .notify_partner(
            transaction,
            EmailKind::AgreementRequested,
            |locale, name, partner| {
                compose::goal_change_proposed(locale, name, partner, &goal.title)
            },
            &public_url,
        )
        .await
}

/// The mentor's assessment of an agreed goal's progress (0–100), with a comment.
#[server(endpoint = "assess_goal")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn assess_goal(
    id: i64,
    version: i64,
    progress: String,
    comment: String,
) -> Result<(), AppError> {
    use crate::error::{FieldErrors, InputProblem};
    use crate::goals::GoalEventKind;
    use crate::input::{parse_optional_number, parse_required_text};

    let (pool, member, _) = item_for_change::<GoalRow>(id, Who::Mentor).await?;
    let mut errors = FieldErrors::new();
    let percent = errors.check(parse_optional_number("progress", &progress, 0, 100));
    let comment = errors.check(parse_required_text("comment", &comment, 2000));
    if matches!(percent, Some(None)) {
        errors.push("progress", InputProblem::Required);
    }
    let (percent, comment) = errors.finish_with(|| Some((percent??, comment?)))?;
    let now = now();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let goal = repo::bump(&mut transaction, id, version, &now).await?;
    if !goal.agreement()?.is_agreed() {
        return Err(AppError::NotAgreed);
    }
    repo::assess(&mut transaction, id, percent, &comment, &now).await?;
    repo::record_event(
        &mut transaction,
        id,
        member.side,
        GoalEventKind::Assessed,
        Some(&format!("{percent} % — {comment}")),
        &now,
    )
    .await?;
    transaction.commit().await?;
    Ok(())
}

/// Proposes to mark an agreed goal achieved or dropped, or to reopen it
/// (`in_progress`): it changes once the other person agrees.
#[server(endpoint = "propose_goal_status")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn propose_goal_status(id: i64, version: i64, status: String) -> Result<(), AppError> {
    use crate::error::InputProblem;
    use crate::goals::changes::ChangeKind;
    use crate::goals::GoalStatus;

    let (pool, member, _) = item_for_change::<GoalRow>(id, Who::Either).await?;
    let status = GoalStatus::parse(&status).ok_or(AppError::InvalidInput {
        field: "status".into(),
        problem: InputProblem::InvalidChoice,
    })?;
    let now = now();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let goal = repo::bump(&mut transaction, id, version, &now).await?;
    propose_change(
        &mut transaction,
        &member,
        &goal,
        ChangeKind::Status(status),
        None,
        &now,
    )
    .await?;
    transaction.commit().await?;
    Ok(())
}

/// Answers the change waiting on a goal: the other person agrees (it is
/// applied) or declines; the proposer may withdraw it.
#[server(endpoint = "answer_goal_change")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn answer_goal_change(id: i64, version: i64, answer: String) -> Result<(), AppError> {
    use crate::error::InputProblem;
    use crate::goals::changes::{answerable, ChangeAnswer, ChangeKind, GoalState};
    use crate::goals::GoalEventKind;

    let (pool, member, _) = item_for_change::<GoalRow>(id, Who::Either).await?;
    let answer = ChangeAnswer::parse(&answer).ok_or(AppError::InvalidInput {
        field: "answer".into(),
        problem: InputProblem::InvalidChoice,
    })?;
    let now = now();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let goal = repo::bump(&mut transaction, id, version, &now).await?;
    let waiting = goal.pending()?;
    let pending = answerable(
        &GoalState {
            agreed: goal.agreement()?.is_agreed(),
            status: goal.status()?,
            pending: waiting.as_ref(),
        },
        member.side,
        answer,
    )?;
    repo::set_pending(&mut transaction, id, None).await?;
    match (answer, &pending.kind) {
        (ChangeAnswer::Agree, ChangeKind::Status(status)) => {
            repo::set_status(&mut transaction, id, *status).await?;
            repo::record_event(
                &mut transaction,
                id,
                member.side,
                GoalEventKind::for_status(*status),
                None,
                &now,
            )
            .await?;
        }
        (ChangeAnswer::Agree, ChangeKind::Milestone { title, due }) => {
            let due = due
                .as_deref()
                .and_then(|due| chrono::NaiveDate::parse_from_str(due, "%Y-%m-%d").ok());
            let milestone =
                repo::add_recorded_milestone(&mut transaction, id, pending.side, title, due, &now)
                    .await?;
            // A next step proposed as this milestone is now linked to it.
            if let Some(step) = pending.step_id {
                crate::goals::repo::link_next_step(&mut transaction, step, milestone).await?;
            }
        }
        (ChangeAnswer::Decline | ChangeAnswer::Withdraw, _) => {
            let event = if answer == ChangeAnswer::Decline {
                GoalEventKind::ChangeDeclined
            } else {
                GoalEventKind::ChangeWithdrawn
            };
            repo::record_event(&mut transaction, id, member.side, event, None, &now).await?;
        }
    }
    transaction.commit().await?;
    Ok(())
}
