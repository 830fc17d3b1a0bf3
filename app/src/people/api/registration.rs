//! A student's registration, verified (security issue, item 3): the form
//! sends a link to the address, and the account exists only once the link is
//! used. The answer is the same whether or not the address has an account
//! (its owner gets a notice instead), so the form tells no one who is
//! registered, and no one can take an address they do not read.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Whether mentees may register themselves right now. Public.
#[server(endpoint = "registration_status")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn get_registration_status() -> Result<bool, AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::{repo, session::authorize};
    use crate::server_context::pool;

    authorize(Access::Anyone).await?;
    Ok(repo::registration_open(&pool()?).await?)
}

/// A student asks for a mentee account: checked as the account would be,
/// then a confirmation link goes to the address (or, when it already has an
/// account, a notice to its owner). The same answer either way:
/// `/register?sent=1`.
#[server(endpoint = "register_mentee")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn register_mentee(
    display_name: String,
    email: String,
    password: String,
    locale: String,
    student: Option<String>,
    consent: Option<String>,
) -> Result<(), AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::repo;
    use crate::accounts::session::{authorize, hash_password};
    use crate::error::InputProblem;
    use crate::input::*;
    use crate::server_context::{pool, server_settings};

    authorize(Access::Anyone).await?;
    crate::accounts::rate_limit::knock(crate::accounts::rate_limit::Door::Registration)?;
    let pool = pool()?;
    if !repo::registration_open(&pool).await? {
        return Err(AppError::RegistrationClosed);
    }
    let display_name = parse_display_name("display_name", &display_name)?;
    let email = parse_email("email", &email)?;
    crate::accounts::password_rules::check_new_password(
        "password",
        &password,
        &display_name,
        &email,
    )?;
    let locale = parse_locale_choice("locale", &locale).unwrap_or("fr");
    require_checked("student", student.as_deref(), InputProblem::StudentRequired)?;
    require_checked("consent", consent.as_deref(), InputProblem::ConsentRequired)?;

    // The password is hashed whether or not the address has an account: the
    // time of the answer tells nothing either.
    let password_hash = hash_password(password).await?;
    let public_url = server_settings()?.public_url;
    send_confirmation_or_notice(
        &pool,
        &public_url,
        Registration {
            display_name: &display_name,
            email: &email,
            password_hash: &password_hash,
            locale,
        },
    )
    .await?;
    leptos_axum::redirect("/register?sent=1");
    Ok(())
}

#[cfg(feature = "ssr")]
struct Registration<'a> {
    display_name: &'a str,
    email: &'a str,
    password_hash: &'a str,
    locale: &'a str,
}

/// The link to an address without an account, a notice to one with an
/// account (none to a disabled one), each at most
/// `REGISTRATIONS_PER_HOUR` an hour; the request and its email in one
/// transaction.
#[cfg(feature = "ssr")]
async fn send_confirmation_or_notice(
    pool: &sqlx::SqlitePool,
    public_url: &str,
    registration: Registration<'_>,
) -> Result<(), AppError> {
    use crate::accounts::repo::{self, NewRegistration};
    use crate::accounts::tokens::new_token;
    use crate::outbox::repo::enqueue_composed;
    use crate::outbox::{compose, EmailKind};
    use crate::people::api::{REGISTRATIONS_PER_HOUR, REGISTRATION_VALID_HOURS};

    let now = chrono::Utc::now();
    let since = now - chrono::Duration::hours(1);
    let existing = repo::find_account_by_email(pool, registration.email).await?;
    let mut transaction = crate::write_transaction::begin_write(pool).await?;
    match existing {
        Some(account) => {
            let sent = crate::outbox::repo::count_sent_to(
                &mut transaction,
                EmailKind::RegistrationNotice,
                &account.email,
                since,
            )
            .await?;
            if account.is_disabled || sent >= REGISTRATIONS_PER_HOUR {
                tracing::info!(
                    account = account.id,
                    "registration asked for an address with an account: no notice sent"
                );
                return Ok(());
            }
            let message = compose::registration_notice(&account.locale, &account.display_name);
            enqueue_composed(
                &mut transaction,
                EmailKind::RegistrationNotice,
                &account.email,
                &account.locale,
                &message,
                Some(&format!("{public_url}/login")),
            )
            .await?;
            tracing::info!(
                account = account.id,
                "registration asked for an address with an account: notice sent"
            );
        }
        None => {
            let (token, token_hash) = new_token();
            let recorded = repo::insert_registration_within_limit(
                &mut transaction,
                &NewRegistration {
                    token_hash: &token_hash,
                    email: registration.email,
                    display_name: registration.display_name,
                    password_hash: registration.password_hash,
                    locale: registration.locale,
                    expires_at: now + chrono::Duration::hours(REGISTRATION_VALID_HOURS),
                },
                now,
                since,
                REGISTRATIONS_PER_HOUR,
            )
            .await?;
            if !recorded {
                tracing::warn!("registration refused: too many for this address this hour");
                return Ok(());
            }
            let message = compose::registration_confirmation(
                registration.locale,
                registration.display_name,
                REGISTRATION_VALID_HOURS,
            );
            enqueue_composed(
                &mut transaction,
                EmailKind::RegistrationConfirmation,
                registration.email,
                registration.locale,
                &message,
                Some(&format!("{public_url}/register/confirm/{token}")),
            )
            .await?;
        }
    }
    transaction.commit().await?;
    Ok(())
}

