//! Server functions of goals: only the pair's two people, only while the pair
//! is active; every change names the version it was made on.
use leptos::prelude::*;

use crate::error::AppError;

#[cfg(feature = "ssr")]
use {
    super::repo::{self, GoalRow, GoalText},
    crate::joint::member::{item_for_change, Member, Who},
};

#[cfg(feature = "ssr")]
use crate::program_time::utc_now_text as now;

mod changes;
pub use changes::*;

/// Asks the other person to agree to the goal (email, in their language),
/// then commits the proposal.
#[cfg(feature = "ssr")]
async fn propose_to_partner(
    member: &Member,
    mut transaction: sqlx::Transaction<'_, sqlx::Sqlite>,
    title: &str,
    public_url: &str,
) -> Result<(), AppError> {
    use crate::outbox::{compose, EmailKind};

    member
        .notify_partner(
            &mut transaction,
            EmailKind::AgreementRequested,
            |locale, name, partner| compose::goal_proposed(locale, name, partner, title),
            public_url,
        )
        .await?;
    transaction.commit().await?;
    Ok(())
}

/// A goal's text from a form; every field's problem at once.
#[cfg(feature = "ssr")]
fn parse_goal_text(
    title: &str,
    description: &str,
    success_criterion: &str,
    target_date: &str,
) -> Result<GoalText, AppError> {
    use crate::error::FieldErrors;
    use crate::input::{parse_optional_date, parse_optional_text, parse_required_text};

    let mut errors = FieldErrors::new();
    let title = errors.check(parse_required_text("title", title, super::TITLE_MAX_CHARS));
    let description = errors.check(parse_optional_text("description", description, 2000));
    let success_criterion = errors.check(parse_required_text(
        "success_criterion",
        success_criterion,
        1000,
    ));
    let target_date = errors.check(parse_optional_date("target_date", target_date));
    let (title, description, success_criterion, target_date) =
        errors.finish_with(|| Some((title?, description?, success_criterion?, target_date?)))?;
    Ok(GoalText {
        title,
        description,
        success_criterion,
        target_date,
    })
}

/// Ties the goal to exactly these needs of the mentee (skill codes): refused
/// when one is not among her needs.
#[cfg(feature = "ssr")]
async fn tie_needs(
    transaction: &mut sqlx::SqliteConnection,
    pair_id: i64,
    goal_id: i64,
    mut codes: Vec<String>,
) -> Result<(), AppError> {
    use crate::error::InputProblem;
    use crate::needs::{check_tied_needs, repo as needs};

    codes.sort();
    codes.dedup();
    let needed = needs::needed_codes(transaction, pair_id).await?;
    check_tied_needs(&codes, &needed).map_err(|_| AppError::InvalidInput {
        field: "needs".into(),
        problem: InputProblem::InvalidChoice,
    })?;
    needs::tie_goal(transaction, goal_id, &codes).await?;
    Ok(())
}

/// Proposes a goal to the other person, who agrees or asks for a change.
/// Milestones: one per line.
#[server(endpoint = "propose_goal")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn propose_goal(
    pair_id: i64,
    title: String,
    description: String,
    success_criterion: String,
    target_date: String,
    milestones: String,
    needs: Option<Vec<String>>,
) -> Result<i64, AppError> {
    use super::{milestone_lines, GoalEventKind, MILESTONES_MAX, TITLE_MAX_CHARS};
    use crate::error::InputProblem;
    use crate::joint::member::active_pair_member;
    use crate::server_context::{pool, server_settings};

    let pool = pool()?;
    let member = active_pair_member(&pool, pair_id, Who::Either).await?;
    let text = parse_goal_text(&title, &description, &success_criterion, &target_date)?;
    let lines = milestone_lines(&milestones);
    if lines.len() > MILESTONES_MAX {
        return Err(AppError::InvalidInput {
            field: "milestones".into(),
            problem: InputProblem::OutOfRange,
        });
    }
    if lines
        .iter()
        .any(|line| line.chars().count() > TITLE_MAX_CHARS)
    {
        return Err(AppError::InvalidInput {
            field: "milestones".into(),
            problem: InputProblem::TooLong,
        });
    }
    let public_url = server_settings()?.public_url;
    let now = now();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let id = repo::insert_goal(&mut transaction, pair_id, &text, member.side, &now).await?;
    tie_needs(&mut transaction, pair_id, id, needs.unwrap_or_default()).await?;
    let milestones: Vec<_> = lines.into_iter().map(|line| (line, None)).collect();
    if !milestones.is_empty() {
        repo::add_milestones(&mut transaction, id, &milestones, &now).await?;
    }
    repo::record_event(
        &mut transaction,
        id,
        member.side,
        GoalEventKind::Proposed,
        None,
        &now,
    )
    .await?;
    propose_to_partner(&member, transaction, &text.title, &public_url).await?;
    Ok(id)
}

