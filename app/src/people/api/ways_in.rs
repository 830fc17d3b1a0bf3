//! The ways into an account: invitations and password resets (a student's
//! registration is in `registration`).
//! All public (the caller has no account yet); links are single use and expire.
use leptos::prelude::*;

use crate::accounts::InvitationSummary;
use crate::error::AppError;

/// What an invitation link is for, if it still works. Public (the token is the key).
#[server(endpoint = "invitation")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_invitation(token: String) -> Result<InvitationSummary, AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::{repo, session::authorize, tokens::hash_token};
    use crate::server_context::pool;

    authorize(Access::Anyone).await?;
    let invitation =
        repo::find_usable_invitation(&pool()?, &hash_token(&token), chrono::Utc::now())
            .await?
            .ok_or(AppError::LinkInvalid)?;
    Ok(invitation.summary()?)
}

/// The invitee sets a password, accepts the privacy notice and is signed in.
#[server(endpoint = "accept_invitation")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn accept_invitation(
    token: String,
    display_name: String,
    password: String,
    consent: Option<String>,
) -> Result<(), AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::repo::{self, NewAccount};
    use crate::accounts::session::{authorize, hash_password};
    use crate::accounts::tokens::hash_token;
    use crate::audit::AuditEvent;
    use crate::error::InputProblem;
    use crate::input::*;

    use crate::server_context::pool;

    authorize(Access::Anyone).await?;
    let pool = pool()?;
    let now = chrono::Utc::now();
    let invitation = repo::find_usable_invitation(&pool, &hash_token(&token), now)
        .await?
        .ok_or(AppError::LinkInvalid)?;
    let display_name = parse_display_name("display_name", &display_name)?;
    crate::accounts::password_rules::check_new_password(
        "password",
        &password,
        &display_name,
        &invitation.email,
    )?;
    require_checked("consent", consent.as_deref(), InputProblem::ConsentRequired)?;
    let role = invitation.role()?;

    let password_hash = hash_password(password).await?;
    let cohort_id = match invitation.cohort_id {
        Some(chosen) => Some(chosen),
        None => {
            crate::profiles::repo::current_cohort_id(&pool, crate::program_time::program_today())
                .await?
        }
    };
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let account_id = repo::insert_account(
        &mut transaction,
        &NewAccount {
            email: &invitation.email,
            password_hash: &password_hash,
            display_name: &display_name,
            role,
            locale: &invitation.locale,
            consent: crate::consent::ConsentContext::Invitation,
        },
        now,
    )
    .await?
    // Someone registered this address meanwhile: the link can no longer create it.
    .ok_or(AppError::LinkInvalid)?;
    if !repo::use_invitation(&mut transaction, invitation.id, account_id, now).await? {
        return Err(AppError::LinkInvalid);
    }
    // A mentor accepted from an application finds the profile made from it (in
    // the cohort the coordinator chose); one invited directly joins the cohort
    // the invitation names, or else the current one.
    crate::profiles::repo::ensure_profile(
        &mut transaction,
        account_id,
        &invitation.email,
        role,
        cohort_id,
    )
    .await?;
    transaction.commit().await?;

    super::sign_in::sign_in_created(
        &pool,
        account_id,
        AuditEvent::InvitationAccepted,
        &invitation.email,
        Some(role.as_str()),
    )
    .await?;
    leptos_axum::redirect(role.home_path());
    Ok(())
}

/// Sends a reset link if the address has an active account. The answer is the
/// same either way, and comes before any of that work is done, so that neither
/// its content nor its timing tells whether an address has an account.
#[server(endpoint = "request_password_reset")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::session::authorize;
    use crate::input::parse_email;
    use crate::server_context::client_address;
    use crate::server_context::{pool, server_settings};

    authorize(Access::Anyone).await?;
    crate::accounts::rate_limit::knock(crate::accounts::rate_limit::Door::PasswordReset)?;
    let pool = pool()?;
    let email = parse_email("email", &email)?;
    let public_url = server_settings()?.public_url;
    let address = client_address();
    tokio::spawn(async move {
        if let Err(error) = send_reset_link(pool, public_url, email, address).await {
            tracing::error!(%error, "cannot prepare a password reset");
        }
    });
    leptos_axum::redirect("/password/forgot?sent=1");
    Ok(())
}