/// What a confirmation link is for, as its page shows it before the button.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingRegistration {
    pub display_name: String,
    pub email: String,
}

/// The registration a confirmation link would create, if the link still
/// works. Public (the token is the key). Reading creates nothing: mail
/// scanners open links, so the account waits for the page's button.
#[server(endpoint = "pending_registration")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_pending_registration(token: String) -> Result<PendingRegistration, AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::{repo, session::authorize, tokens::hash_token};
    use crate::server_context::pool;

    authorize(Access::Anyone).await?;
    let mut connection = pool()?.acquire().await?;
    let registration =
        repo::find_usable_registration(&mut connection, &hash_token(&token), chrono::Utc::now())
            .await?
            .ok_or(AppError::LinkInvalid)?;
    Ok(PendingRegistration {
        display_name: registration.display_name,
        email: registration.email,
    })
}

/// The link's button: the account is created as it was asked for (the
/// consent names the notice version the person accepted then), every request
/// for the address ends, and the new mentee is signed in.
#[server(endpoint = "confirm_registration")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn confirm_registration(token: String) -> Result<(), AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::repo::{self, NewAccount};
    use crate::accounts::session::authorize;
    use crate::accounts::{tokens::hash_token, Role};
    use crate::audit::AuditEvent;
    use crate::server_context::pool;

    authorize(Access::Anyone).await?;
    crate::accounts::rate_limit::knock(crate::accounts::rate_limit::Door::Registration)?;
    let pool = pool()?;
    if !repo::registration_open(&pool).await? {
        return Err(AppError::RegistrationClosed);
    }
    let now = chrono::Utc::now();
    let cohort_id =
        crate::profiles::repo::current_cohort_id(&pool, crate::program_time::program_today())
            .await?;
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let registration = repo::find_usable_registration(&mut transaction, &hash_token(&token), now)
        .await?
        .ok_or(AppError::LinkInvalid)?;
    let account_id = repo::insert_account_consenting_to(
        &mut transaction,
        &NewAccount {
            email: &registration.email,
            password_hash: &registration.password_hash,
            display_name: &registration.display_name,
            role: Role::Mentee,
            locale: &registration.locale,
            consent: crate::consent::ConsentContext::Registration,
        },
        registration.notice_version,
        now,
    )
    .await?
    // Someone took the address meanwhile (an invitation accepted): the link
    // can no longer create it.
    .ok_or(AppError::LinkInvalid)?;
    repo::delete_registrations_of(&mut transaction, &registration.email).await?;
    // The new mentee joins the current cohort; the profile is theirs to complete.
    crate::profiles::repo::ensure_profile(
        &mut transaction,
        account_id,
        &registration.email,
        Role::Mentee,
        cohort_id,
    )
    .await?;
    transaction.commit().await?;

    super::sign_in::sign_in_created(
        &pool,
        account_id,
        AuditEvent::MenteeRegistered,
        &registration.email,
        None,
    )
    .await?;
    let destination =
        super::sign_in::consent_first(&pool, account_id, Role::Mentee.home_path().to_owned())
            .await?;
    leptos_axum::redirect(&destination);
    Ok(())
}
