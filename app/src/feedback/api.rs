//! Server functions of feedback and the fit check: the mentor writes
//! feedback, the mentee acknowledges and may respond; each answers the fit
//! check for their own side.
// A form's fields are its server function's arguments (Leptos's convention).
#![allow(clippy::too_many_arguments)]
use leptos::prelude::*;

use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::program_time::utc_now_text as now;

#[cfg(feature = "ssr")]
mod form;

/// The mentor's feedback to their mentee; the mentee is notified. With a goal
/// and a progress, it also updates the goal's assessed progress.
#[server(endpoint = "give_feedback")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn give_feedback(
    pair_id: i64,
    meeting_id: String,
    goal_id: String,
    goal_progress: String,
    strengths: String,
    to_improve: String,
    observations: String,
    next_step: String,
) -> Result<i64, AppError> {
    use super::repo;
    use crate::goals::{repo as goals, GoalEventKind};
    use crate::joint::member::{active_pair_member, Who};
    use crate::outbox::{compose, EmailKind};
    use crate::server_context::{pool, server_settings};
    use form::{read_feedback, FeedbackForm};

    let pool = pool()?;
    let member = active_pair_member(&pool, pair_id, Who::Mentor).await?;
    let form = FeedbackForm {
        meeting_id: &meeting_id,
        goal_id: &goal_id,
        goal_progress: &goal_progress,
        strengths: &strengths,
        to_improve: &to_improve,
        observations: &observations,
        next_step: &next_step,
    };
    let (feedback, goal) = read_feedback(&pool, pair_id, &form).await?;
    let public_url = server_settings()?.public_url;
    let now = now();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let id = repo::insert_feedback(&mut transaction, pair_id, &feedback, &now).await?;
    if let (Some(goal), Some(percent)) = (goal, feedback.goal_progress) {
        // No version check: the progress update is the feedback's own, and
        // it moves the version on for anyone editing the goal meanwhile.
        goals::bump(&mut transaction, goal.id, goal.version, &now).await?;
        goals::assess(
            &mut transaction,
            goal.id,
            percent,
            &feedback.observations,
            &now,
        )
        .await?;
        goals::record_event(
            &mut transaction,
            goal.id,
            member.side,
            GoalEventKind::Assessed,
            Some(&format!("{percent} %")),
            &now,
        )
        .await?;
    }
    // The mentee may acknowledge it from the email, without signing in.
    let link = crate::outbox::action_links::repo::create(
        &mut transaction,
        member.partner_account_id(),
        crate::outbox::action_links::LinkAction::AcknowledgeFeedback,
        id,
        0,
    )
    .await?;
    member
        .notify_partner_at(
            &mut transaction,
            EmailKind::FeedbackReceived,
            None,
            compose::feedback_received,
            &format!("{public_url}{link}"),
        )
        .await?;
    transaction.commit().await?;
    Ok(id)
}

/// The mentee acknowledges feedback, with a response if they wish (sending a
/// response again replaces it).
#[server(endpoint = "acknowledge_feedback")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn acknowledge_feedback(id: i64, response: Option<String>) -> Result<(), AppError> {
    use super::{repo, PART_MAX_CHARS};
    use crate::accounts::{policy::Access, session::authorize};
    use crate::input::parse_optional_text;
    use crate::joint::member::{active_pair_member, Who};
    use crate::server_context::{pool, server_settings};

    authorize(Access::SignedIn).await?;
    let pool = pool()?;
    let pair_id = repo::pair_of_feedback(&pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let member = active_pair_member(&pool, pair_id, Who::Mentee).await?;
    let response = parse_optional_text(
        "response",
        response.as_deref().unwrap_or_default(),
        PART_MAX_CHARS,
    )?;
    let public_url = server_settings()?.public_url;
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    acknowledge_in(
        &mut transaction,
        &member,
        id,
        response.as_deref(),
        &public_url,
    )
    .await?;
    transaction.commit().await?;
    Ok(())
}

/// The mentee acknowledges feedback `id` (of `member`'s pair), with an
/// optional response, inside `transaction`; the mentor is told.
#[cfg(feature = "ssr")]
pub(crate) async fn acknowledge_in(
    transaction: &mut sqlx::SqliteConnection,
    member: &crate::joint::member::Member,
    id: i64,
    response: Option<&str>,
    public_url: &str,
) -> Result<(), AppError> {
    use super::repo;
    use crate::outbox::{compose, EmailKind};

    let first_acknowledgement = !repo::is_acknowledged(transaction, id).await?;
    repo::acknowledge(transaction, id, response, &now()).await?;
    // The mentor hears of the first acknowledgement and of every answer;
    // acknowledging again without a word tells them nothing new.
    if first_acknowledgement || response.is_some() {
        let answered = response.is_some();
        member
            .notify_partner(
                transaction,
                EmailKind::FeedbackAcknowledged,
                |locale, name, partner| {
                    compose::feedback_acknowledged(locale, name, partner, answered)
                },
                public_url,
            )
            .await?;
    }
    Ok(())
}

/// One side's answer to the fit check (good fit, not sure, not a fit), once
/// a first meeting was held; answering again replaces it.
#[server(endpoint = "answer_fit_check")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn answer_fit_check(
    pair_id: i64,
    answer: String,
    comment: Option<String>,
) -> Result<(), AppError> {
    use super::{repo, FitAnswer};
    use crate::error::InputProblem;
    use crate::input::parse_optional_text;
    use crate::joint::member::{active_pair_member, Who};
    use crate::outbox::repo::notify_coordinators;
    use crate::outbox::{compose, EmailKind};
    use crate::server_context::{pool, server_settings};

    let pool = pool()?;
    let member = active_pair_member(&pool, pair_id, Who::Either).await?;
    let answer = FitAnswer::parse(&answer).ok_or(AppError::InvalidInput {
        field: "answer".into(),
        problem: InputProblem::InvalidChoice,
    })?;
    let comment = parse_optional_text("comment", comment.as_deref().unwrap_or_default(), 2000)?;
    if !repo::has_held_meeting(&pool, pair_id).await? {
        return Err(AppError::InvalidInput {
            field: "answer".into(),
            problem: InputProblem::NotYet,
        });
    }
    let public_url = server_settings()?.public_url;
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let previous = repo::fit_answer_of(&mut transaction, pair_id, member.side).await?;
    repo::save_fit_check(
        &mut transaction,
        pair_id,
        member.side,
        answer,
        comment.as_deref(),
        &now(),
    )
    .await?;
    // The coordination hears of a "not a fit" once (not again when the same
    // answer is only reworded); it reads the comment on the pair's page.
    if answer == FitAnswer::NotAFit && previous != Some(FitAnswer::NotAFit) {
        let who = member.name();
        let (partner, _, _) = member.partner();
        notify_coordinators(
            &mut transaction,
            EmailKind::NotAFit,
            |locale, name| compose::coordinator_not_a_fit(locale, name, who, partner),
            &format!("{public_url}/coordinator/pairs/{pair_id}"),
        )
        .await?;
    }
    transaction.commit().await?;
    Ok(())
}
