//! Server functions of deletion and retention: the coordination reads the
//! requests, the register and what the next run removes; the privacy
//! officer confirms a deletion, sets the periods and runs the rules.
use leptos::prelude::*;

use super::{Deletions, RetentionCounts, RetentionPreview};
use crate::error::AppError;

/// The requests for deletion that wait, and the register of deletions.
#[server(endpoint = "deletions")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn get_deletions() -> Result<Deletions, AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::session::authorize;
    use crate::accounts::Role;
    use crate::server_context::pool;

    let authorized = authorize(Access::RoleArea(Role::Coordinator)).await?;
    let may_confirm = authorized.account()?.is_privacy_officer;
    let pool = pool()?;
    Ok(Deletions {
        pending: super::repo::pending(&pool).await?,
        register: super::repo::register(&pool).await?,
        may_confirm,
    })
}

/// Confirms a request: the person's data is erased, table by table, in one
/// transaction; the register keeps the request's line with what the
/// program keeps (`kept`, the officer's words) and no deleted data.
#[server(endpoint = "confirm_deletion")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn confirm_deletion(
    id: i64,
    kept: String,
    confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::session::authorize;
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::error::{FieldErrors, InputProblem};
    use crate::input::parse_optional_text;
    use crate::server_context::pool;

    let authorized = authorize(Access::PrivacyOfficer).await?;
    let officer = authorized.account()?;
    let mut errors = FieldErrors::new();
    let kept = errors.check(parse_optional_text("kept", &kept, super::KEPT_MAX_CHARS));
    if confirm.as_deref().is_none_or(str::is_empty) {
        errors.push("confirm", InputProblem::ConfirmRequired);
    }
    let kept = errors.finish_with(|| kept)?;
    let pool = pool()?;
    let now = crate::program_time::utc_now_text();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let (account_id, role) = super::repo::pending_account(&mut transaction, id)
        .await?
        .ok_or(AppError::NotFound)?;
    // A person made coordinator since they asked: another coordinator
    // changes their role back first (a coordination must not vanish).
    if role == crate::accounts::Role::Coordinator {
        return Err(AppError::Conflict);
    }
    let rows =
        crate::my_data::erase::erase_account(&mut transaction, account_id, Some(officer.id), &now)
            .await?
            .ok_or(AppError::NotFound)?;
    super::repo::mark_erased(
        &mut transaction,
        id,
        Some(officer.id),
        kept.as_deref(),
        rows,
        &now,
    )
    .await?;
    transaction.commit().await?;
    record_by_caller(
        &pool,
        AuditEvent::PersonErased,
        Some(officer.id),
        Some(&account_id.to_string()),
        Some(&format!("register {id}, {rows} rows")),
    )
    .await;
    Ok(())
}

/// The retention periods, what a run would remove now, and the last run.
#[server(endpoint = "retention")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn get_retention() -> Result<RetentionPreview, AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::session::authorize;
    use crate::accounts::Role;
    use crate::server_context::pool;

    let authorized = authorize(Access::RoleArea(Role::Coordinator)).await?;
    let may_change = authorized.account()?.is_privacy_officer;
    let pool = pool()?;
    let settings = super::retention::settings(&pool).await?;
    let mut connection = pool.acquire().await?;
    let plan = super::retention::plan(&mut connection, &settings, chrono::Utc::now()).await?;
    drop(connection);
    Ok(RetentionPreview {
        settings,
        next: plan.counts(),
        people: plan.people()?,
        last_run: super::retention::last_run(&pool).await?,
        may_change,
    })
}

/// Sets the retention periods (each in its range).
#[server(endpoint = "save_retention")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn save_retention(
    applications_months: String,
    traces_days: String,
    outbox_months: String,
    cohort_years: String,
) -> Result<(), AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::session::authorize;
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::server_context::pool;

    let authorized = authorize(Access::PrivacyOfficer).await?;
    let officer = authorized.account()?;
    let settings = super::check_retention(
        &applications_months,
        &traces_days,
        &outbox_months,
        &cohort_years,
    )?;
    let pool = pool()?;
    super::retention::save_settings(&pool, &settings).await?;
    record_by_caller(
        &pool,
        AuditEvent::RetentionChanged,
        Some(officer.id),
        None,
        Some(&format!(
            "applications {} months, sign-in traces {} days, outbox {} months, cohorts {} years",
            settings.closed_applications_months,
            settings.sign_in_traces_days,
            settings.outbox_months,
            settings.ended_cohort_years
        )),
    )
    .await;
    Ok(())
}

/// Runs the retention rules now, as the preview said; the counts removed.
#[server(endpoint = "run_retention")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn run_retention() -> Result<RetentionCounts, AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::session::authorize;
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::server_context::pool;

    let authorized = authorize(Access::PrivacyOfficer).await?;
    let officer = authorized.account()?;
    let pool = pool()?;
    let done = super::retention::run(&pool, chrono::Utc::now()).await?;
    record_by_caller(
        &pool,
        AuditEvent::RetentionApplied,
        Some(officer.id),
        None,
        Some(&done.detail()),
    )
    .await;
    Ok(done)
}
