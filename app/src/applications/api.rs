//! Server functions of mentor applications.
//!
//! The applicant has no account: their private link's token is the key to their
//! own application (only its SHA-256 is stored). Review is for coordinators.
// A form's fields are its server function's arguments (Leptos's convention),
// and these forms are long.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::{ApplicantView, ApplicationDetail, ApplicationQueue};
use crate::error::AppError;

mod decisions;
pub use decisions::*;

/// Sends an application. Every field is checked at once; an ineligible
/// application is kept (the applicant and the coordinator see why). Answers
/// the private link's token and, without JavaScript, redirects to that link.
#[server(endpoint = "submit_application")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn submit_application(
    locale: String,
    display_name: String,
    email: String,
    phone: Option<String>,
    diploma_level: Option<String>,
    diploma_field: Option<String>,
    diploma_year: Option<String>,
    is_employed: Option<String>,
    employer: Option<String>,
    job_title: Option<String>,
    sector: Option<String>,
    works_in_research: Option<String>,
    domains: Option<Vec<String>>,
    skills: Option<Vec<String>>,
    languages: Option<std::collections::BTreeMap<String, String>>,
    modality: Option<String>,
    availability: Option<Vec<String>>,
    capacity: Option<String>,
    motivation: String,
    consent: Option<String>,
) -> Result<String, AppError> {
    use chrono::Datelike;

    use super::{check_application, ApplicationInput};
    use crate::accounts::policy::Access;
    use crate::accounts::session::authorize;
    use crate::input::parse_locale_choice;
    use crate::profiles::MatchingInput;
    use crate::program_time::program_today;
    use crate::server_context::pool;

    authorize(Access::Anyone).await?;
    crate::accounts::rate_limit::knock(crate::accounts::rate_limit::Door::Application)?;
    let pool = pool()?;
    let choices = crate::catalog::repo::profile_choices(&pool).await?;
    let text = Option::unwrap_or_default;
    let input = ApplicationInput {
        display_name,
        email,
        phone: text(phone),
        diploma_level: text(diploma_level),
        diploma_field: text(diploma_field),
        diploma_year: text(diploma_year),
        is_employed: text(is_employed),
        employer: text(employer),
        job_title: text(job_title),
        sector: text(sector),
        works_in_research: text(works_in_research),
        matching: MatchingInput {
            domains: domains.unwrap_or_default(),
            skills: skills.unwrap_or_default(),
            languages: languages.unwrap_or_default(),
            modality: text(modality),
            availability: availability.unwrap_or_default(),
        },
        capacity: text(capacity),
        motivation,
        consent,
    };
    let application = check_application(&input, &choices, i64::from(program_today().year()))?;
    let locale = parse_locale_choice("locale", &locale).unwrap_or("fr");
    let now = chrono::Utc::now();
    check_submission_rate(&pool, &application.email, now).await?;
    let token = store_submission(&pool, &application, locale, now).await?;
    leptos_axum::redirect(&format!("/application/{token}"));
    Ok(token)
}

/// Refuses a new application from an address that sent
/// [`APPLICATIONS_PER_DAY`](super::APPLICATIONS_PER_DAY) in the last 24 hours,
/// saying how many minutes until the oldest of them leaves that window.
#[cfg(feature = "ssr")]
async fn check_submission_rate(
    pool: &sqlx::SqlitePool,
    email: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    // Each application emails its address: a cap keeps the form from being used
    // to flood someone's inbox (or the queue).
    let recent =
        super::repo::recent_submissions(pool, email, now - chrono::Duration::days(1)).await?;
    if recent.len() < super::APPLICATIONS_PER_DAY {
        return Ok(());
    }
    let oldest = recent
        .first()
        .and_then(|at| chrono::DateTime::parse_from_rfc3339(at).ok())
        .map(|at| at.with_timezone(&chrono::Utc))
        .unwrap_or(now);
    let wait = (oldest + chrono::Duration::days(1) - now)
        .num_minutes()
        .max(1);
    Err(AppError::TooManyAttempts {
        retry_after_minutes: wait,
    })
}

