//! The coordinator's decisions on an application: accept (the mentor is invited), decline, or ask for more, each with its email.
#[allow(unused_imports)]
use super::*;

#[cfg(feature = "ssr")]
use crate::applications::repo::ApplicationRow;

/// Accepts an eligible application: the mentor's profile is made from it (in
/// the chosen cohort) and the invitation of the accounts issue is sent.
#[server(endpoint = "accept_application")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn accept_application(id: i64, cohort: String) -> Result<(), AppError> {
    use crate::accounts::session::authorize_role;
    use crate::accounts::Role;
    use crate::audit::AuditEvent;
    use crate::program_time::utc_now_text;
    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let coordinator = authorized.account()?.clone();
    let pool = pool()?;
    let row = load_acceptable(&pool, id).await?;
    let now = utc_now_text();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let cohort_id = chosen_cohort(&mut transaction, &cohort).await?;
    write_acceptance(&mut transaction, &row, cohort_id, coordinator.id, &now).await?;
    invite_mentor(&mut transaction, &coordinator, &row).await?;
    transaction.commit().await?;
    audit_decision(&pool, AuditEvent::ApplicationAccepted, coordinator.id, &row).await;
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
    use crate::input::{parse_required_text, LONG_TEXT_MAX_CHARS};
    use crate::program_time::utc_now_text;
    use crate::server_context::{pool, server_settings};

    let authorized = authorize_role(Role::Coordinator).await?;
    let coordinator_id = authorized.account()?.id;
    let pool = pool()?;
    let row = find_application(&pool, id).await?;
    let message = parse_required_text(field, message, LONG_TEXT_MAX_CHARS)?;
    ensure_open(&row)?;
    let outcome = verdict.outcome(&row, &message);
    let (token, token_hash) = new_token();
    let link = format!("{}/application/{token}", server_settings()?.public_url);
    let now = utc_now_text();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    write_decision(
        &mut transaction,
        &row,
        coordinator_id,
        &outcome,
        &message,
        &token_hash,
        &now,
    )
    .await?;
    notify_applicant(&mut transaction, &row, &outcome, &link).await?;
    transaction.commit().await?;
    audit_decision(&pool, outcome.audit, coordinator_id, &row).await;
    Ok(())
}

/// What a decision with a message changes, sends and records.
#[cfg(feature = "ssr")]
struct VerdictOutcome {
    status: crate::applications::ApplicationStatus,
    event: crate::applications::ApplicationEventKind,
    email_kind: crate::outbox::EmailKind,
    email: crate::outbox::compose::ComposedEmail,
    audit: crate::audit::AuditEvent,
}

#[cfg(feature = "ssr")]
impl Verdict {
    /// The new status, history step, email (in the applicant's language) and
    /// audit event of this verdict.
    fn outcome(self, row: &ApplicationRow, message: &str) -> VerdictOutcome {
        use crate::applications::{ApplicationEventKind, ApplicationStatus};
        use crate::audit::AuditEvent;
        use crate::outbox::{compose, EmailKind};

        match self {
            Verdict::Decline => VerdictOutcome {
                status: ApplicationStatus::Declined,
                event: ApplicationEventKind::Declined,
                email_kind: EmailKind::ApplicationDeclined,
                email: compose::application_declined(&row.locale, &row.display_name, message),
                audit: AuditEvent::ApplicationDeclined,
            },
            Verdict::RequestInfo => VerdictOutcome {
                status: ApplicationStatus::InfoRequested,
                event: ApplicationEventKind::InfoRequested,
                email_kind: EmailKind::ApplicationInfoRequested,
                email: compose::application_info_requested(&row.locale, &row.display_name, message),
                audit: AuditEvent::ApplicationInfoRequested,
            },
        }
    }
}

