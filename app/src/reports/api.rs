//! Server functions of the program dashboard: the coordinator's only.
// A form's fields are its server function's arguments (Leptos's convention).
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::ProgramDashboard;
use crate::error::AppError;

mod nudges;
pub use nudges::*;

/// A cohort chosen by code (the current one when none is named), with every cohort.
#[cfg(feature = "ssr")]
pub(crate) async fn chosen_cohort(
    pool: &sqlx::SqlitePool,
    code: Option<String>,
) -> Result<
    (
        Vec<crate::catalog::Cohort>,
        Option<(i64, crate::catalog::Cohort)>,
    ),
    AppError,
> {
    use crate::catalog::{current_cohort, repo as catalog};
    use crate::program_time::program_today;

    let cohorts = catalog::list_cohorts(pool).await?;
    let chosen = match code.filter(|code| !code.trim().is_empty()) {
        Some(code) => Some(
            cohorts
                .iter()
                .find(|cohort| cohort.code == code.trim())
                .cloned()
                .ok_or(AppError::NotFound)?,
        ),
        None => current_cohort(&cohorts, program_today()).cloned(),
    };
    let chosen = match chosen {
        Some(cohort) => {
            let id = crate::board::repo::cohort_id(pool, &cohort.code)
                .await?
                .ok_or(AppError::NotFound)?;
            Some((id, cohort))
        }
        None => None,
    };
    Ok((cohorts, chosen))
}

/// The items of a cohort today, with the day and the thresholds they used.
#[cfg(feature = "ssr")]
pub(crate) async fn current_items(
    pool: &sqlx::SqlitePool,
    cohort_id: i64,
) -> Result<
    (
        super::attention::Facts,
        Vec<super::attention::AttentionItem>,
        super::attention::Thresholds,
    ),
    AppError,
> {
    use crate::program_time::program_today;
    use crate::program_time::utc_now_text;

    let today = program_today();
    let thresholds = super::repo::thresholds(pool, cohort_id).await?;
    let facts = super::repo::facts(pool, cohort_id, today, &utc_now_text()).await?;
    let items = super::attention::attention_items(&facts, &thresholds, today);
    Ok((facts, items, thresholds))
}

/// A cohort's attention items with the coordinator's decisions and nudges:
/// those shown, those set aside (snoozed or handled, not worse since), and
/// the facts and thresholds they came from.
#[cfg(feature = "ssr")]
pub(crate) async fn attention_rows(
    pool: &sqlx::SqlitePool,
    cohort_id: i64,
) -> Result<
    (
        Vec<super::AttentionRow>,
        Vec<super::AttentionRow>,
        super::attention::Facts,
        super::attention::Thresholds,
    ),
    AppError,
> {
    use super::attention::{is_shown, next_nudge_on, nudge_allowed};
    use super::AttentionRow;
    use crate::program_time::program_date;
    use crate::program_time::{program_time, program_today};

    let today = program_today();
    let (facts, items, thresholds) = current_items(pool, cohort_id).await?;
    let mut decisions = super::repo::decisions(pool, cohort_id).await?;
    let last_nudges = super::repo::last_nudges(pool, cohort_id).await?;
    let (mut shown, mut set_aside) = (Vec::new(), Vec::new());
    for item in items {
        let decision = decisions.remove(&item.key);
        let last_nudge = last_nudges.get(&item.key);
        let last_nudge_on = last_nudge.and_then(|at| program_date(at));
        let nudge_again_on = last_nudge_on
            .filter(|last| !nudge_allowed(Some(*last), today, thresholds.nudge_interval_days))
            .map(|last| next_nudge_on(last, thresholds.nudge_interval_days).to_string());
        let visible = is_shown(item.level, decision.as_ref().map(|(rule, _)| rule), today);
        let row = AttentionRow {
            item,
            decision: decision.map(|(_, view)| view),
            last_nudge: last_nudge.map(|at| program_time(at)),
            nudge_again_on,
        };
        if visible {
            shown.push(row);
        } else {
            set_aside.push(row);
        }
    }
    Ok((shown, set_aside, facts, thresholds))
}

/// The dashboard of a cohort: figures, what needs attention and what was set aside.
#[server(endpoint = "get_program_dashboard")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_program_dashboard(cohort: Option<String>) -> Result<ProgramDashboard, AppError> {
    use super::attention::Thresholds;
    use super::Figures;
    use crate::accounts::{session::authorize_role, Role};
    use crate::program_time::program_today;
    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let coordinator_name = authorized.account()?.display_name.clone();
    let pool = pool()?;
    let (cohorts, chosen) = chosen_cohort(&pool, cohort).await?;
    let undelivered_emails = crate::outbox::repo::count_failed(&pool).await?;
    let Some((cohort_id, cohort)) = chosen else {
        return Ok(ProgramDashboard {
            coordinator_name,
            cohorts,
            cohort: None,
            figures: Figures::default(),
            attention: Vec::new(),
            set_aside: Vec::new(),
            thresholds: Thresholds::default(),
            undelivered_emails,
        });
    };
    let (attention, set_aside, facts, thresholds) = attention_rows(&pool, cohort_id).await?;
    let figures = super::repo::figures(&pool, cohort_id, &facts, program_today()).await?;
    Ok(ProgramDashboard {
        coordinator_name,
        cohorts,
        cohort: Some(cohort),
        figures,
        attention,
        set_aside,
        thresholds,
        undelivered_emails,
    })
}