/// Stores a checked application with a new private link and queues the
/// "application received" email carrying that link, in one transaction, then
/// records the submission in the audit journal. Answers the link's token (only
/// its hash is stored).
#[cfg(feature = "ssr")]
async fn store_submission(
    pool: &sqlx::SqlitePool,
    application: &super::CheckedApplication,
    locale: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<String, AppError> {
    use crate::accounts::tokens::new_token;
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::outbox::repo::enqueue_composed;
    use crate::outbox::{compose, EmailKind};
    use crate::server_context::server_settings;

    let (token, token_hash) = new_token();
    let link = format!("{}/application/{token}", server_settings()?.public_url);
    let message = compose::application_received(locale, &application.display_name);
    let mut transaction = crate::write_transaction::begin_write(pool).await?;
    super::repo::insert_application(&mut transaction, application, &token_hash, locale, now)
        .await?;
    enqueue_composed(
        &mut transaction,
        EmailKind::ApplicationReceived,
        &application.email,
        locale,
        &message,
        Some(&link),
    )
    .await?;
    transaction.commit().await?;
    record_by_caller(
        pool,
        AuditEvent::ApplicationSubmitted,
        None,
        Some(&application.email),
        None,
    )
    .await;
    Ok(token)
}

/// The applicant's own application, through their private link.
#[server(endpoint = "my_application")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_my_application(token: String) -> Result<ApplicantView, AppError> {
    use super::{ineligibility_reasons, repo};
    use crate::accounts::{policy::Access, session::authorize};
    use crate::program_time::program_time;
    use crate::server_context::pool;

    authorize(Access::Anyone).await?;
    crate::accounts::rate_limit::knock(crate::accounts::rate_limit::Door::ApplicantLink)?;
    let pool = pool()?;
    let row = application_by_link(&pool, &token).await?;
    Ok(ApplicantView {
        status: row.status()?,
        reasons: ineligibility_reasons(row.facts()?),
        submitted_at: program_time(&row.submitted_at),
        latest_message: repo::latest_message(&pool, row.id).await?,
        display_name: row.display_name,
    })
}

/// The applicant withdraws their application (while it is still open).
#[server(endpoint = "withdraw_application")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn withdraw_application(token: String) -> Result<(), AppError> {
    use super::{repo, ApplicationEventKind, ApplicationStatus};
    use crate::accounts::policy::Access;
    use crate::accounts::session::authorize;
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::program_time::utc_now_text;

    use crate::server_context::pool;

    authorize(Access::Anyone).await?;
    crate::accounts::rate_limit::knock(crate::accounts::rate_limit::Door::ApplicantLink)?;
    let pool = pool()?;
    let row = application_by_link(&pool, &token).await?;
    let now = utc_now_text();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    if !repo::change_status(
        &mut transaction,
        row.id,
        &ApplicationStatus::OPEN,
        ApplicationStatus::Withdrawn,
        &now,
    )
    .await?
    {
        return Err(AppError::Conflict);
    }
    repo::add_event(
        &mut transaction,
        row.id,
        ApplicationEventKind::Withdrawn,
        None,
        None,
        &now,
    )
    .await?;
    transaction.commit().await?;
    record_by_caller(
        &pool,
        AuditEvent::ApplicationWithdrawn,
        None,
        Some(&row.email),
        None,
    )
    .await;
    Ok(())
}