/// Rewrites a goal (after a change was asked, or to change an agreed one):
/// a new proposal, which the other person agrees to again.
#[server(endpoint = "revise_goal")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn revise_goal(
    id: i64,
    version: i64,
    title: String,
    description: String,
    success_criterion: String,
    target_date: String,
    needs: Option<Vec<String>>,
) -> Result<(), AppError> {
    use super::GoalEventKind;
    use crate::server_context::server_settings;

    let (pool, member, _) = item_for_change::<GoalRow>(id, Who::Either).await?;
    let text = parse_goal_text(&title, &description, &success_criterion, &target_date)?;
    let public_url = server_settings()?.public_url;
    let now = now();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    repo::bump(&mut transaction, id, version, &now).await?;
    repo::rewrite_goal(&mut transaction, id, &text, member.side).await?;
    tie_needs(
        &mut transaction,
        member.pair.id,
        id,
        needs.unwrap_or_default(),
    )
    .await?;
    repo::record_event(
        &mut transaction,
        id,
        member.side,
        GoalEventKind::Revised,
        None,
        &now,
    )
    .await?;
    propose_to_partner(&member, transaction, &text.title, &public_url).await?;
    Ok(())
}

/// Agrees to the goal the other person proposed: from now on it counts.
#[server(endpoint = "agree_goal")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn agree_goal(id: i64, version: i64) -> Result<(), AppError> {
    use super::GoalEventKind;
    use crate::joint::agreement::JointStep;
    use crate::joint::AnswerStep;

    let (pool, member, _) = item_for_change::<GoalRow>(id, Who::Either).await?;
    let now = now();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let step = AnswerStep {
        id,
        version,
        side: member.side,
        step: JointStep::Agree,
        comment: None,
        now: &now,
    };
    repo::answer(&mut transaction, &step).await?;
    repo::record_event(
        &mut transaction,
        id,
        member.side,
        GoalEventKind::Agreed,
        None,
        &now,
    )
    .await?;
    transaction.commit().await?;
    Ok(())
}

/// Asks the other person to change the goal they proposed, saying what.
#[server(endpoint = "request_goal_change")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn request_goal_change(id: i64, version: i64, comment: String) -> Result<(), AppError> {
    use super::GoalEventKind;
    use crate::input::parse_required_text;
    use crate::joint::agreement::JointStep;
    use crate::joint::AnswerStep;
    use crate::outbox::{compose, EmailKind};
    use crate::server_context::server_settings;

    let (pool, member, _) = item_for_change::<GoalRow>(id, Who::Either).await?;
    let comment = parse_required_text("comment", &comment, 2000)?;
    let public_url = server_settings()?.public_url;
    let now = now();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let step = AnswerStep {
        id,
        version,
        side: member.side,
        step: JointStep::RequestChange,
        comment: Some(&comment),
        now: &now,
    };
    let goal = repo::answer(&mut transaction, &step).await?;
    repo::record_event(
        &mut transaction,
        id,
        member.side,
        GoalEventKind::ChangesRequested,
        Some(&comment),
        &now,
    )
    .await?;
    // The one who proposed it rewrites it: they are told (what is asked is
    // read in the workspace).
    member
        .notify_partner(
            &mut transaction,
            EmailKind::ChangeRequested,
            |locale, name, partner| {
                compose::goal_change_requested(locale, name, partner, &goal.title)
            },
            &public_url,
        )
        .await?;
    transaction.commit().await?;
    Ok(())
}