/// Snoozes an item for `days` days, or marks it handled, with an optional note.
/// The item must need attention now (its key is the one the dashboard showed).
#[server(endpoint = "decide_attention_item")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn decide_attention_item(
    cohort: String,
    key: String,
    decision: String,
    days: Option<String>,
    note: Option<String>,
) -> Result<(), AppError> {
    use super::attention::{Decision, DecisionKind};
    use crate::accounts::{session::authorize_role, Role};
    use crate::error::InputProblem;
    use crate::input::{parse_optional_text, LONG_TEXT_MAX_CHARS};
    use crate::program_time::program_today;
    use crate::program_time::utc_now_text;
    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let coordinator_id = authorized.account()?.id;
    let note = parse_optional_text(
        "note",
        note.as_deref().unwrap_or_default(),
        LONG_TEXT_MAX_CHARS,
    )?;
    let kind = match decision.as_str() {
        "handled" => DecisionKind::Handled,
        "snoozed" => {
            let days: i64 = days
                .as_deref()
                .map(str::trim)
                .filter(|days| !days.is_empty())
                .unwrap_or("7")
                .parse()
                .ok()
                .filter(|days| (1..=90).contains(days))
                .ok_or(AppError::InvalidInput {
                    field: "days".into(),
                    problem: InputProblem::OutOfRange,
                })?;
            DecisionKind::Snoozed {
                until: program_today() + chrono::Duration::days(days),
            }
        }
        _ => {
            return Err(AppError::InvalidInput {
                field: "decision".into(),
                problem: InputProblem::InvalidChoice,
            })
        }
    };
    let pool = pool()?;
    let (_, chosen) = chosen_cohort(&pool, Some(cohort)).await?;
    let (cohort_id, _) = chosen.ok_or(AppError::NotFound)?;
    let (_, items, _) = current_items(&pool, cohort_id).await?;
    // An item that no longer needs attention has nothing to decide: the page
    // was older than the situation.
    let item = items
        .iter()
        .find(|item| item.key == key)
        .ok_or(AppError::Conflict)?;
    super::repo::decide(
        &pool,
        &item.key,
        cohort_id,
        &Decision {
            kind,
            level: item.level,
        },
        note.as_deref(),
        coordinator_id,
        &utc_now_text(),
    )
    .await?;
    Ok(())
}

/// Sets a cohort's attention thresholds.
#[server(endpoint = "save_follow_up_settings")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn save_follow_up_settings(
    cohort: String,
    proposal_unanswered_days: String,
    no_meeting_weeks: String,
    meeting_unlogged_days: String,
    feedback_unacknowledged_days: String,
    mentee_waiting_days: String,
    nudge_interval_days: String,
) -> Result<(), AppError> {
    use super::attention::{Thresholds, THRESHOLD_BOUNDS};
    use crate::accounts::{session::authorize_role, Role};
    use crate::error::{FieldErrors, InputProblem};
    use crate::program_time::utc_now_text;
    use crate::server_context::pool;

    authorize_role(Role::Coordinator).await?;
    let values = [
        proposal_unanswered_days,
        no_meeting_weeks,
        meeting_unlogged_days,
        feedback_unacknowledged_days,
        mentee_waiting_days,
        nudge_interval_days,
    ];
    let mut errors = FieldErrors::new();
    let mut parsed = [0_i64; 6];
    for (slot, (value, (field, low, high))) in
        parsed.iter_mut().zip(values.iter().zip(THRESHOLD_BOUNDS))
    {
        match value.trim().parse::<i64>() {
            Ok(number) if (low..=high).contains(&number) => *slot = number,
            _ => errors.push(field, InputProblem::OutOfRange),
        }
    }
    errors.finish()?;
    let thresholds = Thresholds {
        proposal_unanswered_days: parsed[0],
        no_meeting_weeks: parsed[1],
        meeting_unlogged_days: parsed[2],
        feedback_unacknowledged_days: parsed[3],
        mentee_waiting_days: parsed[4],
        nudge_interval_days: parsed[5],
    };
    let pool = pool()?;
    let (_, chosen) = chosen_cohort(&pool, Some(cohort)).await?;
    let (cohort_id, _) = chosen.ok_or(AppError::NotFound)?;
    super::repo::save_thresholds(&pool, cohort_id, &thresholds, &utc_now_text()).await?;
    Ok(())
}

/// The action link a nudge about item `key` carries for `account_id`, if
/// its answer is a small one: an unlogged meeting ("we met", either side)
/// or unacknowledged feedback (the mentee).
#[cfg(feature = "ssr")]
async fn answer_link(
    connection: &mut sqlx::SqliteConnection,
    key: &str,
    account_id: i64,
    area: &str,
) -> Result<Option<String>, AppError> {
    use crate::outbox::action_links::{repo as links, LinkAction};

    if let Some(meeting_id) = key
        .strip_prefix("unlogged:meeting:")
        .and_then(|id| id.parse::<i64>().ok())
    {
        let version: Option<i64> = sqlx::query_scalar("SELECT version FROM meetings WHERE id = ?")
            .bind(meeting_id)
            .fetch_optional(&mut *connection)
            .await?;
        if let Some(version) = version {
            let link = links::create(
                connection,
                account_id,
                LinkAction::ConfirmMet,
                meeting_id,
                version,
            )
            .await?;
            return Ok(Some(link));
        }
    }
    if let Some(feedback_id) = key
        .strip_prefix("feedback:")
        .and_then(|id| id.parse::<i64>().ok())
        .filter(|_| area == "mentee")
    {
        let link = links::create(
            connection,
            account_id,
            LinkAction::AcknowledgeFeedback,
            feedback_id,
            0,
        )
        .await?;
        return Ok(Some(link));
    }
    Ok(None)
}
