//! A signed-in person's own account: name, language, notices, password.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::accounts::NotificationDelivery;
use crate::accounts::SessionUser;
use crate::error::AppError;

/// The caller's own account, and how they receive the notices that can wait.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyAccount {
    pub user: SessionUser,
    pub notification_delivery: NotificationDelivery,
}

/// The caller's own account.
#[server(endpoint = "my_account")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn get_my_account() -> Result<MyAccount, AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::repo;
    use crate::accounts::session::authorize;
    use crate::server_context::pool;

    let authorized = authorize(Access::SignedIn).await?;
    let account = authorized.account()?;
    Ok(MyAccount {
        user: account.to_session_user(),
        notification_delivery: repo::notification_delivery(&pool()?, account.id).await?,
    })
}

/// Changes the caller's display name, preferred language (emails follow it;
/// so does this browser's interface language) and, when the form sends it,
/// how they receive the notices that can wait (`immediate` or
/// `weekly_digest`; left as it is otherwise). Answers the language saved.
#[server(endpoint = "update_my_account")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn update_my_account(
    display_name: String,
    locale: String,
    notification_delivery: Option<String>,
) -> Result<String, AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::repo;
    use crate::accounts::session::authorize;
    use crate::error::InputProblem;
    use crate::input::{parse_display_name, parse_locale_choice};
    use crate::locale::remember_locale;
    use crate::server_context::pool;

    let authorized = authorize(Access::SignedIn).await?;
    let account = authorized.account()?;
    let display_name = parse_display_name("display_name", &display_name)?;
    let locale = parse_locale_choice("locale", &locale)?;
    let pool = pool()?;
    let delivery = match notification_delivery.as_deref() {
        None => repo::notification_delivery(&pool, account.id).await?,
        Some(raw) => NotificationDelivery::parse(raw).ok_or(AppError::InvalidInput {
            field: "notification_delivery".to_owned(),
            problem: InputProblem::InvalidChoice,
        })?,
    };
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    repo::update_profile(
        &mut transaction,
        account.id,
        &display_name,
        locale,
        delivery,
    )
    .await?;
    transaction.commit().await?;
    remember_locale(locale)?;
    Ok(locale.to_owned())
}

/// Changes the caller's password after checking the current one. Other
/// sessions of the account end; this one stays signed in.
#[server(endpoint = "change_password")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), AppError> {
    use super::attempts::Attempt;
    use crate::accounts::password_rules::check_new_password;
    use crate::accounts::policy::Access;
    use crate::accounts::repo;
    use crate::accounts::session::{authorize, hash_password, sign_in, verify_password};
    use crate::accounts::throttle::minutes_to_tell;
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::error::InputProblem;
    use crate::server_context::{client_address, pool};

    let authorized = authorize(Access::SignedIn).await?;
    let account = authorized.account()?.clone();
    if current_password.is_empty() {
        return Err(AppError::InvalidInput {
            field: "current_password".to_owned(),
            problem: InputProblem::Required,
        });
    }
    let pool = pool()?;
    // Whoever holds the session may guess the password here as at the
    // sign-in: the same counts slow it, and each failure is audited.
    let address = client_address();
    let attempt = Attempt::new(&account.email, &address);
    if let Some(wait) = attempt.count(&pool).await? {
        attempt
            .audit(&pool, AuditEvent::CurrentPasswordThrottled)
            .await;
        return Err(AppError::TooManyAttempts {
            retry_after_minutes: minutes_to_tell(wait),
        });
    }
    if !verify_password(current_password, account.password_hash.clone()).await? {
        attempt
            .audit(&pool, AuditEvent::CurrentPasswordFailed)
            .await;
        return Err(AppError::InvalidInput {
            field: "current_password".to_owned(),
            problem: InputProblem::WrongCurrentPassword,
        });
    }
    attempt.succeeded(&pool).await?;
    check_new_password(
        "new_password",
        &new_password,
        &account.display_name,
        &account.email,
    )?;
    let password_hash = hash_password(new_password).await?;
    // One transaction: the new password, the end of earlier reset links and of
    // the account's other sessions (their proof holds the old hash) together.
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    repo::update_password(&mut transaction, account.id, &password_hash).await?;
    // A reset link asked for earlier must not undo this change.
    repo::expire_password_resets(&mut transaction, account.id, chrono::Utc::now()).await?;
    transaction.commit().await?;
    let updated = repo::find_account(&pool, account.id)
        .await?
        .ok_or(AppError::NotFound)?;
    // The session remembers the old password hash: sign in again with the new one.
    sign_in(updated).await?;
    record_by_caller(
        &pool,
        AuditEvent::PasswordChanged,
        Some(account.id),
        Some(&account.email),
        None,
    )
    .await;
    Ok(())
}
