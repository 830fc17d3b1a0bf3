//! The coordinator's decisions on an application: accept (the mentor is invited), decline, or ask for more, each with its email.
#[allow(unused_imports)]
use super::*;

/// Accepts an eligible application: the mentor's profile is made from it (in
/// the chosen cohort) and the invitation of the accounts issue is sent.
#[server(endpoint = "accept_application")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn accept_application(id: i64, cohort: String) -> Result<(), AppError> {
    use crate::accounts::repo::find_account_by_email;
    use crate::accounts::session::authorize_role;
    use crate::accounts::Role;
    use crate::applications::{
        ineligibility_reasons, repo, ApplicationEventKind, ApplicationStatus,
    };
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::error::InputProblem;
    use crate::people::api::{issue_invitation, Invitee};
    use crate::program_time::utc_now_text;

    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let coordinator = authorized.account()?.clone();
    let pool = pool()?;
    let row = repo::find_application(&pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !row.status().is_open() {
        return Err(AppError::Conflict);
    }
    if !ineligibility_reasons(row.facts()).is_empty() {
        return Err(AppError::InvalidInput {
            field: "decision".to_owned(),
            problem: InputProblem::NotEligible,
        });
    }
    if find_account_by_email(&pool, &row.email).await?.is_some() {
        return Err(AppError::InvalidInput {
            field: "decision".to_owned(),
            problem: InputProblem::EmailTaken,
        });
    }
    let now = utc_now_text();
    let mut transaction = pool.begin().await?;
    let cohort_id = match cohort.trim() {
        "" => None,
        code => Some(
            repo::cohort_id(&mut transaction, code)
                .await?
                .ok_or_else(|| AppError::InvalidInput {
                    field: "cohort".to_owned(),
                    problem: InputProblem::InvalidChoice,
                })?,
        ),
    };
    // Another application from this address, accepted already, waits for its mentor.
    if repo::has_pending_profile(&mut transaction, &row.email).await? {
        return Err(AppError::InvalidInput {
            field: "decision".to_owned(),
            problem: InputProblem::EmailTaken,
        });
    }
    if !repo::change_status(
        &mut transaction,
        id,
        &ApplicationStatus::OPEN,
        ApplicationStatus::Accepted,
        &now,
    )
    .await?
    {
        return Err(AppError::Conflict);
    }
    repo::add_event(
        &mut transaction,
        id,
        ApplicationEventKind::Accepted,
        Some(coordinator.id),
        None,
        &now,
    )
    .await?;
    repo::create_mentor_profile(&mut transaction, id, cohort_id, &now).await?;
    issue_invitation(
        &mut transaction,
        &coordinator,
        &Invitee {
            email: &row.email,
            display_name: &row.display_name,
            role: Role::Mentor,
            locale: &row.locale,
        },
    )
    .await?;
    transaction.commit().await?;
    record_by_caller(
        &pool,
        AuditEvent::ApplicationAccepted,
        Some(coordinator.id),
        Some(&row.email),
        Some(&id.to_string()),
    )
    .await;
    Ok(())
}

/// Declines an application with a reason, emailed to the applicant.
#[server(endpoint = "decline_application")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip(reason)))]
pub async fn decline_application(id: i64, reason: String) -> Result<(), AppError> {
    decide_with_message(id, &reason, "reason", Verdict::Decline).await
}

/// Asks the applicant for more information; the message is emailed with the private link.
#[server(endpoint = "request_application_info")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip(message)))]
pub async fn request_application_info(id: i64, message: String) -> Result<(), AppError> {
    decide_with_message(id, &message, "message", Verdict::RequestInfo).await
}

#[cfg(feature = "ssr")]
#[derive(Debug, Clone, Copy)]
pub(super) enum Verdict {
    Decline,
    RequestInfo,
}

/// A decision that sends the applicant a message: status, history and email in
/// one transaction. The email carries a fresh private link (only hashes are
/// stored, so the first one cannot be sent again); the first keeps working.
#[cfg(feature = "ssr")]
pub(super) async fn decide_with_message(
    id: i64,
    message: &str,
    field: &str,
    verdict: Verdict,
) -> Result<(), AppError> {
    use crate::accounts::session::authorize_role;
    use crate::accounts::{tokens::new_token, Role};
    use crate::applications::{repo, ApplicationEventKind, ApplicationStatus};
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::input::{parse_required_text, LONG_TEXT_MAX_CHARS};
    use crate::outbox::repo::enqueue_composed;
    use crate::outbox::{compose, EmailKind};
    use crate::program_time::utc_now_text;

    use crate::server_context::{pool, server_settings};

    let authorized = authorize_role(Role::Coordinator).await?;
    let coordinator_id = authorized.account()?.id;
    let pool = pool()?;
    let row = repo::find_application(&pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let message = parse_required_text(field, message, LONG_TEXT_MAX_CHARS)?;
    if !row.status().is_open() {
        return Err(AppError::Conflict);
    }
    let (status, event, kind, email, audit) = match verdict {
        Verdict::Decline => (
            ApplicationStatus::Declined,
            ApplicationEventKind::Declined,
            EmailKind::ApplicationDeclined,
            compose::application_declined(&row.locale, &row.display_name, &message),
            AuditEvent::ApplicationDeclined,
        ),
        Verdict::RequestInfo => (
            ApplicationStatus::InfoRequested,
            ApplicationEventKind::InfoRequested,
            EmailKind::ApplicationInfoRequested,
            compose::application_info_requested(&row.locale, &row.display_name, &message),
            AuditEvent::ApplicationInfoRequested,
        ),
    };
    let (token, token_hash) = new_token();
    let link = format!("{}/application/{token}", server_settings()?.public_url);
    let now = utc_now_text();
    let mut transaction = pool.begin().await?;
    if !repo::change_status(&mut transaction, id, &ApplicationStatus::OPEN, status, &now).await? {
        return Err(AppError::Conflict);
    }
    repo::add_link(&mut transaction, id, &token_hash, &now).await?;
    repo::add_event(
        &mut transaction,
        id,
        event,
        Some(coordinator_id),
        Some(&message),
        &now,
    )
    .await?;
    enqueue_composed(
        &mut transaction,
        kind,
        &row.email,
        &row.locale,
        &email,
        Some(&link),
    )
    .await?;
    transaction.commit().await?;
    record_by_caller(
        &pool,
        audit,
        Some(coordinator_id),
        Some(&row.email),
        Some(&id.to_string()),
    )
    .await;
    Ok(())
}