/// The applicant answers the coordinator's request; the application returns to the queue.
#[server(endpoint = "answer_application")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn answer_application(token: String, answer: String) -> Result<(), AppError> {
    use super::{repo, ApplicationEventKind, ApplicationStatus};
    use crate::accounts::policy::Access;
    use crate::accounts::session::authorize;
    use crate::input::{parse_required_text, LONG_TEXT_MAX_CHARS};
    use crate::program_time::utc_now_text;
    use crate::server_context::pool;

    authorize(Access::Anyone).await?;
    crate::accounts::rate_limit::knock(crate::accounts::rate_limit::Door::ApplicantLink)?;
    let pool = pool()?;
    let row = application_by_link(&pool, &token).await?;
    let answer = parse_required_text("answer", &answer, LONG_TEXT_MAX_CHARS)?;
    let now = utc_now_text();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    if !repo::change_status(
        &mut transaction,
        row.id,
        &[ApplicationStatus::InfoRequested],
        ApplicationStatus::Submitted,
        &now,
    )
    .await?
    {
        return Err(AppError::Conflict);
    }
    repo::add_event(
        &mut transaction,
        row.id,
        ApplicationEventKind::InfoProvided,
        None,
        Some(&answer),
        &now,
    )
    .await?;
    transaction.commit().await?;
    Ok(())
}

/// The review queue, filtered by status (`""` for all) and eligibility
/// (`"eligible"`, `"ineligible"` or `""`).
#[server(endpoint = "applications")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn list_applications(
    status: Option<String>,
    eligibility: Option<String>,
) -> Result<ApplicationQueue, AppError> {
    use super::{repo, ApplicationStatus, EligibilityFilter};
    use crate::accounts::{session::authorize_role, Role};

    authorize_role(Role::Coordinator).await?;
    let pool = crate::server_context::pool()?;
    let status = status.as_deref().and_then(ApplicationStatus::parse);
    let filter = EligibilityFilter::parse(eligibility.as_deref().unwrap_or_default());
    let applications = repo::list_applications(&pool, status)
        .await?
        .into_iter()
        .filter(|application| filter.keeps(&application.reasons))
        .collect();
    Ok(ApplicationQueue {
        applications,
        counts: repo::count_by_status(&pool).await?.into_iter().collect(),
    })
}

/// One application, its history and what the decision needs.
#[server(endpoint = "application")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn get_application(id: i64) -> Result<ApplicationDetail, AppError> {
    use super::{ineligibility_reasons, repo};
    use crate::accounts::{session::authorize_role, Role};
    use crate::program_time::{program_time, program_today};
    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let pool = pool()?;
    let row = repo::find_application(&pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::access_log::repo::record_read(
        &pool,
        authorized.account()?.id,
        crate::access_log::repo::ReadSubject::Application(row.id),
        crate::access_log::ReadWhat::Application,
        "",
    )
    .await?;
    let cohorts = crate::catalog::repo::cohort_summaries(&pool, program_today()).await?;
    let mut cohorts: Vec<_> = cohorts
        .into_iter()
        .filter(|summary| summary.cohort.is_open)
        .collect();
    cohorts.sort_by_key(|summary| !summary.is_current);
    Ok(ApplicationDetail {
        id: row.id,
        status: row.status()?,
        locale: row.locale.clone(),
        submitted_at: program_time(&row.submitted_at),
        application: repo::checked_application(&pool, &row).await?,
        reasons: ineligibility_reasons(row.facts()?),
        events: repo::events(&pool, row.id).await?,
        same_email: repo::same_email(&pool, row.id, &row.email).await?,
        // Every entry, withdrawn ones too: the application keeps what it chose.
        choices: crate::catalog::repo::all_choices(&pool).await?,
        cohorts: cohorts
            .into_iter()
            .map(|summary| (summary.cohort.code, summary.cohort.name))
            .collect(),
    })
}

/// The application a private link opens; an unknown token opens nothing (410).
#[cfg(feature = "ssr")]
async fn application_by_link(
    pool: &sqlx::SqlitePool,
    token: &str,
) -> Result<super::repo::ApplicationRow, AppError> {
    use crate::accounts::tokens::hash_token;

    super::repo::find_by_token(pool, &hash_token(token))
        .await?
        .ok_or(AppError::LinkInvalid)
}
