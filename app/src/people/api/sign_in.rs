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
/// person's area. Failures are slowed per (account, address), and, with more
/// room, per account and per address.
///
/// The interface switches to the account's language, unless the person chose
/// a language on the sign-in page (`locale_chosen` not empty). Returns the
/// language now in use when it switched (`fr`/`en`), empty otherwise: the
/// hydrated page switches in place.
#[server(endpoint = "log_in")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn log_in(
    email: String,
    password: String,
    next: String,
    locale_chosen: Option<String>,
) -> Result<String, AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::repo;
    use crate::accounts::session::Credentials;
    use crate::accounts::session::{auth_session, authorize, sign_in_session};
    use crate::accounts::throttle::{
        failures_counting, minutes_to_tell, remaining_wait, FREE_FAILURES_PER_ACCOUNT,
        FREE_FAILURES_PER_ADDRESS,
    };
    use crate::audit::repo::{record, AuditRecord};
    use crate::audit::AuditEvent;
    use crate::error::InputProblem;
    use crate::input::parse_email;
    use crate::locale::safe_return_path;
    use crate::server_context::client_address;
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
    let account_key = format!("account:{}", email.to_lowercase());
    // (key, failures allowed before any wait)
    let keys = [
        (
            format!("pair:{}|{address}", email.to_lowercase()),
            FREE_FAILURES_PER_ACCOUNT,
        ),
        (account_key.clone(), FREE_FAILURES_PER_ADDRESS),
        (format!("address:{address}"), FREE_FAILURES_PER_ADDRESS),
    ];

    // Check and count the attempt in one step, before the password is checked:
    // concurrent attempts queue here and each sees the ones before it.
    let refused = {
        let _gate = LOGIN_GATE.lock().await;
        let now = chrono::Utc::now();
        let mut longest_wait = None;
        let mut counts = Vec::with_capacity(keys.len());
        for (key, free) in &keys {
            let found = repo::failure_record(&pool, key).await?;
            if let Some(wait) = remaining_wait(found, *free, now) {
                longest_wait = longest_wait.max(Some(wait));
            }
            counts.push(failures_counting(found, now));
        }
        if longest_wait.is_none() {
            for ((key, _), count) in keys.iter().zip(counts) {
                repo::record_failure(&pool, key, count, now).await?;
            }
        }
        longest_wait
    };
    if let Some(wait) = refused {
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
    // The attempt was counted as a failure in advance. The account starts again
    // from zero; the address only gets this one back (a valid account of one's
    // own must not wipe the count of guesses against others).
    repo::clear_failures(&pool, &keys[0].0).await?;
    repo::clear_failures(&pool, &account_key).await?;
    repo::forgive_one_failure(&pool, &keys[2].0).await?;
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
    use leptos_i18n::Locale as _;

    let chosen = locale_chosen.is_some_and(|chosen| !chosen.trim().is_empty());
    let switched = match crate::locale::parse_locale(&account.0.locale) {
        Some(locale) if !chosen => {
            crate::locale::remember_locale(locale.as_str())?;
            locale.as_str().to_owned()
        }
        _ => String::new(),
    };
    leptos_axum::redirect(&destination);
    Ok(switched)
}

/// One sign-in attempt at a time passes the throttle check (the password check
/// itself runs in parallel). The app is one process over one SQLite file.
#[cfg(feature = "ssr")]
static LOGIN_GATE: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

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
