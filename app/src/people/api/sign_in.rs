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
    use super::attempts::Attempt;
    use crate::accounts::policy::Access;
    use crate::accounts::session::Credentials;
    use crate::accounts::session::{auth_session, authorize, sign_in_session};
    use crate::accounts::throttle::minutes_to_tell;
    use crate::audit::repo::{record, AuditRecord};
    use crate::audit::AuditEvent;
    use crate::error::InputProblem;
    use crate::input::parse_email;
    use crate::server_context::client_address;
    use crate::server_context::pool;

    authorize(Access::Anyone).await?;
    crate::accounts::rate_limit::knock(crate::accounts::rate_limit::Door::SignIn)?;
    let pool = pool()?;
    let email = parse_email("email", &email)?;
    if password.is_empty() {
        return Err(AppError::InvalidInput {
            field: "password".to_owned(),
            problem: InputProblem::Required,
        });
    }
    let address = client_address();
    let known_device = crate::accounts::known_device::is_known(&pool, &email).await?;
    let attempt = Attempt::new(&email, &address).on_known_device(known_device);
    if let Some(wait) = attempt.count(&pool).await? {
        attempt.audit(&pool, AuditEvent::LoginThrottled).await;
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
        attempt.audit(&pool, AuditEvent::LoginFailed).await;
        return Err(AppError::BadCredentials);
    };
    // The password was right; a second step may still be needed: the
    // session waits for the code, not signed in.
    if super::mfa::needs_second_step(&pool, &account.0).await? {
        attempt.succeeded(&pool).await?;
        hold_for_second_step(&mut session, account.0.id).await?;
        let mut prompt = "/login/code".to_owned();
        if !next.trim().is_empty() {
            prompt.push_str("?next=");
            prompt.push_str(&crate::components::access::encode_query_value(
                &crate::locale::safe_return_path(next.trim()),
            ));
        }
        leptos_axum::redirect(&prompt);
        return Ok(String::new());
    }
    sign_in_session(&mut session, &account).await?;
    attempt.succeeded(&pool).await?;
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
    let destination =
        consent_first(&pool, account.0.id, requested_or_home(&account.0, &next)).await?;
    let switched = switch_to_account_locale(&account.0.locale, locale_chosen)?;
    leptos_axum::redirect(&destination);
    Ok(switched)
}

/// The local path a sign-in asked to return to, or the person's area.
#[cfg(feature = "ssr")]
pub(super) fn requested_or_home(account: &crate::accounts::repo::AccountRow, next: &str) -> String {
    if next.trim().is_empty() {
        account.role().home_path().to_owned()
    } else {
        crate::locale::safe_return_path(next.trim())
    }
}

/// Signs in an account just created from a link (a confirmed registration,
/// an accepted invitation) and audits `event` about it.
#[cfg(feature = "ssr")]
pub(super) async fn sign_in_created(
    pool: &sqlx::SqlitePool,
    account_id: i64,
    event: crate::audit::AuditEvent,
    email: &str,
    detail: Option<&str>,
) -> Result<(), AppError> {
    let account = crate::accounts::repo::find_account(pool, account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::accounts::session::sign_in(account).await?;
    crate::audit::repo::record_by_caller(pool, event, Some(account_id), Some(email), detail).await;
    Ok(())
}

/// Where a sign-in that just finished goes: `destination`, unless a material
/// change of the privacy notice asks for consent again first.
#[cfg(feature = "ssr")]
pub(super) async fn consent_first(
    pool: &sqlx::SqlitePool,
    account_id: i64,
    destination: String,
) -> Result<String, AppError> {
    if crate::consent::repo::renewal_due(pool, account_id)
        .await?
        .is_some()
    {
        return Ok(format!(
            "/consent?next={}",
            crate::components::access::encode_query_value(&destination)
        ));
    }
    Ok(destination)
}

/// Keeps, in a new session id, the account whose password was right and
/// which waits for its code (`mfa::verify_sign_in_code`).
#[cfg(feature = "ssr")]
async fn hold_for_second_step(
    session: &mut crate::accounts::session::AuthSession,
    account_id: i64,
) -> Result<(), AppError> {
    let storage = |error: &dyn std::fmt::Display| {
        tracing::error!(%error, "cannot keep the waiting sign-in");
        AppError::Storage
    };
    session.session.cycle_id().await.map_err(|e| storage(&e))?;
    session
        .session
        .insert(
            crate::accounts::session::MFA_PENDING,
            (account_id, chrono::Utc::now().timestamp()),
        )
        .await
        .map_err(|e| storage(&e))
}

/// After signing in, the interface takes the account's language unless the
/// person chose one on the sign-in page; the language switched to, if any.
#[cfg(feature = "ssr")]
fn switch_to_account_locale(
    account_locale: &str,
    locale_chosen: Option<String>,
) -> Result<String, AppError> {
    use leptos_i18n::Locale as _;

    let chosen = locale_chosen.is_some_and(|chosen| !chosen.trim().is_empty());
    match crate::locale::parse_locale(account_locale) {
        Some(locale) if !chosen => {
            crate::locale::remember_locale(locale.as_str())?;
            Ok(locale.as_str().to_owned())
        }
        _ => Ok(String::new()),
    }
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
    // Out of "my sessions" too.
    if let Some(ref_hash) =
        crate::accounts::session::current_session_ref_hash(&session.session).await
    {
        crate::accounts::repo::end_open_session(&pool()?, &ref_hash).await?;
    }
    let previous = session.logout().await.map_err(|error| {
        tracing::error!(%error, "cannot end the session");
        AppError::Storage
    })?;
    // The browser forgets what it kept of the session's pages and storage
    // (the cookie is already ended; other cookies, like the language, stay).
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            axum::http::HeaderName::from_static("clear-site-data"),
            axum::http::HeaderValue::from_static("\"cache\", \"storage\""),
        );
    }
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