/// The work behind a reset request: a link (at most three an hour per account)
/// and its email, in one transaction.
#[cfg(feature = "ssr")]
async fn send_reset_link(
    pool: sqlx::SqlitePool,
    public_url: String,
    email: String,
    address: String,
) -> Result<(), sqlx::Error> {
    use crate::accounts::repo;
    use crate::accounts::tokens::new_token;
    use crate::audit::repo::{record, AuditRecord};
    use crate::audit::AuditEvent;
    use crate::outbox::compose;
    use crate::outbox::repo::enqueue_composed;
    use crate::outbox::EmailKind;
    use crate::people::api::{RESETS_PER_HOUR, RESET_VALID_MINUTES};

    let Some(account) = repo::find_account_by_email(&pool, &email).await? else {
        tracing::info!("password reset asked for an address without an account");
        return Ok(());
    };
    if account.is_disabled {
        tracing::info!(
            account = account.id,
            "password reset asked for a disabled account"
        );
        return Ok(());
    }
    let (token, token_hash) = new_token();
    let now = chrono::Utc::now();
    let link = format!("{public_url}/password/reset/{token}");
    let message =
        compose::password_reset(&account.locale, &account.display_name, RESET_VALID_MINUTES);
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let recorded = repo::insert_password_reset_within_limit(
        &mut transaction,
        &token_hash,
        account.id,
        now + chrono::Duration::minutes(RESET_VALID_MINUTES),
        now - chrono::Duration::hours(1),
        RESETS_PER_HOUR,
    )
    .await?;
    if !recorded {
        tracing::warn!(
            account = account.id,
            "password reset refused: too many this hour"
        );
        return Ok(());
    }
    enqueue_composed(
        &mut transaction,
        EmailKind::PasswordReset,
        &account.email,
        &account.locale,
        &message,
        Some(&link),
    )
    .await?;
    transaction.commit().await?;
    record(
        &pool,
        AuditEvent::PasswordResetRequested,
        AuditRecord {
            subject: Some(&account.email),
            client: Some(&address),
            ..AuditRecord::default()
        },
    )
    .await;
    Ok(())
}

/// Whether a reset link still works (to show the form or say it expired). Public.
#[server(endpoint = "password_reset_status")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn check_password_reset(token: String) -> Result<(), AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::{repo, session::authorize, tokens::hash_token};
    use crate::server_context::pool;

    authorize(Access::Anyone).await?;
    if repo::password_reset_is_usable(&pool()?, &hash_token(&token), chrono::Utc::now()).await? {
        Ok(())
    } else {
        Err(AppError::LinkInvalid)
    }
}

/// Sets a new password from a reset link; every session of the account ends
/// (the session check includes the password hash), then the person signs in.
#[server(endpoint = "reset_password")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    use crate::accounts::password_rules::check_new_password;
    use crate::accounts::policy::Access;
    use crate::accounts::session::{authorize, hash_password};
    use crate::accounts::{repo, tokens::hash_token};
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;

    use crate::server_context::pool;

    authorize(Access::Anyone).await?;
    let pool = pool()?;
    let now = chrono::Utc::now();
    let token_hash = hash_token(&token);
    let (display_name, email) = repo::password_reset_owner(&pool, &token_hash, now)
        .await?
        .ok_or(AppError::LinkInvalid)?;
    check_new_password("password", &password, &display_name, &email)?;
    let password_hash = hash_password(password).await?;

    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let account_id = repo::use_password_reset(&mut transaction, &token_hash, now)
        .await?
        .ok_or(AppError::LinkInvalid)?;
    repo::update_password(&mut transaction, account_id, &password_hash).await?;
    repo::expire_password_resets(&mut transaction, account_id, now).await?;
    transaction.commit().await?;

    if let Some(account) = repo::find_account(&pool, account_id).await? {
        repo::clear_account_failures(&pool, &account.email).await?;
        record_by_caller(
            &pool,
            AuditEvent::PasswordReset,
            Some(account_id),
            Some(&account.email),
            None,
        )
        .await;
    }
    leptos_axum::redirect("/login?reset=done");
    Ok(())
}