/// The application with this id; `NotFound` when there is none.
#[cfg(feature = "ssr")]
async fn find_application(pool: &sqlx::SqlitePool, id: i64) -> Result<ApplicationRow, AppError> {
    crate::applications::repo::find_application(pool, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// `Conflict` unless the application still waits for a decision.
#[cfg(feature = "ssr")]
fn ensure_open(row: &ApplicationRow) -> Result<(), AppError> {
    if row.status()?.is_open() {
        Ok(())
    } else {
        Err(AppError::Conflict)
    }
}

/// The application to accept, once it is known to be open, eligible, and from
/// an address that has no account yet.
#[cfg(feature = "ssr")]
async fn load_acceptable(pool: &sqlx::SqlitePool, id: i64) -> Result<ApplicationRow, AppError> {
    use crate::accounts::repo::find_account_by_email;
    use crate::applications::ineligibility_reasons;
    use crate::error::InputProblem;

    let row = find_application(pool, id).await?;
    ensure_open(&row)?;
    if !ineligibility_reasons(row.facts()?).is_empty() {
        return Err(AppError::InvalidInput {
            field: "decision".to_owned(),
            problem: InputProblem::NotEligible,
        });
    }
    if find_account_by_email(pool, &row.email).await?.is_some() {
        return Err(AppError::InvalidInput {
            field: "decision".to_owned(),
            problem: InputProblem::EmailTaken,
        });
    }
    Ok(row)
}

/// The cohort the coordinator chose by its code (`None` when left empty);
/// an unknown code is an invalid choice.
#[cfg(feature = "ssr")]
async fn chosen_cohort(
    connection: &mut sqlx::SqliteConnection,
    cohort: &str,
) -> Result<Option<i64>, AppError> {
    use crate::error::InputProblem;

    match cohort.trim() {
        "" => Ok(None),
        code => Ok(Some(
            crate::applications::repo::cohort_id(connection, code)
                .await?
                .ok_or_else(|| AppError::InvalidInput {
                    field: "cohort".to_owned(),
                    problem: InputProblem::InvalidChoice,
                })?,
        )),
    }
}

/// Marks the application accepted (if still open), adds the step to its
/// history and makes the mentor's profile from it, in the caller's transaction.
#[cfg(feature = "ssr")]
async fn write_acceptance(
    connection: &mut sqlx::SqliteConnection,
    row: &ApplicationRow,
    cohort_id: Option<i64>,
    coordinator_id: i64,
    now: &str,
) -> Result<(), AppError> {
    use crate::applications::{repo, ApplicationEventKind, ApplicationStatus};
    use crate::error::InputProblem;

    // Another application from this address, accepted already, waits for its mentor.
    if repo::has_pending_profile(connection, &row.email).await? {
        return Err(AppError::InvalidInput {
            field: "decision".to_owned(),
            problem: InputProblem::EmailTaken,
        });
    }
    let id = row.id;
    if !repo::change_status(
        connection,
        id,
        &ApplicationStatus::OPEN,
        ApplicationStatus::Accepted,
        now,
    )
    .await?
    {
        return Err(AppError::Conflict);
    }
    repo::add_event(
        connection,
        id,
        ApplicationEventKind::Accepted,
        Some(coordinator_id),
        None,
        now,
    )
    .await?;
    repo::create_mentor_profile(connection, id, cohort_id, now).await?;
    Ok(())
}

/// Invites the accepted applicant to make their mentor account (the
/// invitation email is queued in the caller's transaction).
#[cfg(feature = "ssr")]
async fn invite_mentor(
    connection: &mut sqlx::SqliteConnection,
    coordinator: &crate::accounts::repo::AccountRow,
    row: &ApplicationRow,
) -> Result<(), AppError> {
    use crate::accounts::Role;
    use crate::people::api::{issue_invitation, Invitee};

    let invitee = Invitee {
        email: &row.email,
        display_name: &row.display_name,
        role: Role::Mentor,
        locale: &row.locale,
        // The profile made from the application is in the cohort chosen.
        cohort_id: None,
    };
    issue_invitation(connection, coordinator, &invitee).await
}

/// Moves the application to the verdict's status (if still open), stores the
/// new private link's hash and adds the step, with its message, to the history.
#[cfg(feature = "ssr")]
async fn write_decision(
    connection: &mut sqlx::SqliteConnection,
    row: &ApplicationRow,
    coordinator_id: i64,
    outcome: &VerdictOutcome,
    message: &str,
    token_hash: &str,
    now: &str,
) -> Result<(), AppError> {
    use crate::applications::{repo, ApplicationStatus};

    let id = row.id;
    if !repo::change_status(
        connection,
        id,
        &ApplicationStatus::OPEN,
        outcome.status,
        now,
    )
    .await?
    {
        return Err(AppError::Conflict);
    }
    repo::add_link(connection, id, token_hash, now).await?;
    repo::add_event(
        connection,
        id,
        outcome.event,
        Some(coordinator_id),
        Some(message),
        now,
    )
    .await?;
    Ok(())
}

/// Queues the verdict's email to the applicant, with their new private link.
#[cfg(feature = "ssr")]
async fn notify_applicant(
    connection: &mut sqlx::SqliteConnection,
    row: &ApplicationRow,
    outcome: &VerdictOutcome,
    link: &str,
) -> Result<(), AppError> {
    crate::outbox::repo::enqueue_composed(
        connection,
        outcome.email_kind,
        &row.email,
        &row.locale,
        &outcome.email,
        Some(link),
    )
    .await?;
    Ok(())
}

/// Records a coordinator's decision on an application in the audit journal.
#[cfg(feature = "ssr")]
async fn audit_decision(
    pool: &sqlx::SqlitePool,
    event: crate::audit::AuditEvent,
    coordinator_id: i64,
    row: &ApplicationRow,
) {
    crate::audit::repo::record_by_caller(
        pool,
        event,
        Some(coordinator_id),
        Some(&row.email),
        Some(&row.id.to_string()),
    )
    .await;
}
