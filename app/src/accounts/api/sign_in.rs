//! Signing in and out, and who is signed in.
use leptos::prelude::*;

use crate::accounts::SessionUser;
use crate::error::AppError;

/// Who is signed in on this browser, if anyone. Public.
#[server(endpoint = "current_user")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn get_current_user() -> Result<Option<SessionUser>, AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::session::authorize;

    let authorized = authorize(Access::Anyone).await?;
    Ok(authorized.account.map(|account| account.to_session_user()))
}

/// Signs in with email and password, then goes to `next` (a local path) or the
/// person's area. Repeated failures are slowed per account and per address.
#[server(endpoint = "log_in")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip(password)))]
pub async fn log_in(email: String, password: String, next: String) -> Result<(), AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::session::{authorize, client_address, sign_in_session, Credentials};
    use crate::accounts::throttle::{
        failures_counting, minutes_to_tell, remaining_wait, FREE_FAILURES_PER_ACCOUNT,
        FREE_FAILURES_PER_ADDRESS,
    };
    use crate::accounts::validation::parse_email;
    use crate::accounts::{repo, session::auth_session};
    use crate::audit::repo::{record, AuditRecord};
    use crate::audit::AuditEvent;
    use crate::error::InputProblem;
    use crate::locale::safe_return_path;
    use crate::server_context::pool;

    authorize(Access::Anyone).await?;
    let pool = pool()?;
    let email = parse_email("email", &email)?;
    if password.is_empty() {
        return Err(AppError::InvalidInput {
            field: "password".to_owned(),
            problem: InputProblem::Required,
        });
    }
    let address = client_address();
    let keys = [
        format!("account:{}", email.to_lowercase()),
        format!("address:{address}"),
    ];
    let free_failures = [FREE_FAILURES_PER_ACCOUNT, FREE_FAILURES_PER_ADDRESS];
    let now = chrono::Utc::now();
    let mut records = Vec::with_capacity(keys.len());
    for key in &keys {
        records.push(repo::failure_record(&pool, key).await?);
    }
    if let Some(wait) = records
        .iter()
        .zip(free_failures)
        .filter_map(|(record, free)| remaining_wait(*record, free, now))
        .max()
    {
        record(
            &pool,
            AuditEvent::LoginThrottled,
            AuditRecord {
                subject: Some(&email),
                client: Some(&address),
                ..AuditRecord::default()
            },
        )
        .await;
        return Err(AppError::TooManyAttempts {
            retry_after_minutes: minutes_to_tell(wait),
        });
    }

    let mut session = auth_session().await?;
    let account = session
        .authenticate(Credentials {
            email: email.clone(),
            password,
        })
        .await
        .map_err(|error| {
            tracing::error!(%error, "authentication backend failed");
            AppError::Storage
        })?;
    let Some(account) = account else {
        for (key, found) in keys.iter().zip(&records) {
            repo::record_failure(&pool, key, failures_counting(*found, now), now).await?;
        }
        record(
            &pool,
            AuditEvent::LoginFailed,
            AuditRecord {
                subject: Some(&email),
                client: Some(&address),
                ..AuditRecord::default()
            },
        )
        .await;
        return Err(AppError::BadCredentials);
    };
    sign_in_session(&mut session, &account).await?;
    // The account's counter starts again; the address's does not (one valid
    // account must not reset an attacker's count against the others).
    repo::clear_failures(&pool, &keys[0]).await?;
    record(
        &pool,
        AuditEvent::LoginSucceeded,
        AuditRecord {
            actor_id: Some(account.0.id),
            subject: Some(&account.0.email),
            client: Some(&address),
            ..AuditRecord::default()
        },
    )
    .await;
    let destination = if next.trim().is_empty() {
        account.0.role().home_path().to_owned()
    } else {
        safe_return_path(next.trim())
    };
    leptos_axum::redirect(&destination);
    Ok(())
}

/// Signs out and goes home. Public: signing out when signed out does nothing.
#[server(endpoint = "log_out")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn log_out() -> Result<(), AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::session::{auth_session, authorize};
    use crate::audit::repo::{record, AuditRecord};
    use crate::audit::AuditEvent;
    use crate::server_context::pool;

    authorize(Access::Anyone).await?;
    let mut session = auth_session().await?;
    let previous = session.logout().await.map_err(|error| {
        tracing::error!(%error, "cannot end the session");
        AppError::Storage
    })?;
    if let Some(account) = previous {
        record(
            &pool()?,
            AuditEvent::LoggedOut,
            AuditRecord {
                actor_id: Some(account.0.id),
                ..AuditRecord::default()
            },
        )
        .await;
    }
    leptos_axum::redirect("/");
    Ok(())
}
